"""``aneel-rules reading`` and ``aneel-rules refund``."""

from __future__ import annotations

import pytest

from aneel_rules.cli import main
from aneel_rules.cli.billing import TEXTS
from aneel_rules.i18n import translate


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_reading_issue_example_pt(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["reading", "2026-01-05", "2026-02-10"], capsys)
    assert status == 0
    assert "Intervalo de leitura: 05/01/2026 → 10/02/2026 = 36 dias" in out
    assert "Permitido: de 27 a 33 dias (leitura regular, grupo B, REN 1.000/2021)" in out
    assert "Resultado: fora do intervalo" in out
    assert "  - REN 1.000/2021, art. 260" in out


def test_reading_first_billing_en(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        ["reading", "2026-01-05", "2026-02-10", "--kind", "first-billing", "--lang", "en"], capsys
    )
    assert status == 0
    assert "Allowed: 15 to 47 days (first billing, group B, REN 1.000/2021)" in out
    assert "Result: within the interval" in out
    assert "REN 1.000/2021, art. 260, § 1º" in out


def test_reading_billable_and_group_a(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["reading", "2026-01-05", "2026-02-10", "--kwh", "360"], capsys)
    assert status == 0
    assert "Consumo faturável: 330 kWh (medido 360 kWh)" in out
    assert "REN 1.000/2021, art. 285, II" in out
    status, out, _ = _run(["reading", "2026-01-05", "2026-01-25", "--kwh", "100,5"], capsys)
    assert "Custo de disponibilidade: não faturado" in out
    status, out, _ = _run(["reading", "2026-02-01", "2026-03-01", "--group", "a"], capsys)
    assert status == 0
    assert "de 28 a 28 dias" in out
    assert "REN 1.000/2021, art. 261" in out


def test_reading_transition_to_ren414(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["reading", "2021-12-03", "2022-01-02"], capsys)
    assert "REN 414/2010, art. 84" in out
    _, out, _ = _run(["reading", "2021-12-04", "2022-01-03"], capsys)
    assert "REN 1.000/2021, art. 260" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["reading", "2026-02-10", "2026-01-05"],
        ["reading", "2015-01-01", "2015-02-10", "--kind", "route-change"],
        ["reading", "2026-01-05", "2026-02-10", "--kind", "nope"],
        ["reading", "2026-01-05", "2026-02-10", "--group", "C"],
        ["reading", "2026-01-05", "x"],
        ["reading", "2026-01-05", "2026-02-10", "--kwh", "abc"],
        ["reading", "2026-01-05", "2026-02-10", "--kwh", "NaN"],
        [
            "reading",
            "2026-01-05",
            "2026-03-10",
            "--group",
            "A",
            "--kind",
            "first-billing",
            "--kwh",
            "1",
        ],
    ],
)
def test_reading_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(argv, capsys)
    assert status == 2
    assert out == ""
    assert err.startswith("aneel-rules: erro:")
    assert err.count("\n") == 1


def test_reading_error_in_portuguese(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _run(["reading", "2026-02-10", "2026-01-05"], capsys)
    assert "deve ser posterior à leitura anterior" in err
    _, _, err = _run(["reading", "2015-01-01", "2015-02-10", "--kind", "route-change"], capsys)
    assert (
        "o intervalo de leitura no remanejamento de rota ou na reprogramação do calendário" in err
    )
    assert "na REN 414/2010 (data 2015-02-10)" in err


def test_refund_underbilling_pt(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["refund", "--found-on", "2025-06-20", "--direction", "under"]
    for month in range(1, 6):
        argv += ["--error", f"2025-{month:02d}:50,00"]
    status, out, _ = _run(argv, capsys)
    assert status == 0
    assert "Faturamento a menor — motivo: distribuidora — constatação em 20/06/2025" in out
    assert "Ciclos incluídos: 03/2025, 04/2025, 05/2025" in out
    assert "Ciclos excluídos: 01/2025, 02/2025" in out
    assert "Valor principal: R$ 150,00" in out
    assert "Parcelas: até 10" in out
    assert "  - REN 1.000/2021, art. 323, § 1º" in out


def test_refund_overbilling_suspended_window(capsys: pytest.CaptureFixture[str]) -> None:
    base = [
        "refund",
        "--found-on",
        "2025-06-20",
        "--direction",
        "over",
        "--error",
        "2025-01-10:1234,565",
    ]
    # within the 36 cycles up to the constatação every window gives the same refund
    status, out, _ = _run(base, capsys)
    assert status == 0
    assert "Janela: dispensada (todos os ciclos estão nos 36 ciclos até a constatação)" in out
    assert "Valor devido antes da atualização monetária: R$ 2.469,13 (em dobro)" in out
    status, _, err = _run([*base, "--error", "2022-06-10:1"], capsys)
    assert status == 2
    assert "suspenso desde 2024-07-08" in err
    status, out, _ = _run([*base, "--window-cycles", "60"], capsys)
    assert status == 0
    assert "Janela: 60 ciclos (informada pelo usuário)" in out
    assert "Valor principal: R$ 1.234,56" in out  # ABNT NBR 5891: half to even
    assert "Valor devido antes da atualização monetária: R$ 2.469,13 (em dobro)" in out
    assert "Devolução até o ciclo de 08/2025" in out
    assert "Juros de mora: 1% ao mês pro rata die" in out


def test_refund_en_consumer_and_emergency(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        [
            "refund",
            "--found-on",
            "2025-06-20",
            "--direction",
            "over",
            "--cause",
            "consumer",
            "--error",
            "2025-05:10",
            "--lang",
            "en",
        ],
        capsys,
    )
    assert status == 0
    assert "Over-billing — cause: consumer" in out
    assert "Window: 36 cycles" in out
    assert "Refund by the cycle of 2025-07" in out
    status, out, _ = _run(
        ["refund", "--found-on", "2025-06-20", "--direction", "under", "--cause", "emergency"],
        capsys,
    )
    assert "Janela: sem limite" in out
    assert "Ciclos incluídos: nenhum" in out


def test_refund_meter_defect(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["refund", "--found-on", "2026-03-09", "--direction", "under", "--cause"]
    errors = ["--error", "2025-11:10", "--error", "2026-01:40", "--error", "2026-02:40"]
    status, out, _ = _run([*argv, "meter-defect", *errors], capsys)
    assert status == 0
    assert "Faturamento a menor — motivo: defeito na medição" in out
    assert "Janela: 3 ciclos" in out
    assert "Ciclos excluídos: 11/2025" in out
    assert "Parcelas: até 6" in out  # art. 257, § 3º: twice the 3 cycles of the defect
    assert "  - REN 1.000/2021, art. 256, parágrafo único, I" in out
    status, out, _ = _run(
        [*argv[:4], "over", "--cause", "meter-defect", *errors, "--lang", "en"], capsys
    )
    assert "Over-billing — cause: defective meter" in out
    assert "Window: 60 cycles" in out
    assert "(in double)" not in out
    assert "Refund by" not in out


def test_refund_ren414(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        [
            "refund",
            "--found-on",
            "2021-06-20",
            "--direction",
            "under",
            "--cause",
            "consumer",
            "--error",
            "2021-05:10",
        ],
        capsys,
    )
    assert status == 0
    assert "REN 414/2010, art. 114" in out
    assert "Atualização monetária: não consta das fontes verificadas" in out
    status, out, err = _run(
        ["refund", "--found-on", "2021-06-20", "--direction", "over", "--cause", "third-party"],
        capsys,
    )
    assert status == 2
    assert "o faturamento incorreto por ato de terceiro" in err
    assert "na REN 414/2010 (data 2021-06-20)" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["refund", "--direction", "over"],
        ["refund", "--found-on", "2025-06-20", "--direction", "sideways"],
        ["refund", "--found-on", "2025-06-20", "--direction", "over", "--error", "2025-01"],
        ["refund", "--found-on", "2025-06-20", "--direction", "over", "--error", "2025-01:0"],
        ["refund", "--found-on", "2025-06-20", "--direction", "over", "--window-cycles", "0"],
        ["refund", "--found-on", "2025-06-20", "--direction", "over", "--window-cycles", "x"],
        [
            "refund",
            "--found-on",
            "2025-06-20",
            "--direction",
            "under",
            "--error",
            "2025-01:1",
            "--error",
            "2025-01-20:2",
        ],
    ],
)
def test_refund_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(argv, capsys)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1


@pytest.mark.parametrize("text", TEXTS)
def test_every_cli_text_is_translated(text: str) -> None:
    assert translate(text, domain="billing_cycle", lang="pt_BR") != text
