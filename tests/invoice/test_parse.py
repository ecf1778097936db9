"""parse_invoice: the printed invoice from JSON-shaped data, every problem at once."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.invoice import (
    MAX_INVOICE_LINES,
    Invoice,
    InvoiceGroup,
    InvoiceItem,
    InvoiceSituation,
    LineCode,
    invoice_json_schema,
    parse_bill,
    parse_invoice,
)
from aneel_rules.legal import ren1000
from aneel_rules.tariffs import TariffPost

D = Decimal


def invoice_data(**changes: object) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reading": {"previous": "2026-06-01", "current": "2026-07-01", "next": "2026-07-31"},
        "issued_on": "2026-07-03",
        "due_on": "2026-07-20",
        "group": "B",
        "lines": [
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
                "quantity": "95",
                "unit": "kWh",
                "rate": "0.02",
                "amount": "1.90",
                "label": "Amarela",
            },
            {"code": "municipal", "amount": 12, "label": "CIP"},
        ],
        "total": "21.40",
        "flags": [{"name": "Verde", "days": 18}, {"name": "Amarela", "days": 12}],
        "measured_demand": {"ponta": "12.5", "fora de ponta": 14},
        "present": ["identificação do consumidor", "histórico de consumo"],
        "situations": ["tarifa branca"],
        "low_income": True,
    }
    data.update(changes)
    return data


def test_a_full_invoice_is_read() -> None:
    inv = parse_invoice(invoice_data())
    assert isinstance(inv, Invoice)
    assert (inv.start, inv.end, inv.next_reading) == (
        date(2026, 6, 1),
        date(2026, 7, 1),
        date(2026, 7, 31),
    )
    assert (inv.issued_on, inv.due_on, inv.group) == (
        date(2026, 7, 3),
        date(2026, 7, 20),
        InvoiceGroup.B,
    )
    first, flag, cip = inv.lines
    assert first.code is LineCode.ENERGY_TE
    assert first.post is TariffPost.PEAK
    assert (first.quantity, first.rate, first.amount) == (
        Decimal(5),
        Decimal("1.50"),
        Decimal("7.50"),
    )
    assert flag.label == "Amarela"
    assert (cip.quantity, cip.rate, cip.amount, cip.unit) == (None, None, Decimal(12), None)
    assert inv.total == Decimal("21.40")
    assert [(f.name, f.days) for f in inv.flags] == [("Verde", 18), ("Amarela", 12)]
    assert inv.measured_demand == {
        TariffPost.PEAK: Decimal("12.5"),
        TariffPost.OFF_PEAK: Decimal(14),
    }
    assert inv.present == {InvoiceItem.CONSUMER_ID, InvoiceItem.CONSUMPTION_HISTORY}
    assert inv.situations == {InvoiceSituation.WHITE_TARIFF, InvoiceSituation.LOW_INCOME}
    assert "327" in str(inv.basis[0])


def test_json_with_decimal_floats_is_read_exactly() -> None:
    text = json.dumps(invoice_data()).replace('"21.40"', "21.40")
    inv = parse_invoice(json.loads(text, parse_float=Decimal))
    assert inv.total == Decimal("21.40")


def test_single_demand_for_verde_and_optional_fields_absent() -> None:
    data = invoice_data(measured_demand={"total": 30})
    for key in ("issued_on", "group", "flags", "present", "situations", "low_income"):
        del data[key]
    del data["reading"]["next"]
    inv = parse_invoice(data)
    assert inv.measured_demand == {None: Decimal(30)}
    assert (inv.issued_on, inv.group, inv.flags, inv.present, inv.situations) == (
        None,
        None,
        (),
        frozenset(),
        frozenset(),
    )


def test_every_problem_is_reported_at_once() -> None:
    data = invoice_data(
        reading={"previous": "2026-07-01", "current": "2026-06-01", "next": "2026-05-01"},
        due_on="2026-05-20",
        total=21.4,
        lines=[
            {"code": "demand", "amount": 3.2, "post": "noite"},
            {"code": "energia", "amount": "1"},
            {"code": "other", "amount": "x", "label": 5},
        ],
        group="C",
        flags=[{"name": "Amarela", "days": -1}],
        measured_demand={"madrugada": 1, "ponta": -3},
        present=["nada"],
        situations="baixa renda",
        bogus=1,
    )
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(data)
    found = {(e.path, e.code) for e in info.value.errors}
    assert found >= {
        ("due_on", "end_before_start"),
        ("group", "not_in_choices"),
        ("lines.0.post", "not_in_choices"),
        ("lines.0.amount", "float_money"),
        ("lines.1.code", "not_in_choices"),
        ("lines.2.amount", "not_a_number"),
        ("lines.2.label", "not_a_string"),
        ("total", "float_money"),
        ("flags.0.days", "below_minimum"),
        ("measured_demand.madrugada", "not_in_choices"),
        ("measured_demand.ponta", "below_minimum"),
        ("present.0", "not_in_choices"),
        ("situations", "not_a_list"),
        ("bogus", "unknown_field"),
    }
    # each message exists in Portuguese and in English
    for error in info.value.errors:
        assert error.message
        assert error.message_in("en")


def test_cross_field_checks() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(
            invoice_data(
                reading={"previous": "2026-07-01", "current": "2026-06-01", "next": "2026-05-01"},
                due_on="2026-05-20",
                lines=[{"code": "demand", "amount": "1"}],
            )
        )
    assert {(e.path, e.code) for e in info.value.errors} == {
        ("reading.current", "end_before_start"),
        ("reading.next", "end_before_start"),
        ("due_on", "end_before_start"),
        ("lines.0.quantity", "required"),
    }


def test_float_money_message_is_translated() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(invoice_data(total=1.5))
    (error,) = info.value.errors
    assert error.code == "float_money"
    assert error.message != error.message_in("en")


def test_sizes_are_checked_before_work() -> None:
    line = {"code": "other", "amount": "bad"}
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(invoice_data(lines=[line] * (MAX_INVOICE_LINES + 1)))
    # refused as a whole: no per-line error was computed
    assert [(e.path, e.code) for e in info.value.errors] == [("lines", "too_many_items")]
    assert (
        len(parse_invoice(invoice_data(lines=[{"code": "other", "amount": 1}] * 200)).lines) == 200
    )
    huge = {f"k{i}": i for i in range(1000)}
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(huge)
    assert info.value.codes == ("too_many_items",)
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(invoice_data(measured_demand={"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}))
    assert info.value.codes == ("too_many_items",)


def test_personal_data_is_not_echoed() -> None:
    cpf = "529.982.247-25"
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(
            invoice_data(due_on=cpf, issued_on=cpf, lines=[{"code": "other", "amount": cpf}])
        )
    for error in info.value.errors:
        assert cpf not in error.message
        assert cpf not in error.message_in("en")
    assert cpf not in str(info.value)


@pytest.mark.parametrize("data", [None, [], "invoice", 3])
def test_not_an_object(data: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(data)  # type: ignore[arg-type]
    assert info.value.codes == ("not_an_object",)


def test_measured_demand_must_be_an_object() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(invoice_data(measured_demand=[1]))
    assert info.value.codes == ("not_an_object",)
    with pytest.raises(InvalidInputError) as info:
        parse_invoice(invoice_data(measured_demand={1: 2}))
    assert info.value.codes == ("not_in_choices",)


def bill_data(**changes: object) -> dict[str, Any]:
    data: dict[str, Any] = {
        "start": "2026-06-01",
        "end": "2026-07-01",
        "lines": [
            {
                "code": "demand",
                "post": "fora de ponta",
                "quantity": 106,
                "unit": "kW",
                "rate": "30",
                "amount": "3180",
                "basis": [{"norm": "REN 1.000/2021", "article": "294", "item": "II"}],
            },
            {
                "code": "municipal",
                "quantity": 1,
                "unit": "R$",
                "amount": "12.5",
                "label": "CIP",
                "basis": [{"norm": "REN 1.000/2021", "article": "476", "paragraph": "3"}],
            },
        ],
    }
    data.update(changes)
    return data


def test_parse_bill_reads_an_explicit_bill() -> None:
    bill = parse_bill(bill_data())
    demand, cip = bill.lines
    assert (demand.code, demand.post, demand.quantity) == ("demand", TariffPost.OFF_PEAK, D(106))
    assert demand.basis == (ren1000(294, item="II"),)
    assert cip.basis == (ren1000(476, paragraph=3),)
    assert (cip.label, cip.rate) == ("CIP", None)
    assert bill.invoice_total == D("3192.50")
    sole = bill_data()
    sole["lines"][1]["basis"] = [{"norm": "REN 1.000/2021", "article": "657", "paragraph": "único"}]
    assert parse_bill(sole).lines[1].basis == (ren1000(657, paragraph="único"),)


def test_parse_bill_reports_every_problem() -> None:
    data = bill_data(end="2026-05-01")
    data["lines"][0]["basis"] = [{"norm": "REN 9/2099", "article": "1"}]
    data["lines"][1]["basis"] = [{"norm": "REN 1.000/2021", "article": "x1", "item": "ZZ"}]
    with pytest.raises(InvalidInputError) as info:
        parse_bill(data)
    assert {(e.path, e.code) for e in info.value.errors} == {
        ("end", "end_before_start"),
        ("lines.0.basis.0.norm", "not_in_choices"),
        ("lines.1.basis.0.article", "invalid_article"),
    }
    with pytest.raises(InvalidInputError) as info:
        parse_bill({f"k{i}": 1 for i in range(40)})
    assert info.value.codes == ("too_many_items",)


def test_json_schemas() -> None:
    invoice_schema = invoice_json_schema()
    assert invoice_schema["additionalProperties"] is False
    assert "lines" in invoice_schema["properties"]  # type: ignore[operator]
    bill_schema = invoice_json_schema("bill")
    assert bill_schema["required"] == ["start", "end", "lines"]
    text = json.dumps(invoice_schema, ensure_ascii=False)
    assert "fora de ponta" in text
    with pytest.raises(InvalidInputError) as info:
        invoice_json_schema("fatura")
    assert info.value.codes == ("not_a_schema_kind",)
