"""compute_bill: every line with values derived from the articles and the peers' vectors."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from aneel_rules import InvalidInputError, UnsupportedCaseError
from aneel_rules.billing_cycle import SupplyType
from aneel_rules.invoice import (
    Bill,
    BillLine,
    BillOptions,
    FlagMonth,
    GrossUp,
    Measurements,
    TariffFlag,
    TariffRates,
    TaxRates,
    TrialKind,
    TrialPeriod,
    compute_bill,
)
from aneel_rules.legal import Norm, ren414, ren1000
from aneel_rules.tariffs import (
    ConsumerClass,
    ConsumerUnit,
    IrrigationRegion,
    Subgroup,
    TariffModality,
    TariffPost,
)

D = Decimal
PEAK, OFF, MID = TariffPost.PEAK, TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE
HOME = ConsumerUnit(connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL)
LOW_INCOME = ConsumerUnit(
    connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL, low_income=True
)
FACTORY = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.INDUSTRIAL)
FARM_A = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.RURAL)


def _green_months(*months: tuple[int, int]) -> list[FlagMonth]:
    return [FlagMonth(date(y, m, 1), TariffFlag.GREEN, D(0)) for y, m in months]


def _b_rates(te: str = "600", tusd: str = "400", since: date = date(2015, 1, 1)) -> TariffRates:
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.B1,
        modality=TariffModality.CONVENTIONAL_MONOMIAL,
        te_mwh=D(te),
        tusd_mwh=D(tusd),
        valid_from=since,
    )


def _green_a(demand: str = "30") -> TariffRates:
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.A4,
        modality=TariffModality.GREEN,
        te_mwh={PEAK: D(0), OFF: D(0)},
        tusd_mwh={PEAK: D(0), OFF: D(0)},
        demand_kw=D(demand),
        valid_from=date(2015, 1, 1),
    )


def _blue_a() -> TariffRates:
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.A4,
        modality=TariffModality.BLUE,
        te_mwh={PEAK: D(450), OFF: D(280)},
        tusd_mwh={PEAK: D(100), OFF: D(80)},
        demand_kw={PEAK: D(60), OFF: D(30)},
        valid_from=date(2015, 1, 1),
    )


# --- group B ---------------------------------------------------------------------------------


def test_b_conventional_peer_vector_cemig() -> None:
    # INVOICE.md §9.4 (I19): 200 kWh x (593.08 + 310.21) R$/MWh = 180.658 (no taxes, verde)
    rates = TariffRates(
        distributor="CEMIG-D",
        subgroup=Subgroup.B1,
        modality=TariffModality.CONVENTIONAL_MONOMIAL,
        te_mwh=D("310.21"),
        tusd_mwh=D("593.08"),
        valid_from=date(2026, 5, 28),
    )
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=200),
        rates,
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        flags=_green_months((2026, 6)),
    )
    assert bill.total == D("180.658")
    assert bill.invoice_total == D("180.66")
    assert [line.code for line in bill.lines] == ["energy_te", "energy_tusd"]
    assert bill.lines[0].basis == (ren1000(290, item="I"),)


def test_b_conventional_ren414_truncates() -> None:
    # the same bill under REN 414/2010: art. 213, parágrafo único truncates the invoice total
    rates = _b_rates("310.21", "593.08")
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=200),
        rates,
        period=(date(2021, 5, 31), date(2021, 6, 30)),
        flags=_green_months((2021, 6)),
    )
    assert bill.total == D("180.658")
    assert bill.invoice_total == D("180.65")
    assert bill.lines[0].basis == (ren414(88),)


def test_b_white_peer_vector_ceinmart() -> None:
    # ceinmart test_valor_conta_tarifa_branca_por_posto: 80/10/5 kWh at 0.80/1.00/1.50 + 0.02 flag
    rates = TariffRates(
        distributor="X",
        subgroup=Subgroup.B1,
        modality=TariffModality.WHITE,
        te_mwh={OFF: D(800), MID: D(1000), PEAK: D(1500)},
        tusd_mwh={OFF: D(0), MID: D(0), PEAK: D(0)},
        valid_from=date(2025, 1, 1),
    )
    flags = [FlagMonth(date(2026, 3, 1), TariffFlag.YELLOW, D(20))]
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh={OFF: 80, MID: 10, PEAK: 5}),
        rates,
        period=(date(2026, 2, 28), date(2026, 3, 31)),
        flags=flags,
    )
    assert bill.total == D("83.40")
    energy_posts = [line.post for line in bill.lines if line.code == "energy_te"]
    assert energy_posts == [PEAK, MID, OFF]
    assert ren1000(327, paragraph=2) in bill.lines[0].basis


def test_flag_pro_rata_peer_vector_manbomb() -> None:
    # 2024-06-12 → 2024-07-12: 18 days verde + 12 days amarela (18.85 R$/MWh) → 7.54 R$/MWh
    flags = [
        FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0)),
        FlagMonth(date(2024, 7, 1), TariffFlag.YELLOW, D("18.85")),
    ]
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=1000),
        _b_rates("0", "0"),
        period=(date(2024, 6, 12), date(2024, 7, 12)),
        flags=flags,
    )
    (flag,) = bill.lines_of("flag")
    assert flag.quantity == D(400)
    assert flag.amount == D("7.54")
    assert flag.basis == (ren1000(307), ren1000(309))
    assert flag.label == "Amarela 2024-07"


def test_flag_with_appropriate_metering_art307_p1() -> None:
    flags = [
        FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0)),
        FlagMonth(date(2024, 7, 1), TariffFlag.YELLOW, D("18.85")),
    ]
    days = {date(2024, 6, d): D(10) for d in range(13, 31)} | {
        date(2024, 7, d): D(50) for d in range(1, 13)
    }
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=780, energy_by_day=days),
        _b_rates("0", "0"),
        period=(date(2024, 6, 12), date(2024, 7, 12)),
        flags=flags,
    )
    (flag,) = bill.lines_of("flag")
    assert flag.quantity == D(600)
    assert ren1000(307, paragraph=1) in flag.basis


def test_no_flags_in_isolated_systems_and_not_on_scee_energy() -> None:
    flags = [FlagMonth(date(2024, 7, 1), TariffFlag.RED_2, D("78.77"))]
    period = (date(2024, 6, 30), date(2024, 7, 31))
    isolated = ConsumerUnit(
        connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL, isolated_system=True
    )
    bill = compute_bill(isolated, Measurements(energy_kwh=100), _b_rates(), period=period)
    assert not bill.lines_of("flag")
    scee = compute_bill(
        HOME,
        Measurements(energy_kwh=100),
        _b_rates(),
        period=period,
        flags=flags,
        options=BillOptions(scee_compensated_kwh=D(60)),
    )
    (flag,) = scee.lines_of("flag")
    assert flag.quantity == D(40)


def test_availability_charge_art291() -> None:
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=20),
        _b_rates(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        flags=_green_months((2026, 6)),
        options=BillOptions(supply=SupplyType.SINGLE_PHASE),
    )
    (line,) = bill.lines_of("availability")
    assert line.quantity == D(10)  # 30 kWh single-phase minus 20 measured
    assert bill.total == D(30)
    assert ren1000(291, item="I") in line.basis


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        # INVOICE.md §6.2 DERIVED: 150 kWh, old tiers 30x0.35 + 70x0.60 + 50x0.90 = 97.5
        pytest.param(date(2025, 7, 4), D("97.5"), id="REN1000-art179-p1-before-2025"),
        # MP 1.300/2025 (art. 179 § 1º, REN 1.147 wording): 100 % up to 80 kWh → 70
        pytest.param(date(2025, 7, 5), D(70), id="REN1000-art179-p1-after-2025"),
    ],
)
def test_social_tariff_both_sides_of_2025(end: date, expected: D) -> None:
    bill = compute_bill(
        LOW_INCOME,
        Measurements(energy_kwh=150),
        _b_rates(),
        period=(date(2025, 6, 4), end),
        flags=_green_months((2025, 6), (2025, 7)),
    )
    assert bill.total == expected


def test_social_tariff_indigenous_and_families() -> None:
    period = (date(2025, 5, 31), date(2025, 6, 30))
    flags = _green_months((2025, 6))
    indigenous = compute_bill(
        LOW_INCOME,
        Measurements(energy_kwh=150),
        _b_rates(),
        period=period,
        flags=flags,
        options=BillOptions(indigenous_or_quilombola=True),
    )
    assert indigenous.total == D(75)  # 50 x 0 + 50 x 0.60 + 50 x 0.90 (art. 179, § 2º)
    two = compute_bill(
        LOW_INCOME,
        Measurements(energy_kwh=150),
        _b_rates(),
        period=period,
        flags=flags,
        options=BillOptions(families=2),
    )
    # § 3º: limits x 2 → 60 at 65 %, 90 at 40 %
    assert two.total == D(150) - D(60) * D("0.65") - D(90) * D("0.40")


def test_social_tariff_reaches_the_flag_add_on() -> None:
    flags = [FlagMonth(date(2025, 8, 1), TariffFlag.YELLOW, D("18.85"))]
    bill = compute_bill(
        LOW_INCOME,
        Measurements(energy_kwh=100),
        _b_rates(),
        period=(date(2025, 7, 31), date(2025, 8, 31)),
        flags=flags,
    )
    # 80 kWh free (energy and flag, art. 309 p.ú. I), 20 kWh full: 20 x (1.00 + 0.01885)
    assert bill.total == D("20.3770")
    assert any(ren1000(309, paragraph="único", item="I") in x.basis for x in bill.lines)


def test_social_tariff_ren414_tiers_of_the_law() -> None:
    # Lei 12.212/2010, art. 1º (more in test_ren414.py): 150 kWh x R$ 1.00 − 52.5
    bill = compute_bill(
        LOW_INCOME,
        Measurements(energy_kwh=150),
        _b_rates(),
        period=(date(2021, 5, 31), date(2021, 6, 30)),
        flags=_green_months((2021, 6)),
    )
    assert bill.total == D("97.5")


def test_social_discount_from_2026() -> None:
    unit = ConsumerUnit(
        connection_voltage_kv="0.22", consumer_class=ConsumerClass.RESIDENTIAL, social_discount=True
    )
    options = BillOptions(social_rates=_b_rates("500", "380"))
    bill = compute_bill(
        unit,
        Measurements(energy_kwh=150),
        _b_rates(),
        period=(date(2025, 12, 31), date(2026, 1, 31)),
        flags=_green_months((2026, 1)),
        options=options,
    )
    assert bill.amount_of("social_discount") == D("-14.4")  # 120 kWh x (1.00 - 0.88)
    with pytest.raises(UnsupportedCaseError):
        compute_bill(
            unit,
            Measurements(energy_kwh=150),
            _b_rates(),
            period=(date(2025, 11, 15), date(2025, 12, 15)),
            flags=_green_months((2025, 11), (2025, 12)),
            options=options,
        )


def test_irrigation_discount_group_b_and_its_flag() -> None:
    farm = ConsumerUnit(connection_voltage_kv="0.22", consumer_class=ConsumerClass.RURAL)
    flags = [FlagMonth(date(2026, 6, 1), TariffFlag.YELLOW, D(20))]
    bill = compute_bill(
        farm,
        Measurements(energy_kwh=300, irrigation_kwh=100),
        _b_rates(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        flags=flags,
        options=BillOptions(irrigation_region=IrrigationRegion.NORTHEAST),
    )
    discounts = bill.lines_of("irrigation_discount")
    # art. 186, I: 73 % for group B on the 100 kWh of the window, energy and flag (309 p.ú. II)
    assert [x.amount for x in discounts] == [D("-73.00"), D("-1.46")]


def test_taxes_and_municipal_lines() -> None:
    cip = BillLine(
        code="municipal",
        post=None,
        quantity=D(1),
        unit="R$",
        rate=None,
        amount=D("15.00"),
        basis=(ren1000(476),),
        label="CIP/COSIP",
    )
    taxes = TaxRates(pis=D("0.011"), cofins=D("0.0502"), icms=D("0.12"))
    bill = compute_bill(
        HOME,
        Measurements(energy_kwh=100),
        _b_rates(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        flags=_green_months((2026, 6)),
        options=BillOptions(taxes=taxes, gross_up=GrossUp.ADDITIVE, extra_lines=(cip,)),
    )
    # 100 before taxes → 122.1299… (ceinmart vector); CIP outside the tax base
    assert (bill.total - D(15)).quantize(D("0.0001")) == D("122.1299")
    assert [x.code for x in bill.lines][-4:] == ["pis_pasep", "cofins", "icms", "municipal"]
    assert bill.taxes.quantize(D("0.0001")) == D("22.1299")


# --- group A demand -----------------------------------------------------------------------


def _month(end: date) -> tuple[date, date]:
    """A group A cycle: the calendar month ending on ``end`` (art. 282)."""
    return end.replace(day=1) - timedelta(days=1), end


def _verde_bill(dam: str, end: date = date(2026, 6, 30)) -> Bill:
    return compute_bill(
        FACTORY,
        Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(dam)),
        _green_a(),
        period=_month(end),
        contracted_demand=D(100),
        flags=_green_months((end.year, end.month)),
    )


@pytest.mark.parametrize(
    ("dam", "regular", "overrun"),
    [
        # INVOICE.md §1.4 DERIVED (VR = R$ 30/kW, DAC 100 kW)
        pytest.param("104", D("3120"), None, id="art301-II-below"),
        pytest.param("105", D("3150"), None, id="art301-II-exactly-5pct-is-not-exceder"),
        pytest.param("105.001", D("3150.030"), D("300.060"), id="art301-II-just-above"),
        pytest.param("106", D("3180"), D("360"), id="art301-II-above"),
        pytest.param("140", D("4200"), D("2400"), id="art301-p1-large"),
        pytest.param("80", D("3000"), None, id="art294-II-contracted-floor"),
    ],
)
def test_ultrapassagem_tolerance_edge(dam: str, regular: D, overrun: D | None) -> None:
    bill = _verde_bill(dam)
    assert bill.amount_of("demand") == regular
    lines = bill.lines_of("demand_overrun")
    assert (lines[0].amount if lines else None) == overrun


def test_ultrapassagem_ren414_side() -> None:
    # REN 414/2010 art. 93: same billed demand and 5 % trigger; formula not in the sources
    ok = _verde_bill("104", end=date(2021, 6, 30))
    assert ok.amount_of("demand") == D(3120)
    assert ok.lines_of("demand")[0].basis == (ren414(93),)
    assert ok.lines_of("demand_overrun") == ()
    assert _verde_bill("105", end=date(2021, 12, 31)).lines_of("demand_overrun") == ()
    with pytest.raises(UnsupportedCaseError, match=r"art\. 93"):
        _verde_bill("106", end=date(2021, 12, 31))
    after = _verde_bill("106", end=date(2022, 1, 31))
    assert after.amount_of("demand_overrun") == D(360)


def test_blue_per_post_with_tolerances() -> None:
    m = Measurements(energy_kwh={PEAK: 1000, OFF: 9000}, demand_kw={PEAK: 110, OFF: 300})
    bill = compute_bill(
        FACTORY,
        m,
        _blue_a(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand={PEAK: 100, OFF: 300},
        flags=_green_months((2026, 6)),
    )
    assert bill.amount_of("demand", PEAK) == D(6600)
    assert bill.amount_of("demand", OFF) == D(9000)
    assert bill.amount_of("demand_overrun", PEAK) == D(1200)  # 10 kW x 2 x 60
    assert bill.amount_of("demand_overrun", OFF) == D(0)
    # energy: 1 MWh x (450 + 100) + 9 MWh x (280 + 80)
    assert bill.amount_of("energy_te") + bill.amount_of("energy_tusd") == D(550 + 3240)
    distributor = compute_bill(
        FACTORY,
        m,
        _blue_a(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand={PEAK: 100, OFF: 300},
        flags=_green_months((2026, 6)),
        options=BillOptions(overrun_tolerance=D("0.10")),
    )
    assert distributor.lines_of("demand_overrun") == ()  # 110 is not above 110 (art. 301, III)


def test_rural_billed_demand_art294_i() -> None:
    # INVOICE.md §1.5 DERIVED: largest of 11 previous cycles 500 kW, measured 30 → billed 50
    history = [D(500)] + [D(100)] * 10
    bill = compute_bill(
        FARM_A,
        Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(30)),
        _green_a(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        flags=_green_months((2026, 6)),
        options=BillOptions(demand_history=history),
    )
    (line,) = bill.lines_of("demand")
    assert line.quantity == D(50)
    assert line.basis == (ren1000(294, item="I"),)


def test_complementary_demand_art300() -> None:
    cycles = [(D(100), D(100))] + [(D(100), D(80))] * 9 + [(D(100), D(60)), (D(100), D(70))]
    bill = compute_bill(
        FARM_A,
        Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(90)),
        _green_a(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand=D(100),
        flags=_green_months((2026, 6)),
        options=BillOptions(demand_history=[D(100)] * 11, complementary_history={None: cycles}),
    )
    (line,) = bill.lines_of("complementary_demand")
    # one cycle met the criterion → two complementary demands: the largest gaps 40 + 30 kW
    assert line.quantity == D(70)
    assert line.amount == D(2100)


@pytest.mark.parametrize(
    ("trial", "dam", "overrun_kw"),
    [
        # INVOICE.md §1.6 DERIVED: start 200 kW → ultrapassagem only above 270 kW
        pytest.param(TrialPeriod(kind=TrialKind.START), "270", None, id="art313-p2-I-edge"),
        pytest.param(TrialPeriod(kind=TrialKind.START), "271", D(71), id="art313-p2-I-above"),
        # increase 200 → 300: 300 + 10 + 30 = 340
        pytest.param(
            TrialPeriod(kind=TrialKind.INCREASE, previous_demand_kw=D(200)),
            "340",
            None,
            id="art313-p2-II-edge",
        ),
        pytest.param(
            TrialPeriod(kind=TrialKind.INCREASE, previous_demand_kw=D(200)),
            "341",
            D(41),
            id="art313-p2-II-above",
        ),
    ],
)
def test_trial_period_thresholds(trial: TrialPeriod, dam: str, overrun_kw: D | None) -> None:
    contracted = D(200) if trial.kind is TrialKind.START else D(300)
    bill = compute_bill(
        FACTORY,
        Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(dam)),
        _green_a(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand=contracted,
        flags=_green_months((2026, 6)),
        options=BillOptions(test_period=trial),
    )
    lines = bill.lines_of("demand_overrun")
    assert (lines[0].quantity if lines else None) == overrun_kw
    # art. 313, caput: the measured demand is billed, not the contracted one
    assert bill.lines_of("demand")[0].quantity == D(dam)


def test_trial_period_minimum_30kw_art313_p1() -> None:
    bill = compute_bill(
        FACTORY,
        Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(12)),
        _green_a(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand=D(50),
        flags=_green_months((2026, 6)),
        options=BillOptions(test_period=TrialPeriod(kind=TrialKind.START)),
    )
    assert bill.lines_of("demand")[0].quantity == D(30)


def test_reactive_excess_lines_and_adjustment_period() -> None:
    m = Measurements(
        energy_kwh={PEAK: 0, OFF: 0},
        demand_kw=D(120),
        reactive_excess_kwh=D(15),
        reactive_demand_kw=D(138),
    )
    options: dict[str, object] = {"reactive_energy_rate": D(300), "reactive_demand_rate": D(30)}
    bill = _bill_a(m, **options)
    # INVOICE.md §2 DERIVED: 0.015 MWh x VR_ERE; (138 - 120) kW x VR_DRE
    assert bill.amount_of("reactive_energy") == D("4.5")
    assert bill.amount_of("reactive_demand") == D(540)
    assert bill.lines_of("demand")[0].quantity == D(120)
    adjusting = _bill_a(m, adjustment_period=True, **options)
    assert adjusting.lines_of("reactive_energy")[0].quantity == D(15)
    assert adjusting.amount_of("reactive_energy") == D(0)
    assert ren1000(316, paragraph=2) in adjusting.lines_of("reactive_demand")[0].basis
    # REN 414/2010, art. 96 (REN 418/2010 wording): the same equations in June 2021
    old = _bill_a(m, end=date(2021, 6, 30), **options)
    assert old.amount_of("reactive_demand") == D(540)
    assert old.lines_of("reactive_energy")[0].basis[1] == ren414(96, amended_by=Norm.REN_418_2010)
    with pytest.raises(UnsupportedCaseError, match="REN 418/2010"):
        _bill_a(m, end=date(2010, 11, 1), **options)
    with pytest.raises(InvalidInputError) as info:
        _bill_a(m)
    assert info.value.codes == ("reactive_rate_required",)


def _bill_a(m: Measurements, *, end: object = date(2026, 6, 30), **options: object) -> Bill:
    assert isinstance(end, date)
    return compute_bill(
        FACTORY,
        m,
        _green_a(),
        period=_month(end),
        contracted_demand=D(120),
        flags=_green_months((end.year, end.month)),
        options=BillOptions(**options),  # type: ignore[arg-type]
    )


def test_reactive_never_for_group_b_always_for_group_a_billed_as_b() -> None:
    m = Measurements(energy_kwh=100, reactive_excess_kwh=D(15))
    period = (date(2026, 5, 31), date(2026, 6, 30))
    b = compute_bill(
        HOME,
        m,
        _b_rates(),
        period=period,
        flags=_green_months((2026, 6)),
        options=BillOptions(reactive_energy_rate=D(300)),
    )
    assert not b.lines_of("reactive_energy")  # art. 303
    optant = ConsumerUnit(
        connection_voltage_kv="13.8", consumer_class=ConsumerClass.COMMERCIAL, group_b_option=True
    )
    a_as_b = compute_bill(
        optant,
        m,
        _b_rates(),
        period=period,
        flags=_green_months((2026, 6)),
        options=BillOptions(reactive_energy_rate=D(300)),
    )
    assert a_as_b.amount_of("reactive_energy") == D("4.5")  # art. 304


def test_losses_adder_art305() -> None:
    m = Measurements(energy_kwh={PEAK: 0, OFF: 1000}, demand_kw=D(200))
    bill = compute_bill(
        FACTORY,
        m,
        _blue_like_green(),
        period=(date(2026, 5, 31), date(2026, 6, 30)),
        contracted_demand=D(100),
        flags=_green_months((2026, 6)),
        options=BillOptions(secondary_metering=True),
    )
    # 13.8 kV < 69 kV: + 2.5 % on energy and demand
    assert bill.lines_of("energy_te", OFF)[0].quantity == D(1025)
    assert bill.lines_of("demand")[0].quantity == D("205.000")
    assert ren1000(305, item="II") in bill.lines_of("demand")[0].basis


def _blue_like_green() -> TariffRates:
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.A4,
        modality=TariffModality.GREEN,
        te_mwh={PEAK: D(1), OFF: D(1)},
        tusd_mwh={PEAK: D(1), OFF: D(1)},
        demand_kw=D(30),
        valid_from=date(2015, 1, 1),
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"period": (date(2026, 6, 30), date(2026, 6, 1))}, "bad_period"),
        # a datetime does not compare with a date: refused, not a bare TypeError
        ({"period": (date(2026, 5, 31), datetime(2026, 6, 30))}, "not_a_date"),  # noqa: DTZ001
        ({"period": ("2026-05-31", date(2026, 6, 30))}, "not_a_date"),
        ({"contracted_demand": None}, "contracted_required"),
        ({"contracted_demand": D(20)}, "below_minimum"),
        ({"contracted_demand": {PEAK: D(100)}}, "contracted_single"),
        ({"rates": _b_rates()}, "modality_not_for_group"),
        ({"rates": "x"}, "not_rates"),
        ({"unit": "x"}, "not_a_unit"),
        ({"measurements": "x"}, "not_measurements"),
        ({"options": BillOptions(overrun_tolerance=D("0.02"))}, "bad_tolerance"),
    ],
)
def test_bad_input(kwargs: dict[str, object], code: str) -> None:
    args: dict[str, object] = {
        "unit": FACTORY,
        "measurements": Measurements(energy_kwh={PEAK: 0, OFF: 0}, demand_kw=D(50)),
        "rates": _green_a(),
        "period": (date(2026, 5, 31), date(2026, 6, 30)),
        "contracted_demand": D(100),
        "flags": _green_months((2026, 6)),
    }
    args.update(kwargs)
    with pytest.raises(InvalidInputError) as info:
        compute_bill(**args)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


@pytest.mark.parametrize(
    ("month", "code"),
    [
        pytest.param(datetime(2026, 1, 1), "not_a_date", id="datetime"),  # noqa: DTZ001
        pytest.param("2026-01-01", "not_a_date", id="text"),
        pytest.param(date(2026, 1, 2), "not_a_month", id="not-first-day"),
    ],
)
def test_flag_month_is_a_plain_first_day(month: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        FlagMonth(month, TariffFlag.YELLOW, D("18.85"))
    assert info.value.codes == (code,)
