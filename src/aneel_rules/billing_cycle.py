"""Billing-cycle rules (ciclo de faturamento): reading intervals, billable consumption, averages.

Each function takes the dates it needs and answers under the regime in force then — REN 414/2010
until 2 Jan 2022, REN 1.000/2021 from 3 Jan 2022 — naming the provisions that produced the
answer in ``.basis``. Money and energy are :class:`~decimal.Decimal`; nothing is rounded before
:func:`round_for_invoice`. Where a REN 414/2010 provision could not be verified in the project's
sources the library raises :class:`~aneel_rules.errors.UnsupportedCaseError` rather than guess;
where the norm itself gives no answer it raises :class:`~aneel_rules.errors.RegulatoryGapError`.

Incorrect billing and refunds live in :mod:`aneel_rules._billing_settlement`, money helpers in
:mod:`aneel_rules._billing_money`; both are re-exported here.

Sources:
    - REN 1.000/2021, texto compilado (ANEEL, up to REN 1.147/2025):
      https://www2.aneel.gov.br/cedoc/bren20211000.pdf — arts. 260–261, 271–291, 318, 320–326,
      342–343, 504, 656–658, 668.
    - REN 414/2010 as quoted by the 2013 study note (arts. 52, 84, 87, 90, 111–114) and the
      1library copy of arts. 113 and 213 (dossier source S3).

Examples:
    >>> from datetime import date
    >>> check = check_reading_interval(date(2026, 1, 5), date(2026, 2, 10))
    >>> check.days, check.minimum, check.maximum, check.ok
    (36, 27, 33, False)
    >>> [str(b) for b in check.basis]
    ['REN 1.000/2021, art. 260']
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing_messages import gap, invalid, unsupported
from aneel_rules._billing_money import (
    CTX,
    INVOICE_ROUNDING,
    DayCount,
    InvoiceRounding,
    MonetaryIndex,
    check_date,
    ipca_factor,
    ipca_update,
    late_interest,
    round_for_invoice,
)
from aneel_rules._billing_settlement import (
    CONSUMER_FAULT_WINDOW,
    DOUBLE_REFUND_CUTOFF,
    OVERBILLING_WINDOW,
    UNDERBILLING_WINDOW,
    BillingError,
    Cause,
    Direction,
    DuplicatePaymentRefund,
    Settlement,
    SettlementLine,
    duplicate_payment_refund,
    settle_incorrect_billing,
)
from aneel_rules._convert import to_decimal
from aneel_rules.legal import (
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    Basis,
    Determination,
    Norm,
    norm_in_force,
    ren414,
    ren1000,
)
from aneel_rules.tariffs import Group
from aneel_rules.timeline import Period, Timeline

__all__ = (
    # reading interval and billable consumption
    "EXCEPTIONAL_READING_INTERVAL",
    "GROUP_B_READING_INTERVAL",
    "BillableConsumption",
    "ReadingIntervalCheck",
    "ReadingKind",
    "billable_consumption",
    "check_reading_interval",
    # availability charge
    "THREE_PHASE_LOW_INCOME_AVAILABILITY",
    "AvailabilityCharge",
    "AvailabilityExemption",
    "SupplyType",
    "availability_charge",
    "availability_charge_kwh",
    # billing by average
    "AverageBilling",
    "AverageBillingCase",
    "average_consumption",
    "bill_by_average",
    # incorrect billing and duplicate payment
    "CONSUMER_FAULT_WINDOW",
    "DOUBLE_REFUND_CUTOFF",
    "OVERBILLING_WINDOW",
    "UNDERBILLING_WINDOW",
    "BillingError",
    "Cause",
    "Direction",
    "DuplicatePaymentRefund",
    "Settlement",
    "SettlementLine",
    "duplicate_payment_refund",
    "settle_incorrect_billing",
    # money
    "INVOICE_ROUNDING",
    "DayCount",
    "InvoiceRounding",
    "MonetaryIndex",
    "ipca_factor",
    "ipca_update",
    "late_interest",
    "round_for_invoice",
    # temporary connection and low-value invoices
    "LOW_VALUE_MAX_CYCLES",
    "TEMPORARY_ADVANCE_MAX_CYCLES",
    "low_value_accumulation_allowed",
    "temporary_connection_advance",
)

_LAST_VERIFIED: Final = date(2026, 11, 23)


class ReadingKind(enum.Enum):
    """Why a reading interval is what it is (tipo de leitura)."""

    REGULAR = "leitura regular"
    FIRST_BILLING = "primeiro faturamento"
    ROUTE_CHANGE = "remanejamento de rota ou reprogramação do calendário"
    END_OF_GROUP_B_OPTION = "mudança para faturamento do grupo A após opção pelo grupo B"
    VOLTAGE_CHANGE = "alteração na tensão de conexão"


GROUP_B_READING_INTERVAL: Final[Timeline[tuple[int, int]]] = Timeline(
    name="group_b_reading_interval",
    unit="days (minimum, maximum)",
    label_pt="intervalo de leitura do grupo B",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=(27, 33), basis=ren414(84)),
        Period(since=REN1000_IN_FORCE_FROM, value=(27, 33), basis=ren1000(260)),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Group B: readings about every 30 days, 27 to 33 days apart."""

EXCEPTIONAL_READING_INTERVAL: Final[Timeline[tuple[int, int]]] = Timeline(
    name="exceptional_reading_interval",
    unit="days (minimum, maximum)",
    label_pt="intervalo de leitura excepcional (primeiro faturamento etc.)",
    periods=(
        Period(
            since=REN414_IN_FORCE_FROM,
            value=(15, 47),
            basis=ren414(84),
            note="Study note: first billing only; route change not confirmed for REN 414.",
        ),
        Period(since=REN1000_IN_FORCE_FROM, value=(15, 47), basis=ren1000(260, paragraph=1)),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""First billing / route change (group B) and art. 261 cases (group A): 15 to 47 days."""

_GROUP_A_EXCEPTION_ITEM: Final = {
    ReadingKind.FIRST_BILLING: "I",
    ReadingKind.END_OF_GROUP_B_OPTION: "II",
    ReadingKind.VOLTAGE_CHANGE: "III",
}


def _enum(value: object, cls: type[enum.Enum], path: str) -> None:
    if not isinstance(value, cls):
        raise invalid(path, "not_an_enum", path=path, expected=cls.__name__, value=repr(value))


def _positive_int(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise invalid(path, "not_an_int", path=path, value=repr(value))
    return value


def _days_in_month(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


@attrs.frozen(kw_only=True)
class ReadingIntervalCheck:
    """Whether a reading interval is within the limits of the norm (verificação do intervalo).

    Attributes:
        days: ``current - previous`` in days.
        minimum: Fewest days allowed.
        maximum: Most days allowed.
        ok: ``minimum <= days <= maximum``.
        kind: The case checked.
        group: Tariff group.
        norm: Regime in force on the current reading.
        billed_month: Group A, regular reading: first day of the calendar month billed.
        basis: Provisions applied.
    """

    days: int
    minimum: int
    maximum: int
    ok: bool
    kind: ReadingKind
    group: Group
    norm: Norm
    billed_month: date | None
    basis: tuple[Basis, ...]


def _interval_rule(
    previous: date, current: date, kind: ReadingKind, group: Group, billed_month: date | None
) -> ReadingIntervalCheck:
    first = check_date(previous, "previous")
    last = check_date(current, "current")
    _enum(kind, ReadingKind, "kind")
    _enum(group, Group, "group")
    if last <= first:
        raise invalid(
            "current", "not_after_previous", current=last.isoformat(), previous=first.isoformat()
        )
    norm = norm_in_force(last)
    days = (last - first).days
    month: date | None = None
    if group is Group.B:
        # Group A-only cases of REN 1.000/2021, art. 261, parágrafo único, II–III
        if kind in (ReadingKind.END_OF_GROUP_B_OPTION, ReadingKind.VOLTAGE_CHANGE):
            raise invalid("kind", "kind_not_for_group", kind=kind.value, group=group.value)
        # REN 414/2010, art. 84 (study note) names only the first billing
        if kind is ReadingKind.ROUTE_CHANGE and norm is Norm.REN_414_2010:
            raise unsupported("subject_route_change", last.isoformat())
        timeline = (
            GROUP_B_READING_INTERVAL
            if kind is ReadingKind.REGULAR
            else EXCEPTIONAL_READING_INTERVAL
        )
        # REN 1.000/2021, art. 260, caput (27–33) and § 1º (15–47); REN 414/2010, art. 84
        period = timeline.period_on(last)
        minimum, maximum = timeline.value_on(last)
        basis: tuple[Basis, ...] = (period.basis,)
    else:
        # REN 1.000/2021, art. 261 has no route-change case for group A
        if kind is ReadingKind.ROUTE_CHANGE:
            raise invalid("kind", "kind_not_for_group", kind=kind.value, group=group.value)
        if norm is Norm.REN_414_2010:
            raise unsupported("subject_group_a", last.isoformat())
        if kind is ReadingKind.REGULAR:
            # REN 1.000/2021, art. 261, caput and art. 282, I: the calendar month
            month = (
                check_date(billed_month, "billed_month").replace(day=1)
                if billed_month is not None
                else date.fromordinal(last.toordinal() - 1).replace(day=1)
            )
            minimum = maximum = _days_in_month(month)
            basis = (ren1000(261), ren1000(282, item="I"))
        else:
            # REN 1.000/2021, art. 261, parágrafo único, I–III: 15 to 47 days
            minimum, maximum = EXCEPTIONAL_READING_INTERVAL.value_on(last)
            basis = (ren1000(261, paragraph="único", item=_GROUP_A_EXCEPTION_ITEM[kind]),)
    return ReadingIntervalCheck(
        days=days,
        minimum=minimum,
        maximum=maximum,
        ok=minimum <= days <= maximum,
        kind=kind,
        group=group,
        norm=norm,
        billed_month=month,
        basis=basis,
    )


def check_reading_interval(
    previous: date,
    current: date,
    *,
    kind: ReadingKind = ReadingKind.REGULAR,
    group: Group = Group.B,
    billed_month: date | None = None,
) -> ReadingIntervalCheck:
    """Check the days between two readings (intervalo entre leituras).

    The regime is the one in force on ``current``. Group B: 27 to 33 days; first billing, route
    change or reprogrammed calendar: 15 to 47 days. Group A: the reading must allow billing the
    calendar month (the interval must have as many days as that month; the month is
    ``billed_month``, by default the month of the day before ``current``), and 15 to 47 days for
    the first billing, the end of a group B option, or a change of connection voltage.

    Args:
        previous: Date of the previous reading.
        current: Date of the current reading.
        kind: The case (regular, first billing…).
        group: Tariff group of the consumer unit.
        billed_month: Group A, regular reading: any day of the calendar month billed.

    Raises:
        InvalidInputError: ``current <= previous``; a kind that does not exist for the group.
        UnsupportedCaseError: a REN 414/2010 case the project could not verify (route change,
            group A).
        NotInForceError: ``current`` before REN 414/2010.

    Legal basis:
        - REN 1.000/2021, art. 260, caput and § 1º; art. 261, caput and parágrafo único, I–III;
          art. 282, I.
        - REN 414/2010, art. 84 (27–33 days; 15–47 days for the first billing).

    Examples:
        >>> check_reading_interval(date(2026, 1, 5), date(2026, 2, 1)).ok
        True
        >>> check = check_reading_interval(date(2026, 1, 5), date(2026, 2, 10),
        ...                                kind=ReadingKind.FIRST_BILLING)
        >>> check.ok, str(check.basis[0])
        (True, 'REN 1.000/2021, art. 260, § 1º')
        >>> str(check_reading_interval(date(2021, 12, 1), date(2022, 1, 2)).basis[0])
        'REN 414/2010, art. 84'
        >>> a = check_reading_interval(date(2026, 2, 1), date(2026, 3, 1), group=Group.A)
        >>> a.days, a.minimum, a.ok
        (28, 28, True)
    """
    return _interval_rule(previous, current, kind, group, billed_month)


@attrs.frozen(kw_only=True)
class BillableConsumption:
    """Energy that may be billed for a reading interval (consumo faturável).

    Attributes:
        measured_kwh: Energy registered between the readings.
        kwh: Energy to bill (``measured_kwh`` or its proration).
        days: Days between readings.
        prorated: Whether ``kwh`` was prorated to the maximum days.
        availability_charge_applies: Whether the availability charge (custo de disponibilidade)
            may be billed as the group B minimum in this cycle (never for group A).
        interval: The reading-interval check behind the decision.
        basis: Provisions applied.
    """

    measured_kwh: Decimal
    kwh: Decimal
    days: int
    prorated: bool
    availability_charge_applies: bool
    interval: ReadingIntervalCheck
    basis: tuple[Basis, ...]


def billable_consumption(
    measured_kwh: Decimal,
    previous: date,
    current: date,
    *,
    group: Group = Group.B,
    kind: ReadingKind = ReadingKind.REGULAR,
    billed_month: date | None = None,
) -> BillableConsumption:
    """Consumption to bill when the reading interval is (or is not) within the limits.

    Group B (art. 285): fewer days than the minimum → bill the measured energy, without the
    availability charge; more than the maximum → prorate the measured energy to the maximum
    number of days. The article's text names 27 and 33 days; for the 15–47 day cases of art. 260,
    § 1º we read "número máximo de dias permitido" as 47 and the minimum as 15 (our reading).
    Group A (art. 286): shorter than the calendar month → measured; longer → prorate to the days
    of the calendar month. For group A's 15–47 day cases outside that range the norm is silent
    (``RegulatoryGapError``).

    Raises:
        InvalidInputError: negative or non-Decimal ``measured_kwh``; bad dates or kind.
        UnsupportedCaseError: ``current`` under REN 414/2010 (its equivalent of art. 285 could
            not be verified).
        RegulatoryGapError: group A exceptional reading outside 15–47 days.

    Legal basis:
        - REN 1.000/2021, art. 285, I–II (group B); art. 286, I–II (group A); art. 290 (group B
          minimum billing).

    Examples:
        >>> from datetime import date
        >>> b = billable_consumption(Decimal("360"), date(2026, 1, 5), date(2026, 2, 10))
        >>> b.kwh, b.prorated, b.availability_charge_applies
        (Decimal('330'), True, True)
        >>> short = billable_consumption(Decimal("80"), date(2026, 1, 5), date(2026, 1, 30))
        >>> short.kwh, short.availability_charge_applies, str(short.basis[0])
        (Decimal('80'), False, 'REN 1.000/2021, art. 285, I')
    """
    measured = to_decimal(measured_kwh, path="measured_kwh")
    if measured < 0:
        raise invalid("measured_kwh", "negative", path="measured_kwh", value=repr(measured_kwh))
    check = _interval_rule(previous, current, kind, group, billed_month)
    if check.norm is Norm.REN_414_2010:
        raise unsupported("subject_billable", current.isoformat())
    kwh = measured
    prorated = False
    if group is Group.B:
        availability = True
        if check.days < check.minimum:
            # REN 1.000/2021, art. 285, I: measured, without the availability charge
            availability = False
            basis: tuple[Basis, ...] = (ren1000(285, item="I"), *check.basis)
        elif check.days > check.maximum:
            # REN 1.000/2021, art. 285, II: prorate to the maximum number of days allowed
            kwh = CTX.divide(CTX.multiply(measured, check.maximum), check.days)
            prorated = True
            basis = (ren1000(285, item="II"), *check.basis)
        else:
            # REN 1.000/2021, art. 290: the greater of consumption and availability charge
            basis = (*check.basis, ren1000(290))
    else:
        # REN 1.000/2021, art. 290 applies to group B only
        availability = False
        if check.kind is not ReadingKind.REGULAR:
            if not check.ok:
                raise gap(
                    "group_a_exception_outside",
                    basis=check.basis[0],
                    days=str(check.days),
                    kind=check.kind.value,
                )
            basis = check.basis
        elif check.days < check.minimum:
            # REN 1.000/2021, art. 286, I: shorter than the calendar month → measured
            basis = (ren1000(286, item="I"), *check.basis)
        elif check.days > check.maximum:
            # REN 1.000/2021, art. 286, II: prorate to the days of the calendar month
            kwh = CTX.divide(CTX.multiply(measured, check.maximum), check.days)
            prorated = True
            basis = (ren1000(286, item="II"), *check.basis)
        else:
            basis = check.basis
    return BillableConsumption(
        measured_kwh=measured,
        kwh=kwh,
        days=check.days,
        prorated=prorated,
        availability_charge_applies=availability,
        interval=check,
        basis=basis,
    )


class SupplyType(enum.Enum):
    """Number of phases and conductors of the connection (tipo de ligação)."""

    SINGLE_PHASE = "monofásico"
    TWO_PHASE_TWO_WIRE = "bifásico a dois condutores"
    TWO_PHASE_THREE_WIRE = "bifásico a três condutores"
    THREE_PHASE = "trifásico"


class AvailabilityExemption(enum.Enum):
    """Units never billed the availability charge (art. 290, § 1º)."""

    PUBLIC_LIGHTING = "classe iluminação pública"
    SIGFI_MIGDI = "sistema isolado SIGFI ou MIGDI"
    PREPAYMENT = "modalidade de pré-pagamento"


_EXEMPTION_ITEM: Final = {
    AvailabilityExemption.PUBLIC_LIGHTING: "I",
    AvailabilityExemption.SIGFI_MIGDI: "II",
    AvailabilityExemption.PREPAYMENT: "III",
}

THREE_PHASE_LOW_INCOME_AVAILABILITY: Final[Timeline[int]] = Timeline(
    name="three_phase_low_income_availability_kwh",
    unit="kWh",
    label_pt="custo de disponibilidade trifásico baixa renda com consumo ≤ 80 kWh",
    periods=(
        Period(since=REN1000_IN_FORCE_FROM, value=100, basis=ren1000(291, item="III")),
        Period(
            since=date(2025, 7, 5),
            value=80,
            basis=ren1000(291, item="III", amended_by=Norm.REN_1147_2025),
            note=(
                "Applied from 5 Jul 2025 under MP 1.300/2025 (Lei 15.235/2025) by Despacho ANEEL "
                "1.731/2025, which the compiled text cites at art. 291, III; the wording was "
                "written into REN 1.000 by REN 1.147 of 9 Dec 2025 (DOU 16 Dec 2025). The "
                "5 Jul 2025 start rests on secondary sources (dossier S7, Medium); the "
                "alternative reading starts on 9 Dec 2025."
            ),
        ),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Availability charge of a three-phase low-income unit consuming at most 80 kWh."""

_AVAILABILITY_KWH: Final = {
    SupplyType.SINGLE_PHASE: (30, "I"),
    SupplyType.TWO_PHASE_TWO_WIRE: (30, "I"),
    SupplyType.TWO_PHASE_THREE_WIRE: (50, "II"),
}


@attrs.frozen(kw_only=True)
class AvailabilityCharge:
    """Minimum energy billed to a group B unit (custo de disponibilidade).

    Attributes:
        kwh: Energy equivalent of the charge (``0`` when it does not apply).
        applies: False for the units of art. 290, § 1º.
        supply: Connection type.
        basis: Provisions applied.
    """

    kwh: int
    applies: bool
    supply: SupplyType
    basis: tuple[Basis, ...]


def availability_charge(
    supply: SupplyType,
    *,
    on: date,
    low_income: bool = False,
    measured_kwh: Decimal | None = None,
    exemption: AvailabilityExemption | None = None,
) -> AvailabilityCharge:
    """Availability charge in kWh for a group B unit on a date (custo de disponibilidade).

    30 kWh single-phase or two-phase two-wire, 50 kWh two-phase three-wire, 100 kWh three-phase;
    80 kWh for a three-phase unit of a low-income subclass whose measured consumption is at most
    80 kWh, from 5 Jul 2025 (:data:`THREE_PHASE_LOW_INCOME_AVAILABILITY` records the date and the
    alternative). Not applied to public lighting, SIGFI/MIGDI and pre-payment (art. 290, § 1º).
    Not modelled: the 50 % of art. 291, parágrafo único (SCEE units of CadÚnico families).

    Raises:
        InvalidInputError: ``measured_kwh`` missing when the 80 kWh case must be decided.
        UnsupportedCaseError: ``on`` under REN 414/2010 (its article could not be verified).

    Legal basis:
        - REN 1.000/2021, art. 291, I–IV (III–IV wording by REN 1.147/2025); art. 290, § 1º.

    Examples:
        >>> from datetime import date
        >>> availability_charge(SupplyType.THREE_PHASE, on=date(2025, 7, 5), low_income=True,
        ...                     measured_kwh=Decimal("75")).kwh
        80
        >>> availability_charge(SupplyType.THREE_PHASE, on=date(2025, 7, 4), low_income=True,
        ...                     measured_kwh=Decimal("75")).kwh
        100
    """
    _enum(supply, SupplyType, "supply")
    day = check_date(on, "on")
    if not isinstance(low_income, bool):
        raise invalid("low_income", "not_a_bool", path="low_income", value=repr(low_income))
    if exemption is not None:
        _enum(exemption, AvailabilityExemption, "exemption")
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_availability", day.isoformat())
    if exemption is not None:
        # REN 1.000/2021, art. 290, § 1º, I–III: not applied
        basis: tuple[Basis, ...] = (ren1000(290, paragraph=1, item=_EXEMPTION_ITEM[exemption]),)
        return AvailabilityCharge(kwh=0, applies=False, supply=supply, basis=basis)
    if supply in _AVAILABILITY_KWH:
        # REN 1.000/2021, art. 291, I (30 kWh) and II (50 kWh)
        kwh, item = _AVAILABILITY_KWH[supply]
        return AvailabilityCharge(
            kwh=kwh, applies=True, supply=supply, basis=(ren1000(291, item=item),)
        )
    period = THREE_PHASE_LOW_INCOME_AVAILABILITY.period_on(day)
    if low_income and period.value == 80:
        if measured_kwh is None:
            raise invalid("measured_kwh", "measured_required", on=day.isoformat())
        measured = to_decimal(measured_kwh, path="measured_kwh")
        # REN 1.000/2021, art. 291, III (REN 1.147/2025): 80 kWh if consumption ≤ 80 kWh
        if measured <= 80:
            return AvailabilityCharge(kwh=80, applies=True, supply=supply, basis=(period.basis,))
        # REN 1.000/2021, art. 291, IV (REN 1.147/2025): 100 kWh in the other cases
        basis = (ren1000(291, item="IV", amended_by=Norm.REN_1147_2025),)
        return AvailabilityCharge(kwh=100, applies=True, supply=supply, basis=basis)
    if period.value == 80:
        basis = (ren1000(291, item="IV", amended_by=Norm.REN_1147_2025),)
    else:
        # REN 1.000/2021, art. 291, III (original wording): 100 kWh three-phase
        basis = (ren1000(291, item="III"),)
    return AvailabilityCharge(kwh=100, applies=True, supply=supply, basis=basis)


def availability_charge_kwh(
    supply: SupplyType,
    *,
    on: date,
    low_income: bool = False,
    measured_kwh: Decimal | None = None,
    exemption: AvailabilityExemption | None = None,
) -> int:
    """The kWh of :func:`availability_charge` (``0`` for exempt units).

    Examples:
        >>> from datetime import date
        >>> [availability_charge_kwh(s, on=date(2026, 1, 1)) for s in SupplyType]
        [30, 30, 50, 100]
    """
    return availability_charge(
        supply, on=on, low_income=low_income, measured_kwh=measured_kwh, exemption=exemption
    ).kwh


def average_consumption(history: Sequence[Decimal], *, cycles: int = 12) -> Decimal:
    """Arithmetic mean of the last ``cycles`` billed values (média aritmética).

    ``history`` runs oldest → newest; with fewer values than ``cycles`` the mean of those
    available is used (art. 288, § 1º). The result is exact to 34 significant digits.

    Raises:
        InvalidInputError: empty history (the norm then bills the availability charge: see
            :func:`bill_by_average`), negative or float values, ``cycles`` < 1.

    Legal basis:
        - REN 1.000/2021, art. 288, III and § 1º; arts. 289, 320, I and 321, I (12 cycles).

    Examples:
        >>> average_consumption([Decimal(v) for v in (100, 200, 150, 170)], cycles=3)
        Decimal('173.3333333333333333333333333333333')
        >>> average_consumption([Decimal("90"), Decimal("110")])
        Decimal('100')
    """
    count = _positive_int(cycles, "cycles")
    raw: object = history
    if isinstance(raw, str | bytes) or not isinstance(raw, Sequence):
        raise invalid(
            "history", "not_an_enum", path="history", expected="sequence", value=repr(history)
        )
    if not history:
        raise invalid("history", "empty_history", basis=ren1000(288, paragraph=1))
    values = [to_decimal(v, path=f"history.{i}") for i, v in enumerate(history)]
    for i, value in enumerate(values):
        if value < 0:
            raise invalid(f"history.{i}", "negative", path=f"history.{i}", value=repr(value))
    last = values[-count:]
    total = Decimal(0)
    for value in last:
        total = CTX.add(total, value)
    return CTX.divide(total, len(last))


class AverageBillingCase(enum.Enum):
    """Situations billed by the 12-cycle average (faturamento pela média)."""

    ACCESS_IMPEDIMENT = "impedimento de acesso"
    METER_REMOVED = "ausência temporária de medição"
    EMERGENCY = "situação de emergência, calamidade pública ou força maior"


_AVERAGE_REN414: Final = {
    AverageBillingCase.ACCESS_IMPEDIMENT: ren414(87),
    AverageBillingCase.METER_REMOVED: ren414(90),
    AverageBillingCase.EMERGENCY: ren414(111),
}


@attrs.frozen(kw_only=True)
class AverageBilling:
    """How to bill a cycle without a reading (faturamento pela média).

    Attributes:
        case: The situation.
        norm: Regime in force on the billing date.
        cycles_averaged: History values used (0 when there is none).
        kwh: Energy to bill, or ``None`` when the availability charge is billed instead.
        availability_charge_instead: Whether the availability charge (and contracted demand,
            if any) is billed instead of an average.
        may_suspend_supply: Whether the distributor may suspend supply (access impediment
            after the 3rd consecutive cycle); ``None`` where the REN 414 rule is unverified.
        basis: Provisions applied.
    """

    case: AverageBillingCase
    norm: Norm
    cycles_averaged: int
    kwh: Decimal | None
    availability_charge_instead: bool
    may_suspend_supply: bool | None
    basis: tuple[Basis, ...]


def bill_by_average(
    history: Sequence[Decimal],
    *,
    case: AverageBillingCase,
    on: date,
    consecutive_cycles: int = 1,
    days_without_meter: int = 0,
    distributor_responsible: bool = True,
    supply_maintained: bool = True,
) -> AverageBilling:
    """Bill a cycle by the average of the last 12 billed cycles (faturamento pela média).

    - Access impediment (arts. 277–280, 289): 12-cycle average; the distributor may suspend
      supply after the 3rd consecutive cycle (``consecutive_cycles >= 3``). Under-billing due to
      impediment can later be collected for the last 3 cycles only (art. 324, § 2º; see
      :func:`settle_incorrect_billing` with ``Cause.ACCESS_IMPEDIMENT``). REN 414/2010, art. 87
      allowed the average for up to 3 consecutive complete cycles; what came after is unverified.
    - Meter removed (art. 320): 12-cycle average, no reactive excess; after more than 30 days
      without a meter by the distributor's responsibility, the availability charge (and
      contracted demand) instead.
    - Emergency, public calamity or force majeure (art. 321): 12-cycle average while supply is
      maintained; settle in the cycle after the situation ends, without the 3-cycle limit and
      without doubling (``Cause.EMERGENCY``).

    With fewer than 12 billed cycles the mean of those available; with none, the availability
    charge (art. 288, § 1º).

    Args:
        history: Billed kWh, oldest → newest.
        case: The situation.
        on: Billing date (selects the regime).
        consecutive_cycles: Access impediment: consecutive cycles with impediment, this one
            included.
        days_without_meter: Meter removed: days the unit has been without a meter.
        distributor_responsible: Meter removed: whether the distributor is responsible.
        supply_maintained: Emergency: whether regular supply is maintained.

    Raises:
        RegulatoryGapError: emergency without regular supply (art. 321, I gives no rule).
        UnsupportedCaseError: REN 414 cases the project could not verify (no history; more
            than 3 impediment cycles; more than 30 days without meter).

    Legal basis:
        - REN 1.000/2021, arts. 280, 288 § 1º, 289, 320, 321.
        - REN 414/2010, arts. 87, 90, 111 (study note).

    Examples:
        >>> from datetime import date
        >>> history = [Decimal(v) for v in (120, 130, 110, 140)]
        >>> bill = bill_by_average(history, case=AverageBillingCase.ACCESS_IMPEDIMENT,
        ...                        on=date(2026, 3, 1), consecutive_cycles=3)
        >>> bill.kwh, bill.may_suspend_supply
        (Decimal('125'), True)
        >>> [str(b) for b in bill.basis]  # doctest: +NORMALIZE_WHITESPACE
        ['REN 1.000/2021, art. 289, II', 'REN 1.000/2021, art. 280',
         'REN 1.000/2021, art. 288, § 1º']
        >>> bill_by_average([], case=AverageBillingCase.METER_REMOVED,
        ...                 on=date(2026, 3, 1)).availability_charge_instead
        True
    """
    _enum(case, AverageBillingCase, "case")
    day = check_date(on, "on")
    streak = _positive_int(consecutive_cycles, "consecutive_cycles")
    if (
        isinstance(days_without_meter, bool)
        or not isinstance(days_without_meter, int)
        or (days_without_meter < 0)
    ):
        raise invalid(
            "days_without_meter",
            "negative",
            path="days_without_meter",
            value=repr(days_without_meter),
        )
    for path, flag in (
        ("distributor_responsible", distributor_responsible),
        ("supply_maintained", supply_maintained),
    ):
        if not isinstance(flag, bool):
            raise invalid(path, "not_a_bool", path=path, value=repr(flag))
    norm = norm_in_force(day)
    if norm is Norm.REN_414_2010:
        return _bill_by_average_ren414(history, case, day, streak, days_without_meter)
    may_suspend = False
    basis: tuple[Basis, ...]
    if case is AverageBillingCase.ACCESS_IMPEDIMENT:
        # REN 1.000/2021, art. 289, II; art. 280: suspension after the 3rd consecutive cycle
        may_suspend = streak >= 3
        basis = (
            (ren1000(289, item="II"), ren1000(280)) if may_suspend else (ren1000(289, item="II"),)
        )
    elif case is AverageBillingCase.METER_REMOVED:
        # REN 1.000/2021, art. 320, parágrafo único: > 30 days by the distributor's fault
        if days_without_meter > 30 and distributor_responsible:
            return AverageBilling(
                case=case,
                norm=norm,
                cycles_averaged=0,
                kwh=None,
                availability_charge_instead=True,
                may_suspend_supply=False,
                basis=(ren1000(320, paragraph="único"), ren1000(291)),
            )
        basis = (ren1000(320, item="I"), ren1000(320, item="II"))
    else:
        # REN 1.000/2021, art. 321, I: only while regular supply is maintained
        if not supply_maintained:
            raise gap("supply_not_maintained", basis=ren1000(321, item="I"))
        basis = (ren1000(321, item="I"), ren1000(321, item="III"))
    if not history:
        # REN 1.000/2021, art. 288, § 1º: no history → availability charge
        return AverageBilling(
            case=case,
            norm=norm,
            cycles_averaged=0,
            kwh=None,
            availability_charge_instead=True,
            may_suspend_supply=may_suspend,
            basis=(*basis, ren1000(288, paragraph=1), ren1000(291)),
        )
    used = min(len(history), 12)
    if used < 12:
        # REN 1.000/2021, art. 288, § 1º: fewer than 12 cycles → mean of those available
        basis = (*basis, ren1000(288, paragraph=1))
    return AverageBilling(
        case=case,
        norm=norm,
        cycles_averaged=used,
        kwh=average_consumption(history),
        availability_charge_instead=False,
        may_suspend_supply=may_suspend,
        basis=basis,
    )


def _bill_by_average_ren414(
    history: Sequence[Decimal],
    case: AverageBillingCase,
    day: date,
    streak: int,
    days_without_meter: int,
) -> AverageBilling:
    # REN 414/2010, art. 87: the average for up to 3 consecutive complete cycles (study note);
    # what followed, the fallback without history and the 30-day meter rule are unverified.
    if (
        not history
        or (case is AverageBillingCase.ACCESS_IMPEDIMENT and streak > 3)
        or (case is AverageBillingCase.METER_REMOVED and days_without_meter > 30)
    ):
        raise unsupported("subject_average", day.isoformat())
    return AverageBilling(
        case=case,
        norm=Norm.REN_414_2010,
        cycles_averaged=min(len(history), 12),
        kwh=average_consumption(history),
        availability_charge_instead=False,
        may_suspend_supply=None,
        basis=(_AVERAGE_REN414[case],),
    )


TEMPORARY_ADVANCE_MAX_CYCLES: Final[Timeline[int]] = Timeline(
    name="temporary_connection_advance_max_cycles",
    unit="cycles",
    label_pt="pagamento antecipado na conexão temporária (ciclos completos)",
    periods=(
        Period(
            since=REN414_IN_FORCE_FROM,
            value=3,
            basis=ren414(52),
            note="REN 414/2010 'fornecimento provisório' (study note).",
        ),
        Period(since=REN1000_IN_FORCE_FROM, value=3, basis=ren1000(504)),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Advance payment of a temporary connection: up to 3 complete billing cycles."""

LOW_VALUE_MAX_CYCLES: Final = 3
"""Low-value invoices may be accumulated for at most 3 consecutive cycles (art. 318, § 3º)."""


def temporary_connection_advance(
    expected_per_cycle: Decimal, *, on: date, cycles: int | None = None
) -> Determination[Decimal]:
    """Largest advance payment a distributor may demand for a temporary connection.

    The distributor may require, as a guarantee, advance payment of the expected consumption or
    demand for up to 3 complete billing cycles, settling differences once a meter is installed.

    Args:
        expected_per_cycle: Expected billing of one complete cycle (R$).
        on: Date of the request (selects the regime).
        cycles: Cycles demanded; defaults to the maximum.

    Raises:
        InvalidInputError: negative amount; ``cycles`` above the maximum or below 1.

    Legal basis:
        - REN 1.000/2021, art. 504 (conexão temporária).
        - REN 414/2010, art. 52 (fornecimento provisório, study note).

    Examples:
        >>> from datetime import date
        >>> d = temporary_connection_advance(Decimal("450.10"), on=date(2026, 5, 1))
        >>> d.value, str(d.basis[0])
        (Decimal('1350.30'), 'REN 1.000/2021, art. 504')
    """
    amount = to_decimal(expected_per_cycle, path="expected_per_cycle")
    if amount < 0:
        raise invalid(
            "expected_per_cycle", "negative", path="expected_per_cycle", value=repr(amount)
        )
    day = check_date(on, "on")
    period = TEMPORARY_ADVANCE_MAX_CYCLES.period_on(day)
    maximum = TEMPORARY_ADVANCE_MAX_CYCLES.value_on(day)
    count = maximum if cycles is None else _positive_int(cycles, "cycles")
    if count > maximum:
        raise invalid(
            "cycles",
            "too_many_cycles",
            basis=period.basis,
            path="cycles",
            value=repr(count),
            maximum=str(maximum),
        )
    return Determination(CTX.multiply(amount, count), (period.basis,))


def low_value_accumulation_allowed(consecutive_cycles: int, *, on: date) -> Determination[bool]:
    """Whether low-value invoices may still be accumulated (acúmulo de faturas de baixo valor).

    The invoice is issued every cycle anyway; the charge of a low-value cycle may be carried to
    the following ones for at most 3 consecutive cycles, and the consumer may refuse it.

    Args:
        consecutive_cycles: Cycles that would be accumulated, this one included.
        on: Date of the invoice.

    Raises:
        UnsupportedCaseError: ``on`` under REN 414/2010 (equivalent article unverified).

    Legal basis:
        - REN 1.000/2021, art. 318, caput and §§ 1º–4º.

    Examples:
        >>> from datetime import date
        >>> low_value_accumulation_allowed(3, on=date(2026, 1, 1)).value
        True
        >>> low_value_accumulation_allowed(4, on=date(2026, 1, 1)).value
        False
    """
    count = _positive_int(consecutive_cycles, "consecutive_cycles")
    day = check_date(on, "on")
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_low_value", day.isoformat())
    # REN 1.000/2021, art. 318, § 3º: at most 3 consecutive cycles
    return Determination(count <= LOW_VALUE_MAX_CYCLES, (ren1000(318, paragraph=3),))
