"""Finding the entities that fill a predicate's roles in the dependency parse.

A role is filled by the entity a token names or refers to, or by an entity reached from
it through a short chain of modifiers ("Kupol staff", "Kupol's site", "representatives
of X", "one of its drones, the X"); coordinated arguments give one entity each.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from sanctrace.extract.coref import EntityIndex

_SUBJ = ("nsubj", "nsubjpass")
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
_WALK = frozenset({"compound", "poss", "appos", "nmod", "amod", "npadvmod"})
_CLAUSE_BREAK = frozenset({"ccomp", "relcl", "parataxis", "csubj", "advcl"})


_PLACE_SUFFIXES = frozenset({"based", "registered", "headquartered", "incorporated", "flagged"})


def _place_adjective(tok: Token) -> bool:
    """ "Panama-registered", or the "Panama" of it: a home, not a party to the claim."""
    if tok.lower_ in _PLACE_SUFFIXES:
        return True
    doc = tok.doc
    i = tok.i
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in _PLACE_SUFFIXES


class Roles:
    """Role lookups over one parsed document and its entity index."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index

    def find(self, tok: Token, types: Iterable[str] | None = None, depth: int = 2) -> int | None:
        """The entity ``tok`` stands for, searching a few modifier hops below it."""
        wanted = set(types) if types is not None else None
        frontier = [tok]
        for level in range(depth + 1):
            nxt: list[Token] = []
            for t in frontier:
                e = self.index.at(t.i)
                if e is not None and (wanted is None or self.index.type_of(e) in wanted):
                    return e
                if level == depth:
                    continue
                speaker = t.lower_ in self.index.lex.speaker_nouns
                for c in t.children:
                    if c.dep_ in _WALK:
                        if not _place_adjective(c):
                            nxt.append(c)
                    elif c.dep_ == "prep" and (
                        c.lower_ in ("of", "at", "from") or speaker and c.lower_ == "for"
                    ):
                        nxt.extend(g for g in c.children if g.dep_ == "pobj")
                    elif c.dep_ == "acl" and c.lemma_.lower() in ("call", "name", "dub", "know"):
                        # "a Hong Kong company called X"
                        nxt.extend(
                            g for g in c.subtree if g.dep_ in ("oprd", "dobj", "attr", "pobj")
                        )
            frontier = nxt
        return None

    def args(self, tok: Token | None, types: Iterable[str] | None = None) -> list[int]:
        """Entities for ``tok`` and its conjuncts ("A and B"), antecedents for "which"."""
        if tok is None:
            return []
        if (
            tok.lower_ in _RELATIVE
            and tok.tag_ in ("WDT", "WP", "WP$")
            or (tok.lower_ == "that" and tok.dep_ in _SUBJ and tok.head.dep_ == "relcl")
        ):
            verb = tok.head
            while verb.dep_ not in ("relcl", "acl") and verb.head is not verb:
                if verb.dep_ in ("ROOT",):
                    return []
                verb = verb.head
            ante = verb.head
            host = self.index.at(ante.head.head.i) if ante.dep_ == "pobj" else None
            place = self.index.at(ante.i)
            if (
                host is not None
                and ante.head.lower_ == "in"
                and place is not None
                and self.index.type_of(place) == "Location"
            ):
                ante = ante.head.head  # "X in Tashkent, which acted as ...": X, not the city
            if ante.dep_ == "conj":  # "A, and B, which it said had sold ...": B alone
                e = self.find(ante, types)
                return [] if e is None else [e]
            return self.args(ante, types)
        out: list[int] = []
        index = self.index
        own = index.at(tok.i)
        listed = [
            c
            for c in tok.children
            if c.dep_ == "appos" and index.tok_ent[c.i] >= 0 and index.tok_ent[c.i] != own
        ]  # "A, the B, and C": the parser often reads B as an appositive of A
        # "A, its founder B and C": conjuncts of an appositive are arguments too
        listed += [c for a in listed for c in a.conjuncts if c not in listed]
        inner: list[Token] = []
        if own is not None:  # "A's mission to the United Nations and B": B hangs off "Nations"
            inner = [
                c
                for t in tok.subtree
                if t.i != tok.i and index.tok_ent[t.i] == own
                for c in t.conjuncts
                if c.i > t.i and index.tok_ent[c.i] != own
            ]
        for t in (tok, *listed, *tok.conjuncts, *inner):
            e = self.find(t, types)
            if e is not None and e not in out:
                out.append(e)
        if own is not None and tok.left_edge.i < tok.i - 1:
            before = [e for e in reversed(self._run_together(tok, own, types)) if e not in out]
            out = before + out  # in the order the text names them
        return out

    def _run_together(self, tok: Token, own: int, types: Iterable[str] | None) -> list[int]:
        """ "A Trading FZE and B Industrial LLC were both designated": the parser sometimes
        folds the first name into the second's phrase; names joined to ``tok``'s by "and"
        or commas inside its own phrase are arguments too."""
        tok_ent = self.index.tok_ent
        doc = tok.doc
        i = tok.i
        while i > tok.left_edge.i and tok_ent[i - 1] == own:
            i -= 1  # first token of tok's own name
        out: list[int] = []
        while i - 2 >= tok.left_edge.i and doc[i - 1].lower_ in ("and", ","):
            j = i - 2
            if doc[j].text == "," and doc[i - 1].lower_ == "and":
                j -= 1  # "A, B, and C"
            e = tok_ent[j] if j >= 0 else -1
            if e < 0 or e == own:
                break
            if types is None or self.index.type_of(e) in set(types):
                out.append(e)
            while j > tok.left_edge.i and tok_ent[j - 1] == e:
                j -= 1
            i = j
        return out

    def subject(self, verb: Token, types: Iterable[str] | None = None) -> list[int]:
        """The subject entities of ``verb``, inherited through xcomp, advcl and conj."""
        seen = 0
        while seen < 5:
            seen += 1
            subjects = [c for c in verb.children if c.dep_ in _SUBJ]
            if subjects:
                out: list[int] = []
                for c in subjects:
                    out.extend(e for e in self.args(c, types) if e not in out)
                return out
            if verb.dep_ == "amod" and verb.i > 0 and verb.doc[verb.i - 1].text in (",", "and"):
                verb = verb.head.head  # "..., trained X staff": a coordinated verb misread
                continue
            if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb:
                verb = verb.head
                continue
            if verb.dep_ in ("acl", "relcl") and verb.head is not verb:
                return self.args(verb.head, types)
            return []
        return []

    @staticmethod
    def is_passive(verb: Token) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return True
        return verb.dep_ == "acl" and verb.tag_ == "VBN"

    @staticmethod
    def child(verb: Token, *deps: str) -> Token | None:
        for c in verb.children:
            if c.dep_ in deps:
                return c
        return None

    @staticmethod
    def prep_objects(verb: Token, preps: Iterable[str]) -> list[Token]:
        """Objects of the listed prepositions attached to ``verb`` (or its particle)."""
        wanted = set(preps)
        out: list[Token] = []
        kids = list(verb.children)
        for c in verb.children:
            if c.dep_ == "prt":  # "passed them on to B"
                kids.extend(g for g in c.children if g.dep_ == "prep")
        for c in kids:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ in wanted:
                out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
                for again in c.conjuncts:  # "to A and to B"
                    if again.lower_ == c.lower_:
                        out.extend(g for g in again.children if g.dep_ in ("pobj", "pcomp"))
            elif c.dep_ == "dative" and "to" in wanted and c.pos_ in ("NOUN", "PROPN"):
                out.append(c)
        return out

    @staticmethod
    def clause(verb: Token) -> list[Token]:
        """Tokens of ``verb``'s own clause, leaving out embedded finite clauses."""
        out: list[Token] = []
        stack = [verb]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c.dep_ in _CLAUSE_BREAK and any(g.dep_ in _SUBJ for g in c.children):
                    continue
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                    continue
                stack.append(c)
        return out

    def products_before(self, tok: Token) -> list[int]:
        """Products named earlier in the sentence, else in the one before: the referents of
        "both", "the parts", "these drones"."""
        index = self.index
        doc = tok.doc
        sent = tok.sent
        found = [
            index.tok_ent[i]
            for i in range(sent.start, tok.i)
            if index.tok_ent[i] >= 0 and index.type_of(index.tok_ent[i]) == "Product"
        ]
        if not found and sent.start > 0:
            prev = doc[sent.start - 1].sent
            found = [
                index.tok_ent[i]
                for i in range(prev.start, prev.end)
                if index.tok_ent[i] >= 0 and index.type_of(index.tok_ent[i]) == "Product"
            ]
        out: list[int] = []
        for e in found:
            if e not in out:
                out.append(e)
        return out

    def product_in(self, tok: Token | None) -> int | None:
        """The first product named inside ``tok``'s phrase ("shipments of X drones")."""
        if tok is None:
            return None
        for t in tok.subtree:
            e = self.index.at(t.i)
            if e is not None and self.index.type_of(e) == "Product":
                return e
        return None
