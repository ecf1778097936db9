from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import InvalidInputError, NotInForceError, Period, Timeline, ren414, ren1000
from aneel_rules.legal import Norm
from tests.conftest import library_modules

WINDOW = Timeline(
    name="window",
    unit="cycles",
    label_pt="janela",
    periods=(
        Period(since=date(2010, 9, 15), value=36, basis=ren414(113, item="II")),
        Period(since=date(2022, 1, 3), value=60, basis=ren1000(323, item="II")),
        Period(
            since=date(2024, 7, 8),
            value=None,
            basis=ren1000(323, item="II", amended_by=Norm.DSP_2006_2024),
        ),
    ),
    last_verified_on=date(2026, 11, 23),
)


def test_value_on_boundaries() -> None:
    assert WINDOW.value_on(date(2022, 1, 2)) == 36
    assert WINDOW.value_on(date(2022, 1, 3)) == 60
    assert WINDOW.value_on(date(2024, 7, 7)) == 60
    with pytest.raises(NotInForceError):
        WINDOW.value_on(date(2024, 7, 8))
    with pytest.raises(NotInForceError):
        WINDOW.value_on(date(2010, 9, 14))


def test_until() -> None:
    assert WINDOW.until(WINDOW.periods[0]) == date(2022, 1, 2)
    assert WINDOW.until(WINDOW.periods[-1]) is None
    assert WINDOW.starts_on == date(2010, 9, 15)


def test_periods_must_increase() -> None:
    with pytest.raises(InvalidInputError) as info:
        Timeline(
            name="bad",
            unit="x",
            label_pt="x",
            periods=(WINDOW.periods[1], WINDOW.periods[0]),
            last_verified_on=date(2026, 1, 1),
        )
    assert info.value.codes == ("not_increasing",)
    with pytest.raises(InvalidInputError):
        Timeline(
            name="empty", unit="x", label_pt="x", periods=(), last_verified_on=date(2026, 1, 1)
        )


def test_period_on_rejects_non_date() -> None:
    with pytest.raises(InvalidInputError):
        WINDOW.period_on("2022-01-01")  # type: ignore[arg-type]


@given(st.dates(min_value=date(2010, 9, 15), max_value=date(2024, 7, 7)))
def test_value_is_piecewise_constant(on: date) -> None:
    period = WINDOW.period_on(on)
    assert period.since <= on
    until = WINDOW.until(period)
    assert until is None or on <= until
    assert WINDOW.value_on(on) == period.value


def _all_timelines() -> list[tuple[str, Timeline[object]]]:
    found = []
    for module in library_modules():
        for name, value in vars(module).items():
            if isinstance(value, Timeline):
                found.append((f"{module.__name__}.{name}", value))
    return found


@pytest.mark.parametrize(("name", "timeline"), _all_timelines() or [("none", WINDOW)])
def test_every_library_timeline_boundary_triple(name: str, timeline: Timeline[object]) -> None:
    """Day before / day of / day after every period start, for every public timeline."""
    assert timeline.last_verified_on >= timeline.starts_on, name
    previous: Period[object] | None = None
    for period in timeline.periods:
        assert str(period.basis), name
        before = period.since - timedelta(days=1)
        if previous is None:
            with pytest.raises(NotInForceError):
                timeline.value_on(before)
        else:
            assert timeline.period_on(before) is previous
        assert timeline.period_on(period.since) is period
        assert timeline.period_on(period.since + timedelta(days=1)) in (period, *timeline.periods)
        previous = period
