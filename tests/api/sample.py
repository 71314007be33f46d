"""A small hand-made network, stored through the real store, for the serve/export tests.

Two fictional reports about an optics supplier, a trading intermediary and a sanctioned
armour plant, with two hostile actor names (a script tag and an ``onerror`` image tag)
that every page, export and brief must show as literal text. Entities and claims are
built by hand so these tests do not depend on extraction quality.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sanctrace.model import (
    Claim,
    Designation,
    Document,
    Entity,
    Evidence,
    Extraction,
    ListMeta,
    ScreenMatch,
    Span,
    TimeRef,
)
from sanctrace.resolve import resolve
from sanctrace.store import open_store

SCRIPT_NAME = "<script>alert(1)</script> Holdings"
IMG_NAME = '<img src=x onerror="alert(2)"> Trading'

REPORT_1 = (
    "Volga Optics shipped thermal lenses to Tula Armour via Minsk Trade LLC in 2024, "
    "customs records show. "
    f"{SCRIPT_NAME} supplied Tula Armour with fibre cable. "
    "Ivan Petrov is the director of Minsk Trade LLC."
)
REPORT_2 = (
    "Volga Optics JSC delivered thermal lenses to Tula Armour, according to the Baltic Ledger. "
    f"{IMG_NAME} denied supplying Tula Armour."
)

ENTITIES = {
    "volga": ("Volga Optics", "Organization"),
    "volga_jsc": ("Volga Optics JSC", "Organization"),
    "tula": ("Tula Armour", "Organization"),
    "minsk": ("Minsk Trade LLC", "Organization"),
    "petrov": ("Ivan Petrov", "Person"),
    "lenses": ("thermal lenses", "Product"),
    "script": (SCRIPT_NAME, "Organization"),
    "img": (IMG_NAME, "Organization"),
}


def _doc(text: str, source: str, title: str, published: date) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        sha,
        text,
        source,
        "text",
        title=title,
        publisher="Example Monitor",
        published=published,
        url=f"https://example.org/{source}",
    )


def _entities(text: str, keys: list[str]) -> list[Entity]:
    out = []
    for key in keys:
        name, type_ = ENTITIES[key]
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append(Span(at, at + len(name)))
            at = text.find(name, at + 1)
        out.append(Entity(key, name, type_, [], spans))
    return out


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(start, start + len(sentence), sentence)


def extractions() -> list[Extraction]:
    doc1 = _doc(REPORT_1, "optics.txt", "Optics for the front", date(2025, 2, 10))
    doc2 = _doc(REPORT_2, "ledger.txt", "Lenses keep flowing", date(2025, 3, 4))
    claims1 = [
        Claim(
            "supplied",
            "volga",
            "tula",
            _evidence(REPORT_1, REPORT_1.split(" customs")[0] + " customs records show."),
            via="minsk",
            item="lenses",
            attribution=["customs records"],
            time=TimeRef("in 2024", date(2024, 1, 1), date(2024, 12, 31)),
            rule="test",
        ),
        Claim(
            "supplied",
            "script",
            "tula",
            _evidence(REPORT_1, f"{SCRIPT_NAME} supplied Tula Armour with fibre cable."),
            rule="test",
        ),
        Claim(
            "officer_of",
            "petrov",
            "minsk",
            _evidence(REPORT_1, "Ivan Petrov is the director of Minsk Trade LLC."),
            rule="test",
        ),
    ]
    claims2 = [
        Claim(
            "supplied",
            "volga_jsc",
            "tula",
            _evidence(REPORT_2, REPORT_2.split(" " + IMG_NAME)[0]),
            item="lenses",
            attribution=["the Baltic Ledger"],
            rule="test",
        ),
        Claim(
            "supplied",
            "img",
            "tula",
            _evidence(REPORT_2, f"{IMG_NAME} denied supplying Tula Armour."),
            negated=True,
            rule="test",
        ),
    ]
    return [
        Extraction(
            doc1,
            _entities(REPORT_1, ["volga", "tula", "minsk", "petrov", "lenses", "script"]),
            claims1,
            model="hand",
        ),
        Extraction(
            doc2, _entities(REPORT_2, ["volga_jsc", "tula", "lenses", "img"]), claims2, model="hand"
        ),
    ]


TULA_LISTING = Designation(
    "ofac",
    "90001",
    "TULA ARMOUR PLANT",
    schema="Organization",
    authority="OFAC",
    programs=["RUSSIA-EO14024"],
    aliases=["Tula Armour"],
    countries=["ru"],
    listed_on=date(2023, 5, 19),
    links=["https://example.org/ofac/90001"],
)


def build_store(path: Path) -> str:
    """Store the sample network at ``path`` (resolved and screened); return its URL."""
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        for extraction in extractions():
            store.save_extraction(extraction)
        resolve(store)
        store.load_list(
            ListMeta("ofac", "sdn.csv", "ofac-sdn-csv", "f" * 64, published=date(2025, 1, 2)),
            [TULA_LISTING],
        )
        tula = store.entity("Tula Armour")
        assert tula is not None
        store.save_screening(
            {
                tula.id: [
                    ScreenMatch(
                        "ofac",
                        "90001",
                        "TULA ARMOUR PLANT",
                        0.97,
                        ["RUSSIA-EO14024"],
                        "alias exact",
                    )
                ]
            }
        )
    return url
