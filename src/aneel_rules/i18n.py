"""Message catalogs (catálogos de mensagens): Portuguese by default, English on request.

Messages are written in English in the code (the catalog ``msgid``) and
translated to Brazilian Portuguese by gettext catalogs compiled into the
package (``aneel_rules/locale/pt_BR/LC_MESSAGES/<domain>.mo``, built from the
``.po`` sources by ``tools/compile_catalogs.py``). Catalogs are read-only
package data, read with the standard library's :mod:`gettext` on first use and memoised;
nothing else is read (babel, which is heavy to import, is only needed to format numbers and
dates: :mod:`aneel_rules._format`).

Examples:
    >>> translate("{field} is required", domain="messages", lang="pt_BR")
    '{field} é obrigatório'
    >>> translate("{field} is required", domain="messages", lang="en")
    '{field} is required'
    >>> normalize_lang("pt-BR"), normalize_lang("EN")
    ('pt_BR', 'en')
"""

from __future__ import annotations

import functools
import gettext
import pkgutil
from io import BytesIO
from typing import Final

from aneel_rules._convert import masked
from aneel_rules.errors import InvalidInputError

__all__ = ("DEFAULT_LANG", "SUPPORTED_LANGS", "normalize_lang", "translate")

DEFAULT_LANG: Final = "pt_BR"
SUPPORTED_LANGS: Final = ("pt_BR", "en")
_ALIASES: Final = {
    "pt": "pt_BR",
    "pt_br": "pt_BR",
    "pt-br": "pt_BR",
    "en": "en",
    "en_us": "en",
    "en-us": "en",
    "en_gb": "en",
    "en-gb": "en",
}


def normalize_lang(lang: str) -> str:
    """Canonical language code (``"pt_BR"`` or ``"en"``) for a user-supplied one.

    Raises:
        InvalidInputError: the language is not supported.
    """
    canonical = _ALIASES.get(lang.strip().lower()) if isinstance(lang, str) else None
    if canonical is None:
        raise InvalidInputError.single(
            "lang",
            "unsupported_language",
            "language {value} is not supported (use pt_BR or en)",
            value=masked(lang),
        )
    return canonical


@functools.cache
def _catalog(domain: str, lang: str) -> gettext.NullTranslations:
    # pkgutil reads package data through the package's loader (zip-safe), and imports in
    # well under a millisecond where importlib.resources takes tens (the CLI's cold start)
    try:
        data = pkgutil.get_data("aneel_rules", f"locale/{lang}/LC_MESSAGES/{domain}.mo")
    except OSError:
        data = None
    if data is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(BytesIO(data))


def translate(message: str, *, domain: str, lang: str = DEFAULT_LANG) -> str:
    """Translate a catalog message (its English ``msgid``) into ``lang``.

    English returns the message unchanged. A message missing from the catalog is
    returned in English (gettext semantics); the test suite checks that every
    message the library emits has a Portuguese translation.
    """
    canonical = normalize_lang(lang)
    if canonical == "en":
        return message
    return _catalog(domain, canonical).gettext(message)
