"""Settling an incorrect billing (acerto do faturamento incorreto).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`. The
windows, multipliers and terms are in :mod:`aneel_rules._billing.settlement_rules`, the
criterion for a defective meter in :mod:`aneel_rules._billing.meter_defect`.

A billing cycle is identified by its reference month (any day of it). "The current cycle" is
the cycle of ``found_on`` (the date of the constatação, REN 1.000/2021, art. 323, § 10).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import (
    check_enum,
    invalid,
    positive_int,
    unsupported,
)
from aneel_rules._billing.money import (
    CTX,
    MonetaryIndex,
    month_index,
)
from aneel_rules._billing.settlement_rules import (
    _DISTRIBUTOR_SIDE,
    REN479_WORDING_SINCE,
    BillingError,
    Cause,
    Direction,
    _multiplier,
    _suspended_window,
    _terms,
    _update_terms,
    _window,
)
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date, to_bool
from aneel_rules.legal import (
    Basis,
    Norm,
    norm_in_force,
    ren414,
    ren1000,
)

__all__ = (
    "Settlement",
    "SettlementLine",
    "settle_incorrect_billing",
)

_MISSING_REN414: Final[dict[Cause, Basis]] = {
    # REN 1.000/2021, art. 323, § 3º has no known REN 414/2010 counterpart: art. 113 is the
    # article on the distributor's incorrect billing, the one a third party's case would amend
    Cause.THIRD_PARTY: ren414(113),
    # A later caput of art. 113 (SINGLE-QUOTE, act unknown) adds "nos casos de impedimento de
    # acesso para fins de leitura"; art. 87 is the impediment article
    Cause.ACCESS_IMPEDIMENT: ren414(87),
    Cause.EMERGENCY: ren414(111),
    Cause.METER_DEFECT: ren414(115),
}
"""REN 414/2010 provision whose text a settlement of each cause would need (none quoted)."""


@attrs.frozen(kw_only=True)
class SettlementLine:
    """One cycle of a settlement: amount, multiplier (0, 1 or 2) and the rule behind it."""

    cycle: date
    amount: Decimal
    multiplier: int
    due: Decimal
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


@attrs.frozen(kw_only=True)
class Settlement:
    """What is owed after an incorrect billing (acerto do faturamento incorreto).

    Attributes:
        direction: Under- or over-billing.
        cause: To whom it is attributable.
        found_on: Date of the constatação.
        norm: Regime in force on ``found_on``.
        window_cycles: Cycles the window covers (``None``: no limit, art. 321, III, or no
            window needed).
        window_from_caller: Whether ``window_cycles`` was given by the caller.
        window_needed: ``False`` when the over-billing window is suspended (art. 323, II) and
            the answer does not depend on it: every erroneous cycle lies within the
            :data:`SHORTEST_OVERBILLING_WINDOW` cycles up to the constatação, so every
            plausible window (36, the suspended 60, the civil-law ten years) gives this
            refund. ``basis`` then cites the suspension and REN 414/2010, art. 113, II (the
            36-cycle term, the shortest reading).
        cycles: First days of the included reference months, oldest first.
        excluded: Errors outside the window (too old, or in ``found_on``'s cycle for
            under-billing).
        lines: Included cycles with their multiplier.
        principal: Sum of the included amounts.
        amount_due: Sum of ``amount × multiplier`` (before monetary update and interest).
        installments: Under-billing by the distributor: maximum number of instalments (the
            consumer may ask for fewer).
        refund_by: Over-billing: first day of the reference month of the last cycle in which
            the refund must be made.
        update_index: Index for the monetary update (``None`` where unverified).
        late_interest: Whether 1 % a month pro rata die is added on the updated value.
        basis: Provisions applied.
    """

    direction: Direction
    cause: Cause
    found_on: date
    norm: Norm
    window_cycles: int | None
    window_from_caller: bool
    window_needed: bool
    cycles: tuple[date, ...]
    excluded: tuple[BillingError, ...]
    lines: tuple[SettlementLine, ...]
    principal: Decimal
    amount_due: Decimal
    installments: int | None
    refund_by: date | None
    update_index: MonetaryIndex | None
    late_interest: bool
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _errors(errors: object, found_on: date) -> tuple[BillingError, ...]:
    if isinstance(errors, str | bytes | Mapping) or not isinstance(errors, Iterable):
        raise invalid("errors", "not_a_billing_error", path="errors", value=masked(errors))
    found = tuple(errors)
    seen: set[date] = set()
    for i, error in enumerate(found):
        if not isinstance(error, BillingError):
            raise invalid(
                f"errors.{i}", "not_a_billing_error", path=f"errors.{i}", value=masked(error)
            )
        if error.month in seen:
            raise invalid(f"errors.{i}", "duplicate_cycle", cycle=error.month.isoformat()[:7])
        # An error cannot be found before its cycle is billed (art. 323, § 10: constatação).
        # ``cycle`` stands for its reference month (any day of it), so months are compared.
        if month_index(error.cycle) > month_index(found_on):
            raise invalid(
                f"errors.{i}",
                "after_found_on",
                basis=ren1000(323, paragraph=10),
                cycle=error.month.isoformat()[:7],
                found_on=found_on.isoformat(),
            )
        seen.add(error.month)
    return found


def _check_settlement_args(
    direction: object,
    cause: object,
    found_on: object,
    window_cycles: object,
    justifiable_error: object,
) -> tuple[date, int | None]:
    check_enum(direction, Direction, "direction")
    check_enum(cause, Cause, "cause")
    day = plain_date(found_on, path="found_on")
    window = None if window_cycles is None else positive_int(window_cycles, "window_cycles")
    to_bool(justifiable_error, path="justifiable_error")
    return day, window


def settle_incorrect_billing(
    errors: Iterable[BillingError],
    *,
    direction: Direction,
    cause: Cause,
    found_on: date,
    window_cycles: int | None = None,
    justifiable_error: bool = False,
    false_declaration: bool = False,
) -> Settlement:
    """Settle an incorrect billing: which cycles, how much, by when (faturamento incorreto).

    The regime is the one in force on ``found_on`` (the constatação). Let M be its cycle.

    - Under-billing by the distributor (art. 323, I; REN 414 art. 113, I): only the last 3 cycles
      before M; instalments = twice the period of the error (art. 323, § 1º: we count every
      erroneous cycle before M, the literal "período em que ocorreu o erro"; REN 414 art. 113,
      § 1º said "período apurado", so the included cycles).
    - Over-billing by the distributor (art. 323, II): refund by the 2nd cycle after M of what was
      received in the last ``window_cycles`` cycles up to M, **in double** (§ 2º, I), IPCA plus
      1 % a month pro rata die (§ 2º, II–III). REN 1.000 sets 60 cycles, but that term is
      suspended by Despacho ANEEL 2.006/2024 (court decision) and the text gives no substitute.
      From 8 Jul 2024, when every erroneous cycle lies within the 36 cycles up to M (the
      shortest plausible window, :data:`SHORTEST_OVERBILLING_WINDOW`), every window gives the
      same refund: it is computed with ``window_needed`` False. Otherwise the answer depends on
      the window and the library raises ``RegulatoryGapError`` unless ``window_cycles`` is
      given (e.g. 60 for the suspended text, 36 as REN 414 art. 113, II had). Before the
      suspension, 60. Under REN 414, 36 cycles (art. 113, II) until 3 Jan 2019; from 4 Jan 2019
      that term was itself suspended by Despacho ANEEL 18/2019 (court decision; the ten years
      of the Civil Code applied instead, per ABRADEE's question quoted at
      https://norven.com.br/?p=2717), and the same rule applies: answered within the 36 cycles
      up to M, otherwise ``RegulatoryGapError`` unless ``window_cycles`` is given.
    - Third party (art. 323, § 3º, II): as the distributor's case, but a simple refund.
    - Consumer's fault (art. 324; REN 414 art. 114): simple collection or refund (refund in the
      cycle after M), IPCA, up to 36 cycles; access impediment: under-billing only for the last 3
      cycles before M (§ 2º).
    - Emergency, calamity or force majeure (art. 321, III): art. 323 without the 3-cycle limit
      and without doubling; settled in the cycle after M (M = the end of the situation).
    - Defective meter (``Cause.METER_DEFECT``, arts. 255–257, 325): compensation charged for
      at most 3 cycles, refunded for at most 60 (art. 256, parágrafo único; not touched by the
      suspension of art. 323, II), simple, IPCA (art. 326, II), no late interest; the charge in
      twice the período apurado in instalments (art. 257, § 3º); the refund after the
      complaint periods of art. 325, § 7º (``refund_by`` is ``None``). Not for a defect caused
      by an irregular procedure (art. 255, § 2º). See :func:`meter_defect_criterion`.
    - Over-billings issued before 31 Mar 2022 keep the REN 414 rule (art. 668, § 1º): double
      unless ``justifiable_error`` ("engano justificável", REN 414 art. 113, § 2º). Our reading
      of "emitidos antes do prazo" of art. 668, IV ("até 31 de março de 2022"): issued on
      31 Mar 2022 falls under REN 1.000; give an earlier ``cycle`` to apply the other reading.

    Our reading of "cycles up to M": under-billing windows end at M − 1 ("imediatamente
    anteriores ao ciclo vigente"); over-billing windows include M, because an invoice of M may
    have been paid before the constatação. Errors outside the window or after M are reported in
    ``.excluded``, never included. An error of a reference month after that of ``found_on``
    cannot have been found then: it is bad input (``InvalidInputError``), whatever the window.

    Args:
        errors: The wrongly billed cycles (at most one per reference month).
        direction: Under- or over-billing.
        cause: To whom it is attributable.
        found_on: Date of the constatação (art. 323, § 10).
        window_cycles: Overrides the window (required for distributor over-billing while the
            60-cycle term is suspended).
        justifiable_error: REN 414 rule only: the distributor's error was justifiable.
        false_declaration: Consumer's over-billing only: the distributor established a false
            declaration of the activity or of the real use of the energy — nothing is refunded
            (art. 324, § 3º; lines get multiplier 0).

    Raises:
        InvalidInputError: bad input, two errors in the same month, an error of a month after
            that of ``found_on``, ``window_cycles`` < 1 (always checked before any other refusal).
        RegulatoryGapError: over-billing window suspended (REN 1.000 from 8 Jul 2024, REN 414
            from 4 Jan 2019), an erroneous cycle older than the 36 cycles up to M, and no
            ``window_cycles``.
        UnsupportedCaseError: REN 414 cases the project could not verify (third party, access
            impediment, emergency, meter defect; the distributor's case before 3 Apr 2012, when
            REN 479/2012 gave art. 113 the wording encoded here).

    Legal basis:
        - REN 1.000/2021, arts. 256, parágrafo único; 257, § 3º; 321, III; 323, I–II and
          §§ 1º–3º, 10; 324; 325, § 7º; 326, II; 668, § 1º.
        - REN 414/2010, arts. 113 (wording by REN 479/2012) and 114.
        - Despacho ANEEL 2.006/2024 (suspension of the 60-cycle term); Despacho ANEEL 18/2019
          (suspension of REN 414/2010, art. 113, II, 4 Jan 2019 to 2 Jan 2022).

    Examples:
        >>> errors = [BillingError(date(2025, m, 10), Decimal("50.00")) for m in range(1, 7)]
        >>> s = settle_incorrect_billing(errors, direction=Direction.UNDER,
        ...                              cause=Cause.DISTRIBUTOR, found_on=date(2025, 6, 20))
        >>> [c.month for c in s.cycles], s.principal, s.installments
        ([3, 4, 5], Decimal('150.00'), 10)
        >>> errors = [BillingError(date(2024, m, 10), Decimal("50.00")) for m in range(1, 7)]
        >>> over = settle_incorrect_billing(errors, direction=Direction.OVER,
        ...                                 cause=Cause.DISTRIBUTOR, found_on=date(2024, 7, 7))
        >>> over.principal, over.amount_due, over.refund_by, over.update_index.value
        (Decimal('300.00'), Decimal('600.00'), datetime.date(2024, 9, 1), 'IPCA')
        >>> later = settle_incorrect_billing(errors, direction=Direction.OVER,
        ...                                  cause=Cause.DISTRIBUTOR, found_on=date(2025, 7, 7))
        >>> later.amount_due, later.window_needed, later.window_cycles
        (Decimal('600.00'), False, None)
    """
    day, window_cycles = _check_settlement_args(
        direction, cause, found_on, window_cycles, justifiable_error
    )
    found = _errors(errors, day)
    if to_bool(false_declaration, path="false_declaration") and not (
        direction is Direction.OVER and cause is Cause.CONSUMER
    ):
        raise invalid(
            "false_declaration", "false_declaration_case", basis=ren1000(324, paragraph=3)
        )
    # Every argument is checked above: only now may the case be refused as a gap or unmodelled.
    norm = norm_in_force(day)
    if false_declaration and norm is Norm.REN_414_2010:
        raise unsupported("subject_false_declaration", day.isoformat(), ren414(114))
    if norm is Norm.REN_414_2010 and cause not in (Cause.DISTRIBUTOR, Cause.CONSUMER):
        raise unsupported("subject_settlement", day.isoformat(), _MISSING_REN414[cause])
    # REN 414/2010, art. 113 is known only in its wording by REN 479 of 3 Apr 2012
    if norm is Norm.REN_414_2010 and cause is Cause.DISTRIBUTOR and day < REN479_WORDING_SINCE:
        raise unsupported("subject_art113_original", day.isoformat(), ren414(113))
    window, window_basis = _window(direction, cause, day, window_cycles)
    current = month_index(day)
    window_refs: tuple[Basis, ...] = (window_basis,)
    # REN 1.000/2021, art. 323, II: the 60-cycle term is suspended (Despacho ANEEL 2.006/2024);
    # answered only when no plausible window would change the refund
    window_needed = not (
        window is None and direction is Direction.OVER and cause in _DISTRIBUTOR_SIDE
    )
    if not window_needed:
        window_refs = _suspended_window(found, current, window_basis)
    last = current - 1 if direction is Direction.UNDER else current
    first = None if window is None else last - window + 1
    included = sorted(
        (
            e
            for e in found
            if month_index(e.cycle) <= last and (first is None or month_index(e.cycle) >= first)
        ),
        key=lambda e: e.cycle,
    )
    excluded = tuple(e for e in found if e not in included)
    doubled = direction is Direction.OVER and cause in _DISTRIBUTOR_SIDE
    lines = []
    for error in included:
        multiplier, rule = (
            _multiplier(error, cause, norm, justifiable_error) if doubled else (1, (window_basis,))
        )
        if false_declaration:
            # REN 1.000/2021, art. 324, § 3º: no refund after a false declaration
            multiplier, rule = 0, (ren1000(324, paragraph=3),)
        lines.append(
            SettlementLine(
                cycle=error.month,
                amount=error.amount,
                multiplier=multiplier,
                due=CTX.multiply(error.amount, multiplier),
                basis=rule,
            )
        )
    principal = Decimal(0)
    amount_due = Decimal(0)
    for line in lines:
        principal = CTX.add(principal, line.amount)
        amount_due = CTX.add(amount_due, line.due)
    erroneous = sum(1 for e in found if month_index(e.cycle) <= last)
    installments, refund_by, terms = _terms(
        direction, cause, norm, current, included=len(lines), erroneous=erroneous
    )
    index, update_refs = _update_terms(norm, doubled=doubled)
    basis: list[Basis] = list(window_refs)
    if false_declaration:
        refund_by, terms = None, (ren1000(324, paragraph=3),)
    for ref in (*terms, *(r for line in lines for r in line.basis), *update_refs):
        if ref not in basis:
            basis.append(ref)
    return Settlement(
        direction=direction,
        cause=cause,
        found_on=day,
        norm=norm,
        window_cycles=window,
        window_from_caller=window_cycles is not None,
        window_needed=window_needed,
        cycles=tuple(line.cycle for line in lines),
        excluded=excluded,
        lines=tuple(lines),
        principal=principal,
        amount_due=amount_due,
        installments=installments,
        refund_by=refund_by,
        update_index=index,
        late_interest=doubled,
        basis=tuple(basis),
    )
