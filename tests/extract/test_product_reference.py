"""'The drone' refers back to the product last called a drone; a verb joined to one with a
subject takes that subject, never the nearest name."""

from __future__ import annotations


def _pairs(out: dict, predicate: str) -> set[tuple[str | None, str | None]]:
    return {(c["subject"], c["object"]) for c in out["claims"] if c["predicate"] == predicate}


def test_conjoined_verb_takes_the_drone_as_subject(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC builds the Zarnitsa, a one-way attack drone. The drone is "
        "equipped with the Velsk V-40 engine and is used in Ukraine."
    )
    used = _pairs(out, "used_in")
    assert ("Zarnitsa", "Ukraine") in used
    assert ("Velsk V-40", "Ukraine") not in used
    assert ("Velsk V-40", "Zarnitsa") in used


def test_unresolved_subject_is_not_replaced_by_the_nearest_name(extract_text):
    out = extract_text("The drone is equipped with the Velsk V-40 engine and is used in Ukraine.")
    assert ("Velsk V-40", "Ukraine") not in _pairs(out, "used_in")


def test_the_engine_is_not_the_drone(extract_text):
    # near miss: "the engine" does not refer back to a product called a drone
    out = extract_text(
        "Kordan Dynamics LLC builds the Zarnitsa, a one-way attack drone. The engine is used "
        "in Ukraine."
    )
    assert ("Zarnitsa", "Ukraine") not in _pairs(out, "used_in")
