from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.i18n import normalize_lang, translate

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import compile_catalogs  # noqa: E402

PO_FILES = sorted((ROOT / "src/aneel_rules/locale").glob("*/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("po", PO_FILES, ids=[p.stem for p in PO_FILES])
def test_catalog_is_complete_and_compiled(po: Path) -> None:
    assert compile_catalogs.problems(po) == []
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"run `make catalogs`: {mo.name} missing"
    stale = f"run `make catalogs`: {mo.name} is stale"
    assert compile_catalogs.mo_messages(mo) == compile_catalogs.po_messages(po), stale


@pytest.mark.parametrize(
    ("given", "expected"),
    [("pt_BR", "pt_BR"), ("pt-br", "pt_BR"), ("pt", "pt_BR"), ("en", "en"), (" EN-US ", "en")],
)
def test_normalize_lang(given: str, expected: str) -> None:
    assert normalize_lang(given) == expected


@pytest.mark.parametrize("bad", ["fr", "", "xx_YY"])
def test_unsupported_language(bad: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        normalize_lang(bad)
    assert info.value.codes == ("unsupported_language",)


def test_unknown_domain_falls_back_to_english() -> None:
    assert translate("hello", domain="no-such-domain", lang="pt_BR") == "hello"
