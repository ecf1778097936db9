"""Every library error carries code, template, params, basis and both languages (issue 7, 3)."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from aneel_rules import (
    AneelRulesError,
    InvalidInputError,
    NotInForceError,
    RegulatoryGapError,
    UnsupportedCaseError,
)
from aneel_rules.billing_cycle import overdue_collection
from aneel_rules.i18n import translate
from aneel_rules.legal import Norm, in_force_from, norm_in_force, ren1000
from aneel_rules.tariffs import group_a_subgroup

SRC = Path(__file__).resolve().parents[2] / "src" / "aneel_rules"
ERRORS = {"NotInForceError", "UnsupportedCaseError", "RegulatoryGapError"}


def _raise_sites() -> list[tuple[str, str, str]]:
    """(where, template, domain) of every core error built from a literal template."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERRORS or not node.args:
                continue
            template = node.args[0]
            if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
                continue
            domains = [k.value for k in node.keywords if k.arg == "domain"]
            domain = "messages"
            if domains and isinstance(domains[0], ast.Constant):
                domain = str(domains[0].value)
            elif domains:  # a module constant (DOMAIN): its literal value in that module
                domain = _module_domain(tree)
            found.append((f"{path.name}:{node.lineno}", template.value, domain))
    return found


def _module_domain(tree: ast.Module) -> str:
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "DOMAIN" for t in targets):
                value = node.value
                assert isinstance(value, ast.Constant)
                return str(value.value)
    return "messages"


SITES = _raise_sites()


def test_raise_sites_found() -> None:
    assert len(SITES) >= 12


@pytest.mark.parametrize(("where", "template", "domain"), SITES, ids=[s[0] for s in SITES])
def test_every_core_error_template_is_translated(where: str, template: str, domain: str) -> None:
    assert translate(template, domain=domain, lang="pt_BR") != template, where


def _shape(error: AneelRulesError) -> None:
    assert error.code
    assert error.template
    assert isinstance(error.params, tuple)
    assert isinstance(error.basis, tuple)
    assert error.message_in("en") == str(error)
    assert error.message == error.message_in("pt_BR") != error.message_in("en")


def test_not_in_force_has_the_shape() -> None:
    with pytest.raises(NotInForceError) as info:
        norm_in_force(date(2010, 9, 14))
    _shape(info.value)
    assert info.value.code == "no_regime"
    assert dict(info.value.params) == {"on": "2010-09-14", "since": "2010-09-15"}
    assert info.value.message == (
        "nenhum regime em vigor em 2010-09-14: a REN 414/2010 vale a partir de 2010-09-15"
    )
    with pytest.raises(NotInForceError) as info:
        in_force_from(Norm.REN_733_2016)
    _shape(info.value)


def test_gap_has_the_shape() -> None:
    with pytest.raises(RegulatoryGapError) as info:
        group_a_subgroup("50")
    _shape(info.value)
    assert info.value.code == "voltage_between_subgroups"
    assert info.value.basis  # the provision leaving the gap


def test_billing_errors_have_the_shape_without_a_late_attribute() -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        overdue_collection(date(2016, 1, 5), on=date(2021, 6, 1))
    _shape(info.value)
    assert not hasattr(info.value, "template_code")
    assert info.value.code == "unverified_ren414"
    # the nested subject is translated with the message
    subject = dict(info.value.params)["what"]
    assert translate(subject, domain="billing_cycle", lang="pt_BR") in info.value.message


def test_invalid_input_has_the_shape_of_its_first_problem() -> None:
    error = InvalidInputError.single("on", "not_a_date", "{path} must be a date", path="on")
    assert (error.code, error.template, dict(error.params)) == (
        "not_a_date",
        "{path} must be a date",
        {"path": "on"},
    )
    assert error.basis == ()
    assert isinstance(error, ValueError)


def test_bases_accepted_and_classes_kept() -> None:
    error = UnsupportedCaseError("x", code="x", basis=ren1000(1))
    assert error.basis == (ren1000(1),)
    assert isinstance(NotInForceError("x"), LookupError)
