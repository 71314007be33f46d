"""One contract test, run against every store backend."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sanctrace.errors import StoreError
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
from sanctrace.store import BACKENDS, Store, open_store

TEXT = "Volga Optics shipped lenses to Tula Armour via Minsk Trade LLC last year."


def _extraction(text: str = TEXT, source: str = "a.txt") -> Extraction:
    doc = Document(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        source=source,
        format="text",
        title="Lenses",
        published=date(2025, 3, 1),
    )
    ents = [
        Entity("e1", "Volga Optics", "Organization", [], [Span(0, 12)]),
        Entity("e2", "Tula Armour", "Organization", ["Tula"], [Span(31, 42)]),
        Entity("e3", "Minsk Trade LLC", "Organization", [], [Span(47, 62)]),
    ]
    claim = Claim(
        "supplied",
        "e1",
        "e2",
        Evidence(0, len(text), text),
        via="e3",
        attribution=["customs records"],
        hedged=True,
        time=TimeRef("last year", date(2024, 1, 1), date(2024, 12, 31)),
        rule="test",
    )
    return Extraction(doc, ents, [claim], model="test")


@pytest.fixture(params=sorted(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    url = f"{request.param}:///{tmp_path / 'store.db'}"
    with open_store(url) as s:
        yield s


def test_extraction_round_trips_and_is_idempotent(store: Store) -> None:
    ex = _extraction()
    assert store.save_extraction(ex) is True
    assert store.save_extraction(ex) is False
    back = store.extraction(ex.document.id)
    assert back is not None
    assert back.document.text == TEXT and back.document.published == date(2025, 3, 1)
    assert [e.name for e in back.entities] == ["Volga Optics", "Tula Armour", "Minsk Trade LLC"]
    assert back.entities[1].mentions == [Span(31, 42)]
    (claim,) = back.claims
    assert (claim.predicate, claim.subject, claim.object, claim.via) == (
        "supplied",
        "e1",
        "e2",
        "e3",
    )
    assert claim.hedged and claim.time == TimeRef("last year", date(2024, 1, 1), date(2024, 12, 31))


def test_claims_resolve_roles_across_documents(store: Store) -> None:
    store.save_extraction(_extraction())
    other = "Tula Armour received lenses."
    ex2 = Extraction(
        Document(hashlib.sha256(other.encode()).hexdigest(), other, "b.txt", "text"),
        [Entity("e1", "Tula Armour", "Organization", [], [Span(0, 11)])],
        [],
    )
    store.save_extraction(ex2)
    assert not store.resolution_fresh()
    resolve(store)
    assert store.resolution_fresh()
    tula = store.entity("tula armour")
    assert tula is not None and tula.documents == 2
    assert store.entity("Tula") == tula  # by alias
    (record,) = store.claims(entity_id=tula.id)
    assert record.roles["via"].name == "Minsk Trade LLC"
    assert record.roles["object"].entity_id == tula.id
    assert store.claims(predicate="visited") == []


def test_list_reload_reports_changes_and_failed_load_keeps_old(store: Store) -> None:
    meta = ListMeta("ofac", "sdn.csv", "ofac-sdn-csv", "aa")
    first = [Designation("ofac", "1", "ACME LLC"), Designation("ofac", "2", "BETA AO")]
    diff = store.load_list(meta, first)
    assert sorted(diff.added) == ["1", "2"] and store.lists()[0].count == 2
    second = [
        Designation("ofac", "2", "BETA AO", programs=["RUSSIA-EO14024"]),
        Designation("ofac", "3", "GAMMA"),
    ]
    diff = store.load_list(ListMeta("ofac", "sdn2.csv", "ofac-sdn-csv", "bb"), second)
    assert (diff.added, diff.removed, diff.changed) == (["3"], ["1"], ["2"])

    def broken():
        yield Designation("ofac", "9", "NEW")
        raise ValueError("row 2 is malformed")

    with pytest.raises(ValueError):
        store.load_list(ListMeta("ofac", "bad.csv", "ofac-sdn-csv", "cc"), broken())
    assert sorted(d.list_id for d in store.designations("ofac")) == ["2", "3"]
    assert store.designation("ofac", "2").programs == ["RUSSIA-EO14024"]


def test_screening_and_judgements(store: Store) -> None:
    store.save_screening({"ent-1": [ScreenMatch("ofac", "1", "ACME", 0.93, ["X"], "exact")]})
    assert store.screening()["ent-1"][0].score == pytest.approx(0.93)
    store.save_screening({})
    assert store.screening() == {}
    j = store.add_judgement("merge", "ent-1", "ent-2", note="same INN")
    assert [x.id for x in store.judgements()] == [j.id]
    store.revoke_judgement(j.id)
    assert store.judgements() == [] and store.judgements(include_revoked=True)[0].active is False


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(path))


def test_failure_half_way_through_a_document_stores_nothing(store: Store) -> None:
    ex = _extraction()
    ex.claims.append(Claim("visited", "e1", "e2", None))  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        store.save_extraction(ex)
    assert store.documents() == [] and store.doc_entities() == []
    assert store.claims() == []
    ex.claims.pop()
    assert store.save_extraction(ex) is True
