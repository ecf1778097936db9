"""Choices of the portal forms (private; re-exported by :mod:`aneel_rules.portal`).

Enum values are the portal's official Portuguese; the names are English.
"""

from __future__ import annotations

import enum

__all__ = (
    "AccessStatus",
    "BudgetPurpose",
    "BudgetReason",
    "ConnectionType",
    "EnergyMarket",
    "Flow",
    "MaritalStatus",
    "ProfessionalKind",
    "ProfileStatus",
    "Sex",
    "SubstationUse",
)


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
