"""OFAC's legacy CSV files: SDN.CSV with its ALT.CSV (aliases) and ADD.CSV (addresses).

The three files have no header row, print ``-0-`` for an empty field and end with a
Ctrl-Z line. They join on ``ent_num``. The remarks column is semi-structured prose
("Tax ID No. 1831083343 (Russia); Linked To: ..."); the labels we read are data in
``screen/data/ofac_remarks.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import (
    add_identifier,
    check_width,
    clean,
    country_code,
    csv_rows,
    read_text,
    unique,
    vocabulary,
)

SDN_COLUMNS = 12
ALT_COLUMNS = 5
ADD_COLUMNS = 6
SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "LegalEntity"}
AUTHORITY = "US Treasury, Office of Foreign Assets Control (OFAC)"

_TRAILING_COUNTRY = re.compile(r"^(.*?)\s*\(([^()]+)\)$")
_QUOTED = re.compile(r"^['\"‘“](.*)['\"’”]$")


def _records(path: Path, width: int, text: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Rows of one OFAC CSV, checked for width; the Ctrl-Z end marker is skipped."""
    for line, cells in csv_rows(path, text):
        if not cells or (len(cells) == 1 and cells[0].strip() in ("\x1a", "")):
            continue
        check_width(
            cells, width, f"line {line}", path, "is the file truncated or not this OFAC format?"
        )
        if not clean(cells[0]).isdigit():
            raise ListFormatError(
                f"line {line}: ent_num {cells[0]!r} is not a number", source=str(path)
            )
        yield line, cells


def _programs(cell: str) -> list[str]:
    # Several programmes print as "SDGT] [IRGC" inside one field.
    return unique(p.strip(" []") for p in clean(cell).split("] ["))


def parse_remarks(remarks: str, designation: Designation) -> None:
    """Fold an SDN remarks cell into the designation's ids, aliases, links and countries."""
    vocab = vocabulary("ofac_remarks.json")
    labels: dict[str, str] = vocab["identifiers"]
    ordered = sorted(labels, key=len, reverse=True)
    text = clean(remarks).rstrip(".")
    if not text:
        return
    for part in re.split(r";\s+", text):
        part = part.strip().rstrip(".")
        if part.startswith("alt. "):
            part = part[5:]
        for prefix in vocab["aliases"]:
            if part.startswith(prefix + " "):
                alias = part[len(prefix) :].strip()
                match = _QUOTED.match(alias)
                designation.aliases.append(match[1] if match else alias)
                break
        else:
            if part.startswith(tuple(vocab["links"])):
                designation.links.append(part.split(":", 1)[1].strip())
                continue
            for prefix in vocab["countries"]:
                if part.startswith(prefix + " "):
                    code = country_code(part[len(prefix) :])
                    if code:
                        designation.countries.append(code)
                    break
            else:
                for label in ordered:
                    if part.startswith(label + " "):
                        _identifier(designation, labels[label], part[len(label) :], vocab)
                        break


def _identifier(designation: Designation, key: str, value: str, vocab: dict) -> None:
    value = value.strip()
    country = None
    match = _TRAILING_COUNTRY.match(value)
    if match:
        value, country = match[1], country_code(match[2])
    add_identifier(designation.identifiers, key, value)
    if country == "ru" and value.isdigit():
        # Russian tax ids are INNs; 13/15-digit registration numbers are OGRNs.
        if key == "tax_id":
            add_identifier(designation.identifiers, vocab["russia_tax_id"], value)
        elif key == "registration" and len(value) in (13, 15):
            add_identifier(designation.identifiers, vocab["russia_registration"], value)


def read_alt(path: Path) -> dict[str, list[str]]:
    """ent_num -> alias names from ALT.CSV."""
    aliases: dict[str, list[str]] = {}
    for _line, cells in _records(path, ALT_COLUMNS):
        name = clean(cells[3])
        if name:
            aliases.setdefault(clean(cells[0]), []).append(name)
    return aliases


def read_add(path: Path) -> dict[str, list[tuple[str, str | None]]]:
    """ent_num -> (address line, country code) from ADD.CSV."""
    addresses: dict[str, list[tuple[str, str | None]]] = {}
    for _line, cells in _records(path, ADD_COLUMNS):
        street, city, country = clean(cells[2]), clean(cells[3]), clean(cells[4])
        text = ", ".join(p for p in (street, city, country) if p)
        addresses.setdefault(clean(cells[0]), []).append((text, country_code(country)))
    return addresses


def read_sdn(
    path: Path, alt: Path | None = None, add: Path | None = None
) -> Iterator[Designation]:
    """Designations from SDN.CSV, joined with ALT.CSV and ADD.CSV where given."""
    text = read_text(path)
    aliases = read_alt(alt) if alt is not None else {}
    addresses = read_add(add) if add is not None else {}
    for _line, cells in _records(path, SDN_COLUMNS, text):
        ent_num = clean(cells[0])
        kind = clean(cells[2]).lower()
        designation = Designation(
            list="ofac",
            list_id=ent_num,
            name=clean(cells[1]),
            schema=SCHEMAS.get(kind, "LegalEntity"),
            authority=AUTHORITY,
            programs=_programs(cells[3]),
        )
        parse_remarks(cells[11], designation)
        designation.aliases.extend(aliases.get(ent_num, []))
        designation.aliases = [a for a in unique(designation.aliases) if a != designation.name]
        for address, country in addresses.get(ent_num, []):
            if address:
                designation.addresses.append(address)
            if country:
                designation.countries.append(country)
        flag = clean(cells[9])
        if flag:
            code = country_code(flag)
            if code:
                designation.countries.append(code)
        designation.countries = unique(designation.countries)
        designation.links = unique(designation.links)
        designation.addresses = unique(designation.addresses)
        title = clean(cells[4])
        if title:
            add_identifier(designation.identifiers, "title", title)
        yield designation
