"""UN Security Council Consolidated List XML (``CONSOLIDATED_LIST``, sc-sanctions.xsd).

Streamed with the safe iterparse: each ``INDIVIDUAL`` or ``ENTITY`` element becomes one
designation keyed by its reference number (``CDi.001``).
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
    country_codes,
    parse_date,
    unique,
)
from sanctrace.screen.lists.xml import open_list, release

AUTHORITY = "United Nations Security Council"
NAME_FIELDS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _text(element: etree._Element, tag: str) -> str:
    return clean(element.findtext(tag))


def _designation(element: etree._Element, source: str) -> Designation:
    kind = element.tag
    reference = _text(element, "REFERENCE_NUMBER") or _text(element, "DATAID")
    name = " ".join(p for p in (_text(element, t) for t in NAME_FIELDS) if p)
    if not reference or not name:
        line = element.sourceline
        raise ListFormatError(f"line {line}: {kind} without reference number or name",
                              source=source)
    aliases = [clean(a.findtext("ALIAS_NAME")) for a in element.iter(f"{kind}_ALIAS")]
    original = _text(element, "NAME_ORIGINAL_SCRIPT")
    designation = Designation(
        list="un",
        list_id=reference,
        name=name,
        schema="Person" if kind == "INDIVIDUAL" else "Organization",
        authority=AUTHORITY,
        programs=unique([_text(element, "UN_LIST_TYPE")]),
        aliases=[a for a in unique([original, *aliases]) if a != name],
        listed_on=parse_date(_text(element, "LISTED_ON")),
        reasons=_text(element, "COMMENTS1") or None,
    )
    countries = [clean(v.text) for v in element.iterfind("NATIONALITY/VALUE")]
    for address in element.iter(f"{kind}_ADDRESS"):
        parts = [clean(child.text) for child in address if child.tag != "NOTE"]
        text = ", ".join(p for p in parts if p)
        if text:
            designation.addresses.append(text)
        countries.append(_text(address, "COUNTRY"))
    designation.countries = country_codes(countries)
    for document in element.iter(f"{kind}_DOCUMENT"):
        number = _text(document, "NUMBER")
        kind_of = _text(document, "TYPE_OF_DOCUMENT").lower()
        if number:
            key = "passport" if "passport" in kind_of else "national_id"
            add_identifier(designation.identifiers, key, number)
    return designation


def read_un(path: Path) -> tuple[date | None, list[Designation]]:
    """(dateGenerated, designations) of a UN consolidated list file."""
    source = str(path)
    root, events = open_list(path, "CONSOLIDATED_LIST")
    generated = parse_date((root.get("dateGenerated") or "")[:10])
    designations: list[Designation] = []
    for event, element in events:
        if event == "end" and element.tag in ("INDIVIDUAL", "ENTITY"):
            designations.append(_designation(element, source))
            release(element)
    return generated, designations
