"""Group-B billing option of group-A units (REN 1.000/2021, art. 292)."""

from __future__ import annotations

from datetime import date

import pytest

from aneel_rules import InvalidInputError, UnsupportedCaseError, ren1000
from aneel_rules.legal import Norm, in_force_from, ren414
from aneel_rules.tariffs import (
    ConsumerClass,
    ConsumerUnit,
    GroupBOptionCriterion,
    SceeParticipation,
    TariffModality,
    group_b_option_check,
    modality_options,
)

ON = date(2026, 3, 2)
C = GroupBOptionCriterion
REN1059 = in_force_from(Norm.REN_1059_2023)


def _unit(kv: str = "13.8", **kw: object) -> ConsumerUnit:
    cls = kw.pop("consumer_class", ConsumerClass.COMMERCIAL)
    return ConsumerUnit(connection_voltage_kv=kv, consumer_class=cls, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("unit", "criterion"),
    [
        # art. 292, I: "menor ou igual a 112,5 kVA"
        pytest.param(
            _unit(transformer_kva="112.5"), C.TRANSFORMERS_UP_TO_112_5_KVA, id="art292-I-112.5"
        ),
        pytest.param(_unit(transformer_kva="112.6"), None, id="art292-I-112.6"),
        # art. 292, II: cooperativa de eletrificação rural, "menor ou igual a 1.125 kVA"
        pytest.param(
            _unit(consumer_class=ConsumerClass.RURAL, rural_cooperative=True, transformer_kva=1125),
            C.RURAL_COOPERATIVE_UP_TO_1125_KVA,
            id="art292-II-1125",
        ),
        pytest.param(
            _unit(consumer_class=ConsumerClass.RURAL, rural_cooperative=True, transformer_kva=1126),
            None,
            id="art292-II-1126",
        ),
        pytest.param(_unit(transformer_kva=1125), None, id="art292-II-not-cooperative"),
        # art. 292, III and IV: "independentemente da potência" — any voltage, even 138 kV
        pytest.param(
            _unit("138", tourism_lodging=True, transformer_kva=5000),
            C.TOURISM_LODGING,
            id="art292-III",
        ),
        pytest.param(_unit("138", sports_lighting=True), C.SPORTS_LIGHTING, id="art292-IV"),
        pytest.param(
            _unit("138", consumer_class=ConsumerClass.INDUSTRIAL, transformer_kva=20000),
            None,
            id="art292-138kV-industry",
        ),
    ],
)
def test_criteria(unit: ConsumerUnit, criterion: GroupBOptionCriterion | None) -> None:
    check = group_b_option_check(unit, on=ON)
    assert check.qualifies is (criterion is not None)
    assert check.criterion is criterion
    if criterion is not None:
        assert check.basis == criterion.basis
    else:
        assert check.basis[0] == ren1000(292, item="I")


def test_tourism_cites_the_area_definition() -> None:
    check = group_b_option_check(_unit(tourism_lodging=True), on=ON)
    assert check.basis == (ren1000(292, item="III"), ren1000(292, paragraph=1))


@pytest.mark.parametrize(
    ("scee", "kva", "qualifies"),
    [
        pytest.param(SceeParticipation.OWN_GENERATION_ONLY, "112.5", True, id="art292-p3-all-met"),
        pytest.param(SceeParticipation.OWN_GENERATION_ONLY, "112.6", False, id="art292-p3-II"),
        pytest.param(SceeParticipation.OTHER, "50", False, id="art292-p3-I-III"),
    ],
)
def test_scee_units_after_ren1059(scee: SceeParticipation, kva: str, qualifies: bool) -> None:
    for on in (REN1059, ON):
        check = group_b_option_check(_unit(scee=scee, transformer_kva=kva), on=on)
        assert check.qualifies is qualifies
        assert check.basis[-1] == ren1000(292, paragraph=3, amended_by=Norm.REN_1059_2023)
    # the tourism criterion does not exempt an SCEE unit from § 3º
    unit = _unit(scee=SceeParticipation.OTHER, tourism_lodging=True, transformer_kva=kva)
    assert group_b_option_check(unit, on=ON).qualifies is False


def test_scee_before_ren1059_and_ren414_are_not_modelled() -> None:
    unit = _unit(scee=SceeParticipation.OWN_GENERATION_ONLY, transformer_kva=50)
    with pytest.raises(UnsupportedCaseError):
        group_b_option_check(unit, on=date.fromordinal(REN1059.toordinal() - 1))
    assert group_b_option_check(_unit(transformer_kva=50), on=date(2022, 1, 3)).qualifies
    with pytest.raises(UnsupportedCaseError) as info:
        group_b_option_check(_unit(transformer_kva=50), on=date(2022, 1, 2))
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(100),)
    assert "art. 100" in str(info.value)
    assert "art. 100" in info.value.message


def test_bad_input_before_refusals() -> None:
    with pytest.raises(InvalidInputError) as info:
        group_b_option_check(_unit(), on=ON)
    assert info.value.codes == ("required",)
    assert info.value.errors[0].path == "transformer_kva"
    with pytest.raises(InvalidInputError) as info:
        group_b_option_check(_unit("0.22"), on=date(2021, 1, 4))  # group B, REN 414 date
    assert info.value.codes == ("not_group_a",)
    with pytest.raises(InvalidInputError):
        group_b_option_check("unit", on=ON)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        group_b_option_check(_unit(transformer_kva=50), on="2026-03-02")  # type: ignore[arg-type]
    for bad in ({"transformer_kva": 0}, {"transformer_kva": "x"}, {"scee": "sim"}):
        with pytest.raises(InvalidInputError):
            _unit(**bad)


def test_modality_options_refuses_an_option_that_does_not_qualify() -> None:
    big = _unit(
        "138", consumer_class=ConsumerClass.INDUSTRIAL, group_b_option=True, transformer_kva=20000
    )
    with pytest.raises(InvalidInputError) as info:
        modality_options(big, on=ON)
    assert info.value.codes == ("group_b_option_not_qualified",)
    assert info.value.errors[0].basis == ren1000(292, item="I")
    hotel = _unit("138", group_b_option=True, tourism_lodging=True)
    options = modality_options(hotel, on=ON)
    assert options.default is TariffModality.CONVENTIONAL_MONOMIAL
    assert options.basis[:3] == (
        ren1000(220, paragraph=1),
        ren1000(292, item="III"),
        ren1000(292, paragraph=1),
    )
