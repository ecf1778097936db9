"""aneel_rules.plot on bad input: the library's own errors, sizes checked before drawing."""

# ruff: noqa: DTZ001 (naive stamps are the schedule's wall time)

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("matplotlib")
np = pytest.importorskip("numpy")

from aneel_rules import InvalidInputError, plot  # noqa: E402
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality, TariffPost  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Iterator

BLUE = TariffModality.BLUE
STAMPS = [datetime(2026, 3, 9, 19) + timedelta(minutes=15 * i) for i in range(8)]


@pytest.mark.parametrize(
    ("call", "code", "path"),
    [
        pytest.param(
            lambda: plot.load_profile_figure(None, None, AMAZONAS_ENERGIA, modality=BLUE),  # type: ignore[arg-type]
            "not_a_sequence",
            "stamps",
            id="stamps-none",
        ),
        pytest.param(
            lambda: plot.load_profile_figure(STAMPS, 5, AMAZONAS_ENERGIA, modality=BLUE),  # type: ignore[arg-type]
            "not_a_sequence",
            "kwh",
            id="kwh-int",
        ),
        pytest.param(
            lambda: plot.load_profile_figure(
                STAMPS,
                [1.0] * 8,
                AMAZONAS_ENERGIA,
                modality=BLUE,
                interval=15,  # type: ignore[arg-type]
            ),
            "invalid_interval",
            "interval",
            id="interval-int",
        ),
        pytest.param(
            lambda: plot.load_profile_figure(
                STAMPS, [1.0] * 8, AMAZONAS_ENERGIA, modality=BLUE, interval=timedelta(0)
            ),
            "invalid_interval",
            "interval",
            id="interval-zero",
        ),
        pytest.param(lambda: plot.monthly_kwh_figure(None), "not_a_sequence", "rows", id="rows"),  # type: ignore[arg-type]
        pytest.param(lambda: plot.save_png(None, "x.png"), "not_a_figure", "figure", id="figure"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_a_library_error(call: object, code: str, path: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.codes == (code,)
    assert caught.value.errors[0].path == path
    assert caught.value.message_in("pt_BR") != caught.value.message_in("en")


def test_an_endless_profile_is_refused_after_a_month_of_intervals() -> None:
    def endless() -> Iterator[datetime]:
        stamp = STAMPS[0]
        while True:
            yield stamp
            stamp += timedelta(minutes=15)

    with pytest.raises(InvalidInputError) as caught:
        plot.load_profile_figure(
            endless(), iter(lambda: 1.0, None), AMAZONAS_ENERGIA, modality=BLUE
        )
    assert caught.value.codes == ("too_many",)


def test_too_many_months_are_refused_before_drawing() -> None:
    rows = ((date(2000 + i // 12, i % 12 + 1, 1), TariffPost.PEAK, 1.0) for i in range(10**6))
    with pytest.raises(InvalidInputError) as caught:
        plot.monthly_kwh_figure(rows)
    assert caught.value.codes == ("too_many",)


def test_numpy_and_generator_stamps_are_drawn(tmp_path: Path) -> None:
    stamps = np.array(STAMPS, dtype="datetime64[m]")
    figure = plot.load_profile_figure(
        stamps, (1.0 for _ in STAMPS), AMAZONAS_ENERGIA, modality=BLUE
    )
    assert plot.save_png(figure, tmp_path / "p.png").stat().st_size > 0


def test_a_file_that_cannot_be_written_is_a_library_error(tmp_path: Path) -> None:
    figure = plot.peak_calendar_figure(2026)
    with pytest.raises(InvalidInputError) as caught:
        plot.save_png(figure, tmp_path / "no-such-dir" / "x.png")
    assert caught.value.codes == ("not_written",)
