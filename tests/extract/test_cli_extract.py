"""`sanctrace extract`: the contract JSON on stdout, one clear line for a bad file."""

from __future__ import annotations

import json

from sanctrace.cli.app import main


def test_extract_json_prints_the_contract(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(
        "Engines for attack drones\n"
        "Ural Rotor Works bought engines from Harbin Lingyun Motor last year, "
        "according to invoices.\n",
        encoding="utf-8",
    )
    assert main(["extract", "--json", "--published", "2025-03-14", str(report)]) == 0
    out = json.loads(capsys.readouterr().out)
    (doc,) = out["documents"]
    assert doc["file"] == "report.txt"
    assert doc["published"] == "2025-03-14"
    names = {e["id"]: e["name"] for e in doc["entities"]}
    supplied = [c for c in doc["claims"] if c["predicate"] == "supplied"]
    assert [(names[c["subject"]], names[c["object"]]) for c in supplied] == [
        ("Harbin Lingyun Motor", "Ural Rotor Works")
    ]
    assert supplied[0]["time"] == {"text": "last year", "start": "2024-01-01", "end": "2024-12-31"}
    assert supplied[0]["attribution"] == ["invoices"]


def test_extract_summary_and_missing_file(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("Ural Rotor Works bought engines from Harbin Lingyun Motor.\n")
    assert main(["extract", str(report)]) == 0
    assert "—supplied→" in capsys.readouterr().out
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err
