"""PDF: the text layer through pypdf, and the title, author and date the file declares.

A scanned PDF has no text layer; rather than return nothing, it is refused with a message
saying to OCR it first. pypdf raises a wide variety of exceptions on damaged files, so
every failure inside it is turned into one IngestError naming the file.
"""

from __future__ import annotations

import io
import logging
from datetime import date

from sanctrace.errors import IngestError, SanctraceError
from sanctrace.ingest.dates import dateline, stated_date
from sanctrace.ingest.document import make_document
from sanctrace.ingest.text import headline
from sanctrace.model import Document

# pypdf logs a warning for every repair it makes to a damaged file; the outcome reaches
# the user as one IngestError or a readable document, so its chatter is not printed.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False

PAGE_SEPARATOR = "\n\n"
# Titles that authoring tools write by default and that name no report.
_PLACEHOLDER_TITLES = frozenset({"untitled", "title", "document", "microsoft word"})
_TOOL_PREFIXES = ("Microsoft Word - ", "Microsoft PowerPoint - ")


def read_pdf(data: bytes, *, source: str, published: date | None = None) -> Document:
    """One Document: page texts joined by a blank line, with the declared metadata."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise IngestError(
                    "encrypted PDF (AES) that cannot be opened here; save an unprotected "
                    "copy first",
                    source=source,
                ) from exc
            if not opened:
                raise IngestError(
                    "encrypted PDF that needs a password; save an unprotected copy first",
                    source=source,
                )
        if len(reader.pages) == 0:
            raise IngestError("the PDF has no pages", source=source)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = _metadata(reader)
    except SanctraceError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf's errors on damaged files are unbounded
        raise IngestError(
            f"not a readable PDF (damaged or truncated?): {exc or type(exc).__name__}",
            source=source,
        ) from exc
    text = PAGE_SEPARATOR.join(page.strip("\n") for page in pages)
    if not text.strip():
        raise IngestError(
            f"no text layer in {len(pages)} page(s): it is probably scanned; OCR it first",
            source=source,
        )
    return make_document(
        text,
        source=source,
        format="pdf",
        title=_title(info.get("title")) or headline(text),
        author=_text(info.get("author")),
        published=dateline(text) or stated_date(info.get("created")) or published,
    )


def _metadata(reader: object) -> dict[str, object]:
    """Title, author and creation date from the document information dictionary."""
    found: dict[str, object] = {}
    try:
        meta = reader.metadata  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a broken info dictionary is not worth failing on
        return found
    if meta is None:
        return found
    for key, attribute in (("title", "title"), ("author", "author")):
        try:
            value = getattr(meta, attribute)
        except Exception:  # noqa: BLE001
            value = None
        if isinstance(value, str) and value.strip():
            found[key] = value
    try:
        found["created"] = meta.creation_date
    except Exception:  # noqa: BLE001 - unparseable dates are left out, not fatal
        pass
    return found


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _title(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    title = value.strip()
    for prefix in _TOOL_PREFIXES:
        if title.startswith(prefix):
            title = title[len(prefix) :].strip()
    if title.lower() in _PLACEHOLDER_TITLES or not title:
        return None
    return title
