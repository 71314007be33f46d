"""Word documents: paragraphs and tables in reading order through python-docx.

A .docx file is a zip archive, so before python-docx opens it the archive's declared
sizes are checked: a member that inflates far beyond its compressed size, or a total
far beyond the input limit, is a zip bomb and is refused unread. Python's zipfile never
inflates a member past its declared size, so the declared sizes are a real bound.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

from sanctrace.errors import HostileInputError, IngestError, SanctraceError
from sanctrace.ingest.dates import dateline, stated_date
from sanctrace.ingest.document import make_document
from sanctrace.ingest.text import headline
from sanctrace.model import Document
from sanctrace.settings import get_settings
from sanctrace.xmlsafe import refuse_declarations

MAX_MEMBERS = 5_000
# Inflation ratios this high only come from runs of identical bytes; real documents
# compress XML about 10:1 and images not at all.
MAX_RATIO = 200
RATIO_FLOOR = 1_000_000  # small members may compress extremely well; ignore them
TOTAL_FACTOR = 4  # total inflated size allowed, as a multiple of SANCTRACE_MAX_BYTES
TITLE_STYLES = ("Title", "Heading 1")
# python-docx's blank template ships core properties of its own (author "python-docx",
# created 2013-12-23 23:15 UTC); files generated from it state nothing about the report.
GENERATOR_AUTHORS = frozenset({"python-docx"})
TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


def check_archive(data: bytes, *, source: str) -> None:
    """Refuse zip bombs and XML with DOCTYPE/ENTITY declarations before parsing."""
    limit = get_settings().max_bytes * TOTAL_FACTOR
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise HostileInputError(
                    f"zip archive with {len(members)} members (more than {MAX_MEMBERS})",
                    source=source,
                )
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                    raise HostileInputError(
                        f"zip bomb: {member.filename} inflates {ratio:.0f}-fold to "
                        f"{member.file_size} bytes",
                        source=source,
                    )
                if total > limit:
                    raise HostileInputError(
                        f"zip bomb: members inflate to more than {limit} bytes",
                        source=source,
                    )
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as handle:
                        refuse_declarations(handle.read(4096), source=source)
    except zipfile.BadZipFile as exc:
        raise IngestError(f"not a readable .docx (damaged zip): {exc}", source=source) from exc


def read_docx(data: bytes, *, source: str, published: date | None = None) -> Document:
    """One Document: a line per paragraph, a tab-separated line per table row."""
    check_archive(data, source=source)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        styled_title: str | None = None
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
                continue
            lines.append(block.text)
            style = block.style.name if block.style is not None else ""
            if styled_title is None and style in TITLE_STYLES and block.text.strip():
                styled_title = block.text
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
        if author in GENERATOR_AUTHORS:
            author = None
        if created == TEMPLATE_CREATED:
            created = None
    except SanctraceError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx errors on damaged files vary
        raise IngestError(
            f"not a readable .docx: {exc or type(exc).__name__}", source=source
        ) from exc
    text = "\n".join(lines)
    return make_document(
        text,
        source=source,
        format="docx",
        title=title or styled_title or headline(text),
        author=author or None,
        published=dateline(text) or stated_date(created) or published,
    )


def _table_rows(table: object) -> list[str]:
    rows: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell repeats across its span
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        rows.append("\t".join(cells))
    return rows
