"""Refund statements (REN 1.000 art. 323 § 2º), late payment (art. 343), the IPCA series."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError, UnsupportedCaseError, ren414, ren1000
from aneel_rules.billing_cycle import (
    BillingError,
    Cause,
    DayCount,
    Direction,
    InvoiceRounding,
    MonetaryIndex,
    Settlement,
    settle_incorrect_billing,
)
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.invoice import (
    MAX_LATE_FINE_RATE,
    IpcaSeries,
    LateExclusion,
    ipca_series,
    late_payment,
    read_ipca_series,
    refund_statement,
)
from aneel_rules.legal import Norm

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "ipca_sample.csv"

# IBGE monthly IPCA (%): Mar 2024 0.16, Apr 0.38, May 0.46 (tests/data/ipca_sample.csv).
MAR_TO_MAY_2024 = Decimal("1.0016") * Decimal("1.0038") * Decimal("1.0046")


def over(cause: Cause, *errors: tuple[date, str], found_on: date = date(2024, 5, 20)) -> Settlement:
    return settle_incorrect_billing(
        [BillingError(d, Decimal(a)) for d, a in errors],
        direction=Direction.OVER,
        cause=cause,
        found_on=found_on,
    )


# --- IPCA series -------------------------------------------------------------------------


def test_shipped_series_matches_the_ibge_sample_month_by_month() -> None:
    shipped = ipca_series()
    sample = read_ipca_series(SAMPLE)
    assert sample.variations
    for month, value in sample.variations.items():
        assert shipped.variations[month] == value, month


@pytest.mark.parametrize(
    ("year", "annual_percent"),
    [
        pytest.param(2022, "5.79", id="IBGE-IPCA-2022"),
        pytest.param(2023, "4.62", id="IBGE-IPCA-2023"),
        pytest.param(2024, "4.83", id="IBGE-IPCA-2024"),
    ],
)
def test_shipped_series_compounds_to_the_official_annual_ipca(
    year: int, annual_percent: str
) -> None:
    factor = Decimal(1)
    for month in range(1, 13):
        factor *= 1 + ipca_series().variations[date(year, month, 1)] / 100
    assert abs((factor - 1) * 100 - Decimal(annual_percent)) <= Decimal("0.01")


def test_shipped_series_has_its_provenance() -> None:
    series = ipca_series()
    assert "IBGE" in series.source
    assert series.last_verified_on == date(2026, 12, 1)
    assert series.first == date(2016, 1, 1)
    assert series.last == date(2025, 12, 1)
    assert len(series.variations) == 120  # no gap: ten whole years
    # carvalhomachado.com.br table (IBGE): Jan 2016 1.27 %, Apr 2020 -0.31 %
    assert series.variations[date(2016, 1, 1)] == Decimal("1.27")
    assert series.variations[date(2020, 4, 1)] == Decimal("-0.31")


def test_reader_takes_text_stream_path_and_sgs_json(tmp_path: Path) -> None:
    csv_text = (
        "# source: test\n# last_verified_on: 2026-02-10\nmonth,variation_percent\n2026-01,0.33\n"
    )
    from_text = read_ipca_series(csv_text)
    assert from_text.variations == {date(2026, 1, 1): Decimal("0.33")}
    assert from_text.source == "test"
    assert from_text.last_verified_on == date(2026, 2, 10)
    assert read_ipca_series(io.StringIO(csv_text)) == from_text
    path = tmp_path / "ipca.csv"
    path.write_text(csv_text, encoding="utf-8")
    assert read_ipca_series(path) == from_text
    assert read_ipca_series(str(path)) == from_text
    sgs = read_ipca_series(
        '[{"data": "01/01/2026", "valor": "0.33"}, {"data": "01/02/2026", "valor": 0.7}]'
    )
    assert sgs.variations == {date(2026, 1, 1): Decimal("0.33"), date(2026, 2, 1): Decimal("0.7")}
    assert "SGS 433" in sgs.source
    merged = ipca_series().extended(sgs)
    assert merged.last == date(2026, 2, 1)
    assert merged.variations[date(2025, 12, 1)] == Decimal("0.33")
    assert (
        ipca_series().extended(IpcaSeries(variations=sgs.variations)).source == ipca_series().source
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("month,variation_percent\n2026-13,0.1\n", "bad_series_row", id="bad-month"),
        pytest.param("2026-01,abc\n2026-02,1\n", "bad_series_row", id="bad-value"),
        pytest.param("2026-01,-100\n\n", "bad_series_row", id="minus-100"),
        pytest.param("2026-01,0.1\n2026-01,0.2\n", "duplicate_month", id="twice"),
        pytest.param("# only comments\n", "empty_series", id="empty"),
        pytest.param(
            "# last_verified_on: yesterday\n2026-01,0.1\n", "unreadable_series", id="bad-date"
        ),
        pytest.param("[1, 2]", "bad_series_row", id="sgs-not-objects"),
        pytest.param('[{"data": "15/01/2026", "valor": "1"}]', "bad_series_row", id="sgs-day"),
        pytest.param('[{"data": "01/01/2026", "valor": null}]', "bad_series_row", id="sgs-null"),
        pytest.param("[{", "unreadable_series", id="sgs-json"),
        pytest.param('[{"a": 1}] ', "bad_series_row", id="sgs-no-date"),
        pytest.param(" [] ", "empty_series", id="sgs-empty"),
        pytest.param('["unclosed"', "unreadable_series", id="sgs-unclosed"),
    ],
)
def test_reader_refuses_bad_series(text: str, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_ipca_series(text)
    assert info.value.codes == (code,)
    assert info.value.errors[0].message != info.value.errors[0].message_in("en")


def test_reader_refuses_bad_sources(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_ipca_series(tmp_path / "missing.csv")
    assert info.value.codes == ("unreadable_series",)
    with pytest.raises(InvalidInputError):
        read_ipca_series(io.BytesIO(b"2026-01,1\n"))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        read_ipca_series(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as info:
        read_ipca_series("2026-01,1\n" * 300_000)
    assert info.value.codes == ("series_too_large",)
    with pytest.raises(InvalidInputError):
        read_ipca_series('{"data": "x"}\n')


# --- refund statement (art. 323 § 2º) -------------------------------------------------------


def test_distributor_over_billing_is_doubled_updated_then_charged_interest() -> None:
    s = over(Cause.DISTRIBUTOR, (date(2024, 3, 10), "100.00"))
    r = refund_statement(s, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24))
    (line,) = r.lines
    assert line.multiplier == 2
    assert line.due == Decimal("200.00")  # § 2º, I
    assert line.ipca_factor == MAR_TO_MAY_2024  # § 2º, II: Mar–May 2024 IPCA (IBGE)
    assert line.updated == Decimal("200.00") * MAR_TO_MAY_2024
    assert line.interest_days == 91  # 26 Mar – 24 Jun inclusive
    # § 2º, III: 1 % a month pro rata die on the UPDATED value (days / 30)
    assert line.interest == line.updated * Decimal("0.01") * 91 / 30
    assert r.total == line.updated + line.interest
    assert r.amount == Decimal("208.13")
    assert r.rounding is InvoiceRounding.ABNT
    assert r.index is MonetaryIndex.IPCA
    assert r.within_deadline is True  # refund_by Jul 2024
    for ref in (
        ren1000(323, paragraph=2, item="I"),
        ren1000(323, paragraph=2, item="II"),
        ren1000(323, paragraph=2, item="III"),
        ren1000(657, paragraph="único"),
    ):
        assert ref in r.basis


def test_each_payment_starts_its_own_update_and_interest() -> None:
    s = over(Cause.DISTRIBUTOR, (date(2024, 3, 10), "100.00"), (date(2024, 4, 10), "50.00"))
    r = refund_statement(
        s,
        paid_on={date(2024, 3, 1): date(2024, 3, 25), date(2024, 4, 30): date(2024, 4, 22)},
        refunded_on=date(2024, 6, 24),
    )
    march, april = r.lines
    assert march.paid_on == date(2024, 3, 25)
    assert april.paid_on == date(2024, 4, 22)
    assert april.ipca_factor == Decimal("1.0038") * Decimal("1.0046")  # Apr, May
    assert april.interest_days == 63
    assert r.principal == Decimal("150.00")
    assert r.due == Decimal("300.00")
    assert r.total == march.total + april.total
    # one rounding, on the exact sum — not the sum of rounded lines
    assert r.amount == (march.total + april.total).quantize(Decimal("0.01"))


def test_consumer_fault_is_simple_with_ipca_and_no_interest() -> None:
    s = over(Cause.CONSUMER, (date(2024, 3, 10), "80.00"))
    r = refund_statement(s, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24))
    (line,) = r.lines
    assert (line.multiplier, line.interest, line.interest_days) == (1, Decimal(0), 0)
    assert line.total == Decimal("80.00") * MAR_TO_MAY_2024  # art. 324, § 1º
    assert r.amount == Decimal("80.80")
    assert ren1000(323, paragraph=2, item="III") not in r.basis


def test_third_party_refund_is_simple_but_earns_interest() -> None:
    s = over(Cause.THIRD_PARTY, (date(2024, 3, 10), "100.00"))
    r = refund_statement(s, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24))
    assert r.lines[0].multiplier == 1  # § 3º, II
    assert r.lines[0].interest > 0


def test_calendar_month_day_count_and_late_refund() -> None:
    s = over(Cause.DISTRIBUTOR, (date(2024, 3, 10), "100.00"))
    r = refund_statement(
        s,
        paid_on=date(2024, 3, 31),
        refunded_on=date(2024, 9, 30),
        day_count=DayCount.DAYS_OF_CALENDAR_MONTH,
    )
    # Apr–Sep are six whole calendar months: exactly 6 %
    assert r.lines[0].interest == r.lines[0].updated * Decimal("0.06")
    assert r.within_deadline is False  # refund_by was Jul 2024


def test_rounding_follows_the_regime_of_the_refund_day() -> None:
    # REN 414 over-billing (IGP-M, caller's series), refunded in Dec 2021: truncation (art. 213)
    s = settle_incorrect_billing(
        [BillingError(date(2021, 10, 10), Decimal("33.33"))],
        direction=Direction.OVER,
        cause=Cause.DISTRIBUTOR,
        found_on=date(2021, 11, 5),
    )
    assert s.update_index is MonetaryIndex.IGPM
    igpm = {date(2021, 10, 1): Decimal("0.64"), date(2021, 11, 1): Decimal("0.02")}
    with pytest.raises(InvalidInputError) as info:
        refund_statement(s, paid_on=date(2021, 10, 20), refunded_on=date(2021, 12, 20))
    assert info.value.codes == ("index_needed",)
    r = refund_statement(s, paid_on=date(2021, 10, 20), refunded_on=date(2021, 12, 20), igpm=igpm)
    assert r.index is MonetaryIndex.IGPM
    assert r.rounding is InvoiceRounding.TRUNCATION
    assert r.amount == r.total.quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    assert ren414(213, paragraph="único", amended_by=Norm.REN_418_2010) in r.basis
    assert ren1000(323, paragraph=2, item="II") not in r.basis


def test_false_declaration_refunds_nothing() -> None:
    s = settle_incorrect_billing(
        [BillingError(date(2024, 3, 10), Decimal("80.00"))],
        direction=Direction.OVER,
        cause=Cause.CONSUMER,
        found_on=date(2024, 5, 20),
        false_declaration=True,
    )
    r = refund_statement(s, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24))
    assert r.amount == Decimal("0.00")
    assert r.within_deadline is None


def test_refund_statement_refuses_bad_input() -> None:
    under = settle_incorrect_billing(
        [BillingError(date(2024, 3, 10), Decimal("80.00"))],
        direction=Direction.UNDER,
        cause=Cause.DISTRIBUTOR,
        found_on=date(2024, 5, 20),
    )
    good = over(Cause.DISTRIBUTOR, (date(2024, 3, 10), "100.00"))
    cases: list[tuple[dict[str, object], str]] = [
        ({"settlement": "x"}, "not_a_settlement"),
        ({"settlement": under}, "not_a_refund"),
        ({"paid_on": "2024-03-25"}, "not_a_payment_map"),
        ({"paid_on": {date(2024, 4, 1): date(2024, 4, 20)}}, "payment_missing"),
        ({"paid_on": date(2024, 2, 25)}, "paid_before_cycle"),
        ({"paid_on": date(2024, 7, 25)}, "paid_after_refund"),
        ({"day_count": "30"}, "not_an_enum"),
        ({"ipca": [1, 2]}, "not_a_series"),
        ({"ipca": {}}, "missing_month"),
    ]
    for changes, code in cases:
        kwargs: dict[str, object] = {
            "settlement": good,
            "paid_on": date(2024, 3, 25),
            "refunded_on": date(2024, 6, 24),
            **changes,
        }
        settlement = kwargs.pop("settlement")
        with pytest.raises(InvalidInputError) as info:
            refund_statement(settlement, **kwargs)  # type: ignore[arg-type]
        assert info.value.codes == (code,), changes


def test_refund_statement_needs_a_verified_index() -> None:
    s = settle_incorrect_billing(
        [BillingError(date(2021, 10, 10), Decimal("10.00"))],
        direction=Direction.OVER,
        cause=Cause.CONSUMER,
        found_on=date(2021, 11, 5),
    )
    assert s.update_index is None
    with pytest.raises(UnsupportedCaseError):
        refund_statement(s, paid_on=date(2021, 10, 20), refunded_on=date(2021, 12, 20))


# --- late payment (art. 343) -----------------------------------------------------------------


def test_late_payment_fine_interest_and_update_with_exclusions() -> None:
    lp = late_payment(
        Decimal("250.00"),
        due=date(2024, 3, 11),
        paid=date(2024, 4, 10),
        fine_rate=Decimal("0.02"),
        excluded={
            LateExclusion.PUBLIC_LIGHTING_AND_WASTE: Decimal("20.00"),
            LateExclusion.PREVIOUS_CHARGES: Decimal("5.00"),
        },
    )
    assert lp.late
    assert lp.days_late == 30
    assert lp.base == Decimal("225.00")  # § 2º: CIP and earlier fines out
    assert lp.fine == Decimal("4.50")  # 2 % (§ 1º)
    assert lp.interest == Decimal("2.25")  # 1 % × 30/30 on the base
    assert lp.index_factor == Decimal("1.0016")  # March 2024 IPCA (IBGE)
    assert lp.monetary_update == Decimal("230.00") * Decimal("0.0016")  # all but CIP
    assert lp.charges_rounded == Decimal("7.12")
    assert ren1000(343, paragraph=2, item="I") in lp.basis
    assert ren1000(343, paragraph=2, item="III") in lp.basis
    assert ren1000(343, paragraph=2, item="II") not in lp.basis


@pytest.mark.parametrize(
    ("rate", "ok"),
    [
        pytest.param("0.02", True, id="REN1000-art343-p1-exactly-2pct"),
        pytest.param("0.0201", False, id="REN1000-art343-p1-above"),
        pytest.param("0", True, id="REN1000-art343-p1-no-fine"),
        pytest.param("-0.01", False, id="negative"),
    ],
)
def test_fine_is_at_most_two_percent(rate: str, ok: bool) -> None:
    assert Decimal("0.02") == MAX_LATE_FINE_RATE
    kwargs = {"due": date(2024, 3, 11), "paid": date(2024, 3, 12), "fine_rate": Decimal(rate)}
    if ok:
        assert late_payment(Decimal("100.00"), **kwargs).fine == Decimal(100) * Decimal(rate)  # type: ignore[arg-type]
    else:
        with pytest.raises(InvalidInputError):
            late_payment(Decimal("100.00"), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("due", "paid", "late"),
    [
        pytest.param(date(2024, 3, 11), date(2024, 3, 11), False, id="on-the-due-day"),
        pytest.param(date(2024, 3, 11), date(2024, 3, 12), True, id="a-day-after"),
        pytest.param(date(2024, 3, 9), date(2024, 3, 11), False, id="REN1000-art343-p3-saturday"),
        pytest.param(date(2024, 3, 9), date(2024, 3, 12), True, id="REN1000-art343-p3-too-late"),
        pytest.param(date(2024, 4, 21), date(2024, 4, 22), False, id="REN1000-art343-p3-holiday"),
        pytest.param(date(2024, 3, 9), date(2024, 3, 8), False, id="paid-early"),
    ],
)
def test_due_date_moved_by_paragraph_3(due: date, paid: date, late: bool) -> None:
    lp = late_payment(Decimal("100.00"), due=due, paid=paid, fine_rate=Decimal("0.02"))
    assert lp.late is late
    assert (lp.charges > 0) is late
    if not late and paid > due:
        assert ren1000(343, paragraph=3) in lp.basis


def test_state_holidays_come_from_the_calendar() -> None:
    # 5 Sep 2024 (Thursday) is a state holiday in Amazonas
    kwargs = {"due": date(2024, 9, 5), "paid": date(2024, 9, 6), "fine_rate": Decimal("0.02")}
    assert late_payment(Decimal("100.00"), **kwargs).late  # type: ignore[arg-type]
    amazonas = BusinessCalendar(subdiv="AM")
    assert not late_payment(Decimal("100.00"), calendar=amazonas, **kwargs).late  # type: ignore[arg-type]


def test_late_payment_refuses_bad_input_and_ren414() -> None:
    base = {"due": date(2024, 3, 11), "paid": date(2024, 4, 10), "fine_rate": Decimal("0.02")}
    bad: list[tuple[object, dict[str, object], str]] = [
        (Decimal(-1), {}, "negative"),
        (
            Decimal(10),
            {"excluded": {LateExclusion.PREVIOUS_CHARGES: Decimal(11)}},
            "excluded_above_amount",
        ),
        (Decimal(10), {"excluded": {"cip": Decimal(1)}}, "not_an_enum"),
        (Decimal(10), {"excluded": [1]}, "not_an_enum"),
        (Decimal(10), {"calendar": "AM"}, "not_a_calendar"),
        (Decimal(10), {"day_count": None}, "not_an_enum"),
    ]
    for amount, changes, code in bad:
        with pytest.raises(InvalidInputError) as info:
            late_payment(amount, **{**base, **changes})  # type: ignore[arg-type]
        assert info.value.codes == (code,)
    with pytest.raises(UnsupportedCaseError):
        late_payment(Decimal(10), due=date(2022, 1, 2), paid=date(2022, 2, 1), fine_rate=Decimal(0))
    lp = late_payment(
        Decimal(10), due=date(2022, 1, 3), paid=date(2022, 2, 2), fine_rate=Decimal(0)
    )
    assert lp.index_factor == Decimal("1.0054")  # Jan 2022 IPCA 0.54 % (IBGE)


def test_late_payment_ren414_paid_in_time_answered_late_refused() -> None:
    # REN 414/2010, art. 126: charges only "na hipótese de atraso no pagamento"
    for rate in (Decimal("0.02"), Decimal("0.05")):
        lp = late_payment(
            Decimal("100.00"), due=date(2019, 5, 20), paid=date(2019, 5, 20), fine_rate=rate
        )
        assert (lp.late, lp.charges, lp.charges_rounded) == (False, Decimal(0), Decimal("0.00"))
        assert lp.basis == (ren414(126),)
    with pytest.raises(UnsupportedCaseError) as info:
        late_payment(
            Decimal("100.00"), due=date(2019, 5, 20), paid=date(2019, 5, 21), fine_rate=rate
        )
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(126),)
    assert "art. 126" in info.value.message
    # REN 1.000/2021, art. 343, § 1º: the 2 % limit from 3 Jan 2022
    with pytest.raises(InvalidInputError):
        late_payment(Decimal("100.00"), due=date(2022, 1, 3), paid=date(2022, 1, 3), fine_rate=rate)
