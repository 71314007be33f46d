"""Options shared by every command, defined once, and the one way results are printed."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Annotated, Any

import typer
from rich.console import Console

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print one JSON object on stdout instead of a table.")
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store to use: a path or sqlite:///path URL (default: $SANCTRACE_DB or sanctrace.db).",
        envvar="SANCTRACE_DB",
        show_envvar=True,
    ),
]

console = Console()
err_console = Console(stderr=True)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(payload: Any) -> str:
    """Serialise deterministically: sorted keys are not used, field order is the contract."""
    return json.dumps(payload, ensure_ascii=False, indent=1, default=_default)


def print_json(payload: Any) -> None:
    sys.stdout.write(dumps(payload) + "\n")
    sys.stdout.flush()
