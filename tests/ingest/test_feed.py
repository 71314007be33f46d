"""RSS and Atom: one Document per item; entity bombs and XXE refused, never expanded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sanctrace.errors import HostileInputError, IngestError
from sanctrace.ingest import read_bytes, read_source
from sanctrace.ingest.feed import author_name

from .server import FixtureServer


def test_rss_items(fixtures: Path) -> None:
    path = str(fixtures / "feed.rss")
    docs = read_source(path, published=date(2024, 3, 1))
    assert [d.title for d in docs] == [
        "Bearings shipped to tank plant via Almaty",
        "Customs seize microchips at Kyrgyz border",
    ]  # the link-only item carries no text and the feed came from a file
    first, second = docs
    assert all(d.format == "feed" and d.source == path for d in docs)
    assert first.publisher == "Dual-Use Watch"
    assert first.author == "Aigerim Sadykova"
    assert first.url == "https://dualuse.example/2024/02/bearings"
    assert first.published == date(2024, 2, 19)
    # content:encoded (longer) wins over the teaser, as plain text; the script is gone.
    assert first.text == (
        "Bearings shipped to tank plant via Almaty\n"
        "A Kazakh wholesaler shipped precision bearings to a tank factory in the Urals in "
        "late 2023, customs data show.\n"
        "The wholesaler said it sells only to civilian customers."
    )
    # An unparseable pubDate does not stop the feed: the argument fills in.
    assert second.published == date(2024, 3, 1)
    assert second.text.endswith("microcontrollers declared as toys.")


def test_atom_entry(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "feed.atom"))
    assert doc.title == "Shipyard in Crimea received marine engines through a Turkish intermediary"
    assert doc.publisher == "Sanctions Circuit"
    assert doc.author == "Oleksandr Marchenko"
    assert doc.published == date(2024, 9, 2)
    assert doc.url == "https://circuit.example/2024/09/marine-engines"
    assert doc.text.split("\n")[1:] == [
        "Marine diesel engines made in Germany reached a shipyard in Kerch after passing "
        "through a trading company in Istanbul.",
        "The trading company denied selling to Crimea.",
    ]


@pytest.mark.parametrize("name", ["bomb.rss", "xxe.rss"])
def test_entity_declarations_are_refused(fixtures: Path, name: str) -> None:
    path = str(fixtures / name)
    with pytest.raises(HostileInputError, match="XML declares an ENTITY") as info:
        read_source(path)
    assert info.value.source == path


def test_utf16_feed_with_doctype_is_refused() -> None:
    feed = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss/>'
    with pytest.raises(HostileInputError, match="DOCTYPE"):
        read_bytes(feed.encode("utf-16"), source="feed16.xml")


def test_declaration_longer_than_the_sniffed_head_is_still_refused() -> None:
    subset = "".join(f'<!ENTITY e{i} "{"x" * 60}">' for i in range(300))  # ~25 KB
    feed = f'<?xml version="1.0"?><!DOCTYPE rss [{subset}]><rss><channel/></rss>'
    with pytest.raises(HostileInputError, match="ENTITY"):
        read_bytes(feed.encode(), source="long.xml")


def test_feed_of_link_only_items_from_a_file_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "links.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Links</title>'
        "<item><title>One</title><link>https://example.org/1</link></item>"
        "</channel></rss>"
    )
    with pytest.raises(IngestError, match="give the feed's URL instead of a file"):
        read_source(str(path))


def test_feed_without_items(tmp_path: Path) -> None:
    path = tmp_path / "none.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    with pytest.raises(IngestError, match="the feed has no items"):
        read_source(str(path))


@pytest.fixture
def feed_server(fixtures: Path) -> Iterator[FixtureServer]:
    served = FixtureServer()
    html = {"Content-Type": "text/html; charset=utf-8"}
    served.routes["/article"] = (200, html, (fixtures / "article.html").read_bytes())
    served.start()
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Linker</title>'
        f"<item><title>Linked story</title><link>{served.url('/article')}</link>"
        "<pubDate>Tue, 11 Jun 2024 07:00:00 +0000</pubDate></item>"
        f"<item><title>Dead link</title><link>{served.url('/gone')}</link></item>"
        "<item><title>Local file</title><link>file:///etc/passwd</link></item>"
        "<item><title>Inline</title><description>Spare parts went to Minsk by rail, the "
        "shipping records show.</description></item>"
        "</channel></rss>"
    ).encode()
    served.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    yield served
    served.stop()


def test_feed_url_fetches_linked_pages(feed_server: FixtureServer) -> None:
    docs = read_source(feed_server.url("/feed"))
    # The dead link and the file: link are skipped; the file: link is never opened.
    assert [d.format for d in docs] == ["html", "feed"]
    assert not any("root:" in d.text for d in docs)
    page, inline = docs
    assert page.source == feed_server.url("/article")
    assert page.title == "Georgian broker routed drone engines to Iran"
    assert page.publisher == "The Caspian Ledger"
    assert "60 two-stroke piston engines" in page.text
    assert inline.text == "Inline\nSpare parts went to Minsk by rail, the shipping records show."
    assert inline.source == feed_server.url("/feed")
    assert [path for path, _ in feed_server.requests] == ["/feed", "/article", "/gone"]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("desk@example.org (Jo Bloggs)", "Jo Bloggs"),
        ("Jo Bloggs <jo@example.org>", "Jo Bloggs"),
        ("Jo Bloggs (jo@example.org)", "Jo Bloggs"),
        ("jo@example.org", None),
        ("Jo  Bloggs", "Jo Bloggs"),
        (None, None),
    ],
)
def test_author_name(raw: str | None, name: str | None) -> None:
    assert author_name(raw) == name
