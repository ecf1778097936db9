"""Tariff modalities and when the tarifa branca is offered (REN 1.000/2021, arts. 211–219, II).

Apart from :mod:`aneel_rules._tariffs.modalities` (the enquadramento: which modalities a unit
may have), so that the tariff posts and a bill, which name a modality, do not import those
rules.

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._tariffs.common import (
    LAST_VERIFIED,
    REN414_START,
    REN1000_START,
    invalid,
)
from aneel_rules.legal import ren414, ren1000
from aneel_rules.timeline import Period, Timeline

__all__ = ("WHITE_TARIFF_AVAILABILITY", "TariffModality", "WhiteTariffAvailability")


class TariffModality(enum.Enum):
    """Tariff modality (modalidade tarifária), REN 1.000, arts. 211–214; REN 414, art. 2º, L."""

    CONVENTIONAL_MONOMIAL = "convencional monômia"
    CONVENTIONAL_BINOMIAL = "convencional binômia"
    WHITE = "horária branca"
    GREEN = "horária verde"
    BLUE = "horária azul"

    @property
    def has_posts(self) -> bool:
        """Whether the modality segments the day into tariff posts (the horária ones)."""
        return self not in {
            TariffModality.CONVENTIONAL_MONOMIAL,
            TariffModality.CONVENTIONAL_BINOMIAL,
        }


@attrs.frozen(kw_only=True)
class WhiteTariffAvailability:
    """Which group-B units could opt into the tarifa branca at a time (REN 414 phase-in).

    Attributes:
        available: Whether the modality could be chosen at all.
        min_average_consumption_kwh: Average monthly consumption the unit had to exceed
            (strictly), or ``None`` when any consumption qualifies.
        new_connections: Whether new connections qualified regardless of consumption.
    """

    available: bool
    min_average_consumption_kwh: Decimal | None = None
    new_connections: bool = True

    def admits(self, *, average_consumption_kwh: Decimal | None, new_connection: bool) -> bool:
        """Whether a unit qualifies; ``None`` consumption is only acceptable if not needed."""
        if not self.available:
            return False
        if self.min_average_consumption_kwh is None or (new_connection and self.new_connections):
            return True
        if average_consumption_kwh is None:
            raise invalid(
                "average_consumption_kwh",
                "required",
                "{path} is required on this date: the tarifa branca was then open "
                "only to units averaging more than {limit} kWh/month",
                path="average_consumption_kwh",
                limit=str(self.min_average_consumption_kwh),
            )
        return average_consumption_kwh > self.min_average_consumption_kwh


_REN733_NOTE: Final = (
    "Phase-in set by REN 733/2016 (the 'resolução específica' that REN 414 awaited): from "
    "1 Jan 2018 new connections and units averaging > 500 kWh/month, from 1 Jan 2019 > 250 "
    "kWh/month, from 1 Jan 2020 every group-B unit. Dates and thresholds: ANEEL's decision as "
    "reported by several independent press sources (Medium); the REN 733 article could not be "
    "read, so the basis cited is the REN 414 provision that made branca depend on it."
)

WHITE_TARIFF_AVAILABILITY: Final[Timeline[WhiteTariffAvailability]] = Timeline(
    name="white_tariff_availability",
    unit="availability",
    label_pt="disponibilidade da tarifa branca",
    periods=(
        Period(
            since=REN414_START,
            value=WhiteTariffAvailability(available=False),
            basis=ren414(57),
            note="REN 414, art. 57 (group B, II): branca 'somente após a publicação de resolução "
            "específica'; not yet published (2013 study note).",
        ),
        Period(
            since=date(2018, 1, 1),
            value=WhiteTariffAvailability(available=True, min_average_consumption_kwh=Decimal(500)),
            basis=ren414(57),
            note=_REN733_NOTE,
        ),
        Period(
            since=date(2019, 1, 1),
            value=WhiteTariffAvailability(available=True, min_average_consumption_kwh=Decimal(250)),
            basis=ren414(57),
            note=_REN733_NOTE,
        ),
        Period(
            since=date(2020, 1, 1),
            value=WhiteTariffAvailability(available=True),
            basis=ren414(57),
            note=_REN733_NOTE,
        ),
        Period(
            since=REN1000_START,
            value=WhiteTariffAvailability(available=True),
            basis=ren1000(219, item="II"),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Availability of the tarifa branca to group-B units (REN 414 phase-in; REN 1.000 art. 219, II)."""
