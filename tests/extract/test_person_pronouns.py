"""'He' and 'she' refer back to a person, never to a firm."""

from __future__ import annotations


def _silent(out: dict) -> set[str | None]:
    return {c["subject"] for c in out["claims"] if c["predicate"] == "declined_to_comment"}


def test_he_is_the_person_named_before(extract_text):
    out = extract_text(
        "Velsk Trading LLC's owner and general director, Arman Tokbayev, also runs a flight "
        "school in Almaty. He declined to comment."
    )
    assert _silent(out) == {"Arman Tokbayev"}


def test_he_is_never_a_firm(extract_text):
    out = extract_text(
        "Velsk Trading LLC shipped 40 engines to Kordan Dynamics LLC in 2024. "
        "He declined to comment."
    )
    assert _silent(out) == set()
