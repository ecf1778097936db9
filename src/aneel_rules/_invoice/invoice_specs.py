"""Field specs of the invoice parsers (private): enums, money, posts and demand maps.

Built on the portal's field machinery (:mod:`aneel_rules._portal.fields`); used by
:mod:`aneel_rules._invoice.parse` and :mod:`aneel_rules._invoice.bill_json`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

import attrs

from aneel_rules._convert import MAX_MAGNITUDE
from aneel_rules._invoice.audit_messages import error
from aneel_rules._portal.field_groups import Obj
from aneel_rules._portal.field_numbers import Number
from aneel_rules._portal.fields import INVALID, Choice, Collector, Spec
from aneel_rules._portal.messages import type_name
from aneel_rules._tariffs.posts import TariffPost

__all__ = ()

_MAX_TOP_KEYS: Final = 32
_T = TypeVar("_T")


@attrs.frozen
class _Enum(Spec):
    """:class:`Choice` with a fast path: a value written exactly as the enum's is looked up.

    ``Choice`` builds its caseless pattern on every call; an exact spelling (the usual case) is
    accepted by it too, so looking it up first changes no answer. Anything else goes to
    ``Choice`` (letter case, blanks, and the error message).
    """

    enum_cls: type[enum.Enum]
    exact: Mapping[str, enum.Enum] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "exact", {str(m.value): m for m in self.enum_cls})

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, self.enum_cls):
            return value
        if isinstance(value, str):
            member = self.exact.get(value.strip(" \t\n\r"))
            if member is not None:
                return member
        return Choice(self.enum_cls).convert(value, path, collector)

    def schema(self) -> dict[str, object]:
        return Choice(self.enum_cls).schema()


_POST_CHOICE: Final = _Enum(TariffPost)


@attrs.frozen
class _Money(Spec):
    """Money: Decimal, int or numeric text — never a float (JSON floats are refused)."""

    allow_negative: bool = True

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, float):
            collector.errors.append(error(path, "float_money"))
            return INVALID
        minimum = None if self.allow_negative else Decimal(0)
        return Number(minimum=minimum).convert(value, path, collector)

    def schema(self) -> dict[str, object]:
        return {"type": "string", "pattern": "^[-+]?[0-9]+(\\.[0-9]+)?$"}


@attrs.frozen
class _Post(Spec):
    """A tariff post by its Portuguese name (``ponta``, ``intermediário``, ``fora de ponta``)."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        return _POST_CHOICE.convert(value, path, collector)

    def schema(self) -> dict[str, object]:
        return Choice(TariffPost).schema()


@attrs.frozen
class _DemandMap(Spec):
    """``{"ponta": 110, "fora de ponta": 120}`` or ``{"total": 120}`` (verde: one demand)."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if not isinstance(value, Mapping):
            collector.add(path, "not_an_object", type=type_name(value))
            return INVALID
        if len(value) > len(TariffPost) + 1:
            collector.add(path, "too_many_items", maximum=len(TariffPost) + 1)
            return INVALID
        result: dict[TariffPost | None, Decimal] = {}
        for key, raw in value.items():
            child = f"{path}.{key}" if isinstance(key, str) else path
            post: TariffPost | None
            if key == "total":
                post = None
            else:
                converted = _POST_CHOICE.convert(key, child, collector)
                if converted is INVALID:
                    continue
                assert isinstance(converted, TariffPost)  # noqa: S101
                post = converted
            number = Number(minimum=Decimal(0)).convert(raw, child, collector)
            if isinstance(number, Decimal):
                result[post] = number
        return result

    def schema(self) -> dict[str, object]:
        return {"type": "object", "maxProperties": len(TariffPost) + 1}


_QUANTITY: Final = Number(minimum=-MAX_MAGNITUDE, maximum=MAX_MAGNITUDE)


def _is(value: object, cls: type[_T]) -> _T:
    assert isinstance(value, cls)  # noqa: S101 (the spec converted it)
    return value


def _opt(value: object, cls: type[_T]) -> _T | None:
    return None if value is None else _is(value, cls)


def _items(value: object) -> tuple[object, ...]:
    return () if value is None else _is(value, tuple)


def _convert_top(spec: Obj, data: object) -> tuple[Collector, object]:
    """Convert a whole request; the number of keys is checked before any work."""
    collector = Collector(today=date.max)
    if isinstance(data, Mapping) and len(data) > _MAX_TOP_KEYS:
        collector.add("$", "too_many_items", maximum=_MAX_TOP_KEYS)
        collector.raise_if_any()
    return collector, spec.convert(data, "", collector)
