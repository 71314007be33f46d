"""Types settled by what the text calls a name: an appositive product noun makes a product,
documents reviewed by someone make an outlet."""

from __future__ import annotations


def _types(out: dict) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_appositive_drone_makes_a_product(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC is best known for the Zolvara, a long-range one-way attack drone."
    )
    assert _types(out).get("Zolvara") == "Product"


def test_appositive_company_keeps_a_firm(extract_text):
    # near miss: an appositive that calls the name a drone maker, not a drone
    out = extract_text("Engines went to Kordan Dynamics LLC, a drone maker in Kazan.")
    assert _types(out).get("Kordan Dynamics LLC") == "Organization"


def test_reviewer_of_reports_and_correspondence_is_an_outlet(extract_text):
    out = extract_text(
        "Engineers worked at Kordan Dynamics LLC, according to travel records, test reports "
        "and correspondence reviewed by Ledgerwick."
    )
    assert _types(out).get("Ledgerwick") == "Organization"


def test_company_appositive_after_a_maker_describes_the_maker(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC also tested a vertical take-off drone, the HX-52, made by Hunan "
        "Tiankovo, another Chinese company, the outlet said."
    )
    got = _types(out)
    assert got.get("HX-52") == "Product"
    assert got.get("Hunan Tiankovo") == "Organization"
    assert "Chinese company" not in out["by_name"]["HX-52"]["aliases"]
