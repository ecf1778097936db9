"""Tariff flags (bandeiras tarifárias), REN 1.000/2021, arts. 307–309: data and pro rata.

The caller brings the flag of each month and its add-on (ANEEL's open-data resources
"Bandeira Tarifária – Acionamento" and "– Adicional", read by :func:`flags_from_aneel_csv`);
:func:`flag_shares` splits a reading period by the days of each month's flag (art. 307, caput).

Sources:
    - https://dadosabertos.aneel.gov.br (resources ``0591b8f6-fe54-437b-b72b-1aa2efd46e42``,
      Acionamento: ``DatCompetencia;NomBandeiraAcionada;VlrAdicionalBandeira``, R$/MWh with a
      decimal comma; ``5879ca80-b3bd-45b1-a135-d9b77c1d5b36``, Adicional:
      ``DatVigencia;NomBandeiraAcionada;VlrAdicionalBandeiraRSMWh``), as read by public
      collectors (``shared/INVOICE.md`` §4.3).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

import csv
import enum
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import IO, Final

import attrs

from aneel_rules._convert import masked, plain_date, quoted
from aneel_rules._invoice.fields import MONEY, checked, instance
from aneel_rules._invoice.messages import check_period_order, invalid
from aneel_rules._invoice.opendata import decimal_comma, iso_day, text_lines

__all__ = (
    "MAX_FLAG_ROWS",
    "FlagMonth",
    "TariffFlag",
    "flag_shares",
    "flags_from_aneel_csv",
)

MAX_FLAG_ROWS: Final = 10_000
"""Rows read at most from a flag resource (one per month since 2015: about 140)."""


class TariffFlag(enum.Enum):
    """Tariff flag (bandeira tarifária), art. 2º, II; names as ANEEL's open data writes them."""

    GREEN = "Verde"
    YELLOW = "Amarela"
    RED = "Vermelha"
    RED_1 = "Vermelha P1"
    RED_2 = "Vermelha P2"
    WATER_SCARCITY = "Escassez Hídrica"


_FLAG_NAMES: Final = {" ".join(f.value.lower().split()): f for f in TariffFlag} | {
    "vermelha patamar 1": TariffFlag.RED_1,
    "vermelha patamar 2": TariffFlag.RED_2,
    "escassez hidrica": TariffFlag.WATER_SCARCITY,
}


def _month(value: object) -> date:
    return plain_date(value, path="month")


def _check_month(_inst: object, _attr: object, value: date) -> None:
    if value.day != 1:
        raise invalid(
            "month",
            "not_a_month",
            "{path} must be the first day of a month, got {value}",
            path="month",
            value=quoted(value),
        )


def _check_add_on(_inst: object, _attr: object, value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise invalid(
            "add_on_mwh",
            "bad_add_on",
            "{path} must be a non-negative Decimal (R$/MWh), got {value}",
            path="add_on_mwh",
            value=quoted(value),
        )


@attrs.frozen(field_transformer=checked)
class FlagMonth:
    """The flag of one month (competência) and its add-on (adicional), before taxes.

    Attributes:
        month: First day of the month the flag applies to (art. 308: the month after its
            announcement).
        flag: The flag.
        add_on_mwh: Add-on to the energy tariff, R$/MWh (``0`` for verde; art. 309).

    Examples:
        >>> FlagMonth(date(2024, 7, 1), TariffFlag.YELLOW, Decimal("18.85")).flag.value
        'Amarela'
    """

    month: date = attrs.field(converter=_month, validator=_check_month)
    flag: TariffFlag = attrs.field(metadata=instance(TariffFlag))
    add_on_mwh: Decimal = attrs.field(metadata=MONEY, validator=_check_add_on)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def flag_shares(
    flags: Iterable[FlagMonth], *, start: date, end: date
) -> tuple[tuple[FlagMonth, tuple[date, ...]], ...]:
    """Days of each month's flag in a reading period (art. 307, caput).

    The period runs from the day after the previous reading (``start``) to the current
    reading (``end``) inclusive — the count of the peers (a reading on 10 Oct covering
    11 Sep–10 Oct: 20 September days and 10 October days, Cocel 2019) and of REN 1.000/2021,
    art. 656 (start excluded, end included).

    Returns:
        Each month's flag with the days of the period in that month, in order.

    Raises:
        InvalidInputError: a month of the period has no flag, or has two.

    Examples:
        >>> flags = [FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, Decimal(0)),
        ...          FlagMonth(date(2024, 7, 1), TariffFlag.YELLOW, Decimal("18.85"))]
        >>> [(f.flag.value, len(days)) for f, days in
        ...  flag_shares(flags, start=date(2024, 6, 12), end=date(2024, 7, 12))]
        [('Verde', 18), ('Amarela', 12)]
    """
    first = plain_date(start, path="start")
    last = plain_date(end, path="end")
    check_period_order(first, last)
    given: object = flags  # the annotation says FlagMonth values; callers may pass anything
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise invalid(
            "flags",
            "not_a_flag_month",
            "{path} must hold FlagMonth values, got {value}",
            path="flags",
            value=masked(flags),
        )
    by_month: dict[date, FlagMonth] = {}
    for item in flags:
        if not isinstance(item, FlagMonth):
            raise invalid(
                "flags",
                "not_a_flag_month",
                "{path} must hold FlagMonth values, got {value}",
                path="flags",
                value=masked(item),
            )
        if item.month in by_month and by_month[item.month] != item:
            raise invalid(
                "flags",
                "two_flags",
                "two different flags for {month}",
                month=item.month.isoformat(),
            )
        by_month[item.month] = item
    # every month of the period has its flag, checked before any day is listed (bounded cost)
    begin = first + timedelta(days=1)
    for index in range(begin.year * 12 + begin.month - 1, last.year * 12 + last.month):
        month = date(index // 12, index % 12 + 1, 1)
        if month not in by_month:
            raise invalid(
                "flags",
                "missing_flag",
                "no tariff flag given for {month}",
                month=month.isoformat()[:7],
            )
    days: dict[date, list[date]] = {}
    day = first + timedelta(days=1)
    while day <= last:
        days.setdefault(_month_start(day), []).append(day)
        day += timedelta(days=1)
    return tuple((by_month[m], tuple(month_days)) for m, month_days in days.items())


# --- ANEEL's open-data resources -------------------------------------------------------------


def _records(source: object, encoding: str, needed: Sequence[str]) -> list[dict[str, str]]:
    reader = csv.DictReader(text_lines(source, encoding), delimiter=";", quotechar='"')
    header = [h.strip().lstrip("\ufeff") for h in reader.fieldnames or ()]
    missing = [name for name in needed if name not in header]
    if missing:
        raise invalid(
            "source",
            "missing_columns",
            "the flag file lacks the columns {value}",
            value=", ".join(missing),
        )
    reader.fieldnames = header
    records = []
    # data rows from 1 (the first under the header; blank lines are not rows), frames._common
    for number, row in enumerate(reader, start=1):
        if number >= MAX_FLAG_ROWS:  # the header counts: at most MAX_FLAG_ROWS lines
            raise invalid(
                "source",
                "too_many_rows",
                "the file has more than {maximum} rows",
                maximum=str(MAX_FLAG_ROWS),
            )
        row["_row"] = str(number)
        records.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return records


def _flag(text: str, row: str) -> TariffFlag:
    found = _FLAG_NAMES.get(" ".join(text.lower().split()))
    if found is None:
        raise invalid(
            f"row.{row}",
            "unknown_flag",
            "data row {row}: unknown tariff flag {value}",
            row=row,
            value=quoted(text),
        )
    return found


def _value(text: str, row: str) -> Decimal:
    return decimal_comma(text, row, "value")


def _date(text: str, row: str) -> date:
    day = iso_day(text, row, "date")
    if day is None:
        raise invalid(
            f"row.{row}",
            "bad_csv_date",
            "data row {row}: {column} is not a date: {value}",
            row=row,
            column="date",
            value=quoted(text),
        )
    return day


def _add_ons(source: object, encoding: str) -> dict[TariffFlag, list[tuple[date, Decimal]]]:
    table: dict[TariffFlag, list[tuple[date, Decimal]]] = {}
    needed = ("DatVigencia", "NomBandeiraAcionada", "VlrAdicionalBandeiraRSMWh")
    for record in _records(source, encoding, needed):
        row = record["_row"]
        flag = _flag(record["NomBandeiraAcionada"], row)
        since = _date(record["DatVigencia"], row)
        table.setdefault(flag, []).append((since, _value(record["VlrAdicionalBandeiraRSMWh"], row)))
    for values in table.values():
        values.sort()
    return table


def flags_from_aneel_csv(
    acionamento: os.PathLike[str] | IO[bytes] | Iterable[str],
    *,
    adicional: os.PathLike[str] | IO[bytes] | Iterable[str] | None = None,
    encoding: str = "utf-8",
) -> tuple[FlagMonth, ...]:
    """Monthly flags from ANEEL's "Bandeira Tarifária – Acionamento" resource.

    Each month keeps the value ANEEL published for it (``VlrAdicionalBandeira``, R$/MWh): some
    months differ from the "Adicional" table (I19), so the two are not joined when the month has
    its own value. Where the acionamento file has no value column, or a month's value is empty,
    the add-on in force on the first of the month is taken from ``adicional`` (latest
    ``DatVigencia`` not after it, same flag name).

    Args:
        acionamento: Path, binary stream or text lines (``DatCompetencia;NomBandeiraAcionada``
            and optionally ``VlrAdicionalBandeira``).
        adicional: The "Adicional" resource (``DatVigencia;NomBandeiraAcionada;
            VlrAdicionalBandeiraRSMWh``), needed only for months without a value.
        encoding: Encoding of paths and binary streams.

    Raises:
        InvalidInputError: a missing column, an unknown flag, a bad number or date, a month
            without value and no add-on for it.

    Examples:
        >>> lines = ["DatCompetencia;NomBandeiraAcionada;VlrAdicionalBandeira",
        ...          "2024-07-01;Amarela;18,85", "2024-06-01;Verde;,00"]
        >>> [(f.month.isoformat(), f.flag.value, f.add_on_mwh)
        ...  for f in flags_from_aneel_csv(lines)]
        [('2024-06-01', 'Verde', Decimal('0.00')), ('2024-07-01', 'Amarela', Decimal('18.85'))]
    """
    records = _records(acionamento, encoding, ("DatCompetencia", "NomBandeiraAcionada"))
    table = None if adicional is None else _add_ons(adicional, encoding)
    months: dict[date, FlagMonth] = {}
    for record in records:
        row = record["_row"]
        month = _month_start(_date(record["DatCompetencia"], row))
        flag = _flag(record["NomBandeiraAcionada"], row)
        text = record.get("VlrAdicionalBandeira", "")
        if text:
            value = _value(text, row)
        elif flag is TariffFlag.GREEN:
            value = Decimal(0)
        else:
            value = _lookup(table, flag, month, row)
        months[month] = FlagMonth(month, flag, value)
    return tuple(months[m] for m in sorted(months))


def _lookup(
    table: Mapping[TariffFlag, list[tuple[date, Decimal]]] | None,
    flag: TariffFlag,
    month: date,
    row: str,
) -> Decimal:
    candidates = [] if table is None else [v for since, v in table.get(flag, []) if since <= month]
    if not candidates:
        raise invalid(
            f"row.{row}",
            "no_add_on",
            "data row {row}: no add-on for {value} in {month} (pass the Adicional resource)",
            row=row,
            value=flag.value,
            month=month.isoformat()[:7],
        )
    return candidates[-1]
