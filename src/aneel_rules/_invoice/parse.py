"""The distributor's invoice as printed (fatura emitida), read from JSON-shaped data.

:func:`parse_invoice` reads what an analyst transcribes from a distributor's invoice — its lines
(code, post, quantity, unit, rate, amount), reading period, due date, total, flags in force and
which mandatory items are printed — and reports **every** problem at once, like the portal flows
(:mod:`aneel_rules.portal`): one :class:`~aneel_rules.errors.InvalidInputError` with a path and a
stable code per problem, messages in Portuguese (English on request). Sizes are checked before
any work; messages never repeat the values typed in text fields (they may be personal data).

Money is never a float: amounts and rates are ``Decimal``, ``int`` or numeric text (read JSON with
``parse_float=Decimal``); quantities (kWh, kW) may be JSON numbers.

Examples:
    >>> inv = parse_invoice({
    ...     "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
    ...     "due_on": "2026-07-20", "total": "83.40",
    ...     "lines": [{"code": "energy_te", "quantity": 95, "unit": "kWh", "rate": "0.80",
    ...                "amount": "76.00"}]})
    >>> inv.lines[0].amount, inv.total, inv.start, inv.end
    (Decimal('76.00'), Decimal('83.40'), datetime.date(2026, 6, 1), datetime.date(2026, 7, 1))
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._invoice.bill import LINE_CODES
from aneel_rules._invoice.fields import (
    COUNT,
    DAY,
    MONEY,
    OPTIONAL_DAY,
    OPTIONAL_MONEY,
    OPTIONAL_QUANTITY,
    OPTIONAL_TEXT,
    TEXT,
    checked,
    frozenset_of,
    instance,
    optional_instance,
    quantities_by,
    tuple_of,
)
from aneel_rules._invoice.invoice_specs import (
    _QUANTITY,
    _convert_top,
    _DemandMap,
    _Enum,
    _is,
    _items,
    _Money,
    _opt,
    _Post,
)
from aneel_rules._portal.field_groups import Field, ListOf, Obj
from aneel_rules._portal.field_numbers import Integer
from aneel_rules._portal.fields import Boolean, Collector, DateSpec, Text
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.legal import Basis, ren1000

__all__ = (
    "MAX_INVOICE_LINES",
    "FlagPeriod",
    "Invoice",
    "InvoiceGroup",
    "InvoiceItem",
    "InvoiceLine",
    "InvoiceSituation",
    "LineCode",
    "parse_invoice",
    "PRICED_CODES",
)

MAX_INVOICE_LINES: Final = 200
"""Library limit on the lines of one invoice (a group A azul bill has about twenty)."""


class LineCode(enum.Enum):
    """Code of an invoice line; the same codes as a computed bill (``LINE_CODES``)."""

    ENERGY_TE = "energy_te"
    ENERGY_TUSD = "energy_tusd"
    DEMAND = "demand"
    DEMAND_OVERRUN = "demand_overrun"
    COMPLEMENTARY_DEMAND = "complementary_demand"
    REACTIVE_ENERGY = "reactive_energy"
    REACTIVE_DEMAND = "reactive_demand"
    FLAG = "flag"
    AVAILABILITY = "availability"
    SOCIAL_DISCOUNT = "social_discount"
    IRRIGATION_DISCOUNT = "irrigation_discount"
    PIS_PASEP = "pis_pasep"
    COFINS = "cofins"
    ICMS = "icms"
    MUNICIPAL = "municipal"
    OTHER = "other"


assert tuple(c.value for c in LineCode) == LINE_CODES  # noqa: S101 (one list of codes)


class InvoiceGroup(enum.Enum):
    """Tariff group of the unit as printed (grupo tarifário)."""

    A = "A"
    B = "B"


class InvoiceItem(enum.Enum):
    """A mandatory item of the invoice (informação obrigatória da fatura).

    REN 1.000/2021, art. 327 (from 3 Jan 2022) and REN 414/2010, art. 119 (before), in the
    words of each article; some items exist under one regime only.
    """

    # REN 1.000/2021, art. 327
    CONSUMER_ID = "identificação do consumidor"
    UNIT_ID = "identificação da unidade consumidora"
    TOTAL_AND_DUE_DATE = "valor total devido e data de vencimento"
    QUANTITIES = "grandezas medidas e faturadas"
    TARIFFS = "tarifas aplicadas"
    FLAG_AMOUNTS = "valores adicionais das bandeiras tarifárias"
    PRODUCTS_AND_SERVICES = "valores relativos aos produtos, serviços e atividades prestados"
    CONSUMPTION_HISTORY = "histórico de consumo"
    TAXES = "impostos e contribuições incidentes"
    PAYMENT_CODE = "código para pagamento e linha digitável ou mensagem de débito automático"
    PIX_CODE = "código de resposta rápida do PIX"
    WHITE_PER_POST = "energia da tarifa branca por posto tarifário, com a tarifa aplicada"
    SECOND_COPY_MARK = "expressão segunda via em destaque"
    BENEFIT_LOSS_MESSAGE = "mensagem com o motivo da perda do benefício tarifário"
    # REN 414/2010, art. 119, I
    CONSUMER_NAME = "nome do consumidor"
    TAX_ID = "número de inscrição no CNPJ, CPF ou RANI"
    UNIT_CODE = "código de identificação da unidade consumidora"
    CLASS = "classe e subclasse da unidade consumidora"
    ADDRESS = "endereço da unidade consumidora"
    METERS = "números dos medidores e constantes de multiplicação"
    READINGS = "datas e registros das leituras anterior e atual e data da próxima leitura"
    ISSUE_AND_DUE_DATES = "data de apresentação e de vencimento"
    QUANTITIES_AND_TARIFFS = "grandezas, valores e tarifas aplicadas"
    TOTAL = "valor total a pagar"
    INFORMATION_NOTICE = "aviso de informações à disposição dos consumidores"
    COMPONENT_VALUES = "valores de energia, distribuição, transmissão, encargos e tributos"
    DISTRIBUTOR_PHONES = "telefones da central de teleatendimento e da ouvidoria"
    STATE_AGENCY_PHONE = "telefone da agência estadual conveniada"
    ANEEL_PHONE = "número da central de teleatendimento da ANEEL"
    # REN 414/2010, art. 119, II
    LATE_CHARGES = "multa por atraso e acréscimos moratórios discriminados"
    DISCOUNT = "indicação do desconto sobre a tarifa"
    OVERRUN_DATE_TIME = "data e hora da ultrapassagem de demanda"
    UNPAID_INVOICES = "faturas vencidas e não pagas"
    NON_READING_BILLING = "indicação do faturamento sem leitura e do motivo"
    TARIFF_ADJUSTMENT = "percentual do reajuste, resolução e início de vigência"
    ANNUAL_DEBT_DECLARATION = "declaração de quitação anual de débitos"
    PUBLIC_LIGHTING = "valor da contribuição de iluminação pública"
    INSTALLMENTS = "valor, número da parcela e total de parcelas"
    # REN 414/2010, art. 119, § 5º (low income, as in the 2013 study note)
    LOW_INCOME_BLOCK_TARIFFS = "tarifa de cada parcela do consumo (baixa renda)"
    TSEE_MENTION = "menção à Tarifa Social de Energia Elétrica em destaque"


class InvoiceSituation(enum.Enum):
    """A fact of the invoice that makes an item "pertinent" (situação da fatura)."""

    LATE_CHARGES = "acréscimos moratórios"
    TARIFF_DISCOUNT = "desconto tarifário"
    DEMAND_OVERRUN = "ultrapassagem de demanda"
    UNPAID_INVOICES = "faturas vencidas"
    NON_READING_BILLING = "faturamento sem leitura"
    FIRST_AFTER_TARIFF_ADJUSTMENT = "primeira fatura após reajuste tarifário"
    ANNUAL_DEBT_DECLARATION = "declaração anual de quitação"
    PUBLIC_LIGHTING = "contribuição de iluminação pública"
    INSTALLMENTS = "parcelamento"
    LOW_INCOME = "baixa renda"
    WHITE_TARIFF = "tarifa branca"
    TARIFF_FLAG = "bandeira tarifária"
    PRODUCTS_AND_SERVICES = "produtos e serviços"
    TAXES = "tributos"
    NO_CONSUMPTION_HISTORY = "sem histórico de consumo"
    PIX_REQUESTED = "PIX solicitado"
    SECOND_COPY = "segunda via"
    BENEFIT_LOST = "perda do benefício tarifário"
    STATE_AGENCY = "agência estadual conveniada"


@attrs.frozen(kw_only=True, field_transformer=checked)
class InvoiceLine:
    """One line printed on the invoice (item faturado).

    Built by :func:`parse_invoice`; built directly, every argument is checked as there
    (money ``Decimal``, ``int`` or numeric text; quantities also floats).
    """

    code: LineCode = attrs.field(metadata=instance(LineCode))
    post: TariffPost | None = attrs.field(metadata=optional_instance(TariffPost))
    quantity: Decimal | None = attrs.field(metadata=OPTIONAL_QUANTITY)
    unit: str | None = attrs.field(metadata=OPTIONAL_TEXT)
    rate: Decimal | None = attrs.field(metadata=OPTIONAL_MONEY)
    amount: Decimal = attrs.field(metadata=MONEY)
    label: str = attrs.field(default="", metadata=TEXT)


@attrs.frozen(kw_only=True, field_transformer=checked)
class FlagPeriod:
    """A tariff flag and the days it was in force in the reading period, as printed."""

    name: str = attrs.field(metadata=TEXT)
    days: int = attrs.field(metadata=COUNT)


@attrs.frozen(kw_only=True, field_transformer=checked)
class Invoice:
    """A distributor's invoice as printed and charged (fatura emitida).

    Attributes:
        start: Previous reading date (start of the reading period).
        end: Current reading date.
        next_reading: Date of the next reading, if printed.
        issued_on: Date of issue (apresentação), if printed.
        due_on: Due date.
        group: Tariff group, if printed.
        lines: The lines, as printed, in order.
        total: Total printed.
        flags: Flags and their days in the reading period, as printed.
        measured_demand: Demand measured per post (kW), as printed (``None`` key: no post).
        present: Mandatory items the analyst found printed.
        situations: Facts given by the analyst that make items pertinent.
        basis: Where the content of an invoice is defined.
    """

    start: date = attrs.field(metadata=DAY)
    end: date = attrs.field(metadata=DAY)
    next_reading: date | None = attrs.field(metadata=OPTIONAL_DAY)
    issued_on: date | None = attrs.field(metadata=OPTIONAL_DAY)
    due_on: date = attrs.field(metadata=DAY)
    group: InvoiceGroup | None = attrs.field(metadata=optional_instance(InvoiceGroup))
    lines: tuple[InvoiceLine, ...] = attrs.field(metadata=tuple_of(InvoiceLine))
    total: Decimal = attrs.field(metadata=MONEY)
    flags: tuple[FlagPeriod, ...] = attrs.field(metadata=tuple_of(FlagPeriod))
    measured_demand: Mapping[TariffPost | None, Decimal] = attrs.field(
        metadata=quantities_by(TariffPost)
    )
    present: frozenset[InvoiceItem] = attrs.field(metadata=frozenset_of(InvoiceItem))
    situations: frozenset[InvoiceSituation] = attrs.field(metadata=frozenset_of(InvoiceSituation))
    basis: tuple[Basis, ...] = attrs.field(
        default=(ren1000(327),), converter=to_bases, validator=check_bases
    )


PRICED_CODES: Final = frozenset(
    {
        LineCode.ENERGY_TE,
        LineCode.ENERGY_TUSD,
        LineCode.DEMAND,
        LineCode.DEMAND_OVERRUN,
        LineCode.COMPLEMENTARY_DEMAND,
        LineCode.REACTIVE_ENERGY,
        LineCode.REACTIVE_DEMAND,
        LineCode.FLAG,
    }
)
"""Lines that bill a quantity (kWh, kW, kvarh): their quantity is required."""

_LINE: Final = Obj(
    fields=(
        Field("code", _Enum(LineCode)),
        Field("post", _Post(), required=False),
        Field("quantity", _QUANTITY, required=False),
        Field("unit", Text(max_length=16), required=False),
        Field("rate", _Money(), required=False),
        Field("amount", _Money()),
        Field("label", Text(max_length=120), required=False),
    ),
    title="invoice line",
)

_READING: Final = Obj(
    fields=(
        Field("previous", DateSpec()),
        Field("current", DateSpec()),
        Field("next", DateSpec(), required=False),
    )
)

_FLAG: Final = Obj(fields=(Field("name", Text(max_length=40)), Field("days", Integer(maximum=400))))

_INVOICE: Final = Obj(
    fields=(
        Field("reading", _READING),
        Field("issued_on", DateSpec(), required=False),
        Field("due_on", DateSpec()),
        Field("group", _Enum(InvoiceGroup), required=False),
        Field("lines", ListOf(_LINE, min_items=1, max_items=MAX_INVOICE_LINES)),
        Field("total", _Money()),
        Field("flags", ListOf(_FLAG, max_items=12), required=False),
        Field("measured_demand", _DemandMap(), required=False),
        Field("present", ListOf(_Enum(InvoiceItem), max_items=len(InvoiceItem)), required=False),
        Field(
            "situations",
            ListOf(_Enum(InvoiceSituation), max_items=len(InvoiceSituation)),
            required=False,
        ),
        Field("low_income", Boolean(), required=False),
    ),
    title="invoice",
)


def _line(item: object) -> InvoiceLine:
    values = _is(item, dict)
    return InvoiceLine(
        code=_is(values["code"], LineCode),
        post=_opt(values["post"], TariffPost),
        quantity=_opt(values["quantity"], Decimal),
        unit=_opt(values["unit"], str),
        rate=_opt(values["rate"], Decimal),
        amount=_is(values["amount"], Decimal),
        label=_opt(values["label"], str) or "",
    )


def _flag(item: object) -> FlagPeriod:
    values = _is(item, dict)
    return FlagPeriod(name=_is(values["name"], str), days=_is(values["days"], int))


def parse_invoice(data: Mapping[str, object]) -> Invoice:
    """Read a printed invoice from JSON-shaped data, reporting every problem at once.

    Keys (English, snake_case): ``reading`` {``previous``, ``current``, ``next``?},
    ``issued_on``?, ``due_on``, ``group``? (``A``/``B``), ``lines`` [{``code``, ``post``?,
    ``quantity``?, ``unit``?, ``rate``?, ``amount``, ``label``?}], ``total``, ``flags``?
    [{``name``, ``days``}], ``measured_demand``? {post or ``total``: kW}, ``present``? [items
    printed, :class:`InvoiceItem` values], ``situations``? [:class:`InvoiceSituation` values],
    ``low_income``? (shorthand for the situation ``baixa renda``).

    Raises:
        InvalidInputError: every problem found (unknown or missing field, bad number, float
            money, bad date, reading period not increasing, due date before the reading, too
            many lines), each with its path and code.

    Legal basis:
        - REN 1.000/2021, art. 327 (contents of the invoice).

    Examples:
        >>> parse_invoice({"lines": [], "total": 1.5})
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: reading: this field is required; ...
    """
    collector, values = _convert_top(_INVOICE, data)
    if isinstance(values, dict):
        _cross_checks(values, collector)
    collector.raise_if_any()
    fields = _is(values, dict)
    reading = _is(fields["reading"], dict)
    situations = {_is(v, InvoiceSituation) for v in _items(fields["situations"])}
    if fields["low_income"]:
        situations.add(InvoiceSituation.LOW_INCOME)
    demand = _opt(fields["measured_demand"], dict) or {}
    return Invoice(
        start=_is(reading["previous"], date),
        end=_is(reading["current"], date),
        next_reading=_opt(reading["next"], date),
        issued_on=_opt(fields["issued_on"], date),
        due_on=_is(fields["due_on"], date),
        group=_opt(fields["group"], InvoiceGroup),
        lines=tuple(_line(v) for v in _items(fields["lines"])),
        total=_is(fields["total"], Decimal),
        flags=tuple(_flag(v) for v in _items(fields["flags"])),
        measured_demand={_opt(k, TariffPost): _is(v, Decimal) for k, v in demand.items()},
        present=frozenset(_is(v, InvoiceItem) for v in _items(fields["present"])),
        situations=frozenset(situations),
    )


def _cross_checks(values: dict[str, object], collector: Collector) -> None:
    """Checks between fields, only where both fields converted."""
    reading = values.get("reading")
    if isinstance(reading, dict):
        previous, current, following = reading["previous"], reading["current"], reading["next"]
        if isinstance(previous, date) and isinstance(current, date) and current <= previous:
            collector.add(
                "reading.current", "end_before_start", end=str(current), start=str(previous)
            )
        if isinstance(current, date) and isinstance(following, date) and following <= current:
            collector.add(
                "reading.next", "end_before_start", end=str(following), start=str(current)
            )
        due = values.get("due_on")
        if isinstance(current, date) and isinstance(due, date) and due < current:
            collector.add("due_on", "end_before_start", end=str(due), start=str(current))
    lines = values.get("lines")
    if isinstance(lines, tuple):
        for index, line in enumerate(lines):
            if line["code"] in PRICED_CODES and line["quantity"] is None:
                collector.add(f"lines.{index}.quantity", "required")
