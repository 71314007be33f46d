"""Build the network from a store, once per store state.

The assembled :class:`Network` is kept in memory keyed by the store's ``state_token``
(documents, resolution, judgements and screening), so a long-running process (the API,
a notebook, the benchmark) answers routes and candidates without rebuilding; any write
that changes those inputs changes the token and the next call rebuilds.

No garbage-collector tuning: the network keeps its per-entity, per-fact and per-edge
lists in numpy arrays (``arrays.py``), so it adds a few dozen objects for the collector
to track however many claims it holds, and neither disabling the collector while
building nor freezing the heap afterwards (process-wide, wrong for the API server) pays
off any more (``benchmarks/network.py`` prints the figures).
"""

from __future__ import annotations

from sanctrace.graph.lineage import build_lineages
from sanctrace.graph.network import Network, build_network
from sanctrace.resolve import ensure_resolved
from sanctrace.store.base import Store

_CACHE: dict[str, Network] = {}


def load_network(store: Store) -> Network:
    """The store's network, resolved and assembled; cached while the store is unchanged."""
    ensure_resolved(store)
    token = store.state_token()
    if token is not None and token in _CACHE:
        return _CACHE[token]
    lineages = build_lineages(store.documents(), store.doc_entities())
    net = build_network(store.entities(), store.claim_rows(), store.screening(), lineages)
    if token is not None:
        _CACHE.clear()  # one store state at a time: old networks are garbage
        _CACHE[token] = net
    return net
