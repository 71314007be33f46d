"""Where firms are: a firm placed in a city within a region sits in the city, and the city
in the region; descriptions with a home place tie only to firms placed there."""

from __future__ import annotations


def located(out: dict) -> set[tuple]:
    return {(c["subject"], c["object"]) for c in out["claims"] if c["predicate"] == "located_in"}


def test_city_within_region(extract_text):
    out = extract_text(
        "Volgatrans Components OOO, a parts dealer in Yelabuga in Russia's Tatarstan "
        "region, received the goods. Kama Aerosystems JSC, which is based in Ostrozhsk "
        "in the Penza region, assembles the drones."
    )
    got = located(out)
    assert ("Volgatrans Components OOO", "Yelabuga") in got
    assert ("Yelabuga", "Tatarstan region") in got
    assert ("Kama Aerosystems JSC", "Ostrozhsk") in got
    assert ("Ostrozhsk", "Penza region") in got
    assert ("Volgatrans Components OOO", "Tatarstan region") not in got
    assert ("Kama Aerosystems JSC", "Penza region") not in got


def test_two_places_joined_by_and_are_not_nested(extract_text):
    out = extract_text(
        "Velkor Dynamics ships parts to Kama Aerosystems JSC in Yelabuga and to Tessin "
        "Industrial LLC in Minsk."
    )
    got = located(out)
    assert ("Yelabuga", "Minsk") not in got


def test_appositive_after_coordination_describes_nearest(extract_text):
    out = extract_text(
        "Its ships sail between the port of Haeju and Vanino, a port in Russia's Primorsky region."
    )
    got = located(out)
    assert ("Vanino", "Primorsky region") in got
    assert ("Haeju", "Primorsky region") not in got


def test_firm_then_city_when_parser_attaches_elsewhere(extract_text):
    out = extract_text(
        "Within weeks, Araks Trading re-exported machines with the same serial numbers to "
        "Nevatool Engineering JSC in St Petersburg, the records show."
    )
    assert ("Nevatool Engineering JSC", "St Petersburg") in located(out)


def test_home_of_a_description_must_match(extract_text):
    out = extract_text(
        "Lathes sold by a German distributor were routed to a Kazan company that makes "
        "shells. The distributor, Hallbeck Werkzeug GmbH of Stuttgart, sold them to "
        "Araks Trading."
    )
    assert ("Hallbeck Werkzeug GmbH", "Kazan") not in located(out)
