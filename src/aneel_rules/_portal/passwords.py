"""Password policy of the user registration (política de senha), private.

The portal manual (item 1.7) asks the user to "cadastrar uma senha" and states no rule;
the library follows OWASP ASVS 4.0.3, V2.1 "Password Security":

- 2.1.1: at least 12 characters, after runs of blanks are combined (a portal may lower
  it to 8, the floor of NIST SP 800-63B § 5.1.1.2; ``password_min_length``);
- 2.1.2: at most 128 characters;
- 2.1.7: not a known common or breached password: a bundled list of 8 354 common
  passwords (``data/common_passwords.txt``, from Django's list, BSD licence; see
  ``data/README.md``), compared ignoring case;
- and, as ASVS 2.1.7 and NIST ask for context-specific words: not one character
  repeated, not containing the holder's CPF/CNPJ however it is punctuated or spaced,
  not the e-mail address nor its part before ``@``.

Examples:
    >>> is_common("Password123"), is_common("luz-do-rio-negro")
    (True, False)
    >>> contains_document("Ana#529 982 247/25", "52998224725")
    True
"""

from __future__ import annotations

import functools
import pkgutil
import re
from typing import Final

__all__ = (
    "MAX_LENGTH",
    "MIN_LENGTH",
    "POLICY_BASIS",
    "PORTAL_MIN_LENGTH",
    "common_passwords",
    "contains_document",
    "is_common",
    "length",
)

MIN_LENGTH: Final = 12
"""Default minimum (OWASP ASVS 4.0.3, 2.1.1)."""

PORTAL_MIN_LENGTH: Final = 8
"""Lowest minimum a portal may set (NIST SP 800-63B, § 5.1.1.2)."""

MAX_LENGTH: Final = 128
"""Maximum (OWASP ASVS 4.0.3, 2.1.2: at least 64 allowed, at most 128)."""

POLICY_BASIS: Final = "OWASP ASVS 4.0.3, V2.1 (2.1.1, 2.1.2, 2.1.7); NIST SP 800-63B, § 5.1.1.2"
"""The standards behind the policy (the manual states none)."""

_BLANKS: Final = re.compile(r"\s+")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The bundled common passwords, lower case (read once from package data)."""
    # pkgutil reads it through the package's loader, like importlib.resources, without
    # importing importlib.resources (pathlib, tempfile…) when the module is imported
    data = pkgutil.get_data("aneel_rules._portal", "data/common_passwords.txt")
    if data is None:  # a loader that cannot read data: the package is broken
        raise AssertionError("aneel_rules._portal: data/common_passwords.txt not found")
    return frozenset(filter(None, data.decode("utf-8").split("\n")))


def is_common(password: str) -> bool:
    """Whether ``password`` is on the bundled list, ignoring case and surrounding blanks."""
    return password.strip().lower() in common_passwords()


def length(password: str) -> int:
    """Characters counted as ASVS 2.1.1 counts them: runs of blanks count as one."""
    return len(_BLANKS.sub(" ", password))


def contains_document(password: str, document: str) -> bool:
    """Whether the letters and digits of ``password`` contain the compact ``document``.

    Punctuation, blanks and case are ignored (``529.982.247-25``, ``529 982 247 25``…).
    """
    letters = "".join(ch for ch in password if ch.isalnum()).casefold()
    return bool(document) and document.casefold() in letters
