"""Tariff posts (REN 1.000/2021, art. 2º, XXXVIII; arts. 212–214 and 225): schedules and lookups.

Private: import the public names from :mod:`aneel_rules.tariffs`.
"""

from __future__ import annotations

import bisect
import enum
import functools
import itertools
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Final, cast
from zoneinfo import ZoneInfo

import attrs

from aneel_rules._convert import instance_of, masked, to_datetime
from aneel_rules._tariffs.calendar import exempt_map, require_calendar
from aneel_rules._tariffs.common import (
    DOMAIN,
    REN1101_SINCE,
    hm,
    invalid,
)
from aneel_rules._tariffs.modality_types import WHITE_TARIFF_AVAILABILITY, TariffModality
from aneel_rules.errors import (
    InvalidFactory,
    InvalidInputError,
    NotInForceError,
)
from aneel_rules.legal import Determination, Norm, norm_in_force, ren414, ren1000

__all__ = (
    "TariffPost",
    "PostSchedule",
    "AMAZONAS_ENERGIA",
    "POST_SCHEDULES",
    "post_schedule",
    "tariff_post",
    "explain_tariff_post",
    "tariff_posts",
    "check_modality",
    "check_offered",
    "check_schedule",
)


class TariffPost(enum.Enum):
    """Tariff post (posto tarifário), REN 1.000/2021, art. 2º, XXXVIII."""

    PEAK = "ponta"
    INTERMEDIATE = "intermediário"
    OFF_PEAK = "fora de ponta"


_PEAK_HOURS: Final = 3
_EARLIEST_START: Final = hm(1, 0)
_LATEST_START: Final = hm(20, 0)
_MINUTES_PER_DAY: Final = 24 * 60


def _check_peak_start(_inst: object, _attribute: object, value: time) -> None:
    if (
        not isinstance(cast("object", value), time)
        or value.tzinfo is not None
        or value.second
        or value.microsecond
        or not _EARLIEST_START <= value <= _LATEST_START
    ):
        raise invalid(
            "peak_start",
            "invalid_peak_start",
            "{path} must be a whole-minute naive time from 01:00 to 20:00 (the "
            "posts must not cross midnight), got {value}",
            path="peak_start",
            value=masked(value),
        )


def _check_label(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    # Labels are printed and compared: None or a number is a caller's bug, not a label.
    name = attribute.name
    instance_of(value, str, name, "not_text", "{path} must be text, got {value}", invalid=invalid)


def _check_timezone(_inst: object, _attribute: object, value: str) -> None:
    try:
        ZoneInfo(value)
    except (ValueError, TypeError, LookupError) as exc:
        raise invalid(
            "timezone",
            "unknown_timezone",
            "{path} must be an IANA time zone, got {value}",
            path="timezone",
            value=masked(value),
        ) from exc


@attrs.frozen
class PostSchedule:
    """A distributor's tariff posts (postos tarifários homologated at its tariff review).

    Ponta is three consecutive hours from ``peak_start``; intermediário (tarifa branca
    only) the hour before and the hour after; fora de ponta the rest. Intervals are
    half-open: with ``peak_start=20:00``, 20:00 is ponta and 23:00 intermediário.

    Attributes:
        peak_start: Local wall time at which ponta begins.
        timezone: IANA time zone of the wall times (``America/Manaus``).
        name: Preset name, if any.
        source: Where the window comes from.

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c"; art. 225 (homologated at the review).

    Examples:
        >>> s = PostSchedule(time(18, 0), "America/Sao_Paulo")
        >>> str(s.peak_end), [(str(a), str(b)) for a, b in s.intermediate_windows]
        ('21:00:00', [('17:00:00', '18:00:00'), ('21:00:00', '22:00:00')])
    """

    peak_start: time = attrs.field(validator=_check_peak_start)
    timezone: str = attrs.field(validator=_check_timezone)
    name: str = attrs.field(default="", kw_only=True, validator=_check_label)
    source: str = attrs.field(default="", kw_only=True, validator=_check_label)

    @property
    def tzinfo(self) -> ZoneInfo:
        """The schedule's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def _start_minute(self) -> int:
        return self.peak_start.hour * 60 + self.peak_start.minute

    @property
    def peak_end(self) -> time:
        """End of ponta (exclusive)."""
        end = self._start_minute + _PEAK_HOURS * 60
        return hm(end // 60, end % 60)

    @property
    def intermediate_windows(self) -> tuple[tuple[time, time], tuple[time, time]]:
        """The two intermediário hours, each ``(start, end)`` half-open."""
        start = self._start_minute
        end = start + _PEAK_HOURS * 60

        def at(minute: int) -> time:
            return hm(minute // 60 % 24, minute % 60)

        return ((at(start - 60), at(start)), (at(end), at(end + 60)))

    def minute_table(self, modality: TariffModality) -> tuple[TariffPost, ...]:
        """Post of each minute of a day with ponta (1,440 entries) for ``modality``."""
        return _minute_table(self._start_minute, check_modality(modality) is TariffModality.WHITE)


@functools.lru_cache(maxsize=128)
def _minute_table(start: int, white: bool) -> tuple[TariffPost, ...]:
    end = start + _PEAK_HOURS * 60
    table = [TariffPost.OFF_PEAK] * _MINUTES_PER_DAY
    # art. 2º, XXXVIII, "b": intermediário, one hour before and one after ponta, group B only
    if white:
        for minute in (*range(start - 60, start), *range(end, end + 60)):
            table[minute] = TariffPost.INTERMEDIATE
    # art. 2º, XXXVIII, "a": ponta, 3 consecutive hours
    for minute in range(start, end):
        table[minute] = TariffPost.PEAK
    return tuple(table)


_OFF_PEAK_DAY: Final = (TariffPost.OFF_PEAK,) * _MINUTES_PER_DAY

AMAZONAS_ENERGIA: Final = PostSchedule(
    hm(20, 0),
    "America/Manaus",
    name="amazonas-energia",
    source=(
        "Amazonas Energia: ponta 20:00–23:00 (intermediário 19–20 h and 23–24 h), from three "
        "concordant secondary sources (ANEEL/STR table, ANEEL tarifa branca panel, state "
        "leaflet); not read in the homologating REH (Medium). UTC−4 (America/Manaus); whether "
        "the UTC−5 municipalities (America/Eirunepe) use their own clock is UNVERIFIED."
    ),
)
"""Amazonas Energia's tariff posts (ponta 20:00–23:00, America/Manaus)."""

POST_SCHEDULES: Final[Mapping[str, PostSchedule]] = MappingProxyType(
    {AMAZONAS_ENERGIA.name: AMAZONAS_ENERGIA}
)
"""Shipped schedules by preset name."""


def post_schedule(name: str) -> PostSchedule:
    """Look a shipped schedule up by name (``"amazonas-energia"``; case and spaces ignored).

    Raises:
        InvalidInputError: no preset has that name.

    Examples:
        >>> post_schedule("Amazonas Energia").peak_start
        datetime.time(20, 0)
    """
    key = "-".join(name.strip().lower().replace("_", " ").split()) if isinstance(name, str) else ""
    try:
        return POST_SCHEDULES[key]
    except KeyError:
        raise invalid(
            "distributor",
            "unknown_schedule",
            "no tariff-post schedule named {value} (known: {known})",
            value=masked(name),
            known=", ".join(sorted(POST_SCHEDULES)),
        ) from None


def check_modality(given: object) -> TariffModality:
    modality = instance_of(
        given,
        TariffModality,
        "modality",
        "not_a_modality",
        "{path} must be a TariffModality, got {value}",
        invalid=invalid,
    )
    # art. 211: the convencional modality has no hourly segmentation
    if not modality.has_posts:
        raise InvalidInputError.single(
            "modality",
            "no_posts",
            "the {value} modality has no tariff posts",
            domain=DOMAIN,
            basis=ren1000(211),
            value=modality.value,
        )
    return modality


def check_offered(modality: TariffModality, day: date) -> None:
    # REN 414, art. 57 (group B, II): branca only once REN 733/2016 made it available (2018)
    if modality is TariffModality.WHITE and not WHITE_TARIFF_AVAILABILITY.value_on(day).available:
        raise NotInForceError(
            "the tarifa branca was not yet offered on {day} (available from {since})",
            code="white_tariff_not_offered",
            on=day,
            what=WHITE_TARIFF_AVAILABILITY.name,
            day=day.isoformat(),
            since=WHITE_TARIFF_AVAILABILITY.periods[1].since.isoformat(),
        )


def _local(at: object, schedule: PostSchedule, path: str) -> datetime:
    moment = to_datetime(at, path=path)
    return moment if moment.tzinfo is None else moment.astimezone(schedule.tzinfo)


def check_schedule(schedule: object, *, invalid: InvalidFactory = invalid) -> PostSchedule:
    """``schedule`` if it is a :class:`PostSchedule` (code ``not_a_schedule``)."""
    return instance_of(
        schedule,
        PostSchedule,
        "schedule",
        "not_a_schedule",
        "{path} must be a PostSchedule, got {value}",
        invalid=invalid,
    )


def tariff_post(at: datetime, schedule: PostSchedule, *, modality: TariffModality) -> TariffPost:
    """Tariff post of an instant (posto tarifário).

    Args:
        at: The instant. A naive datetime is the schedule's local wall time; an aware one
            is converted to the schedule's time zone.
        schedule: The distributor's posts.
        modality: Horária branca (three posts) or horária verde/azul (ponta and fora de
            ponta).

    Returns:
        The post; on a peak-exempt day every hour is fora de ponta.

    Raises:
        InvalidInputError: a convencional modality (it has no posts) or bad input.
        NotInForceError: a date before REN 414/2010, or horária branca on a date before
            it was offered (1 Jan 2018, see :data:`WHITE_TARIFF_AVAILABILITY`).

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c"; arts. 212–214.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> s, white = AMAZONAS_ENERGIA, TariffModality.WHITE
        >>> [tariff_post(datetime(2026, 3, 9, h, m), s, modality=white).value
        ...  for h, m in ((19, 59), (20, 0), (22, 59), (23, 0), (0, 0))]
        ['intermediário', 'ponta', 'ponta', 'intermediário', 'fora de ponta']
        >>> tariff_post(datetime(2026, 3, 10, 0, 30, tzinfo=ZoneInfo("UTC")), s,
        ...             modality=TariffModality.BLUE)
        <TariffPost.PEAK: 'ponta'>
        >>> tariff_post(datetime(2026, 2, 17, 20, 30), s, modality=white)
        <TariffPost.OFF_PEAK: 'fora de ponta'>
    """
    return explain_tariff_post(at, schedule, modality=modality).value


def explain_tariff_post(
    at: datetime, schedule: PostSchedule, *, modality: TariffModality
) -> Determination[TariffPost]:
    """Like :func:`tariff_post`, with the provisions that produced the answer.

    Examples:
        >>> result = explain_tariff_post(datetime(2026, 11, 20, 20, 30), AMAZONAS_ENERGIA,
        ...                              modality=TariffModality.GREEN)
        >>> result.value.value
        'fora de ponta'
        >>> str(result.basis[0])
        'REN 1.000/2021, art. 2º, XXXVIII, "a" (redação dada pela REN 1.101/2024)'
    """
    schedule = check_schedule(schedule)
    modality = check_modality(modality)
    local = _local(at, schedule, "at")
    day = local.date()
    regime = norm_in_force(day)
    check_offered(modality, day)
    exempt = exempt_map(day.year).get(day)
    ren1000_in_force = regime is Norm.REN_1000_2021
    modality_ref = _MODALITY_BASIS[modality] if ren1000_in_force else _REN414_MODALITY_BASIS
    if exempt is not None:
        return Determination(TariffPost.OFF_PEAK, (*exempt.basis, modality_ref))
    post = schedule.minute_table(modality)[local.hour * 60 + local.minute]
    if not ren1000_in_force:
        return Determination(post, (_REN414_POST_BASIS, modality_ref))
    if post is TariffPost.PEAK and day >= REN1101_SINCE:
        # art. 2º, XXXVIII, "a" (ponta) in the wording REN 1.101/2024 gave the whole alínea
        return Determination(post, (_PEAK_BASIS_REN1101, modality_ref))
    return Determination(post, (_POST_BASIS[post], modality_ref))


# Citations built once (tariff_post is called per meter interval).
_MODALITY_BASIS: Final = {
    TariffModality.WHITE: ren1000(212),
    TariffModality.GREEN: ren1000(213),
    TariffModality.BLUE: ren1000(214),
}
_REN414_MODALITY_BASIS: Final = ren414(2, item="L")
_REN414_POST_BASIS: Final = ren414(2)
_PEAK_BASIS_REN1101: Final = ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024)
_POST_BASIS: Final = {
    TariffPost.PEAK: ren1000(2, item="XXXVIII", subitem="a"),
    TariffPost.INTERMEDIATE: ren1000(2, item="XXXVIII", subitem="b"),
    TariffPost.OFF_PEAK: ren1000(2, item="XXXVIII", subitem="c"),
}


def tariff_posts(
    timestamps: Iterable[datetime], schedule: PostSchedule, *, modality: TariffModality
) -> tuple[TariffPost, ...]:
    """Tariff post of each timestamp, for bulk use (a year of 15-minute intervals).

    Same answers as :func:`tariff_post`, but the calendar is computed once per day and
    each timestamp costs one dictionary and one tuple lookup.

    Raises:
        InvalidInputError: an element is not a datetime (the path names its index), or as
            :func:`tariff_post`.
        NotInForceError: as :func:`tariff_post`.

    Legal basis:
        - As :func:`tariff_post`.

    Examples:
        >>> stamps = [datetime(2026, 3, 9, h) for h in (18, 19, 20, 23)]
        >>> [p.value for p in tariff_posts(stamps, AMAZONAS_ENERGIA, modality=TariffModality.WHITE)]
        ['fora de ponta', 'intermediário', 'ponta', 'intermediário']
    """
    schedule = check_schedule(schedule)
    table = schedule.minute_table(modality)
    if _is_column(timestamps):
        # numpy, pandas, Arrow or polars timestamps: the columnar path, never iterated here
        from aneel_rules.frames._posts import post_codes_at  # noqa: PLC0415 (extra, lazy)

        codes = post_codes_at(timestamps, schedule, modality, "timestamps")
        return tuple(map(_POST_BY_CODE.__getitem__, codes.tolist()))
    try:
        stamps = timestamps if isinstance(timestamps, list | tuple) else list(timestamps)
    except TypeError:
        raise invalid(
            "timestamps",
            "not_iterable",
            "{path} must be an iterable of datetimes, got {value}",
            path="timestamps",
            value=masked(timestamps),
        ) from None
    if _naive_sorted(stamps):
        return _sorted_posts(stamps, modality, table)
    return _each_post(stamps, schedule, modality, table)


_POST_BY_CODE: Final = (TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE, TariffPost.PEAK)
_COLUMN_MODULES: Final = frozenset({"numpy", "pandas", "pyarrow", "polars"})


def _is_column(value: object) -> bool:
    """Whether ``value`` is a timestamp column of numpy, pandas, Arrow or polars.

    Decided from the type's module and dtype, so numpy is never imported for other input.
    """
    if type(value).__module__.partition(".")[0] not in _COLUMN_MODULES:
        return False
    dtype = getattr(value, "dtype", None)
    if getattr(dtype, "kind", None) == "M":
        return True
    arrow_type = getattr(value, "type", None)
    return str(arrow_type if dtype is None else dtype).startswith(("timestamp", "Datetime"))


def _naive_sorted(stamps: list[datetime] | tuple[datetime, ...]) -> bool:
    """Whether every element is a naive datetime and the sequence is in ascending order."""
    # Plain datetimes only: a Timestamp (nanoseconds, NaT) goes through the input kit.
    if not stamps or set(map(type, stamps)) != {datetime}:
        return False
    if stamps[0].tzinfo is not None or stamps[-1].tzinfo is not None:
        return False
    try:
        # Naive and aware datetimes do not compare (TypeError): sorting from a naive first
        # element proves every element naive. On sorted input ``sorted`` makes one pass and
        # the comparison finds the same objects (identity), so this is the cheap test.
        return (
            stamps == sorted(stamps)
            if isinstance(stamps, list)
            else (list(stamps) == sorted(stamps))
        )
    except TypeError:
        return False


def _runs(table: tuple[TariffPost, ...]) -> tuple[tuple[timedelta, TariffPost], ...]:
    """The minute table as ``(start, post)`` runs, each start an offset from midnight."""
    return tuple(
        (timedelta(minutes=minute), post)
        for minute, post in enumerate(table)
        if minute == 0 or table[minute - 1] is not post
    )


def _sorted_posts(
    stamps: list[datetime] | tuple[datetime, ...],
    modality: TariffModality,
    table: tuple[TariffPost, ...],
) -> tuple[TariffPost, ...]:
    """Naive stamps in ascending order: each day and each run of a post found by bisection."""
    first = stamps[0].date()
    require_calendar(first)
    check_offered(modality, first)
    runs = _runs(table)
    posts: list[TariffPost] = []
    lo, size = 0, len(stamps)
    while lo < size:
        day = stamps[lo].date()
        midnight = datetime.combine(day, time.min)
        # one bisection per day: the stamps of the day are stamps[lo:end]
        end = (
            size
            if day == date.max
            else bisect.bisect_left(stamps, midnight + timedelta(days=1), lo)
        )
        if day in exempt_map(day.year):
            posts.extend([TariffPost.OFF_PEAK] * (end - lo))
        else:
            for (_start, post), following in itertools.zip_longest(runs, runs[1:]):
                hi = (
                    end
                    if following is None
                    else bisect.bisect_left(stamps, midnight + following[0], lo, end)
                )
                posts.extend([post] * (hi - lo))
                lo = hi
        lo = end
    return tuple(posts)


def _each_post(
    stamps: list[datetime] | tuple[datetime, ...],
    schedule: PostSchedule,
    modality: TariffModality,
    table: tuple[TariffPost, ...],
) -> tuple[TariffPost, ...]:
    """Any order, aware or naive: per-day facts looked up in a dictionary."""
    tz = schedule.tzinfo
    day_tables: dict[int, tuple[TariffPost, ...]] = {}
    posts: list[TariffPost] = []
    append = posts.append
    for index, given in enumerate(stamps):
        # a Timestamp, or not a datetime at all: read by the input kit
        at = given if type(given) is datetime else to_datetime(given, path=f"timestamps.{index}")
        local = at if at.tzinfo is None else at.astimezone(tz)
        ordinal = local.toordinal()
        day_table = day_tables.get(ordinal)
        if day_table is None:
            day = local.date()
            require_calendar(day)
            check_offered(modality, day)
            day_table = _OFF_PEAK_DAY if day in exempt_map(day.year) else table
            day_tables[ordinal] = day_table
        append(day_table[local.hour * 60 + local.minute])
    return tuple(posts)
