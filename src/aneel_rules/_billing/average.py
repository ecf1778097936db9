"""Billing by the average of past cycles (faturamento pela média).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import (
    check_enum,
    gap,
    invalid,
    non_negative,
    positive_int,
    unsupported,
)
from aneel_rules._billing.money import CTX
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date, to_bool, to_quantity, whole_number
from aneel_rules.legal import Basis, Norm, in_force_from, norm_in_force, ren414, ren1000

__all__ = (
    "MULTI_MONTH_MAX_CYCLES",
    "AverageBilling",
    "AverageBillingCase",
    "MultiMonthBilling",
    "MultiMonthSource",
    "average_consumption",
    "bill_by_average",
    "bill_multi_month_reading",
)


def _history(history: object) -> list[Decimal]:
    """The billed values of ``history`` as Decimals, or the library's input error."""
    if isinstance(history, str | bytes) or not isinstance(history, Sequence):
        raise invalid(
            "history", "not_an_enum", path="history", expected="sequence", value=masked(history)
        )
    values = [to_quantity(v, path=f"history.{i}") for i, v in enumerate(history)]
    for i, value in enumerate(values):  # every value read before the first sign is checked
        non_negative(value, f"history.{i}", shown="number")
    return values


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
    count = positive_int(cycles, "cycles")
    values = _history(history)
    if not values:
        raise invalid("history", "empty_history", basis=ren1000(288, paragraph=1))
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
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


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
      allowed the average for up to 3 consecutive complete cycles; what came after was not
      found (refused).
    - Meter removed (art. 320): 12-cycle average, no reactive excess; after more than 30 days
      without a meter by the distributor's responsibility, the availability charge (and
      contracted demand) instead.
    - Emergency, public calamity or force majeure (art. 321): 12-cycle average while supply is
      maintained; settle in the cycle after the situation ends, without the 3-cycle limit and
      without doubling (``Cause.EMERGENCY``).

    With fewer than 12 billed cycles the mean of those available; with none, the availability
    charge (art. 288, § 1º).

    Under REN 414/2010 (``on`` up to 2 Jan 2022): art. 87 (access impediment) and art. 90 (meter
    removed) give the 12-cycle mean, for up to 3 cycles of impediment and 30 days without
    meter; art. 111 (emergency) in the wording in force from REN 479/2012 (3 Apr 2012) gives the
    12-cycle mean while regular supply is maintained, with art. 89, § 1º for a short or empty
    history (the availability charge). Sources and confidence: ``_bill_by_average_ren414``.

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
        RegulatoryGapError: emergency without regular supply (REN 1.000/2021, art. 321, I and
            REN 414/2010, art. 111 give no rule).
        UnsupportedCaseError: REN 414 cases whose text was not found (access impediment or
            meter removed without history; more than 3 impediment cycles; more than 30 days
            without meter; an emergency before REN 479/2012 without history or regular
            supply).

    Legal basis:
        - REN 1.000/2021, arts. 280, 288 § 1º, 289, 320, 321.
        - REN 414/2010, arts. 87, 90 (study note); art. 111 and art. 89, § 1º (wording in
          force from REN 479/2012); art. 98.

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
    check_enum(case, AverageBillingCase, "case")
    _history(history)
    day = plain_date(on, path="on")
    streak = positive_int(consecutive_cycles, "consecutive_cycles")
    days = whole_number(days_without_meter, 0)
    if days is None:
        raise invalid(
            "days_without_meter",
            "negative",
            path="days_without_meter",
            value=masked(days_without_meter),
        )
    for path, flag in (
        ("distributor_responsible", distributor_responsible),
        ("supply_maintained", supply_maintained),
    ):
        to_bool(flag, path=path)
    norm = norm_in_force(day)
    if norm is Norm.REN_414_2010:
        return _bill_by_average_ren414(history, case, day, streak, days, bool(supply_maintained))
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
        if days > 30 and distributor_responsible:
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
    kwh, used, basis = _twelve_cycle_mean(history, basis)
    return AverageBilling(
        case=case,
        norm=norm,
        cycles_averaged=used,
        kwh=kwh,
        availability_charge_instead=kwh is None,
        may_suspend_supply=may_suspend,
        basis=basis,
    )


def _twelve_cycle_mean(
    history: Sequence[Decimal], basis: tuple[Basis, ...]
) -> tuple[Decimal | None, int, tuple[Basis, ...]]:
    """Mean of the last 12 billed cycles, cycles used and basis (``None``: availability charge)."""
    if not history:
        # REN 1.000/2021, art. 288, § 1º: no history → availability charge
        return None, 0, (*basis, ren1000(288, paragraph=1), ren1000(291))
    used = min(len(history), 12)
    if used < 12:
        # REN 1.000/2021, art. 288, § 1º: fewer than 12 cycles → mean of those available
        basis = (*basis, ren1000(288, paragraph=1))
    return average_consumption(history), used, basis


def _bill_by_average_ren414(  # noqa: PLR0917 (private helper: the facts of bill_by_average)
    history: Sequence[Decimal],
    case: AverageBillingCase,
    day: date,
    streak: int,
    days_without_meter: int,
    supply_maintained: bool,
) -> AverageBilling:
    """Billing by average under REN 414/2010 (arts. 87, 90 and 111).

    - Art. 87 (access impediment): the mean of the last 12 billed cycles, for up to 3
      consecutive cycles. SINGLE-QUOTE sources, enough for what is answered here: the mean is
      given by two independent pages (https://coorsel.com.br/medidor: "os valores faturáveis
      de energia elétrica [...] devem ser as respectivas médias aritméticas dos 12 (doze)
      últimos faturamentos anteriores à constatação do impedimento"; the 2013 study note, with
      the article number) and ANEEL's FAQ as copied at
      https://blogecosolarer.blogspot.com/2014/03/caso-haja-impedimento-de-acesso-ao.html
      ("Conforme art. 87 [...] pela média aritmética dos valores faturados nos últimos 12
      meses"); the 3-cycle limit by the study note and, as paraphrase, by a distributor
      (https://www.energisajuntos.com.br/posso-confiar-na-leitura-da-minha-conta/: "só pode ser
      feito por três meses consecutivos") and ANEEL's AP 28/2018 summary (cmuenergia.com.br,
      "faturamento pela média por mais de 3 ciclos"). What follows the 3rd cycle (those pages
      say the availability charge, but none quotes the article) and the fallback without
      history are refused (``error.basis`` = art. 87). With 1 to 11 billed cycles the mean of
      those available is billed: our reading of "os 12 (doze) últimos faturamentos" for a
      shorter history, the rule REN 414's own art. 89, § 1º states for the cycles available
      (VERIFIED, REN 479 booklet) and REN 1.000/2021, art. 288, § 1º keeps.
    - Art. 90 (meter removed): the study note's 12-cycle mean; more than 30 days and no
      history are refused (the article's text was not found).
    - Art. 111 (emergency, calamity, force majeure), from REN 479/2012 — SINGLE-QUOTE, one
      page reproducing the compiled text with the heading's amendment note
      (https://hccenergiasolar.com.br/conta-de-luz-entenda-como-funciona-o-faturamento-por-media,
      "Seção XIII [...] (Redação dada pela REN ANEEL 479, de 03.04.2012)"): "o faturamento deve
      ser efetuado utilizando-se a média aritmética dos valores faturados nos 12 (doze) últimos
      ciclos de faturamento, observado o disposto no § 1º do art. 89, desde que mantido o
      fornecimento regular à unidade consumidora". One page suffices because its rule is word
      for word that of REN 1.000/2021, art. 321, I (official compiled text) and the study note
      gives the same mean; the cross-reference is to art. 89, § 1º, VERIFIED in the REN 479
      booklet: fewer cycles → their mean, none → the availability charge (art. 98). Without
      regular supply the article gives no rule (``RegulatoryGapError``). Before REN 479/2012
      only the 12-cycle mean with history and regular supply is answered (study note).
    """
    if case is AverageBillingCase.EMERGENCY:
        return _emergency_ren414(history, day, supply_maintained)
    if case is AverageBillingCase.ACCESS_IMPEDIMENT and streak > 3:
        raise unsupported("subject_impediment_streak", day.isoformat(), ren414(87))
    if case is AverageBillingCase.METER_REMOVED and days_without_meter > 30:
        raise unsupported("subject_meter_removed", day.isoformat(), ren414(90))
    if not history:
        raise unsupported("subject_average_no_history", day.isoformat(), _AVERAGE_REN414[case])
    return AverageBilling(
        case=case,
        norm=Norm.REN_414_2010,
        cycles_averaged=min(len(history), 12),
        kwh=average_consumption(history),
        availability_charge_instead=False,
        may_suspend_supply=None,
        basis=(_AVERAGE_REN414[case],),
    )


def _emergency_ren414(
    history: Sequence[Decimal], day: date, supply_maintained: bool
) -> AverageBilling:
    """REN 414/2010, art. 111 (see :func:`_bill_by_average_ren414`)."""
    art111 = ren414(111)
    if day < in_force_from(Norm.REN_479_2012):
        if not (history and supply_maintained):
            raise unsupported("subject_emergency_original", day.isoformat(), art111)
        basis: tuple[Basis, ...] = (art111,)
    elif not supply_maintained:
        # REN 414/2010, art. 111: "desde que mantido o fornecimento regular"
        raise gap("emergency_supply_not_maintained", basis=art111)
    elif not history:
        # REN 414/2010, art. 111 → art. 89, § 1º: no history → the availability charge (art. 98)
        return AverageBilling(
            case=AverageBillingCase.EMERGENCY,
            norm=Norm.REN_414_2010,
            cycles_averaged=0,
            kwh=None,
            availability_charge_instead=True,
            may_suspend_supply=None,
            basis=(art111, ren414(89, paragraph=1), ren414(98)),
        )
    elif len(history) < 12:
        # REN 414/2010, art. 111 → art. 89, § 1º: fewer cycles → the mean of those available
        basis = (art111, ren414(89, paragraph=1))
    else:
        basis = (art111,)
    return AverageBilling(
        case=AverageBillingCase.EMERGENCY,
        norm=Norm.REN_414_2010,
        cycles_averaged=min(len(history), 12),
        kwh=average_consumption(history),
        availability_charge_instead=False,
        may_suspend_supply=None,
        basis=basis,
    )


class MultiMonthSource(enum.Enum):
    """What happened in a cycle of multi-month rural reading (leitura plurimensal)."""

    DISTRIBUTOR_READING = "leitura da distribuidora"
    SELF_READING = "autoleitura"
    NO_SELF_READING = "autoleitura não enviada"
    DISTRIBUTOR_MISSED = "leitura da distribuidora não realizada"


MULTI_MONTH_MAX_CYCLES: Final = 12
"""Group B rural units may be read by the distributor every 12 consecutive cycles at most."""


@attrs.frozen(kw_only=True)
class MultiMonthBilling:
    """How to bill one cycle of a multi-month rural reading (faturamento na leitura plurimensal).

    Attributes:
        source: What happened in the cycle.
        norm: Regime in force on the billing date.
        uses_reading: Whether the cycle is billed from a reading (the distributor's or the
            consumer's self-reading); ``kwh`` is then ``None``.
        kwh: Energy to bill by average, or ``None``.
        cycles_averaged: History values used (0 when none).
        availability_charge_instead: Whether the availability charge is billed instead.
        later_compensation_allowed: ``False`` when the difference can never be collected
            later (art. 288, § 2º); ``None`` where unverified (REN 414).
        within_limit: Whether the distributor's readings are at most 12 cycles apart.
        distributor_must_read_next: Whether the distributor must read in the next cycle
            (2 consecutive cycles without self-reading); ``None`` where unverified (REN 414).
        basis: Provisions applied.
    """

    source: MultiMonthSource
    norm: Norm
    uses_reading: bool
    kwh: Decimal | None
    cycles_averaged: int
    availability_charge_instead: bool
    later_compensation_allowed: bool | None
    within_limit: bool
    distributor_must_read_next: bool | None
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def bill_multi_month_reading(
    history: Sequence[Decimal],
    *,
    source: MultiMonthSource,
    on: date,
    rural: bool,
    cycles_since_distributor_reading: int,
    consecutive_missing_self_readings: int = 0,
) -> MultiMonthBilling:
    """Bill one cycle of a group B rural unit read every few cycles (leitura plurimensal).

    The distributor may read a group B unit in a rural area at intervals of up to 12
    consecutive cycles (art. 271); in between the consumer may send a self-reading. Each cycle
    is billed monthly from the distributor's reading, the self-reading, or, when the consumer
    sends none, the mean of the last 12 billed cycles (fewer: those available; none: the
    availability charge). After 2 consecutive cycles without self-reading the distributor must
    read in the next cycle (art. 276). If the distributor misses a reading it was due to make
    (and there is no access impediment, for which see :func:`bill_by_average`) it bills the
    availability charge while the reading is missing and may never collect the difference
    (art. 288, § 2º).

    Args:
        history: Billed kWh, oldest → newest.
        source: What happened in this cycle.
        on: Billing date (selects the regime).
        rural: Whether the unit is in a rural area (the only case allowed).
        cycles_since_distributor_reading: Cycles since the distributor's last reading, this
            one included (1 = the previous cycle was read by the distributor).
        consecutive_missing_self_readings: Consecutive cycles without self-reading, this one
            included (``NO_SELF_READING`` only).

    Raises:
        InvalidInputError: ``rural`` false (art. 271 allows only rural group B units); bad
            counts or history.
        UnsupportedCaseError: under REN 414/2010, a missed distributor reading (art. 89, § 2º
            is cut in every source found); no history before REN 479/2012 (the earlier
            wording of art. 89, § 1º was not found).

    Legal basis:
        - REN 1.000/2021, arts. 271, 275, 276 and 288, I–III, §§ 1º–2º.
        - REN 414/2010, art. 86 (study note: up to 12 cycles; distributor's reading,
          consumer's reading or 12-cycle average); art. 89, caput and § 1º (fewer cycles: their
          mean; no history: the availability charge), in the wording quoted by ANEEL's 2012
          booklet (1library y969mk4j), applied from REN 479/2012. Art. 86 is one page
          (SINGLE-QUOTE); it suffices for its 12 consecutive cycles in rural group B units
          because REN 1.000/2021, art. 271 keeps them word for word ("intervalos de até 12
          ciclos consecutivos em unidade consumidora do grupo B localizada em zona rural") and
          the VERIFIED art. 89 refers to it ("observado no art. 86").

    Examples:
        >>> from datetime import date
        >>> history = [Decimal(v) for v in (90, 110, 100)]
        >>> bill = bill_multi_month_reading(history, source=MultiMonthSource.NO_SELF_READING,
        ...                                 on=date(2026, 3, 1), rural=True,
        ...                                 cycles_since_distributor_reading=4,
        ...                                 consecutive_missing_self_readings=2)
        >>> bill.kwh, bill.distributor_must_read_next
        (Decimal('100'), True)
        >>> [str(b) for b in bill.basis]  # doctest: +NORMALIZE_WHITESPACE
        ['REN 1.000/2021, art. 275', 'REN 1.000/2021, art. 288, III',
         'REN 1.000/2021, art. 288, § 1º', 'REN 1.000/2021, art. 276']
    """
    check_enum(source, MultiMonthSource, "source")
    _history(history)
    day = plain_date(on, path="on")
    if not to_bool(rural, path="rural"):
        raise invalid("rural", "multi_month_not_rural", basis=ren1000(271))
    since = positive_int(cycles_since_distributor_reading, "cycles_since_distributor_reading")
    missing = (
        positive_int(consecutive_missing_self_readings, "consecutive_missing_self_readings")
        if consecutive_missing_self_readings != 0
        else 0
    )
    norm = norm_in_force(day)
    ren414_rule = norm is Norm.REN_414_2010
    # REN 1.000/2021, art. 271; REN 414/2010, art. 86: up to 12 consecutive cycles
    limit: Basis = ren414(86) if ren414_rule else ren1000(271)
    # REN 414/2010, art. 89 in the wording quoted by ANEEL's 2012 booklet (VERIFIED, partial; its
    # amendment note is cut, read as REN 479/2012's): applied from REN 479/2012's entry in force
    art89 = ren414_rule and day >= in_force_from(Norm.REN_479_2012)
    ren414_basis: tuple[Basis, ...] = (limit, ren414(89)) if art89 else (limit,)
    within = since <= MULTI_MONTH_MAX_CYCLES
    if source in (MultiMonthSource.DISTRIBUTOR_READING, MultiMonthSource.SELF_READING):
        # REN 1.000/2021, art. 288, I (distributor's reading) and II (self-reading)
        item = "I" if source is MultiMonthSource.DISTRIBUTOR_READING else "II"
        return MultiMonthBilling(
            uses_reading=True,
            kwh=None,
            cycles_averaged=0,
            availability_charge_instead=False,
            later_compensation_allowed=None if ren414_rule else True,
            distributor_must_read_next=None if ren414_rule else False,
            basis=ren414_basis if ren414_rule else (ren1000(288, item=item),),
            source=source,
            norm=norm,
            within_limit=within,
        )
    if ren414_rule and source is MultiMonthSource.DISTRIBUTOR_MISSED:
        raise unsupported("subject_multi_month_missed", day.isoformat(), ren414(89, paragraph=2))
    if ren414_rule and not (history or art89):
        raise unsupported("subject_multi_month", day.isoformat(), ren414(89, paragraph=1))
    if source is MultiMonthSource.DISTRIBUTOR_MISSED:
        # REN 1.000/2021, art. 288, § 2º: availability charge, no later compensation
        return MultiMonthBilling(
            uses_reading=False,
            kwh=None,
            cycles_averaged=0,
            availability_charge_instead=True,
            later_compensation_allowed=False,
            distributor_must_read_next=True,
            basis=(ren1000(288, paragraph=2), ren1000(291)),
            source=source,
            norm=norm,
            within_limit=within,
        )
    if ren414_rule:
        # REN 414/2010, art. 86 (study note) and art. 89, caput: the 12-cycle average; art. 89,
        # § 1º: "histórico [...] inferior ao número de ciclos requerido" → the mean of the cycles
        # available; "caso não haja histórico, o custo de disponibilidade" (art. 98)
        short = art89 and len(history) < 12
        tail414: tuple[Basis, ...] = (ren414(89, paragraph=1),) if short else ()
        if not history:
            tail414 = (*tail414, ren414(98))
        return MultiMonthBilling(
            uses_reading=False,
            kwh=average_consumption(history) if history else None,
            cycles_averaged=min(len(history), 12),
            availability_charge_instead=not history,
            later_compensation_allowed=None,
            distributor_must_read_next=None,
            basis=(*ren414_basis, *tail414),
            source=source,
            norm=norm,
            within_limit=within,
        )
    # REN 1.000/2021, art. 275 → art. 288, III: the mean of the last 12 billed cycles
    basis: tuple[Basis, ...] = (ren1000(275), ren1000(288, item="III"))
    # REN 1.000/2021, art. 276: read in the next cycle after 2 cycles without self-reading
    must_read = missing >= 2
    tail: tuple[Basis, ...] = (ren1000(276),) if must_read else ()
    kwh, used, basis = _twelve_cycle_mean(history, basis)
    return MultiMonthBilling(
        uses_reading=False,
        kwh=kwh,
        cycles_averaged=used,
        availability_charge_instead=kwh is None,
        later_compensation_allowed=True,
        distributor_must_read_next=must_read,
        basis=(*basis, *tail),
        source=source,
        norm=norm,
        within_limit=within,
    )
