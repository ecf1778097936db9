"""Invoices (fatura): compute every line of a bill, audit a distributor's invoice, refunds.

Public facade; the rules live in ``aneel_rules._invoice``. Every result cites its legal basis
(``.basis``); money is :class:`~decimal.Decimal`, rounded once, at presentation (REN 1.000/2021,
art. 657; REN 414/2010, art. 213 before 3 Jan 2022).

Examples:
    >>> from datetime import date
    >>> ipca_series().variations[date(2024, 1, 1)]
    Decimal('0.42')
"""

from __future__ import annotations

from aneel_rules._invoice.ipca import MAX_SERIES_CHARS, IpcaSeries, ipca_series, read_ipca_series
from aneel_rules._invoice.refunds import (
    MAX_LATE_FINE_RATE,
    LateExclusion,
    LatePayment,
    RefundLine,
    RefundStatement,
    late_payment,
    refund_statement,
)

__all__ = (
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
