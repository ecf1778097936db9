"""Tariff rules (regras tarifárias): groups, subgroups, modalities, tariff posts, calendars.

Legal basis:
    - REN 1.000/2021, art. 2º, XXIII and XXIV (grupos A and B and their subgrupos).
"""

from __future__ import annotations

import enum

__all__ = ("Group", "Subgroup")


class Group(enum.Enum):
    """Tariff group (grupo tarifário), REN 1.000/2021, art. 2º, XXIII–XXIV."""

    A = "A"
    B = "B"


class Subgroup(enum.Enum):
    """Tariff subgroup (subgrupo tarifário), REN 1.000/2021, art. 2º, XXIII–XXIV."""

    A1 = "A1"
    A2 = "A2"
    A3 = "A3"
    A3A = "A3a"
    A4 = "A4"
    AS = "AS"
    B1 = "B1"
    B2 = "B2"
    B3 = "B3"
    B4 = "B4"

    @property
    def group(self) -> Group:
        """The group this subgroup belongs to."""
        return Group.A if self.value.startswith("A") else Group.B
