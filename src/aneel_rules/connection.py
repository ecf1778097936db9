"""Connection rules (regras de conexão): MT metering, supply voltage, deadlines and debts.

What a distributor's portal checks when a consumer asks to be connected: whether
the substation must be metered on the primary (medium-voltage) side, which group
and voltage the load calls for, which deadline the distributor must meet (counted
as REN 1.000/2021, art. 656 says, on a :class:`~aneel_rules.calendars.BusinessCalendar`),
and which debts may be required before a service is performed.

Sources:
    - REN 1.000/2021, texto compilado (amendments to Dec 2025):
      ``shared/sources/ren1000_compilado.txt`` — arts. 23, 49, 51, 56, 64, 71, 78,
      83–85, 88, 90, 91, 94, 138, 222, 223, 250, 305, 346, 362, 408, 409, 656.
    - Amazonas Energia, "Orçamento de Conexão através da Agência Virtual" (portal
      manual), item 4.5: ``shared/seeds/000_35149e0589264321.txt``.

Examples:
    >>> decision = primary_metering_required([Transformer(500, "220/127")])
    >>> decision.required, [r.name for r in decision.reasons]
    (True, ['SINGLE_TRANSFORMER_ABOVE_300_KVA'])
    >>> str(decision.basis)
    'Amazonas Energia, Manual Orçamento de Conexão através da Agência Virtual, item 4.5 (regra da distribuidora)'
"""  # noqa: E501

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._convert import to_date, to_decimal
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.errors import AneelRulesError, FieldError, InvalidInputError, UnsupportedCaseError
from aneel_rules.legal import (
    AmendmentKind,
    DistributorRule,
    LegalRef,
    Norm,
    norm_in_force,
    ren1000,
)
from aneel_rules.tariffs import Group

__all__ = (
    # Primary (MT) metering — Amazonas Energia portal rule
    "MeteringDecision",
    "MeteringReason",
    "SecondaryVoltage",
    "Transformer",
    "primary_metering_required",
    # Connection voltage (art. 23)
    "SupplyOption",
    "SupplyVoltageDecision",
    "VoltageLevel",
    "supply_voltage",
    # Deadlines (art. 656 counting)
    "COUNTING_BASIS",
    "CountingStart",
    "Deadline",
    "DeadlineDecision",
    "DeadlineRule",
    "DeadlineUnit",
    "count_business_days",
    "count_calendar_days",
    "deadline_due",
    "reconnection_due",
    # Connection budget (art. 64) and vistoria (art. 91)
    "BudgetNotIssuedError",
    "BudgetRequirement",
    "GenerationKind",
    "budget_requirement",
    "connection_budget_deadline",
    "connection_budget_deadline_decision",
    "inspection_deadline",
    "inspection_deadline_decision",
    # Debts (art. 346)
    "DebtDecision",
    "DebtRule",
    "Service",
    "may_require_debt_payment",
)

DOMAIN: Final = "connection"
"""Message-catalog domain of this module."""


def _error(path: str, code: str, template: str, /, **params: object) -> InvalidInputError:
    return InvalidInputError(
        (FieldError(path=path, code=code, template=template, params=params, domain=DOMAIN),)
    )


# ---------------------------------------------------------------------------------------------
# Primary (MT) metering
# ---------------------------------------------------------------------------------------------

PORTAL_MANUAL: Final = DistributorRule(
    distributor="Amazonas Energia",
    document="Manual Orçamento de Conexão através da Agência Virtual",
    section="4.5",
)
"""The Amazonas Energia portal manual, item 4.5 ("Detalhes da carga"): the MT-metering rule."""

LOSS_COMPENSATION_SECONDARY_METERING: Final = ren1000(305)
"""Related ANEEL rule: 1 % / 2.5 % loss compensation when group A metering is on the secondary."""

_SINGLE_TRANSFORMER_LIMIT_KVA: Final = Decimal(300)


class SecondaryVoltage(enum.Enum):
    """Transformer secondary voltage (tensão secundária), line/phase in volts.

    Usual Brazilian low-voltage systems. The list is what a portal offers; the
    only distinction any rule here draws is 220/127 V versus anything else.
    """

    V220_127 = "220/127"
    V380_220 = "380/220"
    V440_254 = "440/254"
    V254_127 = "254/127"
    V440_220 = "440/220"
    V208_120 = "208/120"
    V230_115 = "230/115"
    V240_120 = "240/120"
    V220_110 = "220/110"

    @classmethod
    def parse(cls, text: str) -> SecondaryVoltage:
        """Read the usual notations: ``"220/127"``, ``"220/127 V"``, ``"127/220V"``, ``"220-127"``.

        A bare single voltage (``"220 V"``) is refused as ambiguous: 220 V is the line
        voltage of 220/127 V and of 220/110 V, and the phase voltage of 380/220 V.

        Raises:
            InvalidInputError: path ``secondary_voltage``; codes ``ambiguous_secondary_voltage``
                or ``unknown_secondary_voltage``.

        Examples:
            >>> SecondaryVoltage.parse(" 127/220 V ")
            <SecondaryVoltage.V220_127: '220/127'>
        """
        if not isinstance(text, str):
            raise _error(
                "secondary_voltage",
                "unknown_secondary_voltage",
                "secondary voltage {value} is not one of {known}",
                value=repr(text),
                known=_KNOWN_VOLTAGES,
            )
        compact = re.sub(r"\s+", "", text).upper().removesuffix("V")
        numbers = re.fullmatch(r"(\d{3})[/\-](\d{3})", compact)
        if numbers is not None:
            high, low = sorted((int(numbers[1]), int(numbers[2])), reverse=True)
            for member in cls:
                if member.value == f"{high}/{low}":
                    return member
        elif re.fullmatch(r"\d{3}", compact):
            raise _error(
                "secondary_voltage",
                "ambiguous_secondary_voltage",
                "secondary voltage {value} is ambiguous: give line and phase voltages, "
                "e.g. 220/127",
                value=repr(text),
            )
        raise _error(
            "secondary_voltage",
            "unknown_secondary_voltage",
            "secondary voltage {value} is not one of {known}",
            value=repr(text),
            known=_KNOWN_VOLTAGES,
        )


_KNOWN_VOLTAGES: Final = ", ".join(v.value for v in SecondaryVoltage)


def _to_secondary_voltage(value: SecondaryVoltage | str) -> SecondaryVoltage:
    if isinstance(value, SecondaryVoltage):
        return value
    return SecondaryVoltage.parse(value)


def _to_power_kva(value: Decimal | int | str) -> Decimal:
    power = to_decimal(value, path="power_kva", allow_float=True)
    if power <= 0:
        raise _error(
            "power_kva",
            "not_positive",
            "power_kva must be greater than zero, got {value}",
            value=repr(value),
        )
    return power


@attrs.frozen
class Transformer:
    """A consumer's substation transformer (transformador): rated power and secondary voltage.

    Attributes:
        power_kva: Rated power in kVA; ``int``, ``str`` or ``Decimal`` (a ``float`` is
            read through its shortest ``repr``, so ``112.5`` is ``Decimal("112.5")``,
            as for other physical quantities). Must be greater than zero.
        secondary_voltage: A :class:`SecondaryVoltage` or its usual text (``"380/220"``).

    Raises:
        InvalidInputError: path ``power_kva`` (``not_a_number``, ``not_positive``) or
            ``secondary_voltage`` (see :meth:`SecondaryVoltage.parse`).

    Examples:
        >>> Transformer("112.5", "380/220 V")
        Transformer(power_kva=Decimal('112.5'), secondary_voltage=<SecondaryVoltage.V380_220: '380/220'>)
    """  # noqa: E501

    power_kva: Decimal = attrs.field(converter=_to_power_kva)
    secondary_voltage: SecondaryVoltage = attrs.field(converter=_to_secondary_voltage)


class MeteringReason(enum.Enum):
    """Why MT metering is compulsory (one per rule of the portal manual, item 4.5)."""

    SINGLE_TRANSFORMER_ABOVE_300_KVA = (
        "subestação com único transformador com potência superior a 300 kVA"
    )
    MORE_THAN_ONE_TRANSFORMER = "instalações contendo mais de um transformador de qualquer potência"
    SECONDARY_NOT_220_127 = "transformador(es) com tensão secundária diferente de 220/127 V"


@attrs.frozen(kw_only=True)
class MeteringDecision:
    """Whether metering in primary voltage (medição em tensão primária, MT) is compulsory.

    Attributes:
        required: ``True`` when at least one rule is hit.
        reasons: The rules hit, in the manual's order (empty when not required).
        basis: The distributor's rule (Amazonas Energia portal manual, item 4.5);
            it is **not** an ANEEL provision.
        related: ANEEL provisions that bear on the choice: REN 1.000/2021, art. 305
            (loss compensation when group A metering sits on the secondary).
    """

    required: bool
    reasons: tuple[MeteringReason, ...]
    basis: DistributorRule = PORTAL_MANUAL
    related: tuple[LegalRef, ...] = (LOSS_COMPENSATION_SECONDARY_METERING,)


def primary_metering_required(transformers: Iterable[Transformer]) -> MeteringDecision:
    """Whether the substation must be metered on the primary (MT) side.

    The Amazonas Energia portal manual (item 4.5) makes MT metering compulsory for
    a substation with a single transformer above 300 kVA (300 kVA itself is not
    "superior a 300"), with more than one transformer of any power, or with any
    transformer whose secondary voltage is not 220/127 V.

    Args:
        transformers: Every transformer of the installation (at least one).

    Returns:
        The decision, with one reason per rule hit.

    Raises:
        InvalidInputError: path ``transformers``: not an iterable of :class:`Transformer`
            (``not_a_transformer``) or empty (``empty``).

    Legal basis:
        - Amazonas Energia, portal manual, item 4.5 (distributor rule, not ANEEL's).
        - Related: REN 1.000/2021, art. 305 (loss compensation for secondary metering).

    Examples:
        >>> primary_metering_required([Transformer(300, "220/127")]).required
        False
        >>> d = primary_metering_required([Transformer(150, "220/127"), Transformer(75, "380/220")])
        >>> [r.name for r in d.reasons]
        ['MORE_THAN_ONE_TRANSFORMER', 'SECONDARY_NOT_220_127']
    """
    if isinstance(transformers, Transformer) or not isinstance(transformers, Iterable):
        raise _error(
            "transformers",
            "not_a_transformer",
            "transformers must be a list of Transformer, got {value}",
            value=repr(transformers),
        )
    items = tuple(transformers)
    if not items:
        raise _error("transformers", "empty", "at least one transformer is required")
    for index, item in enumerate(items):
        if not isinstance(item, Transformer):
            raise _error(
                f"transformers.{index}",
                "not_a_transformer",
                "transformers must be a list of Transformer, got {value}",
                value=repr(item),
            )
    reasons: list[MeteringReason] = []
    # Manual, item 4.5, 1st rule: a single transformer "com potência superior a 300kVA".
    if len(items) == 1 and items[0].power_kva > _SINGLE_TRANSFORMER_LIMIT_KVA:
        reasons.append(MeteringReason.SINGLE_TRANSFORMER_ABOVE_300_KVA)
    # Manual, item 4.5, 2nd rule: "mais de um transformador de qualquer potência".
    if len(items) > 1:
        reasons.append(MeteringReason.MORE_THAN_ONE_TRANSFORMER)
    # Manual, item 4.5, 3rd rule: "tensão secundária diferente de 220/127V".
    if any(t.secondary_voltage is not SecondaryVoltage.V220_127 for t in items):
        reasons.append(MeteringReason.SECONDARY_NOT_220_127)
    return MeteringDecision(required=bool(reasons), reasons=tuple(reasons))


# ---------------------------------------------------------------------------------------------
# Regime
# ---------------------------------------------------------------------------------------------


def _require_ren1000(on: date, *, what: str, ren414_note: str) -> date:
    """Check that ``on`` falls under REN 1.000/2021; REN 414/2010 values are not modelled."""
    day = to_date(on, path="on")
    # REN 1.000/2021, art. 679: in force from 3 Jan 2022 (REN 414/2010 before).
    if norm_in_force(day) is not Norm.REN_1000_2021:
        raise UnsupportedCaseError(
            f"{what} on {day.isoformat()} falls under REN 414/2010, which the library does "
            f"not model for this rule ({ren414_note}); REN 1.000/2021 applies from 2022-01-03"
        )
    return day


def _kv(value: Decimal | int | str, path: str = "voltage_kv") -> Decimal:
    kv = to_decimal(value, path=path, allow_float=True)
    if kv <= 0:
        raise _error(
            path,
            "not_positive",
            "{path} must be greater than zero, got {value}",
            path=path,
            value=repr(value),
        )
    return kv


def _non_negative(value: Decimal | int | str, path: str) -> Decimal:
    number = to_decimal(value, path=path, allow_float=True)
    if number < 0:
        raise _error(
            path,
            "negative",
            "{path} must not be negative, got {value}",
            path=path,
            value=repr(value),
        )
    return number


# ---------------------------------------------------------------------------------------------
# Connection voltage (art. 23)
# ---------------------------------------------------------------------------------------------

_LOW_VOLTAGE_LIMIT_KV: Final = Decimal("2.3")
_HIGH_VOLTAGE_FROM_KV: Final = Decimal(69)
_GROUP_B_LOAD_LIMIT_KW: Final = Decimal(75)
_GROUP_A_BY_STUDY_FROM_KW: Final = Decimal(50)
_GROUP_A_DEMAND_LIMIT_KW: Final = Decimal(2500)
_MINIGENERATION_CHECKED_FROM: Final = date(2024, 1, 1)


class VoltageLevel(enum.Enum):
    """Connection-voltage band (faixa de tensão de conexão) used by arts. 23, 64, 88 and 91."""

    BELOW_2_3_KV = "tensão menor que 2,3 kV"
    FROM_2_3_TO_69_KV = "tensão maior ou igual a 2,3 kV e menor que 69 kV"
    FROM_69_KV = "tensão maior ou igual a 69 kV"

    @classmethod
    def of(cls, voltage_kv: Decimal | int | str) -> VoltageLevel:
        """The band of a nominal voltage in kV (a ``float`` is read through its ``repr``).

        Examples:
            >>> VoltageLevel.of("2.3").name, VoltageLevel.of(0.38).name, VoltageLevel.of(69).name
            ('FROM_2_3_TO_69_KV', 'BELOW_2_3_KV', 'FROM_69_KV')
        """
        kv = _kv(voltage_kv)
        if kv < _LOW_VOLTAGE_LIMIT_KV:
            return cls.BELOW_2_3_KV
        if kv < _HIGH_VOLTAGE_FROM_KV:
            return cls.FROM_2_3_TO_69_KV
        return cls.FROM_69_KV


class SupplyOption(enum.Enum):
    """An option the consumer or distributor may take instead of the art. 23 default."""

    GROUP_A_BY_STUDY = "enquadramento no grupo A justificado em estudo da distribuidora"
    COLLECTIVE_IN_GROUP_B = "instalações de uso coletivo enquadradas no grupo B"
    SUBGROUP_AS = "opção pelo subgrupo AS"
    DIFFERENT_VOLTAGE = "conexão em tensão diferente, objeto de estudo de viabilidade e custos"

    @property
    def basis(self) -> LegalRef:
        """The paragraph of art. 23 that grants the option."""
        return _SUPPLY_OPTION_BASIS[self]


_SUPPLY_OPTION_BASIS: Final = {
    SupplyOption.GROUP_A_BY_STUDY: ren1000(23, paragraph=1, amended_by=Norm.REN_1059_2023),
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
        options: Alternatives open under art. 23 §§ 1º–4º (each with its ``.basis``).
    """

    group: Group
    voltage: VoltageLevel
    basis: LegalRef
    options: tuple[SupplyOption, ...]


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
        demand_kw: Highest demand to be contracted, kW; required when load or generation
            exceed 75 kW (it separates alínea "c" from "d").
        generation_kw: Installed generation at the unit, kW.
        underground: Served by an underground low-voltage network (alínea "b").
        collective_installation: Collective-use installations of a multi-unit building (§ 2º).

    Returns:
        The decision. Underground networks (alínea "b") keep group B "up to the power limit
        of the distributor's standard", which the library cannot know: it answers group B
        with the § 3º option, and the caller applies the distributor's limit.

    Raises:
        UnsupportedCaseError: ``on`` before 2022-01-03 (REN 414/2010, art. 12 is not
            modelled), or an underground unit with generation above 75 kW before 2024
            (§ 6º, included by REN 1.059/2023 on a date not verified here).
        InvalidInputError: negative or non-numeric figures, or ``demand_kw`` missing when needed.

    Legal basis:
        - REN 1.000/2021, art. 23, I, "a" to "d"; §§ 1º to 4º and 6º.

    Examples:
        >>> from datetime import date
        >>> d = supply_voltage(load_kw=60, on=date(2026, 3, 4))
        >>> d.group.value, d.voltage.value, str(d.basis)
        ('B', 'tensão menor que 2,3 kV', 'REN 1.000/2021, art. 23, I, "a"')
        >>> [o.name for o in d.options]
        ['GROUP_A_BY_STUDY', 'DIFFERENT_VOLTAGE']
        >>> d = supply_voltage(load_kw=400, demand_kw=3000, on=date(2026, 3, 4))
        >>> d.group.value, d.voltage.name, str(d.basis)
        ('A', 'FROM_69_KV', 'REN 1.000/2021, art. 23, I, "d"')
    """
    day = _require_ren1000(on, what="supply voltage", ren414_note="REN 414/2010, art. 12")
    load = _non_negative(load_kw, "load_kw")
    generation = _non_negative(generation_kw, "generation_kw")
    demand = None if demand_kw is None else _non_negative(demand_kw, "demand_kw")
    largest = max(load, generation)
    options: list[SupplyOption] = []

    def needs_demand() -> Decimal:
        if demand is None:
            raise _error(
                "demand_kw",
                "required",
                "demand_kw is required when load or generation exceed 75 kW",
            )
        return demand

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
    # Art. 23, § 6º (REN 1.059/2023): minigeneration (> 75 kW) units go to group A.
    elif underground and generation > _GROUP_B_LOAD_LIMIT_KW:
        if day < _MINIGENERATION_CHECKED_FROM:
            raise UnsupportedCaseError(
                "underground unit with minigeneration before 2024: art. 23, § 6º was included "
                "by REN 1.059/2023 and its entry into force is not verified here"
            )
        needs_demand()
        group, voltage = Group.A, VoltageLevel.FROM_2_3_TO_69_KV
        basis = ren1000(
            23,
            paragraph=6,
            amended_by=Norm.REN_1059_2023,
            amendment_kind=AmendmentKind.INSERTED,
        )
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

    # Art. 23, § 1º (REN 1.059/2023): load and/or generation in (50, 75] kW may go to group A.
    if group is Group.B and _GROUP_A_BY_STUDY_FROM_KW < largest <= _GROUP_B_LOAD_LIMIT_KW:
        options.append(SupplyOption.GROUP_A_BY_STUDY)
    # Art. 23, § 2º: collective-use installations with load > 75 kW may stay in group B.
    if collective_installation and group is Group.A and load > _GROUP_B_LOAD_LIMIT_KW:
        options.append(SupplyOption.COLLECTIVE_IN_GROUP_B)
    # Art. 23, § 3º: underground supply below 2.3 kV with load > 75 kW may opt for subgroup AS.
    if underground and group is Group.B and load > _GROUP_B_LOAD_LIMIT_KW:
        options.append(SupplyOption.SUBGROUP_AS)
    # Art. 23, § 4º: a different voltage may always be requested (study of feasibility and cost).
    options.append(SupplyOption.DIFFERENT_VOLTAGE)
    return SupplyVoltageDecision(group=group, voltage=voltage, basis=basis, options=tuple(options))


# ---------------------------------------------------------------------------------------------
# Deadlines (prazos) and their counting (art. 656)
# ---------------------------------------------------------------------------------------------


class DeadlineUnit(enum.Enum):
    """How a deadline is counted."""

    CALENDAR_DAYS = "dias"
    BUSINESS_DAYS = "dias úteis"
    HOURS = "horas"


class CountingStart(enum.Enum):
    """Reading of art. 656, § 3º ("os dias do começo e do vencimento… serão prorrogados").

    ``FIRST_DAY_COUNTED`` (default) reads "dia do começo" as the first day counted — the
    day after the notice (§ 2º) — and moves it to the next business day when it falls on
    a weekend or holiday, as the courts read the like rule of the 1973 Code of Civil
    Procedure (art. 184). ``NOTICE_DAY`` reads it as the day of notice itself: a notice
    given on a non-business day counts as given on the next business day, and counting
    starts the day after. They agree when the day of notice and the day after it are
    both business days, and may differ by a day or more otherwise (a Friday notice: the
    first reading starts on Monday, the second on Saturday). Only calendar-day deadlines
    are affected.
    """

    FIRST_DAY_COUNTED = "primeiro dia da contagem"
    NOTICE_DAY = "dia da cientificação"


@attrs.frozen(kw_only=True)
class DeadlineRule:
    """A regulated deadline: how long, in which unit, and where the norm sets it."""

    amount: int
    unit: DeadlineUnit
    basis: LegalRef


class Deadline(enum.Enum):
    """Regulated deadlines a connection portal shows (prazos, REN 1.000/2021).

    Each member's ``.rule`` gives the amount, unit and article; all were read in the
    compiled text (amendments to Dec 2025) and none was changed by an amendment.
    """

    ESTIMATED_BUDGET = "orçamento estimado"
    BUDGET_REQUEST_CHECK = "verificação das informações do pedido de orçamento"
    CONNECTION_BUDGET_NO_WORKS = "orçamento de conexão sem obras, tensão menor que 69 kV"
    CONNECTION_BUDGET_WITH_WORKS = "orçamento de conexão com obras, tensão menor que 69 kV"
    CONNECTION_BUDGET_OTHER = "orçamento de conexão, demais conexões"
    PROJECT_ANALYSIS = "análise ou reanálise de projeto"
    PROJECT_REANALYSIS_NO_REASONS = "reanálise de projeto sem motivos de reprovação informados"
    STUDIES_DELIVERY = "disponibilização dos estudos do orçamento"
    FREE_BUDGET_APPROVAL = "aprovação do orçamento gratuito ou sem participação financeira"
    CONTRACTS_DELIVERY = "entrega dos contratos após aprovação do orçamento"
    CONTRACTS_RETURN = "devolução dos contratos e pagamento pelo consumidor"
    WORKS_OVERHEAD_BELOW_2_3_KV = "obras em rede aérea de tensão menor que 2,3 kV"
    WORKS_OVERHEAD_UP_TO_1_KM = "obras em rede aérea de 2,3 kV a 69 kV de até um quilômetro"
    WORKS_OTHER_BELOW_69_KV = "demais obras em tensão menor que 69 kV"
    FAST_TRACK_CONNECTION = "conexão nos casos da Lei 14.195/2021"
    FREE_ENTRANCE_STANDARD = "padrão de entrada gratuito sem obra"
    INSPECTION_BELOW_2_3_KV = "vistoria e instalação da medição, tensão menor que 2,3 kV"
    INSPECTION_2_3_TO_69_KV = "vistoria e instalação da medição, tensão de 2,3 kV a 69 kV"
    INSPECTION_FROM_69_KV = "vistoria e instalação da medição, tensão maior ou igual a 69 kV"
    INSPECTION_REPORT = "relatório de vistoria reprovada"
    REGISTRATION_CHANGE = "alteração cadastral"
    REGISTRATION_CHANGE_WITH_VISIT = "alteração cadastral com visita técnica"
    CHANGE_OF_HOLDER_URBAN = "alteração de titularidade, área urbana"
    CHANGE_OF_HOLDER_RURAL = "alteração de titularidade, área rural"
    WHITE_TARIFF_ENROLMENT = "adesão à tarifa branca"
    WHITE_TARIFF_EXIT = "retorno à modalidade convencional"
    METER_INSPECTION = "inspeção do sistema de medição"
    RECONNECTION_UNDUE_SUSPENSION = "religação após suspensão indevida"
    RECONNECTION_URGENT_URBAN = "religação de urgência, área urbana"
    RECONNECTION_URGENT_RURAL = "religação de urgência, área rural"
    RECONNECTION_NORMAL_URBAN = "religação normal, área urbana"
    RECONNECTION_NORMAL_RURAL = "religação normal, área rural"
    COMPLAINT_NO_VISIT = "reclamação sem visita técnica"
    COMPLAINT_WITH_VISIT = "reclamação com visita técnica"
    OTHER_REQUEST = "demandas sem prazo específico"

    @property
    def rule(self) -> DeadlineRule:
        """Amount, unit and basis of this deadline."""
        return _DEADLINES[self]


_D = DeadlineUnit.CALENDAR_DAYS
_BD = DeadlineUnit.BUSINESS_DAYS
_H = DeadlineUnit.HOURS

_DEADLINES: Final[dict[Deadline, DeadlineRule]] = {
    Deadline.ESTIMATED_BUDGET: DeadlineRule(amount=30, unit=_D, basis=ren1000(56)),
    Deadline.BUDGET_REQUEST_CHECK: DeadlineRule(amount=5, unit=_BD, basis=ren1000(71)),
    Deadline.CONNECTION_BUDGET_NO_WORKS: DeadlineRule(
        amount=15, unit=_D, basis=ren1000(64, item="I")
    ),
    Deadline.CONNECTION_BUDGET_WITH_WORKS: DeadlineRule(
        amount=30, unit=_D, basis=ren1000(64, item="II")
    ),
    Deadline.CONNECTION_BUDGET_OTHER: DeadlineRule(
        amount=45, unit=_D, basis=ren1000(64, item="III")
    ),
    Deadline.PROJECT_ANALYSIS: DeadlineRule(amount=30, unit=_D, basis=ren1000(51, item="I")),
    Deadline.PROJECT_REANALYSIS_NO_REASONS: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(51, item="II")
    ),
    Deadline.STUDIES_DELIVERY: DeadlineRule(amount=10, unit=_BD, basis=ren1000(78)),
    Deadline.FREE_BUDGET_APPROVAL: DeadlineRule(amount=10, unit=_BD, basis=ren1000(83, item="I")),
    Deadline.CONTRACTS_DELIVERY: DeadlineRule(amount=5, unit=_BD, basis=ren1000(84)),
    Deadline.CONTRACTS_RETURN: DeadlineRule(amount=30, unit=_D, basis=ren1000(85)),
    Deadline.WORKS_OVERHEAD_BELOW_2_3_KV: DeadlineRule(
        amount=60, unit=_D, basis=ren1000(88, item="I")
    ),
    Deadline.WORKS_OVERHEAD_UP_TO_1_KM: DeadlineRule(
        amount=120, unit=_D, basis=ren1000(88, item="II")
    ),
    Deadline.WORKS_OTHER_BELOW_69_KV: DeadlineRule(
        amount=365, unit=_D, basis=ren1000(88, item="III")
    ),
    Deadline.FAST_TRACK_CONNECTION: DeadlineRule(amount=45, unit=_D, basis=ren1000(90)),
    Deadline.FREE_ENTRANCE_STANDARD: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(49, paragraph=4)
    ),
    Deadline.INSPECTION_BELOW_2_3_KV: DeadlineRule(amount=5, unit=_BD, basis=ren1000(91, item="I")),
    Deadline.INSPECTION_2_3_TO_69_KV: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(91, item="II")
    ),
    Deadline.INSPECTION_FROM_69_KV: DeadlineRule(
        amount=15, unit=_BD, basis=ren1000(91, item="III")
    ),
    Deadline.INSPECTION_REPORT: DeadlineRule(amount=3, unit=_BD, basis=ren1000(94)),
    Deadline.REGISTRATION_CHANGE: DeadlineRule(amount=5, unit=_BD, basis=ren1000(6)),
    Deadline.REGISTRATION_CHANGE_WITH_VISIT: DeadlineRule(amount=10, unit=_BD, basis=ren1000(6)),
    Deadline.CHANGE_OF_HOLDER_URBAN: DeadlineRule(
        amount=3, unit=_BD, basis=ren1000(138, paragraph=4)
    ),
    Deadline.CHANGE_OF_HOLDER_RURAL: DeadlineRule(
        amount=5, unit=_BD, basis=ren1000(138, paragraph=4)
    ),
    Deadline.WHITE_TARIFF_ENROLMENT: DeadlineRule(amount=30, unit=_D, basis=ren1000(222, item="I")),
    Deadline.WHITE_TARIFF_EXIT: DeadlineRule(amount=30, unit=_D, basis=ren1000(223)),
    Deadline.METER_INSPECTION: DeadlineRule(amount=30, unit=_D, basis=ren1000(250)),
    Deadline.RECONNECTION_UNDUE_SUSPENSION: DeadlineRule(
        amount=4, unit=_H, basis=ren1000(362, item="I")
    ),
    Deadline.RECONNECTION_URGENT_URBAN: DeadlineRule(
        amount=4, unit=_H, basis=ren1000(362, item="II")
    ),
    Deadline.RECONNECTION_URGENT_RURAL: DeadlineRule(
        amount=8, unit=_H, basis=ren1000(362, item="III")
    ),
    Deadline.RECONNECTION_NORMAL_URBAN: DeadlineRule(
        amount=24, unit=_H, basis=ren1000(362, item="IV")
    ),
    Deadline.RECONNECTION_NORMAL_RURAL: DeadlineRule(
        amount=48, unit=_H, basis=ren1000(362, item="V")
    ),
    Deadline.COMPLAINT_NO_VISIT: DeadlineRule(amount=5, unit=_BD, basis=ren1000(408, item="I")),
    Deadline.COMPLAINT_WITH_VISIT: DeadlineRule(amount=10, unit=_BD, basis=ren1000(408, item="II")),
    Deadline.OTHER_REQUEST: DeadlineRule(amount=30, unit=_D, basis=ren1000(409)),
}

COUNTING_BASIS: Final = ren1000(656, paragraph=2)
"""Art. 656, § 2º: exclude the day of notice, include the last day."""
EXTENSION_BASIS: Final = ren1000(656, paragraph=3)
"""Art. 656, § 3º: a start or end on a weekend or holiday moves to the next business day."""
INSPECTION_START_BASIS: Final = ren1000(91, paragraph="único")
"""Art. 91, parágrafo único: counting starts on the first business day after the event."""
RECONNECTION_START_BASIS: Final = ren1000(362, paragraph=2, item="I")
UNDUE_SUSPENSION_START_BASIS: Final = ren1000(362, paragraph=1, item="I")

_BUSINESS_HOURS_START: Final = clock_time(8)
_BUSINESS_HOURS_END: Final = clock_time(18)


@attrs.frozen(kw_only=True)
class DeadlineDecision:
    """When a regulated deadline falls due (vencimento), and why.

    Attributes:
        deadline: Which deadline.
        notice_on: Day of the notice, request or event that starts the count.
        due: Last day of the deadline (inclusive).
        amount: Length of the deadline.
        unit: Unit of ``amount``.
        basis: The provision setting the deadline, then those governing the count.
    """

    deadline: Deadline
    notice_on: date
    due: date
    amount: int
    unit: DeadlineUnit
    basis: tuple[LegalRef, ...]


def _calendar(calendar: BusinessCalendar | None) -> BusinessCalendar:
    if calendar is None:
        return BusinessCalendar()
    if not isinstance(calendar, BusinessCalendar):
        raise _error(
            "calendar",
            "not_a_calendar",
            "calendar must be a BusinessCalendar, got {value}",
            value=repr(calendar),
        )
    return calendar


def count_calendar_days(
    notice_on: date,
    days: int,
    *,
    calendar: BusinessCalendar | None = None,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> date:
    """Last day of a deadline of ``days`` calendar days (art. 656).

    Counting is continuous through weekends and holidays (caput), excludes the day of
    notice and includes the last day (§ 2º); a first or last day on a weekend or holiday
    moves to the next business day (§ 3º; see :class:`CountingStart`).

    Args:
        notice_on: Day of notice (cientificação).
        days: Length, at least 1.
        calendar: Holidays that count; national only by default.
        start: Reading of "dia do começo" in § 3º.

    Legal basis:
        - REN 1.000/2021, art. 656, caput, §§ 2º and 3º.

    Examples:
        >>> count_calendar_days(date(2026, 3, 4), 15)     # Wednesday → Thursday
        datetime.date(2026, 3, 19)
        >>> count_calendar_days(date(2026, 3, 7), 15)     # Saturday: day 1 moves to Monday 9
        datetime.date(2026, 3, 23)
        >>> count_calendar_days(date(2026, 3, 7), 15, start=CountingStart.NOTICE_DAY)
        datetime.date(2026, 3, 24)
    """
    cal = _calendar(calendar)
    day = to_date(notice_on, path="notice_on")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise _error(
            "days", "invalid_days", "days must be a whole number ≥ 1, got {value}", value=repr(days)
        )
    if not isinstance(start, CountingStart):
        raise _error(
            "start",
            "invalid_start",
            "start must be a CountingStart, got {value}",
            value=repr(start),
        )
    # Art. 656, § 3º: the start day moves to the next business day ...
    if start is CountingStart.NOTICE_DAY:
        # ... read as the day of notice; § 2º then excludes it.
        first = cal.roll_forward(day) + timedelta(days=1)
    else:
        # ... read as the first day counted (the day after the notice, § 2º).
        first = cal.roll_forward(day + timedelta(days=1))
    # Art. 656, caput and § 2º: continuous count, the last day included.
    last = first + timedelta(days=days - 1)
    # Art. 656, § 3º: the last day moves to the next business day.
    return cal.roll_forward(last)


def count_business_days(
    notice_on: date, days: int, *, calendar: BusinessCalendar | None = None
) -> date:
    """Last day of a deadline of ``days`` business days (dias úteis).

    The day of notice is excluded and the count starts on the first business day after
    it (art. 656, § 2º; art. 91, parágrafo único, says so expressly for vistoria).

    Examples:
        >>> count_business_days(date(2026, 3, 6), 5)      # Friday → Friday 13
        datetime.date(2026, 3, 13)
    """
    cal = _calendar(calendar)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise _error(
            "days", "invalid_days", "days must be a whole number ≥ 1, got {value}", value=repr(days)
        )
    return cal.add_business_days(to_date(notice_on, path="notice_on"), days)


def deadline_due(
    deadline: Deadline,
    notice_on: date,
    *,
    calendar: BusinessCalendar | None = None,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> DeadlineDecision:
    """Due date of a day-counted :class:`Deadline` started by a notice on ``notice_on``.

    Raises:
        UnsupportedCaseError: an hour-counted deadline (use :func:`reconnection_due`), or
            ``notice_on`` before 2022-01-03 (REN 414/2010 deadlines are not modelled).

    Legal basis:
        - The deadline's own provision (``deadline.rule.basis``).
        - REN 1.000/2021, art. 656, §§ 2º and 3º (counting).

    Examples:
        >>> d = deadline_due(Deadline.CONTRACTS_DELIVERY, date(2026, 3, 4))
        >>> d.due, d.unit.value, [str(b) for b in d.basis]
        (datetime.date(2026, 3, 11), 'dias úteis', ['REN 1.000/2021, art. 84', 'REN 1.000/2021, art. 656, § 2º'])
    """  # noqa: E501
    if not isinstance(deadline, Deadline):
        raise _error(
            "deadline",
            "not_a_deadline",
            "deadline must be a Deadline, got {value}",
            value=repr(deadline),
        )
    rule = deadline.rule
    day = _require_ren1000(
        notice_on, what=deadline.value, ren414_note="REN 414/2010 deadlines are not modelled"
    )
    if rule.unit is DeadlineUnit.HOURS:
        raise UnsupportedCaseError(
            f"{deadline.value} is counted in hours: use reconnection_due() with a datetime"
        )
    if rule.unit is DeadlineUnit.BUSINESS_DAYS:
        due = count_business_days(day, rule.amount, calendar=calendar)
        basis: tuple[LegalRef, ...] = (rule.basis, COUNTING_BASIS)
    else:
        due = count_calendar_days(day, rule.amount, calendar=calendar, start=start)
        basis = (rule.basis, COUNTING_BASIS, EXTENSION_BASIS)
    return DeadlineDecision(
        deadline=deadline, notice_on=day, due=due, amount=rule.amount, unit=rule.unit, basis=basis
    )


def reconnection_due(
    requested_at: datetime, deadline: Deadline, *, calendar: BusinessCalendar | None = None
) -> datetime:
    """When a reconnection (religação) falls due (REN 1.000/2021, art. 362).

    Hours run continuously (caput). After an undue suspension they run from the moment
    it is found or reported, any day and hour (§ 1º, I). Otherwise they run from the
    payment notice or request if it comes on a business day between 8 h and 18 h (both
    included), else from 8 h of the *next* business day (§ 2º, I) — read literally, also
    for a request made before 8 h on a business day.

    Args:
        requested_at: Time-zone-aware moment of the request (the consumer's local time,
            e.g. ``ZoneInfo("America/Manaus")``); business days are judged on its local date.
        deadline: One of the ``RECONNECTION_*`` members of :class:`Deadline`.
        calendar: Holidays that count; national only by default.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> at = datetime(2026, 3, 6, 19, 0, tzinfo=ZoneInfo("America/Manaus"))  # Friday 19 h
        >>> reconnection_due(at, Deadline.RECONNECTION_NORMAL_URBAN).isoformat()
        '2026-03-10T08:00:00-04:00'
    """
    if not isinstance(deadline, Deadline) or deadline.rule.unit is not DeadlineUnit.HOURS:
        raise _error(
            "deadline",
            "not_a_reconnection_deadline",
            "deadline must be a reconnection deadline counted in hours, got {value}",
            value=repr(deadline),
        )
    if not isinstance(requested_at, datetime) or requested_at.utcoffset() is None:
        raise _error(
            "requested_at",
            "not_an_aware_datetime",
            "requested_at must be a datetime with a time zone, got {value}",
            value=repr(requested_at),
        )
    _require_ren1000(requested_at.date(), what=deadline.value, ren414_note="REN 414/2010 deadlines")
    cal = _calendar(calendar)
    hours = timedelta(hours=deadline.rule.amount)
    # Art. 362, § 1º, I: undue suspension — from the moment found or reported, any day or hour.
    if deadline is Deadline.RECONNECTION_UNDUE_SUSPENSION:
        return requested_at + hours
    local_day = requested_at.date()
    moment = requested_at.timetz().replace(tzinfo=None)
    # Art. 362, § 2º, I: a request on a business day from 8 h to 18 h starts the clock at once.
    if cal.is_business_day(local_day) and _BUSINESS_HOURS_START <= moment <= _BUSINESS_HOURS_END:
        return requested_at + hours
    # Art. 362, § 2º, I: otherwise from 8 h of the next business day.
    next_day = cal.add_business_days(local_day, 1)
    start = datetime.combine(next_day, _BUSINESS_HOURS_START, tzinfo=requested_at.tzinfo)
    return start + hours


# ---------------------------------------------------------------------------------------------
# Connection budget (art. 64) and vistoria (art. 91)
# ---------------------------------------------------------------------------------------------


class GenerationKind(enum.Enum):
    """Generation at the connection (art. 64 separates microgeneration from the rest)."""

    MICRO = "microgeração distribuída"
    MINI = "minigeração distribuída"
    GENERATING_PLANT = "central geradora"


class BudgetNotIssuedError(AneelRulesError):
    """No connection budget is issued (art. 64, § 1º): go straight to vistoria (art. 91).

    ``.basis`` is REN 1.000/2021, art. 64, § 1º.
    """

    def __init__(self, message: str, *, basis: LegalRef) -> None:
        super().__init__(message)
        self.basis = basis


NO_BUDGET_BASIS: Final = ren1000(64, paragraph=1)


@attrs.frozen(kw_only=True)
class BudgetRequirement:
    """Whether a connection budget (orçamento de conexão) is issued, or vistoria comes next.

    Attributes:
        required: ``False`` in the case of art. 64, § 1º.
        next_step: The deadline that runs next: the budget deadline of art. 64, or the
            vistoria of art. 91 when no budget is issued.
        basis: The provision applied.
    """

    required: bool
    next_step: Deadline
    basis: LegalRef


def _generation(value: GenerationKind | str | None) -> GenerationKind | None:
    if value is None or isinstance(value, GenerationKind):
        return value
    for member in GenerationKind:
        if value in {member.value, member.name, member.name.lower()}:
            return member
    raise _error(
        "generation",
        "unknown_generation",
        "generation {value} is not one of {known}",
        value=repr(value),
        known=", ".join(m.name.lower() for m in GenerationKind),
    )


def _budget_deadline(
    level: VoltageLevel, generation: GenerationKind | None, works: bool
) -> Deadline:
    # Art. 64, I and II: units without generation or with microgeneration, below 69 kV.
    if level is not VoltageLevel.FROM_69_KV and generation in {None, GenerationKind.MICRO}:
        # Art. 64, II: with works on the distribution or transmission system (30 days).
        if works:
            return Deadline.CONNECTION_BUDGET_WITH_WORKS
        # Art. 64, I: no works, at most the service drop (15 days).
        return Deadline.CONNECTION_BUDGET_NO_WORKS
    # Art. 64, III: every other connection (45 days).
    return Deadline.CONNECTION_BUDGET_OTHER


def _inspection_deadline(level: VoltageLevel) -> Deadline:
    # Art. 91, I / II / III: 5, 10 or 15 business days by connection voltage.
    return {
        VoltageLevel.BELOW_2_3_KV: Deadline.INSPECTION_BELOW_2_3_KV,
        VoltageLevel.FROM_2_3_TO_69_KV: Deadline.INSPECTION_2_3_TO_69_KV,
        VoltageLevel.FROM_69_KV: Deadline.INSPECTION_FROM_69_KV,
    }[level]


def budget_requirement(
    *,
    voltage_kv: Decimal | int | str,
    works_needed: bool,
    generation: GenerationKind | str | None = None,
    new_connection: bool = True,
) -> BudgetRequirement:
    """Whether a connection budget is issued, or the distributor goes straight to vistoria.

    A new connection without micro- or minigeneration that can be served below 2.3 kV with
    only a service drop (ramal de conexão) gets no budget: the distributor performs the
    vistoria and installs the meter (art. 64, § 1º → art. 91, I).

    Args:
        voltage_kv: Connection voltage, kV.
        works_needed: Works on the distribution or transmission system are needed
            (beyond the service drop).
        generation: Generation at the unit (``None`` for none).
        new_connection: The request is a new connection (conexão nova).

    Legal basis:
        - REN 1.000/2021, art. 64, § 1º; art. 64, I–III; art. 91, I.

    Examples:
        >>> r = budget_requirement(voltage_kv="0.22", works_needed=False)
        >>> r.required, r.next_step.name, str(r.basis)
        (False, 'INSPECTION_BELOW_2_3_KV', 'REN 1.000/2021, art. 64, § 1º')
    """
    level = VoltageLevel.of(voltage_kv)
    kind = _generation(generation)
    for name, flag in (("works_needed", works_needed), ("new_connection", new_connection)):
        if not isinstance(flag, bool):
            raise _error(
                name,
                "not_a_bool",
                "{path} must be true or false, got {value}",
                path=name,
                value=repr(flag),
            )
    # Art. 64, § 1º: new connection, no micro/minigeneration, below 2.3 kV, only a service drop.
    if new_connection and kind is None and level is VoltageLevel.BELOW_2_3_KV and not works_needed:
        return BudgetRequirement(
            required=False, next_step=Deadline.INSPECTION_BELOW_2_3_KV, basis=NO_BUDGET_BASIS
        )
    deadline = _budget_deadline(level, kind, works_needed)
    return BudgetRequirement(required=True, next_step=deadline, basis=deadline.rule.basis)


def connection_budget_deadline_decision(
    requested_on: date,
    *,
    voltage_kv: Decimal | int | str,
    works_needed: bool,
    generation: GenerationKind | str | None = None,
    calendar: BusinessCalendar | None = None,
    new_connection: bool = False,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> DeadlineDecision:
    """Due date of the connection budget (orçamento de conexão), REN 1.000/2021, art. 64.

    15 days for units without generation or with microgeneration below 69 kV needing no
    works (at most the service drop); 30 days for the same with works; 45 days for every
    other connection (minigeneration, generating plants, 69 kV and above). Calendar days
    from the request, counted as art. 656 says.

    Args:
        requested_on: Day of the request (solicitação).
        voltage_kv: Connection voltage, kV (a ``float`` is read through its ``repr``).
        works_needed: Works on the distribution or transmission system are needed.
        generation: Generation at the unit (:class:`GenerationKind`, its value or name).
        calendar: Holidays that count; national only by default.
        new_connection: The request is a new connection: enables the art. 64, § 1º check.
        start: Reading of art. 656, § 3º (see :class:`CountingStart`).

    Raises:
        BudgetNotIssuedError: ``new_connection`` and the case of art. 64, § 1º.
        UnsupportedCaseError: ``requested_on`` before 2022-01-03 (REN 414/2010 not modelled).
        InvalidInputError: bad voltage, generation, flags or calendar.

    Legal basis:
        - REN 1.000/2021, art. 64, I, II, III and § 1º; art. 656, §§ 2º and 3º.

    Examples:
        >>> d = connection_budget_deadline_decision(date(2026, 3, 4), voltage_kv="13.8",
        ...                                         works_needed=True)
        >>> d.due, d.amount, str(d.basis[0])  # day 30 is 3 Apr, Good Friday
        (datetime.date(2026, 4, 6), 30, 'REN 1.000/2021, art. 64, II')
    """
    requirement = budget_requirement(
        voltage_kv=voltage_kv,
        works_needed=works_needed,
        generation=generation,
        new_connection=new_connection,
    )
    if not requirement.required:
        raise BudgetNotIssuedError(
            "no connection budget is issued for a new connection without distributed "
            "generation served below 2.3 kV with only a service drop: the distributor "
            "performs the vistoria and installs the meter (art. 91)",
            basis=requirement.basis,
        )
    return deadline_due(requirement.next_step, requested_on, calendar=calendar, start=start)


def connection_budget_deadline(
    requested_on: date,
    *,
    voltage_kv: Decimal | int | str,
    works_needed: bool,
    generation: GenerationKind | str | None = None,
    calendar: BusinessCalendar | None = None,
) -> date:
    """Due date of the connection budget (art. 64): see :func:`connection_budget_deadline_decision`.

    Examples:
        >>> connection_budget_deadline(date(2026, 3, 4), voltage_kv=13.8, works_needed=False)
        datetime.date(2026, 3, 19)
    """
    return connection_budget_deadline_decision(
        requested_on,
        voltage_kv=voltage_kv,
        works_needed=works_needed,
        generation=generation,
        calendar=calendar,
    ).due


def inspection_deadline_decision(
    notice_on: date,
    *,
    voltage_kv: Decimal | int | str,
    calendar: BusinessCalendar | None = None,
) -> DeadlineDecision:
    """Due date of the vistoria and meter installation (REN 1.000/2021, art. 91).

    5 business days below 2.3 kV, 10 from 2.3 kV to below 69 kV, 15 from 69 kV, counted
    from the first business day after the triggering event (art. 91, parágrafo único:
    the art. 64 § 1º analysis, budget approval, return of contracts, end of works, or a
    new vistoria request).

    Raises:
        UnsupportedCaseError: ``notice_on`` before 2022-01-03 (REN 414/2010 had separate
            vistoria and connection deadlines, split urban/rural; not modelled).

    Legal basis:
        - REN 1.000/2021, art. 91, I–III and parágrafo único; art. 656, § 2º.

    Examples:
        >>> d = inspection_deadline_decision(date(2026, 3, 4), voltage_kv="0.22")
        >>> d.due, d.amount, d.unit.value
        (datetime.date(2026, 3, 11), 5, 'dias úteis')
    """
    deadline = _inspection_deadline(VoltageLevel.of(voltage_kv))
    decision = deadline_due(deadline, notice_on, calendar=calendar)
    return attrs.evolve(decision, basis=(deadline.rule.basis, INSPECTION_START_BASIS))


def inspection_deadline(
    notice_on: date,
    *,
    voltage_kv: Decimal | int | str,
    calendar: BusinessCalendar | None = None,
) -> date:
    """Due date of the vistoria and meter installation: see :func:`inspection_deadline_decision`.

    Examples:
        >>> inspection_deadline(date(2026, 3, 4), voltage_kv=13.8)
        datetime.date(2026, 3, 18)
    """
    return inspection_deadline_decision(notice_on, voltage_kv=voltage_kv, calendar=calendar).due


# ---------------------------------------------------------------------------------------------
# Debts and service requests (art. 346)
# ---------------------------------------------------------------------------------------------


class Service(enum.Enum):
    """A service the consumer asks for (art. 346 names them by example)."""

    NEW_CONNECTION = "conexão nova"
    CHANGE_OF_HOLDER = "alteração de titularidade"
    RECONNECTION = "religação"
    LOAD_INCREASE = "aumento de carga"
    SPECIAL_SUPPLY = "contratação de fornecimentos especiais"
    OTHER_SERVICE = "serviços"
    METER_INSPECTION = "inspeção do sistema de medição"
    SECOND_COPY = "emissão de segunda via de fatura"
    MEASUREMENT_DATA = "disponibilização dos dados de medição"
    ACCESS_IMPEDIMENT_REGULARISATION = "regularização de impedimento de acesso para fins de leitura"


class DebtRule(enum.Enum):
    """Which part of art. 346 decided."""

    SERVICE_NEVER_CONDITIONED = "serviço que não pode ser condicionado ao pagamento de débitos"
    THIRD_PARTY_DEBT = "débito de titularidade de terceiros"
    BUSINESS_SUCCESSION = "aquisição de fundo de comércio com continuidade da atividade"
    OWN_DEBT_IN_AREA = "débito do novo titular em instalação na área de atuação"
    OWN_DEBT_SAME_INSTALLATION = "débito do titular na instalação do serviço"
    OWN_DEBT_OTHER_INSTALLATION = "débito do titular em outra instalação"


@attrs.frozen(kw_only=True)
class DebtDecision:
    """Whether the distributor may require a debt to be paid before a service (art. 346).

    Attributes:
        allowed: ``True`` if it may require payment (condition the service on it).
        reason: The part of art. 346 that decided.
        basis: Its pinpoint citation.
    """

    allowed: bool
    reason: DebtRule
    basis: LegalRef


_NEVER_CONDITIONED: Final = frozenset(
    {
        Service.METER_INSPECTION,
        Service.SECOND_COPY,
        Service.MEASUREMENT_DATA,
        Service.ACCESS_IMPEDIMENT_REGULARISATION,
    }
)
_NEW_HOLDER_SERVICES: Final = frozenset({Service.NEW_CONNECTION, Service.CHANGE_OF_HOLDER})


def may_require_debt_payment(
    service: Service,
    *,
    debt_holder_is_requester: bool,
    debt_at_same_installation: bool,
    business_succession: bool = False,
    on: date | None = None,
) -> DebtDecision:
    """Whether the distributor may condition ``service`` on paying a debt (art. 346).

    Args:
        service: The service requested.
        debt_holder_is_requester: The debt is the requester's own (the new holder's, for
            a new connection or change of holder; the holder's otherwise).
        debt_at_same_installation: The debt is of the installation the service is for.
        business_succession: The distributor proves that a legal entity (not of public
            law) acquired the business and the activity continues (§ 1º, I and II); a
            third party's debt is then treated as the requester's own.
        on: Date of the request; ``None`` applies REN 1.000/2021 as compiled (Dec 2025).

    Reading: § 4º excludes its services from § 3º; we read it as "never conditioned", so
    the § 1º succession does not reopen them either. After a succession, the scope of
    § 2º (any installation, for new connection and change of holder) and § 3º (that
    installation, for the rest) still applies.

    Raises:
        UnsupportedCaseError: ``on`` before 2022-01-03 (REN 414/2010, art. 128 not modelled).

    Legal basis:
        - REN 1.000/2021, art. 346, caput, I; §§ 1º, 2º, 3º and 4º.

    Examples:
        >>> d = may_require_debt_payment(Service.NEW_CONNECTION, debt_holder_is_requester=False,
        ...                              debt_at_same_installation=True)
        >>> d.allowed, d.reason.name, str(d.basis)
        (False, 'THIRD_PARTY_DEBT', 'REN 1.000/2021, art. 346, I')
    """
    if not isinstance(service, Service):
        raise _error(
            "service",
            "not_a_service",
            "service must be a Service, got {value}",
            value=repr(service),
        )
    for name, flag in (
        ("debt_holder_is_requester", debt_holder_is_requester),
        ("debt_at_same_installation", debt_at_same_installation),
        ("business_succession", business_succession),
    ):
        if not isinstance(flag, bool):
            raise _error(
                name,
                "not_a_bool",
                "{path} must be true or false, got {value}",
                path=name,
                value=repr(flag),
            )
    if on is not None:
        _require_ren1000(on, what="debt conditioning", ren414_note="REN 414/2010, art. 128")
    # Art. 346, § 4º: meter inspection, 2nd copy, measurement data and access-impediment
    # regularisation are never conditioned on debts.
    if service in _NEVER_CONDITIONED:
        return DebtDecision(
            allowed=False,
            reason=DebtRule.SERVICE_NEVER_CONDITIONED,
            basis=ren1000(346, paragraph=4),
        )
    succession = False
    if not debt_holder_is_requester:
        # Art. 346, caput, I: never a third party's debt ...
        if not business_succession:
            return DebtDecision(
                allowed=False, reason=DebtRule.THIRD_PARTY_DEBT, basis=ren1000(346, item="I")
            )
        # ... unless § 1º: acquisition of the business by a legal entity, activity continued.
        succession = True
    # Art. 346, § 2º: new connection or change of holder — the new holder's debts anywhere.
    if service in _NEW_HOLDER_SERVICES:
        allowed_reason, allowed_basis = DebtRule.OWN_DEBT_IN_AREA, ren1000(346, paragraph=2)
    # Art. 346, § 3º: other services — only the holder's debts at that installation.
    elif debt_at_same_installation:
        allowed_reason = DebtRule.OWN_DEBT_SAME_INSTALLATION
        allowed_basis = ren1000(346, paragraph=3)
    else:
        return DebtDecision(
            allowed=False,
            reason=DebtRule.OWN_DEBT_OTHER_INSTALLATION,
            basis=ren1000(346, paragraph=3),
        )
    if succession:
        return DebtDecision(
            allowed=True, reason=DebtRule.BUSINESS_SUCCESSION, basis=ren1000(346, paragraph=1)
        )
    return DebtDecision(allowed=True, reason=allowed_reason, basis=allowed_basis)
