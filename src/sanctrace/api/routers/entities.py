"""Search and entities: ``/api/search``, ``/api/entities``, ``/api/entities/{id}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_read
from sanctrace.cli.browse import claim_views, find_entity
from sanctrace.errors import InputError
from sanctrace.model import ENTITY_TYPES
from sanctrace.store import Store
from sanctrace.views import document_view, entity_view

router = APIRouter(prefix="/api", tags=["entities"], dependencies=[Depends(require_read)])


def search(store: Store, query: str, limit: int = 20) -> dict[str, Any]:
    """Entities whose name or alias matches, and documents whose title mentions the query."""
    screening = store.screening()
    found = [entity_view(e, screening) for e in store.search_entities(query, limit=limit)]
    needle = query.casefold()
    docs = [
        document_view(d)
        for d in store.documents()
        if needle in (d.title or "").casefold() or needle in d.source.casefold()
    ][:limit]
    return {"query": query, "entities": found, "documents": docs}


def entity_detail(store: Store, key: str) -> dict[str, Any]:
    record = find_entity(store, key)
    view = entity_view(record, store.screening())
    view["claims"] = claim_views(store, record.id, None)
    return view


@router.get("/search", response_model=schemas.SearchResult)
def search_endpoint(
    request: Request,
    q: Annotated[str, Query(min_length=1, description="a name, alias or part of one")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Entities (by name or alias) and documents (by title or source) matching ``q``."""
    with request_store(request) as store:
        return search(store, q, limit)


@router.get("/entities", response_model=schemas.EntityList)
def list_entities(
    request: Request,
    type: Annotated[str | None, Query(description=f"one of {', '.join(ENTITY_TYPES)}")] = None,
    sanctioned: Annotated[bool | None, Query(description="only (un)sanctioned")] = None,
) -> dict[str, Any]:
    """Every resolved entity with its sanctions status."""
    if type is not None and type not in ENTITY_TYPES:
        raise InputError(f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
    with request_store(request) as store:
        screening = store.screening()
        views = [entity_view(e, screening) for e in store.entities(type)]
    if sanctioned is not None:
        views = [v for v in views if v["sanctioned"] is sanctioned]
    return {"entities": views}


@router.get("/entities/{key}", response_model=schemas.EntityDetail)
def get_entity(request: Request, key: str) -> dict[str, Any]:
    """One entity (by id, name or alias) with its designations and every claim about it."""
    with request_store(request) as store:
        return entity_detail(store, key)
