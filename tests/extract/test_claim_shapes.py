"""Claim shapes beyond the plain "A supplied X to B": hand-overs, contrasts, purchases for a
third party, carriers, deliveries of goods made by someone else, coordinated sanctions,
ownership in relative clauses and parent companies. Each has a near miss beside it."""

from __future__ import annotations


def triples(out: dict, predicate: str | None = None, negated: bool | None = None) -> set[tuple]:
    return {
        (c["predicate"], c["subject"], c["object"], c["via"])
        for c in out["claims"]
        if (predicate is None or c["predicate"] == predicate)
        and (negated is None or c["negated"] == negated)
    }


def test_relative_clause_hand_over_and_chain(extract_text):
    out = extract_text(
        "Ostrava Kinetics sold engines to Redwing Components, which passed them to "
        "Kestrel Avionika."
    )
    got = triples(out, "supplied")
    assert ("supplied", "Redwing Components", "Kestrel Avionika", None) in got
    assert ("supplied", "Ostrava Kinetics", "Kestrel Avionika", "Redwing Components") in got


def test_passing_on_requests_is_no_supply(extract_text):
    out = extract_text(
        "Redwing Components passed the requests on to Kestrel Avionika. "
        "The truck passed through Lomza Freight Services without stopping."
    )
    assert not triples(out, "supplied")


def test_not_to_a_but_to_b(extract_text):
    out = extract_text(
        "Halden Optics did not sell the lenses to Norvik Trading but to Ostrava Kinetics."
    )
    assert ("supplied", "Halden Optics", "Ostrava Kinetics", None) in triples(out, negated=False)
    assert ("supplied", "Halden Optics", "Norvik Trading", None) in triples(out, negated=True)
    assert ("supplied", "Halden Optics", "Norvik Trading", None) not in triples(out, negated=False)


def test_purchase_for_a_third_party(extract_text):
    out = extract_text(
        "Norvik Trading procured the chips from Ostrava Kinetics for Kestrel Avionika."
    )
    got = triples(out, "supplied")
    assert ("supplied", "Ostrava Kinetics", "Norvik Trading", None) in got
    assert ("supplied", "Norvik Trading", "Kestrel Avionika", None) in got
    assert ("supplied", "Ostrava Kinetics", "Kestrel Avionika", "Norvik Trading") in got


def test_purchase_for_a_price_names_no_customer(extract_text):
    out = extract_text("Norvik Trading procured the chips from Ostrava Kinetics for $2 million.")
    assert triples(out, "supplied") == {("supplied", "Ostrava Kinetics", "Norvik Trading", None)}


def test_sourced_via_on_behalf_of(extract_text):
    out = extract_text("The chips were sourced via Norvik Trading on behalf of Kestrel Avionika.")
    assert ("supplied", None, "Kestrel Avionika", "Norvik Trading") in triples(out, "supplied")


def test_delivery_of_goods_made_by_another_reaching_through_a_third(extract_text):
    out = extract_text(
        "Kestrel Avionika took delivery of 30 drones made by Liangjiang Aero Systems, "
        "which reached the plant through Halden Optics."
    )
    assert ("supplied", "Liangjiang Aero Systems", "Kestrel Avionika", "Halden Optics") in (
        triples(out, "supplied")
    )


def test_taking_part_is_no_delivery(extract_text):
    out = extract_text(
        "Kestrel Avionika took part in a fair with drones made by Liangjiang Aero Systems."
    )
    assert not triples(out, "supplied")


def test_carrier_named_alone(extract_text):
    out = extract_text(
        "The cargo was carried by Silk Wind Airlines. Silk Wind Airlines carried "
        "the minister to the summit."
    )
    got = triples(out, "supplied")
    assert got == {("supplied", None, None, "Silk Wind Airlines")}


def test_coordinated_sanctions_with_an_appositive(extract_text):
    out = extract_text(
        "Britain sanctioned Halden Optics, its founder Pavel Grinev and Norvik Trading. "
        "The Commerce Department added Ostrava Kinetics to the Entity List."
    )
    got = triples(out, "sanctioned_by")
    for subject in ("Halden Optics", "Pavel Grinev", "Norvik Trading"):
        assert ("sanctioned_by", subject, "United Kingdom", None) in got, got
    assert ("sanctioned_by", "Ostrava Kinetics", "Commerce Department", None) in got
    assert not any(s == "Commerce Department" for _, s, _, _ in got)


def test_adding_to_a_price_list_is_no_sanction(extract_text):
    out = extract_text("Norvik Trading added Ostrava Kinetics to its list of suppliers.")
    assert not triples(out, "sanctioned_by")


def test_whose_owner_and_parent_company(extract_text):
    out = extract_text(
        "Halden Optics, whose beneficial owner is Pavel Grinev, denied wrongdoing. "
        "Brenner Holding, the parent company of Norvik Trading, declined to comment."
    )
    got = triples(out)
    assert ("owns", "Pavel Grinev", "Halden Optics", None) in got
    assert ("subsidiary_of", "Norvik Trading", "Brenner Holding", None) in got
    assert ("subsidiary_of", "Brenner Holding", "Norvik Trading", None) not in got


def test_perfect_supply_read_right_even_when_misparsed(extract_text):
    out = extract_text(
        "The Treasury said Orlov Rotor Engine Co., Ltd. had supplied engines, including "
        "models from its K90 series, to Vessel Point Industries in Shenzhen. "
        "Vessel Point Industries had supplied engines in stock for years."
    )
    got = triples(out, "supplied")
    assert (
        "supplied",
        "Orlov Rotor Engine Co., Ltd.",
        "Vessel Point Industries",
        None,
    ) in got
    assert len(got) == 1, got
