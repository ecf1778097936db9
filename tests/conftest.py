"""Shared test helpers."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from types import ModuleType

from hypothesis import HealthCheck, settings

import aneel_rules
from aneel_rules._extras import EXTRAS

# No per-example deadline: CI runs on a loaded 2-core machine and timing is not what we test.
settings.register_profile(
    "aneel", deadline=None, suppress_health_check=(HealthCheck.too_slow,), print_blob=True
)
settings.load_profile("aneel")

_EXTRA_MODULES = frozenset(module for modules in EXTRAS.values() for module in modules)
HAS_FRAMES = all(importlib.util.find_spec(m) is not None for m in EXTRAS["frames"])


def _needs_missing_extra(name: str) -> bool:
    """Whether ``name`` is a private module of ``aneel_rules.frames`` whose extra is missing.

    Only those modules may import an extra at module level (see ``aneel_rules.frames``);
    every other module must import without the extras.
    """
    if not name.startswith("aneel_rules.frames._"):
        return False
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        return (exc.name or "").partition(".")[0] in _EXTRA_MODULES
    return False


def library_modules() -> list[ModuleType]:
    """Every module of the package (CLI modules included).

    Without the extras, the private modules of ``aneel_rules.frames`` that import them are
    left out (they cannot be imported there by design).
    """
    modules = [aneel_rules]
    for info in pkgutil.walk_packages(aneel_rules.__path__, prefix="aneel_rules."):
        if info.name.endswith("__main__") or _needs_missing_extra(info.name):
            continue
        modules.append(importlib.import_module(info.name))
    return modules
