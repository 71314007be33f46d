"""'B announced a new round of sanctions' puts B in play as the body for designations that
follow and name none; a round of something else does not."""

from __future__ import annotations


def _sanctions(out: dict) -> dict[str, str | None]:
    return {c["subject"]: c["object"] for c in out["claims"] if c["predicate"] == "sanctioned_by"}


def test_round_of_sanctions_names_the_body(extract_text):
    out = extract_text(
        "When the Finnish Ministry of Finance announced a new round of sanctions in May, two "
        "firms stood out. Both Kordan Dynamics LLC and Velsk Trading LLC were designated."
    )
    got = _sanctions(out)
    assert got.get("Kordan Dynamics LLC") == "Finnish Ministry of Finance"
    assert got.get("Velsk Trading LLC") == "Finnish Ministry of Finance"


def test_round_of_talks_names_no_body(extract_text):
    out = extract_text(
        "When the Finnish Ministry of Finance announced a new round of talks in May, two "
        "firms stood out. Both Kordan Dynamics LLC and Velsk Trading LLC were designated."
    )
    got = _sanctions(out)
    assert "Kordan Dynamics LLC" in got
    assert got["Kordan Dynamics LLC"] is None
