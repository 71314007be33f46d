"""Streaming XML for list files, through the shared hostile-input guard.

``sanctrace.xmlsafe`` refuses DOCTYPE and ENTITY declarations (XML bombs, XXE) and never
resolves entities; here its errors become ListFormatError, which is what a bad list file
is, and parse errors name the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from sanctrace import xmlsafe
from sanctrace.errors import ListFormatError, SanctraceError


def local(tag: object) -> str:
    """An element's tag without its namespace."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def safe_iterparse(
    path: Path, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, etree._Element]]:
    try:
        yield from xmlsafe.iterparse(path, source=str(path), events=events, error=ListFormatError)
    except ListFormatError:
        raise
    except SanctraceError as exc:  # HostileInputError and kin: still a bad list file
        raise ListFormatError(exc.message, source=str(path)) from exc
    except (OSError, UnicodeError) as exc:
        raise ListFormatError(f"cannot read XML: {exc}", source=str(path)) from exc


def open_list(
    path: Path, root_tag: str
) -> tuple[etree._Element, Iterator[tuple[str, etree._Element]]]:
    """Start streaming a list file: its root (checked to be ``root_tag``, namespace aside)
    and the remaining (event, element) pairs, with start and end events."""
    source = str(path)
    events = safe_iterparse(path, events=("start", "end"))
    try:
        _event, root = next(events)
    except StopIteration:
        raise ListFormatError("empty XML file", source=source) from None
    if local(root.tag) != root_tag:
        raise ListFormatError(f"root element is {local(root.tag)}, not {root_tag}", source=source)
    return root, events


def release(element: etree._Element) -> None:
    """Free a record once read, and the records before it, so memory stays flat."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]
