"""``aneel-rules audit profile``: per unit × month × post, whole unit-months across chunks."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import pandas as pd

from aneel_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "profile.csv"
MAPPING = [
    "--column", "unit=uc",
    "--column", "stamp=datahora",
    "--column", "kwh=consumo_kwh",
    "--column", "kvarh=reativo_kvarh",
    "--capacitive-window", "00:00",
]  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_sample_posts_follow_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Amazonas Energia, ponta 20:00–23:00 on weekdays (REN 1.000/2021, art. 2º, XXXVIII, "a").

    February 2026 has 19 days with ponta (20 weekdays less carnival Tuesday, 17 Feb) and March
    22: 12 intervals of 15 minutes each.
    """
    out_file = tmp_path / "p.csv"
    argv = ["audit", "profile", str(SAMPLE), *MAPPING, "--modality", "azul", "--output"]
    status, out, err = _run(capsys, *argv, str(out_file))
    assert status == 1  # the sample's power factor is below 0.92 in some hours (art. 304)
    assert err == ""
    rows = pd.read_csv(out_file).set_index(["month", "post"])
    assert rows.loc[("2026-02-01", "ponta"), "intervals"] == 19 * 12
    assert rows.loc[("2026-03-01", "ponta"), "intervals"] == 22 * 12
    assert rows.loc[("2026-02-01", "fora de ponta"), "intervals"] == 28 * 96 - 19 * 12
    lines = out.splitlines()
    assert lines[0] == (
        f"Curva de carga auditada: 5.664 intervalos de {SAMPLE}, unidades: 1, "
        "linhas unidade-mês-posto: 4"
    )
    assert "Energia e demanda por posto (todas as unidades):" in lines
    assert any(
        line.startswith("Unidade-mês-posto com energia reativa excedente: 2 (") for line in lines
    )
    assert "UC-A4-001" not in out  # unit ids are never printed


@pytest.mark.parametrize("chunk", ["700", "5663"])
def test_chunks_never_split_a_unit_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chunk: str
) -> None:
    whole, chunked = tmp_path / "whole.csv", tmp_path / "chunked.csv"
    assert main(["audit", "profile", str(SAMPLE), *MAPPING, "--output", str(whole)]) == 1
    argv = [*MAPPING, "--output", str(chunked), "--chunk-rows", chunk]
    assert main(["audit", "profile", str(SAMPLE), *argv]) == 1
    assert whole.read_bytes() == chunked.read_bytes()
    capsys.readouterr()


def _profile(tmp_path: Path, rows: list[tuple[str, str, float, float]]) -> Path:
    path = tmp_path / "p.csv"
    lines = ["unit,stamp,kwh,kvarh", *(f"{u},{s},{p},{q}" for u, s, p, q in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reactive_excess_of_one_hour(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """19:00–20:00 on a Monday: P = 40 kWh, Q = 30 kvarh, f = 0.8 < 0.92 (art. 304, § 1º).

    Excess energy = 0.92 × √(40² + 30²) − 40 = 0.92 × 50 − 40 = 6 kWh.
    """
    rows = [("U1", f"2026-03-09T19:{m:02d}", 10.0, 7.5) for m in (0, 15, 30, 45)]
    source = _profile(tmp_path, rows)
    out_file = tmp_path / "o.parquet"
    argv = ["--capacitive-window", "00:00", "--output", str(out_file), "--lang", "en"]
    status, out, _ = _run(capsys, "audit", "profile", str(source), *argv)
    assert status == 1
    result = pd.read_parquet(out_file)
    assert result["reactive_excess_kwh"].tolist() == pytest.approx([6.0])
    assert result["demand_kw"].tolist() == [40.0]  # 10 kWh in 15 minutes
    assert "Unit-month-posts with reactive excess energy: 1 (6 kWh)" in out


def test_without_reactive_status_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.csv"
    path.write_text("unit,stamp,kwh\nU1,2026-03-09T20:00,10\n", encoding="utf-8")
    status, out, _ = _run(capsys, "audit", "profile", str(path), "--lang", "en")
    assert status == 0
    assert "  peak: 10 kWh; largest 15-minute demand 40 kW" in out
    assert "No reactive column: reactive excess not audited" in out


def test_out_of_order_unit_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        ("U1", "2026-01-31T23:45", 1.0, 0.0),
        ("U1", "2026-02-01T00:00", 1.0, 0.0),
        ("U1", "2026-02-01T00:15", 1.0, 0.0),
        ("U1", "2026-01-31T23:30", 1.0, 0.0),
    ]
    source = _profile(tmp_path, rows)
    argv = ["--capacitive-window", "00:00", "--chunk-rows", "1", "--lang", "en"]
    status, _, err = _run(capsys, "audit", "profile", str(source), *argv)
    assert status == 2
    assert err == (
        f"aneel-rules: error: {source}: the intervals of a unit-month are not together "
        "(data row 4); sort the file by unit and time\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(
            [],
            "aneel-rules: erro: --capacitive-window é necessário com uma coluna kvarh "
            "(art. 304, § 1º, I)",
            id="no-window",
        ),
        pytest.param(
            ["--capacitive-window", "meia-noite"],
            "aneel-rules: erro: argumento --capacitive-window: horário inválido 'meia-noite' "
            "(use HH:MM)",
            id="bad-window",
        ),
        pytest.param(
            ["--modality", "convencional"],
            "aneel-rules: erro: argumento --modality: modalidade desconhecida 'convencional' "
            "(use verde, azul ou branca)",
            id="bad-modality",
        ),
    ],
)
def test_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    source = _profile(tmp_path, [("U1", "2026-03-09T19:00", 1.0, 0.5)])
    status, out, err = _run(capsys, "audit", "profile", str(source), *argv)
    assert status == 2
    assert out == ""
    assert err == message + "\n"


def test_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "m.png"
    status, out, _ = _run(capsys, "audit", "profile", str(SAMPLE), *MAPPING, "--plot", str(png))
    assert status == 1
    assert out.endswith(f"Gráfico gravado em {png}\n")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _many_units(tmp_path: Path, order: str) -> Path:
    """The sample's intervals for three units, sorted by unit and time or by time only."""
    sample = pd.read_csv(SAMPLE, dtype=str)
    frames = [sample.assign(uc=f"UC-{n}") for n in range(3)]
    whole = pd.concat(frames, ignore_index=True)
    if order == "time":
        whole = whole.sort_values(["datahora", "uc"], kind="stable")
    path = tmp_path / f"many-{order}.csv"
    whole.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("order", ["unit", "time"])
def test_many_units_in_either_order_do_not_depend_on_the_chunk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str
) -> None:
    source = _many_units(tmp_path, order)
    whole, chunked = tmp_path / "whole.csv", tmp_path / "chunked.csv"
    assert main(["audit", "profile", str(source), *MAPPING, "--output", str(whole)]) == 1
    argv = [*MAPPING, "--output", str(chunked), "--chunk-rows", "1.000"]
    assert main(["audit", "profile", str(source), *argv]) == 1
    keys = ["unit", "month", "post"]
    first = pd.read_csv(whole).sort_values(keys).reset_index(drop=True)
    second = pd.read_csv(chunked).sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(first, second)
    assert len(first) == 3 * 4  # three units × two months × two posts (azul would add none)
    out = capsys.readouterr().out
    assert "unidades: 3, linhas unidade-mês-posto: 12" in out


def test_a_sorted_file_holds_back_only_the_last_unit_month() -> None:
    """Memory stays flat: on a file sorted by unit, a finished unit is not held back."""
    from aneel_rules.cli._audit_profile import _open_rows  # noqa: PLC0415

    frame = pd.DataFrame({"unit": ["a", "a", "b", "b", "c"], "_month": [1, 2, 1, 2, 1]})
    assert _open_rows(frame).tolist() == [False, False, False, False, True]
    frame = pd.DataFrame({"unit": ["a", "a", "b", "b"], "_month": [1, 2, 1, 2]})
    assert _open_rows(frame).tolist() == [False, False, False, True]
    # interleaved units (sorted by time): each unit's latest month is held back
    frame = pd.DataFrame({"unit": ["a", "b", "a", "b"], "_month": [1, 1, 2, 2]})
    assert _open_rows(frame).tolist() == [False, False, True, True]
    assert _open_rows(frame.iloc[:0]).tolist() == []


@pytest.mark.parametrize("chunk", ["100", "1"])
def test_ren414_low_power_factor_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chunk: str
) -> None:
    """REN 414/2010 dates (before 2022-01-03), art. 96, § 1º not found: refused, exit 2.

    Data row 4 (the fourth under the header) has f = 25 / √(25² + 18.75²) = 0.8 < 0.92; the
    others f = 25 / √(25² + 7²) ≈ 0.96. The row is the file's whatever the chunk size (it
    said "linha 3", the frame's 0-based label, before the rows were named as the file's).
    """
    rows = [
        ("U0", "2021-12-31T23:30", 25.0, 7.0),
        ("U0", "2021-12-31T23:45", 25.0, 7.0),
        ("U1", "2022-01-02T00:00", 25.0, 7.0),
        ("U1", "2022-01-02T00:15", 25.0, -18.75),
    ]
    source = _profile(tmp_path, rows)
    argv = ["--capacitive-window", "00:00", "--chunk-rows", chunk]
    status, out, err = _run(capsys, "audit", "profile", str(source), *argv)
    assert status == 2
    assert out == ""
    assert err.startswith(
        f"aneel-rules: erro: {source}: o excedente de reativos de uma memória de massa sob a "
        "REN 414/2010 não é calculado (linha de dados 4): "
    )
    assert "art. 96, § 1º" in err
    assert "U1" not in err


def test_ren414_power_factor_096_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # f ≈ 0.96 ≥ 0.92 in every interval: no excess under any reading of art. 96, § 1º
    rows = [("U1", f"2022-01-02T00:{m:02d}", 25.0, -7.0) for m in (0, 15, 30, 45)]
    source = _profile(tmp_path, rows)
    out_file = tmp_path / "o.csv"
    argv = ["--capacitive-window", "00:00", "--output", str(out_file), "--lang", "en"]
    status, _, err = _run(capsys, "audit", "profile", str(source), *argv)
    assert status == 0
    assert err == ""
    assert pd.read_csv(out_file)["reactive_excess_kwh"].tolist() == [0.0]
