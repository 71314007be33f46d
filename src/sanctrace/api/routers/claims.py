"""Claims with their evidence: ``/api/claims?entity=&predicate=``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_read
from sanctrace.cli.browse import claim_views, find_entity

router = APIRouter(prefix="/api", tags=["claims"], dependencies=[Depends(require_read)])


@router.get("/claims", response_model=schemas.ClaimList)
def list_claims(
    request: Request,
    entity: Annotated[str | None, Query(description="entity id, name or alias")] = None,
    predicate: Annotated[str | None, Query(description="e.g. supplied")] = None,
) -> dict[str, Any]:
    """Claims with roles, attribution, hedging, time, evidence span and source document."""
    with request_store(request) as store:
        entity_id = find_entity(store, entity).id if entity is not None else None
        return {"claims": claim_views(store, entity_id, predicate)}
