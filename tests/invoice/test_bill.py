"""The bill model: lines, exact total, invoice total rounded once by the regime's rule."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest

from aneel_rules import InvalidInputError, UnsupportedCaseError
from aneel_rules.billing_cycle import INVOICE_ROUNDING, InvoiceRounding
from aneel_rules.invoice import LINE_CODES, Bill, BillLine, round_amount
from aneel_rules.legal import Norm, ren414, ren1000
from aneel_rules.tariffs import TariffPost


def _line(amount: str, code: str = "energy_te", post: TariffPost | None = None) -> BillLine:
    return BillLine(
        code=code,
        post=post,
        quantity=Decimal(1),
        unit="kWh",
        rate=Decimal(amount),
        amount=Decimal(amount),
        basis=(ren1000(293),),
    )


def test_line_codes_are_the_documented_list() -> None:
    assert LINE_CODES[:3] == ("energy_te", "energy_tusd", "demand")
    assert {"demand_overrun", "reactive_energy", "flag", "icms", "municipal"} <= set(LINE_CODES)
    assert len(set(LINE_CODES)) == len(LINE_CODES) == 16


@pytest.mark.parametrize(
    ("end", "total", "expected"),
    [
        # REN 414/2010, art. 213, parágrafo único: truncation on the invoice
        pytest.param(date(2022, 1, 2), "10.129", "10.12", id="REN414-art213-pu-before"),
        # REN 1.000/2021, art. 657, parágrafo único: ABNT rounding (half to even)
        pytest.param(date(2022, 1, 3), "10.129", "10.13", id="REN1000-art657-pu-after"),
        pytest.param(date(2022, 1, 3), "10.125", "10.12", id="REN1000-art657-half-even-down"),
        pytest.param(date(2022, 1, 3), "10.135", "10.14", id="REN1000-art657-half-even-up"),
        pytest.param(date(2022, 1, 3), "10.1251", "10.13", id="REN1000-art657-above-half"),
    ],
)
def test_invoice_total_rounded_once_by_regime(end: date, total: str, expected: str) -> None:
    bill = Bill(start=date(2021, 12, 1), end=end, lines=(_line(total),))
    assert bill.total == Decimal(total)
    assert bill.invoice_total == Decimal(expected)


def test_total_is_exact_sum_and_rounds_once_not_per_line() -> None:
    # three lines of 0.004: rounding each would give 0.00; the exact sum 0.012 rounds to 0.01
    lines = tuple(_line("0.004") for _ in range(3))
    bill = Bill(start=date(2024, 1, 1), end=date(2024, 2, 1), lines=lines)
    assert bill.total == Decimal("0.012")
    assert bill.invoice_total == Decimal("0.01")


def test_bill_basis_names_the_regime_rounding_rule() -> None:
    before = Bill(start=date(2021, 11, 1), end=date(2021, 12, 1), lines=())
    after = Bill(start=date(2024, 1, 1), end=date(2024, 2, 1), lines=())
    # the whole of art. 213 is in the wording of REN 418/2010 (23 Nov 2010), as the timeline says
    assert ren414(213, paragraph="único", amended_by=Norm.REN_418_2010) in before.basis
    assert ren414(213, amended_by=Norm.REN_418_2010) in before.basis
    assert ren1000(657, paragraph="único") in after.basis
    assert before.norm.value == "REN 414/2010"
    assert after.norm.value == "REN 1.000/2021"


def test_art668_transition_allows_truncation_in_2022_only() -> None:
    kept = Bill(
        start=date(2022, 11, 30),
        end=date(2022, 12, 31),
        lines=(_line("10.129"),),
        rounding=InvoiceRounding.TRUNCATION,
    )
    assert kept.invoice_total == Decimal("10.12")
    assert ren1000(668, item="II", subitem="l") in kept.basis
    with pytest.raises(InvalidInputError) as info:
        Bill(
            start=date(2022, 12, 1),
            end=date(2023, 1, 1),
            lines=(),
            rounding=InvoiceRounding.TRUNCATION,
        )
    assert info.value.codes == ("truncation_after_transition",)


def test_amount_helpers() -> None:
    lines = (
        _line("10", post=TariffPost.PEAK),
        _line("5", post=TariffPost.OFF_PEAK),
        _line("2", code="icms"),
        _line("1", code="municipal"),
    )
    bill = Bill(start=date(2024, 1, 1), end=date(2024, 2, 1), lines=lines)
    assert bill.amount_of("energy_te") == Decimal(15)
    assert bill.amount_of("energy_te", TariffPost.PEAK) == Decimal(10)
    assert bill.taxes == Decimal(2)
    assert bill.subtotal == Decimal(15)
    assert len(bill.lines_of("icms")) == 1


def test_evolve_recomputes_totals() -> None:
    bill = Bill(start=date(2024, 1, 1), end=date(2024, 2, 1), lines=(_line("1"),))
    bigger = attrs.evolve(bill, lines=(*bill.lines, _line("2.005")))
    assert bigger.total == Decimal("3.005")
    assert bigger.invoice_total == Decimal("3.00")
    assert len(bigger.basis) == len(bill.basis)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"code": "energy"}, "unknown_line_code"),
        ({"amount": 1.5}, "not_a_decimal"),
        ({"amount": Decimal("NaN")}, "not_a_decimal"),
        ({"rate": "1"}, "not_a_decimal"),
        ({"post": "ponta"}, "not_a_post"),
        ({"unit": None}, "not_text"),
        ({"basis": ()}, "no_basis"),
        ({"basis": ("art. 293",)}, "no_basis"),
    ],
)
def test_bad_line(changes: dict[str, object], code: str) -> None:
    fields: dict[str, object] = {
        "code": "energy_te",
        "post": None,
        "quantity": Decimal(1),
        "unit": "kWh",
        "rate": None,
        "amount": Decimal(1),
        "basis": (ren1000(293),),
    }
    fields.update(changes)
    with pytest.raises(InvalidInputError) as info:
        BillLine(**fields)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"end": date(2024, 1, 1)}, "end_not_after_start"),
        ({"start": "2024-01-01"}, "not_a_date"),
        ({"lines": ("x",)}, "not_a_line"),
        ({"rounding": "truncamento"}, "not_a_rounding"),
        ({"basis": ("x",)}, "not_a_reference"),
        ({"lines": 3}, "not_iterable"),
    ],
)
def test_bad_bill(changes: dict[str, object], code: str) -> None:
    fields: dict[str, object] = {"start": date(2024, 1, 1), "end": date(2024, 2, 1), "lines": ()}
    fields.update(changes)
    with pytest.raises(InvalidInputError) as info:
        Bill(**fields)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


def test_round_amount_both_rules() -> None:
    assert round_amount(Decimal("-0.129"), InvoiceRounding.TRUNCATION) == Decimal("-0.12")
    assert round_amount(Decimal("-0.129"), InvoiceRounding.ABNT) == Decimal("-0.13")


# REN 414/2010, art. 213 was rewritten by REN 418/2010 (2010-11-23); only the later wording
# (truncation to two decimals) is quoted
def test_bill_before_ren418_refuses_total_with_more_decimals() -> None:
    with pytest.raises(UnsupportedCaseError) as caught:
        Bill(start=date(2010, 10, 22), end=date(2010, 11, 22), lines=(_line("10.129"),))
    assert caught.value.code == "unverified_ren414"
    assert caught.value.basis == (ren414(213, paragraph="único"),)


def test_bill_before_ren418_answers_what_every_reading_agrees_on() -> None:
    cents = Bill(start=date(2010, 10, 22), end=date(2010, 11, 22), lines=(_line("10.12"),))
    assert cents.invoice_total == Decimal("10.12")
    chosen = Bill(
        start=date(2010, 10, 22),
        end=date(2010, 11, 22),
        lines=(_line("10.129"),),
        rounding=InvoiceRounding.TRUNCATION,
    )
    assert chosen.invoice_total == Decimal("10.12")


def test_bill_from_ren418_truncates() -> None:
    bill = Bill(start=date(2010, 10, 23), end=date(2010, 11, 23), lines=(_line("10.129"),))
    assert bill.invoice_total == Decimal("10.12")


# REN 418/2010 rewrote art. 213 from its DOU publication (23 Nov 2010): the bill cites the
# wording in force on its end, both sides of the day, as INVOICE_ROUNDING does
@pytest.mark.parametrize(
    ("end", "amended"),
    [
        pytest.param(date(2010, 11, 22), None, id="day-before-REN418"),
        pytest.param(date(2010, 11, 23), Norm.REN_418_2010, id="REN418-first-day"),
        pytest.param(date(2022, 1, 2), Norm.REN_418_2010, id="REN414-last-day"),
    ],
)
def test_bill_rounding_basis_follows_the_timeline(end: date, amended: Norm | None) -> None:
    bill = Bill(start=end - timedelta(days=30), end=end, lines=(_line("10.12"),))
    pu = ren414(213, paragraph="único", amended_by=amended)
    assert pu in bill.basis
    assert ren414(213, amended_by=amended) in bill.basis
    assert INVOICE_ROUNDING.period_on(end).basis == (pu,)


def test_truncation_kept_in_the_art_668_transition_cites_the_ren418_wording() -> None:
    bill = Bill(
        start=date(2022, 11, 1),
        end=date(2022, 12, 1),
        lines=(_line("10.129"),),
        rounding=InvoiceRounding.TRUNCATION,
    )
    assert bill.invoice_total == Decimal("10.12")
    assert ren414(213, paragraph="único", amended_by=Norm.REN_418_2010) in bill.basis
    assert ren1000(668, item="II", subitem="l") in bill.basis
    assert ren414(213, paragraph="único") not in bill.basis
