"""Goods moved on: a later sentence that refers back to goods already handed over starts
from their last recipient; routes stated by verbs of motion. Each beside a near miss."""

from __future__ import annotations


def supplied(out: dict) -> set[tuple]:
    return {
        (c["subject"], c["object"], c["via"])
        for c in out["claims"]
        if c["predicate"] == "supplied" and not c["negated"]
    }


def test_passive_onward_shipment(extract_text):
    out = extract_text(
        "Velkor Dynamics exported 300 drone engines to Ostrava Trading FZE last year. "
        "They were then shipped to Kovrin Aviation Plant."
    )
    got = supplied(out)
    assert ("Ostrava Trading FZE", "Kovrin Aviation Plant", None) in got
    assert ("Velkor Dynamics", "Kovrin Aviation Plant", None) not in got


def test_the_company_later_sold_them(extract_text):
    out = extract_text(
        "Marlow Precision Ltd sold 40 lathes to Tessin Industrial LLC in 2022. "
        "The company later sold them to Uralmash Tooling JSC."
    )
    assert ("Tessin Industrial LLC", "Uralmash Tooling JSC", None) in supplied(out)


def test_named_supplier_again_is_kept(extract_text):
    out = extract_text(
        "Marlow Precision Ltd sold 40 lathes to Tessin Industrial LLC in 2022. "
        "Marlow Precision Ltd later sold them to Uralmash Tooling JSC as well."
    )
    got = supplied(out)
    assert ("Marlow Precision Ltd", "Uralmash Tooling JSC", None) in got
    assert ("Tessin Industrial LLC", "Uralmash Tooling JSC", None) not in got


def test_routes_by_verbs_of_motion(extract_text):
    out = extract_text(
        "The lathes moved through Georgia before reaching Volzhsk Machine Works. "
        "The chips passed through Kazakhstan on their way to Kalmyk Instruments JSC. "
        "The engines travelled via Dubai to Kovrin Aviation Plant."
    )
    got = supplied(out)
    assert (None, "Volzhsk Machine Works", "Georgia") in got
    assert (None, "Kalmyk Instruments JSC", "Kazakhstan") in got
    assert (None, "Kovrin Aviation Plant", "Dubai") in got


def test_route_continues_from_last_recipient(extract_text):
    out = extract_text(
        "Velkor Dynamics sold the lathes to Tessin Industrial LLC. The lathes moved "
        "through Georgia before reaching Volzhsk Machine Works."
    )
    assert ("Tessin Industrial LLC", "Volzhsk Machine Works", "Georgia") in supplied(out)


def test_people_travelling_are_no_route(extract_text):
    out = extract_text("The delegation travelled through Georgia to Volzhsk Machine Works.")
    assert supplied(out) == set()


def test_relative_clause_after_coordination_is_the_last_conjunct(extract_text):
    out = extract_text(
        "The department also designated the director, Ivan Dorov, and a second firm, "
        "Harbour Tide Components Limited, which it said had sold antenna modules to "
        "Silk Way Electronics LLC."
    )
    got = supplied(out)
    assert ("Harbour Tide Components Limited", "Silk Way Electronics LLC", None) in got
    assert ("Ivan Dorov", "Silk Way Electronics LLC", None) not in got
