"""``sanctrace lists``: load sanctions-list files into the store and show what is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from sanctrace.cli.options import DbOpt, JsonOpt, console, err_console, print_json
from sanctrace.model import LIST_KEYS, ListMeta
from sanctrace.screen.lists import read_lists
from sanctrace.store import open_store


def _meta_json(meta: ListMeta) -> dict[str, object]:
    return {
        "key": meta.key,
        "source": meta.source,
        "format": meta.format,
        "date": meta.published,
        "count": meta.count,
        "loaded_at": meta.loaded_at,
        "sha256": meta.sha256,
    }


def register(app: typer.Typer) -> None:
    lists_app = typer.Typer(
        help="Sanctions lists: `sanctrace lists` shows what is loaded, "
        "`sanctrace lists load FILE...` loads or reloads list files.",
        rich_markup_mode="markdown",
    )

    @lists_app.callback(invoke_without_command=True)
    def lists(ctx: typer.Context, db: DbOpt = None, json: JsonOpt = False) -> None:
        """Show the loaded sanctions lists: key, source file, date and designation count."""
        if ctx.invoked_subcommand is not None:
            return
        with open_store(db) as store:
            metas = store.lists()
        if json:
            print_json({"lists": [_meta_json(m) for m in metas]})
            return
        if not metas:
            console.print("No lists loaded. Load one with `sanctrace lists load SDN.CSV`.")
            return
        table = Table("list", "source", "format", "date", "designations", "loaded")
        for m in metas:
            table.add_row(m.key, m.source, m.format, str(m.published or ""), str(m.count),
                          m.loaded_at)
        console.print(table)

    @lists_app.command("load")
    def load(
        files: Annotated[
            list[Path],
            typer.Argument(
                help="List files: OFAC SDN.CSV (its ALT/ADD files beside it are joined), OFAC "
                "names CSV or sdn.xml, EU annex CSV or FSF XML, UK OFSI ConList CSV/XLSX, UN "
                "consolidated XML, OpenSanctions FtM JSON. The format is read from the content."
            ),
        ],
        list_key: Annotated[
            str | None,
            typer.Option("--list", help=f"Store under this list key ({', '.join(LIST_KEYS)}) "
                         "instead of the one the format implies."),
        ] = None,
        db: DbOpt = None,
        json: JsonOpt = False,
    ) -> None:
        """Load sanctions-list files, replacing the previous version of each list.

        Every file is parsed completely before anything is written, and each list is
        replaced in one transaction: a malformed or hostile file is refused with its name and
        record, and the version already loaded stays as it was. A reload reports how many
        designations were added, removed and changed.

        Example: `sanctrace lists load SDN.CSV ofsi_conlist.xlsx`
        """
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=err_console, disable=json, transient=True) as bar:
            task = bar.add_task(f"parsing {len(files)} file(s)", total=None)
            loaded = read_lists(files, list_key)
            rows = []
            with open_store(db) as store:
                for item in loaded:
                    bar.update(task, description=f"storing {item.meta.key} "
                               f"({len(item.designations)} designations)")
                    previous = {m.key for m in store.lists()}
                    diff = store.load_list(item.meta, item.designations)
                    rows.append((item.meta, diff, item.meta.key in previous))
        if json:
            print_json({"lists": [
                {**_meta_json(meta), "added": len(diff.added), "removed": len(diff.removed),
                 "changed": len(diff.changed), "unchanged": diff.unchanged, "reload": reload}
                for meta, diff, reload in rows
            ]})
            return
        table = Table("list", "source", "designations", "added", "removed", "changed")
        for meta, diff, reload in rows:
            table.add_row(meta.key, meta.source, str(meta.count), str(len(diff.added)),
                          str(len(diff.removed)) if reload else "-",
                          str(len(diff.changed)) if reload else "-")
        console.print(table)

    app.add_typer(lists_app, name="lists")
