"""HTML news pages: the article text and its metadata, through trafilatura.

The text is what trafilatura extracts (boilerplate such as navigation, footers and
related-story lists removed), kept exactly as extracted so that offsets into it stay
valid. A page trafilatura finds no article in falls back to the visible body text.
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from sanctrace.errors import IngestError
from sanctrace.ingest.dates import dateline, stated_date
from sanctrace.ingest.document import make_document
from sanctrace.model import Document

# Prefer the dates a page states about itself (meta tags, <time>) over dates guessed
# from its body text, which in a report are usually dates of the events described.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer")
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)


def decode_html(data: bytes, content_type: str | None) -> str | bytes:
    """Decode with the charset a server declared, unless the bytes are valid UTF-8.

    Without a declaration the bytes go to the parser, which reads ``<meta charset>``.
    """
    match = _CHARSET.search(content_type or "")
    if match:
        for encoding in ("utf-8", match.group(1)):
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data


def html_to_text(element: etree._Element) -> str:
    """Visible text of an element tree, one line per block element, scripts dropped.

    Used for feed item fragments and as the fallback when trafilatura finds nothing.
    """
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if tag in DROP_TAGS or not isinstance(node.tag, str):
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed item's content or summary)."""
    if "<" not in markup:
        return "\n".join(" ".join(line.split()) for line in markup.splitlines() if line.strip())
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(markup.split())
    return html_to_text(root)


def read_html(
    data: bytes,
    *,
    source: str,
    published: date | None = None,
    url: str | None = None,
    content_type: str | None = None,
) -> Document:
    """One Document: article text, title, site name, author, stated date, canonical URL."""
    import trafilatura

    tree = trafilatura.load_html(decode_html(data, content_type))
    if tree is None:
        raise IngestError("not a readable HTML page", source=source)
    language = tree.get("lang") or None
    fallback_title = _page_title(tree)
    extracted = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_PARAMS,
    )
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        # The thin fallback: visible body text when no article block was found.
        page = trafilatura.load_html(decode_html(data, content_type))
        if page is not None:
            body = page.find("body")
            text = html_to_text(body if body is not None else page)
    if not text.strip():
        raise IngestError("empty: the page has no readable text", source=source)
    return make_document(
        text,
        source=source,
        format="html",
        title=getattr(extracted, "title", None) or fallback_title,
        publisher=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None),
        author=getattr(extracted, "author", None),
        published=stated_date(getattr(extracted, "date", None)) or dateline(text) or published,
        url=getattr(extracted, "url", None) or url,
        language=getattr(extracted, "language", None) or language,
    )


def _page_title(tree: etree._Element) -> str | None:
    found = tree.find(".//title")
    if found is None or not found.text_content().strip():
        return None
    return " ".join(found.text_content().split())
