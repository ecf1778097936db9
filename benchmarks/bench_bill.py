"""Time a month's group A azul bill from a 15-minute load profile, in pure Python.

Run with ``.venv/bin/python benchmarks/bench_bill.py``. The profile is a fixed, seeded month
of 2,976 intervals (31 days × 96) with active and reactive values; the script times
``measurements_from_profile`` + ``compute_bill`` and, as a baseline in the same run, a plain
loop that converts the same values to Decimal and sums them (the least any Decimal bill must
do). It prints the time per bill and the ratio to the baseline.
"""

from __future__ import annotations

import random
import timeit
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from aneel_rules.invoice import (
    BillOptions,
    CapacitiveWindow,
    FlagMonth,
    GrossUp,
    TariffFlag,
    TariffRates,
    TaxRates,
    compute_bill,
    measurements_from_profile,
)
from aneel_rules.tariffs import (
    AMAZONAS_ENERGIA,
    ConsumerClass,
    ConsumerUnit,
    Subgroup,
    TariffModality,
    TariffPost,
)

REPEAT = 7
NUMBER = 5
INTERVALS = 31 * 96


def _profile(rng: random.Random) -> tuple[list[datetime], list[str], list[str]]:
    start = datetime(2026, 3, 1)  # noqa: DTZ001 (the schedule's local wall time)
    stamps = [start + timedelta(minutes=15 * i) for i in range(INTERVALS)]
    active = [f"{rng.uniform(40, 160):.3f}" for _ in stamps]
    reactive = [f"{rng.uniform(-40, 80):.3f}" for _ in stamps]
    return stamps, active, reactive


RATES = TariffRates(
    distributor="EXEMPLO",
    subgroup=Subgroup.A4,
    modality=TariffModality.BLUE,
    te_mwh={TariffPost.PEAK: Decimal(450), TariffPost.OFF_PEAK: Decimal(280)},
    tusd_mwh={TariffPost.PEAK: Decimal(100), TariffPost.OFF_PEAK: Decimal(80)},
    demand_kw={TariffPost.PEAK: Decimal(60), TariffPost.OFF_PEAK: Decimal(30)},
    valid_from=date(2026, 1, 1),
)
UNIT = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.INDUSTRIAL)
OPTIONS = BillOptions(
    reactive_energy_rate=Decimal(300),
    reactive_demand_rate=Decimal(30),
    taxes=TaxRates(pis=Decimal("0.011"), cofins=Decimal("0.0502"), icms=Decimal("0.18")),
    gross_up=GrossUp.MULTIPLICATIVE,
)
FLAGS = [FlagMonth(date(2026, 3, 1), TariffFlag.YELLOW, Decimal("18.85"))]
WINDOW = CapacitiveWindow(time(0, 0))


def bill(stamps: list[datetime], active: list[str], reactive: list[str]) -> Decimal:
    measured = measurements_from_profile(
        stamps,
        active,
        AMAZONAS_ENERGIA,
        modality=TariffModality.BLUE,
        unit="kW",
        reactive=reactive,
        capacitive_window=WINDOW,
    )
    result = compute_bill(
        UNIT,
        measured,
        RATES,
        period=(date(2026, 2, 28), date(2026, 3, 31)),
        contracted_demand={TariffPost.PEAK: Decimal(150), TariffPost.OFF_PEAK: Decimal(150)},
        flags=FLAGS,
        options=OPTIONS,
    )
    return result.invoice_total


def baseline(active: list[str], reactive: list[str]) -> Decimal:
    total = Decimal(0)
    for a, r in zip(active, reactive, strict=True):
        total += Decimal(a) + Decimal(r)
    return total


def main() -> None:
    stamps, active, reactive = _profile(random.Random(20261201))
    print(f"invoice total of the sample month: R$ {bill(stamps, active, reactive)}")
    lib = min(timeit.repeat(lambda: bill(stamps, active, reactive), number=NUMBER, repeat=REPEAT))
    base = min(timeit.repeat(lambda: baseline(active, reactive), number=NUMBER, repeat=REPEAT))
    per_bill = lib / NUMBER
    per_base = base / NUMBER
    print(f"bill from {INTERVALS} stamps: {per_bill * 1e3:.2f} ms")
    print(f"baseline (Decimal sum of the same values): {per_base * 1e3:.2f} ms")
    print(f"ratio bill / baseline: {per_bill / per_base:.1f}x")


if __name__ == "__main__":
    main()
