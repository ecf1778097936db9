"""The fast number, money and date formatting of ``aneel_rules._format`` against babel's."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_currency as babel_currency
from babel.numbers import format_decimal as babel_decimal

from aneel_rules._format import format_currency, format_date, format_decimal

_LOCALES = (("pt_BR", "pt_BR"), ("en", "en_US"))


def _samples() -> list[Decimal | int]:
    rng = random.Random(20261202)  # noqa: S311 (test data)
    values: list[Decimal | int] = [
        0,
        7,
        -7,
        999,
        1000,
        1234567,
        10**20,
        -(10**24),
        10**30,
        Decimal(0),
        Decimal("-0"),
        Decimal("0.000"),
        Decimal("-0.001"),
        Decimal("0.005"),
        Decimal("0.015"),
        Decimal("0.025"),
        Decimal("-0.025"),
        Decimal("1E+5"),
        Decimal("1E-7"),
        Decimal("1E-30"),
        Decimal("1234.5"),
        Decimal("1234.56"),
        Decimal("-1234.5"),
        Decimal("999999.995"),
        Decimal("123456789.123456"),
        Decimal("1.10"),
        Decimal("100.00"),
        Decimal("12345678901234567890123.45"),
        Decimal("1234567890123456789012345.6"),
        Decimal("123456789012345678901234567890.123"),
        Decimal("0.1234567890123456789012345678901"),
        Decimal("NaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
    ]
    values += [  # the exact amounts of a bill (34 digits: babel rounds them to 28 first)
        Decimal("440.4501066563149584884147982585561"),
        Decimal("33136.39690850489445912718634396976"),
        Decimal("-5964.551443530881002642893541914565"),
        Decimal("0.004999999999999999999999999999999"),
        Decimal("0.005000000000000000000000000000001"),
        Decimal("12345678901234567890123456.5"),
    ]
    for _ in range(3000):
        digits = rng.randint(1, 36)
        coefficient = rng.randrange(10**digits)
        exponent = rng.randint(-12, 6)
        sign = rng.choice((1, -1))
        values.append(Decimal(sign * coefficient).scaleb(exponent))
        values.append(sign * rng.randrange(10 ** rng.randint(1, 30)))
    return values


_SAMPLES = _samples()


def _outcome(function: Callable[..., str], *args: object, **kwargs: object) -> object:
    """What a call gives: its text, or the type of its error (babel refuses some numbers)."""
    try:
        return function(*args, **kwargs).replace("\xa0", " ")
    except Exception as exc:  # noqa: BLE001 (compared, not hidden)
        return type(exc)


@pytest.mark.parametrize(("lang", "locale"), _LOCALES)
def test_format_decimal_writes_what_babel_writes(lang: str, locale: str) -> None:
    for value in _SAMPLES:
        expected = _outcome(babel_decimal, value, locale=locale, decimal_quantization=False)
        assert _outcome(format_decimal, value, lang) == expected, value


@pytest.mark.parametrize(("lang", "locale"), _LOCALES)
def test_format_currency_writes_what_babel_writes(lang: str, locale: str) -> None:
    for value in _SAMPLES:
        expected = _outcome(babel_currency, value, "BRL", locale=locale)
        assert _outcome(format_currency, value, lang) == expected, value


def test_the_examples_of_the_patterns() -> None:
    assert format_decimal(Decimal("1234.5"), "pt_BR") == "1.234,5"
    assert format_decimal(Decimal("1234.5"), "en") == "1,234.5"
    assert format_currency(Decimal("-1234.5"), "pt_BR") == "-R$ 1.234,50"
    assert format_currency(Decimal("1234.56"), "en") == "R$1,234.56"


def _days() -> list[date]:
    first = date(2019, 1, 1)
    days = [first + timedelta(days=n) for n in range(366 * 12)]  # every day of 12 years
    days += [
        date(year, month, day)
        for year in (1, 9, 10, 99, 100, 999, 1000, 9999)
        for month, day in ((1, 1), (2, 28), (7, 4), (12, 31))
    ]
    return days


@pytest.mark.parametrize(
    ("lang", "locale", "style"),
    [
        ("pt_BR", "pt_BR", "short"),
        ("en", "en_US", "medium"),
        ("pt_BR", "pt_BR", "medium"),
        ("en", "en_US", "short"),
        ("pt_BR", "pt_BR", "EEEE"),
    ],
)
def test_format_date_writes_what_babel_writes(lang: str, locale: str, style: str) -> None:
    for day in _days()[:: 1 if style in {"short", "medium"} else 97]:
        assert format_date(day, lang, style=style) == babel_date(day, format=style, locale=locale)


def test_a_datetime_is_formatted_by_babel_as_its_date() -> None:
    at = datetime(2026, 3, 9, 20, 30)  # noqa: DTZ001 (a wall time)
    assert format_date(at, "pt_BR", style="short") == "09/03/2026"
    assert format_date(at, "en", style="medium") == "Mar 9, 2026"
