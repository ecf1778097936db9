"""``aneel-rules audit readings``: chunked reading, outputs, summary, exit statuses, progress."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import pandas as pd

from aneel_rules import plot
from aneel_rules.cli import _audit_stream, audit, main
from aneel_rules.i18n import translate

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "readings.csv"
MAPPING = [
    "--column", "unit=uc",
    "--column", "previous=leitura_anterior",
    "--column", "current=leitura_atual",
    "--column", "kwh=consumo_kwh",
    "--column", "group=grupo",
    "--column", "kind=tipo",
    "--column", "supply=ligacao",
    "--column", "low_income=baixa_renda",
]  # fmt: skip


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _cells(rows: pd.DataFrame, unit: str, *columns: str) -> list[object]:
    return [rows.loc[unit, column] for column in columns]


def _write(tmp_path: Path, text: str, name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "previous,current,kwh\n"


def test_sample_summary_in_portuguese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "audit", "readings", str(SAMPLE), *MAPPING)
    assert status == 1  # some rows have findings
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == f"Leituras auditadas: 12 linhas de {SAMPLE}"
    assert lines[1] == "Achados por código:"
    assert "  ok: 6 — intervalo dentro dos limites" in lines
    # art. 285, II: 36 and 34 days are prorated
    assert "  long_interval: 2 — intervalo maior que o máximo: energia proporcionalizada" in lines
    assert "      REN 1.000/2021, art. 285, II; REN 1.000/2021, art. 260" in lines
    assert "      REN 1.000/2021, art. 285, I; REN 1.000/2021, art. 260" in lines
    # the 2021 reading: 27–33 days under REN 414/2010 too (art. 84)
    assert "      REN 414/2010, art. 84; REN 414/2010, art. 98, § 1º" in lines
    assert "10000001" not in out  # unit ids are never printed


def test_sample_summary_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "audit", "readings", str(SAMPLE), *MAPPING, "--lang", "en")
    assert status == 1
    assert out.startswith(f"Readings audited: 12 rows of {SAMPLE}\nFindings by code:\n")
    assert "  short_interval: 2 — interval shorter than the minimum" in out
    assert "  not_after_previous: 1 — current reading not after the previous one" in out


def test_rows_follow_the_regulation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Group B, REN 1.000/2021: 27–33 days (art. 260); 15–47 for a first billing (§ 1º)."""
    out_file = tmp_path / "out.csv"
    status, _, _ = _run(
        capsys, "audit", "readings", str(SAMPLE), *MAPPING, "--output", str(out_file)
    )
    assert status == 1
    rows = pd.read_csv(out_file, dtype={"unit": str}).set_index("unit")
    # 30 days: within 27–33 (art. 260)
    assert rows.loc["10000001", "finding"] == "ok"
    # 36 days: 360 kWh prorated to 33 days = 330 kWh (art. 285, II)
    assert _cells(rows, "10000002", "days", "billable_kwh") == [36, 330.0]
    # 25 days: measured energy, no availability charge (art. 285, I)
    assert rows.loc["10000003", "finding"] == "short_interval"
    assert not rows.loc["10000003", "availability_applies"]
    # the boundaries of art. 260: 26 short, 27 and 33 inside, 34 prorated (340 × 33 / 34 = 330)
    assert _cells(rows, "10000007", "days", "finding") == [26, "short_interval"]
    assert _cells(rows, "10000004", "days", "finding") == [27, "ok"]
    assert _cells(rows, "10000005", "days", "finding", "billable_kwh") == [33, "ok", 400]
    assert _cells(rows, "10000006", "days", "billable_kwh") == [34, 330.0]
    # first billing: 47 days is inside 15–47 (art. 260, § 1º)
    assert _cells(rows, "10000008", "days", "finding") == [47, "ok"]
    # group A: the 28 days of February 2026 (art. 261; art. 282, I)
    assert _cells(rows, "10000009", "days", "finding") == [28, "ok"]
    assert rows.loc["10000010", "finding"] == "not_after_previous"
    assert rows.loc["10000011", "finding"] == "ok"  # 30 days, REN 414/2010, art. 84
    assert str(rows.loc["10000011", "basis"]).startswith("REN 414/2010, art. 84")
    assert rows.loc["10000012", "finding"] == "not_a_date"
    assert rows["row"].tolist() == list(range(1, 13))


def _read(path: Path) -> pd.DataFrame:
    """An output file as text cells."""
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix == ".parquet":
        return pd.read_parquet(path).astype(str)
    return pd.DataFrame(json.loads(path.read_text(encoding="utf-8"))).astype(str)


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_outputs_agree_and_chunks_do_not_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    whole = tmp_path / f"whole{suffix}"
    chunked = tmp_path / f"chunked{suffix}"
    assert main(["audit", "readings", str(SAMPLE), *MAPPING, "--output", str(whole)]) == 1
    argv = [*MAPPING, "--output", str(chunked), "--chunk-rows", "5", "--quiet"]
    assert main(["audit", "readings", str(SAMPLE), *argv]) == 1
    out = capsys.readouterr().out
    assert out.endswith(f"Linhas gravadas em {chunked}\n")
    first, second = _read(whole), _read(chunked)
    assert len(first) == 12
    pd.testing.assert_frame_equal(first, second)
    assert first["finding"].tolist()[:3] == ["ok", "long_interval", "short_interval"]


def test_parquet_input_with_typed_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "r.parquet"
    pd.DataFrame(
        {
            "previous": [date(2026, 1, 5), date(2026, 1, 5)],
            "current": [date(2026, 2, 4), date(2026, 2, 10)],
            "kwh": [250.0, 360.0],
            "low_income": [False, False],
            "supply": ["monofásico", "single_phase"],
        }
    ).to_parquet(source)
    out_file = tmp_path / "out.parquet"
    status, out, _ = _run(capsys, "audit", "readings", str(source), "--output", str(out_file))
    assert status == 1
    result = pd.read_parquet(out_file)
    assert result["finding"].tolist() == ["ok", "long_interval"]
    assert result["billable_kwh"].tolist() == [250.0, 330.0]
    assert result["availability_kwh"].tolist() == [30, 30]  # art. 291, I
    assert "Leituras auditadas: 2 linhas" in out


def test_all_rows_conform(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, HEADER + "2026-01-05,2026-02-04,250\n2026-02-04,2026-03-06,1,5\n")
    status, out, _ = _run(capsys, "audit", "readings", str(source), "--lang", "en")
    assert status == 0
    assert "  ok: 2 — interval within the limits" in out


def test_decimal_comma_and_semicolons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "previous;current;kwh\n2026-01-05;2026-02-10;1.080,5\n"
    source = _write(tmp_path, text)
    out_file = tmp_path / "o.csv"
    argv = ["--sep", ";", "--decimal", ",", "--output", str(out_file)]
    assert main(["audit", "readings", str(source), *argv]) == 1
    # 1,080.5 kWh in 36 days, prorated to 33 (art. 285, II)
    assert pd.read_csv(out_file)["billable_kwh"][0] == pytest.approx(1080.5 * 33 / 36)
    capsys.readouterr()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["missing.csv"], "aneel-rules: erro: missing.csv não existe", id="not-found"),
        pytest.param(
            ["{dir}"], "aneel-rules: erro: {dir} é um diretório, não um arquivo", id="directory"
        ),
        pytest.param(
            ["{dir}/r.txt"],
            "aneel-rules: erro: {dir}/r.txt: formato desconhecido (use um arquivo .csv ou "
            ".parquet)",
            id="input-format",
        ),
        pytest.param(
            ["{dir}/r.csv", "--output", "{dir}/o.xlsx"],
            "aneel-rules: erro: {dir}/o.xlsx: formato desconhecido (use um arquivo .csv, "
            ".parquet ou .json)",
            id="output-format",
        ),
        pytest.param(
            ["{dir}/r.csv", "--column", "kwh=consumo"],
            "aneel-rules: erro: {dir}/r.csv não tem a coluna 'consumo' (papel kwh; "
            "indique-a com --column kwh=NOME)",
            id="missing-column",
        ),
        pytest.param(
            ["{dir}/r.csv", "--column", "stamp=datahora"],
            "aneel-rules: erro: argumento --column: papel de coluna desconhecido 'stamp' (use "
            "unit, previous, current, kwh, group, kind, supply, low_income)",
            id="unknown-role",
        ),
        pytest.param(
            ["{dir}/r.csv", "--column", "previous"],
            "aneel-rules: erro: argumento --column: mapeamento de coluna inválido 'previous' "
            "(use PAPEL=NOME)",
            id="bad-mapping",
        ),
        pytest.param(
            ["{dir}/r.csv", "--chunk-rows", "0"],
            "aneel-rules: erro: argumento --chunk-rows: tamanho de bloco inválido '0' (um "
            "número inteiro de linhas de 1 a 2.000.000)",
            id="bad-chunk",
        ),
        pytest.param(
            ["{dir}/r.csv", "--output", "{dir}/none/o.csv"],
            "aneel-rules: erro: não foi possível gravar {dir}/none/o.csv: FileNotFoundError",
            id="cannot-write",
        ),
    ],
)
def test_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    _write(tmp_path, HEADER + "2026-01-05,2026-02-04,250\n")
    _write(tmp_path, HEADER, "r.txt")
    argv = [a.replace("{dir}", str(tmp_path)) for a in argv]
    status, out, err = _run(capsys, "audit", "readings", *argv)
    assert status == 2
    assert out == ""
    assert err == message.replace("{dir}", str(tmp_path)) + "\n"


def test_bad_flag_names_the_row_not_the_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "previous,current,kwh,low_income\n2026-01-05,2026-02-04,250,não\n"
    source = _write(tmp_path, text + "2026-01-05,2026-02-04,250,talvez\n")
    status, _, err = _run(capsys, "audit", "readings", str(source), "--lang", "en")
    assert status == 2
    assert err == (
        f"aneel-rules: error: {source}: column 'low_income' has a value that is not "
        "true/false on data row 2\n"
    )


def test_unreadable_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.csv"
    source.write_bytes(b"previous,current,kwh\n\xff\xfe,2026,1\n")
    status, _, err = _run(capsys, "audit", "readings", str(source))
    assert status == 2
    assert err == f"aneel-rules: erro: não foi possível ler {source}: UnicodeDecodeError\n"


def test_unreadable_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "not parquet", "r.parquet")
    status, _, err = _run(capsys, "audit", "readings", str(source))
    assert status == 2
    assert err.startswith(f"aneel-rules: erro: não foi possível ler {source}: ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["audit", "readings", str(SAMPLE), *MAPPING]) == 1
    assert "B/s" in terminal.getvalue() or "B [" in terminal.getvalue()
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["audit", "readings", str(SAMPLE), *MAPPING, "--quiet"]) == 1
    assert quiet.getvalue() == ""
    capsys.readouterr()


def test_no_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "audit", "readings", str(SAMPLE), *MAPPING)
    assert status == 1
    assert err == ""


def test_without_pandas(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    status, _, err = _run(capsys, "audit", "readings", str(SAMPLE), "--lang", "en")
    assert status == 2
    assert "pip install aneel-rules[frames] (missing pandas)" in err


def test_parser_does_not_import_pandas() -> None:
    code = (
        "import sys; from aneel_rules.cli import build_parser; "
        "build_parser(commands=('audit',)).parse_args(['audit', 'readings', 'x.csv']); "
        "print(sorted(m for m in ('pandas', 'numpy', 'pyarrow', 'tqdm') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def _texts() -> list[tuple[str, str]]:
    return [
        *(("audit", t) for t in (*audit.TEXTS, *_audit_stream.TEXTS)),
        *(("plot", t) for t in plot.TEXTS),
    ]


@pytest.mark.parametrize(("domain", "template"), _texts())
def test_every_text_is_translated(domain: str, template: str) -> None:
    translated = translate(template, domain=domain, lang="pt_BR")
    assert translated != template or template == "kWh", f"{domain}.po misses {template!r}"
