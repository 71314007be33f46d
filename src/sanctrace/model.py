"""The records sanctrace passes between its stages.

Inside the package these are slotted dataclasses (cheap to create by the million);
pydantic appears only at the edges (API schemas, configuration). Every id is a
deterministic hash of what the record *is*, so that running the same input twice
produces the same ids and re-ingesting is idempotent.

    Document   one report as read from a file, URL or feed item
    Entity     an actor, place or product as extracted from one document (local id "e1")
    Claim      who did what to whom, with attribution, hedging, time and its Evidence
    Extraction a Document with its entities and claims: the unit that is stored
    Designation one listing of one actor on one sanctions list
"""

from __future__ import annotations

import builtins
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityType = Literal["Person", "Organization", "PublicBody", "Location", "Product", "Group"]
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Organization",
    "PublicBody",
    "Location",
    "Product",
    "Group",
)

# The scored predicate vocabulary of ../shared/eval/FORMAT.md; extractors may add more.
PREDICATES: tuple[str, ...] = (
    "supplied",
    "visited",
    "collaborated_with",
    "assisted",
    "trained",
    "developed",
    "produced",
    "tested",
    "sanctioned_by",
    "modelled_on",
    "located_in",
    "officer_of",
    "owns",
    "subsidiary_of",
    "front_for",
    "associated_with",
    "used_in",
    "denied",
    "declined_to_comment",
)

LIST_KEYS: tuple[str, ...] = ("ofac", "eu", "uk", "un", "opensanctions")


def make_id(prefix: str, *parts: object) -> str:
    """A short stable id: ``prefix-`` and 16 hex digits of a hash of the parts.

    Parts are joined with a unit separator so that ("ab", "c") and ("a", "bc") differ.
    """
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha256(raw.encode('utf-8')).hexdigest()[:16]}"


@dataclass(slots=True)
class Document:
    """One report, its text kept exactly as extracted so that offsets stay valid."""

    sha256: str
    text: str
    source: str
    format: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None

    @property
    def id(self) -> str:
        return f"doc-{self.sha256[:16]}"

    @property
    def file(self) -> str:
        """The file name (or URL) as the evaluation contract names documents."""
        return self.source.rsplit("/", 1)[-1] if "://" not in self.source else self.source


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """An actor, place or product as one document names it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class TimeRef:
    """When a claim happened: the words used, and the dates they resolve to if known."""

    text: str
    start: date | None = None
    end: date | None = None


@dataclass(slots=True, frozen=True)
class Evidence:
    """The exact span of the document text that states the claim."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    """A statement that ``subject`` did ``predicate`` to ``object``, as one document says.

    Role fields hold local entity ids of the same document, or None where the text does
    not say. ``rule`` names the pattern or model that produced the claim.
    """

    predicate: str
    subject: str | None
    object: str | None
    evidence: Evidence
    via: str | None = None
    item: str | None = None
    location: str | None = None
    attribution: list[str] = field(default_factory=list)
    hedged: bool = False
    negated: bool = False
    time: TimeRef | None = None
    rule: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Extraction:
    """What the extractor found in one document; stored in one transaction."""

    document: Document
    entities: list[Entity]
    claims: list[Claim]
    model: str = ""


@dataclass(slots=True)
class Designation:
    """One listing of one actor on one sanctions list, as the list states it.

    The field ``list`` (the list key) shadows the builtin inside the class body, hence
    ``builtins.list`` in the annotations below.
    """

    list: str
    list_id: str
    name: str
    schema: str = "LegalEntity"
    authority: str = ""
    programs: builtins.list[str] = field(default_factory=builtins.list)
    aliases: builtins.list[str] = field(default_factory=builtins.list)
    countries: builtins.list[str] = field(default_factory=builtins.list)
    addresses: builtins.list[str] = field(default_factory=builtins.list)
    identifiers: dict[str, builtins.list[str]] = field(default_factory=dict)
    listed_on: date | None = None
    reasons: str | None = None
    links: builtins.list[str] = field(default_factory=builtins.list)

    @property
    def id(self) -> str:
        return f"{self.list}:{self.list_id}"

    @property
    def names(self) -> builtins.list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]


@dataclass(slots=True)
class ListMeta:
    """One loaded version of one sanctions list."""

    key: str
    source: str
    format: str
    sha256: str
    published: date | None = None
    count: int = 0
    loaded_at: str = ""


@dataclass(slots=True)
class ListDiff:
    """What loading a newer version of a list changed, by designation list_id."""

    key: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0


@dataclass(slots=True)
class ScreenMatch:
    """One designation that a name matched, with the score and why."""

    list: str
    list_id: str
    name: str
    score: float
    programs: builtins.list[str] = field(default_factory=builtins.list)
    explanation: str = ""
    matched_alias: str = ""
