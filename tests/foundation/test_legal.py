from __future__ import annotations

from datetime import date

import pytest

from aneel_rules import (
    NORMS,
    DistributorRule,
    InvalidInputError,
    LegalRef,
    Norm,
    NotInForceError,
    norm_in_force,
    ren414,
    ren1000,
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2010, 9, 15), Norm.REN_414_2010, id="REN414-first-day"),
        pytest.param(date(2021, 12, 31), Norm.REN_414_2010, id="REN414-year-end"),
        pytest.param(date(2022, 1, 2), Norm.REN_414_2010, id="REN1000-art679-day-before"),
        pytest.param(date(2022, 1, 3), Norm.REN_1000_2021, id="REN1000-art679-on"),
        pytest.param(date(2022, 1, 4), Norm.REN_1000_2021, id="REN1000-art679-day-after"),
        pytest.param(date(2026, 11, 20), Norm.REN_1000_2021, id="REN1000-2026"),
    ],
)
def test_norm_in_force(on: date, expected: Norm) -> None:
    assert norm_in_force(on) is expected


def test_norm_in_force_before_ren414_raises() -> None:
    with pytest.raises(NotInForceError) as info:
        norm_in_force(date(2010, 9, 14))
    assert info.value.on == date(2010, 9, 14)
    assert isinstance(info.value, LookupError)


def test_norm_in_force_rejects_non_dates() -> None:
    with pytest.raises(InvalidInputError) as info:
        norm_in_force("2022-01-03")  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_date",)


def test_regime_dates_match_art_679() -> None:
    assert NORMS[Norm.REN_1000_2021].in_force_from == date(2022, 1, 3)
    assert NORMS[Norm.REN_414_2010].revoked_from == date(2022, 1, 3)


@pytest.mark.parametrize(
    ("ref", "text"),
    [
        pytest.param(ren1000(220, item="II"), "REN 1.000/2021, art. 220, II", id="issue-example"),
        pytest.param(ren1000(2, item="XXIII"), "REN 1.000/2021, art. 2º, XXIII", id="ordinal-2"),
        pytest.param(ren1000(9), "REN 1.000/2021, art. 9º", id="ordinal-9"),
        pytest.param(ren1000(10), "REN 1.000/2021, art. 10", id="cardinal-10"),
        pytest.param(ren1000(260, paragraph=1), "REN 1.000/2021, art. 260, § 1º", id="par-1"),
        pytest.param(ren1000(323, paragraph=11), "REN 1.000/2021, art. 323, § 11", id="par-11"),
        pytest.param(
            ren1000(657, paragraph="único"),
            "REN 1.000/2021, art. 657, parágrafo único",
            id="sole-paragraph",
        ),
        pytest.param(
            ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024),
            'REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024)',
            id="amended",
        ),
        pytest.param(ren1000("659-A"), "REN 1.000/2021, art. 659-A", id="lettered-article"),
        pytest.param(ren414(57, item="III"), "REN 414/2010, art. 57, III", id="ren414"),
    ],
)
def test_legal_ref_str(ref: LegalRef, text: str) -> None:
    assert str(ref) == text


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"article": "0"}, "invalid_article"),
        ({"article": "abc"}, "invalid_article"),
        ({"article": 260, "paragraph": 0}, "invalid_paragraph"),
        ({"article": 260, "paragraph": "segundo"}, "invalid_paragraph"),
        ({"article": 260, "paragraph": True}, "invalid_paragraph"),
        ({"article": 260, "item": "2"}, "invalid_item"),
        ({"article": 260, "item": "IIII"}, "invalid_item"),
        ({"article": 260, "subitem": "A"}, "invalid_subitem"),
    ],
)
def test_legal_ref_rejects_bad_parts(kwargs: dict[str, object], code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        LegalRef(norm=Norm.REN_1000_2021, **kwargs)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


def test_distributor_rule_is_not_an_aneel_ref() -> None:
    rule = DistributorRule(distributor="Amazonas Energia", document="Manual da Agência Virtual")
    assert str(rule) == "Amazonas Energia, Manual da Agência Virtual (regra da distribuidora)"
    assert not isinstance(rule, LegalRef)


def test_legal_ref_is_frozen_and_hashable() -> None:
    ref = ren1000(260)
    assert ref == ren1000("260")
    assert len({ref, ren1000(260)}) == 1
