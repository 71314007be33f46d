"""Names reduced to what matching compares: ASCII tokens, legal forms apart, variant keys.

A listed name and a name in a report differ in script (ООО ТСК Вектор), case, quotes
(‘KUPOL’), legal form (OOO / LLC / Limited Liability Company), word order and
transliteration (Vektor / Vector). ``normalise`` removes the first four differences;
``skeleton`` makes transliteration variants of one token collide; ``initialisms`` gives
the acronyms a run of tokens can be written as (Izhevskiy Elektromekhanicheskiy Zavod ->
IEZ, IEMZ). Legal forms are recognised by rigour's org-type database and kept as generic
codes (llc, jsc) so that they can be compared as such rather than as words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import normality
from rigour.names.org_types import extract_org_types

from sanctrace.screen.lists.common import vocabulary

_APOSTROPHES = re.compile(r"['’‘`´ʼʻ]")
_NON_WORD = re.compile(r"[^\w]+|_")
_VOWELS = frozenset("aeiouy")
DOTTED = re.compile(r"(?<!\w)(?:[^\W\d_]\.){2,}")


@dataclass(slots=True, frozen=True)
class NameKey:
    """One name as matching sees it.

    ``native`` keeps the name in its own script when that script is one whose
    romanisation loses distinctions (Han, Hangul, Arabic, ...): two such names are better
    compared as written. ``abjad`` marks names from scripts that omit vowels.
    """

    text: str
    tokens: tuple[str, ...]
    forms: frozenset[str]
    native: str = ""
    abjad: bool = False


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], list[tuple[re.Pattern[str], str]], frozenset[str],
                       dict[str, str], frozenset[str]]:
    vocab = vocabulary("names.json")
    letters = {**vocab["cyrillic"], **vocab["greek"]}
    table: dict[int, str] = {}
    for letter, latin in letters.items():
        table[ord(letter)] = latin
        table[ord(letter.upper())] = latin
    rules: list[tuple[re.Pattern[str], str]] = []
    rewrites = {**vocab["synonyms"], **vocab["numbers"]}
    return (table, rules, frozenset(vocab["stopwords"]), rewrites,
            frozenset(vocab["person_prefixes"]))


@lru_cache(maxsize=200_000)
def ascii_fold(text: str) -> str:
    """Lower-case ASCII for text in any script; fast paths for Latin and Cyrillic.

    Latin diacritics are decomposed and dropped, Cyrillic and Greek use our own letter
    table (data/names.json), anything else (Han, Arabic, ...) goes through normality.
    """
    if text.isascii():
        return text.lower()
    table = _tables()[0]
    folded = unicodedata.normalize("NFKD", text.lower().translate(table))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    if folded.isascii():
        return folded
    return (normality.ascii_text(folded) or "").lower()


def clean_text(name: str) -> str:
    """Case-folded, punctuation and quotes gone, spaces collapsed; script kept."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _script(text: str) -> tuple[bool, bool]:
    """(written in a lossy-romanisation script, written in an abjad)."""
    lossy = abjad = False
    if text.isascii():
        return False, False
    for char in text:
        code = ord(char)
        if code < 0x0530 or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x206F:
            continue
        if 0x0590 <= code <= 0x08FF or 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            abjad = True
        if char.isalpha():
            lossy = True
    return lossy, abjad


def _strip_forms(text: str) -> tuple[str, frozenset[str]]:
    found = extract_org_types(text, generic=True)
    if not found:
        return text, frozenset()
    stripped = text
    for matched, _generic in found:
        stripped = re.sub(rf"(?<!\w){re.escape(matched)}(?!\w)", " ", stripped, count=1)
    if not _NON_WORD.sub("", stripped):
        return text, frozenset()
    return stripped, frozenset(ascii_fold(generic) for _m, generic in found)


def _rewrite(tokens: list[str], rewrites: dict[str, str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        token = rewrites.get(token, token)
        # "forty four" -> 44
        if (out and token.isdigit() and len(token) == 1 and out[-1].isdigit()
                and len(out[-1]) == 2 and out[-1].endswith("0")):
            out[-1] = str(int(out[-1]) + int(token))
            continue
        out.append(token)
    return out


def _join_letters(tokens: list[str]) -> list[str]:
    """Runs of single letters are one initialism: "a b c" (from A.B.C.) -> "abc"."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            out.append("".join(run)) if len(run) > 1 else out.extend(run)
            run = []
        if token:
            out.append(token)
    return out


@lru_cache(maxsize=1 << 18)
def normalise(name: str, person: bool = False) -> NameKey:
    """A NameKey for ``name``; ``person`` skips legal forms and drops titles instead."""
    _table, _rules, stopwords, rewrites, prefixes = _tables()
    text = " ".join(_APOSTROPHES.sub("", unicodedata.normalize("NFKC", name).casefold()).split())
    forms: frozenset[str] = frozenset()
    if not person and text:
        text, forms = _strip_forms(text)
    text = DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    words = _NON_WORD.sub(" ", text).split()
    tokens = _rewrite(_NON_WORD.sub(" ", ascii_fold(" ".join(words))).split(), rewrites)
    if not person:
        tokens = _join_letters(tokens)
    drop = stopwords | prefixes if person else stopwords
    kept = [t for t in tokens if t not in drop]
    lossy, abjad = _script(text)
    native = " ".join(sorted(words)) if lossy else ""
    return NameKey(name, tuple(kept or tokens), forms, native, abjad)


_CONSONANT_DROP = str.maketrans({v: None for v in "aeiouwyh"})


@lru_cache(maxsize=1 << 16)
def consonants(token: str) -> str:
    """The consonant frame of a token, for names romanised from scripts without vowels."""
    return token.translate(_CONSONANT_DROP).replace("p", "b").replace("v", "f")


@lru_cache(maxsize=1 << 18)
def skeleton(token: str) -> str:
    """A transliteration-tolerant key: Vektor, Vector -> vektor; Haotianyi, Haotyanyi."""
    literal, regex = _skeleton_rules()
    out = literal[0].sub(lambda m: literal[1][m.group(0)], token)
    for pattern, replacement in regex:
        out = pattern.sub(replacement, out)
    return out


@lru_cache(maxsize=1)
def _skeleton_rules() -> tuple[tuple[re.Pattern[str], dict[str, str]],
                               list[tuple[re.Pattern[str], str]]]:
    """The skeleton rules: plain letter groups in one alternation, then the regex ones.

    Plain groups are rewritten in one left-to-right pass (longest first), which is what
    applying them in order does for these rules, at a fraction of the cost.
    """
    vocab = vocabulary("names.json")["skeleton"]
    plain = {p: r for p, r in vocab if re.fullmatch(r"[a-z]+", p)}
    ordered = sorted(plain, key=len, reverse=True)
    alternation = re.compile("|".join(ordered))
    regex = [(re.compile(p), r) for p, r in vocab if p not in plain]
    return (alternation, plain), regex


def _initials(token: str) -> tuple[str, ...]:
    """The letters one word can give an acronym: its first, or first + compound head.

    Soviet-style and technical compounds join stems with a connecting "o"
    (elektr-o-mekhanicheskiy, radi-o-tekhnicheskiy, mashin-o-stroitelnyy); their acronyms
    take a letter from each stem (IEMZ). Any consonant after an "o" with at least four
    letters either side counts as such a stem start.
    """
    first = token[0]
    options = [first]
    for k in range(4, len(token) - 3):
        if token[k - 1] == "o" and token[k] not in _VOWELS and token[k - 2] not in _VOWELS:
            options.append(first + token[k])
    return tuple(options)


def initialisms(tokens: tuple[str, ...], limit: int = 8) -> set[str]:
    """Acronyms the whole token run can be written as (at most ``limit`` variants)."""
    if len(tokens) < 2:
        return set()
    out: set[str] = set()
    for acronyms in prefix_initialisms(tokens, len(tokens), limit):
        out = acronyms
    return out


def prefix_initialisms(
    tokens: tuple[str, ...], longest: int, limit: int = 8
) -> Iterator[set[str]]:
    """Acronyms of tokens[:2], tokens[:3], ... up to ``longest`` words, built incrementally."""
    out = {""}
    for k, token in enumerate(tokens[:longest]):
        if not token[0].isalpha():
            return
        out = {prefix + part for prefix in out for part in _initials(token)}
        if len(out) > limit:
            out = set(sorted(out, key=len)[:limit])
        if k >= 1:
            yield out
