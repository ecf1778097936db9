"""Duplicate payment (pagamento em duplicidade, REN 1.000/2021, art. 342).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import attrs

from aneel_rules._billing.messages import invalid, positive_amount, unsupported
from aneel_rules._billing.money import ipca_update, month_index, month_start
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import plain_date
from aneel_rules.legal import Basis, Norm, norm_in_force, ren414, ren1000

__all__ = ("DuplicatePaymentRefund", "duplicate_payment_refund")


@attrs.frozen(kw_only=True)
class DuplicatePaymentRefund:
    """Refund of an invoice paid twice (devolução de pagamento em duplicidade).

    Attributes:
        principal: Amount paid twice.
        amount: Amount to credit (updated by the IPCA when more than one cycle passed).
        updated: Whether the IPCA update applied.
        cycles_elapsed: Reference months from the constatação to the refund.
        credit_cycle: First day of the reference month of the invoice to credit (the next one).
        norm: Regime in force on the constatação.
        basis: Provisions applied.
    """

    principal: Decimal
    amount: Decimal
    updated: bool
    cycles_elapsed: int
    credit_cycle: date
    norm: Norm
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def duplicate_payment_refund(
    amount: Decimal,
    *,
    paid_on: date,
    found_on: date,
    refunded_on: date,
    index: Mapping[date, Decimal] | None = None,
) -> DuplicatePaymentRefund:
    """Credit owed for a duplicate payment (pagamento em duplicidade): simple, never doubled.

    Credited on the invoice after the constatação (or, at the consumer's choice, bank credit,
    cheque or payment order). Updated by the IPCA from the payment to the refund only if more
    than one billing cycle passed since the constatação; we count cycles as reference months
    between ``found_on`` and ``refunded_on`` (the unit's reading calendar is not known here).

    Raises:
        InvalidInputError: ``index`` missing when the update applies; dates out of order.
        UnsupportedCaseError: REN 414/2010 constatação with more than one cycle elapsed (its
            update rule is not in the project's sources).

    Legal basis:
        - REN 1.000/2021, art. 342, caput and § 4º.
        - REN 414/2010, art. 112 (study note: credit on the next invoice).

    Examples:
        >>> ipca = {date(2024, 1, 1): Decimal("0.42"), date(2024, 2, 1): Decimal("0.83")}  # IBGE
        >>> r = duplicate_payment_refund(Decimal("200.00"), paid_on=date(2024, 1, 10),
        ...                              found_on=date(2024, 1, 20), refunded_on=date(2024, 3, 5),
        ...                              index=ipca)
        >>> r.updated, r.amount, r.credit_cycle
        (True, Decimal('202.5069720000'), datetime.date(2024, 2, 1))
        >>> duplicate_payment_refund(Decimal("200.00"), paid_on=date(2024, 1, 10),
        ...                          found_on=date(2024, 1, 20),
        ...                          refunded_on=date(2024, 2, 5)).amount
        Decimal('200.00')
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
    norm = norm_in_force(found)
    elapsed = month_index(refunded) - month_index(found)
    credit_cycle = month_start(month_index(found) + 1)
    if norm is Norm.REN_414_2010:
        if elapsed > 1:
            raise unsupported("subject_duplicate", found.isoformat())
        # REN 414/2010, art. 112: credit on the next invoice
        return DuplicatePaymentRefund(
            principal=principal,
            amount=principal,
            updated=False,
            cycles_elapsed=elapsed,
            credit_cycle=credit_cycle,
            norm=norm,
            basis=(ren414(112),),
        )
    basis: tuple[Basis, ...] = (ren1000(342),)
    # REN 1.000/2021, art. 342, § 4º: IPCA only if more than one cycle passed
    if elapsed > 1:
        if index is None:
            raise invalid(
                "index", "index_required", basis=ren1000(342, paragraph=4), on=found.isoformat()
            )
        value = ipca_update(principal, paid, refunded, index=index)
        return DuplicatePaymentRefund(
            principal=principal,
            amount=value,
            updated=True,
            cycles_elapsed=elapsed,
            credit_cycle=credit_cycle,
            norm=norm,
            basis=(*basis, ren1000(342, paragraph=4)),
        )
    return DuplicatePaymentRefund(
        principal=principal,
        amount=principal,
        updated=False,
        cycles_elapsed=elapsed,
        credit_cycle=credit_cycle,
        norm=norm,
        basis=basis,
    )
