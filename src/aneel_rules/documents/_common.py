"""Shared helpers of the document validators (private).

Each document module keeps a ``_MESSAGES`` mapping ``code → English template`` (the
catalog msgid of domain ``documents``) and a private ``_check(s)`` that returns the
canonical compact form, or a :data:`Problem` (``code``, params) without raising, so
that ``is_valid`` never pays for an exception and ``validate`` raises exactly one
:class:`~aneel_rules.errors.FieldError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, NoReturn

from aneel_rules.errors import invalid_in

if TYPE_CHECKING:
    from aneel_rules.legal import Basis

__all__ = (
    "DOMAIN",
    "MAX_INPUT",
    "Problem",
    "fail",
    "masked",
    "not_a_string",
    "oversized",
    "pasted_punctuation",
    "personal",
    "resolve",
    "shape_problem",
)

DOMAIN: Final = "documents"
_invalid: Final = invalid_in(DOMAIN)

MAX_INPUT: Final = 64
"""Longest text a document validator reads (a library limit against abuse).

The longest formatted document (a CNPJ, ``12.ABC.345/01DE-35``) has 18 characters and a
15-digit UC written with separators 20; 64 leaves room for pasted blanks. Longer text is
refused (``invalid_length``) before any normalisation, so ``cpf.validate("1" * 10**7)``
costs as little as a short wrong number. E-mail addresses have their own limit (254).
"""

# Unicode look-alikes of the ASCII punctuation people paste from PDFs, word processors and
# web pages (python-stdnum's ``util.clean`` maps the same families): dashes and minus signs,
# dots, slashes, parentheses, and spaces (no-break, typographic, ideographic, zero-width).
# Only punctuation is mapped: digits and letters outside ASCII are still refused.
_VARIANTS: Final = {
    "-": "\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d",
    ".": "\u00b7\u2024\u2027\u2219\u22c5\ufe52\uff0e",
    "/": "\u2044\u2215\uff0f",
    "(": "\ufe59\uff08",
    ")": "\ufe5a\uff09",
    " ": (
        "\t\n\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
        "\u2008\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff"
    ),
}


def pasted_punctuation(ignored: str) -> dict[int, None]:
    """A ``str.translate`` table deleting ``ignored`` ASCII punctuation and its look-alikes.

    Examples:
        >>> "529\u2024982\u00a0247\u201325".translate(pasted_punctuation(" .-"))
        '52998224725'
        >>> "١٢".translate(pasted_punctuation(" .-"))  # digits are never mapped
        '١٢'
    """
    chars = "".join(ch + _VARIANTS.get(ch, "") for ch in ignored)
    return dict.fromkeys(map(ord, chars))


def oversized(value: str, length: int) -> Problem:
    """The ``invalid_length`` problem of a text longer than :data:`MAX_INPUT` (not read).

    The message quotes the first :data:`MAX_INPUT` characters, :func:`masked`.
    """
    return ("invalid_length", {"value": value[:MAX_INPUT], _PERSONAL: "", "length": str(length)})


Problem = tuple[str, dict[str, str]]
"""A failed check: the stable error code and the template's parameters."""


def fail(
    path: str, messages: Mapping[str, str], problem: Problem, *, basis: Basis | None = None
) -> NoReturn:
    """Raise the :class:`InvalidInputError` for ``problem`` on field ``path``."""
    code, params = resolve(problem)
    raise _invalid(path, code, messages[code], basis=basis, **params)


def not_a_string(value: object) -> Problem:
    """The problem for a non-``str`` input."""
    return ("not_a_string", {"type": type(value).__name__})


_SHAPE: Final = "_shape"
_HIDDEN_AT_LEAST: Final = 6
_SHOWN_AT_MOST: Final = 5
_MASK_AT_MOST: Final = 254  # an e-mail address has at most 254 characters


def masked(value: str) -> str:
    """The quoted value with its letters and digits hidden but the last few (LGPD).

    Personal numbers (CPF, RG, phone) and e-mail addresses end in error messages, and
    messages end in logs, so their errors quote this instead of the value: at least
    six letters or digits are always hidden and at most the last five shown;
    punctuation and blanks stay, so the user can still see which field was meant.
    An e-mail keeps its domain and the first character of its local part.

    Examples:
        >>> masked("529.982.247-25"), masked("(92) 99999-9999"), masked("1234")
        ("'***.***.247-25'", "'(**) ****9-9999'", "'****'")
        >>> masked("ana.souza@example.com")
        "'a********@example.com'"
    """
    if len(value) > _MASK_AT_MOST:
        return masked(value[:MAX_INPUT]) + "…"
    local, at, domain = value.rpartition("@")
    if at:
        return repr(local[:1] + "*" * (len(local) - 1) + at + domain)
    count = sum(ch.isalnum() for ch in value)
    shown = min(_SHOWN_AT_MOST, max(0, count - _HIDDEN_AT_LEAST))
    out, seen = [], 0
    for ch in value:
        if ch.isalnum():
            seen += 1
            out.append(ch if seen > count - shown else "*")
        else:
            out.append(ch)
    return repr("".join(out))


def shape_problem(
    original: str, compacted: str, allowed: str, length: int, *, personal: bool = False
) -> Problem:
    """A compacted value that is not ``length`` characters of ``allowed`` (diagnosed lazily).

    ``is_valid`` only needs to know that the value failed; :func:`resolve` (called by
    :func:`fail`) works out which shape rule it breaks. ``personal`` quotes the value
    :func:`masked` in the message.
    """
    return (
        _SHAPE,
        {
            "original": original,
            "compacted": compacted,
            "allowed": allowed,
            "length": str(length),
            **({_PERSONAL: ""} if personal else {}),
        },
    )


_PERSONAL: Final = "_personal"


def personal(value: str) -> dict[str, str]:
    """Parameters quoting ``value`` :func:`masked` — worked out only when the error is raised.

    Building the mask costs more than a check, and ``is_valid`` never shows it.
    """
    return {"value": value, _PERSONAL: ""}


def resolve(problem: Problem) -> Problem:
    """The specific problem behind a :func:`shape_problem`; :func:`personal` values masked.

    The checks run from the most to the least specific: empty, non-ASCII digits
    (Arabic-Indic, full-width…), other characters outside ``allowed``, then length.
    """
    code, params = problem
    if _PERSONAL in params and code != _SHAPE:
        return (
            code,
            {k: (masked(v) if k == "value" else v) for k, v in params.items() if k != _PERSONAL},
        )
    if code != _SHAPE:
        return problem
    compacted = params["compacted"]
    original = params["original"]
    value = masked(original) if _PERSONAL in params else repr(original)
    if not compacted:
        return ("empty", {})
    if any(c.isdigit() and not c.isascii() for c in compacted):
        return ("non_ascii_digits", {"value": value})
    bad = next((c for c in compacted if c not in params["allowed"]), None)
    if bad is not None:
        return ("invalid_format", {"value": value, "char": repr(bad)})
    return ("invalid_length", {"value": value, "length": params["length"]})
