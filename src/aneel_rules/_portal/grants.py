"""Access to a consumer unit granted to a professional (private; re-exported by ``portal``).

Manual 3.1.2 (conceder / solicitar acesso) and 4.1 (only a professional with access may
request a connection budget).
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from aneel_rules._convert import plain_date
from aneel_rules._portal.choices import AccessStatus, ProfessionalKind, ProfileStatus
from aneel_rules._portal.messages import invalid, type_name
from aneel_rules._portal.models import ProfessionalProfileRequest, manual, masked
from aneel_rules.errors import InvalidInputError
from aneel_rules.legal import Basis, Determination

__all__ = ("ACCESS_RULE", "AccessGrant")

ACCESS_RULE: Final = manual("3.1.2")
_ACCESS_BASIS: Final[tuple[Basis, ...]] = (ACCESS_RULE,)
_BUDGET_ACCESS_RULE: Final = manual("4.1")


def _registered_on(value: object) -> date:
    return plain_date(value, path="registered_on")


def _valid_until(value: object) -> date:
    return plain_date(value, path="valid_until")


def _confirmed_on(value: object) -> date | None:
    return None if value is None else plain_date(value, path="confirmed_on")


def _check_kind(_inst: object, _attr: object, value: ProfessionalKind) -> None:
    given: object = value  # typed, but callers may pass anything
    if not isinstance(given, ProfessionalKind):
        choices = ", ".join(k.value for k in ProfessionalKind)
        raise invalid("profile", "not_in_choices", choices=choices, value=type_name(given))


def _uc_number(value: object) -> str:
    from aneel_rules.documents import uc  # noqa: PLC0415 (keeps import cheap)

    return uc.validate(value)  # type: ignore[arg-type]  # raises InvalidInputError on "uc"


def _cpf_number(value: object) -> str:
    from aneel_rules.documents import cpf  # noqa: PLC0415

    try:
        return cpf.validate(value)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        raise InvalidInputError(
            tuple(attrs.evolve(e, path="professional_cpf") for e in exc.errors)
        ) from None


def _check_profile_status(_inst: object, _attr: object, value: ProfileStatus) -> None:
    # Manual 3.1.2: access may be granted to "profissional habilitado desde que este possua
    # seu perfil profissional já cadastrado" — i.e. reviewed and approved (3.1.1).
    if value is not ProfileStatus.APPROVED:
        status = value.value if isinstance(value, ProfileStatus) else type_name(value)
        raise invalid("profile_status", "profile_not_approved", basis=ACCESS_RULE, status=status)


def _not_before_registration(path: str, inst: AccessGrant, value: date | None) -> None:
    """``valid_until`` and ``confirmed_on`` cannot precede ``registered_on`` (manual 3.1.2)."""
    if value is not None and value < inst.registered_on:
        raise invalid(
            path,
            "end_before_start",
            basis=ACCESS_RULE,
            end=value.isoformat(),
            start=inst.registered_on.isoformat(),
        )


def _check_grant_dates(inst: AccessGrant, _attr: object, value: date) -> None:
    _not_before_registration("valid_until", inst, value)


def _check_confirmation(inst: AccessGrant, _attr: object, value: date | None) -> None:
    _not_before_registration("confirmed_on", inst, value)


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

    uc: str = attrs.field(converter=_uc_number)
    professional_cpf: str = attrs.field(converter=_cpf_number, repr=masked)
    profile: ProfessionalKind = attrs.field(validator=_check_kind)
    profile_status: ProfileStatus = attrs.field(validator=_check_profile_status)
    registered_on: date = attrs.field(converter=_registered_on)
    valid_until: date = attrs.field(converter=_valid_until, validator=_check_grant_dates)
    confirmed_on: date | None = attrs.field(
        default=None, converter=_confirmed_on, validator=_check_confirmation
    )

    @property
    def basis(self) -> tuple[Basis, ...]:
        """The distributor rule (manual 3.1.2), as a tuple like every result's basis."""
        return _ACCESS_BASIS

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
            raise invalid("profile", "not_a_profile", type=type(profile).__name__)
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
            raise invalid(
                "confirmed_on",
                "already_confirmed",
                basis=ACCESS_RULE,
                value=self.confirmed_on.isoformat(),
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
        return Determination(allowed, (_BUDGET_ACCESS_RULE, ACCESS_RULE))

    def status(self, on: date) -> AccessStatus:
        """Status on a date: expired after ``valid_until``; pending until confirmed; else active.

        Legal basis:
            - Amazonas Energia, Manual da Agência Virtual, item 3.1.2 (distributor rule).
        """
        on = plain_date(on, path="on")
        # Manual 3.1.2: "FIM VIGÊNCIA" — past the end of validity the grant is "EXPIRADO".
        if on > self.valid_until:
            return AccessStatus.EXPIRED
        # Manual 3.1.2: the professional must confirm the access received by e-mail.
        if self.confirmed_on is None or on < self.confirmed_on:
            return AccessStatus.PENDING
        return AccessStatus.ACTIVE


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch not in " .-/")
