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
