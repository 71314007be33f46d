"""Exports of the store for other tools, and analyst briefs.

    write_ftm(store, out)                 FollowTheMoney entities as JSON lines (Aleph, yente)
    write_gexf(store, path)               GEXF for Gephi
    write_graphml(store, path)            GraphML for Gephi, yEd, networkx
    write_neo4j_csv(store, folder)        entities.csv + claims.csv for neo4j-admin import
    render_brief(store, entity, format)   a Markdown or self-contained HTML brief

Names are imported on first use: followthemoney alone takes seconds to import, and the
web server needs only ``export.network`` to start.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "ftm_entities": "sanctrace.export.ftm",
    "write_ftm": "sanctrace.export.ftm",
    "write_gexf": "sanctrace.export.graphs",
    "write_graphml": "sanctrace.export.graphs",
    "write_neo4j_csv": "sanctrace.export.neo4j",
    "render_brief": "sanctrace.export.brief",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sanctrace.export' has no attribute {name!r}")
    return getattr(import_module(home), name)
