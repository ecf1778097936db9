"""Time ``frames.readings`` on a register of 1 M group B readings against the scalar loop.

Run with ``.venv/bin/python benchmarks/bench_readings.py`` (or ``make bench``). The register is
seeded: current readings spread over March 2026, intervals of 20 to 40 days, three supply
types, 20 % low-income. The scalar loop (check_reading_interval, billable_consumption and
availability_charge per row, as an analyst would write it) runs on the first 20,000 rows;
the ratio compares time per row, measured in the same run, and the script checks that the
two agree on those rows.
"""

from __future__ import annotations

import time as clock
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pandas as pd

from aneel_rules.billing_cycle import (
    SupplyType,
    availability_charge,
    billable_consumption,
    check_reading_interval,
)
from aneel_rules.frames import readings

ROWS = 1_000_000
SCALAR_ROWS = 20_000
REPEAT = 3


def register(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(2026)
    current = np.datetime64("2026-03-01") + rng.integers(0, 31, rows)
    previous = current - rng.integers(20, 41, rows)
    supplies = [s.value for s in (SupplyType.SINGLE_PHASE, SupplyType.TWO_PHASE_THREE_WIRE)]
    return pd.DataFrame(
        {
            "previous": previous.astype("datetime64[s]"),
            "current": current.astype("datetime64[s]"),
            "measured_kwh": rng.integers(0, 600, rows).astype(np.float64),
            "supply": rng.choice([*supplies, SupplyType.THREE_PHASE.value], rows),
            "low_income": rng.random(rows) < 0.2,
        }
    )


def scalar(frame: pd.DataFrame) -> list[tuple[int, Decimal, int]]:
    out = []
    epoch = date(1970, 1, 1)
    for previous, current, kwh, supply, low in zip(
        frame["previous"].to_numpy().astype("datetime64[D]").astype(np.int64).tolist(),
        frame["current"].to_numpy().astype("datetime64[D]").astype(np.int64).tolist(),
        frame["measured_kwh"].tolist(),
        frame["supply"].tolist(),
        frame["low_income"].tolist(),
        strict=True,
    ):
        first, last = epoch + timedelta(days=previous), epoch + timedelta(days=current)
        measured = Decimal(repr(kwh))
        check = check_reading_interval(first, last)
        billable = billable_consumption(measured, first, last)
        charge = availability_charge(
            SupplyType(supply), on=last, low_income=low, measured_kwh=measured
        )
        out.append((check.days, billable.kwh, charge.kwh))
    return out


def best_of(function: object) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        started = clock.perf_counter()
        function()  # type: ignore[operator]
        best = min(best, clock.perf_counter() - started)
    return best


def main() -> None:
    frame = register(ROWS)
    sample = frame.iloc[:SCALAR_ROWS]
    columnar = best_of(lambda: readings(frame))
    loop = best_of(lambda: scalar(sample))
    out = readings(frame).iloc[:SCALAR_ROWS]
    expected = scalar(sample)
    same = all(
        days == d and abs(kwh - float(b)) < 1e-9 and charge == c
        for (d, b, c), days, kwh, charge in zip(
            expected,
            out["days"].tolist(),
            out["billable_kwh"].tolist(),
            out["availability_kwh"].tolist(),
            strict=True,
        )
    )
    per_row_loop = loop / SCALAR_ROWS
    print(f"{ROWS:,} readings (interval, billable consumption, availability charge)")
    print(f"frames.readings:        {columnar:8.2f} s  ({columnar / ROWS * 1e6:.2f} us/row)")
    print(f"scalar loop ({SCALAR_ROWS:,} rows): {loop:8.2f} s  ({per_row_loop * 1e6:.2f} us/row)")
    print(f"ratio scalar / columnar per row: {per_row_loop * ROWS / columnar:.1f}x")
    print(f"same answers on the {SCALAR_ROWS:,} rows: {same}")


if __name__ == "__main__":
    main()
