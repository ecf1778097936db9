"""Compound specs of the portal parsers (private): objects and lists.

Part of the field machinery of :mod:`aneel_rules._portal.fields`; attachments are in
:mod:`aneel_rules._portal.field_attachments` (only the portal's requests take files: the
invoice parsers import this module without them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from aneel_rules._convert import quoted
from aneel_rules._portal.field_numbers import Number
from aneel_rules._portal.fields import (
    _BLANK_TEXT_SCHEMA,
    _MAX_ECHO,
    INVALID,
    MAX_PROBLEMS,
    Collector,
    Spec,
    join,
)
from aneel_rules._portal.messages import type_name

__all__ = (
    "Field",
    "ListOf",
    "NumberOrList",
    "Obj",
)


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
