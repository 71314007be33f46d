"""What every list loader shares: strict decoding, country codes, dates, value clean-up.

Loaders are pure functions from a file to Designations. They raise ListFormatError
naming the file and the record (line, row or element) so that a user can find the
fault; nothing is written anywhere until a whole file has parsed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sanctrace.errors import ListFormatError

# Some list files are large, with long reason texts in one cell.
csv.field_size_limit(16 * 1024 * 1024)

_SPACES = re.compile(r"\s+")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}


@cache
def vocabulary(name: str) -> Any:
    """A JSON vocabulary from ``sanctrace/screen/data`` (loaded once)."""
    text = resources.files("sanctrace.screen").joinpath("data", name).read_text("utf-8")
    return json.loads(text)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_text(path: Path) -> str:
    """The whole file as UTF-8 (BOM tolerated); anything else is refused, not guessed.

    A list decoded with the wrong codec would load mangled names that then fail to match
    silently, so a wrong encoding is an error that names the line it was found on.
    """
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ListFormatError(
            f"line {line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the list as UTF-8",
            source=str(path),
        ) from exc


def csv_rows(path: Path, text: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each CSV record; a broken quote is an error with its line."""
    text = read_text(path) if text is None else text
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as exc:
        raise ListFormatError(
            f"line {reader.line_num}: malformed CSV ({exc}); is the file truncated?",
            source=str(path),
        ) from exc


def check_width(
    cells: list[str], width: int, where: str, path: Path, hint: str = "is the file truncated?"
) -> None:
    """A record with the wrong number of fields is an error naming its line or row."""
    if len(cells) != width:
        raise ListFormatError(
            f"{where}: expected {width} fields, found {len(cells)}; {hint}", source=str(path)
        )


def clean(value: object) -> str:
    """Collapse whitespace; None and OFAC's ``-0-`` placeholder become ''."""
    if value is None:
        return ""
    text = _SPACES.sub(" ", str(value)).strip()
    return "" if text == "-0-" else text


def unique(values: Iterable[str]) -> list[str]:
    """Non-empty values in first-seen order, without repeats."""
    seen: dict[str, None] = {}
    for value in values:
        value = clean(value)
        if value and value not in seen:
            seen[value] = None
    return list(seen)


def split_cell(cell: str) -> list[str]:
    """Split a ``;``-separated multi-value cell, honouring CSV quoting inside it."""
    if not cell:
        return []
    if '"' not in cell:
        return unique(cell.split(";"))
    reader = csv.reader([cell], delimiter=";", skipinitialspace=True)
    return unique(next(reader, []))


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code (lower case, as FollowTheMoney spells it) for a name or code."""
    from rigour.territories import lookup_territory

    text = clean(text).strip(" .,;()")
    if not text:
        return None
    territory = lookup_territory(text)
    if territory is None:
        return None
    return str(territory.code).lower()


def country_codes(values: Iterable[str]) -> list[str]:
    return unique(c for c in (country_code(v) for v in values) if c)


def parse_date(text: str | None) -> date | None:
    """Dates as lists print them: 2012-12-31, 16.12.2022, 07/11/2024, 23 Apr 2002, 2011.

    Day-first everywhere (no list we read is month-first). Unparseable -> None: a listing
    date is context, not a reason to refuse a file.
    """
    text = clean(text)
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?", text)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        match = re.fullmatch(r"(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})", text)
        if match and match[2].lower() in _MONTHS:
            return date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    except ValueError:
        return None
    return None


def add_identifier(identifiers: dict[str, list[str]], key: str, value: str) -> None:
    value = clean(value).strip(" .;,")
    if not value:
        return
    values = identifiers.setdefault(key, [])
    if value not in values:
        values.append(value)


_PARENS = re.compile(r"\s*\(([^()]*)\)")


def clean_name(value: str) -> str | None:
    """A name cell without transcription residue; None if it is no name at all."""
    vocab = vocabulary("name_cleanup.json")
    text = clean(value)
    if not text or text.lower() in vocab["not_names"]:
        return None
    label, sep, rest = text.partition(":")
    if sep and label.strip().lower() in vocab["language_labels"]:
        text = rest.strip()
    return text or None


def name_variants(value: str) -> list[str]:
    """A printed name cell and the names inside it.

    Annex transcriptions keep combined forms whole ("Saeed AGHAJANI / Saeed Ara Jani",
    "Sergei AKSENOV (Сергей АКСЁНОВ)"); the parts are what reports will print, so they
    become aliases too. The whole cell is kept first so nothing printed is lost.
    """
    text = clean_name(value)
    if text is None:
        return []
    out = [text]
    parts = [p for p in (s.strip() for s in text.split(" / ")) if p] if " / " in text else [text]
    for part in parts:
        out.append(part)
        outer = _PARENS.sub("", part).strip()
        if outer and outer != part:
            out.append(outer)
            # A bracketed name in another script is an alias ("AKSENOV (АКСЁНОВ)"); a
            # bracketed place or note in the same script ("(Shenzhen)", "(HQ)") is not.
            out.extend(m.strip() for m in _PARENS.findall(part)
                       if len(m.strip()) > 3 and m.isascii() != outer.isascii())
    return unique(n for n in (clean_name(o) for o in out) if n)
