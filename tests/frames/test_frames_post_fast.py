"""post_codes on columns in time order (the runs path) agrees with tariff_post stamp by stamp.

A column in ascending order is classified by runs (one search per change of post), a regular
grid by counting; these tests build such columns, with and without time zones and daylight
saving time, and compare every stamp with the scalar face (REN 1.000/2021, art. 2º, XXXVIII).
"""

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
from aneel_rules.frames._post_fast import sorted_codes, wall_minutes  # noqa: E402
from aneel_rules.frames._time import local_minutes  # noqa: E402
from aneel_rules.frames._zone import zone_pieces  # noqa: E402
from aneel_rules.tariffs import (  # noqa: E402
    AMAZONAS_ENERGIA,
    PostSchedule,
    TariffModality,
    tariff_post,
)

WHITE, GREEN, BLUE = TariffModality.WHITE, TariffModality.GREEN, TariffModality.BLUE
SAO_PAULO = PostSchedule(time(18, 30), "America/Sao_Paulo")  # DST until 2019
MODALITIES = st.sampled_from((WHITE, GREEN, BLUE))
SCHEDULES = st.sampled_from((AMAZONAS_ENERGIA, SAO_PAULO))
STARTS = st.datetimes(min_value=datetime(2018, 1, 1), max_value=datetime(2040, 12, 1))
STEPS = st.sampled_from(
    (
        timedelta(minutes=15),
        timedelta(minutes=1),
        timedelta(hours=1),
        timedelta(minutes=7),
        timedelta(seconds=1),
        timedelta(seconds=90),
        timedelta(hours=5, minutes=3),
        timedelta(days=1),
    )
)
UNITS = st.sampled_from(("m", "s", "ms", "us", "ns"))


def _expected(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality
) -> list[int]:
    return [POST_BY_CODE.index(tariff_post(at, schedule, modality=modality)) for at in stamps]


@given(st.tuples(STARTS, STEPS, st.integers(1, 400)), UNITS, SCHEDULES, MODALITIES)
def test_regular_grid_agrees_with_tariff_post(
    grid: tuple[datetime, timedelta, int],
    unit: str,
    schedule: PostSchedule,
    modality: TariffModality,
) -> None:
    start, step, count = grid
    stamps = [start + step * i for i in range(count)]
    array = np.array(stamps, dtype="datetime64[us]").astype(f"datetime64[{unit}]")
    wall = [at.astype(datetime) for at in array.astype("datetime64[us]")]
    assert sorted_codes(array, None, schedule, modality) is not None  # the runs path
    assert post_codes(array, schedule, modality=modality).tolist() == _expected(
        wall, schedule, modality
    )


@given(st.lists(STARTS, min_size=1, max_size=60), UNITS, SCHEDULES, MODALITIES)
def test_sorted_column_with_gaps_and_repeats(
    stamps: list[datetime], unit: str, schedule: PostSchedule, modality: TariffModality
) -> None:
    stamps = sorted([*stamps, stamps[0]])  # a repeated stamp
    array = np.array(stamps, dtype="datetime64[us]").astype(f"datetime64[{unit}]")
    wall = [at.astype(datetime) for at in array.astype("datetime64[us]")]
    assert sorted_codes(array, None, schedule, modality) is not None
    assert post_codes(array, schedule, modality=modality).tolist() == _expected(
        wall, schedule, modality
    )


@given(
    st.tuples(
        st.datetimes(min_value=datetime(2018, 1, 2), max_value=datetime(2030, 12, 1)),
        STEPS,
        st.integers(1, 300),
    ),
    st.sampled_from(("s", "ms", "us", "ns")),
    SCHEDULES,
    MODALITIES,
)
def test_aware_grid_agrees_with_tariff_post(
    grid: tuple[datetime, timedelta, int],
    unit: str,
    schedule: PostSchedule,
    modality: TariffModality,
) -> None:
    start, step, count = grid
    utc = [start.replace(tzinfo=UTC) + step * i for i in range(count)]
    arrow = pa.array(utc, type=pa.timestamp(unit, tz="UTC"))
    assert post_codes(arrow, schedule, modality=modality).tolist() == _expected(
        utc, schedule, modality
    )


@pytest.mark.parametrize(
    ("first", "last"),
    [
        # São Paulo: DST began at 00:00 on 4 Nov 2018 (clocks to 01:00) and ended at 00:00
        # on 17 Feb 2019 (clocks back to 23:00 on the 16th)
        pytest.param("2018-11-03 12:00", "2018-11-05 12:00", id="dst-start-2018"),
        pytest.param("2019-02-16 12:00", "2019-02-18 12:00", id="dst-end-2019"),
        pytest.param("2018-10-01", "2019-03-01", id="whole-summer"),
    ],
)
@pytest.mark.parametrize("modality", [WHITE, GREEN, BLUE])
def test_dst_changes_in_a_column_in_order(first: str, last: str, modality: TariffModality) -> None:
    utc = pd.date_range(first, last, freq="15min", tz="UTC")
    expected = _expected(list(utc.to_pydatetime()), SAO_PAULO, modality)
    assert post_codes(utc, SAO_PAULO, modality=modality).tolist() == expected
    local = utc.tz_convert("America/Sao_Paulo")
    assert post_codes(pd.Series(local), SAO_PAULO, modality=modality).tolist() == expected
    backwards = utc[::-1]  # any order: wall minutes through the zone's pieces
    assert post_codes(backwards, SAO_PAULO, modality=modality).tolist() == expected[::-1]
    zone = ZoneInfo("America/Sao_Paulo")
    values = backwards.tz_convert(None).to_numpy()
    minutes = wall_minutes(values, "UTC", zone)
    assert minutes is not None
    assert minutes.tolist() == local_minutes(backwards, zone, "stamps").tolist()
    gaps = utc[::7].append(utc[-1:])  # in order, not a regular grid
    assert post_codes(gaps, SAO_PAULO, modality=modality).tolist() == [
        expected[i] for i in [*range(0, len(utc), 7), len(utc) - 1]
    ]


def test_zone_pieces_find_the_seconds_of_change() -> None:
    sao_paulo = ZoneInfo("America/Sao_Paulo")
    start = int(datetime(2018, 6, 1, tzinfo=UTC).timestamp())
    end = int(datetime(2019, 6, 1, tzinfo=UTC).timestamp())
    pieces = zone_pieces(sao_paulo, start, end)
    assert pieces is not None
    starts, offsets = pieces
    pairs = zip(starts.tolist(), offsets.tolist(), strict=True)
    changes = [(datetime.fromtimestamp(second, UTC), offset) for second, offset in pairs]
    # the zone's own transitions: 03:00 UTC on 4 Nov 2018 and 02:00 UTC on 17 Feb 2019
    assert changes == [
        (datetime(2018, 1, 1, tzinfo=UTC), -7200),
        (datetime(2018, 2, 18, 2, tzinfo=UTC), -10800),
        (datetime(2018, 11, 4, 3, tzinfo=UTC), -7200),
        (datetime(2019, 2, 17, 2, tzinfo=UTC), -10800),
    ]
    assert zone_pieces(sao_paulo, start, start + 200 * 366 * 86_400) is None  # centuries


def test_runs_path_declines_what_it_cannot_prove() -> None:
    grid = np.array(["2026-03-09T19:00", "2026-03-09T20:00"], dtype="datetime64[m]")
    assert sorted_codes(grid[::-1], None, AMAZONAS_ENERGIA, BLUE) is None  # not in order
    assert sorted_codes(grid[:0], None, AMAZONAS_ENERGIA, BLUE) is None  # empty
    hours = grid.astype("datetime64[h]")
    assert sorted_codes(hours, None, AMAZONAS_ENERGIA, BLUE) is None  # unit
    quarter = np.array(["2026-03-09T19:00"], dtype="datetime64[15m]")
    assert sorted_codes(quarter, None, AMAZONAS_ENERGIA, BLUE) is None  # 15-minute unit
    # minute columns of instants (not made by pandas or Arrow): whole-minute offsets only
    utc = np.array(["2026-03-09T23:59", "2026-03-10T00:00"], dtype="datetime64[m]")
    assert np.array_equal(sorted_codes(utc, "UTC", AMAZONAS_ENERGIA, BLUE), [0, 2])  # UTC−4
    nepal = PostSchedule(time(5, 45), "Asia/Kathmandu")  # UTC+05:45
    assert np.array_equal(sorted_codes(utc, "UTC", nepal, BLUE), [0, 2])
    late = np.array(["2262-04-11T20:00"], dtype="datetime64[ns]")  # next to the int64 limit
    assert sorted_codes(late, None, AMAZONAS_ENERGIA, BLUE) is None
    expected = _expected([datetime(2262, 4, 11, 20)], AMAZONAS_ENERGIA, BLUE)
    assert post_codes(late, AMAZONAS_ENERGIA, modality=BLUE).tolist() == expected


@pytest.mark.parametrize(
    ("stamps", "modality", "error", "index"),
    [
        pytest.param(["NaT", "2026-03-09T20:00"], BLUE, InvalidInputError, 0, id="nat-first"),
        pytest.param(["2010-09-14T23:00", "2010-09-15"], BLUE, NotInForceError, 0, id="REN414"),
        pytest.param(["2017-12-31T23:00", "2018-01-01"], WHITE, NotInForceError, 0, id="REN733"),
        pytest.param(["9999-12-31T23:00", "10000-01-01"], BLUE, InvalidInputError, 1, id="y10k"),
    ],
)
def test_errors_of_columns_in_order_name_the_first_index(
    stamps: list[str], modality: TariffModality, error: type[Exception], index: int
) -> None:
    array = np.array(stamps, dtype="datetime64[m]")
    with pytest.raises(error, match=rf"position {index}: stamps"):
        post_codes(array, AMAZONAS_ENERGIA, modality=modality)
