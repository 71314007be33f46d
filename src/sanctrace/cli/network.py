"""The network across reports: ``routes``, ``candidates``, ``timeline``, and the analyst's
``merge``, ``split`` and ``judgements``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from sanctrace.cli.browse import find_entity
from sanctrace.cli.options import DbOpt, JsonOpt, console, print_json
from sanctrace.errors import InputError
from sanctrace.graph import (
    candidate_views,
    find_candidates,
    find_routes,
    load_network,
    route_views,
    timeline,
)
from sanctrace.graph.network import Network
from sanctrace.resolve import ensure_resolved, entity_ref, resolve
from sanctrace.store import Store, open_store
from sanctrace.views import entity_view, judgement_view

EntityArg = Annotated[str, typer.Argument(help="Entity name, alias or id (as `entities` prints).")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, help="Show at most this many.")]


def _node(store: Store, net: Network, key: str) -> int:
    entity = find_entity(store, key)
    node = net.index.get(entity.id)
    if node is None:  # resolved after the network was built: cannot happen, but say so
        raise InputError(f"entity {key!r} is not in the network; run `sanctrace entities`")
    return node


def _sanction_mark(end: dict[str, Any]) -> str:
    if end["status"] == "designated":
        ids = sorted(
            {f"{d['list'].upper()} {d['list_id']}" for d in end["designations"] if d["list"]}
        )
        return f"[bold red]designated[/] ({', '.join(ids)})"
    if end["status"] == "reported":
        by = sorted({d["by"] for d in end["designations"] if d["by"]})
        return "[red]reported sanctioned[/]" + (f" (by {', '.join(by)})" if by else "")
    return ""


def _evidence_line(claim: dict[str, Any]) -> str:
    doc = claim["document"]["title"] or claim["document"]["source"]
    flags = [f for f, on in (("hedged", claim["hedged"]),) if on]
    flags += [c["kind"] for c in claim.get("contradictions", [])]
    extra = f" [yellow]{' '.join(flags)}[/]" if flags else ""
    when = f" [cyan]{escape(claim['time']['text'])}[/]" if claim["time"] else ""
    quote = escape(claim["evidence"]["text"].strip())
    return (
        f"      [dim]{claim['predicate']}: «{quote}» — {escape(doc)}"
        f" ({claim['documents']} report(s), {claim['lineages']} lineage(s))[/]{when}{extra}"
    )


def register(app: typer.Typer) -> None:
    @app.command()
    def routes(
        to: Annotated[
            str | None, typer.Option("--to", help="Only routes that end at this entity.")
        ] = None,
        from_: Annotated[
            str | None, typer.Option("--from", help="Only routes that start at this entity.")
        ] = None,
        max_hops: Annotated[
            int, typer.Option("--max-hops", min=1, max=10, help="Longest route, in hops.")
        ] = 4,
        limit: LimitOpt = 50,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Supply routes that end at a sanctioned entity, each hop with its claims and evidence.

        Hops may come from different reports. Sanctioned means matched to a loaded list
        (`screen --all`) or, flagged as "reported", stated in a report. Shorter and
        better-corroborated routes come first.

        Example: `sanctrace routes --to "IEMZ Kupol" --max-hops 3`
        """
        with open_store(db) as store:
            net = load_network(store)
            target = _node(store, net, to) if to is not None else None
            origin = _node(store, net, from_) if from_ is not None else None
            found, truncated = find_routes(net, target, origin, max_hops, limit)
            views = route_views(store, net, found)
        if json:
            print_json({"routes": views, "truncated": truncated})
            return
        for i, r in enumerate(views, 1):
            path = " → ".join(escape(n) for n in r["path"])
            console.print(f"[bold]{i}.[/] {path}  {_sanction_mark(r['end'])}", highlight=False)
            for hop in r["hops"]:
                via = " [dim](via hop)[/]" if hop["via_hop"] else ""
                edge = f"{escape(hop['from'])} —[bold]{hop['predicate']}[/]→ {escape(hop['to'])}"
                console.print(f"   {edge}{via}", highlight=False)
                for claim in hop["claims"]:
                    console.print(_evidence_line(claim), highlight=False)
        console.print(f"{len(views)} routes" + (" (search budget reached)" if truncated else ""))

    @app.command()
    def candidates(limit: LimitOpt = 20, db: DbOpt = None, json: JsonOpt = False) -> None:
        """Unlisted organisations and people ranked by how directly they feed sanctioned ones.

        Reasons: supplier, intermediary, front, owner, officer, trainer, collaborator, maker
        of a product a sanctioned entity took, upstream supplier; weighted by hedging and
        independent corroboration. Negated claims are not evidence.

        Example: `sanctrace candidates --limit 10 --json`
        """
        with open_store(db) as store:
            net = load_network(store)
            views = candidate_views(store, net, find_candidates(net, limit))
        if json:
            print_json({"candidates": views})
            return
        for i, cand in enumerate(views, 1):
            console.print(
                f"[bold]{i}. {escape(cand['name'])}[/] ({cand['type']}) score {cand['score']}",
                highlight=False,
            )
            for reason in cand["reasons"]:
                console.print(
                    f"   [bold]{reason['kind']}[/]: {escape(reason['text'])}", highlight=False
                )
                for claim in reason["claims"]:
                    console.print(_evidence_line(claim), highlight=False)
        console.print(f"{len(views)} candidates")

    @app.command(name="timeline")
    def timeline_cmd(entity: EntityArg, db: DbOpt = None, json: JsonOpt = False) -> None:
        """One entity's claims in time order: event dates, then report dates.

        Example: `sanctrace timeline "TSK Vektor"`
        """
        with open_store(db) as store:
            net = load_network(store)
            entries = timeline(store, net, _node(store, net, entity))
        if json:
            print_json({"timeline": entries})
            return
        for e in entries:
            c = e["claim"]
            subject = c["subject"]["name"] if c["subject"] else "?"
            obj = f" {c['object']['name']}" if c["object"] else ""
            when = e["date"] or "undated"
            basis = f" ({e['dated_by']})" if e["dated_by"] else ""
            neg = " [yellow]NEGATED[/]" if c["negated"] else ""
            edge = f"{escape(subject)} —[bold]{c['predicate']}[/]→{escape(obj)}"
            console.print(f"[cyan]{when}[/]{basis} {edge}{neg}", highlight=False)
            console.print(_evidence_line(c), highlight=False)
        console.print(f"{len(entries)} claims")

    @app.command()
    def merge(
        a: Annotated[str, typer.Argument(help="First entity (name, alias or id).")],
        b: Annotated[str, typer.Argument(help="Second entity (name, alias or id).")],
        note: Annotated[str, typer.Option("--note", help="Why: kept with the decision.")] = "",
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Record that two entities are one actor; wins over automatic resolution.

        The decision is stored against the entities' names (type and folded name), so it
        keeps applying when new reports arrive. Undo with `judgements revoke ID`.

        Example: `sanctrace merge "Izhevsk Electromechanical Plant" "IEMZ Kupol" --note "same INN"`
        """
        with open_store(db) as store:
            ensure_resolved(store)
            first, second = find_entity(store, a), find_entity(store, b)
            if first.id == second.id:
                raise InputError(f"{a!r} and {b!r} are already one entity ({first.name})")
            member = store.members(first.id)[0]
            j = store.add_judgement("merge", entity_ref(first), entity_ref(second), note)
            merged = store.entity(resolve(store).members[member])
            view = entity_view(merged, store.screening()) if merged else None
        if json:
            print_json({"judgement": judgement_view(j), "entity": view})
            return
        console.print(f"merged into [bold]{escape(view['name'] if view else '?')}[/] ({j.id})")

    @app.command()
    def split(
        entity: EntityArg,
        note: Annotated[str, typer.Option("--note", help="Why.")] = "",
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Take an entity apart into one entity per distinct name; wins over automatic resolution.

        Reports that use the very same name stay together. Undo with `judgements revoke ID`.

        Example: `sanctrace split "Vektor" --note "two different Vektors"`
        """
        with open_store(db) as store:
            ensure_resolved(store)
            record = find_entity(store, entity)
            members = set(store.members(record.id))
            j = store.add_judgement("split", entity_ref(record), None, note)
            resolution = resolve(store)
            parts = sorted({resolution.members[m] for m in members if m in resolution.members})
            screening = store.screening()
            views = [entity_view(e, screening) for e in resolution.entities if e.id in parts]
        if json:
            print_json({"judgement": judgement_view(j), "entities": views})
            return
        console.print(f"split {escape(record.name)} into {len(views)} entities ({j.id}):")
        for v in views:
            console.print(f"  {escape(v['name'])} ({v['documents']} reports)", highlight=False)

    judgements_app = typer.Typer(
        help="List analyst merges and splits; `judgements revoke ID` reverses one.",
        invoke_without_command=True,
    )

    @judgements_app.callback()
    def judgements(
        ctx: typer.Context,
        all_: Annotated[bool, typer.Option("--all", help="Include revoked judgements.")] = False,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """List analyst merges and splits (newest last).

        Example: `sanctrace judgements --json`, then `sanctrace judgements revoke jdg-...`
        """
        if ctx.invoked_subcommand is not None:
            return
        with open_store(db) as store:
            views = [judgement_view(j) for j in store.judgements(include_revoked=all_)]
        if json:
            print_json({"judgements": views})
            return
        for v in views:
            state = "" if v["active"] else " [dim](revoked)[/]"
            target = f"{v['a']} + {v['b']}" if v["b"] else v["a"]
            note = f" — {escape(v['note'])}" if v["note"] else ""
            console.print(
                f"{v['id']} {v['kind']} {escape(target)}{note} [dim]{v['created_at']}[/]{state}",
                highlight=False,
            )
        console.print(f"{len(views)} judgements")

    @judgements_app.command()
    def revoke(
        judgement_id: Annotated[str, typer.Argument(help="Id as `judgements` prints it.")],
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Reverse one merge or split; entities are resolved again without it.

        Example: `sanctrace judgements revoke jdg-0123456789abcdef`
        """
        with open_store(db) as store:
            j = store.revoke_judgement(judgement_id)
            resolve(store)
        if json:
            print_json({"judgement": judgement_view(j)})
            return
        console.print(f"revoked {j.id} ({j.kind} {escape(j.a)})")

    app.add_typer(judgements_app, name="judgements")
