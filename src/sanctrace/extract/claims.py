"""Claims from the dependency parse: who supplied, visited, trained, owns... whom.

Each trigger (a verb lemma, a relation noun or a multi-word phrase of the predicate
lexicon) has a frame naming which syntactic roles hold the claim's subject, object,
intermediary (via) and item. The frames are generic; the words that select them are data.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from sanctrace.extract.components import ComponentLinks
from sanctrace.extract.coref import EntityIndex
from sanctrace.extract.lexicon import Lexicon
from sanctrace.extract.rawclaim import RawClaim
from sanctrace.extract.roles import Roles

_ACTORS = ("Organization", "PublicBody", "Person", "Group")
_STATES = ("Location", "PublicBody")
_VIA = ("via", "through")
_CUSTOMERS = ("Organization", "PublicBody", "Group")
_CARRIERS = ("Organization", "Product")
_MAKE_VERBS = frozenset({"make", "produce", "build", "manufacture", "assemble", "design"})
_ROUTE_VERBS = frozenset(
    {"reach", "arrive", "come", "enter", "go", "pass", "travel", "move", "transit", "cross"}
)
_PLACE_OR_FIRM = ("Location", "Organization", "PublicBody")
_CONDITIONS = frozenset({"if", "unless"})
_TOPIC_SUFFIXES = frozenset({"related", "linked", "focused", "specific", "wide"})
_QUOTE_MARKS = ('"', "“", "”")
_EVENTS = frozenset(
    {
        "supplied",
        "visited",
        "collaborated_with",
        "assisted",
        "trained",
        "developed",
        "produced",
        "tested",
        "sanctioned_by",
        "used_in",
    }
)
_PLACE_SUFFIXES = frozenset({"based", "registered", "headquartered", "incorporated", "flagged"})
_ALLEGATIONS = frozenset(
    {"allegation", "accusation", "claim", "report", "charge", "suggestion", "assertion", "finding"}
)
_IMPOSE = frozenset({"impose", "slap", "levy", "announce", "introduce", "extend", "expand"})
_PROPOSITIONS = frozenset({"under", "to", "by", "on"})
_ANAPHORIC = frozenset({"both", "all", "these", "those", "they", "them", "each"})
_SUPPLY_LEMMAS = frozenset(
    {
        "supply",
        "sell",
        "export",
        "provide",
        "deliver",
        "ship",
        "send",
        "transfer",
        "import",
        "re-export",
        "buy",
        "procure",
    }
)


_NONE: list[int | None] = [None]


def _anaphoric(tok: Token) -> bool:
    """ "Both parts", "the components", "these drones", "they": a plural reference back."""
    if tok.lower_ in _ANAPHORIC:
        return True
    return tok.tag_ == "NNS" and any(
        c.dep_ in ("det", "predet", "amod") and c.lower_ in _ANAPHORIC | {"the"}
        for c in tok.children
    )


def _typed(index: EntityIndex, ents: list[int], types: list[str] | None) -> list[int]:
    if not types:
        return ents
    return [e for e in ents if index.type_of(e) in types]


class ClaimFinder:
    """Applies the predicate lexicon to one document."""

    def __init__(self, index: EntityIndex, lex: Lexicon) -> None:
        self.index = index
        self.lex = lex
        self.roles = Roles(index)
        self.components = ComponentLinks(index, lex)
        self._last_recipient: tuple[int, int] | None = None  # (sentence start, entity)
        self._last_body: tuple[int, int] | None = None  # (sentence start, sanctioning body)
        # (sentence number, supplier, recipient, item) of the last stated hand-over
        self._last_supply: tuple[int, int, int, int | None] | None = None
        self._sent_no = 0

    # -- driver ---------------------------------------------------------------------------
    def sentence(self, sent: Span) -> list[RawClaim]:
        out: list[RawClaim] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG"):
                spec = self.lex.verbs.get(lemma)
                if spec is None and "-" in lemma:
                    spec = (
                        self.lex.verbs.get(lemma.rstrip("e"))
                        or self.lex.verbs.get(lemma.split("-", 1)[1].rstrip("e"))
                        or self.lex.verbs.get(lemma.split("-", 1)[1])
                    )
                if spec is not None:
                    out.extend(self._verb(tok, spec))
            if tok.pos_ in ("NOUN", "PROPN"):
                spec = self.lex.nouns.get(lemma) or self.lex.nouns.get(tok.lower_)
                if spec is not None:
                    out.extend(self._noun(tok, spec))
                if tok.lower_ in self.lex.sanction_nouns or (
                    tok.lower_ == "list" and tok.i > 0 and self._state_list(tok)
                ):
                    out.extend(self._sanction_noun(tok))
                if tok.lower_ in self.lex.product_nouns:
                    out.extend(self._maker_possessive(tok))
            if lemma in _ROUTE_VERBS and tok.pos_ == "VERB" and tok.dep_ != "conj":
                out.extend(self._route(tok))
            if tok.dep_ == "amod" and lemma in _SUPPLY_LEMMAS and tok.i > 0:
                out.extend(self._misread_perfect(tok))
            if tok.tag_ == "VBN" and lemma in ("sanction", "blacklist") and tok.dep_ == "amod":
                for e in self.roles.args(tok.head, _ACTORS):
                    out.append(RawClaim("sanctioned_by", e, None, tok, "sanction-amod"))
        out.extend(self._phrases(sent))
        out.extend(self._no_comment(sent))
        out.extend(self._denial_words(sent))
        out.extend(self._quoted_denials(sent))
        out.extend(self._locations(sent))
        out.extend(self.components.sentence(sent))
        if out:
            out = self._drop_irrealis(sent, out)
        for c in out:
            if c.predicate == "supplied" and c.object is not None:
                self._last_recipient = (sent.start, c.object)
                if c.subject is not None and not c.rule.startswith("chain"):
                    self._last_supply = (self._sent_no, c.subject, c.object, c.item)
        self._sent_no += 1
        self._carry_body(sent, out)
        return out

    def _drop_irrealis(self, sent: Span, out: list[RawClaim]) -> list[RawClaim]:
        """Events asked about or supposed are not stated: "Did A supply B?", "If A sold
        engines to B, it would face penalties". Standing facts in such sentences (where a
        firm is, who runs it) are kept."""
        text = sent.text.rstrip()
        question = text.endswith("?") and not any(q in text for q in _QUOTE_MARKS)
        conditional = any(t.dep_ == "mark" and t.lower_ in _CONDITIONS for t in sent)
        if not question and not conditional:
            return out
        keep: list[RawClaim] = []
        for c in out:
            if c.predicate not in _EVENTS:
                keep.append(c)
            elif not question and not self._supposed(c.anchor):
                keep.append(c)
        return keep

    @staticmethod
    def _supposed(anchor: Token) -> bool:
        """Whether ``anchor`` sits in an "if"/"unless" clause or in the "would" clause
        that answers one."""
        t = anchor
        for _ in range(10):
            if t.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in t.children
            ):
                return True
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children
            ):
                return True
            if t.head is t:
                return False
            t = t.head
        return False

    def _carry_body(self, sent: Span, out: list[RawClaim]) -> None:
        """ "X, who was also designated", "Y was sanctioned too": a designation that names
        no body takes the body of the last one stated in the same paragraph, or within a
        few sentences when the sentence says "also", "both", "same day"."""
        last = self._last_body
        for c in out:
            if c.predicate != "sanctioned_by" or c.rule.endswith(":unnamed"):
                continue
            if c.object is not None:
                last = (sent.start, c.object)
            elif last is not None and last[1] != c.subject:
                doc = sent.doc
                gap = doc[last[0] : sent.start].text if last[0] < sent.start else ""
                cue = any(t.lower_ in self.lex.sanction_carry_cues for t in sent)
                near = "\n" not in gap and gap.count(". ") < 3
                if near or (cue and len(gap) < 2500):
                    c.object = last[1]
                    c.rule += "+carried-body"
        self._last_body = last

    # -- verbs ----------------------------------------------------------------------------
    def _verb(self, verb: Token, spec: dict) -> Iterator[RawClaim]:
        frame = spec["frame"]
        pred = spec["predicate"]
        r = self.roles
        passive = r.is_passive(verb)
        stypes = spec.get("subject_types")
        otypes = spec.get("object_types")
        rule = f"verb:{verb.lemma_.lower()}:{frame}"
        if "needs" in spec and not r.prep_objects(verb, spec["needs"]):
            return  # "passed through customs" is no hand-over
        if spec.get("items") == "cargo" and not self._cargo(verb):
            return  # "passed the requests on": only goods make a supply
        if "objects" in spec:
            obj = r.child(verb, "dobj")
            if obj is None or obj.lemma_.lower() not in spec["objects"]:
                return  # "took delivery of", not "took part"
        if frame in ("give", "receive"):
            yield from self._transfer(verb, frame, passive, rule)
            return
        if frame == "carry":
            yield from self._carried(verb)
            return
        if frame == "sanction":
            if passive:
                subjects = r.args(r.child(verb, "nsubjpass")) or (
                    r.args(verb.head, _ACTORS) if verb.dep_ == "acl" else []
                )
                agents = [a for p in r.prep_objects(verb, ["by"]) for a in r.args(p, _STATES)]
            else:
                subjects = r.args(r.child(verb, "dobj"), _ACTORS)
                if not subjects and verb.dep_ == "relcl":
                    subjects = r.args(verb.head, _ACTORS)  # "a firm that the EU sanctioned"
                agents = r.subject(verb, _STATES)
            for c in verb.conjuncts:  # "..., and the United States followed (suit) in 2018"
                if c.lemma_.lower() == "follow" and c.i > verb.i:
                    obj = r.child(c, "dobj")
                    if obj is None or obj.lower_ == "suit":
                        agents = agents + [a for a in r.subject(c, _STATES) if a not in agents]
            if spec.get("needs_agent") and (
                not agents or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
            ):
                return  # "the filing lists X as director" is no listing by a state
            for s in subjects:
                for o in agents or _NONE:
                    if s != o:
                        yield RawClaim(pred, s, o, verb, rule)
            return
        if frame == "speech":
            if verb.lemma_.lower() in ("reject", "dismiss", "dispute", "refute", "rebut"):
                obj = r.child(verb, "dobj")
                if obj is None or obj.lemma_.lower() not in _ALLEGATIONS:
                    return
            for s in _typed(self.index, r.subject(verb), ["Organization", "PublicBody", "Person"]):
                yield RawClaim(pred, s, None, verb, rule, confidence=0.7)
            return
        if frame == "establish":
            holders = (
                r.args(r.child(verb, "nsubjpass")) if passive else r.args(r.child(verb, "dobj"))
            )
            if not holders and passive and verb.dep_ == "acl":
                holders = r.args(verb.head)
            places: list[int] = []
            for p in r.prep_objects(verb, ["in", "at"]):
                got = r.args(p, ["Location"])
                if not got:
                    got = [e for q in r.prep_objects(p, ["in"]) for e in r.args(q, ["Location"])]
                places.extend(got)
            for h in _typed(self.index, holders, ["Organization"]):
                for loc in places[:1]:
                    yield RawClaim(pred, h, loc, verb, rule, confidence=0.7)
            return
        if frame == "used":
            items = [r.product_in(r.child(verb, "nsubjpass" if passive else "dobj"))]
            places = [e for p in r.prep_objects(verb, ["in"]) for e in r.args(p, ["Location"])]
            for it in items:
                for loc in places:
                    if it is not None:
                        yield RawClaim(pred, it, loc, verb, rule, confidence=0.6)
            return
        if passive:
            subjects = [a for p in r.prep_objects(verb, ["by"]) for a in r.args(p)]
            patient = r.child(verb, "nsubjpass")
            if patient is None and verb.dep_ == "acl":
                patient = verb.head
            objects = r.args(patient)
            if not objects and patient is not None and _anaphoric(patient):
                objects = r.products_before(verb)
        else:
            subjects = r.subject(verb)
            objects = []
            if frame == "transitive":
                dobj = r.child(verb, "dobj")
                objects = r.args(dobj)
                if dobj is None and verb.dep_ == "relcl" and r.child(verb, "nsubj") is not None:
                    objects = r.args(verb.head)  # "the drone that X developed"
                if (
                    verb.dep_ == "amod"
                    and verb.i < verb.head.i
                    and verb.i > 0
                    and (verb.doc[verb.i - 1].text in (",", "and"))
                ):
                    objects = r.args(verb.head)  # "..., trained X staff" misread as a modifier
            if frame == "motion":
                objects = [
                    e
                    for p in r.prep_objects(verb, ["to", "into"])
                    for e in r.args(p, ("Location", "Organization", "PublicBody"))
                ]
            for p in r.prep_objects(verb, spec.get("preps", [])):
                objects.extend(e for e in r.args(p) if e not in objects)
        subjects = _typed(self.index, subjects, stypes)
        objects = _typed(self.index, objects, otypes)
        location = None
        if pred == "tested":
            places = [
                e for p in r.prep_objects(verb, ["at", "in"]) for e in r.args(p, ["Location"])
            ]
            location = places[0] if places else None
        if pred not in ("tested", "developed", "produced"):
            subjects = _typed(self.index, subjects, list(_ACTORS))
        for subj in subjects:
            for o in objects:
                if subj != o:
                    yield RawClaim(pred, subj, o, verb, rule, location=location)

    def _transfer(self, verb: Token, frame: str, passive: bool, rule: str) -> Iterator[RawClaim]:
        r = self.roles
        clause = r.clause(verb)
        vias = [
            e
            for t in clause
            if t.dep_ == "prep" and t.lower_ in _VIA
            for p in t.children
            if p.dep_ == "pobj"
            for e in r.args(p, ("Organization", "Person", "PublicBody", "Location"))
        ]
        # "..., which reached the plant through Z": a route stated by a verb of motion
        for t in verb.subtree:
            if t.dep_ == "prep" and t.lower_ in _VIA and t.head.lemma_.lower() in _ROUTE_VERBS:
                for p in t.children:
                    if p.dep_ == "pobj":
                        vias.extend(
                            e for e in r.args(p, ("Organization", "PublicBody")) if e not in vias
                        )
        if frame == "give":
            if passive:
                suppliers = [a for p in r.prep_objects(verb, ["by"]) for a in r.args(p, _ACTORS)]
                item_tok = r.child(verb, "nsubjpass")
                if item_tok is None and verb.dep_ == "acl":
                    item_tok = verb.head
            else:
                suppliers = r.subject(verb, _ACTORS + ("Location",))
                item_tok = r.child(verb, "dobj")
            recipients = []
            contrasted: list[int] = []
            for p in r.prep_objects(verb, ["to"]):
                got = r.args(p, _ACTORS + ("Location",))
                if p.head.i > 0 and verb.doc[p.head.i - 1].lower_ in ("but", "rather", "instead"):
                    contrasted.extend(got)  # "not to A but to B"
                else:
                    recipients.extend(got)
            for c in verb.children:  # "... to A but to B" where B hangs off the verb's conj
                if c.dep_ == "conj" and c.lower_ == "to":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            contrasted.extend(r.args(p, _ACTORS + ("Location",)))
            recipients.extend(self._for_whom(verb))
            if contrasted:
                for s_ in suppliers:
                    for o in contrasted:
                        if s_ != o:
                            yield RawClaim(
                                "supplied",
                                s_,
                                o,
                                verb,
                                rule,
                                item=r.product_in(item_tok),
                                affirmed=True,
                            )
            if not passive and item_tok is not None and r.prep_objects(verb, ["with"]):
                recipients += r.args(item_tok, _ACTORS)
                item_tok = r.prep_objects(verb, ["with"])[0]
        else:
            if passive:
                recipients = [a for p in r.prep_objects(verb, ["by"]) for a in r.args(p, _ACTORS)]
                item_tok = r.child(verb, "nsubjpass")
            else:
                recipients = r.subject(verb, _ACTORS + ("Location",))
                item_tok = r.child(verb, "dobj")
            suppliers = [
                e
                for t in clause
                if t.dep_ == "prep" and t.lower_ == "from"
                for p in t.children
                if p.dep_ == "pobj"
                for e in r.args(p, _ACTORS + ("Location",))
            ]
            if not suppliers and item_tok is not None:
                suppliers = self._makers(item_tok)  # "took delivery of drones made by Y"
            onward = [e for e in self._for_whom(verb) if e not in recipients]
            for buyer in recipients:  # "A procured X from B for C": A passed it on to C
                for end in onward:
                    if buyer != end:
                        yield RawClaim(
                            "supplied", buyer, end, verb, rule, item=r.product_in(item_tok)
                        )
            if not recipients:
                recipients = onward
        item = r.product_in(item_tok)
        if frame == "give" and item_tok is not None and self._last_supply is not None:
            carried = self._onward(verb, item_tok, passive, suppliers)
            if carried is not None:
                suppliers = [carried]
                item = item if item is not None else self._last_supply[3]
                rule += "+carried"
        if recipients:
            self._last_recipient = (verb.sent.start, recipients[0])
        elif suppliers and item_tok is not None and self._last_recipient:
            definite = any(c.lower_ in ("the", "these", "those", "such") for c in item_tok.children)
            if definite and self._last_recipient[0] >= verb.sent.start - 600:
                recipients = [self._last_recipient[1]]
        recipients = [e for e in recipients if e not in vias]
        suppliers = [e for e in suppliers if e not in vias]
        for sup in suppliers or _NONE:
            for rec in recipients or _NONE:
                for v in vias or _NONE:
                    if sup == rec:
                        continue
                    filled = sum(x is not None for x in (sup, rec, v))
                    if filled < 2 or rec is None and v is None:
                        continue
                    yield RawClaim("supplied", sup, rec, verb, rule, via=v, item=item)

    def _onward(
        self, verb: Token, item_tok: Token, passive: bool, suppliers: list[int]
    ) -> int | None:
        """ "A sold engines to B. They were then shipped to C" / "The company later sold
        them to C": goods referred back to, moved on, go from the last recipient."""
        last = self._last_supply
        if last is None or self._sent_no - last[0] > 2 or self._sent_no == last[0]:
            return None
        if not (item_tok.lower_ in _ANAPHORIC or _anaphoric(item_tok) or self._definite(item_tok)):
            return None
        _, prev_sup, prev_rec, _item = last
        if passive:
            return prev_rec if not suppliers else None
        if suppliers != [prev_sup]:
            return None
        subj = self.roles.child(verb, "nsubj")
        if subj is None or self.index.tok_ent[subj.i] >= 0:
            return None  # named again: the text means that supplier
        onward = any(
            c.dep_ in ("advmod", "prt") and c.lower_ in self.lex.onward_cues for c in verb.children
        )
        return prev_rec if onward else None

    @staticmethod
    def _definite(tok: Token) -> bool:
        return tok.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children
        )

    def _route(self, verb: Token) -> Iterator[RawClaim]:
        """ "The lathes moved through Georgia before reaching B", "the chips passed through
        A on their way to B", "the goods transited A and went on to B": goods on a route,
        supplied(None or the last recipient -> B via A)."""
        r = self.roles
        goods = r.child(verb, "nsubj")
        if goods is None and verb.dep_ == "acl":
            goods = verb.head
        if goods is None or not (
            goods.pos_ == "PRON"
            and goods.lower_ in _ANAPHORIC | {"it"}
            or r.product_in(goods) is not None
            or goods.lemma_.lower() in self.lex.cargo_nouns
            or goods.lower_ in self.lex.cargo_nouns
            or goods.lemma_.lower() in self.lex.product_nouns
        ):
            return
        verbs = [verb, *(c for c in verb.conjuncts if c.lemma_.lower() in _ROUTE_VERBS)]
        vias: list[int] = []
        ends: list[int] = []
        for v in verbs:
            for p in r.prep_objects(v, _VIA):
                vias.extend(e for e in r.args(p, _PLACE_OR_FIRM) if e not in vias)
            if v.lemma_.lower() in ("transit", "cross"):
                vias.extend(e for e in r.args(r.child(v, "dobj"), ["Location"]) if e not in vias)
            targets = r.prep_objects(v, ["to", "into"])
            for p in r.prep_objects(v, ["on", "before", "en"]):  # "on their way to B"
                if p.lemma_.lower() in ("way", "route"):
                    targets += r.prep_objects(p, ["to"])
                elif p.dep_ == "pcomp" and p.lemma_.lower() in ("reach", "arrive"):
                    targets += [c for c in p.children if c.dep_ == "dobj"]
                    targets += r.prep_objects(p, ["in", "at"])
            if v.lemma_.lower() == "reach" and v is not verb:
                targets += [c for c in v.children if c.dep_ == "dobj"]
            for t in targets:
                ends.extend(e for e in r.args(t, _PLACE_OR_FIRM) if e not in ends)
        ends = [e for e in ends if e not in vias]
        if not vias or not ends:
            return
        supplier: int | None = None
        last = self._last_supply
        if (
            last is not None
            and 0 < self._sent_no - last[0] <= 2
            and (goods.pos_ == "PRON" or _anaphoric(goods) or self._definite(goods))
        ):
            supplier = last[2]  # the goods the last recipient got
        item = r.product_in(goods)
        for end in ends:
            for hop in vias:
                if supplier not in (end, hop):
                    yield RawClaim(
                        "supplied", supplier, end, verb, "route", via=hop, item=item, confidence=0.6
                    )

    def _misread_perfect(self, tok: Token) -> Iterator[RawClaim]:
        """ "A had supplied engines ... to B" parsed with "had" as the verb and "supplied" as
        an adjective of "engines": read it as the perfect it is."""
        r = self.roles
        aux = tok.doc[tok.i - 1]
        if aux.lower_ not in ("had", "has", "have") or tok.head.dep_ != "dobj":
            return
        if tok.head.head.i != aux.i:
            return
        suppliers = r.subject(aux, _ACTORS + ("Location",))
        recipients = [
            e for p in r.prep_objects(tok.head, ["to"]) for e in r.args(p, _ACTORS + ("Location",))
        ]
        item = r.product_in(tok.head)
        rule = f"verb:{tok.lemma_.lower()}:give-perfect"
        for s_ in suppliers:
            for o in recipients:
                if s_ != o:
                    yield RawClaim("supplied", s_, o, tok, rule, item=item, confidence=0.7)

    def _cargo(self, verb: Token) -> bool:
        """Whether what ``verb`` moves is goods: a product, a cargo noun, or "them"/"it"."""
        r = self.roles
        obj = r.child(verb, "nsubjpass" if r.is_passive(verb) else "dobj")
        if obj is None:
            return False
        if obj.pos_ == "PRON" or r.product_in(obj) is not None:
            return True
        return obj.lemma_.lower() in self.lex.cargo_nouns or obj.lower_ in self.lex.cargo_nouns

    def _for_whom(self, verb: Token) -> list[int]:
        """ "for C", "on behalf of C": the end customer of a purchase or shipment."""
        r = self.roles
        out = [
            e
            for t in r.clause(verb)
            if t.dep_ == "prep" and t.lower_ == "for"
            for p in t.children
            if p.dep_ == "pobj"
            for e in r.args(p, _CUSTOMERS)
        ]
        for p in r.prep_objects(verb, ["on"]):
            if p.lower_ == "behalf":
                out.extend(e for q in r.prep_objects(p, ["of"]) for e in r.args(q, _CUSTOMERS))
        return out

    def _makers(self, item_tok: Token) -> list[int]:
        """The agents of "made by", "built by" inside an item phrase."""
        r = self.roles
        out: list[int] = []
        for t in item_tok.subtree:
            if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in _MAKE_VERBS:
                out.extend(e for p in r.prep_objects(t, ["by"]) for e in r.args(p, _ACTORS))
        return out

    def _carried(self, verb: Token) -> Iterator[RawClaim]:
        """ "The cargo was carried by Silk Wind Airlines": a carrier is a supply route even
        where neither end is named; "carried it to B" names the recipient too."""
        r = self.roles
        if r.is_passive(verb):
            carriers = [e for p in r.prep_objects(verb, ["by"]) for e in r.args(p, _CARRIERS)]
            item_tok = r.child(verb, "nsubjpass")
        else:
            carriers = r.subject(verb, _CARRIERS)
            item_tok = r.child(verb, "dobj")
        if item_tok is None or not carriers:
            return
        cargo = item_tok.lemma_.lower() in self.lex.cargo_nouns or r.product_in(item_tok)
        if not cargo:
            return
        recips = [e for p in r.prep_objects(verb, ["to"]) for e in r.args(p, _ACTORS)]
        for v in carriers:
            for o in recips or _NONE:
                if o != v:
                    yield RawClaim(
                        "supplied",
                        None,
                        o,
                        verb,
                        f"verb:{verb.lemma_.lower()}:carry",
                        via=v,
                        item=r.product_in(item_tok),
                        confidence=0.6,
                    )

    # -- nouns ----------------------------------------------------------------------------
    def _described(self, noun: Token) -> list[int]:
        """The entity a relation noun describes: "X, a unit of Y", "X is a front for Y"."""
        r = self.roles
        e = self.index.at(noun.i)
        if e is not None:
            return [e]
        if noun.dep_ == "attr":
            return r.subject(noun.head)
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head
            if r.is_passive(verb):
                return r.args(r.child(verb, "nsubjpass"))  # "X was set up as a front"
            if verb.lemma_.lower() in self.lex.label_verbs:
                obj = r.child(verb, "dobj")
                if obj is not None and obj.lower_ not in ("that", "which", "who", "whom"):
                    return r.args(obj)
                if verb.dep_ == "relcl":
                    return r.args(verb.head)  # "a company that they described as a front"
                return r.args(obj)
            return r.subject(verb)
        if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            return self._described(noun.head)  # "owner and general director, X"
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            attr = r.child(noun.head, "attr")  # "whose beneficial owner is B"
            if attr is not None and any(c.lower_ == "whose" for c in noun.children):
                return r.args(attr)
        for c in noun.children:
            if c.dep_ == "appos":
                return r.args(c)
        return []

    def _noun(self, noun: Token, spec: dict) -> Iterator[RawClaim]:
        r = self.roles
        frame = spec["frame"]
        pred = spec["predicate"]
        rule = f"noun:{noun.lemma_.lower()}:{frame}"
        preps = spec.get("preps", [])
        if frame == "noun_of":
            if (
                pred == "officer_of"
                and noun.dep_ == "compound"
                and self.index.at(noun.head.i) is not None
            ):
                person = self.index.at(noun.head.i)
                orgs = [
                    self.index.at(c.i)
                    for c in noun.head.children
                    if c.dep_ == "compound" and c.i < noun.i and self.index.at(c.i) is not None
                ]
                for o in orgs:
                    if (
                        person is not None
                        and o is not None
                        and self.index.type_of(person) == "Person"
                    ):
                        yield RawClaim(pred, person, o, noun, rule)
                return
            objects = [e for p in r.prep_objects(noun, preps) for e in r.args(p)]
            if not objects and noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN":
                noun = noun.head  # "the parent company of B"
                objects = [e for p in r.prep_objects(noun, preps) for e in r.args(p)]
            if not objects:
                holder = noun.head if noun.dep_ == "conj" else noun
                for c in holder.children:
                    if c.dep_ == "poss":
                        objects = r.args(c)  # "Its manager, X" / "Acme's owner, X"
            subjects = self._described(noun)
            stypes = spec.get("subject_types") or (["Person"] if pred == "officer_of" else None)
            otypes = spec.get("object_types") or (
                ["Organization", "PublicBody"] if pred in ("officer_of", "subsidiary_of") else None
            )
            if spec.get("inverse"):  # "A, the parent company of B": B is A's subsidiary
                for s in _typed(self.index, subjects, ["Organization"]):
                    for o in _typed(self.index, objects, ["Organization"]):
                        if s != o:
                            yield RawClaim(pred, o, s, noun, rule)
                return
            for s in _typed(self.index, subjects, stypes):
                for o in _typed(self.index, objects, otypes):
                    if s != o:
                        yield RawClaim(pred, s, o, noun, rule)
        elif frame == "noun_between":
            pobjs = r.prep_objects(noun, ["between"])
            ends = r.args(pobjs[0], _ACTORS + ("Location",)) if pobjs else []
            if len(ends) < 2 and pobjs:  # the parser often nests "A and B" oddly
                last = max(t.i for t in pobjs[0].head.subtree)
                ends = self._mentions_between(pobjs[0].head.i + 1, last + 1, list(_ACTORS))
            vias = self._described(noun)
            if len(ends) >= 2:
                for v in vias or _NONE:
                    yield RawClaim("supplied", ends[0], ends[1], noun, rule, via=v)
        elif frame == "noun_supplier":
            objects = [e for p in r.prep_objects(noun, preps) for e in r.args(p, _ACTORS)]
            for s in self._described(noun):
                for o in objects:
                    if s != o:
                        yield RawClaim(pred, s, o, noun, rule, confidence=0.7)
        elif frame == "noun_shipment":
            if (
                noun.dep_ in ("dobj", "nsubj", "nsubjpass")
                and noun.head.lemma_.lower() in self.lex.verbs
            ):
                return
            recips = [
                e for p in r.prep_objects(noun, ["to"]) for e in r.args(p, _ACTORS + ("Location",))
            ]
            sups = [
                e
                for p in r.prep_objects(noun, ["from"])
                for e in r.args(p, _ACTORS + ("Location",))
            ]
            vias = [e for p in r.prep_objects(noun, list(_VIA)) for e in r.args(p)]
            item = r.product_in(noun)
            for sup in sups or _NONE:
                for rec in recips or _NONE:
                    for v in vias or _NONE:
                        if sum(x is not None for x in (sup, rec, v)) >= 2 and sup != rec:
                            yield RawClaim(
                                "supplied", sup, rec, noun, rule, via=v, item=item, confidence=0.7
                            )

    def _state_list(self, tok: Token) -> bool:
        """ "the Entity List", "the UK's list", "added X to its list": a state's list."""
        if tok.nbor(-1).lower_ == "entity":
            return True
        return any(
            c.dep_ == "poss" and self.roles.find(c, _STATES, depth=0) is not None
            for c in tok.children
        )

    def _sanction_noun(self, tok: Token) -> Iterator[RawClaim]:
        """ "X is under U.S. and EU sanctions", "X, subject to sanctions", "sanctions on X"."""
        r = self.roles
        index = self.index
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # "sanctions list", "Entity List"
        states: list[int | None] = []
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss"):
                if any(t.lower_ in _TOPIC_SUFFIXES for t in c.subtree):
                    continue  # "Russia-related sanctions" are about Russia, not by it
                states.extend(e for e in r.args(c, _STATES) if e not in states)
        subjects: list[int] = []
        for p in r.prep_objects(tok, ["on", "against"]):
            subjects.extend(r.args(p, _ACTORS))
        head = tok.head
        if (
            not subjects
            and tok.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in self.lex.sanction_batch_nouns
        ):
            tok = head.head  # "announced a new round of sanctions": the round is announced
            head = tok.head
        if not subjects and tok.dep_ == "pobj" and head.lower_ in _PROPOSITIONS:
            gov = head.head
            if gov.pos_ == "ADJ" or gov.dep_ in ("acomp",):
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX"):
                if r.is_passive(gov):
                    subjects = r.args(r.child(gov, "nsubjpass"), _ACTORS) or r.subject(
                        gov, _ACTORS
                    )  # "X was added to", "X has been ... and was added to'
                elif gov.lemma_.lower() in ("add", "place", "put", "include"):
                    subjects = r.args(r.child(gov, "dobj"), _ACTORS)
                    if not states:  # "the Commerce Department added X to the Entity List"
                        states.extend(r.subject(gov, _STATES))
                else:
                    subjects = r.subject(gov, _ACTORS)
            elif gov.pos_ in ("NOUN", "PROPN"):
                subjects = r.args(gov, _ACTORS)
        elif not subjects and tok.dep_ == "dobj":
            lemma = head.lemma_.lower()
            if lemma in _IMPOSE:
                for p in r.prep_objects(head, ["on", "against"]):
                    subjects.extend(r.args(p, _ACTORS))
                if not states:
                    states.extend(r.subject(head, _STATES))
            elif lemma in ("face", "evade", "violate", "dodge", "circumvent"):
                if lemma == "face":
                    subjects = r.subject(head, _ACTORS)
        unnamed = any(c.lower_ in self.lex.sanction_null_modifiers for c in tok.children)
        if not states and tok.dep_ == "dobj" and head.lemma_.lower() in _IMPOSE:
            states.extend(r.subject(head, _STATES))  # "B announced restrictions on X"
        if not states:
            states = [None]
        elif not subjects:  # "B imposed sanctions on eleven firms": B is the body in play
            bodies = [e for e in states if e is not None and index.type_of(e) == "PublicBody"]
            body = bodies[0] if bodies else states[0]
            if body is not None:
                self._last_body = (tok.sent.start, body)
        for s in subjects:
            if index.type_of(s) == "Location":
                continue
            for o in states:
                if o != s:  # "Western sanctions": no body to look for elsewhere
                    rule = "sanction-noun:unnamed" if unnamed else "sanction-noun"
                    yield RawClaim("sanctioned_by", s, o, tok, rule)

    def _maker_possessive(self, tok: Token) -> Iterator[RawClaim]:
        """ "Its VTOL drones, the X" / "Acme's X drones": the possessor made the product."""
        owner = None
        for c in tok.children:
            if c.dep_ == "poss":
                owner = self.index.at(c.i)
        if owner is None or self.index.type_of(owner) != "Organization":
            return
        product = self.roles.find(tok, ["Product"], depth=1)
        if product is None and tok.dep_ == "pobj" and tok.head.lower_ == "of":
            holder = tok.head.head
            product = self.roles.find(holder, ["Product"], depth=1)
        if product is not None:
            yield RawClaim("produced", owner, product, tok, "maker-possessive", confidence=0.6)

    # -- phrases --------------------------------------------------------------------------
    def _phrase_hits(
        self, sent: Span, phrases: tuple[str, ...] | list[str]
    ) -> Iterator[tuple[str, int, int]]:
        text = sent.text.lower()
        for phrase in phrases:
            pos = text.find(phrase)
            while pos >= 0:
                before = text[pos - 1] if pos > 0 else " "
                after_i = pos + len(phrase)
                after = text[after_i] if after_i < len(text) else " "
                if not before.isalnum() and not after.isalnum():
                    span = sent.char_span(pos, after_i, alignment_mode="expand")
                    if span is not None:
                        yield phrase, span.start, span.end
                pos = text.find(phrase, pos + 1)

    def _mentions_between(self, start: int, end: int, types: list[str] | None) -> list[int]:
        out: list[int] = []
        for i in range(start, end):
            e = self.index.tok_ent[i]
            if e >= 0 and e not in out and (types is None or self.index.type_of(e) in types):
                out.append(e)
        return out

    def _phrases(self, sent: Span) -> Iterator[RawClaim]:
        doc = sent.doc
        r = self.roles
        for phrase, start, end in self._phrase_hits(sent, list(self.lex.phrases)):
            spec = self.lex.phrases[phrase]
            pred = spec["predicate"]
            anchor = doc[start]
            rule = f"phrase:{phrase}"
            if spec["frame"] == "product_relation":
                after = self._mentions_between(end, min(sent.end, end + 8), ["Product"])
                before = self._mentions_between(sent.start, start, ["Product"])
                if after and before and before[-1] != after[0]:
                    yield RawClaim(pred, before[-1], after[0], anchor, rule, confidence=0.7)
                continue
            stypes = spec.get("subject_types") or list(_ACTORS)
            otypes = spec.get("object_types")
            objects = self._mentions_between(end, min(sent.end, end + 6), otypes)[:1]
            if objects:
                first = doc[end]
                for t in doc[end : min(sent.end, end + 6)]:
                    if self.index.tok_ent[t.i] == objects[0]:
                        first = t
                        break
                objects = r.args(first, otypes) or objects
            subjects: list[int] = []
            has_subject = False  # a subject the grammar names rules out the nearest name
            if anchor.pos_ in ("VERB", "AUX", "ADJ") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children
            ):
                subjects = r.subject(anchor, stypes)
            elif anchor.dep_ == "conj" and anchor.pos_ in ("VERB", "AUX"):
                # "the drone is equipped with X and is used in Ukraine": the drone is used
                subjects = r.subject(anchor, stypes)
                has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.head.children)
            elif anchor.dep_ in ("acl", "amod", "relcl") or anchor.head.dep_ == "acl":
                head = anchor.head if anchor.dep_ in ("acl", "amod") else anchor.head.head
                subjects = r.args(head, stypes)
            elif anchor.dep_ in ("acomp", "attr", "prep"):
                subjects = r.subject(anchor.head, stypes)
            if not subjects and not has_subject:
                near = self._mentions_between(max(sent.start, start - 4), start, stypes)
                subjects = near[-1:]
            for s in subjects:
                for o in objects:
                    if s == o:
                        continue
                    if spec.get("inverse"):
                        yield RawClaim(pred, o, s, anchor, rule, confidence=0.6)
                    else:
                        yield RawClaim(pred, s, o, anchor, rule, confidence=0.6)

    def _no_comment(self, sent: Span) -> Iterator[RawClaim]:
        r = self.roles
        done: set[int] = set()
        for _phrase, start, end in self._phrase_hits(sent, self.lex.no_comment_phrases):
            verbs = [
                t
                for t in sent.doc[start:end]
                if t.pos_ in ("VERB", "AUX")
                and t.lemma_.lower() not in ("do", "be", "could", "have")
            ]
            if not verbs:
                continue
            verb = verbs[0]
            for s in _typed(self.index, r.subject(verb), ["Organization", "PublicBody", "Person"]):
                if s not in done:
                    done.add(s)
                    yield RawClaim(
                        "declined_to_comment", s, None, verb, "no-comment", confidence=0.9
                    )

    def _denial_words(self, sent: Span) -> Iterator[RawClaim]:
        r = self.roles
        for tok in sent:
            if tok.lower_ not in ("unaware",):
                continue
            gov = tok.head if tok.dep_ in ("acomp", "attr", "oprd") else tok
            for s in _typed(self.index, r.subject(gov), ["Organization", "PublicBody", "Person"]):
                yield RawClaim("denied", s, None, tok, "denial-unaware", confidence=0.8)

    def _quoted_denials(self, sent: Span) -> Iterator[RawClaim]:
        """ "We never sold to X," the company said / X said it did not supply ...: a denial
        by the speaker when what is said negates a supply verb."""
        r = self.roles
        lex = self.lex
        for tok in sent:
            if tok.lemma_.lower() not in lex.speech_verbs or tok.pos_ != "VERB":
                continue
            speakers = _typed(self.index, r.subject(tok), ["Organization", "PublicBody", "Person"])
            if not speakers:
                continue
            said = [c for c in sent if c.lemma_.lower() in _SUPPLY_LEMMAS and c.i != tok.i]
            if any(any(g.dep_ == "neg" or g.lower_ == "never" for g in v.children) for v in said):
                for s in speakers:
                    yield RawClaim("denied", s, None, tok, "denial-quoted", confidence=0.7)

    # -- places ---------------------------------------------------------------------------
    def _place_before(self, prep: Token) -> int | None:
        """The place named just before ``prep`` as the object of a place preposition
        ("in Yelabuga [,] in ..."), or None."""
        doc = prep.doc
        i = prep.i - 1
        if i > prep.sent.start and doc[i].text == ",":
            i -= 1
        if i <= prep.sent.start:
            return None
        e = self.index.tok_ent[i]
        if e < 0 or self.index.type_of(e) != "Location":
            return None
        head = doc[i]
        while head.dep_ in ("compound", "poss", "amod", "punct") and head.head is not head:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in self.lex.site_preps:
            return e
        return None

    def _locations(self, sent: Span) -> Iterator[RawClaim]:
        index = self.index
        doc = sent.doc
        lex = self.lex
        for tok in sent:
            e = index.at(tok.i)
            # "X's Y region", "Iran's Z Industries": a place possessing a place or company
            if tok.dep_ == "poss" and e is not None and index.type_of(e) == "Location":
                held = index.at(tok.head.i)
                if (
                    held is not None
                    and held != e
                    and index.type_of(held) in ("Location", "Organization")
                ):
                    yield RawClaim("located_in", held, e, tok, "place-possessive", confidence=0.7)
            # "X in Y", "X's site in Y", "X (in Y)"
            if tok.dep_ == "prep" and tok.lower_ in lex.site_preps:
                head = tok.head
                host = index.at(head.i)
                if host is None and tok.lower_ == "in":
                    # "shipped them to X in St Petersburg": the parser hangs the place on
                    # the verb or its object, but the firm named right before it is what
                    # it locates
                    before = index.tok_ent[tok.i - 1] if tok.i > sent.start else -1
                    if before >= 0 and index.type_of(before) == "Organization":
                        host, head = before, doc[tok.i - 1]
                if host is None and head.lower_ in lex.site_nouns:
                    for c in head.children:
                        if c.dep_ == "poss" and index.at(c.i) is not None:
                            host = index.at(c.i)
                    if host is None and head.dep_ == "pobj" and head.head.lower_ == "with":
                        host = index.at(head.head.head.i)  # "a manufacturer with a plant in Y"
                if host is None or index.type_of(host) not in (
                    "Organization",
                    "Location",
                    "PublicBody",
                ):
                    continue
                if index.at(head.i) is None and tok.lower_ != "in":
                    continue
                if index.at(head.i) is not None and tok.lower_ != "in":
                    continue
                for p in tok.children:
                    if p.dep_ != "pobj":
                        continue
                    place = self.roles.find(p, ["Location"], depth=0)
                    if place is None or place == host:
                        continue
                    inner = self._place_before(tok)
                    if inner is not None and inner != place:
                        # "a plant in Yelabuga in Russia's Tatarstan region": the city is
                        # in the region; the firm is in the city, not (only) the region
                        yield RawClaim(
                            "located_in", inner, place, tok, "place-in-place", confidence=0.7
                        )
                    else:
                        yield RawClaim("located_in", host, place, tok, "place-in", confidence=0.7)
            # "X of Istanbul", "a Dubai company": an organisation's home
            if tok.dep_ == "prep" and tok.lower_ == "of":
                host = index.tok_ent[tok.head.i]
                if host >= 0 and index.type_of(host) == "Organization":
                    for p in tok.children:
                        place = index.tok_ent[p.i] if p.dep_ == "pobj" else -1
                        if place >= 0 and index.type_of(place) == "Location":
                            yield RawClaim(
                                "located_in", host, place, tok, "place-of", confidence=0.7
                            )
            if tok.dep_ == "compound" and e is not None and index.type_of(e) == "Location":
                head = tok.head
                if index.tok_ent[head.i] < 0 and head.lemma_.lower() in lex.org_noun_family:
                    host2 = index.at(head.i)
                    if host2 is not None and index.type_of(host2) == "Organization":
                        yield RawClaim(
                            "located_in", host2, e, tok, "place-descriptor", confidence=0.7
                        )
            # "Moscow-based"
            if tok.lower_ in _PLACE_SUFFIXES and tok.i >= 2 and doc[tok.i - 1].text == "-":
                place = index.at(tok.i - 2)
                if place is not None and index.type_of(place) == "Location":
                    hosts = self.roles.args(tok.head, ("Organization",))
                    if not hosts and tok.head.dep_ == "compound":
                        hosts = self.roles.args(tok.head.head, ("Organization",))
                    for host in hosts:
                        yield RawClaim(
                            "located_in", host, place, tok, "place-based", confidence=0.7
                        )
        # "Izhevsk (in Russia)": the parenthesis seldom parses as a modifier
        for i in range(sent.start + 1, sent.end - 3):
            if doc[i].text == "(" and doc[i + 1].lower_ == "in":
                host = index.at(i - 1)
                place = index.at(i + 2)
                if (
                    host is not None
                    and place is not None
                    and host != place
                    and (
                        index.type_of(place) == "Location"
                        and index.type_of(host) in ("Location", "Organization")
                    )
                ):
                    yield RawClaim(
                        "located_in", host, place, doc[i + 1], "place-paren", confidence=0.7
                    )
