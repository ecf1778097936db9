"""JSON Schema export: built from the parser's own specs, satisfied by the valid examples."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules import InvalidInputError
from aneel_rules.portal import (
    BudgetPurpose,
    BudgetReason,
    Flow,
    json_schema,
    parse_connection_budget_request,
    parse_new_connection_request,
    parse_request,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 3, 9)
FILES = {
    Flow.REGISTRATION: "registration",
    Flow.NEW_CONNECTION: "new_connection",
    Flow.PROFESSIONAL_PROFILE: "professional_profile",
    Flow.ACCESS: "access",
    Flow.BUDGET: "budget",
}
TYPES = {
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    # JSON Schema: "an integer is a number with a zero fractional part" (2.0 is one).
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def check(instance: object, schema: dict[str, object], path: str = "$") -> list[str]:
    """A small checker for the JSON Schema keywords the library emits (tests only)."""
    problems: list[str] = []
    if "anyOf" in schema:
        options = schema["anyOf"]
        assert isinstance(options, list)
        if all(check(instance, option, path) for option in options):
            problems.append(f"{path}: matches no anyOf option")
        return problems
    kind = schema.get("type")
    if isinstance(kind, str) and not TYPES[kind](instance):
        return [f"{path}: not {kind}"]
    if "enum" in schema and instance not in schema["enum"]:  # type: ignore[operator]
        problems.append(f"{path}: not in enum")
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):  # type: ignore[operator]
            problems.append(f"{path}: too short")
        if len(instance) > schema.get("maxLength", 10**9):  # type: ignore[operator]
            problems.append(f"{path}: too long")
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not re.search(pattern, instance):
            problems.append(f"{path}: pattern")
        if schema.get("format") == "date":  # RFC 3339 full-date
            try:
                if not re.fullmatch("[0-9]{4}-[0-9]{2}-[0-9]{2}", instance):
                    raise ValueError(instance)  # noqa: TRY301
                date.fromisoformat(instance)
            except ValueError:
                problems.append(f"{path}: not a date")
    if TYPES["number"](instance):
        number = float(instance)  # type: ignore[arg-type]
        if "minimum" in schema and number < float(schema["minimum"]):  # type: ignore[arg-type]
            problems.append(f"{path}: below minimum")
        if "maximum" in schema and number > float(schema["maximum"]):  # type: ignore[arg-type]
            problems.append(f"{path}: above maximum")
        if "exclusiveMinimum" in schema and number <= float(schema["exclusiveMinimum"]):  # type: ignore[arg-type]
            problems.append(f"{path}: not above exclusiveMinimum")
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        assert isinstance(properties, dict)
        problems += [
            f"{path}.{key}: required"
            for key in schema.get("required", [])  # type: ignore[attr-defined]
            if key not in instance
        ]
        for key, value in instance.items():
            if key in properties:
                problems += check(value, properties[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{path}.{key}: additional property")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):  # type: ignore[operator]
            problems.append(f"{path}: too few items")
        if len(instance) > schema.get("maxItems", 10**9):  # type: ignore[operator]
            problems.append(f"{path}: too many items")
        items = schema.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(instance):
                problems += check(item, items, f"{path}[{i}]")
    return problems


def load(name: str) -> object:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("flow", list(Flow), ids=lambda f: f.value)
def test_valid_examples_satisfy_the_schema(flow: Flow) -> None:
    schema = json_schema(flow)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert check(load(FILES[flow]), schema) == []


def test_invalid_example_breaks_the_schema() -> None:
    problems = check(load("budget_invalid"), json_schema(Flow.BUDGET))
    assert "$.reason: pattern" in problems
    assert "$.technician.crea: additional property" in problems
    assert "$.location.latitude: matches no anyOf option" in problems


def test_null_is_absent_for_optional_fields_and_refused_for_required_ones() -> None:
    data = load("budget")
    assert isinstance(data, dict)
    data["energy_market"] = None
    assert check(data, json_schema(Flow.BUDGET)) == []
    assert parse_connection_budget_request(data, today=TODAY).energy_market is None
    data["uc"] = None
    assert check(data, json_schema(Flow.BUDGET)) == ["$.uc: not string"]
    with pytest.raises(InvalidInputError) as info:
        parse_request(Flow.BUDGET, data, today=TODAY)
    assert [(e.path, e.code) for e in info.value.errors] == [("uc", "required")]


@pytest.mark.parametrize("flow", list(Flow), ids=lambda f: f.value)
def test_required_keys_are_the_parser_s(flow: Flow) -> None:
    """The schema's `required` list is exactly what the parser reports missing for {}."""
    with pytest.raises(InvalidInputError) as info:
        parse_request(flow, {}, today=TODAY)
    missing = [e.path for e in info.value.errors if e.code == "required"]
    assert missing == json_schema(flow)["required"]


@pytest.mark.parametrize("flow", list(Flow), ids=lambda f: f.value)
def test_unknown_keys_refused_by_both(flow: Flow) -> None:
    data = load(FILES[flow])
    assert isinstance(data, dict)
    data["surprise"] = 1
    assert check(data, json_schema(flow)) == ["$.surprise: additional property"]
    with pytest.raises(InvalidInputError) as info:
        parse_request(flow, data, today=TODAY)
    assert [(e.path, e.code) for e in info.value.errors] == [("surprise", "unknown_field")]


def test_choices_come_from_the_enum_classes() -> None:
    schema = json_schema("budget")
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert properties["reason"]["examples"] == [m.value for m in BudgetReason]
    assert properties["purpose"]["examples"] == [m.value for m in BudgetPurpose]
    assert properties["load"]["properties"]["secondary_voltage"]["examples"][0] == "220/127"
    assert properties["energy_market"]["anyOf"][1] == {"type": "null"}
    assert schema["required"] == [
        "reason",
        "uc",
        "purpose",
        "site_plan",
        "location",
        "substation_use",
        "load",
        "technician",
    ]


@pytest.mark.parametrize("flow", list(Flow), ids=lambda f: f.value)
def test_schema_is_plain_json_without_floats(flow: Flow) -> None:
    schema = json_schema(flow)
    text = json.dumps(schema, ensure_ascii=False)
    assert json.loads(text) == schema
    assert json_schema(flow.value) == schema
    assert json_schema(flow) is not json_schema(flow)

    def walk(value: object) -> None:
        assert not isinstance(value, float)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        if isinstance(value, list):
            for item in value:
                walk(item)

    walk(schema)


# --- Parser ⊆ schema: whatever the parser accepts, the schema accepts ------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**7),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e7, max_value=1e7),
    st.text(max_size=20),
    st.sampled_from(
        [
            "",
            "   ",
            " ACR ",
            "acl",
            "ALTA TENSÃO",
            "Medição Única",
            "  5 ",
            "2.0",
            "+3",
            "1e2",
            "1_000",
            "١٢",
            "2026-03-09",
            "20260309",
            "2026-W10-1",
            " 2026-03-09",
            "127/220 V",
            "380-220",
            "AMAZONAS",
            "am",
            "-3.1",
            "-60.02",
            "x" * 300,
            "  " + "a" * 150 + "  ",
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.text(max_size=8), children, max_size=3),
    ),
    max_leaves=8,
)


def leaf_paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += leaf_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += leaf_paths(item, (*prefix, index))
    return found


@settings(max_examples=400, deadline=None)
@given(flow=st.sampled_from(list(Flow)), data=st.data())
def test_what_the_parser_accepts_the_schema_accepts(flow: Flow, data: st.DataObject) -> None:
    request = load(FILES[flow])
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        targets = leaf_paths(request)
        if not targets:
            break
        target = data.draw(st.sampled_from(targets))
        parent: object = request
        for key in target[:-1]:
            parent = parent[key]  # type: ignore[index]
        if data.draw(st.booleans()) or not isinstance(parent, dict):
            parent[target[-1]] = data.draw(json_values)  # type: ignore[index]
        else:
            del parent[target[-1]]
    try:
        parse_request(flow, request, today=TODAY)  # type: ignore[arg-type]
    except InvalidInputError:
        return
    assert check(request, json_schema(flow)) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(("purpose",), " medição única ", id="choice-any-case"),
        pytest.param(("load", "transformer_kva"), " 500 ", id="number-text-blanks"),
        pytest.param(("load", "transformer_kva"), 500.0, id="number-float"),
        pytest.param(("load", "secondary_voltage"), "127/220 V", id="voltage-spelling"),
        pytest.param(("load", "pole_number"), "   ", id="blank-optional-is-absent"),
    ],
)
def test_normalised_values_pass_both(path: tuple[str, ...], value: object) -> None:
    request = load("budget")
    parent: object = request
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    parent[path[-1]] = value  # type: ignore[index]
    assert parse_request(Flow.BUDGET, request, today=TODAY)  # type: ignore[arg-type]
    assert check(request, json_schema(Flow.BUDGET)) == []


@pytest.mark.parametrize("value", ["", "   ", "\u00a0"])
@pytest.mark.parametrize("path", [("rg",), ("attachments", "rg")])
def test_blank_optional_object_passes_both(path: tuple[str, ...], value: str) -> None:
    # found by the property above: the parser reads a blank optional RG as absent
    request = load(FILES[Flow.NEW_CONNECTION])
    parent: object = request
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    parent[path[-1]] = value  # type: ignore[index]
    assert parse_request(Flow.NEW_CONNECTION, request, today=TODAY)  # type: ignore[arg-type]
    assert check(request, json_schema(Flow.NEW_CONNECTION)) == []


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        pytest.param(("load", "works_start"), "20260401", "not_iso_date", id="date-basic-iso"),
        pytest.param(("load", "works_start"), "2026-W14-3", "not_iso_date", id="date-week"),
        pytest.param(("load", "transformer_kva"), "1_000", "not_a_number", id="underscore"),
        pytest.param(("load", "transformer_kva"), "١٢", "not_a_number", id="arabic-digits"),
        pytest.param(("purpose",), "MEDICAO UNICA", "not_in_choices", id="choice-no-accents"),
    ],
)
def test_refused_by_both(path: tuple[str, ...], value: object, code: str) -> None:
    request = load("budget")
    parent: object = request
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    parent[path[-1]] = value  # type: ignore[index]
    with pytest.raises(InvalidInputError) as info:
        parse_request(Flow.BUDGET, request, today=TODAY)  # type: ignore[arg-type]
    assert [(e.path, e.code) for e in info.value.errors] == [(".".join(path), code)]
    assert check(request, json_schema(Flow.BUDGET)) != []


def test_require_rg_schema_matches_the_parser() -> None:
    """REN 1.000/2021, art. 659-B: RG optional by default; required only with require_rg."""
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request({}, today=TODAY, require_rg=True)
    missing = {e.path for e in info.value.errors if e.code == "required"}
    schema = json_schema(Flow.NEW_CONNECTION, require_rg=True)
    required = schema["required"]
    assert isinstance(required, list)
    assert missing == set(required)
    assert "rg" in missing
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert "rg" in properties["attachments"]["required"]
    data = load("new_connection")
    assert isinstance(data, dict)
    del data["rg"]
    assert check(data, json_schema(Flow.NEW_CONNECTION)) == []
    assert check(data, schema) == ["$.rg: required"]
    assert json_schema(Flow.ACCESS, require_rg=True) == json_schema(Flow.ACCESS)
