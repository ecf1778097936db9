from __future__ import annotations

import io
import runpy
import sys
from datetime import date
from decimal import Decimal

import pytest

from aneel_rules._format import format_currency, format_date, format_decimal
from aneel_rules.cli import main
from aneel_rules.cli.common import Console


def test_unknown_command_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("aneel-rules: erro:")
    assert err.count("\n") == 1


def test_no_command_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "aneel-rules: erro:" in capsys.readouterr().err


def test_console_translates() -> None:
    stream = io.StringIO()
    console = Console(lang="pt_BR", stream=stream)
    console.line(console.t("{field} is required", domain="messages", field="cpf"))
    assert stream.getvalue() == "cpf é obrigatório\n"


def test_babel_formatting() -> None:
    assert format_currency(Decimal("1234.56"), "pt_BR") == "R$ 1.234,56"
    assert format_currency(Decimal("1234.56"), "en") == "R$1,234.56"
    assert format_decimal(Decimal("1234.5"), "pt_BR") == "1.234,5"
    assert format_date(date(2026, 3, 9), "pt_BR", style="short") == "09/03/2026"


def test_python_dash_m(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["aneel_rules", "no-such-command"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("aneel_rules", run_name="__main__")
    assert info.value.code == 2
    assert "aneel-rules: erro:" in capsys.readouterr().err
