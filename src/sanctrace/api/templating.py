"""Rendering pages: one autoescaping Jinja2 environment, and document highlighting.

Everything that comes from a report or a list reaches the page through autoescaping or
through :func:`markupsafe.escape`; the only markup we build by hand is the ``<mark>``
and ``<span>`` tags around evidence and mentions, whose attributes are our own ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from sanctrace.model import Extraction
from sanctrace.store import ClaimRecord, Store

PREDICATE_LABELS = {"collaborated_with": "collaborated with", "sanctioned_by": "sanctioned by"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sanctrace.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["predicate"] = lambda p: PREDICATE_LABELS.get(p, p.replace("_", " "))
    env.filters["mark_names"] = mark_names
    return env


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    html = (
        environment().get_template(name).render(request=request, path=request.url.path, **context)
    )
    return HTMLResponse(html, status_code=status)


@dataclass(slots=True)
class Highlight:
    """A span of document text to draw: an evidence span (claim ids) or a mention."""

    start: int
    end: int
    claim: str | None = None
    entity: str | None = None


def mark_text(text: str, highlights: Iterable[Highlight], focus: str | None = None) -> Markup:
    """The text with evidence in ``<mark>`` and mentions in ``<span class="mention">``.

    Spans may overlap, so the text is cut at every span boundary; consecutive pieces
    covered by the same claims share one ``<mark>``, and mentions are spans inside it,
    so the result is always well nested. The first ``<mark>`` of each claim carries
    ``id="claim-<id>"`` as an anchor; ``focus`` names an entity whose mentions get the
    ``focus`` class.
    """
    spans = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    runs: list[tuple[tuple[str, ...], list[str]]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [h for h in spans if h.start <= start and end <= h.end]
        claims = tuple(sorted({h.claim for h in covering if h.claim}))
        entities = sorted({h.entity for h in covering if h.entity})
        piece = str(escape(text[start:end]))
        if entities:
            classes = "mention focus" if focus in entities else "mention"
            piece = f'<span class="{classes}" data-entity="{escape(entities[0])}">{piece}</span>'
        if runs and runs[-1][0] == claims:
            runs[-1][1].append(piece)
        else:
            runs.append((claims, [piece]))
    anchored: set[str] = set()
    out: list[str] = []
    for claims, pieces in runs:
        inner = "".join(pieces)
        if not claims:
            out.append(inner)
            continue
        fresh = [c for c in claims if c not in anchored]
        anchor = f' id="claim-{escape(fresh[0])}"' if fresh else ""
        anchored.update(fresh[:1])
        ids = escape(" ".join(claims))
        out.append(f'<mark class="evidence"{anchor} data-claims="{ids}">{inner}</mark>')
    return Markup("".join(out))


def mark_spans(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """``text`` with the given (start, end) character spans in ``<mark>``; overlaps merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if not 0 <= start < end <= len(text):
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    last = 0
    for start, end in merged:
        out.append(str(escape(text[last:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def evidence_markup(store: Store, records: Iterable[ClaimRecord]) -> dict[str, Markup]:
    """Each claim's evidence sentence with the mentions of its role entities marked.

    Uses the document's own mention offsets, so the names are marked exactly as the report
    spells them, whatever name the entity was resolved under.
    """
    cache: dict[str, Extraction | None] = {}
    out: dict[str, Markup] = {}
    for record in records:
        if record.doc_id not in cache:
            cache[record.doc_id] = store.extraction(record.doc_id)
        extraction = cache[record.doc_id]
        c = record.claim
        ev = c.evidence
        if extraction is None or extraction.document.text[ev.start : ev.end] != ev.text:
            continue
        roles = {c.subject, c.object, c.via, c.item, c.location} - {None}
        spans = [
            (span.start - ev.start, span.end - ev.start)
            for entity in extraction.entities
            if entity.id in roles
            for span in entity.mentions
            if ev.start <= span.start and span.end <= ev.end
        ]
        out[record.id] = mark_spans(ev.text, spans)
    return out


def mark_names(text: str, names: Iterable[str | None]) -> Markup:
    """An evidence sentence with the names of the claim's roles in ``<mark>``."""
    wanted = sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True)
    if not wanted:
        return escape(text)
    pattern = re.compile("|".join(re.escape(n) for n in wanted), re.IGNORECASE)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[last : m.start()])))
        out.append(f"<mark>{escape(m.group())}</mark>")
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))
