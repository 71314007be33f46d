"""``sanctrace serve``: the HTTP API and web page over one store."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from sanctrace.cli.options import DbOpt, console, err_console
from sanctrace.errors import InputError
from sanctrace.settings import get_settings


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        db: DbOpt = None,
    ) -> None:
        """Serve the web page and the JSON API (OpenAPI docs at /docs).

        Reads are open on loopback. Writes (ingest, merge, split, list upload) need
        `Authorization: Bearer $SANCTRACE_TOKEN`; without SANCTRACE_TOKEN they are refused.
        Listening beyond loopback requires SANCTRACE_TOKEN, and then reads need it too.

        Example: `sanctrace serve --db out/demo/sanctrace.db`, then open http://127.0.0.1:8000/
        """
        import uvicorn

        from sanctrace.api import create_app
        from sanctrace.store import open_store

        token = get_settings().token
        loopback = is_loopback(host)
        if not loopback and token is None:
            raise InputError(
                f"refusing to listen on {host} without SANCTRACE_TOKEN: set a token, "
                "or keep the default --host 127.0.0.1"
            )
        with open_store(db) as store:  # fail now, with one line, on an unusable store
            url = store.url
        application = create_app(url, open_reads=loopback)
        shown = f"[{host}]" if ":" in host else host
        console.print(f"sanctrace serving {url} on http://{shown}:{port}/  (API docs: /docs)")
        if token is None:
            err_console.print("writes are disabled: set SANCTRACE_TOKEN to allow them")
        uvicorn.run(application, host=host, port=port, log_level="warning")
