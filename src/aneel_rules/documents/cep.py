"""CEP (Código de Endereçamento Postal, Brazilian postal code).

Eight ASCII digits, written ``00000-000``. The first five digits place the CEP
in the range of one UF (Correios); a CEP outside every range (e.g.
``00000-000``) is rejected with ``unknown_range``. Unicode dashes, dots and spaces of
pasted text are ignored like their ASCII forms; messages mask the CEP (with a street
and number it locates a person).

Sources:
    - Correios, "Faixas de CEP por UF" (Busca CEP → Faixa de CEP),
      https://buscacepinter.correios.com.br/app/faixa_cep_uf_localidade/index.php
    - Rondônia's range became 76800–76999 in 2008 (formerly 78800–78999).

Examples:
    >>> validate("69088-315")
    '69088315'
    >>> format("69088315")
    '69088-315'
    >>> uf("69088-315"), uf("69301-000"), uf("69900-000")
    ('AM', 'RR', 'AC')
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

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

__all__ = ("RANGES", "compact", "format", "is_valid", "uf", "validate")

_PATH: Final = "cep"
_MESSAGES: Final = {
    "not_a_string": "CEP must be text, not {type}",
    "empty": "CEP is empty",
    "non_ascii_digits": "CEP {value} contains non-ASCII digits (use 0-9)",
    "invalid_format": "CEP {value} contains the invalid character {char}",
    "invalid_length": "CEP {value} must have {length} digits",
    "unknown_range": "CEP {value} is not in the range of any state (UF)",
}
_STRIP: Final = pasted_punctuation(" .-")
_DIGITS: Final = "0123456789"

RANGES: Final = (
    # (first, last) five-digit prefixes, inclusive, in order (Correios).
    (1000, 19999, "SP"),
    (20000, 28999, "RJ"),
    (29000, 29999, "ES"),
    (30000, 39999, "MG"),
    (40000, 48999, "BA"),
    (49000, 49999, "SE"),
    (50000, 56999, "PE"),
    (57000, 57999, "AL"),
    (58000, 58999, "PB"),
    (59000, 59999, "RN"),
    (60000, 63999, "CE"),
    (64000, 64999, "PI"),
    (65000, 65999, "MA"),
    (66000, 68899, "PA"),
    (68900, 68999, "AP"),
    (69000, 69299, "AM"),
    (69300, 69399, "RR"),
    (69400, 69899, "AM"),
    (69900, 69999, "AC"),
    (70000, 72799, "DF"),
    (72800, 72999, "GO"),
    (73000, 73699, "DF"),
    (73700, 76799, "GO"),
    (76800, 76999, "RO"),
    (77000, 77999, "TO"),
    (78000, 78899, "MT"),
    (79000, 79999, "MS"),
    (80000, 87999, "PR"),
    (88000, 89999, "SC"),
    (90000, 99999, "RS"),
)
"""Correios CEP ranges by UF: ``(first, last, uf)`` over the first five digits."""

_STARTS: Final = tuple(first for first, _, _ in RANGES)


def compact(s: str) -> str:
    """The CEP without punctuation or surrounding whitespace (not validated).

    Examples:
        >>> compact("69.088-315")
        '69088315'
    """
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return s.translate(_STRIP).strip()


def _uf_of(n: str) -> str | None:
    prefix = int(n[:5])
    i = bisect_right(_STARTS, prefix) - 1
    if i < 0:
        return None
    _, last, code = RANGES[i]
    return code if prefix <= last else None


def _check(s: object) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, 8)
    n = s.translate(_STRIP).strip()
    if len(n) != 8 or not n.isascii() or not n.isdigit():
        return shape_problem(s, n, _DIGITS, 8, personal=True)
    if _uf_of(n) is None:
        return ("unknown_range", personal(s))
    return n


def validate(s: str) -> str:
    """The compact CEP (8 digits) if valid and inside a UF's range.

    Raises:
        InvalidInputError: one error on path ``"cep"``, code ``not_a_string``,
            ``empty``, ``non_ascii_digits``, ``invalid_format``, ``invalid_length``
            or ``unknown_range``.
    """
    result = _check(s)
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object) -> bool:
    """Whether ``s`` is a valid CEP; never raises."""
    return isinstance(_check(s), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The CEP as ``00000-000`` (validates first)."""
    n = validate(s)
    return f"{n[:5]}-{n[5:]}"


def uf(s: str) -> str:
    """The UF whose Correios range holds the CEP (validates first).

    Examples:
        >>> uf("69400-000"), uf("69299-999"), uf("01001-000")
        ('AM', 'AM', 'SP')
    """
    code = _uf_of(validate(s))
    if code is None:  # pragma: no cover - validate() already rejected it
        raise AssertionError(s)
    return code
