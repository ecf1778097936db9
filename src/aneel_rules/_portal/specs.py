"""Field specs of the five portal flows (private): one tree per flow, for parser and schema.

Built on the machinery of :mod:`aneel_rules._portal.fields`; the portal-specific specs
(UF by code or name, secondary voltage, coordinates inside Brazil) are here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._connection.metering import SecondaryVoltage
from aneel_rules._portal.choices import (
    BudgetPurpose,
    BudgetReason,
    ConnectionType,
    EnergyMarket,
    MaritalStatus,
    ProfessionalKind,
    Sex,
    SubstationUse,
)
from aneel_rules._portal.field_documents import AttachmentSpec, Document
from aneel_rules._portal.field_groups import Field, ListOf, NumberOrList, Obj
from aneel_rules._portal.field_numbers import Integer, Number
from aneel_rules._portal.fields import (
    INVALID,
    Boolean,
    Choice,
    Collector,
    DateSpec,
    Spec,
    Text,
    echo,
)
from aneel_rules._tariffs.units import ConsumerClass
from aneel_rules.errors import InvalidInputError

__all__ = (
    "ACCESS_SPEC",
    "BRAZIL_LATITUDE",
    "BRAZIL_LONGITUDE",
    "BUDGET_SPEC",
    "NEW_CONNECTION_SPEC",
    "NEW_CONNECTION_SPEC_RG_REQUIRED",
    "PROFILE_SPEC",
    "REGISTRATION_SPEC",
)


BRAZIL_LATITUDE: Final = (Decimal("-33.76"), Decimal("5.28"))
"""Latitude bounds (south, north) of Brazil's extreme points, rounded outward to 0.01°.

North: Monte Caburaí, 5°16′19″ N (5.272); south: Arroio Chuí, 33°45′03″ S (−33.751).
"""

BRAZIL_LONGITUDE: Final = (Decimal("-74.00"), Decimal("-28.84"))
"""Longitude bounds (west, east), islands included, rounded outward to 0.01°.

West: nascente do rio Moa, 73°59′32″ W (−73.992); east: Ilha do Sul (Martim Vaz),
28°50′52″ W (−28.848). A bounding box, so it also admits points of neighbouring
countries and of the ocean: it rejects gross errors (swapped or unsigned coordinates),
not every point abroad.
"""


@attrs.frozen
class _UFSpec(Spec):
    """A UF code (``AM``) or full name (``AMAZONAS``, as the portal's select shows it)."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        from aneel_rules.documents import uf  # noqa: PLC0415

        if isinstance(value, str):
            # lower(), not casefold(): "ſ".casefold() == "s" would let a look-alike through.
            wanted = value.strip().lower()
            for code, name in uf.NAMES.items():
                if name.lower() == wanted:
                    return code
        return Document("uf", "UF").convert(value, path, collector)

    def schema(self) -> dict[str, object]:
        return {"type": "string", "description": "UF code or name", "examples": ["AM", "AMAZONAS"]}


@attrs.frozen
class _VoltageSpec(Spec):
    """A secondary voltage in its usual text (``"220/127"``), see ``SecondaryVoltage.parse``."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, SecondaryVoltage):
            return value
        text = Text(max_length=32).convert(value, path, collector)
        if text is INVALID:
            return INVALID
        try:
            return SecondaryVoltage.parse(str(text))
        except InvalidInputError as exc:
            collector.adopt(exc, path)
            return INVALID

    def schema(self) -> dict[str, object]:
        # Permissive: the parser also reads "127/220 V", "220-127"… (SecondaryVoltage.parse).
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": 32,
            "examples": [v.value for v in SecondaryVoltage],
            "description": "line/phase volts as usual text, e.g. 220/127, 127/220 V, 380-220",
        }


@attrs.frozen
class _Coordinate(Spec):
    """A coordinate in degrees inside ``bounds`` (code ``outside_brazil``)."""

    bounds: tuple[Decimal, Decimal]

    def convert(self, value: object, path: str, collector: Collector) -> object:
        number = Number().convert(value, path, collector)
        if number is INVALID:
            return INVALID
        assert isinstance(number, Decimal)  # noqa: S101
        low, high = self.bounds
        # Library rule: the point must fall in Brazil's bounding box (BRAZIL_LATITUDE/LONGITUDE).
        if not low <= number <= high:
            collector.add(
                path, "outside_brazil", value=echo(number), minimum=str(low), maximum=str(high)
            )
            return INVALID
        return number

    def schema(self) -> dict[str, object]:
        low, high = self.bounds
        return {
            **Number(minimum=low, maximum=high).schema(),
            "description": f"degrees (WGS 84) from {low} to {high}; Brazil's bounding box",
        }


def _identity_card_spec() -> Obj:
    return Obj(
        fields=(
            Field("number", Document("rg", "RG number as issued")),
            Field("issued_on", DateSpec(not_future=True), description="data de emissão"),
            Field(
                "issuer",
                Document("rg", "issuing body", max_length=60, function="validate_issuer"),
                description="órgão emissor (SSP, DETRAN…)",
            ),
            Field("uf", _UFSpec(), description="UF de emissão"),
        )
    )


_LOCATION_SPEC: Final = Obj(
    fields=(
        Field("latitude", _Coordinate(BRAZIL_LATITUDE)),
        Field("longitude", _Coordinate(BRAZIL_LONGITUDE)),
    )
)

_NAME: Final = Text(min_length=2, max_length=150)

REGISTRATION_SPEC: Final = Obj(
    title="Cadastro de usuário (manual 1.4–1.7)",
    fields=(
        Field("document", Document("cpf_or_cnpj", "CPF or CNPJ")),
        Field("email", Document("email", "e-mail")),
        Field("verification_code", Text(max_length=64), description="code sent by e-mail"),
        Field("name", _NAME, description="person's or company's name"),
        Field("phone", Document("phone", "mobile phone", mobile_only=True)),
        Field("password", Text(min_length=8, max_length=128, strip=False)),
    ),
)


def _new_connection_spec(*, require_rg: bool) -> Obj:
    rg_note = (
        "required: the portal manual's rule (2.3), against REN 1.000/2021, art. 659-B"
        if require_rg
        else "optional: REN 1.000/2021, art. 659-B (the CPF/CNPJ suffices)"
    )
    return Obj(
        title="Ligação nova (manual 2)",
        fields=(
            Field("rg", _identity_card_spec(), required=require_rg, description=rg_note),
            Field(
                "attachments",
                Obj(
                    fields=(
                        Field(
                            "rg",
                            AttachmentSpec("RG, front and back"),
                            required=require_rg,
                            description=rg_note,
                        ),
                        Field("cpf", AttachmentSpec("CPF, front and back")),
                    )
                ),
            ),
            Field(
                "contact",
                Obj(
                    fields=(
                        Field("phone", Document("phone", "phone")),
                        Field("email", Document("email", "e-mail")),
                        Field("invoice_by_email_only", Boolean(), required=False),
                    )
                ),
            ),
            Field(
                "address",
                Obj(
                    fields=(
                        Field("cep", Document("cep", "CEP")),
                        Field("street", Text(max_length=150)),
                        Field("number", Text(max_length=20), description='house number or "S/N"'),
                        Field("complement", Text(max_length=100), required=False),
                        Field("reference_point", Text(max_length=200)),
                        Field("district", Text(max_length=100)),
                        Field("city", Text(max_length=100)),
                    )
                ),
            ),
            Field("location", _LOCATION_SPEC),
            Field("consumer_class", Choice(ConsumerClass)),
            Field("connection_type", Choice(ConnectionType)),
            Field(
                "load_survey",
                ListOf(
                    Obj(
                        fields=(
                            Field("equipment", Text(max_length=100)),
                            Field("quantity", Integer(minimum=1, maximum=10_000)),
                        )
                    ),
                    min_items=1,
                ),
            ),
            Field("observation", Text(min_length=10, max_length=2000)),
        ),
    )


NEW_CONNECTION_SPEC: Final = _new_connection_spec(require_rg=False)
NEW_CONNECTION_SPEC_RG_REQUIRED: Final = _new_connection_spec(require_rg=True)

PROFILE_SPEC: Final = Obj(
    title="Perfil profissional (manual 3.1.1)",
    fields=(
        Field("profile", Choice(ProfessionalKind)),
        Field("name", _NAME),
        Field("cpf", Document("cpf", "CPF")),
        Field("phone", Document("phone", "phone")),
        Field("email", Document("email", "e-mail")),
        # LGPD: sex and marital status are personal data; what was typed is never quoted.
        Field("sex", Choice(Sex, sensitive=True)),
        Field("marital_status", Choice(MaritalStatus, sensitive=True)),
        Field("mother_name", _NAME),
        Field(
            "birth",
            Obj(
                fields=(
                    Field("date", DateSpec(not_future=True)),
                    Field("country", Text(min_length=2, max_length=60, upper=True)),
                    Field(
                        "uf",
                        _UFSpec(),
                        required=False,
                        description="required when the country is Brasil, else absent",
                    ),
                    Field("city", Text(max_length=100)),
                )
            ),
        ),
        Field("rg", _identity_card_spec()),
        Field("attachment", AttachmentSpec("RG or CNH, front and back")),
    ),
)

ACCESS_SPEC: Final = Obj(
    title="Solicitar acesso (manual 3.1.2)",
    fields=(
        Field("holder_document", Document("cpf_or_cnpj", "holder's CPF or CNPJ")),
        Field("uc", Document("uc", "consumer-unit number")),
    ),
)

BUDGET_SPEC: Final = Obj(
    title="Orçamento de conexão (manual 4)",
    fields=(
        Field("reason", Choice(BudgetReason)),
        Field("uc", Document("uc", "consumer-unit number")),
        Field("purpose", Choice(BudgetPurpose)),
        Field("energy_market", Choice(EnergyMarket), required=False),
        Field("site_plan", AttachmentSpec("planta de situação with the transformer's position")),
        Field("location", _LOCATION_SPEC),
        Field("substation_use", Choice(SubstationUse)),
        Field(
            "load",
            Obj(
                fields=(
                    Field(
                        "transformer_kva",
                        NumberOrList(Number(positive=True, maximum=Decimal(1_000_000))),
                        description="power of the transformer, or a list: one per transformer",
                    ),
                    Field(
                        "expected_demand_kw",
                        Number(positive=True, maximum=Decimal(1_000_000)),
                    ),
                    Field("secondary_voltage", _VoltageSpec()),
                    Field("pole_number", Text(max_length=40), required=False),
                    Field("works_start", DateSpec()),
                    Field("works_end", DateSpec()),
                )
            ),
        ),
        Field(
            "technician",
            Obj(
                fields=(
                    Field("name", _NAME),
                    Field("phone", Document("phone", "phone")),
                    Field("email", Document("email", "e-mail")),
                    Field(
                        "registration",
                        Text(max_length=40),
                        required=False,
                        description="registro no conselho profissional (REN 1.000/2021, art. 33)",
                    ),
                    Field(
                        "responsibility_document",
                        AttachmentSpec("ART/TRT of the professional council"),
                        required=False,
                        description="documento de responsabilidade técnica (art. 33, p. único)",
                    ),
                )
            ),
        ),
    ),
)
