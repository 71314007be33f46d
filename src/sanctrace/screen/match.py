"""Score how well one name matches another, in [0, 1], and say why.

The score is a weighted Dice coefficient over aligned tokens: each token weighs what its
rarity says it is worth (``weight``, from the index's token frequencies), so sharing
"Kupol" counts for much and sharing "Trading" for little, and an unmatched rare token
costs more than an unmatched common one. Tokens align one-to-one by similarity (exact,
transliteration skeleton, bounded edit distance); one token may also stand for a run of
tokens it abbreviates (IEMZ for Izhevskiy Elektromekhanicheskiy Zavod) or that it joins
(SiemensAG). A query that is the distinctive core of a longer listed name (Kupol) scores
by how specific that core is. Legal forms compare as forms: a different form costs a
little, a missing one nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from sanctrace.screen.normalise import NameKey, consonants, initialisms, normalise, skeleton

Weight = Callable[[str], float]
Specificity = Callable[[str], float]

FORM_PENALTY = 0.05
NUMBER_PENALTY = 0.25
ABBREVIATION_SIM = 0.92
SKELETON_SIM = 0.93
INITIAL_SIM = 0.6
CONSONANT_SIM = 0.9
SHORT_EDIT_SIM = 0.6
SHORT_TOKEN_WEIGHT = 0.5  # tokens of three letters or fewer weigh half
ABBREVIATION_ONLY = 0.7  # highest score when no word matches as a word
SUBSTITUTION = 0.5  # share of the smaller unmatched side deducted
DISTINCT_REST = 0.3  # short form: per unit the longer name's rarest other word beats the core


@dataclass(slots=True)
class Comparison:
    score: float
    explanation: str
    short_form: bool = False
    # (query word, listed word) pairs aligned by spelling distance alone, not by
    # transliteration: an index weighs them against rival spellings (NameIndex.search)
    edits: tuple[tuple[str, str], ...] = ()


EDIT_BUDGET = ((3, 0), (5, 1), (8, 2))  # (up to this length, edits allowed); then 3


def _max_edits(length: int) -> int:
    for upto, edits in EDIT_BUDGET:
        if length <= upto:
            return edits
    return 3


@lru_cache(maxsize=1 << 20)
def token_sim(a: str, b: str) -> float:
    """Similarity of two normalised tokens in [0, 1]; 0 when they are different words."""
    if a == b:
        return 1.0
    if a.isdigit() or b.isdigit():
        return 0.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_SIM if a[0] == b[0] else 0.0
    if min(len(a), len(b)) <= 3:
        # Short words (al/xal, on/un, si/xi): one edit is a weak match, more is none.
        return SHORT_EDIT_SIM if OSA.distance(a, b, score_cutoff=1) <= 1 else 0.0
    longest = max(len(a), len(b))
    if skeleton(a) == skeleton(b):
        return max(SKELETON_SIM, 1.0 - 1.0 / longest)
    allowed = _max_edits(min(len(a), len(b)))
    if allowed == 0:
        return 0.0
    distance = OSA.distance(a, b, score_cutoff=allowed)
    if distance > allowed:
        return 0.0
    return 1.0 - distance / longest


@lru_cache(maxsize=1 << 18)
def _is_acronym(short: str, run: tuple[str, ...]) -> bool:
    return short in initialisms(run)


def _runs(
    one: tuple[str, ...], many: tuple[str, ...], skip: set[str], acronyms: bool
) -> list[tuple[float, int, tuple[int, ...]]]:
    """Tokens of ``one`` that stand for a run of ``many``: acronyms (IEMZ) or joins.

    An acronym needs at least three letters and a run of at least two words of three
    letters or more, each giving one or two letters; a joined spelling (SiemensAG) must
    come within two letters of the run's length. Both start with the run's first letter.
    """
    found = []
    lengths = [len(t) for t in many]
    for i, short in enumerate(one):
        if short in skip:
            continue
        n = len(short)
        acro = acronyms and 3 <= n <= 6 and short.isalpha()
        if not acro and n < 6:
            continue
        for start in range(len(many)):
            if many[start][0] != short[0]:
                continue
            total = lengths[start]
            for end in range(start + 2, min(len(many), start + 6) + 1):
                total += lengths[end - 1]
                k = end - start
                run = many[start:end]
                sim = 0.0
                if acro and k <= n <= 2 * k and min(lengths[start:end]) >= 3:
                    if _is_acronym(short, run):
                        sim = ABBREVIATION_SIM
                if sim == 0.0 and n >= 6 and abs(total - n) <= 2:
                    joined = token_sim(short, "".join(run))
                    if joined >= 0.85:
                        sim = joined
                if sim > 0.0:
                    found.append((sim, i, tuple(range(start, end))))
                if total > n + 2 and not (acro and k < n):
                    break
    return found


def _greedy(
    pairs: list[tuple[float, tuple[int, ...], tuple[int, ...]]],
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """Best pairs first, each token used once."""
    pairs.sort(key=lambda p: (p[0], len(p[1]) + len(p[2])), reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    chosen = []
    for sim, qi, cj in pairs:
        if used_q.isdisjoint(qi) and used_c.isdisjoint(cj):
            chosen.append((sim, qi, cj))
            used_q.update(qi)
            used_c.update(cj)
    return chosen


def _align(
    q: tuple[str, ...], c: tuple[str, ...], acronyms: bool = True, abjad: bool = False
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """Greedy one-to-one alignment; a single token may cover a run on the other side."""
    pairs: list[tuple[float, tuple[int, ...], tuple[int, ...]]] = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            sim = token_sim(a, b)
            if sim == 0.0 and abjad and len(a) >= 3 and len(b) >= 3:
                frame = consonants(a)
                if len(frame) >= 2 and frame == consonants(b):
                    sim = CONSONANT_SIM
            if sim > 0.0:
                pairs.append((sim, (i,), (j,)))
    chosen = _greedy(pairs)
    if len(chosen) == len(q) == len(c) and all(p[0] >= 0.85 for p in chosen):
        return chosen  # every word aligned well, one to one: no acronym or join can do better
    exact = set(q) & set(c)
    for sim, i, run in _runs(q, c, exact, acronyms):
        pairs.append((sim, (i,), run))
    for sim, j, run in _runs(c, q, exact, acronyms):
        pairs.append((sim, run, (j,)))
    return _greedy(pairs)


def _uniform(_token: str) -> float:
    return 1.0


def compare(
    query: NameKey,
    candidate: NameKey,
    weight: Weight = _uniform,
    specificity: Specificity | None = None,
    person: bool = False,
) -> Comparison:
    """Score ``candidate`` (a listed name) against ``query`` (a name found in a report)."""
    if query.native and candidate.native:
        sim = Indel.normalized_similarity(query.native, candidate.native)
        return Comparison(sim, f"compared as written ({sim:.2f})")
    q, c = query.tokens, candidate.tokens
    if not q or not c:
        return Comparison(0.0, "no comparable tokens")
    chosen = _align(q, c, acronyms=not person, abjad=query.abjad or candidate.abjad)
    short_form = False
    wq = [weight(t) * (SHORT_TOKEN_WEIGHT if len(t) <= 3 else 1.0) for t in q]
    wc = [weight(t) * (SHORT_TOKEN_WEIGHT if len(t) <= 3 else 1.0) for t in c]
    sum_q, sum_c = sum(wq), sum(wc)
    matched = covered_q = covered_c = 0.0
    parts: list[str] = []
    edits: list[tuple[str, str]] = []
    for sim, qi, cj in chosen:
        mass_q = sum(wq[i] for i in qi)
        mass_c = sum(wc[j] for j in cj)
        matched += sim * (mass_q + mass_c)
        covered_q += sim * mass_q
        covered_c += sim * mass_c
        left = " ".join(q[i] for i in qi)
        right = " ".join(c[j] for j in cj)
        parts.append(left if left == right else f"{left}~{right}")
        if sim < 1.0 and len(qi) == len(cj) == 1 and len(left) > 3 and len(right) > 3 \
                and skeleton(left) != skeleton(right):
            edits.append((left, right))
    score = matched / (sum_q + sum_c)
    why = [f"tokens {', '.join(parts) or 'none'}"]
    used_q = {i for _s, qi, _cj in chosen for i in qi}
    used_c = {j for _s, _qi, cj in chosen for j in cj}
    cover_q, cover_c = covered_q / sum_q, covered_c / sum_c
    plain = [cj[0] for s, qi, cj in chosen if len(qi) == 1 and len(cj) == 1 and s >= 0.85]
    extra_q, extra_c = len(used_q) < len(q), len(used_c) < len(c)
    if specificity is not None and plain and extra_q != extra_c:
        # One name is a short form of the other: worth what the shared core is worth.
        coverage = cover_q if extra_c else cover_c
        shorter = len(q) if extra_c else len(c)
        if coverage >= 0.85:
            core = max(specificity(c[j]) for j in plain)
            short = coverage * (0.62 + 0.3 * core)
            # The longer name's own distinctive words (Redlepus in Redlepus TSK Vektor
            # Industrial) name another actor unless they are generic (Industrial).
            rest = ([t for j, t in enumerate(c) if j not in used_c] if extra_c
                    else [t for i, t in enumerate(q) if i not in used_q])
            other = max((specificity(t) for t in rest if len(t) > 3), default=0.0)
            if other > core:
                short -= DISTINCT_REST * (other - core)
            if person and shorter < 2:
                short = min(short, 0.7)
            if short > score:
                score = short
                why.append(f"short form (core specificity {core:.2f})")
                short_form = True
    elif extra_q and extra_c:
        # Each side has a word the other lacks: a different name, not a fuller one.
        swap = min(1.0 - cover_q, 1.0 - cover_c)
        if swap > 0.02:
            score -= SUBSTITUTION * swap
            why.append(f"unmatched words on both sides (-{SUBSTITUTION * swap:.2f})")
    acronyms_only = all(
        sim == ABBREVIATION_SIM and len(qi) + len(cj) > 2 for sim, qi, cj in chosen
    )
    if chosen and acronyms_only:
        # Only an acronym ties the names: too weak alone ("RUIE" is not evidence for
        # "Rilum Ufa Import Export").
        if score > ABBREVIATION_ONLY:
            score = ABBREVIATION_ONLY
            why.append("abbreviation only")
    digits_q = {t for t in q if t.isdigit()}
    digits_c = {t for t in c if t.isdigit()}
    if digits_q != digits_c:
        # "Russia" is not "Russia-1"; "Vessel 5" is not "Vessel 6".
        score -= NUMBER_PENALTY if digits_q and digits_c else NUMBER_PENALTY / 2
        why.append("numbers differ")
    if query.forms and candidate.forms and query.forms.isdisjoint(candidate.forms):
        score -= FORM_PENALTY
        forms = f"{'/'.join(sorted(query.forms))}≠{'/'.join(sorted(candidate.forms))}"
        why.append(f"legal form {forms}")
    return Comparison(max(0.0, min(1.0, score)), "; ".join(why), short_form, tuple(edits))


def compare_names(
    a: str,
    b: str,
    weight: Weight = _uniform,
    specificity: Specificity | None = None,
    person: bool = False,
) -> Comparison:
    """Compare two printed names; a cell holding alternatives ("A / B") matches by its best."""
    best = Comparison(0.0, "no comparable tokens")
    for left in _alternatives(a):
        for right in _alternatives(b):
            result = compare(normalise(left, person), normalise(right, person),
                             weight, specificity, person)
            if result.score > best.score:
                best = result
    return best


def _alternatives(name: str) -> list[str]:
    parts = [p.strip() for p in name.split("/")]
    parts = [p for p in parts if p]
    return [name, *parts] if len(parts) > 1 else [name]
