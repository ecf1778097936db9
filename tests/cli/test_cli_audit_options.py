"""``aneel-rules audit``: ``--chunk-rows`` read in the command's language; why rows went unanswered.

The chunk size is a count read by the command's number reader (``aneel_rules.cli.numbers``):
``1.000`` is one thousand in Portuguese and is refused in English, where it would be one. Rows
the library refuses show, under their finding, the REN 414/2010 provision that could not be
verified (REN 414/2010, art. 84: only the caput's 27–33 days and the first billing's 15–47
days were found; ``shared/sources/ren414_excerpts.md``) or the provision that leaves a gap
(REN 1.000/2021, art. 261, parágrafo único, III).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import pandas as pd

from aneel_rules.cli import audit, main

HEADER = "previous,current,kwh,group,kind,supply\n"
ROWS = (
    "2021-01-05,2021-02-14,250,B,route_change,monofásico\n"  # REN 414/2010: not verified
    "2021-01-05,2021-02-14,250,A,voltage_change,\n"  # REN 414/2010: not verified
    "2005-01-05,2005-02-04,250,B,regular,monofásico\n"  # before REN 414/2010
    "2026-01-05,2026-04-04,250,A,voltage_change,\n"  # 89 days: art. 261 is silent
    "2026-01-05,2026-02-04,250,B,regular,monofásico\n"  # 30 days: art. 260
)


def _source(tmp_path: Path, text: str = HEADER + ROWS) -> Path:
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["audit", "readings", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("pt_BR", "1"),
        ("pt_BR", "2"),
        ("pt_BR", "1.000"),  # one thousand
        ("pt_BR", "2.000.000"),  # the largest
        ("en", "2"),
        ("en", "1,000"),  # one thousand
        ("en", "2,000,000"),
    ],
)
def test_chunk_rows_in_the_command_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, typed: str
) -> None:
    source, out_file = _source(tmp_path), tmp_path / "o.csv"
    argv = [str(source), "--chunk-rows", typed, "--lang", lang, "--output", str(out_file)]
    status, _, err = _run(capsys, *argv)
    assert (status, err) == (1, "")
    assert len(pd.read_csv(out_file)) == 5


def test_chunk_rows_is_read_as_typed() -> None:
    """1.000 is one thousand in Portuguese; the largest chunk is two million rows."""
    pt = audit._chunk_rows.in_lang("pt_BR")
    en = audit._chunk_rows.in_lang("en")
    assert (pt("1.000"), pt("200000"), en("1,000"), en("200000")) == (1000, 200_000, 1000, 200_000)
    assert audit.MAX_CHUNK_ROWS == 2_000_000
    assert pt("2.000.000") == en("2,000,000") == audit.MAX_CHUNK_ROWS


_PT_SIZE = "(um número inteiro de linhas de 1 a 2.000.000)"
_EN_SIZE = "(a whole number of rows from 1 to 2,000,000)"
_PT_FORM = (
    "(escreva com vírgula antes dos decimais e ponto entre grupos de três dígitos: 1.234,5 ou "
    "1234,5)"
)
_EN_FORM = (
    "(write it the English way, a point before the decimals and a comma between groups of "
    "three digits (1,234.5 or 1234.5))"
)


@pytest.mark.parametrize(
    ("lang", "typed", "message"),
    [
        ("pt_BR", "0", f"tamanho de bloco inválido '0' {_PT_SIZE}"),
        ("pt_BR", "2.000.001", f"tamanho de bloco inválido '2.000.001' {_PT_SIZE}"),
        ("pt_BR", "1,5", f"tamanho de bloco inválido '1,5' {_PT_SIZE}"),
        ("pt_BR", "1000,0", f"tamanho de bloco inválido '1000,0' {_PT_SIZE}"),
        ("pt_BR", "1,000", f"tamanho de bloco inválido '1,000' {_PT_SIZE}"),
        ("pt_BR", "1.23", f"número inválido: '1.23' {_PT_FORM}"),
        ("pt_BR", "1.0000", f"número inválido: '1.0000' {_PT_FORM}"),
        ("pt_BR", "dez", f"número inválido: 'dez' {_PT_FORM}"),
        ("pt_BR", "1e3", f"número inválido: '1e3' {_PT_FORM}"),
        ("pt_BR", "-5", "número inválido: '-5' (sem sinal: o valor não pode ser negativo)"),
        ("en", "0", f"invalid chunk size '0' {_EN_SIZE}"),
        ("en", "1.000", f"invalid chunk size '1.000' {_EN_SIZE}"),
        ("en", "3,000,000", f"invalid chunk size '3,000,000' {_EN_SIZE}"),
        ("en", "1.000,5", f"invalid number '1.000,5': {_EN_FORM[1:-1]}"),
        ("en", "1 000", f"invalid number '1 000': {_EN_FORM[1:-1]}"),
        ("en", "+5", "invalid number '+5': no sign here (the value cannot be negative)"),
    ],
)  # fmt: skip
def test_bad_chunk_rows_is_one_line_before_any_work(
    capsys: pytest.CaptureFixture[str], lang: str, typed: str, message: str
) -> None:
    # the file does not exist: the argument is refused before the file is looked at
    status, out, err = _run(capsys, "missing.csv", "--chunk-rows", typed, "--lang", lang)
    assert status == 2
    assert out == ""
    word = "erro: argumento" if lang == "pt_BR" else "error: argument"
    assert err == f"aneel-rules: {word} --chunk-rows: {message}\n"


def test_unanswered_rows_say_why_in_portuguese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, str(_source(tmp_path)))
    assert status == 1
    lines = out.splitlines()
    code = lines.index("  unverified_ren414: 2 — caso da REN 414/2010 que a biblioteca não modela")
    reasons = lines[code + 1 : code + 3]
    assert reasons[0].startswith(
        "      texto não verificado, por isso não aplicado: REN 414/2010, art. 84 "
        "[group_a_exception]: o intervalo de leitura do grupo A no fim da opção pelo "
        "faturamento do grupo B"
    )
    assert reasons[1].startswith(
        "      texto não verificado, por isso não aplicado: REN 414/2010, art. 84 "
        "[route_change]: o intervalo de leitura no remanejamento de rota"
    )
    assert "do art. 84 só foram encontrados os 27 a 33 dias do caput" in reasons[1]
    gap = lines.index(
        "  group_a_exception_outside: 1 — leitura excepcional do grupo A fora de 15 a 47 dias "
        "(a norma é omissa)"
    )
    assert lines[gap + 1] == "      REN 1.000/2021, art. 261, parágrafo único, III"
    before = lines.index(
        "  no_regime: 1 — data de leitura anterior à vigência da REN 414/2010: nenhum regime a "
        "aplicar"
    )
    assert lines[before + 1] == "      (sem artigo: a linha não pôde ser verificada)"


def test_unanswered_rows_say_why_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "o.csv"
    argv = [str(_source(tmp_path)), "--lang", "en", "--output", str(out_file)]
    status, out, _ = _run(capsys, *argv)
    assert status == 1
    lines = out.splitlines()
    code = lines.index("  unverified_ren414: 2 — REN 414/2010 case the library does not model")
    assert lines[code + 1].startswith(
        "      text not verified, so not applied: REN 414/2010, art. 84 [group_a_exception]: "
        "the group A reading interval at the end of a group B option or after a change of "
        "connection voltage"
    )
    assert lines[code + 2].startswith(
        "      text not verified, so not applied: REN 414/2010, art. 84 [route_change]: the "
        "reading interval after a route change or a reprogrammed calendar"
    )
    assert (
        "  no_regime: 1 — reading date before REN 414/2010 came into force: no regime to apply"
        in lines
    )
    rows = pd.read_csv(out_file, keep_default_na=False)
    assert rows["reason"].tolist() == ["route_change", "group_a_exception", "", "", ""]
    # the refusal's basis is the REN 414/2010 provision it needs
    assert rows["basis"].tolist()[:2] == ["REN 414/2010, art. 84", "REN 414/2010, art. 84"]
