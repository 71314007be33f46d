"""Which reports are independent sources, and which derive from one another.

A rewrite of a Reuters story is not a second witness. Reports fall into one **lineage**
when any of these holds (union-find over reports and named sources):

- they share rare passages: long word shingles that few reports contain (quotes,
  copied paragraphs), not boilerplate such as "did not respond to requests for comment";
- a report states its source ("documents reviewed by Reuters", "according to Ledgerline")
  and another report was published by, or states, that same source;
- a report's publisher is a source another report states.

The earliest report of a lineage (by publication date) is its origin.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from sanctrace.model import Document
from sanctrace.resolve.keys import core_key
from sanctrace.store.base import DocEntityRow

_WORD = re.compile(r"\w+")
_NAME = r"((?:[A-Z][\w&'’.-]*)(?:\s+(?:of|de|the|[A-Z][\w&'’.-]*))*)"
SOURCE_TYPES = ("Organization", "PublicBody")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The network's rules and weights (``data/network.json``)."""
    raw = resources.files("sanctrace.graph").joinpath("data", "network.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = settings()["sourcing"]
    before = "|".join(re.escape(c) for c in sorted(cues["before"], key=len, reverse=True))
    after = "|".join(re.escape(c) for c in sorted(cues["after"], key=len, reverse=True))
    return (
        re.compile(rf"\b(?:{before})\s+(?:the\s+)?{_NAME}"),
        re.compile(rf"{_NAME}\s+(?:{after})\b"),
    )


@dataclass(slots=True)
class Lineages:
    """Report -> lineage; ``links`` says why reports were joined, for explanations."""

    root: dict[str, str]
    origin: dict[str, str]
    links: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def of(self, doc_id: str) -> str:
        return self.root.get(doc_id, doc_id)


def stated_sources(doc: Document, names: Iterable[str]) -> list[str]:
    """Core keys of the organisations a report names as its source, in text order.

    A name counts only when the report's own entities include it as an organisation, so
    "according to two European security officials" names no source.
    """
    known = {core_key(n) for n in names}
    before, after = _cue_patterns()
    found: list[tuple[int, str]] = []
    for pattern in (before, after):
        for m in pattern.finditer(doc.text):
            words = m.group(1).split()
            # the longest leading run of words that the report knows as an organisation
            for n in range(len(words), 0, -1):
                key = core_key(" ".join(words[:n]))
                if key in known:
                    found.append((m.start(1), key))
                    break
    return [k for _, k in sorted(found)]


def _shingles(text: str, size: int) -> set[int]:
    words = _WORD.findall(text.casefold())
    return {hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1)}


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_lineages(documents: list[Document], entities: list[DocEntityRow]) -> Lineages:
    """Group reports into lineages; linear in text size (shingles are looked up, not paired)."""
    cfg = settings()["derivation"]
    size, max_df = int(cfg["shingle"]), int(cfg["max_df"])
    min_shared, min_fraction = int(cfg["min_shared"]), float(cfg["min_fraction"])
    names: dict[str, list[str]] = defaultdict(list)
    for row in entities:
        if row.type in SOURCE_TYPES:
            names[row.doc_id].extend([row.name, *row.aliases])
    uf = _Union()
    links: dict[str, list[dict[str, str]]] = defaultdict(list)
    publishers: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        uf.find(doc.id)
        if doc.publisher:
            key = core_key(doc.publisher)
            publishers[key].append(doc.id)
            uf.union(doc.id, f"src:{key}")
    for doc in documents:
        sources = stated_sources(doc, names[doc.id])
        if sources:  # the first stated source is the one the report is built on
            uf.union(doc.id, f"src:{sources[0]}")
            for other in publishers.get(sources[0], []):
                if other != doc.id:
                    links[doc.id].append({"document": other, "why": f"cites {sources[0]}"})

    postings: dict[int, list[int]] = defaultdict(list)
    counts = []
    for i, doc in enumerate(documents):
        shingles = _shingles(doc.text, size)
        counts.append(len(shingles))
        for s in shingles:
            postings[s].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in postings.values():
        if 1 < len(holders) <= max_df:
            for a in range(len(holders)):
                for b in range(a + 1, len(holders)):
                    shared[(holders[a], holders[b])] += 1
    for (a, b), n in shared.items():
        smaller = max(1, min(counts[a], counts[b]))
        if n >= min_shared or n / smaller >= min_fraction:
            da, db = documents[a], documents[b]
            uf.union(da.id, db.id)
            links[db.id].append({"document": da.id, "why": f"shares {n} passages"})

    root = {doc.id: uf.find(doc.id) for doc in documents}
    origin: dict[str, str] = {}
    for doc in documents:  # documents come oldest first
        origin.setdefault(root[doc.id], doc.id)
    return Lineages(root=root, origin=origin, links=dict(links))
