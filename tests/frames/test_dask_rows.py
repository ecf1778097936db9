"""Which row a frames error names when the frame is a Dask partition (docs/frames.md).

A partition is a pandas frame with its own index: ``dd.from_pandas`` keeps the frame's
``RangeIndex`` (the label is the row of the whole frame), ``dd.read_csv`` numbers each
partition from 0 (the label is the row in its partition).
"""

# dask has no annotations
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe")

import dask
import pandas as pd
from dask import dataframe as dd

from aneel_rules import InvalidInputError, frames
from aneel_rules.invoice import CapacitiveWindow
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality

BLUE = TariffModality.BLUE
MIDNIGHT = CapacitiveWindow(time(0, 0))


def _profile(rows: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit": [f"UC-{i // 8}" for i in range(rows)],
            "stamp": pd.date_range("2026-03-09 18:00", periods=rows, freq="15min"),
            "value": 1.0,
        }
    )


def _answer(partition: pd.DataFrame) -> pd.DataFrame:
    return frames.load_profile(partition, AMAZONAS_ENERGIA, modality=BLUE)


def _compute(ddf: Any) -> None:
    meta = _answer(ddf._meta)
    with dask.config.set(scheduler="sync"):
        ddf.map_partitions(_answer, meta=meta).compute()


@pytest.mark.parametrize("row", [0, 16, 31], ids=["first", "second-partition", "last"])
def test_from_pandas_partitions_name_the_frames_label(row: int) -> None:
    frame = _profile(32)
    frame.loc[row, "value"] = -2.0
    ddf = dd.from_pandas(frame, npartitions=2, sort=False)
    assert ddf.npartitions == 2
    with pytest.raises(InvalidInputError) as caught:
        _compute(ddf)
    (error,) = caught.value.errors
    assert (error.code, error.path) == ("negative", f"value.{row}")
    assert error.message_in("en") == f"index label {row}: value must not be negative, got -2.0"
    assert error.message == f"rótulo do índice {row}: value não pode ser negativo; recebido -2.0"
    assert "UC-" not in error.message_in("en") + error.message


def test_read_csv_partitions_name_the_label_in_the_partition(tmp_path: Path) -> None:
    frame = _profile(400)
    frame.loc[300, "stamp"] = pd.Timestamp("2026-03-12 20:05")  # off the 15-minute grid
    path = tmp_path / "profile.csv"
    frame.to_csv(path, index=False)
    ddf = dd.read_csv(path, blocksize=2_000, parse_dates=["stamp"])
    assert ddf.npartitions > 1
    first = ddf.get_partition(0).compute()
    assert isinstance(first.index, pd.RangeIndex)
    # the partition holding row 300 of the file (its data row 301) numbers its rows from 0
    sizes = [len(ddf.get_partition(i).compute()) for i in range(ddf.npartitions)]
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    start = max(s for s in starts if s <= 300)
    assert start > 0
    with pytest.raises(InvalidInputError) as caught:
        _compute(ddf)
    (error,) = caught.value.errors
    assert error.code == "off_grid"
    assert error.path == f"stamp.{300 - start}"
    assert error.message_in("en").startswith(f"index label {300 - start}: stamp is not on")
