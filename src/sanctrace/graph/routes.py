"""Supply routes into sanctioned entities, chained across reports.

A route is a simple path of route edges (see ``network.py``) that ends at a sanctioned
entity — designated on a loaded list, or only reported as sanctioned — and starts where
the reports stop: at an entity no further edge leads into, or at the hop limit. Hops may
come from different reports; each keeps its claims. Routes that only lead part of the
way along a longer route to another sanctioned entity are left out (the longer one says
more). Ranking: fewer hops first, then the weakest hop's independent lineages, then the
number of reports, then fewer hedged claims.

The search is a bounded depth-first walk backward from the targets (or forward from
``--from``), with a budget of expanded paths so that one query on a dense million-claim
network still answers in well under a second; ``truncated`` says when the budget ran out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanctrace.graph.network import Network
from sanctrace.graph.views import ClaimViews, sanctions_view
from sanctrace.store.base import Store

DEFAULT_BUDGET = 200_000


@dataclass(slots=True)
class Route:
    edges: list[int]  # origin first

    def nodes(self, net: Network) -> list[int]:
        first = net.edges[self.edges[0]]
        return [first.src, *(net.edges[e].dst for e in self.edges)]


def _edge_strength(net: Network, e: int) -> tuple[int, int, int]:
    """(independent lineages, reports, hedged claims) behind one edge."""
    claims = net.edges[e].claims
    docs = {net.doc[c] for c in claims}
    lineages = {net.lineages.of(d) for d in docs} if net.lineages is not None else docs
    return len(lineages), len(docs), sum(net.hedged[c] for c in claims)


def _rank(net: Network, route: Route) -> tuple[Any, ...]:
    strengths = [_edge_strength(net, e) for e in route.edges]
    names = [net.names[n] for n in route.nodes(net)]
    return (
        len(route.edges),
        -min(s[0] for s in strengths),
        -sum(s[1] for s in strengths),
        sum(s[2] for s in strengths),
        names,
    )


def _backward(
    net: Network, target: int, max_hops: int, origin: int | None, state: dict[str, int]
) -> list[Route]:
    """Paths into ``target``: maximal ones, or those starting at ``origin`` when given."""
    found: list[Route] = []
    stack: list[tuple[int, list[int], frozenset[int]]] = [(target, [], frozenset([target]))]
    while stack:
        node, path, seen = stack.pop()
        state["expanded"] += 1
        if state["expanded"] > state["budget"]:
            state["truncated"] = 1
            break
        if origin is not None and node == origin and path:
            found.append(Route(path[::-1]))
            continue
        extended = False
        if len(path) < max_hops:
            for e in net.in_edges[node]:
                src = net.edges[e].src
                if src in seen:
                    continue
                extended = True
                stack.append((src, [*path, e], seen | {src}))
        if not extended and path and origin is None:
            found.append(Route(path[::-1]))
    return found


def _forward(net: Network, origin: int, max_hops: int, state: dict[str, int]) -> list[Route]:
    """Paths out of ``origin`` that reach a sanctioned entity."""
    found: list[Route] = []
    stack: list[tuple[int, list[int], frozenset[int]]] = [(origin, [], frozenset([origin]))]
    while stack:
        node, path, seen = stack.pop()
        state["expanded"] += 1
        if state["expanded"] > state["budget"]:
            state["truncated"] = 1
            break
        if path and net.sanctioned(node):
            found.append(Route(list(path)))
        if len(path) >= max_hops:
            continue
        for e in net.out_edges[node]:
            dst = net.edges[e].dst
            if dst not in seen:
                stack.append((dst, [*path, e], seen | {dst}))
    return found


def _drop_prefixes(routes: list[Route]) -> list[Route]:
    """Leave out routes that are the first part of a longer route found."""
    prefixes: set[tuple[int, ...]] = set()
    for r in routes:
        for n in range(1, len(r.edges)):
            prefixes.add(tuple(r.edges[:n]))
    unique: dict[tuple[int, ...], Route] = {}
    for r in routes:
        key = tuple(r.edges)
        if key not in prefixes:
            unique.setdefault(key, r)
    return list(unique.values())


def find_routes(
    net: Network,
    to: int | None = None,
    origin: int | None = None,
    max_hops: int = 4,
    limit: int | None = 50,
    budget: int = DEFAULT_BUDGET,
) -> tuple[list[Route], bool]:
    """Ranked routes and whether the search budget ran out before the search finished."""
    state = {"expanded": 0, "budget": budget, "truncated": 0}
    if to is not None:
        routes = _backward(net, to, max_hops, origin, state)
    elif origin is not None:
        routes = _forward(net, origin, max_hops, state)
    else:
        routes = []
        targets = sorted(n for n in {*net.designations, *net.reported} if net.in_edges[n])
        for target in targets:
            routes.extend(_backward(net, target, max_hops, None, state))
            if state["truncated"]:
                break
    routes = _drop_prefixes(routes)
    routes.sort(key=lambda r: _rank(net, r))
    if limit is not None:
        routes = routes[:limit]
    return routes, bool(state["truncated"])


def route_views(store: Store, net: Network, routes: list[Route]) -> list[dict[str, Any]]:
    """Routes as the CLI and API print them, each hop with its claims and evidence."""
    claims = {c for r in routes for e in r.edges for c in net.edges[e].claims}
    views = ClaimViews(store, net, claims)
    out = []
    for route in routes:
        nodes = route.nodes(net)
        hops = []
        for e in route.edges:
            edge = net.edges[e]
            lineages, documents, hedged = _edge_strength(net, e)
            hop_claims = []
            for c, role in zip(edge.claims, edge.roles, strict=True):
                view = views.view(c, hop=role)
                if view is not None:
                    hop_claims.append(view)
            hops.append(
                {
                    "from": net.names[edge.src],
                    "to": net.names[edge.dst],
                    "predicate": edge.predicate,
                    "via_hop": edge.via_hop,
                    "documents": documents,
                    "lineages": lineages,
                    "hedged": hedged == len(edge.claims),
                    "claims": hop_claims,
                }
            )
        end = nodes[-1]
        out.append(
            {
                "path": [net.names[n] for n in nodes],
                "ids": [net.entity_ids[n] for n in nodes],
                "hops": hops,
                "end": sanctions_view(net, end) if net.sanctioned(end) else _plain_end(net, end),
            }
        )
    return out


def _plain_end(net: Network, node: int) -> dict[str, Any]:
    return {
        "id": net.entity_ids[node],
        "name": net.names[node],
        "type": net.types[node],
        "status": "not sanctioned",
        "designations": [],
    }
