"""Products inside products: used_in(component -> host).

Reports trace a part to the weapon it ends up in through chains of participles ("the
TIC-640 cores used in the Zorkiy-T sights fitted to Ka-52 helicopters"), verbs of power
("Y is powered by X") and equipment ("Y is equipped with X"). The small parser often
attaches such participles to the wrong head, so roles are read from the surface: the
product named just before the trigger and the first entity named after its preposition,
with the dependency parse consulted only for direct objects. Both ends must be products;
anything else ("used in Ukraine", "installed by Acme") is left to the other rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from sanctrace.extract.coref import EntityIndex
from sanctrace.extract.lexicon import Lexicon
from sanctrace.extract.rawclaim import RawClaim

_VERB_TAGS = frozenset({"VBN", "VBD", "VBZ", "VBP", "VBG", "VB"})
_ACTIVE_TAGS = frozenset({"VBZ", "VBP", "VB"})
_SKIP = frozenset({"RB", "RP"})  # "fitted directly to", "built right into"
_BE = frozenset({"be", "being", "been"})
_DEFINITE = frozenset({"the", "these", "those", "such", "its", "their"})
_RIGHT_REACH = 5
_LOOKBACK = 600  # tokens searched back for "the sights": a few paragraphs


class ComponentLinks:
    """Finds component -> host links in the sentences of one document."""

    def __init__(self, index: EntityIndex, lex: Lexicon) -> None:
        self.index = index
        cues = lex.components
        self.fit: dict[str, frozenset[str]] = cues["fit_verbs"]
        self.power: frozenset[str] = cues["power_verbs"]
        self.host: frozenset[str] = cues["host_verbs"]
        self.host_use: frozenset[str] = cues["host_use_verbs"]
        self.part_preps: frozenset[str] = cues["part_preps"]
        self.window: int = cues["window"]
        self.speech = lex.speech_verbs | lex.attribution_verbs
        self._triggers = (
            frozenset(self.fit) | self.power | self.host | self.host_use | self.part_preps
        )

    # -- entity lookups -------------------------------------------------------------------
    def _product(self, i: int) -> int | None:
        e = self.index.at(i)
        if e is not None and self.index.type_of(e) == "Product":
            return e
        return None

    def _left(self, tok: Token) -> int | None:
        """The product named nearest before ``tok`` in its sentence, unless another
        entity comes first (then the sentence is about someone else's doing)."""
        index = self.index
        stop = max(tok.sent.start, tok.i - self.window)
        speaker = -1
        for i in range(tok.i - 1, stop - 1, -1):
            e = index.at(i)
            if e is None or e == speaker:
                continue
            t = tok.doc[i]
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in self.speech:
                speaker = e  # "which officials say is powered by X"
                continue
            return e if index.type_of(e) == "Product" else None
        return None

    def _right(self, tok: Token) -> int | None:
        """The first entity named after ``tok`` (a preposition or verb), when a product."""
        doc = tok.doc
        end = min(tok.sent.end, tok.i + 1 + _RIGHT_REACH)
        for i in range(tok.i + 1, end):
            e = self.index.at(i)
            if e is not None:
                return e if self.index.type_of(e) == "Product" else None
            t = doc[i]
            if t.pos_ in ("DET", "ADJ", "NUM", "PRON") or t.tag_ == "POS" or t.lower_ == "of":
                continue
            if t.pos_ == "NOUN" and i + 1 < end and doc[i + 1].lower_ == "of":
                continue  # "in the wreckage of a Y drone"
            return None
        return None

    def _named_before(self, noun: Token) -> int | None:
        """ "the sights" after "Sokol-4M thermal sights": the product last named with the
        same head noun, earlier in the report."""
        if not any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children):
            return None
        doc = noun.doc
        index = self.index
        lemma = noun.lemma_.lower()
        for i in range(noun.i - 1, max(-1, noun.i - _LOOKBACK - 1), -1):
            e = index.tok_ent[i]
            if e < 0 or index.type_of(e) != "Product":
                continue
            if i + 1 < len(doc) and index.tok_ent[i + 1] == e:
                continue  # not the mention's last token
            for t in doc[i + 1 : min(len(doc), i + 5)]:
                if t.lemma_.lower() == lemma:
                    return e
                if t.pos_ not in ("NOUN", "ADJ", "PROPN", "PART", "NUM") and t.text != "'s":
                    break
        return None

    def _object(self, verb: Token) -> int | None:
        for c in verb.children:
            if c.dep_ == "dobj":
                for t in c.subtree:
                    if t.i > c.i:
                        break  # "installs the sights on Y tanks": Y is the host
                    e = self._product(t.i)
                    if e is not None:
                        return e
                return self._named_before(c)
        return None

    def _prep_after(self, verb: Token, preps: frozenset[str]) -> Token | None:
        """The listed preposition right after ``verb`` or after its direct object."""
        doc = verb.doc
        i = verb.i + 1
        while i < verb.sent.end and doc[i].tag_ in _SKIP:
            i += 1
        if i < verb.sent.end and doc[i].lower_ in preps:
            return doc[i]
        for c in verb.children:
            if c.dep_ == "dobj":
                for j in (c.i + 1, c.right_edge.i + 1):  # "installs the sights on Y tanks"
                    if j < verb.sent.end and doc[j].lower_ in preps:
                        return doc[j]
        return None

    # -- driver ---------------------------------------------------------------------------
    def sentence(self, sent: Span) -> Iterator[RawClaim]:
        seen: set[tuple[int, int]] = set()
        for tok in sent:
            low = tok.lower_
            if low not in self._triggers and tok.lemma_.lower() not in self._triggers:
                continue
            for part, host in self._links(tok):
                if part is not None and host is not None and part != host:
                    if (part, host) not in seen:
                        seen.add((part, host))
                        yield RawClaim(
                            "used_in",
                            part,
                            host,
                            tok,
                            f"component:{tok.lemma_.lower()}",
                            confidence=0.7,
                        )

    def _links(self, tok: Token) -> Iterator[tuple[int | None, int | None]]:
        lemma = tok.lemma_.lower()
        if tok.tag_ == "IN":
            if tok.lower_ in self.part_preps:
                yield from self._part_prep(tok)
            return
        if tok.tag_ not in _VERB_TAGS:
            return
        doc = tok.doc
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        active = tok.tag_ in _ACTIVE_TAGS or (
            tok.tag_ == "VBD"
            and not any(c.dep_ == "auxpass" for c in tok.children)
            and any(c.dep_ == "dobj" for c in tok.children)
        )
        if lemma in self.power:
            if nxt == "by":  # "Y is powered by X", "Y, driven by X"
                yield self._right(doc[tok.i + 1]), self._left(tok)
            elif active:  # "X powers Y"
                host = self._object(tok)
                yield self._left(tok), host if host is not None else self._right(tok)
            return
        if lemma in self.host and nxt == "with":  # "Y is equipped with X"
            host = self._object(tok) if active else self._left(tok)
            yield self._right(doc[tok.i + 1]), host
            return
        if lemma in self.host_use and active and tok.i > tok.sent.start:
            host = self._left(tok)  # "the Y drone uses X engines"
            if host is not None and any(
                c.dep_ in ("nsubj",) and self._near(c, host) for c in tok.children
            ):
                yield self._object(tok), host
        preps = self.fit.get(lemma)
        if preps is None:
            return
        prep = self._prep_after(tok, preps)
        if prep is None:
            return
        host = self._right(prep)
        if host is None:
            return
        if active and tok.tag_ != "VBN":  # "Acme installs the sights on T-72B3 tanks"
            yield self._object(tok), host
        else:  # "X cores used in Y", "X was fitted to Y", "X, which is installed in Y"
            part = self._left(tok)
            yield part if part is not None else self._passive_subject(tok), host

    def _near(self, subj: Token, e: int) -> bool:
        return any(self.index.at(t.i) == e for t in subj.subtree)

    def _passive_subject(self, verb: Token) -> int | None:
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                return self._named_before(c)
        return None

    def _part_prep(self, prep: Token) -> Iterator[tuple[int | None, int | None]]:
        """ "X engines for the Y drone", "the X chips in the Y sight": a product phrase
        joined to another product by a preposition, with only nouns between."""
        doc = prep.doc
        i = prep.i - 1
        steps = 0
        while i >= prep.sent.start and steps < 3 and self.index.at(i) is None:
            if doc[i].pos_ not in ("NOUN", "PROPN"):
                return
            i -= 1
            steps += 1
        if i < prep.sent.start or steps == 0:
            return  # "the X for Y" names no part noun: too loose
        part = self._product(i)
        if part is None:
            return
        yield part, self._right(prep)
