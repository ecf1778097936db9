"""Brazilian telephone number (número de telefone): area code (DDD) + subscriber number.

The canonical compact form is the two-digit area code (código nacional, DDD)
followed by the subscriber number: 8 digits for a fixed line (first digit 2–5)
or 9 digits for a mobile (first digit 9, since the nine-digit migration that
ended in 2016). Spaces, parentheses, dots and hyphens are ignored (their Unicode
look-alikes too: dashes, full-width parentheses, no-break spaces); a ``+55``
(or bare ``55`` before 10–11 national digits) country code and a ``0`` trunk
prefix are dropped. Only the 67 area codes of Anatel's numbering plan are
accepted. Non-geographic numbers (0800, 0300, 4004…) are not telephone numbers
of a person and are rejected.

Sources:
    - Anatel, Regulamento de Numeração (Resolução nº 749/2022) and the list of
      Códigos Nacionais, https://www.gov.br/anatel/pt-br/regulado/numeracao
    - Anatel, Resolução nº 553/2010 (nono dígito na telefonia móvel).

Examples:
    >>> validate("+55 (92) 99999-9999")
    '92999999999'
    >>> format("9233334444")
    '(92) 3333-4444'
    >>> is_mobile("(92) 99999-9999"), is_mobile("(92) 3333-4444")
    (True, False)
    >>> validate("(92) 3333-4444", mobile_only=True)
    Traceback (most recent call last):
    ...
    aneel_rules.errors.InvalidInputError: phone: '(**) ****-4444' is not a mobile number
"""

from __future__ import annotations

from typing import Final

from aneel_rules._convert import to_bool
from aneel_rules.documents._common import (
    MAX_INPUT,
    Problem,
    fail,
    not_a_string,
    oversized,
    pasted_punctuation,
    personal,
    shape_problem,
)

__all__ = ("AREA_CODES", "compact", "format", "is_mobile", "is_valid", "validate")

_PATH: Final = "phone"
_MESSAGES: Final = {
    "not_a_string": "phone number must be text, not {type}",
    "empty": "phone number is empty",
    "non_ascii_digits": "phone number {value} contains non-ASCII digits (use 0-9)",
    "invalid_format": "phone number {value} contains the invalid character {char}",
    "invalid_country_code": "phone number {value} is not Brazilian (country code must be +55)",
    "invalid_length": "phone number {value} must have 10 or 11 digits with the area code",
    "invalid_area_code": "phone number {value} has an area code (DDD) that does not exist",
    "invalid_number": (
        "phone number {value} is neither a fixed line (8 digits starting with 2 to 5) "
        "nor a mobile (9 digits starting with 9)"
    ),
    "not_mobile": "{value} is not a mobile number",
}
_STRIP: Final = pasted_punctuation(" ().-")
_DIGITS: Final = "0123456789"

AREA_CODES: Final = frozenset(
    {
        *("11", "12", "13", "14", "15", "16", "17", "18", "19"),  # SP
        *("21", "22", "24"),  # RJ
        *("27", "28"),  # ES
        *("31", "32", "33", "34", "35", "37", "38"),  # MG
        *("41", "42", "43", "44", "45", "46"),  # PR
        *("47", "48", "49"),  # SC
        *("51", "53", "54", "55"),  # RS
        "61",  # DF
        *("62", "64"),  # GO
        "63",  # TO
        *("65", "66"),  # MT
        "67",  # MS
        "68",  # AC
        "69",  # RO
        *("71", "73", "74", "75", "77"),  # BA
        "79",  # SE
        *("81", "87"),  # PE
        "82",  # AL
        "83",  # PB
        "84",  # RN
        *("85", "88"),  # CE
        *("86", "89"),  # PI
        *("91", "93", "94"),  # PA
        *("92", "97"),  # AM
        "95",  # RR
        "96",  # AP
        *("98", "99"),  # MA
    }
)
"""The 67 geographic area codes (DDD) of Anatel's numbering plan."""

_FIXED_FIRST: Final = "2345"


def compact(s: str) -> str:
    """The digits (a ``+`` kept), without a ``+55``/``55`` country code or ``0`` trunk prefix.

    Not validated.

    Examples:
        >>> compact("+55 (92) 99999-9999"), compact("(092) 3333-4444")
        ('92999999999', '9233334444')
    """
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return _compact(s)


def _compact(s: str) -> str:
    n = s.translate(_STRIP).strip()
    if n.startswith("+55"):
        return n[3:]
    if n.startswith("55") and len(n) in {12, 13}:
        return n[2:]
    if n.startswith("0") and len(n) in {11, 12}:
        return n[1:]
    return n


def _check(s: object, *, mobile_only: bool = False) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, 11)
    n = _compact(s)
    size = len(n)
    if size not in {10, 11} or not n.isascii() or not n.isdigit():
        if n.startswith("+"):
            return ("invalid_country_code", personal(s))
        return shape_problem(s, n, _DIGITS, 11, personal=True)
    if n[:2] not in AREA_CODES:
        return ("invalid_area_code", personal(s))
    # Mobile: 9 digits starting with 9 (Anatel Res. 553/2010); fixed: 8 digits starting 2–5.
    if (n[2] != "9") if size == 11 else (n[2] not in _FIXED_FIRST):
        return ("invalid_number", personal(s))
    if mobile_only and size == 10:
        return ("not_mobile", personal(s))
    return n


def validate(s: str, *, mobile_only: bool = False) -> str:
    """The compact number (DDD + subscriber number, 10 or 11 digits) if valid.

    Args:
        s: The number as written, with or without ``+55``, parentheses or hyphens.
        mobile_only: Reject fixed lines (code ``not_mobile``).

    Raises:
        InvalidInputError: one error on path ``"phone"``, code ``not_a_string``,
            ``empty``, ``non_ascii_digits``, ``invalid_format``,
            ``invalid_country_code``, ``invalid_length``, ``invalid_area_code``,
            ``invalid_number`` or ``not_mobile``.
    """
    result = _check(s, mobile_only=to_bool(mobile_only, path="mobile_only"))
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object, *, mobile_only: bool = False) -> bool:
    """Whether ``s`` is a valid Brazilian number; never raises for any ``s``.

    Raises:
        InvalidInputError: ``mobile_only`` is not a bool (a truthy ``"no"`` would silently
            turn the check on, ``None`` off): a caller's bug, not an invalid number.
    """
    return isinstance(_check(s, mobile_only=to_bool(mobile_only, path="mobile_only")), str)


def is_mobile(s: object) -> bool:
    """Whether ``s`` is a valid Brazilian *mobile* number; never raises."""
    return isinstance(_check(s, mobile_only=True), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The number as ``(92) 99999-9999`` or ``(92) 3333-4444`` (validates first)."""
    n = validate(s)
    return f"({n[:2]}) {n[2:-4]}-{n[-4:]}"
