"""The input kit's datetime reader: one policy for every function that takes an instant."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from aneel_rules import InvalidInputError
from aneel_rules._convert import to_datetime
from aneel_rules.connection import Deadline, reconnection_due
from aneel_rules.invoice import measurements_from_profile
from aneel_rules.portal import LOCKOUT_RULE, LoginGuard, RecoveryGuard
from aneel_rules.tariffs import POST_SCHEDULES, TariffModality, tariff_post, tariff_posts

MANAUS = ZoneInfo("America/Manaus")
AT = datetime(2026, 3, 9, 20, 30)  # noqa: DTZ001 (wall time of the schedule)
AWARE = datetime(2026, 3, 9, 10, 0, tzinfo=MANAUS)
SCHEDULE = POST_SCHEDULES["amazonas-energia"]
WHITE = TariffModality.WHITE


class _Subclass(datetime):
    """A datetime subclass that is not pandas' (no ``to_pydatetime``)."""


def _error(call: Callable[[], object]) -> tuple[str, str, str, str]:
    with pytest.raises(InvalidInputError) as info:
        call()
    first = info.value.errors[0]
    return first.path, first.code, first.message_in("en"), first.message_in("pt_BR")


def test_a_datetime_is_returned_as_is() -> None:
    assert to_datetime(AT, path="at") is AT
    assert to_datetime(AWARE, path="at", aware=True) is AWARE


def test_a_datetime_subclass_comes_back_plain() -> None:
    got = to_datetime(_Subclass(2026, 3, 9, 20, 30, tzinfo=MANAUS, fold=1), path="at")
    assert type(got) is datetime
    assert (got, got.tzinfo, got.fold) == (datetime(2026, 3, 9, 20, 30, tzinfo=MANAUS), MANAUS, 1)


@pytest.mark.parametrize(
    ("value", "english", "portuguese"),
    [
        pytest.param(date(2026, 3, 9), "combine(day, time)", "combine(dia, hora)", id="date"),
        pytest.param("2026-03-09T20:30", "not text", "não texto", id="text"),
        pytest.param(1773088200, "got int", "recebido int", id="int"),
        pytest.param(None, "got NoneType", "recebido NoneType", id="none"),
    ],
)
def test_what_is_not_a_datetime(value: object, english: str, portuguese: str) -> None:
    path, code, en, pt = _error(lambda: to_datetime(value, path="at"))
    assert (path, code) == ("at", "not_a_datetime")
    assert english in en
    assert portuguese in pt
    assert "2026" not in en + pt  # the value is never echoed
    assert "1773088200" not in en + pt


def test_naive_where_a_time_zone_is_needed() -> None:
    path, code, en, pt = _error(lambda: to_datetime(AT, path="at", aware=True))
    assert (path, code) == ("at", "naive_datetime")
    assert "timezone-aware" in en
    assert "fuso horário" in pt


def test_callers_keep_their_codes_and_basis() -> None:
    with pytest.raises(InvalidInputError) as info:
        to_datetime(AT, path="at", aware=True, naive_code="mine", basis=LOCKOUT_RULE)
    assert info.value.codes == ("mine",)
    assert info.value.errors[0].basis == LOCKOUT_RULE
    with pytest.raises(InvalidInputError) as info:
        to_datetime("x", path="at", code="mine_too")
    assert info.value.codes == ("mine_too",)


# Each function that takes an instant reads it through the kit: same codes, kit's messages.
CALLERS: list[tuple[str, Callable[[object], object], str, str]] = [
    ("tariff_post", lambda v: tariff_post(v, SCHEDULE, modality=WHITE), "at", "not_a_datetime"),  # type: ignore[arg-type]
    (
        "tariff_posts",
        lambda v: tariff_posts([AT, v], SCHEDULE, modality=WHITE),  # type: ignore[list-item]
        "timestamps.1",
        "not_a_datetime",
    ),
    (
        "measurements_from_profile",
        lambda v: measurements_from_profile(
            [AT, v],  # type: ignore[list-item]
            [Decimal(1), Decimal(1)],
            schedule=SCHEDULE,
            modality=TariffModality.GREEN,
        ),
        "stamps.1",
        "not_a_datetime",
    ),
    ("LoginGuard", lambda v: LoginGuard().record_failure(v), "at", "not_a_datetime"),  # type: ignore[arg-type]
    ("RecoveryGuard", lambda v: RecoveryGuard(last_attempt=v), "last_attempt", "not_a_datetime"),
    (
        "reconnection_due",
        lambda v: reconnection_due(v, Deadline.RECONNECTION_NORMAL_URBAN),  # type: ignore[arg-type]
        "requested_at",
        "not_an_aware_datetime",
    ),
]


@pytest.mark.parametrize(("name", "call", "path", "code"), CALLERS, ids=[c[0] for c in CALLERS])
def test_every_caller_refuses_a_date_the_same_way(
    name: str, call: Callable[[object], object], path: str, code: str
) -> None:
    got_path, got_code, en, pt = _error(lambda: call(date(2026, 3, 9)))
    assert (got_path, got_code) == (path, code), name
    assert "datetime.combine" in en, name
    assert "datetime.combine" in pt, name


def test_naive_instants_keep_their_codes() -> None:
    assert _error(lambda: LoginGuard().record_failure(AT))[:2] == ("at", "naive_datetime")
    naive_due = _error(lambda: reconnection_due(AT, Deadline.RECONNECTION_NORMAL_URBAN))
    assert naive_due[:2] == ("requested_at", "not_an_aware_datetime")


def test_lockout_errors_still_cite_the_manual() -> None:
    with pytest.raises(InvalidInputError) as info:
        LoginGuard().is_locked("2026-03-09T10:00")  # type: ignore[arg-type]
    assert info.value.errors[0].basis == LOCKOUT_RULE


class TestPandas:
    """``pandas.Timestamp`` where a datetime is meant: the datetime it holds."""

    pd = pytest.importorskip("pandas")

    def test_timestamps_are_plain_datetimes(self) -> None:
        naive = to_datetime(self.pd.Timestamp("2026-03-09 20:30"), path="at")
        assert (type(naive), naive) == (datetime, AT)
        aware = to_datetime(self.pd.Timestamp("2026-03-09 10:00", tz="America/Manaus"), path="at")
        assert type(aware) is datetime
        assert aware == AWARE
        assert aware.utcoffset() == timedelta(hours=-4)

    def test_nat_and_nanoseconds_are_refused(self) -> None:
        assert _error(lambda: to_datetime(self.pd.NaT, path="at"))[1] == "not_a_datetime"
        exact = self.pd.Timestamp("2026-03-09 20:30:00.000000001")
        path, code, en, pt = _error(lambda: to_datetime(exact, path="at"))
        assert (path, code) == ("at", "sub_microsecond_datetime")
        assert "nanoseconds" in en
        assert "nanossegundos" in pt

    def test_a_list_of_timestamps_gives_the_datetime_answers(self) -> None:
        stamps = [AT + timedelta(minutes=15 * i) for i in range(-12, 12)]
        timestamps = [self.pd.Timestamp(s) for s in stamps]
        assert tariff_posts(timestamps, SCHEDULE, modality=WHITE) == tariff_posts(
            stamps, SCHEDULE, modality=WHITE
        )
        assert tariff_post(timestamps[0], SCHEDULE, modality=WHITE) == tariff_post(
            stamps[0], SCHEDULE, modality=WHITE
        )
        energies = [Decimal(1)] * len(stamps)
        green = TariffModality.GREEN
        assert measurements_from_profile(
            timestamps, energies, schedule=SCHEDULE, modality=green
        ) == measurements_from_profile(stamps, energies, schedule=SCHEDULE, modality=green)

    def test_nat_in_a_list_is_the_librarys_error(self) -> None:
        stamps = [self.pd.Timestamp(AT), self.pd.NaT]
        assert _error(lambda: tariff_posts(stamps, SCHEDULE, modality=WHITE))[:2] == (
            "timestamps.1",
            "not_a_datetime",
        )

    def test_guards_and_deadlines_take_timestamps(self) -> None:
        moment = self.pd.Timestamp(AWARE)
        guard = LoginGuard().record_failure(moment)
        assert guard.last_attempt == AWARE.astimezone(UTC)
        assert type(guard.last_attempt) is datetime
        due = Deadline.RECONNECTION_NORMAL_URBAN
        assert reconnection_due(moment, due) == reconnection_due(AWARE, due)


class TestNumpy:
    """numpy ``datetime64`` scalars below a day are naive datetimes; a day unit is a date."""

    np = pytest.importorskip("numpy")

    @pytest.mark.parametrize("unit", ["m", "s", "ms", "us", "ns"])
    def test_units_below_a_day(self, unit: str) -> None:
        value = self.np.datetime64("2026-03-09T20:30", unit)
        got = to_datetime(value, path="at")
        assert (type(got), got) == (datetime, AT)

    def test_a_day_unit_nat_and_nanoseconds_are_refused(self) -> None:
        day = _error(lambda: to_datetime(self.np.datetime64("2026-03-09"), path="at"))
        assert day[1] == "not_a_datetime"
        assert "datetime.combine" in day[2]
        nat = _error(lambda: to_datetime(self.np.datetime64("NaT"), path="at"))
        assert nat[1] == "not_a_datetime"
        nano = self.np.datetime64("2026-03-09T20:30:00.000000001")
        assert _error(lambda: to_datetime(nano, path="at"))[1] == "sub_microsecond_datetime"
        assert _error(lambda: to_datetime(self.np.int64(5), path="at"))[1] == "not_a_datetime"
