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
- Personal data (CPF, RG, names, phones, e-mails, passwords, street address, coordinates,
  birth date, sex, marital status) never appears in ``repr()`` (LGPD, Lei 13.709/2018): those
  fields print as ``'***'``, attachments' names as ``'***.pdf'``.
- Hostile input costs little: sizes are checked before any work and one error lists at
  most 100 problems (``too_many_problems`` counts the rest).
- The flows are those of the portal as documented (2025) under REN 1.000/2021; asking
  with ``today`` before 2022-01-03 raises :class:`~aneel_rules.errors.NotInForceError`.
- :func:`json_schema` exports a JSON Schema (draft 2020-12) built from the same field
  specs the parsers use; whatever a parser accepts, the schema accepts.
- Consumers identify themselves by CPF or CNPJ (REN 1.000/2021, art. 659-B, incluído
  pela REN 1.095/2024): the new-connection RG is optional unless the caller asks for the
  portal manual's rule (``require_rg=True``).
- Error messages mask every document number and file name, never quote what was typed
  for sex or marital status, nor a date typed.

The models, choices, grants and field specs live in private modules
(``_portal.models``, ``_portal.choices``, ``_portal.grants``, ``_portal.specs``,
``_portal.fields``…); import them from here.

Sources:
    - Amazonas Energia, "Orçamento de Conexão através da Agência Virtual" (portal manual):
      ``shared/seeds/000_35149e0589264321.txt``.
    - REN 1.000/2021, arts. 24, 67, 68, 346 and 659-B: ``shared/sources/ren1000_compilado.txt``.

Examples:
    >>> from datetime import date
    >>> from aneel_rules.errors import InvalidInputError
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

from aneel_rules._portal.attachments import (
    ATTACHMENT_RULE,
    MAX_ATTACHMENT_BYTES,
    Attachment,
    AttachmentKind,
)
from aneel_rules._portal.choices import (
    AccessStatus,
    BudgetPurpose,
    BudgetReason,
    ConnectionType,
    EnergyMarket,
    Flow,
    MaritalStatus,
    ProfessionalKind,
    ProfileStatus,
    Sex,
    SubstationUse,
)
from aneel_rules._portal.flows import (
    json_schema,
    parse_access_request,
    parse_connection_budget_request,
    parse_new_connection_request,
    parse_professional_profile,
    parse_request,
    parse_user_registration,
)
from aneel_rules._portal.grants import AccessGrant
from aneel_rules._portal.guards import (
    ESCALATION_STANDARDS,
    LOCKOUT_RULE,
    Escalation,
    LoginGuard,
    RecoveryGuard,
    check_verification_code,
)
from aneel_rules._portal.messages import DOMAIN, MESSAGES
from aneel_rules._portal.models import (
    IDENTITY_DOCUMENT_REQUIRABLE,
    PORTAL_MANUAL,
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
)
from aneel_rules._portal.specs import (
    BRAZIL_LATITUDE,
    BRAZIL_LONGITUDE,
)

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
    "Escalation",
    "check_verification_code",
    # Bases and limits
    "PORTAL_MANUAL",
    "ATTACHMENT_RULE",
    "LOCKOUT_RULE",
    "ESCALATION_STANDARDS",
    "IDENTITY_DOCUMENT_REQUIRABLE",
    "BRAZIL_LATITUDE",
    "BRAZIL_LONGITUDE",
    "MESSAGES",
    "DOMAIN",
)
