"""How well each claim is supported, and what speaks against it.

``documents`` counts the reports that state the same fact (same predicate between the
same resolved entities, asserted rather than denied); ``lineages`` counts the
independent sources among them (see ``lineage.py``: a rewrite of a story counts once).
Contradictions are flagged beside the claim, never used to drop it:

- ``negation``: another report states the opposite (the same fact, negated);
- ``date``: another report dates the same fact to a period that does not overlap;
- ``denial``: a party to the claim denies it (a ``denied`` claim whose subject is the
  claim's subject or object, about the other party or about nothing in particular).
"""

from __future__ import annotations

from typing import Any

from sanctrace.graph.lineage import settings
from sanctrace.graph.network import Network
from sanctrace.store.base import Store


def _overlap(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool | None:
    """Whether two date ranges overlap; None when either is undated."""
    a0, a1 = a[0], a[1] or a[0]
    b0, b1 = b[0], b[1] or b[0]
    if a0 is None or b0 is None or a1 is None or b1 is None:
        return None
    return a0 <= b1 and b0 <= a1


def contradictions(net: Network, claim: int) -> list[dict[str, Any]]:
    """What other claims in the network say against ``claim``, with their claim ids."""
    out: list[dict[str, Any]] = []
    pred, s, o, negated = net.fact_key(net.fact[claim])
    counterpart = net.fact_of(pred, s, o, not negated)
    if counterpart is not None:
        others = net.fact_claims[counterpart]
        docs = len({net.doc[c] for c in others})
        verb = "asserts" if negated else "denies"
        out.append(
            {
                "kind": "negation",
                "text": f"{docs} report(s) {verb} the same {pred} claim",
                "claims": [net.claim_ids[c] for c in others],
            }
        )
    mine = net.time[claim]
    clashing = [
        c
        for c in net.fact_claims[net.fact[claim]]
        if net.doc[c] != net.doc[claim] and _overlap(mine, net.time[c]) is False
    ]
    if clashing:
        dates = sorted({"..".join(d for d in net.time[c] if d) for c in clashing})
        out.append(
            {
                "kind": "date",
                "text": f"other report(s) date it {', '.join(dates)}",
                "claims": [net.claim_ids[c] for c in clashing],
            }
        )
    if pred in _activity():
        parties = {p for p in (s, o, net.via[claim]) if p >= 0}
        denials = [
            c
            for party in parties
            for c in net.claims_of[party]
            if net.predicate[c] == "denied"
            and not net.negated[c]
            and net.subject[c] == party
            and (net.object[c] < 0 or net.object[c] in parties)
        ]
        if denials:
            who = sorted({net.names[net.subject[c]] for c in denials})
            out.append(
                {
                    "kind": "denial",
                    "text": f"denied by {', '.join(who)}",
                    "claims": [net.claim_ids[c] for c in sorted(set(denials))],
                }
            )
    return out


def _activity() -> frozenset[str]:
    return frozenset(settings()["activity_predicates"])


def claim_extra(net: Network, claim: int) -> dict[str, Any]:
    """The corroboration fields a claim view carries."""
    documents, lineages = net.corroboration(claim)
    return {
        "documents": documents,
        "lineages": lineages,
        "contradictions": contradictions(net, claim),
    }


def corroborate(store: Store, records: list[Any]) -> dict[str, dict[str, Any]]:
    """Claim id -> ``{"documents", "lineages", "contradictions"}`` for stored claims."""
    from sanctrace.graph.assemble import load_network

    net = load_network(store)
    out: dict[str, dict[str, Any]] = {}
    for record in records:
        c = net.claim_index.get(record.id)
        if c is not None:
            out[record.id] = claim_extra(net, c)
    return out
