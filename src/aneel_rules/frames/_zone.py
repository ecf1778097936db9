"""UTC offsets of a time zone as pieces of constant offset (zoneinfo), for columns of instants.

Private: needs the ``frames`` extra. zoneinfo keeps its transitions to itself, so they are
found from it: the offset is read at the start of each UTC day of a year and, on a day that
ends with another offset, the second of the change is found by bisection. That is done once
per zone and year (cached); converting a column is then one binary search per stamp, or a
single addition when its span has one offset (the usual case: Brazil has had no daylight
saving time since 2019).
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

__all__ = ("MAX_YEARS", "offset_at", "zone_pieces")

Int64Array = npt.NDArray[np.int64]
MAX_YEARS: Final = 137  # years a column may span for the pieces (else: per day present)
_DAY: Final = 86_400
_UTC_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH: Final = date(1970, 1, 1)
_FIRST_YEAR: Final = 1970
_LAST_YEAR: Final = 9999
_LAST_SECOND: Final = (date(9999, 12, 31) - _EPOCH).days * _DAY + _DAY - 1
_BEYOND: Final = _DAY  # an offset that puts a local time beyond year 9999 out of range


def offset_at(utc_second: int, tz: ZoneInfo) -> int:
    """UTC offset of ``tz`` at a UTC instant, in seconds (``86400`` beyond year 9999)."""
    try:
        at = (_UTC_EPOCH + timedelta(seconds=utc_second)).astimezone(tz)
    except OverflowError:  # local time beyond 9999-12-31: out of range whatever the offset
        return _BEYOND
    offset = at.utcoffset()
    return 0 if offset is None else offset.days * _DAY + offset.seconds


def _year_of(utc_second: int) -> int:
    if utc_second > _LAST_SECOND:
        return _LAST_YEAR
    if utc_second < 0:
        return _FIRST_YEAR
    return max(_FIRST_YEAR, (_EPOCH + timedelta(days=utc_second // _DAY)).year)


@functools.lru_cache(maxsize=1024)
def _year_pieces(tz: ZoneInfo, year: int) -> tuple[tuple[int, int], ...]:
    """(first UTC second, offset) of each piece of constant offset starting in ``year``."""
    start = (date(year, 1, 1) - _EPOCH).days
    end = start + (date(year, 12, 31) - date(year, 1, 1)).days + 1
    previous = offset_at(start * _DAY, tz)
    pieces = [(start * _DAY, previous)]
    for day in range(start + 1, end + 1):
        low = (day - 1) * _DAY  # offset_at(low) == previous
        while offset_at(day * _DAY, tz) != previous:
            high = day * _DAY
            while high - low > 1:
                middle = (low + high) // 2
                if offset_at(middle, tz) == previous:
                    low = middle
                else:
                    high = middle
            previous = offset_at(high, tz)
            pieces.append((high, previous))
            low = high
    return tuple(pieces)


def zone_pieces(
    tz: ZoneInfo, first_second: int, last_second: int
) -> tuple[Int64Array, Int64Array] | None:
    """Starts (UTC seconds, ascending) and offsets of the pieces covering a span of instants.

    The first piece starts on 1 January of the first second's year (1970 at the earliest: the
    span is expected from 2009 on). ``None`` when the span covers more than
    :data:`MAX_YEARS` years.
    """
    first_year, last_year = _year_of(first_second), _year_of(last_second)
    if last_year - first_year > MAX_YEARS:
        return None
    starts: list[int] = []
    offsets: list[int] = []
    for year in range(first_year, last_year + 1):
        for second, offset in _year_pieces(tz, year):
            if not offsets or offsets[-1] != offset:
                starts.append(second)
                offsets.append(offset)
    if last_second > _LAST_SECOND and offsets[-1] != _BEYOND:
        starts.append(_LAST_SECOND + 1)
        offsets.append(_BEYOND)
    return np.array(starts, dtype=np.int64), np.array(offsets, dtype=np.int64)
