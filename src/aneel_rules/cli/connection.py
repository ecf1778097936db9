"""Sub-commands of ``aneel-rules`` for the connection rules: ``deadline`` and ``metering``.

Examples (output in Portuguese by default)::

    aneel-rules deadline budget --requested 2026-03-04 --voltage-kv 13,8 --works --uf AM
    aneel-rules deadline inspection --notice 2026-03-04 --voltage-kv 0,22
    aneel-rules metering --transformer 300:220/127 --transformer 150:380/220
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Final

from aneel_rules._connection.budget import (
    BudgetNotIssuedError,
    GenerationKind,
    explain_connection_budget_deadline,
    explain_inspection_deadline,
)
from aneel_rules._connection.deadlines import DeadlineDecision, DeadlineUnit
from aneel_rules._format import format_date
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.cli.common import (
    ArgTypeError,
    ArgumentParser,
    Console,
    LangReader,
    add_command,
    add_lang_option,
    date_arg,
)
from aneel_rules.cli.numbers import decimal_arg, parse_number
from aneel_rules.errors import InvalidInputError
from aneel_rules.legal import cite

if TYPE_CHECKING:  # the metering rules are imported by ``metering`` only, not ``deadline``
    from aneel_rules._connection.metering import Transformer

__all__ = ("TEXTS", "register")

DOMAIN: Final = "connection"

_BAD_TRANSFORMER: Final = "invalid transformer {value} (use KVA:SECONDARY, e.g. 300:220/127)"
TEXTS: Final = (
    _BAD_TRANSFORMER,
    "days",
    "business days",
    "hours",
    "Legal basis: {basis}",
    "Counting: {basis}",
    "No connection budget: the distributor performs the vistoria and installs the meter (art. 91).",
    "Connection budget due on {due} ({amount} {unit})",
    "Vistoria and meter installation due on {due} ({amount} {unit})",
    "Primary-voltage (MT) metering is required:",
    "Primary-voltage (MT) metering is not required.",
    "Basis: {basis}",
    "Related: {basis}",
)
"""Every text these commands print (English msgids of the ``connection`` catalog)."""


@LangReader
def _transformer(value: str, lang: str) -> Transformer:
    from aneel_rules._connection.metering import Transformer  # noqa: PLC0415

    power, sep, voltage = value.partition(":")
    if not sep:
        raise ArgTypeError(_BAD_TRANSFORMER, domain=DOMAIN, value=repr(value))
    try:
        return Transformer(parse_number(power, lang), voltage)
    except InvalidInputError as exc:
        raise ArgTypeError.from_invalid(exc) from exc


def _calendar(args: argparse.Namespace) -> BusinessCalendar:
    return BusinessCalendar(
        subdiv=args.uf, optional=args.optional_holidays, extra_holidays=args.holiday
    )


def _print_deadline(decision: DeadlineDecision, console: Console, title: str) -> None:
    unit = {
        DeadlineUnit.CALENDAR_DAYS: console.t("days", domain=DOMAIN),
        DeadlineUnit.BUSINESS_DAYS: console.t("business days", domain=DOMAIN),
        DeadlineUnit.HOURS: console.t("hours", domain=DOMAIN),
    }[decision.unit]
    console.line(
        console.t(
            title,
            domain=DOMAIN,
            due=format_date(
                decision.due, console.lang, style="medium" if console.lang == "en" else "short"
            ),
            amount=decision.amount,
            unit=unit,
        )
    )
    console.line(console.t("Legal basis: {basis}", domain=DOMAIN, basis=decision.basis[0]))
    console.line(
        console.t(
            "Counting: {basis}",
            domain=DOMAIN,
            basis="; ".join(str(b) for b in decision.basis[1:]),
        )
    )


def _budget(args: argparse.Namespace, console: Console) -> int:
    try:
        decision = explain_connection_budget_deadline(
            args.requested,
            voltage_kv=args.voltage_kv,
            works_needed=args.works,
            generation=args.generation,
            calendar=_calendar(args),
            new_connection=args.new_connection,
        )
    except BudgetNotIssuedError as exc:
        console.line(
            console.t(
                "No connection budget: the distributor performs the vistoria and installs "
                "the meter (art. 91).",
                domain=DOMAIN,
            )
        )
        console.line(console.t("Legal basis: {basis}", domain=DOMAIN, basis=cite(exc.basis)))
        return 0
    _print_deadline(decision, console, "Connection budget due on {due} ({amount} {unit})")
    return 0


def _inspection(args: argparse.Namespace, console: Console) -> int:
    decision = explain_inspection_deadline(
        args.notice, voltage_kv=args.voltage_kv, calendar=_calendar(args)
    )
    _print_deadline(
        decision, console, "Vistoria and meter installation due on {due} ({amount} {unit})"
    )
    return 0


def _metering(args: argparse.Namespace, console: Console) -> int:
    from aneel_rules._connection.metering import primary_metering_required  # noqa: PLC0415
    from aneel_rules.cli.labels import reason_label  # noqa: PLC0415

    decision = primary_metering_required(args.transformer)
    if decision.required:
        console.line(console.t("Primary-voltage (MT) metering is required:", domain=DOMAIN))
        for reason in decision.reasons:
            console.line(f"- {reason_label(reason, console.lang)}")
    else:
        console.line(console.t("Primary-voltage (MT) metering is not required.", domain=DOMAIN))
    console.line(console.t("Basis: {basis}", domain=DOMAIN, basis=cite(decision.basis)))
    console.line(
        console.t(
            "Related: {basis}",
            domain=DOMAIN,
            basis="; ".join(str(b) for b in decision.related),
        )
    )
    return 0


def _add_calendar_options(parser: ArgumentParser) -> None:
    # --lang is also accepted after the kind ("deadline budget ... --lang en").
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.add_argument(
        "--voltage-kv", type=decimal_arg, required=True, help="connection voltage in kV"
    )
    parser.add_argument("--uf", default=None, help="also count this state's holidays (e.g. AM)")
    parser.add_argument(
        "--holiday",
        action="append",
        type=date_arg,
        default=[],
        help="an extra non-business day (municipal holiday), YYYY-MM-DD; repeatable",
    )
    parser.add_argument(
        "--optional-holidays",
        action="store_true",
        help="also count the optional days of holidays.Brazil (Carnival, Corpus Christi…)",
    )


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add ``deadline`` (``budget``, ``inspection``) and ``metering``."""
    deadline = add_command(
        subparsers,
        "deadline",
        handler=lambda _args, _console: 2,
    )
    kinds = deadline.add_subparsers(dest="kind", metavar="KIND", parser_class=ArgumentParser)
    kinds.required = True

    budget = kinds.add_parser("budget", help="connection budget (art. 64)")
    budget.add_argument("--requested", required=True, type=date_arg, help="YYYY-MM-DD")
    budget.add_argument("--works", action="store_true", help="works on the network are needed")
    budget.add_argument(
        "--generation",
        choices=[g.name.lower() for g in GenerationKind],
        default=None,
        help="distributed generation at the unit",
    )
    budget.add_argument(
        "--new-connection", action="store_true", help="a new connection (art. 64, § 1º check)"
    )
    _add_calendar_options(budget)
    budget.set_defaults(handler=_budget)

    inspection = kinds.add_parser("inspection", help="vistoria and meter installation (art. 91)")
    inspection.add_argument("--notice", required=True, type=date_arg, help="YYYY-MM-DD")
    _add_calendar_options(inspection)
    inspection.set_defaults(handler=_inspection)

    metering = add_command(
        subparsers,
        "metering",
        handler=_metering,
    )
    metering.add_argument(
        "--transformer",
        action="append",
        type=_transformer,
        required=True,
        help="KVA:SECONDARY, e.g. 300:220/127; repeat for each transformer",
    )
