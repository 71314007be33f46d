"""Cluster document entities into resolved entities, then apply analyst judgements.

Automatic rule: two document entities of compatible types are one entity when any of
their proper names (name or proper aliases) fold to the same key. Judgements win: a
``merge`` joins two entities' clusters; a ``split`` keeps an entity's members apart from
everything they were joined to automatically.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sanctrace.model import make_id
from sanctrace.resolve.keys import is_proper, name_key
from sanctrace.store.base import DocEntityRow, EntityRecord, Judgement, Resolution, Store

Member = tuple[str, str]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Member, Member] = {}

    def find(self, x: Member) -> Member:
        parent = self.parent.setdefault(x, x)
        while parent != x:
            grand = self.parent.setdefault(parent, parent)
            self.parent[x] = grand
            x, parent = parent, grand
        return x

    def union(self, a: Member, b: Member) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _keys(row: DocEntityRow) -> set[str]:
    names = [row.name, *(a for a in row.aliases if is_proper(a))]
    return {k for k in (name_key(n) for n in names) if k}


def _entity_id(row_type: str, name: str) -> str:
    return make_id("ent", row_type, name_key(name))


def build_resolution(rows: list[DocEntityRow], judgements: list[Judgement]) -> Resolution:
    """The whole assignment; deterministic for the same rows and judgements."""
    uf = _UnionFind()
    by_key: dict[tuple[str, str], Member] = {}
    for row in rows:
        member = (row.doc_id, row.local_id)
        uf.find(member)
        for key in _keys(row):
            first = by_key.setdefault((row.type, key), member)
            if first != member:
                uf.union(first, member)

    # Entity ids as an automatic clustering would name them, for judgements to refer to.
    row_of = {(r.doc_id, r.local_id): r for r in rows}
    split_members: set[Member] = set()
    for j in judgements:
        if j.kind == "split":
            split_members.update(m for m in row_of if _auto_id(uf, row_of, m) == j.a)
    if split_members:
        uf = _rebuild_without(rows, split_members, by_key)
    for j in judgements:
        if j.kind == "merge" and j.b is not None:
            a = _first_member(uf, row_of, j.a)
            b = _first_member(uf, row_of, j.b)
            if a is not None and b is not None:
                uf.union(a, b)

    clusters: dict[Member, list[DocEntityRow]] = defaultdict(list)
    for row in rows:
        clusters[uf.find((row.doc_id, row.local_id))].append(row)
    entities: list[EntityRecord] = []
    members: dict[Member, str] = {}
    for group in clusters.values():
        record = _record(group)
        entities.append(record)
        for row in group:
            members[(row.doc_id, row.local_id)] = record.id
    entities.sort(key=lambda e: e.id)
    return Resolution(entities=entities, members=members)


def _record(group: list[DocEntityRow]) -> EntityRecord:
    names = Counter(r.name for r in group)
    # the most frequent name, then the longest: "IEMZ Kupol" over "Kupol"
    name = max(names, key=lambda n: (names[n], len(n), n))
    types = Counter(r.type for r in group)
    etype = max(types, key=lambda t: (types[t], t))
    aliases: list[str] = []
    for r in group:
        for alias in [r.name, *r.aliases]:
            if alias != name and alias not in aliases:
                aliases.append(alias)
    return EntityRecord(
        id=_entity_id(etype, name),
        name=name,
        type=etype,
        aliases=aliases,
        documents=len({r.doc_id for r in group}),
        mentions=sum(r.mentions for r in group),
    )


def _auto_id(uf: _UnionFind, row_of: dict[Member, DocEntityRow], member: Member) -> str:
    root = uf.find(member)
    group = [row_of[m] for m in row_of if uf.find(m) == root]
    return _record(group).id


def _first_member(
    uf: _UnionFind, row_of: dict[Member, DocEntityRow], entity_id: str
) -> Member | None:
    for member in sorted(row_of):
        if _auto_id(uf, row_of, member) == entity_id:
            return member
    return None


def _rebuild_without(
    rows: list[DocEntityRow], isolated: set[Member], by_key: dict[tuple[str, str], Member]
) -> _UnionFind:
    """Cluster again with the split entity's members kept apart from the rest and each other."""
    uf = _UnionFind()
    first: dict[tuple[str, str], Member] = {}
    for row in rows:
        member = (row.doc_id, row.local_id)
        uf.find(member)
        if member in isolated:
            continue
        for key in _keys(row):
            seen = first.setdefault((row.type, key), member)
            if seen != member:
                uf.union(seen, member)
    return uf


def resolve(store: Store) -> Resolution:
    """Recompute and save the resolution of every document entity in the store."""
    resolution = build_resolution(store.doc_entities(), store.judgements())
    store.save_resolution(resolution)
    return resolution


def ensure_resolved(store: Store) -> None:
    """Resolve only when documents were added since the last resolution."""
    if not store.resolution_fresh():
        resolve(store)
