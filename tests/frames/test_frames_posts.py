"""post_codes: the columnar face of tariff_post (REN 1.000/2021, art. 2º, XXXVIII; 212–214)."""

# Naive datetimes are the schedule's wall time, as in tariff_post.
# ruff: noqa: DTZ001

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from aneel_rules import InvalidInputError, NotInForceError  # noqa: E402
from aneel_rules.frames import POST_BY_CODE, post_codes  # noqa: E402
from aneel_rules.tariffs import (  # noqa: E402
    AMAZONAS_ENERGIA,
    PostSchedule,
    TariffModality,
    TariffPost,
    tariff_post,
    tariff_posts,
)

WHITE, GREEN, BLUE = TariffModality.WHITE, TariffModality.GREEN, TariffModality.BLUE
SAO_PAULO = PostSchedule(time(18, 30), "America/Sao_Paulo")  # DST until 2019: transitions
MODALITIES = st.sampled_from((WHITE, GREEN, BLUE))
SCHEDULES = st.sampled_from((AMAZONAS_ENERGIA, SAO_PAULO))
NAIVE = st.datetimes(min_value=datetime(2018, 1, 1), max_value=datetime(2040, 12, 31))
# Both regimes for the modalities that existed before the tarifa branca.
NAIVE_ALL = st.datetimes(min_value=datetime(2010, 9, 15), max_value=datetime(2040, 12, 31))


def _codes(stamps: list[datetime], schedule: PostSchedule, modality: TariffModality) -> list[int]:
    return [POST_BY_CODE.index(tariff_post(at, schedule, modality=modality)) for at in stamps]


def test_code_table() -> None:
    assert POST_BY_CODE == (TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE, TariffPost.PEAK)


@pytest.mark.parametrize(
    ("stamp", "modality", "expected"),
    [
        # REN 1.000/2021, art. 2º, XXXVIII, "a": ponta 20:00–23:00 at Amazonas Energia
        pytest.param("2026-03-09T19:59", BLUE, 0, id="REN1000-art2-XXXVIII-a-before"),
        pytest.param("2026-03-09T20:00", BLUE, 2, id="REN1000-art2-XXXVIII-a-first"),
        pytest.param("2026-03-09T22:59", BLUE, 2, id="REN1000-art2-XXXVIII-a-last"),
        pytest.param("2026-03-09T23:00", BLUE, 0, id="REN1000-art2-XXXVIII-c-after"),
        # "b": intermediário, the hour before and after ponta, tarifa branca only
        pytest.param("2026-03-09T19:00", WHITE, 1, id="REN1000-art2-XXXVIII-b-before"),
        pytest.param("2026-03-09T23:59", WHITE, 1, id="REN1000-art2-XXXVIII-b-after"),
        pytest.param("2026-03-09T18:59", WHITE, 0, id="REN1000-art2-XXXVIII-c-white"),
        # days without ponta: carnival Tuesday, a Sunday, 20 Nov before/after REN 1.101/2024
        pytest.param("2026-02-17T20:00", WHITE, 0, id="REN1000-art2-XXXVIII-a-carnival"),
        pytest.param("2026-03-08T20:00", BLUE, 0, id="REN1000-art2-XXXVIII-a-sunday"),
        pytest.param("2023-11-20T20:00", GREEN, 2, id="REN1000-art2-XXXVIII-a-20nov-2023"),
        pytest.param("2024-11-20T20:00", GREEN, 0, id="REN1101-20nov-2024"),
        # REN 414/2010 regime: same posts the day before REN 1.000/2021 came into force
        pytest.param("2022-01-03T20:00", BLUE, 2, id="REN1000-first-day"),
        pytest.param("2021-12-31T20:00", BLUE, 2, id="REN414-art2-last-days"),
    ],
)
def test_known_posts(stamp: str, modality: TariffModality, expected: int) -> None:
    codes = post_codes(
        np.array([stamp], dtype="datetime64[m]"), AMAZONAS_ENERGIA, modality=modality
    )
    assert codes.dtype == np.uint8
    assert codes.tolist() == [expected]


@given(st.lists(NAIVE, min_size=1, max_size=40), SCHEDULES, MODALITIES)
def test_naive_numpy_agrees_with_tariff_post(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality
) -> None:
    array = np.array(stamps, dtype="datetime64[us]")
    assert post_codes(array, schedule, modality=modality).tolist() == _codes(
        stamps, schedule, modality
    )
    # the list path of tariff_posts (sorted or not) and its columnar path agree too
    expected = tuple(tariff_post(at, schedule, modality=modality) for at in stamps)
    assert tariff_posts(stamps, schedule, modality=modality) == expected
    assert tariff_posts(sorted(stamps), schedule, modality=modality) == tuple(
        tariff_post(at, schedule, modality=modality) for at in sorted(stamps)
    )
    assert tariff_posts(array, schedule, modality=modality) == expected


@given(st.lists(NAIVE_ALL, min_size=1, max_size=40), SCHEDULES, st.sampled_from((GREEN, BLUE)))
def test_both_regimes_agree(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality
) -> None:
    array = np.array(stamps, dtype="datetime64[s]")
    assert post_codes(array, schedule, modality=modality).tolist() == _codes(
        stamps, schedule, modality
    )


@given(
    st.lists(
        st.datetimes(
            min_value=datetime(2018, 1, 2),
            max_value=datetime(2040, 12, 30),
            timezones=st.sampled_from((UTC, ZoneInfo("America/Sao_Paulo"), ZoneInfo("Asia/Tokyo"))),
        ),
        min_size=1,
        max_size=30,
    ),
    SCHEDULES,
    MODALITIES,
)
def test_aware_pandas_and_arrow_agree_with_tariff_post(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality
) -> None:
    expected = _codes(stamps, schedule, modality)
    utc = pd.DatetimeIndex([at.astimezone(UTC) for at in stamps])
    assert post_codes(utc, schedule, modality=modality).tolist() == expected
    assert post_codes(pd.Series(utc), schedule, modality=modality).tolist() == expected
    assert post_codes(utc.array, schedule, modality=modality).tolist() == expected
    arrow = pa.array(utc.to_pydatetime(), type=pa.timestamp("us", tz="UTC"))
    assert post_codes(arrow, schedule, modality=modality).tolist() == expected
    chunked = pa.chunked_array([arrow])
    assert post_codes(chunked, schedule, modality=modality).tolist() == expected
    assert tariff_posts(pd.Series(utc), schedule, modality=modality) == tuple(
        POST_BY_CODE[c] for c in expected
    )


def test_dst_transition_days_convert_stamp_by_stamp() -> None:
    # São Paulo left DST at 00:00 on 17 Feb 2019 (clocks back to 23:00 on the 16th).
    utc = pd.date_range("2019-02-16 18:00", "2019-02-17 06:00", freq="15min", tz="UTC")
    expected = _codes(list(utc.to_pydatetime()), SAO_PAULO, BLUE)
    assert post_codes(utc, SAO_PAULO, modality=BLUE).tolist() == expected


def test_naive_pandas_and_units() -> None:
    index = pd.date_range("2026-03-09 19:00", periods=8, freq="30min")
    expected = _codes(list(index.to_pydatetime()), AMAZONAS_ENERGIA, WHITE)
    assert post_codes(index, AMAZONAS_ENERGIA, modality=WHITE).tolist() == expected
    for unit in ("s", "ms", "ns"):
        values = index.to_numpy().astype(f"datetime64[{unit}]")
        assert post_codes(values, AMAZONAS_ENERGIA, modality=WHITE).tolist() == expected
    days = np.array(["2026-03-09", "2026-03-08"], dtype="datetime64[D]")
    assert post_codes(days, AMAZONAS_ENERGIA, modality=WHITE).tolist() == [0, 0]


def test_first_bad_index_of_either_kind() -> None:
    array = np.array(["2026-01-01", "10000-01-01", "2001-01-01"], dtype="datetime64[D]")
    with pytest.raises(InvalidInputError, match=r"stamps\.1"):
        post_codes(array, AMAZONAS_ENERGIA, modality=BLUE)
    with pytest.raises(NotInForceError, match=r"^position 1: stamps "):
        post_codes(array[[0, 2, 1]], AMAZONAS_ENERGIA, modality=BLUE)


def test_empty_column() -> None:
    empty = np.array([], dtype="datetime64[m]")
    assert post_codes(empty, AMAZONAS_ENERGIA, modality=BLUE).tolist() == []
    assert tariff_posts(empty, AMAZONAS_ENERGIA, modality=BLUE) == ()
    assert tariff_posts([], AMAZONAS_ENERGIA, modality=BLUE) == ()


def test_sparse_column_over_centuries() -> None:
    stamps = [datetime(2026, 3, 9, 20), datetime(2500, 3, 9, 20), datetime(9999, 12, 31, 20)]
    array = np.array(stamps, dtype="datetime64[m]")
    assert post_codes(array, AMAZONAS_ENERGIA, modality=BLUE).tolist() == _codes(
        stamps, AMAZONAS_ENERGIA, BLUE
    )
    assert tariff_posts(stamps, AMAZONAS_ENERGIA, modality=BLUE) == tuple(
        tariff_post(at, AMAZONAS_ENERGIA, modality=BLUE) for at in stamps
    )


def test_missing_stamp_names_first_index() -> None:
    array = np.array(["2026-03-09T20:00", "NaT", "NaT"], dtype="datetime64[m]")
    with pytest.raises(InvalidInputError) as caught:
        post_codes(array, AMAZONAS_ENERGIA, modality=BLUE)
    (error,) = caught.value.errors
    assert (error.path, error.code) == ("stamps.1", "missing_timestamp")
    assert error.message == "posição 1: stamps está ausente (NaT ou nulo)"
    with pytest.raises(InvalidInputError, match=r"timestamps\.1"):
        tariff_posts(array, AMAZONAS_ENERGIA, modality=BLUE)
    arrow = pa.array([datetime(2026, 3, 9), None], type=pa.timestamp("s"))
    with pytest.raises(InvalidInputError, match=r"stamps\.1"):
        post_codes(arrow, AMAZONAS_ENERGIA, modality=BLUE)


@pytest.mark.parametrize("unit", ["s", "Y"])
def test_beyond_year_9999(unit: str) -> None:
    array = np.array(["2026-01-01", "10000-01-01", "300000-01-01"], dtype=f"datetime64[{unit}]")
    with pytest.raises(InvalidInputError) as caught:
        post_codes(array, AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.errors[0].path == "stamps.1"
    assert caught.value.codes == ("out_of_range",)


def test_aware_beyond_year_9999() -> None:
    arrow = pa.array(
        [1772000000, 253402300800 + 86400 * 400], type=pa.timestamp("s", tz="Asia/Tokyo")
    )
    with pytest.raises(InvalidInputError, match=r"stamps\.1"):
        post_codes(arrow, AMAZONAS_ENERGIA, modality=BLUE)
    late = pa.array([253402297200], type=pa.timestamp("s", tz="UTC"))  # 9999-12-31 23:00 UTC
    tokyo = PostSchedule(time(18, 0), "Asia/Tokyo")
    with pytest.raises(InvalidInputError, match=r"stamps\.0"):
        post_codes(late, tokyo, modality=BLUE)


@pytest.mark.parametrize(
    ("stamps", "modality", "index"),
    [
        # REN 414/2010 came into force on 15 Sep 2010: no calendar before
        pytest.param(["2010-09-15T00:00", "2010-09-14T23:59"], BLUE, 1, id="REN414-before"),
        pytest.param(["1900-01-01T00:00"], BLUE, 0, id="REN414-long-before"),
        pytest.param(["-5000-01-01T00:00"], GREEN, 0, id="REN414-year-minus-5000"),
        # the tarifa branca was offered from 1 Jan 2018 (REN 733/2016 phase-in)
        pytest.param(["2018-01-01T00:00", "2017-12-31T23:59"], WHITE, 1, id="REN733-white-before"),
    ],
)
def test_not_in_force_names_first_index(
    stamps: list[str], modality: TariffModality, index: int
) -> None:
    array = np.array(stamps, dtype="datetime64[m]")
    with pytest.raises(NotInForceError, match=rf"^position {index}: stamps[: ]"):
        post_codes(array, AMAZONAS_ENERGIA, modality=modality)
    arrow = pa.array(array.astype("datetime64[s]"), type=pa.timestamp("s", tz="UTC"))
    with pytest.raises(NotInForceError):
        post_codes(arrow, AMAZONAS_ENERGIA, modality=modality)
    # the scalar face refuses the same stamps
    if array[index] >= np.datetime64("0001-01-01"):
        with pytest.raises(NotInForceError):
            tariff_post(array[index].astype(datetime), AMAZONAS_ENERGIA, modality=modality)


@pytest.mark.parametrize(
    "bad",
    [
        [datetime(2026, 3, 9)],
        np.array([1, 2]),
        np.array([["2026-03-09"]], dtype="datetime64[D]"),
        pd.Series(["2026-03-09"]),
        pd.Index([1, 2]),
        pa.array([1, 2]),
        "2026-03-09",
        None,
    ],
    ids=["list", "ints", "2d", "text-series", "int-index", "arrow-ints", "str", "none"],
)
def test_not_a_timestamp_column(bad: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        post_codes(bad, AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.codes == ("not_timestamps",)


def test_bad_schedule_and_modality() -> None:
    array = np.array(["2026-03-09T20:00"], dtype="datetime64[m]")
    with pytest.raises(InvalidInputError):
        post_codes(array, "amazonas", modality=BLUE)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        post_codes(array, AMAZONAS_ENERGIA, modality=TariffModality.CONVENTIONAL_MONOMIAL)
    with pytest.raises(InvalidInputError):
        tariff_posts(array, AMAZONAS_ENERGIA, modality="verde")  # type: ignore[arg-type]


def test_tariff_posts_object_arrays_are_iterated() -> None:
    stamps = np.array([datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 19)], dtype=object)
    assert tariff_posts(stamps, AMAZONAS_ENERGIA, modality=WHITE) == (
        TariffPost.PEAK,
        TariffPost.INTERMEDIATE,
    )


def test_tariff_posts_sorted_path_edges() -> None:
    start = datetime(2026, 3, 9, 18, 59, 59, 999999)
    stamps = [start + timedelta(microseconds=i) for i in range(3)]
    assert tariff_posts(stamps, AMAZONAS_ENERGIA, modality=WHITE) == tuple(
        tariff_post(at, AMAZONAS_ENERGIA, modality=WHITE) for at in stamps
    )
    with pytest.raises(NotInForceError):
        tariff_posts(
            [datetime(2017, 12, 31), datetime(2018, 1, 1)], AMAZONAS_ENERGIA, modality=WHITE
        )
    mixed = [datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 20, tzinfo=UTC)]
    assert tariff_posts(mixed, AMAZONAS_ENERGIA, modality=BLUE) == tuple(
        tariff_post(at, AMAZONAS_ENERGIA, modality=BLUE) for at in mixed
    )
    with pytest.raises(InvalidInputError, match=r"timestamps\.1"):
        tariff_posts([datetime(2026, 3, 9), 5], AMAZONAS_ENERGIA, modality=BLUE)  # type: ignore[list-item]
    last = [datetime(9999, 12, 31, 20), datetime(9999, 12, 31, 21)]
    assert tariff_posts(last, AMAZONAS_ENERGIA, modality=BLUE) == (TariffPost.PEAK,) * 2


def test_not_in_force_errors_have_the_scalar_code_and_both_languages() -> None:
    # REN 414/2010 from 15 Sep 2010: the code tariff_post gives for an earlier stamp
    early = np.array(["2010-09-15T00:00", "2010-09-14T23:59"], dtype="datetime64[m]")
    with pytest.raises(NotInForceError) as caught:
        post_codes(early, AMAZONAS_ENERGIA, modality=BLUE)
    with pytest.raises(NotInForceError) as scalar:
        tariff_post(datetime(2010, 9, 14, 23, 59), AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.code == scalar.value.code == "no_regime"
    assert caught.value.message_in("en") == (
        "position 1: stamps is before 2010-09-15, when REN 414/2010 and its list of days "
        "without ponta began to apply"
    )
    assert caught.value.message == (
        "posição 1: stamps é anterior a 2010-09-15, quando a REN 414/2010 e sua lista de dias "
        "sem ponta passaram a valer"
    )
    # the tarifa branca from 1 Jan 2018 (REN 733/2016): code, date and basis of check_offered
    white = np.array(["2018-01-01T00:00", "2017-12-31T23:59"], dtype="datetime64[m]")
    with pytest.raises(NotInForceError) as caught:
        post_codes(white, AMAZONAS_ENERGIA, modality=WHITE)
    with pytest.raises(NotInForceError) as scalar:
        tariff_post(datetime(2017, 12, 31, 23, 59), AMAZONAS_ENERGIA, modality=WHITE)
    assert caught.value.code == scalar.value.code == "white_tariff_not_offered"
    assert caught.value.on == scalar.value.on
    assert caught.value.basis == scalar.value.basis
    assert str(caught.value) == (
        "position 1: stamps: the tarifa branca was not yet offered on 2017-12-31 (available "
        "from 2018-01-01)"
    )
    assert caught.value.message == (
        "posição 1: stamps: a tarifa branca ainda não era oferecida em 2017-12-31 (disponível a "
        "partir de 2018-01-01)"
    )
