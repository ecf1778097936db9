"""Documents as people paste them, and as attackers send them (issue 8).

Pasted text brings Unicode dashes, dots, slashes and spaces (python-stdnum's
``util.clean`` maps the same families): they count as punctuation. Digits and letters
outside ASCII are still refused, including letters that ``str.upper`` turns into ASCII.
Enormous text is refused before it is read, and its message stays short.
"""

from __future__ import annotations

import unicodedata
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import InvalidInputError
from aneel_rules.documents import cep, cnpj, cpf, email, phone, rg, uc, uf
from aneel_rules.documents._common import MAX_INPUT

ALL = (cpf, cnpj, cep, phone, email, rg, uc, uf)

# Characters by their Unicode names, so that the table reads as what it is.
EN_DASH = unicodedata.lookup("EN DASH")
EM_DASH = unicodedata.lookup("EM DASH")
MINUS = unicodedata.lookup("MINUS SIGN")
NON_BREAKING_HYPHEN = unicodedata.lookup("NON-BREAKING HYPHEN")
FULLWIDTH_HYPHEN = unicodedata.lookup("FULLWIDTH HYPHEN-MINUS")
NBSP = unicodedata.lookup("NO-BREAK SPACE")
NNBSP = unicodedata.lookup("NARROW NO-BREAK SPACE")
THIN = unicodedata.lookup("THIN SPACE")
IDEOGRAPHIC_SPACE = unicodedata.lookup("IDEOGRAPHIC SPACE")
ZWSP = unicodedata.lookup("ZERO WIDTH SPACE")
BOM = unicodedata.lookup("ZERO WIDTH NO-BREAK SPACE")
FULLWIDTH_SOLIDUS = unicodedata.lookup("FULLWIDTH SOLIDUS")
DIVISION_SLASH = unicodedata.lookup("DIVISION SLASH")
ONE_DOT_LEADER = unicodedata.lookup("ONE DOT LEADER")
FULLWIDTH_STOP = unicodedata.lookup("FULLWIDTH FULL STOP")
FULLWIDTH_LEFT = unicodedata.lookup("FULLWIDTH LEFT PARENTHESIS")
FULLWIDTH_RIGHT = unicodedata.lookup("FULLWIDTH RIGHT PARENTHESIS")


@pytest.mark.parametrize(
    ("module", "pasted", "expected"),
    [
        pytest.param(cpf, f"529.982.247{EN_DASH}25", "52998224725", id="cpf-en-dash"),
        pytest.param(cpf, f"529.982.247{MINUS}25", "52998224725", id="cpf-minus-sign"),
        pytest.param(cpf, f"529{NBSP}982{NBSP}247{NBSP}25", "52998224725", id="cpf-nbsp"),
        pytest.param(cpf, f"{BOM}529.982.247-25{ZWSP}", "52998224725", id="cpf-zero-width"),
        pytest.param(
            cpf,
            f"529{ONE_DOT_LEADER}982{FULLWIDTH_STOP}247{NON_BREAKING_HYPHEN}25",
            "52998224725",
            id="cpf-dot-leader",
        ),
        pytest.param(
            cnpj, f"11.222.333{FULLWIDTH_SOLIDUS}0001-81", "11222333000181", id="cnpj-fw-solidus"
        ),
        pytest.param(
            cnpj, f"11.222.333{DIVISION_SLASH}0001{EM_DASH}81", "11222333000181", id="cnpj-slash"
        ),
        pytest.param(
            cnpj, f"12{THIN}abc{THIN}345/01de{FULLWIDTH_HYPHEN}35", "12ABC34501DE35", id="cnpj-thin"
        ),
        pytest.param(cep, f"69088{EN_DASH}315", "69088315", id="cep-en-dash"),
        pytest.param(cep, f"69088{NNBSP}315", "69088315", id="cep-narrow-nbsp"),
        pytest.param(
            phone,
            f"{FULLWIDTH_LEFT}92{FULLWIDTH_RIGHT}{IDEOGRAPHIC_SPACE}99999{EN_DASH}9999",
            "92999999999",
            id="phone-fullwidth-parentheses",
        ),
        pytest.param(rg, f"12.345.678{EN_DASH}X", "12345678X", id="rg-en-dash"),
        pytest.param(uc, f"2483649{EN_DASH}4", "24836494", id="uc-en-dash"),
    ],
)
def test_pasted_punctuation_is_punctuation(module: ModuleType, pasted: str, expected: str) -> None:
    assert module.validate(pasted) == expected
    assert module.is_valid(pasted)


@pytest.mark.parametrize(
    ("module", "value", "code"),
    [
        # Non-ASCII digits are never punctuation (stdnum: only separators are mapped).
        pytest.param(cpf, "٥٢٩٫٩٨٢٫٢٤٧-٢٥", "non_ascii_digits", id="cpf-arabic-indic"),
        pytest.param(cpf, "５２９.９８２.２４７-２５", "non_ascii_digits", id="cpf-fullwidth"),
        pytest.param(cep, "６９０８８-３１５", "non_ascii_digits", id="cep-fullwidth"),
        # Letters that str.upper() turns into ASCII: ſ → S, ı → I, ß → SS, ﬁ → FI.
        pytest.param(cnpj, "12.ſBC.345/01DE-35", "invalid_format", id="cnpj-long-s"),
        pytest.param(cnpj, "12.ABC.345/01ıE-35", "invalid_format", id="cnpj-dotless-i"),
        pytest.param(cnpj, "12.ABC.345/0ßE-35", "invalid_format", id="cnpj-sharp-s"),
        pytest.param(cnpj, "12.ABC.345/0ﬁE-35", "invalid_format", id="cnpj-fi-ligature"),
        pytest.param(
            cnpj, "１１.２２２.３３３/０００１-８１", "non_ascii_digits", id="cnpj-fw-digits"
        ),
        pytest.param(rg, "12.345.678-Ｘ", "invalid_format", id="rg-fullwidth-x"),
    ],
)
def test_non_ascii_digits_and_letters_are_refused(
    module: ModuleType, value: str, code: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        module.validate(value)
    assert info.value.codes == (code,)
    assert not module.is_valid(value)


@pytest.mark.parametrize("value", ["ſp", "ſP", "aﬁ", "ıs", "ＳＰ", "s\u0307p"])
def test_uf_look_alikes_are_refused(value: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        uf.validate(value)
    assert info.value.codes == ("unknown_uf",)
    assert not uf.is_valid(value)
    assert uf.compact(value) != "SP"


@pytest.mark.parametrize("module", ALL, ids=lambda m: m.__name__.rsplit(".", 1)[1])
@pytest.mark.parametrize("filler", ["1", " ", "a", "\ud800"], ids=["digits", "blanks", "x", "sur"])
def test_enormous_text_is_refused_with_a_short_message(module: ModuleType, filler: str) -> None:
    """Bounded cost: a million characters are refused before normalising, message bounded."""
    value = filler * 10**6
    assert not module.is_valid(value)
    with pytest.raises(InvalidInputError) as info:
        module.validate(value)
    message = str(info.value)
    assert len(message) < 500
    assert len(info.value.errors[0].message) < 500
    if filler == " ":
        return  # blanks only may be reported as empty or too long alike
    assert info.value.codes[0] in {"invalid_length", "too_long", "unknown_uf", "invalid_issuer"}


@pytest.mark.parametrize(
    "module", [cpf, cnpj, cep, phone, rg, uc], ids=lambda m: m.__name__.rsplit(".", 1)[1]
)
def test_the_limit_is_on_the_text_as_given(module: ModuleType) -> None:
    valid = {
        cpf: "52998224725",
        cnpj: "11222333000181",
        cep: "69088315",
        phone: "92999999999",
        rg: "12345678",
        uc: "24836494",
    }[module]
    padded = valid.center(MAX_INPUT)
    assert module.validate(padded) == valid
    assert not module.is_valid(padded + " ")


@pytest.mark.parametrize(
    ("module", "value"),
    [
        pytest.param(cpf, "529.982.247-2\ud800", id="cpf"),
        pytest.param(cnpj, "11.222.333/0001-8\udfff", id="cnpj"),
        pytest.param(email, "ana\ud800@example.com", id="email"),
        pytest.param(uf, "A\ud800", id="uf"),
        pytest.param(uc, "248\ud83d", id="uc"),
    ],
)
def test_lone_surrogates_get_the_librarys_error(module: ModuleType, value: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        module.validate(value)
    # The message can be written out (logs are UTF-8): the surrogate is escaped by repr.
    str(info.value).encode("utf-8")
    info.value.errors[0].message.encode("utf-8")


@pytest.mark.parametrize(
    ("module", "value", "leak"),
    [
        pytest.param(cep, "69088-31", "69088", id="cep"),
        pytest.param(uc, "2483649A", "248364", id="uc"),
        pytest.param(cnpj, "529.982.247-25123", "529.982", id="cpf-typed-as-cnpj"),
        pytest.param(uc, "24836494", "248364", id="uc-layout"),
    ],
)
def test_document_values_are_masked_in_messages(module: ModuleType, value: str, leak: str) -> None:
    check = uc.layout if module is uc and value.isdigit() else module.validate
    with pytest.raises(InvalidInputError) as info:
        check(value)
    for text in (str(info.value), info.value.errors[0].message):
        assert leak not in text
        assert "*" in text


@given(
    digits=st.text(alphabet="0123456789", min_size=11, max_size=11),
    separators=st.lists(
        st.sampled_from([EN_DASH, MINUS, NBSP, THIN, ZWSP, ONE_DOT_LEADER, ".", "-", " "]),
        min_size=11,
        max_size=11,
    ),
)
def test_any_pasted_separator_gives_the_same_answer(digits: str, separators: list[str]) -> None:
    pasted = "".join(d + s for d, s in zip(digits, separators, strict=True))
    assert cpf.is_valid(pasted) == cpf.is_valid(digits)


@pytest.mark.parametrize("issuer", ["ſſp", "SSſ", "ﬁ", "DETRAß"])
def test_issuer_look_alikes_are_refused(issuer: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        rg.validate_issuer(issuer)
    assert info.value.codes == ("invalid_issuer",)


def test_accented_issuers_are_still_upper_cased() -> None:
    assert rg.validate_issuer("polícia civil") == "POLÍCIA CIVIL"
