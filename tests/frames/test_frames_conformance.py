"""The columnar faces on the column types a user's frame really has, row by row as the scalars.

A conformance re-check of issue 10: the same register of readings handed to
:func:`aneel_rules.frames.readings` as dates, datetime64 (naive, tz-aware, Arrow), nullable and
Arrow numbers, nullable flags, categoricals, with optional columns left out or empty frames,
gives for every row the answer of the scalar rules of :mod:`aneel_rules.billing_cycle`
(REN 1.000/2021, arts. 260, 285–286, 291; REN 414/2010, arts. 84 and 98). The Dask face gives
what pandas gives; :func:`~aneel_rules.frames.load_profile` and
:func:`~aneel_rules.frames.post_codes` read Arrow-backed columns and refuse what the scalar
face refuses.
"""

# dask has no annotations
# mypy: disable-error-code="no-untyped-call"
# ruff: noqa: DTZ001 (naive stamps are the schedule's wall time)

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from aneel_rules import AneelRulesError, InvalidInputError  # noqa: E402
from aneel_rules.billing_cycle import (  # noqa: E402
    ReadingKind,
    SupplyType,
    availability_charge,
    billable_consumption,
    check_reading_interval,
)
from aneel_rules.frames import (  # noqa: E402
    POST_BY_CODE,
    PROFILE_COLUMNS,
    READING_COLUMNS,
    load_profile,
    post_codes,
    readings,
)
from aneel_rules.invoice import CapacitiveWindow, measurements_from_profile  # noqa: E402
from aneel_rules.tariffs import (  # noqa: E402
    AMAZONAS_ENERGIA,
    Group,
    TariffModality,
    tariff_post,
)

BLUE = TariffModality.BLUE
# art. 260 (27–33 days; 15–47 days for the exceptional cases) and one more each side
BOUNDARY_DAYS = (14, 15, 26, 27, 33, 34, 47, 48)
CURRENT = st.one_of(
    st.dates(min_value=date(2021, 12, 15), max_value=date(2022, 1, 20)),  # both regimes
    st.dates(min_value=date(2025, 6, 25), max_value=date(2025, 7, 10)),  # art. 291, III
    st.dates(min_value=date(2010, 9, 15), max_value=date(2030, 12, 31)),
)
ROW = st.fixed_dictionaries(
    {
        "current": CURRENT,
        "days": st.one_of(st.sampled_from(BOUNDARY_DAYS), st.integers(-2, 60)),
        "previous_missing": st.integers(0, 9).map(lambda n: n == 0),  # one row in ten
        "measured_kwh": st.one_of(
            st.sampled_from([0.0, 79.9, 80.0, 80.1, 100.0, 360.0, -1.0, math.nan, 1e15]),
            st.floats(min_value=0, max_value=1e6, allow_nan=False),
        ),
        "group": st.sampled_from(["A", "B", Group.B, "C", None]),
        "kind": st.sampled_from([*ReadingKind, ReadingKind.REGULAR.value, None]),
        "supply": st.sampled_from([*SupplyType, "monofásico", "hexafásico", None]),
        "low_income": st.sampled_from([True, False, None]),
    }
)
DATE_FORMS = ("date", "datetime64[s]", "datetime64[ns]", "tz", "arrow_date", "arrow_tz")
NUMBER_FORMS = ("float64", "Float64", "arrow")
FLAG_FORMS = ("bool", "boolean", "object")
ENUM_FORMS = ("object", "category")


def _dates(values: list[date | None], form: str) -> Any:
    if form == "date":
        return pd.Series(values, dtype=object)
    stamps = pd.to_datetime(pd.Series([None if v is None else v.isoformat() for v in values]))
    if form == "datetime64[s]":
        return stamps.astype("datetime64[s]")
    if form == "datetime64[ns]":
        return stamps.astype("datetime64[ns]")
    if form == "tz":  # local midnight: the reading date in the distributor's time zone
        # (Belém: no daylight saving since 1988, so every local midnight of 2010-2030 exists;
        # São Paulo's DST began at midnight until 2018, e.g. 2016-10-16 00:00 never happened)
        return stamps.dt.tz_localize("America/Belem")
    if form == "arrow_date":
        return pd.Series(pd.array(values, dtype="date32[pyarrow]"))
    return stamps.dt.tz_localize("America/Manaus").astype("timestamp[us, America/Manaus][pyarrow]")


def _numbers(values: list[float], form: str) -> Any:
    if form == "float64":
        return pd.Series(values, dtype="float64")
    if form == "Float64":  # nullable: NaN is NA, a missing energy
        return pd.Series(pd.array([None if math.isnan(v) else v for v in values], dtype="Float64"))
    return pd.Series(values, dtype="float64").astype("double[pyarrow]")


def _flags(values: list[bool | None], form: str) -> Any:
    if form == "boolean":
        return pd.Series(pd.array(values, dtype="boolean"))
    if form == "object":
        return pd.Series(values, dtype=object)
    return pd.Series([bool(v) for v in values], dtype=bool)


def _enums(values: list[object], form: str) -> Any:
    if form == "category":
        # a categorical of the members' values (text), as a file reader makes it
        return pd.Series(pd.Categorical([getattr(v, "value", v) for v in values]), dtype="category")
    return pd.Series(values, dtype=object)


def _given(rows: list[dict[str, Any]], forms: dict[str, Any]) -> list[dict[str, Any]]:
    """Each row as the scalar rules receive it, after the columnar representation."""
    out = []
    for r in rows:
        row = dict(r)
        row["previous"] = None if r["previous_missing"] else r["current"] - timedelta(r["days"])
        if forms["flags"] == "bool":
            row["low_income"] = bool(r["low_income"])
        if forms["enums"] == "category":
            for key in ("group", "kind", "supply"):
                row[key] = getattr(r[key], "value", r[key])
        for key in forms["dropped"]:
            row[key] = {
                "group": Group.B,
                "kind": ReadingKind.REGULAR,
                "low_income": False,
                "supply": None,
            }[key]
        out.append(row)
    return out


def _frame(rows: list[dict[str, Any]], forms: dict[str, Any]) -> Any:
    columns = {
        "previous": _dates([r["previous"] for r in rows], forms["dates"]),
        "current": _dates([r["current"] for r in rows], forms["dates"]),
        "measured_kwh": _numbers([r["measured_kwh"] for r in rows], forms["numbers"]),
        "group": _enums([r["group"] for r in rows], forms["enums"]),
        "kind": _enums([r["kind"] for r in rows], forms["enums"]),
        "supply": _enums([r["supply"] for r in rows], forms["enums"]),
        "low_income": _flags([r["low_income"] for r in rows], forms["flags"]),
    }
    for key in forms["dropped"]:
        del columns[key]
    return pd.DataFrame(columns)


def _member(cls: Any, value: object) -> object:
    for member in cls:
        if value is member or value == member.value:
            return member
    return value


def _expected(row: dict[str, Any], with_supply: bool) -> dict[str, object]:
    """The scalar rules' answers for one row (the contract of ``frames.readings``)."""
    out: dict[str, object] = dict.fromkeys(READING_COLUMNS)
    out.update(basis="", availability_basis="")
    group = _member(Group, row["group"])
    kind = _member(ReadingKind, row["kind"])
    measured = Decimal(repr(float(row["measured_kwh"])))
    if row["previous"] is None:
        out["finding"] = "not_a_date"
    else:
        try:
            check = check_reading_interval(row["previous"], row["current"], kind=kind, group=group)  # type: ignore[arg-type]
        except AneelRulesError as error:
            out.update(finding=error.code, basis="; ".join(map(str, error.basis)))
        else:
            out.update(
                days=check.days,
                minimum_days=check.minimum,
                maximum_days=check.maximum,
                interval_ok=check.ok,
            )
            try:
                billable = billable_consumption(
                    measured,
                    row["previous"],
                    row["current"],
                    kind=check.kind,
                    group=check.group,
                )
            except AneelRulesError as error:
                out.update(finding=error.code, basis="; ".join(map(str, error.basis)))
            else:
                out.update(
                    billable_kwh=billable.kwh,
                    prorated=billable.prorated,
                    availability_applies=billable.availability_charge_applies,
                    basis="; ".join(map(str, billable.basis)),
                    finding="ok"
                    if check.ok
                    else "short_interval"
                    if check.days < check.minimum
                    else "long_interval",
                )
    if with_supply and group is Group.B:
        try:
            charge = availability_charge(
                _member(SupplyType, row["supply"]),  # type: ignore[arg-type]
                on=row["current"],
                low_income=row["low_income"],
                measured_kwh=measured,
            )
        except AneelRulesError as error:
            if out["finding"] in {"ok", "short_interval", "long_interval"}:
                out["finding"] = error.code
        else:
            out["availability_kwh"] = charge.kwh
            out["availability_basis"] = "; ".join(map(str, charge.basis))
    return out


def _same(got: object, expected: object) -> bool:
    if expected is None:
        return bool(pd.isna(got))
    if isinstance(expected, Decimal):
        return math.isclose(float(got), float(expected), rel_tol=1e-12, abs_tol=1e-9)  # type: ignore[arg-type]
    return bool(got == expected)


FORMS = st.fixed_dictionaries(
    {
        "dates": st.sampled_from(DATE_FORMS),
        "numbers": st.sampled_from(NUMBER_FORMS),
        "flags": st.sampled_from(FLAG_FORMS),
        "enums": st.sampled_from(ENUM_FORMS),
        "dropped": st.sets(st.sampled_from(("group", "kind", "supply", "low_income"))),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, max_size=25), FORMS)
def test_every_column_form_answers_as_the_scalar_rules(
    rows: list[dict[str, Any]], forms: dict[str, Any]
) -> None:
    given_rows = _given(rows, forms)
    frame = _frame(given_rows, forms)
    out = readings(frame)
    assert tuple(out.columns) == READING_COLUMNS
    assert len(out) == len(rows)
    for i, row in enumerate(given_rows):
        expected = _expected(row, "supply" not in forms["dropped"])
        for column in READING_COLUMNS:
            if column == "reason":
                continue  # tested with the scalar errors in test_frames_readings
            got = out[column].iloc[i]
            assert _same(got, expected[column]), (i, column, got, expected[column], forms)


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param(pd.DataFrame(columns=["previous", "current", "measured_kwh"]), id="object"),
        pytest.param(
            pd.DataFrame({"previous": [], "current": [], "measured_kwh": []}), id="float64"
        ),
        pytest.param(
            pd.DataFrame(columns=["previous", "current", "measured_kwh", "supply", "low_income"]),
            id="object-with-supply",
        ),
        pytest.param({"previous": [], "current": [], "measured_kwh": []}, id="mapping"),
    ],
)
def test_an_empty_frame_of_any_column_types_gives_an_empty_answer(frame: Any) -> None:
    out = readings(frame)
    assert len(out) == 0
    assert tuple(out.columns) == READING_COLUMNS


def test_a_missing_low_income_flag_is_the_scalar_refusal() -> None:
    # art. 291: the availability charge needs the low-income fact; a missing one (NA) is
    # refused by the scalar rule (to_bool), so that row's finding; the others are answered
    frame = pd.DataFrame(
        {
            "previous": [date(2026, 1, 5)] * 2,
            "current": [date(2026, 2, 4)] * 2,
            "measured_kwh": [50.0, 50.0],
            "supply": ["trifásico", "trifásico"],
            "low_income": pd.array([False, None], dtype="boolean"),
        }
    )
    with pytest.raises(InvalidInputError) as caught:
        availability_charge(SupplyType.THREE_PHASE, on=date(2026, 2, 4), low_income=None)  # type: ignore[arg-type]
    out = readings(frame)
    # REN 1.000/2021, art. 291, III: three-phase, 100 kWh
    assert out["availability_kwh"].tolist()[0] == 100
    assert pd.isna(out["availability_kwh"].iloc[1])
    assert out["finding"].tolist() == ["ok", caught.value.code]


def test_wrong_column_types_are_library_errors_naming_the_column() -> None:
    base = {
        "previous": [date(2026, 1, 5)],
        "current": [date(2026, 2, 4)],
        "measured_kwh": [50.0],
    }
    for column, values, code in (
        ("measured_kwh", ["50"], "not_numbers"),
        ("measured_kwh", [True], "not_numbers"),
        ("previous", [5], "not_dates"),
        ("low_income", [1], "not_bools"),
        ("low_income", ["sim"], "not_bools"),
    ):
        frame = pd.DataFrame({**base, column: values, "supply": ["monofásico"]})
        with pytest.raises(InvalidInputError) as caught:
            readings(frame)
        assert caught.value.codes == (code,)
        assert caught.value.errors[0].path == column
        assert "50" not in str(caught.value) or column == "measured_kwh"


# --- Dask: what pandas gives ------------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=40), st.integers(1, 5))
def test_dask_gives_what_pandas_gives(rows: list[dict[str, Any]], partitions: int) -> None:
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    from aneel_rules.frames import dask as frames_dask  # noqa: PLC0415

    forms = {"dates": "date", "numbers": "float64", "flags": "bool", "enums": "object"}
    frame = _frame(_given(rows, {**forms, "dropped": ()}), {**forms, "dropped": ()})
    expected = readings(frame)
    with dask.config.set(scheduler="sync"):
        result = frames_dask.audit_readings(dd.from_pandas(frame, npartitions=partitions))
        computed = result.compute()
    # Dask keeps text as Arrow strings where pandas has object: the values must be equal
    pd.testing.assert_frame_equal(computed, expected, check_dtype=False, check_categorical=False)


def test_dask_reads_enum_members_back_from_its_text() -> None:
    # dataframe.convert-string makes "ReadingKind.REGULAR" of a member: read back as it
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    from aneel_rules.frames import dask as frames_dask  # noqa: PLC0415

    frame = pd.DataFrame(
        {
            "previous": [date(2026, 1, 5)] * 3,
            "current": [date(2026, 2, 4)] * 3,
            "measured_kwh": [50.0] * 3,
            "group": [Group.B, Group.A, "B"],
            "kind": [ReadingKind.REGULAR, ReadingKind.FIRST_BILLING, "ReadingKind.OTHER"],
            "supply": [SupplyType.THREE_PHASE, SupplyType.SINGLE_PHASE, "hexafásico"],
        }
    )
    with dask.config.set(scheduler="sync"):
        got = frames_dask.audit_readings(dd.from_pandas(frame, npartitions=2)).compute()
    # three-phase 100 kWh (art. 291, III); group A has none; an unknown kind is refused
    assert got["availability_kwh"].iloc[0] == 100
    assert got["finding"].tolist() == readings(frame)["finding"].tolist()
    assert got["finding"].tolist()[:2] == ["ok", "ok"]
    assert got["finding"].iloc[2] == "not_an_enum"


# --- load profiles and posts: Arrow-backed columns, limits of the scalar face -----------------


def _profile(values: list[float], reactive: list[float] | None = None) -> Any:
    stamps = [datetime(2026, 3, 9, 19) + timedelta(minutes=15 * i) for i in range(len(values))]
    frame = pd.DataFrame({"unit": "UC-1", "stamp": stamps, "value": values})
    if reactive is not None:
        frame["reactive"] = reactive
    return frame


MIDNIGHT = CapacitiveWindow(time(0, 0))


@pytest.mark.parametrize(
    ("values", "reactive", "path"),
    [
        pytest.param([1e15, 1.0, 1.0, 1.0], None, "value.0", id="energy-at-the-limit"),
        pytest.param([1.0, 1e300, 1.0, 1.0], None, "value.1", id="energy-huge"),
        pytest.param([1.0] * 4, [0.0, 0.0, -1e15, 0.0], "reactive.2", id="reactive-at-the-limit"),
    ],
)
def test_magnitudes_the_scalar_face_refuses_are_refused(
    values: list[float], reactive: list[float] | None, path: str
) -> None:
    frame = _profile(values, reactive)
    window = None if reactive is None else MIDNIGHT
    with pytest.raises(InvalidInputError) as scalar:
        measurements_from_profile(
            list(frame["stamp"].dt.to_pydatetime()),
            values,
            AMAZONAS_ENERGIA,
            modality=BLUE,
            unit="kWh",
            reactive=reactive,
            capacitive_window=window,
        )
    with pytest.raises(InvalidInputError) as columnar:
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE, capacitive_window=window)
    assert columnar.value.codes == scalar.value.codes == ("out_of_range",)
    assert columnar.value.errors[0].path == path


def test_a_demand_the_scalar_face_refuses_is_refused() -> None:
    # 2.5E+14 kWh in 15 minutes is a demand of 1E+15 kW (art. 2º, XIII: energy × 4)
    frame = _profile([2.5e14, 1.0, 1.0, 1.0])
    with pytest.raises(InvalidInputError) as scalar:
        measurements_from_profile(
            list(frame["stamp"].dt.to_pydatetime()),
            list(frame["value"]),
            AMAZONAS_ENERGIA,
            modality=BLUE,
            unit="kWh",
        )
    with pytest.raises(InvalidInputError) as columnar:
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    assert columnar.value.codes == scalar.value.codes == ("out_of_range",)
    # just below: answered by both
    below = _profile([2.4e14, 1.0, 1.0, 1.0])
    assert load_profile(below, AMAZONAS_ENERGIA, modality=BLUE)["demand_kw"].iloc[0] == 9.6e14


def test_an_empty_profile_of_object_columns_gives_an_empty_answer() -> None:
    out = load_profile(
        pd.DataFrame(columns=["unit", "stamp", "value", "reactive"]),
        AMAZONAS_ENERGIA,
        modality=BLUE,
        capacitive_window=MIDNIGHT,
    )
    assert len(out) == 0
    assert tuple(out.columns) == PROFILE_COLUMNS


def test_a_profile_that_is_not_a_frame_is_told_so() -> None:
    with pytest.raises(InvalidInputError) as caught:
        load_profile({"unit": [1]}, AMAZONAS_ENERGIA, modality=BLUE)  # type: ignore[arg-type]
    assert caught.value.codes == ("not_a_frame",)
    assert "mapping" not in str(caught.value)  # it is not accepted, so not offered
    assert "DataFrame" in caught.value.message_in("pt_BR")


def test_arrow_backed_profile_columns_give_the_numpy_answer() -> None:
    frame = _profile([10.0, 10.0, 10.0, 10.0, 30.0, 20.0, 20.0, 20.0])
    arrow = frame.astype({"stamp": "timestamp[ns][pyarrow]", "value": "double[pyarrow]"})
    expected = load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    pd.testing.assert_frame_equal(load_profile(arrow, AMAZONAS_ENERGIA, modality=BLUE), expected)


STAMPS = st.datetimes(min_value=datetime(2010, 9, 15), max_value=datetime(2035, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


@settings(max_examples=40, deadline=None)
@given(st.lists(STAMPS, max_size=30), st.sampled_from(["naive", "UTC", "America/Manaus"]))
def test_arrow_backed_pandas_stamps_agree_with_tariff_post(
    stamps: list[datetime], zone: str
) -> None:
    series = pd.Series(pd.to_datetime(stamps), dtype="datetime64[us]")
    if zone != "naive":
        series = series.dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT").dropna()
    arrow = series.astype(
        "timestamp[us][pyarrow]" if zone == "naive" else f"timestamp[us, {zone}][pyarrow]"
    )
    got = post_codes(arrow, AMAZONAS_ENERGIA, modality=BLUE).tolist()
    expected = [tariff_post(s.to_pydatetime(), AMAZONAS_ENERGIA, modality=BLUE) for s in series]
    assert [POST_BY_CODE[c] for c in got] == expected


def test_an_arrow_backed_null_stamp_names_its_index() -> None:
    arrow = pd.Series(pd.array([datetime(2026, 3, 9, 20), None], dtype="timestamp[us][pyarrow]"))
    with pytest.raises(InvalidInputError) as caught:
        post_codes(arrow, AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.errors[0].path == "stamps.1"


@pytest.mark.parametrize("zone", ["UTC", "America/Manaus"])
def test_an_empty_aware_column_gives_no_codes(zone: str) -> None:
    import pyarrow as pa  # noqa: PLC0415

    for empty in (
        pd.DatetimeIndex([]).tz_localize(zone),
        pa.array([], type=pa.timestamp("us", tz=zone)),
        pd.Series(pd.DatetimeIndex([]).tz_localize(zone)).astype(f"timestamp[us, {zone}][pyarrow]"),
    ):
        assert post_codes(empty, AMAZONAS_ENERGIA, modality=BLUE).tolist() == []


def test_arrow_and_polars_document_columns_answer_as_a_list() -> None:
    import pyarrow as pa  # noqa: PLC0415

    from aneel_rules.frames import document_codes  # noqa: PLC0415

    values = ["529.982.247-25", None, "529.982.247-26", "12.ABC.345/01DE-35"]
    expected = document_codes(values)
    for column in (pa.array(values), pa.chunked_array([values[:2], values[2:]])):
        pd.testing.assert_frame_equal(document_codes(column), expected)
    polars = pytest.importorskip("polars")
    pd.testing.assert_frame_equal(document_codes(polars.Series(values)), expected)


def test_a_two_dimensional_array_is_not_a_document_column() -> None:
    from aneel_rules.frames import document_codes  # noqa: PLC0415

    with pytest.raises(InvalidInputError) as caught:
        document_codes(np.array([["529.982.247-25"]]))
    assert caught.value.codes == ("not_a_column",)
    assert "529" not in str(caught.value)  # the numbers are never echoed (LGPD)
