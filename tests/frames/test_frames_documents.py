"""frames.document_codes: per row the answer of documents.kind.check (CPF or CNPJ)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from aneel_rules import InvalidInputError  # noqa: E402
from aneel_rules.documents import kind  # noqa: E402
from aneel_rules.frames import DOCUMENT_COLUMNS, document_codes  # noqa: E402


def _check_digits(base: str, weights: range) -> str:
    # mod 11 (Receita Federal): 0 if the remainder is below 2, else 11 − remainder
    total = sum((ord(c) - 48) * w for c, w in zip(reversed(base), weights, strict=False))
    return "0" if total % 11 < 2 else str(11 - total % 11)


def _with_check_digits(base: str, kind_: str) -> str:
    # CPF weights 2, 3, 4… from the right; CNPJ weights 2…9 then again from 2
    for _ in range(2):
        weights = (
            range(2, 2 + len(base)) if kind_ == "cpf" else [2 + i % 8 for i in range(len(base))]
        )
        base += _check_digits(base, weights)  # type: ignore[arg-type]
    return base


@st.composite
def documents(draw: st.DrawFn) -> object:
    """A CPF or CNPJ with right check digits, shown in some layout, often spoiled."""
    kind_ = draw(st.sampled_from(("cpf", "cnpj")))
    alphabet = "0123456789" if kind_ == "cpf" else "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    base = draw(
        st.text(
            alphabet=alphabet,
            min_size=9 if kind_ == "cpf" else 12,
            max_size=9 if kind_ == "cpf" else 12,
        )
    )
    number = _with_check_digits(base, kind_)
    if kind_ == "cpf":
        layouts = [number, f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}"]
    else:
        layouts = [number, f"{number[:2]}.{number[2:5]}.{number[5:8]}/{number[8:12]}-{number[12:]}"]
    text = draw(st.sampled_from(layouts))
    text = draw(st.sampled_from((text, text.lower(), f" {text} ", text.replace(".", "\u2024"))))
    spoil = draw(st.integers(0, 6))
    if spoil and text:
        at = draw(st.integers(0, len(text) - 1))
        char = draw(st.sampled_from("0123456789aZ./- -\t\x00(_٣５ſ"))
        if spoil == 1:  # a character replaced
            text = text[:at] + char + text[at + 1 :]
        elif spoil == 2:  # one dropped
            text = text[:at] + text[at + 1 :]
        elif spoil == 3:  # one added
            text = text[:at] + char + text[at:]
        elif spoil == 4:  # one repeated digit
            text = text[0] * len(text)
    return text


TEXT = st.one_of(
    documents(),
    st.text(alphabet="0123456789.-/ ABCabc", max_size=20),
    st.text(max_size=70),
    st.sampled_from(["", "   ", "./-", "1" * 21, "1" * 65, "529.982.247-25\x00", "a\x00b"]),
    st.floats(allow_nan=True),
    st.sampled_from(["529.982.247-25", "11.222.333/0001-81", "12.ABC.345/01DE-35"]),
    st.none(),
    st.integers(),
)


@settings(max_examples=80)
@given(st.lists(TEXT, max_size=40))
def test_rows_agree_with_the_scalar_check(values: list[object]) -> None:
    series = pd.Series(values, index=[f"r{i}" for i in range(len(values))], dtype=object)
    out = document_codes(series)
    assert tuple(out.columns) == DOCUMENT_COLUMNS
    assert out.index.equals(series.index)
    for value, (got_kind, valid, code) in zip(values, out.itertuples(index=False), strict=True):
        expected_kind, expected_code = kind.check(value)
        assert (None if pd.isna(got_kind) else got_kind) == (
            None if expected_kind is None else expected_kind.value
        )
        assert (None if pd.isna(code) else code) == expected_code
        assert bool(valid) == (expected_code is None)


def test_other_columns() -> None:
    values = ["529.982.247-25", "11.222.333/0001-82"]
    for column in (values, tuple(values), np.array(values, dtype=object), pd.Index(values)):
        out = document_codes(column)
        assert out["valid"].tolist() == [True, False]
        assert out["code"].tolist()[1] == "invalid_checksum"
    with pytest.raises(InvalidInputError) as caught:
        document_codes("529.982.247-25")
    assert caught.value.codes == ("not_a_column",)


def test_fast_layouts_and_their_neighbours() -> None:
    values = [
        "529.982.247-25",
        "52998224725",
        "11.222.333/0001-81",
        "11222333000181",
        "12ABC34501DE35",
        "12.ABC.345/01DE-35",
        "12abc34501de35",
        "111.111.111-11",
        "11111111111111",
        "529.982.247-26",
        "529-982-247-25",
        "12ABC34501DE3A",
        "52998224725 ",
        "５２９９８２２４７２５",
        "529.982.247-2",
        "00000000000191",
    ]
    out = document_codes(values)
    for value, code in zip(values, out["code"].tolist(), strict=True):
        assert (None if pd.isna(code) else code) == kind.check(value)[1], value


def test_generator_makes_the_published_numbers() -> None:
    # Receita Federal's examples: CPF 529.982.247-25, CNPJ 11.222.333/0001-81 and the
    # alphanumeric CNPJ 12.ABC.345/01DE-35
    assert _with_check_digits("529982247", "cpf") == "52998224725"
    assert _with_check_digits("112223330001", "cnpj") == "11222333000181"
    assert _with_check_digits("12ABC34501DE", "cnpj") == "12ABC34501DE35"


@settings(max_examples=30)
@given(st.lists(documents(), min_size=50, max_size=200))
def test_many_documents_agree_with_the_scalar_check(values: list[object]) -> None:
    out = document_codes(values)
    expected = [kind.check(value) for value in values]
    assert out["code"].isna().tolist() == [code is None for _, code in expected]
    got = [None if pd.isna(code) else code for code in out["code"].tolist()]
    assert got == [code for _, code in expected]
    kinds = [None if pd.isna(k) else k for k in out["kind"].tolist()]
    assert kinds == [None if k is None else k.value for k, _ in expected]
