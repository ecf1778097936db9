"""Every message the connection modules and their CLI can emit has a pt_BR translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import aneel_rules
from aneel_rules.i18n import translate

SRC = Path(aneel_rules.__file__).resolve().parent
MODULES = sorted(
    [
        SRC / "connection.py",
        SRC / "calendars.py",
        SRC / "cli" / "connection.py",
        *SRC.glob("_connection/*.py"),
    ]
)


def _templates(path: Path) -> list[str]:
    """Templates passed to ``_error(...)``, ``.single(...)`` and ``.t(...)``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        index = {"invalid": 2, "single": 2, "t": 0, "_print_deadline": 2}.get(name)
        if index is None or len(node.args) <= index:
            continue
        arg = node.args[index]
        if isinstance(arg, ast.Name) and arg.id in {"template", "title"}:
            continue  # the helpers that forward a literal template
        assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno}: template not a literal"
        assert isinstance(arg.value, str)
        found.append(arg.value)
    return found


ALL = sorted({t for p in MODULES for t in _templates(p)})


def test_modules_found() -> None:
    assert {p.name for p in MODULES} >= {"connection.py"}
    assert len(ALL) >= 5


@pytest.mark.parametrize("template", ALL)
def test_template_translated(template: str) -> None:
    translated = translate(template, domain="connection", lang="pt_BR")
    assert translated != template, f"no pt_BR translation for {template!r}"
    assert "!r" not in template
