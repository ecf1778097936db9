"""The columnar rules on a Dask cluster (extra ``[dask]``: dask.dataframe and distributed).

Each helper applies a function of :mod:`aneel_rules.frames` to every partition with
``map_partitions`` and an explicit ``meta`` (the function's answer for the empty frame of the
input's columns and types, so Dask never guesses the output by running the function on made-up
rows). The rules are row by row, so a partition is answered exactly as pandas would answer the
same rows; a profile needs every interval of a unit in one partition, which
:func:`profile_summary` arranges by shuffling on the unit column first.

The recipe, for a function these helpers do not wrap::

    meta = frames.readings(ddf._meta)                 # the empty answer: columns and dtypes
    result = ddf.map_partitions(frames.readings, meta=meta)

dask is imported when a helper is called; without it the helpers raise
:class:`~aneel_rules.frames.MissingExtraError` naming the extra (``pip install
aneel-rules[dask]``). See ``docs/scale.md`` for sizes and throughput.

Examples:
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> result = audit_readings(dd.read_parquet("readings/"))  # doctest: +SKIP
    >>> finding_counts(result)  # doctest: +SKIP
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING

from aneel_rules._extras import needs

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ("audit_readings", "finding_counts")


def _readings_partition(frame: pd.DataFrame, columns: Mapping[str, str] | None) -> pd.DataFrame:
    """One partition as the pandas frame it came from, answered.

    Dask makes text of ``date`` objects and of enum members (``"ReadingKind.REGULAR"``):
    the dates are read back as dates and the members as members.
    """
    from aneel_rules import frames  # noqa: PLC0415
    from aneel_rules._billing.availability import SupplyType  # noqa: PLC0415
    from aneel_rules._billing.readings import ReadingKind  # noqa: PLC0415
    from aneel_rules._tariffs.units import Group  # noqa: PLC0415
    from aneel_rules.frames import _coerce  # noqa: PLC0415

    names = dict(columns or {})
    frame = frame.copy(deep=False)
    for role in ("previous", "current"):
        name = names.get(role, role)
        if name in frame.columns:
            frame[name] = _coerce.dates(frame[name])
    enums: tuple[tuple[str, type[enum.Enum]], ...] = (
        ("group", Group),
        ("kind", ReadingKind),
        ("supply", SupplyType),
    )
    for role, cls in enums:
        name = names.get(role, role)
        if name in frame.columns:
            frame[name] = _coerce.named_members(frame[name], cls)
    return frames.readings(frame, columns=columns)


def audit_readings(ddf: dd.DataFrame, *, columns: Mapping[str, str] | None = None) -> dd.DataFrame:
    """:func:`aneel_rules.frames.readings` over every partition of ``ddf`` (lazy).

    Reading dates may be datetime64, ``date`` objects, or ``YYYY-MM-DD`` text (what Dask makes
    of ``date`` objects and of CSV columns); any other text is a missing date for its row.

    Args:
        ddf: A Dask DataFrame with the columns :func:`~aneel_rules.frames.readings` reads.
        columns: Our column name → the frame's (as :func:`~aneel_rules.frames.readings`).

    Returns:
        A lazy Dask DataFrame with the index of ``ddf`` and the columns of
        :data:`aneel_rules.frames.READING_COLUMNS`.

    Raises:
        MissingExtraError: dask is not installed (extra ``dask``).
        InvalidInputError: as :func:`~aneel_rules.frames.readings`, found on the empty frame
            of ``ddf``'s columns before any work (a missing column, an unknown role).

    Legal basis:
        - As :func:`aneel_rules.frames.readings`.
    """
    with needs("dask", feature="aneel_rules.frames.dask"):
        import dask.dataframe  # noqa: F401, PLC0415 (lazy extra)
    # explicit meta: the answer for the empty frame of the input's columns and types
    meta = _readings_partition(ddf._meta, columns)  # noqa: SLF001 (dask's documented meta)
    # dask.dataframe has no annotations
    result: dd.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]
        _readings_partition, columns, meta=meta
    )
    return result


def finding_counts(result: dd.DataFrame) -> pd.Series:
    """Rows per ``(finding, basis)`` of an audit's result, computed (a small pandas Series).

    Raises:
        MissingExtraError: dask is not installed (extra ``dask``).
    """
    with needs("dask", feature="aneel_rules.frames.dask"):
        import dask.dataframe  # noqa: F401, PLC0415 (lazy extra)
    counts: pd.Series = result.groupby(["finding", "basis"]).size().compute()
    return counts.sort_index()
