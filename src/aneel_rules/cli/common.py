"""Shared pieces of the ``aneel-rules`` command (kept apart from the library core).

Errors are one line on stderr, ``aneel-rules: erro: ...`` in Portuguese (the default) or
``aneel-rules: error: ...`` with ``--lang en``. The language is found by scanning the
arguments before argparse runs (:func:`scan_lang`), so argparse's own messages ("the
following arguments are required", "invalid choice", ...) are translated too: their fixed
English shapes are recognised (:func:`localize_usage`) and translated through the
``messages`` catalog; a shape not recognised stays in English.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Final, Generic, NoReturn, TextIO, TypeVar

import attrs

from aneel_rules.errors import AneelRulesError, InvalidInputError
from aneel_rules.i18n import DEFAULT_LANG, normalize_lang, translate

__all__ = (
    "DOMAIN",
    "TEXTS",
    "ArgTypeError",
    "ArgumentParser",
    "Console",
    "Handler",
    "UsageError",
    "add_command",
    "add_lang_option",
    "LangReader",
    "date_arg",
    "error_line",
    "field_messages",
    "internal_error",
    "localize_error",
    "localize_usage",
    "parser_tree",
    "print_error",
    "scan_lang",
    "set_lang",
)

DOMAIN: Final = "messages"

_ERROR_LINE: Final = "aneel-rules: error: {message}"
_ARGUMENT: Final = "argument {name}: {message}"
_REQUIRED: Final = "the following arguments are required: {names}"
_UNRECOGNIZED: Final = "unrecognized arguments: {arguments}"
_INVALID_CHOICE: Final = "invalid choice: {value} (choose from {choices})"
_EXPECTED_ONE: Final = "expected one argument"
_EXPECTED_AT_MOST_ONE: Final = "expected at most one argument"
_EXPECTED_AT_LEAST_ONE: Final = "expected at least one argument"
_INVALID_TYPE: Final = "invalid {type} value: {value}"
_NOT_ALLOWED_WITH: Final = "not allowed with argument {other}"
_IGNORED_EXPLICIT: Final = "ignored explicit argument {value}"
_AMBIGUOUS: Final = "ambiguous option: {option} could match {matches}"
_ONE_REQUIRED: Final = "one of the arguments {names} is required"
_INVALID_DATE: Final = "invalid date {value} (use YYYY-MM-DD)"
_INTERNAL: Final = "internal error ({error}); please report it with the command typed"

# argparse's fixed message shapes (Python's argparse msgids), whole message ...
_USAGE_TEMPLATES: Final = (_REQUIRED, _UNRECOGNIZED, _AMBIGUOUS, _ONE_REQUIRED)
# ... and the part after "argument NAME: ".
_ARGUMENT_TEMPLATES: Final = (
    _INVALID_CHOICE,
    _EXPECTED_ONE,
    _EXPECTED_AT_MOST_ONE,
    _EXPECTED_AT_LEAST_ONE,
    _INVALID_TYPE,
    _NOT_ALLOWED_WITH,
    _IGNORED_EXPLICIT,
)

TEXTS: Final = (
    _ERROR_LINE,
    _ARGUMENT,
    *_USAGE_TEMPLATES,
    *_ARGUMENT_TEMPLATES,
    _INVALID_DATE,
    _INTERNAL,
)
"""Every text of this module (English msgids of the ``messages`` catalog)."""


@functools.cache
def _shape(source: str) -> re.Pattern[str]:
    """A regex matching ``source`` with ``{name}`` as a named group and ``{_}`` as any text."""
    parts = re.split(r"\{(\w+)\}", source)
    pattern = "".join(
        (f"(?P<{part}>.+?)" if part != "_" else ".*?") if odd else re.escape(part)
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
    )
    return re.compile(pattern, re.DOTALL)


@functools.cache
def _shapes(templates: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """``templates`` with their regexes, compiled on the first error to translate."""
    return tuple((_shape(template), template) for template in templates)


def _fill(template: str, lang: str, params: dict[str, str]) -> str:
    return translate(template, domain=DOMAIN, lang=lang).format(**params)


def _match(shapes: Sequence[tuple[re.Pattern[str], str]], text: str, lang: str) -> str | None:
    for pattern, template in shapes:
        found = pattern.fullmatch(text)
        if found is not None:
            return _fill(template, lang, found.groupdict())
    return None


class ArgTypeError(argparse.ArgumentTypeError):
    """A bad argument value, with its message as a catalog template (translated on output).

    ``str(error)`` is English (what argparse puts in its own message); the CLI prints
    :meth:`localized` instead. Built from an :class:`~aneel_rules.errors.InvalidInputError`
    with :meth:`from_invalid`, it prints every problem of that error in the language asked.
    """

    def __init__(
        self,
        template: str,
        *,
        domain: str = DOMAIN,
        invalid: InvalidInputError | None = None,
        **params: str,
    ) -> None:
        self.template = template
        self.domain = domain
        self.params = params
        self.invalid = invalid
        super().__init__(self.localized("en"))

    @classmethod
    def from_invalid(cls, exc: InvalidInputError) -> ArgTypeError:
        """The argument error for a library input error."""
        return cls("{message}", invalid=exc, message=str(exc))

    def localized(self, lang: str) -> str:
        """The message in ``lang``."""
        if self.invalid is not None:
            # the argument's name is printed before: no field name
            return "; ".join(e.message_in(lang) for e in self.invalid.errors)
        return translate(self.template, domain=self.domain, lang=lang).format(**self.params)


class UsageError(Exception):
    """Bad command-line arguments (reported on one line, exit status 2).

    ``cause`` is the exception argparse was handling when it reported the error, if any
    (an :class:`argparse.ArgumentError` whose context may be an :class:`ArgTypeError`).
    """

    def __init__(self, message: str, *, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause

    def localized(self, lang: str) -> str:
        """The message in ``lang``: :func:`localize_usage` of the argparse message."""
        return localize_usage(self.message, lang, cause=self.cause)


def localize_usage(message: str, lang: str, *, cause: BaseException | None = None) -> str:
    """Translate an argparse error message; shapes not recognised are kept in English.

    Examples:
        >>> localize_usage("the following arguments are required: --on", "pt_BR")
        'os seguintes argumentos são obrigatórios: --on'
        >>> localize_usage("argument KIND: invalid choice: 'x' (choose from 'a', 'b')", "pt_BR")
        "argumento KIND: opção inválida: 'x' (escolha entre 'a', 'b')"
        >>> localize_usage("something new", "pt_BR")
        'something new'
    """
    if lang == "en":
        return message
    whole = _match(_shapes(_USAGE_TEMPLATES), message, lang)
    if whole is not None:
        return whole
    argument = _shape(_ARGUMENT).fullmatch(message)
    if argument is None:
        return message
    name, detail = argument["name"], argument["message"]
    if isinstance(cause, argparse.ArgumentError):
        name = cause.argument_name or name
        if isinstance(cause.__context__, ArgTypeError):
            detail = cause.__context__.localized(lang)
            return _fill(_ARGUMENT, lang, {"name": name, "message": detail})
    detail = _match(_shapes(_ARGUMENT_TEMPLATES), detail, lang) or detail
    return _fill(_ARGUMENT, lang, {"name": name, "message": detail})


def field_messages(exc: InvalidInputError, lang: str) -> str:
    """Every problem of ``exc`` in ``lang``, ``"; "``-separated, without repeating the field.

    A message that already names its field is printed alone; otherwise ``field: message``.
    """
    texts = []
    for error in exc.errors:
        text = error.message_in(lang)
        texts.append(text if error.path in text else f"{error.path}: {text}")
    return "; ".join(texts)


def localize_error(exc: AneelRulesError, lang: str) -> str:
    """A library error as one line of text in ``lang``.

    Every library error carries its template, params and catalog domain: it is printed with
    :meth:`~aneel_rules.errors.AneelRulesError.message_in`, never parsed. Input errors print
    every problem without repeating a field the message already names.
    """
    if isinstance(exc, InvalidInputError):
        return field_messages(exc, lang)
    return exc.message_in(lang)


def internal_error(exc: Exception, lang: str) -> str:
    """The one-line report of an unexpected exception (a bug, never the user's fault)."""
    return _fill(_INTERNAL, lang, {"error": exc.__class__.__name__})


# The library's parameter names that a message may quote, and the option the user typed.
_OPTION_NAMES: Final = {
    "connection_voltage_kv": "--voltage-kv",
    "voltage_kv": "--voltage-kv",
    "contracted_demand_kw": "--demand-kw",
    "average_consumption_kwh": "--average-consumption-kwh",
    "measured_kwh": "--kwh",
    "window_cycles": "--window-cycles",
    "subdiv": "--uf",
}
_PARAMETER: Final = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(name) for name in _OPTION_NAMES) + r")(?![\w-])"
)


def error_line(text: str, lang: str) -> str:
    """The one-line error report, ``aneel-rules: erro: ...`` (``error`` in English).

    Library parameter names are replaced by the options typed (``--demand-kw`` for
    ``contracted_demand_kw``).

    Examples:
        >>> error_line("contracted_demand_kw must be positive, got -1", "en")
        'aneel-rules: error: --demand-kw must be positive, got -1'
    """
    text = _PARAMETER.sub(lambda found: _OPTION_NAMES[found[1]], text)
    return _fill(_ERROR_LINE, lang, {"message": text})


def print_error(text: str, lang: str) -> None:
    """Write :func:`error_line` to stderr."""
    print(error_line(text, lang), file=sys.stderr)


def scan_lang(argv: Sequence[str], *, default: str = DEFAULT_LANG) -> str:
    """The language asked with ``--lang X`` or ``--lang=X`` (the last one wins), before parsing.

    The abbreviations argparse accepts (``--lan en``) count too: the language decides how
    numbers are read (:mod:`aneel_rules.cli.numbers`), so it must be known before parsing.
    A missing or unsupported value gives ``default`` (argparse then reports it).

    Examples:
        >>> scan_lang(["calendar", "2026", "--lang", "en"]), scan_lang(["--lang=EN-US"])
        ('en', 'en')
        >>> scan_lang(["post", "--lang", "fr"]), scan_lang(["post", "--lang"])
        ('pt_BR', 'pt_BR')
        >>> scan_lang(["post", "--lan", "en"]), scan_lang(["post", "--la=en"])
        ('en', 'en')
    """
    found: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if len(option) < len("--l") or not "--lang".startswith(option):
            continue
        if equals:
            found = value
        elif index + 1 < len(argv):
            found = argv[index + 1]
    if found is None:
        return default
    try:
        return normalize_lang(found)
    except InvalidInputError:
        return default


T = TypeVar("T")


class LangReader(Generic[T]):
    """An argparse ``type`` that reads in the command's language: ``read(text, lang)``.

    Called as a plain ``type`` it reads in the default language (Portuguese);
    :func:`set_lang` makes every parser of a tree read in the language asked.
    """

    def __init__(self, read: Callable[[str, str], T]) -> None:
        self.read = read
        self.__name__ = read.__name__  # argparse names a type by it in its messages

    def __call__(self, text: str) -> T:
        """``text`` read in the default language."""
        return self.read(text, DEFAULT_LANG)

    def in_lang(self, lang: str) -> Callable[[str], T]:
        """The reader of ``lang``, as argparse calls a type."""

        def read(text: str) -> T:
            return self.read(text, lang)

        read.__name__ = self.__name__
        return read


def date_arg(text: str) -> date:
    """A date typed as ``YYYY-MM-DD``.

    Examples:
        >>> date_arg(" 2026-03-09 ")
        datetime.date(2026, 3, 9)
    """
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ArgTypeError(_INVALID_DATE, value=repr(text)) from None


_FALLBACK_COLUMNS: Final = 80


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (and its archivers).

    argparse asks for the width on every formatter, and makes one per ``add_argument`` to
    check its metavar: a command line that prints no help would import shutil for nothing.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((_FALLBACK_COLUMNS, 24))
        columns = size.columns or _FALLBACK_COLUMNS
    return columns


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with every text looked up in the ``messages`` catalog."""

    def __init__(self, prog: str, *, lang: str) -> None:
        # argparse's own width: the terminal's, less 2
        super().__init__(prog, width=_terminal_columns() - 2)
        self._lang = lang

    def _t(self, text: str) -> str:
        return translate(text, domain=DOMAIN, lang=self._lang)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, self._t("usage: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(self._t(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(self._t(text) if text and text != argparse.SUPPRESS else text)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return self._t(action.help) if action.help else action.help


class ArgumentParser(argparse.ArgumentParser):
    """argparse that raises :class:`UsageError` instead of printing usage and exiting.

    Help is printed in :attr:`help_lang` (set on the whole tree by :func:`set_help_lang`).
    """

    help_lang: str = DEFAULT_LANG

    def error(self, message: str) -> NoReturn:
        """Raise a :class:`UsageError` instead of printing and exiting."""
        raise UsageError(message, cause=sys.exc_info()[1])

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _HelpFormatter(prog=self.prog, lang=self.help_lang)


def parser_tree(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and every sub-command parser under it."""
    yield parser
    for action in parser._actions:  # noqa: SLF001 (argparse has no public accessor)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                yield from parser_tree(sub)


def set_lang(parser: argparse.ArgumentParser, lang: str) -> None:
    """Print the help of ``parser`` and of its sub-commands in ``lang``, and read in ``lang``.

    Every option whose ``type`` is a :class:`LangReader` reads its values in ``lang``
    (through argparse's type registry, which each parser looks up before calling a type).
    """
    for each in parser_tree(parser):
        if isinstance(each, ArgumentParser):
            each.help_lang = lang
        for action in each._actions:  # noqa: SLF001 (argparse has no public accessor)
            if isinstance(action.type, LangReader):
                each.register("type", action.type, action.type.in_lang(lang))


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
    except InvalidInputError as exc:
        raise ArgTypeError.from_invalid(exc) from exc


def add_lang_option(parser: argparse.ArgumentParser, *, default: object = DEFAULT_LANG) -> None:
    """Add ``--lang`` (pt_BR or en) to ``parser``."""
    parser.add_argument("--lang", type=_lang, default=default, help="pt_BR (default) or en")


def add_command(
    subparsers: argparse._SubParsersAction[ArgumentParser],
    name: str,
    *,
    handler: Handler,
    help_text: str | None = None,
) -> ArgumentParser:
    """Add a sub-command that takes ``--lang`` and runs ``handler(args, console)``.

    ``help_text`` defaults to the command's summary in :data:`aneel_rules.cli.COMMANDS`
    (top-level commands); nested ones (``validate cpf``) give their own.
    """
    if help_text is None:
        from aneel_rules.cli import COMMANDS  # noqa: PLC0415 (the package imports this module)

        help_text = COMMANDS[name].summary
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_lang_option(parser)
    parser.set_defaults(handler=handler)
    return parser
