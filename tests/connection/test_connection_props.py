"""Invariants of the connection rules and of art. 656 counting."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import AneelRulesError, InvalidInputError, LegalRef
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.connection import (
    CountingStart,
    Deadline,
    DeadlineUnit,
    ReconnectionStart,
    SecondaryVoltage,
    Service,
    SupplyOption,
    Transformer,
    VoltageLevel,
    connection_budget_deadline,
    count_business_days,
    count_calendar_days,
    deadline_due,
    may_require_debt_payment,
    primary_metering_required,
    reconnection_due,
    supply_voltage,
)
from aneel_rules.tariffs import Group

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
    assert [b.article for b in decision.basis if isinstance(b, LegalRef)] == ["346"]


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


KW = st.decimals(min_value=0, max_value=Decimal(6000), places=2)


@given(KW, KW, KW, st.booleans(), st.booleans(), DATES)
def test_supply_voltage_invariants(  # noqa: PLR0917 (one argument per fact of art. 23)
    load: Decimal,
    generation: Decimal,
    demand: Decimal,
    underground: bool,
    collective: bool,
    on: date,
) -> None:
    d = supply_voltage(
        load_kw=load,
        generation_kw=generation,
        demand_kw=demand,
        underground=underground,
        collective_installation=collective,
        on=on,
    )
    assert [b.article for b in d.basis if isinstance(b, LegalRef)] == ["23"]
    # Art. 23, I, "d": above 2,500 kW of demand, always group A at 69 kV or more.
    if demand > 2500:
        assert (d.group, d.voltage) == (Group.A, VoltageLevel.FROM_69_KV)
    # Art. 23, I, "a": overhead, load and generation up to 75 kW → group B.
    elif not underground and max(load, generation) <= 75:
        assert d.group is Group.B
    # Group B is always below 2.3 kV; group A never is.
    assert (d.group is Group.B) is (d.voltage is VoltageLevel.BELOW_2_3_KV)
    assert d.options[-1] is SupplyOption.DIFFERENT_VOLTAGE
    assert len(d.options) == len(d.option_bases)
    assert all(ref.article == "23" for ref in d.option_bases)


@given(
    st.one_of(KW, st.text(max_size=6), st.floats(), st.none()),
    st.one_of(KW, st.text(max_size=6), st.integers(min_value=-5, max_value=10)),
    st.one_of(st.none(), KW, st.text(max_size=6)),
    st.one_of(st.booleans(), st.integers(0, 1), st.text(max_size=3)),
    st.one_of(st.dates(), st.text(max_size=10)),
)
def test_supply_voltage_fuzz_only_library_errors(
    load: object, generation: object, demand: object, underground: object, on: object
) -> None:
    with contextlib.suppress(AneelRulesError):
        supply_voltage(
            load_kw=load,  # type: ignore[arg-type]
            generation_kw=generation,  # type: ignore[arg-type]
            demand_kw=demand,  # type: ignore[arg-type]
            underground=underground,  # type: ignore[arg-type]
            on=on,  # type: ignore[arg-type]
        )


HOURLY = [d for d in Deadline if d.rule.unit is DeadlineUnit.HOURS]
MOMENTS = st.datetimes(
    min_value=datetime(2022, 1, 3),  # noqa: DTZ001 (hypothesis wants naive bounds)
    max_value=datetime(2030, 12, 31),  # noqa: DTZ001
    timezones=st.just(ZoneInfo("America/Manaus")),
)


@given(MOMENTS, st.sampled_from(HOURLY))
def test_reconnection_runs_its_hours_after_the_start(at: datetime, deadline: Deadline) -> None:
    literal = reconnection_due(at, deadline)
    same_day = reconnection_due(at, deadline, early_request=ReconnectionStart.SAME_DAY_8H)
    hours = timedelta(hours=deadline.rule.amount)
    assert literal.astimezone(UTC) - at.astimezone(UTC) >= hours
    # The purposive reading never starts later than the literal one.
    assert same_day <= literal
    start = literal - hours
    if deadline is not Deadline.RECONNECTION_UNDUE_SUSPENSION and start != at:
        # Art. 362, § 2º, I: a deferred clock starts at 8 h of a business day.
        assert (start.hour, start.minute, start.second) == (8, 0, 0)
        assert NATIONAL.is_business_day(start.date())


@given(st.sampled_from(Deadline), st.dates(min_value=date(2010, 9, 15)))
def test_deadline_due_only_library_errors(deadline: Deadline, on: date) -> None:
    with contextlib.suppress(AneelRulesError):
        decision = deadline_due(deadline, on)
        assert decision.due > on
