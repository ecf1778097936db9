"""The input kit (conversão de entradas): numbers, dates, datetimes and flags, one policy.

Every public function reads its arguments through these helpers (``docs/design.md``, "Input"):

- money: ``Decimal``, ``int`` or numeric text (:func:`to_money`); floats are refused;
- physical quantities (kWh, kW, kV, kvarh, kVA): also ``float`` and numpy floating/integer
  scalars, read through their shortest ``repr`` (:func:`to_quantity`); NaN and infinities refused;
- numpy integers and bools count as Python ``int``/``bool``, ``pandas.Timestamp`` as the
  ``datetime`` it is; where a plain ``date`` is meant a datetime or Timestamp is refused with a
  message that says how to pass it (``.date()``).

numpy and pandas are never imported here: their scalars are recognised by their type's module
and unwrapped with ``.item()``, so ``import aneel_rules`` stays free of the extras.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Final, NoReturn

from aneel_rules.errors import InvalidInputError

__all__ = (
    "MAX_MAGNITUDE",
    "plain_date",
    "plain_scalar",
    "quoted",
    "to_bool",
    "to_date",
    "to_decimal",
    "to_money",
    "to_quantity",
)

# Plain ASCII decimal notation. Decimal() alone also reads "١٢" (Arabic-Indic digits), "１２"
# (full-width) and "1_000", which no form or file of the sector writes: refused, not guessed.
# Library limit, not a regulatory number: magnitudes from 1E+15 on are refused. No energy,
# demand, voltage or amount of a consumer unit comes near it (R$ 1E+15 is ten times Brazil's
# GDP), and it keeps the billing arithmetic (34 significant digits, two decimals) exact and far
# from decimal's overflow — Decimal("1E+999999999999999999") is finite but breaks it.
MAX_MAGNITUDE: Final = Decimal("1E+15")
_NUMBER: Final = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")


def plain_scalar(value: object) -> object:
    """A numpy scalar as the Python value it holds (``np.int64(3)`` → ``3``); others unchanged."""
    if type(value).__module__.split(".", 1)[0] == "numpy" and getattr(value, "ndim", None) == 0:
        item = getattr(value, "item", None)
        if callable(item):
            try:
                return item()
            except (TypeError, ValueError):  # a datetime64 NaT or an odd dtype: refused later
                return value
    return value


def to_quantity(value: object, *, path: str) -> Decimal:
    """A physical quantity (kWh, kW, kV, kvarh, kVA): :func:`to_decimal` with floats allowed."""
    return to_decimal(value, path=path, allow_float=True)


def to_money(value: object, *, path: str) -> Decimal:
    """An amount of money: :func:`to_decimal`, floats refused (binary fractions are not cents)."""
    return to_decimal(value, path=path)


def to_decimal(value: object, *, path: str, allow_float: bool = False) -> Decimal:
    """Convert ``value`` to a finite Decimal.

    Accepts ``Decimal``, ``int`` (numpy integers too) and numeric ``str`` (ASCII digits,
    optional sign, point and exponent; surrounding blanks ignored). A ``float`` (numpy floating
    scalars too) is accepted only with ``allow_float`` (physical quantities such as kV), through
    its shortest ``repr`` so that ``13.8`` becomes ``Decimal("13.8")``; money never takes floats.

    Raises:
        InvalidInputError: anything else, NaN or infinity (``not_a_number``); a magnitude of
            :data:`MAX_MAGNITUDE` or more (``out_of_range``).
    """
    value = plain_scalar(value)
    result: Decimal | None = None
    # Sizes first: Decimal() of a huge int or numeric text costs time quadratic in its length.
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _MAX_BITS:
        _out_of_range(path, f"<int of {value.bit_length()} bits>")
    if isinstance(value, str) and len(value) > _MAX_NUMBER_TEXT:
        _out_of_range(path, f"<text of {len(value)} characters>")
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
        result = Decimal(float.__repr__(value))  # a float subclass may print otherwise
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
        _out_of_range(path, f"{result:.6E}")
    return result


_MAX_BITS: Final = 64
"""Longest int read (|value| < 2**64, well above :data:`MAX_MAGNITUDE`); longer: out of range."""

_MAX_NUMBER_TEXT: Final = 100
"""Longest numeric text read (blanks included); longer: out of range, before any parsing."""


def _out_of_range(path: str, shown: str) -> NoReturn:
    raise InvalidInputError.single(
        path,
        "out_of_range",
        "{path} is out of range: {value} (the library accepts magnitudes below 1E+15)",
        path=path,
        value=shown,
    )


def quoted(value: object) -> str:
    """``repr(value)`` for an error message; never raises (``repr(10**5000)`` does)."""
    try:
        return repr(value)
    except ValueError:  # an int longer than sys.get_int_max_str_digits(), or a container of one
        return f"<{type(value).__name__} too large to print>"


def to_date(value: object, *, path: str, text: bool = True) -> date:
    """Convert a ``date`` (or, with ``text``, an ISO ``YYYY-MM-DD`` string) to ``date``.

    A ``datetime`` (or ``pandas.Timestamp``, numpy ``datetime64``) is refused: it is a date
    subclass that cannot be compared with a date, and which day it means depends on its time
    zone; the message says to pass ``value.date()``.
    """
    value = plain_scalar(value)
    if isinstance(value, datetime):
        raise InvalidInputError.single(
            path,
            "not_a_date",
            "{path} must be a date, not a datetime ({value}): pass its .date()",
            path=path,
            value=quoted(value),
        )
    if isinstance(value, date):
        return value
    if text and isinstance(value, str):
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


def plain_date(value: object, *, path: str) -> date:
    """``value`` if it is a plain ``date`` (no text, no datetime): :func:`to_date` without text."""
    return to_date(value, path=path, text=False)


def to_bool(value: object, *, path: str) -> bool:
    """``value`` if it is a real ``bool``.

    Truthiness is refused on purpose: ``"no"``, ``1`` or ``None`` standing for a legal fact
    (underground network, low income…) would be a silent wrong answer.

    A numpy ``bool_`` counts as the ``bool`` it holds.

    Raises:
        InvalidInputError: code ``not_a_bool``.
    """
    value = plain_scalar(value)
    if not isinstance(value, bool):
        raise InvalidInputError.single(
            path,
            "not_a_bool",
            "{path} must be True or False, got {value}",
            path=path,
            value=quoted(value),
        )
    return value
