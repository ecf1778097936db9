"""Region tiers of the irrigation/aquaculture discount (REN 1.000/2021, art. 186, I–III).

Apart from :mod:`aneel_rules._tariffs.irrigation` (the discount and window rules), so that a
bill's options, which name the tier, do not import those rules for a unit without it.

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

import enum

__all__ = ("IrrigationRegion",)


class IrrigationRegion(enum.Enum):
    """Region tier of the irrigation/aquaculture discount (REN 1.000/2021, art. 186, I–III)."""

    NORTHEAST = (
        "Nordeste e municípios de Minas Gerais do Polígono da Seca e do Vale do Jequitinhonha"
    )
    NORTH_CENTER_WEST = "Norte, Centro-Oeste e demais municípios de Minas Gerais"
    OTHER = "demais regiões"
