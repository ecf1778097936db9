"""Login and password-recovery lockouts of the portal (bloqueio de acesso), as pure state machines.

Amazonas Energia, Manual da Agência Virtual, item 1.7, "Observação":

- "Caso o cliente insira a senha incorreta três vezes, seu acesso também será bloqueado
  como medida de segurança, apenas por 10 minutos." → :class:`LoginGuard`.
- "Na recuperação de senha, caso o cliente insira dados divergentes três vezes, seu
  cadastro será bloqueado por 24h" → :class:`RecoveryGuard`.

Readings (the manual is silent on them; each is a documented choice):

- The three failures are *consecutive*: a success resets the count. No time window is
  stated, so none is applied.
- The lock counts from the third failure and ends exactly ``lock`` later
  (``locked_until``; the guard is unlocked at that instant: half-open interval).
- Attempts while locked are refused by the portal and therefore neither counted nor
  extending the lock; :meth:`record_success` while locked raises (code ``locked``).
- When a lock has expired the count starts again from zero.
- Times must be timezone-aware ``datetime`` objects (naive ones are refused: a lock
  of 10 minutes is ambiguous across a DST change or between servers) and must not go
  backwards.

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> t0 = datetime(2026, 3, 9, 10, 0, tzinfo=timezone(timedelta(hours=-4)))
    >>> guard = LoginGuard()
    >>> for minute in range(3):
    ...     guard = guard.record_failure(t0 + timedelta(minutes=minute))
    >>> guard.is_locked(t0 + timedelta(minutes=11)), guard.locked_until.isoformat()
    (True, '2026-03-09T10:12:00-04:00')
    >>> guard.is_locked(t0 + timedelta(minutes=12))
    False
"""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta
from typing import ClassVar, Final

import attrs

from aneel_rules._convert import quoted
from aneel_rules._portal.messages import field_error, type_name
from aneel_rules.errors import InvalidInputError
from aneel_rules.legal import DistributorRule

__all__ = ("LOCKOUT_RULE", "LoginGuard", "RecoveryGuard", "check_verification_code")

LOCKOUT_RULE: Final = DistributorRule(
    distributor="Amazonas Energia", document="Manual da Agência Virtual", section="1.7"
)
"""Item 1.7, "Observação": the lockout rules."""

_MAX_CODE_LENGTH: Final = 256


def _aware(value: object, path: str) -> datetime:
    if not isinstance(value, datetime):
        raise InvalidInputError(
            (field_error(path, "not_a_datetime", basis=LOCKOUT_RULE, type=type_name(value)),)
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError((field_error(path, "naive_datetime", basis=LOCKOUT_RULE),))
    return value


def _check_failures(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    # A guard is state the caller stores and rebuilds: refuse what is not a count
    # (``True`` is an int in Python but not a number of failures).
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(
            (
                field_error(
                    attribute.name, "not_an_integer", basis=LOCKOUT_RULE, value=quoted(value)
                ),
            )
        )
    if value < 0:
        raise InvalidInputError(
            (
                field_error(
                    attribute.name,
                    "below_minimum",
                    basis=LOCKOUT_RULE,
                    minimum="0",
                    value=str(value),
                ),
            )
        )


def _check_optional_time(
    _: object, attribute: attrs.Attribute[datetime | None], value: datetime | None
) -> None:
    # Naive times would later be compared with aware ones (a TypeError deep inside).
    if value is not None:
        _aware(value, attribute.name)


@attrs.frozen(kw_only=True)
class _Guard:
    """Shared machinery: ``max_failures`` consecutive failures lock for ``lock``."""

    max_failures: ClassVar[int] = 3
    lock: ClassVar[timedelta]

    failures: int = attrs.field(default=0, validator=_check_failures)
    last_attempt: datetime | None = attrs.field(default=None, validator=_check_optional_time)
    locked_until: datetime | None = attrs.field(default=None, validator=_check_optional_time)

    @property
    def basis(self) -> DistributorRule:
        """The distributor rule applied (manual item 1.7)."""
        return LOCKOUT_RULE

    def is_locked(self, at: datetime) -> bool:
        """True if an attempt at ``at`` is refused."""
        at = _aware(at, "at")
        return self.locked_until is not None and at < self.locked_until

    def _check_order(self, at: datetime) -> None:
        if self.last_attempt is not None and at < self.last_attempt:
            raise InvalidInputError(
                (
                    field_error(
                        "at",
                        "time_went_backwards",
                        basis=LOCKOUT_RULE,
                        value=at.isoformat(),
                        last=self.last_attempt.isoformat(),
                    ),
                )
            )

    def record_failure(self, at: datetime) -> _Guard:
        """The guard after a failed attempt at ``at`` (ignored while locked)."""
        at = _aware(at, "at")
        self._check_order(at)
        if self.is_locked(at):
            return self
        # A lock that has run out starts a fresh count (manual item 1.7).
        failures = 0 if self.locked_until is not None else self.failures
        failures += 1
        if failures >= self.max_failures:
            # Manual item 1.7: the third wrong attempt blocks for the stated time, from then.
            return attrs.evolve(
                self, failures=failures, last_attempt=at, locked_until=at + self.lock
            )
        return attrs.evolve(self, failures=failures, last_attempt=at, locked_until=None)

    def record_success(self, at: datetime) -> _Guard:
        """The guard after a successful attempt at ``at``: the count is reset.

        Raises:
            InvalidInputError: ``at`` is within a lock (code ``locked``), naive or earlier
                than the last attempt.
        """
        at = _aware(at, "at")
        self._check_order(at)
        if self.is_locked(at):
            assert self.locked_until is not None  # noqa: S101 (is_locked)
            raise InvalidInputError(
                (
                    field_error(
                        "at", "locked", basis=LOCKOUT_RULE, until=self.locked_until.isoformat()
                    ),
                )
            )
        return attrs.evolve(self, failures=0, last_attempt=at, locked_until=None)


@attrs.frozen(kw_only=True)
class LoginGuard(_Guard):
    """Wrong-password lockout (bloqueio por senha incorreta): 3 in a row → 10 minutes.

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, item 1.7, Observação (distributor rule).

    Examples:
        >>> from datetime import datetime, timezone
        >>> t = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
        >>> LoginGuard().record_failure(t).record_failure(t).failures
        2
        >>> LoginGuard().record_failure(t).record_success(t).failures
        0
    """

    lock: ClassVar[timedelta] = timedelta(minutes=10)

    def record_failure(self, at: datetime) -> LoginGuard:
        result = super().record_failure(at)
        assert isinstance(result, LoginGuard)  # noqa: S101
        return result

    def record_success(self, at: datetime) -> LoginGuard:
        result = super().record_success(at)
        assert isinstance(result, LoginGuard)  # noqa: S101
        return result


@attrs.frozen(kw_only=True)
class RecoveryGuard(_Guard):
    """Password-recovery lockout (bloqueio na recuperação de senha): 3 divergent → 24 hours.

    A "failure" is an attempt with divergent data (dados divergentes).

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, item 1.7, Observação (distributor rule).

    Examples:
        >>> from datetime import datetime, timezone
        >>> t = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
        >>> g = RecoveryGuard().record_failure(t).record_failure(t).record_failure(t)
        >>> g.locked_until.isoformat()
        '2026-01-06T08:00:00+00:00'
    """

    lock: ClassVar[timedelta] = timedelta(hours=24)

    def record_failure(self, at: datetime) -> RecoveryGuard:
        result = super().record_failure(at)
        assert isinstance(result, RecoveryGuard)  # noqa: S101
        return result

    def record_success(self, at: datetime) -> RecoveryGuard:
        result = super().record_success(at)
        assert isinstance(result, RecoveryGuard)  # noqa: S101
        return result


def check_verification_code(submitted: object, expected: str) -> bool:
    """True if the e-mailed verification code matches, compared in constant time.

    Surrounding blanks of ``submitted`` are ignored; anything but text (or text longer
    than 256 characters) never matches. Uses :func:`hmac.compare_digest` on UTF-8 bytes
    so that the time taken does not reveal how many leading characters were right.

    Examples:
        >>> check_verification_code(" 482913 ", "482913")
        True
        >>> check_verification_code("482914", "482913")
        False
        >>> check_verification_code(482913, "482913")
        False

    Raises:
        InvalidInputError: ``expected`` is not text (a caller's error, path ``expected``).
    """
    if not isinstance(expected, str):
        raise InvalidInputError(
            (field_error("expected", "not_a_string", type=type_name(expected)),)
        )
    if not isinstance(submitted, str) or len(submitted) > _MAX_CODE_LENGTH:
        return False
    return hmac.compare_digest(submitted.strip().encode("utf-8"), expected.encode("utf-8"))
