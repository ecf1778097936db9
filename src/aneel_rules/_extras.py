"""Optional extras (dependências opcionais), imported only when a function needs them.

``import aneel_rules`` never imports numpy, pandas, pyarrow, dask, matplotlib or tqdm; the
modules that use them call :func:`require` at run time, which raises
:class:`MissingExtraError` naming the extra to install when the package is absent.

Examples:
    >>> require("math", extra="frames").__name__
    'math'
    >>> require("aneel_rules_no_such_package", extra="plot")
    Traceback (most recent call last):
    ...
    aneel_rules._extras.MissingExtraError: aneel_rules_no_such_package is not installed: pip ...
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Final

from aneel_rules.errors import AneelRulesError

__all__ = ("DOMAIN", "TEXTS", "MissingExtraError", "require")

DOMAIN: Final = "messages"
_MISSING: Final = "{module} is not installed: pip install 'aneel-rules[{extra}]'"
TEXTS: Final = (_MISSING,)
"""Every text of this module (English msgids of the ``messages`` catalog)."""


class MissingExtraError(AneelRulesError, ImportError):
    """An optional extra needed by the function called is not installed (``.extra``)."""

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        super().__init__(self.message_in("en"))

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``"pt_BR"`` or ``"en"``)."""
        from aneel_rules.i18n import translate  # noqa: PLC0415 (babel is heavy)

        return translate(_MISSING, domain=DOMAIN, lang=lang).format(
            module=self.module, extra=self.extra
        )


def require(module: str, *, extra: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(module.partition(".")[0], extra) from exc
