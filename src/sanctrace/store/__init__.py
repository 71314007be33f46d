"""Stores behind one contract, chosen by URL scheme.

    open_store("sanctrace.db")             SQLite file (the default backend)
    open_store("sqlite:///path/to.db")     the same, as a URL
    open_store(None)                       $SANCTRACE_DB, else ./sanctrace.db

A PostgreSQL backend would register under ``postgresql://`` in ``BACKENDS``.
"""

from __future__ import annotations

from collections.abc import Callable

from sanctrace.errors import StoreError
from sanctrace.settings import get_settings
from sanctrace.store.base import (
    ClaimRecord,
    DocEntityRow,
    EntityRecord,
    Judgement,
    Resolution,
    RoleRef,
    Store,
)
from sanctrace.store.sqlite import SqliteStore

BACKENDS: dict[str, Callable[[str], Store]] = {
    "sqlite": SqliteStore,
}


def open_store(url: str | None = None) -> Store:
    """Open (creating if needed) the store at ``url``: a path or ``scheme://`` URL."""
    url = url or get_settings().db
    scheme, sep, rest = url.partition("://")
    if not sep:
        return SqliteStore(url)
    backend = BACKENDS.get(scheme)
    if backend is None:
        known = ", ".join(f"{k}://" for k in BACKENDS)
        raise StoreError(f"unknown store scheme {scheme!r} (known: {known})", source=url)
    # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them
    return backend(rest[1:] if rest.startswith("/") else rest)


__all__ = [
    "BACKENDS",
    "ClaimRecord",
    "DocEntityRow",
    "EntityRecord",
    "Judgement",
    "Resolution",
    "RoleRef",
    "Store",
    "open_store",
]
