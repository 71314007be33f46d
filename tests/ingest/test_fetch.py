"""URLs: fetched from a local server, dispatched on content, every failure one FetchError."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sanctrace import __version__
from sanctrace.errors import FetchError, IngestError, TooLargeError
from sanctrace.ingest import read_source
from sanctrace.settings import get_settings

from .server import OMIT_LENGTH, FixtureServer, slow


@pytest.fixture
def server(fixtures: Path) -> Iterator[FixtureServer]:
    served = FixtureServer()
    html = {"Content-Type": "text/html; charset=utf-8"}
    served.routes.update(
        {
            "/article": (200, html, (fixtures / "article.html").read_bytes()),
            "/brief": (
                200,
                {"Content-Type": "application/pdf"},
                (fixtures / "brief.pdf").read_bytes(),
            ),
            "/report.txt": (
                200,
                {"Content-Type": "text/plain"},
                (fixtures / "report.txt").read_bytes(),
            ),
            "/moved": (302, {"Location": "/article"}, b""),
            "/image": (200, {"Content-Type": "text/html"}, (fixtures / "picture.txt").read_bytes()),
            "/broken": (500, {"Content-Type": "text/plain"}, b"oops"),
        }
    )
    served.start()
    yield served
    served.stop()


def test_html_url(server: FixtureServer) -> None:
    url = server.url("/article")
    (doc,) = read_source(url)
    assert doc.source == url
    assert doc.format == "html"
    assert doc.title == "Georgian broker routed drone engines to Iran"
    assert doc.published == date(2024, 6, 11)
    assert doc.url == "https://caspianledger.example/news/2024/06/broker-engines"  # canonical
    path, headers = server.requests[-1]
    assert path == "/article"
    assert headers["User-Agent"] == f"sanctrace/{__version__}"


def test_pdf_and_text_urls(server: FixtureServer, fixtures: Path) -> None:
    (pdf,) = read_source(server.url("/brief"))
    assert pdf.format == "pdf" and pdf.title == "Optics for armoured vehicles"
    (text,) = read_source(server.url("/report.txt"))
    assert text.text == (fixtures / "report.txt").read_text(encoding="utf-8")
    assert text.url == server.url("/report.txt")


def test_declared_text_charset_is_used(server: FixtureServer) -> None:
    body = "Lieferung über Graz\nDer Händler schwieg.\n".encode("cp1252")
    server.routes["/de.txt"] = (200, {"Content-Type": "text/plain; charset=windows-1252"}, body)
    (doc,) = read_source(server.url("/de.txt"))
    assert doc.text == "Lieferung über Graz\nDer Händler schwieg.\n"


def test_redirect_is_followed_and_final_url_kept(server: FixtureServer) -> None:
    (doc,) = read_source(server.url("/moved"))
    assert doc.source == server.url("/moved")
    assert doc.title == "Georgian broker routed drone engines to Iran"


def test_content_type_does_not_override_content(server: FixtureServer) -> None:
    with pytest.raises(IngestError, match="PNG image"):
        read_source(server.url("/image"))


@pytest.mark.parametrize(("path", "reason"), [("/missing", "HTTP 404"), ("/broken", "HTTP 500")])
def test_http_errors(server: FixtureServer, path: str, reason: str) -> None:
    url = server.url(path)
    with pytest.raises(FetchError) as info:
        read_source(url)
    assert info.value.source == url
    assert reason in str(info.value)


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/report"
    with pytest.raises(FetchError, match="cannot connect") as info:
        read_source(url)
    assert info.value.source == url


def test_timeout(server: FixtureServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.routes["/slow"] = slow(2.0, (200, {"Content-Type": "text/plain"}, b"late"))
    monkeypatch.setenv("SANCTRACE_HTTP_TIMEOUT", "0.3")
    get_settings.cache_clear()
    try:
        with pytest.raises(FetchError, match=r"timed out after 0.3 s"):
            read_source(server.url("/slow"))
    finally:
        monkeypatch.delenv("SANCTRACE_HTTP_TIMEOUT")
        get_settings.cache_clear()


def test_download_size_is_capped_while_streaming(server: FixtureServer, max_bytes: None) -> None:
    body = b"word " * 2000
    server.routes["/declared"] = (200, {"Content-Type": "text/plain"}, body)
    server.routes["/unsized"] = (200, {"Content-Type": "text/plain", OMIT_LENGTH: "1"}, body)
    with pytest.raises(TooLargeError, match="10000 bytes is larger than the limit of 4096"):
        read_source(server.url("/declared"))
    with pytest.raises(TooLargeError, match="larger than the limit of 4096 bytes"):
        read_source(server.url("/unsized"))
