"""Decide what a run of bytes is from its content; the extension or Content-Type is a hint.

A file named ``.txt`` that holds a PNG is an image, and a report saved as ``.html`` that
is really a PDF is a PDF: readers are picked by magic bytes and markup, and the hint only
settles what content alone leaves open (a markup-free ``.html`` file is still HTML).
Everything we do not read raises :class:`UnsupportedFormatError` naming what it is.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from functools import lru_cache
from importlib import resources
from typing import Any

from sanctrace.errors import UnsupportedFormatError
from sanctrace.xmlsafe import read_prolog, refuse_declarations

SNIFF_BYTES = 8192
FEED_ROOTS = frozenset({"rss", "feed", "rdf"})
HTML_HINTS = frozenset({"html", "htm", "xhtml", "text/html", "application/xhtml+xml"})
_HTML_TAG = re.compile(rb"<(html|head|body|p|div|article|h1|title|meta)[\s>/]", re.IGNORECASE)
# Members that identify an OOXML/OpenDocument container, and what to call the others.
_ZIP_KINDS = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "PowerPoint presentation (.pptx)"),
)


@lru_cache(maxsize=1)
def _signatures() -> list[dict[str, Any]]:
    raw = resources.files("sanctrace.ingest").joinpath("magic.json").read_text("utf-8")
    return list(json.loads(raw)["signatures"])


def binary_kind(data: bytes) -> str | None:
    """The name of a binary format we recognise by its leading bytes, if any."""
    binary = _looks_binary(data[:SNIFF_BYTES])
    for sig in _signatures():
        if sig.get("weak") and not binary:
            continue
        offset = int(sig.get("offset", 0))
        magic = bytes.fromhex(sig["hex"])
        if data[offset : offset + len(magic)] != magic:
            continue
        if len(data) < int(sig.get("min_length", 0)):
            continue
        if "and_hex" in sig:
            extra = bytes.fromhex(sig["and_hex"])
            at = int(sig["and_offset"])
            if data[at : at + len(extra)] != extra:
                continue
        return str(sig["kind"])
    return None


def zip_kind(data: bytes) -> str:
    """``"docx"`` for a Word document, otherwise a name for the archive it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            for member, kind in _ZIP_KINDS:
                if member in names:
                    return kind
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                return f"OpenDocument/EPUB file ({mimetype}); save it as .docx or PDF"
    except (zipfile.BadZipFile, OSError, ValueError):
        return "corrupt zip archive"
    return "zip archive"


def _hint(hint: str | None) -> str:
    if hint is None:
        return ""
    cleaned = hint.lower().split(";", 1)[0].strip()
    return cleaned.rsplit(".", 1)[-1] if "/" not in cleaned else cleaned


def _looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in what should be text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32 text with a BOM
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


def sniff(data: bytes, *, source: str, hint: str | None = None) -> str:
    """One of "text", "html", "pdf", "docx", "feed"; anything else raises.

    ``hint`` is a file extension (".html") or a Content-Type ("text/html; charset=...").
    """
    head = data[:SNIFF_BYTES]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = zip_kind(data)
        if kind == "docx":
            return "docx"
        raise UnsupportedFormatError(f"unsupported format: {kind}", source=source)
    binary = binary_kind(head)
    if binary is not None:
        raise UnsupportedFormatError(f"unsupported format: {binary}", source=source)
    if _looks_binary(head):
        raise UnsupportedFormatError("unsupported format: binary data", source=source)
    return _markup_kind(data, source=source, hint=_hint(hint))


def _markup_kind(data: bytes, *, source: str, hint: str) -> str:
    head = data[:SNIFF_BYTES]
    prolog = read_prolog(data)
    root = prolog.root.lower().rsplit(":", 1)[-1] if prolog.root else None
    if root == "html" or (prolog.doctype or "").lower().startswith("<!doctype html"):
        return "html"
    if prolog.doctype is not None:
        # XML declaring a document type of its own: refused whatever its root, so a
        # declaration too long to see the root past is not mistaken for text.
        refuse_declarations(data, source=source)
    if root in FEED_ROOTS:
        return "feed"
    if root is not None:
        if hint in HTML_HINTS or _HTML_TAG.search(head):
            return "html"
        if head.lstrip().startswith(b"<?xml") or hint in ("xml", "application/xml", "text/xml"):
            raise UnsupportedFormatError(
                f"unsupported format: XML document with root element <{prolog.root}> "
                "(not an RSS/Atom feed or HTML page)",
                source=source,
            )
    if hint in HTML_HINTS and _HTML_TAG.search(head):
        return "html"
    return "text"
