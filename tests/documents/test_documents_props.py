"""Properties of the document validators: round-trips, oracles and Unicode fuzzing."""

from __future__ import annotations

import ast
import string
from types import ModuleType

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from aneel_rules import InvalidInputError
from aneel_rules.documents import cep, cnpj, cpf, email, phone, rg, uc, uf
from aneel_rules.documents._common import masked

MODULES = (cpf, cnpj, cep, phone, email, uf, rg, uc)


def _dv(values: list[int], weights: range | tuple[int, ...]) -> int:
    """Check digit straight from the Receita Federal text: 11 − r, or 0 when r < 2."""
    remainder = sum(v * w for v, w in zip(values, weights, strict=True)) % 11
    return 0 if remainder < 2 else 11 - remainder


def _make_cpf(base: str) -> str:
    values = [int(c) for c in base]
    values.append(_dv(values, range(10, 1, -1)))
    values.append(_dv(values, range(11, 1, -1)))
    return "".join(map(str, values))


CNPJ_W1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
CNPJ_W2 = (6, 5, 4, 3, 2, *CNPJ_W1[4:])


def _make_cnpj(base: str) -> str:
    values = [ord(c) - 48 for c in base]
    first = _dv(values, CNPJ_W1)
    second = _dv([*values, first], (6, *CNPJ_W1))
    return f"{base}{first}{second}"


cpf_bases = st.text(string.digits, min_size=9, max_size=9).filter(lambda b: len(set(b)) > 1)
cnpj_bases = st.text(string.digits + string.ascii_uppercase, min_size=12, max_size=12).filter(
    lambda b: len(set(b)) > 1
)


def test_cnpj_w2_matches_the_text() -> None:
    assert (6, *CNPJ_W1) == (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2) == CNPJ_W2


@given(cpf_bases)
def test_cpf_generated_numbers_round_trip(base: str) -> None:
    number = _make_cpf(base)
    assert cpf.validate(number) == number
    assert cpf.validate(cpf.format(number)) == number
    assert cpf.is_valid(cpf.format(number))


@given(cpf_bases, st.integers(1, 9), st.integers(9, 10))
def test_cpf_any_wrong_check_digit_is_caught(base: str, delta: int, position: int) -> None:
    number = _make_cpf(base)
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    with pytest.raises(InvalidInputError) as info:
        cpf.validate(wrong)
    assert info.value.codes == ("invalid_checksum",)


@given(cnpj_bases)
@example("12ABC34501DE")
def test_cnpj_generated_numbers_round_trip(base: str) -> None:
    number = _make_cnpj(base)
    assert cnpj.validate(number) == number
    assert cnpj.validate(cnpj.format(number)) == number
    assert cnpj.validate(cnpj.format(number).lower()) == number


@given(cnpj_bases, st.integers(1, 9), st.integers(12, 13))
def test_cnpj_any_wrong_check_digit_is_caught(base: str, delta: int, position: int) -> None:
    number = _make_cnpj(base)
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    assert not cnpj.is_valid(wrong)


@given(st.text(string.digits, min_size=11, max_size=11))
def test_cpf_agrees_with_python_stdnum(number: str) -> None:
    stdnum_cpf = pytest.importorskip("stdnum.br.cpf")
    if len(set(number)) == 1:  # stdnum accepts repeated digits; we do not
        assert not cpf.is_valid(number)
    else:
        assert cpf.is_valid(number) == stdnum_cpf.is_valid(number)


@given(st.text(string.digits, min_size=14, max_size=14))
def test_numeric_cnpj_agrees_with_python_stdnum(number: str) -> None:
    stdnum_cnpj = pytest.importorskip("stdnum.br.cnpj")
    if len(set(number)) == 1:
        assert not cnpj.is_valid(number)
    else:
        assert cnpj.is_valid(number) == stdnum_cnpj.is_valid(number)


@given(st.integers(1000, 99999), st.integers(0, 999))
def test_cep_round_trip_and_uf(prefix: int, suffix: int) -> None:
    number = f"{prefix:05d}{suffix:03d}"
    if cep.is_valid(number):
        assert cep.validate(cep.format(number)) == number
        assert cep.uf(number) in uf.UFS
    else:
        assert 78900 <= prefix <= 78999  # the only gap above 01000: Rondônia's old range


@given(
    st.sampled_from(sorted(phone.AREA_CODES)),
    st.one_of(
        st.text(string.digits, min_size=8, max_size=8).map(lambda s: "9" + s),
        st.tuples(st.sampled_from("2345"), st.text(string.digits, min_size=7, max_size=7)).map(
            "".join
        ),
    ),
)
def test_phone_round_trip(area: str, subscriber: str) -> None:
    number = area + subscriber
    assert phone.validate(number) == number
    assert phone.validate(phone.format(number)) == number
    assert phone.validate("+55 " + phone.format(number)) == number
    assert phone.is_mobile(number) == (len(subscriber) == 9)


@given(st.sampled_from(sorted(uf.UFS)))
def test_uf_round_trip(code: str) -> None:
    assert uf.validate(uf.format(code.lower())) == code
    assert uf.name(code)


@given(st.text(string.digits, min_size=6, max_size=15))
def test_uc_round_trip(number: str) -> None:
    assert uc.validate(uc.format(number)) == number
    if len(number) == 15:
        assert str(uc.layout(number)) == number


@given(
    st.from_regex(
        r"[a-z0-9]{1,20}(\.[a-z0-9_+-]{1,10}){0,2}@[a-z0-9]{1,20}\.[a-z]{2,6}", fullmatch=True
    )
)
def test_email_round_trip(address: str) -> None:
    assert email.validate(email.format(address)) == address


# --- fuzzing -------------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
@given(data=st.one_of(st.text(), st.text(alphabet=string.digits + " .-/()+@xX")))
@example(data="٥٢٩٩٨٢٢٤٧٢٥")
@example(data="ß" * 7)
def test_validate_returns_str_or_raises_invalid_input(module: ModuleType, data: str) -> None:
    try:
        result: str | tuple[object, ...] = module.validate(data)
    except InvalidInputError as exc:
        result = exc.errors
    if isinstance(result, tuple):
        assert len(result) == 1
        assert result[0].message  # type: ignore[attr-defined]  # the pt_BR catalog renders it
        assert not module.is_valid(data)
    else:
        assert isinstance(result, str)
        assert result.isascii()
        assert module.is_valid(data)
        assert module.validate(result) == result  # canonical form is a fixed point


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
@given(data=st.one_of(st.none(), st.integers(), st.binary(), st.lists(st.text()), st.text()))
def test_is_valid_never_raises(module: ModuleType, data: object) -> None:
    assert isinstance(module.is_valid(data), bool)


@given(value=st.text(max_size=30).filter(lambda v: "@" not in v))
def test_mask_hides_all_but_five_and_at_least_six(value: str) -> None:
    shown = ast.literal_eval(masked(value))
    count = sum(ch.isalnum() for ch in value)
    visible = sum(ch.isalnum() and ch != "*" for ch in shown)
    assert len(shown) == len(value)
    assert visible <= 5
    assert count - visible >= min(6, count)


@pytest.mark.parametrize("module", [cpf, phone, rg], ids=lambda m: m.__name__)
@given(value=st.text(alphabet="0123456789.-() X٣", min_size=1, max_size=20))
def test_personal_errors_quote_the_mask(module: ModuleType, value: str) -> None:
    """LGPD: an error about the value quotes masked(value), never the value."""
    try:
        module.validate(value)
    except InvalidInputError as exc:
        (error,) = exc.errors
        params = dict(error.params)
        if "value" in params:
            assert params["value"] == masked(value)
