"""Tariff rules (regras tarifárias): groups, modalities, tariff posts, calendars, irrigation.

Answers "which modalities may this consumer unit have on this date?", "is this
instant ponta?", "which days of the year have no ponta?" under the norm in force
on the date asked (REN 414/2010 until 2 Jan 2022, REN 1.000/2021 from 3 Jan 2022),
each with the provision that produced it. See ``docs/rules/tariffs.md``.

Sources:
    - REN 1.000/2021, texto compilado (amendments to REN 1.147/2025):
      https://www2.aneel.gov.br/cedoc/bren20211000.pdf
    - REN 414/2010 as quoted by the project's 2013 study note (``shared/seeds/004_…``).
    - Tarifa branca phase-in of REN 733/2016: ANEEL decision as reported in the press
      (http://bempositivo.com.br/?p=13274 ; acritica.net, Jan 2018).

Examples:
    >>> from datetime import date, datetime
    >>> unit = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.INDUSTRIAL)
    >>> unit.subgroup
    <Subgroup.A4: 'A4'>
    >>> sorted(m.value for m in modality_options(unit, on=date(2026, 1, 10)).allowed)
    ['horária azul', 'horária verde']
    >>> tariff_post(datetime(2026, 3, 9, 20, 30), AMAZONAS_ENERGIA, modality=TariffModality.WHITE)
    <TariffPost.PEAK: 'ponta'>
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Final, cast
from zoneinfo import ZoneInfo

import attrs
from dateutil.easter import easter

from aneel_rules._convert import to_decimal
from aneel_rules.errors import (
    FieldError,
    InvalidInputError,
    NotInForceError,
    RegulatoryGapError,
    UnsupportedCaseError,
)
from aneel_rules.legal import NORMS, Basis, Determination, Norm, norm_in_force, ren414, ren1000
from aneel_rules.timeline import Period, Timeline

__all__ = (
    # groups, classes and the consumer unit
    "ConsumerClass",
    "ConsumerUnit",
    "Group",
    "Subgroup",
    "group_a_subgroup",
    # modalities and enquadramento
    "REN414_BINOMIAL_DEMAND_THRESHOLD_KW",
    "WHITE_TARIFF_AVAILABILITY",
    "WHITE_TARIFF_EXCLUDED_SUBCLASSES",
    "ModalityOptions",
    "TariffModality",
    "WhiteTariffAvailability",
    "modality_options",
    # peak-exempt calendar
    "PEAK_EXEMPT_HOLIDAYS",
    "NationalHoliday",
    "PeakExemptDay",
    "is_peak_exempt",
    "peak_exempt_days",
    # tariff posts
    "AMAZONAS_ENERGIA",
    "POST_SCHEDULES",
    "PostSchedule",
    "TariffPost",
    "explain_tariff_post",
    "post_schedule",
    "tariff_post",
    "tariff_posts",
    # seasonal periods (REN 414 only)
    "SeasonalPeriod",
    "seasonal_period",
    # irrigation and aquaculture
    "IRRIGATION_DISCOUNTS",
    "IRRIGATION_WINDOW",
    "IrrigationRegion",
    "IrrigationWindowRule",
    "irrigation_discount",
    "irrigation_region",
    "irrigation_window_rule",
)

DOMAIN: Final = "tariffs"
"""Message-catalog domain of this module."""

_REN414_START: Final = NORMS[Norm.REN_414_2010].in_force_from
_REN1000_START: Final = NORMS[Norm.REN_1000_2021].in_force_from
# REN 1.101/2024 was signed on 27 Aug 2024; its vigência article could not be read. Any entry
# into force between 27 Aug and 20 Nov 2024 gives the same answer for every day (the first
# 20 November after signature is 20 Nov 2024), so the signature date is used.
_REN1101_SINCE: Final = date(2024, 8, 27)
# REN 1.147/2025 was signed on 9 Dec 2025 and published in the DOU of 16 Dec 2025; its vigência
# article could not be read. Publication is the earliest day it can bind anyone.
_REN1147_SINCE: Final = date(2025, 12, 16)
_LAST_VERIFIED: Final = date(2026, 11, 23)


def _invalid(path: str, code: str, template: str, /, **params: str) -> InvalidInputError:
    return InvalidInputError(
        (FieldError(path=path, code=code, template=template, params=params, domain=DOMAIN),)
    )


def _check_date(value: object, path: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _invalid(
            path, "not_a_date", "{path} must be a date, got {value}", path=path, value=repr(value)
        )
    return value


def _hm(hour: int, minute: int) -> time:
    """A wall time (``datetime.time`` built without calling a name the purity test forbids)."""
    return time.min.replace(hour=hour, minute=minute)


# --------------------------------------------------------------------------------------------
# Groups, subgroups, classes
# --------------------------------------------------------------------------------------------


class Group(enum.Enum):
    """Tariff group (grupo tarifário), REN 1.000/2021, art. 2º, XXIII–XXIV."""

    A = "A"
    B = "B"


class Subgroup(enum.Enum):
    """Tariff subgroup (subgrupo tarifário), REN 1.000/2021, art. 2º, XXIII–XXIV."""

    A1 = "A1"
    A2 = "A2"
    A3 = "A3"
    A3A = "A3a"
    A4 = "A4"
    AS = "AS"
    B1 = "B1"
    B2 = "B2"
    B3 = "B3"
    B4 = "B4"

    @property
    def group(self) -> Group:
        """The group this subgroup belongs to."""
        return Group.A if self.value.startswith("A") else Group.B


class ConsumerClass(enum.Enum):
    """Tariff class (classe tarifária) of a consumer unit, REN 1.000/2021, art. 174, I–VIII."""

    RESIDENTIAL = "residencial"
    INDUSTRIAL = "industrial"
    COMMERCIAL = "comércio, serviços e outras atividades"
    RURAL = "rural"
    PUBLIC_POWER = "poder público"
    PUBLIC_LIGHTING = "iluminação pública"
    PUBLIC_SERVICE = "serviço público"
    OWN_CONSUMPTION = "consumo próprio"


_GROUP_A_MIN_KV: Final = Decimal("2.3")


def group_a_subgroup(voltage_kv: Decimal | str | float, *, underground: bool = False) -> Subgroup:
    """Group-A subgroup (subgrupo do grupo A) of a connection voltage.

    Args:
        voltage_kv: Connection voltage in kV (``int``, ``str``, ``Decimal``; a ``float`` is
            read through its shortest repr, so ``13.8`` is ``Decimal("13.8")``).
        underground: The unit is served from an underground distribution system
            (sistema subterrâneo), which makes a voltage below 2.3 kV subgroup AS.

    Returns:
        A1 (≥ 230 kV), A2 (88–138 kV), A3 (= 69 kV), A3a (30–44 kV), A4 (2.3–25 kV), or
        AS (< 2.3 kV, underground). Bounds are inclusive, as the norm writes them.

    Raises:
        InvalidInputError: not a positive number, or below 2.3 kV and not underground
            (that is group B, art. 2º, XXIV).
        RegulatoryGapError: a voltage the definition leaves out (between 25 and 30 kV, 44 and
            69 kV, 69 and 88 kV, 138 and 230 kV). The library does not guess.

    Legal basis:
        - REN 1.000/2021, art. 2º, XXIII, "a" to "f".

    Examples:
        >>> group_a_subgroup(13.8), group_a_subgroup("69"), group_a_subgroup(Decimal("34.5"))
        (<Subgroup.A4: 'A4'>, <Subgroup.A3: 'A3'>, <Subgroup.A3A: 'A3a'>)
        >>> group_a_subgroup("0.22", underground=True)
        <Subgroup.AS: 'AS'>
        >>> group_a_subgroup(46)
        Traceback (most recent call last):
        ...
        aneel_rules.errors.RegulatoryGapError: 46 kV is in none of the group-A subgroups ...
    """
    voltage = to_decimal(voltage_kv, path="voltage_kv", allow_float=True)
    if voltage <= 0:
        raise _invalid(
            "voltage_kv",
            "not_positive",
            "{path} must be positive, got {value}",
            path="voltage_kv",
            value=str(voltage),
        )
    ref = ren1000(2, item="XXIII")
    if voltage < _GROUP_A_MIN_KV:
        # art. 2º, XXIII, "f": AS = below 2.3 kV from an underground system
        if underground:
            return Subgroup.AS
        # art. 2º, XXIV: below 2.3 kV (overhead) is group B
        raise InvalidInputError.single(
            "voltage_kv",
            "group_b_voltage",
            "{value} kV is below 2.3 kV and not underground: group B, not group A",
            domain=DOMAIN,
            basis=ren1000(2, item="XXIV"),
            value=str(voltage),
        )
    # art. 2º, XXIII, "a": A1, 230 kV or more
    if voltage >= 230:
        return Subgroup.A1
    # art. 2º, XXIII, "b": A2, 88 kV to 138 kV
    if 88 <= voltage <= 138:
        return Subgroup.A2
    # art. 2º, XXIII, "c": A3, exactly 69 kV
    if voltage == 69:
        return Subgroup.A3
    # art. 2º, XXIII, "d": A3a, 30 kV to 44 kV
    if 30 <= voltage <= 44:
        return Subgroup.A3A
    # art. 2º, XXIII, "e": A4, 2.3 kV to 25 kV
    if voltage <= 25:
        return Subgroup.A4
    raise RegulatoryGapError(
        f"{voltage} kV is in none of the group-A subgroups of {ref} "
        "(gaps 25–30, 44–69, 69–88 and 138–230 kV); the norm gives no answer",
        basis=ref,
    )


def _to_kv(value: object) -> Decimal:
    voltage = to_decimal(value, path="connection_voltage_kv", allow_float=True)
    if voltage <= 0:
        raise _invalid(
            "connection_voltage_kv",
            "not_positive",
            "{path} must be positive, got {value}",
            path="connection_voltage_kv",
            value=str(voltage),
        )
    return voltage


def _to_optional_kw(value: object) -> Decimal | None:
    if value is None:
        return None
    demand = to_decimal(value, path="contracted_demand_kw", allow_float=True)
    if demand <= 0:
        raise _invalid(
            "contracted_demand_kw",
            "not_positive",
            "{path} must be positive, got {value}",
            path="contracted_demand_kw",
            value=str(demand),
        )
    return demand


def _check_flag(_inst: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise _invalid(
            attribute.name,
            "not_a_bool",
            "{path} must be True or False, got {value}",
            path=attribute.name,
            value=repr(value),
        )


def _check_class(_inst: object, _attribute: object, value: ConsumerClass) -> None:
    if not isinstance(cast("object", value), ConsumerClass):
        raise _invalid(
            "consumer_class",
            "not_a_class",
            "{path} must be a ConsumerClass, got {value}",
            path="consumer_class",
            value=repr(value),
        )


_flag = functools.partial(attrs.field, default=False, validator=_check_flag)


@attrs.frozen(kw_only=True)
class ConsumerUnit:
    """Consumer unit (unidade consumidora): the facts enquadramento depends on.

    Attributes:
        connection_voltage_kv: Connection voltage (tensão de conexão) in kV.
        consumer_class: Tariff class (art. 174).
        underground: Served from an underground system and classified in group A as AS
            (art. 2º, XXIII, "f"; the option of art. 23, § 3º having been taken).
        low_income: Residential subclass baixa renda (arts. 177–179).
        social_discount: Residential subclass desconto social (art. 178-A, from REN 1.147/2025).
        prepaid: Billed by pre-payment (pré-pagamento, art. 215).
        rural_cooperative: Rural subclass cooperativa de eletrificação rural.
        contracted_demand_kw: Contracted demand (demanda contratada) in kW, group A.
        group_b_option: Group-A unit that opted to be billed at group-B tariffs (art. 292).
        isolated_system: Unit not served by the SIN (only REN 414 had a rule for it).

    Examples:
        >>> ConsumerUnit(connection_voltage_kv="0.127",
        ...              consumer_class=ConsumerClass.RESIDENTIAL).subgroup
        <Subgroup.B1: 'B1'>
        >>> ConsumerUnit(connection_voltage_kv="0.22", consumer_class=ConsumerClass.INDUSTRIAL,
        ...              low_income=True)
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: low_income: ...
    """

    connection_voltage_kv: Decimal = attrs.field(converter=_to_kv)
    consumer_class: ConsumerClass = attrs.field(validator=_check_class)
    underground: bool = _flag()
    low_income: bool = _flag()
    social_discount: bool = _flag()
    prepaid: bool = _flag()
    rural_cooperative: bool = _flag()
    contracted_demand_kw: Decimal | None = attrs.field(default=None, converter=_to_optional_kw)
    group_b_option: bool = _flag()
    isolated_system: bool = _flag()

    def __attrs_post_init__(self) -> None:
        residential = self.consumer_class is ConsumerClass.RESIDENTIAL
        # art. 219, II, "a": baixa renda and desconto social are subclasses of the residential class
        for name, value in (
            ("low_income", self.low_income),
            ("social_discount", self.social_discount),
        ):
            if value and not residential:
                raise _invalid(
                    name,
                    "not_residential",
                    "{path} applies only to the residential class, not {value}",
                    path=name,
                    value=self.consumer_class.value,
                )
        if self.low_income and self.social_discount:
            raise _invalid(
                "social_discount",
                "exclusive_subclasses",
                "a unit cannot be both low income and social discount",
            )
        # art. 220, § 2º: cooperativa de eletrificação rural is a subclass of the rural class
        if self.rural_cooperative and self.consumer_class is not ConsumerClass.RURAL:
            raise _invalid(
                "rural_cooperative",
                "not_rural",
                "{path} applies only to the rural class, not {value}",
                path="rural_cooperative",
                value=self.consumer_class.value,
            )
        # art. 292: the group-B billing option is for group-A units
        if self.group_b_option and self.group is not Group.A:
            raise _invalid(
                "group_b_option",
                "not_group_a",
                "{path} applies only to group-A units",
                path="group_b_option",
            )

    @property
    def group(self) -> Group:
        """Group A (≥ 2.3 kV or underground) or B (art. 2º, XXIII–XXIV)."""
        if self.underground or self.connection_voltage_kv >= _GROUP_A_MIN_KV:
            return Group.A
        return Group.B

    @property
    def subgroup(self) -> Subgroup:
        """Subgroup: by voltage in group A, by class in group B (art. 2º, XXIII–XXIV).

        Raises:
            RegulatoryGapError: a group-A voltage in a gap of art. 2º, XXIII.
        """
        if self.group is Group.A:
            return group_a_subgroup(self.connection_voltage_kv, underground=self.underground)
        # art. 2º, XXIV: B1 residencial, B2 rural, B4 iluminação pública, B3 demais classes
        return {
            ConsumerClass.RESIDENTIAL: Subgroup.B1,
            ConsumerClass.RURAL: Subgroup.B2,
            ConsumerClass.PUBLIC_LIGHTING: Subgroup.B4,
        }.get(self.consumer_class, Subgroup.B3)


# --------------------------------------------------------------------------------------------
# Modalities and enquadramento
# --------------------------------------------------------------------------------------------


class TariffModality(enum.Enum):
    """Tariff modality (modalidade tarifária), REN 1.000, arts. 211–214; REN 414, art. 2º, L."""

    CONVENTIONAL_MONOMIAL = "convencional monômia"
    CONVENTIONAL_BINOMIAL = "convencional binômia"
    WHITE = "horária branca"
    GREEN = "horária verde"
    BLUE = "horária azul"

    @property
    def has_posts(self) -> bool:
        """Whether the modality segments the day into tariff posts (the horária ones)."""
        return self not in {
            TariffModality.CONVENTIONAL_MONOMIAL,
            TariffModality.CONVENTIONAL_BINOMIAL,
        }


@attrs.frozen(kw_only=True)
class WhiteTariffAvailability:
    """Which group-B units could opt into the tarifa branca at a time (REN 414 phase-in).

    Attributes:
        available: Whether the modality could be chosen at all.
        min_average_consumption_kwh: Average monthly consumption the unit had to exceed
            (strictly), or ``None`` when any consumption qualifies.
        new_connections: Whether new connections qualified regardless of consumption.
    """

    available: bool
    min_average_consumption_kwh: Decimal | None = None
    new_connections: bool = True

    def admits(self, *, average_consumption_kwh: Decimal | None, new_connection: bool) -> bool:
        """Whether a unit qualifies; ``None`` consumption is only acceptable if not needed."""
        if not self.available:
            return False
        if self.min_average_consumption_kwh is None or (new_connection and self.new_connections):
            return True
        if average_consumption_kwh is None:
            raise _invalid(
                "average_consumption_kwh",
                "required",
                "{path} is required on this date: the tarifa branca was then open "
                "only to units averaging more than {limit} kWh/month",
                path="average_consumption_kwh",
                limit=str(self.min_average_consumption_kwh),
            )
        return average_consumption_kwh > self.min_average_consumption_kwh


_REN733_NOTE: Final = (
    "Phase-in set by REN 733/2016 (the 'resolução específica' that REN 414 awaited): from "
    "1 Jan 2018 new connections and units averaging > 500 kWh/month, from 1 Jan 2019 > 250 "
    "kWh/month, from 1 Jan 2020 every group-B unit. Dates and thresholds: ANEEL's decision as "
    "reported by several independent press sources (Medium); the REN 733 article could not be "
    "read, so the basis cited is the REN 414 provision that made branca depend on it."
)

WHITE_TARIFF_AVAILABILITY: Final[Timeline[WhiteTariffAvailability]] = Timeline(
    name="white_tariff_availability",
    unit="availability",
    label_pt="disponibilidade da tarifa branca",
    periods=(
        Period(
            since=_REN414_START,
            value=WhiteTariffAvailability(available=False),
            basis=ren414(57),
            note="REN 414, art. 57 (group B, II): branca 'somente após a publicação de resolução "
            "específica'; not yet published (2013 study note).",
        ),
        Period(
            since=date(2018, 1, 1),
            value=WhiteTariffAvailability(available=True, min_average_consumption_kwh=Decimal(500)),
            basis=ren414(57),
            note=_REN733_NOTE,
        ),
        Period(
            since=date(2019, 1, 1),
            value=WhiteTariffAvailability(available=True, min_average_consumption_kwh=Decimal(250)),
            basis=ren414(57),
            note=_REN733_NOTE,
        ),
        Period(
            since=date(2020, 1, 1),
            value=WhiteTariffAvailability(available=True),
            basis=ren414(57),
            note=_REN733_NOTE,
        ),
        Period(
            since=_REN1000_START,
            value=WhiteTariffAvailability(available=True),
            basis=ren1000(219, item="II"),
        ),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Availability of the tarifa branca to group-B units (REN 414 phase-in; REN 1.000 art. 219, II)."""

LOW_INCOME: Final = "baixa renda"
SOCIAL_DISCOUNT: Final = "desconto social"

WHITE_TARIFF_EXCLUDED_SUBCLASSES: Final[Timeline[frozenset[str]]] = Timeline(
    name="white_tariff_excluded_subclasses",
    unit="residential subclasses",
    label_pt="subclasses residenciais sem acesso à tarifa branca",
    periods=(
        Period(
            since=_REN414_START,
            value=frozenset({LOW_INCOME}),
            basis=ren414(2, item="L"),
            note="'exceto ... para as subclasses Baixa Renda do subgrupo B1' (study note).",
        ),
        Period(
            since=_REN1000_START,
            value=frozenset({LOW_INCOME}),
            basis=ren1000(219, item="II", subitem="a"),
        ),
        Period(
            since=_REN1147_SINCE,
            value=frozenset({LOW_INCOME, SOCIAL_DISCOUNT}),
            basis=ren1000(219, item="II", subitem="a", amended_by=Norm.REN_1147_2025),
            note="REN 1.147/2025 signed 9 Dec 2025, published in the DOU of 16 Dec 2025; its "
            "vigência article was not read, so the publication date is used.",
        ),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Residential subclasses barred from the tarifa branca (REN 1.000, art. 219, II, "a")."""

REN414_BINOMIAL_DEMAND_THRESHOLD_KW: Final[Timeline[Decimal]] = Timeline(
    name="ren414_binomial_demand_threshold",
    unit="kW",
    label_pt="demanda contratada limite da convencional binômia",
    periods=(
        Period(
            since=_REN414_START,
            value=Decimal(300),
            basis=ren414(57, item="III"),
            note="300 kW as quoted in the 2013 study note. One secondary source quotes 150 kW "
            "for some REN 414 version (which amendment and when: UNVERIFIED).",
        ),
        Period(
            since=_REN1000_START,
            value=None,
            basis=ren1000(220),
            note="REN 1.000/2021 has no convencional binômia for group A.",
        ),
    ),
    last_verified_on=_LAST_VERIFIED,
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
    basis: tuple[Basis, ...]
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
            unit under REN 414 in 2018–2019, when the tarifa branca was phased in by
            consumption.
        new_connection: The unit is a new connection (qualified for branca from 2018).

    Returns:
        The allowed modalities, the default one and the basis.

    Raises:
        InvalidInputError: bad input, or a fact the rule needs is missing (the contracted
            demand of a group-A unit below 69 kV under REN 414; the average consumption
            during the branca phase-in).
        NotInForceError: ``on`` is before REN 414/2010.
        UnsupportedCaseError: REN 414 cases the stored text does not settle (pre-payment with
            branca; the group-B billing option).

    Legal basis:
        - REN 1.000/2021, art. 219 (group B), art. 220 (group A), art. 292 (group-B option).
        - REN 414/2010, art. 57 and art. 2º, L (2013 study note); REN 733/2016 (branca).

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
    if not isinstance(unit, ConsumerUnit):
        raise _invalid(
            "unit",
            "not_a_unit",
            "{path} must be a ConsumerUnit, got {value}",
            path="unit",
            value=repr(unit),
        )
    on = _check_date(on, "on")
    average = (
        None
        if average_consumption_kwh is None
        else to_decimal(average_consumption_kwh, path="average_consumption_kwh")
    )
    if not isinstance(new_connection, bool):
        raise _invalid(
            "new_connection",
            "not_a_bool",
            "{path} must be True or False, got {value}",
            path="new_connection",
            value=repr(new_connection),
        )
    norm = norm_in_force(on)
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
        return excluded.basis
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
            basis.insert(0, ren1000(220, paragraph=1))
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
    if unit.group is Group.B:
        basis: list[Basis] = [ren414(57)]
        allowed = set(_CONVENTIONAL_ONLY)
        excluded = WHITE_TARIFF_EXCLUDED_SUBCLASSES.period_on(on)
        # art. 2º, L: branca "exceto para o subgrupo B4 (iluminação pública) e para as
        # subclasses Baixa Renda do subgrupo B1"
        if unit.consumer_class is ConsumerClass.PUBLIC_LIGHTING or unit.low_income:
            basis.append(excluded.basis)
        elif unit.prepaid:
            raise UnsupportedCaseError(
                "REN 414/2010: whether a pre-paid unit could opt into the tarifa branca is not "
                "settled by the stored text (UNVERIFIED)"
            )
        else:
            period = WHITE_TARIFF_AVAILABILITY.period_on(on)
            availability = WHITE_TARIFF_AVAILABILITY.value_on(on)
            # art. 57 (group B, II) and REN 733/2016: branca by option, once available
            if availability.admits(average_consumption_kwh=average, new_connection=new_connection):
                allowed.add(TariffModality.WHITE)
            basis.append(period.basis)
        # art. 57 (group B, I): convencional monômia, compulsory and automatic
        return ModalityOptions(
            allowed=frozenset(allowed),
            default=TariffModality.CONVENTIONAL_MONOMIAL,
            basis=tuple(basis),
            norm=norm,
        )
    if unit.group_b_option:
        raise UnsupportedCaseError(
            "REN 414/2010: the modality of a group-A unit billed as group B is not settled by "
            "the stored text (UNVERIFIED)"
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


# --------------------------------------------------------------------------------------------
# Peak-exempt calendar
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NationalHoliday:
    """A fixed-date national holiday on ANEEL's closed list of days without ponta.

    Attributes:
        month: Month (1–12).
        day: Day of the month.
        name: Name as the law gives it (Portuguese).
        name_en: English name.
        law: Federal law that makes it a national holiday.
    """

    month: int
    day: int
    name: str
    name_en: str
    law: Norm


_NEW_YEAR = NationalHoliday(
    month=1,
    day=1,
    name="Confraternização Universal",
    name_en="New Year's Day",
    law=Norm.LEI_10607_2002,
)
_TIRADENTES = NationalHoliday(
    month=4, day=21, name="Tiradentes", name_en="Tiradentes' Day", law=Norm.LEI_10607_2002
)
_LABOUR_DAY = NationalHoliday(
    month=5, day=1, name="Dia do Trabalho", name_en="Labour Day", law=Norm.LEI_10607_2002
)
_INDEPENDENCE = NationalHoliday(
    month=9,
    day=7,
    name="Independência do Brasil",
    name_en="Independence Day",
    law=Norm.LEI_10607_2002,
)
_APARECIDA = NationalHoliday(
    month=10,
    day=12,
    name="Nossa Senhora Aparecida",
    name_en="Our Lady of Aparecida",
    law=Norm.LEI_6802_1980,
)
_ALL_SOULS = NationalHoliday(
    month=11, day=2, name="Finados", name_en="All Souls' Day", law=Norm.LEI_10607_2002
)
_REPUBLIC = NationalHoliday(
    month=11,
    day=15,
    name="Proclamação da República",
    name_en="Republic Proclamation Day",
    law=Norm.LEI_10607_2002,
)
_BLACK_AWARENESS = NationalHoliday(
    month=11,
    day=20,
    name="Dia Nacional de Zumbi e da Consciência Negra",
    name_en="National Day of Zumbi and Black Awareness",
    law=Norm.LEI_14759_2023,
)
_CHRISTMAS = NationalHoliday(
    month=12, day=25, name="Natal", name_en="Christmas Day", law=Norm.LEI_10607_2002
)
_CLASSIC_LIST: Final = (
    _NEW_YEAR,
    _TIRADENTES,
    _LABOUR_DAY,
    _INDEPENDENCE,
    _APARECIDA,
    _ALL_SOULS,
    _REPUBLIC,
    _CHRISTMAS,
)

PEAK_EXEMPT_HOLIDAYS: Final[Timeline[tuple[NationalHoliday, ...]]] = Timeline(
    name="peak_exempt_holidays",
    unit="holidays",
    label_pt="feriados nacionais sem posto tarifário ponta",
    periods=(
        Period(
            since=_REN414_START,
            value=_CLASSIC_LIST,
            basis=ren414(2),
            note="REN 414, art. 2º (horário de ponta), list as quoted by the 2013 study note; "
            "its inciso is not shown there.",
        ),
        Period(
            since=_REN1000_START, value=_CLASSIC_LIST, basis=ren1000(2, item="XXXVIII", subitem="a")
        ),
        Period(
            since=_REN1101_SINCE,
            value=(*_CLASSIC_LIST[:7], _BLACK_AWARENESS, _CHRISTMAS),
            basis=ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024),
            note="REN 1.101/2024 (signed 27 Aug 2024) added 20 November. Its vigência article "
            "was not read; the signature date is used, which gives the same answer for every "
            "day as any date up to 20 Nov 2024 would.",
        ),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""National holidays without ponta, besides weekends and the three movable days."""


@attrs.frozen(kw_only=True)
class PeakExemptDay:
    """A day on which the posto ponta does not apply (dia sem ponta).

    Attributes:
        day: The date.
        name: Why, in Portuguese (the holiday's name, ``sábado`` or ``domingo``).
        name_en: Why, in English.
        basis: Provision that exempts the day.
        law: Law that makes it a holiday, for the fixed national holidays.
    """

    day: date
    name: str
    name_en: str
    basis: Basis
    law: Norm | None = None

    @property
    def weekend(self) -> bool:
        """Whether the day is a Saturday or a Sunday."""
        return self.day.weekday() >= 5


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9998:
        raise _invalid(
            "year",
            "invalid_year",
            "{path} must be a year, got {value}",
            path="year",
            value=repr(year),
        )
    return year


@functools.lru_cache(maxsize=64)
def _exempt_map(year: int) -> Mapping[date, PeakExemptDay]:
    start = PEAK_EXEMPT_HOLIDAYS.starts_on
    first = date(year, 1, 1)
    if first < start:
        raise NotInForceError(
            f"no peak-exempt list for {year}: ANEEL's list applies from {start.isoformat()}",
            on=first,
            what=PEAK_EXEMPT_HOLIDAYS.name,
        )
    found: dict[date, PeakExemptDay] = {}
    paschal = easter(year)
    movable = (
        (paschal - timedelta(days=47), "terça-feira de carnaval", "Carnival Tuesday"),
        (paschal - timedelta(days=2), "sexta-feira da Paixão", "Good Friday"),
        (paschal + timedelta(days=60), "Corpus Christi", "Corpus Christi"),
    )
    fixed = {
        (h.month, h.day): h for period in PEAK_EXEMPT_HOLIDAYS.periods for h in period.value or ()
    }
    for (month, day_of_month), holiday in fixed.items():
        day = date(year, month, day_of_month)
        period = PEAK_EXEMPT_HOLIDAYS.period_on(day)
        # art. 2º, XXXVIII, "a": the listed national holidays (20 Nov from REN 1.101/2024)
        if holiday in (period.value or ()):
            found[day] = PeakExemptDay(
                day=day,
                name=holiday.name,
                name_en=holiday.name_en,
                basis=period.basis,
                law=holiday.law,
            )
    for day, name, name_en in movable:
        # art. 2º, XXXVIII, "a": terça-feira de carnaval, sexta-feira da Paixão, Corpus Christi
        found.setdefault(
            day,
            PeakExemptDay(
                day=day, name=name, name_en=name_en, basis=PEAK_EXEMPT_HOLIDAYS.period_on(day).basis
            ),
        )
    day = first
    while day.year == year:
        # art. 2º, XXXVIII, "a": sábados e domingos
        if day.weekday() >= 5 and day not in found:
            saturday = day.weekday() == 5
            found[day] = PeakExemptDay(
                day=day,
                name="sábado" if saturday else "domingo",
                name_en="Saturday" if saturday else "Sunday",
                basis=PEAK_EXEMPT_HOLIDAYS.period_on(day).basis,
            )
        day += timedelta(days=1)
    return MappingProxyType(dict(sorted(found.items())))


def peak_exempt_days(year: int) -> Mapping[date, PeakExemptDay]:
    """Every day of ``year`` without ponta, in date order (date → :class:`PeakExemptDay`).

    Saturdays, Sundays, terça-feira de carnaval, sexta-feira da Paixão, Corpus Christi and
    the national holidays ANEEL lists (20 November only from REN 1.101/2024). Nothing else:
    carnival Monday, Ash Wednesday and state or municipal holidays keep their ponta.
    Easter-based days are computed with ``dateutil.easter``.

    Raises:
        InvalidInputError: ``year`` is not a year.
        NotInForceError: the year starts before REN 414/2010 (15 Sep 2010).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" (wording of REN 1.101/2024 from 2024).
        - REN 414/2010, art. 2º (horário de ponta), until 2 Jan 2022.

    Examples:
        >>> days = peak_exempt_days(2026)
        >>> for d, x in list((d, x) for d, x in days.items() if not x.weekend)[:3]:
        ...     print(d, x.name)
        2026-01-01 Confraternização Universal
        2026-02-17 terça-feira de carnaval
        2026-04-03 sexta-feira da Paixão
        >>> str(days[date(2026, 11, 20)].basis)
        'REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024)'
        >>> date(2023, 11, 20) in peak_exempt_days(2023)
        False
    """
    return _exempt_map(_check_year(year))


def is_peak_exempt(day: date) -> bool:
    """Whether ``day`` has no posto ponta (see :func:`peak_exempt_days`).

    Raises:
        InvalidInputError: ``day`` is not a date.
        NotInForceError: the year starts before REN 414/2010.

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a"; REN 414/2010, art. 2º.

    Examples:
        >>> is_peak_exempt(date(2026, 2, 17)), is_peak_exempt(date(2026, 2, 16))
        (True, False)
        >>> is_peak_exempt(date(2023, 11, 20)), is_peak_exempt(date(2024, 11, 20))
        (False, True)
    """
    day = _check_date(day, "day")
    return day in _exempt_map(day.year)


# --------------------------------------------------------------------------------------------
# Tariff posts
# --------------------------------------------------------------------------------------------


class TariffPost(enum.Enum):
    """Tariff post (posto tarifário), REN 1.000/2021, art. 2º, XXXVIII."""

    PEAK = "ponta"
    INTERMEDIATE = "intermediário"
    OFF_PEAK = "fora de ponta"


_PEAK_HOURS: Final = 3
_EARLIEST_START: Final = _hm(1, 0)
_LATEST_START: Final = _hm(20, 0)
_MINUTES_PER_DAY: Final = 24 * 60


def _check_peak_start(_inst: object, _attribute: object, value: time) -> None:
    if (
        not isinstance(cast("object", value), time)
        or value.tzinfo is not None
        or value.second
        or value.microsecond
        or not _EARLIEST_START <= value <= _LATEST_START
    ):
        raise _invalid(
            "peak_start",
            "invalid_peak_start",
            "{path} must be a whole-minute naive time from 01:00 to 20:00 (the "
            "posts must not cross midnight), got {value}",
            path="peak_start",
            value=repr(value),
        )


def _check_timezone(_inst: object, _attribute: object, value: str) -> None:
    try:
        ZoneInfo(value)
    except (ValueError, TypeError, LookupError) as exc:
        raise _invalid(
            "timezone",
            "unknown_timezone",
            "{path} must be an IANA time zone, got {value}",
            path="timezone",
            value=repr(value),
        ) from exc


@attrs.frozen
class PostSchedule:
    """A distributor's tariff posts (postos tarifários homologated at its tariff review).

    Ponta is three consecutive hours from ``peak_start``; intermediário (tarifa branca
    only) the hour before and the hour after; fora de ponta the rest. Intervals are
    half-open: with ``peak_start=20:00``, 20:00 is ponta and 23:00 intermediário.

    Attributes:
        peak_start: Local wall time at which ponta begins.
        timezone: IANA time zone of the wall times (``America/Manaus``).
        name: Preset name, if any.
        source: Where the window comes from.

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c"; art. 225 (homologated at the review).

    Examples:
        >>> s = PostSchedule(time(18, 0), "America/Sao_Paulo")
        >>> str(s.peak_end), [(str(a), str(b)) for a, b in s.intermediate_windows]
        ('21:00:00', [('17:00:00', '18:00:00'), ('21:00:00', '22:00:00')])
    """

    peak_start: time = attrs.field(validator=_check_peak_start)
    timezone: str = attrs.field(validator=_check_timezone)
    name: str = attrs.field(default="", kw_only=True)
    source: str = attrs.field(default="", kw_only=True)

    @property
    def tzinfo(self) -> ZoneInfo:
        """The schedule's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def _start_minute(self) -> int:
        return self.peak_start.hour * 60 + self.peak_start.minute

    @property
    def peak_end(self) -> time:
        """End of ponta (exclusive)."""
        end = self._start_minute + _PEAK_HOURS * 60
        return _hm(end // 60, end % 60)

    @property
    def intermediate_windows(self) -> tuple[tuple[time, time], tuple[time, time]]:
        """The two intermediário hours, each ``(start, end)`` half-open."""
        start = self._start_minute
        end = start + _PEAK_HOURS * 60

        def at(minute: int) -> time:
            return _hm(minute // 60 % 24, minute % 60)

        return ((at(start - 60), at(start)), (at(end), at(end + 60)))

    def minute_table(self, modality: TariffModality) -> tuple[TariffPost, ...]:
        """Post of each minute of a day with ponta (1,440 entries) for ``modality``."""
        return _minute_table(self._start_minute, _check_modality(modality) is TariffModality.WHITE)


@functools.lru_cache(maxsize=128)
def _minute_table(start: int, white: bool) -> tuple[TariffPost, ...]:
    end = start + _PEAK_HOURS * 60
    table = [TariffPost.OFF_PEAK] * _MINUTES_PER_DAY
    # art. 2º, XXXVIII, "b": intermediário, one hour before and one after ponta, group B only
    if white:
        for minute in (*range(start - 60, start), *range(end, end + 60)):
            table[minute] = TariffPost.INTERMEDIATE
    # art. 2º, XXXVIII, "a": ponta, 3 consecutive hours
    for minute in range(start, end):
        table[minute] = TariffPost.PEAK
    return tuple(table)


_OFF_PEAK_DAY: Final = (TariffPost.OFF_PEAK,) * _MINUTES_PER_DAY

AMAZONAS_ENERGIA: Final = PostSchedule(
    _hm(20, 0),
    "America/Manaus",
    name="amazonas-energia",
    source=(
        "Amazonas Energia: ponta 20:00–23:00 (intermediário 19–20 h and 23–24 h), from three "
        "concordant secondary sources (ANEEL/STR table, ANEEL tarifa branca panel, state "
        "leaflet); not read in the homologating REH (Medium). UTC−4 (America/Manaus); whether "
        "the UTC−5 municipalities (America/Eirunepe) use their own clock is UNVERIFIED."
    ),
)
"""Amazonas Energia's tariff posts (ponta 20:00–23:00, America/Manaus)."""

POST_SCHEDULES: Final[Mapping[str, PostSchedule]] = MappingProxyType(
    {AMAZONAS_ENERGIA.name: AMAZONAS_ENERGIA}
)
"""Shipped schedules by preset name."""


def post_schedule(name: str) -> PostSchedule:
    """Look a shipped schedule up by name (``"amazonas-energia"``; case and spaces ignored).

    Raises:
        InvalidInputError: no preset has that name.

    Examples:
        >>> post_schedule("Amazonas Energia").peak_start
        datetime.time(20, 0)
    """
    key = "-".join(name.strip().lower().replace("_", " ").split()) if isinstance(name, str) else ""
    try:
        return POST_SCHEDULES[key]
    except KeyError:
        raise _invalid(
            "distributor",
            "unknown_schedule",
            "no tariff-post schedule named {value} (known: {known})",
            value=repr(name),
            known=", ".join(sorted(POST_SCHEDULES)),
        ) from None


def _check_modality(modality: object) -> TariffModality:
    if not isinstance(modality, TariffModality):
        raise _invalid(
            "modality",
            "not_a_modality",
            "{path} must be a TariffModality, got {value}",
            path="modality",
            value=repr(modality),
        )
    # art. 211: the convencional modality has no hourly segmentation
    if not modality.has_posts:
        raise InvalidInputError.single(
            "modality",
            "no_posts",
            "the {value} modality has no tariff posts",
            domain=DOMAIN,
            basis=ren1000(211),
            value=modality.value,
        )
    return modality


def _local(at: object, schedule: PostSchedule, path: str) -> datetime:
    if not isinstance(at, datetime):
        raise _invalid(
            path,
            "not_a_datetime",
            "{path} must be a datetime, got {value}",
            path=path,
            value=repr(at),
        )
    return at if at.tzinfo is None else at.astimezone(schedule.tzinfo)


def _check_schedule(schedule: object) -> PostSchedule:
    if not isinstance(schedule, PostSchedule):
        raise _invalid(
            "schedule",
            "not_a_schedule",
            "{path} must be a PostSchedule, got {value}",
            path="schedule",
            value=repr(schedule),
        )
    return schedule


def tariff_post(at: datetime, schedule: PostSchedule, *, modality: TariffModality) -> TariffPost:
    """Tariff post of an instant (posto tarifário).

    Args:
        at: The instant. A naive datetime is the schedule's local wall time; an aware one
            is converted to the schedule's time zone.
        schedule: The distributor's posts.
        modality: Horária branca (three posts) or horária verde/azul (ponta and fora de
            ponta).

    Returns:
        The post; on a peak-exempt day every hour is fora de ponta.

    Raises:
        InvalidInputError: a convencional modality (it has no posts) or bad input.
        NotInForceError: a date before REN 414/2010.

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c"; arts. 212–214.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> s, white = AMAZONAS_ENERGIA, TariffModality.WHITE
        >>> [tariff_post(datetime(2026, 3, 9, h, m), s, modality=white).value
        ...  for h, m in ((19, 59), (20, 0), (22, 59), (23, 0), (0, 0))]
        ['intermediário', 'ponta', 'ponta', 'intermediário', 'fora de ponta']
        >>> tariff_post(datetime(2026, 3, 10, 0, 30, tzinfo=ZoneInfo("UTC")), s,
        ...             modality=TariffModality.BLUE)
        <TariffPost.PEAK: 'ponta'>
        >>> tariff_post(datetime(2026, 2, 17, 20, 30), s, modality=white)
        <TariffPost.OFF_PEAK: 'fora de ponta'>
    """
    return explain_tariff_post(at, schedule, modality=modality).value


def explain_tariff_post(
    at: datetime, schedule: PostSchedule, *, modality: TariffModality
) -> Determination[TariffPost]:
    """Like :func:`tariff_post`, with the provisions that produced the answer.

    Examples:
        >>> result = explain_tariff_post(datetime(2026, 11, 20, 20, 30), AMAZONAS_ENERGIA,
        ...                              modality=TariffModality.GREEN)
        >>> result.value.value
        'fora de ponta'
        >>> str(result.basis[0])
        'REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024)'
    """
    schedule = _check_schedule(schedule)
    modality = _check_modality(modality)
    local = _local(at, schedule, "at")
    day = local.date()
    exempt = _exempt_map(day.year).get(day)
    regime = norm_in_force(day)
    article = {TariffModality.WHITE: 212, TariffModality.GREEN: 213, TariffModality.BLUE: 214}
    modality_ref = (
        ren1000(article[modality]) if regime is Norm.REN_1000_2021 else ren414(2, item="L")
    )
    if exempt is not None:
        return Determination(TariffPost.OFF_PEAK, (exempt.basis, modality_ref))
    post = schedule.minute_table(modality)[local.hour * 60 + local.minute]
    if regime is Norm.REN_414_2010:
        return Determination(post, (ren414(2), modality_ref))
    subitem = {TariffPost.PEAK: "a", TariffPost.INTERMEDIATE: "b", TariffPost.OFF_PEAK: "c"}[post]
    return Determination(post, (ren1000(2, item="XXXVIII", subitem=subitem), modality_ref))


def tariff_posts(
    timestamps: Iterable[datetime], schedule: PostSchedule, *, modality: TariffModality
) -> tuple[TariffPost, ...]:
    """Tariff post of each timestamp, for bulk use (a year of 15-minute intervals).

    Same answers as :func:`tariff_post`, but the calendar is computed once per day and
    each timestamp costs one dictionary and one tuple lookup.

    Raises:
        InvalidInputError: an element is not a datetime (the path names its index), or as
            :func:`tariff_post`.
        NotInForceError: a date before REN 414/2010.

    Legal basis:
        - As :func:`tariff_post`.

    Examples:
        >>> stamps = [datetime(2026, 3, 9, h) for h in (18, 19, 20, 23)]
        >>> [p.value for p in tariff_posts(stamps, AMAZONAS_ENERGIA, modality=TariffModality.WHITE)]
        ['fora de ponta', 'intermediário', 'ponta', 'intermediário']
    """
    schedule = _check_schedule(schedule)
    table = schedule.minute_table(modality)
    tz = schedule.tzinfo
    day_tables: dict[int, tuple[TariffPost, ...]] = {}
    posts: list[TariffPost] = []
    append = posts.append
    for index, at in enumerate(timestamps):
        if not isinstance(at, datetime):
            raise _invalid(
                f"timestamps.{index}",
                "not_a_datetime",
                "{path} must be a datetime, got {value}",
                path=f"timestamps.{index}",
                value=repr(at),
            )
        local = at if at.tzinfo is None else at.astimezone(tz)
        ordinal = local.toordinal()
        day_table = day_tables.get(ordinal)
        if day_table is None:
            day = local.date()
            day_table = _OFF_PEAK_DAY if day in _exempt_map(day.year) else table
            day_tables[ordinal] = day_table
        append(day_table[local.hour * 60 + local.minute])
    return tuple(posts)


# --------------------------------------------------------------------------------------------
# Seasonal periods (REN 414 only)
# --------------------------------------------------------------------------------------------


class SeasonalPeriod(enum.Enum):
    """Seasonal period (período seco / úmido) of REN 414/2010, art. 2º (study note)."""

    DRY = "seco"
    WET = "úmido"


def seasonal_period(day: date) -> SeasonalPeriod:
    """Seasonal period of a day under REN 414/2010: seco May–November, úmido December–April.

    The split only mattered for azul and verde energy tariffs, and only until each
    distributor's third periodic tariff review (3CRTP, 2011–2014; 1CRTP for permissionárias),
    after which energy tariffs were ponta / fora de ponta only. REN 1.000/2021 has no
    seco/úmido periods at all, so dates from 3 Jan 2022 raise.

    Raises:
        InvalidInputError: ``day`` is not a date.
        NotInForceError: ``day`` is outside REN 414/2010.

    Legal basis:
        - REN 414/2010, art. 2º (período úmido: 5 cycles, December to April; período seco:
          7 cycles, May to November), as quoted by the 2013 study note.

    Examples:
        >>> seasonal_period(date(2012, 4, 30)), seasonal_period(date(2012, 5, 1))
        (<SeasonalPeriod.WET: 'úmido'>, <SeasonalPeriod.DRY: 'seco'>)
        >>> seasonal_period(date(2022, 1, 3))
        Traceback (most recent call last):
        ...
        aneel_rules.errors.NotInForceError: REN 1.000/2021 has no seco/úmido periods ...
    """
    day = _check_date(day, "day")
    # REN 1.000/2021 dropped the seco/úmido periods (no occurrence in the text)
    if norm_in_force(day) is not Norm.REN_414_2010:
        raise NotInForceError(
            f"REN 1.000/2021 has no seco/úmido periods (asked for {day.isoformat()})",
            on=day,
            what="seasonal_period",
        )
    # REN 414, art. 2º: período seco, May to November
    if 5 <= day.month <= 11:
        return SeasonalPeriod.DRY
    # REN 414, art. 2º: período úmido, December to April
    return SeasonalPeriod.WET


# --------------------------------------------------------------------------------------------
# Irrigation and aquaculture
# --------------------------------------------------------------------------------------------


class IrrigationRegion(enum.Enum):
    """Region tier of the irrigation/aquaculture discount (REN 1.000/2021, art. 186, I–III)."""

    NORTHEAST = (
        "Nordeste e municípios de Minas Gerais do Polígono da Seca e do Vale do Jequitinhonha"
    )
    NORTH_CENTER_WEST = "Norte, Centro-Oeste e demais municípios de Minas Gerais"
    OTHER = "demais regiões"


_NORTHEAST_UFS: Final = frozenset({"MA", "PI", "CE", "RN", "PB", "PE", "AL", "SE", "BA"})
_NORTH_CENTER_WEST_UFS: Final = frozenset(
    {"AC", "AM", "AP", "PA", "RO", "RR", "TO", "DF", "GO", "MT", "MS"}
)
_OTHER_UFS: Final = frozenset({"SP", "RJ", "ES", "PR", "SC", "RS"})


def irrigation_region(
    uf: str,
    *,
    on: date,
    mg_drought_polygon_or_jequitinhonha: bool | None = None,
    sudene_area: bool | None = None,
) -> IrrigationRegion:
    """Region tier of the irrigation discount for a unit in state ``uf`` on a date.

    Args:
        uf: State abbreviation (``"AM"``).
        on: The date asked about (the wording differs between the regimes).
        mg_drought_polygon_or_jequitinhonha: REN 1.000, for Minas Gerais: whether the
            municipality is in the Polígono da Seca (Lei 1.348/1951) or the Vale do
            Jequitinhonha.
        sudene_area: REN 414, for Minas Gerais and Espírito Santo: whether the municipality is
            in SUDENE's area (Decreto 6.219/2007, Anexo I, art. 2º).

    Raises:
        InvalidInputError: unknown UF, or the municipality fact the rule needs is missing.
        NotInForceError: ``on`` is before REN 414/2010.

    Legal basis:
        - REN 1.000/2021, art. 186, I–III; REN 414/2010, art. 109 (2013 study note).

    Examples:
        >>> irrigation_region("AM", on=date(2026, 1, 1)).name
        'NORTH_CENTER_WEST'
        >>> on = date(2026, 1, 1)
        >>> irrigation_region("MG", on=on, mg_drought_polygon_or_jequitinhonha=True).name
        'NORTHEAST'
        >>> irrigation_region("ES", on=date(2015, 1, 1), sudene_area=True).name
        'NORTHEAST'
    """
    on = _check_date(on, "on")
    code = uf.strip().upper() if isinstance(uf, str) else ""
    if code not in _NORTHEAST_UFS | _NORTH_CENTER_WEST_UFS | _OTHER_UFS | {"MG"}:
        raise _invalid(
            "uf",
            "unknown_uf",
            "{path} must be a Brazilian state, got {value}",
            path="uf",
            value=repr(uf),
        )
    regime = norm_in_force(on)
    # art. 186, I (REN 414 art. 109): Nordeste, 73 % B / 90 % A
    if code in _NORTHEAST_UFS:
        return IrrigationRegion.NORTHEAST
    # art. 186, II (REN 414 art. 109): Norte and Centro-Oeste, 67 % B / 80 % A
    if code in _NORTH_CENTER_WEST_UFS:
        return IrrigationRegion.NORTH_CENTER_WEST
    if regime is Norm.REN_1000_2021:
        if code != "MG":
            # art. 186, III: demais regiões
            return IrrigationRegion.OTHER
        if mg_drought_polygon_or_jequitinhonha is None:
            raise _invalid(
                "mg_drought_polygon_or_jequitinhonha",
                "required",
                "{path} is required for Minas Gerais: is the municipality in the "
                "Polígono da Seca or the Vale do Jequitinhonha?",
                path="mg_drought_polygon_or_jequitinhonha",
            )
        # art. 186, I (MG semi-arid) or II (demais municípios de MG)
        return (
            IrrigationRegion.NORTHEAST
            if mg_drought_polygon_or_jequitinhonha
            else IrrigationRegion.NORTH_CENTER_WEST
        )
    if code not in {"MG", "ES"}:
        # REN 414 art. 109: demais regiões
        return IrrigationRegion.OTHER
    if sudene_area is None:
        raise _invalid(
            "sudene_area",
            "required",
            "{path} is required for {uf} under REN 414/2010: is the municipality in SUDENE's area?",
            path="sudene_area",
            uf=code,
        )
    # REN 414 art. 109: "Nordeste e demais municípios da área de atuação da SUDENE"
    if sudene_area:
        return IrrigationRegion.NORTHEAST
    # REN 414 art. 109: "demais Municípios do Estado de Minas Gerais"; ES falls in "demais regiões"
    return IrrigationRegion.NORTH_CENTER_WEST if code == "MG" else IrrigationRegion.OTHER


def _discount_table(
    northeast: tuple[str, str], north: tuple[str, str], other: tuple[str, str]
) -> Mapping[tuple[IrrigationRegion, Group], Decimal]:
    rows = {
        IrrigationRegion.NORTHEAST: northeast,
        IrrigationRegion.NORTH_CENTER_WEST: north,
        IrrigationRegion.OTHER: other,
    }
    return MappingProxyType(
        {
            (region, group): Decimal(value)
            for region, (b, a) in rows.items()
            for group, value in ((Group.B, b), (Group.A, a))
        }
    )


_DISCOUNTS: Final = _discount_table(("0.73", "0.90"), ("0.67", "0.80"), ("0.60", "0.70"))

IRRIGATION_DISCOUNTS: Final[Timeline[Mapping[tuple[IrrigationRegion, Group], Decimal]]] = Timeline(
    name="irrigation_discounts",
    unit="fraction",
    label_pt="percentuais de desconto de irrigação e aquicultura",
    periods=(
        Period(since=_REN414_START, value=_DISCOUNTS, basis=ren414(109)),
        Period(since=_REN1000_START, value=_DISCOUNTS, basis=ren1000(186)),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Discount on consumption tariffs by region and group (fraction, 0.73 = 73 %)."""


def irrigation_discount(region: IrrigationRegion, group: Group, *, on: date) -> Decimal:
    """Irrigation/aquaculture discount on the consumption tariffs, as a fraction.

    Only for rural-class consumption in irrigation or aquaculture within the daily window
    (see :func:`irrigation_window_rule`); in group B it applies after the B2 tariffs and
    is not cumulative in group A (art. 186, § 1º).

    Raises:
        InvalidInputError: bad region or group.
        NotInForceError: ``on`` is before REN 414/2010.

    Legal basis:
        - REN 1.000/2021, art. 186, I–III; REN 414/2010, art. 109 (same percentages).

    Examples:
        >>> irrigation_discount(IrrigationRegion.NORTH_CENTER_WEST, Group.B, on=date(2026, 1, 1))
        Decimal('0.67')
        >>> irrigation_discount(IrrigationRegion.NORTHEAST, Group.A, on=date(2015, 1, 1))
        Decimal('0.90')
    """
    if not isinstance(region, IrrigationRegion):
        raise _invalid(
            "region",
            "not_a_region",
            "{path} must be an IrrigationRegion, got {value}",
            path="region",
            value=repr(region),
        )
    if not isinstance(group, Group):
        raise _invalid(
            "group",
            "not_a_group",
            "{path} must be a Group, got {value}",
            path="group",
            value=repr(group),
        )
    return IRRIGATION_DISCOUNTS.value_on(_check_date(on, "on"))[region, group]


@attrs.frozen(kw_only=True)
class IrrigationWindowRule:
    """The daily window in which the irrigation discount applies.

    Attributes:
        duration: Daily duration (8 h 30 min).
        continuous: Whether the period must be continuous.
        guaranteed_start: Start of the window the consumer is guaranteed, if any (21:30).
        guaranteed_end: End (next day) of that window (06:00).
        schedule_by: Who sets the schedule, in the norm's words.
    """

    duration: timedelta
    continuous: bool
    guaranteed_start: time | None
    guaranteed_end: time | None
    schedule_by: str

    def in_guaranteed_window(self, at: time) -> bool:
        """Whether a wall time falls in the guaranteed window (half-open, across midnight).

        Examples:
            >>> rule = IRRIGATION_WINDOW.value_on(date(2025, 1, 1))
            >>> times = (time(21, 29), time(21, 30), time(5, 59), time(6, 0))
            >>> [rule.in_guaranteed_window(t) for t in times]
            [False, True, True, False]
        """
        if self.guaranteed_start is None or self.guaranteed_end is None:
            return False
        return at >= self.guaranteed_start or at < self.guaranteed_end


_GUARANTEED: Final = IrrigationWindowRule(
    duration=timedelta(hours=8, minutes=30),
    continuous=True,
    guaranteed_start=_hm(21, 30),
    guaranteed_end=_hm(6, 0),
    schedule_by="distribuidora, por acordo com o consumidor, garantido das 21h30 às 6h",
)

IRRIGATION_WINDOW: Final[Timeline[IrrigationWindowRule]] = Timeline(
    name="irrigation_window",
    unit="rule",
    label_pt="período diário do desconto de irrigação e aquicultura",
    periods=(
        Period(since=_REN414_START, value=_GUARANTEED, basis=ren414(107)),
        Period(since=_REN1000_START, value=_GUARANTEED, basis=ren1000(186, paragraph=2)),
        Period(
            since=_REN1147_SINCE,
            value=IrrigationWindowRule(
                duration=timedelta(hours=8, minutes=30),
                continuous=False,
                guaranteed_start=None,
                guaranteed_end=None,
                schedule_by="distribuidora, observadas as diretrizes do Governo Federal",
            ),
            basis=ren1000(186, paragraph=2, amended_by=Norm.REN_1147_2025),
            note="REN 1.147/2025 (Lei 15.235/2025) dropped 'contínuo' from the caput and the "
            "21h30–6h guarantee from § 2º. The Federal Government guidelines (MME CP 209/2025 "
            "draft: no discount 18h–22h59, default 8h–16h30) were not final: not encoded. "
            "Date: DOU publication of 16 Dec 2025 (vigência article not read).",
        ),
    ),
    last_verified_on=_LAST_VERIFIED,
)
"""Daily window of the irrigation discount (8 h 30 min; 21h30–6h guaranteed until REN 1.147)."""


def irrigation_window_rule(*, on: date) -> Determination[IrrigationWindowRule]:
    """The irrigation-discount window rule in force on a date, with its basis.

    Legal basis:
        - REN 414/2010, art. 107; REN 1.000/2021, art. 186, caput and § 2º (wording of
          REN 1.147/2025 from its publication).

    Examples:
        >>> before = irrigation_window_rule(on=date(2025, 12, 15))
        >>> before.value.guaranteed_start, str(before.basis[0])
        (datetime.time(21, 30), 'REN 1.000/2021, art. 186, § 2º')
        >>> irrigation_window_rule(on=date(2025, 12, 16)).value.guaranteed_start is None
        True
    """
    period = IRRIGATION_WINDOW.period_on(_check_date(on, "on"))
    return Determination(IRRIGATION_WINDOW.value_on(on), (period.basis,))
