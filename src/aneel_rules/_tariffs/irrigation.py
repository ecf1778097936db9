"""Irrigation and aquaculture discount (REN 1.000/2021, art. 186; REN 414/2010, arts. 107 and 109).

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Final

import attrs

from aneel_rules._convert import instance_of, masked, plain_date, to_bool
from aneel_rules._tariffs.common import (
    LAST_VERIFIED,
    REN414_START,
    REN1000_START,
    REN1147_SINCE,
    hm,
    invalid,
)
from aneel_rules._tariffs.irrigation_region import IrrigationRegion
from aneel_rules._tariffs.units import Group
from aneel_rules.legal import Determination, Norm, norm_in_force, ren414, ren1000
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "IrrigationRegion",
    "IRRIGATION_DISCOUNTS",
    "irrigation_discount",
    "irrigation_region",
    "IrrigationWindowRule",
    "IRRIGATION_WINDOW",
    "irrigation_window_rule",
)


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
    on = plain_date(on, path="on")
    for path, flag in (
        ("mg_drought_polygon_or_jequitinhonha", mg_drought_polygon_or_jequitinhonha),
        ("sudene_area", sudene_area),
    ):
        if flag is not None:
            to_bool(flag, path=path)
    code = uf.strip().upper() if isinstance(uf, str) else ""
    if code not in _NORTHEAST_UFS | _NORTH_CENTER_WEST_UFS | _OTHER_UFS | {"MG"}:
        raise invalid(
            "uf",
            "unknown_uf",
            "{path} must be a Brazilian state, got {value}",
            path="uf",
            value=masked(uf),
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
            raise invalid(
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
        raise invalid(
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
        Period(since=REN414_START, value=_DISCOUNTS, basis=ren414(109)),
        Period(since=REN1000_START, value=_DISCOUNTS, basis=ren1000(186)),
        Period(
            since=REN1147_SINCE,
            value=_DISCOUNTS,
            basis=ren1000(186, amended_by=Norm.REN_1147_2025),
            note="REN 1.147/2025 reworded the caput (discount on 'tarifas de energia elétrica "
            "aplicáveis ao consumo', period no longer 'contínuo'); incisos I–III and their "
            "percentages are unchanged.",
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Discount on consumption tariffs by region and group (fraction, 0.73 = 73 %).

REN 414/2010, art. 109 is known from one page (SINGLE-QUOTE: the 2013 study note's table,
``shared/seeds/004``: "Nordeste e demais municípios da área de atuação da Superintendência de
Desenvolvimento do Nordeste – SUDENE, conforme o art. 2o do Anexo I do Decreto no 6.219, de
2007" 90 % / 73 %; "Norte, Centro-Oeste e demais Municípios do Estado de Minas Gerais" 80 % /
67 %; "Demais Regiões" 70 % / 60 %). One page suffices for what is encoded: the six percentages
and the names of the second and third rows are those of REN 1.000/2021, art. 186, I–III
(official compiled text), which carried the benefit over unchanged; only the first row's area
differs, and the note names it by the decree and article that define SUDENE's area, as a copy
of the table would and a paraphrase would not; its quotes of arts. 84, 98 and 113 agree word
for word with ANEEL's booklet (VERIFIED). The area is asked of the caller (``sudene_area``),
never guessed.
"""


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
    instance_of(
        region,
        IrrigationRegion,
        "region",
        "not_a_region",
        "{path} must be an IrrigationRegion, got {value}",
        invalid=invalid,
    )
    instance_of(
        group, Group, "group", "not_a_group", "{path} must be a Group, got {value}", invalid=invalid
    )
    return IRRIGATION_DISCOUNTS.value_on(plain_date(on, path="on"))[region, group]


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
    guaranteed_start=hm(21, 30),
    guaranteed_end=hm(6, 0),
    schedule_by="distribuidora, por acordo com o consumidor, garantido das 21h30 às 6h",
)

IRRIGATION_WINDOW: Final[Timeline[IrrigationWindowRule]] = Timeline(
    name="irrigation_window",
    unit="rule",
    label_pt="período diário do desconto de irrigação e aquicultura",
    periods=(
        # REN 414 art. 107 holds the duration and the guarantee in one provision; REN 1.000,
        # art. 186: the caput fixes the 8 h 30 min, § 2º the schedule.
        Period(since=REN414_START, value=_GUARANTEED, basis=ren414(107)),
        Period(
            since=REN1000_START,
            value=_GUARANTEED,
            basis=(ren1000(186), ren1000(186, paragraph=2)),
        ),
        Period(
            since=REN1147_SINCE,
            value=IrrigationWindowRule(
                duration=timedelta(hours=8, minutes=30),
                continuous=False,
                guaranteed_start=None,
                guaranteed_end=None,
                schedule_by="distribuidora, observadas as diretrizes do Governo Federal",
            ),
            basis=(
                ren1000(186, amended_by=Norm.REN_1147_2025),
                ren1000(186, paragraph=2, amended_by=Norm.REN_1147_2025),
            ),
            note="REN 1.147/2025 (Lei 15.235/2025) dropped 'contínuo' from the caput and the "
            "21h30–6h guarantee from § 2º. The Federal Government guidelines (MME CP 209/2025 "
            "draft: no discount 18h–22h59, default 8h–16h30) were not final: not encoded. "
            "Date: DOU publication of 16 Dec 2025 (vigência article not read).",
        ),
    ),
    last_verified_on=LAST_VERIFIED,
)
"""Daily window of the irrigation discount (8 h 30 min; 21h30–6h guaranteed until REN 1.147).

REN 414/2010, art. 107 is known from one page (SINGLE-QUOTE: the 2013 study note, "em um
período diário contínuo de oito horas e trinta minutos, facultado à distribuidora o
estabelecimento de escala de horário para início, mediante acordo com o respectivo
consumidor, garantido o horário de 21 h 30 min às 6 h do dia seguinte"). One page suffices:
REN 1.000/2021, art. 186, caput ("período diário contínuo de 8 horas e 30 minutos") and § 2º
in its first wording ("escala de horário para início, mediante acordo com o consumidor, desde
que garantido o horário das 21h30 às 6 horas do dia seguinte") keep every element of it, so the
rule encoded is the same under either text.
"""


def irrigation_window_rule(*, on: date) -> Determination[IrrigationWindowRule]:
    """The irrigation-discount window rule in force on a date, with its basis.

    The basis is the provision fixing the duration (REN 1.000, art. 186, caput) followed by
    the one fixing the schedule (§ 2º); under REN 414 both are art. 107.

    Legal basis:
        - REN 414/2010, art. 107; REN 1.000/2021, art. 186, caput and § 2º (wording of
          REN 1.147/2025 from its publication).

    Examples:
        >>> before = irrigation_window_rule(on=date(2025, 12, 15))
        >>> before.value.guaranteed_start, [str(b) for b in before.basis]
        (datetime.time(21, 30), ['REN 1.000/2021, art. 186', 'REN 1.000/2021, art. 186, § 2º'])
        >>> after = irrigation_window_rule(on=date(2025, 12, 16))
        >>> after.value.guaranteed_start is None, after.value.continuous
        (True, False)
        >>> [str(b) for b in irrigation_window_rule(on=date(2015, 1, 1)).basis]
        ['REN 414/2010, art. 107']
    """
    period = IRRIGATION_WINDOW.period_on(plain_date(on, path="on"))
    return Determination(IRRIGATION_WINDOW.value_on(on), period.basis)
