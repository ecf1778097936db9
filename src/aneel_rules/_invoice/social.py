"""Tarifa social (TSEE) and desconto social tiers by date (REN 1.000/2021, art. 179).

Before 3 Jan 2022 the tiers are those of Lei 12.212/2010 itself, which REN 414/2010 applies
(its art. 98, § 2º, VERIFIED-QUOTE in ``shared/sources/ren414_excerpts.md``, brings the
"descontos ... definidos nesta resolução" to the availability charge; the REN 414 article that
restates the tiers was not found). Text of the law, art. 1º, as two independent pages give it
(dou.vlex.com.br/vid/disp-tarifa-energia-eletrica-altera-leis-74904807 and
cpisp.org.br/lei-n-o-12-212-de-20-de-janeiro-de-2010; VERIFIED-QUOTE): "será calculada de modo
cumulativo, conforme indicado a seguir: I - para a parcela do consumo de energia elétrica
inferior ou igual a 30 (trinta) kWh/mês, o desconto será de 65% [...]; II - para a parcela do
consumo compreendida entre 31 (trinta e um) kWh/mês e 100 (cem) kWh/mês, o desconto será de
40% [...]; III - para a parcela do consumo compreendida entre 101 (cento e um) kWh/mês e 220
(duzentos e vinte) kWh/mês, o desconto será de 10% [...]; IV - para a parcela do consumo
superior a 220 (duzentos e vinte) kWh/mês, não haverá desconto." Art. 2º, § 4º
(vademecumprevidenciario.com.br, SINGLE-QUOTE): "As famílias indígenas e quilombolas [...]
terão direito a desconto de 100% (cem por cento) até o limite de consumo de 50 (cinquenta)
kWh/mês". One page suffices there because the schedule above 50 kWh is the cumulative one of
art. 1º and both a distributor's description (Energisa, in jornaldotocantins.com.br: 100 % up to
50 kWh, 40 % from 51 to 100, 10 % from 101 to 220) and ANEEL's own codification of the same law
(REN 1.000, art. 179, § 2º, "com fundamento na Lei nº 12.212, de 2010") give the same tiers.
Reading: the integer ranges of the law ("entre 31 e 100") are taken as the continuous slices
REN 1.000, art. 179, § 1º writes for the same law ("maior que 30 kWh/mês e menor ou igual a
100 kWh/mês").

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from aneel_rules._billing.money import CTX
from aneel_rules._convert import masked, non_negative, whole_number
from aneel_rules._invoice.messages import invalid
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    AmendmentKind,
    LegalRef,
    Norm,
    in_force_from,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "SOCIAL_DISCOUNT_LIMIT",
    "SOCIAL_TARIFF_TIERS",
    "SOCIAL_TARIFF_TIERS_INDIGENOUS",
    "Tier",
    "tier_slices",
)

Tier = tuple[Decimal | None, Decimal]
"""``(upper limit in kWh/month or None for "above", reduction as a fraction)``."""

_D = Decimal
_ORIGINAL: Final[tuple[Tier, ...]] = (
    (_D(30), _D("0.65")),
    (_D(100), _D("0.40")),
    (_D(220), _D("0.10")),
    (None, _D(0)),
)
_ORIGINAL_INDIGENOUS: Final[tuple[Tier, ...]] = (
    (_D(50), _D(1)),
    (_D(100), _D("0.40")),
    (_D(220), _D("0.10")),
    (None, _D(0)),
)
_MP_1300: Final[tuple[Tier, ...]] = ((_D(80), _D(1)), (None, _D(0)))

# MP 1.300/2025 (21 May 2025), applied by ANEEL Despacho 1.731/2025 from 5 Jul 2025 (the start
# rests on secondary sources, INVOICE.md §6.2, Medium), written into art. 179 by REN 1.147 of
# 9 Dec 2025; the same date the library uses for art. 291, III (billing_cycle).
_MP1300_SINCE: Final = in_force_from(Norm.DSP_1731_2025)
_NOTE_2025: Final = (
    "From 5 Jul 2025 under MP 1.300/2025 (Lei 15.235/2025) as applied by Despacho ANEEL "
    "1.731/2025, which the compiled text cites at art. 179 ('Vide: Despacho 1.731/2025 - "
    "aplicação da tarifa social de energia elétrica'); art. 179, § 1º kept its first wording "
    "until REN 1.147 of 9 Dec 2025 (DOU 16 Dec 2025) rewrote it. The start date rests on "
    "secondary sources (press, INVOICE.md §6.2); the alternative reading starts on 16 Dec 2025."
)
_NOTE_REN1147: Final = "Wording by REN 1.147 of 9 Dec 2025 (DOU 16 Dec 2025)."
_REN1147_SINCE: Final = in_force_from(Norm.REN_1147_2025)
_VIDE_DSP_1731: Final = ren1000(
    179, amended_by=Norm.DSP_1731_2025, amendment_kind=AmendmentKind.SEE
)

_LAW_ART1: Final = LegalRef(norm=Norm.LEI_12212_2010, article=1)
_LAW_ART2_P4: Final = LegalRef(norm=Norm.LEI_12212_2010, article=2, paragraph=4)
_NOTE_LAW: Final = (
    "Lei 12.212/2010 (in force from 21 Jan 2010, press) applied from REN 414/2010's start, the "
    "first day the library answers; the REN 414 article restating the tiers was not found."
)

SOCIAL_TARIFF_TIERS: Final[Timeline[tuple[Tier, ...]]] = Timeline(
    name="social_tariff_tiers",
    unit="(kWh/month upper limit, reduction)",
    label_pt="faixas de desconto da tarifa social de energia elétrica",
    periods=(
        Period(since=REN414_IN_FORCE_FROM, value=_ORIGINAL, basis=_LAW_ART1, note=_NOTE_LAW),
        Period(since=REN1000_IN_FORCE_FROM, value=_ORIGINAL, basis=ren1000(179, paragraph=1)),
        Period(
            since=_MP1300_SINCE,
            value=_MP_1300,
            basis=(_VIDE_DSP_1731, ren1000(179, paragraph=1)),
            note=_NOTE_2025,
        ),
        Period(
            since=_REN1147_SINCE,
            value=_MP_1300,
            basis=ren1000(179, paragraph=1, amended_by=Norm.REN_1147_2025),
            note=_NOTE_REN1147,
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Tarifa social tiers: 65/40/10 % up to 30/100/220 kWh (Lei 12.212/2010, art. 1º, then
REN 1.000, art. 179, § 1º), then 100 % up to 80 kWh (2025)."""

SOCIAL_TARIFF_TIERS_INDIGENOUS: Final[Timeline[tuple[Tier, ...]]] = Timeline(
    name="social_tariff_tiers_indigenous",
    unit="(kWh/month upper limit, reduction)",
    label_pt="faixas da tarifa social das subclasses baixa renda indígena e quilombola",
    periods=(
        Period(
            since=REN414_IN_FORCE_FROM,
            value=_ORIGINAL_INDIGENOUS,
            basis=(_LAW_ART2_P4, _LAW_ART1),
            note=_NOTE_LAW,
        ),
        Period(
            since=REN1000_IN_FORCE_FROM,
            value=_ORIGINAL_INDIGENOUS,
            basis=ren1000(179, paragraph=2),
        ),
        Period(
            since=_MP1300_SINCE,
            value=_MP_1300,
            basis=(_VIDE_DSP_1731, ren1000(179, paragraph=1)),
            note="Under MP 1.300/2025 the 100 % up to 80 kWh is every baixa renda subclass's. "
            + _NOTE_2025,
        ),
        Period(
            since=_REN1147_SINCE,
            value=_MP_1300,
            basis=ren1000(179, paragraph=1, amended_by=Norm.REN_1147_2025),
            note="§ 2º revoked by REN 1.147/2025: § 1º applies to every baixa renda subclass. "
            + _NOTE_REN1147,
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Indigenous and quilombola tiers: 100 % up to 50 kWh (Lei 12.212/2010, art. 2º, § 4º, then
REN 1.000, art. 179, § 2º), then the tiers of art. 1º; § 1º from 2025."""

SOCIAL_DISCOUNT_LIMIT: Final[Timeline[Decimal]] = Timeline(
    name="social_discount_limit",
    unit="kWh/month",
    label_pt="parcela do consumo com a tarifa B1 subclasse desconto social",
    periods=(
        Period(
            since=in_force_from(Norm.REN_1147_2025),
            value=_D(120),
            basis=ren1000(
                179,
                paragraph=4,
                amended_by=Norm.REN_1147_2025,
                amendment_kind=AmendmentKind.INSERTED,
            ),
            note=(
                "Inserted by REN 1.147/2025 (Lei 15.235/2025), applied from its DOU publication "
                "(16 Dec 2025). The press and a public method note read Lei 10.438 art. 13 "
                "§ 3º-I as starting the desconto social on 1 Jan 2026 (INVOICE.md §6.2, "
                "UNVERIFIED); the B1 desconto social rates the caller brings fix when it bites."
            ),
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Desconto social: 120 kWh/month at the B1 desconto social tariff (art. 179, § 4º)."""


def families_count(value: object) -> int:
    """The number of families of art. 179, § 3º (a whole number from one), or refused."""
    count = whole_number(value, 1)
    if count is None:
        raise invalid(
            "families",
            "not_families",
            "{path} must be a whole number of families from 1, got {value}",
            path="families",
            value=masked(value),
        )
    return count


def _tiers(tiers: object) -> list[tuple[Decimal | None, Decimal]]:
    """``tiers`` as (upper limit in kWh or None, reduction from 0 to 1) pairs, or refused."""
    found: list[tuple[Decimal | None, Decimal]] = []
    items = tiers if isinstance(tiers, Sequence) and not isinstance(tiers, str | bytes) else None
    for index, item in enumerate(items or ()):
        limit, reduction = item if isinstance(item, tuple) and len(item) == 2 else (None, None)
        if (
            (limit is None or (isinstance(limit, Decimal) and limit.is_finite() and limit >= 0))
            and isinstance(reduction, Decimal)
            and reduction.is_finite()
            and 0 <= reduction <= 1
        ):
            found.append((limit, reduction))
            continue
        raise invalid(
            f"tiers.{index}",
            "not_a_tier",
            "{path} must be a (limit kWh or None, reduction from 0 to 1) pair, got {value}",
            path=f"tiers.{index}",
            value=masked(item),
        )
    if items is None:
        raise invalid(
            "tiers",
            "not_a_sequence",
            "{path} must be a sequence (list or tuple), got {value}",
            path="tiers",
            value=masked(tiers),
        )
    return found


def tier_slices(
    kwh: Decimal, tiers: Sequence[Tier], *, families: int = 1
) -> tuple[tuple[Decimal, Decimal], ...]:
    """Split ``kwh`` into the tiers' slices: ``((slice kWh, reduction), ...)``.

    Each limit is multiplied by the number of families of a multi-family dwelling with one
    meter (art. 179, § 3º).

    Examples:
        >>> [(str(kwh), str(cut)) for kwh, cut in tier_slices(Decimal(150), _ORIGINAL)]
        [('30', '0.65'), ('70', '0.40'), ('50', '0.10')]
        >>> tier_slices(Decimal(150), _MP_1300, families=2)
        ((Decimal('150'), Decimal('1')),)
    """
    kwh = non_negative(kwh, "kwh", invalid=invalid)
    count = families_count(families)
    steps = _tiers(tiers)
    slices: list[tuple[Decimal, Decimal]] = []
    lower = Decimal(0)
    for limit, reduction in steps:
        upper = kwh if limit is None else min(kwh, CTX.multiply(limit, count))
        if upper > lower:
            slices.append((CTX.subtract(upper, lower), reduction))
            lower = upper
        if lower >= kwh:
            break
    return tuple(slices)
