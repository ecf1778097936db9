"""Refund statements and late-payment charges (devolução do faturamento a maior; multa e juros).

Both compose the money helpers of :mod:`aneel_rules.billing_cycle` (``ipca_update``,
``late_interest``, ``round_for_invoice``) into the statement a consumer or an auditor reads:
what is owed, month by month, with the article behind each step, rounded once at the end.

Sources:
    - REN 1.000/2021, texto compilado (ANEEL, up to REN 1.147/2025): arts. 323, § 2º–§ 4º;
      324, § 1º; 343; 656, § 2º; 657; 658.

Examples:
    >>> from aneel_rules.billing_cycle import BillingError, Cause, Direction
    >>> from aneel_rules.billing_cycle import settle_incorrect_billing
    >>> s = settle_incorrect_billing([BillingError(date(2024, 3, 10), Decimal("100.00"))],
    ...                              direction=Direction.OVER, cause=Cause.DISTRIBUTOR,
    ...                              found_on=date(2024, 5, 20))
    >>> r = refund_statement(s, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24))
    >>> r.lines[0].due, r.lines[0].ipca_factor, r.lines[0].interest_days, r.amount
    (Decimal('200.00'), Decimal('1.010030947968'), 91, Decimal('208.13'))
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.money import (
    CTX,
    INVOICE_ROUNDING,
    DayCount,
    InvoiceRounding,
    MonetaryIndex,
    ipca_factor,
    late_interest,
    month_index,
    round_for_invoice,
)
from aneel_rules._billing.settlement import Settlement
from aneel_rules._billing.settlement_rules import Direction
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date
from aneel_rules._invoice.audit_messages import invalid, non_negative, not_modelled
from aneel_rules._invoice.fields import (
    COUNT,
    DAY,
    FLAG,
    MONEY,
    NUMBER,
    OPTIONAL_FLAG,
    checked,
    instance,
    tuple_of,
)
from aneel_rules._invoice.ipca import IpcaSeries, as_index, ipca_series
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.errors import UnsupportedCaseError
from aneel_rules.legal import REN1000_IN_FORCE_FROM, Basis, Norm, ren414, ren1000

__all__ = (
    "MAX_LATE_FINE_RATE",
    "LateExclusion",
    "LatePayment",
    "RefundLine",
    "RefundStatement",
    "late_payment",
    "refund_statement",
)

MAX_LATE_FINE_RATE: Final = Decimal("0.02")
"""Late-payment fine: "até 2%" (REN 1.000/2021, art. 343, § 1º)."""

_MONTHLY_INTEREST: Final = Decimal("0.01")
_ZERO: Final = Decimal(0)


@attrs.frozen(kw_only=True, field_transformer=checked)
class RefundLine:
    """One refunded cycle: doubled (or not), updated by the index, plus interest.

    Attributes:
        cycle: First day of the reference month billed too much.
        paid_on: Day the consumer paid that invoice (the update and the interest start there).
        amount: Amount billed too much.
        multiplier: 2 (double), 1 (simple) or 0 (nothing to refund), from the settlement.
        due: ``amount × multiplier`` (art. 323, § 2º, I).
        index_factor: Monetary-update factor from ``paid_on`` to the refund.
        updated: ``due × index_factor`` (art. 323, § 2º, II).
        interest_days: Days of interest (day after the payment to the refund day, inclusive).
        interest: 1 % a month pro rata die on ``updated`` (art. 323, § 2º, III), or 0.
        total: ``updated + interest``, exact.
        basis: Provisions applied to this line.
    """

    cycle: date = attrs.field(metadata=DAY)
    paid_on: date = attrs.field(metadata=DAY)
    amount: Decimal = attrs.field(metadata=MONEY)
    multiplier: int = attrs.field(metadata=COUNT)
    due: Decimal = attrs.field(metadata=MONEY)
    index_factor: Decimal = attrs.field(metadata=NUMBER)
    updated: Decimal = attrs.field(metadata=MONEY)
    interest_days: int = attrs.field(metadata=COUNT)
    interest: Decimal = attrs.field(metadata=MONEY)
    total: Decimal = attrs.field(metadata=MONEY)
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)

    @property
    def ipca_factor(self) -> Decimal:
        """Alias of :attr:`index_factor` (the IPCA under REN 1.000/2021)."""
        return self.index_factor


@attrs.frozen(kw_only=True, field_transformer=checked)
class RefundStatement:
    """What the distributor must refund, cycle by cycle (demonstrativo da devolução).

    Attributes:
        settlement: The settlement composed.
        refunded_on: Day of the refund.
        index: Monetary-update index applied.
        day_count: Day-count convention of the interest.
        lines: One line per refunded cycle, oldest first.
        principal: Sum of the amounts billed too much.
        due: Sum of ``due`` (after doubling).
        updated: Sum of the updated values.
        interest: Sum of the interest.
        total: ``updated + interest``, exact (never rounded).
        rounding: How :attr:`amount` was cut to cents (by the regime of ``refunded_on``).
        amount: :attr:`total` rounded once, to two decimals — the only rounding.
        within_deadline: Whether the refund falls in or before the settlement's last cycle
            (``refund_by``); ``None`` when the settlement sets none.
        basis: Provisions applied.
    """

    settlement: Settlement = attrs.field(metadata=instance(Settlement))
    refunded_on: date = attrs.field(metadata=DAY)
    index: MonetaryIndex = attrs.field(metadata=instance(MonetaryIndex))
    day_count: DayCount = attrs.field(metadata=instance(DayCount))
    lines: tuple[RefundLine, ...] = attrs.field(metadata=tuple_of(RefundLine))
    principal: Decimal = attrs.field(metadata=MONEY)
    due: Decimal = attrs.field(metadata=MONEY)
    updated: Decimal = attrs.field(metadata=MONEY)
    interest: Decimal = attrs.field(metadata=MONEY)
    total: Decimal = attrs.field(metadata=MONEY)
    rounding: InvoiceRounding = attrs.field(metadata=instance(InvoiceRounding))
    amount: Decimal = attrs.field(metadata=MONEY)
    within_deadline: bool | None = attrs.field(metadata=OPTIONAL_FLAG)
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _payments(paid_on: object, settlement: Settlement, refunded: date) -> dict[date, date]:
    if isinstance(paid_on, date):
        given = {line.cycle: paid_on for line in settlement.lines}
    elif isinstance(paid_on, Mapping):
        given = {}
        for key, value in paid_on.items():
            cycle = plain_date(key, path="paid_on").replace(day=1)
            given[cycle] = plain_date(value, path=f"paid_on.{cycle.isoformat()[:7]}")
    else:
        raise invalid("paid_on", "not_a_payment_map", value=masked(paid_on))
    payments: dict[date, date] = {}
    for line in settlement.lines:
        label = line.cycle.isoformat()[:7]
        paid = given.get(line.cycle)
        if paid is None:
            raise invalid("paid_on", "payment_missing", cycle=label)
        paid = plain_date(paid, path=f"paid_on.{label}")
        if month_index(paid) < month_index(line.cycle):
            raise invalid("paid_on", "paid_before_cycle", cycle=label, paid=paid.isoformat())
        if paid > refunded:
            raise invalid(
                "paid_on",
                "paid_after_refund",
                cycle=label,
                paid=paid.isoformat(),
                refunded=refunded.isoformat(),
            )
        payments[line.cycle] = paid
    return payments


def _index(settlement: Settlement, ipca: object, igpm: object) -> Mapping[date, Decimal]:
    if settlement.update_index is MonetaryIndex.IPCA:
        return as_index(ipca_series() if ipca is None else ipca, "ipca")
    if settlement.update_index is MonetaryIndex.IGPM:
        if igpm is None:
            raise invalid("igpm", "index_needed", index="IGP-M", path="igpm")
        return as_index(igpm, "igpm")
    raise not_modelled("no_update_index", norm=settlement.norm.value)


def _check_day_count(day_count: object) -> DayCount:
    if not isinstance(day_count, DayCount):
        raise invalid(
            "day_count",
            "not_an_enum",
            path="day_count",
            expected="DayCount",
            value=masked(day_count),
        )
    return day_count


def _add_unique(target: list[Basis], refs: tuple[Basis, ...]) -> None:
    for ref in refs:
        if ref not in target:
            target.append(ref)


def refund_statement(
    settlement: Settlement,
    *,
    paid_on: date | Mapping[date, date],
    refunded_on: date,
    ipca: IpcaSeries | Mapping[date, Decimal] | None = None,
    igpm: Mapping[date, Decimal] | None = None,
    day_count: DayCount = DayCount.DAYS_OVER_30,
) -> RefundStatement:
    """Compose the refund of an over-billing (demonstrativo da devolução, art. 323, § 2º).

    For each cycle of ``settlement`` (which already decided double or simple, the index and
    whether interest is due):

    1. ``due = amount × multiplier`` — in double (art. 323, § 2º, I and § 4º: every part of the
       bill, taxes included), simple where § 3º or art. 324 apply, 0 after a false declaration;
    2. ``updated = due × IPCA factor`` from the day that invoice was paid to ``refunded_on``
       (§ 2º, II; the month convention is :func:`~aneel_rules.billing_cycle.ipca_factor`'s: the
       months from the payment's up to the one before the refund);
    3. ``interest = updated × 1 % × days / 30`` (§ 2º, III: "sobre o valor atualizado"; simple,
       art. 658; days from the day after the payment to the refund day, art. 656, § 2º); only
       where the settlement says interest is due (the distributor's side).

    Nothing is rounded on the way (art. 657, caput). The sum of the exact line totals is rounded
    once, to cents, into :attr:`RefundStatement.amount` — ABNT rounding from 3 Jan 2022 (art.
    657, parágrafo único), truncation before (REN 414/2010, art. 213), by ``refunded_on``. Line
    values printed to cents need not add up to it; the amount is the sum of the exact values.

    Args:
        settlement: An over-billing from
            :func:`~aneel_rules.billing_cycle.settle_incorrect_billing`.
        paid_on: Payment date of each settled cycle (keyed by any day of the cycle's month), or
            one date for all.
        refunded_on: Day of the refund.
        ipca: Monthly IPCA variations (an :class:`~aneel_rules.invoice.IpcaSeries` or a mapping);
            default the series shipped with the library.
        igpm: Monthly IGP-M variations, needed only when the settlement updates by the IGP-M
            (REN 414/2010 cases); the library ships none.
        day_count: Interest day-count convention (see ``late_interest``).

    Raises:
        InvalidInputError: not an over-billing; a cycle without payment date, paid before its
            month or after the refund; a month missing from the index.
        UnsupportedCaseError: the settlement has no verified update index.

    Legal basis:
        - REN 1.000/2021, art. 323, § 2º, I–III, §§ 3º–4º; art. 324, § 1º; arts. 656, § 2º,
          657 and 658.

    Examples:
        >>> from aneel_rules.billing_cycle import BillingError, Cause, Direction
        >>> from aneel_rules.billing_cycle import settle_incorrect_billing
        >>> s = settle_incorrect_billing([BillingError(date(2024, 3, 10), Decimal("80.00"))],
        ...                              direction=Direction.OVER, cause=Cause.CONSUMER,
        ...                              found_on=date(2024, 5, 20))
        >>> r = refund_statement(s, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24))
        >>> r.lines[0].multiplier, r.lines[0].interest, r.amount
        (1, Decimal('0'), Decimal('80.80'))
    """
    if not isinstance(settlement, Settlement):
        raise invalid("settlement", "not_a_settlement", value=masked(settlement))
    if settlement.direction is not Direction.OVER:
        raise invalid("settlement", "not_a_refund")
    refunded = plain_date(refunded_on, path="refunded_on")
    convention = _check_day_count(day_count)
    index = _index(settlement, ipca, igpm)
    payments = _payments(paid_on, settlement, refunded)
    statement_basis: list[Basis] = list(settlement.basis)
    lines = []
    for line in settlement.lines:
        paid = payments[line.cycle]
        factor = ipca_factor(paid, refunded, index=index)
        updated = CTX.multiply(line.due, factor)
        refs: list[Basis] = list(line.basis)
        if settlement.norm is Norm.REN_1000_2021:
            # art. 323, § 2º, II (distributor) / art. 324, § 1º (consumer) / art. 326, II: IPCA
            refs.append(ren1000(323, paragraph=2, item="II"))
        interest = _ZERO
        if settlement.late_interest:
            # art. 323, § 2º, III: 1 % a month pro rata die on the updated value (art. 658)
            interest = late_interest(
                updated, paid, refunded, monthly_rate=_MONTHLY_INTEREST, day_count=convention
            )
            if settlement.norm is Norm.REN_1000_2021:
                refs.append(ren1000(323, paragraph=2, item="III"))
        lines.append(
            RefundLine(
                cycle=line.cycle,
                paid_on=paid,
                amount=line.amount,
                multiplier=line.multiplier,
                due=line.due,
                index_factor=factor,
                updated=updated,
                interest_days=(refunded - paid).days if settlement.late_interest else 0,
                interest=interest,
                total=CTX.add(updated, interest),
                basis=tuple(refs),
            )
        )
        _add_unique(statement_basis, tuple(refs))
    totals = [sum((getattr(x, f) for x in lines), _ZERO) for f in ("due", "updated", "interest")]
    total = CTX.add(totals[1], totals[2])
    rounding = INVOICE_ROUNDING.period_on(refunded)
    _add_unique(statement_basis, rounding.basis)
    return RefundStatement(
        settlement=settlement,
        refunded_on=refunded,
        index=settlement.update_index or MonetaryIndex.IPCA,
        day_count=convention,
        lines=tuple(lines),
        principal=settlement.principal,
        due=totals[0],
        updated=totals[1],
        interest=totals[2],
        total=total,
        rounding=INVOICE_ROUNDING.value_on(refunded),
        amount=round_for_invoice(total, on=refunded),
        within_deadline=(
            None
            if settlement.refund_by is None
            else month_index(refunded) <= month_index(settlement.refund_by)
        ),
        basis=tuple(statement_basis),
    )


class LateExclusion(enum.Enum):
    """Parcels of an invoice kept out of the late fine and interest (art. 343, § 2º)."""

    PUBLIC_LIGHTING_AND_WASTE = (
        "contribuição de iluminação pública e taxa de limpeza urbana e manejo de resíduos"
    )
    ACCESSORY_AND_DONATIONS = "atividades acessórias ou atípicas, contribuições ou doações"
    PREVIOUS_CHARGES = "multas e juros de períodos anteriores"


_EXCLUSION_ITEM: Final = {
    LateExclusion.PUBLIC_LIGHTING_AND_WASTE: "I",
    LateExclusion.ACCESSORY_AND_DONATIONS: "II",
    LateExclusion.PREVIOUS_CHARGES: "III",
}


@attrs.frozen(kw_only=True, field_transformer=checked)
class LatePayment:
    """Charges for paying an invoice late (acréscimos moratórios, art. 343).

    Attributes:
        amount: Invoice amount.
        due: Due date printed on the invoice.
        paid: Payment date.
        late: Whether there is a delay at all (§ 3º may excuse it).
        days_late: Days from the due date to the payment (0 when not late).
        base: ``amount`` less the parcels excluded by § 2º: what the fine and interest fall on.
        fine: ``base × fine_rate`` (§§ 1º–2º).
        index_factor: IPCA factor from the due date to the payment.
        monetary_update: Increase from the IPCA update of ``amount`` less the lighting/waste
            parcel (those follow their own law, § 2º, I).
        interest: 1 % a month pro rata die on ``base`` (caput).
        charges: ``fine + monetary_update + interest``, exact.
        charges_rounded: :attr:`charges` rounded once to cents (art. 657).
        basis: Provisions applied.
    """

    amount: Decimal = attrs.field(metadata=MONEY)
    due: date = attrs.field(metadata=DAY)
    paid: date = attrs.field(metadata=DAY)
    late: bool = attrs.field(metadata=FLAG)
    days_late: int = attrs.field(metadata=COUNT)
    base: Decimal = attrs.field(metadata=MONEY)
    fine: Decimal = attrs.field(metadata=MONEY)
    index_factor: Decimal = attrs.field(metadata=NUMBER)
    monetary_update: Decimal = attrs.field(metadata=MONEY)
    interest: Decimal = attrs.field(metadata=MONEY)
    charges: Decimal = attrs.field(metadata=MONEY)
    charges_rounded: Decimal = attrs.field(metadata=MONEY)
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _exclusions(excluded: object) -> dict[LateExclusion, Decimal]:
    if excluded is None:
        return {}
    if not isinstance(excluded, Mapping):
        raise invalid(
            "excluded",
            "not_an_enum",
            path="excluded",
            expected="LateExclusion",
            value=masked(excluded),
        )
    found: dict[LateExclusion, Decimal] = {}
    for key, value in excluded.items():
        if not isinstance(key, LateExclusion):
            raise invalid(
                "excluded",
                "not_an_enum",
                path="excluded",
                expected="LateExclusion",
                value=masked(key),
            )
        found[key] = non_negative(value, f"excluded.{key.name}")
    return found


def _on_time(
    value: Decimal, due_on: date, paid_day: date, base: Decimal, basis: tuple[Basis, ...]
) -> LatePayment:
    """The statement of an invoice paid in time: no fine, update or interest."""
    return LatePayment(
        amount=value,
        due=due_on,
        paid=paid_day,
        late=False,
        days_late=0,
        base=base,
        fine=_ZERO,
        index_factor=Decimal(1),
        monetary_update=_ZERO,
        interest=_ZERO,
        charges=_ZERO,
        charges_rounded=round_for_invoice(_ZERO, on=paid_day),
        basis=basis,
    )


def late_payment(
    amount: Decimal,
    *,
    due: date,
    paid: date,
    fine_rate: Decimal,
    ipca: IpcaSeries | Mapping[date, Decimal] | None = None,
    excluded: Mapping[LateExclusion, Decimal] | None = None,
    calendar: BusinessCalendar | None = None,
    day_count: DayCount = DayCount.DAYS_OVER_30,
) -> LatePayment:
    """Fine, IPCA update and interest for an invoice paid late (multa e juros, art. 343).

    - Fine: ``fine_rate`` (the distributor's, at most 2 %, § 1º) on the invoice less the parcels
      of § 2º (public-lighting contribution and waste fee; accessory activities, contributions
      and donations; fines and interest of earlier periods).
    - IPCA update (caput) from the due date to the payment, on the invoice less the lighting and
      waste parcels, which "se sujeitam às … atualizações … estabelecidos na legislação
      específica" (§ 2º, I). Our reading: § 2º excludes parcels II and III from fine and interest
      only, so they are still updated.
    - Interest: 1 % a month pro rata die on the same base as the fine (caput). Our reading: on
      the value of the invoice, not on the updated value — unlike art. 323, § 2º, III, art. 343
      does not say "sobre o valor atualizado".
    - § 3º: an invoice due on a Saturday, Sunday or holiday and paid on the next business day is
      not late (``calendar``; national holidays by default — add the state's and the
      municipality's as the distributor counts them).

    Nothing is rounded on the way; :attr:`LatePayment.charges_rounded` rounds once (art. 657).

    Raises:
        InvalidInputError: negative amounts; excluded parcels above the amount; ``fine_rate``
            negative or above 2 %; a month missing from ``ipca``.
        UnsupportedCaseError: an invoice due before 3 Jan 2022 and paid late, code
            ``unverified_ren414``, ``basis`` REN 414/2010, art. 126 (only its caput in the
            wording of REN 932/2021 is quoted); paid by its due date it is answered (no charge
            under any wording).

    Legal basis:
        - REN 1.000/2021, art. 343, caput, §§ 1º–3º (§ 2º, I in the wording of REN 1.115/2025);
          arts. 656, § 2º, 657, 658.

    Examples:
        >>> from aneel_rules.invoice import LateExclusion
        >>> lp = late_payment(Decimal("250.00"), due=date(2024, 3, 11), paid=date(2024, 4, 10),
        ...                   fine_rate=Decimal("0.02"),
        ...                   excluded={LateExclusion.PUBLIC_LIGHTING_AND_WASTE: Decimal("20.00")})
        >>> lp.days_late, lp.fine, lp.interest, lp.monetary_update, lp.charges_rounded
        (30, Decimal('4.6000'), Decimal('2.3000'), Decimal('0.368000'), Decimal('7.27'))
    """
    value = non_negative(amount, "amount")
    due_on = plain_date(due, path="due")
    paid_day = plain_date(paid, path="paid")
    rate = non_negative(fine_rate, "fine_rate")
    regime414 = due_on < REN1000_IN_FORCE_FROM
    # art. 343, § 1º: up to 2 % (REN 414/2010's limit is not quoted: not checked on its dates)
    if rate > MAX_LATE_FINE_RATE and not regime414:
        raise invalid(
            "fine_rate", "fine_above_limit", basis=ren1000(343, paragraph=1), value=str(rate)
        )
    parts = _exclusions(excluded)
    excluded_total = sum(parts.values(), _ZERO)
    if excluded_total > value:
        raise invalid(
            "excluded", "excluded_above_amount", excluded=str(excluded_total), amount=str(value)
        )
    convention = _check_day_count(day_count)
    cal = BusinessCalendar() if calendar is None else calendar
    if not isinstance(cal, BusinessCalendar):
        raise invalid("calendar", "not_a_calendar", value=masked(calendar))
    base = CTX.subtract(value, excluded_total)
    if regime414:
        # REN 414/2010, art. 126: charges only "na hipótese de atraso no pagamento" — an invoice
        # paid by its due date owes none under any wording; a late one is not modelled
        if paid_day > due_on:
            raise UnsupportedCaseError(
                "late payment of an invoice due on {due} under REN 414/2010 (art. 126) is not "
                "modelled: only the caput in the wording of REN 932/2021 is quoted (IPCA, 1 % a "
                "month pro rata die); the limit of the fine, the earlier IGP-M wording, the "
                "exclusions and the start of the IPCA rule were not found",
                code="unverified_ren414",
                domain="invoice_audit",
                basis=ren414(126),
                params={"due": due_on.isoformat()},
            )
        return _on_time(value, due_on, paid_day, base, (ren414(126),))
    basis: list[Basis] = [ren1000(343)]
    late = paid_day > due_on
    # art. 343, § 3º: due on a non-business day and paid on the next business day → not late
    if late and not cal.is_business_day(due_on) and paid_day <= cal.roll_forward(due_on):
        late = False
        basis.append(ren1000(343, paragraph=3))
    if not late:
        return _on_time(value, due_on, paid_day, base, tuple(basis))
    index = as_index(ipca_series() if ipca is None else ipca, "ipca")
    # art. 343, §§ 1º–2º: fine of up to 2 % on the invoice less the excluded parcels
    fine = CTX.multiply(base, rate)
    basis.extend((ren1000(343, paragraph=1), ren1000(343, paragraph=2)))
    basis.extend(
        ren1000(343, paragraph=2, item=_EXCLUSION_ITEM[k]) for k in LateExclusion if k in parts
    )
    lighting = parts.get(LateExclusion.PUBLIC_LIGHTING_AND_WASTE, _ZERO)
    updatable = CTX.subtract(value, lighting)
    factor = ipca_factor(due_on, paid_day, index=index)
    update = CTX.subtract(CTX.multiply(updatable, factor), updatable)
    interest = late_interest(
        base, due_on, paid_day, monthly_rate=_MONTHLY_INTEREST, day_count=convention
    )
    charges = CTX.add(CTX.add(fine, update), interest)
    basis.extend((ren1000(656, paragraph=2), ren1000(658), ren1000(657, paragraph="único")))
    return LatePayment(
        amount=value,
        due=due_on,
        paid=paid_day,
        late=True,
        days_late=(paid_day - due_on).days,
        base=base,
        fine=fine,
        index_factor=factor,
        monetary_update=update,
        interest=interest,
        charges=charges,
        charges_rounded=round_for_invoice(charges, on=paid_day),
        basis=tuple(basis),
    )
