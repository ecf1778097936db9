"""Message helpers of the invoice rules (catalog domain ``invoice``).

Every template is a literal at its call site (``invalid(path, code, template, ...)``), so that
``tests/invoice/test_invoice_i18n.py`` can find it and check that
``locale/pt_BR/LC_MESSAGES/invoice.po`` translates it.

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from typing import Final

from aneel_rules.errors import FieldError, InvalidInputError
from aneel_rules.legal import Basis

__all__ = ("DOMAIN", "invalid")

DOMAIN: Final = "invoice"
"""Message-catalog domain of the invoice modules."""


def invalid(
    path: str, code: str, template: str, /, *, basis: Basis | None = None, **params: str
) -> InvalidInputError:
    """An :class:`InvalidInputError` with one field error in the ``invoice`` domain."""
    return InvalidInputError(
        (
            FieldError(
                path=path, code=code, template=template, params=params, domain=DOMAIN, basis=basis
            ),
        )
    )
