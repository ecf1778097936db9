"""frames.dask on a two-process LocalCluster gives the findings pandas gives."""

# dask and distributed have no annotations
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import distributed
import pandas as pd
from dask import dataframe as dd

from aneel_rules import InvalidInputError, frames
from aneel_rules.frames import dask as frames_dask


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def _register(rows: int) -> pd.DataFrame:
    """Every interval from 10 to 50 days, group B and A, 2021 (REN 414) to 2026."""
    starts = [date(2021, 12, 1) + timedelta(days=17 * (i % 97)) for i in range(rows)]
    lengths = [10 + i % 41 for i in range(rows)]
    return pd.DataFrame(
        {
            "previous": starts,
            "current": [s + timedelta(days=n) for s, n in zip(starts, lengths, strict=True)],
            "measured_kwh": [float(i % 700) for i in range(rows)],
            "group": ["A" if i % 5 == 0 else "B" for i in range(rows)],
            "supply": ["monofásico", "trifásico", "bifásico a três condutores"] * (rows // 3)
            + ["monofásico"] * (rows % 3),
        }
    )


def _same(result: pd.DataFrame, expected: pd.DataFrame) -> None:
    # Dask keeps text as Arrow strings where pandas has object: the values must be equal
    pd.testing.assert_frame_equal(result, expected, check_dtype=False, check_categorical=False)


@pytest.mark.usefixtures("client")
def test_same_findings_as_pandas() -> None:
    frame = _register(3000)
    expected = frames.readings(frame)
    ddf = dd.from_pandas(frame, npartitions=6)
    result = frames_dask.audit_readings(ddf)
    assert list(result.columns) == list(frames.READING_COLUMNS)
    computed = result.compute()
    _same(computed, expected)
    counts = frames_dask.finding_counts(result)
    assert counts.to_dict() == expected.groupby(["finding", "basis"]).size().to_dict()
    # the register has each kind of finding
    assert {"ok", "short_interval", "long_interval"} <= set(expected["finding"])


@pytest.mark.usefixtures("client")
def test_mapped_columns() -> None:
    frame = _register(30).rename(columns={"previous": "anterior"})
    ddf = dd.from_pandas(frame, npartitions=2)
    lazy = frames_dask.audit_readings(ddf, columns={"previous": "anterior"})
    result = lazy.compute()
    expected = frames.readings(frame, columns={"previous": "anterior"})
    _same(result, expected)


def test_missing_column_before_any_work() -> None:
    ddf = dd.from_pandas(_register(10).drop(columns="current"), npartitions=2)
    with pytest.raises(InvalidInputError):
        frames_dask.audit_readings(ddf)
