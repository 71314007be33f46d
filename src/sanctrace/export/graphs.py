"""GEXF and GraphML for Gephi, yEd and networkx: the network of ``network.py``.

Nodes carry label, type, status (sanctioned / candidate / other), designations and
programmes; edges carry the predicate as label, weight (independent sources), document
and claim counts, hedging, negation and the first evidence sentence.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from sanctrace.export.network import build_network, to_networkx
from sanctrace.store.base import Store


def write_gexf(store: Store, path: str | Path) -> nx.MultiDiGraph:
    graph = to_networkx(build_network(store))
    nx.write_gexf(graph, str(path))
    return graph


def write_graphml(store: Store, path: str | Path) -> nx.MultiDiGraph:
    graph = to_networkx(build_network(store))
    nx.write_graphml(graph, str(path))
    return graph
