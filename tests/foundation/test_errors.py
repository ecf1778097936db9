from __future__ import annotations

import pytest

from aneel_rules import (
    AneelRulesError,
    FieldError,
    InvalidInputError,
    NotInForceError,
    RegulatoryGapError,
    UnsupportedCaseError,
    ren1000,
)


def test_hierarchy() -> None:
    assert issubclass(InvalidInputError, ValueError)
    assert issubclass(NotInForceError, LookupError)
    for cls in (InvalidInputError, NotInForceError, RegulatoryGapError, UnsupportedCaseError):
        assert issubclass(cls, AneelRulesError)


def test_invalid_input_collects_every_error() -> None:
    err = InvalidInputError(
        [
            FieldError(
                path="a", code="required", template="{field} is required", params={"field": "a"}
            ),
            FieldError(
                path="b.c", code="required", template="{field} is required", params={"field": "c"}
            ),
        ]
    )
    assert err.codes == ("required", "required")
    assert err.messages() == ("a: a é obrigatório", "b.c: c é obrigatório")
    assert err.messages("en") == ("a: a is required", "b.c: c is required")
    assert str(err) == "a: a is required; b.c: c is required"


def test_invalid_input_needs_errors() -> None:
    with pytest.raises(TypeError):
        InvalidInputError([])


def test_field_error_params_are_text_and_basis_kept() -> None:
    error = FieldError(path="x", code="c", template="{n}", params={"n": 3}, basis=ren1000(260))
    assert error.params == (("n", "3"),)
    assert error.message_in("en") == "3"
    assert str(error.basis) == "REN 1.000/2021, art. 260"


def test_regulatory_gap_keeps_basis() -> None:
    gap = RegulatoryGapError("no subgroup for 46 kV", basis=ren1000(2, item="XXIII"))
    assert gap.basis == (ren1000(2, item="XXIII"),)
