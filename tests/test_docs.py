"""Docs-vs-code: every public class and enum value of a rule module is in the glossary."""

from __future__ import annotations

import enum
import importlib
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")

RULE_MODULES = (
    "aneel_rules",
    "aneel_rules.tariffs",
    "aneel_rules.billing_cycle",
    "aneel_rules.connection",
    "aneel_rules.portal",
    "aneel_rules.documents",
    "aneel_rules.invoice",
)


def _public_classes() -> list[tuple[str, type]]:
    found = []
    for name in RULE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if inspect.isclass(value) and not issubclass(value, BaseException):
                found.append((f"{name}.{attr}", value))
    return found


@pytest.mark.parametrize(("qualname", "cls"), _public_classes(), ids=str)
def test_public_class_in_glossary(qualname: str, cls: type) -> None:
    assert f"`{cls.__name__}`" in GLOSSARY, f"{qualname} missing from docs/glossary.md"
    if issubclass(cls, enum.Enum):
        for member in cls:
            assert f"`{member.value}`" in GLOSSARY or f"{member.value}" in GLOSSARY, (
                f"{qualname}.{member.name} = {member.value!r} missing from docs/glossary.md"
            )
