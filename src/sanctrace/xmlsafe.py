"""XML parsing that refuses the document type declarations attacks are built from.

Entity bombs ("billion laughs") and external entities (XXE: ``<!ENTITY x SYSTEM
"file:///etc/passwd">``) both need a ``<!DOCTYPE`` with declarations before the root
element. Reports, feeds and sanctions lists never need one, so any XML whose prolog
declares a DOCTYPE or ENTITY is refused with :class:`HostileInputError` before a parser
sees it; the parser is then also configured never to resolve entities, load a DTD or
touch the network, and the parsed tree is checked again for a DTD (belt and braces).

    read_prolog(data)            -> Prolog(doctype, root)   what precedes the root element
    refuse_declarations(data)    raise if the prolog declares a DOCTYPE or ENTITY
    parse(data)                  -> lxml ElementTree
    iterparse(path)              -> (event, element) pairs, streamed, for large list files
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from lxml import etree

from sanctrace.errors import HostileInputError, IngestError, SanctraceError

PROLOG_BYTES = 65_536
_NAME = re.compile(r"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)")


class Prolog(NamedTuple):
    """The document type declaration (if any) and the root element's qualified name."""

    doctype: str | None
    root: str | None


def _head_text(data: bytes) -> str:
    """The first bytes decoded well enough to read markup, whatever the encoding."""
    head = data[:PROLOG_BYTES]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="replace")
    # Any ASCII-compatible encoding spells markup the same way in Latin-1.
    return head.decode("latin-1")


def read_prolog(data: bytes) -> Prolog:
    """Walk the XML declaration, comments and processing instructions up to the root.

    Returns ``Prolog(None, None)`` for content that does not start with markup.
    """
    text = _head_text(data)
    i, n = 0, len(text)
    doctype: str | None = None
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n or text[i] != "<":
            return Prolog(doctype, None)
        if text.startswith("<?", i):
            end = text.find("?>", i)
            i = n if end < 0 else end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i)
            i = n if end < 0 else end + 3
        elif text.startswith("<!", i):
            # <!DOCTYPE ...> with an optional [internal subset], or a stray <!ENTITY.
            close = text.find(">", i)
            bracket = text.find("[", i)
            if bracket >= 0 and (close < 0 or bracket < close):
                subset_end = text.find("]", bracket)
                close = text.find(">", subset_end) if subset_end >= 0 else -1
            end = n if close < 0 else close + 1
            doctype = (doctype or "") + text[i:end]
            i = end
        else:
            match = _NAME.match(text, i)
            return Prolog(doctype, match.group(1) if match else None)
    return Prolog(doctype, None)


def refuse_declarations(data: bytes, *, source: str | None = None) -> None:
    """Raise HostileInputError if the XML declares a DOCTYPE or an ENTITY."""
    prolog = read_prolog(data)
    if prolog.doctype is not None:
        kind = "an ENTITY" if "<!ENTITY" in prolog.doctype.upper() else "a DOCTYPE"
        raise HostileInputError(
            f"XML declares {kind}; refused because entity declarations are how XML "
            "bombs and external-entity (XXE) attacks work, and this input needs none",
            source=source,
        )


def make_parser() -> etree.XMLParser:
    """An lxml parser that never expands entities, loads a DTD or uses the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _check_tree(tree: etree._ElementTree, source: str | None) -> None:
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise HostileInputError("XML declares a DOCTYPE; refused", source=source)


def parse(
    data: bytes,
    *,
    source: str | None = None,
    error: type[SanctraceError] = IngestError,
) -> etree._ElementTree:
    """Parse XML bytes safely; malformed XML raises ``error`` naming the source."""
    refuse_declarations(data, source=source)
    try:
        root = etree.fromstring(data, parser=make_parser())
    except etree.XMLSyntaxError as exc:
        raise error(f"not well-formed XML: {exc}", source=source) from exc
    if root is None:
        raise error("not well-formed XML: no root element", source=source)
    tree = root.getroottree()
    _check_tree(tree, source)
    return tree


def iterparse(
    file: str | Path | IO[bytes],
    *,
    source: str | None = None,
    events: tuple[str, ...] = ("end",),
    tag: str | tuple[str, ...] | None = None,
    error: type[SanctraceError] = IngestError,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream (event, element) pairs from a large XML file without expanding entities.

    Callers should ``element.clear()`` what they have consumed to keep memory flat.
    """
    name = source if source is not None else str(getattr(file, "name", file))
    if isinstance(file, (str, Path)):
        with open(file, "rb") as handle:
            head = handle.read(PROLOG_BYTES)
    else:
        position = file.tell()
        head = file.read(PROLOG_BYTES)
        file.seek(position)
    refuse_declarations(head, source=name)
    context = etree.iterparse(
        file if not isinstance(file, Path) else str(file),
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    checked = False
    try:
        for event, element in context:
            if not checked:
                _check_tree(element.getroottree(), name)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise error(f"not well-formed XML: {exc}", source=name) from exc
