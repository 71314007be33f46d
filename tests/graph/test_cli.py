"""The network commands as a user runs them, on the optics fixture store."""

from __future__ import annotations

import json

import pytest

from sanctrace.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_routes_json_has_path_hops_and_end(db_path: str, capsys) -> None:
    out = run(capsys, "routes", "--to", "Uralsk", "--db", db_path, "--json")
    (route,) = out["routes"]
    assert (
        route["path"][0] == "Kestrel Electronics Ltd"
        and route["path"][-1] == "Uralsk Optical Plant"
    )
    hop = route["hops"][1]
    assert set(hop) >= {"from", "to", "predicate", "claims"}
    claim = hop["claims"][0]
    assert claim["evidence"]["text"] and claim["document"]["published"] == "2024-03-01"
    assert {"documents", "lineages", "contradictions"} <= set(claim)
    assert [d["list_id"] for d in route["end"]["designations"] if d["list"]] == ["90001"]


def test_candidates_and_timeline_json(db_path: str, capsys) -> None:
    out = run(capsys, "candidates", "--limit", "3", "--db", db_path, "--json")
    assert len(out["candidates"]) == 3
    top = out["candidates"][0]
    assert top["name"] == "Nordvik Components GmbH" and top["reasons"][0]["kind"] == "supplier"
    assert top["reasons"][0]["claims"][0]["evidence"]["text"]
    out = run(capsys, "timeline", "Altai Trading", "--db", db_path, "--json")
    assert [e["claim"]["predicate"] for e in out["timeline"]] == ["supplied", "supplied", "denied"]


def test_claims_json_carries_corroboration(db_path: str, capsys) -> None:
    out = run(capsys, "claims", "--predicate", "supplied", "--db", db_path, "--json")
    assert all({"documents", "lineages", "contradictions"} <= set(c) for c in out["claims"])


def test_merge_split_and_revoke(db_path: str, capsys) -> None:
    out = run(
        capsys,
        "merge",
        "Orion Holding",
        "Volta Machines",
        "--note",
        "same registry number",
        "--db",
        db_path,
        "--json",
    )
    merged = out["entity"]
    assert {merged["name"], *merged["aliases"]} >= {"Orion Holding", "Volta Machines"}
    listed = run(capsys, "judgements", "--db", db_path, "--json")["judgements"]
    assert [(j["kind"], j["note"]) for j in listed] == [("merge", "same registry number")]
    assert listed[0]["a"] == "Organization:orion holding"  # stored by name, not by id

    split = run(capsys, "split", "Uralsk", "--db", db_path, "--json")
    assert sorted(e["name"] for e in split["entities"]) == ["Uralsk", "Uralsk Optical Plant"]

    for j in run(capsys, "judgements", "--db", db_path, "--json")["judgements"]:
        run(capsys, "judgements", "revoke", j["id"], "--db", db_path, "--json")
    assert run(capsys, "judgements", "--db", db_path, "--json")["judgements"] == []
    out = run(capsys, "entities", "--db", db_path, "--json")
    names = {e["name"] for e in out["entities"]}
    assert "Uralsk" not in names and {"Orion Holding", "Volta Machines"} <= names


def test_unknown_entity_is_one_line_exit_3(db_path: str, capsys) -> None:
    assert main(["routes", "--to", "Nobody Ltd", "--db", db_path]) == 3
    assert "Nobody Ltd" in capsys.readouterr().err
    assert main(["judgements", "revoke", "jdg-0000", "--db", db_path]) == 3


def test_text_output_names_the_route(db_path: str, capsys) -> None:
    assert main(["routes", "--db", db_path]) == 0
    out = capsys.readouterr().out
    assert "Kestrel Electronics Ltd → Nordvik Components GmbH" in out and "1 routes" in out
