"""Tariff groups, subgroups and classes, and the consumer unit (REN 1.000/2021, arts. 2º and 174).

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

import enum
import functools
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._convert import instance_of, positive, to_bool
from aneel_rules._tariffs.common import (
    DOMAIN,
    invalid,
)
from aneel_rules.errors import (
    InvalidFactory,
    InvalidInputError,
    RegulatoryGapError,
)
from aneel_rules.legal import ren1000

__all__ = (
    "Group",
    "Subgroup",
    "ConsumerClass",
    "SceeParticipation",
    "group_a_subgroup",
    "ConsumerUnit",
    "check_unit",
)


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


class SceeParticipation(enum.Enum):
    """How a unit takes part in the SCEE (participação no sistema de compensação).

    Art. 292, § 3º (wording by REN 1.059/2023) lets an SCEE unit opt for group-B billing only
    with micro or minigeneration at the unit itself and no surplus allocated to, or received
    from, another unit (incisos I and III).
    """

    NONE = "não participa do SCEE"
    OWN_GENERATION_ONLY = (
        "microgeração ou minigeração na própria unidade, sem alocação ou recebimento de "
        "excedentes em outra unidade"
    )
    OTHER = "outra participação no SCEE"


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
    voltage = _positive(voltage_kv, "voltage_kv")
    underground = to_bool(underground, path="underground")
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
        "{voltage} kV is in none of the group-A subgroups of {ref} "
        "(gaps 25–30, 44–69, 69–88 and 138–230 kV); the norm gives no answer",
        code="voltage_between_subgroups",
        basis=ref,
        voltage=str(voltage),
        ref=str(ref),
    )


def _positive(value: object, path: str) -> Decimal:
    return positive(value, path, invalid=invalid, template=_NOT_POSITIVE, shown="text")


_NOT_POSITIVE: Final = "{path} must be positive, got {value}"


def _to_kv(value: object) -> Decimal:
    return _positive(value, "connection_voltage_kv")


def _to_optional_kw(value: object) -> Decimal | None:
    return None if value is None else _positive(value, "contracted_demand_kw")


def _to_optional_kva(value: object) -> Decimal | None:
    return None if value is None else _positive(value, "transformer_kva")


def _check_scee(_inst: object, _attribute: object, value: SceeParticipation) -> None:
    instance_of(
        value,
        SceeParticipation,
        "scee",
        "not_a_scee_participation",
        "{path} must be a SceeParticipation, got {value}",
        invalid=invalid,
    )


def _check_flag(_inst: object, attribute: attrs.Attribute[bool], value: object) -> None:
    to_bool(value, path=attribute.name)


def _check_class(_inst: object, _attribute: object, value: ConsumerClass) -> None:
    instance_of(
        value,
        ConsumerClass,
        "consumer_class",
        "not_a_class",
        "{path} must be a ConsumerClass, got {value}",
        invalid=invalid,
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
        low_income: Residential subclass baixa renda (art. 176, II–VI; arts. 177–178).
        social_discount: Residential subclass desconto social (art. 176, VII, and art. 178-A,
            both inserted by REN 1.147/2025; the subclass does not exist before it).
        prepaid: Billed by pre-payment (pré-pagamento, art. 215).
        rural_cooperative: Rural subclass cooperativa de eletrificação rural (art. 184, IV).
        contracted_demand_kw: Contracted demand (demanda contratada) in kW, group A.
        group_b_option: Group-A unit that opted to be billed at group-B tariffs (art. 292);
            whether it qualifies is checked by :func:`group_b_option_check` on a date.
        isolated_system: Unit not served by the SIN (only REN 414 had a rule for it).
        transformer_kva: Sum of the nominal powers of the unit's transformers, kVA
            (art. 292, I–II).
        tourism_lodging: Hotel or pousada in an officially recognised estância balneária,
            hidromineral, climática or turística (art. 292, III and § 1º).
        sports_lighting: Permanent sports installation or agricultural exhibition park whose
            floodlights are at least 2/3 of the installed load (art. 292, IV).
        scee: Participation in the SCEE (art. 292, § 3º).

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
    transformer_kva: Decimal | None = attrs.field(default=None, converter=_to_optional_kva)
    tourism_lodging: bool = _flag()
    sports_lighting: bool = _flag()
    scee: SceeParticipation = attrs.field(default=SceeParticipation.NONE, validator=_check_scee)

    def __attrs_post_init__(self) -> None:
        residential = self.consumer_class is ConsumerClass.RESIDENTIAL
        # art. 176, II–VI (baixa renda) and VII (desconto social, incluído pela REN 1.147/2025):
        # subclasses of the residential class
        for name, value in (
            ("low_income", self.low_income),
            ("social_discount", self.social_discount),
        ):
            if value and not residential:
                raise invalid(
                    name,
                    "not_residential",
                    "{path} applies only to the residential class, not {value}",
                    path=name,
                    value=self.consumer_class.value,
                )
        if self.low_income and self.social_discount:
            raise invalid(
                "social_discount",
                "exclusive_subclasses",
                "a unit cannot be both low income and social discount",
            )
        # art. 184, IV: cooperativa de eletrificação rural is a subclass of the rural class
        if self.rural_cooperative and self.consumer_class is not ConsumerClass.RURAL:
            raise invalid(
                "rural_cooperative",
                "not_rural",
                "{path} applies only to the rural class, not {value}",
                path="rural_cooperative",
                value=self.consumer_class.value,
            )
        # art. 292: the group-B billing option is for group-A units
        if self.group_b_option and self.group is not Group.A:
            raise invalid(
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


def check_unit(unit: object, *, invalid: InvalidFactory = invalid) -> ConsumerUnit:
    """``unit`` if it is a :class:`ConsumerUnit` (code ``not_a_unit``, in ``invalid``'s domain)."""
    return instance_of(
        unit,
        ConsumerUnit,
        "unit",
        "not_a_unit",
        "{path} must be a ConsumerUnit, got {value}",
        invalid=invalid,
    )
