"""Cases finished in review: arts. 255–257, 271–276/288, 291 p.ú., 323 § 11, 347 (REN 1.000)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from aneel_rules import InvalidInputError, UnsupportedCaseError, ren414, ren1000
from aneel_rules.billing_cycle import (
    AvailabilityExemption,
    AverageBillingCase,
    BillingError,
    Cause,
    Direction,
    MeterDefectCriterion,
    MonetaryIndex,
    MultiMonthSource,
    SupplyType,
    availability_charge,
    availability_charge_kwh,
    bill_by_average,
    bill_multi_month_reading,
    meter_defect_criterion,
    overdue_collection,
    regularize_reading,
    settle_incorrect_billing,
)
from aneel_rules.errors import RegulatoryGapError
from aneel_rules.legal import AmendmentKind, Norm, in_force_from

D = Decimal
S = MultiMonthSource
INSERTED_IV = ren1000(
    291, item="IV", amended_by=Norm.REN_1147_2025, amendment_kind=AmendmentKind.INSERTED
)
SCEE = ren1000(
    291, paragraph="único", amended_by=Norm.REN_1098_2024, amendment_kind=AmendmentKind.INSERTED
)
VIDE_DSP1731 = ren1000(
    291, item="III", amended_by=Norm.DSP_1731_2025, amendment_kind=AmendmentKind.SEE
)


def _monthly(first: tuple[int, int], count: int, amount: str = "10.00") -> list[BillingError]:
    year, month = first
    out = []
    for _ in range(count):
        out.append(BillingError(date(year, month, 10), D(amount)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# ------------------------------------------------------------------ art. 291 (citations, p.ú.)
@pytest.mark.parametrize(
    ("on", "low_income", "measured", "kwh", "basis"),
    [
        pytest.param(
            date(2025, 7, 4), False, None, 100, ren1000(291, item="III"), id="art291-III-original"
        ),
        # 5 Jul 2025 – 15 Dec 2025: Despacho 1.731/2025 applies the 80 kWh ("Vide" note on
        # art. 291, III); art. 291, III still reads 100 kWh and IV does not exist yet. (These
        # cases asserted REN 1.147/2025's wording before that act existed.)
        pytest.param(
            date(2025, 7, 5),
            False,
            None,
            100,
            ren1000(291, item="III"),
            id="dsp1731-not-low-income",
        ),
        pytest.param(
            date(2025, 12, 15), True, "80.001", 100, ren1000(291, item="III"), id="dsp1731-above-80"
        ),
        pytest.param(date(2025, 7, 5), True, "80", 80, VIDE_DSP1731, id="dsp1731-80-kwh"),
        pytest.param(date(2025, 12, 15), True, "80", 80, VIDE_DSP1731, id="dsp1731-last-day"),
        # from 16 Dec 2025 (REN 1.147/2025 in force): III rewritten, IV inserted
        pytest.param(
            date(2025, 12, 16),
            False,
            None,
            100,
            INSERTED_IV,
            id="art291-IV-inserted-not-low-income",
        ),
        pytest.param(
            date(2025, 12, 16), True, "80.001", 100, INSERTED_IV, id="art291-IV-inserted-above-80"
        ),
        pytest.param(
            date(2025, 12, 16),
            True,
            "80",
            80,
            ren1000(291, item="III", amended_by=Norm.REN_1147_2025),
            id="art291-III-wording-80-kwh",
        ),
    ],
)
def test_art_291_amendment_kinds(
    on: date, low_income: bool, measured: str | None, kwh: int, basis: object
) -> None:
    charge = availability_charge(
        SupplyType.THREE_PHASE,
        on=on,
        low_income=low_income,
        measured_kwh=None if measured is None else D(measured),
    )
    assert (charge.kwh, charge.basis) == (kwh, (basis,))


def test_art_291_iv_is_printed_as_inserted() -> None:
    assert str(INSERTED_IV) == "REN 1.000/2021, art. 291, IV (incluído pela REN 1.147/2025)"
    assert str(VIDE_DSP1731) == "REN 1.000/2021, art. 291, III (vide Despacho ANEEL 1.731/2025)"


@pytest.mark.parametrize(
    ("supply", "on", "kwh"),
    [
        pytest.param(SupplyType.SINGLE_PHASE, date(2024, 7, 23), 15, id="art291-pu-I-30-to-15"),
        pytest.param(SupplyType.TWO_PHASE_TWO_WIRE, date(2026, 1, 1), 15, id="art291-pu-I-2w-15"),
        pytest.param(SupplyType.TWO_PHASE_THREE_WIRE, date(2024, 7, 24), 25, id="art291-pu-II-25"),
        pytest.param(SupplyType.THREE_PHASE, date(2025, 1, 1), 50, id="art291-pu-III-100-to-50"),
    ],
)
def test_scee_cadunico_half(supply: SupplyType, on: date, kwh: int) -> None:
    charge = availability_charge(supply, on=on, scee_cadunico=True)
    assert charge.kwh == kwh
    assert charge.basis[-1] == SCEE
    assert availability_charge_kwh(supply, on=on, scee_cadunico=True) == kwh


def test_scee_cadunico_low_income_three_phase_is_half_of_80() -> None:
    charge = availability_charge(
        SupplyType.THREE_PHASE,
        on=date(2026, 1, 1),
        low_income=True,
        measured_kwh=D("50"),
        scee_cadunico=True,
    )
    assert charge.kwh == 40
    assert charge.basis == (ren1000(291, item="III", amended_by=Norm.REN_1147_2025), SCEE)


def test_scee_cadunico_before_ren_1098_is_not_answered() -> None:
    with pytest.raises(UnsupportedCaseError, match="2024-07-23") as info:
        availability_charge(SupplyType.SINGLE_PHASE, on=date(2024, 7, 22), scee_cadunico=True)
    assert info.value.code == "scee_cadunico_before"
    # without the flag the day before is answered by the caput
    assert availability_charge_kwh(SupplyType.SINGLE_PHASE, on=date(2024, 7, 22)) == 30


def test_scee_cadunico_exempt_and_bad_input() -> None:
    exempt = availability_charge(
        SupplyType.SINGLE_PHASE,
        on=date(2026, 1, 1),
        exemption=AvailabilityExemption.PREPAYMENT,
        scee_cadunico=True,
    )
    assert (exempt.kwh, exempt.applies) == (0, False)
    with pytest.raises(InvalidInputError) as info:
        availability_charge(SupplyType.SINGLE_PHASE, on=date(2026, 1, 1), scee_cadunico="yes")  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_bool",)
    with pytest.raises(InvalidInputError) as info:
        availability_charge(
            SupplyType.THREE_PHASE, on=date(2026, 1, 1), low_income=True, measured_kwh=D("-1")
        )
    assert info.value.codes == ("negative",)


# ------------------------------------------------------------------ arts. 255–257 (meter defect)
def test_meter_defect_underbilling_three_cycles_in_twice_the_period() -> None:
    errors = _monthly((2025, 10), 5)  # Oct 2025 .. Feb 2026
    s = settle_incorrect_billing(
        errors, direction=Direction.UNDER, cause=Cause.METER_DEFECT, found_on=date(2026, 3, 2)
    )
    assert [c.isoformat() for c in s.cycles] == ["2025-12-01", "2026-01-01", "2026-02-01"]
    assert s.window_cycles == 3
    assert (s.principal, s.amount_due) == (D("30.00"), D("30.00"))
    assert s.installments == 10  # art. 257, § 3º: twice the período apurado (5 cycles)
    assert s.refund_by is None
    assert s.update_index is MonetaryIndex.IPCA
    assert not s.late_interest
    assert s.basis == (
        ren1000(256, paragraph="único", item="I"),
        ren1000(257, paragraph=3),
        ren1000(326, item="II"),
    )


def test_meter_defect_refund_60_cycles_simple_even_while_323_ii_is_suspended() -> None:
    errors = _monthly((2021, 1), 66)  # Jan 2021 .. Jun 2026
    s = settle_incorrect_billing(
        errors, direction=Direction.OVER, cause=Cause.METER_DEFECT, found_on=date(2026, 6, 15)
    )
    assert s.window_cycles == 60
    assert s.cycles[0] == date(2021, 7, 1)
    assert s.cycles[-1] == date(2026, 6, 1)
    assert s.amount_due == s.principal == D("600.00")
    assert all(line.multiplier == 1 for line in s.lines)
    assert s.refund_by is None
    assert not s.late_interest
    assert s.basis[:2] == (
        ren1000(256, paragraph="único", item="II"),
        ren1000(325, paragraph=7),
    )
    # the same facts as a distributor's over-billing hit the suspended window instead
    with pytest.raises(RegulatoryGapError):
        settle_incorrect_billing(
            errors, direction=Direction.OVER, cause=Cause.DISTRIBUTOR, found_on=date(2026, 6, 15)
        )


def test_meter_defect_window_override_and_ren414() -> None:
    s = settle_incorrect_billing(
        _monthly((2026, 1), 2),
        direction=Direction.UNDER,
        cause=Cause.METER_DEFECT,
        found_on=date(2026, 3, 2),
        window_cycles=1,
    )
    assert s.cycles == (date(2026, 2, 1),)
    with pytest.raises(UnsupportedCaseError):
        settle_incorrect_billing(
            _monthly((2021, 10), 2),
            direction=Direction.UNDER,
            cause=Cause.METER_DEFECT,
            found_on=date(2022, 1, 2),
        )
    assert (
        settle_incorrect_billing(
            _monthly((2021, 10), 2),
            direction=Direction.UNDER,
            cause=Cause.METER_DEFECT,
            found_on=date(2022, 1, 3),
        ).norm
        is Norm.REN_1000_2021
    )


@pytest.mark.parametrize(
    ("factor", "history", "criterion", "basis"),
    [
        pytest.param(
            True,
            0,
            MeterDefectCriterion.CORRECTION_FACTOR,
            (ren1000(255, item="I"),),
            id="art255-I-factor",
        ),
        pytest.param(
            False,
            12,
            MeterDefectCriterion.AVERAGE,
            (ren1000(255, item="II"),),
            id="art255-II-12-cycles",
        ),
        pytest.param(
            False,
            11,
            MeterDefectCriterion.AVERAGE,
            (ren1000(255, item="II"), ren1000(288, paragraph=1)),
            id="art255-II-art288-p1-11-cycles",
        ),
        pytest.param(
            False,
            0,
            MeterDefectCriterion.NEXT_BILLING,
            (ren1000(255, item="III"),),
            id="art255-III-no-history",
        ),
    ],
)
def test_meter_defect_criterion_order(
    factor: bool, history: int, criterion: MeterDefectCriterion, basis: object
) -> None:
    decided = meter_defect_criterion(
        on=date(2026, 3, 2), correction_factor_available=factor, normal_history_cycles=history
    )
    assert (decided.value, decided.basis) == (criterion, basis)


def test_meter_defect_criterion_bad_input_and_ren414() -> None:
    for bad in (-1, True, "3"):
        with pytest.raises(InvalidInputError):
            meter_defect_criterion(
                on=date(2026, 3, 2),
                correction_factor_available=False,
                normal_history_cycles=bad,  # type: ignore[arg-type]
            )
    with pytest.raises(InvalidInputError):
        meter_defect_criterion(
            on=date(2026, 3, 2),
            correction_factor_available=1,  # type: ignore[arg-type]
            normal_history_cycles=3,
        )
    with pytest.raises(UnsupportedCaseError):
        meter_defect_criterion(
            on=date(2022, 1, 2), correction_factor_available=True, normal_history_cycles=3
        )


# ------------------------------------------------------------------ arts. 271–276, 288 (rural)
HISTORY = [D(v) for v in (90, 110, 100)]
TWELVE = [D(10)] * 3 + [D(v) for v in range(100, 220, 10)]  # the last 12: 100..210, mean 155


@pytest.mark.parametrize(
    ("source", "reading", "item"),
    [
        pytest.param(S.DISTRIBUTOR_READING, True, "I", id="REN1000-art288-I"),
        pytest.param(S.SELF_READING, True, "II", id="REN1000-art288-II"),
    ],
)
def test_multi_month_reading_cycles(source: MultiMonthSource, reading: bool, item: str) -> None:
    bill = bill_multi_month_reading(
        HISTORY, source=source, on=date(2026, 3, 1), rural=True, cycles_since_distributor_reading=5
    )
    assert (bill.uses_reading, bill.kwh, bill.availability_charge_instead) == (reading, None, False)
    assert bill.basis == (ren1000(288, item=item),)
    assert bill.distributor_must_read_next is False


@pytest.mark.parametrize(
    ("missing", "must_read"),
    [
        pytest.param(1, False, id="REN1000-art276-1-cycle-without-self-reading"),
        pytest.param(2, True, id="REN1000-art276-2-cycles-read-next"),
        pytest.param(3, True, id="REN1000-art276-3-cycles"),
    ],
)
def test_multi_month_no_self_reading_average_and_art_276(missing: int, must_read: bool) -> None:
    bill = bill_multi_month_reading(
        TWELVE,
        source=S.NO_SELF_READING,
        on=date(2026, 3, 1),
        rural=True,
        cycles_since_distributor_reading=3,
        consecutive_missing_self_readings=missing,
    )
    assert (bill.kwh, bill.cycles_averaged) == (D(155), 12)
    assert bill.distributor_must_read_next is must_read
    expected = (ren1000(275), ren1000(288, item="III"))
    assert bill.basis == (*expected, ren1000(276)) if must_read else expected


def test_multi_month_history_fallbacks_art_288_p1() -> None:
    few = bill_multi_month_reading(
        HISTORY,
        source=S.NO_SELF_READING,
        on=date(2026, 3, 1),
        rural=True,
        cycles_since_distributor_reading=2,
    )
    assert (few.kwh, few.cycles_averaged) == (D(100), 3)
    assert ren1000(288, paragraph=1) in few.basis
    none = bill_multi_month_reading(
        [],
        source=S.NO_SELF_READING,
        on=date(2026, 3, 1),
        rural=True,
        cycles_since_distributor_reading=2,
    )
    assert (none.kwh, none.availability_charge_instead) == (None, True)
    assert ren1000(291) in none.basis


def test_multi_month_distributor_missed_reading_art_288_p2() -> None:
    bill = bill_multi_month_reading(
        HISTORY,
        source=S.DISTRIBUTOR_MISSED,
        on=date(2026, 3, 1),
        rural=True,
        cycles_since_distributor_reading=12,
    )
    assert bill.availability_charge_instead
    assert bill.later_compensation_allowed is False
    assert bill.basis == (ren1000(288, paragraph=2), ren1000(291))


@pytest.mark.parametrize(
    ("since", "within"),
    [
        pytest.param(12, True, id="REN1000-art271-12-cycles"),
        pytest.param(13, False, id="REN1000-art271-13-cycles"),
    ],
)
def test_multi_month_12_cycle_limit(since: int, within: bool) -> None:
    bill = bill_multi_month_reading(
        HISTORY,
        source=S.SELF_READING,
        on=date(2026, 3, 1),
        rural=True,
        cycles_since_distributor_reading=since,
    )
    assert bill.within_limit is within


def test_multi_month_ren414_and_switch() -> None:
    old = bill_multi_month_reading(
        HISTORY,
        source=S.NO_SELF_READING,
        on=date(2022, 1, 2),
        rural=True,
        cycles_since_distributor_reading=13,
        consecutive_missing_self_readings=2,
    )
    assert (old.norm, old.kwh, old.basis, old.within_limit) == (
        Norm.REN_414_2010,
        D(100),
        (ren414(86), ren414(89), ren414(89, paragraph=1)),  # 3 cycles of history < 12
        False,
    )
    assert old.distributor_must_read_next is None
    read = bill_multi_month_reading(
        HISTORY,
        source=S.SELF_READING,
        on=date(2022, 1, 2),
        rural=True,
        cycles_since_distributor_reading=1,
    )
    assert read.basis == (ren414(86), ren414(89))
    assert read.later_compensation_allowed is None
    new = bill_multi_month_reading(
        HISTORY,
        source=S.NO_SELF_READING,
        on=date(2022, 1, 3),
        rural=True,
        cycles_since_distributor_reading=2,
        consecutive_missing_self_readings=2,
    )
    assert new.norm is Norm.REN_1000_2021
    assert new.distributor_must_read_next is True
    # art. 89, § 2º (the distributor missed its reading) is cut in every source found
    with pytest.raises(UnsupportedCaseError):
        bill_multi_month_reading(
            HISTORY,
            source=S.DISTRIBUTOR_MISSED,
            on=date(2022, 1, 2),
            rural=True,
            cycles_since_distributor_reading=2,
        )


# REN 414/2010, art. 89, § 1º (VERIFIED, ANEEL booklet): "caso não haja histórico, o custo de
# disponibilidade"; the wording is read as REN 479/2012's (in force 2012-04-03)
def test_multi_month_ren414_without_history() -> None:
    since = in_force_from(Norm.REN_479_2012)
    bill = bill_multi_month_reading(
        [], source=S.NO_SELF_READING, on=since, rural=True, cycles_since_distributor_reading=2
    )
    assert (bill.kwh, bill.availability_charge_instead, bill.cycles_averaged) == (None, True, 0)
    assert bill.basis == (ren414(86), ren414(89), ren414(89, paragraph=1), ren414(98))
    twelve = bill_multi_month_reading(
        [D(120)] * 12,
        source=S.NO_SELF_READING,
        on=since,
        rural=True,
        cycles_since_distributor_reading=2,
    )
    assert (twelve.kwh, twelve.basis) == (D(120), (ren414(86), ren414(89)))
    with pytest.raises(UnsupportedCaseError):
        bill_multi_month_reading(
            [],
            source=S.NO_SELF_READING,
            on=since - timedelta(days=1),
            rural=True,
            cycles_since_distributor_reading=2,
        )
    before = bill_multi_month_reading(
        HISTORY,
        source=S.NO_SELF_READING,
        on=since - timedelta(days=1),
        rural=True,
        cycles_since_distributor_reading=2,
    )
    assert before.basis == (ren414(86),)


def test_multi_month_bad_input() -> None:
    with pytest.raises(InvalidInputError) as info:
        bill_multi_month_reading(
            HISTORY,
            source=S.SELF_READING,
            on=date(2026, 3, 1),
            rural=False,
            cycles_since_distributor_reading=1,
        )
    assert info.value.errors[0].basis == ren1000(271)
    bad: list[dict[str, object]] = [
        {"source": "autoleitura"},
        {"rural": 1},
        {"cycles_since_distributor_reading": 0},
        {"consecutive_missing_self_readings": -1},
        {"on": "2026-03-01"},
    ]
    for override in bad:
        kwargs: dict[str, object] = {
            "source": S.NO_SELF_READING,
            "on": date(2026, 3, 1),
            "rural": True,
            "cycles_since_distributor_reading": 1,
            **override,
        }
        with pytest.raises(InvalidInputError):
            bill_multi_month_reading(HISTORY, **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------------------ art. 323, § 11
@pytest.mark.parametrize(
    ("days", "billed", "difference", "charge", "charged_days"),
    [
        pytest.param(89, "100", 490, 490, 89, id="REN1000-art323-p11-V-89-days"),
        pytest.param(90, "100", 500, 500, 90, id="REN1000-art323-p11-V-90-days"),
        pytest.param(91, "155", 455, 450, 90, id="REN1000-art323-p11-V-91-days-capped"),
    ],
)
def test_regularization_positive_difference_capped_at_90_days(
    days: int, billed: str, difference: int, charge: int, charged_days: int
) -> None:
    # 10 kWh a day: I → 10; II → 300; III → 10 × days − billed − 300; V → III / days × min(days, 90)
    first = date(2026, 1, 1)
    last = date.fromordinal(first.toordinal() + days)
    r = regularize_reading(
        D(10 * days), [D(billed)], last_reading=first, regularized_on=last, availability_kwh=30
    )
    assert (r.days, r.daily_average_kwh, r.cycle_kwh) == (days, D(10), D(300))
    assert r.difference_kwh == difference
    assert (r.charge_kwh, r.charged_days, r.refund_kwh) == (D(charge), charged_days, D(0))
    assert ren1000(323, paragraph=11, item="V", subitem="b") in r.basis


def test_regularization_negative_difference_is_refunded() -> None:
    r = regularize_reading(
        D("600"),
        [D("300"), D("300")],
        last_reading=date(2026, 1, 5),
        regularized_on=date(2026, 3, 6),
        availability_kwh=100,
    )
    assert (r.days, r.daily_average_kwh, r.cycle_kwh) == (60, D(10), D(300))
    assert (r.difference_kwh, r.refund_kwh, r.charge_kwh, r.charged_days) == (
        D(-300),
        D(300),
        D(0),
        0,
    )
    assert r.basis[-1] == ren1000(323, paragraph=11, item="IV")


def test_regularization_zero_difference_and_regime() -> None:
    r = regularize_reading(
        D("300"),
        [],
        last_reading=date(2021, 12, 4),
        regularized_on=date(2022, 1, 3),
        availability_kwh=0,
    )
    assert (r.difference_kwh, r.refund_kwh, r.charge_kwh) == (D(0), D(0), D(0))
    assert len(r.basis) == 3
    with pytest.raises(UnsupportedCaseError):
        regularize_reading(
            D("300"),
            [],
            last_reading=date(2021, 12, 3),
            regularized_on=date(2022, 1, 2),
            availability_kwh=0,
        )


def test_regularization_bad_input() -> None:
    good: dict[str, object] = {
        "last_reading": date(2026, 1, 1),
        "regularized_on": date(2026, 2, 1),
        "availability_kwh": 30,
    }
    cases: list[tuple[object, object, dict[str, object]]] = [
        (D(-1), [], {}),
        (float("nan"), [], {}),
        (D(1), "12", {}),
        (D(1), [D(-1)], {}),
        (D(1), [], {"availability_kwh": -1}),
        (D(1), [], {"availability_kwh": True}),
        (D(1), [], {"regularized_on": date(2026, 1, 1)}),
    ]
    for total, billed, override in cases:
        with pytest.raises(InvalidInputError):
            regularize_reading(total, billed, **{**good, **override})  # type: ignore[arg-type]


# ------------------------------------------------------------------ art. 347
@pytest.mark.parametrize(
    ("due", "on", "allowed"),
    [
        pytest.param(date(2022, 3, 10), date(2027, 3, 9), True, id="REN1000-art347-day-before"),
        pytest.param(date(2022, 3, 10), date(2027, 3, 10), True, id="REN1000-art347-60-months"),
        pytest.param(date(2022, 3, 10), date(2027, 3, 11), False, id="REN1000-art347-day-after"),
        pytest.param(
            date(2024, 2, 29), date(2029, 2, 28), True, id="REN1000-art347-feb-29-clamped"
        ),
        pytest.param(date(2024, 2, 29), date(2029, 3, 1), False, id="REN1000-art347-feb-29-after"),
        pytest.param(date(2016, 1, 5), date(2022, 1, 3), False, id="REN1000-art347-first-day"),
    ],
)
def test_overdue_collection_60_months(due: date, on: date, allowed: bool) -> None:
    decision = overdue_collection(due, on=on)
    assert decision.allowed is allowed
    assert decision.basis == (ren1000(347), ren1000(656, paragraph=2))


def test_overdue_collection_errors_and_ren414() -> None:
    with pytest.raises(InvalidInputError) as info:
        overdue_collection(date(2026, 3, 10), on=date(2026, 3, 10))
    assert info.value.codes == ("not_overdue",)
    with pytest.raises(UnsupportedCaseError):
        overdue_collection(date(2021, 3, 10), on=date(2022, 1, 2))
    with pytest.raises(InvalidInputError):
        overdue_collection("2026-03-10", on=date(2026, 4, 1))  # type: ignore[arg-type]


# ------------------------------------------------------------------ history validated up front
@pytest.mark.parametrize("history", [None, "120", [D(-1)], [float("inf")]])
def test_history_is_validated_even_when_no_average_is_taken(history: object) -> None:
    with pytest.raises(InvalidInputError):
        bill_by_average(
            history,  # type: ignore[arg-type]
            case=AverageBillingCase.METER_REMOVED,
            on=date(2026, 3, 1),
            days_without_meter=31,
        )
    with pytest.raises(InvalidInputError):
        bill_multi_month_reading(
            history,  # type: ignore[arg-type]
            source=S.DISTRIBUTOR_READING,
            on=date(2026, 3, 1),
            rural=True,
            cycles_since_distributor_reading=1,
        )


# ------------------------------------------------------------------ REN 414 art. 113 wording
@pytest.mark.parametrize("direction", [Direction.UNDER, Direction.OVER])
def test_ren414_art113_only_in_its_ren479_wording(direction: Direction) -> None:
    errors = _monthly((2012, 1), 2)
    with pytest.raises(UnsupportedCaseError):
        settle_incorrect_billing(
            errors, direction=direction, cause=Cause.DISTRIBUTOR, found_on=date(2012, 4, 2)
        )
    s = settle_incorrect_billing(
        errors, direction=direction, cause=Cause.DISTRIBUTOR, found_on=date(2012, 4, 3)
    )
    assert s.norm is Norm.REN_414_2010
    assert s.basis[0] == ren414(113, item="I" if direction is Direction.UNDER else "II")
    # art. 114 (consumer) is not affected
    consumer = settle_incorrect_billing(
        errors, direction=direction, cause=Cause.CONSUMER, found_on=date(2012, 4, 2)
    )
    assert consumer.basis[0] == ren414(114)


def test_emergency_overbilling_issued_before_cutoff_is_not_doubled() -> None:
    # art. 321, III sets doubling aside; art. 668, § 1º only sets aside art. 323, §§ 2º–3º
    s = settle_incorrect_billing(
        [BillingError(date(2022, 2, 10), D("100.00"))],
        direction=Direction.OVER,
        cause=Cause.EMERGENCY,
        found_on=date(2022, 6, 1),
    )
    assert s.lines[0].multiplier == 1
    assert s.amount_due == D("100.00")
    assert s.lines[0].basis == (ren1000(321, item="III"),)


# ------------------------------------------------------------------ art. 324, § 3º
def test_false_declaration_loses_the_refund() -> None:
    errors = _monthly((2025, 1), 3, "80.00")
    s = settle_incorrect_billing(
        errors,
        direction=Direction.OVER,
        cause=Cause.CONSUMER,
        found_on=date(2025, 6, 20),
        false_declaration=True,
    )
    assert (s.principal, s.amount_due, s.refund_by) == (D("240.00"), D(0), None)
    assert all(line.multiplier == 0 for line in s.lines)
    assert s.basis[:2] == (ren1000(324, paragraph=2), ren1000(324, paragraph=3))
    plain = settle_incorrect_billing(
        errors, direction=Direction.OVER, cause=Cause.CONSUMER, found_on=date(2025, 6, 20)
    )
    assert plain.amount_due == D("240.00")


@pytest.mark.parametrize(
    ("direction", "cause"),
    [
        pytest.param(Direction.UNDER, Cause.CONSUMER, id="REN1000-art324-p3-not-under-billing"),
        pytest.param(Direction.OVER, Cause.DISTRIBUTOR, id="REN1000-art324-p3-not-distributor"),
    ],
)
def test_false_declaration_only_for_consumer_overbilling(
    direction: Direction, cause: Cause
) -> None:
    with pytest.raises(InvalidInputError) as info:
        settle_incorrect_billing(
            [],
            direction=direction,
            cause=cause,
            found_on=date(2025, 6, 20),
            window_cycles=36,
            false_declaration=True,
        )
    assert info.value.codes == ("false_declaration_case",)


def test_false_declaration_ren414_and_bad_flag() -> None:
    with pytest.raises(UnsupportedCaseError):
        settle_incorrect_billing(
            [],
            direction=Direction.OVER,
            cause=Cause.CONSUMER,
            found_on=date(2022, 1, 2),
            false_declaration=True,
        )
    with pytest.raises(InvalidInputError):
        settle_incorrect_billing(
            [],
            direction=Direction.OVER,
            cause=Cause.CONSUMER,
            found_on=date(2025, 1, 2),
            false_declaration="no",  # type: ignore[arg-type]
        )


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param(True, "not_a_whole_number", id="REN1000-art323-p11-bool"),
        pytest.param("30", "not_a_whole_number", id="REN1000-art323-p11-text"),
        pytest.param(D(30), "not_a_whole_number", id="REN1000-art323-p11-decimal"),
        pytest.param(-1, "negative", id="REN1000-art323-p11-negative"),
    ],
)
def test_regularization_availability_kwh_codes(value: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        regularize_reading(
            D(1),
            [],
            last_reading=date(2026, 1, 1),
            regularized_on=date(2026, 2, 1),
            availability_kwh=value,  # type: ignore[arg-type]
        )
    assert info.value.codes == (code,)
