"""Short firm names the model misses or calls people: placed by a company noun, selling
goods, or holding the documents a report cites. Real people stay people."""

from __future__ import annotations


def types(out: dict) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_named_beside_a_company_noun(extract_text):
    out = extract_text(
        "The supplier, Marvex, sold thermal cameras to Kovrin Aviation Plant. "
        "Kestrel, a Turkish distributor, supplied bearings to Kovrin Aviation Plant. "
        "The company Tarvos is registered in Almaty."
    )
    got = types(out)
    assert got.get("Marvex") == "Organization"
    assert got.get("Kestrel") == "Organization"
    assert got.get("Tarvos") == "Organization"


def test_seller_of_goods_is_a_firm(extract_text):
    out = extract_text(
        "Velora shipped 2,000 microchips to Kovrin Aviation Plant in 2023, customs records "
        "show. According to the filings, Tarvos sold servo motors to Kovrin Aviation Plant."
    )
    got = types(out)
    assert got.get("Velora") == "Organization"
    assert got.get("Tarvos") == "Organization"  # not a brand of the motors
    claims = {(c["subject"], c["object"]) for c in out["claims"] if c["predicate"] == "supplied"}
    assert ("Tarvos", "Kovrin Aviation Plant") in claims


def test_people_stay_people(extract_text):
    out = extract_text(
        "Karimov sold his stake in Kovrin Aviation Plant last year, Karimov said. "
        "Its director, Dana Orlova, said the firm had complied with the law."
    )
    got = types(out)
    assert got.get("Karimov") == "Person"
    assert got.get("Dana Orlova") == "Person"


def test_holders_of_documents_are_outlets(extract_text):
    out = extract_text(
        "The plant bought sights, according to invoices obtained by Lesna Monitor. "
        "Shipping declarations compiled by the research group Open Freight Watch list "
        "212 consignments."
    )
    got = types(out)
    assert got.get("Lesna Monitor") == "Organization"
    assert got.get("Open Freight Watch") == "Organization"
