"""A computed bill read from JSON-shaped data, and the JSON Schemas of the invoice parsers.

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._convert import masked
from aneel_rules._invoice.audit_messages import invalid
from aneel_rules._invoice.bill import Bill, BillLine
from aneel_rules._invoice.invoice_specs import (
    _QUANTITY,
    _convert_top,
    _Enum,
    _is,
    _items,
    _Money,
    _opt,
    _Post,
)
from aneel_rules._invoice.parse import _INVOICE, MAX_INVOICE_LINES, LineCode
from aneel_rules._portal.field_groups import Field, ListOf, Obj
from aneel_rules._portal.fields import INVALID, Collector, DateSpec, Spec, Text
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.errors import InvalidInputError
from aneel_rules.legal import LegalRef, Norm

__all__ = ("invoice_json_schema", "parse_bill")


@attrs.frozen
class _Reference(Spec):
    """A legal reference as an object: ``{"norm": "REN 1.000/2021", "article": "293", ...}``."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        fields = _REFERENCE.convert(value, path, collector)
        if not isinstance(fields, dict) or INVALID in fields.values():
            return INVALID
        try:
            return LegalRef(
                norm=fields["norm"],
                article=_is(fields["article"], str),
                paragraph=_paragraph(fields["paragraph"]),
                item=_opt(fields["item"], str),
                subitem=_opt(fields["subitem"], str),
            )
        except InvalidInputError as exc:
            collector.adopt(exc, path, keep_path=True)
            return INVALID

    def schema(self) -> dict[str, object]:
        return _REFERENCE.schema()


def _paragraph(value: object) -> int | str | None:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return _opt(value, str)


_REFERENCE: Final = Obj(
    fields=(
        Field("norm", _Enum(Norm)),
        Field("article", Text(max_length=8)),
        Field("paragraph", Text(max_length=8), required=False),
        Field("item", Text(max_length=8), required=False),
        Field("subitem", Text(max_length=2), required=False),
    )
)

_BILL_LINE: Final = Obj(
    fields=(
        Field("code", _Enum(LineCode)),
        Field("post", _Post(), required=False),
        Field("quantity", _QUANTITY),
        Field("unit", Text(max_length=16)),
        Field("rate", _Money(), required=False),
        Field("amount", _Money()),
        Field("label", Text(max_length=120), required=False),
        Field("basis", ListOf(_Reference(), min_items=1, max_items=8)),
    ),
    title="bill line",
)

_BILL: Final = Obj(
    fields=(
        Field("start", DateSpec()),
        Field("end", DateSpec()),
        Field("lines", ListOf(_BILL_LINE, min_items=1, max_items=MAX_INVOICE_LINES)),
    ),
    title="bill",
)


def parse_bill(data: Mapping[str, object]) -> Bill:
    """A computed bill given line by line as JSON (e.g. an expected bill computed elsewhere).

    Keys: ``start``, ``end`` (reading dates), ``lines`` [{``code``, ``post``?, ``quantity``,
    ``unit``, ``rate``?, ``amount``, ``label``?, ``basis`` [{``norm``, ``article``,
    ``paragraph``?, ``item``?, ``subitem``?}]}]. The invoice total is then rounded by the rule in
    force on ``end`` (see :class:`~aneel_rules.invoice.Bill`).

    Raises:
        InvalidInputError: every problem found, as :func:`parse_invoice`.

    Examples:
        >>> bill = parse_bill({"start": "2026-06-01", "end": "2026-07-01", "lines": [
        ...     {"code": "energy_te", "quantity": 200, "unit": "kWh", "rate": "0.31021",
        ...      "amount": "62.042",
        ...      "basis": [{"norm": "REN 1.000/2021", "article": "293"}]}]})
        >>> bill.invoice_total, str(bill.lines[0].basis[0])
        (Decimal('62.04'), 'REN 1.000/2021, art. 293')
    """
    collector, values = _convert_top(_BILL, data)
    if isinstance(values, dict):
        start, end = values["start"], values["end"]
        if isinstance(start, date) and isinstance(end, date) and end <= start:
            collector.add("end", "end_before_start", end=str(end), start=str(start))
    collector.raise_if_any()
    fields = _is(values, dict)
    lines = []
    for item in _items(fields["lines"]):
        line = _is(item, dict)
        lines.append(
            BillLine(
                code=_is(line["code"], LineCode).value,
                post=_opt(line["post"], TariffPost),
                quantity=_is(line["quantity"], Decimal),
                unit=_is(line["unit"], str),
                rate=_opt(line["rate"], Decimal),
                amount=_is(line["amount"], Decimal),
                basis=tuple(_is(b, LegalRef) for b in _items(line["basis"])),
                label=_opt(line["label"], str) or "",
            )
        )
    return Bill(start=_is(fields["start"], date), end=_is(fields["end"], date), lines=tuple(lines))


def invoice_json_schema(kind: str = "invoice") -> dict[str, object]:
    """JSON Schema (draft 2020-12) of what :func:`parse_invoice` (or :func:`parse_bill`) reads.

    Args:
        kind: ``"invoice"`` or ``"bill"``.

    Examples:
        >>> invoice_json_schema()["required"]
        ['reading', 'due_on', 'lines', 'total']
    """
    if kind == "bill":
        spec = _BILL
    elif kind == "invoice":
        spec = _INVOICE
    else:
        raise invalid("kind", "not_a_schema_kind", value=masked(kind))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **spec.schema()}
