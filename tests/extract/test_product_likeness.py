"""Names the model calls places are products when another product is likened to them or a
product noun follows them; real places stay places."""

from __future__ import annotations


def _types(out: dict) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_modelled_on_names_a_product(extract_text):
    out = extract_text(
        "Kordan Dynamics produces the Zarnitsa, a one-way attack drone whose design is "
        "modelled on Iran's Qadrak."
    )
    assert _types(out).get("Qadrak") == "Product"
    assert _types(out).get("Iran") == "Location"


def test_based_on_and_akin_to_name_products(extract_text):
    based = extract_text("The Zarnitsa drone is based on Iran's Qadrak.")
    assert _types(based).get("Qadrak") == "Product"
    akin = extract_text("The Zarnitsa is akin to Iran's Qadrak.")
    assert _types(akin).get("Qadrak") == "Product"


def test_known_place_stays_a_place(extract_text):
    # near miss: a city before a product noun, and a city after "based on"
    out = extract_text(
        "The Kazan drone plant grew fast. The design team was based on Sakhalin before 2020."
    )
    got = _types(out)
    assert got.get("Kazan") == "Location"
    assert got.get("Sakhalin", "Location") == "Location"


def test_design_that_follows_a_name(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC builds the Zarnitsa, a drone whose design follows Iran's Qadrak."
    )
    assert _types(out).get("Qadrak") == "Product"
