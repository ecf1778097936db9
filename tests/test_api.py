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


# Clock reads, environment, network and ambient decimal context (by attribute name), and
# builtins (by plain name). ``time.time()`` is a clock read; ``datetime.time(20, 0)`` is not.
# File I/O has its own rule below.
FORBIDDEN_ATTRIBUTE_CALLS = {
    "today",
    "now",
    "utcnow",
    "monotonic",
    "perf_counter",
    "getenv",
    "getcontext",
    "localcontext",
}
FORBIDDEN_NAME_CALLS = {"float", "input", "print"}
CLI_MODULES = {"__main__.py"}

# Names that open, read, write or create a file (or a URL), whoever owns them: the builtin
# ``open`` and ``io.open``/``os.open``/``Path.open``/``gzip.open``… (all "open"), pathlib's
# whole-file readers and writers, package data, pandas/pyarrow/matplotlib file readers and
# writers. Any use counts, not only a call: ``io.open(...)``, ``opener = io.open``,
# ``from io import open``, ``getattr(io, "open")``.
FILE_IO_NAMES = frozenset(
    {
        "open",
        "fdopen",
        "urlopen",
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "touch",
        "mkdir",
        "unlink",
        "rmdir",
        "get_data",
        "read_csv",
        "read_parquet",
        "read_excel",
        "read_table",
        "to_csv",
        "to_parquet",
        "to_excel",
        "ParquetFile",
        "ParquetWriter",
        "savefig",
    }
)

# The only places of the core that touch files: (module, function) → the names it may use.
# Every other module (every rule module) must do no file I/O; an entry no longer used fails
# ``test_file_io_allow_list_is_current``, so the list stays exact.
FILE_IO_EDGES: dict[tuple[str, str], frozenset[str]] = {
    # loader edges: they read a path (or stream) the caller gives
    # ANEEL open-data CSVs (tarifas, bandeiras): a path the caller gives, via io.open
    ("_invoice/opendata.py", "_lines"): frozenset({"open"}),
    # read_ipca_series(path): a path the caller gives, via Path.open
    ("_invoice/ipca.py", "_text"): frozenset({"open"}),
    # save_png(figure, path): writes the PNG where the caller says
    ("plot.py", "save_png"): frozenset({"savefig"}),
    # package data shipped with the library, read-only, not the caller's files
    ("_invoice/ipca.py", "ipca_series"): frozenset({"read_bytes"}),  # data/ipca_monthly.csv
    ("i18n.py", "_catalog"): frozenset({"get_data"}),  # locale/*/LC_MESSAGES/*.mo
    ("_portal/passwords.py", "common_passwords"): frozenset({"get_data"}),  # common_passwords
}

CORE_PATHS = sorted(
    p
    for p in SRC.rglob("*.py")
    if p.name not in CLI_MODULES and p.relative_to(SRC).parts[0] != "cli"
)


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


def _file_io_name(node: ast.AST) -> str | None:
    """The file-I/O name ``node`` uses (reads, imports or looks up by string), if any."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        found = node.id
    elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
        found = node.attr
    elif isinstance(node, ast.ImportFrom):
        found = next((a.name for a in node.names if a.name in FILE_IO_NAMES), "")
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) > 1
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    ):
        found = node.args[1].value
    else:
        return None
    return found if found in FILE_IO_NAMES else None


def file_io_uses(source: str) -> list[tuple[str, int, str]]:
    """``(function, line, name)`` of every file-I/O name used (function ``""``: module level).

    ``function`` is the qualified name of the innermost enclosing def or class.
    """
    uses: list[tuple[str, int, str]] = []

    def visit(node: ast.AST, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = f"{scope}.{child.name}" if scope else child.name
            name = _file_io_name(child)
            if name is not None:
                uses.append((inner, getattr(child, "lineno", 0), name))
            visit(child, inner)

    visit(ast.parse(source), "")
    return uses


def test_file_io_rule_catches_every_spelling() -> None:
    source = (
        "import io\n"
        "from io import open as o\n"
        "def rule(p):\n"
        "    io.open(p)\n"
        "    open(p)\n"
        "    p.read_text()\n"
        "    f = io.open\n"
        "    return getattr(io, 'open')\n"
        "def pure(x):\n"
        "    x.opened = 1\n"
        "    return x.replace('a', 'b')\n"
    )
    assert file_io_uses(source) == [
        ("", 2, "open"),
        ("rule", 4, "open"),
        ("rule", 5, "open"),
        ("rule", 6, "read_text"),
        ("rule", 7, "open"),
        ("rule", 8, "open"),
    ]


@pytest.mark.parametrize("path", CORE_PATHS, ids=lambda p: str(p.relative_to(SRC)))
def test_core_reads_no_clock_and_does_no_io(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _forbidden(node)
            assert name is None, f"{path.name}:{node.lineno} calls {name}()"
    module = path.relative_to(SRC).as_posix()
    for function, line, name in file_io_uses(source):
        allowed = FILE_IO_EDGES.get((module, function), frozenset())
        assert name in allowed, (
            f"{module}:{line} uses {name} (file I/O) in {function or 'module level'}: "
            "the core does no I/O; take the data as an argument, or add a commented "
            "loader edge to FILE_IO_EDGES"
        )


def test_file_io_allow_list_is_current() -> None:
    used = {
        (path.relative_to(SRC).as_posix(), function, name)
        for path in CORE_PATHS
        for function, _, name in file_io_uses(path.read_text(encoding="utf-8"))
    }
    stale = [
        (module, function, name)
        for (module, function), names in FILE_IO_EDGES.items()
        for name in sorted(names)
        if (module, function, name) not in used
    ]
    assert stale == [], f"FILE_IO_EDGES lists uses that are gone: {stale}"
