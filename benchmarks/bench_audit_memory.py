"""``aneel-rules audit readings`` and ``audit profile``: memory flat from 1 M to 10 M rows.

Generates CSV files of 1 M and 10 M rows in a temporary directory (chunk by chunk, so the
generator itself stays small): a register of group B readings, and 15-minute load profiles of
whole years of group A units (kWh and kvarh). Runs each command on each file in a child process
with ``--quiet --output out.parquet``, and reports the child's peak resident memory
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``, measured in a fresh child for each size), the time
and the rows per second. Flat memory means a ratio RSS(10 M) / RSS(1 M) close to 1.

Run: ``.venv/bin/python benchmarks/bench_audit_memory.py [max_rows]`` (default 10,000,000).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

CHUNK = 1_000_000
CLI = [sys.executable, "-m", "aneel_rules"]
MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def write_register(path: Path, rows: int) -> None:
    """A CSV of group B readings: ISO dates, energy, supply and low-income flag."""
    rng = np.random.default_rng(11)
    supplies = np.array(["monofásico", "bifásico a três condutores", "trifásico"], dtype=object)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        while written < rows:
            size = min(CHUNK, rows - written)
            start = np.datetime64("2026-01-01") + rng.integers(0, 300, size).astype(
                "timedelta64[D]"
            )
            days = rng.integers(20, 41, size).astype("timedelta64[D]")
            pd.DataFrame(
                {
                    "unit": np.arange(written, written + size),
                    "previous": start.astype(str),
                    "current": (start + days).astype(str),
                    "kwh": rng.integers(0, 600, size),
                    "supply": supplies[rng.integers(0, 3, size)],
                    "low_income": rng.integers(0, 2, size).astype(bool),
                }
            ).to_csv(handle, header=written == 0, index=False, lineterminator="\n")
            written += size


def write_profiles(path: Path, rows: int) -> None:
    """A CSV of 15-minute intervals of 2026, unit after unit (sorted by unit and time)."""
    rng = np.random.default_rng(12)
    year = np.arange(
        np.datetime64("2026-01-01T00:00"),
        np.datetime64("2027-01-01T00:00"),
        np.timedelta64(15, "m"),
    )
    text = np.datetime_as_string(year, unit="m")
    written = 0
    unit = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        while written < rows:
            size = min(year.size, rows - written)
            pd.DataFrame(
                {
                    "unit": f"UC-{unit:06d}",
                    "stamp": text[:size],
                    "kwh": rng.integers(0, 400, size) / 4,
                    "kvarh": rng.integers(-100, 300, size) / 4,
                }
            ).to_csv(handle, header=written == 0, index=False, lineterminator="\n")
            written += size
            unit += 1


def peak_rss_mb(command: list[str], statuses: tuple[int, ...] = (1,)) -> tuple[float, float]:
    """Peak RSS (MB) of ``command`` run in a fresh child, and its wall time (s)."""
    started = time.perf_counter()
    out = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-c", MEASURE, *command], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    status, rss_kb = (int(field) for field in out.stdout.split())
    # 1: the file has findings (short and long intervals, reactive excess); 2 is a failure
    if status not in statuses:
        raise SystemExit(f"the audit failed with status {status}: {out.stderr.strip()}")
    return rss_kb / 1024, seconds


AUDITS = {
    "readings": (write_register, []),
    "profile": (write_profiles, ["--column", "kvarh=kvarh", "--capacitive-window", "00:00"]),
}


def main() -> int:
    most = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    sizes = [most // 10, most]
    with tempfile.TemporaryDirectory() as tmp:
        for audit, (write, options) in AUDITS.items():
            figures = {}
            for rows in sizes:
                source = Path(tmp) / f"{audit}-{rows}.csv"
                write(source, rows)
                output = Path(tmp) / f"out-{audit}-{rows}.parquet"
                command = [*CLI, "audit", audit, str(source), *options, "--quiet"]
                mb, seconds = peak_rss_mb([*command, "--output", str(output)], (0, 1))
                figures[rows] = mb
                size_mb = source.stat().st_size / 1e6
                print(
                    f"audit {audit}: {rows:>11,} rows ({size_mb:,.0f} MB CSV): peak RSS "
                    f"{mb:,.0f} MB, {seconds:.1f} s, {rows / seconds:,.0f} rows/s"
                )
                source.unlink()
                output.unlink()
            small, large = sizes
            ratio = figures[large] / figures[small]
            print(f"audit {audit}: peak RSS ratio {large:,} / {small:,} rows: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
