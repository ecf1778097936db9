"""Temporary-connection advance, low-value accumulation, overdue collection (arts. 318, 347)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from aneel_rules._billing.messages import invalid, non_negative, positive_int, unsupported
from aneel_rules._billing.money import (
    CTX,
)
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    Basis,
    Determination,
    Norm,
    norm_in_force,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "OVERDUE_COLLECTION_MONTHS",
    "OverdueCollection",
    "overdue_collection",
    "LOW_VALUE_MAX_CYCLES",
    "TEMPORARY_ADVANCE_MAX_CYCLES",
    "low_value_accumulation_allowed",
    "temporary_connection_advance",
)


TEMPORARY_ADVANCE_MAX_CYCLES: Final[Timeline[int]] = Timeline(
    name="temporary_connection_advance_max_cycles",
    unit="cycles",
    label_pt="pagamento antecipado na conexão temporária (ciclos completos)",
    periods=(
        Period(
            since=REN414_IN_FORCE_FROM,
            value=3,
            basis=ren414(52),
            note="REN 414/2010 'fornecimento provisório' (study note).",
        ),
        Period(since=REN1000_IN_FORCE_FROM, value=3, basis=ren1000(504)),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Advance payment of a temporary connection: up to 3 complete billing cycles.

REN 414/2010, art. 52 is known from one page (SINGLE-QUOTE: the 2013 study note, "pagamento
antecipado desses serviços e do consumo de energia elétrica ou da demanda de potência prevista,
em até 3 (três) ciclos completos de faturamento"). One page suffices for the one number encoded:
REN 1.000/2021, art. 504 (official compiled text) keeps it word for word ("pagamento antecipado
do consumo de energia elétrica ou da demanda de potência prevista, por até 3 ciclos completos
de faturamento"), so the answer is the same under either text.
"""

LOW_VALUE_MAX_CYCLES: Final = 3
"""Low-value invoices may be accumulated for at most 3 consecutive cycles (art. 318, § 3º)."""


def temporary_connection_advance(
    expected_per_cycle: Decimal, *, on: date, cycles: int | None = None
) -> Determination[Decimal]:
    """Largest advance payment a distributor may demand for a temporary connection.

    The distributor may require, as a guarantee, advance payment of the expected consumption or
    demand for up to 3 complete billing cycles, settling differences once a meter is installed.

    Args:
        expected_per_cycle: Expected billing of one complete cycle (R$).
        on: Date of the request (selects the regime).
        cycles: Cycles demanded; defaults to the maximum.

    Raises:
        InvalidInputError: negative amount; ``cycles`` above the maximum or below 1.

    Legal basis:
        - REN 1.000/2021, art. 504 (conexão temporária).
        - REN 414/2010, art. 52 (fornecimento provisório, study note).

    Examples:
        >>> from datetime import date
        >>> d = temporary_connection_advance(Decimal("450.10"), on=date(2026, 5, 1))
        >>> d.value, str(d.basis[0])
        (Decimal('1350.30'), 'REN 1.000/2021, art. 504')
    """
    amount = non_negative(expected_per_cycle, "expected_per_cycle", money=True, shown="number")
    day = plain_date(on, path="on")
    period = TEMPORARY_ADVANCE_MAX_CYCLES.period_on(day)
    maximum = TEMPORARY_ADVANCE_MAX_CYCLES.value_on(day)
    count = maximum if cycles is None else positive_int(cycles, "cycles")
    if count > maximum:
        raise invalid(
            "cycles",
            "too_many_cycles",
            basis=period.basis[0],
            path="cycles",
            value=masked(count),
            maximum=str(maximum),
        )
    return Determination(CTX.multiply(amount, count), period.basis)


def low_value_accumulation_allowed(consecutive_cycles: int, *, on: date) -> Determination[bool]:
    """Whether low-value invoices may still be accumulated (acúmulo de faturas de baixo valor).

    The invoice is issued every cycle anyway; the charge of a low-value cycle may be carried to
    the following ones for at most 3 consecutive cycles, and the consumer may refuse it.

    Args:
        consecutive_cycles: Cycles that would be accumulated, this one included.
        on: Date of the invoice.

    Raises:
        UnsupportedCaseError: ``on`` under REN 414/2010 (equivalent article unverified).

    Legal basis:
        - REN 1.000/2021, art. 318, caput and §§ 1º–4º.

    Examples:
        >>> from datetime import date
        >>> low_value_accumulation_allowed(3, on=date(2026, 1, 1)).value
        True
        >>> low_value_accumulation_allowed(4, on=date(2026, 1, 1)).value
        False
    """
    count = positive_int(consecutive_cycles, "consecutive_cycles")
    day = plain_date(on, path="on")
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_low_value", day.isoformat(), ren1000(318), counterpart=True)
    # REN 1.000/2021, art. 318, § 3º: at most 3 consecutive cycles
    return Determination(count <= LOW_VALUE_MAX_CYCLES, (ren1000(318, paragraph=3),))


OVERDUE_COLLECTION_MONTHS: Final = 60
"""Overdue invoices may be collected for up to 60 months (art. 347)."""


@attrs.frozen(kw_only=True)
class OverdueCollection:
    """Whether an overdue invoice may still be collected (prazo de cobrança de fatura em atraso).

    Attributes:
        due_on: Due date of the invoice.
        on: Date of the collection.
        last_day: Last day on which it may be collected (due date + 60 months).
        allowed: ``on <= last_day``.
        basis: Provisions applied.
    """

    due_on: date
    on: date
    last_day: date
    allowed: bool
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def overdue_collection(due_on: date, *, on: date) -> OverdueCollection:
    """Whether the distributor may still collect an overdue invoice (cobrança de fatura em atraso).

    The term is "até 60 meses". The norm does not say from when: we count from the due date
    (the invoice is overdue from the next day), excluding it and including the last day
    (art. 656, § 2º), so the last day is the same day of the month 60 months later (the last
    day of the month when that day does not exist). The regime is the one in force on ``on``.

    Raises:
        InvalidInputError: ``on`` not after ``due_on`` (the invoice is not overdue).
        UnsupportedCaseError: ``on`` under REN 414/2010 (its rule could not be verified).

    Legal basis:
        - REN 1.000/2021, art. 347 (and art. 656, § 2º for the counting).

    Examples:
        >>> from datetime import date
        >>> c = overdue_collection(date(2022, 3, 10), on=date(2027, 3, 10))
        >>> c.allowed, c.last_day
        (True, datetime.date(2027, 3, 10))
        >>> overdue_collection(date(2022, 3, 10), on=date(2027, 3, 11)).allowed
        False
    """
    due = plain_date(due_on, path="due_on")
    day = plain_date(on, path="on")
    if day <= due:
        raise invalid("on", "not_overdue", due=due.isoformat(), on=day.isoformat())
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_overdue", day.isoformat(), ren1000(347), counterpart=True)
    # REN 1.000/2021, art. 347: up to 60 months
    last_day = due + relativedelta(months=OVERDUE_COLLECTION_MONTHS)
    return OverdueCollection(
        due_on=due,
        on=day,
        last_day=last_day,
        allowed=day <= last_day,
        basis=(ren1000(347), ren1000(656, paragraph=2)),
    )
