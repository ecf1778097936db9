"""Availability charge of group B units (custo de disponibilidade).

Private module; the public names are re-exported by :mod:`aneel_rules.billing_cycle`.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.messages import (
    check_enum,
    invalid,
    non_negative,
    not_modelled,
    unsupported,
)
from aneel_rules._billing.supply import SupplyType
from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import plain_date, to_bool
from aneel_rules.errors import UnsupportedCaseError
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN1000_IN_FORCE_FROM,
    AmendmentKind,
    Basis,
    Norm,
    in_force_from,
    norm_in_force,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "SCEE_CADUNICO_AVAILABILITY_SHARE",
    "THREE_PHASE_LOW_INCOME_AVAILABILITY",
    "AvailabilityCharge",
    "AvailabilityExemption",
    "SupplyType",
    "availability_charge",
    "explain_availability_charge",
    "availability_charge_kwh",
)


class AvailabilityExemption(enum.Enum):
    """Units never billed the availability charge (art. 290, § 1º)."""

    PUBLIC_LIGHTING = "classe iluminação pública"
    SIGFI_MIGDI = "sistema isolado SIGFI ou MIGDI"
    PREPAYMENT = "modalidade de pré-pagamento"


_EXEMPTION_ITEM: Final = {
    AvailabilityExemption.PUBLIC_LIGHTING: "I",
    AvailabilityExemption.SIGFI_MIGDI: "II",
    AvailabilityExemption.PREPAYMENT: "III",
}

THREE_PHASE_LOW_INCOME_AVAILABILITY: Final[Timeline[int]] = Timeline(
    name="three_phase_low_income_availability_kwh",
    unit="kWh",
    label_pt="custo de disponibilidade trifásico baixa renda com consumo ≤ 80 kWh",
    periods=(
        Period(since=REN1000_IN_FORCE_FROM, value=100, basis=ren1000(291, item="III")),
        Period(
            since=in_force_from(Norm.DSP_1731_2025),
            value=80,
            basis=ren1000(
                291, item="III", amended_by=Norm.DSP_1731_2025, amendment_kind=AmendmentKind.SEE
            ),
            note=(
                "Applied from 5 Jul 2025 under MP 1.300/2025 (Lei 15.235/2025) by Despacho ANEEL "
                "1.731/2025, which the compiled text cites at art. 291, III ('Vide: Despacho "
                "1.731/2025 - aplicação da tarifa social'); art. 291, III still read '100 kWh, se "
                "trifásico' until REN 1.147/2025 rewrote it. The 5 Jul 2025 start rests on "
                "secondary sources (dossier S7, Medium); the alternative reading starts on 9 Dec "
                "2025."
            ),
        ),
        Period(
            since=in_force_from(Norm.REN_1147_2025),
            value=80,
            basis=ren1000(291, item="III", amended_by=Norm.REN_1147_2025),
            note="Wording by REN 1.147 of 9 Dec 2025 (DOU 16 Dec 2025), with art. 291, IV.",
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Availability charge of a three-phase low-income unit consuming at most 80 kWh."""

_REN479_SINCE: Final = in_force_from(Norm.REN_479_2012)
_REN1147_SINCE: Final = in_force_from(Norm.REN_1147_2025)
_OTHER_THREE_PHASE_REN1147: Final = (
    ren1000(291, item="IV", amended_by=Norm.REN_1147_2025, amendment_kind=AmendmentKind.INSERTED),
)

_AVAILABILITY_KWH: Final = {
    SupplyType.SINGLE_PHASE: (30, "I"),
    SupplyType.TWO_PHASE_TWO_WIRE: (30, "I"),
    SupplyType.TWO_PHASE_THREE_WIRE: (50, "II"),
}


@attrs.frozen(kw_only=True)
class AvailabilityCharge:
    """Minimum energy billed to a group B unit (custo de disponibilidade).

    Attributes:
        kwh: Energy equivalent of the charge (``0`` when it does not apply).
        applies: False for the units of art. 290, § 1º.
        supply: Connection type.
        basis: Provisions applied.
    """

    kwh: int
    applies: bool
    supply: SupplyType
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


_SCEE_CADUNICO_SINCE: Final = in_force_from(Norm.REN_1098_2024)

SCEE_CADUNICO_AVAILABILITY_SHARE: Final[Timeline[Decimal]] = Timeline(
    name="scee_cadunico_availability_share",
    unit="share of the art. 291 caput value",
    label_pt="custo de disponibilidade de unidade do SCEE de família inscrita no CadÚnico",
    periods=(
        Period(
            since=_SCEE_CADUNICO_SINCE,
            value=Decimal("0.5"),
            basis=ren1000(
                291,
                paragraph="único",
                amended_by=Norm.REN_1098_2024,
                amendment_kind=AmendmentKind.INSERTED,
            ),
            note=(
                "Included by REN 1.098 of 23 Jul 2024 (its publication was not found: legal.NORMS "
                "uses the date of the act). Before it the library does not answer: Lei "
                "14.300/2022 may have applied directly."
            ),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Share of the art. 291 caput charge billed to an SCEE unit of a CadÚnico family (50 %)."""


def _caput_charge(
    supply: SupplyType, day: date, *, low_income: bool, measured_kwh: object
) -> tuple[int, tuple[Basis, ...]]:
    """Energy (kWh) of art. 291, caput (I–IV) on ``day``, with its basis."""
    if supply in _AVAILABILITY_KWH:
        # REN 1.000/2021, art. 291, I (30 kWh) and II (50 kWh)
        kwh, item = _AVAILABILITY_KWH[supply]
        return kwh, (ren1000(291, item=item),)
    period = THREE_PHASE_LOW_INCOME_AVAILABILITY.period_on(day)
    reduced = THREE_PHASE_LOW_INCOME_AVAILABILITY.value_on(day)
    if reduced == 100:
        # REN 1.000/2021, art. 291, III (original wording): 100 kWh three-phase
        return 100, period.basis
    # 100 kWh in the other cases: REN 1.000/2021, art. 291, IV (inserted by REN 1.147/2025);
    # before it, while Despacho 1.731/2025 applied the 80 kWh, art. 291, III as first worded,
    # which gives 100 kWh to every three-phase unit
    other = _OTHER_THREE_PHASE_REN1147 if day >= _REN1147_SINCE else (ren1000(291, item="III"),)
    if not low_income:
        return 100, other
    if measured_kwh is None:
        raise invalid("measured_kwh", "measured_required", on=day.isoformat())
    measured = non_negative(measured_kwh, "measured_kwh")
    # REN 1.000/2021, art. 291, III (wording by REN 1.147/2025): 80 kWh if consumption ≤ 80 kWh
    if measured <= reduced:
        return reduced, period.basis
    return 100, other


def _scee_cadunico_before(day: date) -> UnsupportedCaseError:
    """The refusal of ``scee_cadunico`` before REN 1.098/2024, citing the provision it inserted."""
    return not_modelled(
        "scee_cadunico_before",
        basis=SCEE_CADUNICO_AVAILABILITY_SHARE.period_on(_SCEE_CADUNICO_SINCE).basis[0],
        since=_SCEE_CADUNICO_SINCE.isoformat(),
        on=day.isoformat(),
    )


def _ren414_charge(
    supply: SupplyType,
    day: date,
    *,
    exemption: AvailabilityExemption | None,
    indigenous_or_quilombola: bool,
) -> AvailabilityCharge:
    """Art. 98 of REN 414/2010 (caput I–III; § 3º in the wording of REN 479/2012).

    Text: ANEEL's REN 414 booklet (2012), reproduced by
    https://soprovas.com/provas/cespe-2012-camara-dos-deputados-analista-engenharia-eletrica.html
    (VERIFIED-QUOTE in ``shared/sources/ren414_excerpts.md``; the 30/50/100 kWh values also in
    the book quoted there, § 4.5.1). "I - 30 kWh, se monofásico ou bifásico a 2 (dois)
    condutores; II - 50 kWh, se bifásico a 3 (três) condutores; ou III - 100 kWh, se
    trifásico." § 3º (REN 479/2012): "[...] Baixa Renda Indígena ou [...] Quilombola será
    concedido desconto integral para os casos previstos nos incisos I e II e no caso do inciso
    III será cobrado o valor em moeda corrente equivalente a 50 kWh." The full discount is
    read as a charge of 0 kWh. No exemption article (public lighting and the like) and no
    pre-2012 § 3º wording were found: those cases are refused.
    """
    if exemption is not None:
        raise unsupported("subject_availability_exemption", day.isoformat(), ren414(98))
    kwh, item = _AVAILABILITY_KWH.get(supply, (100, "III"))
    basis: tuple[Basis, ...] = (ren414(98, item=item),)
    if indigenous_or_quilombola:
        if day < _REN479_SINCE:
            raise unsupported(
                "subject_availability_indigenous", day.isoformat(), ren414(98, paragraph=3)
            )
        # REN 414/2010, art. 98, § 3º (REN 479/2012): full discount for I and II, 50 kWh for III
        kwh = 50 if supply is SupplyType.THREE_PHASE else 0
        basis = (*basis, ren414(98, paragraph=3, amended_by=Norm.REN_479_2012))
    return AvailabilityCharge(kwh=kwh, applies=True, supply=supply, basis=basis)


def explain_availability_charge(
    supply: SupplyType,
    *,
    on: date,
    low_income: bool = False,
    measured_kwh: Decimal | None = None,
    exemption: AvailabilityExemption | None = None,
    scee_cadunico: bool = False,
    indigenous_or_quilombola: bool = False,
) -> AvailabilityCharge:
    """Availability charge in kWh for a group B unit on a date (custo de disponibilidade).

    30 kWh single-phase or two-phase two-wire, 50 kWh two-phase three-wire, 100 kWh three-phase;
    80 kWh for a three-phase unit of a low-income subclass whose measured consumption is at most
    80 kWh, from 5 Jul 2025 (:data:`THREE_PHASE_LOW_INCOME_AVAILABILITY` records the date and the
    alternative). Half of that for a unit in the SCEE (net metering) used by a family registered
    in the CadÚnico (``scee_cadunico``), from 23 Jul 2024
    (:data:`SCEE_CADUNICO_AVAILABILITY_SHARE`). Not applied to public lighting, SIGFI/MIGDI and
    pre-payment (art. 290, § 1º). Group B SCEE units are otherwise billed by arts. 655-G to
    655-S (art. 290, § 5º), which this function does not model.

    Under REN 414/2010 (dates up to 2 Jan 2022), art. 98: 30, 50 or 100 kWh by supply type,
    whatever the subclass (the low-income discounts of its § 2º are on the tariff, not on the
    kWh); from REN 479/2012 (in force 3 Apr 2012, :data:`aneel_rules.legal.NORMS`), a unit of
    the Residencial Baixa Renda Indígena or Quilombola subclasses
    (``indigenous_or_quilombola``) has a full discount single- or two-phase (read as 0 kWh)
    and 50 kWh three-phase (art. 98, § 3º). REN 1.000/2021 has no such paragraph: from
    3 Jan 2022 the flag changes nothing.

    Raises:
        InvalidInputError: ``measured_kwh`` missing (or negative) when the 80 kWh case must be
            decided.
        UnsupportedCaseError: ``scee_cadunico`` before 23 Jul 2024; under REN 414/2010, an
            ``exemption`` (no REN 414 exemption article was found) or
            ``indigenous_or_quilombola`` before REN 479/2012 (the original § 3º was not found).

    Legal basis:
        - REN 1.000/2021, art. 291, I–IV (III wording and IV inserted by REN 1.147/2025);
          art. 291, parágrafo único (inserted by REN 1.098/2024); art. 290, § 1º.
        - REN 414/2010, art. 98, I–III; § 3º (wording by REN 479/2012).

    Examples:
        >>> from datetime import date
        >>> explain_availability_charge(SupplyType.THREE_PHASE, on=date(2025, 7, 5),
        ...                             low_income=True, measured_kwh=Decimal("75")).kwh
        80
        >>> explain_availability_charge(SupplyType.THREE_PHASE, on=date(2025, 7, 4),
        ...                             low_income=True, measured_kwh=Decimal("75")).kwh
        100
        >>> charge = explain_availability_charge(SupplyType.TWO_PHASE_THREE_WIRE,
        ...                                      on=date(2024, 7, 23), scee_cadunico=True)
        >>> charge.kwh, str(charge.basis[-1])
        (25, 'REN 1.000/2021, art. 291, parágrafo único (incluído pela REN 1.098/2024)')
        >>> old = explain_availability_charge(SupplyType.THREE_PHASE, on=date(2019, 5, 1),
        ...                                   indigenous_or_quilombola=True)
        >>> old.kwh
        50
        >>> for ref in old.basis:
        ...     print(ref)
        REN 414/2010, art. 98, III
        REN 414/2010, art. 98, § 3º (redação dada pela REN 479/2012)
    """
    check_enum(supply, SupplyType, "supply")
    day = plain_date(on, path="on")
    to_bool(low_income, path="low_income")
    to_bool(scee_cadunico, path="scee_cadunico")
    to_bool(indigenous_or_quilombola, path="indigenous_or_quilombola")
    if exemption is not None:
        check_enum(exemption, AvailabilityExemption, "exemption")
    if measured_kwh is not None:
        # Checked even where art. 291 does not need it: NaN, a float or a negative reading
        # must not be answered just because the case at hand ignores it.
        non_negative(measured_kwh, "measured_kwh")
    if norm_in_force(day) is Norm.REN_414_2010:
        if scee_cadunico:
            raise _scee_cadunico_before(day)
        return _ren414_charge(
            supply, day, exemption=exemption, indigenous_or_quilombola=indigenous_or_quilombola
        )
    if exemption is not None:
        # REN 1.000/2021, art. 290, § 1º, I–III: not applied
        basis: tuple[Basis, ...] = (ren1000(290, paragraph=1, item=_EXEMPTION_ITEM[exemption]),)
        return AvailabilityCharge(kwh=0, applies=False, supply=supply, basis=basis)
    kwh, basis = _caput_charge(supply, day, low_income=low_income, measured_kwh=measured_kwh)
    if scee_cadunico:
        if day < _SCEE_CADUNICO_SINCE:
            raise _scee_cadunico_before(day)
        # REN 1.000/2021, art. 291, parágrafo único (REN 1.098/2024): 50 % of the caput value
        share = SCEE_CADUNICO_AVAILABILITY_SHARE.value_on(day)
        kwh = int(kwh * share)
        basis = (*basis, *SCEE_CADUNICO_AVAILABILITY_SHARE.period_on(day).basis)
    return AvailabilityCharge(kwh=kwh, applies=True, supply=supply, basis=basis)


def availability_charge_kwh(
    supply: SupplyType,
    *,
    on: date,
    low_income: bool = False,
    measured_kwh: Decimal | None = None,
    exemption: AvailabilityExemption | None = None,
    scee_cadunico: bool = False,
    indigenous_or_quilombola: bool = False,
) -> int:
    """The kWh of :func:`explain_availability_charge` (``0`` for exempt units).

    Examples:
        >>> from datetime import date
        >>> [availability_charge_kwh(s, on=date(2026, 1, 1)) for s in SupplyType]
        [30, 30, 50, 100]
    """
    return explain_availability_charge(
        supply,
        on=on,
        low_income=low_income,
        measured_kwh=measured_kwh,
        exemption=exemption,
        scee_cadunico=scee_cadunico,
        indigenous_or_quilombola=indigenous_or_quilombola,
    ).kwh


# Name before the one naming rule (value ``X``, explanation ``explain_X``); same function.
availability_charge: Final = explain_availability_charge
"""Alias of :func:`explain_availability_charge` (its name until 0.1.0)."""
