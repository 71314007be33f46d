"""Token weights when there is no index to count them in: a background frequency table.

Matching weighs each token by how many designations carry it. Inside an index the counts
come from the loaded lists; comparing two names on their own (``sanctrace.screen.match``
on a pair, the name_bench evaluation) uses ``data/token_df.json``: designation counts of
every token that at least two entries of the OFAC SDN list carry (a US Government work,
public domain). ``frequency_table`` rebuilds it from any designations.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from sanctrace.model import Designation
from sanctrace.screen.lists.common import vocabulary
from sanctrace.screen.normalise import normalise


class Background:
    """weight() and specificity() from a {token: designation count} table."""

    def __init__(self, total: int, df: dict[str, int]) -> None:
        self.total = total
        self.df = df

    def weight(self, token: str) -> float:
        return 1.0 + math.log((self.total + 1) / (self.df.get(token, 0) + 1))

    def specificity(self, token: str) -> float:
        df = max(1, self.df.get(token, 1))
        return max(0.0, 1.0 - math.log(df) / math.log(50))


@lru_cache(maxsize=1)
def background() -> Background:
    table = vocabulary("token_df.json")
    return Background(int(table["total"]), dict(table["df"]))


def frequency_table(designations: Iterable[Designation], min_df: int = 2) -> dict[str, object]:
    """{"total": designations, "df": {token: designations carrying it}} for tokens ≥ min_df."""
    counts: Counter[str] = Counter()
    total = 0
    for designation in designations:
        total += 1
        person = designation.schema == "Person"
        tokens: set[str] = set()
        for name in designation.names:
            tokens.update(normalise(name, person).tokens)
        counts.update(tokens)
    df = {t: n for t, n in sorted(counts.items()) if n >= min_df}
    return {"total": total, "df": df}
