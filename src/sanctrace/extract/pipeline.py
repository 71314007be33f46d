"""The Extractor: a spaCy pipeline plus the rule layers, from Document to Extraction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sanctrace.errors import ModelError
from sanctrace.extract import segment
from sanctrace.extract.claims import ClaimFinder
from sanctrace.extract.context import attribution, hedged, negated, when
from sanctrace.extract.coref import EntityIndex
from sanctrace.extract.entities import cluster_mentions
from sanctrace.extract.lexicon import Lexicon, load_lexicon
from sanctrace.extract.mentions import find_mentions
from sanctrace.extract.rawclaim import RawClaim
from sanctrace.model import Claim, Document, Entity, Evidence, Extraction, Span
from sanctrace.settings import get_settings


def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline and add the line-break sentence rule before parsing."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed; install it (see requirements/model.txt)"
            " or set SANCTRACE_SPACY_MODEL to an installed pipeline",
            source=model,
        ) from exc
    lex = load_lexicon()
    for word in lex.tokenizer_keep:  # "re-exported" stays one verb
        for form in (word, word[:1].upper() + word[1:]):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])  # type: ignore[union-attr]
    tokenizer = nlp.tokenizer
    earlier = getattr(tokenizer, "token_match", None)
    whole = lex.tokenizer_whole.match

    def token_match(text: str) -> bool:  # "Zenit-4M" stays one token, not "Zenit-4" + "M"
        return bool(whole(text)) or bool(earlier is not None and earlier(text))

    tokenizer.token_match = token_match  # type: ignore[union-attr]
    if segment.COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before is not None:
            nlp.add_pipe(segment.COMPONENT, before=before)
        else:
            nlp.add_pipe(segment.COMPONENT, first=True)
    return nlp


class Extractor:
    """Turns Documents into Extractions: entities with mentions, claims with evidence."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model or get_settings().spacy_model
        self.nlp = load_pipeline(self.model)
        self.lex: Lexicon = load_lexicon()
        version = self.nlp.meta.get("version", "0")
        self.name = f"{self.model}-{version}+{self.lex.version}"

    def extract(self, document: Document) -> Extraction:
        return self._build(document, self.nlp(document.text))

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Extract from many documents, parsing them in batches through ``nlp.pipe``."""
        docs = list(documents) if not isinstance(documents, list) else documents
        texts = (d.text for d in docs)
        for document, sdoc in zip(docs, self.nlp.pipe(texts, batch_size=batch_size), strict=True):
            yield self._build(document, sdoc)

    # -- assembly -------------------------------------------------------------------------
    def _build(self, document: Document, doc: Doc) -> Extraction:
        lex = self.lex
        heading = [False] * len(doc)
        ranges = segment.heading_ranges(document.text)
        tail = segment.tail_start(document.text, ranges, lex.tail_headings)
        if tail is not None:  # comments, related links: the page, not the report
            ranges = [r for r in ranges if r[1] <= tail] + [(tail, len(document.text))]
        if ranges:
            r = 0
            for tok in doc:
                while r < len(ranges) and ranges[r][1] <= tok.idx:
                    r += 1
                if r < len(ranges) and ranges[r][0] <= tok.idx < ranges[r][1]:
                    heading[tok.i] = True
        mentions = find_mentions(doc, lex)
        clusters = cluster_mentions(doc, mentions, lex)
        tail_tok = None
        if tail is not None:
            tail_tok = next((t.i for t in doc if t.idx >= tail), len(doc))
        index = EntityIndex(doc, clusters, lex, heading, tail_tok)
        order = sorted(range(len(index.clusters)), key=lambda e: index.spans(e)[0][0])
        ids = {e: f"e{n + 1}" for n, e in enumerate(order)}
        entities = [
            Entity(
                id=ids[e],
                name=index.clusters[e].name,
                type=index.clusters[e].type,
                aliases=index.aliases(e),
                mentions=[Span(s, t) for s, t in index.spans(e)],
            )
            for e in order
        ]
        finder = ClaimFinder(index, lex)
        claims: list[Claim] = []
        seen: set[tuple] = set()
        for sent in doc.sents:
            if heading[sent.start] or not sent.text.strip():
                continue
            for raw in finder.sentence(sent):
                key = (sent.start, raw.predicate, raw.subject, raw.object, raw.via)
                if key in seen:
                    continue
                seen.add(key)
                claims.append(self._claim(document, sent, raw, ids))
        claims = _drop_subsumed(claims)
        located = {ids[e] for e in range(len(index.clusters)) if index.type_of(e) == "Location"}
        claims += _chains(claims, located)
        return Extraction(document=document, entities=entities, claims=claims, model=self.name)

    def _claim(self, document: Document, sent, raw: RawClaim, ids: dict[int, str]) -> Claim:
        text = document.text
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        lex = self.lex
        contextless = raw.predicate in ("declined_to_comment", "denied")

        def rid(e: int | None) -> str | None:
            return None if e is None else ids[e]

        return Claim(
            predicate=raw.predicate,
            subject=rid(raw.subject),
            object=rid(raw.object),
            via=rid(raw.via),
            item=rid(raw.item),
            location=rid(raw.location),
            attribution=attribution(sent, raw.anchor, lex),
            hedged=False if contextless else hedged(raw.anchor, lex),
            negated=False if contextless or raw.affirmed else negated(raw.anchor, lex),
            time=when(sent, raw.anchor, document.published),
            evidence=Evidence(start, end, text[start:end]),
            rule=raw.rule,
            confidence=raw.confidence,
        )


def _drop_subsumed(claims: list[Claim]) -> list[Claim]:
    """Within one sentence, a supplied claim with a null role is dropped when another claim
    of the same sentence says the same with that role filled."""
    out: list[Claim] = []
    for c in claims:
        if c.predicate == "supplied":
            if any(
                o is not c
                and o.predicate == "supplied"
                and o.evidence.start == c.evidence.start
                and all(
                    getattr(c, f) is None or getattr(c, f) == getattr(o, f)
                    for f in ("subject", "object", "via")
                )
                and sum(getattr(o, f) is not None for f in ("subject", "object", "via"))
                > sum(getattr(c, f) is not None for f in ("subject", "object", "via"))
                for o in claims
            ):
                continue
        out.append(c)
    return out


def _chains(claims: list[Claim], places: set[str]) -> list[Claim]:
    """A supplied B and B supplied C (both stated, neither through an intermediary):
    A supplied C via B. Stated with the later sentence as evidence and lower confidence."""
    direct = [
        c
        for c in claims
        if c.predicate == "supplied"
        and c.subject
        and c.object
        and c.via is None
        and not c.negated
        and c.subject not in places
        and c.object not in places
    ]
    have = {(c.subject, c.object, c.via) for c in claims if c.predicate == "supplied"}
    out: list[Claim] = []
    for first in direct:
        for second in direct:
            if first.object != second.subject or first.subject == second.object:
                continue
            key = (first.subject, second.object, first.object)
            if key in have:
                continue
            have.add(key)
            later = second if second.evidence.start >= first.evidence.start else first
            out.append(
                Claim(
                    predicate="supplied",
                    subject=first.subject,
                    object=second.object,
                    via=first.object,
                    item=first.item or second.item,
                    attribution=list(later.attribution),
                    hedged=first.hedged or second.hedged,
                    time=later.time,
                    evidence=later.evidence,
                    rule="chain:supplied+supplied",
                    confidence=round(min(first.confidence, second.confidence) * 0.8, 2),
                )
            )
    return out
