"""Group-B billing option of a group-A unit (opção de faturamento pelo grupo B, art. 292).

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._convert import plain_date
from aneel_rules._tariffs.common import DOMAIN, invalid
from aneel_rules._tariffs.units import ConsumerUnit, Group, SceeParticipation, check_unit
from aneel_rules.errors import InvalidInputError, UnsupportedCaseError
from aneel_rules.legal import (
    Basis,
    Norm,
    check_bases,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
    to_bases,
)

__all__ = (
    "GROUP_B_OPTION_COOPERATIVE_MAX_KVA",
    "GROUP_B_OPTION_MAX_KVA",
    "GroupBOptionCheck",
    "GroupBOptionCriterion",
    "group_b_option_check",
)

GROUP_B_OPTION_MAX_KVA: Final = Decimal("112.5")
"""Art. 292, I (and § 3º, II for SCEE units): transformers up to 112,5 kVA in all."""

GROUP_B_OPTION_COOPERATIVE_MAX_KVA: Final = Decimal(1125)
"""Art. 292, II: up to 1.125 kVA for the subclass cooperativa de eletrificação rural."""

_REN1059_SINCE: Final = in_force_from(Norm.REN_1059_2023)
_P3_REN1059: Final = ren1000(292, paragraph=3, amended_by=Norm.REN_1059_2023)


class GroupBOptionCriterion(enum.Enum):
    """The criterion of art. 292 a unit meets (critério da opção pelo grupo B)."""

    TRANSFORMERS_UP_TO_112_5_KVA = "transformadores até 112,5 kVA"
    RURAL_COOPERATIVE_UP_TO_1125_KVA = "cooperativa de eletrificação rural, até 1.125 kVA"
    TOURISM_LODGING = "hotelaria ou pousada em área de veraneio ou turismo"
    SPORTS_LIGHTING = "refletores de ao menos 2/3 da carga em instalação esportiva ou parque"

    @property
    def basis(self) -> tuple[Basis, ...]:
        """The inciso of art. 292 (with § 1º for the tourism area)."""
        return _CRITERION_BASIS[self]


_CRITERION_BASIS: Final[dict[GroupBOptionCriterion, tuple[Basis, ...]]] = {
    GroupBOptionCriterion.TRANSFORMERS_UP_TO_112_5_KVA: (ren1000(292, item="I"),),
    GroupBOptionCriterion.RURAL_COOPERATIVE_UP_TO_1125_KVA: (ren1000(292, item="II"),),
    GroupBOptionCriterion.TOURISM_LODGING: (ren1000(292, item="III"), ren1000(292, paragraph=1)),
    GroupBOptionCriterion.SPORTS_LIGHTING: (ren1000(292, item="IV"),),
}


@attrs.frozen(kw_only=True)
class GroupBOptionCheck:
    """Whether a group-A unit may be billed at group-B tariffs (verificação do art. 292).

    Attributes:
        qualifies: Whether the unit meets art. 292 on the date.
        criterion: The first criterion of the caput it meets, or ``None``.
        basis: Provisions applied (the criterion, or the provisions it fails).
    """

    qualifies: bool
    criterion: GroupBOptionCriterion | None
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _required_kva(unit: ConsumerUnit, basis: Basis) -> Decimal:
    if unit.transformer_kva is None:
        raise InvalidInputError.single(
            "transformer_kva",
            "required",
            "{path} is required to check the group-B option of art. 292",
            domain=DOMAIN,
            basis=basis,
            path="transformer_kva",
        )
    return unit.transformer_kva


def group_b_option_check(unit: ConsumerUnit, *, on: date) -> GroupBOptionCheck:
    """Whether a group-A unit may opt for group-B billing (REN 1.000/2021, art. 292).

    One criterion of the caput suffices: I. transformers up to 112,5 kVA in all; II. up to
    1.125 kVA for a cooperativa de eletrificação rural; III. a hotel or pousada in an area
    officially recognised as estância balneária, hidromineral, climática or turística (§ 1º),
    whatever the transformers; IV. floodlights of at least 2/3 of the installed load in a
    permanent sports installation or agricultural exhibition park. The voltage alone never
    decides: III and IV hold at any voltage. An SCEE unit (§ 3º, wording by REN 1.059/2023)
    must also have its own micro or minigeneration, transformers up to 112,5 kVA and no
    surplus allocated to or received from another unit. Before REN 1.059/2023, § 3º sent a
    unit with minigeneration to "regulação específica", which the library does not model.

    Args:
        unit: The consumer unit (its ``transformer_kva``, ``tourism_lodging``,
            ``sports_lighting``, ``rural_cooperative`` and ``scee`` facts).
        on: The date asked about.

    Raises:
        InvalidInputError: not a group-A unit; ``transformer_kva`` missing when the answer
            depends on it.
        UnsupportedCaseError: a REN 414/2010 date, code ``unverified_ren414`` and ``basis``
            REN 414/2010, art. 100 (its criteria are only paraphrased by the sources found:
            ``docs/sources.md``); an SCEE unit before REN 1.059/2023.

    Legal basis:
        - REN 1.000/2021, art. 292, I–IV, § 1º and § 3º (wording by REN 1.059/2023).

    Examples:
        >>> from aneel_rules.tariffs import ConsumerClass
        >>> shop = ConsumerUnit(connection_voltage_kv="13.8", transformer_kva="112.5",
        ...                     consumer_class=ConsumerClass.COMMERCIAL)
        >>> check = group_b_option_check(shop, on=date(2026, 3, 2))
        >>> check.qualifies, check.criterion.name, str(check.basis[0])
        (True, 'TRANSFORMERS_UP_TO_112_5_KVA', 'REN 1.000/2021, art. 292, I')
        >>> big = ConsumerUnit(connection_voltage_kv="138", transformer_kva=20000,
        ...                    consumer_class=ConsumerClass.INDUSTRIAL)
        >>> group_b_option_check(big, on=date(2026, 3, 2)).qualifies
        False
    """
    check_unit(unit)
    day = plain_date(on, path="on")
    if unit.group is not Group.A:
        raise invalid(
            "unit", "not_group_a", "{path} applies only to group-A units", path="group_b_option"
        )
    # Every argument is checked above: only now may the regime be refused.
    # REN 414/2010, art. 100: the article is known (REN 733/2016, art. 3 refers to "grupo A
    # com tarifa do grupo B, conforme disposto no art. 100") but its criteria only paraphrased
    if norm_in_force(day) is Norm.REN_414_2010:
        raise UnsupportedCaseError(
            "the group-B billing option of a group-A unit under REN 414/2010 (art. 100) is not "
            "modelled: the criteria of art. 100 are not quoted in any source found (only "
            "paraphrased)",
            code="unverified_ren414",
            domain="tariffs",
            basis=ren414(100),
            params={"on": day.isoformat()},
        )
    scee_basis: tuple[Basis, ...] = ()
    if unit.scee is not SceeParticipation.NONE:
        # Art. 292, § 3º, original wording: minigeneration → "regulação específica"
        if day < _REN1059_SINCE:
            raise UnsupportedCaseError(
                f"art. 292, § 3º before REN 1.059/2023 ({_REN1059_SINCE.isoformat()}) sends a "
                "unit with minigeneration to a specific regulation the library does not model"
            )
        # Art. 292, § 3º (REN 1.059/2023), I and III: own generation, no surplus elsewhere
        if unit.scee is not SceeParticipation.OWN_GENERATION_ONLY:
            return GroupBOptionCheck(qualifies=False, criterion=None, basis=(_P3_REN1059,))
        # Art. 292, § 3º, II: transformers up to 112,5 kVA, jointly with I and III
        if _required_kva(unit, _P3_REN1059) > GROUP_B_OPTION_MAX_KVA:
            return GroupBOptionCheck(qualifies=False, criterion=None, basis=(_P3_REN1059,))
        scee_basis = (_P3_REN1059,)
    # Art. 292, III and IV: whatever the transformers
    if unit.tourism_lodging:
        criterion = GroupBOptionCriterion.TOURISM_LODGING
    elif unit.sports_lighting:
        criterion = GroupBOptionCriterion.SPORTS_LIGHTING
    else:
        kva = _required_kva(unit, ren1000(292))
        # Art. 292, I: up to 112,5 kVA
        if kva <= GROUP_B_OPTION_MAX_KVA:
            criterion = GroupBOptionCriterion.TRANSFORMERS_UP_TO_112_5_KVA
        # Art. 292, II: up to 1.125 kVA for a cooperativa de eletrificação rural
        elif unit.rural_cooperative and kva <= GROUP_B_OPTION_COOPERATIVE_MAX_KVA:
            criterion = GroupBOptionCriterion.RURAL_COOPERATIVE_UP_TO_1125_KVA
        else:
            refs: tuple[Basis, ...] = (ren1000(292, item="I"),)
            if unit.rural_cooperative:
                refs = (*refs, ren1000(292, item="II"))
            return GroupBOptionCheck(qualifies=False, criterion=None, basis=refs)
    return GroupBOptionCheck(
        qualifies=True, criterion=criterion, basis=(*criterion.basis, *scee_basis)
    )
