"""Effective-dated values (valores com vigência): a value by date, each period with its basis.

A :class:`Timeline` is an ordered tuple of :class:`Period` objects. Each period
starts on ``since`` (inclusive) and runs until the next period starts
(half-open ``[since, next.since)``). A period whose value is ``None`` means the
rule was repealed: asking for it raises :class:`~aneel_rules.errors.NotInForceError`.

Examples:
    >>> from datetime import date
    >>> from aneel_rules.legal import ren1000, ren414
    >>> window = Timeline(
    ...     name="overbilling_refund_window", unit="cycles", label_pt="janela de devolução",
    ...     periods=(
    ...         Period(since=date(2010, 9, 15), value=36, basis=ren414(113, item="II")),
    ...         Period(since=date(2022, 1, 3), value=60, basis=ren1000(323, item="II")),
    ...     ),
    ...     last_verified_on=date(2026, 11, 23),
    ... )
    >>> window.value_on(date(2022, 1, 2)), window.value_on(date(2022, 1, 3))
    (36, 60)
    >>> [str(b) for b in window.period_on(date(2023, 5, 1)).basis]
    ['REN 1.000/2021, art. 323, II']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Generic, TypeVar

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date
from aneel_rules.errors import InvalidInputError, NotInForceError
from aneel_rules.legal import Basis

__all__ = ("Period", "Timeline")

T = TypeVar("T")


def _since(value: object) -> date:
    """A period's first day: a plain ``date`` (a datetime or text is the library's input error)."""
    return plain_date(value, path="since")


@attrs.frozen(kw_only=True)
class Period(Generic[T]):
    """One value in force from ``since`` (inclusive) until the next period of its timeline.

    Attributes:
        since: First day in force.
        value: The value, or ``None`` where the rule was repealed.
        basis: Provisions that set the value (or repeal it), as a non-empty tuple (several
            references per dated value, like OpenFisca's ``reference`` list); a single
            reference is accepted and stored as a tuple of one.
        note: Caveats (e.g. a date taken from a secondary source).
    """

    since: date = attrs.field(converter=_since)
    value: T | None
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)
    note: str = ""


def _to_periods(value: Iterable[Period[T]]) -> tuple[Period[T], ...]:
    """The periods as a tuple (frozen like the timeline); a lone value is one bad period.

    :func:`_check_periods` then refuses anything that is not a ``Period``.
    """
    given: object = value  # typed, but callers may pass anything
    if isinstance(given, Iterable) and not isinstance(given, str | bytes):
        return tuple(given)
    return () if given is None else (given,)  # type: ignore[return-value]


def _last_verified(value: object) -> date:
    """The day the values were last checked: a plain ``date`` (text or datetime refused)."""
    return plain_date(value, path="last_verified_on")


def _check_periods(
    inst: Timeline[object], _attr: object, periods: tuple[Period[object], ...]
) -> None:
    if not periods:
        raise InvalidInputError.single(
            "periods", "empty", "timeline {name} has no period", name=inst.name
        )
    for index, period in enumerate(periods):
        if not isinstance(period, Period):
            raise InvalidInputError.single(
                f"periods.{index}",
                "not_a_period",
                "timeline {name}: {value} is not a Period",
                name=inst.name,
                value=masked(period),
            )
    for earlier, later in itertools.pairwise(periods):
        if later.since <= earlier.since:
            raise InvalidInputError.single(
                "periods",
                "not_increasing",
                "timeline {name}: period starting {later} does not follow {earlier}",
                name=inst.name,
                later=later.since.isoformat(),
                earlier=earlier.since.isoformat(),
            )


@attrs.frozen(kw_only=True)
class Timeline(Generic[T]):
    """A value that changed over time, each period with its legal basis.

    Attributes:
        name: Identifier (snake_case).
        unit: Unit of the value (``"kWh"``, ``"days"``, ``"fraction"``…).
        label_pt: Portuguese label, as the norm calls it.
        periods: Periods in strictly increasing ``since`` order.
        last_verified_on: Date the values were last checked against the sources.
    """

    name: str
    unit: str
    label_pt: str
    periods: tuple[Period[T], ...] = attrs.field(converter=_to_periods, validator=_check_periods)
    last_verified_on: date = attrs.field(converter=_last_verified)

    @property
    def starts_on(self) -> date:
        """First day covered by the timeline."""
        return self.periods[0].since

    def period_on(self, on: date) -> Period[T]:
        """The period in force on ``on``.

        Raises:
            NotInForceError: ``on`` is before the first period.
        """
        on = plain_date(on, path="on")  # a datetime cannot be compared with a date
        found: Period[T] | None = None
        for period in self.periods:
            if period.since > on:
                break
            found = period
        if found is None:
            raise NotInForceError(
                "{name}: no value before {since} (asked for {on})",
                code="no_value_before",
                on=on,
                what=self.name,
                name=self.name,
                since=self.starts_on.isoformat(),
            )
        return found

    def value_on(self, on: date) -> T:
        """The value in force on ``on``.

        Raises:
            NotInForceError: ``on`` is before the first period, or the rule was repealed then.
        """
        period = self.period_on(on)
        if period.value is None:
            raise NotInForceError(
                "{name}: repealed on {since} by {refs} (asked for {on})",
                code="repealed",
                on=on,
                what=self.name,
                basis=period.basis,
                refs="; ".join(map(str, period.basis)),
                name=self.name,
                since=period.since.isoformat(),
            )
        return period.value

    def until(self, period: Period[T]) -> date | None:
        """Last day in force of ``period`` (``None`` if it is still in force)."""
        index = self.periods.index(period)
        if index + 1 == len(self.periods):
            return None
        return self.periods[index + 1].since - timedelta(days=1)
