"""Candidate entity mentions: the NER model's spans corrected and extended by domain rules.

Each rule proposes token spans with a type and a priority; overlaps are settled by
length, then priority, in one pass. The rules are cheap token scans over the parsed doc
(no regex per token except the one precompiled product-code pattern).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sanctrace.extract.gazetteer import BIG_CITY, Gazetteer, load_gazetteer
from sanctrace.extract.lexicon import Lexicon

_NER_TYPES = {
    "ORG": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "PERSON": "Person",
    "PRODUCT": "Product",
}
_DETS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "both", "either", "neither", "each"}
)
_POSS = frozenset({"'s", "’s", "'", "’"})
_PLACE_PREPS = frozenset({"to", "in", "at", "from", "near", "inside", "outside", "into"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
_BLOCS = frozenset({"european union", "eu", "united nations", "un", "u.n."})
_GROUP_COLLECTIVES = frozenset({"team", "delegation", "personnel", "staff", "crew"})
_PLACE_SUFFIXES = frozenset({"based", "registered", "headquartered", "incorporated", "flagged"})
_QUESTION_TAGS = frozenset({"MD", "WRB", "WP", "WDT"})


@dataclass(slots=True)
class Mention:
    """A token span [start, end) proposed as naming an entity of ``type``."""

    start: int
    end: int
    type: str
    source: str
    priority: int
    key: str | None = None  # an explicit merge key (groups: nationality and role family)
    owner: tuple[int, int] | None = None  # for "X's CEO": the token span of X


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _DETS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _POSS):
        end -= 1
    return start, end


def _ner(doc: Doc, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    gaz = load_gazetteer()
    for ent in doc.ents:
        typ = _NER_TYPES.get(ent.label_)
        if typ is None:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        for k in range(start + 1, end - 1):
            if doc[k].text == "-" and doc[k + 1].lower_ in _PLACE_SUFFIXES:
                end = k  # "Tehran-based": the place is the name, not the adjective
                typ = "Location"
                break
        while end - start > 1 and doc[start].tag_ in _QUESTION_TAGS:
            start += 1  # "Could Acme ...?", "Why Acme ...": a question word is no name
        if typ in ("Organization", "Person"):
            while start < end and doc[start].is_lower:
                start += 1  # "meet Acme": the model took in the verb before the name
            while (
                end > start and doc[end - 1].is_lower and doc[end - 1].text not in lex.legal_suffix
            ):
                end -= 1  # "Kupol marks": the model ran into the verb
        if start >= end:
            continue
        if typ == "Person" and end < len(doc) and doc[end - 1].text.endswith("-"):
            end += 1  # "Kim Chol-ung" split at the hyphen
        elif end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            if (
                not doc[end].whitespace_
                and doc[end + 1].is_alpha
                and doc[end + 1].lower_ not in _PLACE_SUFFIXES
            ):
                end += 2
        if any(t.text in _POSS or t.text in (":", ";") for t in doc[start:end]):
            continue  # "Beijing's Deeper Entry": a possessive inside is not one name
        cut = _two_companies(doc, start, end, lex)
        if cut is not None:  # "B Kinetics for C Avionika": the model ran two names together
            out.append(Mention(start, cut, "Organization", f"ner:{ent.label_}", 2))
            out.append(Mention(cut + 1, end, "Organization", f"ner:{ent.label_}", 2))
            continue
        span = doc[start:end]
        text = span.text
        low = text.lower()
        if text in lex.not_entities or low in lex.demonym_of or low in lex.bloc_adjectives:
            continue
        if not any(_cap(t) or t.is_digit for t in span):
            continue
        if any(t.text in ("–", "—") for t in span):
            continue  # "China–Russia": the places are found one by one
        if typ == "Person" and any(t.text in lex.org_name_words for t in span[1:]):
            typ = "Organization"
        if low in lex.places:
            typ = "Location"
        elif low in lex.public_names or (
            typ == "Organization" and span[-1].lower_ in lex.public_heads
        ):
            typ = "PublicBody"
        elif typ == "Person" and len(span) == 1 and start > 0:
            if doc[start - 1].lower_ in _PLACE_PREPS:
                typ = "Location"
        if typ in ("Person", "Organization") and _named_product(span, lex):
            typ = "Product"
        elif typ in ("Person", "Organization") and _known_place(doc, start, end, lex, gaz):
            typ = "Location"
        elif typ in ("Organization", "Location") and _person_name(span, lex, gaz):
            typ = "Person"
        out.append(Mention(start, end, typ, f"ner:{ent.label_}", 2))
    return out


_BETWEEN_NAMES = frozenset({"for", "to", "from", "via", "through"})


def _two_companies(doc: Doc, start: int, end: int, lex: Lexicon) -> int | None:
    """The index of a lower-case preposition that joins two complete company names."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ not in _BETWEEN_NAMES or not doc[k].is_lower:
            continue
        marks = lex.org_name_words | lex.legal_suffix
        right = doc[k + 1 : end]
        if doc[k - 1].text not in marks or not all(_cap(t) for t in right):
            continue
        if doc[end - 1].text in marks or len(right) >= 2:
            return k
    return None


def _company_shaped(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether tokens [start, end), or the word after them, mark a company name."""
    if any(t.text in lex.org_name_words or t.text in lex.legal_suffix for t in doc[start:end]):
        return True
    if doc[start].text in lex.legal_prefix:
        return True
    return end < len(doc) and (
        doc[end].text in lex.org_name_words or doc[end].text in lex.legal_suffix
    )


def _known_place(doc: Doc, start: int, end: int, lex: Lexicon, gaz: Gazetteer) -> bool:
    """A span the model called a person or firm that the gazetteer knows as a place.

    A name of two or more words needs only to be known; a one-word name must be a large
    city or stand where places stand (after "in", before "-based" or ", Country"), since
    single words name people and firms as often as towns."""
    if _company_shaped(doc, start, end, lex):
        return False
    text = doc[start:end].text
    if sum(t.is_alpha for t in doc[start:end]) >= 2:
        return gaz.knows(text)
    pop = gaz.population(text)
    if pop is not None and pop >= BIG_CITY:
        return True
    return place_position(doc, start, end, lex) and gaz.knows(text)


def place_position(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether span [start, end) stands where places stand: after "in" or "near", before
    "-based" or ", Country", or after another place and "and"."""
    n = len(doc)
    if start > 0 and doc[start - 1].lower_ in _PLACE_PREPS:
        return True
    if end + 1 < n and doc[end].text == "-" and doc[end + 1].lower_ in _PLACE_SUFFIXES:
        return True
    if end + 1 < n and doc[end].text == "," and doc[end + 1].lower_ in lex.country_of:
        return True
    return start > 1 and doc[start - 1].lower_ in ("and", ",") and doc[start - 2].ent_type_ == "GPE"


def _person_name(span, lex: Lexicon, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    """A two-to-four-word name opened by an honorific ("U", "Sheikh") or a common given name,
    with no company word and no place of that name."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(_cap(t) for t in words):
        return False
    if any(t.text in lex.org_name_words or t.text in lex.legal_suffix for t in words):
        return False
    low = span.text.lower()
    if low in lex.places or low in lex.public_names or gaz.knows(span.text):
        return False
    if any(t.lower_ in lex.public_heads or t.lower_ in lex.demonym_of for t in words):
        return False
    return words[0].text in lex.honorifics or words[0].text in lex.given_names


def _named_product(span, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """ "Jet A-1", "MT Sea Breeze": a model code or a vessel prefix inside a name."""
    if span[0].text in lex.vessel_prefixes and len(span) > 1:
        return True
    if any(t.text in lex.org_name_words or t.text in lex.legal_suffix for t in span):
        return False
    return any(
        lex.product_code.match(t.text)
        and not lex.product_code_blacklist.match(t.text)
        and not t.like_num
        and "-" in t.text
        for t in span
    )


def _places(doc: Doc, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not _cap(tok):
            i += 1
            continue
        for size in (4, 3, 2, 1):
            if i + size > n:
                continue
            low = doc[i : i + size].text.lower()
            if low in lex.country_of or low in lex.public_names:
                typ = "PublicBody" if low in lex.public_names else "Location"
                if typ == "PublicBody" and low not in _BLOCS:
                    continue  # other public names are handled by the public-body rule
                out.append(Mention(i, i + size, typ, "gazetteer", 3, key=None))
                i += size - 1
                break
        i += 1
    return out


def _legal_forms(doc: Doc, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    n = len(doc)
    for tok in doc:
        i = tok.i
        if tok.text in lex.legal_suffix and i > 0 and _cap(doc[i - 1]):
            if tok.text in ("Group", "Holding", "Holdings", "Company", "Corporation"):
                if doc[i - 1].lower_ in lex.demonym_of:
                    continue
            start = i
            while start > 0 and start > i - 7:
                prev = doc[start - 1]
                if prev.is_sent_end or prev.lower_ in _DETS or prev.tag_ in _QUESTION_TAGS:
                    break
                if prev.text == "," and doc[start].text not in lex.legal_suffix:
                    break  # "A LLP, B Co., Ltd": the comma separates two companies
                if _cap(prev) or prev.text in ("&", ",", "-") or prev.text in lex.legal_suffix:
                    if prev.lower_ in lex.demonym_of or prev.text in _POSS:
                        break
                    start -= 1
                    continue
                break
            while start < i and not _cap(doc[start]):
                start += 1
            end = i + 1
            while end < n and (
                doc[end].text in lex.legal_suffix
                or (doc[end].text == "," and end + 1 < n and doc[end + 1].text in lex.legal_suffix)
            ):
                end += 1
            if start < i:
                out.append(Mention(start, end, "Organization", "legal", 4))
        elif tok.text in lex.legal_prefix and i + 1 < n:
            j = i + 1
            while j < n and doc[j].text in _QUOTES:
                j += 1
            end = j
            while (
                end < n
                and end < j + 5
                and (_cap(doc[end]) or doc[end].text == "-")
                and (doc[end].lower_ not in lex.demonym_of)
            ):
                end += 1
            while end < n and doc[end].text in _QUOTES:
                end += 1
            if end > j:
                out.append(Mention(i, end, "Organization", "legal", 4))
    return out


def _state_possessor(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether the words before token ``i`` open with a state's possessive ("Myanmar's",
    "North Korea's"), lower-case modifiers aside."""
    j = i - 1
    while j > 0 and doc[j].is_lower and doc[j].is_alpha:
        j -= 1
    if j < 1 or doc[j].text not in _POSS:
        return False
    owner = doc[j - 1]
    return owner.ent_type_ == "GPE" or owner.lower_ in lex.country_of


def _owned_service(doc: Doc, i: int, lex: Lexicon) -> bool:
    """ "Myanmar's armed forces": a lower-case state service owned by a named state."""
    two = doc[i - 1 : i + 1].text.lower() if i > 0 else ""
    return (two in lex.state_forces or doc[i].lower_ in lex.state_forces) and _state_possessor(
        doc, i, lex
    )


def _owned_mission(doc: Doc, i: int, lex: Lexicon) -> int:
    """End of "North Korea's mission to the United Nations" from its head ``i``; 0 when the
    mission has no state before it or no body after "to"."""
    n = len(doc)
    if not _state_possessor(doc, i, lex) or i + 2 >= n or doc[i + 1].lower_ not in ("to", "at"):
        return 0
    end = i + 2
    if doc[end].lower_ == "the":
        end += 1
    if end >= n or not _cap(doc[end]):
        return 0
    while end < n and (_cap(doc[end]) or doc[end].lower_ == "of") and not doc[end].is_punct:
        end += 1
    while not _cap(doc[end - 1]):
        end -= 1
    return end


def _public_bodies(doc: Doc, lex: Lexicon) -> list[Mention]:
    gaz = load_gazetteer()
    out: list[Mention] = []
    n = len(doc)
    for tok in doc:
        low = tok.lower_
        if low not in lex.public_heads and low not in lex.public_names:
            continue
        cap = _cap(tok)
        i = tok.i
        lowered = i > 0 and f"{doc[i - 1].lower_} {low}" in lex.public_lower_names
        if lowered and not cap:  # "the military council": a body named in lower case
            out.append(Mention(i - 1, i + 1, "PublicBody", "public", 5))
            continue
        if low in lex.public_capitalised_only and not cap and not _owned_service(doc, i, lex):
            continue
        if low in lex.public_owned_heads and not _owned_mission(doc, i, lex):
            continue  # "a mission to Mars", "the mission": no state's delegation
        if (
            cap
            and i > 0
            and doc[i - 1].lower_ in lex.public_not_modifiers
            and doc[i - 1].lower_ not in lex.public_head_modifiers
        ):
            continue  # "Optical Design Bureau", "Research Institute": a company
        if low in lex.group_family and i > 0 and doc[i - 1].lower_ in lex.group_institutions:
            continue  # "federal prosecutors": people, a Group
        start = i
        strong = cap and (low in lex.public_names or low in ("kremlin", "pentagon", "treasury"))
        modifiers: list[Token] = []
        while start > 0:
            prev = doc[start - 1]
            plow = prev.lower_
            if prev.is_sent_end or plow in _DETS:
                break
            if (
                prev.text in _POSS
                and start - 2 >= 0
                and (doc[start - 2].ent_type_ == "GPE" or doc[start - 2].lower_ in lex.country_of)
            ):
                start -= 2
                modifiers.append(doc[start])
                continue
            if (
                plow in lex.public_head_modifiers
                or plow in lex.demonym_of
                or (prev.ent_type_ in ("GPE", "NORP") or plow in lex.country_of)
                or (modifiers and _cap(prev) and gaz.population(prev.text))  # "Stuttgart public"
                or (_cap(prev) and cap and prev.pos_ in ("PROPN", "ADJ", "NOUN"))
            ):
                if plow in lex.public_not_modifiers and not cap:
                    start = i
                    modifiers = []
                    break
                start -= 1
                modifiers.append(prev)
                continue
            if plow in lex.public_not_modifiers:
                modifiers = []
                start = i
                strong = False
                cap = False
            break
        end = i + 1
        if low in lex.public_owned_heads:
            end = _owned_mission(doc, i, lex)
            cap = True
        elif (
            end + 1 < n
            and doc[end].text in _POSS
            and doc[end + 1].is_lower
            and doc[end + 1].lower_ in lex.public_heads
        ):
            end += 2  # "the public prosecutor's office", not "Treasury's Office of ..."
        if (
            end + 2 < n
            and doc[end].lower_ in ("of", "for")
            and (_cap(doc[end + 1]) or (doc[end + 1].lower_ == "the" and _cap(doc[end + 2])))
        ):
            end += 1  # "Ministry of Defence", "District Court for the Eastern District of X"
            while end < n and (
                _cap(doc[end]) or doc[end].lower_ in ("and", "of", "the", "&", "for")
            ):
                end += 1
            while end > i and not _cap(doc[end - 1]):
                end -= 1
            cap = True
        if not (strong or cap or modifiers):
            continue
        if modifiers and not cap and all(m.lower_ in lex.region_demonyms for m in modifiers):
            continue  # "a European government" names no particular state
        if not modifiers and end == i + 1 and not strong and low not in lex.public_names:
            if not cap or low in ("government", "authorities", "authority", "office"):
                continue
        out.append(Mention(start, end, _forces_type(doc, start, end, i, lex), "public", 5))
    return out


def _forces_type(doc: Doc, start: int, end: int, head: int, lex: Lexicon) -> str:
    """A state's armed service is a PublicBody; a militia ("Rapid Support Forces") is not."""
    low = doc[head].lower_
    if low not in lex.militia_heads:
        return "PublicBody"
    two = doc[head - 1 : head + 1].text.lower() if head > start else low
    if two in lex.state_forces or (head == start and low in lex.state_forces):
        return "PublicBody"
    for t in doc[start:end]:
        if t.i == head:
            continue
        if t.lower_ in lex.country_of or t.lower_ in lex.demonym_of or t.ent_type_ == "GPE":
            return "PublicBody"
    if doc[start:end].text.lower() in lex.state_forces:
        return "PublicBody"
    return "Organization"


def _nationality(doc: Doc, tok: Token, lex: Lexicon) -> str | None:
    low = tok.lower_
    if low in lex.demonym_of:
        return lex.demonym_of[low]
    if low in lex.country_of and _cap(tok):
        return lex.country_of[low]
    return None


def _groups(doc: Doc, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    for tok in doc:
        fam = lex.group_family.get(tok.lower_)
        if fam is None or fam in lex.group_skip_families:
            continue
        if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ not in _GROUP_COLLECTIVES:
            continue
        i = tok.i
        start = i
        nation: str | None = None
        while start > 0 and start > i - 5:
            prev = doc[start - 1]
            if prev.is_punct and prev.text != "-" or prev.lower_ in _DETS or prev.text in _POSS:
                break
            if prev.tag_ in ("JJ", "NN", "NNP", "CD", "HYPH", "NNPS") or prev.ent_type_ in (
                "NORP",
                "GPE",
            ):
                got = _nationality(doc, prev, lex)
                if got is None and prev.lower_ in lex.group_institutions:
                    got = prev.lower_  # "federal prosecutors"
                if got is not None:
                    nation = got
                start -= 1
                continue
            break
        if nation is None:
            continue
        # a number word before the nationality belongs to the group ("two European officials")
        out.append(Mention(start, i + 1, "Group", "group", 3, key=f"group:{nation}:{fam}"))
    return out


def _products(doc: Doc, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    n = len(doc)
    for tok in doc:
        text = tok.text
        if text in lex.vessel_prefixes and tok.i + 1 < n and _cap(doc[tok.i + 1]):
            end = tok.i + 1  # "MT Sea Breeze": a ship's name runs to the last capital
            while end < n and end < tok.i + 5 and _cap(doc[end]) and not doc[end].is_punct:
                end += 1
            out.append(Mention(tok.i, end, "Product", "vessel", 5))
            continue
        if _lettered_model(doc, tok, lex):
            out.append(Mention(tok.i, tok.i + 3, "Product", "code", 4))
            continue
        spaced = _spaced_model(doc, tok, lex)
        if spaced:
            out.append(Mention(tok.i, spaced, "Product", "code", 4))
            continue
        if (
            lex.product_code.match(text)
            and not lex.product_code_blacklist.match(text)
            and not tok.like_num
            and tok.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")
        ):
            end = tok.i + 1
            while (
                end < n
                and not doc[end - 1].whitespace_
                and doc[end].is_alpha
                and doc[end].is_upper
                and len(doc[end]) <= 3
            ):
                end += 1  # "Sokol-4M" tokenised as "Sokol-4" + "M"
            out.append(Mention(tok.i, end, "Product", "code", 4))
            continue
        if tok.lower_ not in lex.product_nouns or tok.i == 0:
            continue
        # walk left over lower-case modifiers to a capitalised name: "Garpiya one-way attack drones"
        j = tok.i - 1
        steps = 0
        while (
            j >= 0
            and steps < 5
            and (
                (doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in _DETS)
                or doc[j].text == "-"
                or doc[j].text in lex.not_entities
            )
        ):
            if doc[j].lower_ in ("and", "or", "of", "for", "with", "by", "in", "to"):
                break
            if doc[j].tag_ in ("VBD", "VBZ", "VBP", "MD"):
                break  # "Tarvos sold servo motors": the seller is no brand of the motors
            j -= 1
            steps += 1
        if j < 0:
            continue
        cand = doc[j]
        if not _cap(cand) or cand.is_sent_start or cand.text in lex.not_entities:
            continue
        prev_word = j > 0 and (doc[j - 1].is_alpha or doc[j - 1].text in _POSS)
        if cand.pos_ not in ("PROPN", "NOUN") and not prev_word:
            continue  # "— Small piston engines": a sentence-initial adjective
        if cand.text in _QUOTES or cand.is_punct:
            continue
        low = cand.lower_
        if low in lex.demonym_of or low in lex.country_of or low in lex.bloc_adjectives:
            continue
        if cand.ent_type_ in ("ORG", "GPE", "NORP", "DATE", "CARDINAL"):
            continue
        if j + 1 < n and doc[j + 1].text in _POSS:
            continue
        start = j
        while (
            start > 0
            and _cap(doc[start - 1])
            and doc[start - 1].ent_type_
            not in (
                "ORG",
                "GPE",
                "NORP",
            )
            and not doc[start - 1].is_sent_start
            and doc[start - 1].lower_ not in lex.demonym_of
        ):
            start -= 1
        out.append(Mention(start, j + 1, "Product", "product-noun", 3))
    return out


def _based_places(doc: Doc, lex: Lexicon) -> list[Mention]:
    """ "Bogotá-based", "Panama-registered": the capitalised name before the hyphen is a
    place when the gazetteer or the country list knows it."""
    gaz = load_gazetteer()
    out: list[Mention] = []
    for tok in doc:
        i = tok.i
        if tok.text != "-" or i == 0 or i + 1 >= len(doc):
            continue
        if doc[i + 1].lower_ not in _PLACE_SUFFIXES or doc[i - 1].whitespace_:
            continue
        start = i - 1
        while start > i - 4 and start > 0 and _cap(doc[start - 1]) and doc[start - 1].whitespace_:
            if doc[start - 1].is_sent_start or doc[start - 1].lower_ in _DETS:
                break
            start -= 1
        while start < i and not gaz.knows(doc[start:i].text):
            if doc[start:i].text.lower() in lex.country_of:
                break
            start += 1
        if start < i and _cap(doc[start]):
            out.append(Mention(start, i, "Location", "gazetteer", 4))
    return out


def _lettered_model(doc: Doc, tok: Token, lex: Lexicon) -> bool:
    """ "Tigr-KS", "Sokol-T": a capitalised name, a hyphen and a capital-letter suffix, with
    no spaces; a suffix that names a state ("Sino-US") does not count."""
    i = tok.i
    if i + 2 >= len(doc) or tok.whitespace_ or doc[i + 1].text != "-" or doc[i + 1].whitespace_:
        return False
    suffix = doc[i + 2]
    if not (suffix.is_alpha and suffix.is_upper and len(suffix) <= 3):
        return False
    if not (_cap(tok) and tok.is_alpha and len(tok) >= 3 and not tok.is_upper):
        return False
    if suffix.lower_ in lex.country_of or suffix.lower_ in lex.public_names:
        return False
    return tok.lower_ not in lex.demonym_of and tok.lower_ not in lex.country_of


_SPACED_CODE = re.compile(r"^\d{1,4}[A-Z]{1,2}$")


def _spaced_model(doc: Doc, tok: Token, lex: Lexicon) -> int:
    """ "Type 93B", "Multiturn 5X": a capitalised word and a digits-then-capitals code after a
    space; "Room 5B", "Gate 2A" and the like (``products.spaced_code_not_heads``) are not.
    Returns the end token of the model name, 0 if there is none."""
    i = tok.i
    n = len(doc)
    if i + 1 >= n or not tok.whitespace_:
        return 0
    end = i + 2
    code = doc[i + 1].text
    if end < n and not doc[i + 1].whitespace_ and doc[end].is_alpha and doc[end].is_upper:
        code += doc[end].text  # "7K" read as "7" + "K"
        end += 1
    if not _SPACED_CODE.match(code):
        return 0
    if not (_cap(tok) and tok.is_alpha and len(tok) >= 3 and not tok.is_upper):
        return 0
    if tok.text in lex.product_spaced_not_heads or tok.lower_ in _MONTH_NAMES:
        return 0
    if tok.lower_ in lex.country_of or tok.lower_ in lex.demonym_of:
        return 0
    return end


def _company_names(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Capitalised runs ending in a company word: "Dorokhov Precision Works"."""
    out: list[Mention] = []
    for tok in doc:
        if tok.text not in lex.org_name_words or tok.i == 0:
            continue
        start = tok.i
        while (
            start > 0
            and _cap(doc[start - 1])
            and doc[start - 1].pos_ == "PROPN"
            and (doc[start - 1].lower_ not in _DETS)
        ):
            start -= 1
        names = [t for t in doc[start : tok.i] if t.text not in lex.org_name_words]
        if not names or all(t.lower_ in lex.demonym_of or t.lower_ in lex.places for t in names):
            continue
        start = _dated_start(doc, start)
        end = tok.i + 1
        while end < len(doc) and (
            doc[end].text in lex.org_name_words or doc[end].text in lex.legal_suffix
        ):
            end += 1
        out.append(Mention(start, end, "Organization", "company-name", 3))
    return out


_ORDINAL = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?$")
_MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)


def _dated_start(doc: Doc, start: int) -> int:
    """ "the February 8 Ammunition Works", "the 25th Arsenal": a name that opens with a
    date or number after "the" keeps it."""
    j = start - 1
    if j < 1 or not _ORDINAL.match(doc[j].text):
        return start
    if doc[j - 1].lower_ in _MONTH_NAMES and _cap(doc[j - 1]):
        j -= 1
    return j if j > 0 and doc[j - 1].lower_ == "the" else start


def _location_heads(doc: Doc, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    for tok in doc:
        low = tok.lower_
        if low not in lex.location_heads:
            continue
        j = tok.i - 1
        mods = 0
        while j >= 0 and mods < 2 and doc[j].lower_ in lex.weak_location_modifiers:
            j -= 1
            mods += 1
        if low in lex.weak_location_heads and mods == 0:
            continue
        if j < 0 or not _cap(doc[j]) or doc[j].lower_ in lex.demonym_of:
            continue
        if doc[j].ent_type_ in ("ORG", "NORP") or doc[j].text in lex.not_entities:
            continue
        start = j
        while (
            start > 0
            and _cap(doc[start - 1])
            and not doc[start - 1].is_sent_start
            and (doc[start - 1].lower_ not in lex.demonym_of)
        ):
            start -= 1
        out.append(Mention(start, tok.i + 1, "Location", "place-head", 4))
    return out


def _titled_people(doc: Doc, lex: Lexicon, orgs: list[Mention]) -> list[Mention]:
    """ "Acme's CEO" with no name given: a Person known by title and organisation."""
    out: list[Mention] = []
    n = len(doc)
    for m in orgs:
        if m.type not in ("Organization", "PublicBody"):
            if m.type != "Location" or doc[m.start : m.end].text.lower() in lex.places:
                continue
        k = m.end
        if k + 1 >= n or doc[k].text not in _POSS:
            continue
        title = doc[k + 1]
        end = k + 2
        if end < n and f"{title.lower_} {doc[end].lower_}" in lex.officer_titles | lex.owner_titles:
            end += 1
        elif title.lower_ not in lex.officer_titles and title.lower_ not in lex.owner_titles:
            continue
        if title.lower_ in ("official", "employee", "engineer", "representative", "partner"):
            continue
        window = doc[end : min(n, end + 8)]
        if any(
            t.ent_type_ == "PERSON" and t.i > 0 and doc[t.i - 1].text == "," for t in window
        ) or (end < n and doc[end].ent_type_ == "PERSON"):
            continue  # "X's owner and director, Jane Roe": the person is named
        out.append(Mention(m.start, end, "Person", "title", 6, owner=(m.start, m.end)))
    return out


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest span wherever two overlap (ties: higher priority, earlier start)."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -m.priority, m.start))
    taken: set[int] = set()
    kept: list[Mention] = []
    for m in ordered:
        span = range(m.start, m.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _short_forms(doc: Doc, lex: Lexicon, kept: list[Mention]) -> list[Mention]:
    """Tokens repeating a name found elsewhere in the document ("Kupol", "Garpiyas")."""
    forms: dict[str, str] = {}
    for m in kept:
        if m.type == "Group" or m.type == "Person" and m.source == "title":
            continue
        span = doc[m.start : m.end]
        if len(span) == 1:
            forms.setdefault(span.text, m.type)
        elif m.type == "Organization":
            words = [
                t for t in span if t.text not in lex.legal_suffix and t.text not in lex.legal_prefix
            ]
            for tok in {words[0], words[-1]} if words else ():
                if (
                    _cap(tok)
                    and len(tok.text) > 2
                    and not tok.is_stop
                    and tok.lower_ not in lex.org_noun_family
                    and tok.lower_ not in lex.country_of
                    and tok.lower_ not in lex.demonym_of
                    and tok.lower_ not in lex.bloc_adjectives
                    and tok.text not in lex.org_name_words
                    and tok.ent_type_ != "GPE"
                ):
                    forms.setdefault(tok.text, m.type)
    taken = {i for m in kept for i in range(m.start, m.end)}
    out: list[Mention] = []
    for tok in doc:
        if tok.i in taken or not _cap(tok) or tok.pos_ != "PROPN":
            continue
        typ = forms.get(tok.text)
        if typ is None and tok.text.endswith("s"):
            typ = forms.get(tok.text[:-1])
            if typ != "Product":
                typ = None
        if typ is not None:
            out.append(Mention(tok.i, tok.i + 1, typ, "repeat", 1))
    return out


def find_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """All entity mentions of ``doc``, non-overlapping and in text order."""
    candidates = (
        _ner(doc, lex)
        + _places(doc, lex)
        + _legal_forms(doc, lex)
        + _public_bodies(doc, lex)
        + _groups(doc, lex)
        + _products(doc, lex)
        + _location_heads(doc, lex)
        + _company_names(doc, lex)
        + _based_places(doc, lex)
        + _described_firms(doc, lex)
    )
    kept = resolve_overlaps(candidates)
    kept += _short_forms(doc, lex, kept)
    kept.sort(key=lambda m: m.start)
    kept = resolve_overlaps(kept + _titled_people(doc, lex, kept))
    return _products_not_places(doc, lex, _join_place_org(doc, kept))


def _products_not_places(doc: Doc, lex: Lexicon, kept: list[Mention]) -> list[Mention]:
    """ "modelled on Iran's Shahed", "Shahed drones": a name the model took for a place is a
    product when another product is likened to it or a product noun follows it, unless the
    name is a known place."""
    gaz = load_gazetteer()
    n = len(doc)
    for k, m in enumerate(kept):
        if m.type != "Location" or not m.source.startswith("ner"):
            continue
        span = doc[m.start : m.end]
        if span.text.lower() in lex.places or gaz.knows(span.text):
            continue
        after = doc[m.end] if m.end < n else None
        product = after is not None and after.lower_ in lex.product_nouns and after.pos_ == "NOUN"
        root = span.root
        if not product and root.dep_ == "pobj":
            prep = root.head
            heads = lex.product_likeness.get(prep.lower_)
            product = heads is not None and prep.head.lower_ in heads
            if not product and prep.lower_ == "on":  # "a drone based on X", not "based on Sakhalin"
                verb = prep.head
                if verb.lower_ in lex.product_likeness.get("on_if_product", ()):
                    hosts = [verb.head] if verb.dep_ == "acl" else []
                    hosts += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                    product = any(
                        h.lower_ in lex.product_nouns or h.lemma_.lower() == "design" for h in hosts
                    )
        if not product and root.dep_ == "dobj":  # "whose design follows Iran's Shahed"
            verb = root.head
            if verb.lower_ in lex.product_likeness.get("object_of_if_product", ()):
                product = any(
                    c.dep_ == "nsubj"
                    and (c.lower_ in lex.product_nouns or c.lemma_.lower() == "design")
                    for c in verb.children
                )
        if product:
            kept[k] = replace(m, type="Product")
    return kept


def _name_run(doc: Doc, start: int, step: int, lex: Lexicon) -> int:
    """How many capitalised name words (at most three) run from ``start`` in direction
    ``step``; 0 where a word is a place, a person's given name or a stop word."""
    n = 0
    i = start
    while 0 <= i < len(doc) and n < 3:
        t = doc[i]
        if not (_cap(t) and t.is_alpha and t.pos_ in ("PROPN", "NOUN", "ADJ")):
            break
        if t.lower_ in lex.country_of or t.lower_ in lex.demonym_of:
            return 0
        if t.is_sent_start and t.pos_ != "PROPN":
            return 0
        if t.text in lex.given_names or t.text in lex.honorifics or t.text in lex.not_entities:
            return 0
        n += 1
        i += step
    return n


def _described_firms(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Short firm names the model misses or calls people, placed by a company noun:
    "the supplier, Marvex,", "Kestrel, a Turkish distributor,", "the company Tarvos"."""
    out: list[Mention] = []
    n = len(doc)
    for tok in doc:
        i = tok.i
        if tok.pos_ != "NOUN" or lex.org_noun_family.get(tok.lemma_.lower()) is None:
            continue
        if tok.tag_ not in ("NN", "NNP"):
            continue
        # "the supplier, Marvex," and "the company Tarvos"
        j = i + 2 if i + 1 < n and doc[i + 1].text == "," else i + 1
        det = i > 0 and doc[i - 1].lower_ in ("the", "its", "their")
        if not det and i > 1 and doc[i - 1].pos_ in ("NOUN", "ADJ"):
            det = doc[i - 2].lower_ in ("the", "its", "their")  # "the research group X"
        size = _name_run(doc, j, 1, lex) if det else 0
        if size and (j + size >= n or not _cap(doc[j + size])):
            after = doc[j + size].text if j + size < n else "."
            if j == i + 1 or after in (",", ".", ";", ")"):
                out.append(Mention(j, j + size, "Organization", "described", 3))
        # "Kestrel, a Turkish distributor": the noun heads an appositive after the name
        if tok.dep_ != "appos" or tok.head.i >= i:
            continue
        a = tok.left_edge.i
        if a < 2 or doc[a].lower_ not in ("a", "an") or doc[a - 1].text != ",":
            continue
        size = _name_run(doc, a - 2, -1, lex)
        if size:
            start = a - 1 - size
            if start == 0 or not _cap(doc[start - 1]):
                out.append(Mention(start, a - 1, "Organization", "described", 3))
    return out


def _join_place_org(doc: Doc, kept: list[Mention]) -> list[Mention]:
    """ "Hunan Haotianyi" split by the model into a place and a company is one company."""
    out: list[Mention] = []
    for m in kept:
        if (
            out
            and m.type == "Organization"
            and out[-1].type == "Location"
            and out[-1].end == m.start
            and out[-1].source.startswith("ner")
            and m.source.startswith("ner")
        ):
            prev = out.pop()
            out.append(Mention(prev.start, m.end, "Organization", m.source, m.priority))
            continue
        out.append(m)
    return out
