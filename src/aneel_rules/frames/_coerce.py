"""Columns as read from files or Dask partitions, in the types :mod:`aneel_rules.frames` reads.

Private; needs pandas (imported at the top: import this module only where the ``frames`` extra
is required). Shared by ``aneel-rules audit`` (CSV text cells) and :mod:`aneel_rules.frames.dask`
(partitions whose text columns Dask turned into Arrow strings).

Nothing here decides a rule: a cell that cannot be converted becomes a missing value (NaT,
NaN) or stays as it is, and the rules report it as that row's finding.
"""

from __future__ import annotations

import enum
from typing import Final

import numpy as np
import pandas as pd

__all__ = (
    "dates",
    "first_bad_flag",
    "flags",
    "members",
    "named_members",
    "numbers",
    "numpy_datetimes",
)

_TRUE: Final = frozenset({"true", "1", "sim", "s", "yes", "y", "t"})
_FALSE: Final = frozenset({"false", "0", "não", "nao", "n", "no", "f", ""})
_ISO_DATE: Final = "%Y-%m-%d"


def numpy_datetimes(series: pd.Series) -> pd.Series:
    """An Arrow-backed date or timestamp column as numpy datetime64 (others as they are).

    Dates become ``datetime64[s]`` (every year 1–9999 fits), timestamps keep their unit, and
    a zone (``timestamp[us, tz=…]``) stays a tz-aware column; nulls become ``NaT``.
    """
    if not isinstance(series.dtype, pd.ArrowDtype) or series.dtype.kind != "M":
        return series
    import pyarrow as pa  # noqa: PLC0415 (an Arrow dtype: pyarrow is there)

    arrow_type = series.dtype.pyarrow_dtype
    if pa.types.is_date(arrow_type):
        return series.astype("datetime64[s]")
    if arrow_type.tz is None:
        return series.astype(np.dtype(f"datetime64[{arrow_type.unit}]"))
    return series.astype(pd.DatetimeTZDtype(arrow_type.unit, arrow_type.tz))


def dates(series: pd.Series) -> pd.Series:
    """Dates: datetime64 and ``date`` cells as they are; text parsed as ``YYYY-MM-DD``.

    Text that is not such a date (``2026-13-01``, ``05/01/2026``) becomes ``NaT``.
    """
    series = numpy_datetimes(series)
    if series.dtype.kind == "M" or not pd.api.types.is_string_dtype(series):
        return series
    return pd.to_datetime(series.str.strip(), format=_ISO_DATE, errors="coerce")


def numbers(series: pd.Series, decimal: str = ".") -> pd.Series:
    """Numbers as floats: numeric cells as they are, text read with ``decimal``.

    With ``decimal=","`` dots are thousands separators; a cell that is no number is NaN.
    """
    if series.dtype.kind in "iuf" and series.dtype != np.bool_:
        return series.astype("float64")
    text = series.astype(str).str.strip()
    if decimal == ",":
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(text, errors="coerce").astype("float64")


def members(series: pd.Series, cls: type[enum.Enum], default: enum.Enum | None) -> pd.Series:
    """Each cell as a member of ``cls``, by value or lower-case name.

    ``"trifásico"`` and ``"three_phase"`` are both the member; an empty cell is ``default``;
    anything else is kept as it is (the rules report it as the row's finding).
    """
    aliases: dict[str, enum.Enum] = {}
    for member in cls:
        aliases[str(member.value).lower()] = member
        aliases[member.name.lower()] = member
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    # a categorical column: the rules then factorize small integer codes, not enum members
    # (hashing a million members one by one in Python costs more than the rules themselves)
    distinct: list[object] = []
    positions: list[int] = []
    for value in uniques.tolist():
        text = "" if value is None or value is pd.NA else str(value).strip().lower()
        found: object = default if text in {"", "nan"} else aliases.get(text, value)
        if found is None:
            positions.append(-1)  # no default: a missing value
            continue
        if found not in distinct:
            distinct.append(found)
        positions.append(distinct.index(found))
    column = pd.Categorical.from_codes(
        np.array(positions, dtype=np.int64)[codes] if positions else codes,
        categories=pd.Index(distinct, dtype=object),
    )
    return pd.Series(column, index=series.index)


def named_members(series: pd.Series, cls: type[enum.Enum]) -> pd.Series:
    """Text ``"<Class>.<NAME>"`` back to the member; every other cell as it is.

    What Dask's string conversion (``dataframe.convert-string``) makes of a pandas column of
    members (``ReadingKind.REGULAR`` → ``"ReadingKind.REGULAR"``): undone, a partition is
    read as the pandas frame it came from.
    """
    if isinstance(series.dtype, pd.CategoricalDtype) or not pd.api.types.is_string_dtype(series):
        return series
    by_text = {str(member): member for member in cls}
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if not any(value in by_text for value in uniques.tolist()):
        return series
    mapped = np.array([by_text.get(v, v) for v in uniques.tolist()] + [None], dtype=object)
    return pd.Series(mapped[codes], index=series.index, dtype=object)


def _flag(value: object) -> bool | None:
    text = "" if value is None or value is pd.NA else str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def flags(series: pd.Series) -> pd.Series:
    """``true``/``false`` cells (also ``1``/``0``, ``sim``/``não``, ``yes``/``no``) as bools.

    An empty cell is False. Check :func:`first_bad_flag` first: any other text is False too.
    """
    if series.dtype == np.bool_:
        return series
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    mapped = np.array([bool(_flag(v)) for v in uniques.tolist()], dtype=np.bool_)
    return pd.Series(mapped[codes], index=series.index)


def first_bad_flag(series: pd.Series) -> int | None:
    """Position of the first cell :func:`flags` cannot read as true or false, if any."""
    if series.dtype == np.bool_:
        return None
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    bad = [i for i, value in enumerate(uniques.tolist()) if _flag(value) is None]
    if not bad:
        return None
    return int(np.flatnonzero(np.isin(codes, bad))[0])
