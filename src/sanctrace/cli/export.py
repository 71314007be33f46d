"""``sanctrace export`` (FtM, GEXF, GraphML, neo4j CSV) and ``sanctrace brief``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from sanctrace.cli.options import DbOpt, JsonOpt, console, print_json
from sanctrace.errors import InputError
from sanctrace.resolve import ensure_resolved
from sanctrace.store import open_store


class ExportFormat(StrEnum):
    ftm = "ftm"
    gexf = "gexf"
    graphml = "graphml"
    csv = "csv"


def _output(path: str, folder: bool = False) -> Path:
    """The output path, refusing one whose parent folder does not exist."""
    target = Path(path)
    parent = target if folder else target.parent
    if folder and target.exists() and not target.is_dir():
        raise InputError("is a file; csv export writes a folder", source=path)
    if not folder and not parent.exists():
        raise InputError(f"folder {str(parent)!r} does not exist", source=path)
    if not folder and target.is_dir():
        raise InputError("is a folder; give a file name", source=path)
    return target


def _export(format: ExportFormat, output: str, db: str | None) -> dict[str, Any]:
    from sanctrace.export import write_ftm, write_gexf, write_graphml, write_neo4j_csv

    with open_store(db) as store:
        ensure_resolved(store)
        if format is ExportFormat.ftm:
            if output == "-":
                return {"format": "ftm", "path": "-", "entities": write_ftm(store, sys.stdout)}
            target = _output(output)
            tmp = target.with_name(target.name + ".part")
            with tmp.open("w", encoding="utf-8") as out:
                count = write_ftm(store, out)
            tmp.replace(target)  # a half-written file never takes the name
            return {"format": "ftm", "path": str(target), "entities": count}
        if format is ExportFormat.csv:
            target = _output(output, folder=True)
            nodes, rows = write_neo4j_csv(store, target)
            return {"format": "csv", "path": str(target), "nodes": nodes, "relationships": rows}
        target = _output(output)
        writer = write_gexf if format is ExportFormat.gexf else write_graphml
        graph = writer(store, target)
        return {
            "format": format.value,
            "path": str(target),
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
        }


def register(app: typer.Typer) -> None:
    @app.command()
    def export(
        format: Annotated[
            ExportFormat,
            typer.Argument(
                help="ftm: FollowTheMoney JSON lines (Aleph, yente); gexf, graphml: the "
                "network for Gephi; csv: entities.csv + claims.csv for neo4j-admin import."
            ),
        ],
        output: Annotated[
            str,
            typer.Option(
                "-o", "--output", help="File to write (a folder for csv; - for ftm on stdout)."
            ),
        ],
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Export the store for other tools, evidence included.

        Example: `sanctrace export ftm -o network.ftm.json`, `sanctrace export csv -o neo4j/`
        """
        result = _export(format, output, db)
        if json:
            print_json({"export": [result]})
        elif result["path"] != "-":
            counts = ", ".join(f"{v} {k}" for k, v in result.items() if isinstance(v, int))
            console.print(f"wrote {result['path']} ({counts})", highlight=False)

    @app.command()
    def brief(
        entity: Annotated[
            str | None,
            typer.Argument(help="Entity name, alias or id; leave out for the whole network."),
        ] = None,
        output: Annotated[
            str,
            typer.Option(
                "-o",
                "--output",
                help="FILE.md (Markdown + mermaid), FILE.html "
                "(self-contained, inline SVG), or - for Markdown on stdout.",
            ),
        ] = "-",
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Write an analyst brief: summary, designations, routes, candidates, claims, picture.

        Example: `sanctrace brief "TSK Vektor" -o vektor.html`
        """
        from sanctrace.export import render_brief

        suffix = Path(output).suffix.lower() if output != "-" else ".md"
        formats = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
        if suffix not in formats:
            raise InputError("the brief is written as .md or .html", source=output)
        with open_store(db) as store:
            ensure_resolved(store)
            text = render_brief(store, entity, formats[suffix])
        if output == "-":
            sys.stdout.write(text)
            return
        target = _output(output)
        target.write_text(text, encoding="utf-8")
        if json:
            print_json(
                {
                    "brief": [
                        {
                            "path": str(target),
                            "format": formats[suffix],
                            "entity": entity,
                            "characters": len(text),
                        }
                    ]
                }
            )
        else:
            console.print(f"wrote {target}", highlight=False)
