"""The ``aneel-rules`` command: a thin layer that parses arguments, calls the library, formats.

Errors are printed on one line to stderr with exit status 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Final

from aneel_rules._cli_common import ArgumentParser, Console, UsageError
from aneel_rules.errors import AneelRulesError

__all__ = ("main",)

# Each module registers its own sub-commands with ``register(subparsers)``.
_COMMAND_MODULES: Final = (
    "aneel_rules._cli_tariffs",
    "aneel_rules._cli_billing",
    "aneel_rules._cli_connection",
    "aneel_rules._cli_portal",
)


def build_parser() -> ArgumentParser:
    """The full argument parser."""
    parser = ArgumentParser(
        prog="aneel-rules",
        description="ANEEL distribution rules (REN 414/2010, REN 1.000/2021), dated and cited.",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ArgumentParser
    )
    subparsers.required = True
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    try:
        args = build_parser().parse_args(argv)
        console = Console(lang=args.lang)
        status: int = args.handler(args, console)
    except UsageError as exc:
        print(f"aneel-rules: error: {exc}", file=sys.stderr)
        return 2
    except AneelRulesError as exc:
        print(f"aneel-rules: error: {exc}", file=sys.stderr)
        return 2
    return status
