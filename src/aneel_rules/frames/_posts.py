"""Tariff posts of a column of timestamps (numpy): the columnar face of ``tariff_post``.

Private: needs the ``frames`` extra; the public names are in :mod:`aneel_rules.frames`.
The rule itself lives in :mod:`aneel_rules._tariffs.posts` (the minute table of a day with
ponta) and :mod:`aneel_rules._tariffs.calendar` (the days without ponta); this module only
looks those facts up once per day and per minute of the day.
"""

from __future__ import annotations

from datetime import timedelta
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
from aneel_rules.frames._calendar import EPOCH, day_exempt, year_of_day
from aneel_rules.frames._common import POST_BY_CODE, Rows, rows_of
from aneel_rules.frames._post_fast import sorted_codes, table_arrays, wall_minutes
from aneel_rules.frames._time import (
    DENSE_SPAN,
    MINUTES_PER_DAY,
    Int64Array,
    check_range,
    converted_wall_seconds,
    datetime64_of,
)

__all__ = ("UInt8Array", "codes_of_minutes", "post_codes_at")

UInt8Array = npt.NDArray[np.uint8]
_CODE: Final = {post: np.uint8(code) for code, post in enumerate(POST_BY_CODE)}
_WHITE_SINCE: Final = (WHITE_TARIFF_AVAILABILITY.periods[1].since - EPOCH).days


def codes_of_minutes(
    minutes: Int64Array,
    schedule: PostSchedule,
    modality: TariffModality,
    path: str,
    *,
    split: tuple[Int64Array, Int64Array] | None = None,
    rows: Rows | None = None,
) -> UInt8Array:
    """Post codes of local wall minutes already range-checked by ``local_minutes``.

    ``split`` is ``divmod(minutes, 1440)`` when the caller has it already; ``rows`` names
    the row of an error (default: positions of ``minutes``).
    """
    if split is None:
        days = minutes // MINUTES_PER_DAY
        minute_of_day = minutes - days * MINUTES_PER_DAY
    else:
        days, minute_of_day = split
    codes, _starts, _run_codes, two_days = table_arrays(schedule.minute_table(modality))
    if minutes.size == 0:
        empty: UInt8Array = codes[minute_of_day]
        return empty
    first_day, last_day = int(days.min()), int(days.max())
    if modality is TariffModality.WHITE and first_day < _WHITE_SINCE:
        _check_white(days, path, rows or Rows())
    if last_day - first_day < DENSE_SPAN:
        # each day's row of ``two_days``: with ponta (0) or, on a day without, the second
        day_rows = np.where(day_exempt(first_day, last_day), MINUTES_PER_DAY, 0)
        index = day_rows[days - first_day]
        index += minute_of_day
        result: UInt8Array = two_days[index]
        return result
    # a sparse column spread over centuries: only the days present
    unique, inverse = np.unique(days, return_inverse=True)
    exempt = np.zeros(unique.shape, dtype=np.bool_)
    for i, day in enumerate(unique.tolist()):
        exempt[i] = (EPOCH + timedelta(days=day)) in exempt_map(year_of_day(day))
    # art. 2º, XXXVIII, "a": no ponta (nor intermediário) on the days without ponta
    return np.where(exempt[inverse], _CODE[TariffPost.OFF_PEAK], codes[minute_of_day])


def _check_white(days: Int64Array, path: str, rows: Rows) -> None:
    """Raise, for the first day before the tarifa branca was offered, the scalar rule's error.

    The code, date and basis are those of :func:`~aneel_rules._tariffs.posts.check_offered`
    (REN 414/2010, art. 57 and REN 733/2016); the message also names the row.
    """
    bad = np.flatnonzero(days < _WHITE_SINCE)
    if bad.size:
        # the first in the caller's order (``rows.order``: the caller sorted the rows)
        order = rows.order
        early = int(bad[0] if order is None else bad[np.argmin(np.take(order, bad))])
        day = EPOCH + timedelta(days=int(days[early]))
        try:
            check_offered(TariffModality.WHITE, day)
        except NotInForceError as exc:
            params = dict(exc.params)
            raise NotInForceError(
                "{where} {row}: {column}: the tarifa branca was not yet offered on {day} "
                "(available from {since})",
                code=exc.code,
                domain="frames",  # _common.DOMAIN, written out: the catalogue test reads it
                on=exc.on,
                what=exc.what,
                basis=exc.basis,
                nested=("where",),
                day=params["day"],
                since=params["since"],
                params=rows.params(early, path),
            ) from exc


def post_codes_at(
    stamps: object, schedule: PostSchedule, modality: TariffModality, path: str
) -> UInt8Array:
    """See :func:`aneel_rules.frames.post_codes` (``path`` names the argument in errors)."""
    schedule = check_schedule(schedule)
    modality = check_modality(modality)
    values, zone = datetime64_of(stamps, path)
    fast = sorted_codes(values, zone, schedule, modality)
    if fast is not None:
        return fast
    minutes = wall_minutes(values, zone, schedule.tzinfo)
    rows = rows_of(stamps)
    if minutes is None:  # the checking path: raises for the first bad stamp
        seconds, _fraction = converted_wall_seconds(values, zone, schedule.tzinfo, path, rows)
        minutes = seconds // 60
        check_range(minutes, path, rows)
    return codes_of_minutes(minutes, schedule, modality, path, rows=rows)
