"""Mandatory contents of the invoice (informações obrigatórias da fatura), by regime.

:func:`check_invoice_contents` lists the items a printed :class:`~aneel_rules.invoice.Invoice`
must show on a date and which of them are missing:

- from 3 Jan 2022, REN 1.000/2021, art. 327, I–XI (XI, the PIX code inserted by REN
  1.057/2023, when the consumer asked for it) and § 2º (tarifa branca per post); art. 330
  (second copy) and art. 209 (message when a tariff benefit is lost);
- before, REN 414/2010, art. 119, I ("obrigatoriamente", items a–o) and II ("quando
  pertinente", items a–i), and the low-income invoice — the tariff of each consumption block
  and the Tarifa Social mention "em destaque, no canto superior direito" — as quoted by the
  2013 study note.

What is printed is the analyst's transcription (``Invoice.present``); a few items are also read
from the invoice's own structure: the applied tariffs are printed when every tariff line has a
rate, flag add-ons when there is a flag line, the tarifa branca per post when each energy line
has a post and a rate. "When pertinent" items are required when the invoice's lines show the
fact (a discount line, an overrun line, a municipal line…) or the analyst says so
(``Invoice.situations``).

Readings (documented choices):

- The study note prints the low-income items as "art. 118, § 5º", but art. 118 is the one on
  instalments and the items follow the list of art. 119: we cite REN 414/2010, art. 119, § 5º
  (UNVERIFIED numbering). REN 1.000/2021 has no such item in art. 327 (it refers to PRODIST
  Módulo 11, not read): no TSEE mention is required from 3 Jan 2022.
- Art. 327, VIII ("histórico de consumo, caso aplicável") is required unless the situation
  ``sem histórico de consumo`` is given (a new unit); VI, VII and IX when the invoice has flag,
  service or tax lines (or the situation says so).
- REN 414/2010, art. 119, I, "l" (values of energy, distribution, transmission, charges and
  taxes) only for group B (and group A billed as B): required when ``group`` is ``B``; "n" (the
  state agency's phone, "quando houver") when the situation ``agência estadual conveniada``
  is given.

Examples:
    >>> from datetime import date
    >>> from aneel_rules.invoice import parse_invoice
    >>> inv = parse_invoice({
    ...     "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
    ...     "due_on": "2026-07-20", "total": "76.00",
    ...     "lines": [{"code": "energy_te", "quantity": 95, "unit": "kWh", "rate": "0.80",
    ...                "amount": "76.00"}],
    ...     "present": ["identificação do consumidor", "identificação da unidade consumidora",
    ...                 "grandezas medidas e faturadas", "histórico de consumo"]})
    >>> [m.item.value for m in check_invoice_contents(inv, on=date(2026, 7, 5)).missing]
    ['código para pagamento e linha digitável ou mensagem de débito automático']
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date
from aneel_rules._invoice.audit_messages import invalid
from aneel_rules._invoice.fields import (
    DAY,
    checked,
    instance,
    tuple_of,
)
from aneel_rules._invoice.parse import (
    PRICED_CODES,
    Invoice,
    InvoiceGroup,
    InvoiceItem,
    InvoiceSituation,
    LineCode,
)
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.errors import UnsupportedCaseError
from aneel_rules.legal import (
    AmendmentKind,
    Basis,
    Norm,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
)

__all__ = (
    "ContentsCheck",
    "RequiredItem",
    "check_invoice_contents",
)

_TARIFF_LINES: Final = PRICED_CODES
_TAX_LINES: Final = frozenset({LineCode.PIS_PASEP, LineCode.COFINS, LineCode.ICMS})
_DISCOUNT_LINES: Final = frozenset({LineCode.SOCIAL_DISCOUNT, LineCode.IRRIGATION_DISCOUNT})
_ENERGY_LINES: Final = frozenset({LineCode.ENERGY_TE, LineCode.ENERGY_TUSD})


@attrs.frozen(kw_only=True, field_transformer=checked)
class RequiredItem:
    """A mandatory item of the invoice, with the provision requiring it."""

    item: InvoiceItem = attrs.field(metadata=instance(InvoiceItem))
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


@attrs.frozen(kw_only=True, field_transformer=checked)
class ContentsCheck:
    """Result of :func:`check_invoice_contents` (conferência do conteúdo da fatura).

    Attributes:
        on: Date of the invoice checked.
        norm: Regime in force on ``on``.
        required: Every item required for this invoice, with its provision.
        missing: The required items not found, in the article's order.
        basis: Provisions applied.
    """

    on: date = attrs.field(metadata=DAY)
    norm: Norm = attrs.field(metadata=instance(Norm))
    required: tuple[RequiredItem, ...] = attrs.field(metadata=tuple_of(RequiredItem))
    missing: tuple[RequiredItem, ...] = attrs.field(metadata=tuple_of(RequiredItem))
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)

    @property
    def complete(self) -> bool:
        """Whether nothing is missing."""
        return not self.missing


def _has(invoice: Invoice, codes: frozenset[LineCode]) -> bool:
    return any(line.code in codes for line in invoice.lines)


def _situation(invoice: Invoice, situation: InvoiceSituation) -> bool:
    return situation in invoice.situations


def _is_white(invoice: Invoice) -> bool:
    return _situation(invoice, InvoiceSituation.WHITE_TARIFF) or any(
        line.post is TariffPost.INTERMEDIATE for line in invoice.lines
    )


def _printed(invoice: Invoice) -> frozenset[InvoiceItem]:
    """Items present: the analyst's list plus what the invoice's structure shows."""
    found = set(invoice.present)
    tariff_lines = [line for line in invoice.lines if line.code in _TARIFF_LINES]
    if tariff_lines and all(line.rate is not None for line in tariff_lines):
        found.update((InvoiceItem.TARIFFS, InvoiceItem.QUANTITIES_AND_TARIFFS))
    if _has(invoice, frozenset({LineCode.FLAG})):
        found.add(InvoiceItem.FLAG_AMOUNTS)
    energy = [line for line in invoice.lines if line.code in _ENERGY_LINES]
    if energy and all(line.post is not None and line.rate is not None for line in energy):
        found.add(InvoiceItem.WHITE_PER_POST)
    if _has(invoice, _TAX_LINES):
        found.add(InvoiceItem.TAXES)
    # the total and the due date are required fields of parse_invoice
    found.update((InvoiceItem.TOTAL_AND_DUE_DATE, InvoiceItem.TOTAL))
    if invoice.issued_on is not None:
        found.add(InvoiceItem.ISSUE_AND_DUE_DATES)
    return frozenset(found)


_Predicate = Callable[[Invoice, date], bool]
_Rule = tuple[InvoiceItem, Basis, _Predicate]


def _always(_invoice: Invoice, _on: date) -> bool:
    return True


def _when(situation: InvoiceSituation, codes: frozenset[LineCode] = frozenset()) -> _Predicate:
    """Required when the analyst gives ``situation`` or the invoice has a line of ``codes``."""

    def predicate(invoice: Invoice, _on: date) -> bool:
        return _situation(invoice, situation) or _has(invoice, codes)

    return predicate


def _history(invoice: Invoice, _on: date) -> bool:
    return not _situation(invoice, InvoiceSituation.NO_CONSUMPTION_HISTORY)


def _pix(invoice: Invoice, _on: date) -> bool:
    # art. 327, XI (inserted by REN 1.057/2023, whose entry into force is not in NORMS): only
    # "quando solicitado", so the date never decides — a consumer asked for it
    return _situation(invoice, InvoiceSituation.PIX_REQUESTED)


def _white(invoice: Invoice, _on: date) -> bool:
    return _is_white(invoice)


def _group_b(invoice: Invoice, _on: date) -> bool:
    return invoice.group is InvoiceGroup.B


_MUNICIPAL: Final = frozenset({LineCode.MUNICIPAL})
_FLAG: Final = frozenset({LineCode.FLAG})
_S = InvoiceSituation
_REN418_SINCE: Final = in_force_from(Norm.REN_418_2010)
_I = InvoiceItem

_REN1000_RULES: Final[tuple[_Rule, ...]] = (
    # art. 327, I–XI and § 2º
    (_I.CONSUMER_ID, ren1000(327, item="I"), _always),
    (_I.UNIT_ID, ren1000(327, item="II"), _always),
    (_I.TOTAL_AND_DUE_DATE, ren1000(327, item="III"), _always),
    (_I.QUANTITIES, ren1000(327, item="IV"), _always),
    (_I.TARIFFS, ren1000(327, item="V"), _always),
    (_I.FLAG_AMOUNTS, ren1000(327, item="VI"), _when(_S.TARIFF_FLAG, _FLAG)),
    (
        _I.PRODUCTS_AND_SERVICES,
        ren1000(327, item="VII"),
        _when(_S.PRODUCTS_AND_SERVICES, frozenset({LineCode.OTHER})),
    ),
    (_I.CONSUMPTION_HISTORY, ren1000(327, item="VIII"), _history),
    (_I.TAXES, ren1000(327, item="IX"), _when(_S.TAXES, _TAX_LINES | _MUNICIPAL)),
    (_I.PAYMENT_CODE, ren1000(327, item="X"), _always),
    (
        _I.PIX_CODE,
        ren1000(
            327, item="XI", amended_by=Norm.REN_1057_2023, amendment_kind=AmendmentKind.INSERTED
        ),
        _pix,
    ),
    (_I.WHITE_PER_POST, ren1000(327, paragraph=2), _white),
    # art. 330: "segunda via" in evidence; art. 209: message when a tariff benefit is lost
    (_I.SECOND_COPY_MARK, ren1000(330), _when(_S.SECOND_COPY)),
    (_I.BENEFIT_LOSS_MESSAGE, ren1000(209), _when(_S.BENEFIT_LOST)),
)

_REN414_RULES: Final[tuple[_Rule, ...]] = (
    # art. 119, I: "obrigatoriamente"
    (_I.CONSUMER_NAME, ren414(119, item="I", subitem="a"), _always),
    (_I.TAX_ID, ren414(119, item="I", subitem="b"), _always),
    (_I.UNIT_CODE, ren414(119, item="I", subitem="c"), _always),
    (_I.CLASS, ren414(119, item="I", subitem="d"), _always),
    (_I.ADDRESS, ren414(119, item="I", subitem="e"), _always),
    (_I.METERS, ren414(119, item="I", subitem="f"), _always),
    (_I.READINGS, ren414(119, item="I", subitem="g"), _always),
    (_I.ISSUE_AND_DUE_DATES, ren414(119, item="I", subitem="h"), _always),
    (_I.QUANTITIES_AND_TARIFFS, ren414(119, item="I", subitem="i"), _always),
    (_I.TOTAL, ren414(119, item="I", subitem="j"), _always),
    (_I.INFORMATION_NOTICE, ren414(119, item="I", subitem="k"), _always),
    # "l": group B and group A billed by group B tariffs
    (_I.COMPONENT_VALUES, ren414(119, item="I", subitem="l"), _group_b),
    (_I.DISTRIBUTOR_PHONES, ren414(119, item="I", subitem="m"), _always),
    # "n": "quando houver" a state agency
    (_I.STATE_AGENCY_PHONE, ren414(119, item="I", subitem="n"), _when(_S.STATE_AGENCY)),
    (_I.ANEEL_PHONE, ren414(119, item="I", subitem="o"), _always),
    # art. 119, II: "quando pertinente"
    (_I.LATE_CHARGES, ren414(119, item="II", subitem="a"), _when(_S.LATE_CHARGES)),
    (_I.DISCOUNT, ren414(119, item="II", subitem="b"), _when(_S.TARIFF_DISCOUNT, _DISCOUNT_LINES)),
    (
        _I.OVERRUN_DATE_TIME,
        ren414(119, item="II", subitem="c"),
        _when(_S.DEMAND_OVERRUN, frozenset({LineCode.DEMAND_OVERRUN})),
    ),
    (_I.UNPAID_INVOICES, ren414(119, item="II", subitem="d"), _when(_S.UNPAID_INVOICES)),
    (_I.NON_READING_BILLING, ren414(119, item="II", subitem="e"), _when(_S.NON_READING_BILLING)),
    (
        _I.TARIFF_ADJUSTMENT,
        ren414(119, item="II", subitem="f"),
        _when(_S.FIRST_AFTER_TARIFF_ADJUSTMENT),
    ),
    (
        _I.ANNUAL_DEBT_DECLARATION,
        ren414(119, item="II", subitem="g"),
        _when(_S.ANNUAL_DEBT_DECLARATION),
    ),
    (
        _I.PUBLIC_LIGHTING,
        ren414(119, item="II", subitem="h"),
        _when(_S.PUBLIC_LIGHTING, _MUNICIPAL),
    ),
    (_I.INSTALLMENTS, ren414(119, item="II", subitem="i"), _when(_S.INSTALLMENTS)),
    # low-income invoice (study note: "art. 118, § 5º", read as art. 119, § 5º)
    (
        _I.LOW_INCOME_BLOCK_TARIFFS,
        ren414(119, paragraph=5, item="I"),
        _when(_S.LOW_INCOME, frozenset({LineCode.SOCIAL_DISCOUNT})),
    ),
    (
        _I.TSEE_MENTION,
        ren414(119, paragraph=5, item="II"),
        _when(_S.LOW_INCOME, frozenset({LineCode.SOCIAL_DISCOUNT})),
    ),
)


def check_invoice_contents(invoice: Invoice, *, on: date) -> ContentsCheck:
    """Mandatory items of an invoice on ``on`` and those missing (conteúdo obrigatório).

    Args:
        invoice: The invoice as printed (:func:`~aneel_rules.invoice.parse_invoice`).
        on: Date of the invoice (its issue date); it selects the regime: REN 1.000/2021,
            art. 327 from 3 Jan 2022, REN 414/2010, art. 119 before.

    Raises:
        InvalidInputError: ``invoice`` is not an :class:`~aneel_rules.invoice.Invoice`;
            ``on`` is not a date.
        NotInForceError: ``on`` is before REN 414/2010.
        UnsupportedCaseError: a tariff-discount invoice before REN 418/2010 (23 Nov 2010),
            code ``unverified_ren414``: REN 418 rewrote art. 119, II, "b" and only the later
            wording is quoted.

    Legal basis:
        - REN 1.000/2021, art. 327, I–XI and § 2º; arts. 209 and 330.
        - REN 414/2010, art. 119, I, "a"–"o", II, "a"–"i" and § 5º (study note of 2013).

    Examples:
        >>> from aneel_rules.invoice import parse_invoice
        >>> inv = parse_invoice({
        ...     "reading": {"previous": "2021-06-01", "current": "2021-07-01"},
        ...     "due_on": "2021-07-20", "total": "10.00", "low_income": True,
        ...     "lines": [{"code": "other", "amount": "10.00"}]})
        >>> check = check_invoice_contents(inv, on=date(2021, 7, 5))
        >>> check.norm.value, len(check.missing), str(check.missing[-1].basis[0])
        ('REN 414/2010', 14, 'REN 414/2010, art. 119, § 5º, II')
    """
    if not isinstance(invoice, Invoice):
        raise invalid("invoice", "not_an_invoice", value=masked(invoice))
    day = plain_date(on, path="on")
    norm = norm_in_force(day)
    rules = _REN1000_RULES if norm is Norm.REN_1000_2021 else _REN414_RULES
    printed = _printed(invoice)
    required = tuple(
        RequiredItem(item=item, basis=(ref,))
        for item, ref, applies in rules
        if applies(invoice, day)
    )
    # REN 418/2010 rewrote art. 119, II, "b" (23 Nov 2010): the study note quotes the later
    # wording only, so a discount item required before that day is not answered
    pre418 = norm is Norm.REN_414_2010 and day < _REN418_SINCE
    if pre418 and any(entry.item is _I.DISCOUNT for entry in required):
        raise UnsupportedCaseError(
            "the invoice items of a tariff discount on {on} (REN 414/2010, art. 119, II, "
            '"b", before REN 418/2010) are not modelled: the original wording of the '
            "alínea is not quoted in any source found",
            code="unverified_ren414",
            domain="invoice_audit",
            basis=ren414(119, item="II", subitem="b"),
            params={"on": day.isoformat()},
        )
    missing = tuple(entry for entry in required if entry.item not in printed)
    head = ren1000(327) if norm is Norm.REN_1000_2021 else ren414(119)
    return ContentsCheck(
        on=day,
        norm=norm,
        required=required,
        missing=missing,
        basis=(head, *dict.fromkeys(ref for entry in required for ref in entry.basis)),
    )
