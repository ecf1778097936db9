"""Collection rules for the whole repository (src and docs doctests, tests).

Without the ``frames`` extra (``make test-core``) the doctests of ``aneel_rules.frames`` and
of ``docs/frames.md`` are not collected; the tests that need an extra skip themselves.
"""

from __future__ import annotations

import importlib.util

_FRAMES = ("numpy", "pandas", "pyarrow")

collect_ignore_glob: list[str] = []
if not all(importlib.util.find_spec(module) is not None for module in _FRAMES):
    collect_ignore_glob += ["src/aneel_rules/frames/*", "docs/frames.md"]
