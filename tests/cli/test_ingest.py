"""The main job end to end through the CLI: idempotent ingest, clean rejection of bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sanctrace.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name in ("kupol_tests_rewrite.txt", "limbach_engines_treasury.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_ingest_twice_changes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = _run(capsys, "ingest", str(corpus), "--db", db, "--json")
    assert code == 0
    first = json.loads(out)
    assert len(first["ingested"]) == 2 and first["failed"] == []
    assert all(item["claims"] > 0 for item in first["ingested"])
    _, claims_before, _ = _run(capsys, "claims", "--db", db, "--json")
    _, entities_before, _ = _run(capsys, "entities", "--db", db, "--json")

    code, out, _ = _run(capsys, "ingest", str(corpus), "--db", db, "--json")
    assert code == 0
    second = json.loads(out)
    assert second["ingested"] == [] and len(second["duplicates"]) == 2
    assert _run(capsys, "claims", "--db", db, "--json")[1] == claims_before
    assert _run(capsys, "entities", "--db", db, "--json")[1] == entities_before
    assert json.loads(claims_before)["claims"], "the example reports yield claims"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
            "binary|PNG|image|unsupported",
        ),
        ("empty.txt", b"   \n\n", "empty"),
        (
            "bomb.xml",
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b"<rss><channel><item><title>&b;</title></item></channel></rss>",
            "entit|DOCTYPE|hostile",
        ),
    ],
)
def test_rejected_file_names_itself_and_changes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, content: bytes, reason: str,
) -> None:
    import re

    db = str(tmp_path / "s.db")
    assert _run(capsys, "ingest", str(corpus / "limbach_engines_treasury.txt"), "--db", db)[0] == 0
    before = _run(capsys, "claims", "--db", db, "--json")[1]
    bad = tmp_path / name
    bad.write_bytes(content)
    code, _, err = _run(capsys, "ingest", str(bad), "--db", db)
    assert code == 2
    assert name in err and re.search(reason, err, re.I), err
    assert "Traceback" not in err
    assert _run(capsys, "claims", "--db", db, "--json")[1] == before
