"""A hostile client against the portal parsers (issue 8): bounded cost, bounded errors, no leaks."""

from __future__ import annotations

import base64
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.portal import (
    Location,
    json_schema,
    parse_access_request,
    parse_connection_budget_request,
    parse_new_connection_request,
    parse_professional_profile,
    parse_user_registration,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 3, 9)


def example(name: str) -> dict[str, Any]:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def codes(exc: pytest.ExceptionInfo[InvalidInputError]) -> list[tuple[str, str]]:
    return [(e.path, e.code) for e in exc.value.errors]


# --- bounded errors ---------------------------------------------------------------------------


def test_at_most_100_problems_are_listed_and_the_rest_counted() -> None:
    data = {**example("access"), **{f"extra_{i}": i for i in range(10**5)}}
    with pytest.raises(InvalidInputError) as info:
        parse_access_request(data, today=TODAY)
    errors = info.value.errors
    assert len(errors) == 101
    assert [e.code for e in errors[:100]] == ["unknown_field"] * 100
    assert errors[0].path == "extra_0"
    summary = errors[100]
    assert (summary.path, summary.code) == ("$", "too_many_problems")
    assert dict(summary.params) == {"count": str(10**5 - 100)}
    assert summary.message == f"outros {10**5 - 100} problemas foram encontrados e não listados"
    assert len(str(info.value)) < 10_000


def test_one_hundred_problems_get_no_summary() -> None:
    data = {**example("access"), **{f"extra_{i}": i for i in range(100)}}
    with pytest.raises(InvalidInputError) as info:
        parse_access_request(data, today=TODAY)
    assert len(info.value.errors) == 100
    assert info.value.codes[-1] == "unknown_field"


def test_problems_of_nested_items_are_capped_too() -> None:
    data = example("new_connection")
    data["load_survey"] = [{"equipment": "", "quantity": -1}] * 500
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert len(info.value.errors) == 101
    assert dict(info.value.errors[-1].params) == {"count": "900"}


@pytest.mark.parametrize(
    ("key", "path"),
    [
        pytest.param(7, "7", id="int"),
        pytest.param(10**5000, "<int too large to print>", id="huge-int"),
        pytest.param(None, "None", id="none"),
        pytest.param((1, 2), "(1, 2)", id="tuple"),
        pytest.param("a\ud800", "'a\\ud800'", id="lone-surrogate"),
        pytest.param("a\u202eb", "'a\\u202eb'", id="bidi-override"),
        pytest.param("a\nb", "'a\\nb'", id="newline"),
        pytest.param("x" * 10**6, "'" + "x" * 40 + "'…", id="a-megabyte"),
        pytest.param("", "''", id="empty"),
        pytest.param("çã", "çã", id="accents-kept"),
    ],
)
def test_unknown_keys_are_named_safely(key: object, path: str) -> None:
    data: dict[object, object] = {}
    data.update(example("access"))
    data[key] = 1
    with pytest.raises(InvalidInputError) as info:
        parse_access_request(data, today=TODAY)  # type: ignore[arg-type]
    assert codes(info) == [(path, "unknown_field")]
    str(info.value).encode("utf-8")


# --- bounded cost before work -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param(10**100_000, "above_maximum", id="googol-power"),
        pytest.param(-(10**100_000), "below_minimum", id="negative"),
        pytest.param(2**50, "above_maximum", id="2**50"),
        pytest.param(10**15, "above_maximum", id="library-limit"),
    ],
)
def test_integers_are_refused_by_size_before_conversion(value: int, code: str) -> None:
    data = example("budget")
    data["load"]["expected_demand_kw"] = value
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert (info.value.errors[0].path, info.value.errors[0].code) == (
        "load.expected_demand_kw",
        code,
    )
    assert len(str(info.value)) < 500


def test_a_huge_quantity_is_shown_by_its_magnitude() -> None:
    data = example("new_connection")
    data["load_survey"][0]["quantity"] = 10**5000
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert dict(info.value.errors[0].params)["value"] == "~1E+5000"


def test_choice_length_is_checked_before_matching() -> None:
    data = example("budget")
    data["purpose"] = " " * 80 + "MEDIÇÃO ÚNICA"  # longer than the longest purpose + 32
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert codes(info) == [("purpose", "not_in_choices")]
    data["purpose"] = " " * 32 + "medição única"
    assert parse_connection_budget_request(data, today=TODAY).purpose.value == "MEDIÇÃO ÚNICA"
    schema = json_schema("budget")["properties"]
    assert isinstance(schema, dict)
    limit = len("LOTEAMENTOS, CONJ. HABITACIONAIS OU COND. HORIZONTAIS") + 32
    assert schema["purpose"]["maxLength"] == limit


def test_base64_is_measured_before_decoding() -> None:
    data = example("budget")
    limit = 4 * -(-(20 * 1024 * 1024) // 3)
    assert limit == 27_962_028
    data["site_plan"] = {"filename": "planta.pdf", "content_base64": "A" * (limit + 1)}
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert codes(info) == [("site_plan.content_base64", "too_long")]
    props = json_schema("budget")["properties"]
    assert isinstance(props, dict)
    assert props["site_plan"]["properties"]["content_base64"]["maxLength"] == limit


def test_a_20_mib_attachment_still_fits_in_base64() -> None:
    pdf = b"%PDF-1.7\n" + b" " * (20 * 1024 * 1024 - 15) + b"%%EOF\n"
    encoded = base64.b64encode(pdf).decode()
    assert len(encoded) == 27_962_028
    data = example("budget")
    data["site_plan"] = {"filename": "planta.pdf", "content_base64": encoded}
    assert parse_connection_budget_request(data, today=TODAY).site_plan.size == len(pdf)


def test_the_portal_takes_every_e_mail_the_validator_takes() -> None:
    data = example("registration")
    data["email"] = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".bbbbbb"
    assert len(data["email"]) == 254  # RFC 5321 with erratum 1690: the validator's limit
    assert parse_user_registration(data, today=TODAY).email == data["email"]


def test_an_e_mail_over_254_characters_is_refused_by_the_validator() -> None:
    data = example("registration")
    data["email"] = "a" * 64 + "@" + "b" * 186 + ".com.br"
    assert len(data["email"]) == 258
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY)
    assert codes(info) == [("email", "too_long")]


# --- personal data (LGPD) ---------------------------------------------------------------------


@pytest.mark.parametrize(("field", "typed"), [("sex", "Feminina"), ("marital_status", "amasiada")])
def test_sensitive_choices_are_never_quoted(field: str, typed: str) -> None:
    data = example("professional_profile")
    data[field] = typed
    with pytest.raises(InvalidInputError) as info:
        parse_professional_profile(data, today=TODAY)
    assert codes(info) == [(field, "not_in_choices")]
    for text in (str(info.value), info.value.errors[0].message, repr(info.value.errors[0])):
        assert typed not in text


def test_a_cpf_with_extra_digits_is_masked_as_a_cnpj() -> None:
    data = example("access")
    data["holder_document"] = "529.982.247-25123"
    with pytest.raises(InvalidInputError) as info:
        parse_access_request(data, today=TODAY)
    assert "529.982" not in str(info.value)
    assert "52998224725" not in str(info.value)


def test_coordinates_are_masked_in_repr() -> None:
    point = Location(latitude=Decimal("-3.1190"), longitude=Decimal("-60.0217"))
    assert repr(point) == "Location(latitude='***', longitude='***')"
    request = parse_connection_budget_request(example("budget"), today=TODAY)
    assert str(request.location.latitude) not in repr(request)


def test_attachment_names_are_masked_in_requests() -> None:
    data = example("budget")
    data["site_plan"]["filename"] = "Planta Ana Souza 529.982.247-25.png"
    request = parse_connection_budget_request(data, today=TODAY)
    assert "Ana" not in repr(request)
    assert "529" not in repr(request)


@pytest.mark.parametrize(("given", "ok"), [("amazonaſ", False), ("Amapá", True), ("ſp", False)])
def test_uf_by_name_refuses_look_alikes(given: str, ok: bool) -> None:
    data = example("professional_profile")
    data["birth"]["uf"] = given
    if ok:
        assert parse_professional_profile(data, today=TODAY).birth.uf == "AP"
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_professional_profile(data, today=TODAY)
        assert codes(info) == [("birth.uf", "unknown_uf")]
