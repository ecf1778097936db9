"""Brazilian documents (documentos): one module per identifier, python-stdnum shape.

Each of :mod:`cpf`, :mod:`cnpj`, :mod:`cep`, :mod:`phone`, :mod:`email` and :mod:`uf`
exposes ``compact(s)``, ``validate(s)`` (the canonical compact form, or
:class:`~aneel_rules.errors.InvalidInputError` with one error whose ``path`` is the
module name and whose ``code`` is stable), ``is_valid(s)`` (never raises) and
``format(s)``. :mod:`rg` and :mod:`uc` cover the identity card and the consumer-unit
number; :mod:`kind` (:func:`document_kind`) tells a CPF from a CNPJ.

Examples:
    >>> from aneel_rules.documents import cpf, cnpj, cep, phone
    >>> cpf.format("52998224725"), cnpj.format("12abc34501de35")
    ('529.982.247-25', '12.ABC.345/01DE-35')
    >>> cep.uf("69088-315"), phone.format("+55 92 99999-9999")
    ('AM', '(92) 99999-9999')
"""

from __future__ import annotations

from aneel_rules.documents import cep, cnpj, cpf, email, kind, phone, rg, uc, uf
from aneel_rules.documents.kind import DocumentKind, document_kind

__all__ = (
    "cep",
    "cnpj",
    "cpf",
    "email",
    "kind",
    "phone",
    "rg",
    "uc",
    "uf",
    # CPF or CNPJ
    "DocumentKind",
    "document_kind",
)
