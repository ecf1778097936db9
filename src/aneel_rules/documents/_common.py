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

from aneel_rules.errors import FieldError, InvalidInputError

if TYPE_CHECKING:
    from aneel_rules.legal import Basis

__all__ = (
    "DOMAIN",
    "Problem",
    "fail",
    "masked",
    "personal",
    "not_a_string",
    "resolve",
    "shape_problem",
)

DOMAIN: Final = "documents"

Problem = tuple[str, dict[str, str]]
"""A failed check: the stable error code and the template's parameters."""


def fail(
    path: str, messages: Mapping[str, str], problem: Problem, *, basis: Basis | None = None
) -> NoReturn:
    """Raise the :class:`InvalidInputError` for ``problem`` on field ``path``."""
    code, params = resolve(problem)
    error = FieldError(
        path=path, code=code, template=messages[code], params=params, domain=DOMAIN, basis=basis
    )
    raise InvalidInputError((error,))


def not_a_string(value: object) -> Problem:
    """The problem for a non-``str`` input."""
    return ("not_a_string", {"type": type(value).__name__})


_SHAPE: Final = "_shape"
_HIDDEN_AT_LEAST: Final = 6
_SHOWN_AT_MOST: Final = 5


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
