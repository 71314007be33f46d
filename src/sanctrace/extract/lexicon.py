"""The rule vocabularies of the extractor, loaded once from the JSON files in ``data/``.

Rules live in data so that an analyst can extend a cue list without touching code, and so
that each file carries its own version (the versions go into ``Extractor.name``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

RULES_VERSION = 1


def _load(name: str) -> dict[str, Any]:
    text = resources.files("sanctrace.extract").joinpath("data", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _lower(items: list[str]) -> frozenset[str]:
    return frozenset(i.lower() for i in items)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every vocabulary the extractor consults, in ready-to-use shapes (sets, maps, regexes)."""

    country_of: dict[str, str]  # lower-cased country name or alias -> canonical name
    demonym_of: dict[str, str]  # lower-cased demonym -> canonical place name
    region_demonyms: frozenset[str]
    places: frozenset[str]  # lower-cased names of countries and regions (with aliases)
    bloc_adjectives: frozenset[str]
    location_heads: frozenset[str]
    weak_location_heads: frozenset[str]
    weak_location_modifiers: frozenset[str]
    legal_prefix: frozenset[str]
    legal_suffix: frozenset[str]
    org_noun_family: dict[str, str]  # noun -> family
    public_names: frozenset[str]
    public_owned_heads: frozenset[str]  # 'North Korea's mission to the UN'
    public_heads: frozenset[str]
    public_capitalised_only: frozenset[str]
    public_not_modifiers: frozenset[str]
    public_head_modifiers: frozenset[str]
    group_family: dict[str, str]  # plural noun -> family
    group_skip_families: frozenset[str]
    product_nouns: frozenset[str]
    product_code: re.Pattern[str]
    product_code_blacklist: re.Pattern[str]
    product_introducers: frozenset[str]
    product_spaced_not_heads: frozenset[str]  # "Room 5B" is no product model
    product_likeness: dict[str, frozenset[str]]  # preposition -> head words ("modelled on")
    officer_titles: frozenset[str]
    owner_titles: frozenset[str]
    not_entities: frozenset[str]
    verbs: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    phrases: dict[str, dict[str, Any]]
    site_nouns: frozenset[str]
    site_preps: frozenset[str]
    attribution_verbs: frozenset[str]
    hedge_words: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_phrases: tuple[str, ...]
    negation_words: frozenset[str]
    no_comment_phrases: tuple[str, ...]
    denial_words: frozenset[str]
    denial_phrases: tuple[str, ...]
    sanction_nouns: frozenset[str]
    sanction_null_modifiers: frozenset[str]
    sanction_batch_nouns: frozenset[str]  # 'a new round of sanctions'
    sanction_carry_cues: frozenset[str]
    onward_cues: frozenset[str]
    tail_headings: frozenset[str]
    tokenizer_keep: tuple[str, ...]
    tokenizer_whole: re.Pattern[str]
    speaker_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    label_verbs: frozenset[str]
    org_name_words: frozenset[str]
    honorifics: frozenset[str]
    given_names: frozenset[str]
    vessel_prefixes: frozenset[str]
    state_forces: frozenset[str]
    militia_heads: frozenset[str]
    public_lower_names: frozenset[str]
    group_institutions: frozenset[str]
    cargo_nouns: frozenset[str]
    components: dict[str, Any]
    version: str


def _components(raw: dict[str, Any]) -> dict[str, Any]:
    """The component-link cues as sets: verb -> prepositions, and plain word sets."""
    out: dict[str, Any] = {
        "fit_verbs": {v: frozenset(p) for v, p in raw["fit_verbs"].items()},
        "window": int(raw.get("window", 10)),
    }
    for key in ("power_verbs", "host_verbs", "host_use_verbs", "part_preps"):
        out[key] = _lower(raw[key])
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and index the data files; cached, since they never change while running."""
    places = _load("places.json")
    ents = _load("entities.json")
    preds = _load("predicates.json")
    cues = _load("cues.json")

    country_of: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    for row in places["countries"] + places["regions"]:
        for n in [row["name"], *row.get("aliases", [])]:
            country_of[n.lower()] = row["name"]
        for d in row.get("demonyms", []):
            demonym_of[d.lower()] = row["name"]
    heads = places["location_heads"]

    org_family = {
        noun: fam
        for fam, nouns in ents["org_nouns"].items()
        if not fam.startswith("_")
        for noun in nouns
    }
    pub = ents["public_bodies"]
    groups = ents["groups"]
    group_family = {n: fam for fam, nouns in groups["families"].items() for n in nouns}
    prod = ents["products"]
    titles = ents["titles"]
    verbs = {k: v for k, v in preds["verbs"].items() if not k.startswith("_")}
    nouns = {k: v for k, v in preds["nouns"].items() if not k.startswith("_")}
    phrases = {k: v for k, v in preds["phrases"].items() if not k.startswith("_")}
    version = ".".join(str(d.get("version", 0)) for d in (places, ents, preds, cues))
    return Lexicon(
        country_of=country_of,
        demonym_of=demonym_of,
        places=frozenset(country_of),
        region_demonyms=frozenset(
            d.lower() for row in places["regions"] for d in row.get("demonyms", [])
        ),
        bloc_adjectives=_lower(places["bloc_adjectives"]),
        location_heads=_lower(heads["heads"]),
        weak_location_heads=_lower(heads["weak_heads"]),
        weak_location_modifiers=_lower(heads["weak_modifiers"]),
        legal_prefix=frozenset(ents["legal_forms"]["prefix"]),
        legal_suffix=frozenset(ents["legal_forms"]["suffix"]),
        org_noun_family=org_family,
        public_names=_lower(pub["names"]),
        public_heads=_lower(pub["heads"]) | _lower(pub["owned_heads"]),
        public_owned_heads=_lower(pub["owned_heads"]),
        public_capitalised_only=_lower(pub["capitalised_only"]),
        public_not_modifiers=_lower(pub["not_public_modifiers"]),
        public_head_modifiers=_lower(pub["head_modifiers"]),
        group_family=group_family,
        group_skip_families=frozenset(groups.get("skip_families_as_entities", [])),
        product_nouns=_lower(prod["nouns"]),
        product_code=re.compile(prod["code_pattern"]),
        product_code_blacklist=re.compile(prod["code_blacklist_pattern"]),
        product_introducers=_lower(prod["introducers"]),
        product_spaced_not_heads=frozenset(prod["spaced_code_not_heads"]),
        product_likeness={k: _lower(v) for k, v in prod["likeness"].items()},
        officer_titles=_lower(titles["officer"]),
        owner_titles=_lower(titles["owner"]),
        not_entities=frozenset(ents["not_entities"]),
        verbs=verbs,
        nouns=nouns,
        phrases=phrases,
        site_nouns=_lower(preds["located_in"]["site_nouns"]),
        site_preps=_lower(preds["located_in"]["preps"]),
        attribution_verbs=_lower(cues["attribution_verbs"]),
        hedge_words=_lower(cues["hedge_words"]),
        hedge_verbs=_lower(cues["hedge_verbs"]),
        hedge_phrases=tuple(cues["hedge_phrases"]),
        negation_words=_lower(cues["negation_words"]),
        no_comment_phrases=tuple(cues["no_comment_phrases"]),
        denial_words=_lower(cues["denial_words"]),
        denial_phrases=tuple(cues["denial_phrases"]),
        sanction_nouns=_lower(cues["sanction_nouns"]),
        sanction_null_modifiers=_lower(cues["sanction_modifiers_null"]),
        sanction_carry_cues=_lower(cues["sanction_carry_cues"]),
        sanction_batch_nouns=_lower(cues["sanction_batch_nouns"]),
        onward_cues=_lower(cues["onward_cues"]),
        tail_headings=_lower(cues["tail_headings"]),
        tokenizer_keep=tuple(cues["tokenizer_keep"]),
        tokenizer_whole=re.compile(cues["tokenizer_whole_pattern"]),
        speaker_nouns=_lower(cues["speaker_nouns"]),
        speech_verbs=_lower(cues["speech_verbs"]),
        label_verbs=_lower(cues["label_verbs"]),
        org_name_words=frozenset(ents["org_name_words"]["words"]),
        honorifics=frozenset(ents["people"]["honorifics"]),
        given_names=frozenset(ents["people"]["given_names"]),
        vessel_prefixes=frozenset(prod["vessel_prefixes"]),
        state_forces=_lower(pub["state_forces"]),
        militia_heads=_lower(pub["militia_heads"]),
        public_lower_names=_lower(pub["lowercase_names"]),
        group_institutions=_lower(groups["institution_modifiers"]),
        cargo_nouns=_lower(preds["carry"]["cargo_nouns"]),
        components=_components(preds["components"]),
        version=f"rules-{RULES_VERSION}.{version}",
    )
