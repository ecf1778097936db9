"""Regulated deadlines (prazos) and their counting (REN 1.000/2021, art. 656)."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules._connection.common import invalid, require_ren1000
from aneel_rules._convert import quoted, to_date
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
    "count_business_days",
    "count_calendar_days",
    "deadline_due",
    "reconnection_due",
    "ReconnectionStart",
)


class DeadlineUnit(enum.Enum):
    """How a deadline is counted."""

    CALENDAR_DAYS = "dias"
    BUSINESS_DAYS = "dias úteis"
    HOURS = "horas"


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


@attrs.frozen(kw_only=True)
class DeadlineRule:
    """A regulated deadline: how long, in which unit, and where the norm sets it."""

    amount: int
    unit: DeadlineUnit
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


class Deadline(enum.Enum):
    """Regulated deadlines a connection portal shows (prazos, REN 1.000/2021).

    Each member's ``.rule`` gives the amount, unit and article; all were read in the
    compiled text (amendments to Dec 2025) and none was changed by an amendment.
    Suspensions of a running deadline (art. 64, § 2º; art. 83, § 13; art. 250, § 3º) and
    the split of the art. 90 deadline into 10 + 5 + 30 days (§ 1º) are not modelled: the
    caller passes the day the count (re)starts.
    """

    ESTIMATED_BUDGET = "orçamento estimado"
    BUDGET_REQUEST_CHECK = "verificação das informações do pedido de orçamento"
    CONNECTION_BUDGET_NO_WORKS = "orçamento de conexão sem obras, tensão menor que 69 kV"
    CONNECTION_BUDGET_WITH_WORKS = "orçamento de conexão com obras, tensão menor que 69 kV"
    CONNECTION_BUDGET_OTHER = "orçamento de conexão, demais conexões"
    PROJECT_ANALYSIS = "análise ou reanálise de projeto"
    PROJECT_REANALYSIS_NO_REASONS = "reanálise de projeto sem motivos de reprovação informados"
    STUDIES_DELIVERY = "disponibilização dos estudos do orçamento"
    FREE_BUDGET_APPROVAL = "aprovação do orçamento gratuito ou sem participação financeira"
    CONTRACTS_DELIVERY = "entrega dos contratos após aprovação do orçamento"
    CONTRACTS_RETURN = "devolução dos contratos e pagamento pelo consumidor"
    WORKS_OVERHEAD_BELOW_2_3_KV = "obras em rede aérea de tensão menor que 2,3 kV"
    WORKS_OVERHEAD_UP_TO_1_KM = "obras em rede aérea de 2,3 kV a 69 kV de até um quilômetro"
    WORKS_OTHER_BELOW_69_KV = "demais obras em tensão menor que 69 kV"
    FAST_TRACK_CONNECTION = "conexão nos casos da Lei 14.195/2021"
    FREE_ENTRANCE_STANDARD = "padrão de entrada gratuito sem obra"
    INSPECTION_BELOW_2_3_KV = "vistoria e instalação da medição, tensão menor que 2,3 kV"
    INSPECTION_2_3_TO_69_KV = "vistoria e instalação da medição, tensão de 2,3 kV a 69 kV"
    INSPECTION_FROM_69_KV = "vistoria e instalação da medição, tensão maior ou igual a 69 kV"
    INSPECTION_REPORT = "relatório de vistoria reprovada"
    REGISTRATION_CHANGE = "alteração cadastral"
    REGISTRATION_CHANGE_WITH_VISIT = "alteração cadastral com visita técnica"
    CHANGE_OF_HOLDER_URBAN = "alteração de titularidade, área urbana"
    CHANGE_OF_HOLDER_RURAL = "alteração de titularidade, área rural"
    WHITE_TARIFF_ENROLMENT = "adesão à tarifa branca"
    WHITE_TARIFF_EXIT = "retorno à modalidade convencional"
    METER_INSPECTION = "inspeção do sistema de medição"
    RECONNECTION_UNDUE_SUSPENSION = "religação após suspensão indevida"
    RECONNECTION_URGENT_URBAN = "religação de urgência, área urbana"
    RECONNECTION_URGENT_RURAL = "religação de urgência, área rural"
    RECONNECTION_NORMAL_URBAN = "religação normal, área urbana"
    RECONNECTION_NORMAL_RURAL = "religação normal, área rural"
    COMPLAINT_NO_VISIT = "reclamação sem visita técnica"
    COMPLAINT_WITH_VISIT = "reclamação com visita técnica"
    OTHER_REQUEST = "demandas sem prazo específico"

    @property
    def rule(self) -> DeadlineRule:
        """Amount, unit and basis of this deadline."""
        return _DEADLINES[self]


_D = DeadlineUnit.CALENDAR_DAYS
_BD = DeadlineUnit.BUSINESS_DAYS
_H = DeadlineUnit.HOURS

_DEADLINES: Final[dict[Deadline, DeadlineRule]] = {
    Deadline.ESTIMATED_BUDGET: DeadlineRule(amount=30, unit=_D, basis=ren1000(56)),
    Deadline.BUDGET_REQUEST_CHECK: DeadlineRule(amount=5, unit=_BD, basis=ren1000(71)),
    Deadline.CONNECTION_BUDGET_NO_WORKS: DeadlineRule(
        amount=15, unit=_D, basis=ren1000(64, item="I")
    ),
    Deadline.CONNECTION_BUDGET_WITH_WORKS: DeadlineRule(
        amount=30, unit=_D, basis=ren1000(64, item="II")
    ),
    Deadline.CONNECTION_BUDGET_OTHER: DeadlineRule(
        amount=45, unit=_D, basis=ren1000(64, item="III")
    ),
    Deadline.PROJECT_ANALYSIS: DeadlineRule(amount=30, unit=_D, basis=ren1000(51, item="I")),
    Deadline.PROJECT_REANALYSIS_NO_REASONS: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(51, item="II")
    ),
    Deadline.STUDIES_DELIVERY: DeadlineRule(amount=10, unit=_BD, basis=ren1000(78)),
    Deadline.FREE_BUDGET_APPROVAL: DeadlineRule(amount=10, unit=_BD, basis=ren1000(83, item="I")),
    Deadline.CONTRACTS_DELIVERY: DeadlineRule(amount=5, unit=_BD, basis=ren1000(84)),
    Deadline.CONTRACTS_RETURN: DeadlineRule(amount=30, unit=_D, basis=ren1000(85)),
    Deadline.WORKS_OVERHEAD_BELOW_2_3_KV: DeadlineRule(
        amount=60, unit=_D, basis=ren1000(88, item="I")
    ),
    Deadline.WORKS_OVERHEAD_UP_TO_1_KM: DeadlineRule(
        amount=120, unit=_D, basis=ren1000(88, item="II")
    ),
    Deadline.WORKS_OTHER_BELOW_69_KV: DeadlineRule(
        amount=365, unit=_D, basis=ren1000(88, item="III")
    ),
    Deadline.FAST_TRACK_CONNECTION: DeadlineRule(amount=45, unit=_D, basis=ren1000(90)),
    Deadline.FREE_ENTRANCE_STANDARD: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(49, paragraph=4)
    ),
    Deadline.INSPECTION_BELOW_2_3_KV: DeadlineRule(amount=5, unit=_BD, basis=ren1000(91, item="I")),
    Deadline.INSPECTION_2_3_TO_69_KV: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(91, item="II")
    ),
    Deadline.INSPECTION_FROM_69_KV: DeadlineRule(
        amount=15, unit=_BD, basis=ren1000(91, item="III")
    ),
    Deadline.INSPECTION_REPORT: DeadlineRule(amount=3, unit=_BD, basis=ren1000(94)),
    Deadline.REGISTRATION_CHANGE: DeadlineRule(amount=5, unit=_BD, basis=ren1000(6)),
    Deadline.REGISTRATION_CHANGE_WITH_VISIT: DeadlineRule(amount=10, unit=_BD, basis=ren1000(6)),
    Deadline.CHANGE_OF_HOLDER_URBAN: DeadlineRule(
        amount=3, unit=_BD, basis=ren1000(138, paragraph=4)
    ),
    Deadline.CHANGE_OF_HOLDER_RURAL: DeadlineRule(
        amount=5, unit=_BD, basis=ren1000(138, paragraph=4)
    ),
    Deadline.WHITE_TARIFF_ENROLMENT: DeadlineRule(amount=30, unit=_D, basis=ren1000(222, item="I")),
    Deadline.WHITE_TARIFF_EXIT: DeadlineRule(amount=30, unit=_D, basis=ren1000(223)),
    Deadline.METER_INSPECTION: DeadlineRule(amount=30, unit=_D, basis=ren1000(250)),
    Deadline.RECONNECTION_UNDUE_SUSPENSION: DeadlineRule(
        amount=4, unit=_H, basis=ren1000(362, item="I")
    ),
    Deadline.RECONNECTION_URGENT_URBAN: DeadlineRule(
        amount=4, unit=_H, basis=ren1000(362, item="II")
    ),
    Deadline.RECONNECTION_URGENT_RURAL: DeadlineRule(
        amount=8, unit=_H, basis=ren1000(362, item="III")
    ),
    Deadline.RECONNECTION_NORMAL_URBAN: DeadlineRule(
        amount=24, unit=_H, basis=ren1000(362, item="IV")
    ),
    Deadline.RECONNECTION_NORMAL_RURAL: DeadlineRule(
        amount=48, unit=_H, basis=ren1000(362, item="V")
    ),
    Deadline.COMPLAINT_NO_VISIT: DeadlineRule(amount=5, unit=_BD, basis=ren1000(408, item="I")),
    Deadline.COMPLAINT_WITH_VISIT: DeadlineRule(amount=10, unit=_BD, basis=ren1000(408, item="II")),
    Deadline.OTHER_REQUEST: DeadlineRule(amount=30, unit=_D, basis=ren1000(409)),
}

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

    deadline: Deadline
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
            value=quoted(calendar),
        )
    return calendar


def _check_days(days: object) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise invalid(
            "days",
            "invalid_days",
            "days must be a whole number ≥ 1, got {value}",
            value=quoted(days),
        )


def _check_start(start: object) -> CountingStart:
    """``start`` if it is a :class:`CountingStart` (art. 656, § 3º reading)."""
    if not isinstance(start, CountingStart):
        raise invalid(
            "start",
            "invalid_start",
            "start must be a CountingStart, got {value}",
            value=quoted(start),
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
    _check_days(days)
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
    _check_days(days)
    return cal.add_business_days(to_date(notice_on, path="notice_on"), days)


def deadline_due(
    deadline: Deadline,
    notice_on: date,
    *,
    calendar: BusinessCalendar | None = None,
    start: CountingStart = CountingStart.FIRST_DAY_COUNTED,
) -> DeadlineDecision:
    """Due date of a day-counted :class:`Deadline` started by a notice on ``notice_on``.

    Raises:
        UnsupportedCaseError: an hour-counted deadline (use :func:`reconnection_due`), or
            ``notice_on`` before 2022-01-03 (REN 414/2010 deadlines are not modelled).

    Legal basis:
        - The deadline's own provision (``deadline.rule.basis``).
        - REN 1.000/2021, art. 656, §§ 2º and 3º (counting).

    Examples:
        >>> d = deadline_due(Deadline.CONTRACTS_DELIVERY, date(2026, 3, 4))
        >>> d.due, d.unit.value, [str(b) for b in d.basis]
        (datetime.date(2026, 3, 11), 'dias úteis', ['REN 1.000/2021, art. 84', 'REN 1.000/2021, art. 656, § 2º'])
    """  # noqa: E501
    if not isinstance(deadline, Deadline):
        raise invalid(
            "deadline",
            "not_a_deadline",
            "deadline must be a Deadline, got {value}",
            value=quoted(deadline),
        )
    # Checked for business-day deadlines too, which ignore it (art. 656, § 2º).
    _check_start(start)
    rule = deadline.rule
    day = require_ren1000(
        notice_on, what=deadline.value, ren414_note="REN 414/2010 deadlines are not modelled"
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


class ReconnectionStart(enum.Enum):
    """Reading of art. 362, § 2º, I for a request made on a business day before 8 h.

    The text starts the clock at once for a request "em dias úteis, das 8 horas às 18
    horas, e, em caso contrário, a partir das 8 horas da manhã do dia útil subsequente".
    ``NEXT_BUSINESS_DAY`` (default) reads it literally: a request at 6 h on a Tuesday
    starts the clock at 8 h on Wednesday. ``SAME_DAY_8H`` reads "subsequente" as the next
    8 h of a business day, so the same request starts at 8 h on Tuesday. They differ only
    for requests made before 8 h on a business day.
    """

    NEXT_BUSINESS_DAY = "8 horas do dia útil subsequente"
    SAME_DAY_8H = "8 horas do mesmo dia útil"


def reconnection_due(
    requested_at: datetime,
    deadline: Deadline,
    *,
    calendar: BusinessCalendar | None = None,
    early_request: ReconnectionStart = ReconnectionStart.NEXT_BUSINESS_DAY,
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
        UnsupportedCaseError: ``requested_at`` before 2022-01-03 (REN 414/2010).
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
        '2026-03-04T12:00:00-04:00'
        >>> reconnection_due(early, Deadline.RECONNECTION_URGENT_URBAN,
        ...                  early_request=ReconnectionStart.SAME_DAY_8H).isoformat()
        '2026-03-03T12:00:00-04:00'
    """
    if not isinstance(deadline, Deadline) or deadline.rule.unit is not DeadlineUnit.HOURS:
        raise invalid(
            "deadline",
            "not_a_reconnection_deadline",
            "deadline must be a reconnection deadline counted in hours, got {value}",
            value=quoted(deadline),
        )
    if not isinstance(requested_at, datetime) or requested_at.utcoffset() is None:
        raise invalid(
            "requested_at",
            "not_an_aware_datetime",
            "requested_at must be a datetime with a time zone, got {value}",
            value=quoted(requested_at),
        )
    if not isinstance(early_request, ReconnectionStart):
        raise invalid(
            "early_request",
            "invalid_early_request",
            "early_request must be a ReconnectionStart, got {value}",
            value=quoted(early_request),
        )
    require_ren1000(requested_at.date(), what=deadline.value, ren414_note="REN 414/2010 deadlines")
    cal = _calendar(calendar)
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
