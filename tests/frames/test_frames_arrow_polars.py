"""post_codes over Arrow and polars timestamp columns (REN 1.000/2021, art. 2º, XXXVIII).

Every code is the one :func:`~aneel_rules.tariffs.tariff_post` gives for the same stamp:
naive stamps are the schedule's wall time, aware ones are converted; a null is refused with a
library error naming the first bad index (over the whole column, across Arrow chunks).
polars goes through its own ``Series.to_arrow()``; the polars tests run where polars is
installed (the ``dev`` extra).
"""

# Naive datetimes are the schedule's wall time, as in tariff_post.
# ruff: noqa: DTZ001

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from aneel_rules import InvalidInputError  # noqa: E402
from aneel_rules.frames import POST_BY_CODE, post_codes  # noqa: E402
from aneel_rules.tariffs import (  # noqa: E402
    AMAZONAS_ENERGIA,
    PostSchedule,
    TariffModality,
    tariff_post,
    tariff_posts,
)

WHITE, GREEN, BLUE = TariffModality.WHITE, TariffModality.GREEN, TariffModality.BLUE
SAO_PAULO = PostSchedule(time(18, 30), "America/Sao_Paulo")  # DST until 2019
MODALITIES = st.sampled_from((WHITE, GREEN, BLUE))
SCHEDULES = st.sampled_from((AMAZONAS_ENERGIA, SAO_PAULO))
UNITS = st.sampled_from(("s", "ms", "us", "ns"))
NAIVE = st.datetimes(min_value=datetime(2018, 1, 1), max_value=datetime(2040, 12, 31))
ZONES = ("UTC", "America/Manaus", "America/Sao_Paulo", "Asia/Tokyo")
AWARE = st.datetimes(
    min_value=datetime(2018, 1, 2),
    max_value=datetime(2040, 12, 30),
    timezones=st.sampled_from([ZoneInfo(zone) for zone in ZONES]),
)


def _codes(stamps: list[datetime], schedule: PostSchedule, modality: TariffModality) -> list[int]:
    return [POST_BY_CODE.index(tariff_post(at, schedule, modality=modality)) for at in stamps]


def _truncated(stamps: list[datetime], unit: str) -> list[datetime]:
    """The stamps as a column of ``unit`` keeps them (seconds drop the microseconds)."""
    return [at.replace(microsecond=0) for at in stamps] if unit == "s" else stamps


# --- Arrow -------------------------------------------------------------------------------------


def test_known_posts_naive_and_aware() -> None:
    """Amazonas Energia: ponta 20:00–23:00 (art. 2º, XXXVIII, "a"); Monday 9 March 2026."""
    naive = pa.array(
        [datetime(2026, 3, 9, 19, 59), datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 23)],
        type=pa.timestamp("ms"),
    )
    assert post_codes(naive, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [0, 2, 0]
    # 00:00 UTC is 20:00 in Manaus (UTC−4): ponta; 23:59 UTC is 19:59 there
    aware = pa.array(
        [datetime(2026, 3, 10, 0, 0, tzinfo=UTC), datetime(2026, 3, 9, 23, 59, tzinfo=UTC)],
        type=pa.timestamp("us", tz="UTC"),
    )
    assert post_codes(aware, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [2, 0]
    # the same instants in another zone's column, or a fixed offset, give the same posts
    tokyo = aware.cast(pa.timestamp("us", tz="Asia/Tokyo"))
    offset = aware.cast(pa.timestamp("s", tz="-03:00"))
    assert post_codes(tokyo, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [2, 0]
    assert post_codes(offset, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [2, 0]


@given(st.lists(NAIVE, min_size=1, max_size=30), SCHEDULES, MODALITIES, UNITS)
def test_naive_arrow_agrees_with_tariff_post(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality, unit: str
) -> None:
    stamps = _truncated(stamps, unit)
    expected = _codes(stamps, schedule, modality)
    arrow = pa.array(stamps, type=pa.timestamp(unit))
    assert post_codes(arrow, schedule, modality=modality).tolist() == expected
    halves = pa.chunked_array([arrow[: len(stamps) // 2], arrow[len(stamps) // 2 :]])
    assert post_codes(halves, schedule, modality=modality).tolist() == expected
    assert tariff_posts(arrow, schedule, modality=modality) == tuple(
        POST_BY_CODE[c] for c in expected
    )


@given(st.lists(AWARE, min_size=1, max_size=30), SCHEDULES, MODALITIES, st.sampled_from(ZONES))
def test_aware_arrow_in_any_zone_agrees_with_tariff_post(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality, zone: str
) -> None:
    expected = _codes(stamps, schedule, modality)
    arrow = pa.array([at.astimezone(UTC) for at in stamps], type=pa.timestamp("us", tz=zone))
    assert post_codes(arrow, schedule, modality=modality).tolist() == expected


@pytest.mark.parametrize("tz", [None, "UTC", "America/Manaus"])
@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_arrow_nulls_name_the_first_bad_index(tz: str | None, unit: str) -> None:
    stamps = [datetime(2026, 3, 9, 20), None, datetime(2026, 3, 9, 21), None]
    arrow = pa.array(stamps, type=pa.timestamp(unit, tz=tz))
    with pytest.raises(InvalidInputError) as caught:
        post_codes(arrow, AMAZONAS_ENERGIA, modality=BLUE)
    (error,) = caught.value.errors
    assert (error.path, error.code) == ("stamps.1", "missing_timestamp")
    # an Arrow array has no index: its position (docs/frames.md, "Which row an error names")
    assert error.message == "posição 1: stamps está ausente (NaT ou nulo)"
    assert error.message_in("en") == "position 1: stamps is missing (NaT or null)"
    # across chunks the index is the column's, not the chunk's
    chunked = pa.chunked_array([arrow[:1], arrow[2:3], arrow[3:]])
    with pytest.raises(InvalidInputError, match=r"^stamps\.2: "):
        post_codes(chunked, AMAZONAS_ENERGIA, modality=BLUE)
    with pytest.raises(InvalidInputError, match=r"timestamps\.1"):
        tariff_posts(arrow, AMAZONAS_ENERGIA, modality=BLUE)


@pytest.mark.parametrize(
    ("column", "described"),
    [
        pytest.param(lambda: pa.array([datetime(2026, 3, 9).date()]), "Date32Array", id="date32"),
        pytest.param(lambda: pa.array(["2026-03-09T20:00"]), "StringArray", id="text"),
        pytest.param(lambda: pa.array([1_773_000_000]), "Int64Array", id="ints"),
        pytest.param(
            lambda: pa.table({"t": pa.array([datetime(2026, 3, 9)])}), "Table", id="table"
        ),
    ],
)
def test_arrow_columns_that_are_not_timestamps(column: Any, described: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        post_codes(column(), AMAZONAS_ENERGIA, modality=BLUE)
    assert caught.value.codes == ("not_timestamps",)
    assert f"got '{described}" in str(caught.value)


# --- polars (Series.to_arrow()) ----------------------------------------------------------------


@pytest.fixture
def pl() -> Any:
    return pytest.importorskip("polars")


def test_polars_naive_and_aware(pl: Any) -> None:
    wall = [datetime(2026, 3, 9, 19, 59), datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 23)]
    naive = pl.Series("stamp", wall)
    assert post_codes(naive, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [0, 2, 0]
    assert post_codes(naive, AMAZONAS_ENERGIA, modality=WHITE).tolist() == [1, 2, 1]
    for unit in ("ms", "us", "ns"):
        column = naive.cast(pl.Datetime(unit))
        assert post_codes(column, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [0, 2, 0]
    # the same wall times in Manaus, held as UTC instants by a tz-aware column
    manaus = naive.dt.replace_time_zone("America/Manaus")
    assert post_codes(manaus, AMAZONAS_ENERGIA, modality=BLUE).tolist() == [0, 2, 0]
    assert post_codes(
        manaus.dt.convert_time_zone("Asia/Tokyo"), AMAZONAS_ENERGIA, modality=BLUE
    ).tolist() == [0, 2, 0]
    assert tariff_posts(manaus, AMAZONAS_ENERGIA, modality=BLUE) == tuple(
        tariff_post(at, AMAZONAS_ENERGIA, modality=BLUE) for at in wall
    )


@given(st.lists(AWARE, min_size=1, max_size=30), SCHEDULES, MODALITIES)
def test_polars_agrees_with_tariff_post(
    stamps: list[datetime], schedule: PostSchedule, modality: TariffModality
) -> None:
    polars = pytest.importorskip("polars")
    expected = _codes(stamps, schedule, modality)
    utc = polars.Series([at.astimezone(UTC).replace(tzinfo=None) for at in stamps])
    aware = utc.dt.replace_time_zone("UTC")
    assert post_codes(aware, schedule, modality=modality).tolist() == expected
    local = [at.astimezone(schedule.tzinfo).replace(tzinfo=None) for at in stamps]
    assert post_codes(polars.Series(local), schedule, modality=modality).tolist() == expected


def test_polars_nulls_name_the_first_bad_index(pl: Any) -> None:
    column = pl.Series([datetime(2026, 3, 9, 20), datetime(2026, 3, 9, 21), None, None])
    for stamps in (column, column.dt.replace_time_zone("America/Manaus")):
        with pytest.raises(InvalidInputError) as caught:
            post_codes(stamps, AMAZONAS_ENERGIA, modality=BLUE)
        (error,) = caught.value.errors
        assert (error.path, error.code) == ("stamps.2", "missing_timestamp")
    rechunked = pl.concat([column[:1], column[1:]], rechunk=False)
    with pytest.raises(InvalidInputError, match=r"^stamps\.2: "):
        post_codes(rechunked, AMAZONAS_ENERGIA, modality=BLUE)


def test_polars_columns_that_are_not_timestamps(pl: Any) -> None:
    for column, described in (
        (pl.Series([datetime(2026, 3, 9).date()]), "Series of Date"),
        (pl.Series(["2026-03-09T20:00"]), "Series of String"),
        (pl.DataFrame({"t": [datetime(2026, 3, 9)]}), "DataFrame"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            post_codes(column, AMAZONAS_ENERGIA, modality=BLUE)
        assert caught.value.codes == ("not_timestamps",)
        assert f"got '{described}'" in str(caught.value)
