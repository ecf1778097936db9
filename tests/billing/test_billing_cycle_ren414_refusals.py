"""Every refusal of the billing rules for a REN 414/2010 date names the missing provision.

Each case below is a question the library does not answer because no source read quotes the
REN 414/2010 text it needs (``docs/sources.md`` lists the queries tried). The refusal is an
:class:`UnsupportedCaseError` with code ``unverified_ren414``; its ``basis`` is the REN 414
provision whose text is missing (or, where even its article is unknown, the REN 1.000/2021
provision whose REN 414 counterpart was looked for), and both the English and the Portuguese
messages name it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules import AneelRulesError, UnsupportedCaseError, ren414, ren1000
from aneel_rules.billing_cycle import (
    AvailabilityExemption,
    AverageBillingCase,
    BillingError,
    Cause,
    Direction,
    MultiMonthSource,
    ReadingKind,
    SupplyType,
    bill_by_average,
    bill_multi_month_reading,
    billable_consumption,
    check_reading_interval,
    duplicate_payment_refund,
    explain_availability_charge,
    low_value_accumulation_allowed,
    meter_defect_criterion,
    overdue_collection,
    regularize_reading,
    settle_incorrect_billing,
)
from aneel_rules.legal import AmendmentKind, LegalRef, Norm
from aneel_rules.tariffs import Group

DAY = date(2019, 6, 10)
REN479 = date(2012, 4, 3)  # REN 479/2012 in force (legal.NORMS)
BEFORE_REN479 = REN479 - timedelta(days=1)
HISTORY = [Decimal(100)] * 12


def _settle(cause: Cause, on: date = DAY, **kwargs: object) -> object:
    errors = [BillingError(on.replace(day=1) - timedelta(days=40), Decimal("10.00"))]
    return settle_incorrect_billing(
        errors,
        direction=kwargs.pop("direction", Direction.UNDER),  # type: ignore[arg-type]
        cause=cause,
        found_on=on,
        **kwargs,  # type: ignore[arg-type]
    )


CASES: list[tuple[str, Callable[[], object], LegalRef, bool]] = [
    # (id, call, provision missing, counterpart: the REN 414 article itself is unknown)
    (
        "art84-route-change-A",
        lambda: check_reading_interval(
            DAY - timedelta(days=40), DAY, kind=ReadingKind.ROUTE_CHANGE, group=Group.A
        ),
        ren414(84),
        False,
    ),
    (
        "art84-route-change-B",
        lambda: check_reading_interval(
            DAY - timedelta(days=40), DAY, kind=ReadingKind.ROUTE_CHANGE
        ),
        ren414(84),
        False,
    ),
    (
        "art84-end-of-group-B-option",
        lambda: check_reading_interval(
            DAY - timedelta(days=40), DAY, kind=ReadingKind.END_OF_GROUP_B_OPTION, group=Group.A
        ),
        ren414(84),
        False,
    ),
    (
        "art84-voltage-change",
        lambda: check_reading_interval(
            DAY - timedelta(days=40), DAY, kind=ReadingKind.VOLTAGE_CHANGE, group=Group.A
        ),
        ren414(84),
        False,
    ),
    (
        "art88-p1-before-REN479",
        lambda: billable_consumption(
            Decimal(350), BEFORE_REN479 - timedelta(days=35), BEFORE_REN479
        ),
        ren414(88, paragraph=1),
        False,
    ),
    (
        "art88-first-billing-outside-15-47",
        lambda: billable_consumption(
            Decimal(480), DAY - timedelta(days=48), DAY, kind=ReadingKind.FIRST_BILLING
        ),
        ren414(88),
        False,
    ),
    (
        "art98-exemption",
        lambda: explain_availability_charge(
            SupplyType.SINGLE_PHASE, on=DAY, exemption=AvailabilityExemption.PUBLIC_LIGHTING
        ),
        ren414(98),
        False,
    ),
    (
        "art98-p3-before-REN479",
        lambda: explain_availability_charge(
            SupplyType.THREE_PHASE, on=BEFORE_REN479, indigenous_or_quilombola=True
        ),
        ren414(98, paragraph=3),
        False,
    ),
    (
        "art87-after-3-cycles",
        lambda: bill_by_average(
            HISTORY, case=AverageBillingCase.ACCESS_IMPEDIMENT, on=DAY, consecutive_cycles=4
        ),
        ren414(87),
        False,
    ),
    (
        "art87-no-history",
        lambda: bill_by_average([], case=AverageBillingCase.ACCESS_IMPEDIMENT, on=DAY),
        ren414(87),
        False,
    ),
    (
        "art90-over-30-days",
        lambda: bill_by_average(
            HISTORY, case=AverageBillingCase.METER_REMOVED, on=DAY, days_without_meter=31
        ),
        ren414(90),
        False,
    ),
    (
        "art90-no-history",
        lambda: bill_by_average([], case=AverageBillingCase.METER_REMOVED, on=DAY),
        ren414(90),
        False,
    ),
    (
        "art111-before-REN479-no-history",
        lambda: bill_by_average([], case=AverageBillingCase.EMERGENCY, on=BEFORE_REN479),
        ren414(111),
        False,
    ),
    (
        "art111-before-REN479-no-supply",
        lambda: bill_by_average(
            HISTORY, case=AverageBillingCase.EMERGENCY, on=BEFORE_REN479, supply_maintained=False
        ),
        ren414(111),
        False,
    ),
    (
        "art89-p2-missed-reading",
        lambda: bill_multi_month_reading(
            HISTORY,
            source=MultiMonthSource.DISTRIBUTOR_MISSED,
            on=DAY,
            rural=True,
            cycles_since_distributor_reading=3,
        ),
        ren414(89, paragraph=2),
        False,
    ),
    (
        "art89-p1-before-REN479",
        lambda: bill_multi_month_reading(
            [],
            source=MultiMonthSource.NO_SELF_READING,
            on=BEFORE_REN479,
            rural=True,
            cycles_since_distributor_reading=3,
        ),
        ren414(89, paragraph=1),
        False,
    ),
    (
        "art114-false-declaration",
        lambda: _settle(Cause.CONSUMER, direction=Direction.OVER, false_declaration=True),
        ren414(114),
        False,
    ),
    ("art113-third-party", lambda: _settle(Cause.THIRD_PARTY), ren414(113), False),
    ("art87-settlement", lambda: _settle(Cause.ACCESS_IMPEDIMENT), ren414(87), False),
    ("art111-settlement", lambda: _settle(Cause.EMERGENCY), ren414(111), False),
    ("art115-settlement", lambda: _settle(Cause.METER_DEFECT), ren414(115), False),
    (
        "art113-before-REN479",
        lambda: _settle(Cause.DISTRIBUTOR, on=BEFORE_REN479),
        ren414(113),
        False,
    ),
    (
        "art112-update",
        lambda: duplicate_payment_refund(
            Decimal("80.00"),
            paid_on=DAY,
            found_on=DAY,
            refunded_on=DAY + timedelta(days=60),
        ),
        ren414(112),
        False,
    ),
    (
        "art115-criterion-order",
        lambda: meter_defect_criterion(
            on=DAY, correction_factor_available=True, normal_history_cycles=12
        ),
        ren414(115),
        False,
    ),
    (
        "REN1000-art318-low-value",
        lambda: low_value_accumulation_allowed(2, on=DAY),
        ren1000(318),
        True,
    ),
    (
        "REN1000-art347-overdue",
        lambda: overdue_collection(DAY - timedelta(days=400), on=DAY),
        ren1000(347),
        True,
    ),
    (
        "REN1000-art323-p11-regularization",
        lambda: regularize_reading(
            Decimal(1200),
            [Decimal(200)] * 3,
            last_reading=DAY - timedelta(days=120),
            regularized_on=DAY,
            availability_kwh=30,
        ),
        ren1000(323, paragraph=11),
        True,
    ),
]


@pytest.mark.parametrize(
    ("call", "missing", "counterpart"),
    [pytest.param(call, missing, cp, id=name) for name, call, missing, cp in CASES],
)
def test_refusal_names_missing_provision(
    call: Callable[[], object], missing: LegalRef, counterpart: bool
) -> None:
    with pytest.raises(UnsupportedCaseError) as info:
        call()
    error = info.value
    assert error.code == "unverified_ren414"
    assert error.domain == "billing_cycle"
    assert error.basis == (missing,)
    en, pt = error.message_in("en"), error.message_in("pt_BR")
    assert str(error) == en
    for text in (en, pt):
        assert str(missing) in text
        assert "REN 414/2010" in text
    assert pt != en  # translated, the nested subject too
    assert dict(error.params)["what"] not in pt
    if counterpart:
        assert "no REN 414/2010 provision matching" in en
        assert "nenhum dispositivo da REN 414/2010 correspondente" in pt
    else:
        assert missing.norm is Norm.REN_414_2010
        assert "was not found in any source the project read" in en
        assert "não foi encontrado em nenhuma fonte lida pelo projeto" in pt


def test_scee_cadunico_before_ren1098_cites_its_provision() -> None:
    # Not a missing REN 414 text: the 50 % rule was inserted into REN 1.000/2021 in 2024
    with pytest.raises(UnsupportedCaseError) as info:
        explain_availability_charge(SupplyType.SINGLE_PHASE, on=DAY, scee_cadunico=True)
    assert info.value.code == "scee_cadunico_before"
    assert info.value.basis == (
        ren1000(
            291,
            paragraph="único",
            amended_by=Norm.REN_1098_2024,
            amendment_kind=AmendmentKind.INSERTED,
        ),
    )


CONSUMER = Cause.CONSUMER
REN414_DAYS = st.dates(min_value=date(2010, 9, 15) + timedelta(days=60), max_value=date(2022, 1, 2))


def _calls(day: date, days: int, count: int, flag: bool) -> list[Callable[[], object]]:
    """Every billing rule asked on a REN 414 date, with facts drawn by hypothesis."""
    history = [Decimal(100)] * (count % 13)
    first = day - timedelta(days=days)
    intervals: list[Callable[[], object]] = [
        partial(check_reading_interval, first, day, kind=kind, group=group)
        for kind in ReadingKind
        for group in Group
    ]
    billables: list[Callable[[], object]] = [
        partial(billable_consumption, Decimal(10 * days), first, day, kind=kind, group=group)
        for kind in ReadingKind
        for group in Group
    ]
    charges: list[Callable[[], object]] = [
        partial(
            explain_availability_charge,
            supply,
            on=day,
            exemption=exemption,
            indigenous_or_quilombola=flag,
        )
        for supply in SupplyType
        for exemption in (None, *AvailabilityExemption)
    ]
    averages: list[Callable[[], object]] = [
        partial(
            bill_by_average,
            history,
            case=case,
            on=day,
            consecutive_cycles=count % 6 + 1,
            days_without_meter=days,
            supply_maintained=flag,
        )
        for case in AverageBillingCase
    ]
    multi: list[Callable[[], object]] = [
        partial(
            bill_multi_month_reading,
            history,
            source=source,
            on=day,
            rural=True,
            cycles_since_distributor_reading=3,
        )
        for source in MultiMonthSource
    ]
    settlements: list[Callable[[], object]] = [
        partial(
            _settle,
            cause,
            on=day,
            direction=direction,
            false_declaration=flag and cause is CONSUMER,
        )
        for cause in Cause
        for direction in Direction
    ]
    others: list[Callable[[], object]] = [
        lambda: duplicate_payment_refund(
            Decimal("10.00"), paid_on=first, found_on=first, refunded_on=day
        ),
        lambda: meter_defect_criterion(
            on=day, correction_factor_available=flag, normal_history_cycles=count % 13
        ),
        lambda: low_value_accumulation_allowed(count % 5 + 1, on=day),
        lambda: overdue_collection(first, on=day),
        lambda: regularize_reading(
            Decimal(1000), [], last_reading=first, regularized_on=day, availability_kwh=30
        ),
    ]
    return [*intervals, *billables, *charges, *averages, *multi, *settlements, *others]


def _refusals(calls: list[Callable[[], object]]) -> list[UnsupportedCaseError]:
    found = []
    for call in calls:
        try:
            call()
        except UnsupportedCaseError as error:
            found.append(error)
        except AneelRulesError:
            pass  # input errors and gaps are checked elsewhere
    return found


@settings(max_examples=30, deadline=None)
@given(
    REN414_DAYS,
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=0, max_value=40),
    st.booleans(),
)
def test_every_ren414_refusal_names_its_provision(
    day: date, days: int, count: int, flag: bool
) -> None:
    """Whatever is asked on a REN 414 date, a refusal carries and names its provision."""
    for error in _refusals(_calls(day, days, count, flag)):
        assert error.code == "unverified_ren414"
        assert error.basis
        cited = str(error.basis[0])
        assert cited in error.message_in("en")
        assert cited in error.message_in("pt_BR")
