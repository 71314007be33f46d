"""The network: ``/api/graph`` for the page's picture, ``/api/routes``, ``/api/candidates``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_read
from sanctrace.cli.browse import find_entity
from sanctrace.export.network import Edge, Network, build_network

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
                "weight": e.documents,
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
