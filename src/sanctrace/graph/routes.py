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
network still answers in under a second; ``truncated`` says when the budget ran out
(narrow with ``--to``, ``--from`` or ``--max-hops`` to see everything).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanctrace.graph.network import Network
from sanctrace.graph.views import ClaimViews, sanctions_view
from sanctrace.store.base import Store

DEFAULT_BUDGET = 50_000  # expanded paths per query
MIN_PER_TARGET = 200  # so that every sanctioned end gets looked at


@dataclass(slots=True)
class Route:
    edges: tuple[int, ...]  # origin first

    def nodes(self, net: Network) -> list[int]:
        return [net.edge_src[self.edges[0]], *(net.edge_dst[e] for e in self.edges)]


def _edge_strength(net: Network, e: int) -> tuple[int, int, int]:
    """(independent lineages, reports, hedged claims) behind one edge; memoised."""
    memo: dict[int, tuple[int, int, int]] = net.cache.setdefault("edge_strength", {})
    found = memo.get(e)
    if found is None:
        claims = net.edges.claims[e]
        docs = {net.doc[c] for c in claims}
        lineages = {net.lineages.of(d) for d in docs} if net.lineages is not None else docs
        found = memo[e] = (len(lineages), len(docs), sum(net.hedged[c] for c in claims))
    return found


def _rank(net: Network, route: Route) -> tuple[Any, ...]:
    strengths = [_edge_strength(net, e) for e in route.edges]
    return (
        len(route.edges),
        -min(s[0] for s in strengths),
        -sum(s[1] for s in strengths),
        sum(s[2] for s in strengths),
        [net.names[n] for n in route.nodes(net)],
    )


def _backward(
    net: Network, target: int, max_hops: int, origin: int | None, budget: int
) -> tuple[list[Route], int]:
    """Paths into ``target``: maximal ones, or those starting at ``origin`` when given.

    Paths are tuples (edges reversed, nodes on the path): at most ``max_hops`` long, so
    a membership test on them is cheaper than a set. Returns the routes and the number of
    paths expanded (more than ``budget``: the search stopped early).
    """
    found: list[Route] = []
    in_edges, edge_src = net.in_edges, net.edge_src
    stack: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = [(target, (), (target,))]
    expanded = 0
    while stack:
        node, path, nodes = stack.pop()
        expanded += 1
        if expanded > budget:
            return found, expanded
        if origin is not None and node == origin and path:
            found.append(Route(path[::-1]))
            continue
        extended = False
        if len(path) < max_hops:
            for e in in_edges[node]:
                src = edge_src[e]
                if src in nodes:
                    continue
                extended = True
                stack.append((src, (*path, e), (*nodes, src)))
        if not extended and path and origin is None:
            found.append(Route(path[::-1]))
    return found, expanded


def _forward(net: Network, origin: int, max_hops: int, budget: int) -> tuple[list[Route], bool]:
    """Paths out of ``origin`` that reach a sanctioned entity."""
    found: list[Route] = []
    out_edges, edge_dst = net.out_edges, net.edge_dst
    stack: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = [(origin, (), (origin,))]
    expanded = 0
    while stack:
        node, path, nodes = stack.pop()
        expanded += 1
        if expanded > budget:
            return found, True
        if path and net.sanctioned(node):
            found.append(Route(path))
        if len(path) >= max_hops:
            continue
        for e in out_edges[node]:
            dst = edge_dst[e]
            if dst not in nodes:
                stack.append((dst, (*path, e), (*nodes, dst)))
    return found, False


def _drop_prefixes(routes: list[Route]) -> list[Route]:
    """Leave out routes that are the first part of a longer route found."""
    prefixes: set[tuple[int, ...]] = set()
    for r in routes:
        for n in range(1, len(r.edges)):
            prefixes.add(r.edges[:n])
    unique: dict[tuple[int, ...], Route] = {}
    for r in routes:
        if r.edges not in prefixes:
            unique.setdefault(r.edges, r)
    return list(unique.values())


def find_routes(
    net: Network,
    to: int | None = None,
    origin: int | None = None,
    max_hops: int = 4,
    limit: int | None = 50,
    budget: int = DEFAULT_BUDGET,
) -> tuple[list[Route], bool]:
    """Ranked routes and whether the search budget ran out before the search finished.

    Without ``to`` or ``origin`` every sanctioned end is searched, designated ones first,
    each with an equal share of the budget (at least ``MIN_PER_TARGET`` paths).
    """
    truncated = False
    if to is not None:
        routes, expanded = _backward(net, to, max_hops, origin, budget)
        truncated = expanded > budget
    elif origin is not None:
        routes, truncated = _forward(net, origin, max_hops, budget)
    else:
        routes = []
        targets = [n for n in {*net.designations, *net.reported} if net.in_edges[n]]
        targets.sort(key=lambda n: (n not in net.designations, n))
        share = max(MIN_PER_TARGET, budget // max(1, len(targets)))
        spent = 0
        for target in targets:
            if spent >= budget:
                truncated = True
                break
            found, expanded = _backward(net, target, max_hops, None, share)
            routes.extend(found)
            truncated |= expanded > share
            spent += expanded
    routes = _drop_prefixes(routes)
    if limit is not None and len(routes) > limit:
        # rank only the shortest few: length is the first ranking key
        routes.sort(key=lambda r: len(r.edges))
        cutoff = len(routes[limit - 1].edges)
        routes = [r for r in routes if len(r.edges) <= cutoff]
    routes.sort(key=lambda r: _rank(net, r))
    if limit is not None:
        routes = routes[:limit]
    return routes, truncated


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
