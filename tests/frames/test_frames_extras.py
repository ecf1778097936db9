"""The frames extra is lazy: importing never needs numpy, calling without it names the extra.

These tests run in the core environment too (``make test-core``).
"""

# ruff: noqa: DTZ001

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import aneel_rules
from aneel_rules import AneelRulesError, frames
from aneel_rules._extras import MissingExtraError, needs
from aneel_rules.i18n import translate
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality, tariff_posts

SRC = Path(aneel_rules.__file__).resolve().parent
BLUE = TariffModality.BLUE
HEAVY = ("numpy", "pandas", "pyarrow", "dask", "distributed", "matplotlib", "tqdm")


def test_import_never_loads_an_extra() -> None:
    code = (
        "import sys, aneel_rules, aneel_rules.frames, aneel_rules.tariffs;"
        "from datetime import datetime;"
        "from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality, tariff_posts;"
        "tariff_posts([datetime(2026, 3, 9, 20)], AMAZONAS_ENERGIA,"
        " modality=TariffModality.BLUE);"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


@pytest.fixture
def without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend numpy is not installed (as in ``make test-core``)."""
    for name in list(sys.modules):
        heavy = name.partition(".")[0] in {"numpy", "pandas", "pyarrow"}
        private = name.startswith("aneel_rules.frames._") and name != "aneel_rules.frames._common"
        if heavy or private:
            monkeypatch.delitem(sys.modules, name)
    for name in ("numpy", "pandas", "pyarrow"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.usefixtures("without_numpy")
def test_missing_extra_is_a_library_error_naming_it() -> None:
    with pytest.raises(MissingExtraError) as caught:
        frames.post_codes(
            [datetime(2026, 3, 9, 20)], AMAZONAS_ENERGIA, modality=TariffModality.BLUE
        )
    err = caught.value
    assert isinstance(err, AneelRulesError)
    assert isinstance(err, ImportError)
    assert err.code == "missing_extra"
    assert err.extra == "frames"
    assert err.module == "numpy"
    assert err.basis == ()
    assert "pip install aneel-rules[frames]" in str(err)
    assert "pip install aneel-rules[frames]" in err.message
    assert err.message.startswith("post_codes precisa da dependência opcional frames")
    assert err.message_in("en") == str(err)


@pytest.mark.usefixtures("without_numpy")
def test_tariff_posts_needs_no_numpy_for_lists() -> None:
    posts = tariff_posts([datetime(2026, 3, 9, 20)], AMAZONAS_ENERGIA, modality=BLUE)
    assert [p.value for p in posts] == ["ponta"]


def test_needs_lets_other_import_errors_through() -> None:
    with pytest.raises(ModuleNotFoundError), needs("frames"):
        import aneel_rules_no_such_module  # type: ignore[import-not-found]  # noqa: F401, PLC0415


# Call name → index of the positional argument that is the message template.
TEMPLATE_ARG = {"invalid": 2, "single": 2}


def _templates() -> list[str]:
    found = [MissingExtraError("frames", "numpy").template]
    for path in sorted((SRC / "frames").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            index = TEMPLATE_ARG.get(name)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.JoinedStr):  # pragma: no cover - a defect the test reports
                pytest.fail(f"{path.name}:{node.lineno}: template is an f-string")
            assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno}: not literal"
            assert isinstance(arg.value, str)
            found.append(arg.value)
    return sorted(set(found))


TEMPLATES = _templates()


def test_templates_were_found() -> None:
    assert len(TEMPLATES) >= 4


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_is_translated(template: str) -> None:
    translated = translate(template, domain=frames._common.DOMAIN, lang="pt_BR")
    assert translated != template, f"frames.po misses {template!r}"
    fields = sorted(f for _, f, _, _ in __import__("string").Formatter().parse(template) if f)
    got = sorted(f for _, f, _, _ in __import__("string").Formatter().parse(translated) if f)
    assert got == fields
