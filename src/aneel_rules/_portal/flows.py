"""Parsers of the five portal flows; import them from :mod:`aneel_rules.portal`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

from aneel_rules._connection.metering import SecondaryVoltage
from aneel_rules._convert import plain_date, whole_number
from aneel_rules._portal.attachments import (
    Attachment,
)
from aneel_rules._portal.choices import (
    BudgetPurpose,
    BudgetReason,
    ConnectionType,
    EnergyMarket,
    Flow,
    MaritalStatus,
    ProfessionalKind,
    Sex,
    SubstationUse,
)
from aneel_rules._portal.field_groups import Obj
from aneel_rules._portal.fields import INVALID, Collector, document_kind, echo
from aneel_rules._portal.guards import (
    check_verification_code,
)
from aneel_rules._portal.messages import invalid, type_name
from aneel_rules._portal.models import (
    IDENTITY_DOCUMENT_REQUIRABLE,
    AccessRequest,
    Address,
    Birth,
    ConnectionBudgetRequest,
    Contact,
    IdentityCard,
    Load,
    LoadItem,
    Location,
    NewConnectionAttachments,
    NewConnectionRequest,
    PortalRequest,
    ProfessionalProfileRequest,
    Technician,
    UserRegistration,
    manual,
)
from aneel_rules._portal.passwords import (
    MIN_LENGTH,
    PORTAL_MIN_LENGTH,
    contains_document,
    is_common,
    length,
)
from aneel_rules._portal.specs import (
    ACCESS_SPEC,
    BUDGET_SPEC,
    NEW_CONNECTION_SPEC,
    NEW_CONNECTION_SPEC_RG_REQUIRED,
    PROFILE_SPEC,
    REGISTRATION_SPEC,
)
from aneel_rules._tariffs.units import ConsumerClass
from aneel_rules.errors import NotInForceError
from aneel_rules.legal import Determination, Norm, norm_in_force

__all__ = (
    "parse_request",
    "parse_user_registration",
    "parse_new_connection_request",
    "parse_professional_profile",
    "parse_access_request",
    "parse_connection_budget_request",
    "json_schema",
)

T = TypeVar("T")

_REGISTRATION_RULE: Final = manual("1.4 a 1.7")
_PROFILE_RULE: Final = manual("3.1.1")
_BUDGET_RULE: Final = manual("4.1 a 4.6")
_RG_RULE: Final = manual("2.3")

# ---------------------------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------------------------


def _start(today: object) -> Collector:
    today = plain_date(today, path="today")
    # The flows are the portal's under REN 1.000/2021 (in force 2022-01-03, art. 679).
    if norm_in_force(today) is not Norm.REN_1000_2021:
        raise NotInForceError(
            "the portal flows apply REN 1.000/2021, in force from 2022-01-03; asked for {day}",
            code="portal_before_ren1000",
            on=today,
            what="portal flows",
            day=today.isoformat(),
        )
    return Collector(today=today)


def _sub(values: object) -> dict[str, object]:
    """A converted object's fields ({} when the object itself was invalid)."""
    return values if isinstance(values, dict) else {}


def _parse(spec: Obj, data: object, today: object) -> tuple[dict[str, object], Collector]:
    collector = _start(today)
    return _sub(spec.convert(data, "", collector)), collector


def _identity_card(values: dict[str, object]) -> IdentityCard:
    return IdentityCard(
        number=_str(values["number"]),
        issued_on=_date(values["issued_on"]),
        issuer=_str(values["issuer"]),
        uf=_str(values["uf"]),
    )


def _str(value: object) -> str:
    assert isinstance(value, str)  # noqa: S101 (converted by its spec)
    return value


def _opt_str(value: object) -> str | None:
    assert value is None or isinstance(value, str)  # noqa: S101
    return value


def _date(value: object) -> date:
    assert isinstance(value, date)  # noqa: S101
    return value


def _decimal(value: object) -> Decimal:
    assert isinstance(value, Decimal)  # noqa: S101
    return value


def _is(value: object, cls: type[T]) -> T:
    assert isinstance(value, cls)  # noqa: S101
    return value


def _optional(value: object, cls: type[T]) -> T | None:
    return None if value is None else _is(value, cls)


def _location(values: dict[str, object]) -> Location:
    return Location(latitude=_decimal(values["latitude"]), longitude=_decimal(values["longitude"]))


def parse_user_registration(
    data: Mapping[str, object],
    *,
    today: date,
    expected_code: str | None = None,
    password_min_length: int = MIN_LENGTH,
) -> UserRegistration:
    """Parse a user registration (cadastro de usuário), manual items 1.4 to 1.7.

    Password policy (the manual states none; OWASP ASVS 4.0.3 V2.1): at least
    ``password_min_length`` characters, 12 by default (runs of blanks count as one), and
    at most 128 (``too_short``/``too_long``); not on the bundled list of common passwords
    (``password_too_common``, ignoring case); not one character repeated
    (``password_repeated_characters``); not containing the CPF/CNPJ however punctuated
    or spaced (``password_is_document``); not the e-mail address nor its part before
    ``@`` (``password_is_email``), ignoring case.

    Args:
        data: The request (keys ``document``, ``email``, ``verification_code``, ``name``,
            ``phone``, ``password``).
        today: The date of the request.
        expected_code: The code that was e-mailed; when given, ``verification_code`` must
            match it (compared in constant time; code ``code_mismatch``); a blank expected
            code matches nothing.
        password_min_length: 8 to 64 (ASVS 2.1.1 asks 12; a portal may keep 8).

    Raises:
        InvalidInputError: every problem found.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, items 1.4 to 1.7 (distributor rule).

    Examples:
        >>> reg = parse_user_registration({
        ...     "document": "529.982.247-25", "email": "ana@example.com",
        ...     "verification_code": "482913", "name": "Ana Souza",
        ...     "phone": "(92) 99999-9999", "password": "correct horse"},
        ...     today=date(2026, 3, 9), expected_code="482913")
        >>> reg.document_kind, "52998224725" in repr(reg)
        ('cpf', False)
    """
    values, collector = _parse(REGISTRATION_SPEC, data, today)
    minimum = _password_minimum(password_min_length, collector)
    document, email, password = values.get("document"), values.get("email"), values.get("password")
    code = values.get("verification_code")
    if isinstance(password, str):
        # ASVS 2.1.1: at least 12 characters (the portal may set 8), blanks combined.
        if length(password) < minimum:
            collector.add("password", "too_short", minimum=minimum)
        # ASVS 2.1.7: not a common password.
        if is_common(password):
            collector.add("password", "password_too_common")
        # Library password policy (see docstring): one character repeated.
        if len(set(password)) == 1:
            collector.add("password", "password_repeated_characters", basis=_REGISTRATION_RULE)
        folded = password.strip().casefold()
        # Library password policy: not containing the document, however punctuated.
        if isinstance(document, str) and contains_document(password, document):
            collector.add("password", "password_is_document", basis=_REGISTRATION_RULE)
        # Library password policy: not the e-mail address nor its local part.
        if isinstance(email, str) and folded in {
            email.casefold(),
            email.partition("@")[0].casefold(),
        }:
            collector.add("password", "password_is_email", basis=_REGISTRATION_RULE)
    # Manual, item 1.5: the code sent to the e-mail must be typed back.
    if (
        expected_code is not None
        and isinstance(code, str)
        and not check_verification_code(code, expected_code)
    ):
        collector.add("verification_code", "code_mismatch", basis=_REGISTRATION_RULE)
    collector.raise_if_any()
    document_text = _str(document)
    return UserRegistration(
        document=document_text,
        document_kind=document_kind(document_text) or "",
        email=_str(email),
        verification_code=_str(code),
        name=_str(values["name"]),
        phone=_str(values["phone"]),
        password=_str(password),
    )


_MAX_POLICY_LENGTH: Final = 64


def _password_minimum(value: object, collector: Collector) -> int:
    """``password_min_length`` checked: an int from 8 to 64 (else the default, and an error)."""
    number = whole_number(value)
    if number is None:
        collector.add("password_min_length", "not_an_integer", value=type_name(value))
        return MIN_LENGTH
    value = number
    if value < PORTAL_MIN_LENGTH:
        collector.add(
            "password_min_length", "below_minimum", minimum=PORTAL_MIN_LENGTH, value=echo(value)
        )
        return MIN_LENGTH
    if value > _MAX_POLICY_LENGTH:
        collector.add(
            "password_min_length", "above_maximum", maximum=_MAX_POLICY_LENGTH, value=echo(value)
        )
        return MIN_LENGTH
    return value


def parse_new_connection_request(
    data: Mapping[str, object], *, today: date, require_rg: bool = False
) -> NewConnectionRequest:
    """Parse a new-connection request (ligação nova), manual item 2.

    Cross-field rules: the RG's date of issue is not after ``today``; the load survey has
    at least one line (manual 2.7: "No mínimo 1 equipamento"); the observation has at
    least 10 characters (manual 2.7). The consumer class takes the values of
    :class:`~aneel_rules.tariffs.ConsumerClass`.

    The RG. The manual (2.3) makes the RG number, date of issue, issuer, UF and a scan of
    the RG compulsory. Since REN 1.095/2024 (in force 26.06.2024) REN 1.000/2021, art. 659-B
    makes the CPF or CNPJ sufficient to identify the consumer, "vedada a exigência de
    apresentação de qualquer outro número para esse fim", and art. 67, II, "b" (an
    official photo ID) is revoked. So the ``rg`` block and ``attachments.rg`` are
    optional here, and validated when given. ``require_rg=True`` enforces the manual's
    rule: a distributor's own rule which, from 26.06.2024, conflicts with art. 659-B;
    the choice is recorded in :attr:`NewConnectionRequest.rg_requirement`. The scan of
    a document bearing the CPF stays compulsory (art. 67, II, "a", as worded by REN
    1.095/2024).

    Args:
        data: The request (keys as in the module docstring).
        today: The date of the request.
        require_rg: Enforce the manual's compulsory RG (see above).

    Raises:
        InvalidInputError: every problem found.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, items 2.3 to 2.7 (distributor rule).
        - REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024): CPF/CNPJ suffices.
        - REN 1.000/2021, art. 67, II, "a" (CPF; redação dada pela REN 1.095/2024) and
          IV, "a" (description of the load); art. 24 (single-, two- or three-phase
          connection).

    Examples:
        >>> import json, pathlib, aneel_rules
        >>> from aneel_rules import InvalidInputError
        >>> sample = pathlib.Path(aneel_rules.__file__).parents[2] / "examples/new_connection.json"
        >>> data = json.loads(sample.read_text("utf-8"))  # the repository's sample request
        >>> del data["rg"], data["attachments"]["rg"]
        >>> request = parse_new_connection_request(data, today=date(2026, 3, 9))
        >>> request.rg, request.rg_requirement.value, str(request.rg_requirement.basis[0])
        (None, False, 'REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024)')
        >>> try:
        ...     parse_new_connection_request(data, today=date(2026, 3, 9), require_rg=True)
        ... except InvalidInputError as exc:
        ...     print([(e.path, e.code) for e in exc.errors])
        [('rg', 'required'), ('attachments.rg', 'required')]
    """
    values, collector = _parse(NEW_CONNECTION_SPEC, data, today)
    flag: object = require_rg  # typed bool, but callers may pass anything
    if not isinstance(flag, bool):
        collector.add("require_rg", "not_a_boolean", type=type_name(flag))
    elif require_rg:
        # Manual 2.3: "RG *" and "Anexar frente e verso do RG *" (distributor rule; from
        # 26.06.2024 in conflict with REN 1.000/2021, art. 659-B).
        if values.get("rg") is None:
            collector.add("rg", "required", basis=_RG_RULE)
        if _sub(values.get("attachments")).get("rg", INVALID) is None:
            collector.add("attachments.rg", "required", basis=_RG_RULE)
    collector.raise_if_any()
    rg_values = values["rg"]
    attachments = _sub(values["attachments"])
    contact = _sub(values["contact"])
    address = _sub(values["address"])
    survey = _is(values["load_survey"], tuple)
    if require_rg:
        requirement = Determination(value=True, basis=(_RG_RULE,))
    else:
        # REN 1.000/2021, art. 659-B since REN 1.095/2024; before, art. 67, II, "b" asked
        # for an official photo ID, not for the RG specifically.
        period = IDENTITY_DOCUMENT_REQUIRABLE.period_on(today)
        requirement = Determination(value=False, basis=period.basis)
    return NewConnectionRequest(
        rg=None if rg_values is None else _identity_card(_sub(rg_values)),
        attachments=NewConnectionAttachments(
            rg=_optional(attachments["rg"], Attachment), cpf=_is(attachments["cpf"], Attachment)
        ),
        contact=Contact(
            phone=_str(contact["phone"]),
            email=_str(contact["email"]),
            invoice_by_email_only=contact["invoice_by_email_only"] is True,
        ),
        address=Address(
            cep=_str(address["cep"]),
            street=_str(address["street"]),
            number=_str(address["number"]),
            complement=_opt_str(address["complement"]),
            reference_point=_str(address["reference_point"]),
            district=_str(address["district"]),
            city=_str(address["city"]),
        ),
        location=_location(_sub(values["location"])),
        consumer_class=_is(values["consumer_class"], ConsumerClass),
        connection_type=_is(values["connection_type"], ConnectionType),
        load_survey=tuple(
            LoadItem(equipment=_str(line["equipment"]), quantity=_is(line["quantity"], int))
            for line in (_sub(item) for item in survey)
        ),
        observation=_str(values["observation"]),
        rg_requirement=requirement,
    )


_BRAZIL_NAMES: Final = frozenset({"BRASIL", "BRAZIL"})


def parse_professional_profile(
    data: Mapping[str, object], *, today: date
) -> ProfessionalProfileRequest:
    """Parse a professional-profile request (perfil profissional), manual 3.1.1.

    Cross-field rules: dates of birth and of issue are not after ``today``; the RG is
    not issued before the date of birth (``before_birth``); the birth UF is required when
    the country is Brasil and must be absent otherwise (``not_applicable``).

    Raises:
        InvalidInputError: every problem found.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, item 3.1.1 (distributor rule).
        - REN 1.000/2021, art. 33 and art. 67, XI (technician in charge).
    """
    values, collector = _parse(PROFILE_SPEC, data, today)
    birth = _sub(values.get("birth"))
    rg = _sub(values.get("rg"))
    country, birth_uf = birth.get("country"), birth.get("uf")
    if isinstance(country, str):
        # Manual 3.1.1: "UF *" of birth — meaningful for people born in Brazil only.
        if country in _BRAZIL_NAMES and birth_uf is None:
            collector.add("birth.uf", "required", basis=_PROFILE_RULE)
        elif country not in _BRAZIL_NAMES and birth_uf is not None:
            collector.add("birth.uf", "not_applicable", basis=_PROFILE_RULE)
    born, issued = birth.get("date"), rg.get("issued_on")
    # An identity card cannot be issued before its holder was born.
    if isinstance(born, date) and isinstance(issued, date) and issued < born:
        collector.add("rg.issued_on", "before_birth")
    collector.raise_if_any()
    return ProfessionalProfileRequest(
        profile=_is(values["profile"], ProfessionalKind),
        name=_str(values["name"]),
        cpf=_str(values["cpf"]),
        phone=_str(values["phone"]),
        email=_str(values["email"]),
        sex=_is(values["sex"], Sex),
        marital_status=_is(values["marital_status"], MaritalStatus),
        mother_name=_str(values["mother_name"]),
        birth=Birth(
            date=_date(born),
            country=_str(country),
            uf=_opt_str(birth_uf),
            city=_str(birth["city"]),
        ),
        rg=_identity_card(rg),
        attachment=_is(values["attachment"], Attachment),
    )


def parse_access_request(data: Mapping[str, object], *, today: date) -> AccessRequest:
    """Parse a professional's request for access to a unit (solicitar acesso), manual 3.1.2.

    Raises:
        InvalidInputError: every problem found.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, item 3.1.2 (distributor rule).
    """
    values, collector = _parse(ACCESS_SPEC, data, today)
    collector.raise_if_any()
    return AccessRequest(holder_document=_str(values["holder_document"]), uc=_str(values["uc"]))


def parse_connection_budget_request(
    data: Mapping[str, object], *, today: date
) -> ConnectionBudgetRequest:
    """Parse a connection-budget request (orçamento de conexão), manual item 4.

    Cross-field rules:

    - ``load.works_end`` is not before ``load.works_start`` (``end_before_start``).
    - ``load.expected_demand_kw`` is positive and at most the total transformer power in
      kVA (``demand_exceeds_transformer``): active power P = S × power factor and the
      power factor is at most 1, so P (kW) ≤ S (kVA). A library rule (physics), not a
      norm's; a distributor may ask for a stricter margin.
    - ``load.transformer_kva`` is one number (one transformer) or a list (one per
      transformer), so that the MT-metering rule of item 4.5 can be evaluated; see
      :attr:`ConnectionBudgetRequest.primary_metering`.

    Raises:
        InvalidInputError: every problem found.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, items 4.1 to 4.6 (distributor rule).
        - REN 1.000/2021, art. 67, X (position of the substation; redação dada pela
          REN 1.059/2023) and XI (technician); art. 68, III (option for ACR or ACL in a
          new connection).
    """
    values, collector = _parse(BUDGET_SPEC, data, today)
    load = _sub(values.get("load"))
    start, end = load.get("works_start"), load.get("works_end")
    # Manual 4.5: "Data de início da obra" / "Data de término da obra" — the end follows the start.
    if isinstance(start, date) and isinstance(end, date) and end < start:
        collector.add(
            "load.works_end",
            "end_before_start",
            basis=_BUDGET_RULE,
            end=end.isoformat(),
            start=start.isoformat(),
        )
    powers, demand = load.get("transformer_kva"), load.get("expected_demand_kw")
    if isinstance(powers, tuple) and isinstance(demand, Decimal):
        total = sum(powers, Decimal(0))
        # Library rule (physics): P (kW) ≤ S (kVA) since the power factor is at most 1.
        if demand > total:
            collector.add(
                "load.expected_demand_kw",
                "demand_exceeds_transformer",
                demand=str(demand),
                power=str(total),
            )
    collector.raise_if_any()
    technician = _sub(values["technician"])
    return ConnectionBudgetRequest(
        reason=_is(values["reason"], BudgetReason),
        uc=_str(values["uc"]),
        purpose=_is(values["purpose"], BudgetPurpose),
        energy_market=_optional(values["energy_market"], EnergyMarket),
        site_plan=_is(values["site_plan"], Attachment),
        location=_location(_sub(values["location"])),
        substation_use=_is(values["substation_use"], SubstationUse),
        load=Load(
            transformers_kva=tuple(_decimal(p) for p in _is(powers, tuple)),
            expected_demand_kw=_decimal(demand),
            secondary_voltage=_is(load["secondary_voltage"], SecondaryVoltage),
            pole_number=_opt_str(load["pole_number"]),
            works_start=_date(start),
            works_end=_date(end),
        ),
        technician=Technician(
            name=_str(technician["name"]),
            phone=_str(technician["phone"]),
            email=_str(technician["email"]),
            registration=_opt_str(technician["registration"]),
            responsibility_document=_optional(technician["responsibility_document"], Attachment),
        ),
    )


_PARSERS: Final[dict[Flow, Callable[..., PortalRequest]]] = {
    Flow.REGISTRATION: parse_user_registration,
    Flow.NEW_CONNECTION: parse_new_connection_request,
    Flow.PROFESSIONAL_PROFILE: parse_professional_profile,
    Flow.ACCESS: parse_access_request,
    Flow.BUDGET: parse_connection_budget_request,
}

_SPECS: Final[dict[Flow, Obj]] = {
    Flow.REGISTRATION: REGISTRATION_SPEC,
    Flow.NEW_CONNECTION: NEW_CONNECTION_SPEC,
    Flow.PROFESSIONAL_PROFILE: PROFILE_SPEC,
    Flow.ACCESS: ACCESS_SPEC,
    Flow.BUDGET: BUDGET_SPEC,
}


def _flow(flow: object) -> Flow:
    if isinstance(flow, Flow):
        return flow
    for member in Flow:
        if isinstance(flow, str) and flow.strip().lower() == member.value:
            return member
    raise invalid(
        "flow",
        "unknown_flow",
        value=echo(flow) if isinstance(flow, str) else type_name(flow),
        choices=", ".join(f.value for f in Flow),
    )


def parse_request(flow: Flow | str, data: Mapping[str, object], *, today: date) -> PortalRequest:
    """Parse a request of any flow (``Flow`` or its name, e.g. ``"budget"``).

    Examples:
        >>> parse_request("access", {"holder_document": "52998224725", "uc": "24836494"},
        ...               today=date(2026, 3, 9)).uc
        '24836494'
    """
    return _PARSERS[_flow(flow)](data, today=today)


def json_schema(flow: Flow | str, *, require_rg: bool = False) -> dict[str, object]:
    """JSON Schema (draft 2020-12) of a flow's request, from the parser's own field specs.

    The schema describes the JSON form (attachments as ``filename`` + ``content_base64``)
    and refuses unknown keys like the parser. Cross-field rules (dates in order, demand
    within transformer power, check digits) are the parser's alone. ``require_rg``
    describes :func:`parse_new_connection_request` with ``require_rg=True`` (``rg`` and
    ``attachments.rg`` required); other flows ignore it.

    Examples:
        >>> schema = json_schema("access")
        >>> schema["$schema"], schema["required"], schema["additionalProperties"]
        ('https://json-schema.org/draft/2020-12/schema', ['holder_document', 'uc'], False)
        >>> "rg" in json_schema("new-connection")["required"]
        False
        >>> "rg" in json_schema("new-connection", require_rg=True)["required"]
        True
    """
    member = _flow(flow)
    flag: object = require_rg  # typed bool, but callers may pass anything
    if not isinstance(flag, bool):
        raise invalid("require_rg", "not_a_boolean", type=type_name(flag))
    spec = _SPECS[member]
    if member is Flow.NEW_CONNECTION and require_rg:
        spec = NEW_CONNECTION_SPEC_RG_REQUIRED
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:aneel-rules:portal:{member.value}",
        **spec.schema(),
    }
