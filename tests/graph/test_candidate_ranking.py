"""The array ranking of candidates against the reason-by-reason definition.

``reference_candidates`` below is the ranking written the direct way (one sanctioned
entity at a time, one claim at a time, a queue for the upstream search): slow, but easy
to check against the rules in ``candidates.py``. The fast ranking must give the same
candidates, scores, reasons, claims, weights and texts, on the optics fixture and on
random networks that mix every predicate, role, negation, hedging and rewritten report.
"""

from __future__ import annotations

import random
from collections import defaultdict, deque

import numpy as np
import pytest

from sanctrace.graph import build_network, find_candidates, load_network
from sanctrace.graph.candidates import _DIRECT, _TAKEN, Reason, Weights, _first_of_each, _Packing
from sanctrace.graph.lineage import Lineages, settings
from sanctrace.graph.network import Network
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


def random_network(seed: int, n_actors: int = 160, n_claims: int = 1500) -> Network:
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
                time_start=None,
                time_end=None,
                published=None,
            )
        )
    root = {f"doc-{d:03d}": f"doc-{d - d % 3:03d}" for d in range(60)}  # threes share a lineage
    return build_network(entities, rows, screening, Lineages(root=root, origin={}))


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
