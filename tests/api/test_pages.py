"""The server-rendered pages: content, escaping of hostile report text, CSP headers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .sample import IMG_NAME, SCRIPT_NAME

RAW_HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror")
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=")


def _ids(client: TestClient) -> dict[str, str]:
    return {e["name"]: e["id"] for e in client.get("/api/entities").json()["entities"]}


def _pages(client: TestClient) -> list[str]:
    ids = _ids(client)
    docs = [d["id"] for d in client.get("/api/documents").json()["documents"]]
    return [
        "/",
        "/entities",
        "/search?q=Holdings",
        "/search?q=Trading",
        f"/entity/{ids[SCRIPT_NAME]}",
        f"/entity/{ids[IMG_NAME]}",
        f"/entity/{ids['Tula Armour']}",
        f"/graph?entity={ids[SCRIPT_NAME]}",
        "/documents",
        "/routes",
        f"/routes?to={ids['Tula Armour']}",
        "/candidates",
        *(f"/document/{d}" for d in docs),
    ]


def test_every_page_escapes_hostile_names(client: TestClient) -> None:
    for path in _pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        for raw in RAW_HOSTILE:
            assert raw not in html, f"{path} contains unescaped {raw!r}"
        # our own pages load scripts only from /static, never inline
        for tag in re.findall(r"<script[^>]*>", html):
            assert re.fullmatch(r'<script src="/static/[\w./-]+"( defer)?>', tag), (path, tag)
    entity_html = client.get(f"/entity/{_ids(client)[SCRIPT_NAME]}").text
    assert ESCAPED[0] in entity_html
    search_html = client.get("/search?q=Trading").text
    assert ESCAPED[1] in search_html


def test_hostile_text_in_the_query_and_in_a_404_is_escaped(client: TestClient) -> None:
    page = client.get("/search", params={"q": "<script>alert(9)</script>"})
    assert "<script>alert(9)" not in page.text and "&lt;script&gt;alert(9)" in page.text
    missing = client.get("/entity/<script>alert(9)</script>")
    assert missing.status_code == 404
    assert "<script>alert(9)" not in missing.text


def test_strict_content_security_policy_on_pages_and_api(client: TestClient) -> None:
    for path in ("/", "/api/entities", "/docs", "/entity/nobody"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp


def test_entity_page_shows_designation_and_evidence_linked_to_the_document(
    client: TestClient,
) -> None:
    tula = _ids(client)["Tula Armour"]
    html = client.get(f"/entity/{tula}").text
    assert "OFAC" in html and "90001" in html and "RUSSIA-EO14024" in html
    assert "2023-05-19" in html  # listing date, from the stored designation
    # evidence sentences with the role names marked, linking to the highlighted span
    assert (
        "<mark>Volga Optics</mark> shipped <mark>thermal lenses</mark> to <mark>Tula Armour</mark>"
        in html
    )
    link = re.search(r'href="/document/(doc-[0-9a-f]+)#claim-(clm-[0-9a-f]+)"', html)
    assert link is not None
    doc = client.get(f"/document/{link.group(1)}").text
    assert f'id="claim-{link.group(2)}"' in doc


def test_document_page_marks_evidence_by_character_offsets(client: TestClient) -> None:
    doc_id = client.get("/api/documents").json()["documents"][1]["id"]
    detail = client.get(f"/api/documents/{doc_id}").json()
    html = client.get(f"/document/{doc_id}").text
    body = re.search(r'<article class="doctext">(.*?)</article>', html, re.S).group(1)
    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)</mark>', body, re.S)
    plain = [re.sub(r"<[^>]+>", "", m) for m in marks]
    import html as htmllib

    expected = [c["evidence"]["text"] for c in detail["claims"]]
    assert [htmllib.unescape(p) for p in plain] == expected
    # the text outside the marks is there too, and nothing was lost
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", body)) == detail["text"]


@pytest.mark.parametrize("path", ["/graph", "/entities?type=Person", "/search"])
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


def test_routes_and_candidates_pages_link_actors(client: TestClient) -> None:
    ids = _ids(client)
    routes = client.get("/routes").text
    assert f'href="/entity/{ids["Minsk Trade LLC"]}"' in routes and "OFAC" in routes
    candidates = client.get("/candidates").text
    assert f'href="/entity/{ids[SCRIPT_NAME]}"' in candidates
    assert "supplied Tula Armour" in candidates


def test_home_shows_counts_and_sanctioned_actors(client: TestClient) -> None:
    html = client.get("/").text
    assert re.search(r"<strong>2</strong> reports", html)
    assert re.search(r"<strong>5</strong> claims", html)
    assert "Tula Armour" in html and "OFAC" in html


def test_empty_store_home_explains_how_to_start(tmp_path) -> None:
    from sanctrace.api import create_app

    with TestClient(create_app(str(tmp_path / "empty.db"), token=None)) as c:
        html = c.get("/").text
    assert "Nothing here yet" in html and "sanctrace ingest" in html


def test_unknown_entity_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/entity/nobody-at-all")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no entity named" in response.text
