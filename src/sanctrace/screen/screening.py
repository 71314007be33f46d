"""Screening as the CLI and API use it: the index of a store's lists, cached on disk.

Building the index over the real lists takes seconds, so it is pickled next to the store
(``<db>.screen-index/<signature>.pkl``), keyed by the sha256 of every loaded list
version; loading a new list version changes the key and the next screening rebuilds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from sanctrace.errors import NotFoundError, StoreError
from sanctrace.model import ScreenMatch
from sanctrace.screen.index import Hit, NameIndex, build_index
from sanctrace.screen.lists.common import country_code
from sanctrace.settings import get_settings
from sanctrace.store.base import Store

SKIP_TYPES = frozenset({"Location", "Group", "Product"})
SCHEMA_OF_TYPE = {"Person": "Person", "Organization": "Organization",
                  "PublicBody": "PublicBody", "Company": "Company", "Vessel": "Vessel"}


def signature(store: Store) -> str:
    """A key for the set of list versions in the store."""
    metas = sorted(f"{m.key}:{m.sha256}:{m.count}" for m in store.lists())
    return hashlib.sha256("\n".join(metas).encode()).hexdigest()


def cache_dir(store: Store) -> Path | None:
    path = getattr(store, "path", None)
    if not isinstance(path, Path):
        return None
    return path.with_name(path.name + ".screen-index")


def load_index(store: Store, use_cache: bool = True) -> NameIndex:
    """The index over every designation in ``store``, from the cache when it is current."""
    sig = signature(store)
    if sig == hashlib.sha256(b"").hexdigest():
        raise NotFoundError("no sanctions lists loaded; run `sanctrace lists load FILE...` first")
    folder = cache_dir(store) if use_cache else None
    cached = folder / f"{sig[:24]}.pkl" if folder is not None else None
    if cached is not None and cached.exists():
        try:
            index = NameIndex.load(cached)
            if index.signature == sig:
                return index
        except StoreError:
            pass  # a stale or damaged cache is rebuilt, never trusted
    index = build_index(store.designations(), signature=sig)
    if folder is not None and cached is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.pkl"):
                old.unlink()
            index.save(cached)
        except OSError:
            pass  # a read-only location only costs the rebuild next time
    return index


def to_match(hit: Hit) -> ScreenMatch:
    return ScreenMatch(
        list=hit.list,
        list_id=hit.list_id,
        name=hit.name,
        score=hit.score,
        programs=hit.programs,
        explanation=hit.explanation,
        matched_alias=hit.matched_alias,
    )


def screen_name(
    index: NameIndex,
    name: str,
    type: str | None = None,
    countries: Iterable[str] = (),
    threshold: float | None = None,
    limit: int = 20,
) -> list[ScreenMatch]:
    """Designations matching one name at or above the threshold, best first."""
    if threshold is None:
        threshold = get_settings().match_threshold
    codes = [c for c in (country_code(x) for x in countries) if c]
    schema = SCHEMA_OF_TYPE.get(type) if type is not None else None
    hits = index.search(name, schema=schema, countries=codes, limit=limit, threshold=threshold)
    return [to_match(h) for h in hits]


def screen_entities(
    store: Store, index: NameIndex, threshold: float | None = None
) -> tuple[dict[str, list[ScreenMatch]], dict[str, str]]:
    """Screen every stored actor under each of its names; (matches by entity, entity types).

    Places, groups and products are not screened: lists designate actors.
    """
    results: dict[str, list[ScreenMatch]] = {}
    types: dict[str, str] = {}
    for entity in store.entities():
        if entity.type in SKIP_TYPES:
            continue
        types[entity.id] = entity.type
        best: dict[tuple[str, str], ScreenMatch] = {}
        for name in dict.fromkeys([entity.name, *entity.aliases]):
            for match in screen_name(index, name, entity.type, entity.countries, threshold):
                key = (match.list, match.list_id)
                if key not in best or match.score > best[key].score:
                    best[key] = match
        results[entity.id] = sorted(best.values(), key=lambda m: (-m.score, m.list, m.list_id))
    return results, types
