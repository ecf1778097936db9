"""numpy and pandas scalars, as notebooks produce them: answers or the library's errors."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import attrs
import pytest

from aneel_rules import InvalidInputError, Timeline
from aneel_rules._convert import plain_date, to_bool, to_decimal, to_money, to_quantity
from aneel_rules.billing_cycle import billable_consumption
from aneel_rules.tariffs import (
    POST_SCHEDULES,
    ConsumerClass,
    ConsumerUnit,
    Subgroup,
    TariffModality,
    tariff_post,
)

np = pytest.importorskip("numpy")

START, END = date(2026, 1, 5), date(2026, 2, 4)


def test_issue_examples() -> None:
    # issue 7: np.float64 raised decimal.InvalidOperation, np.int64 was "not a finite number"
    unit = ConsumerUnit(
        connection_voltage_kv=np.float64(13.8),
        consumer_class=ConsumerClass.INDUSTRIAL,
        contracted_demand_kw=np.float64(310.5),
    )
    assert (unit.connection_voltage_kv, unit.contracted_demand_kw) == (
        Decimal("13.8"),
        Decimal("310.5"),
    )
    assert unit.subgroup is Subgroup.A4
    unit = attrs.evolve(unit, contracted_demand_kw=np.int64(310))
    assert unit.contracted_demand_kw == Decimal(310)
    # kWh take floats like kV do
    assert billable_consumption(np.float64(120.5), START, END).kwh == Decimal("120.5")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(np.float64(13.8), Decimal("13.8"), id="float64-shortest-repr"),
        pytest.param(np.float32(0.5), Decimal("0.5"), id="float32"),
        pytest.param(np.int64(310), Decimal(310), id="int64"),
        pytest.param(np.uint8(7), Decimal(7), id="uint8"),
    ],
)
def test_quantities(value: object, expected: Decimal) -> None:
    assert to_quantity(value, path="kwh") == expected


@pytest.mark.parametrize(
    "value", [np.float64("nan"), np.float64("inf"), np.bool_(True), np.array([1.0])]
)
def test_refused_quantities(value: object) -> None:
    with pytest.raises(InvalidInputError):
        to_quantity(value, path="kwh")


def test_money_refuses_numpy_floats_and_takes_numpy_ints() -> None:
    with pytest.raises(InvalidInputError) as info:
        to_money(np.float64(10.5), path="amount")
    assert info.value.codes == ("float_not_allowed",)
    assert to_decimal(np.int32(12), path="amount") == Decimal(12)


def test_numpy_bools_are_bools() -> None:
    assert to_bool(np.bool_(False), path="flag") is False
    with pytest.raises(InvalidInputError):
        to_bool(np.int64(1), path="flag")


def test_pandas_timestamps() -> None:
    pd = pytest.importorskip("pandas")
    at = pd.Timestamp("2026-03-09 19:30", tz="America/Manaus")
    schedule = POST_SCHEDULES["amazonas-energia"]
    same = datetime(2026, 3, 9, 19, 30, tzinfo=ZoneInfo("America/Manaus"))
    white = TariffModality.WHITE
    assert tariff_post(at, schedule, modality=white) == tariff_post(same, schedule, modality=white)
    with pytest.raises(InvalidInputError) as info:
        plain_date(at, path="on")
    assert ".date()" in info.value.errors[0].message_in("en")
    assert plain_date(at.date(), path="on") == date(2026, 3, 9)


def test_period_on_datetime_is_the_librarys_error() -> None:
    from aneel_rules.tariffs import PEAK_EXEMPT_HOLIDAYS  # noqa: PLC0415

    timeline: Timeline[object] = PEAK_EXEMPT_HOLIDAYS  # type: ignore[assignment]
    with pytest.raises(InvalidInputError):
        timeline.period_on(datetime(2026, 3, 9, 12, tzinfo=ZoneInfo("UTC")))
    with pytest.raises(InvalidInputError):
        timeline.period_on(np.datetime64("2026-03-09T10:00"))
    # a day-precision datetime64 holds a plain date
    assert timeline.period_on(np.datetime64("2026-03-09")) is timeline.period_on(date(2026, 3, 9))
