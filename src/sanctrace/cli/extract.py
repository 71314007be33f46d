"""``sanctrace extract``: print the entities and claims of reports, without storing them."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

import typer
from rich.markup import escape

from sanctrace.cli.options import JsonOpt, console, print_json
from sanctrace.model import Document, Extraction


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        files: Annotated[list[str], typer.Argument(help="Report files (text, HTML, PDF, DOCX).")],
        model: Annotated[
            str | None,
            typer.Option(help="spaCy pipeline to extract with (default: $SANCTRACE_SPACY_MODEL)."),
        ] = None,
        published: Annotated[
            str | None,
            typer.Option(
                help="Publication date for documents that state none, e.g. 2025-03-14; relative"
                " times such as 'last year' resolve against it."
            ),
        ] = None,
        json: JsonOpt = False,
    ) -> None:
        """Extract entities and claims from reports and print them; nothing is stored.

        With `--json` the output is the evaluation contract: `{"documents": [...]}`, one
        object per document with entities (id, name, type, aliases, mentions) and claims
        (predicate, subject, object, via, item, attribution, hedged, time, evidence).

        Example: `sanctrace extract --json report.txt > extraction.json`
        """
        from sanctrace.extract import Extractor, extraction_to_json
        from sanctrace.ingest import parse_date, read_source

        date = parse_date(published) if published else None
        documents: list[Document] = []
        for path in files:
            documents.extend(read_source(path, published=date))
        extractor = Extractor(model)
        results = list(extractor.extract_many(documents))
        if json:
            print_json({"documents": [extraction_to_json(x) for x in results]})
            return
        for result in results:
            _print_summary(result)


def _print_summary(result: Extraction) -> None:
    doc = result.document
    console.rule(f"[bold]{escape(doc.file)}[/]", align="left")
    if doc.title:
        console.print(f"[bold]{escape(doc.title)}[/]  [dim]{doc.published or 'undated'}[/]")
    by_type: dict[str, list[str]] = defaultdict(list)
    names = {}
    for e in result.entities:
        by_type[e.type].append(e.name)
        names[e.id] = e.name
    for typ in sorted(by_type):
        console.print(f"[cyan]{typ}[/]: " + escape(", ".join(by_type[typ])), highlight=False)
    console.print(f"[bold]{len(result.claims)} claims[/]")
    for c in result.claims:
        subject = names.get(c.subject or "", "?")
        obj = names.get(c.object or "", "—") if c.object else "—"
        line = f"  {escape(subject)} —{c.predicate}→ {escape(obj)}"
        if c.via:
            line += f" [via {escape(names[c.via])}]"
        if c.item:
            line += f" [item {escape(names[c.item])}]"
        if c.negated:
            line += " [red](negated)[/]"
        if c.hedged:
            line += " [yellow](hedged)[/]"
        if c.time is not None:
            line += f" [dim]{escape(c.time.text)}[/]"
        evidence = c.evidence.text if len(c.evidence.text) <= 160 else c.evidence.text[:157] + "..."
        line += f" [dim]«{escape(evidence)}»[/]"
        console.print(line, highlight=False, soft_wrap=True)
