"""Pictures of tariff posts and load profiles (gráficos), with the optional extra ``[plot]``.

Three figures, each a :class:`matplotlib.figure.Figure` built directly (no ``pyplot``, no
global state) and saved through the Agg canvas by :func:`save_png`:

- :func:`load_profile_figure`: a day or a week of load profile, each interval coloured by its
  tariff post (REN 1.000/2021, art. 2º, XXXVIII, "a" to "c");
- :func:`peak_calendar_figure`: a year's calendar of days with and without ponta (art. 2º,
  XXXVIII, "a": weekends and the listed national holidays have none);
- :func:`monthly_kwh_figure`: energy per billing month, stacked by tariff post.

Labels are in Portuguese (default) or English (``lang="en"``) through the ``plot`` catalog.
matplotlib is imported when a figure is built; without it the functions raise
:class:`~aneel_rules.frames.MissingExtraError` naming the extra (``pip install
aneel-rules[plot]``).

Examples:
    >>> figure = peak_calendar_figure(2026)  # doctest: +SKIP
    >>> save_png(figure, "calendar-2026.png")  # doctest: +SKIP
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from aneel_rules import tariffs
from aneel_rules._convert import masked, plain_date, to_datetime
from aneel_rules._extras import needs
from aneel_rules._format import format_date
from aneel_rules.errors import invalid_in
from aneel_rules.i18n import normalize_lang, translate
from aneel_rules.tariffs import PostSchedule, TariffModality, TariffPost

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = (
    # colours
    "POST_COLORS",
    "DAY_COLORS",
    # figures
    "load_profile_figure",
    "peak_calendar_figure",
    "monthly_kwh_figure",
    "save_png",
    "written_message",
    "post_label",
    # catalog
    "DOMAIN",
    "TEXTS",
)

DOMAIN: Final = "plot"
"""Message-catalog domain of the figures' labels."""

POST_COLORS: Final[Mapping[TariffPost, str]] = MappingProxyType(
    {
        TariffPost.PEAK: "#d62728",
        TariffPost.INTERMEDIATE: "#ff7f0e",
        TariffPost.OFF_PEAK: "#1f77b4",
    }
)
"""Colour of each tariff post in every figure (ponta red, intermediário orange, fora blue)."""

DAY_COLORS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "peak": "#d62728",
        "weekend": "#9ecae1",
        "holiday": "#2ca02c",
        "none": "#ffffff",
    }
)
"""Calendar colours: a day with ponta, a weekend, a listed holiday, no such day (31 Feb)."""

_MAX_INTERVALS: Final = 31 * 96
# Presentation limits (no rule of the norm): the figure grows with its bars, so the number of
# months is checked while the rows are read, before anything is drawn.
_MAX_MONTHS: Final = 120
_MAX_ROWS: Final = 1_000_000
_POST_LABELS: Final = {
    TariffPost.PEAK: "peak",
    TariffPost.INTERMEDIATE: "intermediate",
    TariffPost.OFF_PEAK: "off-peak",
}
_PROFILE_TITLE: Final = "Load profile by tariff post ({distributor}, {modality})"
_CALENDAR_TITLE: Final = "Days with and without ponta in {year}"
_MONTHLY_TITLE: Final = "Energy per month by tariff post"
_DAY_WITH_PEAK: Final = "day with ponta"
_WEEKEND: Final = "weekend (no ponta)"
_HOLIDAY: Final = "listed holiday (no ponta)"
_DAY: Final = "day of the month"
_KWH: Final = "kWh per interval"
_MONTH_KWH: Final = "kWh"
_TIME: Final = "local time ({tz})"
_BAD_LENGTHS: Final = "{path} has {count} values for {stamps} timestamps"
_TOO_MANY: Final = "{path} has {count} intervals; a figure shows at most {limit} (a month)"
_EMPTY: Final = "{path} is empty"
_BAD_VALUE: Final = "{path} must be a finite non-negative number, got {value}"
_WRITTEN: Final = "Figure written to {path}"
_BAD_ROW: Final = "{path} must be a (month, TariffPost, kWh) triple, got {value}"
_NOT_A_SEQUENCE: Final = "{path} must be a sequence, got {value}"
_TOO_MANY_ROWS: Final = "{path} has more than {limit} rows"
_TOO_MANY_MONTHS: Final = "{path} has more than {limit} months; a figure shows at most {limit}"
_BAD_INTERVAL: Final = "{path} must be a positive timedelta of at most a day, got {value}"
_NOT_A_FIGURE: Final = "{path} must be a matplotlib Figure, got {value}"
_NOT_WRITTEN: Final = "the figure could not be written to {path}: {reason}"
TEXTS: Final = (
    *_POST_LABELS.values(),
    _PROFILE_TITLE,
    _CALENDAR_TITLE,
    _MONTHLY_TITLE,
    _DAY_WITH_PEAK,
    _WEEKEND,
    _HOLIDAY,
    _DAY,
    _KWH,
    _MONTH_KWH,
    _TIME,
    _BAD_LENGTHS,
    _TOO_MANY,
    _EMPTY,
    _BAD_VALUE,
    _WRITTEN,
    _BAD_ROW,
    _NOT_A_SEQUENCE,
    _TOO_MANY_ROWS,
    _BAD_INTERVAL,
    _NOT_A_FIGURE,
    _NOT_WRITTEN,
    _TOO_MANY_MONTHS,
)
"""Every text of this module (English msgids of the ``plot`` catalog)."""


def _t(text: str, lang: str, **params: object) -> str:
    return translate(text, domain=DOMAIN, lang=lang).format(**params)


_invalid: Final = invalid_in(DOMAIN)


def _number(value: object, path: str) -> float:
    """``value`` as a float to draw (presentation only: energy is never computed here)."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        with needs("plot", feature="aneel_rules.plot"):
            import numpy as np  # noqa: PLC0415 (lazy extra)
        try:
            number = np.float64(value).item()
        except (OverflowError, ValueError):  # 10**400, Decimal("sNaN")
            number = math.nan
        if math.isfinite(number) and number >= 0:
            return number
    raise _invalid(path, "invalid_number", _BAD_VALUE, path=path, value=masked(value))


def _check_iterable(values: object, path: str) -> None:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise _invalid(
            path, "not_a_sequence", _NOT_A_SEQUENCE, path=path, value=type(values).__name__
        )


def _items(values: object, path: str, limit: int) -> list[object]:
    """The first ``limit + 1`` items of ``values`` (an iterable), so a size is checked first."""
    _check_iterable(values, path)
    return list(itertools.islice(values, limit + 1))  # type: ignore[call-overload]


def _new_figure(width: float, height: float) -> Figure:
    with needs("plot", feature="aneel_rules.plot"):
        from matplotlib.figure import Figure  # noqa: PLC0415 (lazy extra)
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _legend_handles(colors: Iterable[tuple[str, str]]) -> list[object]:
    with needs("plot", feature="aneel_rules.plot"):
        from matplotlib import patches  # noqa: PLC0415 (lazy extra)
    return [
        patches.Patch(facecolor=color, edgecolor="#555555", label=label) for label, color in colors
    ]


def load_profile_figure(
    stamps: Iterable[datetime],
    kwh: Iterable[float | Decimal],
    schedule: PostSchedule,
    *,
    modality: TariffModality,
    interval: timedelta = timedelta(minutes=15),
    lang: str = "pt_BR",
) -> Figure:
    """A day or a week of load profile, one bar per interval coloured by its tariff post.

    Each bar starts at its timestamp (the start of the integration interval) and shows the
    energy of the interval; aware timestamps are drawn in the schedule's wall time.

    Args:
        stamps: Start of each interval (at most a month of 15-minute intervals).
        kwh: Energy of each interval (finite, non-negative).
        schedule: The distributor's tariff posts.
        modality: Tariff modality (intermediário exists only in the tarifa branca).
        interval: Length of each interval (bar width).
        lang: ``"pt_BR"`` (default) or ``"en"``.

    Raises:
        InvalidInputError: ``stamps`` or ``kwh`` not an iterable (``not_a_sequence``), lengths
            differ, no interval, more than a month (counted before anything is read further),
            a bad value, ``interval`` not a timedelta above zero and up to a day.
        NotInForceError: as :func:`aneel_rules.tariffs.tariff_posts`.
        MissingExtraError: matplotlib is not installed (extra ``plot``).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c" (the posts coloured).
    """
    lang = normalize_lang(lang)
    if not isinstance(interval, timedelta) or not timedelta(0) < interval <= timedelta(days=1):
        raise _invalid(
            "interval", "invalid_interval", _BAD_INTERVAL, path="interval", value=masked(interval)
        )
    given = _items(stamps, "stamps", _MAX_INTERVALS)
    energies = _items(kwh, "kwh", _MAX_INTERVALS)
    count = len(given)
    if count == 0:
        raise _invalid("stamps", "empty", _EMPTY, path="stamps")
    if count > _MAX_INTERVALS:
        raise _invalid(
            "stamps",
            "too_many",
            _TOO_MANY,
            path="stamps",
            count=str(count),
            limit=str(_MAX_INTERVALS),
        )
    if len(energies) != count:
        raise _invalid(
            "kwh",
            "length_mismatch",
            _BAD_LENGTHS,
            path="kwh",
            count=str(len(energies)),
            stamps=str(count),
        )
    values = [_number(value, f"kwh.{index}") for index, value in enumerate(energies)]
    posts = tariffs.tariff_posts(given, schedule, modality=modality)  # type: ignore[arg-type]
    tz = schedule.tzinfo
    # the datetimes tariff_posts read (numpy datetime64 and pandas Timestamps included)
    read = [to_datetime(s, path=f"stamps.{i}") for i, s in enumerate(given)]
    local = [s if s.tzinfo is None else s.astimezone(tz).replace(tzinfo=None) for s in read]
    with needs("plot", feature="aneel_rules.plot"):
        from matplotlib import dates  # noqa: PLC0415 (lazy extra)
    figure = _new_figure(11, 4)
    axes = figure.add_subplot()
    # matplotlib.dates has no annotations
    days = [dates.date2num(s) for s in local]  # type: ignore[no-untyped-call]
    axes.bar(
        days,
        values,
        width=interval / timedelta(days=1),
        align="edge",
        color=[POST_COLORS[p] for p in posts],
        linewidth=0,
    )
    pattern = "%d/%m %H:%M" if lang != "en" else "%m-%d %H:%M"
    axes.xaxis.set_major_formatter(dates.DateFormatter(pattern))  # type: ignore[no-untyped-call]
    axes.set_xlabel(_t(_TIME, lang, tz=schedule.timezone))
    axes.set_ylabel(_t(_KWH, lang))
    axes.set_title(
        _t(
            _PROFILE_TITLE,
            lang,
            distributor=schedule.name or schedule.timezone,
            modality=modality.value,
        )
    )
    present = [p for p in TariffPost if p in set(posts)]
    axes.legend(
        handles=_legend_handles((_t(_POST_LABELS[p], lang), POST_COLORS[p]) for p in present),
        loc="upper left",
    )
    return figure


def peak_calendar_figure(year: int, *, lang: str = "pt_BR") -> Figure:
    """A year as 12 rows of days, coloured: day with ponta, weekend, listed holiday.

    Days before REN 414/2010 came into force (15 Sep 2010) are left blank.

    Raises:
        InvalidInputError: ``year`` is not a year.
        NotInForceError: the year ends before REN 414/2010.
        MissingExtraError: matplotlib is not installed (extra ``plot``).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" (wording of REN 1.101/2024 from 2024).
        - REN 414/2010, art. 2º, until 2 Jan 2022.
    """
    lang = normalize_lang(lang)
    exempt = tariffs.peak_exempt_days(year)
    first = max(date(year, 1, 1), tariffs.PEAK_EXEMPT_HOLIDAYS.starts_on)
    order = ("none", "peak", "weekend", "holiday")
    grid = [[0] * 31 for _ in range(12)]
    day = first
    while day.year == year:
        found = exempt.get(day)
        kind = "peak" if found is None else "weekend" if found.weekend else "holiday"
        grid[day.month - 1][day.day - 1] = order.index(kind)
        day += timedelta(days=1)
    with needs("plot", feature="aneel_rules.plot"):
        from matplotlib import colors  # noqa: PLC0415 (lazy extra)
    figure = _new_figure(11, 5)
    axes = figure.add_subplot()
    axes.imshow(
        grid,
        cmap=colors.ListedColormap([DAY_COLORS[k] for k in order]),
        vmin=-0.5,
        vmax=len(order) - 0.5,
        aspect="auto",
        interpolation="nearest",
    )
    axes.set_xticks(range(31), [str(d) for d in range(1, 32)], fontsize=8)
    axes.set_yticks(
        range(12), [format_date(date(year, m, 1), lang, style="LLLL") for m in range(1, 13)]
    )
    axes.set_xlabel(_t(_DAY, lang))
    axes.set_title(_t(_CALENDAR_TITLE, lang, year=year))
    figure.legend(
        handles=_legend_handles(
            (_t(label, lang), DAY_COLORS[kind])
            for kind, label in (
                ("peak", _DAY_WITH_PEAK),
                ("weekend", _WEEKEND),
                ("holiday", _HOLIDAY),
            )
        ),
        loc="outside lower center",
        ncols=3,
    )
    return figure


def monthly_kwh_figure(
    rows: Iterable[tuple[date, TariffPost, float | Decimal]], *, lang: str = "pt_BR"
) -> Figure:
    """Energy per billing month, one bar per month stacked by tariff post.

    Args:
        rows: ``(month, post, kWh)``; ``month`` is any day of the month, rows of the same
            month and post are added.
        lang: ``"pt_BR"`` (default) or ``"en"``.

    Raises:
        InvalidInputError: ``rows`` not an iterable, no row, a row that is not a ``(date,
            TariffPost, kWh)`` triple; more than 120 months or 1,000,000 rows (``too_many``,
            found while reading, before drawing: presentation limits, not rules).
        MissingExtraError: matplotlib is not installed (extra ``plot``).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c" (the posts stacked).
    """
    lang = normalize_lang(lang)
    totals: dict[tuple[date, TariffPost], float] = {}
    months_seen: set[date] = set()
    _check_iterable(rows, "rows")
    for index, row in enumerate(rows):
        if index >= _MAX_ROWS:  # an endless iterable is refused, not drawn
            raise _invalid("rows", "too_many", _TOO_MANY_ROWS, path="rows", limit=str(_MAX_ROWS))
        path = f"rows.{index}"
        if not isinstance(row, tuple) or len(row) != 3 or not isinstance(row[1], TariffPost):
            raise _invalid(path, "invalid_row", _BAD_ROW, path=path, value=masked(row))
        key = (plain_date(row[0], path=f"{path}.0").replace(day=1), row[1])
        months_seen.add(key[0])
        if len(months_seen) > _MAX_MONTHS:
            raise _invalid(
                "rows",
                "too_many",
                _TOO_MANY_MONTHS,
                path="rows",
                limit=str(_MAX_MONTHS),
            )
        totals[key] = totals.get(key, 0.0) + _number(row[2], f"{path}.2")
    if not totals:
        raise _invalid("rows", "empty", _EMPTY, path="rows")
    months = sorted({month for month, _ in totals})
    figure = _new_figure(max(6.0, 0.6 * len(months) + 2), 4)
    axes = figure.add_subplot()
    bottom = [0.0] * len(months)
    for post in TariffPost:
        heights = [totals.get((month, post), 0.0) for month in months]
        if not any(heights):
            continue
        axes.bar(
            range(len(months)),
            heights,
            bottom=bottom,
            color=POST_COLORS[post],
            label=_t(_POST_LABELS[post], lang),
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_xticks(
        range(len(months)),
        [format_date(m, lang, style="MMM yyyy") for m in months],
        rotation=45,
        ha="right",
    )
    axes.set_ylabel(_t(_MONTH_KWH, lang))
    axes.set_title(_t(_MONTHLY_TITLE, lang))
    axes.legend()
    return figure


def save_png(figure: Figure, path: str | PathLike[str]) -> Path:
    """Write ``figure`` as a PNG file through the Agg canvas; returns the path written.

    Raises:
        InvalidInputError: ``figure`` is not a matplotlib ``Figure`` (``not_a_figure``); the
            file cannot be written (``not_written``: the system's reason, e.g. no such
            directory).
        MissingExtraError: matplotlib is not installed (extra ``plot``).
    """
    with needs("plot", feature="aneel_rules.plot"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415 (lazy extra)
        from matplotlib.figure import Figure  # noqa: PLC0415 (lazy extra)
    if not isinstance(figure, Figure):
        raise _invalid(
            "figure", "not_a_figure", _NOT_A_FIGURE, path="figure", value=type(figure).__name__
        )
    FigureCanvasAgg(figure)
    target = Path(path)
    try:
        figure.savefig(target, format="png")
    except OSError as exc:
        raise _invalid(
            "path",
            "not_written",
            _NOT_WRITTEN,
            path=str(target),
            reason=exc.strerror or type(exc).__name__,
        ) from None
    return target


def written_message(path: str | PathLike[str], *, lang: str = "pt_BR") -> str:
    """The line a command prints after :func:`save_png` (``Gráfico gravado em out.png``)."""
    return _t(_WRITTEN, normalize_lang(lang), path=str(path))


def post_label(post: object, *, lang: str = "pt_BR") -> str:
    """The label of a tariff post (a :class:`TariffPost` or its value) in ``lang``.

    Examples:
        >>> post_label("fora de ponta", lang="en"), post_label(TariffPost.PEAK)
        ('off-peak', 'ponta')
    """
    lang = normalize_lang(lang)
    member = post if isinstance(post, TariffPost) else TariffPost(post)
    return _t(_POST_LABELS[member], lang)
