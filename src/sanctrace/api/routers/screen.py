"""Screening one name against the loaded lists: ``/api/screen?name=``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from sanctrace.api import schemas
from sanctrace.api.deps import request_store
from sanctrace.api.security import require_read
from sanctrace.errors import InputError
from sanctrace.model import ENTITY_TYPES
from sanctrace.screen.screening import load_index, screen_name
from sanctrace.views import match_view

router = APIRouter(prefix="/api", tags=["screening"], dependencies=[Depends(require_read)])


@router.get("/screen", response_model=schemas.ScreenResult)
def screen(
    request: Request,
    name: Annotated[str, Query(min_length=1, description="a name, in any script")],
    type: Annotated[str | None, Query(description=f"one of {', '.join(ENTITY_TYPES)}")] = None,
    country: Annotated[
        list[str] | None, Query(description="countries the actor is tied to")
    ] = None,
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Designations whose names match ``name``, best first, each with why it matched."""
    if type is not None and type not in ENTITY_TYPES:
        raise InputError(f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
    with request_store(request) as store:
        index = load_index(store)
        matches = screen_name(index, name, type, country or [], threshold, limit)
    return {
        "query": name,
        "matches": [match_view(m) for m in matches],
    }
