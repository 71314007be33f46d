"""Claim rules, one small invented sentence per pattern; roles are read back by name."""

from __future__ import annotations


def triples(out: dict, predicate: str | None = None) -> set[tuple]:
    return {
        (c["predicate"], c["subject"], c["object"], c["via"])
        for c in out["claims"]
        if predicate is None or c["predicate"] == predicate
    }


def test_receive_via_named_intermediary(extract_text):
    out = extract_text(
        "Records show that Ural Rotor Works received shipments of engines via a Georgian "
        "intermediary, Kartli Supply House."
    )
    assert ("supplied", None, "Ural Rotor Works", "Kartli Supply House") in triples(out)


def test_passive_supply_with_recipient_from_context(extract_text):
    out = extract_text(
        "Ural Rotor Works received dozens of drones last year. "
        "The drones were supplied by Orlov Avionika OOO, according to invoices."
    )
    assert ("supplied", "Orlov Avionika OOO", "Ural Rotor Works", None) in triples(out)


def test_receive_from_supplier_routed_via(extract_text):
    out = extract_text(
        "Ural Rotor Works received 40 engines from Harbin Lingyun Motor, routed via "
        "Kartli Supply House."
    )
    assert ("supplied", "Harbin Lingyun Motor", "Ural Rotor Works", "Kartli Supply House") in (
        triples(out)
    )


def test_intermediary_between(extract_text):
    out = extract_text(
        "Kartli Supply House acted as an intermediary between Harbin Lingyun Motor and "
        "Ural Rotor Works."
    )
    assert ("supplied", "Harbin Lingyun Motor", "Ural Rotor Works", "Kartli Supply House") in (
        triples(out)
    )


def test_chain_of_two_supplies_gives_a_route(extract_text):
    out = extract_text(
        "Harbin Lingyun Motor sold engines to Kartli Supply House in 2023. "
        "Kartli Supply House then shipped the engines to Ural Rotor Works."
    )
    got = triples(out, "supplied")
    assert ("supplied", "Harbin Lingyun Motor", "Kartli Supply House", None) in got
    assert ("supplied", "Kartli Supply House", "Ural Rotor Works", None) in got
    assert ("supplied", "Harbin Lingyun Motor", "Ural Rotor Works", "Kartli Supply House") in got


def test_sanctions_by_named_states_and_unnamed(extract_text):
    out = extract_text(
        "Ural Rotor Works, which is under U.S. and EU sanctions, bought engines. "
        "Kartli Supply House is also under Western sanctions."
    )
    got = triples(out, "sanctioned_by")
    assert ("sanctioned_by", "Ural Rotor Works", "United States", None) in got
    assert ("sanctioned_by", "Ural Rotor Works", "EU", None) in got
    assert ("sanctioned_by", "Kartli Supply House", None, None) in got


def test_declined_to_comment_for_each_coordinated_subject(extract_text):
    out = extract_text(
        "Ural Rotor Works, the Belarusian defence ministry and Kartli Supply House did not "
        "respond to requests for comment."
    )
    subjects = {c["subject"] for c in out["claims"] if c["predicate"] == "declined_to_comment"}
    assert subjects == {"Ural Rotor Works", "Belarusian defence ministry", "Kartli Supply House"}


def test_denial_by_unawareness_and_pronoun(extract_text):
    out = extract_text("Brazil's foreign ministry said it was unaware of the deliveries.")
    assert ("denied", "Brazil's foreign ministry", None, None) in triples(out)


def test_visit_collaborate_train_assist(extract_text):
    out = extract_text(
        "Turkish engineers travelled to Belarus to collaborate with Minsk Wheel Tractor Plant. "
        "They trained Minsk Wheel Tractor Plant staff and helped the plant's designers."
    )
    got = triples(out)
    group = next(e["name"] for e in out["entities"] if e["type"] == "Group")
    assert ("visited", group, "Belarus", None) in got
    assert ("collaborated_with", group, "Minsk Wheel Tractor Plant", None) in got
    assert ("trained", group, "Minsk Wheel Tractor Plant", None) in got


def test_developed_tested_produced(extract_text):
    out = extract_text(
        "Ural Rotor Works developed a new drone, the Sapsan-7. "
        "One of its attack drones, the Sapsan-9, was tested by Kartli Supply House in 2024."
    )
    got = triples(out)
    assert ("developed", "Ural Rotor Works", "Sapsan-7", None) in got
    assert ("tested", "Kartli Supply House", "Sapsan-9", None) in got
    assert ("produced", "Ural Rotor Works", "Sapsan-9", None) in got


def test_modelled_on_and_located_in(extract_text):
    out = extract_text(
        "The ZT-41 is a variant reportedly akin to the Mohajer-6 design. "
        "Parts went to the Kovrov military range in Russia's Vladimir region."
    )
    got = triples(out)
    assert ("modelled_on", "ZT-41", "Mohajer-6", None) in got
    assert ("located_in", "Kovrov military range", "Vladimir region", None) in got
    hedged = [c for c in out["claims"] if c["predicate"] == "modelled_on"]
    assert hedged[0]["hedged"] is True


def test_officer_owner_front_and_subsidiary(extract_text):
    out = extract_text(
        "Kartli Supply House's owner and general director, Giorgi Beridze, set up the "
        "company in Tbilisi in 2021. Investigators suspect it was set up as a front for "
        "Ural Rotor Works. Ural Rotor Works is a subsidiary of Rostov Machine Holding."
    )
    got = triples(out)
    assert ("owns", "Giorgi Beridze", "Kartli Supply House", None) in got
    assert ("officer_of", "Giorgi Beridze", "Kartli Supply House", None) in got
    assert ("located_in", "Kartli Supply House", "Tbilisi", None) in got
    assert ("front_for", "Kartli Supply House", "Ural Rotor Works", None) in got
    assert ("subsidiary_of", "Ural Rotor Works", "Rostov Machine Holding", None) in got


def test_no_claim_without_named_roles(extract_text):
    out = extract_text("A company sold some parts to a buyer, and engineers visited a plant.")
    assert out["claims"] == []


def test_evidence_is_the_exact_sentence(extract_text):
    text = (
        "\n\nHeadline Without A Stop\nUral Rotor Works bought engines from Harbin Lingyun Motor.\n"
    )
    out = extract_text(text)
    assert out["claims"]
    for c in out["claims"]:
        ev = c["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert ev["text"] == "Ural Rotor Works bought engines from Harbin Lingyun Motor."
