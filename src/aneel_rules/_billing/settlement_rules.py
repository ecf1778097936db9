"""The rules behind an incorrect-billing settlement (private): windows, multipliers, terms.

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import gap, positive_amount
from aneel_rules._billing.money import MonetaryIndex, month_index, month_start
from aneel_rules._convert import plain_date
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    AmendmentKind,
    Basis,
    LegalRef,
    Norm,
    in_force_from,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "CONSUMER_FAULT_WINDOW",
    "DOUBLE_REFUND_CUTOFF",
    "METER_DEFECT_CHARGE_CYCLES",
    "METER_DEFECT_REFUND_CYCLES",
    "OVERBILLING_WINDOW",
    "REN479_WORDING_SINCE",
    "SHORTEST_OVERBILLING_WINDOW",
    "UNDERBILLING_WINDOW",
    "BillingError",
    "Cause",
    "Direction",
)

_SUSPENDED_SINCE: Final = in_force_from(Norm.DSP_2006_2024)
_REN414_SUSPENDED_SINCE: Final = in_force_from(Norm.DSP_18_2019)

REN479_WORDING_SINCE: Final = in_force_from(Norm.REN_479_2012)
"""Entry into force of REN 479/2012, which gave REN 414/2010, art. 113 the wording encoded.

The original 2010 wording of art. 113 is not in the project's sources, so a distributor's
incorrect billing found before this date is not answered (``UnsupportedCaseError``). Its
publication date is unverified: ``legal.NORMS`` uses the date of the act (see its note).
"""

DOUBLE_REFUND_CUTOFF: Final = date(2022, 3, 31)
"""Over-billings issued before this date keep the REN 414 doubling rule (art. 668, § 1º, IV)."""

OVERBILLING_WINDOW: Final[Timeline[int]] = Timeline(
    name="overbilling_refund_window",
    unit="cycles",
    label_pt="janela de devolução do faturamento a maior (culpa da distribuidora)",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=36, basis=ren414(113, item="II")),
        Period(
            since=_REN414_SUSPENDED_SINCE,
            value=None,
            basis=ren414(
                113,
                item="II",
                amended_by=Norm.DSP_18_2019,
                amendment_kind=AmendmentKind.SUSPENDED,
            ),
            note=(
                "Despacho ANEEL 18 of 4 Jan 2019 (court decision) suspended the effects of REN "
                "414/2010, art. 113, II (compiled-text header note); ABRADEE's question quoted "
                "at norven.com.br/?p=2717 speaks of a ten-year retroactivity instead of the 36 "
                "cycles. The start is its entry into force in legal.NORMS (the despacho's date)."
            ),
        ),
        Period(since=REN1000_IN_FORCE_FROM, value=60, basis=ren1000(323, item="II")),
        Period(
            since=_SUSPENDED_SINCE,
            value=None,
            basis=ren1000(
                323,
                item="II",
                amended_by=Norm.DSP_2006_2024,
                amendment_kind=AmendmentKind.SUSPENDED,
            ),
            note=(
                "Despacho ANEEL 2.006 of 8 Jul 2024 (court decision) suspended the 60-cycle term; "
                "the compiled text gives no replacement. The start is its entry into force in "
                "legal.NORMS (the despacho's date: its publication was not found)."
            ),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Cycles refunded for over-billing by the distributor; ``None`` while suspended."""

SHORTEST_OVERBILLING_WINDOW: Final = 36
"""Shortest window any reading gives while the refund term is suspended.

Two suspensions: REN 1.000/2021, art. 323, II (60 cycles) by Despacho ANEEL 2.006/2024, and,
before it, REN 414/2010, art. 113, II (36 cycles) by Despacho ANEEL 18/2019, from 4 Jan 2019
until REN 414's revocation. The readings on offer are 36 cycles (REN 414/2010, art. 113, II,
the term before REN 1.000, and the civil-law three years of unjust enrichment), the suspended 60
cycles, and the ten years of the Civil Code, art. 205 (the retroactivity applied under Despacho
18/2019). No reading is shorter than 36, so over-billed cycles in the 36 cycles up to the
constatação are refunded under all of them, and then no window has to be chosen
(``Settlement.window_needed`` False).
"""

_SHORTEST_WINDOW_BASIS: Final = ren414(113, item="II")

UNDERBILLING_WINDOW: Final[Timeline[int]] = Timeline(
    name="underbilling_collection_window",
    unit="cycles",
    label_pt="cobrança do faturamento a menor (culpa da distribuidora)",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=3, basis=ren414(113, item="I")),
        Period(since=REN1000_IN_FORCE_FROM, value=3, basis=ren1000(323, item="I")),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Under-billing by the distributor: the last 3 cycles before the current one."""

CONSUMER_FAULT_WINDOW: Final[Timeline[int]] = Timeline(
    name="consumer_fault_window",
    unit="cycles",
    label_pt="prazo de cobrança ou devolução por motivo atribuível ao consumidor",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=36, basis=ren414(114)),
        Period(since=REN1000_IN_FORCE_FROM, value=36, basis=ren1000(324, paragraph=2)),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Consumer's fault: collection or refund limited to 36 cycles.

REN 414/2010, art. 114 is known from one page only (SINGLE-QUOTE: the 2013 study note, "I –
faturamento a maior: providenciar a devolução ao consumidor das quantias recebidas
indevidamente, no ciclo de faturamento posterior à constatação [...]; e II – faturamento a
menor: providenciar a cobrança do consumidor das quantias não recebidas", and "o limite de 36
(trinta e seis) meses"). One page suffices for what is encoded (simple collection or refund,
the refund in the next cycle, 36 cycles) because REN 1.000/2021, art. 324, I–II and § 2º
(official compiled text) keep each of those rules unchanged, and the study note's caput and
incisos of the neighbouring art. 113 agree word for word with ANEEL's booklet (VERIFIED), which
vouches for its quoting. Its update index was not found (``update_index`` is ``None``).
"""


METER_DEFECT_CHARGE_CYCLES: Final = 3
"""Defective meter registering too little: compensation charged for at most 3 cycles."""

METER_DEFECT_REFUND_CYCLES: Final = 60
"""Defective meter registering too much: compensation refunded for at most 60 cycles."""


class Direction(enum.Enum):
    """Whether the consumer was billed too little or too much (faturamento a menor / a maior)."""

    UNDER = "faturamento a menor"
    OVER = "faturamento a maior"


class Cause(enum.Enum):
    """To whom the incorrect billing is attributable (motivo do faturamento incorreto)."""

    DISTRIBUTOR = "distribuidora"
    CONSUMER = "consumidor"
    ACCESS_IMPEDIMENT = "impedimento de acesso"
    THIRD_PARTY = "terceiro"
    EMERGENCY = "emergência, calamidade pública ou força maior"
    METER_DEFECT = "defeito na medição"


def _cycle(value: object) -> date:
    return plain_date(value, path="cycle")


@attrs.frozen
class BillingError:
    """One wrongly billed cycle (ciclo faturado incorretamente).

    Attributes:
        cycle: Any day of the reference month; give the invoice's issue date when it matters
            (over-billings issued before 31 Mar 2022 keep the REN 414 doubling rule).
        amount: Amount billed too little or too much (positive, R$).

    Examples:
        >>> BillingError(date(2025, 3, 15), Decimal("42.10")).month
        datetime.date(2025, 3, 1)
    """

    cycle: date = attrs.field(converter=_cycle)
    amount: Decimal = attrs.field(converter=positive_amount)

    @property
    def month(self) -> date:
        """First day of the reference month."""
        return self.cycle.replace(day=1)


def _window(
    direction: Direction, cause: Cause, day: date, override: int | None
) -> tuple[int | None, Basis]:
    """Number of cycles of the window (``None`` = unlimited or suspended) and its basis.

    The suspended over-billing window of art. 323, II comes back as ``None`` with the
    suspension as basis; the caller decides whether the answer depends on it.
    """
    if cause is Cause.METER_DEFECT:
        # REN 1.000/2021, art. 256, parágrafo único, I (charge 3 cycles) and II (refund 60)
        if direction is Direction.UNDER:
            return (override or METER_DEFECT_CHARGE_CYCLES), ren1000(
                256, paragraph="único", item="I"
            )
        return (override or METER_DEFECT_REFUND_CYCLES), ren1000(256, paragraph="único", item="II")
    if direction is Direction.UNDER:
        if cause is Cause.EMERGENCY:
            # REN 1.000/2021, art. 321, III: without the limit of the last 3 cycles
            return override, ren1000(321, item="III")
        if cause in (Cause.DISTRIBUTOR, Cause.THIRD_PARTY, Cause.ACCESS_IMPEDIMENT):
            # art. 323, I (distributor; third party is not a consumer cause, art. 324 caput);
            # art. 324, § 2º (impediment): the last 3 cycles before the current one
            period = UNDERBILLING_WINDOW.period_on(day)
            basis = (
                ren1000(324, paragraph=2) if cause is Cause.ACCESS_IMPEDIMENT else period.basis[0]
            )
            return (override or UNDERBILLING_WINDOW.value_on(day)), basis
        # REN 1.000/2021, art. 324, § 2º; REN 414/2010, art. 114: 36 cycles
        period = CONSUMER_FAULT_WINDOW.period_on(day)
        return (override or CONSUMER_FAULT_WINDOW.value_on(day)), period.basis[0]
    if cause in (Cause.CONSUMER, Cause.ACCESS_IMPEDIMENT):
        period = CONSUMER_FAULT_WINDOW.period_on(day)
        return (override or CONSUMER_FAULT_WINDOW.value_on(day)), period.basis[0]
    # REN 1.000/2021, art. 323, II (60 cycles, suspended); REN 414/2010, art. 113, II (36)
    period = OVERBILLING_WINDOW.period_on(day)
    return (override or period.value), period.basis[0]


def _suspended_window(
    found: tuple[BillingError, ...], current: int, basis: Basis
) -> tuple[Basis, ...]:
    """Basis of a settlement that needs no window, or the gap when the answer depends on it.

    Over-billing windows end at the cycle of the constatação (M); the shortest plausible one
    starts at M − 35, and every longer one includes at least those cycles.
    """
    oldest = min((e.month for e in found), default=None)
    if oldest is not None and month_index(oldest) <= current - SHORTEST_OVERBILLING_WINDOW:
        ren414_rule = isinstance(basis, LegalRef) and basis.norm is Norm.REN_414_2010
        raise gap(
            "window_suspended_ren414" if ren414_rule else "window_suspended",
            basis=basis,
            since=(_REN414_SUSPENDED_SINCE if ren414_rule else _SUSPENDED_SINCE).isoformat(),
            oldest=oldest.isoformat()[:7],
            shortest=str(SHORTEST_OVERBILLING_WINDOW),
        )
    return (basis, _SHORTEST_WINDOW_BASIS)


def _multiplier(
    error: BillingError, cause: Cause, norm: Norm, justifiable_error: bool
) -> tuple[int, tuple[Basis, ...]]:
    """Over-billing by the distributor (or third party / emergency): 1 or 2, with basis."""
    if cause is Cause.EMERGENCY:
        # REN 1.000/2021, art. 321, III: without the double refund (REN 414/2010, art. 111 had
        # none either; art. 668, § 1º only sets aside art. 323, §§ 2º–3º)
        return 1, (ren1000(321, item="III"),)
    if error.cycle < DOUBLE_REFUND_CUTOFF:
        # REN 1.000/2021, art. 668, § 1º + IV: REN 414/2010, art. 113, § 2º still applies —
        # double, "salvo hipótese de engano justificável"
        rule: tuple[Basis, ...] = (ren414(113, paragraph=2, amended_by=Norm.REN_479_2012),)
        if norm is Norm.REN_1000_2021:
            rule = (ren1000(668, paragraph=1), *rule)
        return (1 if justifiable_error else 2), rule
    if cause is Cause.THIRD_PARTY:
        # REN 1.000/2021, art. 323, § 3º, II: simple refund
        return 1, (ren1000(323, paragraph=3, item="II"),)
    # REN 1.000/2021, art. 323, § 2º, I: double, regardless of intent or fault
    return 2, (ren1000(323, paragraph=2, item="I"),)


_DISTRIBUTOR_SIDE: Final = (Cause.DISTRIBUTOR, Cause.THIRD_PARTY, Cause.EMERGENCY)


def _terms(
    direction: Direction, cause: Cause, norm: Norm, current: int, *, included: int, erroneous: int
) -> tuple[int | None, date | None, tuple[Basis, ...]]:
    """Instalments (under-billing) or refund deadline (over-billing), with their basis."""
    if cause is Cause.METER_DEFECT:
        if direction is Direction.UNDER:
            # REN 1.000/2021, art. 257, § 3º: twice the "período apurado" (art. 256, caput)
            return 2 * erroneous, None, (ren1000(257, paragraph=3),)
        # REN 1.000/2021, art. 325, § 7º: refunded after the complaint periods, no fixed cycle
        return None, None, (ren1000(325, paragraph=7),)
    if direction is Direction.UNDER:
        if cause not in _DISTRIBUTOR_SIDE:
            return None, None, ()
        if norm is Norm.REN_414_2010:
            # REN 414/2010, art. 113, § 1º: twice the "período apurado"
            return 2 * included, None, (ren414(113, paragraph=1),)
        # REN 1.000/2021, art. 323, § 1º: twice the period in which the error occurred
        return 2 * erroneous, None, (ren1000(323, paragraph=1),)
    if cause in (Cause.DISTRIBUTOR, Cause.THIRD_PARTY):
        # REN 1.000/2021, art. 323, II; REN 414/2010, art. 113, II: by the 2nd cycle after
        return None, month_start(current + 2), ()
    # art. 324, I and REN 414 art. 114, I: the cycle after; art. 321, III: the next cycle
    return None, month_start(current + 1), ()


def _update_terms(norm: Norm, *, doubled: bool) -> tuple[MonetaryIndex | None, tuple[Basis, ...]]:
    """Monetary-update index and, for distributor-side over-billing, the interest rule."""
    if norm is Norm.REN_1000_2021:
        # REN 1.000/2021, art. 326, II (and arts. 323, § 2º, II; 324, § 1º): IPCA
        refs: tuple[Basis, ...] = (ren1000(326, item="II"),)
        if doubled:
            # REN 1.000/2021, art. 323, § 2º, III: 1 % a month pro rata die
            refs = (*refs, ren1000(323, paragraph=2, item="III"))
        return MonetaryIndex.IPCA, refs
    if doubled:
        # REN 414/2010, art. 113, § 2º (wording by REN 479/2012): IGP-M, 1 % a month pro rata die
        return MonetaryIndex.IGPM, (ren414(113, paragraph=2, amended_by=Norm.REN_479_2012),)
    # REN 414/2010, art. 114: the update index is not in the project's sources
    return None, ()
