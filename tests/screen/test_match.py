"""Normalisation and pairwise scoring: the variations reports make of listed names."""

from __future__ import annotations

from sanctrace.screen.match import compare, compare_names, token_sim
from sanctrace.screen.normalise import initialisms, normalise, skeleton
from sanctrace.screen.weights import background


def score(a: str, b: str, person: bool = False) -> float:
    w = background()
    return compare_names(a, b, w.weight, w.specificity, person).score


def test_normalise_scripts_forms_and_quotes() -> None:
    cyrillic = normalise("ООО ТСК «Вектор»")
    latin = normalise("TSK VEKTOR, OOO")
    assert cyrillic.tokens == latin.tokens == ("tsk", "vektor")
    assert cyrillic.forms == latin.forms == frozenset({"llc"})
    assert normalise("JSC IZHEVSK ELECTROMECHANICAL PLANT ‘KUPOL’").tokens[-1] == "kupol"
    assert normalise("A.B.C. Company").tokens[0] == "abc"


def test_transliteration_variants_share_a_skeleton() -> None:
    assert skeleton("vektor") == skeleton("vector")
    assert skeleton("izhevskiy") == skeleton("izhevski")
    assert token_sim("haotianyi", "haotyanyi") > 0.85
    assert token_sim("kupol", "kapel") == 0.0


def test_initialisms_of_compound_words() -> None:
    tokens = normalise("Izhevskiy Elektromekhanicheskiy Zavod").tokens
    assert {"iez", "iemz"} <= initialisms(tokens)
    assert "iemp" in initialisms(normalise("Izhevsk Electromechanical Plant").tokens)


def test_acronym_and_word_order() -> None:
    assert score("IEMZ Kupol", "AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI "
                 "ZAVOD KUPOL") > 0.9
    assert score("Vektor TSK", "TSK VEKTOR, OOO") == 1.0


def test_legal_forms_compare_as_forms() -> None:
    same = score("TSK Vektor LLC", "OOO TSK Vektor")
    missing = score("TSK Vektor", "OOO TSK Vektor")
    other = score("TSK Vektor JSC", "OOO TSK Vektor")
    assert same == missing == 1.0
    assert 0.9 <= other < same  # a different form is a small penalty, not a big one


def test_typos_and_transliteration() -> None:
    assert score("Hunan Haotianyi", "Hunan Haotyanyi") > 0.9
    assert score("TSK Vector", "TSK Vektor") > 0.9
    assert score("Donlad Trump", "Donald Trump", person=True) > 0.8


def test_different_names_stay_apart() -> None:
    assert score("Chinese foreign ministry", "Ministry of Foreign Affairs") < 0.6
    assert score("Usama bin Laden", "Shaikh Isa Bin Tarif Al Bin Ali", person=True) < 0.5
    assert score("C.B.A. Company", "A.B.C. Company") < 0.8
    assert score("Vessel 6", "Vessel 5") < 0.8


def test_explanation_names_tokens_and_penalties() -> None:
    w = background()
    result = compare(normalise("TSK Vector JSC"), normalise("OOO TSK Vektor"), w.weight,
                     w.specificity)
    assert "vector~vektor" in result.explanation and "legal form" in result.explanation


def test_other_scripts() -> None:
    assert score("فرناندو بيريز", "Fernando Pérez", person=True) >= 0.8
    assert score("高石早苗", "高市早苗", person=True) < 0.8
