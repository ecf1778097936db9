"""Request models of the portal flows and their bases (private; re-exported by ``portal``).

Personal data never appears in ``repr()`` (LGPD, Lei 13.709/2018): those fields print
as ``'***'``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final, TypeAlias

import attrs

from aneel_rules._connection.metering import (
    MeteringDecision,
    SecondaryVoltage,
    Transformer,
    primary_metering_required,
)
from aneel_rules._portal.attachments import Attachment
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
from aneel_rules._tariffs.units import ConsumerClass
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN1000_IN_FORCE_FROM,
    AmendmentKind,
    Determination,
    DistributorRule,
    Norm,
    in_force_from,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "IDENTITY_DOCUMENT_REQUIRABLE",
    "PORTAL_MANUAL",
    "AccessRequest",
    "Address",
    "Birth",
    "ConnectionBudgetRequest",
    "Contact",
    "IdentityCard",
    "Load",
    "LoadItem",
    "Location",
    "NewConnectionAttachments",
    "NewConnectionRequest",
    "PortalRequest",
    "ProfessionalProfileRequest",
    "Technician",
    "UserRegistration",
    "manual",
    "masked",
)


def manual(section: str) -> DistributorRule:
    return DistributorRule(
        distributor="Amazonas Energia", document="Manual da Agência Virtual", section=section
    )


PORTAL_MANUAL: Final = manual("1 a 4")
"""The Amazonas Energia portal manual as a whole (a distributor's rule, not ANEEL's)."""

_HIGH_VOLTAGE_RULE: Final = manual("2.7")

_CPF_CNPJ_SUFFICE: Final = ren1000(
    "659-B", amended_by=Norm.REN_1095_2024, amendment_kind=AmendmentKind.INSERTED
)
_RG_NOT_REQUIRED: Final = Determination(value=False, basis=(_CPF_CNPJ_SUFFICE,))
IDENTITY_DOCUMENT_REQUIRABLE: Final[Timeline[bool]] = Timeline(
    name="identity_document_requirable",
    unit="bool",
    label_pt="exigência de documento de identificação além do CPF/CNPJ",
    periods=(
        # REN 1.000/2021, art. 67, II, "b" (original wording): the connection request of a
        # natural person presents "Carteira de Identidade ou outro documento de
        # identificação oficial com foto" (RANI for indigenous people).
        Period(
            since=REN1000_IN_FORCE_FROM,
            value=True,
            basis=ren1000(67, item="II", subitem="b"),
            note="any official photo ID, not the RG specifically",
        ),
        # REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024): forms must have a
        # compulsory CPF/CNPJ field "que será suficiente para sua identificação, vedada a
        # exigência de apresentação de qualquer outro número para esse fim"; the same act
        # revoked art. 67, II, "b".
        Period(
            since=in_force_from(Norm.REN_1095_2024),
            value=False,
            basis=_CPF_CNPJ_SUFFICE,
            note=(
                "REN 1.095 of 18.06.2024, in force from its publication in the DOU of 26.06.2024 "
                "(legal.NORMS; secondary source, its vigência clause was not read)"
            ),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Whether a consumer may be required to present an identity document besides the CPF/CNPJ.

``True`` while REN 1.000/2021, art. 67, II, "b" asked for an official photo ID with the
connection request; ``False`` since REN 1.095/2024 revoked it and inserted art. 659-B
(the CPF or CNPJ suffices to identify the consumer).

Examples:
    >>> IDENTITY_DOCUMENT_REQUIRABLE.value_on(date(2024, 6, 17))
    True
    >>> str(IDENTITY_DOCUMENT_REQUIRABLE.period_on(date(2024, 6, 18)).basis)
    'REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024)'
"""


_MASK: Final = "'***'"


def masked(value: object) -> str:
    return "None" if value is None else _MASK


@attrs.frozen(kw_only=True)
class UserRegistration:
    """User registration (cadastro de usuário), manual items 1.4 to 1.7.

    Attributes:
        document: CPF (11 digits) or CNPJ (14 characters), compact.
        document_kind: ``"cpf"`` or ``"cnpj"``.
        email: E-mail address as validated.
        verification_code: Code typed from the e-mail (item 1.5).
        name: Person's or company's name (item 1.6).
        phone: Mobile number, compact (item 1.6: "O número do seu celular").
        password: The password chosen (item 1.7); see :func:`parse_user_registration`.
    """

    document: str = attrs.field(repr=masked)
    document_kind: str
    email: str = attrs.field(repr=masked)
    verification_code: str = attrs.field(repr=masked)
    name: str = attrs.field(repr=masked)
    phone: str = attrs.field(repr=masked)
    password: str = attrs.field(repr=masked)


@attrs.frozen(kw_only=True)
class IdentityCard:
    """Identity card (RG, carteira de identidade) as issued: number, date, issuer, UF."""

    number: str = attrs.field(repr=masked)
    issued_on: date = attrs.field(repr=masked)
    issuer: str
    uf: str


@attrs.frozen(kw_only=True)
class NewConnectionAttachments:
    """Scans of the CPF and, when given or required, of the RG, front and back (manual 2.3).

    The CPF document is REN 1.000/2021, art. 67, II, "a" (a document "com fé pública em
    que conste o número de inscrição no CPF"); the RG scan is ``None`` unless given
    (see :func:`parse_new_connection_request`).
    """

    rg: Attachment | None = None
    cpf: Attachment


@attrs.frozen(kw_only=True)
class Contact:
    """Contact details (informações de contato), manual 2.4."""

    phone: str = attrs.field(repr=masked)
    email: str = attrs.field(repr=masked)
    invoice_by_email_only: bool = False


@attrs.frozen(kw_only=True)
class Address:
    """Address of the new consumer unit (endereço do local da ligação), manual 2.5–2.6."""

    cep: str
    street: str = attrs.field(repr=masked)
    number: str = attrs.field(repr=masked)
    complement: str | None = attrs.field(repr=masked)
    reference_point: str = attrs.field(repr=masked)
    district: str
    city: str

    @property
    def uf(self) -> str:
        """UF of the CEP's range (Correios)."""
        from aneel_rules.documents import cep  # noqa: PLC0415 (keeps import cheap)

        return cep.uf(self.cep)


@attrs.frozen(kw_only=True)
class Location:
    """Point marked on the map (localização), WGS 84 degrees, inside Brazil's bounding box.

    The coordinates locate a home as precisely as the street does: masked in ``repr``.
    """

    latitude: Decimal = attrs.field(repr=masked)
    longitude: Decimal = attrs.field(repr=masked)


@attrs.frozen(kw_only=True)
class LoadItem:
    """One line of the load survey (levantamento de carga), manual 2.7."""

    equipment: str
    quantity: int


@attrs.frozen(kw_only=True)
class NewConnectionRequest:
    """New connection (ligação nova) where no consumer unit exists yet, manual item 2.

    Attributes:
        rg: The requester's identity card, or ``None`` when not given (optional unless the
            parser was asked to ``require_rg``).
        attachments: CPF scan and, when given, RG scan.
        contact: Phone, e-mail and the e-mail-only invoice option.
        address: Address of the new unit.
        location: Point marked on the map.
        consumer_class: Tariff class (REN 1.000/2021, art. 174).
        connection_type: Connection type.
        load_survey: Equipment and quantities (at least one line).
        observation: Free text, at least 10 characters.
        rg_requirement: Whether the RG was required, and on what basis: the portal
            manual (a distributor's rule) when required, else the ANEEL provision in force.
    """

    rg: IdentityCard | None = None
    attachments: NewConnectionAttachments
    contact: Contact
    address: Address
    location: Location
    consumer_class: ConsumerClass
    connection_type: ConnectionType
    load_survey: tuple[LoadItem, ...]
    observation: str = attrs.field(repr=masked)
    rg_requirement: Determination[bool] = attrs.field(default=_RG_NOT_REQUIRED)

    @property
    def requires_connection_budget(self) -> Determination[bool]:
        """Whether a connection budget must follow (manual 2.7: type "alta tensão").

        Examples:
            >>> from aneel_rules.portal import ConnectionType
            >>> ConnectionType("alta tensão") is ConnectionType.HIGH_VOLTAGE
            True
        """
        # Manual, item 2.7, Observação: "caso o cliente solicite o tipo de ligação Alta Tensão,
        # após a aprovação da ligação nova, ele deverá solicitar o Orçamento de Conexão".
        return Determination(
            self.connection_type is ConnectionType.HIGH_VOLTAGE, (_HIGH_VOLTAGE_RULE,)
        )


@attrs.frozen(kw_only=True)
class Birth:
    """Birth information (informações do nascimento), manual 3.1.1.

    ``uf`` is set for people born in Brazil and ``None`` otherwise.
    """

    date: date = attrs.field(repr=masked)
    country: str
    uf: str | None
    city: str


@attrs.frozen(kw_only=True)
class ProfessionalProfileRequest:
    """Professional profile request (solicitar perfil profissional), manual 3.1.1."""

    profile: ProfessionalKind
    name: str = attrs.field(repr=masked)
    cpf: str = attrs.field(repr=masked)
    phone: str = attrs.field(repr=masked)
    email: str = attrs.field(repr=masked)
    sex: Sex = attrs.field(repr=masked)
    marital_status: MaritalStatus = attrs.field(repr=masked)
    mother_name: str = attrs.field(repr=masked)
    birth: Birth
    rg: IdentityCard
    attachment: Attachment


@attrs.frozen(kw_only=True)
class AccessRequest:
    """A professional's request for access to a consumer unit (solicitar acesso), manual 3.1.2."""

    holder_document: str = attrs.field(repr=masked)
    uc: str


@attrs.frozen(kw_only=True)
class Load:
    """Load details (detalhes da carga), manual 4.5.

    Attributes:
        transformers_kva: Power of each transformer; the form's single field
            "Potência a ser instalado em Transformadores" read as one transformer when a
            number is given, or one per entry when a list is given.
        expected_demand_kw: Total expected demand (demanda prevista total).
        secondary_voltage: Secondary voltage of the transformer(s).
        pole_number: Interconnection pole (número do poste de interligação), optional.
        works_start: Start of works.
        works_end: End of works (not before the start).
    """

    transformers_kva: tuple[Decimal, ...]
    expected_demand_kw: Decimal
    secondary_voltage: SecondaryVoltage
    pole_number: str | None = None
    works_start: date
    works_end: date

    @property
    def installed_kva(self) -> Decimal:
        """Total transformer power in kVA."""
        return sum(self.transformers_kva, Decimal(0))

    @property
    def transformers(self) -> tuple[Transformer, ...]:
        """The transformers as :class:`aneel_rules.connection.Transformer` objects."""
        return tuple(Transformer(kva, self.secondary_voltage) for kva in self.transformers_kva)


@attrs.frozen(kw_only=True)
class Technician:
    """Technician in charge (técnico responsável), manual 4.6; REN 1.000/2021, art. 67, XI.

    The manual's form asks name, phone and e-mail. REN 1.000/2021, art. 33, parágrafo
    único, asks with the budget request for the technical-responsibility document of
    the professional council (ART, TRT…) giving "o número do registro e o nome do
    responsável técnico", "caso seja exigível na legislação específica": so both are
    optional here (whether the law requires them depends on the work, which the library
    cannot tell).

    Attributes:
        name: Name.
        phone: Phone.
        email: E-mail.
        registration: Registration number in the professional council, or ``None``.
        responsibility_document: The ART/TRT document, or ``None``.
    """

    name: str = attrs.field(repr=masked)
    phone: str = attrs.field(repr=masked)
    email: str = attrs.field(repr=masked)
    registration: str | None = attrs.field(default=None, repr=masked)
    responsibility_document: Attachment | None = None


@attrs.frozen(kw_only=True)
class ConnectionBudgetRequest:
    """Connection budget request (orçamento de conexão), manual item 4.

    The manual shows the form of the purpose "MEDIÇÃO ÚNICA" only (item 4.4 says each
    purpose has its own form); the common fields below are validated for every purpose.
    Against REN 1.000/2021, art. 67 (the requester's information for a budget) the form
    covers III (``uc``, ``location``), IV "a"–"b" in part (``load``), X (``site_plan``)
    and XI (``technician``); I–II come from the user's registration; IV "c"–"d" and
    V–IX are not asked (the distributor may collect or waive them, §§ 3º–5º). See
    ``docs/rules/portal.md`` for the table.

    Attributes:
        reason: Motivo (item 4.1).
        uc: Consumer-unit number (item 4.2).
        purpose: Finalidade (item 4.4).
        energy_market: ACR or ACL, or ``None`` when not indicated (an option of the
            requester for new connections, REN 1.000/2021, art. 68, III).
        site_plan: Planta de situação with the transformer's position (item 4.3;
            REN 1.000/2021, art. 67, X, redação dada pela REN 1.059/2023).
        location: Point marked on the map.
        substation_use: Load or distributed generation.
        load: Load details (item 4.5).
        technician: Technician in charge (item 4.6).
    """

    reason: BudgetReason
    uc: str
    purpose: BudgetPurpose
    energy_market: EnergyMarket | None
    site_plan: Attachment
    location: Location
    substation_use: SubstationUse
    load: Load
    technician: Technician

    @property
    def primary_metering(self) -> MeteringDecision:
        """Whether metering in primary voltage (MT) is compulsory (manual 4.5).

        Delegates to :func:`aneel_rules.connection.primary_metering_required` with the
        transformers of :attr:`Load.transformers`.
        """
        return primary_metering_required(self.load.transformers)


PortalRequest: TypeAlias = (
    UserRegistration
    | NewConnectionRequest
    | ProfessionalProfileRequest
    | AccessRequest
    | ConnectionBudgetRequest
)
"""Any request model."""
