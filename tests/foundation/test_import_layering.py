"""Private modules import the private modules they need, never a facade (a cheap cold start).

A facade (``tariffs``, ``connection``, ``portal``, ``invoice``, ``billing_cycle``) imports every
rule of its domain; a private module or a command that imported one at module level would make
every user of that module pay for the whole domain (``docs/design.md``, "Cheap import").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import aneel_rules

_PACKAGE = Path(aneel_rules.__file__).parent
_FACADES = frozenset({"tariffs", "connection", "portal", "invoice", "billing_cycle"})


def _checked(path: Path) -> bool:
    """Private modules and packages, the command line and the business-day calendars."""
    top = path.relative_to(_PACKAGE).parts[0]
    return top.startswith("_") or top in {"cli", "calendars.py"}


_CHECKED = sorted(path for path in _PACKAGE.rglob("*.py") if _checked(path))


def _facades_imported(tree: ast.Module) -> set[str]:
    """The facades a module imports in its own body (imports inside functions are lazy)."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "aneel_rules":
                found |= {alias.name for alias in node.names} & _FACADES
            elif node.module.partition("aneel_rules.")[2] in _FACADES:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.partition(".")[2] in _FACADES}
    return found


def test_the_checked_modules_are_found() -> None:
    names = {path.relative_to(_PACKAGE).as_posix() for path in _CHECKED}
    assert {"_tariffs/posts.py", "_portal/models.py", "cli/tariffs.py", "calendars.py"} <= names


@pytest.mark.parametrize("path", _CHECKED, ids=lambda p: p.relative_to(_PACKAGE).as_posix())
def test_no_private_module_imports_a_facade(path: Path) -> None:
    assert not _facades_imported(ast.parse(path.read_text(encoding="utf-8")))
