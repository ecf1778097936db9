"""Message helpers of the invoice rules (catalog domain ``invoice``).

Every template is a literal at its call site (``invalid(path, code, template, ...)``), so that
``tests/invoice/test_invoice_i18n.py`` can find it and check that
``locale/pt_BR/LC_MESSAGES/invoice.po`` translates it.

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from aneel_rules.errors import UnsupportedCaseError, invalid_in
from aneel_rules.legal import Basis

__all__ = ("DOMAIN", "UNVERIFIED_REN414", "check_period_order", "invalid", "unsupported")

DOMAIN: Final = "invoice"
"""Message-catalog domain of the invoice modules."""


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""


def check_period_order(start: date, end: date) -> None:
    """Refuse a reading period whose ``end`` is not after its ``start``."""
    if end <= start:
        raise invalid(
            "end",
            "end_not_after_start",
            "reading period end {end} must be after its start {start}",
            end=end.isoformat(),
            start=start.isoformat(),
        )


UNVERIFIED_REN414: Final = "unverified_ren414"
"""Code of a refusal for a REN 414/2010 provision no source quotes (as in the billing rules)."""


def unsupported(
    template: str,
    /,
    *,
    on: date | None = None,
    code: str | None = None,
    basis: Basis | None = None,
    **params: str,
) -> UnsupportedCaseError:
    """An :class:`UnsupportedCaseError` (a case the library does not model), message in English.

    ``template`` is the catalog msgid (translated in ``invoice.po``); the error keeps it with
    its ``params`` (attributes ``template`` and ``params``) so that a front end can translate it.
    ``on`` is added to the params as ``on`` (ISO date) when given; ``code`` is the error's code
    (:data:`UNVERIFIED_REN414` for a REN 414/2010 text not found) and ``basis`` the provision
    whose text is missing.
    """
    values = dict(params)
    if on is not None:
        values["on"] = on.isoformat()
    return UnsupportedCaseError(template, code=code, domain=DOMAIN, basis=basis, params=values)
