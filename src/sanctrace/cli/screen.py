"""``sanctrace screen``: match names, or every stored actor, against the loaded lists."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sanctrace.cli.options import DbOpt, JsonOpt, console, print_json
from sanctrace.errors import InputError
from sanctrace.model import ENTITY_TYPES, ScreenMatch
from sanctrace.screen.screening import load_index, screen_entities, screen_name
from sanctrace.settings import get_settings
from sanctrace.store import open_store
from sanctrace.views import match_view


def _table(matches: list[ScreenMatch]) -> Table:
    table = Table("score", "list", "id", "listed name", "programmes", "matched alias: why")
    for m in matches:
        why = m.explanation.split("': ", 1)[-1]
        table.add_row(f"{m.score:.2f}", m.list, m.list_id, m.name, ", ".join(m.programs),
                      f"{m.matched_alias}: {why}")
    return table


def register(app: typer.Typer) -> None:
    @app.command()
    def screen(
        name: Annotated[str | None, typer.Argument(help="A name to screen, in any script.")] = None,
        all_entities: Annotated[
            bool, typer.Option("--all", help="Screen every stored actor and save the results.")
        ] = False,
        type: Annotated[
            str | None,
            typer.Option("--type", help=f"What the name is ({', '.join(ENTITY_TYPES)}); "
                         "a person matched to a company, or the reverse, scores lower."),
        ] = None,
        country: Annotated[
            list[str] | None,
            typer.Option("--country", help="A country the actor is tied to (name or ISO code); "
                         "repeatable. A listed actor with only other countries scores a little "
                         "lower."),
        ] = None,
        threshold: Annotated[
            float | None,
            typer.Option(help="Lowest score reported (default: $SANCTRACE_MATCH_THRESHOLD)."),
        ] = None,
        limit: Annotated[int, typer.Option(help="Most matches shown per name.")] = 20,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Screen a name, or every stored actor, against the loaded sanctions lists.

        Names match across scripts, legal forms (OOO = LLC), word order, acronyms (IEMZ),
        transliterations (Vektor/Vector) and typos; every match says which listed alias
        matched which words and what lowered the score.

        Examples: `sanctrace screen "IEMZ Kupol"`, `sanctrace screen --all --json`
        """
        if (name is None) == (not all_entities):
            raise InputError("give one NAME to screen, or --all (not both)")
        if type is not None and type not in ENTITY_TYPES:
            raise InputError(f"unknown --type {type!r} (one of {', '.join(ENTITY_TYPES)})")
        if threshold is None:
            threshold = get_settings().match_threshold
        if not 0.0 <= threshold <= 1.0:
            raise InputError(f"--threshold {threshold} is not between 0 and 1")
        with open_store(db) as store:
            index = load_index(store)
            if name is not None:
                matches = screen_name(index, name, type, country or [], threshold, limit)
                if json:
                    print_json({"query": name, "matches": [match_view(m) for m in matches]})
                elif matches:
                    console.print(_table(matches))
                else:
                    console.print(f"No listed name scores {threshold:.2f} or more for {name!r}.")
                return
            results, types = screen_entities(store, index, threshold)
            store.save_screening(results)
            names = {e.id: e.name for e in store.entities()}
        if json:
            print_json({"screening": [
                {"entity": entity_id, "name": names.get(entity_id, ""), "type": types[entity_id],
                 "matches": [match_view(m) for m in matches]}
                for entity_id, matches in results.items()
            ]})
            return
        flagged = {e: m for e, m in results.items() if m}
        console.print(f"Screened {len(results)} actors; {len(flagged)} match a listed name.")
        for entity_id, matches in flagged.items():
            console.print(f"[bold]{names.get(entity_id, entity_id)}[/] ({types[entity_id]})")
            console.print(_table(matches[:5]))
