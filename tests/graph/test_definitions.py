"""The array network and its candidate ranking against direct, slow definitions.

``reference_candidates`` below is the ranking written the direct way (one sanctioned
entity at a time, one claim at a time, a queue for the upstream search): slow, but easy
to check against the rules in ``candidates.py``. The fast ranking must give the same
candidates, scores, reasons, claims, weights and texts, on the optics fixture and on
random networks that mix every predicate, role, negation, hedging and rewritten report.
The network's arrays (an entity's claims, edges numbered by first claim, in- and
out-edges, facts) must equal the same structures built with dictionaries and lists.
"""

from __future__ import annotations

import random
from collections import defaultdict, deque

import numpy as np
import pytest

from sanctrace.graph import build_network, find_candidates, load_network
from sanctrace.graph.candidates import _DIRECT, _TAKEN, Reason, Weights, _first_of_each, _Packing
from sanctrace.graph.lineage import Lineages, settings
from sanctrace.graph.network import DIRECT, FROM_VIA, TO_VIA, Network
from sanctrace.model import ScreenMatch
from sanctrace.store import Store
from sanctrace.store.base import ClaimRow, EntityRecord

Row = tuple[str, float, list[tuple[str, str, tuple[int, ...], float, int, str]]]


def _reference_weight(net: Network, reason: Reason, w: Weights) -> float:
    base = w.kinds.get(reason.kind, 0.3) / max(1, reason.hops - 1)
    if all(net.hedged[c] for c in reason.claims):
        base *= w.hedged_factor
    if len(reason.claims) > 1:
        lineages = len({net.lineage_of(c) for c in reason.claims})
        base *= min(1 + w.lineage_bonus * (lineages - 1), w.max_corroboration)
    if reason.target not in net.designations:
        base *= w.reported_factor
    return base


def reference_candidates(net: Network, max_hops: int = 4) -> list[Row]:
    """(name, score, reasons) best first, each reason (kind, target, claims, weight,
    hops, text), computed one claim at a time."""
    actor_types = set(settings()["candidates"]["actor_types"])
    listed = {*net.designations, *net.reported}
    eligible = [t in actor_types and n not in listed for n, t in enumerate(net.types)]
    reasons: dict[int, dict[tuple[str, int], Reason]] = defaultdict(dict)

    def add(node: int, kind: str, target: int, claim: int, text: str, hops: int = 1) -> None:
        if node < 0 or not eligible[node]:
            return
        reason = reasons[node].setdefault((kind, target), Reason(kind, target, text, hops=hops))
        if claim not in reason.claims:
            reason.claims.append(claim)

    for t in sorted(listed):
        name = net.names[t]
        for c in net.claims_of[t]:
            if net.negated[c]:
                continue
            pred = net.predicate[c]
            roles = (("subject", net.subject[c]), ("object", net.object[c]), ("via", net.via[c]))
            for t_role, t_node in roles:
                if t_node != t:
                    continue
                for x_role, x_node in roles:
                    found = _DIRECT.get((pred, x_role, t_role))
                    if found is not None:
                        add(x_node, found[0], t, c, found[1].format(target=name))
            taken = _TAKEN.get(pred)
            product = net.item[c] if pred == "supplied" else net.object[c]
            if taken is None or product < 0 or net.types[product] != "Product":
                continue
            if pred == "supplied" and net.object[c] != t:
                continue
            for m in net.made_by.get(product, ()):
                text = f"made {net.names[product]}, which {name} {taken}"
                add(net.subject[m], "maker", t, m, text)
                add(net.subject[m], "maker", t, c, text)

    best: dict[int, tuple[int, int, int]] = {}
    queue = deque((t, 0, t) for t in sorted(listed))
    reached = set(listed)
    while queue:
        node, dist, target = queue.popleft()
        if dist >= max_hops:
            continue
        for e in net.in_edges[node]:
            src = net.edge_src[e]
            if src not in reached:
                reached.add(src)
                best[src] = (dist + 1, e, target)
                queue.append((src, dist + 1, target))
    for node, (dist, e, target) in best.items():
        if dist < 2 or any(t == target for _, t in reasons.get(node, {})):
            continue
        edge = net.edges[e]
        text = f"supplies {net.names[edge.dst]}, {dist - 1} hop(s) from {net.names[target]}"
        for c in edge.claims:
            add(node, "upstream supplier", target, c, text, hops=dist)

    weights, out = Weights.load(), []
    for node, by_key in reasons.items():
        ordered = list(by_key.values())
        for r in ordered:
            r.weight = _reference_weight(net, r, weights)
        ordered.sort(key=lambda r: (-r.weight, r.kind, net.names[r.target]))
        score = round(sum(r.weight for r in ordered), 3)
        out.append((net.names[node], score, [_reason_row(net, r) for r in ordered]))
    out.sort(key=lambda row: (-row[1], row[0]))
    return out


def _reason_row(net: Network, r: Reason) -> tuple[str, str, tuple[int, ...], float, int, str]:
    return (r.kind, net.names[r.target], tuple(sorted(r.claims)), r.weight, r.hops, r.text)


def fast_candidates(net: Network, limit: int | None = None, max_hops: int = 4) -> list[Row]:
    return [
        (net.names[c.node], c.score, [_reason_row(net, r) for r in c.reasons])
        for c in find_candidates(net, limit, max_hops)
    ]


Inputs = tuple[list[EntityRecord], list[ClaimRow], dict[str, list[ScreenMatch]], Lineages]


def random_inputs(seed: int, n_actors: int = 160, n_claims: int = 1500) -> Inputs:
    """Every predicate the ranking reads, in every role, between random actors; some
    designated, some only reported sanctioned; negated, hedged and rewritten reports."""
    rng = random.Random(seed)
    entities = [
        EntityRecord(f"ent-{i:04d}", f"Actor {i:04d}", rng.choice(["Organization", "Person"]))
        for i in range(n_actors)
    ]
    entities += [EntityRecord(f"ent-p{i:03d}", f"Product {i:03d}", "Product") for i in range(25)]
    entities += [EntityRecord("ent-loc", "Somewhere", "Location")]
    actors = [e.id for e in entities if e.type != "Product"]
    products = [e.id for e in entities if e.type == "Product"]
    screening = {
        a: [ScreenMatch("ofac", a, a, 1.0, ["X"])] for a in rng.sample(actors[:n_actors], 12)
    }
    predicates = [*{p for p, _, _ in _DIRECT}, *_TAKEN, "developed", "sanctioned_by"]
    rows = []
    for c in range(n_claims):
        pred = rng.choice(predicates)
        subject, obj = rng.choice(actors), rng.choice(actors)
        via = item = None
        if pred == "supplied":
            via = rng.choice(actors) if rng.random() < 0.3 else None
            item = rng.choice(products) if rng.random() < 0.7 else None
        elif pred in ("produced", "developed", "tested", "used_in"):
            obj = rng.choice(products) if rng.random() < 0.8 else obj
        year = rng.choice([None, 2021, 2022, 2023])
        rows.append(
            ClaimRow(
                id=f"clm-{c:06d}",
                doc_id=f"doc-{rng.randrange(60):03d}",
                predicate=pred,
                subject=subject,
                object=obj,
                via=via,
                item=item,
                location=None,
                hedged=rng.random() < 0.3,
                negated=rng.random() < 0.1,
                time_start=f"{year}-01-01" if year else None,
                time_end=f"{year}-12-31" if year and rng.random() < 0.5 else None,
                published=None,
            )
        )
    root = {f"doc-{d:03d}": f"doc-{d - d % 3:03d}" for d in range(60)}  # threes share a lineage
    return entities, rows, screening, Lineages(root=root, origin={})


def random_network(seed: int) -> Network:
    return build_network(*random_inputs(seed))


def test_fast_ranking_equals_the_definition_on_the_optics_network(store: Store) -> None:
    net = load_network(store)
    expected = reference_candidates(net)
    assert expected[0][0] == "Nordvik Components GmbH"
    assert fast_candidates(net) == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_ranking_equals_the_definition_on_random_networks(seed: int) -> None:
    net = random_network(seed)
    for max_hops in (2, 4):
        expected = reference_candidates(net, max_hops)
        assert len(expected) > 50  # every kind of reason occurs, not a near-empty ranking
        assert {r[0] for row in expected for r in row[2]} >= {
            "supplier",
            "intermediary",
            "maker",
            "upstream supplier",
            "owner",
            "collaborator",
        }
        assert fast_candidates(net, None, max_hops) == expected


def test_a_limit_returns_the_head_of_the_full_ranking() -> None:
    net = random_network(4)
    full = fast_candidates(net)
    for limit in (1, 5, 20):
        assert fast_candidates(net, limit) == full[:limit]
    assert fast_candidates(net, 0) == []


def test_ranking_is_kept_on_the_network_and_rebuilt_for_other_hop_limits() -> None:
    net = random_network(5)
    find_candidates(net, 5)
    ranking = net.cache["candidates:4"]
    find_candidates(net, 10)
    assert net.cache["candidates:4"] is ranking
    short = fast_candidates(net, None, 2)
    assert all(r[4] <= 2 for row in short for r in row[2])


def test_networks_too_large_to_pack_rank_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reasons numbered densely (the path for networks past 63 bits) give the same answer."""
    net = random_network(6)
    expected = fast_candidates(net)
    monkeypatch.setattr(_Packing, "limit", 0)
    net.cache.clear()
    assert fast_candidates(net) == expected == reference_candidates(net)


def test_first_occurrences_of_large_entity_numbers_do_not_overflow() -> None:
    """Entity numbers come as int32; packing them with positions must widen first."""
    values = np.array([2**30, 7, 2**30, 7, 3], dtype=np.int32)
    assert _first_of_each(values).tolist() == [0, 1, 4]


def test_network_arrays_equal_a_direct_construction() -> None:
    entities, rows, screening, lineages = random_inputs(7)
    net = build_network(entities, rows, screening, lineages)
    index = {e.id: i for i, e in enumerate(entities)}
    directions = settings()["route_edges"]
    claims_of: dict[int, list[int]] = defaultdict(list)
    facts: dict[tuple[str, int, int, bool], list[int]] = defaultdict(list)
    edges: dict[tuple[int, int, str], tuple[list[int], list[str]]] = {}
    for c, r in enumerate(rows):
        s, o, v, it = (index.get(x, -1) if x else -1 for x in (r.subject, r.object, r.via, r.item))
        for x in sorted({s, o, v, it} - {-1}):
            claims_of[x].append(c)
        facts[(r.predicate, s, o, r.negated)].append(c)
        if r.negated or r.predicate not in directions:
            continue
        if r.predicate == "supplied" and v >= 0:
            hops = [(s, v, TO_VIA), (v, o, FROM_VIA)]
        else:
            hops = [(s, o, DIRECT) if directions[r.predicate] == "forward" else (o, s, DIRECT)]
        for a, b, role in hops:
            if a >= 0 and b >= 0 and a != b:
                claims, roles = edges.setdefault((a, b, r.predicate), ([], []))
                claims.append(c)
                roles.append(role)

    assert [net.claims_of[x] for x in range(len(entities))] == [
        claims_of.get(x, []) for x in range(len(entities))
    ]
    built = [net.edges[e] for e in range(len(net.edges))]
    assert [(e.src, e.dst, e.predicate, e.claims, e.roles) for e in built] == [
        (a, b, p, claims, roles) for (a, b, p), (claims, roles) in edges.items()
    ]
    for x in range(len(entities)):
        assert net.in_edges[x] == [i for i, (_, b, _) in enumerate(edges) if b == x]
        assert net.out_edges[x] == [i for i, (a, _, _) in enumerate(edges) if a == x]
    assert len(net.fact_documents) == len(facts)
    for key, claims in facts.items():
        f = net.fact_of(*key)
        assert f is not None and net.fact_claims[f] == claims and net.fact_key(f) == key
        docs = {rows[c].doc_id for c in claims}
        assert net.corroboration(claims[0]) == (len(docs), len({lineages.of(d) for d in docs}))
    assert net.fact_of("no_such_predicate", 0, 1, False) is None
    assert [net.time[c] for c in range(len(rows))] == [(r.time_start, r.time_end) for r in rows]
