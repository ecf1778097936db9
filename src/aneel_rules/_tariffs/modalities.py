"""Tariff modalities and enquadramento (REN 1.000/2021, arts. 211–220; REN 414/2010, art. 57).

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._convert import non_negative, plain_date, to_bool
from aneel_rules._tariffs.common import (
    DOMAIN,
    LAST_VERIFIED,
    REN414_START,
    REN1000_START,
    REN1147_SINCE,
    invalid,
)
from aneel_rules._tariffs.modality_types import (
    WHITE_TARIFF_AVAILABILITY,
    TariffModality,
    WhiteTariffAvailability,
)
from aneel_rules._tariffs.units import ConsumerClass, ConsumerUnit, Group, check_unit
from aneel_rules.errors import (
    InvalidInputError,
    NotInForceError,
)
from aneel_rules.legal import Basis, LegalRef, Norm, norm_in_force, ren414, ren1000
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "TariffModality",
    "WhiteTariffAvailability",
    "WHITE_TARIFF_AVAILABILITY",
    "LOW_INCOME",
    "SOCIAL_DISCOUNT",
    "WHITE_TARIFF_EXCLUDED_SUBCLASSES",
    "REN414_BINOMIAL_DEMAND_THRESHOLD_KW",
    "ModalityOptions",
    "modality_options",
)


LOW_INCOME: Final = "baixa renda"
SOCIAL_DISCOUNT: Final = "desconto social"

WHITE_TARIFF_EXCLUDED_SUBCLASSES: Final[Timeline[frozenset[str]]] = Timeline(
    name="white_tariff_excluded_subclasses",
    unit="residential subclasses",
    label_pt="subclasses residenciais sem acesso à tarifa branca",
    periods=(
        Period(
            since=REN414_START,
            value=frozenset({LOW_INCOME}),
            basis=ren414(2, item="L"),
            note="'exceto ... para as subclasses Baixa Renda do subgrupo B1' (study note).",
        ),
        Period(
            since=REN1000_START,
            value=frozenset({LOW_INCOME}),
            basis=ren1000(219, item="II", subitem="a"),
        ),
        Period(
            since=REN1147_SINCE,
            value=frozenset({LOW_INCOME, SOCIAL_DISCOUNT}),
            basis=ren1000(219, item="II", subitem="a", amended_by=Norm.REN_1147_2025),
            note="REN 1.147/2025 signed 9 Dec 2025, published in the DOU of 16 Dec 2025; its "
            "vigência article was not read, so the publication date is used.",
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Residential subclasses barred from the tarifa branca (REN 1.000, art. 219, II, "a")."""

REN414_BINOMIAL_DEMAND_THRESHOLD_KW: Final[Timeline[Decimal]] = Timeline(
    name="ren414_binomial_demand_threshold",
    unit="kW",
    label_pt="demanda contratada limite da convencional binômia",
    periods=(
        Period(
            since=REN414_START,
            value=Decimal(300),
            basis=ren414(57, item="III"),
            note="300 kW as quoted in the 2013 study note. One secondary source quotes 150 kW "
            "for some REN 414 version (which amendment and when: UNVERIFIED).",
        ),
        Period(
            since=REN1000_START,
            value=None,
            basis=ren1000(220),
            note="REN 1.000/2021 has no convencional binômia for group A.",
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""REN 414 art. 57: below this contracted demand a group-A unit < 69 kV could stay convencional."""


@attrs.frozen(kw_only=True)
class ModalityOptions:
    """The modalities a unit may have on a date (enquadramento), and why.

    Attributes:
        allowed: Modalities the unit may be billed in.
        default: The modality applied without any option by the consumer, or ``None`` where
            the consumer must choose.
        basis: Provisions that produced the answer.
        norm: Regime in force on the date asked.
    """

    allowed: frozenset[TariffModality]
    default: TariffModality | None
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)
    norm: Norm


def modality_options(
    unit: ConsumerUnit,
    *,
    on: date,
    average_consumption_kwh: Decimal | int | str | None = None,
    new_connection: bool = False,
) -> ModalityOptions:
    """Tariff modalities a consumer unit may have on a date (enquadramento).

    Args:
        unit: The consumer unit.
        on: The date asked about.
        average_consumption_kwh: Average monthly consumption (kWh). Needed only for a group-B
            unit (or a group-A unit billed at group-B tariffs) under REN 414 in 2018–2019,
            when the tarifa branca was phased in by consumption.
        new_connection: The unit is a new connection (qualified for branca from 2018).

    Returns:
        The allowed modalities, the default one and the basis.

    Raises:
        InvalidInputError: bad input, or a fact the rule needs is missing (the contracted
            demand of a group-A unit below 69 kV under REN 414; the average consumption
            during the branca phase-in; the transformer power of a group-B option), or a
            group-B option the unit does not qualify for (art. 292).
        NotInForceError: ``on`` is before REN 414/2010, or the unit is desconto social
            and ``on`` is before REN 1.147/2025 created that subclass (art. 176, VII).

    Legal basis:
        - REN 1.000/2021, art. 219 (group B), art. 220 (group A), art. 292 (group-B option).
        - REN 414/2010, art. 57 and art. 2º, L (2013 study note); art. 100 (a group-A unit
          billed at group-B tariffs has the group-B modalities); REN 733/2016, art. 3
          (branca, also for those group-A units).

    Examples:
        >>> home = ConsumerUnit(connection_voltage_kv="0.127",
        ...                     consumer_class=ConsumerClass.RESIDENTIAL)
        >>> options = modality_options(home, on=date(2026, 1, 10))
        >>> options.default.value, sorted(m.value for m in options.allowed)
        ('convencional monômia', ['convencional monômia', 'horária branca'])
        >>> [str(b) for b in options.basis]
        ['REN 1.000/2021, art. 219, I', 'REN 1.000/2021, art. 219, II']
        >>> sorted(m.value for m in modality_options(home, on=date(2017, 12, 31)).allowed)
        ['convencional monômia']
    """
    check_unit(unit)
    on = plain_date(on, path="on")
    average = (
        None
        if average_consumption_kwh is None
        else non_negative(
            average_consumption_kwh, "average_consumption_kwh", invalid=invalid, shown="text"
        )
    )
    new_connection = to_bool(new_connection, path="new_connection")
    norm = norm_in_force(on)
    # art. 176, VII (incluído pela REN 1.147/2025): no desconto social subclass before it
    if unit.social_discount and on < REN1147_SINCE:
        raise NotInForceError(
            "the desconto social subclass exists only from REN 1.147/2025 ({since}; asked for "
            "{on})",
            code="social_discount_not_in_force",
            on=on,
            what="social_discount",
            since=REN1147_SINCE.isoformat(),
        )
    if norm is Norm.REN_1000_2021:
        return _options_ren1000(unit, on)
    return _options_ren414(unit, on, average, new_connection)


_CONVENTIONAL_ONLY: Final = frozenset({TariffModality.CONVENTIONAL_MONOMIAL})
_BLUE_GREEN: Final = frozenset({TariffModality.BLUE, TariffModality.GREEN})


def _white_barrier_ren1000(unit: ConsumerUnit, on: date) -> Basis | None:
    excluded = WHITE_TARIFF_EXCLUDED_SUBCLASSES.period_on(on)
    subclasses = WHITE_TARIFF_EXCLUDED_SUBCLASSES.value_on(on)
    # art. 219, II, "a": baixa renda (and desconto social, from REN 1.147/2025)
    if (unit.low_income and LOW_INCOME in subclasses) or (
        unit.social_discount and SOCIAL_DISCOUNT in subclasses
    ):
        return excluded.basis[0]
    # art. 219, II, "b": classe iluminação pública
    if unit.consumer_class is ConsumerClass.PUBLIC_LIGHTING:
        return ren1000(219, item="II", subitem="b")
    # art. 219, II, "c": faturada pela modalidade de pré-pagamento
    if unit.prepaid:
        return ren1000(219, item="II", subitem="c")
    return None


def _options_ren1000(unit: ConsumerUnit, on: date) -> ModalityOptions:
    norm = Norm.REN_1000_2021
    # art. 220, § 1º: group A with the group-B billing option follows art. 219
    if unit.group is Group.B or unit.group_b_option:
        basis: list[Basis] = [ren1000(219, item="I")]
        if unit.group_b_option:
            # art. 292: only a unit meeting one of its criteria may have opted (imported here:
            # the tariff posts import this module, and few units have the option)
            from aneel_rules._tariffs.group_b_option import group_b_option_check  # noqa: PLC0415

            check = group_b_option_check(unit, on=on)
            if not check.qualifies:
                raise InvalidInputError.single(
                    "group_b_option",
                    "group_b_option_not_qualified",
                    "the unit meets none of the criteria of REN 1.000/2021, art. 292 "
                    "(transformers, cooperative, tourism lodging, sports lighting, SCEE)",
                    domain=DOMAIN,
                    basis=check.basis[0],
                )
            basis[:0] = [ren1000(220, paragraph=1), *check.basis]
        allowed = set(_CONVENTIONAL_ONLY)
        barrier = _white_barrier_ren1000(unit, on)
        if barrier is None:
            # art. 219, II: horária branca by the consumer's option
            allowed.add(TariffModality.WHITE)
            basis.append(ren1000(219, item="II"))
        else:
            basis.append(barrier)
        # art. 219, I: convencional, compulsory and automatic
        return ModalityOptions(
            allowed=frozenset(allowed),
            default=TariffModality.CONVENTIONAL_MONOMIAL,
            basis=tuple(basis),
            norm=norm,
        )
    # art. 220, § 2º: cooperativa de eletrificação rural, azul or verde by option (the special
    # rule prevails over the voltage rule of the caput)
    if unit.rural_cooperative:
        return ModalityOptions(
            allowed=_BLUE_GREEN, default=None, basis=(ren1000(220, paragraph=2),), norm=norm
        )
    # art. 220, I: 69 kV or more, horária azul
    if unit.connection_voltage_kv >= 69:
        return ModalityOptions(
            allowed=frozenset({TariffModality.BLUE}),
            default=TariffModality.BLUE,
            basis=(ren1000(220, item="I"),),
            norm=norm,
        )
    # art. 220, II: below 69 kV, azul or verde by option
    return ModalityOptions(
        allowed=_BLUE_GREEN, default=None, basis=(ren1000(220, item="II"),), norm=norm
    )


def _options_ren414(
    unit: ConsumerUnit, on: date, average: Decimal | None, new_connection: bool
) -> ModalityOptions:
    norm = Norm.REN_414_2010
    if unit.group is Group.B or unit.group_b_option:
        # A group-A unit billed at group-B tariffs (art. 100) has the group-B modalities: REN
        # 733/2016, art. 3 (VERIFIED) opens the branca "a todos os titulares de unidades
        # consumidoras do grupo B e daquelas do grupo A com tarifa do grupo B, conforme disposto
        # no art. 100", with the same exclusions (§ 1º). Art. 100's criteria were not found:
        # the option is taken as stated, not checked (group_b_option_check refuses REN 414).
        basis: list[Basis] = [ren414(100), ren414(57)] if unit.group_b_option else [ren414(57)]
        allowed = set(_CONVENTIONAL_ONLY)
        excluded = WHITE_TARIFF_EXCLUDED_SUBCLASSES.period_on(on)
        # art. 2º, L: branca "exceto para o subgrupo B4 (iluminação pública) e para as
        # subclasses Baixa Renda do subgrupo B1"
        if unit.consumer_class is ConsumerClass.PUBLIC_LIGHTING or unit.low_income:
            basis.extend(excluded.basis)
        elif unit.prepaid:
            # REN 733/2016, art. 3, § 1º (VERIFIED: scribd copy and the Norven FAQ): the branca
            # option "não se aplica [...] àquelas com faturamento pela modalidade de
            # pré-pagamento". Before the phase-in (1 Jan 2018) no unit could opt: same answer.
            if WHITE_TARIFF_AVAILABILITY.value_on(on).available:
                basis.append(LegalRef(norm=Norm.REN_733_2016, article=3, paragraph=1))
        else:
            availability = WHITE_TARIFF_AVAILABILITY.value_on(on)
            # art. 57 (group B, II) and REN 733/2016: branca by option, once available
            if availability.admits(average_consumption_kwh=average, new_connection=new_connection):
                allowed.add(TariffModality.WHITE)
                if unit.group_b_option:
                    # REN 733/2016, art. 3, caput: "grupo A com tarifa do grupo B"
                    basis.append(LegalRef(norm=Norm.REN_733_2016, article=3))
            # (the phase-in periods cite art. 57 itself, already in the basis: REN 733/2016's
            # article could not be read, see WHITE_TARIFF_AVAILABILITY)
        # art. 57 (group B, I): convencional monômia, compulsory and automatic
        return ModalityOptions(
            allowed=frozenset(allowed),
            default=TariffModality.CONVENTIONAL_MONOMIAL,
            basis=tuple(basis),
            norm=norm,
        )
    # art. 57 (cooperativa de eletrificação rural): azul or verde by option
    if unit.rural_cooperative:
        return ModalityOptions(allowed=_BLUE_GREEN, default=None, basis=(ren414(57),), norm=norm)
    # art. 57 (units not served by the SIN): convencional binômia, azul or verde by option
    if unit.isolated_system:
        return ModalityOptions(
            allowed=frozenset({TariffModality.CONVENTIONAL_BINOMIAL, *_BLUE_GREEN}),
            default=None,
            basis=(ren414(57),),
            norm=norm,
        )
    # art. 57, I: 69 kV or more, horária azul
    if unit.connection_voltage_kv >= 69:
        return ModalityOptions(
            allowed=frozenset({TariffModality.BLUE}),
            default=TariffModality.BLUE,
            basis=(ren414(57, item="I"),),
            norm=norm,
        )
    if unit.contracted_demand_kw is None:
        raise InvalidInputError.single(
            "contracted_demand_kw",
            "required",
            "{path} is required for a group-A unit below 69 kV under REN 414/2010",
            domain=DOMAIN,
            basis=ren414(57),
            path="contracted_demand_kw",
        )
    threshold = REN414_BINOMIAL_DEMAND_THRESHOLD_KW.value_on(on)
    # art. 57, II: below 69 kV and demand of 300 kW or more, azul or verde by option
    if unit.contracted_demand_kw >= threshold:
        return ModalityOptions(
            allowed=_BLUE_GREEN, default=None, basis=(ren414(57, item="II"),), norm=norm
        )
    # art. 57, III: below 69 kV and demand under 300 kW, convencional binômia, azul or verde
    return ModalityOptions(
        allowed=frozenset({TariffModality.CONVENTIONAL_BINOMIAL, *_BLUE_GREEN}),
        default=None,
        basis=(ren414(57, item="III"),),
        norm=norm,
    )
