"""The tariffs sub-commands of ``aneel-rules``: output, languages, one-line errors."""

from __future__ import annotations

import pytest

from aneel_rules.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_calendar_2026_portuguese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "calendar", "2026", "--distributor", "amazonas-energia")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Dias úteis sem posto ponta em 2026 (amazonas-energia: ponta 20:00–23:00, America/Manaus)"
    )
    assert "  17/02/2026 (terça-feira): terça-feira de carnaval — REN 1.000/2021, art. 2º, " in out
    assert "20/11/2026 (sexta-feira): Dia Nacional de Zumbi e da Consciência Negra" in out
    assert "16/02/2026" not in out  # carnival Monday keeps its ponta
    # 11 exempt weekdays listed, 2026: Jan 22 weekdays − 1 (1 Jan) = 21; Feb 20 − 1 = 19;
    # Nov 21 − 2 (2 and 20 Nov) = 19; total 261 weekdays − 11 = 250
    assert sum(1 for line in lines if "REN 1.000/2021" in line) == 11
    assert "  janeiro: 21" in lines
    assert "  fevereiro: 19" in lines
    assert "  novembro: 19" in lines
    assert lines[-1] == "Total: 250"


def test_calendar_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "calendar", "2023", "--lang", "en")
    assert status == 0
    assert out.startswith("Weekdays without ponta in 2023 (amazonas-energia: ponta 8:00")
    assert "Carnival Tuesday" in out
    assert "National Day of Zumbi" not in out  # 20 Nov 2023 (Monday) kept its ponta
    assert "Days with ponta per month:" in out


def test_calendar_2010_starts_with_ren414(capsys: pytest.CaptureFixture[str]) -> None:
    """REN 414/2010 came into force on 15 Sep 2010: no count for the days before it."""
    status, out, _ = _run(capsys, "calendar", "2010")
    assert status == 0
    lines = out.splitlines()
    assert "  agosto: 31" not in out
    assert not any(line.startswith("  janeiro") for line in lines)
    # 15–30 Sep 2010: 16 days, minus 18, 19, 25 and 26 Sep (weekends)
    assert "  setembro: 12" in lines
    # Oct 2010: 21 weekdays − 12 Oct (Tuesday, Aparecida) = 20
    assert "  outubro: 20" in lines
    assert "  12/10/2010 (terça-feira): Nossa Senhora Aparecida — REN 414/2010, art. 2º" in lines


def test_post(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys,
        "post",
        "2026-03-09T20:30",
        "--distributor",
        "amazonas-energia",
        "--modality",
        "branca",
    )
    assert status == 0
    assert out.splitlines() == [
        "09/03/2026 20:30 (America/Manaus), horária branca: ponta",
        # alínea "a" (ponta) in its wording of REN 1.101/2024, in force on 9 Mar 2026
        (
            'Fundamento: REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024); '
            "REN 1.000/2021, art. 212"
        ),
    ]


def test_post_aware_input_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys, "post", "2026-03-09T23:30+00:00", "--modality", "green", "--lang", "en"
    )
    assert status == 0
    assert out.splitlines()[0] == "Mar 9, 2026 7:30\u202fPM (America/Manaus), green: off-peak"
    assert out.splitlines()[1].startswith("Legal basis: ")


def test_modality_demo_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys,
        "modality",
        "--voltage-kv",
        "13,8",
        "--class",
        "industrial",
        "--demand-kw",
        "200",
        "--on",
        "2026-01-10",
    )
    assert status == 0
    assert out.splitlines() == [
        "Unidade: 13,8 kV, classe industrial, grupo A, subgrupo A4",
        "Demanda contratada: 200 kW",
        "Modalidades permitidas em 10/01/2026 (REN 1.000/2021): horária verde, horária azul",
        "Padrão: nenhuma (o consumidor escolhe)",
        "Fundamento: REN 1.000/2021, art. 220, II",
    ]


def test_modality_group_b_and_gap(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys,
        "modality",
        "--voltage-kv",
        "0.127",
        "--class",
        "residencial",
        "--low-income",
        "--on",
        "2021-06-01",
        "--lang",
        "en",
    )
    assert status == 0
    assert "Modalities allowed on Jun 1, 2021 (REN 414/2010): conventional (monomial)" in out
    assert "Default: conventional (monomial)" in out
    status, out, _ = _run(
        capsys, "modality", "--voltage-kv", "46", "--class", "commercial", "--on", "2026-01-10"
    )
    assert status == 0
    assert "subgrupo indefinido (lacuna da norma)" in out


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(("calendar", "20x6"), id="bad-year"),
        pytest.param(("calendar", "2009"), id="year-before-ren414"),
        pytest.param(("calendar", "2026", "--distributor", "cemig"), id="unknown-distributor"),
        pytest.param(("post", "2026-03-09 8pm"), id="bad-datetime"),
        pytest.param(("post", "2026-03-09T20:30", "--modality", "roxa"), id="bad-modality"),
        pytest.param(("post", "2026-03-09T20:30", "--modality", "convencional"), id="no-posts"),
        pytest.param(
            ("modality", "--voltage-kv", "13,8", "--class", "x", "--on", "2026-01-01"),
            id="bad-class",
        ),
        pytest.param(
            ("modality", "--voltage-kv", "13,8", "--class", "industrial", "--on", "2026-13-01"),
            id="bad-date",
        ),
        pytest.param(
            ("modality", "--voltage-kv", "abc", "--class", "industrial", "--on", "2026-01-01"),
            id="bad-voltage",
        ),
        pytest.param(
            ("modality", "--voltage-kv", "13,8", "--class", "industrial", "--on", "2021-01-01"),
            id="REN414-needs-demand",
        ),
    ],
)
def test_errors_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("aneel-rules: erro: ")
    assert err.count("\n") == 1
