"""DOCX: paragraphs and tables in order, core properties, and the zip-bomb guard."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from sanctrace.errors import HostileInputError, UnsupportedFormatError
from sanctrace.ingest import read_source


def test_paragraphs_tables_and_properties(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "memo.docx"))
    assert doc.format == "docx"
    assert doc.title == "Procurement network memo"
    assert doc.author == "Analyst Team"
    assert doc.published == date(2024, 11, 12)
    lines = doc.text.split("\n")
    assert lines[0] == "Procurement network memo"
    assert lines[1].startswith("A distributor in Dubai bought servo drives")
    assert lines[2:4] == [
        "Seller\tBuyer\tItem",
        "Gulf Motion Trading\tAerotech Kazan\tservo drives",
    ]
    assert lines[4] == "The distributor denied any wrongdoing."


def test_template_defaults_are_not_metadata(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "untitled.docx"), published=date(2024, 8, 1))
    assert doc.title == "Shipments through Tashkent"  # the Title-styled paragraph
    assert doc.author is None  # "python-docx" is the generator, not an author
    assert doc.published == date(2024, 8, 1)  # the template's 2013 date is not stated


def _docx_like(path: Path, member_size: int) -> Path:
    """A zip with the members of a .docx whose document.xml inflates enormously."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as handle:
            chunk = b" " * 1_048_576
            for _ in range(member_size // len(chunk)):
                handle.write(chunk)
    return path


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = _docx_like(tmp_path / "bomb.docx", 16 * 1_048_576)
    assert bomb.stat().st_size < 100_000  # small on disk, 16 MB inflated
    with pytest.raises(HostileInputError, match="zip bomb: word/document.xml inflates") as info:
        read_source(str(bomb))
    assert info.value.source == str(bomb)


def test_zip_total_size_is_bounded(tmp_path: Path, max_bytes: None) -> None:
    # The limit is 4096 bytes (fixture), so members may inflate to 4 x 4096 in total.
    path = tmp_path / "large.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * 20_000)
    assert path.stat().st_size < 4096
    with pytest.raises(HostileInputError, match="members inflate to more than 16384 bytes"):
        read_source(str(path))


def test_entity_declarations_inside_docx_are_refused(fixtures: Path, tmp_path: Path) -> None:
    hostile = tmp_path / "xxe.docx"
    with zipfile.ZipFile(fixtures / "memo.docx") as source, zipfile.ZipFile(hostile, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>",
                    b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                    1,
                )
            out.writestr(item, data)
    with pytest.raises(HostileInputError, match="ENTITY"):
        read_source(str(hostile))


def test_zip_that_is_not_docx_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "bundle.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    with pytest.raises(UnsupportedFormatError, match="zip archive"):
        read_source(str(path))
