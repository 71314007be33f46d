"""Extractions as the JSON objects of the evaluation contract (../shared/eval/FORMAT.md)."""

from __future__ import annotations

from typing import Any

from sanctrace.model import Extraction


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """One document object: file, title, published, entities and claims, dates as ISO."""
    doc = extraction.document
    return {
        "file": doc.file,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "model": extraction.model,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": [{"start": m.start, "end": m.end} for m in e.mentions],
            }
            for e in extraction.entities
        ],
        "claims": [
            {
                "predicate": c.predicate,
                "subject": c.subject,
                "object": c.object,
                "via": c.via,
                "item": c.item,
                "location": c.location,
                "attribution": list(c.attribution),
                "hedged": c.hedged,
                "negated": c.negated,
                "time": None
                if c.time is None
                else {
                    "text": c.time.text,
                    "start": c.time.start.isoformat() if c.time.start else None,
                    "end": c.time.end.isoformat() if c.time.end else None,
                },
                "evidence": {
                    "start": c.evidence.start,
                    "end": c.evidence.end,
                    "text": c.evidence.text,
                },
                "rule": c.rule,
                "confidence": c.confidence,
            }
            for c in extraction.claims
        ],
    }
