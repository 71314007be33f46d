"""The main job, as a library call: read sources, extract, store, resolve.

The CLI's ``ingest`` command and the API's ingest endpoint both call
:func:`ingest_sources`, so they behave the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sanctrace.errors import InputError
from sanctrace.store import Store


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did, source by source."""

    stored: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)


def ingest_sources(
    store: Store,
    sources: list[str],
    *,
    published: str | None = None,
    model: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_source: Callable[[str], None] | None = None,
    display: Mapping[str, str] | None = None,
) -> IngestReport:
    """Read, extract and store every source; one transaction per document.

    A source that cannot be read is recorded in ``failed`` and leaves the store untouched;
    the others go on. Documents whose content is already stored are skipped, so running
    the same ingest twice changes nothing. ``on_start(total)`` and ``on_source(source)``
    let a caller draw progress. ``display`` names sources that are temporary paths (API
    uploads) by what the user called them, in the store and in messages.
    """
    from sanctrace.ingest import expand_sources, parse_date, read_source
    from sanctrace.resolve import ensure_resolved

    when = parse_date(published) if published is not None else None
    report = IngestReport()
    concrete: list[str] = []
    for source in sources:
        try:
            concrete.extend(expand_sources([source]))
        except InputError as exc:
            report.failed.append({"source": source, "error": str(exc)})
    if on_start is not None:
        on_start(len(concrete))
    extractor = None
    display = display or {}
    for source in concrete:
        label = display.get(source, source)
        try:
            documents = read_source(source, published=when)
        except InputError as exc:
            report.failed.append({"source": label, "error": str(exc).replace(source, label)})
            documents = []
        for doc in documents:
            if doc.source == source:
                doc.source = label
            if store.has_document(doc.sha256):
                report.duplicates.append({"source": doc.source, "document": doc.id})
                continue
            if extractor is None:
                from sanctrace.extract import Extractor

                extractor = Extractor(model)
            extraction = extractor.extract(doc)
            store.save_extraction(extraction)
            report.stored.append(
                {
                    "source": doc.source,
                    "document": doc.id,
                    "title": doc.title,
                    "published": doc.published.isoformat() if doc.published else None,
                    "entities": len(extraction.entities),
                    "claims": len(extraction.claims),
                }
            )
        if on_source is not None:
            on_source(source)
    ensure_resolved(store)
    return report
