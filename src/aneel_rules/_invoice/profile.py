"""Measurements from a 15-minute load profile (memória de massa).

The one definition of demand integration (demanda medida, REN 1.000/2021, art. 2º, XIII: the
largest active demand "integralizada em intervalos de 15 minutos"): an interval's demand is its
average power, i.e. its energy (kWh) × 4, or the value itself when the meter gives average kW.
Each interval is classified in the tariff post of its *start*: an interval labelled by its end
(``label="end"``, 18:00 standing for 17:45–18:00) belongs to the post before the label, never
to the next one. Reactive quantities use the one-hour intervals of art. 304 (see
:mod:`aneel_rules._invoice.reactive`).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Hashable, Sequence
from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Final, Literal, TypeVar

from aneel_rules._billing.money import CTX
from aneel_rules._convert import (
    MAX_MAGNITUDE,
    instance_of,
    masked,
    non_negative,
    to_datetime,
    to_decimal,
)
from aneel_rules._invoice.bill import exact_sum
from aneel_rules._invoice.measurements import Measurements
from aneel_rules._invoice.messages import UNVERIFIED_REN414, invalid, unsupported
from aneel_rules._invoice.reactive import (
    _FR_SQUARED,
    REFERENCE_POWER_FACTOR,
    CapacitiveWindow,
    below_reference,
)
from aneel_rules._tariffs.modality_types import TariffModality
from aneel_rules._tariffs.posts import PostSchedule, TariffPost, check_schedule, tariff_posts
from aneel_rules.legal import Norm, in_force_from, norm_in_force, ren414, ren1000

__all__ = (
    "INTEGRATION_MINUTES",
    "MAX_PROFILE_INTERVALS",
    "interval_demand_kw",
    "measurements_from_profile",
)

INTEGRATION_MINUTES: Final = 15
"""Demand integration interval (art. 2º, XIII)."""

_PER_HOUR: Final = Decimal(60 // INTEGRATION_MINUTES)
_STEP: Final = timedelta(minutes=INTEGRATION_MINUTES)
_NO_SHIFT: Final = timedelta(0)
_TZINFO: Final = operator.attrgetter("tzinfo")
_ZERO: Final = Decimal(0)
_ZERO_TERM: Final = Decimal(0)  # hour_terms' excess of an hour at or above 0.92 (added as is)
_QUARTER_HOUR: Final = Decimal("0.25")  # hours in one 15-minute interval (kW → kWh, exact)
_ONE: Final = Decimal(1)
_K = TypeVar("_K", bound=Hashable)

MAX_PROFILE_INTERVALS: Final = 47 * 24 * 60 // INTEGRATION_MINUTES
"""Largest profile accepted: 47 days of 15-minute intervals (the longest reading interval,
REN 1.000/2021, art. 261); checked before any work."""

_UNITS: Final = ("kW", "kWh")
_LABELS: Final = ("start", "end")
_DAY_MINUTES: Final = 24 * 60
_IRRIGATION_MINUTES: Final = 8 * 60 + 30


def interval_demand_kw(value: Decimal, unit: str) -> Decimal:
    """Average power of one 15-minute interval, in kW (art. 2º, XI and XIII).

    Examples:
        >>> interval_demand_kw(Decimal("25"), "kWh"), interval_demand_kw(Decimal("100"), "kW")
        (Decimal('100'), Decimal('100'))
    """
    # art. 2º, XI: an average power; a 15-minute energy or power is never negative
    value = non_negative(value, "value", invalid=invalid, shown="text")
    unit = _choice(unit, ("kW", "kWh"), "unit")
    return CTX.multiply(value, _PER_HOUR) if unit == "kWh" else value


def _choice(value: object, allowed: tuple[str, ...], path: str) -> str:
    if value not in allowed:
        raise invalid(
            path,
            "invalid_choice",
            "{path} must be one of {allowed}, got {value}",
            path=path,
            allowed=", ".join(allowed),
            value=masked(value),
        )
    return str(value)


def _sequence(value: object, path: str) -> Sequence[object]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise invalid(
            path,
            "not_a_sequence",
            "{path} must be a sequence (list or tuple), got {value}",
            path=path,
            value=masked(value),
        )
    return value


def _check_sizes(stamps: Sequence[object], others: dict[str, Sequence[object]]) -> None:
    if not stamps or len(stamps) > MAX_PROFILE_INTERVALS:
        raise invalid(
            "stamps",
            "profile_size",
            "{path} must hold 1 to {maximum} intervals (47 days of 15 minutes), got {value}",
            basis=ren1000(261),
            path="stamps",
            maximum=str(MAX_PROFILE_INTERVALS),
            value=str(len(stamps)),
        )
    for path, values in others.items():
        if len(values) != len(stamps):
            raise invalid(
                path,
                "length_mismatch",
                "{path} has {value} values for {count} stamps",
                path=path,
                value=str(len(values)),
                count=str(len(stamps)),
            )


def _starts(stamps: Sequence[object], schedule: PostSchedule, label: str) -> list[datetime]:
    """Local, naive interval starts, checked: 15-minute grid, strictly increasing."""
    shift = _STEP if label == "end" else _NO_SHIFT
    if set(map(type, stamps)) == {datetime} and set(map(_TZINFO, stamps)) == {None}:
        # naive datetimes (the common case): the checks of _checked_starts, column-wise
        starts = list(map(operator.sub, stamps, itertools.repeat(shift)))
        if _on_grid_increasing(starts):
            return starts
    return _checked_starts(stamps, schedule, shift)


def _on_grid_increasing(starts: list[datetime]) -> bool:
    """Whether naive ``starts`` are on the 15-minute grid and strictly increasing.

    The first on the grid and every step a positive multiple of 15 minutes (naive
    differences are exact wall-clock arithmetic) put every start on the grid.
    """
    first = starts[0]
    if first.minute % INTEGRATION_MINUTES or first.second or first.microsecond:
        return False
    steps = list(map(operator.sub, itertools.islice(starts, 1, None), starts))
    if steps == [_STEP] * len(steps):  # no gap: the usual complete profile
        return True
    return min(steps, default=_STEP) > _NO_SHIFT and not any(
        map(operator.mod, steps, itertools.repeat(_STEP))
    )


def _checked_starts(
    stamps: Sequence[object], schedule: PostSchedule, shift: timedelta
) -> list[datetime]:
    """:func:`_starts` stamp by stamp, raising the error of the first bad one."""
    tz = schedule.tzinfo
    starts: list[datetime] = []
    previous: datetime | None = None
    for index, given in enumerate(stamps):
        at = to_datetime(given, path=f"stamps.{index}")
        local = (at if at.tzinfo is None else at.astimezone(tz).replace(tzinfo=None)) - shift
        if local.minute % INTEGRATION_MINUTES or local.second or local.microsecond:
            raise invalid(
                f"stamps.{index}",
                "off_grid",
                "{path} is not on the 15-minute grid: {value}",
                basis=ren1000(2, item="XIII"),
                path=f"stamps.{index}",
                value=at.isoformat(),
            )
        if previous is not None and local <= previous:
            raise invalid(
                f"stamps.{index}",
                "not_increasing",
                "{path} is not after the previous stamp: {value}",
                path=f"stamps.{index}",
                value=at.isoformat(),
            )
        previous = local
        starts.append(local)
    return starts


def _check_schedule_grid(schedule: PostSchedule) -> None:
    # An interval is classified by its start: the posts must change on the 15-minute grid.
    if schedule.peak_start.minute % INTEGRATION_MINUTES:
        raise invalid(
            "schedule",
            "posts_off_grid",
            "the tariff posts of {value} do not start on a quarter hour: 15-minute intervals "
            "would straddle two posts",
            value=schedule.name or str(schedule.peak_start),
        )


def _numbers(values: Sequence[object], path: str) -> list[Decimal]:
    """Each value as a Decimal, as :func:`aneel_rules._convert.to_decimal` reads it.

    Plain ASCII numeric strings and Decimals take a fast path (a profile has thousands of
    them); anything else goes through ``to_decimal``, which also raises the errors.
    """
    kinds = set(map(type, values))
    if kinds <= {str, Decimal}:
        # The whole profile at once: ASCII text without "_" is read by Decimal exactly as
        # to_decimal's pattern reads it, except NaN/Infinity (refused by the checks below).
        text = "".join(
            values if kinds == {str} else [v for v in values if type(v) is str]  # type: ignore[arg-type]
        )
        if text.isascii() and "_" not in text:
            try:
                numbers = list(map(Decimal, values))  # type: ignore[arg-type]
            except InvalidOperation:
                numbers = []
            if (
                numbers
                and all(map(Decimal.is_finite, numbers))
                and max(map(Decimal.copy_abs, numbers)) < MAX_MAGNITUDE
            ):
                return numbers
    # anything else, one by one, with the library's errors
    return [
        to_decimal(value, path=f"{path}.{index}", allow_float=True)
        for index, value in enumerate(values)
    ]


def _check_active(numbers: list[Decimal]) -> None:
    if min(numbers) >= 0:  # one comparison pass; the loop below finds the first negative
        return
    for index, number in enumerate(numbers):
        non_negative(number, f"values.{index}", invalid=invalid, shown="text")


_REN418_SINCE: Final = in_force_from(Norm.REN_418_2010)
"""First day of REN 414, art. 96 in the wording of REN 418/2010 (hourly ``T`` quoted)."""
_ALIGNMENTS: Final = tuple(range(0, 60, INTEGRATION_MINUTES))
"""Minutes past the hour at which a one-hour interval ``T`` may start on a 15-minute meter."""


def _low_hour_on_some_grid(
    starts: list[datetime], active: list[Decimal], kvar: list[Decimal]
) -> bool:
    """Whether some one-hour interval, on any of the four 15-minute alignments, is below 0.92.

    An hour is the sum of the profile's intervals that start in it (as :func:`_reactive`);
    either kind (inductive or capacitive) counts, the window being unknown, and each kind is
    summed apart (a meter's inductive and capacitive registers): ``|ΣQ|`` never exceeds the
    larger of the two, so the net reading of :func:`_reactive` is covered too.
    """
    minutes = [at.toordinal() * _DAY_MINUTES + at.hour * 60 + at.minute for at in starts]
    inductive = [max(q, _ZERO) for q in kvar]
    capacitive = [min(q, _ZERO) for q in kvar]
    for shift in _ALIGNMENTS:
        slices = [slice(lo, hi) for _h, lo, hi in _runs([(m - shift) // 60 for m in minutes])]
        p = _slice_sums(active, slices)
        if any(map(below_reference, p, _slice_sums(inductive, slices))) or any(
            map(below_reference, p, _slice_sums(capacitive, slices))
        ):
            return True
    return False


def _check_ren414_window(
    starts: list[datetime], active: list[Decimal], kvar: list[Decimal]
) -> None:
    """Refuse a REN 414/2010 reactive profile whose excess depends on a reading not quoted.

    REN 414/2010, art. 96 (wording of REN 418/2010, quoted): ``fT`` is "calculado em cada
    intervalo “T” de 1 (uma) hora", ``fR`` = 0,92 (art. 95), and only hours with
    ``fT < fR`` give an excess (``fR/fT − 1 > 0``). Open, for want of § 1º, I–II: (a) the
    capacitive window (where the 6 hours lie); (b) which kind of factor counts in and out of
    it, and whether an hour's reactive energy is net or each kind's register; (c) hence the
    hours' grid: on a 15-minute meter, hours starting at :00, :15, :30 or :45. Before REN
    418/2010 (2010-11-23; the 2010 wording was not found) also (d) whether ``T`` is one hour
    or the 15-minute integration interval.

    The excess is 0 under every reading when no interval any reading integrates has a
    factor below 0.92, whatever its kind: from 2010-11-23, every hour on the four
    alignments; before, every 15-minute interval too (which implies the hours:
    ``|ΣQ| ≤ Σ|Q| ≤ tan(arccos 0.92)·ΣP``). Such a profile is answered (excess 0); any other
    is refused (``unverified_ren414``, ``.basis`` art. 96, § 1º).
    """
    day = starts[-1].date()  # the regime of the profile's last measured day
    if norm_in_force(day) is not Norm.REN_414_2010 or not any(map(below_reference, active, kvar)):
        return
    if day >= _REN418_SINCE and not _low_hour_on_some_grid(starts, active, kvar):
        return  # a 15-minute interval below 0.92, no hour on any grid: 0 under every reading
    raise unsupported(
        "the reactive excess of a load profile under REN 414/2010 is not computed: the "
        "capacitive window and the power factors counted in and out of it (art. 96, § 1º) are "
        "not quoted in any source found; give the meter's excess and corrected demand to "
        "compute_bill in Measurements",
        on=day,
        code=UNVERIFIED_REN414,
        basis=ren414(96, paragraph=1),
    )


def measurements_from_profile(
    stamps: Sequence[datetime],
    values: Sequence[Decimal | float | int | str],
    schedule: PostSchedule,
    *,
    modality: TariffModality,
    unit: Literal["kW", "kWh"] = "kW",
    reactive: Sequence[Decimal | float | int | str] | None = None,
    label: Literal["start", "end"] = "start",
    capacitive_window: CapacitiveWindow | None = None,
    irrigation_start: time | None = None,
) -> Measurements:
    """Measurements of one reading period from a 15-minute load profile.

    Args:
        stamps: One datetime per 15-minute interval, strictly increasing (gaps allowed).
            Naive = the schedule's local wall time; aware ones are converted.
        values: Active quantity of each interval: average power (``unit="kW"``) or energy
            (``unit="kWh"``).
        schedule: The distributor's tariff posts.
        modality: Tariff modality (azul: demand per post; verde: one demand; branca: three
            energy posts; convencional: no post).
        unit: Unit of ``values`` (and of ``reactive``: kvar or kvarh).
        reactive: Reactive quantity of each interval, signed (+ inductive, − capacitive).
        label: Whether a stamp is the start or the end of its interval.
        capacitive_window: The distributor's 6-hour capacitive window (required with
            ``reactive``, art. 304, § 1º, I).
        irrigation_start: Start of the daily irrigation/aquaculture window (8 h 30 min,
            art. 186), to measure the energy it covers.

    Returns:
        Energy per post, measured demand (largest 15-minute average, art. 2º, XIII) per post
        for azul and single otherwise (group A), energy per day (art. 307, § 1º), and, with
        ``reactive``, the reactive excess energy and the corrected hourly demands (art. 304).

    Raises:
        InvalidInputError: more than :data:`MAX_PROFILE_INTERVALS` intervals (checked first),
            lengths that differ, stamps off the 15-minute grid or not increasing, a negative
            active value, ``reactive`` without ``capacitive_window``.
        NotInForceError: as :func:`aneel_rules.tariffs.tariff_posts`; ``reactive`` on a
            profile ending before REN 414/2010.
        UnsupportedCaseError: ``reactive`` on a profile whose last interval starts before
            2022-01-03 (REN 414/2010) with some one-hour interval, on any of the four
            15-minute alignments (:00, :15, :30, :45), whose power factor is below 0.92
            (either kind); before 2010-11-23 (REN 418/2010), with some 15-minute interval
            below it. Code ``unverified_ren414``, ``basis`` REN 414/2010, art. 96, § 1º: the
            window of :class:`CapacitiveWindow` is REN 1.000's, and REN 414's (wording of
            REN 418/2010) was not found. Otherwise the excess is 0 under every reading of
            § 1º (art. 96 charges only hours with ``fT`` below ``fR`` = 0,92, art. 95) and
            the profile is answered (excess 0), even with a 15-minute interval below 0.92.

    Legal basis:
        - REN 1.000/2021, art. 2º, XI, XIII and XXI; arts. 212–214 (posts); art. 304, § 1º.
        - REN 414/2010, art. 95 and art. 96 caput (REN 418/2010 wording: hourly ``T``,
          ``fR`` = 0,92); art. 96, § 1º (not found: see ``Raises``).

    Examples:
        >>> from aneel_rules.tariffs import AMAZONAS_ENERGIA
        >>> stamps = [datetime(2026, 3, 9, 19, 45) + timedelta(minutes=15 * i) for i in range(3)]
        >>> m = measurements_from_profile(stamps, ["10", "30", "20"], AMAZONAS_ENERGIA,
        ...                               modality=TariffModality.BLUE, unit="kWh")
        >>> m.demand_kw[TariffPost.OFF_PEAK], m.demand_kw[TariffPost.PEAK]
        (Decimal('40'), Decimal('120'))

        Labelled by their end, the same stamps are 19:30–20:15: the 20:00 interval is the
        last of fora de ponta, not the first of ponta:

        >>> m = measurements_from_profile(stamps, ["10", "30", "20"], AMAZONAS_ENERGIA,
        ...                               modality=TariffModality.BLUE, unit="kWh", label="end")
        >>> m.demand_kw[TariffPost.OFF_PEAK], m.demand_kw[TariffPost.PEAK]
        (Decimal('120'), Decimal('80'))
        >>> m.energy_kwh[TariffPost.OFF_PEAK]
        Decimal('40')
    """
    unit_name = _choice(unit, _UNITS, "unit")
    shift_label = _choice(label, _LABELS, "label")
    stamp_seq = _sequence(stamps, "stamps")
    value_seq = _sequence(values, "values")
    others = {"values": value_seq}
    reactive_seq = None if reactive is None else _sequence(reactive, "reactive")
    if reactive_seq is not None:
        others["reactive"] = reactive_seq
    _check_sizes(stamp_seq, others)
    check_schedule(schedule, invalid=invalid)
    if reactive_seq is not None and not isinstance(capacitive_window, CapacitiveWindow):
        raise invalid(
            "capacitive_window",
            "window_required",
            "{path} is required with reactive values: the distributor's 6-hour window "
            "decides which power factors count",
            basis=ren1000(304, paragraph=1, item="I"),
            path="capacitive_window",
        )
    instance_of(
        modality,
        TariffModality,
        "modality",
        "not_a_modality",
        "{path} must be a TariffModality, got {value}",
        invalid=invalid,
    )
    starts = _starts(stamp_seq, schedule, shift_label)
    active = _numbers(value_seq, "values")
    _check_active(active)
    kvar = None if reactive_seq is None else _numbers(reactive_seq, "reactive")
    if kvar is not None:
        _check_ren414_window(starts, active, kvar)
    if modality.has_posts:
        _check_schedule_grid(schedule)
        posts: tuple[TariffPost | None, ...] = tariff_posts(starts, schedule, modality=modality)
    else:
        posts = (None,) * len(starts)
    return _aggregate(
        starts,
        posts,
        active,
        modality=modality,
        reactive=kvar,
        unit=unit_name,
        window=capacitive_window,
        irrigation_start=irrigation_start,
    )


def _runs(keys: Sequence[_K]) -> list[tuple[_K, int, int]]:
    """``(key, start, stop)`` of each run of equal adjacent keys."""
    changed = map(operator.ne, keys, itertools.islice(keys, 1, None))
    cuts = list(itertools.compress(itertools.count(1), changed))
    bounds = [0, *cuts, len(keys)]
    return [(keys[lo], lo, hi) for lo, hi in itertools.pairwise(bounds)]


def _aggregate(
    starts: list[datetime],
    posts: Sequence[TariffPost | None],
    raw: list[Decimal],
    *,
    modality: TariffModality,
    reactive: list[Decimal] | None,
    unit: str,
    window: CapacitiveWindow | None,
    irrigation_start: time | None,
) -> Measurements:
    """Sums per post, day and hour of the raw values, scaled once per sum (exact)."""
    # kW → kWh: × 0.25 h per interval; kWh → kW: × 4 (art. 2º, XI and XIII)
    to_kwh = _QUARTER_HOUR if unit == "kW" else _ONE
    to_kw = _ONE if unit == "kW" else _PER_HOUR
    mul = CTX.multiply
    energy: dict[TariffPost | None, Decimal] = {}
    peaks: dict[TariffPost | None, Decimal] = {}
    for post, first, stop in _runs(posts):
        key = post
        part = exact_sum(raw[first:stop])
        energy[key] = CTX.add(energy.get(key, _ZERO), part)
        top = max(raw[first:stop])
        if key not in peaks or top > peaks[key]:
            peaks[key] = top
    energy = {post: mul(value, to_kwh) for post, value in energy.items()}
    demand: dict[TariffPost | None, Decimal] = {}
    # art. 2º, XIII: the largest 15-minute average power, per post for azul, single for verde
    if modality is TariffModality.BLUE:
        demand = {post: mul(value, to_kw) for post, value in peaks.items()}
    elif modality is TariffModality.GREEN:
        demand = {None: mul(max(raw), to_kw)}
    by_day = {
        day: mul(exact_sum(raw[first:stop]), to_kwh)
        for day, first, stop in _runs(list(map(datetime.date, starts)))
    }
    excess: Decimal | None = None
    corrected: dict[TariffPost | None, Decimal] = {}
    if reactive is not None and window is not None:
        excess = _reactive(
            starts,
            posts,
            raw,
            reactive,
            window=window,
            scale=to_kwh,
            corrected=corrected,
            per_post=modality is TariffModality.BLUE,
        )
    irrigation = None
    if irrigation_start is not None:
        irrigation = mul(_irrigation_kwh(starts, raw, irrigation_start), to_kwh)
    return Measurements(
        energy_kwh=energy,
        demand_kw=demand or None,
        reactive_excess_kwh=excess,
        reactive_demand_kw=corrected or None,
        energy_by_day=by_day,
        irrigation_kwh=irrigation,
    )


def _reactive(
    starts: list[datetime],
    posts: Sequence[TariffPost | None],
    raw: list[Decimal],
    kvar: list[Decimal],
    *,
    window: CapacitiveWindow,
    scale: Decimal,
    corrected: dict[TariffPost | None, Decimal],
    per_post: bool,
) -> Decimal:
    """Σ of hourly excess energy; fills ``corrected`` with the largest corrected demand."""
    offset = window.hour_offset
    day = _DAY_MINUTES
    # art. 304: one-hour intervals T, on the grid of the capacitive window (stamps increase,
    # so the intervals of one hour are adjacent). Hour numbers count from 0001-01-01 plus the
    # window's offset: whole hours, so the hour of the day is ``hour % 24``. The starts are
    # on the 15-minute grid (no seconds): their whole minutes since that origin, // 60.
    hours = [
        ((at.toordinal() - 1) * day + at.hour * 60 + at.minute - offset) // 60 for at in starts
    ]
    capacitive_at = [window.contains_minute((h * 60 + offset) % day) for h in range(24)]
    # The hourly terms are homogeneous of degree 1 in (P, Q) (the power factor is
    # scale-free), so they are computed on the raw sums and scaled once at the end.
    add, mul = CTX.add, CTX.multiply
    total = _ZERO
    values: list[Decimal] = []
    runs = _runs(hours)
    firsts = [first for _hour, first, _stop in runs]
    slices = [slice(first, stop) for _hour, first, stop in runs]
    ps = _slice_sums(raw, slices)
    qs = _slice_sums(kvar, slices)
    for (hour, _first, _stop), p, q in zip(runs, ps, qs, strict=True):
        capacitive = capacitive_at[hour % 24]
        if q >= 0 if capacitive else q <= 0:
            value = p  # not of the kind the hour looks at: hour_terms gives (0, P)
        else:
            # hour_terms(p, q, capacitive_hour=capacitive), its steps inline (651 hours in
            # a month): below_reference's exact test, then 0.92 × sqrt(P² + Q²)
            p2 = mul(p, p)
            s2 = add(p2, mul(q, q))
            if p2 < mul(_FR_SQUARED, s2):
                value = mul(REFERENCE_POWER_FACTOR, CTX.sqrt(s2))
                total = add(total, CTX.subtract(value, p))
            else:
                value = p
                total = add(total, _ZERO_TERM)
        values.append(value)
    keys = [posts[first] for first in firsts] if per_post else [None] * len(firsts)
    largest: dict[TariffPost | None, Decimal] = {}
    for key, first, stop in _runs(keys):
        top = max(values[first:stop])
        if key not in largest or top > largest[key]:
            largest[key] = top
    corrected.update({key: CTX.multiply(value, scale) for key, value in largest.items()})
    return CTX.multiply(total, scale)


def _slice_sums(values: list[Decimal], slices: list[slice]) -> list[Decimal]:
    """Exact sum (as :func:`~aneel_rules._invoice.bill.exact_sum`) of each slice of ``values``."""
    parts = map(values.__getitem__, slices)
    return list(map(functools.reduce, itertools.repeat(CTX.add), parts, itertools.repeat(_ZERO)))


def _irrigation_kwh(starts: list[datetime], energies: list[Decimal], begin: time) -> Decimal:
    if not isinstance(begin, time) or begin.tzinfo is not None:
        raise invalid(
            "irrigation_start",
            "not_a_time",
            "{path} must be a naive time, got {value}",
            path="irrigation_start",
            value=masked(begin),
        )
    first = begin.hour * 60 + begin.minute
    total = Decimal(0)
    for start, kwh in zip(starts, energies, strict=True):
        # art. 186: 8 h 30 min a day from the window's start (may cross midnight)
        if (start.hour * 60 + start.minute - first) % _DAY_MINUTES < _IRRIGATION_MINUTES:
            total = CTX.add(total, kwh)
    return total
