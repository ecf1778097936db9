"""Portal requests (solicitações na Agência Virtual): models and parsers of the five flows.

A distributor's portal backend must accept exactly the requests the rules allow and
reject the rest with every problem listed at once. Each flow of the Amazonas Energia
portal manual has a frozen model and a ``parse_<flow>(data, *, today)`` that converts
JSON-like data (keys in English snake_case, enum values in the portal's Portuguese)
and either returns the model or raises one :class:`~aneel_rules.errors.InvalidInputError`
whose ``.errors`` carry a dotted ``path``, a stable ``code`` and a message (Portuguese by
default, ``.message_in("en")`` for English). Nothing else escapes, whatever the input.

Conventions (documented choices):

- A key whose value is ``null`` counts as absent; a blank text counts as absent.
- Unknown keys are errors (``unknown_field``): a misspelt optional key would otherwise
  be ignored silently.
- Text fields have a library length limit (``too_long``) against abuse; the manual
  states none.
- Attachments are :class:`Attachment` objects or, in JSON, objects
  ``{"filename": "rg.pdf", "content_base64": "JVBERi0..."}``.
- Personal data (CPF, RG, names, phones, e-mails, passwords, street address, birth date)
  never appears in ``repr()`` (LGPD, Lei 13.709/2018): those fields print as ``'***'``.
- The flows are those of the portal as documented (2025) under REN 1.000/2021; asking
  with ``today`` before 2022-01-03 raises :class:`~aneel_rules.errors.NotInForceError`.
- :func:`json_schema` exports a JSON Schema (draft 2020-12) built from the same field
  specs the parsers use.

Sources:
    - Amazonas Energia, "Orçamento de Conexão através da Agência Virtual" (portal manual):
      ``shared/seeds/000_35149e0589264321.txt``.
    - REN 1.000/2021, arts. 24, 67, 68, 346 and 659-B: ``shared/sources/ren1000_compilado.txt``.

Examples:
    >>> from datetime import date
    >>> request = parse_access_request(
    ...     {"holder_document": "529.982.247-25", "uc": "24836494"}, today=date(2026, 3, 9))
    >>> request
    AccessRequest(holder_document='***', uc='24836494')
    >>> try:
    ...     parse_access_request({"holder_document": "111.111.111-11"}, today=date(2026, 3, 9))
    ... except InvalidInputError as exc:
    ...     print([(e.path, e.code) for e in exc.errors])
    [('holder_document', 'repeated_digits'), ('uc', 'required')]
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final, TypeAlias, TypeVar

import attrs

from aneel_rules._portal_attachments import (
    ATTACHMENT_RULE,
    MAX_ATTACHMENT_BYTES,
    Attachment,
    AttachmentKind,
)
from aneel_rules._portal_fields import (
    INVALID,
    AttachmentSpec,
    Boolean,
    Choice,
    Collector,
    DateSpec,
    Document,
    Field,
    Integer,
    ListOf,
    Number,
    NumberOrList,
    Obj,
    Spec,
    Text,
    document_kind,
    echo,
)
from aneel_rules._portal_guards import (
    LOCKOUT_RULE,
    LoginGuard,
    RecoveryGuard,
    check_verification_code,
)
from aneel_rules._portal_messages import DOMAIN, MESSAGES, field_error, type_name
from aneel_rules.connection import (
    MeteringDecision,
    SecondaryVoltage,
    Transformer,
    primary_metering_required,
)
from aneel_rules.errors import InvalidInputError, NotInForceError
from aneel_rules.legal import (
    AmendmentKind,
    Determination,
    DistributorRule,
    Norm,
    norm_in_force,
    ren1000,
)
from aneel_rules.tariffs import ConsumerClass
from aneel_rules.timeline import Period, Timeline

__all__ = (
    # Flows and their parsers
    "Flow",
    "parse_request",
    "parse_user_registration",
    "parse_new_connection_request",
    "parse_professional_profile",
    "parse_access_request",
    "parse_connection_budget_request",
    "json_schema",
    # Request models
    "UserRegistration",
    "NewConnectionRequest",
    "ProfessionalProfileRequest",
    "AccessRequest",
    "ConnectionBudgetRequest",
    "PortalRequest",
    # Parts of requests
    "IdentityCard",
    "NewConnectionAttachments",
    "Contact",
    "Address",
    "Location",
    "LoadItem",
    "Birth",
    "Load",
    "Technician",
    # Choices (official Portuguese values)
    "ConnectionType",
    "ProfessionalKind",
    "Sex",
    "MaritalStatus",
    "BudgetReason",
    "BudgetPurpose",
    "EnergyMarket",
    "SubstationUse",
    # Access grants
    "ProfileStatus",
    "AccessStatus",
    "AccessGrant",
    # Attachments
    "Attachment",
    "AttachmentKind",
    "MAX_ATTACHMENT_BYTES",
    # Lockouts and verification codes
    "LoginGuard",
    "RecoveryGuard",
    "check_verification_code",
    # Bases and limits
    "PORTAL_MANUAL",
    "ATTACHMENT_RULE",
    "LOCKOUT_RULE",
    "IDENTITY_DOCUMENT_REQUIRABLE",
    "BRAZIL_LATITUDE",
    "BRAZIL_LONGITUDE",
    "MESSAGES",
    "DOMAIN",
)

T = TypeVar("T")


def _manual(section: str) -> DistributorRule:
    return DistributorRule(
        distributor="Amazonas Energia", document="Manual da Agência Virtual", section=section
    )


PORTAL_MANUAL: Final = _manual("1 a 4")
"""The Amazonas Energia portal manual as a whole (a distributor's rule, not ANEEL's)."""

_REGISTRATION_RULE: Final = _manual("1.4 a 1.7")
_NEW_CONNECTION_RULE: Final = _manual("2.3 a 2.7")
_HIGH_VOLTAGE_RULE: Final = _manual("2.7")
_PROFILE_RULE: Final = _manual("3.1.1")
_ACCESS_RULE: Final = _manual("3.1.2")
_BUDGET_RULE: Final = _manual("4.1 a 4.6")
_BUDGET_ACCESS_RULE: Final = _manual("4.1")
_RG_RULE: Final = _manual("2.3")

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
            since=date(2022, 1, 3),
            value=True,
            basis=ren1000(67, item="II", subitem="b"),
            note="any official photo ID, not the RG specifically",
        ),
        # REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024): forms must have a
        # compulsory CPF/CNPJ field "que será suficiente para sua identificação, vedada a
        # exigência de apresentação de qualquer outro número para esse fim"; the same act
        # revoked art. 67, II, "b".
        Period(
            since=date(2024, 6, 18),
            value=False,
            basis=_CPF_CNPJ_SUFFICE,
            note=(
                "date of REN 1.095/2024 (18.06.2024); its vigência clause was not verified "
                "(secondary sources report publication in the DOU on 26.06.2024)"
            ),
        ),
    ),
    last_verified_on=date(2026, 11, 23),
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

_MASK: Final = "'***'"


def _masked(value: object) -> str:
    return "None" if value is None else _MASK


# ---------------------------------------------------------------------------------------------
# Choices
# ---------------------------------------------------------------------------------------------


class ConnectionType(enum.Enum):
    """Connection type (tipo da ligação) asked in the new-connection form (manual 2.7).

    Single-, two- and three-phase are REN 1.000/2021, art. 24; "alta tensão" is the
    portal's option after which a connection budget must be requested (manual 2.7).
    """

    SINGLE_PHASE = "monofásica"
    TWO_PHASE = "bifásica"
    THREE_PHASE = "trifásica"
    HIGH_VOLTAGE = "alta tensão"


class ProfessionalKind(enum.Enum):
    """Professional profile (perfil profissional): those the holder may authorise (manual 3.1.2)."""

    ENGINEER = "engenheiro"
    TECHNICIAN = "técnico"
    BROKER = "corretor"


class Sex(enum.Enum):
    """Sex (sexo) as on the civil registry; the manual does not list the options."""

    FEMALE = "feminino"
    MALE = "masculino"


class MaritalStatus(enum.Enum):
    """Marital status (estado civil); the manual does not list the options (Código Civil's)."""

    SINGLE = "solteiro"
    MARRIED = "casado"
    SEPARATED = "separado"
    DIVORCED = "divorciado"
    WIDOWED = "viúvo"
    STABLE_UNION = "união estável"


class BudgetReason(enum.Enum):
    """Reason (motivo) of a connection-budget request (manual 4.1)."""

    NEW_CONNECTION = "LIGAÇÃO NOVA"
    CONNECTION_TYPE_CHANGE = "MUDANÇA DO TIPO DE LIGAÇÃO"
    SUBSTATION_CHANGE = "AMPLIAÇÃO/REDUÇÃO DE SUBESTAÇÃO"
    PROTECTION_RELAY_STUDY = "ESTUDO DE RELÉ DE PROTEÇÃO"


class BudgetPurpose(enum.Enum):
    """Purpose (finalidade) of a connection-budget request (manual 4.4)."""

    SINGLE_METERING = "MEDIÇÃO ÚNICA"
    SHARED_METERING = "MEDIÇÃO COMPARTILHADA"
    RESIDENTIAL_BUILDINGS = "PRÉDIOS HABITACIONAIS OU CONDOMÍNIOS INDUSTRIAIS"
    SUBDIVISIONS = "LOTEAMENTOS, CONJ. HABITACIONAIS OU COND. HORIZONTAIS"


class EnergyMarket(enum.Enum):
    """Energy purchase environment (ambiente de contratação), REN 1.000/2021, art. 68, III."""

    REGULATED = "ACR"
    FREE = "ACL"


class SubstationUse(enum.Enum):
    """What the substation serves (subestação destinada a), manual 4.3."""

    LOAD = "carga"
    DISTRIBUTED_GENERATION = "geração distribuída"


class ProfileStatus(enum.Enum):
    """Outcome of the review of a professional profile (manual 3.1.1: "procedente ou não")."""

    UNDER_REVIEW = "em análise"
    APPROVED = "procedente"
    REJECTED = "improcedente"


class AccessStatus(enum.Enum):
    """Status of an access grant as the portal lists it (manual 3.1.2)."""

    PENDING = "pendente"
    ACTIVE = "ativo"
    EXPIRED = "expirado"


class Flow(enum.Enum):
    """The request flows (the value is the CLI name)."""

    REGISTRATION = "registration"
    NEW_CONNECTION = "new-connection"
    PROFESSIONAL_PROFILE = "professional-profile"
    ACCESS = "access"
    BUDGET = "budget"


# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------


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

    document: str = attrs.field(repr=_masked)
    document_kind: str
    email: str = attrs.field(repr=_masked)
    verification_code: str = attrs.field(repr=_masked)
    name: str = attrs.field(repr=_masked)
    phone: str = attrs.field(repr=_masked)
    password: str = attrs.field(repr=_masked)


@attrs.frozen(kw_only=True)
class IdentityCard:
    """Identity card (RG, carteira de identidade) as issued: number, date, issuer, UF."""

    number: str = attrs.field(repr=_masked)
    issued_on: date = attrs.field(repr=_masked)
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

    phone: str = attrs.field(repr=_masked)
    email: str = attrs.field(repr=_masked)
    invoice_by_email_only: bool = False


@attrs.frozen(kw_only=True)
class Address:
    """Address of the new consumer unit (endereço do local da ligação), manual 2.5–2.6."""

    cep: str
    street: str = attrs.field(repr=_masked)
    number: str = attrs.field(repr=_masked)
    complement: str | None = attrs.field(repr=_masked)
    reference_point: str = attrs.field(repr=_masked)
    district: str
    city: str

    @property
    def uf(self) -> str:
        """UF of the CEP's range (Correios)."""
        from aneel_rules.documents import cep  # noqa: PLC0415 (keeps import cheap)

        return cep.uf(self.cep)


@attrs.frozen(kw_only=True)
class Location:
    """Point marked on the map (localização), WGS 84 degrees, inside Brazil's bounding box."""

    latitude: Decimal
    longitude: Decimal


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
    observation: str = attrs.field(repr=_masked)
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

    date: date = attrs.field(repr=_masked)
    country: str
    uf: str | None
    city: str


@attrs.frozen(kw_only=True)
class ProfessionalProfileRequest:
    """Professional profile request (solicitar perfil profissional), manual 3.1.1."""

    profile: ProfessionalKind
    name: str = attrs.field(repr=_masked)
    cpf: str = attrs.field(repr=_masked)
    phone: str = attrs.field(repr=_masked)
    email: str = attrs.field(repr=_masked)
    sex: Sex = attrs.field(repr=_masked)
    marital_status: MaritalStatus = attrs.field(repr=_masked)
    mother_name: str = attrs.field(repr=_masked)
    birth: Birth
    rg: IdentityCard
    attachment: Attachment


@attrs.frozen(kw_only=True)
class AccessRequest:
    """A professional's request for access to a consumer unit (solicitar acesso), manual 3.1.2."""

    holder_document: str = attrs.field(repr=_masked)
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
    """Technician in charge (técnico responsável), manual 4.6; REN 1.000/2021, art. 67, XI."""

    name: str = attrs.field(repr=_masked)
    phone: str = attrs.field(repr=_masked)
    email: str = attrs.field(repr=_masked)


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


# ---------------------------------------------------------------------------------------------
# Access grants (manual 3.1.2)
# ---------------------------------------------------------------------------------------------


def _check_profile_status(_inst: object, _attr: object, value: ProfileStatus) -> None:
    # Manual 3.1.2: access may be granted to "profissional habilitado desde que este possua
    # seu perfil profissional já cadastrado" — i.e. reviewed and approved (3.1.1).
    if value is not ProfileStatus.APPROVED:
        status = value.value if isinstance(value, ProfileStatus) else type_name(value)
        raise InvalidInputError(
            (
                field_error(
                    "profile_status", "profile_not_approved", basis=_ACCESS_RULE, status=status
                ),
            )
        )


def _check_grant_dates(inst: AccessGrant, _attr: object, value: date) -> None:
    if value < inst.registered_on:
        raise InvalidInputError(
            (
                field_error(
                    "valid_until",
                    "end_before_start",
                    basis=_ACCESS_RULE,
                    end=value.isoformat(),
                    start=inst.registered_on.isoformat(),
                ),
            )
        )


def _check_confirmation(inst: AccessGrant, _attr: object, value: date | None) -> None:
    if value is not None and value < inst.registered_on:
        raise InvalidInputError(
            (
                field_error(
                    "confirmed_on",
                    "end_before_start",
                    basis=_ACCESS_RULE,
                    end=value.isoformat(),
                    start=inst.registered_on.isoformat(),
                ),
            )
        )


@attrs.frozen(kw_only=True)
class AccessGrant:
    """Access to a consumer unit granted by its holder to a professional (conceder acesso).

    The holder gives the professional's CPF and the end of the contract's validity
    (fim da vigência); the professional confirms by e-mail (manual 3.1.2). The grant
    requires the professional's profile to be approved (``profile_status``), else
    construction raises (code ``profile_not_approved``).

    Readings: ``valid_until`` is the last day of validity (inclusive); a grant never
    confirmed also expires after it.

    Attributes:
        uc: Consumer unit.
        professional_cpf: The professional's CPF (compact).
        profile: The professional's kind.
        profile_status: Review outcome of the profile; must be approved.
        registered_on: Data cadastro.
        valid_until: Fim vigência (inclusive).
        confirmed_on: When the professional confirmed, or ``None``.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, item 3.1.2 (distributor rule).

    Examples:
        >>> grant = AccessGrant(uc="24836494", professional_cpf="52998224725",
        ...     profile=ProfessionalKind.ENGINEER, profile_status=ProfileStatus.APPROVED,
        ...     registered_on=date(2025, 2, 26), valid_until=date(2025, 12, 31))
        >>> grant.status(date(2025, 2, 26)).value
        'pendente'
        >>> grant = grant.confirm(date(2025, 2, 27))
        >>> [grant.status(d).value for d in (date(2025, 12, 31), date(2026, 1, 1))]
        ['ativo', 'expirado']
    """

    uc: str
    professional_cpf: str = attrs.field(repr=_masked)
    profile: ProfessionalKind = attrs.field(
        validator=attrs.validators.instance_of(ProfessionalKind)
    )
    profile_status: ProfileStatus = attrs.field(validator=_check_profile_status)
    registered_on: date = attrs.field(validator=attrs.validators.instance_of(date))
    valid_until: date = attrs.field(
        validator=[attrs.validators.instance_of(date), _check_grant_dates]
    )
    confirmed_on: date | None = attrs.field(
        default=None,
        validator=[
            attrs.validators.optional(attrs.validators.instance_of(date)),
            _check_confirmation,
        ],
    )

    @property
    def basis(self) -> DistributorRule:
        """The distributor rule (manual 3.1.2)."""
        return _ACCESS_RULE

    @classmethod
    def grant(
        cls,
        profile: ProfessionalProfileRequest,
        profile_status: ProfileStatus,
        *,
        uc: str,
        on: date,
        valid_until: date,
    ) -> AccessGrant:
        """Grant access to the professional of ``profile`` (pending until confirmed).

        Raises:
            InvalidInputError: the profile is not approved, is not a profile request, or
                ``valid_until`` is before ``on``.
        """
        if not isinstance(profile, ProfessionalProfileRequest):
            raise InvalidInputError(
                (field_error("profile", "not_a_profile", type=type(profile).__name__),)
            )
        return cls(
            uc=uc,
            professional_cpf=profile.cpf,
            profile=profile.profile,
            profile_status=profile_status,
            registered_on=on,
            valid_until=valid_until,
        )

    def confirm(self, on: date) -> AccessGrant:
        """The grant once the professional confirmed it on ``on`` (e-mail link).

        Raises:
            InvalidInputError: already confirmed (``already_confirmed``) or ``on`` is before
                the grant (``end_before_start``).
        """
        if self.confirmed_on is not None:
            raise InvalidInputError(
                (
                    field_error(
                        "confirmed_on",
                        "already_confirmed",
                        basis=_ACCESS_RULE,
                        value=self.confirmed_on.isoformat(),
                    ),
                )
            )
        return attrs.evolve(self, confirmed_on=on)

    def permits(self, uc: str, on: date) -> Determination[bool]:
        """Whether the professional may request services for ``uc`` on ``on`` (e.g. a budget).

        Manual 4.1: "O responsável técnico com liberação para a UC do cliente pode solicitar
        este serviço" — the grant must be active on that date and be for that unit
        (numbers compared without punctuation or blanks).

        Examples:
            >>> grant = AccessGrant(uc="24836494", professional_cpf="52998224725",
            ...     profile=ProfessionalKind.ENGINEER, profile_status=ProfileStatus.APPROVED,
            ...     registered_on=date(2025, 2, 26), valid_until=date(2025, 12, 31),
            ...     confirmed_on=date(2025, 2, 27))
            >>> grant.permits("24836494", date(2025, 6, 1)).value
            True
            >>> grant.permits("24836494", date(2026, 1, 1)).value
            False
        """
        same_unit = isinstance(uc, str) and _digits(uc) == _digits(self.uc)
        # Manual 4.1 with 3.1.2: only an active grant for the unit lets the professional act.
        allowed = same_unit and self.status(on) is AccessStatus.ACTIVE
        return Determination(allowed, (_BUDGET_ACCESS_RULE, _ACCESS_RULE))

    def status(self, on: date) -> AccessStatus:
        """Status on a date: expired after ``valid_until``; pending until confirmed; else active.

        Legal basis:
            - Amazonas Energia, Manual da Agência Virtual, item 3.1.2 (distributor rule).
        """
        if not isinstance(on, date):
            raise InvalidInputError((field_error("on", "not_a_date_value", type=type_name(on)),))
        # Manual 3.1.2: "FIM VIGÊNCIA" — past the end of validity the grant is "EXPIRADO".
        if on > self.valid_until:
            return AccessStatus.EXPIRED
        # Manual 3.1.2: the professional must confirm the access received by e-mail.
        if self.confirmed_on is None or on < self.confirmed_on:
            return AccessStatus.PENDING
        return AccessStatus.ACTIVE


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch not in " .-/")


# ---------------------------------------------------------------------------------------------
# Field specs specific to the portal
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class _UFSpec(Spec):
    """A UF code (``AM``) or full name (``AMAZONAS``, as the portal's select shows it)."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        from aneel_rules.documents import uf  # noqa: PLC0415

        if isinstance(value, str):
            wanted = value.strip().casefold()
            for code, name in uf.NAMES.items():
                if name.casefold() == wanted:
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

_REGISTRATION_SPEC: Final = Obj(
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

_NEW_CONNECTION_SPEC: Final = Obj(
    title="Ligação nova (manual 2)",
    fields=(
        Field(
            "rg",
            _identity_card_spec(),
            required=False,
            description=(
                "optional: REN 1.000/2021, art. 659-B (CPF/CNPJ suffices); "
                "required only when the parser is asked to require_rg"
            ),
        ),
        Field(
            "attachments",
            Obj(
                fields=(
                    Field(
                        "rg",
                        AttachmentSpec("RG, front and back"),
                        required=False,
                        description="optional, as rg",
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

_PROFILE_SPEC: Final = Obj(
    title="Perfil profissional (manual 3.1.1)",
    fields=(
        Field("profile", Choice(ProfessionalKind)),
        Field("name", _NAME),
        Field("cpf", Document("cpf", "CPF")),
        Field("phone", Document("phone", "phone")),
        Field("email", Document("email", "e-mail")),
        Field("sex", Choice(Sex)),
        Field("marital_status", Choice(MaritalStatus)),
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

_ACCESS_SPEC: Final = Obj(
    title="Solicitar acesso (manual 3.1.2)",
    fields=(
        Field("holder_document", Document("cpf_or_cnpj", "holder's CPF or CNPJ")),
        Field("uc", Document("uc", "consumer-unit number")),
    ),
)

_BUDGET_SPEC: Final = Obj(
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
                )
            ),
        ),
    ),
)


# ---------------------------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------------------------


def _start(today: object) -> Collector:
    if not isinstance(today, date) or type(today) is not date:
        raise InvalidInputError((field_error("today", "not_a_date_value", type=type_name(today)),))
    # The flows are the portal's under REN 1.000/2021 (in force 2022-01-03, art. 679).
    if norm_in_force(today) is not Norm.REN_1000_2021:
        raise NotInForceError(
            f"the portal flows apply REN 1.000/2021, in force from 2022-01-03; asked for "
            f"{today.isoformat()}",
            on=today,
            what="portal flows",
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
    data: Mapping[str, object], *, today: date, expected_code: str | None = None
) -> UserRegistration:
    """Parse a user registration (cadastro de usuário), manual items 1.4 to 1.7.

    Password policy (a library rule; the manual states none): at least 8 and at most
    128 characters (``too_short``/``too_long``), not one character repeated
    (``password_repeated_characters``), not the CPF/CNPJ (``password_is_document``), not
    the e-mail address nor its part before ``@`` (``password_is_email``), compared
    ignoring case.

    Args:
        data: The request (keys ``document``, ``email``, ``verification_code``, ``name``,
            ``phone``, ``password``).
        today: The date of the request.
        expected_code: The code that was e-mailed; when given, ``verification_code`` must
            match it (compared in constant time; code ``code_mismatch``).

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
    values, collector = _parse(_REGISTRATION_SPEC, data, today)
    document, email, password = values.get("document"), values.get("email"), values.get("password")
    code = values.get("verification_code")
    if isinstance(password, str):
        # Library password policy (see docstring): one character repeated.
        if len(set(password)) == 1:
            collector.add("password", "password_repeated_characters", basis=_REGISTRATION_RULE)
        folded = password.strip().casefold()
        # Library password policy: not the document (compact or as typed).
        if isinstance(document, str) and folded in {
            document.casefold(),
            _raw_text(data, "document").casefold(),
        }:
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


def _raw_text(data: object, key: str) -> str:
    raw = data.get(key) if isinstance(data, Mapping) else None
    return raw.strip() if isinstance(raw, str) else ""


def parse_new_connection_request(
    data: Mapping[str, object], *, today: date, require_rg: bool = False
) -> NewConnectionRequest:
    """Parse a new-connection request (ligação nova), manual item 2.

    Cross-field rules: the RG's date of issue is not after ``today``; the load survey has
    at least one line (manual 2.7: "No mínimo 1 equipamento"); the observation has at
    least 10 characters (manual 2.7). The consumer class takes the values of
    :class:`~aneel_rules.tariffs.ConsumerClass`.

    The RG. The manual (2.3) makes the RG number, date of issue, issuer, UF and a scan of
    the RG compulsory. Since REN 1.095/2024 (18.06.2024) REN 1.000/2021, art. 659-B
    makes the CPF or CNPJ sufficient to identify the consumer, "vedada a exigência de
    apresentação de qualquer outro número para esse fim", and art. 67, II, "b" (an
    official photo ID) is revoked. So the ``rg`` block and ``attachments.rg`` are
    optional here, and validated when given. ``require_rg=True`` enforces the manual's
    rule: a distributor's own rule which, from 18.06.2024, conflicts with art. 659-B;
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
    values, collector = _parse(_NEW_CONNECTION_SPEC, data, today)
    flag: object = require_rg  # typed bool, but callers may pass anything
    if not isinstance(flag, bool):
        collector.add("require_rg", "not_a_boolean", type=type_name(flag))
    elif require_rg:
        # Manual 2.3: "RG *" and "Anexar frente e verso do RG *" (distributor rule; from
        # 18.06.2024 in conflict with REN 1.000/2021, art. 659-B).
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
        requirement = Determination(value=False, basis=(period.basis,))
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
    values, collector = _parse(_PROFILE_SPEC, data, today)
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
        collector.add(
            "rg.issued_on", "before_birth", value=issued.isoformat(), birth=born.isoformat()
        )
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
    values, collector = _parse(_ACCESS_SPEC, data, today)
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
    values, collector = _parse(_BUDGET_SPEC, data, today)
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
    Flow.REGISTRATION: _REGISTRATION_SPEC,
    Flow.NEW_CONNECTION: _NEW_CONNECTION_SPEC,
    Flow.PROFESSIONAL_PROFILE: _PROFILE_SPEC,
    Flow.ACCESS: _ACCESS_SPEC,
    Flow.BUDGET: _BUDGET_SPEC,
}


def _flow(flow: object) -> Flow:
    if isinstance(flow, Flow):
        return flow
    for member in Flow:
        if isinstance(flow, str) and flow.strip().lower() == member.value:
            return member
    raise InvalidInputError(
        (
            field_error(
                "flow",
                "unknown_flow",
                value=echo(flow) if isinstance(flow, str) else type_name(flow),
                choices=", ".join(f.value for f in Flow),
            ),
        )
    )


def parse_request(flow: Flow | str, data: Mapping[str, object], *, today: date) -> PortalRequest:
    """Parse a request of any flow (``Flow`` or its name, e.g. ``"budget"``).

    Examples:
        >>> parse_request("access", {"holder_document": "52998224725", "uc": "24836494"},
        ...               today=date(2026, 3, 9)).uc
        '24836494'
    """
    return _PARSERS[_flow(flow)](data, today=today)


def json_schema(flow: Flow | str) -> dict[str, object]:
    """JSON Schema (draft 2020-12) of a flow's request, from the parser's own field specs.

    The schema describes the JSON form (attachments as ``filename`` + ``content_base64``)
    and refuses unknown keys like the parser. Cross-field rules (dates in order, demand
    within transformer power, check digits) are the parser's alone.

    Examples:
        >>> schema = json_schema("access")
        >>> schema["$schema"], schema["required"], schema["additionalProperties"]
        ('https://json-schema.org/draft/2020-12/schema', ['holder_document', 'uc'], False)
    """
    member = _flow(flow)
    body = _SPECS[member].schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:aneel-rules:portal:{member.value}",
        **body,
    }
