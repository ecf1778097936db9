"""Reading intervals, billable consumption, availability charge, averages (REN 1.000 / REN 414)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Context, Decimal, localcontext

import pytest

from aneel_rules import (
    InvalidInputError,
    NotInForceError,
    RegulatoryGapError,
    UnsupportedCaseError,
    ren414,
    ren1000,
)
from aneel_rules._billing.messages import TEMPLATES
from aneel_rules.billing_cycle import (
    LOW_VALUE_MAX_CYCLES,
    THREE_PHASE_LOW_INCOME_AVAILABILITY,
    AvailabilityExemption,
    AverageBillingCase,
    ReadingKind,
    SupplyType,
    availability_charge,
    availability_charge_kwh,
    average_consumption,
    bill_by_average,
    billable_consumption,
    check_reading_interval,
    low_value_accumulation_allowed,
    temporary_connection_advance,
)
from aneel_rules.i18n import translate
from aneel_rules.legal import Norm, in_force_from
from aneel_rules.tariffs import Group

K = ReadingKind
START = date(2026, 1, 5)


def _after(days: int, start: date = START) -> date:
    return start + timedelta(days=days)


# ---------------------------------------------------------------- reading interval (art. 260/261)
@pytest.mark.parametrize(
    ("days", "kind", "ok"),
    [
        pytest.param(26, K.REGULAR, False, id="REN1000-art260-26-days-below"),
        pytest.param(27, K.REGULAR, True, id="REN1000-art260-27-days-minimum"),
        pytest.param(33, K.REGULAR, True, id="REN1000-art260-33-days-maximum"),
        pytest.param(34, K.REGULAR, False, id="REN1000-art260-34-days-above"),
        pytest.param(14, K.FIRST_BILLING, False, id="REN1000-art260-p1-14-days"),
        pytest.param(15, K.FIRST_BILLING, True, id="REN1000-art260-p1-15-days"),
        pytest.param(47, K.FIRST_BILLING, True, id="REN1000-art260-p1-47-days"),
        pytest.param(48, K.FIRST_BILLING, False, id="REN1000-art260-p1-48-days"),
        pytest.param(15, K.ROUTE_CHANGE, True, id="REN1000-art260-p1-route-15"),
        pytest.param(48, K.ROUTE_CHANGE, False, id="REN1000-art260-p1-route-48"),
    ],
)
def test_group_b_interval_limits(days: int, kind: ReadingKind, ok: bool) -> None:
    check = check_reading_interval(START, _after(days), kind=kind)
    assert (check.days, check.ok) == (days, ok)
    expected_basis = ren1000(260) if kind is K.REGULAR else ren1000(260, paragraph=1)
    assert check.basis == (expected_basis,)
    assert check.norm is Norm.REN_1000_2021


def test_issue_example_36_days() -> None:
    check = check_reading_interval(date(2026, 1, 5), date(2026, 2, 10))
    assert (check.days, check.minimum, check.maximum, check.ok) == (36, 27, 33, False)
    first = check_reading_interval(date(2026, 1, 5), date(2026, 2, 10), kind=K.FIRST_BILLING)
    assert (first.minimum, first.maximum, first.ok) == (15, 47, True)


@pytest.mark.parametrize(
    ("current", "norm", "basis"),
    [
        pytest.param(date(2022, 1, 2), Norm.REN_414_2010, ren414(84), id="REN414-art84-day-before"),
        pytest.param(date(2022, 1, 3), Norm.REN_1000_2021, ren1000(260), id="REN1000-art260-on"),
        pytest.param(date(2022, 1, 4), Norm.REN_1000_2021, ren1000(260), id="REN1000-art260-after"),
    ],
)
def test_regime_switch_on_current_reading(current: date, norm: Norm, basis: object) -> None:
    check = check_reading_interval(current - timedelta(days=30), current)
    assert check.norm is norm
    assert check.basis == (basis,)
    assert (check.minimum, check.maximum) == (27, 33)


def test_ren414_first_billing_15_47_and_route_change_unverified() -> None:
    check = check_reading_interval(date(2015, 1, 1), date(2015, 2, 16), kind=K.FIRST_BILLING)
    assert (check.days, check.ok, check.basis) == (46, True, (ren414(84),))
    with pytest.raises(UnsupportedCaseError):
        check_reading_interval(date(2015, 1, 1), date(2015, 2, 10), kind=K.ROUTE_CHANGE)


@pytest.mark.parametrize(
    ("previous", "current", "ok"),
    [
        pytest.param(date(2026, 2, 1), date(2026, 3, 1), True, id="REN1000-art261-feb-28"),
        pytest.param(date(2026, 1, 1), date(2026, 2, 1), True, id="REN1000-art261-jan-31"),
        pytest.param(date(2026, 1, 1), date(2026, 1, 31), False, id="REN1000-art261-30-of-31"),
        pytest.param(date(2024, 2, 1), date(2024, 3, 1), True, id="REN1000-art261-leap-feb-29"),
    ],
)
def test_group_a_calendar_month(previous: date, current: date, ok: bool) -> None:
    check = check_reading_interval(previous, current, group=Group.A)
    assert check.ok is ok
    assert check.basis == (ren1000(261), ren1000(282, item="I"))
    assert check.billed_month == previous.replace(day=1)


def test_group_a_billed_month_override() -> None:
    check = check_reading_interval(
        date(2026, 1, 31), date(2026, 3, 3), group=Group.A, billed_month=date(2026, 2, 14)
    )
    assert (check.minimum, check.billed_month) == (28, date(2026, 2, 1))


@pytest.mark.parametrize(
    ("kind", "item"),
    [
        pytest.param(K.FIRST_BILLING, "I", id="REN1000-art261-pu-I"),
        pytest.param(K.END_OF_GROUP_B_OPTION, "II", id="REN1000-art261-pu-II"),
        pytest.param(K.VOLTAGE_CHANGE, "III", id="REN1000-art261-pu-III"),
    ],
)
def test_group_a_exceptions_15_47(kind: ReadingKind, item: str) -> None:
    for days, ok in ((14, False), (15, True), (47, True), (48, False)):
        check = check_reading_interval(START, _after(days), kind=kind, group=Group.A)
        assert check.ok is ok
        assert check.basis == (ren1000(261, paragraph="único", item=item),)


def test_kind_group_mismatch_and_bad_input() -> None:
    with pytest.raises(InvalidInputError) as info:
        check_reading_interval(START, _after(30), kind=K.VOLTAGE_CHANGE)
    assert info.value.codes == ("kind_not_for_group",)
    with pytest.raises(InvalidInputError):
        check_reading_interval(START, _after(30), kind=K.ROUTE_CHANGE, group=Group.A)
    with pytest.raises(InvalidInputError) as info:
        check_reading_interval(START, START)
    assert info.value.codes == ("not_after_previous",)
    assert "2026-01-05" in info.value.errors[0].message
    with pytest.raises(InvalidInputError):
        check_reading_interval("2026-01-01", START)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        check_reading_interval(START, _after(30), kind="regular")  # type: ignore[arg-type]
    with pytest.raises(UnsupportedCaseError):
        check_reading_interval(
            date(2015, 1, 1), date(2015, 2, 10), kind=K.VOLTAGE_CHANGE, group=Group.A
        )
    with pytest.raises(NotInForceError):
        check_reading_interval(date(2009, 1, 1), date(2009, 2, 1))


# ---------------------------------------------------------------- billable consumption (art. 285)
@pytest.mark.parametrize(
    ("days", "measured", "kwh", "availability", "first_basis"),
    [
        pytest.param(26, "260", "260", False, ren1000(285, item="I"), id="REN1000-art285-I-26"),
        pytest.param(27, "270", "270", True, ren1000(260), id="REN1000-art290-27"),
        pytest.param(33, "330", "330", True, ren1000(260), id="REN1000-art290-33"),
        pytest.param(34, "340", "330", True, ren1000(285, item="II"), id="REN1000-art285-II-34"),
        pytest.param(36, "360", "330", True, ren1000(285, item="II"), id="REN1000-art285-II-36"),
    ],
)
def test_group_b_billable(
    days: int, measured: str, kwh: str, availability: bool, first_basis: object
) -> None:
    result = billable_consumption(Decimal(measured), START, _after(days))
    assert result.kwh == Decimal(kwh)
    assert result.availability_charge_applies is availability
    assert result.prorated is (days > 33)
    assert result.basis[0] == first_basis


def test_group_b_first_billing_prorates_to_47() -> None:
    result = billable_consumption(Decimal(500), START, _after(50), kind=K.FIRST_BILLING)
    assert result.kwh == Decimal(470)
    inside = billable_consumption(Decimal(200), START, _after(20), kind=K.FIRST_BILLING)
    assert (inside.kwh, inside.availability_charge_applies) == (Decimal(200), True)
    short = billable_consumption(Decimal(100), START, _after(10), kind=K.FIRST_BILLING)
    assert short.availability_charge_applies is False


def test_prorated_value_is_exact_decimal() -> None:
    result = billable_consumption(Decimal(100), START, _after(35))
    with localcontext(Context(prec=34)):
        assert result.kwh == Decimal(3300) / 35
    assert isinstance(result.kwh, Decimal)


@pytest.mark.parametrize(
    ("previous", "current", "measured", "kwh", "basis0"),
    [
        pytest.param(
            date(2026, 1, 1),
            date(2026, 1, 29),
            "280",
            "280",
            ren1000(286, item="I"),
            id="REN1000-art286-I-short",
        ),
        pytest.param(
            date(2026, 1, 1),
            date(2026, 2, 3),
            "330",
            "310",
            ren1000(286, item="II"),
            id="REN1000-art286-II-long",
        ),
        pytest.param(
            date(2026, 1, 1), date(2026, 2, 1), "310", "310", ren1000(261), id="REN1000-art261-ok"
        ),
    ],
)
def test_group_a_billable(
    previous: date, current: date, measured: str, kwh: str, basis0: object
) -> None:
    result = billable_consumption(
        Decimal(measured), previous, current, group=Group.A, billed_month=date(2026, 1, 1)
    )
    assert result.kwh == Decimal(kwh)
    assert result.availability_charge_applies is False
    assert result.basis[0] == basis0


@pytest.mark.parametrize("kind", [K.FIRST_BILLING, K.END_OF_GROUP_B_OPTION, K.VOLTAGE_CHANGE])
@pytest.mark.parametrize(
    ("days", "kwh", "first_basis"),
    [
        # art. 286, I: shorter than the calendar month → the measured consumption
        pytest.param(1, Decimal(10), ren1000(286, item="I"), id="REN1000-art286-I-1-day"),
        pytest.param(14, Decimal(10), ren1000(286, item="I"), id="REN1000-art286-I-14-days"),
        # art. 261, parágrafo único: 15 to 47 days allowed
        pytest.param(15, Decimal(10), None, id="REN1000-art261-pu-15-days"),
        pytest.param(47, Decimal(10), None, id="REN1000-art261-pu-47-days"),
        # 48 days: art. 286, II and the 47-day maximum disagree
        pytest.param(48, None, None, id="REN1000-art286-II-48-days-gap"),
    ],
)
def test_group_a_exception_interval(
    kind: ReadingKind, days: int, kwh: Decimal | None, first_basis: object
) -> None:
    item = {K.FIRST_BILLING: "I", K.END_OF_GROUP_B_OPTION: "II", K.VOLTAGE_CHANGE: "III"}[kind]
    exception = ren1000(261, paragraph="único", item=item)
    if kwh is None:
        with pytest.raises(RegulatoryGapError) as info:
            billable_consumption(Decimal(10), START, _after(days), kind=kind, group=Group.A)
        assert info.value.basis == (exception,)
        return
    result = billable_consumption(Decimal(10), START, _after(days), kind=kind, group=Group.A)
    assert (result.kwh, result.prorated, result.availability_charge_applies) == (kwh, False, False)
    expected = (exception,) if first_basis is None else (first_basis, exception)
    assert result.basis == expected


def test_group_a_exception_bad_input_before_gap() -> None:
    with pytest.raises(InvalidInputError) as info:
        billable_consumption(Decimal(-1), START, _after(60), kind=K.FIRST_BILLING, group=Group.A)
    assert info.value.codes == ("negative",)


def test_billable_rejects_bad_input_and_ren414() -> None:
    with pytest.raises(InvalidInputError) as info:
        billable_consumption(Decimal(-1), START, _after(30))
    assert info.value.codes == ("negative",)
    # energy is a physical quantity: a float is read through its shortest repr (issue 7, 4)
    assert billable_consumption(100.5, START, _after(30)).kwh == Decimal("100.5")  # type: ignore[arg-type]
    assert billable_consumption(Decimal(100), date(2021, 12, 4), date(2022, 1, 3)).kwh == 100


# REN 414/2010, art. 88, § 1º (REN 479/2012, VERIFIED-QUOTE): "I – ultrapassado o limite máximo de
# 33 (trinta e três) dias, o consumo registrado deve ser proporcional ao número máximo de dias
# permitido [...]; II – não atingido o limite mínimo de 27 (vinte e sete) dias, deve ser faturado o
# consumo medido, vedada a aplicação do custo de disponibilidade."
REN479 = date(2012, 4, 3)


@pytest.mark.parametrize(
    ("days", "kwh", "availability", "item"),
    [
        (26, Decimal(260), False, "II"),
        (27, Decimal(270), True, None),
        (33, Decimal(330), True, None),
        (34, Decimal(330), True, "I"),  # 340 kWh in 34 days → 340 × 33 / 34 = 330
    ],
)
def test_billable_ren414_art88(
    days: int, kwh: Decimal, availability: bool, item: str | None
) -> None:
    last = date(2021, 12, 20)
    b = billable_consumption(Decimal(10 * days), last - timedelta(days=days), last)
    assert (b.kwh, b.availability_charge_applies, b.prorated) == (kwh, availability, days > 33)
    assert b.interval.norm is Norm.REN_414_2010
    if item is None:
        assert b.basis[-1] == ren414(98, paragraph=1)
    else:
        assert b.basis[0] == ren414(88, paragraph=1, item=item, amended_by=Norm.REN_479_2012)


def test_billable_ren414_boundaries_of_wording_and_regime() -> None:
    # in the interval the answer needs no art. 88 wording: answered before REN 479/2012 too
    inside = billable_consumption(Decimal(300), date(2011, 1, 1), date(2011, 1, 31))
    assert (inside.kwh, inside.availability_charge_applies) == (Decimal(300), True)
    # outside it, the original 2010 wording of art. 88 is missing
    with pytest.raises(UnsupportedCaseError, match="88"):
        billable_consumption(Decimal(340), REN479 - timedelta(days=35), REN479 - timedelta(days=1))
    answered = billable_consumption(Decimal(340), REN479 - timedelta(days=34), REN479)
    assert answered.kwh == Decimal(330)
    # regime switch on the current reading: 34 days ending 2 Jan 2022 (REN 414) and 3 Jan 2022
    old = billable_consumption(Decimal(340), date(2021, 11, 29), date(2022, 1, 2))
    new = billable_consumption(Decimal(340), date(2021, 11, 30), date(2022, 1, 3))
    assert old.basis[0] == ren414(88, paragraph=1, item="I", amended_by=Norm.REN_479_2012)
    assert new.basis[0] == ren1000(285, item="II")
    assert old.kwh == new.kwh == Decimal(330)


def test_billable_ren414_refusals() -> None:
    # a first billing outside 15–47 days: art. 88, § 1º names only art. 84's caput
    with pytest.raises(UnsupportedCaseError):
        billable_consumption(
            Decimal(100), date(2020, 1, 1), date(2020, 1, 10), kind=K.FIRST_BILLING
        )
    first = billable_consumption(
        Decimal(100), date(2020, 1, 1), date(2020, 1, 20), kind=K.FIRST_BILLING
    )
    assert (first.kwh, first.availability_charge_applies) == (Decimal(100), True)
    with pytest.raises(UnsupportedCaseError):
        billable_consumption(
            Decimal(100),
            date(2020, 1, 1),
            date(2020, 2, 10),
            group=Group.A,
            kind=K.END_OF_GROUP_B_OPTION,
        )


# ---------------------------------------------------------------- availability charge (art. 291)
@pytest.mark.parametrize(
    ("supply", "kwh", "item"),
    [
        pytest.param(SupplyType.SINGLE_PHASE, 30, "I", id="REN1000-art291-I-mono"),
        pytest.param(SupplyType.TWO_PHASE_TWO_WIRE, 30, "I", id="REN1000-art291-I-bi2"),
        pytest.param(SupplyType.TWO_PHASE_THREE_WIRE, 50, "II", id="REN1000-art291-II-bi3"),
        pytest.param(SupplyType.THREE_PHASE, 100, "III", id="REN1000-art291-III-tri"),
    ],
)
def test_availability_charge_values(supply: SupplyType, kwh: int, item: str) -> None:
    charge = availability_charge(supply, on=date(2024, 1, 1))
    assert (charge.kwh, charge.applies) == (kwh, True)
    assert charge.basis == (ren1000(291, item=item),)


@pytest.mark.parametrize(
    ("on", "low_income", "measured", "kwh"),
    [
        pytest.param(date(2025, 7, 4), True, "80", 100, id="REN1000-art291-III-day-before"),
        pytest.param(date(2025, 7, 5), True, "80", 80, id="REN1147-art291-III-on-80"),
        pytest.param(date(2025, 7, 6), True, "79.99", 80, id="REN1147-art291-III-after"),
        pytest.param(date(2025, 7, 6), True, "80.01", 100, id="REN1147-art291-IV-above-80"),
        pytest.param(date(2026, 1, 1), False, "50", 100, id="REN1147-art291-IV-not-low-income"),
    ],
)
def test_three_phase_low_income(on: date, low_income: bool, measured: str, kwh: int) -> None:
    assert (
        availability_charge_kwh(
            SupplyType.THREE_PHASE, on=on, low_income=low_income, measured_kwh=Decimal(measured)
        )
        == kwh
    )


def test_low_income_timeline_and_measured_required() -> None:
    assert THREE_PHASE_LOW_INCOME_AVAILABILITY.value_on(date(2025, 7, 5)) == 80
    assert "9 Dec 2025" in THREE_PHASE_LOW_INCOME_AVAILABILITY.periods[-1].note
    with pytest.raises(InvalidInputError) as info:
        availability_charge(SupplyType.THREE_PHASE, on=date(2026, 1, 1), low_income=True)
    assert info.value.codes == ("measured_required",)
    # Single-phase low income is unaffected: 30 kWh
    assert (
        availability_charge_kwh(SupplyType.SINGLE_PHASE, on=date(2026, 1, 1), low_income=True) == 30
    )


@pytest.mark.parametrize(
    ("exemption", "item"),
    [
        pytest.param(AvailabilityExemption.PUBLIC_LIGHTING, "I", id="REN1000-art290-p1-I"),
        pytest.param(AvailabilityExemption.SIGFI_MIGDI, "II", id="REN1000-art290-p1-II"),
        pytest.param(AvailabilityExemption.PREPAYMENT, "III", id="REN1000-art290-p1-III"),
    ],
)
def test_availability_exemptions(exemption: AvailabilityExemption, item: str) -> None:
    charge = availability_charge(SupplyType.THREE_PHASE, on=date(2026, 1, 1), exemption=exemption)
    assert (charge.kwh, charge.applies) == (0, False)
    assert charge.basis == (ren1000(290, paragraph=1, item=item),)


# REN 414/2010, art. 98 (ANEEL booklet, VERIFIED-QUOTE): "I - 30 kWh, se monofásico ou bifásico
# a 2 (dois) condutores; II - 50 kWh, se bifásico a 3 (três) condutores; ou III - 100 kWh, se
# trifásico."
@pytest.mark.parametrize(
    ("supply", "kwh", "item"),
    [
        (SupplyType.SINGLE_PHASE, 30, "I"),
        (SupplyType.TWO_PHASE_TWO_WIRE, 30, "I"),
        (SupplyType.TWO_PHASE_THREE_WIRE, 50, "II"),
        (SupplyType.THREE_PHASE, 100, "III"),
    ],
)
@pytest.mark.parametrize("day", [date(2010, 9, 15), date(2016, 6, 1), date(2022, 1, 2)])
def test_availability_ren414_art98(supply: SupplyType, kwh: int, item: str, day: date) -> None:
    charge = availability_charge(supply, on=day)
    assert (charge.kwh, charge.applies) == (kwh, True)
    assert charge.basis == (ren414(98, item=item),)
    # § 2º: the low-income discounts are on the tariff; the 80 kWh rule is REN 1.000's (2025)
    low = availability_charge(supply, on=day, low_income=True, measured_kwh=Decimal(75))
    assert low.kwh == kwh


def test_availability_regime_boundary() -> None:
    assert availability_charge(SupplyType.SINGLE_PHASE, on=date(2022, 1, 2)).basis == (
        ren414(98, item="I"),
    )
    assert availability_charge(SupplyType.SINGLE_PHASE, on=date(2022, 1, 3)).basis == (
        ren1000(291, item="I"),
    )
    with pytest.raises(NotInForceError):
        availability_charge(SupplyType.SINGLE_PHASE, on=date(2010, 9, 14))


# REN 414/2010, art. 98, § 3º (REN 479/2012): "[...] Baixa Renda Indígena ou [...] Quilombola será
# concedido desconto integral para os casos previstos nos incisos I e II e no caso do inciso III
# será cobrado o valor em moeda corrente equivalente a 50 kWh."
@pytest.mark.parametrize(
    ("supply", "kwh"),
    [
        (SupplyType.SINGLE_PHASE, 0),
        (SupplyType.TWO_PHASE_TWO_WIRE, 0),
        (SupplyType.TWO_PHASE_THREE_WIRE, 0),
        (SupplyType.THREE_PHASE, 50),
    ],
)
def test_availability_ren414_indigenous_quilombola(supply: SupplyType, kwh: int) -> None:
    since = in_force_from(Norm.REN_479_2012)
    charge = availability_charge(supply, on=since, indigenous_or_quilombola=True)
    assert charge.kwh == kwh
    assert charge.basis[-1] == ren414(98, paragraph=3, amended_by=Norm.REN_479_2012)
    assert (
        availability_charge_kwh(supply, on=date(2022, 1, 2), indigenous_or_quilombola=True) == kwh
    )
    with pytest.raises(UnsupportedCaseError, match="98, § 3º"):
        availability_charge(supply, on=since - timedelta(days=1), indigenous_or_quilombola=True)
    # REN 1.000/2021, art. 291 has no such paragraph: the caput applies
    plain = availability_charge(supply, on=date(2022, 1, 3))
    assert availability_charge(supply, on=date(2022, 1, 3), indigenous_or_quilombola=True) == plain


def test_availability_ren414_refusals_and_bad_input() -> None:
    with pytest.raises(UnsupportedCaseError):
        availability_charge(
            SupplyType.SINGLE_PHASE,
            on=date(2020, 1, 1),
            exemption=AvailabilityExemption.PUBLIC_LIGHTING,
        )
    with pytest.raises(UnsupportedCaseError):
        availability_charge(SupplyType.SINGLE_PHASE, on=date(2020, 1, 1), scee_cadunico=True)
    with pytest.raises(InvalidInputError):
        availability_charge(
            SupplyType.SINGLE_PHASE,
            on=date(2020, 1, 1),
            indigenous_or_quilombola="yes",  # type: ignore[arg-type]
        )
    with pytest.raises(InvalidInputError):
        availability_charge(SupplyType.SINGLE_PHASE, on=date(2020, 1, 1), measured_kwh=Decimal(-1))
    with pytest.raises(InvalidInputError):
        availability_charge("trifásico", on=date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        availability_charge(SupplyType.THREE_PHASE, on=date(2026, 1, 1), low_income=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        availability_charge(SupplyType.THREE_PHASE, on=date(2026, 1, 1), exemption="x")  # type: ignore[arg-type]


# ---------------------------------------------------------------- averages (arts. 288–289, 320–321)
def test_average_last_12_of_longer_history() -> None:
    history = [Decimal(1000)] * 3 + [Decimal(100)] * 12
    assert average_consumption(history) == Decimal(100)
    assert average_consumption([Decimal(1), Decimal(2)], cycles=12) == Decimal("1.5")


def test_average_rejects_bad_history() -> None:
    with pytest.raises(InvalidInputError) as info:
        average_consumption([])
    assert info.value.codes == ("empty_history",)
    assert info.value.errors[0].basis == ren1000(288, paragraph=1)
    with pytest.raises(InvalidInputError):
        average_consumption([Decimal(-1)])
    with pytest.raises(InvalidInputError):
        average_consumption([float("nan")])  # type: ignore[list-item]
    # kWh are a physical quantity: a float is read through its shortest repr
    assert average_consumption([1.5, 2.5]) == Decimal(2)  # type: ignore[list-item]
    with pytest.raises(InvalidInputError):
        average_consumption([Decimal(1)], cycles=0)
    with pytest.raises(InvalidInputError):
        average_consumption("123")  # type: ignore[arg-type]


HISTORY = [Decimal(v) for v in (100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210)]


@pytest.mark.parametrize(
    ("streak", "may_suspend"),
    [
        pytest.param(2, False, id="REN1000-art280-2nd-cycle"),
        pytest.param(3, True, id="REN1000-art280-3rd-cycle"),
        pytest.param(4, True, id="REN1000-art280-4th-cycle"),
    ],
)
def test_access_impediment(streak: int, may_suspend: bool) -> None:
    bill = bill_by_average(
        HISTORY,
        case=AverageBillingCase.ACCESS_IMPEDIMENT,
        on=date(2026, 1, 1),
        consecutive_cycles=streak,
    )
    assert bill.kwh == Decimal(155)
    assert bill.cycles_averaged == 12
    assert bill.may_suspend_supply is may_suspend
    assert bill.basis[0] == ren1000(289, item="II")
    assert (ren1000(280) in bill.basis) is may_suspend


@pytest.mark.parametrize(
    ("days", "responsible", "instead"),
    [
        pytest.param(30, True, False, id="REN1000-art320-30-days"),
        pytest.param(31, True, True, id="REN1000-art320-pu-31-days"),
        pytest.param(31, False, False, id="REN1000-art320-pu-not-distributor"),
    ],
)
def test_meter_removed(days: int, responsible: bool, instead: bool) -> None:
    bill = bill_by_average(
        HISTORY,
        case=AverageBillingCase.METER_REMOVED,
        on=date(2026, 1, 1),
        days_without_meter=days,
        distributor_responsible=responsible,
    )
    assert bill.availability_charge_instead is instead
    assert (bill.kwh is None) is instead
    if instead:
        assert bill.basis[0] == ren1000(320, paragraph="único")
    else:
        assert bill.basis == (ren1000(320, item="I"), ren1000(320, item="II"))


def test_emergency() -> None:
    bill = bill_by_average(HISTORY[:6], case=AverageBillingCase.EMERGENCY, on=date(2026, 1, 1))
    assert (bill.kwh, bill.cycles_averaged) == (Decimal(125), 6)
    assert ren1000(288, paragraph=1) in bill.basis
    assert ren1000(321, item="III") in bill.basis
    with pytest.raises(RegulatoryGapError):
        bill_by_average(
            HISTORY, case=AverageBillingCase.EMERGENCY, on=date(2026, 1, 1), supply_maintained=False
        )


def test_no_history_bills_availability_charge() -> None:
    bill = bill_by_average([], case=AverageBillingCase.ACCESS_IMPEDIMENT, on=date(2026, 1, 1))
    assert bill.availability_charge_instead
    assert bill.kwh is None
    assert ren1000(288, paragraph=1) in bill.basis


@pytest.mark.parametrize(
    ("case", "article"),
    [
        pytest.param(AverageBillingCase.ACCESS_IMPEDIMENT, 87, id="REN414-art87"),
        pytest.param(AverageBillingCase.METER_REMOVED, 90, id="REN414-art90"),
        pytest.param(AverageBillingCase.EMERGENCY, 111, id="REN414-art111"),
    ],
)
def test_ren414_average(case: AverageBillingCase, article: int) -> None:
    bill = bill_by_average(HISTORY, case=case, on=date(2022, 1, 2))
    assert bill.norm is Norm.REN_414_2010
    assert bill.basis == (ren414(article),)
    assert bill.may_suspend_supply is None
    assert bill_by_average(HISTORY, case=case, on=date(2022, 1, 3)).norm is Norm.REN_1000_2021


def test_ren414_average_unverified_cases() -> None:
    on = date(2020, 1, 1)
    with pytest.raises(UnsupportedCaseError):
        bill_by_average([], case=AverageBillingCase.ACCESS_IMPEDIMENT, on=on)
    with pytest.raises(UnsupportedCaseError):
        bill_by_average(
            HISTORY, case=AverageBillingCase.ACCESS_IMPEDIMENT, on=on, consecutive_cycles=4
        )
    assert bill_by_average(
        HISTORY, case=AverageBillingCase.ACCESS_IMPEDIMENT, on=on, consecutive_cycles=3
    ).kwh == Decimal(155)
    with pytest.raises(UnsupportedCaseError):
        bill_by_average(
            HISTORY, case=AverageBillingCase.METER_REMOVED, on=on, days_without_meter=31
        )


def test_bill_by_average_bad_input() -> None:
    on = date(2026, 1, 1)
    with pytest.raises(InvalidInputError):
        bill_by_average(HISTORY, case="x", on=on)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        bill_by_average(HISTORY, case=AverageBillingCase.EMERGENCY, on=on, consecutive_cycles=0)
    with pytest.raises(InvalidInputError):
        bill_by_average(HISTORY, case=AverageBillingCase.EMERGENCY, on=on, days_without_meter=-1)
    with pytest.raises(InvalidInputError):
        bill_by_average(HISTORY, case=AverageBillingCase.EMERGENCY, on=on, supply_maintained=None)  # type: ignore[arg-type]


# ---------------------------------------------------------------- temporary connection, art. 318
@pytest.mark.parametrize(
    ("on", "basis"),
    [
        pytest.param(date(2022, 1, 2), ren414(52), id="REN414-art52"),
        pytest.param(date(2022, 1, 3), ren1000(504), id="REN1000-art504"),
    ],
)
def test_temporary_connection_advance(on: date, basis: object) -> None:
    result = temporary_connection_advance(Decimal("100.50"), on=on)
    assert result.value == Decimal("301.50")
    assert result.basis == (basis,)
    assert temporary_connection_advance(Decimal("100.50"), on=on, cycles=2).value == Decimal(
        "201.00"
    )
    with pytest.raises(InvalidInputError) as info:
        temporary_connection_advance(Decimal("100.50"), on=on, cycles=4)
    assert info.value.codes == ("too_many_cycles",)
    with pytest.raises(InvalidInputError):
        temporary_connection_advance(Decimal(-1), on=on)


def test_low_value_accumulation() -> None:
    on = date(2026, 1, 1)
    assert LOW_VALUE_MAX_CYCLES == 3
    assert low_value_accumulation_allowed(3, on=on).value is True
    assert low_value_accumulation_allowed(4, on=on).value is False
    assert low_value_accumulation_allowed(4, on=on).basis == (ren1000(318, paragraph=3),)
    with pytest.raises(UnsupportedCaseError):
        low_value_accumulation_allowed(1, on=date(2021, 1, 1))


# ---------------------------------------------------------------- every template is translated
@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_has_a_portuguese_translation(code: str) -> None:
    template = TEMPLATES[code]
    translated = translate(template, domain="billing_cycle", lang="pt_BR")
    assert translated != template
    names = {part.split("}")[0] for part in template.split("{")[1:]}
    for name in names:
        assert "{" + name + "}" in translated
