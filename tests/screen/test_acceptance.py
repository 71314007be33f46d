"""The acceptance checks on the real lists: the actors of the Kupol/Vektor story are
found on every list that carries them, and ordinary words in reports are not."""

from __future__ import annotations

import pytest

from sanctrace.screen.screening import screen_name


def ids(index, name: str) -> set[tuple[str, str]]:
    return {(m.list, m.list_id) for m in screen_name(index, name, threshold=0.8)}


def test_iemz_kupol(real_index) -> None:
    found = ids(real_index, "IEMZ Kupol")
    assert ("ofac", "46431") in found
    assert {("eu", "32014R0269:I.ENTITIES:141"), ("eu", "32014R0833:IV:516")} <= found


def test_tsk_vektor(real_index) -> None:
    found = ids(real_index, "TSK Vektor")
    assert {("ofac", "46441"), ("uk", "16667"), ("eu", "32014R0269:I.ENTITIES:503")} <= found
    assert ("ofac", "35156") not in found  # AO NII VEKTOR is another company


def test_sichuan_aee_and_hunan_haotianyi(real_index) -> None:
    assert ("eu", "32014R0269:I.ENTITIES:758") in ids(real_index, "Sichuan AEE")
    matches = screen_name(real_index, "Hunan Haotianyi", threshold=0.8)
    assert matches[0].list_id == "32014R0269:I.ENTITIES:755"
    assert "haotianyi~haotyanyi" in matches[0].explanation


def test_cyrillic_query(real_index) -> None:
    assert ("ofac", "46441") in ids(real_index, "ООО ТСК Вектор")


@pytest.mark.parametrize("word", ["Reuters", "China", "Russia", "Chinese foreign ministry"])
def test_ordinary_words_are_not_flagged(real_index, word: str) -> None:
    assert ids(real_index, word) == set()


def test_a_legal_form_alone_is_not_a_name(real_index) -> None:
    # OFAC lists SERVICIO AEREO DE SANTANDER E.U. with the alias "S.A.S. E.U."
    assert screen_name(real_index, "EU", "PublicBody", threshold=0.8) == []
    assert ("ofac", "7598") in ids(real_index, "Servicio Aereo de Santander")


def test_a_subset_missing_a_distinctive_word_is_another_actor(real_index) -> None:
    # Redlepus TSK Vektor Industrial (Shenzhen) is not TSK Vektor: "Redlepus" is rarer
    # than anything the query shares with it; "Industrial" and "Shenzhen" alone would not be
    assert ("uk", "16652") not in ids(real_index, "TSK Vektor")
    assert ("uk", "16652") in ids(real_index, "Redlepus TSK Vektor Industrial")
