"""CPF (Cadastro de Pessoas Físicas, Brazilian individual taxpayer number).

Eleven ASCII digits, the last two of which are mod-11 check digits over the
first nine and ten digits (weights 10…2, then 11…2; a remainder below 2 gives
0, otherwise 11 − remainder). Numbers made of one repeated digit pass the
check digits but are not issued, so they are rejected. Punctuation
(``.``, ``-``) and spaces are ignored, including the Unicode dashes, dots and spaces
that pasted text brings (``529․982․247–25``, no-break spaces); Arabic-Indic,
full-width and other non-ASCII digits are rejected (``non_ascii_digits``). Text
longer than 64 characters is refused before it is read (``invalid_length``).

Sources:
    - Receita Federal, "CPF — Cadastro de Pessoas Físicas",
      https://www.gov.br/receitafederal/pt-br/assuntos/meu-cpf
    - Same shape as python-stdnum ``stdnum.br.cpf``.

Examples:
    >>> validate("529.982.247-25")
    '52998224725'
    >>> format("52998224725")
    '529.982.247-25'
    >>> is_valid("111.111.111-11")
    False
    >>> validate("529.982.247-26")
    Traceback (most recent call last):
    ...
    aneel_rules.errors.InvalidInputError: cpf: CPF '***.***.247-26' has wrong check digits
"""

from __future__ import annotations

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

__all__ = ("compact", "format", "is_valid", "validate")

_PATH: Final = "cpf"
_MESSAGES: Final = {
    "not_a_string": "CPF must be text, not {type}",
    "empty": "CPF is empty",
    "non_ascii_digits": "CPF {value} contains non-ASCII digits (use 0-9)",
    "invalid_format": "CPF {value} contains the invalid character {char}",
    "invalid_length": "CPF {value} must have {length} digits",
    "repeated_digits": "CPF {value} is a single repeated digit, which is never issued",
    "invalid_checksum": "CPF {value} has wrong check digits",
}
_STRIP: Final = pasted_punctuation(" .-")
_DIGITS: Final = "0123456789"
_W1: Final = (10, 9, 8, 7, 6, 5, 4, 3, 2)
_W2: Final = (11, 10, 9, 8, 7, 6, 5, 4, 3, 2)


_TRIPLES: Final = tuple(f"{n:03d}" for n in range(1000))


def _partial_sums(group: int) -> dict[str, int]:
    """Weighted sums of the digits at positions 3·group to 3·group + 2, for every triple.

    Speed: three dictionary look-ups replace a digit-by-digit loop. Each value packs
    the partial sum under the first weights (low 12 bits) and under the second
    weights (the bits above). Built from the terms of each digit (cheap at import).
    """
    start = 3 * group
    first, second, third = (
        [digit * w1 + (digit * w2 << 12) for digit in range(10)]
        for w1, w2 in zip(_W1[start : start + 3], _W2[start : start + 3], strict=True)
    )
    sums = (a + b + c for a in first for b in second for c in third)
    return dict(zip(_TRIPLES, sums, strict=True))


_SUMS0: Final = _partial_sums(0)
_SUMS1: Final = _partial_sums(1)
_SUMS2: Final = _partial_sums(2)
_CHECK_PAIRS: Final = tuple(f"{i:02d}" for i in range(100))


def compact(s: str) -> str:
    """The number without punctuation or surrounding whitespace (not validated).

    Examples:
        >>> compact(" 529.982.247-25 ")
        '52998224725'
    """
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return s.translate(_STRIP).strip()


def _check(s: object) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, 11)
    n = s if s.isdigit() else s.translate(_STRIP).strip()
    if len(n) != 11 or not n.isascii() or not n.isdigit():
        return shape_problem(s, n, _DIGITS, 11, personal=True)
    if n == n[0] * 11:
        return ("repeated_digits", personal(s))
    # Check digits: s = Σ digit × weight; dv = 0 if s mod 11 < 2 else 11 − s mod 11,
    # which is (10·s) mod 11 mod 10. The second sum also covers the first check digit.
    total = _SUMS0[n[:3]] + _SUMS1[n[3:6]] + _SUMS2[n[6:9]]
    first = (total & 0xFFF) * 10 % 11 % 10
    second = ((total >> 12) + 2 * first) * 10 % 11 % 10
    if n[9:] != _CHECK_PAIRS[10 * first + second]:
        return ("invalid_checksum", personal(s))
    return n


def validate(s: str) -> str:
    """The compact CPF (11 digits) if valid.

    Raises:
        InvalidInputError: one error on path ``"cpf"``, code ``not_a_string``,
            ``empty``, ``non_ascii_digits``, ``invalid_format``, ``invalid_length``,
            ``repeated_digits`` or ``invalid_checksum``.
    """
    result = _check(s)
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object) -> bool:
    """Whether ``s`` is a valid CPF; never raises."""
    return isinstance(_check(s), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The CPF as ``000.000.000-00`` (validates first).

    Examples:
        >>> format("529 982 247 25")
        '529.982.247-25'
    """
    n = validate(s)
    return f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}"
