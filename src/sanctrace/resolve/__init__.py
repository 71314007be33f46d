"""Cross-document entity resolution: document entities -> resolved entities.

``resolve(store)`` recomputes the whole assignment from every document entity and the
analyst's judgements, and saves it in one transaction; ``ensure_resolved(store)`` does so
only when documents were added since the last run.
"""

from sanctrace.resolve.cluster import build_resolution, ensure_resolved, resolve

__all__ = ["build_resolution", "ensure_resolved", "resolve"]
