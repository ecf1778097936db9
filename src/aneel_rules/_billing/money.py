"""Money rules of the billing cycle: monetary update, late interest, invoice rounding.

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
All arithmetic uses the module's own :class:`decimal.Context`, never the ambient one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from typing import Final

from aneel_rules._billing.messages import invalid, non_negative, unsupported
from aneel_rules._convert import masked, plain_date, to_decimal
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    Norm,
    in_force_from,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "CTX",
    "INVOICE_ROUNDING",
    "DayCount",
    "InvoiceRounding",
    "MonetaryIndex",
    "check_index",
    "check_rounding_known",
    "ipca_factor",
    "ipca_update",
    "late_interest",
    "month_index",
    "month_start",
    "round_for_invoice",
)

CTX: Final = Context(
    prec=34, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow]
)
"""Arithmetic context of the billing rules (34 digits; never the thread's ambient context)."""

_CENT: Final = Decimal("0.01")
_REN418_SINCE: Final = in_force_from(Norm.REN_418_2010)
_HUNDRED: Final = Decimal(100)


class MonetaryIndex(enum.Enum):
    """Price index for monetary update (índice de atualização monetária)."""

    IPCA = "IPCA"
    IGPM = "IGP-M"


class DayCount(enum.Enum):
    """Day-count convention for interest 'pro rata die' (contagem de dias dos juros)."""

    DAYS_OVER_30 = "dias corridos / 30"
    DAYS_OF_CALENDAR_MONTH = "dias corridos / dias do mês civil"


class InvoiceRounding(enum.Enum):
    """How money values are cut to two decimals on the invoice (tratamento de valores)."""

    TRUNCATION = "truncamento"
    ABNT = "arredondamento ABNT"


INVOICE_ROUNDING: Final[Timeline[InvoiceRounding]] = Timeline(
    name="invoice_rounding",
    unit="rule",
    label_pt="tratamento dos valores monetários na fatura",
    periods=(
        Period(
            since=REN414_IN_FORCE_FROM,
            value=InvoiceRounding.TRUNCATION,
            basis=ren414(213, paragraph="único"),
            note=(
                "Original 2010 wording of art. 213 NOT FOUND (REN 418/2010 rewrote the article on "
                "23 Nov 2010): an amount with more than two decimals is refused "
                "(check_rounding_known); one with at most two is the same under every reading."
            ),
        ),
        Period(
            since=_REN418_SINCE,
            value=InvoiceRounding.TRUNCATION,
            basis=ren414(213, paragraph="único", amended_by=Norm.REN_418_2010),
            note="REN 414/2010 compiled text (1library copy, dossier S3): truncate to 2 decimals.",
        ),
        Period(
            since=REN1000_IN_FORCE_FROM,
            value=InvoiceRounding.ABNT,
            basis=ren1000(657, paragraph="único"),
            note=(
                "Distributors had until 31 Dec 2022 to adopt it, keeping the previous procedure "
                "meanwhile (REN 1.000/2021, art. 668, II, 'l')."
            ),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Invoice rounding rule by date: REN 414 truncated, REN 1.000 rounds by ABNT NBR 5891."""


def month_index(day: date) -> int:
    """Months since year 0 (reference month of a cycle as one integer)."""
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    """First day of the month numbered ``index`` (inverse of :func:`month_index`)."""
    return date(index // 12, index % 12 + 1, 1)


def check_rounding_known(amount: Decimal, on: date) -> None:
    """Refuse cutting ``amount`` to cents on a date whose art. 213 wording is unknown.

    REN 418/2010 rewrote art. 213 of REN 414/2010 on 23 Nov 2010; the only wording quoted (the
    compiled text: truncation to two decimals) is the later one. From 15 Sep to 22 Nov 2010 an
    amount with more than two decimals is therefore refused; one with at most two decimals is
    answered, since truncation, any rounding and the amount itself agree.

    Raises:
        UnsupportedCaseError: code ``unverified_ren414``, ``basis`` = REN 414/2010, art. 213,
            parágrafo único, for such an amount on such a date.

    Examples:
        >>> check_rounding_known(Decimal("10.10"), date(2010, 10, 1))  # same under every reading
        >>> check_rounding_known(Decimal("10.129"), date(2010, 11, 23))  # REN 418 wording quoted
    """
    if REN414_IN_FORCE_FROM <= on < _REN418_SINCE and (
        amount.quantize(_CENT, rounding=ROUND_DOWN, context=CTX) != amount
    ):
        raise unsupported(
            "subject_invoice_rounding_pre418", on.isoformat(), ren414(213, paragraph="único")
        )


def round_for_invoice(value: Decimal, *, on: date | None = None) -> Decimal:
    """Money value as printed on the invoice: two decimals (valor na fatura).

    Under REN 1.000/2021 the invoice rounds by the ABNT rules (NBR 5891: half to even when the
    discarded part is exactly 5), and only there: calculations are never rounded or truncated.
    REN 414/2010 truncated instead, in the wording of REN 418/2010 (from 23 Nov 2010); the
    original wording of art. 213 was not found, so from 15 Sep to 22 Nov 2010 an amount with
    more than two decimals is refused (:func:`check_rounding_known`). Without ``on`` the rule in
    force today by the norm (REN 1.000) is used; with ``on`` the rule in force on that date
    (:data:`INVOICE_ROUNDING`).

    Args:
        value: Exact amount in reais.
        on: Date of the invoice, to apply the rule of its regime.

    Returns:
        The amount with exactly two decimals.

    Raises:
        InvalidInputError: ``value`` is not a finite Decimal/int/str number.
        UnsupportedCaseError: code ``unverified_ren414`` (REN 414/2010, art. 213, parágrafo
            único): ``on`` from 2010-09-15 to 2010-11-22 and ``value`` has more than two decimals.

    Legal basis:
        - REN 1.000/2021, art. 657, caput and parágrafo único; ABNT NBR 5891.
        - REN 414/2010, art. 213, parágrafo único, wording of REN 418/2010 (truncation).

    Examples:
        >>> round_for_invoice(Decimal("10.125")), round_for_invoice(Decimal("10.135"))
        (Decimal('10.12'), Decimal('10.14'))
        >>> round_for_invoice(Decimal("10.1251"))
        Decimal('10.13')
        >>> round_for_invoice(Decimal("10.129"), on=date(2021, 12, 31))
        Decimal('10.12')
    """
    amount = to_decimal(value, path="value")
    day = None if on is None else plain_date(on, path="on")
    rule = InvoiceRounding.ABNT if day is None else INVOICE_ROUNDING.value_on(day)
    if day is not None:
        check_rounding_known(amount, day)
    # REN 414/2010, art. 213, parágrafo único: truncation to two decimals
    if rule is InvoiceRounding.TRUNCATION:
        return amount.quantize(_CENT, rounding=ROUND_DOWN, context=CTX)
    # REN 1.000/2021, art. 657, parágrafo único + ABNT NBR 5891: round half to even
    return amount.quantize(_CENT, rounding=ROUND_HALF_EVEN, context=CTX)


def check_index(index: object) -> dict[int, Decimal]:
    """The IPCA series as month number → variation, else the library's input error."""
    if not isinstance(index, Mapping):
        raise invalid("index", "not_a_mapping", value=masked(index))
    months: dict[int, Decimal] = {}
    for key, raw in index.items():
        month = plain_date(key, path="index")
        if month.day != 1:
            raise invalid("index", "not_first_of_month", value=masked(key))
        variation = to_decimal(raw, path=f"index.{month.isoformat()}")
        if variation <= -_HUNDRED:
            raise invalid(
                "index", "variation_too_low", value=masked(raw), month=month.isoformat()[:7]
            )
        months[month_index(month)] = variation
    return months


def ipca_factor(start: date, end: date, *, index: Mapping[date, Decimal]) -> Decimal:
    """Monetary-update factor between two dates from monthly IPCA variations (fator IPCA).

    The caller supplies the series (the library downloads nothing): a mapping from the first day
    of each month to that month's IPCA variation **in percent**, as IBGE publishes it
    (``Decimal("0.42")`` for +0,42 %). The factor compounds the variations of every month from
    the month of ``start`` up to the month **before** the month of ``end`` — i.e. the ratio of
    the IPCA index numbers of the month before ``end`` and of the month before ``start``. This
    is a choice (REN 1.000 names the index but not the convention): the IPCA of a month is only
    published in the next one, so the month of ``end`` is usually unknown when paying. A factor
    below 1 (deflation) is returned as is; the norm does not floor it.

    Raises:
        InvalidInputError: ``end`` before ``start``; a month of the range missing from ``index``
            (a gap); a key that is not the first day of a month; a variation ≤ -100 %.

    Examples:
        >>> series = {date(2024, 1, 1): Decimal("0.42"), date(2024, 2, 1): Decimal("0.83")}
        >>> ipca_factor(date(2024, 1, 20), date(2024, 3, 5), index=series)
        Decimal('1.01253486')
        >>> ipca_factor(date(2024, 1, 2), date(2024, 1, 30), index=series)
        Decimal('1')
    """
    first = plain_date(start, path="start")
    last = plain_date(end, path="end")
    if last < first:
        raise invalid("end", "end_before_start", end=last.isoformat(), start=first.isoformat())
    months = check_index(index)
    factor = Decimal(1)
    for month in range(month_index(first), month_index(last)):
        if month not in months:
            raise invalid("index", "missing_month", month=month_start(month).isoformat()[:7])
        factor = CTX.multiply(factor, CTX.add(1, CTX.divide(months[month], _HUNDRED)))
    return factor


def ipca_update(
    amount: Decimal, start: date, end: date, *, index: Mapping[date, Decimal]
) -> Decimal:
    """Amount updated by the IPCA from ``start`` to ``end`` (atualização monetária pelo IPCA).

    See :func:`ipca_factor` for the series format and the month convention. The result is
    exact (not rounded): round only for presentation (:func:`round_for_invoice`).

    Legal basis:
        - REN 1.000/2021, art. 323, § 2º, II (over-billing refund), art. 324, § 1º, art. 326, II,
          art. 342, § 4º (duplicate payment) and art. 343 (late payment): IPCA.
        - REN 1.000/2021, art. 668, III, "f"–"i": distributors had until 30 Jun 2022 to switch
          to the IPCA (REN 414/2010, art. 113, § 2º used the IGP-M).

    Examples:
        >>> series = {date(2024, 1, 1): Decimal("0.42"), date(2024, 2, 1): Decimal("0.83")}
        >>> ipca_update(Decimal("100.00"), date(2024, 1, 20), date(2024, 3, 5), index=series)
        Decimal('101.2534860000')
    """
    value = to_decimal(amount, path="amount")
    return CTX.multiply(value, ipca_factor(start, end, index=index))


def late_interest(
    amount: Decimal,
    start: date,
    end: date,
    *,
    monthly_rate: Decimal = Decimal("0.01"),
    day_count: DayCount = DayCount.DAYS_OVER_30,
) -> Decimal:
    """Simple interest 'pro rata die' on ``amount`` from ``start`` to ``end`` (juros de mora).

    Days run from the day after ``start`` to ``end`` inclusive (art. 656, § 2º). Interest is
    simple, never compounded (art. 658). The day-count convention is a parameter because the
    norm only says "1 % ao mês pro rata die":

    - ``DAYS_OVER_30`` (default): ``amount × rate × days / 30`` — the commercial month, which
      is what distributors print as "0,033 % ao dia" and gives the same daily rate all year.
    - ``DAYS_OF_CALENDAR_MONTH``: each day weighs ``rate / days in its calendar month``, so a
      whole calendar month always earns exactly ``rate``.

    Returns:
        The interest only (not amount + interest), exact.

    Raises:
        InvalidInputError: ``end`` before ``start``; negative ``amount`` or ``monthly_rate``.

    Legal basis:
        - REN 1.000/2021, art. 343 (late payment) and art. 323, § 2º, III (over-billing refund):
          1 % a month pro rata die.
        - REN 1.000/2021, art. 658 (simple capitalisation); art. 656, § 2º (day counting).

    Examples:
        >>> late_interest(Decimal("300.00"), date(2026, 1, 10), date(2026, 2, 9))
        Decimal('3.0000')
        >>> late_interest(Decimal("310.00"), date(2026, 1, 31), date(2026, 2, 28),
        ...               day_count=DayCount.DAYS_OF_CALENDAR_MONTH)
        Decimal('3.1000')
    """
    value = to_decimal(amount, path="amount")
    rate = to_decimal(monthly_rate, path="monthly_rate")
    for path, number in (("amount", value), ("monthly_rate", rate)):
        non_negative(number, path, money=True, shown="number")
    if not isinstance(day_count, DayCount):
        raise invalid(
            "day_count",
            "not_an_enum",
            path="day_count",
            expected="DayCount",
            value=masked(day_count),
        )
    first = plain_date(start, path="start")
    last = plain_date(end, path="end")
    if last < first:
        raise invalid("end", "end_before_start", end=last.isoformat(), start=first.isoformat())
    if day_count is DayCount.DAYS_OVER_30:
        days = (last - first).days
        return CTX.divide(CTX.multiply(CTX.multiply(value, rate), days), 30)
    import calendar  # noqa: PLC0415 (only this count needs it; every bill imports this module)

    months = Decimal(0)
    day = first + timedelta(days=1)
    while day <= last:
        in_month = calendar.monthrange(day.year, day.month)[1]
        segment_end = min(last, date(day.year, day.month, in_month))
        months = CTX.add(months, CTX.divide((segment_end - day).days + 1, in_month))
        day = segment_end + timedelta(days=1)
    return CTX.multiply(CTX.multiply(value, rate), months)
