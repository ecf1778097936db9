"""Incorrect billing (REN 1.000 arts. 321, 323, 324, 668; REN 414 arts. 113–114), duplicates."""

from __future__ import annotations

from datetime import date
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
        pytest.param(date(2022, 1, 2), 36, ren414(113, item="II"), id="REN414-art113-II-36"),
        pytest.param(date(2022, 1, 3), 60, ren1000(323, item="II"), id="REN1000-art323-II-60"),
        pytest.param(
            date(2024, 7, 7), 60, ren1000(323, item="II"), id="REN1000-art323-II-day-before-DSP"
        ),
    ],
)
def test_overbilling_window_by_date(found_on: date, window: int, basis: object) -> None:
    errors = months(date(2016, 1, 1), 120)
    s = settle_incorrect_billing(errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=found_on)
    assert s.window_cycles == window
    assert len(s.cycles) == window
    assert s.cycles[-1] == found_on.replace(day=1)
    assert s.basis[0] == basis
    assert s.refund_by is not None
    assert s.refund_by.month == (found_on.month + 1) % 12 + 1


def test_overbilling_suspended_window_requires_caller_choice() -> None:
    errors = months(date(2024, 1, 1), 6)
    with pytest.raises(RegulatoryGapError) as info:
        settle_incorrect_billing(
            errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=date(2024, 7, 8)
        )
    assert info.value.basis == (
        ren1000(
            323, item="II", amended_by=Norm.DSP_2006_2024, amendment_kind=AmendmentKind.SUSPENDED
        ),
    )
    assert str(info.value.basis[0]).endswith("(suspenso pelo Despacho ANEEL 2.006/2024)")
    assert "2.006/2024" in str(info.value)
    s = settle_incorrect_billing(
        errors, direction=OV, cause=Cause.DISTRIBUTOR, found_on=date(2024, 7, 8), window_cycles=3
    )
    assert s.window_from_caller is True
    assert s.cycles == (date(2024, 5, 1), date(2024, 6, 1))  # window May–Jul 2024
    assert s.basis[0] == ren1000(
        323, item="II", amended_by=Norm.DSP_2006_2024, amendment_kind=AmendmentKind.SUSPENDED
    )
    assert OVERBILLING_WINDOW.period_on(date(2024, 7, 8)).value is None


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
@pytest.mark.parametrize(
    ("refunded_on", "updated"),
    [
        pytest.param(date(2024, 2, 29), False, id="REN1000-art342-one-cycle"),
        pytest.param(date(2024, 3, 1), True, id="REN1000-art342-p4-more-than-one-cycle"),
    ],
)
def test_duplicate_payment(refunded_on: date, updated: bool) -> None:
    r = duplicate_payment_refund(
        Decimal("150.00"),
        paid_on=date(2024, 1, 5),
        found_on=date(2024, 1, 25),
        refunded_on=refunded_on,
        index=IPCA,
    )
    assert r.updated is updated
    assert r.credit_cycle == date(2024, 2, 1)
    assert r.principal == Decimal("150.00")
    # never doubled; IPCA Jan + Feb 2024 = 0.42 % and 0.83 % (IBGE)
    assert r.amount == (
        Decimal("150.00") * Decimal("1.0042") * Decimal("1.0083") if updated else Decimal("150.00")
    )
    assert (ren1000(342, paragraph=4) in r.basis) is updated


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
    )
    assert (r.norm, r.basis, r.updated) == (Norm.REN_414_2010, (ren414(112),), False)
    with pytest.raises(UnsupportedCaseError):
        duplicate_payment_refund(
            Decimal(1),
            paid_on=date(2021, 1, 5),
            found_on=date(2021, 1, 6),
            refunded_on=date(2021, 3, 5),
        )
