"""Cross-document entity resolution: document entities -> resolved entities.

``resolve(store)`` recomputes the whole assignment from every document entity, the
analyst's judgements and the last screening, and saves it in one transaction;
``ensure_resolved(store)`` does so only when documents were added since the last run.
``build_resolution(rows, judgements)`` is the pure function underneath. Judgements name
entities by a stable reference (``entity_ref``), not by id: see ``judgements.py``.
"""

from sanctrace.resolve.apply import ensure_resolved, resolve
from sanctrace.resolve.cluster import build_resolution
from sanctrace.resolve.judgements import entity_ref

__all__ = ["build_resolution", "ensure_resolved", "entity_ref", "resolve"]
