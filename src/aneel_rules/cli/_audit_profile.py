"""``aneel-rules audit profile FILE``: a 15-minute load profile per unit × month × post.

Private to the CLI (see :mod:`aneel_rules.cli.audit`). The file is read in chunks; the rows of
each unit's last month in a chunk are held back and joined to the next chunk, so that
:func:`aneel_rules.frames.load_profile` always sees a unit-month whole, whatever the chunk size
(a unit-month met again after it was answered is reported as an error: the file is out of
order). pandas is imported only when the command runs.

An error about one row names its **data row** of the file (1 = the first row under the
header, counted across chunks) and the file's column, whatever the chunk size: the frames
pass the library's errors (a ``RangeIndex`` label or a position of the frame it was given,
``aneel_rules.frames._common``) through :func:`aneel_rules.frames._common.in_file_rows`.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping
from datetime import date, time
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from aneel_rules.cli.common import ArgTypeError, Console, print_error
from aneel_rules.errors import AneelRulesError, InvalidInputError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from aneel_rules.tariffs import PostSchedule, TariffModality, TariffPost

__all__ = ("PROFILE_SCHEMA", "TEXTS", "run_profile")

DOMAIN: Final = "audit"

PROFILE_SCHEMA: Final[Mapping[str, bool]] = MappingProxyType(
    {"unit": True, "stamp": True, "kwh": True, "kvarh": False}
)
"""Role → required, of the columns ``audit profile`` reads (``docs/audit.md``)."""

_SUMMARY: Final = (
    "Load profile audited: {rows} intervals of {file}, {units} units, {groups} unit-month-post rows"
)
_TOTALS: Final = "Energy and demand by post (all units):"
_TOTAL_LINE: Final = "  {post}: {kwh} kWh; largest 15-minute demand {kw} kW"
_EXCESS: Final = "Unit-month-posts with reactive excess energy: {count} ({kwh} kWh)"
_NO_REACTIVE: Final = "No reactive column: reactive excess not audited"
_OUT_OF_ORDER: Final = (
    "{file}: the intervals of a unit-month are not together (data row {row}); "
    "sort the file by unit and time"
)
_NEEDS_WINDOW: Final = "--capacitive-window is needed with a kvarh column (art. 304, § 1º, I)"
_BAD_TIME: Final = "invalid time {value} (use HH:MM)"
_BASIS_DEMAND: Final = (
    "REN 1.000/2021, art. 2º, XIII (demanda medida, 15 minutos); arts. 212–214 (postos)"
)
_BASIS_EXCESS: Final = (
    "REN 1.000/2021, arts. 302–304 (excedente de reativos, fator de potência 0,92)"
)
TEXTS: Final = (
    _SUMMARY,
    _TOTALS,
    _TOTAL_LINE,
    _EXCESS,
    _NO_REACTIVE,
    _OUT_OF_ORDER,
    _NEEDS_WINDOW,
    _BAD_TIME,
)
"""Every text of this module (English msgids of the ``audit`` catalog)."""


def time_arg(text: str) -> time:
    """A wall time typed ``HH:MM``."""
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise ArgTypeError(_BAD_TIME, domain=DOMAIN, value=repr(text)) from None


def _month_keys(stamps: pd.Series, schedule: PostSchedule, label: str) -> pd.Series:
    """The billing month of each interval: the calendar month of its start, local wall time."""
    import numpy as np  # noqa: PLC0415 (lazy extra)
    import pandas as pd  # noqa: PLC0415

    from aneel_rules.frames._time import wall_seconds  # noqa: PLC0415

    seconds, _fraction = wall_seconds(stamps, schedule.tzinfo, "stamp")
    if label == "end":
        seconds = seconds - 15 * 60
    months = seconds.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64)
    return pd.Series(months, index=stamps.index)


def _stamps(series: pd.Series) -> pd.Series:
    """Timestamps: datetime64 as they are; ISO 8601 text parsed (with an offset: aware)."""
    import pandas as pd  # noqa: PLC0415 (lazy extra)

    if series.dtype.kind == "M" or not pd.api.types.is_string_dtype(series):
        return series
    text = series.str.strip()
    try:
        return pd.to_datetime(text, format="ISO8601", errors="coerce")
    except ValueError:  # offsets that differ (summer time in old data): compare in UTC
        return pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True)


class _Carry:
    """Holds back each unit's last month of a chunk until the next chunk completes it."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.held: pd.DataFrame | None = None
        self.done: set[tuple[object, int]] = set()

    def feed(self, frame: pd.DataFrame, months: pd.Series, *, last: bool) -> Iterator[pd.DataFrame]:
        """The rows whose unit-month is complete (all of them when ``last``)."""
        import pandas as pd  # noqa: PLC0415 (lazy extra)

        frame = frame.assign(_month=months.to_numpy())
        if self.held is not None:
            frame = pd.concat([self.held, frame])
        keys = list(zip(frame["unit"].tolist(), frame["_month"].tolist(), strict=True))
        again = [i for i, key in enumerate(keys) if key in self.done]
        if again:
            from aneel_rules.cli._audit_stream import AuditFileError  # noqa: PLC0415

            row = int(frame.index[again[0]]) + 1
            raise AuditFileError(_OUT_OF_ORDER, file=self.file, row=str(row))
        if last:
            ready, self.held = frame, None
        else:
            keep = _open_rows(frame)
            ready, self.held = frame[~keep], frame[keep]
        self.done.update(zip(ready["unit"].tolist(), ready["_month"].tolist(), strict=True))
        if len(ready):
            yield ready.drop(columns="_month")


def _open_rows(frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """The rows whose unit-month the next chunk may continue (held back).

    When each unit of the chunk is one run of rows (a file sorted by unit and time), only the
    last row's unit-month can go on in the next chunk: memory stays flat however many units
    the file has. Otherwise (units interleaved: sorted by time, or by month and unit) each
    unit's latest month is held back. A unit met again after it was let go is reported as a
    file out of order (never answered twice).
    """
    import numpy as np  # noqa: PLC0415 (lazy extra)

    if len(frame) == 0:
        return np.zeros(0, dtype=np.bool_)
    units, months = frame["unit"].to_numpy(), frame["_month"].to_numpy()
    runs = 1 + int((units[1:] != units[:-1]).sum())
    if runs == frame["unit"].nunique(dropna=False):
        keep: npt.NDArray[np.bool_] = (units == units[-1]) & (months == months[-1])
        return keep
    latest = frame.groupby("unit", sort=False)["_month"].transform("max")
    interleaved: npt.NDArray[np.bool_] = (frame["_month"] == latest).to_numpy()
    return interleaved


def _frame(
    chunk: pd.DataFrame, roles: Mapping[str, str], offset: int, *, reactive: bool, decimal: str
) -> pd.DataFrame:
    """The chunk as ``load_profile`` reads it; its index labels are the 0-based data rows."""
    import pandas as pd  # noqa: PLC0415 (lazy extra)

    from aneel_rules.frames import _coerce  # noqa: PLC0415

    frame = pd.DataFrame(
        {
            "unit": chunk[roles["unit"]].to_numpy(),
            "stamp": _stamps(chunk[roles["stamp"]]).to_numpy(),
            "value": _coerce.numbers(chunk[roles["kwh"]], decimal).to_numpy(),
        },
        index=pd.RangeIndex(offset, offset + len(chunk)),
    )
    if reactive:
        frame["reactive"] = _coerce.numbers(chunk[roles["kvarh"]], decimal).to_numpy()
    return frame


class _RowError(Exception):
    """A library error about a row of the file, its rows already named as the file's."""

    def __init__(self, error: AneelRulesError) -> None:
        super().__init__(str(error))
        self.error = error


def _in_file(error: AneelRulesError, frame: pd.DataFrame, roles: Mapping[str, str]) -> Exception:
    """What to raise for ``error`` about ``frame`` (its labels are the 0-based data rows).

    A :class:`_RowError` with the rows named as the file's data rows and the columns as the
    file's; an error that names no row as it is (printed by the command line's handler).
    """
    from aneel_rules.frames._common import ROW_POSITION, in_file_rows  # noqa: PLC0415

    columns = {
        "unit": roles["unit"],
        "stamp": roles["stamp"],
        "value": roles["kwh"],
        "reactive": roles["kvarh"],
    }

    def row_of(where: str, number: int) -> int:
        label = int(frame.index[number]) if where == ROW_POSITION else number
        return label + 1

    renamed = in_file_rows(error, row_of, columns)
    return error if renamed is error else _RowError(renamed)


def _row_message(error: AneelRulesError, lang: str) -> str:
    """The messages of a renamed error (each names its data row and column)."""
    if isinstance(error, InvalidInputError):
        return "; ".join(part.message_in(lang) for part in error.errors)
    return error.message_in(lang)


def run_profile(args: argparse.Namespace, console: Console) -> int:
    """Run ``audit profile``; see :mod:`aneel_rules.cli.audit` for the exit statuses."""
    from aneel_rules.cli.audit import require_extras, roles_of  # noqa: PLC0415

    require_extras(args)  # before any work: a missing extra (--plot too) prints only its error
    from aneel_rules import frames, tariffs  # noqa: PLC0415
    from aneel_rules.cli import _audit_stream as stream  # noqa: PLC0415 (pandas when run)
    from aneel_rules.invoice import CapacitiveWindow  # noqa: PLC0415

    roles = roles_of(args.columns, PROFILE_SCHEMA)
    schedule = tariffs.post_schedule(args.distributor)
    modality: TariffModality = args.modality
    try:
        source = stream.open_source(
            args.file,
            [roles[r] for r, needed in PROFILE_SCHEMA.items() if needed],
            [roles[r] for r, needed in PROFILE_SCHEMA.items() if not needed],
            roles=roles,
            chunk_rows=args.chunk_rows,
            sep=args.sep,
        )
        reactive = roles["kvarh"] in source.columns
        if reactive and args.capacitive_window is None:
            print_error(console.t(_NEEDS_WINDOW, domain=DOMAIN), console.lang)
            return 2
        window = CapacitiveWindow(args.capacitive_window) if reactive else None
        carry = _Carry(args.file)
        summary = _Summary()
        rows = 0
        with (
            stream.open_sink(args.output) as sink,
            stream.progress(source.total, source.unit, quiet=args.quiet) as update,
        ):
            chunks = iter(source)
            chunk = next(chunks, None)
            while chunk is not None:
                following = next(chunks, None)
                frame = _frame(chunk, roles, rows, reactive=reactive, decimal=args.decimal)
                try:
                    months = _month_keys(frame["stamp"], schedule, args.label)
                except AneelRulesError as exc:
                    raise _in_file(exc, frame, roles) from None
                for ready in carry.feed(frame, months, last=following is None):
                    try:
                        result = frames.load_profile(
                            ready,
                            schedule,
                            modality=modality,
                            unit=args.value_unit,
                            label=args.label,
                            capacitive_window=window,
                        )
                    except AneelRulesError as exc:
                        raise _in_file(exc, ready, roles) from None
                    summary.add(result)
                    if sink is not None:
                        sink.write(result)
                rows += len(chunk)
                update(source.position)
                chunk = following
    except stream.AuditFileError as exc:
        print_error(console.t(exc.template, domain=DOMAIN, **exc.params), console.lang)
        return 2
    except _RowError as exc:
        print_error(f"{args.file}: {_row_message(exc.error, console.lang)}", console.lang)
        return 2
    _print(summary, rows, args.file, reactive, console)
    if args.output is not None:
        console.line(console.t("Rows written to {file}", domain=DOMAIN, file=args.output))
    if args.plot is not None:
        _plot(summary, args.plot, console)
    excess = reactive and summary.excess_count > 0
    return 1 if excess else 0


class _Summary:
    """Running totals of the answers, so that memory does not grow with the file.

    Kept: the units seen (for their count), the number of unit-month-post rows, kWh and the
    largest demand per post, kWh per month × post (the plot) and the reactive excesses.
    """

    def __init__(self) -> None:
        self.units: set[object] = set()
        self.groups = 0
        self.kwh_by_post: dict[str, float] = {}
        self.kw_by_post: dict[str, float] = {}
        self.monthly: dict[tuple[pd.Timestamp, str], float] = {}
        self.excess_count = 0
        self.excess_kwh = 0.0

    def add(self, result: pd.DataFrame) -> None:
        """Fold in the answer of a chunk (one row per unit × month × post)."""
        self.units.update(result["unit"].unique().tolist())
        self.groups += len(result)
        by_post = result.groupby("post", observed=True).agg(
            kwh=("kwh", "sum"), kw=("demand_kw", "max")
        )
        for post, kwh, kw in by_post.itertuples():
            key = str(post)
            self.kwh_by_post[key] = self.kwh_by_post.get(key, 0.0) + float(kwh)
            # the largest demand seen (NaN, a post without any demand, never wins)
            known = self.kw_by_post.get(key, float("nan"))
            self.kw_by_post[key] = float(kw) if not float(kw) <= known else known
        monthly = result.groupby(["month", "post"], observed=True)["kwh"].sum().reset_index()
        for month, post, kwh in monthly.itertuples(index=False):
            when = (month, str(post))
            self.monthly[when] = self.monthly.get(when, 0.0) + float(kwh)
        excess = result["reactive_excess_kwh"]
        self.excess_count += int((excess > 0).sum())
        self.excess_kwh += float(excess.sum())


def _print(summary: _Summary, rows: int, file: str, reactive: bool, console: Console) -> None:
    from aneel_rules._format import format_decimal  # noqa: PLC0415
    from aneel_rules.tariffs import TariffPost  # noqa: PLC0415

    def number(value: float) -> str:
        from decimal import Decimal  # noqa: PLC0415

        return format_decimal(Decimal(repr(round(value, 3))), console.lang)

    console.line(
        console.t(
            _SUMMARY,
            domain=DOMAIN,
            rows=format_decimal(rows, console.lang),
            file=file,
            units=format_decimal(len(summary.units), console.lang),
            groups=format_decimal(summary.groups, console.lang),
        )
    )
    console.line(console.t(_TOTALS, domain=DOMAIN))
    order = {p.value: i for i, p in enumerate(TariffPost)}
    for post in sorted(summary.kwh_by_post, key=lambda name: order.get(name, 9)):
        label = _post_label(post, console.lang)
        console.line(
            console.t(
                _TOTAL_LINE,
                domain=DOMAIN,
                post=label,
                kwh=number(summary.kwh_by_post[post]),
                kw=number(summary.kw_by_post[post]),
            )
        )
    console.line(f"      {_BASIS_DEMAND}")
    if not reactive:
        console.line(console.t(_NO_REACTIVE, domain=DOMAIN))
        return
    console.line(
        console.t(
            _EXCESS,
            domain=DOMAIN,
            count=format_decimal(summary.excess_count, console.lang),
            kwh=number(summary.excess_kwh),
        )
    )
    console.line(f"      {_BASIS_EXCESS}")


def _post_label(post: object, lang: str) -> str:
    from aneel_rules.plot import post_label  # noqa: PLC0415

    return post_label(post, lang=lang)


def _plot(summary: _Summary, path: str, console: Console) -> None:
    from aneel_rules import plot  # noqa: PLC0415 (matplotlib only when asked)
    from aneel_rules.tariffs import TariffPost  # noqa: PLC0415

    rows: list[tuple[date, TariffPost, float]] = []
    for (month, post), kwh in sorted(summary.monthly.items(), key=lambda item: str(item[0])):
        rows.append((month.date(), TariffPost(post), kwh))
    written = plot.save_png(plot.monthly_kwh_figure(rows, lang=console.lang), path)
    console.line(plot.written_message(written, lang=console.lang))
