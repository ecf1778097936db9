"""Sub-commands of ``aneel-rules`` for invoices: ``bill`` and ``invoice check``.

``bill FILE.json`` prints a bill line by line, each line with its legal basis;
``invoice check FILE.json`` audits a distributor's invoice against the bill and lists the
findings and the mandatory items missing — exit status 1 when there is any, 0 when none, 2 for a
file that cannot be read. ``--json`` prints the same for machines.

File formats (JSON, read with exact decimals):

- ``bill``: an explicit bill ``{"start", "end", "lines": [...]}`` (see
  :func:`aneel_rules.invoice.parse_bill`), or a bill request computed by
  :func:`~aneel_rules.invoice.compute_bill` from a 15-minute load profile (see
  :mod:`aneel_rules.cli.invoice_request` and ``examples/bill_azul.json``);
- ``invoice check``: ``{"invoice": {...}, "expected": {...}, "flag_days"?: {"Amarela": 12},
  "tolerance"?: "0.01", "on"?: "YYYY-MM-DD"}`` — ``invoice`` as
  :func:`~aneel_rules.invoice.parse_invoice` reads it, ``expected`` a bill as above; ``on``
  (default: the invoice's issue date, else its reading date) selects the contents rules.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from aneel_rules._billing.money import CTX
from aneel_rules._convert import to_date, to_decimal
from aneel_rules._format import format_currency, format_decimal
from aneel_rules._invoice.audit_messages import DOMAIN, invalid
from aneel_rules.cli import COMMANDS
from aneel_rules.cli.common import ArgumentParser, Console, add_command
from aneel_rules.cli.invoice_request import read_bill_request
from aneel_rules.cli.json_input import load_json, print_problems
from aneel_rules.errors import InvalidInputError

__all__ = ("TEXTS", "register")

_SHOWN: Final = Decimal("0.01")

_BILL_HEADER: Final = "Bill {start} → {end} ({norm})"
_LINE: Final = "{code} {post}: {quantity} {unit} × {rate} = {amount}"
_LINE_NO_RATE: Final = "{code} {post}: {amount}"
_TOTAL: Final = "Total (exact): {total}"
_INVOICE_TOTAL: Final = "Invoice total ({rounding}): {amount}"
_BASIS: Final = "    basis: {basis}"
_NO_FINDING: Final = "The invoice matches the bill: no finding."
_FINDINGS: Final = "{count} finding(s):"
_MISSING: Final = "Mandatory items missing ({norm}):"
_NOTHING_MISSING: Final = "Every mandatory item is on the invoice ({norm})."
_NOT_AN_OBJECT: Final = "{key} must be a JSON object"

TEXTS: Final = (
    _BILL_HEADER,
    _LINE,
    _LINE_NO_RATE,
    _TOTAL,
    _INVOICE_TOTAL,
    _BASIS,
    _NO_FINDING,
    _FINDINGS,
    _MISSING,
    _NOTHING_MISSING,
    _NOT_AN_OBJECT,
)
"""Every line template printed by these commands (English msgids of ``invoice_audit.po``)."""


def _money(value: Decimal, console: Console) -> str:
    return format_currency(value, console.lang)


def _number(value: Decimal, console: Console) -> str:
    return format_decimal(value, console.lang)


def _bill_json(bill: object) -> dict[str, object]:
    from aneel_rules._invoice.bill import Bill  # noqa: PLC0415

    assert isinstance(bill, Bill)  # noqa: S101
    return {
        "start": bill.start.isoformat(),
        "end": bill.end.isoformat(),
        "norm": bill.norm.value,
        "lines": [
            {
                "code": line.code,
                "post": None if line.post is None else line.post.value,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "rate": None if line.rate is None else str(line.rate),
                "amount": str(line.amount),
                "label": line.label,
                "basis": [str(b) for b in line.basis],
            }
            for line in bill.lines
        ],
        "total": str(bill.total),
        "rounding": bill.rounding.value,
        "invoice_total": str(bill.invoice_total),
        "basis": [str(b) for b in bill.basis],
    }


def _print_bill(bill: object, console: Console) -> None:
    from aneel_rules._invoice.bill import Bill  # noqa: PLC0415

    assert isinstance(bill, Bill)  # noqa: S101
    console.line(
        console.t(
            _BILL_HEADER,
            domain=DOMAIN,
            start=bill.start.isoformat(),
            end=bill.end.isoformat(),
            norm=bill.norm.value,
        )
    )
    for line in bill.lines:
        post = line.post.value if line.post is not None else ""
        code = f"{line.code}{f' [{line.label}]' if line.label else ''}"
        if line.rate is None:
            text = console.t(
                _LINE_NO_RATE,
                domain=DOMAIN,
                code=code,
                post=post,
                amount=_money(line.amount, console),
            )
        else:
            text = console.t(
                _LINE,
                domain=DOMAIN,
                code=code,
                post=post,
                # display only (art. 657, parágrafo único): the JSON output keeps every digit
                quantity=_number(line.quantity.quantize(_SHOWN, context=CTX), console),
                unit=line.unit,
                rate=_number(line.rate, console),
                amount=_money(line.amount, console),
            )
        console.line(text.replace(" :", ":"))
        console.line(console.t(_BASIS, domain=DOMAIN, basis="; ".join(str(b) for b in line.basis)))
    console.line(console.t(_TOTAL, domain=DOMAIN, total=_number(bill.total, console)))
    console.line(
        console.t(
            _INVOICE_TOTAL,
            domain=DOMAIN,
            rounding=bill.rounding.value,
            amount=_money(bill.invoice_total, console),
        )
    )
    console.line(console.t(_BASIS, domain=DOMAIN, basis="; ".join(str(b) for b in bill.basis)))


def _load_bill(data: object, base: str) -> object:
    """An explicit bill (it has ``lines``) or the bill a request asks for (compute_bill).

    ``base``: the directory of the JSON file (``os.path``, not pathlib: cheaper to import).
    """
    if not isinstance(data, Mapping):
        raise invalid("$", "cli_not_an_object", key="$")
    if "lines" in data:
        from aneel_rules._invoice.bill_json import parse_bill  # noqa: PLC0415

        return parse_bill(data)
    return read_bill_request(data, base=base)


def _bill(args: argparse.Namespace, console: Console) -> int:
    data = load_json(args.file, console)
    if data is None:
        return 2
    try:
        bill = _load_bill(data, os.path.dirname(args.file))  # noqa: PTH120 (no pathlib)
    except InvalidInputError as exc:
        print_problems(console, exc.errors)
        return 2
    if args.json:
        console.line(json.dumps(_bill_json(bill), ensure_ascii=False, indent=2))
    else:
        _print_bill(bill, console)
    return 0


def _section(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise invalid(key, "cli_not_an_object", key=key)
    return value


def _check(args: argparse.Namespace, console: Console) -> int:
    from aneel_rules._invoice.audit import audit_invoice  # noqa: PLC0415
    from aneel_rules._invoice.contents import check_invoice_contents  # noqa: PLC0415
    from aneel_rules._invoice.parse import parse_invoice  # noqa: PLC0415

    data = load_json(args.file, console)
    if data is None:
        return 2
    try:
        if not isinstance(data, Mapping):
            raise invalid("$", "cli_not_an_object", key="$")
        invoice = parse_invoice(_section(data, "invoice"))
        bill = _load_bill(
            _section(data, "expected"),
            os.path.dirname(args.file),  # noqa: PTH120 (no pathlib)
        )
        flag_days = data.get("flag_days")
        tolerance = to_decimal(data.get("tolerance", "0.01"), path="tolerance")
        on_text = data.get("on")
        on = invoice.issued_on or invoice.end
        if on_text is not None:
            on = to_date(on_text, path="on")
        audit = audit_invoice(
            invoice,
            bill,  # type: ignore[arg-type]
            tolerance=tolerance,
            flag_days=flag_days if isinstance(flag_days, Mapping) else None,
        )
        contents = check_invoice_contents(invoice, on=on)
    except InvalidInputError as exc:
        print_problems(console, exc.errors)
        return 2
    if args.json:
        console.line(
            json.dumps(
                {
                    "findings": [
                        {
                            "code": f.code,
                            "line": None if f.line is None else f.line.value,
                            "post": None if f.post is None else f.post.value,
                            "label": f.label,
                            "expected": None if f.expected is None else str(f.expected),
                            "found": None if f.found is None else str(f.found),
                            "difference": None if f.difference is None else str(f.difference),
                            "basis": [str(b) for b in f.basis],
                            "message": f.message(console.lang),
                        }
                        for f in audit.findings
                    ],
                    "missing_items": [
                        {"item": m.item.value, "basis": [str(b) for b in m.basis]}
                        for m in contents.missing
                    ],
                    "expected_total": str(bill.invoice_total),  # type: ignore[attr-defined]
                    "invoice_total": str(invoice.total),
                    "norm": contents.norm.value,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if audit.findings:
            console.line(console.t(_FINDINGS, domain=DOMAIN, count=len(audit.findings)))
            for finding in audit.findings:
                console.line(f"  - [{finding.code}] {finding.message(console.lang)}")
        else:
            console.line(console.t(_NO_FINDING, domain=DOMAIN))
        if contents.missing:
            console.line(console.t(_MISSING, domain=DOMAIN, norm=contents.norm.value))
            for item in contents.missing:
                console.line(f"  - {item.item.value} ({'; '.join(str(b) for b in item.basis)})")
        else:
            console.line(console.t(_NOTHING_MISSING, domain=DOMAIN, norm=contents.norm.value))
    return 1 if audit.findings or contents.missing else 0


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add ``bill`` and ``invoice check``."""
    bill = add_command(subparsers, "bill", handler=_bill)
    bill.add_argument("file", help="bill JSON file")
    bill.add_argument("--json", action="store_true", help="print JSON for machines")
    invoice = subparsers.add_parser(
        "invoice", help=COMMANDS["invoice"].summary, description=COMMANDS["invoice"].summary
    )
    commands = invoice.add_subparsers(
        dest="invoice_command", metavar="COMMAND", parser_class=ArgumentParser
    )
    commands.required = True
    check = add_command(
        commands,
        "check",
        handler=_check,
        help_text="audit an invoice against its bill; exit 1 when there are findings",
    )
    check.add_argument("file", help="JSON file with the invoice and the expected bill")
    check.add_argument("--json", action="store_true", help="print JSON for machines")
