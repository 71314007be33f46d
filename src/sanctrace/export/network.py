"""The network as sanctrace draws and exports it: actors as nodes, claims as edges.

One assembly serves the web page's graph, the GEXF/GraphML/CSV exports and the briefs,
so every picture of the network agrees. It is a drawing of *every* claim between two
actors (officers, collaborators, denials included), where ``sanctrace.graph`` keeps
only the edges that carry goods or control; status and corroboration come from
``sanctrace.graph`` so the two never disagree.

Claims that name both a subject and an object become edges; a claim with a ``via``
becomes the two hops of the route it describes (subject -> via -> object). Claims with
the same ends, predicate and polarity share one edge. Its ``weight`` is its
corroboration: the number of independent sources (report lineages: a rewrite of a story
counts once) that state it; ``documents`` counts the reports. A node is ``sanctioned``
when screening matched it to a designation or a report states its sanction,
``candidate`` when the network analysis ranks it as a designation candidate, and
``other`` otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx

from sanctrace.model import ScreenMatch, make_id
from sanctrace.store.base import ClaimRecord, EntityRecord, Store

STATUSES: tuple[str, ...] = ("sanctioned", "candidate", "other")


@dataclass(slots=True)
class Node:
    id: str
    name: str
    type: str
    status: str
    designations: list[ScreenMatch] = field(default_factory=list)
    reported: bool = False  # a report states its sanction (a sanctioned_by claim)
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    documents: int = 0


@dataclass(slots=True)
class Edge:
    id: str
    source: str
    target: str
    predicate: str
    negated: bool
    claims: list[ClaimRecord] = field(default_factory=list)
    via: bool = False  # a hop of a claim stated as "... via X"
    lineages: set[str] = field(default_factory=set)

    @property
    def documents(self) -> int:
        return len({c.doc_id for c in self.claims})

    @property
    def weight(self) -> int:
        """Independent sources that state this link (at least one per report lineage)."""
        return len(self.lineages) or self.documents

    @property
    def hedged(self) -> bool:
        """True when every claim behind the edge is hedged."""
        return all(c.claim.hedged for c in self.claims)


@dataclass(slots=True)
class Network:
    nodes: dict[str, Node]
    edges: list[Edge]

    def neighbourhood(self, entity_id: str, depth: int = 1) -> Network:
        """The part of the network within ``depth`` hops of one entity (either direction)."""
        keep = {entity_id}
        frontier = {entity_id}
        for _ in range(depth):
            nxt: set[str] = set()
            for e in self.edges:
                if e.source in frontier and e.target not in keep:
                    nxt.add(e.target)
                if e.target in frontier and e.source not in keep:
                    nxt.add(e.source)
            keep |= nxt
            frontier = nxt
        edges = [e for e in self.edges if e.source in keep and e.target in keep]
        return Network({k: v for k, v in self.nodes.items() if k in keep}, edges)


def analysis(store: Store) -> tuple[set[str], set[str], dict[str, str]]:
    """From ``sanctrace.graph``: candidate ids, ids reported sanctioned, claim -> lineage."""
    from sanctrace.graph import find_candidates, load_network

    net = load_network(store)
    candidates = {net.entity_ids[c.node] for c in find_candidates(net, limit=None)}
    reported = {net.entity_ids[n] for n in net.reported}
    lineage = {claim_id: net.lineage_of(i) for claim_id, i in net.claim_index.items()}
    return candidates, reported, lineage


def _hops(record: ClaimRecord) -> list[tuple[str, str, bool]]:
    roles = record.roles
    subject = roles.get("subject")
    obj = roles.get("object")
    via = roles.get("via")
    s = subject.entity_id if subject else None
    o = obj.entity_id if obj else None
    v = via.entity_id if via else None
    if s is None or o is None or s == o:
        return []
    if v is not None and v not in (s, o):
        return [(s, v, True), (v, o, True)]
    return [(s, o, False)]


def build_network(store: Store, records: list[ClaimRecord] | None = None) -> Network:
    """Assemble the network from the store's resolved entities, claims and screening."""
    screening = store.screening()
    candidates, reported, lineage = analysis(store)
    entities: dict[str, EntityRecord] = {e.id: e for e in store.entities()}
    edges: dict[tuple[str, str, str, bool], Edge] = {}
    for record in store.claims() if records is None else records:
        c = record.claim
        for source, target, via in _hops(record):
            key = (source, c.predicate, target, c.negated)
            edge = edges.get(key)
            if edge is None:
                edge = Edge(make_id("edge", *key), source, target, c.predicate, c.negated, via=via)
                edges[key] = edge
            edge.claims.append(record)
            if record.id in lineage:
                edge.lineages.add(lineage[record.id])
    used = {e.source for e in edges.values()} | {e.target for e in edges.values()}
    nodes: dict[str, Node] = {}
    for entity_id in sorted(used | (set(screening) | reported) & set(entities)):
        entity = entities.get(entity_id)
        if entity is None:
            continue
        matches = screening.get(entity_id, [])
        if matches or entity_id in reported:
            status = "sanctioned"
        else:
            status = "candidate" if entity_id in candidates else "other"
        nodes[entity_id] = Node(
            entity.id,
            entity.name,
            entity.type,
            status,
            matches,
            entity_id in reported,
            entity.aliases,
            entity.countries,
            entity.documents,
        )
    kept = [e for e in edges.values() if e.source in nodes and e.target in nodes]
    kept.sort(key=lambda e: (-e.weight, -e.documents, e.predicate, e.source, e.target))
    return Network(nodes, kept)


def programs(node: Node) -> list[str]:
    """The sanctions programmes of every designation a node matched, sorted."""
    found: set[str] = set()
    for m in node.designations:
        found.update(cast(Iterable[str], m.programs))  # ScreenMatch.list confuses mypy
    return sorted(found)


def node_attributes(node: Node) -> dict[str, Any]:
    """Flat attributes (strings and numbers) as graph file formats want them."""
    return {
        "label": node.name,
        "type": node.type,
        "status": node.status,
        "designations": "; ".join(f"{m.list}:{m.list_id}" for m in node.designations),
        "reported_sanctioned": node.reported,
        "programs": "; ".join(programs(node)),
        "aliases": "; ".join(node.aliases),
        "countries": "; ".join(node.countries),
        "documents": node.documents,
    }


def edge_attributes(edge: Edge) -> dict[str, Any]:
    first = edge.claims[0]
    return {
        "label": edge.predicate,
        "predicate": edge.predicate,
        "weight": edge.weight,
        "documents": edge.documents,
        "claims": len(edge.claims),
        "negated": edge.negated,
        "hedged": edge.hedged,
        "via": edge.via,
        "evidence": first.claim.evidence.text.strip(),
        "source_document": first.document_title or first.document_source,
    }


def to_networkx(network: Network) -> nx.MultiDiGraph:
    """A MultiDiGraph with flat attributes, ready for networkx's GEXF and GraphML writers."""
    graph = nx.MultiDiGraph()
    for node in network.nodes.values():
        graph.add_node(node.id, **node_attributes(node))
    for edge in network.edges:
        graph.add_edge(edge.source, edge.target, key=edge.id, id=edge.id, **edge_attributes(edge))
    return graph
