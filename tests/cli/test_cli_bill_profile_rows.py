"""``aneel-rules bill``: a refused interval of the profile CSV names its data row of the file.

``measurements_from_profile`` names list positions from 0 (``stamps.4``); the command line
read the lists from the file, so it names the data row (1 = the first row under the header,
if any) and the column, as ``bad_profile_row`` does (docs/frames.md).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from aneel_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
REQUEST = ROOT / "examples" / "bill_azul.json"
PROFILE = ROOT / "examples" / "azul_profile.csv"
DATA_ROWS = len(PROFILE.read_text(encoding="utf-8").splitlines()) - 1  # under the header

# kind → (cell changed: 0 stamp, 1 active, 2 reactive; new text; English and Portuguese)
STAMP_EN = "the timestamp of data row {row} of the load profile is not on the 15-minute grid: "
STAMP_PT = "o instante da linha de dados {row} da curva de carga não está na grade de 15 minutos: "
ACTIVE_EN = "the active value of data row {row} of the load profile must not be negative, got -1"
ACTIVE_PT = "o valor ativo da linha de dados {row} da curva de carga não pode ser negativo; "
KINDS = {
    "off_grid": (0, None, STAMP_EN + "{stamp}", STAMP_PT + "{stamp}"),
    "negative": (1, "-1", ACTIVE_EN, ACTIVE_PT + "recebido -1"),
}


def _request(tmp_path: Path, kind: str, row: int, *, header: bool = True) -> tuple[Path, str]:
    """A copy of the A4 azul example with data row ``row`` spoiled; the stamp shown."""
    shutil.copy(REQUEST, tmp_path / REQUEST.name)
    lines = PROFILE.read_text(encoding="utf-8").splitlines()
    cell, text, _, _ = KINDS[kind]
    cells = lines[row].split(",")
    stamp = ""
    if text is None:  # five minutes off the grid
        cells[0] = cells[0][:-2] + "05"
        stamp = cells[0] + ":00"
    else:
        cells[cell] = text
    lines[row] = ",".join(cells)
    if not header:
        lines = lines[1:]
    (tmp_path / PROFILE.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / REQUEST.name, stamp


@pytest.mark.parametrize("lang", ["pt_BR", "en"])
@pytest.mark.parametrize("row", [1, 500, DATA_ROWS], ids=["first", "middle", "last"])
@pytest.mark.parametrize("kind", KINDS)
def test_profile_refusal_names_the_data_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, row: int, lang: str
) -> None:
    request, stamp = _request(tmp_path, kind, row)
    status = main(["bill", str(request), "--lang", lang])
    captured = capsys.readouterr()
    _, _, english, portuguese = KINDS[kind]
    text = (english if lang == "en" else portuguese).format(row=row, stamp=stamp)
    assert status == 2
    assert f"profile.file [{kind}]: {text}\n" in captured.out + captured.err


def test_without_a_header_the_first_line_is_data_row_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request, _ = _request(tmp_path, "negative", 3, header=False)  # now the file's third line
    assert main(["bill", str(request), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert "the active value of data row 3 of the load profile" in captured.out + captured.err


def test_the_example_is_answered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(REQUEST, tmp_path / REQUEST.name)
    shutil.copy(PROFILE, tmp_path / PROFILE.name)
    assert json.loads(REQUEST.read_text(encoding="utf-8"))["profile"]["file"] == PROFILE.name
    assert main(["bill", str(tmp_path / REQUEST.name)]) == 0
    capsys.readouterr()
