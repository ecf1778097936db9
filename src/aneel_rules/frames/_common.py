"""Helpers shared by the frames modules: message domain and errors.

Private, importable without numpy.
"""

from __future__ import annotations

from typing import Final

from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.errors import FieldError, InvalidInputError
from aneel_rules.legal import Basis

__all__ = ("DOMAIN", "POST_BY_CODE", "invalid")

POST_BY_CODE: Final = (TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE, TariffPost.PEAK)
"""Tariff post of each ``post_codes`` code: 0 fora de ponta, 1 intermediário, 2 ponta."""

DOMAIN: Final = "frames"
"""Message-catalog domain of the frames modules."""


def invalid(
    path: str, code: str, template: str, /, *, basis: Basis | None = None, **params: str
) -> InvalidInputError:
    """An :class:`InvalidInputError` with one field error in the ``frames`` domain."""
    return InvalidInputError(
        (
            FieldError(
                path=path, code=code, template=template, params=params, domain=DOMAIN, basis=basis
            ),
        )
    )
