"""Primary (MT) metering: the Amazonas Energia portal manual's rule (item 4.5)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._connection.common import invalid, positive
from aneel_rules._convert import masked
from aneel_rules.legal import Basis, DistributorRule, LegalRef, ren1000

__all__ = (
    "LOSS_COMPENSATION_SECONDARY_METERING",
    "PORTAL_MANUAL",
    "MeteringDecision",
    "MeteringReason",
    "SecondaryVoltage",
    "Transformer",
    "primary_metering_required",
)

PORTAL_MANUAL: Final = DistributorRule(
    distributor="Amazonas Energia",
    document="Manual Orçamento de Conexão através da Agência Virtual",
    section="4.5",
)
"""The Amazonas Energia portal manual, item 4.5 ("Detalhes da carga"): the MT-metering rule."""

LOSS_COMPENSATION_SECONDARY_METERING: Final = ren1000(305)
"""Related ANEEL rule: 1 % / 2.5 % loss compensation when group A metering is on the secondary."""

_SINGLE_TRANSFORMER_LIMIT_KVA: Final = Decimal(300)


class SecondaryVoltage(enum.Enum):
    """Transformer secondary voltage (tensão secundária), line/phase in volts.

    Usual Brazilian low-voltage systems. The list is what a portal offers; the
    only distinction any rule here draws is 220/127 V versus anything else.
    """

    V220_127 = "220/127"
    V380_220 = "380/220"
    V440_254 = "440/254"
    V254_127 = "254/127"
    V440_220 = "440/220"
    V208_120 = "208/120"
    V230_115 = "230/115"
    V240_120 = "240/120"
    V220_110 = "220/110"

    @classmethod
    def parse(cls, text: str) -> SecondaryVoltage:
        """Read the usual notations: ``"220/127"``, ``"220/127 V"``, ``"127/220V"``, ``"220-127"``.

        A bare single voltage (``"220 V"``) is refused as ambiguous: 220 V is the line
        voltage of 220/127 V and of 220/110 V, and the phase voltage of 380/220 V.

        Raises:
            InvalidInputError: path ``secondary_voltage``; codes ``ambiguous_secondary_voltage``
                or ``unknown_secondary_voltage``.

        Examples:
            >>> SecondaryVoltage.parse(" 127/220 V ")
            <SecondaryVoltage.V220_127: '220/127'>
        """
        if not isinstance(text, str):
            raise invalid(
                "secondary_voltage",
                "unknown_secondary_voltage",
                "secondary voltage {value} is not one of {known}",
                value=masked(text),
                known=_KNOWN_VOLTAGES,
            )
        compact = re.sub(r"\s+", "", text).upper().removesuffix("V")
        numbers = re.fullmatch(r"(\d{3})[/\-](\d{3})", compact)
        if numbers is not None:
            high, low = sorted((int(numbers[1]), int(numbers[2])), reverse=True)
            for member in cls:
                if member.value == f"{high}/{low}":
                    return member
        elif re.fullmatch(r"\d{3}", compact):
            raise invalid(
                "secondary_voltage",
                "ambiguous_secondary_voltage",
                "secondary voltage {value} is ambiguous: give line and phase voltages, "
                "e.g. 220/127",
                value=masked(text),
            )
        raise invalid(
            "secondary_voltage",
            "unknown_secondary_voltage",
            "secondary voltage {value} is not one of {known}",
            value=masked(text),
            known=_KNOWN_VOLTAGES,
        )


_KNOWN_VOLTAGES: Final = ", ".join(v.value for v in SecondaryVoltage)


def _to_secondary_voltage(value: SecondaryVoltage | str) -> SecondaryVoltage:
    if isinstance(value, SecondaryVoltage):
        return value
    return SecondaryVoltage.parse(value)


def _to_power_kva(value: Decimal | int | str) -> Decimal:
    return positive(value, "power_kva")


@attrs.frozen
class Transformer:
    """A consumer's substation transformer (transformador): rated power and secondary voltage.

    Attributes:
        power_kva: Rated power in kVA; ``int``, ``str`` or ``Decimal`` (a ``float`` is
            read through its shortest ``repr``, so ``112.5`` is ``Decimal("112.5")``,
            as for other physical quantities). Must be greater than zero.
        secondary_voltage: A :class:`SecondaryVoltage` or its usual text (``"380/220"``).

    Raises:
        InvalidInputError: path ``power_kva`` (``not_a_number``, ``not_positive``) or
            ``secondary_voltage`` (see :meth:`SecondaryVoltage.parse`).

    Examples:
        >>> Transformer("112.5", "380/220 V")
        Transformer(power_kva=Decimal('112.5'), secondary_voltage=<SecondaryVoltage.V380_220: '380/220'>)
    """  # noqa: E501

    power_kva: Decimal = attrs.field(converter=_to_power_kva)
    secondary_voltage: SecondaryVoltage = attrs.field(converter=_to_secondary_voltage)


class MeteringReason(enum.Enum):
    """Why MT metering is compulsory (one per rule of the portal manual, item 4.5)."""

    SINGLE_TRANSFORMER_ABOVE_300_KVA = (
        "subestação com único transformador com potência superior a 300 kVA"
    )
    MORE_THAN_ONE_TRANSFORMER = "instalações contendo mais de um transformador de qualquer potência"
    SECONDARY_NOT_220_127 = "transformador(es) com tensão secundária diferente de 220/127 V"


@attrs.frozen(kw_only=True)
class MeteringDecision:
    """Whether metering in primary voltage (medição em tensão primária, MT) is compulsory.

    Attributes:
        required: ``True`` when at least one rule is hit.
        reasons: The rules hit, in the manual's order (empty when not required).
        basis: The distributor's rule (Amazonas Energia portal manual, item 4.5);
            it is **not** an ANEEL provision.
        related: ANEEL provisions that bear on the choice: REN 1.000/2021, art. 305
            (loss compensation when group A metering sits on the secondary).
    """

    required: bool
    reasons: tuple[MeteringReason, ...]
    basis: tuple[Basis, ...] = attrs.field(
        default=(PORTAL_MANUAL,), converter=to_bases, validator=check_bases
    )
    related: tuple[LegalRef, ...] = (LOSS_COMPENSATION_SECONDARY_METERING,)


def primary_metering_required(transformers: Iterable[Transformer]) -> MeteringDecision:
    """Whether the substation must be metered on the primary (MT) side.

    The Amazonas Energia portal manual (item 4.5) makes MT metering compulsory for
    a substation with a single transformer above 300 kVA (300 kVA itself is not
    "superior a 300"), with more than one transformer of any power, or with any
    transformer whose secondary voltage is not 220/127 V.

    Args:
        transformers: Every transformer of the installation (at least one).

    Returns:
        The decision, with one reason per rule hit.

    Raises:
        InvalidInputError: path ``transformers``: not an iterable of :class:`Transformer`
            (``not_a_transformer``) or empty (``empty``).

    Legal basis:
        - Amazonas Energia, portal manual, item 4.5 (distributor rule, not ANEEL's).
        - Related: REN 1.000/2021, art. 305 (loss compensation for secondary metering).

    Examples:
        >>> primary_metering_required([Transformer(300, "220/127")]).required
        False
        >>> d = primary_metering_required([Transformer(150, "220/127"), Transformer(75, "380/220")])
        >>> [r.name for r in d.reasons]
        ['MORE_THAN_ONE_TRANSFORMER', 'SECONDARY_NOT_220_127']
    """
    if isinstance(transformers, Transformer) or not isinstance(transformers, Iterable):
        raise invalid(
            "transformers",
            "not_a_transformer",
            "transformers must be a list of Transformer, got {value}",
            value=masked(transformers),
        )
    items = tuple(transformers)
    if not items:
        raise invalid("transformers", "empty", "at least one transformer is required")
    for index, item in enumerate(items):
        if not isinstance(item, Transformer):
            raise invalid(
                f"transformers.{index}",
                "not_a_transformer",
                "transformers must be a list of Transformer, got {value}",
                value=masked(item),
            )
    reasons: list[MeteringReason] = []
    # Manual, item 4.5, 1st rule: a single transformer "com potência superior a 300kVA".
    if len(items) == 1 and items[0].power_kva > _SINGLE_TRANSFORMER_LIMIT_KVA:
        reasons.append(MeteringReason.SINGLE_TRANSFORMER_ABOVE_300_KVA)
    # Manual, item 4.5, 2nd rule: "mais de um transformador de qualquer potência".
    if len(items) > 1:
        reasons.append(MeteringReason.MORE_THAN_ONE_TRANSFORMER)
    # Manual, item 4.5, 3rd rule: "tensão secundária diferente de 220/127V".
    if any(t.secondary_voltage is not SecondaryVoltage.V220_127 for t in items):
        reasons.append(MeteringReason.SECONDARY_NOT_220_127)
    return MeteringDecision(required=bool(reasons), reasons=tuple(reasons))
