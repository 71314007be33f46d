"""Stored reports: ``/api/documents`` and ``/api/documents/{id}`` with text and claims."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_read
from sanctrace.errors import NotFoundError
from sanctrace.store import Store
from sanctrace.views import claim_view, document_view

router = APIRouter(prefix="/api", tags=["documents"], dependencies=[Depends(require_read)])


def document_detail(store: Store, doc_id: str) -> dict[str, Any]:
    """A document with its text, every entity mention (resolved) and every claim."""
    extraction = store.extraction(doc_id)
    if extraction is None:
        raise NotFoundError(f"no document with id {doc_id!r}")
    members = store.member_map()
    mentions: list[dict[str, Any]] = [
        {
            "entity_id": members.get((doc_id, e.id)),
            "local_id": e.id,
            "name": e.name,
            "type": e.type,
            "start": span.start,
            "end": span.end,
        }
        for e in extraction.entities
        for span in e.mentions
    ]
    mentions.sort(key=lambda m: (m["start"], -m["end"]))
    screening = store.screening()
    claims = [claim_view(r, screening) for r in store.claims() if r.doc_id == doc_id]
    view = document_view(extraction.document)
    view |= {"text": extraction.document.text, "mentions": mentions, "claims": claims}
    return view


@router.get("/documents", response_model=schemas.DocumentList)
def list_documents(request: Request) -> dict[str, Any]:
    """Every stored document, oldest publication first."""
    with request_store(request) as store:
        return {"documents": [document_view(d) for d in store.documents()]}


@router.get("/documents/{doc_id}", response_model=schemas.DocumentDetail)
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document with its full text, entity mentions and claims (evidence offsets)."""
    with request_store(request) as store:
        return document_detail(store, doc_id)
