"""'X says it was unaware': "it" in what an organisation, body or place says is the speaker,
not the firm named before it."""

from __future__ import annotations


def _denials(out: dict) -> set[str | None]:
    return {c["subject"] for c in out["claims"] if c["predicate"] == "denied"}


def test_it_after_a_place_speaker_is_not_the_earlier_firm(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC bought engines from Velsk Trading LLC in 2024, the records show. "
        "Minsk says it was unaware of the purchases."
    )
    assert "Kordan Dynamics LLC" not in _denials(out)
    assert "Velsk Trading LLC" not in _denials(out)


def test_it_after_a_firm_speaker_is_the_speaker(extract_text):
    out = extract_text(
        "Kordan Dynamics LLC bought engines from Velsk Trading LLC in 2024, the records show. "
        "Velsk Trading LLC said it was unaware of any military use."
    )
    assert _denials(out) == {"Velsk Trading LLC"}
