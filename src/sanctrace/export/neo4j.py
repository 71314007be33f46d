"""CSV files for ``neo4j-admin database import``: one node file, one relationship file.

    entities.csv   :ID, name, :LABEL (type;status), type, status, aliases, designations, ...
    claims.csv     :START_ID, :END_ID, :TYPE (the predicate in upper case, NOT_ before a
                   denied one), claim id,
                   evidence, document, hedged, negated, attribution, time

Every claim between two resolved entities is one relationship (a claim with ``via``
gives its two hops as well), so the evidence of each stays on its own row.
Import: ``neo4j-admin database import full --nodes=entities.csv
--relationships=claims.csv``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sanctrace.export.network import build_network, programs
from sanctrace.store.base import Store

ENTITY_HEADER = [
    ":ID",
    "name",
    ":LABEL",
    "type",
    "status",
    "aliases:string[]",
    "designations:string[]",
    "programs:string[]",
    "documents:int",
]
CLAIM_HEADER = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "claim",
    "predicate",
    "evidence",
    "document",
    "document_title",
    "published",
    "hedged:boolean",
    "negated:boolean",
    "via_hop:boolean",
    "attribution:string[]",
    "time",
]


def _array(values: list[str]) -> str:
    """neo4j-admin's array delimiter is ``;``: drop it from values rather than split them."""
    return ";".join(v.replace(";", ",") for v in values)


def write_neo4j_csv(store: Store, folder: str | Path) -> tuple[int, int]:
    """Write ``entities.csv`` and ``claims.csv`` into ``folder``; return the row counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    network = build_network(store)
    with (folder / "entities.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(ENTITY_HEADER)
        for node in network.nodes.values():
            labels = ["Entity", node.type]
            if node.status != "other":
                labels.append(node.status.capitalize())
            writer.writerow(
                [
                    node.id,
                    node.name,
                    ";".join(labels),
                    node.type,
                    node.status,
                    _array(node.aliases),
                    _array([f"{m.list}:{m.list_id}" for m in node.designations]),
                    _array(programs(node)),
                    node.documents,
                ]
            )
    rows = 0
    with (folder / "claims.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CLAIM_HEADER)
        for edge in network.edges:
            for record in edge.claims:
                c = record.claim
                writer.writerow(
                    [
                        edge.source,
                        edge.target,
                        ("NOT_" if c.negated else "") + edge.predicate.upper(),
                        record.id,
                        edge.predicate,
                        c.evidence.text.strip(),
                        record.doc_id,
                        record.document_title or record.document_source,
                        record.document_published or "",
                        str(c.hedged).lower(),
                        str(c.negated).lower(),
                        str(edge.via).lower(),
                        _array(c.attribution),
                        c.time.text if c.time else "",
                    ]
                )
                rows += 1
    return len(network.nodes), rows
