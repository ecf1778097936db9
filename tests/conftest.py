"""Shared test helpers."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import aneel_rules


def library_modules() -> list[ModuleType]:
    """Every module of the package (CLI modules included)."""
    modules = [aneel_rules]
    for info in pkgutil.walk_packages(aneel_rules.__path__, prefix="aneel_rules."):
        if info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules
