"""The one place a reader turns extracted text and metadata into a :class:`Document`."""

from __future__ import annotations

import hashlib
from datetime import date

from sanctrace.errors import IngestError
from sanctrace.model import Document

FORMATS: tuple[str, ...] = ("text", "html", "pdf", "docx", "feed")


def make_document(
    text: str,
    *,
    source: str,
    format: str,
    title: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    published: date | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Document:
    """Build a Document, refusing empty text; the id is the hash of the text alone.

    Hashing only the text makes the same report read from two files (or a file and a
    URL) one document, which is what de-duplication in the store relies on.
    """
    if not text.strip():
        raise IngestError("empty: no text to read", source=source)
    return Document(
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        source=source,
        format=format,
        title=_clean(title),
        publisher=_clean(publisher),
        author=_clean(author),
        published=published,
        url=_clean(url),
        language=_clean(language),
    )


def _clean(value: str | None) -> str | None:
    """Collapse whitespace in a metadata field; an empty field is no field."""
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
