"""``create_app(store_url)``: the FastAPI application behind ``sanctrace serve``.

The app holds only the store URL; every request opens its own store connection (SQLite
connections cannot be shared across the worker threads) and closes it when done.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sanctrace.api import errors
from sanctrace.api.routers import (
    admin,
    claims,
    docs,
    documents,
    entities,
    network,
    pages,
    screen,
)
from sanctrace.api.security import SecurityHeaders
from sanctrace.settings import get_settings

_UNSET = object()


def create_app(
    store_url: str | None = None,
    *,
    token: str | None | object = _UNSET,
    open_reads: bool = True,
) -> FastAPI:
    """Build the app over the store at ``store_url`` (default: $SANCTRACE_DB).

    ``token`` defaults to $SANCTRACE_TOKEN; None disables every write. With
    ``open_reads=False`` reads need the token too (for a server reachable beyond loopback).
    """
    settings = get_settings()
    app = FastAPI(
        title="sanctrace",
        summary="Evidence-backed maps of sanctioned military supply chains",
        version="0.1.0",
        docs_url=None,  # served by routers/docs.py from vendored assets, under our CSP
        redoc_url=None,
    )
    app.state.store_url = store_url or settings.db
    app.state.token = settings.token if token is _UNSET else token
    app.state.open_reads = open_reads
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    static = resources.files("sanctrace.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for module in (entities, claims, documents, network, screen, admin, docs, pages):
        app.include_router(module.router)
    return app
