"""Locale-aware presentation of dates, numbers and money (babel, imported lazily)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from aneel_rules.i18n import normalize_lang

__all__ = ("format_currency", "format_date", "format_datetime", "format_decimal", "format_time")


def _locale(lang: str) -> str:
    return "pt_BR" if normalize_lang(lang) == "pt_BR" else "en_US"


def format_date(value: date, lang: str, *, style: str = "medium") -> str:
    """``09/03/2026``-style (pt_BR, ``short``) or ``9 de mar. de 2026`` (``medium``)."""
    from babel.dates import format_date as _fmt  # noqa: PLC0415 (babel is heavy)

    return str(_fmt(value, format=style, locale=_locale(lang)))


def format_datetime(value: datetime, lang: str, *, style: str = "medium") -> str:
    """Date and time in the language's style (the datetime's own wall time is shown)."""
    from babel.dates import format_datetime as _fmt  # noqa: PLC0415

    return str(_fmt(value, format=style, locale=_locale(lang), tzinfo=value.tzinfo))


def format_time(value: time, lang: str) -> str:
    """Hour and minute (``20:30`` / ``8:30 PM``)."""
    from babel.dates import format_time as _fmt  # noqa: PLC0415

    return str(_fmt(value, format="short", locale=_locale(lang)))


def format_decimal(value: Decimal | int, lang: str) -> str:
    """Number with the language's separators (``1.234,5`` in pt_BR)."""
    from babel.numbers import format_decimal as _fmt  # noqa: PLC0415

    return str(_fmt(value, locale=_locale(lang), decimal_quantization=False))


def format_currency(value: Decimal, lang: str) -> str:
    """Amount in reais (``R$ 1.234,56``); ``value`` must already be rounded for presentation."""
    from babel.numbers import format_currency as _fmt  # noqa: PLC0415

    return str(_fmt(value, "BRL", locale=_locale(lang))).replace("\xa0", " ")
