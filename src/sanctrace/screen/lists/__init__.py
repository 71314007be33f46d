"""Sanctions-list loaders: one module per published format, chosen by file content.

    detect_format(path)              -> "ofac-sdn-csv", "un-xml", ... (see FORMATS)
    read_file(path)                  -> ParsedFile: one file's designations, fully parsed
    read_lists(paths, list_key=None) -> [LoadedList]: files grouped into one version per list

Every reader parses the whole file before anything is stored, so a malformed or hostile
file raises ListFormatError (naming the file and record) and the store keeps the version
it had. OFAC's SDN.CSV is joined with the ALT.CSV and ADD.CSV found beside it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sanctrace.errors import ListFormatError
from sanctrace.model import LIST_KEYS, Designation, ListMeta
from sanctrace.screen.lists import (
    eu_csv,
    eu_xml,
    ftm,
    ofac_csv,
    ofac_enhanced,
    ofac_names,
    ofac_xml,
    uk_conlist,
    un_xml,
)
from sanctrace.screen.lists.common import sha256_file, unique

# format name -> (list key, what it is)
FORMATS: dict[str, tuple[str, str]] = {
    "ofac-sdn-csv": ("ofac", "OFAC SDN.CSV (with ALT.CSV/ADD.CSV beside it)"),
    "ofac-alt-csv": ("ofac", "OFAC ALT.CSV (aliases; loaded with its SDN.CSV)"),
    "ofac-add-csv": ("ofac", "OFAC ADD.CSV (addresses; loaded with its SDN.CSV)"),
    "ofac-names-csv": ("ofac", "OFAC names CSV (uid,name,type,programs,alternate_names)"),
    "ofac-sdn-xml": ("ofac", "OFAC sdn.xml (sdnList)"),
    "ofac-enhanced-xml": ("ofac", "OFAC SDN_ENHANCED.XML (sanctionsData)"),
    "eu-journal-csv": ("eu", "EU regulation-annex CSV"),
    "eu-fsf-xml": ("eu", "EU Financial Sanctions Files XML (export)"),
    "uk-conlist-csv": ("uk", "UK OFSI ConList CSV"),
    "uk-conlist-xlsx": ("uk", "UK OFSI ConList XLSX"),
    "un-xml": ("un", "UN Security Council consolidated list XML"),
    "ftm-json": ("opensanctions", "OpenSanctions FollowTheMoney JSON lines"),
}
SIDECARS = {"ofac-alt-csv": "alt", "ofac-add-csv": "add"}
XML_ROOTS = {
    "CONSOLIDATED_LIST": "un-xml",
    "sdnList": "ofac-sdn-xml",
    "sanctionsData": "ofac-enhanced-xml",
    "export": "eu-fsf-xml",
}
HEAD_BYTES = 65_536


@dataclass(slots=True)
class ParsedFile:
    path: Path
    format: str
    key: str
    sha256: str
    designations: list[Designation]
    published: date | None = None


@dataclass(slots=True)
class LoadedList:
    """One version of one list, ready for ``store.load_list(meta, designations)``."""

    meta: ListMeta
    designations: list[Designation]
    files: list[ParsedFile] = field(default_factory=list)


def detect_format(path: str | Path) -> str:
    """Which list format a file holds, from its content (not its name)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise ListFormatError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if head.startswith(b"PK\x03\x04"):
        return "uk-conlist-xlsx"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        from sanctrace.xmlsafe import read_prolog

        root = read_prolog(head).root or ""
        fmt = XML_ROOTS.get(root.rsplit(":", 1)[-1])
        if fmt is None:
            raise ListFormatError(f"XML root <{root}> is no list format we read",
                                  source=str(path))
        return fmt
    if text.startswith("{"):
        try:
            first = json.loads(text.splitlines()[0])
        except ValueError:
            first = None
        if isinstance(first, dict) and "schema" in first and "id" in first:
            return "ftm-json"
    first_line = text.splitlines()[0] if text else ""
    if first_line.lower().startswith("last updated"):
        return "uk-conlist-csv"
    header = first_line.replace(" ", "").lower()
    if header.startswith("uid,name,type,programs"):
        return "ofac-names-csv"
    if header.startswith(("celex,recordid", "amendedcelex,amendmentcelex")):
        return "eu-journal-csv"
    try:
        cells = next(csv.reader(io.StringIO(first_line)), [])
    except csv.Error:
        cells = []
    if cells and cells[0].strip().isdigit():
        if len(cells) == ofac_csv.SDN_COLUMNS:
            return "ofac-sdn-csv"
        if len(cells) == ofac_csv.ALT_COLUMNS:
            return "ofac-alt-csv"
        if len(cells) == ofac_csv.ADD_COLUMNS:
            return "ofac-add-csv"
    raise ListFormatError(
        "not a sanctions list format we read (OFAC CSV/XML, EU CSV/XML, UK ConList, UN XML, "
        "FollowTheMoney JSON)",
        source=str(path),
    )


def _sidecar(sdn: Path, kind: str, given: dict[str, Path]) -> Path | None:
    """The ALT/ADD file for an SDN.CSV: one given on the command line, else one beside it."""
    if kind in given:
        return given[kind]
    candidates = sorted(
        p for p in sdn.parent.iterdir()
        if p.is_file() and p.name.lower().startswith(kind) and p.suffix.lower() == ".csv"
    )
    stem = sdn.stem.lower().removeprefix("sdn")
    exact = [p for p in candidates if p.stem.lower().removeprefix(kind) == stem]
    pool = exact or candidates
    for candidate in pool:
        try:
            if detect_format(candidate) == f"ofac-{kind}-csv":
                return candidate
        except ListFormatError:
            continue
    return None


READERS: dict[str, Callable[[Path], tuple[date | None, Iterable[Designation]]]] = {
    "ofac-names-csv": lambda p: (None, ofac_names.read_names(p)),
    "ofac-sdn-xml": ofac_xml.read_sdn_xml,
    "ofac-enhanced-xml": ofac_enhanced.read_enhanced,
    "eu-journal-csv": lambda p: (None, eu_csv.read_eu(p)),
    "eu-fsf-xml": eu_xml.read_fsf,
    "uk-conlist-csv": lambda p: uk_conlist.read_conlist(p),
    "uk-conlist-xlsx": lambda p: uk_conlist.read_conlist(p, xlsx=True),
    "un-xml": un_xml.read_un,
    "ftm-json": lambda p: (None, ftm.read_ftm(p)),
}


def read_file(
    path: str | Path, fmt: str | None = None, sidecars: dict[str, Path] | None = None
) -> ParsedFile:
    """Parse one list file completely (OFAC SDN.CSV together with its ALT/ADD files)."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt in SIDECARS:
        raise ListFormatError(
            f"{FORMATS[fmt][1]}: load it together with its SDN.CSV", source=str(path)
        )
    if fmt == "ofac-sdn-csv":
        given = sidecars or {}
        alt, add = _sidecar(path, "alt", given), _sidecar(path, "add", given)
        published, designations = None, list(ofac_csv.read_sdn(path, alt, add))
        digest = _combined_sha([path, *(p for p in (alt, add) if p is not None)])
    else:
        published, found = READERS[fmt](path)
        designations = list(found)
        digest = sha256_file(path)
    if not designations:
        raise ListFormatError("no designations found", source=str(path))
    return ParsedFile(path, fmt, FORMATS[fmt][0], digest, designations, published)


def _combined_sha(paths: list[Path]) -> str:
    if len(paths) == 1:
        return sha256_file(paths[0])
    lines = sorted(f"{p.name}\t{sha256_file(p)}" for p in paths)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _merge(into: Designation, other: Designation) -> None:
    into.aliases = [a for a in unique([*into.aliases, other.name, *other.aliases])
                    if a != into.name]
    into.programs = unique([*into.programs, *other.programs])
    into.countries = unique([*into.countries, *other.countries])
    into.addresses = unique([*into.addresses, *other.addresses])
    into.links = unique([*into.links, *other.links])
    for key, values in other.identifiers.items():
        into.identifiers[key] = unique([*into.identifiers.get(key, []), *values])
    into.listed_on = into.listed_on or other.listed_on
    into.reasons = into.reasons or other.reasons


def read_lists(paths: Iterable[str | Path], list_key: str | None = None) -> list[LoadedList]:
    """Parse files and group them into one version per list key.

    Several files of one list (the three EU annex CSVs) make one version; a designation id
    printed by two files is merged. ``list_key`` overrides the key the format implies.
    """
    if list_key is not None and list_key not in LIST_KEYS:
        raise ListFormatError(f"unknown list key {list_key!r} (known: {', '.join(LIST_KEYS)})")
    sources = [Path(p) for p in paths]
    formats = {p: detect_format(p) for p in sources}
    sidecars: dict[str, Path] = {SIDECARS[f]: p for p, f in formats.items() if f in SIDECARS}
    has_sdn = any(f == "ofac-sdn-csv" for f in formats.values())
    if sidecars and not has_sdn:
        lone = next(p for p, f in formats.items() if f in SIDECARS)
        raise ListFormatError("OFAC ALT/ADD files need their SDN.CSV in the same load",
                              source=str(lone))
    grouped: dict[str, list[ParsedFile]] = {}
    for path, fmt in formats.items():
        if fmt in SIDECARS:
            continue
        parsed = read_file(path, fmt, sidecars)
        key = list_key or parsed.key
        grouped.setdefault(key, []).append(parsed)
    loaded = []
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key, files in grouped.items():
        by_id: dict[str, Designation] = {}
        for parsed in files:
            for designation in parsed.designations:
                designation.list = key
                existing = by_id.get(designation.list_id)
                if existing is None:
                    by_id[designation.list_id] = designation
                else:
                    _merge(existing, designation)
        dates = [f.published for f in files if f.published is not None]
        sha = files[0].sha256 if len(files) == 1 else hashlib.sha256(
            "\n".join(sorted(f.sha256 for f in files)).encode()
        ).hexdigest()
        meta = ListMeta(
            key=key,
            source=", ".join(f.path.name for f in files),
            format=", ".join(unique(f.format for f in files)),
            sha256=sha,
            published=max(dates) if dates else None,
            count=len(by_id),
            loaded_at=now,
        )
        loaded.append(LoadedList(meta, list(by_id.values()), files))
    return loaded
