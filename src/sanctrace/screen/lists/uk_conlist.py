"""UK OFSI Consolidated List ("ConList"), as CSV or XLSX.

Row 1 is ``Last Updated,<dd/mm/yyyy>``, row 2 the header, then one row per *name* of a
designated person: every alias repeats the whole record. Rows are grouped by ``Group ID``
into one designation whose name is the row marked ``Primary name``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import (
    add_identifier,
    check_width,
    clean,
    country_codes,
    csv_rows,
    parse_date,
    unique,
)

AUTHORITY = "HM Treasury, Office of Financial Sanctions Implementation (OFSI)"
SCHEMAS = {"Individual": "Person", "Entity": "LegalEntity", "Ship": "Vessel"}
NAME_PARTS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
ADDRESS_PARTS = (
    "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
    "Post/Zip Code", "Country",
)
REQUIRED = ("Name 6", "Group ID", "Group Type", "Alias Type", "Regime", "Other Information")
# Zip entries larger than this are refused: a ConList sheet is tens of megabytes at most.
MAX_XLSX_MEMBER = 1 << 30
_NUMBERED = re.compile(r"\(\d+\)\s*")
_IDS = re.compile(r"\b(OGRN|INN|KPP|OKPO|IMO|Tax ID|Registration (?:No|Number))\b[:.]?\s*([\w-]+)")
_ID_KEYS = {"ogrn": "ogrn", "inn": "inn", "kpp": "kpp", "okpo": "okpo", "imo": "imo",
            "tax id": "tax_id"}
_REASONS = re.compile(r"\(UK Statement of Reasons\):(.*?)(?:\s\([A-Z][\w /]+\):|$)", re.S)


def published(first_row: list[str]) -> date | None:
    if first_row and clean(first_row[0]).lower() == "last updated" and len(first_row) > 1:
        return parse_date(first_row[1])
    return None


def _rows_csv(path: Path) -> Iterator[tuple[int, list[str]]]:
    yield from csv_rows(path)


def _rows_xlsx(path: Path) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.file_size > MAX_XLSX_MEMBER or (
                    info.compress_size and info.file_size / info.compress_size > 1000
                ):
                    raise ListFormatError(
                        f"zip member {info.filename} would inflate to {info.file_size} bytes; "
                        "refused as a possible zip bomb",
                        source=str(path),
                    )
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ListFormatError(
            f"not a readable XLSX workbook ({exc}); is the file truncated?", source=str(path)
        ) from exc
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else str(v) for v in values]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ListFormatError(f"XLSX sheet unreadable: {exc}", source=str(path)) from exc
    finally:
        book.close()


def _full_name(row: dict[str, str], schema: str) -> str:
    parts = [clean(row.get(p)) for p in NAME_PARTS]
    if schema == "Person":
        # Name 6 is the family name; print it last, as reports do.
        given = " ".join(p for p in parts[:5] if p)
        return f"{given} {parts[5]}".strip()
    return " ".join(p for p in (parts[5], *parts[:5]) if p)


def _group(rows: list[tuple[int, dict[str, str]]], source: str) -> Designation:
    line, first = rows[0]
    schema = SCHEMAS.get(clean(first.get("Group Type")), "LegalEntity")
    names: list[str] = []
    primary: str | None = None
    for _line, row in rows:
        name = _full_name(row, schema)
        if not name:
            continue
        names.append(name)
        if primary is None and clean(row.get("Alias Type")).lower() == "primary name":
            primary = name
        script = clean(row.get("Name Non-Latin Script"))
        if script:
            names.append(script)
    if not names:
        raise ListFormatError(f"row {line}: group {first.get('Group ID')} has no name",
                              source=source)
    name = primary or names[0]
    other = clean(first.get("Other Information"))
    designation = Designation(
        list="uk",
        list_id=clean(first.get("Group ID")),
        name=name,
        schema=schema,
        authority=AUTHORITY,
        programs=unique(clean(r.get("Regime")) for _l, r in rows),
        aliases=[n for n in unique(names) if n != name],
        listed_on=parse_date(first.get("Listed On")),
    )
    reasons = _REASONS.search(other)
    designation.reasons = clean(reasons[1]) if reasons else (other or None)
    countries: list[str] = []
    for _line, row in rows:
        address = ", ".join(p for p in (clean(row.get(c)) for c in ADDRESS_PARTS) if p)
        if address:
            designation.addresses.append(address)
        for column in ("Country", "Nationality"):
            countries.extend(_NUMBERED.split(clean(row.get(column))))
        passport = clean(row.get("Passport Number"))
        if passport:
            add_identifier(designation.identifiers, "passport", passport)
        national = clean(row.get("National Identification Number"))
        if national:
            add_identifier(designation.identifiers, "national_id", national)
    designation.addresses = unique(designation.addresses)
    designation.countries = country_codes(countries)
    for label, value in _IDS.findall(other):
        key = _ID_KEYS.get(label.lower(), "registration")
        add_identifier(designation.identifiers, key, value)
    ref = re.search(r"\(UK Sanctions List Ref\):\s*([\w/-]+)", other)
    if ref:
        add_identifier(designation.identifiers, "uk_ref", ref[1])
    return designation


def read_conlist(path: Path, *, xlsx: bool = False) -> tuple[date | None, Iterator[Designation]]:
    """(the list's "Last Updated" date, its designations), one per Group ID."""
    rows: Iterable[tuple[int, list[str]]] = _rows_xlsx(path) if xlsx else _rows_csv(path)
    iterator = iter(rows)
    first = next(iterator, None)
    second = next(iterator, None)
    if first is None or second is None:
        raise ListFormatError("fewer than two rows; not an OFSI ConList", source=str(path))
    header = [clean(c) for c in second[1]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ListFormatError(
            f"row 2: not an OFSI ConList header (missing {', '.join(missing)})",
            source=str(path),
        )
    date_published = published(first[1])

    def designations() -> Iterator[Designation]:
        groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
        for line, cells in iterator:
            if not any(c.strip() for c in cells):
                continue
            extra = cells[len(header) :]
            if xlsx and len(cells) != len(header) and not any(c.strip() for c in extra):
                cells = (cells + [""] * len(header))[: len(header)]
            check_width(cells, len(header), f"row {line}", path)
            row = dict(zip(header, cells, strict=True))
            group = clean(row.get("Group ID"))
            if not group:
                raise ListFormatError(f"row {line}: empty Group ID", source=str(path))
            groups.setdefault(group, []).append((line, row))
        for rows_of_group in groups.values():
            yield _group(rows_of_group, str(path))

    return date_published, designations()
