"""Login and recovery lockouts (manual 1.7, Observação) and verification codes."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest

from aneel_rules import InvalidInputError
from aneel_rules.portal import (
    LOCKOUT_RULE,
    Escalation,
    LoginGuard,
    RecoveryGuard,
    check_verification_code,
)

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
    assert three.basis == (LOCKOUT_RULE,)
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


# --- real time: UTC instants (issue 8) --------------------------------------------------------

SAO_PAULO = ZoneInfo("America/Sao_Paulo")  # DST until 2019: fell back on 2019-02-17 00:00
NEW_YORK = ZoneInfo("America/New_York")  # DST today: springs forward 2026-03-08 02:00


def test_a_lock_across_spring_forward_lasts_the_real_24_hours() -> None:
    # 2026-03-07 12:00 EST; 24 real hours later it is 13:00 EDT (the wall clock skips an hour).
    start = datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)
    locked = RecoveryGuard().record_failure(start).record_failure(start).record_failure(start)
    assert locked.locked_until == start.astimezone(UTC) + timedelta(hours=24)
    assert locked.is_locked(datetime(2026, 3, 8, 12, 59, tzinfo=NEW_YORK))
    assert not locked.is_locked(datetime(2026, 3, 8, 13, 0, tzinfo=NEW_YORK))


def test_a_lock_across_fall_back_lasts_the_real_10_minutes() -> None:
    # 2019-02-16 23:55 BRST (-02); ten real minutes later it is 23:05 BRT (-03), fold=1.
    start = datetime(2019, 2, 16, 23, 55, tzinfo=SAO_PAULO)
    locked = LoginGuard().record_failure(start).record_failure(start).record_failure(start)
    later = datetime(2019, 2, 16, 23, 4, fold=1, tzinfo=SAO_PAULO)
    assert locked.is_locked(later)  # 9 real minutes after, though the wall clock went back
    assert not locked.is_locked(datetime(2019, 2, 16, 23, 5, fold=1, tzinfo=SAO_PAULO))


def test_the_repeated_hour_is_not_time_going_backwards() -> None:
    first = datetime(2019, 2, 16, 23, 50, fold=0, tzinfo=SAO_PAULO)
    later = datetime(2019, 2, 16, 23, 10, fold=1, tzinfo=SAO_PAULO)  # 20 real minutes after
    guard = LoginGuard().record_failure(first).record_failure(later)
    assert guard.failures == 2
    assert guard.last_attempt == later.astimezone(UTC)


def test_times_are_stored_in_utc() -> None:
    guard = LoginGuard().record_failure(T0)
    assert guard.last_attempt is not None
    assert guard.last_attempt.tzinfo is UTC
    assert LoginGuard(failures=1, last_attempt=T0) == guard


@pytest.mark.parametrize(
    "at",
    [
        pytest.param(datetime.max.replace(tzinfo=UTC), id="max-utc"),
        pytest.param(datetime.max.replace(tzinfo=MANAUS), id="max-manaus-overflows-utc"),
        pytest.param(datetime.min.replace(tzinfo=ZoneInfo("Asia/Tokyo")), id="min-tokyo"),
        pytest.param(datetime.max.replace(tzinfo=UTC) - timedelta(minutes=9), id="no-room"),
    ],
)
def test_datetimes_near_the_limits_get_the_librarys_error(at: datetime) -> None:
    two = LoginGuard(failures=2, last_attempt=T0)
    for action in (
        LoginGuard().record_failure,
        LoginGuard().record_success,
        LoginGuard().is_locked,
        two.record_failure,
    ):
        outcome = _outcome(action, at)
        assert outcome in {"ok", "at:datetime_out_of_range"}
    with pytest.raises(InvalidInputError) as info:
        two.record_failure(datetime.max.replace(tzinfo=UTC))
    assert codes(info) == [("at", "datetime_out_of_range")]
    with pytest.raises(InvalidInputError) as info:
        LoginGuard(last_attempt=datetime.max.replace(tzinfo=MANAUS))
    assert codes(info) == [("last_attempt", "datetime_out_of_range")]


def _outcome(action: Callable[[datetime], object], at: datetime) -> str:
    try:
        action(at)
    except InvalidInputError as exc:
        return ";".join(f"{e.path}:{e.code}" for e in exc.errors)
    return "ok"


@pytest.mark.parametrize(
    "state",
    [
        pytest.param({"failures": 3}, id="three-failures-no-lock"),
        pytest.param({"failures": 3, "last_attempt": T0, "lockouts": 1}, id="no-lock-end"),
        pytest.param({"failures": 1}, id="failure-without-time"),
        pytest.param(
            {"failures": 1, "last_attempt": T0, "locked_until": T0 + timedelta(minutes=10)},
            id="lock-before-third-failure",
        ),
        pytest.param(
            {"failures": 3, "lockouts": 1, "last_attempt": T0, "locked_until": T0 + 10 * SECOND},
            id="ten-second-lock",
        ),
        pytest.param(
            {
                "failures": 3,
                "lockouts": 1,
                "last_attempt": T0,
                "locked_until": T0 + timedelta(days=3650),
            },
            id="ten-year-lock",
        ),
        pytest.param(
            {"failures": 3, "last_attempt": T0, "locked_until": T0 + timedelta(minutes=10)},
            id="lock-without-lockout",
        ),
        pytest.param({"lockouts": 2}, id="lockouts-without-time"),
    ],
)
def test_unreachable_states_are_refused(state: dict[str, object]) -> None:
    with pytest.raises(InvalidInputError) as info:
        LoginGuard(**state)  # type: ignore[arg-type]
    assert codes(info) == [("failures", "inconsistent_state")]


@pytest.mark.parametrize(
    ("state", "path", "code"),
    [
        pytest.param({"failures": 4}, "failures", "above_maximum", id="four-failures"),
        pytest.param({"failures": -1}, "failures", "below_minimum", id="negative"),
        pytest.param({"failures": True}, "failures", "not_an_integer", id="bool"),
        pytest.param({"lockouts": 1.0}, "lockouts", "not_an_integer", id="float-lockouts"),
        pytest.param({"last_attempt": "2026-03-09"}, "last_attempt", "not_a_datetime", id="text"),
        pytest.param({"escalation": 2}, "escalation", "not_an_escalation", id="escalation-int"),
    ],
)
def test_wrong_state_values_are_refused(state: dict[str, object], path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        LoginGuard(**state)  # type: ignore[arg-type]
    assert codes(info) == [(path, code)]


def test_every_reachable_state_can_be_rebuilt() -> None:
    guard: LoginGuard = LoginGuard(escalation=Escalation())
    t = T0
    for step in range(40):
        guard = guard.record_failure(t) if step % 7 else guard.record_success(t)
        assert LoginGuard(**attrs.asdict(guard, recurse=False)) == guard
        t = guard.locked_until or t + SECOND


# --- escalation (ASVS 2.2.1, NIST SP 800-63B § 5.2.2) -----------------------------------------


def _lock_out(guard: LoginGuard, t: datetime) -> tuple[LoginGuard, datetime]:
    for _ in range(3):
        guard = guard.record_failure(t)
    assert guard.locked_until is not None
    return guard, guard.locked_until


def test_default_is_the_manuals_rule_forever() -> None:
    guard, t = LoginGuard(), T0
    for _ in range(40):  # 120 failures: the manual sets no ceiling
        guard, t = _lock_out(guard, t)
        assert guard.locked_until == t
        assert guard.last_attempt is not None
        assert t - guard.last_attempt == timedelta(minutes=10)
    assert not guard.blocked
    assert guard.lockouts == 40


def test_escalation_doubles_each_lock_up_to_the_cap() -> None:
    guard, t = LoginGuard(escalation=Escalation(max_lock=timedelta(hours=1))), T0
    lengths = []
    for _ in range(5):
        start = t
        guard, t = _lock_out(guard, t)
        lengths.append(t - start)
    assert lengths == [timedelta(minutes=m) for m in (10, 20, 40, 60, 60)]
    guard = guard.record_success(t)
    guard, after = _lock_out(guard, t)
    assert after - t == timedelta(minutes=10)  # a success starts again from the manual's lock


def test_block_after_at_most_100_consecutive_failures() -> None:
    guard: LoginGuard = LoginGuard(escalation=Escalation(factor=1))
    t = T0
    for attempt in range(1, 101):
        assert not guard.blocked
        guard = guard.record_failure(t)
        assert guard.failed_attempts == attempt
        t = guard.locked_until or t
    assert guard.blocked
    far = t + timedelta(days=365)
    assert guard.is_locked(far)
    assert guard.record_failure(far) == guard  # not counted
    with pytest.raises(InvalidInputError) as info:
        guard.record_success(far)
    assert codes(info) == [("at", "blocked")]
    fresh = guard.reset()
    assert fresh == LoginGuard(escalation=Escalation(factor=1))
    assert not fresh.is_locked(far)


@pytest.mark.parametrize(
    ("kwargs", "path", "code"),
    [
        pytest.param(
            {"max_failed_attempts": 101}, "max_failed_attempts", "above_maximum", id="101"
        ),
        pytest.param({"max_failed_attempts": 2}, "max_failed_attempts", "below_minimum", id="2"),
        pytest.param({"factor": 0}, "factor", "above_maximum", id="factor-0"),
        pytest.param({"factor": 11}, "factor", "above_maximum", id="factor-11"),
        pytest.param({"factor": 2.0}, "factor", "not_an_integer", id="factor-float"),
        pytest.param({"max_lock": 600}, "max_lock", "not_a_duration", id="lock-int"),
        pytest.param({"max_lock": timedelta(0)}, "max_lock", "above_maximum", id="lock-zero"),
        pytest.param({"max_lock": timedelta(days=367)}, "max_lock", "above_maximum", id="year"),
    ],
)
def test_escalation_limits(kwargs: dict[str, object], path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Escalation(**kwargs)  # type: ignore[arg-type]
    assert codes(info) == [(path, code)]


def test_escalation_cites_the_standards() -> None:
    assert "ASVS" in Escalation().standards
    assert "800-63B" in Escalation().standards


# --- verification codes -----------------------------------------------------------------------


@pytest.mark.parametrize("expected", ["", " ", "\t\n"])
@pytest.mark.parametrize("submitted", ["", " ", "\t\n", "482913"])
def test_a_blank_expected_code_never_matches(submitted: str, expected: str) -> None:
    assert check_verification_code(submitted, expected) is False


@pytest.mark.parametrize(
    ("submitted", "expected", "ok"),
    [
        pytest.param("48\ud8002913", "482913", False, id="surrogate-submitted"),
        pytest.param("482913", "48\ud8002913", False, id="surrogate-expected"),
        pytest.param("\udfff", "\udfff", True, id="same-surrogate"),
    ],
)
def test_lone_surrogates_are_compared_not_crashed(submitted: str, expected: str, ok: bool) -> None:
    assert check_verification_code(submitted, expected) is ok


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: LoginGuard(failures=10**5000), "above_maximum"),
        (lambda: LoginGuard(failures=-(10**5000)), "below_minimum"),
        (lambda: Escalation(factor=10**5000), "above_maximum"),
        (lambda: Escalation(max_failed_attempts=-(10**5000)), "below_minimum"),
    ],
)
def test_huge_counts_are_library_errors(build: Callable[[], object], code: str) -> None:
    # an int longer than Python's 4,300-digit str() limit must not escape as ValueError
    with pytest.raises(InvalidInputError) as info:
        build()
    assert info.value.codes == (code,)
    assert len(info.value.message) < 500
