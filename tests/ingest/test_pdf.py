"""PDF: text layer, declared metadata, and a clear refusal for every unreadable kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanctrace.errors import IngestError
from sanctrace.ingest import read_source


def test_text_layer_and_metadata(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "brief.pdf"))
    assert doc.format == "pdf"
    assert doc.title == "Optics for armoured vehicles"
    assert doc.author == "Research Desk"
    assert doc.published == date(2024, 3, 5)
    assert doc.text.startswith("Export control brief: optics for armoured vehicles\n")
    assert "trading house in Yerevan" in doc.text
    # Pages are separated by a blank line and the second page follows the first.
    assert "this brief.\n\nThe trading house did not answer" in doc.text


def test_owner_restricted_pdf_opens_and_title_falls_back_to_headline(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "restricted.pdf"), published=date(2024, 4, 1))
    assert doc.title == "Export control brief: optics for armoured vehicles"
    assert doc.published == date(2024, 4, 1)
    assert "Armenian customs" in doc.text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("scanned.pdf", "no text layer in 1 page(s): it is probably scanned; OCR it first"),
        ("locked.pdf", "encrypted PDF that needs a password"),
        ("truncated.pdf", "not a readable PDF"),
    ],
)
def test_unreadable_pdfs(fixtures: Path, name: str, message: str) -> None:
    path = str(fixtures / name)
    with pytest.raises(IngestError) as info:
        read_source(path)
    assert message in str(info.value)
    assert info.value.source == path
    assert str(info.value).startswith(path + ": ")


def test_pdf_with_wrong_extension_is_still_a_pdf(fixtures: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "brief.html"
    disguised.write_bytes((fixtures / "brief.pdf").read_bytes())
    (doc,) = read_source(str(disguised))
    assert doc.format == "pdf" and doc.title == "Optics for armoured vehicles"
