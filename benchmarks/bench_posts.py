"""Time ``tariff_posts`` on a year of 15-minute intervals against the naive approach.

Run with ``.venv/bin/python benchmarks/bench_posts.py`` (or ``make bench``). The naive
approach derives the calendar for every timestamp: a weekday test, a ``holidays`` lookup
and a time comparison. (It is also *wrong* for ANEEL purposes: ``holidays`` lists Good
Friday but not carnival Tuesday or Corpus Christi; it is here only as the speed baseline.)
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

import holidays

from aneel_rules.tariffs import (
    AMAZONAS_ENERGIA,
    TariffModality,
    TariffPost,
    tariff_post,
    tariff_posts,
)

YEAR = 2026
REPEAT = 5


def year_of_quarter_hours(year: int) -> list[datetime]:
    start = datetime(year, 1, 1)  # noqa: DTZ001 (schedule wall time)
    count = (datetime(year + 1, 1, 1) - start).days * 96  # noqa: DTZ001
    return [start + timedelta(minutes=15 * i) for i in range(count)]


def naive(stamps: Sequence[datetime]) -> list[TariffPost]:
    national = holidays.country_holidays("BR", years=YEAR)
    peak_start, peak_end = time(20, 0), time(23, 0)
    before = time(19, 0)
    posts = []
    for at in stamps:
        day = at.date()
        clock_time = at.time()
        if at.weekday() >= 5 or day in national:
            posts.append(TariffPost.OFF_PEAK)
        elif peak_start <= clock_time < peak_end:
            posts.append(TariffPost.PEAK)
        elif before <= clock_time < peak_start or clock_time >= peak_end:
            posts.append(TariffPost.INTERMEDIATE)
        else:
            posts.append(TariffPost.OFF_PEAK)
    return posts


def best_of(function: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        started = clock.perf_counter()
        function()
        best = min(best, clock.perf_counter() - started)
    return best


def main() -> None:
    stamps = year_of_quarter_hours(YEAR)
    white = TariffModality.WHITE
    bulk = best_of(lambda: tariff_posts(stamps, AMAZONAS_ENERGIA, modality=white))
    baseline = best_of(lambda: naive(stamps))
    single = best_of(lambda: [tariff_post(t, AMAZONAS_ENERGIA, modality=white) for t in stamps])
    posts = tariff_posts(stamps, AMAZONAS_ENERGIA, modality=white)
    print(f"{len(stamps)} timestamps of {YEAR} (15-minute intervals), best of {REPEAT} runs")
    print(f"tariff_posts (bulk, per-day facts):       {bulk * 1000:8.1f} ms")
    print(f"naive (weekday + holidays + time compare): {baseline * 1000:8.1f} ms")
    print(f"tariff_post called per timestamp:          {single * 1000:8.1f} ms")
    print(f"ratio naive / bulk: {baseline / bulk:.1f}x")
    print(f"ponta intervals in {YEAR}: {posts.count(TariffPost.PEAK)} (= 250 days x 12)")


if __name__ == "__main__":
    main()
