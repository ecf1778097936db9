"""Regulated deadlines: art. 64 (budget), art. 91 (vistoria), the table, art. 656 counting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.connection import (
    BudgetNotIssuedError,
    CountingStart,
    Deadline,
    DeadlineUnit,
    GenerationKind,
    ReconnectionStart,
    VoltageLevel,
    budget_requirement,
    connection_budget_deadline,
    connection_budget_deadline_decision,
    count_business_days,
    count_calendar_days,
    deadline_due,
    inspection_deadline,
    inspection_deadline_decision,
    reconnection_due,
)
from aneel_rules.legal import cite

WED = date(2026, 3, 4)  # a Wednesday with no holiday nearby
MANAUS = ZoneInfo("America/Manaus")


@pytest.mark.parametrize(
    ("kwargs", "days", "due", "article"),
    [
        pytest.param(
            {"voltage_kv": "13.8", "works_needed": False},
            15,
            date(2026, 3, 19),
            "REN 1.000/2021, art. 64, I",
            id="REN1000-art64-I-13.8kV-no-works",
        ),
        pytest.param(
            {"voltage_kv": "0.22", "works_needed": False},
            15,
            date(2026, 3, 19),
            "REN 1.000/2021, art. 64, I",
            id="REN1000-art64-I-low-voltage-not-new-connection",
        ),
        pytest.param(
            {"voltage_kv": "13.8", "works_needed": False, "generation": GenerationKind.MICRO},
            15,
            date(2026, 3, 19),
            "REN 1.000/2021, art. 64, I",
            id="REN1000-art64-I-microgeneration",
        ),
        pytest.param(
            {"voltage_kv": "13.8", "works_needed": True},
            30,
            date(2026, 4, 6),
            "REN 1.000/2021, art. 64, II",
            id="REN1000-art64-II-day30-good-friday-moves-to-monday",
        ),
        pytest.param(
            {"voltage_kv": "68.9", "works_needed": True, "generation": "micro"},
            30,
            date(2026, 4, 6),
            "REN 1.000/2021, art. 64, II",
            id="REN1000-art64-II-68.9kV",
        ),
        pytest.param(
            {"voltage_kv": 69, "works_needed": False},
            45,
            date(2026, 4, 20),
            "REN 1.000/2021, art. 64, III",
            id="REN1000-art64-III-69kV-day45-saturday",
        ),
        pytest.param(
            {"voltage_kv": "13.8", "works_needed": False, "generation": "minigeração distribuída"},
            45,
            date(2026, 4, 20),
            "REN 1.000/2021, art. 64, III",
            id="REN1000-art64-III-minigeneration",
        ),
        pytest.param(
            {"voltage_kv": "0.38", "works_needed": False, "generation": "GENERATING_PLANT"},
            45,
            date(2026, 4, 20),
            "REN 1.000/2021, art. 64, III",
            id="REN1000-art64-III-generating-plant",
        ),
    ],
)
def test_connection_budget_deadline(
    kwargs: dict[str, object], days: int, due: date, article: str
) -> None:
    decision = connection_budget_deadline_decision(WED, **kwargs)  # type: ignore[arg-type]
    assert decision.amount == days
    assert decision.unit is DeadlineUnit.CALENDAR_DAYS
    assert decision.due == due
    assert str(decision.basis[0]) == article
    assert "REN 1.000/2021, art. 656, § 2º" in [str(b) for b in decision.basis]
    assert connection_budget_deadline(WED, **kwargs) == due  # type: ignore[arg-type]


def test_art64_p1_no_budget_for_simple_new_connection() -> None:
    requirement = budget_requirement(voltage_kv="0.22", works_needed=False)
    assert requirement.required is False
    assert requirement.next_step is Deadline.INSPECTION_BELOW_2_3_KV
    assert cite(requirement.basis) == "REN 1.000/2021, art. 64, § 1º"
    with pytest.raises(BudgetNotIssuedError) as info:
        connection_budget_deadline_decision(
            WED, voltage_kv="0.22", works_needed=False, new_connection=True
        )
    assert cite(info.value.basis) == "REN 1.000/2021, art. 64, § 1º"


@pytest.mark.parametrize(
    ("kwargs", "next_step"),
    [
        pytest.param(
            {"voltage_kv": "0.22", "works_needed": True},
            Deadline.CONNECTION_BUDGET_WITH_WORKS,
            id="REN1000-art64-p1-not-with-works",
        ),
        pytest.param(
            {"voltage_kv": "2.3", "works_needed": False},
            Deadline.CONNECTION_BUDGET_NO_WORKS,
            id="REN1000-art64-p1-not-at-2.3kV",
        ),
        pytest.param(
            {"voltage_kv": "2.29", "works_needed": False},
            Deadline.INSPECTION_BELOW_2_3_KV,
            id="REN1000-art64-p1-2.29kV",
        ),
        pytest.param(
            {"voltage_kv": "0.22", "works_needed": False, "generation": "micro"},
            Deadline.CONNECTION_BUDGET_NO_WORKS,
            id="REN1000-art64-p1-not-with-microgeneration",
        ),
        pytest.param(
            {"voltage_kv": "0.22", "works_needed": False, "new_connection": False},
            Deadline.CONNECTION_BUDGET_NO_WORKS,
            id="REN1000-art64-p1-not-for-load-increase",
        ),
    ],
)
def test_budget_requirement_cases(kwargs: dict[str, object], next_step: Deadline) -> None:
    requirement = budget_requirement(**kwargs)  # type: ignore[arg-type]
    assert requirement.next_step is next_step
    assert requirement.required is (next_step is not Deadline.INSPECTION_BELOW_2_3_KV)
    assert requirement.basis in (
        next_step.rule.basis,
        *([] if requirement.required else [requirement.basis]),
    )


@pytest.mark.parametrize(
    ("voltage", "days", "due", "item"),
    [
        pytest.param("0.22", 5, date(2026, 3, 11), "I", id="REN1000-art91-I-220V"),
        pytest.param("2.29", 5, date(2026, 3, 11), "I", id="REN1000-art91-I-2.29kV"),
        pytest.param("2.3", 10, date(2026, 3, 18), "II", id="REN1000-art91-II-2.3kV"),
        pytest.param(13.8, 10, date(2026, 3, 18), "II", id="REN1000-art91-II-13.8kV"),
        pytest.param("68.99", 10, date(2026, 3, 18), "II", id="REN1000-art91-II-68.99kV"),
        pytest.param(69, 15, date(2026, 3, 25), "III", id="REN1000-art91-III-69kV"),
        pytest.param("138", 15, date(2026, 3, 25), "III", id="REN1000-art91-III-138kV"),
    ],
)
def test_inspection_deadline(voltage: object, days: int, due: date, item: str) -> None:
    decision = inspection_deadline_decision(WED, voltage_kv=voltage)  # type: ignore[arg-type]
    assert (decision.amount, decision.unit, decision.due) == (days, DeadlineUnit.BUSINESS_DAYS, due)
    assert [str(b) for b in decision.basis] == [
        f"REN 1.000/2021, art. 91, {item}",
        "REN 1.000/2021, art. 91, parágrafo único",
    ]
    assert inspection_deadline(WED, voltage_kv=voltage) == due  # type: ignore[arg-type]


def test_inspection_skips_holidays_and_state_holidays() -> None:
    # Friday before Tiradentes: Mon 20, (Tue 21 holiday), Wed 22, Thu 23, Fri 24, Mon 27.
    assert inspection_deadline(date(2026, 4, 17), voltage_kv="0.22") == date(2026, 4, 27)
    # 5 Sep is a state holiday in Amazonas only.
    assert inspection_deadline(date(2025, 9, 4), voltage_kv="0.22") == date(2025, 9, 11)
    am = BusinessCalendar(subdiv="AM")
    assert inspection_deadline(date(2025, 9, 4), voltage_kv="0.22", calendar=am) == date(
        2025, 9, 12
    )
    manaus = BusinessCalendar(subdiv="AM", extra_holidays=[date(2025, 10, 24)])
    assert inspection_deadline(date(2025, 10, 23), voltage_kv="0.22", calendar=manaus) == date(
        2025, 10, 31
    )


@pytest.mark.parametrize(
    ("notice", "start", "due"),
    [
        pytest.param(
            date(2026, 3, 4),
            CountingStart.FIRST_DAY_COUNTED,
            date(2026, 3, 19),
            id="REN1000-art656-p2-weekday",
        ),
        pytest.param(
            date(2026, 3, 4),
            CountingStart.NOTICE_DAY,
            date(2026, 3, 19),
            id="REN1000-art656-p2-weekday-notice-reading",
        ),
        pytest.param(
            date(2026, 3, 6),
            CountingStart.FIRST_DAY_COUNTED,
            date(2026, 3, 23),
            id="REN1000-art656-p3-friday-first-day-saturday",
        ),
        pytest.param(
            date(2026, 3, 7),
            CountingStart.FIRST_DAY_COUNTED,
            date(2026, 3, 23),
            id="REN1000-art656-p3-saturday-notice",
        ),
        pytest.param(
            date(2026, 3, 7),
            CountingStart.NOTICE_DAY,
            date(2026, 3, 24),
            id="REN1000-art656-p3-saturday-notice-reading",
        ),
        pytest.param(
            date(2026, 4, 20),
            CountingStart.FIRST_DAY_COUNTED,
            date(2026, 5, 6),
            id="REN1000-art656-p3-first-day-holiday",
        ),
    ],
)
def test_art656_calendar_day_counting(notice: date, start: CountingStart, due: date) -> None:
    assert count_calendar_days(notice, 15, start=start) == due


def test_art656_end_on_weekend_or_holiday_moves() -> None:
    assert count_calendar_days(date(2026, 3, 6), 1) == date(2026, 3, 9)
    assert count_calendar_days(date(2026, 3, 5), 1) == date(2026, 3, 6)
    assert count_calendar_days(date(2026, 3, 4), 30) == date(2026, 4, 6)
    assert count_business_days(date(2026, 3, 6), 1) == date(2026, 3, 9)


@pytest.mark.parametrize(
    ("deadline", "amount", "unit", "article"),
    [
        (Deadline.ESTIMATED_BUDGET, 30, DeadlineUnit.CALENDAR_DAYS, "art. 56"),
        (Deadline.BUDGET_REQUEST_CHECK, 5, DeadlineUnit.BUSINESS_DAYS, "art. 71"),
        (Deadline.PROJECT_ANALYSIS, 30, DeadlineUnit.CALENDAR_DAYS, "art. 51, I"),
        (Deadline.PROJECT_REANALYSIS_NO_REASONS, 10, DeadlineUnit.BUSINESS_DAYS, "art. 51, II"),
        (Deadline.STUDIES_DELIVERY, 10, DeadlineUnit.BUSINESS_DAYS, "art. 78"),
        (Deadline.FREE_BUDGET_APPROVAL, 10, DeadlineUnit.BUSINESS_DAYS, "art. 83, I"),
        (Deadline.CONTRACTS_DELIVERY, 5, DeadlineUnit.BUSINESS_DAYS, "art. 84"),
        (Deadline.CONTRACTS_RETURN, 30, DeadlineUnit.CALENDAR_DAYS, "art. 85"),
        (Deadline.WORKS_OVERHEAD_BELOW_2_3_KV, 60, DeadlineUnit.CALENDAR_DAYS, "art. 88, I"),
        (Deadline.WORKS_OVERHEAD_UP_TO_1_KM, 120, DeadlineUnit.CALENDAR_DAYS, "art. 88, II"),
        (Deadline.WORKS_OTHER_BELOW_69_KV, 365, DeadlineUnit.CALENDAR_DAYS, "art. 88, III"),
        (Deadline.FAST_TRACK_CONNECTION, 45, DeadlineUnit.CALENDAR_DAYS, "art. 90"),
        (Deadline.FREE_ENTRANCE_STANDARD, 10, DeadlineUnit.BUSINESS_DAYS, "art. 49, § 4º"),
        (Deadline.INSPECTION_REPORT, 3, DeadlineUnit.BUSINESS_DAYS, "art. 94"),
        (Deadline.REGISTRATION_CHANGE, 5, DeadlineUnit.BUSINESS_DAYS, "art. 6º"),
        (Deadline.REGISTRATION_CHANGE_WITH_VISIT, 10, DeadlineUnit.BUSINESS_DAYS, "art. 6º"),
        (Deadline.CHANGE_OF_HOLDER_URBAN, 3, DeadlineUnit.BUSINESS_DAYS, "art. 138, § 4º"),
        (Deadline.CHANGE_OF_HOLDER_RURAL, 5, DeadlineUnit.BUSINESS_DAYS, "art. 138, § 4º"),
        (Deadline.WHITE_TARIFF_ENROLMENT, 30, DeadlineUnit.CALENDAR_DAYS, "art. 222, I"),
        (Deadline.WHITE_TARIFF_EXIT, 30, DeadlineUnit.CALENDAR_DAYS, "art. 223"),
        (Deadline.METER_INSPECTION, 30, DeadlineUnit.CALENDAR_DAYS, "art. 250"),
        (Deadline.RECONNECTION_UNDUE_SUSPENSION, 4, DeadlineUnit.HOURS, "art. 362, I"),
        (Deadline.RECONNECTION_URGENT_URBAN, 4, DeadlineUnit.HOURS, "art. 362, II"),
        (Deadline.RECONNECTION_URGENT_RURAL, 8, DeadlineUnit.HOURS, "art. 362, III"),
        (Deadline.RECONNECTION_NORMAL_URBAN, 24, DeadlineUnit.HOURS, "art. 362, IV"),
        (Deadline.RECONNECTION_NORMAL_RURAL, 48, DeadlineUnit.HOURS, "art. 362, V"),
        (Deadline.COMPLAINT_NO_VISIT, 5, DeadlineUnit.BUSINESS_DAYS, "art. 408, I"),
        (Deadline.COMPLAINT_WITH_VISIT, 10, DeadlineUnit.BUSINESS_DAYS, "art. 408, II"),
        (Deadline.OTHER_REQUEST, 30, DeadlineUnit.CALENDAR_DAYS, "art. 409"),
    ],
    ids=lambda v: v.name if isinstance(v, Deadline) else None,
)
def test_deadline_table(deadline: Deadline, amount: int, unit: DeadlineUnit, article: str) -> None:
    rule = deadline.rule
    assert (rule.amount, rule.unit) == (amount, unit)
    assert cite(rule.basis) == f"REN 1.000/2021, {article}"


def test_every_deadline_has_a_rule() -> None:
    for deadline in Deadline:
        assert deadline.rule.amount > 0


def test_deadline_due_generic() -> None:
    assert deadline_due(Deadline.INSPECTION_REPORT, WED).due == date(2026, 3, 9)
    assert deadline_due(Deadline.WORKS_OVERHEAD_BELOW_2_3_KV, WED).due == date(2026, 5, 4)
    with pytest.raises(UnsupportedCaseError):
        deadline_due(Deadline.RECONNECTION_NORMAL_URBAN, WED)
    with pytest.raises(InvalidInputError) as info:
        deadline_due("vistoria", WED)  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_deadline",)


@pytest.mark.parametrize(
    ("on", "error"),
    [
        pytest.param(date(2022, 1, 2), UnsupportedCaseError, id="REN414-day-before-REN1000"),
        pytest.param(date(2015, 6, 1), UnsupportedCaseError, id="REN414-2015"),
        pytest.param(date(2010, 9, 14), NotInForceError, id="before-REN414"),
    ],
)
def test_ren414_dates_are_not_silently_ren1000(on: date, error: type[Exception]) -> None:
    with pytest.raises(error):
        connection_budget_deadline(on, voltage_kv="13.8", works_needed=False)
    with pytest.raises(error):
        inspection_deadline(on, voltage_kv="0.22")


def test_ren1000_first_day_and_day_after() -> None:
    assert connection_budget_deadline(
        date(2022, 1, 3), voltage_kv="13.8", works_needed=False
    ) == date(2022, 1, 18)
    assert inspection_deadline(date(2022, 1, 3), voltage_kv="0.22") == date(2022, 1, 10)
    assert inspection_deadline(date(2022, 1, 4), voltage_kv="0.22") == date(2022, 1, 11)


@pytest.mark.parametrize(
    ("at", "deadline", "due"),
    [
        pytest.param(
            datetime(2026, 3, 7, 22, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_UNDUE_SUSPENSION,
            datetime(2026, 3, 8, 2, 0, tzinfo=MANAUS),
            id="REN1000-art362-p1-I-any-time",
        ),
        pytest.param(
            datetime(2026, 3, 4, 10, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_URGENT_URBAN,
            datetime(2026, 3, 4, 14, 0, tzinfo=MANAUS),
            id="REN1000-art362-II-10h",
        ),
        pytest.param(
            datetime(2026, 3, 4, 8, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_URGENT_RURAL,
            datetime(2026, 3, 4, 16, 0, tzinfo=MANAUS),
            id="REN1000-art362-III-8h",
        ),
        pytest.param(
            datetime(2026, 3, 4, 7, 59, tzinfo=MANAUS),
            Deadline.RECONNECTION_URGENT_URBAN,
            datetime(2026, 3, 5, 12, 0, tzinfo=MANAUS),
            id="REN1000-art362-p2-I-7h59-next-business-day",
        ),
        pytest.param(
            datetime(2026, 3, 4, 18, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_NORMAL_URBAN,
            datetime(2026, 3, 5, 18, 0, tzinfo=MANAUS),
            id="REN1000-art362-IV-18h",
        ),
        pytest.param(
            datetime(2026, 3, 4, 18, 1, tzinfo=MANAUS),
            Deadline.RECONNECTION_NORMAL_URBAN,
            datetime(2026, 3, 6, 8, 0, tzinfo=MANAUS),
            id="REN1000-art362-IV-18h01",
        ),
        pytest.param(
            datetime(2026, 3, 6, 19, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_NORMAL_RURAL,
            datetime(2026, 3, 11, 8, 0, tzinfo=MANAUS),
            id="REN1000-art362-V-friday",
        ),
        pytest.param(
            datetime(2026, 4, 20, 20, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_NORMAL_URBAN,
            datetime(2026, 4, 23, 8, 0, tzinfo=MANAUS),
            id="REN1000-art362-over-holiday",
        ),
    ],
)
def test_reconnection_due(at: datetime, deadline: Deadline, due: datetime) -> None:
    assert reconnection_due(at, deadline) == due


def test_reconnection_bad_input() -> None:
    with pytest.raises(InvalidInputError) as info:
        reconnection_due(datetime(2026, 3, 4, 10, 0), Deadline.RECONNECTION_NORMAL_URBAN)  # noqa: DTZ001
    assert info.value.codes == ("not_an_aware_datetime",)
    with pytest.raises(InvalidInputError) as info:
        reconnection_due(datetime(2026, 3, 4, 10, 0, tzinfo=MANAUS), Deadline.METER_INSPECTION)
    assert info.value.codes == ("not_a_reconnection_deadline",)
    with pytest.raises(UnsupportedCaseError):
        reconnection_due(
            datetime(2021, 3, 4, 10, 0, tzinfo=MANAUS), Deadline.RECONNECTION_NORMAL_URBAN
        )


@pytest.mark.parametrize(
    ("call", "path", "code"),
    [
        (lambda: inspection_deadline(WED, voltage_kv=0), "voltage_kv", "not_positive"),
        (lambda: inspection_deadline(WED, voltage_kv="x"), "voltage_kv", "not_a_number"),
        (lambda: inspection_deadline("2026-13-01", voltage_kv="1"), "on", "not_a_date"),  # type: ignore[arg-type]
        (
            lambda: inspection_deadline(WED, voltage_kv="1", calendar="AM"),  # type: ignore[arg-type]
            "calendar",
            "not_a_calendar",
        ),
        (
            lambda: connection_budget_deadline(WED, voltage_kv="1", works_needed="no"),  # type: ignore[arg-type]
            "works_needed",
            "not_a_bool",
        ),
        (
            lambda: connection_budget_deadline(
                WED, voltage_kv="1", works_needed=False, generation="solar"
            ),
            "generation",
            "unknown_generation",
        ),
        (lambda: count_calendar_days(WED, 0), "days", "invalid_days"),
        (lambda: count_calendar_days(WED, 5, start="x"), "start", "invalid_start"),  # type: ignore[arg-type]
        (lambda: count_business_days(WED, True), "days", "invalid_days"),
    ],
)
def test_bad_input(call: object, path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()  # type: ignore[operator]
    assert info.value.errors[0].path == path
    assert info.value.codes == (code,)


def test_iso_string_dates_are_accepted() -> None:
    assert inspection_deadline("2026-03-04", voltage_kv="0.22") == date(2026, 3, 11)  # type: ignore[arg-type]
    assert VoltageLevel.of("2.3") is VoltageLevel.FROM_2_3_TO_69_KV
    assert count_calendar_days(WED, 1) == WED + timedelta(days=1)


# Art. 362, § 2º, I: "... se estas ocorrerem em dias úteis, das 8 horas às 18 horas, e, em
# caso contrário, a partir das 8 horas da manhã do dia útil subsequente".
@pytest.mark.parametrize(
    ("at", "reading", "due"),
    [
        pytest.param(
            datetime(2026, 3, 3, 6, 0, tzinfo=MANAUS),
            ReconnectionStart.NEXT_BUSINESS_DAY,
            datetime(2026, 3, 4, 12, 0, tzinfo=MANAUS),
            id="REN1000-art362-p2-I-before-8h-literal",
        ),
        pytest.param(
            datetime(2026, 3, 3, 6, 0, tzinfo=MANAUS),
            ReconnectionStart.SAME_DAY_8H,
            datetime(2026, 3, 3, 12, 0, tzinfo=MANAUS),
            id="REN1000-art362-p2-I-before-8h-same-day",
        ),
        pytest.param(
            datetime(2026, 3, 7, 6, 0, tzinfo=MANAUS),
            ReconnectionStart.SAME_DAY_8H,
            datetime(2026, 3, 9, 12, 0, tzinfo=MANAUS),
            id="REN1000-art362-p2-I-saturday-both-readings-agree",
        ),
        pytest.param(
            datetime(2026, 3, 3, 19, 0, tzinfo=MANAUS),
            ReconnectionStart.SAME_DAY_8H,
            datetime(2026, 3, 4, 12, 0, tzinfo=MANAUS),
            id="REN1000-art362-p2-I-after-18h-next-day",
        ),
    ],
)
def test_reconnection_early_request_readings(
    at: datetime, reading: ReconnectionStart, due: datetime
) -> None:
    assert reconnection_due(at, Deadline.RECONNECTION_URGENT_URBAN, early_request=reading) == due


def test_reconnection_hours_are_elapsed_time_across_dst() -> None:
    # Art. 362, caput: "contados de forma contínua". 2026-11-01 02:00 is a DST change in
    # New York (a zone with DST; Brazil has none): 4 elapsed hours, not 4 wall-clock hours.
    new_york = ZoneInfo("America/New_York")
    at = datetime(2026, 10, 31, 23, 0, tzinfo=new_york)  # Saturday: undue suspension runs
    due = reconnection_due(at, Deadline.RECONNECTION_UNDUE_SUSPENSION)
    assert due.astimezone(UTC) - at.astimezone(UTC) == timedelta(hours=4)
    assert due.utcoffset() == timedelta(hours=-5)
    assert (due.hour, due.minute) == (2, 0)


def test_reconnection_bad_early_request() -> None:
    with pytest.raises(InvalidInputError) as info:
        reconnection_due(
            datetime(2026, 3, 4, 10, 0, tzinfo=MANAUS),
            Deadline.RECONNECTION_NORMAL_URBAN,
            early_request="same day",  # type: ignore[arg-type]
        )
    assert info.value.codes == ("invalid_early_request",)


def test_connection_budget_deadline_new_connection_flag() -> None:
    # Art. 64, § 1º: a new connection below 2.3 kV with only a service drop gets no budget.
    with pytest.raises(BudgetNotIssuedError):
        connection_budget_deadline(WED, voltage_kv="0.22", works_needed=False, new_connection=True)
    # Art. 64, I: any other request of that kind gets a budget in 15 days.
    assert connection_budget_deadline(WED, voltage_kv="0.22", works_needed=False) == date(
        2026, 3, 19
    )


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: count_calendar_days(date(9999, 12, 20), 30), id="calendar-days"),
        pytest.param(lambda: count_calendar_days(date(2026, 3, 4), 10**9), id="huge-days"),
        pytest.param(
            lambda: deadline_due(Deadline.OTHER_REQUEST, date(9999, 12, 25)), id="deadline-due"
        ),
    ],
)
def test_counts_past_year_9999_are_invalid_input(call: object) -> None:
    assert callable(call)
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.codes == ("out_of_range",)
