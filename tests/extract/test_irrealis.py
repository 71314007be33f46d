"""What a report asks, supposes or carries below it is not what it states: questions,
conditionals and the comments section of a web page give no claims; narrative 'would' and
standing facts inside a conditional sentence stay."""

from __future__ import annotations


def preds(out: dict) -> set[tuple]:
    return {(c["predicate"], c["subject"], c["object"]) for c in out["claims"]}


def test_question_and_conditional(extract_text):
    out = extract_text(
        "Could Tessin Industrial LLC supply Kovrin Aviation Plant? If Velkor Dynamics sold "
        "engines to Russia, it would face penalties."
    )
    assert not [c for c in out["claims"] if c["predicate"] in ("supplied", "sanctioned_by")]
    assert "Tessin Industrial LLC" in out["by_name"]  # no "Could" in the name


def test_narrative_would_and_facts_in_conditionals_stay(extract_text):
    out = extract_text(
        "Velkor Dynamics would later sell the engines to Kovrin Aviation Plant. If the "
        "records are right, Tessin Industrial LLC, which is based in Kazan, never paid."
    )
    got = preds(out)
    assert ("supplied", "Velkor Dynamics", "Kovrin Aviation Plant") in got
    assert ("located_in", "Tessin Industrial LLC", "Kazan") in got


def test_comments_section_is_not_the_report(extract_text):
    text = (
        "Velkor Dynamics sold engines to Kovrin Aviation Plant, records show.\n\n"
        "Comments\n\n"
        "Ivan P. wrote: Tessin Industrial LLC supplied everything to Kovrin Aviation Plant.\n"
    )
    out = extract_text(text)
    assert preds(out) == {("supplied", "Velkor Dynamics", "Kovrin Aviation Plant")}
    assert "Tessin Industrial LLC" not in out["by_name"]


def test_a_heading_about_comment_is_not_a_tail(extract_text):
    out = extract_text(
        "Comment and analysis\n\n"
        "Velkor Dynamics sold engines to Kovrin Aviation Plant, records show.\n"
    )
    assert ("supplied", "Velkor Dynamics", "Kovrin Aviation Plant") in preds(out)
