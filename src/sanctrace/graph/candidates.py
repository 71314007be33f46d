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
  entity (one reverse breadth-first pass from all sanctioned entities) and has no direct
  reason with that same entity.

A negated claim is not evidence and gives no reason. Weights are data
(``network.json``): each reason weighs its kind, times ``hedged_factor`` when every
claim behind it is hedged, times a bonus per further independent lineage, times
``reported_factor`` when the sanctioned end is known only from reports. The score is the
sum over reasons.

How it runs at a million claims: the ranking is a few vectorised passes over the
network's arrays (``arrays.py``). Each rule yields rows (candidate, kind, sanctioned
end, claim); each row is packed into one int64 and one sort deduplicates the rows and
groups them into reasons (``_Packing``); claim counts, hedging and distinct lineages per
reason are ``np.bincount``; the breadth-first
pass goes one level at a time over the in-edge CSR, keeping the first discovery of each
node in queue order, as a queue-based search would. Only the candidates returned get
Python objects, texts and their claims. The arrays of one ranking are kept on the network
(``net.cache``), so asking again with another limit only builds the new reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from sanctrace.graph.arrays import Bools, Ints, Longs, NetworkArrays, distinct, unique
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
# what a sanctioned entity did with a product -> the verb in the maker's reason
_TAKEN = {"supplied": "received", "tested": "tested", "produced": "produced", "used_in": "used"}
_MADE = ("produced", "developed")
MAKER, UPSTREAM = "maker", "upstream supplier"
_KINDS: tuple[str, ...] = (*dict.fromkeys(k for k, _ in _DIRECT.values()), MAKER, UPSTREAM)
_ROLES = ("subject", "object", "via")

Floats = npt.NDArray[np.float64]
Rows = tuple[Longs, Longs, Longs]


@dataclass(slots=True)
class Reason:
    kind: str
    target: int
    text: str
    claims: list[int] = field(default_factory=list)  # claim numbers, ascending
    weight: float = 0.0
    hops: int = 1


@dataclass(slots=True)
class Candidate:
    node: int
    score: float
    reasons: list[Reason]


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


@dataclass(slots=True, frozen=True)
class _Ranking:
    """Every reason of every candidate as arrays, sorted by (candidate, kind, target)."""

    node: Longs
    kind: Longs
    target: Longs
    hops: Ints
    weight: Floats
    claim_ptr: Longs  # claims of reason r: claim[claim_ptr[r]:claim_ptr[r + 1]], ascending
    claim: Longs
    best_edge: Ints  # per entity: the first edge of its upstream path, or -1
    # per candidate: its reasons are rows first[i]:last[i]; score, rounded as shown
    first: Longs
    last: Longs
    score: Floats


def _mask(n: int, nodes: Any) -> Bools:
    """A bool per entity plus one False slot at the end, so that -1 (no entity) indexes it."""
    out = np.zeros(n + 1, dtype=np.bool_)
    out[np.fromiter(nodes, dtype=np.int64)] = True
    return out


def _expand(starts: Longs, counts: Longs) -> Longs:
    """Concatenated ranges start..start+count, in order: the CSR gather of many rows."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total, dtype=np.int64)


def _first_of_each(values: npt.NDArray[np.integer[Any]]) -> Longs:
    """Positions of the first occurrence of each distinct value, in position order."""
    size = max(1, len(values))
    packed = np.sort(values.astype(np.int64) * size + np.arange(len(values)))
    return np.sort(packed[distinct(packed // size)] % size)


class _Rows:
    """(candidate, kind, sanctioned end, claim) rows as rules produce them."""

    def __init__(self) -> None:
        self.parts: list[tuple[Ints, Any, Ints, Ints]] = []  # kind: a code or a column

    def add(self, node: Any, kind: str, target: Any, claim: Any) -> None:
        if len(node):
            as32 = np.asarray
            self.parts.append(
                (
                    as32(node, np.int32),
                    _KINDS.index(kind),
                    as32(target, np.int32),
                    as32(claim, np.int32),
                )
            )

    def arrays(self) -> tuple[Ints, Ints, Ints, Ints]:
        """All rows so far, as four columns (kept as one part for later calls)."""
        if not self.parts:
            empty = np.zeros(0, dtype=np.int32)
            return empty, empty, empty, empty
        if len(self.parts) > 1:
            self.parts = [
                (
                    np.concatenate([p[0] for p in self.parts]),
                    np.concatenate([np.full(len(p[0]), p[1], np.int32) for p in self.parts]),
                    np.concatenate([p[2] for p in self.parts]),
                    np.concatenate([p[3] for p in self.parts]),
                )
            ]
        node, kind, target, claim = self.parts[0]
        if isinstance(kind, int):
            kind = np.full(len(node), kind, dtype=np.int32)
        return node, kind, target, claim


def _direct_rows(
    a: NetworkArrays, live: Bools, listed: Bools, eligible: Bools, rows: _Rows
) -> None:
    """Direct links: one vectorised pass per (predicate, candidate role, target role)."""
    roles = {"subject": a.subject, "object": a.object, "via": a.via}
    by_predicate: dict[int, Longs] = {}
    for (pred, x_role, t_role), (kind, _) in _DIRECT.items():
        code = a.predicate_code(pred)
        if code < 0:
            continue
        if code not in by_predicate:
            by_predicate[code] = np.flatnonzero(live & (a.predicate == code))
        claims = by_predicate[code]
        x, t = roles[x_role][claims], roles[t_role][claims]
        keep = listed[t] & eligible[x]
        rows.add(x[keep], kind, t[keep], claims[keep])


def _maker_rows(
    a: NetworkArrays, live: Bools, listed: Bools, eligible: Bools, n: int, rows: _Rows
) -> None:
    """Makers of a product a sanctioned entity took: the making claim and the taking one."""
    made = [c for c in (a.predicate_code(p) for p in _MADE) if c >= 0]
    makers = np.flatnonzero(live & np.isin(a.predicate, made) & (a.object >= 0))
    makers = makers[eligible[a.subject[makers]]]
    if not len(makers):
        return
    makers = makers[np.argsort(a.object[makers], kind="stable")]
    per_product = np.bincount(a.object[makers], minlength=n)
    product_ptr = np.concatenate(([0], np.cumsum(per_product)))
    is_product = np.append(a.type_mask({"Product"}), False)
    pairs_c, pairs_t, pairs_p = [], [], []
    for pred in _TAKEN:
        code = a.predicate_code(pred)
        if code < 0:
            continue
        claims = np.flatnonzero(live & (a.predicate == code))
        if pred == "supplied":  # the recipient took the item
            product = a.item[claims]
            claims, product = claims[is_product[product]], product[is_product[product]]
            takers = [a.object[claims]]
        else:  # any sanctioned party to the claim
            product = a.object[claims]
            claims, product = claims[is_product[product]], product[is_product[product]]
            takers = [a.subject[claims], a.object[claims], a.via[claims], a.item[claims]]
        for t in takers:
            keep = listed[t]
            pairs_c.append(claims[keep])
            pairs_t.append(t[keep])
            pairs_p.append(product[keep])
    taken = np.concatenate(pairs_c).astype(np.int64)
    target = np.concatenate(pairs_t).astype(np.int64)
    product = np.concatenate(pairs_p).astype(np.int64)
    # the making claims: once per (sanctioned end, product), not once per taking claim
    took = unique(target * n + product)
    took_target, took_product = took // n, took % n
    counts = per_product[took_product]
    pair = np.repeat(np.arange(len(took)), counts)
    m = makers[_expand(product_ptr[took_product], counts)]
    rows.add(a.subject[m], MAKER, took_target[pair], m)
    # the taking claims: once per distinct maker of the product, not once per making claim
    made_by = unique(a.object[makers].astype(np.int64) * n + a.subject[makers])
    by_product = np.bincount(made_by // n, minlength=n)
    counts = by_product[product]
    pair = np.repeat(np.arange(len(taken)), counts)
    maker = (made_by % n)[_expand(np.cumsum(by_product)[product] - counts, counts)]
    rows.add(maker, MAKER, target[pair], taken[pair])


def _upstream(a: NetworkArrays, listed: Bools, n: int, max_hops: int) -> tuple[Ints, Ints, Ints]:
    """Per entity: hops to the nearest sanctioned entity (0: not reached), first edge, it.

    One breadth-first pass backward from every sanctioned entity, level by level; within
    a level the first discovery wins in queue order (frontier order, then in-edge order),
    so ties between equally near targets fall as a queue-based search decides them.
    """
    dist = np.zeros(n, dtype=np.int32)
    best_edge = np.full(n, -1, dtype=np.int32)
    best_target = np.full(n, -1, dtype=np.int32)
    reached = listed[:n].copy()
    frontier: npt.NDArray[np.integer[Any]] = np.flatnonzero(reached)
    target: npt.NDArray[np.integer[Any]] = frontier.copy()
    for level in range(1, max_hops + 1):
        if not len(frontier):
            break
        starts = a.in_ptr[frontier].astype(np.int64)
        counts = a.in_ptr[frontier + 1].astype(np.int64) - starts
        edges = a.in_edge[_expand(starts, counts)]
        src = a.edge_src[edges]
        via_target = np.repeat(target, counts)
        fresh = ~reached[src]
        edges, src, via_target = edges[fresh], src[fresh], via_target[fresh]
        first = _first_of_each(src)
        frontier, target = src[first], via_target[first]
        reached[frontier] = True
        dist[frontier] = level
        best_edge[frontier] = edges[first]
        best_target[frontier] = target
    return dist, best_edge, best_target


class _Packing:
    """(candidate, kind, sanctioned end, claim) rows as one int64 each, so that one plain
    sort groups rows by reason and orders each reason's claims.

    Candidates and ends are renumbered among eligible and listed entities, which keeps a
    million-claim network far inside 63 bits; for a network too large for that, reasons
    are numbered densely first (one more sort).
    """

    limit = 2**62

    def __init__(self, eligible: Bools, listed: Bools, claims: int) -> None:
        self.candidate = np.cumsum(eligible) - 1
        self.target = np.cumsum(listed) - 1
        self.candidates = np.flatnonzero(eligible)
        self.listed = np.flatnonzero(listed)
        self.targets = max(1, len(self.listed))
        self.claims = max(1, claims)
        self.per_candidate = len(_KINDS) * self.targets

    def rows(self, node: Ints, kind: Ints, target: Ints, claim: Ints) -> Rows:
        """Distinct rows: each row's reason number, its claim, and each reason's key."""
        key = self.candidate[node] * self.per_candidate
        key += kind.astype(np.int64) * self.targets
        key += self.target[target]
        if len(self.candidates) * self.per_candidate * self.claims < self.limit:
            key *= self.claims
            key += claim
            packed = unique(key)
            key = packed // self.claims
            new = distinct(key)
            return np.cumsum(new) - 1, packed % self.claims, key[new]
        keys = unique(key)
        packed = unique(np.searchsorted(keys, key) * self.claims + claim)
        return packed // self.claims, packed % self.claims, keys

    def unpack(self, keys: Longs) -> tuple[Longs, Longs, Longs]:
        """Reason keys -> candidate entity, kind code, sanctioned entity."""
        node = self.candidates[keys // self.per_candidate]
        kind = (keys // self.targets) % len(_KINDS)
        return node, kind, self.listed[keys % self.targets]


def _rank(net: Network, max_hops: int) -> _Ranking:
    a, n, w = net.arrays, len(net.names), Weights.load()
    listed = _mask(n, [*net.designations, *net.reported])
    designated = _mask(n, net.designations)
    actors = frozenset(settings()["candidates"]["actor_types"])
    eligible = np.append(a.type_mask(actors), False) & ~listed
    pack = _Packing(eligible, listed, len(a.predicate))
    live = ~a.negated
    rows = _Rows()
    _direct_rows(a, live, listed, eligible, rows)
    _maker_rows(a, live, listed, eligible, n, rows)

    # upstream suppliers, unless linked to the same sanctioned end by a direct reason
    dist, best_edge, best_target = _upstream(a, listed, n, max_hops)
    node, _, target, _ = rows.arrays()
    linked = np.zeros(n, dtype=np.bool_)
    linked[node[best_target[node] == target]] = True
    up = np.flatnonzero((dist >= 2) & eligible[:n] & ~linked)
    edge = best_edge[up].astype(np.int64)
    starts = a.edge_claim_ptr[edge].astype(np.int64)
    counts = a.edge_claim_ptr[edge + 1].astype(np.int64) - starts
    up_rows = np.repeat(up, counts)
    rows.add(up_rows, UPSTREAM, best_target[up_rows], a.edge_claim[_expand(starts, counts)])

    # reasons: distinct (candidate, kind, target), each with its distinct claims in order
    r_of, c_of, keys = pack.rows(*rows.arrays())
    R = len(keys)
    size = np.bincount(r_of, minlength=R)
    hedged = np.bincount(r_of[a.hedged[c_of]], minlength=R) == size
    # distinct lineages, counted only where there is more than one claim
    several = np.flatnonzero(size[r_of] > 1)
    n_lineages = max(1, int(a.lineage.max(initial=0)) + 1)
    shared = unique(r_of[several] * n_lineages + a.lineage[c_of[several]]) // n_lineages
    lineages = np.maximum(np.bincount(shared, minlength=R), 1)
    r_node, r_kind, r_target = pack.unpack(keys)
    hops = np.where(r_kind == _KINDS.index(UPSTREAM), dist[r_node], 1).astype(np.int32)
    # the same operations, in the same order, as one reason at a time would do them
    base = np.array([w.kinds.get(k, 0.3) for k in _KINDS])[r_kind]
    weight = base / np.maximum(1, hops - 1)
    weight = np.where(hedged, weight * w.hedged_factor, weight)
    bonus = np.minimum(1 + w.lineage_bonus * (lineages - 1), w.max_corroboration)
    weight = np.where(size > 1, weight * bonus, weight)
    weight = np.where(designated[r_target], weight, weight * w.reported_factor)
    first = np.flatnonzero(np.diff(r_node, prepend=-1))
    last = np.append(first[1:], R)
    score = np.bincount(r_node, weights=weight, minlength=n)[r_node[first]]
    return _Ranking(
        node=r_node,
        kind=r_kind,
        target=r_target,
        hops=hops,
        weight=weight,
        claim_ptr=np.concatenate(([0], np.cumsum(size))),
        claim=c_of,
        best_edge=best_edge,
        first=first,
        last=last,
        score=np.round(score, 3),
    )


def _ranking(net: Network, max_hops: int) -> _Ranking:
    key = f"candidates:{max_hops}"
    found = net.cache.get(key)
    if not isinstance(found, _Ranking):
        found = net.cache[key] = _rank(net, max_hops)
    return found


def _text(net: Network, kind: str, node: int, target: int, claims: list[int]) -> str:
    """A direct or maker reason's text, from the first claim (in claim order) that gives
    it, as the rule that produced the reason words it."""
    name = net.names[target]
    for c in claims:
        pred = net.predicate[c]
        if kind == MAKER:  # the first claim in which the sanctioned end took the product
            verb = _TAKEN.get(pred)
            parties = (net.object[c],) if pred == "supplied" else _parties(net, c)
            if verb is None or target not in parties:
                continue
            product = net.item[c] if pred == "supplied" else net.object[c]
            if product >= 0 and net.types[product] == "Product":
                return f"made {net.names[product]}, which {name} {verb}"
            continue
        roles = tuple(zip(_ROLES, (net.subject[c], net.object[c], net.via[c]), strict=True))
        for t_role, t_node in roles:
            for x_role, x_node in roles:
                found = _DIRECT.get((pred, x_role, t_role))
                if t_node == target and x_node == node and found and found[0] == kind:
                    return found[1].format(target=name)
    return kind


def _parties(net: Network, c: int) -> tuple[int, ...]:
    return (net.subject[c], net.object[c], net.via[c], net.item[c])


def _candidate(net: Network, ranking: _Ranking, lo: int, hi: int) -> Candidate:
    """One candidate's Reason objects, from its rows ``lo:hi`` of the ranking."""
    node = int(ranking.node[lo])
    ptr = ranking.claim_ptr[lo : hi + 1].tolist()
    claims = ranking.claim[ptr[0] : ptr[-1]].tolist()
    reasons = []
    for i, (kind_code, target, hops, weight) in enumerate(
        zip(
            ranking.kind[lo:hi].tolist(),
            ranking.target[lo:hi].tolist(),
            ranking.hops[lo:hi].tolist(),
            ranking.weight[lo:hi].tolist(),
            strict=True,
        )
    ):
        kind = _KINDS[kind_code]
        own = claims[ptr[i] - ptr[0] : ptr[i + 1] - ptr[0]]
        if kind == UPSTREAM:
            head = net.names[net.edge_dst[int(ranking.best_edge[node])]]
            text = f"supplies {head}, {hops - 1} hop(s) from {net.names[target]}"
        else:
            text = _text(net, kind, node, target, own)
        reasons.append(Reason(kind, target, text, own, weight, hops))
    reasons.sort(key=lambda r: (-r.weight, r.kind, net.names[r.target], r.target))
    return Candidate(node, round(sum(r.weight for r in reasons), 3), reasons)


def find_candidates(net: Network, limit: int | None = 20, max_hops: int = 4) -> list[Candidate]:
    """Unlisted actors with at least one reason, best first (score, then name).

    Scores for every actor come from the array ranking; reasons, texts and claims are
    built only for the candidates returned (all of them when ``limit`` is None).
    """
    ranking = _ranking(net, max_hops)
    chosen = np.arange(len(ranking.first))
    if limit is not None and limit < len(chosen):
        if limit <= 0:
            return []
        at = len(chosen) - limit
        cutoff = np.partition(ranking.score, at)[at]
        chosen = np.flatnonzero(ranking.score >= cutoff)  # the top and all tied with them
    first, last = ranking.first[chosen].tolist(), ranking.last[chosen].tolist()
    out = [_candidate(net, ranking, lo, hi) for lo, hi in zip(first, last, strict=True)]
    out.sort(key=lambda c: (-c.score, net.names[c.node], c.node))
    return out[:limit] if limit is not None else out


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
