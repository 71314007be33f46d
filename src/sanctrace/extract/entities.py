"""Group mentions into entities: one per actor, place or product named in a document.

Mentions merge when their folded names are equal, when one is a short form of the other
("Kupol" in "IEMZ Kupol"), an acronym of it, or a parenthetical short name, and groups
merge by nationality and role family ("Chinese experts", "Chinese technicians").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from sanctrace.extract.gazetteer import load_gazetteer
from sanctrace.extract.lexicon import Lexicon
from sanctrace.extract.mentions import Mention, place_position

_NON_WORD = re.compile(r"[^\w]+")
_STOP_INITIALS = frozenset({"of", "and", "the", "for", "&", "de"})
# types whose NER label is unreliable enough that a short form may change them
_SOFT_SOURCES = frozenset({"ner:PERSON", "repeat", "ner:ORG", "ner:GPE"})


def fold(text: str) -> str:
    """Lower-case, strip accents, possessives, punctuation and a leading article."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s\b", "", s)
    s = _NON_WORD.sub(" ", s).strip()
    s = re.sub(r"^(the|a|an) ", "", s)
    return s


@dataclass(slots=True)
class Cluster:
    """One entity under construction: its mentions, chosen type, name and aliases."""

    mentions: list[Mention]
    type: str = ""
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def surface(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int, str]:
    """Character start, end and text of tokens [start, end), without a sentence-final
    full stop glued to the last token ("K90V.") unless it belongs to a legal form."""
    last = doc[end - 1]
    text = doc[start:end].text  # Doc.text would join every token of the document
    s = doc[start].idx
    e = s + len(text)
    if text.endswith(".") and len(last.text) > 1 and last.text not in lex.legal_suffix:
        if "." not in last.text[:-1]:
            e -= 1
            text = text[:-1]
    return s, e, text


def _key(doc: Doc, m: Mention, lex: Lexicon) -> str:
    if m.key is not None:
        return m.key
    text = surface(doc, m.start, m.end, lex)[2]
    if m.type == "Location":
        canon = lex.country_of.get(text.lower())
        if canon is not None:
            return fold(canon)
    words = fold(text).split()
    if m.type == "Organization":
        legal = _legal_words(lex)
        stripped = [w for w in words if w not in legal]
        if stripped:
            words = stripped
    return " ".join(words)


_LEGAL_CACHE: dict[int, frozenset[str]] = {}


def _legal_words(lex: Lexicon) -> frozenset[str]:
    got = _LEGAL_CACHE.get(id(lex))
    if got is None:
        got = frozenset(fold(f) for f in lex.legal_suffix | lex.legal_prefix)
        _LEGAL_CACHE[id(lex)] = got
    return got


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _STOP_INITIALS and w)


def cluster_mentions(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Cluster]:
    """Merge mentions into clusters and choose each cluster's type and canonical name."""
    n = len(mentions)
    uf = _UnionFind(n)
    keys = [_key(doc, m, lex) for m in mentions]
    _retype_short_forms(mentions, keys, lex)
    by_key: dict[str, int] = {}
    for i, k in enumerate(keys):
        if not k:
            continue
        if k in by_key:
            uf.union(by_key[k], i)
        else:
            by_key[k] = i
    # plural product names: "Garpiyas" -> "Garpiya"
    for i, m in enumerate(mentions):
        k = keys[i]
        if m.type == "Product" and k.endswith("s") and k[:-1] in by_key:
            uf.union(by_key[k[:-1]], i)
    # short forms and acronyms of longer names
    multi = [(i, keys[i].split()) for i in range(n) if len(keys[i].split()) > 1]
    gaz = load_gazetteer()
    # how much evidence stands behind each exact-name cluster: the better-attested of two
    # longer names claims an ambiguous short form
    weight: dict[int, int] = {}
    for idx in range(n):
        root = uf.find(idx)
        weight[root] = weight.get(root, 0) + mentions[idx].priority * (
            mentions[idx].end - mentions[idx].start
        )
    for i, m in enumerate(mentions):
        words = keys[i].split()
        if m.type in ("Organization", "PublicBody", "Person") and len(words) > 1 and m.key is None:
            # "Sahra Falcon" is "Sahra Falcon General Trading LLC" said short
            longer = {
                uf.find(j)
                for j, jw in multi
                if len(jw) > len(words)
                and mentions[j].type == m.type
                and (jw[: len(words)] == words or jw[-len(words) :] == words)
            }
            if len(longer) == 1:
                uf.union(longer.pop(), i)
            continue
        if len(words) != 1 or m.type in ("Group", "Product") or m.key is not None:
            continue
        w = words[0]
        cands: set[int] = set()
        for j, jw in multi:
            other = mentions[j]
            if other.type in ("Group", "Product") or (
                other.type == "Person" and other.source == "title"
            ):
                continue
            compatible = other.type == m.type or m.source in _SOFT_SOURCES
            if other.type == "Location" and m.type != "Location" and other.source != "place-head":
                compatible = False
            if (
                m.type == "Location"
                and other.type != "Location"
                and (
                    m.source == "gazetteer"
                    or w in lex.places
                    or (
                        gaz.population(w)
                        # a body is named for its seat: "Stuttgart public prosecutor's office"
                        and (other.type == "PublicBody" or place_position(doc, m.start, m.end, lex))
                    )
                )
            ):
                compatible = False  # "Xiamen" is the city, not "Xiamen Limbach ... Co."
            if other.type == "PublicBody" and w == jw[0] and gaz.population(w):
                compatible = False  # "Hanover" in "Hanover public prosecutor's office"
            if not compatible:
                continue
            if w in jw[1:] or (w == jw[0] and other.type != "Person"):
                cands.add(uf.find(j))
            elif len(w) >= 2 and doc[m.start].text.isupper() and w == _initials(jw):
                cands.add(uf.find(j))
        if cands:
            uf.union(max(sorted(cands), key=lambda r: weight[r]), i)
    # "Long Name (LN)": the parenthetical names the mention before it
    for i in range(n - 1):
        a, b = mentions[i], mentions[i + 1]
        if (
            b.start == a.end + 1
            and b.end < len(doc)
            and doc[a.end].text == "("
            and (doc[b.end].text == ")")
        ):
            if a.type in ("Organization", "PublicBody") or b.source in _SOFT_SOURCES:
                uf.union(i, i + 1)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    clusters: list[Cluster] = []
    for root in sorted(groups, key=lambda r: mentions[groups[r][0]].start):
        ms = [mentions[i] for i in groups[root]]
        clusters.append(_finish(doc, Cluster(ms), lex))
    return clusters


def _retype_short_forms(mentions: list[Mention], keys: list[str], lex: Lexicon) -> None:
    """ "Xiamen Limbach" after "Xiamen Limbach Aircraft Engine Co., Ltd.": a later span of
    two or three words that the model typed as a place or person but that opens an earlier
    company name is that company said short, unless every word of it is a place."""
    gaz = load_gazetteer()
    firms: list[tuple[int, list[str]]] = [
        (m.start, keys[i].split())
        for i, m in enumerate(mentions)
        if m.type == "Organization" and m.source not in _SOFT_SOURCES and keys[i]
    ]
    if not firms:
        return
    for i, m in enumerate(mentions):
        words = keys[i].split()
        if m.key is not None or m.source not in _SOFT_SOURCES or not 2 <= len(words) <= 3:
            continue
        if m.type not in ("Location", "Person"):
            continue
        if all(w in lex.places or gaz.population(w) for w in words):
            continue
        if any(
            s < m.start and len(fw) > len(words) and fw[: len(words)] == words for s, fw in firms
        ):
            mentions[i] = replace(m, type="Organization")


def _finish(doc: Doc, c: Cluster, lex: Lexicon) -> Cluster:
    votes: Counter[str] = Counter()
    for m in c.mentions:
        weight = m.priority * (m.end - m.start)
        if m.source in ("ner:PERSON", "repeat") and m.end - m.start == 1:
            weight = 1
        votes[m.type] += weight
    c.type = votes.most_common(1)[0][0]
    texts: list[str] = []
    for m in c.mentions:
        t = surface(doc, m.start, m.end, lex)[2]
        if t not in texts:
            texts.append(t)
    if c.type == "Location":
        canon = {lex.country_of[t.lower()] for t in texts if t.lower() in lex.country_of}
        if len(canon) == 1:
            name = canon.pop()
            if name not in texts:
                texts.insert(0, name)
    preferred = [
        surface(doc, m.start, m.end, lex)[2]
        for m in c.mentions
        if m.type == c.type and m.source != "repeat"
    ] or texts
    canon_place = lex.country_of.get(preferred[0].lower()) if c.type == "Location" else None
    if canon_place is not None:
        c.name = canon_place
    elif c.type == "Group":
        c.name = preferred[0]
    else:
        c.name = max(preferred, key=lambda t: (len(t), -texts.index(t)))
    seen = {fold(c.name)}
    for t in texts:
        if fold(t) not in seen:
            seen.add(fold(t))
            c.aliases.append(t)
    return c
