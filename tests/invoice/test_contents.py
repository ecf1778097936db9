"""check_invoice_contents: REN 1.000 art. 327 (from 2022-01-03) and REN 414 art. 119 (before)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError, ren414, ren1000
from aneel_rules.invoice import (
    InvoiceItem,
    check_invoice_contents,
    parse_invoice,
)
from aneel_rules.legal import AmendmentKind, Norm

I = InvoiceItem  # noqa: E741

REN1000_ALWAYS = (
    I.CONSUMER_ID,
    I.UNIT_ID,
    I.QUANTITIES,
    I.CONSUMPTION_HISTORY,
    I.PAYMENT_CODE,
)
REN414_ALWAYS = (
    I.CONSUMER_NAME,
    I.TAX_ID,
    I.UNIT_CODE,
    I.CLASS,
    I.ADDRESS,
    I.METERS,
    I.READINGS,
    I.INFORMATION_NOTICE,
    I.DISTRIBUTOR_PHONES,
    I.ANEEL_PHONE,
)
BEFORE, AFTER = date(2022, 1, 2), date(2022, 1, 3)


def invoice(
    *,
    lines: list[dict[str, Any]] | None = None,
    present: tuple[InvoiceItem, ...] = (),
    **extra: Any,
) -> Any:
    return parse_invoice(
        {
            "reading": {"previous": "2021-12-01", "current": "2021-12-31"},
            "issued_on": "2021-12-31",
            "due_on": "2022-01-15",
            "total": "80.00",
            "lines": lines
            or [
                {
                    "code": "energy_te",
                    "quantity": 100,
                    "unit": "kWh",
                    "rate": "0.40",
                    "amount": "40.00",
                },
                {
                    "code": "energy_tusd",
                    "quantity": 100,
                    "unit": "kWh",
                    "rate": "0.40",
                    "amount": "40.00",
                },
            ],
            "present": [p.value for p in present],
            **extra,
        }
    )


def missing(inv: Any, on: date) -> list[InvoiceItem]:
    return [m.item for m in check_invoice_contents(inv, on=on).missing]


def test_complete_ren1000_invoice_has_nothing_missing() -> None:
    check = check_invoice_contents(invoice(present=REN1000_ALWAYS), on=AFTER)
    assert check.complete
    assert check.norm is Norm.REN_1000_2021
    assert [r.item for r in check.required] == [
        I.CONSUMER_ID,
        I.UNIT_ID,
        I.TOTAL_AND_DUE_DATE,
        I.QUANTITIES,
        I.TARIFFS,
        I.CONSUMPTION_HISTORY,
        I.PAYMENT_CODE,
    ]
    assert check.basis[0] == ren1000(327)


@pytest.mark.parametrize(
    ("item", "inciso"),
    [
        pytest.param(I.CONSUMER_ID, "I", id="REN1000-art327-I"),
        pytest.param(I.UNIT_ID, "II", id="REN1000-art327-II"),
        pytest.param(I.QUANTITIES, "IV", id="REN1000-art327-IV"),
        pytest.param(I.CONSUMPTION_HISTORY, "VIII", id="REN1000-art327-VIII"),
        pytest.param(I.PAYMENT_CODE, "X", id="REN1000-art327-X"),
    ],
)
def test_each_ren1000_item_missing_is_found(item: InvoiceItem, inciso: str) -> None:
    present = tuple(p for p in REN1000_ALWAYS if p is not item)
    check = check_invoice_contents(invoice(present=present), on=AFTER)
    assert [(m.item, m.basis) for m in check.missing] == [(item, (ren1000(327, item=inciso),))]


def test_tariffs_are_missing_when_a_line_has_no_rate() -> None:
    lines = [{"code": "energy_te", "quantity": 100, "unit": "kWh", "amount": "40.00"}]
    assert missing(invoice(lines=lines, present=REN1000_ALWAYS), on=AFTER) == [I.TARIFFS]


def test_conditional_ren1000_items() -> None:
    lines: list[dict[str, Any]] = [
        {"code": "energy_te", "quantity": 100, "unit": "kWh", "rate": "0.40", "amount": "40.00"},
        {"code": "icms", "amount": "8.00"},
        {"code": "other", "amount": "5.00", "label": "serviço"},
    ]
    # IX taxes are shown by the tax line; VII services are not printed
    inv = invoice(lines=lines, present=REN1000_ALWAYS)
    assert missing(inv, on=AFTER) == [I.PRODUCTS_AND_SERVICES]
    # VI: a flag in force but no flag line
    inv = invoice(present=REN1000_ALWAYS, situations=["bandeira tarifária"])
    assert missing(inv, on=AFTER) == [I.FLAG_AMOUNTS]
    # VIII not applicable for a new unit; XI, art. 330 and art. 209 when the situation says so
    inv = invoice(
        present=tuple(p for p in REN1000_ALWAYS if p is not I.CONSUMPTION_HISTORY),
        situations=[
            "sem histórico de consumo",
            "PIX solicitado",
            "segunda via",
            "perda do benefício tarifário",
        ],
    )
    check = check_invoice_contents(inv, on=AFTER)
    assert [(m.item, m.basis[0]) for m in check.missing] == [
        (
            I.PIX_CODE,
            ren1000(
                327, item="XI", amended_by=Norm.REN_1057_2023, amendment_kind=AmendmentKind.INSERTED
            ),
        ),
        (I.SECOND_COPY_MARK, ren1000(330)),
        (I.BENEFIT_LOSS_MESSAGE, ren1000(209)),
    ]


def test_white_tariff_per_post_paragraph_2() -> None:
    priced: list[dict[str, Any]] = [
        {
            "code": "energy_te",
            "post": p,
            "quantity": 10,
            "unit": "kWh",
            "rate": "0.80",
            "amount": "8.00",
        }
        for p in ("ponta", "intermediário", "fora de ponta")
    ]
    assert missing(invoice(lines=priced, present=REN1000_ALWAYS), on=AFTER) == []
    unposted = [{**priced[0], "post": None}, *priced[1:]]
    found = check_invoice_contents(
        invoice(lines=unposted, present=REN1000_ALWAYS), on=AFTER
    ).missing
    assert [(m.item, m.basis) for m in found] == [(I.WHITE_PER_POST, (ren1000(327, paragraph=2),))]


def test_transition_pair_same_invoice_both_regimes() -> None:
    inv = invoice(present=REN1000_ALWAYS)
    after = check_invoice_contents(inv, on=AFTER)
    before = check_invoice_contents(inv, on=BEFORE)
    assert after.norm is Norm.REN_1000_2021
    assert before.norm is Norm.REN_414_2010
    assert after.complete
    # under REN 414 the art. 119, I items are mandatory (the REN 1.000 ones do not count)
    assert [m.item for m in before.missing] == list(REN414_ALWAYS)
    assert before.missing[0].basis == (ren414(119, item="I", subitem="a"),)
    assert before.basis[0] == ren414(119)


def test_complete_ren414_invoice() -> None:
    assert missing(invoice(present=REN414_ALWAYS), on=BEFORE) == []
    # "h" needs the presentation date
    inv = parse_invoice(
        {
            "reading": {"previous": "2021-12-01", "current": "2021-12-31"},
            "due_on": "2022-01-15",
            "total": "0",
            "lines": [{"code": "other", "amount": "0"}],
            "present": [p.value for p in REN414_ALWAYS],
        }
    )
    assert missing(inv, on=BEFORE) == [I.ISSUE_AND_DUE_DATES, I.QUANTITIES_AND_TARIFFS]


@pytest.mark.parametrize(
    ("extra", "item", "alinea"),
    [
        pytest.param(
            {"lines": [{"code": "irrigation_discount", "amount": "-5"}]},
            I.DISCOUNT,
            "b",
            id="REN414-art119-II-b",
        ),
        pytest.param(
            {"lines": [{"code": "demand_overrun", "quantity": 6, "rate": "60", "amount": "360"}]},
            I.OVERRUN_DATE_TIME,
            "c",
            id="REN414-art119-II-c",
        ),
        pytest.param(
            {"lines": [{"code": "municipal", "amount": "9"}]},
            I.PUBLIC_LIGHTING,
            "h",
            id="REN414-art119-II-h",
        ),
        pytest.param(
            {"situations": ["acréscimos moratórios"]}, I.LATE_CHARGES, "a", id="REN414-art119-II-a"
        ),
        pytest.param(
            {"situations": ["faturas vencidas"]}, I.UNPAID_INVOICES, "d", id="REN414-art119-II-d"
        ),
        pytest.param(
            {"situations": ["faturamento sem leitura"]},
            I.NON_READING_BILLING,
            "e",
            id="REN414-art119-II-e",
        ),
        pytest.param(
            {"situations": ["primeira fatura após reajuste tarifário"]},
            I.TARIFF_ADJUSTMENT,
            "f",
            id="REN414-art119-II-f",
        ),
        pytest.param(
            {"situations": ["declaração anual de quitação"]},
            I.ANNUAL_DEBT_DECLARATION,
            "g",
            id="REN414-art119-II-g",
        ),
        pytest.param(
            {"situations": ["parcelamento"]}, I.INSTALLMENTS, "i", id="REN414-art119-II-i"
        ),
    ],
)
def test_ren414_items_when_pertinent(extra: dict[str, Any], item: InvoiceItem, alinea: str) -> None:
    lines = extra.pop("lines", None)
    if lines is not None:
        lines = [
            *lines,
            {"code": "energy_te", "quantity": 1, "unit": "kWh", "rate": "1", "amount": "1"},
        ]
    inv = invoice(lines=lines, present=REN414_ALWAYS, **extra)
    check = check_invoice_contents(inv, on=BEFORE)
    assert [(m.item, m.basis) for m in check.missing] == [
        (item, (ren414(119, item="II", subitem=alinea),))
    ]
    # the same facts ask nothing more under REN 1.000 (art. 327 has no such item)
    assert item not in missing(inv, on=AFTER)


def test_ren414_group_b_component_values_and_state_agency() -> None:
    inv = invoice(present=REN414_ALWAYS, group="B", situations=["agência estadual conveniada"])
    assert missing(inv, on=BEFORE) == [I.COMPONENT_VALUES, I.STATE_AGENCY_PHONE]
    assert missing(invoice(present=REN414_ALWAYS, group="A"), on=BEFORE) == []


def test_low_income_invoice_both_sides_of_the_transition() -> None:
    inv = invoice(present=REN1000_ALWAYS + REN414_ALWAYS, low_income=True)
    before = check_invoice_contents(inv, on=BEFORE)
    assert [(m.item, m.basis) for m in before.missing] == [
        (I.LOW_INCOME_BLOCK_TARIFFS, (ren414(119, paragraph=5, item="I"),)),
        (I.TSEE_MENTION, (ren414(119, paragraph=5, item="II"),)),
    ]
    # REN 1.000/2021, art. 327 has no TSEE item (PRODIST Módulo 11 not read): nothing missing
    assert check_invoice_contents(inv, on=AFTER).complete
    shown = invoice(
        present=(*REN414_ALWAYS, I.LOW_INCOME_BLOCK_TARIFFS, I.TSEE_MENTION), low_income=True
    )
    assert check_invoice_contents(shown, on=BEFORE).complete


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInputError) as info:
        check_invoice_contents("invoice", on=AFTER)  # type: ignore[arg-type]
    assert info.value.codes == ("not_an_invoice",)
    with pytest.raises(InvalidInputError):
        check_invoice_contents(invoice(), on="2022-01-03")  # type: ignore[arg-type]
    with pytest.raises(NotInForceError):
        check_invoice_contents(invoice(), on=date(2010, 1, 1))


def test_flag_line_shows_the_flag_amounts() -> None:
    lines: list[dict[str, Any]] = [
        {"code": "energy_te", "quantity": 100, "unit": "kWh", "rate": "0.40", "amount": "40.00"},
        {"code": "flag", "quantity": 100, "unit": "kWh", "rate": "0.02", "amount": "2.00"},
    ]
    check = check_invoice_contents(invoice(lines=lines, present=REN1000_ALWAYS), on=AFTER)
    assert check.complete
    assert I.FLAG_AMOUNTS in [r.item for r in check.required]


def test_discount_items_before_ren418_refused() -> None:
    # REN 418/2010 (23 Nov 2010) rewrote art. 119, II, "b"; only the later wording is quoted
    discount = invoice(present=REN414_ALWAYS, situations=["desconto tarifário"])
    assert I.DISCOUNT in missing(discount, on=date(2010, 11, 23))
    with pytest.raises(UnsupportedCaseError) as info:
        check_invoice_contents(discount, on=date(2010, 11, 22))
    assert info.value.code == "unverified_ren414"
    assert info.value.basis == (ren414(119, item="II", subitem="b"),)
    # without a discount the alínea decides nothing: answered on every date
    assert missing(invoice(present=REN414_ALWAYS), on=date(2010, 11, 22)) == []
