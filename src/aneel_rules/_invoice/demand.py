"""Group A demand lines: billed demand, ultrapassagem, complementary demand, reactive excess.

REN 1.000/2021, arts. 148, 294, 300, 301, 302–305, 311–316; REN 414/2010, art. 93 (demand
billing, from the text quoted in ``shared/sources/ren414_excerpts.md``) and arts. 95–96 in the
wording of REN 418/2010 (reactive excess, quoted in :func:`reactive_lines`).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Final, cast

import attrs

from aneel_rules._billing.money import CTX
from aneel_rules._convert import instance_of, masked, positive, to_decimal
from aneel_rules._invoice.bill import BillLine, exact_sum
from aneel_rules._invoice.bill import priced_line as _line
from aneel_rules._invoice.fields import OPTIONAL_QUANTITY, checked
from aneel_rules._invoice.measurements import PostMap, to_post_map
from aneel_rules._invoice.messages import UNVERIFIED_REN414, invalid, unsupported
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.legal import Basis, Norm, in_force_from, ren414, ren1000

__all__ = (
    "MIN_CONTRACTED_DEMAND_KW",
    "OVERRUN_MULTIPLIER",
    "OVERRUN_TOLERANCES",
    "RURAL_HISTORY_CYCLES",
    "RURAL_HISTORY_SHARE",
    "TrialKind",
    "TrialPeriod",
    "DemandContext",
    "demand_lines",
    "losses_factor",
    "reactive_lines",
)

MIN_CONTRACTED_DEMAND_KW: Final = Decimal(30)
"""Minimum contracted demand of a group A consumer in at least one post (art. 148, III)."""

OVERRUN_TOLERANCES: Final = (Decimal("0.01"), Decimal("0.05"), Decimal("0.10"))
"""Ultrapassagem tolerances of art. 301: I 1 % (injection, import/export), II 5 % (consumption),
III 10 % (another distributor)."""

OVERRUN_MULTIPLIER: Final = Decimal(2)
"""``C = (DAM − DAC) × 2 × VR`` (art. 301, § 1º; the equation is an image, see demand_lines)."""

RURAL_HISTORY_CYCLES: Final = 11
"""Previous cycles looked at for rural/seasonal units (art. 294, I)."""

RURAL_HISTORY_SHARE: Final = Decimal("0.10")
"""Share of the largest measured demand of those cycles (art. 294, I)."""

_TEST_START_TOLERANCE: Final = Decimal("0.35")
_TEST_PREVIOUS_SHARE: Final = Decimal("0.05")
_TEST_ADDITIONAL_SHARE: Final = Decimal("0.30")
_LOSSES_HIGH: Final = Decimal("1.01")
_LOSSES_LOW: Final = Decimal("1.025")
_LOSSES_VOLTAGE_KV: Final = Decimal(69)
_THOUSAND: Final = Decimal(1000)
_ZERO: Final = Decimal(0)
_REN414_TOLERANCE: Final = Decimal("0.05")
_REN418_SINCE: Final = in_force_from(Norm.REN_418_2010)
"""First day of REN 414, arts. 95–96 in the wording of REN 418/2010 (reactive excess)."""


class TrialKind(enum.Enum):
    """Situation of a test period (período de testes, art. 311, I–IV)."""

    START = "início do fornecimento"
    FROM_GROUP_B = "mudança para faturamento do grupo A após opção pelo grupo B"
    BLUE = "enquadramento na modalidade horária azul"
    INCREASE = "acréscimo de demanda maior que 5%"


@attrs.frozen(kw_only=True, field_transformer=checked)
class TrialPeriod:
    """A cycle inside the 3-cycle test period (arts. 311–313).

    Attributes:
        kind: Why the test period applies (art. 311).
        previous_demand_kw: Demand contracted before the increase (``INCREASE`` only).
    """

    kind: TrialKind = attrs.field()
    previous_demand_kw: Decimal | None = attrs.field(default=None, metadata=OPTIONAL_QUANTITY)

    @kind.validator
    def _check_kind(self, _attr: object, value: object) -> None:
        instance_of(
            value,
            TrialKind,
            "kind",
            "not_a_trial_kind",
            "{path} must be a TrialKind, got {value}",
            invalid=invalid,
        )

    def __attrs_post_init__(self) -> None:
        if (self.kind is TrialKind.INCREASE) != (self.previous_demand_kw is not None):
            raise invalid(
                "previous_demand_kw",
                "previous_demand",
                "{path} is required for a demand increase and only for it",
                path="previous_demand_kw",
            )


@attrs.frozen(kw_only=True)
class DemandContext:
    """The facts of one group A cycle that demand billing depends on."""

    norm: Norm
    end: date
    measured: PostMap
    contracted: PostMap
    tariffs: PostMap
    overrun_reference: PostMap
    rural_or_seasonal: bool
    history: Sequence[PostMap]
    tolerance: Decimal
    test_period: TrialPeriod | None
    complementary_history: Mapping[TariffPost | None, Sequence[tuple[Decimal, Decimal]]]
    losses: tuple[Decimal, Basis] | None


def losses_factor(voltage_kv: Decimal) -> tuple[Decimal, Basis]:
    """Losses adder for metering on the consumer's transformer secondary (art. 305).

    Examples:
        >>> losses_factor(Decimal("69"))[0], losses_factor(Decimal("13.8"))[0]
        (Decimal('1.01'), Decimal('1.025'))
    """
    voltage_kv = positive(
        voltage_kv, "voltage_kv", invalid=invalid, template="{path} must be above zero, got {value}"
    )
    # art. 305, I: 1 % at 69 kV or more; II: 2.5 % below 69 kV
    if voltage_kv >= _LOSSES_VOLTAGE_KV:
        return _LOSSES_HIGH, ren1000(305, item="I")
    return _LOSSES_LOW, ren1000(305, item="II")


def _tariff(tariffs: PostMap, post: TariffPost | None, path: str) -> Decimal:
    if post not in tariffs:
        raise invalid(
            path,
            "missing_demand_tariff",
            "no demand tariff for post {value}",
            value="único" if post is None else post.value,
        )
    return tariffs[post]


def _post_order(post: TariffPost | None) -> int:
    """Fora de ponta (or the single demand) first, then ponta."""
    return 0 if post in {None, TariffPost.OFF_PEAK} else 1


def _billed(ctx: DemandContext, post: TariffPost | None) -> tuple[Decimal, tuple[Basis, ...]]:
    """Billable demand DAF(p) of one post (art. 294; art. 313 in a test period)."""
    measured = ctx.measured.get(post, _ZERO)
    contracted = ctx.contracted.get(post, _ZERO)
    regime414 = ctx.norm is Norm.REN_414_2010
    test = ctx.test_period
    in_test = test is not None and (test.kind is not TrialKind.BLUE or post is TariffPost.PEAK)
    if ctx.rural_or_seasonal:
        # art. 294, I: larger of the measured demand and 10 % of the largest measured demand
        # of the 11 previous cycles (art. 313, § 3º: also during tests)
        peak = max((h.get(post, _ZERO) for h in ctx.history), default=_ZERO)
        floor = CTX.multiply(peak, RURAL_HISTORY_SHARE)
        ref = ren414(93) if regime414 else ren1000(294, item="I")
        return max(measured, floor), (ref,)
    if in_test and test is not None:
        if regime414:
            # the article number: a 2010 summary of REN 414 (adaptbrasil.com.br/node/44,
            # "Período de testes (artigo 134)"); its text was not found
            raise unsupported(
                "the test period under REN 414/2010 (art. 134) is not modelled: the text of "
                "art. 134 (the counterpart of REN 1.000/2021, arts. 311–313) is not quoted in "
                "any source found",
                on=ctx.end,
                code=UNVERIFIED_REN414,
                basis=ren414(134),
            )
        # art. 313, caput: the measured demand; for an increase, at least the previous demand
        if test.kind is TrialKind.INCREASE and test.previous_demand_kw is not None:
            return max(measured, test.previous_demand_kw), (ren1000(313),)
        return measured, (ren1000(313),)
    # art. 294, II (REN 414/2010, art. 93): larger of measured and contracted
    return max(measured, contracted), (ren414(93) if regime414 else ren1000(294, item="II"),)


def _overrun_threshold(ctx: DemandContext, post: TariffPost | None) -> tuple[Decimal, Basis]:
    contracted = ctx.contracted.get(post, _ZERO)
    test = ctx.test_period
    if (
        test is not None
        and not ctx.rural_or_seasonal
        and (test.kind is not TrialKind.BLUE or post is TariffPost.PEAK)
    ):
        if test.kind is TrialKind.START:
            # art. 313, § 2º, I: more than 35 % above the initial contracted demand
            limit = CTX.multiply(contracted, 1 + _TEST_START_TOLERANCE)
            return limit, ren1000(313, paragraph=2, item="I")
        previous = test.previous_demand_kw if test.previous_demand_kw is not None else contracted
        additional = max(_ZERO, CTX.subtract(contracted, previous))
        # art. 313, § 2º, II: new demand + 5 % of the previous + 30 % of the additional
        limit = CTX.add(
            CTX.add(contracted, CTX.multiply(previous, _TEST_PREVIOUS_SHARE)),
            CTX.multiply(additional, _TEST_ADDITIONAL_SHARE),
        )
        return limit, ren1000(313, paragraph=2, item="II")
    item = {Decimal("0.01"): "I", Decimal("0.05"): "II", Decimal("0.10"): "III"}[ctx.tolerance]
    ref = ren414(93) if ctx.norm is Norm.REN_414_2010 else ren1000(301, item=item)
    return CTX.multiply(contracted, 1 + ctx.tolerance), ref


def demand_lines(ctx: DemandContext) -> tuple[BillLine, ...]:
    """Demand, ultrapassagem and complementary-demand lines of a group A cycle.

    Ultrapassagem is charged only when the measured demand *exceeds* the contracted one by more
    than the tolerance (5 % for consumption: 105 kW on 100 kW contracted is not an excess),
    on ``DAM − DAC`` at twice the reference value ``VR_DULT`` (the post's demand tariff), added
    to the regular billing (art. 301, caput and § 1º). The equation of § 1º is an image in the
    compiled text; the variables are text (C, DAM, DAC, VR_DULT) and the ×2 form is the one a
    public project states it read in the official PDF (``ocenergia-calculadora`` status note,
    INVOICE.md I20) and the one REN 414's amendment announced ("passando de três para duas
    vezes", conservenergia citing ANEEL, I12); no second official rendering could be read.

    Under REN 414/2010 (art. 93) the billed demand and the 5 % trigger are quoted (book
    "Eficiência energética: fundamentos e aplicações", p. 102,
    https://issuhub.com/view/index/50623?pageIndex=102, SINGLE-QUOTE, word for word REN 1.000's
    art. 294 and the caput of art. 301): "Quando os montantes de demanda de potência ativa ou de
    uso do sistema de distribuição – MUSD medidos excederem em mais de 5% (cinco por cento) os
    valores contratados, deve ser adicionada ao faturamento regular a cobrança pela
    ultrapassagem conforme a legislação vigente." The equation that follows in art. 93 (the
    charge on the excess and its multiple of the demand tariff: three times under REN 456/2000,
    two times by REN 414's time according to a secondary page) was not found in any source:
    an overrun above the tolerance on a REN 414 date raises
    :class:`~aneel_rules.errors.UnsupportedCaseError` (code ``unverified_ren414``). A demand up
    to 5 % above the contracted one is answered for every date: no reading of the multiplier
    charges it. The queries tried are listed in ``docs/sources.md``.
    """
    lines: list[BillLine] = []
    losses_basis: tuple[Basis, ...] = () if ctx.losses is None else (ctx.losses[1],)
    posts = sorted(ctx.measured.keys() | ctx.contracted.keys(), key=_post_order)
    billed_by_post = {post: _billed(ctx, post) for post in posts}
    # art. 313, § 1º: bill at least the art. 148 minimum (30 kW) in one post
    if (
        ctx.test_period is not None
        and not ctx.rural_or_seasonal
        and posts
        and max(b for b, _ in billed_by_post.values()) < MIN_CONTRACTED_DEMAND_KW
    ):
        first = posts[0]
        billed_by_post[first] = (
            MIN_CONTRACTED_DEMAND_KW,
            (*billed_by_post[first][1], ren1000(313, paragraph=1), ren1000(148, item="III")),
        )
    for post in posts:
        tariff = _tariff(ctx.tariffs, post, "rates.demand_kw")
        billed, basis = billed_by_post[post]
        lines.append(_line("demand", post, billed, "kW", tariff, basis=basis + losses_basis))
        measured = ctx.measured.get(post, _ZERO)
        contracted = ctx.contracted.get(post, _ZERO)
        if not contracted:
            continue
        # REN 414/2010, art. 93 (book quote) names one tolerance, 5 %, for any demand or MUSD:
        # another tolerance asked for a REN 414 date is answered only where both agree (no
        # charge up to the smaller of the two)
        agreed = CTX.multiply(contracted, 1 + min(ctx.tolerance, _REN414_TOLERANCE))
        if (
            ctx.norm is Norm.REN_414_2010
            and ctx.tolerance != _REN414_TOLERANCE
            and measured > agreed
        ):
            raise unsupported(
                "an ultrapassagem tolerance of {tolerance} under REN 414/2010 is not modelled: "
                "the text quoted from art. 93 names only 5 %",
                on=ctx.end,
                code=UNVERIFIED_REN414,
                basis=ren414(93),
                tolerance=str(ctx.tolerance),
            )
        limit, ref = _overrun_threshold(ctx, post)
        # art. 301, caput: "exceder" — strictly above the tolerance
        if measured <= limit:
            continue
        if ctx.norm is Norm.REN_414_2010:
            raise unsupported(
                "the ultrapassagem charge under REN 414/2010 (art. 93) is not modelled: the "
                "equation of art. 93 (the charge on the excess and its multiple of the demand "
                "tariff) is not quoted in any source found, only its 5 % trigger (measured "
                "{measured} kW exceeds the contracted demand by more than 5 %)",
                on=ctx.end,
                code=UNVERIFIED_REN414,
                basis=ren414(93),
                measured=str(measured),
            )
        reference = _tariff(ctx.overrun_reference, post, "overrun_rate")
        rate = CTX.multiply(OVERRUN_MULTIPLIER, reference)
        excess = CTX.subtract(measured, contracted)
        lines.append(
            _line(
                "demand_overrun",
                post,
                excess,
                "kW",
                rate,
                basis=(ref, ren1000(301, paragraph=1), *losses_basis),
            )
        )
    lines.extend(_complementary(ctx))
    return tuple(lines)


def _complementary(ctx: DemandContext) -> list[BillLine]:
    """Complementary demands of a rural/seasonal unit at its 12-cycle check (art. 300)."""
    lines: list[BillLine] = []
    for post, cycles in ctx.complementary_history.items():
        if ctx.norm is Norm.REN_414_2010:
            # the article number: ABRADEE's question on ANEEL's REN 1.000 FAQ (art. 300 "o que
            # não estava estabelecido no art. 105 da REN 414/2010"); its text was not found
            raise unsupported(
                "complementary demand under REN 414/2010 (art. 105) is not modelled: the text of "
                "art. 105 (the counterpart of REN 1.000/2021, art. 300) is not quoted in any "
                "source found",
                on=ctx.end,
                code=UNVERIFIED_REN414,
                basis=ren414(105),
            )
        # art. 300, caput and II: at least three billed ≥ contracted in 12 cycles, else as many
        # complementary demands as cycles short of three
        met = sum(1 for contracted, billed in cycles if billed >= contracted)
        missing = max(0, 3 - met)
        if not missing:
            continue
        # art. 300, III: the largest differences, excluding the cycles that met the criterion
        gaps = sorted(
            (CTX.subtract(c, b) for c, b in cycles if b < c),
            reverse=True,
        )[:missing]
        quantity = exact_sum(gaps)
        tariff = _tariff(ctx.tariffs, post, "rates.demand_kw")
        basis = (ren1000(300, item="II"), ren1000(300, item="III"), ren1000(300, item="IV"))
        lines.append(
            _line(
                "complementary_demand",
                post,
                quantity,
                "kW",
                tariff,
                basis=basis,
                label=f"{missing} demanda(s) complementar(es)",
            )
        )
    return lines


def check_complementary(
    value: object,
) -> Mapping[TariffPost | None, Sequence[tuple[Decimal, Decimal]]]:
    """``{post: 12 × (contracted kW, billed kW)}`` of the cycles checked (art. 300, I)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise invalid(
            "complementary_history",
            "not_a_mapping",
            "{path} must be a mapping, got {value}",
            path="complementary_history",
            value=masked(value),
        )
    checked: dict[TariffPost | None, tuple[tuple[Decimal, Decimal], ...]] = {}
    for post, cycles in value.items():
        if post is not None and not isinstance(post, TariffPost):
            raise invalid(
                "complementary_history",
                "not_a_post_key",
                "{path} keys must be TariffPost or None, got {value}",
                path="complementary_history",
                value=masked(post),
            )
        iterable = isinstance(cycles, Iterable) and not isinstance(cycles, str | bytes)
        pairs = tuple(cast("Iterable[object]", cycles)) if iterable else ()
        if len(pairs) != 12:
            raise invalid(
                "complementary_history",
                "twelve_cycles",
                "{path} must give 12 cycles per post, got {value}",
                basis=ren1000(300, item="I"),
                path="complementary_history",
                value=str(len(pairs)),
            )
        checked[post] = tuple(_cycle(pair) for pair in pairs)
    return checked


def _cycle(pair: object) -> tuple[Decimal, Decimal]:
    """One cycle of the complementary-demand check: ``(contracted kW, billed kW)``."""
    items = tuple(pair) if isinstance(pair, tuple | list) else ()
    if len(items) != 2:
        raise invalid(
            "complementary_history",
            "not_a_cycle",
            "{path} must give each cycle as (contracted kW, billed kW), got {value}",
            path="complementary_history",
            value=masked(pair),
        )
    return (
        to_decimal(items[0], path="complementary_history", allow_float=True),
        to_decimal(items[1], path="complementary_history", allow_float=True),
    )


def _ren414_reactive(end: date, adjustment_period: bool) -> tuple[Basis, ...]:
    """REN 414/2010, arts. 95–96 (REN 418/2010 wording) for an excess on ``end``, or refuse."""
    if end < _REN418_SINCE:
        raise unsupported(
            "the reactive excess charge under REN 414/2010 before REN 418/2010 ({since}) is not "
            "modelled: the original 2010 wording of arts. 95 and 96 is not quoted in any source "
            "found",
            on=end,
            code=UNVERIFIED_REN414,
            basis=ren414(96),
            since=_REN418_SINCE.isoformat(),
        )
    if adjustment_period:
        raise unsupported(
            "the adjustment period of the power factor under REN 414/2010 is not modelled: its "
            "article (the counterpart of REN 1.000/2021, art. 316) is not quoted in any source "
            "found",
            on=end,
            code=UNVERIFIED_REN414,
        )
    return (
        ren414(95, amended_by=Norm.REN_418_2010),
        ren414(96, amended_by=Norm.REN_418_2010),
    )


def reactive_lines(
    *,
    norm: Norm,
    end: date,
    excess_kwh: Decimal | None,
    corrected: PostMap,
    billable: PostMap,
    energy_rate_mwh: Decimal | None,
    demand_rate_kw: Decimal | None,
    adjustment_period: bool,
    losses: tuple[Decimal, Basis] | None,
) -> tuple[BillLine, ...]:
    """Reactive excess energy and demand lines (arts. 302–304; 316 during adjustments).

    ``E_RE = excess (MWh) × VR_ERE`` with VR_ERE the TE of subgroup B1 "da bandeira verde"
    (R$/MWh); ``D_RE(p) = max(0, MAX_T(DAM_T·0.92/f_T) − DAF(p)) × VR_DRE`` with VR_DRE the
    azul fora de ponta demand tariff (R$/kW). For horária verde, which has one billable demand,
    the largest corrected demand of the whole cycle is compared with it (the text speaks of
    "cada posto" but verde has one DAF: reading stated in INVOICE.md §2, open question 2).
    Group A units billed as group B (art. 292) have no billable demand (art. 148, § 1º): only
    the energy part is charged to them. In the adjustment period (art. 316) the values are
    computed and shown with amount zero.

    Under REN 414/2010 the rule is that of arts. 95 and 96 in the wording REN 418/2010 gave them
    (from 23 Nov 2010), quoted with ANEEL's amendment notes by its booklet "Condições Gerais de
    Fornecimento de Energia Elétrica" (1library, document y969mk4j, chunk "Do fator de
    potência", https://1library.org/article/do-fator-pot%C3%AAncia-condi%C3%A7%C3%B5es-gerais-fornecimento-energia-el%C3%A9trica.y969mk4j):
    art. 95, "O fator de potência de referência “fR”, indutivo ou capacitivo, tem como limite
    mínimo permitido, para as unidades consumidoras dos grupos A e B, o valor de 0,92", and its
    parágrafo único, the excess amounts get "as cobranças estabelecidas nos arts. 96 e 97, a
    serem adicionadas ao faturamento regular"; art. 96, for a unit "que possua equipamento de
    medição apropriado", ``ERE = Σ EEAM_T × (fR/fT − 1) × VRERE`` and
    ``DRE(p) = [MAX(PAM_T × fR/fT) − PAF(p)] × VRDRE`` with "VRERE = valor de referência
    equivalente à tarifa de energia “TE” aplicável ao subgrupo B1, em Reais por megawatt-hora".
    The variable list is also reproduced, word for word, by EDP Escelsa's page "Energia reativa
    – legislação" (http://www.edpescelsa.com.br/energia/clientes/grandes_clientes/informacoes/
    energia_reativa/reativa_legislacao/reativa_legislacao.html): two sources. Here the caller
    gives the measured excess (``excess_kwh`` = ``Σ EEAM_T × (fR/fT − 1)``) and the corrected
    demand, so the hours counted (the capacitive window of art. 96, § 1º, I–II, not quoted) are
    the meter's; VR_ERE and VR_DRE are the caller's rates (VR_DRE's REN 418 definition is not
    quoted). Before REN 418/2010 (the 2010 wording was not found), any excess is refused; so is
    the adjustment period (its REN 414 article is not quoted). A cycle with no excess has no
    reactive line under any reading and is answered on every date.
    """
    positive = (excess_kwh or _ZERO) > 0 or any(
        value > billable.get(post, _ZERO) for post, value in corrected.items()
    )
    if not positive:
        return ()
    if norm is Norm.REN_414_2010:
        refs = _ren414_reactive(end, adjustment_period)
    else:
        refs = (ren1000(302), ren1000(304), ren1000(304, paragraph=1))
    factor = _ZERO if losses is None else losses[0]
    extra: tuple[Basis, ...] = () if losses is None else (losses[1],)
    adjust: tuple[Basis, ...] = (ren1000(316, paragraph=2),) if adjustment_period else ()
    label = "período de ajustes: não cobrado" if adjustment_period else ""
    lines: list[BillLine] = []
    if excess_kwh:
        if energy_rate_mwh is None:
            raise invalid(
                "reactive_energy_rate",
                "reactive_rate_required",
                "{path} (VR_ERE, TE of subgroup B1, bandeira verde, R$/MWh) is required: the "
                "unit has reactive excess energy",
                basis=refs[1],
                path="reactive_energy_rate",
            )
        quantity = excess_kwh if losses is None else CTX.multiply(excess_kwh, factor)
        rate = CTX.divide(energy_rate_mwh, _THOUSAND)
        basis = (*refs, *extra, *adjust)
        lines.append(
            _line(
                "reactive_energy",
                None,
                quantity,
                "kWh",
                rate,
                basis=basis,
                label=label,
                charged=not adjustment_period,
            )
        )
    for post, value in corrected.items():
        daf = billable.get(post)
        if daf is None:
            continue
        adjusted = value if losses is None else CTX.multiply(value, factor)
        over = CTX.subtract(adjusted, daf)
        if over <= 0:
            continue
        if demand_rate_kw is None:
            raise invalid(
                "reactive_demand_rate",
                "reactive_rate_required",
                "{path} (VR_DRE, azul fora de ponta demand tariff, R$/kW) is required: the "
                "unit has reactive excess demand",
                basis=refs[1],
                path="reactive_demand_rate",
            )
        basis = (*refs, *extra, *adjust)
        lines.append(
            _line(
                "reactive_demand",
                post,
                over,
                "kW",
                demand_rate_kw,
                basis=basis,
                label=label,
                charged=not adjustment_period,
            )
        )
    return tuple(lines)


def contracted_map(value: object, *, per_post: bool) -> PostMap:
    """Contracted demand per post (azul) or single (verde), at least 30 kW in one (art. 148)."""
    demand = to_post_map(value, "contracted_demand")
    if per_post and None in demand:
        raise invalid(
            "contracted_demand",
            "contracted_per_post",
            "{path} must be given per post for the azul modality",
            path="contracted_demand",
        )
    if not per_post and set(demand) - {None}:
        raise invalid(
            "contracted_demand",
            "contracted_single",
            "{path} must be one value (no post) for this modality",
            path="contracted_demand",
        )
    # art. 148, III: at least 30 kW in at least one post
    if demand and max(demand.values()) < MIN_CONTRACTED_DEMAND_KW:
        raise invalid(
            "contracted_demand",
            "below_minimum",
            "{path} must be at least {minimum} kW in at least one post, got {value}",
            basis=ren1000(148, item="III"),
            path="contracted_demand",
            minimum=str(MIN_CONTRACTED_DEMAND_KW),
            value=", ".join(str(v) for v in demand.values()),
        )
    return demand
