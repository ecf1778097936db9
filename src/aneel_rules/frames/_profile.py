"""Load profiles over columns: per unit × billing month × post (numpy/pandas).

Private: needs the ``frames`` extra; the public names are in :mod:`aneel_rules.frames`.

The columnar face of :func:`aneel_rules.invoice.measurements_from_profile`, on the same
definitions (:mod:`aneel_rules._invoice.profile` and :mod:`aneel_rules._invoice.reactive`):
15-minute demand = energy × 4 (art. 2º, XIII), each interval in the post of its start, hours T
on the grid of the capacitive window, the hour's post that of its first interval, reference
power factor 0.92, excess ``0.92·S − P`` and corrected demand ``0.92·S`` of the hours that
count (art. 304, § 1º). The billing month is the calendar month of the interval's start
(group A is billed by calendar month, art. 261, caput; art. 282, I).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from aneel_rules._convert import MAX_MAGNITUDE
from aneel_rules._invoice.messages import UNVERIFIED_REN414
from aneel_rules._invoice.profile import INTEGRATION_MINUTES
from aneel_rules._invoice.reactive import (
    CAPACITIVE_WINDOW_HOURS,
    REFERENCE_POWER_FACTOR,
    CapacitiveWindow,
)
from aneel_rules._tariffs.modalities import TariffModality
from aneel_rules._tariffs.posts import PostSchedule, check_schedule
from aneel_rules.errors import InvalidInputError, UnsupportedCaseError
from aneel_rules.frames._common import POST_BY_CODE, Rows, invalid, row_invalid, rows_of
from aneel_rules.frames._posts import codes_of_minutes
from aneel_rules.frames._time import (
    MINUTES_PER_DAY,
    Int64Array,
    check_range,
    first_true,
    wall_seconds,
)
from aneel_rules.legal import (
    REN1000_IN_FORCE_FROM,
    Norm,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
)

__all__ = ("PROFILE_COLUMNS", "load_profile")

PROFILE_COLUMNS: Final = (
    "unit",
    "month",
    "post",
    "intervals",
    "kwh",
    "demand_kw",
    "reactive_excess_kwh",
    "reactive_demand_kw",
)
_ROLES: Final = ("unit", "stamp", "value", "reactive")
_NO_POST: Final = len(POST_BY_CODE)  # code of "no post" (convencional)
_POSTS: Final = _NO_POST + 1
_STEP_SECONDS: Final = INTEGRATION_MINUTES * 60
_PER_HOUR: Final = 60 // INTEGRATION_MINUTES
_REFERENCE: Final = np.float64(str(REFERENCE_POWER_FACTOR))
_EPOCH: Final = date(1970, 1, 1)
_REN1000_DAY: Final = (REN1000_IN_FORCE_FROM - _EPOCH).days  # first REN 1.000 day since epoch
_REN418_DAY: Final = (in_force_from(Norm.REN_418_2010) - _EPOCH).days  # art. 96's hourly T
_MAX_MAGNITUDE: Final = np.float64(str(MAX_MAGNITUDE))
FloatArray = npt.NDArray[np.float64]


def _names(frame: pd.DataFrame, columns: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(columns) - set(_ROLES))
    if unknown:
        raise invalid(
            "columns",
            "unknown_column_role",
            "{path} maps unknown columns {value} (known: {known})",
            path="columns",
            value=", ".join(unknown),
            known=", ".join(_ROLES),
        )
    names = {role: columns.get(role, role) for role in _ROLES[:3]}
    reactive = columns.get("reactive", "reactive")
    if "reactive" in columns or reactive in frame.columns:
        names["reactive"] = reactive
    for name in names.values():
        if name not in frame.columns:
            raise invalid(
                name,
                "missing_column",
                "the frame has no column {value}",
                value=repr(name),
            )
    return names


def _numbers(series: pd.Series, path: str, rows: Rows, *, signed: bool) -> FloatArray:
    if series.dtype.kind not in "iuf":
        raise invalid(
            path,
            "not_numbers",
            "{path} must be a numeric column, got {value}",
            path=path,
            value=str(series.dtype),
        )
    values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    bad = first_true(~np.isfinite(values))
    if bad is not None:
        raise row_invalid(
            rows,
            bad,
            path,
            "not_a_quantity",
            "{where} {row}: {column} must be a finite number, got {value}",
            value=repr(values[bad].item()),
        )
    bad = first_true(np.abs(values) >= _MAX_MAGNITUDE)
    if bad is not None:  # as the scalar face (to_quantity): magnitudes below 1E+15
        raise row_invalid(
            rows,
            bad,
            path,
            "out_of_range",
            "{where} {row}: {column} is out of range: {value} (the library accepts magnitudes "
            "below 1E+15)",
            value=f"{Decimal(repr(values[bad].item())):.6E}",
        )
    bad = None if signed else first_true(values < 0)
    if bad is not None:
        raise row_invalid(
            rows,
            bad,
            path,
            "negative",
            "{where} {row}: {column} must not be negative, got {value}",
            value=repr(values[bad].item()),
        )
    return values


def _out_of_range(path: str, value: float) -> InvalidInputError:
    return invalid(
        path,
        "out_of_range",
        "{path} is out of range: {value} (the library accepts magnitudes below 1E+15)",
        path=path,
        value=f"{Decimal(repr(value)):.6E}",
    )


def _check_results(result: pd.DataFrame) -> pd.DataFrame:
    """Refuse a quantity of the answer of 1E+15 or more, as the scalar face refuses its own.

    The path names the row of the answer (a fresh ``RangeIndex``), not a row of the input.
    """
    for column in ("kwh", "demand_kw", "reactive_excess_kwh", "reactive_demand_kw"):
        values = result[column].to_numpy()
        bad = first_true(np.abs(np.nan_to_num(values)) >= _MAX_MAGNITUDE)
        if bad is not None:
            raise _out_of_range(f"{column}.{bad}", values[bad].item())
    return result


def _grid_error(path: str, index: int, stamps: pd.Series, rows: Rows) -> InvalidInputError:
    return row_invalid(
        rows,
        index,
        path,
        "off_grid",
        "{where} {row}: {column} is not on the 15-minute grid: {value}",
        basis=ren1000(2, item="XIII"),
        value=str(stamps.iloc[index]),
    )


def _check_options(
    schedule: object, modality: object, unit: object, label: object, window: object
) -> tuple[PostSchedule, TariffModality]:
    checked = check_schedule(schedule)
    if not isinstance(modality, TariffModality):
        raise invalid(
            "modality",
            "not_a_modality",
            "{path} must be a TariffModality, got {value}",
            path="modality",
            value=repr(modality),
        )
    for path, value, allowed in (("unit", unit, ("kW", "kWh")), ("label", label, ("start", "end"))):
        if value not in allowed:
            raise invalid(
                path,
                "invalid_choice",
                "{path} must be one of {allowed}, got {value}",
                path=path,
                allowed=", ".join(allowed),
                value=repr(value),
            )
    if window is not None and not isinstance(window, CapacitiveWindow):
        raise invalid(
            "capacitive_window",
            "not_a_window",
            "{path} must be a CapacitiveWindow, got {value}",
            path="capacitive_window",
            value=repr(window),
        )
    # An interval is classified by its start: the posts must change on the 15-minute grid.
    if modality.has_posts and checked.peak_start.minute % INTEGRATION_MINUTES:
        raise invalid(
            "schedule",
            "posts_off_grid",
            "the tariff posts of {value} do not start on a quarter hour: 15-minute intervals "
            "would straddle two posts",
            value=checked.name or str(checked.peak_start),
        )
    return checked, modality


def load_profile(
    frame: object,
    schedule: PostSchedule,
    *,
    modality: TariffModality,
    unit: str,
    label: str,
    capacitive_window: CapacitiveWindow | None,
    columns: dict[str, str],
) -> pd.DataFrame:
    """See :func:`aneel_rules.frames.load_profile`."""
    if not isinstance(frame, pd.DataFrame):
        raise invalid(
            "frame",
            "not_a_frame",
            "{path} must be a pandas DataFrame, got {value}",
            path="frame",
            value=type(frame).__name__,
        )
    schedule, modality = _check_options(schedule, modality, unit, label, capacitive_window)
    names = _names(frame, columns)
    if "reactive" in names and capacitive_window is None:
        raise invalid(
            "capacitive_window",
            "window_required",
            "{path} is required with reactive values: the distributor's 6-hour window "
            "decides which power factors count",
            basis=ren1000(304, paragraph=1, item="I"),
            path="capacitive_window",
        )
    if frame.empty:  # no row to read: any column types (an empty frame's are often object)
        none = np.zeros(0, dtype=np.int64)
        reactive_none = np.zeros(0) if "reactive" in names else None
        return _aggregate(
            none, pd.Index([]), none, none, none, np.zeros(0), reactive_none, capacitive_window
        )
    rows = rows_of(frame)
    stamps = frame[names["stamp"]]
    seconds, fraction = wall_seconds(stamps, schedule.tzinfo, names["stamp"])
    if label == "end":  # a stamp labelled by its end stands for the interval before it
        seconds = seconds - _STEP_SECONDS
    off_grid = first_true(fraction | (seconds % _STEP_SECONDS != 0))
    if off_grid is not None:
        raise _grid_error(names["stamp"], off_grid, stamps, rows)
    minutes = seconds // 60
    check_range(minutes, names["stamp"], rows)
    units, labels = pd.factorize(frame[names["unit"]], use_na_sentinel=True)
    no_unit = first_true(units < 0)
    if no_unit is not None:
        # the row is named, never a unit (a consumer unit's number is personal data)
        raise row_invalid(
            rows, no_unit, names["unit"], "missing_unit", "{where} {row}: {column} is missing"
        )
    values = _numbers(frame[names["value"]], names["value"], rows, signed=False)
    reactive = None
    if "reactive" in names:
        reactive = _numbers(frame[names["reactive"]], names["reactive"], rows, signed=True)
    order = _order(units, minutes, names["stamp"], rows)
    rows = rows.reordered(order)  # positions below are of the rows sorted by unit
    if order is not None:
        units, minutes, values = units[order], minutes[order], values[order]
        reactive = None if reactive is None else reactive[order]
    if unit == "kW":  # average power of the interval → its energy
        values = values / _PER_HOUR
        reactive = None if reactive is None else reactive / _PER_HOUR
    split = np.divmod(minutes, MINUTES_PER_DAY)
    if modality.has_posts:
        codes = codes_of_minutes(
            minutes, schedule, modality, names["stamp"], split=split, rows=rows
        )
        posts = codes.astype(np.int64)
    else:
        posts = np.full(minutes.shape, _NO_POST, dtype=np.int64)
    months = _month_index(split[0])
    if reactive is not None:
        _check_ren414(units, months, split[0], values, reactive, minutes, rows, names["reactive"])
    return _check_results(
        _aggregate(units, labels, minutes, months, posts, values, reactive, capacitive_window)
    )


def _check_ren414(  # noqa: PLR0917 (private: the columns it checks)
    units: Int64Array,
    months: Int64Array,
    days: Int64Array,
    kwh: FloatArray,
    kvarh: FloatArray,
    minutes: Int64Array,
    rows: Rows,
    column: str,
) -> None:
    """Refuse REN 414/2010 unit-months whose reactive excess depends on art. 96, § 1º.

    As :func:`aneel_rules.invoice.measurements_from_profile` on each unit-month: the regime is
    that of the unit-month's last interval; before 2022-01-03 (REN 414/2010) the capacitive
    window and the power factors counted in and out of it (art. 96, § 1º, REN 418 wording)
    were not found, so a unit-month is refused when some one-hour interval ``T`` (art. 96),
    on any of the four 15-minute alignments, has a power factor below 0.92 (either kind);
    before 2010-11-23 (REN 418/2010) when some 15-minute interval has. Otherwise the excess
    is 0 under every reading and the unit-month is answered.
    The refusal names the first row of the caller's frame that is below 0.92 in its own
    15 minutes and lies in such an hour (before 2010-11-23: the first row below 0.92), as
    ``rows`` does (its ``RangeIndex`` label, else its position); never a value.
    """
    if not days.size or int(days.min()) >= _REN1000_DAY:  # REN 1.000 dates only: no work
        return
    starts = _starts(units, months)
    last_day = days[np.append(starts[1:], days.size) - 1]
    norm_in_force(_EPOCH + timedelta(days=int(last_day.min())))  # before REN 414: NotInForce
    counts = np.diff(np.append(starts, days.size))
    ren414_rows = np.repeat(last_day < _REN1000_DAY, counts)
    # f < 0.92 ⟺ P² < 0.8464 (P² + Q²) ⟺ 96 P² < 529 Q² (0.1536 / 0.8464 = 96 / 529)
    below = ren414_rows & (96.0 * kwh * kwh < 529.0 * kvarh * kvarh)
    if not below.any():
        return
    hourly = np.repeat(last_day >= _REN418_DAY, counts)  # art. 96's T of 1 hour quoted
    below &= ~hourly | _in_low_hour(units, months, minutes, kwh, kvarh)
    offending = np.flatnonzero(below)
    if not offending.size:
        return
    # the first offending row in the caller's order (rows were sorted by unit)
    order = rows.order
    first = offending[0] if order is None else offending[np.argmin(np.take(order, offending))]
    group = int(np.searchsorted(starts, first, side="right")) - 1
    on = _EPOCH + timedelta(days=int(last_day[group]))
    raise UnsupportedCaseError(
        "the reactive excess of a load profile under REN 414/2010 is not computed ({where} "
        "{row}): the capacitive window and the power factors counted in and out of it (art. 96, "
        "§ 1º) are not quoted in any source found; give the meter's excess and corrected demand "
        "to compute_bill in Measurements",
        code=UNVERIFIED_REN414,
        domain="invoice",  # _invoice.messages.DOMAIN, written out: the catalogue test reads it
        basis=ren414(96, paragraph=1),
        nested=("where",),
        on=on.isoformat(),
        params=rows.params(int(first), column),
    )


def _in_low_hour(
    units: Int64Array,
    months: Int64Array,
    minutes: Int64Array,
    kwh: FloatArray,
    kvarh: FloatArray,
) -> npt.NDArray[np.bool_]:
    """Rows in a one-hour interval below 0.92 on any of the four 15-minute alignments.

    An hour is the sum of the unit-month's rows that start in it (as :func:`_reactive`), each
    kind of reactive energy summed apart (as the scalar face: it covers the net sum too).
    """
    low = np.zeros(kwh.shape, dtype=np.bool_)
    inductive, capacitive = np.maximum(kvarh, 0.0), np.minimum(kvarh, 0.0)
    for shift in range(0, 60, 15):
        hours = _starts(units, months, (minutes - shift) // 60)
        active = np.add.reduceat(kwh, hours)
        squared = 96.0 * active * active
        below = (squared < 529.0 * np.add.reduceat(inductive, hours) ** 2) | (
            squared < 529.0 * np.add.reduceat(capacitive, hours) ** 2
        )
        low |= np.repeat(below, np.diff(np.append(hours, kwh.size)))
    return low


def _order(
    units: Int64Array, minutes: Int64Array, path: str, rows: Rows
) -> npt.NDArray[np.intp] | None:
    """Row order by unit (stable), or ``None`` if already grouped; stamps must increase."""
    order = None
    if units.size > 1 and bool((units[1:] < units[:-1]).any()):
        order = np.argsort(units, kind="stable")
        units, minutes = units[order], minutes[order]
    same = units[1:] == units[:-1]
    bad = np.flatnonzero(same & (minutes[1:] <= minutes[:-1])) + 1
    if bad.size:
        index = int(bad.min() if order is None else order[bad].min())
        raise row_invalid(
            rows,
            index,
            path,
            "not_increasing",
            "{where} {row}: {column} is not after the previous stamp of its unit",
        )
    return order


def _starts(*keys: Int64Array) -> npt.NDArray[np.intp]:
    """Positions where any of the (sorted, contiguous) keys changes."""
    size = keys[0].size
    change = np.zeros(size, dtype=np.bool_)
    if size:
        change[0] = True
        for key in keys:
            change[1:] |= key[1:] != key[:-1]
    return np.flatnonzero(change)


def _month_index(days: Int64Array) -> Int64Array:
    """Calendar month of each day (months since 1970-01), through a table of the days spanned."""
    if not days.size:
        return days
    first = int(days.min())
    span = np.arange(first, int(days.max()) + 1, dtype=np.int64)
    table = span.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return table[days - first]


Decoder = Callable[[Int64Array], tuple[Int64Array, Int64Array, Int64Array]]


def _group_keys(
    units: Int64Array, months: Int64Array, posts: Int64Array
) -> tuple[Int64Array, int, Decoder]:
    """Key of each row's unit × month × post, the number of keys and their decoder."""
    first_month = int(months.min()) if months.size else 0
    month_span = int(months.max()) - first_month + 1 if months.size else 1
    unit_count = int(units.max()) + 1 if units.size else 1
    keys = (units * month_span + (months - first_month)) * _POSTS + posts

    def decode(key: Int64Array) -> tuple[Int64Array, Int64Array, Int64Array]:
        cell, post = np.divmod(key, _POSTS)
        unit, month = np.divmod(cell, month_span)
        return unit, month + first_month, post

    if unit_count * month_span * _POSTS <= max(4 * units.size, 1 << 20):
        return keys, unit_count * month_span * _POSTS, decode
    # many units over many months: number only the combinations present (hashing)
    codes, uniques = pd.factorize(keys)
    present = np.asarray(uniques, dtype=np.int64)
    return codes.astype(np.int64), present.size, lambda key: decode(present[key])


def _aggregate(  # noqa: PLR0917 (private: the columns it combines)
    units: Int64Array,
    labels: pd.Index,
    minutes: Int64Array,
    months: Int64Array,
    posts: Int64Array,
    kwh: FloatArray,
    kvarh: FloatArray | None,
    window: CapacitiveWindow | None,
) -> pd.DataFrame:
    keys, size, decode = _group_keys(units, months, posts)
    intervals = np.bincount(keys, minlength=size)
    energy = np.bincount(keys, weights=kwh, minlength=size)
    # art. 2º, XIII: demand of an interval = its energy × 4; measured demand = the largest
    demand = np.full(size, -np.inf)
    np.maximum.at(demand, keys, kwh * _PER_HOUR)
    excess = np.full(size, np.nan)
    corrected = np.full(size, np.nan)
    if kvarh is not None and window is not None:
        excess, corrected = _reactive(units, months, minutes, keys, kwh, kvarh, window, size)
    present = np.flatnonzero(intervals)
    unit_of, month_of, post_of = decode(present)
    post_labels = [p.value for p in POST_BY_CODE]
    post_column = pd.Categorical.from_codes(
        np.where(post_of == _NO_POST, -1, post_of), categories=pd.Index(post_labels)
    )
    return pd.DataFrame(
        {
            "unit": labels.take(unit_of),
            "month": month_of.astype("datetime64[M]").astype("datetime64[s]"),
            "post": post_column,
            "intervals": intervals[present],
            "kwh": energy[present],
            "demand_kw": demand[present],
            "reactive_excess_kwh": excess[present],
            "reactive_demand_kw": np.where(
                np.isneginf(corrected[present]), np.nan, corrected[present]
            ),
        }
    )


def _reactive(  # noqa: PLR0917 (private: the columns it combines)
    units: Int64Array,
    months: Int64Array,
    minutes: Int64Array,
    keys: Int64Array,
    kwh: FloatArray,
    kvarh: FloatArray,
    window: CapacitiveWindow,
    size: int,
) -> tuple[FloatArray, FloatArray]:
    """Reactive excess (sum) and corrected demand (largest) per unit × month × post, hourly."""
    # art. 304: one-hour intervals T on the grid of the capacitive window, within the month
    hours = (minutes - window.hour_offset) // 60
    starts = _starts(units, months, hours)
    active = np.add.reduceat(kwh, starts) if starts.size else np.zeros(0)
    reactive = np.add.reduceat(kvarh, starts) if starts.size else np.zeros(0)
    minute_of_day = (hours[starts] * 60 + window.hour_offset) % MINUTES_PER_DAY
    # art. 304, § 1º, I: capacitive hours inside the 6-hour window; II: inductive outside
    capacitive = (minute_of_day - window.start_minute) % MINUTES_PER_DAY < (
        CAPACITIVE_WINDOW_HOURS * 60
    )
    counted = np.where(capacitive, reactive < 0, reactive > 0)
    reference = _REFERENCE * np.hypot(active, reactive)
    excess = np.where(counted, np.maximum(reference - active, 0.0), 0.0)
    corrected = np.where(counted, np.maximum(active, reference), active)
    # the hour belongs to the post of its first interval
    hour_keys = keys[starts]
    largest = np.full(size, -np.inf)
    np.maximum.at(largest, hour_keys, corrected)
    total = np.bincount(hour_keys, weights=excess, minlength=size).astype(np.float64)
    return total, largest
