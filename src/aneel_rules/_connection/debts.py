"""Debts and service requests (REN 1.000/2021, art. 346)."""

from __future__ import annotations

import enum
from datetime import date
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._connection.common import check_bool, invalid, require_ren1000
from aneel_rules._connection.ren414 import GAP_DEBTS
from aneel_rules._convert import masked
from aneel_rules.legal import Basis, ren414, ren1000

__all__ = ("DebtDecision", "DebtRule", "Service", "may_require_debt_payment")


class Service(enum.Enum):
    """A service the consumer asks for (art. 346 names them by example)."""

    NEW_CONNECTION = "conexão nova"
    CHANGE_OF_HOLDER = "alteração de titularidade"
    RECONNECTION = "religação"
    LOAD_INCREASE = "aumento de carga"
    SPECIAL_SUPPLY = "contratação de fornecimentos especiais"
    OTHER_SERVICE = "serviços"
    METER_INSPECTION = "inspeção do sistema de medição"
    SECOND_COPY = "emissão de segunda via de fatura"
    MEASUREMENT_DATA = "disponibilização dos dados de medição"
    ACCESS_IMPEDIMENT_REGULARISATION = "regularização de impedimento de acesso para fins de leitura"


class DebtRule(enum.Enum):
    """Which part of art. 346 decided."""

    SERVICE_NEVER_CONDITIONED = "serviço que não pode ser condicionado ao pagamento de débitos"
    THIRD_PARTY_DEBT = "débito de titularidade de terceiros"
    BUSINESS_SUCCESSION = "aquisição de fundo de comércio com continuidade da atividade"
    OWN_DEBT_IN_AREA = "débito do novo titular em instalação na área de atuação"
    OWN_DEBT_SAME_INSTALLATION = "débito do titular na instalação do serviço"
    OWN_DEBT_OTHER_INSTALLATION = "débito do titular em outra instalação"


@attrs.frozen(kw_only=True)
class DebtDecision:
    """Whether the distributor may require a debt to be paid before a service (art. 346).

    Attributes:
        allowed: ``True`` if it may require payment (condition the service on it).
        reason: The part of art. 346 that decided.
        basis: Its pinpoint citation.
    """

    allowed: bool
    reason: DebtRule
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


_NEVER_CONDITIONED: Final = frozenset(
    {
        Service.METER_INSPECTION,
        Service.SECOND_COPY,
        Service.MEASUREMENT_DATA,
        Service.ACCESS_IMPEDIMENT_REGULARISATION,
    }
)
_NEW_HOLDER_SERVICES: Final = frozenset({Service.NEW_CONNECTION, Service.CHANGE_OF_HOLDER})


def may_require_debt_payment(
    service: Service,
    *,
    debt_holder_is_requester: bool,
    debt_at_same_installation: bool,
    business_succession: bool = False,
    on: date | None = None,
) -> DebtDecision:
    """Whether the distributor may condition ``service`` on paying a debt (art. 346).

    Args:
        service: The service requested.
        debt_holder_is_requester: The debt is the requester's own (the new holder's, for
            a new connection or change of holder; the holder's otherwise).
        debt_at_same_installation: The debt is of the installation the service is for.
        business_succession: The distributor proves that a legal entity (not of public
            law) acquired the business and the activity continues (§ 1º, I and II); a
            third party's debt is then treated as the requester's own.
        on: Date of the request; ``None`` applies REN 1.000/2021 as compiled (Dec 2025).

    Reading: § 4º excludes its services from § 3º; we read it as "never conditioned", so
    the § 1º succession does not reopen them either. After a succession, the scope of
    § 2º (any installation, for new connection and change of holder) and § 3º (that
    installation, for the rest) still applies.

    Raises:
        UnsupportedCaseError: ``on`` before 2022-01-03, code ``unverified_ren414``: REN
            414/2010, art. 128 was not found verbatim (only ANEEL's statement that its exceptions
            "foram integralmente mantidas" in art. 346, §§ 1º–3º; ``docs/sources.md``).

    Legal basis:
        - REN 1.000/2021, art. 346, caput, I; §§ 1º, 2º, 3º and 4º.

    Examples:
        >>> d = may_require_debt_payment(Service.NEW_CONNECTION, debt_holder_is_requester=False,
        ...                              debt_at_same_installation=True)
        >>> d.allowed, d.reason.name, [str(b) for b in d.basis]
        (False, 'THIRD_PARTY_DEBT', ['REN 1.000/2021, art. 346, I'])
    """
    if not isinstance(service, Service):
        raise invalid(
            "service",
            "not_a_service",
            "service must be a Service, got {value}",
            value=masked(service),
        )
    check_bool(
        debt_holder_is_requester=debt_holder_is_requester,
        debt_at_same_installation=debt_at_same_installation,
        business_succession=business_succession,
    )
    if on is not None:
        require_ren1000(on, what="debt conditioning", missing=GAP_DEBTS, basis=ren414(128))
    # Art. 346, § 4º: meter inspection, 2nd copy, measurement data and access-impediment
    # regularisation are never conditioned on debts.
    if service in _NEVER_CONDITIONED:
        return DebtDecision(
            allowed=False,
            reason=DebtRule.SERVICE_NEVER_CONDITIONED,
            basis=ren1000(346, paragraph=4),
        )
    succession = False
    if not debt_holder_is_requester:
        # Art. 346, caput, I: never a third party's debt ...
        if not business_succession:
            return DebtDecision(
                allowed=False, reason=DebtRule.THIRD_PARTY_DEBT, basis=ren1000(346, item="I")
            )
        # ... unless § 1º: acquisition of the business by a legal entity, activity continued.
        succession = True
    # Art. 346, § 2º: new connection or change of holder — the new holder's debts anywhere.
    if service in _NEW_HOLDER_SERVICES:
        allowed_reason, allowed_basis = DebtRule.OWN_DEBT_IN_AREA, ren1000(346, paragraph=2)
    # Art. 346, § 3º: other services — only the holder's debts at that installation.
    elif debt_at_same_installation:
        allowed_reason = DebtRule.OWN_DEBT_SAME_INSTALLATION
        allowed_basis = ren1000(346, paragraph=3)
    else:
        return DebtDecision(
            allowed=False,
            reason=DebtRule.OWN_DEBT_OTHER_INSTALLATION,
            basis=ren1000(346, paragraph=3),
        )
    if succession:
        return DebtDecision(
            allowed=True, reason=DebtRule.BUSINESS_SUCCESSION, basis=ren1000(346, paragraph=1)
        )
    return DebtDecision(allowed=True, reason=allowed_reason, basis=allowed_basis)
