"""A year given as a numpy integer is the year it holds (the input policy, ``_convert``).

Expected values from REN 1.000/2021, art. 2º, XXXVIII, "a" (wording by REN 1.101/2024): in
2026 the listed days that fall on a weekday are 1 Jan, Carnival Tuesday (17 Feb), Good Friday
(3 Apr), 21 Apr, 1 May, Corpus Christi (4 Jun), 7 Sep, 12 Oct, 2 Nov, 20 Nov and 25 Dec.
"""

from __future__ import annotations

from datetime import date

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.tariffs import peak_exempt_days

np = pytest.importorskip("numpy")

WEEKDAYS_2026 = {
    date(2026, 1, 1),
    date(2026, 2, 17),
    date(2026, 4, 3),
    date(2026, 4, 21),
    date(2026, 5, 1),
    date(2026, 6, 4),
    date(2026, 9, 7),
    date(2026, 10, 12),
    date(2026, 11, 2),
    date(2026, 11, 20),
    date(2026, 12, 25),
}


@pytest.mark.parametrize("year", [np.int64(2026), np.int32(2026), np.uint16(2026)])
def test_numpy_integer_year(year: object) -> None:
    days = peak_exempt_days(year)  # type: ignore[arg-type]
    assert {d for d in days if d.weekday() < 5} == WEEKDAYS_2026
    assert days == peak_exempt_days(2026)


@pytest.mark.parametrize("year", [np.bool_(True), np.float64(2026.0), np.int64(9999)])
def test_numpy_non_years_refused(year: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        peak_exempt_days(year)  # type: ignore[arg-type]
    assert info.value.codes == ("invalid_year",)


def test_business_calendar_numpy_year() -> None:
    # Lei 10.607/2002 and Lei 14.759/2023: ten national holidays in 2026 (Good Friday included)
    assert BusinessCalendar().holidays_in(np.int64(2026)) == BusinessCalendar().holidays_in(2026)
