"""Lossless conversion of user input (Decimal and dates), with the library's errors."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Final

from aneel_rules.errors import InvalidInputError

__all__ = ("MAX_MAGNITUDE", "quoted", "to_bool", "to_date", "to_decimal")

# Plain ASCII decimal notation. Decimal() alone also reads "١٢" (Arabic-Indic digits), "１２"
# (full-width) and "1_000", which no form or file of the sector writes: refused, not guessed.
# Library limit, not a regulatory number: magnitudes from 1E+15 on are refused. No energy,
# demand, voltage or amount of a consumer unit comes near it (R$ 1E+15 is ten times Brazil's
# GDP), and it keeps the billing arithmetic (34 significant digits, two decimals) exact and far
# from decimal's overflow — Decimal("1E+999999999999999999") is finite but breaks it.
MAX_MAGNITUDE: Final = Decimal("1E+15")
_NUMBER: Final = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")


def to_decimal(value: object, *, path: str, allow_float: bool = False) -> Decimal:
    """Convert ``value`` to a finite Decimal.

    Accepts ``Decimal``, ``int`` and numeric ``str`` (ASCII digits, optional sign, point
    and exponent; surrounding blanks ignored). A ``float`` is accepted only
    with ``allow_float`` (physical quantities such as kV), through its shortest
    ``repr`` so that ``13.8`` becomes ``Decimal("13.8")``; money never takes floats.

    Raises:
        InvalidInputError: anything else, NaN or infinity (``not_a_number``); a magnitude of
            :data:`MAX_MAGNITUDE` or more (``out_of_range``).
    """
    result: Decimal | None = None
    if isinstance(value, bool):
        result = None
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not allow_float:
            raise InvalidInputError.single(
                path,
                "float_not_allowed",
                "{path} must be a Decimal, int or str, not float ({value})",
                path=path,
                value=quoted(value),
            )
        result = Decimal(repr(value))
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:  # an exponent beyond what decimal can hold
            result = None
    if result is None or not result.is_finite():
        raise InvalidInputError.single(
            path,
            "not_a_number",
            "{path} must be a finite number, got {value}",
            path=path,
            value=quoted(value),
        )
    if result.copy_abs() >= MAX_MAGNITUDE:  # copy_abs: no context, so no Overflow
        raise InvalidInputError.single(
            path,
            "out_of_range",
            "{path} is out of range: {value} (the library accepts magnitudes below 1E+15)",
            path=path,
            value=f"{result:.6E}",
        )
    return result


def quoted(value: object) -> str:
    """``repr(value)`` for an error message; never raises (``repr(10**5000)`` does)."""
    try:
        return repr(value)
    except ValueError:  # an int longer than sys.get_int_max_str_digits(), or a container of one
        return f"<{type(value).__name__} too large to print>"


def to_date(value: object, *, path: str) -> date:
    """Convert a ``date`` or an ISO ``YYYY-MM-DD`` string to ``date`` (datetimes are refused)."""
    if isinstance(value, datetime):
        raise InvalidInputError.single(
            path,
            "not_a_date",
            "{path} must be a date, not a datetime ({value})",
            path=path,
            value=quoted(value),
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidInputError.single(
        path,
        "not_a_date",
        "{path} must be a date (YYYY-MM-DD), got {value}",
        path=path,
        value=quoted(value),
    )


def to_bool(value: object, *, path: str) -> bool:
    """``value`` if it is a real ``bool``.

    Truthiness is refused on purpose: ``"no"``, ``1`` or ``None`` standing for a legal fact
    (underground network, low income…) would be a silent wrong answer.

    Raises:
        InvalidInputError: code ``not_a_bool``.
    """
    if not isinstance(value, bool):
        raise InvalidInputError.single(
            path,
            "not_a_bool",
            "{path} must be True or False, got {value}",
            path=path,
            value=quoted(value),
        )
    return value
