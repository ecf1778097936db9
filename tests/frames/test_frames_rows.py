"""Which row a frames error names (docs/frames.md, "Which row an error names").

The convention: a pandas input with a ``RangeIndex`` is named by its index label (what
``frame.loc[n]`` finds), any other input by its position from 0 (``frame.iloc[n]``,
``array[n]``); the field path is ``<column>.<number>`` and the message says which of the two
it is, in both languages. A label that could be data (a unit number as the index) is never
echoed, nor is a unit's value.
"""

# Naive datetimes are the schedule's wall time, as in measurements_from_profile.
# ruff: noqa: DTZ001

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from aneel_rules import (  # noqa: E402
    AneelRulesError,
    FieldError,
    InvalidInputError,
    NotInForceError,
    UnsupportedCaseError,
)
from aneel_rules.frames import load_profile, post_codes  # noqa: E402
from aneel_rules.frames._common import (  # noqa: E402
    FILE_ROW,
    ROW_LABEL,
    ROW_POSITION,
    WHERE,
    in_file_rows,
)
from aneel_rules.i18n import translate  # noqa: E402
from aneel_rules.invoice import CapacitiveWindow  # noqa: E402
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality  # noqa: E402

BLUE, GREEN, WHITE = TariffModality.BLUE, TariffModality.GREEN, TariffModality.WHITE
MIDNIGHT = CapacitiveWindow(time(0, 0))
UNIT = "UC-7300123456"  # a consumer unit number: personal data, never in a message
ROWS = 5

# kind → (column changed, new value, English and Portuguese message after "<where> <row>: ")
KINDS: dict[str, tuple[str, object, str, str]] = {
    "off_grid": (
        "stamp",
        "+5min",
        "stamp is not on the 15-minute grid: {stamp}",
        "stamp não está na grade de 15 minutos: {stamp}",
    ),
    "missing_timestamp": (
        "stamp",
        pd.NaT,
        "stamp is missing (NaT or null)",
        "stamp está ausente (NaT ou nulo)",
    ),
    "negative": (
        "value",
        -1.5,
        "value must not be negative, got -1.5",
        "value não pode ser negativo; recebido -1.5",
    ),
    "not_a_quantity": (
        "reactive",
        math.inf,
        "reactive must be a finite number, got inf",
        "reactive deve ser um número finito; recebido inf",
    ),
    "missing_unit": ("unit", None, "unit is missing", "unit está ausente"),
    "out_of_range": (
        "value",
        2e15,
        "value is out of range: 2.000000E+15 (the library accepts magnitudes below 1E+15)",
        (
            "value está fora do intervalo: 2.000000E+15 (a biblioteca aceita valores absolutos "
            "menores que 1E+15)"
        ),
    ),
}
WHERE_PT = {ROW_LABEL: "rótulo do índice", ROW_POSITION: "posição"}


def _frame(index: Any = None) -> Any:
    stamps = pd.date_range("2026-03-09 20:00", periods=ROWS, freq="15min")
    frame = pd.DataFrame(
        {"unit": UNIT, "stamp": stamps, "value": 1.0, "reactive": 0.0},
        index=pd.RangeIndex(ROWS) if index is None else index,
    )
    frame["unit"] = frame["unit"].astype(object)
    return frame


def _spoil(frame: Any, kind: str, position: int) -> str:
    """Spoil the row at ``position``; the stamp text an off-grid message shows."""
    column, value, _, _ = KINDS[kind]
    at = frame.columns.get_loc(column)
    stamp = frame.iloc[position, frame.columns.get_loc("stamp")]
    if value == "+5min":
        value = stamp + timedelta(minutes=5)
        stamp = value
    frame.iloc[position, at] = value
    return str(stamp)


def _call(frame: Any) -> None:
    load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE, capacitive_window=MIDNIGHT)


def _check(error: FieldError, kind: str, where: str, number: int, stamp: str) -> None:
    column, _, english, portuguese = KINDS[kind]
    assert (error.code, error.path) == (kind, f"{column}.{number}")
    assert error.message_in("en") == f"{where} {number}: " + english.format(stamp=stamp)
    assert error.message == f"{WHERE_PT[where]} {number}: " + portuguese.format(stamp=stamp)
    assert UNIT not in error.message_in("en") + error.message


@pytest.mark.parametrize("position", [0, ROWS - 1], ids=["first", "last"])
@pytest.mark.parametrize("kind", KINDS)
def test_range_index_names_the_label(kind: str, position: int) -> None:
    # a chunk of a file read with read_csv(chunksize=100): RangeIndex(100, 105)
    frame = _frame(pd.RangeIndex(100, 100 + ROWS))
    stamp = _spoil(frame, kind, position)
    with pytest.raises(InvalidInputError) as caught:
        _call(frame)
    (error,) = caught.value.errors
    _check(error, kind, ROW_LABEL, 100 + position, stamp)
    assert frame.loc[100 + position].equals(frame.iloc[position])  # the label .loc finds


@pytest.mark.parametrize("position", [0, ROWS - 1], ids=["first", "last"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "index",
    [
        pytest.param([9001, 9003, 9005, 9007, 9009], id="filtered-ints"),
        pytest.param([f"UC-{n}" for n in range(ROWS)], id="text"),
        pytest.param(pd.date_range("2026-01-01", periods=ROWS), id="dates"),
    ],
)
def test_other_index_names_the_position(kind: str, position: int, index: Any) -> None:
    frame = _frame(pd.Index(index))
    stamp = _spoil(frame, kind, position)
    with pytest.raises(InvalidInputError) as caught:
        _call(frame)
    (error,) = caught.value.errors
    _check(error, kind, ROW_POSITION, position, stamp)
    for label in map(str, frame.index):  # a label may be data: never echoed
        assert label not in error.message_in("en") + error.message


def test_not_increasing_names_the_row_in_the_callers_order() -> None:
    # interleaved units (the rows are sorted by unit inside): the later stamp of unit B
    frame = pd.DataFrame(
        {
            "unit": ["A", "B", "A", "B", "A", "B"],
            "stamp": pd.to_datetime(
                [
                    "2026-03-09 20:00",
                    "2026-03-09 20:00",
                    "2026-03-09 20:15",
                    "2026-03-09 20:15",
                    "2026-03-09 20:30",
                    "2026-03-09 20:15",  # B again at 20:15: not after its previous stamp
                ]
            ),
            "value": 1.0,
        },
        index=pd.RangeIndex(7, 13),
    )
    with pytest.raises(InvalidInputError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=BLUE)
    (error,) = caught.value.errors
    assert (error.code, error.path) == ("not_increasing", "stamp.12")
    assert error.message_in("en") == (
        "index label 12: stamp is not after the previous stamp of its unit"
    )
    assert error.message == (
        "rótulo do índice 12: stamp não é posterior ao instante anterior da sua unidade"
    )
    with pytest.raises(InvalidInputError) as caught:
        load_profile(frame.reset_index(drop=True), AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.errors[0].path == "stamp.5"


def test_white_before_2018_names_the_row_in_the_callers_order() -> None:
    # the tarifa branca from 1 Jan 2018 (REN 733/2016): unit B's 2017 interval is named
    frame = pd.DataFrame(
        {
            "unit": ["B", "A", "A", "B"],
            "stamp": pd.to_datetime(
                ["2017-12-31 23:30", "2018-01-02 20:00", "2018-01-02 20:15", "2017-12-31 23:45"]
            ),
            "value": 1.0,
        },
        index=pd.RangeIndex(40, 44),
    )
    with pytest.raises(NotInForceError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=WHITE)
    assert caught.value.code == "white_tariff_not_offered"
    assert str(caught.value) == (
        "index label 40: stamp: the tarifa branca was not yet offered on 2017-12-31 "
        "(available from 2018-01-01)"
    )
    assert caught.value.message.startswith("rótulo do índice 40: stamp: a tarifa branca")


@pytest.mark.parametrize(("position", "label"), [(0, 200), (7, 207)], ids=["first", "last"])
def test_ren414_refusal_names_the_label(position: int, label: int) -> None:
    # f = 25 / √(25² + 18.75²) = 0.8 < 0.92 on 2022-01-02 (REN 414/2010, art. 96, § 1º)
    stamps = [datetime(2022, 1, 2) + timedelta(minutes=15 * i) for i in range(8)]
    reactive = [7.0] * 8
    reactive[position] = -18.75
    frame = pd.DataFrame(
        {"unit": UNIT, "stamp": stamps, "value": 25.0, "reactive": reactive},
        index=pd.RangeIndex(200, 208),
    )
    with pytest.raises(UnsupportedCaseError) as caught:
        load_profile(frame, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    assert caught.value.code == "unverified_ren414"
    assert f"(index label {label}): the capacitive window" in str(caught.value)
    assert f"(rótulo do índice {label}): o período capacitivo" in caught.value.message
    assert UNIT not in str(caught.value) + caught.value.message
    positional = frame.set_index(pd.Index([f"x{i}" for i in range(8)]))
    with pytest.raises(UnsupportedCaseError) as caught:
        load_profile(positional, AMAZONAS_ENERGIA, modality=GREEN, capacitive_window=MIDNIGHT)
    assert f"(position {position}):" in str(caught.value)
    assert f"(posição {position}):" in caught.value.message


@pytest.mark.parametrize("position", [0, 3], ids=["first", "last"])
def test_post_codes_names_a_series_label_or_a_position(position: int) -> None:
    stamps = pd.Series(pd.date_range("2026-03-09 20:00", periods=4, freq="h"))
    stamps.iloc[position] = pd.NaT
    labelled = stamps.set_axis(pd.RangeIndex(50, 54))
    with pytest.raises(InvalidInputError) as caught:
        post_codes(labelled, AMAZONAS_ENERGIA, modality=BLUE)
    (error,) = caught.value.errors
    assert error.path == f"stamps.{50 + position}"
    assert error.message_in("en") == f"index label {50 + position}: stamps is missing (NaT or null)"
    assert error.message == f"rótulo do índice {50 + position}: stamps está ausente (NaT ou nulo)"
    for column in (stamps.to_numpy(), pd.DatetimeIndex(stamps), stamps.set_axis(list("abcd"))):
        with pytest.raises(InvalidInputError) as caught:
            post_codes(column, AMAZONAS_ENERGIA, modality=BLUE)
        (error,) = caught.value.errors
        assert error.path == f"stamps.{position}"
        assert error.message_in("en") == f"position {position}: stamps is missing (NaT or null)"
        assert error.message == f"posição {position}: stamps está ausente (NaT ou nulo)"


def test_post_codes_before_the_calendar_names_the_label() -> None:
    stamps = pd.Series(pd.to_datetime(["2026-03-09 20:00", "2010-09-14 23:00"]), index=[0, 1])
    with pytest.raises(NotInForceError) as caught:
        post_codes(stamps.set_axis(pd.RangeIndex(8, 10)), AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.code == "no_regime"
    assert str(caught.value).startswith("index label 9: stamps is before 2010-09-15")
    assert caught.value.message.startswith("rótulo do índice 9: stamps é anterior a 2010-09-15")
    with pytest.raises(InvalidInputError) as late:
        post_codes(
            np.array(["2026-01-01", "10000-01-01"], dtype="datetime64[D]"),
            AMAZONAS_ENERGIA,
            modality=BLUE,
        )
    assert late.value.message_in("en") == (
        "stamps.1: position 1: stamps is outside the dates the calendar covers (years 1 to 9999)"
    )


# --- the words, and the front ends' renaming -------------------------------------------------


@pytest.mark.parametrize("domain", ["frames", "invoice"])
def test_every_where_is_translated(domain: str) -> None:
    assert [translate(w, domain=domain, lang="pt_BR") for w in WHERE] == [
        "rótulo do índice",
        "posição",
        "linha de dados",
    ]


def test_field_error_translates_its_nested_params() -> None:
    error = FieldError(
        path="x.1",
        code="c",
        template="{where} {row}: {column} is missing",
        params={"where": ROW_POSITION, "row": "1", "column": "x"},
        domain="frames",
        nested=["where"],
    )
    assert error.nested == ("where",)
    assert error.message_in("en") == "position 1: x is missing"
    assert error.message == "posição 1: x está ausente"


def _row_of(where: str, number: int) -> int:
    return number + (1 if where == ROW_LABEL else 1001)


def test_in_file_rows_renames_rows_and_columns() -> None:
    frame = _frame()
    frame.iloc[2, frame.columns.get_loc("value")] = -1.5
    with pytest.raises(InvalidInputError) as caught:
        _call(frame)
    renamed = in_file_rows(caught.value, _row_of, {"value": "consumo_kwh"})
    assert isinstance(renamed, InvalidInputError)
    (error,) = renamed.errors
    assert (error.code, error.path) == ("negative", "consumo_kwh.3")
    assert dict(error.params)["where"] == FILE_ROW
    assert error.message_in("en") == "data row 3: consumo_kwh must not be negative, got -1.5"
    assert error.message == "linha de dados 3: consumo_kwh não pode ser negativo; recebido -1.5"
    with pytest.raises(NotInForceError) as not_in_force:
        post_codes(
            np.array(["2010-09-14T23:00"], dtype="datetime64[m]"), AMAZONAS_ENERGIA, modality=BLUE
        )
    moved = in_file_rows(not_in_force.value, _row_of)
    assert moved is not not_in_force.value
    assert isinstance(moved, NotInForceError)
    assert (moved.code, moved.on, moved.basis) == (
        not_in_force.value.code,
        not_in_force.value.on,
        not_in_force.value.basis,
    )
    assert str(moved).startswith("data row 1001: stamps is before 2010-09-15")
    assert moved.message_in("en") == str(moved)
    assert moved.message.startswith("linha de dados 1001: stamps é anterior a 2010-09-15")
    assert not_in_force.value.message_in("en").startswith("position 0: stamps")  # unchanged


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(
            lambda: load_profile(_frame(), "amazonas", modality=BLUE),  # type: ignore[arg-type]
            id="invalid-without-row",
        ),
        pytest.param(
            lambda: load_profile(
                _frame().assign(unit="U"), AMAZONAS_ENERGIA, modality=BLUE, unit="MWh"
            ),
            id="choice",
        ),
    ],
)
def test_in_file_rows_keeps_errors_without_a_row(make: Callable[[], object]) -> None:
    with pytest.raises(AneelRulesError) as caught:
        make()
    assert in_file_rows(caught.value, _row_of) is caught.value
    gap = UnsupportedCaseError("no row here", code="x")
    assert in_file_rows(gap, _row_of) is gap
