"""RG as issued and the consumer-unit number (REN 1.000/2021, art. 659-A)."""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from aneel_rules import AmendmentKind, InvalidInputError, Norm, ren1000
from aneel_rules.documents import rg, uc
from aneel_rules.i18n import translate


@pytest.mark.parametrize("module", [rg, uc], ids=lambda m: m.__name__)
def test_every_template_is_translated(module: object) -> None:
    for code, template in module._MESSAGES.items():  # type: ignore[attr-defined]
        assert translate(template, domain="documents", lang="pt_BR") != template, code


def _error(call: object, *args: object, **kwargs: object) -> tuple[str, str]:
    with pytest.raises(InvalidInputError) as info:
        call(*args, **kwargs)  # type: ignore[operator]
    (error,) = info.value.errors
    return error.path, error.code


# --- RG ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("999999999", "999999999", id="manual-perfil-profissional-example"),
        pytest.param("12.345.678-X", "12345678X", id="sp-check-char-X"),
        pytest.param("12.345.678-x", "12345678X", id="sp-check-char-lower-x"),
        pytest.param(" 1234567-8 ", "12345678", id="punctuation"),
        pytest.param("1234", "1234", id="shortest"),
        pytest.param("1" * 14, "1" * 14, id="longest"),
    ],
)
def test_rg_valid(given: str, expected: str) -> None:
    assert rg.validate(given) == expected
    assert rg.format(given) == expected
    assert rg.compact(given) == expected
    assert rg.is_valid(given)


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param(None, "not_a_string", id="none"),
        pytest.param(12345678, "not_a_string", id="int"),
        pytest.param("", "empty", id="empty"),
        pytest.param(" .- ", "empty", id="only-punctuation"),
        pytest.param("123", "invalid_length", id="too-short"),
        pytest.param("1" * 15, "invalid_length", id="too-long"),
        pytest.param("12X45678", "invalid_format", id="X-not-last"),
        pytest.param("XXXX", "invalid_format", id="all-X"),
        pytest.param("MG12345678", "invalid_format", id="uf-prefix"),
        pytest.param("١٢٣٤٥٦٧٨", "non_ascii_digits", id="arabic-indic"),
    ],
)
def test_rg_invalid(given: object, code: str) -> None:
    assert _error(rg.validate, given) == ("rg", code)
    assert not rg.is_valid(given)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ssp", "SSP"),
        (" conselho  -  outros ", "CONSELHO - OUTROS"),
        ("Detran", "DETRAN"),
        ("SSP/AM", "SSP/AM"),
        ("pc", "PC"),
        ("SECRETARIA DE SEGURANÇA", "SECRETARIA DE SEGURANÇA"),
    ],
)
def test_issuer_valid(given: str, expected: str) -> None:
    assert rg.validate_issuer(given) == expected


@pytest.mark.parametrize(
    ("given", "code"),
    [
        (None, "issuer_not_a_string"),
        ("", "issuer_empty"),
        ("   ", "issuer_empty"),
        ("X", "invalid_issuer"),
        ("SSP1", "invalid_issuer"),
        ("S" * 41, "invalid_issuer"),
        ("SSP!", "invalid_issuer"),
    ],
)
def test_issuer_invalid(given: object, code: str) -> None:
    assert _error(rg.validate_issuer, given) == ("rg.issuer", code)


def test_common_issuers_include_the_manuals_option() -> None:
    assert "CONSELHO - OUTROS" in rg.COMMON_ISSUERS
    for abbreviation in rg.COMMON_ISSUERS:
        assert rg.validate_issuer(abbreviation) == abbreviation


def test_rg_value_object() -> None:
    card = rg.Rg("12.345.678-x", "ssp", uf="sp", issued_on=date(2020, 5, 4))
    assert (card.number, card.issuer, card.uf, card.issued_on) == (
        "12345678X",
        "SSP",
        "SP",
        date(2020, 5, 4),
    )
    assert attrs.evolve(card, uf="am").uf == "AM"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        card.number = "1"  # type: ignore[misc]


def test_rg_repr_masks_the_number() -> None:
    card = rg.Rg("123456789", "SSP", uf="AM")
    text = repr(card)
    assert "123456789" not in text
    assert "1234567" not in text
    assert "'*******89'" in text


@pytest.mark.parametrize(
    ("kwargs", "path", "code"),
    [
        pytest.param({"number": "12"}, "rg.number", "invalid_length", id="number"),
        pytest.param({"issuer": "1"}, "rg.issuer", "invalid_issuer", id="issuer"),
        pytest.param({"uf": "XX"}, "rg.uf", "unknown_uf", id="uf"),
        pytest.param({"uf": 3}, "rg.uf", "not_a_string", id="uf-type"),
        pytest.param(
            {"issued_on": "2020-01-01"}, "rg.issued_on", "issued_on_not_a_date", id="date-str"
        ),
        pytest.param(
            {"issued_on": datetime(2020, 1, 1)},  # noqa: DTZ001
            "rg.issued_on",
            "issued_on_not_a_date",
            id="datetime",
        ),
    ],
)
def test_rg_value_object_errors(kwargs: dict[str, object], path: str, code: str) -> None:
    fields: dict[str, object] = {"number": "123456789", "issuer": "SSP", "uf": "AM"}
    fields.update(kwargs)
    assert _error(rg.Rg, **fields) == (path, code)


# --- UC number (REN 1.000/2021, art. 659-A) ------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param("24836494", "24836494", id="manual-legacy-8-digits"),
        pytest.param("2483649-4", "24836494", id="legacy-punctuated"),
        pytest.param("0024836494", "0024836494", id="leading-zeros-kept"),
        pytest.param("101.059-21", "10105921", id="light-layout-without-leading-zeros"),
        pytest.param("100712", "100712", id="six-digits-minimum"),
        pytest.param("123456789012345", "123456789012345", id="REN1000-art659A-15-digits"),
        pytest.param("1234567890.123.45", "123456789012345", id="REN1000-art659A-punctuated"),
    ],
)
def test_uc_valid(given: str, expected: str) -> None:
    assert uc.validate(given) == expected
    assert uc.format(given) == expected
    assert uc.compact(given) == expected
    assert uc.is_valid(given)


@pytest.mark.parametrize(
    ("given", "code"),
    [
        pytest.param(None, "not_a_string", id="none"),
        pytest.param(24836494, "not_a_string", id="int"),
        pytest.param("", "empty", id="empty"),
        pytest.param("7", "too_short", id="one-digit"),
        pytest.param("12345", "too_short", id="five-digits"),
        pytest.param("1234567890123456", "invalid_length", id="REN1000-art659A-16-digits"),
        pytest.param("2483649A", "invalid_format", id="letter"),
        pytest.param("２４８３６４９４", "non_ascii_digits", id="full-width"),
    ],
)
def test_uc_invalid(given: object, code: str) -> None:
    assert _error(uc.validate, given) == ("uc", code)
    assert not uc.is_valid(given)


def test_uc_too_long_cites_art_659a() -> None:
    with pytest.raises(InvalidInputError) as info:
        uc.validate("1234567890123456")
    assert info.value.errors[0].basis == ren1000(
        "659-A", amended_by=Norm.REN_1095_2024, amendment_kind=AmendmentKind.INSERTED
    )


def test_uc_layout_positions() -> None:
    # Art. 659-A: positions 15-6 sequential (10), 5-3 distributor (3), 2-1 check digits (2).
    parts = uc.layout("123456789012345")
    assert parts == uc.UcLayout("1234567890", "123", check_digits="45")
    assert str(parts) == "123456789012345"
    assert parts.basis == (
        ren1000("659-A", amended_by=Norm.REN_1095_2024, amendment_kind=AmendmentKind.INSERTED),
    )
    assert uc.LAYOUT_LENGTH == 15


@pytest.mark.parametrize(
    "given", ["24836494", "12345678901234", "1" * 16], ids=["legacy", "14-digits", "16-digits"]
)
def test_uc_layout_needs_15_digits(given: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        uc.layout(given)
    (error,) = info.value.errors
    assert error.path == "uc"
    assert error.code == ("invalid_length" if len(given) > 15 else "not_659a_layout")
    assert error.basis == ren1000(
        "659-A", amended_by=Norm.REN_1095_2024, amendment_kind=AmendmentKind.INSERTED
    )
    assert "659-A" in error.message


@pytest.mark.parametrize("module", [rg, uc], ids=lambda m: m.__name__)
def test_compact_rejects_non_str(module: object) -> None:
    assert _error(module.compact, 123) == (module.__name__.rsplit(".", 1)[1], "not_a_string")  # type: ignore[attr-defined]


def test_an_enormous_issuer_is_refused_unread() -> None:
    with pytest.raises(InvalidInputError) as info:
        rg.validate_issuer("SSP" * 10**6)
    assert info.value.codes == ("invalid_issuer",)
    assert len(str(info.value)) < 300
