"""`sanctrace lists` and `sanctrace screen` end to end on the example list extracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctrace.cli.app import main
from sanctrace.store import EntityRecord, open_store
from sanctrace.store.base import Resolution

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lists"


def run(capsys, *args: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr().out
    return code, (json.loads(out) if out.strip().startswith("{") else {"text": out})


@pytest.fixture
def db(tmp_path: Path, capsys) -> str:
    path = str(tmp_path / "t.db")
    code, loaded = run(capsys, "lists", "load", str(EXAMPLES / "sdn_extract.csv"),
                       str(EXAMPLES / "ofsi_conlist_extract.csv"), "--db", path, "--json")
    assert code == 0
    assert {(x["key"], x["count"], x["added"]) for x in loaded["lists"]} == {
        ("ofac", 221, 221), ("uk", 6, 6)}
    return path


def test_lists_listing(db: str, capsys) -> None:
    code, listing = run(capsys, "lists", "--db", db, "--json")
    assert code == 0
    assert [(x["key"], x["source"], x["date"], x["count"]) for x in listing["lists"]] == [
        ("ofac", "sdn_extract.csv", None, 221),
        ("uk", "ofsi_conlist_extract.csv", "2025-04-10", 6),
    ]
    code, text = run(capsys, "lists", "--db", db)
    assert code == 0 and "221" in text["text"] and "ofac" in text["text"]


def test_reload_reports_the_diff(db: str, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "newer"
    folder.mkdir()
    rows = (EXAMPLES / "sdn_extract.csv").read_bytes().split(b"\r\n")
    kept = [r for r in rows if not r.startswith(b"46442,")]
    kept = [r.replace(b'"TSK VEKTOR, OOO"', b'"TSK VEKTOR, LLC"') for r in kept]
    (folder / "SDN.CSV").write_bytes(b"\r\n".join(kept))
    for sidecar in ("ALT", "ADD"):
        data = (EXAMPLES / f"{sidecar.lower()}_extract.csv").read_bytes()
        (folder / f"{sidecar}.CSV").write_bytes(data)
    code, loaded = run(capsys, "lists", "load", str(folder / "SDN.CSV"), "--db", db, "--json")
    assert code == 0
    [ofac] = loaded["lists"]
    assert (ofac["added"], ofac["removed"], ofac["changed"]) == (0, 1, 1)
    assert ofac["reload"] is True


def test_screen_a_name(db: str, capsys) -> None:
    code, result = run(capsys, "screen", "IEMZ Kupol", "--db", db, "--json")
    assert code == 0 and result["query"] == "IEMZ Kupol"
    top = result["matches"][0]
    assert (top["list"], top["list_id"]) == ("ofac", "46431")
    assert top["programs"] == ["RUSSIA-EO14024"] and top["score"] >= 0.8
    assert "iemz" in top["explanation"]
    code, result = run(capsys, "screen", "TSK Vector", "--db", db, "--json")
    assert {(m["list"], m["list_id"]) for m in result["matches"]} >= {("ofac", "46441"),
                                                                        ("uk", "16667")}
    code, result = run(capsys, "screen", "Reuters", "--db", db, "--json")
    assert code == 0 and result["matches"] == []


def test_screen_all_saves_results(db: str, capsys) -> None:
    with open_store(db) as store:
        store.save_resolution(Resolution(entities=[
            EntityRecord("ent-1", "TSK Vektor", "Organization", ["ООО ТСК Вектор"], ["Russia"]),
            EntityRecord("ent-2", "Kupol", "Organization"),
            EntityRecord("ent-3", "Reuters", "Organization"),
            EntityRecord("ent-4", "Izhevsk", "Location"),
        ], members={}))
    code, result = run(capsys, "screen", "--all", "--db", db, "--json")
    assert code == 0
    by_entity = {row["entity"]: row for row in result["screening"]}
    assert "ent-4" not in by_entity
    assert ("uk", "16667") in {(m["list"], m["list_id"]) for m in by_entity["ent-1"]["matches"]}
    assert by_entity["ent-3"]["matches"] == []
    with open_store(db) as store:
        saved = store.screening()
    assert {m.list_id for m in saved["ent-1"]} >= {"46441", "16667"}


def test_errors_are_one_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "empty.db")
    assert main(["screen", "Kupol", "--db", db]) == 3
    assert "lists load" in capsys.readouterr().err
    assert main(["screen", "--db", db]) == 2
    not_a_list = tmp_path / "notes.txt"
    not_a_list.write_text("hello\n")
    assert main(["lists", "load", str(not_a_list), "--db", db]) == 2
    assert "notes.txt" in capsys.readouterr().err
