"""How an analyst's merge or split names the entities it is about, stably.

Resolved entity ids are hashes of a cluster's type and chosen name, so they can change
when new reports arrive (a cluster may pick a longer name, or two clusters may join).
A judgement therefore stores a **reference** instead of an id: ``"Type:name key"`` of
the entity's name at the time of the decision, e.g. ``"Organization:iemz kupol"``. It
applies to whichever cluster holds a document entity of that type whose name or alias
folds to that key — which stays true however many documents arrive later.

Judgements written with a bare entity id (``ent-...``) are still honoured: they apply to
the automatic cluster that would carry that id.
"""

from __future__ import annotations

from sanctrace.resolve.keys import name_key
from sanctrace.store.base import EntityRecord


def entity_ref(entity: EntityRecord) -> str:
    """The stable reference a judgement stores for ``entity``."""
    return make_ref(entity.type, entity.name)


def make_ref(type_: str, name: str) -> str:
    return f"{type_}:{name_key(name)}"


def parse_ref(ref: str) -> tuple[str, str] | None:
    """(type, name key) of a reference, or None when ``ref`` is an entity id."""
    if ref.startswith("ent-") or ":" not in ref:
        return None
    type_, _, key = ref.partition(":")
    return type_, key
