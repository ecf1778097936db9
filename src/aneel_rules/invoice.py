"""Invoice rules (fatura): compute every line of a bill with its legal basis.

A :class:`Bill` is a tuple of :class:`BillLine` (energy TE/TUSD per post, demand,
ultrapassagem, reactive excess, bandeira, availability charge, tariff benefits, taxes and
caller-given municipal lines), each with a stable ``code`` (:data:`LINE_CODES`) and a
non-empty ``basis``; ``Bill.total`` is exact and ``Bill.invoice_total`` is rounded once, by
the rule of the regime in force (REN 414/2010, art. 213: truncation; REN 1.000/2021, art. 657:
ABNT rounding). See ``docs/rules/invoice.md``.

The rules live in private modules under ``aneel_rules._invoice``; import every public name from
here.

Sources:
    - REN 1.000/2021, texto compilado (amendments to REN 1.147/2025):
      https://www2.aneel.gov.br/cedoc/bren20211000.pdf — arts. 2º, 173, 179, 290–316, 327, 657.
    - REN 414/2010, arts. 93, 95–96 (REN 418/2010 wording) and 213 (see ``docs/sources.md``).

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from aneel_rules.legal import ren1000
    >>> line = BillLine(code="energy_te", post=None, quantity=Decimal("200"), unit="kWh",
    ...                 rate=Decimal("0.31021"), amount=Decimal("62.042"),
    ...                 basis=(ren1000(293),))
    >>> Bill(start=date(2026, 6, 1), end=date(2026, 7, 1), lines=(line,)).invoice_total
    Decimal('62.04')
"""

from __future__ import annotations

from aneel_rules._invoice.audit import FINDING_CODES, Finding, InvoiceAudit, audit_invoice
from aneel_rules._invoice.bill import (
    LINE_CODES,
    TAX_CODES,
    Bill,
    BillLine,
    invoice_rounding_on,
    round_amount,
)
from aneel_rules._invoice.bill_json import invoice_json_schema, parse_bill
from aneel_rules._invoice.compute import compute_bill
from aneel_rules._invoice.contents import (
    ContentsCheck,
    RequiredItem,
    check_invoice_contents,
)
from aneel_rules._invoice.demand import (
    MIN_CONTRACTED_DEMAND_KW,
    OVERRUN_MULTIPLIER,
    OVERRUN_TOLERANCES,
    RURAL_HISTORY_CYCLES,
    RURAL_HISTORY_SHARE,
    TrialKind,
    TrialPeriod,
    losses_factor,
)
from aneel_rules._invoice.flags import (
    MAX_FLAG_ROWS,
    FlagMonth,
    TariffFlag,
    flag_shares,
    flags_from_aneel_csv,
)
from aneel_rules._invoice.ipca import MAX_SERIES_CHARS, IpcaSeries, ipca_series, read_ipca_series
from aneel_rules._invoice.measurements import Measurements
from aneel_rules._invoice.options import BillOptions
from aneel_rules._invoice.parse import (
    MAX_INVOICE_LINES,
    FlagPeriod,
    Invoice,
    InvoiceGroup,
    InvoiceItem,
    InvoiceLine,
    InvoiceSituation,
    LineCode,
    parse_invoice,
)
from aneel_rules._invoice.profile import (
    INTEGRATION_MINUTES,
    MAX_PROFILE_INTERVALS,
    interval_demand_kw,
    measurements_from_profile,
)
from aneel_rules._invoice.rates import (
    TariffRates,
    proportional_tariff,
    prorate_rates,
)
from aneel_rules._invoice.rates_csv import ANEEL_TARIFF_COLUMNS, MAX_CSV_ROWS, rates_from_aneel_csv
from aneel_rules._invoice.reactive import (
    CAPACITIVE_WINDOW_EARLIEST,
    CAPACITIVE_WINDOW_HOURS,
    CAPACITIVE_WINDOW_LATEST,
    REFERENCE_POWER_FACTOR,
    CapacitiveWindow,
    corrected_demand_kw,
    excess_kwh,
    power_factor,
)
from aneel_rules._invoice.refunds import (
    MAX_LATE_FINE_RATE,
    LateExclusion,
    LatePayment,
    RefundLine,
    RefundStatement,
    late_payment,
    refund_statement,
)
from aneel_rules._invoice.social import (
    SOCIAL_DISCOUNT_LIMIT,
    SOCIAL_TARIFF_TIERS,
    SOCIAL_TARIFF_TIERS_INDIGENOUS,
    tier_slices,
)
from aneel_rules._invoice.taxes import GrossUp, TaxAmounts, TaxRates, gross_up, tax_amounts

__all__ = (
    # the computed bill
    "LINE_CODES",
    "TAX_CODES",
    "Bill",
    "BillLine",
    "invoice_rounding_on",
    "round_amount",
    # measurements and the load profile (art. 2º, XIII; art. 304)
    "INTEGRATION_MINUTES",
    "MAX_PROFILE_INTERVALS",
    "Measurements",
    "interval_demand_kw",
    "measurements_from_profile",
    # power factor and reactive excess (arts. 302–304)
    "CAPACITIVE_WINDOW_EARLIEST",
    "CAPACITIVE_WINDOW_HOURS",
    "CAPACITIVE_WINDOW_LATEST",
    "REFERENCE_POWER_FACTOR",
    "CapacitiveWindow",
    "corrected_demand_kw",
    "excess_kwh",
    "power_factor",
    # tariffs as data (art. 173)
    "ANEEL_TARIFF_COLUMNS",
    "MAX_CSV_ROWS",
    "TariffRates",
    "prorate_rates",
    "proportional_tariff",
    "rates_from_aneel_csv",
    # computing the bill
    "BillOptions",
    "compute_bill",
    # group A demand (arts. 148, 294, 300, 301, 305, 311–316)
    "MIN_CONTRACTED_DEMAND_KW",
    "OVERRUN_MULTIPLIER",
    "OVERRUN_TOLERANCES",
    "RURAL_HISTORY_CYCLES",
    "RURAL_HISTORY_SHARE",
    "TrialKind",
    "TrialPeriod",
    "losses_factor",
    # tariff flags (arts. 307–309)
    "MAX_FLAG_ROWS",
    "FlagMonth",
    "TariffFlag",
    "flag_shares",
    "flags_from_aneel_csv",
    # tarifa social and desconto social (art. 179)
    "SOCIAL_DISCOUNT_LIMIT",
    "SOCIAL_TARIFF_TIERS",
    "SOCIAL_TARIFF_TIERS_INDIGENOUS",
    "tier_slices",
    # taxes
    "GrossUp",
    "TaxAmounts",
    "TaxRates",
    "gross_up",
    "tax_amounts",
    # invoice audit (auditoria da fatura)
    "FINDING_CODES",
    "Finding",
    "InvoiceAudit",
    "audit_invoice",
    # the printed invoice (parse_invoice) and its mandatory contents (art. 327; REN 414 art. 119)
    "MAX_INVOICE_LINES",
    "ContentsCheck",
    "FlagPeriod",
    "Invoice",
    "InvoiceGroup",
    "InvoiceItem",
    "InvoiceLine",
    "InvoiceSituation",
    "LineCode",
    "RequiredItem",
    "check_invoice_contents",
    "invoice_json_schema",
    "parse_bill",
    "parse_invoice",
    # refunds and late payment (arts. 323, 343)
    "MAX_LATE_FINE_RATE",
    "LateExclusion",
    "LatePayment",
    "RefundLine",
    "RefundStatement",
    "late_payment",
    "refund_statement",
    # IPCA series (IBGE)
    "MAX_SERIES_CHARS",
    "IpcaSeries",
    "ipca_series",
    "read_ipca_series",
)
