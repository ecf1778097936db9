"""The ``deadline`` and ``metering`` commands."""

from __future__ import annotations

import pytest

from aneel_rules.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_budget_pt_br(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "deadline",
        "budget",
        "--requested",
        "2026-03-04",
        "--voltage-kv",
        "13,8",
        "--works",
        "--uf",
        "AM",
    )
    assert status == 0
    assert "Prazo do orçamento de conexão: 06/04/2026 (30 dias)" in out
    assert "Fundamento: REN 1.000/2021, art. 64, II" in out
    assert "art. 656, § 3º" in out


def test_budget_no_budget_case(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "deadline",
        "budget",
        "--requested",
        "2026-03-04",
        "--voltage-kv",
        "0,22",
        "--new-connection",
    )
    assert status == 0
    assert "Sem orçamento de conexão" in out
    assert "art. 64, § 1º" in out


def test_budget_generation_and_extra_holiday(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "deadline",
        "budget",
        "--requested",
        "2026-03-04",
        "--voltage-kv",
        "13.8",
        "--generation",
        "mini",
        "--holiday",
        "2026-04-20",
        "--lang",
        "en",
    )
    assert status == 0
    # 45 days: Sat 18 Apr → Mon 20 (extra holiday) → Tue 21 (Tiradentes) → Wed 22.
    assert "Connection budget due on Apr 22, 2026 (45 days)" in out
    assert "art. 64, III" in out


def test_inspection_en(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "deadline",
        "inspection",
        "--notice",
        "2026-03-04",
        "--voltage-kv",
        "0.22",
        "--lang",
        "en",
    )
    assert status == 0
    assert "(5 business days)" in out
    assert "REN 1.000/2021, art. 91, I" in out
    assert "parágrafo único" in out


def test_inspection_optional_holidays(capsys: pytest.CaptureFixture[str]) -> None:
    # Corpus Christi (4 Jun 2026) counts only with --optional-holidays.
    base = ("deadline", "inspection", "--notice", "2026-06-03", "--voltage-kv", "13,8")
    _, plain, _ = run(capsys, *base)
    _, optional, _ = run(capsys, *base, "--optional-holidays")
    assert "17/06/2026 (10 dias úteis)" in plain
    assert "18/06/2026 (10 dias úteis)" in optional


@pytest.mark.parametrize(
    ("transformers", "expected"),
    [
        (["300:220/127"], "não é obrigatória"),
        (["301:220/127"], "superior a 300 kVA"),
        (["300:220/127", "150:380/220"], "mais de um transformador"),
    ],
)
def test_metering(
    capsys: pytest.CaptureFixture[str], transformers: list[str], expected: str
) -> None:
    argv = ["metering"]
    for t in transformers:
        argv += ["--transformer", t]
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert expected in out
    assert "regra da distribuidora" in out
    assert "art. 305" in out


def test_metering_en(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "metering", "--lang", "en", "--transformer", "100:220/127")
    assert status == 0
    assert "Primary-voltage (MT) metering is not required." in out


@pytest.mark.parametrize(
    "argv",
    [
        ["metering", "--transformer", "300"],
        ["metering", "--transformer", "300:220"],
        ["metering"],
        ["deadline"],
        ["deadline", "budget", "--requested", "2026-02-30", "--voltage-kv", "13,8"],
        ["deadline", "budget", "--requested", "2021-03-04", "--voltage-kv", "13,8"],
        ["deadline", "inspection", "--notice", "2026-03-04", "--voltage-kv", "abc"],
        ["deadline", "inspection", "--notice", "2026-03-04", "--voltage-kv", "1", "--uf", "XX"],
        ["deadline", "inspection", "--notice", "2026-03-04", "--voltage-kv", "1", "--lang", "fr"],
    ],
)
def test_bad_arguments_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith("aneel-rules: erro: ")
    assert err.count("\n") == 1
