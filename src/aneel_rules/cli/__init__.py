"""The ``aneel-rules`` command: a thin layer that parses arguments, calls the library, formats.

Output is in Portuguese unless ``--lang en`` is given (anywhere on the command line).
Errors are printed on one line to stderr with exit status 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Final

from aneel_rules.cli.common import (
    ArgumentParser,
    Console,
    UsageError,
    add_lang_option,
    internal_error,
    localize_error,
    print_error,
    scan_lang,
    set_help_lang,
)
from aneel_rules.errors import AneelRulesError
from aneel_rules.i18n import DEFAULT_LANG

__all__ = ("main",)

# Each module registers its own sub-commands with ``register(subparsers)``.
_COMMAND_MODULES: Final = (
    "aneel_rules.cli.tariffs",
    "aneel_rules.cli.billing",
    "aneel_rules.cli.connection",
    "aneel_rules.cli.portal",
)


def build_parser(lang: str = DEFAULT_LANG) -> ArgumentParser:
    """The full argument parser, with its help in ``lang``."""
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
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    set_help_lang(parser, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = scan_lang(arguments)
    try:
        args = build_parser(lang).parse_args(arguments)
        # an abbreviation argparse accepted ("--lan en") counts when no "--lang" was typed
        lang = scan_lang(arguments, default=args.lang)
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
