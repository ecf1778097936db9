"""audit_invoice: each planted error is found, a correct invoice gives no finding."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from aneel_rules import InvalidInputError, ren414, ren1000
from aneel_rules.invoice import (
    FINDING_CODES,
    Bill,
    BillLine,
    LineCode,
    audit_invoice,
    parse_invoice,
)
from aneel_rules.legal import Norm
from aneel_rules.tariffs import TariffPost

D = Decimal
START, END = date(2026, 6, 1), date(2026, 7, 1)


def line(  # noqa: PLR0917 (a table row)
    code: str,
    post: TariffPost | None,
    qty: str,
    unit: str,
    rate: str | None,
    amount: str,
    ref: Any,
    label: str = "",
) -> BillLine:
    return BillLine(
        code=code,
        post=post,
        quantity=D(qty),
        unit=unit,
        rate=None if rate is None else D(rate),
        amount=D(amount),
        basis=(ref,),
        label=label,
    )


# Tarifa branca vector (INVOICE.md §7.2, ceinmart): 80/10/5 kWh at 0.80/1.00/1.50 R$/kWh and a
# 0.02 R$/kWh flag on 95 kWh → 83.40.
WHITE = Bill(
    start=START,
    end=END,
    lines=(
        line(
            "energy_te",
            TariffPost.OFF_PEAK,
            "80",
            "kWh",
            "0.80",
            "64.00",
            ren1000(327, paragraph=2),
        ),
        line(
            "energy_te",
            TariffPost.INTERMEDIATE,
            "10",
            "kWh",
            "1.00",
            "10.00",
            ren1000(327, paragraph=2),
        ),
        line("energy_te", TariffPost.PEAK, "5", "kWh", "1.50", "7.50", ren1000(327, paragraph=2)),
        line("flag", None, "95", "kWh", "0.02", "1.90", ren1000(307), label="Amarela"),
    ),
)


def white_invoice(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
        "due_on": "2026-07-20",
        "group": "B",
        "lines": [
            {
                "code": "energy_te",
                "post": "fora de ponta",
                "quantity": 80,
                "unit": "kWh",
                "rate": "0.80",
                "amount": "64.00",
            },
            {
                "code": "energy_te",
                "post": "intermediário",
                "quantity": 10,
                "unit": "kWh",
                "rate": "1.00",
                "amount": "10.00",
            },
            {
                "code": "energy_te",
                "post": "ponta",
                "quantity": 5,
                "unit": "kWh",
                "rate": "1.50",
                "amount": "7.50",
            },
            {
                "code": "flag",
                "quantity": 95,
                "unit": "kWh",
                "rate": "0.02",
                "amount": "1.90",
                "label": "amarela",
            },
        ],
        "total": "83.40",
        "flags": [{"name": "Verde", "days": 18}, {"name": "Amarela", "days": 12}],
    }
    data.update(changes)
    return data


# Group A azul with ultrapassagem (INVOICE.md §1.4, DERIVED, VR = R$ 30/kW): DAC 100 kW,
# DAM 106 kW fora de ponta → regular 106 × 30 = 3,180.00 + (106 − 100) × 2 × 30 = 360.00.
AZUL = Bill(
    start=START,
    end=END,
    lines=(
        line("demand", TariffPost.OFF_PEAK, "106", "kW", "30", "3180", ren1000(294, item="II")),
        line(
            "demand_overrun", TariffPost.OFF_PEAK, "6", "kW", "60", "360", ren1000(301, item="II")
        ),
        line(
            "energy_tusd", TariffPost.OFF_PEAK, "1000", "kWh", "0.123455", "123.455", ren1000(293)
        ),
    ),
)


def azul_invoice(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
        "due_on": "2026-07-20",
        "group": "A",
        "lines": [
            {
                "code": "demand",
                "post": "fora de ponta",
                "quantity": 106,
                "unit": "kW",
                "rate": "30",
                "amount": "3180.00",
            },
            {
                "code": "demand_overrun",
                "post": "fora de ponta",
                "quantity": 6,
                "unit": "kW",
                "rate": "60",
                "amount": "360.00",
            },
            {
                "code": "energy_tusd",
                "post": "fora de ponta",
                "quantity": 1000,
                "unit": "kWh",
                "rate": "0.123455",
                "amount": "123.46",
            },
        ],
        "total": "3663.46",
        "measured_demand": {"fora de ponta": 106},
    }
    data.update(changes)
    return data


def audit(data: dict[str, Any], bill: Bill, **kwargs: Any) -> Any:
    return audit_invoice(parse_invoice(data), bill, **kwargs)


def test_correct_invoices_give_no_finding() -> None:
    white = audit(white_invoice(), WHITE, flag_days={"Verde": 18, "Amarela": 12})
    assert white.ok
    assert white.findings == ()
    assert white.overcharge == 0
    assert WHITE.invoice_total == D("83.40")
    azul = audit(azul_invoice(), AZUL)
    assert azul.ok
    # 3663.455 rounds half to even (ABNT) to 3663.46? no: the exact total is 3663.455 → 3663.46
    assert AZUL.invoice_total == D("3663.46")


def test_line_missing() -> None:
    data = white_invoice()
    del data["lines"][3]
    data["total"] = "81.50"
    result = audit(data, WHITE)
    assert result.codes == ("line_missing", "total_differs")
    finding = result.findings[0]
    assert (finding.line, finding.label, finding.expected, finding.found) == (
        LineCode.FLAG,
        "Amarela",
        D("1.90"),
        None,
    )
    assert finding.basis == (ren1000(307),)


def test_reactive_on_group_b_is_not_allowed() -> None:
    data = white_invoice()
    data["lines"].append(
        {
            "code": "reactive_energy",
            "quantity": 12,
            "unit": "kvarh",
            "rate": "0.3",
            "amount": "3.60",
        }
    )
    data["total"] = "87.00"
    result = audit(data, WHITE)
    assert result.codes == ("line_not_allowed", "total_differs")
    assert result.findings[0].basis == (ren1000(303),)
    assert result.findings[0].difference == D("3.60")
    assert ren1000(323) in result.basis


def test_overrun_charged_within_tolerance_is_not_allowed() -> None:
    # DAM 105 kW on DAC 100 kW: exactly 5 % does not "exceder" (art. 301, II)
    bill = Bill(
        start=START,
        end=END,
        lines=(
            line("demand", TariffPost.OFF_PEAK, "105", "kW", "30", "3150", ren1000(294, item="II")),
        ),
    )
    data = azul_invoice(
        lines=[
            {
                "code": "demand",
                "post": "fora de ponta",
                "quantity": 105,
                "unit": "kW",
                "rate": "30",
                "amount": "3150.00",
            },
            {
                "code": "demand_overrun",
                "post": "fora de ponta",
                "quantity": 5,
                "unit": "kW",
                "rate": "60",
                "amount": "300.00",
            },
        ],
        total="3450.00",
        measured_demand={"fora de ponta": 105},
    )
    result = audit(data, bill)
    assert result.codes == ("line_not_allowed", "total_differs")
    assert result.findings[0].basis == (ren1000(301),)


@pytest.mark.parametrize(
    ("field", "value", "code", "expected", "found"),
    [
        pytest.param("quantity", 81, "quantity_differs", "80", "81", id="quantity"),
        pytest.param("rate", "0.81", "rate_differs", "0.80", "0.81", id="rate"),
        pytest.param("amount", "64.02", "amount_differs", "64.00", "64.02", id="amount"),
    ],
)
def test_matched_line_differs(
    field: str, value: object, code: str, expected: str, found: str
) -> None:
    data = white_invoice()
    data["lines"][0][field] = value
    result = audit(data, WHITE)
    assert result.codes[0] == code
    finding = result.findings[0]
    assert (finding.line, finding.post) == (LineCode.ENERGY_TE, TariffPost.OFF_PEAK)
    assert (finding.expected, finding.found) == (D(expected), D(found))
    assert finding.basis == (ren1000(327, paragraph=2),)


@pytest.mark.parametrize(
    ("printed", "finding"),
    [
        pytest.param("64.01", False, id="exactly-the-tolerance"),
        pytest.param("63.99", False, id="exactly-the-tolerance-below"),
        pytest.param("64.011", True, id="above-the-tolerance"),
    ],
)
def test_amount_tolerance_edge(printed: str, finding: bool) -> None:
    data = white_invoice()
    data["lines"][0]["amount"] = printed
    codes = audit(data, WHITE).codes
    assert ("amount_differs" in codes) is finding


def test_demand_billed_below_measured() -> None:
    data = azul_invoice(measured_demand={"fora de ponta": 110})
    result = audit(data, AZUL)
    assert result.codes == ("demand_below_measured",)
    assert (result.findings[0].expected, result.findings[0].found) == (D(110), D(106))
    assert result.findings[0].basis == (ren1000(294),)


def test_flag_days_wrong() -> None:
    wrong_sum = white_invoice(
        flags=[{"name": "Verde", "days": 18}, {"name": "Amarela", "days": 13}]
    )
    result = audit(wrong_sum, WHITE)
    assert result.codes == ("flag_days_wrong",)
    assert (result.findings[0].expected, result.findings[0].found) == (D(30), D(31))
    assert result.findings[0].basis == (ren1000(307),)
    swapped = white_invoice(flags=[{"name": "Verde", "days": 12}, {"name": "Amarela", "days": 18}])
    result = audit(swapped, WHITE, flag_days={"Verde": 18, "Amarela": 12})
    assert result.codes == ("flag_days_wrong", "flag_days_wrong")
    assert [f.label for f in result.findings] == ["Verde", "Amarela"]
    result = audit(
        white_invoice(flags=[{"name": "Verde", "days": 30}]),
        WHITE,
        flag_days={"Amarela": 12, "Verde": 18},
    )
    assert [(f.label, f.found) for f in result.findings] == [("Amarela", D(0)), ("Verde", D(30))]


def test_rounding_not_per_art_657() -> None:
    # exact total 3663.455: ABNT (half to even) 3663.46 is right here; ROUND_HALF_UP also gives
    # .46, so plant a truncated total instead
    result = audit(azul_invoice(total="3663.45"), AZUL)
    assert result.codes == ("rounding_not_per_norm",)
    assert result.findings[0].basis == (ren1000(657), ren1000(657, paragraph="único"))
    # a total rounded half up where half-to-even gives the lower cent
    bill = Bill(
        start=START,
        end=END,
        lines=(line("energy_te", None, "100", "kWh", "0.62125", "62.125", ren1000(293)),),
    )
    inv = {
        "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
        "due_on": "2026-07-20",
        "lines": [
            {
                "code": "energy_te",
                "quantity": 100,
                "unit": "kWh",
                "rate": "0.62125",
                "amount": "62.12",
            }
        ],
        "total": "62.13",
    }
    assert bill.invoice_total == D("62.12")
    assert audit(inv, bill).codes == ("rounding_not_per_norm",)
    inv["total"] = "62.12"
    assert audit(inv, bill).ok


def test_rounding_rounded_lines_summed() -> None:
    bill = Bill(
        start=START,
        end=END,
        lines=(
            line("energy_te", None, "1", "kWh", "0.004", "0.004", ren1000(293)),
            line("energy_tusd", None, "1", "kWh", "0.004", "0.004", ren1000(293)),
            line(
                "other", None, "1", "R$", None, "10.004", ren1000(327, item="VII"), label="serviço"
            ),
        ),
    )
    assert bill.invoice_total == D("10.01")
    inv = {
        "reading": {"previous": "2026-06-01", "current": "2026-07-01"},
        "due_on": "2026-07-20",
        "lines": [
            {"code": "energy_te", "quantity": 1, "unit": "kWh", "amount": "0.00"},
            {"code": "energy_tusd", "quantity": 1, "unit": "kWh", "amount": "0.00"},
            {"code": "other", "amount": "10.00", "label": "Serviço"},
        ],
        "total": "10.00",
    }
    # the sum of the rounded lines, not the exact sum rounded once
    assert audit(inv, bill).codes == ("rounding_not_per_norm",)


def test_ren414_bill_truncates() -> None:
    bill = Bill(
        start=date(2021, 11, 1),
        end=date(2021, 12, 1),
        lines=(line("energy_te", None, "100", "kWh", "0.62129", "62.129", ren414(213)),),
    )
    inv = {
        "reading": {"previous": "2021-11-01", "current": "2021-12-01"},
        "due_on": "2021-12-20",
        "lines": [
            {
                "code": "energy_te",
                "quantity": 100,
                "unit": "kWh",
                "rate": "0.62129",
                "amount": "62.12",
            }
        ],
        "total": "62.13",
    }
    assert bill.invoice_total == D("62.12")
    result = audit(inv, bill)
    assert result.codes == ("rounding_not_per_norm",)
    # REN 414/2010, art. 213, parágrafo único in the wording of REN 418/2010 (23 Nov 2010)
    assert result.findings[0].basis == (
        ren414(213, paragraph="único", amended_by=Norm.REN_418_2010),
    )
    assert ren1000(323) not in result.basis


def test_period_and_total_differ() -> None:
    result = audit(
        white_invoice(reading={"previous": "2026-06-02", "current": "2026-07-01"}), WHITE
    )
    assert "period_differs" in result.codes
    assert result.findings[0].expected == D(30)
    result = audit(white_invoice(total="90.00"), WHITE)
    assert result.codes == ("total_differs",)
    assert result.findings[0].difference == D("6.60")
    assert result.overcharge == D("6.60")


def test_several_errors_are_listed_in_code_order() -> None:
    data = copy.deepcopy(azul_invoice(measured_demand={"fora de ponta": 120}))
    data["lines"][2]["amount"] = "130.00"
    data["total"] = "3730.00"
    data["lines"].append(
        {
            "code": "reactive_demand",
            "post": "fora de ponta",
            "quantity": 2,
            "rate": "30",
            "amount": "60",
        }
    )
    result = audit(data, AZUL)
    assert result.codes == (
        "line_not_allowed",
        "amount_differs",
        "demand_below_measured",
        "total_differs",
    )
    assert list(result.codes) == sorted(result.codes, key=FINDING_CODES.index)


def test_messages_in_both_languages() -> None:
    data = white_invoice()
    data["lines"][0]["amount"] = "65.00"
    result = audit(data, WHITE)
    for finding in result.findings:
        pt, en = finding.message(), finding.message("en")
        assert pt != en
        assert "327" in pt
        assert "fora de ponta" in en
    assert "65.00" in result.findings[0].message()


def test_bad_arguments() -> None:
    inv = parse_invoice(white_invoice())
    with pytest.raises(InvalidInputError) as info:
        audit_invoice("x", WHITE)  # type: ignore[arg-type]
    assert info.value.codes == ("not_an_invoice",)
    with pytest.raises(InvalidInputError) as info:
        audit_invoice(inv, "bill")  # type: ignore[arg-type]
    assert info.value.codes == ("not_a_bill",)
    with pytest.raises(InvalidInputError) as info:
        audit_invoice(inv, WHITE, tolerance=D(-1))
    assert info.value.codes == ("negative",)
    with pytest.raises(InvalidInputError):
        audit_invoice(inv, WHITE, rate_tolerance=0.1)  # type: ignore[arg-type]


def test_edge_branches() -> None:
    # a zero-amount computed line may be left off the invoice; measured demand of a post with
    # no demand line is not compared
    bill = Bill(
        start=START,
        end=END,
        lines=(*WHITE.lines, line("other", None, "1", "R$", None, "0", ren1000(327, item="VII"))),
    )
    data = white_invoice(measured_demand={"ponta": 5})
    assert audit(data, bill).ok
    # a flag finding names the flag, without a post
    data = white_invoice()
    data["lines"][3]["amount"] = "2.00"
    data["total"] = "83.50"
    (finding, total) = audit(data, WHITE).findings
    assert finding.message("en").startswith("line flag [amarela]: amount 2.00 printed, 1.90")
    assert total.code == "total_differs"
