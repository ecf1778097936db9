"""Time ``frames.load_profile`` on 200 group A units × one year of 15-minute intervals.

Run with ``.venv/bin/python benchmarks/bench_profile.py`` (or ``make bench``): 7,008,000 rows
(unit, naive stamp, kWh, signed kvarh), seeded. Goal (issue 10): about 2 s here. The scalar
face, :func:`aneel_rules.invoice.measurements_from_profile`, runs on one unit-month in the same
run, to give a per-row ratio and to check that both give the same quantities there.
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable
from datetime import time

import numpy as np
import pandas as pd

from aneel_rules.frames import load_profile
from aneel_rules.invoice import CapacitiveWindow, measurements_from_profile
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality, TariffPost

UNITS = 200
YEAR = 2026
REPEAT = 3
WINDOW = CapacitiveWindow(time(0, 0))


def profile() -> pd.DataFrame:
    rng = np.random.default_rng(YEAR)
    stamps = pd.date_range(f"{YEAR}-01-01", f"{YEAR + 1}-01-01", freq="15min", inclusive="left")
    per_unit = len(stamps)
    return pd.DataFrame(
        {
            "unit": np.repeat(np.arange(UNITS), per_unit),
            "stamp": np.tile(stamps.to_numpy(), UNITS),
            "value": rng.gamma(2.0, 10.0, UNITS * per_unit).round(3),
            "reactive": rng.normal(4.0, 8.0, UNITS * per_unit).round(3),
        }
    )


def best_of(function: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        started = clock.perf_counter()
        function()
        best = min(best, clock.perf_counter() - started)
    return best


def main() -> None:
    frame = profile()
    blue = TariffModality.BLUE

    def columnar() -> pd.DataFrame:
        return load_profile(frame, AMAZONAS_ENERGIA, modality=blue, capacitive_window=WINDOW)

    elapsed = best_of(columnar)
    month = frame[(frame["unit"] == 0) & (frame["stamp"] < f"{YEAR}-02-01")]
    stamps = month["stamp"].dt.to_pydatetime().tolist()

    def scalar() -> object:
        return measurements_from_profile(
            stamps,
            month["value"].tolist(),
            AMAZONAS_ENERGIA,
            modality=blue,
            unit="kWh",
            reactive=month["reactive"].tolist(),
            capacitive_window=WINDOW,
        )

    one_month = best_of(scalar)
    m = measurements_from_profile(
        stamps,
        month["value"].tolist(),
        AMAZONAS_ENERGIA,
        modality=blue,
        unit="kWh",
        reactive=month["reactive"].tolist(),
        capacitive_window=WINDOW,
    )
    out = columnar()
    first = out[(out["unit"] == 0) & (out["month"] == f"{YEAR}-01-01")].set_index("post")
    peak, off = TariffPost.PEAK.value, TariffPost.OFF_PEAK.value
    same = (
        np.isclose(first["kwh"].to_dict()[peak], float(m.energy_kwh[TariffPost.PEAK]))
        and np.isclose(
            first["demand_kw"].to_dict()[off], float((m.demand_kw or {})[TariffPost.OFF_PEAK])
        )
        and np.isclose(first["reactive_excess_kwh"].sum(), float(m.reactive_excess_kwh or 0))
    )
    rows = len(frame)
    per_row_scalar = one_month / len(month)
    print(f"{rows:,} rows ({UNITS} units x {YEAR}, 15-minute intervals, kWh and kvarh)")
    print(f"frames.load_profile: {elapsed:8.2f} s ({elapsed / rows * 1e9:.0f} ns/row, goal ~2 s)")
    print(f"measurements_from_profile, one unit-month ({len(month):,} rows): {one_month:.3f} s")
    print(f"ratio scalar / columnar per row: {per_row_scalar * rows / elapsed:.1f}x")
    print(f"output rows: {len(out):,}; same answers on unit 0, January: {same}")


if __name__ == "__main__":
    main()
