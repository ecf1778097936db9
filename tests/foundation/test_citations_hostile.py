"""Bad input to the foundation's value objects: the library's error, never a foreign one.

``LegalRef``, ``DistributorRule``, ``Period`` and ``cite`` raised ``TypeError`` or
``ValueError`` (attrs' own validators, ``re`` on an int, ``len`` of ``None``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.legal import AmendmentKind, DistributorRule, LegalRef, Norm, cite, ren1000
from aneel_rules.timeline import Period, Timeline

BASIS = ren1000(291, item="III")


@pytest.mark.parametrize(
    ("kwargs", "path", "code"),
    [
        pytest.param({"norm": "REN 1.000/2021"}, "norm", "not_a_norm", id="norm-text"),
        pytest.param({"amended_by": "REN 1.147"}, "amended_by", "not_a_norm", id="amended-text"),
        pytest.param(
            {"amendment_kind": "incluído"}, "amendment_kind", "not_an_amendment_kind", id="kind"
        ),
        pytest.param({"item": 3}, "item", "invalid_item", id="item-int"),
        pytest.param({"subitem": 1}, "subitem", "invalid_subitem", id="subitem-int"),
    ],
)
def test_legal_ref_bad_fields(kwargs: dict[str, object], path: str, code: str) -> None:
    fields: dict[str, object] = {"norm": Norm.REN_1000_2021, "article": 291, **kwargs}
    with pytest.raises(InvalidInputError) as info:
        LegalRef(**fields)  # type: ignore[arg-type]
    [error] = info.value.errors
    assert (error.path, error.code) == (path, code)
    assert error.message_in("en") != error.message_in("pt_BR")


def test_legal_ref_message_in_both_languages() -> None:
    with pytest.raises(InvalidInputError) as info:
        LegalRef(norm="REN", article=1)  # type: ignore[arg-type]
    [error] = info.value.errors
    assert error.message_in("en") == "norm must be a Norm, got 'REN'"
    assert error.message_in("pt_BR") == "norm deve ser do tipo Norm, recebido 'REN'"


def test_legal_ref_still_reads_like_the_norm() -> None:
    ref = LegalRef(
        norm=Norm.REN_1000_2021,
        article=291,
        item="IV",
        amended_by=Norm.REN_1147_2025,
        amendment_kind=AmendmentKind.INSERTED,
    )
    assert str(ref) == "REN 1.000/2021, art. 291, IV (incluído pela REN 1.147/2025)"


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        pytest.param({"distributor": ""}, "distributor", id="empty"),
        pytest.param({"distributor": "   "}, "distributor", id="blank"),
        pytest.param({"distributor": 5}, "distributor", id="int"),
        pytest.param({"document": None}, "document", id="none"),
        pytest.param({"section": 45}, "section", id="section-int"),
    ],
)
def test_distributor_rule_bad_fields(kwargs: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {"distributor": "Amazonas Energia", "document": "Manual", **kwargs}
    with pytest.raises(InvalidInputError) as info:
        DistributorRule(**fields)  # type: ignore[arg-type]
    assert [(e.path, e.code) for e in info.value.errors] == [(path, "not_text")]


def test_distributor_rule_valid() -> None:
    rule = DistributorRule(distributor="Amazonas Energia", document="Manual", section="4.5")
    assert str(rule) == "Amazonas Energia, Manual, item 4.5 (regra da distribuidora)"


@pytest.mark.parametrize("since", ["2025-12-16", datetime(2025, 12, 16, tzinfo=UTC), None])
def test_period_since_is_a_plain_date(since: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        Period(since=since, value=80, basis=BASIS)
    assert [(e.path, e.code) for e in info.value.errors] == [("since", "not_a_date")]
    assert Period(since=date(2025, 12, 16), value=80, basis=BASIS).since == date(2025, 12, 16)


@pytest.mark.parametrize("basis", [5, ["REN 1.000/2021, art. 291"], (BASIS, None)])
def test_cite_refuses_what_is_not_a_reference(basis: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        cite(basis)  # type: ignore[arg-type]
    assert info.value.codes == ("invalid_basis",)


def test_cite_accepts_one_reference_a_tuple_or_nothing() -> None:
    assert cite(BASIS) == "REN 1.000/2021, art. 291, III"  # type: ignore[arg-type]
    assert cite((BASIS, ren1000(290))) == "REN 1.000/2021, art. 291, III; REN 1.000/2021, art. 290"
    assert cite(()) == ""


TIMELINE = {"name": "availability", "unit": "kWh", "label_pt": "custo de disponibilidade"}


def test_timeline_periods_frozen_and_checked() -> None:
    period = Period(since=date(2022, 1, 3), value=100, basis=BASIS)
    timeline = Timeline(periods=[period], last_verified_on=date(2026, 1, 1), **TIMELINE)
    assert timeline.periods == (period,)  # a list is stored as a tuple, like the basis
    assert timeline.value_on(date(2022, 1, 3)) == 100
    with pytest.raises(InvalidInputError) as info:
        Timeline(periods=100, last_verified_on=date(2026, 1, 1), **TIMELINE)  # type: ignore[arg-type]
    assert [(e.path, e.code) for e in info.value.errors] == [("periods.0", "not_a_period")]


@pytest.mark.parametrize("day", ["2026-01-01", datetime(2026, 1, 1, tzinfo=UTC)])
def test_timeline_last_verified_is_a_plain_date(day: object) -> None:
    period = Period(since=date(2022, 1, 3), value=100, basis=BASIS)
    with pytest.raises(InvalidInputError) as info:
        Timeline(periods=(period,), last_verified_on=day, **TIMELINE)
    assert [(e.path, e.code) for e in info.value.errors] == [("last_verified_on", "not_a_date")]
