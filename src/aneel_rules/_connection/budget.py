"""Connection budget (orçamento de conexão, art. 64) and vistoria (art. 91) deadlines."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._connection.common import check_bool, invalid
from aneel_rules._connection.deadlines import (
    INSPECTION_START_BASIS,
    CountingStart,
    Deadline,
    DeadlineDecision,
    check_counting_args,
    deadline_due,
)
from aneel_rules._connection.ren414 import GAP_BUDGET
from aneel_rules._connection.voltage import VoltageLevel
from aneel_rules._convert import masked
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.errors import AneelRulesError
from aneel_rules.legal import Basis, ren414, ren1000

__all__ = (
    "NO_BUDGET_BASIS",
    "BudgetNotIssuedError",
    "BudgetRequirement",
    "GenerationKind",
    "budget_requirement",
    "connection_budget_deadline",
    "connection_budget_deadline_decision",
    "explain_connection_budget_deadline",
    "explain_inspection_deadline",
    "inspection_deadline",
    "inspection_deadline_decision",
)


class GenerationKind(enum.Enum):
    """Generation at the connection (art. 64 separates microgeneration from the rest)."""

    MICRO = "microgeração distribuída"
    MINI = "minigeração distribuída"
    GENERATING_PLANT = "central geradora"


class BudgetNotIssuedError(AneelRulesError):
    """No connection budget is issued (art. 64, § 1º): go straight to vistoria (art. 91).

    ``.basis`` is REN 1.000/2021, art. 64, § 1º.
    """

    def __init__(self, message: str, *, basis: tuple[Basis, ...]) -> None:
        super().__init__(message)
        self.basis = basis


NO_BUDGET_BASIS: Final = ren1000(64, paragraph=1)


@attrs.frozen(kw_only=True)
class BudgetRequirement:
    """Whether a connection budget (orçamento de conexão) is issued, or vistoria comes next.

    Attributes:
        required: ``False`` in the case of art. 64, § 1º.
        next_step: The deadline that runs next: the budget deadline of art. 64, or the
            vistoria of art. 91 when no budget is issued.
        basis: The provision applied.
    """

    required: bool
    next_step: Deadline
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _generation(value: GenerationKind | str | None) -> GenerationKind | None:
    if value is None or isinstance(value, GenerationKind):
        return value
    for member in GenerationKind:
        if isinstance(value, str) and value in {member.value, member.name, member.name.lower()}:
            return member
    raise invalid(
        "generation",
        "unknown_generation",
        "generation {value} is not one of {known}",
        value=masked(value),
        known=", ".join(m.name.lower() for m in GenerationKind),
    )


def _budget_deadline(
    level: VoltageLevel, generation: GenerationKind | None, works: bool
) -> Deadline:
    # Art. 64, I and II: units without generation or with microgeneration, below 69 kV.
    if level is not VoltageLevel.FROM_69_KV and generation in {None, GenerationKind.MICRO}:
        # Art. 64, II: with works on the distribution or transmission system (30 days).
        if works:
            return Deadline.CONNECTION_BUDGET_WITH_WORKS
        # Art. 64, I: no works, at most the service drop (15 days).
        return Deadline.CONNECTION_BUDGET_NO_WORKS
    # Art. 64, III: every other connection (45 days).
    return Deadline.CONNECTION_BUDGET_OTHER


def _inspection_deadline(level: VoltageLevel) -> Deadline:
    # Art. 91, I / II / III: 5, 10 or 15 business days by connection voltage.
    return {
        VoltageLevel.BELOW_2_3_KV: Deadline.INSPECTION_BELOW_2_3_KV,
        VoltageLevel.FROM_2_3_TO_69_KV: Deadline.INSPECTION_2_3_TO_69_KV,
        VoltageLevel.FROM_69_KV: Deadline.INSPECTION_FROM_69_KV,
    }[level]


def budget_requirement(
    *,
    voltage_kv: Decimal | int | str,
    works_needed: bool,
    generation: GenerationKind | str | None = None,
    new_connection: bool = True,
) -> BudgetRequirement:
    """Whether a connection budget is issued, or the distributor goes straight to vistoria.

    A new connection without micro- or minigeneration that can be served below 2.3 kV with
    only a service drop (ramal de conexão) gets no budget: the distributor performs the
    vistoria and installs the meter (art. 64, § 1º → art. 91, I).

    Args:
        voltage_kv: Connection voltage, kV.
        works_needed: Works on the distribution or transmission system are needed
            (beyond the service drop).
        generation: Generation at the unit (``None`` for none).
        new_connection: The request is a new connection (conexão nova).

    Legal basis:
        - REN 1.000/2021, art. 64, § 1º; art. 64, I–III; art. 91, I.

    Examples:
        >>> r = budget_requirement(voltage_kv="0.22", works_needed=False)
        >>> r.required, r.next_step.name, [str(b) for b in r.basis]
        (False, 'INSPECTION_BELOW_2_3_KV', ['REN 1.000/2021, art. 64, § 1º'])
    """
    level = VoltageLevel.of(voltage_kv)
    kind = _generation(generation)
    check_bool(works_needed=works_needed, new_connection=new_connection)
    # Art. 64, § 1º: new connection, no micro/minigeneration, below 2.3 kV, only a service drop.
    if new_connection and kind is None and level is VoltageLevel.BELOW_2_3_KV and not works_needed:
        return BudgetRequirement(
            required=False, next_step=Deadline.INSPECTION_BELOW_2_3_KV, basis=NO_BUDGET_BASIS
        )
    deadline = _budget_deadline(level, kind, works_needed)
    return BudgetRequirement(required=True, next_step=deadline, basis=deadline.rule.basis)


def explain_connection_budget_deadline(
    requested_on: date,
    *,
    voltage_kv: Decimal | int | str,
    works_needed: bool,
    generation: GenerationKind | str | None = None,
    calendar: BusinessCalendar | None = None,
    new_connection: bool = False,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> DeadlineDecision:
    """Due date of the connection budget (orçamento de conexão), REN 1.000/2021, art. 64.

    15 days for units without generation or with microgeneration below 69 kV needing no
    works (at most the service drop); 30 days for the same with works; 45 days for every
    other connection (minigeneration, generating plants, 69 kV and above). Calendar days
    from the request, counted as art. 656 says.

    Args:
        requested_on: Day of the request (solicitação).
        voltage_kv: Connection voltage, kV (a ``float`` is read through its ``repr``).
        works_needed: Works on the distribution or transmission system are needed.
        generation: Generation at the unit (:class:`GenerationKind`, its value or name).
        calendar: Holidays that count; national only by default.
        new_connection: The request is a new connection: enables the art. 64, § 1º check.
        start: Reading of art. 656, § 3º (see :class:`CountingStart`).

    Raises:
        BudgetNotIssuedError: ``new_connection`` and the case of art. 64, § 1º.
        UnsupportedCaseError: ``requested_on`` before 2022-01-03, code ``unverified_ren414``
            (REN 414/2010's budget rule is art. 32: ``Ren414Deadline.STUDIES_AND_BUDGET``).
        InvalidInputError: bad voltage, generation, flags or calendar.

    Legal basis:
        - REN 1.000/2021, art. 64, I, II, III and § 1º; art. 656, §§ 2º and 3º.

    Examples:
        >>> d = explain_connection_budget_deadline(date(2026, 3, 4), voltage_kv="13.8",
        ...                                         works_needed=True)
        >>> d.due, d.amount, str(d.basis[0])  # day 30 is 3 Apr, Good Friday
        (datetime.date(2026, 4, 6), 30, 'REN 1.000/2021, art. 64, II')
    """
    requirement = budget_requirement(
        voltage_kv=voltage_kv,
        works_needed=works_needed,
        generation=generation,
        new_connection=new_connection,
    )
    # Bad input and the regime before the art. 64, § 1º refusal.
    check_counting_args(
        requested_on,
        calendar,
        start,
        what="connection budget",
        missing=GAP_BUDGET,
        basis=ren414(32),
        path="requested_on",
    )
    if not requirement.required:
        raise BudgetNotIssuedError(
            "no connection budget is issued for a new connection without distributed "
            "generation served below 2.3 kV with only a service drop: the distributor "
            "performs the vistoria and installs the meter (art. 91)",
            basis=requirement.basis,
        )
    return deadline_due(requirement.next_step, requested_on, calendar=calendar, start=start)


def connection_budget_deadline(
    requested_on: date,
    *,
    voltage_kv: Decimal | int | str,
    works_needed: bool,
    generation: GenerationKind | str | None = None,
    calendar: BusinessCalendar | None = None,
    new_connection: bool = False,
) -> date:
    """Due date of the connection budget (art. 64): see :func:`explain_connection_budget_deadline`.

    Pass ``new_connection=True`` for a conexão nova: in the case of art. 64, § 1º no
    budget is issued and :class:`BudgetNotIssuedError` says so (the default, ``False``,
    treats the request as another kind of connection — load increase, change of the type
    of connection — for which § 1º does not apply).

    Examples:
        >>> connection_budget_deadline(date(2026, 3, 4), voltage_kv=13.8, works_needed=False)
        datetime.date(2026, 3, 19)
    """
    return explain_connection_budget_deadline(
        requested_on,
        voltage_kv=voltage_kv,
        works_needed=works_needed,
        generation=generation,
        calendar=calendar,
        new_connection=new_connection,
    ).due


def explain_inspection_deadline(
    notice_on: date,
    *,
    voltage_kv: Decimal | int | str,
    calendar: BusinessCalendar | None = None,
) -> DeadlineDecision:
    """Due date of the vistoria and meter installation (REN 1.000/2021, art. 91).

    5 business days below 2.3 kV, 10 from 2.3 kV to below 69 kV, 15 from 69 kV, counted
    from the first business day after the triggering event (art. 91, parágrafo único:
    the art. 64 § 1º analysis, budget approval, return of contracts, end of works, or a
    new vistoria request).

    Raises:
        UnsupportedCaseError: ``notice_on`` before 2022-01-03, code ``unverified_ren414``:
            REN 414/2010 had separate vistoria (art. 30, not found verbatim) and ligação
            deadlines (art. 31: ``Ren414Deadline.CONNECTION_*``).

    Legal basis:
        - REN 1.000/2021, art. 91, I–III and parágrafo único; art. 656, § 2º.

    Examples:
        >>> d = explain_inspection_deadline(date(2026, 3, 4), voltage_kv="0.22")
        >>> d.due, d.amount, d.unit.value
        (datetime.date(2026, 3, 11), 5, 'dias úteis')
    """
    deadline = _inspection_deadline(VoltageLevel.of(voltage_kv))
    decision = deadline_due(deadline, notice_on, calendar=calendar)
    return attrs.evolve(decision, basis=(*deadline.rule.basis, INSPECTION_START_BASIS))


def inspection_deadline(
    notice_on: date,
    *,
    voltage_kv: Decimal | int | str,
    calendar: BusinessCalendar | None = None,
) -> date:
    """Due date of the vistoria and meter installation: see :func:`explain_inspection_deadline`.

    Examples:
        >>> inspection_deadline(date(2026, 3, 4), voltage_kv=13.8)
        datetime.date(2026, 3, 18)
    """
    return explain_inspection_deadline(notice_on, voltage_kv=voltage_kv, calendar=calendar).due


# Names before the one naming rule (value ``X``, explanation ``explain_X``); same functions.
connection_budget_deadline_decision: Final = explain_connection_budget_deadline
"""Alias of :func:`explain_connection_budget_deadline` (its name until 0.1.0)."""
inspection_deadline_decision: Final = explain_inspection_deadline
"""Alias of :func:`explain_inspection_deadline` (its name until 0.1.0)."""
