"""MT (primary) metering: Amazonas Energia portal manual, item 4.5 (a distributor rule)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.connection import (
    MeteringDecision,
    MeteringReason,
    SecondaryVoltage,
    Transformer,
    primary_metering_required,
)
from aneel_rules.legal import DistributorRule, LegalRef

SINGLE = MeteringReason.SINGLE_TRANSFORMER_ABOVE_300_KVA
MANY = MeteringReason.MORE_THAN_ONE_TRANSFORMER
NOT_220 = MeteringReason.SECONDARY_NOT_220_127


@pytest.mark.parametrize(
    ("transformers", "reasons"),
    [
        pytest.param([(300, "220/127")], (), id="manual-4.5-single-300kVA-is-not-above"),
        pytest.param([("300.1", "220/127")], (SINGLE,), id="manual-4.5-single-300.1kVA"),
        pytest.param([(301, "220/127")], (SINGLE,), id="manual-4.5-single-301kVA"),
        pytest.param([(299, "220/127")], (), id="manual-4.5-single-299kVA"),
        pytest.param([(15, "220/127")], (), id="manual-4.5-single-small"),
        pytest.param([(75, "380/220")], (NOT_220,), id="manual-4.5-secondary-380/220"),
        pytest.param([(75, "440/254")], (NOT_220,), id="manual-4.5-secondary-440/254"),
        pytest.param(
            [(500, "380/220")], (SINGLE, NOT_220), id="manual-4.5-single-above-and-380/220"
        ),
        pytest.param(
            [(15, "220/127"), (15, "220/127")], (MANY,), id="manual-4.5-two-small-transformers"
        ),
        pytest.param(
            [(300, "220/127"), (150, "380/220")], (MANY, NOT_220), id="manual-4.5-two-mixed"
        ),
        pytest.param(
            [(500, "220/127"), (500, "220/127")],
            (MANY,),
            id="manual-4.5-two-large-single-rule-not-hit",
        ),
    ],
)
def test_primary_metering_rules(
    transformers: list[tuple[int | str, str]], reasons: tuple[MeteringReason, ...]
) -> None:
    decision = primary_metering_required(Transformer(kva, v) for kva, v in transformers)
    assert decision.reasons == reasons
    assert decision.required is bool(reasons)


def test_basis_is_the_distributor_rule_not_aneel() -> None:
    decision = primary_metering_required([Transformer(500, SecondaryVoltage.V220_127)])
    assert isinstance(decision, MeteringDecision)
    assert len(decision.basis) == 1
    assert isinstance(decision.basis[0], DistributorRule)
    (rule,) = decision.basis
    assert isinstance(rule, DistributorRule)
    assert rule.distributor == "Amazonas Energia"
    assert rule.section == "4.5"
    assert "regra da distribuidora" in str(rule)
    assert all(isinstance(ref, LegalRef) for ref in decision.related)
    assert str(decision.related[0]) == "REN 1.000/2021, art. 305"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("220/127", SecondaryVoltage.V220_127),
        ("220/127V", SecondaryVoltage.V220_127),
        (" 220 / 127 v ", SecondaryVoltage.V220_127),
        ("127/220 V", SecondaryVoltage.V220_127),
        ("220-127", SecondaryVoltage.V220_127),
        ("380/220", SecondaryVoltage.V380_220),
        ("440/254", SecondaryVoltage.V440_254),
        ("220/110", SecondaryVoltage.V220_110),
    ],
)
def test_secondary_voltage_notations(text: str, expected: SecondaryVoltage) -> None:
    assert Transformer(100, text).secondary_voltage is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (300, Decimal(300)),
        ("112.5", Decimal("112.5")),
        ("45", Decimal(45)),
        (112.5, Decimal("112.5")),
    ],
)
def test_power_kva_conversion(value: object, expected: Decimal) -> None:
    assert Transformer(value, "220/127").power_kva == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("power", "voltage", "path", "code"),
    [
        pytest.param(0, "220/127", "power_kva", "not_positive", id="zero"),
        pytest.param(-1, "220/127", "power_kva", "not_positive", id="negative"),
        pytest.param("abc", "220/127", "power_kva", "not_a_number", id="text"),
        pytest.param(None, "220/127", "power_kva", "not_a_number", id="none"),
        pytest.param(True, "220/127", "power_kva", "not_a_number", id="bool"),
        pytest.param("NaN", "220/127", "power_kva", "not_a_number", id="nan"),
        pytest.param(100, "220", "secondary_voltage", "ambiguous_secondary_voltage", id="bare"),
        pytest.param(100, "220 V", "secondary_voltage", "ambiguous_secondary_voltage", id="bare-V"),
        pytest.param(100, "13800", "secondary_voltage", "unknown_secondary_voltage", id="MT"),
        pytest.param(100, "999/111", "secondary_voltage", "unknown_secondary_voltage", id="odd"),
        pytest.param(100, "", "secondary_voltage", "unknown_secondary_voltage", id="empty"),
        pytest.param(100, 220, "secondary_voltage", "unknown_secondary_voltage", id="int"),
    ],
)
def test_transformer_bad_input(power: object, voltage: object, path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Transformer(power, voltage)  # type: ignore[arg-type]
    assert info.value.errors[0].path == path
    assert info.value.codes == (code,)
    assert info.value.errors[0].message != info.value.errors[0].message_in("en")


@pytest.mark.parametrize(
    ("transformers", "path", "code"),
    [
        ([], "transformers", "empty"),
        (Transformer(100, "220/127"), "transformers", "not_a_transformer"),
        (100, "transformers", "not_a_transformer"),
        ([Transformer(100, "220/127"), (100, "220/127")], "transformers.1", "not_a_transformer"),
    ],
)
def test_metering_bad_input(transformers: object, path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        primary_metering_required(transformers)  # type: ignore[arg-type]
    assert info.value.errors[0].path == path
    assert info.value.codes == (code,)


def test_transformer_is_frozen() -> None:
    t = Transformer(100, "220/127")
    with pytest.raises(AttributeError):
        t.power_kva = Decimal(1)  # type: ignore[misc]
