"""Number specs of the portal parsers (private): :class:`Number` and :class:`Integer`.

Part of the field machinery of :mod:`aneel_rules._portal.fields`.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Final

import attrs

from aneel_rules._convert import MAX_MAGNITUDE, plain_scalar, to_decimal
from aneel_rules._portal.fields import (
    _BLANK,
    _DOC_MAX_LENGTH,
    INVALID,
    Collector,
    Spec,
    echo,
)
from aneel_rules._portal.messages import type_name
from aneel_rules.errors import InvalidInputError

__all__ = ("Integer", "Number")

_NUMBER_PATTERN: Final = f"^{_BLANK}[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?{_BLANK}$"
"""Numeric text, the same for the parser and the JSON Schema (ASCII digits only)."""


def _number(value: object, path: str, collector: Collector) -> Decimal | None:
    # A numpy scalar counts as the Python number it holds (np.int64(300) → 300), as elsewhere.
    value = plain_scalar(value)
    # A huge int (10**5000) is a valid Decimal; str of it is capped to keep messages short.
    # Text must match _NUMBER_PATTERN: Decimal() alone would also read "1_000", "١٢" or
    # "Infinity", which the JSON Schema's pattern refuses.
    if isinstance(value, str) and (
        len(value) > _DOC_MAX_LENGTH or re.fullmatch(_NUMBER_PATTERN, value) is None
    ):
        collector.add(path, "not_a_number", type="text")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        collector.add(path, "not_a_number", type=type_name(value))
        return None
    if isinstance(value, float) and not math.isfinite(value):
        collector.add(path, "not_a_number", type="number")
        return None
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        # Bounded cost: refused by its size (2**50 > 1E+15) before any conversion.
        _out_of_range(value, path, collector)
        return None
    try:
        return to_decimal(value, path=path, allow_float=True)
    except InvalidInputError as exc:
        if exc.codes == ("out_of_range",):
            _out_of_range(value, path, collector)
        else:
            collector.add(path, "not_a_number", type=type_name(value))
        return None


_MAX_INT_BITS: Final = 50
"""An int of more bits is at least 2**50 > :data:`~aneel_rules._convert.MAX_MAGNITUDE`."""


def _out_of_range(value: object, path: str, collector: Collector) -> None:
    """Beyond the library limit (_convert.MAX_MAGNITUDE): out of bounds, not "not a number"."""
    if _positive(value):
        collector.add(path, "above_maximum", maximum=f"{MAX_MAGNITUDE:.0E}", value=echo(value))
    else:
        collector.add(path, "below_minimum", minimum=f"{-MAX_MAGNITUDE:.0E}", value=echo(value))


def _positive(value: object) -> bool:
    """Sign of a number that passed to_decimal's finiteness check (text, int, float, Decimal)."""
    if isinstance(value, str):
        return not value.strip().startswith("-")
    return not isinstance(value, (int, float, Decimal)) or value > 0


@attrs.frozen
class Number(Spec):
    """A finite number (int, float, Decimal or numeric text) as ``Decimal``, within bounds.

    Floats are accepted (JSON brings them) through their shortest ``repr``: these are
    physical quantities and coordinates, never money.
    """

    minimum: Decimal | None = None
    maximum: Decimal | None = None
    positive: bool = False

    def convert(self, value: object, path: str, collector: Collector) -> object:
        number = _number(value, path, collector)
        if number is None:
            return INVALID
        if self.positive and number <= 0:
            collector.add(path, "not_positive", value=echo(number))
            return INVALID
        if self.minimum is not None and number < self.minimum:
            collector.add(path, "below_minimum", minimum=str(self.minimum), value=echo(number))
            return INVALID
        if self.maximum is not None and number > self.maximum:
            collector.add(path, "above_maximum", maximum=str(self.maximum), value=echo(number))
            return INVALID
        return number

    def schema(self) -> dict[str, object]:
        number: dict[str, object] = {"type": "number"}
        if self.positive:
            number["exclusiveMinimum"] = 0
        if self.minimum is not None:
            number["minimum"] = _json_bound(self.minimum, ROUND_FLOOR)
        if self.maximum is not None:
            number["maximum"] = _json_bound(self.maximum, ROUND_CEILING)
        return {"anyOf": [number, {"type": "string", "pattern": _NUMBER_PATTERN}]}


def _json_bound(value: Decimal, rounding: str) -> int:
    """A bound for JSON Schema as an int rounded outward (float-free; the parser is exact)."""
    return int(value.to_integral_value(rounding=rounding))


@attrs.frozen
class Integer(Spec):
    """A whole number (int, or integral text/Decimal) at least ``minimum``, at most ``maximum``."""

    minimum: int = 0
    maximum: int = 10**6

    def convert(self, value: object, path: str, collector: Collector) -> object:
        number = _number(value, path, collector)
        if number is None:
            return INVALID
        if number != number.to_integral_value():
            collector.add(path, "not_an_integer", value=echo(number))
            return INVALID
        if number < self.minimum:
            collector.add(path, "below_minimum", minimum=self.minimum, value=echo(number))
            return INVALID
        if number > self.maximum:
            collector.add(path, "above_maximum", maximum=self.maximum, value=echo(number))
            return INVALID
        return int(number)

    def schema(self) -> dict[str, object]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": self.minimum, "maximum": self.maximum},
                {"type": "string", "pattern": _NUMBER_PATTERN},
            ]
        }
