"""Helpers shared by the frames modules: message domain and errors.

Private, importable without numpy.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from aneel_rules._billing.messages import DOMAIN as BILLING_DOMAIN
from aneel_rules._billing.messages import TEMPLATES as _BILLING_TEMPLATES
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.errors import invalid_in

__all__ = ("BILLING_DOMAIN", "DOMAIN", "POST_BY_CODE", "READING_REASONS", "invalid")

POST_BY_CODE: Final = (TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE, TariffPost.PEAK)
"""Tariff post of each ``post_codes`` code: 0 fora de ponta, 1 intermediário, 2 ponta."""

DOMAIN: Final = "frames"
"""Message-catalog domain of the frames modules."""


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""


READING_REASONS: Final = MappingProxyType(
    {
        key.removeprefix("subject_"): text
        for key, text in _BILLING_TEMPLATES.items()
        if key.startswith("subject_")
    }
)
"""Reason code → the REN 414/2010 case the library does not model (an English msgid).

The ``reason`` of a :func:`~aneel_rules.frames.readings` row whose finding is
``unverified_ren414``: which provision could not be verified in the project's sources. The
text is translated in the ``billing_cycle`` catalog (:data:`BILLING_DOMAIN`).
"""
