"""Days without ponta as numpy arrays, from :func:`aneel_rules._tariffs.calendar.exempt_map`.

Private: needs the ``frames`` extra. The calendar rule lives in ``_tariffs.calendar``; this
module only turns each year's list into day numbers (days since 1970) once, cached.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Final

import numpy as np
import numpy.typing as npt

from aneel_rules._tariffs.calendar import exempt_map

__all__ = ("EPOCH", "day_exempt", "year_of_day")

EPOCH: Final = date(1970, 1, 1)


def year_of_day(day: int) -> int:
    """Calendar year of a day number (days since 1970-01-01)."""
    return (EPOCH + timedelta(days=day)).year


@functools.lru_cache(maxsize=256)
def _exempt_days(year: int) -> npt.NDArray[np.int64]:
    """Day numbers of the days without ponta of ``year`` (ascending)."""
    days = np.array([(day - EPOCH).days for day in exempt_map(year)], dtype=np.int64)
    days.flags.writeable = False
    return days


@functools.lru_cache(maxsize=64)
def day_exempt(first_day: int, last_day: int) -> npt.NDArray[np.bool_]:
    """Whether each day from ``first_day`` to ``last_day`` (days since 1970) has no ponta.

    Read-only and cached: a meter export is classified again and again over the same span
    (a month, a year), and the calendar of a span never changes.
    """
    flags = np.zeros(last_day - first_day + 1, dtype=np.bool_)
    for year in range(year_of_day(first_day), year_of_day(last_day) + 1):
        offsets = _exempt_days(year) - first_day
        flags[offsets[(offsets >= 0) & (offsets < flags.size)]] = True
    flags.flags.writeable = False
    return flags
