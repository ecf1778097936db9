"""Optional extras (dependências opcionais): lazy imports and the error for a missing one.

The core never imports numpy, pandas, pyarrow, dask, matplotlib or tqdm. A public function
that needs one imports its private implementation module inside ``with needs("frames"):``;
when a module of the extra is missing the block raises :class:`MissingExtraError` naming
the extra to install (``pip install aneel-rules[frames]``) instead of ``ModuleNotFoundError``.
:func:`require` checks the same up front without importing anything, so that a command
refuses a missing extra before it computes or prints anything.

Examples:
    >>> err = MissingExtraError("frames", "numpy", feature="post_codes")
    >>> str(err)
    'post_codes needs the optional extra frames: pip install aneel-rules[frames] (missing numpy)'
    >>> err.code, err.extra
    ('missing_extra', 'frames')
"""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import ClassVar, Final

from aneel_rules.errors import AneelRulesError

__all__ = ("EXTRAS", "MissingExtraError", "needs", "require")

EXTRAS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "frames": ("numpy", "pandas", "pyarrow"),
        "dask": ("dask", "distributed", "numpy", "pandas", "pyarrow"),
        "plot": ("matplotlib",),
        "progress": ("tqdm",),
    }
)
"""Top-level modules of each optional extra declared in ``pyproject.toml``."""

DOMAIN: Final = "frames"
_TEMPLATE: Final = (
    "{feature} needs the optional extra {extra}: pip install aneel-rules[{extra}] "
    "(missing {module})"
)


class MissingExtraError(AneelRulesError, ImportError):
    """An optional extra needed by the call is not installed (dependência opcional ausente).

    Attributes:
        extra: Name of the extra (``"frames"``, ``"dask"``, ``"plot"``, ``"progress"``).
        module: The top-level module that could not be imported.
        code: ``"missing_extra"``.
        template: English message template (catalog msgid, domain ``frames``).
        params: Values of the placeholders.
        basis: Empty: no rule of the norm is broken.
    """

    default_code: ClassVar[str] = "missing_extra"

    def __init__(self, extra: str, module: str, *, feature: str = "this function") -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            _TEMPLATE,
            domain=DOMAIN,
            params={"extra": extra, "feature": feature, "module": module},
        )
        self.name = module  # ImportError's attribute


@contextlib.contextmanager
def needs(extra: str, *, feature: str = "this function") -> Iterator[None]:
    """Turn a missing module of ``extra`` imported inside the block into :class:`MissingExtraError`.

    Raises:
        MissingExtraError: a module of the extra is not installed.
    """
    try:
        yield
    except ModuleNotFoundError as exc:
        root = (exc.name or "").partition(".")[0]
        if root not in EXTRAS[extra]:
            raise
        raise MissingExtraError(extra, root, feature=feature) from exc


def _findable(module: str) -> bool:
    """Whether top-level ``module`` can be imported, without importing it."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a broken install, or a module with no spec
        return False


def require(
    extra: str, *, feature: str = "this function", modules: Iterable[str] | None = None
) -> None:
    """Refuse early: raise unless ``modules`` of ``extra`` (all of them by default) are installed.

    Nothing is imported (``importlib.util.find_spec`` on top-level names only), so the
    check costs little and can run before any work.

    Examples:
        >>> require("frames", modules=())  # nothing asked, nothing missing
        >>> try:
        ...     require("plot", modules=("no_such_module_here",))
        ... except MissingExtraError as exc:
        ...     print(exc.code, exc.extra, exc.module)
        missing_extra plot no_such_module_here

    Raises:
        MissingExtraError: a module of the extra is not installed (the first one missing).
    """
    for module in EXTRAS[extra] if modules is None else modules:
        if not _findable(module):
            raise MissingExtraError(extra, module, feature=feature)
