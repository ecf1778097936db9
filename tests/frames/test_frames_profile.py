"""frames.load_profile: per unit × month × post, the quantities of measurements_from_profile.

REN 1.000/2021, art. 2º, XIII (15-minute demand), XXI (power factor); arts. 302–304 (reactive
excess, hourly, 0.92, the capacitive window); art. 261 / 282, I (calendar month).
"""

# Naive datetimes are the schedule's wall time, as in measurements_from_profile.
# ruff: noqa: DTZ001

from __future__ import annotations

import math
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from aneel_rules import InvalidInputError, NotInForceError  # noqa: E402
from aneel_rules.frames import PROFILE_COLUMNS, load_profile  # noqa: E402
from aneel_rules.invoice import CapacitiveWindow, measurements_from_profile  # noqa: E402
from aneel_rules.tariffs import (  # noqa: E402
    AMAZONAS_ENERGIA,
    PostSchedule,
    TariffModality,
    TariffPost,
)

BLUE, GREEN, WHITE = TariffModality.BLUE, TariffModality.GREEN, TariffModality.WHITE
CONVENTIONAL = TariffModality.CONVENTIONAL_BINOMIAL
MIDNIGHT = CapacitiveWindow(time(0, 0))
WINDOWS = st.sampled_from([time(23, 30), time(23, 45), time(0, 0), time(0, 15), time(0, 30)])
QUANTITY = st.integers(0, 400).map(lambda n: n / 4)
SIGNED = st.integers(-400, 400).map(lambda n: n / 4)
# mostly none: 15-minute factors below 0.92 in hours that are not, and hours that are
STEPS = st.integers(1, 9)
DENSE = st.sampled_from([1, 1, 1, 1, 1, 2, 5])  # mostly no gap: whole hours on every grid
AROUND_2026 = st.just(datetime(2026, 1, 31, 18))
SPARSE = st.one_of(st.just(0.0), st.just(0.0), st.integers(-80, 80).map(lambda n: n / 4))


@st.composite
def profiles(
    draw: st.DrawFn,
    around: st.SearchStrategy[datetime] = AROUND_2026,
    reactive: st.SearchStrategy[float] = SIGNED,
    steps_of: st.SearchStrategy[int] = STEPS,
) -> tuple[Any, dict[str, Any]]:
    """A small profile of one or two units around a month boundary, with gaps."""
    base = draw(around)
    rows: list[dict[str, Any]] = []
    for unit in range(draw(st.integers(1, 2))):
        start = base + timedelta(minutes=15 * draw(st.integers(-96, 96)))
        steps = draw(st.lists(steps_of, min_size=1, max_size=40))
        at = start
        for step in steps:
            at += timedelta(minutes=15 * step)
            rows.append(
                {
                    "unit": f"UC-{unit}",
                    "stamp": at,
                    "value": draw(QUANTITY),
                    "reactive": draw(reactive),
                }
            )
    options = {
        "modality": draw(st.sampled_from([BLUE, GREEN, WHITE, CONVENTIONAL])),
        "unit": draw(st.sampled_from(["kWh", "kW"])),
        "label": draw(st.sampled_from(["start", "end"])),
        "capacitive_window": CapacitiveWindow(draw(WINDOWS)),
    }
    frame = pd.DataFrame(rows)
    if draw(st.booleans()):  # units interleaved: rows of a unit stay in time order
        frame = frame.sort_values("stamp", kind="stable").reset_index(drop=True)
    return frame, options


def _month_of(at: datetime, label: str) -> datetime:
    start = at - timedelta(minutes=15) if label == "end" else at
    return datetime(start.year, start.month, 1)


def _close(a: object, b: object) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]


def _key(post: object) -> TariffPost | None:
    return None if pd.isna(post) else TariffPost(post)


@settings(max_examples=30)
@given(profiles())
def test_each_unit_month_agrees_with_the_scalar_face(case: tuple[Any, dict[str, Any]]) -> None:
    frame, options = case
    out = load_profile(frame, AMAZONAS_ENERGIA, **options)
    assert tuple(out.columns) == PROFILE_COLUMNS
    frame = frame.assign(month=[_month_of(at, options["label"]) for at in frame["stamp"]])
    assert len(out.groupby(["unit", "month"])) == len(frame.groupby(["unit", "month"]))
    for (unit, month), rows in frame.groupby(["unit", "month"]):
        m = measurements_from_profile(
            list(rows["stamp"].dt.to_pydatetime()),
            [Decimal(repr(v)) for v in rows["value"]],
            AMAZONAS_ENERGIA,
            reactive=[Decimal(repr(v)) for v in rows["reactive"]],
            **options,
        )
        got = out[(out["unit"] == unit) & (out["month"] == month)]
        posts = {_key(p): row for p, row in zip(got["post"], got.itertuples(), strict=True)}
        assert set(posts) == set(m.energy_kwh)
        for post, energy in m.energy_kwh.items():
            assert _close(posts[post].kwh, energy)
        assert _close(got["reactive_excess_kwh"].sum(), m.reactive_excess_kwh)
        if options["modality"] is BLUE:
            for post, demand in (m.demand_kw or {}).items():
                assert _close(posts[post].demand_kw, demand)
            for post, corrected in (m.reactive_demand_kw or {}).items():
                assert _close(posts[post].reactive_demand_kw, corrected)
        elif options["modality"] is GREEN:
            assert _close(got["demand_kw"].max(), (m.demand_kw or {})[None])
        if options["modality"] is not BLUE and m.reactive_demand_kw:
            assert _close(got["reactive_demand_kw"].max(), m.reactive_demand_kw[None])


def _frame(stamps: list[datetime], values: list[float], **extra: list[Any]) -> Any:
    return pd.DataFrame({"unit": "UC", "stamp": stamps, "value": values, **extra})


def test_demand_is_the_largest_15_minute_average() -> None:
    # art. 2º, XIII: 25 kWh in 15 minutes is 100 kW; ponta 20:00–23:00 at Amazonas Energia
    stamps = [datetime(2026, 3, 9, 19, 45), datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 20, 15)]
    out = load_profile(_frame(stamps, [10, 25, 20]), AMAZONAS_ENERGIA, modality=BLUE)
    by_post = out.set_index("post")
    assert by_post.loc["ponta", "demand_kw"] == 100
    assert by_post.loc["fora de ponta", "demand_kw"] == 40
    assert by_post.loc["ponta", "kwh"] == 45
    assert by_post["reactive_excess_kwh"].isna().all()
    # labelled by their end, the 20:00 interval is the last of fora de ponta
    ends = load_profile(_frame(stamps, [10, 25, 20]), AMAZONAS_ENERGIA, modality=BLUE, label="end")
    assert ends.set_index("post").loc["fora de ponta", "demand_kw"] == 100


def test_average_power_in_kw() -> None:
    stamps = [datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 20, 15)]
    out = load_profile(_frame(stamps, [100, 40]), AMAZONAS_ENERGIA, modality=GREEN, unit="kW")
    assert out["kwh"].tolist() == [35.0]
    assert out["demand_kw"].tolist() == [100.0]


@pytest.mark.parametrize(
    ("start", "reactive", "excess"),
    [
        # art. 304, § 1º, II: outside the window only inductive f < 0.92 counts
        pytest.param(time(12, 0), 30.0, 6.0, id="REN1000-art304-p1-II-inductive"),
        pytest.param(time(12, 0), -30.0, 0.0, id="REN1000-art304-p1-II-capacitive"),
        # § 1º, I: inside the 6-hour window only capacitive f < 0.92 counts
        pytest.param(time(2, 0), -30.0, 6.0, id="REN1000-art304-p1-I-capacitive"),
        pytest.param(time(2, 0), 30.0, 0.0, id="REN1000-art304-p1-I-inductive"),
        # f = 40 / sqrt(40² + 17²) ≈ 0.920 ≥ 0.92: nothing to charge
        pytest.param(time(12, 0), 17.0, 0.0, id="REN1000-art302-at-reference"),
    ],
)
def test_hourly_power_factor_and_excess(start: time, reactive: float, excess: float) -> None:
    day = datetime.combine(datetime(2026, 3, 10).date(), start)
    stamps = [day + timedelta(minutes=15 * i) for i in range(4)]
    frame = _frame(stamps, [10.0] * 4, reactive=[reactive / 4] * 4)
    out = load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE, capacitive_window=MIDNIGHT)
    # one hour: P = 40 kWh, |Q| = 30 kvarh, f = 0.8; excess = 0.92 × 50 − 40 = 6 kWh
    assert out["reactive_excess_kwh"].sum() == pytest.approx(excess)
    assert out["reactive_demand_kw"].max() == pytest.approx(40 + excess)


def test_months_split_a_unit() -> None:
    stamps = [datetime(2026, 1, 31, 23, 45), datetime(2026, 2, 1, 0, 0)]
    out = load_profile(_frame(stamps, [1, 2]), AMAZONAS_ENERGIA, modality=BLUE)
    assert out["month"].dt.month.tolist() == [1, 2]
    assert out["kwh"].tolist() == [1.0, 2.0]


def test_aware_stamps_and_column_mapping() -> None:
    utc = pd.date_range("2026-03-10 00:00", periods=4, freq="15min", tz="UTC")  # 20:00 Manaus
    frame = pd.DataFrame({"uc": 7, "quando": utc, "kwh": [1.0, 2.0, 3.0, 4.0]})
    out = load_profile(
        frame,
        AMAZONAS_ENERGIA,
        modality=BLUE,
        columns={"unit": "uc", "stamp": "quando", "value": "kwh"},
    )
    assert out["post"].tolist() == ["ponta"]
    assert out["unit"].tolist() == [7]


def test_conventional_has_no_post() -> None:
    stamps = [datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 20, 15)]
    out = load_profile(_frame(stamps, [1, 2]), AMAZONAS_ENERGIA, modality=CONVENTIONAL)
    assert out["post"].isna().all()
    assert out["kwh"].tolist() == [3.0]


def test_empty_profile() -> None:
    frame = pd.DataFrame(
        {
            "unit": pd.Series([], dtype=object),
            "stamp": pd.Series([], dtype="datetime64[s]"),
            "value": pd.Series([], dtype=float),
        }
    )
    out = load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    assert len(out) == 0
    assert tuple(out.columns) == PROFILE_COLUMNS


def test_many_units_over_many_months() -> None:
    # sparse unit × month combinations are numbered by hashing: same answers
    units = np.arange(3000)
    stamps = np.where(
        units % 2 == 0, np.datetime64("2026-03-09T20:00"), np.datetime64("2040-03-09T20:00")
    )
    frame = pd.DataFrame({"unit": units, "stamp": stamps, "value": 1.0})
    out = load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    assert len(out) == 3000
    assert set(out["month"].dt.year) == {2026, 2040}


@pytest.mark.parametrize(
    ("change", "code", "path"),
    [
        pytest.param(
            {"stamp": 1, "at": datetime(2026, 3, 9, 20, 5)}, "off_grid", "stamp.1", id="grid"
        ),
        pytest.param(
            {"stamp": 1, "at": datetime(2026, 3, 9, 20, 15, 1)}, "off_grid", "stamp.1", id="s"
        ),
        pytest.param(
            {"stamp": 2, "at": datetime(2026, 3, 9, 20)}, "not_increasing", "stamp.2", id="order"
        ),
        pytest.param({"value": 1, "to": -1.0}, "negative", "value.1", id="negative"),
        pytest.param({"value": 0, "to": math.nan}, "not_a_quantity", "value.0", id="nan"),
        pytest.param({"reactive": 2, "to": math.inf}, "not_a_quantity", "reactive.2", id="inf"),
        pytest.param({"unit": 1, "to": None}, "missing_unit", "unit.1", id="unit"),
    ],
)
def test_bad_rows_name_the_first(change: dict[str, Any], code: str, path: str) -> None:
    stamps = [datetime(2026, 3, 9, 20) + timedelta(minutes=15 * i) for i in range(3)]
    frame = _frame(stamps, [1.0, 2.0, 3.0], reactive=[0.0, 0.0, 0.0])
    column = next(iter(change))
    frame[column] = frame[column].astype(object) if column == "unit" else frame[column]
    frame.loc[change[column], column] = change.get("at", change.get("to"))
    with pytest.raises(InvalidInputError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE, capacitive_window=MIDNIGHT)
    (error,) = caught.value.errors
    assert (error.code, error.path) == (code, path)


def test_interleaved_units_order_is_checked_per_unit() -> None:
    frame = pd.DataFrame(
        {
            "unit": ["B", "A", "B", "A"],
            "stamp": pd.to_datetime(
                ["2026-03-09 20:00", "2026-03-09 20:00", "2026-03-09 20:15", "2026-03-09 19:45"]
            ),
            "value": 1.0,
        }
    )
    with pytest.raises(InvalidInputError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.errors[0].path == "stamp.3"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        pytest.param({"modality": "azul"}, "not_a_modality", id="modality"),
        pytest.param({"unit": "MWh"}, "invalid_choice", id="unit"),
        pytest.param({"label": "middle"}, "invalid_choice", id="label"),
        pytest.param({"capacitive_window": time(0, 0)}, "not_a_window", id="window-type"),
        pytest.param({"columns": {"energy": "value"}}, "unknown_column_role", id="role"),
        pytest.param({"columns": {"stamp": "quando"}}, "missing_column", id="missing"),
        pytest.param({"schedule": "amazonas"}, "not_a_schedule", id="schedule"),
        pytest.param(
            {"schedule": PostSchedule(time(17, 50), "America/Manaus")},
            "posts_off_grid",
            id="REN1000-art2-XIII-posts-off-grid",
        ),
    ],
)
def test_bad_options(kwargs: dict[str, Any], code: str) -> None:
    frame = _frame([datetime(2026, 3, 9, 20)], [1.0])
    options: dict[str, Any] = {"schedule": AMAZONAS_ENERGIA, "modality": BLUE, **kwargs}
    schedule = options.pop("schedule")
    with pytest.raises(InvalidInputError) as caught:
        load_profile(frame, schedule, **options)
    assert caught.value.codes == (code,)


def test_reactive_needs_the_window_and_frames_need_columns() -> None:
    frame = _frame([datetime(2026, 3, 9, 20)], [1.0], reactive=[0.5])
    with pytest.raises(InvalidInputError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.codes == ("window_required",)
    with pytest.raises(InvalidInputError) as caught:
        load_profile({"unit": [1]}, AMAZONAS_ENERGIA, modality=BLUE)  # type: ignore[arg-type]
    assert caught.value.codes == ("not_a_frame",)
    with pytest.raises(InvalidInputError) as caught:
        load_profile(
            frame.assign(value="1"), AMAZONAS_ENERGIA, modality=BLUE, capacitive_window=MIDNIGHT
        )
    assert caught.value.codes == ("not_numbers",)


def test_before_the_calendar() -> None:
    frame = _frame([datetime(2010, 9, 14, 20)], [1.0])
    with pytest.raises(NotInForceError, match=r"^index label 0: stamp "):
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)


# --- REN 414/2010 dates (before 2022-01-03): art. 96, § 1º not found, as the scalar face ------


def _hour_frame(start: datetime, reactive: float, *, unit: str = "UC-1") -> Any:
    # four 15-minute intervals of 25 kWh (P = 100 kWh in the hour) from ``start``
    return pd.DataFrame(
        {
            "unit": unit,
            "stamp": [start + timedelta(minutes=15 * i) for i in range(4)],
            "value": [25.0] * 4,
            "reactive": [reactive] * 4,
        }
    )


def _scalar(frame: Any) -> Any:
    return measurements_from_profile(
        list(frame["stamp"]),
        [str(v) for v in frame["value"]],
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        reactive=[str(q) for q in frame["reactive"]],
        capacitive_window=MIDNIGHT,
    )


@pytest.mark.parametrize("reactive", [7.0, -7.0, 0.0])
@pytest.mark.parametrize("day", [datetime(2022, 1, 2), datetime(2022, 1, 3)])
def test_ren414_power_factor_096_answered_as_the_scalar(reactive: float, day: datetime) -> None:
    # 7 kvarh per 25 kWh: f = 25 / sqrt(25² + 7²) = 25 / 25.96 ≈ 0.963 ≥ 0.92 (art. 95)
    frame = _hour_frame(day, reactive)
    result = load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    scalar = _scalar(frame)
    assert scalar.reactive_excess_kwh == 0
    assert result["reactive_excess_kwh"].sum() == 0.0
    # corrected demand of an hour not below 0.92 is its active demand: 100 kWh in one hour
    assert result["reactive_demand_kw"].max() == float(max(scalar.reactive_demand_kw.values()))
    assert result["reactive_demand_kw"].max() == 100.0


def test_ren414_power_factor_below_092_refused_as_the_scalar() -> None:
    from aneel_rules import UnsupportedCaseError, ren414  # noqa: PLC0415

    # f = 100 / sqrt(100² + 75²) = 0.8 < 0.92, on 2022-01-02 (REN 414/2010)
    low = _hour_frame(datetime(2022, 1, 2), -18.75, unit="UC-B")
    fine = _hour_frame(datetime(2022, 1, 2), 7.0, unit="UC-A")
    frame = pd.concat([low, fine], ignore_index=True)  # UC-B first: sorting keeps row numbers
    frame.loc[2, "reactive"] = 0.0  # rows 0, 1, 3 below 0.92; row 0 named
    frame = frame.iloc[[4, 5, 0, 6, 1, 2, 3, 7]].reset_index(drop=True)  # interleaved units
    with pytest.raises(UnsupportedCaseError) as scalar:
        _scalar(low)
    with pytest.raises(UnsupportedCaseError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    for error in (scalar.value, caught.value):
        assert error.code == "unverified_ren414"
        assert error.basis == (ren414(96, paragraph=1),)
        assert "art. 96, § 1º" in error.message_in("pt_BR")
    assert "(index label 2)" in str(caught.value)  # first offending row in the caller's order
    assert "(rótulo do índice 2)" in caught.value.message_in("pt_BR")
    assert "UC-B" not in str(caught.value)
    assert "UC-B" not in caught.value.message_in("pt_BR")


def test_same_low_profile_on_2022_01_03_answered_as_today() -> None:
    # REN 1.000/2021, art. 304: capacitive hour 00:00-01:00 in the window, 0.92 × 125 − 100 = 15
    frame = _hour_frame(datetime(2022, 1, 3), -18.75)
    result = load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    assert result["reactive_excess_kwh"].sum() == pytest.approx(15.0)
    assert result["reactive_demand_kw"].max() == pytest.approx(115.0)
    assert _scalar(frame).reactive_excess_kwh == 15


def test_ren414_without_reactive_column_answered() -> None:
    frame = _hour_frame(datetime(2022, 1, 2), -18.75).drop(columns="reactive")
    result = load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN)
    assert result["kwh"].sum() == 100.0
    assert result["reactive_excess_kwh"].isna().all()


def test_reactive_profile_before_ren414_not_in_force() -> None:
    frame = _hour_frame(datetime(2010, 9, 14), 7.0)
    with pytest.raises(NotInForceError):
        load_profile(frame, AMAZONAS_ENERGIA, modality=CONVENTIONAL, capacitive_window=MIDNIGHT)


def _low_unit_frame(unit: str, values: list[float], reactive: list[float]) -> Any:
    stamps = [datetime(2021, 12, 1, 8) + timedelta(minutes=15 * i) for i in range(len(values))]
    return pd.DataFrame({"unit": unit, "stamp": stamps, "value": values, "reactive": reactive})


def test_ren414_low_15_minutes_in_hours_at_092_answered_as_the_scalar() -> None:
    # interval 3: 25 kWh, 42.59 kvarh (f ≈ 0.51); every hour holding it, on the four grids,
    # P = 100, Q = 42.59: f = 100 / sqrt(100² + 42.59²) = 0.92003 ≥ 0.92 (art. 96: no excess)
    frame = _low_unit_frame("UC", [25.0] * 7, [0.0, 0.0, 0.0, 42.59, 0.0, 0.0, 0.0])
    result = load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    assert result["reactive_excess_kwh"].sum() == 0.0
    assert _scalar(frame).reactive_excess_kwh == 0


def test_ren414_refusal_names_the_first_low_row_in_a_low_hour() -> None:
    from aneel_rules import UnsupportedCaseError  # noqa: PLC0415

    # rows 0-6: row 3 below 0.92 alone, in no hour below it (as above); rows 7-10: 25 kWh and
    # 42.60 / 4 kvarh each, f = 0.91999 < 0.92 in every interval and every hour holding them
    frame = _low_unit_frame("UC", [25.0] * 11, [0.0, 0.0, 0.0, 42.59, 0.0, 0.0, 0.0] + [10.65] * 4)
    with pytest.raises(UnsupportedCaseError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    assert caught.value.code == "unverified_ren414"
    assert "(index label 7)" in str(caught.value)
    with pytest.raises(UnsupportedCaseError):
        _scalar(frame)


@settings(max_examples=60)
@given(
    profiles(
        around=st.sampled_from([datetime(2021, 11, 30, 18), datetime(2010, 11, 22, 18)]),
        reactive=SPARSE,
        steps_of=DENSE,
    )
)
def test_ren414_unit_months_refused_or_answered_as_the_scalar(
    case: tuple[Any, dict[str, Any]],
) -> None:
    # each unit-month: refused by both faces (an hour below 0.92 on some 15-minute grid, or,
    # before REN 418/2010, a 15-minute interval) or answered by both with the same excess
    from aneel_rules import UnsupportedCaseError  # noqa: PLC0415

    frame, options = case
    month = [_month_of(at, options["label"]) for at in frame["stamp"]]
    refused = False
    if options["modality"] is WHITE and frame["stamp"].min().year == 2010:
        return  # tarifa branca first offered in 2018 (NotInForce, not the case tested)
    for _, rows in frame.assign(month=month).groupby(["unit", "month"]):
        part = rows.drop(columns="month").reset_index(drop=True)
        try:
            m = measurements_from_profile(
                list(part["stamp"].dt.to_pydatetime()),
                [Decimal(repr(v)) for v in part["value"]],
                AMAZONAS_ENERGIA,
                reactive=[Decimal(repr(v)) for v in part["reactive"]],
                **options,
            )
        except UnsupportedCaseError:
            m = None
        try:
            out = load_profile(part, AMAZONAS_ENERGIA, **options)
        except UnsupportedCaseError:
            out = None
        assert (m is None) == (out is None)
        if m is not None and out is not None:
            assert _close(out["reactive_excess_kwh"].sum(), m.reactive_excess_kwh)
        refused |= m is None
    if refused:
        with pytest.raises(UnsupportedCaseError):
            load_profile(frame, AMAZONAS_ENERGIA, **options)
    else:
        load_profile(frame, AMAZONAS_ENERGIA, **options)
