"""Reading intervals and billable consumption (período de leitura, consumo faturável).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import calendar
import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import check_enum, gap, invalid, non_negative, unsupported
from aneel_rules._billing.money import CTX
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import plain_date
from aneel_rules._tariffs.units import Group
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    Basis,
    Norm,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "EXCEPTIONAL_READING_INTERVAL",
    "GROUP_B_READING_INTERVAL",
    "BillableConsumption",
    "ReadingIntervalCheck",
    "ReadingKind",
    "billable_consumption",
    "check_reading_interval",
)


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
    last_verified_on=LAST_VERIFIED,
)
"""Group B: readings about every 30 days, 27 to 33 days apart (REN 414/2010: every group)."""

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
    last_verified_on=LAST_VERIFIED,
)
"""First billing / route change (group B) and art. 261 cases (group A): 15 to 47 days."""

_GROUP_A_EXCEPTION_ITEM: Final = {
    ReadingKind.FIRST_BILLING: "I",
    ReadingKind.END_OF_GROUP_B_OPTION: "II",
    ReadingKind.VOLTAGE_CHANGE: "III",
}


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
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _ren414_unquoted_case(kind: ReadingKind, days: int, last: date) -> None:
    """Refuse a REN 414 reading case whose text was not found, unless every reading agrees.

    Of art. 84 only the caput (27–33 days) and the first billing's 15–47 days were found, not
    what it says of a route change or a reprogrammed calendar, nor of group A at the end of a
    group B option or after a change of connection voltage. Those cases either follow the caput
    or are exceptions, which only widen it (REN 1.000/2021, arts. 260, § 1º and 261, parágrafo
    único give 15–47 days): an interval of 27 to 33 days is within the limits under every
    reading, and is then answered with the caput's limits. Any other interval is refused.
    """
    minimum, maximum = GROUP_B_READING_INTERVAL.value_on(last)
    if not minimum <= days <= maximum:
        subject = (
            "subject_route_change"
            if kind is ReadingKind.ROUTE_CHANGE
            else "subject_group_a_exception"
        )
        raise unsupported(subject, last.isoformat(), ren414(84))


def _ren414_group_a(kind: ReadingKind, days: int, last: date) -> tuple[int, int, tuple[Basis, ...]]:
    """Group A reading interval under REN 414/2010, art. 84 (our reading: no group distinction).

    The caput of art. 84 (VERIFIED-QUOTE, ``shared/sources/ren414_excerpts.md``: the book
    "Eficiência energética" and the 2013 study note give the same words) reads "a distribuidora
    deve efetuar as leituras em intervalos de aproximadamente 30 (trinta) dias, observados o
    mínimo de 27 (vinte e sete) e o máximo de 33 (trinta e três) dias, de acordo com o
    calendário de leitura" and names no group; art. 88, § 2º (REN 479/2012, VERIFIED) prorates
    the group A *demand* of a unit migrating to the free market when "o período de
    fornecimento seja inferior a 27 (vinte e sete) dias", which only makes sense if group A was
    read on the same 27–33 days. The calendar month of REN 1.000/2021, art. 261 is new. The
    first billing (15–47 days) is the study note's sentence, also without a group. REN 414
    text for the other group A cases of REN 1.000, art. 261, parágrafo único (end of a group B
    option, change of connection voltage) and for a route change was not found: answered only
    within 27–33 days, where every reading agrees (:func:`_ren414_unquoted_case`), else refused.
    """
    if kind not in (ReadingKind.REGULAR, ReadingKind.FIRST_BILLING):
        _ren414_unquoted_case(kind, days, last)
    if kind is not ReadingKind.FIRST_BILLING:
        minimum, maximum = GROUP_B_READING_INTERVAL.value_on(last)
        return minimum, maximum, GROUP_B_READING_INTERVAL.period_on(last).basis
    minimum, maximum = EXCEPTIONAL_READING_INTERVAL.value_on(last)
    return minimum, maximum, EXCEPTIONAL_READING_INTERVAL.period_on(last).basis


def _interval_rule(
    previous: date, current: date, kind: ReadingKind, group: Group, billed_month: date | None
) -> ReadingIntervalCheck:
    first = plain_date(previous, path="previous")
    last = plain_date(current, path="current")
    check_enum(kind, ReadingKind, "kind")
    check_enum(group, Group, "group")
    if billed_month is not None:
        # Checked for every group: a datetime or a string must not be ignored silently.
        billed_month = plain_date(billed_month, path="billed_month")
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
        # REN 414/2010, art. 84 (study note) names only the first billing: a route change is
        # answered only where the caput and any exception agree (27–33 days)
        route_change_414 = kind is ReadingKind.ROUTE_CHANGE and norm is Norm.REN_414_2010
        if route_change_414:
            _ren414_unquoted_case(kind, days, last)
        timeline = (
            GROUP_B_READING_INTERVAL
            if kind is ReadingKind.REGULAR or route_change_414
            else EXCEPTIONAL_READING_INTERVAL
        )
        # REN 1.000/2021, art. 260, caput (27–33) and § 1º (15–47); REN 414/2010, art. 84
        period = timeline.period_on(last)
        minimum, maximum = timeline.value_on(last)
        basis: tuple[Basis, ...] = period.basis
    elif norm is Norm.REN_414_2010:
        minimum, maximum, basis = _ren414_group_a(kind, days, last)
    else:
        # REN 1.000/2021, art. 261 has no route-change case for group A
        if kind is ReadingKind.ROUTE_CHANGE:
            raise invalid("kind", "kind_not_for_group", kind=kind.value, group=group.value)
        if kind is ReadingKind.REGULAR:
            # REN 1.000/2021, art. 261, caput and art. 282, I: the calendar month
            month = (
                billed_month.replace(day=1)
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
    Under REN 414/2010 (current reading up to 2 Jan 2022) art. 84 names no group: 27 to 33
    days for groups A and B, 15 to 47 for the first billing (``billed_month`` is then
    ``None``; see ``_ren414_group_a`` for the reading). Its text on a route change and on group
    A's other cases was not found: an interval of 27 to 33 days is within the limits under
    every reading and is answered with the caput's limits; any other is refused.

    Args:
        previous: Date of the previous reading.
        current: Date of the current reading.
        kind: The case (regular, first billing…).
        group: Tariff group of the consumer unit.
        billed_month: Group A, regular reading: any day of the calendar month billed.

    Raises:
        InvalidInputError: ``current <= previous``; a kind that does not exist for the group.
        UnsupportedCaseError: a REN 414/2010 case whose text was not found (route change or
            reprogrammed calendar; group A at the end of a group B option or after a change of
            connection voltage) with an interval outside 27–33 days; ``error.basis`` is
            REN 414/2010, art. 84.
        NotInForceError: ``current`` before REN 414/2010.

    Legal basis:
        - REN 1.000/2021, art. 260, caput and § 1º; art. 261, caput and parágrafo único, I–III;
          art. 282, I.
        - REN 414/2010, art. 84 (27–33 days, every group; 15–47 days for the first billing).

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
        >>> a = check_reading_interval(date(2019, 2, 1), date(2019, 3, 1), group=Group.A)
        >>> a.days, a.minimum, a.maximum, a.ok, str(a.basis[0])
        (28, 27, 33, True, 'REN 414/2010, art. 84')
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
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _ren414_billable(
    measured: Decimal, day: date, check: ReadingIntervalCheck
) -> BillableConsumption:
    """Billable consumption under REN 414/2010 (groups A and B).

    Art. 88, § 1º in the wording of REN 479/2012 (ANEEL booklet via 1library, VERIFIED-QUOTE in
    ``shared/sources/ren414_excerpts.md``): a reading outside the intervals "estabelecidos no
    caput do art. 84" (27–33 days) is billed "I – ultrapassado o limite máximo de 33 (trinta e
    três) dias, o consumo registrado deve ser proporcional ao número máximo de dias permitido";
    "II – não atingido o limite mínimo de 27 (vinte e sete) dias, deve ser faturado o consumo
    medido, vedada a aplicação do custo de disponibilidade" (the source's OCR garbles II; its
    reading is the one REN 1.000, art. 285, I took over). Inside the interval the measured
    energy is billed, with the availability charge as the minimum for group B (art. 98, § 1º,
    which names "unidade consumidora do grupo B" only: never for group A). § 1º speaks of
    "o consumo registrado" and of the intervals of art. 84's caput, which names no group, so
    it is applied to group A energy too (our reading; the demand of group A is not prorated
    by it). The original 2010 wording of art. 88 was not found: out-of-interval readings
    before REN 479/2012 are refused, and so are first or exceptional readings outside their
    15–47 days, which § 1º does not cover.
    """
    group_b = check.group is Group.B
    if check.ok and not group_b:
        # REN 414/2010, art. 84: inside the interval the measured energy (no availability charge)
        return BillableConsumption(
            measured_kwh=measured,
            kwh=measured,
            days=check.days,
            prorated=False,
            availability_charge_applies=False,
            interval=check,
            basis=check.basis,
        )
    if check.ok:
        # REN 414/2010, art. 98, § 1º: the availability charge whenever consumption is below it
        return BillableConsumption(
            measured_kwh=measured,
            kwh=measured,
            days=check.days,
            prorated=False,
            availability_charge_applies=True,
            interval=check,
            basis=(*check.basis, ren414(98, paragraph=1)),
        )
    if check.kind is not ReadingKind.REGULAR:
        raise unsupported("subject_billable_exceptional", day.isoformat(), ren414(88))
    if day < in_force_from(Norm.REN_479_2012):
        raise unsupported("subject_billable", day.isoformat(), ren414(88, paragraph=1))
    short = check.days < check.minimum
    # REN 414/2010, art. 88, § 1º, II (short: measured, no availability charge) and I (long:
    # prorated to the 33 days), both in the wording of REN 479/2012
    item = "II" if short else "I"
    kwh = measured if short else CTX.divide(CTX.multiply(measured, check.maximum), check.days)
    return BillableConsumption(
        measured_kwh=measured,
        kwh=kwh,
        days=check.days,
        prorated=not short,
        availability_charge_applies=group_b and not short,
        interval=check,
        basis=(ren414(88, paragraph=1, item=item, amended_by=Norm.REN_479_2012), *check.basis),
    )


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
    of the calendar month. Group A's 15–47 day cases (art. 261, parágrafo único) are billed as
    measured within that range and below it (art. 286, I: fewer than 15 days is shorter than
    any calendar month, so every reading agrees); beyond 47 days art. 286, II (the days of the
    calendar month) and the 47-day maximum disagree and the norm does not choose
    (``RegulatoryGapError``). Under REN 414/2010 both groups follow art. 88, § 1º (from REN
    479/2012): more than 33 days → prorated to 33, fewer than 27 → measured without the
    availability charge, which never applies to group A.

    Raises:
        InvalidInputError: negative or non-Decimal ``measured_kwh``; bad dates or kind.
        UnsupportedCaseError: under REN 414/2010, a reading outside 27–33 days before REN
            479/2012 (the original art. 88 was not found); a first or exceptional reading
            outside 15–47 days; the interval cases refused by :func:`check_reading_interval`.
        RegulatoryGapError: group A exceptional reading longer than 47 days.

    Legal basis:
        - REN 1.000/2021, art. 285, I–II (group B); art. 286, I–II (group A); art. 290 (group B
          minimum billing).
        - REN 414/2010 (dates up to 2 Jan 2022): art. 84; art. 88, § 1º, I–II (wording by
          REN 479/2012; groups A and B); art. 98, § 1º (group B).

    Examples:
        >>> from datetime import date
        >>> b = billable_consumption(Decimal("360"), date(2026, 1, 5), date(2026, 2, 10))
        >>> b.kwh, b.prorated, b.availability_charge_applies
        (Decimal('330'), True, True)
        >>> short = billable_consumption(Decimal("80"), date(2026, 1, 5), date(2026, 1, 30))
        >>> short.kwh, short.availability_charge_applies, str(short.basis[0])
        (Decimal('80'), False, 'REN 1.000/2021, art. 285, I')
    """
    measured = non_negative(measured_kwh, "measured_kwh")
    check = _interval_rule(previous, current, kind, group, billed_month)
    if check.norm is Norm.REN_414_2010:
        return _ren414_billable(measured, plain_date(current, path="current"), check)
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
            if check.days < check.minimum:
                # REN 1.000/2021, art. 286, I: shorter than 15 days is shorter than every
                # calendar month → "faturar o consumo medido", whatever art. 261 allows
                basis = (ren1000(286, item="I"), *check.basis)
            elif not check.ok:
                # Longer than 47 days: art. 286, II (days of the calendar month) and the
                # 47-day maximum of art. 261 (as art. 285, II does for group B) disagree
                raise gap(
                    "group_a_exception_outside",
                    basis=check.basis[0],
                    days=str(check.days),
                    kind=check.kind.value,
                )
            else:
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
