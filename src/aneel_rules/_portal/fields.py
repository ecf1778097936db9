"""Field machinery of the portal parsers (private): specs, a collector, and the JSON Schema.

One declarative tree of field specs (:class:`Obj`, :class:`Text`, :class:`Choice`…) per
request flow drives both the parser (``spec.convert``) and the JSON Schema export
(``spec.schema``), so that the two cannot drift apart. Conversion never raises: every
problem is appended to the :class:`Collector` as a :class:`~aneel_rules.errors.FieldError`
with a dotted path and a stable code, and the flow raises one
:class:`~aneel_rules.errors.InvalidInputError` at the end.

Number specs are in :mod:`aneel_rules._portal.field_numbers`, objects and lists in
:mod:`aneel_rules._portal.field_groups`, documents and attachments (only the portal's requests
have them) in :mod:`aneel_rules._portal.field_documents`.

Examples:
    >>> from datetime import date, datetime
    >>> from aneel_rules._portal.field_groups import Field, Obj
    >>> from aneel_rules._portal.field_numbers import Integer
    >>> spec = Obj(fields=(Field("name", Text(min_length=2)), Field("age", Integer(minimum=0))))
    >>> collector = Collector(today=date(2026, 3, 9))
    >>> spec.convert({"name": "A", "age": "x", "extra": 1}, "", collector)["name"] is INVALID
    True
    >>> [(e.path, e.code) for e in collector.errors]
    [('name', 'too_short'), ('age', 'not_a_number'), ('extra', 'unknown_field')]
"""

from __future__ import annotations

import abc
import enum
import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._portal.messages import field_error, type_name
from aneel_rules.errors import FieldError, InvalidInputError
from aneel_rules.legal import Basis

__all__ = (
    "INVALID",
    "MAX_PROBLEMS",
    "Boolean",
    "Choice",
    "Collector",
    "DateSpec",
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
"""Longest document or number text read (the e-mail's own limit is longer)."""


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


def _caseless_letter(got: str, wanted: str) -> bool:
    lower, upper = wanted.lower(), wanted.upper()
    if lower != upper and len(lower) == len(upper) == 1:
        return got in (lower, upper)  # the class [lower upper] of caseless_pattern
    return got == wanted  # a literal (escaped or not)


def _caseless_fullmatch(text: str, option: str) -> bool:
    """Whether ``text`` is ``option`` in :func:`caseless_pattern`'s sense, between blanks.

    What :attr:`Choice.pattern` matches for that option, without compiling it (a cold
    command line would compile one pattern per enum it reads).
    """
    size = len(option)
    lead = len(text) - len(text.lstrip(_BLANKS))
    for start in range(lead + 1):
        stop = start + size
        if (
            stop <= len(text)
            and not text[stop:].strip(_BLANKS)
            and all(map(_caseless_letter, text[start:stop], option))
        ):
            return True
    return False


@attrs.frozen
class Choice(Spec):
    """One of an enum's values (official Portuguese), ignoring letter case and outer blanks.

    Parser and JSON Schema share one pattern (:func:`caseless_pattern` of each value; the
    parser matches it letter by letter, :func:`_caseless_fullmatch`, rather than compile it),
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
            and any(_caseless_fullmatch(value, str(m.value)) for m in self.enum_cls)
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
