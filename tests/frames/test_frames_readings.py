"""frames.readings: row by row the answers of the billing-cycle scalar rules.

REN 1.000/2021, arts. 260–261 (intervals), 285–286 (billable consumption), 290–291
(availability charge); REN 414/2010, art. 84 (intervals before 3 Jan 2022).
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from aneel_rules import AneelRulesError, InvalidInputError  # noqa: E402
from aneel_rules.billing_cycle import (  # noqa: E402
    ReadingKind,
    SupplyType,
    availability_charge,
    billable_consumption,
    check_reading_interval,
)
from aneel_rules.errors import UnsupportedCaseError  # noqa: E402
from aneel_rules.frames import READING_COLUMNS, READING_REASONS, readings  # noqa: E402
from aneel_rules.frames._readings import error_code  # noqa: E402
from aneel_rules.tariffs import Group  # noqa: E402

# Boundaries of art. 260 (27–33 days; 15–47 for the exceptional cases) and one more each side.
BOUNDARY_DAYS = (14, 15, 26, 27, 28, 29, 30, 31, 33, 34, 46, 47, 48)
SWITCH = date(2022, 1, 3)  # REN 1.000/2021 in force (art. 679)
CURRENT = st.one_of(
    st.dates(min_value=date(2021, 11, 1), max_value=date(2022, 2, 28)),  # both regimes
    st.dates(min_value=date(2025, 6, 20), max_value=date(2025, 7, 20)),  # art. 291, III change
    st.dates(min_value=date(2010, 9, 15), max_value=date(2030, 12, 31)),
)
ROW = st.fixed_dictionaries(
    {
        "current": CURRENT,
        "days": st.one_of(st.sampled_from(BOUNDARY_DAYS), st.integers(-3, 70)),
        "measured_kwh": st.one_of(
            st.sampled_from([0.0, 79.9, 80.0, 80.1, 100.0, 360.0, -1.0, math.nan]),
            st.floats(min_value=0, max_value=1e6, allow_nan=False),
        ),
        "group": st.sampled_from(["A", "B", "B", Group.B, "C"]),
        "kind": st.sampled_from([*ReadingKind, ReadingKind.REGULAR.value]),
        "supply": st.sampled_from([*SupplyType, "monofásico", "hexafásico"]),
        "low_income": st.booleans(),
    }
)


def _frame(rows: list[dict[str, Any]]) -> Any:
    return pd.DataFrame(
        {
            "previous": [r["current"] - timedelta(days=r["days"]) for r in rows],
            "current": [r["current"] for r in rows],
            "measured_kwh": [r["measured_kwh"] for r in rows],
            "group": [r["group"] for r in rows],
            "kind": [r["kind"] for r in rows],
            "supply": [r["supply"] for r in rows],
            "low_income": [r["low_income"] for r in rows],
        }
    )


def _enum(cls: Any, value: object) -> Any:
    for member in cls:
        if value in (member, member.value):
            return member
    return value


def _expected(row: Any) -> dict[str, object]:
    """The scalar rules' answers for one row, with the finding the columnar face promises."""
    out: dict[str, object] = dict.fromkeys(READING_COLUMNS)
    out["basis"] = out["availability_basis"] = out["reason"] = ""
    kind, group = _enum(ReadingKind, row["kind"]), _enum(Group, row["group"])
    measured = Decimal(repr(float(row["measured_kwh"])))
    try:
        check = check_reading_interval(row["previous"], row["current"], kind=kind, group=group)
    except AneelRulesError as error:
        out["finding"] = error_code(error)
        out["reason"] = _reason(error)
        out["basis"] = "; ".join(str(b) for b in error.basis)  # a refusal names its provision
        _availability(out, row, group, measured)
        return out
    out.update(
        days=check.days,
        minimum_days=check.minimum,
        maximum_days=check.maximum,
        interval_ok=check.ok,
    )
    try:
        billable = billable_consumption(
            measured, row["previous"], row["current"], kind=kind, group=group
        )
    except AneelRulesError as error:
        out["finding"] = error_code(error)
        out["reason"] = _reason(error)
        # a regulatory gap names the provision that leaves it
        out["basis"] = "; ".join(str(b) for b in error.basis)
    else:
        out.update(
            billable_kwh=billable.kwh,
            prorated=billable.prorated,
            availability_applies=billable.availability_charge_applies,
            basis="; ".join(str(b) for b in billable.basis),
            finding="ok"
            if check.ok
            else "short_interval"
            if check.days < check.minimum
            else "long_interval",
        )
    _availability(out, row, group, measured)
    return out


def _availability(out: dict[str, object], row: Any, group: Any, measured: Decimal) -> None:
    """Group B rows: the availability charge, independent of the interval's own findings."""
    if group is not Group.B or not isinstance(row["current"], date):
        return
    try:
        charge = availability_charge(
            _enum(SupplyType, row["supply"]),
            on=row["current"],
            low_income=bool(row["low_income"]),
            measured_kwh=measured,
        )
    except AneelRulesError as error:
        if out["finding"] in {"ok", "short_interval", "long_interval"}:
            out["finding"] = error_code(error)
            out["reason"] = _reason(error)
    else:
        out["availability_kwh"] = charge.kwh
        out["availability_basis"] = "; ".join(str(b) for b in charge.basis)


def _reason(error: AneelRulesError) -> str:
    """The reason code whose text is the case the scalar rule says it does not model."""
    if not isinstance(error, UnsupportedCaseError):
        return ""
    what = dict(error.params)["what"]
    (code,) = (code for code, text in READING_REASONS.items() if text == what)
    return code


def _same(got: object, expected: object) -> bool:
    if expected is None:
        return bool(pd.isna(got))
    if isinstance(expected, Decimal):
        return math.isclose(float(got), float(expected), rel_tol=1e-12, abs_tol=1e-9)  # type: ignore[arg-type]
    return bool(got == expected)


def _check(frame: Any) -> None:
    out = readings(frame)
    assert tuple(out.columns) == READING_COLUMNS
    assert out.index.equals(frame.index)
    for i in range(len(frame)):
        expected = _expected(frame.iloc[i])
        for column in READING_COLUMNS:
            got = out[column].iloc[i]
            assert _same(got, expected[column]), (i, column, got, expected[column])


@settings(max_examples=25)
@given(st.lists(ROW, min_size=1, max_size=30))
def test_rows_agree_with_the_scalar_rules(rows: list[dict[str, Any]]) -> None:
    _check(_frame(rows))


def test_boundaries_both_regimes() -> None:
    # 26/27/33/34 (art. 260, caput) and 14/15/47/48 (§ 1º) days, the day before and the day
    # REN 1.000/2021 came into force, group A and B, regular and first billing
    rows = [
        {
            "current": current,
            "days": days,
            "measured_kwh": kwh,
            "group": group,
            "kind": kind,
            "supply": SupplyType.THREE_PHASE,
            "low_income": True,
        }
        for days in BOUNDARY_DAYS
        for current in (date(2022, 1, 2), SWITCH, date(2025, 7, 4), date(2025, 7, 5))
        for kind in (ReadingKind.REGULAR, ReadingKind.FIRST_BILLING)
        for group in ("A", "B")
        for kwh in (80.0, 81.0)
    ]
    _check(_frame(rows))


@pytest.mark.parametrize(
    ("days", "finding", "billable"),
    [
        # REN 1.000/2021, art. 285, I: fewer than 27 days → measured, no availability charge
        pytest.param(26, "short_interval", 300.0, id="REN1000-art285-I-26"),
        pytest.param(27, "ok", 300.0, id="REN1000-art260-27"),
        pytest.param(33, "ok", 300.0, id="REN1000-art260-33"),
        # art. 285, II: more than 33 days → prorated to 33
        pytest.param(34, "long_interval", 300.0 * 33 / 34, id="REN1000-art285-II-34"),
    ],
)
def test_group_b_regular_values(days: int, finding: str, billable: float) -> None:
    current = date(2026, 3, 10)
    frame = pd.DataFrame(
        {
            "previous": [current - timedelta(days=days)],
            "current": [current],
            "measured_kwh": [300],
        }
    )
    out = readings(frame)
    assert out.loc[0, "finding"] == finding
    assert out.loc[0, "billable_kwh"] == pytest.approx(billable)
    assert out.loc[0, "availability_applies"] == (days >= 27)
    assert pd.isna(out.loc[0, "availability_kwh"])


def test_ren414_interval_and_billing() -> None:
    # REN 414/2010, art. 84: 27–33 days; art. 98, § 1º inside them; art. 88, § 1º, I (REN
    # 479/2012) beyond 33 days: 340 kWh in 34 days → 330 kWh
    frame = pd.DataFrame(
        {
            "previous": [date(2021, 12, 1), date(2021, 11, 29)],
            "current": [date(2022, 1, 2), date(2022, 1, 2)],
            "measured_kwh": [90, 340],
        }
    )
    out = readings(frame)
    assert list(out["days"]) == [32, 34]
    assert list(out["interval_ok"]) == [True, False]
    assert list(out["finding"]) == ["ok", "long_interval"]
    assert out.loc[0, "basis"] == "REN 414/2010, art. 84; REN 414/2010, art. 98, § 1º"
    assert str(out.loc[1, "basis"]).startswith("REN 414/2010, art. 88, § 1º, I")
    assert list(out["billable_kwh"]) == [90.0, 330.0]


def test_column_kinds_and_mapping() -> None:
    stamps = pd.to_datetime(["2026-01-05", "2026-02-10", "NaT"])
    frame = pd.DataFrame(
        {
            "anterior": [stamps[0], stamps[0], stamps[0]],
            "atual": [stamps[1], stamps[1] + pd.Timedelta(hours=3), stamps[2]],
            "kwh": np.array([360, 360, 360], dtype=np.int32),
            "tipo": ["monofásico"] * 3,
        }
    )
    out = readings(
        frame,
        columns={
            "previous": "anterior",
            "current": "atual",
            "measured_kwh": "kwh",
            "supply": "tipo",
        },
    )
    assert out["finding"].tolist() == ["long_interval", "not_a_date", "not_a_date"]
    assert out.loc[0, "availability_kwh"] == 30
    mapping = {c: frame[c].to_numpy() for c in frame.columns}
    again = readings(
        mapping, columns={"previous": "anterior", "current": "atual", "measured_kwh": "kwh"}
    )
    assert again["finding"].tolist() == out["finding"].tolist()


def test_datetimes_are_not_reading_dates() -> None:
    frame = pd.DataFrame(
        {
            "previous": [datetime(2026, 1, 5), date(2026, 1, 5)],  # noqa: DTZ001
            "current": [date(2026, 2, 10), date(2026, 2, 10)],
            "measured_kwh": [1.5, 2.5],
        }
    )
    assert readings(frame)["finding"].tolist() == ["not_a_date", "long_interval"]


def test_empty_frame() -> None:
    frame = pd.DataFrame({"previous": [], "current": [], "measured_kwh": [], "supply": []})
    frame = frame.astype({"previous": "datetime64[s]", "current": "datetime64[s]"})
    out = readings(frame)
    assert len(out) == 0
    assert tuple(out.columns) == READING_COLUMNS


@pytest.mark.parametrize(
    ("frame", "columns", "code"),
    [
        pytest.param("not a frame", None, "not_a_frame", id="str"),
        pytest.param({"previous": [1]}, None, "missing_column", id="missing"),
        pytest.param(
            {"previous": [1], "current": [1], "measured_kwh": [1]}, None, "not_dates", id="ints"
        ),
        pytest.param(
            {
                "previous": [date(2026, 1, 1)],
                "current": [date(2026, 2, 1)],
                "measured_kwh": ["10"],
            },
            None,
            "not_numbers",
            id="text-kwh",
        ),
        pytest.param(
            {
                "previous": [date(2026, 1, 1)],
                "current": [date(2026, 2, 1)],
                "measured_kwh": [True],
            },
            None,
            "not_numbers",
            id="bool-kwh",
        ),
        pytest.param(
            {
                "previous": [date(2026, 1, 1)],
                "current": [date(2026, 2, 1), date(2026, 2, 2)],
                "measured_kwh": [1],
            },
            None,
            "length_mismatch",
            id="lengths",
        ),
        pytest.param(
            {
                "previous": [date(2026, 1, 1)],
                "current": [date(2026, 2, 1)],
                "measured_kwh": [1],
                "supply": ["monofásico"],
                "low_income": ["yes"],
            },
            None,
            "not_bools",
            id="low-income-text",
        ),
        pytest.param(
            {"previous": [date(2026, 1, 1)], "current": [date(2026, 2, 1)], "kwh": [1]},
            {"energy": "kwh"},
            "unknown_column_role",
            id="unknown-role",
        ),
        pytest.param(
            {"previous": [date(2026, 1, 1)], "current": [date(2026, 2, 1)], "kwh": [1]},
            {"measured_kwh": "kwh", "group": "grupo"},
            "missing_column",
            id="mapped-missing",
        ),
    ],
)
def test_bad_frames(frame: object, columns: dict[str, str] | None, code: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        readings(frame, columns=columns)
    assert caught.value.codes == (code,)


def test_error_code_fallbacks() -> None:
    assert error_code(AneelRulesError("x")) == "error"


def test_unanswered_rows_name_the_missing_provision() -> None:
    """REN 414/2010 cases the project could not verify are refused, naming which one.

    A route change (REN 414/2010, art. 84: only the caput's 27–33 days and the first
    billing's 15–47 days were found) and a group A reading after a change of connection
    voltage (REN 1.000/2021, art. 261, parágrafo único, III has no REN 414 counterpart found);
    a group A exceptional interval beyond 47 days is a gap of REN 1.000/2021, art. 261.
    """
    frame = pd.DataFrame(
        {
            "previous": [date(2021, 1, 5), date(2021, 1, 5), date(2026, 1, 5), date(2026, 1, 5)],
            "current": [date(2021, 2, 14), date(2021, 2, 14), date(2026, 4, 4), date(2026, 2, 4)],
            "measured_kwh": [250, 250, 250, 250],
            "group": ["B", "A", "A", "B"],
            "kind": [
                ReadingKind.ROUTE_CHANGE,
                ReadingKind.VOLTAGE_CHANGE,
                ReadingKind.VOLTAGE_CHANGE,
                ReadingKind.REGULAR,
            ],
        }
    )
    out = readings(frame)
    assert out["finding"].tolist() == [
        "unverified_ren414",
        "unverified_ren414",
        "group_a_exception_outside",
        "ok",
    ]
    assert out["reason"].tolist() == ["route_change", "group_a_exception", "", ""]
    assert READING_REASONS["route_change"].startswith("the reading interval after a route change")
    # the refusals name the REN 414/2010 provision they need; the gap, the one leaving it
    assert out["basis"].tolist()[:3] == [
        "REN 414/2010, art. 84",
        "REN 414/2010, art. 84",
        "REN 1.000/2021, art. 261, parágrafo único, III",
    ]


@settings(max_examples=10)
@given(st.lists(ROW, min_size=2, max_size=30), st.integers(1, 29))
def test_answers_remembered_across_calls_are_the_same(rows: list[dict[str, Any]], cut: int) -> None:
    """The answers kept from earlier calls (chunks, partitions) equal fresh ones, row by row."""
    from aneel_rules.frames import _readings  # noqa: PLC0415

    frame = _frame(rows)
    whole = readings(frame)
    _readings._INTERVAL_ANSWERS.clear()
    _readings._AVAILABILITY_ANSWERS.clear()
    fresh = readings(frame)
    pd.testing.assert_frame_equal(whole, fresh)
    parts = [readings(frame.iloc[:cut]), readings(frame.iloc[cut:])]
    pd.testing.assert_frame_equal(
        pd.concat(parts).astype(whole.dtypes.to_dict()), whole, check_categorical=False
    )


def test_a_full_memory_of_answers_is_emptied(monkeypatch: pytest.MonkeyPatch) -> None:
    from aneel_rules.frames import _readings  # noqa: PLC0415

    monkeypatch.setattr(_readings, "_MAX_ANSWERS", 2)
    frame = _frame(
        [
            {
                "current": date(2026, 2, 10),
                "days": days,
                "measured_kwh": 100.0,
                "group": "B",
                "kind": ReadingKind.REGULAR,
                "supply": SupplyType.SINGLE_PHASE,
                "low_income": False,
            }
            for days in (26, 27, 33, 34)
        ]
    )
    out = readings(frame)
    assert out["finding"].tolist() == ["short_interval", "ok", "ok", "long_interval"]
    assert len(_readings._INTERVAL_ANSWERS) <= 4
    _check(frame)
