"""Sentence boundaries at line breaks, and which lines are headings.

Reports arrive as plain text where a heading is a line without final punctuation. The
parser, left alone, glues a heading onto the sentence below it, which both spoils the
parse and turns title words into false entities; so every line break starts a sentence,
and heading lines are marked so that the entity and claim layers can treat them apart.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "sanctrace_line_breaks"
_TERMINAL = frozenset(".!?:;\"”’')]…")
_SMALL_WORDS = frozenset(
    "a an the and or of in on to for with by at from as vs via into over under & – —".split()
)


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after any token holding a newline."""
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text_with_ws:
            after_break = True
    return doc


def is_heading(line: str, first: bool) -> bool:
    """A line that reads as a title or section heading rather than prose."""
    stripped = line.strip()
    if not stripped:
        return False
    words = stripped.split()
    if stripped[-1] in _TERMINAL:
        return False
    if len(words) > (25 if first else 16):
        return False
    if first or len(words) <= 3:
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    if not content:
        return True
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.6


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges (start, end) of the heading lines of ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    first = True
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            if is_heading(line, first):
                out.append((pos, end))
            first = False
        pos = end + 1
    return out


def tail_start(text: str, ranges: list[tuple[int, int]], stops: frozenset[str]) -> int | None:
    """Where the page around a report takes over: the first heading line (of ``ranges``)
    that reads as a comments or related-links heading ("Comments", "12 comments",
    "Related articles"), or None."""
    for start, end in ranges:
        words = "".join(c if c.isalpha() or c.isspace() else " " for c in text[start:end])
        if " ".join(words.lower().split()) in stops:
            return start
    return None
