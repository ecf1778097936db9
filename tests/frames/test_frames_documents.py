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

TEXT = st.one_of(
    st.text(alphabet="0123456789.-/ ABCabc", max_size=20),
    st.sampled_from(["529.982.247-25", "11.222.333/0001-81", "12.ABC.345/01DE-35"]),
    st.none(),
    st.integers(),
)


@settings(max_examples=40)
@given(st.lists(TEXT, max_size=30))
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
