"""Days without ponta (REN 1.000/2021, art. 2º, XXXVIII, "a"; REN 414/2010, art. 2º).

Also the REN 414/2010 seasonal periods (seco / úmido).

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

import attrs
from dateutil.easter import easter

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date, whole_number
from aneel_rules._tariffs.common import (
    LAST_VERIFIED,
    REN414_START,
    REN1000_START,
    REN1101_SINCE,
    invalid,
)
from aneel_rules.errors import (
    NotInForceError,
)
from aneel_rules.legal import Basis, Norm, norm_in_force, ren414, ren1000
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "NationalHoliday",
    "PEAK_EXEMPT_HOLIDAYS",
    "PeakExemptDay",
    "exempt_map",
    "require_calendar",
    "peak_exempt_days",
    "is_peak_exempt",
    "SeasonalPeriod",
    "seasonal_period",
)


@attrs.frozen(kw_only=True)
class NationalHoliday:
    """A fixed-date national holiday on ANEEL's closed list of days without ponta.

    Attributes:
        month: Month (1–12).
        day: Day of the month.
        name: Name as the law gives it (Portuguese).
        name_en: English name.
        law: Federal law that makes it a national holiday.
    """

    month: int
    day: int
    name: str
    name_en: str
    law: Norm


_NEW_YEAR = NationalHoliday(
    month=1,
    day=1,
    name="Confraternização Universal",
    name_en="New Year's Day",
    law=Norm.LEI_10607_2002,
)
_TIRADENTES = NationalHoliday(
    month=4, day=21, name="Tiradentes", name_en="Tiradentes' Day", law=Norm.LEI_10607_2002
)
_LABOUR_DAY = NationalHoliday(
    month=5, day=1, name="Dia do Trabalho", name_en="Labour Day", law=Norm.LEI_10607_2002
)
_INDEPENDENCE = NationalHoliday(
    month=9,
    day=7,
    name="Independência do Brasil",
    name_en="Independence Day",
    law=Norm.LEI_10607_2002,
)
_APARECIDA = NationalHoliday(
    month=10,
    day=12,
    name="Nossa Senhora Aparecida",
    name_en="Our Lady of Aparecida",
    law=Norm.LEI_6802_1980,
)
_ALL_SOULS = NationalHoliday(
    month=11, day=2, name="Finados", name_en="All Souls' Day", law=Norm.LEI_10607_2002
)
_REPUBLIC = NationalHoliday(
    month=11,
    day=15,
    name="Proclamação da República",
    name_en="Republic Proclamation Day",
    law=Norm.LEI_10607_2002,
)
_BLACK_AWARENESS = NationalHoliday(
    month=11,
    day=20,
    name="Dia Nacional de Zumbi e da Consciência Negra",
    name_en="National Day of Zumbi and Black Awareness",
    law=Norm.LEI_14759_2023,
)
_CHRISTMAS = NationalHoliday(
    month=12, day=25, name="Natal", name_en="Christmas Day", law=Norm.LEI_10607_2002
)
_CLASSIC_LIST: Final = (
    _NEW_YEAR,
    _TIRADENTES,
    _LABOUR_DAY,
    _INDEPENDENCE,
    _APARECIDA,
    _ALL_SOULS,
    _REPUBLIC,
    _CHRISTMAS,
)

PEAK_EXEMPT_HOLIDAYS: Final[Timeline[tuple[NationalHoliday, ...]]] = Timeline(
    name="peak_exempt_holidays",
    unit="holidays",
    label_pt="feriados nacionais sem posto tarifário ponta",
    periods=(
        Period(
            since=REN414_START,
            value=_CLASSIC_LIST,
            basis=ren414(2),
            note="REN 414, art. 2º (horário de ponta), list as quoted by the 2013 study note; "
            "its inciso is not shown there.",
        ),
        Period(
            since=REN1000_START, value=_CLASSIC_LIST, basis=ren1000(2, item="XXXVIII", subitem="a")
        ),
        Period(
            since=REN1101_SINCE,
            value=(*_CLASSIC_LIST[:7], _BLACK_AWARENESS, _CHRISTMAS),
            basis=ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024),
            note="REN 1.101/2024 (signed 27 Aug 2024) added 20 November. Its vigência article "
            "was not read; the signature date is used, which gives the same answer for every "
            "day as any date up to 20 Nov 2024 would.",
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""National holidays without ponta, besides weekends and the three movable days."""


@attrs.frozen(kw_only=True)
class PeakExemptDay:
    """A day on which the posto ponta does not apply (dia sem ponta).

    Attributes:
        day: The date.
        name: Why, in Portuguese (the holiday's name, ``sábado`` or ``domingo``).
        name_en: Why, in English.
        basis: Provision that exempts the day.
        law: Law that makes it a holiday, for the fixed national holidays.
    """

    day: date
    name: str
    name_en: str
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)
    law: Norm | None = None

    @property
    def weekend(self) -> bool:
        """Whether the day is a Saturday or a Sunday."""
        return self.day.weekday() >= 5


def _check_year(year: object) -> int:
    number = whole_number(year, 1, 9998)
    if number is None:
        raise invalid(
            "year",
            "invalid_year",
            "{path} must be a year, got {value}",
            path="year",
            value=masked(year),
        )
    return number


@functools.lru_cache(maxsize=64)
def exempt_map(year: int) -> Mapping[date, PeakExemptDay]:
    start = PEAK_EXEMPT_HOLIDAYS.starts_on
    if year < start.year:
        raise NotInForceError(
            "no peak-exempt list for {year}: ANEEL's list applies from {since}",
            code="no_peak_exempt_list",
            on=date(year, 12, 31),
            what=PEAK_EXEMPT_HOLIDAYS.name,
            year=str(year),
            since=start.isoformat(),
        )
    # The year REN 414/2010 came into force is covered from its first day only.
    first = max(date(year, 1, 1), start)
    found: dict[date, PeakExemptDay] = {}
    paschal = easter(year)
    movable = (
        (paschal - timedelta(days=47), "terça-feira de carnaval", "Carnival Tuesday"),
        (paschal - timedelta(days=2), "sexta-feira da Paixão", "Good Friday"),
        (paschal + timedelta(days=60), "Corpus Christi", "Corpus Christi"),
    )
    fixed = {
        (h.month, h.day): h for period in PEAK_EXEMPT_HOLIDAYS.periods for h in period.value or ()
    }
    for (month, day_of_month), holiday in fixed.items():
        day = date(year, month, day_of_month)
        if day < first:
            continue
        period = PEAK_EXEMPT_HOLIDAYS.period_on(day)
        # art. 2º, XXXVIII, "a": the listed national holidays (20 Nov from REN 1.101/2024)
        if holiday in (period.value or ()):
            found[day] = PeakExemptDay(
                day=day,
                name=holiday.name,
                name_en=holiday.name_en,
                basis=period.basis,
                law=holiday.law,
            )
    for day, name, name_en in movable:
        if day < first:
            continue
        # art. 2º, XXXVIII, "a": terça-feira de carnaval, sexta-feira da Paixão, Corpus Christi
        found.setdefault(
            day,
            PeakExemptDay(
                day=day, name=name, name_en=name_en, basis=PEAK_EXEMPT_HOLIDAYS.period_on(day).basis
            ),
        )
    # counted, not stepped past 31 Dec: date(9999, 12, 31) has no next day
    for offset in range((date(year, 12, 31) - first).days + 1):
        day = first + timedelta(days=offset)
        # art. 2º, XXXVIII, "a": sábados e domingos
        if day.weekday() >= 5 and day not in found:
            saturday = day.weekday() == 5
            found[day] = PeakExemptDay(
                day=day,
                name="sábado" if saturday else "domingo",
                name_en="Saturday" if saturday else "Sunday",
                basis=PEAK_EXEMPT_HOLIDAYS.period_on(day).basis,
            )
    return MappingProxyType(dict(sorted(found.items())))


def peak_exempt_days(year: int) -> Mapping[date, PeakExemptDay]:
    """Every day of ``year`` without ponta, in date order (date → :class:`PeakExemptDay`).

    Saturdays, Sundays, terça-feira de carnaval, sexta-feira da Paixão, Corpus Christi and
    the national holidays ANEEL lists (20 November only from REN 1.101/2024). Nothing else:
    carnival Monday, Ash Wednesday and state or municipal holidays keep their ponta.
    Easter-based days are computed with ``dateutil.easter``.

    Raises:
        InvalidInputError: ``year`` is not a year.
        NotInForceError: the year ends before REN 414/2010 (for 2010 the mapping starts on
            15 Sep 2010, the day REN 414 came into force).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" (wording of REN 1.101/2024 from 2024).
        - REN 414/2010, art. 2º (horário de ponta), until 2 Jan 2022.

    Examples:
        >>> days = peak_exempt_days(2026)
        >>> for d, x in list((d, x) for d, x in days.items() if not x.weekend)[:3]:
        ...     print(d, x.name)
        2026-01-01 Confraternização Universal
        2026-02-17 terça-feira de carnaval
        2026-04-03 sexta-feira da Paixão
        >>> [str(b) for b in days[date(2026, 11, 20)].basis]
        ['REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024)']
        >>> date(2023, 11, 20) in peak_exempt_days(2023)
        False
    """
    return exempt_map(_check_year(year))


def is_peak_exempt(day: date) -> bool:
    """Whether ``day`` has no posto ponta (see :func:`peak_exempt_days`).

    Raises:
        InvalidInputError: ``day`` is not a date.
        NotInForceError: ``day`` is before REN 414/2010 (15 Sep 2010).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a"; REN 414/2010, art. 2º.

    Examples:
        >>> is_peak_exempt(date(2026, 2, 17)), is_peak_exempt(date(2026, 2, 16))
        (True, False)
        >>> is_peak_exempt(date(2023, 11, 20)), is_peak_exempt(date(2024, 11, 20))
        (False, True)
    """
    day = plain_date(day, path="day")
    require_calendar(day)
    return day in exempt_map(day.year)


def require_calendar(day: date) -> None:
    """Raise :class:`NotInForceError` for a day before ANEEL's list (REN 414/2010) applied."""
    if day < PEAK_EXEMPT_HOLIDAYS.starts_on:
        raise NotInForceError(
            "no peak-exempt list on {day}: ANEEL's list applies from {since}",
            code="no_peak_exempt_list",
            on=day,
            what=PEAK_EXEMPT_HOLIDAYS.name,
            day=day.isoformat(),
            since=PEAK_EXEMPT_HOLIDAYS.starts_on.isoformat(),
        )


# --------------------------------------------------------------------------------------------
# Seasonal periods (REN 414 only)
# --------------------------------------------------------------------------------------------


class SeasonalPeriod(enum.Enum):
    """Seasonal period (período seco / úmido) of REN 414/2010, art. 2º (study note)."""

    DRY = "seco"
    WET = "úmido"


def seasonal_period(day: date) -> SeasonalPeriod:
    """Seasonal period of a day under REN 414/2010: seco May–November, úmido December–April.

    The split only mattered for azul and verde energy tariffs, and only until each
    distributor's third periodic tariff review (3CRTP, 2011–2014; 1CRTP for permissionárias),
    after which energy tariffs were ponta / fora de ponta only. REN 1.000/2021 has no
    seco/úmido periods at all, so dates from 3 Jan 2022 raise.

    Raises:
        InvalidInputError: ``day`` is not a date.
        NotInForceError: ``day`` is outside REN 414/2010.

    Legal basis:
        - REN 414/2010, art. 2º (período úmido: 5 cycles, December to April; período seco:
          7 cycles, May to November), as quoted by the 2013 study note.

    Examples:
        >>> seasonal_period(date(2012, 4, 30)), seasonal_period(date(2012, 5, 1))
        (<SeasonalPeriod.WET: 'úmido'>, <SeasonalPeriod.DRY: 'seco'>)
        >>> seasonal_period(date(2022, 1, 3))
        Traceback (most recent call last):
        ...
        aneel_rules.errors.NotInForceError: REN 1.000/2021 has no seco/úmido periods ...
    """
    day = plain_date(day, path="day")
    # REN 1.000/2021 dropped the seco/úmido periods (no occurrence in the text)
    if norm_in_force(day) is not Norm.REN_414_2010:
        raise NotInForceError(
            "REN 1.000/2021 has no seco/úmido periods (asked for {on})",
            code="no_seasonal_periods",
            on=day,
            what="seasonal_period",
        )
    # REN 414, art. 2º: período seco, May to November
    if 5 <= day.month <= 11:
        return SeasonalPeriod.DRY
    # REN 414, art. 2º: período úmido, December to April
    return SeasonalPeriod.WET
