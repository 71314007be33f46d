"""The supply network: claims aggregated into edges between resolved entities.

Built once from the store (``assemble.load_network``) and then queried many times, so it
is laid out for lookups: entities and claims are numbered, every per-claim attribute is a
flat list indexed by claim number, and adjacency is a list of edge numbers per entity.
Plain lists beat a graph library here: the queries (bounded path search, one reverse
breadth-first pass) touch few nodes, and building a million-claim network stays a
single linear pass. Whole-network questions (the candidate ranking) read the same claims
as flat numpy arrays (``arrays.py``), built once at the end of that pass.

Two views of the same claims:

- **facts** group claims that state the same thing — predicate, subject, object, and
  whether they deny it — across reports; corroboration counts reports and lineages per
  fact;
- **route edges** carry goods or control toward the sanctioned end (``network.json``):
  ``supplied`` subject -> object, or supplier -> via and via -> recipient hops when the
  claim names an intermediary; ``front_for``, ``subsidiary_of`` forward, ``owns``
  backward. Negated claims are not evidence and make no edges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sanctrace.graph.arrays import NetworkArrays, compact
from sanctrace.graph.lineage import Lineages, settings
from sanctrace.model import ScreenMatch
from sanctrace.store.base import ClaimRow, EntityRecord

# How a claim produced a route edge.
DIRECT, TO_VIA, FROM_VIA = "direct", "to intermediary", "from intermediary"


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


@dataclass(slots=True)
class Network:
    """Numbered entities, claims, facts and route edges; see the module docstring."""

    entity_ids: list[str]
    names: list[str]
    types: list[str]
    index: dict[str, int]
    # claims, one slot per claim number
    claim_ids: list[str] = field(default_factory=list)
    predicate: list[str] = field(default_factory=list)
    subject: list[int] = field(default_factory=list)
    object: list[int] = field(default_factory=list)
    via: list[int] = field(default_factory=list)
    item: list[int] = field(default_factory=list)
    hedged: list[bool] = field(default_factory=list)
    negated: list[bool] = field(default_factory=list)
    doc: list[str] = field(default_factory=list)
    time: list[tuple[str | None, str | None]] = field(default_factory=list)
    published: list[str | None] = field(default_factory=list)
    fact: list[int] = field(default_factory=list)
    claim_index: dict[str, int] = field(default_factory=dict)
    # facts
    fact_key: list[tuple[str, int, int, bool]] = field(default_factory=list)
    fact_index: dict[tuple[str, int, int, bool], int] = field(default_factory=dict)
    fact_claims: list[list[int]] = field(default_factory=list)
    fact_documents: list[int] = field(default_factory=list)
    fact_lineages: list[int] = field(default_factory=list)
    # per entity: claims it takes part in; route edges out of and into it
    claims_of: list[list[int]] = field(default_factory=list)
    out_edges: list[list[int]] = field(default_factory=list)
    in_edges: list[list[int]] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    edge_src: list[int] = field(default_factory=list)
    edge_dst: list[int] = field(default_factory=list)
    # product -> the claims that say who produced or developed it
    made_by: dict[int, list[int]] = field(default_factory=dict)
    # answers that depend only on the network (candidate ranking, edge strengths)
    cache: dict[str, Any] = field(default_factory=dict)
    # sanctions: designations from screening, claims that report a sanction
    designations: dict[int, list[ScreenMatch]] = field(default_factory=dict)
    reported: dict[int, list[int]] = field(default_factory=dict)
    lineages: Lineages | None = None
    # the same claims and edges as flat arrays, for whole-network passes (``arrays.py``)
    arrays: NetworkArrays | None = None

    def sanctioned(self, node: int) -> bool:
        return node in self.designations or node in self.reported

    def lineage_of(self, claim: int) -> str:
        doc = self.doc[claim]
        return self.lineages.of(doc) if self.lineages is not None else doc

    def corroboration(self, claim: int) -> tuple[int, int]:
        """(reports, independent lineages) that state this claim's fact."""
        f = self.fact[claim]
        return self.fact_documents[f], self.fact_lineages[f]


def build_network(
    entities: Iterable[EntityRecord],
    rows: Iterable[ClaimRow],
    screening: dict[str, list[ScreenMatch]],
    lineages: Lineages | None = None,
) -> Network:
    """Assemble the network in one pass over the claims."""
    ids, names, types = [], [], []
    for e in entities:
        ids.append(e.id)
        names.append(e.name)
        types.append(e.type)
    net = Network(ids, names, types, {eid: i for i, eid in enumerate(ids)}, lineages=lineages)
    n = len(ids)
    net.claims_of = [[] for _ in range(n)]
    net.out_edges = [[] for _ in range(n)]
    net.in_edges = [[] for _ in range(n)]
    directions: dict[str, str] = settings()["route_edges"]
    index = net.index
    facts = net.fact_index
    edge_at: dict[tuple[int, int, str], int] = {}
    intern: dict[str, str] = {}

    def add_edge(src: int, dst: int, predicate: str, claim: int, role: str) -> None:
        if src < 0 or dst < 0 or src == dst:
            return
        key = (src, dst, predicate)
        e = edge_at.get(key)
        if e is None:
            e = edge_at[key] = len(net.edges)
            net.edges.append(Edge(src, dst, predicate))
            net.out_edges[src].append(e)
            net.in_edges[dst].append(e)
        edge = net.edges[e]
        edge.claims.append(claim)
        edge.roles.append(role)

    for row in rows:
        c = len(net.claim_ids)
        pred = intern.setdefault(row.predicate, row.predicate)
        s = index.get(row.subject, -1) if row.subject else -1
        o = index.get(row.object, -1) if row.object else -1
        v = index.get(row.via, -1) if row.via else -1
        it = index.get(row.item, -1) if row.item else -1
        net.claim_ids.append(row.id)
        net.claim_index[row.id] = c
        net.predicate.append(pred)
        net.subject.append(s)
        net.object.append(o)
        net.via.append(v)
        net.item.append(it)
        net.hedged.append(row.hedged)
        net.negated.append(row.negated)
        net.doc.append(row.doc_id)
        net.time.append((row.time_start, row.time_end))
        net.published.append(row.published)
        fkey = (pred, s, o, row.negated)
        f = facts.get(fkey)
        if f is None:
            f = facts[fkey] = len(net.fact_key)
            net.fact_key.append(fkey)
            net.fact_claims.append([])
        net.fact_claims[f].append(c)
        net.fact.append(f)
        for node in {s, o, v, it}:
            if node >= 0:
                net.claims_of[node].append(c)
        if row.negated:
            continue
        if pred == "sanctioned_by" and s >= 0:
            net.reported.setdefault(s, []).append(c)
        elif (pred == "produced" or pred == "developed") and o >= 0:
            net.made_by.setdefault(o, []).append(c)
        direction = directions.get(pred)
        if direction is None:
            continue
        src, dst = (s, o) if direction == "forward" else (o, s)
        if pred == "supplied" and v >= 0:
            add_edge(s, v, pred, c, TO_VIA)
            add_edge(v, o, pred, c, FROM_VIA)
        else:
            add_edge(src, dst, pred, c, DIRECT)

    net.edge_src = [e.src for e in net.edges]
    net.edge_dst = [e.dst for e in net.edges]
    for members in net.fact_claims:
        docs = {net.doc[c] for c in members}
        net.fact_documents.append(len(docs))
        net.fact_lineages.append(len({lineages.of(d) for d in docs}) if lineages else len(docs))
    for eid, matches in screening.items():
        found = index.get(eid)
        if found is not None and matches:
            net.designations[found] = matches
    net.arrays = compact(net)
    return net
