"""Invariants of the connection rules and of art. 656 counting."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import AneelRulesError, InvalidInputError
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.connection import (
    CountingStart,
    SecondaryVoltage,
    Service,
    Transformer,
    connection_budget_deadline,
    count_business_days,
    count_calendar_days,
    may_require_debt_payment,
    primary_metering_required,
)

NATIONAL = BusinessCalendar()
DATES = st.dates(min_value=date(2022, 1, 3), max_value=date(2030, 12, 31))
DAYS = st.integers(min_value=1, max_value=400)
TRANSFORMERS = st.builds(
    Transformer,
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal(5000), places=1),
    st.sampled_from(SecondaryVoltage),
)


@given(DATES, DAYS, st.sampled_from(CountingStart))
def test_calendar_count_lands_on_business_day_at_or_after_plain_sum(
    notice: date, days: int, start: CountingStart
) -> None:
    due = count_calendar_days(notice, days, start=start)
    assert NATIONAL.is_business_day(due)
    assert due >= notice + timedelta(days=days)
    # Start and end may each move past a long weekend; never by more than a few days each.
    assert due <= notice + timedelta(days=days + 12)


@given(DATES, DAYS)
def test_readings_agree_when_notice_and_next_day_are_business_days(notice: date, days: int) -> None:
    a = count_calendar_days(notice, days)
    b = count_calendar_days(notice, days, start=CountingStart.NOTICE_DAY)
    if NATIONAL.is_business_day(notice) and NATIONAL.is_business_day(notice + timedelta(days=1)):
        assert a == b
    assert abs((a - b).days) <= 7


@given(DATES, st.integers(min_value=1, max_value=60))
def test_business_count_counts_exactly(notice: date, days: int) -> None:
    due = count_business_days(notice, days)
    counted = sum(
        NATIONAL.is_business_day(notice + timedelta(days=i))
        for i in range(1, (due - notice).days + 1)
    )
    assert counted == days
    assert NATIONAL.is_business_day(due)


@given(DATES, DATES, DAYS)
def test_counting_is_monotonic(a: date, b: date, days: int) -> None:
    early, late = sorted((a, b))
    assert count_calendar_days(early, days) <= count_calendar_days(late, days)
    assert count_business_days(early, min(days, 60)) <= count_business_days(late, min(days, 60))


@given(DATES, st.decimals(min_value=Decimal("0.1"), max_value=Decimal(500), places=2))
def test_works_never_shorten_the_budget_deadline(on: date, kv: Decimal) -> None:
    without = connection_budget_deadline(on, voltage_kv=kv, works_needed=False)
    with_works = connection_budget_deadline(on, voltage_kv=kv, works_needed=True)
    assert without <= with_works


@given(st.lists(TRANSFORMERS, min_size=1, max_size=5))
def test_metering_reasons_explain_the_decision(transformers: list[Transformer]) -> None:
    decision = primary_metering_required(transformers)
    assert decision.required is bool(decision.reasons)
    assert len(set(decision.reasons)) == len(decision.reasons)
    if len(transformers) > 1:
        assert decision.required


@given(st.lists(TRANSFORMERS, min_size=1, max_size=4), TRANSFORMERS)
def test_adding_a_transformer_always_requires_mt(
    transformers: list[Transformer], extra: Transformer
) -> None:
    assert primary_metering_required([*transformers, extra]).required


@given(st.sampled_from(Service), st.booleans(), st.booleans(), st.booleans())
def test_debt_invariants(service: Service, own: bool, same: bool, succession: bool) -> None:
    decision = may_require_debt_payment(
        service,
        debt_holder_is_requester=own,
        debt_at_same_installation=same,
        business_succession=succession,
    )
    never = {
        Service.METER_INSPECTION,
        Service.SECOND_COPY,
        Service.MEASUREMENT_DATA,
        Service.ACCESS_IMPEDIMENT_REGULARISATION,
    }
    if service in never or (not own and not succession):
        assert not decision.allowed
    assert decision.basis.article == "346"


@given(
    st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(), st.booleans()),
    st.one_of(st.text(max_size=12), st.integers(), st.none()),
)
def test_transformer_fuzz_only_library_errors(power: object, voltage: object) -> None:
    try:
        Transformer(power, voltage)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        path = exc.errors[0].path
    else:
        path = "power_kva"
    assert path in {"power_kva", "secondary_voltage"}


@given(
    st.one_of(st.dates(), st.text(max_size=12)),
    st.one_of(st.text(max_size=8), st.floats(), st.integers(min_value=-5, max_value=1000)),
    st.booleans(),
)
def test_budget_fuzz_only_library_errors(on: object, kv: object, works: bool) -> None:
    with contextlib.suppress(AneelRulesError):
        connection_budget_deadline(on, voltage_kv=kv, works_needed=works)  # type: ignore[arg-type]
