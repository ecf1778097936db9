"""Sub-commands of ``aneel-rules`` for the billing-cycle rules: ``reading`` and ``refund``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

from aneel_rules._billing.messages import DOMAIN
from aneel_rules._billing.money import round_for_invoice
from aneel_rules._billing.readings import ReadingKind, billable_consumption, check_reading_interval
from aneel_rules._billing.settlement import settle_incorrect_billing
from aneel_rules._billing.settlement_rules import (
    SHORTEST_OVERBILLING_WINDOW,
    BillingError,
    Cause,
    Direction,
)
from aneel_rules._format import format_currency, format_date, format_decimal
from aneel_rules._tariffs.units import Group
from aneel_rules.cli.common import (
    ArgTypeError,
    ArgumentParser,
    Console,
    LangReader,
    add_command,
    date_arg,
    localize_error,
    print_error,
)
from aneel_rules.cli.numbers import decimal_arg, parse_number
from aneel_rules.errors import (
    AneelRulesError,
    InvalidInputError,
    RegulatoryGapError,
    UnsupportedCaseError,
)
from aneel_rules.legal import Basis

__all__ = ("TEXTS", "register")

E = TypeVar("E")

_BAD_KIND: Final = "invalid kind {value} (use {options})"
_BAD_DIRECTION: Final = "invalid direction {value} (use {options})"
_BAD_CAUSE: Final = "invalid cause {value} (use {options})"
_BAD_GROUP: Final = "invalid group {value} (use A or B)"
_BAD_ERROR: Final = "invalid billing error {value} (use YYYY-MM[-DD]:AMOUNT, e.g. 2026-01:123,45)"
_BAD_CYCLES: Final = "invalid number of cycles {value} (use a whole number from 1)"

TEXTS: Final = (
    _BAD_KIND,
    _BAD_DIRECTION,
    _BAD_CAUSE,
    _BAD_GROUP,
    _BAD_ERROR,
    _BAD_CYCLES,
    "Reading interval: {previous} → {current} = {days} days",
    "Allowed: {minimum} to {maximum} days ({kind}, group {group}, {norm})",
    "Result: within the interval",
    "Result: outside the interval",
    "Billable consumption: {kwh} kWh (measured {measured} kWh)",
    "Consumption prorated to the maximum days allowed",
    "Availability charge: may be billed",
    "Availability charge: not billed",
    "Legal basis:",
    "{direction} — cause: {cause} — found on {found_on} ({norm})",
    "Window: {cycles} cycles",
    "Window: {cycles} cycles (given by the caller)",
    "Window: no limit",
    "Window: none needed (every cycle within the {cycles} cycles up to the constatação)",
    "Cycles included: {cycles}",
    "Cycles excluded: {cycles}",
    "none",
    "Principal: {amount}",
    "Amount due before monetary update: {amount}",
    "Amount due before monetary update: {amount} (in double)",
    "Refund by the cycle of {month}",
    "Instalments: up to {count}",
    "Monetary update: {index}",
    "Monetary update: not stated in the verified sources",
    "Late interest: 1% a month pro rata die on the updated value",
)
"""Every line template printed by these commands (English msgids of the ``billing_cycle`` .po)."""

_KINDS: Final = {
    "regular": ReadingKind.REGULAR,
    "first-billing": ReadingKind.FIRST_BILLING,
    "route-change": ReadingKind.ROUTE_CHANGE,
    "end-of-group-b-option": ReadingKind.END_OF_GROUP_B_OPTION,
    "voltage-change": ReadingKind.VOLTAGE_CHANGE,
}
_DIRECTIONS: Final = {"under": Direction.UNDER, "over": Direction.OVER}
_CAUSES: Final = {
    "distributor": Cause.DISTRIBUTOR,
    "consumer": Cause.CONSUMER,
    "access-impediment": Cause.ACCESS_IMPEDIMENT,
    "third-party": Cause.THIRD_PARTY,
    "emergency": Cause.EMERGENCY,
    "meter-defect": Cause.METER_DEFECT,
}
_ENGLISH: Final[dict[object, str]] = {
    ReadingKind.REGULAR: "regular reading",
    ReadingKind.FIRST_BILLING: "first billing",
    ReadingKind.ROUTE_CHANGE: "route change or reprogrammed calendar",
    ReadingKind.END_OF_GROUP_B_OPTION: "end of the group B billing option",
    ReadingKind.VOLTAGE_CHANGE: "change of connection voltage",
    Direction.UNDER: "Under-billing",
    Direction.OVER: "Over-billing",
    Cause.DISTRIBUTOR: "distributor",
    Cause.CONSUMER: "consumer",
    Cause.ACCESS_IMPEDIMENT: "access impediment",
    Cause.THIRD_PARTY: "third party",
    Cause.EMERGENCY: "emergency, public calamity or force majeure",
    Cause.METER_DEFECT: "defective meter",
}


def _choice(table: Mapping[str, E], template: str) -> Callable[[str], E]:
    def convert(text: str) -> E:
        try:
            return table[text.strip().lower()]
        except KeyError:
            options = ", ".join(table)
            raise ArgTypeError(template, domain=DOMAIN, value=repr(text), options=options) from None

    return convert


def _group(text: str) -> Group:
    try:
        return Group(text.strip().upper())
    except ValueError:
        raise ArgTypeError(_BAD_GROUP, domain=DOMAIN, value=repr(text)) from None


@LangReader
def _billing_error(text: str, lang: str) -> BillingError:
    cycle, sep, amount = text.rpartition(":")
    if not sep:
        raise ArgTypeError(_BAD_ERROR, domain=DOMAIN, value=repr(text))
    cycle = cycle.strip()
    day = date_arg(cycle if len(cycle) > 7 else f"{cycle}-01")
    try:
        return BillingError(day, parse_number(amount, lang))
    except InvalidInputError as exc:
        raise ArgTypeError.from_invalid(exc) from None


@LangReader
def _cycles(text: str, lang: str) -> int:
    value = parse_number(text, lang)
    if value < 1 or value != value.to_integral_value():
        raise ArgTypeError(_BAD_CYCLES, domain=DOMAIN, value=repr(text))
    return int(value)


def _label(value: ReadingKind | Direction | Cause, console: Console) -> str:
    return value.value if console.lang == "pt_BR" else _ENGLISH[value]


def _day(day: date, lang: str) -> str:
    # "05/01/2026" in Portuguese; "Jan 5, 2026" in English (the short "1/5/26" is ambiguous)
    return format_date(day, lang, style="medium" if lang == "en" else "short")


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _month(day: date, console: Console) -> str:
    return f"{day.month:02d}/{day.year}" if console.lang == "pt_BR" else day.isoformat()[:7]


def _basis(basis: tuple[Basis, ...], console: Console) -> None:
    console.line(console.t("Legal basis:", domain=DOMAIN))
    for ref in basis:
        console.line(f"  - {ref}")


def _fail(exc: AneelRulesError, console: Console) -> int:
    """Print a library error on one line, in the console's language; exit status 2."""
    print_error(localize_error(exc, console.lang), console.lang)
    return 2


def _reading(args: argparse.Namespace, console: Console) -> int:
    try:
        check = check_reading_interval(
            args.previous, args.current, kind=args.kind, group=args.group
        )
        billable = (
            None
            if args.kwh is None
            else billable_consumption(
                args.kwh, args.previous, args.current, kind=args.kind, group=args.group
            )
        )
    except (InvalidInputError, RegulatoryGapError, UnsupportedCaseError) as exc:
        return _fail(exc, console)
    lang = console.lang
    console.line(
        console.t(
            "Reading interval: {previous} → {current} = {days} days",
            domain=DOMAIN,
            previous=_day(args.previous, lang),
            current=_day(args.current, lang),
            days=check.days,
        )
    )
    console.line(
        console.t(
            "Allowed: {minimum} to {maximum} days ({kind}, group {group}, {norm})",
            domain=DOMAIN,
            minimum=check.minimum,
            maximum=check.maximum,
            kind=_label(check.kind, console),
            group=check.group.value,
            norm=check.norm.value,
        )
    )
    result = "Result: within the interval" if check.ok else "Result: outside the interval"
    console.line(console.t(result, domain=DOMAIN))
    basis = check.basis
    if billable is not None:
        console.line(
            console.t(
                "Billable consumption: {kwh} kWh (measured {measured} kWh)",
                domain=DOMAIN,
                kwh=format_decimal(billable.kwh.quantize(Decimal("0.01")), lang),
                measured=format_decimal(billable.measured_kwh, lang),
            )
        )
        if billable.prorated:
            console.line(
                console.t("Consumption prorated to the maximum days allowed", domain=DOMAIN)
            )
        availability = (
            "Availability charge: may be billed"
            if billable.availability_charge_applies
            else "Availability charge: not billed"
        )
        console.line(console.t(availability, domain=DOMAIN))
        basis = billable.basis
    _basis(basis, console)
    return 0


def _refund(args: argparse.Namespace, console: Console) -> int:
    try:
        settlement = settle_incorrect_billing(
            args.errors or (),
            direction=args.direction,
            cause=args.cause,
            found_on=args.found_on,
            window_cycles=args.window_cycles,
            justifiable_error=args.justifiable_error,
        )
    except (InvalidInputError, RegulatoryGapError, UnsupportedCaseError) as exc:
        return _fail(exc, console)
    lang = console.lang
    console.line(
        console.t(
            "{direction} — cause: {cause} — found on {found_on} ({norm})",
            domain=DOMAIN,
            direction=_capitalized(_label(settlement.direction, console)),
            cause=_label(settlement.cause, console),
            found_on=_day(settlement.found_on, lang),
            norm=settlement.norm.value,
        )
    )
    if not settlement.window_needed:
        console.line(
            console.t(
                "Window: none needed (every cycle within the {cycles} cycles up to the "
                "constatação)",
                domain=DOMAIN,
                cycles=SHORTEST_OVERBILLING_WINDOW,
            )
        )
    elif settlement.window_cycles is None:
        console.line(console.t("Window: no limit", domain=DOMAIN))
    elif settlement.window_from_caller:
        console.line(
            console.t(
                "Window: {cycles} cycles (given by the caller)",
                domain=DOMAIN,
                cycles=settlement.window_cycles,
            )
        )
    else:
        console.line(
            console.t("Window: {cycles} cycles", domain=DOMAIN, cycles=settlement.window_cycles)
        )
    none = console.t("none", domain=DOMAIN)
    included = ", ".join(_month(c, console) for c in settlement.cycles) or none
    excluded = ", ".join(_month(e.month, console) for e in settlement.excluded) or none
    console.line(console.t("Cycles included: {cycles}", domain=DOMAIN, cycles=included))
    console.line(console.t("Cycles excluded: {cycles}", domain=DOMAIN, cycles=excluded))
    money = format_currency(round_for_invoice(settlement.principal), lang)
    console.line(console.t("Principal: {amount}", domain=DOMAIN, amount=money))
    due = format_currency(round_for_invoice(settlement.amount_due), lang)
    doubled = settlement.amount_due != settlement.principal
    due_text = (
        "Amount due before monetary update: {amount} (in double)"
        if doubled
        else "Amount due before monetary update: {amount}"
    )
    console.line(console.t(due_text, domain=DOMAIN, amount=due))
    if settlement.refund_by is not None:
        console.line(
            console.t(
                "Refund by the cycle of {month}",
                domain=DOMAIN,
                month=_month(settlement.refund_by, console),
            )
        )
    if settlement.installments is not None:
        console.line(
            console.t("Instalments: up to {count}", domain=DOMAIN, count=settlement.installments)
        )
    if settlement.update_index is None:
        console.line(
            console.t("Monetary update: not stated in the verified sources", domain=DOMAIN)
        )
    else:
        console.line(
            console.t(
                "Monetary update: {index}", domain=DOMAIN, index=settlement.update_index.value
            )
        )
    if settlement.late_interest:
        console.line(
            console.t("Late interest: 1% a month pro rata die on the updated value", domain=DOMAIN)
        )
    _basis(settlement.basis, console)
    return 0


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add ``reading`` and ``refund``."""
    reading = add_command(
        subparsers,
        "reading",
        handler=_reading,
    )
    reading.add_argument("previous", type=date_arg, help="previous reading (YYYY-MM-DD)")
    reading.add_argument("current", type=date_arg, help="current reading (YYYY-MM-DD)")
    reading.add_argument(
        "--kind",
        type=_choice(_KINDS, _BAD_KIND),
        default=ReadingKind.REGULAR,
        help=", ".join(_KINDS),
    )
    reading.add_argument("--group", type=_group, default=Group.B, help="A or B (default B)")
    reading.add_argument(
        "--kwh", type=decimal_arg, default=None, help="measured kWh: show the billable consumption"
    )
    refund = add_command(
        subparsers,
        "refund",
        handler=_refund,
    )
    refund.add_argument("--found-on", type=date_arg, required=True, help="date of the constatação")
    refund.add_argument(
        "--direction",
        type=_choice(_DIRECTIONS, _BAD_DIRECTION),
        required=True,
        help="under or over",
    )
    refund.add_argument(
        "--cause",
        type=_choice(_CAUSES, _BAD_CAUSE),
        default=Cause.DISTRIBUTOR,
        help=", ".join(_CAUSES),
    )
    refund.add_argument(
        "--error",
        dest="errors",
        type=_billing_error,
        action="append",
        help="wrongly billed cycle as YYYY-MM[-DD]:AMOUNT (repeat)",
    )
    refund.add_argument("--window-cycles", type=_cycles, default=None, help="override the window")
    refund.add_argument(
        "--justifiable-error", action="store_true", help="REN 414 rule: engano justificável"
    )
