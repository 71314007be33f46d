"""Name keys under which document entities of different reports are considered the same."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_NON_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """Fold case, accents, quotes, punctuation, a leading article and a possessive."""
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = _NON_WORD.sub(" ", text).strip()
    text = re.sub(r"^(the|a|an) ", "", text)
    return text


def is_proper(alias: str) -> bool:
    """True for names ("TSK Vektor"), false for descriptions ("a Russian intermediary").

    Only proper names are safe to join reports on: two reports that both mention "the
    company" are not about the same company.
    """
    words = [w for w in re.split(r"\s+", alias.strip()) if w]
    if not words or words[0].casefold() in {"a", "an", "the", "its", "their", "this", "that"}:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or any(ch.isdigit() for ch in w))
    return capitalised == len(words)
