"""Defective meters: the compensation criterion (critério de compensação, art. 255).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Final

from aneel_rules._billing.messages import invalid, unsupported
from aneel_rules._convert import plain_date, quoted, to_bool
from aneel_rules.legal import Basis, Determination, Norm, norm_in_force, ren1000

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

    Raises:
        UnsupportedCaseError: ``on`` under REN 414/2010 (its article could not be verified).

    Legal basis:
        - REN 1.000/2021, art. 255, caput, I–III (with art. 288, § 1º).

    Examples:
        >>> meter_defect_criterion(on=date(2026, 3, 2), correction_factor_available=False,
        ...                        normal_history_cycles=7).value.value
        'média aritmética dos 12 últimos ciclos de medição normal'
    """
    day = plain_date(on, path="on")
    factor = to_bool(correction_factor_available, path="correction_factor_available")
    if (
        isinstance(normal_history_cycles, bool)
        or not isinstance(normal_history_cycles, int)
        or normal_history_cycles < 0
    ):
        raise invalid(
            "normal_history_cycles",
            "negative",
            path="normal_history_cycles",
            value=quoted(normal_history_cycles),
        )
    if norm_in_force(day) is Norm.REN_414_2010:
        raise unsupported("subject_meter_defect", day.isoformat())
    # REN 1.000/2021, art. 255, caput: each criterion only when the previous one is impossible
    if factor:
        criterion = MeterDefectCriterion.CORRECTION_FACTOR
    elif normal_history_cycles > 0:
        criterion = MeterDefectCriterion.AVERAGE
    else:
        criterion = MeterDefectCriterion.NEXT_BILLING
    basis: tuple[Basis, ...] = (ren1000(255, item=_CRITERION_ITEM[criterion]),)
    if criterion is MeterDefectCriterion.AVERAGE and normal_history_cycles < 12:
        # REN 1.000/2021, art. 255, II → art. 288, § 1º: the cycles available
        basis = (*basis, ren1000(288, paragraph=1))
    return Determination(criterion, basis)
