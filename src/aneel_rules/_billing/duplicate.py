"""Duplicate payment (pagamento em duplicidade, REN 1.000/2021, art. 342).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import invalid, positive_amount, unsupported
from aneel_rules._billing.money import check_index, ipca_update, month_index, month_start
from aneel_rules._billing.readings import EXCEPTIONAL_READING_INTERVAL
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date
from aneel_rules.legal import Basis, Norm, norm_in_force, ren414, ren1000

__all__ = ("DuplicatePaymentRefund", "duplicate_payment_refund")

_MAX_READING_DATES: Final = 1000


@attrs.frozen(kw_only=True)
class DuplicatePaymentRefund:
    """Refund of an invoice paid twice (devolução de pagamento em duplicidade).

    Attributes:
        principal: Amount paid twice.
        amount: Amount to credit (updated by the IPCA when more than one cycle passed).
        updated: Whether the IPCA update applied.
        days_elapsed: Days from the constatação to the refund.
        cycle_days: Length of the unit's billing cycle of the constatação (from
            ``reading_dates``), or ``None`` when the answer did not need it (fewer days than
            the shortest cycle the norm allows, or more than the longest).
        credit_cycle: First day of the reference month of the invoice to credit (the next one).
        norm: Regime in force on the constatação.
        basis: Provisions applied.
    """

    principal: Decimal
    amount: Decimal
    updated: bool
    days_elapsed: int
    cycle_days: int | None
    credit_cycle: date
    norm: Norm
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _reading_dates(value: object, found_on: date) -> int:
    """Days of the unit's billing cycle in which ``found_on`` falls (``[reading, next)``)."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise invalid(
            "reading_dates",
            "not_an_enum",
            path="reading_dates",
            expected="sequence of dates",
            value=masked(value),
        )
    days: list[date] = []
    for i, raw in enumerate(value):
        if i >= _MAX_READING_DATES:
            raise invalid(
                "reading_dates",
                "too_many_cycles",
                path="reading_dates",
                value=f"> {_MAX_READING_DATES}",
                maximum=str(_MAX_READING_DATES),
            )
        days.append(plain_date(raw, path=f"reading_dates.{i}"))
    before = [d for d in days if d <= found_on]
    after = [d for d in days if d > found_on]
    if not before or not after:
        raise invalid("reading_dates", "readings_around", on=found_on.isoformat())
    return (min(after) - max(before)).days


def duplicate_payment_refund(
    amount: Decimal,
    *,
    paid_on: date,
    found_on: date,
    refunded_on: date,
    index: Mapping[date, Decimal] | None = None,
    reading_dates: Iterable[date] | None = None,
) -> DuplicatePaymentRefund:
    """Credit owed for a duplicate payment (pagamento em duplicidade): simple, never doubled.

    Credited on the invoice after the constatação (or, at the consumer's choice, bank credit,
    cheque or payment order). Updated by the IPCA from the payment to the refund only if
    "transcorrido mais de um ciclo de faturamento da constatação" (§ 4º). Our reading: more
    days passed from ``found_on`` to ``refunded_on`` than the unit's billing cycle in which the
    constatação falls (between the reading on or before it and the next one) has. Billing
    cycles, not calendar months, are counted, so the unit's ``reading_dates`` decide. Without
    them the answer is given only where it is certain: at most 15 days (the shortest cycle the
    norm allows, art. 260, § 1º; art. 261, parágrafo único) is never more than a cycle, more
    than 47 days (the longest) always is; in between the reading dates are required.

    Args:
        amount: Amount paid twice.
        paid_on: Date of the (second) payment.
        found_on: Date of the constatação.
        refunded_on: Date of the refund.
        index: Monthly IPCA variations (see :func:`ipca_factor`), needed when updated.
        reading_dates: The unit's reading dates (calendário de leitura), at least one on or
            before ``found_on`` and one after it (at most 1,000).

    Raises:
        InvalidInputError: ``index`` missing when the update applies; ``reading_dates``
            missing when the answer depends on them, or not around ``found_on``; dates out
            of order. Checked before any other refusal.
        UnsupportedCaseError: REN 414/2010 constatação with more than one cycle elapsed (no
            update rule of art. 112 was found; queries in ``docs/sources.md``).

    Legal basis:
        - REN 1.000/2021, art. 342, caput and § 4º; art. 260, § 1º and art. 261, parágrafo
          único (the 15–47 day bounds of a cycle).
        - REN 414/2010, art. 112 (credit on the next invoice); art. 84 (15–47). Art. 112 is
          known only by paraphrase (SINGLE): the 2013 study note ("na fatura seguinte à
          constatação") and the MS state agency AGEMS (https://www.agems.ms.gov.br/empresa-de-
          energia-tem-que-avisar-o-consumidor-sobre-a-existencia-de-debitos/: "devolução do
          valor pago indevidamente até o próximo vencimento") agree, and REN 1.000/2021,
          art. 342 keeps the same credit (without update within one cycle): only that
          case is answered.

    Examples:
        >>> ipca = {date(2024, 1, 1): Decimal("0.42"), date(2024, 2, 1): Decimal("0.83")}  # IBGE
        >>> r = duplicate_payment_refund(Decimal("200.00"), paid_on=date(2024, 1, 10),
        ...                              found_on=date(2024, 1, 20), refunded_on=date(2024, 3, 18),
        ...                              index=ipca)
        >>> r.updated, r.amount, r.days_elapsed, r.cycle_days
        (True, Decimal('202.5069720000'), 58, None)
        >>> r = duplicate_payment_refund(Decimal("200.00"), paid_on=date(2024, 1, 10),
        ...                              found_on=date(2024, 1, 20), refunded_on=date(2024, 2, 19),
        ...                              reading_dates=[date(2024, 1, 5), date(2024, 2, 5)])
        >>> r.updated, r.amount, r.cycle_days
        (False, Decimal('200.00'), 31)
    """
    principal = positive_amount(amount)
    paid = plain_date(paid_on, path="paid_on")
    found = plain_date(found_on, path="found_on")
    refunded = plain_date(refunded_on, path="refunded_on")
    if found < paid:
        raise invalid("found_on", "end_before_start", end=found.isoformat(), start=paid.isoformat())
    if refunded < found:
        raise invalid(
            "refunded_on", "end_before_start", end=refunded.isoformat(), start=found.isoformat()
        )
    if index is not None:
        check_index(index)
    cycle_days = None if reading_dates is None else _reading_dates(reading_dates, found)
    norm = norm_in_force(found)
    elapsed = (refunded - found).days
    credit_cycle = month_start(month_index(found) + 1)
    # Art. 260, § 1º; art. 261, parágrafo único (REN 414/2010, art. 84): no reading interval
    # is shorter than 15 or longer than 47 days, so outside that range the unit's reading
    # dates cannot change the answer.
    shortest, longest = EXCEPTIONAL_READING_INTERVAL.value_on(found)
    bounds: tuple[Basis, ...] = ()
    if cycle_days is not None:
        more_than_a_cycle = elapsed > cycle_days
    elif elapsed <= shortest or elapsed > longest:
        more_than_a_cycle = elapsed > longest
        bounds = EXCEPTIONAL_READING_INTERVAL.period_on(found).basis
        if norm is Norm.REN_1000_2021:
            bounds = (*bounds, ren1000(261, paragraph="único"))
    else:
        raise invalid(
            "reading_dates",
            "reading_dates_required",
            basis=ren1000(342, paragraph=4) if norm is Norm.REN_1000_2021 else ren414(112),
            days=str(elapsed),
            shortest=str(shortest),
            longest=str(longest),
        )
    if norm is Norm.REN_414_2010:
        if more_than_a_cycle:
            raise unsupported("subject_duplicate", found.isoformat(), ren414(112))
        # REN 414/2010, art. 112: credit on the next invoice
        return DuplicatePaymentRefund(
            principal=principal,
            amount=principal,
            updated=False,
            days_elapsed=elapsed,
            cycle_days=cycle_days,
            credit_cycle=credit_cycle,
            norm=norm,
            basis=(ren414(112), *bounds),
        )
    value = principal
    basis: tuple[Basis, ...] = (ren1000(342),)
    # REN 1.000/2021, art. 342, § 4º: IPCA only if more than one cycle passed
    if more_than_a_cycle:
        if index is None:
            raise invalid(
                "index", "index_required", basis=ren1000(342, paragraph=4), on=found.isoformat()
            )
        value = ipca_update(principal, paid, refunded, index=index)
        basis = (*basis, ren1000(342, paragraph=4))
    return DuplicatePaymentRefund(
        principal=principal,
        amount=value,
        updated=more_than_a_cycle,
        days_elapsed=elapsed,
        cycle_days=cycle_days,
        credit_cycle=credit_cycle,
        norm=norm,
        basis=(*basis, *bounds),
    )
