"""Briefs: the whole network and one entity, Markdown and self-contained HTML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from api.sample import IMG_NAME, SCRIPT_NAME
from sanctrace.errors import InputError, NotFoundError
from sanctrace.export import render_brief
from sanctrace.store import Store


def test_markdown_brief_sections_and_mermaid(store: Store) -> None:
    text = render_brief(store, None, "md")
    for heading in (
        "## Summary",
        "## Network",
        "## Actors and designations",
        "## Supply routes into sanctioned actors",
        "## Designation candidates",
        "## Claims",
    ):
        assert heading in text
    mermaid = re.search(r"```mermaid\n(.*?)```", text, re.S).group(1)
    assert mermaid.startswith("graph LR")
    assert mermaid.count("-->") + mermaid.count("-.->") == 6
    assert "<" not in mermaid and ">" not in mermaid.replace("-->", "").replace("-.->", "")
    assert "| Tula Armour | Organization | sanctioned | OFAC 90001 (RUSSIA-EO14024)" in text
    assert "listed 2023-05-19" in text
    assert "Minsk Trade LLC → Tula Armour" in text  # the via route
    # hostile names are inert text
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Holdings" in text


def test_html_brief_is_self_contained_with_inline_svg(store: Store) -> None:
    text = render_brief(store, "Tula Armour", "html")
    assert "<script" not in text.replace("&lt;script", "")
    assert "<img" not in text.replace("&lt;img", "")
    assert "src=" not in re.sub(r"&lt;img src=x", "", text)  # nothing is loaded from outside
    assert 'href="http' not in text
    svg = re.search(r"<svg viewBox=\"0 0 900 560\".*?</svg>", text, re.S).group(0)
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    ns = "{http://www.w3.org/2000/svg}"
    labels = [t.text for t in root.iter(f"{ns}text")]
    assert SCRIPT_NAME in labels and IMG_NAME in labels  # literal text after XML parsing
    assert len(list(root.iter(f"{ns}line"))) == 6
    assert "Brief: Tula Armour" in text and "sanctioned: OFAC 90001" in text
    assert text.count("<tr>") >= 5


def test_entity_brief_limits_claims_to_the_entity(store: Store) -> None:
    text = render_brief(store, "Ivan Petrov", "md")
    claims = text.split("## Claims", 1)[1]
    assert claims.count("\n| ") == 2  # header row + the one officer claim
    assert "officer of" in claims


def test_brief_layout_is_deterministic(store: Store) -> None:
    first = render_brief(store, None, "html")
    second = render_brief(store, None, "html")
    strip = re.compile(r"Generated [^<]*")
    assert strip.sub("", first) == strip.sub("", second)


def test_brief_errors(store: Store) -> None:
    with pytest.raises(NotFoundError, match="Tula Armour"):
        render_brief(store, "Tula Arm", "md")
    with pytest.raises(InputError, match="pdf"):
        render_brief(store, None, "pdf")
