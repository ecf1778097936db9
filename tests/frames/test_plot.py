"""Figures of aneel_rules.plot: rendered to PNG files and checked (signature, size, colours)."""

# ruff: noqa: DTZ001 (naive stamps are the schedule's wall time)

from __future__ import annotations

import struct
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

pytest.importorskip("matplotlib")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from aneel_rules import InvalidInputError, NotInForceError, plot
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality, TariffPost

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _pixels(figure: Figure, *, axes_only: bool) -> dict[tuple[int, int, int], int]:
    """Count of each RGB colour of the rendered figure (inside the first axes if asked)."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    width, height = canvas.get_width_height()
    buffer = bytes(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    x0, y0, x1, y1 = 0, 0, width, height
    if axes_only:
        box = figure.axes[0].get_window_extent()
        # display coordinates start at the bottom; rows of the buffer at the top
        x0, x1 = int(box.x0) + 2, int(box.x1) - 2
        y0, y1 = height - int(box.y1) + 2, height - int(box.y0) - 2
    counts: dict[tuple[int, int, int], int] = {}
    for row in range(y0, y1):
        start = (row * width + x0) * 4
        line = buffer[start : start + (x1 - x0) * 4]
        for i in range(0, len(line), 4):
            key = (line[i], line[i + 1], line[i + 2])
            counts[key] = counts.get(key, 0) + 1
    return counts


def test_calendar_png(tmp_path: Path) -> None:
    written = plot.save_png(plot.peak_calendar_figure(2026), tmp_path / "c.png")
    assert written == tmp_path / "c.png"
    assert _png_size(written) == (1100, 500)  # 11 × 5 inches at 100 dpi


def test_calendar_colours_count_the_days_of_2026() -> None:
    """2026: 104 weekend days, 11 weekday holidays, 250 days with ponta (art. 2º, XXXVIII, "a").

    Every day is one cell of the same size, so the pixels of each colour are in the same ratio.
    """
    counts = _pixels(plot.peak_calendar_figure(2026), axes_only=True)
    peak = counts[_rgb(plot.DAY_COLORS["peak"])]
    weekend = counts[_rgb(plot.DAY_COLORS["weekend"])]
    holiday = counts[_rgb(plot.DAY_COLORS["holiday"])]
    cell = (peak + weekend + holiday) / 365
    assert peak / cell == pytest.approx(250, rel=0.03)
    assert weekend / cell == pytest.approx(104, rel=0.03)
    assert holiday / cell == pytest.approx(11, rel=0.06)


def test_calendar_2023_keeps_ponta_on_20_november() -> None:
    """20 Nov is listed only from REN 1.101/2024: 2023 has 10 listed weekday holidays."""
    counts = _pixels(plot.peak_calendar_figure(2023, lang="en"), axes_only=True)
    holiday = counts[_rgb(plot.DAY_COLORS["holiday"])]
    total = sum(counts.get(_rgb(plot.DAY_COLORS[k]), 0) for k in ("peak", "weekend", "holiday"))
    # 2023: 1 Jan and 15 Oct... are Sundays; weekday holidays: 21 Feb, 7 Apr, 21 Apr, 1 May,
    # 8 Jun, 7 Sep, 12 Oct, 2 Nov, 15 Nov, 25 Dec
    assert holiday / (total / 365) == pytest.approx(10, rel=0.06)


def test_calendar_2010_blank_before_ren414() -> None:
    """REN 414/2010 applies from 15 Sep 2010: the days before it are blank (no such cell)."""
    counts = _pixels(plot.peak_calendar_figure(2010), axes_only=True)
    coloured = sum(counts.get(_rgb(plot.DAY_COLORS[k]), 0) for k in ("peak", "weekend", "holiday"))
    blank = counts[_rgb(plot.DAY_COLORS["none"])]
    # 15 Sep–31 Dec 2010: 108 days coloured out of 372 cells
    assert coloured / (coloured + blank) == pytest.approx(108 / 372, rel=0.05)


def test_calendar_before_any_list() -> None:
    with pytest.raises(NotInForceError):
        plot.peak_calendar_figure(2009)


def _monday_profile() -> tuple[list[datetime], list[float]]:
    start = datetime(2026, 3, 9)  # a Monday with ponta (wall time of the schedule)
    stamps = [start + timedelta(minutes=15 * i) for i in range(96)]
    return stamps, [1.0] * 96


def test_load_profile_colours_by_post(tmp_path: Path) -> None:
    """Tarifa branca, Amazonas Energia (ponta 20:00–23:00): 12 ponta, 8 intermediário, 76 fora."""
    stamps, kwh = _monday_profile()
    figure = plot.load_profile_figure(stamps, kwh, AMAZONAS_ENERGIA, modality=TariffModality.WHITE)
    counts = _pixels(figure, axes_only=True)
    peak = counts[_rgb(plot.POST_COLORS[TariffPost.PEAK])]
    intermediate = counts[_rgb(plot.POST_COLORS[TariffPost.INTERMEDIATE])]
    off_peak = counts[_rgb(plot.POST_COLORS[TariffPost.OFF_PEAK])]
    # equal bars: pixel areas in the ratio of the intervals (the legend adds a little to each)
    assert peak / intermediate == pytest.approx(12 / 8, rel=0.15)
    assert off_peak / peak == pytest.approx(76 / 12, rel=0.15)
    assert _png_size(plot.save_png(figure, tmp_path / "p.png")) == (1100, 400)


def test_load_profile_green_has_no_intermediate() -> None:
    stamps, kwh = _monday_profile()
    aware = [s.replace(tzinfo=ZoneInfo("America/Manaus")) for s in stamps]
    figure = plot.load_profile_figure(
        aware, kwh, AMAZONAS_ENERGIA, modality=TariffModality.GREEN, lang="en"
    )
    counts = _pixels(figure, axes_only=True)
    assert counts.get(_rgb(plot.POST_COLORS[TariffPost.INTERMEDIATE]), 0) == 0
    assert counts[_rgb(plot.POST_COLORS[TariffPost.PEAK])] > 0


@pytest.mark.parametrize(
    ("stamps", "kwh", "code"),
    [
        pytest.param([], [], "empty", id="empty"),
        pytest.param([datetime(2026, 3, 9)], [1.0, 2.0], "length_mismatch", id="lengths"),
        pytest.param([datetime(2026, 3, 9)], [-1.0], "invalid_number", id="negative"),
        pytest.param([datetime(2026, 3, 9)], [float("nan")], "invalid_number", id="nan"),
        pytest.param([datetime(2026, 3, 9)], [True], "invalid_number", id="bool"),
        pytest.param([datetime(2026, 3, 9)], [10**400], "invalid_number", id="huge"),
        pytest.param([datetime(2026, 3, 9)], [Decimal("sNaN")], "invalid_number", id="snan"),
        pytest.param([datetime(2026, 3, 9)] * 2977, [1.0] * 2977, "too_many", id="too-many"),
    ],
)
def test_load_profile_bad_input(stamps: list[datetime], kwh: list[float], code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        plot.load_profile_figure(stamps, kwh, AMAZONAS_ENERGIA, modality=TariffModality.BLUE)
    assert info.value.codes == (code,)
    assert info.value.errors[0].message != info.value.errors[0].message_in("en")


def test_monthly_kwh(tmp_path: Path) -> None:
    rows: list[tuple[date, TariffPost, float | Decimal]] = [
        (date(2026, 1, 1), TariffPost.PEAK, 10.0),
        (date(2026, 1, 1), TariffPost.OFF_PEAK, 90),
        (date(2026, 1, 15), TariffPost.OFF_PEAK, Decimal(10)),
        (date(2026, 2, 1), TariffPost.PEAK, 20.0),
        (date(2026, 2, 1), TariffPost.OFF_PEAK, 80.0),
    ]
    figure = plot.monthly_kwh_figure(rows, lang="en")
    counts = _pixels(figure, axes_only=True)
    peak = counts[_rgb(plot.POST_COLORS[TariffPost.PEAK])]
    off_peak = counts[_rgb(plot.POST_COLORS[TariffPost.OFF_PEAK])]
    # 30 kWh of ponta against 180 kWh fora de ponta, same bar widths (plus the legend's patches)
    assert off_peak / peak == pytest.approx(180 / 30, rel=0.2)
    assert counts.get(_rgb(plot.POST_COLORS[TariffPost.INTERMEDIATE]), 0) == 0
    assert _png_size(plot.save_png(figure, tmp_path / "m.png"))[1] == 400


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        pytest.param([], "empty", id="empty"),
        pytest.param([(date(2026, 1, 1), "ponta", 1.0)], "invalid_row", id="post-as-text"),
        pytest.param([("2026-01", TariffPost.PEAK, 1.0)], "not_a_date", id="month-as-text"),
        pytest.param(
            [(datetime(2026, 1, 1), TariffPost.PEAK, 1.0)],
            "not_a_date",
            id="month-as-datetime",
        ),
        pytest.param([(date(2026, 1, 1), TariffPost.PEAK)], "invalid_row", id="pair"),
        pytest.param([(date(2026, 1, 1), TariffPost.PEAK, "1")], "invalid_number", id="text"),
    ],
)
def test_monthly_bad_rows(rows: list[tuple[object, ...]], code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        plot.monthly_kwh_figure(rows)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


def test_written_message() -> None:
    assert plot.written_message("x.png") == "Gráfico gravado em x.png"
    assert plot.written_message("x.png", lang="en") == "Figure written to x.png"
