"""Flag, discount, tax and caller-given lines of a bill, each with its legal basis.

Flags on a REN 414/2010 bill follow REN 547/2013, art. 3º in the wording of REN 626/2014 (DOU of
6 Oct 2014), quoted from the amending act's text (legisweb.com.br/legislacao/?id=275503, which
reproduces the act; a press report, panorama-brasil.com/?p=572, gives the same caput words):
"Art. 3º O faturamento referente a aplicação das bandeiras tarifárias deve ser efetuado sobre o
consumo medido, aplicando-se uma tarifa calculada de forma proporcional aos dias de vigência
de cada bandeira tarifária, observando-se os arts. 92 e 98 da Resolução Normativa nº 414, de
2010, e o desconto tarifário que o consumidor tiver direito. Parágrafo único. No caso de
unidade consumidora com medição apropriada, o faturamento deve ser efetuado aplicando-se a
tarifa correspondente sobre o consumo de energia elétrica medido nos dias de vigência de cada
bandeira tarifária." It is word for word the rule REN 1.000, art. 307, caput and § 1º carry on,
so the same computation serves both, on the billed consumption (art. 98, availability charge,
as under art. 307); "o desconto tarifário que o consumidor tiver direito" brings every tariff
discount (tarifa social, irrigation) to the add-on. The original art. 3º of REN 547/2013 was
not found: a flag charged on days before 6 Oct 2014 is refused, and so are flags in a Sistema
Isolado and on SCEE-compensated energy (no REN 414-era text found). From 6 Oct 2014 a REN 414
bill given no flag is refused (``missing_flag``, citing that art. 3º), as a REN 1.000 bill is:
it is never billed as if no flag had been in force.

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from aneel_rules._billing.money import CTX
from aneel_rules._convert import to_decimal
from aneel_rules._invoice.bill import BillLine, exact_sum
from aneel_rules._invoice.bill import priced_line as _line
from aneel_rules._invoice.flags import FlagMonth, TariffFlag, flag_shares
from aneel_rules._invoice.measurements import Measurements
from aneel_rules._invoice.messages import UNVERIFIED_REN414, invalid, unsupported
from aneel_rules._invoice.options import _ZERO, BillOptions
from aneel_rules._invoice.rates import TariffRates
from aneel_rules._invoice.social import (
    SOCIAL_DISCOUNT_LIMIT,
    SOCIAL_TARIFF_TIERS,
    SOCIAL_TARIFF_TIERS_INDIGENOUS,
    tier_slices,
)
from aneel_rules._invoice.taxes import tax_amounts
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules._tariffs.units import ConsumerUnit, Group
from aneel_rules.errors import NotInForceError
from aneel_rules.legal import Basis, LegalRef, Norm, in_force_from, ren414, ren1000

__all__ = ()

_THOUSAND: Final = Decimal(1000)
_REN626_SINCE: Final = in_force_from(Norm.REN_626_2014)
_FLAGS_414: Final = LegalRef(norm=Norm.REN_547_2013, article=3, amended_by=Norm.REN_626_2014)
_FLAGS_414_DAYS: Final = LegalRef(
    norm=Norm.REN_547_2013, article=3, paragraph="único", amended_by=Norm.REN_626_2014
)


def _check_flags_414(unit: ConsumerUnit, first_day: date, compensated: Decimal, end: date) -> None:
    """Refuse the REN 414/2010 flag cases no source quotes (see the module docstring)."""
    if first_day < _REN626_SINCE:
        raise unsupported(
            "tariff flags charged before {since} on a REN 414/2010 bill are not modelled: the "
            "original wording of REN 547/2013, art. 3º is not quoted in any source found",
            on=end,
            code=UNVERIFIED_REN414,
            basis=_FLAGS_414,
            since=_REN626_SINCE.isoformat(),
        )
    if unit.isolated_system or compensated:
        raise unsupported(
            "tariff flags on a REN 414/2010 bill of a Sistema Isolado unit or on SCEE-compensated "
            "energy are not modelled: no text of that time is quoted in any source found",
            on=end,
            code=UNVERIFIED_REN414,
            basis=_FLAGS_414,
        )


def _flag_lines(
    unit: ConsumerUnit,
    m: Measurements,
    *,
    billed_kwh: Decimal,
    flags: Sequence[FlagMonth],
    opts: BillOptions,
    start: date,
    end: date,
    norm: Norm,
) -> list[BillLine]:
    regime414 = norm is Norm.REN_414_2010
    # art. 307, § 3º: no flags in Sistemas Isolados
    if unit.isolated_system and not regime414:
        return []
    # REN 414/2010: flags are billed in the wording REN 626/2014 gave REN 547/2013, art. 3º
    # (from its DOU, 6 Oct 2014); from then on a missing flag month is refused, as under
    # REN 1.000 (flag_shares: missing_flag), never billed as no flag. Before it, and in a
    # Sistema Isolado, nothing is billed when no flag is given (see the module docstring).
    if regime414 and not flags:
        if end < _REN626_SINCE or unit.isolated_system:
            return []
        first = max(start + timedelta(days=1), _REN626_SINCE)
        raise invalid(
            "flags",
            "missing_flag",
            "no tariff flag given for {month}",
            basis=_FLAGS_414,
            month=first.isoformat()[:7],
        )
    shares = flag_shares(flags, start=start, end=end)
    charged = [(f, days) for f, days in shares if f.flag is not TariffFlag.GREEN and f.add_on_mwh]
    if not charged:
        return []
    compensated = to_decimal(opts.scee_compensated_kwh, path="scee_compensated_kwh")
    if regime414:
        _check_flags_414(unit, min(min(days) for _, days in charged), compensated, end)
    # art. 307, § 2º: no flag on SCEE-compensated energy
    base = max(_ZERO, CTX.subtract(billed_kwh, compensated))
    total_days = (end - start).days
    by_day = m.energy_by_day
    appropriate = (
        bool(by_day)
        and all(day in by_day for _, days in shares for day in days)
        and not compensated
    )
    lines = []
    for flag_month, days in charged:
        if appropriate:
            # art. 307, § 1º (REN 547/2013, art. 3º, p.ú.): each flag on its own days' energy
            kwh = exact_sum(by_day[d] for d in days)
            basis: tuple[Basis, ...] = (
                (_FLAGS_414_DAYS,) if regime414 else (ren1000(307, paragraph=1), ren1000(309))
            )
        else:
            # art. 307, caput (REN 547/2013, art. 3º): a tariff proportional to each flag's days
            kwh = CTX.divide(CTX.multiply(base, len(days)), total_days)
            basis = (_FLAGS_414,) if regime414 else (ren1000(307), ren1000(309))
        if compensated:
            basis = (*basis, ren1000(307, paragraph=2, amended_by=Norm.REN_1059_2023))
        rate = CTX.divide(flag_month.add_on_mwh, _THOUSAND)
        label = f"{flag_month.flag.value} {flag_month.month.isoformat()[:7]}"
        lines.append(_line("flag", None, kwh, "kWh", rate, basis, label=label))
    return lines


def _average_flag_rate(flag_lines: Sequence[BillLine]) -> Decimal:
    kwh = exact_sum(line.quantity for line in flag_lines)
    amount = exact_sum(line.amount for line in flag_lines)
    return CTX.divide(amount, kwh) if kwh else _ZERO


def _benefits(
    unit: ConsumerUnit,
    m: Measurements,
    *,
    rates: TariffRates,
    billed_kwh: Decimal,
    flag_lines: Sequence[BillLine],
    opts: BillOptions,
    end: date,
    norm: Norm,
) -> list[BillLine]:
    lines: list[BillLine] = []
    flag_rate = _average_flag_rate(flag_lines)
    regime414 = norm is Norm.REN_414_2010
    if unit.low_income:
        if regime414 and opts.families != 1:
            raise unsupported(
                "the tarifa social of a multi-family dwelling on a REN 414/2010 bill is not "
                "modelled: the counterpart of REN 1.000/2021, art. 179, § 3º is not quoted in "
                "any source found",
                on=end,
                code=UNVERIFIED_REN414,
            )
        table = (
            SOCIAL_TARIFF_TIERS_INDIGENOUS if opts.indigenous_or_quilombola else SOCIAL_TARIFF_TIERS
        )
        tiers = table.value_on(end)
        refs = table.period_on(end).basis
        # REN 414/2010, art. 98, § 2º; REN 1.000/2021, art. 290, § 3º: also on the availability
        # charge. REN 547/2013, art. 3º (REN 626/2014); art. 309, p.ú., I: also on the flag.
        on_energy = ren414(98, paragraph=2) if regime414 else ren1000(290, paragraph=3)
        on_flag = _FLAGS_414 if regime414 else ren1000(309, paragraph="único", item="I")
        energy_rate = rates.energy_kwh(None)
        for kwh, reduction in tier_slices(billed_kwh, tiers, families=opts.families):
            if not reduction:
                continue
            lines.append(
                _line(
                    "social_discount",
                    None,
                    kwh,
                    "kWh",
                    -CTX.multiply(energy_rate, reduction),
                    (*refs, on_energy),
                    label=f"{reduction * 100:.0f}%",
                )
            )
            if flag_rate:
                # art. 309, parágrafo único, I: the tarifa social reaches the flag add-on
                lines.append(
                    _line(
                        "social_discount",
                        None,
                        kwh,
                        "kWh",
                        -CTX.multiply(flag_rate, reduction),
                        (*refs, on_flag),
                        label=f"{reduction * 100:.0f}% bandeira",
                    )
                )
    if unit.social_discount:
        lines.extend(_social_discount(rates, billed_kwh, opts, end))
    if opts.irrigation_region is not None and m.irrigation_kwh:
        from aneel_rules._tariffs.irrigation import irrigation_discount  # noqa: PLC0415 (rare)

        group = Group.B if unit.group is Group.B or unit.group_b_option else Group.A
        fraction = irrigation_discount(opts.irrigation_region, group, on=end)
        post = None if None in rates.te_mwh else TariffPost.OFF_PEAK
        kwh = m.irrigation_kwh
        ref = ren414(109) if norm is Norm.REN_414_2010 else ren1000(186)
        lines.append(
            _line(
                "irrigation_discount",
                post,
                kwh,
                "kWh",
                -CTX.multiply(rates.energy_kwh(post), fraction),
                (ref,),
            )
        )
        if flag_rate:
            # art. 309, parágrafo único, II (REN 547/2013, art. 3º, "o desconto tarifário que o
            # consumidor tiver direito"): the irrigation discount reaches the flag add-on
            on_flag_irrigation = (
                _FLAGS_414 if regime414 else ren1000(309, paragraph="único", item="II")
            )
            lines.append(
                _line(
                    "irrigation_discount",
                    None,
                    kwh,
                    "kWh",
                    -CTX.multiply(flag_rate, fraction),
                    (ref, on_flag_irrigation),
                    label="bandeira",
                )
            )
    return lines


def _social_discount(
    rates: TariffRates, billed_kwh: Decimal, opts: BillOptions, end: date
) -> list[BillLine]:
    try:
        limit = SOCIAL_DISCOUNT_LIMIT.value_on(end)
    except NotInForceError:
        raise unsupported(
            "the desconto social applies from {since}; the bill ends on {on}",
            on=end,
            since=SOCIAL_DISCOUNT_LIMIT.periods[0].since.isoformat(),
        ) from None
    if opts.social_rates is None:
        raise invalid(
            "social_rates",
            "social_rates_required",
            "{path} (B1 desconto social rates) are required for a desconto social unit",
            basis=SOCIAL_DISCOUNT_LIMIT.period_on(end).basis[0],
            path="social_rates",
        )
    # art. 179, § 4º: up to 120 kWh at the B1 desconto social tariff, the rest at B1 residencial
    kwh = min(billed_kwh, limit)
    difference = CTX.subtract(rates.energy_kwh(None), opts.social_rates.energy_kwh(None))
    return [
        _line(
            "social_discount",
            None,
            kwh,
            "kWh",
            -difference,
            SOCIAL_DISCOUNT_LIMIT.period_on(end).basis,
            label="desconto social",
        )
    ]


def _taxes(lines: Sequence[BillLine], opts: BillOptions) -> list[BillLine]:
    if opts.taxes is None:
        return []
    base = exact_sum(
        [line.amount for line in lines] + [x.amount for x in opts.extra_lines if x.code == "other"]
    )
    amounts = tax_amounts(base, opts.taxes, opts.gross_up)
    basis = (ren1000(327, item="IX"),)
    label = opts.gross_up.value
    taxes = opts.taxes
    return [
        BillLine(
            code=code,
            post=None,
            quantity=base,
            unit="R$",
            rate=rate,
            amount=amount,
            basis=basis,
            label=label,
        )
        for code, rate, amount in (
            ("pis_pasep", taxes.pis, amounts.pis),
            ("cofins", taxes.cofins, amounts.cofins),
            ("icms", taxes.icms, amounts.icms),
        )
    ]
