"""CPF (Cadastro de Pessoas Físicas, Brazilian individual taxpayer number).

Eleven ASCII digits, the last two of which are mod-11 check digits over the
first nine and ten digits (weights 10…2, then 11…2; a remainder below 2 gives
0, otherwise 11 − remainder). Numbers made of one repeated digit pass the
check digits but are not issued, so they are rejected. Punctuation
(``.``, ``-``) and surrounding spaces are ignored; Arabic-Indic, full-width and
other non-ASCII digits are rejected (``non_ascii_digits``).

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
    aneel_rules.errors.InvalidInputError: cpf: CPF '529.982.247-26' has wrong check digits
"""

from __future__ import annotations

from operator import mul
from typing import Final

from aneel_rules.documents._common import Problem, fail, not_a_string, shape_problem

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
_STRIP: Final = str.maketrans("", "", " .-")
_DIGITS: Final = "0123456789"
_W1: Final = (10, 9, 8, 7, 6, 5, 4, 3, 2)
_W2: Final = (11, 10, 9, 8, 7, 6, 5, 4, 3, 2)
# The digits are read as ASCII codes (ord - 48); subtract 48 × the weights once.
_OFFSET1: Final = 48 * sum(_W1)
_OFFSET2: Final = 48 * sum(_W2)


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
    n = s.translate(_STRIP).strip()
    if len(n) != 11 or not n.isascii() or not n.isdigit():
        return shape_problem(s, n, _DIGITS, 11)
    if n == n[0] * 11:
        return ("repeated_digits", {"value": repr(s)})
    b = n.encode("ascii")
    # (10·s) mod 11 mod 10 == (0 if s mod 11 < 2 else 11 − s mod 11)
    if (sum(map(mul, b, _W1)) - _OFFSET1) * 10 % 11 % 10 != b[9] - 48 or (
        sum(map(mul, b, _W2)) - _OFFSET2
    ) * 10 % 11 % 10 != b[10] - 48:
        return ("invalid_checksum", {"value": repr(s)})
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
