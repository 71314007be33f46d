"""A store holding the fictional optics network of tests/fixtures/network/optics.json."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sanctrace.model import (
    Claim,
    Document,
    Entity,
    Evidence,
    Extraction,
    ScreenMatch,
    Span,
    TimeRef,
)
from sanctrace.resolve import resolve
from sanctrace.store import Store, open_store

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "network" / "optics.json"


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    assert start >= 0, f"evidence not in text: {quote!r}"
    return start, start + len(quote)


def extraction_from(raw: dict[str, Any]) -> Extraction:
    """An Extraction as the extractor would store it, from the fixture's compact form."""
    text = raw["text"]
    doc = Document(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        source=raw["source"],
        format="text",
        title=raw.get("title"),
        publisher=raw.get("publisher"),
        published=date.fromisoformat(raw["published"]) if raw.get("published") else None,
    )
    entities = []
    for e in raw["entities"]:
        mentions = [Span(*_span(text, n)) for n in [e["name"], *e["aliases"]] if n in text]
        entities.append(Entity(e["id"], e["name"], e["type"], list(e["aliases"]), mentions))
    claims = []
    for c in raw["claims"]:
        start, end = _span(text, c["evidence"])
        time = None
        if c.get("time"):
            t = c["time"]
            time = TimeRef(t["text"], date.fromisoformat(t["start"]), date.fromisoformat(t["end"]))
        claims.append(
            Claim(
                c["predicate"],
                c.get("subject"),
                c.get("object"),
                Evidence(start, end, c["evidence"]),
                via=c.get("via"),
                item=c.get("item"),
                attribution=c.get("attribution", []),
                hedged=c.get("hedged", False),
                negated=c.get("negated", False),
                time=time,
                rule="fixture",
            )
        )
    return Extraction(doc, entities, claims, model="fixture")


def load_fixture(store: Store, path: Path = FIXTURE) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for raw in data["documents"]:
        store.save_extraction(extraction_from(raw))
    resolve(store)
    screening: dict[str, list[ScreenMatch]] = {}
    for name, matches in data.get("screening", {}).items():
        entity = store.entity(name)
        assert entity is not None, name
        screening[entity.id] = [ScreenMatch(**m) for m in matches]
    store.save_screening(screening)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "network.db")
    with open_store(path) as store:
        load_fixture(store)
    return path


@pytest.fixture
def store(db_path: str) -> Iterator[Store]:
    with open_store(db_path) as s:
        yield s
