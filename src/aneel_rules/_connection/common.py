"""Helpers shared by the connection modules: error builder, regime check, input readers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

from aneel_rules._convert import non_negative as _non_negative
from aneel_rules._convert import positive as _positive
from aneel_rules._convert import to_bool, to_date
from aneel_rules.errors import UnsupportedCaseError, invalid_in
from aneel_rules.legal import Basis, Norm, norm_in_force

__all__ = ("DOMAIN", "check_bool", "invalid", "non_negative", "positive", "require_ren1000")

DOMAIN: Final = "connection"
"""Message-catalog domain of the connection modules."""


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""


def check_bool(**flags: object) -> None:
    """Refuse any flag that is not a real ``bool`` (see :func:`aneel_rules._convert.to_bool`)."""
    for name, flag in flags.items():
        to_bool(flag, path=name)


def require_ren1000(
    on: date, *, what: str, missing: str, basis: Basis | None = None, path: str = "on"
) -> date:
    """Check that ``on`` falls under REN 1.000/2021; refuse a REN 414/2010 date.

    ``missing`` is a catalog message (one of the ``GAP_*`` of ``_connection.ren414``) naming the
    REN 414/2010 article and wording that no source read quotes; ``basis`` that article. The
    refusal is an :class:`UnsupportedCaseError` with code ``unverified_ren414``.
    """
    day = to_date(on, path=path)
    # REN 1.000/2021, art. 679: in force from 3 Jan 2022 (REN 414/2010 before).
    if norm_in_force(day) is not Norm.REN_1000_2021:
        raise UnsupportedCaseError(
            "{what} on {day} falls under REN 414/2010, which the library does not answer: "
            "{missing}; REN 1.000/2021 applies from 2022-01-03",
            code="unverified_ren414",
            domain=DOMAIN,
            basis=basis,
            nested=("what", "missing"),
            what=what,
            day=day.isoformat(),
            missing=missing,
        )
    return day


_NOT_POSITIVE: Final = "{path} must be greater than zero, got {value}"


def positive(value: Decimal | int | str, path: str) -> Decimal:
    """A number greater than zero (a ``float`` is read through its ``repr``)."""
    return _positive(value, path, invalid=invalid, template=_NOT_POSITIVE)


def non_negative(value: Decimal | int | str, path: str) -> Decimal:
    """A number not below zero (a ``float`` is read through its ``repr``)."""
    return _non_negative(value, path, invalid=invalid)
