"""Designations that name no body take it from context; coordinated targets the parser
folds together; 'followed suit'; a state's own list. Each beside a near miss."""

from __future__ import annotations


def sanctions(out: dict) -> set[tuple]:
    return {(c["subject"], c["object"]) for c in out["claims"] if c["predicate"] == "sanctioned_by"}


def test_also_designated_takes_the_body_before(extract_text):
    out = extract_text(
        "The Treasury designated Kovrin Aviation Plant on Tuesday. Its director, Pavel "
        "Orlik, who was also designated, did not respond."
    )
    assert ("Pavel Orlik", "Treasury") in sanctions(out)


def test_same_paragraph_takes_the_body(extract_text):
    out = extract_text(
        "The European Union sanctioned Ostrava Trading FZE in June. Tessin Industrial LLC "
        "was also sanctioned."
    )
    assert ("Tessin Industrial LLC", "European Union") in sanctions(out)


def test_body_from_unnamed_targets(extract_text):
    out = extract_text(
        "The U.S. Treasury Department imposed sanctions on nine firms on Monday.\n\n"
        "Marlow Precision Ltd is run by Dana Orlik, who was also designated on Monday."
    )
    assert ("Dana Orlik", "U.S. Treasury Department") in sanctions(out)


def test_no_carry_across_paragraphs_without_a_cue(extract_text):
    out = extract_text(
        "The European Union sanctioned Ostrava Trading FZE in June.\n\n"
        "Separately, Tessin Industrial LLC was sanctioned in 2019 for fraud."
    )
    assert ("Tessin Industrial LLC", "European Union") not in sanctions(out)


def test_both_designated_keeps_both_targets(extract_text):
    out = extract_text(
        "Ostrava Trading FZE and Tessin Industrial LLC were both designated by the U.S. "
        "Treasury in March."
    )
    got = sanctions(out)
    assert ("Ostrava Trading FZE", "U.S. Treasury") in got
    assert ("Tessin Industrial LLC", "U.S. Treasury") in got


def test_listed_by_a_state_and_followed(extract_text):
    out = extract_text(
        "The United States added Tessin Industrial LLC to the Entity List on the same day "
        "the EU listed Ostrava Trading FZE. The UN committee designated Kovrin Aviation "
        "Plant in 2017, and the United Kingdom followed in 2018. The European Union "
        "sanctioned Velkor Dynamics and added Ivan Dorov to its list last year."
    )
    got = sanctions(out)
    assert ("Ostrava Trading FZE", "European Union") in got  # EU, one entity
    assert ("Kovrin Aviation Plant", "United Kingdom") in got
    assert ("Ivan Dorov", "European Union") in got


def test_a_list_that_is_no_sanctions_list(extract_text):
    out = extract_text(
        "Companies House listed Ivan Dorov as director of Velkor Dynamics. Marlow "
        "Precision Ltd followed the rules."
    )
    assert sanctions(out) == set()


def test_sanctions_about_a_country_are_not_by_it(extract_text):
    out = extract_text(
        "The U.S. Treasury Department imposed Russia-related sanctions on Velkor Dynamics."
    )
    got = sanctions(out)
    assert ("Velkor Dynamics", "U.S. Treasury Department") in got
    assert ("Velkor Dynamics", "Russia") not in got
