"""Exports of the store for other tools, and analyst briefs.

write_ftm(store, out)          FollowTheMoney entities as JSON lines (Aleph, yente)
write_gexf(store, path)        GEXF for Gephi
write_graphml(store, path)     GraphML for Gephi, yEd, networkx
write_neo4j_csv(store, folder) entities.csv + claims.csv for neo4j-admin import
render_brief(store, entity, format)   a Markdown or self-contained HTML brief
"""

from sanctrace.export.brief import render_brief
from sanctrace.export.ftm import ftm_entities, write_ftm
from sanctrace.export.graphs import write_gexf, write_graphml
from sanctrace.export.neo4j import write_neo4j_csv

__all__ = [
    "ftm_entities",
    "render_brief",
    "write_ftm",
    "write_gexf",
    "write_graphml",
    "write_neo4j_csv",
]
