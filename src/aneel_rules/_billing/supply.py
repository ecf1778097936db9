"""The connection type of a consumer unit (tipo de ligação), REN 1.000/2021, art. 291.

Apart from :mod:`aneel_rules._billing.availability` (the availability charge it selects), so
that a bill's options, which name it, do not import that rule for a unit without one.

Private: import the public names from :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import enum

__all__ = ("SupplyType",)


class SupplyType(enum.Enum):
    """Number of phases and conductors of the connection (tipo de ligação)."""

    SINGLE_PHASE = "monofásico"
    TWO_PHASE_TWO_WIRE = "bifásico a dois condutores"
    TWO_PHASE_THREE_WIRE = "bifásico a três condutores"
    THREE_PHASE = "trifásico"
