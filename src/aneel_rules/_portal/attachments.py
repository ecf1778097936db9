"""Attachments (anexos) of portal requests: JPG, JPEG, PNG or PDF up to 20 MB (private module).

The portal's upload fields read "JPG, JPEG, PNG, PDF com até 20MB" (Amazonas Energia,
Manual da Agência Virtual, items 2.3 and 3.1.1). The library recognises the type by the
file's *magic bytes*, not by its name, and the extension must agree with the content.
"20MB" is read as 20 × 1024 × 1024 = 20 971 520 bytes (the binary megabyte most upload
widgets use; the decimal reading, 20 000 000 bytes, would refuse files the portal accepts).

Structure is checked to the depth a portal can afford in constant time, at both ends of
the file (so that nothing can be appended: a ZIP after a PNG's end is a classic polyglot):

- PNG: the signature, the ``IHDR`` chunk first (length 13), the ``IEND`` chunk last;
- JPEG: ``SOI`` (``FF D8 FF``) first, ``EOI`` (``FF D9``) last;
- PDF: the header ``%PDF-1.x``/``%PDF-2.x`` first, the ``%%EOF`` marker last;

(trailing NUL bytes and line ends are tolerated). Content that *starts* as an executable,
an archive or a script (ELF, ``MZ``, Mach-O, ZIP/``PK``, RAR, 7z, gzip, ``#!``, ``<?php``,
HTML, OLE…) is refused as such (``executable_content``). **Not checked**: the chunks or
segments in between, PDF objects (JavaScript, launch actions, embedded files), image
dimensions, and malware: scanning the files stays with the portal.

File names carry names and CPFs (``RG Ana Souza 529.982.247-25.pdf``), so ``repr`` and
messages show only the extension.

Examples:
    >>> pdf = Attachment(filename="rg.pdf", content=b"%PDF-1.7 ...%%EOF")
    >>> pdf.kind, pdf.size
    (<AttachmentKind.PDF: 'application/pdf'>, 17)
    >>> pdf
    Attachment(filename='***.pdf', kind='application/pdf', size=17)
    >>> Attachment(filename="rg.png", content=b"%PDF-1.7 ...%%EOF")
    Traceback (most recent call last):
    ...
    aneel_rules.errors.InvalidInputError: filename: the extension '.png' does not match ...
"""

from __future__ import annotations

import enum
import re
import unicodedata
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
"""Longest file name in UTF-8 bytes (NAME_MAX of ext4, XFS, APFS; NTFS counts 255 UTF-16)."""


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


_PNG_IHDR: Final = b"\x00\x00\x00\x0dIHDR"  # first chunk, length 13 (PNG spec § 11.2.2)
_PNG_IEND: Final = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # last chunk, empty, fixed CRC (§ 11.2.5)
_JPEG_EOI: Final = b"\xff\xd9"  # end of image (ITU-T T.81, B.2.1)
_PDF_HEADER: Final = re.compile(rb"%PDF-[12]\.[0-9]")  # ISO 32000-2, 7.5.2
_PDF_EOF: Final = b"%%EOF"  # last line of the file (ISO 32000-2, 7.5.5)
_TRAILING: Final = b"\x00\r\n\t\x0c "

# Starts of content that is never a document scan: executables, archives, scripts.
_DANGEROUS: Final = (
    (b"\x7fELF", "ELF"),
    (b"MZ", "Windows executable"),
    (b"\xfe\xed\xfa\xce", "Mach-O"),
    (b"\xfe\xed\xfa\xcf", "Mach-O"),
    (b"\xce\xfa\xed\xfe", "Mach-O"),
    (b"\xcf\xfa\xed\xfe", "Mach-O"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class"),
    (b"\x00asm", "WebAssembly"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"MSCF", "cabinet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (MSI, Office macro)"),
)
_DANGEROUS_TEXT: Final = (
    (b"#!", "script"),
    (b"<?php", "PHP script"),
    (b"<script", "script"),
    (b"<!doctype html", "HTML"),
    (b"<html", "HTML"),
    (b"<svg", "SVG"),
    (b"<?xml", "XML"),
    (b"@echo", "batch script"),
)


def dangerous(content: bytes) -> str | None:
    r"""What an executable, archive or script start of ``content`` is, or ``None``.

    Text starts are compared ignoring case after a UTF-8 byte-order mark and blanks.

    Examples:
        >>> dangerous(b"\x7fELF\x02"), dangerous(b"PK\x03\x04"), dangerous(b"  #!/bin/sh")
        ('ELF', 'ZIP', 'script')
        >>> dangerous(b"%PDF-1.7") is None
        True
    """
    for magic, label in _DANGEROUS:
        if content.startswith(magic):
            return label
    head = content[:64].removeprefix(b"\xef\xbb\xbf").lstrip(_TRAILING).lower()
    for magic, label in _DANGEROUS_TEXT:
        if head.startswith(magic):
            return label
    if content[257:262] == b"ustar":
        return "tar"
    return None


def well_formed(content: bytes, kind: AttachmentKind) -> bool:
    r"""Whether ``content`` has both ends of a ``kind`` file (constant time, see module doc).

    Examples:
        >>> well_formed(b"%PDF-1.4\n%%EOF\n", AttachmentKind.PDF)
        True
        >>> well_formed(b"%PDF-1.4\n%%EOF\nPK\x05\x06", AttachmentKind.PDF)
        False
    """
    body = content.rstrip(_TRAILING)
    if kind is AttachmentKind.PNG:
        # PNG: IHDR right after the signature, IEND the last chunk (nothing may follow).
        return content[8:16] == _PNG_IHDR and content.endswith(_PNG_IEND)
    if kind is AttachmentKind.JPEG:
        # JPEG: SOI at the start (sniffed), EOI at the end.
        return len(body) >= 4 and body.endswith(_JPEG_EOI)
    # PDF: a version header, and %%EOF as the last line.
    return _PDF_HEADER.match(content) is not None and body.endswith(_PDF_EOF)


_RESERVED_NAMES: Final = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CONIN$",
        "CONOUT$",
        *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")),
    }
)
"""Windows device names, reserved with any extension (``NUL.pdf``), in any case."""

_FORBIDDEN_CHARS: Final = frozenset('/\\:<>"|?*')
"""Path separators, ``:`` (drive letters, NTFS alternate data streams) and Windows' others."""

_BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Bidirectional marks, embeddings, overrides, isolates (U+202E shows ``fdp.exe`` reversed)."""


def _valid_filename(filename: object) -> bool:
    """A file name a portal can store as given (see :class:`Attachment`)."""
    if not isinstance(filename, str) or not filename.strip() or len(filename) > _MAX_FILENAME:
        return False
    for ch in filename:
        category = unicodedata.category(ch)
        # Controls (C0, DEL, C1), lone surrogates and bidi controls, then forbidden characters.
        if category in {"Cc", "Cs"} or ch in _BIDI_CONTROLS or ch in _FORBIDDEN_CHARS:
            return False
    if len(filename.encode("utf-8")) > _MAX_FILENAME:
        return False
    stem = filename.split(".", 1)[0].rstrip(" ").upper()
    # Windows reserves the device names whatever the extension; it drops trailing dots/blanks.
    return stem not in _RESERVED_NAMES and filename[-1] not in ". "


_EXTENSION_SHOWN: Final = re.compile(r"\.[A-Za-z0-9]{1,10}")


def _shown_extension(extension: str) -> str:
    """The extension as a message may quote it: short ASCII letters and digits, else masked."""
    return quoted(extension) if _EXTENSION_SHOWN.fullmatch(extension) else "'***'"


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
    if not _valid_filename(filename):
        found.append(_error("filename", "invalid_filename", MESSAGES["invalid_filename"]))
    else:
        assert isinstance(filename, str)  # noqa: S101 (checked by _valid_filename)
        _, dot, suffix = filename.strip().rpartition(".")
        extension = f".{suffix.lower()}" if dot else ""
        extension_kind = _EXTENSIONS.get(extension)
        if extension_kind is None:
            found.append(
                _error(
                    "filename",
                    "unsupported_extension",
                    MESSAGES["unsupported_extension"],
                    value=_shown_extension(extension),
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
    threat = dangerous(content)
    content_kind = None if threat else sniff(content)
    if threat:
        found.append(
            _error("content", "executable_content", MESSAGES["executable_content"], kind=threat)
        )
    elif content_kind is None:
        found.append(_error("content", "unsupported_content", MESSAGES["unsupported_content"]))
    elif not well_formed(content, content_kind):
        found.append(
            _error(
                "content",
                "malformed_content",
                MESSAGES["malformed_content"],
                kind=content_kind.value,
            )
        )
    elif extension_kind is not None and extension_kind is not content_kind:
        found.append(
            _error(
                "filename",
                "extension_mismatch",
                MESSAGES["extension_mismatch"],
                value=_shown_extension(extension),
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
    ``file_too_large``, ``executable_content``, ``unsupported_content``,
    ``malformed_content``, ``extension_mismatch``). ``repr`` shows the extension, type and
    size, never the content (it may be an identity document) nor the rest of the name.

    A file name is 1 to 255 UTF-8 bytes, without control characters, lone surrogates,
    bidirectional controls (``rg`` + U+202E + ``fdp.exe`` shows as ``rgexe.pdf``), path
    separators, ``:`` (drive letters and NTFS alternate data streams) or ``<>"|?*``; its
    stem is not a Windows device name (``CON``, ``NUL``, ``COM1``…) and it does not end in
    a dot or blank.

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
        _, dot, suffix = self.filename.strip().rpartition(".")
        shown = f"***.{suffix.lower()}" if dot else "***"
        return f"Attachment(filename={shown!r}, kind={self.kind.value!r}, size={self.size})"
