"""Fast paths of ``post_codes``: columns in time order by runs, and wall minutes of any column.

Private: needs the ``frames`` extra. A load profile or meter export is nearly always in time
order; then its posts form runs that end where the days it spans change post (a few times a
day, from the minute table of :mod:`aneel_rules._tariffs.posts` and the days without ponta of
:mod:`aneel_rules._tariffs.calendar`). The ends are found with ``numpy.searchsorted`` and the
codes written with ``numpy.repeat``: no arithmetic per stamp, no loop per day.

A column in any order gets its wall minutes from :func:`wall_minutes` (one division, the
zone's offsets added once), the range read from its smallest and largest stamp.

Anything these paths cannot prove (not in order, a missing or out-of-range stamp, horária
branca before it was offered, an unusual unit) gives ``None``: the caller then takes the
checking path, which also raises the library's errors naming the first bad index.
"""

from __future__ import annotations

from typing import Final
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from aneel_rules._tariffs.modalities import WHITE_TARIFF_AVAILABILITY, TariffModality
from aneel_rules._tariffs.posts import PostSchedule, TariffPost
from aneel_rules.frames._calendar import EPOCH, day_exempt
from aneel_rules.frames._common import POST_BY_CODE
from aneel_rules.frames._time import DENSE_SPAN, FIRST_MINUTE, LAST_MINUTE, MINUTES_PER_DAY
from aneel_rules.frames._zone import zone_pieces

__all__ = ("sorted_codes", "table_arrays", "wall_minutes")

UInt8Array = npt.NDArray[np.uint8]
Int64Array = npt.NDArray[np.int64]
_TICKS_PER_MINUTE: Final = {"m": 1, "s": 60, "ms": 60 * 10**3, "us": 60 * 10**6, "ns": 60 * 10**9}
_INT64_MIN: Final = -(2**63)
_INT64_MAX: Final = 2**63 - 1
_MARGIN_DAYS: Final = 2  # tz offsets move a stamp by less than a day
_OFF_PEAK: Final = np.uint8(0)
_WHITE_SINCE: Final = (WHITE_TARIFF_AVAILABILITY.periods[1].since - EPOCH).days


_Tables = tuple[UInt8Array, Int64Array, UInt8Array, UInt8Array]
# keyed by identity: the minute tables are cached tuples, and hashing 1,440 posts per call
# would cost more than the classification itself; the entry keeps its table alive
_TABLES: Final[dict[int, tuple[tuple[TariffPost, ...], _Tables]]] = {}
_MAX_TABLES: Final = 64


def table_arrays(table: tuple[TariffPost, ...]) -> _Tables:
    """Arrays of the minute table of a day with ponta (read-only, cached).

    The code of each minute, the first minute and code of each run of equal posts, and the
    codes of two days (with ponta, then without).
    """
    entry = _TABLES.get(id(table))
    if entry is not None and entry[0] is table:
        return entry[1]
    codes = np.array([POST_BY_CODE.index(post) for post in table], dtype=np.uint8)
    starts = np.flatnonzero(np.diff(codes, prepend=np.uint8(255)) != 0).astype(np.int64)
    # art. 2º, XXXVIII, "a": no ponta (nor intermediário) on the days without ponta
    two_days = np.concatenate([codes, np.full(codes.size, _OFF_PEAK, dtype=np.uint8)])
    arrays = (codes, starts, codes[starts], two_days)
    for array in arrays:
        array.flags.writeable = False
    if len(_TABLES) >= _MAX_TABLES:
        _TABLES.clear()
    _TABLES[id(table)] = (table, arrays)
    return arrays


def _ticks(values: npt.NDArray[np.datetime64]) -> tuple[Int64Array, int] | None:
    """The stamps as int64 ticks and the ticks of a minute, for the units handled here."""
    unit, count = np.datetime_data(values.dtype)
    per_minute = _TICKS_PER_MINUTE.get(unit)
    if per_minute is None or count != 1 or values.ndim != 1 or values.size == 0:
        return None
    return values.view(np.int64), per_minute


def _in_bounds(low: int, high: int, per_minute: int) -> bool:
    """No NaT (the smallest int64), and room for a day's offset either side."""
    margin = _MARGIN_DAYS * MINUTES_PER_DAY * per_minute
    return low != _INT64_MIN and low - margin >= _INT64_MIN and high + margin <= _INT64_MAX


def _zone_ticks(
    tz: ZoneInfo, low: int, high: int, per_minute: int
) -> tuple[Int64Array, Int64Array] | None:
    """:func:`zone_pieces` of the span from tick ``low`` to ``high``, in ticks."""
    pieces = zone_pieces(tz, _seconds(low, per_minute), _seconds(high, per_minute))
    if pieces is None:
        return None
    starts, offsets = pieces
    if per_minute == 1:  # a minute column (not made by pandas or Arrow): whole minutes
        # zones have kept whole-minute offsets since 1972; a piece starts on its next minute
        return -(-starts // 60), offsets // 60
    per_second = per_minute // 60
    return starts * per_second, offsets * per_second


def wall_minutes(
    values: npt.NDArray[np.datetime64], zone: str | None, tz: ZoneInfo
) -> Int64Array | None:
    """Wall minutes of a column in any order, or ``None`` (take the checking path).

    ``None`` also for a missing or out-of-range stamp: the checking path names it. The range
    is read from the smallest and largest stamp only.
    """
    found = _ticks(values)
    if found is None:
        return None
    ticks, per_minute = found
    low, high = int(ticks.min()), int(ticks.max())
    if not _in_bounds(low, high, per_minute):
        return None
    if zone is not None:
        pieces = _zone_ticks(tz, low, high, per_minute)
        if pieces is None:
            return None
        starts, offsets = pieces
        if offsets.size == 1:
            ticks = ticks + int(offsets[0])
        else:
            ticks = ticks + offsets[np.searchsorted(starts, ticks, side="right") - 1]
        low, high = int(ticks.min()), int(ticks.max())
    if low // per_minute < FIRST_MINUTE or high // per_minute > LAST_MINUTE:
        return None
    minutes: Int64Array = ticks if per_minute == 1 else ticks // per_minute
    return minutes


def sorted_codes(
    values: npt.NDArray[np.datetime64],
    zone: str | None,
    schedule: PostSchedule,
    modality: TariffModality,
) -> UInt8Array | None:
    """Post codes of a column in ascending order, or ``None`` (take the general path).

    ``values`` are wall times of the schedule (``zone`` is ``None``) or UTC instants.
    """
    found = _ticks(values)
    if found is None:
        return None
    ticks, per_minute = found
    step = _step(ticks)
    if step is None and not bool((ticks[1:] >= ticks[:-1]).all()):
        return None
    # in order: the extremes are the first and last stamps (a NaT can only be first)
    if not _in_bounds(int(ticks[0]), int(ticks[-1]), per_minute):
        return None
    _minute, starts, codes, _two_days = table_arrays(schedule.minute_table(modality))
    white = modality is TariffModality.WHITE
    if zone is None:
        return _wall_codes(ticks, per_minute, starts, codes, step=step, white=white)
    pieces = _zone_ticks(schedule.tzinfo, int(ticks[0]), int(ticks[-1]), per_minute)
    if pieces is None:
        return None
    # each piece of constant offset is in order in wall time too
    start_ticks, offset_ticks = pieces
    ends = np.searchsorted(ticks, start_ticks[1:]).tolist()
    parts: list[UInt8Array] = []
    bounds = zip([0, *ends], [*ends, ticks.size], offset_ticks.tolist(), strict=True)
    for begin, end, offset in bounds:
        if begin == end:
            continue
        wall = ticks[begin:end] + offset
        part = _wall_codes(wall, per_minute, starts, codes, step=step, white=white)
        if part is None:
            return None
        parts.append(part)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _step(ticks: Int64Array) -> int | None:
    """The step of a column on a regular grid (each stamp one step after the previous)."""
    if ticks.size < 2:
        return 1
    step = int(ticks[1]) - int(ticks[0])
    if step <= 0 or int(ticks[-1]) - int(ticks[0]) != step * (ticks.size - 1):
        return None
    return step if bool((ticks[1:] - ticks[:-1] == step).all()) else None


def _seconds(tick: int, per_minute: int) -> int:
    return tick * 60 if per_minute == 1 else tick // (per_minute // 60)


def _wall_codes(
    ticks: Int64Array,
    per_minute: int,
    starts: Int64Array,
    codes: UInt8Array,
    *,
    step: int | None,
    white: bool,
) -> UInt8Array | None:
    """Wall times in ascending order: the runs of the days from the first stamp to the last."""
    first, last = int(ticks[0]) // per_minute, int(ticks[-1]) // per_minute
    if first < FIRST_MINUTE or last > LAST_MINUTE:
        return None
    first_day, last_day = first // MINUTES_PER_DAY, last // MINUTES_PER_DAY
    if last_day - first_day >= DENSE_SPAN or (white and first_day < _WHITE_SINCE):
        return None
    days = np.arange(first_day, last_day + 1, dtype=np.int64)
    bounds = (days[:, np.newaxis] * MINUTES_PER_DAY + starts) * per_minute
    # art. 2º, XXXVIII, "a": no ponta (nor intermediário) on the days without ponta
    day_codes = np.where(day_exempt(first_day, last_day)[:, np.newaxis], _OFF_PEAK, codes)
    if step is None:
        ends = np.searchsorted(ticks, bounds.ravel())
    else:  # a regular grid: the stamps before each bound are counted, not searched
        ends = (int(ticks[0]) - bounds.ravel()) // step
        np.negative(ends, out=ends)
        # clipped to [0, size] with two ufuncs (numpy.clip costs more than the work here)
        np.maximum(ends, 0, out=ends)
        np.minimum(ends, ticks.size, out=ends)
    counts = np.empty_like(ends)
    np.subtract(ends[1:], ends[:-1], out=counts[:-1])
    counts[-1] = ticks.size - ends[-1]
    result: UInt8Array = np.repeat(day_codes.ravel(), counts)
    return result
