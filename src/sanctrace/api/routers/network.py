"""The network: ``/api/graph`` for the page's picture, ``/api/routes``, ``/api/candidates``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_read
from sanctrace.cli.browse import find_entity
from sanctrace.errors import InputError
from sanctrace.export.network import Edge, Network, build_network
from sanctrace.graph import Network as Analysis
from sanctrace.graph import (
    candidate_views,
    find_candidates,
    find_routes,
    load_network,
    route_views,
    timeline,
)
from sanctrace.store import Store

router = APIRouter(prefix="/api", tags=["network"], dependencies=[Depends(require_read)])


def _evidence(edge: Edge) -> list[dict[str, Any]]:
    return [
        {
            "claim": r.id,
            "text": r.claim.evidence.text.strip(),
            "document": r.doc_id,
            "title": r.document_title or r.document_source,
            "hedged": r.claim.hedged,
            "negated": r.claim.negated,
            "attribution": r.claim.attribution,
        }
        for r in edge.claims
    ]


def graph_json(network: Network) -> dict[str, Any]:
    """Nodes and edges as the page's Cytoscape graph reads them, evidence included."""
    return {
        "nodes": [
            {
                "id": n.id,
                "name": n.name,
                "type": n.type,
                "status": n.status,
                "designations": [f"{m.list}:{m.list_id}" for m in n.designations],
                "reported": n.reported,
                "documents": n.documents,
            }
            for n in network.nodes.values()
        ],
        "edges": [
            {
                "id": e.id,
                "source": e.source,
                "target": e.target,
                "predicate": e.predicate,
                "weight": e.weight,
                "documents": e.documents,
                "negated": e.negated,
                "hedged": e.hedged,
                "via": e.via,
                "evidence": _evidence(e),
            }
            for e in network.edges
        ],
    }


@router.get("/graph", response_model=schemas.Graph)
def graph(
    request: Request,
    entity: Annotated[
        str | None, Query(description="only the neighbourhood of this entity")
    ] = None,
    depth: Annotated[int, Query(ge=1, le=4)] = 2,
) -> dict[str, Any]:
    """Actors as nodes (status: sanctioned, candidate, other) and claims as weighted edges."""
    with request_store(request) as store:
        network = build_network(store)
        if entity is not None:
            network = network.neighbourhood(find_entity(store, entity).id, depth)
    return graph_json(network)


def _node(store: Store, net: Analysis, key: str) -> int:
    entity = find_entity(store, key)
    node = net.index.get(entity.id)
    if node is None:
        raise InputError(f"entity {key!r} is not in the network", source=key)
    return node


def routes_json(
    store: Store,
    to: str | None = None,
    origin: str | None = None,
    max_hops: int = 4,
    limit: int = 50,
) -> dict[str, Any]:
    """Supply routes into sanctioned entities, as ``sanctrace routes --json`` prints them."""
    net = load_network(store)
    target = _node(store, net, to) if to is not None else None
    start = _node(store, net, origin) if origin is not None else None
    found, truncated = find_routes(net, target, start, max_hops, limit)
    return {"routes": route_views(store, net, found), "truncated": truncated}


def candidates_json(store: Store, limit: int | None = 20) -> dict[str, Any]:
    """Unsanctioned actors ranked as designation candidates, with reasons and evidence."""
    net = load_network(store)
    return {"candidates": candidate_views(store, net, find_candidates(net, limit))}


@router.get("/routes", response_model=schemas.RouteList)
def routes(
    request: Request,
    to: Annotated[str | None, Query(description="only routes ending at this entity")] = None,
    origin: Annotated[
        str | None, Query(alias="from", description="only routes starting at this entity")
    ] = None,
    max_hops: Annotated[int, Query(ge=1, le=10)] = 4,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Supply routes that end at a sanctioned entity; every hop with its claims and evidence."""
    with request_store(request) as store:
        return routes_json(store, to, origin, max_hops, limit)


@router.get("/candidates", response_model=schemas.CandidateList)
def candidates(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
    """Unlisted actors ranked by how directly they feed sanctioned ones, with reasons."""
    with request_store(request) as store:
        return candidates_json(store, limit)


@router.get("/entities/{key}/timeline", response_model=schemas.Timeline)
def entity_timeline(request: Request, key: str) -> dict[str, Any]:
    """One entity's claims in time order: event dates where stated, else report dates."""
    with request_store(request) as store:
        net = load_network(store)
        return {"timeline": timeline(store, net, _node(store, net, key))}
