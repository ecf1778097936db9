"""Sub-commands of ``aneel-rules`` for the billing-cycle rules."""

from __future__ import annotations

import argparse

from aneel_rules._cli_common import ArgumentParser

__all__ = ("register",)


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add this module's sub-commands (none yet)."""
    del subparsers
