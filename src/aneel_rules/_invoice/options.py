"""Less common facts of a bill (:class:`BillOptions`).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.supply import SupplyType
from aneel_rules._convert import to_decimal
from aneel_rules._invoice.bill import BillLine
from aneel_rules._invoice.demand import (
    TrialPeriod,
)
from aneel_rules._invoice.rates import TariffRates
from aneel_rules._invoice.taxes import GrossUp, TaxRates
from aneel_rules._tariffs.irrigation_region import IrrigationRegion

__all__ = ("BillOptions",)

_ZERO: Final = Decimal(0)


def _energy_rate(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, path="reactive_energy_rate")


def _demand_rate(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, path="reactive_demand_rate")


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

    supply: SupplyType | None = None
    demand_history: Sequence[object] = ()
    seasonal: bool = False
    complementary_history: object = None
    overrun_tolerance: Decimal = Decimal("0.05")
    overrun_rate: object = None
    reactive_energy_rate: Decimal | None = attrs.field(default=None, converter=_energy_rate)
    reactive_demand_rate: Decimal | None = attrs.field(default=None, converter=_demand_rate)
    secondary_metering: bool = False
    test_period: TrialPeriod | None = None
    adjustment_period: bool = False
    indigenous_or_quilombola: bool = False
    families: int = 1
    social_rates: TariffRates | None = None
    availability_rates: TariffRates | None = None
    irrigation_region: IrrigationRegion | None = None
    scee_compensated_kwh: Decimal = _ZERO
    taxes: TaxRates | None = None
    gross_up: GrossUp = GrossUp.ADDITIVE
    extra_lines: Sequence[BillLine] = ()
