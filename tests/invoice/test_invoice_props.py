"""Properties of the invoice rules (bounded hypothesis runs)."""

# ruff: noqa: DTZ001 (naive datetimes are the schedule's local wall time)
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules._invoice.profile import _checked_starts, _starts
from aneel_rules.billing_cycle import SupplyType
from aneel_rules.errors import InvalidInputError
from aneel_rules.invoice import (
    BillOptions,
    CapacitiveWindow,
    FlagMonth,
    Measurements,
    TariffFlag,
    TariffRates,
    compute_bill,
    excess_kwh,
    measurements_from_profile,
    power_factor,
)
from aneel_rules.tariffs import (
    AMAZONAS_ENERGIA,
    ConsumerClass,
    ConsumerUnit,
    Subgroup,
    TariffModality,
    TariffPost,
)

D = Decimal
kwh = st.decimals(min_value=0, max_value=5000, places=2)
RATES = TariffRates(
    distributor="X",
    subgroup=Subgroup.B1,
    modality=TariffModality.CONVENTIONAL_MONOMIAL,
    te_mwh=D("310.21"),
    tusd_mwh=D("593.08"),
    valid_from=date(2022, 1, 1),
)
FLAGS = [
    FlagMonth(date(2025, 8, 1), TariffFlag.YELLOW, D("18.85")),
    FlagMonth(date(2025, 9, 1), TariffFlag.RED_1, D("44.63")),
]
PERIOD = (date(2025, 8, 14), date(2025, 9, 13))


@settings(max_examples=40)
@given(a=kwh, b=kwh, low_income=st.booleans())
def test_more_energy_never_lowers_the_bill(a: D, b: D, low_income: bool) -> None:
    unit = ConsumerUnit(
        connection_voltage_kv="0.22",
        consumer_class=ConsumerClass.RESIDENTIAL,
        low_income=low_income,
    )
    options = BillOptions(supply=SupplyType.TWO_PHASE_THREE_WIRE)
    small, large = sorted((a, b))
    bills = [
        compute_bill(
            unit, Measurements(energy_kwh=x), RATES, period=PERIOD, flags=FLAGS, options=options
        )
        for x in (small, large)
    ]
    assert bills[0].total <= bills[1].total
    assert all(bill.total >= 0 for bill in bills)


_values = st.lists(st.decimals(min_value=0, max_value=400, places=3), min_size=1, max_size=200)


@settings(max_examples=30)
@given(values=_values, start_quarter=st.integers(min_value=0, max_value=95))
def test_profile_label_end_is_label_start_shifted(values: list[D], start_quarter: int) -> None:
    first = datetime(2026, 3, 9) + timedelta(minutes=15 * start_quarter)
    starts = [first + timedelta(minutes=15 * i) for i in range(len(values))]
    ends = [s + timedelta(minutes=15) for s in starts]
    common = {"modality": TariffModality.BLUE, "unit": "kW"}
    by_start = measurements_from_profile(starts, values, AMAZONAS_ENERGIA, **common)  # type: ignore[arg-type]
    by_end = measurements_from_profile(ends, values, AMAZONAS_ENERGIA, label="end", **common)  # type: ignore[arg-type]
    assert by_start == by_end
    # kWh given = kW / 4: the same measurements
    as_kwh = measurements_from_profile(
        starts, [v / 4 for v in values], AMAZONAS_ENERGIA, modality=TariffModality.BLUE, unit="kWh"
    )
    assert dict(as_kwh.demand_kw) == dict(by_start.demand_kw)
    assert dict(as_kwh.energy_kwh) == dict(by_start.energy_kwh)
    assert by_start.total_kwh == sum(values) / 4
    assert max(by_start.demand_kw.values()) == max(values)


@settings(max_examples=60)
@given(
    p=st.decimals(min_value=0, max_value=1000, places=2),
    q=st.decimals(min_value=-1000, max_value=1000, places=2),
    capacitive=st.booleans(),
)
def test_excess_iff_power_factor_below_reference(p: D, q: D, capacitive: bool) -> None:
    excess = excess_kwh(p, q, capacitive_hour=capacitive)
    counted = (q < 0) if capacitive else (q > 0)
    assert excess >= 0
    if excess > 0:
        assert counted
        assert power_factor(p, q) < D("0.92")
    elif counted and p:
        assert power_factor(p, q) >= D("0.92") - D("1e-30")


@settings(max_examples=40)
@given(measured=st.decimals(min_value=0, max_value=300, places=3))
def test_ultrapassagem_only_above_five_percent(measured: D) -> None:
    rates = TariffRates(
        distributor="X",
        subgroup=Subgroup.A4,
        modality=TariffModality.GREEN,
        te_mwh={TariffPost.PEAK: D(0), TariffPost.OFF_PEAK: D(0)},
        tusd_mwh={TariffPost.PEAK: D(0), TariffPost.OFF_PEAK: D(0)},
        demand_kw=D(30),
        valid_from=date(2022, 1, 1),
    )
    unit = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.INDUSTRIAL)
    bill = compute_bill(
        unit,
        Measurements(energy_kwh={TariffPost.PEAK: 0, TariffPost.OFF_PEAK: 0}, demand_kw=measured),
        rates,
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand=D(100),
        flags=[FlagMonth(date(2026, 6, 1), TariffFlag.GREEN, D(0))],
    )
    overrun = bill.amount_of("demand_overrun")
    assert (overrun > 0) == (measured > 105)
    assert bill.amount_of("demand") == max(measured, D(100)) * 30
    if overrun:
        assert overrun == (measured - 100) * 2 * 30


def test_reactive_window_hours_are_six() -> None:
    for start in (time(23, 30), time(0, 0), time(0, 30)):
        window = CapacitiveWindow(start)
        assert sum(window.contains_minute(m) for m in range(24 * 60)) == 6 * 60


def _outcome(check: object, *args: object) -> object:
    try:
        return check(*args)  # type: ignore[operator]
    except InvalidInputError as error:
        return error.codes, str(error)


@settings(max_examples=60)
@given(
    steps=st.lists(st.sampled_from([-15, 0, 5, 15, 15, 15, 30, 45, 60, 1440]), max_size=12),
    first=st.integers(min_value=0, max_value=95 * 3).map(lambda q: q * 5),
    second=st.sampled_from([0, 0, 0, 30]),
    label=st.sampled_from(["start", "end"]),
)
def test_columnwise_stamp_checks_agree_with_stamp_by_stamp(
    steps: list[int], first: int, second: int, label: str
) -> None:
    """The column-wise fast path of the stamp checks answers as the stamp-by-stamp one."""
    stamps = [datetime(2026, 3, 9) + timedelta(minutes=first, seconds=second)]
    for step in steps:
        stamps.append(stamps[-1] + timedelta(minutes=step))
    shift = timedelta(minutes=15) if label == "end" else timedelta(0)
    fast = _outcome(_starts, stamps, AMAZONAS_ENERGIA, label)
    assert fast == _outcome(_checked_starts, stamps, AMAZONAS_ENERGIA, shift)
