"""The input kit (conversão de entradas): numbers, dates, datetimes and flags, one policy.

Every public function reads its arguments through these helpers (``docs/design.md``, "Input"):

- money: ``Decimal``, ``int`` or numeric text (:func:`to_money`); floats are refused;
- physical quantities (kWh, kW, kV, kvarh, kVA): also ``float`` and numpy floating/integer
  scalars, read through their shortest ``repr`` (:func:`to_quantity`); NaN and infinities refused;
- numpy integers and bools count as Python ``int``/``bool``, ``pandas.Timestamp`` and numpy
  ``datetime64`` as the ``datetime`` they hold (:func:`to_datetime`); where a plain ``date`` is
  meant a datetime or Timestamp is refused with a message that says how to pass it
  (``.date()``); where a datetime is meant a date or text is refused.

numpy and pandas are never imported here: their scalars are recognised by their type's module
and unwrapped with ``.item()``, so ``import aneel_rules`` stays free of the extras.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final, Literal, NoReturn, TypeGuard, TypeVar

from aneel_rules.errors import InvalidInputError

if TYPE_CHECKING:
    from aneel_rules._citations import Basis
    from aneel_rules.errors import InvalidFactory

T = TypeVar("T")

__all__ = (
    "MAX_MAGNITUDE",
    "NEGATIVE",
    "Shown",
    "instance_of",
    "is_whole_number",
    "masked",
    "whole_number",
    "non_negative",
    "positive",
    "plain_date",
    "plain_scalar",
    "quoted",
    "to_bool",
    "to_date",
    "to_datetime",
    "to_decimal",
    "to_money",
    "to_quantity",
)

# Plain ASCII decimal notation. Decimal() alone also reads "١٢" (Arabic-Indic digits), "１２"
# (full-width) and "1_000", which no form or file of the sector writes: refused, not guessed.
# Library limit, not a regulatory number: magnitudes from 1E+15 on are refused. No energy,
# demand, voltage or amount of a consumer unit comes near it (R$ 1E+15 is ten times Brazil's
# GDP), and it keeps the billing arithmetic (34 significant digits, two decimals) exact and far
# from decimal's overflow — Decimal("1E+999999999999999999") is finite but breaks it.
MAX_MAGNITUDE: Final = Decimal("1E+15")
_NUMBER: Final = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")


def plain_scalar(value: object) -> object:
    """A numpy scalar as the Python value it holds (``np.int64(3)`` → ``3``); others unchanged."""
    if type(value).__module__.split(".", 1)[0] == "numpy" and getattr(value, "ndim", None) == 0:
        item = getattr(value, "item", None)
        if callable(item):
            try:
                return item()
            except (TypeError, ValueError):  # a datetime64 NaT or an odd dtype: refused later
                return value
    return value


def to_quantity(value: object, *, path: str) -> Decimal:
    """A physical quantity (kWh, kW, kV, kvarh, kVA): :func:`to_decimal` with floats allowed."""
    return to_decimal(value, path=path, allow_float=True)


def to_money(value: object, *, path: str) -> Decimal:
    """An amount of money: :func:`to_decimal`, floats refused (binary fractions are not cents)."""
    return to_decimal(value, path=path)


def to_decimal(value: object, *, path: str, allow_float: bool = False) -> Decimal:
    """Convert ``value`` to a finite Decimal.

    Accepts ``Decimal``, ``int`` (numpy integers too) and numeric ``str`` (ASCII digits,
    optional sign, point and exponent; surrounding blanks ignored). A ``float`` (numpy floating
    scalars too) is accepted only with ``allow_float`` (physical quantities such as kV), through
    its shortest ``repr`` so that ``13.8`` becomes ``Decimal("13.8")``; money never takes floats.

    Raises:
        InvalidInputError: anything else, NaN or infinity (``not_a_number``); a magnitude of
            :data:`MAX_MAGNITUDE` or more (``out_of_range``).
    """
    value = plain_scalar(value)
    result: Decimal | None = None
    # Sizes first: Decimal() of a huge int or numeric text costs time quadratic in its length.
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _MAX_BITS:
        _out_of_range(path, f"<int of {value.bit_length()} bits>")
    if isinstance(value, str) and len(value) > _MAX_NUMBER_TEXT:
        _out_of_range(path, f"<text of {len(value)} characters>")
    if isinstance(value, bool):
        result = None
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not allow_float:
            raise InvalidInputError.single(
                path,
                "float_not_allowed",
                "{path} must be a Decimal, int or str, not float ({value})",
                path=path,
                value=quoted(value),
            )
        result = Decimal(float.__repr__(value))  # a float subclass may print otherwise
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:  # an exponent beyond what decimal can hold
            result = None
    if result is None or not result.is_finite():
        raise InvalidInputError.single(
            path,
            "not_a_number",
            "{path} must be a finite number, got {value}",
            path=path,
            value=_shown_number(value),
        )
    if result.copy_abs() >= MAX_MAGNITUDE:  # copy_abs: no context, so no Overflow
        _out_of_range(path, f"{result:.6E}")
    return result


def _shown_number(value: object) -> str:
    """A refused number as a message shows it: any text by its length only, else ``repr``.

    LGPD: a name or CPF typed where a number was expected is never echoed.
    """
    if isinstance(value, str) and not _NUMBER.fullmatch(value.strip()):
        return f"<text of {len(value)} characters>"
    return quoted(value)


_SAFE_TEXT: Final = re.compile(r"[A-Za-z_.:/()\[\]-]{0,40}")


def masked(value: object) -> str:
    """:func:`quoted`, but text that may carry personal data (LGPD) by its length only.

    Text with a digit, a blank, an ``@`` or a character outside ASCII, or longer than 40
    characters — a name, CPF, phone or e-mail passed where a number, code or object was
    expected — is never echoed. Numeric text and short ASCII words are quoted as given.

    Examples:
        >>> masked("MW"), masked("-1.5"), masked("Maria da Silva"), masked("529.982.247-25")
        ("'MW'", "'-1.5'", '<text of 14 characters>', '<text of 14 characters>')
    """
    if (
        isinstance(value, str)
        and not _NUMBER.fullmatch(value.strip())
        and not _SAFE_TEXT.fullmatch(value)
    ):
        return f"<text of {len(value)} characters>"
    return quoted(value)


_MAX_BITS: Final = 64
"""Longest int read (|value| < 2**64, well above :data:`MAX_MAGNITUDE`); longer: out of range."""

_MAX_NUMBER_TEXT: Final = 100
"""Longest numeric text read (blanks included); longer: out of range, before any parsing."""


def _out_of_range(path: str, shown: str) -> NoReturn:
    raise InvalidInputError.single(
        path,
        "out_of_range",
        "{path} is out of range: {value} (the library accepts magnitudes below 1E+15)",
        path=path,
        value=shown,
    )


def quoted(value: object) -> str:
    """``repr(value)`` for an error message; never raises (``repr(10**5000)`` does)."""
    try:
        return repr(value)
    except ValueError:  # an int longer than sys.get_int_max_str_digits(), or a container of one
        return f"<{type(value).__name__} too large to print>"


def to_date(value: object, *, path: str, text: bool = True) -> date:
    """Convert a ``date`` (or, with ``text``, an ISO ``YYYY-MM-DD`` string) to ``date``.

    A ``datetime`` (or ``pandas.Timestamp``, numpy ``datetime64``) is refused: it is a date
    subclass that cannot be compared with a date, and which day it means depends on its time
    zone; the message says to pass ``value.date()``.
    """
    value = plain_scalar(value)
    if isinstance(value, datetime):
        raise InvalidInputError.single(
            path,
            "not_a_date",
            "{path} must be a date, not a datetime ({value}): pass its .date()",
            path=path,
            value=quoted(value),
        )
    if isinstance(value, date):
        return value
    if text and isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidInputError.single(
        path,
        "not_a_date",
        "{path} must be a date (YYYY-MM-DD), got {value}",
        path=path,
        value=masked(value),
    )


def plain_date(value: object, *, path: str) -> date:
    """``value`` if it is a plain ``date`` (no text, no datetime): :func:`to_date` without text."""
    return to_date(value, path=path, text=False)


_DATETIME_TEMPLATES: Final = {
    "date": "{path} must be a datetime, not a date: pass datetime.combine(day, time) with its time",
    "text": "{path} must be a datetime, not text: parse it first (datetime.fromisoformat)",
    "missing": "{path} must be a datetime, got a missing value (NaT)",
    "other": "{path} must be a datetime, got {type}",
    "naive": "{path} must be a timezone-aware datetime (with tzinfo)",
}
_DATE_UNITS: Final = frozenset({"Y", "M", "W", "D"})
"""numpy ``datetime64`` units of a day or longer: a date, not a datetime."""


def to_datetime(
    value: object,
    *,
    path: str,
    aware: bool = False,
    code: str = "not_a_datetime",
    naive_code: str = "naive_datetime",
    basis: Basis | None = None,
) -> datetime:
    """A ``datetime``, from a ``datetime``, ``pandas.Timestamp`` or numpy ``datetime64`` scalar.

    A subclass of ``datetime`` (``pandas.Timestamp``) comes back as the plain ``datetime`` it
    holds (its ``to_pydatetime()``, found by duck typing: pandas is never imported); numpy
    ``datetime64`` of a unit below a day as its naive ``datetime``. A plain ``date`` (or a
    day-unit ``datetime64``), text, ``NaT`` and anything else are refused, and so is a value
    with nanoseconds, which a ``datetime`` cannot hold (it is never truncated). With ``aware``
    a naive datetime is refused too. Messages name the type, never the value (an instant may
    be personal data: when someone tried to log in).

    Args:
        value: The value given.
        path: Field name for the error.
        aware: Require a time zone (``utcoffset()`` not ``None``).
        code: Error code of a value that is not a datetime (callers keep their own).
        naive_code: Error code of a naive datetime where ``aware``.
        basis: Rule cited by the error, if any.

    Raises:
        InvalidInputError: ``code``, ``naive_code`` or ``sub_microsecond_datetime``.

    Examples:
        >>> to_datetime(datetime(2026, 3, 9, 20, 30), path="at")
        datetime.datetime(2026, 3, 9, 20, 30)
        >>> to_datetime(date(2026, 3, 9), path="at")
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: at: at must be a datetime, not a date: pass \
datetime.combine(day, time) with its time
    """
    kind = "other"
    if type(value) is datetime:
        result: datetime | None = value
    elif isinstance(value, datetime):
        result, kind = _subclass_datetime(value, path, basis)
    elif _is_numpy_datetime(value):
        result, kind = _numpy_datetime(value, path, basis)
    else:
        result = None
        kind = "date" if isinstance(value, date) else "text" if isinstance(value, str) else kind
    if result is None:
        raise InvalidInputError.single(
            path,
            code,
            _DATETIME_TEMPLATES[kind],
            basis=basis,
            path=path,
            type=type(value).__name__,
        )
    if aware and result.utcoffset() is None:
        raise InvalidInputError.single(
            path, naive_code, _DATETIME_TEMPLATES["naive"], basis=basis, path=path
        )
    return result


def _subclass_datetime(
    value: datetime, path: str, basis: Basis | None
) -> tuple[datetime | None, str]:
    """A datetime subclass (``pandas.Timestamp``, ``NaT``) as a plain datetime, or why not."""
    if value != value:  # noqa: PLR0124 (NaT is the only datetime unequal to itself)
        return None, "missing"
    if getattr(value, "nanosecond", 0):
        _sub_microsecond(path, type(value).__name__, basis)
    convert = getattr(value, "to_pydatetime", None)
    result = convert() if callable(convert) else None
    if type(result) is not datetime:  # another subclass: rebuilt from its fields
        result = datetime.combine(value.date(), value.timetz())  # timetz() keeps the fold
    return result, "other"


def _is_numpy_datetime(value: object) -> bool:
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    return type(value).__module__.split(".", 1)[0] == "numpy" and kind == "M"


def _numpy_datetime(value: object, path: str, basis: Basis | None) -> tuple[datetime | None, str]:
    """A numpy ``datetime64`` scalar as a naive datetime, or why not (duck-typed, no import)."""
    unit = str(getattr(value, "dtype", "")).partition("[")[2].rstrip("]").partition(",")[0]
    if value != value:  # noqa: PLR0124 (NaT)
        return None, "missing"
    if unit in _DATE_UNITS:
        return None, "date"
    micro = value.astype("datetime64[us]")  # type: ignore[attr-defined]
    if micro != value:
        _sub_microsecond(path, type(value).__name__, basis)
    item = micro.item()
    return (item, "other") if type(item) is datetime else (None, "other")


def _sub_microsecond(path: str, type_name: str, basis: Basis | None) -> NoReturn:
    raise InvalidInputError.single(
        path,
        "sub_microsecond_datetime",
        "{path} has nanoseconds ({type}), which a datetime cannot hold: round it to microseconds",
        basis=basis,
        path=path,
        type=type_name,
    )


def instance_of(
    value: object, kind: type[T], path: str, code: str, template: str, /, *, invalid: InvalidFactory
) -> T:
    """``value`` if it is a ``kind``, else the domain's error ``template`` on ``path``.

    The one "must be a <Class>" check: ``invalid`` is the calling domain's bound builder
    (``errors.invalid_in``), so the message comes from that domain's catalogue; the template
    receives ``path`` and the value as :func:`masked` shows it (text that may carry personal
    data by its length only).

    Examples:
        >>> from aneel_rules.errors import invalid_in
        >>> instance_of(3, int, "n", "not_int", "{path}: {value}", invalid=invalid_in("messages"))
        3
        >>> instance_of("3", int, "n", "not_int", "{path}: {value}", invalid=invalid_in("messages"))
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: n: n: '3'
    """
    if isinstance(value, kind):
        return value
    raise invalid(path, code, template, path=path, value=masked(value))


NEGATIVE: Final = "{path} must not be negative, got {value}"
"""The catalogue msgid of a negative quantity or amount (code ``negative``), in every domain."""

Shown = Literal["given", "number", "text"]
"""How a refused value appears in the message: the value given (``repr``), the number read
(``repr`` of its Decimal) or the number read as text (``str``)."""


def non_negative(
    value: object,
    path: str,
    /,
    *,
    invalid: InvalidFactory,
    money: bool = False,
    shown: Shown = "given",
    code: str = "negative",
    template: str = NEGATIVE,
) -> Decimal:
    """A number not below zero: :func:`to_quantity` (or, with ``money``, :func:`to_money`).

    The one "must not be negative" check: ``invalid`` is the calling domain's bound builder
    (``errors.invalid_in``), so the message comes from that domain's catalogue; the template
    receives ``path`` and the value as ``shown`` says (each caller keeps the form it had).

    Raises:
        InvalidInputError: what :func:`to_decimal` raises; ``code`` for a negative number.

    Examples:
        >>> from aneel_rules.errors import invalid_in
        >>> non_negative(0.5, "kwh", invalid=invalid_in("messages"))
        Decimal('0.5')
        >>> non_negative("-1", "kwh", invalid=invalid_in("messages"))
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: kwh: kwh must not be negative, got '-1'
    """
    return _signed(
        value,
        path,
        strict=False,
        invalid=invalid,
        money=money,
        shown=shown,
        code=code,
        template=template,
    )


def positive(
    value: object,
    path: str,
    /,
    *,
    invalid: InvalidFactory,
    template: str,
    money: bool = False,
    shown: Shown = "given",
    code: str = "not_positive",
) -> Decimal:
    """A number greater than zero: :func:`non_negative` with zero refused too (``code``).

    ``template`` is the domain's own msgid (the domains word it differently).

    Examples:
        >>> from aneel_rules.errors import invalid_in
        >>> positive("0", "kv", invalid=invalid_in("messages"), template="{path}: {value}")
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: kv: kv: '0'
    """
    return _signed(
        value,
        path,
        strict=True,
        invalid=invalid,
        money=money,
        shown=shown,
        code=code,
        template=template,
    )


def _signed(
    value: object,
    path: str,
    *,
    strict: bool,
    invalid: InvalidFactory,
    money: bool,
    shown: Shown,
    code: str,
    template: str,
) -> Decimal:
    number = to_money(value, path=path) if money else to_quantity(value, path=path)
    if number < 0 or (strict and number == 0):
        text = {"given": quoted(value), "number": repr(number), "text": str(number)}[shown]
        raise invalid(path, code, template, path=path, value=text)
    return number


def is_whole_number(
    value: object, minimum: int | None = None, maximum: int | None = None
) -> TypeGuard[int]:
    """Whether ``value`` is an ``int`` (a ``bool`` is not) from ``minimum`` to ``maximum``.

    The one "whole number in range" test; each caller raises its own code and message, so the
    catalogue msgids stay where they are. numpy integers are not unwrapped here: callers read
    their arguments through :func:`whole_number`, which does.

    Examples:
        >>> [is_whole_number(v, 1, 9) for v in (3, True, 0, 10, 3.0, "3")]
        [True, False, False, False, False, False]
    """
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return (minimum is None or value >= minimum) and (maximum is None or value <= maximum)


def whole_number(
    value: object, minimum: int | None = None, maximum: int | None = None
) -> int | None:
    """``value`` as a plain ``int`` if it is a whole number from ``minimum`` to ``maximum``.

    The reader of every count, year or number of days: a numpy integer counts as the ``int``
    it holds (the module's policy), a ``bool`` (numpy's too), a float or text never does.
    ``None`` when it is not one; each caller raises its own code and message.

    Examples:
        >>> [whole_number(v, 1, 9) for v in (3, True, 0, 3.0, "3")]
        [3, None, None, None, None]
    """
    plain = plain_scalar(value)
    return plain if is_whole_number(plain, minimum, maximum) else None


def to_bool(value: object, *, path: str) -> bool:
    """``value`` if it is a real ``bool``.

    Truthiness is refused on purpose: ``"no"``, ``1`` or ``None`` standing for a legal fact
    (underground network, low income…) would be a silent wrong answer.

    A numpy ``bool_`` counts as the ``bool`` it holds.

    Raises:
        InvalidInputError: code ``not_a_bool``.
    """
    value = plain_scalar(value)
    if not isinstance(value, bool):
        raise InvalidInputError.single(
            path,
            "not_a_bool",
            "{path} must be True or False, got {value}",
            path=path,
            value=masked(value),
        )
    return value
