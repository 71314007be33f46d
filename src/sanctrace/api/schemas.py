"""Pydantic models of what the API accepts and answers: the only place pydantic is used.

Responses are built from the shared JSON views in ``sanctrace.views``; these models
document them in the OpenAPI schema and check them on the way out. Claim views allow
extra fields, because the network layer adds analysis fields (corroboration) to them.
"""

from __future__ import annotations

import builtins
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Designation(BaseModel):
    list: str
    list_id: str
    name: str
    score: float
    programs: builtins.list[str]  # ``list`` is a field name in this class
    explanation: str


class Entity(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    countries: list[str]
    documents: int
    mentions: int
    sanctioned: bool
    designations: list[Designation]


class Role(BaseModel):
    id: str | None
    name: str
    type: str
    sanctioned: bool
    designations: list[str]


class Evidence(BaseModel):
    start: int
    end: int
    text: str


class DocumentRef(BaseModel):
    id: str
    title: str | None
    source: str
    published: str | None


class TimeRef(BaseModel):
    text: str
    start: str | None
    end: str | None


class Claim(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    predicate: str
    subject: Role | None
    object: Role | None
    via: Role | None
    item: Role | None
    location: Role | None
    attribution: list[str]
    hedged: bool
    negated: bool
    time: TimeRef | None
    evidence: Evidence
    document: DocumentRef
    rule: str


class EntityDetail(Entity):
    claims: list[Claim]


class EntityList(BaseModel):
    entities: list[Entity]


class SearchResult(BaseModel):
    query: str
    entities: list[Entity]
    documents: list[DocumentSummary]


class ClaimList(BaseModel):
    claims: list[Claim]


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    author: str | None
    published: str | None
    source: str
    url: str | None
    format: str
    sha256: str
    characters: int


class Mention(BaseModel):
    entity_id: str | None
    local_id: str
    name: str
    type: str
    start: int
    end: int


class DocumentDetail(DocumentSummary):
    text: str
    mentions: list[Mention]
    claims: list[Claim]


class DocumentList(BaseModel):
    documents: list[DocumentSummary]


class GraphEvidence(BaseModel):
    claim: str
    text: str
    document: str
    title: str | None
    hedged: bool
    negated: bool
    attribution: list[str]


class GraphNode(BaseModel):
    id: str
    name: str
    type: str
    status: str = Field(description="sanctioned, candidate or other")
    designations: list[str]
    reported: bool = Field(description="a report states its sanction")
    documents: int


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    predicate: str
    weight: int = Field(description="independent sources (report lineages) stating this link")
    documents: int = Field(description="reports that state this link")
    negated: bool
    hedged: bool
    via: bool
    evidence: list[GraphEvidence]


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class RouteEnd(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    type: str
    status: str = Field(description="designated, reported or not sanctioned")
    designations: list[dict[str, Any]]


class RouteHop(BaseModel):
    model_config = ConfigDict(extra="allow")

    from_: str = Field(alias="from")
    to: str
    predicate: str
    via_hop: bool
    documents: int
    lineages: int
    hedged: bool
    claims: list[Claim]


class Route(BaseModel):
    model_config = ConfigDict(extra="allow")

    path: list[str]
    ids: list[str]
    hops: list[RouteHop]
    end: RouteEnd


class RouteList(BaseModel):
    routes: list[Route]
    truncated: bool = Field(description="the search budget ran out before every route")


class Reason(BaseModel):
    model_config = ConfigDict(extra="allow")

    kind: str
    text: str
    target: str
    weight: float
    hops: int
    claims: list[Claim]


class Candidate(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    type: str
    score: float
    reasons: list[Reason]


class CandidateList(BaseModel):
    candidates: list[Candidate]


class Timeline(BaseModel):
    timeline: list[dict[str, Any]]


class ScreenMatch(Designation):
    matched_alias: str


class ScreenResult(BaseModel):
    query: str
    matches: list[ScreenMatch]


class IngestResult(BaseModel):
    ingested: list[dict[str, Any]]
    duplicates: list[dict[str, Any]]
    failed: list[dict[str, str]]


class MergeRequest(BaseModel):
    a: str = Field(description="entity id or name to merge")
    b: str = Field(description="entity id or name to merge it with")
    note: str = ""


class SplitRequest(BaseModel):
    entity: str = Field(description="entity id or name whose automatic merges to undo")
    note: str = ""


class JudgementResult(BaseModel):
    judgement: dict[str, Any]
    entity: Entity | None


class LoadedList(BaseModel):
    key: str
    source: str
    format: str
    published: str | None
    count: int
    sha256: str
    added: int
    removed: int
    changed: int
    unchanged: int
    reload: bool = Field(description="a previous version of this list was replaced")


class ListLoadResult(BaseModel):
    lists: list[LoadedList]
    screened: int | None = Field(description="actors screened again after the load")
    flagged: int | None = Field(description="of them, how many match a listed name")


SearchResult.model_rebuild()
