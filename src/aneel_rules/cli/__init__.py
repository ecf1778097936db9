"""The ``aneel-rules`` command: a thin layer that parses arguments, calls the library, formats.

Output is in Portuguese unless ``--lang en`` is given (anywhere on the command line).
Errors are printed on one line to stderr with exit status 2, never a traceback.

Only the module of the sub-command asked for is imported (a cold start costs little more
than ``import aneel_rules``): :data:`COMMANDS` maps each top-level command to its module and
its one-line help, so ``aneel-rules --help`` lists every command without importing any.

To add a sub-command ``x``:

1. write ``src/aneel_rules/cli/<module>.py`` with ``register(subparsers)`` adding ``x``
   (``add_command(subparsers, "x", handler=...)`` takes its help from the table; nested
   commands such as ``x check`` go under ``x`` in that module), its imports of the library
   at the top of that module only; numeric options take ``type=decimal_arg`` (or
   ``signed_decimal_arg``) from :mod:`aneel_rules.cli.numbers`, which reads them in the
   command's language, and a value with a number inside (``KVA:SECONDARY``) is a
   :class:`~aneel_rules.cli.common.LangReader` calling ``parse_number(text, lang)``;
2. add ``"x": Command("aneel_rules.cli.<module>", "one-line help")`` to :data:`COMMANDS`
   (a module's commands next to each other, in the order ``--help`` lists them);
3. translate the help in ``locale/pt_BR/LC_MESSAGES/messages.po`` (``make catalogs``).

Helpers that several commands use live in modules of no command (``common``, ``numbers``,
``json_input``, ``labels``): a command's module never imports another command's module.
``tests/cli/test_cli.py`` checks that the table and the modules agree, and, on every command
line of ``benchmarks/bench_cli_start.py`` (which must name every command), that no other
command's module, no country of python-holidays but Brazil and, where nothing is formatted,
no babel is imported.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, NamedTuple

from aneel_rules.cli.common import (
    ArgumentParser,
    Console,
    UsageError,
    add_lang_option,
    internal_error,
    localize_error,
    print_error,
    scan_lang,
    set_lang,
)
from aneel_rules.errors import AneelRulesError
from aneel_rules.i18n import DEFAULT_LANG

__all__ = ("COMMANDS", "Command", "build_parser", "main")


class Command(NamedTuple):
    """Where a top-level sub-command lives, and its one-line help (an English msgid)."""

    module: str
    summary: str


_TARIFFS: Final = "aneel_rules.cli.tariffs"
_BILLING: Final = "aneel_rules.cli.billing"
_CONNECTION: Final = "aneel_rules.cli.connection"
_PORTAL: Final = "aneel_rules.cli.portal"
_INVOICE: Final = "aneel_rules.cli.invoice"

COMMANDS: Final[Mapping[str, Command]] = {
    "calendar": Command(
        _TARIFFS, "weekdays without ponta in a year, and days with ponta per month"
    ),
    "post": Command(_TARIFFS, "tariff post (ponta, intermediário, fora de ponta) of an instant"),
    "modality": Command(
        _TARIFFS, "tariff modalities a consumer unit may have on a date (enquadramento)"
    ),
    "reading": Command(
        _BILLING, "Check a reading interval (REN 1.000/2021, arts. 260-261, 285-286)."
    ),
    "refund": Command(
        _BILLING,
        "Settle an incorrect billing (REN 1.000/2021, arts. 256, 321, 323-324; "
        "REN 414/2010, arts. 113-114).",
    ),
    "deadline": Command(_CONNECTION, "regulated deadlines (REN 1.000/2021, arts. 64, 91 and 656)"),
    "metering": Command(
        _CONNECTION,
        "whether primary-voltage (MT) metering is required (Amazonas Energia rule)",
    ),
    "validate": Command(
        _PORTAL, "validate a document (cpf, cnpj, cep, phone, email, uc) or a portal request"
    ),
    "schema": Command(_PORTAL, "print the JSON Schema (draft 2020-12) of a portal request"),
    "bill": Command(_INVOICE, "print a bill line by line, each line with its legal basis"),
    "invoice": Command(
        _INVOICE, "audit a distributor's invoice against its bill (REN 1.000/2021, art. 327)"
    ),
    "audit": Command(
        "aneel_rules.cli.audit", "audit a file of readings or of load profile (extra frames)"
    ),
}
"""Every top-level sub-command: its module (imported only when the command is asked for)."""


def build_parser(
    lang: str = DEFAULT_LANG,
    *,
    commands: Iterable[str] | None = None,
    placeholders: bool = True,
) -> ArgumentParser:
    """The argument parser, with its help in ``lang``.

    The modules of ``commands`` (every command when ``None``) register their real
    sub-parsers; with ``placeholders``, every other command gets one that only carries its
    help and accepts anything (see :func:`main`).
    """
    parser = ArgumentParser(
        prog="aneel-rules",
        description="ANEEL distribution rules (REN 414/2010, REN 1.000/2021), dated and cited.",
    )
    # accepted before the command too ("aneel-rules --lang en calendar 2026")
    add_lang_option(parser)
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ArgumentParser
    )
    subparsers.required = True
    wanted = set(COMMANDS) if commands is None else set(commands)
    modules = {COMMANDS[name].module for name in wanted if name in COMMANDS}
    for name, command in COMMANDS.items():
        if name in subparsers.choices:
            continue
        if command.module in modules:
            importlib.import_module(command.module).register(subparsers)
        elif placeholders:
            subparsers.add_parser(name, help=command.summary, add_help=False)
    set_lang(parser, lang)
    return parser


def _command_asked(arguments: Sequence[str], lang: str) -> str:
    """The sub-command typed: the first argument, or as argparse finds it on the placeholders.

    Errors before the command (none, unknown, a bad ``--lang``) and the top-level
    ``--help`` are handled by argparse here, since the placeholders list every command.
    """
    if arguments and arguments[0] in COMMANDS:
        return arguments[0]
    args, _rest = build_parser(lang, commands=()).parse_known_args(arguments)
    name: str = args.command
    return name


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = scan_lang(arguments)
    try:
        command = _command_asked(arguments, lang)
        # the command is known: the other commands need no placeholder
        args = build_parser(lang, commands=(command,), placeholders=False).parse_args(arguments)
        status: int = args.handler(args, Console(lang=lang))
    except UsageError as exc:
        print_error(exc.localized(lang), lang)
        return 2
    except AneelRulesError as exc:
        print_error(localize_error(exc, lang), lang)
        return 2
    except BrokenPipeError:
        # the reader went away (``aneel-rules calendar 2026 | head``): stop quietly
        with contextlib.suppress(OSError, ValueError):  # stdout may have no file descriptor
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 (a bug must still be one line, not a traceback)
        print_error(internal_error(exc, lang), lang)
        return 2
    return status
