"""Portal request flows: parsers, cross-field rules, LGPD masking, access grants."""

from __future__ import annotations

import base64
import copy
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import aneel_rules
from aneel_rules import InvalidInputError, NotInForceError
from aneel_rules.connection import MeteringReason, SecondaryVoltage
from aneel_rules.portal import (
    AccessGrant,
    AccessStatus,
    Attachment,
    BudgetReason,
    ConnectionType,
    EnergyMarket,
    Flow,
    ProfessionalKind,
    ProfessionalProfileRequest,
    ProfileStatus,
    parse_access_request,
    parse_connection_budget_request,
    parse_new_connection_request,
    parse_professional_profile,
    parse_request,
    parse_user_registration,
)
from aneel_rules.tariffs import ConsumerClass

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 3, 9)
PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def example(name: str) -> dict[str, object]:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def codes(exc: pytest.ExceptionInfo[InvalidInputError]) -> list[tuple[str, str]]:
    return [(e.path, e.code) for e in exc.value.errors]


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


# --- valid examples --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flow", "name"),
    [
        pytest.param(Flow.REGISTRATION, "registration", id="manual-1.4-registration"),
        pytest.param(Flow.NEW_CONNECTION, "new_connection", id="manual-2-new-connection"),
        pytest.param(Flow.PROFESSIONAL_PROFILE, "professional_profile", id="manual-3.1.1-profile"),
        pytest.param(Flow.ACCESS, "access", id="manual-3.1.2-access"),
        pytest.param(Flow.BUDGET, "budget", id="manual-4-budget"),
    ],
)
def test_examples_are_valid(flow: Flow, name: str) -> None:
    model = parse_request(flow, example(name), today=TODAY)
    assert parse_request(flow.value, example(name), today=TODAY) == model


def test_new_connection_values() -> None:
    request = parse_new_connection_request(example("new_connection"), today=TODAY)
    assert request.address.cep == "69088315"
    assert request.address.uf == "AM"
    assert request.consumer_class is ConsumerClass.RESIDENTIAL
    assert request.connection_type is ConnectionType.SINGLE_PHASE
    assert request.contact.invoice_by_email_only is True
    assert [(i.equipment, i.quantity) for i in request.load_survey] == [
        ("GELADEIRA", 1),
        ("AR CONDICIONADO 12000 BTU", 2),
    ]
    assert request.location.latitude == Decimal("-3.0412")
    assert request.rg is not None
    assert request.rg.issuer == "SSP"
    assert request.attachments.rg is not None
    assert request.attachments.rg.kind.value == "application/pdf"
    assert request.requires_connection_budget.value is False


# --- RG in a new connection: REN 1.000/2021, art. 659-B (REN 1.095/2024) ----------------------


def without_rg() -> dict[str, object]:
    data = example("new_connection")
    attachments = data["attachments"]
    assert isinstance(attachments, dict)
    del data["rg"], attachments["rg"]
    return data


ART_659B = "REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024)"
ART_67_II_B = 'REN 1.000/2021, art. 67, II, "b"'


@pytest.mark.parametrize(
    ("today", "basis"),
    [
        pytest.param(date(2022, 1, 3), ART_67_II_B, id="REN1000-art67-II-b-first-day"),
        # REN 1.095 of 18.06.2024 binds from its DOU publication (26.06.2024), not its date.
        pytest.param(date(2024, 6, 18), ART_67_II_B, id="REN1000-art67-II-b-REN1095-signed"),
        pytest.param(date(2024, 6, 25), ART_67_II_B, id="REN1000-art67-II-b-day-before-DOU"),
        pytest.param(date(2024, 6, 26), ART_659B, id="REN1000-art659B-REN1095-DOU-day"),
        pytest.param(date(2024, 6, 27), ART_659B, id="REN1000-art659B-day-after"),
        pytest.param(TODAY, ART_659B, id="REN1000-art659B-2026"),
    ],
)
def test_rg_is_optional_by_default(today: date, basis: str) -> None:
    request = parse_new_connection_request(without_rg(), today=today)
    assert request.rg is None
    assert request.attachments.rg is None
    assert request.attachments.cpf.kind.value == "image/jpeg"  # art. 67, II, "a": still asked
    assert request.rg_requirement.value is False
    assert [str(b) for b in request.rg_requirement.basis] == [basis]


def test_rg_when_given_is_still_validated() -> None:
    data = example("new_connection")
    rg = data["rg"]
    assert isinstance(rg, dict)
    rg["issued_on"] = "2026-03-10"
    rg["uf"] = "XX"
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert codes(info) == [("rg.issued_on", "future_date"), ("rg.uf", "unknown_uf")]


def test_require_rg_enforces_the_manual_as_a_distributor_rule() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(without_rg(), today=TODAY, require_rg=True)
    assert codes(info) == [("rg", "required"), ("attachments.rg", "required")]
    assert all("item 2.3" in str(e.basis) for e in info.value.errors)
    request = parse_new_connection_request(example("new_connection"), today=TODAY, require_rg=True)
    assert request.rg_requirement.value is True
    assert [str(b) for b in request.rg_requirement.basis] == [
        "Amazonas Energia, Manual da Agência Virtual, item 2.3 (regra da distribuidora)"
    ]


def test_require_rg_must_be_a_boolean() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(
            example("new_connection"),
            today=TODAY,
            require_rg="yes",  # type: ignore[arg-type]
        )
    assert codes(info) == [("require_rg", "not_a_boolean")]


def test_rg_alone_or_its_scan_alone_is_accepted() -> None:
    data = example("new_connection")
    attachments = data["attachments"]
    assert isinstance(attachments, dict)
    del attachments["rg"]
    request = parse_new_connection_request(data, today=TODAY)
    assert request.rg is not None
    assert request.attachments.rg is None


def test_new_connection_without_cpf_scan_is_refused() -> None:
    data = without_rg()
    attachments = data["attachments"]
    assert isinstance(attachments, dict)
    del attachments["cpf"]
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert codes(info) == [("attachments.cpf", "required")]


def test_high_voltage_new_connection_needs_a_budget() -> None:
    data = example("new_connection")
    data["connection_type"] = "alta tensão"
    decision = parse_new_connection_request(data, today=TODAY).requires_connection_budget
    assert decision.value is True
    assert "item 2.7" in str(decision.basis[0])


def test_invoice_by_email_defaults_to_false() -> None:
    data = example("new_connection")
    contact = data["contact"]
    assert isinstance(contact, dict)
    del contact["invoice_by_email_only"]
    assert parse_new_connection_request(data, today=TODAY).contact.invoice_by_email_only is False


def test_budget_values_and_mt_metering() -> None:
    request = parse_connection_budget_request(example("budget"), today=TODAY)
    assert request.reason is BudgetReason.NEW_CONNECTION
    assert request.energy_market is EnergyMarket.REGULATED
    assert request.load.transformers_kva == (Decimal(300),)
    assert request.load.secondary_voltage is SecondaryVoltage.V220_127
    # Manual 4.5: a single transformer of 300 kVA at 220/127 V is not "superior a 300kVA".
    assert request.primary_metering.required is False


@pytest.mark.parametrize(
    ("kva", "voltage", "reasons"),
    [
        pytest.param(300, "220/127", [], id="manual-4.5-300kVA-not-above"),
        pytest.param(
            "300.1", "220/127", ["SINGLE_TRANSFORMER_ABOVE_300_KVA"], id="manual-4.5-above"
        ),
        pytest.param([150, 75], "220/127", ["MORE_THAN_ONE_TRANSFORMER"], id="manual-4.5-two"),
        pytest.param(75, "380/220", ["SECONDARY_NOT_220_127"], id="manual-4.5-380-220"),
    ],
)
def test_budget_mt_metering_rule(kva: object, voltage: str, reasons: list[str]) -> None:
    data = example("budget")
    load = data["load"]
    assert isinstance(load, dict)
    load["transformer_kva"] = kva
    load["secondary_voltage"] = voltage
    load["expected_demand_kw"] = 10
    decision = parse_connection_budget_request(data, today=TODAY).primary_metering
    assert [r.name for r in decision.reasons] == reasons
    assert decision.required is bool(reasons)
    assert all(isinstance(r, MeteringReason) for r in decision.reasons)


def test_energy_market_is_optional() -> None:
    data = example("budget")
    del data["energy_market"]
    assert parse_connection_budget_request(data, today=TODAY).energy_market is None


def test_choices_ignore_case_and_blanks() -> None:
    data = example("budget")
    data["reason"] = "  ligação nova "
    data["energy_market"] = "acl"
    request = parse_connection_budget_request(data, today=TODAY)
    assert request.reason is BudgetReason.NEW_CONNECTION
    assert request.energy_market is EnergyMarket.FREE


# --- every problem at once ---------------------------------------------------------------------


def test_invalid_budget_lists_every_problem() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(example("budget_invalid"), today=TODAY)
    assert codes(info) == [
        ("reason", "not_in_choices"),
        ("site_plan.filename", "extension_mismatch"),
        ("location.latitude", "outside_brazil"),
        ("location.longitude", "outside_brazil"),
        ("load.secondary_voltage", "ambiguous_secondary_voltage"),
        ("technician.phone", "invalid_number"),
        ("technician.email", "invalid_domain"),
        ("technician.crea", "unknown_field"),
        ("load.works_end", "end_before_start"),
        ("load.expected_demand_kw", "demand_exceeds_transformer"),
    ]
    messages = info.value.messages()
    assert "load.works_end: o término 2024-10-04 é anterior ao início 2024-10-05" in messages
    english = info.value.messages("en")
    assert "load.works_end: end 2024-10-04 is earlier than start 2024-10-05" in english


def test_empty_request_lists_every_required_field() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request({}, today=TODAY)
    assert codes(info) == [
        (name, "required")
        for name in (
            "reason",
            "uc",
            "purpose",
            "site_plan",
            "location",
            "substation_use",
            "load",
            "technician",
        )
    ]
    assert info.value.errors[0].message == "campo obrigatório"


@pytest.mark.parametrize("data", [None, [], "{}", 3, b"{}"], ids=repr)
def test_not_a_mapping(data: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_access_request(data, today=TODAY)  # type: ignore[arg-type]
    assert codes(info) == [("$", "not_an_object")]


def test_nested_not_a_mapping() -> None:
    data = example("budget")
    data["load"] = ["300"]
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert codes(info) == [("load", "not_an_object")]


# --- cross-field rules with boundaries -------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        pytest.param("2024-10-05", "2024-10-04", False, id="manual-4.5-end-day-before-start"),
        pytest.param("2024-10-05", "2024-10-05", True, id="manual-4.5-end-same-day"),
        pytest.param("2024-10-05", "2024-10-06", True, id="manual-4.5-end-day-after"),
    ],
)
def test_works_dates(start: str, end: str, ok: bool) -> None:
    data = example("budget")
    load = data["load"]
    assert isinstance(load, dict)
    load.update(works_start=start, works_end=end)
    if ok:
        parse_connection_budget_request(data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_connection_budget_request(data, today=TODAY)
        assert codes(info) == [("load.works_end", "end_before_start")]


@pytest.mark.parametrize(
    ("kva", "demand", "code"),
    [
        pytest.param(300, "300", None, id="demand-equal-power"),
        pytest.param(300, "300.01", "demand_exceeds_transformer", id="demand-above-power"),
        pytest.param([150, 150], "300", None, id="demand-equal-sum-of-two"),
        pytest.param(300, "0", "not_positive", id="demand-zero"),
        pytest.param(300, "-1", "not_positive", id="demand-negative"),
        pytest.param(0, "1", "not_positive", id="kva-zero"),
        pytest.param([], "1", "too_few_items", id="kva-empty-list"),
    ],
)
def test_demand_against_transformer(kva: object, demand: str, code: str | None) -> None:
    data = example("budget")
    load = data["load"]
    assert isinstance(load, dict)
    load.update(transformer_kva=kva, expected_demand_kw=demand)
    if code is None:
        parse_connection_budget_request(data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_connection_budget_request(data, today=TODAY)
        assert [c for _, c in codes(info)] == [code]


@pytest.mark.parametrize(
    ("latitude", "longitude", "ok"),
    [
        pytest.param("5.2719", "-60.2125", True, id="north-monte-caburai"),
        pytest.param("-33.7508", "-53.3967", True, id="south-arroio-chui"),
        pytest.param("-7.5536", "-73.9922", True, id="west-nascente-moa"),
        pytest.param("-20.4972", "-28.8478", True, id="east-ilha-do-sul-martim-vaz"),
        pytest.param("5.29", "-60", False, id="north-of-box"),
        pytest.param("-33.77", "-53", False, id="south-of-box"),
        pytest.param("-7", "-74.01", False, id="west-of-box"),
        pytest.param("-20", "-28.83", False, id="east-of-box"),
        pytest.param("3.0412", "59.9378", False, id="unsigned-longitude"),
    ],
)
def test_location_inside_brazil(latitude: str, longitude: str, ok: bool) -> None:
    data = example("budget")
    data["location"] = {"latitude": latitude, "longitude": longitude}
    if ok:
        parse_connection_budget_request(data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_connection_budget_request(data, today=TODAY)
        assert {c for _, c in codes(info)} == {"outside_brazil"}


@pytest.mark.parametrize(
    ("issued_on", "ok"),
    [
        pytest.param("2026-03-08", True, id="issue-day-before-today"),
        pytest.param("2026-03-09", True, id="issue-today"),
        pytest.param("2026-03-10", False, id="issue-day-after-today"),
    ],
)
def test_issue_date_not_in_future(issued_on: str, ok: bool) -> None:
    data = example("new_connection")
    rg = data["rg"]
    assert isinstance(rg, dict)
    rg["issued_on"] = issued_on
    if ok:
        parse_new_connection_request(data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_new_connection_request(data, today=TODAY)
        assert codes(info) == [("rg.issued_on", "future_date")]


@pytest.mark.parametrize(
    ("observation", "ok"),
    [
        pytest.param("123456789", False, id="manual-2.7-observation-9-chars"),
        pytest.param("1234567890", True, id="manual-2.7-observation-10-chars"),
        pytest.param("  123456789  ", False, id="manual-2.7-observation-blanks-not-counted"),
    ],
)
def test_observation_minimum(observation: str, ok: bool) -> None:
    data = example("new_connection")
    data["observation"] = observation
    if ok:
        parse_new_connection_request(data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_new_connection_request(data, today=TODAY)
        assert codes(info) == [("observation", "too_short")]


def test_load_survey_needs_one_item_and_valid_lines() -> None:
    data = example("new_connection")
    data["load_survey"] = []
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert codes(info) == [("load_survey", "too_few_items")]
    data["load_survey"] = [{"equipment": "", "quantity": 0}, {"equipment": "TV", "quantity": 1.5}]
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert codes(info) == [
        ("load_survey.0.equipment", "required"),
        ("load_survey.0.quantity", "below_minimum"),
        ("load_survey.1.quantity", "not_an_integer"),
    ]


def test_consumer_class_takes_tariff_values() -> None:
    data = example("new_connection")
    data["consumer_class"] = "comércio, serviços e outras atividades"
    request = parse_new_connection_request(data, today=TODAY)
    assert request.consumer_class is ConsumerClass.COMMERCIAL
    data["consumer_class"] = "comercial"
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    assert codes(info) == [("consumer_class", "not_in_choices")]


def test_document_errors_are_repathed_and_keep_their_catalog() -> None:
    data = example("new_connection")
    data["contact"] = {"phone": "(00) 99999-9999", "email": "ana@example.com"}
    address = data["address"]
    assert isinstance(address, dict)
    address["cep"] = "00000-000"
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY)
    paths = [e.path for e in info.value.errors]
    assert paths == ["contact.phone", "address.cep"]
    assert all(e.domain == "documents" for e in info.value.errors)


# --- professional profile --------------------------------------------------------------------


def test_profile_birth_rules() -> None:
    data = example("professional_profile")
    birth = data["birth"]
    assert isinstance(birth, dict)
    del birth["uf"]
    with pytest.raises(InvalidInputError) as info:
        parse_professional_profile(data, today=TODAY)
    assert codes(info) == [("birth.uf", "required")]
    birth.update(country="PORTUGAL", uf="AM")
    with pytest.raises(InvalidInputError) as info:
        parse_professional_profile(data, today=TODAY)
    assert codes(info) == [("birth.uf", "not_applicable")]
    del birth["uf"]
    profile = parse_professional_profile(data, today=TODAY)
    assert profile.birth.uf is None
    assert profile.birth.country == "PORTUGAL"


@pytest.mark.parametrize(
    ("issued_on", "ok"),
    [
        pytest.param("1985-10-27", False, id="rg-issued-day-before-birth"),
        pytest.param("1985-10-28", True, id="rg-issued-on-birth-day"),
    ],
)
def test_profile_rg_not_before_birth(issued_on: str, ok: bool) -> None:
    data = example("professional_profile")
    rg = data["rg"]
    assert isinstance(rg, dict)
    rg["issued_on"] = issued_on
    if ok:
        parse_professional_profile(data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_professional_profile(data, today=TODAY)
        assert codes(info) == [("rg.issued_on", "before_birth")]


@pytest.mark.parametrize(
    ("birth_date", "code"),
    [
        pytest.param("2026-03-10", "future_date", id="birth-tomorrow"),
        pytest.param("1985-02-30", "not_iso_date", id="birth-impossible"),
        pytest.param("19851028", "not_iso_date", id="birth-basic-iso"),
    ],
)
def test_birth_date_is_never_quoted_in_messages(birth_date: str, code: str) -> None:
    data = example("professional_profile")
    birth = data["birth"]
    assert isinstance(birth, dict)
    birth["date"] = birth_date
    with pytest.raises(InvalidInputError) as info:
        parse_professional_profile(data, today=TODAY)
    assert codes(info) == [("birth.date", code)]
    error = info.value.errors[0]
    for text in (str(info.value), error.message, error.message_in("en"), repr(error.params)):
        assert birth_date not in text


def test_rg_before_birth_quotes_neither_date() -> None:
    data = example("professional_profile")
    rg = data["rg"]
    assert isinstance(rg, dict)
    rg["issued_on"] = "1985-10-27"
    with pytest.raises(InvalidInputError) as info:
        parse_professional_profile(data, today=TODAY)
    (error,) = info.value.errors
    assert error.message == "a data de emissão é anterior à data de nascimento"
    assert "1985" not in str(info.value)


def test_profile_uf_by_name_or_code() -> None:
    profile = parse_professional_profile(example("professional_profile"), today=TODAY)
    assert profile.rg.uf == "AC"
    assert profile.birth.uf == "AM"
    assert profile.profile is ProfessionalKind.ENGINEER


# --- registration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "code"),
    [
        pytest.param("1234567", "too_short", id="policy-7-chars"),
        pytest.param("rio-negro-1", "too_short", id="ASVS-2.1.1-11-chars"),
        pytest.param("rio   negro  2", "too_short", id="ASVS-2.1.1-blanks-combined"),
        pytest.param("aaaaaaaaaaaa", "password_repeated_characters", id="policy-one-char"),
        pytest.param("x52998224725", "password_is_document", id="policy-compact-cpf"),
        pytest.param("529.982.247-25", "password_is_document", id="policy-cpf-as-typed"),
        pytest.param("529 982 247 25", "password_is_document", id="policy-cpf-spaced"),
        pytest.param("Ana#529/982/247_25!", "password_is_document", id="policy-cpf-inside"),
        pytest.param("Ana.Souza@Example.com", "password_is_email", id="policy-email"),
        pytest.param("x" * 129, "too_long", id="policy-129-chars"),
        pytest.param("PASSWORD1234", "password_too_common", id="ASVS-2.1.7-common-upper"),
        pytest.param("qwertyuiop123", "password_too_common", id="ASVS-2.1.7-common"),
    ],
)
def test_password_policy(password: str, code: str) -> None:
    data = example("registration")
    data["password"] = password
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY)
    assert codes(info) == [("password", code)]


def test_password_policy_reports_every_reason() -> None:
    data = example("registration")
    data["password"] = "ana.souza"  # noqa: S105
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY)
    assert codes(info) == [("password", "too_short"), ("password", "password_is_email")]


def test_a_portal_may_keep_8_characters() -> None:
    data = example("registration")
    data["password"] = "luz-rio1"  # noqa: S105
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY)
    assert info.value.errors[0].params == (("minimum", "12"),)
    reg = parse_user_registration(data, today=TODAY, password_min_length=8)
    assert reg.password == "luz-rio1"  # noqa: S105
    data["password"] = "password"  # noqa: S105
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY, password_min_length=8)
    assert codes(info) == [("password", "password_too_common")]


@pytest.mark.parametrize(
    ("minimum", "code"),
    [
        (7, "below_minimum"),
        (65, "above_maximum"),
        (True, "not_an_integer"),
        ("12", "not_an_integer"),
    ],
)
def test_password_min_length_is_checked(minimum: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(
            example("registration"),
            today=TODAY,
            password_min_length=minimum,  # type: ignore[arg-type]
        )
    assert codes(info) == [("password_min_length", code)]


def test_the_common_list_has_its_source_and_licence() -> None:
    from aneel_rules._portal.passwords import common_passwords  # noqa: PLC0415

    data = Path(aneel_rules.__file__).parent / "_portal" / "data"
    assert "Royce" in (data / "README.md").read_text(encoding="utf-8")
    assert "Redistribution" in (data / "common_passwords.LICENSE").read_text(encoding="utf-8")
    listed = common_passwords()
    assert len(listed) == 8354
    assert all(len(p) >= 8 and p == p.lower() for p in listed)
    assert {"password", "12345678", "qwertyuiop"} <= listed


def test_registration_document_kinds_and_mobile() -> None:
    data = example("registration")
    data["document"] = "12.ABC.345/01DE-35"
    reg = parse_user_registration(data, today=TODAY)
    assert (reg.document, reg.document_kind) == ("12ABC34501DE35", "cnpj")
    data["document"] = "1234"
    data["phone"] = "(92) 3333-4444"
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY)
    assert codes(info) == [("document", "invalid_document"), ("phone", "not_mobile")]


def test_verification_code() -> None:
    data = example("registration")
    assert parse_user_registration(data, today=TODAY, expected_code="482913")
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY, expected_code="482914")
    assert codes(info) == [("verification_code", "code_mismatch")]


# --- dates of the regime and of today -----------------------------------------------------------


def test_today_must_be_a_date() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_access_request(example("access"), today="2026-03-09")  # type: ignore[arg-type]
    assert codes(info) == [("today", "not_a_date")]


@pytest.mark.parametrize(
    ("today", "ok"),
    [
        pytest.param(date(2022, 1, 2), False, id="REN1000-art679-day-before"),
        pytest.param(date(2022, 1, 3), True, id="REN1000-art679-in-force"),
        pytest.param(date(2022, 1, 4), True, id="REN1000-art679-day-after"),
    ],
)
def test_flows_follow_ren1000(today: date, ok: bool) -> None:
    if ok:
        parse_access_request(example("access"), today=today)
    else:
        with pytest.raises(NotInForceError):
            parse_access_request(example("access"), today=today)


def test_unknown_flow() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_request("ligacao", {}, today=TODAY)
    assert codes(info) == [("flow", "unknown_flow")]


# --- attachments inside requests ---------------------------------------------------------------


def test_attachment_object_or_base64() -> None:
    data = example("budget")
    data["site_plan"] = Attachment(filename="planta.pdf", content=PDF)
    assert parse_connection_budget_request(data, today=TODAY).site_plan.size == len(PDF)
    data["site_plan"] = {"filename": "planta.pdf", "content_base64": "não é base64"}
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert codes(info) == [("site_plan.content_base64", "not_base64")]
    data["site_plan"] = {"filename": "planta.gif", "content_base64": b64(b"GIF89a")}
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert codes(info) == [
        ("site_plan.filename", "unsupported_extension"),
        ("site_plan.content", "unsupported_content"),
    ]


# --- LGPD ------------------------------------------------------------------------------------


def test_repr_masks_personal_data() -> None:
    secrets = {
        "52998224725",
        "529.982.247-25",
        "Ana Souza",
        "ana.souza",
        "99999",
        "luz-do-rio-negro",
        "482913",
        "Carlos",
        "Maria Lima",
        "1985",
        "1234567",
        "999999999",
        "RUA SALVA",
        "Próximo",
    }
    models = [
        parse_request(flow, example(name), today=TODAY)
        for flow, name in [
            (Flow.REGISTRATION, "registration"),
            (Flow.NEW_CONNECTION, "new_connection"),
            (Flow.PROFESSIONAL_PROFILE, "professional_profile"),
            (Flow.ACCESS, "access"),
            (Flow.BUDGET, "budget"),
        ]
    ]
    for model in models:
        text = repr(model)
        assert "'***'" in text
        leaked = [s for s in secrets if s in text]
        assert leaked == [], f"{type(model).__name__} repr leaks {leaked}"


# --- access grants ---------------------------------------------------------------------------


@pytest.fixture
def profile() -> ProfessionalProfileRequest:
    return parse_professional_profile(example("professional_profile"), today=TODAY)


def test_grant_requires_approved_profile(profile: ProfessionalProfileRequest) -> None:
    for status in (ProfileStatus.UNDER_REVIEW, ProfileStatus.REJECTED):
        with pytest.raises(InvalidInputError) as info:
            AccessGrant.grant(
                profile, status, uc="24836494", on=TODAY, valid_until=date(2026, 12, 31)
            )
        assert codes(info) == [("profile_status", "profile_not_approved")]
        assert "item 3.1.2" in str(info.value.errors[0].basis)
    with pytest.raises(InvalidInputError) as info:
        AccessGrant.grant(
            "not a profile",  # type: ignore[arg-type]
            ProfileStatus.APPROVED,
            uc="24836494",
            on=TODAY,
            valid_until=TODAY,
        )
    assert codes(info) == [("profile", "not_a_profile")]


def test_grant_status_timeline(profile: ProfessionalProfileRequest) -> None:
    grant = AccessGrant.grant(
        profile, ProfileStatus.APPROVED, uc="24836494", on=TODAY, valid_until=date(2026, 6, 30)
    )
    assert grant.professional_cpf == "52998224725"
    assert "52998224725" not in repr(grant)
    assert grant.status(TODAY) is AccessStatus.PENDING
    confirmed = grant.confirm(date(2026, 3, 10))
    assert confirmed.status(date(2026, 3, 9)) is AccessStatus.PENDING
    assert confirmed.status(date(2026, 3, 10)) is AccessStatus.ACTIVE
    assert confirmed.status(date(2026, 6, 30)) is AccessStatus.ACTIVE
    assert confirmed.status(date(2026, 7, 1)) is AccessStatus.EXPIRED
    assert grant.status(date(2026, 7, 1)) is AccessStatus.EXPIRED
    with pytest.raises(InvalidInputError) as info:
        confirmed.confirm(date(2026, 3, 11))
    assert codes(info) == [("confirmed_on", "already_confirmed")]
    with pytest.raises(InvalidInputError) as info:
        grant.confirm(date(2026, 3, 8))
    assert codes(info) == [("confirmed_on", "end_before_start")]
    with pytest.raises(InvalidInputError) as info:
        grant.status("2026-03-09")  # type: ignore[arg-type]
    assert codes(info) == [("on", "not_a_date")]


def test_grant_validity_not_before_grant(profile: ProfessionalProfileRequest) -> None:
    AccessGrant.grant(profile, ProfileStatus.APPROVED, uc="24836494", on=TODAY, valid_until=TODAY)
    with pytest.raises(InvalidInputError) as info:
        AccessGrant.grant(
            profile, ProfileStatus.APPROVED, uc="24836494", on=TODAY, valid_until=date(2026, 3, 8)
        )
    assert codes(info) == [("valid_until", "end_before_start")]


def test_examples_are_not_mutated_by_parsing() -> None:
    data = example("budget")
    before = copy.deepcopy(data)
    parse_connection_budget_request(data, today=TODAY)
    assert data == before


def test_grant_permits_budget_requests_for_its_unit_while_active(
    profile: ProfessionalProfileRequest,
) -> None:
    grant = AccessGrant.grant(
        profile, ProfileStatus.APPROVED, uc="24836494", on=TODAY, valid_until=date(2026, 6, 30)
    )
    assert grant.permits("24836494", TODAY).value is False  # pending confirmation
    grant = grant.confirm(TODAY)
    decision = grant.permits("2483649-4", date(2026, 6, 30))
    assert decision.value is True
    assert [str(b) for b in decision.basis] == [
        "Amazonas Energia, Manual da Agência Virtual, item 4.1 (regra da distribuidora)",
        "Amazonas Energia, Manual da Agência Virtual, item 3.1.2 (regra da distribuidora)",
    ]
    assert grant.permits("24836494", date(2026, 7, 1)).value is False  # expired
    assert grant.permits("11111111", TODAY).value is False  # another unit
    assert grant.permits(24836494, TODAY).value is False  # type: ignore[arg-type]


# --- AccessGrant: bad input gives InvalidInputError, never a bare TypeError ------------------

GRANT = {
    "uc": "24836494",
    "professional_cpf": "529.982.247-25",
    "profile": ProfessionalKind.ENGINEER,
    "profile_status": ProfileStatus.APPROVED,
    "registered_on": date(2025, 2, 26),
    "valid_until": date(2025, 12, 31),
}


def test_grant_normalises_its_numbers() -> None:
    grant = AccessGrant(**GRANT)  # type: ignore[arg-type]
    assert (grant.uc, grant.professional_cpf) == ("24836494", "52998224725")


@pytest.mark.parametrize(
    ("field", "value", "path", "code"),
    [
        pytest.param("uc", 24836494, "uc", "not_a_string", id="uc-int"),
        pytest.param("uc", "24A36494", "uc", "invalid_format", id="uc-letter"),
        pytest.param("professional_cpf", "111.111.111-11", "professional_cpf", "repeated_digits"),
        pytest.param("profile", "engenheiro", "profile", "not_in_choices", id="profile-text"),
        pytest.param("registered_on", "2025-02-26", "registered_on", "not_a_date"),
        pytest.param(
            "registered_on",
            datetime(2025, 2, 26, tzinfo=UTC),
            "registered_on",
            "not_a_date",
            id="dt",
        ),
        pytest.param("valid_until", None, "valid_until", "not_a_date", id="until-none"),
        pytest.param(
            "confirmed_on", datetime(2025, 3, 1, tzinfo=UTC), "confirmed_on", "not_a_date"
        ),
    ],
)
def test_grant_refuses_bad_fields(field: str, value: object, path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        AccessGrant(**{**GRANT, field: value})  # type: ignore[arg-type]
    assert codes(info) == [(path, code)]


@pytest.mark.parametrize(
    "on",
    [
        pytest.param(datetime(2025, 3, 1, tzinfo=UTC), id="datetime"),
        pytest.param("2025-03-01", id="text"),
    ],
)
def test_grant_dates_asked_must_be_plain_dates(on: object) -> None:
    grant = AccessGrant(**GRANT)  # type: ignore[arg-type]
    for call in (grant.status, grant.confirm, lambda d: grant.permits("24836494", d)):
        with pytest.raises(InvalidInputError) as info:
            call(on)  # type: ignore[arg-type]
        assert [e.code for e in info.value.errors] == ["not_a_date"]


def test_technician_registration_and_art_optional() -> None:
    """REN 1.000/2021, art. 33, parágrafo único and art. 67, XI: "caso seja exigível"."""
    request = parse_connection_budget_request(example("budget"), today=TODAY)
    assert request.technician.registration is None
    assert request.technician.responsibility_document is None
    data = example("budget")
    technician = data["technician"]
    assert isinstance(technician, dict)
    technician["registration"] = "AM-123456/D"
    technician["responsibility_document"] = {"filename": "art.pdf", "content_base64": b64(PDF)}
    request = parse_connection_budget_request(data, today=TODAY)
    assert request.technician.registration == "AM-123456/D"
    assert request.technician.responsibility_document is not None
    assert "AM-123456" not in repr(request)
    technician["responsibility_document"] = {"filename": "art.gif", "content_base64": b64(PDF)}
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert codes(info) == [("technician.responsibility_document.filename", "unsupported_extension")]


def test_example_without_rg() -> None:
    """examples/new_connection_without_rg.json: valid under art. 659-B, not under the manual."""
    data = example("new_connection_without_rg")
    assert parse_new_connection_request(data, today=TODAY).rg is None
    with pytest.raises(InvalidInputError) as info:
        parse_new_connection_request(data, today=TODAY, require_rg=True)
    assert codes(info) == [("rg", "required"), ("attachments.rg", "required")]
