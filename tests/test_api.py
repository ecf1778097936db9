"""Meta-tests: public API, cheap import, purity of the core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import aneel_rules

from .conftest import library_modules

SRC = Path(aneel_rules.__file__).resolve().parent


@pytest.mark.parametrize("module", library_modules(), ids=lambda m: m.__name__)
def test_all_is_a_static_tuple_of_existing_names(module: object) -> None:
    names = getattr(module, "__all__", None)
    assert isinstance(names, tuple), f"{module} needs a static __all__ tuple"
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(module, name), f"{module}.__all__ lists missing {name}"


def test_import_is_cheap() -> None:
    code = (
        "import sys, aneel_rules, aneel_rules.tariffs, aneel_rules.legal, aneel_rules.timeline;"
        "heavy = [m for m in ('holidays', 'babel') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


# Clock reads, environment, network, ambient decimal context and file I/O (by attribute name),
# and builtins (by plain name). ``time.time()`` is a clock read; ``datetime.time(20, 0)`` is not.
FORBIDDEN_ATTRIBUTE_CALLS = {
    "today",
    "now",
    "utcnow",
    "monotonic",
    "perf_counter",
    "getenv",
    "urlopen",
    "getcontext",
    "localcontext",
    "read_text",
    "write_text",
    "write_bytes",
}
FORBIDDEN_NAME_CALLS = {"open", "float", "input", "print"}
CLI_MODULES = {"__main__.py"}


def _forbidden(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        if func.attr in FORBIDDEN_ATTRIBUTE_CALLS:
            return func.attr
        if func.attr == "time" and isinstance(func.value, ast.Name) and func.value.id == "time":
            return "time.time"
    elif isinstance(func, ast.Name) and func.id in FORBIDDEN_NAME_CALLS:
        return func.id
    return None


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in SRC.rglob("*.py")
        if p.name not in CLI_MODULES and p.relative_to(SRC).parts[0] != "cli"
    ),
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_core_reads_no_clock_and_does_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _forbidden(node)
            assert name is None, f"{path.name}:{node.lineno} calls {name}()"
