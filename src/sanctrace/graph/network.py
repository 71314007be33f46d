"""The supply network: claims aggregated into edges between resolved entities.

Built once from the store (``assemble.load_network``) and then queried many times, so it
is laid out for lookups: entities and claims are numbered, every per-claim attribute is a
flat list indexed by claim number, and everything that is a list per entity, fact or
edge (an entity's claims, its in- and out-edges, a fact's claims, an edge's claims) is
one :class:`~sanctrace.graph.arrays.Csr` over numpy arrays. Plain lists and arrays beat
a graph library here: the queries (bounded path search, one reverse breadth-first pass)
touch few nodes, and the whole network is a few dozen Python objects, however many
claims it holds, so Python's garbage collector has nothing to walk.

Building is one pass over the claims that only appends numbers to flat lists; facts and
edges are then numbered and grouped with numpy sorts.

Two views of the same claims:

- **facts** group claims that state the same thing — predicate, subject, object, and
  whether they deny it — across reports; corroboration counts reports and lineages per
  fact;
- **route edges** carry goods or control toward the sanctioned end (``network.json``):
  ``supplied`` subject -> object, or supplier -> via and via -> recipient hops when the
  claim names an intermediary; ``front_for``, ``subsidiary_of`` forward, ``owns``
  backward. Negated claims are not evidence and make no edges. Edges are numbered in
  the order their first claim appears.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from sanctrace.graph.arrays import (
    Csr,
    Ints,
    Longs,
    NetworkArrays,
    codes,
    first_appearance,
    ints,
    plain,
    unique,
)
from sanctrace.graph.lineage import Lineages, settings
from sanctrace.model import ScreenMatch
from sanctrace.store.base import ClaimRow, EntityRecord

# How a claim produced a route edge.
DIRECT, TO_VIA, FROM_VIA = "direct", "to intermediary", "from intermediary"
ROLES = (DIRECT, TO_VIA, FROM_VIA)


@dataclass(slots=True)
class Edge:
    """All claims that one entity passes goods or control to another, by one predicate."""

    src: int
    dst: int
    predicate: str
    claims: list[int] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # DIRECT / TO_VIA / FROM_VIA per claim

    @property
    def via_hop(self) -> bool:
        return any(r != DIRECT for r in self.roles)


class Edges:
    """The route edges; ``edges[e]`` is an :class:`Edge` made on request."""

    __slots__ = ("claims", "predicate", "predicates", "roles", "src", "dst")

    def __init__(
        self, src: array[int], dst: array[int], predicate: Ints, predicates: tuple[str, ...],
        claims: Csr, roles: Csr,
    ) -> None:  # fmt: skip
        self.src, self.dst, self.predicate, self.predicates = src, dst, predicate, predicates
        self.claims, self.roles = claims, roles

    def __getitem__(self, e: int) -> Edge:
        roles = [ROLES[r] for r in self.roles[e]]
        name = self.predicates[int(self.predicate[e])]
        return Edge(self.src[e], self.dst[e], name, self.claims[e], roles)

    def __len__(self) -> int:
        return len(self.src)


class Periods:
    """``time[c]``: the (start, end) a claim dates its event to, as ISO dates or None."""

    __slots__ = ("end", "start")

    def __init__(self, start: tuple[str | None, ...], end: tuple[str | None, ...]) -> None:
        self.start, self.end = start, end

    def __getitem__(self, c: int) -> tuple[str | None, str | None]:
        return self.start[c], self.end[c]

    def __len__(self) -> int:
        return len(self.start)


@dataclass(slots=True)
class Network:
    """Numbered entities, claims, facts and route edges; see the module docstring."""

    entity_ids: tuple[str, ...]
    names: tuple[str, ...]
    types: tuple[str, ...]
    index: dict[str, int]
    # claims, one slot per claim number
    claim_ids: tuple[str, ...]
    claim_index: dict[str, int]
    predicate: tuple[str, ...]
    subject: array[int]  # entity numbers, -1 for none (array.array: see arrays.plain)
    object: array[int]
    via: array[int]
    item: array[int]
    hedged: tuple[bool, ...]
    negated: tuple[bool, ...]
    doc: tuple[str, ...]
    time: Periods
    published: tuple[str | None, ...]
    # facts: per claim its fact; per fact its claims, reports and independent lineages
    fact: array[int]
    fact_keys: Longs  # sorted packed keys, fact number = position (see fact_of)
    fact_claims: Csr
    fact_documents: array[int]
    fact_lineages: array[int]
    # per entity: claims it takes part in; route edges out of and into it
    claims_of: Csr
    out_edges: Csr
    in_edges: Csr
    edges: Edges
    edge_src: array[int]
    edge_dst: array[int]
    # product -> the claims that say who produced or developed it
    made_by: dict[int, tuple[int, ...]]
    # sanctions: designations from screening, claims that report a sanction
    designations: dict[int, list[ScreenMatch]]
    reported: dict[int, tuple[int, ...]]
    lineages: Lineages | None
    # the same claims and edges as flat arrays, for whole-network passes
    arrays: NetworkArrays
    # answers that depend only on the network (candidate ranking, edge strengths)
    cache: dict[str, Any] = field(default_factory=dict)

    def sanctioned(self, node: int) -> bool:
        return node in self.designations or node in self.reported

    def lineage_of(self, claim: int) -> str:
        doc = self.doc[claim]
        return self.lineages.of(doc) if self.lineages is not None else doc

    def corroboration(self, claim: int) -> tuple[int, int]:
        """(reports, independent lineages) that state this claim's fact."""
        f = self.fact[claim]
        return self.fact_documents[f], self.fact_lineages[f]

    def fact_key(self, fact: int) -> tuple[str, int, int, bool]:
        """(predicate, subject, object, negated) that every claim of the fact shares."""
        c = int(self.fact_claims.values[self.fact_claims.ptr[fact]])
        return self.predicate[c], self.subject[c], self.object[c], self.negated[c]

    def fact_of(self, predicate: str, subject: int, obj: int, negated: bool) -> int | None:
        """The fact with this key, if any claim states it."""
        code = self.arrays.predicate_code(predicate)
        if code < 0:
            return None
        key = _fact_key(np.int64(code), np.int64(subject), np.int64(obj), negated, len(self.names))
        at = int(np.searchsorted(self.fact_keys, key))
        return at if at < len(self.fact_keys) and self.fact_keys[at] == key else None


def _fact_key(pred: Any, s: Any, o: Any, negated: Any, n: int) -> Any:
    """(predicate code, subject, object, negated) packed into one int64 (-1 allowed)."""
    return ((pred * (n + 1) + s + 1) * (n + 1) + o + 1) * 2 + negated


class _Claims:
    """The per-claim lists the single pass over the rows fills."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.predicate: list[str] = []
        self.subject: list[int] = []
        self.object: list[int] = []
        self.via: list[int] = []
        self.item: list[int] = []
        self.hedged: list[bool] = []
        self.negated: list[bool] = []
        self.doc: list[str] = []
        self.start: list[str | None] = []
        self.end: list[str | None] = []
        self.published: list[str | None] = []
        # route edge rows: tail, head, predicate, claim, role (index into ROLES)
        self.e_src: list[int] = []
        self.e_dst: list[int] = []
        self.e_claim: list[int] = []
        self.e_role: list[int] = []
        self.made_by: dict[int, list[int]] = {}
        self.reported: dict[int, list[int]] = {}

    def edge(self, src: int, dst: int, claim: int, role: int) -> None:
        if src >= 0 and dst >= 0 and src != dst:
            self.e_src.append(src)
            self.e_dst.append(dst)
            self.e_claim.append(claim)
            self.e_role.append(role)


def _read(rows: Iterable[ClaimRow], index: dict[str, int]) -> _Claims:
    """One pass over the claims: numbers appended to flat lists, nothing else."""
    directions: dict[str, str] = settings()["route_edges"]
    out = _Claims()
    intern: dict[str, str] = {}
    for row in rows:
        c = len(out.ids)
        pred = intern.setdefault(row.predicate, row.predicate)
        s = index.get(row.subject, -1) if row.subject else -1
        o = index.get(row.object, -1) if row.object else -1
        v = index.get(row.via, -1) if row.via else -1
        out.ids.append(row.id)
        out.predicate.append(pred)
        out.subject.append(s)
        out.object.append(o)
        out.via.append(v)
        out.item.append(index.get(row.item, -1) if row.item else -1)
        out.hedged.append(row.hedged)
        out.negated.append(row.negated)
        out.doc.append(row.doc_id)
        out.start.append(row.time_start)
        out.end.append(row.time_end)
        out.published.append(row.published)
        if row.negated:
            continue
        if pred == "sanctioned_by" and s >= 0:
            out.reported.setdefault(s, []).append(c)
        elif (pred == "produced" or pred == "developed") and o >= 0:
            out.made_by.setdefault(o, []).append(c)
        direction = directions.get(pred)
        if direction is None:
            continue
        if pred == "supplied" and v >= 0:
            out.edge(s, v, c, 1)
            out.edge(v, o, c, 2)
        elif direction == "forward":
            out.edge(s, o, c, 0)
        else:
            out.edge(o, s, c, 0)
    return out


def _count_distinct(
    groups: Longs, values: npt.NDArray[np.integer[Any]], n_groups: int
) -> array[int]:
    """Per group, how many distinct values its rows carry."""
    width = int(values.max(initial=0)) + 1
    pairs = unique(groups * width + values)
    return plain(np.bincount(pairs // width, minlength=n_groups))


def build_network(
    entities: Iterable[EntityRecord],
    rows: Iterable[ClaimRow],
    screening: dict[str, list[ScreenMatch]],
    lineages: Lineages | None = None,
) -> Network:
    """Assemble the network: one pass over the claims, then a few numpy sorts."""
    ids, names, types = [], [], []
    for e in entities:
        ids.append(e.id)
        names.append(e.name)
        types.append(e.type)
    index = {eid: i for i, eid in enumerate(ids)}
    n = len(ids)
    read = _read(rows, index)
    n_claims = len(read.ids)
    claim = np.arange(n_claims, dtype=np.int64)

    predicates, predicate = codes(read.predicate)
    subject, obj, via, item = (ints(x) for x in (read.subject, read.object, read.via, read.item))
    negated = np.asarray(read.negated, dtype=np.bool_)
    of = lineages.of if lineages is not None else (lambda d: d)
    doc_code: dict[str, int] = {}
    lineage_code: dict[str, int] = {}
    doc_lineage: list[int] = []
    for d in read.doc:
        if d not in doc_code:
            doc_code[d] = len(doc_code)
            doc_lineage.append(lineage_code.setdefault(of(d), len(lineage_code)))
    doc = np.fromiter((doc_code[d] for d in read.doc), dtype=np.int32, count=n_claims)
    lineage = np.asarray(doc_lineage, dtype=np.int32)[doc] if n_claims else doc

    # an entity's claims: every role it plays, each claim once
    role_node = np.concatenate((subject, obj, via, item)).astype(np.int64)
    role_claim = np.tile(claim, 4)
    keep = role_node >= 0
    pairs = unique(role_node[keep] * max(1, n_claims) + role_claim[keep])
    claims_of = Csr.group(pairs // max(1, n_claims), (pairs % max(1, n_claims)).astype(np.int32), n)

    # facts: claims with the same (predicate, subject, object, negated)
    keys = _fact_key(predicate.astype(np.int64), subject, obj, negated, n)
    fact_keys = unique(keys)
    fact = np.searchsorted(fact_keys, keys)
    n_facts = len(fact_keys)
    fact_claims = Csr.group(fact, claim.astype(np.int32), n_facts)

    # route edges: rows with the same (tail, head, predicate), numbered by first claim
    e_src, e_dst = np.asarray(read.e_src, np.int64), np.asarray(read.e_dst, np.int64)
    e_claim = np.asarray(read.e_claim, np.int32)
    e_pred = predicate[e_claim].astype(np.int64)
    edge_of, first = first_appearance((e_src * n + e_dst) * len(predicates) + e_pred)
    n_edges = len(first)
    src, dst = e_src[first].astype(np.int32), e_dst[first].astype(np.int32)
    edge_claims = Csr.group(edge_of, e_claim, n_edges)
    edge_roles = Csr.group(edge_of, np.asarray(read.e_role, np.int8), n_edges)
    out_edges = Csr.group(src, np.arange(n_edges, dtype=np.int32), n)
    in_edges = Csr.group(dst, np.arange(n_edges, dtype=np.int32), n)

    type_names, entity_type = codes(types)
    designations = {}
    for eid, matches in screening.items():
        found = index.get(eid)
        if found is not None and matches:
            designations[found] = matches
    arrays = NetworkArrays(
        predicates=predicates,
        types=type_names,
        entity_type=entity_type,
        predicate=predicate,
        subject=subject,
        object=obj,
        via=via,
        item=item,
        hedged=np.asarray(read.hedged, dtype=np.bool_),
        negated=negated,
        lineage=lineage.astype(np.int32),
        edge_src=src,
        edge_dst=dst,
        edge_claim_ptr=edge_claims.ptr,
        edge_claim=edge_claims.values,
        in_ptr=in_edges.ptr,
        in_edge=in_edges.values,
    )
    edge_src, edge_dst = plain(src), plain(dst)
    # Tuples, not lists: a tuple of strings, numbers or None leaves the garbage collector's
    # view at the first collection that sees it, so a full collection never walks them.
    return Network(
        entity_ids=tuple(ids),
        names=tuple(names),
        types=tuple(types),
        index=index,
        claim_ids=tuple(read.ids),
        claim_index=dict(zip(read.ids, range(n_claims), strict=True)),
        predicate=tuple(read.predicate),
        subject=plain(subject),
        object=plain(obj),
        via=plain(via),
        item=plain(item),
        hedged=tuple(read.hedged),
        negated=tuple(read.negated),
        doc=tuple(read.doc),
        time=Periods(tuple(read.start), tuple(read.end)),
        published=tuple(read.published),
        fact=plain(fact),
        fact_keys=fact_keys,
        fact_claims=fact_claims,
        fact_documents=_count_distinct(fact, doc, n_facts),
        fact_lineages=_count_distinct(fact, lineage, n_facts),
        claims_of=claims_of,
        out_edges=out_edges,
        in_edges=in_edges,
        edges=Edges(
            edge_src, edge_dst, e_pred[first].astype(np.int32), predicates, edge_claims, edge_roles
        ),  # fmt: skip
        edge_src=edge_src,
        edge_dst=edge_dst,
        made_by={k: tuple(v) for k, v in read.made_by.items()},
        designations=designations,
        reported={k: tuple(v) for k, v in read.reported.items()},
        lineages=lineages,
        arrays=arrays,
    )
