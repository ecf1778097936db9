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

__all__ = ("DOMAIN", "invalid", "unsupported")

DOMAIN: Final = "invoice"
"""Message-catalog domain of the invoice modules."""


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""


def unsupported(template: str, /, *, on: date | None = None, **params: str) -> UnsupportedCaseError:
    """An :class:`UnsupportedCaseError` (a case the library does not model), message in English.

    ``template`` is the catalog msgid (translated in ``invoice.po``); the error keeps it with
    its ``params`` (attributes ``template`` and ``params``) so that a front end can translate it.
    ``on`` is added to the params as ``on`` (ISO date) when given.
    """
    values = dict(params)
    if on is not None:
        values["on"] = on.isoformat()
    return UnsupportedCaseError(template, domain=DOMAIN, params=values)
