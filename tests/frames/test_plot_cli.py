"""``aneel-rules calendar --plot``, and the library error when matplotlib is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aneel_rules.cli import main


def test_calendar_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "cal.png"
    assert main(["calendar", "2026", "--plot", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2] == "Total: 250"
    assert lines[-1] == f"Gráfico gravado em {out}"
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_calendar_plot_without_matplotlib(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a None entry makes ``import matplotlib.figure`` raise ImportError, as when not installed
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    out = tmp_path / "cal.png"
    assert main(["calendar", "2026", "--plot", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("aneel-rules: erro: ")
    assert "pip install aneel-rules[plot] (" in err
    assert err.count("\n") == 1
    assert not out.exists()
    assert main(["calendar", "2026", "--plot", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "aneel-rules: error: aneel_rules.plot needs the optional extra plot: "
        "pip install aneel-rules[plot] (missing matplotlib)\n"
    )
