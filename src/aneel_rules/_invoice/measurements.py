"""Measured quantities of one reading period (grandezas medidas).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Final, cast

import attrs

from aneel_rules._billing.money import CTX
from aneel_rules._convert import masked, non_negative, plain_date
from aneel_rules._invoice.messages import invalid
from aneel_rules._tariffs.posts import TariffPost

__all__ = ("Measurements", "PostMap", "to_post_map")

PostMap = Mapping[TariffPost | None, Decimal]
"""Quantities per tariff post; the key ``None`` stands for "no post" (convencional, verde)."""

_EMPTY: Final[PostMap] = MappingProxyType({})


def _quantity(value: object, path: str) -> Decimal:
    return non_negative(value, path, invalid=invalid, shown="text")


def to_post_map(value: object, path: str) -> PostMap:
    """A read-only ``{post or None: non-negative Decimal}`` from a mapping (or one number).

    A bare number means "no post" (key ``None``).
    """
    if value is None:
        return _EMPTY
    if not isinstance(value, Mapping):
        return MappingProxyType({None: _quantity(value, path)})
    items: dict[TariffPost | None, Decimal] = {}
    for key, number in cast("Mapping[object, object]", value).items():
        if key is not None and not isinstance(key, TariffPost):
            raise invalid(
                path,
                "not_a_post_key",
                "{path} keys must be TariffPost or None, got {value}",
                path=path,
                value=masked(key),
            )
        name = "none" if key is None else key.name.lower()
        items[key] = _quantity(number, f"{path}.{name}")
    if None in items and len(items) > 1:
        raise invalid(
            path,
            "mixed_post_keys",
            "{path} mixes quantities per post with one without post",
            path=path,
        )
    return MappingProxyType(items)


def _to_energy(value: object) -> PostMap:
    return to_post_map(value, "energy_kwh")


def _to_demand(value: object) -> PostMap:
    return to_post_map(value, "demand_kw")


def _to_reactive_demand(value: object) -> PostMap:
    return to_post_map(value, "reactive_demand_kw")


def _to_optional(value: object) -> Decimal | None:
    return None if value is None else _quantity(value, "reactive_excess_kwh")


def _to_irrigation(value: object) -> Decimal | None:
    return None if value is None else _quantity(value, "irrigation_kwh")


def _to_days(value: object) -> Mapping[date, Decimal]:
    if not isinstance(value, Mapping):
        raise invalid(
            "energy_by_day",
            "not_a_mapping",
            "{path} must be a mapping, got {value}",
            path="energy_by_day",
            value=masked(value),
        )
    days: dict[date, Decimal] = {}
    for key, number in cast("Mapping[object, object]", value).items():
        day = plain_date(key, path="energy_by_day")
        days[day] = _quantity(number, f"energy_by_day.{day.isoformat()}")
    return MappingProxyType(dict(sorted(days.items())))


@attrs.frozen(kw_only=True)
class Measurements:
    """What the meter recorded in one reading period (grandezas medidas, art. 327, IV).

    Attributes:
        energy_kwh: Active energy per post (azul, verde, branca) or under the key ``None``
            (convencional); a bare number is accepted for the latter.
        demand_kw: Measured demand (demanda medida, art. 2º, XIII: largest 15-minute average)
            per post for azul, under ``None`` for verde; empty for group B.
        reactive_excess_kwh: Reactive excess energy of the period, in kWh
            (``Σ_T EEAM_T × (0.92/f_T − 1)``, art. 304), or ``None`` if not measured.
        reactive_demand_kw: Largest hourly demand corrected to 0.92 (``MAX_T DAM_T·0.92/f_T``)
            per post (azul) or under ``None`` (verde), or empty if not measured.
        energy_by_day: Active energy per day, when the meter allows it ("medição apropriada",
            art. 307, § 1º: each bandeira is charged on the energy of its own days).
        irrigation_kwh: Energy consumed inside the irrigation/aquaculture discount window
            (art. 186), if any.

    Examples:
        >>> m = Measurements(energy_kwh={TariffPost.PEAK: 10, TariffPost.OFF_PEAK: "90"})
        >>> m.total_kwh
        Decimal('100')
        >>> Measurements(energy_kwh=150).energy_kwh[None]
        Decimal('150')
    """

    energy_kwh: PostMap = attrs.field(converter=_to_energy)
    demand_kw: PostMap = attrs.field(default=None, converter=_to_demand)
    reactive_excess_kwh: Decimal | None = attrs.field(default=None, converter=_to_optional)
    reactive_demand_kw: PostMap = attrs.field(default=None, converter=_to_reactive_demand)
    energy_by_day: Mapping[date, Decimal] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_to_days
    )
    irrigation_kwh: Decimal | None = attrs.field(default=None, converter=_to_irrigation)

    @property
    def total_kwh(self) -> Decimal:
        """Active energy of the period (all posts)."""
        total = Decimal(0)
        for value in self.energy_kwh.values():
            total = CTX.add(total, value)
        return total

    @property
    def has_reactive(self) -> bool:
        """Whether reactive quantities were measured."""
        return self.reactive_excess_kwh is not None or bool(self.reactive_demand_kw)
