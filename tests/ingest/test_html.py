"""HTML pages: article text without boilerplate, and the page's own metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sanctrace.ingest import read_bytes, read_source


def test_article_text_and_metadata(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "article.html"))
    assert doc.format == "html"
    assert doc.title == "Georgian broker routed drone engines to Iran"
    assert doc.publisher == "The Caspian Ledger"
    assert doc.author == "Nino Beridze"
    assert doc.published == date(2024, 6, 11)
    assert doc.url == "https://caspianledger.example/news/2024/06/broker-engines"
    assert doc.language == "en"
    assert "60 two-stroke piston engines" in doc.text
    assert "could not be reached for comment" in doc.text
    # Navigation, cookie banner, related links, footer and scripts are gone.
    for boilerplate in ("Subscribe today", "cookies", "Most read", "Kutaisi", "Privacy", "track"):
        assert boilerplate not in doc.text


def test_stated_date_wins_over_published_argument(fixtures: Path) -> None:
    (doc,) = read_source(str(fixtures / "article.html"), published=date(2020, 1, 1))
    assert doc.published == date(2024, 6, 11)


def test_page_without_a_date_takes_the_argument_and_ignores_body_dates(tmp_path: Path) -> None:
    page = tmp_path / "nodate.html"
    page.write_text(
        "<html><head><title>Cargo flights from Baku</title></head><body><article>"
        "<h1>Cargo flights from Baku</h1><p>A freight company in Baku flew aircraft parts to "
        "a buyer in Moscow in May 2023, records show; its director declined to comment.</p>"
        "<p>Filed to the archive on 3 April 2021.</p></article></body></html>",
        encoding="utf-8",
    )
    (doc,) = read_source(str(page))
    assert doc.published is None  # dates in the body describe events, not the page
    (dated,) = read_source(str(page), published=date(2024, 5, 1))
    assert dated.published == date(2024, 5, 1)
    assert dated.title == "Cargo flights from Baku"


def test_declared_charset_is_used(tmp_path: Path) -> None:
    markup = (
        "<html><head><title>Lieferungen über Österreich</title></head><body><article>"
        "<p>Ein Händler in Linz lieferte Ventile über Österreich und die Türkei an ein Werk "
        "in Russland, wie Zolldaten zeigen; die Firma äußerte sich nicht dazu.</p>"
        "</article></body></html>"
    )
    (doc,) = read_bytes(
        markup.encode("latin-1"), source="page", hint="text/html; charset=iso-8859-1"
    )
    assert "Händler in Linz" in doc.text and "äußerte" in doc.text


def test_entity_declarations_in_html_are_not_expanded(tmp_path: Path) -> None:
    page = tmp_path / "entities.html"
    page.write_text(
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<html><body><article><p>Parts went to a factory near Kazan in 2023, the records "
        "say, and the supplier declined to comment. &b; &x;</p></article></body></html>"
    )
    (doc,) = read_source(str(page))
    assert "aaaaaaaaaa" not in doc.text
    assert "root:" not in doc.text


@pytest.mark.parametrize(
    "markup", [b"<html><body></body></html>", b"<html><body><script>x()</script></body></html>"]
)
def test_page_without_text_is_refused(tmp_path: Path, markup: bytes) -> None:
    page = tmp_path / "blank.html"
    page.write_bytes(markup)
    with pytest.raises(Exception, match="empty") as info:
        read_source(str(page))
    assert str(page) in str(info.value)
