"""Brazilian documents: CPF, CNPJ, CEP, phone, e-mail, UF (stdnum-shaped modules)."""

from __future__ import annotations

from types import ModuleType

import attrs
import pytest

from aneel_rules import InvalidInputError
from aneel_rules.documents import cep, cnpj, cpf, email, phone, rg, uf
from aneel_rules.i18n import translate

MODULES = (cpf, cnpj, cep, phone, email, uf)


def _code(module: object, value: object, **kwargs: object) -> str:
    with pytest.raises(InvalidInputError) as info:
        module.validate(value, **kwargs)  # type: ignore[attr-defined]
    (error,) = info.value.errors
    assert error.path == module.__name__.rsplit(".", 1)[1]  # type: ignore[attr-defined]
    assert error.domain == "documents"
    return error.code


# --- shared contract -----------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("value", [None, 52998224725, b"52998224725", ["x"], 1.5])
def test_non_str_input(module: object, value: object) -> None:
    assert _code(module, value) == "not_a_string"
    assert module.is_valid(value) is False  # type: ignore[attr-defined]
    with pytest.raises(InvalidInputError):
        module.compact(value)  # type: ignore[attr-defined]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("value", ["", "   ", " .- "])
def test_empty(module: object, value: str) -> None:
    if module is email and value.strip():
        pytest.skip("punctuation is not ignored in an e-mail address")
    if module is uf and value.strip():
        pytest.skip("punctuation is not ignored in a UF")
    assert _code(module, value) == "empty"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_template_is_translated(module: object) -> None:
    messages = module._MESSAGES  # type: ignore[attr-defined]
    for code, template in messages.items():
        pt = translate(template, domain="documents", lang="pt_BR")
        assert pt != template, f"{module}: {code} untranslated"
        placeholders = {p.split("}")[0] for p in template.split("{")[1:]}
        assert {p.split("}")[0] for p in pt.split("{")[1:]} == placeholders


def test_messages_pt_and_en() -> None:
    with pytest.raises(InvalidInputError) as info:
        cpf.validate("529.982.247-26")
    (error,) = info.value.errors
    assert error.message == "o CPF '***.***.247-26' tem dígitos verificadores errados"
    assert error.message_in("en") == "CPF '***.***.247-26' has wrong check digits"
    moved = attrs.evolve(error, path="document")
    assert moved.path == "document"
    assert moved.code == "invalid_checksum"


# --- CPF -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("529.982.247-25", "52998224725", id="RFB-cpf-formatted"),
        pytest.param("52998224725", "52998224725", id="RFB-cpf-compact"),
        pytest.param(" 529 982 247 25 ", "52998224725", id="RFB-cpf-spaces"),
        pytest.param("111.444.777-35", "11144477735", id="RFB-cpf-classic-example"),
        pytest.param("000.000.001-91", "00000000191", id="RFB-cpf-leading-zeros"),
        # dv1: 10·s mod 11 = 10 → 0 (remainder 1 → 0)
        pytest.param("123.456.789-09", "12345678909", id="RFB-cpf-remainder-below-2"),
    ],
)
def test_cpf_valid(given: str, expected: str) -> None:
    assert cpf.validate(given) == expected
    assert cpf.is_valid(given)
    assert cpf.compact(given) == expected


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param("529.982.247-26", "invalid_checksum", id="RFB-cpf-dv2-wrong"),
        pytest.param("529.982.247-15", "invalid_checksum", id="RFB-cpf-dv1-wrong"),
        pytest.param("111.111.111-11", "repeated_digits", id="RFB-cpf-repeated-1"),
        pytest.param("00000000000", "repeated_digits", id="RFB-cpf-repeated-0"),
        pytest.param("999.999.999-99", "repeated_digits", id="RFB-cpf-repeated-9"),
        pytest.param("5299822472", "invalid_length", id="RFB-cpf-10-digits"),
        pytest.param("529982247250", "invalid_length", id="RFB-cpf-12-digits"),
        pytest.param("529.982.247/25", "invalid_format", id="RFB-cpf-slash"),
        pytest.param("529982247a5", "invalid_format", id="RFB-cpf-letter"),
        pytest.param("٥٢٩٩٨٢٢٤٧٢٥", "non_ascii_digits", id="RFB-cpf-arabic-indic"),
        pytest.param("５２９９８２２４７２５", "non_ascii_digits", id="RFB-cpf-full-width"),
        pytest.param("52998224725²", "non_ascii_digits", id="RFB-cpf-superscript"),
    ],
)
def test_cpf_invalid(given: str, code: str) -> None:
    assert _code(cpf, given) == code
    assert not cpf.is_valid(given)


def test_cpf_format() -> None:
    assert cpf.format("52998224725") == "529.982.247-25"
    with pytest.raises(InvalidInputError):
        cpf.format("52998224726")


# --- CNPJ ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("11.222.333/0001-81", "11222333000181", id="RFB-cnpj-numeric"),
        pytest.param("11222333000181", "11222333000181", id="RFB-cnpj-numeric-compact"),
        pytest.param("12.ABC.345/01DE-35", "12ABC34501DE35", id="RFB-cnpj-alfanumerico"),
        pytest.param("12.abc.345/01de-35", "12ABC34501DE35", id="RFB-cnpj-lower-case"),
        pytest.param(" 12ABC34501DE35 ", "12ABC34501DE35", id="RFB-cnpj-alfa-compact"),
        pytest.param("00.000.000/0001-91", "00000000000191", id="RFB-cnpj-leading-zeros"),
    ],
)
def test_cnpj_valid(given: str, expected: str) -> None:
    assert cnpj.validate(given) == expected
    assert cnpj.is_valid(given)
    assert cnpj.compact(given) == expected


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param("11.222.333/0001-82", "invalid_checksum", id="RFB-cnpj-dv2-wrong"),
        pytest.param("11.222.333/0001-71", "invalid_checksum", id="RFB-cnpj-dv1-wrong"),
        pytest.param("12.ABC.345/01DE-36", "invalid_checksum", id="RFB-cnpj-alfa-dv-wrong"),
        pytest.param("12.ABD.345/01DE-35", "invalid_checksum", id="RFB-cnpj-alfa-char-changed"),
        pytest.param("00.000.000/0000-00", "repeated_digits", id="RFB-cnpj-repeated-0"),
        pytest.param("11.111.111/1111-11", "repeated_digits", id="RFB-cnpj-repeated-1"),
        pytest.param("12.ABC.345/01DE-3A", "non_numeric_check_digits", id="RFB-cnpj-alfa-dv"),
        pytest.param("1122233300018", "invalid_length", id="RFB-cnpj-13"),
        pytest.param("112223330001811", "invalid_length", id="RFB-cnpj-15"),
        pytest.param("11.222.333_0001-81", "invalid_format", id="RFB-cnpj-underscore"),
        pytest.param("12.ÁBC.345/01DE-35", "invalid_format", id="RFB-cnpj-accented"),
        pytest.param("12.ＡBC.345/01DE-35", "invalid_format", id="RFB-cnpj-full-width-letter"),
        pytest.param("١١٢٢٢٣٣٣٠٠٠١٨١", "non_ascii_digits", id="RFB-cnpj-arabic-indic"),
        pytest.param("１１２２２３３３０００１８１", "non_ascii_digits", id="RFB-cnpj-full-width"),
    ],
)
def test_cnpj_invalid(given: str, code: str) -> None:
    assert _code(cnpj, given) == code
    assert not cnpj.is_valid(given)


def test_cnpj_alphanumeric_can_be_refused() -> None:
    assert _code(cnpj, "12ABC34501DE35", alphanumeric=False) == "alphanumeric_not_allowed"
    assert not cnpj.is_valid("12ABC34501DE35", alphanumeric=False)
    assert cnpj.validate("11222333000181", alphanumeric=False) == "11222333000181"


def test_cnpj_format() -> None:
    assert cnpj.format("12abc34501de35") == "12.ABC.345/01DE-35"
    assert cnpj.format("11222333000181") == "11.222.333/0001-81"


# --- CEP -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "state"),
    [
        pytest.param("69088-315", "AM", id="Correios-AM-manual-example"),
        pytest.param("69000-000", "AM", id="Correios-AM-first"),
        pytest.param("69299-999", "AM", id="Correios-AM-1-last"),
        pytest.param("69300-000", "RR", id="Correios-RR-first"),
        pytest.param("69399-999", "RR", id="Correios-RR-last"),
        pytest.param("69400-000", "AM", id="Correios-AM-2-first"),
        pytest.param("69899-999", "AM", id="Correios-AM-2-last"),
        pytest.param("69900-000", "AC", id="Correios-AC-first"),
        pytest.param("68999-999", "AP", id="Correios-AP-last"),
        pytest.param("68899-999", "PA", id="Correios-PA-last"),
        pytest.param("01000-000", "SP", id="Correios-SP-first"),
        pytest.param("19999-999", "SP", id="Correios-SP-last"),
        pytest.param("20000-000", "RJ", id="Correios-RJ-first"),
        pytest.param("70000-000", "DF", id="Correios-DF-1"),
        pytest.param("72800-000", "GO", id="Correios-GO-1"),
        pytest.param("73000-000", "DF", id="Correios-DF-2"),
        pytest.param("73700-000", "GO", id="Correios-GO-2"),
        pytest.param("76800-000", "RO", id="Correios-RO-first"),
        pytest.param("76999-999", "RO", id="Correios-RO-last"),
        pytest.param("78899-999", "MT", id="Correios-MT-last"),
        pytest.param("79000-000", "MS", id="Correios-MS-first"),
        pytest.param("99999-999", "RS", id="Correios-RS-last"),
    ],
)
def test_cep_uf(given: str, state: str) -> None:
    assert cep.uf(given) == state
    assert cep.is_valid(given)


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param("00000-000", "unknown_range", id="Correios-below-SP"),
        pytest.param("00999-999", "unknown_range", id="Correios-below-SP-last"),
        pytest.param("78900-000", "unknown_range", id="Correios-old-RO-range"),
        pytest.param("6908831", "invalid_length", id="cep-7-digits"),
        pytest.param("690883155", "invalid_length", id="cep-9-digits"),
        pytest.param("69088/315", "invalid_format", id="cep-slash"),
        pytest.param("٦٩٠٨٨٣١٥", "non_ascii_digits", id="cep-arabic-indic"),
    ],
)
def test_cep_invalid(given: str, code: str) -> None:
    assert _code(cep, given) == code
    assert not cep.is_valid(given)


def test_cep_format_and_compact() -> None:
    assert cep.format("69088315") == "69088-315"
    assert cep.compact("69.088-315") == "69088315"
    assert cep.validate(" 69088-315 ") == "69088315"


def test_cep_ranges_are_ordered_and_disjoint() -> None:
    previous_last = 0
    for first, last, state in cep.RANGES:
        assert previous_last < first <= last
        assert state in uf.UFS
        previous_last = last
    assert {state for _, _, state in cep.RANGES} == uf.UFS


# --- phone ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected", "formatted", "mobile"),
    [
        pytest.param("(92) 99999-9999", "92999999999", "(92) 99999-9999", True, id="mobile"),
        pytest.param("+55 92 99999-9999", "92999999999", "(92) 99999-9999", True, id="plus55"),
        pytest.param("+5592999999999", "92999999999", "(92) 99999-9999", True, id="plus55-c"),
        pytest.param("5592999999999", "92999999999", "(92) 99999-9999", True, id="bare-55"),
        pytest.param("(092) 99999-9999", "92999999999", "(92) 99999-9999", True, id="trunk-0"),
        pytest.param("(92) 3333-4444", "9233334444", "(92) 3333-4444", False, id="fixed"),
        pytest.param("+55 (11) 2345-6789", "1123456789", "(11) 2345-6789", False, id="fixed-sp"),
        pytest.param("559233334444", "9233334444", "(92) 3333-4444", False, id="fixed-bare-55"),
        pytest.param("55 5555-5555", "5555555555", "(55) 5555-5555", False, id="ddd-55-fixed"),
        pytest.param("(69) 5123-4567", "6951234567", "(69) 5123-4567", False, id="fixed-5"),
    ],
)
def test_phone_valid(given: str, expected: str, formatted: str, mobile: bool) -> None:
    assert phone.validate(given) == expected
    assert phone.compact(given) == expected
    assert phone.format(given) == formatted
    assert phone.is_mobile(given) is mobile
    assert phone.is_valid(given, mobile_only=True) is mobile


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param("(20) 99999-9999", "invalid_area_code", id="ddd-20"),
        pytest.param("(23) 3333-4444", "invalid_area_code", id="ddd-23"),
        pytest.param("(10) 3333-4444", "invalid_area_code", id="ddd-10"),
        pytest.param("(52) 99999-9999", "invalid_area_code", id="ddd-52"),
        pytest.param("(92) 89999-9999", "invalid_number", id="11-digits-not-9"),
        pytest.param("(92) 9999-9999", "invalid_number", id="old-8-digit-mobile"),
        pytest.param("(92) 1333-4444", "invalid_number", id="fixed-starting-1"),
        pytest.param("(92) 6333-4444", "invalid_number", id="fixed-starting-6"),
        pytest.param("3333-4444", "invalid_length", id="no-ddd"),
        pytest.param("(92) 999999-99999", "invalid_length", id="too-long"),
        pytest.param("+1 202 555 0100", "invalid_country_code", id="usa"),
        pytest.param("+55 92 9999a-9999", "invalid_format", id="letter"),
        pytest.param("(٩٢) ٩٩٩٩٩-٩٩٩٩", "non_ascii_digits", id="arabic-indic"),
    ],
)
def test_phone_invalid(given: str, code: str) -> None:
    assert _code(phone, given) == code
    assert not phone.is_valid(given)
    assert not phone.is_mobile(given)


def test_phone_mobile_only() -> None:
    assert _code(phone, "(92) 3333-4444", mobile_only=True) == "not_mobile"
    assert phone.validate("(92) 99999-9999", mobile_only=True) == "92999999999"


def test_phone_area_codes_are_anatels_67() -> None:
    assert len(phone.AREA_CODES) == 67
    # Unassigned codes (Anatel): none ends in 0, and 23, 25, 26, 29, 30, 36, 39, 50, 52,
    # 56–59, 70, 72, 76, 78, 80 and 90 are not in use.
    unused = {"23", "25", "26", "29", "36", "39", "52", "56", "57", "58", "59", "72", "76", "78"}
    assert not unused & phone.AREA_CODES
    assert not {c for c in phone.AREA_CODES if c.endswith("0")}


# --- e-mail --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("maria@exemplo.com.br", "maria@exemplo.com.br", id="RFC5322-simple"),
        pytest.param(" Maria@Exemplo.COM ", "Maria@exemplo.com", id="RFC5321-2.4-domain-case"),
        pytest.param("a.b+c@x-y.io", "a.b+c@x-y.io", id="RFC5322-dot-atom"),
        pytest.param("!#$%&'*+/=?^_`{|}~-@a.br", "!#$%&'*+/=?^_`{|}~-@a.br", id="RFC5322-atext"),
        pytest.param("x" * 64 + "@a.br", "x" * 64 + "@a.br", id="RFC5321-local-64"),
        pytest.param(
            "a@" + ("b" * 63 + ".") * 3 + "c" * 57,
            "a@" + ("b" * 63 + ".") * 3 + "c" * 57,
            id="RFC5321-total-253",
        ),
        pytest.param("maria@exemplo.com\n", "maria@exemplo.com", id="trailing-newline"),
        pytest.param("a@xn--p1ai.xn--p1ai", "a@xn--p1ai.xn--p1ai", id="RFC3490-punycode"),
    ],
)
def test_email_valid(given: str, expected: str) -> None:
    assert email.validate(given) == expected
    assert email.format(given) == expected
    assert email.compact(given) == given.strip()
    assert email.is_valid(given)


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param("x" * 65 + "@a.br", "local_too_long", id="RFC5321-local-65"),
        pytest.param("a@" + ("b" * 63 + ".") * 4 + "br", "too_long", id="RFC5321-over-254"),
        pytest.param("maria", "missing_at", id="no-at"),
        pytest.param("a@b@c.com", "missing_at", id="two-at"),
        pytest.param("maria silva@a.com", "contains_whitespace", id="space"),
        pytest.param("joão@exemplo.com", "non_ascii", id="RFC6531-not-supported"),
        pytest.param(".maria@a.com", "invalid_local_part", id="RFC5322-leading-dot"),
        pytest.param("maria.@a.com", "invalid_local_part", id="RFC5322-trailing-dot"),
        pytest.param("ma..ria@a.com", "invalid_local_part", id="RFC5322-double-dot"),
        pytest.param('"maria"@a.com', "invalid_local_part", id="quoted-not-supported"),
        pytest.param("@a.com", "invalid_local_part", id="empty-local"),
        pytest.param("maria@", "invalid_domain", id="empty-domain"),
        pytest.param("maria@exemplo", "invalid_domain", id="single-label"),
        pytest.param("maria@-a.com", "invalid_domain", id="RFC1035-leading-hyphen"),
        pytest.param("maria@a-.com", "invalid_domain", id="RFC1035-trailing-hyphen"),
        pytest.param("maria@a..com", "invalid_domain", id="empty-label"),
        pytest.param("maria@1.2.3.4", "invalid_domain", id="numeric-tld"),
        pytest.param("maria@[192.0.2.1]", "invalid_domain", id="literal-not-supported"),
        pytest.param("maria@" + "a" * 64 + ".com", "invalid_domain", id="RFC1035-label-64"),
    ],
)
def test_email_invalid(given: str, code: str) -> None:
    assert _code(email, given) == code
    assert not email.is_valid(given)


# --- UF ------------------------------------------------------------------------------------


def test_uf_codes_and_names() -> None:
    assert len(uf.UFS) == 27
    assert uf.name("am") == "Amazonas"
    assert uf.name("SP") == "São Paulo"
    assert uf.name("DF") == "Distrito Federal"
    assert uf.validate(" rr ") == "RR"
    assert uf.format("ap") == "AP"
    assert uf.compact(" to ") == "TO"


@pytest.mark.parametrize("given", ["XX", "AMZ", "A", "BR", "ＡＭ", "A M"])
def test_uf_unknown(given: str) -> None:
    assert _code(uf, given) == "unknown_uf"
    assert not uf.is_valid(given)


# --- Privacy of messages (LGPD) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "value", "code", "shown"),
    [
        pytest.param(cpf, "529.982.247-26", "invalid_checksum", "'***.***.247-26'", id="cpf"),
        pytest.param(cpf, "111.111.111-11", "repeated_digits", "'***.***.111-11'", id="cpf-rep"),
        pytest.param(cpf, "529.982.247-2", "invalid_length", "'***.***.247-2'", id="cpf-len"),
        pytest.param(phone, "(92) 1333-4444", "invalid_number", "'(**) ****-4444'", id="phone"),
        pytest.param(phone, "(20) 99999-9999", "invalid_area_code", "'(**) ****9-9999'", id="ddd"),
        pytest.param(
            email, "ana souza@x.com", "contains_whitespace", "'a********@x.com'", id="mail"
        ),
        pytest.param(rg, "12X345678", "invalid_format", "'******678'", id="rg"),
    ],
)
def test_personal_values_are_masked_in_messages(
    module: ModuleType, value: str, code: str, shown: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        module.validate(value)
    (error,) = info.value.errors
    assert error.code == code
    assert shown in str(info.value)
    assert shown in error.message
    for text in (str(info.value), error.message, error.message_in("en"), repr(error.params)):
        assert value not in text


def test_company_numbers_are_masked_too() -> None:
    """LGPD: a CPF typed with three extra digits reaches the CNPJ check; it is never quoted."""
    with pytest.raises(InvalidInputError) as info:
        cnpj.validate("11.222.333/0001-82")
    assert "'**.***.***/*001-82'" in str(info.value)
    with pytest.raises(InvalidInputError) as info:
        cnpj.validate("529.982.247-25123")
    assert "52998224725" not in str(info.value).replace(".", "").replace("-", "")
    assert "529.982.247" not in str(info.value)
