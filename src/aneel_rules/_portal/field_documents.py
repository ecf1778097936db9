"""Document and attachment specs of the portal parsers (private).

Part of the field machinery of :mod:`aneel_rules._portal.fields`, in a module of their own:
only the portal's requests have documents and files, and the invoice parsers, which use the
rest of the machinery, do not import the attachment rules.
"""

from __future__ import annotations

import base64
import binascii
import importlib
from typing import Final

import attrs

from aneel_rules._portal.attachments import MAX_ATTACHMENT_BYTES, Attachment
from aneel_rules._portal.field_groups import Field, Obj
from aneel_rules._portal.fields import (
    _DOC_MAX_LENGTH,
    INVALID,
    Collector,
    Spec,
    Text,
    document_kind,
    join,
)
from aneel_rules.errors import InvalidInputError

__all__ = ("MAX_BASE64_LENGTH", "AttachmentSpec", "Document")

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
