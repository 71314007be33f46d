"""Assemble the Typer app from the verb modules and turn errors into one line and an exit code."""

from __future__ import annotations

import sys
from importlib import import_module

import typer
from typer.exceptions import TyperException

from sanctrace.cli.options import err_console
from sanctrace.errors import SanctraceError

app = typer.Typer(
    name="sanctrace",
    help=(
        "Turn open-source reporting into an evidence-backed map of who supplies whom in "
        "sanctioned military supply chains.\n\n"
        "Typical session: `sanctrace lists load SDN.CSV`, `sanctrace ingest reports/`, "
        "`sanctrace screen --all`, `sanctrace routes`, `sanctrace candidates`, `sanctrace serve`."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

# Each module exposes ``register(app)``; the order is the order of `--help`.
VERB_MODULES: tuple[str, ...] = (
    "ingest",
    "extract",
    "browse",
    "lists",
    "screen",
    "network",
    "serve",
    "export",
)

for _name in VERB_MODULES:
    import_module(f"sanctrace.cli.{_name}").register(app)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a SanctraceError becomes one line on stderr and its exit code."""
    try:
        result = app(args=argv, standalone_mode=False)
    except SanctraceError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    except TyperException as exc:  # usage errors: unknown option, missing argument
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            err_console.print(f"error: {exc}")
        return int(getattr(exc, "exit_code", 2))
    # In non-standalone mode click returns the code of a ``typer.Exit`` instead of raising it.
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
