"""Regressions found by fuzzing the public API: each input once escaped or was answered silently."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError, Period, Timeline, norm_in_force, ren1000
from aneel_rules.billing_cycle import (
    SupplyType,
    availability_charge,
    average_consumption,
    billable_consumption,
    check_reading_interval,
    ipca_update,
    late_interest,
    round_for_invoice,
)
from aneel_rules.connection import (
    Deadline,
    budget_requirement,
    connection_budget_deadline,
    deadline_due,
    supply_voltage,
)
from aneel_rules.documents import cnpj, phone
from aneel_rules.portal import (
    LoginGuard,
    RecoveryGuard,
    json_schema,
    parse_connection_budget_request,
)
from aneel_rules.tariffs import AMAZONAS_ENERGIA, PostSchedule, TariffModality, tariff_posts

ON = date(2026, 3, 9)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _codes(call: Callable[[], object]) -> tuple[str, ...]:
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value.codes


# tariff_posts(None, ...) raised TypeError "'NoneType' object is not iterable".
@pytest.mark.parametrize("timestamps", [None, 7, datetime(2026, 3, 9, 18, tzinfo=UTC)])
def test_tariff_posts_needs_an_iterable(timestamps: object) -> None:
    codes = _codes(
        lambda: tariff_posts(timestamps, AMAZONAS_ENERGIA, modality=TariffModality.WHITE)  # type: ignore[arg-type]
    )
    assert codes == ("not_iterable",)


# budget_requirement(generation=[]) raised TypeError "unhashable type: 'list'".
@pytest.mark.parametrize("generation", [[], {}, 3, b"micro"])
def test_unhashable_or_non_text_generation(generation: object) -> None:
    assert _codes(
        lambda: budget_requirement(voltage_kv="13.8", works_needed=False, generation=generation)  # type: ignore[arg-type]
    ) == ("unknown_generation",)
    assert _codes(
        lambda: connection_budget_deadline(
            ON,
            voltage_kv="13.8",
            works_needed=False,
            generation=generation,  # type: ignore[arg-type]
        )
    ) == ("unknown_generation",)


def test_generation_by_name_still_accepted() -> None:
    assert budget_requirement(voltage_kv="13.8", works_needed=False, generation="micro").required


# LoginGuard(failures=True) was accepted (bool is an int); failures=None raised attrs' TypeError;
# a naive last_attempt was accepted and record_failure(aware) then raised TypeError.
@pytest.mark.parametrize("guard", [LoginGuard, RecoveryGuard])
@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        pytest.param({"failures": True}, "not_an_integer", id="manual-1.7-bool-count"),
        pytest.param({"failures": None}, "not_an_integer", id="manual-1.7-none-count"),
        pytest.param({"failures": Decimal(1)}, "not_an_integer", id="manual-1.7-decimal-count"),
        pytest.param({"failures": -1}, "below_minimum", id="manual-1.7-negative-count"),
        pytest.param(
            {"last_attempt": datetime(2026, 3, 9, 10)},  # noqa: DTZ001 (deliberately naive)
            "naive_datetime",
            id="manual-1.7-naive",
        ),
        pytest.param({"locked_until": "2026-03-09"}, "not_a_datetime", id="manual-1.7-text"),
    ],
)
def test_guard_state_is_checked(
    guard: type[LoginGuard | RecoveryGuard], kwargs: dict[str, object], code: str
) -> None:
    assert _codes(lambda: guard(**kwargs)) == (code,)  # type: ignore[arg-type]


def test_guard_valid_state_still_accepted() -> None:
    at = datetime(2026, 3, 9, 10, tzinfo=UTC)
    guard = LoginGuard(failures=2, last_attempt=at)
    assert guard.record_failure(at).locked_until is not None


# availability_charge(low_income=False, measured_kwh=NaN) answered 100 kWh: the reading is
# needed only for low income (REN 1.000/2021, art. 291, III) and was not checked otherwise.
@pytest.mark.parametrize(
    ("measured", "code"),
    [
        pytest.param(Decimal("NaN"), "not_a_number", id="REN1000-art291-nan"),
        pytest.param(Decimal("-Infinity"), "not_a_number", id="REN1000-art291-inf"),
        pytest.param(float("nan"), "not_a_number", id="REN1000-art291-float-nan"),
        pytest.param(Decimal(-1), "negative", id="REN1000-art291-negative"),
    ],
)
def test_measured_kwh_checked_even_when_not_needed(measured: object, code: str) -> None:
    assert _codes(
        lambda: availability_charge(SupplyType.SINGLE_PHASE, on=ON, measured_kwh=measured)  # type: ignore[arg-type]
    ) == (code,)


def test_measured_kwh_unneeded_but_valid_is_accepted() -> None:
    # REN 1.000/2021, art. 291, I: 30 kWh single-phase.
    assert availability_charge(SupplyType.SINGLE_PHASE, on=ON, measured_kwh=Decimal(50)).kwh == 30


# check_reading_interval(group B, billed_month=<datetime or text>) ignored billed_month.
@pytest.mark.parametrize("billed_month", [datetime(2026, 3, 1, 12), "março", 202603])  # noqa: DTZ001 (deliberately naive)
def test_billed_month_checked_for_group_b(billed_month: object) -> None:
    prev, cur = date(2026, 2, 9), date(2026, 3, 11)
    assert _codes(lambda: check_reading_interval(prev, cur, billed_month=billed_month)) == (  # type: ignore[arg-type]
        "not_a_date",
    )
    assert _codes(
        lambda: billable_consumption(Decimal(100), prev, cur, billed_month=billed_month)  # type: ignore[arg-type]
    ) == ("not_a_date",)


# deadline_due(<business-day deadline>, start=None) ignored start.
def test_deadline_start_checked_for_business_day_deadlines() -> None:
    assert _codes(lambda: deadline_due(Deadline.CONTRACTS_DELIVERY, ON, start=None)) == (  # type: ignore[arg-type]
        "invalid_start",
    )


# json_schema("new-connection", require_rg=1) described the optional-RG schema silently.
@pytest.mark.parametrize("flag", [1, None, "true"])
def test_json_schema_require_rg_must_be_bool(flag: object) -> None:
    assert _codes(lambda: json_schema("new-connection", require_rg=flag)) == ("not_a_boolean",)  # type: ignore[arg-type]


# norm_in_force(datetime) raised TypeError "can't compare datetime.datetime to datetime.date".
def test_norm_in_force_refuses_datetimes() -> None:
    assert _codes(lambda: norm_in_force(datetime(2022, 1, 3, 0, 0))) == ("not_a_date",)  # noqa: DTZ001 (deliberately naive)
    assert norm_in_force(date(2022, 1, 3)).value == "REN 1.000/2021"


# Timeline(periods=(None,)) raised AttributeError "'NoneType' object has no attribute 'since'".
def test_timeline_periods_must_be_periods() -> None:
    period = Period(since=date(2022, 1, 3), value=1, basis=ren1000(1))
    assert _codes(
        lambda: Timeline(
            name="x",
            unit="",
            label_pt="x",
            periods=(period, None),  # type: ignore[arg-type]
            last_verified_on=ON,
        )
    ) == ("not_a_period",)


# Decimal("1E+999999999999999999") is finite: late_interest, average_consumption, ipca_update,
# regularize_reading, settle_incorrect_billing… raised decimal.Overflow and round_for_invoice
# raised decimal.InvalidOperation; billable_consumption answered with it.
HUGE = ("1E+999999999999999999", Decimal("1E+999999999999999999"), 10**5000, Decimal("1E+15"))


@pytest.mark.parametrize("huge", HUGE, ids=["str", "decimal", "int-5000-digits", "1E+15"])
def test_huge_magnitudes_are_refused(huge: object) -> None:
    start, end = date(2026, 1, 1), date(2026, 3, 1)
    calls: list[Callable[[], object]] = [
        lambda: late_interest(huge, start, end),  # type: ignore[arg-type]
        lambda: round_for_invoice(huge),  # type: ignore[arg-type]
        lambda: average_consumption([huge] * 12),  # type: ignore[list-item]
        lambda: billable_consumption(huge, date(2026, 2, 9), date(2026, 3, 11)),  # type: ignore[arg-type]
        lambda: ipca_update(
            huge,  # type: ignore[arg-type]
            start,
            end,
            index={start: Decimal(1), date(2026, 2, 1): Decimal(1)},
        ),
    ]
    for call in calls:
        assert _codes(call) == ("out_of_range",)


def test_largest_accepted_magnitude_still_computes() -> None:
    # REN 1.000/2021, art. 657: rounding to the cent of a (large) exact amount.
    assert round_for_invoice(Decimal("999999999999999.994")) == Decimal("999999999999999.99")


# Decimal() reads Arabic-Indic and full-width digits and "1_000"; to_decimal now refuses them.
@pytest.mark.parametrize("text", ["١٠٠", "１００", "1_00"])
def test_non_ascii_digits_are_refused(text: str) -> None:
    assert _codes(lambda: round_for_invoice(text)) == ("not_a_number",)  # type: ignore[arg-type]
    assert _codes(lambda: supply_voltage(load_kw=text, on=ON)) == ("not_a_number",)


# The portal reported numbers of 1E+15 or more as out of bounds before; it still does (with the
# library limit as the bound), and echo() no longer raises on an int of more than 4300 digits.
@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param(10**5000, "above_maximum", id="int-5000-digits"),
        pytest.param("1e20", "above_maximum", id="text"),
        pytest.param("-1e400", "below_minimum", id="negative-text"),
        pytest.param(1e300, "above_maximum", id="float"),
    ],
)
def test_portal_huge_numbers_are_out_of_bounds(value: object, code: str) -> None:
    data = json.loads((EXAMPLES / "budget.json").read_text(encoding="utf-8"))
    data["load"]["expected_demand_kw"] = value
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=ON)
    assert [(e.path, e.code) for e in info.value.errors] == [("load.expected_demand_kw", code)]
    assert len(info.value.errors[0].message) < 120


def test_messages_never_fail_on_huge_ints() -> None:
    huge = 10**5000
    assert _codes(lambda: norm_in_force(huge)) == ("not_a_date",)  # type: ignore[arg-type]
    assert _codes(lambda: deadline_due(Deadline.CONTRACTS_DELIVERY, ON, start=huge)) == (  # type: ignore[arg-type]
        "invalid_start",
    )
    assert "too large to print" in str(_error(lambda: availability_charge(huge, on=ON)))  # type: ignore[arg-type]


def _error(call: Callable[[], object]) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as info:
        call()
    return info.value


# phone.is_valid(fixed line, mobile_only=None) answered True and mobile_only="no" turned the
# check on; cnpj.is_valid(alphanumeric=None) answered as if False.
def test_is_valid_flags_must_be_bools() -> None:
    assert _codes(lambda: phone.is_valid("92 3211-4567", mobile_only=None)) == ("not_a_bool",)  # type: ignore[arg-type]
    assert _codes(lambda: phone.is_valid("92 3211-4567", mobile_only="no")) == ("not_a_bool",)  # type: ignore[arg-type]
    assert _codes(lambda: cnpj.is_valid("12.ABC.345/01DE-35", alphanumeric=None)) == (  # type: ignore[arg-type]
        "not_a_bool",
    )
    assert phone.is_valid("92 3211-4567") is True
    assert phone.is_valid("92 3211-4567", mobile_only=True) is False
    assert phone.is_valid(None) is False  # the number itself never raises


# PostSchedule(source=None) was accepted.
@pytest.mark.parametrize("field", ["name", "source"])
def test_post_schedule_labels_must_be_text(field: str) -> None:
    assert _codes(lambda: PostSchedule(time(18), "America/Manaus", **{field: None})) == (  # type: ignore[arg-type]
        "not_text",
    )
