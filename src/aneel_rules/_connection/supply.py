"""Group and connection voltage by load (enquadramento, REN 1.000/2021 art. 23)."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._connection.common import (
    check_bool,
    invalid,
    non_negative,
    positive,
    require_ren1000,
)
from aneel_rules._connection.ren414 import GAP_PLANT_VOLTAGE, GAP_SUPPLY_VOLTAGE
from aneel_rules._connection.voltage import VoltageLevel
from aneel_rules._tariffs.units import Group
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN1000_IN_FORCE_FROM,
    AmendmentKind,
    Basis,
    LegalRef,
    Norm,
    in_force_from,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "GROUP_A_BY_STUDY_COUNTS_GENERATION",
    "MINIGENERATION_IN_GROUP_A",
    "REN_1059_DATE",
    "PowerPlantVoltageDecision",
    "SupplyOption",
    "SupplyVoltageDecision",
    "VoltageLevel",
    "power_plant_voltage",
    "supply_voltage",
)

_GROUP_B_LOAD_LIMIT_KW: Final = Decimal(75)
_GROUP_A_BY_STUDY_FROM_KW: Final = Decimal(50)
_GROUP_A_DEMAND_LIMIT_KW: Final = Decimal(2500)
_PLANT_LOW_VOLTAGE_MAX_KW: Final = Decimal(500)
_PLANT_MEDIUM_VOLTAGE_MAX_KW: Final = Decimal(30000)

REN_1059_DATE: Final = in_force_from(Norm.REN_1059_2023)
"""Entry into force of REN 1.059/2023: its publication in the DOU of 10 Feb 2023.

The act is dated 7 Feb 2023 ("REN ANEEL 1.059, de 07.02.2023" in the compiled text); it binds
from its publication (``legal.NORMS`` gives the source), so art. 23 §§ 1º and 6º change then.
"""

_P1_ORIGINAL: Final = ren1000(23, paragraph=1)
_P1_REN1059: Final = ren1000(23, paragraph=1, amended_by=Norm.REN_1059_2023)
_P6_REN1059: Final = ren1000(
    23, paragraph=6, amended_by=Norm.REN_1059_2023, amendment_kind=AmendmentKind.INSERTED
)
_DATE_NOTE: Final = "from the DOU publication of REN 1.059/2023 (10 Feb 2023; act dated 7 Feb)"

GROUP_A_BY_STUDY_COUNTS_GENERATION: Final[Timeline[bool]] = Timeline(
    name="group_a_by_study_counts_generation",
    unit="bool",
    label_pt="enquadramento no grupo A por estudo: carga e/ou geração entre 50 kW e 75 kW",
    periods=(
        # Art. 23, § 1º, original wording: "carga maior que 50 kW e menor ou igual a 75 kW".
        Period(since=REN1000_IN_FORCE_FROM, value=False, basis=_P1_ORIGINAL),
        # Art. 23, § 1º (redação dada pela REN 1.059/2023): "carga e/ou geração ...".
        Period(since=REN_1059_DATE, value=True, basis=_P1_REN1059, note=_DATE_NOTE),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Whether art. 23, § 1º counts installed generation as well as load (from REN 1.059/2023)."""

MINIGENERATION_IN_GROUP_A: Final[Timeline[bool]] = Timeline(
    name="minigeneration_in_group_a",
    unit="bool",
    label_pt="unidade consumidora com minigeração distribuída enquadrada no Grupo A",
    periods=(
        # Art. 23, I, as first issued: no rule for minigeneration (alínea "b" for underground).
        Period(since=REN1000_IN_FORCE_FROM, value=False, basis=ren1000(23, item="I")),
        # Art. 23, § 6º (incluído pela REN 1.059/2023).
        Period(since=REN_1059_DATE, value=True, basis=_P6_REN1059, note=_DATE_NOTE),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Whether art. 23, § 6º (minigeneration units go to group A) is in force."""


class SupplyOption(enum.Enum):
    """An option the consumer or distributor may take instead of the art. 23 default."""

    GROUP_A_BY_STUDY = "enquadramento no grupo A justificado em estudo da distribuidora"
    COLLECTIVE_IN_GROUP_B = "instalações de uso coletivo enquadradas no grupo B"
    SUBGROUP_AS = "opção pelo subgrupo AS"
    DIFFERENT_VOLTAGE = "conexão em tensão diferente, objeto de estudo de viabilidade e custos"

    @property
    def basis(self) -> tuple[Basis, ...]:
        """The paragraph of art. 23 that grants the option (current wording), as a tuple."""
        return (_SUPPLY_OPTION_REF[self],)


_SUPPLY_OPTION_REF: Final = {
    SupplyOption.GROUP_A_BY_STUDY: _P1_REN1059,
    SupplyOption.COLLECTIVE_IN_GROUP_B: ren1000(23, paragraph=2),
    SupplyOption.SUBGROUP_AS: ren1000(23, paragraph=3),
    SupplyOption.DIFFERENT_VOLTAGE: ren1000(23, paragraph=4),
}


@attrs.frozen(kw_only=True)
class SupplyVoltageDecision:
    """Group and connection voltage of a consumer unit (enquadramento, REN 1.000/2021 art. 23).

    Attributes:
        group: Grupo A or B.
        voltage: The voltage band.
        basis: The alínea (or paragraph) of art. 23 applied.
        options: Alternatives open under art. 23 §§ 1º–4º.
        option_bases: The provision granting each option, in the wording in force on the
            date asked, one per option (``SupplyOption.basis`` gives the current wording).
    """

    group: Group
    voltage: VoltageLevel
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)
    options: tuple[SupplyOption, ...]
    option_bases: tuple[LegalRef, ...] = ()


def supply_voltage(
    *,
    load_kw: Decimal | int | str,
    on: date,
    demand_kw: Decimal | int | str | None = None,
    generation_kw: Decimal | int | str = 0,
    underground: bool = False,
    collective_installation: bool = False,
) -> SupplyVoltageDecision:
    """Group and voltage band for a consumer unit by its load (REN 1.000/2021, art. 23, I).

    Args:
        load_kw: Installed load (carga instalada), kW.
        on: Date of the request; REN 1.000/2021 must be in force.
        demand_kw: Highest demand to be contracted, kW; required when the answer is
            group A by alínea "c" or § 6º (it separates alínea "c" from "d").
        generation_kw: Installed generation at the unit, kW. Above 75 kW it is read as
            minigeneration (art. 2º, XXIX-B); the ceilings of that definition (3 MW / 5 MW)
            are not checked.
        underground: Served by an underground low-voltage network (alínea "b").
        collective_installation: Collective-use installations of a multi-unit building (§ 2º).

    Returns:
        The decision. Underground networks (alínea "b") keep group B "up to the power limit
        of the distributor's standard", which the library cannot know: it answers group B
        with the § 3º option, and the caller applies the distributor's limit.

    Dated rules (REN 1.059/2023 of 7 Feb 2023, in force from its DOU publication on 10 Feb
    2023, see :data:`REN_1059_DATE`): from that date § 6º sends an underground unit with
    minigeneration to group A (before it, alínea "b" kept it in group B), and § 1º counts
    generation as well as load (before it, load only).

    Raises:
        UnsupportedCaseError: ``on`` before 2022-01-03, code ``unverified_ren414``: REN
            414/2010, art. 12 was not found verbatim in any source (``docs/sources.md``).
        InvalidInputError: negative or non-numeric figures, flags that are not ``bool``,
            or ``demand_kw`` missing when needed.

    Legal basis:
        - REN 1.000/2021, art. 23, I, "a" to "d"; §§ 1º to 4º and 6º.

    A central geradora (art. 23, II) has no tariff group and may have two bands: see
    :func:`power_plant_voltage`.

    Examples:
        >>> from datetime import date
        >>> d = supply_voltage(load_kw=60, on=date(2026, 3, 4))
        >>> d.group.value, d.voltage.value, [str(b) for b in d.basis]
        ('B', 'tensão menor que 2,3 kV', ['REN 1.000/2021, art. 23, I, "a"'])
        >>> [o.name for o in d.options]
        ['GROUP_A_BY_STUDY', 'DIFFERENT_VOLTAGE']
        >>> d = supply_voltage(load_kw=400, demand_kw=3000, on=date(2026, 3, 4))
        >>> d.group.value, d.voltage.name, [str(b) for b in d.basis]
        ('A', 'FROM_69_KV', ['REN 1.000/2021, art. 23, I, "d"'])
        >>> for day in (date(2023, 2, 9), date(2023, 2, 10)):
        ...     d = supply_voltage(load_kw=40, generation_kw=100, demand_kw=40,
        ...                        underground=True, on=day)
        ...     print(d.group.value, *d.basis)
        B REN 1.000/2021, art. 23, I, "b"
        A REN 1.000/2021, art. 23, § 6º (incluído pela REN 1.059/2023)
    """
    load = non_negative(load_kw, "load_kw")
    generation = non_negative(generation_kw, "generation_kw")
    demand = None if demand_kw is None else non_negative(demand_kw, "demand_kw")
    check_bool(underground=underground, collective_installation=collective_installation)
    # Every argument is checked above: only now may the regime be refused.
    day = require_ren1000(on, what="supply voltage", missing=GAP_SUPPLY_VOLTAGE, basis=ren414(12))
    largest = max(load, generation)

    def needs_demand() -> None:
        if demand is None:
            raise invalid(
                "demand_kw",
                "required",
                "demand_kw is required when load or generation exceed 75 kW",
            )

    group: Group
    voltage: VoltageLevel
    # Art. 23, I, "d": highest demand to be contracted above 2,500 kW → group A, ≥ 69 kV.
    if demand is not None and demand > _GROUP_A_DEMAND_LIMIT_KW:
        group, voltage, basis = Group.A, VoltageLevel.FROM_69_KV, ren1000(23, item="I", subitem="d")
    # Art. 23, I, "a": load and generation ≤ 75 kW on an overhead network → group B, < 2.3 kV.
    elif largest <= _GROUP_B_LOAD_LIMIT_KW and not underground:
        group, voltage, basis = (
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            ren1000(23, item="I", subitem="a"),
        )
    # Art. 23, § 6º (incluído pela REN 1.059/2023): a unit with minigeneration (> 75 kW,
    # art. 2º, XXIX-B) goes to group A; the only case alínea "c" does not already cover is
    # the underground network of alínea "b".
    elif (
        underground
        and generation > _GROUP_B_LOAD_LIMIT_KW
        and MINIGENERATION_IN_GROUP_A.value_on(day)
    ):
        needs_demand()
        group, voltage = Group.A, VoltageLevel.FROM_2_3_TO_69_KV
        basis = _P6_REN1059
    # Art. 23, I, "b": underground network → group B up to the distributor's standard limit.
    elif underground:
        group, voltage, basis = (
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            ren1000(23, item="I", subitem="b"),
        )
    # Art. 23, I, "c": load or generation > 75 kW and demand ≤ 2,500 kW → group A, 2.3–69 kV.
    else:
        needs_demand()
        group, voltage = Group.A, VoltageLevel.FROM_2_3_TO_69_KV
        basis = ren1000(23, item="I", subitem="c")

    options: list[tuple[SupplyOption, LegalRef]] = []
    counts_generation = GROUP_A_BY_STUDY_COUNTS_GENERATION.value_on(day)
    # Art. 23, § 1º: load (original wording) or load and/or generation (REN 1.059/2023)
    # above 50 kW and up to 75 kW may be classed in group A on the distributor's study.
    counted = largest if counts_generation else load
    if group is Group.B and _GROUP_A_BY_STUDY_FROM_KW < counted <= _GROUP_B_LOAD_LIMIT_KW:
        options.append(
            (SupplyOption.GROUP_A_BY_STUDY, _P1_REN1059 if counts_generation else _P1_ORIGINAL)
        )
    # Art. 23, § 2º: collective-use installations with load > 75 kW may stay in group B.
    if collective_installation and group is Group.A and load > _GROUP_B_LOAD_LIMIT_KW:
        options.append(
            (
                SupplyOption.COLLECTIVE_IN_GROUP_B,
                _SUPPLY_OPTION_REF[SupplyOption.COLLECTIVE_IN_GROUP_B],
            )
        )
    # Art. 23, § 3º: underground supply below 2.3 kV with load > 75 kW may opt for subgroup AS.
    if underground and group is Group.B and load > _GROUP_B_LOAD_LIMIT_KW:
        options.append((SupplyOption.SUBGROUP_AS, _SUPPLY_OPTION_REF[SupplyOption.SUBGROUP_AS]))
    # Art. 23, § 4º: a different voltage may always be requested (study of feasibility and cost).
    options.append(
        (SupplyOption.DIFFERENT_VOLTAGE, _SUPPLY_OPTION_REF[SupplyOption.DIFFERENT_VOLTAGE])
    )
    return SupplyVoltageDecision(
        group=group,
        voltage=voltage,
        basis=basis,
        options=tuple(option for option, _ in options),
        option_bases=tuple(ref for _, ref in options),
    )


@attrs.frozen(kw_only=True)
class PowerPlantVoltageDecision:
    """Connection-voltage bands allowed for a power plant (central geradora, art. 23, II).

    Attributes:
        voltages: The bands the alínea allows, lowest first (the distributor chooses,
            preserving the reliability and operating safety of the system).
        basis: The alínea of art. 23, II applied, then § 4º (a different voltage on study).
        options: Alternatives open (§ 4º: a different voltage, on a feasibility study).
    """

    voltages: tuple[VoltageLevel, ...]
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)
    options: tuple[SupplyOption, ...] = (SupplyOption.DIFFERENT_VOLTAGE,)


def power_plant_voltage(
    *, installed_kw: Decimal | int | str, on: date
) -> PowerPlantVoltageDecision:
    """Voltage bands of a power plant by its installed power (REN 1.000/2021, art. 23, II).

    a) up to 75 kW: below 2.3 kV; b) above 75 kW up to 500 kW: below 2.3 kV, or from 2.3 kV
    to below 69 kV; c) above 500 kW up to 30 MW: 2.3 kV or more (both higher bands); d) above
    30 MW: 69 kV or more. Bounds as the norm writes them ("menor ou igual", "maior que").

    Args:
        installed_kw: Installed power of the plant (potência instalada), kW.
        on: Date of the request; REN 1.000/2021 must be in force.

    Raises:
        InvalidInputError: a power that is not a positive number.
        UnsupportedCaseError: ``on`` before 2022-01-03, code ``unverified_ren414``: no REN
            414/2010 text on power plants was found.

    Legal basis:
        - REN 1.000/2021, art. 23, II, "a" to "d"; § 4º.

    Examples:
        >>> from datetime import date
        >>> d = power_plant_voltage(installed_kw=500, on=date(2026, 3, 4))
        >>> [v.name for v in d.voltages], str(d.basis[0])
        (['BELOW_2_3_KV', 'FROM_2_3_TO_69_KV'], 'REN 1.000/2021, art. 23, II, "b"')
        >>> [v.name for v in power_plant_voltage(installed_kw=30001, on=date(2026, 3, 4)).voltages]
        ['FROM_69_KV']
    """
    power = positive(installed_kw, "installed_kw")
    # Checked after the power: bad input first, then the regime.
    require_ren1000(on, what="power plant voltage", missing=GAP_PLANT_VOLTAGE)
    low, medium, high = (
        VoltageLevel.BELOW_2_3_KV,
        VoltageLevel.FROM_2_3_TO_69_KV,
        VoltageLevel.FROM_69_KV,
    )
    voltages: tuple[VoltageLevel, ...]
    # Art. 23, II, "a": up to 75 kW, below 2.3 kV
    if power <= _GROUP_B_LOAD_LIMIT_KW:
        subitem, voltages = "a", (low,)
    # Art. 23, II, "b": above 75 kW up to 500 kW, below 2.3 kV or 2.3 kV to below 69 kV
    elif power <= _PLANT_LOW_VOLTAGE_MAX_KW:
        subitem, voltages = "b", (low, medium)
    # Art. 23, II, "c": above 500 kW up to 30 MW, 2.3 kV or more
    elif power <= _PLANT_MEDIUM_VOLTAGE_MAX_KW:
        subitem, voltages = "c", (medium, high)
    # Art. 23, II, "d": above 30 MW, 69 kV or more
    else:
        subitem, voltages = "d", (high,)
    return PowerPlantVoltageDecision(
        voltages=voltages,
        basis=(ren1000(23, item="II", subitem=subitem), *SupplyOption.DIFFERENT_VOLTAGE.basis),
    )
