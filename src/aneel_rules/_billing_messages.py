"""Message templates of the billing-cycle rules (catalog domain ``billing_cycle``).

Every template the module emits is listed here, so that a test can check that each one has a
Portuguese translation in ``locale/pt_BR/LC_MESSAGES/billing_cycle.po``.
"""

from __future__ import annotations

from typing import Final

from aneel_rules.errors import InvalidInputError, RegulatoryGapError, UnsupportedCaseError
from aneel_rules.legal import Basis

__all__ = ("DOMAIN", "TEMPLATES", "gap", "invalid", "unsupported")

DOMAIN: Final = "billing_cycle"

TEMPLATES: Final[dict[str, str]] = {
    "not_after_previous": "current reading {current} must be after previous reading {previous}",
    "kind_not_for_group": "reading kind {kind} does not apply to group {group}",
    "not_an_enum": "{path} must be a {expected}, got {value}",
    "negative": "{path} must not be negative, got {value}",
    "not_positive": "{path} must be positive, got {value}",
    "not_an_int": "{path} must be a positive integer, got {value}",
    "not_a_bool": "{path} must be True or False, got {value}",
    "empty_history": "history is empty: there is no billed cycle to average",
    "measured_required": "measured_kwh is required for a three-phase low-income unit on {on}",
    "duplicate_cycle": "cycle {cycle} appears more than once",
    "not_a_billing_error": "{path} must be a BillingError, got {value}",
    "end_before_start": "end {end} is before start {start}",
    "not_first_of_month": "index key {value} must be the first day of a month",
    "missing_month": "index has no IPCA variation for {month}",
    "variation_too_low": "index variation {value} for {month} is not above -100 %",
    "index_required": "an IPCA index series is required: more than one cycle passed since {on}",
    "not_a_mapping": "index must be a mapping of month to monthly variation, got {value}",
    "too_many_cycles": "{path} is {value} cycles; at most {maximum} are allowed",
    # RegulatoryGapError / UnsupportedCaseError (plain messages, translated by the CLI)
    "window_suspended": (
        "the 60-cycle over-billing refund window of REN 1.000/2021, art. 323, II is suspended "
        "since {since} (Despacho ANEEL 2.006/2024, court decision); pass window_cycles "
        "explicitly (e.g. 60 for the suspended text, 36 as under REN 414/2010)"
    ),
    "unverified_ren414": (
        "{what} under REN 414/2010 (date {on}) is not modelled: the REN 414 provision could not "
        "be verified in the project's sources"
    ),
    "group_a_exception_outside": (
        "group A reading interval of {days} days is outside the 15–47 days allowed for {kind}; "
        "REN 1.000/2021, arts. 261 and 286 do not say how to bill it"
    ),
    "subject_route_change": "the reading interval after a route change",
    "subject_group_a": "the group A reading interval",
    "subject_billable": "billing outside the reading interval",
    "subject_availability": "the availability charge",
    "subject_average": "this case of billing by average",
    "subject_settlement": "this case of incorrect billing",
    "subject_duplicate": "the monetary update of a duplicate payment",
    "subject_low_value": "the accumulation of low-value invoices",
    "supply_not_maintained": (
        "REN 1.000/2021, art. 321, I allows billing by the average only while regular supply "
        "is maintained"
    ),
}
"""Code → English template (the gettext msgid)."""


def invalid(
    field: str, code: str, /, *, basis: Basis | None = None, **params: object
) -> InvalidInputError:
    """The library's input error for one field, with this module's catalog domain."""
    return InvalidInputError.single(
        field, code, TEMPLATES[code], domain=DOMAIN, basis=basis, **params
    )


def gap(code: str, *, basis: Basis | None = None, **params: str) -> RegulatoryGapError:
    """A :class:`RegulatoryGapError` whose message comes from :data:`TEMPLATES`.

    The error keeps ``code`` and ``params`` (attributes ``template_code`` and ``params``) so
    the command line can print it in Portuguese.
    """
    error = RegulatoryGapError(TEMPLATES[code].format(**params), basis=basis)
    error.template_code = code  # type: ignore[attr-defined]
    error.params = params  # type: ignore[attr-defined]
    return error


def unsupported(subject: str, on: str) -> UnsupportedCaseError:
    """An :class:`UnsupportedCaseError` for a REN 414/2010 rule the project could not verify.

    ``subject`` is a ``subject_*`` code of :data:`TEMPLATES`; the CLI translates it too.
    """
    error = UnsupportedCaseError(
        TEMPLATES["unverified_ren414"].format(what=TEMPLATES[subject], on=on)
    )
    error.template_code = "unverified_ren414"  # type: ignore[attr-defined]
    error.params = {"what": subject, "on": on}  # type: ignore[attr-defined]
    return error
