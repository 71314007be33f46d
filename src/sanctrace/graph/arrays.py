"""The network's claims and route edges as flat numpy arrays, for whole-network passes.

Path queries walk a few nodes and are fastest over the Python lists in ``network.py``;
questions about every actor at once (the candidate ranking) are a handful of vectorised
passes over a million claims, which needs the same facts as compact arrays: one int32
or bool per claim or edge, and edges grouped by their head in CSR form (``in_ptr``,
``in_edge``) in the same order as ``Network.in_edges``. Built once with the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sanctrace.graph.network import Network

Ints = npt.NDArray[np.int32]
Bools = npt.NDArray[np.bool_]


@dataclass(slots=True, frozen=True)
class NetworkArrays:
    """Per claim: roles (entity number or -1), predicate code, hedged, negated, lineage.
    Per edge: tail, head, and its claims (CSR). Per entity: type code."""

    predicates: tuple[str, ...]  # predicate code -> name
    types: tuple[str, ...]  # type code -> name
    entity_type: Ints
    predicate: Ints
    subject: Ints
    object: Ints
    via: Ints
    item: Ints
    hedged: Bools
    negated: Bools
    lineage: Ints
    edge_src: Ints
    edge_dst: Ints
    edge_claim_ptr: Ints  # claims of edge e: edge_claim[edge_claim_ptr[e]:edge_claim_ptr[e+1]]
    edge_claim: Ints
    in_ptr: Ints  # edges into node n: in_edge[in_ptr[n]:in_ptr[n+1]], in creation order
    in_edge: Ints

    def predicate_code(self, name: str) -> int:
        """The code of a predicate, or -1 when no claim has it."""
        return self.predicates.index(name) if name in self.predicates else -1

    def type_mask(self, names: set[str] | frozenset[str]) -> Bools:
        """Entities whose type is one of ``names``."""
        codes = [i for i, t in enumerate(self.types) if t in names]
        return np.isin(self.entity_type, np.asarray(codes, dtype=np.int32))


def _codes(values: list[str]) -> tuple[tuple[str, ...], Ints]:
    """Small-vocabulary strings as codes (the vocabulary in first-seen order)."""
    vocab: dict[str, int] = {}
    codes = np.fromiter(
        (vocab.setdefault(v, len(vocab)) for v in values), dtype=np.int32, count=len(values)
    )
    return tuple(vocab), codes


def _ints(values: list[int]) -> Ints:
    return np.fromiter(values, dtype=np.int32, count=len(values))


def compact(net: Network) -> NetworkArrays:
    """The arrays for one network; linear in its claims and edges."""
    n = len(net.names)
    types, entity_type = _codes(net.types)
    predicates, predicate = _codes(net.predicate)
    lineage_of: dict[str, int] = {}
    of = net.lineages.of if net.lineages is not None else (lambda d: d)
    doc_lineage: dict[str, int] = {}
    for d in set(net.doc):
        doc_lineage[d] = lineage_of.setdefault(of(d), len(lineage_of))
    lineage = np.fromiter((doc_lineage[d] for d in net.doc), dtype=np.int32, count=len(net.doc))
    edge_src, edge_dst = _ints(net.edge_src), _ints(net.edge_dst)
    sizes = np.fromiter((len(e.claims) for e in net.edges), dtype=np.int64, count=len(net.edges))
    edge_claim_ptr = np.zeros(len(net.edges) + 1, dtype=np.int64)
    np.cumsum(sizes, out=edge_claim_ptr[1:])
    edge_claim = np.fromiter(
        chain.from_iterable(e.claims for e in net.edges),
        dtype=np.int32,
        count=int(edge_claim_ptr[-1]),
    )
    in_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(edge_dst, minlength=n), out=in_ptr[1:])
    return NetworkArrays(
        predicates=predicates,
        types=types,
        entity_type=entity_type,
        predicate=predicate,
        subject=_ints(net.subject),
        object=_ints(net.object),
        via=_ints(net.via),
        item=_ints(net.item),
        hedged=np.asarray(net.hedged, dtype=np.bool_),
        negated=np.asarray(net.negated, dtype=np.bool_),
        lineage=lineage,
        edge_src=edge_src,
        edge_dst=edge_dst,
        edge_claim_ptr=edge_claim_ptr.astype(np.int32),
        edge_claim=edge_claim,
        in_ptr=in_ptr.astype(np.int32),
        in_edge=np.argsort(edge_dst, kind="stable").astype(np.int32),
    )
