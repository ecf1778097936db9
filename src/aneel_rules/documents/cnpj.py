"""CNPJ (Cadastro Nacional da Pessoa Jurídica, Brazilian company number).

Fourteen characters: a 12-character base (8 of root, 4 of establishment) and two
numeric check digits. Since July 2026 Receita Federal also issues *alphanumeric*
CNPJs, whose base may hold upper-case ASCII letters; existing numeric numbers are
unchanged and remain valid. Each base character counts as its ASCII code − 48
(``"0"`` → 0 … ``"9"`` → 9, ``"A"`` → 17 … ``"Z"`` → 42); the first check digit uses
the weights 5,4,3,2,9,8,7,6,5,4,3,2 over the base, the second 6,5,4,3,2,9,8,7,6,5,4,3,2
over the base and the first check digit; a remainder (mod 11) below 2 gives 0,
otherwise 11 − remainder. Lower case is accepted and upper-cased; punctuation
(``.``, ``/``, ``-``) and spaces are ignored, with their Unicode look-alikes (dashes,
the full-width solidus ``／``, no-break spaces); numbers made of one repeated digit are
rejected; non-ASCII digits and letters are rejected, including those that upper-case
into ASCII (``ſ`` → ``S``, ``ı`` → ``I``, ``ß`` → ``SS``, ``ﬁ`` → ``FI``): the ASCII
check comes before case folding. Messages mask the number (a CPF typed with extra
digits would otherwise be quoted in full).

Sources:
    - Receita Federal, Instrução Normativa RFB nº 2.229, de 15 Oct 2024 (DOU 16 Oct 2024),
      art. 3º-A (14 characters: 8 of root and 4 of order, alphanumeric; 2 numeric check
      digits) and art. 3º-B (module 11 over ASCII code − 48),
      http://normas.receita.fazenda.gov.br/sijut2consulta/link.action?idAto=141222
    - Receita Federal, Nota Técnica nº 49/2024 COCAD/SUARA/RFB (the ASCII − 48 values:
      ``A`` = 17 … ``Z`` = 42; module 11 unchanged, so numeric CNPJs keep their digits).
    - Same shape as python-stdnum ``stdnum.br.cnpj``.

Examples:
    >>> validate("12.ABC.345/01DE-35")
    '12ABC34501DE35'
    >>> validate("11.222.333/0001-81")
    '11222333000181'
    >>> format("12abc34501de35")
    '12.ABC.345/01DE-35'
    >>> is_valid("00.000.000/0000-00")
    False
"""

from __future__ import annotations

import re
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

__all__ = ("compact", "format", "is_valid", "validate")

_PATH: Final = "cnpj"
_MESSAGES: Final = {
    "not_a_string": "CNPJ must be text, not {type}",
    "empty": "CNPJ is empty",
    "non_ascii_digits": "CNPJ {value} contains non-ASCII digits (use 0-9)",
    "invalid_format": "CNPJ {value} contains the invalid character {char}",
    "invalid_length": "CNPJ {value} must have {length} characters",
    "non_numeric_check_digits": "CNPJ {value} must end in two numeric check digits",
    "alphanumeric_not_allowed": "CNPJ {value} is alphanumeric, which is not accepted here",
    "repeated_digits": "CNPJ {value} is a single repeated digit, which is never issued",
    "invalid_checksum": "CNPJ {value} has wrong check digits",
}
_STRIP: Final = pasted_punctuation(" ./-")
_ALLOWED: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SHAPE: Final = re.compile(r"[0-9A-Z]{12}[0-9]{2}")
_W1: Final = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)
_W2: Final = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)


def _partial_sums(group: int) -> dict[str, int]:
    """Weighted sums of the characters at positions 2·group and 2·group + 1, for every pair.

    A character counts as its ASCII code − 48. Speed: six dictionary look-ups replace
    a character-by-character loop. Each value packs the partial sum under the first
    weights (low 12 bits) and under the second weights (the bits above). Built from the
    terms of each character (cheap at import).
    """
    start = 2 * group
    (w1a, w1b), (w2a, w2b) = _W1[start : start + 2], _W2[start : start + 2]
    first = [(a, (ord(a) - 48) * w1a + ((ord(a) - 48) * w2a << 12)) for a in _ALLOWED]
    second = [(b, (ord(b) - 48) * w1b + ((ord(b) - 48) * w2b << 12)) for b in _ALLOWED]
    return {a + b: x + y for a, x in first for b, y in second}


_SUMS: Final = tuple(_partial_sums(group) for group in range(6))
_SUMS0, _SUMS1, _SUMS2, _SUMS3, _SUMS4, _SUMS5 = _SUMS
_CHECK_PAIRS: Final = tuple(f"{i:02d}" for i in range(100))


def compact(s: str) -> str:
    """The number upper-cased, without punctuation or surrounding whitespace (not validated).

    Examples:
        >>> compact(" 12.abc.345/01de-35 ")
        '12ABC34501DE35'
    """
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return _ascii_upper(s.translate(_STRIP).strip())


def _ascii_upper(text: str) -> str:
    """Upper case for ASCII text only: ``"ſ".upper()`` is ``"S"``, a look-alike let in."""
    return text.upper() if text.isascii() else text


def _check(s: object, *, alphanumeric: bool = True) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, 14)
    n = _ascii_upper(s if s.isalnum() else s.translate(_STRIP).strip())
    if _SHAPE.fullmatch(n) is None:
        if len(n) == 14 and n.isascii() and n[:12].isalnum() and n[12:].isalnum():
            return ("non_numeric_check_digits", personal(s))
        return shape_problem(s, n, _ALLOWED, 14, personal=True)
    if not alphanumeric and not n.isdigit():
        return ("alphanumeric_not_allowed", personal(s))
    if n == n[0] * 14:
        return ("repeated_digits", personal(s))
    # Check digits: s = Σ value × weight; dv = 0 if s mod 11 < 2 else 11 − s mod 11,
    # which is (10·s) mod 11 mod 10. The second sum also covers the first check digit.
    total = (
        _SUMS0[n[:2]]
        + _SUMS1[n[2:4]]
        + _SUMS2[n[4:6]]
        + _SUMS3[n[6:8]]
        + _SUMS4[n[8:10]]
        + _SUMS5[n[10:12]]
    )
    first = (total & 0xFFF) * 10 % 11 % 10
    second = ((total >> 12) + 2 * first) * 10 % 11 % 10
    if n[12:] != _CHECK_PAIRS[10 * first + second]:
        return ("invalid_checksum", personal(s))
    return n


def validate(s: str, *, alphanumeric: bool = True) -> str:
    """The compact CNPJ (14 characters, upper case) if valid.

    Args:
        s: The CNPJ, with or without punctuation, numeric or alphanumeric.
        alphanumeric: Accept the alphanumeric CNPJ. Pass ``False`` for a system that
            must still take numeric numbers only (code ``alphanumeric_not_allowed``).

    Raises:
        InvalidInputError: one error on path ``"cnpj"``, code ``not_a_string``,
            ``empty``, ``non_ascii_digits``, ``invalid_format``, ``invalid_length``,
            ``non_numeric_check_digits``, ``alphanumeric_not_allowed``,
            ``repeated_digits`` or ``invalid_checksum``.
    """
    result = _check(s, alphanumeric=to_bool(alphanumeric, path="alphanumeric"))
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object, *, alphanumeric: bool = True) -> bool:
    """Whether ``s`` is a valid CNPJ; never raises for any ``s``.

    Raises:
        InvalidInputError: ``alphanumeric`` is not a bool (a caller's bug, not an invalid CNPJ).
    """
    return isinstance(_check(s, alphanumeric=to_bool(alphanumeric, path="alphanumeric")), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The CNPJ as ``00.000.000/0000-00`` (validates first).

    Examples:
        >>> format("11222333000181")
        '11.222.333/0001-81'
    """
    n = validate(s)
    return f"{n[:2]}.{n[2:5]}.{n[5:8]}/{n[8:12]}-{n[12:]}"
