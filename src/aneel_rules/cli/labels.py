"""Labels of library values printed by more than one command, in the command's language."""

from __future__ import annotations

from typing import Final

from aneel_rules._connection.metering import MeteringReason

__all__ = ("reason_label",)

_REASONS_EN: Final = {
    MeteringReason.SINGLE_TRANSFORMER_ABOVE_300_KVA: (
        "substation with a single transformer above 300 kVA"
    ),
    MeteringReason.MORE_THAN_ONE_TRANSFORMER: "installation with more than one transformer",
    MeteringReason.SECONDARY_NOT_220_127: "transformer(s) with a secondary voltage other than "
    "220/127 V",
}


def reason_label(reason: MeteringReason, lang: str) -> str:
    """The reason in ``lang`` (the enum value is the manual's Portuguese wording)."""
    return _REASONS_EN[reason] if lang == "en" else reason.value
