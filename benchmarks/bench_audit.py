"""Time parsing and auditing a 20-line invoice against its bill, in pure Python.

Run with ``.venv/bin/python benchmarks/bench_audit.py``. The baseline in the same run is the
least an audit must do: convert each printed quantity, rate and amount to Decimal and compare
it with the computed one. It prints the time per invoice and the ratio to the baseline.
"""

from __future__ import annotations

import timeit
from datetime import date
from decimal import Decimal
from typing import Any

from aneel_rules.invoice import Bill, BillLine, audit_invoice, check_invoice_contents, parse_invoice
from aneel_rules.legal import ren1000
from aneel_rules.tariffs import TariffPost

REPEAT = 7
NUMBER = 200
CODES = ("energy_te", "energy_tusd", "demand", "reactive_energy", "reactive_demand")
POSTS = (TariffPost.PEAK, TariffPost.OFF_PEAK)

LINES = tuple(
    BillLine(
        code=code,
        post=post,
        quantity=Decimal(100 + i),
        unit="kWh",
        rate=Decimal("0.123456"),
        amount=Decimal(100 + i) * Decimal("0.123456"),
        basis=(ren1000(293),),
        label=f"{i}",
    )
    for i, (code, post) in enumerate((c, p) for c in CODES for p in POSTS)
)
BILL = Bill(start=date(2026, 6, 1), end=date(2026, 7, 1), lines=LINES + LINES[:10])
DATA: dict[str, Any] = {
    "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
    "due_on": "2026-07-20",
    "lines": [
        {
            "code": line.code,
            "post": line.post.value if line.post else None,
            "quantity": str(line.quantity),
            "unit": "kWh",
            "rate": str(line.rate),
            "amount": str(line.amount.quantize(Decimal("0.01"))),
        }
        for line in BILL.lines
    ],
    "total": str(BILL.invoice_total),
}


def audit() -> int:
    invoice = parse_invoice(DATA)
    check_invoice_contents(invoice, on=date(2026, 7, 3))
    return len(audit_invoice(invoice, BILL).findings)


def baseline() -> int:
    tolerance = Decimal("0.01")
    found = 0
    for row, line in zip(DATA["lines"], BILL.lines, strict=True):
        found += abs(Decimal(row["quantity"]) - line.quantity) > tolerance
        found += line.rate is not None and Decimal(row["rate"]) != line.rate
        found += abs(Decimal(row["amount"]) - line.amount) > tolerance
    return found


def main() -> None:
    print(f"findings on the sample invoice: {audit()} (baseline {baseline()})")
    lib = min(timeit.repeat(audit, number=NUMBER, repeat=REPEAT)) / NUMBER
    base = min(timeit.repeat(baseline, number=NUMBER, repeat=REPEAT)) / NUMBER
    print(f"parse + contents + audit of a {len(BILL.lines)}-line invoice: {lib * 1e3:.3f} ms")
    print(f"baseline (Decimal comparison of every printed number): {base * 1e3:.3f} ms")
    print(f"ratio audit / baseline: {lib / base:.1f}x")


if __name__ == "__main__":
    main()
