"""Attachments: JPG/JPEG/PNG/PDF by magic bytes and structure, safe names, at most 20 MB."""

from __future__ import annotations

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.portal import ATTACHMENT_RULE, MAX_ATTACHMENT_BYTES, Attachment, AttachmentKind

# The smallest complete files: both ends as their specifications fix them.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
PNG = PNG_START + b"\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + PNG_END
PDF = b"%PDF-1.7\n%%EOF\n"


def codes(exc: pytest.ExceptionInfo[InvalidInputError]) -> list[tuple[str, str]]:
    return [(e.path, e.code) for e in exc.value.errors]


@pytest.mark.parametrize(
    ("filename", "content", "kind"),
    [
        pytest.param("rg.jpg", JPEG, AttachmentKind.JPEG, id="manual-2.3-jpg"),
        pytest.param("RG.JPEG", JPEG, AttachmentKind.JPEG, id="manual-2.3-jpeg-upper"),
        pytest.param("imagem.png", PNG, AttachmentKind.PNG, id="manual-3.1.1-png"),
        pytest.param("cpf.pdf", PDF, AttachmentKind.PDF, id="manual-2.3-pdf"),
        pytest.param("planta situação.v2.Pdf", PDF, AttachmentKind.PDF, id="dots-and-accents"),
    ],
)
def test_accepted(filename: str, content: bytes, kind: AttachmentKind) -> None:
    attachment = Attachment(filename=filename, content=content)
    assert attachment.kind is kind
    assert attachment.size == len(content)


def test_twenty_megabytes_boundary() -> None:
    assert MAX_ATTACHMENT_BYTES == 20 * 1024 * 1024 == 20_971_520
    at_limit = PDF[:9] + b" " * (MAX_ATTACHMENT_BYTES - len(PDF)) + PDF[9:]
    assert Attachment(filename="a.pdf", content=at_limit).size == MAX_ATTACHMENT_BYTES
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename="a.pdf", content=at_limit + b"\0")
    assert codes(info) == [("content", "file_too_large")]
    assert "20971521" in info.value.errors[0].message


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        pytest.param("rg.pdf", b"", [("content", "empty_file")], id="empty"),
        pytest.param(
            "rg.png", PDF, [("filename", "extension_mismatch")], id="png-name-pdf-content"
        ),
        pytest.param(
            "rg.jpg", PNG, [("filename", "extension_mismatch")], id="jpg-name-png-content"
        ),
        pytest.param(
            "rg.gif",
            b"GIF89a",
            [("filename", "unsupported_extension"), ("content", "unsupported_content")],
            id="gif",
        ),
        pytest.param("rg.pdf", b"MZ\x90\x00", [("content", "executable_content")], id="exe-as-pdf"),
        pytest.param("rg", PDF, [("filename", "unsupported_extension")], id="no-extension"),
        pytest.param("", PDF, [("filename", "invalid_filename")], id="empty-name"),
        pytest.param("../rg.pdf", PDF, [("filename", "invalid_filename")], id="path-slash"),
        pytest.param("c:\\rg.pdf", PDF, [("filename", "invalid_filename")], id="path-backslash"),
        pytest.param("a" * 252 + ".pdf", PDF, [("filename", "invalid_filename")], id="256-chars"),
        pytest.param("rg.pdf", "%PDF-1.7", [("content", "not_bytes")], id="text-content"),
        pytest.param(
            None, None, [("filename", "invalid_filename"), ("content", "not_bytes")], id="nothing"
        ),
    ],
)
def test_rejected_with_every_reason(
    filename: object, content: object, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename=filename, content=content)  # type: ignore[arg-type]
    assert codes(info) == expected
    assert all(e.basis == ATTACHMENT_RULE for e in info.value.errors)
    assert all(e.message != e.message_in("en") for e in info.value.errors)


def test_255_character_name_is_accepted() -> None:
    assert Attachment(filename="a" * 251 + ".pdf", content=PDF).size == len(PDF)


def test_repr_hides_content_and_name() -> None:
    content = PDF[:9] + b"SECRET\n" + PDF[9:]
    text = repr(Attachment(filename="RG Ana Souza 529.982.247-25.PDF", content=content))
    assert "SECRET" not in text
    assert text == "Attachment(filename='***.pdf', kind='application/pdf', size=22)"
    assert repr(Attachment(filename="rg.pdf", content=PDF)).startswith(
        "Attachment(filename='***.pdf'"
    )


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        pytest.param(PNG[:-12], "image/png", id="png-without-IEND"),
        pytest.param(PNG + b"PK\x05\x06" + b"\x00" * 18, "image/png", id="png-then-zip"),
        pytest.param(PNG_START[:8] + PNG[16:], "image/png", id="png-without-IHDR-first"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + PNG_END, "image/png", id="png-signature-and-end"),
        pytest.param(JPEG[:-2], "image/jpeg", id="jpeg-without-EOI"),
        pytest.param(JPEG + b"#!/bin/sh\n", "image/jpeg", id="jpeg-then-script"),
        pytest.param(b"%PDF-1.7\n", "application/pdf", id="pdf-without-EOF"),
        pytest.param(b"%PDF-1.7\n%%EOF\nPK\x05\x06", "application/pdf", id="pdf-then-zip"),
        pytest.param(b"%PDF-x\n%%EOF\n", "application/pdf", id="pdf-bad-version"),
    ],
)
def test_structure_is_checked_at_both_ends(content: bytes, kind: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Attachment(
            filename="f" + {"image/png": ".png", "image/jpeg": ".jpg"}.get(kind, ".pdf"),
            content=content,
        )
    assert codes(info) == [("content", "malformed_content")]
    assert kind in info.value.errors[0].message


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(JPEG + b"\x00\x00\r\n", id="jpeg-trailing-nul-and-eol"),
        pytest.param(PDF + b"\r\n\x00", id="pdf-trailing-eol"),
        pytest.param(b"%PDF-2.0\r%%EOF\r", id="pdf-2.0-cr"),
    ],
)
def test_trailing_padding_is_tolerated(content: bytes) -> None:
    name = "a.jpg" if content.startswith(b"\xff") else "a.pdf"
    assert Attachment(filename=name, content=content).size == len(content)


@pytest.mark.parametrize(
    ("content", "label"),
    [
        pytest.param(b"\x7fELF\x02\x01\x01", "ELF", id="elf"),
        pytest.param(b"MZ\x90\x00\x03", "Windows executable", id="pe"),
        pytest.param(b"\xcf\xfa\xed\xfe\x07", "Mach-O", id="mach-o"),
        pytest.param(b"PK\x03\x04\x14\x00", "ZIP", id="zip-docx-jar-apk"),
        pytest.param(b"Rar!\x1a\x07\x01\x00", "RAR", id="rar"),
        pytest.param(b"7z\xbc\xaf\x27\x1c\x00", "7z", id="7z"),
        pytest.param(b"\x1f\x8b\x08\x00", "gzip", id="gzip"),
        pytest.param(b"#!/bin/sh\nrm -rf /\n", "script", id="shebang"),
        pytest.param(b"\xef\xbb\xbf  <?PHP system($_GET[0]);", "PHP script", id="php-bom"),
        pytest.param(b"<ScRiPt>alert(1)</script>", "script", id="script-tag"),
        pytest.param(b"<!DOCTYPE html><html>", "HTML", id="html"),
        pytest.param(b"<svg onload=alert(1)>", "SVG", id="svg"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (MSI, Office macro)", id="ole"),
        pytest.param(b"x" * 257 + b"ustar\x0000", "tar", id="tar"),
    ],
)
def test_executables_archives_and_scripts_are_refused(content: bytes, label: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename="rg.pdf", content=content)
    assert codes(info) == [("content", "executable_content")]
    assert dict(info.value.errors[0].params)["kind"] == label


@pytest.mark.parametrize(
    "filename",
    [
        pytest.param("rg\x00.pdf", id="nul"),
        pytest.param("rg\n.pdf", id="newline"),
        pytest.param("rg\x7f.pdf", id="del"),
        pytest.param("rg\x85.pdf", id="c1-next-line"),
        pytest.param("rg\u202efdp.exe", id="right-to-left-override"),
        pytest.param("rg\u2066.pdf", id="left-to-right-isolate"),
        pytest.param("rg\u200f.pdf", id="right-to-left-mark"),
        pytest.param("rg\ud800.pdf", id="lone-surrogate"),
        pytest.param("../rg.pdf", id="parent"),
        pytest.param("c:rg.pdf", id="drive-relative"),
        pytest.param("rg.pdf:secret.exe", id="ntfs-stream"),
        pytest.param("rg.pdf::$DATA", id="ntfs-data-stream"),
        pytest.param('rg".pdf', id="quote"),
        pytest.param("rg?.pdf", id="question-mark"),
        pytest.param("CON.pdf", id="con"),
        pytest.param("nul.pdf", id="nul-device-lower"),
        pytest.param("Com1.pdf", id="com1"),
        pytest.param("LPT9.tar.pdf", id="lpt9-double-extension"),
        pytest.param("COM¹.pdf", id="com-superscript-1"),
        pytest.param("aux .pdf", id="aux-trailing-blank"),
        pytest.param("rg.pdf.", id="trailing-dot"),
        pytest.param("rg.pdf ", id="trailing-blank"),
        pytest.param("ç" * 126 + ".pdf", id="256-utf8-bytes"),
    ],
)
def test_unsafe_filenames_are_refused(filename: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename=filename, content=PDF)
    assert codes(info) == [("filename", "invalid_filename")]
    str(info.value).encode("utf-8")  # the message never carries the name


@pytest.mark.parametrize(
    "filename",
    ["ç" * 125 + ".pdf", "console.pdf", "com10.pdf", "nulo.pdf", "RG frente e verso (1).pdf"],
)
def test_safe_filenames_are_accepted(filename: str) -> None:
    assert Attachment(filename=filename, content=PDF).kind is AttachmentKind.PDF


def test_messages_never_quote_the_name() -> None:
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename="Ana Souza 52998224725", content=PDF)
    assert "52998224725" not in str(info.value)
    assert "Ana" not in str(info.value)
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename="rg.52998224725", content=PDF)
    assert "52998224725" not in str(info.value)
    with pytest.raises(InvalidInputError) as info:
        Attachment(filename="rg.gif", content=PDF)
    assert "'.gif'" in str(info.value)
