"""``aneel-rules audit``: an error about one row names its data row of the file.

The convention (docs/frames.md, "Which row an error names"): data row 1 is the first row under
the header, counted across chunks (``--chunk-rows``), whatever the format (CSV, Parquet); the
message names the file's own column and says "data row" ("linha de dados"); the value of a
consumer unit or a social-benefit flag is never echoed.
"""

# ruff: noqa: DTZ001

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import pandas as pd

from aneel_rules.cli import main

UNIT = "UC-7300123456"  # a consumer unit number: personal data
ROWS = 6
CHUNK = "3"  # the fifth data row is in the second chunk
PROFILE_ARGS = [
    "--column", "unit=uc",
    "--column", "stamp=datahora",
    "--column", "kwh=consumo_kwh",
    "--column", "kvarh=reativo_kvarh",
    "--capacitive-window", "00:00",
    "--quiet",
]  # fmt: skip
START = datetime(2026, 3, 9, 20)

# kind → (English, Portuguese) message after "<file>: "; {row} is the data row
PROFILE_KINDS = {
    "off_grid": (
        "data row {row}: datahora is not on the 15-minute grid: {stamp}",
        "linha de dados {row}: datahora não está na grade de 15 minutos: {stamp}",
    ),
    "missing_timestamp": (
        "data row {row}: datahora is missing (NaT or null)",
        "linha de dados {row}: datahora está ausente (NaT ou nulo)",
    ),
    "negative": (
        "data row {row}: consumo_kwh must not be negative, got -2.0",
        "linha de dados {row}: consumo_kwh não pode ser negativo; recebido -2.0",
    ),
    "not_a_quantity": (
        "data row {row}: consumo_kwh must be a finite number, got nan",
        "linha de dados {row}: consumo_kwh deve ser um número finito; recebido nan",
    ),
    "not_increasing": (
        "data row {row}: datahora is not after the previous stamp of its unit",
        "linha de dados {row}: datahora não é posterior ao instante anterior da sua unidade",
    ),
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _profile_rows(kind: str, row: int) -> tuple[list[dict[str, object]], str]:
    """Six intervals of one unit, data row ``row`` spoiled; the stamp an off-grid error shows."""
    rows: list[dict[str, object]] = []
    shown = ""
    for number in range(1, ROWS + 1):
        at = START + timedelta(minutes=15 * (number - 1))
        cells: dict[str, object] = {
            "uc": UNIT,
            "datahora": at.isoformat(timespec="minutes"),
            "consumo_kwh": "1",
            "reativo_kvarh": "0",
        }
        if number == row:
            if kind == "off_grid":
                cells["datahora"] = (at + timedelta(minutes=5)).isoformat(timespec="minutes")
                shown = str(at + timedelta(minutes=5))
            elif kind == "missing_timestamp":
                cells["datahora"] = "ontem"
            elif kind == "negative":
                cells["consumo_kwh"] = "-2"
            elif kind == "not_a_quantity":
                cells["consumo_kwh"] = "abc"
            else:  # the first stamp again
                cells["datahora"] = START.isoformat(timespec="minutes")
        rows.append(cells)
    return rows, shown


def _write(tmp_path: Path, rows: Sequence[Mapping[str, object]], suffix: str) -> Path:
    frame = pd.DataFrame(rows)
    path = tmp_path / f"profile{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    return path


CASES = [
    pytest.param(kind, row, id=f"{kind}-{where}")
    for kind in PROFILE_KINDS
    for row, where in ((1, "first"), (5, "second-chunk"), (ROWS, "last"))
    if not (kind == "not_increasing" and row == 1)  # the first interval has no previous one
]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize(("kind", "row"), CASES)
@pytest.mark.parametrize("lang", ["pt_BR", "en"])
def test_profile_errors_name_the_data_row(  # noqa: PLR0917 (fixtures and parameters)
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    row: int,
    lang: str,
    suffix: str,
) -> None:
    rows, shown = _profile_rows(kind, row)
    source = _write(tmp_path, rows, suffix)
    argv = [*PROFILE_ARGS, "--chunk-rows", CHUNK, "--lang", lang]
    status, out, err = _run(capsys, "audit", "profile", str(source), *argv)
    english, portuguese = PROFILE_KINDS[kind]
    message = (english if lang == "en" else portuguese).format(row=row, stamp=shown)
    prefix = "aneel-rules: error: " if lang == "en" else "aneel-rules: erro: "
    assert (status, out) == (2, "")
    assert err == f"{prefix}{source}: {message}\n"
    assert UNIT not in err


@pytest.mark.parametrize("chunk", ["1", "3", "100"])
@pytest.mark.parametrize("row", [1, 5, ROWS], ids=["first", "fifth", "last"])
def test_ren414_refusal_names_the_data_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: int, chunk: str
) -> None:
    """REN 414/2010 (2022-01-02), art. 96, § 1º not found: the row below 0.92 is named.

    f = 25 / √(25² + 100²) ≈ 0.24 < 0.92 on the spoiled row, ≈ 0.96 (7 kvarh) elsewhere;
    every hour holding it, on any 15-minute grid, has P ≤ 100 and |Q| ≥ 100 − 3 × 7 = 79:
    f ≤ 100 / √(100² + 79²) ≈ 0.78 < 0.92, so some reading of § 1º charges it.
    """
    start = datetime(2022, 1, 2)
    rows = [
        {
            "uc": UNIT,
            "datahora": (start + timedelta(minutes=15 * i)).isoformat(timespec="minutes"),
            "consumo_kwh": "25",
            "reativo_kvarh": "-100" if i + 1 == row else "7",
        }
        for i in range(ROWS)
    ]
    source = _write(tmp_path, rows, ".csv")
    for lang, text in (
        ("pt_BR", f"não é calculado (linha de dados {row}): o período capacitivo"),
        ("en", f"is not computed (data row {row}): the capacitive window"),
    ):
        argv = [*PROFILE_ARGS, "--chunk-rows", chunk, "--lang", lang]
        status, _, err = _run(capsys, "audit", "profile", str(source), *argv)
        assert status == 2
        assert err.count(text) == 1
        assert err.startswith(f"aneel-rules: {'erro' if lang == 'pt_BR' else 'error'}: {source}: ")
        assert UNIT not in err


# --- audit readings: a flag that is not true/false ---------------------------------------------


def _readings(tmp_path: Path, row: int, suffix: str) -> Path:
    frame = pd.DataFrame(
        {
            "unit": [UNIT] * ROWS,
            "previous": ["2026-01-05"] * ROWS,
            "current": ["2026-02-04"] * ROWS,
            "kwh": ["250"] * ROWS,
            "low_income": ["não" if i + 1 != row else "talvez" for i in range(ROWS)],
        }
    )
    path = tmp_path / f"readings{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("row", [1, 5, ROWS], ids=["first", "second-chunk", "last"])
def test_readings_flag_names_the_data_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: int, suffix: str
) -> None:
    source = _readings(tmp_path, row, suffix)
    argv = ["--chunk-rows", CHUNK, "--quiet"]
    status, _, err = _run(capsys, "audit", "readings", str(source), *argv, "--lang", "en")
    assert status == 2
    assert err == (
        f"aneel-rules: error: {source}: column 'low_income' has a value that is not "
        f"true/false on data row {row}\n"
    )
    status, _, err = _run(capsys, "audit", "readings", str(source), *argv)
    assert status == 2
    assert err == (
        f"aneel-rules: erro: {source}: a coluna 'low_income' tem um valor que não é "
        f"verdadeiro/falso na linha de dados {row}\n"
    )
    assert "talvez" not in err
    assert UNIT not in err


@pytest.mark.parametrize("chunk", ["1", "2", "100"])
def test_out_of_order_names_the_data_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chunk: str
) -> None:
    # unit-month 2026-01 of U1 met again on data row 4, after February
    rows = [
        {"uc": UNIT, "datahora": at, "consumo_kwh": "1", "reativo_kvarh": "0"}
        for at in ("2026-01-31T23:45", "2026-02-01T00:00", "2026-02-01T00:15", "2026-01-31T23:30")
    ]
    source = _write(tmp_path, rows, ".csv")
    status, _, err = _run(
        capsys, "audit", "profile", str(source), *PROFILE_ARGS, "--chunk-rows", chunk
    )
    if chunk == "100":  # one chunk: the frame itself finds the stamp not after the previous
        assert err == (
            f"aneel-rules: erro: {source}: linha de dados 4: datahora não é posterior ao "
            "instante anterior da sua unidade\n"
        )
    else:
        assert err == (
            f"aneel-rules: erro: {source}: os intervalos de uma unidade-mês não estão juntos "
            "(linha de dados 4); ordene o arquivo por unidade e horário\n"
        )
    assert status == 2
    assert UNIT not in err
