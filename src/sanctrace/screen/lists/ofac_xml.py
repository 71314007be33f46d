"""OFAC SDN XML (``sdnList``, the sdn.xml schema), streamed.

Each ``sdnEntry`` has a uid, lastName/firstName, sdnType, programList, akaList, idList,
addressList and nationality/citizenship lists. Namespaces vary between publications
(``tempuri.org/sdnList.xsd`` and the sanctions list service URL), so tags are read
without them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import (
    add_identifier,
    clean,
    country_code,
    parse_date,
    unique,
)
from sanctrace.screen.lists.ofac_csv import AUTHORITY, parse_remarks
from sanctrace.screen.lists.xml import local, open_list, release

SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
ID_TYPES = {
    "tax id no.": "tax_id", "registration number": "registration",
    "business registration number": "registration", "government gazette number": "okpo",
    "passport": "passport", "national id no.": "national_id", "swift/bic": "swift",
    "vessel registration identification": "imo", "website": "website",
    "email address": "email", "legal entity number": "lei",
}


def _children(element: etree._Element) -> dict[str, str]:
    return {local(c.tag): clean(c.text) for c in element}


def _full(fields: dict[str, str], schema: str) -> str:
    first, last = fields.get("firstName", ""), fields.get("lastName", "")
    if schema == "Person" and first:
        return f"{last}, {first}" if last else first
    return " ".join(p for p in (first, last) if p)


def _entry(element: etree._Element, source: str) -> Designation:
    fields = _children(element)
    schema = SCHEMAS.get(fields.get("sdnType", "").lower(), "LegalEntity")
    name = _full(fields, schema)
    if not fields.get("uid") or not name:
        raise ListFormatError(f"line {element.sourceline}: sdnEntry without uid or name",
                              source=source)
    designation = Designation(
        list="ofac", list_id=fields["uid"], name=name, schema=schema, authority=AUTHORITY
    )
    for child in element:
        tag = local(child.tag)
        if tag == "programList":
            designation.programs = unique(c.text or "" for c in child)
        elif tag == "akaList":
            for aka in child:
                designation.aliases.append(_full(_children(aka), schema))
        elif tag == "idList":
            for ident in child:
                f = _children(ident)
                kind = f.get("idType", "").lower()
                key = ID_TYPES.get(kind, kind.replace(" ", "_") or "id")
                number = f.get("idNumber", "")
                add_identifier(designation.identifiers, key, number)
                if f.get("idCountry", "").lower() == "russia" and number.isdigit():
                    if key == "tax_id":
                        add_identifier(designation.identifiers, "inn", number)
                    elif key == "registration" and len(number) in (13, 15):
                        add_identifier(designation.identifiers, "ogrn", number)
        elif tag == "addressList":
            for address in child:
                f = _children(address)
                parts = [f.get(k, "") for k in ("address1", "address2", "address3", "city",
                                                 "stateOrProvince", "postalCode", "country")]
                text = ", ".join(p for p in parts if p)
                if text:
                    designation.addresses.append(text)
                code = country_code(f.get("country", ""))
                if code:
                    designation.countries.append(code)
        elif tag in ("nationalityList", "citizenshipList"):
            for item in child:
                code = country_code(_children(item).get("country", ""))
                if code:
                    designation.countries.append(code)
        elif tag == "remarks":
            parse_remarks(child.text or "", designation)
        elif tag == "title":
            add_identifier(designation.identifiers, "title", child.text or "")
    designation.aliases = [a for a in unique(designation.aliases) if a != name]
    designation.countries = unique(designation.countries)
    return designation


def read_sdn_xml(path: Path) -> tuple[date | None, list[Designation]]:
    """(publish date, designations) of an OFAC sdn.xml file."""
    source = str(path)
    root, events = open_list(path, "sdnList")
    published: date | None = None
    designations: list[Designation] = []
    for event, element in events:
        if event != "end":
            continue
        tag = local(element.tag)
        if tag == "Publish_Date":
            published = _publish_date(element.text)
        elif tag == "sdnEntry":
            designations.append(_entry(element, source))
            release(element)
    return published, designations


def _publish_date(text: str | None) -> date | None:
    """OFAC prints MM/DD/YYYY in Publish_Date."""
    value = clean(text)
    parts = value.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return parse_date(f"{parts[2]}-{parts[0]}-{parts[1]}")
    return parse_date(value)
