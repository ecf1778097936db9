"""Time ``tariff_posts`` and ``frames.post_codes`` on a year of 15-minute intervals.

Ratios against the naive approach, measured in the same run. A column in time order takes the
runs path of ``post_codes`` (a regular grid: counted; with gaps: binary search per change of
post); a shuffled one the general path (day and minute of each stamp). Goals (issue 10):
``tariff_posts`` (list of datetimes) at least 5x the naive baseline; ``post_codes`` (numpy
datetime64) at least 50x the naive baseline and 20x ``tariff_posts``. Run with
``.venv/bin/python benchmarks/bench_posts.py`` (or ``make bench``). The naive
approach derives the calendar for every timestamp: a weekday test, a ``holidays`` lookup
and a time comparison. (It is also *wrong* for ANEEL purposes: ``holidays`` lists Good
Friday but not carnival Tuesday or Corpus Christi; it is here only as the speed baseline.)
"""

from __future__ import annotations

import timeit
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time, timedelta

import holidays
import numpy as np
import pandas as pd

from aneel_rules.frames import POST_BY_CODE, post_codes
from aneel_rules.tariffs import (
    AMAZONAS_ENERGIA,
    TariffModality,
    TariffPost,
    tariff_post,
    tariff_posts,
)

YEAR = 2026
REPEAT = 7


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


def best_times(cases: Mapping[str, Callable[[], object]]) -> dict[str, float]:
    """Best time of one call of each case, measured the same way for all, interleaved.

    Each case is called in a loop long enough to time (``timeit``'s autorange: at least
    0.2 s, so a 0.1 ms call is timed over thousands of calls, not once), with the garbage
    collector off as ``timeit`` does; the rounds take every case in turn, so a burst of load
    from other processes falls on all of them rather than on whichever ran at that moment.
    """
    timers = {name: timeit.Timer(function) for name, function in cases.items()}
    loops = {name: timer.autorange()[0] for name, timer in timers.items()}
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(REPEAT):
        for name, timer in timers.items():
            best[name] = min(best[name], timer.timeit(loops[name]) / loops[name])
    return best


def main() -> None:
    stamps = year_of_quarter_hours(YEAR)
    white = TariffModality.WHITE
    array = np.array(stamps, dtype="datetime64[m]")
    aware = pd.DatetimeIndex(array).tz_localize(AMAZONAS_ENERGIA.timezone)
    zone = AMAZONAS_ENERGIA.tzinfo
    # the same instants as aware datetimes: the per-stamp dictionary path (the only path of
    # tariff_posts before issue 10, still taken by aware, mixed or unsorted lists)
    aware_list = [at.replace(tzinfo=zone) for at in stamps]
    # in order with gaps (one stamp in ten missing): runs found by binary search
    gapped = np.delete(array, np.arange(0, array.size, 10))
    # out of order: the general path (day and minute of each stamp, table lookups)
    shuffled = np.random.default_rng(10).permutation(array)
    times = best_times(
        {
            "bulk": lambda: tariff_posts(stamps, AMAZONAS_ENERGIA, modality=white),
            "per_stamp": lambda: tariff_posts(aware_list, AMAZONAS_ENERGIA, modality=white),
            "baseline": lambda: naive(stamps),
            "single": lambda: [tariff_post(t, AMAZONAS_ENERGIA, modality=white) for t in stamps],
            "columnar": lambda: post_codes(array, AMAZONAS_ENERGIA, modality=white),
            "tz_aware": lambda: post_codes(aware, AMAZONAS_ENERGIA, modality=white),
            "with_gaps": lambda: post_codes(gapped, AMAZONAS_ENERGIA, modality=white),
            "unsorted": lambda: post_codes(shuffled, AMAZONAS_ENERGIA, modality=white),
        }
    )
    bulk, per_stamp, baseline, single = (
        times[name] for name in ("bulk", "per_stamp", "baseline", "single")
    )
    columnar, tz_aware, with_gaps, unsorted = (
        times[name] for name in ("columnar", "tz_aware", "with_gaps", "unsorted")
    )
    posts = tariff_posts(stamps, AMAZONAS_ENERGIA, modality=white)
    codes = post_codes(array, AMAZONAS_ENERGIA, modality=white)
    same = (
        tuple(POST_BY_CODE[c] for c in codes.tolist())
        == posts
        == tariff_posts(aware_list, AMAZONAS_ENERGIA, modality=white)
    )
    same_aware = post_codes(aware, AMAZONAS_ENERGIA, modality=white).tolist() == codes.tolist()
    order = np.argsort(shuffled)
    same_shuffled = np.array_equal(
        post_codes(shuffled, AMAZONAS_ENERGIA, modality=white)[order], codes
    )
    kept = np.ones(array.size, dtype=bool)
    kept[::10] = False
    same_gapped = np.array_equal(post_codes(gapped, AMAZONAS_ENERGIA, modality=white), codes[kept])
    print(
        f"{len(stamps)} timestamps of {YEAR} (15-minute intervals), per call: best of "
        f"{REPEAT} interleaved rounds, each a timeit loop of at least 0.2 s"
    )
    print(f"naive (weekday + holidays + time compare): {baseline * 1000:8.2f} ms")
    print(f"tariff_post called per timestamp:          {single * 1000:8.2f} ms")
    print(f"tariff_posts (sorted naive list, bisect):  {bulk * 1000:8.2f} ms")
    print(f"tariff_posts (aware list, per stamp):      {per_stamp * 1000:8.2f} ms")
    print(f"post_codes (numpy datetime64[m]):          {columnar * 1000:8.2f} ms")
    print(f"post_codes (pandas, tz-aware):             {tz_aware * 1000:8.2f} ms")
    print(f"post_codes (numpy, in order with gaps):    {with_gaps * 1000:8.2f} ms")
    print(f"post_codes (numpy, shuffled):              {unsorted * 1000:8.2f} ms")
    print(f"ratio naive / tariff_posts:      {baseline / bulk:6.1f}x (goal 5x)")
    print(f"ratio naive / post_codes:        {baseline / columnar:6.1f}x (goal 50x)")
    print(f"ratio tariff_posts / post_codes: {bulk / columnar:6.1f}x (goal 20x)")
    print(f"ratio tariff_posts per-stamp path / post_codes: {per_stamp / columnar:6.1f}x")
    print(f"ratio naive / tariff_posts per-stamp path: {baseline / per_stamp:6.1f}x")
    print(f"ratio naive / post_codes tz-aware: {baseline / tz_aware:6.1f}x")
    print(f"ratio naive / post_codes with gaps: {baseline / with_gaps:6.1f}x")
    print(f"ratio naive / post_codes shuffled: {baseline / unsorted:6.1f}x")
    print(f"ratio tariff_posts / post_codes shuffled: {bulk / unsorted:6.1f}x")
    same_all = same and same_aware and same_shuffled and same_gapped
    print(f"same posts (list, numpy, tz-aware, gaps, shuffled): {same_all}")
    print(f"ponta intervals in {YEAR}: {posts.count(TariffPost.PEAK)} (= 250 days x 12)")


if __name__ == "__main__":
    main()
