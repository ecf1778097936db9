"""Connection voltage by load (art. 23) and debts before a service (art. 346)."""

from __future__ import annotations

from datetime import date

import pytest

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError, ren1000
from aneel_rules.connection import (
    DebtRule,
    Service,
    SupplyOption,
    VoltageLevel,
    may_require_debt_payment,
    power_plant_voltage,
    supply_voltage,
)
from aneel_rules.legal import cite
from aneel_rules.tariffs import Group

ON = date(2026, 3, 4)
DV = SupplyOption.DIFFERENT_VOLTAGE


@pytest.mark.parametrize(
    ("kwargs", "group", "voltage", "basis", "options"),
    [
        pytest.param(
            {"load_kw": 75},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "a"',
            (SupplyOption.GROUP_A_BY_STUDY, DV),
            id="REN1000-art23-I-a-75kW",
        ),
        pytest.param(
            {"load_kw": 50},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "a"',
            (DV,),
            id="REN1000-art23-p1-50kW-no-option",
        ),
        pytest.param(
            {"load_kw": "50.01"},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "a"',
            (SupplyOption.GROUP_A_BY_STUDY, DV),
            id="REN1000-art23-p1-50.01kW",
        ),
        pytest.param(
            {"load_kw": 10, "generation_kw": 60},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "a"',
            (SupplyOption.GROUP_A_BY_STUDY, DV),
            id="REN1000-art23-p1-generation-REN1059",
        ),
        pytest.param(
            {"load_kw": "75.01", "demand_kw": 60},
            Group.A,
            VoltageLevel.FROM_2_3_TO_69_KV,
            'art. 23, I, "c"',
            (DV,),
            id="REN1000-art23-I-c-75.01kW",
        ),
        pytest.param(
            {"load_kw": 10, "generation_kw": 80, "demand_kw": 10},
            Group.A,
            VoltageLevel.FROM_2_3_TO_69_KV,
            'art. 23, I, "c"',
            (DV,),
            id="REN1000-art23-I-c-generation",
        ),
        pytest.param(
            {"load_kw": 3000, "demand_kw": 2500},
            Group.A,
            VoltageLevel.FROM_2_3_TO_69_KV,
            'art. 23, I, "c"',
            (DV,),
            id="REN1000-art23-I-c-2500kW",
        ),
        pytest.param(
            {"load_kw": 3000, "demand_kw": "2500.01"},
            Group.A,
            VoltageLevel.FROM_69_KV,
            'art. 23, I, "d"',
            (DV,),
            id="REN1000-art23-I-d-2500.01kW",
        ),
        pytest.param(
            {"load_kw": 100, "underground": True},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "b"',
            (SupplyOption.SUBGROUP_AS, DV),
            id="REN1000-art23-I-b-p3-underground",
        ),
        pytest.param(
            {"load_kw": 60, "underground": True},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "b"',
            (SupplyOption.GROUP_A_BY_STUDY, DV),
            id="REN1000-art23-I-b-60kW",
        ),
        pytest.param(
            {"load_kw": 60, "underground": True, "generation_kw": 100, "demand_kw": 60},
            Group.A,
            VoltageLevel.FROM_2_3_TO_69_KV,
            "art. 23, § 6º (incluído pela REN 1.059/2023)",
            (DV,),
            id="REN1000-art23-p6-underground-minigeneration",
        ),
        pytest.param(
            {"load_kw": 200, "demand_kw": 150, "collective_installation": True},
            Group.A,
            VoltageLevel.FROM_2_3_TO_69_KV,
            'art. 23, I, "c"',
            (SupplyOption.COLLECTIVE_IN_GROUP_B, DV),
            id="REN1000-art23-p2-collective",
        ),
        pytest.param(
            {"load_kw": 60, "collective_installation": True},
            Group.B,
            VoltageLevel.BELOW_2_3_KV,
            'art. 23, I, "a"',
            (SupplyOption.GROUP_A_BY_STUDY, DV),
            id="REN1000-art23-p2-not-below-75",
        ),
    ],
)
def test_supply_voltage(
    kwargs: dict[str, object],
    group: Group,
    voltage: VoltageLevel,
    basis: str,
    options: tuple[SupplyOption, ...],
) -> None:
    decision = supply_voltage(on=ON, **kwargs)  # type: ignore[arg-type]
    assert (decision.group, decision.voltage) == (group, voltage)
    assert cite(decision.basis) == f"REN 1.000/2021, {basis}"
    assert decision.options == options


def test_option_bases() -> None:
    assert [cite(o.basis) for o in SupplyOption] == [
        "REN 1.000/2021, art. 23, § 1º (redação dada pela REN 1.059/2023)",
        "REN 1.000/2021, art. 23, § 2º",
        "REN 1.000/2021, art. 23, § 3º",
        "REN 1.000/2021, art. 23, § 4º",
    ]


def test_supply_voltage_errors_and_regimes() -> None:
    with pytest.raises(InvalidInputError) as info:
        supply_voltage(load_kw=100, on=ON)
    assert info.value.codes == ("required",)
    assert info.value.errors[0].path == "demand_kw"
    with pytest.raises(InvalidInputError) as info:
        supply_voltage(load_kw=-1, on=ON)
    assert info.value.codes == ("negative",)
    with pytest.raises(UnsupportedCaseError):
        supply_voltage(load_kw=60, on=date(2022, 1, 2))
    assert supply_voltage(load_kw=60, on=date(2022, 1, 3)).group is Group.B
    with pytest.raises(InvalidInputError):
        supply_voltage(load_kw=60, underground=True, generation_kw=100, on=ON)


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        pytest.param("underground", "no", id="underground-str"),
        pytest.param("collective_installation", 1, id="collective-int"),
    ],
)
def test_supply_voltage_flags_must_be_bool(flag: str, value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        supply_voltage(load_kw=60, on=ON, **{flag: value})  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_bool",)
    assert info.value.errors[0].path == flag


P6 = "art. 23, § 6º (incluído pela REN 1.059/2023)"
B = 'art. 23, I, "b"'


# Art. 23, § 6º, "(Incluído pela REN ANEEL 1.059, de 07.02.2023)", in force from the act's
# publication in the DOU of 10 Feb 2023: before it an underground unit with generation above
# 75 kW stays under alínea "b" (group B) — also on the act's date, 7 Feb.
@pytest.mark.parametrize(
    ("on", "group", "basis"),
    [
        pytest.param(date(2022, 1, 3), Group.B, B, id="REN1000-art23-I-b-first-day"),
        pytest.param(date(2023, 2, 7), Group.B, B, id="REN1000-art23-p6-REN1059-signed-not-yet"),
        pytest.param(date(2023, 2, 9), Group.B, B, id="REN1000-art23-p6-day-before-DOU"),
        pytest.param(date(2023, 2, 10), Group.A, P6, id="REN1000-art23-p6-REN1059-DOU-day"),
        pytest.param(date(2023, 2, 11), Group.A, P6, id="REN1000-art23-p6-day-after"),
    ],
)
def test_minigeneration_underground_by_date(on: date, group: Group, basis: str) -> None:
    decision = supply_voltage(load_kw=40, generation_kw=100, demand_kw=40, underground=True, on=on)
    assert decision.group is group
    assert cite(decision.basis) == f"REN 1.000/2021, {basis}"


P1_OLD = "REN 1.000/2021, art. 23, § 1º"
P1_NEW = "REN 1.000/2021, art. 23, § 1º (redação dada pela REN 1.059/2023)"


# Art. 23, § 1º: original wording "carga maior que 50 kW e menor ou igual a 75 kW";
# REN 1.059 (07.02.2023, DOU 10.02.2023) wording "carga e/ou geração maior que 50 kW e menor
# ou igual a 75 kW", from its publication.
@pytest.mark.parametrize(
    ("kwargs", "on", "bases"),
    [
        pytest.param(
            {"load_kw": 10, "generation_kw": 60},
            date(2023, 2, 9),
            ("REN 1.000/2021, art. 23, § 4º",),
            id="REN1000-art23-p1-original-generation-not-counted",
        ),
        pytest.param(
            {"load_kw": 60, "generation_kw": 0},
            date(2023, 2, 9),
            (P1_OLD, "REN 1.000/2021, art. 23, § 4º"),
            id="REN1000-art23-p1-original-load",
        ),
        pytest.param(
            {"load_kw": 10, "generation_kw": 60},
            date(2023, 2, 10),
            (P1_NEW, "REN 1.000/2021, art. 23, § 4º"),
            id="REN1000-art23-p1-REN1059-generation-counted",
        ),
        pytest.param(
            {"load_kw": 60},
            date(2023, 2, 11),
            (P1_NEW, "REN 1.000/2021, art. 23, § 4º"),
            id="REN1000-art23-p1-REN1059-day-after",
        ),
        pytest.param(
            {"load_kw": 10, "generation_kw": 60},
            date(2023, 2, 7),
            ("REN 1.000/2021, art. 23, § 4º",),
            id="REN1000-art23-p1-REN1059-signed-not-yet-published",
        ),
    ],
)
def test_group_a_by_study_by_date(
    kwargs: dict[str, object], on: date, bases: tuple[str, ...]
) -> None:
    decision = supply_voltage(on=on, **kwargs)  # type: ignore[arg-type]
    assert tuple(str(b) for b in decision.option_bases) == bases
    assert len(decision.options) == len(decision.option_bases)


S3 = "REN 1.000/2021, art. 346, § 3º"


@pytest.mark.parametrize(
    ("service", "own", "same", "succession", "allowed", "reason", "basis"),
    [
        *[
            pytest.param(
                s,
                True,
                True,
                False,
                False,
                DebtRule.SERVICE_NEVER_CONDITIONED,
                "REN 1.000/2021, art. 346, § 4º",
                id=f"REN1000-art346-p4-{s.name}",
            )
            for s in (
                Service.METER_INSPECTION,
                Service.SECOND_COPY,
                Service.MEASUREMENT_DATA,
                Service.ACCESS_IMPEDIMENT_REGULARISATION,
            )
        ],
        pytest.param(
            Service.METER_INSPECTION,
            False,
            True,
            True,
            False,
            DebtRule.SERVICE_NEVER_CONDITIONED,
            "REN 1.000/2021, art. 346, § 4º",
            id="REN1000-art346-p4-even-with-succession",
        ),
        pytest.param(
            Service.NEW_CONNECTION,
            True,
            False,
            False,
            True,
            DebtRule.OWN_DEBT_IN_AREA,
            "REN 1.000/2021, art. 346, § 2º",
            id="REN1000-art346-p2-new-connection",
        ),
        pytest.param(
            Service.CHANGE_OF_HOLDER,
            True,
            True,
            False,
            True,
            DebtRule.OWN_DEBT_IN_AREA,
            "REN 1.000/2021, art. 346, § 2º",
            id="REN1000-art346-p2-change-of-holder",
        ),
        pytest.param(
            Service.RECONNECTION,
            True,
            True,
            False,
            True,
            DebtRule.OWN_DEBT_SAME_INSTALLATION,
            S3,
            id="REN1000-art346-p3-reconnection",
        ),
        pytest.param(
            Service.LOAD_INCREASE,
            True,
            True,
            False,
            True,
            DebtRule.OWN_DEBT_SAME_INSTALLATION,
            S3,
            id="REN1000-art346-p3-load",
        ),
        pytest.param(
            Service.SPECIAL_SUPPLY,
            True,
            True,
            False,
            True,
            DebtRule.OWN_DEBT_SAME_INSTALLATION,
            S3,
            id="REN1000-art346-p3-special",
        ),
        pytest.param(
            Service.RECONNECTION,
            True,
            False,
            False,
            False,
            DebtRule.OWN_DEBT_OTHER_INSTALLATION,
            S3,
            id="REN1000-art346-p3-other-installation",
        ),
        pytest.param(
            Service.OTHER_SERVICE,
            True,
            False,
            False,
            False,
            DebtRule.OWN_DEBT_OTHER_INSTALLATION,
            S3,
            id="REN1000-art346-p3-service",
        ),
        pytest.param(
            Service.NEW_CONNECTION,
            False,
            True,
            False,
            False,
            DebtRule.THIRD_PARTY_DEBT,
            "REN 1.000/2021, art. 346, I",
            id="REN1000-art346-I-third-party-new-connection",
        ),
        pytest.param(
            Service.RECONNECTION,
            False,
            True,
            False,
            False,
            DebtRule.THIRD_PARTY_DEBT,
            "REN 1.000/2021, art. 346, I",
            id="REN1000-art346-I-third-party-reconnection",
        ),
        pytest.param(
            Service.CHANGE_OF_HOLDER,
            False,
            True,
            True,
            True,
            DebtRule.BUSINESS_SUCCESSION,
            "REN 1.000/2021, art. 346, § 1º",
            id="REN1000-art346-p1-succession",
        ),
        pytest.param(
            Service.RECONNECTION,
            False,
            False,
            True,
            False,
            DebtRule.OWN_DEBT_OTHER_INSTALLATION,
            S3,
            id="REN1000-art346-p1-p3-succession-other-installation",
        ),
    ],
)
def test_may_require_debt_payment(  # noqa: PLR0917 (one column per fact of art. 346)
    service: Service,
    own: bool,
    same: bool,
    succession: bool,
    allowed: bool,
    reason: DebtRule,
    basis: str,
) -> None:
    decision = may_require_debt_payment(
        service,
        debt_holder_is_requester=own,
        debt_at_same_installation=same,
        business_succession=succession,
    )
    assert (decision.allowed, decision.reason, cite(decision.basis)) == (allowed, reason, basis)


def test_debts_regime_and_bad_input() -> None:
    kwargs = {"debt_holder_is_requester": True, "debt_at_same_installation": True}
    assert may_require_debt_payment(Service.RECONNECTION, on=date(2022, 1, 3), **kwargs).allowed
    with pytest.raises(UnsupportedCaseError):
        may_require_debt_payment(Service.RECONNECTION, on=date(2022, 1, 2), **kwargs)
    with pytest.raises(NotInForceError):
        may_require_debt_payment(Service.RECONNECTION, on=date(2009, 1, 2), **kwargs)
    with pytest.raises(InvalidInputError) as info:
        may_require_debt_payment("religação", **kwargs)  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_service",)
    with pytest.raises(InvalidInputError) as info:
        may_require_debt_payment(
            Service.RECONNECTION,
            debt_holder_is_requester=1,  # type: ignore[arg-type]
            debt_at_same_installation=True,
        )
    assert info.value.errors[0].path == "debt_holder_is_requester"


# ---------------------------------------------------------------- power plants (art. 23, II)
LOW, MEDIUM, HIGH = (
    VoltageLevel.BELOW_2_3_KV,
    VoltageLevel.FROM_2_3_TO_69_KV,
    VoltageLevel.FROM_69_KV,
)


@pytest.mark.parametrize(
    ("kw", "voltages", "subitem"),
    [
        pytest.param("0.5", (LOW,), "a", id="REN1000-art23-II-a-small"),
        pytest.param(75, (LOW,), "a", id="REN1000-art23-II-a-75kW"),
        pytest.param("75.01", (LOW, MEDIUM), "b", id="REN1000-art23-II-b-above-75kW"),
        pytest.param(500, (LOW, MEDIUM), "b", id="REN1000-art23-II-b-500kW"),
        pytest.param("500.01", (MEDIUM, HIGH), "c", id="REN1000-art23-II-c-above-500kW"),
        pytest.param(30000, (MEDIUM, HIGH), "c", id="REN1000-art23-II-c-30MW"),
        pytest.param("30000.01", (HIGH,), "d", id="REN1000-art23-II-d-above-30MW"),
    ],
)
def test_power_plant_voltage(kw: object, voltages: tuple[VoltageLevel, ...], subitem: str) -> None:
    d = power_plant_voltage(installed_kw=kw, on=ON)  # type: ignore[arg-type]
    assert d.voltages == voltages
    assert d.basis == (ren1000(23, item="II", subitem=subitem), ren1000(23, paragraph=4))
    assert d.options == (SupplyOption.DIFFERENT_VOLTAGE,)


def test_power_plant_voltage_regimes_and_bad_input() -> None:
    assert power_plant_voltage(installed_kw=10, on=date(2022, 1, 3)).voltages == (LOW,)
    with pytest.raises(UnsupportedCaseError):
        power_plant_voltage(installed_kw=10, on=date(2022, 1, 2))
    for bad in (0, -1, "x", float("nan")):
        with pytest.raises(InvalidInputError):
            power_plant_voltage(installed_kw=bad, on=date(2021, 1, 4))  # type: ignore[arg-type]
    # bad input first: a REN 414 date does not hide a negative load
    with pytest.raises(InvalidInputError):
        supply_voltage(load_kw=-1, on=date(2021, 1, 4))
