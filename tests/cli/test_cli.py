from __future__ import annotations

import importlib
import importlib.util
import io
import runpy
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from aneel_rules._format import format_currency, format_date, format_decimal
from aneel_rules.cli import COMMANDS, main
from aneel_rules.cli.common import ArgumentParser, Console


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


# --- the command table (lazy sub-command loading) ----------------------------------------------


@pytest.mark.parametrize("module", sorted({c.module for c in COMMANDS.values()}))
def test_command_table_matches_the_modules(module: str) -> None:
    parser = ArgumentParser(prog="aneel-rules")
    subparsers = parser.add_subparsers(dest="command", parser_class=ArgumentParser)
    importlib.import_module(module).register(subparsers)
    helps = {a.dest: a.help for a in subparsers._choices_actions}
    assert helps == {n: c.summary for n, c in COMMANDS.items() if c.module == module}


def _modules_loaded(*argv: str) -> set[str]:
    """The ``aneel_rules.cli.*`` and heavy modules imported by running the command."""
    code = (
        "import contextlib, io, sys\n"
        "from aneel_rules.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({list(argv)!r})\n"
        "print(' '.join(sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    prefixes = ("aneel_rules.cli.", "babel", "holidays", "aneel_rules.portal")
    return {m for m in out.split() if m.startswith(prefixes)} - {
        "aneel_rules.cli.common",
        "aneel_rules.cli.numbers",
        "aneel_rules.cli.json_input",
        "aneel_rules.cli.labels",
    }


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(["--help"], set(), id="top-level-help"),
        pytest.param(["post", "--help"], {"aneel_rules.cli.tariffs"}, id="command-help"),
        pytest.param(["validate", "cpf", "529.982.247-25"], {"aneel_rules.cli.portal"}, id="cpf"),
        pytest.param(["no-such-command"], set(), id="unknown"),
    ],
)
def test_only_the_command_asked_is_imported(argv: list[str], expected: set[str]) -> None:
    assert _modules_loaded(*argv) == expected


def _bench_cli_start() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_cli_start.py"
    spec = importlib.util.spec_from_file_location("bench_cli_start", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_BENCH_ARGVS: tuple[tuple[str, ...], ...] = _bench_cli_start().ARGVS


def test_the_cold_start_benchmark_runs_every_command() -> None:
    assert {argv[0] for argv in _BENCH_ARGVS if not argv[0].startswith("-")} == set(COMMANDS)


def _imported(argv: tuple[str, ...]) -> set[str]:
    code = (
        "import contextlib, io, sys\n"
        "from aneel_rules.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({list(argv)!r})\n"
        "print(' '.join(sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]  # the examples/ files are named from there
    return set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
        ).stdout.split()
    )


@pytest.mark.parametrize("argv", _BENCH_ARGVS, ids=" ".join)
def test_a_command_imports_no_other_command(argv: tuple[str, ...]) -> None:
    """Each command line of the benchmark imports the module of its own command only (with
    its private helpers), never all the countries of python-holidays, and babel only when
    it formats a number or a date."""
    modules = _imported(argv)
    own = COMMANDS[argv[0]].module if argv[0] in COMMANDS else None
    others = {c.module for c in COMMANDS.values()} - {own}
    assert not modules & others
    assert not {m for m in modules if m.startswith("holidays.countries")}
    if argv[-1] == "--help" or argv[0] in {"metering", "validate", "schema"}:
        assert not {m for m in modules if m.partition(".")[0] == "babel"}
    if argv[0] != "deadline":
        assert not {m for m in modules if m.partition(".")[0] == "holidays"}


_NOT_NEEDED = (
    # (command line, modules (or packages) it must not import). babel is imported where a
    # command formats a number or a date (aneel_rules._format), not for its rules;
    # pathlib and shutil: the file readers and argparse's help width do without them.
    (("post", "2026-03-09T20:30"), ("holidays", "aneel_rules.calendars", "aneel_rules._billing")),
    (
        ("deadline", "budget", "--requested", "2026-03-04", "--voltage-kv", "13,8", "--uf", "AM"),
        (
            "aneel_rules.connection",
            "aneel_rules.tariffs",
            "aneel_rules._tariffs",
            "aneel_rules._connection.supply",
            "aneel_rules._connection.metering",
        ),
    ),
    (
        ("deadline", "inspection", "--notice", "2026-03-04", "--voltage-kv", "0,22"),
        ("aneel_rules._connection.supply", "aneel_rules._connection.metering"),
    ),
    (
        ("validate", "request", "budget", "examples/budget.json", "--today", "2026-03-09"),
        (
            "aneel_rules.connection",
            "aneel_rules._connection.budget",
            "aneel_rules.tariffs",
            "importlib.resources",
            "hmac",
            "pathlib",
        ),
    ),
    (
        ("schema", "budget"),
        ("aneel_rules.connection", "aneel_rules.tariffs", "babel", "importlib.resources", "hmac"),
    ),
    (
        ("bill", "examples/bill_azul.json"),
        (
            "aneel_rules.invoice",
            "aneel_rules._invoice.audit",
            "aneel_rules._invoice.refunds",
            "aneel_rules._invoice.parse",
            "aneel_rules._invoice.bill_json",
            "aneel_rules._invoice.rates_csv",
            "aneel_rules._billing.availability",
            "aneel_rules._tariffs.irrigation",
            "aneel_rules._tariffs.group_b_option",
            "aneel_rules._portal.attachments",
            "aneel_rules._portal.field_documents",
            "pathlib",
            "shutil",
        ),
    ),
    (
        ("invoice", "check", "examples/invoice_check_azul.json"),
        (
            "aneel_rules.invoice",
            "aneel_rules._invoice.refunds",
            "aneel_rules._invoice.rates_csv",
            "aneel_rules._billing.availability",
            "aneel_rules._tariffs.irrigation",
            "aneel_rules._portal.attachments",
            "aneel_rules._portal.field_documents",
            "pathlib",
            "shutil",
        ),
    ),
    (("validate", "cpf", "529.982.247-25"), ("json", "pathlib", "aneel_rules.portal")),
    (
        ("reading", "2026-01-05", "2026-02-10"),
        (
            "aneel_rules.billing_cycle",
            "aneel_rules._billing.collection",
            "aneel_rules.tariffs",
        ),
    ),
    (
        ("refund", "--found-on", "2026-03-10", "--direction", "under", "--error", "2025-12:90,00"),
        ("aneel_rules.billing_cycle",),
    ),
)


@pytest.mark.parametrize(
    ("argv", "not_needed"), _NOT_NEEDED, ids=[" ".join(argv[:2]) for argv, _ in _NOT_NEEDED]
)
def test_a_command_imports_only_the_rules_it_runs(
    argv: tuple[str, ...], not_needed: tuple[str, ...]
) -> None:
    """The command imports the private modules of its rules, not the facades (which import
    every rule of their domain) nor rules it does not run."""
    found = {m for m in _imported(argv) for x in not_needed if m == x or m.startswith(f"{x}.")}
    assert not found


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    for name, command in COMMANDS.items():
        assert name in out
        assert " ".join(command.summary.split()[:3]) in " ".join(out.split())
