"""CPF or CNPJ (documento do titular): which one a number is, and whether it is valid.

A register column often mixes individuals (CPF, 11 digits) and companies (CNPJ, 14
characters). The number's length once punctuation is dropped decides which it must be;
the check itself is :mod:`cpf`'s or :mod:`cnpj`'s, with their error codes. Text that is
neither 11 nor 14 characters long gets ``invalid_length`` on the path ``"document"``.

Sources:
    - As :mod:`aneel_rules.documents.cpf` and :mod:`aneel_rules.documents.cnpj`.

Examples:
    >>> document_kind("529.982.247-25"), document_kind("12.ABC.345/01DE-35")
    (<DocumentKind.CPF: 'CPF'>, <DocumentKind.CNPJ: 'CNPJ'>)
    >>> validate("11.222.333/0001-81")
    '11222333000181'
    >>> is_valid("529.982.247-26"), check("529.982.247-26")
    (False, (<DocumentKind.CPF: 'CPF'>, 'invalid_checksum'))
"""

from __future__ import annotations

import enum
from typing import Final

from aneel_rules.documents import cnpj, cpf
from aneel_rules.documents._common import (
    _PERSONAL,
    MAX_INPUT,
    Problem,
    fail,
    not_a_string,
    oversized,
    pasted_punctuation,
    personal,
    resolve,
)

__all__ = ("DocumentKind", "check", "document_kind", "is_valid", "validate")


class DocumentKind(enum.Enum):
    """Which taxpayer number a document is (tipo de documento)."""

    CPF = "CPF"
    CNPJ = "CNPJ"


_PATH: Final = "document"
_MESSAGES: Final = {
    "not_a_string": "document must be text, not {type}",
    "empty": "document is empty",
    "invalid_length": (
        "document {value} must have 11 (CPF) or 14 (CNPJ) characters without punctuation"
    ),
}
_STRIP: Final = pasted_punctuation(" ./-")
_CPF_LENGTH: Final = 11
_CNPJ_LENGTH: Final = 14


def _kind(s: object) -> tuple[DocumentKind, str] | Problem:
    """The kind the number must be, from its compact length, and the compact text."""
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, _CNPJ_LENGTH)
    compact = s if s.isalnum() else s.translate(_STRIP).strip()
    if len(compact) == _CPF_LENGTH:
        return DocumentKind.CPF, compact
    if len(compact) == _CNPJ_LENGTH:
        return DocumentKind.CNPJ, compact
    if not compact:
        return ("empty", {})
    return ("invalid_length", personal(s))


def check(s: object) -> tuple[DocumentKind | None, str | None]:
    """The kind of ``s`` and the code of what is wrong with it (``None`` if valid); never raises.

    Examples:
        >>> check("52998224725"), check("123")
        ((<DocumentKind.CPF: 'CPF'>, None), (None, 'invalid_length'))
    """
    found = _kind(s)
    if not isinstance(found[0], DocumentKind):
        return None, found[0]
    kind, compact = found
    # The validator's own check on the compact text (its punctuation is already gone, so
    # the codes are those of the original text), without building a message.
    module = cpf if kind is DocumentKind.CPF else cnpj
    result = module._check(compact)  # noqa: SLF001
    if isinstance(result, str):
        return kind, None
    code, params = result
    # only the code is wanted: no masked value to build (resolve masks personal values)
    return kind, resolve((code, {k: v for k, v in params.items() if k != _PERSONAL}))[0]


def document_kind(s: str) -> DocumentKind:
    """Whether ``s`` is a valid CPF or a valid CNPJ (tipo do documento).

    Raises:
        InvalidInputError: one error: on the path ``"cpf"`` or ``"cnpj"`` with the code of
            :func:`cpf.validate` / :func:`cnpj.validate` when the length says which it is;
            else on ``"document"`` with ``not_a_string``, ``empty`` or ``invalid_length``.

    Examples:
        >>> document_kind("11222333000181")
        <DocumentKind.CNPJ: 'CNPJ'>
        >>> document_kind("1234")
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: document: document '****' must have 11 (CPF) ...
    """
    found = _kind(s)
    if not isinstance(found[0], DocumentKind):
        fail(_PATH, _MESSAGES, found)
    kind = found[0]
    if kind is DocumentKind.CPF:
        cpf.validate(s)
    else:
        cnpj.validate(s)
    return kind


def validate(s: str) -> str:
    """The compact CPF or CNPJ if valid (see :func:`document_kind` for the errors)."""
    return cpf.validate(s) if document_kind(s) is DocumentKind.CPF else cnpj.validate(s)


def is_valid(s: object) -> bool:
    """Whether ``s`` is a valid CPF or CNPJ; never raises."""
    return check(s)[1] is None
