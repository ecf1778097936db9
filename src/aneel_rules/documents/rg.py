"""RG (Registro Geral, the state identity card) as issued: number, issuing body and UF.

Each state identification institute numbers its own cards, so there is no
national RG layout and no universal check digit (some states, e.g. São Paulo,
print one that may be ``X``). :func:`validate` therefore checks only the shape of
the number part: 4 to 14 ASCII digits (bounds chosen by this library, not fixed
by any norm), optionally ending in a check character ``X``; punctuation (``.``,
``-``, ``/``) and spaces are ignored, with their Unicode look-alikes. The card is identified
by the number *together with* the issuing body (órgão emissor) and the UF that
issued it, which :class:`Rg` keeps side by side. :data:`COMMON_ISSUERS` lists the
usual issuing-body abbreviations, including the ``CONSELHO - OUTROS`` option of
the Amazonas Energia portal; it is **not exhaustive**, and :func:`validate_issuer`
accepts any other abbreviation made of letters.

REN 1.000/2021, art. 659-B (included by REN 1.095/2024) makes the CPF or CNPJ
sufficient to identify a consumer and forbids requiring any other number *for that
purpose*; an RG collected for other reasons is outside this module's scope.

Examples:
    >>> validate("12.345.678-X")
    '12345678X'
    >>> Rg("1234567-8", "ssp", uf="am")
    Rg(number='******78', issuer='SSP', uf='AM', issued_on=None)
    >>> COMMON_ISSUERS["IFP"]
    'Instituto Félix Pacheco (RJ)'
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

import attrs

from aneel_rules.documents import uf as _uf
from aneel_rules.documents._common import (
    MAX_INPUT,
    Problem,
    fail,
    not_a_string,
    oversized,
    pasted_punctuation,
    personal,
    resolve,
    shape_problem,
)
from aneel_rules.errors import InvalidInputError

__all__ = (
    "COMMON_ISSUERS",
    "Rg",
    "compact",
    "format",
    "is_valid",
    "validate",
    "validate_issuer",
)

_PATH: Final = "rg"
_MESSAGES: Final = {
    "not_a_string": "RG must be text, not {type}",
    "empty": "RG is empty",
    "non_ascii_digits": "RG {value} contains non-ASCII digits (use 0-9)",
    "invalid_format": "RG {value} contains the invalid character {char}",
    "invalid_length": "RG {value} must have 4 to {length} characters",
    "issuer_not_a_string": "RG issuing body must be text, not {type}",
    "issuer_empty": "RG issuing body is empty",
    "invalid_issuer": (
        "RG issuing body {value} must be an abbreviation in letters (2 to 40 characters)"
    ),
    "issued_on_not_a_date": "RG date of issue must be a date, not {type}",
}
_STRIP: Final = pasted_punctuation(" .-/")
_ALLOWED: Final = "0123456789X"
_MIN: Final = 4
_MAX: Final = 14
_ISSUER_PUNCTUATION: Final = frozenset(" -/.")

COMMON_ISSUERS: Final = {
    "SSP": "Secretaria de Segurança Pública",
    "SESP": "Secretaria de Estado da Segurança Pública",
    "SDS": "Secretaria de Defesa Social",
    "PC": "Polícia Civil",
    "IFP": "Instituto Félix Pacheco (RJ)",
    "IIRGD": "Instituto de Identificação Ricardo Gumbleton Daunt (SP)",
    "DETRAN": "Departamento Estadual de Trânsito",
    "DPF": "Departamento de Polícia Federal",
    "PM": "Polícia Militar",
    "CBM": "Corpo de Bombeiros Militar",
    "EB": "Exército Brasileiro",
    "MB": "Marinha do Brasil",
    "COMAER": "Comando da Aeronáutica",
    "OAB": "Ordem dos Advogados do Brasil",
    "CREA": "Conselho Regional de Engenharia e Agronomia",
    "CONSELHO - OUTROS": "Conselho profissional ou outro órgão (portal Amazonas Energia)",
}
"""Usual issuing bodies (órgão emissor) by abbreviation. Not exhaustive."""


def compact(s: str) -> str:
    """The RG number upper-cased, without punctuation or spaces (not validated)."""
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return _ascii_upper(s.translate(_STRIP).strip())


def _ascii_upper(text: str) -> str:
    """Upper case for ASCII text only (no look-alike letter becomes an ``X``)."""
    return text.upper() if text.isascii() else text


def _check(s: object) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, _MAX)
    n = _ascii_upper(s.translate(_STRIP).strip())
    body = n.removesuffix("X")
    if not _MIN <= len(n) <= _MAX or not body.isascii() or not body.isdigit():
        problem = resolve(shape_problem(s, n, _ALLOWED, _MAX, personal=True))
        if problem[0] == "invalid_length" and "X" in body:  # an X that is not the last
            return ("invalid_format", {**personal(s), "char": repr("X")})
        return problem
    return n


def validate(s: str) -> str:
    """The compact RG number (4 to 14 characters: digits, optionally a final ``X``).

    Raises:
        InvalidInputError: one error on path ``"rg"``, code ``not_a_string``,
            ``empty``, ``non_ascii_digits``, ``invalid_format`` or ``invalid_length``.

    Examples:
        >>> validate(" 999999999 ")
        '999999999'
    """
    result = _check(s)
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object) -> bool:
    """Whether ``s`` has the shape of an RG number; never raises."""
    return isinstance(_check(s), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The compact RG number (each state punctuates its own way)."""
    return validate(s)


def _check_issuer(s: object) -> str | Problem:
    if not isinstance(s, str):
        return ("issuer_not_a_string", {"type": type(s).__name__})
    if len(s) > MAX_INPUT:  # read no further (a sanity bound of ours)
        return ("invalid_issuer", {"value": repr(s[:MAX_INPUT]) + "…"})
    spaced = " ".join(s.split())
    if not spaced:
        return ("issuer_empty", {})
    # Look-alikes: a letter that upper-cases into ASCII or into several letters ("ſ" → "S",
    # "ß" → "SS", "ﬁ" → "FI") is refused rather than turned into another abbreviation.
    if any(not c.isascii() and (c.upper().isascii() or len(c.upper()) != 1) for c in spaced):
        return ("invalid_issuer", {"value": repr(s)})
    text = spaced.upper()
    letters = sum(c.isalpha() for c in text)
    if (
        letters < 2  # the shortest abbreviations (PC, PM, EB) have two letters
        or len(text) > 40  # a sanity bound of ours, not a rule of any norm
        or not all(c.isalpha() or c in _ISSUER_PUNCTUATION for c in text)
    ):
        return ("invalid_issuer", {"value": repr(s)})
    return text


def validate_issuer(s: str) -> str:
    """The issuing body normalised (upper case, single spaces).

    Any abbreviation of letters (with spaces, ``-``, ``/`` or ``.``) is accepted,
    since :data:`COMMON_ISSUERS` is not exhaustive.

    Raises:
        InvalidInputError: one error on path ``"rg.issuer"``, code
            ``issuer_not_a_string``, ``issuer_empty`` or ``invalid_issuer``.

    Examples:
        >>> validate_issuer(" conselho  -  outros ")
        'CONSELHO - OUTROS'
    """
    result = _check_issuer(s)
    if not isinstance(result, str):
        fail("rg.issuer", _MESSAGES, result)
    return result


def _repath(error: InvalidInputError, path: str) -> InvalidInputError:
    return InvalidInputError(attrs.evolve(e, path=path) for e in error.errors)


def _number(value: str) -> str:
    try:
        return validate(value)
    except InvalidInputError as exc:
        raise _repath(exc, "rg.number") from None


def _uf_code(value: str) -> str:
    try:
        return _uf.validate(value)
    except InvalidInputError as exc:
        raise _repath(exc, "rg.uf") from None


def _check_issued_on(_inst: object, _attr: object, value: date | None) -> None:
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        fail("rg.issued_on", _MESSAGES, ("issued_on_not_a_date", {"type": type(value).__name__}))


def _mask(number: str) -> str:
    """LGPD: show only the last two characters."""
    return repr("*" * (len(number) - 2) + number[-2:])


def _mask_date(value: date | None) -> str:
    """LGPD: the date of issue, with the number, narrows down a person; never shown."""
    return "None" if value is None else "'***'"


@attrs.frozen
class Rg:
    """An RG as issued (carteira de identidade): number, issuing body, UF and date of issue.

    The number and the date of issue are masked in ``repr`` (LGPD, Lei 13.709/2018).
    Whether the date of issue lies in the past depends on the day asked, so callers
    check it (the portal does, against its ``today``).

    Attributes:
        number: Compact number, see :func:`validate` (errors on path ``"rg.number"``).
        issuer: Issuing body, see :func:`validate_issuer` (``"rg.issuer"``).
        uf: UF of issue (``"rg.uf"``).
        issued_on: Date of issue, if known (``"rg.issued_on"``).

    Examples:
        >>> card = Rg("12.345.678-x", "SSP", uf="SP", issued_on=date(2020, 5, 4))
        >>> card.number, card.issuer, card.uf
        ('12345678X', 'SSP', 'SP')
    """

    number: str = attrs.field(converter=_number, repr=_mask)
    issuer: str = attrs.field(converter=validate_issuer)
    uf: str = attrs.field(kw_only=True, converter=_uf_code)
    issued_on: date | None = attrs.field(
        kw_only=True, default=None, validator=_check_issued_on, repr=_mask_date
    )
