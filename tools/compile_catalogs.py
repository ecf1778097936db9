"""Compile every ``.po`` catalog under ``src/aneel_rules/locale`` into its ``.mo`` (babel).

Run ``make catalogs`` after editing a ``.po`` file; the test suite fails when a
committed ``.mo`` is out of date, has fuzzy entries or misses a translation.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "aneel_rules" / "locale"


def compile_po(po_path: Path) -> bytes:
    """The ``.mo`` bytes for one ``.po`` file (fuzzy entries are never used)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def po_messages(po_path: Path) -> dict[str, str]:
    """``msgid → msgstr`` of a ``.po`` file (header excluded)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    return {str(m.id): str(m.string) for m in catalog if m.id and not m.fuzzy}


def mo_messages(mo_path: Path) -> dict[str, str]:
    """``msgid → msgstr`` of a compiled ``.mo`` file (header excluded)."""
    with mo_path.open("rb") as handle:
        catalog = read_mo(handle)
    return {str(m.id): str(m.string) for m in catalog if m.id}


def problems(po_path: Path) -> list[str]:
    """Untranslated or fuzzy entries of one catalog."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            found.append(f"{po_path.name}: fuzzy: {message.id!r}")
        if not message.string:
            found.append(f"{po_path.name}: untranslated: {message.id!r}")
    return found


def main() -> int:
    errors: list[str] = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        errors.extend(problems(po_path))
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_messages(mo_path) == po_messages(po_path):
            continue  # up to date: leave the committed bytes alone
        mo_path.write_bytes(compile_po(po_path))
        print(f"compiled {po_path.relative_to(LOCALE_DIR)}")
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
