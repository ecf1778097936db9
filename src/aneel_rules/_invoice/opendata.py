"""Readers shared by ANEEL's open-data files (dados abertos): lines, decimal commas, dates.

File reading happens here and only here (the edges of the invoice rules): a loader takes a
path, a binary stream or already decoded text lines.

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from aneel_rules._convert import quoted
from aneel_rules._invoice.messages import invalid
from aneel_rules.errors import AneelRulesError

__all__ = ("decimal_comma", "iso_day", "text_lines")


def text_lines(source: object, encoding: str) -> Iterator[str]:
    """Lines of ``source``: a path or binary stream decoded with ``encoding``, or text lines.

    A file that cannot be opened or decoded (missing, a directory, not ``encoding``, an
    unknown encoding) is the library's error ``unreadable_source``, naming the kind of failure
    only (never the path, which may carry a name).
    """
    try:
        yield from _lines(source, encoding)
    except AneelRulesError:
        raise
    except (OSError, UnicodeError, LookupError, ValueError) as exc:
        raise invalid(
            "source",
            "unreadable_source",
            "the file could not be read: {reason}",
            reason=type(exc).__name__,
        ) from None


def _lines(source: object, encoding: str) -> Iterator[str]:
    if isinstance(source, os.PathLike):
        # an edge: a path, opened as ``Path(source).open`` did (``io.open`` is the built-in
        # ``open``; pathlib is not imported for it: every bill imports this module)
        with io.open(source, encoding=encoding, newline="") as handle:  # noqa: UP020
            yield from handle
        return
    if isinstance(source, io.IOBase) and not isinstance(source, io.TextIOBase):
        wrapper = io.TextIOWrapper(source, encoding=encoding, newline="")  # type: ignore[type-var]
        try:
            yield from wrapper
        finally:
            wrapper.detach()  # the caller's stream stays open: it is theirs to close
        return
    if isinstance(source, Iterable) and not isinstance(source, str | bytes):
        for line in source:
            if not isinstance(line, str):
                raise invalid(
                    "source",
                    "not_a_line",
                    "{path} must yield text lines, got {value}",
                    path="source",
                    value=quoted(line),
                )
            yield line
        return
    raise invalid(
        "source",
        "not_a_source",
        "{path} must be a path, a binary stream or an iterable of text lines, got {value}",
        path="source",
        value=quoted(source),
    )


def decimal_comma(text: str, row: int | str, column: str) -> Decimal:
    """A non-negative number written with a decimal comma (``"1.234,56"``, ``",00"``).

    ``row`` is the data row (from 1, the first row under the header) named by an error.
    """
    cleaned = text.strip().replace(".", "").replace(",", ".")
    if cleaned.startswith("."):
        cleaned = "0" + cleaned
    try:
        number = Decimal(cleaned) if cleaned else Decimal(0)
    except ArithmeticError:
        number = Decimal("NaN")
    if not number.is_finite() or number < 0:
        raise invalid(
            f"row.{row}.{column}",
            "bad_csv_number",
            "data row {row}: {column} is not a decimal-comma number: {value}",
            row=str(row),
            column=column,
            value=quoted(text),
        )
    return number


def iso_day(text: str, row: int | str, column: str) -> date | None:
    """An ISO date (``YYYY-MM-DD``, a time part ignored); ``None`` for an empty field."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise invalid(
            f"row.{row}.{column}",
            "bad_csv_date",
            "data row {row}: {column} is not a date: {value}",
            row=str(row),
            column=column,
            value=quoted(text),
        ) from None
