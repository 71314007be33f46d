"""A blocking index over every listed name, so a query never scans a whole list.

Each name is reduced to keys: its tokens (``t``), their transliteration skeletons
(``s``), 4-letter prefixes and suffixes of longer tokens (``p``/``x``, to survive a typo),
the acronyms of its leading token runs (``a``) and, for one-word names, the word itself
(``=``). Keys map to sorted arrays of name ids (CSR: one offsets array, one postings
array), and each key knows in how many designations it occurs; that document frequency
is also what weighs tokens when scoring. A query gathers the postings of its own keys,
skipping keys too common to discriminate (their tokens still count in scoring), ranks
names by the weight of keys they share, and scores the best few in full.

Memory stays lean at millions of names: per-name data are flat lists of interned strings
and ``array``/numpy int32 columns, not objects.
"""

from __future__ import annotations

import builtins
import math
import pickle
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sanctrace.errors import StoreError
from sanctrace.model import Designation
from sanctrace.screen.match import compare, token_sim
from sanctrace.screen.normalise import (
    DOTTED,
    NameKey,
    normalise,
    prefix_initialisms,
    skeleton,
)

FORMAT_VERSION = 4
MAX_POSTINGS = 1500  # keys on more names than this only count in scoring, not in recall
POOL = 20  # candidates pre-scored per query (and searched for rival spellings)
CANDIDATES = 8  # ... of which the best are scored in full
PRESCORE_POWER = 1.5  # pre-score weights: rare words dominate the generic ones more
VARIANT_KEY_WEIGHT = 0.7  # skeleton, prefix and suffix keys weigh less than a word
CUTOFF = 0.6  # ... unless they share less than this share of the best one's key weight
PERSON_SCHEMAS = frozenset({"Person"})
VESSEL_SCHEMAS = frozenset({"Vessel", "Airplane"})
SCHEMA_PENALTY = 0.2
AMBIGUITY_PENALTY = 0.06  # per other listed actor sharing a short form's core
AMBIGUITY_CAP = 0.18
RIVAL_PENALTY = 0.05  # per other listed word a misspelt query word is as close to
RIVAL_CAP = 0.15
KIND_PENALTY = 0.1
COUNTRY_PENALTY = 0.05


def name_keys(key: NameKey) -> list[str]:
    """The blocking keys of one normalised name (listed name or query)."""
    tokens = key.tokens
    keys: list[str] = []
    for token in tokens:
        keys.append("t" + token)
        if len(token) >= 4:
            sk = skeleton(token)
            if sk != token:
                keys.append("s" + sk)
        if len(token) >= 5:
            keys.append("p" + token[:4])
            keys.append("x" + token[-4:])
    if len(tokens) == 1:
        keys.append("=" + tokens[0])
    elif len(tokens) <= 10:
        for acronyms in prefix_initialisms(tokens, 5, limit=4):
            keys.extend("a" + a for a in acronyms)
    return keys


def query_keys(key: NameKey, known: Callable[[str], bool] | None = None) -> list[str]:
    """A query's keys: its own, plus each short token as a possible acronym.

    With ``known`` (is this key in the index?), a word the index has verbatim skips its
    prefix and suffix keys: those exist to catch typos, and a known word is probably
    spelled right; its skeleton key still finds transliteration variants.
    """
    tokens = key.tokens
    keys: list[str] = []
    for token in tokens:
        keys.append("t" + token)
        if len(token) >= 4:
            sk = skeleton(token)
            if sk != token:
                # listed spellings with this skeleton: those that differ from it carry
                # an "s" key, the one that is the skeleton itself (Vektor) only a "t" key
                keys.append("s" + sk)
                keys.append("t" + sk)
        if len(token) >= 5 and (known is None or not known("t" + token)):
            keys.append("p" + token[:4])
            keys.append("x" + token[-4:])
        if 2 <= len(token) <= 6 and token.isalpha():
            keys.append("a" + token)
    if len(tokens) == 1:
        keys.append("=" + tokens[0])
    elif len(tokens) <= 10:
        # A listed acronym (IEMZ) of the query's leading words. Not "a" keys: matching
        # the initials of other listed names only finds names that share initials.
        for acronyms in prefix_initialisms(tokens, 5, limit=4):
            keys.extend("t" + a for a in acronyms)
    return list(dict.fromkeys(keys))


@dataclass(slots=True)
class Hit:
    """One designation a query matched, with its best-matching alias."""

    list: str
    list_id: str
    name: str
    schema: str
    score: float
    programs: builtins.list[str]  # "list" is also a field name here
    countries: builtins.list[str]
    matched_alias: str
    explanation: str


@dataclass
class NameIndex:
    """The built index; see the module docstring for its layout."""

    entry_list: list[str] = field(default_factory=list)
    entry_id: list[str] = field(default_factory=list)
    entry_name: list[str] = field(default_factory=list)
    entry_schema: list[str] = field(default_factory=list)
    entry_programs: list[tuple[str, ...]] = field(default_factory=list)
    entry_countries: list[tuple[str, ...]] = field(default_factory=list)
    name_text: list[str] = field(default_factory=list)
    name_tokens: list[str] = field(default_factory=list)
    name_forms: list[str] = field(default_factory=list)
    name_entry: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    key_ids: dict[str, int] = field(default_factory=dict)
    offsets: np.ndarray = field(default_factory=lambda: np.zeros(1, np.int64))
    postings: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    df: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    key_weight: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    name_mass: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    signature: str = ""

    @property
    def size(self) -> int:
        return len(self.name_text)

    @property
    def entries(self) -> int:
        return len(self.entry_id)

    # -- weights ---------------------------------------------------------------------

    def token_df(self, token: str) -> int:
        kid = self.key_ids.get("t" + token)
        return 0 if kid is None else int(self.df[kid])

    def weight(self, token: str) -> float:
        """Inverse document frequency of a token over designations (rare = heavy)."""
        cache = self.__dict__.setdefault("_weights", {})
        value = cache.get(token)
        if value is None:
            value = 1.0 + math.log((len(self.entry_id) + 1) / (self.token_df(token) + 1))
            if len(cache) < 500_000:
                cache[token] = value
        return value

    def _weigher(self) -> Callable[[str], float]:
        """``weight`` with its cache looked up first: compare calls it for every token
        of every candidate, and most tokens are already cached."""
        cache = self.__dict__.setdefault("_weights", {})
        get, slow = cache.get, self.weight

        def weight(token: str) -> float:
            value = get(token)
            return slow(token) if value is None else value

        return weight

    def specificity(self, token: str) -> float:
        """1 for a token only one designation carries, falling to 0 at fifty."""
        df = max(1, self.token_df(token))
        return max(0.0, 1.0 - math.log(df) / math.log(50))

    # -- search ----------------------------------------------------------------------

    def _candidates(self, keys: list[str], limit: int) -> np.ndarray:
        """Names worth scoring in full, most promising first.

        Each name is pre-scored by a Dice coefficient over key weights: the weight of
        the keys it shares with the query over the query's and its own token weight
        (precomputed at build). Keys on more than MAX_POSTINGS names do not recall
        names, but a common word ("trading") the query shares still counts for a name
        recalled by its rarer keys, found by binary search in the word's sorted postings.
        """
        slices = []
        weights = []
        common: list[tuple[np.ndarray, float]] = []
        query_mass = 0.0
        token_keys = 0
        get = self.key_ids.get
        found = [(key, kid) for key in keys if (kid := get(key)) is not None]
        if not found:
            return np.zeros(0, np.int32)
        # One vectorised lookup per column, not three numpy scalar reads per key.
        kids = np.fromiter((kid for _key, kid in found), np.int64, len(found))
        key_weights = self.key_weight[kids].tolist()
        starts = self.offsets[kids].tolist()
        ends = self.offsets[kids + 1].tolist()
        for (key, _kid), w, start, end in zip(found, key_weights, starts, ends, strict=True):
            if key[0] == "t":
                query_mass += w
                token_keys += 1
            if end - start > MAX_POSTINGS:
                if key[0] == "t":
                    common.append((self.postings[start:end], w))
                continue
            slices.append(self.postings[start:end])
            weights.append(w)
        if len(common) >= 2 and len(common) == token_keys:
            # Names made only of common words: intersect, which is small.
            lists = sorted((c for c, _w in common), key=len)
            both = lists[0]
            for other in lists[1:]:
                both = np.intersect1d(both, other, assume_unique=True)
            if len(both) <= MAX_POSTINGS:
                slices.append(both)
                weights.append(0.0)  # their common words count below
        if not slices:
            return np.zeros(0, np.int32)
        ids = np.concatenate(slices)
        ws = np.repeat(np.asarray(weights), [len(s) for s in slices])
        # Sum each name's key weights: a stable sort groups its postings (in their
        # original order, so sums are as np.unique + bincount gives them, only cheaper).
        order = np.argsort(ids, kind="stable")
        ids = ids[order]
        starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
        unique_ids = ids[starts]
        totals = np.add.reduceat(ws[order], starts)
        for postings, w in common:
            at = np.searchsorted(postings, unique_ids)
            at[at == len(postings)] = 0
            totals += w * (postings[at] == unique_ids)
        dice = 2.0 * totals / (query_mass + self.name_mass[unique_ids] + 1e-9)
        if len(unique_ids) > limit:
            best = np.argpartition(-dice, limit)[:limit]
            unique_ids, dice = unique_ids[best], dice[best]
        order = np.argsort(-dice, kind="stable")
        unique_ids, dice = unique_ids[order], dice[order]
        # Names sharing far less key weight than the best cannot outscore it.
        return unique_ids[dice >= CUTOFF * dice[0]]

    def search(
        self,
        name: str,
        schema: str | None = None,
        countries: Iterable[str] = (),
        limit: int = 10,
        threshold: float = 0.0,
        candidates: int = CANDIDATES,
    ) -> list[Hit]:
        """Designations matching ``name``, best first, with score ≥ ``threshold``."""
        person_query = schema in PERSON_SCHEMAS
        query = normalise(name, person_query)
        if not query.tokens:
            return []
        wanted = frozenset(countries)
        best: dict[int, tuple[float, int, str]] = {}
        short_forms: dict[int, frozenset[str]] = {}
        edits: dict[int, tuple[tuple[str, str], ...]] = {}
        keys = query_keys(query, self.key_ids.__contains__)
        found = self._candidates(keys, max(POOL, candidates))
        pool = found.tolist()
        scored = pool[:candidates]
        scored_entries = self.name_entry[found[:candidates]].tolist()
        as_person: NameKey | None = query if person_query else None  # normalised once
        weight, specificity = self._weigher(), self.specificity
        context = schema is not None or bool(wanted)
        for nid, entry in zip(scored, scored_entries, strict=True):
            person = self.entry_schema[entry] in PERSON_SCHEMAS
            listed = NameKey(self.name_text[nid], tuple(self.name_tokens[nid].split()),
                             frozenset(self.name_forms[nid].split()))
            if person:
                if as_person is None:
                    as_person = normalise(name, True)
                query_here = as_person
            else:
                query_here = query
            result = compare(query_here, listed, weight, specificity, person)
            score, why = result.score, result.explanation
            if context:
                penalty, reason = self._context_penalty(entry, schema, wanted)
                if penalty:
                    score = max(0.0, score - penalty)
                    why = f"{why}; {reason}"
            current = best.get(entry)
            if current is None or score > current[0]:
                best[entry] = (score, nid, why)
                if result.short_form:
                    short_forms[entry] = frozenset(listed.tokens) - frozenset(query.tokens)
                else:
                    short_forms.pop(entry, None)
                edits[entry] = result.edits
        self._ambiguity(best, short_forms)
        self._rival_spellings(best, edits, self._near_words(query.tokens, pool))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.entry_id[kv[0]]))
        hits = []
        for entry, (score, nid, why) in ranked[:limit]:
            if score < threshold:
                break
            hits.append(Hit(
                list=self.entry_list[entry],
                list_id=self.entry_id[entry],
                name=self.entry_name[entry],
                schema=self.entry_schema[entry],
                score=round(score, 4),
                programs=list(self.entry_programs[entry]),
                countries=list(self.entry_countries[entry]),
                matched_alias=self.name_text[nid],
                explanation=f"'{name}' ~ '{self.name_text[nid]}': {why}",
            ))
        return hits

    @staticmethod
    def _ambiguity(
        best: dict[int, tuple[float, int, str]], short_forms: dict[int, frozenset[str]]
    ) -> None:
        """A short form shared by several different listed actors is ambiguous.

        "Kupol" is the core of three listings that all say Izhevsk Electromechanical
        Plant: one actor. "Vektor" is the core of TSK Vektor, AO NII Vektor and others:
        listings whose other words differ are different actors, and each loses a little
        per rival.
        """
        if len(short_forms) < 2:
            return
        groups: list[set[str]] = []
        members: list[list[int]] = []
        for entry, rest in short_forms.items():
            joined = [i for i, g in enumerate(groups) if _overlap(g, rest)]
            if not joined:
                groups.append(set(rest))
                members.append([entry])
                continue
            first = joined[0]
            groups[first].update(rest)
            members[first].append(entry)
            for i in reversed(joined[1:]):
                groups[first].update(groups.pop(i))
                members[first].extend(members.pop(i))
        rivals = len(groups) - 1
        if rivals <= 0:
            return
        penalty = min(AMBIGUITY_CAP, AMBIGUITY_PENALTY * rivals)
        for entry in short_forms:
            score, nid, why = best[entry]
            best[entry] = (max(0.0, score - penalty), nid,
                           f"{why}; ambiguous short form ({rivals + 1} listed actors)")

    def _near_words(self, tokens: tuple[str, ...], pool: list[int]) -> dict[str, set[str]]:
        """For each query word the index lacks, the listed words of ``pool`` (the
        candidates found, scored or not) that it is one spelling edit or so away from."""
        unknown = [t for t in tokens if len(t) > 3 and "t" + t not in self.key_ids]
        near: dict[str, set[str]] = {}
        if not unknown:
            return near
        words = {w for nid in pool for w in self.name_tokens[nid].split() if len(w) > 3}
        for token in unknown:
            found = {w for w in words if token_sim(token, w) > 0.0
                     and skeleton(token) != skeleton(w)}
            if found:
                near[token] = found
        return near

    def _rival_spellings(
        self, best: dict[int, tuple[float, int, str]],
        edits: dict[int, tuple[tuple[str, str], ...]],
        near: dict[str, set[str]],
    ) -> None:
        """A misspelt query word close to several different listed words is ambiguous.

        "Matrok" is one letter from Matror, Matrik and Natrok: among many listed names
        that near, an edit is as likely another name as a typo, and each listing that
        relies on it loses a little per rival. A rare listed word with no near rival
        (Gasprom ~ Gazprom) keeps its score.
        """
        rivals = {w: len(ls) - 1 for w, ls in near.items() if len(ls) > 1}
        if not rivals:
            return
        for entry, pairs in edits.items():
            count = max((rivals.get(w, 0) for w, _l in pairs), default=0)
            if count == 0:
                continue
            score, nid, why = best[entry]
            penalty = min(RIVAL_CAP, RIVAL_PENALTY * count)
            best[entry] = (max(0.0, score - penalty), nid,
                           f"{why}; {count} rival spelling{'s' if count > 1 else ''} listed")

    def _context_penalty(
        self, entry: int, schema: str | None, countries: frozenset[str]
    ) -> tuple[float, str]:
        penalty, reasons = 0.0, []
        listed = self.entry_schema[entry]
        if schema is not None and schema != listed:
            if (schema in PERSON_SCHEMAS) != (listed in PERSON_SCHEMAS):
                penalty += SCHEMA_PENALTY
                reasons.append(f"schema {schema}≠{listed}")
            elif (schema in VESSEL_SCHEMAS) != (listed in VESSEL_SCHEMAS):
                penalty += KIND_PENALTY
                reasons.append(f"schema {schema}≠{listed}")
        listed_countries = self.entry_countries[entry]
        if countries and listed_countries and countries.isdisjoint(listed_countries):
            penalty += COUNTRY_PENALTY
            reasons.append(f"country {'/'.join(sorted(countries))}∉{'/'.join(listed_countries)}")
        return penalty, "; ".join(reasons)

    # -- persistence -----------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the index (pickle of flat lists and arrays) atomically."""
        tmp = path.with_suffix(path.suffix + ".tmp")
        with open(tmp, "wb") as handle:
            pickle.dump((FORMAT_VERSION, self.__dict__), handle, protocol=5)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> NameIndex:
        try:
            with open(path, "rb") as handle:
                version, state = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError) as exc:
            raise StoreError(f"unreadable screening index cache: {exc}", source=str(path)) from exc
        if version != FORMAT_VERSION:
            raise StoreError("screening index cache is from another version", source=str(path))
        index = cls()
        index.__dict__.update(state)
        return index


def _overlap(group: set[str], rest: frozenset[str]) -> bool:
    """Whether two listings share a word besides the query's (Shenzhen ~ Shenzen counts)."""
    if not group.isdisjoint(rest):
        return True
    return any(token_sim(a, b) >= 0.8 for a in group for b in rest if len(a) > 3 and len(b) > 3)


def _form_fragment(text: str, key: NameKey) -> bool:
    """An alias that is legal forms only ("S.A.S. E.U.": simplified joint-stock company,
    sole proprietorship), one of them unknown to the form database, names nobody."""
    return (bool(key.forms) and len(key.tokens) == 1 and len(key.tokens[0]) <= 2
            and DOTTED.search(text) is not None)


class IndexBuilder:
    """Collects designations, then lays the index out in flat arrays."""

    def __init__(self) -> None:
        self.index = NameIndex()
        self._key_col = array("i")
        self._name_col = array("i")
        self._entry_col = array("i")
        self._interned: dict[str, str] = {}

    def _intern(self, text: str) -> str:
        return self._interned.setdefault(text, text)

    def add_entry(
        self,
        list_key: str,
        list_id: str,
        name: str,
        schema: str,
        names: Iterable[str],
        programs: Iterable[str] = (),
        countries: Iterable[str] = (),
    ) -> None:
        ix = self.index
        entry = len(ix.entry_id)
        ix.entry_list.append(self._intern(list_key))
        ix.entry_id.append(list_id)
        ix.entry_name.append(name)
        ix.entry_schema.append(self._intern(schema))
        ix.entry_programs.append(tuple(self._intern(p) for p in programs))
        ix.entry_countries.append(tuple(self._intern(c) for c in countries))
        person = schema in PERSON_SCHEMAS
        seen: set[str] = set()
        key_ids = ix.key_ids
        for text in names:
            key = normalise(text, person)
            joined = " ".join(key.tokens)
            if not joined or joined in seen or _form_fragment(text, key):
                continue
            seen.add(joined)
            nid = len(ix.name_text)
            ix.name_text.append(text)
            ix.name_tokens.append(joined)
            ix.name_forms.append(self._intern(" ".join(sorted(key.forms))))
            self._entry_col.append(entry)
            for k in dict.fromkeys(name_keys(key)):
                kid = key_ids.get(k)
                if kid is None:
                    kid = key_ids[sys.intern(k)] = len(key_ids)
                self._key_col.append(kid)
                self._name_col.append(nid)

    def add(self, designation: Designation) -> None:
        self.add_entry(
            designation.list, designation.list_id, designation.name, designation.schema,
            designation.names, designation.programs, designation.countries,
        )

    def build(self, signature: str = "") -> NameIndex:
        ix = self.index
        keys = np.frombuffer(self._key_col, dtype=np.int32)
        names = np.frombuffer(self._name_col, dtype=np.int32)
        ix.name_entry = np.frombuffer(self._entry_col, dtype=np.int32).copy()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        ix.postings = names[order].copy()
        counts = np.bincount(sorted_keys, minlength=len(ix.key_ids))
        ix.offsets = np.zeros(len(ix.key_ids) + 1, np.int64)
        np.cumsum(counts, out=ix.offsets[1:])
        # Document frequency over designations: count entry changes within each key run.
        entries = ix.name_entry[ix.postings]
        change = np.ones(len(entries), bool)
        if len(entries) > 1:
            change[1:] = (entries[1:] != entries[:-1]) | (sorted_keys[1:] != sorted_keys[:-1])
        ix.df = np.zeros(len(ix.key_ids), np.int32)
        nonempty = counts > 0
        if len(entries):
            ix.df[nonempty] = np.add.reduceat(change.astype(np.int32), ix.offsets[:-1][nonempty])
        # Key weights (inverse designation frequency; variant keys count less) and each
        # name's token mass: what the candidate pre-score in _candidates divides by.
        idf = 1.0 + np.log((len(ix.entry_id) + 1) / (ix.df.astype(np.float64) + 1))
        kinds = np.frombuffer("".join(k[0] for k in ix.key_ids).encode(), dtype="S1")
        exact = np.isin(kinds, np.array([b"t", b"a", b"="]))
        ix.key_weight = ((idf * np.where(exact, 1.0, VARIANT_KEY_WEIGHT)) ** PRESCORE_POWER
                         ).astype(np.float32)
        token_weight = np.where(kinds == b"t", ix.key_weight, 0.0)
        ix.name_mass = np.bincount(names, weights=token_weight[keys],
                                   minlength=len(ix.name_text)).astype(np.float32)
        ix.signature = signature
        self._key_col = array("i")
        self._name_col = array("i")
        self._entry_col = array("i")
        self._interned = {}
        return ix


def build_index(designations: Iterable[Designation], signature: str = "") -> NameIndex:
    builder = IndexBuilder()
    for designation in designations:
        builder.add(designation)
    return builder.build(signature)


def iter_hits(index: NameIndex, names: Iterable[str], **kwargs: object) -> Iterator[list[Hit]]:
    for name in names:
        yield index.search(name, **kwargs)  # type: ignore[arg-type]
