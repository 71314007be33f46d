"""Run resolution against a store: gather inputs, cluster, save, keep screening attached.

Designations feed resolution (same designation joins, different designations keep apart)
from the last screening: each screened entity's designations are handed down to its
document entities. Because entity ids can change when clusters change, the screening
results are then carried over to the new ids, so routes and candidates keep seeing who is
listed until the next ``sanctrace screen --all``.
"""

from __future__ import annotations

from collections import defaultdict

from sanctrace.model import ScreenMatch
from sanctrace.resolve.cluster import Member, build_resolution
from sanctrace.store.base import Resolution, Store


def designation_hints(
    screening: dict[str, list[ScreenMatch]], members: dict[Member, str]
) -> dict[Member, set[str]]:
    """Document entity -> the designation ids its resolved entity was screened to."""
    by_entity: dict[str, set[str]] = {
        eid: {f"{m.list}:{m.list_id}" for m in matches} for eid, matches in screening.items()
    }
    return {m: by_entity[e] for m, e in members.items() if e in by_entity}


def carry_screening(
    screening: dict[str, list[ScreenMatch]],
    old_members: dict[Member, str],
    resolution: Resolution,
) -> dict[str, list[ScreenMatch]]:
    """Screening results re-keyed to the entities that now hold the screened members."""
    moved: dict[str, set[str]] = defaultdict(set)
    for member, old in old_members.items():
        new = resolution.members.get(member)
        if new is not None and old in screening:
            moved[new].add(old)
    out: dict[str, list[ScreenMatch]] = {}
    for new, olds in moved.items():
        best: dict[tuple[str, str], ScreenMatch] = {}
        for old in sorted(olds):
            for m in screening[old]:
                key = (m.list, m.list_id)
                if key not in best or m.score > best[key].score:
                    best[key] = m
        out[new] = sorted(best.values(), key=lambda m: (-m.score, m.list, m.list_id))
    return out


def resolve(store: Store) -> Resolution:
    """Recompute and save the resolution of every document entity in the store."""
    screening = store.screening()
    old_members = store.member_map() if screening else {}
    hints = designation_hints(screening, old_members)
    resolution = build_resolution(store.doc_entities(), store.judgements(), hints)
    store.save_resolution(resolution)
    if screening:
        carried = carry_screening(screening, old_members, resolution)
        if carried != screening:
            store.save_screening(carried)
    return resolution


def ensure_resolved(store: Store) -> None:
    """Resolve only when documents were added since the last resolution."""
    if not store.resolution_fresh():
        resolve(store)
