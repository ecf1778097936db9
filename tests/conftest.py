"""Shared test helpers."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from hypothesis import HealthCheck, settings

import aneel_rules

# No per-example deadline: CI runs on a loaded 2-core machine and timing is not what we test.
settings.register_profile(
    "aneel", deadline=None, suppress_health_check=(HealthCheck.too_slow,), print_blob=True
)
settings.load_profile("aneel")


def library_modules() -> list[ModuleType]:
    """Every module of the package (CLI modules included)."""
    modules = [aneel_rules]
    for info in pkgutil.walk_packages(aneel_rules.__path__, prefix="aneel_rules."):
        if info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules
