"""JSON views of network answers: claims with corroboration, sanctioned ends.

Answers hold claim numbers; the evidence text, document title and role names are read
back from the store only for the claims an answer shows (``Store.claims_by_id``).
"""

from __future__ import annotations

from typing import Any

from sanctrace.graph.corroboration import claim_extra
from sanctrace.graph.network import Network
from sanctrace.model import ScreenMatch
from sanctrace.store.base import Store
from sanctrace.views import claim_view, match_view


def screening_by_id(net: Network) -> dict[str, list[ScreenMatch]]:
    return {net.entity_ids[n]: matches for n, matches in net.designations.items()}


class ClaimViews:
    """Claim views for one answer, fetched from the store in one query."""

    def __init__(self, store: Store, net: Network, claims: set[int]) -> None:
        self.net = net
        self.screening = screening_by_id(net)
        records = store.claims_by_id(net.claim_ids[c] for c in claims)
        self.records = {r.id: r for r in records}

    def view(self, claim: int, **extra: Any) -> dict[str, Any] | None:
        record = self.records.get(self.net.claim_ids[claim])
        if record is None:
            return None
        return claim_view(record, self.screening, claim_extra(self.net, claim) | extra)

    def views(self, claims: list[int], **extra: Any) -> list[dict[str, Any]]:
        out = [self.view(c, **extra) for c in claims]
        return [v for v in out if v is not None]


def sanctions_view(net: Network, node: int) -> dict[str, Any]:
    """Why an entity counts as sanctioned: list designations, then what reports say."""
    designations: list[dict[str, Any]] = [
        match_view(m) | {"status": "designated"} for m in net.designations.get(node, [])
    ]
    for c in net.reported.get(node, []):
        by = net.object[c]
        designations.append(
            {
                "list": None,
                "status": "reported",
                "by": net.names[by] if by >= 0 else None,
                "claim": net.claim_ids[c],
                "hedged": net.hedged[c],
            }
        )
    return {
        "id": net.entity_ids[node],
        "name": net.names[node],
        "type": net.types[node],
        "status": "designated" if node in net.designations else "reported",
        "designations": designations,
    }
