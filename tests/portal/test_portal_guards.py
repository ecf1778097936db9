"""Login and recovery lockouts (manual 1.7, Observação) and verification codes."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.portal import LOCKOUT_RULE, LoginGuard, RecoveryGuard, check_verification_code

MANAUS = ZoneInfo("America/Manaus")
T0 = datetime(2026, 3, 9, 10, 0, tzinfo=MANAUS)
SECOND = timedelta(seconds=1)


def codes(exc: pytest.ExceptionInfo[InvalidInputError]) -> list[tuple[str, str]]:
    return [(e.path, e.code) for e in exc.value.errors]


def fail_times(guard: LoginGuard | RecoveryGuard, times: int) -> LoginGuard | RecoveryGuard:
    for i in range(times):
        guard = guard.record_failure(T0 + i * SECOND)
    return guard


@pytest.mark.parametrize(
    ("guard", "lock"),
    [
        pytest.param(LoginGuard(), timedelta(minutes=10), id="manual-1.7-password-10min"),
        pytest.param(RecoveryGuard(), timedelta(hours=24), id="manual-1.7-recovery-24h"),
    ],
)
def test_third_failure_locks_for_the_stated_time(
    guard: LoginGuard | RecoveryGuard, lock: timedelta
) -> None:
    two = fail_times(guard, 2)
    assert not two.is_locked(T0 + 2 * SECOND)
    assert two.locked_until is None
    three = two.record_failure(T0 + 2 * SECOND)
    third = T0 + 2 * SECOND
    assert three.locked_until == third + lock
    assert three.is_locked(third)
    assert three.is_locked(third + lock - SECOND)
    assert not three.is_locked(third + lock)
    assert not three.is_locked(third + lock + SECOND)
    assert three.basis == LOCKOUT_RULE
    assert type(three) is type(guard)


def test_success_resets_the_count() -> None:
    guard = fail_times(LoginGuard(), 2).record_success(T0 + 5 * SECOND)
    assert guard.failures == 0
    guard = guard.record_failure(T0 + 6 * SECOND).record_failure(T0 + 7 * SECOND)
    assert not guard.is_locked(T0 + 7 * SECOND)


def test_attempts_while_locked_are_not_counted_nor_extend_the_lock() -> None:
    locked = fail_times(LoginGuard(), 3)
    until = locked.locked_until
    assert locked.record_failure(T0 + timedelta(minutes=5)) == locked
    assert locked.record_failure(T0 + timedelta(minutes=5)).locked_until == until
    with pytest.raises(InvalidInputError) as info:
        locked.record_success(T0 + timedelta(minutes=5))
    assert codes(info) == [("at", "locked")]


def test_count_restarts_after_the_lock() -> None:
    locked = fail_times(LoginGuard(), 3)
    after = T0 + timedelta(minutes=11)
    once = locked.record_failure(after)
    assert once.failures == 1
    assert not once.is_locked(after)
    assert locked.record_success(after).failures == 0


def test_lock_is_absolute_time_across_zones() -> None:
    locked = fail_times(RecoveryGuard(), 3)
    utc_moment = (T0 + 2 * SECOND + timedelta(hours=24)).astimezone(UTC)
    assert not locked.is_locked(utc_moment)
    assert locked.is_locked(utc_moment - SECOND)


@pytest.mark.parametrize(
    ("at", "code"),
    [
        pytest.param(datetime(2026, 3, 9, 10, 0), "naive_datetime", id="naive"),  # noqa: DTZ001
        pytest.param("2026-03-09T10:00", "not_a_datetime", id="text"),
        pytest.param(T0.date(), "not_a_datetime", id="date"),
    ],
)
def test_times_must_be_aware_datetimes(at: object, code: str) -> None:
    for action in (
        LoginGuard().record_failure,
        LoginGuard().record_success,
        LoginGuard().is_locked,
    ):
        with pytest.raises(InvalidInputError) as info:
            action(at)  # type: ignore[arg-type]
        assert codes(info) == [("at", code)]


def test_time_cannot_go_backwards() -> None:
    guard = LoginGuard().record_failure(T0)
    with pytest.raises(InvalidInputError) as info:
        guard.record_failure(T0 - SECOND)
    assert codes(info) == [("at", "time_went_backwards")]
    with pytest.raises(InvalidInputError):
        guard.record_success(T0 - SECOND)


def test_guards_are_immutable_values() -> None:
    guard = LoginGuard()
    guard.record_failure(T0)
    assert guard == LoginGuard()
    assert hash(guard) == hash(LoginGuard())


@pytest.mark.parametrize(
    ("submitted", "expected", "ok"),
    [
        pytest.param("482913", "482913", True, id="same"),
        pytest.param(" 482913\n", "482913", True, id="blanks-ignored"),
        pytest.param("482914", "482913", False, id="last-digit"),
        pytest.param("48291", "482913", False, id="shorter"),
        pytest.param("", "482913", False, id="empty"),
        pytest.param(482913, "482913", False, id="int"),
        pytest.param(None, "482913", False, id="none"),
        pytest.param("4" * 257, "4" * 257, False, id="too-long"),
        pytest.param("código", "código", True, id="non-ascii"),
    ],
)
def test_verification_code(submitted: object, expected: str, ok: bool) -> None:
    assert check_verification_code(submitted, expected) is ok


def test_verification_code_uses_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert check_verification_code("1", "1")
    assert calls == [(b"1", b"1")]


@pytest.mark.parametrize("expected", [None, 482913, b"482913"])
def test_expected_code_must_be_text(expected: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        check_verification_code("482913", expected)  # type: ignore[arg-type]
    assert [(e.path, e.code) for e in info.value.errors] == [("expected", "not_a_string")]
