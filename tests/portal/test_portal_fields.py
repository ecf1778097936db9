"""The field machinery behind the portal parsers (specs, collector, schema fragments)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError
from aneel_rules._portal.field_groups import Field, ListOf, NumberOrList, Obj
from aneel_rules._portal.field_numbers import Integer, Number
from aneel_rules._portal.fields import INVALID, Boolean, Choice, Collector, DateSpec, Text, echo
from aneel_rules.connection import SecondaryVoltage
from aneel_rules.portal import (
    AccessGrant,
    BudgetReason,
    ProfessionalKind,
    ProfileStatus,
    parse_connection_budget_request,
)

TODAY = date(2026, 3, 9)


def run(spec: object, value: object) -> tuple[object, list[tuple[str, str]]]:
    collector = Collector(today=TODAY)
    result = spec.convert(value, "f", collector)  # type: ignore[attr-defined]
    return result, [(e.path, e.code) for e in collector.errors]


@pytest.mark.parametrize(
    ("spec", "value", "expected"),
    [
        pytest.param(Number(), "1" * 65, (INVALID, [("f", "not_a_number")]), id="number-huge-text"),
        pytest.param(
            Number(), float("inf"), (INVALID, [("f", "not_a_number")]), id="number-infinity"
        ),
        pytest.param(Number(), float("nan"), (INVALID, [("f", "not_a_number")]), id="number-nan"),
        pytest.param(Number(), True, (INVALID, [("f", "not_a_number")]), id="number-bool"),
        pytest.param(Number(), "abc", (INVALID, [("f", "not_a_number")]), id="number-text"),
        pytest.param(Number(), 13.8, (Decimal("13.8"), []), id="number-float-shortest-repr"),
        pytest.param(
            Number(minimum=Decimal(1)), "0.5", (INVALID, [("f", "below_minimum")]), id="number-min"
        ),
        pytest.param(
            Number(maximum=Decimal(1)), "1.5", (INVALID, [("f", "above_maximum")]), id="number-max"
        ),
        pytest.param(Number(maximum=Decimal(1)), "1", (Decimal(1), []), id="number-at-max"),
        pytest.param(
            Integer(maximum=10), 11, (INVALID, [("f", "above_maximum")]), id="integer-max"
        ),
        pytest.param(Integer(maximum=10), "10", (10, []), id="integer-text"),
        pytest.param(ListOf(Text()), "abc", (INVALID, [("f", "not_a_list")]), id="list-text"),
        pytest.param(ListOf(Text()), {"a": 1}, (INVALID, [("f", "not_a_list")]), id="list-dict"),
        pytest.param(
            ListOf(Text(), max_items=2),
            ["a", "b", "c"],
            (INVALID, [("f", "too_many_items")]),
            id="list-max",
        ),
        pytest.param(ListOf(Text()), ("a", "b"), (("a", "b"), []), id="list-tuple"),
        pytest.param(
            NumberOrList(Number(positive=True)),
            [1, "2"],
            ((Decimal(1), Decimal(2)), []),
            id="number-or-list",
        ),
        pytest.param(
            NumberOrList(Number(positive=True)),
            "x",
            (INVALID, [("f", "not_a_number")]),
            id="number-or-list-bad",
        ),
        pytest.param(
            Choice(BudgetReason),
            BudgetReason.NEW_CONNECTION,
            (BudgetReason.NEW_CONNECTION, []),
            id="choice-member",
        ),
        pytest.param(
            Choice(BudgetReason), 3, (INVALID, [("f", "not_in_choices")]), id="choice-int"
        ),
        pytest.param(Boolean(), "true", (INVALID, [("f", "not_a_boolean")]), id="boolean-text"),
        pytest.param(Boolean(), False, (False, []), id="boolean-false"),
        pytest.param(Number(), 5, (Decimal(5), []), id="number-int"),
        pytest.param(Text(), "x" * 201, (INVALID, [("f", "too_long")]), id="text-too-long"),
        pytest.param(Text(upper=True), " am ", ("AM", []), id="text-upper"),
        pytest.param(Obj(fields=()), {"": 1}, ({}, [("f.''", "unknown_field")]), id="empty-key"),
        pytest.param(Obj(fields=()), {7: 1}, ({}, [("f.7", "unknown_field")]), id="int-key"),
        pytest.param(Text(), "   ", (INVALID, [("f", "required")]), id="text-blank-alone"),
        pytest.param(
            Text(max_length=3), " ab ", (INVALID, [("f", "too_long")]), id="text-max-counts-blanks"
        ),
        pytest.param(
            Number(), Decimal("NaN"), (INVALID, [("f", "not_a_number")]), id="number-decimal-nan"
        ),
        pytest.param(Number(), " 1e2 ", (Decimal("1e2"), []), id="number-text-exponent"),
        pytest.param(Number(), "1_000", (INVALID, [("f", "not_a_number")]), id="number-underscore"),
        pytest.param(Integer(), "2.0", (2, []), id="integer-integral-text"),
        pytest.param(
            Obj(fields=(Field("a", Text(), required=False),)),
            {"a": "  "},
            ({"a": None}, []),
            id="blank-optional-is-absent",
        ),
        pytest.param(
            Choice(BudgetReason),
            " ligação nova ",
            (BudgetReason.NEW_CONNECTION, []),
            id="choice-caseless",
        ),
        pytest.param(
            Choice(BudgetReason),
            "LIGACAO NOVA",
            (INVALID, [("f", "not_in_choices")]),
            id="choice-accents-matter",
        ),
        pytest.param(DateSpec(), "20260309", (INVALID, [("f", "not_iso_date")]), id="date-basic"),
        pytest.param(DateSpec(), "2026-03-09", (date(2026, 3, 9), []), id="date-extended"),
    ],
)
def test_specs(spec: object, value: object, expected: tuple[object, list[tuple[str, str]]]) -> None:
    assert run(spec, value) == expected


def test_echo_cuts_long_values() -> None:
    assert echo("x" * 50) == repr("x" * 40 + "…")
    assert echo(Decimal(10) ** 60) == "1.000000000000000000000000000E+60"
    assert echo(10**60) == "1" + "0" * 39 + "…"
    assert repr(INVALID) == "INVALID"


def test_huge_number_in_message_is_cut() -> None:
    _, errors = run(Number(maximum=Decimal(1)), 10**500)
    assert errors == [("f", "above_maximum")]
    collector = Collector(today=TODAY)
    Number(maximum=Decimal(1)).convert(10**500, "f", collector)
    assert len(collector.errors[0].message) < 120


def test_number_schema_bounds_round_outward_to_ints() -> None:
    schema = Number(minimum=Decimal("-33.76"), maximum=Decimal("5.28")).schema()
    number = schema["anyOf"][0]  # type: ignore[index]
    assert number == {"type": "number", "minimum": -34, "maximum": 6}
    assert Number().schema()["anyOf"][0] == {"type": "number"}  # type: ignore[index]


def test_load_helpers_and_voltage_enum_input() -> None:
    data = json.loads(
        (Path(__file__).resolve().parents[2] / "examples/budget.json").read_text("utf-8")
    )
    data["load"]["transformer_kva"] = ["112.5", 75]
    data["load"]["expected_demand_kw"] = 100
    data["load"]["secondary_voltage"] = SecondaryVoltage.V380_220
    load = parse_connection_budget_request(data, today=TODAY).load
    assert load.installed_kva == Decimal("187.5")
    assert [t.power_kva for t in load.transformers] == [Decimal("112.5"), Decimal(75)]


def test_grant_basis() -> None:
    grant = AccessGrant(
        uc="24836494",
        professional_cpf="52998224725",
        profile=ProfessionalKind.TECHNICIAN,
        profile_status=ProfileStatus.APPROVED,
        registered_on=TODAY,
        valid_until=TODAY,
    )
    assert len(grant.basis) == 1
    assert str(grant.basis[0]).endswith("item 3.1.2 (regra da distribuidora)")


def test_secondary_voltage_must_be_text() -> None:
    data = json.loads(
        (Path(__file__).resolve().parents[2] / "examples/budget.json").read_text("utf-8")
    )
    data["load"]["secondary_voltage"] = 220
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("load.secondary_voltage", "not_a_string")
    ]


def test_the_collector_counts_what_it_does_not_list() -> None:
    collector = Collector(today=date(2026, 3, 9))
    for i in range(100):
        collector.add(f"f{i}", "required")
    other = InvalidInputError.single("cpf", "empty", "CPF is empty", domain="documents")
    collector.adopt(other, "holder_document")
    collector.add("g", "required")
    assert len(collector.errors) == 100
    assert collector.dropped == 2
    with pytest.raises(InvalidInputError) as info:
        collector.raise_if_any()
    assert info.value.codes[-1] == "too_many_problems"
    assert dict(info.value.errors[-1].params) == {"count": "2"}
