"""Regulated deadlines (prazos) and their counting (REN 1.000/2021, art. 656; REN 414, art. 212)."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._connection.common import invalid, require_ren1000
from aneel_rules._connection.deadline_types import Deadline, DeadlineRule, DeadlineUnit
from aneel_rules._connection.ren414 import GAP_OTHER, Ren414Deadline, ren414_gap
from aneel_rules._convert import masked, to_date, to_datetime, whole_number
from aneel_rules.calendars import BusinessCalendar, out_of_range
from aneel_rules.errors import UnsupportedCaseError
from aneel_rules.legal import Basis, ren1000

__all__ = (
    "COUNTING_BASIS",
    "EXTENSION_BASIS",
    "INSPECTION_START_BASIS",
    "RECONNECTION_START_BASIS",
    "UNDUE_SUSPENSION_START_BASIS",
    "CountingStart",
    "Deadline",
    "DeadlineDecision",
    "DeadlineRule",
    "DeadlineUnit",
    "check_counting_args",
    "count_business_days",
    "count_calendar_days",
    "deadline_due",
    "reconnection_due",
    "ReconnectionStart",
    "Ren414Deadline",
)


class CountingStart(enum.Enum):
    """Reading of art. 656, § 3º ("os dias do começo e do vencimento… serão prorrogados").

    ``FIRST_DAY_COUNTED`` (default) reads "dia do começo" as the first day counted — the
    day after the notice (§ 2º) — and moves it to the next business day when it falls on
    a weekend or holiday, as the courts read the like rule of the 1973 Code of Civil
    Procedure (art. 184). ``NOTICE_DAY`` reads it as the day of notice itself: a notice
    given on a non-business day counts as given on the next business day, and counting
    starts the day after. They agree when the day of notice and the day after it are
    both business days, and may differ by a day or more otherwise (a Friday notice: the
    first reading starts on Monday, the second on Saturday). Only calendar-day deadlines
    are affected.
    """

    FIRST_DAY_COUNTED = "primeiro dia da contagem"
    NOTICE_DAY = "dia da cientificação"


COUNTING_BASIS: Final = ren1000(656, paragraph=2)
"""Art. 656, § 2º: exclude the day of notice, include the last day."""
EXTENSION_BASIS: Final = ren1000(656, paragraph=3)
"""Art. 656, § 3º: a start or end on a weekend or holiday moves to the next business day."""
INSPECTION_START_BASIS: Final = ren1000(91, paragraph="único")
"""Art. 91, parágrafo único: counting starts on the first business day after the event."""
RECONNECTION_START_BASIS: Final = ren1000(362, paragraph=2, item="I")
UNDUE_SUSPENSION_START_BASIS: Final = ren1000(362, paragraph=1, item="I")

_BUSINESS_HOURS_START: Final = clock_time(8)
_BUSINESS_HOURS_END: Final = clock_time(18)


@attrs.frozen(kw_only=True)
class DeadlineDecision:
    """When a regulated deadline falls due (vencimento), and why.

    Attributes:
        deadline: Which deadline.
        notice_on: Day of the notice, request or event that starts the count.
        due: Last day of the deadline (inclusive).
        amount: Length of the deadline.
        unit: Unit of ``amount``.
        basis: The provision setting the deadline, then those governing the count.
    """

    deadline: Deadline | Ren414Deadline
    notice_on: date
    due: date
    amount: int
    unit: DeadlineUnit
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


def _calendar(calendar: BusinessCalendar | None) -> BusinessCalendar:
    if calendar is None:
        return BusinessCalendar()
    if not isinstance(calendar, BusinessCalendar):
        raise invalid(
            "calendar",
            "not_a_calendar",
            "calendar must be a BusinessCalendar, got {value}",
            value=masked(calendar),
        )
    return calendar


def _check_days(days: object) -> int:
    number = whole_number(days, 1)
    if number is None:
        raise invalid(
            "days",
            "invalid_days",
            "days must be a whole number ≥ 1, got {value}",
            value=masked(days),
        )
    return number


def check_counting_args(
    notice_on: object,
    calendar: object,
    start: object,
    *,
    what: str,
    missing: str = GAP_OTHER,
    basis: Basis | None = None,
    path: str = "notice_on",
) -> date:
    """Check a deadline's arguments, then the regime (bad input before any refusal).

    Returns the day of notice; raises ``UnsupportedCaseError`` (code ``unverified_ren414``) for
    a REN 414/2010 date, naming the missing REN 414 text (``missing``, ``basis``).
    """
    _check_counting_inputs(notice_on, calendar, start, path=path)
    return require_ren1000(
        notice_on,  # type: ignore[arg-type]
        what=what,
        missing=missing,
        basis=basis,
        path=path,
    )


def _check_counting_inputs(notice_on: object, calendar: object, start: object, path: str) -> date:
    _calendar(calendar)  # type: ignore[arg-type]
    _check_start(start)
    return to_date(notice_on, path=path)


def _check_start(start: object) -> CountingStart:
    """``start`` if it is a :class:`CountingStart` (art. 656, § 3º reading)."""
    if not isinstance(start, CountingStart):
        raise invalid(
            "start",
            "invalid_start",
            "start must be a CountingStart, got {value}",
            value=masked(start),
        )
    return start


def count_calendar_days(
    notice_on: date,
    days: int,
    *,
    calendar: BusinessCalendar | None = None,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> date:
    """Last day of a deadline of ``days`` calendar days (art. 656).

    Counting is continuous through weekends and holidays (caput), excludes the day of
    notice and includes the last day (§ 2º); a first or last day on a weekend or holiday
    moves to the next business day (§ 3º; see :class:`CountingStart`).

    Args:
        notice_on: Day of notice (cientificação).
        days: Length, at least 1.
        calendar: Holidays that count; national only by default.
        start: Reading of "dia do começo" in § 3º.

    Legal basis:
        - REN 1.000/2021, art. 656, caput, §§ 2º and 3º.

    Examples:
        >>> count_calendar_days(date(2026, 3, 4), 15)     # Wednesday → Thursday
        datetime.date(2026, 3, 19)
        >>> count_calendar_days(date(2026, 3, 7), 15)     # Saturday: day 1 moves to Monday 9
        datetime.date(2026, 3, 23)
        >>> count_calendar_days(date(2026, 3, 7), 15, start=CountingStart.NOTICE_DAY)
        datetime.date(2026, 3, 24)
    """
    cal = _calendar(calendar)
    day = to_date(notice_on, path="notice_on")
    days = _check_days(days)
    _check_start(start)
    try:
        # Art. 656, § 3º: the start day moves to the next business day ...
        if start is CountingStart.NOTICE_DAY:
            # ... read as the day of notice; § 2º then excludes it.
            first = cal.roll_forward(day) + timedelta(days=1)
        else:
            # ... read as the first day counted (the day after the notice, § 2º).
            first = cal.roll_forward(day + timedelta(days=1))
        # Art. 656, caput and § 2º: continuous count, the last day included.
        last = first + timedelta(days=days - 1)
    except OverflowError:
        raise out_of_range("notice_on", day) from None
    # Art. 656, § 3º: the last day moves to the next business day.
    return cal.roll_forward(last)


def count_business_days(
    notice_on: date, days: int, *, calendar: BusinessCalendar | None = None
) -> date:
    """Last day of a deadline of ``days`` business days (dias úteis).

    The day of notice is excluded and the count starts on the first business day after
    it (art. 656, § 2º; art. 91, parágrafo único, says so expressly for vistoria).

    Examples:
        >>> count_business_days(date(2026, 3, 6), 5)      # Friday → Friday 13
        datetime.date(2026, 3, 13)
    """
    cal = _calendar(calendar)
    days = _check_days(days)
    return cal.add_business_days(to_date(notice_on, path="notice_on"), days)


def deadline_due(
    deadline: Deadline | Ren414Deadline,
    notice_on: date,
    *,
    calendar: BusinessCalendar | None = None,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> DeadlineDecision:
    """Due date of a day-counted deadline started by a notice on ``notice_on``.

    A :class:`Deadline` is REN 1.000/2021's (from 2022-01-03); a :class:`Ren414Deadline` is
    REN 414/2010's (2010-09-15 to 2022-01-02), counted by its art. 212, §§ 2º and 3º — the
    same count as REN 1.000/2021, art. 656, §§ 2º and 3º, so ``start`` reads both alike.

    Raises:
        UnsupportedCaseError: an hour-counted deadline (use :func:`reconnection_due`), or a
            :class:`Deadline` with ``notice_on`` before 2022-01-03 (code ``unverified_ren414``:
            the message names the REN 414/2010 text that is missing).
        NotInForceError: a :class:`Ren414Deadline` with ``notice_on`` from 2022-01-03 (repealed
            by REN 1.000/2021, art. 677, VI) or before 2010-09-15.

    Legal basis:
        - The deadline's own provision (``deadline.rule.basis`` / ``.timeline``).
        - REN 1.000/2021, art. 656, §§ 2º and 3º, or REN 414/2010, art. 212, §§ 2º and 3º
          (and art. 31, parágrafo único, for the ligação).

    Examples:
        >>> d = deadline_due(Deadline.CONTRACTS_DELIVERY, date(2026, 3, 4))
        >>> d.due, d.unit.value, [str(b) for b in d.basis]
        (datetime.date(2026, 3, 11), 'dias úteis', ['REN 1.000/2021, art. 84', 'REN 1.000/2021, art. 656, § 2º'])
        >>> d = deadline_due(Ren414Deadline.CONNECTION_GROUP_B_URBAN, date(2015, 3, 6))  # Friday
        >>> d.due, [str(b) for b in d.basis]
        (datetime.date(2015, 3, 10), ['REN 414/2010, art. 31, I', 'REN 414/2010, art. 31, parágrafo único', 'REN 414/2010, art. 212, § 2º'])
    """  # noqa: E501
    if isinstance(deadline, Ren414Deadline):
        return _ren414_due(deadline, notice_on, calendar, start)
    if not isinstance(deadline, Deadline):
        raise invalid(
            "deadline",
            "not_a_deadline",
            "deadline must be a Deadline or a Ren414Deadline, got {value}",
            value=masked(deadline),
        )
    rule = deadline.rule
    missing, article = ren414_gap(deadline)
    # Every argument is checked first (start too, for business-day deadlines, which ignore it,
    # art. 656, § 2º); only then may the case be refused as not modelled.
    day = check_counting_args(
        notice_on, calendar, start, what=deadline.value, missing=missing, basis=article
    )
    if rule.unit is DeadlineUnit.HOURS:
        raise UnsupportedCaseError(
            "{deadline} is counted in hours: use reconnection_due() with a datetime",
            code="deadline_in_hours",
            basis=rule.basis,
            deadline=deadline.value,
        )
    if rule.unit is DeadlineUnit.BUSINESS_DAYS:
        due = count_business_days(day, rule.amount, calendar=calendar)
        basis: tuple[Basis, ...] = (*rule.basis, COUNTING_BASIS)
    else:
        due = count_calendar_days(day, rule.amount, calendar=calendar, start=start)
        basis = (*rule.basis, COUNTING_BASIS, EXTENSION_BASIS)
    return DeadlineDecision(
        deadline=deadline, notice_on=day, due=due, amount=rule.amount, unit=rule.unit, basis=basis
    )


def _ren414_due(
    deadline: Ren414Deadline, notice_on: object, calendar: object, start: object
) -> DeadlineDecision:
    """A REN 414/2010 deadline: its rule on ``notice_on``, counted by art. 212."""
    day = _check_counting_inputs(notice_on, calendar, start, path="notice_on")
    rule = deadline.timeline.value_on(day)  # NotInForceError outside 2010-09-15..2022-01-02
    cal = _calendar(calendar)  # type: ignore[arg-type]
    if rule.unit is DeadlineUnit.BUSINESS_DAYS:
        # Art. 212, § 2º: the day of notice excluded; business days only (art. 31).
        due = count_business_days(day, rule.amount, calendar=cal)
    else:
        # Art. 212, caput and §§ 2º–3º: continuous count, start and end moved off non-business days.
        due = count_calendar_days(day, rule.amount, calendar=cal, start=start)  # type: ignore[arg-type]
    return DeadlineDecision(
        deadline=deadline,
        notice_on=day,
        due=due,
        amount=rule.amount,
        unit=rule.unit,
        basis=(*rule.basis, *deadline.counting_basis),
    )


class ReconnectionStart(enum.Enum):
    """Reading of art. 362, § 2º, I for a request made on a business day before 8 h.

    The text starts the clock at once for a request "em dias úteis, das 8 horas às 18
    horas, e, em caso contrário, a partir das 8 horas da manhã do dia útil subsequente".
    ``SAME_DAY_8H`` (default) reads "subsequente" as the next 8 h of a business day after
    the request, so a request at 6 h on a Tuesday starts the clock at 8 h that Tuesday.
    ``NEXT_BUSINESS_DAY`` reads it literally as the business day after the day of the
    request: the same request starts at 8 h on Wednesday — later than a request made at
    23 h on Monday, which starts at 8 h on Tuesday. That literal reading punishes the
    earlier request, defeats the rule's purpose (a request outside business hours counts
    from the next opening), and is kept only as an option. They differ only for requests
    made before 8 h on a business day.
    """

    NEXT_BUSINESS_DAY = "8 horas do dia útil subsequente"
    SAME_DAY_8H = "8 horas do mesmo dia útil"


def reconnection_due(
    requested_at: datetime,
    deadline: Deadline,
    *,
    calendar: BusinessCalendar | None = None,
    early_request: ReconnectionStart = ReconnectionStart.SAME_DAY_8H,
) -> datetime:
    """When a reconnection (religação) falls due (REN 1.000/2021, art. 362).

    Hours run continuously (caput), counted as elapsed time (in UTC, so a daylight-saving
    change cannot shift them). After an undue suspension they run from the moment it is
    found or reported, any day and hour (§ 1º, I). Otherwise they run from the payment
    notice or request if it comes on a business day between 8 h and 18 h (both included),
    else from 8 h of the next business day (§ 2º, I); for a request before 8 h on a
    business day see :class:`ReconnectionStart`.

    Args:
        requested_at: Time-zone-aware moment of the request (the consumer's local time,
            e.g. ``ZoneInfo("America/Manaus")``); business days are judged on its local date.
        deadline: One of the ``RECONNECTION_*`` members of :class:`Deadline`.
        calendar: Holidays that count; national only by default.
        early_request: Reading of § 2º, I for a request before 8 h on a business day.

    Raises:
        UnsupportedCaseError: ``requested_at`` before 2022-01-03, code ``unverified_ren414``
            (REN 414/2010, art. 176 found only paraphrased).
        InvalidInputError: naive datetime, a deadline not counted in hours, or a bad
            ``early_request`` or ``calendar``.

    Legal basis:
        - REN 1.000/2021, art. 362, I–V; § 1º, I; § 2º, I.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> at = datetime(2026, 3, 6, 19, 0, tzinfo=ZoneInfo("America/Manaus"))  # Friday 19 h
        >>> reconnection_due(at, Deadline.RECONNECTION_NORMAL_URBAN).isoformat()
        '2026-03-10T08:00:00-04:00'
        >>> early = datetime(2026, 3, 3, 6, 0, tzinfo=ZoneInfo("America/Manaus"))  # Tuesday 6 h
        >>> reconnection_due(early, Deadline.RECONNECTION_URGENT_URBAN).isoformat()
        '2026-03-03T12:00:00-04:00'
        >>> reconnection_due(early, Deadline.RECONNECTION_URGENT_URBAN,
        ...                  early_request=ReconnectionStart.NEXT_BUSINESS_DAY).isoformat()
        '2026-03-04T12:00:00-04:00'
    """
    if not isinstance(deadline, Deadline) or deadline.rule.unit is not DeadlineUnit.HOURS:
        raise invalid(
            "deadline",
            "not_a_reconnection_deadline",
            "deadline must be a reconnection deadline counted in hours, got {value}",
            value=masked(deadline),
        )
    requested_at = to_datetime(
        requested_at,
        path="requested_at",
        aware=True,
        code="not_an_aware_datetime",
        naive_code="not_an_aware_datetime",
    )
    if not isinstance(early_request, ReconnectionStart):
        raise invalid(
            "early_request",
            "invalid_early_request",
            "early_request must be a ReconnectionStart, got {value}",
            value=masked(early_request),
        )
    cal = _calendar(calendar)
    # Every argument is checked above: only now may the regime be refused.
    missing, article = ren414_gap(deadline)
    require_ren1000(requested_at.date(), what=deadline.value, missing=missing, basis=article)
    # Art. 362, § 1º, I: undue suspension — from the moment found or reported, any day or hour.
    if deadline is Deadline.RECONNECTION_UNDUE_SUSPENSION:
        return _after_hours(requested_at, deadline.rule.amount)
    local_day = requested_at.date()
    moment = requested_at.timetz().replace(tzinfo=None)
    business_day = cal.is_business_day(local_day)
    # Art. 362, § 2º, I: a request on a business day from 8 h to 18 h starts the clock at once.
    if business_day and _BUSINESS_HOURS_START <= moment <= _BUSINESS_HOURS_END:
        return _after_hours(requested_at, deadline.rule.amount)
    # Art. 362, § 2º, I: otherwise from 8 h of the next business day (see ReconnectionStart
    # for a request before 8 h on a business day).
    if (
        business_day
        and moment < _BUSINESS_HOURS_START
        and early_request is ReconnectionStart.SAME_DAY_8H
    ):
        start_day = local_day
    else:
        start_day = cal.add_business_days(local_day, 1)
    start = datetime.combine(start_day, _BUSINESS_HOURS_START, tzinfo=requested_at.tzinfo)
    return _after_hours(start, deadline.rule.amount)


def _after_hours(start: datetime, hours: int) -> datetime:
    """``hours`` of elapsed time after ``start``, shown in ``start``'s time zone."""
    return (start.astimezone(UTC) + timedelta(hours=hours)).astimezone(start.tzinfo)
