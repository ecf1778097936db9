"""Tariff rules (regras tarifárias): groups, subgroups, modalities, tariff posts, calendars.

Legal basis:
    - REN 1.000/2021, art. 2º, XXIII and XXIV (grupos A and B and their subgrupos).
    - REN 1.000/2021, art. 174 (classes tarifárias).
"""

from __future__ import annotations

import enum

__all__ = ("ConsumerClass", "Group", "Subgroup")


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


class ConsumerClass(enum.Enum):
    """Tariff class (classe tarifária) of a consumer unit, REN 1.000/2021, art. 174, I–VIII."""

    RESIDENTIAL = "residencial"
    INDUSTRIAL = "industrial"
    COMMERCIAL = "comércio, serviços e outras atividades"
    RURAL = "rural"
    PUBLIC_POWER = "poder público"
    PUBLIC_LIGHTING = "iluminação pública"
    PUBLIC_SERVICE = "serviço público"
    OWN_CONSUMPTION = "consumo próprio"
