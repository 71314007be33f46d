"""The derived OFAC names CSV (``uid,name,type,programs,alternate_names``).

Some mirrors publish SDN.CSV + ALT.CSV flattened to one row per entry with a header.
It carries names, type and programmes only: no remarks, ids or addresses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sanctrace.errors import ListFormatError
from sanctrace.model import Designation
from sanctrace.screen.lists.common import clean, csv_rows, unique
from sanctrace.screen.lists.ofac_csv import AUTHORITY, SCHEMAS

HEADER = ["uid", "name", "type", "programs", "alternate_names"]


def read_names(path: Path) -> Iterator[Designation]:
    rows = csv_rows(path)
    first = next(rows, None)
    if first is None or [c.strip().lower() for c in first[1]] != HEADER:
        raise ListFormatError(f"line 1: expected header {','.join(HEADER)}", source=str(path))
    for line, cells in rows:
        if not cells:
            continue
        if len(cells) != len(HEADER):
            raise ListFormatError(
                f"line {line}: expected {len(HEADER)} fields, found {len(cells)}",
                source=str(path),
            )
        uid, name = clean(cells[0]), clean(cells[1])
        if not uid or not name:
            raise ListFormatError(f"line {line}: uid or name is empty", source=str(path))
        aliases = [a for a in unique(cells[4].split(";")) if a != name]
        yield Designation(
            list="ofac",
            list_id=uid,
            name=name,
            schema=SCHEMAS.get(clean(cells[2]).lower().replace("entity", ""), "LegalEntity"),
            authority=AUTHORITY,
            programs=unique(cells[3].split(";")),
            aliases=aliases,
        )
