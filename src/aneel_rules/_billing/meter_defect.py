"""Defective meters: the compensation criterion (critério de compensação, art. 255).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Final

from aneel_rules._billing.messages import invalid, unsupported
from aneel_rules._convert import masked, plain_date, to_bool, whole_number
from aneel_rules.legal import Basis, Determination, Norm, norm_in_force, ren414, ren1000

__all__ = ("MeterDefectCriterion", "meter_defect_criterion")


class MeterDefectCriterion(enum.Enum):
    """Criterion of art. 255 for compensating a defective meter (critério de compensação)."""

    CORRECTION_FACTOR = "fator de correção do erro de medição"
    AVERAGE = "média aritmética dos 12 últimos ciclos de medição normal"
    NEXT_BILLING = "faturamento imediatamente posterior à regularização"


_CRITERION_ITEM: Final = {
    MeterDefectCriterion.CORRECTION_FACTOR: "I",
    MeterDefectCriterion.AVERAGE: "II",
    MeterDefectCriterion.NEXT_BILLING: "III",
}


def meter_defect_criterion(
    *, on: date, correction_factor_available: bool, normal_history_cycles: int
) -> Determination[MeterDefectCriterion]:
    """The first usable criterion of art. 255, in its order (critério de compensação).

    I. The correction factor measured in a laboratory; else II. the mean of the last 12 cycles
    of normal metering, prorated to 30 days (with fewer cycles, those available, art. 288,
    § 1º); else III. the billing right after the metering is fixed (with the availability
    charge of art. 291). Compensate with :func:`settle_incorrect_billing` and
    ``Cause.METER_DEFECT``.

    Args:
        on: Date the defect is established (selects the regime).
        correction_factor_available: Whether a laboratory evaluation gave a correction factor.
        normal_history_cycles: Cycles of normal metering before the defect.

    Under REN 414/2010 the text of art. 115 was not found. ANEEL's own summary (aneel.gov.br,
    "Como resolver – Consumo não faturado", 2016: "compensar o faturamento por meio de um dos
    critérios descritos no art. 115 [...]: aplicar o fator de correção, determinado pela
    avaliação técnica do medidor, realizada em laboratório; utilizar as médias dos doze
    últimos faturamentos normais, proporcionalmente; ou utilizar o faturamento imediatamente
    posterior à regularização") names the same three criteria but not whether they are in
    order or a choice. Without a correction factor and without normal history only the last
    one can be used under either reading, so that case is answered; the others are refused.

    Raises:
        UnsupportedCaseError: ``on`` under REN 414/2010, unless neither a correction factor nor
            a normal history exists (the order of art. 115's criteria was not found).

    Legal basis:
        - REN 1.000/2021, art. 255, caput, I–III (with art. 288, § 1º).
        - REN 414/2010, art. 115 (ANEEL's summary of its criteria).

    Examples:
        >>> meter_defect_criterion(on=date(2026, 3, 2), correction_factor_available=False,
        ...                        normal_history_cycles=7).value.value
        'média aritmética dos 12 últimos ciclos de medição normal'
    """
    day = plain_date(on, path="on")
    factor = to_bool(correction_factor_available, path="correction_factor_available")
    history = whole_number(normal_history_cycles, 0)
    if history is None:
        raise invalid(
            "normal_history_cycles",
            "negative",
            path="normal_history_cycles",
            value=masked(normal_history_cycles),
        )
    if norm_in_force(day) is Norm.REN_414_2010:
        if factor or history > 0:
            raise unsupported("subject_meter_criterion_order", day.isoformat(), ren414(115))
        # REN 414/2010, art. 115 (ANEEL's summary): the only criterion usable without a
        # correction factor and without history, in order or by choice
        return Determination(MeterDefectCriterion.NEXT_BILLING, (ren414(115),))
    # REN 1.000/2021, art. 255, caput: each criterion only when the previous one is impossible
    if factor:
        criterion = MeterDefectCriterion.CORRECTION_FACTOR
    elif history > 0:
        criterion = MeterDefectCriterion.AVERAGE
    else:
        criterion = MeterDefectCriterion.NEXT_BILLING
    basis: tuple[Basis, ...] = (ren1000(255, item=_CRITERION_ITEM[criterion]),)
    if criterion is MeterDefectCriterion.AVERAGE and history < 12:
        # REN 1.000/2021, art. 255, II → art. 288, § 1º: the cycles available
        basis = (*basis, ren1000(288, paragraph=1))
    return Determination(criterion, basis)
