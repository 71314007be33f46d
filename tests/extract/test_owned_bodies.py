"""Public bodies named in lower case after a state's possessive: a mission to a body, a
state's armed forces, a city's public prosecutor's office."""

from __future__ import annotations


def _types(out: dict) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_state_mission_to_a_body(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC shipped shells to Velsk Trading LLC. Belarus's mission to the "
        "United Nations and Kordan Dynamics LLC did not respond to requests for comment."
    )
    assert _types(out).get("Belarus's mission to the United Nations") == "PublicBody"
    silent = {c["subject"] for c in out["claims"] if c["predicate"] == "declined_to_comment"}
    assert silent == {"Belarus's mission to the United Nations", "Kordan Dynamics LLC"}


def test_mission_without_a_state_is_no_body(extract_text):
    out = extract_text("The mission to Mars was delayed, Kordan Dynamics LLC said.")
    assert not any(t == "PublicBody" for t in _types(out).values())


def test_state_armed_forces(extract_text):
    out = extract_text("Velsk Trading LLC sold radios to Myanmar's armed forces in 2023.")
    assert _types(out).get("Myanmar's armed forces") == "PublicBody"
    supplied = {(c["subject"], c["object"]) for c in out["claims"] if c["predicate"] == "supplied"}
    assert ("Velsk Trading LLC", "Myanmar's armed forces") in supplied


def test_city_prosecutors_office_keeps_the_city_apart(extract_text):
    out = extract_text(
        "The distributor, Kordan Maschinen GmbH of Hanover, sold lathes to Velsk Trading LLC. "
        "The Hanover public prosecutor's office opened an investigation."
    )
    got = _types(out)
    assert got.get("Hanover public prosecutor's office") == "PublicBody"
    assert "Hanover" not in out["by_name"]["Hanover public prosecutor's office"]["aliases"]
    assert "Hanover" in got  # the firm's city stays its own entity


def test_capitalised_office_after_a_possessive_is_its_own_body(extract_text):
    # near miss: "the Treasury's Office of Foreign Assets Control" is a body of its own
    out = extract_text(
        "The Treasury's Office of Foreign Assets Control said Kordan Dynamics LLC had "
        "supplied engines to Velsk Trading LLC."
    )
    assert "Office of Foreign Assets Control" in _types(out)
