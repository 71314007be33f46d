"""The store contract: what every backend offers, and the records its queries return.

Callers depend on :class:`Store` only; ``open_store`` in ``__init__`` picks the backend
from the URL scheme. The contract test in ``tests/store/test_contract.py`` runs against
every backend, so a PostgreSQL backend can follow without touching callers.

Writes come in whole units — one document's extraction, one list version, one
resolution — each in a single transaction, so a killed process leaves either the old
state or the new one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType

from sanctrace.model import (
    Claim,
    Designation,
    Document,
    Extraction,
    ListDiff,
    ListMeta,
    ScreenMatch,
)


@dataclass(slots=True)
class EntityRecord:
    """A resolved entity: one actor, place or product across every document."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    documents: int = 0
    mentions: int = 0


@dataclass(slots=True)
class RoleRef:
    """An entity in a claim role: the resolved entity and the name the document used."""

    entity_id: str | None
    name: str
    type: str


@dataclass(slots=True)
class ClaimRecord:
    """A stored claim with its roles resolved and its document named."""

    id: str
    doc_id: str
    claim: Claim
    roles: dict[str, RoleRef]
    document_title: str | None = None
    document_source: str = ""
    document_published: str | None = None


@dataclass(slots=True)
class Judgement:
    """An analyst's decision: merge entity ``a`` with ``b``, or split ``a`` into its mentions."""

    id: str
    kind: str
    a: str
    b: str | None
    note: str
    created_at: str
    active: bool = True


@dataclass(slots=True)
class Resolution:
    """A whole assignment of document entities to resolved entities."""

    entities: list[EntityRecord]
    members: dict[tuple[str, str], str]  # (doc_id, local_id) -> entity id


@dataclass(slots=True)
class DocEntityRow:
    """One entity as one document names it, as resolution reads them."""

    doc_id: str
    local_id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int


@dataclass(slots=True)
class ClaimRow:
    """A claim reduced to what network analysis needs: roles as resolved entity ids.

    Cheap enough to hold a million of; the full :class:`ClaimRecord` (evidence text,
    document title) is read back by id only for the claims an answer shows.
    """

    id: str
    doc_id: str
    predicate: str
    subject: str | None
    object: str | None
    via: str | None
    item: str | None
    location: str | None
    hedged: bool
    negated: bool
    time_start: str | None
    time_end: str | None
    published: str | None
    attribution: list[str] = field(default_factory=list)


class Store(ABC):
    """A sanctrace store. Use as a context manager; close() releases the connection."""

    url: str

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    # documents and extractions
    @abstractmethod
    def has_document(self, sha256: str) -> bool: ...

    @abstractmethod
    def save_extraction(self, extraction: Extraction) -> bool:
        """Store one document with its entities and claims; False if it was already stored."""

    @abstractmethod
    def documents(self) -> list[Document]:
        """Every document, oldest publication first (text included)."""

    @abstractmethod
    def document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def extraction(self, doc_id: str) -> Extraction | None: ...

    @abstractmethod
    def iter_extractions(self) -> Iterator[Extraction]: ...

    @abstractmethod
    def doc_entities(self) -> list[DocEntityRow]: ...

    # resolved entities
    @abstractmethod
    def save_resolution(self, resolution: Resolution) -> None:
        """Replace the whole entity resolution in one transaction."""

    @abstractmethod
    def resolution_fresh(self) -> bool:
        """True when the stored resolution covers every stored document."""

    @abstractmethod
    def entities(self, type: str | None = None) -> list[EntityRecord]: ...

    @abstractmethod
    def entity(self, key: str) -> EntityRecord | None:
        """By id, then by name or alias (case-insensitive)."""

    @abstractmethod
    def search_entities(self, query: str, limit: int = 20) -> list[EntityRecord]: ...

    @abstractmethod
    def members(self, entity_id: str) -> list[tuple[str, str]]:
        """The (doc_id, local_id) pairs resolved into an entity."""

    # claims
    @abstractmethod
    def claims(
        self, entity_id: str | None = None, predicate: str | None = None
    ) -> list[ClaimRecord]: ...

    # network reads: defaults built on the methods above; backends override them for speed
    def member_map(self) -> dict[tuple[str, str], str]:
        """(doc_id, local_id) -> resolved entity id, for every resolved document entity."""
        return {m: e.id for e in self.entities() for m in self.members(e.id)}

    def claim_rows(self) -> Iterator[ClaimRow]:
        """Every claim with its roles as resolved entity ids (None where unresolved)."""
        for r in self.claims():
            c = r.claim

            def ent(role: str, r: ClaimRecord = r) -> str | None:
                ref = r.roles.get(role)
                return ref.entity_id if ref is not None else None

            yield ClaimRow(
                id=r.id,
                doc_id=r.doc_id,
                predicate=c.predicate,
                subject=ent("subject"),
                object=ent("object"),
                via=ent("via"),
                item=ent("item"),
                location=ent("location"),
                hedged=c.hedged,
                negated=c.negated,
                time_start=c.time.start.isoformat() if c.time and c.time.start else None,
                time_end=c.time.end.isoformat() if c.time and c.time.end else None,
                published=r.document_published,
                attribution=list(c.attribution),
            )

    def claims_by_id(self, ids: Iterable[str]) -> list[ClaimRecord]:
        """The stored claims with these ids, in the order of ``claims()``."""
        wanted = set(ids)
        return [r for r in self.claims() if r.id in wanted]

    def state_token(self) -> str | None:
        """A string that changes whenever documents, resolution, judgements or screening
        change, so derived results (the assembled network) can be cached; None: no cache."""
        return None

    # analyst judgements
    @abstractmethod
    def add_judgement(self, kind: str, a: str, b: str | None, note: str = "") -> Judgement: ...

    @abstractmethod
    def judgements(self, include_revoked: bool = False) -> list[Judgement]: ...

    @abstractmethod
    def revoke_judgement(self, judgement_id: str) -> Judgement: ...

    # sanctions lists
    @abstractmethod
    def load_list(self, meta: ListMeta, designations: Iterable[Designation]) -> ListDiff:
        """Replace one list's designations atomically and report what changed."""

    @abstractmethod
    def lists(self) -> list[ListMeta]: ...

    @abstractmethod
    def designations(self, list_key: str | None = None) -> Iterator[Designation]: ...

    @abstractmethod
    def designation(self, list_key: str, list_id: str) -> Designation | None: ...

    # screening
    @abstractmethod
    def save_screening(self, results: dict[str, list[ScreenMatch]]) -> None:
        """Replace all screening results: entity id -> the designations it matched."""

    @abstractmethod
    def screening(self, entity_id: str | None = None) -> dict[str, list[ScreenMatch]]: ...
