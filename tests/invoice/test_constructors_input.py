"""Every public class of ``aneel_rules.invoice`` refuses a wrong argument with the library's error.

The constructors read each argument through the input kit (``docs/design.md``, "Input"): a
``None`` where a value is required, an object of another type, a float where money is meant
and a datetime where a plain date is meant are refused with :class:`InvalidInputError` (code,
English and Portuguese messages), never attrs' own ``TypeError``/``ValueError``, and never
accepted.
"""

from __future__ import annotations

import contextlib
import enum
import inspect
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules import InvalidInputError
from aneel_rules import invoice as inv
from aneel_rules.billing_cycle import (
    BillingError,
    Cause,
    Direction,
    settle_incorrect_billing,
)
from aneel_rules.legal import ren1000
from aneel_rules.tariffs import Subgroup, TariffModality, TariffPost

D = Decimal
NOON = datetime(2026, 6, 1, 12, 0)  # noqa: DTZ001 (a datetime where a date is meant)


def _invoice() -> inv.Invoice:
    return inv.parse_invoice(
        {
            "reading": {"previous": "2026-06-01", "current": "2026-07-01", "next": "2026-08-01"},
            "issued_on": "2026-07-02",
            "due_on": "2026-07-20",
            "group": "B",
            "total": "62.04",
            "lines": [
                {
                    "code": "energy_te",
                    "quantity": 200,
                    "unit": "kWh",
                    "rate": "0.31021",
                    "amount": "62.04",
                }
            ],
            "flags": [{"name": "Verde", "days": 30}],
            "measured_demand": {"ponta": "10"},
        }
    )


def _bill() -> inv.Bill:
    line = inv.BillLine(
        code="energy_te",
        post=None,
        quantity=D(200),
        unit="kWh",
        rate=D("0.31021"),
        amount=D("62.042"),
        basis=(ren1000(293),),
    )
    return inv.Bill(start=date(2026, 6, 1), end=date(2026, 7, 1), lines=(line,))


def _refunds() -> inv.RefundStatement:
    settlement = settle_incorrect_billing(
        [BillingError(date(2024, 3, 10), D("100.00"))],
        direction=Direction.OVER,
        cause=Cause.DISTRIBUTOR,
        found_on=date(2024, 5, 20),
    )
    return inv.refund_statement(
        settlement, paid_on=date(2024, 3, 25), refunded_on=date(2024, 6, 24)
    )


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj)) if f.init}


def _valid() -> dict[Any, dict[str, Any]]:
    invoice = _invoice()
    bill = _bill()
    audit = inv.audit_invoice(invoice, bill)
    contents = inv.check_invoice_contents(invoice, on=date(2026, 7, 5))
    refunds = _refunds()
    late = inv.late_payment(
        D("250.00"), due=date(2024, 3, 11), paid=date(2024, 4, 10), fine_rate=D("0.02")
    )
    finding = inv.Finding(
        code="total_differs",
        line=inv.LineCode.ENERGY_TE,
        post=TariffPost.PEAK,
        label="x",
        expected=D(1),
        found=D(2),
        difference=D(1),
        basis=(ren1000(327),),
    )
    return {
        inv.Bill: _fields(bill),
        inv.BillLine: _fields(bill.lines[0]),
        inv.Measurements: {
            "energy_kwh": {TariffPost.PEAK: D(1), TariffPost.OFF_PEAK: D(2)},
            "demand_kw": D(3),
            "reactive_excess_kwh": D(0),
            "reactive_demand_kw": D(0),
            "energy_by_day": {date(2026, 6, 2): D(1)},
            "irrigation_kwh": D(0),
        },
        inv.CapacitiveWindow: {"start": time(0, 0)},
        inv.TariffRates: {
            "distributor": "X",
            "subgroup": Subgroup.B1,
            "modality": TariffModality.CONVENTIONAL_MONOMIAL,
            "te_mwh": D(300),
            "tusd_mwh": D(400),
            "act": "REH 1",
            "valid_from": date(2026, 1, 1),
            "valid_to": date(2026, 12, 31),
        },
        inv.BillOptions: {"seasonal": False, "families": 1},
        inv.TrialPeriod: {"kind": inv.TrialKind.INCREASE, "previous_demand_kw": D(100)},
        inv.FlagMonth: {
            "month": date(2026, 6, 1),
            "flag": inv.TariffFlag.YELLOW,
            "add_on_mwh": D("18.85"),
        },
        inv.TaxAmounts: _fields(
            inv.tax_amounts(
                D(100),
                inv.TaxRates(pis=D("0.01"), cofins=D("0.05"), icms=D("0.18")),
                inv.GrossUp.ADDITIVE,
            )
        ),
        inv.TaxRates: {"pis": D("0.01"), "cofins": D("0.05"), "icms": D("0.18")},
        inv.Finding: _fields(finding),
        inv.InvoiceAudit: _fields(audit),
        inv.ContentsCheck: _fields(contents),
        inv.RequiredItem: _fields(contents.required[0]),
        inv.FlagPeriod: _fields(invoice.flags[0]),
        inv.Invoice: _fields(invoice),
        inv.InvoiceLine: _fields(invoice.lines[0]),
        inv.LatePayment: _fields(late),
        inv.RefundLine: _fields(refunds.lines[0]),
        inv.RefundStatement: _fields(refunds),
        inv.IpcaSeries: {
            "variations": {date(2026, 1, 1): D("0.33")},
            "source": "IBGE",
            "last_verified_on": date(2026, 2, 10),
        },
    }


VALID = _valid()
CLASSES: tuple[Any, ...] = tuple(
    obj
    for name in inv.__all__
    if inspect.isclass(obj := getattr(inv, name)) and not issubclass(obj, enum.Enum)
)


def test_every_public_class_is_walked() -> None:
    assert set(VALID) == set(CLASSES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_valid_arguments_build(cls: Any) -> None:
    cls(**VALID[cls])


def _bad_values(cls: Any, name: str) -> Iterator[object]:
    """Values that are wrong for field ``name`` of ``cls``, whatever it holds."""
    good = VALID[cls].get(name)
    field = attrs.fields_dict(cls)[name]
    yield object()
    # None is valid where the annotation says so, and for a map per post (None: no map)
    optional = "None" in str(field.type) or field.default is None
    if not optional and "PostMap" not in str(field.type):
        yield None
    if isinstance(good, date) and not isinstance(good, datetime):
        yield NOON
        yield "not a date"
    if isinstance(good, Decimal):
        yield "n/a"
        yield D("NaN")
    if isinstance(good, bool):
        yield 1
    if isinstance(good, int) and not isinstance(good, bool):
        yield 1.5
        yield "3"


def _cases() -> Iterator[tuple[Any, str, object]]:
    for cls in CLASSES:
        for field in attrs.fields(cls):
            if field.init:
                for bad in _bad_values(cls, field.name):
                    yield cls, field.name, bad


CASES = list(_cases())


def _refused(cls: Any, **changes: object) -> InvalidInputError:
    """The error of ``cls`` built from its valid arguments with ``changes``."""
    with pytest.raises(InvalidInputError) as info:
        cls(**{**VALID.get(cls, {}), **changes})
    error = info.value
    assert error.code
    assert error.message_in("en")
    assert error.message_in("pt_BR")
    return error


@pytest.mark.parametrize(
    ("cls", "name", "bad"),
    CASES,
    ids=[f"{c.__name__}.{n}={type(b).__name__}" for c, n, b in CASES],
)
def test_wrong_argument_is_the_librarys_error(cls: Any, name: str, bad: object) -> None:
    _refused(cls, **{name: bad})


def test_money_float_refused() -> None:
    for cls, name in (
        (inv.FlagMonth, "add_on_mwh"),
        (inv.InvoiceLine, "amount"),
        (inv.Invoice, "total"),
        (inv.TaxAmounts, "gross"),
    ):
        error = _refused(cls, **{name: 1.5})
        assert error.code == "float_not_allowed"


def test_datetime_refused_where_a_date_is_meant() -> None:
    error = _refused(inv.IpcaSeries, last_verified_on=NOON)
    assert error.code == "not_a_date"
    assert ".date()" in str(error)


def test_personal_data_not_echoed() -> None:
    cpf = "529.982.247-25"
    for cls in CLASSES:
        for field in attrs.fields(cls):
            if field.init and field.name in VALID[cls] and isinstance(VALID[cls][field.name], date):
                error = _refused(cls, **{field.name: cpf})
                assert cpf not in str(error)
                assert cpf not in error.message_in("pt_BR")


@settings(max_examples=60)
@given(data=st.data())
def test_garbage_in_any_field_is_the_librarys_error(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(CLASSES))
    names = [f.name for f in attrs.fields(cls) if f.init and f.name in VALID[cls]]
    name = data.draw(st.sampled_from(names))
    bad = data.draw(
        st.one_of(
            st.none(),
            st.floats(allow_nan=True),
            st.text(max_size=5),
            st.binary(max_size=3),
            st.lists(st.integers(), max_size=2),
            st.datetimes(),
        )
    )
    with contextlib.suppress(InvalidInputError):  # anything else fails the test
        cls(**{**VALID[cls], name: bad})


@pytest.mark.parametrize(
    "variations",
    [{NOON: D("0.3")}, {date(2026, 1, 1): 0.3}, {date(2026, 1, 1): "n/a"}, {"x": D(1)}],
    ids=["datetime-month", "float", "text", "text-month"],
)
def test_ipca_months_and_variations_read_by_the_kit(variations: dict[object, object]) -> None:
    _refused(inv.IpcaSeries, variations=variations)
