"""JSON views of stored records, shared by the CLI's ``--json`` and the HTTP API.

One place decides what an entity or a claim looks like to the outside, so the CLI and
the API never drift apart.
"""

from __future__ import annotations

from typing import Any

from sanctrace.model import Document, ScreenMatch, TimeRef
from sanctrace.store.base import ClaimRecord, EntityRecord, Judgement, RoleRef

ROLE_FIELDS = ("subject", "object", "via", "item", "location")


def match_view(m: ScreenMatch) -> dict[str, Any]:
    return {
        "list": m.list,
        "list_id": m.list_id,
        "name": m.name,
        "score": round(m.score, 3),
        "programs": m.programs,
        "matched_alias": m.matched_alias,
        "explanation": m.explanation,
    }


def entity_view(
    entity: EntityRecord, screening: dict[str, list[ScreenMatch]] | None = None
) -> dict[str, Any]:
    matches = (screening or {}).get(entity.id, [])
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": entity.aliases,
        "countries": entity.countries,
        "documents": entity.documents,
        "mentions": entity.mentions,
        "sanctioned": bool(matches),
        "designations": [match_view(m) for m in matches],
    }


def _role_view(
    ref: RoleRef | None, screening: dict[str, list[ScreenMatch]]
) -> dict[str, Any] | None:
    if ref is None:
        return None
    matches = screening.get(ref.entity_id or "", [])
    return {
        "id": ref.entity_id,
        "name": ref.name,
        "type": ref.type,
        "sanctioned": bool(matches),
        "designations": [f"{m.list}:{m.list_id}" for m in matches],
    }


def time_view(time: TimeRef | None) -> dict[str, Any] | None:
    if time is None:
        return None
    return {
        "text": time.text,
        "start": time.start.isoformat() if time.start else None,
        "end": time.end.isoformat() if time.end else None,
    }


def claim_view(
    record: ClaimRecord,
    screening: dict[str, list[ScreenMatch]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A claim with its roles resolved, evidence and document; ``extra`` adds analysis fields."""
    c = record.claim
    screening = screening or {}
    view: dict[str, Any] = {"id": record.id, "predicate": c.predicate}
    for role in ROLE_FIELDS:
        view[role] = _role_view(record.roles.get(role), screening)
    view |= {
        "attribution": c.attribution,
        "hedged": c.hedged,
        "negated": c.negated,
        "time": time_view(c.time),
        "evidence": {"start": c.evidence.start, "end": c.evidence.end, "text": c.evidence.text},
        "document": {
            "id": record.doc_id,
            "title": record.document_title,
            "source": record.document_source,
            "published": record.document_published,
        },
        "rule": c.rule,
    }
    if extra:
        view |= extra
    return view


def document_view(d: Document) -> dict[str, Any]:
    """A stored report without its text: what listings show."""
    return {
        "id": d.id,
        "title": d.title,
        "publisher": d.publisher,
        "author": d.author,
        "published": d.published.isoformat() if d.published else None,
        "source": d.source,
        "url": d.url,
        "format": d.format,
        "sha256": d.sha256,
        "characters": len(d.text),
    }


def judgement_view(j: Judgement) -> dict[str, Any]:
    """An analyst's merge or split, as listed and as returned when made."""
    return {
        "id": j.id,
        "kind": j.kind,
        "a": j.a,
        "b": j.b,
        "note": j.note,
        "created_at": j.created_at,
        "active": j.active,
    }
