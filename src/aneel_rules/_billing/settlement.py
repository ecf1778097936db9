"""Incorrect billing and defective meters (faturamento incorreto, defeito na medição).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.

A billing cycle is identified by its reference month (any day of it). "The current cycle" is
the cycle of ``found_on`` (the date of the constatação, REN 1.000/2021, art. 323, § 10).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import (
    check_enum,
    gap,
    invalid,
    positive_amount,
    positive_int,
    unsupported,
)
from aneel_rules._billing.money import (
    CTX,
    MonetaryIndex,
    month_index,
    month_start,
)
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import plain_date, quoted, to_bool
from aneel_rules.errors import NotInForceError
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    AmendmentKind,
    Basis,
    Determination,
    Norm,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "CONSUMER_FAULT_WINDOW",
    "DOUBLE_REFUND_CUTOFF",
    "METER_DEFECT_CHARGE_CYCLES",
    "METER_DEFECT_REFUND_CYCLES",
    "OVERBILLING_WINDOW",
    "REN479_WORDING_SINCE",
    "UNDERBILLING_WINDOW",
    "BillingError",
    "Cause",
    "Direction",
    "MeterDefectCriterion",
    "Settlement",
    "SettlementLine",
    "meter_defect_criterion",
    "settle_incorrect_billing",
)

_SUSPENDED_SINCE: Final = in_force_from(Norm.DSP_2006_2024)

REN479_WORDING_SINCE: Final = in_force_from(Norm.REN_479_2012)
"""Entry into force of REN 479/2012, which gave REN 414/2010, art. 113 the wording encoded.

The original 2010 wording of art. 113 is not in the project's sources, so a distributor's
incorrect billing found before this date is not answered (``UnsupportedCaseError``). Its
publication date is unverified: ``legal.NORMS`` uses the date of the act (see its note).
"""

DOUBLE_REFUND_CUTOFF: Final = date(2022, 3, 31)
"""Over-billings issued before this date keep the REN 414 doubling rule (art. 668, § 1º, IV)."""

OVERBILLING_WINDOW: Final[Timeline[int]] = Timeline(
    name="overbilling_refund_window",
    unit="cycles",
    label_pt="janela de devolução do faturamento a maior (culpa da distribuidora)",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=36, basis=ren414(113, item="II")),
        Period(since=REN1000_IN_FORCE_FROM, value=60, basis=ren1000(323, item="II")),
        Period(
            since=_SUSPENDED_SINCE,
            value=None,
            basis=ren1000(
                323,
                item="II",
                amended_by=Norm.DSP_2006_2024,
                amendment_kind=AmendmentKind.SUSPENDED,
            ),
            note=(
                "Despacho ANEEL 2.006 of 8 Jul 2024 (court decision) suspended the 60-cycle term; "
                "the compiled text gives no replacement. The start is its entry into force in "
                "legal.NORMS (the despacho's date: its publication was not found)."
            ),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Cycles refunded for over-billing by the distributor; ``None`` while suspended."""

UNDERBILLING_WINDOW: Final[Timeline[int]] = Timeline(
    name="underbilling_collection_window",
    unit="cycles",
    label_pt="cobrança do faturamento a menor (culpa da distribuidora)",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=3, basis=ren414(113, item="I")),
        Period(since=REN1000_IN_FORCE_FROM, value=3, basis=ren1000(323, item="I")),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Under-billing by the distributor: the last 3 cycles before the current one."""

CONSUMER_FAULT_WINDOW: Final[Timeline[int]] = Timeline(
    name="consumer_fault_window",
    unit="cycles",
    label_pt="prazo de cobrança ou devolução por motivo atribuível ao consumidor",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=36, basis=ren414(114)),
        Period(since=REN1000_IN_FORCE_FROM, value=36, basis=ren1000(324, paragraph=2)),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Consumer's fault: collection or refund limited to 36 cycles."""


METER_DEFECT_CHARGE_CYCLES: Final = 3
"""Defective meter registering too little: compensation charged for at most 3 cycles."""

METER_DEFECT_REFUND_CYCLES: Final = 60
"""Defective meter registering too much: compensation refunded for at most 60 cycles."""


class Direction(enum.Enum):
    """Whether the consumer was billed too little or too much (faturamento a menor / a maior)."""

    UNDER = "faturamento a menor"
    OVER = "faturamento a maior"


class Cause(enum.Enum):
    """To whom the incorrect billing is attributable (motivo do faturamento incorreto)."""

    DISTRIBUTOR = "distribuidora"
    CONSUMER = "consumidor"
    ACCESS_IMPEDIMENT = "impedimento de acesso"
    THIRD_PARTY = "terceiro"
    EMERGENCY = "emergência, calamidade pública ou força maior"
    METER_DEFECT = "defeito na medição"


def _cycle(value: object) -> date:
    return plain_date(value, path="cycle")


@attrs.frozen
class BillingError:
    """One wrongly billed cycle (ciclo faturado incorretamente).

    Attributes:
        cycle: Any day of the reference month; give the invoice's issue date when it matters
            (over-billings issued before 31 Mar 2022 keep the REN 414 doubling rule).
        amount: Amount billed too little or too much (positive, R$).

    Examples:
        >>> BillingError(date(2025, 3, 15), Decimal("42.10")).month
        datetime.date(2025, 3, 1)
    """

    cycle: date = attrs.field(converter=_cycle)
    amount: Decimal = attrs.field(converter=positive_amount)

    @property
    def month(self) -> date:
        """First day of the reference month."""
        return self.cycle.replace(day=1)


@attrs.frozen(kw_only=True)
class SettlementLine:
    """One cycle of a settlement: amount, multiplier (0, 1 or 2) and the rule behind it."""

    cycle: date
    amount: Decimal
    multiplier: int
    due: Decimal
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


@attrs.frozen(kw_only=True)
class Settlement:
    """What is owed after an incorrect billing (acerto do faturamento incorreto).

    Attributes:
        direction: Under- or over-billing.
        cause: To whom it is attributable.
        found_on: Date of the constatação.
        norm: Regime in force on ``found_on``.
        window_cycles: Cycles the window covers (``None``: no limit, art. 321, III).
        window_from_caller: Whether ``window_cycles`` was given by the caller.
        cycles: First days of the included reference months, oldest first.
        excluded: Errors outside the window (too old, or after ``found_on``'s cycle).
        lines: Included cycles with their multiplier.
        principal: Sum of the included amounts.
        amount_due: Sum of ``amount × multiplier`` (before monetary update and interest).
        installments: Under-billing by the distributor: maximum number of instalments (the
            consumer may ask for fewer).
        refund_by: Over-billing: first day of the reference month of the last cycle in which
            the refund must be made.
        update_index: Index for the monetary update (``None`` where unverified).
        late_interest: Whether 1 % a month pro rata die is added on the updated value.
        basis: Provisions applied.
    """

    direction: Direction
    cause: Cause
    found_on: date
    norm: Norm
    window_cycles: int | None
    window_from_caller: bool
    cycles: tuple[date, ...]
    excluded: tuple[BillingError, ...]
    lines: tuple[SettlementLine, ...]
    principal: Decimal
    amount_due: Decimal
    installments: int | None
    refund_by: date | None
    update_index: MonetaryIndex | None
    late_interest: bool
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _errors(errors: object) -> tuple[BillingError, ...]:
    if isinstance(errors, str | bytes | Mapping) or not isinstance(errors, Iterable):
        raise invalid("errors", "not_a_billing_error", path="errors", value=quoted(errors))
    found = tuple(errors)
    seen: set[date] = set()
    for i, error in enumerate(found):
        if not isinstance(error, BillingError):
            raise invalid(
                f"errors.{i}", "not_a_billing_error", path=f"errors.{i}", value=quoted(error)
            )
        if error.month in seen:
            raise invalid(f"errors.{i}", "duplicate_cycle", cycle=error.month.isoformat()[:7])
        seen.add(error.month)
    return found


def _window(
    direction: Direction, cause: Cause, day: date, override: int | None
) -> tuple[int | None, Basis]:
    """Number of cycles of the window (``None`` = unlimited) and its basis."""
    if cause is Cause.METER_DEFECT:
        # REN 1.000/2021, art. 256, parágrafo único, I (charge 3 cycles) and II (refund 60)
        if direction is Direction.UNDER:
            return (override or METER_DEFECT_CHARGE_CYCLES), ren1000(
                256, paragraph="único", item="I"
            )
        return (override or METER_DEFECT_REFUND_CYCLES), ren1000(256, paragraph="único", item="II")
    if direction is Direction.UNDER:
        if cause is Cause.EMERGENCY:
            # REN 1.000/2021, art. 321, III: without the limit of the last 3 cycles
            return override, ren1000(321, item="III")
        if cause in (Cause.DISTRIBUTOR, Cause.THIRD_PARTY, Cause.ACCESS_IMPEDIMENT):
            # art. 323, I (distributor; third party is not a consumer cause, art. 324 caput);
            # art. 324, § 2º (impediment): the last 3 cycles before the current one
            period = UNDERBILLING_WINDOW.period_on(day)
            basis = (
                ren1000(324, paragraph=2) if cause is Cause.ACCESS_IMPEDIMENT else period.basis[0]
            )
            return (override or UNDERBILLING_WINDOW.value_on(day)), basis
        # REN 1.000/2021, art. 324, § 2º; REN 414/2010, art. 114: 36 cycles
        period = CONSUMER_FAULT_WINDOW.period_on(day)
        return (override or CONSUMER_FAULT_WINDOW.value_on(day)), period.basis[0]
    if cause in (Cause.CONSUMER, Cause.ACCESS_IMPEDIMENT):
        period = CONSUMER_FAULT_WINDOW.period_on(day)
        return (override or CONSUMER_FAULT_WINDOW.value_on(day)), period.basis[0]
    # REN 1.000/2021, art. 323, II (60 cycles, suspended); REN 414/2010, art. 113, II (36)
    period = OVERBILLING_WINDOW.period_on(day)
    if override is not None:
        return override, period.basis[0]
    try:
        return OVERBILLING_WINDOW.value_on(day), period.basis[0]
    except NotInForceError:
        raise gap(
            "window_suspended", basis=period.basis[0], since=_SUSPENDED_SINCE.isoformat()
        ) from None


def _multiplier(
    error: BillingError, cause: Cause, norm: Norm, justifiable_error: bool
) -> tuple[int, tuple[Basis, ...]]:
    """Over-billing by the distributor (or third party / emergency): 1 or 2, with basis."""
    if cause is Cause.EMERGENCY:
        # REN 1.000/2021, art. 321, III: without the double refund (REN 414/2010, art. 111 had
        # none either; art. 668, § 1º only sets aside art. 323, §§ 2º–3º)
        return 1, (ren1000(321, item="III"),)
    if error.cycle < DOUBLE_REFUND_CUTOFF:
        # REN 1.000/2021, art. 668, § 1º + IV: REN 414/2010, art. 113, § 2º still applies —
        # double, "salvo hipótese de engano justificável"
        rule: tuple[Basis, ...] = (ren414(113, paragraph=2, amended_by=Norm.REN_479_2012),)
        if norm is Norm.REN_1000_2021:
            rule = (ren1000(668, paragraph=1), *rule)
        return (1 if justifiable_error else 2), rule
    if cause is Cause.THIRD_PARTY:
        # REN 1.000/2021, art. 323, § 3º, II: simple refund
        return 1, (ren1000(323, paragraph=3, item="II"),)
    # REN 1.000/2021, art. 323, § 2º, I: double, regardless of intent or fault
    return 2, (ren1000(323, paragraph=2, item="I"),)


_DISTRIBUTOR_SIDE: Final = (Cause.DISTRIBUTOR, Cause.THIRD_PARTY, Cause.EMERGENCY)


def _check_settlement_args(
    direction: object,
    cause: object,
    found_on: object,
    window_cycles: object,
    justifiable_error: object,
) -> date:
    check_enum(direction, Direction, "direction")
    check_enum(cause, Cause, "cause")
    day = plain_date(found_on, path="found_on")
    if window_cycles is not None:
        positive_int(window_cycles, "window_cycles")
    to_bool(justifiable_error, path="justifiable_error")
    return day


def _terms(
    direction: Direction, cause: Cause, norm: Norm, current: int, *, included: int, erroneous: int
) -> tuple[int | None, date | None, tuple[Basis, ...]]:
    """Instalments (under-billing) or refund deadline (over-billing), with their basis."""
    if cause is Cause.METER_DEFECT:
        if direction is Direction.UNDER:
            # REN 1.000/2021, art. 257, § 3º: twice the "período apurado" (art. 256, caput)
            return 2 * erroneous, None, (ren1000(257, paragraph=3),)
        # REN 1.000/2021, art. 325, § 7º: refunded after the complaint periods, no fixed cycle
        return None, None, (ren1000(325, paragraph=7),)
    if direction is Direction.UNDER:
        if cause not in _DISTRIBUTOR_SIDE:
            return None, None, ()
        if norm is Norm.REN_414_2010:
            # REN 414/2010, art. 113, § 1º: twice the "período apurado"
            return 2 * included, None, (ren414(113, paragraph=1),)
        # REN 1.000/2021, art. 323, § 1º: twice the period in which the error occurred
        return 2 * erroneous, None, (ren1000(323, paragraph=1),)
    if cause in (Cause.DISTRIBUTOR, Cause.THIRD_PARTY):
        # REN 1.000/2021, art. 323, II; REN 414/2010, art. 113, II: by the 2nd cycle after
        return None, month_start(current + 2), ()
    # art. 324, I and REN 414 art. 114, I: the cycle after; art. 321, III: the next cycle
    return None, month_start(current + 1), ()


def _update_terms(norm: Norm, *, doubled: bool) -> tuple[MonetaryIndex | None, tuple[Basis, ...]]:
    """Monetary-update index and, for distributor-side over-billing, the interest rule."""
    if norm is Norm.REN_1000_2021:
        # REN 1.000/2021, art. 326, II (and arts. 323, § 2º, II; 324, § 1º): IPCA
        refs: tuple[Basis, ...] = (ren1000(326, item="II"),)
        if doubled:
            # REN 1.000/2021, art. 323, § 2º, III: 1 % a month pro rata die
            refs = (*refs, ren1000(323, paragraph=2, item="III"))
        return MonetaryIndex.IPCA, refs
    if doubled:
        # REN 414/2010, art. 113, § 2º (wording by REN 479/2012): IGP-M, 1 % a month pro rata die
        return MonetaryIndex.IGPM, (ren414(113, paragraph=2, amended_by=Norm.REN_479_2012),)
    # REN 414/2010, art. 114: the update index is not in the project's sources
    return None, ()


def settle_incorrect_billing(
    errors: Iterable[BillingError],
    *,
    direction: Direction,
    cause: Cause,
    found_on: date,
    window_cycles: int | None = None,
    justifiable_error: bool = False,
    false_declaration: bool = False,
) -> Settlement:
    """Settle an incorrect billing: which cycles, how much, by when (faturamento incorreto).

    The regime is the one in force on ``found_on`` (the constatação). Let M be its cycle.

    - Under-billing by the distributor (art. 323, I; REN 414 art. 113, I): only the last 3 cycles
      before M; instalments = twice the period of the error (art. 323, § 1º: we count every
      erroneous cycle before M, the literal "período em que ocorreu o erro"; REN 414 art. 113,
      § 1º said "período apurado", so the included cycles).
    - Over-billing by the distributor (art. 323, II): refund by the 2nd cycle after M of what was
      received in the last ``window_cycles`` cycles up to M, **in double** (§ 2º, I), IPCA plus
      1 % a month pro rata die (§ 2º, II–III). REN 1.000 sets 60 cycles, but that term is
      suspended by Despacho ANEEL 2.006/2024 (court decision) and the text gives no substitute:
      from 8 Jul 2024 the library raises ``RegulatoryGapError`` unless ``window_cycles`` is given
      (e.g. 60 for the suspended text, 36 as REN 414 art. 113, II had). Before the suspension,
      60; under REN 414, 36.
    - Third party (art. 323, § 3º, II): as the distributor's case, but a simple refund.
    - Consumer's fault (art. 324; REN 414 art. 114): simple collection or refund (refund in the
      cycle after M), IPCA, up to 36 cycles; access impediment: under-billing only for the last 3
      cycles before M (§ 2º).
    - Emergency, calamity or force majeure (art. 321, III): art. 323 without the 3-cycle limit
      and without doubling; settled in the cycle after M (M = the end of the situation).
    - Defective meter (``Cause.METER_DEFECT``, arts. 255–257, 325): compensation charged for
      at most 3 cycles, refunded for at most 60 (art. 256, parágrafo único; not touched by the
      suspension of art. 323, II), simple, IPCA (art. 326, II), no late interest; the charge in
      twice the período apurado in instalments (art. 257, § 3º); the refund after the
      complaint periods of art. 325, § 7º (``refund_by`` is ``None``). Not for a defect caused
      by an irregular procedure (art. 255, § 2º). See :func:`meter_defect_criterion`.
    - Over-billings issued before 31 Mar 2022 keep the REN 414 rule (art. 668, § 1º): double
      unless ``justifiable_error`` ("engano justificável", REN 414 art. 113, § 2º). Our reading
      of "emitidos antes do prazo" of art. 668, IV ("até 31 de março de 2022"): issued on
      31 Mar 2022 falls under REN 1.000; give an earlier ``cycle`` to apply the other reading.

    Our reading of "cycles up to M": under-billing windows end at M − 1 ("imediatamente
    anteriores ao ciclo vigente"); over-billing windows include M, because an invoice of M may
    have been paid before the constatação. Errors outside the window or after M are reported in
    ``.excluded``, never included.

    Args:
        errors: The wrongly billed cycles (at most one per reference month).
        direction: Under- or over-billing.
        cause: To whom it is attributable.
        found_on: Date of the constatação (art. 323, § 10).
        window_cycles: Overrides the window (required for distributor over-billing while the
            60-cycle term is suspended).
        justifiable_error: REN 414 rule only: the distributor's error was justifiable.
        false_declaration: Consumer's over-billing only: the distributor established a false
            declaration of the activity or of the real use of the energy — nothing is refunded
            (art. 324, § 3º; lines get multiplier 0).

    Raises:
        InvalidInputError: bad input, two errors in the same month, ``window_cycles`` < 1.
        RegulatoryGapError: over-billing window suspended and no ``window_cycles``.
        UnsupportedCaseError: REN 414 cases the project could not verify (third party, access
            impediment, emergency, meter defect; the distributor's case before 3 Apr 2012, when
            REN 479/2012 gave art. 113 the wording encoded here).

    Legal basis:
        - REN 1.000/2021, arts. 256, parágrafo único; 257, § 3º; 321, III; 323, I–II and
          §§ 1º–3º, 10; 324; 325, § 7º; 326, II; 668, § 1º.
        - REN 414/2010, arts. 113 (wording by REN 479/2012) and 114.
        - Despacho ANEEL 2.006/2024 (suspension of the 60-cycle term).

    Examples:
        >>> errors = [BillingError(date(2025, m, 10), Decimal("50.00")) for m in range(1, 7)]
        >>> s = settle_incorrect_billing(errors, direction=Direction.UNDER,
        ...                              cause=Cause.DISTRIBUTOR, found_on=date(2025, 6, 20))
        >>> [c.month for c in s.cycles], s.principal, s.installments
        ([3, 4, 5], Decimal('150.00'), 10)
        >>> errors = [BillingError(date(2024, m, 10), Decimal("50.00")) for m in range(1, 7)]
        >>> over = settle_incorrect_billing(errors, direction=Direction.OVER,
        ...                                 cause=Cause.DISTRIBUTOR, found_on=date(2024, 7, 7))
        >>> over.principal, over.amount_due, over.refund_by, over.update_index.value
        (Decimal('300.00'), Decimal('600.00'), datetime.date(2024, 9, 1), 'IPCA')
    """
    found = _errors(errors)
    day = _check_settlement_args(direction, cause, found_on, window_cycles, justifiable_error)
    norm = norm_in_force(day)
    if to_bool(false_declaration, path="false_declaration") and not (
        direction is Direction.OVER and cause is Cause.CONSUMER
    ):
        raise invalid(
            "false_declaration", "false_declaration_case", basis=ren1000(324, paragraph=3)
        )
    if false_declaration and norm is Norm.REN_414_2010:
        raise unsupported("subject_false_declaration", day.isoformat())
    if norm is Norm.REN_414_2010 and cause not in (Cause.DISTRIBUTOR, Cause.CONSUMER):
        raise unsupported("subject_settlement", day.isoformat())
    # REN 414/2010, art. 113 is known only in its wording by REN 479 of 3 Apr 2012
    if norm is Norm.REN_414_2010 and cause is Cause.DISTRIBUTOR and day < REN479_WORDING_SINCE:
        raise unsupported("subject_art113_original", day.isoformat())
    window, window_basis = _window(direction, cause, day, window_cycles)
    current = month_index(day)
    last = current - 1 if direction is Direction.UNDER else current
    first = None if window is None else last - window + 1
    included = sorted(
        (
            e
            for e in found
            if month_index(e.cycle) <= last and (first is None or month_index(e.cycle) >= first)
        ),
        key=lambda e: e.cycle,
    )
    excluded = tuple(e for e in found if e not in included)
    doubled = direction is Direction.OVER and cause in _DISTRIBUTOR_SIDE
    lines = []
    for error in included:
        multiplier, rule = (
            _multiplier(error, cause, norm, justifiable_error) if doubled else (1, (window_basis,))
        )
        if false_declaration:
            # REN 1.000/2021, art. 324, § 3º: no refund after a false declaration
            multiplier, rule = 0, (ren1000(324, paragraph=3),)
        lines.append(
            SettlementLine(
                cycle=error.month,
                amount=error.amount,
                multiplier=multiplier,
                due=CTX.multiply(error.amount, multiplier),
                basis=rule,
            )
        )
    principal = Decimal(0)
    amount_due = Decimal(0)
    for line in lines:
        principal = CTX.add(principal, line.amount)
        amount_due = CTX.add(amount_due, line.due)
    erroneous = sum(1 for e in found if month_index(e.cycle) <= last)
    installments, refund_by, terms = _terms(
        direction, cause, norm, current, included=len(lines), erroneous=erroneous
    )
    index, update_refs = _update_terms(norm, doubled=doubled)
    basis: list[Basis] = [window_basis]
    if false_declaration:
        refund_by, terms = None, (ren1000(324, paragraph=3),)
    for ref in (*terms, *(r for line in lines for r in line.basis), *update_refs):
        if ref not in basis:
            basis.append(ref)
    return Settlement(
        direction=direction,
        cause=cause,
        found_on=day,
        norm=norm,
        window_cycles=window,
        window_from_caller=window_cycles is not None,
        cycles=tuple(line.cycle for line in lines),
        excluded=excluded,
        lines=tuple(lines),
        principal=principal,
        amount_due=amount_due,
        installments=installments,
        refund_by=refund_by,
        update_index=index,
        late_interest=doubled,
        basis=tuple(basis),
    )


class MeterDefectCriterion(enum.Enum):
    """Criterion of art. 255 for compensating a defective meter (critério de compensação)."""

    CORRECTION_FACTOR = "fator de correção do erro de medição"
    AVERAGE = "média aritmética dos 12 últimos ciclos de medição normal"
    NEXT_BILLING = "faturamento imediatamente posterior à regularização"


_CRITERION_ITEM: Final = {
    MeterDefectCriterion.CORRECTION_FACTOR: "I",
    MeterDefectCriterion.AVERAGE: "II",
    MeterDefectCriterion.NEXT_BILLING: "III",
}


def meter_defect_criterion(
    *, on: date, correction_factor_available: bool, normal_history_cycles: int
) -> Determination[MeterDefectCriterion]:
    """The first usable criterion of art. 255, in its order (critério de compensação).

    I. The correction factor measured in a laboratory; else II. the mean of the last 12 cycles
    of normal metering, prorated to 30 days (with fewer cycles, those available, art. 288,
    § 1º); else III. the billing right after the metering is fixed (with the availability
    charge of art. 291). Compensate with :func:`settle_incorrect_billing` and
    ``Cause.METER_DEFECT``.

    Args:
        on: Date the defect is established (selects the regime).
        correction_factor_available: Whether a laboratory evaluation gave a correction factor.
        normal_history_cycles: Cycles of normal metering before the defect.

    Raises:
        UnsupportedCaseError: ``on`` under REN 414/2010 (its article could not be verified).

    Legal basis:
        - REN 1.000/2021, art. 255, caput, I–III (with art. 288, § 1º).

    Examples:
        >>> meter_defect_criterion(on=date(2026, 3, 2), correction_factor_available=False,
        ...                        normal_history_cycles=7).value.value
        'média aritmética dos 12 últimos ciclos de medição normal'
    """
    day = plain_date(on, path="on")
    factor = to_bool(correction_factor_available, path="correction_factor_available")
    if (
        isinstance(normal_history_cycles, bool)
        or not isinstance(normal_history_cycles, int)
        or normal_history_cycles < 0
    ):
        raise invalid(
            "normal_history_cycles",
            "negative",
            path="normal_history_cycles",
            value=quoted(normal_history_cycles),
        )
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_meter_defect", day.isoformat())
    # REN 1.000/2021, art. 255, caput: each criterion only when the previous one is impossible
    if factor:
        criterion = MeterDefectCriterion.CORRECTION_FACTOR
    elif normal_history_cycles > 0:
        criterion = MeterDefectCriterion.AVERAGE
    else:
        criterion = MeterDefectCriterion.NEXT_BILLING
    basis: tuple[Basis, ...] = (ren1000(255, item=_CRITERION_ITEM[criterion]),)
    if criterion is MeterDefectCriterion.AVERAGE and normal_history_cycles < 12:
        # REN 1.000/2021, art. 255, II → art. 288, § 1º: the cycles available
        basis = (*basis, ren1000(288, paragraph=1))
    return Determination(criterion, basis)
