"""RSS and Atom feeds: one Document per item, with the feed's title as publisher.

The feed is screened by :mod:`sanctrace.xmlsafe` (no DOCTYPE, no ENTITY) before
feedparser sees it, and feedparser is always given bytes, never a URL, so it fetches
nothing. An item's text is its headline followed by its content (or summary) as plain
text. An item that carries only a link is read from that link only when the user gave
the feed itself as a URL (the user asked for the network); from a local file it is
skipped, and a feed of nothing but such items is refused with a message saying so.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from sanctrace.errors import IngestError, SanctraceError
from sanctrace.ingest.dates import stated_date
from sanctrace.ingest.document import make_document
from sanctrace.ingest.html import fragment_to_text
from sanctrace.model import Document
from sanctrace.xmlsafe import refuse_declarations

log = logging.getLogger(__name__)
_EMAIL = re.compile(r"[^\s@()<>]+@[^\s@()<>]+")
_EMAIL_THEN_NAME = re.compile(r"^[^\s@()<>]+@[^\s@()<>]+\s*\((?P<name>[^()]+)\)$")
_NAME_THEN_EMAIL = re.compile(r"^(?P<name>[^<>()@]+?)\s*[(<][^\s@()<>]+@[^\s@()<>]+[)>]$")
HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def read_feed(
    data: bytes,
    *,
    source: str,
    published: date | None = None,
    url: str | None = None,
    content_type: str | None = None,
    fetched: bool = False,
) -> list[Document]:
    """The feed's items as Documents, in feed order; duplicates (same text) once."""
    import feedparser

    refuse_declarations(data, source=source)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom structure"
        raise IngestError(f"not a readable feed: {reason}", source=source)
    if not parsed.entries:
        raise IngestError("empty: the feed has no items", source=source)
    publisher = parsed.feed.get("title") or None
    documents: list[Document] = []
    seen: set[str] = set()
    link_only = 0
    for entry in parsed.entries:
        document = _entry_document(
            entry, source=source, publisher=publisher, published=published, fetched=fetched
        )
        if document is None:
            link_only += 1
            continue
        if document.sha256 not in seen:
            seen.add(document.sha256)
            documents.append(document)
    if not documents:
        hint = (
            "; give the feed's URL instead of a file to fetch the pages its items link to"
            if link_only and not fetched
            else ""
        )
        raise IngestError(f"empty: no feed item carries any text{hint}", source=source)
    return documents


def _entry_document(
    entry: Any, *, source: str, publisher: str | None, published: date | None, fetched: bool
) -> Document | None:
    title = " ".join((entry.get("title") or "").split()) or None
    link = entry.get("link") or None
    body = _entry_text(entry)
    # dict.get: feedparser's own get() maps a missing key to another one, with a warning.
    stated = stated_date(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
    author = author_name(entry.get("author"))
    if not body:
        if link is None or not fetched:
            return None
        return _linked_page(
            link,
            title=title,
            publisher=publisher,
            stated=stated,
            published=published,
            author=author,
        )
    text = body if title is None or body.startswith(title) else f"{title}\n{body}"
    return make_document(
        text,
        source=source,
        format="feed",
        title=title,
        publisher=publisher,
        author=author,
        published=stated or published,
        url=link,
    )


def author_name(raw: str | None) -> str | None:
    """The person in an RSS/Atom author field: "desk@x.org (Jo Bloggs)" gives "Jo Bloggs".

    feedparser's own split of this field mangles names, so it is parsed here; an e-mail
    address alone names no one and gives None.
    """
    if raw is None:
        return None
    value = " ".join(raw.split())
    for pattern in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL):
        match = pattern.match(value)
        if match:
            return match.group("name").strip() or None
    if _EMAIL.fullmatch(value):
        return None
    return value or None


def _entry_text(entry: Any) -> str:
    """The longest of the item's content blocks and summary, as plain text."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or ""))
    summary = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry["summary"], summary.get("type") or "text/html"))
    best = ""
    for value, kind in candidates:
        text = fragment_to_text(value) if kind in HTML_TYPES or "<" in value else value.strip()
        if len(text) > len(best):
            best = text
    return best


def _linked_page(
    link: str,
    *,
    title: str | None,
    publisher: str | None,
    stated: date | None,
    published: date | None,
    author: str | None,
) -> Document | None:
    """Read the page an item links to; a failure skips the item, logged, not the feed."""
    from sanctrace.ingest import is_url, read_bytes
    from sanctrace.ingest.fetch import fetch

    if not is_url(link):  # a feed must not make us open file: or other schemes
        log.warning("skipped feed item %s: only http(s) links are fetched", link)
        return None
    try:
        resource = fetch(link)
        docs = read_bytes(
            resource.content,
            source=link,
            hint=resource.content_type,
            published=stated or published,
            url=resource.url,
        )
    except SanctraceError as exc:
        log.warning("skipped feed item: %s", exc)
        return None
    page = docs[0]
    if page.format == "feed":  # a link to another feed is not an article
        log.warning("skipped feed item %s: it links to another feed", link)
        return None
    page.title = page.title or title
    page.publisher = page.publisher or publisher
    page.author = page.author or author
    page.published = page.published or stated or published
    page.url = page.url or link
    return page
