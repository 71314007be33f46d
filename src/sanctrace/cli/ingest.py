"""``sanctrace ingest``: read reports, extract entities and claims, store them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sanctrace.cli.options import DbOpt, JsonOpt, console, err_console, print_json
from sanctrace.errors import InputError
from sanctrace.pipeline import ingest_sources
from sanctrace.store import open_store


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        sources: Annotated[
            list[str],
            typer.Argument(
                help="Files, directories (read recursively) or http(s) URLs of pages and feeds."
            ),
        ],
        published: Annotated[
            str | None,
            typer.Option(
                help="Publication date for documents that do not state one, e.g. 2025-03-14."
            ),
        ] = None,
        model: Annotated[
            str | None,
            typer.Option(help="spaCy pipeline to extract with (default: $SANCTRACE_SPACY_MODEL)."),
        ] = None,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Read reports and store their entities and claims.

        Text, HTML news pages, PDF, DOCX, RSS/Atom feeds and URLs are read; the same content
        is stored once however often it is ingested. A file that cannot be read is named
        with the reason, the others go on, and the exit code is 2.

        Example: `sanctrace ingest reports/ https://example.org/story.html`
        """
        with (
            open_store(db) as store,
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                disable=json,
                transient=True,
            ) as bar,
        ):
            task = bar.add_task("ingesting", total=None)
            report = ingest_sources(
                store,
                sources,
                published=published,
                model=model,
                on_start=lambda total: bar.update(task, total=total),
                on_source=lambda _source: bar.advance(task),
            )
        if json:
            print_json(
                {
                    "ingested": report.stored,
                    "duplicates": report.duplicates,
                    "failed": report.failed,
                }
            )
        else:
            for item in report.stored:
                console.print(
                    f"[green]stored[/] {item['source']}: {item['entities']} entities,"
                    f" {item['claims']} claims",
                    highlight=False,
                )
            for item in report.duplicates:
                console.print(f"[dim]already stored[/] {item['source']}", highlight=False)
            console.print(
                f"{len(report.stored)} stored, {len(report.duplicates)} already stored,"
                f" {len(report.failed)} failed",
                highlight=False,
            )
        for failure in report.failed:
            err_console.print(
                f"[bold red]error:[/] {failure['error']}", highlight=False, soft_wrap=True
            )
        if report.failed:
            raise typer.Exit(InputError.exit_code)
