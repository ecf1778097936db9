from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

import pytest

from aneel_rules import InvalidInputError
from aneel_rules._convert import (
    NEGATIVE,
    Shown,
    is_whole_number,
    non_negative,
    positive,
    to_bool,
    to_date,
    to_decimal,
)
from aneel_rules.documents import cnpj, phone
from aneel_rules.errors import invalid_in


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1.5"), Decimal("1.5")),
        (3, Decimal(3)),
        (" 2.30 ", Decimal("2.30")),
        ("-.5", Decimal("-0.5")),
        ("1E+3", Decimal(1000)),
        ("7.", Decimal(7)),
    ],
)
def test_to_decimal(value: object, expected: Decimal) -> None:
    assert to_decimal(value, path="x") == expected


def test_float_only_when_allowed_and_via_repr() -> None:
    assert to_decimal(13.8, path="kv", allow_float=True) == Decimal("13.8")
    with pytest.raises(InvalidInputError) as info:
        to_decimal(13.8, path="amount")
    assert info.value.codes == ("float_not_allowed",)


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "NaN",
        "Infinity",
        True,
        None,
        [1],
        float("nan"),
        # Decimal() would read these as 123, 12 and 1000: refused (fuzzing, 2026-11-23).
        "١٢٣",
        "１２",
        "1_000",
        "",
        "1.2.3",
        "1e99999999999999999999",
    ],
)
def test_to_decimal_rejects(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        to_decimal(value, path="x", allow_float=True)
    assert info.value.errors[0].path == "x"


def test_to_date() -> None:
    assert to_date("2026-03-04", path="d") == date(2026, 3, 4)
    assert to_date(date(2026, 3, 4), path="d") == date(2026, 3, 4)
    for bad in ("04/03/2026", 20260304, datetime(2026, 3, 4)):  # noqa: DTZ001
        with pytest.raises(InvalidInputError):
            to_date(bad, path="d")


@pytest.mark.parametrize("value", ["no", "yes", 1, 0, None, "True"])
def test_to_bool_refuses_truthiness(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        to_bool(value, path="underground")
    assert info.value.codes == ("not_a_bool",)
    assert info.value.errors[0].message.startswith("underground deve ser True ou False")


def test_to_bool_accepts_bools() -> None:
    assert to_bool(True, path="x") is True
    assert to_bool(False, path="x") is False


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (
            lambda: phone.validate("(92) 99999-9999", mobile_only="no"),  # type: ignore[arg-type]
            "mobile_only",
        ),
        (
            lambda: cnpj.validate("12.ABC.345/01DE-35", alphanumeric="no"),  # type: ignore[arg-type]
            "alphanumeric",
        ),
    ],
)
def test_document_flags_must_be_bools(call: Callable[[], str], path: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.errors[0].path == path


@pytest.mark.parametrize(
    "value",
    [10**100_000, -(10**100_000), 2**64, "1" * 10**6, " " * 200 + "5"],
    ids=["huge-int", "huge-negative-int", "2**64", "million-digit-text", "long-padded-text"],
)
def test_sizes_are_checked_before_conversion(value: object) -> None:
    # refused by size, before Decimal() (quadratic in the length) and without echoing the value
    with pytest.raises(InvalidInputError) as info:
        to_decimal(value, path="kwh")
    assert info.value.codes == ("out_of_range",)
    assert len(info.value.message) < 200


def test_largest_ints_still_read() -> None:
    assert to_decimal(10**15 - 1, path="kwh") == Decimal(10**15 - 1)
    assert to_decimal(" " * 50 + "12,5".replace(",", "."), path="kwh") == Decimal("12.5")


@pytest.mark.parametrize(
    ("shown", "expected"),
    [("given", "'-1.50'"), ("number", "Decimal('-1.50')"), ("text", "-1.50")],
)
def test_non_negative_shows_the_value_as_the_caller_asks(shown: Shown, expected: str) -> None:
    invalid = invalid_in("connection")
    with pytest.raises(InvalidInputError) as caught:
        non_negative("-1.50", "kwh", invalid=invalid, shown=shown)
    (field,) = caught.value.errors
    assert (field.code, field.domain) == ("negative", "connection")
    assert dict(field.params)["value"] == expected
    assert field.template == NEGATIVE


def test_non_negative_money_refuses_floats_and_keeps_zero() -> None:
    invalid = invalid_in("invoice")
    assert non_negative(0, "amount", invalid=invalid, money=True) == Decimal(0)
    assert non_negative(0.25, "kwh", invalid=invalid) == Decimal("0.25")
    with pytest.raises(InvalidInputError) as caught:
        non_negative(0.25, "amount", invalid=invalid, money=True)
    assert caught.value.code == "float_not_allowed"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, True), (1, True), (9, True), (-1, False), (10, False), (True, False), (False, False)],
)
def test_is_whole_number_bounds_and_bools(value: object, expected: bool) -> None:
    assert is_whole_number(value, 0, 9) is expected
    assert is_whole_number(value) is (type(value) is int)


@pytest.mark.parametrize("value", ["0", "-0", "-0.01", Decimal("-0.00")])
def test_positive_refuses_zero_and_below(value: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        positive(value, "kv", invalid=invalid_in("tariffs"), template="{path} > 0: {value}")
    assert caught.value.code == "not_positive"
    assert positive("0.01", "kv", invalid=invalid_in("tariffs"), template="x") == Decimal("0.01")


# --- LGPD: text a caller passes where a number, date, bool or object was expected --------------

_PERSONAL = ("Maria da Silva", "529.982.247-25", "maria@example.com.br", "(92) 99123-4567")


@pytest.mark.parametrize("text", _PERSONAL)
def test_kit_never_echoes_text_that_may_carry_personal_data(text: str) -> None:
    from aneel_rules._convert import instance_of, masked, to_bool, to_date, to_decimal  # noqa: PLC0415
    from aneel_rules.errors import invalid_in  # noqa: PLC0415

    calls = (
        lambda: to_decimal(text, path="kwh"),
        lambda: to_date(text, path="on"),
        lambda: to_bool(text, path="flag"),
        lambda: instance_of(
            text, int, "n", "not_int", "{path}: {value}", invalid=invalid_in("messages")
        ),
    )
    for call in calls:
        with pytest.raises(InvalidInputError) as caught:
            call()
        for message in (str(caught.value), caught.value.message_in("en"), caught.value.message):
            assert text not in message
            assert f"<text of {len(text)} characters>" in message
    assert masked(text) == f"<text of {len(text)} characters>"


def test_kit_still_quotes_numbers_and_short_words() -> None:
    from aneel_rules._convert import masked  # noqa: PLC0415

    assert [masked(v) for v in ("-1.5", "MW", "additive", 3)] == [
        "'-1.5'",
        "'MW'",
        "'additive'",
        "3",
    ]
