"""IPCA update, late interest, invoice rounding (REN 1.000 arts. 343, 657–658; REN 414 art. 213)."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError
from aneel_rules.billing_cycle import (
    INVOICE_ROUNDING,
    DayCount,
    InvoiceRounding,
    ipca_factor,
    ipca_update,
    late_interest,
    round_for_invoice,
)
from aneel_rules.legal import Norm, ren414

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "ipca_sample.csv"


def _load() -> dict[date, Decimal]:
    with SAMPLE.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            date.fromisoformat(row["month"] + "-01"): Decimal(row["variation_percent"])
            for row in rows
        }


IPCA = _load()
"""Real IBGE IPCA monthly variations, Jan 2022 – Apr 2025 (tests/data/ipca_sample.csv)."""


@pytest.mark.parametrize(
    ("year", "annual_percent"),
    [
        pytest.param(2022, "5.79", id="IBGE-IPCA-2022"),
        pytest.param(2023, "4.62", id="IBGE-IPCA-2023"),
        pytest.param(2024, "4.83", id="IBGE-IPCA-2024"),
    ],
)
def test_sample_compounds_to_official_annual_ipca(year: int, annual_percent: str) -> None:
    # IBGE's annual figure is a ratio of index numbers; compounding the published (2-decimal)
    # monthly variations can differ by 0.01 pp (2022: 5.78 % vs the official 5.79 %).
    factor = ipca_factor(date(year, 1, 1), date(year + 1, 1, 1), index=IPCA)
    assert abs((factor - 1) * 100 - Decimal(annual_percent)) <= Decimal("0.01")


def test_month_convention_start_month_to_month_before_end() -> None:
    # Paid 15 Mar 2024, refunded 10 May 2024: March (0.16 %) and April (0.38 %) only.
    factor = ipca_factor(date(2024, 3, 15), date(2024, 5, 10), index=IPCA)
    assert factor == Decimal("1.0016") * Decimal("1.0038")
    assert ipca_factor(date(2024, 3, 1), date(2024, 3, 31), index=IPCA) == 1
    assert ipca_update(Decimal("1000.00"), date(2024, 3, 15), date(2024, 5, 10), index=IPCA) == (
        Decimal("1000.00") * factor
    )


def test_deflation_month_lowers_the_factor() -> None:
    # July 2022: -0.68 % (IBGE)
    assert ipca_factor(date(2022, 7, 1), date(2022, 8, 1), index=IPCA) == Decimal("0.9932")


def test_index_gaps_and_shape_are_rejected() -> None:
    gappy = {k: v for k, v in IPCA.items() if k != date(2023, 6, 1)}
    with pytest.raises(InvalidInputError) as info:
        ipca_factor(date(2023, 1, 1), date(2024, 1, 1), index=gappy)
    assert info.value.codes == ("missing_month",)
    assert "2023-06" in info.value.errors[0].message
    with pytest.raises(InvalidInputError):
        ipca_factor(date(2030, 1, 1), date(2030, 3, 1), index=IPCA)
    with pytest.raises(InvalidInputError) as info:
        ipca_factor(date(2024, 1, 1), date(2024, 2, 1), index={date(2024, 1, 2): Decimal(1)})
    assert info.value.codes == ("not_first_of_month",)
    with pytest.raises(InvalidInputError) as info:
        ipca_factor(date(2024, 1, 1), date(2024, 2, 1), index={date(2024, 1, 1): 0.42})  # type: ignore[dict-item]
    assert info.value.codes == ("float_not_allowed",)
    with pytest.raises(InvalidInputError) as info:
        ipca_factor(date(2024, 1, 1), date(2024, 2, 1), index={date(2024, 1, 1): Decimal(-100)})
    assert info.value.codes == ("variation_too_low",)
    with pytest.raises(InvalidInputError) as info:
        ipca_factor(date(2024, 1, 1), date(2024, 2, 1), index=[])  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_mapping",)
    with pytest.raises(InvalidInputError) as info:
        ipca_factor(date(2024, 2, 1), date(2024, 1, 1), index=IPCA)
    assert info.value.codes == ("end_before_start",)


@pytest.mark.parametrize(
    ("amount", "start", "end", "day_count", "expected"),
    [
        pytest.param(
            "100.00",
            date(2026, 1, 1),
            date(2026, 1, 31),
            DayCount.DAYS_OVER_30,
            "1",
            id="REN1000-art343-30-days",
        ),
        pytest.param(
            "100.00",
            date(2026, 1, 1),
            date(2026, 1, 2),
            DayCount.DAYS_OVER_30,
            "0.03333333333333333333333333333333333",
            id="REN1000-art343-1-day",
        ),
        pytest.param(
            "100.00",
            date(2026, 1, 1),
            date(2026, 1, 1),
            DayCount.DAYS_OVER_30,
            "0",
            id="REN1000-art656-same-day",
        ),
        pytest.param(
            "100.00",
            date(2026, 1, 31),
            date(2026, 2, 28),
            DayCount.DAYS_OF_CALENDAR_MONTH,
            "1",
            id="REN1000-art343-feb-whole-month",
        ),
        pytest.param(
            "100.00",
            date(2026, 1, 31),
            date(2026, 3, 31),
            DayCount.DAYS_OF_CALENDAR_MONTH,
            "2",
            id="REN1000-art658-simple-two-months",
        ),
        pytest.param(
            "100.00",
            date(2025, 12, 31),
            date(2026, 12, 31),
            DayCount.DAYS_OVER_30,
            "12.16666666666666666666666666666667",
            id="REN1000-art658-365-days-simple",
        ),
    ],
)
def test_late_interest(
    amount: str, start: date, end: date, day_count: DayCount, expected: str
) -> None:
    assert late_interest(Decimal(amount), start, end, day_count=day_count) == Decimal(expected)


def test_late_interest_is_simple_not_compound() -> None:
    one_year = late_interest(
        Decimal(1000),
        date(2025, 1, 31),
        date(2026, 1, 31),
        day_count=DayCount.DAYS_OF_CALENDAR_MONTH,
    )
    assert one_year == Decimal(120)  # 12 × 1 %, compound would be 126.83


def test_late_interest_bad_input() -> None:
    with pytest.raises(InvalidInputError):
        late_interest(Decimal(1), date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(InvalidInputError):
        late_interest(Decimal(-1), date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(InvalidInputError):
        late_interest(Decimal(1), date(2026, 1, 1), date(2026, 2, 1), monthly_rate=Decimal("-0.01"))
    with pytest.raises(InvalidInputError):
        late_interest(Decimal(1), date(2026, 1, 1), date(2026, 2, 1), day_count="30")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        late_interest(1.0, date(2026, 1, 1), date(2026, 2, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2.345", "2.34", id="NBR5891-half-even-down"),
        pytest.param("2.355", "2.36", id="NBR5891-half-even-up"),
        pytest.param("2.3451", "2.35", id="NBR5891-above-half"),
        pytest.param("2.3449", "2.34", id="NBR5891-below-half"),
        pytest.param("-2.345", "-2.34", id="NBR5891-negative"),
        pytest.param("7", "7.00", id="REN1000-art657-two-decimals"),
    ],
)
def test_round_for_invoice_abnt(value: str, expected: str) -> None:
    result = round_for_invoice(Decimal(value))
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("on", "expected", "rule"),
    [
        pytest.param(
            date(2022, 1, 2), "2.34", InvoiceRounding.TRUNCATION, id="REN414-art213-pu-truncation"
        ),
        pytest.param(
            date(2022, 1, 3), "2.35", InvoiceRounding.ABNT, id="REN1000-art657-pu-rounding"
        ),
    ],
)
def test_round_for_invoice_by_regime(on: date, expected: str, rule: InvoiceRounding) -> None:
    assert round_for_invoice(Decimal("2.349"), on=on) == Decimal(expected)
    assert INVOICE_ROUNDING.value_on(on) is rule


def test_round_for_invoice_bad_input() -> None:
    with pytest.raises(InvalidInputError):
        round_for_invoice(2.345)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        round_for_invoice(Decimal(1), on="2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(NotInForceError):
        round_for_invoice(Decimal(1), on=date(2009, 1, 1))


# REN 414/2010, art. 213, parágrafo único: "truncamento de valores monetários com duas casas
# decimais" is quoted in the REN 418/2010 wording only (REN 418 rewrote "o art. 213" on
# 2010-11-23); the original 2010 wording was not found.
@pytest.mark.parametrize(
    ("on", "value", "expected"),
    [
        pytest.param(date(2010, 9, 15), "2.34", "2.34", id="pre418-two-decimals-first-day"),
        pytest.param(date(2010, 11, 22), "2.340", "2.34", id="pre418-trailing-zero"),
        pytest.param(date(2010, 11, 22), "7", "7.00", id="pre418-integer"),
        pytest.param(date(2010, 11, 23), "2.349", "2.34", id="REN418-art213-pu-truncation"),
        pytest.param(date(2022, 1, 2), "2.349", "2.34", id="REN414-last-day-truncation"),
        pytest.param(date(2022, 1, 3), "2.349", "2.35", id="REN1000-art657-first-day"),
    ],
)
def test_round_for_invoice_around_ren418(on: date, value: str, expected: str) -> None:
    result = round_for_invoice(Decimal(value), on=on)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize("on", [date(2010, 9, 15), date(2010, 11, 22)])
def test_round_for_invoice_refuses_more_decimals_before_ren418(on: date) -> None:
    with pytest.raises(UnsupportedCaseError) as caught:
        round_for_invoice(Decimal("2.349"), on=on)
    assert caught.value.code == "unverified_ren414"
    assert caught.value.basis == (ren414(213, paragraph="único"),)
    assert "art. 213" in caught.value.message_in("en")
    assert "art. 213" in caught.value.message_in("pt_BR")


def test_invoice_rounding_periods_name_ren418() -> None:
    before = INVOICE_ROUNDING.period_on(date(2010, 11, 22))
    after = INVOICE_ROUNDING.period_on(date(2010, 11, 23))
    assert before.basis == (ren414(213, paragraph="único"),)
    assert after.basis == (ren414(213, paragraph="único", amended_by=Norm.REN_418_2010),)
    assert before.value is after.value is InvoiceRounding.TRUNCATION


@given(
    cents=st.integers(min_value=-(10**12), max_value=10**12),
    day=st.dates(min_value=date(2010, 9, 15), max_value=date(2010, 11, 22)),
)
def test_two_decimal_amounts_answered_before_ren418(cents: int, day: date) -> None:
    # every reading of art. 213 leaves an amount with at most two decimals unchanged
    value = Decimal(cents).scaleb(-2)
    assert round_for_invoice(value, on=day) == value
