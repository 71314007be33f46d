"""Entity layer: types, legal forms, products, public bodies, groups, headings, offsets."""

from __future__ import annotations


def test_legal_form_short_form_and_offsets(extract_text):
    text = (
        "\nOrlov Avionika OOO shipped radios to the army. Later, Orlov Avionika said the "
        "radios were old, and Orlov denied any wrongdoing."
    )
    out = extract_text(text)
    ent = out["by_name"]["Orlov Avionika OOO"]
    assert ent["type"] == "Organization"
    assert "Orlov" in ent["aliases"]
    assert len(ent["mentions"]) == 3
    for m in ent["mentions"]:
        assert text[m["start"] : m["end"]].startswith("Orlov")


def test_product_codes_and_product_nouns(extract_text):
    text = (
        "The factory assembled Lastochka drones and the ZT-41 model. "
        "It also built a new drone, the Sapsan-7, and engines marked K90V."
    )
    out = extract_text(text)
    for name in ("Lastochka", "ZT-41", "Sapsan-7", "K90V"):
        assert out["by_name"][name]["type"] == "Product", name


def test_public_bodies_and_groups(extract_text):
    text = (
        "Brazil's foreign ministry and the Kremlin declined to comment. "
        "Three Turkish engineers and two Turkish technicians visited the plant, "
        "according to Dutch customs officials."
    )
    out = extract_text(text)
    assert out["by_name"]["Brazil's foreign ministry"]["type"] == "PublicBody"
    assert out["by_name"]["Kremlin"]["type"] == "PublicBody"
    groups = [e for e in out["entities"] if e["type"] == "Group"]
    turkish = [g for g in groups if "Turkish" in g["name"]]
    assert len(turkish) == 1, "engineers and technicians of one nationality merge"
    assert {"Three Turkish engineers", "two Turkish technicians"} <= {
        turkish[0]["name"],
        *turkish[0]["aliases"],
    }


def test_headings_and_bare_adjectives_are_not_entities(extract_text):
    text = (
        "Western Pressure Mounts on Suppliers\n"
        "The Networks, Routes & Hidden Partners\n"
        "Western and Chinese firms sold parts to Lysva Motorworks in Perm.\n"
    )
    out = extract_text(text)
    names = set(out["by_name"])
    assert "Western" not in names and "Chinese" not in names
    assert not any("Networks" in n or "Pressure" in n for n in names)
    assert "Lysva Motorworks" in names


def test_place_named_like_a_person_is_a_location(extract_text):
    text = "Engineers from the firm travelled to Kovrov military range to watch the tests."
    out = extract_text(text)
    loc = [e for e in out["entities"] if "Kovrov" in e["name"]]
    assert loc and all(e["type"] == "Location" for e in loc)


def test_appositive_description_becomes_alias(extract_text):
    text = (
        "Parts reached Dorokhov Precision Works, a state-owned arms manufacturer, in May. "
        "The shipments went through a Serbian intermediary, Balkan Trade Partners."
    )
    out = extract_text(text)
    assert "state-owned arms manufacturer" in out["by_name"]["Dorokhov Precision Works"]["aliases"]
    assert "Serbian intermediary" in out["by_name"]["Balkan Trade Partners"]["aliases"]


def test_titled_person_without_a_name(extract_text):
    text = "Documents show that Velmont Robotics's CEO travelled to Minsk in March."
    out = extract_text(text)
    person = [e for e in out["entities"] if e["type"] == "Person"]
    assert person and "CEO" in person[0]["name"]
    assert ("visited", person[0]["name"], "Belarus", None) in {
        (c["predicate"], c["subject"], c["object"], c["via"]) for c in out["claims"]
    } or any(
        c["predicate"] == "visited" and c["subject"] == person[0]["name"] for c in out["claims"]
    )
