"""Within-document reference: which entity each token stands for.

Beyond the name mentions themselves, a token may refer to an entity through an appositive
("a Russian intermediary, X"), a descriptive premodifier ("arms maker X"), a predicate
nominal ("X is a front company"), a definite description ("the ministry"), a pronoun
("its drones"), or an indefinite description that a later sentence names ("a weapons
manufacturer ... arms maker X"). Descriptions tied to a name become aliases of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sanctrace.extract.entities import Cluster, fold, surface
from sanctrace.extract.gazetteer import load_gazetteer
from sanctrace.extract.lexicon import Lexicon

_SING = frozenset({"it", "its", "itself"})
_PLUR = frozenset({"they", "their", "them", "themselves"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_SOURCE_VERBS = frozenset(
    {"obtain", "review", "see", "compile", "analyse", "analyze", "examine", "publish"}
    | {"collect", "gather", "leak", "share", "verify", "provide", "geolocate", "access"}
)
_DOCUMENTS = frozenset(
    {"invoice", "record", "declaration", "document", "data", "file", "filing", "contract"}
    | {"correspondence", "report", "message", "chat", "spreadsheet", "minutes"}
    | {"email", "image", "photograph", "letter", "log", "manifest", "ledger", "database"}
)
_SOURCE_HEADS = frozenset({"project", "consortium", "investigation", "database", "newsroom"})
_PERSONAL = frozenset({"his", "her", "he", "she", "him", "mr", "ms", "mrs"})
_DESC_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod", "nummod"})
_SOURCES_KEEP_IN_HEADINGS = frozenset({"gazetteer", "public", "legal"})


@dataclass(slots=True)
class _Desc:
    start: int
    end: int
    family: str | None
    nation: str | None


class EntityIndex:
    """Entities of one document and the token-to-entity map the claim rules consult."""

    def __init__(
        self,
        doc: Doc,
        clusters: list[Cluster],
        lex: Lexicon,
        heading: list[bool],
        tail: int | None = None,
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.heading = heading
        self.tail = len(doc) if tail is None else tail  # token where the page's tail begins
        self.clusters = [c for c in clusters if self._keep(c)]
        self.tok_ent: list[int] = [-1] * len(doc)
        for ci, c in enumerate(self.clusters):
            for m in c.mentions:
                for i in range(m.start, m.end):
                    self.tok_ent[i] = ci
        self.ref: dict[int, int] = {}
        self.descriptors: dict[int, list[tuple[int, int]]] = {}
        self._appositives()
        self._trailing_appositives()
        self._premodifiers()
        self._predicate_nominals()
        self._indefinites()
        self._definites_and_pronouns()
        for c in self.clusters:  # "X, an Iranian firm": a company the model took for a person
            if (
                c.type == "Person"
                and not any(m.source == "title" for m in c.mentions)
                and c.name.split(" ", 1)[0] not in lex.given_names | lex.honorifics
                and (c.families or self._trades_goods(c))
            ):
                c.type = "Organization"
            elif c.type in ("Person", "Location", "Product") and self._document_source(c):
                c.type = "Organization"
            elif c.type == "Location" and c.families and self._unknown_place(c):
                c.type = "Organization"  # "Hunan Tiankovo, another Chinese company"
        self._products_by_apposition()

    def _products_by_apposition(self) -> None:
        """ "the Garpiya, a long-range one-way attack drone": a name the model alone typed
        as a firm, place or person is a product when an appositive calls it one."""
        for tok in self.doc:
            if tok.dep_ != "appos" or tok.lemma_.lower() not in self.lex.product_nouns:
                continue
            if tok.pos_ != "NOUN" or self.tok_ent[tok.i] >= 0:
                continue
            e = self.tok_ent[tok.head.i]
            if e < 0:
                continue
            c = self.clusters[e]
            if c.type in ("Organization", "Location", "Person") and all(
                m.source.startswith("ner") or m.source == "repeat" for m in c.mentions
            ):
                c.type = "Product"

    # -- lookup ---------------------------------------------------------------------------
    def _trades_goods(self, c: Cluster) -> bool:
        """ "Velora shipped 2,000 microchips to ...": a short name that sells or ships goods
        is a firm, unless its sentence speaks of it as a person ("his", "her", "Mr")."""
        if len(c.name.split()) > 2:
            return False
        lex = self.lex
        found = False
        for m in c.mentions:
            tok = self.doc[m.end - 1]
            verb = tok.head
            if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
                continue
            spec = lex.verbs.get(verb.lemma_.lower())
            if spec is None or spec["frame"] != "give":
                continue
            if any(t.lower_ in _PERSONAL for t in tok.sent):
                return False
            for obj in verb.children:
                if obj.dep_ == "dobj" and (
                    obj.lemma_.lower() in lex.cargo_nouns
                    or obj.lower_ in lex.cargo_nouns
                    or obj.lemma_.lower() in lex.product_nouns
                ):
                    found = True
        return found

    def _unknown_place(self, c: Cluster) -> bool:
        """A place only by the model's word: no gazetteer or country list knows the name."""
        if not all(m.source.startswith("ner") for m in c.mentions):
            return False
        return c.name.lower() not in self.lex.places and not load_gazetteer().knows(c.name)

    def _document_source(self, c: Cluster) -> bool:
        """ "invoices obtained by Pahonia Monitor", "records reviewed by Nordwerk Recherche",
        "files leaked to the Lantern Files project": who holds the documents is an outlet
        or research group, not a person, place or product (given names aside)."""
        if not all(m.source.startswith("ner") for m in c.mentions):
            return False
        if c.name.split(" ", 1)[0] in self.lex.given_names | self.lex.honorifics:
            return False
        for m in c.mentions:
            last = self.doc[m.end - 1]
            if m.end < len(self.doc) and self.doc[m.end].lower_ in _SOURCE_HEADS:
                return True  # "the Lantern Files project"
            prep = last.head
            if last.dep_ != "pobj" or prep.lower_ not in ("by", "to"):
                continue
            verb = prep.head
            if verb.lemma_.lower() not in _SOURCE_VERBS:
                continue
            held = verb.head if verb.dep_ in ("acl", "relcl") else None
            if held is not None and any(
                h.lemma_.lower() in _DOCUMENTS for h in (held, *held.conjuncts)
            ):  # "travel records, test reports and correspondence reviewed by X"
                return True
        return False

    def at(self, i: int) -> int | None:
        """The entity token ``i`` names or refers to, if any."""
        e = self.tok_ent[i]
        if e >= 0:
            return e
        return self.ref.get(i)

    def type_of(self, e: int) -> str:
        return self.clusters[e].type

    # -- filtering ------------------------------------------------------------------------
    def _keep(self, c: Cluster) -> bool:
        lex = self.lex
        if c.name in lex.not_entities or fold(c.name) in lex.demonym_of:
            return False
        if fold(c.name) in lex.bloc_adjectives:
            return False
        if all(m.start >= self.tail for m in c.mentions):
            return False  # named only in the comments or related links below the report
        in_heading = all(self.heading[m.start] for m in c.mentions)
        if in_heading and not any(m.source in _SOURCES_KEEP_IN_HEADINGS for m in c.mentions):
            return False
        if c.type == "Group" and in_heading:
            return False
        return True

    # -- descriptors ----------------------------------------------------------------------
    def _describe(self, head: Token) -> _Desc:
        """The descriptive noun phrase headed by ``head``: span, role family, nationality."""
        lex = self.lex
        start = head.i
        for child in head.lefts:
            if child.dep_ in _DESC_DEPS and self.tok_ent[child.i] < 0:
                start = min(start, child.left_edge.i)
        while start < head.i and self.doc[start].pos_ in ("DET", "PUNCT", "ADV"):
            start += 1
        nation = None
        for t in self.doc[start : head.i + 1]:
            if t.lower_ in lex.demonym_of:
                nation = lex.demonym_of[t.lower_]
        family = lex.org_noun_family.get(head.lemma_.lower())
        if family is None:
            for t in self.doc[start : head.i]:
                family = family or lex.org_noun_family.get(t.lemma_.lower())
        return _Desc(start, head.i + 1, family, nation)

    def _tie(self, tok: Token, e: int, alias: bool = True) -> None:
        if self.tok_ent[tok.i] >= 0 or tok.i in self.ref:
            return
        self.ref[tok.i] = e
        if not alias or tok.pos_ not in ("NOUN", "PROPN"):
            return
        d = self._describe(tok)
        c = self.clusters[e]
        if d.family:
            c.families.add(d.family)
        if d.nation:
            c.nations.add(d.nation)
        if d.family is None or c.type not in ("Organization", "Person"):
            return
        if d.end - d.start >= 2 and all(self.tok_ent[i] < 0 for i in range(d.start, d.end)):
            self.descriptors.setdefault(e, []).append((d.start, d.end))

    def _appositives(self) -> None:
        for tok in self.doc:
            if tok.dep_ != "appos":
                continue
            head = tok.head
            et, eh = self.at(tok.i), self.at(head.i)
            if eh is not None and et is None and tok.pos_ in ("NOUN", "NUM", "PRON"):
                named = self._called(tok)
                if named is None and tok.tag_ == "NN":
                    # "Rajin and Vostochny, a port in ...": a singular appositive after a
                    # coordination describes the nearest conjunct, not the first
                    for c in head.conjuncts:
                        ec = self.at(c.i)
                        if c.i < tok.i and ec is not None and c.i > head.i:
                            eh = ec
                target = named if named is not None else eh
                if (
                    self.clusters[target].type == "Product"
                    and tok.lemma_.lower() in self.lex.org_noun_family
                ):
                    continue  # "the HW52V, made by X, another Chinese company": not the drone
                self._tie(tok, target)
            elif et is not None and eh is None and head.pos_ in ("NOUN", "NUM", "PRON"):
                self._tie(head, et)
        # "a Serbian intermediary, Balkan Trade Partners." where the parse missed the appositive
        doc = self.doc
        starts = {m.start: (ci, m.end) for ci, c in enumerate(self.clusters) for m in c.mentions}
        for tok in doc:
            if tok.pos_ != "NOUN" or self.at(tok.i) is not None or tok.i + 2 >= len(doc):
                continue
            if tok.lemma_.lower() not in self.lex.org_noun_family or doc[tok.i + 1].text != ",":
                continue
            hit = starts.get(tok.i + 2)
            if hit is None:
                continue
            ci, end = hit
            if self.clusters[ci].type in ("Organization", "Person") and (
                end >= len(doc) or doc[end].is_punct
            ):
                self._tie(tok, ci)

    def _trailing_appositives(self) -> None:
        """ "made by Hunan Haotianyi, another Chinese company,": an appositive the parser hung
        on an earlier noun describes the name right before its comma."""
        doc = self.doc
        n = len(doc)
        for ci, c in enumerate(self.clusters):
            if c.type not in ("Organization", "Person"):
                continue
            for m in c.mentions:
                if m.end + 2 >= n or doc[m.end].text != ",":
                    continue
                if doc[m.end + 1].lower_ not in ("a", "an", "another"):
                    continue
                for t in doc[m.end + 2 : min(n, m.end + 6)]:
                    if t.pos_ == "NOUN":
                        if (
                            t.dep_ == "appos"
                            and t.lemma_.lower() in self.lex.org_noun_family
                            and self._not_actor(t.head.i)
                        ):
                            self._tie(t, ci)
                        break
                    if t.is_punct or self.tok_ent[t.i] >= 0:
                        break

    def _not_actor(self, i: int) -> bool:
        e = self.at(i)
        return e is None or self.clusters[e].type not in ("Organization", "Person")

    def _called(self, noun: Token) -> int | None:
        """ "a company called X": the entity a description is said to be named."""
        for c in noun.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("call", "name", "dub", "know"):
                for g in c.subtree:
                    e = self.tok_ent[g.i]
                    if e >= 0:
                        return e
        return None

    def _premodifiers(self) -> None:
        lex = self.lex
        for ci, c in enumerate(self.clusters):
            if c.type not in ("Organization", "PublicBody"):
                continue
            for m in c.mentions:
                if m.start == 0:
                    continue
                prev = self.doc[m.start - 1]
                if prev.pos_ == "NOUN" and prev.lemma_.lower() in lex.org_noun_family:
                    self._tie(prev, ci)

    def _predicate_nominals(self) -> None:
        for tok in self.doc:
            if tok.dep_ != "attr" or tok.pos_ != "NOUN" or self.at(tok.i) is not None:
                continue
            for sib in tok.head.children:
                if sib.dep_ in _SUBJ:
                    e = self.at(sib.i)
                    if e is not None and self.clusters[e].type in ("Organization",):
                        self._tie(tok, e)

    def _first_positions(self) -> list[int]:
        return [min(m.start for m in c.mentions) for c in self.clusters]

    def _indefinites(self) -> None:
        lex = self.lex
        doc = self.doc
        firsts = self._first_positions()
        for tok in doc:
            if tok.pos_ != "NOUN" or self.at(tok.i) is not None:
                continue
            family = lex.org_noun_family.get(tok.lemma_.lower())
            if family is None:
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                continue
            d = self._describe(tok)
            sent_end = tok.sent.end
            horizon = sent_end
            for _ in range(3):
                if horizon >= len(doc):
                    break
                horizon = doc[horizon].sent.end
            home = self._home_modifier(tok)
            found: list[int] = []
            for ci, c in enumerate(self.clusters):
                if c.type != "Organization" or not (tok.i < firsts[ci] < horizon):
                    continue
                if home is not None and not self._placed_near(ci, home):
                    continue  # "a St Petersburg company" is not the firm "of Stuttgart"
                if family in c.families or (d.nation is not None and d.nation in c.nations):
                    found.append(ci)
            # two firms fit the description: which one the writer meant is a guess
            if len(found) == 1:
                self._tie(tok, found[0])

    def _home_modifier(self, noun: Token) -> int | None:
        """The place in "a St Petersburg company" or "a company in Xiamen", if the
        description names one."""
        for c in noun.lefts:
            e = self.tok_ent[c.i]
            if c.dep_ in ("compound", "nmod", "amod") and e >= 0:
                if self.clusters[e].type == "Location":
                    return e
        for c in noun.rights:  # a country is too wide to rule out a firm placed in a town
            if c.dep_ == "prep" and c.lower_ in ("in", "from"):
                for g in c.children:
                    e = self.tok_ent[g.i]
                    if g.dep_ == "pobj" and e >= 0 and self.clusters[e].type == "Location":
                        return None if g.lower_ in self.lex.places else e
        return None

    def _placed_near(self, ci: int, place: int) -> bool:
        """Whether some mention of entity ``ci`` is followed closely by ``place``, or its
        name holds the place's name ("Xiamen Limbach ... Co." for Xiamen)."""
        doc_len = len(self.doc)
        if fold(self.clusters[place].name) in fold(self.clusters[ci].name).split():
            return True
        for m in self.clusters[ci].mentions:
            for i in range(m.end, min(doc_len, m.end + 4)):
                if self.tok_ent[i] == place:
                    return True
        return False

    def _definites_and_pronouns(self) -> None:
        lex = self.lex
        doc = self.doc
        recent: list[tuple[int, int, bool]] = []  # (token index, entity, is subject)
        for tok in doc:
            e = self.at(tok.i)
            if e is not None:
                if not recent or recent[-1][1] != e or recent[-1][0] < tok.i - 1:
                    recent.append((tok.i, e, tok.dep_ in _SUBJ))
                elif tok.dep_ in _SUBJ:
                    recent[-1] = (recent[-1][0], e, True)
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in _SING:
                speaker = self._speaker_of(tok)
                if speaker is not None:
                    self.ref[tok.i] = speaker
                    continue
            if self.heading[tok.i]:
                continue
            want: tuple[str, ...] | None = None
            contains: str | None = None
            if tok.pos_ == "PRON" and low in _SING:
                want = ("Organization", "PublicBody")
            elif tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
                want = ("Person",)  # "Yerlan Sadykov ... He declined to comment."
            elif tok.pos_ == "PRON" and low in _PLUR:
                want = ("Group",)
            elif tok.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children
            ):
                if low in lex.public_heads:
                    want, contains = ("PublicBody",), low
                elif tok.lemma_.lower() in lex.org_noun_family and not any(
                    c.dep_ == "compound" for c in tok.children
                ):
                    want = ("Organization",)
                elif tok.lemma_.lower() in lex.product_nouns and not any(
                    self.tok_ent[c.i] >= 0 for c in tok.lefts
                ):  # "the Oryol-7 drone" names its product; "the drone" refers back
                    ante = self._product_of_kind(tok, recent)
                    if ante is not None:
                        self.ref[tok.i] = ante
                    continue
            if want is None:
                continue
            ante = self._antecedent(tok, recent, want, contains, self._clause_subjects(tok))
            if ante is not None:
                self.ref[tok.i] = ante

    def _product_of_kind(self, tok: Token, recent: list[tuple[int, int, bool]]) -> int | None:
        """ "the drone" after "the Zarnitsa drone" or "the Zarnitsa, a one-way attack drone":
        the last product named as that kind within the two sentences before; None when
        none was, or when two different ones were."""
        kind = tok.lemma_.lower()
        floor = tok.sent.start
        for _ in range(2):
            if floor == 0:
                break
            floor = self.doc[floor - 1].sent.start
        found = {
            e
            for i, e, _subj in recent
            if i >= floor and self.clusters[e].type == "Product" and self._named_as(i, e, kind)
        }
        return found.pop() if len(found) == 1 else None

    def _named_as(self, i: int, e: int, kind: str) -> bool:
        """Whether the mention of product ``e`` at token ``i`` is called a ``kind`` there:
        the noun follows the name closely or heads an appositive to it."""
        doc = self.doc
        j = i
        while j < len(doc) and self.tok_ent[j] == e:
            j += 1
        for t in doc[j : min(len(doc), j + 4)]:
            if t.lemma_.lower() == kind:
                return True
            if t.is_punct or self.tok_ent[t.i] >= 0:
                break
        return any(
            c.dep_ == "appos" and c.lemma_.lower() == kind for c in doc[j - 1].head.children
        ) or any(c.dep_ == "appos" and c.lemma_.lower() == kind for c in doc[j - 1].children)

    def _speaker_of(self, tok: Token) -> int | None:
        """ "Beijing says it was unaware", "the ministry said it had not ...": "it" as the
        subject of what an organisation, body or place says is the speaker itself."""
        if tok.dep_ not in _SUBJ or tok.head.dep_ != "ccomp":
            return None
        speech = tok.head.head
        if speech.lemma_.lower() not in self.lex.speech_verbs:
            return None
        for c in speech.children:
            if c.dep_ == "nsubj":
                e = self.at(c.i)
                if e is not None and self.clusters[e].type in (
                    "Organization",
                    "PublicBody",
                    "Location",
                ):
                    return e
        return None

    def _clause_subjects(self, tok: Token) -> set[int]:
        """Entities that are subjects of the verb an object pronoun depends on."""
        if tok.dep_ in ("nsubj", "nsubjpass", "poss"):
            return set()
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        out: set[int] = set()
        for c in verb.children:
            if c.dep_ in _SUBJ:
                for t in (c, *c.conjuncts):
                    e = self.tok_ent[t.i]
                    if e >= 0:
                        out.add(e)
        return out

    def _antecedent(
        self,
        tok: Token,
        recent: list[tuple[int, int, bool]],
        want: tuple[str, ...],
        contains: str | None,
        exclude: set[int] | None = None,
    ) -> int | None:
        sent_start = tok.sent.start
        floor = sent_start
        for _ in range(2):
            if floor == 0:
                break
            floor = self.doc[floor - 1].sent.start
        cands = [
            (i, e, subj)
            for i, e, subj in recent
            if i >= floor
            and self.clusters[e].type in want
            and not self.heading[i]
            and (not exclude or e not in exclude)
            and (contains is None or contains in self.clusters[e].name.lower())
        ]
        if not cands:
            return None
        same = [c for c in cands if c[0] >= sent_start]
        pool = same or [c for c in cands if c[0] >= self.doc[cands[-1][0]].sent.start]
        subjects = [c for c in pool if c[2]]
        return (subjects or pool)[-1][1]

    # -- output ---------------------------------------------------------------------------
    def aliases(self, e: int) -> list[str]:
        c = self.clusters[e]
        out = list(c.aliases)
        seen = {fold(c.name), *(fold(a) for a in out)}
        for start, end in self.descriptors.get(e, []):
            text = self.doc[start:end].text
            if fold(text) not in seen:
                seen.add(fold(text))
                out.append(text)
        return out

    def spans(self, e: int) -> list[tuple[int, int]]:
        """Character spans of every name mention and tied description of entity ``e``."""
        doc = self.doc
        toks = [(m.start, m.end) for m in self.clusters[e].mentions]
        toks += self.descriptors.get(e, [])
        out = {surface(doc, s, t, self.lex)[:2] for s, t in toks}
        return sorted(out)
