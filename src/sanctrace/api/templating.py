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
