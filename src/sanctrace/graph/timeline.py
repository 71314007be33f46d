"""One entity's claims in time: when things happened, and when reports said so.

Each entry carries the event period the report gives (``claim.time``) and the report's
publication date. Entries are ordered by event start; claims without an event date fall
back to their report date, so a story reads in the order things happened while undated
claims still sit near when they became known.
"""

from __future__ import annotations

from typing import Any

from sanctrace.graph.network import Network
from sanctrace.graph.views import ClaimViews
from sanctrace.store.base import Store


def timeline(store: Store, net: Network, node: int) -> list[dict[str, Any]]:
    """Every claim the entity takes part in, as dated entries, oldest first."""
    claims = sorted(set(net.claims_of[node]))
    views = ClaimViews(store, net, set(claims))
    entries = []
    for c in claims:
        view = views.view(c)
        if view is None:
            continue
        start, end = net.time[c]
        reported = net.published[c]
        entries.append(
            {
                "date": start or reported,
                "dated_by": "event" if start else ("report" if reported else None),
                "event": {"start": start, "end": end, "text": view["time"]["text"]}
                if view["time"]
                else None,
                "reported": reported,
                "claim": view,
            }
        )
    entries.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["reported"] or ""))
    return entries
