"""The web page: server-rendered HTML over the same functions as the JSON API."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from sanctrace.api.deps import request_store
from sanctrace.api.routers.documents import document_detail
from sanctrace.api.routers.entities import entity_detail, search
from sanctrace.api.routers.network import candidates_json, routes_json
from sanctrace.api.security import require_read
from sanctrace.api.templating import Highlight, evidence_markup, mark_text, render
from sanctrace.cli.browse import find_entity
from sanctrace.errors import InputError
from sanctrace.export.network import build_network
from sanctrace.model import ENTITY_TYPES
from sanctrace.store import Store
from sanctrace.views import document_view, entity_view

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])


def summary(store: Store) -> dict[str, Any]:
    """Counts and the most telling actors, for the home page and briefs."""
    screening = store.screening()
    entities = store.entities()
    claims = store.claims()
    network = build_network(store, records=claims)
    degree: Counter[str] = Counter()
    for edge in network.edges:
        degree[edge.source] += edge.weight
        degree[edge.target] += edge.weight
    views = {e.id: entity_view(e, screening) for e in entities}
    return {
        "documents": len(store.documents()),
        "entities": len(entities),
        "claims": len(claims),
        "links": len(network.edges),
        "sanctioned": [views[i] for i in sorted(screening) if i in views],
        "candidates": [n for n in network.nodes.values() if n.status == "candidate"],
        "connected": [views[i] for i, _ in degree.most_common(10) if i in views],
        "lists": store.lists(),
        "types": Counter(e.type for e in entities),
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with request_store(request) as store:
        context = summary(store)
    return render(request, "home.html", context)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query()] = "") -> HTMLResponse:
    result: dict[str, Any] = {"query": q, "entities": [], "documents": []}
    if q.strip():
        with request_store(request) as store:
            result = search(store, q.strip(), limit=50)
    return render(request, "search.html", result)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: str | None = None) -> HTMLResponse:
    if type is not None and type not in ENTITY_TYPES:
        raise InputError(f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
    with request_store(request) as store:
        screening = store.screening()
        views = [entity_view(e, screening) for e in store.entities(type)]
    views.sort(key=lambda v: (not v["sanctioned"], -v["documents"], v["name"].casefold()))
    return render(
        request, "entities.html", {"entities": views, "type": type, "types": ENTITY_TYPES}
    )


@router.get("/entity/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str) -> HTMLResponse:
    with request_store(request) as store:
        entity = entity_detail(store, key)
        marked = evidence_markup(store, store.claims(entity_id=entity["id"]))
        designations = {
            f"{d['list']}:{d['list_id']}": store.designation(d["list"], d["list_id"])
            for d in entity["designations"]
        }
    return render(
        request, "entity.html", {"entity": entity, "listings": designations, "marked": marked}
    )


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request, entity: str | None = None) -> HTMLResponse:
    focus = None
    if entity is not None:
        with request_store(request) as store:
            focus = find_entity(store, entity)
    return render(request, "graph.html", {"focus": focus})


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    with request_store(request) as store:
        docs = [document_view(d) for d in store.documents()]
    return render(request, "documents.html", {"documents": docs})


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, entity: str | None = None) -> HTMLResponse:
    with request_store(request) as store:
        doc = document_detail(store, doc_id)
        records = [r for r in store.claims() if r.doc_id == doc_id]
        marked = evidence_markup(store, records)
    highlights = [
        Highlight(c["evidence"]["start"], c["evidence"]["end"], claim=c["id"])
        for c in doc["claims"]
    ]
    highlights += [
        Highlight(m["start"], m["end"], entity=m["entity_id"] or m["local_id"])
        for m in doc["mentions"]
    ]
    body = mark_text(doc["text"], highlights, focus=entity)
    return render(request, "document.html", {"doc": doc, "body": body, "marked": marked})


@router.get("/routes", response_class=HTMLResponse)
def routes_page(request: Request, to: str | None = None, max_hops: int = 4) -> HTMLResponse:
    with request_store(request) as store:
        result = routes_json(store, to=to, max_hops=max(1, min(max_hops, 10)), limit=100)
        focus = find_entity(store, to) if to is not None else None
    return render(request, "routes.html", result | {"focus": focus})


@router.get("/candidates", response_class=HTMLResponse)
def candidates_page(request: Request) -> HTMLResponse:
    with request_store(request) as store:
        result = candidates_json(store, limit=100)
    return render(request, "candidates.html", result)
