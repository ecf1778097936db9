"""Attachments (anexos) of portal requests: JPG, JPEG, PNG or PDF up to 20 MB (private module).

The portal's upload fields read "JPG, JPEG, PNG, PDF com até 20MB" (Amazonas Energia,
Manual da Agência Virtual, items 2.3 and 3.1.1). The library recognises the type by the
file's *magic bytes*, not by its name, and the extension must agree with the content.
"20MB" is read as 20 × 1024 × 1024 = 20 971 520 bytes (the binary megabyte most upload
widgets use; the decimal reading, 20 000 000 bytes, would refuse files the portal accepts).

Examples:
    >>> pdf = Attachment(filename="rg.pdf", content=b"%PDF-1.7 ...")
    >>> pdf.kind, pdf.size
    (<AttachmentKind.PDF: 'application/pdf'>, 12)
    >>> pdf
    Attachment(filename='rg.pdf', kind='application/pdf', size=12)
    >>> Attachment(filename="rg.png", content=b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    aneel_rules.errors.InvalidInputError: filename: the extension '.png' does not match ...
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from aneel_rules._convert import quoted
from aneel_rules._portal.messages import DOMAIN, MESSAGES, type_name
from aneel_rules.errors import FieldError, InvalidInputError
from aneel_rules.legal import DistributorRule

__all__ = ("ATTACHMENT_RULE", "MAX_ATTACHMENT_BYTES", "Attachment", "AttachmentKind")

ATTACHMENT_RULE: Final = DistributorRule(
    distributor="Amazonas Energia", document="Manual da Agência Virtual", section="2.3"
)
"""The upload rule: "JPG, JPEG, PNG, PDF com até 20MB"."""

MAX_ATTACHMENT_BYTES: Final = 20 * 1024 * 1024
"""20 MB read as 20 MiB = 20 971 520 bytes (see the module docstring)."""

_MAX_FILENAME: Final = 255


class AttachmentKind(enum.Enum):
    """Accepted file type (tipo de arquivo), by its media type."""

    JPEG = "image/jpeg"
    PNG = "image/png"
    PDF = "application/pdf"


_MAGIC: Final = (
    (b"\xff\xd8\xff", AttachmentKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", AttachmentKind.PNG),
    (b"%PDF-", AttachmentKind.PDF),
)
_EXTENSIONS: Final = {
    ".jpg": AttachmentKind.JPEG,
    ".jpeg": AttachmentKind.JPEG,
    ".png": AttachmentKind.PNG,
    ".pdf": AttachmentKind.PDF,
}


def sniff(content: bytes) -> AttachmentKind | None:
    r"""The type of ``content`` by its magic bytes, or ``None``.

    Examples:
        >>> sniff(b"\x89PNG\r\n\x1a\n..."), sniff(b"GIF89a")
        (<AttachmentKind.PNG: 'image/png'>, None)
    """
    for magic, kind in _MAGIC:
        if content.startswith(magic):
            return kind
    return None


def _error(path: str, code: str, template: str, **params: object) -> FieldError:
    return FieldError(
        path=path,
        code=code,
        template=template,
        params=params,
        domain=DOMAIN,
        basis=ATTACHMENT_RULE,
    )


def _problems(filename: object, content: object) -> list[FieldError]:
    found: list[FieldError] = []
    extension_kind: AttachmentKind | None = None
    extension = ""
    if (
        not isinstance(filename, str)
        or not filename.strip()
        or len(filename) > _MAX_FILENAME
        or "/" in filename
        or "\\" in filename
        or "\x00" in filename
    ):
        found.append(_error("filename", "invalid_filename", MESSAGES["invalid_filename"]))
    else:
        _, dot, suffix = filename.strip().rpartition(".")
        extension = f".{suffix.lower()}" if dot else ""
        extension_kind = _EXTENSIONS.get(extension)
        if extension_kind is None:
            found.append(
                _error(
                    "filename",
                    "unsupported_extension",
                    MESSAGES["unsupported_extension"],
                    value=quoted(extension[:16] or filename[-16:]),
                )
            )
    if not isinstance(content, bytes):
        found.append(_error("content", "not_bytes", MESSAGES["not_bytes"], type=type_name(content)))
        return found
    if not content:
        found.append(_error("content", "empty_file", MESSAGES["empty_file"]))
        return found
    if len(content) > MAX_ATTACHMENT_BYTES:
        found.append(
            _error(
                "content",
                "file_too_large",
                MESSAGES["file_too_large"],
                size=str(len(content)),
                maximum=str(MAX_ATTACHMENT_BYTES),
            )
        )
    content_kind = sniff(content)
    if content_kind is None:
        found.append(_error("content", "unsupported_content", MESSAGES["unsupported_content"]))
    elif extension_kind is not None and extension_kind is not content_kind:
        found.append(
            _error(
                "filename",
                "extension_mismatch",
                MESSAGES["extension_mismatch"],
                value=quoted(extension),
                kind=content_kind.value,
            )
        )
    return found


def _check(instance: Attachment, _attribute: object, _value: bytes) -> None:
    problems = _problems(instance.filename, instance.content)
    if problems:
        raise InvalidInputError(problems)


@attrs.frozen(repr=False)
class Attachment:
    """A file attached to a portal request (anexo): JPG/JPEG/PNG/PDF, non-empty, ≤ 20 MB.

    Construction validates it and raises :class:`InvalidInputError` listing every reason
    (codes ``invalid_filename``, ``unsupported_extension``, ``not_bytes``, ``empty_file``,
    ``file_too_large``, ``unsupported_content``, ``extension_mismatch``). ``repr`` shows
    the name, type and size, never the content (it may be an identity document).

    Legal basis:
        - Amazonas Energia, Manual da Agência Virtual, items 2.3 and 3.1.1 (distributor rule).
    """

    filename: str
    content: bytes = attrs.field(validator=_check)

    @property
    def kind(self) -> AttachmentKind:
        """File type recognised from the content."""
        kind = sniff(self.content)
        assert kind is not None  # noqa: S101 (checked at construction)
        return kind

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.content)

    def __repr__(self) -> str:
        return f"Attachment(filename={self.filename!r}, kind={self.kind.value!r}, size={self.size})"
