"""The hand-written gold annotations under tests/fixtures/gold are well-formed.

These files are the project's own held-out-style check on extraction: if one of them
drifts from the format in ../shared/eval/FORMAT.md (an unknown type or predicate, a
claim naming an entity that is not declared, an alias the report never uses), every
score computed against it quietly becomes wrong. The checks here catch that.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sanctrace.model import ENTITY_TYPES, PREDICATES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORTS = FIXTURES / "reports"
GOLD = FIXTURES / "gold"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"
SHARED_GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "gold"

ROLES = ("subject", "object", "via", "item")
HELDOUT = FIXTURES / "heldout"
GOLD_FILES = sorted(GOLD.glob("*.gold.json")) + sorted((HELDOUT / "gold").glob("*.gold.json"))


def _report_of(gold_path: Path, gold: dict) -> Path:
    """A gold file's report: in the reports/ folder beside its gold/ folder."""
    return gold_path.parent.parent / "reports" / gold["file"]


def _fold(text: str) -> str:
    """Case and typographic apostrophes folded, as a reader would not distinguish them."""
    return text.replace("\u2019", "'").replace("\u2018", "'").casefold()


def _occurs(phrase: str, text: str) -> bool:
    """Whether the phrase occurs in the text as whole words (so "EU" is not "European")."""
    pattern = r"(?<!\w)" + re.escape(_fold(phrase)) + r"(?!\w)"
    return re.search(pattern, _fold(text)) is not None


def _structure_problems(gold: dict) -> list[str]:
    """Everything wrong with one gold document's shape, as readable lines."""
    problems: list[str] = []
    if set(gold) != {"file", "entities", "claims"}:
        problems.append(f"top-level keys {sorted(gold)}")
    names: set[str] = set()
    for ent in gold.get("entities", []):
        name = ent.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"entity without a name: {ent}")
            continue
        if name in names:
            problems.append(f"entity {name!r} declared twice")
        names.add(name)
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {name!r} has type {ent.get('type')!r}")
        aliases = ent.get("aliases")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            problems.append(f"entity {name!r} aliases are not a list of strings")
        if not isinstance(ent.get("optional"), bool):
            problems.append(f"entity {name!r} optional is not a boolean")
    for i, claim in enumerate(gold.get("claims", [])):
        label = f"claim {i} ({claim.get('predicate')})"
        if claim.get("predicate") not in PREDICATES:
            problems.append(f"{label}: predicate not in the vocabulary")
        for role in ROLES:
            value = claim.get(role)
            if value is not None and value not in names:
                problems.append(f"{label}: {role} {value!r} is not a declared entity")
        for flag in ("hedged", "optional"):
            if not isinstance(claim.get(flag), bool):
                problems.append(f"{label}: {flag} is not a boolean")
        if (
            claim.get("subject") is None
            and claim.get("object") is None
            and claim.get("via") is None
            and not claim.get("optional")
        ):
            # a carrier alone ("shipped aboard the MT X") is a claim: supplied(? -> ? via X)
            problems.append(f"{label}: a required claim must name a subject, object or via")
    return problems


def test_every_report_has_gold_and_every_gold_has_a_report() -> None:
    reports = {p.name for p in REPORTS.glob("*.txt")} | {
        p.name for p in (HELDOUT / "reports").glob("*.txt")
    }
    golds = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in GOLD_FILES}
    assert len(reports) >= 8
    assert reports == golds
    for path in GOLD_FILES:
        assert path.name == json.loads(path.read_text(encoding="utf-8"))["file"].replace(
            ".txt", ".gold.json"
        )


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert _structure_problems(gold) == []
    assert any(not c["optional"] for c in gold["claims"])
    assert any(not e["optional"] for e in gold["entities"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_required_names_occur_in_the_report(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _report_of(path, gold).read_text(encoding="utf-8")
    missing = [
        (ent["name"], form)
        for ent in gold["entities"]
        if not ent["optional"]
        for form in [ent["name"], *ent["aliases"]]
        if not _occurs(form, text)
    ]
    assert not missing, f"names the report never uses: {missing}"


@pytest.mark.parametrize(
    "path",
    sorted(REPORTS.glob("*.txt")) + sorted((HELDOUT / "reports").glob("*.txt")),
    ids=lambda p: p.name,
)
def test_report_shape(path: Path) -> None:
    """Headline on line one, a dated first paragraph, and a news-length body."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].strip() and not lines[0].endswith(".")
    assert re.search(r"\b(19|20)\d\d\b", lines[1]), "second line should carry the dateline"
    words = len(" ".join(lines).split())
    assert 200 <= words <= 450


def test_derivative_example_shares_passages_with_its_source() -> None:
    """The rewrite must quote its source verbatim, or corroboration has nothing to find."""
    source = re.sub(r"<[^>]+>", " ", (EXAMPLES / "kupol_chinese_specialists.html").read_text())
    source = re.sub(r"\s+", " ", source.replace("&mdash;", "\u2014"))
    rewrite = (EXAMPLES / "kupol_tests_rewrite.txt").read_text(encoding="utf-8")
    quoted = re.findall(r"\"([^\"]{60,})\"", rewrite)
    shared = [q for q in quoted if _fold(q.rstrip(",.")) in _fold(source)]
    assert len(shared) >= 2


@pytest.mark.skipif(not SHARED_GOLD.is_dir(), reason="../shared is not checked out beside the repo")
def test_shared_seed_gold_matches_our_vocabulary() -> None:
    """Our model's types and predicates must cover what the analysts' gold uses."""
    for path in sorted(SHARED_GOLD.glob("*.gold.json")):
        assert _structure_problems(json.loads(path.read_text(encoding="utf-8"))) == [], path.name
