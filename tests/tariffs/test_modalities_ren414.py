"""REN 414/2010: a group-A unit billed at group-B tariffs has the group-B modalities.

REN 733/2016, art. 3 (VERIFIED-QUOTE: scribd copy and the Norven FAQ): "Faculta-se a opção pela
tarifa branca a todos os titulares de unidades consumidoras do grupo B e daquelas do grupo A com
tarifa do grupo B, conforme disposto no art. 100 da Resolução Normativa nº 414, de 2010";
§ 1º excludes baixa renda, iluminação pública and pré-pagamento. The branca could be chosen
from 1 Jan 2018 (units above 500 kWh or new connections), 1 Jan 2019 (above 250 kWh) and
1 Jan 2020 (all).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import LegalRef, Norm, ren414
from aneel_rules.tariffs import (
    ConsumerClass,
    ConsumerUnit,
    TariffModality,
    modality_options,
)

MONO = TariffModality.CONVENTIONAL_MONOMIAL
WHITE = TariffModality.WHITE
ART3 = LegalRef(norm=Norm.REN_733_2016, article=3)


def _option_unit(**kw: object) -> ConsumerUnit:
    return ConsumerUnit(
        connection_voltage_kv="13.8",
        consumer_class=kw.pop("consumer_class", ConsumerClass.COMMERCIAL),  # type: ignore[arg-type]
        group_b_option=True,
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("on", "average", "white"),
    [
        pytest.param(date(2017, 12, 31), Decimal(600), False, id="REN733-before-2018"),
        pytest.param(date(2018, 1, 1), Decimal(600), True, id="REN733-2018-above-500"),
        pytest.param(date(2018, 1, 1), Decimal(500), False, id="REN733-2018-500-not-above"),
        pytest.param(date(2019, 1, 1), Decimal(251), True, id="REN733-2019-above-250"),
        pytest.param(date(2019, 12, 31), Decimal(250), False, id="REN733-2019-250-not-above"),
        pytest.param(date(2020, 1, 1), Decimal(10), True, id="REN733-2020-all"),
        pytest.param(date(2022, 1, 2), Decimal(10), True, id="REN733-last-REN414-day"),
    ],
)
def test_group_a_billed_as_b_gets_group_b_modalities(
    on: date, average: Decimal, white: bool
) -> None:
    options = modality_options(_option_unit(), on=on, average_consumption_kwh=average)
    assert options.norm is Norm.REN_414_2010
    assert options.default is MONO
    assert options.allowed == ({MONO, WHITE} if white else {MONO})
    assert options.basis[:2] == (ren414(100), ren414(57))
    assert (ART3 in options.basis) is white


def test_same_answer_as_a_group_b_unit_of_the_same_consumption() -> None:
    home = ConsumerUnit(connection_voltage_kv="0.22", consumer_class=ConsumerClass.COMMERCIAL)
    on = date(2018, 6, 1)
    for average in (Decimal(100), Decimal(501)):
        a = modality_options(_option_unit(), on=on, average_consumption_kwh=average)
        b = modality_options(home, on=on, average_consumption_kwh=average)
        assert (a.allowed, a.default) == (b.allowed, b.default)


def test_exclusions_of_ren733_art3_p1_apply() -> None:
    on = date(2021, 3, 1)
    prepaid = modality_options(_option_unit(prepaid=True), on=on)
    assert prepaid.allowed == {MONO}
    assert LegalRef(norm=Norm.REN_733_2016, article=3, paragraph=1) in prepaid.basis
    lighting = modality_options(_option_unit(consumer_class=ConsumerClass.PUBLIC_LIGHTING), on=on)
    assert lighting.allowed == {MONO}


def test_not_an_option_unit_keeps_group_a_modalities() -> None:
    unit = ConsumerUnit(
        connection_voltage_kv="13.8",
        consumer_class=ConsumerClass.INDUSTRIAL,
        contracted_demand_kw=Decimal(100),
    )
    options = modality_options(unit, on=date(2021, 3, 1))
    assert options.default is None
    assert TariffModality.CONVENTIONAL_BINOMIAL in options.allowed
    assert WHITE not in options.allowed


@given(st.dates(min_value=date(2010, 9, 15), max_value=date(2022, 1, 2)))
def test_never_a_group_a_modality(on: date) -> None:
    options = modality_options(_option_unit(), on=on, average_consumption_kwh=Decimal(600))
    assert options.allowed <= {MONO, WHITE}
    assert MONO in options.allowed
    assert (WHITE in options.allowed) is (on >= date(2018, 1, 1))
