r"""IPCA monthly series (série mensal do IPCA): the shipped IBGE data and a reader for newer ones.

The library ships the IBGE IPCA monthly variations (percent, two decimals, as IBGE publishes them)
from January 2016 in ``aneel_rules/data/ipca_monthly.csv``, with its source and the date it was
last checked (:attr:`IpcaSeries.last_verified_on`). IBGE publishes a month's IPCA in the next
month, so the shipped series is always behind: read the caller's newer file with
:func:`read_ipca_series` and combine them with :meth:`IpcaSeries.extended`.

Two formats are read (text, or a path to UTF-8 text):

- the library's CSV: ``month,variation_percent`` rows (``2024-01,0.42``), ``#`` comment lines,
  optional ``# source:`` and ``# last_verified_on:`` headers;
- the Banco Central SGS export of series 433 ("IPCA - variação mensal", which republishes IBGE's
  figures) as JSON: ``[{"data": "01/01/2024", "valor": "0.42"}, ...]``.

Sources:
    - IBGE, Sistema Nacional de Índices de Preços ao Consumidor, IPCA — variação mensal.
    - Values shipped: see the ``# source:`` header of ``data/ipca_monthly.csv``.

Examples:
    >>> series = ipca_series()
    >>> series.variations[date(2024, 1, 1)], series.first, series.last.isoformat()
    (Decimal('0.42'), datetime.date(2016, 1, 1), '2025-12-01')
    >>> newer = read_ipca_series("month,variation_percent\n2026-01,0.33\n")
    >>> series.extended(newer).last
    datetime.date(2026, 1, 1)
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import IO, Final

import attrs

from aneel_rules._convert import plain_date, quoted, to_decimal
from aneel_rules._invoice.audit_messages import invalid
from aneel_rules._invoice.fields import OPTIONAL_DAY, TEXT, checked
from aneel_rules.errors import InvalidInputError

__all__ = ("MAX_SERIES_CHARS", "IpcaSeries", "as_index", "ipca_series", "read_ipca_series")

MAX_SERIES_CHARS: Final = 2_000_000
"""Library limit on a series file (IBGE's whole series since 1980 is a few tens of kB)."""

_MONTH: Final = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_SGS_DATE: Final = re.compile(r"01/(0[1-9]|1[0-2])/([0-9]{4})")
_HUNDRED: Final = Decimal(100)


def _frozen_map(value: Mapping[date, Decimal]) -> Mapping[date, Decimal]:
    if not isinstance(value, Mapping):
        raise invalid("variations", "not_a_series", path="variations", value=quoted(value))
    months = {
        _first_day(month, index): to_decimal(number, path=f"variations.{index}")
        for index, (month, number) in enumerate(value.items())
    }
    return MappingProxyType(dict(sorted(months.items())))


def _first_day(value: object, index: int) -> date:
    """A month of the series: the plain date of its first day (how the series is keyed)."""
    month = plain_date(value, path="variations")
    if month.day != 1:
        raise invalid(
            f"variations.{index}",
            "not_a_month",
            path=f"variations.{index}",
            value=month.isoformat(),
        )
    return month


@attrs.frozen(kw_only=True, field_transformer=checked)
class IpcaSeries:
    """Monthly IPCA variations in percent, by first day of month (série do IPCA).

    Pass :attr:`variations` (or the series itself) wherever the library asks for an ``index``.

    Attributes:
        variations: First day of each month → that month's variation in percent.
        source: Where the figures come from.
        last_verified_on: When they were last checked against the source (``None`` if unknown).
    """

    variations: Mapping[date, Decimal] = attrs.field(converter=_frozen_map)
    source: str = attrs.field(default="", metadata=TEXT)
    last_verified_on: date | None = attrs.field(default=None, metadata=OPTIONAL_DAY)

    @property
    def first(self) -> date:
        """First month of the series."""
        return next(iter(self.variations))

    @property
    def last(self) -> date:
        """Last month of the series."""
        return next(reversed(tuple(self.variations)))

    def extended(self, newer: IpcaSeries) -> IpcaSeries:
        """This series with ``newer``'s months added (``newer`` wins where both have a month)."""
        return IpcaSeries(
            variations={**self.variations, **newer.variations},
            source=f"{self.source}; {newer.source}" if newer.source else self.source,
            last_verified_on=newer.last_verified_on or self.last_verified_on,
        )


def _row_error(row: int, value: str) -> InvalidInputError:
    return invalid("ipca", "bad_series_row", row=str(row), value=quoted(value[:40]))


def _variation(text: object, row: int) -> Decimal:
    try:
        value = to_decimal(text, path="ipca")
    except InvalidInputError:
        raise _row_error(row, str(text)) from None
    if value <= -_HUNDRED:
        raise _row_error(row, str(text))
    return value


def _add(months: dict[date, Decimal], month: date, value: Decimal) -> None:
    if month in months:
        raise invalid("ipca", "duplicate_month", month=month.isoformat()[:7])
    months[month] = value


def _parse_csv(text: str) -> IpcaSeries:
    months: dict[date, Decimal] = {}
    headers: dict[str, str] = {}
    row = 0  # data rows from 1: comments, blank lines and the header are not rows
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            headers[key.strip()] = value.strip()
            continue
        if not line or line.replace(" ", "") == "month,variation_percent":
            continue
        row += 1
        month_text, _, value_text = line.partition(",")
        match = _MONTH.fullmatch(month_text.strip())
        if match is None:
            raise _row_error(row, line)
        month = date(int(match[1]), int(match[2]), 1)
        _add(months, month, _variation(value_text.strip(), row))
    verified = headers.get("last_verified_on")
    try:
        verified_on = date.fromisoformat(verified) if verified else None
    except ValueError:
        raise invalid("ipca", "unreadable_series", reason="bad last_verified_on") from None
    return _series(months, headers.get("source", ""), verified_on)


def _parse_sgs(text: str) -> IpcaSeries:
    try:
        rows = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError):
        raise invalid("ipca", "unreadable_series", reason="invalid JSON") from None
    months: dict[date, Decimal] = {}
    for row, item in enumerate(rows, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("data"), str):
            raise _row_error(row, quoted(item))
        match = _SGS_DATE.fullmatch(item["data"].strip())
        if match is None:
            raise _row_error(row, item["data"])
        # parse_float=Decimal: JSON numbers arrive as Decimal, never float
        _add(months, date(int(match[2]), int(match[1]), 1), _variation(item.get("valor"), row))
    return _series(months, "Banco Central do Brasil, SGS 433 (IPCA, IBGE)", None)


def _series(months: dict[date, Decimal], source: str, verified: date | None) -> IpcaSeries:
    if not months:
        raise invalid("ipca", "empty_series")
    return IpcaSeries(variations=months, source=source, last_verified_on=verified)


def _text(source: str | os.PathLike[str] | IO[str]) -> str:
    if isinstance(source, str) and ("\n" in source or source.lstrip().startswith("[")):
        text = source
    elif isinstance(source, (str, os.PathLike)):
        try:
            with Path(source).open(encoding="utf-8") as handle:
                text = handle.read(MAX_SERIES_CHARS + 1)
        except (OSError, UnicodeError, ValueError) as exc:  # ValueError: a NUL in the path
            raise invalid("ipca", "unreadable_series", reason=type(exc).__name__) from None
    elif hasattr(source, "read"):
        text = source.read(MAX_SERIES_CHARS + 1)
        if not isinstance(text, str):
            raise invalid("ipca", "unreadable_series", reason="the stream must give text")
    else:
        raise invalid("ipca", "unreadable_series", reason=f"not a path or stream: {quoted(source)}")
    if len(text) > MAX_SERIES_CHARS:
        raise invalid("ipca", "series_too_large", maximum=str(MAX_SERIES_CHARS))
    return text


def read_ipca_series(source: str | os.PathLike[str] | IO[str]) -> IpcaSeries:
    """Read a monthly IPCA series: the library's CSV or the SGS 433 JSON (leitor da série).

    Args:
        source: The text itself (it has a newline or starts with ``[``), a path, or a text
            stream. At most :data:`MAX_SERIES_CHARS` characters are read.

    Raises:
        InvalidInputError: unreadable file, a bad row (its number is given), a month twice, an
            empty series, a variation ≤ −100 %.

    Examples:
        >>> sgs = ('[{"data": "01/02/2026", "valor": "0.70"},'
        ...        ' {"data": "01/01/2026", "valor": "0.33"}]')
        >>> s = read_ipca_series(sgs)
        >>> [(m.isoformat(), v) for m, v in s.variations.items()]
        [('2026-01-01', Decimal('0.33')), ('2026-02-01', Decimal('0.70'))]
    """
    text = _text(source)
    if text.lstrip().startswith("["):
        return _parse_sgs(text)
    return _parse_csv(text)


@functools.cache
def ipca_series() -> IpcaSeries:
    """The IBGE IPCA monthly series shipped with the library (read once, then memoised)."""
    resource = resources.files("aneel_rules").joinpath("data", "ipca_monthly.csv")
    return _parse_csv(resource.read_bytes().decode("utf-8"))


def as_index(value: object, path: str) -> Mapping[date, Decimal]:
    """The month → variation mapping of an :class:`IpcaSeries` or of a plain mapping."""
    if isinstance(value, IpcaSeries):
        return value.variations
    if isinstance(value, Mapping):
        return value
    raise invalid(path, "not_a_series", path=path, value=quoted(value))
