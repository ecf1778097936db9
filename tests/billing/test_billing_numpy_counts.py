"""Counts of cycles and days given as numpy integers are the ints they hold (``_convert``).

Expected values from REN 1.000/2021: art. 323, II (60 cycles, passed explicitly while the term
is suspended), art. 320, parágrafo único (more than 30 days without a meter: availability
charge), art. 504 (advance of up to 3 complete cycles), art. 318 (at most 3 cycles), art. 255
(a 12-cycle average needs 12 normal cycles, else art. 288, § 1º).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.billing_cycle import (
    AverageBillingCase,
    BillingError,
    Cause,
    Direction,
    average_consumption,
    bill_by_average,
    low_value_accumulation_allowed,
    meter_defect_criterion,
    settle_incorrect_billing,
    temporary_connection_advance,
)
from aneel_rules.legal import ren1000

np = pytest.importorskip("numpy")

ON = date(2026, 3, 10)


def test_window_cycles_numpy() -> None:
    settlement = settle_incorrect_billing(
        [BillingError(date(2026, 1, 15), Decimal("100.00"))],
        direction=Direction.OVER,
        cause=Cause.DISTRIBUTOR,
        found_on=ON,
        window_cycles=np.int64(60),
    )
    assert settlement.window_cycles == 60
    assert type(settlement.window_cycles) is int
    assert settlement.amount_due == Decimal("200.00")  # art. 323, § 2º, I: em dobro


def test_average_cycles_numpy() -> None:
    history = [Decimal(100), Decimal(200), Decimal(400)]
    assert average_consumption(history, cycles=np.int64(2)) == Decimal(300)


@pytest.mark.parametrize(("days", "availability"), [(30, False), (31, True)])
def test_days_without_meter_numpy(days: int, availability: bool) -> None:
    billing = bill_by_average(
        [Decimal(100)] * 12,
        case=AverageBillingCase.METER_REMOVED,
        on=ON,
        days_without_meter=np.int64(days),
    )
    assert billing.availability_charge_instead is availability


def test_consecutive_cycles_numpy() -> None:
    # art. 280: suspension allowed after the third consecutive cycle with impediment
    billing = bill_by_average(
        [Decimal(100)] * 12,
        case=AverageBillingCase.ACCESS_IMPEDIMENT,
        on=ON,
        consecutive_cycles=np.int16(3),
    )
    assert billing.may_suspend_supply


def test_temporary_and_low_value_cycles_numpy() -> None:
    advance = temporary_connection_advance(Decimal(100), on=ON, cycles=np.int64(3))
    assert advance.value == Decimal(300)
    assert low_value_accumulation_allowed(np.int64(3), on=ON).value is True
    assert low_value_accumulation_allowed(np.int64(4), on=ON).value is False


def test_meter_defect_history_numpy() -> None:
    criterion = meter_defect_criterion(
        on=ON, correction_factor_available=False, normal_history_cycles=np.int64(7)
    )
    assert criterion.basis[-1] == ren1000(288, paragraph=1)


@pytest.mark.parametrize("value", [np.bool_(True), np.float64(3.0)])
def test_numpy_non_integers_refused(value: object) -> None:
    with pytest.raises(InvalidInputError):
        average_consumption([Decimal(1)], cycles=value)  # type: ignore[arg-type]
