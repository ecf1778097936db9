"""Tariffs as data the caller brings (tarifas homologadas) and the proportional tariff.

:class:`TariffRates` holds the tariffs of one subgroup and modality; :func:`prorate_rates`
gives the proportional tariff of REN 1.000/2021, art. 173, § 2º when the tariff changes inside
a cycle. ANEEL's open-data file is read by :mod:`aneel_rules._invoice.rates_csv` (apart: a bill
computed from the caller's tariffs does not import the file reader).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.money import CTX
from aneel_rules._convert import instance_of, masked, plain_date, to_money, whole_number
from aneel_rules._invoice.bill import check_text
from aneel_rules._invoice.measurements import PostMap, to_post_map
from aneel_rules._invoice.messages import (
    UNVERIFIED_REN414,
    check_period_order,
    invalid,
    unsupported,
)
from aneel_rules._tariffs.modality_types import TariffModality
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules._tariffs.units import Subgroup
from aneel_rules.legal import Basis, Norm, norm_in_force, ren414, ren1000

__all__ = (
    "TariffRates",
    "prorate_rates",
    "proportional_tariff",
)

_THOUSAND: Final = Decimal(1000)


def _rates_basis(valid_from: date) -> tuple[Basis, ...]:
    # REN 1.000/2021, art. 2º, XLIX (TE and TUSD) and art. 173 (tariffs homologated by ANEEL);
    # REN 414/2010, art. 2º (definitions) before 2022-01-03.
    if norm_in_force(valid_from) is Norm.REN_414_2010:
        return (ren414(2),)
    return (ren1000(2, item="XLIX"), ren1000(173))


def _energy(value: object) -> PostMap:
    return to_post_map(value, "te_mwh")


def _tusd(value: object) -> PostMap:
    return to_post_map(value, "tusd_mwh")


def _demand(value: object) -> PostMap:
    return to_post_map(value, "demand_kw")


def _check_subgroup(_inst: object, _attr: object, value: Subgroup) -> None:
    instance_of(
        value,
        Subgroup,
        "subgroup",
        "not_a_subgroup",
        "{path} must be a Subgroup, got {value}",
        invalid=invalid,
    )


def _check_modality(_inst: object, _attr: object, value: TariffModality) -> None:
    instance_of(
        value,
        TariffModality,
        "modality",
        "not_a_modality",
        "{path} must be a TariffModality, got {value}",
        invalid=invalid,
    )


def _valid_from(value: object) -> date:
    return plain_date(value, path="valid_from")


def _valid_to(value: object) -> date | None:
    return None if value is None else plain_date(value, path="valid_to")


@attrs.frozen(kw_only=True)
class TariffRates:
    """Homologated tariffs of one subgroup and modality, before taxes (tarifas de aplicação).

    Attributes:
        distributor: Distributor (``SigAgente`` of the open data).
        subgroup: Subgroup the rates apply to.
        modality: Tariff modality.
        te_mwh: TE energy tariff per post, R$/MWh (key ``None`` for convencional).
        tusd_mwh: TUSD energy tariff per post, R$/MWh.
        demand_kw: TUSD demand tariff per post (azul) or under ``None`` (verde, convencional
            binômia), R$/kW; empty for group B.
        act: Homologating resolution (REH), e.g. ``"REH 3.589/2026"``.
        valid_from: First day in force (inclusive).
        valid_to: Last day in force (inclusive), ``None`` if open-ended.
        consumer_class: Class as the open data writes it (``"Residencial"``), ``""`` if any.
        subclass: Subclass as the open data writes it, ``""`` if any.
        basis: Definitions of the components and the homologation rule.

    Examples:
        >>> r = TariffRates(distributor="CEMIG-D", subgroup=Subgroup.B1,
        ...                 modality=TariffModality.CONVENTIONAL_MONOMIAL,
        ...                 te_mwh=Decimal("310.21"), tusd_mwh=Decimal("593.08"),
        ...                 act="REH 3.589/2026", valid_from=date(2026, 5, 28))
        >>> r.energy_kwh(None)
        Decimal('0.90329')
    """

    distributor: str = attrs.field(validator=check_text)
    subgroup: Subgroup = attrs.field(validator=_check_subgroup)
    modality: TariffModality = attrs.field(validator=_check_modality)
    te_mwh: PostMap = attrs.field(converter=_energy)
    tusd_mwh: PostMap = attrs.field(converter=_tusd)
    demand_kw: PostMap = attrs.field(default=None, converter=_demand)
    act: str = attrs.field(default="", validator=check_text)
    valid_from: date = attrs.field(converter=_valid_from)
    valid_to: date | None = attrs.field(default=None, converter=_valid_to)
    consumer_class: str = attrs.field(default="", validator=check_text)
    subclass: str = attrs.field(default="", validator=check_text)
    basis: tuple[Basis, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "basis", _rates_basis(self.valid_from))

    @property
    def posts(self) -> tuple[TariffPost | None, ...]:
        """Posts with an energy tariff."""
        return tuple(self.te_mwh.keys() | self.tusd_mwh.keys())

    def te_kwh(self, post: TariffPost | None) -> Decimal:
        """TE of ``post`` in R$/kWh (R$/MWh ÷ 1000)."""
        return CTX.divide(self.te_mwh.get(post, Decimal(0)), _THOUSAND)

    def tusd_kwh(self, post: TariffPost | None) -> Decimal:
        """TUSD (energy) of ``post`` in R$/kWh."""
        return CTX.divide(self.tusd_mwh.get(post, Decimal(0)), _THOUSAND)

    def energy_kwh(self, post: TariffPost | None) -> Decimal:
        """TE + TUSD of ``post`` in R$/kWh."""
        return CTX.add(self.te_kwh(post), self.tusd_kwh(post))

    def in_force_on(self, day: date) -> bool:
        """Whether the rates are in force on ``day`` (vigência inclusive at both ends)."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


# --- proportional tariff (art. 173, § 2º) --------------------------------------------------


def proportional_tariff(parts: Iterable[tuple[Decimal, int]]) -> Decimal:
    """Proportional tariff ``TP = Σ Tᵢ·Pᵢ / D`` (REN 1.000/2021, art. 173, § 2º).

    Args:
        parts: ``(Tᵢ, Pᵢ)``: each tariff and the days it was in force; ``D = Σ Pᵢ``.

    The equation is an image in the compiled text; its variables (TP, Tᵢ, Pᵢ, D) are text and
    admit only this weighted mean (``shared/INVOICE.md`` §3.2).

    Examples:
        >>> proportional_tariff([(Decimal("600.00"), 10), (Decimal("660.00"), 20)])
        Decimal('640.00')
    """
    weighted = Decimal(0)
    days = 0
    given: object = parts  # the annotation says pairs; callers may pass anything
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise invalid(
            "parts",
            "not_iterable",
            "{path} must be an iterable, got {value}",
            path="parts",
            value=masked(parts),
        )
    for index, part in enumerate(parts):
        # art. 173, § 2º: Tᵢ a tariff, Pᵢ a number of days (a whole number, never negative)
        count = whole_number(part[1], 0) if isinstance(part, tuple) and len(part) == 2 else None
        if count is None:
            raise invalid(
                f"parts.{index}",
                "not_a_tariff_part",
                "{path} must be a (tariff, days) pair, days a whole number not below 0, got "
                "{value}",
                path=f"parts.{index}",
                value=masked(part),
            )
        tariff = to_money(part[0], path=f"parts.{index}.0")
        weighted = CTX.add(weighted, CTX.multiply(tariff, count))
        days += count
    if days <= 0:
        raise invalid(
            "parts",
            "no_days",
            "the proportional tariff needs at least one day of supply",
            basis=ren1000(173, paragraph=2),
        )
    return CTX.divide(weighted, days)


def _days_in(rates: TariffRates, first: date, last: date) -> int:
    begin = max(first, rates.valid_from)
    end = last if rates.valid_to is None else min(last, rates.valid_to)
    return max(0, (end - begin).days + 1)


def _prorate_map(parts: Sequence[tuple[PostMap, int]]) -> dict[TariffPost | None, Decimal]:
    keys: set[TariffPost | None] = set()
    for mapping, _ in parts:
        keys |= mapping.keys()
    return {
        key: proportional_tariff((m.get(key, Decimal(0)), days) for m, days in parts)
        for key in keys
    }


def prorate_rates(
    periods: Sequence[TariffRates], *, start: date, end: date
) -> tuple[TariffRates, tuple[Basis, ...]]:
    """Rates for a reading period over which the tariff changed (tarifa proporcional).

    Each component is ``Σ Tᵢ·Pᵢ / D`` (art. 173, § 2º), ``D`` the days of supply between the two
    readings and ``Pᵢ`` the days each tariff was in force. Days are counted after the previous
    reading up to and including the current one, as REN 1.000/2021, art. 656, counts periods
    and as the peers bill (``shared/INVOICE.md`` §3.2: the convention is not in the article).

    Returns:
        The rates to apply and the basis (empty when one set covers the whole period).

    Raises:
        InvalidInputError: the periods do not cover every day, or are of different subgroups
            or modalities.
        UnsupportedCaseError: a change of values inside a REN 414/2010 cycle (its article on
            the proportional tariff was not found; code ``unverified_ren414``). Sets with the
            same values are answered for every date.

    Examples:
        >>> def rates(te, since, until=None):
        ...     return TariffRates(distributor="X", subgroup=Subgroup.B1,
        ...                        modality=TariffModality.CONVENTIONAL_MONOMIAL,
        ...                        te_mwh=Decimal(te), tusd_mwh=Decimal(0),
        ...                        valid_from=since, valid_to=until)
        >>> old = rates("600", date(2025, 1, 1), date(2026, 5, 10))
        >>> new = rates("660", date(2026, 5, 11))
        >>> r, basis = prorate_rates([old, new], start=date(2026, 4, 30), end=date(2026, 5, 30))
        >>> r.te_mwh[None], [str(b) for b in basis]
        (Decimal('640'), ['REN 1.000/2021, art. 173, § 2º'])
    """
    begin, last = plain_date(start, path="start"), plain_date(end, path="end")
    check_period_order(begin, last)
    given: object = periods  # the annotation says TariffRates; callers may pass anything
    if isinstance(given, str | bytes) or not isinstance(given, Sequence):
        raise invalid(
            "rates",
            "not_rates",
            "{path} must be TariffRates or a sequence of them, got {value}",
            path="rates",
            value=masked(periods),
        )
    for index, item in enumerate(periods):
        instance_of(
            item,
            TariffRates,
            f"rates.{index}",
            "not_rates",
            "{path} must be TariffRates or a sequence of them, got {value}",
            invalid=invalid,
        )
    first = begin + timedelta(days=1)
    parts = [(r, _days_in(r, first, last)) for r in periods]
    parts = [(r, days) for r, days in parts if days]
    total = (last - first).days + 1
    if not parts or sum(days for _, days in parts) != total:
        raise invalid(
            "rates",
            "rates_do_not_cover",
            "the rates given do not cover each day from {start} to {end} exactly once",
            start=first.isoformat(),
            end=last.isoformat(),
        )
    if len(parts) == 1:
        return parts[0][0], ()
    head = parts[0][0]
    if any(r.subgroup is not head.subgroup or r.modality is not head.modality for r, _ in parts):
        raise invalid(
            "rates",
            "mixed_rates",
            "rates of different subgroups or modalities cannot be prorated",
        )
    if norm_in_force(end) is Norm.REN_414_2010:
        same = all(
            (r.te_mwh, r.tusd_mwh, r.demand_kw) == (head.te_mwh, head.tusd_mwh, head.demand_kw)
            for r, _ in parts
        )
        if same:
            # the same values all period long: every proration rule gives them
            return head, ()
        raise unsupported(
            "the proportional tariff for a tariff change inside a REN 414/2010 cycle is not "
            "modelled: its article (the counterpart of REN 1.000/2021, art. 173, § 2º) is not "
            "quoted in any source found",
            on=end,
            code=UNVERIFIED_REN414,
        )
    prorated = TariffRates(
        distributor=head.distributor,
        subgroup=head.subgroup,
        modality=head.modality,
        te_mwh=_prorate_map([(r.te_mwh, d) for r, d in parts]),
        tusd_mwh=_prorate_map([(r.tusd_mwh, d) for r, d in parts]),
        demand_kw=_prorate_map([(r.demand_kw, d) for r, d in parts]) or None,
        act=" + ".join(r.act for r, _ in parts),
        valid_from=first,
        valid_to=last,
        consumer_class=head.consumer_class,
        subclass=head.subclass,
    )
    return prorated, (ren1000(173, paragraph=2),)
