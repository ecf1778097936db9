"""E-mail address (endereço de e-mail): syntax only, no DNS.

A pragmatic subset of RFC 5321/5322 that mail systems accept in practice:

- at most 254 characters in all (RFC 5321 § 4.5.3.1.3 with RFC 3696 erratum 1690),
  at most 64 in the local part (§ 4.5.3.1.1);
- the local part is a *dot-atom* (letters, digits and ``!#$%&'*+/=?^_`{|}~-``,
  dots only between characters); quoted local parts are not accepted;
- the domain is a host name of at least two labels of 1–63 letters, digits or
  hyphens (no hyphen at either end) and a top-level label starting with a letter
  (its own limit of 253 characters follows from the 254 in all); address literals
  (``[192.0.2.1]``) are not accepted;
- ASCII only: internationalised addresses (SMTPUTF8) are rejected.

The domain is lower-cased (domains are case-insensitive); the local part is kept
as typed (RFC 5321 § 2.4 lets the receiving host treat it case-sensitively).

Sources:
    - RFC 5321 (SMTP), §§ 2.4, 4.1.2, 4.5.3.1; RFC 5322, § 3.2.3 (atext) and § 3.4.1;
      RFC 1035, § 2.3.1 (labels).

Examples:
    >>> validate(" Maria.Silva+conta@Exemplo.COM.br ")
    'Maria.Silva+conta@exemplo.com.br'
    >>> is_valid("maria@exemplo"), is_valid("maria..silva@exemplo.com")
    (False, False)
"""

from __future__ import annotations

import re
from typing import Final

from aneel_rules.documents._common import Problem, fail, not_a_string, personal

__all__ = ("compact", "format", "is_valid", "validate")

_PATH: Final = "email"
_MESSAGES: Final = {
    "not_a_string": "e-mail must be text, not {type}",
    "empty": "e-mail is empty",
    "too_long": "e-mail {value} is longer than 254 characters",
    "non_ascii": "e-mail {value} contains non-ASCII characters",
    "contains_whitespace": "e-mail {value} contains spaces",
    "missing_at": "e-mail {value} must have exactly one @",
    "local_too_long": "e-mail {value} has more than 64 characters before the @",
    "invalid_local_part": "e-mail {value} has an invalid part before the @",
    "invalid_domain": "e-mail {value} has an invalid domain",
}
_MAX_INPUT: Final = 1024
_ATEXT: Final = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL: Final = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_TLD: Final = r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_LOCAL: Final = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*", re.ASCII)
_DOMAIN: Final = re.compile(rf"(?:{_LABEL}\.)+{_TLD}", re.ASCII)
_ADDRESS: Final = re.compile(
    rf"(?=[^@]{{1,64}}@){_ATEXT}(?:\.{_ATEXT})*@(?:{_LABEL}\.)+{_TLD}",
    re.ASCII,
)


def compact(s: str) -> str:
    """The address without surrounding whitespace (not validated)."""
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return s.strip()


def _check(s: object) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > _MAX_INPUT:  # read no further: even blanks around cannot make it fit
        return ("too_long", personal(s))
    n = s.strip()
    if len(n) <= 254 and _ADDRESS.fullmatch(n) is not None:
        local, _, domain = n.rpartition("@")
        return f"{local}@{domain.lower()}"
    return _diagnose(s, n)


def _diagnose(s: str, n: str) -> Problem:
    value = personal(s)
    if not n:
        return ("empty", {})
    if len(n) > 254:
        return ("too_long", value)
    if not n.isascii():
        return ("non_ascii", value)
    if any(c.isspace() for c in n):
        return ("contains_whitespace", value)
    if n.count("@") != 1:
        return ("missing_at", value)
    local = n.partition("@")[0]
    if len(local) > 64:
        return ("local_too_long", value)
    if _LOCAL.fullmatch(local) is None:
        return ("invalid_local_part", value)
    # Domain: labels of 1-63 characters (RFC 1035 § 2.3.1; RFC 5321 § 4.1.2).
    return ("invalid_domain", value)


def validate(s: str) -> str:
    """The address with its domain lower-cased, if its syntax is valid.

    Raises:
        InvalidInputError: one error on path ``"email"``, code ``not_a_string``,
            ``empty``, ``too_long``, ``non_ascii``, ``contains_whitespace``,
            ``missing_at``, ``local_too_long``, ``invalid_local_part`` or
            ``invalid_domain``.
    """
    result = _check(s)
    if not isinstance(result, str):
        fail(_PATH, _MESSAGES, result)
    return result


def is_valid(s: object) -> bool:
    """Whether ``s`` is a syntactically valid address; never raises."""
    return isinstance(_check(s), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The address as :func:`validate` returns it (domain lower-cased)."""
    return validate(s)
