"""Attachments: JPG/JPEG/PNG/PDF by magic bytes, extension agreeing, non-empty, at most 20 MB."""

from __future__ import annotations

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.portal import ATTACHMENT_RULE, MAX_ATTACHMENT_BYTES, Attachment, AttachmentKind

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PDF = b"%PDF-1.7\n"


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
    at_limit = PDF + b"\0" * (MAX_ATTACHMENT_BYTES - len(PDF))
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
        pytest.param(
            "rg.pdf", b"MZ\x90\x00", [("content", "unsupported_content")], id="exe-as-pdf"
        ),
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


def test_repr_hides_content() -> None:
    text = repr(Attachment(filename="rg.pdf", content=PDF + b"SECRET"))
    assert "SECRET" not in text
    assert text == "Attachment(filename='rg.pdf', kind='application/pdf', size=15)"
