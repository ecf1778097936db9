"""Shared pieces of the ``aneel-rules`` command (kept apart from the library core)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn, TextIO

import attrs

from aneel_rules.i18n import DEFAULT_LANG, normalize_lang, translate

__all__ = ("Console", "Handler", "UsageError", "add_command")


class UsageError(Exception):
    """Bad command-line arguments (reported on one line, exit status 2)."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse that raises :class:`UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


@attrs.frozen
class Console:
    """Where a command writes, and in which language."""

    lang: str = DEFAULT_LANG
    stream: TextIO = attrs.field(factory=lambda: sys.stdout)

    def line(self, text: str = "") -> None:
        """Write one line."""
        print(text, file=self.stream)

    def t(self, message: str, *, domain: str, **params: object) -> str:
        """Translate an English catalog message into the console's language and fill it."""
        return translate(message, domain=domain, lang=self.lang).format(**params)


Handler = Callable[[argparse.Namespace, Console], int]


def _lang(value: str) -> str:
    try:
        return normalize_lang(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def add_command(
    subparsers: argparse._SubParsersAction[ArgumentParser],
    name: str,
    *,
    help_text: str,
    handler: Handler,
) -> ArgumentParser:
    """Add a sub-command that takes ``--lang`` and runs ``handler(args, console)``."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--lang", type=_lang, default=DEFAULT_LANG, help="pt_BR (default) or en")
    parser.set_defaults(handler=handler)
    return parser
