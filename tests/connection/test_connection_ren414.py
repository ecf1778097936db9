"""REN 414/2010 dates (2010-09-15 to 2022-01-02): arts. 31 and 32 answered, the rest refused.

Expected values come from the quoted text (ANEEL booklet via 1library y969mk4j): art. 31 —
"I - 2 (dois) dias úteis para unidade consumidora do grupo B, localizada em área urbana; II - 5
(cinco) dias úteis [...] área rural; e III - 7 (sete) dias úteis para unidade consumidora do
grupo A", counted from the approval of the installations; art. 32 — "30 (trinta) dias, contado
da data da solicitação"; art. 212, §§ 2º–3º (counting). Dates of the calendar are the national
holidays of each year (Good Friday 2015 = 3 Apr; Tiradentes = 21 Apr).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError, ren414
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.connection import (
    REN414_COUNTING_BASIS,
    CountingStart,
    Deadline,
    DeadlineUnit,
    Ren414Deadline,
    Service,
    connection_budget_deadline,
    deadline_due,
    inspection_deadline,
    may_require_debt_payment,
    power_plant_voltage,
    reconnection_due,
    supply_voltage,
)
from aneel_rules.i18n import translate

NATIONAL = BusinessCalendar()
REN414_DAYS = st.dates(min_value=date(2010, 9, 15), max_value=date(2022, 1, 2))
REN1000_DAYS = st.dates(min_value=date(2022, 1, 3), max_value=date(2030, 12, 31))
FRI = date(2015, 3, 6)
B_URBAN = Ren414Deadline.CONNECTION_GROUP_B_URBAN
B_RURAL = Ren414Deadline.CONNECTION_GROUP_B_RURAL
GROUP_A = Ren414Deadline.CONNECTION_GROUP_A
BUDGET = Ren414Deadline.STUDIES_AND_BUDGET


@pytest.mark.parametrize(
    ("deadline", "amount", "unit", "basis"),
    [
        (B_URBAN, 2, DeadlineUnit.BUSINESS_DAYS, "REN 414/2010, art. 31, I"),
        (B_RURAL, 5, DeadlineUnit.BUSINESS_DAYS, "REN 414/2010, art. 31, II"),
        (GROUP_A, 7, DeadlineUnit.BUSINESS_DAYS, "REN 414/2010, art. 31, III"),
        (BUDGET, 30, DeadlineUnit.CALENDAR_DAYS, "REN 414/2010, art. 32"),
    ],
    ids=lambda v: v.name if isinstance(v, Ren414Deadline) else None,
)
def test_quoted_amounts(
    deadline: Ren414Deadline, amount: int, unit: DeadlineUnit, basis: str
) -> None:
    decision = deadline_due(deadline, FRI)
    assert (decision.amount, decision.unit) == (amount, unit)
    assert str(decision.basis[0]) == basis
    assert decision.deadline is deadline
    assert decision.notice_on == FRI


@pytest.mark.parametrize(
    ("deadline", "approved_on", "due"),
    [
        # Friday 6 Mar 2015: the count starts on Monday (art. 212, § 2º).
        (B_URBAN, FRI, date(2015, 3, 10)),
        (B_RURAL, FRI, date(2015, 3, 13)),
        (GROUP_A, FRI, date(2015, 3, 17)),
        # Tiradentes (Wed 21 Apr 2021) is not a business day.
        (B_URBAN, date(2021, 4, 20), date(2021, 4, 23)),
        # Good Friday 25 Mar 2016, then the weekend.
        (B_URBAN, date(2016, 3, 24), date(2016, 3, 29)),
        # Last day of REN 414/2010 (Sunday 2 Jan 2022): still counted under art. 31.
        (B_URBAN, date(2022, 1, 2), date(2022, 1, 4)),
        # First day of REN 414/2010.
        (GROUP_A, date(2010, 9, 15), date(2010, 9, 24)),
    ],
)
def test_ligacao_due(deadline: Ren414Deadline, approved_on: date, due: date) -> None:
    decision = deadline_due(deadline, approved_on)
    assert decision.due == due
    assert [str(b) for b in decision.basis[1:]] == [
        "REN 414/2010, art. 31, parágrafo único",
        "REN 414/2010, art. 212, § 2º",
    ]


def test_budget_30_days_and_art_212_3() -> None:
    # Wed 4 Mar 2015 + 30 days = Fri 3 Apr 2015, Good Friday: moved to Monday 6 Apr (§ 3º).
    decision = deadline_due(BUDGET, date(2015, 3, 4))
    assert decision.due == date(2015, 4, 6)
    assert [str(b) for b in decision.basis] == [
        "REN 414/2010, art. 32",
        "REN 414/2010, art. 212, § 2º",
        "REN 414/2010, art. 212, § 3º",
    ]
    # Thu 5 Mar 2015 + 30 = Sat 4 Apr → Monday 6 Apr.
    assert deadline_due(BUDGET, date(2015, 3, 5)).due == date(2015, 4, 6)
    # Tue 3 Mar 2015 + 30 = Thu 2 Apr: a business day, not moved.
    assert deadline_due(BUDGET, date(2015, 3, 3)).due == date(2015, 4, 2)


def test_budget_weekend_notice_both_readings() -> None:
    """Art. 212, § 3º moves "o dia de início": both readings of REN 1.000's art. 656 apply."""
    sat = date(2015, 3, 7)
    # First day counted (Sun 8) moves to Mon 9: 9 Mar + 29 = Tue 7 Apr.
    assert deadline_due(BUDGET, sat).due == date(2015, 4, 7)
    # Notice day moves to Mon 9, counting from Tue 10: Wed 8 Apr.
    assert deadline_due(BUDGET, sat, start=CountingStart.NOTICE_DAY).due == date(2015, 4, 8)


@pytest.mark.parametrize(
    "on",
    [
        date(2010, 11, 22),  # REN 418/2010 (23 Nov 2010) did not list arts. 31 and 32
        date(2010, 11, 23),
        date(2012, 4, 2),  # REN 479/2012 (3 Apr 2012) changed art. 32's incisos only
        date(2012, 4, 3),
        date(2015, 7, 16),  # the July 2015 act (DOU 17 Jul 2015) is not known to touch them
        date(2015, 7, 17),
    ],
)
def test_amendment_dates_keep_the_quoted_amounts(on: date) -> None:
    assert [deadline_due(d, on).amount for d in Ren414Deadline] == [2, 5, 7, 30]


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (date(2010, 9, 14), "no_value_before"),  # before REN 414/2010's publication
        (date(2022, 1, 3), "repealed"),  # REN 1.000/2021, art. 677, VI and art. 679
        (date(2026, 3, 4), "repealed"),
    ],
)
def test_ren414_deadline_outside_its_period(on: date, code: str) -> None:
    for deadline in Ren414Deadline:
        with pytest.raises(NotInForceError) as info:
            deadline_due(deadline, on)
        assert info.value.code == code


def test_ren414_deadline_bad_input_first() -> None:
    with pytest.raises(InvalidInputError) as info:
        deadline_due(B_URBAN, date(2026, 3, 4), calendar="AM")  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_calendar",)
    with pytest.raises(InvalidInputError) as info:
        deadline_due(BUDGET, date(2026, 3, 4), start="literal")  # type: ignore[arg-type]
    assert info.value.codes == ("invalid_start",)
    with pytest.raises(InvalidInputError) as info:
        deadline_due(B_URBAN, "2015-02-30")  # type: ignore[arg-type]
    assert info.value.errors[0].path == "notice_on"
    with pytest.raises(InvalidInputError) as info:
        deadline_due("ligação", FRI)  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_deadline",)


def test_local_holiday_counts() -> None:
    # A local holiday on Monday 9 Mar 2015 pushes the ligação by one business day.
    cal = BusinessCalendar(extra_holidays=[date(2015, 3, 9)])
    assert deadline_due(B_URBAN, FRI, calendar=cal).due == date(2015, 3, 11)


def test_timeline_periods() -> None:
    for deadline in Ren414Deadline:
        first, repeal = deadline.timeline.periods
        assert first.since == date(2010, 9, 15)
        assert repeal.since == date(2022, 1, 3)
        assert repeal.value is None
        assert str(repeal.basis[0]) == "REN 1.000/2021, art. 677, VI"


# --- Refusals: the articles not found verbatim -------------------------------------------


def _refusal(call: object) -> UnsupportedCaseError:
    with pytest.raises(UnsupportedCaseError) as info:
        call()  # type: ignore[operator]
    assert info.value.code == "unverified_ren414"
    return info.value


@pytest.mark.parametrize(
    ("deadline", "article"),
    [
        (Deadline.INSPECTION_BELOW_2_3_KV, 30),
        (Deadline.INSPECTION_REPORT, 30),
        (Deadline.WORKS_OVERHEAD_BELOW_2_3_KV, 34),
        (Deadline.WORKS_OTHER_BELOW_69_KV, 34),
        (Deadline.CONNECTION_BUDGET_WITH_WORKS, 32),
        (Deadline.ESTIMATED_BUDGET, 32),
    ],
    ids=lambda v: v.name if isinstance(v, Deadline) else str(v),
)
def test_ren1000_deadline_on_ren414_date_names_the_missing_article(
    deadline: Deadline, article: int
) -> None:
    error = _refusal(lambda: deadline_due(deadline, date(2022, 1, 2)))
    assert error.basis == (ren414(article),)
    assert f"art. {article}" in str(error)
    assert f"art. {article} da REN 414/2010" in error.message
    # The day after, REN 1.000/2021 answers.
    assert deadline_due(deadline, date(2022, 1, 3)).due > date(2022, 1, 3)


def test_other_deadline_refusal_has_no_article() -> None:
    error = _refusal(lambda: deadline_due(Deadline.REGISTRATION_CHANGE, date(2015, 6, 1)))
    assert error.basis == ()
    assert "no REN 414/2010 counterpart" in str(error)


def test_budget_and_inspection_helpers_refuse_with_pointer() -> None:
    error = _refusal(
        lambda: connection_budget_deadline(date(2015, 6, 1), voltage_kv="13.8", works_needed=True)
    )
    assert error.basis == (ren414(32),)
    assert "Ren414Deadline.STUDIES_AND_BUDGET" in str(error)
    error = _refusal(lambda: inspection_deadline(date(2015, 6, 1), voltage_kv="0.22"))
    assert error.basis == (ren414(30),)


def test_reconnection_refusal_names_art_176() -> None:
    at = datetime(2021, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Manaus"))
    error = _refusal(lambda: reconnection_due(at, Deadline.RECONNECTION_NORMAL_URBAN))
    assert error.basis == (ren414(176),)
    assert "art. 176" in str(error)


def test_supply_voltage_refusal_names_art_12() -> None:
    error = _refusal(lambda: supply_voltage(load_kw=60, on=date(2022, 1, 2)))
    assert error.basis == (ren414(12),)
    assert "art. 12" in str(error)
    assert error.message.startswith("tensão de fornecimento em 2022-01-02 cai na REN 414/2010")
    assert supply_voltage(load_kw=60, on=date(2022, 1, 3)).group.value == "B"
    error = _refusal(lambda: power_plant_voltage(installed_kw=10, on=date(2015, 1, 1)))
    assert error.basis == ()


def test_debts_refusal_names_art_128() -> None:
    kwargs = {"debt_holder_is_requester": True, "debt_at_same_installation": True}
    error = _refusal(
        lambda: may_require_debt_payment(Service.NEW_CONNECTION, on=date(2022, 1, 2), **kwargs)
    )
    assert error.basis == (ren414(128),)
    assert "art. 128" in str(error)
    assert may_require_debt_payment(Service.NEW_CONNECTION, on=date(2022, 1, 3), **kwargs).allowed


def test_refusal_messages_are_translated() -> None:
    from aneel_rules._connection import ren414 as gaps  # noqa: PLC0415

    messages = [getattr(gaps, name) for name in gaps.__all__ if name.startswith("GAP_")]
    assert len(messages) == 8
    template = (
        "{what} on {day} falls under REN 414/2010, which the library does not answer: "
        "{missing}; REN 1.000/2021 applies from 2022-01-03"
    )
    for text in [*messages, template, "supply voltage", "debt conditioning"]:
        assert translate(text, domain="connection", lang="pt_BR") != text


# --- Properties -------------------------------------------------------------------------


@given(on=REN414_DAYS, deadline=st.sampled_from(list(Ren414Deadline)))
def test_ren414_due_is_a_business_day_after_the_notice(on: date, deadline: Ren414Deadline) -> None:
    decision = deadline_due(deadline, on)
    assert NATIONAL.is_business_day(decision.due)
    if decision.unit is DeadlineUnit.BUSINESS_DAYS:
        between = [
            on + timedelta(days=n)
            for n in range(1, (decision.due - on).days + 1)
            if NATIONAL.is_business_day(on + timedelta(days=n))
        ]
        assert len(between) == decision.amount  # art. 212, § 2º: notice out, due in
        assert REN414_COUNTING_BASIS in decision.basis
    else:
        # 30 continuous days, then at most a weekend plus holidays of extension (§ 3º).
        assert 30 <= (decision.due - on).days <= 30 + 7


@given(on=REN414_DAYS, deadline=st.sampled_from(list(Deadline)))
def test_every_ren1000_deadline_refuses_a_ren414_day(on: date, deadline: Deadline) -> None:
    if deadline.rule.unit is DeadlineUnit.HOURS:
        at = datetime.combine(on, datetime.min.time(), tzinfo=ZoneInfo("America/Manaus"))
        with pytest.raises(UnsupportedCaseError) as info:
            reconnection_due(at, deadline)
    else:
        with pytest.raises(UnsupportedCaseError) as info:
            deadline_due(deadline, on)
    assert info.value.code == "unverified_ren414"
    assert "REN 414/2010" in info.value.message


@given(on=REN1000_DAYS, deadline=st.sampled_from(list(Ren414Deadline)))
def test_ren414_deadline_never_answers_a_ren1000_day(on: date, deadline: Ren414Deadline) -> None:
    with pytest.raises(NotInForceError):
        deadline_due(deadline, on)


@given(on=REN414_DAYS)
def test_group_b_rural_and_group_a_never_before_urban(on: date) -> None:
    """2 ≤ 5 ≤ 7 business days from the same approval (art. 31, I–III)."""
    urban, rural, group_a = (deadline_due(d, on).due for d in (B_URBAN, B_RURAL, GROUP_A))
    assert urban < rural < group_a
