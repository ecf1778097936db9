"""Tariff rules: values asserted from the norm text, not read back from the code."""

# Naive datetimes are the schedule's wall time by design (tariff_post contract).
# ruff: noqa: DTZ001

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from aneel_rules import (
    InvalidInputError,
    LegalRef,
    Norm,
    NotInForceError,
    RegulatoryGapError,
    ren414,
    ren1000,
)
from aneel_rules.tariffs import (
    AMAZONAS_ENERGIA,
    IRRIGATION_DISCOUNTS,
    ConsumerClass,
    ConsumerUnit,
    Group,
    IrrigationRegion,
    PostSchedule,
    SeasonalPeriod,
    Subgroup,
    TariffModality,
    TariffPost,
    explain_tariff_post,
    group_a_subgroup,
    irrigation_discount,
    irrigation_region,
    irrigation_window_rule,
    is_peak_exempt,
    modality_options,
    peak_exempt_days,
    post_schedule,
    seasonal_period,
    tariff_post,
    tariff_posts,
)

BLUE, GREEN, WHITE = TariffModality.BLUE, TariffModality.GREEN, TariffModality.WHITE
MONO, BIN = TariffModality.CONVENTIONAL_MONOMIAL, TariffModality.CONVENTIONAL_BINOMIAL
PEAK, INTER, OFF = TariffPost.PEAK, TariffPost.INTERMEDIATE, TariffPost.OFF_PEAK
XXXVIII_A_1101 = ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024)


# ---------------------------------------------------------------- subgroups (art. 2º, XXIII)


@pytest.mark.parametrize(
    ("voltage", "underground", "expected"),
    [
        pytest.param(230, False, Subgroup.A1, id="REN1000-art2-XXIII-a-230kV"),
        pytest.param(500, False, Subgroup.A1, id="REN1000-art2-XXIII-a-500kV"),
        pytest.param(88, False, Subgroup.A2, id="REN1000-art2-XXIII-b-88kV"),
        pytest.param("138", False, Subgroup.A2, id="REN1000-art2-XXIII-b-138kV"),
        pytest.param(69, False, Subgroup.A3, id="REN1000-art2-XXIII-c-69kV"),
        pytest.param(Decimal("69.0"), False, Subgroup.A3, id="REN1000-art2-XXIII-c-69.0kV"),
        pytest.param(30, False, Subgroup.A3A, id="REN1000-art2-XXIII-d-30kV"),
        pytest.param(34.5, False, Subgroup.A3A, id="REN1000-art2-XXIII-d-34.5kV-float"),
        pytest.param(44, False, Subgroup.A3A, id="REN1000-art2-XXIII-d-44kV"),
        pytest.param("2.3", False, Subgroup.A4, id="REN1000-art2-XXIII-e-2.3kV"),
        pytest.param(13.8, False, Subgroup.A4, id="REN1000-art2-XXIII-e-13.8kV-float"),
        pytest.param(25, False, Subgroup.A4, id="REN1000-art2-XXIII-e-25kV"),
        pytest.param("0.38", True, Subgroup.AS, id="REN1000-art2-XXIII-f-AS"),
        pytest.param(13.8, True, Subgroup.A4, id="REN1000-art2-XXIII-underground-above-2.3"),
    ],
)
def test_group_a_subgroup(voltage: object, underground: bool, expected: Subgroup) -> None:
    assert group_a_subgroup(voltage, underground=underground) is expected  # type: ignore[arg-type]
    assert expected.group is Group.A


@pytest.mark.parametrize(
    "voltage",
    [
        pytest.param("25.1", id="gap-25-30-low"),
        pytest.param("29.9", id="gap-25-30-high"),
        pytest.param(46, id="gap-44-69"),
        pytest.param("69.1", id="gap-69-88"),
        pytest.param("138.1", id="gap-138-230-low"),
        pytest.param(161, id="gap-138-230"),
        pytest.param("229.9", id="gap-138-230-high"),
    ],
)
def test_voltage_gaps_are_not_guessed(voltage: object) -> None:
    with pytest.raises(RegulatoryGapError) as info:
        group_a_subgroup(voltage)  # type: ignore[arg-type]
    assert info.value.basis == (ren1000(2, item="XXIII"),)


@pytest.mark.parametrize(
    ("voltage", "code"),
    [
        pytest.param("2.29", "group_b_voltage", id="REN1000-art2-XXIV-below-2.3"),
        pytest.param(0, "not_positive", id="zero"),
        pytest.param("-13.8", "not_positive", id="negative"),
        pytest.param("abc", "not_a_number", id="text"),
        pytest.param(None, "not_a_number", id="none"),
    ],
)
def test_group_a_subgroup_bad_input(voltage: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        group_a_subgroup(voltage)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        pytest.param(ConsumerClass.RESIDENTIAL, Subgroup.B1, id="REN1000-art2-XXIV-a-B1"),
        pytest.param(ConsumerClass.RURAL, Subgroup.B2, id="REN1000-art2-XXIV-b-B2"),
        pytest.param(ConsumerClass.COMMERCIAL, Subgroup.B3, id="REN1000-art2-XXIV-c-B3"),
        pytest.param(ConsumerClass.INDUSTRIAL, Subgroup.B3, id="REN1000-art2-XXIV-c-B3-ind"),
        pytest.param(ConsumerClass.PUBLIC_LIGHTING, Subgroup.B4, id="REN1000-art2-XXIV-d-B4"),
    ],
)
def test_group_b_subgroup_follows_class(cls: ConsumerClass, expected: Subgroup) -> None:
    unit = ConsumerUnit(connection_voltage_kv="0.22", consumer_class=cls)
    assert unit.group is Group.B
    assert unit.subgroup is expected


def test_unit_subgroup_in_a_gap_raises_but_group_is_a() -> None:
    unit = ConsumerUnit(connection_voltage_kv=46, consumer_class=ConsumerClass.INDUSTRIAL)
    assert unit.group is Group.A
    with pytest.raises(RegulatoryGapError):
        _ = unit.subgroup


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        pytest.param(
            {"consumer_class": ConsumerClass.COMMERCIAL, "low_income": True},
            "low_income",
            id="low-income-not-residential",
        ),
        pytest.param(
            {"consumer_class": ConsumerClass.RURAL, "social_discount": True},
            "social_discount",
            id="social-discount-not-residential",
        ),
        pytest.param(
            {
                "consumer_class": ConsumerClass.RESIDENTIAL,
                "low_income": True,
                "social_discount": True,
            },
            "social_discount",
            id="both-subclasses",
        ),
        pytest.param(
            {"consumer_class": ConsumerClass.INDUSTRIAL, "rural_cooperative": True},
            "rural_cooperative",
            id="cooperative-not-rural",
        ),
        pytest.param(
            {"consumer_class": ConsumerClass.INDUSTRIAL, "group_b_option": True},
            "group_b_option",
            id="group-b-option-in-group-b",
        ),
        pytest.param(
            {"consumer_class": ConsumerClass.INDUSTRIAL, "prepaid": 1},
            "prepaid",
            id="flag-not-bool",
        ),
        pytest.param({"consumer_class": "industrial"}, "consumer_class", id="class-as-text"),
        pytest.param(
            {"consumer_class": ConsumerClass.INDUSTRIAL, "contracted_demand_kw": 0},
            "contracted_demand_kw",
            id="zero-demand",
        ),
        pytest.param(
            {"consumer_class": ConsumerClass.INDUSTRIAL, "contracted_demand_kw": "x"},
            "contracted_demand_kw",
            id="text-demand",
        ),
    ],
)
def test_consumer_unit_rejects_inconsistent_facts(kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        ConsumerUnit(connection_voltage_kv="0.22", **kwargs)  # type: ignore[arg-type]
    assert info.value.errors[0].path == path
    assert info.value.errors[0].message  # translated


def test_consumer_unit_voltage_validation() -> None:
    with pytest.raises(InvalidInputError) as info:
        ConsumerUnit(connection_voltage_kv=-1, consumer_class=ConsumerClass.RESIDENTIAL)
    assert info.value.codes == ("not_positive",)
    unit = ConsumerUnit(
        connection_voltage_kv=13.8,
        consumer_class=ConsumerClass.INDUSTRIAL,
        contracted_demand_kw=250.5,
    )
    assert unit.connection_voltage_kv == Decimal("13.8")
    assert unit.contracted_demand_kw == Decimal("250.5")


# ---------------------------------------------------------------- enquadramento


def _unit(kv: str, cls: ConsumerClass = ConsumerClass.INDUSTRIAL, **kw: object) -> ConsumerUnit:
    return ConsumerUnit(connection_voltage_kv=kv, consumer_class=cls, **kw)  # type: ignore[arg-type]


RES = ConsumerClass.RESIDENTIAL
D1000 = date(2026, 1, 10)
D414 = date(2021, 6, 1)


@pytest.mark.parametrize(
    ("unit", "on", "allowed", "default", "basis"),
    [
        # REN 1.000/2021, art. 219
        pytest.param(
            _unit("0.127", RES),
            D1000,
            {MONO, WHITE},
            MONO,
            (ren1000(219, item="I"), ren1000(219, item="II")),
            id="REN1000-art219-I-II-residential",
        ),
        pytest.param(
            _unit("0.127", RES, low_income=True),
            D1000,
            {MONO},
            MONO,
            (
                ren1000(219, item="I"),
                ren1000(219, item="II", subitem="a", amended_by=Norm.REN_1147_2025),
            ),
            id="REN1147-art219-II-a-low-income",
        ),
        pytest.param(
            _unit("0.127", RES, low_income=True),
            date(2025, 6, 1),
            {MONO},
            MONO,
            (ren1000(219, item="I"), ren1000(219, item="II", subitem="a")),
            id="REN1000-art219-II-a-low-income-original-wording",
        ),
        pytest.param(
            _unit("0.22", ConsumerClass.PUBLIC_LIGHTING),
            D1000,
            {MONO},
            MONO,
            (ren1000(219, item="I"), ren1000(219, item="II", subitem="b")),
            id="REN1000-art219-II-b-public-lighting",
        ),
        pytest.param(
            _unit("0.22", ConsumerClass.COMMERCIAL, prepaid=True),
            D1000,
            {MONO},
            MONO,
            (ren1000(219, item="I"), ren1000(219, item="II", subitem="c")),
            id="REN1000-art219-II-c-prepaid",
        ),
        # REN 1.000/2021, art. 220
        pytest.param(
            _unit("69"), D1000, {BLUE}, BLUE, (ren1000(220, item="I"),), id="REN1000-art220-I-69kV"
        ),
        pytest.param(
            _unit("138"),
            D1000,
            {BLUE},
            BLUE,
            (ren1000(220, item="I"),),
            id="REN1000-art220-I-138kV",
        ),
        pytest.param(
            _unit("44"),
            D1000,
            {BLUE, GREEN},
            None,
            (ren1000(220, item="II"),),
            id="REN1000-art220-II-44kV",
        ),
        pytest.param(
            _unit("13.8", contracted_demand_kw=200),
            D1000,
            {BLUE, GREEN},
            None,
            (ren1000(220, item="II"),),
            id="REN1000-art220-II-13.8kV-200kW",
        ),
        pytest.param(
            _unit("46"),
            D1000,
            {BLUE, GREEN},
            None,
            (ren1000(220, item="II"),),
            id="REN1000-art220-II-gap-voltage-still-below-69",
        ),
        pytest.param(
            _unit("13.8", ConsumerClass.RURAL, rural_cooperative=True),
            D1000,
            {BLUE, GREEN},
            None,
            (ren1000(220, paragraph=2),),
            id="REN1000-art220-p2-cooperative",
        ),
        pytest.param(
            _unit("69", ConsumerClass.RURAL, rural_cooperative=True),
            D1000,
            {BLUE, GREEN},
            None,
            (ren1000(220, paragraph=2),),
            id="REN1000-art220-p2-cooperative-69kV",
        ),
        pytest.param(
            _unit("13.8", ConsumerClass.COMMERCIAL, group_b_option=True, transformer_kva=75),
            D1000,
            {MONO, WHITE},
            MONO,
            (
                ren1000(220, paragraph=1),
                ren1000(292, item="I"),
                ren1000(219, item="I"),
                ren1000(219, item="II"),
            ),
            id="REN1000-art220-p1-group-b-option",
        ),
        # REN 414/2010, art. 57 (2013 study note)
        pytest.param(
            _unit("69"), D414, {BLUE}, BLUE, (ren414(57, item="I"),), id="REN414-art57-I-69kV"
        ),
        pytest.param(
            _unit("13.8", contracted_demand_kw=300),
            D414,
            {BLUE, GREEN},
            None,
            (ren414(57, item="II"),),
            id="REN414-art57-II-300kW",
        ),
        pytest.param(
            _unit("13.8", contracted_demand_kw="299.99"),
            D414,
            {BIN, BLUE, GREEN},
            None,
            (ren414(57, item="III"),),
            id="REN414-art57-III-below-300kW",
        ),
        pytest.param(
            _unit("13.8", ConsumerClass.RURAL, rural_cooperative=True),
            D414,
            {BLUE, GREEN},
            None,
            (ren414(57),),
            id="REN414-art57-cooperative",
        ),
        pytest.param(
            _unit("13.8", isolated_system=True, contracted_demand_kw=1000),
            D414,
            {BIN, BLUE, GREEN},
            None,
            (ren414(57),),
            id="REN414-art57-not-SIN",
        ),
        pytest.param(
            _unit("0.127", RES),
            D414,
            {MONO, WHITE},
            MONO,
            (ren414(57),),
            id="REN414-art57-B-white-2021",
        ),
        pytest.param(
            _unit("0.127", RES, low_income=True),
            D414,
            {MONO},
            MONO,
            (ren414(57), ren414(2, item="L")),
            id="REN414-art2-L-low-income",
        ),
        pytest.param(
            _unit("0.22", ConsumerClass.PUBLIC_LIGHTING),
            D414,
            {MONO},
            MONO,
            (ren414(57), ren414(2, item="L")),
            id="REN414-art2-L-B4",
        ),
    ],
)
def test_modality_options(
    unit: ConsumerUnit,
    on: date,
    allowed: set[TariffModality],
    default: TariffModality | None,
    basis: tuple[object, ...],
) -> None:
    options = modality_options(unit, on=on)
    assert options.allowed == frozenset(allowed)
    assert options.default is default
    assert options.basis == basis
    assert options.norm is (Norm.REN_1000_2021 if on >= date(2022, 1, 3) else Norm.REN_414_2010)


@pytest.mark.parametrize(
    ("on", "allowed"),
    [
        pytest.param(date(2022, 1, 2), {BIN, BLUE, GREEN}, id="REN414-art57-III-day-before"),
        pytest.param(date(2022, 1, 3), {BLUE, GREEN}, id="REN1000-art220-II-day-of"),
        pytest.param(date(2022, 1, 4), {BLUE, GREEN}, id="REN1000-art220-II-day-after"),
    ],
)
def test_binomial_disappears_with_ren1000(on: date, allowed: set[TariffModality]) -> None:
    unit = _unit("13.8", contracted_demand_kw=200)
    assert modality_options(unit, on=on).allowed == frozenset(allowed)


@pytest.mark.parametrize(
    ("on", "average", "new", "white"),
    [
        pytest.param(date(2017, 12, 31), None, True, False, id="REN414-before-branca"),
        pytest.param(date(2018, 1, 1), Decimal(501), False, True, id="REN733-2018-501kWh"),
        pytest.param(date(2018, 1, 1), Decimal(500), False, False, id="REN733-2018-500kWh"),
        pytest.param(date(2018, 1, 1), None, True, True, id="REN733-2018-new-connection"),
        pytest.param(date(2018, 12, 31), "251", False, False, id="REN733-2018-251kWh"),
        pytest.param(date(2019, 1, 1), "251", False, True, id="REN733-2019-251kWh"),
        pytest.param(date(2019, 1, 1), 250, False, False, id="REN733-2019-250kWh"),
        pytest.param(date(2019, 12, 31), 100, False, False, id="REN733-2019-100kWh"),
        pytest.param(date(2020, 1, 1), None, False, True, id="REN733-2020-everyone"),
        pytest.param(date(2022, 1, 3), None, False, True, id="REN1000-art219-II"),
    ],
)
def test_white_tariff_phase_in(on: date, average: object, new: bool, white: bool) -> None:
    unit = _unit("0.22", ConsumerClass.COMMERCIAL)
    options = modality_options(
        unit,
        on=on,
        average_consumption_kwh=average,  # type: ignore[arg-type]
        new_connection=new,
    )
    assert (WHITE in options.allowed) is white
    assert options.default is MONO


@pytest.mark.parametrize(
    ("call", "path"),
    [
        pytest.param(lambda: group_a_subgroup("0.22", underground="no"), "underground", id="ug"),  # type: ignore[arg-type]
        pytest.param(
            lambda: irrigation_region(
                "MG",
                on=date(2026, 1, 1),
                mg_drought_polygon_or_jequitinhonha="no",  # type: ignore[arg-type]
            ),
            "mg_drought_polygon_or_jequitinhonha",
            id="mg-flag",
        ),
        pytest.param(
            lambda: irrigation_region("ES", on=date(2015, 1, 1), sudene_area=1),  # type: ignore[arg-type]
            "sudene_area",
            id="sudene-flag",
        ),
        pytest.param(
            lambda: modality_options(_unit("0.22", RES), on=date(2026, 1, 1), new_connection=1),  # type: ignore[arg-type]
            "new_connection",
            id="new-connection",
        ),
    ],
)
def test_flags_must_be_real_bools(call: Callable[[], object], path: str) -> None:
    """A truthy string such as "no" must not silently flip a legal condition."""
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.errors[0].path == path
    assert info.value.codes == ("not_a_bool",)


def test_average_consumption_must_not_be_negative() -> None:
    with pytest.raises(InvalidInputError) as info:
        modality_options(_unit("0.22", RES), on=date(2019, 6, 1), average_consumption_kwh=-1)
    assert info.value.codes == ("negative",)
    assert (
        info.value.errors[0].message == "average_consumption_kwh não pode ser negativo; recebido -1"
    )


@pytest.mark.parametrize("on", [date(2018, 6, 1), date(2019, 6, 1)])
def test_phase_in_needs_the_average_consumption(on: date) -> None:
    with pytest.raises(InvalidInputError) as info:
        modality_options(_unit("0.22", RES), on=on)
    assert info.value.errors[0].path == "average_consumption_kwh"
    assert info.value.codes == ("required",)
    assert "kWh/mês" in info.value.errors[0].message


@pytest.mark.parametrize(
    ("on", "white"),
    [
        pytest.param(date(2025, 12, 16), False, id="REN1147-art219-II-a-day-of"),
        pytest.param(date(2025, 12, 17), False, id="REN1147-art219-II-a-day-after"),
    ],
)
def test_social_discount_excluded_from_ren1147(on: date, white: bool) -> None:
    options = modality_options(_unit("0.127", RES, social_discount=True), on=on)
    assert (WHITE in options.allowed) is white
    if not white:
        assert options.basis[-1] == ren1000(
            219, item="II", subitem="a", amended_by=Norm.REN_1147_2025
        )


@pytest.mark.parametrize(
    "on",
    [
        pytest.param(date(2025, 12, 15), id="REN1147-art176-VII-day-before"),
        pytest.param(date(2022, 1, 3), id="REN1000-original-no-desconto-social"),
        pytest.param(date(2021, 6, 1), id="REN414-no-desconto-social"),
    ],
)
def test_social_discount_subclass_does_not_exist_before_ren1147(on: date) -> None:
    """Art. 176, VII (desconto social) was "Incluído pela REN ANEEL 1.147, de 09.12.2025"."""
    with pytest.raises(NotInForceError) as info:
        modality_options(_unit("0.127", RES, social_discount=True), on=on)
    assert info.value.on == on


# REN 733/2016, art. 3, § 1º: "Não se aplica o disposto no caput [...] àquelas com faturamento pela
# modalidade de pré-pagamento."
@pytest.mark.parametrize("on", [date(2017, 12, 31), date(2018, 1, 1), D414, date(2022, 1, 2)])
def test_prepaid_never_branca_under_ren414(on: date) -> None:
    unit = _unit("0.22", ConsumerClass.COMMERCIAL, prepaid=True)
    options = modality_options(unit, on=on, average_consumption_kwh=Decimal(600))
    assert options.allowed == frozenset({TariffModality.CONVENTIONAL_MONOMIAL})
    assert options.norm is Norm.REN_414_2010
    rule = LegalRef(norm=Norm.REN_733_2016, article=3, paragraph=1)
    assert (rule in options.basis) is (on >= date(2018, 1, 1))
    # the same unit not pre-paid may opt into branca from 1 Jan 2018 (> 500 kWh/month)
    free = modality_options(
        _unit("0.22", ConsumerClass.COMMERCIAL), on=on, average_consumption_kwh=Decimal(600)
    )
    assert (TariffModality.WHITE in free.allowed) is (on >= date(2018, 1, 1))


def test_modality_options_errors() -> None:
    with pytest.raises(InvalidInputError) as info:
        modality_options(_unit("13.8"), on=D414)
    assert info.value.errors[0].path == "contracted_demand_kw"
    with pytest.raises(NotInForceError):
        modality_options(_unit("0.22", RES), on=date(2010, 9, 14))
    with pytest.raises(InvalidInputError) as info:
        modality_options("unit", on=D1000)  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_unit",)
    with pytest.raises(InvalidInputError) as info:
        modality_options(_unit("0.22", RES), on=datetime(2026, 1, 1))
    assert info.value.codes == ("not_a_date",)
    with pytest.raises(InvalidInputError) as info:
        modality_options(_unit("0.22", RES), on=D1000, new_connection="yes")  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_bool",)
    with pytest.raises(InvalidInputError):
        modality_options(_unit("0.22", RES), on=D1000, average_consumption_kwh=float("nan"))  # type: ignore[arg-type]


# ---------------------------------------------------------------- peak-exempt calendar

# 2026, worked out by hand: Easter 5 Apr 2026 → carnival Tuesday 17 Feb, Good Friday 3 Apr,
# Corpus Christi 4 Jun; fixed days per art. 2º, XXXVIII, "a" (REN 1.101/2024 wording).
EXEMPT_WEEKDAYS_2026 = {
    date(2026, 1, 1): "Confraternização Universal",
    date(2026, 2, 17): "terça-feira de carnaval",
    date(2026, 4, 3): "sexta-feira da Paixão",
    date(2026, 4, 21): "Tiradentes",
    date(2026, 5, 1): "Dia do Trabalho",
    date(2026, 6, 4): "Corpus Christi",
    date(2026, 9, 7): "Independência do Brasil",
    date(2026, 10, 12): "Nossa Senhora Aparecida",
    date(2026, 11, 2): "Finados",
    date(2026, 11, 20): "Dia Nacional de Zumbi e da Consciência Negra",
    date(2026, 12, 25): "Natal",
}


def test_2026_calendar() -> None:
    days = peak_exempt_days(2026)
    weekdays = {d: x.name for d, x in days.items() if not x.weekend}
    assert weekdays == EXEMPT_WEEKDAYS_2026
    # 2026 starts on a Thursday: 52 Saturdays and 52 Sundays, none of them a listed holiday
    assert sum(1 for x in days.values() if x.weekend) == 104
    assert len(days) == 115
    assert list(days) == sorted(days)
    assert all(x.basis == (XXXVIII_A_1101,) for x in days.values())
    assert days[date(2026, 10, 12)].law is Norm.LEI_6802_1980
    assert days[date(2026, 11, 20)].law is Norm.LEI_14759_2023
    assert days[date(2026, 2, 17)].law is None


@pytest.mark.parametrize(
    ("day", "exempt"),
    [
        pytest.param(date(2026, 2, 16), False, id="carnival-monday-keeps-ponta"),
        pytest.param(date(2026, 2, 17), True, id="REN1000-art2-XXXVIII-a-carnival-tuesday"),
        pytest.param(date(2026, 2, 18), False, id="ash-wednesday-keeps-ponta"),
        pytest.param(date(2026, 4, 2), False, id="maundy-thursday-keeps-ponta"),
        pytest.param(date(2026, 1, 20), False, id="sao-sebastiao-rio-municipal-keeps-ponta"),
        pytest.param(date(2026, 9, 5), True, id="saturday"),
        pytest.param(date(2026, 9, 6), True, id="sunday"),
        pytest.param(date(2026, 9, 8), False, id="day-after-independence"),
        pytest.param(date(2023, 11, 20), False, id="REN1000-original-20nov-2023-monday"),
        pytest.param(date(2024, 8, 26), False, id="REN1101-day-before"),
        pytest.param(date(2024, 11, 20), True, id="REN1101-20nov-2024-wednesday"),
        pytest.param(date(2025, 11, 20), True, id="REN1101-20nov-2025-thursday"),
        pytest.param(date(2022, 1, 3), False, id="REN1000-switch-monday"),
        pytest.param(date(2021, 12, 24), False, id="REN414-christmas-eve"),
        pytest.param(date(2020, 6, 11), True, id="REN414-corpus-christi-2020"),
        pytest.param(date(2011, 3, 8), True, id="REN414-carnival-tuesday-2011"),
        pytest.param(date(2018, 11, 20), False, id="REN414-20nov-2018-tuesday"),
    ],
)
def test_is_peak_exempt(day: date, exempt: bool) -> None:
    assert is_peak_exempt(day) is exempt


def test_bases_follow_the_regime() -> None:
    assert peak_exempt_days(2021)[date(2021, 12, 25)].basis == (ren414(2),)
    days_2022 = peak_exempt_days(2022)
    assert days_2022[date(2022, 1, 1)].basis == (ren414(2),)  # REN 414 still in force on 1 Jan
    assert days_2022[date(2022, 4, 21)].basis == (ren1000(2, item="XXXVIII", subitem="a"),)
    days_2024 = peak_exempt_days(2024)
    assert days_2024[date(2024, 5, 1)].basis == (ren1000(2, item="XXXVIII", subitem="a"),)
    assert days_2024[date(2024, 11, 20)].basis == (XXXVIII_A_1101,)


def test_calendar_errors() -> None:
    with pytest.raises(NotInForceError):
        peak_exempt_days(2009)
    with pytest.raises(NotInForceError):
        is_peak_exempt(date(2009, 5, 1))
    with pytest.raises(NotInForceError):
        is_peak_exempt(date(2010, 9, 14))
    for bad in (True, "2026", 0, 10_000):
        with pytest.raises(InvalidInputError):
            peak_exempt_days(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        is_peak_exempt(datetime(2026, 1, 1))


def test_2010_is_covered_from_the_day_ren414_came_into_force() -> None:
    """REN 414/2010 applies from 15 Sep 2010: its list covers the rest of that year only."""
    days = peak_exempt_days(2010)
    assert min(days) == date(2010, 9, 18)  # first Saturday on or after 15 Sep 2010
    assert date(2010, 9, 7) not in days  # Independência, before REN 414
    assert not is_peak_exempt(date(2010, 9, 15))  # a Wednesday
    holidays_2010 = [(d, x.name) for d, x in days.items() if not x.weekend]
    assert holidays_2010 == [
        (date(2010, 10, 12), "Nossa Senhora Aparecida"),
        (date(2010, 11, 2), "Finados"),
        (date(2010, 11, 15), "Proclamação da República"),
    ]
    assert days[date(2010, 12, 25)].name == "Natal"  # a Saturday: the holiday's name wins
    with pytest.raises(NotInForceError):
        tariff_posts([datetime(2010, 9, 14, 20)], AMAZONAS_ENERGIA, modality=GREEN)
    assert tariff_posts([datetime(2010, 9, 15, 20)], AMAZONAS_ENERGIA, modality=GREEN) == (PEAK,)


@pytest.mark.parametrize(
    ("at", "offered"),
    [
        pytest.param(datetime(2017, 12, 29, 20, 30), False, id="REN414-art57-B-II-branca-not-yet"),
        pytest.param(datetime(2018, 1, 2, 20, 30), True, id="REN733-branca-from-2018-01-01"),
    ],
)
def test_branca_posts_only_once_branca_was_offered(at: datetime, offered: bool) -> None:
    """REN 414 art. 57 (group B, II): branca "somente após ... resolução específica" (2018)."""
    if offered:
        assert tariff_post(at, AMAZONAS_ENERGIA, modality=WHITE) is PEAK
        assert tariff_posts([at], AMAZONAS_ENERGIA, modality=WHITE) == (PEAK,)
    else:
        with pytest.raises(NotInForceError):
            tariff_post(at, AMAZONAS_ENERGIA, modality=WHITE)
        with pytest.raises(NotInForceError):
            tariff_posts([at], AMAZONAS_ENERGIA, modality=WHITE)
    # green/blue (group A) had posts throughout REN 414
    assert tariff_post(at, AMAZONAS_ENERGIA, modality=GREEN) is PEAK


@pytest.mark.parametrize("year", range(2011, 2041))
def test_fixed_national_days_match_the_holidays_package(year: int) -> None:
    """ANEEL's fixed days are national holidays; `holidays` agrees on their dates."""
    import holidays  # noqa: PLC0415 (tests only: the library never uses it for this list)

    national = holidays.country_holidays("BR", years=year)
    listed = {d for d, x in peak_exempt_days(year).items() if x.law is not None}
    assert listed <= set(national)
    # ...and, the other way, every fixed national holiday is on ANEEL's list, except
    # 20 November before REN 1.101/2024 (Lei 14.759/2023 made it national from 2024).
    fixed = {d for d, name in national.items() if "Good Friday" not in name}
    missing = fixed - listed
    assert missing <= {date(year, 11, 20)}
    assert (date(year, 11, 20) in listed) is (year >= 2024)


# ---------------------------------------------------------------- tariff posts

MONDAY = date(2026, 3, 9)


def _at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


@pytest.mark.parametrize(
    ("at", "white", "green"),
    [
        pytest.param(_at(0, 0), OFF, OFF, id="00:00"),
        pytest.param(_at(18, 59), OFF, OFF, id="18:59"),
        pytest.param(_at(19, 0), INTER, OFF, id="REN1000-art2-XXXVIII-b-19:00"),
        pytest.param(_at(19, 59), INTER, OFF, id="19:59"),
        pytest.param(_at(20, 0), PEAK, PEAK, id="REN1000-art2-XXXVIII-a-20:00"),
        pytest.param(datetime(2026, 3, 9, 20, 30), PEAK, PEAK, id="20:30"),
        pytest.param(datetime(2026, 3, 9, 22, 59, 59, 999999), PEAK, PEAK, id="22:59:59.999999"),
        pytest.param(_at(23, 0), INTER, OFF, id="REN1000-art2-XXXVIII-b-23:00"),
        pytest.param(_at(23, 59), INTER, OFF, id="23:59"),
        pytest.param(_at(20, 30, date(2026, 2, 17)), OFF, OFF, id="carnival-tuesday"),
        pytest.param(_at(20, 30, date(2026, 2, 16)), PEAK, PEAK, id="carnival-monday"),
        pytest.param(_at(19, 30, date(2026, 3, 7)), OFF, OFF, id="saturday"),
        pytest.param(_at(20, 30, date(2023, 11, 20)), PEAK, PEAK, id="20nov-2023"),
        pytest.param(_at(20, 30, date(2024, 11, 20)), OFF, OFF, id="REN1101-20nov-2024"),
    ],
)
def test_amazonas_posts(at: datetime, white: TariffPost, green: TariffPost) -> None:
    assert tariff_post(at, AMAZONAS_ENERGIA, modality=WHITE) is white
    assert tariff_post(at, AMAZONAS_ENERGIA, modality=GREEN) is green
    assert tariff_post(at, AMAZONAS_ENERGIA, modality=BLUE) is green
    assert tariff_posts([at], AMAZONAS_ENERGIA, modality=WHITE) == (white,)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # Manaus is UTC−4 all year: 00:30 UTC on 10 Mar is 20:30 on Monday 9 Mar
        pytest.param(datetime(2026, 3, 10, 0, 30, tzinfo=UTC), PEAK, id="utc-next-day"),
        pytest.param(datetime(2026, 3, 9, 23, 30, tzinfo=UTC), INTER, id="utc-19:30"),
        pytest.param(
            datetime(2026, 3, 9, 21, 30, tzinfo=ZoneInfo("America/Sao_Paulo")),
            PEAK,
            id="brasilia-21:30-is-manaus-20:30",
        ),
        # 00:30 UTC on Wed 18 Feb is 20:30 on carnival Tuesday in Manaus: exempt
        pytest.param(
            datetime(2026, 2, 18, 0, 30, tzinfo=UTC),
            OFF,
            id="utc-converts-into-exempt-day",
        ),
    ],
)
def test_aware_datetimes_are_converted(at: datetime, expected: TariffPost) -> None:
    assert tariff_post(at, AMAZONAS_ENERGIA, modality=WHITE) is expected
    assert tariff_posts([at], AMAZONAS_ENERGIA, modality=WHITE) == (expected,)


@pytest.mark.parametrize("modality", [MONO, BIN])
def test_conventional_modalities_have_no_posts(modality: TariffModality) -> None:
    with pytest.raises(InvalidInputError) as info:
        tariff_post(_at(20), AMAZONAS_ENERGIA, modality=modality)
    assert info.value.codes == ("no_posts",)
    assert info.value.errors[0].basis == ren1000(211)
    with pytest.raises(InvalidInputError):
        tariff_posts([_at(20)], AMAZONAS_ENERGIA, modality=modality)


def test_post_errors() -> None:
    with pytest.raises(InvalidInputError) as info:
        tariff_post(MONDAY, AMAZONAS_ENERGIA, modality=WHITE)  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_datetime",)
    with pytest.raises(InvalidInputError) as info:
        tariff_posts([_at(1), "2026-03-09T20:00"], AMAZONAS_ENERGIA, modality=WHITE)  # type: ignore[list-item]
    assert info.value.errors[0].path == "timestamps.1"
    with pytest.raises(InvalidInputError) as info:
        tariff_post(_at(1), "amazonas-energia", modality=WHITE)  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_schedule",)
    with pytest.raises(InvalidInputError) as info:
        tariff_post(_at(1), AMAZONAS_ENERGIA, modality="branca")  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_modality",)
    with pytest.raises(NotInForceError):
        tariff_post(datetime(2009, 1, 5, 20), AMAZONAS_ENERGIA, modality=WHITE)


def test_explain_tariff_post_bases() -> None:
    # 9 Mar 2026: alínea "a" (ponta) in the wording of REN 1.101/2024 (the test asserted the
    # original wording, replaced on 27 Aug 2024)
    peak = explain_tariff_post(_at(20, 30), AMAZONAS_ENERGIA, modality=WHITE)
    assert peak.basis == (XXXVIII_A_1101, ren1000(212))
    inter = explain_tariff_post(_at(19), AMAZONAS_ENERGIA, modality=WHITE)
    assert inter.basis == (ren1000(2, item="XXXVIII", subitem="b"), ren1000(212))
    off = explain_tariff_post(_at(10), AMAZONAS_ENERGIA, modality=BLUE)
    assert off.basis == (ren1000(2, item="XXXVIII", subitem="c"), ren1000(214))
    green = explain_tariff_post(_at(10), AMAZONAS_ENERGIA, modality=GREEN)
    assert green.basis[1] == ren1000(213)
    old = explain_tariff_post(_at(20, 30, date(2019, 3, 11)), AMAZONAS_ENERGIA, modality=WHITE)
    assert old.value is PEAK
    assert old.basis == (ren414(2), ren414(2, item="L"))
    holiday = explain_tariff_post(_at(20, 30, date(2026, 11, 20)), AMAZONAS_ENERGIA, modality=WHITE)
    assert holiday.value is OFF
    assert holiday.basis[0] == XXXVIII_A_1101


def test_post_schedule_validation_and_presets() -> None:
    schedule = PostSchedule(time(17, 30), "America/Sao_Paulo", name="x")
    assert schedule.peak_end == time(20, 30)
    assert schedule.intermediate_windows == (
        (time(16, 30), time(17, 30)),
        (time(20, 30), time(21, 30)),
    )
    assert tariff_post(datetime(2026, 3, 9, 17, 29), schedule, modality=WHITE) is INTER
    assert tariff_post(datetime(2026, 3, 9, 20, 29), schedule, modality=WHITE) is PEAK
    assert tariff_post(datetime(2026, 3, 9, 21, 30), schedule, modality=WHITE) is OFF
    for bad_start in (
        time(0, 59),
        time(20, 1),
        time(18, 0, 30),
        "18:00",
        time(18, 0, tzinfo=UTC),
    ):
        with pytest.raises(InvalidInputError) as info:
            PostSchedule(bad_start, "America/Manaus")  # type: ignore[arg-type]
        assert info.value.codes == ("invalid_peak_start",)
    for bad_tz in ("Mars/Olympus", "", 3):
        with pytest.raises(InvalidInputError) as info:
            PostSchedule(time(18, 0), bad_tz)  # type: ignore[arg-type]
        assert info.value.codes == ("unknown_timezone",)
    assert post_schedule("amazonas-energia") is AMAZONAS_ENERGIA
    assert post_schedule("  Amazonas_Energia ") is AMAZONAS_ENERGIA
    assert AMAZONAS_ENERGIA.timezone == "America/Manaus"
    assert AMAZONAS_ENERGIA.peak_start == time(20, 0)
    for name in ("cemig", 3):
        with pytest.raises(InvalidInputError) as info:
            post_schedule(name)  # type: ignore[arg-type]
        assert info.value.codes == ("unknown_schedule",)


def test_bulk_matches_single_over_a_week_of_minutes() -> None:
    start = datetime(2026, 2, 14)  # Saturday before carnival
    stamps = [start + timedelta(minutes=5 * i) for i in range(7 * 24 * 60 // 5)]
    for modality in (WHITE, GREEN):
        bulk = tariff_posts(stamps, AMAZONAS_ENERGIA, modality=modality)
        assert bulk == tuple(tariff_post(t, AMAZONAS_ENERGIA, modality=modality) for t in stamps)
    white = tariff_posts(iter(stamps), AMAZONAS_ENERGIA, modality=WHITE)
    # Sat, Sun, Mon (ponta), carnival Tue (none), Wed..Fri (ponta): 4 days × 3 h of ponta
    assert white.count(PEAK) * 5 == 4 * 3 * 60
    # intermediário: one hour before and one after ponta on the same four days
    assert white.count(INTER) * 5 == 4 * 2 * 60


# ---------------------------------------------------------------- seasonal periods


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2012, 4, 30), SeasonalPeriod.WET, id="REN414-art2-umido-april"),
        pytest.param(date(2012, 5, 1), SeasonalPeriod.DRY, id="REN414-art2-seco-may"),
        pytest.param(date(2012, 11, 30), SeasonalPeriod.DRY, id="REN414-art2-seco-november"),
        pytest.param(date(2012, 12, 1), SeasonalPeriod.WET, id="REN414-art2-umido-december"),
        pytest.param(date(2022, 1, 2), SeasonalPeriod.WET, id="REN414-last-day"),
    ],
)
def test_seasonal_period(day: date, expected: SeasonalPeriod) -> None:
    assert seasonal_period(day) is expected


@pytest.mark.parametrize("day", [date(2022, 1, 3), date(2026, 7, 1), date(2010, 9, 14)])
def test_seasonal_period_outside_ren414(day: date) -> None:
    with pytest.raises(NotInForceError):
        seasonal_period(day)


# ---------------------------------------------------------------- irrigation

ON_1000, ON_414 = date(2026, 1, 1), date(2015, 1, 1)
NE, N_CW, OTHER = (
    IrrigationRegion.NORTHEAST,
    IrrigationRegion.NORTH_CENTER_WEST,
    IrrigationRegion.OTHER,
)


@pytest.mark.parametrize(
    ("uf", "kwargs", "on", "region"),
    [
        pytest.param("BA", {}, ON_1000, NE, id="REN1000-art186-I-BA"),
        pytest.param("ce", {}, ON_1000, NE, id="REN1000-art186-I-CE-lower"),
        pytest.param("AM", {}, ON_1000, N_CW, id="REN1000-art186-II-AM"),
        pytest.param("DF", {}, ON_1000, N_CW, id="REN1000-art186-II-DF"),
        pytest.param(
            "MG",
            {"mg_drought_polygon_or_jequitinhonha": True},
            ON_1000,
            NE,
            id="REN1000-art186-I-MG-semiarid",
        ),
        pytest.param(
            "MG",
            {"mg_drought_polygon_or_jequitinhonha": False},
            ON_1000,
            N_CW,
            id="REN1000-art186-II-MG-other",
        ),
        pytest.param("ES", {}, ON_1000, OTHER, id="REN1000-art186-III-ES"),
        pytest.param("SP", {}, ON_1000, OTHER, id="REN1000-art186-III-SP"),
        pytest.param("RS", {}, ON_1000, OTHER, id="REN1000-art186-III-RS"),
        pytest.param("PE", {}, ON_414, NE, id="REN414-art109-PE"),
        pytest.param("MG", {"sudene_area": True}, ON_414, NE, id="REN414-art109-MG-SUDENE"),
        pytest.param("MG", {"sudene_area": False}, ON_414, N_CW, id="REN414-art109-MG-other"),
        pytest.param("ES", {"sudene_area": True}, ON_414, NE, id="REN414-art109-ES-SUDENE"),
        pytest.param("ES", {"sudene_area": False}, ON_414, OTHER, id="REN414-art109-ES-other"),
        pytest.param("PR", {}, ON_414, OTHER, id="REN414-art109-PR"),
    ],
)
def test_irrigation_region(
    uf: str, kwargs: dict[str, bool], on: date, region: IrrigationRegion
) -> None:
    assert irrigation_region(uf, on=on, **kwargs) is region


@pytest.mark.parametrize(
    ("uf", "on", "path"),
    [
        pytest.param("MG", ON_1000, "mg_drought_polygon_or_jequitinhonha", id="MG-1000-ask"),
        pytest.param("MG", ON_414, "sudene_area", id="MG-414-ask"),
        pytest.param("ES", ON_414, "sudene_area", id="ES-414-ask"),
        pytest.param("XX", ON_1000, "uf", id="unknown-uf"),
    ],
)
def test_irrigation_region_asks_instead_of_guessing(uf: str, on: date, path: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        irrigation_region(uf, on=on)
    assert info.value.errors[0].path == path


@pytest.mark.parametrize(
    ("region", "group", "fraction"),
    [
        pytest.param(NE, Group.B, "0.73", id="REN1000-art186-I-B-73"),
        pytest.param(NE, Group.A, "0.90", id="REN1000-art186-I-A-90"),
        pytest.param(N_CW, Group.B, "0.67", id="REN1000-art186-II-B-67"),
        pytest.param(N_CW, Group.A, "0.80", id="REN1000-art186-II-A-80"),
        pytest.param(OTHER, Group.B, "0.60", id="REN1000-art186-III-B-60"),
        pytest.param(OTHER, Group.A, "0.70", id="REN1000-art186-III-A-70"),
    ],
)
def test_irrigation_discount(region: IrrigationRegion, group: Group, fraction: str) -> None:
    for on in (date(2010, 9, 15), date(2022, 1, 2), date(2022, 1, 3), date(2026, 1, 1)):
        assert irrigation_discount(region, group, on=on) == Decimal(fraction)


def test_irrigation_discount_errors() -> None:
    with pytest.raises(InvalidInputError):
        irrigation_discount("NE", Group.A, on=ON_1000)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        irrigation_discount(NE, "A", on=ON_1000)  # type: ignore[arg-type]
    with pytest.raises(NotInForceError):
        irrigation_discount(NE, Group.A, on=date(2010, 9, 14))


@pytest.mark.parametrize(
    ("on", "basis"),
    [
        pytest.param(date(2022, 1, 2), ren414(109), id="REN414-art109-last-day"),
        pytest.param(date(2022, 1, 3), ren1000(186), id="REN1000-art186-first-day"),
        pytest.param(date(2025, 12, 15), ren1000(186), id="REN1000-art186-day-before-REN1147"),
        pytest.param(
            date(2025, 12, 16),
            ren1000(186, amended_by=Norm.REN_1147_2025),
            id="REN1147-art186-caput-day-of",
        ),
    ],
)
def test_irrigation_discount_basis_follows_the_caput_wording(on: date, basis: object) -> None:
    """The percentages (incisos I–III) never changed; the caput was reworded by REN 1.147."""
    assert IRRIGATION_DISCOUNTS.period_on(on).basis == (basis,)
    # art. 186, I: "redução de 73% para o Grupo B e de 90% para o Grupo A"
    assert irrigation_discount(NE, Group.B, on=on) == Decimal("0.73")
    assert irrigation_discount(NE, Group.A, on=on) == Decimal("0.90")
    # art. 186, III: "demais regiões: redução de 60% para o Grupo B e de 70% para o Grupo A"
    assert irrigation_discount(OTHER, Group.B, on=on) == Decimal("0.60")
    assert irrigation_discount(OTHER, Group.A, on=on) == Decimal("0.70")


P2, P2_1147 = ren1000(186, paragraph=2), ren1000(186, paragraph=2, amended_by=Norm.REN_1147_2025)
CAPUT, CAPUT_1147 = ren1000(186), ren1000(186, amended_by=Norm.REN_1147_2025)


@pytest.mark.parametrize(
    ("on", "guarantee", "continuous", "basis"),
    [
        pytest.param(date(2021, 1, 1), True, True, (ren414(107),), id="REN414-art107"),
        pytest.param(date(2022, 1, 2), True, True, (ren414(107),), id="REN414-art107-last-day"),
        pytest.param(date(2022, 1, 3), True, True, (CAPUT, P2), id="REN1000-art186-caput-p2"),
        pytest.param(
            date(2025, 12, 15),
            True,
            True,
            (CAPUT, P2),
            id="REN1000-art186-contínuo-day-before-REN1147",
        ),
        pytest.param(
            date(2025, 12, 16),
            False,
            False,
            (CAPUT_1147, P2_1147),
            id="REN1147-art186-caput-p2-day-of",
        ),
        pytest.param(
            date(2025, 12, 17),
            False,
            False,
            (CAPUT_1147, P2_1147),
            id="REN1147-art186-caput-p2-day-after",
        ),
    ],
)
def test_irrigation_window(
    on: date, guarantee: bool, continuous: bool, basis: tuple[object, ...]
) -> None:
    rule = irrigation_window_rule(on=on)
    # art. 186, caput / REN 414 art. 107: "8 horas e 30 minutos"
    assert rule.value.duration == timedelta(hours=8, minutes=30)
    assert rule.value.continuous is continuous
    assert rule.basis == basis
    # art. 186, § 2º (original) / art. 107: "garantido o horário das 21h30 às 6 horas"
    assert rule.value.in_guaranteed_window(time(23, 0)) is guarantee
    assert rule.value.in_guaranteed_window(time(12, 0)) is False
