"""Helpers shared by the frames modules: message domain and errors.

Private, importable without numpy.
"""

from __future__ import annotations

from typing import Final

from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.errors import invalid_in

__all__ = ("DOMAIN", "POST_BY_CODE", "invalid")

POST_BY_CODE: Final = (TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE, TariffPost.PEAK)
"""Tariff post of each ``post_codes`` code: 0 fora de ponta, 1 intermediário, 2 ponta."""

DOMAIN: Final = "frames"
"""Message-catalog domain of the frames modules."""


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""
