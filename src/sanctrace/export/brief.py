"""Analyst briefs: one entity (or the whole network) as Markdown or self-contained HTML.

A brief holds a summary, the actors with their designations, the supply routes into
sanctioned actors, the designation candidates, a claims table with sources and
corroboration, and a picture of the network: a mermaid block in Markdown, an inline SVG
laid out here (networkx spring layout, fixed seed) in HTML, so the file needs nothing
else to open. Report text is escaped in both: a name like ``<script>`` stays text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from sanctrace.errors import InputError, NotFoundError
from sanctrace.export.network import Network, build_network
from sanctrace.graph import (
    candidate_views,
    find_candidates,
    find_routes,
    load_network,
    route_views,
)
from sanctrace.graph.corroboration import corroborate
from sanctrace.store.base import EntityRecord, Store
from sanctrace.views import claim_view, entity_view

FORMATS = ("md", "html")
MAX_NODES = 60  # a brief's picture stays readable; the exports carry the whole network
COLOURS = {"sanctioned": "#c0392b", "candidate": "#e6a100", "other": "#9aa0a6"}


@dataclass(slots=True)
class Brief:
    title: str
    scope: str
    generated: str
    summary: list[str]
    actors: list[dict[str, Any]]
    routes: list[dict[str, Any]]
    candidates: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    network: Network
    focus: str | None = None
    layout: dict[str, tuple[float, float]] = field(default_factory=dict)


def _find(store: Store, key: str) -> EntityRecord:
    entity = store.entity(key)
    if entity is None:
        near = store.search_entities(key, limit=5)
        hint = f"; did you mean {', '.join(repr(e.name) for e in near)}?" if near else ""
        raise NotFoundError(f"no entity named {key!r}{hint}")
    return entity


def _trim(network: Network, focus: str | None) -> Network:
    """At most MAX_NODES nodes: the best-corroborated links first, the focus always kept."""
    if len(network.nodes) <= MAX_NODES:
        return network
    keep: set[str] = {focus} if focus else set()
    for edge in network.edges:  # sorted by weight already
        if len(keep | {edge.source, edge.target}) > MAX_NODES:
            break
        keep |= {edge.source, edge.target}
    return Network(
        {k: v for k, v in network.nodes.items() if k in keep},
        [e for e in network.edges if e.source in keep and e.target in keep],
    )


def build_brief(store: Store, entity: str | None = None) -> Brief:
    """Gather everything a brief shows, for one entity's neighbourhood or the whole store."""
    record = _find(store, entity) if entity is not None else None
    screening = store.screening()
    full = build_network(store)
    network = full.neighbourhood(record.id, depth=2) if record is not None else full
    network = _trim(network, record.id if record else None)
    scope_ids = set(network.nodes) | ({record.id} if record else set())

    net = load_network(store)
    found, _ = find_routes(net, None, None, 4, 200)
    routes = route_views(store, net, found)
    if record is not None:
        routes = [r for r in routes if record.id in r["ids"]]
    routes = routes[:20]
    candidates = candidate_views(store, net, find_candidates(net, limit=None))
    if record is not None:
        candidates = [
            c
            for c in candidates
            if c["id"] in scope_ids or any(r["target"] == record.name for r in c["reasons"])
        ]
    candidates = candidates[:15]

    records = store.claims(entity_id=record.id) if record is not None else store.claims()
    extras = corroborate(store, records)
    claims = [claim_view(r, screening, extras.get(r.id)) for r in records]
    claims.sort(key=lambda c: (-(c.get("lineages") or 0), c["predicate"], c["id"]))

    entities = {e.id: e for e in store.entities()}
    actors = [
        entity_view(entities[i], screening) | {"status": network.nodes[i].status}
        for i in network.nodes
        if i in entities
    ]
    actors.sort(key=lambda a: (["sanctioned", "candidate", "other"].index(a["status"]), a["name"]))
    for actor in actors:
        for d in actor["designations"]:
            listing = store.designation(d["list"], d["list_id"])
            d["listed_on"] = listing.listed_on.isoformat() if listing and listing.listed_on else ""

    documents = {c["document"]["id"]: c["document"] for c in claims}
    dates = sorted(d["published"] for d in documents.values() if d["published"])
    sanctioned = [a for a in actors if a["status"] == "sanctioned"]
    summary = [
        f"{len(claims)} claims from {len(documents)} reports"
        + (f" published {dates[0]} to {dates[-1]}" if dates else ""),
        f"{len(actors)} actors in the picture, {len(sanctioned)} of them sanctioned",
        f"{len(routes)} supply routes into sanctioned actors",
        f"{len(candidates)} unsanctioned actors ranked as designation candidates",
    ]
    if record is not None:
        view = entity_view(record, screening)
        status = (
            "sanctioned: "
            + ", ".join(f"{d['list'].upper()} {d['list_id']}" for d in view["designations"])
            if view["designations"]
            else "on no loaded sanctions list"
        )
        summary.insert(0, f"{record.name} ({record.type}) is {status}")
    brief = Brief(
        title=f"Brief: {record.name}" if record else "Network brief",
        scope=record.name if record else "all reports",
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        summary=summary,
        actors=actors,
        routes=routes,
        candidates=candidates,
        claims=claims,
        network=network,
        focus=record.id if record else None,
    )
    brief.layout = layout(network)
    return brief


def layout(
    network: Network, width: float = 900, height: float = 560
) -> dict[str, tuple[float, float]]:
    """Node positions in an SVG box: networkx spring layout with a fixed seed."""
    if not network.nodes:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(network.nodes))
    for e in network.edges:
        graph.add_edge(e.source, e.target, weight=e.weight)
    pos = nx.spring_layout(graph, seed=7, k=1.6 / max(len(graph), 1) ** 0.5)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    margin = 90
    return {
        n: (
            round(margin + (p[0] - min(xs)) / span_x * (width - 2 * margin), 1),
            round(50 + (p[1] - min(ys)) / span_y * (height - 100), 1),
        )
        for n, p in pos.items()
    }


# -- Markdown -----------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md(text: object) -> str:
    """Report text made inert in Markdown: HTML escaped, Markdown syntax backslashed."""
    plain = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(plain, quote=False))


_MERMAID_CODES = {"&": "#38;", "<": "#60;", ">": "#62;", '"': "#quot;", "'": "#39;"}
_MERMAID_SPECIAL = re.compile(r"[&<>\"'|\[\]{}()]")


def _mermaid_label(text: str) -> str:
    """A label in mermaid's own entity codes: nothing in it is markup or mermaid syntax."""
    plain = " ".join(text.split())
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_CODES.get(m[0], f"#{ord(m[0])};"), plain)


def mermaid(network: Network) -> str:
    ids = {n: f"n{i}" for i, n in enumerate(network.nodes)}
    lines = ["```mermaid", "graph LR"]
    for node_id, node in network.nodes.items():
        lines.append(f'  {ids[node_id]}["{_mermaid_label(node.name)}"]:::{node.status}')
    for e in network.edges:
        label = ("not " if e.negated else "") + e.predicate.replace("_", " ")
        arrow = "-.->" if e.negated or e.hedged else "-->"
        lines.append(f"  {ids[e.source]} {arrow}|{label} ×{e.weight}| {ids[e.target]}")
    for status, colour in COLOURS.items():
        lines.append(f"  classDef {status} fill:{colour},color:#fff")
    lines.append("```")
    return "\n".join(lines)


def _role(v: dict[str, Any] | None) -> str:
    return md(v["name"]) if v else "?"


def render_markdown(brief: Brief) -> str:
    out = [
        f"# {md(brief.title)}",
        "",
        f"_Generated {brief.generated} by sanctrace; scope: {md(brief.scope)}._",
        "",
        "## Summary",
        "",
    ]
    out += [f"- {md(line)}" for line in brief.summary]
    out += ["", "## Network", "", mermaid(brief.network), ""]
    out += [
        "## Actors and designations",
        "",
        "| actor | type | status | designations |",
        "|---|---|---|---|",
    ]
    for a in brief.actors:
        listed = "; ".join(
            f"{d['list'].upper()} {md(d['list_id'])} ({md(', '.join(d['programs']))})"
            + (f", listed {d['listed_on']}" if d["listed_on"] else "")
            for d in a["designations"]
        )
        out.append(f"| {md(a['name'])} | {a['type']} | {a['status']} | {listed} |")
    out += ["", "## Supply routes into sanctioned actors", ""]
    if not brief.routes:
        out.append("None found.")
    for i, r in enumerate(brief.routes, 1):
        out.append(f"{i}. {' → '.join(md(n) for n in r['path'])}")
        for hop in r["hops"]:
            out.append(
                f"    - {md(hop['from'])} *{hop['predicate'].replace('_', ' ')}* {md(hop['to'])}"
                f" — {hop['documents']} report(s), {hop['lineages']} independent"
            )
    out += ["", "## Designation candidates", ""]
    if not brief.candidates:
        out.append("None found.")
    for i, c in enumerate(brief.candidates, 1):
        reasons = "; ".join(md(r["text"]) for r in c["reasons"][:4])
        out.append(f"{i}. **{md(c['name'])}** ({c['type']}, score {c['score']}): {reasons}")
    out += [
        "",
        "## Claims",
        "",
        "| subject | claim | object | evidence | source | corroboration |",
        "|---|---|---|---|---|---|",
    ]
    for c in brief.claims:
        pred = ("not " if c["negated"] else "") + c["predicate"].replace("_", " ")
        if c["hedged"]:
            pred += " (hedged)"
        doc = c["document"]
        source = md(doc["title"] or doc["source"]) + (
            f", {doc['published']}" if doc["published"] else ""
        )
        if c["attribution"]:
            source += f"; according to {md('; '.join(c['attribution']))}"
        corroboration = (
            f"{c['documents']} report(s), {c['lineages']} independent" if "documents" in c else ""
        )
        out.append(
            f"| {_role(c['subject'])} | {pred} | {_role(c['object'])} "
            f"| “{md(c['evidence']['text'])}” | {source} | {corroboration} |"
        )
    return "\n".join(out) + "\n"


# -- HTML ---------------------------------------------------------------------------------
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("sanctrace.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _edge_geometry(brief: Brief, radius: float = 14) -> list[dict[str, Any]]:
    """Each edge as a line between node rims, with its width, dash and label position."""
    out = []
    for e in brief.network.edges:
        (x1, y1), (x2, y2) = brief.layout[e.source], brief.layout[e.target]
        dx, dy = x2 - x1, y2 - y1
        length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
        ux, uy = dx / length, dy / length
        out.append(
            {
                "x1": round(x1 + ux * radius, 1),
                "y1": round(y1 + uy * radius, 1),
                "x2": round(x2 - ux * (radius + 4), 1),
                "y2": round(y2 - uy * (radius + 4), 1),
                "lx": round((x1 + x2) / 2, 1),
                "ly": round((y1 + y2) / 2 - 4, 1),
                "width": min(1.5 + (e.weight - 1) * 1.5, 7),
                "dash": "2 4" if e.negated else "6 4" if e.hedged else "",
                "label": ("not " if e.negated else "") + e.predicate.replace("_", " "),
                "title": f"{brief.network.nodes[e.source].name} {e.predicate} "
                f"{brief.network.nodes[e.target].name}: {e.documents} report(s), "
                f"{e.weight} independent",
            }
        )
    return out


def render_html(brief: Brief) -> str:
    shapes = {n: _shape(node.type) for n, node in brief.network.nodes.items()}
    return (
        _environment()
        .get_template("brief.html")
        .render(brief=brief, colours=COLOURS, shapes=shapes, edges=_edge_geometry(brief))
    )


def _shape(entity_type: str) -> str:
    return {"Person": "circle", "Location": "triangle", "Product": "diamond"}.get(
        entity_type, "rect"
    )


def render_brief(store: Store, entity: str | None = None, format: str = "md") -> str:
    """The brief as text: ``format`` is ``md`` (Markdown with mermaid) or ``html``."""
    if format not in FORMATS:
        raise InputError(f"unknown brief format {format!r}; use one of {', '.join(FORMATS)}")
    brief = build_brief(store, entity)
    return render_markdown(brief) if format == "md" else render_html(brief)
