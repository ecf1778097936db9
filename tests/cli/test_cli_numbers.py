"""Numbers on the command line: one reader per language, refused when they do not fit it.

Portuguese (the default): ``,`` decimal, ``.`` between groups of three digits; English: the
reverse; bare digits are a whole number in both. ``1.200`` is 1200 in Portuguese and 1.2 in
English; ``1200`` is 1200 in both. Nothing is ever read the other language's way.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from aneel_rules.cli import main
from aneel_rules.cli.common import ArgTypeError
from aneel_rules.cli.numbers import decimal_arg, parse_number, signed_decimal_arg

PT_FORM = "(escreva com vírgula antes dos decimais e ponto entre grupos de três dígitos: "
PT_FORM += "1.234,5 ou 1234,5)"
EN_FORM = "write it the English way, a point before the decimals and a comma between groups "
EN_FORM += "of three digits (1,234.5 or 1234.5)"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- the readers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("1.200", "pt_BR", Decimal(1200), id="pt-dot-groups-thousands"),
        pytest.param("1.200", "en", Decimal("1.2"), id="en-dot-is-decimal"),
        pytest.param("1,200", "en", Decimal(1200), id="en-comma-groups-thousands"),
        pytest.param("1,200", "pt_BR", Decimal("1.2"), id="pt-comma-is-decimal"),
        pytest.param("1200", "pt_BR", Decimal(1200), id="pt-bare-digits"),
        pytest.param("1200", "en", Decimal(1200), id="en-bare-digits"),
        pytest.param("1.234,56", "pt_BR", Decimal("1234.56"), id="pt-both-marks"),
        pytest.param("1,234.56", "en", Decimal("1234.56"), id="en-both-marks"),
        pytest.param("12.345.678,9", "pt_BR", Decimal("12345678.9"), id="pt-three-groups"),
        pytest.param("12,345,678.9", "en", Decimal("12345678.9"), id="en-three-groups"),
        pytest.param("1234,5", "pt_BR", Decimal("1234.5"), id="pt-ungrouped-decimal"),
        pytest.param("0,22", "pt_BR", Decimal("0.22"), id="pt-below-one"),
        pytest.param("0.22", "en", Decimal("0.22"), id="en-below-one"),
        pytest.param("1,2345", "pt_BR", Decimal("1.2345"), id="pt-many-decimals"),
        pytest.param("0", "pt_BR", Decimal(0), id="zero"),
        pytest.param("007", "en", Decimal(7), id="leading-zeros-ungrouped"),
        pytest.param("1" + "0" * 15, "en", Decimal(10) ** 15, id="largest"),
        pytest.param("0,000000000001", "pt_BR", Decimal("1e-12"), id="smallest"),
    ],
)
def test_accepted(text: str, lang: str, expected: Decimal) -> None:
    assert parse_number(text, lang) == expected


BOTH_REFUSE = [
    "1,2,3",  # two marks of the same kind, groups not of three
    "1,2345,6",
    "1.200,5.3",  # a group after the decimal mark (pt), two decimal points (en)
    "1,200.5,3",
    ",5",  # a separator first
    ".5",
    "5,",  # ... or last
    "5.",
    "1..200",
    "1,,200",
    "0.200,5",  # a grouped number starting with a zero group (pt), a comma after decimals (en)
    "1 200",  # spaces
    " 12",
    "12 ",
    "1e3",  # exponents
    "NaN",
    "inf",
    "١٢",  # digits other than ASCII
    "12a",
    "",
]


@pytest.mark.parametrize("text", BOTH_REFUSE)
@pytest.mark.parametrize("lang", ["pt_BR", "en"])
def test_refused_in_both_languages(text: str, lang: str) -> None:
    with pytest.raises(ArgTypeError) as info:
        parse_number(text, lang)
    message = info.value.localized(lang)
    assert message.startswith(("número inválido:", "invalid number"))
    assert "1.234,5 ou 1234,5" in message if lang == "pt_BR" else "1,234.5 or 1234.5" in message


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("1.23", "pt_BR", id="pt-english-decimal"),
        pytest.param("13.8", "pt_BR", id="pt-english-decimal-kv"),
        pytest.param("1,234.5", "pt_BR", id="pt-english-grouping"),
        pytest.param("0.200", "pt_BR", id="pt-zero-group"),
        pytest.param("1.2345", "pt_BR", id="pt-group-of-four"),
        pytest.param("1,23", "en", id="en-portuguese-decimal"),
        pytest.param("13,8", "en", id="en-portuguese-decimal-kv"),
        pytest.param("1.234,5", "en", id="en-portuguese-grouping"),
        pytest.param("0,200", "en", id="en-zero-group"),
        pytest.param("1,2345", "en", id="en-group-of-four"),
    ],
)
def test_the_other_languages_form_is_refused_not_reinterpreted(text: str, lang: str) -> None:
    with pytest.raises(ArgTypeError) as info:
        parse_number(text, lang)
    if lang == "pt_BR":
        assert info.value.localized(lang) == f"número inválido: {text!r} {PT_FORM}"
    else:
        assert info.value.localized(lang) == f"invalid number {text!r}: {EN_FORM}"


@pytest.mark.parametrize("text", ["-1", "+1", "-1,5"])
def test_no_sign(text: str) -> None:
    with pytest.raises(ArgTypeError) as info:
        decimal_arg(text)
    assert info.value.localized("pt_BR") == (
        f"número inválido: {text!r} (sem sinal: o valor não pode ser negativo)"
    )
    assert info.value.localized("en") == (
        f"invalid number {text!r}: no sign here (the value cannot be negative)"
    )


def test_signed_reader() -> None:
    assert signed_decimal_arg("-1.234,5") == Decimal("-1234.5")
    assert signed_decimal_arg("12") == Decimal(12)
    assert signed_decimal_arg.in_lang("en")("-1,234.5") == Decimal("-1234.5")
    for text in ("+1", "--1", "-", "- 1"):
        with pytest.raises(ArgTypeError):
            signed_decimal_arg(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("10.000.000.000.000.000", "pt_BR", id="pt-1e16"),
        pytest.param("10,000,000,000,000,000", "en", id="en-1e16"),
        pytest.param("0,0000000000001", "pt_BR", id="pt-1e-13"),
        pytest.param("0.0000000000001", "en", id="en-1e-13"),
    ],
)
def test_out_of_range(text: str, lang: str) -> None:
    with pytest.raises(ArgTypeError) as info:
        parse_number(text, lang)
    assert info.value.localized("pt_BR") == (
        f"o número {text!r} está fora da faixa aceita (de 1e-12 a 1e15)"
    )


def test_a_plain_type_call_reads_portuguese() -> None:
    assert decimal_arg("1.200") == Decimal(1200)
    assert decimal_arg.in_lang("en")("1.200") == Decimal("1.2")


# --- every numeric option, both languages, both sides ----------------------------------------

READING = ("reading", "2026-01-05", "2026-02-10")
MODALITY = ("modality", "--class", "industrial", "--on", "2026-01-10")
REFUND = ("refund", "--found-on", "2026-03-10", "--direction", "under")
INSPECTION = ("deadline", "inspection", "--notice", "2026-03-04")
BUDGET = ("deadline", "budget", "--requested", "2026-03-04")


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        pytest.param(
            (*READING, "--kwh", "1.200"),
            "Consumo faturável: 1.100 kWh (medido 1.200 kWh)",  # art. 285, II: 33 of 36 days
            id="kwh-pt-thousands",
        ),
        pytest.param(
            (*READING, "--kwh", "1.200", "--lang", "en"),
            "Billable consumption: 1.1 kWh (measured 1.2 kWh)",
            id="kwh-en-decimal",
        ),
        pytest.param(
            (*READING, "--kwh", "1200", "--lang", "en"),
            "Billable consumption: 1,100 kWh (measured 1,200 kWh)",
            id="kwh-en-bare",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8"),
            "Unidade: 13,8 kV, classe industrial, grupo A, subgrupo A4",
            id="voltage-pt",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13.8", "--lang", "en"),
            "Unit: 13.8 kV, class industrial, group A, subgroup A4",
            id="voltage-en",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8", "--demand-kw", "1.200"),
            "Demanda contratada: 1.200 kW",
            id="demand-pt-thousands",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8", "--demand-kw", "1,5"),
            "Demanda contratada: 1,5 kW",
            id="demand-pt-decimal",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13.8", "--demand-kw", "1,200", "--lang", "en"),
            "Contracted demand: 1,200 kW",
            id="demand-en-thousands",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13.8", "--demand-kw", "1.200", "--lang", "en"),
            "Contracted demand: 1.2 kW",
            id="demand-en-decimal",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8", "--average-consumption-kwh", "1.500"),
            "Fundamento: REN 1.000/2021, art. 220, II",
            id="average-consumption-pt",
        ),
        pytest.param(
            (
                *MODALITY,
                "--voltage-kv",
                "13.8",
                "--average-consumption-kwh",
                "1,500",
                "--lang",
                "en",
            ),
            "Legal basis: REN 1.000/2021, art. 220, II",
            id="average-consumption-en",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:1.234"),
            "Valor principal: R$ 1.234,00",
            id="error-pt-thousands",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:1.234,56"),
            "Valor principal: R$ 1.234,56",
            id="error-pt-both-marks",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:1,234", "--lang", "en"),
            "Principal: R$1,234.00",
            id="error-en-thousands",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:12.5", "--lang", "en"),
            "Principal: R$12.50",
            id="error-en-decimal",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "1.000"),
            "Janela: 1000 ciclos (informada pelo usuário)",
            id="window-pt-thousands",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "1,000", "--lang", "en"),
            "Window: 1000 cycles (given by the caller)",
            id="window-en-thousands",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "60,0"),
            "Janela: 60 ciclos (informada pelo usuário)",
            id="window-pt-whole-with-zero-decimals",
        ),
        pytest.param(
            (*INSPECTION, "--voltage-kv", "0,22"),
            "Prazo da vistoria e instalação da medição: 11/03/2026 (5 dias úteis)",
            id="deadline-voltage-pt",
        ),
        pytest.param(
            (*INSPECTION, "--voltage-kv", "0.22", "--lang", "en"),
            "Vistoria and meter installation due on Mar 11, 2026 (5 business days)",
            id="deadline-voltage-en",
        ),
        pytest.param(
            ("metering", "--transformer", "1.500:220/127"),
            "- subestação com único transformador com potência superior a 300 kVA",
            id="transformer-pt-thousands",
        ),
        pytest.param(
            ("metering", "--transformer", "112,5:220/127"),
            "A medição em tensão primária (MT) não é obrigatória.",
            id="transformer-pt-decimal",
        ),
        pytest.param(
            ("metering", "--transformer", "1,500:220/127", "--lang", "en"),
            "- substation with a single transformer above 300 kVA",
            id="transformer-en-thousands",
        ),
        pytest.param(
            ("metering", "--transformer", "300.5:220/127", "--lang", "en"),
            "- substation with a single transformer above 300 kVA",
            id="transformer-en-decimal",
        ),
        pytest.param(
            ("metering", "--transformer", "300:220/127", "--lang", "en"),
            "Primary-voltage (MT) metering is not required.",
            id="transformer-en-bare",
        ),
    ],
)
def test_numeric_options_read_in_the_language(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], line: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    assert line in out.splitlines()


@pytest.mark.parametrize(
    ("argv", "option", "value"),
    [
        pytest.param((*READING, "--kwh", "1.23"), "--kwh", "1.23", id="kwh-pt"),
        pytest.param((*READING, "--kwh", "1,2", "--lang", "en"), "--kwh", "1,2", id="kwh-en"),
        pytest.param((*MODALITY, "--voltage-kv", "13.8"), "--voltage-kv", "13.8", id="kv-pt"),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8", "--lang", "en"), "--voltage-kv", "13,8", id="kv-en"
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8", "--demand-kw", "1.2345"),
            "--demand-kw",
            "1.2345",
            id="demand-pt",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13.8", "--demand-kw", "1,2,3", "--lang", "en"),
            "--demand-kw",
            "1,2,3",
            id="demand-en",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13,8", "--average-consumption-kwh", "1.5"),
            "--average-consumption-kwh",
            "1.5",
            id="average-pt",
        ),
        pytest.param(
            (*MODALITY, "--voltage-kv", "13.8", "--average-consumption-kwh", "1,5", "--lang", "en"),
            "--average-consumption-kwh",
            "1,5",
            id="average-en",
        ),
        pytest.param((*REFUND, "--error", "2026-01:1.23"), "--error", "1.23", id="error-pt"),
        pytest.param(
            (*REFUND, "--error", "2026-01:1.200,5.3"), "--error", "1.200,5.3", id="error-pt-mixed"
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:1,23", "--lang", "en"), "--error", "1,23", id="error-en"
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "6.0"),
            "--window-cycles",
            "6.0",
            id="window-pt",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "6,0", "--lang", "en"),
            "--window-cycles",
            "6,0",
            id="window-en",
        ),
        pytest.param(
            (*BUDGET, "--voltage-kv", "13.8"), "--voltage-kv", "13.8", id="deadline-kv-pt"
        ),
        pytest.param(
            (*BUDGET, "--voltage-kv", "13,8", "--lang", "en"),
            "--voltage-kv",
            "13,8",
            id="deadline-kv-en",
        ),
        pytest.param(
            ("metering", "--transformer", "112.5:220/127"),
            "--transformer",
            "112.5",
            id="transformer-pt",
        ),
        pytest.param(
            ("metering", "--transformer", "112,5:220/127", "--lang", "en"),
            "--transformer",
            "112,5",
            id="transformer-en",
        ),
    ],
)
def test_numeric_options_refuse_the_other_form(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], option: str, value: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    if "en" in argv:
        assert (
            err == f"aneel-rules: error: argument {option}: invalid number {value!r}: {EN_FORM}\n"
        )
    else:
        assert (
            err == f"aneel-rules: erro: argumento {option}: número inválido: {value!r} {PT_FORM}\n"
        )


@pytest.mark.parametrize(
    ("argv", "pt"),
    [
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "1,5"),
            "argumento --window-cycles: número de ciclos inválido: '1,5' (use um número inteiro "
            "a partir de 1)",
            id="window-not-whole",
        ),
        pytest.param(
            (*REFUND, "--error", "2026-01:80", "--window-cycles", "0"),
            "argumento --window-cycles: número de ciclos inválido: '0' (use um número inteiro "
            "a partir de 1)",
            id="window-zero",
        ),
        pytest.param(
            (*READING, "--kwh=-5"),
            "argumento --kwh: número inválido: '-5' (sem sinal: o valor não pode ser negativo)",
            id="kwh-sign",
        ),
        pytest.param(
            ("calendar", "2.026"),
            "argumento year: ano inválido: '2.026'",
            id="year-grouped",
        ),
        pytest.param(
            ("calendar", "+2026"),
            "argumento year: ano inválido: '+2026'",
            id="year-sign",
        ),
        pytest.param(
            ("calendar", " 2026"),
            "argumento year: ano inválido: ' 2026'",
            id="year-space",
        ),
    ],
)
def test_other_number_refusals(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], pt: str
) -> None:
    assert run(capsys, *argv) == (2, "", f"aneel-rules: erro: {pt}\n")


def test_an_abbreviated_lang_reads_english_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *READING, "--kwh", "1.200", "--lan", "en")
    assert status == 0
    assert "Billable consumption: 1.1 kWh (measured 1.2 kWh)" in out.splitlines()
