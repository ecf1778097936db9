"""Sub-commands of ``aneel-rules`` for documents and portal requests: ``validate`` and ``schema``.

``aneel-rules validate cpf 529.982.247-25`` prints the formatted value (exit 0) or every
problem (exit 1); ``aneel-rules validate request budget examples/budget.json`` parses a
JSON request of a portal flow and prints every problem with its path, code and message
(exit 1) or a short summary (exit 0). The flow may be left out
(``aneel-rules validate request examples/budget.json``, as issue 4 writes it): it is then the
one flow whose fields the request's keys match best, and a request that matches two flows
equally (or none) is refused on one line asking for the flow (exit 2).
``aneel-rules schema budget`` prints the flow's JSON Schema. Attachments in the JSON files
are ``{"filename": ..., "content_base64": ...}``.
"""

from __future__ import annotations

import argparse
import importlib
from datetime import UTC, date, datetime
from typing import Final

from aneel_rules._portal.choices import Flow
from aneel_rules._portal.messages import DOMAIN
from aneel_rules.cli import COMMANDS, json_input
from aneel_rules.cli.common import (
    ArgTypeError,
    ArgumentParser,
    Console,
    add_command,
    add_lang_option,
    date_arg,
    print_error,
)
from aneel_rules.cli.json_input import load_json, print_problems
from aneel_rules.errors import InvalidInputError
from aneel_rules.legal import cite

__all__ = ("CLI_MESSAGES", "register")

_DOCUMENT_KINDS: Final = ("cpf", "cnpj", "cep", "phone", "email", "uc")

_VALID_REQUEST: Final = "valid {flow} request"
_MT_METERING: Final = "primary-voltage (MT) metering required: {answer}"
_BUDGET_NEEDED: Final = "a connection budget must follow the new connection: {answer}"
_RG_REQUIRED: Final = "RG required: {answer}"
_REASON: Final = "  - {reason}"
_BASIS: Final = "basis: {basis}"
_YES: Final = "yes"
_NO: Final = "no"
_BAD_FLOW: Final = "unknown flow {value} (use one of: {choices})"
_UNKNOWN_FLOW: Final = (
    "cannot tell which flow {file} is: name it before the file (one of: {choices})"
)
_FLOW_LABELS: Final = {
    Flow.REGISTRATION: "registration",
    Flow.NEW_CONNECTION: "new connection",
    Flow.PROFESSIONAL_PROFILE: "professional profile",
    Flow.ACCESS: "access",
    Flow.BUDGET: "connection budget",
}

CLI_MESSAGES: Final = (
    _VALID_REQUEST,
    *json_input.TEXTS,
    _MT_METERING,
    _BUDGET_NEEDED,
    _RG_REQUIRED,
    _REASON,
    _BASIS,
    _YES,
    _NO,
    _BAD_FLOW,
    _UNKNOWN_FLOW,
    *_FLOW_LABELS.values(),
)
"""Every text the ``validate`` and ``schema`` commands print (translated in ``portal.po``)."""


def _flow(value: str) -> Flow:
    for member in Flow:
        if member.value == value.strip().lower():
            return member
    choices = ", ".join(f.value for f in Flow)
    raise ArgTypeError(_BAD_FLOW, domain=DOMAIN, value=repr(value), choices=choices)


def _infer_flow(data: object) -> Flow | None:
    """The one flow whose fields hold the most of the request's keys (``None``: a tie or none)."""
    from aneel_rules.portal import json_schema  # noqa: PLC0415

    if not isinstance(data, dict):
        return None
    keys = set(data)
    scores: dict[Flow, int] = {}
    for flow in Flow:
        properties = json_schema(flow)["properties"]
        assert isinstance(properties, dict)  # noqa: S101 - the schema's own shape
        scores[flow] = len(keys & set(properties))
    best = max(scores.values())
    winners = [flow for flow, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _validate_document(args: argparse.Namespace, console: Console) -> int:
    kind: str = args.kind
    module = importlib.import_module(f"aneel_rules.documents.{kind}")
    try:
        if kind == "phone":
            canonical = module.validate(args.value, mobile_only=args.mobile)
        else:
            canonical = module.validate(args.value)
    except InvalidInputError as exc:
        print_problems(console, exc.errors)
        return 1
    console.line(str(module.format(canonical)))
    return 0


def _answer(console: Console, value: bool) -> str:
    return console.t(_YES if value else _NO, domain=DOMAIN)


def _validate_request(args: argparse.Namespace, console: Console) -> int:
    # imported here: ``validate cpf`` needs none of the portal flows
    from aneel_rules import portal  # noqa: PLC0415
    from aneel_rules.cli.labels import reason_label  # noqa: PLC0415

    data = load_json(args.file, console)
    if data is None:
        return 2
    flow: Flow | None = args.flow if args.flow is not None else _infer_flow(data)
    if flow is None:
        choices = ", ".join(f.value for f in Flow)
        text = console.t(_UNKNOWN_FLOW, domain=DOMAIN, file=args.file, choices=choices)
        print_error(text, console.lang)
        return 2
    # The command may read the clock (the library never does): the local date by default.
    today: date = args.today if args.today is not None else datetime.now(UTC).astimezone().date()
    try:
        if flow is Flow.NEW_CONNECTION:
            request: object = portal.parse_new_connection_request(
                data,  # type: ignore[arg-type]
                today=today,
                require_rg=args.require_rg,
            )
        else:
            request = portal.parse_request(flow, data, today=today)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        print_problems(console, exc.errors)
        return 1
    label = console.t(_FLOW_LABELS[flow], domain=DOMAIN)
    console.line(console.t(_VALID_REQUEST, domain=DOMAIN, flow=label))
    if isinstance(request, portal.ConnectionBudgetRequest):
        decision = request.primary_metering
        console.line(
            console.t(_MT_METERING, domain=DOMAIN, answer=_answer(console, decision.required))
        )
        for reason in decision.reasons:
            console.line(
                console.t(_REASON, domain=DOMAIN, reason=reason_label(reason, console.lang))
            )
        console.line(console.t(_BASIS, domain=DOMAIN, basis=cite(decision.basis)))
    elif isinstance(request, portal.NewConnectionRequest):
        needed = request.requires_connection_budget
        console.line(
            console.t(_BUDGET_NEEDED, domain=DOMAIN, answer=_answer(console, needed.value))
        )
        console.line(
            console.t(_BASIS, domain=DOMAIN, basis="; ".join(str(b) for b in needed.basis))
        )
        rg = request.rg_requirement
        console.line(console.t(_RG_REQUIRED, domain=DOMAIN, answer=_answer(console, rg.value)))
        console.line(console.t(_BASIS, domain=DOMAIN, basis="; ".join(str(b) for b in rg.basis)))
    return 0


def _schema(args: argparse.Namespace, console: Console) -> int:
    from aneel_rules.portal import json_schema  # noqa: PLC0415 (only this command needs it)

    schema = json_schema(args.flow, require_rg=args.require_rg)
    import json  # noqa: PLC0415 (see json_input.load_json)

    console.line(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add ``validate`` (documents and requests) and ``schema``."""
    validate = subparsers.add_parser(
        "validate",
        help=COMMANDS["validate"].summary,
        description="Validate a document or a portal request; exit 0 valid, 1 invalid.",
    )
    add_lang_option(validate, default=argparse.SUPPRESS)  # also "validate --lang en cpf ..."
    kinds = validate.add_subparsers(dest="kind", metavar="KIND", parser_class=ArgumentParser)
    kinds.required = True
    for kind in _DOCUMENT_KINDS:
        parser = add_command(
            kinds,
            kind,
            help_text="validate the value and print it formatted",
            handler=_validate_document,
        )
        parser.add_argument("value", help="the value as typed")
        if kind == "phone":
            parser.add_argument("--mobile", action="store_true", help="accept mobiles only")
    request = add_command(
        kinds,
        "request",
        help_text="validate a portal request (JSON file) and list every problem",
        handler=_validate_request,
    )
    request.add_argument(
        "flow",
        type=_flow,
        nargs="?",
        default=None,
        help=", ".join(f.value for f in Flow),
    )
    request.add_argument("file", help="JSON file with the request")
    request.add_argument(
        "--today", type=date_arg, default=None, help="date of the request (default: today)"
    )
    request.add_argument(
        "--require-rg",
        action="store_true",
        help="new-connection: require the RG as the portal manual does (a distributor rule "
        "that conflicts with REN 1.000/2021 art. 659-B since 26.06.2024)",
    )
    schema = add_command(
        subparsers,
        "schema",
        handler=_schema,
    )
    schema.add_argument("flow", type=_flow, help=", ".join(f.value for f in Flow))
    schema.add_argument(
        "--require-rg", action="store_true", help="new-connection: RG required (see validate)"
    )
