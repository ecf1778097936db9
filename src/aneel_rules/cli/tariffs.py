"""Sub-commands of ``aneel-rules`` for the tariffs rules: ``calendar``, ``post``, ``modality``."""

from __future__ import annotations

import argparse
import calendar as _calendar
from datetime import date, datetime
from decimal import Decimal
from typing import Final

from aneel_rules._extras import require
from aneel_rules._format import format_date, format_decimal, format_time
from aneel_rules._tariffs.calendar import PEAK_EXEMPT_HOLIDAYS, peak_exempt_days
from aneel_rules._tariffs.common import DOMAIN
from aneel_rules._tariffs.modalities import TariffModality, modality_options
from aneel_rules._tariffs.posts import (
    AMAZONAS_ENERGIA,
    TariffPost,
    explain_tariff_post,
    post_schedule,
)
from aneel_rules._tariffs.units import ConsumerClass, ConsumerUnit
from aneel_rules.cli.common import (
    ArgTypeError,
    ArgumentParser,
    Console,
    add_command,
    date_arg,
)
from aneel_rules.cli.numbers import decimal_arg
from aneel_rules.errors import RegulatoryGapError
from aneel_rules.legal import Basis, cite

__all__ = ("TEXTS", "register")

_DOMAIN: Final = DOMAIN
_DEFAULT_DISTRIBUTOR: Final = AMAZONAS_ENERGIA.name

_DISTRIBUTOR_HELP: Final = "distributor whose tariff posts apply (default: amazonas-energia)"
_FLAGS: Final = (
    ("underground", "served from an underground system (subgroup AS)"),
    ("low-income", "residential subclass baixa renda (art. 176)"),
    ("social-discount", "residential subclass desconto social (art. 176, VII)"),
    ("prepaid", "billed by pré-pagamento (art. 215)"),
    ("rural-cooperative", "rural subclass cooperativa de eletrificação rural (art. 184, IV)"),
    ("group-b-option", "group-A unit billed at group-B tariffs (art. 292)"),
    ("tourism-lodging", "hotel or pousada in an official tourism area (art. 292, III)"),
    ("sports-lighting", "sports or exhibition floodlights of 2/3 of the load (art. 292, IV)"),
    ("isolated-system", "not served by the SIN (REN 414/2010 only)"),
    ("new-connection", "a new connection (tarifa branca rules for new connections)"),
)
_BAD_YEAR: Final = "invalid year {value}"
_BAD_DATETIME: Final = "invalid date-time {value} (use YYYY-MM-DDTHH:MM)"
_BAD_MODALITY: Final = "unknown modality {value} (use branca, verde or azul)"
_BAD_CLASS: Final = (
    "unknown class {value} (use residential, industrial, commercial, rural, public-power, "
    "public-lighting, public-service or own-consumption)"
)
TEXTS: Final = (
    _BAD_YEAR,
    _BAD_DATETIME,
    _BAD_MODALITY,
    _BAD_CLASS,
    "Weekdays without ponta in {year} ({distributor}: ponta {start}–{end}, {tz})",
    "Days with ponta per month:",
    "Total: {count}",
    "{when} ({tz}), {modality}: {post}",
    "Legal basis: {basis}",
    "undefined (gap in the norm)",
    "Unit: {voltage} kV, class {cls}, group {group}, subgroup {subgroup}",
    "Contracted demand: {demand} kW",
    "Modalities allowed on {on} ({norm}): {allowed}",
    "Default: none (the consumer chooses)",
    "Default: {modality}",
)
"""Every text these commands print (English msgids of the ``tariffs`` catalog)."""

_MODALITY_ALIASES: Final = {
    "branca": TariffModality.WHITE,
    "white": TariffModality.WHITE,
    "verde": TariffModality.GREEN,
    "green": TariffModality.GREEN,
    "azul": TariffModality.BLUE,
    "blue": TariffModality.BLUE,
    "convencional": TariffModality.CONVENTIONAL_MONOMIAL,
    "conventional": TariffModality.CONVENTIONAL_MONOMIAL,
    **{m.value: m for m in TariffModality},
    **{m.name.lower(): m for m in TariffModality},
}
_MODALITY_EN: Final = {
    TariffModality.CONVENTIONAL_MONOMIAL: "conventional (monomial)",
    TariffModality.CONVENTIONAL_BINOMIAL: "conventional (binomial)",
    TariffModality.WHITE: "white",
    TariffModality.GREEN: "green",
    TariffModality.BLUE: "blue",
}
_CLASS_EN: Final = {
    ConsumerClass.RESIDENTIAL: "residential",
    ConsumerClass.INDUSTRIAL: "industrial",
    ConsumerClass.COMMERCIAL: "commercial, services and other activities",
    ConsumerClass.RURAL: "rural",
    ConsumerClass.PUBLIC_POWER: "public authorities",
    ConsumerClass.PUBLIC_LIGHTING: "public lighting",
    ConsumerClass.PUBLIC_SERVICE: "public service",
    ConsumerClass.OWN_CONSUMPTION: "own consumption",
}
_POST_EN: Final = {
    TariffPost.PEAK: "peak",
    TariffPost.INTERMEDIATE: "intermediate",
    TariffPost.OFF_PEAK: "off-peak",
}
_CLASS_ALIASES: Final = {
    "comercial": ConsumerClass.COMMERCIAL,
    "poder-publico": ConsumerClass.PUBLIC_POWER,
    "poder-público": ConsumerClass.PUBLIC_POWER,
    "iluminacao-publica": ConsumerClass.PUBLIC_LIGHTING,
    "iluminação-pública": ConsumerClass.PUBLIC_LIGHTING,
    "servico-publico": ConsumerClass.PUBLIC_SERVICE,
    "serviço-público": ConsumerClass.PUBLIC_SERVICE,
    "consumo-proprio": ConsumerClass.OWN_CONSUMPTION,
    "consumo-próprio": ConsumerClass.OWN_CONSUMPTION,
    **{c.value: c for c in ConsumerClass},
    **{c.name.lower(): c for c in ConsumerClass},
    **{c.name.lower().replace("_", "-"): c for c in ConsumerClass},
}


def _year(text: str) -> int:
    # a year is written without separators, sign or spaces, in either language
    if not (text.isascii() and text.isdigit()):
        raise ArgTypeError(_BAD_YEAR, domain=_DOMAIN, value=repr(text))
    return int(text)


def _datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ArgTypeError(_BAD_DATETIME, domain=_DOMAIN, value=repr(text)) from None


def _modality(text: str) -> TariffModality:
    try:
        return _MODALITY_ALIASES[text.strip().lower()]
    except KeyError:
        raise ArgTypeError(_BAD_MODALITY, domain=_DOMAIN, value=repr(text)) from None


def _consumer_class(text: str) -> ConsumerClass:
    try:
        return _CLASS_ALIASES[text.strip().lower()]
    except KeyError:
        raise ArgTypeError(_BAD_CLASS, domain=_DOMAIN, value=repr(text)) from None


def _class_label(consumer_class: ConsumerClass, lang: str) -> str:
    return _CLASS_EN[consumer_class] if lang == "en" else consumer_class.value


def _modality_label(modality: TariffModality, lang: str) -> str:
    return _MODALITY_EN[modality] if lang == "en" else modality.value


def _day(day: date, lang: str) -> str:
    return format_date(day, lang, style="medium" if lang == "en" else "short")


def _bases(bases: tuple[Basis, ...]) -> str:
    return "; ".join(str(b) for b in bases)


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add the ``calendar``, ``post`` and ``modality`` sub-commands."""
    parser = add_command(
        subparsers,
        "calendar",
        handler=_run_calendar,
    )
    parser.add_argument("year", type=_year, help="year, e.g. 2026")
    parser.add_argument("--distributor", default=_DEFAULT_DISTRIBUTOR, help=_DISTRIBUTOR_HELP)
    parser.add_argument(
        "--plot",
        metavar="OUT.png",
        default=None,
        help="PNG file to draw the year's calendar in (needs the extra plot)",
    )

    parser = add_command(
        subparsers,
        "post",
        handler=_run_post,
    )
    parser.add_argument(
        "at", type=_datetime, metavar="YYYY-MM-DDTHH:MM", help="local time of the distributor"
    )
    parser.add_argument("--distributor", default=_DEFAULT_DISTRIBUTOR, help=_DISTRIBUTOR_HELP)
    parser.add_argument(
        "--modality",
        type=_modality,
        default=TariffModality.WHITE,
        help="branca (default), verde or azul",
    )

    parser = add_command(
        subparsers,
        "modality",
        handler=_run_modality,
    )
    parser.add_argument(
        "--voltage-kv", type=decimal_arg, required=True, help="connection voltage in kV"
    )
    parser.add_argument(
        "--class",
        dest="consumer_class",
        type=_consumer_class,
        required=True,
        help="consumer class, e.g. residencial, industrial, comercial, rural",
    )
    parser.add_argument(
        "--demand-kw", type=decimal_arg, default=None, help="contracted demand in kW"
    )
    parser.add_argument(
        "--transformer-kva",
        type=decimal_arg,
        default=None,
        help="sum of the unit's transformer powers in kVA (art. 292)",
    )
    parser.add_argument("--on", type=date_arg, required=True, help="date asked (YYYY-MM-DD)")
    parser.add_argument(
        "--average-consumption-kwh",
        type=decimal_arg,
        default=None,
        help="average monthly consumption in kWh",
    )
    for flag, help_text in _FLAGS:
        parser.add_argument(f"--{flag}", action="store_true", help=help_text)


def _run_calendar(args: argparse.Namespace, console: Console) -> int:
    if args.plot is not None:
        # before anything is computed or printed: without matplotlib only the error is shown
        require("plot", feature="aneel_rules.plot")
    schedule = post_schedule(args.distributor)
    year: int = args.year
    days = peak_exempt_days(year)
    lang = console.lang
    console.line(
        console.t(
            "Weekdays without ponta in {year} ({distributor}: ponta {start}–{end}, {tz})",
            domain=_DOMAIN,
            year=str(year),
            distributor=schedule.name,
            start=format_time(schedule.peak_start, lang),
            end=format_time(schedule.peak_end, lang),
            tz=schedule.timezone,
        )
    )
    for day, exempt in days.items():
        if exempt.weekend:
            continue
        name = exempt.name_en if lang == "en" else exempt.name
        console.line(
            f"  {_day(day, lang)} ({format_date(day, lang, style='EEEE')}): {name} — "
            f"{cite(exempt.basis)}"
        )
    console.line(console.t("Days with ponta per month:", domain=_DOMAIN))
    # the list applies from REN 414/2010's first day: earlier days are neither counted nor listed
    first = max(date(year, 1, 1), PEAK_EXEMPT_HOLIDAYS.starts_on)
    total = 0
    for month in range(first.month, 13):
        length = _calendar.monthrange(year, month)[1]
        start = first.day if month == first.month else 1
        count = length - start + 1 - sum(1 for d in days if d.month == month)
        total += count
        month_name = format_date(date(year, month, 1), lang, style="LLLL")
        console.line(f"  {month_name}: {count}")
    console.line(console.t("Total: {count}", domain=_DOMAIN, count=str(total)))
    if args.plot is not None:
        from aneel_rules import plot  # noqa: PLC0415 (matplotlib only when asked)

        written = plot.save_png(plot.peak_calendar_figure(year, lang=lang), args.plot)
        console.line(plot.written_message(written, lang=lang))
    return 0


def _run_post(args: argparse.Namespace, console: Console) -> int:
    schedule = post_schedule(args.distributor)
    at: datetime = args.at
    modality: TariffModality = args.modality
    result = explain_tariff_post(at, schedule, modality=modality)
    local = at if at.tzinfo is None else at.astimezone(schedule.tzinfo)
    lang = console.lang
    post = _POST_EN[result.value] if lang == "en" else result.value.value
    console.line(
        console.t(
            "{when} ({tz}), {modality}: {post}",
            domain=_DOMAIN,
            when=f"{_day(local.date(), lang)} {format_time(local.time(), lang)}",
            tz=schedule.timezone,
            modality=_modality_label(modality, lang),
            post=post,
        )
    )
    console.line(console.t("Legal basis: {basis}", domain=_DOMAIN, basis=_bases(result.basis)))
    return 0


def _run_modality(args: argparse.Namespace, console: Console) -> int:
    unit = ConsumerUnit(
        connection_voltage_kv=args.voltage_kv,
        consumer_class=args.consumer_class,
        underground=args.underground,
        low_income=args.low_income,
        social_discount=args.social_discount,
        prepaid=args.prepaid,
        rural_cooperative=args.rural_cooperative,
        contracted_demand_kw=args.demand_kw,
        group_b_option=args.group_b_option,
        isolated_system=args.isolated_system,
        transformer_kva=args.transformer_kva,
        tourism_lodging=args.tourism_lodging,
        sports_lighting=args.sports_lighting,
    )
    on: date = args.on
    options = modality_options(
        unit,
        on=on,
        average_consumption_kwh=args.average_consumption_kwh,
        new_connection=args.new_connection,
    )
    lang = console.lang
    try:
        subgroup = unit.subgroup.value
    except RegulatoryGapError:
        subgroup = console.t("undefined (gap in the norm)", domain=_DOMAIN)
    demand = unit.contracted_demand_kw
    console.line(
        console.t(
            "Unit: {voltage} kV, class {cls}, group {group}, subgroup {subgroup}",
            domain=_DOMAIN,
            voltage=format_decimal(unit.connection_voltage_kv, lang),
            cls=_class_label(unit.consumer_class, lang),
            group=unit.group.value,
            subgroup=subgroup,
        )
    )
    if demand is not None:
        console.line(
            console.t(
                "Contracted demand: {demand} kW",
                domain=_DOMAIN,
                demand=format_decimal(Decimal(demand), lang),
            )
        )
    allowed = ", ".join(
        _modality_label(m, lang)
        for m in sorted(options.allowed, key=lambda m: list(TariffModality).index(m))
    )
    console.line(
        console.t(
            "Modalities allowed on {on} ({norm}): {allowed}",
            domain=_DOMAIN,
            on=_day(on, lang),
            norm=options.norm.value,
            allowed=allowed,
        )
    )
    if options.default is None:
        console.line(console.t("Default: none (the consumer chooses)", domain=_DOMAIN))
    else:
        console.line(
            console.t(
                "Default: {modality}",
                domain=_DOMAIN,
                modality=_modality_label(options.default, lang),
            )
        )
    console.line(console.t("Legal basis: {basis}", domain=_DOMAIN, basis=_bases(options.basis)))
    return 0
