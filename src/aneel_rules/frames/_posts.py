"""Tariff posts of a column of timestamps (numpy): the columnar face of ``tariff_post``.

Private: needs the ``frames`` extra; the public names are in :mod:`aneel_rules.frames`.
The rule itself lives in :mod:`aneel_rules._tariffs.posts` (the minute table of a day with
ponta) and :mod:`aneel_rules._tariffs.calendar` (the days without ponta); this module only
looks those facts up once per day and per minute of the day.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Final

import numpy as np
import numpy.typing as npt

from aneel_rules._tariffs.calendar import exempt_map
from aneel_rules._tariffs.modalities import WHITE_TARIFF_AVAILABILITY, TariffModality
from aneel_rules._tariffs.posts import (
    PostSchedule,
    TariffPost,
    check_modality,
    check_offered,
    check_schedule,
)
from aneel_rules.errors import NotInForceError
from aneel_rules.frames._common import POST_BY_CODE
from aneel_rules.frames._time import (
    DENSE_SPAN,
    MINUTES_PER_DAY,
    Int64Array,
    first_true,
    local_minutes,
)

__all__ = ("UInt8Array", "codes_of_minutes", "day_exempt", "post_codes_at")

UInt8Array = npt.NDArray[np.uint8]
_CODE: Final = {post: np.uint8(code) for code, post in enumerate(POST_BY_CODE)}
_EPOCH: Final = date(1970, 1, 1)


def _minute_codes(schedule: PostSchedule, modality: TariffModality) -> UInt8Array:
    return _codes_of_table(schedule.minute_table(modality))


@functools.lru_cache(maxsize=64)
def _codes_of_table(table: tuple[TariffPost, ...]) -> UInt8Array:
    codes = np.fromiter((_CODE[post] for post in table), dtype=np.uint8, count=MINUTES_PER_DAY)
    codes.flags.writeable = False
    return codes


def day_exempt(first_day: int, last_day: int) -> npt.NDArray[np.bool_]:
    """Whether each day from ``first_day`` to ``last_day`` (days since 1970) has no ponta."""
    flags = np.zeros(last_day - first_day + 1, dtype=np.bool_)
    first = _EPOCH + timedelta(days=first_day)
    last = _EPOCH + timedelta(days=last_day)
    for year in range(first.year, last.year + 1):
        for day in exempt_map(year):
            offset = (day - _EPOCH).days - first_day
            if 0 <= offset < flags.size:
                flags[offset] = True
    return flags


def codes_of_minutes(
    minutes: Int64Array,
    schedule: PostSchedule,
    modality: TariffModality,
    path: str,
    *,
    split: tuple[Int64Array, Int64Array] | None = None,
) -> UInt8Array:
    """Post codes of local wall minutes already range-checked by ``local_minutes``.

    ``split`` is ``divmod(minutes, 1440)`` when the caller has it already.
    """
    days, minute_of_day = np.divmod(minutes, MINUTES_PER_DAY) if split is None else split
    codes = _minute_codes(schedule, modality)[minute_of_day]
    if minutes.size == 0:
        return codes
    first_day, last_day = int(days.min()), int(days.max())
    if modality is TariffModality.WHITE:
        _check_white(days, path)
    if last_day - first_day < DENSE_SPAN:
        exempt = day_exempt(first_day, last_day)[days - first_day]
    else:  # a sparse column spread over centuries: only the days present
        unique, inverse = np.unique(days, return_inverse=True)
        exempt = np.zeros(unique.shape, dtype=np.bool_)
        for i, day in enumerate(unique.tolist()):
            exempt[i] = (_EPOCH + timedelta(days=day)) in exempt_map(_year(day))
        exempt = exempt[inverse]
    # art. 2º, XXXVIII, "a": no ponta (nor intermediário) on the days without ponta
    codes[exempt] = _CODE[TariffPost.OFF_PEAK]
    return codes


def _year(day: int) -> int:
    return (_EPOCH + timedelta(days=day)).year


def _check_white(days: Int64Array, path: str) -> None:
    since = WHITE_TARIFF_AVAILABILITY.periods[1].since
    early = first_true(days < (since - _EPOCH).days)
    if early is not None:
        day = _EPOCH + timedelta(days=int(days[early]))
        try:
            check_offered(TariffModality.WHITE, day)
        except NotInForceError as exc:
            raise NotInForceError(f"{path}.{early}: {exc}", on=exc.on, what=exc.what) from exc


def post_codes_at(
    stamps: object, schedule: PostSchedule, modality: TariffModality, path: str
) -> UInt8Array:
    """See :func:`aneel_rules.frames.post_codes` (``path`` names the argument in errors)."""
    schedule = check_schedule(schedule)
    modality = check_modality(modality)
    minutes = local_minutes(stamps, schedule.tzinfo, path)
    return codes_of_minutes(minutes, schedule, modality, path)
