"""Incorrect billing (REN 1.000 arts. 321, 323, 324, 668; REN 414 arts. 113–114), duplicates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from aneel_rules import (
    InvalidInputError,
    RegulatoryGapError,
    UnsupportedCaseError,
    ren414,
    ren1000,
)
from aneel_rules.billing_cycle import (
    OVERBILLING_WINDOW,
    BillingError,
    Cause,
    Direction,
    MonetaryIndex,
    duplicate_payment_refund,
    settle_incorrect_billing,
)
from aneel_rules.legal import AmendmentKind, Norm

from .test_billing_cycle_money import IPCA

U, OV = Direction.UNDER, Direction.OVER


def months(first: date, count: int, amount: str = "10.00") -> list[BillingError]:
    """``count`` consecutive monthly errors starting at ``first``'s month."""
    out = []
    year, month = first.year, first.month
    for _ in range(count):
        out.append(BillingError(date(year, month, 15), Decimal(amount)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# ---------------------------------------------------------------- under-billing, distributor
def test_underbilling_last_three_cycles_before_current() -> None:
    errors = months(date(2025, 1, 1), 8)  # Jan..Aug 2025
    s = settle_incorrect_billing(
        errors, direction=U, cause=Cause.DISTRIBUTOR, found_on=date(2025, 8, 5)
    )
    assert s.cycles == (date(2025, 5, 1), date(2025, 6, 1), date(2025, 7, 1))
    assert s.principal == s.amount_due == Decimal("30.00")
    assert s.window_cycles == 3
    # art. 323, § 1º: twice the period in which the error occurred (7 cycles before August)
    assert s.installments == 14
    assert s.refund_by is None
    assert s.basis[:2] == (ren1000(323, item="I"), ren1000(323, paragraph=1))
    assert s.update_index is MonetaryIndex.IPCA
    assert s.late_interest is False
    assert [e.cycle.month for e in s.excluded] == [1, 2, 3, 4, 8]


def test_underbilling_ren414_installments_count_the_period_apurado() -> None:
    errors = months(date(2021, 1, 1), 8)
    s = settle_incorrect_billing(
        errors, direction=U, cause=Cause.DISTRIBUTOR, found_on=date(2021, 8, 5)
    )
    assert s.norm is Norm.REN_414_2010
    assert s.installments == 6
    assert s.basis[:2] == (ren414(113, item="I"), ren414(113, paragraph=1))
    assert s.update_index is None


@pytest.mark.parametrize(
    ("found_on", "norm", "window_basis"),
    [
        pytest.param(
            date(2022, 1, 2), Norm.REN_414_2010, ren414(113, item="I"), id="REN414-art113-I"
        ),
        pytest.param(
            date(2022, 1, 3), Norm.REN_1000_2021, ren1000(323, item="I"), id="REN1000-art323-I"
        ),
    ],
)
def test_underbilling_transition(found_on: date, norm: Norm, window_basis: object) -> None:
    s = settle_incorrect_billing(
        months(date(2021, 6, 1), 7), direction=U, cause=Cause.DISTRIBUTOR, found_on=found_on
    )
    assert (s.norm, s.basis[0]) == (norm, window_basis)
    assert s.cycles == (date(2021, 10, 1), date(2021, 11, 1), date(2021, 12, 1))


# ---------------------------------------------------------------- over-billing, distributor
@pytest.mark.parametrize(
    ("found_on", "window", "basis"),
    [
        pytest.param(
            date(2019, 1, 3), 36, ren414(113, item="II"), id="REN414-art113-II-day-before-DSP18"
        ),
        pytest.param(date(2022, 1, 3), 60, ren1000(323, item="II"), id="REN1000-art323-II-60"),
        pytest.param(
            date(2024, 7, 7), 60, ren1000(323, item="II"), id="REN1000-art323-II-day-before-DSP"
        ),
    ],
)
def test_overbilling_window_by_date(found_on: date, window: int, basis: object) -> None:
    errors = months(date(found_on.year - 8, found_on.month, 1), 97)  # 8 years up to found_on
    s = settle_incorrect_billing(errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on)
    assert s.window_needed is True
    assert s.window_cycles == window
    assert len(s.cycles) == window
    assert s.cycles[-1] == found_on.replace(day=1)
    assert s.basis[0] == basis
    assert s.refund_by is not None
    assert s.refund_by.month == (found_on.month + 1) % 12 + 1


SUSPENDED = ren1000(
    323, item="II", amended_by=Norm.DSP_2006_2024, amendment_kind=AmendmentKind.SUSPENDED
)


@pytest.mark.parametrize("cause", [Cause.DISTRIBUTOR, Cause.THIRD_PARTY, Cause.EMERGENCY])
@pytest.mark.parametrize(
    ("oldest", "answered"),
    [
        # found 2025-07-08: the 36 cycles up to it are Aug 2022 .. Jul 2025
        pytest.param(date(2022, 8, 1), True, id="REN1000-art323-II-suspended-36th-cycle"),
        pytest.param(date(2022, 7, 31), False, id="REN1000-art323-II-suspended-37th-cycle"),
    ],
)
def test_suspended_window_needed_only_beyond_36_cycles(
    cause: Cause, oldest: date, answered: bool
) -> None:
    errors = [BillingError(oldest, Decimal("10.00")), *months(date(2025, 5, 1), 3)]
    found_on = date(2025, 7, 8)
    if not answered:
        with pytest.raises(RegulatoryGapError) as info:
            settle_incorrect_billing(errors, direction=OV, cause=cause, found_on=found_on)
        assert info.value.basis == (SUSPENDED,)
        assert "2022-07" in str(info.value)
        return
    s = settle_incorrect_billing(errors, direction=OV, cause=cause, found_on=found_on)
    assert (s.window_needed, s.window_cycles, s.window_from_caller) == (False, None, False)
    assert s.basis[:2] == (SUSPENDED, ren414(113, item="II"))
    assert s.principal == Decimal("40.00")
    # every plausible window (36, the suspended 60, ten years) gives the same refund
    for window in (36, 60, 120):
        chosen = settle_incorrect_billing(
            errors, direction=OV, cause=cause, found_on=found_on, window_cycles=window
        )
        assert (chosen.lines, chosen.amount_due, chosen.refund_by) == (
            s.lines,
            s.amount_due,
            s.refund_by,
        )
    # the doubling and the deadline are those of art. 323 (§ 2º I; § 3º II; art. 321 III)
    expected_due = Decimal("80.00") if cause is Cause.DISTRIBUTOR else Decimal("40.00")
    assert s.amount_due == expected_due
    assert s.refund_by == (date(2025, 8, 1) if cause is Cause.EMERGENCY else date(2025, 9, 1))


@pytest.mark.parametrize(
    ("found_on", "window"),
    [
        pytest.param(date(2024, 7, 7), 60, id="REN1000-art323-II-day-before-DSP"),
        pytest.param(date(2024, 7, 8), None, id="REN1000-art323-II-DSP-day"),
        pytest.param(date(2019, 1, 3), 36, id="REN414-art113-II-day-before-DSP18"),
        pytest.param(date(2019, 1, 4), None, id="REN414-art113-II-DSP18-day"),
        pytest.param(date(2019, 1, 5), None, id="REN414-art113-II-DSP18-day-after"),
        pytest.param(date(2022, 1, 2), None, id="REN414-art113-II-suspended-last-day"),
        pytest.param(date(2022, 1, 3), 60, id="REN1000-art323-II-first-day"),
    ],
)
def test_window_needed_only_while_suspended(found_on: date, window: int | None) -> None:
    errors = months(date(found_on.year, 1, 1), 1)
    s = settle_incorrect_billing(errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on)
    assert s.window_needed is (window is not None)
    assert s.window_cycles == window


SUSPENDED_414 = ren414(
    113, item="II", amended_by=Norm.DSP_18_2019, amendment_kind=AmendmentKind.SUSPENDED
)


@pytest.mark.parametrize(
    ("oldest", "answered"),
    [
        # found 2020-06-15: the 36 cycles up to it are Jul 2017 .. Jun 2020
        pytest.param(date(2017, 7, 1), True, id="REN414-art113-II-suspended-36th-cycle"),
        pytest.param(date(2017, 6, 30), False, id="REN414-art113-II-suspended-37th-cycle"),
    ],
)
def test_ren414_suspended_window_dsp18(oldest: date, answered: bool) -> None:
    """Despacho ANEEL 18/2019 suspended REN 414/2010, art. 113, II (36 cycles) from 2019-01-04.

    Within the 36 cycles up to the constatação every reading (the suspended 36 cycles, the ten
    years applied under the despacho) refunds the same: answered, with art. 113, § 2º's double
    refund, IGP-M and 1 % a month (REN 479/2012 wording) and the 2nd-cycle deadline of inciso II.
    """
    errors = [BillingError(oldest, Decimal("10.00")), *months(date(2020, 4, 1), 3)]
    found_on = date(2020, 6, 15)
    if not answered:
        with pytest.raises(RegulatoryGapError) as info:
            settle_incorrect_billing(
                errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on
            )
        error = info.value
        assert error.code == "window_suspended_ren414"
        assert error.basis == (SUSPENDED_414,)
        assert str(error.basis[0]).endswith("(suspenso pelo Despacho ANEEL 18/2019)")
        for text in (error.message_in("en"), error.message_in("pt_BR")):
            assert "2017-06" in text
            assert "2019-01-04" in text
            assert "18/2019" in text
        # the caller's window decides: 120 cycles (ten years) includes the old cycle, 36 not
        ten_years = settle_incorrect_billing(
            errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on, window_cycles=120
        )
        assert ten_years.principal == Decimal("40.00")
        assert ten_years.basis[0] == SUSPENDED_414
        three_years = settle_incorrect_billing(
            errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on, window_cycles=36
        )
        assert three_years.principal == Decimal("30.00")
        return
    s = settle_incorrect_billing(errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on)
    assert (s.window_needed, s.window_cycles, s.norm) == (False, None, Norm.REN_414_2010)
    assert s.basis[:2] == (SUSPENDED_414, ren414(113, item="II"))
    assert s.principal == Decimal("40.00")
    assert s.amount_due == Decimal("80.00")  # art. 113, § 2º: "em valor igual ao dobro"
    assert s.update_index is MonetaryIndex.IGPM
    assert s.refund_by == date(2020, 8, 1)  # "até o segundo ciclo de faturamento posterior"
    for window in (36, 120):
        chosen = settle_incorrect_billing(
            errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on, window_cycles=window
        )
        assert (chosen.lines, chosen.amount_due, chosen.refund_by) == (
            s.lines,
            s.amount_due,
            s.refund_by,
        )


def test_overbilling_suspended_window_requires_caller_choice() -> None:
    errors = months(date(2020, 1, 1), 55)  # Jan 2020 .. Jul 2024
    with pytest.raises(RegulatoryGapError) as info:
        settle_incorrect_billing(
            errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=date(2024, 7, 8)
        )
    assert info.value.basis == (SUSPENDED,)
    assert str(info.value.basis[0]).endswith("(suspenso pelo Despacho ANEEL 2.006/2024)")
    assert "2.006/2024" in str(info.value)
    s = settle_incorrect_billing(
        errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=date(2024, 7, 8), window_cycles=3
    )
    assert s.window_from_caller is True
    assert s.window_needed is True
    assert s.cycles == (date(2024, 5, 1), date(2024, 6, 1), date(2024, 7, 1))  # May–Jul 2024
    assert s.basis[0] == SUSPENDED
    assert OVERBILLING_WINDOW.period_on(date(2024, 7, 8)).value is None


@pytest.mark.parametrize("window", [None, 1, 36, 60, 120])
@pytest.mark.parametrize("direction", [U, OV])
@pytest.mark.parametrize("cause", list(Cause))
def test_error_after_found_on_is_bad_input_whatever_the_window(
    window: int | None, direction: Direction, cause: Cause
) -> None:
    errors = [*months(date(2010, 1, 1), 1), BillingError(date(2025, 8, 1), Decimal("1.00"))]
    for found_on in (date(2025, 7, 31), date(2011, 7, 31)):  # REN 1.000 and REN 414
        with pytest.raises(InvalidInputError) as info:
            settle_incorrect_billing(
                errors, direction=direction, cause=cause, found_on=found_on, window_cycles=window
            )
        assert info.value.codes == ("after_found_on",)
        assert info.value.errors[0].path == "errors.1"


def test_error_in_the_month_of_found_on_is_not_after_it() -> None:
    errors = [BillingError(date(2025, 7, 31), Decimal("1.00"))]
    s = settle_incorrect_billing(
        errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=date(2025, 7, 1)
    )
    assert s.cycles == (date(2025, 7, 1),)


def test_overbilling_doubled_with_ipca_and_interest() -> None:
    errors = [
        BillingError(date(2023, 3, 10), Decimal("120.35")),
        BillingError(date(2023, 4, 10), Decimal("0.01")),
    ]
    s = settle_incorrect_billing(
        errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=date(2023, 5, 20)
    )
    assert s.principal == Decimal("120.36")
    assert s.amount_due == Decimal("240.72")
    assert s.refund_by == date(2023, 7, 1)
    assert [line.multiplier for line in s.lines] == [2, 2]
    assert s.lines[0].basis == (ren1000(323, paragraph=2, item="I"),)
    assert s.update_index is MonetaryIndex.IPCA
    assert s.late_interest is True
    assert ren1000(323, paragraph=2, item="III") in s.basis
    assert s.installments is None


@pytest.mark.parametrize(
    ("issued", "justifiable", "multiplier", "first_ref"),
    [
        pytest.param(
            date(2022, 3, 30),
            False,
            2,
            ren1000(668, paragraph=1),
            id="REN1000-art668-p1-before-cutoff",
        ),
        pytest.param(
            date(2022, 3, 30),
            True,
            1,
            ren1000(668, paragraph=1),
            id="REN414-art113-p2-engano-justificavel",
        ),
        pytest.param(
            date(2022, 3, 31),
            True,
            2,
            ren1000(323, paragraph=2, item="I"),
            id="REN1000-art323-p2-I-on-cutoff",
        ),
        pytest.param(
            date(2021, 12, 20),
            True,
            1,
            ren1000(668, paragraph=1),  # found in 2023: art. 668, § 1º is why REN 414 applies
            id="REN1000-art668-p1-issued-under-REN414",
        ),
    ],
)
def test_art_668_double_refund_cutoff(
    issued: date, justifiable: bool, multiplier: int, first_ref: object
) -> None:
    s = settle_incorrect_billing(
        [BillingError(issued, Decimal("100.00"))],
        direction=OV,
        cause=Cause.DISTRIBUTOR,
        found_on=date(2023, 1, 10),
        justifiable_error=justifiable,
    )
    assert s.lines[0].multiplier == multiplier
    assert s.amount_due == Decimal("100.00") * multiplier
    assert s.lines[0].basis[0] == first_ref


def test_ren414_overbilling_uses_igpm() -> None:
    s = settle_incorrect_billing(
        months(date(2021, 1, 1), 3),
        direction=OV,
        cause=Cause.DISTRIBUTOR,
        found_on=date(2021, 6, 1),
    )
    assert s.update_index is MonetaryIndex.IGPM
    assert s.amount_due == Decimal("60.00")
    assert ren414(113, paragraph=2, amended_by=Norm.REN_479_2012) in s.basis


# ---------------------------------------------------------------- third party, consumer, emergency
def test_third_party_is_a_simple_refund() -> None:
    s = settle_incorrect_billing(
        months(date(2025, 1, 1), 3),
        direction=OV,
        cause=Cause.THIRD_PARTY,
        found_on=date(2025, 4, 1),
        window_cycles=60,
    )
    assert s.amount_due == s.principal == Decimal("30.00")
    assert s.lines[0].basis == (ren1000(323, paragraph=3, item="II"),)
    assert s.refund_by == date(2025, 6, 1)
    assert s.late_interest is True


@pytest.mark.parametrize(
    ("direction", "refund_by"),
    [
        pytest.param(OV, date(2025, 5, 1), id="REN1000-art324-I-next-cycle"),
        pytest.param(U, None, id="REN1000-art324-II"),
    ],
)
def test_consumer_fault_36_cycles(direction: Direction, refund_by: date | None) -> None:
    errors = months(date(2021, 1, 1), 52)  # Jan 2021 .. Apr 2025
    s = settle_incorrect_billing(
        errors, direction=direction, cause=Cause.CONSUMER, found_on=date(2025, 4, 10)
    )
    assert s.window_cycles == 36
    assert len(s.cycles) == 36
    assert s.amount_due == s.principal
    assert s.refund_by == refund_by
    assert s.basis[0] == ren1000(324, paragraph=2)
    assert s.installments is None
    assert s.late_interest is False
    assert s.update_index is MonetaryIndex.IPCA


def test_access_impediment_underbilling_three_cycles() -> None:
    errors = months(date(2025, 1, 1), 6)
    s = settle_incorrect_billing(
        errors, direction=U, cause=Cause.ACCESS_IMPEDIMENT, found_on=date(2025, 7, 1)
    )
    assert s.cycles == (date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1))
    assert s.basis[0] == ren1000(324, paragraph=2)
    assert s.installments is None


def test_emergency_has_no_three_cycle_limit_and_no_doubling() -> None:
    errors = months(date(2025, 1, 1), 6)
    under = settle_incorrect_billing(
        errors, direction=U, cause=Cause.EMERGENCY, found_on=date(2025, 7, 1)
    )
    assert len(under.cycles) == 6
    assert under.window_cycles is None
    assert under.installments == 12
    assert under.basis[0] == ren1000(321, item="III")
    over = settle_incorrect_billing(
        errors, direction=OV, cause=Cause.EMERGENCY, found_on=date(2025, 7, 1), window_cycles=60
    )
    assert over.amount_due == over.principal
    assert over.refund_by == date(2025, 8, 1)


@pytest.mark.parametrize("cause", [Cause.THIRD_PARTY, Cause.ACCESS_IMPEDIMENT, Cause.EMERGENCY])
def test_ren414_unverified_causes(cause: Cause) -> None:
    with pytest.raises(UnsupportedCaseError):
        settle_incorrect_billing(
            months(date(2021, 1, 1), 2), direction=U, cause=cause, found_on=date(2021, 6, 1)
        )


def test_ren414_consumer_fault() -> None:
    s = settle_incorrect_billing(
        months(date(2017, 1, 1), 60),
        direction=OV,
        cause=Cause.CONSUMER,
        found_on=date(2021, 12, 31),
    )
    assert (s.window_cycles, s.basis[0], s.update_index) == (36, ren414(114), None)


def test_settlement_bad_input() -> None:
    good = months(date(2025, 1, 1), 1)
    found = date(2025, 3, 1)
    with pytest.raises(InvalidInputError) as info:
        settle_incorrect_billing(
            [*good, *good], direction=U, cause=Cause.DISTRIBUTOR, found_on=found
        )
    assert info.value.codes == ("duplicate_cycle",)
    for bad in ("x", [1]):
        with pytest.raises(InvalidInputError):
            settle_incorrect_billing(bad, direction=U, cause=Cause.DISTRIBUTOR, found_on=found)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        settle_incorrect_billing(good, direction="a menor", cause=Cause.DISTRIBUTOR, found_on=found)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        settle_incorrect_billing(good, direction=U, cause="x", found_on=found)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        settle_incorrect_billing(
            good, direction=U, cause=Cause.DISTRIBUTOR, found_on=found, window_cycles=0
        )
    with pytest.raises(InvalidInputError):
        settle_incorrect_billing(
            good,
            direction=U,
            cause=Cause.DISTRIBUTOR,
            found_on=found,
            justifiable_error=None,  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidInputError):
        BillingError(date(2025, 1, 1), Decimal(0))
    with pytest.raises(InvalidInputError):
        BillingError(date(2025, 1, 1), 1.5)
    with pytest.raises(InvalidInputError):
        BillingError("2025-01-01", Decimal(1))


# ---------------------------------------------------------------- duplicate payment (art. 342)
FOUND = date(2024, 1, 25)
READINGS = [date(2024, 1, 10), date(2024, 2, 9), date(2024, 3, 11)]  # cycle of FOUND: 30 days


@pytest.mark.parametrize(
    ("refunded_on", "readings", "updated", "cycle_days"),
    [
        # without reading dates: certain only at most 15 days or beyond 47 (arts. 260–261)
        pytest.param(date(2024, 2, 9), None, False, None, id="REN1000-art342-15-days"),
        pytest.param(date(2024, 3, 12), None, True, None, id="REN1000-art342-p4-47-days"),
        pytest.param(date(2024, 3, 13), None, True, None, id="REN1000-art342-p4-48-days"),
        pytest.param(date(2024, 3, 23), None, True, None, id="REN1000-art342-p4-58-days"),
        # with the unit's reading dates: more days than its 30-day cycle
        pytest.param(date(2024, 2, 24), READINGS, False, 30, id="REN1000-art342-30-days"),
        pytest.param(date(2024, 2, 25), READINGS, True, 30, id="REN1000-art342-p4-31-days"),
    ],
)
def test_duplicate_payment(
    refunded_on: date, readings: list[date] | None, updated: bool, cycle_days: int | None
) -> None:
    if refunded_on == date(2024, 3, 12):  # exactly 47 days: not beyond the longest cycle
        with pytest.raises(InvalidInputError) as info:
            duplicate_payment_refund(
                Decimal("150.00"),
                paid_on=date(2024, 1, 5),
                found_on=FOUND,
                refunded_on=refunded_on,
                index=IPCA,
            )
        assert info.value.codes == ("reading_dates_required",)
        return
    r = duplicate_payment_refund(
        Decimal("150.00"),
        paid_on=date(2024, 1, 5),
        found_on=FOUND,
        refunded_on=refunded_on,
        index=IPCA,
        reading_dates=readings,
    )
    assert (r.updated, r.cycle_days) == (updated, cycle_days)
    assert r.days_elapsed == (refunded_on - FOUND).days
    assert r.credit_cycle == date(2024, 2, 1)
    assert r.principal == Decimal("150.00")
    # never doubled; IPCA Jan + Feb 2024 = 0.42 % and 0.83 % (IBGE), Jan only for February
    factor = Decimal("1.0042") * (Decimal("1.0083") if refunded_on.month == 3 else 1)
    assert r.amount == (Decimal("150.00") * factor if updated else Decimal("150.00"))
    assert (ren1000(342, paragraph=4) in r.basis) is updated
    assert (ren1000(260, paragraph=1) in r.basis) is (readings is None)


@pytest.mark.parametrize("days", [16, 30, 46, 47])
def test_duplicate_payment_asks_for_reading_dates_when_they_decide(days: int) -> None:
    for found in (FOUND, date(2021, 6, 1)):  # both regimes
        with pytest.raises(InvalidInputError) as info:
            duplicate_payment_refund(
                Decimal(1), paid_on=found, found_on=found, refunded_on=found + timedelta(days=days)
            )
        assert info.value.codes == ("reading_dates_required",)
        expected = ren1000(342, paragraph=4) if found.year == 2024 else ren414(112)
        assert info.value.errors[0].basis == expected


def test_duplicate_payment_month_boundary_is_not_a_cycle() -> None:
    """One day across a month boundary is not a billing cycle (the old month count said so)."""
    r = duplicate_payment_refund(
        Decimal(1),
        paid_on=date(2024, 1, 31),
        found_on=date(2024, 1, 31),
        refunded_on=date(2024, 3, 1),
        reading_dates=[date(2024, 1, 20), date(2024, 2, 20)],
    )
    assert (r.updated, r.cycle_days, r.days_elapsed) == (False, 31, 30)


def test_duplicate_payment_reading_dates_bad_input() -> None:
    def call(readings: object, index: object = None) -> None:
        duplicate_payment_refund(
            Decimal(1),
            paid_on=FOUND,
            found_on=FOUND,
            refunded_on=date(2024, 2, 10),
            reading_dates=readings,  # type: ignore[arg-type]
            index=index,  # type: ignore[arg-type]
        )

    for readings, code in (
        ("2024-01-10", "not_an_enum"),
        ([date(2024, 2, 1)], "readings_around"),
        ([date(2024, 1, 1)], "readings_around"),
        ([date(2024, 1, 1), "2024-02-01"], "not_a_date"),
        ([date(2024, 1, 1)] * 1001, "too_many_cycles"),
    ):
        with pytest.raises(InvalidInputError) as info:
            call(readings)
        assert info.value.codes == (code,)
    # a bad index is refused even where no update is due
    with pytest.raises(InvalidInputError) as info:
        call(READINGS, index={"2024-01": Decimal(1)})
    assert info.value.codes == ("not_a_date",)


def test_duplicate_payment_errors_and_ren414() -> None:
    with pytest.raises(InvalidInputError) as info:
        duplicate_payment_refund(
            Decimal(1),
            paid_on=date(2024, 1, 5),
            found_on=date(2024, 1, 25),
            refunded_on=date(2024, 4, 1),
        )
    assert info.value.codes == ("index_required",)
    with pytest.raises(InvalidInputError):
        duplicate_payment_refund(
            Decimal(1),
            paid_on=date(2024, 1, 5),
            found_on=date(2024, 1, 4),
            refunded_on=date(2024, 2, 1),
        )
    with pytest.raises(InvalidInputError):
        duplicate_payment_refund(
            Decimal(1),
            paid_on=date(2024, 1, 5),
            found_on=date(2024, 1, 6),
            refunded_on=date(2024, 1, 5),
        )
    r = duplicate_payment_refund(
        Decimal(1),
        paid_on=date(2021, 1, 5),
        found_on=date(2021, 1, 6),
        refunded_on=date(2021, 2, 5),
        reading_dates=[date(2021, 1, 4), date(2021, 2, 3)],
    )
    assert (r.norm, r.basis, r.updated) == (Norm.REN_414_2010, (ren414(112),), False)
    r = duplicate_payment_refund(
        Decimal(1),
        paid_on=date(2021, 1, 5),
        found_on=date(2021, 1, 6),
        refunded_on=date(2021, 1, 8),
    )
    assert r.basis == (ren414(112), ren414(84))
    with pytest.raises(UnsupportedCaseError):
        duplicate_payment_refund(
            Decimal(1),
            paid_on=date(2021, 1, 5),
            found_on=date(2021, 1, 6),
            refunded_on=date(2021, 3, 5),
        )
