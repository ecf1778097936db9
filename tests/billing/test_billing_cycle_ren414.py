"""REN 414/2010 answers of the billing-cycle rules (group A readings, art. 111, refusals).

Values come from the quoted text (``shared/sources/ren414_excerpts.md`` and the pages named in
the docstrings): art. 84, caput ("mínimo de 27 (vinte e sete) e o máximo de 33 (trinta e três)
dias"), art. 88, § 1º, I–II (REN 479/2012), art. 111 (REN 479/2012: "média aritmética dos
valores faturados nos 12 (doze) últimos ciclos [...] observado o disposto no § 1º do art. 89,
desde que mantido o fornecimento regular") and art. 89, § 1º.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import RegulatoryGapError, UnsupportedCaseError, ren414, ren1000
from aneel_rules.billing_cycle import (
    AverageBillingCase,
    MeterDefectCriterion,
    MultiMonthSource,
    ReadingKind,
    bill_by_average,
    bill_multi_month_reading,
    billable_consumption,
    check_reading_interval,
    meter_defect_criterion,
)
from aneel_rules.legal import Norm
from aneel_rules.tariffs import Group

K = ReadingKind
REN479 = date(2012, 4, 3)
LAST_REN414 = date(2022, 1, 2)
FIRST_REN1000 = date(2022, 1, 3)
EMERGENCY = AverageBillingCase.EMERGENCY


# ---------------------------------------------------------------- art. 84: group A, 27–33 days
@pytest.mark.parametrize(
    ("days", "ok"),
    [
        pytest.param(26, False, id="REN414-art84-A-26"),
        pytest.param(27, True, id="REN414-art84-A-27"),
        pytest.param(33, True, id="REN414-art84-A-33"),
        pytest.param(34, False, id="REN414-art84-A-34"),
    ],
)
def test_group_a_regular_27_33(days: int, ok: bool) -> None:
    check = check_reading_interval(LAST_REN414 - timedelta(days=days), LAST_REN414, group=Group.A)
    assert (check.days, check.minimum, check.maximum, check.ok) == (days, 27, 33, ok)
    assert check.basis == (ren414(84),)
    assert check.billed_month is None
    assert check.norm is Norm.REN_414_2010


def test_group_a_regime_switch() -> None:
    # 28 days in February: inside art. 84's 27–33 days, and exactly the calendar month of
    # REN 1.000/2021, art. 261 — but 32 days ending on 3 Jan 2022 is not the calendar month
    old = check_reading_interval(date(2021, 12, 1), LAST_REN414, group=Group.A)
    new = check_reading_interval(date(2021, 12, 2), FIRST_REN1000, group=Group.A)
    assert (old.days, old.ok, old.basis) == (32, True, (ren414(84),))
    assert (new.days, new.minimum, new.ok) == (32, 31, False)
    assert new.basis == (ren1000(261), ren1000(282, item="I"))


@pytest.mark.parametrize(
    ("days", "ok"),
    [
        pytest.param(14, False, id="REN414-art84-A-first-14"),
        pytest.param(15, True, id="REN414-art84-A-first-15"),
        pytest.param(47, True, id="REN414-art84-A-first-47"),
        pytest.param(48, False, id="REN414-art84-A-first-48"),
    ],
)
def test_group_a_first_billing_15_47(days: int, ok: bool) -> None:
    end = date(2016, 3, 1)
    check = check_reading_interval(
        end - timedelta(days=days), end, kind=K.FIRST_BILLING, group=Group.A
    )
    assert (check.ok, check.minimum, check.maximum, check.basis) == (ok, 15, 47, (ren414(84),))


@pytest.mark.parametrize(
    ("kind", "group"),
    [
        pytest.param(K.ROUTE_CHANGE, Group.A, id="A-route-change"),
        pytest.param(K.ROUTE_CHANGE, Group.B, id="B-route-change"),
        pytest.param(K.END_OF_GROUP_B_OPTION, Group.A, id="A-end-of-option"),
        pytest.param(K.VOLTAGE_CHANGE, Group.A, id="A-voltage-change"),
    ],
)
def test_ren414_reading_cases_not_found_are_refused(kind: ReadingKind, group: Group) -> None:
    # 40 days: outside the caput's 27–33, inside REN 1.000's 15–47 — the readings disagree
    with pytest.raises(UnsupportedCaseError) as info:
        check_reading_interval(date(2019, 1, 1), date(2019, 2, 10), kind=kind, group=group)
    assert info.value.code == "unverified_ren414"
    # the error names the provision whose text is missing (REN 414/2010, art. 84)
    assert info.value.basis == (ren414(84),)
    assert "REN 414/2010, art. 84" in str(info.value)
    assert "found" in dict(info.value.params)["what"]
    # the same case is answered (or is an input error) under REN 1.000/2021
    if group is Group.A and kind is not K.ROUTE_CHANGE:
        assert check_reading_interval(date(2026, 1, 1), date(2026, 2, 1), kind=kind, group=group).ok


@pytest.mark.parametrize(
    ("kind", "group"),
    [
        pytest.param(K.ROUTE_CHANGE, Group.A, id="A-route-change"),
        pytest.param(K.ROUTE_CHANGE, Group.B, id="B-route-change"),
        pytest.param(K.END_OF_GROUP_B_OPTION, Group.A, id="A-end-of-option"),
        pytest.param(K.VOLTAGE_CHANGE, Group.A, id="A-voltage-change"),
    ],
)
@pytest.mark.parametrize(
    ("days", "answered"),
    [
        pytest.param(14, False, id="14"),
        pytest.param(26, False, id="26"),
        pytest.param(27, True, id="27"),
        pytest.param(30, True, id="30"),
        pytest.param(33, True, id="33"),
        pytest.param(34, False, id="34"),
        pytest.param(47, False, id="47"),
    ],
)
def test_ren414_unquoted_cases_answered_where_every_reading_agrees(
    kind: ReadingKind, group: Group, days: int, *, answered: bool
) -> None:
    """Art. 84's text on these cases is missing; 27–33 days is within the caput's limits and
    within any exceptional interval (REN 1.000: 15–47), so it is within them under every reading.
    """
    last = date(2019, 6, 10)
    first = last - timedelta(days=days)
    if not answered:
        with pytest.raises(UnsupportedCaseError) as info:
            check_reading_interval(first, last, kind=kind, group=group)
        assert info.value.basis == (ren414(84),)
        with pytest.raises(UnsupportedCaseError):
            billable_consumption(Decimal(10 * days), first, last, kind=kind, group=group)
        return
    check = check_reading_interval(first, last, kind=kind, group=group)
    assert (check.days, check.minimum, check.maximum, check.ok) == (days, 27, 33, True)
    assert check.basis == (ren414(84),)
    bill = billable_consumption(Decimal(10 * days), first, last, kind=kind, group=group)
    # "o consumo registrado" within the interval: the measured energy, never prorated; the
    # availability charge as group B's minimum (art. 98, § 1º), never for group A
    assert (bill.kwh, bill.prorated) == (Decimal(10 * days), False)
    assert bill.availability_charge_applies is (group is Group.B)
    # the same interval on 3 Jan 2022 (REN 1.000/2021) is answered too
    if group is Group.B:
        after = check_reading_interval(
            date(2022, 1, 3) - timedelta(days=days), date(2022, 1, 3), kind=kind, group=group
        )
        assert (after.minimum, after.maximum, after.ok) == (15, 47, True)


# ---------------------------------------------------------------- art. 88, § 1º: group A billing
@pytest.mark.parametrize(
    ("days", "kwh", "item"),
    [
        pytest.param(26, Decimal(260), "II", id="REN414-art88-p1-II-A-26"),
        pytest.param(27, Decimal(270), None, id="REN414-art84-A-27"),
        pytest.param(33, Decimal(330), None, id="REN414-art84-A-33"),
        pytest.param(34, Decimal(330), "I", id="REN414-art88-p1-I-A-34"),
        pytest.param(40, Decimal(330), "I", id="REN414-art88-p1-I-A-40"),
    ],
)
def test_group_a_billable_art88(days: int, kwh: Decimal, item: str | None) -> None:
    last = date(2020, 6, 30)
    b = billable_consumption(Decimal(10 * days), last - timedelta(days=days), last, group=Group.A)
    assert (b.kwh, b.prorated) == (kwh, days > 33)
    # art. 98 names only "unidade consumidora do grupo B": never for group A
    assert b.availability_charge_applies is False
    if item is None:
        assert b.basis == (ren414(84),)
    else:
        assert b.basis == (
            ren414(88, paragraph=1, item=item, amended_by=Norm.REN_479_2012),
            ren414(84),
        )


def test_group_a_billable_wording_boundary() -> None:
    # outside 27–33 days: answered from REN 479/2012 (3 Apr 2012), refused the day before
    with pytest.raises(UnsupportedCaseError, match="88"):
        billable_consumption(
            Decimal(340), REN479 - timedelta(days=35), REN479 - timedelta(days=1), group=Group.A
        )
    answered = billable_consumption(
        Decimal(340), REN479 - timedelta(days=34), REN479, group=Group.A
    )
    assert (answered.kwh, answered.availability_charge_applies) == (Decimal(330), False)
    # inside the interval the answer needs no art. 88 wording
    inside = billable_consumption(Decimal(300), date(2011, 1, 1), date(2011, 1, 31), group=Group.A)
    assert (inside.kwh, inside.basis) == (Decimal(300), (ren414(84),))


@given(
    days=st.integers(min_value=1, max_value=200),
    tenths=st.integers(min_value=0, max_value=10**7),
    end=st.dates(min_value=REN479 + timedelta(days=200), max_value=LAST_REN414),
)
def test_group_a_and_b_energy_agree_under_ren414(days: int, tenths: int, end: date) -> None:
    """Art. 88, § 1º rules "o consumo registrado" alike for both groups; only art. 98 differs."""
    measured = Decimal(tenths) / 10
    a = billable_consumption(measured, end - timedelta(days=days), end, group=Group.A)
    b = billable_consumption(measured, end - timedelta(days=days), end, group=Group.B)
    assert (a.kwh, a.prorated) == (b.kwh, b.prorated)
    assert a.kwh <= measured
    assert a.availability_charge_applies is False
    assert b.availability_charge_applies is (days >= 27)


# ---------------------------------------------------------------- art. 111 (REN 479/2012)
HISTORY = [Decimal(v) for v in (100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210)]


def test_emergency_twelve_cycles_from_ren479() -> None:
    bill = bill_by_average([Decimal(0), *HISTORY], case=EMERGENCY, on=REN479)
    assert (bill.kwh, bill.cycles_averaged) == (Decimal(155), 12)
    assert bill.basis == (ren414(111),)


def test_emergency_short_and_empty_history_follow_art89_p1() -> None:
    short = bill_by_average(HISTORY[:3], case=EMERGENCY, on=date(2020, 4, 1))
    assert (short.kwh, short.cycles_averaged) == (Decimal(110), 3)
    assert short.basis == (ren414(111), ren414(89, paragraph=1))
    empty = bill_by_average([], case=EMERGENCY, on=date(2020, 4, 1))
    assert (empty.kwh, empty.availability_charge_instead, empty.cycles_averaged) == (None, True, 0)
    assert empty.basis == (ren414(111), ren414(89, paragraph=1), ren414(98))
    # the same answer as REN 1.000/2021, art. 321, I with art. 288, § 1º the next day
    after = bill_by_average([], case=EMERGENCY, on=FIRST_REN1000)
    assert after.availability_charge_instead
    assert after.norm is Norm.REN_1000_2021


def test_emergency_without_regular_supply_is_a_gap() -> None:
    with pytest.raises(RegulatoryGapError) as info:
        bill_by_average(HISTORY, case=EMERGENCY, on=LAST_REN414, supply_maintained=False)
    assert info.value.code == "emergency_supply_not_maintained"
    assert info.value.basis == (ren414(111),)


def test_emergency_before_ren479() -> None:
    day = REN479 - timedelta(days=1)
    # with history and regular supply: the 12-cycle mean (study note), as before
    bill = bill_by_average(HISTORY, case=EMERGENCY, on=day)
    assert (bill.kwh, bill.basis) == (Decimal(155), (ren414(111),))
    # the earlier wording of art. 111 was not found: no fallback, no supply rule
    for history, supply in (([], True), (HISTORY, False)):
        with pytest.raises(UnsupportedCaseError, match="111"):
            bill_by_average(history, case=EMERGENCY, on=day, supply_maintained=supply)


@pytest.mark.parametrize(
    ("kwargs", "article"),
    [
        pytest.param({"case": AverageBillingCase.ACCESS_IMPEDIMENT}, "87", id="art87-no-history"),
        pytest.param({"case": AverageBillingCase.METER_REMOVED}, "90", id="art90-no-history"),
    ],
)
def test_no_history_refusals_name_the_article(kwargs: dict[str, object], article: str) -> None:
    with pytest.raises(UnsupportedCaseError, match=article):
        bill_by_average([], on=date(2019, 5, 1), **kwargs)  # type: ignore[arg-type]


def test_streak_and_meter_refusals_name_the_article() -> None:
    on = date(2019, 5, 1)
    with pytest.raises(UnsupportedCaseError, match=r"art\. 87"):
        bill_by_average(
            HISTORY, case=AverageBillingCase.ACCESS_IMPEDIMENT, on=on, consecutive_cycles=4
        )
    with pytest.raises(UnsupportedCaseError, match=r"art\. 90"):
        bill_by_average(
            HISTORY, case=AverageBillingCase.METER_REMOVED, on=on, days_without_meter=31
        )
    # 30 days is still the study note's 12-cycle mean
    assert bill_by_average(
        HISTORY, case=AverageBillingCase.METER_REMOVED, on=on, days_without_meter=30
    ).kwh == Decimal(155)


def test_multi_month_refusals_name_the_paragraph() -> None:
    with pytest.raises(UnsupportedCaseError, match="§ 2º"):
        bill_multi_month_reading(
            HISTORY,
            source=MultiMonthSource.DISTRIBUTOR_MISSED,
            on=date(2019, 5, 1),
            rural=True,
            cycles_since_distributor_reading=2,
        )
    with pytest.raises(UnsupportedCaseError, match="§ 1º"):
        bill_multi_month_reading(
            [],
            source=MultiMonthSource.NO_SELF_READING,
            on=REN479 - timedelta(days=1),
            rural=True,
            cycles_since_distributor_reading=2,
        )


# ---------------------------------------------------------------- art. 115 (ANEEL's summary)
def test_meter_defect_without_factor_or_history_is_the_next_billing() -> None:
    # only the third criterion ANEEL's summary lists is usable: the same in order or by choice
    decided = meter_defect_criterion(
        on=LAST_REN414, correction_factor_available=False, normal_history_cycles=0
    )
    assert decided.value is MeterDefectCriterion.NEXT_BILLING
    assert decided.basis == (ren414(115),)
    after = meter_defect_criterion(
        on=FIRST_REN1000, correction_factor_available=False, normal_history_cycles=0
    )
    assert after.value is MeterDefectCriterion.NEXT_BILLING
    assert after.basis == (ren1000(255, item="III"),)


@pytest.mark.parametrize(
    ("factor", "history"),
    [
        pytest.param(True, 0, id="factor"),
        pytest.param(False, 1, id="history"),
        pytest.param(True, 12, id="both"),
    ],
)
def test_meter_defect_order_not_found_is_refused(factor: bool, history: int) -> None:
    with pytest.raises(UnsupportedCaseError, match="115"):
        meter_defect_criterion(
            on=date(2016, 5, 1), correction_factor_available=factor, normal_history_cycles=history
        )
