"""Evaluate the matcher on labelled name pairs (the name_bench ``cases.csv`` layout).

Columns used: ``schema, name1, name2, is_match, quality``. Each pair is scored with the
background token weights (no index), as the benchmark and the test suite both need.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sanctrace.screen.match import compare_names
from sanctrace.screen.weights import background


@dataclass(slots=True)
class Case:
    schema: str
    name1: str
    name2: str
    is_match: bool
    quality: str
    score: float = 0.0
    explanation: str = ""


@dataclass(slots=True)
class Figures:
    threshold: float
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    strong_wrong: list[Case] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_cases(path: Path) -> list[Case]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            Case(row["schema"], row["name1"], row["name2"],
                 row["is_match"].strip().lower() == "true", row["quality"])
            for row in csv.DictReader(handle)
        ]


def score_pair(schema: str, name1: str, name2: str) -> tuple[float, str]:
    weights = background()
    result = compare_names(name1, name2, weights.weight, weights.specificity,
                           schema == "Person")
    return result.score, result.explanation


def evaluate(cases: Iterable[Case], threshold: float) -> Figures:
    figures = Figures(threshold)
    for case in cases:
        case.score, case.explanation = score_pair(case.schema, case.name1, case.name2)
        predicted = case.score >= threshold
        if predicted and case.is_match:
            figures.tp += 1
        elif predicted:
            figures.fp += 1
        elif case.is_match:
            figures.fn += 1
        else:
            figures.tn += 1
        if case.quality == "STRONG" and predicted != case.is_match:
            figures.strong_wrong.append(case)
    return figures
