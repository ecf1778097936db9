"""Timestamp columns to local wall minutes (numpy), with the library's errors.

Private: needs the ``frames`` extra (numpy at import; pandas/pyarrow only for their inputs).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from aneel_rules._convert import quoted
from aneel_rules._tariffs.calendar import PEAK_EXEMPT_HOLIDAYS
from aneel_rules.errors import NotInForceError
from aneel_rules.frames._common import Rows, invalid, row_invalid, rows_of
from aneel_rules.frames._zone import offset_at, zone_pieces

__all__ = (
    "DENSE_SPAN",
    "FIRST_MINUTE",
    "LAST_MINUTE",
    "MINUTES_PER_DAY",
    "Int64Array",
    "datetime64_of",
    "first_true",
    "local_minutes",
    "check_range",
    "converted_wall_seconds",
    "wall_seconds",
)

Int64Array = npt.NDArray[np.int64]
MINUTES_PER_DAY: Final = 24 * 60
_SECOND: Final = np.dtype("datetime64[s]")
_PER_SECOND: Final = {"ms": 10**3, "us": 10**6, "ns": 10**9, "ps": 10**12, "fs": 10**15}
# datetime.date covers years 1 to 9999: a wall time from 10000-01-01 on has no calendar.
_END: Final = np.datetime64("10000-01-01T00:00", "m").astype(np.int64)
LAST_MINUTE: Final = int(_END) - 1
FIRST_MINUTE: Final = int(
    np.datetime64(PEAK_EXEMPT_HOLIDAYS.starts_on.isoformat(), "m").astype(np.int64)
)
"""First wall minute of ANEEL's calendar (REN 414/2010)."""
DENSE_SPAN: Final = 50_000  # days: up to this span, tables cover every day of it
_FIRST_YEAR: Final = 2009
_LAST_YEAR: Final = 9999
_EARLY_SECOND: Final = np.datetime64("2009-01-01T00:00:00", "s").astype(np.int64)
_LATE_SECOND: Final = np.datetime64("10000-01-02T00:00:00", "s").astype(np.int64)


def first_true(mask: npt.NDArray[np.bool_]) -> int | None:
    """Index of the first ``True`` of ``mask``, or ``None``."""
    if not mask.any():
        return None
    return int(mask.argmax())


def datetime64_of(stamps: object, path: str) -> tuple[npt.NDArray[np.datetime64], str | None]:
    """The stamps as a numpy datetime64 array and their time zone name (``None``: naive).

    Accepts numpy datetime64 arrays, pandas ``DatetimeIndex``/``Series``/``DatetimeArray``
    (naive or tz-aware), pyarrow timestamp ``Array``/``ChunkedArray`` and polars ``Datetime``
    series. A tz-aware input comes back as its UTC instants.

    Raises:
        InvalidInputError: anything else (``not_timestamps``).
    """
    given = stamps
    module = type(stamps).__module__.partition(".")[0]
    if module == "polars" and type(stamps).__name__ == "Series":
        # polars' own route to Arrow (zero-copy for timestamps; nulls stay nulls)
        stamps = stamps.to_arrow()  # type: ignore[attr-defined]
        module = "pyarrow"
    if isinstance(stamps, np.ndarray):
        if stamps.dtype.kind == "M" and stamps.ndim == 1:
            return stamps, None
    elif module == "pandas":
        result = _from_pandas(stamps)
        if result is not None:
            return result
    elif module == "pyarrow":
        result = _from_arrow(stamps)
        if result is not None:
            return result
    raise invalid(
        path,
        "not_timestamps",
        "{path} must be a one-dimensional column of timestamps (numpy datetime64, pandas, "
        "Arrow or polars), got {value}",
        path=path,
        value=quoted(_describe(given)),
    )


def _describe(stamps: object) -> str:
    dtype = getattr(stamps, "dtype", None)
    name = type(stamps).__name__
    return name if dtype is None else f"{name} of {dtype}"


def _from_pandas(stamps: object) -> tuple[npt.NDArray[np.datetime64], str | None] | None:
    import pandas as pd  # noqa: PLC0415 (only for pandas input)

    if isinstance(stamps, pd.Series | pd.Index):
        values = stamps.array
    elif isinstance(stamps, pd.arrays.DatetimeArray):
        values = stamps
    else:
        return None
    if isinstance(values, pd.arrays.ArrowExtensionArray):
        # Arrow-backed (read_parquet/read_csv with dtype_backend="pyarrow"): as an Arrow array
        return _from_arrow(values.__arrow_array__())
    if not isinstance(values, pd.arrays.DatetimeArray):
        return None
    tz = values.tz
    if tz is None:
        return values.to_numpy(), None
    return values.tz_convert(None).to_numpy(), str(tz)  # the UTC instants, no copy


def _from_arrow(stamps: object) -> tuple[npt.NDArray[np.datetime64], str | None] | None:
    import pyarrow as pa  # noqa: PLC0415 (only for Arrow input)

    if not isinstance(stamps, pa.Array | pa.ChunkedArray) or not pa.types.is_timestamp(stamps.type):
        return None
    values = stamps.to_numpy(zero_copy_only=False)
    return values, stamps.type.tz


def local_minutes(stamps: object, tz: ZoneInfo, path: str) -> Int64Array:
    """Local wall time of each stamp in whole minutes since 1970-01-01 (seconds dropped).

    Naive stamps are wall times of ``tz``; aware ones are converted to ``tz`` with zoneinfo.

    Raises:
        InvalidInputError: not a timestamp column; a missing value (NaT, null) or a wall time
            from year 10000 on (``out_of_range``); the path names the first bad row
            (:class:`~aneel_rules.frames._common.Rows`).
        NotInForceError: a wall time before ANEEL's calendar (REN 414/2010) applied.
    """
    seconds, _fraction = wall_seconds(stamps, tz, path)
    minutes = seconds // 60
    check_range(minutes, path, rows_of(stamps))
    return minutes


def wall_seconds(
    stamps: object, tz: ZoneInfo, path: str
) -> tuple[Int64Array, npt.NDArray[np.bool_]]:
    """Local wall time in whole seconds (floored), and whether each stamp had a fraction.

    Not range-checked: see :func:`check_range` (on minutes).

    Raises:
        InvalidInputError: not a timestamp column; a missing value (NaT, null), naming its
            row by the ``RangeIndex`` label of a pandas column, else by its position.
    """
    values, zone = datetime64_of(stamps, path)
    return converted_wall_seconds(values, zone, tz, path, rows_of(stamps))


def converted_wall_seconds(
    values: npt.NDArray[np.datetime64],
    zone: str | None,
    tz: ZoneInfo,
    path: str,
    rows: Rows | None = None,
) -> tuple[Int64Array, npt.NDArray[np.bool_]]:
    """:func:`wall_seconds` of the result of :func:`datetime64_of` (``rows``: how to name one)."""
    missing = first_true(np.isnat(values))
    if missing is not None:
        raise row_invalid(
            rows or Rows(),
            missing,
            path,
            "missing_timestamp",
            "{where} {row}: {column} is missing (NaT or null)",
        )
    seconds = _bounded_seconds(values)
    unit, count = np.datetime_data(values.dtype)
    per_second = _PER_SECOND.get(unit)
    if per_second is None:  # seconds or coarser: no fraction
        fraction = np.zeros(values.shape, dtype=np.bool_)
    else:
        fraction = values.view(np.int64) * count % per_second != 0
    return (seconds if zone is None else _to_local(seconds, tz)), fraction


def _bounded_seconds(values: npt.NDArray[np.datetime64]) -> Int64Array:
    """Whole seconds since 1970 (floored), years outside 2009–9999 moved just outside.

    Years are read first (coarsening never overflows); a stamp of year 300000 or -5 is then
    replaced by one that is still out of range, so the casts below cannot overflow.
    """
    if values.size:
        low, high = (
            int(y) + 1970
            for y in values[[values.argmin(), values.argmax()]]
            .astype("datetime64[Y]")
            .astype(np.int64)
        )
        if low >= _FIRST_YEAR and high <= _LAST_YEAR:  # the usual case: one cast
            return values.astype(_SECOND).view(np.int64)
    years = values.astype("datetime64[Y]").astype(np.int64) + 1970
    early, late = years < _FIRST_YEAR, years > _LAST_YEAR
    seconds = np.empty(values.shape, dtype=np.int64)
    inside = ~(early | late)
    seconds[inside] = values[inside].astype(_SECOND).astype(np.int64)
    seconds[early] = _EARLY_SECOND
    seconds[late] = _LATE_SECOND
    return seconds


def check_range(minutes: Int64Array, path: str, rows: Rows | None = None) -> None:
    """Raise for a wall minute before ANEEL's calendar or from year 10000 on (first row).

    ``rows`` names the row (:class:`~aneel_rules.frames._common.Rows`; default: positions).
    """
    start = PEAK_EXEMPT_HOLIDAYS.starts_on
    early, late = minutes < FIRST_MINUTE, minutes >= _END
    bad = first_true(early | late)
    if bad is None:
        return
    rows = rows or Rows()
    if late[bad]:
        raise row_invalid(
            rows,
            bad,
            path,
            "out_of_range",
            "{where} {row}: {column} is outside the dates the calendar covers (years 1 to 9999)",
        )
    # the code of tariff_post for such a stamp (no regime in force before REN 414/2010)
    raise NotInForceError(
        "{where} {row}: {column} is before {since}, when REN 414/2010 and its list of days "
        "without ponta began to apply",
        code="no_regime",
        domain="frames",  # _common.DOMAIN, written out: the catalogue test reads it
        on=start - timedelta(days=1),
        what=PEAK_EXEMPT_HOLIDAYS.name,
        nested=("where",),
        since=start.isoformat(),
        params=rows.params(bad, path),
    )


def _to_local(utc_seconds: Int64Array, tz: ZoneInfo) -> Int64Array:
    """UTC seconds to local wall seconds, with zoneinfo's offsets.

    The pieces of constant offset of the span come from :func:`zone_pieces` (one addition
    when the span has one offset, else a binary search per stamp); a column spread over
    centuries looks its offsets up per day present, the stamps of days with a change one by
    one.
    """
    if not utc_seconds.size:  # an empty tz-aware column: nothing to convert
        return utc_seconds
    pieces = zone_pieces(tz, int(utc_seconds.min()), int(utc_seconds.max()))
    if pieces is not None:
        starts, offsets = pieces
        if offsets.size == 1:
            shifted: Int64Array = utc_seconds + offsets[0]
            return shifted
        return utc_seconds + offsets[np.searchsorted(starts, utc_seconds, side="right") - 1]
    unique, index = np.unique(utc_seconds // 86_400, return_inverse=True)
    present = unique.tolist()
    day_offsets = np.array([offset_at(day * 86_400, tz) for day in present])
    changes = np.array([offset_at(day * 86_400 + 86_399, tz) for day in present]) != day_offsets
    local: Int64Array = utc_seconds + day_offsets[index]
    for position in np.flatnonzero(changes[index]).tolist():
        local[position] = utc_seconds[position] + offset_at(int(utc_seconds[position]), tz)
    return local
