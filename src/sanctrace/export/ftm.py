"""FollowTheMoney export: the store as entities that followthemoney, Aleph and yente load.

    resolved entity      Person / Organization / PublicBody / Address (places) / Asset
                         (products), with aliases, countries, and topic ``sanction``
                         when a designation matched
    designation match    Sanction: entity, authority, program, listingDate, sourceUrl
    report               Article: title, publisher, author, publishedAt, bodyText
    mention              Documentation: the article documents the entity
    claim                Ownership / Directorship / Associate where the roles fit the
                         schema (``data/ftm.json``), else UnknownLink with role = the
                         predicate; the evidence sentence in ``summary``, attribution,
                         hedging and negation in ``description``, the article in ``proof``
    reported sanction    Sanction with status "reported" (a ``sanctioned_by`` claim)

Ids are deterministic: entities keep sanctrace's ids, everything else hashes what it
records, so two exports of the same store are identical line for line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from rigour.territories import get_territories

from sanctrace.model import make_id
from sanctrace.store.base import ClaimRecord, EntityRecord, Store


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    raw = resources.files("sanctrace.export").joinpath("data/ftm.json").read_text("utf-8")
    return json.loads(raw)


def _make(schema: str, entity_id: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    return proxy


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Casefolded names and codes of countries and territories -> FtM country code.

    Built from rigour's territory table by exact names only: rigour's own lookup also
    maps cities to their country ("Minsk" -> by) and takes seconds to index, where a
    Location entity is a country only when it is named as one.
    """
    names: dict[str, str] = {}
    for t in get_territories():
        if t.ftm_country != t.code or not (t.is_country or t.is_jurisdiction):
            continue
        for name in (t.name, t.full_name, t.code, t.alpha3):
            if name:
                names.setdefault(name.casefold(), t.code)
    return names


def country_code(name: str) -> str | None:
    """The FtM country code when ``name`` names a country or territory, else None."""
    plain = " ".join(name.split()).casefold()
    plain = plain.removeprefix("the ")
    return _country_names().get(plain)


def _entity(e: EntityRecord, sanctioned: bool) -> EntityProxy:
    schema = mapping()["entity_schemata"].get(e.type, "LegalEntity")
    proxy = _make(schema, e.id)
    proxy.add("name", e.name)
    if schema == "Address":
        proxy.add("full", e.name)
        proxy.add("country", country_code(e.name), cleaned=True)
    else:
        proxy.add("alias", [a for a in e.aliases if a != e.name])
        proxy.add("country", e.countries)
    if sanctioned:
        proxy.add("topics", "sanction")
    return proxy


def _document(store: Store, doc_id: str) -> EntityProxy | None:
    doc = store.document(doc_id)
    if doc is None:
        return None
    proxy = _make("Article", doc.id)
    proxy.add("title", doc.title or doc.file)
    proxy.add("fileName", doc.file)
    proxy.add("publisher", doc.publisher)
    proxy.add("author", doc.author)
    proxy.add("publishedAt", doc.published.isoformat() if doc.published else None)
    proxy.add("sourceUrl", doc.url)
    proxy.add("contentHash", doc.sha256)
    proxy.add("language", doc.language)
    proxy.add("bodyText", doc.text)
    return proxy


def _fits(schema: str, prop: str, entity: EntityProxy) -> bool:
    """Whether ``entity`` may fill property ``prop`` of an edge schema (its range)."""
    edge = model.get(schema)
    field = edge.get(prop) if edge is not None else None
    if field is None or field.range is None:
        raise ValueError(f"data/ftm.json names {schema}.{prop}, which FollowTheMoney lacks")
    return entity.schema.is_a(field.range)


def _describe(record: ClaimRecord) -> str:
    c = record.claim
    parts = [f"{c.predicate.replace('_', ' ')} (sanctrace claim {record.id}, rule {c.rule})"]
    via = record.roles.get("via")
    item = record.roles.get("item")
    if via is not None:
        parts.append(f"via {via.name}")
    if item is not None:
        parts.append(f"item: {item.name}")
    if c.attribution:
        parts.append("according to " + "; ".join(c.attribution))
    if c.hedged:
        parts.append("hedged")
    if c.negated:
        parts.append("negated: the report says this did not happen")
    if c.time is not None:
        parts.append(f"time: {c.time.text}")
    return "; ".join(parts)


def _interval(proxy: EntityProxy, record: ClaimRecord) -> None:
    c = record.claim
    proxy.add("summary", c.evidence.text.strip())
    proxy.add("description", _describe(record))
    proxy.add("proof", record.doc_id)
    proxy.add("recordId", record.id)
    if c.time is not None:
        proxy.add("startDate", c.time.start.isoformat() if c.time.start else None)
        proxy.add("endDate", c.time.end.isoformat() if c.time.end else None)
    if c.negated:
        proxy.add("status", "negated")


def _claim_links(record: ClaimRecord, proxies: dict[str, EntityProxy]) -> Iterator[EntityProxy]:
    c = record.claim
    ids = {role: ref.entity_id for role, ref in record.roles.items() if ref.entity_id}
    subject, obj = ids.get("subject"), ids.get("object")
    if subject not in proxies or obj not in proxies or subject == obj:
        return
    assert subject is not None and obj is not None
    if c.predicate == "sanctioned_by" and not c.negated:
        sanction = _make("Sanction", make_id("ftm-sanction", record.id))
        sanction.add("entity", subject)
        sanction.add("authority", proxies[obj].caption)
        sanction.add("status", "reported")
        _interval(sanction, record)
        yield sanction
        return
    spec = mapping()["links"].get(c.predicate)
    if spec is not None and not c.negated:
        schema = spec["schema"]
        if _fits(schema, spec["subject"], proxies[subject]) and _fits(
            schema, spec["object"], proxies[obj]
        ):
            link = _make(schema, make_id("ftm-link", record.id))
            link.add(spec["subject"], subject)
            link.add(spec["object"], obj)
            link.add("role", c.predicate.replace("_", " "))
            _interval(link, record)
            yield link
            return
    hops = [("", subject, obj)]
    via = ids.get("via")
    if via in proxies and via not in (subject, obj):
        assert via is not None
        hops += [(" (to intermediary)", subject, via), (" (from intermediary)", via, obj)]
    for suffix, a, b in hops:
        link = _make("UnknownLink", make_id("ftm-link", record.id, suffix))
        link.add("subject", a)
        link.add("object", b)
        role = ("not " if c.negated else "") + c.predicate.replace("_", " ") + suffix
        link.add("role", role)
        _interval(link, record)
        yield link


def ftm_entities(store: Store) -> Iterator[EntityProxy]:
    """Every entity of the export, sorted by schema group then id (deterministic)."""
    screening = store.screening()
    proxies = {e.id: _entity(e, e.id in screening) for e in store.entities()}
    records = store.claims()
    members = sorted(set(_members(store)))
    doc_ids = sorted({doc_id for doc_id, _ in members} | {r.doc_id for r in records})
    documents = [d for d in (_document(store, doc_id) for doc_id in doc_ids) if d is not None]

    for record in records:  # located_in: a country or an address of the subject
        c = record.claim
        if c.predicate != "located_in" or c.negated:
            continue
        subject = record.roles.get("subject")
        place = record.roles.get("object") or record.roles.get("location")
        if subject is None or place is None or subject.entity_id not in proxies:
            continue
        target = proxies[subject.entity_id]
        code = country_code(place.name)
        if code is not None and target.schema.get("country") is not None:
            target.add("country", code, cleaned=True)
        if place.entity_id in proxies and target.schema.get("addressEntity") is not None:
            if proxies[place.entity_id].schema.name == "Address":
                target.add("addressEntity", place.entity_id)

    sanctions: list[EntityProxy] = []
    for entity_id, matches in sorted(screening.items()):
        if entity_id not in proxies:
            continue
        for m in matches:
            sanctions.append(_sanction(store, entity_id, m.list, m.list_id, m.programs))

    links = [link for r in records for link in _claim_links(r, proxies)]
    mentions = []
    for doc_id, entity_id in members:
        if entity_id not in proxies:
            continue
        doc_link = _make("Documentation", make_id("ftm-doc", doc_id, entity_id))
        doc_link.add("document", doc_id)
        doc_link.add("entity", entity_id)
        doc_link.add("role", "mentioned")
        mentions.append(doc_link)

    yield from sorted(proxies.values(), key=lambda p: p.id or "")
    yield from sorted(documents, key=lambda p: p.id or "")
    yield from sorted(sanctions, key=lambda p: p.id or "")
    yield from sorted(links, key=lambda p: p.id or "")
    yield from sorted(mentions, key=lambda p: p.id or "")


def _members(store: Store) -> list[tuple[str, str]]:
    """(doc_id, entity_id) for every document an entity is mentioned in."""
    return [(doc_id, entity_id) for (doc_id, _local), entity_id in store.member_map().items()]


def _sanction(
    store: Store, entity_id: str, list_key: str, list_id: str, programs: list[str]
) -> EntityProxy:
    proxy = _make("Sanction", make_id("ftm-sanction", entity_id, list_key, list_id))
    proxy.add("entity", entity_id)
    proxy.add("recordId", list_id)
    designation = store.designation(list_key, list_id)
    proxy.add("authority", (designation.authority if designation else "") or list_key.upper())
    proxy.add("program", programs)
    proxy.add("status", "designated")
    if designation is not None:
        proxy.add(
            "listingDate", designation.listed_on.isoformat() if designation.listed_on else None
        )
        proxy.add("sourceUrl", designation.links)
        proxy.add("reason", designation.reasons)
        proxy.add("summary", f"{list_key.upper()} {list_id}: listed as {designation.name}")
    return proxy


def write_ftm(store: Store, out: IO[str]) -> int:
    """Write every entity as one JSON object per line; return how many were written."""
    count = 0
    for proxy in ftm_entities(store):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count
