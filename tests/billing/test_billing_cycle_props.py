"""Invariants of the billing-cycle rules (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import AneelRulesError
from aneel_rules.billing_cycle import (
    BillingError,
    Cause,
    Direction,
    average_consumption,
    billable_consumption,
    check_reading_interval,
    late_interest,
    overdue_collection,
    regularize_reading,
    round_for_invoice,
    settle_incorrect_billing,
)

KWH = st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False, allow_infinity=False)
MONEY = st.decimals(
    min_value=Decimal("0.01"), max_value=10**6, places=2, allow_nan=False, allow_infinity=False
)
REN1000_DAYS = st.dates(min_value=date(2022, 3, 1), max_value=date(2030, 12, 31))


@given(KWH, REN1000_DAYS, st.integers(min_value=1, max_value=120))
def test_prorated_consumption_never_exceeds_measured(
    measured: Decimal, start: date, days: int
) -> None:
    result = billable_consumption(measured, start, start + timedelta(days=days))
    assert isinstance(result.kwh, Decimal)
    assert result.kwh <= measured
    assert result.kwh == measured or result.prorated
    if days < 27:
        assert not result.availability_charge_applies


@given(REN1000_DAYS, st.integers(min_value=1, max_value=120))
def test_interval_ok_matches_limits(start: date, days: int) -> None:
    check = check_reading_interval(start, start + timedelta(days=days))
    assert check.days == days
    assert check.ok is (27 <= days <= 33)


@given(st.lists(KWH, min_size=1, max_size=30), st.integers(min_value=1, max_value=24))
def test_average_lies_between_min_and_max_of_window(history: list[Decimal], cycles: int) -> None:
    window = history[-cycles:]
    mean = average_consumption(history, cycles=cycles)
    assert isinstance(mean, Decimal)
    assert min(window) <= mean <= max(window)


@given(
    st.lists(st.tuples(st.integers(min_value=0, max_value=150), MONEY), max_size=40),
    st.sampled_from(Direction),
    st.sampled_from(
        [
            Cause.DISTRIBUTOR,
            Cause.CONSUMER,
            Cause.ACCESS_IMPEDIMENT,
            Cause.EMERGENCY,
            Cause.METER_DEFECT,
        ]
    ),
    st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=120),
)
def test_settlement_window_never_includes_cycles_after_found_on(
    raw: list[tuple[int, Decimal]],
    direction: Direction,
    cause: Cause,
    found_on: date,
    window: int,
) -> None:
    seen: set[int] = set()
    errors = []
    base = date(2016, 1, 1)
    for offset, amount in raw:
        if offset in seen:
            continue
        seen.add(offset)
        year, month = divmod(base.month - 1 + offset, 12)
        cycle = date(base.year + year, month + 1, 10)
        if cycle.replace(day=1) <= found_on:  # a later cycle is bad input (tested elsewhere)
            errors.append(BillingError(cycle, amount))
    try:
        s = settle_incorrect_billing(
            errors, direction=direction, cause=cause, found_on=found_on, window_cycles=window
        )
    except AneelRulesError:
        return  # REN 414 cases the library does not model
    found_month = found_on.replace(day=1)
    assert all(c <= found_month for c in s.cycles)
    if direction is Direction.UNDER:
        assert all(c < found_month for c in s.cycles)
    assert len(s.cycles) <= window
    assert len(s.cycles) + len(s.excluded) == len(errors)
    assert isinstance(s.principal, Decimal)
    assert isinstance(s.amount_due, Decimal)
    assert s.principal <= s.amount_due <= 2 * s.principal


@given(MONEY, REN1000_DAYS, st.integers(min_value=0, max_value=400))
def test_interest_is_linear_in_days(amount: Decimal, start: date, days: int) -> None:
    one = late_interest(amount, start, start + timedelta(days=days))
    two = late_interest(amount, start, start + timedelta(days=2 * days))
    assert abs(two - 2 * one) <= Decimal("1e-26") * (two + 1)  # up to last-digit rounding
    assert one >= 0


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False))
def test_invoice_rounding_is_within_half_a_cent(value: Decimal) -> None:
    rounded = round_for_invoice(value)
    assert rounded.as_tuple().exponent == -2
    assert abs(rounded - value) <= Decimal("0.005")


@given(
    KWH,
    st.lists(KWH, max_size=6),
    REN1000_DAYS,
    st.integers(min_value=1, max_value=400),
    st.integers(min_value=0, max_value=100),
)
def test_regularization_charges_at_most_90_days_of_the_difference(
    total: Decimal, billed: list[Decimal], start: date, days: int, availability: int
) -> None:
    r = regularize_reading(
        total,
        billed,
        last_reading=start,
        regularized_on=start + timedelta(days=days),
        availability_kwh=availability,
    )
    assert r.refund_kwh >= 0
    assert r.charge_kwh >= 0
    assert r.refund_kwh == 0 or r.charge_kwh == 0
    assert r.charged_days == (min(days, 90) if r.difference_kwh > 0 else 0)
    assert r.charge_kwh - max(r.difference_kwh, Decimal(0)) <= abs(r.difference_kwh) / 10**30
    if days <= 90:
        assert r.charge_kwh == max(r.difference_kwh, Decimal(0))


@given(
    st.dates(min_value=date(2017, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=3000),
)
def test_overdue_collection_is_monotonic(due: date, days: int) -> None:
    on = due + timedelta(days=days)
    if on < date(2022, 1, 3):
        return  # REN 414: not modelled
    decision = overdue_collection(due, on=on)
    assert decision.allowed is (on <= decision.last_day)
    assert 1825 <= (decision.last_day - due).days <= 1827  # 60 months = 5 years


@given(
    st.lists(st.tuples(st.integers(min_value=0, max_value=35), MONEY), max_size=36),
    st.sampled_from([Cause.DISTRIBUTOR, Cause.THIRD_PARTY, Cause.EMERGENCY]),
    st.dates(min_value=date(2024, 7, 8), max_value=date(2030, 12, 31)),
    st.integers(min_value=36, max_value=600),
)
def test_suspended_window_answer_is_that_of_every_plausible_window(
    raw: list[tuple[int, Decimal]], cause: Cause, found_on: date, window: int
) -> None:
    """REN 1.000/2021, art. 323, II suspended: within 36 cycles, any window ≥ 36 agrees."""
    by_month: dict[int, Decimal] = dict(raw)
    errors = []
    for back, amount in by_month.items():
        year, month = divmod(found_on.year * 12 + found_on.month - 1 - back, 12)
        errors.append(BillingError(date(year, month + 1, 1), amount))
    open_window = settle_incorrect_billing(
        errors, direction=Direction.OVER, cause=cause, found_on=found_on
    )
    chosen = settle_incorrect_billing(
        errors, direction=Direction.OVER, cause=cause, found_on=found_on, window_cycles=window
    )
    assert open_window.window_needed is False
    assert (open_window.lines, open_window.amount_due, open_window.refund_by) == (
        chosen.lines,
        chosen.amount_due,
        chosen.refund_by,
    )


@given(
    st.lists(st.tuples(st.integers(min_value=0, max_value=35), MONEY), max_size=36),
    st.dates(min_value=date(2019, 1, 4), max_value=date(2022, 1, 2)),
    st.integers(min_value=36, max_value=600),
)
def test_ren414_suspended_window_answer_is_that_of_every_plausible_window(
    raw: list[tuple[int, Decimal]], found_on: date, window: int
) -> None:
    """REN 414/2010, art. 113, II suspended (Despacho 18/2019): within 36 cycles all agree."""
    errors = []
    for back, amount in dict(raw).items():
        year, month = divmod(found_on.year * 12 + found_on.month - 1 - back, 12)
        errors.append(BillingError(date(year, month + 1, 1), amount))
    open_window = settle_incorrect_billing(
        errors, direction=Direction.OVER, cause=Cause.DISTRIBUTOR, found_on=found_on
    )
    chosen = settle_incorrect_billing(
        errors,
        direction=Direction.OVER,
        cause=Cause.DISTRIBUTOR,
        found_on=found_on,
        window_cycles=window,
    )
    assert open_window.window_needed is False
    assert (open_window.lines, open_window.amount_due, open_window.refund_by) == (
        chosen.lines,
        chosen.amount_due,
        chosen.refund_by,
    )
    # art. 113, § 2º (REN 479/2012): double, "salvo hipótese de engano justificável"
    assert open_window.amount_due == 2 * open_window.principal
