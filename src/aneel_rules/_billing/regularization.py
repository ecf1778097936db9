"""Recalculation when the reading is regularised (regularização da leitura, art. 323, § 11).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import invalid, non_negative, unsupported
from aneel_rules._billing.money import CTX
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import masked, plain_date, whole_number
from aneel_rules.legal import Basis, Norm, norm_in_force, ren1000

__all__ = ("REGULARIZATION_CHARGE_MAX_DAYS", "ReadingRegularization", "regularize_reading")

REGULARIZATION_CHARGE_MAX_DAYS: Final = 90
"""A positive difference found when the reading is regularised is charged for 90 days at most."""


@attrs.frozen(kw_only=True)
class ReadingRegularization:
    """Recalculation after cycles billed without reading (regularização da leitura).

    Attributes:
        days: Days from the last reading to the regularisation reading.
        total_kwh: Energy measured over those days.
        daily_average_kwh: ``total_kwh / days`` (§ 11, I).
        cycle_kwh: Energy of the regularisation cycle: the daily average × 30 (§ 11, II);
            the bill is the greater of it and the availability charge (art. 290).
        availability_kwh: The availability charge in kWh given by the caller.
        previously_billed_kwh: Energy billed in the cycles without reading.
        difference_kwh: ``total − previously billed − cycle_kwh`` (§ 11, III).
        refund_kwh: ``-difference_kwh`` when negative, else 0 (§ 11, IV).
        charge_kwh: Positive difference per day × the days elapsed, at most 90 (§ 11, V).
        charged_days: Days charged (``min(days, 90)``), 0 when nothing is charged.
        basis: Provisions applied.
    """

    days: int
    total_kwh: Decimal
    daily_average_kwh: Decimal
    cycle_kwh: Decimal
    availability_kwh: int
    previously_billed_kwh: Decimal
    difference_kwh: Decimal
    refund_kwh: Decimal
    charge_kwh: Decimal
    charged_days: int
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def regularize_reading(
    total_measured_kwh: Decimal,
    billed_kwh: Sequence[Decimal],
    *,
    last_reading: date,
    regularized_on: date,
    availability_kwh: int,
) -> ReadingRegularization:
    """Recalculate the energy when the reading is regularised after cycles without it.

    Art. 323, § 11: take the energy measured from the last reading to the regularisation and its
    daily average (I); bill the regularisation cycle as that average × 30 days, with the
    availability charge (II); subtract from the total what was billed in the cycles without
    reading and in II (III). A negative result is refunded as over-billing (IV: §§ 2º–10, i.e.
    :func:`settle_incorrect_billing`, at the tariff of the first incorrect billing); a positive
    one is spread per day over the whole period and charged for at most 90 days (V), in
    instalments (§ 1º). Our reading of III: the "consumo faturado no inciso II" is the average ×
    30, not the availability charge when that is greater — the difference from the availability
    charge is never compensated (art. 290, § 2º).

    Args:
        total_measured_kwh: Energy registered from the last reading to the regularisation.
        billed_kwh: Energy billed in each cycle without reading (any order).
        last_reading: Date of the last reading before the period without reading.
        regularized_on: Date of the regularisation reading.
        availability_kwh: The unit's availability charge (:func:`availability_charge_kwh`).

    Raises:
        InvalidInputError: negative or non-Decimal energy; dates out of order.
        UnsupportedCaseError: ``regularized_on`` under REN 414/2010 (no such rule verified).

    Legal basis:
        - REN 1.000/2021, art. 323, § 11, I–V (and § 1º; art. 290).

    Examples:
        >>> r = regularize_reading(Decimal("1200"), [Decimal("200")] * 3,
        ...                        last_reading=date(2026, 1, 5), regularized_on=date(2026, 5, 5),
        ...                        availability_kwh=30)
        >>> r.days, r.daily_average_kwh, r.cycle_kwh, r.difference_kwh
        (120, Decimal('10'), Decimal('300'), Decimal('300'))
        >>> r.charge_kwh, r.charged_days
        (Decimal('225'), 90)
    """
    total = non_negative(total_measured_kwh, "total_measured_kwh")
    raw: object = billed_kwh
    if isinstance(raw, str | bytes) or not isinstance(raw, Sequence):
        raise invalid(
            "billed_kwh", "not_an_enum", path="billed_kwh", expected="sequence", value=masked(raw)
        )
    billed = [non_negative(v, f"billed_kwh.{i}") for i, v in enumerate(billed_kwh)]
    first = plain_date(last_reading, path="last_reading")
    last = plain_date(regularized_on, path="regularized_on")
    availability = whole_number(availability_kwh)
    if availability is None:
        raise invalid(
            "availability_kwh",
            "not_a_whole_number",
            path="availability_kwh",
            value=masked(availability_kwh),
        )
    if availability < 0:
        raise invalid(
            "availability_kwh", "negative", path="availability_kwh", value=masked(availability_kwh)
        )
    if last <= first:
        raise invalid(
            "regularized_on",
            "not_after_previous",
            current=last.isoformat(),
            previous=first.isoformat(),
        )
    if norm_in_force(last) is Norm.REN_414_2010:
        raise unsupported(
            "subject_regularization",
            last.isoformat(),
            ren1000(323, paragraph=11),
            counterpart=True,
        )
    days = (last - first).days
    # REN 1.000/2021, art. 323, § 11, I: the daily average over the period
    daily = CTX.divide(total, days)
    # REN 1.000/2021, art. 323, § 11, II: the average × 30 days, with the availability charge
    cycle = CTX.multiply(daily, 30)
    previous = Decimal(0)
    for value in billed:
        previous = CTX.add(previous, value)
    # REN 1.000/2021, art. 323, § 11, III: total − billed before − billed in II
    difference = CTX.subtract(CTX.subtract(total, previous), cycle)
    basis: list[Basis] = [
        ren1000(323, paragraph=11, item="I"),
        ren1000(323, paragraph=11, item="II"),
        ren1000(323, paragraph=11, item="III"),
    ]
    refund = charge = Decimal(0)
    charged_days = 0
    if difference < 0:
        # REN 1.000/2021, art. 323, § 11, IV: refund as over-billing (§§ 2º–10)
        refund = CTX.minus(difference)
        basis.append(ren1000(323, paragraph=11, item="IV"))
    elif difference > 0:
        # REN 1.000/2021, art. 323, § 11, V, a–b: per day, times the days, at most 90 days
        charged_days = min(days, REGULARIZATION_CHARGE_MAX_DAYS)
        charge = (
            difference  # (difference / days) × days, kept exact
            if charged_days == days
            else CTX.divide(CTX.multiply(difference, charged_days), days)
        )
        basis += [
            ren1000(323, paragraph=11, item="V", subitem="a"),
            ren1000(323, paragraph=11, item="V", subitem="b"),
            ren1000(323, paragraph=1),
        ]
    return ReadingRegularization(
        days=days,
        total_kwh=total,
        daily_average_kwh=daily,
        cycle_kwh=cycle,
        availability_kwh=availability,
        previously_billed_kwh=previous,
        difference_kwh=difference,
        refund_kwh=refund,
        charge_kwh=charge,
        charged_days=charged_days,
        basis=tuple(basis),
    )
