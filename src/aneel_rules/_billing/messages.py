"""Message templates of the billing-cycle rules (catalog domain ``billing_cycle``).

Every template the module emits is listed here, so that a test can check that each one has a
Portuguese translation in ``locale/pt_BR/LC_MESSAGES/billing_cycle.po``.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

from aneel_rules._citations import cite, to_bases
from aneel_rules._convert import Shown, masked, whole_number
from aneel_rules._convert import non_negative as _non_negative
from aneel_rules._convert import positive as _positive
from aneel_rules.errors import (
    RegulatoryGapError,
    UnsupportedCaseError,
    invalid_in,
    keyed_invalid_in,
)
from aneel_rules.legal import Basis

__all__ = (
    "DOMAIN",
    "TEMPLATES",
    "check_enum",
    "gap",
    "invalid",
    "non_negative",
    "not_modelled",
    "positive_amount",
    "positive_int",
    "unsupported",
)

DOMAIN: Final = "billing_cycle"
_invalid: Final = invalid_in(DOMAIN)


TEMPLATES: Final[dict[str, str]] = {
    "not_after_previous": "current reading {current} must be after previous reading {previous}",
    "kind_not_for_group": "reading kind {kind} does not apply to group {group}",
    "not_an_enum": "{path} must be a {expected}, got {value}",
    "negative": "{path} must not be negative, got {value}",
    "not_a_whole_number": "{path} must be a whole number of kWh (int), got {value}",
    "not_positive": "{path} must be positive, got {value}",
    "not_an_int": "{path} must be a positive integer, got {value}",
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
    "readings_around": (
        "reading_dates must hold a reading on or before the constatação on {on} and one after it"
    ),
    "reading_dates_required": (
        "the unit's reading_dates are required: {days} days after the constatação may or may "
        "not be more than one billing cycle (cycles last {shortest} to {longest} days)"
    ),
    # RegulatoryGapError / UnsupportedCaseError (plain messages, translated by the CLI)
    "after_found_on": "billing error of cycle {cycle} is later than the constatação on {found_on}",
    "window_suspended": (
        "the 60-cycle over-billing refund window of REN 1.000/2021, art. 323, II is suspended "
        "since {since} (Despacho ANEEL 2.006/2024, court decision) and the erroneous cycle "
        "{oldest} is older than the {shortest} cycles up to the constatação, so the refund "
        "depends on the window; pass window_cycles explicitly (e.g. 60 for the suspended "
        "text, 36 as under REN 414/2010)"
    ),
    "window_suspended_ren414": (
        "the 36-cycle over-billing refund window of REN 414/2010, art. 113, II is suspended "
        "since {since} (Despacho ANEEL 18/2019, court decision) and the erroneous cycle "
        "{oldest} is older than the {shortest} cycles up to the constatação, so the refund "
        "depends on the window; pass window_cycles explicitly (e.g. 36 for the suspended "
        "text, 120 for the ten years applied under the despacho)"
    ),
    "unverified_ren414": (
        "{what} under REN 414/2010 (date {on}) is not modelled: the text of {provision} it "
        "needs was not found in any source the project read"
    ),
    "unverified_ren414_counterpart": (
        "{what} under REN 414/2010 (date {on}) is not modelled: no REN 414/2010 provision "
        "matching {provision} was found in any source the project read"
    ),
    "group_a_exception_outside": (
        "group A reading interval of {days} days is outside the 15–47 days allowed for {kind}; "
        "REN 1.000/2021, arts. 261 and 286 do not say how to bill it"
    ),
    "subject_invoice_rounding_pre418": (
        "cutting to two decimals an invoice amount with more decimals before REN 418/2010 "
        "(23 Nov 2010), which rewrote art. 213 (only its later wording, truncation, is quoted)"
    ),
    "subject_route_change": (
        "the reading interval after a route change or a reprogrammed calendar, outside 27–33 "
        "days (of art. 84 only the caput's 27–33 days and the first billing's 15–47 days were "
        "found)"
    ),
    "subject_group_a_exception": (
        "the group A reading interval at the end of a group B option or after a change of "
        "connection voltage, outside 27–33 days (no provision on these cases was found)"
    ),
    "subject_billable": (
        "billing outside the reading interval before REN 479/2012 (only the wording REN "
        "479/2012 gave art. 88 was found, not the earlier one)"
    ),
    "subject_billable_exceptional": (
        "billing a first or exceptional reading outside its 15–47 days (art. 88, § 1º covers "
        "only the 27–33 days of art. 84 and sets the exceptions aside)"
    ),
    "subject_availability_exemption": (
        "an exemption from the availability charge (art. 98 as quoted names none, and no other "
        "article on exemptions was found)"
    ),
    "subject_availability_indigenous": (
        "the availability charge of the indigenous and quilombola low-income subclasses before "
        "REN 479/2012 (only the wording REN 479/2012 gave § 3º was found)"
    ),
    "subject_impediment_streak": (
        "billing after the 3rd consecutive cycle of access impediment (the part of art. 87 on "
        "what follows the 3 cycles was not found)"
    ),
    "subject_average_no_history": (
        "billing by average without billed history (no fallback for an empty history was found)"
    ),
    "subject_meter_removed": (
        "billing after more than 30 days without a meter (only a paraphrase of art. 90 was found)"
    ),
    "subject_emergency_original": (
        "billing in an emergency without billed history or without regular supply before REN "
        "479/2012 (only the wording REN 479/2012 gave art. 111 was found)"
    ),
    "emergency_supply_not_maintained": (
        "REN 414/2010, art. 111 allows billing by the average only while regular supply is "
        "maintained"
    ),
    "subject_settlement": (
        "the settlement of incorrect billing due to a third party, an access impediment, an "
        "emergency or a meter defect (no provision on the case was found)"
    ),
    "false_declaration_case": (
        "false_declaration applies only to over-billing attributable to the consumer "
        "(REN 1.000/2021, art. 324, § 3º)"
    ),
    "subject_false_declaration": (
        "the loss of the refund after a false declaration (no such rule was found)"
    ),
    "subject_art113_original": (
        "incorrect billing by the distributor before REN 479/2012 (only the wording REN "
        "479/2012 gave art. 113 was found, not the original 2010 one)"
    ),
    "subject_duplicate": (
        "the monetary update of a duplicate payment refunded more than one cycle after the "
        "constatação (only paraphrases of art. 112, without an update rule, were found)"
    ),
    "subject_low_value": ("the accumulation of low-value invoices"),
    "subject_multi_month": (
        "multi-month rural reading without billed history before REN 479/2012 (only the later "
        "wording of art. 89, § 1º was found)"
    ),
    "subject_multi_month_missed": (
        "a missed distributor reading in multi-month rural reading (§ 2º is cut in every source"
        " found)"
    ),
    "subject_meter_criterion_order": (
        "the choice of the criterion for a defective meter (ANEEL's summary names art. 115's "
        "three criteria but not their order)"
    ),
    "subject_regularization": ("the recalculation when the reading is regularised"),
    "subject_overdue": ("the time limit to collect overdue invoices"),
    "not_overdue": "invoice due on {due} is not overdue on {on}",
    "multi_month_not_rural": (
        "multi-month reading is allowed only for group B units in a rural area "
        "(REN 1.000/2021, art. 271)"
    ),
    "scee_cadunico_before": (
        "the 50 % availability charge of an SCEE unit of a CadÚnico family (REN 1.000/2021, "
        "art. 291, parágrafo único) is not modelled before {since}, the date of REN 1.098/2024; "
        "date asked: {on}"
    ),
    "supply_not_maintained": (
        "REN 1.000/2021, art. 321, I allows billing by the average only while regular supply "
        "is maintained"
    ),
}
"""Code → English template (the gettext msgid)."""


invalid: Final = keyed_invalid_in(DOMAIN, TEMPLATES)
"""The library's input error for one field, with this module's catalog domain."""


def non_negative(
    value: object, path: str, /, *, money: bool = False, shown: Shown = "given"
) -> Decimal:
    """:func:`aneel_rules._convert.non_negative` in this domain (code ``negative``)."""
    return _non_negative(
        value, path, invalid=_invalid, money=money, shown=shown, template=TEMPLATES["negative"]
    )


def gap(code: str, *, basis: Basis | None = None, **params: str) -> RegulatoryGapError:
    """A :class:`RegulatoryGapError` whose message is :data:`TEMPLATES` ``[code]``."""
    return RegulatoryGapError(TEMPLATES[code], code=code, domain=DOMAIN, basis=basis, params=params)


def not_modelled(code: str, *, basis: Basis | None = None, **params: str) -> UnsupportedCaseError:
    """An :class:`UnsupportedCaseError` whose message is :data:`TEMPLATES` ``[code]``."""
    return UnsupportedCaseError(
        TEMPLATES[code], code=code, domain=DOMAIN, basis=basis, params=params
    )


def unsupported(
    subject: str, on: str, missing: Basis | tuple[Basis, ...], *, counterpart: bool = False
) -> UnsupportedCaseError:
    """An :class:`UnsupportedCaseError` for a REN 414/2010 rule the project could not verify.

    ``subject`` is a ``subject_*`` code of :data:`TEMPLATES`, translated with the message.
    ``missing`` is the REN 414/2010 provision whose text (in the wording the date needs) no
    source read quotes; it is the error's ``basis`` and is named in the message. With
    ``counterpart``, the REN 414 article itself is unknown and ``missing`` is the REN 1.000/2021
    provision whose REN 414 counterpart was looked for. The code is always ``unverified_ren414``.
    """
    bases = to_bases(missing)
    template = "unverified_ren414_counterpart" if counterpart else "unverified_ren414"
    return UnsupportedCaseError(
        TEMPLATES[template],
        code="unverified_ren414",
        domain=DOMAIN,
        basis=bases,
        nested=("what",),
        what=TEMPLATES[subject],
        on=on,
        provision=cite(bases),
    )


def check_enum(value: object, cls: type[enum.Enum], path: str) -> None:
    """Raise the library's input error unless ``value`` is a member of ``cls``."""
    if not isinstance(value, cls):
        raise invalid(path, "not_an_enum", path=path, expected=cls.__name__, value=masked(value))


def positive_int(value: object, path: str) -> int:
    """``value`` as an ``int`` ≥ 1 (a numpy integer too, not a bool), else the input error."""
    number = whole_number(value, 1)
    if number is None:
        raise invalid(path, "not_an_int", path=path, value=masked(value))
    return number


def positive_amount(value: object) -> Decimal:
    """``value`` as a Decimal amount of money > 0 (field ``amount``), else the input error."""
    return _positive(
        value, "amount", invalid=_invalid, template=TEMPLATES["not_positive"], money=True
    )
