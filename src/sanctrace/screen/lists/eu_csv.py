"""EU regulation-annex CSV: one row per designation per legal context.

The column contract is the OpenSanctions EU journal format (``celex`` or
``amendedCelex,amendmentCelex`` first, then ``recordId,programKey,annex,...``). The same
actor can appear in several annexes (asset freeze in 269/2014 Annex I, export control in
833/2014 Annex IV); each row is its own designation, keyed ``CELEX:ANNEX:recordId``.
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
    country_codes,
    csv_rows,
    name_variants,
    parse_date,
    split_cell,
    unique,
)

AUTHORITY = "Council of the European Union"
REQUIRED = ("recordId", "programKey", "annex", "schema", "name", "alias", "reason")
NAME_COLUMNS = ("alias", "weakAlias", "previousName")
COUNTRY_COLUMNS = ("country", "nationality", "jurisdiction", "flag")
IDENTIFIER_COLUMNS = {
    "registrationNumber": "registration",
    "taxNumber": "tax_id",
    "idNumber": "id_number",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "kppCode": "kpp",
    "okpoCode": "okpo",
    "leiCode": "lei",
    "swiftBic": "swift",
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "passportNumber": "passport",
    "email": "email",
    "website": "website",
    "phone": "phone",
}
SCHEMAS = {"Person", "LegalEntity", "Organization", "Company", "Vessel", "Asset"}
_HQ = re.compile(r"\s*\([^()]*\)\s*$")


def read_eu(path: Path) -> Iterator[Designation]:
    rows = csv_rows(path)
    first = next(rows, None)
    header = [c.strip() for c in first[1]] if first else []
    missing = [c for c in REQUIRED if c not in header]
    if missing or not ("celex" in header or "amendedCelex" in header):
        raise ListFormatError(
            f"line 1: not an EU annex CSV header (missing {', '.join(missing) or 'celex'})",
            source=str(path),
        )
    celex_col = "celex" if "celex" in header else "amendedCelex"
    for line, cells in rows:
        if not cells:
            continue
        check_width(cells, len(header), f"line {line}", path)
        row = dict(zip(header, cells, strict=True))
        names = name_variants(row["name"])
        if not names:
            raise ListFormatError(f"line {line}: empty name", source=str(path))
        schema = clean(row["schema"])
        if schema not in SCHEMAS:
            raise ListFormatError(f"line {line}: unknown schema {schema!r}", source=str(path))
        record = clean(row["recordId"]) or f"line{line}"
        aliases = [v for col in NAME_COLUMNS for cell in split_cell(row.get(col, ""))
                   for v in name_variants(cell)]
        designation = Designation(
            list="eu",
            list_id=f"{clean(row[celex_col])}:{clean(row['annex'])}:{record}",
            name=names[0],
            schema=schema,
            authority=AUTHORITY,
            programs=unique([row["programKey"]]),
            aliases=[a for a in unique(names[1:] + aliases) if a != names[0]],
            listed_on=parse_date(row.get("startDate")),
            reasons=clean(row.get("reason")) or None,
        )
        addresses = split_cell(row.get("address", ""))
        designation.addresses = addresses
        tails = [_HQ.sub("", a).rsplit(",", 1)[-1] for a in addresses]
        designation.countries = country_codes(
            [v for col in COUNTRY_COLUMNS for v in split_cell(row.get(col, ""))] + tails
        )
        for column, key in IDENTIFIER_COLUMNS.items():
            for value in split_cell(row.get(column, "")):
                add_identifier(designation.identifiers, key, value)
        measure = clean(row.get("measure"))
        if measure:
            add_identifier(designation.identifiers, "measure", measure)
        yield designation
