"""Read reports from files, directories and URLs into :class:`~sanctrace.model.Document`.

One reader per format (``text``, ``html``, ``pdf``, ``docx``, ``feed``), chosen by
:func:`~sanctrace.ingest.sniff.sniff` from the content, never from the extension alone.
Every problem is an :class:`~sanctrace.errors.IngestError` subclass naming the source.

    expand_sources(["reports/", "https://..."])   -> concrete files and URLs, in order
    read_source("report.pdf")                     -> [Document]   (a feed gives several)
    read_bytes(data, source="upload.docx")        -> [Document]   (bytes already in hand)
    parse_date("4 March 2025")                    -> date          (DateError otherwise)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from importlib import import_module
from pathlib import Path

from sanctrace.errors import IngestError, TooLargeError
from sanctrace.ingest.dates import parse_date
from sanctrace.ingest.sniff import sniff
from sanctrace.model import Document
from sanctrace.settings import get_settings

__all__ = ["expand_sources", "is_url", "parse_date", "read_bytes", "read_source"]

# format -> "module:function"; imported on first use so reading a .txt file does not
# pay for pypdf, python-docx, trafilatura and feedparser.
READERS: dict[str, str] = {
    "text": "sanctrace.ingest.text:read_text",
    "html": "sanctrace.ingest.html:read_html",
    "pdf": "sanctrace.ingest.pdf:read_pdf",
    "docx": "sanctrace.ingest.docx:read_docx",
    "feed": "sanctrace.ingest.feed:read_feed",
}


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def expand_sources(sources: Iterable[str]) -> list[str]:
    """Files as given, directories walked recursively in sorted order, URLs as given.

    Hidden files and directories (a leading dot) are skipped inside directories; a
    missing path raises IngestError naming it. Duplicates keep their first place.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(item: str) -> None:
        if item not in seen:
            seen.add(item)
            out.append(item)

    for source in sources:
        if is_url(source):
            add(source)
            continue
        if "://" in source:
            raise IngestError("only http:// and https:// URLs can be fetched", source=source)
        path = Path(source)
        if path.is_dir():
            for found in _walk(path):
                add(found)
        elif path.exists():
            add(source)
        else:
            raise IngestError("no such file or directory", source=source)
    return out


def _walk(root: Path) -> list[str]:
    """Every non-hidden file under ``root``, ordered by path (a/x before b/ before c)."""
    found: list[tuple[tuple[str, ...], str]] = []
    for current, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                full = os.path.join(current, name)
                found.append((Path(os.path.relpath(full, root)).parts, full))
    return [full for _, full in sorted(found)]


def read_source(source: str, *, published: date | None = None) -> list[Document]:
    """Read one file or http(s) URL; a feed gives one Document per item.

    ``published`` is used where the document states no date of its own.
    """
    if is_url(source):
        from sanctrace.ingest.fetch import fetch

        resource = fetch(source)
        return read_bytes(
            resource.content,
            source=source,
            hint=resource.content_type,
            published=published,
            url=resource.url,
            fetched=True,
        )
    data = _read_file(source)
    return read_bytes(data, source=source, hint=Path(source).suffix, published=published)


def _read_file(source: str) -> bytes:
    """The file's bytes, refusing before reading anything too large or not a file."""
    limit = get_settings().max_bytes
    path = Path(source)
    try:
        info = path.stat()
        if path.is_dir():
            raise IngestError("is a directory; use expand_sources() to list it", source=source)
        if info.st_size > limit:
            raise TooLargeError(
                f"{info.st_size} bytes is larger than the limit of {limit} (SANCTRACE_MAX_BYTES)",
                source=source,
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise IngestError("no such file", source=source) from exc
    except PermissionError as exc:
        raise IngestError("permission denied", source=source) from exc
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    if len(data) > limit:  # a file that grew, or a device that reports no size
        raise TooLargeError(
            f"larger than the limit of {limit} bytes (SANCTRACE_MAX_BYTES)", source=source
        )
    return data


def read_bytes(
    data: bytes,
    *,
    source: str,
    hint: str | None = None,
    published: date | None = None,
    url: str | None = None,
    fetched: bool = False,
) -> list[Document]:
    """Read content already in memory (an upload, a download); ``source`` names it.

    ``hint`` is an extension or Content-Type; ``url`` the address it came from;
    ``fetched`` allows a feed to fetch the pages its items link to.
    """
    if not data.strip():
        raise IngestError("empty: the file has no content", source=source)
    limit = get_settings().max_bytes
    if len(data) > limit:
        raise TooLargeError(
            f"{len(data)} bytes is larger than the limit of {limit} (SANCTRACE_MAX_BYTES)",
            source=source,
        )
    kind = sniff(data, source=source, hint=hint)
    reader = _reader(kind)
    options: dict[str, object] = {"source": source, "published": published}
    content_type = hint if hint is not None and "/" in hint else None
    if kind in ("text", "html", "feed"):
        options["content_type"] = content_type
    if kind in ("html", "feed"):
        options["url"] = url
    if kind == "feed":
        options["fetched"] = fetched
    result = reader(data, **options)
    docs = result if isinstance(result, list) else [result]
    if url is not None:
        for doc in docs:
            if doc.url is None and doc.format != "feed":
                doc.url = url
    return docs


def _reader(kind: str) -> Callable[..., Document | list[Document]]:
    target = READERS.get(kind)
    if target is None:
        raise IngestError(f"no reader for format {kind!r}")
    module_name, _, function = target.partition(":")
    reader: Callable[..., Document | list[Document]] = getattr(import_module(module_name), function)
    return reader
