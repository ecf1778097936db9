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
- Locks are computed on **UTC instants**: every time is converted to UTC on the way in
  and stored in UTC, so a daylight-saving change never shortens or lengthens a lock
  (Python adds a ``timedelta`` to a zoned time on the wall clock) and a later attempt
  is never taken for "time going backwards" in the repeated hour of a fall-back night.
- Attempts while locked are refused by the portal and therefore neither counted nor
  extending the lock; :meth:`record_success` while locked raises (code ``locked``).
- When a lock has expired the count starts again from zero.
- The manual's rule repeats forever (3 wrong passwords every 10 minutes). ASVS 4.0.3
  § 2.2.1 and NIST SP 800-63B § 5.2.2 ask for at most 100 consecutive failed attempts;
  pass ``escalation=Escalation()`` for longer locks after each lockout and a block after
  100 failures (until :meth:`reset`). The default stays the manual's rule.
- Times must be timezone-aware ``datetime`` objects (naive ones are refused: a lock
  of 10 minutes is ambiguous across a DST change or between servers), must not go
  backwards, and must leave room for the lock before ``datetime.max``.
- A guard is state the caller stores and rebuilds: a state no sequence of attempts can
  reach (three failures and no lock, a lock of another length…) is refused at
  construction (``inconsistent_state``).

Examples:
    >>> from datetime import datetime, timedelta, timezone
    >>> t0 = datetime(2026, 3, 9, 10, 0, tzinfo=timezone(timedelta(hours=-4)))
    >>> guard = LoginGuard()
    >>> for minute in range(3):
    ...     guard = guard.record_failure(t0 + timedelta(minutes=minute))
    >>> guard.is_locked(t0 + timedelta(minutes=11)), guard.locked_until.isoformat()
    (True, '2026-03-09T14:12:00+00:00')
    >>> guard.is_locked(t0 + timedelta(minutes=12))
    False
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import ClassVar, Final, NoReturn, Self

import attrs

from aneel_rules._convert import is_whole_number, masked, to_datetime, whole_number
from aneel_rules._portal.messages import invalid, type_name
from aneel_rules.legal import Basis, DistributorRule

__all__ = (
    "ESCALATION_STANDARDS",
    "LOCKOUT_RULE",
    "Escalation",
    "LoginGuard",
    "RecoveryGuard",
    "check_verification_code",
)

LOCKOUT_RULE: Final = DistributorRule(
    distributor="Amazonas Energia", document="Manual da Agência Virtual", section="1.7"
)
"""Item 1.7, "Observação": the lockout rules."""
_LOCKOUT_BASIS: Final[tuple[Basis, ...]] = (LOCKOUT_RULE,)

ESCALATION_STANDARDS: Final = (
    "OWASP ASVS 4.0.3, § 2.2.1; NIST SP 800-63B, § 5.2.2 (at most 100 consecutive failed attempts)"
)
"""The security standards behind :class:`Escalation` (not a norm of ANEEL)."""

_MAX_CODE_LENGTH: Final = 256
_LATEST: Final = datetime.max.replace(tzinfo=UTC)
_MAX_NIST_ATTEMPTS: Final = 100
_MAX_FACTOR: Final = 10
_MAX_LOCK: Final = timedelta(days=366)


def _raise(path: str, code: str, **params: object) -> NoReturn:
    raise invalid(path, code, basis=LOCKOUT_RULE, **params)


def _utc(value: object, path: str) -> datetime:
    """``value`` as a UTC instant, or the library's error (naive, not a datetime, overflow)."""
    moment = to_datetime(value, path=path, aware=True, basis=LOCKOUT_RULE)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # datetime.max at a negative offset, datetime.min at a positive one
        _raise(path, "datetime_out_of_range", value=moment.isoformat())


def _last_attempt(value: object) -> datetime | None:
    return None if value is None else _utc(value, "last_attempt")


def _locked_until(value: object) -> datetime | None:
    return None if value is None else _utc(value, "locked_until")


def _as_count(value: object) -> int:
    """A numpy integer as the ``int`` it holds; anything else unchanged, for :func:`_count`."""
    number = whole_number(value)
    return value if number is None else number  # type: ignore[return-value]


def _count(maximum: int | None = None) -> Callable[[object, attrs.Attribute[int], int], None]:
    def check(_: object, attribute: attrs.Attribute[int], value: int) -> None:
        # ``True`` is an int in Python but not a number of failures.
        if not is_whole_number(value):
            _raise(attribute.name, "not_an_integer", value=masked(value))
        if value < 0:
            _raise(attribute.name, "below_minimum", minimum="0", value=masked(value))
        if maximum is not None and value > maximum:
            _raise(attribute.name, "above_maximum", maximum=str(maximum), value=masked(value))

    return check


def _check_duration(_: object, attribute: attrs.Attribute[timedelta], value: timedelta) -> None:
    given: object = value  # typed, but callers may pass anything
    if not isinstance(given, timedelta):
        _raise(attribute.name, "not_a_duration", type=type_name(value))
    if not timedelta(0) < value <= _MAX_LOCK:
        _raise(attribute.name, "above_maximum", maximum="366 days", value=str(value))


@attrs.frozen(kw_only=True)
class Escalation:
    """Longer locks after repeated lockouts, and a block after too many failures (opt-in).

    The ``n``-th lockout since the last success lasts ``lock × factor ** (n − 1)``, at most
    ``max_lock`` (never less than the manual's ``lock``); after ``max_failed_attempts``
    consecutive failed attempts the guard is blocked until :meth:`LoginGuard.reset` (the
    distributor re-verifies the holder out of band).

    Attributes:
        factor: Growth of each lock, 1 (constant) to 10.
        max_lock: Longest lock, up to 366 days.
        max_failed_attempts: Consecutive failures before the block, 3 to 100 (NIST SP 800-63B
            § 5.2.2: "no more than 100").

    Examples:
        >>> from datetime import datetime, timezone
        >>> t = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
        >>> guard = LoginGuard(escalation=Escalation())
        >>> locks = []
        >>> for _ in range(3):
        ...     for _ in range(3):
        ...         guard = guard.record_failure(t)
        ...     locks.append(guard.locked_until - t)
        ...     t = guard.locked_until
        >>> [str(lock) for lock in locks]
        ['0:10:00', '0:20:00', '0:40:00']
    """

    factor: int = attrs.field(default=2, converter=_as_count, validator=_count())
    max_lock: timedelta = attrs.field(default=timedelta(hours=24), validator=_check_duration)
    max_failed_attempts: int = attrs.field(
        default=100, converter=_as_count, validator=_count(_MAX_NIST_ATTEMPTS)
    )

    @factor.validator
    def _check_factor(self, _attribute: object, value: int) -> None:
        if not 1 <= value <= _MAX_FACTOR:
            _raise("factor", "above_maximum", maximum=str(_MAX_FACTOR), value=masked(value))

    @max_failed_attempts.validator
    def _check_attempts(self, _attribute: object, value: int) -> None:
        if value < _Guard.max_failures:  # at least the manual's three attempts
            _raise("max_failed_attempts", "below_minimum", minimum="3", value=masked(value))

    @property
    def standards(self) -> str:
        """OWASP ASVS § 2.2.1 and NIST SP 800-63B § 5.2.2 (security standards, not a norm)."""
        return ESCALATION_STANDARDS


def _check_escalation(_: object, _attribute: object, value: Escalation | None) -> None:
    given: object = value
    if given is not None and not isinstance(given, Escalation):
        _raise("escalation", "not_an_escalation", type=type_name(given))


@attrs.frozen(kw_only=True)
class _Guard:
    """Shared machinery: ``max_failures`` consecutive failures lock for ``lock``."""

    max_failures: ClassVar[int] = 3
    lock: ClassVar[timedelta]

    failures: int = attrs.field(default=0, converter=_as_count, validator=_count(3))
    lockouts: int = attrs.field(default=0, converter=_as_count, validator=_count())
    last_attempt: datetime | None = attrs.field(default=None, converter=_last_attempt)
    locked_until: datetime | None = attrs.field(default=None, converter=_locked_until)
    escalation: Escalation | None = attrs.field(default=None, validator=_check_escalation)

    def __attrs_post_init__(self) -> None:
        # Only states that a sequence of attempts can reach (the caller stores and rebuilds).
        full = self.failures == self.max_failures
        consistent = (
            full == (self.locked_until is not None)
            and (not full or self.lockouts >= 1)
            and (self.last_attempt is not None or self.failures == self.lockouts == 0)
            and (
                self.locked_until is None
                or self.last_attempt is None
                or self.locked_until - self.last_attempt == self._lock_for(self.lockouts)
            )
            and (self.escalation is None or self.failed_attempts <= self._attempt_limit)
        )
        if not consistent:
            _raise("failures", "inconsistent_state")

    @property
    def basis(self) -> tuple[Basis, ...]:
        """The distributor rule applied (manual item 1.7), as a tuple like every result's."""
        return _LOCKOUT_BASIS

    @property
    def failed_attempts(self) -> int:
        """Consecutive failed attempts counted since the last success, across lockouts."""
        return self.max_failures * self.lockouts + self.failures % self.max_failures

    @property
    def blocked(self) -> bool:
        """Whether an :class:`Escalation`'s ceiling of failed attempts was reached."""
        return self.escalation is not None and self.failed_attempts >= self._attempt_limit

    @property
    def _attempt_limit(self) -> int:
        escalation = self.escalation
        return _MAX_NIST_ATTEMPTS if escalation is None else escalation.max_failed_attempts

    def _lock_for(self, lockout: int) -> timedelta:
        """Length of the ``lockout``-th lock since the last success."""
        if self.escalation is None or lockout <= 1:
            return self.lock
        longest = max(self.lock, self.escalation.max_lock)
        # Stop multiplying once the cap is reached (no huge powers).
        length = self.lock
        for _ in range(lockout - 1):
            length *= self.escalation.factor
            if length >= longest:
                return longest
        return length

    def is_locked(self, at: datetime) -> bool:
        """True if an attempt at ``at`` is refused."""
        moment = _utc(at, "at")
        return self.blocked or (self.locked_until is not None and moment < self.locked_until)

    def _check_order(self, moment: datetime) -> None:
        if self.last_attempt is not None and moment < self.last_attempt:
            _raise(
                "at",
                "time_went_backwards",
                value=moment.isoformat(),
                last=self.last_attempt.isoformat(),
            )

    def record_failure(self, at: datetime) -> Self:
        """The guard after a failed attempt at ``at`` (ignored while locked)."""
        moment = _utc(at, "at")
        self._check_order(moment)
        if self.is_locked(moment):
            return self
        # A lock that has run out starts a fresh count (manual item 1.7).
        failures = (0 if self.locked_until is not None else self.failures) + 1
        if failures < self.max_failures:
            return attrs.evolve(self, failures=failures, last_attempt=moment, locked_until=None)
        # Manual item 1.7: the third wrong attempt blocks for the stated time, from then.
        lockouts = self.lockouts + 1
        length = self._lock_for(lockouts)
        if moment > _LATEST - length:
            _raise("at", "datetime_out_of_range", value=moment.isoformat())
        return attrs.evolve(
            self,
            failures=failures,
            lockouts=lockouts,
            last_attempt=moment,
            locked_until=moment + length,
        )

    def record_success(self, at: datetime) -> Self:
        """The guard after a successful attempt at ``at``: the counts are reset.

        Raises:
            InvalidInputError: ``at`` is within a lock (code ``locked``) or the guard is
                blocked (``blocked``); ``at`` is naive or earlier than the last attempt.
        """
        moment = _utc(at, "at")
        self._check_order(moment)
        if self.blocked:
            _raise("at", "blocked", count=str(self.failed_attempts))
        until = self.locked_until
        if until is not None and moment < until:
            _raise("at", "locked", until=until.isoformat())
        return attrs.evolve(self, failures=0, lockouts=0, last_attempt=moment, locked_until=None)

    def reset(self) -> Self:
        """A fresh guard (same escalation): after the distributor re-verified the holder."""
        return type(self)(escalation=self.escalation)


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


def check_verification_code(submitted: object, expected: str) -> bool:
    """True if the e-mailed verification code matches, compared in constant time.

    Surrounding blanks of ``submitted`` are ignored; anything but text (or text longer
    than 256 characters) never matches, and an empty or blank ``expected`` code matches
    nothing (a code that was never set cannot be typed back). Uses
    :func:`hmac.compare_digest` on UTF-8 bytes (lone surrogates kept as such) so that the
    time taken does not reveal how many leading characters were right.

    Examples:
        >>> check_verification_code(" 482913 ", "482913")
        True
        >>> check_verification_code("482914", "482913")
        False
        >>> check_verification_code(482913, "482913"), check_verification_code("", "")
        (False, False)

    Raises:
        InvalidInputError: ``expected`` is not text (a caller's error, path ``expected``).
    """
    if not isinstance(expected, str):
        raise invalid("expected", "not_a_string", type=type_name(expected))
    if not isinstance(submitted, str) or len(submitted) > _MAX_CODE_LENGTH:
        return False
    if not expected.strip():
        return False
    import hmac  # noqa: PLC0415 (lazy: hashlib's import is a noticeable part of a cold start)

    return hmac.compare_digest(
        submitted.strip().encode("utf-8", "surrogatepass"),
        expected.encode("utf-8", "surrogatepass"),
    )
