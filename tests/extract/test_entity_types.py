"""Entity types the small NER model gets wrong on unfamiliar names: gazetteer places,
people by given name or honorific, companies by foreign company words, products by code
or vessel prefix, armed services and militias, courts, lower-case bodies, and the place in
"X-based". Each rule has a near miss beside it."""

from __future__ import annotations

from sanctrace.extract.gazetteer import fold_place, load_gazetteer


def types(out: dict) -> dict[str, str]:
    return {e["name"]: e["type"] for e in out["entities"]}


def test_gazetteer_knows_cities_and_extra_places_not_common_words():
    gaz = load_gazetteer()
    assert gaz.knows("Naberezhnye Chelny") and gaz.knows("Bandar Abbas")
    assert gaz.knows("Verkhny Lars")  # a border crossing from the data list
    assert (gaz.population("Novosibirsk") or 0) > 1_000_000
    assert not gaz.knows("Sea") and not gaz.knows("Federal")
    assert fold_place("Bogotá") == "bogota"


def test_cities_the_model_calls_people_or_firms_are_places(extract_text):
    out = extract_text(
        "The convoy left Naberezhnye Chelny and crossed into Georgia at Verkhny Lars. "
        "Engineers from Tomsk later flew to Bandar Abbas."
    )
    got = types(out)
    for place in ("Naberezhnye Chelny", "Verkhny Lars", "Tomsk", "Bandar Abbas"):
        assert got.get(place) == "Location", (place, got)


def test_company_named_after_city_stays_a_company(extract_text):
    out = extract_text("Tomsk Instrument Works shipped sensors to Kestrel Avionika LLC.")
    got = types(out)
    assert got.get("Tomsk Instrument Works") == "Organization", got


def test_people_by_given_name_or_honorific(extract_text):
    out = extract_text(
        "U Zaw Min Htike, a timber trader, met Dmitry Lavrenko and Selim Karaduman in Yangon."
    )
    got = types(out)
    for person in ("U Zaw Min Htike", "Dmitry Lavrenko", "Selim Karaduman"):
        assert got.get(person) == "Person", (person, got)
    assert got.get("Yangon") == "Location"


def test_foreign_company_words_and_plain_word_names(extract_text):
    out = extract_text(
        "Kerem Tulgar founded Anadolu Optik Teknoloji in 2019. "
        "Later, Birch Ledger transferred funds to a supplier."
    )
    got = types(out)
    assert got.get("Anadolu Optik Teknoloji") == "Organization", got
    assert got.get("Birch Ledger") == "Organization", got
    assert got.get("Kerem Tulgar") == "Person", got


def test_products_by_code_lettered_suffix_and_vessel_prefix(extract_text):
    out = extract_text(
        "The tanker MT Coral Breeze carried Jet A-1 fuel to Latakia, and the Volk-KS "
        "armoured car was seen on the deck. The Sino-US dispute was not discussed."
    )
    got = types(out)
    assert got.get("MT Coral Breeze") == "Product", got
    assert got.get("Jet A-1") == "Product", got
    assert got.get("Volk-KS") == "Product", got
    assert "Sino-US" not in got


def test_state_forces_public_militias_organisations(extract_text):
    out = extract_text(
        "The Sudanese Air Force bombed positions held by the Desert Shield Forces, "
        "while the National Guard stayed in barracks."
    )
    got = types(out)
    assert got.get("Sudanese Air Force") == "PublicBody", got
    assert got.get("Desert Shield Forces") == "Organization", got
    assert got.get("National Guard") == "PublicBody", got


def test_courts_councils_and_prosecutors(extract_text):
    out = extract_text(
        "The U.S. District Court for the Southern District of Texas unsealed the case. "
        "Federal prosecutors said the military council had bought the radios; "
        "a city council in Ohio was not involved."
    )
    got = types(out)
    assert got.get("U.S. District Court for the Southern District of Texas") == "PublicBody", got
    assert got.get("military council") == "PublicBody", got
    assert got.get("Federal prosecutors") == "Group", got
    assert "city council" not in got


def test_design_bureau_is_a_company_not_a_ministry(extract_text):
    out = extract_text(
        "The Oka Optical Design Bureau worked with the Federal Security Bureau of Ruritania."
    )
    got = types(out)
    assert got.get("Oka Optical Design Bureau") == "Organization", got


def test_place_based_adjectives_give_the_place_and_a_home(extract_text):
    out = extract_text(
        "A Bogotá-based broker, Andes Cargo Partners, sold radios to a Panama-registered "
        "shipowner and to Kestrel Avionika LLC."
    )
    got = types(out)
    assert got.get("Bogotá") == "Location" and got.get("Panama") == "Location", got
    assert not any(name.endswith(("-based", "-registered")) for name in got)
    claims = {(c["predicate"], c["subject"], c["object"]) for c in out["claims"]}
    assert ("located_in", "Andes Cargo Partners", "Bogotá") in claims
    # the place in "a Panama-registered shipowner" is a home, not the buyer
    assert ("supplied", "Andes Cargo Partners", "Panama") not in claims
    assert ("supplied", "Andes Cargo Partners", "Kestrel Avionika LLC") in claims
