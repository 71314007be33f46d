"""GEXF, GraphML and neo4j CSV: written, read back, and checked node by node."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from api.sample import IMG_NAME, SCRIPT_NAME
from sanctrace.export import write_gexf, write_graphml, write_neo4j_csv
from sanctrace.export.neo4j import CLAIM_HEADER, ENTITY_HEADER
from sanctrace.store import Store


def _by_label(graph: nx.MultiDiGraph) -> dict[str, dict]:
    return {data["label"]: {"id": n, **data} for n, data in graph.nodes(data=True)}


@pytest.mark.parametrize(
    ("writer", "reader", "suffix"),
    [(write_gexf, nx.read_gexf, "gexf"), (write_graphml, nx.read_graphml, "graphml")],
)
def test_graph_files_round_trip_through_networkx(
    store: Store,
    out: Path,
    writer,
    reader,
    suffix: str,  # noqa: ANN001
) -> None:
    path = out / f"network.{suffix}"
    written = writer(store, path)
    graph = reader(str(path))
    assert graph.number_of_nodes() == written.number_of_nodes() == 6
    assert graph.number_of_edges() == written.number_of_edges() == 6
    nodes = _by_label(graph)
    assert nodes["Tula Armour"]["status"] == "sanctioned"
    assert nodes["Tula Armour"]["designations"] == "ofac:90001"
    assert nodes["Tula Armour"]["programs"] == "RUSSIA-EO14024"
    assert nodes[SCRIPT_NAME]["status"] == "candidate"  # hostile names are plain labels
    assert nodes["Ivan Petrov"]["type"] == "Person"
    edges = {
        (graph.nodes[u]["label"], graph.nodes[v]["label"]): d for u, v, d in graph.edges(data=True)
    }
    denied = edges[(IMG_NAME, "Tula Armour")]
    assert denied["predicate"] == "supplied" and denied["negated"] in (True, "true")
    officer = edges[("Ivan Petrov", "Minsk Trade LLC")]
    assert officer["label"] == "officer_of"
    assert officer["evidence"] == "Ivan Petrov is the director of Minsk Trade LLC."
    assert int(officer["weight"]) == 1 and officer["source_document"] == "Optics for the front"


def test_neo4j_csv_has_admin_import_headers_and_evidence(store: Store, out: Path) -> None:
    nodes, rows = write_neo4j_csv(store, out / "neo4j")
    with (out / "neo4j" / "entities.csv").open(newline="") as f:
        entities = list(csv.reader(f))
    with (out / "neo4j" / "claims.csv").open(newline="") as f:
        claims = list(csv.DictReader(f))
    assert entities[0] == ENTITY_HEADER and entities[0][:3] == [":ID", "name", ":LABEL"]
    assert len(entities) - 1 == nodes == 6
    ids = {row[0] for row in entities[1:]}
    labels = {row[1]: row[2] for row in entities[1:]}
    assert labels["Tula Armour"] == "Entity;Organization;Sanctioned"
    assert labels["Ivan Petrov"] == "Entity;Person"
    assert list(claims[0]) == CLAIM_HEADER and len(claims) == rows == 6
    for row in claims:  # every relationship joins two exported nodes
        assert row[":START_ID"] in ids and row[":END_ID"] in ids
        assert row["evidence"] and row["document"].startswith("doc-")
    types = sorted(row[":TYPE"] for row in claims)
    assert types == ["NOT_SUPPLIED", "OFFICER_OF", "SUPPLIED", "SUPPLIED", "SUPPLIED", "SUPPLIED"]
    hop = next(r for r in claims if r["via_hop:boolean"] == "true")
    assert hop["attribution:string[]"] == "customs records" and hop["time"] == "in 2024"
