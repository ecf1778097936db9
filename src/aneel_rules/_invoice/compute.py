"""Compute every line of a bill (cálculo da fatura), each with its legal basis.

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from aneel_rules._billing.money import CTX
from aneel_rules._billing.supply import SupplyType
from aneel_rules._convert import masked, plain_date
from aneel_rules._invoice.bill import Bill, BillLine, exact_sum
from aneel_rules._invoice.bill import priced_line as _line
from aneel_rules._invoice.charges import _benefits, _flag_lines, _taxes
from aneel_rules._invoice.demand import (
    OVERRUN_TOLERANCES,
    DemandContext,
    check_complementary,
    contracted_map,
    demand_lines,
    losses_factor,
    reactive_lines,
)
from aneel_rules._invoice.flags import FlagMonth
from aneel_rules._invoice.measurements import Measurements, PostMap, to_post_map
from aneel_rules._invoice.messages import UNVERIFIED_REN414, invalid, unsupported
from aneel_rules._invoice.options import _ZERO, BillOptions
from aneel_rules._invoice.rates import TariffRates, prorate_rates
from aneel_rules._tariffs.modality_types import TariffModality
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules._tariffs.units import ConsumerClass, ConsumerUnit, Group, check_unit
from aneel_rules.legal import Basis, Norm, norm_in_force, ren414, ren1000

if TYPE_CHECKING:  # the availability rule is imported where a group B bill needs it
    from aneel_rules._billing.availability import AvailabilityCharge

__all__ = ("compute_bill",)

_GROUP_A_MODALITIES: Final = frozenset(
    {TariffModality.BLUE, TariffModality.GREEN, TariffModality.CONVENTIONAL_BINOMIAL}
)
_GROUP_B_MODALITIES: Final = frozenset({TariffModality.CONVENTIONAL_MONOMIAL, TariffModality.WHITE})


def _period(period: object) -> tuple[date, date]:
    if isinstance(period, tuple) and len(period) == 2:
        start, end = (plain_date(d, path=f"period.{i}") for i, d in enumerate(period))
        if start < end:
            return start, end
    raise invalid(
        "period",
        "bad_period",
        "{path} must be (previous reading date, current reading date), got {value}",
        path="period",
        value=masked(period),
    )


def _rates(rates: object, start: date, end: date) -> tuple[TariffRates, tuple[Basis, ...]]:
    if isinstance(rates, TariffRates):
        return rates, ()
    if isinstance(rates, Sequence) and rates and all(isinstance(r, TariffRates) for r in rates):
        return prorate_rates(rates, start=start, end=end)
    raise invalid(
        "rates",
        "not_rates",
        "{path} must be TariffRates or a sequence of them, got {value}",
        path="rates",
        value=masked(rates),
    )


def _energy_lines(energy: PostMap, rates: TariffRates, basis: tuple[Basis, ...]) -> list[BillLine]:
    lines: list[BillLine] = []
    for post, kwh in sorted(energy.items(), key=lambda item: _order(item[0])):
        if post not in rates.te_mwh and post not in rates.tusd_mwh:
            raise invalid(
                "rates",
                "missing_energy_tariff",
                "no energy tariff for post {value}",
                value="único" if post is None else post.value,
            )
        lines.append(_line("energy_te", post, kwh, "kWh", rates.te_kwh(post), basis))
        lines.append(_line("energy_tusd", post, kwh, "kWh", rates.tusd_kwh(post), basis))
    return lines


def _order(post: TariffPost | None) -> int:
    return {None: 0, TariffPost.PEAK: 1, TariffPost.INTERMEDIATE: 2, TariffPost.OFF_PEAK: 3}[post]


def _scaled(values: PostMap, factor: Decimal | None) -> PostMap:
    if factor is None:
        return values
    return {post: CTX.multiply(v, factor) for post, v in values.items()}


def compute_bill(
    unit: ConsumerUnit,
    measurements: Measurements,
    rates: TariffRates | Sequence[TariffRates],
    *,
    period: tuple[date, date],
    contracted_demand: Decimal | int | str | Mapping[TariffPost, Decimal | int | str] | None = None,
    flags: Sequence[FlagMonth] = (),
    options: BillOptions | None = None,
) -> Bill:
    """Every line of the bill of one reading period, each with its legal basis.

    Args:
        unit: The consumer unit (group, subclasses, voltage, isolated system…).
        measurements: What was measured (see :func:`measurements_from_profile`).
        rates: Tariffs before taxes; several sets give the proportional tariff of art. 173,
            § 2º over the period.
        period: ``(previous reading, current reading)``; the regime is that of the current
            reading date.
        contracted_demand: Group A contracted demand: per post (azul) or one value (verde).
        flags: Flag of each month of the period, under both regimes (REN 1.000/2021, arts.
            307–308; REN 414/2010 bills: REN 547/2013, art. 3º in the wording of REN 626/2014,
            from its DOU of 6 Oct 2014); not needed in Sistemas Isolados nor for a REN 414
            period ending before 6 Oct 2014.
        options: The less common facts (:class:`BillOptions`).

    Returns:
        The :class:`Bill`: energy TE/TUSD per post, demand, ultrapassagem, complementary
        demand, reactive excess, availability charge, flags pro rata, tariff benefits, taxes
        and caller-given lines; ``total`` exact, ``invoice_total`` rounded once.

    Raises:
        InvalidInputError: inconsistent facts (rates of another group, a missing tariff, a
            missing flag month (code ``missing_flag``), contracted demand below 30 kW…).
        UnsupportedCaseError: a REN 414/2010 case whose text no source quotes (code
            ``unverified_ren414``): an ultrapassagem above the tolerance (equation of art. 93),
            reactive excess before REN 418/2010 (23 Nov 2010) or in the adjustment period,
            test period, losses adder, complementary demand, a
            tariff change inside the cycle, flags before REN 626/2014 or in a Sistema Isolado
            or on SCEE-compensated energy, the tarifa social of a multi-family dwelling, and an
            indígena/quilombola three-phase unit consuming 50 to 99 kWh (two readings of
            art. 98, § 3º).

    Legal basis:
        - REN 1.000/2021, arts. 148, 173, 179, 186, 290–294, 300–316, 327, 657.
        - REN 414/2010, arts. 88, 93, 95, 96, 98 and 213 (arts. 95–96 in the wording of
          REN 418/2010, quoted in ``_invoice/demand.py``);
          Lei 12.212/2010, arts. 1º and 2º, § 4º (tarifa social); REN 547/2013, art. 3º in the
          wording of REN 626/2014 (flags).
    """
    check_unit(unit, invalid=invalid)
    if not isinstance(measurements, Measurements):
        raise invalid(
            "measurements",
            "not_measurements",
            "{path} must be Measurements, got {value}",
            path="measurements",
            value=masked(measurements),
        )
    opts = BillOptions() if options is None else options
    start, end = _period(period)
    norm = norm_in_force(end)
    applied, prorate_basis = _rates(rates, start, end)
    group_b_billing = unit.group is Group.B or unit.group_b_option
    allowed = _GROUP_B_MODALITIES if group_b_billing else _GROUP_A_MODALITIES
    if applied.modality not in allowed:
        raise invalid(
            "rates",
            "modality_not_for_group",
            "the {value} modality does not apply to this unit's billing group",
            value=applied.modality.value,
        )
    factor_basis = None
    if opts.secondary_metering and not group_b_billing:
        if norm is Norm.REN_414_2010:
            raise unsupported(
                "the losses adder under REN 414/2010 is not modelled: its article (the "
                "counterpart of REN 1.000/2021, art. 305) is not quoted in any source found",
                on=end,
                code=UNVERIFIED_REN414,
            )
        factor_basis = losses_factor(unit.connection_voltage_kv)
    factor = None if factor_basis is None else factor_basis[0]
    energy = _scaled(measurements.energy_kwh, factor)
    lines: list[BillLine] = []
    if group_b_billing:
        billed_kwh, b_lines, tiered_kwh = _group_b(
            unit, rates=applied, energy=energy, opts=opts, end=end, norm=norm
        )
        lines.extend(b_lines)
    else:
        basis: tuple[Basis, ...] = (ren414(93),) if norm is Norm.REN_414_2010 else (ren1000(293),)
        if factor_basis is not None:
            basis = (*basis, factor_basis[1])
        lines.extend(_energy_lines(energy, applied, basis + prorate_basis))
        lines.extend(
            _group_a(
                unit,
                measurements,
                rates=applied,
                contracted=contracted_demand,
                opts=opts,
                end=end,
                norm=norm,
                losses=factor_basis,
            )
        )
        billed_kwh = exact_sum(energy.values())
        tiered_kwh = billed_kwh
    if (
        measurements.has_reactive
        and group_b_billing
        and (unit.group is Group.A or norm is Norm.REN_414_2010)
    ):
        # REN 1.000/2021, art. 304: reactive excess also for group A units billed as group B
        # (energy part; group B has no reference power factor, art. 303); REN 414/2010, arts.
        # 95–96 (REN 418/2010): "para as unidades consumidoras dos grupos A e B", charged to a
        # unit "que possua equipamento de medição apropriado" (energy part: no billable demand)
        lines.extend(
            reactive_lines(
                norm=norm,
                end=end,
                excess_kwh=measurements.reactive_excess_kwh,
                corrected={},
                billable={},
                energy_rate_mwh=opts.reactive_energy_rate,
                demand_rate_kw=opts.reactive_demand_rate,
                adjustment_period=opts.adjustment_period,
                losses=None,
            )
        )
    flag_lines = _flag_lines(
        unit,
        measurements,
        billed_kwh=billed_kwh,
        flags=flags,
        opts=opts,
        start=start,
        end=end,
        norm=norm,
    )
    lines.extend(flag_lines)
    lines.extend(
        _benefits(
            unit,
            measurements,
            rates=applied,
            billed_kwh=tiered_kwh,
            flag_lines=flag_lines,
            opts=opts,
            end=end,
            norm=norm,
        )
    )
    lines.extend(_taxes(lines, opts))
    lines.extend(opts.extra_lines)  # checked by BillOptions (municipal or other lines)
    bill_basis = (ren1000(327),) if norm is Norm.REN_1000_2021 else (ren414(88),)
    return Bill(start=start, end=end, lines=tuple(lines), basis=bill_basis)


def _group_a(
    unit: ConsumerUnit,
    m: Measurements,
    *,
    rates: TariffRates,
    contracted: object,
    opts: BillOptions,
    end: date,
    norm: Norm,
    losses: tuple[Decimal, Basis] | None,
) -> list[BillLine]:
    per_post = rates.modality is TariffModality.BLUE
    rural = unit.consumer_class is ConsumerClass.RURAL or opts.seasonal
    contract = contracted_map(contracted, per_post=per_post)
    if not contract and not rural:
        raise invalid(
            "contracted_demand",
            "contracted_required",
            "{path} is required for a group A unit (art. 294, II)",
            basis=ren414(93) if norm is Norm.REN_414_2010 else ren1000(294, item="II"),
            path="contracted_demand",
        )
    if opts.overrun_tolerance not in OVERRUN_TOLERANCES:
        raise invalid(
            "overrun_tolerance",
            "bad_tolerance",
            "{path} must be 0.01, 0.05 or 0.10 (art. 301, I–III), got {value}",
            basis=ren1000(301),
            path="overrun_tolerance",
            value=masked(opts.overrun_tolerance),
        )
    factor = None if losses is None else losses[0]
    measured = _scaled(m.demand_kw, factor)
    history = tuple(to_post_map(h, "demand_history") for h in opts.demand_history)
    overrun = (
        rates.demand_kw
        if opts.overrun_rate is None
        else to_post_map(opts.overrun_rate, "overrun_rate")
    )
    ctx = DemandContext(
        norm=norm,
        end=end,
        measured=measured,
        contracted=contract,
        tariffs=rates.demand_kw,
        overrun_reference=overrun,
        rural_or_seasonal=rural,
        history=history,
        tolerance=opts.overrun_tolerance,
        test_period=opts.test_period,
        complementary_history=check_complementary(opts.complementary_history),
        losses=losses,
    )
    lines = list(demand_lines(ctx))
    billable = {line.post: line.quantity for line in lines if line.code == "demand"}
    if m.has_reactive:
        lines.extend(
            reactive_lines(
                norm=norm,
                end=end,
                excess_kwh=m.reactive_excess_kwh,
                corrected=m.reactive_demand_kw,
                billable=billable,
                energy_rate_mwh=opts.reactive_energy_rate,
                demand_rate_kw=opts.reactive_demand_rate,
                adjustment_period=opts.adjustment_period,
                losses=losses,
            )
        )
    return lines


def _group_b(
    unit: ConsumerUnit,
    *,
    rates: TariffRates,
    energy: PostMap,
    opts: BillOptions,
    end: date,
    norm: Norm,
) -> tuple[Decimal, list[BillLine], Decimal]:
    """``(billed kWh, lines, kWh the tarifa social tiers apply to)``."""
    white = rates.modality is TariffModality.WHITE
    if norm is Norm.REN_1000_2021:
        # art. 290, I (consumption); art. 327, § 2º: tarifa branca itemised per post
        basis: tuple[Basis, ...] = (ren1000(290, item="I"),)
        if white:
            basis = (*basis, ren1000(212), ren1000(327, paragraph=2))
    else:
        basis = (ren414(88),)
    lines = _energy_lines(energy, rates, basis)
    measured = exact_sum(energy.values())
    if opts.supply is None:
        return measured, lines, measured
    # imported here: only a group B unit with a connection type pays it (a bill of group A
    # does not import the rule)
    from aneel_rules._billing.availability import availability_charge  # noqa: PLC0415

    charge = availability_charge(
        opts.supply, on=end, low_income=unit.low_income, measured_kwh=measured
    )
    if norm is Norm.REN_414_2010 and unit.low_income and opts.indigenous_or_quilombola:
        charge = _indigenous_charge_414(opts.supply, end, measured, charge)
    # art. 290 (REN 414/2010, art. 98, § 1º): bill the larger of consumption and the charge
    if charge.applies and measured < charge.kwh:
        conventional = rates
        if white:
            if opts.availability_rates is None:
                raise invalid(
                    "availability_rates",
                    "availability_rates_required",
                    "{path} (convencional rates) are required: the availability charge of a "
                    "tarifa branca unit uses the convencional tariff",
                    basis=ren1000(290, paragraph=4),
                    path="availability_rates",
                )
            conventional = opts.availability_rates
        missing = CTX.subtract(Decimal(charge.kwh), measured)
        rate = conventional.energy_kwh(None)
        extra = (ren1000(290, paragraph=4),) if white else ()
        head = ren414(98, paragraph=1) if norm is Norm.REN_414_2010 else ren1000(290, item="II")
        lines.append(
            _line("availability", None, missing, "kWh", rate, (head, *charge.basis, *extra))
        )
        billed = Decimal(charge.kwh)
        # REN 414/2010, art. 98, § 3º (REN 479/2012): the indígena/quilombola three-phase unit
        # "será cobrado o valor [...] equivalente a 50 kWh": that value is the charge itself
        indigenous = norm is Norm.REN_414_2010 and opts.indigenous_or_quilombola
        return billed, lines, (_ZERO if indigenous and unit.low_income else billed)
    return measured, lines, measured


def _indigenous_charge_414(
    supply: SupplyType, end: date, measured: Decimal, caput: AvailabilityCharge
) -> AvailabilityCharge:
    """Availability charge of an indígena/quilombola baixa renda unit, REN 414/2010, art. 98.

    § 1º applies the charge below the caput's 30/50/100 kWh; § 3º (REN 479/2012, VERIFIED-QUOTE)
    gives "desconto integral" single- and two-phase and charges "o valor em moeda corrente
    equivalente a 50 kWh" three-phase. Read with the 100 % tier of Lei 12.212/2010, art. 2º,
    § 4º up to 50 kWh, every reading gives the same bill except a three-phase unit consuming
    50 to 99 kWh (the 50 kWh value of § 3º, or the consumption with its tiers): refused.
    """
    if measured >= caput.kwh:
        return caput
    from aneel_rules._billing.availability import availability_charge  # noqa: PLC0415

    reduced = availability_charge(supply, on=end, low_income=True, indigenous_or_quilombola=True)
    if reduced.kwh and measured >= reduced.kwh:
        raise unsupported(
            "the availability charge of a three-phase indígena or quilombola unit consuming "
            "{measured} kWh under REN 414/2010 depends on the reading of art. 98, § 3º (the "
            "value of 50 kWh, or the consumption with the tarifa social tiers): not modelled",
            on=end,
            code=UNVERIFIED_REN414,
            basis=ren414(98, paragraph=3, amended_by=Norm.REN_479_2012),
            measured=str(measured),
        )
    return reduced
