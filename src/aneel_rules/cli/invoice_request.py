"""A bill request read from JSON (pedido de cálculo da fatura), for ``aneel-rules bill``.

The command-line edge of :func:`aneel_rules.invoice.compute_bill`: the unit, the reading period,
the tariffs, the contracted demand, the flags of each month, the options, and the measurements
either given directly or as a 15-minute load profile in a CSV file next to the JSON file
(``timestamp,active[,reactive]`` rows, ISO local times).
"""

from __future__ import annotations

import csv
import enum
import itertools
import os
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Final

from aneel_rules._invoice.audit_messages import invalid
from aneel_rules._portal.field_groups import Field, ListOf, Obj
from aneel_rules._portal.field_numbers import Number
from aneel_rules._portal.fields import INVALID, Boolean, Choice, Collector, DateSpec, Spec, Text
from aneel_rules.errors import InvalidInputError

__all__ = ("MAX_PROFILE_ROWS", "read_bill_request")

MAX_PROFILE_ROWS: Final = 40_000
"""Library limit on a profile file (a 47-day reading period has 4,512 intervals)."""


def _post_map(value: object, path: str, collector: Collector) -> object:
    """``{"ponta": 450, "fora de ponta": 280}`` or a single number (no post)."""
    from aneel_rules._tariffs.posts import TariffPost  # noqa: PLC0415

    if not isinstance(value, Mapping):
        number = Number(minimum=Decimal(0)).convert(value, path, collector)
        return INVALID if number is INVALID else {None: number}
    result: dict[object, object] = {}
    for key, raw in value.items():
        child = f"{path}.{key}"
        post = Choice(TariffPost).convert(key, child, collector)
        number = Number(minimum=Decimal(0)).convert(raw, child, collector)
        if post is not INVALID and number is not INVALID:
            result[post] = number
    return result


class _PostMap(Spec):
    def convert(self, value: object, path: str, collector: Collector) -> object:
        return _post_map(value, path, collector)

    def schema(self) -> dict[str, object]:  # pragma: no cover (not exported)
        return {}


def _spec() -> Obj:
    from aneel_rules._invoice.flags import TariffFlag  # noqa: PLC0415
    from aneel_rules._invoice.taxes import GrossUp  # noqa: PLC0415
    from aneel_rules._tariffs.modality_types import TariffModality  # noqa: PLC0415
    from aneel_rules._tariffs.units import ConsumerClass, Subgroup  # noqa: PLC0415

    money = Number(minimum=Decimal(0))
    return Obj(
        fields=(
            Field(
                "unit",
                Obj(
                    fields=(
                        Field("connection_voltage_kv", Number(positive=True)),
                        Field("consumer_class", Choice(ConsumerClass)),
                        Field("low_income", Boolean(), required=False),
                    )
                ),
            ),
            Field(
                "period", Obj(fields=(Field("previous", DateSpec()), Field("current", DateSpec())))
            ),
            Field(
                "rates",
                Obj(
                    fields=(
                        Field("distributor", Text(max_length=60)),
                        Field("subgroup", Choice(Subgroup)),
                        Field("modality", Choice(TariffModality)),
                        Field("te_mwh", _PostMap()),
                        Field("tusd_mwh", _PostMap()),
                        Field("demand_kw", _PostMap(), required=False),
                        Field("act", Text(max_length=60), required=False),
                        Field("valid_from", DateSpec()),
                    )
                ),
            ),
            Field("contracted_demand", _PostMap(), required=False),
            Field(
                "flags",
                ListOf(
                    Obj(
                        fields=(
                            Field("month", DateSpec()),
                            Field("flag", Choice(TariffFlag)),
                            Field("add_on_mwh", money),
                        )
                    ),
                    max_items=3,
                ),
                required=False,
            ),
            Field(
                "profile",
                Obj(
                    fields=(
                        Field("file", Text(max_length=200)),
                        Field("distributor", Text(max_length=60)),
                        Field("unit", Choice(_ProfileUnit)),
                        Field("capacitive_window", Text(max_length=5), required=False),
                    )
                ),
            ),
            Field("reactive_energy_rate", money, required=False),
            Field("reactive_demand_rate", money, required=False),
            Field(
                "taxes",
                Obj(fields=(Field("pis", money), Field("cofins", money), Field("icms", money))),
                required=False,
            ),
            Field("gross_up", Choice(GrossUp), required=False),
        )
    )


class _ProfileUnit(enum.Enum):
    KW = "kW"
    KWH = "kWh"


def _profile(path: str) -> tuple[list[datetime], list[str], list[str] | None]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:  # noqa: PTH123 (no pathlib)
            # a header and MAX_PROFILE_ROWS rows at most: one more row is too many
            rows = list(itertools.islice(csv.reader(handle), MAX_PROFILE_ROWS + 2))
            if len(rows) > MAX_PROFILE_ROWS + 1:
                raise invalid("profile.file", "profile_too_large", maximum=str(MAX_PROFILE_ROWS))
    except (OSError, UnicodeDecodeError) as exc:
        raise invalid("profile.file", "unreadable_profile", reason=type(exc).__name__) from None
    if rows and rows[0] and not rows[0][0][:1].isdigit():
        rows = rows[1:]  # header
    try:  # every row well formed (the usual file): column by column
        stamps = [datetime.fromisoformat(row[0].strip()) for row in rows]
        active = [row[1].strip() for row in rows]
    except (IndexError, ValueError):
        pass  # the loop below names the first bad row
    else:
        reactive = [row[2].strip() for row in rows if len(row) > 2]
        return stamps, active, (reactive if len(reactive) == len(active) else None)
    stamps = []
    active = []
    reactive = []
    for number, row in enumerate(rows, start=1):
        try:
            stamps.append(datetime.fromisoformat(row[0].strip()))
            active.append(row[1].strip())
        except (IndexError, ValueError):
            raise invalid("profile.file", "bad_profile_row", row=str(number)) from None
        if len(row) > 2:
            reactive.append(row[2].strip())
    return stamps, active, (reactive if len(reactive) == len(active) else None)


# The list a profile column became → how an error names its row of the file (nested message).
PROFILE_ROWS: Final = {
    "stamps": "the timestamp of data row {row} of the load profile",
    "values": "the active value of data row {row} of the load profile",
    "reactive": "the reactive value of data row {row} of the load profile",
}
"""Column → catalog message (``messages`` and ``invoice`` domains) naming a data row."""


def _in_file_rows(exc: InvalidInputError) -> InvalidInputError:
    """``exc`` of ``measurements_from_profile`` with its list positions as data rows.

    Position ``n`` of the lists :func:`_profile` read is data row ``n + 1`` of the file (the
    first row under the header, if any, is data row 1), the numbering of ``bad_profile_row``.
    """
    import attrs  # noqa: PLC0415 (only on this error path)

    parts = []
    for error in exc.errors:
        column, _, rest = error.path.partition(".")
        position = rest.partition(".")[0]
        params = dict(error.params)
        if column in PROFILE_ROWS and position.isdigit() and params.get("path") == error.path:
            params.update(path=PROFILE_ROWS[column], row=str(int(position) + 1))
            error = attrs.evolve(  # noqa: PLW2901
                error, path="profile.file", params=params, nested=(*error.nested, "path")
            )
        parts.append(error)
    return InvalidInputError(parts)


def read_bill_request(data: object, *, base: str) -> object:
    """The :class:`~aneel_rules.invoice.Bill` a JSON bill request asks for.

    ``base`` is the directory the profile file is named from (that of the JSON file).

    Raises:
        InvalidInputError: every field problem of the request, or the library's error for
            inconsistent facts (paths under the request's keys).
    """
    # the modules that compute a bill, not the whole invoice facade (audit, contents…)
    from aneel_rules._invoice.compute import compute_bill  # noqa: PLC0415
    from aneel_rules._invoice.flags import FlagMonth  # noqa: PLC0415
    from aneel_rules._invoice.options import BillOptions  # noqa: PLC0415
    from aneel_rules._invoice.profile import measurements_from_profile  # noqa: PLC0415
    from aneel_rules._invoice.rates import TariffRates  # noqa: PLC0415
    from aneel_rules._invoice.reactive import CapacitiveWindow  # noqa: PLC0415
    from aneel_rules._invoice.taxes import TaxRates  # noqa: PLC0415
    from aneel_rules._tariffs.posts import post_schedule  # noqa: PLC0415
    from aneel_rules._tariffs.units import ConsumerUnit  # noqa: PLC0415

    collector = Collector(today=date.max)
    values = _spec().convert(data, "", collector)
    collector.raise_if_any()
    assert isinstance(values, dict)  # noqa: S101
    unit_v, period, rates_v, profile_v = (
        values["unit"],
        values["period"],
        values["rates"],
        values["profile"],
    )
    unit = ConsumerUnit(
        connection_voltage_kv=unit_v["connection_voltage_kv"],
        consumer_class=unit_v["consumer_class"],
        low_income=bool(unit_v["low_income"]),
    )
    rates = TariffRates(
        distributor=rates_v["distributor"],
        subgroup=rates_v["subgroup"],
        modality=rates_v["modality"],
        te_mwh=rates_v["te_mwh"],
        tusd_mwh=rates_v["tusd_mwh"],
        demand_kw=rates_v["demand_kw"],
        act=rates_v["act"] or "",
        valid_from=rates_v["valid_from"],
    )
    stamps, active, reactive = _profile(
        os.path.join(base, profile_v["file"])  # noqa: PTH118 (no pathlib)
    )
    window_text = profile_v["capacitive_window"]
    window = None
    if window_text is not None:
        try:
            start = time.fromisoformat(window_text)
        except ValueError:
            raise invalid("profile.capacitive_window", "bad_capacitive_window") from None
        window = CapacitiveWindow(start)  # its own error (code invalid_capacitive_window)
    try:
        measured = measurements_from_profile(
            stamps,
            active,
            post_schedule(profile_v["distributor"]),
            modality=rates.modality,
            unit=profile_v["unit"].value,
            reactive=reactive,
            capacitive_window=window,
        )
    except InvalidInputError as exc:
        raise _in_file_rows(exc) from None
    taxes = values["taxes"]
    options = BillOptions(
        reactive_energy_rate=values["reactive_energy_rate"],
        reactive_demand_rate=values["reactive_demand_rate"],
        taxes=None if taxes is None else TaxRates(**taxes),
        **({} if values["gross_up"] is None else {"gross_up": values["gross_up"]}),
    )
    contracted = values["contracted_demand"]
    if isinstance(contracted, dict) and set(contracted) == {None}:
        contracted = contracted[None]
    return compute_bill(
        unit,
        measured,
        rates,
        period=(period["previous"], period["current"]),
        contracted_demand=contracted,
        flags=[FlagMonth(f["month"], f["flag"], f["add_on_mwh"]) for f in values["flags"] or ()],
        options=options,
    )
