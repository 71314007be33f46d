"""EU Financial Sanctions Files XML (FSF ``export`` schema), streamed.

Each ``sanctionEntity`` (keyed by ``euReferenceNumber``) holds ``regulation`` elements
(programme, publication date), a ``subjectType`` (person or enterprise), ``nameAlias``
(``wholeName`` or first/middle/last), ``citizenship``, ``identification`` and ``address``
elements, all with their values in attributes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import add_identifier, clean, parse_date, unique
from sanctrace.screen.lists.xml import local, open_list, release

AUTHORITY = "European Commission, Financial Sanctions Files (FSF)"
ID_TYPES = {
    "regnumber": "registration", "tin": "tax_id", "passport": "passport", "id": "national_id",
    "swiftbic": "swift", "imo": "imo", "other": "id_number", "fiscalcode": "tax_id",
}


def _entity(element: etree._Element, source: str) -> Designation:
    reference = clean(element.get("euReferenceNumber")) or clean(element.get("logicalId"))
    schema = "LegalEntity"
    names: list[str] = []
    programs: list[str] = []
    dates: list[date] = []
    countries: list[str] = []
    addresses: list[str] = []
    identifiers: dict[str, list[str]] = {}
    remarks: list[str] = []
    for child in element:
        tag = local(child.tag)
        a = child.attrib
        if tag == "subjectType":
            schema = "Person" if a.get("code") == "person" else "LegalEntity"
        elif tag == "regulation":
            programs.append(clean(a.get("programme")))
            published = parse_date(a.get("publicationDate"))
            if published:
                dates.append(published)
        elif tag == "nameAlias":
            whole = clean(a.get("wholeName")) or " ".join(
                p for p in (clean(a.get(k)) for k in ("firstName", "middleName", "lastName")) if p
            )
            names.append(whole)
        elif tag == "citizenship":
            countries.append(clean(a.get("countryIso2Code")).lower())
        elif tag == "address":
            parts = [clean(a.get(k)) for k in ("street", "poBox", "zipCode", "city", "region",
                                               "place", "countryDescription")]
            text = ", ".join(p for p in parts if p)
            if text:
                addresses.append(text)
            countries.append(clean(a.get("countryIso2Code")).lower())
        elif tag == "identification":
            code = clean(a.get("identificationTypeCode")).lower()
            key = ID_TYPES.get(code, code or "id_number")
            number = clean(a.get("number")) or clean(a.get("latinNumber"))
            add_identifier(identifiers, key, number)
            if clean(a.get("countryIso2Code")).upper() == "RU" and number.isdigit():
                if key == "tax_id":
                    add_identifier(identifiers, "inn", number)
                elif key == "registration" and len(number) in (13, 15):
                    add_identifier(identifiers, "ogrn", number)
        elif tag == "remark":
            remarks.append(clean(child.text))
    names = unique(names)
    if not reference or not names:
        raise ListFormatError(
            f"line {element.sourceline}: sanctionEntity without euReferenceNumber or name",
            source=source,
        )
    return Designation(
        list="eu",
        list_id=reference,
        name=names[0],
        schema=schema,
        authority=AUTHORITY,
        programs=unique(programs),
        aliases=names[1:],
        countries=unique(c for c in countries if len(c) == 2 and c != "00"),
        addresses=unique(addresses),
        identifiers=identifiers,
        listed_on=min(dates) if dates else None,
        reasons="\n".join(unique(remarks)) or None,
    )


def read_fsf(path: Path) -> tuple[date | None, list[Designation]]:
    """(generation date, designations) of an EU FSF XML export."""
    source = str(path)
    root, events = open_list(path, "export")
    generated = parse_date((root.get("generationDate") or "")[:10])
    designations: list[Designation] = []
    for event, element in events:
        if event == "end" and local(element.tag) == "sanctionEntity":
            designations.append(_entity(element, source))
            release(element)
    return generated, designations
