"""``sanctrace export`` and ``sanctrace brief`` end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctrace.cli.app import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_every_format(
    sample_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt, target in (
        ("ftm", "x.ftm.json"),
        ("gexf", "x.gexf"),
        ("graphml", "x.graphml"),
        ("csv", "neo4j"),
    ):
        code, stdout, _ = _run(
            capsys, "export", fmt, "-o", str(out / target), "--db", sample_url, "--json"
        )
        assert code == 0
        (result,) = json.loads(stdout)["export"]
        assert result["format"] == fmt and Path(result["path"]).exists()
    assert (out / "neo4j" / "claims.csv").exists()
    assert not list(out.glob("*.part"))


def test_ftm_to_stdout_is_json_lines(sample_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = _run(capsys, "export", "ftm", "-o", "-", "--db", sample_url)
    assert code == 0
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert {r["schema"] for r in rows} >= {"Organization", "Sanction", "Article", "UnknownLink"}


def test_bad_outputs_are_one_line_errors(
    sample_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys, "export", "gexf", "-o", str(out / "missing" / "x.gexf"), "--db", sample_url
    )
    assert code == 2 and "does not exist" in err and "Traceback" not in err
    code, _, err = _run(capsys, "brief", "-o", str(out / "brief.pdf"), "--db", sample_url)
    assert code == 2 and ".md or .html" in err
    code, _, err = _run(capsys, "brief", "Nobody Inc", "-o", str(out / "b.md"), "--db", sample_url)
    assert code == 3 and "no entity named" in err
    code, _, _ = _run(capsys, "export", "pdf", "-o", str(out / "x"), "--db", sample_url)
    assert code == 2


def test_brief_files(sample_url: str, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        _run(capsys, "brief", "Tula Armour", "-o", str(out / "b.html"), "--db", sample_url)[0] == 0
    )
    assert (out / "b.html").read_text().startswith("<!doctype html>")
    code, stdout, _ = _run(capsys, "brief", "--db", sample_url)
    assert code == 0 and stdout.startswith("# Network brief")
