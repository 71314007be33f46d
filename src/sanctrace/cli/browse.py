"""Reading the store: ``entities``, ``claims``, ``show``, ``documents``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from sanctrace.cli.options import DbOpt, JsonOpt, console, print_json
from sanctrace.errors import InputError, NotFoundError
from sanctrace.graph.corroboration import corroborate
from sanctrace.model import ENTITY_TYPES
from sanctrace.resolve import ensure_resolved
from sanctrace.store import EntityRecord, Store, open_store
from sanctrace.views import claim_view, document_view, entity_view

EntityArg = Annotated[str, typer.Argument(help="Entity name, alias or id (as `entities` prints).")]


def find_entity(store: Store, key: str) -> EntityRecord:
    """The entity a user means by ``key``, or a NotFoundError suggesting near names."""
    entity = store.entity(key)
    if entity is not None:
        return entity
    near = store.search_entities(key, limit=5)
    hint = f"; did you mean {', '.join(repr(e.name) for e in near)}?" if near else ""
    raise NotFoundError(f"no entity named {key!r}{hint}")


def claim_views(store: Store, entity_id: str | None, predicate: str | None) -> list[dict[str, Any]]:
    """Claims as JSON views, each with its corroboration (documents, lineages, contradictions)."""
    screening = store.screening()
    records = store.claims(entity_id=entity_id, predicate=predicate)
    extras = corroborate(store, records)
    return [claim_view(r, screening, extras.get(r.id)) for r in records]


def _status(designations: list[dict[str, Any]]) -> str:
    if not designations:
        return ""
    lists = sorted({d["list"].upper() for d in designations})
    return f"[bold red]sanctioned[/] ({', '.join(lists)})"


def _role(view: dict[str, Any] | None) -> str:
    if view is None:
        return "[dim]?[/]"
    mark = " [red]●[/]" if view.get("sanctioned") else ""
    return f"{escape(view['name'])}{mark}"


def print_claims(views: list[dict[str, Any]]) -> None:
    for v in views:
        line = f"{_role(v['subject'])} —[bold]{v['predicate']}[/]→ {_role(v['object'])}"
        if v["via"]:
            line += f" via {_role(v['via'])}"
        if v["item"]:
            line += f" [dim](item: {escape(v['item']['name'])})[/]"
        flags = [f for f, on in (("hedged", v["hedged"]), ("NEGATED", v["negated"])) if on]
        if flags:
            line += f" [yellow]{' '.join(flags)}[/]"
        if v["time"]:
            line += f" [cyan]{escape(v['time']['text'])}[/]"
        console.print(line, highlight=False)
        source = v["document"]["title"] or v["document"]["source"]
        attribution = "; ".join(v["attribution"])
        console.print(
            f"   [dim]«{escape(v['evidence']['text'].strip())}» — {escape(source)}"
            + (f"; according to {escape(attribution)}" if attribution else "")
            + "[/]",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    @app.command()
    def entities(
        type: Annotated[
            str | None,
            typer.Option("--type", help=f"Only this type: {', '.join(ENTITY_TYPES)}."),
        ] = None,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """List every resolved entity, with its sanctions status.

        Example: `sanctrace entities --type Organization`
        """
        if type is not None and type not in ENTITY_TYPES:
            raise InputError(f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
        with open_store(db) as store:
            ensure_resolved(store)
            screening = store.screening()
            views = [entity_view(e, screening) for e in store.entities(type)]
        if json:
            print_json({"entities": views})
            return
        table = Table("name", "type", "docs", "mentions", "sanctions", "aliases")
        for v in views:
            table.add_row(
                escape(v["name"]),
                v["type"],
                str(v["documents"]),
                str(v["mentions"]),
                _status(v["designations"]),
                escape(", ".join(v["aliases"][:4])),
            )
        console.print(table)
        console.print(f"{len(views)} entities")

    @app.command()
    def claims(
        entity: Annotated[
            str | None,
            typer.Option("--entity", help="Only claims in which this entity takes part."),
        ] = None,
        predicate: Annotated[
            str | None, typer.Option("--predicate", help="Only this predicate, e.g. supplied.")
        ] = None,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """List claims with their evidence, attribution, hedging and time.

        Example: `sanctrace claims --entity "TSK Vektor" --predicate supplied --json`
        """
        with open_store(db) as store:
            ensure_resolved(store)
            entity_id = find_entity(store, entity).id if entity is not None else None
            views = claim_views(store, entity_id, predicate)
        if json:
            print_json({"claims": views})
            return
        print_claims(views)
        console.print(f"{len(views)} claims")

    @app.command()
    def show(entity: EntityArg, db: DbOpt = None, json: JsonOpt = False) -> None:
        """Everything known about one entity: designations and every claim with its evidence.

        Example: `sanctrace show "IEMZ Kupol"`
        """
        with open_store(db) as store:
            ensure_resolved(store)
            record = find_entity(store, entity)
            view = entity_view(record, store.screening())
            view["claims"] = claim_views(store, record.id, None)
        if json:
            print_json({"entity": view})
            return
        console.print(
            f"[bold]{escape(view['name'])}[/] ({view['type']}) {_status(view['designations'])}"
        )
        if view["aliases"]:
            console.print(f"also: {escape(', '.join(view['aliases']))}", highlight=False)
        for d in view["designations"]:
            console.print(
                f"  [red]{d['list'].upper()} {d['list_id']}[/] {escape(d['name'])}"
                f" [{', '.join(d['programs'])}] score {d['score']}",
                highlight=False,
            )
        console.print(f"\n{len(view['claims'])} claims")
        print_claims(view["claims"])

    @app.command()
    def documents(db: DbOpt = None, json: JsonOpt = False) -> None:
        """List stored documents with title, publisher, date and source."""
        with open_store(db) as store:
            docs = [document_view(d) for d in store.documents()]
        if json:
            print_json({"documents": docs})
            return
        table = Table("id", "published", "title", "publisher", "source")
        for d in docs:
            table.add_row(
                d["id"],
                d["published"] or "",
                escape(d["title"] or ""),
                escape(d["publisher"] or ""),
                escape(d["source"]),
            )
        console.print(table)
