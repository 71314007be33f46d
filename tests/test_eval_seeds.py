"""The acceptance floors, scored by the shared scorer exactly as held-out reports are.

Seeds (../shared/seeds, a development set): entities F1 >= 0.90, claims F1 >= 0.70,
hedging accuracy >= 0.80. Fixture reports about other, invented networks
(tests/fixtures/reports with gold in tests/fixtures/gold): entities F1 >= 0.85,
claims F1 >= 0.55.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sanctrace.extract import extraction_to_json
from sanctrace.ingest import read_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _score(extractor, files: list[Path], gold: Path, scorer: Path, tmp_path: Path) -> dict:
    documents = [d for f in files for d in read_source(str(f))]
    payload = {"documents": [extraction_to_json(x) for x in extractor.extract_many(documents)]}
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(payload, ensure_ascii=False))
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)["summary"]


def test_seed_floors(extractor, shared_dir, tmp_path):
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    summary = _score(
        extractor, seeds, shared_dir / "eval" / "gold", shared_dir / "eval" / "score.py", tmp_path
    )
    assert summary["files_predicted"] == summary["files"] == len(seeds)
    assert summary["entities"]["f1"] >= 0.90, summary
    assert summary["claims"]["f1"] >= 0.70, summary
    assert summary["claims"]["hedge_accuracy"] >= 0.80, summary


def test_fixture_report_floors(extractor, shared_dir, tmp_path):
    reports = sorted((FIXTURES / "reports").glob("*.txt"))
    if not reports or not any((FIXTURES / "gold").glob("*.gold.json")):
        pytest.skip("no fixture reports with gold yet")
    summary = _score(
        extractor, reports, FIXTURES / "gold", shared_dir / "eval" / "score.py", tmp_path
    )
    assert summary["files_predicted"] == summary["files"]
    assert summary["entities"]["f1"] >= 0.85, summary
    assert summary["claims"]["f1"] >= 0.55, summary
