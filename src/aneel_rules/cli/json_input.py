"""JSON files given to the command line, and the problems found in them (shared by commands).

``validate request``, ``bill`` and ``invoice check`` read a JSON file with exact decimals and
report a file that gives no value on one line; the problems of a request are printed one per
line with their path, code and message. The texts are in the ``portal`` catalog.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from aneel_rules._portal.messages import DOMAIN
from aneel_rules.cli.common import Console, print_error
from aneel_rules.errors import FieldError

__all__ = ("TEXTS", "load_json", "print_problems")

_PROBLEMS: Final = "{count} problem(s) found:"
_PROBLEM: Final = "{path} [{code}]: {text}"
_CANNOT_READ: Final = "cannot read {file}: {error}"
_DUPLICATE_KEY: Final = "{file} repeats the key {key} in one object"
_NOT_FOUND: Final = "{file} does not exist"
_IS_DIRECTORY: Final = "{file} is a directory, not a file"
_NO_PERMISSION: Final = "no permission to read {file}"
_NOT_UTF8: Final = "{file} is not UTF-8 text"
_JSON_AT: Final = "{file} is not valid JSON (line {line}, column {column})"
_WHOLE_REQUEST: Final = "(whole request)"

TEXTS: Final = (
    _PROBLEMS,
    _PROBLEM,
    _CANNOT_READ,
    _DUPLICATE_KEY,
    _NOT_FOUND,
    _IS_DIRECTORY,
    _NO_PERMISSION,
    _NOT_UTF8,
    _JSON_AT,
    _WHOLE_REQUEST,
)
"""Every text printed here (English msgids of the ``portal`` catalog)."""


def print_problems(console: Console, errors: tuple[FieldError, ...]) -> None:
    """Print every problem of a request: its path, code and message in the console's language."""
    console.line(console.t(_PROBLEMS, domain=DOMAIN, count=len(errors)))
    for error in errors:
        console.line(
            console.t(
                _PROBLEM,
                domain=DOMAIN,
                path=console.t(_WHOLE_REQUEST, domain=DOMAIN)
                if error.path in {"", "$"}
                else error.path,
                code=error.code,
                text=error.message_in(console.lang),
            )
        )


def load_json(path: str, console: Console) -> object | None:
    """The JSON value of the file at ``path`` (exact decimals, no key repeated in an object).

    ``None`` when the file gives no value, after printing why on one line of stderr.
    """
    # imported here: ``validate cpf`` reads no file; and ``open``, not pathlib (which imports
    # urllib and ipaddress), since nothing else of a path is needed
    import json  # noqa: PLC0415

    try:
        with open(path, encoding="utf-8") as file:  # noqa: PTH123
            text = file.read()
    except FileNotFoundError:
        return _cannot_load(console, _NOT_FOUND, file=path)
    except IsADirectoryError:
        return _cannot_load(console, _IS_DIRECTORY, file=path)
    except PermissionError:
        return _cannot_load(console, _NO_PERMISSION, file=path)
    except UnicodeDecodeError:
        return _cannot_load(console, _NOT_UTF8, file=path)
    except OSError as exc:
        return _cannot_load(console, _CANNOT_READ, file=path, error=exc.__class__.__name__)
    try:
        data: object = json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        return _cannot_load(console, _JSON_AT, file=path, line=exc.lineno, column=exc.colno)
    except _DuplicateKeyError as exc:
        return _cannot_load(console, _DUPLICATE_KEY, file=path, key=repr(exc.key))
    return data


def _cannot_load(console: Console, template: str, **params: object) -> object | None:
    """Report a file that gives no JSON value (``None``: nothing to validate)."""
    print_error(console.t(template, domain=DOMAIN, **params), console.lang)
    return None


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refusing a repeated key (json would silently keep the last value)."""
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result
