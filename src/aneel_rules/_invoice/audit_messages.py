"""Messages of the invoice audit, refunds and IPCA reader (catalog domain ``invoice_audit``).

Every template these modules emit is listed here, so that a test can check that each one has a
Portuguese translation in ``locale/pt_BR/LC_MESSAGES/invoice_audit.po``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from aneel_rules._convert import non_negative as _non_negative
from aneel_rules.errors import (
    UnsupportedCaseError,
    invalid_in,
    keyed_field_error_in,
    keyed_invalid_in,
)

__all__ = ("DOMAIN", "TEMPLATES", "error", "invalid", "non_negative", "not_modelled")

DOMAIN: Final = "invoice_audit"
_invalid: Final = invalid_in(DOMAIN)

TEMPLATES: Final[dict[str, str]] = {
    # IPCA series reader
    "unreadable_series": "the IPCA series could not be read: {reason}",
    "series_too_large": "the IPCA series has more than {maximum} characters",
    "bad_series_row": "data row {row} of the IPCA series is not 'YYYY-MM,variation': {value}",
    "duplicate_month": "month {month} appears more than once in the IPCA series",
    "empty_series": "the IPCA series has no month",
    "not_a_month": "{path} must be the first day of a month, got {value}",
    "not_a_series": "{path} must be an IpcaSeries or a mapping of month to variation, got {value}",
    # parse_invoice
    "float_money": ('money must be written as text or Decimal ("12.34"), not as a JSON float'),
    "not_a_schema_kind": "kind must be 'invoice' or 'bill', got {value}",
    "cli_not_an_object": "{key} must be a JSON object",
    "profile_too_large": "the load profile has more than {maximum} rows",
    "unreadable_profile": "the load profile could not be read: {reason}",
    "bad_profile_row": ("data row {row} of the load profile is not 'timestamp,active[,reactive]'"),
    "bad_capacitive_window": (
        "profile.capacitive_window must be the start of the capacitive window as HH:MM (23:30)"
    ),
    "not_an_invoice": "invoice must be an Invoice (see parse_invoice), got {value}",
    "not_a_bill": "expected must be a Bill (see compute_bill), got {value}",
    # audit findings (rendered by Finding.message)
    "finding_period_differs": (
        "the reading period differs from the bill's: {found} days printed, {expected} computed "
        "({basis})"
    ),
    "finding_line_missing": "line {line} is missing: {expected} expected ({basis})",
    "finding_line_not_allowed": "line {line} should not be charged: {found} charged ({basis})",
    "finding_quantity_differs": (
        "line {line}: quantity {found} printed, {expected} computed ({basis})"
    ),
    "finding_rate_differs": "line {line}: rate {found} printed, {expected} computed ({basis})",
    "finding_amount_differs": (
        "line {line}: amount {found} printed, {expected} computed ({basis})"
    ),
    "finding_demand_below_measured": (
        "line {line}: billed demand {found} kW is below the measured demand {expected} kW ({basis})"
    ),
    "finding_flag_days_wrong": (
        "flag days {line}: {found} days printed, {expected} expected ({basis})"
    ),
    "finding_rounding_not_per_norm": (
        "total {found} is not rounded as the norm says: {expected} ({basis})"
    ),
    "finding_total_differs": "total {found} printed, {expected} computed ({basis})",
    # refunds and late payment
    "not_a_settlement": "settlement must be a Settlement, got {value}",
    "not_a_refund": (
        "settlement is an under-billing (collection); a refund statement needs an over-billing"
    ),
    "payment_missing": "no payment date for cycle {cycle}",
    "paid_after_refund": "payment of cycle {cycle} on {paid} is after the refund on {refunded}",
    "paid_before_cycle": "payment of cycle {cycle} on {paid} is before the cycle's month",
    "not_a_payment_map": (
        "paid_on must be a date or a mapping of cycle to payment date, got {value}"
    ),
    "fine_above_limit": "fine_rate {value} is above the 2 % limit of art. 343, § 1º",
    "negative": "{path} must not be negative, got {value}",
    "excluded_above_amount": (
        "the excluded parcels ({excluded}) exceed the invoice amount ({amount})"
    ),
    "not_an_enum": "{path} must be a {expected}, got {value}",
    "index_needed": "the settlement updates by {index}: pass its monthly series as {path}",
    "no_update_index": (
        "the settlement has no verified monetary-update index (regime {norm}); "
        "the statement cannot be composed"
    ),
    "not_a_calendar": "calendar must be a BusinessCalendar, got {value}",
    # the records' constructors (_invoice/fields.py)
    "wrong_type": "{path} must be a {expected}, got {value}",
    "wrong_items": "{path} must be an iterable of {expected}, got {value}",
    "not_a_count": "{path} must be a whole number from 0, got {value}",
}
"""Code → English template (the gettext msgid)."""


error: Final = keyed_field_error_in(DOMAIN, TEMPLATES)
"""One :class:`FieldError` of this domain."""


invalid: Final = keyed_invalid_in(DOMAIN, TEMPLATES)
"""The library's input error for one field, with this module's catalog domain."""


def non_negative(value: object, path: str, /) -> Decimal:
    """An amount not below zero (:func:`aneel_rules._convert.non_negative`, code ``negative``)."""
    return _non_negative(value, path, invalid=_invalid, money=True, template=TEMPLATES["negative"])


def not_modelled(code: str, **params: str) -> UnsupportedCaseError:
    """An :class:`UnsupportedCaseError` whose message comes from :data:`TEMPLATES`."""
    return UnsupportedCaseError(TEMPLATES[code], code=code, domain=DOMAIN, params=params)
