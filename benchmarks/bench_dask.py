"""Dask: frames.readings on 1 and 2 worker processes against pandas in one process (one run).

Generates a register of readings as a Parquet dataset (many files) in a temporary directory,
then audits it three ways, timing each after a warm-up:

- pandas, one process: ``frames.readings`` over the whole frame (the per-core baseline);
- Dask, ``LocalCluster(n_workers=1)`` and ``n_workers=2`` (one thread each, processes):
  ``frames.dask.audit_readings(dd.read_parquet(...))`` and the finding counts.

Prints rows per second and the ratios (2 workers / 1 worker; each against pandas). The findings
of the three must be equal. ``docs/scale.md`` cites these figures.

Run: ``.venv/bin/python benchmarks/bench_dask.py [rows]`` (default 2,000,000).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from dask import dataframe as dd
from distributed import Client, LocalCluster

from aneel_rules import frames
from aneel_rules.frames import dask as frames_dask

FILES = 4


def register(rows: int, seed: int = 7) -> pd.DataFrame:
    """Group B readings of 2026: intervals of 20 to 40 days, a few of each supply."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-01") + rng.integers(0, 300, rows).astype("timedelta64[D]")
    days = rng.integers(20, 41, rows).astype("timedelta64[D]")
    supplies = np.array(["monofásico", "bifásico a três condutores", "trifásico"], dtype=object)
    return pd.DataFrame(
        {
            "previous": start.astype("datetime64[ns]"),
            "current": (start + days).astype("datetime64[ns]"),
            "measured_kwh": rng.integers(0, 600, rows).astype("float64"),
            "supply": supplies[rng.integers(0, 3, rows)],
        }
    )


def counts_pandas(frame: pd.DataFrame) -> pd.Series:
    result = frames.readings(frame)
    return result.groupby(["finding", "basis"]).size().sort_index()


def timed(run: Callable[[], pd.Series], repeat: int = 2) -> tuple[float, pd.Series]:
    best = float("inf")
    value = pd.Series()
    for _ in range(repeat):
        started = time.perf_counter()
        value = run()
        best = min(best, time.perf_counter() - started)
    return best, value


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    frame = register(rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "readings"
        folder.mkdir()
        for index, part in enumerate(np.array_split(np.arange(rows), FILES)):
            frame.iloc[part].to_parquet(folder / f"part-{index:02d}.parquet", index=False)
        counts_pandas(frame.head(1000))  # warm-up (imports, holiday tables)
        pandas_s, expected = timed(lambda: counts_pandas(frame))
        print(f"rows: {rows:,}; pandas, 1 process: {pandas_s:.2f} s, {rows / pandas_s:,.0f} rows/s")
        results = {}
        for workers in (1, 2):
            with (
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                ) as cluster,
                Client(cluster),  # type: ignore[no-untyped-call]
            ):

                def run() -> pd.Series:
                    ddf = dd.read_parquet(str(folder))
                    return frames_dask.finding_counts(frames_dask.audit_readings(ddf))

                run()  # warm-up of the workers
                seconds, counts = timed(run)
            if counts.to_dict() != expected.to_dict():
                raise SystemExit("dask findings differ from pandas")
            results[workers] = seconds
            print(
                f"dask, {workers} worker(s): {seconds:.2f} s, {rows / seconds:,.0f} rows/s "
                f"({pandas_s / seconds:.2f}× pandas)"
            )
        print(f"ratio 2 workers / 1 worker (speed-up): {results[1] / results[2]:.2f}×")
        print(f"per core (pandas): {rows / pandas_s / 1e6:.2f} M rows/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
