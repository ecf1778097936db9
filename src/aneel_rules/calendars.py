"""Business-day calendars (calendários de dias úteis) for counting regulated deadlines.

REN 1.000/2021 counts deadlines in calendar days or business days (art. 656) but
does not say which holidays count: national only, or also the state and municipal
ones of the consumer's address (``shared/REGULATION.md``, open question 10). The
library does not guess: a :class:`BusinessCalendar` is national by default
(``holidays.Brazil``, category "public"), and the caller adds a state (``subdiv``),
the optional days of ``holidays`` (Carnival, Ash Wednesday, Corpus Christi…) and any
municipal or extra day (``extra_holidays``) as the distributor's practice requires.
Saturdays and Sundays are never business days.

``holidays`` is imported lazily, on the first calendar built, so that importing the
package stays cheap, and only its ``Brazil`` class is loaded (not every country's module).

Sources:
    - python-holidays, ``holidays.Brazil`` (national holidays by year, as enacted:
      e.g. 20 Nov is national from 2024, Lei 14.759/2023).
    - REN 1.000/2021, art. 656 (deadline counting; holidays not defined).

Examples:
    >>> from datetime import date
    >>> national = BusinessCalendar()
    >>> national.is_business_day(date(2026, 4, 21))   # Tiradentes
    False
    >>> national.add_business_days(date(2026, 4, 17), 1)  # Friday → Monday is 20 Apr
    datetime.date(2026, 4, 20)
    >>> BusinessCalendar(subdiv="AM").holiday_name(date(2026, 9, 5))
    'Elevação do Amazonas à categoria de província'
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from datetime import date, timedelta
from types import ModuleType
from typing import TYPE_CHECKING, Final

import attrs

from aneel_rules._convert import masked, to_bool, to_date, whole_number
from aneel_rules.errors import InvalidInputError, invalid_in

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ("BusinessCalendar", "out_of_range")

DOMAIN: Final = "connection"
_SATURDAY: Final = 5
_MAX_DAYS: Final = 10_000


_error: Final = invalid_in(DOMAIN)
_BRAZIL_MODULE: Final = "holidays.countries.brazil"


@functools.cache
def _brazil() -> type[HolidayBase]:
    """python-holidays' ``Brazil`` class, without importing every other country's module.

    The package ``holidays.countries`` imports all its ~250 country modules, and
    ``from holidays.countries.brazil import Brazil`` (like ``holidays.BR`` and
    ``holidays.country_holidays("BR")``) imports that package first: about twice the cost
    of ``import aneel_rules``. ``brazil.py`` imports only ``holidays``' base modules, so it
    is run here from its own file under its own name, without touching ``sys.modules``
    (a later ``import holidays.countries`` works as usual). When that package is already
    imported, or the file is not found, the ordinary import is used.
    """
    module = None if "holidays.countries" in sys.modules else _load_brazil_alone()
    if module is not None:
        brazil: type[HolidayBase] = module.Brazil
        return brazil
    from holidays.countries.brazil import Brazil  # noqa: PLC0415 (lazy: keep import cheap)

    return Brazil


def _load_brazil_alone() -> ModuleType | None:
    import importlib.machinery  # noqa: PLC0415 (lazy, like holidays)
    import importlib.util  # noqa: PLC0415

    import holidays  # noqa: PLC0415 (lazy: keep import cheap)

    found = importlib.machinery.PathFinder.find_spec(
        "brazil", [f"{path}{os.sep}countries" for path in holidays.__path__]
    )
    if found is None or not isinstance(found.loader, importlib.machinery.SourceFileLoader):
        return None  # not a plain source file (a zip, a frozen build): the ordinary import
    loader = importlib.machinery.SourceFileLoader(_BRAZIL_MODULE, found.loader.path)
    spec = importlib.machinery.ModuleSpec(_BRAZIL_MODULE, loader, origin=loader.path)
    spec.has_location = True  # __file__ and the bytecode cache, as the import system sets
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@functools.cache
def _subdivisions() -> frozenset[str]:
    return frozenset(s for s in _brazil().subdivisions if len(s) == 2)


@functools.cache
def _holidays(year: int, subdiv: str | None, optional: bool) -> tuple[tuple[date, str], ...]:
    categories = ("public", "optional") if optional else ("public",)
    table = _brazil()(years=year, subdiv=subdiv, categories=categories, language="pt_BR")
    return tuple(sorted((day, str(name)) for day, name in table.items()))


def _check_subdiv(_inst: object, _attr: object, value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str) or value not in _subdivisions():
        raise _error(
            "subdiv",
            "unknown_subdivision",
            "subdiv {value} is not a Brazilian state code (UF), e.g. AM",
            value=masked(value),
        )


def _to_dates(value: Iterable[date | str]) -> frozenset[date]:
    if isinstance(value, (str, date)) or not isinstance(value, Iterable):
        raise _error(
            "extra_holidays",
            "not_a_date_list",
            "extra_holidays must be a collection of dates, got {value}",
            value=masked(value),
        )
    return frozenset(
        to_date(item, path=f"extra_holidays.{index}") for index, item in enumerate(value)
    )


def _check_optional(_inst: object, _attr: object, value: object) -> None:
    to_bool(value, path="optional")


def out_of_range(path: str, value: date) -> InvalidInputError:
    """The error for a count that would run past 31 Dec 9999 (``date.max``)."""
    return _error(
        path,
        "out_of_range",
        "{path} {value} is too close to the end of the supported calendar (9999-12-31)",
        path=path,
        value=value.isoformat(),
    )


def _next_day(day: date, path: str) -> date:
    try:
        return day + timedelta(days=1)
    except OverflowError:
        raise out_of_range(path, day) from None


def _to_subdiv(value: str | None) -> str | None:
    return value.strip().upper() if isinstance(value, str) else value


@attrs.frozen(kw_only=True)
class BusinessCalendar:
    """Calendar of business days (dias úteis): weekdays that are not holidays.

    Attributes:
        subdiv: State (UF, e.g. ``"AM"``) whose state holidays also count; ``None`` for
            national holidays only (the default).
        optional: Also count the "optional" days of ``holidays.Brazil`` (pontos
            facultativos such as Carnival Monday and Tuesday, Ash Wednesday, Corpus
            Christi, 28 Oct, 24 and 31 Dec).
        extra_holidays: Further non-business days (municipal holidays, a local
            decree…), as dates or ISO strings.

    Raises:
        InvalidInputError: unknown ``subdiv``, ``optional`` not a ``bool``, or an
            ``extra_holidays`` item that is not a date.
    """

    subdiv: str | None = attrs.field(default=None, converter=_to_subdiv, validator=_check_subdiv)
    optional: bool = attrs.field(default=False, validator=_check_optional)
    extra_holidays: frozenset[date] = attrs.field(default=frozenset(), converter=_to_dates)

    def holidays_in(self, year: int) -> dict[date, str]:
        """The holidays of ``year`` that this calendar counts, with their names.

        Examples:
            >>> len(BusinessCalendar().holidays_in(2026))
            10
        """
        number = whole_number(year, 1, 9999)
        if number is None:
            raise _error("year", "invalid_year", "year {value} is not valid", value=masked(year))
        year = number
        found = dict(_holidays(year, self.subdiv, self.optional))
        for extra in self.extra_holidays:
            if extra.year == year:
                found.setdefault(extra, "feriado informado")
        return dict(sorted(found.items()))

    def holiday_name(self, on: date) -> str | None:
        """Name of the holiday on ``on`` (Portuguese, as ``holidays`` gives it), or ``None``."""
        day = to_date(on, path="on")
        return self.holidays_in(day.year).get(day)

    def is_business_day(self, on: date) -> bool:
        """Whether ``on`` is a business day (not a weekend, not a counted holiday)."""
        day = to_date(on, path="on")
        return day.weekday() < _SATURDAY and self.holiday_name(day) is None

    def roll_forward(self, on: date) -> date:
        """``on`` itself if it is a business day, else the first business day after it."""
        day = to_date(on, path="on")
        while not self.is_business_day(day):
            day = _next_day(day, "on")
        return day

    def add_business_days(self, start: date, days: int) -> date:
        """The ``days``-th business day after ``start`` (``start`` itself is never counted).

        Args:
            start: The day counting starts after (e.g. the day of notice).
            days: Number of business days, at least 1.

        Examples:
            >>> BusinessCalendar().add_business_days(date(2026, 3, 4), 5)
            datetime.date(2026, 3, 11)
        """
        count = whole_number(days, 1, _MAX_DAYS)
        if count is None:
            raise _error(
                "days",
                "invalid_days",
                "days must be a whole number from 1 to {limit}, got {value}",
                limit=_MAX_DAYS,
                value=masked(days),
            )
        day = to_date(start, path="start")
        remaining = count
        while remaining:
            day = _next_day(day, "start")
            if self.is_business_day(day):
                remaining -= 1
        return day
