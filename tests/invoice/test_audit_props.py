"""Invoice audit properties: a faithful invoice has no finding; fuzzed input never crashes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules import InvalidInputError, ren1000
from aneel_rules.invoice import Bill, BillLine, audit_invoice, parse_invoice
from aneel_rules.tariffs import TariffPost

CODES = ("energy_te", "energy_tusd", "demand", "reactive_energy", "flag", "icms", "municipal")
POSTS = (None, TariffPost.PEAK, TariffPost.OFF_PEAK)

amounts = st.decimals(min_value=Decimal(-500), max_value=Decimal(99999), places=4)
quantities = st.decimals(min_value=Decimal(0), max_value=Decimal(100000), places=2)
rates = st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=6)


@st.composite
def bills(draw: st.DrawFn) -> Bill:
    start = draw(st.dates(min_value=date(2022, 1, 3), max_value=date(2030, 1, 1)))
    end = start + timedelta(days=draw(st.integers(min_value=15, max_value=47)))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(CODES), st.sampled_from(POSTS)),
            min_size=1,
            max_size=8,
            unique=True,
        )
    )
    lines = tuple(
        BillLine(
            code=code,
            post=post,
            quantity=draw(quantities),
            unit="kWh",
            rate=draw(rates),
            amount=draw(amounts),
            basis=(ren1000(293),),
            label="CIP" if code == "municipal" else "",
        )
        for code, post in keys
    )
    return Bill(start=start, end=end, lines=lines)


def printed(bill: Bill) -> dict[str, Any]:
    """The invoice a faithful distributor prints: each value rounded for display only."""
    return {
        "reading": {"previous": bill.start.isoformat(), "current": bill.end.isoformat()},
        "due_on": (bill.end + timedelta(days=10)).isoformat(),
        "lines": [
            {
                "code": line.code,
                "post": None if line.post is None else line.post.value,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "rate": None if line.rate is None else str(line.rate),
                "amount": str(line.amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)),
                "label": line.label or None,
            }
            for line in bill.lines
        ],
        "total": str(bill.invoice_total),
    }


@settings(max_examples=60)
@given(bills())
def test_a_faithful_invoice_has_no_finding(bill: Bill) -> None:
    result = audit_invoice(parse_invoice(printed(bill)), bill)
    assert result.findings == ()
    assert result.overcharge == 0


@settings(max_examples=60)
@given(
    bills(),
    st.integers(min_value=0, max_value=7),
    st.decimals(min_value=Decimal("0.02"), max_value=Decimal(1000), places=2),
)
def test_an_overcharged_line_is_always_found(bill: Bill, index: int, extra: Decimal) -> None:
    data = printed(bill)
    line = data["lines"][index % len(data["lines"])]
    line["amount"] = str(Decimal(line["amount"]) + extra)
    data["total"] = str(bill.invoice_total + extra)
    result = audit_invoice(parse_invoice(data), bill)
    assert "amount_differs" in result.codes
    assert "total_differs" in result.codes
    assert result.overcharge == extra


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=150)
@given(
    st.dictionaries(
        st.sampled_from(("reading", "due_on", "lines", "total", "flags", "present", "x")),
        json_values,
    )
)
def test_parse_invoice_returns_or_raises_the_library_error(data: dict[str, object]) -> None:
    errors: tuple[object, ...] = ("parsed",)
    try:
        parse_invoice(data)
    except InvalidInputError as exc:
        errors = exc.errors
    assert errors  # a value, or the library's error with at least one problem
