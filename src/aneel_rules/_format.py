"""Locale-aware presentation of dates, numbers and money (babel, imported lazily).

Numbers and reais in ``pt_BR`` and ``en_US`` are written here with the patterns babel reads
from CLDR for those two locales (``#,##0.###`` and ``¤ #,##0.00`` / ``¤#,##0.00``, grouping by
three; ``.``/``,`` in ``pt_BR``, ``,``/``.`` in ``en_US``), without loading babel and its locale
data (global, root and language pickles: about half of ``import aneel_rules``), so that a
command that only prints numbers starts fast. The steps are babel's, in the same decimal
context (the default one rounds to 28 digits, as babel's output does); what they do not
cover (a non-finite value, more digits than the context quantizes) is left to babel itself.
The two date styles the command line prints (``dd/MM/y``, ``short`` in ``pt_BR``; ``MMM d, y``,
``medium`` in ``en_US``) are written here too; other styles, datetimes and times are babel's.
``tests/test_format.py`` checks the two against each other.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Final

from aneel_rules.i18n import normalize_lang

__all__ = ("format_currency", "format_date", "format_datetime", "format_decimal", "format_time")

_SYMBOLS: Final = {"pt_BR": (".", ","), "en_US": (",", ".")}
"""Group and decimal symbols of each locale (CLDR ``latn`` numbers)."""
_REAIS: Final = {"pt_BR": "R$ ", "en_US": "R$"}
"""The currency prefix of BRL (CLDR: ``R$`` and a no-break space, shown as a space, in pt_BR)."""
_MIN_FRACTION: Final = 3
"""The fraction digits of the ``#,##0.###`` pattern (babel keeps more when there are more)."""
_MONTHS_EN: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
"""CLDR's abbreviated month names of ``en`` (format context), for ``MMM``."""
_CENTS: Final = 2
_ONE: Final = Decimal(1)


def _locale(lang: str) -> str:
    return "pt_BR" if normalize_lang(lang) == "pt_BR" else "en_US"


def format_date(value: date, lang: str, *, style: str = "medium") -> str:
    """``09/03/2026``-style (pt_BR, ``short``) or ``9 de mar. de 2026`` (``medium``)."""
    locale = _locale(lang)
    if type(value) is date:
        # the two styles the command line prints (see the module), as CLDR writes them
        if locale == "pt_BR" and style == "short":  # dd/MM/y
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        if locale == "en_US" and style == "medium":  # MMM d, y
            return f"{_MONTHS_EN[value.month - 1]} {value.day}, {value.year}"
    from babel.dates import format_date as _fmt  # noqa: PLC0415 (babel is heavy)

    return str(_fmt(value, format=style, locale=locale))


def format_datetime(value: datetime, lang: str, *, style: str = "medium") -> str:
    """Date and time in the language's style (the datetime's own wall time is shown)."""
    from babel.dates import format_datetime as _fmt  # noqa: PLC0415

    return str(_fmt(value, format=style, locale=_locale(lang), tzinfo=value.tzinfo))


def format_time(value: time, lang: str) -> str:
    """Hour and minute (``20:30`` / ``8:30 PM``)."""
    from babel.dates import format_time as _fmt  # noqa: PLC0415

    return str(_fmt(value, format="short", locale=_locale(lang)))


def _grouped(integer: str, group: str) -> str:
    head = len(integer) % 3 or 3
    parts = [integer[:head]]
    parts.extend(integer[i : i + 3] for i in range(head, len(integer), 3))
    return group.join(parts)


def _fast(value: object, locale: str, *, cents: bool) -> str | None:
    """``value`` as babel writes it in ``locale``, or ``None`` when babel must (see module).

    Babel's steps, in the same (current) decimal context: the sign from ``is_signed()``, the
    absolute value normalised (rounded to the context's 28 digits by default), quantized to
    cents or to at least three places (as many as it has: not rounded again), the integer
    grouped by three, and the fraction's trailing zeros dropped (down to the two of cents).
    """
    if type(value) is int:
        number = Decimal(value)
    elif type(value) is Decimal and value.is_finite():
        number = value
    else:
        return None
    negative = number.is_signed()
    magnitude = abs(number).normalize()
    exponent = magnitude.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 (finite)
    places = _CENTS if cents else max(_MIN_FRACTION, -exponent)
    try:
        magnitude = magnitude.quantize(_ONE.scaleb(-places))
    except InvalidOperation:
        return None  # more digits than the context holds: babel raises its own error
    integer, _dot, fraction = f"{magnitude:f}".partition(".")
    group, decimal = _SYMBOLS[locale]
    text = _grouped(integer, group)
    if cents:
        text = f"{_REAIS[locale]}{text}{decimal}{fraction}"
    elif fraction.rstrip("0"):
        text = f"{text}{decimal}{fraction.rstrip('0')}"
    return f"-{text}" if negative else text


def format_decimal(value: Decimal | int, lang: str) -> str:
    """Number with the language's separators (``1.234,5`` in pt_BR)."""
    locale = _locale(lang)
    fast = _fast(value, locale, cents=False)
    if fast is not None:
        return fast
    from babel.numbers import format_decimal as _fmt  # noqa: PLC0415

    return str(_fmt(value, locale=locale, decimal_quantization=False))


def format_currency(value: Decimal, lang: str) -> str:
    """Amount in reais (``R$ 1.234,56``); ``value`` must already be rounded for presentation."""
    locale = _locale(lang)
    fast = _fast(value, locale, cents=True)
    if fast is not None:
        return fast
    from babel.numbers import format_currency as _fmt  # noqa: PLC0415

    return str(_fmt(value, "BRL", locale=locale)).replace("\xa0", " ")
