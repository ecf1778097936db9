"""Every message the portal module and the validate CLI emit has a pt_BR translation."""

from __future__ import annotations

import string
import sys
from pathlib import Path

import pytest

from aneel_rules.cli.portal import CLI_MESSAGES
from aneel_rules.i18n import translate
from aneel_rules.portal import DOMAIN, MESSAGES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import compile_catalogs  # noqa: E402

PO = ROOT / "src/aneel_rules/locale/pt_BR/LC_MESSAGES/portal.po"
CATALOG = compile_catalogs.po_messages(PO)
TEMPLATES = sorted({*MESSAGES.values(), *CLI_MESSAGES})
# Templates whose Portuguese text is the same as the English one (only placeholders).
SAME_IN_BOTH = {"{path} [{code}]: {text}", "  - {reason}"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_is_translated(template: str) -> None:
    assert CATALOG.get(template), f"portal.po misses {template!r}"
    translated = translate(template, domain=DOMAIN, lang="pt_BR")
    assert (translated != template) or template in SAME_IN_BOTH
    assert fields(translated) == fields(template), "placeholders differ in the translation"


def test_catalog_has_no_stale_entries() -> None:
    assert set(CATALOG) == set(TEMPLATES)
