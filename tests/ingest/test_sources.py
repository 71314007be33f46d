"""expand_sources and format sniffing: what counts as a source, and what each one is."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.errors import IngestError, UnsupportedFormatError
from sanctrace.ingest import expand_sources, read_source
from sanctrace.ingest.sniff import sniff


def test_directories_are_walked_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / ".hidden.txt").write_text("h")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "c.html").write_text("c")
    url = "https://example.org/report"
    found = expand_sources([str(tmp_path), url, str(tmp_path / "a.txt")])
    assert found == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "z.txt"),
        str(tmp_path / "c.html"),
        url,
    ]  # the repeated a.txt appears once, in its first place


def test_missing_path_is_named(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="no such file or directory") as info:
        expand_sources([missing])
    assert info.value.source == missing


def test_other_url_schemes_are_refused() -> None:
    with pytest.raises(IngestError, match="only http:// and https://"):
        expand_sources(["file:///etc/passwd"])


def test_directory_given_to_read_source(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a directory"):
        read_source(str(tmp_path))


@pytest.mark.parametrize(
    ("data", "hint", "kind"),
    [
        (b"Plain report text.\n", ".txt", "text"),
        (b"<!doctype html><html><body>x</body></html>", ".txt", "html"),
        (b"<p>A fragment saved as a page</p>", ".html", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"/>', ".txt", "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"/>', None, "feed"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', None, "feed"),
        (b"%PDF-1.7\n...", ".docx", "pdf"),
        (b"<b>Bold</b> opening of a text report", ".txt", "text"),
    ],
)
def test_sniff(data: bytes, hint: str | None, kind: str) -> None:
    assert sniff(data, source="s", hint=hint) == kind


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 20, "ELF executable"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "Windows executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "legacy Microsoft Office"),
        (b"\x00\x01\x02\x03binary", "binary data"),
        (b'<?xml version="1.0"?><inventory/>', "root element <inventory>"),
    ],
)
def test_unsupported_kinds_are_named(data: bytes, named: str, tmp_path: Path) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    with pytest.raises(UnsupportedFormatError, match=named) as info:
        read_source(str(path))
    assert info.value.source == str(path)
