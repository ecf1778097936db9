"""Every message the invoice modules emit has a Portuguese translation (domain ``invoice``)."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from aneel_rules import invoice
from aneel_rules._invoice.messages import DOMAIN
from aneel_rules.i18n import translate

SRC = Path(invoice.__file__).resolve().parent
PO = SRC / "locale" / "pt_BR" / "LC_MESSAGES" / f"{DOMAIN}.po"
# invoice-audit's modules use their own domain (``invoice_audit``) and test it themselves.
_OTHER_DOMAIN = {
    "audit_messages.py",
    "parse.py",
    "invoice_specs.py",
    "bill_json.py",
    "audit.py",
    "contents.py",
    "refunds.py",
    "ipca.py",
}
SOURCES = tuple(p for p in sorted(SRC.glob("_invoice/*.py")) if p.name not in _OTHER_DOMAIN)
# Call name → index of the positional argument that is the message template.
TEMPLATE_ARG = {"invalid": 2, "unsupported": 0, "instance_of": 4}


def _templates() -> list[str]:
    found: list[str] = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            index = TEMPLATE_ARG.get(name)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno}: template not literal"
            assert isinstance(arg.value, str)
            found.append(arg.value)
    return sorted(set(found))


TEMPLATES = _templates()


def _po_entries() -> dict[str, str]:
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with PO.open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_templates_were_found() -> None:
    assert len(TEMPLATES) >= 5


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_is_translated(template: str) -> None:
    assert _po_entries().get(template), f"no pt_BR translation for {template!r}"
    translated = translate(template, domain=DOMAIN, lang="pt_BR")
    assert _fields(translated) == _fields(template)
