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


# --- the holidays themselves (python-holidays' Brazil, loaded without the other countries) ------


def _national(year: int, good_friday: date) -> dict[date, str]:
    """The fixed national holidays (Lei 662/1949, art. 1º, as amended by Lei 10.607/2002;
    12 Oct by Lei 6.802/1980) and Good Friday, as python-holidays lists them."""
    return {
        date(year, 1, 1): "Confraternização Universal",
        good_friday: "Sexta-feira Santa",
        date(year, 4, 21): "Tiradentes",
        date(year, 5, 1): "Dia do Trabalhador",
        date(year, 9, 7): "Independência do Brasil",
        date(year, 10, 12): "Nossa Senhora Aparecida",
        date(year, 11, 2): "Finados",
        date(year, 11, 15): "Proclamação da República",
        date(year, 12, 25): "Natal",
    }


def test_national_holidays_by_year() -> None:
    assert NATIONAL.holidays_in(2023) == _national(2023, date(2023, 4, 7))
    # Lei 14.759/2023: 20 November is a national holiday from 2024 on
    assert NATIONAL.holidays_in(2024) == {
        **_national(2024, date(2024, 3, 29)),
        date(2024, 11, 20): "Dia Nacional de Zumbi e da Consciência Negra",
    }


def test_state_and_municipal_holidays() -> None:
    # Amazonas: 5 Sep (elevação à província) and, before Lei 14.759/2023, 20 Nov as a state day
    assert AM.holidays_in(2023) == {
        **_national(2023, date(2023, 4, 7)),
        date(2023, 9, 5): "Elevação do Amazonas à categoria de província",
        date(2023, 11, 20): "Consciência Negra",
    }
    # São Paulo: 9 Jul (Revolução Constitucionalista); a municipal day given by the caller
    sao_paulo = BusinessCalendar(subdiv="SP", extra_holidays=[date(2025, 1, 25)])
    assert sao_paulo.holidays_in(2025) == {
        **_national(2025, date(2025, 4, 18)),
        date(2025, 1, 25): "feriado informado",
        date(2025, 7, 9): "Revolução Constitucionalista",
        date(2025, 11, 20): "Dia Nacional de Zumbi e da Consciência Negra",
    }


_SAME_AS_HOLIDAYS = """
import sys
from aneel_rules.calendars import BusinessCalendar, _subdivisions

years = (1990, 2000, 2012, 2022, 2023, 2024, 2025, 2026, 2030, 2050)
cases = [(s, o) for s in (None, *sorted(_subdivisions())) for o in (False, True)]
ours = {(s, o, y): BusinessCalendar(subdiv=s, optional=o).holidays_in(y)
        for s, o in cases for y in years}
assert "holidays.countries" not in sys.modules, "every country was imported"

import holidays  # the public API, every country imported the ordinary way

for (s, o, y), found in ours.items():
    categories = ("public", "optional") if o else ("public",)
    table = holidays.country_holidays(
        "BR", years=y, subdiv=s, categories=categories, language="pt_BR"
    )
    assert found == dict(sorted(table.items())), (s, o, y)
print(len(ours))
"""


def test_same_holidays_as_the_public_api_of_python_holidays() -> None:
    """Every state, with and without the optional days, over 60 years: the Brazil class loaded
    alone gives what ``holidays.country_holidays("BR")`` gives."""
    out = subprocess.run(
        [sys.executable, "-c", _SAME_AS_HOLIDAYS], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == str(10 * 28 * 2)


def test_brazil_class_falls_back_to_the_ordinary_import(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.machinery  # noqa: PLC0415

    from holidays.countries.brazil import Brazil  # noqa: PLC0415

    from aneel_rules import calendars  # noqa: PLC0415

    calendars._brazil.cache_clear()
    try:
        # holidays.countries already imported (just above): the ordinary import
        assert calendars._brazil() is Brazil
        calendars._brazil.cache_clear()
        # not found as a source file: the ordinary import
        monkeypatch.delitem(sys.modules, "holidays.countries")
        monkeypatch.setattr(importlib.machinery.PathFinder, "find_spec", lambda *_: None)
        assert calendars._load_brazil_alone() is None
        monkeypatch.undo()
        # found: a class of the same file, that gives the same days
        monkeypatch.delitem(sys.modules, "holidays.countries")
        alone = calendars._load_brazil_alone()
        assert alone is not None
        assert alone.__file__ == sys.modules["holidays.countries.brazil"].__file__
        assert alone.Brazil(years=2026).keys() == Brazil(years=2026).keys()
    finally:
        calendars._brazil.cache_clear()
