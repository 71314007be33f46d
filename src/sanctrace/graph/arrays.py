"""Flat numpy arrays behind the network: few objects, whatever the number of claims.

A million-claim network held as Python lists of lists is millions of small containers,
and every full pass of Python's cyclic garbage collector walks all of them (seconds, at
unpredictable moments, in a long-lived server). Held as arrays it is a few dozen
objects. Two shapes:

- :class:`Csr` — one list of numbers per row (an entity's claims, a node's in-edges, a
  fact's claims) as one offsets array and one values array; ``csr[i]`` gives row i as a
  plain list, cheap enough for path searches that look at a few thousand rows;
- :class:`NetworkArrays` — one int32 or bool per claim, edge or entity, for questions
  about every actor at once (the candidate ranking), answered in vectorised passes.

``first_appearance`` and ``distinct`` number keys with sorts rather than dictionaries.
"""

from __future__ import annotations

from array import array as pyarray
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int32]
Longs = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


class Csr:
    """Rows of numbers: row i is ``values[ptr[i]:ptr[i + 1]]``.

    Kept twice: as numpy arrays for vectorised passes, and as ``array.array`` copies for
    ``csr[i]``, which a path search calls tens of thousands of times per query (slicing
    an ``array.array`` is a few times faster than slicing numpy, and neither is an object
    the garbage collector walks).
    """

    __slots__ = ("_ptr", "_values", "ptr", "values")

    def __init__(self, ptr: Longs, values: npt.NDArray[Any]) -> None:
        self.ptr, self.values = ptr, values
        self._ptr = pyarray("q", ptr.astype(np.int64).tobytes())
        self._values = pyarray(values.dtype.char, values.tobytes())

    @classmethod
    def group(
        cls, rows: npt.NDArray[np.integer[Any]], values: npt.NDArray[Any], n_rows: int
    ) -> Csr:
        """Values grouped by row number, in their given order within each row."""
        order = np.argsort(rows, kind="stable")
        ptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=ptr[1:])
        return cls(ptr, values[order])

    def __getitem__(self, row: int) -> list[int]:
        ptr = self._ptr
        return self._values[ptr[row] : ptr[row + 1]].tolist()

    def __len__(self) -> int:
        return len(self.ptr) - 1

    def sizes(self) -> Longs:
        return np.diff(self.ptr)


@dataclass(slots=True, frozen=True)
class NetworkArrays:
    """Per claim: roles (entity number or -1), predicate code, hedged, negated, lineage.
    Per edge: tail, head, and its claims. Per entity: type code. Edges into a node are
    ``in_edge[in_ptr[n]:in_ptr[n + 1]]``, in the order of ``Network.in_edges``."""

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
    edge_claim_ptr: Longs
    edge_claim: Ints
    in_ptr: Longs
    in_edge: Ints

    def predicate_code(self, name: str) -> int:
        """The code of a predicate, or -1 when no claim has it."""
        return self.predicates.index(name) if name in self.predicates else -1

    def type_mask(self, names: set[str] | frozenset[str]) -> Bools:
        """Entities whose type is one of ``names``."""
        codes = [i for i, t in enumerate(self.types) if t in names]
        return np.isin(self.entity_type, np.asarray(codes, dtype=np.int32))


def codes(values: list[str]) -> tuple[tuple[str, ...], Ints]:
    """Strings as small integer codes, and the vocabulary in first-seen order."""
    vocab: dict[str, int] = {}
    out = np.fromiter(
        (vocab.setdefault(v, len(vocab)) for v in values), dtype=np.int32, count=len(values)
    )
    return tuple(vocab), out


def ints(values: list[int]) -> Ints:
    return np.fromiter(values, dtype=np.int32, count=len(values))


def plain(values: npt.NDArray[Any]) -> pyarray[int]:
    """An int32 array as an ``array.array``: indexed from Python as fast as a list, and
    not a container the garbage collector walks."""
    return pyarray("i", values.astype(np.int32).tobytes())


def distinct(ordered: Longs) -> Bools:
    """For sorted values: True where a value differs from the one before."""
    flags = np.empty(len(ordered), dtype=np.bool_)
    flags[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=flags[1:])
    return flags


def unique(values: Longs) -> Longs:
    """Sorted distinct values. Packing what belongs together into one int64 and sorting
    that (quicksort) is several times faster than argsort, lexsort or ``np.unique``."""
    ordered = np.sort(values)
    return ordered[distinct(ordered)]


def first_appearance(keys: Longs) -> tuple[Longs, Longs]:
    """Number distinct keys in the order they first appear.

    Returns each key's number and, per number, the position where it first appears.
    """
    order = np.argsort(keys, kind="stable")
    new = distinct(keys[order])
    first = order[new]  # per group (in key order): its first position
    number_of_group = np.empty(len(first), dtype=np.int64)
    by_position = np.argsort(first)
    number_of_group[by_position] = np.arange(len(first))
    numbers = np.empty(len(keys), dtype=np.int64)
    numbers[order] = number_of_group[np.cumsum(new) - 1]
    return numbers, first[by_position]
