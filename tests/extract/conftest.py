"""Helpers for the extraction tests: run the extractor on a text, read results by name."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from sanctrace.extract import Extractor, extraction_to_json
from sanctrace.model import Document


def doc(text: str, published: date | None = None, name: str = "t.txt") -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(sha256=digest, text=text, source=name, format="text", published=published)


def run(extractor: Extractor, text: str, published: date | None = None) -> dict:
    """The contract JSON of one document, with claims' roles replaced by entity names."""
    out = extraction_to_json(extractor.extract(doc(text, published)))
    names = {e["id"]: e["name"] for e in out["entities"]}
    for c in out["claims"]:
        for role in ("subject", "object", "via", "item", "location"):
            c[role] = names.get(c[role]) if c[role] else None
    out["by_name"] = {e["name"]: e for e in out["entities"]}
    return out


@pytest.fixture()
def extract_text(extractor):
    """Callable: text (and optional publication date) -> contract JSON with role names."""

    def call(text: str, published: date | None = None) -> dict:
        return run(extractor, text, published)

    return call
