"""Invoice audit (auditoria da fatura): compare what the distributor charged with the computed bill.

:func:`audit_invoice` matches each printed line of an :class:`~aneel_rules.invoice.Invoice` with
the lines of the :class:`~aneel_rules.invoice.Bill` the rules give for the same reading period, and
lists every difference as a :class:`Finding` with a stable code, the amounts and the provision
broken. An invoice that matches the bill gives no finding.

Matching: lines are matched by ``code`` and ``post``; flag lines also by flag name and municipal
or other caller-given lines by label (letter case and outer blanks ignored). Several lines with
the same key are added up. Amounts are compared within ``tolerance`` (printed amounts are rounded
to cents, computed ones are exact); quantities within ``quantity_tolerance``; rates within
``rate_tolerance``, and only where both sides give one.

Finding codes (:data:`FINDING_CODES`):

- ``period_differs`` — the invoice's reading period is not the bill's (nothing else is reliable);
- ``line_missing`` — a line the rules charge (or credit: a discount) is not on the invoice;
- ``line_not_allowed`` — a charge with no counterpart in the bill (reactive energy on a group B
  unit, art. 303; an overrun within the tolerance, art. 301; a flag where none applies…; on a
  REN 414/2010 invoice, the REN 414 article of the line, group B reactive included);
- ``quantity_differs``, ``rate_differs``, ``amount_differs`` — a matched line differs;
- ``demand_below_measured`` — billed demand below the measured demand printed on the invoice
  (art. 294: the billable demand is at least the measured one);
- ``flag_days_wrong`` — the days printed per flag do not add up to the reading period, or
  differ from the days expected (art. 307: proportional to the days of each flag);
- ``rounding_not_per_norm`` — the printed total is the exact total cut by another rule, or the
  sum of the rounded lines (rounding during the calculation; art. 657);
- ``total_differs`` — the printed total is not the bill's invoice total.

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from aneel_rules.invoice import Bill, BillLine, parse_invoice
    >>> from aneel_rules.legal import ren1000
    >>> bill = Bill(start=date(2026, 6, 1), end=date(2026, 7, 1), lines=(
    ...     BillLine(code="energy_te", post=None, quantity=Decimal(200), unit="kWh",
    ...              rate=Decimal("0.31021"), amount=Decimal("62.042"), basis=(ren1000(293),)),))
    >>> inv = parse_invoice({"reading": {"previous": "2026-06-01", "current": "2026-07-01"},
    ...     "due_on": "2026-07-20", "total": "62.04",
    ...     "lines": [{"code": "energy_te", "quantity": 200, "unit": "kWh", "rate": "0.31021",
    ...                "amount": "62.04"}]})
    >>> audit_invoice(inv, bill).findings
    ()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Final

import attrs

from aneel_rules._billing.money import CTX, InvoiceRounding
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked
from aneel_rules._invoice.audit_bases import (
    demand_floor_basis,
    flag_days_basis,
    incorrect_billing_basis,
    not_allowed_basis,
    reading_period_basis,
)
from aneel_rules._invoice.audit_messages import DOMAIN, TEMPLATES, invalid, non_negative
from aneel_rules._invoice.bill import Bill, BillLine, round_amount, rounding_basis
from aneel_rules._invoice.fields import (
    MONEY,
    OPTIONAL_NUMBER,
    TEXT,
    checked,
    instance,
    optional_instance,
    tuple_of,
)
from aneel_rules._invoice.parse import Invoice, InvoiceGroup, InvoiceLine, LineCode
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.legal import Basis, ren1000

__all__ = (
    "FINDING_CODES",
    "Finding",
    "InvoiceAudit",
    "audit_invoice",
)

FINDING_CODES: Final = (
    "period_differs",
    "line_missing",
    "line_not_allowed",
    "quantity_differs",
    "rate_differs",
    "amount_differs",
    "demand_below_measured",
    "flag_days_wrong",
    "rounding_not_per_norm",
    "total_differs",
)
"""Stable codes of audit findings, in the order findings are listed."""

_ZERO: Final = Decimal(0)
_CENT: Final = Decimal("0.01")
_LABELLED: Final = frozenset({LineCode.FLAG, LineCode.MUNICIPAL, LineCode.OTHER})


@attrs.frozen(kw_only=True, field_transformer=checked)
class Finding:
    """One difference between the invoice and the computed bill (achado da auditoria).

    Attributes:
        code: Stable code, one of :data:`FINDING_CODES`.
        line: Line code concerned (``None`` for the whole invoice).
        post: Tariff post of the line, if any.
        label: Flag name or caller-given label of the line, if any.
        expected: Value the rules give (exact).
        found: Value printed on the invoice.
        difference: ``found − expected`` (positive: the consumer was charged more).
        basis: Provisions behind the expected value.
    """

    code: str = attrs.field(metadata=TEXT)
    line: LineCode | None = attrs.field(metadata=optional_instance(LineCode))
    post: TariffPost | None = attrs.field(metadata=optional_instance(TariffPost))
    label: str = attrs.field(metadata=TEXT)
    expected: Decimal | None = attrs.field(metadata=OPTIONAL_NUMBER)
    found: Decimal | None = attrs.field(metadata=OPTIONAL_NUMBER)
    difference: Decimal | None = attrs.field(metadata=OPTIONAL_NUMBER)
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)

    def message(self, lang: str = "pt_BR") -> str:
        """The finding in words, in ``lang`` (``pt_BR`` by default, or ``en``)."""
        from aneel_rules.i18n import translate  # noqa: PLC0415 (babel is heavy)

        parts = [self.line.value] if self.line is not None else []
        if self.post is not None:
            parts.append(f"({self.post.value})")
        if self.label:
            parts.append(f"[{self.label}]")
        where = " ".join(parts)
        template = translate(TEMPLATES[f"finding_{self.code}"], domain=DOMAIN, lang=lang)
        return template.format(
            line=where,
            expected="—" if self.expected is None else _show(self.expected, self.code),
            found="—" if self.found is None else _show(self.found, self.code),
            basis="; ".join(str(b) for b in self.basis),
        )


_MONEY_FINDINGS: Final = frozenset(
    {"line_missing", "line_not_allowed", "amount_differs", "rounding_not_per_norm", "total_differs"}
)


def _show(value: Decimal, code: str) -> str:
    """A value for a message: money to cents, quantities without trailing zeros (display only)."""
    if code in _MONEY_FINDINGS:
        return format(value.quantize(_CENT, rounding=ROUND_HALF_EVEN, context=CTX), "f")
    return format(value.normalize(CTX), "f")


@attrs.frozen(kw_only=True, field_transformer=checked)
class InvoiceAudit:
    """Result of :func:`audit_invoice` (resultado da auditoria).

    Attributes:
        invoice: The invoice audited.
        expected: The bill it was compared with.
        tolerance: Amount tolerance used (R$).
        findings: Every difference found, by code order then line order.
        basis: Provisions behind the findings (the bill's when there is none).
    """

    invoice: Invoice = attrs.field(metadata=instance(Invoice))
    expected: Bill = attrs.field(metadata=instance(Bill))
    tolerance: Decimal = attrs.field(metadata=MONEY)
    findings: tuple[Finding, ...] = attrs.field(metadata=tuple_of(Finding))
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)

    @property
    def ok(self) -> bool:
        """Whether the invoice matches the bill (no finding)."""
        return not self.findings

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(f.code for f in self.findings)

    @property
    def overcharge(self) -> Decimal:
        """Printed total minus the bill's invoice total (positive: charged too much)."""
        return CTX.subtract(self.invoice.total, self.expected.invoice_total)


_Key = tuple[LineCode, TariffPost | None, str]


@attrs.frozen
class _Group:
    """Lines of one key added up (quantity and rate only where every line gives them)."""

    quantity: Decimal | None
    rate: Decimal | None
    amount: Decimal
    basis: tuple[Basis, ...]


def _key(code: LineCode, post: TariffPost | None, label: str) -> _Key:
    return (code, post, label.strip().casefold() if code in _LABELLED else "")


def _group(lines: Iterable[InvoiceLine | BillLine]) -> dict[_Key, _Group]:
    grouped: dict[_Key, list[InvoiceLine | BillLine]] = {}
    for line in lines:
        code = line.code if isinstance(line.code, LineCode) else LineCode(line.code)
        grouped.setdefault(_key(code, line.post, line.label), []).append(line)
    result = {}
    for key, members in grouped.items():
        quantities = [m.quantity for m in members]
        rates = {m.rate for m in members}
        basis: tuple[Basis, ...] = ()
        for member in members:
            if isinstance(member, BillLine):
                basis = (*basis, *(b for b in member.basis if b not in basis))
        result[key] = _Group(
            quantity=None
            if any(q is None for q in quantities)
            else sum((q for q in quantities if q is not None), _ZERO),
            rate=next(iter(rates)) if len(rates) == 1 else None,
            amount=sum((m.amount for m in members), _ZERO),
            basis=basis,
        )
    return result


def _finding(
    code: str,
    key: _Key | None,
    *,
    expected: Decimal | None,
    found: Decimal | None,
    basis: tuple[Basis, ...],
    label: str = "",
) -> Finding:
    difference = None if expected is None or found is None else CTX.subtract(found, expected)
    return Finding(
        code=code,
        line=None if key is None else key[0],
        post=None if key is None else key[1],
        label=label,
        expected=expected,
        found=found,
        difference=difference,
        basis=basis,
    )


def _labels(lines: Iterable[InvoiceLine]) -> dict[_Key, str]:
    return {_key(line.code, line.post, line.label): line.label for line in lines}


def _compare_lines(
    invoice: Invoice, bill: Bill, tolerances: tuple[Decimal, Decimal, Decimal]
) -> list[Finding]:
    amount_tol, quantity_tol, rate_tol = tolerances
    printed = _group(invoice.lines)
    computed = _group(bill.lines)
    labels = {_key(LineCode(x.code), x.post, x.label): x.label for x in bill.lines}
    labels.update(_labels(invoice.lines))
    findings: list[Finding] = []
    for key, want in computed.items():
        got = printed.get(key)
        label = labels.get(key, "")
        if got is None:
            if abs(want.amount) > amount_tol:
                findings.append(
                    _finding(
                        "line_missing",
                        key,
                        expected=want.amount,
                        found=None,
                        basis=want.basis,
                        label=label,
                    )
                )
            continue
        compared = (
            ("quantity_differs", want.quantity, got.quantity, quantity_tol),
            ("rate_differs", want.rate, got.rate, rate_tol),
            ("amount_differs", want.amount, got.amount, amount_tol),
        )
        for finding_code, expected, found, tol in compared:
            # compared only where both sides give the value
            if expected is not None and found is not None and abs(found - expected) > tol:
                findings.append(
                    _finding(
                        finding_code,
                        key,
                        expected=expected,
                        found=found,
                        basis=want.basis,
                        label=label,
                    )
                )
    for key, got in printed.items():
        if key in computed or got.amount == 0:
            continue
        # the provision of the line's regime (REN 1.000/2021, art. 303 for reactive on group B;
        # REN 414/2010 charges it with appropriate metering, art. 95: see audit_bases)
        basis = (
            not_allowed_basis(
                key[0],
                group_b=invoice.group is InvoiceGroup.B,
                norm=bill.norm,
                end=bill.end,
            ),
        )
        findings.append(
            _finding(
                "line_not_allowed",
                key,
                expected=_ZERO,
                found=got.amount,
                basis=basis,
                label=labels.get(key, ""),
            )
        )
    return findings


def _demand_findings(invoice: Invoice, bill: Bill, quantity_tol: Decimal) -> list[Finding]:
    findings = []
    billed = _group(line for line in invoice.lines if line.code is LineCode.DEMAND)
    for post, measured in invoice.measured_demand.items():
        got = billed.get(_key(LineCode.DEMAND, post, ""))
        if got is None or got.quantity is None:
            continue
        # REN 1.000/2021, art. 294 (REN 414/2010, art. 93): at least the measured demand
        if got.quantity < measured - quantity_tol:
            findings.append(
                _finding(
                    "demand_below_measured",
                    _key(LineCode.DEMAND, post, ""),
                    expected=measured,
                    found=got.quantity,
                    basis=(demand_floor_basis(bill.norm),),
                )
            )
    return findings


def _flag_findings(
    invoice: Invoice, bill: Bill, flag_days: Mapping[str, int] | None
) -> list[Finding]:
    if not invoice.flags:
        return []
    findings = []
    basis: tuple[Basis, ...] = (flag_days_basis(bill.norm),)
    period = Decimal((invoice.end - invoice.start).days)
    printed = sum((Decimal(f.days) for f in invoice.flags), _ZERO)
    # art. 307: "tarifa proporcional aos dias de vigência de cada bandeira" in the period
    if printed != period:
        findings.append(
            _finding(
                "flag_days_wrong", None, expected=period, found=printed, basis=basis, label="total"
            )
        )
    if flag_days is not None:
        got = {f.name.strip().casefold(): f for f in invoice.flags}
        for name, days in flag_days.items():
            entry = got.get(name.strip().casefold())
            found = Decimal(entry.days) if entry is not None else _ZERO
            if found != days:
                findings.append(
                    _finding(
                        "flag_days_wrong",
                        (LineCode.FLAG, None, name),
                        expected=Decimal(days),
                        found=found,
                        basis=basis,
                        label=name,
                    )
                )
    return findings


def _rounding_basis(bill: Bill) -> tuple[Basis, ...]:
    # REN 414/2010, art. 213, parágrafo único (REN 418/2010 wording from 23 Nov 2010), as the
    # INVOICE_ROUNDING timeline cites it; REN 1.000/2021, art. 657, caput and parágrafo único
    if bill.rounding is InvoiceRounding.TRUNCATION:
        return rounding_basis(bill.rounding, bill.end)
    return (ren1000(657), *rounding_basis(bill.rounding, bill.end))


def _total_findings(invoice: Invoice, bill: Bill, line_findings: bool) -> list[Finding]:
    if invoice.total == bill.invoice_total:
        return []
    basis = _rounding_basis(bill)
    other_rules = {
        bill.total.quantize(_CENT, rounding=ROUND_HALF_UP, context=CTX),
        bill.total.quantize(_CENT, rounding=ROUND_DOWN, context=CTX),
        *(round_amount(bill.total, r) for r in InvoiceRounding if r is not bill.rounding),
    }
    rounded_lines = sum(
        (line.amount.quantize(_CENT, rounding=ROUND_HALF_UP, context=CTX) for line in bill.lines),
        _ZERO,
    )
    printed_lines = sum((line.amount for line in invoice.lines), _ZERO)
    # art. 657: the total is the exact sum rounded once, by the rule of the regime
    if invoice.total in other_rules or (
        not line_findings and invoice.total in (rounded_lines, printed_lines)
    ):
        return [
            _finding(
                "rounding_not_per_norm",
                None,
                expected=bill.invoice_total,
                found=invoice.total,
                basis=basis,
            )
        ]
    return [
        _finding(
            "total_differs",
            None,
            expected=bill.invoice_total,
            found=invoice.total,
            basis=bill.basis,
        )
    ]


def audit_invoice(
    invoice: Invoice,
    expected: Bill,
    *,
    tolerance: Decimal = Decimal("0.01"),
    quantity_tolerance: Decimal = Decimal("0.01"),
    rate_tolerance: Decimal = Decimal("0.000001"),
    flag_days: Mapping[str, int] | None = None,
) -> InvoiceAudit:
    """Audit a distributor's invoice against the computed bill (auditoria da fatura).

    Args:
        invoice: The invoice as printed (:func:`~aneel_rules.invoice.parse_invoice`).
        expected: The bill the rules give for the same unit and reading period.
        tolerance: Largest difference (R$) accepted on a line amount; the printed total must
            match the bill's invoice total to the cent.
        quantity_tolerance: Largest difference accepted on a quantity (kWh, kW, kvarh).
        rate_tolerance: Largest difference accepted on a rate (R$ per unit).
        flag_days: Days each flag was in force in the reading period (flag name → days), to
            check the days printed; without it only their sum is checked.

    Returns:
        The findings; none when the invoice matches.

    Raises:
        InvalidInputError: not an Invoice or a Bill; a negative tolerance.

    Legal basis:
        - REN 1.000/2021, arts. 294, 301, 303–304, 307, 323 and 657 (each finding cites the
          provisions of its line).
        - Before 3 Jan 2022, their REN 414/2010 counterparts (arts. 93, 95–96, 98, 105, 113,
          119 and 213; REN 547/2013, art. 3º for flags): ``_invoice/audit_bases.py``.
    """
    if not isinstance(invoice, Invoice):
        raise invalid("invoice", "not_an_invoice", value=masked(invoice))
    if not isinstance(expected, Bill):
        raise invalid("expected", "not_a_bill", value=masked(expected))
    tolerances = (
        non_negative(tolerance, "tolerance"),
        non_negative(quantity_tolerance, "quantity_tolerance"),
        non_negative(rate_tolerance, "rate_tolerance"),
    )
    findings: list[Finding] = []
    if (invoice.start, invoice.end) != (expected.start, expected.end):
        findings.append(
            _finding(
                "period_differs",
                None,
                expected=Decimal((expected.end - expected.start).days),
                found=Decimal((invoice.end - invoice.start).days),
                basis=(reading_period_basis(expected.norm),),
            )
        )
    line_findings = _compare_lines(invoice, expected, tolerances)
    findings.extend(line_findings)
    findings.extend(_demand_findings(invoice, expected, tolerances[1]))
    findings.extend(_flag_findings(invoice, expected, flag_days))
    findings.extend(_total_findings(invoice, expected, bool(line_findings)))
    order = {code: i for i, code in enumerate(FINDING_CODES)}
    ordered = tuple(sorted(findings, key=lambda f: order[f.code]))
    basis: list[Basis] = []
    for ref in (*(b for f in ordered for b in f.basis), *expected.basis):
        if ref not in basis:
            basis.append(ref)
    # REN 1.000/2021, art. 323 (REN 414/2010, art. 113): what was billed wrongly is charged
    # or refunded
    wrong = incorrect_billing_basis(expected.norm, expected.end)
    if ordered and wrong not in basis:
        basis.append(wrong)
    return InvoiceAudit(
        invoice=invoice,
        expected=expected,
        tolerance=tolerances[0],
        findings=ordered,
        basis=tuple(basis),
    )
