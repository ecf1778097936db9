"""A command or option that needs an optional extra refuses it before any work or output.

Without the extra the command prints nothing on stdout, writes no file, and prints the
library's one-line :class:`~aneel_rules._extras.MissingExtraError` on stderr (exit status 2),
in Portuguese (default) and English. A missing extra is simulated as the core-only tests do:
``sys.modules[name] = None`` makes both ``import name`` and ``importlib.util.find_spec(name)``
report the module as absent.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from aneel_rules.cli import main

ROOT = Path(__file__).resolve().parents[2]
READINGS = str(ROOT / "examples" / "readings.csv")
PROFILE = str(ROOT / "examples" / "profile.csv")

_PT = (
    "aneel-rules: erro: {feature} precisa da dependência opcional {extra}: "
    "pip install aneel-rules[{extra}] (falta {module})\n"
)
_EN = (
    "aneel-rules: error: {feature} needs the optional extra {extra}: "
    "pip install aneel-rules[{extra}] (missing {module})\n"
)


class Case(NamedTuple):
    """A command line (``OUT`` is replaced by a file in a temporary folder)."""

    argv: tuple[str, ...]
    missing: str  # the module hidden
    extra: str
    feature: str
    installed: tuple[str, ...] = ()  # modules the case needs really there (else: skipped)


CASES = {
    "calendar --plot": Case(
        ("calendar", "2026", "--plot", "OUT.png"), "matplotlib", "plot", "aneel_rules.plot"
    ),
    "audit readings without pandas": Case(
        ("audit", "readings", READINGS, "--output", "OUT.csv"),
        "pandas",
        "frames",
        "aneel-rules audit",
        ("numpy",),  # numpy is checked first
    ),
    "audit readings without numpy": Case(
        ("audit", "readings", READINGS, "--output", "OUT.json"),
        "numpy",
        "frames",
        "aneel-rules audit",
    ),
    "audit readings --output parquet": Case(
        ("audit", "readings", READINGS, "--output", "OUT.parquet"),
        "pyarrow",
        "frames",
        "aneel-rules audit",
        ("numpy", "pandas"),
    ),
    "audit readings of a parquet file": Case(
        ("audit", "readings", "OUT.pq"),
        "pyarrow",
        "frames",
        "aneel-rules audit",
        ("numpy", "pandas"),
    ),
    "audit profile without pandas": Case(
        ("audit", "profile", PROFILE, "--output", "OUT.csv"),
        "pandas",
        "frames",
        "aneel-rules audit",
        ("numpy",),  # numpy is checked first
    ),
    "audit profile --plot": Case(
        ("audit", "profile", PROFILE, "--output", "OUT.csv", "--plot", "OUT.png"),
        "matplotlib",
        "plot",
        "aneel_rules.plot",
        ("numpy", "pandas"),
    ),
}


@pytest.mark.parametrize("lang", ["pt_BR", "en"])
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_refused_before_any_output(
    case: Case,
    lang: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for module in case.installed:
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed")
    monkeypatch.setitem(sys.modules, case.missing, None)
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in case.argv]
    if lang == "en":
        argv += ["--lang", "en"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    template = _EN if lang == "en" else _PT
    assert captured.err == template.format(
        feature=case.feature, extra=case.extra, module=case.missing
    )
    assert list(tmp_path.iterdir()) == []  # no output file begun, no picture


def test_plot_extra_is_checked_only_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert main(["calendar", "2026", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines()[-1] == "Total: 250"  # Days with ponta in 2026


def test_the_check_imports_no_extra() -> None:
    code = (
        "import sys; from aneel_rules._extras import EXTRAS, require\n"
        "for extra in EXTRAS:\n"
        "    try:\n"
        "        require(extra)\n"
        "    except ImportError:\n"
        "        pass\n"
        "mods = {m for ms in EXTRAS.values() for m in ms}\n"
        "print(sorted(m for m in mods if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"
