"""Designation candidates: unlisted actors ranked by how directly they feed listed ones.

For every organisation or person that is not sanctioned (neither designated on a loaded
list nor reported as sanctioned), collect **reasons**, each tied to the claims that
state it:

- direct links with a sanctioned entity, by predicate and role: supplier, intermediary
  (the ``via`` of a supply), front, owner, owned (a subsidiary), officer, trainer,
  collaborator, associate;
- maker: it produced or developed a product that a sanctioned entity received, tested,
  produced or used;
- upstream supplier: it supplies, over more hops, something that reaches a sanctioned
  entity (one reverse breadth-first pass from all sanctioned entities).

A negated claim is not evidence and gives no reason. Weights are data
(``network.json``): each reason weighs its kind, times ``hedged_factor`` when every
claim behind it is hedged, times a bonus per further independent lineage, times
``reported_factor`` when the sanctioned end is known only from reports. The score is the
sum over reasons.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from sanctrace.graph.lineage import settings
from sanctrace.graph.network import Network
from sanctrace.graph.views import ClaimViews
from sanctrace.store.base import Store

# (predicate, role of the candidate, role of the sanctioned party) -> (reason kind, text)
_DIRECT: dict[tuple[str, str, str], tuple[str, str]] = {
    ("supplied", "subject", "object"): ("supplier", "supplied {target}"),
    ("supplied", "subject", "via"): ("supplier", "supplied through {target}"),
    ("supplied", "via", "object"): ("intermediary", "passed supplies on to {target}"),
    ("front_for", "subject", "object"): ("front", "acts as a front for {target}"),
    ("owns", "subject", "object"): ("owner", "owns {target}"),
    ("owns", "object", "subject"): ("owned", "is owned by {target}"),
    ("subsidiary_of", "subject", "object"): ("owned", "is a subsidiary of {target}"),
    ("subsidiary_of", "object", "subject"): ("owner", "is the parent of {target}"),
    ("officer_of", "subject", "object"): ("officer", "is an officer of {target}"),
    ("trained", "subject", "object"): ("trainer", "trained {target}"),
    ("assisted", "subject", "object"): ("collaborator", "assisted {target}"),
    ("collaborated_with", "subject", "object"): ("collaborator", "worked with {target}"),
    ("collaborated_with", "object", "subject"): ("collaborator", "worked with {target}"),
    ("associated_with", "subject", "object"): ("associate", "is linked to {target}"),
    ("associated_with", "object", "subject"): ("associate", "is linked to {target}"),
}
_TAKEN = {"supplied": "received", "tested": "tested", "produced": "produced", "used_in": "used"}


@dataclass(slots=True)
class Reason:
    kind: str
    target: int
    text: str
    claims: list[int] = field(default_factory=list)
    weight: float = 0.0
    hops: int = 1


@dataclass(slots=True)
class Candidate:
    node: int
    score: float
    reasons: list[Reason]


def _roles(net: Network, c: int) -> tuple[tuple[str, int], ...]:
    return (("subject", net.subject[c]), ("object", net.object[c]), ("via", net.via[c]))


@dataclass(slots=True, frozen=True)
class Weights:
    """The ``candidates`` block of ``network.json``, read once per ranking."""

    kinds: dict[str, float]
    hedged_factor: float
    lineage_bonus: float
    max_corroboration: float
    reported_factor: float

    @classmethod
    def load(cls) -> Weights:
        cfg = settings()["candidates"]
        return cls(
            kinds={k: float(v) for k, v in cfg["kinds"].items()},
            hedged_factor=float(cfg["hedged_factor"]),
            lineage_bonus=float(cfg["lineage_bonus"]),
            max_corroboration=float(cfg["max_corroboration"]),
            reported_factor=float(cfg["reported_factor"]),
        )


def _weight(net: Network, reason: Reason, w: Weights) -> float:
    base = w.kinds.get(reason.kind, 0.3) / max(1, reason.hops - 1)
    hedged, claims = net.hedged, reason.claims
    if all(hedged[c] for c in claims):
        base *= w.hedged_factor
    if len(claims) > 1:
        root, doc = net.lineages.root if net.lineages else {}, net.doc
        lineages = len({root.get(doc[c], doc[c]) for c in claims})
        base *= min(1 + w.lineage_bonus * (lineages - 1), w.max_corroboration)
    if reason.target not in net.designations:
        base *= w.reported_factor
    return base


def _upstream(net: Network, max_hops: int) -> dict[int, tuple[int, int, int]]:
    """node -> (hops to the nearest sanctioned entity, first edge, that entity)."""
    best: dict[int, tuple[int, int, int]] = {}
    queue: deque[tuple[int, int, int]] = deque()
    for t in sorted({*net.designations, *net.reported}):
        queue.append((t, 0, t))
    reached = {t for t, _, _ in queue}
    while queue:
        node, dist, target = queue.popleft()
        if dist >= max_hops:
            continue
        for e in net.in_edges[node]:
            src = net.edge_src[e]
            if src in reached:
                continue
            reached.add(src)
            best[src] = (dist + 1, e, target)
            queue.append((src, dist + 1, target))
    return best


def find_candidates(net: Network, limit: int | None = 20, max_hops: int = 4) -> list[Candidate]:
    """Unlisted actors with at least one reason, best first.

    The ranking depends on the network alone, so it is computed once per network and
    kept in ``net.cache``; later calls only slice it.
    """
    key = f"candidates:{max_hops}"
    if key not in net.cache:
        net.cache[key] = _rank_candidates(net, max_hops)
    ranked: list[Candidate] = net.cache[key]
    return ranked[:limit] if limit is not None else list(ranked)


def _rank_candidates(net: Network, max_hops: int) -> list[Candidate]:
    actor_types = set(settings()["candidates"]["actor_types"])
    listed = {*net.designations, *net.reported}
    eligible = [t in actor_types for t in net.types]
    for n in listed:
        eligible[n] = False
    reasons: dict[int, dict[tuple[str, int], Reason]] = defaultdict(dict)

    def add(node: int, kind: str, target: int, claim: int, text: str, hops: int = 1) -> None:
        if node < 0 or not eligible[node]:
            return
        found = reasons[node]
        reason = found.get((kind, target))
        if reason is None:
            reason = found[(kind, target)] = Reason(kind, target, text, hops=hops)
        if claim not in reason.claims:
            reason.claims.append(claim)

    for t in sorted(listed):
        name = net.names[t]
        for c in net.claims_of[t]:
            if net.negated[c]:
                continue
            pred = net.predicate[c]
            roles = _roles(net, c)
            for t_role, t_node in roles:
                if t_node != t:
                    continue
                for x_role, x_node in roles:
                    found = _DIRECT.get((pred, x_role, t_role))
                    if found is not None and x_node >= 0:
                        add(x_node, found[0], t, c, found[1].format(target=name))
            # maker: the target took a product; who made it?
            taken = _TAKEN.get(pred)
            product = net.item[c] if pred == "supplied" else net.object[c]
            if taken is None or product < 0 or net.types[product] != "Product":
                continue
            if pred == "supplied" and net.object[c] != t:
                continue
            for m in net.made_by.get(product, ()):
                if not net.negated[m]:
                    text = f"made {net.names[product]}, which {name} {taken}"
                    add(net.subject[m], "maker", t, m, text)
                    add(net.subject[m], "maker", t, c, text)

    for node, (dist, e, target) in _upstream(net, max_hops).items():
        if dist < 2 or any(t == target for _, t in reasons.get(node, {})):
            continue  # one hop away, or already linked to that target directly
        edge = net.edges[e]
        text = f"supplies {net.names[edge.dst]}, {dist - 1} hop(s) from {net.names[target]}"
        for c in edge.claims:
            add(node, "upstream supplier", target, c, text, hops=dist)

    out = []
    weights = Weights.load()
    for node, by_key in reasons.items():
        ordered = list(by_key.values())
        for r in ordered:
            r.weight = _weight(net, r, weights)
        ordered.sort(key=lambda r: (-r.weight, r.kind, net.names[r.target]))
        out.append(Candidate(node, round(sum(r.weight for r in ordered), 3), ordered))
    out.sort(key=lambda c: (-c.score, net.names[c.node]))
    return out


def candidate_views(
    store: Store, net: Network, candidates: list[Candidate]
) -> list[dict[str, Any]]:
    claims = {c for cand in candidates for r in cand.reasons for c in r.claims}
    views = ClaimViews(store, net, claims)
    return [
        {
            "id": net.entity_ids[cand.node],
            "name": net.names[cand.node],
            "type": net.types[cand.node],
            "score": cand.score,
            "reasons": [
                {
                    "kind": r.kind,
                    "text": r.text,
                    "target": net.names[r.target],
                    "weight": round(r.weight, 3),
                    "hops": r.hops,
                    "claims": views.views(r.claims),
                }
                for r in cand.reasons
            ],
        }
        for cand in candidates
    ]
