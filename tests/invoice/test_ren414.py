"""compute_bill on REN 414/2010 dates: values from the quoted texts, both sides of each change.

Tarifa social: Lei 12.212/2010, arts. 1º and 2º, § 4º (quoted in ``_invoice/social.py``); flags:
REN 547/2013, art. 3º in the wording of REN 626/2014 (quoted in ``_invoice/charges.py``); the
availability charge: REN 414/2010, art. 98 (``shared/sources/ren414_excerpts.md``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError
from aneel_rules.billing_cycle import SupplyType
from aneel_rules.invoice import (
    Bill,
    BillOptions,
    FlagMonth,
    Measurements,
    TariffFlag,
    TariffRates,
    TrialKind,
    TrialPeriod,
    compute_bill,
)
from aneel_rules.legal import LegalRef, Norm, ren414, ren1000
from aneel_rules.tariffs import ConsumerClass, ConsumerUnit, Subgroup, TariffModality, TariffPost

D = Decimal
PEAK, OFF = TariffPost.PEAK, TariffPost.OFF_PEAK
LAW_ART1 = LegalRef(norm=Norm.LEI_12212_2010, article=1)
LAW_ART2_P4 = LegalRef(norm=Norm.LEI_12212_2010, article=2, paragraph=4)
FLAGS_414 = LegalRef(norm=Norm.REN_547_2013, article=3, amended_by=Norm.REN_626_2014)
FLAGS_414_DAYS = LegalRef(
    norm=Norm.REN_547_2013, article=3, paragraph="único", amended_by=Norm.REN_626_2014
)
GREEN_DEC_JAN = [
    FlagMonth(date(y, m, 1), TariffFlag.GREEN, D(0)) for y, m in ((2021, 12), (2022, 1))
]
HOME = ConsumerUnit(connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL)
FAMILY = ConsumerUnit(
    connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL, low_income=True
)
ISOLATED = ConsumerUnit(
    connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL, isolated_system=True
)
FACTORY = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.INDUSTRIAL)


def _rates(
    te: str = "600", tusd: str = "400", since: date = date(2010, 9, 15), **kw: object
) -> TariffRates:
    # R$ 1,00/kWh before taxes (fictitious, to make the slices visible)
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.B1,
        modality=TariffModality.CONVENTIONAL_MONOMIAL,
        te_mwh=D(te),
        tusd_mwh=D(tusd),
        valid_from=since,
        **kw,  # type: ignore[arg-type]
    )


def _month(end: date) -> tuple[date, date]:
    start = date(end.year - (end.month == 1), (end.month - 2) % 12 + 1, min(end.day, 28))
    return start, end


def _greens(start: date, end: date) -> list[FlagMonth]:
    """Verde for every month of the reading period (``start`` excluded).

    From REN 626/2014 (DOU of 6 Oct 2014) a REN 414/2010 bill needs each month's flag, as a
    REN 1.000/2021 bill does; verde adds nothing (REN 547/2013, art. 3º; REN 1.000, art. 309).
    """
    first = date.fromordinal(start.toordinal() + 1)
    months = range(first.year * 12 + first.month - 1, end.year * 12 + end.month)
    return [FlagMonth(date(i // 12, i % 12 + 1, 1), TariffFlag.GREEN, D(0)) for i in months]


def _bill(kwh: object, end: date, *, unit: ConsumerUnit = FAMILY, **options: object) -> Bill:
    flags = options.pop("flags", _greens(*_month(end)))
    assert isinstance(flags, (list, tuple))
    return compute_bill(
        unit,
        Measurements(energy_kwh=kwh),
        _rates(),
        period=_month(end),
        flags=flags,
        options=BillOptions(**options),  # type: ignore[arg-type]
    )


# --- tarifa social: Lei 12.212/2010, art. 1º, I–IV --------------------------------------------


@pytest.mark.parametrize(
    ("kwh", "total"),
    [
        # art. 1º, I: 65 % "inferior ou igual a 30 kWh"; II: 40 % from 31; III: 10 % from 101
        pytest.param(30, D("10.50"), id="art1-I-30"),
        pytest.param(31, D("11.10"), id="art1-II-31"),
        pytest.param(100, D("52.50"), id="art1-II-100"),
        pytest.param(101, D("53.40"), id="art1-III-101"),
        pytest.param(150, D("97.50"), id="art1-III-150-dossier-vector"),
        pytest.param(220, D("160.50"), id="art1-III-220"),
        # art. 1º, IV: "superior a 220 kWh/mês, não haverá desconto"
        pytest.param(221, D("161.50"), id="art1-IV-221"),
    ],
)
def test_social_tiers_before_and_after_2022(kwh: int, total: D) -> None:
    before = _bill(kwh, date(2021, 6, 30))
    after = _bill(kwh, date(2022, 1, 31), flags=GREEN_DEC_JAN)
    assert before.total == after.total == total
    assert before.lines_of("social_discount")[0].basis == (LAW_ART1, ren414(98, paragraph=2))
    assert after.lines_of("social_discount")[0].basis[0] == ren1000(179, paragraph=1)


def test_social_tiers_from_ren414_start() -> None:
    # the first day the library answers is REN 414/2010's start (15 Sep 2010)
    assert _bill(150, date(2010, 9, 15)).total == D("97.50")
    with pytest.raises(NotInForceError):
        _bill(150, date(2010, 9, 14))


def test_social_slices_labelled() -> None:
    slices = [
        (x.quantity, x.label) for x in _bill(150, date(2019, 3, 31)).lines_of("social_discount")
    ]
    assert slices == [(D(30), "65%"), (D(70), "40%"), (D(50), "10%")]


@pytest.mark.parametrize(
    ("kwh", "total"),
    [
        # Lei 12.212/2010, art. 2º, § 4º: 100 % "até o limite de consumo de 50 kWh/mês"
        pytest.param(40, D(0), id="art2-p4-40"),
        pytest.param(50, D(0), id="art2-p4-50"),
        # then art. 1º cumulatively: 40 % to 100 kWh, 10 % to 220 kWh
        pytest.param(51, D("0.60"), id="art1-II-51"),
        pytest.param(150, D(75), id="art1-III-150"),
    ],
)
def test_indigenous_tiers_ren414(kwh: int, total: D) -> None:
    bill = _bill(kwh, date(2020, 6, 30), indigenous_or_quilombola=True)
    assert bill.total == total
    assert bill.lines_of("social_discount")[0].basis[:2] == (LAW_ART2_P4, LAW_ART1)


def test_low_income_availability_charge_ren414() -> None:
    # art. 98, I: 30 kWh single-phase; § 2º: the tiers also on the availability charge
    bill = _bill(10, date(2019, 5, 31), supply=SupplyType.SINGLE_PHASE)
    assert bill.lines_of("availability")[0].quantity == D(20)
    assert bill.lines_of("availability")[0].basis[:2] == (
        ren414(98, paragraph=1),
        ren414(98, item="I"),
    )
    assert bill.total == D("10.50")  # 30 kWh − 65 % of 30 kWh
    assert ren414(98, paragraph=2) in bill.lines_of("social_discount")[0].basis


@pytest.mark.parametrize(
    ("supply", "kwh", "total", "availability"),
    [
        # art. 98, § 3º (REN 479/2012): "desconto integral" for I and II
        pytest.param(SupplyType.SINGLE_PHASE, 20, D(0), None, id="art98-p3-I"),
        pytest.param(SupplyType.TWO_PHASE_THREE_WIRE, 45, D(0), None, id="art98-p3-II"),
        # III: "será cobrado o valor [...] equivalente a 50 kWh"
        pytest.param(SupplyType.THREE_PHASE, 20, D(50), D(30), id="art98-p3-III-below-50"),
        pytest.param(SupplyType.THREE_PHASE, 0, D(50), D(50), id="art98-p3-III-zero"),
        # at or above the caput's 100 kWh the charge does not apply: the tiers
        pytest.param(SupplyType.THREE_PHASE, 100, D(30), None, id="art98-caput-III-100"),
        pytest.param(SupplyType.THREE_PHASE, 120, D(48), None, id="art98-caput-III-120"),
    ],
)
def test_indigenous_availability_ren414(
    supply: SupplyType, kwh: int, total: D, availability: D | None
) -> None:
    bill = _bill(kwh, date(2019, 5, 31), supply=supply, indigenous_or_quilombola=True)
    assert bill.total == total
    lines = bill.lines_of("availability")
    assert (lines[0].quantity if lines else None) == availability
    if availability is not None:
        assert ren414(98, paragraph=3, amended_by=Norm.REN_479_2012) in lines[0].basis
        assert bill.lines_of("social_discount") == ()


@pytest.mark.parametrize("kwh", [50, 60, 99])
def test_indigenous_three_phase_between_readings_refused(kwh: int) -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        _bill(kwh, date(2019, 5, 31), supply=SupplyType.THREE_PHASE, indigenous_or_quilombola=True)
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(98, paragraph=3, amended_by=Norm.REN_479_2012),)


def test_indigenous_availability_before_ren479_refused() -> None:
    # the § 3º wording before REN 479/2012 (3 Apr 2012) was not found; without a supply the
    # availability charge is not asked and the tiers of the law are answered
    with pytest.raises(UnsupportedCaseError):
        _bill(20, date(2012, 4, 2), supply=SupplyType.SINGLE_PHASE, indigenous_or_quilombola=True)
    assert (
        _bill(
            20, date(2012, 4, 3), supply=SupplyType.SINGLE_PHASE, indigenous_or_quilombola=True
        ).total
        == 0
    )
    assert _bill(20, date(2012, 4, 2), indigenous_or_quilombola=True).total == 0


def test_multi_family_refused_only_before_2022() -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        _bill(300, date(2021, 12, 31), families=2)
    assert info.value.code == "unverified_ren414"
    after = _bill(
        300,
        date(2022, 1, 31),
        families=2,
        flags=GREEN_DEC_JAN,
    )
    # art. 179, § 3º: limits × 2 → 60 @ 65 %, 140 @ 40 %, 100 @ 10 %
    assert after.total == D(300) - D(39) - D(56) - D(10)


# --- bandeiras: REN 547/2013, art. 3º (REN 626/2014) ------------------------------------------

JAN_FEB = [
    FlagMonth(date(2015, 1, 1), TariffFlag.RED, D(55)),
    FlagMonth(date(2015, 2, 1), TariffFlag.YELLOW, D(25)),
]


def _flags_bill(
    unit: ConsumerUnit, start: date, end: date, flags: list[FlagMonth], **kw: object
) -> Bill:
    energy_by_day = kw.pop("energy_by_day", None)
    m = (
        Measurements(energy_kwh=300, energy_by_day=energy_by_day)
        if energy_by_day
        else Measurements(energy_kwh=300)
    )
    return compute_bill(
        unit,
        m,
        _rates(),
        period=(start, end),
        flags=flags,
        options=BillOptions(**kw),  # type: ignore[arg-type]
    )


def test_flags_pro_rata_ren414() -> None:
    # "tarifa calculada de forma proporcional aos dias de vigência de cada bandeira": 21 days of
    # January (11–31) and 9 of February (1–9) out of 30
    bill = _flags_bill(HOME, date(2015, 1, 10), date(2015, 2, 9), JAN_FEB)
    flags = bill.lines_of("flag")
    assert [x.quantity for x in flags] == [D(210), D(90)]
    assert bill.amount_of("flag") == D("11.55") + D("2.25")
    assert all(x.basis == (FLAGS_414,) for x in flags)


def test_flags_same_amounts_after_2022() -> None:
    months = [
        FlagMonth(date(2022, 1, 1), TariffFlag.RED, D(55)),
        FlagMonth(date(2022, 2, 1), TariffFlag.YELLOW, D(25)),
    ]
    after = _flags_bill(HOME, date(2022, 1, 10), date(2022, 2, 9), months)
    assert after.amount_of("flag") == D("13.80")
    assert after.lines_of("flag")[0].basis == (ren1000(307), ren1000(309))


def test_flags_appropriate_metering_ren414() -> None:
    # parágrafo único: "sobre o consumo de energia elétrica medido nos dias de vigência"
    days = {date(2015, 1, 10 + i): D(5) for i in range(1, 22)}
    days |= {date(2015, 2, i): D(20) for i in range(1, 10)}
    bill = _flags_bill(HOME, date(2015, 1, 10), date(2015, 2, 9), JAN_FEB, energy_by_day=days)
    assert [x.quantity for x in bill.lines_of("flag")] == [D(105), D(180)]
    assert bill.lines_of("flag")[0].basis == (FLAGS_414_DAYS,)


def test_flags_from_ren626_publication() -> None:
    october = [
        FlagMonth(date(2014, 9, 1), TariffFlag.GREEN, D(0)),
        FlagMonth(date(2014, 10, 1), TariffFlag.YELLOW, D(15)),
        FlagMonth(date(2014, 11, 1), TariffFlag.YELLOW, D(15)),
    ]
    # the period starts the day after the previous reading: first charged day 6 Oct 2014
    ok = _flags_bill(HOME, date(2014, 10, 5), date(2014, 11, 4), october)
    assert ok.lines_of("flag")[0].basis == (FLAGS_414,)
    with pytest.raises(UnsupportedCaseError) as info:
        _flags_bill(HOME, date(2014, 10, 4), date(2014, 11, 3), october)
    assert info.value.code == "unverified_ren414"


def test_green_flags_answered_in_every_case() -> None:
    greens = [FlagMonth(date(2013, m, 1), TariffFlag.GREEN, D(0)) for m in (5, 6)]
    bill = _flags_bill(ISOLATED, date(2013, 5, 10), date(2013, 6, 9), greens)
    assert bill.lines_of("flag") == ()


def test_flags_isolated_and_scee_refused_before_2022() -> None:
    with pytest.raises(UnsupportedCaseError):
        _flags_bill(ISOLATED, date(2015, 1, 10), date(2015, 2, 9), JAN_FEB)
    with pytest.raises(UnsupportedCaseError):
        _flags_bill(HOME, date(2015, 1, 10), date(2015, 2, 9), JAN_FEB, scee_compensated_kwh=D(10))
    # REN 1.000/2021, art. 307, § 3º: no flags in Sistemas Isolados
    months = [FlagMonth(date(2022, 1, 1), TariffFlag.RED, D(55))]
    assert _flags_bill(ISOLATED, date(2022, 1, 1), date(2022, 1, 31), months).lines_of("flag") == ()


def test_social_discount_reaches_flag_ren414() -> None:
    # "e o desconto tarifário que o consumidor tiver direito": 100 kWh, red R$ 55/MWh all month
    march = [FlagMonth(date(2015, 3, 1), TariffFlag.RED, D(55))]
    bill = compute_bill(
        FAMILY,
        Measurements(energy_kwh=100),
        _rates(),
        period=(date(2015, 2, 28), date(2015, 3, 31)),
        flags=march,
    )
    on_flag = [x for x in bill.lines_of("social_discount") if x.label.endswith("bandeira")]
    assert [x.basis for x in on_flag] == [(LAW_ART1, FLAGS_414)] * 2
    # energy 100 − 19.5 − 28 = 52.5; flag 100 × 0.055 = 5.5 less the same shares (65 %, 40 %)
    assert bill.total == D("52.5") + D("5.5") - D("30") * D("0.055") * D("0.65") - D(70) * D(
        "0.055"
    ) * D("0.40")


# --- group A: what every reading answers, and what is refused ---------------------------------


def _green_a(since: date = date(2010, 9, 15)) -> TariffRates:
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.A4,
        modality=TariffModality.GREEN,
        te_mwh={PEAK: D(0), OFF: D(0)},
        tusd_mwh={PEAK: D(0), OFF: D(0)},
        demand_kw=D(30),
        valid_from=since,
    )


def _verde(dam: str, end: date, **kw: object) -> Bill:
    m = kw.pop("measurements", None) or Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(dam))
    return compute_bill(
        FACTORY,
        m,  # type: ignore[arg-type]
        _green_a(),
        period=_month(end),
        contracted_demand=D(100),
        flags=_greens(*_month(end)),
        options=BillOptions(**kw),  # type: ignore[arg-type]
    )


def test_ultrapassagem_trigger_both_sides_ren414() -> None:
    # art. 93: "excederem em mais de 5%": 105 kW on 100 kW is answered (no charge under any
    # multiplier); just above is refused with the missing equation named
    assert _verde("105", date(2016, 3, 31)).lines_of("demand_overrun") == ()
    with pytest.raises(UnsupportedCaseError) as info:
        _verde("105.01", date(2016, 3, 31))
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(93),)
    assert "equation of art. 93" in str(info.value)
    assert "equação do art. 93" in info.value.message


REACTIVE_414 = (
    ren414(95, amended_by=Norm.REN_418_2010),
    ren414(96, amended_by=Norm.REN_418_2010),
)
# REN 414, art. 96 (REN 418/2010): ERE = Σ EEAM_T × (fR/fT − 1) × VRERE, fR = 0,92. One hour of
# 100 kWh at fT = 0,80: 100 × (0,92/0,80 − 1) = 15 kWh; VRERE R$ 300/MWh → R$ 4,50.
# DRE(p) = [MAX(PAM_T × fR/fT) − PAF(p)] × VRDRE: 120 kW at 0,80 → 138 kW; PAF 100 kW (the
# contracted demand, larger than the 90 kW measured) → 38 kW × R$ 20/kW = R$ 760,00.
EXCESS = Measurements(
    energy_kwh={PEAK: 0, OFF: 0},
    demand_kw=D(90),
    reactive_excess_kwh=D(15),
    reactive_demand_kw=D(138),
)


@pytest.mark.parametrize(
    ("tolerance", "agreed", "refused"),
    [(D("0.01"), "101", "101.5"), (D("0.10"), "105", "105.5")],
)
def test_other_tolerance_ren414(tolerance: D, agreed: str, refused: str) -> None:
    # art. 93 as quoted names only "mais de 5%": up to the smaller tolerance neither charges
    bill = _verde(agreed, date(2016, 3, 31), overrun_tolerance=tolerance)
    assert bill.lines_of("demand_overrun") == ()
    with pytest.raises(UnsupportedCaseError) as info:
        _verde(refused, date(2016, 3, 31), overrun_tolerance=tolerance)
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(93),)
    assert "apenas 5 %" in info.value.message


def test_reactive_without_excess_answered_ren414() -> None:
    none = Measurements(
        energy_kwh={PEAK: 0, OFF: 0},
        demand_kw=D(90),
        reactive_excess_kwh=D(0),
        reactive_demand_kw=D(95),
    )
    for end in (date(2010, 10, 31), date(2018, 8, 31)):
        bill = _verde("90", end, measurements=none)
        assert bill.lines_of("reactive_energy") == bill.lines_of("reactive_demand") == ()


@pytest.mark.parametrize("end", [date(2010, 11, 23), date(2018, 8, 31), date(2022, 1, 2)])
def test_reactive_excess_ren414_art96(end: date) -> None:
    bill = _verde(
        "90", end, measurements=EXCESS, reactive_energy_rate=D(300), reactive_demand_rate=D(20)
    )
    (energy,) = bill.lines_of("reactive_energy")
    (demand,) = bill.lines_of("reactive_demand")
    assert (energy.quantity, energy.amount) == (D(15), D("4.50"))
    assert (demand.quantity, demand.amount) == (D(38), D(760))
    assert energy.basis == demand.basis == REACTIVE_414
    assert bill.invoice_total == D(3000) + D("764.50")  # 100 kW × R$ 30 + reactive


def test_reactive_excess_same_values_after_2022() -> None:
    bill = compute_bill(
        FACTORY,
        EXCESS,
        _green_a(),
        period=_month(date(2022, 1, 31)),
        contracted_demand=D(100),
        flags=GREEN_DEC_JAN,
        options=BillOptions(reactive_energy_rate=D(300), reactive_demand_rate=D(20)),
    )
    assert bill.amount_of("reactive_energy") == D("4.50")
    assert bill.amount_of("reactive_demand") == D(760)
    assert bill.lines_of("reactive_energy")[0].basis[0] == ren1000(302)


def test_reactive_excess_before_ren418_refused() -> None:
    # REN 418/2010 (23 Nov 2010) rewrote arts. 95 and 96; their 2010 wording was not found
    with pytest.raises(UnsupportedCaseError) as info:
        _verde("90", date(2010, 11, 22), measurements=EXCESS, reactive_energy_rate=D(300))
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(96),)
    assert "original 2010 wording of arts. 95 and 96" in str(info.value)
    assert "redação original de 2010 dos arts. 95 e 96" in info.value.message


def test_reactive_adjustment_period_refused_ren414() -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        _verde(
            "90",
            date(2018, 8, 31),
            measurements=EXCESS,
            reactive_energy_rate=D(300),
            reactive_demand_rate=D(20),
            adjustment_period=True,
        )
    assert info.value.code == "unverified_ren414"


def test_reactive_group_b_ren414_art95() -> None:
    # art. 95 (REN 418/2010): fR 0,92 "para as unidades consumidoras dos grupos A e B"; REN 1.000,
    # art. 303: group B "não tem fator de potência de referência"
    measured = Measurements(energy_kwh=100, reactive_excess_kwh=D(15))
    before = compute_bill(
        HOME,
        measured,
        _rates(),
        period=_month(date(2019, 5, 31)),
        flags=[FlagMonth(date(2019, m, 1), TariffFlag.GREEN, D(0)) for m in (4, 5)],
        options=BillOptions(reactive_energy_rate=D(300)),
    )
    (line,) = before.lines_of("reactive_energy")
    assert (line.amount, line.basis) == (D("4.50"), REACTIVE_414)
    after = _bill(
        100, date(2022, 1, 31), unit=HOME, flags=GREEN_DEC_JAN, reactive_energy_rate=D(300)
    )
    assert after.lines_of("reactive_energy") == ()


def test_complementary_demand_refused_ren414_names_art105() -> None:
    farm = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.RURAL)
    cycles = [(D(100), D(80))] * 12
    with pytest.raises(UnsupportedCaseError) as info:
        compute_bill(
            farm,
            Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(90)),
            _green_a(),
            period=_month(date(2019, 6, 30)),
            contracted_demand=D(100),
            options=BillOptions(demand_history=[D(100)] * 11, complementary_history={None: cycles}),
        )
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(105),)
    assert "art. 105" in info.value.message


def test_test_period_refused_ren414_names_art134() -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        _verde("90", date(2016, 3, 31), test_period=TrialPeriod(kind=TrialKind.START))
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(134),)
    assert "art. 134" in info.value.message


def test_losses_adder_refused_ren414() -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        _verde("90", date(2018, 8, 31), secondary_metering=True)
    assert info.value.code == "unverified_ren414"


# --- tariff change inside a cycle --------------------------------------------------------------


def test_same_values_over_a_ren414_cycle_answered() -> None:
    first = _rates(since=date(2017, 1, 1), valid_to=date(2017, 6, 15), act="REH 1")
    second = _rates(since=date(2017, 6, 16), act="REH 2")
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=100),
        [first, second],
        period=(date(2017, 5, 31), date(2017, 6, 30)),
        flags=_greens(date(2017, 5, 31), date(2017, 6, 30)),
    )
    assert bill.total == D(100)
    dearer = _rates(te="700", since=date(2017, 6, 16))
    with pytest.raises(UnsupportedCaseError) as info:
        compute_bill(
            HOME,
            Measurements(energy_kwh=100),
            [first, dearer],
            period=(date(2017, 5, 31), date(2017, 6, 30)),
            flags=_greens(date(2017, 5, 31), date(2017, 6, 30)),
        )
    assert info.value.code == "unverified_ren414"


@settings(max_examples=30)
@given(
    excess=st.decimals(min_value=0, max_value=5000, places=2),
    corrected=st.decimals(min_value=0, max_value=1000, places=1),
)
def test_reactive_same_equations_both_regimes(excess: D, corrected: D) -> None:
    # REN 414, art. 96 (REN 418/2010) and REN 1.000, arts. 302–304 have the same equations and
    # f_R = 0,92: the same measured excess costs the same in June 2021 and in January 2022
    m = Measurements(
        energy_kwh={PEAK: 0, OFF: 0},
        demand_kw=D(90),
        reactive_excess_kwh=excess,
        reactive_demand_kw=corrected,
    )
    opts = BillOptions(reactive_energy_rate=D(300), reactive_demand_rate=D(20))
    bills = [
        compute_bill(
            FACTORY,
            m,
            _green_a(),
            period=_month(end),
            contracted_demand=D(100),
            flags=flags,
            options=opts,
        )
        for end, flags in (
            (date(2021, 6, 30), _greens(*_month(date(2021, 6, 30)))),
            (date(2022, 1, 31), GREEN_DEC_JAN),
        )
    ]
    for code in ("reactive_energy", "reactive_demand"):
        assert bills[0].amount_of(code) == bills[1].amount_of(code)
    assert bills[0].amount_of("reactive_demand") == max(D(0), corrected - 100) * 20


# --- a missing flag month: refused from REN 626/2014 on, as under REN 1.000/2021 -------------


@pytest.mark.parametrize(
    ("start", "end", "month"),
    [
        # REN 626/2014 (DOU of 6 Oct 2014) gave REN 547/2013, art. 3º the wording billed here
        pytest.param(date(2014, 9, 5), date(2014, 10, 6), "2014-10", id="first-day-6-oct-2014"),
        pytest.param(date(2015, 1, 10), date(2015, 2, 9), "2015-01", id="2015"),
        pytest.param(date(2021, 12, 2), date(2022, 1, 2), "2021-12", id="last-ren414-day"),
    ],
)
def test_missing_flags_refused_ren414(start: date, end: date, month: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        compute_bill(HOME, Measurements(energy_kwh=100), _rates(), period=(start, end))
    assert info.value.code == "missing_flag"
    assert info.value.errors[0].basis == FLAGS_414
    assert month in str(info.value)
    assert "bandeira" in info.value.message_in("pt_BR")


def test_missing_flags_refused_both_regimes_alike() -> None:
    # REN 1.000/2021, arts. 307-308: the same refusal the day the regime changes
    with pytest.raises(InvalidInputError) as info:
        compute_bill(
            HOME,
            Measurements(energy_kwh=100),
            _rates(),
            period=(date(2021, 12, 3), date(2022, 1, 3)),
        )
    assert info.value.code == "missing_flag"


def test_no_flags_answered_before_ren626_and_in_isolated_systems() -> None:
    # the day before REN 626/2014's DOU (5 Oct 2014): no flag wording billed, none needed
    before = compute_bill(
        HOME, Measurements(energy_kwh=100), _rates(), period=(date(2014, 9, 4), date(2014, 10, 5))
    )
    assert before.lines_of("flag") == ()
    assert before.total == D(100)
    isolated = compute_bill(
        ISOLATED,
        Measurements(energy_kwh=100),
        _rates(),
        period=(date(2015, 1, 10), date(2015, 2, 9)),
    )
    assert isolated.lines_of("flag") == ()
