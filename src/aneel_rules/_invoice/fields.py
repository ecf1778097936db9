"""Checked fields of the invoice records: every constructor argument read by the input kit.

A record declares what each field holds in the field's metadata (``attrs.field(metadata=MONEY)``)
and is built with ``field_transformer=checked``; the transformer gives every such field a
converter that reads the argument through :mod:`aneel_rules._convert` (``docs/design.md``,
"Input"): money as ``Decimal``, ``int`` or numeric text (floats refused), quantities also as
floats, plain dates (a datetime refused, saying to pass ``.date()``), real ``bool`` values, whole
numbers, text, and values of one class. ``None`` passes only where the field says ``OPTIONAL``.
Every refusal is an :class:`~aneel_rules.errors.InvalidInputError` of catalog domain
``invoice_audit``; text that may be personal data is shown by its length only (``masked``).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

import attrs

from aneel_rules._convert import (
    masked,
    plain_date,
    to_bool,
    to_decimal,
    to_money,
    to_quantity,
    whole_number,
)
from aneel_rules._invoice.audit_messages import invalid

__all__ = (
    "COUNT",
    "DAY",
    "FLAG",
    "MONEY",
    "NUMBER",
    "OPTIONAL_DAY",
    "OPTIONAL_FLAG",
    "OPTIONAL_MONEY",
    "OPTIONAL_NUMBER",
    "OPTIONAL_QUANTITY",
    "OPTIONAL_TEXT",
    "QUANTITY",
    "TEXT",
    "checked",
    "frozenset_of",
    "instance",
    "optional_instance",
    "quantities_by",
    "tuple_of",
)

Check = Callable[[object, str], object]
_KEY: Final = "aneel_rules.invoice.check"


def _meta(check: Check) -> Mapping[str, Check]:
    return MappingProxyType({_KEY: check})


def _optional(check: Check) -> Check:
    def read(value: object, path: str) -> object:
        return None if value is None else check(value, path)

    return read


def _wrong_type(value: object, path: str, expected: str) -> Exception:
    return invalid(path, "wrong_type", path=path, expected=expected, value=masked(value))


def _money(value: object, path: str) -> Decimal:
    return to_money(value, path=path)


def _number(value: object, path: str) -> Decimal:
    # a factor or a difference (money, kWh or days): a finite number, floats refused
    return to_decimal(value, path=path)


def _quantity(value: object, path: str) -> Decimal:
    return to_quantity(value, path=path)


def _day(value: object, path: str) -> date:
    return plain_date(value, path=path)


def _flag(value: object, path: str) -> bool:
    return to_bool(value, path=path)


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise _wrong_type(value, path, "str")
    return value


def _count(value: object, path: str) -> int:
    number = whole_number(value, 0)
    if number is None:
        raise invalid(path, "not_a_count", path=path, value=masked(value))
    return number


MONEY: Final = _meta(_money)
OPTIONAL_MONEY: Final = _meta(_optional(_money))
NUMBER: Final = _meta(_number)
OPTIONAL_NUMBER: Final = _meta(_optional(_number))
QUANTITY: Final = _meta(_quantity)
OPTIONAL_QUANTITY: Final = _meta(_optional(_quantity))
DAY: Final = _meta(_day)
OPTIONAL_DAY: Final = _meta(_optional(_day))
FLAG: Final = _meta(_flag)
OPTIONAL_FLAG: Final = _meta(_optional(_flag))
TEXT: Final = _meta(_text)
OPTIONAL_TEXT: Final = _meta(_optional(_text))
COUNT: Final = _meta(_count)
"""A whole number from 0 (a count of days, a multiplier)."""


def _of(kind: type) -> Check:
    def read(value: object, path: str) -> object:
        if not isinstance(value, kind):
            raise _wrong_type(value, path, kind.__name__)
        return value

    return read


def instance(kind: type) -> Mapping[str, Check]:
    """A value of ``kind`` (an enum member, a record)."""
    return _meta(_of(kind))


def optional_instance(kind: type) -> Mapping[str, Check]:
    """A value of ``kind`` or ``None``."""
    return _meta(_optional(_of(kind)))


def _items(value: object, path: str, kind: type) -> list[object]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise invalid(path, "wrong_items", path=path, expected=kind.__name__, value=masked(value))
    items = list(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise _wrong_type(item, f"{path}.{index}", kind.__name__)
    return items


def tuple_of(kind: type) -> Mapping[str, Check]:
    """A tuple of ``kind`` values, from any iterable of them (not text, not a mapping)."""
    return _meta(lambda value, path: tuple(_items(value, path, kind)))


def frozenset_of(kind: type) -> Mapping[str, Check]:
    """A frozenset of ``kind`` values, from any iterable of them (not text, not a mapping)."""
    return _meta(lambda value, path: frozenset(_items(value, path, kind)))


def quantities_by(key: type) -> Mapping[str, Check]:
    """A read-only mapping of ``key`` (or ``None``) to a quantity (kWh, kW: floats allowed)."""

    def read(value: object, path: str) -> object:
        if not isinstance(value, Mapping):
            raise _wrong_type(value, path, "Mapping")
        items: dict[object, Decimal] = {}
        for name, number in value.items():
            if name is not None and not isinstance(name, key):
                raise _wrong_type(name, path, key.__name__)
            label = "none" if name is None else str(getattr(name, "name", name)).lower()
            items[name] = _quantity(number, f"{path}.{label}")
        return MappingProxyType(items)

    return _meta(read)


def checked(_cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """``field_transformer`` of the invoice records: the metadata's check as the converter."""
    result = []
    for field in fields:
        check = field.metadata.get(_KEY)
        if check is None:
            result.append(field)
            continue
        path = field.alias or field.name

        def convert(value: object, check: Check = check, path: str = path) -> object:
            return check(value, path)

        result.append(field.evolve(converter=convert))
    return result
