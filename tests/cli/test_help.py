"""Every command teaches: it has help text, and errors are one line with a useful exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from sanctrace.cli.app import app, main


def _commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    found: dict[str, object] = {}

    def walk(cmd: object, prefix: str) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            found[f"{prefix}{name}"] = sub
            walk(sub, f"{prefix}{name} ")

    walk(group, "")
    return found


def test_every_command_has_help() -> None:
    commands = _commands()
    assert {"ingest", "entities", "claims", "show", "documents"} <= set(commands)
    for name, cmd in commands.items():
        text = (getattr(cmd, "help", None) or "").strip()
        assert len(text) > 20, f"`sanctrace {name}` lacks help text"


def test_listing_commands_offer_json() -> None:
    commands = _commands()
    for name in ("entities", "claims", "show", "documents", "ingest"):
        options = {o for p in commands[name].params for o in getattr(p, "opts", [])}
        assert "--json" in options, f"`sanctrace {name}` lacks --json"


def test_not_found_is_one_line_and_exit_3(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    proc = subprocess.run(
        [sys.executable, "-m", "sanctrace.cli.app", "show", "Nobody Ltd", "--db", str(db)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 3
    assert proc.stderr.strip().count("\n") == 0 and "Nobody Ltd" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_error_exit_code(capsys) -> None:
    assert main(["entities", "--no-such-option"]) == 2
    assert "No such option" in capsys.readouterr().err


def test_bad_type_is_input_error(tmp_path: Path, capsys) -> None:
    assert main(["entities", "--type", "Spaceship", "--db", str(tmp_path / "s.db")]) == 2
    assert "Spaceship" in capsys.readouterr().err
