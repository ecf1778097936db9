"""documents.kind: CPF or CNPJ by length, validated by cpf/cnpj."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import InvalidInputError
from aneel_rules.documents import DocumentKind, cnpj, cpf, document_kind, kind
from aneel_rules.i18n import translate

VALID_CPF = "529.982.247-25"
VALID_CNPJ = "11.222.333/0001-81"
VALID_ALPHANUMERIC = "12.ABC.345/01DE-35"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (VALID_CPF, DocumentKind.CPF),
        ("52998224725", DocumentKind.CPF),
        (VALID_CNPJ, DocumentKind.CNPJ),
        (VALID_ALPHANUMERIC, DocumentKind.CNPJ),
        ("12abc34501de35", DocumentKind.CNPJ),
    ],
)
def test_valid_documents(value: str, expected: DocumentKind) -> None:
    assert document_kind(value) is expected
    assert kind.is_valid(value)
    assert kind.check(value) == (expected, None)
    module = cpf if expected is DocumentKind.CPF else cnpj
    assert kind.validate(value) == module.validate(value)


@pytest.mark.parametrize(
    ("value", "path", "code"),
    [
        ("529.982.247-26", "cpf", "invalid_checksum"),
        ("111.111.111-11", "cpf", "repeated_digits"),
        ("529.98a.247-25", "cpf", "invalid_format"),
        ("11.222.333/0001-82", "cnpj", "invalid_checksum"),
        ("12.ABC.345/01DE-3A", "cnpj", "non_numeric_check_digits"),
        ("1234", "document", "invalid_length"),
        ("529.982.247-2", "document", "invalid_length"),
        ("", "document", "empty"),
        (" .-/ ", "document", "empty"),
        ("1" * 100, "document", "invalid_length"),
        (52998224725, "document", "not_a_string"),
    ],
)
def test_invalid_documents(value: object, path: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        document_kind(value)  # type: ignore[arg-type]
    (error,) = caught.value.errors
    assert (error.path, error.code) == (path, code)
    assert not kind.is_valid(value)
    assert kind.check(value)[1] == code
    # LGPD: the number is never echoed whole
    assert "529.982.247" not in str(caught.value)


def test_messages_are_translated() -> None:
    for template in kind._MESSAGES.values():
        assert translate(template, domain="documents", lang="pt_BR") != template


TEXT = st.one_of(
    st.text(alphabet="0123456789.-/ ABCabc", max_size=20),
    st.sampled_from([VALID_CPF, VALID_CNPJ, VALID_ALPHANUMERIC, "00000000000"]),
    st.integers(),
    st.none(),
)


@given(TEXT)
def test_check_agrees_with_document_kind(value: object) -> None:
    got_kind, got_code = kind.check(value)
    if got_code is None:
        assert document_kind(value) is got_kind  # type: ignore[arg-type]
        return
    with pytest.raises(InvalidInputError) as caught:
        document_kind(value)  # type: ignore[arg-type]
    assert got_code == caught.value.errors[0].code
    assert (got_kind is None) == (caught.value.errors[0].path == "document")
