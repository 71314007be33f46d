"""Plain text: exact text (offsets stay valid), headline titles, encodings, refusals."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from sanctrace.errors import EncodingError, IngestError, TooLargeError, UnsupportedFormatError
from sanctrace.ingest import read_source
from sanctrace.ingest.text import headline


def test_text_is_the_file_exactly_with_offsets_intact(fixtures: Path) -> None:
    path = fixtures / "report.txt"
    (doc,) = read_source(str(path))
    raw = path.read_text(encoding="utf-8")
    assert doc.text == raw
    assert doc.text.startswith("\n")  # a leading newline is kept, not stripped
    assert doc.format == "text"
    assert doc.source == str(path)
    assert doc.title == "Baltic freight firm moved machine tools to Russian missile plant"
    start = raw.index("Riga")
    assert doc.text[start : start + 4] == "Riga"
    assert doc.sha256 == hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert doc.published is None


def test_published_argument_fills_a_missing_date(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "report.txt"), published=date(2024, 2, 1))
    assert doc.published == date(2024, 2, 1)


def test_same_text_in_two_files_is_one_document(fixtures: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((fixtures / "report.txt").read_bytes())
    (a,) = read_source(str(fixtures / "report.txt"))
    (b,) = read_source(str(copy))
    assert a.id == b.id and a.source != b.source


def test_seeds_read_exactly(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        (doc,) = read_source(str(path))
        assert doc.text == path.read_text()
        assert doc.title is not None and doc.title in doc.text


def test_latin1_is_detected_and_decoded(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "latin1.txt"))
    assert doc.title == "Sanktionen gegen Zulieferer in Kärnten"
    assert "Behörden prüfen" in doc.text and "äußerte" in doc.text


def test_crlf_becomes_lf_and_markdown_heading_is_the_title(fixtures: Path) -> None:
    path = fixtures / "crlf.md"
    (doc,) = read_source(str(path))
    assert "\r" not in doc.text
    assert doc.text == path.read_text(encoding="utf-8")  # universal newlines, as Python reads
    assert doc.title == "Drone parts seized at Gdansk port"


def test_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline here\nBody text.\n")
    (doc,) = read_source(str(path))
    assert doc.text == "Headline here\nBody text.\n"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Überschrift\nText über Exporte.\n".encode("utf-16"))
    (doc16,) = read_source(str(utf16))
    assert doc16.text == "Überschrift\nText über Exporte.\n"


def test_undecodable_text_is_an_encoding_error(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    # Bytes that are not UTF-8 and that no single-byte code page turns into prose.
    path.write_bytes(bytes(range(0x80, 0x100)) * 3 + b"\n")
    with pytest.raises(EncodingError) as info:
        read_source(str(path))
    assert str(path) in str(info.value)


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_files_are_refused(fixtures: Path, name: str) -> None:
    with pytest.raises(IngestError, match="empty") as info:
        read_source(str(fixtures / name))
    assert info.value.source == str(fixtures / name)


def test_content_wins_over_extension(fixtures: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match="PNG image"):
        read_source(str(fixtures / "picture.txt"))


def test_text_starting_like_a_magic_number_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "mzkt.txt"
    path.write_text("MZKT chassis reached the Kapustin Yar range\nThe trucks arrived.\n")
    (doc,) = read_source(str(path))
    assert doc.title == "MZKT chassis reached the Kapustin Yar range"


def test_too_large_is_refused_before_reading(tmp_path: Path, max_bytes: None) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 2000)
    with pytest.raises(TooLargeError, match="10000 bytes is larger than the limit of 4096"):
        read_source(str(path))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n\nShort headline\nbody", "Short headline"),
        ("This is the first sentence of a story.\nMore.", None),
        ("## Heading two\ntext", "Heading two"),
        ("Key findings:\n- one", None),
        ("x " * 150, None),
        ("   \n", None),
    ],
)
def test_headline(text: str, title: str | None) -> None:
    assert headline(text) == title


def test_dateline_is_the_stated_date(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "dateline.txt"), published=date(2025, 1, 1))
    assert doc.published == date(2024, 10, 14)  # stated in the text, wins over the argument
    assert doc.title == "Rail cars of ammunition crossed from North Korea, imagery suggests"
