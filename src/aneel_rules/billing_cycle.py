"""Billing-cycle rules (ciclo de faturamento): reading intervals, billable consumption, averages.

Each function takes the dates it needs and answers under the regime in force then — REN 414/2010
until 2 Jan 2022, REN 1.000/2021 from 3 Jan 2022 — naming the provisions that produced the
answer in ``.basis``. Money and energy are :class:`~decimal.Decimal`; nothing is rounded before
:func:`round_for_invoice`. Where a REN 414/2010 provision could not be verified in the project's
sources the library raises :class:`~aneel_rules.errors.UnsupportedCaseError` rather than guess;
where the norm itself gives no answer it raises :class:`~aneel_rules.errors.RegulatoryGapError`.

The rules live in small private modules re-exported here (the public import path is this
module): reading intervals in ``_billing.readings``, the availability charge in
``_billing.availability``, billing by average in ``_billing.average``, incorrect billing in
``_billing.settlement`` (its windows and terms in ``_billing.settlement_rules``), defective
meters in ``_billing.meter_defect``, duplicate payments in ``_billing.duplicate``, the
recalculation after a period without reading in ``_billing.regularization``, monetary update,
interest and rounding in ``_billing.money``.

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

from aneel_rules._billing.availability import (
    SCEE_CADUNICO_AVAILABILITY_SHARE,
    THREE_PHASE_LOW_INCOME_AVAILABILITY,
    AvailabilityCharge,
    AvailabilityExemption,
    SupplyType,
    availability_charge,
    availability_charge_kwh,
    explain_availability_charge,
)
from aneel_rules._billing.average import (
    MULTI_MONTH_MAX_CYCLES,
    AverageBilling,
    AverageBillingCase,
    MultiMonthBilling,
    MultiMonthSource,
    average_consumption,
    bill_by_average,
    bill_multi_month_reading,
)
from aneel_rules._billing.collection import (
    LOW_VALUE_MAX_CYCLES,
    OVERDUE_COLLECTION_MONTHS,
    TEMPORARY_ADVANCE_MAX_CYCLES,
    OverdueCollection,
    low_value_accumulation_allowed,
    overdue_collection,
    temporary_connection_advance,
)
from aneel_rules._billing.duplicate import DuplicatePaymentRefund, duplicate_payment_refund
from aneel_rules._billing.meter_defect import MeterDefectCriterion, meter_defect_criterion
from aneel_rules._billing.money import (
    INVOICE_ROUNDING,
    DayCount,
    InvoiceRounding,
    MonetaryIndex,
    ipca_factor,
    ipca_update,
    late_interest,
    round_for_invoice,
)
from aneel_rules._billing.readings import (
    EXCEPTIONAL_READING_INTERVAL,
    GROUP_B_READING_INTERVAL,
    BillableConsumption,
    ReadingIntervalCheck,
    ReadingKind,
    billable_consumption,
    check_reading_interval,
)
from aneel_rules._billing.regularization import (
    REGULARIZATION_CHARGE_MAX_DAYS,
    ReadingRegularization,
    regularize_reading,
)
from aneel_rules._billing.settlement import Settlement, SettlementLine, settle_incorrect_billing
from aneel_rules._billing.settlement_rules import (
    CONSUMER_FAULT_WINDOW,
    DOUBLE_REFUND_CUTOFF,
    METER_DEFECT_CHARGE_CYCLES,
    METER_DEFECT_REFUND_CYCLES,
    OVERBILLING_WINDOW,
    REN479_WORDING_SINCE,
    SHORTEST_OVERBILLING_WINDOW,
    UNDERBILLING_WINDOW,
    BillingError,
    Cause,
    Direction,
)

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
    "explain_availability_charge",
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
    "SHORTEST_OVERBILLING_WINDOW",
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
