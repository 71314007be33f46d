"""Cluster document entities into resolved entities, then apply analyst judgements.

Automatic rules, in order; every one is a dictionary lookup (blocking by key), so the
whole pass is linear in the number of document entities:

1. **Same name.** Document entities of compatible types whose name or proper alias share a
   core key (case, punctuation and legal form folded) are one actor. Unnamed groups
   ("Chinese drone experts") have only descriptions, so every alias counts, with counts
   such as "two" dropped. A full name of two or more distinctive words joins across
   Organization, Person and Location, since extractors mistype actors between reports.
2. **Same designation.** Document entities that screened to the same single designation
   are one actor.
3. **Short form.** A cluster known only by a short form ("Kupol") joins the one cluster
   whose longer name starts or ends with it ("IEMZ Kupol") — only when exactly one such
   cluster exists; "Vektor" beside both "TSK Vektor" and "AO NII Vektor" stays apart.

Clusters that match *different* designations are never joined by rules 1-3.

Judgements win: a ``split`` takes the cluster its reference names apart into one entity
per distinct name (documents that use the very same name stay together) and keeps those
parts out of automatic joins; a ``merge`` joins the two clusters its references name,
whatever the rules said. Splits apply before merges, each in the order they were made.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from functools import lru_cache

from sanctrace.model import make_id
from sanctrace.resolve.judgements import parse_ref
from sanctrace.resolve.keys import (
    core_key,
    generic_tokens,
    group_key,
    is_proper,
    name_key,
    short_forms,
)
from sanctrace.store.base import DocEntityRow, EntityRecord, Judgement, Resolution

Member = tuple[str, str]

# Types that may be one actor: extractors disagree on Organization vs PublicBody.
TYPE_CLASS: dict[str, str] = {
    "Organization": "org",
    "PublicBody": "org",
    "Person": "person",
    "Location": "place",
    "Product": "product",
    "Group": "group",
}


# Extractors mistype actors ("Hunan Haotianyi" as a Person in one report, an Organization
# in another); a full, distinctive name joins across these classes (rule 1b).
ACTOR_CLASSES = frozenset({"org", "person", "place"})
# Which type a cluster takes when its reports disagree evenly.
TYPE_PREFERENCE = ("Organization", "PublicBody", "Person", "Location", "Product", "Group")


@lru_cache(maxsize=500_000)
def _distinctive(core: str) -> bool:
    """Two or more words, not all of them generic: "hunan haotianyi", not "hong kong"."""
    tokens = core.split()
    return len(tokens) >= 2 and not all(t in generic_tokens() for t in tokens)


class _Clusters:
    """Union-find over row indices that keeps each cluster's designations apart."""

    def __init__(self, n: int, designations: list[frozenset[str]]) -> None:
        self.parent = list(range(n))
        self.designations = list(designations)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        da, db = self.designations[ra], self.designations[rb]
        if not force and da and db and not (da & db):
            return False  # two different listed actors are never one entity
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.designations[ra] = da | db
        return True


def _class(row: DocEntityRow) -> str:
    return TYPE_CLASS.get(row.type, row.type)


def _names(row: DocEntityRow) -> list[str]:
    if _class(row) == "group":  # a group has only descriptions: every one identifies it
        return [row.name, *row.aliases]
    return [row.name, *(a for a in row.aliases if is_proper(a))]


def _core(row: DocEntityRow, name: str) -> str:
    return group_key(name) if _class(row) == "group" else core_key(name)


def _auto(
    rows: list[DocEntityRow],
    designations: list[frozenset[str]],
    frozen: set[int],
) -> _Clusters:
    """Rules 1-3 over every row not in ``frozen``; frozen rows join only their exact name."""
    uf = _Clusters(len(rows), designations)
    first: dict[tuple[str, str], int] = {}
    exact: dict[tuple[str, str], int] = {}
    cores: list[list[str]] = [[] for _ in rows]
    for i, row in enumerate(rows):
        cls = _class(row)
        if i in frozen:
            uf.union(exact.setdefault((cls, name_key(row.name)), i), i)
            continue
        for name in _names(row):
            core = _core(row, name)
            if core:
                cores[i].append(core)
                uf.union(first.setdefault((cls, core), i), i)
                if cls in ACTOR_CLASSES and _distinctive(core):
                    uf.union(first.setdefault(("actor", core), i), i)
    # rule 2: one designation, one actor
    by_designation: dict[str, int] = {}
    for i, found in enumerate(designations):
        if i in frozen or len(found) != 1:
            continue
        (only,) = found
        uf.union(by_designation.setdefault(only, i), i)
    # rule 3: a cluster known only by short names (at most two words) joins the single
    # cluster whose longer name starts or ends with one of them; decided on a snapshot
    long_names: dict[tuple[str, str], set[int]] = defaultdict(set)
    short_keys: dict[int, set[tuple[str, str]]] = defaultdict(set)
    too_long: set[int] = set()
    for i, row in enumerate(rows):
        cls = _class(row)
        if i in frozen or cls == "group":  # descriptions have no short forms
            continue
        root = uf.find(i)
        for core in cores[i]:
            for short in short_forms(core):
                long_names[(cls, short)].add(root)
            if core.count(" ") >= 2:
                too_long.add(root)
            else:
                short_keys[root].add((cls, core))
    joins = []
    for root, keys in sorted(short_keys.items()):
        if root in too_long:
            continue
        others: set[int] = set()
        for key in keys:
            others |= {uf.find(o) for o in long_names.get(key, ())}
        others.discard(root)
        if len(others) == 1:
            joins.append((root, others.pop()))
    for a, b in joins:
        uf.union(a, b)
    return uf


def _rows_by_ref(rows: list[DocEntityRow]) -> dict[tuple[str, str], tuple[int, int]]:
    """(type, name key) -> the first row so named, preferring names over aliases."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for i, row in enumerate(rows):
        for rank, names in ((0, [row.name]), (1, row.aliases)):
            for name in names:
                key = (row.type, name_key(name))
                if key not in out or (rank, i) < out[key]:
                    out[key] = (rank, i)
    return out


def _targets(
    ref: str,
    rows: list[DocEntityRow],
    by_ref: dict[tuple[str, str], tuple[int, int]],
    uf: _Clusters,
    auto_ids: dict[str, int] | None,
) -> int | None:
    """The row (any member) of the cluster a judgement reference names, if present."""
    parsed = parse_ref(ref)
    if parsed is None:
        return auto_ids.get(ref) if auto_ids is not None else None
    hit = by_ref.get(parsed)
    return hit[1] if hit is not None else None


def build_resolution(
    rows: list[DocEntityRow],
    judgements: list[Judgement],
    designations: Mapping[Member, Collection[str]] | None = None,
) -> Resolution:
    """The whole assignment; deterministic for the same rows, judgements and designations.

    ``designations`` maps a document entity to the designation ids ("ofac:46431") its
    name screened to; without it resolution goes by names alone.
    """
    rows = sorted(rows, key=lambda r: (r.doc_id, r.local_id))
    found = [frozenset((designations or {}).get((r.doc_id, r.local_id), ())) for r in rows]
    uf = _auto(rows, found, set())
    by_ref = _rows_by_ref(rows) if judgements else {}
    needs_ids = any(parse_ref(j.a) is None or (j.b and parse_ref(j.b) is None) for j in judgements)
    auto_ids = _cluster_ids(rows, uf) if needs_ids else None

    frozen: set[int] = set()
    for j in judgements:
        if j.kind != "split":
            continue
        target = _targets(j.a, rows, by_ref, uf, auto_ids)
        if target is not None:
            root = uf.find(target)
            frozen.update(i for i in range(len(rows)) if uf.find(i) == root)
    if frozen:
        uf = _auto(rows, found, frozen)
    for j in judgements:
        if j.kind != "merge" or j.b is None:
            continue
        a = _targets(j.a, rows, by_ref, uf, auto_ids)
        b = _targets(j.b, rows, by_ref, uf, auto_ids)
        if a is not None and b is not None:
            uf.union(a, b, force=True)
    return _assemble(rows, uf)


def _groups(rows: list[DocEntityRow], uf: _Clusters) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[uf.find(i)].append(i)
    return groups


def _cluster_ids(rows: list[DocEntityRow], uf: _Clusters) -> dict[str, int]:
    """Entity id -> a member row, as the automatic clustering names its clusters."""
    out: dict[str, int] = {}
    for record, members in _records(rows, uf):
        out[record.id] = members[0]
    return out


def _records(rows: list[DocEntityRow], uf: _Clusters) -> list[tuple[EntityRecord, list[int]]]:
    out = []
    used: set[str] = set()
    for _root, members in sorted(_groups(rows, uf).items()):
        record = _record([rows[i] for i in members])
        if record.id in used:  # same type and name as another cluster: tell them apart
            first = rows[members[0]]
            record.id = make_id(
                "ent", record.type, name_key(record.name), first.doc_id, first.local_id
            )
        used.add(record.id)
        out.append((record, members))
    return out


def _assemble(rows: list[DocEntityRow], uf: _Clusters) -> Resolution:
    entities: list[EntityRecord] = []
    members: dict[Member, str] = {}
    for record, group in _records(rows, uf):
        entities.append(record)
        for i in group:
            members[(rows[i].doc_id, rows[i].local_id)] = record.id
    entities.sort(key=lambda e: e.id)
    return Resolution(entities=entities, members=members)


def _record(group: list[DocEntityRow]) -> EntityRecord:
    names = Counter(r.name for r in group)
    # a proper name first, then the most frequent, then the longest: "IEMZ Kupol" over "Kupol"
    name = max(names, key=lambda n: (is_proper(n), names[n], len(n), n))
    types = Counter(r.type for r in group)
    rank = {t: -i for i, t in enumerate(TYPE_PREFERENCE)}
    etype = max(types, key=lambda t: (types[t], rank.get(t, -99), t))
    aliases: list[str] = []
    seen = {name}
    for r in group:
        for alias in [r.name, *r.aliases]:
            if alias not in seen:
                seen.add(alias)
                aliases.append(alias)
    return EntityRecord(
        id=make_id("ent", etype, name_key(name)),
        name=name,
        type=etype,
        aliases=aliases,
        documents=len({r.doc_id for r in group}),
        mentions=sum(r.mentions for r in group),
    )
