"""audit_invoice on REN 414/2010 invoices: each finding cites the provision of its regime."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from aneel_rules.invoice import Bill, BillLine, audit_invoice, parse_invoice
from aneel_rules.legal import LegalRef, Norm, ren414, ren1000
from aneel_rules.tariffs import TariffPost

D = Decimal
FLAGS_414 = LegalRef(norm=Norm.REN_547_2013, article=3, amended_by=Norm.REN_626_2014)


def _bill(start: date, end: date, *lines: BillLine) -> Bill:
    return Bill(start=start, end=end, lines=lines)


def _energy(amount: str = "50.00") -> BillLine:
    return BillLine(
        code="energy_te",
        post=None,
        quantity=D(100),
        unit="kWh",
        rate=D("0.50"),
        amount=D(amount),
        basis=(ren414(93),),
    )


def _invoice(start: date, end: date, *extra: dict[str, Any], **changes: Any) -> Any:
    data: dict[str, Any] = {
        "reading": {"previous": start.isoformat(), "current": end.isoformat()},
        "due_on": end.isoformat(),
        "group": "B",
        "lines": [
            {
                "code": "energy_te",
                "quantity": 100,
                "unit": "kWh",
                "rate": "0.50",
                "amount": "50.00",
            },
            *extra,
        ],
        "total": "50.00",
    }
    data.update(changes)
    return parse_invoice(data)


REACTIVE = {
    "code": "reactive_energy",
    "quantity": 12,
    "unit": "kvarh",
    "rate": "0.3",
    "amount": "3.60",
}


@pytest.mark.parametrize(
    ("start", "end", "expected", "wrong"),
    [
        # REN 414, art. 95 (REN 418/2010): f_R "para as unidades consumidoras dos grupos A e B"
        pytest.param(
            date(2019, 5, 1),
            date(2019, 5, 31),
            ren414(96, amended_by=Norm.REN_418_2010),
            ren414(113, amended_by=Norm.REN_479_2012),
            id="2019-ren418-ren479",
        ),
        pytest.param(
            date(2010, 10, 1),
            date(2010, 10, 31),
            ren414(96),
            ren414(113),
            id="2010-original-wordings",
        ),
        # REN 1.000/2021, art. 303: group B "não tem fator de potência de referência"
        pytest.param(
            date(2022, 1, 3), date(2022, 2, 2), ren1000(303), ren1000(323), id="2022-ren1000"
        ),
    ],
)
def test_reactive_on_group_b_cites_its_regime(
    start: date, end: date, expected: LegalRef, wrong: LegalRef
) -> None:
    result = audit_invoice(
        _invoice(start, end, REACTIVE, total="53.60"), _bill(start, end, _energy())
    )
    assert result.codes == ("line_not_allowed", "total_differs")
    assert result.findings[0].basis == (expected,)
    assert wrong in result.basis


def test_overrun_flag_and_availability_cite_ren414() -> None:
    start, end = date(2016, 3, 1), date(2016, 3, 31)
    extra = (
        {"code": "demand_overrun", "quantity": 5, "unit": "kW", "rate": "60", "amount": "300"},
        {"code": "flag", "quantity": 100, "unit": "kWh", "rate": "0.03", "amount": "3.00"},
        {"code": "availability", "quantity": 30, "unit": "kWh", "rate": "0.5", "amount": "15"},
    )
    result = audit_invoice(
        _invoice(start, end, *extra, total="368.00"), _bill(start, end, _energy())
    )
    bases = [f.basis for f in result.findings if f.code == "line_not_allowed"]
    assert bases == [(ren414(93),), (FLAGS_414,), (ren414(98),)]


def test_flag_days_and_period_cite_ren414() -> None:
    start, end = date(2019, 5, 1), date(2019, 5, 31)
    invoice = _invoice(start, end, flags=[{"name": "Verde", "days": 29}])
    result = audit_invoice(invoice, _bill(date(2019, 4, 30), end, _energy()))
    by_code = {f.code: f.basis for f in result.findings}
    # REN 414, art. 119, I, "g": "datas e registros das leituras anterior e atual"
    assert by_code["period_differs"] == (ren414(119, item="I", subitem="g"),)
    # REN 547/2013, art. 3º (REN 626/2014): "proporcional aos dias de vigência de cada bandeira"
    assert by_code["flag_days_wrong"] == (FLAGS_414,)


def test_demand_below_measured_cites_ren414_art93() -> None:
    start, end = date(2019, 5, 1), date(2019, 5, 31)
    demand = BillLine(
        code="demand",
        post=TariffPost.OFF_PEAK,
        quantity=D(100),
        unit="kW",
        rate=D(30),
        amount=D(3000),
        basis=(ren414(93),),
    )
    invoice = parse_invoice(
        {
            "reading": {"previous": start.isoformat(), "current": end.isoformat()},
            "due_on": end.isoformat(),
            "group": "A",
            "lines": [
                {
                    "code": "demand",
                    "post": "fora de ponta",
                    "quantity": 100,
                    "unit": "kW",
                    "rate": "30",
                    "amount": "3000",
                }
            ],
            "total": "3000.00",
            "measured_demand": {"fora de ponta": 110},
        }
    )
    result = audit_invoice(invoice, _bill(start, end, demand))
    assert result.codes == ("demand_below_measured",)
    assert result.findings[0].basis == (ren414(93),)
