"""Name keys under which document entities of different reports are considered the same.

Three layers, each a plain function over strings so that blocking stays a dictionary
lookup (no pairwise comparison):

    name_key   fold case, accents, quotes, punctuation, a leading article, a possessive
    core_key   name_key without legal forms at either end ("TSK Vektor, OOO" -> "tsk vektor")
    short_forms the prefixes and suffixes of a core key that could stand for it alone
               ("iemz kupol" -> "kupol", "iemz"), minus ones made only of generic words
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"'s\b")
_ARTICLE = re.compile(r"^(?:the|a|an) ")
_ARTICLES = {"a", "an", "the", "its", "their", "this", "that"}


def _data(name: str) -> dict[str, Any]:
    raw = resources.files("sanctrace.resolve").joinpath("data", name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@lru_cache(maxsize=1)
def legal_forms() -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    """Legal forms as token tuples, and their lengths longest first ("co ltd" before "ltd")."""
    forms = frozenset(tuple(f.split()) for f in _data("legal_forms.json")["forms"])
    return forms, tuple(sorted({len(f) for f in forms}, reverse=True))


@lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    return frozenset(_data("group_words.json")["leading"])


@lru_cache(maxsize=1)
def generic_tokens() -> frozenset[str]:
    return frozenset(_data("generic_tokens.json")["tokens"])


@lru_cache(maxsize=500_000)
def name_key(name: str) -> str:
    """Fold case, accents, quotes, punctuation, a leading article and a possessive."""
    text = name.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.casefold())
    text = _NON_WORD.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


def strip_legal(tokens: list[str]) -> list[str]:
    """Remove legal forms from both ends, repeatedly; never down to nothing."""
    forms, lengths = legal_forms()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for n in lengths:
            if n >= len(tokens):
                continue
            if tuple(tokens[:n]) in forms:
                tokens, changed = tokens[n:], True
                break
            if tuple(tokens[-n:]) in forms:
                tokens, changed = tokens[:-n], True
                break
    return tokens


@lru_cache(maxsize=500_000)
def core_key(name: str) -> str:
    """The name without case, punctuation or legal form: what identifies the actor."""
    return " ".join(strip_legal(name_key(name).split()))


def group_key(name: str) -> str:
    """The key of an unnamed group: its description without leading counts or qualifiers.

    "two European security officials" -> "european security officials".
    """
    tokens = name_key(name).split()
    words = group_words()
    while len(tokens) > 1 and (tokens[0] in words or tokens[0].isdigit()):
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=500_000)
def short_forms(core: str, limit: int = 8) -> tuple[str, ...]:
    """Prefixes and suffixes of a multi-word core key that could name it on their own.

    "iemz kupol" -> ["iemz", "kupol"]; "xiamen limbach aircraft engine" -> ["xiamen
    limbach", "xiamen limbach aircraft", "limbach aircraft engine", ...]. A short form made
    only of generic words ("shenzhen", "industry") is left out: it names too many firms.
    Names longer than ``limit`` words give none (they are descriptions, not names).
    """
    tokens = core.split()
    if len(tokens) < 2 or len(tokens) > limit:
        return ()
    generic = generic_tokens()
    out = []
    for n in range(1, len(tokens)):
        for part in (tokens[:n], tokens[-n:]):
            if all(t in generic or t.isdigit() or len(t) < 2 for t in part):
                continue
            out.append(" ".join(part))
    return tuple(out)


@lru_cache(maxsize=500_000)
def is_proper(alias: str) -> bool:
    """True for names ("TSK Vektor"), false for descriptions ("a Russian intermediary").

    Only proper names are safe to join reports on: two reports that both mention "the
    company" are not about the same company.
    """
    words = [w for w in re.split(r"\s+", alias.strip()) if w]
    if not words or words[0].casefold() in _ARTICLES:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or any(ch.isdigit() for ch in w))
    return capitalised == len(words)
