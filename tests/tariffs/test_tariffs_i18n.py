"""Every message the tariffs module and its CLI emit has a Portuguese translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError, tariffs
from aneel_rules.i18n import translate

SRC = Path(tariffs.__file__).resolve().parent
PO = SRC / "locale" / "pt_BR" / "LC_MESSAGES" / "tariffs.po"
SOURCES = (SRC / "tariffs.py", *sorted(SRC.glob("_tariffs/*.py")), SRC / "cli" / "tariffs.py")
# Call name → index of the positional argument that is the message template.
TEMPLATE_ARG = {"invalid": 2, "single": 2, "t": 0, "instance_of": 4}


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


def test_templates_were_found() -> None:
    assert len(TEMPLATES) >= 30


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_is_translated(template: str) -> None:
    assert _po_entries().get(template), f"no pt_BR translation for {template!r}"
    translated = translate(template, domain=tariffs.DOMAIN, lang="pt_BR")
    assert sorted(_fields(translated)) == sorted(_fields(template))


def _po_entries() -> dict[str, str]:
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with PO.open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def _fields(text: str) -> list[str]:
    import string  # noqa: PLC0415

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_error_messages_come_out_in_portuguese() -> None:
    with pytest.raises(InvalidInputError) as info:
        tariffs.post_schedule("cemig")
    assert info.value.errors[0].message == (
        "não há postos tarifários com o nome 'cemig' (conhecidos: amazonas-energia)"
    )
    assert str(info.value) == (
        "distributor: no tariff-post schedule named 'cemig' (known: amazonas-energia)"
    )
