"""Business-day calendars built on ``holidays`` (national by default; state and extra days)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.calendars import BusinessCalendar

NATIONAL = BusinessCalendar()
AM = BusinessCalendar(subdiv="AM")


@pytest.mark.parametrize(
    ("calendar", "day", "business"),
    [
        pytest.param(NATIONAL, date(2026, 3, 4), True, id="wednesday"),
        pytest.param(NATIONAL, date(2026, 3, 7), False, id="saturday"),
        pytest.param(NATIONAL, date(2026, 3, 8), False, id="sunday"),
        pytest.param(NATIONAL, date(2026, 4, 21), False, id="tiradentes"),
        pytest.param(NATIONAL, date(2026, 4, 3), False, id="good-friday"),
        pytest.param(NATIONAL, date(2026, 2, 17), True, id="carnival-tuesday-not-national"),
        pytest.param(
            BusinessCalendar(optional=True), date(2026, 2, 17), False, id="carnival-optional"
        ),
        pytest.param(NATIONAL, date(2024, 11, 20), False, id="Lei14759-20nov-national-2024"),
        pytest.param(NATIONAL, date(2023, 11, 20), True, id="Lei14759-20nov-not-yet-2023"),
        pytest.param(NATIONAL, date(2025, 9, 5), True, id="AM-holiday-not-national"),
        pytest.param(AM, date(2025, 9, 5), False, id="AM-elevation-day"),
        pytest.param(
            BusinessCalendar(extra_holidays=[date(2025, 10, 24)]),
            date(2025, 10, 24),
            False,
            id="municipal-extra-day",
        ),
        pytest.param(
            BusinessCalendar(extra_holidays=["2025-10-24"]),
            date(2025, 10, 24),
            False,
            id="municipal-extra-day-iso",
        ),
    ],
)
def test_is_business_day(calendar: BusinessCalendar, day: date, business: bool) -> None:
    assert calendar.is_business_day(day) is business


def test_add_business_days_and_roll_forward() -> None:
    assert NATIONAL.add_business_days(date(2026, 4, 17), 5) == date(2026, 4, 27)
    assert NATIONAL.add_business_days(date(2025, 9, 4), 5) == date(2025, 9, 11)
    assert AM.add_business_days(date(2025, 9, 4), 5) == date(2025, 9, 12)
    assert NATIONAL.roll_forward(date(2026, 3, 4)) == date(2026, 3, 4)
    assert NATIONAL.roll_forward(date(2026, 4, 18)) == date(2026, 4, 20)
    assert NATIONAL.roll_forward(date(2026, 4, 19)) == date(2026, 4, 20)


def test_holiday_names_and_extra_days() -> None:
    extra = BusinessCalendar(subdiv="am", extra_holidays=[date(2025, 10, 24), date(2024, 1, 2)])
    assert extra.subdiv == "AM"
    days = extra.holidays_in(2025)
    assert days[date(2025, 10, 24)] == "feriado informado"
    assert date(2024, 1, 2) not in days
    assert extra.holiday_name(date(2025, 9, 5)) == "Elevação do Amazonas à categoria de província"
    assert NATIONAL.holiday_name(date(2026, 3, 4)) is None
    assert len(NATIONAL.holidays_in(2026)) == 10


@pytest.mark.parametrize(
    ("kwargs", "path", "code"),
    [
        ({"subdiv": "XX"}, "subdiv", "unknown_subdivision"),
        ({"subdiv": 5}, "subdiv", "unknown_subdivision"),
        ({"extra_holidays": "2025-10-24"}, "extra_holidays", "not_a_date_list"),
        ({"extra_holidays": 5}, "extra_holidays", "not_a_date_list"),
        ({"extra_holidays": ["24/10/2025"]}, "extra_holidays.0", "not_a_date"),
        ({"optional": "yes"}, "optional", "not_a_bool"),
        ({"optional": 1}, "optional", "not_a_bool"),
    ],
)
def test_bad_calendar(kwargs: dict[str, object], path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        BusinessCalendar(**kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0].path == path
    assert info.value.codes == (code,)


@pytest.mark.parametrize(
    ("days", "code"),
    [(0, "invalid_days"), (True, "invalid_days"), (10_001, "invalid_days"), ("5", "invalid_days")],
)
def test_bad_days(days: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        NATIONAL.add_business_days(date(2026, 3, 4), days)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


@pytest.mark.parametrize("year", [0, 10_000, True, "2026"])
def test_bad_year(year: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        NATIONAL.holidays_in(year)  # type: ignore[arg-type]
    assert info.value.codes == ("invalid_year",)


def test_datetimes_are_refused() -> None:
    with pytest.raises(InvalidInputError) as info:
        NATIONAL.is_business_day(datetime(2026, 3, 4, 10, 0))  # noqa: DTZ001
    assert info.value.codes == ("not_a_date",)


def test_importing_calendars_does_not_import_holidays() -> None:
    code = (
        "import sys, aneel_rules.calendars, aneel_rules.connection;print('holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


@pytest.mark.parametrize(
    ("call", "path"),
    [
        pytest.param(
            lambda: NATIONAL.add_business_days(date(9999, 12, 30), 5), "start", id="add-days"
        ),
    ],
)
def test_end_of_calendar_is_invalid_input(call: object, path: str) -> None:
    assert callable(call)
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.codes == ("out_of_range",)
    assert info.value.errors[0].path == path
