"""Numbers typed on the command line (números): one reader per language, never a guess.

The command reads numbers in its output language (``--lang``, Portuguese by default):

- **pt_BR**: ``,`` is the decimal mark and ``.`` separates groups of exactly three digits:
  ``0,22``, ``1234,5``, ``1.234,5``; ``1.200`` is one thousand two hundred;
- **en**: the reverse: ``0.22``, ``1234.5``, ``1,234.5``; ``1.200`` is one point two and
  ``1,200`` one thousand two hundred;
- in both, bare digits are a whole number (``1200`` is one thousand two hundred).

Anything else is refused with a one-line error that shows the accepted form, and never read
another way: the other language's decimal mark (``1.23`` in Portuguese), groups that are not
of three digits (``1.2345``, ``1,2,3``), a second mark or a group after the decimal mark
(``1.200,5.3``), a separator first or last (``,5``, ``5.``), a grouped number starting with
a zero group (``0.200`` in Portuguese), spaces, exponents and digits other than ASCII
``0``-``9``. A sign is refused too, with its own message, except by the readers of values
that may be negative (``signed``, a leading ``-``); what each rule allows beyond that (zero,
a maximum) is the library's check.

Examples:
    >>> parse_number("1.234,5", "pt_BR"), parse_number("1.200", "pt_BR")
    (Decimal('1234.5'), Decimal('1200'))
    >>> parse_number("1,234.5", "en"), parse_number("1.200", "en"), parse_number("1200", "en")
    (Decimal('1234.5'), Decimal('1.200'), Decimal('1200'))
    >>> parse_number("1.23", "pt_BR")
    Traceback (most recent call last):
    ...
    aneel_rules.cli.common.ArgTypeError: invalid number '1.23': write it the Portuguese way, ...
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from aneel_rules.cli.common import ArgTypeError, LangReader
from aneel_rules.i18n import normalize_lang

__all__ = ("TEXTS", "decimal_arg", "parse_number", "signed_decimal_arg")

# (thousands separator, decimal mark) of each language
_MARKS: Final = {"pt_BR": (".", ","), "en": (",", ".")}
_FORM: Final = {
    "pt_BR": (
        "invalid number {value}: write it the Portuguese way, a comma before the decimals "
        "and a dot between groups of three digits (1.234,5 or 1234,5)"
    ),
    "en": (
        "invalid number {value}: write it the English way, a point before the decimals "
        "and a comma between groups of three digits (1,234.5 or 1234.5)"
    ),
}
_SIGN: Final = "invalid number {value}: no sign here (the value cannot be negative)"
_OUT_OF_RANGE: Final = "number {value} is out of range (from 1e-12 to 1e15)"
# Typed numbers are kept within a range babel and Decimal quantization can format.
_LARGEST_EXPONENT: Final = 15
_SMALLEST_EXPONENT: Final = 12

TEXTS: Final = (*_FORM.values(), _SIGN, _OUT_OF_RANGE)
"""Every text of this module (English msgids of the ``messages`` catalog)."""


def _grammar(grouping: str, mark: str) -> re.Pattern[str]:
    # grouped ("1.234", never "0.234") or bare digits, then an optional decimal part
    group, decimal = re.escape(grouping), re.escape(mark)
    return re.compile(rf"(?:[1-9][0-9]{{0,2}}(?:{group}[0-9]{{3}})+|[0-9]+)(?:{decimal}[0-9]+)?")


_GRAMMARS: Final = {lang: _grammar(*marks) for lang, marks in _MARKS.items()}


def parse_number(text: str, lang: str, *, signed: bool = False) -> Decimal:
    """The number ``text`` as written in ``lang`` (see the module's rules).

    Args:
        text: The number as typed.
        lang: ``pt_BR`` or ``en``: which mark is decimal and which groups thousands.
        signed: Whether a leading ``-`` is allowed (values that may be negative).

    Raises:
        ArgTypeError: ``text`` is not a number written that way, or is out of range.
    """
    canonical = normalize_lang(lang)
    negative = signed and text.startswith("-")
    digits = text[1:] if negative else text
    if digits.startswith(("-", "+")):
        raise ArgTypeError(_FORM[canonical] if signed else _SIGN, value=repr(text))
    if _GRAMMARS[canonical].fullmatch(digits) is None:
        raise ArgTypeError(_FORM[canonical], value=repr(text))
    grouping, mark = _MARKS[canonical]
    value = Decimal(digits.replace(grouping, "").replace(mark, "."))
    value = -value if negative else value
    if value and not -_SMALLEST_EXPONENT <= value.adjusted() <= _LARGEST_EXPONENT:
        raise ArgTypeError(_OUT_OF_RANGE, value=repr(text))
    return value


def _signed(text: str, lang: str) -> Decimal:
    return parse_number(text, lang, signed=True)


decimal_arg: Final = LangReader(parse_number)
"""``type=`` of a numeric option: :func:`parse_number` in the command's language."""
signed_decimal_arg: Final = LangReader(_signed)
"""``type=`` of an option whose value may be negative (a leading ``-``)."""
