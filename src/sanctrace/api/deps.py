"""Per-request helpers shared by the routers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from sanctrace.resolve import ensure_resolved
from sanctrace.store import Store, open_store


@contextmanager
def request_store(request: Request) -> Iterator[Store]:
    """A store connection for this request, opened and closed in the calling thread.

    Resolution is brought up to date first, so documents ingested by the CLI while the
    server runs show up on the next request.
    """
    with open_store(request.app.state.store_url) as store:
        ensure_resolved(store)
        yield store
