"""Billing-cycle rules (ciclo de faturamento): reading intervals, billable consumption, averages.

Each function takes the dates it needs and answers under the regime in force then — REN 414/2010
until 2 Jan 2022, REN 1.000/2021 from 3 Jan 2022 — naming the provisions that produced the
answer in ``.basis``. Money and energy are :class:`~decimal.Decimal`; nothing is rounded before
:func:`round_for_invoice`. Where a REN 414/2010 provision could not be verified in the project's
sources the library raises :class:`~aneel_rules.errors.UnsupportedCaseError` rather than guess;
where the norm itself gives no answer it raises :class:`~aneel_rules.errors.RegulatoryGapError`.

The rules live in small private modules re-exported here (the public import path is this
module): reading intervals in ``_billing_readings``, the availability charge in
``_billing_availability``, billing by average in ``_billing_average``, incorrect billing and
defective meters in ``_billing_settlement``, duplicate payments in ``_billing_duplicate``, the
recalculation after a period without reading in ``_billing_regularization``, monetary update,
interest and rounding in ``_billing_money``.

Sources:
    - REN 1.000/2021, texto compilado (ANEEL, up to REN 1.147/2025):
      https://www2.aneel.gov.br/cedoc/bren20211000.pdf — arts. 255–261, 271–291, 318, 320–326,
      342–343, 347, 504, 656–658, 668.
    - REN 414/2010 as quoted by the 2013 study note (arts. 52, 84, 86, 87, 90, 111–114) and the
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
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing_availability import (
    SCEE_CADUNICO_AVAILABILITY_SHARE,
    THREE_PHASE_LOW_INCOME_AVAILABILITY,
    AvailabilityCharge,
    AvailabilityExemption,
    SupplyType,
    availability_charge,
    availability_charge_kwh,
)
from aneel_rules._billing_average import (
    MULTI_MONTH_MAX_CYCLES,
    AverageBilling,
    AverageBillingCase,
    MultiMonthBilling,
    MultiMonthSource,
    average_consumption,
    bill_by_average,
    bill_multi_month_reading,
)
from aneel_rules._billing_duplicate import DuplicatePaymentRefund, duplicate_payment_refund
from aneel_rules._billing_messages import invalid, positive_int, unsupported
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
from aneel_rules._billing_readings import (
    EXCEPTIONAL_READING_INTERVAL,
    GROUP_B_READING_INTERVAL,
    BillableConsumption,
    ReadingIntervalCheck,
    ReadingKind,
    billable_consumption,
    check_reading_interval,
)
from aneel_rules._billing_regularization import (
    REGULARIZATION_CHARGE_MAX_DAYS,
    ReadingRegularization,
    regularize_reading,
)
from aneel_rules._billing_settlement import (
    CONSUMER_FAULT_WINDOW,
    DOUBLE_REFUND_CUTOFF,
    METER_DEFECT_CHARGE_CYCLES,
    METER_DEFECT_REFUND_CYCLES,
    OVERBILLING_WINDOW,
    REN479_WORDING_SINCE,
    UNDERBILLING_WINDOW,
    BillingError,
    Cause,
    Direction,
    MeterDefectCriterion,
    Settlement,
    SettlementLine,
    meter_defect_criterion,
    settle_incorrect_billing,
)
from aneel_rules._convert import quoted, to_decimal
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
    "SCEE_CADUNICO_AVAILABILITY_SHARE",
    "THREE_PHASE_LOW_INCOME_AVAILABILITY",
    "AvailabilityCharge",
    "AvailabilityExemption",
    "SupplyType",
    "availability_charge",
    "availability_charge_kwh",
    # billing by average
    "MULTI_MONTH_MAX_CYCLES",
    "AverageBilling",
    "AverageBillingCase",
    "MultiMonthBilling",
    "MultiMonthSource",
    "average_consumption",
    "bill_by_average",
    "bill_multi_month_reading",
    # incorrect billing and duplicate payment
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
    "DuplicatePaymentRefund",
    "MeterDefectCriterion",
    "Settlement",
    "SettlementLine",
    "duplicate_payment_refund",
    "meter_defect_criterion",
    "settle_incorrect_billing",
    # regularisation of the reading (art. 323, § 11)
    "REGULARIZATION_CHARGE_MAX_DAYS",
    "ReadingRegularization",
    "regularize_reading",
    # overdue invoices (art. 347)
    "OVERDUE_COLLECTION_MONTHS",
    "OverdueCollection",
    "overdue_collection",
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
            "expected_per_cycle", "negative", path="expected_per_cycle", value=quoted(amount)
        )
    day = check_date(on, "on")
    period = TEMPORARY_ADVANCE_MAX_CYCLES.period_on(day)
    maximum = TEMPORARY_ADVANCE_MAX_CYCLES.value_on(day)
    count = maximum if cycles is None else positive_int(cycles, "cycles")
    if count > maximum:
        raise invalid(
            "cycles",
            "too_many_cycles",
            basis=period.basis,
            path="cycles",
            value=quoted(count),
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
    count = positive_int(consecutive_cycles, "consecutive_cycles")
    day = check_date(on, "on")
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_low_value", day.isoformat())
    # REN 1.000/2021, art. 318, § 3º: at most 3 consecutive cycles
    return Determination(count <= LOW_VALUE_MAX_CYCLES, (ren1000(318, paragraph=3),))


OVERDUE_COLLECTION_MONTHS: Final = 60
"""Overdue invoices may be collected for up to 60 months (art. 347)."""


@attrs.frozen(kw_only=True)
class OverdueCollection:
    """Whether an overdue invoice may still be collected (prazo de cobrança de fatura em atraso).

    Attributes:
        due_on: Due date of the invoice.
        on: Date of the collection.
        last_day: Last day on which it may be collected (due date + 60 months).
        allowed: ``on <= last_day``.
        basis: Provisions applied.
    """

    due_on: date
    on: date
    last_day: date
    allowed: bool
    basis: tuple[Basis, ...]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def overdue_collection(due_on: date, *, on: date) -> OverdueCollection:
    """Whether the distributor may still collect an overdue invoice (cobrança de fatura em atraso).

    The term is "até 60 meses". The norm does not say from when: we count from the due date
    (the invoice is overdue from the next day), excluding it and including the last day
    (art. 656, § 2º), so the last day is the same day of the month 60 months later (the last
    day of the month when that day does not exist). The regime is the one in force on ``on``.

    Raises:
        InvalidInputError: ``on`` not after ``due_on`` (the invoice is not overdue).
        UnsupportedCaseError: ``on`` under REN 414/2010 (its rule could not be verified).

    Legal basis:
        - REN 1.000/2021, art. 347 (and art. 656, § 2º for the counting).

    Examples:
        >>> from datetime import date
        >>> c = overdue_collection(date(2022, 3, 10), on=date(2027, 3, 10))
        >>> c.allowed, c.last_day
        (True, datetime.date(2027, 3, 10))
        >>> overdue_collection(date(2022, 3, 10), on=date(2027, 3, 11)).allowed
        False
    """
    due = check_date(due_on, "due_on")
    day = check_date(on, "on")
    if day <= due:
        raise invalid("on", "not_overdue", due=due.isoformat(), on=day.isoformat())
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_overdue", day.isoformat())
    # REN 1.000/2021, art. 347: up to 60 months
    last_day = _add_months(due, OVERDUE_COLLECTION_MONTHS)
    return OverdueCollection(
        due_on=due,
        on=day,
        last_day=last_day,
        allowed=day <= last_day,
        basis=(ren1000(347), ren1000(656, paragraph=2)),
    )
