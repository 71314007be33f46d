"""The blocking index: recall through its keys, ranking, context penalties, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.model import Designation
from sanctrace.screen.index import NameIndex, build_index, name_keys
from sanctrace.screen.normalise import normalise

DESIGNATIONS = [
    Designation("ofac", "1", "TSK VEKTOR, OOO", aliases=["ООО ТСК Вектор"], countries=["ru"]),
    Designation("ofac", "2", "AO NII VEKTOR", countries=["ru"]),
    Designation("ofac", "3", "VEKTOR JSC", countries=["ru"]),
    Designation("eu", "4", "Redlepus TSK Vektor Industrial (Shenzhen) Co., Ltd", countries=["cn"]),
    Designation("uk", "5", "JSC Izhevsk Electromechanical Plant Kupol",
                aliases=["Izhevskiy Elektromekhanicheskiy Zavod Kupol"], countries=["ru"]),
    Designation("un", "6", "Ivan VEKTOROV", schema="Person", countries=["ru"]),
    Designation("eu", "7", "Kupol Trading Limited", countries=["cy"]),
]


def index() -> NameIndex:
    return build_index(DESIGNATIONS)


def test_keys_cover_tokens_skeletons_and_acronyms() -> None:
    keys = name_keys(normalise("Izhevskiy Elektromekhanicheskiy Zavod Kupol"))
    assert {"tkupol", "aiemz", "sijevski", "pkupo", "xupol"} <= set(keys)


def test_exact_beats_short_forms_for_an_ambiguous_core() -> None:
    hits = index().search("Vektor")
    assert hits[0].list_id == "3" and hits[0].score == 1.0
    assert all(h.score < hits[0].score - 0.1 for h in hits[1:])
    # without the exact one, the names that merely contain "Vektor" are found but stay
    # below the threshold: the word is shared by several listed names
    ambiguous = build_index([d for d in DESIGNATIONS if d.list_id != "3"]).search("Vektor")
    assert {h.list_id for h in ambiguous} >= {"1", "2"}
    assert all(h.score < 0.8 for h in ambiguous)
    # a core word only one listed name carries is a strong short form
    assert index().search("Redlepus")[0].score >= 0.8


def test_acronym_query_finds_the_plant() -> None:
    hits = index().search("IEMZ Kupol", threshold=0.8)
    assert [h.list_id for h in hits] == ["5"]
    assert "iemz~" in hits[0].explanation


def test_schema_and_country_penalties() -> None:
    ix = index()
    plain = ix.search("Ivan Vektorov")[0]
    as_org = ix.search("Ivan Vektorov", schema="Organization")[0]
    assert plain.list_id == as_org.list_id == "6"
    assert as_org.score <= plain.score - 0.2 and "schema" in as_org.explanation
    here = ix.search("TSK Vektor", countries=["ru"])[0]
    elsewhere = ix.search("TSK Vektor", countries=["de"])[0]
    assert here.score - elsewhere.score == pytest.approx(0.05)
    assert "country" in elsewhere.explanation


def test_save_and_load(tmp_path: Path) -> None:
    ix = index()
    ix.save(tmp_path / "ix.pkl")
    again = NameIndex.load(tmp_path / "ix.pkl")
    assert again.size == ix.size
    assert [h.list_id for h in again.search("TSK Vector")] == [
        h.list_id for h in ix.search("TSK Vector")
    ]


def test_a_misspelling_near_several_listed_words_is_ambiguous() -> None:
    lone = build_index([Designation("ofac", "1", "Matror Industrial LLC")])
    crowded = build_index([
        Designation("ofac", "1", "Matror Industrial LLC"),
        Designation("ofac", "2", "Matrik Industrial LLC"),
        Designation("ofac", "3", "Natrok Industrial LLC"),
    ])
    alone = lone.search("Matrok Industrial LLC")[0]
    among = crowded.search("Matrok Industrial LLC")
    assert {h.list_id for h in among} == {"1", "2", "3"}
    assert all(h.score <= alone.score - 0.09 for h in among)
    assert "rival spellings" in among[0].explanation
    # a correctly spelt listed word has no rivals, however many near words are listed
    assert crowded.search("Matror Industrial LLC")[0].score == 1.0
