"""Reading intervals, billable consumption and availability charge over columns (numpy/pandas).

Private: needs the ``frames`` extra; the public names are in :mod:`aneel_rules.frames`.

The columnar face calls the scalar rules of :mod:`aneel_rules.billing_cycle` once per distinct
combination of the facts they read (dates, kind, group; supply, low-income flag and which side
of each availability threshold the measured energy lies), and spreads the answers over the rows
with numpy. Only the measured energy varies inside a combination, and the scalar rules use it
in one place each: the proration ``measured × maximum / days`` (art. 285, II; art. 286, II) and
the 80 kWh test of art. 291, III. So every row gets the scalar answer, by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from aneel_rules._billing.availability import (
    THREE_PHASE_LOW_INCOME_AVAILABILITY,
    SupplyType,
    availability_charge,
)
from aneel_rules._billing.readings import (
    BillableConsumption,
    ReadingIntervalCheck,
    ReadingKind,
    billable_consumption,
    check_reading_interval,
)
from aneel_rules._convert import MAX_MAGNITUDE
from aneel_rules._tariffs.units import Group
from aneel_rules.errors import AneelRulesError, UnsupportedCaseError
from aneel_rules.frames import _coerce
from aneel_rules.frames._common import READING_REASONS, invalid

__all__ = (
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "error_code",
    "reason_of",
    "readings",
)

_EPOCH: Final = date(1970, 1, 1)
_MAX_MAGNITUDE: Final = int(MAX_MAGNITUDE)
_MISSING: Final = np.iinfo(np.int64).min
_FIRST_DAY: Final = (date(1, 1, 1) - date(1970, 1, 1)).days
_NO_FLAG: Final = 2  # a missing low-income flag (NA)


# Findings of a row whose rules all answered (the scalar functions' own cases).
OK: Final = "ok"
SHORT: Final = "short_interval"
LONG: Final = "long_interval"


def error_code(error: AneelRulesError) -> str:
    """Stable code of a library error (every error carries one; input errors: the first field's)."""
    return error.code


_REASON_BY_TEXT: Final = {text: code for code, text in READING_REASONS.items()}


def reason_of(error: AneelRulesError) -> str:
    """The ``READING_REASONS`` code of a case the library does not model; ``""`` for other errors.

    Regulatory gaps and dates outside every regime have no reason code: their finding is the
    reason and their ``basis`` names the provision that leaves the gap.
    """
    if not isinstance(error, UnsupportedCaseError):
        return ""
    return _REASON_BY_TEXT.get(dict(error.params).get("what", ""), "")


def _basis_text(basis: tuple[object, ...]) -> str:
    return "; ".join(str(ref) for ref in basis)


def _dates(values: object, path: str) -> npt.NDArray[np.int64]:
    """Days since 1970 of a date column; ``-2**63`` where missing or not a whole day."""
    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    series = _coerce.numpy_datetimes(series)  # Arrow-backed dates and timestamps
    missing = _MISSING
    if series.empty:  # no row to read: any type (an empty frame's columns are often object)
        return np.zeros(0, dtype=np.int64)
    if series.dtype.kind == "M":
        stamps = series.to_numpy()
        if getattr(series.dtype, "tz", None) is not None:  # tz-aware: the local wall date
            stamps = series.dt.tz_localize(None).to_numpy()
        day = stamps.astype("datetime64[D]")
        days = day.astype(np.int64)
        not_a_day = np.isnat(stamps) | (day != stamps)
        days[not_a_day] = missing
        return days
    if series.dtype.kind != "O":
        raise invalid(
            path,
            "not_dates",
            "{path} must be a column of dates, got {value}",
            path=path,
            value=str(series.dtype),
        )
    days = np.full(len(series), missing, dtype=np.int64)
    for index, value in enumerate(series.tolist()):
        # datetime is a date subclass: a timestamp is not a reading date (as the scalar rules)
        if isinstance(value, date) and type(value).__name__ == "date":
            days[index] = (value - _EPOCH).days
    return days


def _enum_codes(
    values: object,
    cls: type[ReadingKind | Group | SupplyType],
    default: object,
    size: int,
) -> tuple[npt.NDArray[np.int64], list[object]]:
    """Index of each row's member of ``cls`` (given as member or value), ``-1`` if none."""
    members: list[object] = list(cls)
    if values is None:
        return np.full(size, members.index(default), dtype=np.int64), members
    lookup: dict[object, int] = {}
    for index, member in enumerate(cls):
        lookup[member] = index
        lookup[member.value] = index
    codes, uniques = pd.factorize(pd.Series(values), use_na_sentinel=True)
    mapped = np.array([lookup.get(u, -1) for u in list(uniques)] + [-1], dtype=np.int64)
    return mapped[codes], members


def _flags(values: object, path: str, size: int) -> npt.NDArray[np.int64]:
    """0 False, 1 True, 2 missing (a nullable ``boolean`` column's ``NA``: the scalar's None)."""
    if values is None:
        return np.zeros(size, dtype=np.int64)
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values))
    missing = series.isna().to_numpy(dtype=np.bool_)
    if series.dtype.kind == "b" or (
        series.dtype.kind == "O" and all(isinstance(v, bool | np.bool_) for v in series[~missing])
    ):
        # numpy bool, pandas "boolean", Arrow bool, or bools with None: a missing flag is the
        # scalar rule's None (refused there, so that row's finding)
        flags = series.to_numpy(dtype=np.bool_, na_value=False).astype(np.int64)
        return np.where(missing, _NO_FLAG, flags)
    array = np.asarray(values)
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if array.dtype != np.bool_:
        raise invalid(
            path,
            "not_bools",
            "{path} must be a column of True/False, got {value}",
            path=path,
            value=str(array.dtype),
        )
    return array.astype(np.int64)


def _numbers(values: object, path: str) -> npt.NDArray[np.float64]:
    if isinstance(values, pd.Series) and values.dtype.kind in "iuf":
        # numpy, nullable and Arrow numbers; NA is NaN (a missing energy: the scalar's refusal)
        return values.to_numpy(dtype=np.float64, na_value=np.nan)
    array = np.asarray(values)
    if array.size == 0:
        return np.zeros(0, dtype=np.float64)
    if array.dtype.kind not in "iuf" or array.dtype == np.bool_:
        raise invalid(
            path,
            "not_numbers",
            "{path} must be a numeric column, got {value}",
            path=path,
            value=str(array.dtype),
        )
    return array.astype(np.float64)


def _energy_class(measured: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """0 for a usable energy; 1 NaN or infinite, 2 negative, 3 beyond the library's limit.

    The classes the scalar rules tell apart by their input errors, row by row.
    """
    huge = np.abs(measured) >= _MAX_MAGNITUDE
    return np.select([~np.isfinite(measured), measured < 0, huge], [1, 2, 3], default=0).astype(
        np.int64
    )


_Answers = dict[int, tuple[object, ...]]
# The scalar answers of the combinations already met, by combination key, kept across calls:
# a file audited chunk by chunk, or the partitions of a Dask worker, meet the same reading
# dates again and again. A key holds every fact the scalar rules read (module docstring), and
# the rules are pure, so a remembered answer is the answer. Bounded: emptied when full.
_INTERVAL_ANSWERS: Final[_Answers] = {}
_AVAILABILITY_ANSWERS: Final[_Answers] = {}
_MAX_ANSWERS: Final = 200_000


def _per_combination(
    keys: npt.NDArray[np.int64], answer: Callable[[int], tuple[object, ...]], known: _Answers
) -> tuple[list[tuple[object, ...]], npt.NDArray[np.intp]]:
    """``answer(first_row)`` once per distinct key, and the row → answer map (hashing, O(n)).

    ``known`` holds the answers of keys met before (this call or an earlier one).
    """
    inverse, uniques = pd.factorize(keys)
    # factorize numbers the keys in order of first appearance: a key's first row is where
    # the running maximum of the codes first reaches it
    running = np.maximum.accumulate(inverse) if inverse.size else inverse
    first = np.flatnonzero(np.diff(running, prepend=-1) > 0)
    if len(known) + len(uniques) > _MAX_ANSWERS:
        known.clear()
    answers = []
    for key, row in zip(uniques.tolist(), first.tolist(), strict=True):
        found = known.get(key)
        if found is None:
            found = known[key] = answer(row)
        answers.append(found)
    return answers, inverse


class _Labels:
    """Strings interned as small codes, for categorical columns (findings, bases)."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._codes: dict[str, int] = {}

    def code(self, value: str) -> int:
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.values)
            self.values.append(value)
        return code

    def codes(self, values: list[object]) -> npt.NDArray[np.int64]:
        return np.array([self.code(str(v)) for v in values], dtype=np.int64)

    def column(self, codes: npt.NDArray[np.int64]) -> pd.Categorical:
        return pd.Categorical.from_codes(codes, categories=pd.Index(self.values, dtype=object))


def _spread(
    answers: list[tuple[object, ...]], inverse: npt.NDArray[np.intp], position: int, kind: str
) -> pd.api.extensions.ExtensionArray:
    """Column ``position`` of the answers, one value per row (nullable ``Int64`` or ``boolean``)."""
    values = [a[position] for a in answers]
    mask = np.array([v is None for v in values], dtype=np.bool_)
    if kind == "boolean":
        flags = np.array([bool(v) for v in values], dtype=np.bool_)
        return pd.arrays.BooleanArray(flags[inverse], mask[inverse])
    numbers = np.array([0 if v is None else v for v in values], dtype=np.int64)
    return pd.arrays.IntegerArray(numbers[inverse], mask[inverse])


REQUIRED_COLUMNS: Final = ("previous", "current", "measured_kwh")
"""Columns :func:`readings` needs."""

OPTIONAL_COLUMNS: Final = ("group", "kind", "supply", "low_income")
"""Columns :func:`readings` reads when present (else group B, regular, no availability charge)."""


def readings(frame: object, *, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """See :func:`aneel_rules.frames.readings`."""
    if not isinstance(frame, pd.DataFrame | Mapping):
        raise invalid(
            "frame",
            "not_a_frame",
            "{path} must be a pandas DataFrame or a mapping of columns, got {value}",
            path="frame",
            value=type(frame).__name__,
        )
    names = _names(frame, columns)
    data = {ours: _column(frame, theirs) for ours, theirs in names.items()}
    size = len(data["previous"])
    for ours, values in data.items():
        if len(values) != size:
            raise invalid(
                names[ours],
                "length_mismatch",
                "{path} has {value} values for {count} rows",
                path=names[ours],
                value=str(len(values)),
                count=str(size),
            )
    first_days = _dates(data["previous"], names["previous"])
    last_days = _dates(data["current"], names["current"])
    measured = _numbers(data["measured_kwh"], names["measured_kwh"])
    kinds, kind_members = _enum_codes(data.get("kind"), ReadingKind, ReadingKind.REGULAR, size)
    groups, group_members = _enum_codes(data.get("group"), Group, Group.B, size)
    energy = _energy_class(measured)
    keys = (
        ((_day_key(first_days) * 4_000_003 + _day_key(last_days)) * 8 + (kinds + 1)) * 4
        + (groups + 1)
    ) * 4 + energy

    def answer(row: int) -> tuple[object, ...]:
        return _interval_row(
            int(first_days[row]),
            int(last_days[row]),
            kind_members[kinds[row]] if kinds[row] >= 0 else None,
            group_members[groups[row]] if groups[row] >= 0 else None,
            measured[row].item(),
        )

    answers, inverse = _per_combination(keys, answer, _INTERVAL_ANSWERS)
    factor = np.array([a[8] for a in answers], dtype=np.float64)[inverse]
    findings, bases = _Labels(), _Labels()
    finding = findings.codes([a[6] for a in answers])[inverse]
    basis = bases.codes([a[7] for a in answers])[inverse]
    reasons = _Labels()
    reason = reasons.codes([a[9] for a in answers])[inverse]
    empty = np.zeros(size, dtype=np.bool_)
    kwh = pd.arrays.IntegerArray(np.zeros(size, dtype=np.int64), ~empty)
    availability_basis = np.full(size, bases.code(""), dtype=np.int64)
    if "supply" in data:
        clean = np.isin(finding, [findings.code(c) for c in (OK, SHORT, LONG)])
        kwh, error, availability_basis, availability_reason = _availability(
            data["supply"],
            data.get("low_income"),
            last_days,
            measured,
            groups == group_members.index(Group.B),
            (findings, bases, reasons),
        )
        # a row whose interval rules answered takes the availability error as its finding
        failed = clean & (error >= 0)
        finding = np.where(failed, error, finding)
        reason = np.where(failed, availability_reason, reason)
    result = {
        "days": _spread(answers, inverse, 0, "Int64"),
        "minimum_days": _spread(answers, inverse, 1, "Int64"),
        "maximum_days": _spread(answers, inverse, 2, "Int64"),
        "interval_ok": _spread(answers, inverse, 3, "boolean"),
        "billable_kwh": measured * factor,
        "prorated": _spread(answers, inverse, 4, "boolean"),
        "availability_applies": _spread(answers, inverse, 5, "boolean"),
        "availability_kwh": kwh,
        "finding": findings.column(finding),
        "basis": bases.column(basis),
        "availability_basis": bases.column(availability_basis),
        "reason": reasons.column(reason),
    }
    index = data["previous"].index if isinstance(data["previous"], pd.Series) else None
    return pd.DataFrame(result, index=index)


def _names(frame: object, columns: Mapping[str, str] | None) -> dict[str, str]:
    """Our column name → the frame's, for the required columns and the optional ones present."""
    mapping = dict(columns or {})
    unknown = sorted(set(mapping) - {*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS})
    if unknown:
        raise invalid(
            "columns",
            "unknown_column_role",
            "{path} maps unknown columns {value} (known: {known})",
            path="columns",
            value=", ".join(unknown),
            known=", ".join((*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)),
        )
    names = {ours: mapping.get(ours, ours) for ours in REQUIRED_COLUMNS}
    for ours in OPTIONAL_COLUMNS:
        theirs = mapping.get(ours, ours)
        if ours in mapping or theirs in frame:  # type: ignore[operator]
            names[ours] = theirs
    return names


def _day_key(days: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Days as small non-negative integers for combination keys (0 = missing)."""
    return np.where(days == _MISSING, 0, days - _FIRST_DAY + 1)


def _column(frame: object, name: str) -> pd.Series | npt.NDArray[np.generic]:
    try:
        values = frame[name]  # type: ignore[index]
    except KeyError:
        raise invalid(
            name,
            "missing_column",
            "the frame has no column {value}",
            value=repr(name),
        ) from None
    if isinstance(values, pd.Series):
        return values
    return np.asarray(values)


_NAN: Final = np.nan
_NO_INTERVAL: Final = (None, None, None, None, None, None)


def _interval_row(
    first: int, last: int, kind: object, group: object, measured: float
) -> tuple[object, ...]:
    """One combination: the scalar answers (or the error code), and the proration factor."""
    if _MISSING in (first, last):
        return (*_NO_INTERVAL, "not_a_date", "", _NAN, "")
    previous = _EPOCH + timedelta(days=first)
    current = _EPOCH + timedelta(days=last)
    try:
        check: ReadingIntervalCheck = check_reading_interval(
            previous,
            current,
            kind=kind,  # type: ignore[arg-type]
            group=group,  # type: ignore[arg-type]
        )
    except AneelRulesError as error:
        return (*_NO_INTERVAL, error_code(error), _basis_of(error), _NAN, reason_of(error))
    head = (check.days, check.minimum, check.maximum, check.ok)
    energy = _decimal(measured)
    try:
        billable: BillableConsumption = billable_consumption(
            energy,
            previous,
            current,
            kind=check.kind,
            group=check.group,
        )
    except AneelRulesError as error:
        return (*head, None, None, error_code(error), _basis_of(error), _NAN, reason_of(error))
    finding = OK if check.ok else SHORT if check.days < check.minimum else LONG
    # art. 285, II / art. 286, II: measured × maximum / days when prorated (else measured)
    factor = check.maximum / check.days if billable.prorated else 1.0
    return (
        *head,
        billable.prorated,
        billable.availability_charge_applies,
        finding,
        _basis_text(billable.basis),
        factor,
        "",
    )


def _decimal(measured: float) -> Decimal:
    """The row's energy as the scalar rules take it (shortest repr, as ``allow_float``)."""
    return Decimal(repr(measured))


def _basis_of(error: AneelRulesError) -> str:
    return _basis_text(error.basis)  # every library error carries a tuple (maybe empty)


def _availability(  # noqa: PLR0917 (private helper: the columns it combines)
    supplies_column: pd.Series | npt.NDArray[np.generic],
    low_column: pd.Series | npt.NDArray[np.generic] | None,
    last_days: npt.NDArray[np.int64],
    measured: npt.NDArray[np.float64],
    group_b: npt.NDArray[np.bool_],
    labels: tuple[_Labels, _Labels, _Labels],
) -> tuple[
    pd.arrays.IntegerArray, npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]
]:
    """Availability charge of the group B rows (art. 291) once per distinct combination.

    Returns the kWh, the finding code of the error raised (``-1``: none), the basis code and
    the reason code.
    """
    findings, bases, reasons = labels
    size = len(last_days)
    supplies, members = _enum_codes(supplies_column, SupplyType, SupplyType.SINGLE_PHASE, size)
    low = _flags(low_column, "low_income", size)
    # art. 291, III: the answer depends on the energy only through "≤ 80 kWh" (each value of
    # the timeline is a threshold, so a later one is honoured too)
    thresholds = sorted({int(p.value or 0) for p in THREE_PHASE_LOW_INCOME_AVAILABILITY.periods})
    side = np.zeros(size, dtype=np.int64)
    for bit, limit in enumerate(thresholds):
        side |= (measured <= limit).astype(np.int64) << bit
    keys = (
        (((_day_key(last_days) * 8 + (supplies + 1)) * 3 + low) << len(thresholds)) | side
    ) * 4 + _energy_class(measured)
    rows = np.flatnonzero(group_b & (last_days != _MISSING))

    def answer(position: int) -> tuple[object, ...]:
        row = int(rows[position])
        try:
            charge = availability_charge(
                members[supplies[row]] if supplies[row] >= 0 else None,  # type: ignore[arg-type]
                on=_EPOCH + timedelta(days=int(last_days[row])),
                low_income=None if low[row] == _NO_FLAG else bool(low[row]),  # type: ignore[arg-type]
                measured_kwh=_decimal(measured[row].item()),
            )
        except AneelRulesError as error:
            return (None, error_code(error), _basis_of(error), reason_of(error))
        return (charge.kwh, None, _basis_text(charge.basis), "")

    kwh = np.zeros(size, dtype=np.int64)
    missing = np.ones(size, dtype=np.bool_)
    error = np.full(size, -1, dtype=np.int64)
    basis = np.full(size, bases.code(""), dtype=np.int64)
    reason = np.full(size, reasons.code(""), dtype=np.int64)
    if rows.size:
        answers, inverse = _per_combination(keys[rows], answer, _AVAILABILITY_ANSWERS)
        charge = _spread(answers, inverse, 0, "Int64")
        kwh[rows] = charge.to_numpy(dtype=np.int64, na_value=0)
        missing[rows] = charge.isna()
        codes = [-1 if a[1] is None else findings.code(str(a[1])) for a in answers]
        error[rows] = np.array(codes, dtype=np.int64)[inverse]
        basis[rows] = bases.codes([a[2] for a in answers])[inverse]
        reason[rows] = reasons.codes([a[3] for a in answers])[inverse]
    return pd.arrays.IntegerArray(kwh, missing), error, basis, reason
