"""The name_bench pairs (../shared/data/name_bench): F1 at our default threshold, and
every STRONG case right."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctrace.screen.bench import evaluate, read_cases
from sanctrace.settings import get_settings

CASES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "name_bench" / "cases.csv"


@pytest.fixture(scope="module")
def figures():
    if not CASES.is_file():
        pytest.skip("../shared/data/name_bench is not available")
    return evaluate(read_cases(CASES), get_settings().match_threshold)


def test_f1_at_default_threshold(figures) -> None:
    assert figures.f1 >= 0.85, (figures.precision, figures.recall)


def test_every_strong_case_right(figures) -> None:
    assert [(c.name1, c.name2, c.score) for c in figures.strong_wrong] == []
