"""Field machinery of the portal parsers (private): specs, a collector, and the JSON Schema.

One declarative tree of field specs (:class:`Obj`, :class:`Text`, :class:`Choice`…) per
request flow drives both the parser (``spec.convert``) and the JSON Schema export
(``spec.schema``), so that the two cannot drift apart. Conversion never raises: every
problem is appended to the :class:`Collector` as a :class:`~aneel_rules.errors.FieldError`
with a dotted path and a stable code, and the flow raises one
:class:`~aneel_rules.errors.InvalidInputError` at the end.

Examples:
    >>> from datetime import date, datetime
    >>> spec = Obj(fields=(Field("name", Text(min_length=2)), Field("age", Integer(minimum=0))))
    >>> collector = Collector(today=date(2026, 3, 9))
    >>> spec.convert({"name": "A", "age": "x", "extra": 1}, "", collector)["name"] is INVALID
    True
    >>> [(e.path, e.code) for e in collector.errors]
    [('name', 'too_short'), ('age', 'not_a_number'), ('extra', 'unknown_field')]
"""

from __future__ import annotations

import abc
import base64
import binascii
import enum
import importlib
import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Final

import attrs

from aneel_rules._convert import MAX_MAGNITUDE, quoted, to_decimal
from aneel_rules._portal.attachments import MAX_ATTACHMENT_BYTES, Attachment
from aneel_rules._portal.messages import field_error, type_name
from aneel_rules.errors import FieldError, InvalidInputError
from aneel_rules.legal import Basis

__all__ = (
    "INVALID",
    "MAX_BASE64_LENGTH",
    "MAX_PROBLEMS",
    "AttachmentSpec",
    "Boolean",
    "Choice",
    "Collector",
    "DateSpec",
    "Document",
    "Field",
    "Integer",
    "ListOf",
    "Number",
    "NumberOrList",
    "Obj",
    "Spec",
    "Text",
    "caseless_pattern",
    "document_kind",
    "echo",
    "join",
)


class _Invalid(enum.Enum):
    INVALID = "INVALID"

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid.INVALID
"""Sentinel for a value that failed conversion (its error is already collected)."""

_MAX_ECHO: Final = 40
_BLANK: Final = "[ \\t\\n\\r]*"
"""JSON Schema and parser alike: surrounding blanks allowed in number and choice texts."""
_BLANKS: Final = " \t\n\r"
_BLANK_TEXT_SCHEMA: Final = {"type": "string", "pattern": "^\\s*$"}
"""A blank text, which the parser reads as an absent optional field (``str.strip``)."""


_HUGE_INT_BITS: Final = 256


def echo(value: object) -> str:
    """A short ``repr`` of a user value for a message (long values are cut).

    An int of more than 256 bits is shown by its order of magnitude (``~1E+3010``): its
    exact digits would cost more than the check (and ``str()`` refuses 4300 digits).

    Examples:
        >>> echo(-(10**5000)), echo("x" * 41)
        ('-~1E+5000', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'")
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) and not isinstance(value, bool):
        bits = value.bit_length()
        if bits > _HUGE_INT_BITS:
            sign = "-" if value < 0 else ""
            return f"{sign}~1E+{round((bits - 0.5) * math.log10(2))}"
        text = str(Decimal(value))
    else:
        text = str(value)
    if len(text) > _MAX_ECHO:
        text = text[:_MAX_ECHO] + "…"
    return repr(text) if isinstance(value, str) else text


def join(path: str, key: str | int) -> str:
    """Dotted path of a child (``join("load", "kva") == "load.kva"``)."""
    return f"{path}.{key}" if path else str(key)


MAX_PROBLEMS: Final = 100
"""Problems listed in one error at most; the rest are counted (``too_many_problems``)."""


@attrs.define
class Collector:
    """Accumulates the problems of one request (mutable helper local to one parse call).

    Only the first :data:`MAX_PROBLEMS` are kept; the others are counted, so that a request
    with a million bad items costs a million cheap checks, not a million messages.
    """

    today: date
    errors: list[FieldError] = attrs.field(factory=list)
    dropped: int = 0

    def add(self, path: str, code: str, *, basis: Basis | None = None, **params: object) -> None:
        """Record one problem."""
        if len(self.errors) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        self.errors.append(field_error(path, code, basis=basis, **params))

    def adopt(self, error: InvalidInputError, path: str, *, keep_path: bool = False) -> None:
        """Record another module's errors under ``path`` (their code, template and domain kept)."""
        for item in error.errors:
            if len(self.errors) >= MAX_PROBLEMS:
                self.dropped += 1
                continue
            new_path = join(path, item.path) if keep_path else path
            self.errors.append(attrs.evolve(item, path=new_path))

    def raise_if_any(self) -> None:
        """Raise one InvalidInputError with every problem collected (the first 100, counted)."""
        if self.dropped:
            summary = field_error("$", "too_many_problems", count=str(self.dropped))
            raise InvalidInputError([*self.errors, summary])
        if self.errors:
            raise InvalidInputError(self.errors)


class Spec(abc.ABC):
    """A field spec: converts one JSON-like value and describes it in JSON Schema."""

    @abc.abstractmethod
    def convert(self, value: object, path: str, collector: Collector) -> object:
        """The converted value, or :data:`INVALID` after recording the problem."""

    @abc.abstractmethod
    def schema(self) -> dict[str, object]:
        """JSON Schema (draft 2020-12) of the accepted JSON values."""


@attrs.frozen
class Text(Spec):
    """Text, stripped of surrounding blanks (unless ``strip`` is off); blank counts as missing.

    ``max_length`` is a library limit against abuse (the manual states none); it counts
    the text as given, blanks included, as the JSON Schema's ``maxLength`` does.
    """

    min_length: int = 1
    max_length: int = 200
    strip: bool = True
    upper: bool = False

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if not isinstance(value, str):
            collector.add(path, "not_a_string", type=type_name(value))
            return INVALID
        # Bounded cost: the length is known at once; stripping reads the whole text.
        if len(value) > self.max_length:
            collector.add(path, "too_long", maximum=self.max_length)
            return INVALID
        text = value.strip() if self.strip else value
        if not text.strip():
            collector.add(path, "required")
            return INVALID
        if len(text) < self.min_length:
            collector.add(path, "too_short", minimum=self.min_length)
            return INVALID
        return text.upper() if self.upper else text

    def schema(self) -> dict[str, object]:
        return {"type": "string", "minLength": self.min_length, "maxLength": self.max_length}


_DOC_MAX_LENGTH: Final = 64
_EMAIL_MAX_LENGTH: Final = 254  # the e-mail validator's own limit (RFC 5321 with erratum 1690)


@attrs.frozen
class Document(Spec):
    """A document checked by ``aneel_rules.documents.<kind>.validate`` (its errors re-pathed).

    ``kind`` is ``cpf``, ``cnpj``, ``cep``, ``phone``, ``email``, ``uf``, ``rg`` or ``uc``;
    the special kind ``cpf_or_cnpj`` dispatches on the number of characters (11 → CPF).
    """

    kind: str
    description: str
    mobile_only: bool = False
    max_length: int = attrs.field(
        default=attrs.Factory(
            lambda self: _EMAIL_MAX_LENGTH if self.kind == "email" else _DOC_MAX_LENGTH,
            takes_self=True,
        )
    )
    function: str = "validate"

    def convert(self, value: object, path: str, collector: Collector) -> object:
        text = Text(max_length=self.max_length).convert(value, path, collector)
        if text is INVALID:
            return INVALID
        assert isinstance(text, str)  # noqa: S101 (Text returns str or INVALID)
        kind = document_kind(text) if self.kind == "cpf_or_cnpj" else self.kind
        if kind is None:
            collector.add(path, "invalid_document")
            return INVALID
        module = importlib.import_module(f"aneel_rules.documents.{kind}")
        try:
            validate = getattr(module, self.function)
            if kind == "phone":
                result: object = validate(text, mobile_only=self.mobile_only)
            else:
                result = validate(text)
        except InvalidInputError as exc:
            collector.adopt(exc, path)
            return INVALID
        return result

    def schema(self) -> dict[str, object]:
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": self.max_length,
            "description": self.description,
        }


def document_kind(text: str) -> str | None:
    """``"cpf"`` for 11 characters, ``"cnpj"`` for 14 (punctuation ignored), else ``None``.

    Examples:
        >>> document_kind("529.982.247-25"), document_kind("12.ABC.345/01DE-35"), document_kind("1")
        ('cpf', 'cnpj', None)
    """
    core = "".join(ch for ch in text if ch not in " ./-")
    if len(core) == 11:
        return "cpf"
    if len(core) == 14:
        return "cnpj"
    return None


_CHOICE_BLANKS: Final = 32
_REGEX_SYNTAX: Final = frozenset("^$\\.*+?()[]{}|/")


def caseless_pattern(text: str) -> str:
    """A regular expression matching ``text`` letter by letter in either case.

    Written for both Python's ``re`` and the ECMA-262 dialect of JSON Schema: no flags,
    no class shorthands (their meaning differs), only the syntax characters escaped.

    Examples:
        >>> caseless_pattern("ACR"), caseless_pattern("alta tensão")
        ('[aA][cC][rR]', '[aA][lL][tT][aA] [tT][eE][nN][sS][ãÃ][oO]')
    """
    parts = []
    for ch in text:
        lower, upper = ch.lower(), ch.upper()
        if lower != upper and len(lower) == len(upper) == 1:
            parts.append(f"[{lower}{upper}]")
        else:
            parts.append("\\" + ch if ch in _REGEX_SYNTAX else ch)
    return "".join(parts)


@attrs.frozen
class Choice(Spec):
    """One of an enum's values (official Portuguese), ignoring letter case and outer blanks.

    Parser and JSON Schema share one pattern (:func:`caseless_pattern` of each value),
    so a value accepted by one is accepted by the other; both refuse text longer than
    the longest value plus 32 blanks (read before matching). A ``sensitive`` choice (sex,
    marital status: personal data, LGPD art. 5º) is never quoted in a message.
    """

    enum_cls: type[enum.Enum]
    sensitive: bool = False

    @property
    def max_length(self) -> int:
        """The longest text read: the longest value and :data:`_CHOICE_BLANKS` blanks."""
        return max(len(str(m.value)) for m in self.enum_cls) + _CHOICE_BLANKS

    @property
    def pattern(self) -> str:
        """The JSON Schema ``pattern`` (also what the parser matches)."""
        options = "|".join(caseless_pattern(str(m.value)) for m in self.enum_cls)
        return f"^{_BLANK}(?:{options}){_BLANK}$"

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, self.enum_cls):
            return value
        if (
            isinstance(value, str)
            and len(value) <= self.max_length
            and re.fullmatch(self.pattern, value)
        ):
            wanted = value.strip(_BLANKS).lower()
            for member in self.enum_cls:  # pragma: no branch (the pattern matched one)
                if str(member.value).lower() == wanted:
                    return member
        choices = ", ".join(str(m.value) for m in self.enum_cls)
        if self.sensitive and isinstance(value, str):
            shown = "'***'"  # LGPD: what was typed for a sensitive field is never echoed
        else:
            shown = echo(value) if isinstance(value, str) else type_name(value)
        collector.add(path, "not_in_choices", choices=choices, value=shown)
        return INVALID

    def schema(self) -> dict[str, object]:
        return {
            "type": "string",
            "maxLength": self.max_length,
            "pattern": self.pattern,
            "examples": [m.value for m in self.enum_cls],
            "description": "one of the examples; letter case and surrounding blanks ignored",
        }


@attrs.frozen
class Boolean(Spec):
    """A JSON boolean (``true``/``false``); strings and numbers are refused."""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, bool):
            return value
        collector.add(path, "not_a_boolean", type=type_name(value))
        return INVALID

    def schema(self) -> dict[str, object]:
        return {"type": "boolean"}


@attrs.frozen
class DateSpec(Spec):
    """A date (``date`` or ISO ``YYYY-MM-DD``); ``not_future`` refuses dates after ``today``."""

    not_future: bool = False

    def convert(self, value: object, path: str, collector: Collector) -> object:
        # As JSON Schema's "format": "date" (RFC 3339 full-date): YYYY-MM-DD exactly, not
        # the other ISO 8601 forms date.fromisoformat also reads (20260309, 2026-W10-1).
        # Messages never quote the date typed: it may be a birth date (personal data).
        if isinstance(value, datetime) or not isinstance(value, (date, str)):
            collector.add(path, "not_a_date_value", type=type_name(value))
            return INVALID
        result = value if isinstance(value, date) else _iso_date(value)
        if result is None:
            collector.add(path, "not_iso_date")
            return INVALID
        if self.not_future and result > collector.today:
            collector.add(path, "future_date", today=collector.today.isoformat())
            return INVALID
        return result

    def schema(self) -> dict[str, object]:
        return {"type": "string", "format": "date"}


_ISO_DATE: Final = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(text: str) -> date | None:
    """The date written ``YYYY-MM-DD``, or ``None`` (other forms, impossible dates)."""
    if _ISO_DATE.fullmatch(text) is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


_NUMBER_PATTERN: Final = f"^{_BLANK}[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?{_BLANK}$"
"""Numeric text, the same for the parser and the JSON Schema (ASCII digits only)."""


def _number(value: object, path: str, collector: Collector) -> Decimal | None:
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


@attrs.frozen
class Field:
    """One named field of an :class:`Obj`."""

    name: str
    spec: Spec
    required: bool = True
    description: str = ""


@attrs.frozen
class Obj(Spec):
    """A mapping with the given fields. Unknown keys are errors (``unknown_field``).

    Refusing unknown keys catches misspelt optional fields, which would otherwise be
    silently ignored. The result is a ``dict`` with one entry per declared field: the
    converted value, ``None`` for an absent optional field, or :data:`INVALID`.
    """

    fields: tuple[Field, ...]
    title: str = ""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if not isinstance(value, Mapping):
            collector.add(path or "$", "not_an_object", type=type_name(value))
            return INVALID
        known = {f.name for f in self.fields}
        result: dict[str, object] = {}
        for spec_field in self.fields:
            child = join(path, spec_field.name)
            raw = value.get(spec_field.name)
            # A blank text counts as absent (a form's empty input).
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if spec_field.required:
                    collector.add(child, "required")
                    result[spec_field.name] = INVALID
                else:
                    result[spec_field.name] = None
                continue
            result[spec_field.name] = spec_field.spec.convert(raw, child, collector)
        # Bounded cost: unknown keys are counted from the size (not read one by one) and only
        # the first that fit in the error are named.
        extra = len(value) - sum(1 for name in known if name in value)
        room = max(0, MAX_PROBLEMS - len(collector.errors))
        named = 0
        for key in value:
            if named >= min(room, extra):
                break
            if key not in known:
                collector.add(join(path, _key_label(key)), "unknown_field")
                named += 1
        collector.dropped += extra - named
        return result

    def schema(self) -> dict[str, object]:
        properties: dict[str, object] = {}
        for spec_field in self.fields:
            sub = dict(spec_field.spec.schema())
            if not spec_field.required:
                # The parser reads null and a blank text as absent, so an optional field may
                # be either.
                sub = {"anyOf": [sub, {"type": "null"}, _BLANK_TEXT_SCHEMA]}
            if spec_field.description:
                sub["description"] = spec_field.description
            properties[spec_field.name] = sub
        result: dict[str, object] = {"type": "object"}
        if self.title:
            result["title"] = self.title
        result["properties"] = properties
        result["required"] = [f.name for f in self.fields if f.required]
        result["additionalProperties"] = False
        return result


def _key_label(key: object) -> str:
    r"""A short, printable name for an unknown key (it becomes part of an error's path).

    Non-text keys are shown by their ``repr``, text that is not printable (controls,
    lone surrogates, bidi overrides) escaped as ASCII; both cut to 40 characters.

    Examples:
        >>> _key_label("crea"), _key_label(""), _key_label(7), _key_label("a\ud800")
        ('crea', "''", '7', "'a\\ud800'")
    """
    if isinstance(key, str) and key and len(key) <= _MAX_ECHO and key.isprintable():
        return key
    if isinstance(key, str):
        label = ascii(key[:_MAX_ECHO])
        return label + ("…" if len(key) > _MAX_ECHO else "")
    label = quoted(key)
    return label if len(label) <= _MAX_ECHO else label[:_MAX_ECHO] + "…"


@attrs.frozen
class ListOf(Spec):
    """A list of items (at least ``min_items``, at most ``max_items``: a library limit)."""

    item: Spec
    min_items: int = 0
    max_items: int = 500

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
            collector.add(path, "not_a_list", type=type_name(value))
            return INVALID
        if len(value) < self.min_items:
            collector.add(path, "too_few_items", minimum=self.min_items)
            return INVALID
        if len(value) > self.max_items:
            collector.add(path, "too_many_items", maximum=self.max_items)
            return INVALID
        items = [self.item.convert(v, join(path, i), collector) for i, v in enumerate(value)]
        return INVALID if any(v is INVALID for v in items) else tuple(items)

    def schema(self) -> dict[str, object]:
        return {
            "type": "array",
            "items": self.item.schema(),
            "minItems": self.min_items,
            "maxItems": self.max_items,
        }


@attrs.frozen
class NumberOrList(Spec):
    """One number, or a non-empty list of numbers; always converted to a tuple."""

    number: Number
    max_items: int = 50

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, (list, tuple)):
            return ListOf(self.number, min_items=1, max_items=self.max_items).convert(
                value, path, collector
            )
        single = self.number.convert(value, path, collector)
        return INVALID if single is INVALID else (single,)

    def schema(self) -> dict[str, object]:
        return {
            "anyOf": [
                self.number.schema(),
                ListOf(self.number, min_items=1, max_items=self.max_items).schema(),
            ]
        }


MAX_BASE64_LENGTH: Final = 4 * -(-MAX_ATTACHMENT_BYTES // 3)
"""Longest base64 text of an attachment of at most 20 MiB: 4 × ⌈20 971 520 / 3⌉ characters.

A longer ``content_base64`` is refused (``too_long``) before it is decoded.
"""

_ATTACHMENT_JSON: Final = Obj(
    fields=(
        Field("filename", Text(max_length=255, strip=False)),
        Field("content_base64", Text(max_length=MAX_BASE64_LENGTH, strip=False)),
    )
)


@attrs.frozen
class AttachmentSpec(Spec):
    """An :class:`Attachment`, or its JSON form ``{"filename": ..., "content_base64": ...}``."""

    description: str = ""

    def convert(self, value: object, path: str, collector: Collector) -> object:
        if isinstance(value, Attachment):
            return value
        fields = _ATTACHMENT_JSON.convert(value, path, collector)
        if not isinstance(fields, dict) or INVALID in fields.values():
            return INVALID
        filename, encoded = fields["filename"], fields["content_base64"]
        assert isinstance(filename, str)  # noqa: S101
        assert isinstance(encoded, str)  # noqa: S101
        try:
            content = base64.b64decode(encoded.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            collector.add(join(path, "content_base64"), "not_base64")
            return INVALID
        try:
            return Attachment(filename=filename, content=content)
        except InvalidInputError as exc:
            collector.adopt(exc, path, keep_path=True)
            return INVALID

    def schema(self) -> dict[str, object]:
        result = _ATTACHMENT_JSON.schema()
        properties = result["properties"]
        assert isinstance(properties, dict)  # noqa: S101
        properties["content_base64"] = {
            "type": "string",
            "maxLength": MAX_BASE64_LENGTH,
            "contentEncoding": "base64",
            "contentMediaType": "application/octet-stream",
        }
        result["description"] = (
            self.description or "JPG, JPEG, PNG or PDF, at most 20 MB (20 × 1024 × 1024 bytes)"
        )
        return result
