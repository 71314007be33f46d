"""What surrounds a claim: who says so (attribution), how sure (hedging), whether it is
negated, and when. Cue words come from ``data/cues.json``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from sanctrace.extract.lexicon import Lexicon
from sanctrace.extract.timex import resolve
from sanctrace.model import TimeRef

_UP = frozenset({"xcomp", "ccomp", "conj", "aux", "auxpass", "acomp", "prep", "pobj", "amod"})
_NP_DROP = frozenset({"cc", "conj", "punct"})


def _np_text(tok: Token) -> str:
    """The words of a noun phrase without its coordinated siblings."""
    toks = [tok]
    stack = [c for c in tok.children if c.dep_ not in _NP_DROP]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("punct",))
    toks.sort(key=lambda t: t.i)
    lo, hi = toks[0].i, toks[-1].i + 1
    span = tok.doc[lo:hi]
    while len(span) and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    return span.text.strip(" ,")


def _coordinated(tok: Token) -> list[str]:
    """Each coordinated noun phrase as its own source, split by position so that a
    modifier the parser hung on the first conjunct stays with the last one."""
    heads = sorted((tok, *tok.conjuncts), key=lambda t: t.i)
    if len(heads) == 1:
        return [_np_text(tok)]
    doc = tok.doc
    end = max(t.i for h in heads for t in h.subtree) + 1
    starts = [min(t.i for t in heads[0].subtree)]
    starts += [h.left_edge.i for h in heads[1:]]
    out: list[str] = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else end
        span = doc[start:stop]
        while len(span) and (span[-1].dep_ in ("cc", "punct") or span[-1].is_punct):
            span = span[:-1]
        while len(span) and span[0].lower_ in ("the", "a", "an"):
            span = span[1:]
        if len(span):
            out.append(span.text)
    return out


def attribution(sent: Span, anchor: Token, lex: Lexicon) -> list[str]:
    """Sources the sentence gives for the claim at ``anchor``."""
    out: list[str] = []
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
        ):
            for p in sent.doc[tok.i + 1].children:
                if p.dep_ == "pobj":
                    out.extend(_coordinated(p))
    node = anchor
    for _ in range(8):
        if node.dep_ == "ROOT" or node.head is node:
            break
        came_from = node
        node = node.head
        if node.lemma_.lower() in lex.attribution_verbs and came_from.dep_ in (
            "ccomp",
            "xcomp",
            "advcl",
            "conj",
        ):
            for c in node.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    out.extend(_coordinated(c))
    seen: list[str] = []
    for a in out:
        if a and a not in seen:
            seen.append(a)
    return seen


def hedged(anchor: Token, lex: Lexicon) -> bool:
    """True where a hedging cue governs the claim: "reportedly", "appears to", "hint that"."""
    node = anchor
    for _ in range(6):
        if node.lower_ in lex.hedge_words or node.lemma_.lower() in lex.hedge_verbs:
            return True
        for c in node.children:
            if c.dep_ in ("advmod", "aux", "amod") and c.lower_ in lex.hedge_words:
                return True
            if c.dep_ == "mark" and c.lower_ == "that" and c.i > 0:
                before = node.doc[
                    c.i - 1
                ]  # "logs hint that ...", even when "hint" parses as a noun
                if before.lemma_.lower() in lex.hedge_verbs:
                    return True
        if node.dep_ not in _UP or node.head is node:
            return False
        node = node.head
    return False


def negated(anchor: Token, lex: Lexicon) -> bool:
    """ "did not supply", "never provided", and claims a denial governs ("denied selling")."""
    for c in anchor.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return True
    node = anchor
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep") or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in ("deny", "refute", "dispute", "reject"):
            return True
    return False


def when(sent: Span, anchor: Token, published: date | None) -> TimeRef | None:
    """The date expression nearest the claim's trigger in its sentence, resolved."""
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if not dates:
        return None
    best = min(dates, key=lambda e: abs(e.start - anchor.i))
    text = best.text
    start = best.start
    if start > sent.start and sent.doc[start - 1].lower_ in ("since", "from"):
        text = f"{sent.doc[start - 1].text} {text}"
    return resolve(text, published)
