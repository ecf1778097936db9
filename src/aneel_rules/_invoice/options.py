"""Less common facts of a bill (:class:`BillOptions`).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, cast

import attrs

from aneel_rules._billing.supply import SupplyType
from aneel_rules._convert import masked, non_negative, to_bool, to_decimal
from aneel_rules._invoice.bill import BillLine
from aneel_rules._invoice.demand import TrialPeriod, check_complementary
from aneel_rules._invoice.measurements import PostMap, to_post_map
from aneel_rules._invoice.messages import invalid
from aneel_rules._invoice.rates import TariffRates
from aneel_rules._invoice.social import families_count
from aneel_rules._invoice.taxes import GrossUp, TaxRates
from aneel_rules._tariffs.irrigation_region import IrrigationRegion

__all__ = ("BillOptions",)

_ZERO: Final = Decimal(0)


def _energy_rate(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, path="reactive_energy_rate")


def _demand_rate(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, path="reactive_demand_rate")


def _flag(value: object, path: str) -> bool:
    """A fact that is true or false: a real bool only.

    ``"no"`` or ``1`` would be a silent wrong answer (e.g. the rural demand rule of art. 294, I
    for a unit that is not seasonal).
    """
    return to_bool(value, path=path)


def _seasonal(value: object) -> bool:
    return _flag(value, "seasonal")


def _secondary(value: object) -> bool:
    return _flag(value, "secondary_metering")


def _adjustment(value: object) -> bool:
    return _flag(value, "adjustment_period")


def _indigenous(value: object) -> bool:
    return _flag(value, "indigenous_or_quilombola")


def _optional(kind: type) -> Callable[[Any, Any, Any], None]:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise invalid(
                attribute.name,
                "not_an_option",
                "{path} must be a {expected} or None, got {value}",
                path=attribute.name,
                expected=kind.__name__,
                value=masked(value),
            )

    return check


def _compensated(value: object) -> Decimal:
    # art. 307, § 2º: energy compensated in the SCEE, never negative (it would add flag energy)
    return non_negative(value, "scee_compensated_kwh", invalid=invalid)


def _sequence(value: object, path: str) -> list[object]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise invalid(
            path,
            "not_a_sequence",
            "{path} must be a sequence (list or tuple), got {value}",
            path=path,
            value=masked(value),
        )
    return list(cast("Iterable[object]", value))


def _history(value: object) -> tuple[PostMap, ...]:
    items = _sequence(value, "demand_history")
    return tuple(to_post_map(item, f"demand_history.{i}") for i, item in enumerate(items))


def _tolerance(value: object) -> Decimal:
    # a fraction (0.05 = 5 %), checked against OVERRUN_TOLERANCES by compute_bill
    return to_decimal(value, path="overrun_tolerance")


def _overrun_rate(value: object) -> PostMap | None:
    return None if value is None else to_post_map(value, "overrun_rate")


def _extra_lines(value: object) -> tuple[BillLine, ...]:
    lines = _sequence(value, "extra_lines")
    for index, line in enumerate(lines):
        if not isinstance(line, BillLine) or line.code not in {"municipal", "other"}:
            raise invalid(
                f"extra_lines.{index}",
                "not_a_caller_line",
                "{path} must be a BillLine with code municipal or other, got {value}",
                path=f"extra_lines.{index}",
                value=masked(line),
            )
    return tuple(cast("list[BillLine]", lines))


def _gross_up(_inst: object, _attr: object, value: object) -> None:
    if not isinstance(value, GrossUp):
        raise invalid(
            "gross_up",
            "not_a_gross_up",
            "{path} must be a GrossUp, got {value}",
            path="gross_up",
            value=masked(value),
        )


@attrs.frozen(kw_only=True)
class BillOptions:
    """Less common facts of a bill, grouped (all optional).

    Attributes:
        supply: Connection type of a group B unit (availability charge, arts. 290–291).
        demand_history: Measured demand of the 11 previous cycles, per post or single
            (rural/seasonal units, art. 294, I).
        seasonal: The unit's seasonality is recognised (arts. 294, I; 295).
        complementary_history: At a 12-cycle check, ``{post: 12 × (contracted, billed)}``
            (art. 300).
        overrun_tolerance: 5 % for consumption (default), 1 % or 10 % (art. 301, I–III).
        overrun_rate: VR_DULT per post when it is not the demand tariff (R$/kW).
        reactive_energy_rate: VR_ERE, TE of subgroup B1 bandeira verde, R$/MWh (art. 304;
            REN 414/2010, art. 96: "tarifa de energia “TE” aplicável ao subgrupo B1").
        reactive_demand_rate: VR_DRE, azul fora de ponta demand tariff, R$/kW (art. 304; its
            REN 414/2010 definition is not quoted: the rate the distributor applied).
        secondary_metering: Metering on the consumer's transformer secondary (art. 305).
        test_period: The cycle is in a test period (arts. 311–313).
        adjustment_period: The cycle is in the power-factor adjustment period (art. 316).
        indigenous_or_quilombola: Baixa renda indígena or quilombola subclass (art. 179, § 2º).
        families: Families behind one meter in a multi-family dwelling (art. 179, § 3º).
        social_rates: B1 desconto social rates, for that subclass (art. 179, § 4º).
        availability_rates: Convencional rates for the availability charge of a tarifa branca
            unit (art. 290, § 4º).
        irrigation_region: Region tier of a rural unit's irrigation discount (art. 186).
        scee_compensated_kwh: Energy compensated in the SCEE: no flag on it (art. 307, § 2º).
        taxes: PIS/PASEP, COFINS and ICMS rates; no tax lines when ``None``.
        gross_up: Convention of the taxes "por dentro".
        extra_lines: Caller-given lines (``municipal``: CIP/COSIP, waste fee; ``other``).
            ``other`` lines are in the tax base, ``municipal`` ones are not.
    """

    supply: SupplyType | None = attrs.field(default=None, validator=_optional(SupplyType))
    demand_history: Sequence[object] = attrs.field(default=(), converter=_history)
    seasonal: bool = attrs.field(default=False, converter=_seasonal)
    complementary_history: object = attrs.field(default=None, converter=check_complementary)
    overrun_tolerance: Decimal = attrs.field(default=Decimal("0.05"), converter=_tolerance)
    overrun_rate: object = attrs.field(default=None, converter=_overrun_rate)
    reactive_energy_rate: Decimal | None = attrs.field(default=None, converter=_energy_rate)
    reactive_demand_rate: Decimal | None = attrs.field(default=None, converter=_demand_rate)
    secondary_metering: bool = attrs.field(default=False, converter=_secondary)
    test_period: TrialPeriod | None = attrs.field(default=None, validator=_optional(TrialPeriod))
    adjustment_period: bool = attrs.field(default=False, converter=_adjustment)
    indigenous_or_quilombola: bool = attrs.field(default=False, converter=_indigenous)
    families: int = attrs.field(default=1, converter=families_count)
    social_rates: TariffRates | None = attrs.field(default=None, validator=_optional(TariffRates))
    availability_rates: TariffRates | None = attrs.field(
        default=None, validator=_optional(TariffRates)
    )
    irrigation_region: IrrigationRegion | None = attrs.field(
        default=None, validator=_optional(IrrigationRegion)
    )
    scee_compensated_kwh: Decimal = attrs.field(default=_ZERO, converter=_compensated)
    taxes: TaxRates | None = attrs.field(default=None, validator=_optional(TaxRates))
    gross_up: GrossUp = attrs.field(default=GrossUp.ADDITIVE, validator=_gross_up)
    extra_lines: Sequence[BillLine] = attrs.field(default=(), converter=_extra_lines)
