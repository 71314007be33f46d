"""RawClaim: a claim as a rule finds it in one sentence, before context is added."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(slots=True)
class RawClaim:
    """A claim found in one sentence, before attribution, hedging and time are added."""

    predicate: str
    subject: int | None
    object: int | None
    anchor: Token
    rule: str
    via: int | None = None
    item: int | None = None
    location: int | None = None
    confidence: float = 0.8
    affirmed: bool = False  # "not to A but to B": the B claim stands despite the negation
