"""OFAC SDN_ENHANCED XML (``sanctionsData``), streamed.

The enhanced export nests what the legacy files flatten: each ``entity`` has
``generalInfo/entityType``, ``sanctionsPrograms``, ``names/name`` (primary or an alias
type) with ``translations/translation`` per script, ``addresses`` with ``addressParts``,
``identityDocuments``, ``features`` (nationality, citizenship, flag) and
``relationships`` (Linked To). Tags are read without their namespace.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import add_identifier, clean, country_code, parse_date, unique
from sanctrace.screen.lists.ofac_csv import AUTHORITY
from sanctrace.screen.lists.ofac_xml import ID_TYPES, SCHEMAS
from sanctrace.screen.lists.xml import local, open_list, release

COUNTRY_FEATURES = ("nationality", "citizenship", "flag")


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if local(child.tag) == name:
            return child
    return None


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [c for c in element if local(c.tag) == name]


def _text(element: etree._Element | None, name: str) -> str:
    child = _child(element, name) if element is not None else None
    return clean(child.text) if child is not None else ""


def _names(entity: etree._Element) -> tuple[str, list[str]]:
    primary = ""
    others: list[str] = []
    for name in _children(_child(entity, "names"), "name"):
        is_primary = _text(name, "isPrimary").lower() == "true"
        for translation in _children(_child(name, "translations"), "translation"):
            full = _text(translation, "formattedFullName") or " ".join(
                p for p in (_text(translation, "formattedFirstName"),
                            _text(translation, "formattedLastName")) if p
            )
            if not full:
                continue
            if is_primary and not primary and _text(translation, "isPrimary").lower() == "true":
                primary = full
            else:
                others.append(full)
    return primary, others


def _entity(entity: etree._Element, source: str) -> Designation:
    uid = clean(entity.get("id"))
    primary, others = _names(entity)
    if not uid or not primary:
        raise ListFormatError(f"line {entity.sourceline}: entity without id or primary name",
                              source=source)
    kind = _text(_child(entity, "generalInfo"), "entityType").lower()
    designation = Designation(
        list="ofac", list_id=uid, name=primary, schema=SCHEMAS.get(kind, "LegalEntity"),
        authority=AUTHORITY,
        programs=unique(clean(p.text) for p in
                        _children(_child(entity, "sanctionsPrograms"), "sanctionsProgram")),
        aliases=[n for n in unique(others) if n != primary],
    )
    for address in _children(_child(entity, "addresses"), "address"):
        country = _text(address, "country")
        parts = []
        for translation in _children(_child(address, "translations"), "translation"):
            for part in _children(_child(translation, "addressParts"), "addressPart"):
                value = _text(part, "value")
                if value:
                    parts.append(value)
            break
        text = ", ".join(unique([*parts, country]))
        if text:
            designation.addresses.append(text)
        code = country_code(country)
        if code:
            designation.countries.append(code)
    for document in _children(_child(entity, "identityDocuments"), "identityDocument"):
        kind_of = _text(document, "type").lower()
        key = ID_TYPES.get(kind_of, kind_of.replace(" ", "_") or "id")
        number = _text(document, "documentNumber")
        add_identifier(designation.identifiers, key, number)
        if _text(document, "issuingCountry").lower() == "russia" and number.isdigit():
            if key == "tax_id":
                add_identifier(designation.identifiers, "inn", number)
            elif key == "registration" and len(number) in (13, 15):
                add_identifier(designation.identifiers, "ogrn", number)
    for feature in _children(_child(entity, "features"), "feature"):
        label = _text(feature, "type").lower()
        if any(word in label for word in COUNTRY_FEATURES):
            code = country_code(_text(feature, "value"))
            if code:
                designation.countries.append(code)
    for relation in _children(_child(entity, "relationships"), "relationship"):
        if _text(relation, "type").lower() == "linked to":
            related = _text(relation, "relatedEntity")
            if related:
                designation.links.append(related)
    designation.countries = unique(designation.countries)
    designation.links = unique(designation.links)
    return designation


def read_enhanced(path: Path) -> tuple[date | None, list[Designation]]:
    """(data-as-of date, designations) of an OFAC SDN_ENHANCED.XML file."""
    source = str(path)
    root, events = open_list(path, "sanctionsData")
    published: date | None = None
    designations: list[Designation] = []
    depth = 0
    for event, element in events:
        tag = local(element.tag)
        if tag == "entity":
            depth += 1 if event == "start" else -1
        if event != "end":
            continue
        if tag == "dataAsOf":
            published = parse_date(clean(element.text)[:10])
        elif tag == "entity" and depth == 0:
            designations.append(_entity(element, source))
            release(element)
    return published, designations
