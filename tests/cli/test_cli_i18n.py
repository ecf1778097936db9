"""The command line speaks Portuguese by default, English with ``--lang en``, errors included.

argparse's own messages, the converters' messages and the library's errors all come out in
the language asked, on one line of stderr, with exit status 2; never a traceback.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from aneel_rules.cli import billing as cli_billing
from aneel_rules.cli import build_parser, main
from aneel_rules.cli import common as cli_common
from aneel_rules.cli import connection as cli_connection
from aneel_rules.cli import numbers as cli_numbers
from aneel_rules.cli import portal as cli_portal
from aneel_rules.cli import tariffs as cli_tariffs
from aneel_rules.cli.common import (
    Console,
    localize_error,
    localize_usage,
    parser_tree,
    scan_lang,
)
from aneel_rules.errors import NotInForceError, RegulatoryGapError, UnsupportedCaseError
from aneel_rules.i18n import translate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


# the same numbers as typed in English (the CLI reads numbers in its output language)
ENGLISH_NUMBERS = {"13,8": "13.8", "0,22": "0.22"}


def english(argv: list[str]) -> list[str]:
    """``argv`` with its numbers written the English way."""
    return [ENGLISH_NUMBERS.get(arg, arg) for arg in argv]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- every text the CLI prints has a Portuguese translation with the same placeholders ---

CATALOGS = [
    *((cli_common.DOMAIN, t) for t in cli_common.TEXTS),
    *((cli_common.DOMAIN, t) for t in cli_numbers.TEXTS),
    *(("tariffs", t) for t in cli_tariffs.TEXTS),
    *(("billing_cycle", t) for t in cli_billing.TEXTS),
    *(("connection", t) for t in cli_connection.TEXTS),
    *(("portal", t) for t in cli_portal.CLI_MESSAGES),
]
SAME_IN_BOTH = {
    "{path} [{code}]: {text}",
    "  - {reason}",
    "Total: {count}",
    "{when} ({tz}), {modality}: {post}",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("domain", "template"), CATALOGS, ids=[t for _, t in CATALOGS])
def test_every_cli_text_is_translated(domain: str, template: str) -> None:
    translated = translate(template, domain=domain, lang="pt_BR")
    assert translated != template or template in SAME_IN_BOTH, f"{domain}.po misses it"
    assert _fields(translated) == _fields(template)


# --- argparse's fixed messages -----------------------------------------------------------

USAGE = [
    pytest.param(
        ["modality", "--voltage-kv", "13,8", "--class", "industrial"],
        "aneel-rules: erro: os seguintes argumentos são obrigatórios: --on",
        "aneel-rules: error: the following arguments are required: --on",
        id="required",
    ),
    pytest.param(
        ["calendar", "2026", "--bogus"],
        "aneel-rules: erro: argumentos não reconhecidos: --bogus",
        "aneel-rules: error: unrecognized arguments: --bogus",
        id="unrecognized",
    ),
    pytest.param(
        ["deadline", "foo"],
        "aneel-rules: erro: argumento KIND: opção inválida: 'foo' (escolha entre 'budget', "
        "'inspection')",
        "aneel-rules: error: argument KIND: invalid choice: 'foo' (choose from 'budget', "
        "'inspection')",
        id="invalid-choice",
    ),
    pytest.param(
        ["post", "2026-03-09T20:30", "--modality"],
        "aneel-rules: erro: argumento --modality: falta o valor",
        "aneel-rules: error: argument --modality: expected one argument",
        id="expected-one",
    ),
    pytest.param(
        ["reading", "2026-01-05", "2026-02-10", "--k", "3"],
        "aneel-rules: erro: opção ambígua: --k pode ser --kind, --kwh",
        "aneel-rules: error: ambiguous option: --k could match --kind, --kwh",
        id="ambiguous",
    ),
    pytest.param(
        ["calendar", "dois mil"],
        "aneel-rules: erro: argumento year: ano inválido: 'dois mil'",
        "aneel-rules: error: argument year: invalid year 'dois mil'",
        id="converter-tariffs",
    ),
    pytest.param(
        ["refund", "--found-on", "2026-03-10", "--direction", "over", "--error", "2026-01"],
        "aneel-rules: erro: argumento --error: erro de faturamento inválido: '2026-01' "
        "(use AAAA-MM[-DD]:VALOR, p. ex. 2026-01:123,45)",
        "aneel-rules: error: argument --error: invalid billing error '2026-01' "
        "(use YYYY-MM[-DD]:AMOUNT, e.g. 2026-01:123,45)",
        id="converter-billing",
    ),
    pytest.param(
        ["metering", "--transformer", "300"],
        "aneel-rules: erro: argumento --transformer: transformador inválido: '300' "
        "(use KVA:SECUNDÁRIO, p. ex. 300:220/127)",
        "aneel-rules: error: argument --transformer: invalid transformer '300' "
        "(use KVA:SECONDARY, e.g. 300:220/127)",
        id="converter-connection",
    ),
    pytest.param(
        ["schema", "orcamento"],
        "aneel-rules: erro: argumento flow: fluxo desconhecido: 'orcamento' (use um de: "
        "registration, new-connection, professional-profile, access, budget)",
        "aneel-rules: error: argument flow: unknown flow 'orcamento' (use one of: "
        "registration, new-connection, professional-profile, access, budget)",
        id="converter-portal",
    ),
    pytest.param(
        ["deadline", "inspection", "--notice", "2026-02-30", "--voltage-kv", "1"],
        "aneel-rules: erro: argumento --notice: data inválida: '2026-02-30' (use AAAA-MM-DD)",
        "aneel-rules: error: argument --notice: invalid date '2026-02-30' (use YYYY-MM-DD)",
        id="converter-date",
    ),
]


def test_library_error_in_a_converter(capsys: pytest.CaptureFixture[str]) -> None:
    """The library's message, in the language asked, after the argument (no field repeated)."""
    argv = ["metering", "--transformer", "0:220/127"]
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("aneel-rules: erro: argumento --transformer: power_kva deve ser maior")
    assert err.count("\n") == 1
    status, out, err = run(capsys, *argv, "--lang", "en")
    assert err.startswith("aneel-rules: error: argument --transformer: power_kva must be greater")


@pytest.mark.parametrize(("argv", "pt", "en"), USAGE)
def test_usage_errors_pt_and_en(
    capsys: pytest.CaptureFixture[str], argv: list[str], pt: str, en: str
) -> None:
    assert run(capsys, *argv) == (2, "", pt + "\n")
    assert run(capsys, *english(argv), "--lang", "en") == (2, "", en + "\n")


def test_lang_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--lang", "en", "reading", "2026-01-05", "2026-02-10")
    assert status == 0
    assert out.startswith("Reading interval: Jan 5, 2026 → Feb 10, 2026 = 36 days\n")
    status, _, err = run(capsys, "--lang=en", "nope")
    assert status == 2
    assert err.startswith("aneel-rules: error: argument COMMAND: invalid choice: 'nope'")


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["--lang", "en", "validate", "cpf", "529.982.247-24"], id="before-command"),
        pytest.param(["validate", "--lang", "en", "cpf", "529.982.247-24"], id="before-kind"),
        pytest.param(["validate", "cpf", "529.982.247-24", "--lang", "en"], id="at-the-end"),
    ],
)
def test_lang_anywhere(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, _ = run(capsys, *argv)
    assert status == 1
    assert out.splitlines()[0] == "1 problem(s) found:"


def test_abbreviated_lang_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", "cpf", "529.982.247-24", "--lan", "en")
    assert (status, out.splitlines()[0]) == (1, "1 problem(s) found:")


def test_unsupported_lang_is_reported_in_portuguese(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "calendar", "2026", "--lang", "fr")
    assert status == 2
    assert err == (
        "aneel-rules: erro: argumento --lang: o idioma 'fr' não é suportado (use pt_BR ou en)\n"
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param([], "pt_BR", id="default"),
        pytest.param(["x", "--lang", "en"], "en", id="separate"),
        pytest.param(["--lang=en-US", "x"], "en", id="joined"),
        pytest.param(["--lang", "en", "--lang", "pt"], "pt_BR", id="last-wins"),
        pytest.param(["--lang"], "pt_BR", id="no-value"),
        pytest.param(["--lang", "fr"], "pt_BR", id="unsupported"),
        pytest.param(["--", "--lang", "en"], "pt_BR", id="after-double-dash"),
    ],
)
def test_scan_lang(argv: list[str], expected: str) -> None:
    assert scan_lang(argv) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param(
            "argument --n: invalid int value: 'x'",
            "argumento --n: valor int inválido: 'x'",
            id="invalid-type",
        ),
        pytest.param(
            "argument --a: not allowed with argument --b",
            "argumento --a: não pode ser usado com o argumento --b",
            id="not-allowed-with",
        ),
        pytest.param(
            "argument --works: ignored explicit argument 'x'",
            "argumento --works: valor explícito ignorado: 'x'",
            id="ignored-explicit",
        ),
        pytest.param(
            "one of the arguments --a --b is required",
            "um dos argumentos --a --b é obrigatório",
            id="one-of",
        ),
        pytest.param(
            "argument --x: expected at most one argument",
            "argumento --x: aceita no máximo um valor",
            id="at-most-one",
        ),
        pytest.param(
            "argument --x: expected at least one argument",
            "argumento --x: exige ao menos um valor",
            id="at-least-one",
        ),
        pytest.param(
            "argument --x: something argparse may say one day",
            "argumento --x: something argparse may say one day",
            id="unknown-detail-kept",
        ),
        pytest.param("a new argparse message", "a new argparse message", id="unknown-kept"),
    ],
)
def test_localize_usage_shapes(message: str, expected: str) -> None:
    assert localize_usage(message, "pt_BR") == expected
    assert localize_usage(message, "en") == message


# --- library errors -----------------------------------------------------------------------

CORE = [
    pytest.param(
        ["reading", "2005-01-05", "2005-02-10"],
        "nenhum regime em vigor em 2005-02-10: a REN 414/2010 vale a partir de 2010-09-15",
        "no regime in force on 2005-02-10: REN 414/2010 applies from 2010-09-15",
        id="before-REN414",
    ),
    pytest.param(
        ["calendar", "2009"],
        "não há lista de dias sem posto ponta para 2009: a lista da ANEEL vale a partir de "
        "2010-09-15",
        "no peak-exempt list for 2009: ANEEL's list applies from 2010-09-15",
        id="calendar-before-REN414",
    ),
    pytest.param(
        ["post", "2017-12-29T20:00"],
        "a tarifa branca ainda não era oferecida em 2017-12-29 (disponível a partir de 2018-01-01)",
        "the tarifa branca was not yet offered on 2017-12-29 (available from 2018-01-01)",
        id="white-tariff-before-2018",
    ),
    pytest.param(
        ["deadline", "inspection", "--notice", "2022-01-02", "--voltage-kv", "13,8"],
        "vistoria e instalação da medição, tensão de 2,3 kV a 69 kV em 2022-01-02 cai na REN "
        "414/2010, que a biblioteca não responde neste caso: o art. 30 da REN 414/2010 (prazo da "
        "vistoria; a paráfrase da ANEEL dá 3 dias úteis na área urbana e 5 na rural) não foi "
        "encontrado literalmente em nenhuma fonte consultada; a REN 1.000/2021 vale a partir de "
        "2022-01-03",
        "vistoria e instalação da medição, tensão de 2,3 kV a 69 kV on 2022-01-02 falls under "
        "REN 414/2010, which the library does not answer: REN 414/2010, art. 30 (deadline of the "
        "vistoria; ANEEL's paraphrase gives 3 business days urban and 5 rural) was not found "
        "verbatim in any source read; REN 1.000/2021 applies from 2022-01-03",
        id="deadline-REN414",
    ),
    pytest.param(
        ["validate", "request", "access", str(EXAMPLES / "access.json"), "--today", "2022-01-02"],
        "os fluxos do portal aplicam a REN 1.000/2021, em vigor desde 2022-01-03; data pedida: "
        "2022-01-02",
        "the portal flows apply REN 1.000/2021, in force from 2022-01-03; asked for 2022-01-02",
        id="portal-before-REN1000",
    ),
]


@pytest.mark.parametrize(("argv", "pt", "en"), CORE)
def test_library_errors_pt_and_en(
    capsys: pytest.CaptureFixture[str], argv: list[str], pt: str, en: str
) -> None:
    assert run(capsys, *argv) == (2, "", f"aneel-rules: erro: {pt}\n")
    assert run(capsys, *english(argv), "--lang", "en") == (2, "", f"aneel-rules: error: {en}\n")


@pytest.mark.parametrize(
    ("error", "pt"),
    [
        # the errors carry their template and params: the CLI never parses their text
        pytest.param(
            RegulatoryGapError(
                "{voltage} kV is in none of the group-A subgroups of {ref} "
                "(gaps 25–30, 44–69, 69–88 and 138–230 kV); the norm gives no answer",
                voltage="50",
                ref="REN 1.000/2021, art. 2º",
            ),
            "50 kV não está em nenhum subgrupo do grupo A da REN 1.000/2021, art. 2º (lacunas "
            "25–30, 44–69, 69–88 e 138–230 kV); a norma não dá resposta",
            id="voltage-gap",
        ),
        pytest.param(
            NotInForceError(
                "no peak-exempt list on {day}: ANEEL's list applies from {since}",
                day="2009-12-25",
                since="x",
            ),
            "não há lista de dias sem posto ponta em 2009-12-25: a lista da ANEEL vale a "
            "partir de x",
            id="no-list-on-day",
        ),
        pytest.param(
            UnsupportedCaseError("a case nobody translated yet"),
            "a case nobody translated yet",
            id="unknown-kept-in-english",
        ),
    ],
)
def test_localize_error(error: NotInForceError, pt: str) -> None:
    assert localize_error(error, "pt_BR") == pt
    assert localize_error(error, "en") == str(error)


@pytest.mark.parametrize(
    ("argv", "start"),
    [
        pytest.param(
            [
                *("modality", "--voltage-kv", "13,8", "--class", "industrial"),
                *("--on", "2026-01-10", "--demand-kw", "0"),
            ],
            "aneel-rules: erro: --demand-kw deve ser positivo",
            id="demand",
        ),
        pytest.param(
            ["modality", "--voltage-kv", "13,8", "--class", "industrial", "--on", "2021-01-10"],
            "aneel-rules: erro: --demand-kw é obrigatório para unidade do grupo A abaixo de 69 kV "
            "sob a REN 414/2010",
            id="REN414-art-demand-required",
        ),
        pytest.param(
            [
                *("deadline", "inspection", "--notice", "2026-03-04"),
                *("--voltage-kv", "1", "--uf", "XX"),
            ],
            "aneel-rules: erro: --uf 'XX' não é uma sigla de UF",
            id="uf",
        ),
        pytest.param(
            ["refund", "--found-on", "2026-03-10", "--direction", "over", "--error", "2022-01:5"],
            "aneel-rules: erro: o prazo de 60 ciclos para devolução do faturamento a maior da "
            "REN 1.000/2021, art. 323, II está suspenso",
            id="window-cycles",
        ),
    ],
)
def test_library_errors_name_the_option_typed(
    capsys: pytest.CaptureFixture[str], argv: list[str], start: str
) -> None:
    """The library's parameter names are replaced by the options (field named once)."""
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith(start)
    assert err.count("\n") == 1
    assert not re.search(r"contracted_demand_kw|subdiv|window_cycles|voltage_kv", err)


def test_unexpected_exception_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise ZeroDivisionError

    monkeypatch.setattr("aneel_rules.cli.tariffs.post_schedule", broken)
    status, out, err = run(capsys, "calendar", "2026")
    assert (status, out) == (2, "")
    assert err == (
        "aneel-rules: erro: erro interno (ZeroDivisionError); por favor, relate-o junto com o "
        "comando digitado\n"
    )


def test_closed_pipe_is_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def closed(_self: Console, _text: str = "") -> None:
        raise BrokenPipeError

    monkeypatch.setattr(Console, "line", closed)
    assert run(capsys, "calendar", "2026") == (1, "", "")


def test_closed_pipe_in_a_real_process() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "aneel_rules", "calendar", "2026"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # like "| head -0": the reader is gone before the first line
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 1
    assert b"Traceback" not in err


# --- no English in Portuguese output, no Portuguese in English output -----------------------

COMMANDS = [
    pytest.param(["calendar", "2026"], id="calendar"),
    pytest.param(["post", "2026-03-09T20:30", "--modality", "azul"], id="post"),
    pytest.param(
        ["modality", "--voltage-kv", "13,8", "--class", "comercial", "--on", "2026-01-10"],
        id="modality",
    ),
    pytest.param(["reading", "2026-01-05", "2026-02-10", "--kwh", "360"], id="reading"),
    pytest.param(
        ["refund", "--found-on", "2026-03-10", "--direction", "under", "--error", "2026-01:80"],
        id="refund",
    ),
    pytest.param(
        ["deadline", "budget", "--requested", "2026-03-04", "--voltage-kv", "13,8", "--works"],
        id="deadline-budget",
    ),
    pytest.param(
        ["deadline", "inspection", "--notice", "2026-03-04", "--voltage-kv", "0,22"],
        id="deadline-inspection",
    ),
    pytest.param(
        ["metering", "--transformer", "300:220/127", "--transformer", "150:380/220"],
        id="metering",
    ),
    pytest.param(["validate", "cpf", "529.982.247-24"], id="validate-document"),
    pytest.param(
        ["validate", "request", "budget", str(EXAMPLES / "budget.json"), "--today", "2026-03-09"],
        id="validate-request",
    ),
    pytest.param(["calendar", "abc"], id="usage-error"),
    pytest.param(["reading", "2026-02-10", "2026-01-05"], id="library-error"),
]
# Words of one language that must not appear in the other; citations ("redação dada pela
# REN 1.101/2024", "(regra da distribuidora)") keep their official Portuguese form.
ENGLISH_ONLY = (
    "error:",
    "argument",
    "invalid",
    "required",
    "Legal basis",
    "days",
    "Result",
    "Window",
    "cycles",
    "problem",
    "request",
    "due on",
    "Unit:",
    "none",
    "valid",
)
PORTUGUESE_ONLY = (
    "erro:",
    "argumento",
    "inválida",
    "inválido",
    "obrigatório",
    "Fundamento",
    "Fundamentação",
    "dias",
    "Resultado",
    "Janela",
    "ciclos",
    "problema(s)",
    "solicitação",
    "Prazo",
    "Unidade",
    "nenhum",
    "instalações",
    "transformador(es)",
    "horária",
    "residencial",
    "comércio",
)


def _without_citations(text: str) -> str:
    """The text without legal citations (official Portuguese wording) and [error_codes]."""
    cut = ("REN ", "Amazonas Energia,", "Despacho")
    lines = (min((line.split(c, 1)[0] for c in cut), key=len) for line in text.splitlines())
    return re.sub(r"\[\w+\]", "", "\n".join(lines))


def _found(words: tuple[str, ...], text: str) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


@pytest.mark.parametrize("argv", COMMANDS)
def test_portuguese_output_has_no_english(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _, out, err = run(capsys, *argv)
    text = _without_citations(out + err)
    assert text.strip()
    assert _found(ENGLISH_ONLY, text) == []


@pytest.mark.parametrize("argv", COMMANDS)
def test_english_output_has_no_portuguese(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _, out, err = run(capsys, *english(argv), "--lang", "en")
    text = _without_citations(out + err)
    assert text.strip()
    assert _found(PORTUGUESE_ONLY, text) == []


# --- help -------------------------------------------------------------------------------------


def _help_texts() -> list[str]:
    texts: list[str] = []
    for parser in parser_tree(build_parser()):
        texts += [parser.description or ""]
        for action in parser._actions:
            texts += [action.help or ""]
            texts += [a.help or "" for a in getattr(action, "_choices_actions", ())]
    return sorted({t for t in texts if t})


@pytest.mark.parametrize("text", _help_texts())
def test_every_help_text_is_translated(text: str) -> None:
    translated = translate(text, domain=cli_common.DOMAIN, lang="pt_BR")
    # a list of option values ("under, over") is the same in both languages
    same_allowed = re.fullmatch(r"[\w.-]+(, [\w.-]+)+", text) is not None
    assert translated != text or same_allowed, f"messages.po misses {text!r}"


def test_help_in_portuguese_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["refund", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("uso: aneel-rules refund [-h]")
    assert "Apura um faturamento incorreto (REN 1.000/2021, arts. 256, 321, 323-324;" in out
    assert "opções:" in out
    assert "mostra esta ajuda e sai" in out
    assert "usage" not in out
    assert "help message" not in out


def test_help_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", "en", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: aneel-rules [-h] [--lang LANG] COMMAND ...")
    assert "positional arguments:" in out
    assert "show this help message and exit" in out
    assert "uso:" not in out
