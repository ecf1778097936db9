"""Lossless conversion of user input (Decimal and dates), with the library's errors."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from aneel_rules.errors import InvalidInputError

__all__ = ("to_bool", "to_date", "to_decimal")


def to_decimal(value: object, *, path: str, allow_float: bool = False) -> Decimal:
    """Convert ``value`` to a finite Decimal.

    Accepts ``Decimal``, ``int`` and numeric ``str``. A ``float`` is accepted only
    with ``allow_float`` (physical quantities such as kV), through its shortest
    ``repr`` so that ``13.8`` becomes ``Decimal("13.8")``; money never takes floats.

    Raises:
        InvalidInputError: anything else, NaN or infinity.
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
                value=repr(value),
            )
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            result = None
    if result is None or not result.is_finite():
        raise InvalidInputError.single(
            path,
            "not_a_number",
            "{path} must be a finite number, got {value}",
            path=path,
            value=repr(value),
        )
    return result


def to_date(value: object, *, path: str) -> date:
    """Convert a ``date`` or an ISO ``YYYY-MM-DD`` string to ``date`` (datetimes are refused)."""
    if isinstance(value, datetime):
        raise InvalidInputError.single(
            path,
            "not_a_date",
            "{path} must be a date, not a datetime ({value})",
            path=path,
            value=repr(value),
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
        value=repr(value),
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
            value=repr(value),
        )
    return value
