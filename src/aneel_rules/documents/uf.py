"""UF (unidade da federação): the 26 states and the Federal District.

The two-letter codes are those of IBGE and Correios. Input is stripped and
upper-cased; only ASCII letters are upper-cased, so look-alikes that Python upper-cases
into ASCII (``ſp`` → ``SP``, ``ıs``…) are refused.

Sources:
    - IBGE, "Códigos dos municípios / unidades da federação",
      https://www.ibge.gov.br/explica/codigos-dos-municipios.php

Examples:
    >>> validate(" am ")
    'AM'
    >>> name("AM")
    'Amazonas'
    >>> len(UFS)
    27
    >>> is_valid("XX")
    False
"""

from __future__ import annotations

from typing import Final

from aneel_rules.documents._common import Problem, fail, not_a_string

__all__ = ("NAMES", "UFS", "compact", "format", "is_valid", "name", "validate")

_PATH: Final = "uf"
_MESSAGES: Final = {
    "not_a_string": "UF must be text, not {type}",
    "empty": "UF is empty",
    "unknown_uf": "{value} is not a Brazilian state (UF) code",
}

NAMES: Final = {
    "AC": "Acre",
    "AL": "Alagoas",
    "AP": "Amapá",
    "AM": "Amazonas",
    "BA": "Bahia",
    "CE": "Ceará",
    "DF": "Distrito Federal",
    "ES": "Espírito Santo",
    "GO": "Goiás",
    "MA": "Maranhão",
    "MT": "Mato Grosso",
    "MS": "Mato Grosso do Sul",
    "MG": "Minas Gerais",
    "PA": "Pará",
    "PB": "Paraíba",
    "PR": "Paraná",
    "PE": "Pernambuco",
    "PI": "Piauí",
    "RJ": "Rio de Janeiro",
    "RN": "Rio Grande do Norte",
    "RS": "Rio Grande do Sul",
    "RO": "Rondônia",
    "RR": "Roraima",
    "SC": "Santa Catarina",
    "SP": "São Paulo",
    "SE": "Sergipe",
    "TO": "Tocantins",
}
"""Official name of each UF (IBGE), by code."""

UFS: Final = frozenset(NAMES)
"""The 27 UF codes."""

_MAX_INPUT: Final = 64


def compact(s: str) -> str:
    """The code stripped and upper-cased (not validated)."""
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    code = s.strip()
    return code.upper() if code.isascii() else code


def _check(s: object) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    code = s.strip() if len(s) <= _MAX_INPUT else s[:_MAX_INPUT] + "…"
    # ASCII before case folding: "ſ".upper() == "S" would let a look-alike through.
    if code.isascii() and code.upper() in UFS:
        return code.upper()
    if not code:
        return ("empty", {})
    return ("unknown_uf", {"value": repr(code)})


def validate(s: str) -> str:
    """The upper-case UF code if ``s`` is one.

    Raises:
        InvalidInputError: one error on path ``"uf"``, code ``not_a_string``,
            ``empty`` or ``unknown_uf``.
    """
    result = _check(s)
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object) -> bool:
    """Whether ``s`` is a UF code; never raises."""
    return isinstance(_check(s), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The UF code in upper case (validates first)."""
    return validate(s)


def name(code: str) -> str:
    """Official name of the UF (validates first).

    Examples:
        >>> name("df")
        'Distrito Federal'
    """
    return NAMES[validate(code)]
