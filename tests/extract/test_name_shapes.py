"""Names that open with a date or number, and product models written as a word and a
spaced code."""

from __future__ import annotations


def _types(out: dict) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_factory_named_for_a_date(extract_text):
    out = extract_text(
        "The shells were produced by the March 3 Machine Works in Belarus and sold to Velsk "
        "Trading LLC."
    )
    assert _types(out).get("March 3 Machine Works") == "Organization"


def test_date_before_a_name_without_the_stays_a_date(extract_text):
    # near miss: "On March 3 Kordan Machine Works ..." dates the event, it does not name it
    out = extract_text("On March 3 Kordan Machine Works sold lathes to Velsk Trading LLC.")
    assert "Kordan Machine Works" in _types(out)
    assert not any(name.startswith("March") for name in _types(out))


def test_spaced_model_codes(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC makes the Strela 7K rocket, and Velsk Trading LLC sells the "
        "Vortex 12X lathe."
    )
    got = _types(out)
    assert got.get("Strela 7K") == "Product"
    assert got.get("Vortex 12X") == "Product"


def test_rooms_and_gates_are_not_products(extract_text):
    out = extract_text("Kordan Dynamics LLC officials met buyers in Room 5B near Gate 2A.")
    assert not any(t == "Product" for t in _types(out).values())
