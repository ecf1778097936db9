"""The computed bill (fatura calculada): its lines, total and the total printed on the invoice.

A :class:`Bill` is what the rules say the distributor should charge for one reading period: a
tuple of :class:`BillLine`, each with a stable ``code`` (:data:`LINE_CODES`), the tariff post it
applies to, quantity, unit, rate, the unrounded amount and the provisions that produced it.
Nothing is rounded while computing (REN 1.000/2021, art. 657, caput; REN 414/2010, art. 213,
caput, in the wording of REN 418/2010 from 23 Nov 2010); the invoice total is rounded once, by
the rule of the regime in force at the end of the reading period
(:data:`aneel_rules.billing_cycle.INVOICE_ROUNDING`).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from typing import Final, TypeVar, cast

import attrs

from aneel_rules._billing.money import (
    CTX,
    INVOICE_ROUNDING,
    InvoiceRounding,
    check_rounding_known,
)
from aneel_rules._convert import instance_of, masked, plain_date, to_money
from aneel_rules._invoice.messages import check_period_order, invalid
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.legal import (
    REN1000_IN_FORCE_FROM,
    Basis,
    DistributorRule,
    LegalRef,
    Norm,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
)

__all__ = (
    "LINE_CODES",
    "TAX_CODES",
    "Bill",
    "BillLine",
    "check_text",
    "exact_sum",
    "invoice_rounding_on",
    "priced_line",
    "round_amount",
    "rounding_basis",
)

LINE_CODES: Final = (
    "energy_te",
    "energy_tusd",
    "demand",
    "demand_overrun",
    "complementary_demand",
    "reactive_energy",
    "reactive_demand",
    "flag",
    "availability",
    "social_discount",
    "irrigation_discount",
    "pis_pasep",
    "cofins",
    "icms",
    "municipal",
    "other",
)
"""Stable codes of bill lines (what an audit matches printed lines on).

- ``energy_te`` / ``energy_tusd``: active energy per post, TE and TUSD parts (art. 293; group B
  art. 327, § 2º);
- ``demand``: billed demand per post (azul) or single (verde) (art. 294);
- ``demand_overrun``: ultrapassagem added to the regular billing (art. 301);
- ``complementary_demand``: demanda complementar of rural/seasonal units (art. 300);
- ``reactive_energy`` / ``reactive_demand``: reactive excess (arts. 302–304);
- ``flag``: bandeira tarifária add-on (arts. 307–309);
- ``availability``: the part of the availability charge above the measured consumption
  (arts. 290–291);
- ``social_discount``: tarifa social / desconto social (negative amount, art. 179);
- ``irrigation_discount``: irrigation and aquaculture discount (negative amount, art. 186);
- ``pis_pasep``, ``cofins``, ``icms``: taxes (art. 327, IX; rates from the caller);
- ``municipal``: CIP/COSIP and other municipal charges (arts. 476 and 627-A), caller-given;
- ``other``: any other caller-given line (services, compensations…).
"""

TAX_CODES: Final = frozenset({"pis_pasep", "cofins", "icms"})
"""Codes of the tax lines (impostos e contribuições, art. 327, IX)."""

_T = TypeVar("_T")
_CENT: Final = Decimal("0.01")
_CALLER_CODES: Final = frozenset({"municipal", "other"})

_REN418_SINCE: Final = in_force_from(Norm.REN_418_2010)
"""REN 418/2010 rewrote art. 213 of REN 414/2010 (the only wording quoted) from this day."""
# REN 1.000/2021, art. 668, II, "l": until 31 Dec 2022 the distributor may keep the previous
# procedure (REN 414 truncation) while it adapts to art. 657, parágrafo único.
_TRANSITION_END: Final = date(2022, 12, 31)
_TRANSITION_BASIS: Final = ren1000(668, item="II", subitem="l")


def _check_code(_inst: object, _attr: object, value: str) -> None:
    if value not in LINE_CODES:
        raise invalid(
            "code",
            "unknown_line_code",
            "{path} must be one of the bill line codes, got {value}",
            path="code",
            value=masked(value),
        )


def _check_decimal(_inst: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise invalid(
            attribute.name,
            "not_a_decimal",
            "{path} must be a finite Decimal, got {value}",
            path=attribute.name,
            value=masked(value),
        )


def _check_optional_decimal(inst: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if value is not None:
        _check_decimal(inst, attribute, value)


def _check_post(_inst: object, _attr: object, value: TariffPost | None) -> None:
    if value is not None and not isinstance(value, TariffPost):
        raise invalid(
            "post",
            "not_a_post",
            "{path} must be a TariffPost or None, got {value}",
            path="post",
            value=masked(value),
        )


def check_text(_inst: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    name = attribute.name
    instance_of(value, str, name, "not_text", "{path} must be text, got {value}", invalid=invalid)


def _check_basis(_inst: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(b, LegalRef | DistributorRule) for b in value)
    ):
        raise invalid(
            attribute.name,
            "no_basis",
            "{path} must be a non-empty tuple of legal references, got {value}",
            path=attribute.name,
            value=masked(value),
        )


def _to_lines(value: Iterable[BillLine]) -> tuple[BillLine, ...]:
    return _to_tuple(value, "lines")


def _to_refs(value: Iterable[Basis]) -> tuple[Basis, ...]:
    return _to_tuple(value, "basis")


def _to_tuple(value: Iterable[_T], path: str) -> tuple[_T, ...]:
    try:
        return tuple(value)
    except TypeError:
        raise invalid(
            path,
            "not_iterable",
            "{path} must be an iterable, got {value}",
            path=path,
            value=masked(value),
        ) from None


def _check_refs(_inst: object, attribute: attrs.Attribute[_T], value: _T) -> None:
    if not all(
        isinstance(b, LegalRef | DistributorRule) for b in cast("tuple[object, ...]", value)
    ):
        raise invalid(
            attribute.name,
            "not_a_reference",
            "{path} must hold legal references only, got {value}",
            path=attribute.name,
            value=masked(value),
        )


def _start(value: object) -> date:
    return plain_date(value, path="start")


def _end(value: object) -> date:
    return plain_date(value, path="end")


@attrs.frozen(kw_only=True)
class BillLine:
    """One line of a computed bill (item da fatura).

    Attributes:
        code: Stable code, one of :data:`LINE_CODES`.
        post: Tariff post the line applies to (``None`` for lines without post).
        quantity: Billed quantity in ``unit`` (kWh, kW, kvarh… or ``1`` for a lump sum).
        unit: Unit of ``quantity`` (``"kWh"``, ``"kW"``, ``"R$"``…).
        rate: Price per ``unit`` in R$ (``None`` when the line is a lump sum or a tax base).
        amount: Amount in R$, unrounded (negative for discounts).
        basis: Provisions that produced the line (never empty).
        label: Free description (flag name, municipal charge name…); ``""`` if none.

    Examples:
        >>> line = BillLine(code="demand", post=TariffPost.PEAK, quantity=Decimal("104"),
        ...                 unit="kW", rate=Decimal("30"), amount=Decimal("3120"),
        ...                 basis=(ren1000(294, item="II"),))
        >>> line.code, str(line.basis[0])
        ('demand', 'REN 1.000/2021, art. 294, II')
    """

    code: str = attrs.field(validator=_check_code)
    post: TariffPost | None = attrs.field(validator=_check_post)
    quantity: Decimal = attrs.field(validator=_check_decimal)
    unit: str = attrs.field(validator=check_text)
    rate: Decimal | None = attrs.field(validator=_check_optional_decimal)
    amount: Decimal = attrs.field(validator=_check_decimal)
    basis: tuple[Basis, ...] = attrs.field(validator=_check_basis)
    label: str = attrs.field(default="", validator=check_text)

    @property
    def is_tax(self) -> bool:
        """Whether the line is PIS/PASEP, COFINS or ICMS."""
        return self.code in TAX_CODES


def invoice_rounding_on(end: date) -> InvoiceRounding:
    """Rounding rule of the invoice total for a reading period ending on ``end``.

    Truncation under REN 414/2010 (art. 213, parágrafo único, in the wording of REN 418/2010 from
    23 Nov 2010), ABNT rounding under REN 1.000/2021 (art. 657, parágrafo único).

    Examples:
        >>> invoice_rounding_on(date(2022, 1, 2)).value, invoice_rounding_on(date(2022, 1, 3)).value
        ('truncamento', 'arredondamento ABNT')
    """
    return INVOICE_ROUNDING.value_on(end)


def rounding_basis(rounding: InvoiceRounding, end: date) -> tuple[LegalRef, ...]:
    """Provisions for cutting the invoice total by ``rounding`` for a period ending on ``end``.

    As precise as :data:`aneel_rules.billing_cycle.INVOICE_ROUNDING`: REN 414/2010, art. 213,
    parágrafo único, in the wording of REN 418/2010 from 23 Nov 2010 (including a truncation
    kept under REN 1.000/2021, art. 668, II, "l"), without it before; REN 1.000/2021, art. 657,
    parágrafo único for ABNT rounding.

    Examples:
        >>> [str(b) for b in rounding_basis(InvoiceRounding.TRUNCATION, date(2021, 12, 10))]
        ['REN 414/2010, art. 213, parágrafo único (redação dada pela REN 418/2010)']
        >>> [str(b) for b in rounding_basis(InvoiceRounding.TRUNCATION, date(2010, 11, 22))]
        ['REN 414/2010, art. 213, parágrafo único']
    """
    if rounding is InvoiceRounding.ABNT:
        return (ren1000(657, paragraph="único"),)
    # REN 414/2010, art. 213, parágrafo único; REN 418/2010 rewrote art. 213 on 23 Nov 2010
    amended = Norm.REN_418_2010 if end >= _REN418_SINCE else None
    return (ren414(213, paragraph="único", amended_by=amended),)


def _no_rounding_basis(regime: Norm, end: date) -> LegalRef:
    # REN 414/2010, art. 213, caput (REN 418/2010 wording from 23 Nov 2010); REN 1.000, art. 657
    if regime is Norm.REN_1000_2021:
        return ren1000(657)
    return ren414(213, amended_by=Norm.REN_418_2010 if end >= _REN418_SINCE else None)


def exact_sum(amounts: Iterable[Decimal]) -> Decimal:
    """Exact sum under the library's context (never the thread's ambient one)."""
    return functools.reduce(CTX.add, amounts, Decimal(0))


def priced_line(  # noqa: PLR0917 (a line's facts in the order an invoice prints them)
    code: str,
    post: TariffPost | None,
    quantity: Decimal,
    unit: str,
    rate: Decimal | None,
    basis: tuple[Basis, ...],
    *,
    label: str = "",
    charged: bool = True,
) -> BillLine:
    """A line whose amount is ``quantity × rate`` (zero when not ``charged`` or without rate)."""
    amount = Decimal(0) if rate is None or not charged else CTX.multiply(quantity, rate)
    return BillLine(
        code=code,
        post=post,
        quantity=quantity,
        unit=unit,
        rate=rate,
        amount=amount,
        basis=basis,
        label=label,
    )


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return exact_sum(amounts)


def _total(bill: Bill) -> Decimal:
    return _sum(line.amount for line in bill.lines)


def _default_rounding(bill: Bill) -> InvoiceRounding:
    rule = invoice_rounding_on(bill.end)
    # REN 414/2010, art. 213 before REN 418/2010: original wording not found
    if all(isinstance(line, BillLine) for line in bill.lines):  # else the validator reports
        check_rounding_known(_total(bill), bill.end)
    return rule


def round_amount(amount: Decimal, rounding: InvoiceRounding) -> Decimal:
    """``amount`` with two decimals by ``rounding`` (the one place bills round).

    Examples:
        >>> [round_amount(Decimal("10.125"), r) for r in InvoiceRounding]
        [Decimal('10.12'), Decimal('10.12')]
        >>> [round_amount(Decimal("10.129"), r) for r in InvoiceRounding]
        [Decimal('10.12'), Decimal('10.13')]
    """
    amount = to_money(amount, path="amount")
    instance_of(
        rounding,
        InvoiceRounding,
        "rounding",
        "not_a_rounding",
        "{path} must be an InvoiceRounding, got {value}",
        invalid=invalid,
    )
    # REN 414/2010, art. 213, parágrafo único: truncation of money values to two decimals
    if rounding is InvoiceRounding.TRUNCATION:
        return amount.quantize(_CENT, rounding=ROUND_DOWN, context=CTX)
    # REN 1.000/2021, art. 657, parágrafo único + ABNT NBR 5891: half to even
    return amount.quantize(_CENT, rounding=ROUND_HALF_EVEN, context=CTX)


def _invoice_total(bill: Bill) -> Decimal:
    return round_amount(bill.total, bill.rounding)


@attrs.frozen(kw_only=True)
class Bill:
    """A computed bill for one reading period (fatura calculada).

    ``total`` is the exact sum of the lines; ``invoice_total`` is that sum rounded once to two
    decimals by ``rounding``, which defaults to the rule in force on ``end``: truncation for a
    period ending before 2022-01-03 (REN 414/2010, art. 213, parágrafo único, REN 418/2010
    wording), ABNT rounding from then (REN 1.000/2021, art. 657, parágrafo único). Until
    31 Dec 2022 a distributor could keep truncating while it adapted (REN 1.000/2021, art. 668,
    II, "l"): pass
    ``rounding=InvoiceRounding.TRUNCATION`` for such a bill. REN 418/2010 rewrote art. 213 on
    23 Nov 2010 and only its later wording is quoted: for a period ending from 15 Sep to 22 Nov
    2010 the default refuses a total with more than two decimals (``UnsupportedCaseError``,
    code ``unverified_ren414``); pass ``rounding`` to choose the reading.

    Attributes:
        start: Previous reading date (start of the reading period).
        end: Current reading date (end of the reading period).
        lines: The lines, in billing order.
        basis: Provisions of the bill as a whole (regime, rounding…), never empty.
        rounding: Rule used for ``invoice_total``.
        norm: Regime in force on ``end``.
        total: Exact sum of the line amounts.
        invoice_total: ``total`` with two decimals by ``rounding``.

    Raises:
        InvalidInputError: ``end`` not after ``start``, a line that is not a :class:`BillLine`,
            or truncation asked for a bill after the art. 668 transition.
        UnsupportedCaseError: default ``rounding``, ``end`` from 2010-09-15 to 2010-11-22 and
            a total with more than two decimals (REN 414/2010, art. 213, before REN 418/2010).

    Examples:
        >>> line = BillLine(code="energy_te", post=None, quantity=Decimal("100"), unit="kWh",
        ...                 rate=Decimal("0.334569"), amount=Decimal("33.4569"),
        ...                 basis=(ren1000(293),))
        >>> bill = Bill(start=date(2024, 5, 10), end=date(2024, 6, 10), lines=(line,))
        >>> bill.total, bill.invoice_total, bill.norm.value
        (Decimal('33.4569'), Decimal('33.46'), 'REN 1.000/2021')
        >>> Bill(start=date(2021, 11, 10), end=date(2021, 12, 10), lines=(line,)).invoice_total
        Decimal('33.45')
    """

    start: date = attrs.field(converter=_start)
    end: date = attrs.field(converter=_end)
    lines: tuple[BillLine, ...] = attrs.field(converter=_to_lines)
    basis: tuple[Basis, ...] = attrs.field(default=(), converter=_to_refs, validator=_check_refs)
    rounding: InvoiceRounding = attrs.field(
        default=attrs.Factory(_default_rounding, takes_self=True)
    )
    norm: Norm = attrs.field(init=False)
    total: Decimal = attrs.field(init=False)
    invoice_total: Decimal = attrs.field(init=False)

    @end.validator
    def _check_order(self, _attr: object, value: date) -> None:
        check_period_order(self.start, value)

    @lines.validator
    def _check_lines(self, _attr: object, value: tuple[object, ...]) -> None:
        for index, line in enumerate(value):
            instance_of(
                line,
                BillLine,
                f"lines.{index}",
                "not_a_line",
                "{path} must be a BillLine, got {value}",
                invalid=invalid,
            )

    @rounding.validator
    def _check_rounding(self, _attr: object, value: object) -> None:
        instance_of(
            value,
            InvoiceRounding,
            "rounding",
            "not_a_rounding",
            "{path} must be an InvoiceRounding, got {value}",
            invalid=invalid,
        )
        # REN 1.000/2021, art. 668, II, "l": truncation kept at most until 31 Dec 2022
        if value is InvoiceRounding.TRUNCATION and self.end > _TRANSITION_END:
            raise invalid(
                "rounding",
                "truncation_after_transition",
                "truncation is not allowed for a bill ending on {end}: REN 1.000/2021 rounds "
                "by ABNT rules (art. 657), the REN 414 procedure could be kept only until {until}",
                basis=_TRANSITION_BASIS,
                end=self.end.isoformat(),
                until=_TRANSITION_END.isoformat(),
            )

    def __attrs_post_init__(self) -> None:
        regime = norm_in_force(self.end)
        object.__setattr__(self, "norm", regime)
        object.__setattr__(self, "total", _total(self))
        object.__setattr__(self, "invoice_total", _invoice_total(self))
        own: list[Basis] = [
            _no_rounding_basis(regime, self.end),
            *rounding_basis(self.rounding, self.end),
        ]
        if self.rounding is InvoiceRounding.TRUNCATION and self.end >= REN1000_IN_FORCE_FROM:
            own.append(_TRANSITION_BASIS)
        basis = tuple(dict.fromkeys((*self.basis, *own)))
        object.__setattr__(self, "basis", basis)

    def lines_of(self, code: str, post: TariffPost | None = None) -> tuple[BillLine, ...]:
        """The lines with ``code`` (and ``post``, when given)."""
        return tuple(
            line for line in self.lines if line.code == code and (post is None or line.post is post)
        )

    def amount_of(self, code: str, post: TariffPost | None = None) -> Decimal:
        """Exact sum of the amounts of the lines with ``code`` (and ``post``)."""
        return _sum(line.amount for line in self.lines_of(code, post))

    @property
    def taxes(self) -> Decimal:
        """Exact sum of the tax lines (PIS/PASEP, COFINS, ICMS)."""
        return _sum(line.amount for line in self.lines if line.is_tax)

    @property
    def subtotal(self) -> Decimal:
        """Exact sum of the lines computed from tariffs, before taxes and caller-given lines."""
        return _sum(
            line.amount for line in self.lines if not line.is_tax and line.code not in _CALLER_CODES
        )
