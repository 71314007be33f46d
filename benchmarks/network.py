"""Time network assembly, routes and candidates on a synthetic million-claim network.

    .venv/bin/python benchmarks/network.py                 # 1M claims, built in memory
    .venv/bin/python benchmarks/network.py --claims 200000 # smaller
    .venv/bin/python benchmarks/network.py --store /tmp/bench.db --claims 200000
                                                           # through a real SQLite store

The synthetic world is a layered supply chain: makers sell to traders, traders to
intermediaries (often named as the ``via`` of a supply), intermediaries to end users;
about 3% of actors are designated (mostly end users), some others are only reported as
sanctioned; owners, fronts, officers, trainers and makers of tested products add the
other links candidates look at; 3% of claims are negated, 25% hedged, and a tenth of the
reports rewrite an earlier one (same lineage). In memory the network goes through the
same ``build_network`` as a store's; ``--store`` inserts real extractions instead and
times ``load_network`` (SQL reads included). Prints one line per figure:

- entity resolution of 25k and 100k document entities, and their ratio (linear: ~4);
- the build, and what the built network costs Python's garbage collector (objects it
  tracks, one full collection) — why ``load_network`` needs no ``gc`` tuning;
- routes (several forms) and candidates: the first call on a freshly built network, the
  ranking recomputed (cache cleared) and the cached ranking; and, as the baseline, the
  claim-by-claim ranking (``tests/graph/test_definitions.py``) against the array
  ranking on a smaller network of the same shape, with the speed-up.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from sanctrace.graph.candidates import find_candidates
from sanctrace.graph.lineage import Lineages
from sanctrace.graph.network import Network, build_network
from sanctrace.graph.routes import find_routes
from sanctrace.model import (
    Claim,
    Document,
    Entity,
    Evidence,
    Extraction,
    ScreenMatch,
)
from sanctrace.resolve import build_resolution
from sanctrace.store.base import ClaimRow, DocEntityRow, EntityRecord

TIERS = ("maker", "trader", "intermediary", "end user")


class World:
    """A reproducible synthetic network: entities by tier, claims, screening."""

    def __init__(self, claims: int, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.n_claims = claims
        n_actors = max(1000, claims // 5)
        self.documents = max(100, claims // 10)
        self.entities: list[EntityRecord] = []
        self.tier: dict[str, list[str]] = {t: [] for t in TIERS}
        for i in range(n_actors):
            tier = TIERS[min(3, int(rng.random() ** 1.5 * 4))]
            eid = f"ent-{i:08d}"
            self.entities.append(EntityRecord(eid, f"{tier.title()} {i} Ltd", "Organization"))
            self.tier[tier].append(eid)
        self.people = [f"ent-p{i:07d}" for i in range(n_actors // 10)]
        self.entities += [EntityRecord(p, f"Person {p[5:]}", "Person") for p in self.people]
        self.products = [f"ent-x{i:07d}" for i in range(n_actors // 20)]
        self.entities += [EntityRecord(p, f"Model {p[5:]}", "Product") for p in self.products]
        self.entities.append(EntityRecord("ent-us", "United States", "Location"))
        self.screening: dict[str, list[ScreenMatch]] = {}
        for eid in self.tier["end user"] + self.tier["intermediary"][::4]:
            if rng.random() < 0.12:
                self.screening[eid] = [ScreenMatch("ofac", eid[4:], eid, 1.0, ["RUSSIA-EO14024"])]
        self.rng = random.Random(seed + 1)

    def rows(self) -> Iterator[ClaimRow]:
        rng, tier = self.rng, self.tier
        sanctioned = list(self.screening)
        for c in range(self.n_claims):
            doc = f"doc-{rng.randrange(self.documents):08d}"
            kind = rng.random()
            via = item = None
            if kind < 0.55:
                level = rng.randrange(3)
                subject = rng.choice(tier[TIERS[level]])
                obj = rng.choice(tier[TIERS[level + 1]])
                if level == 0 and rng.random() < 0.3:
                    via, obj = obj, rng.choice(tier["end user"])
                predicate = "supplied"
                item = rng.choice(self.products)
            elif kind < 0.62:
                predicate, subject, obj = "owns", rng.choice(tier["trader"]), rng.choice(sanctioned)
            elif kind < 0.66:
                predicate = "front_for"
                subject, obj = rng.choice(tier["intermediary"]), rng.choice(sanctioned)
            elif kind < 0.72:
                predicate = "officer_of"
                subject, obj = rng.choice(self.people), rng.choice(self.entities[: len(tier)]).id
            elif kind < 0.78:
                predicate, subject, obj = (
                    "trained",
                    rng.choice(tier["maker"]),
                    rng.choice(sanctioned),
                )
            elif kind < 0.84:
                predicate = "produced"
                subject, obj = rng.choice(tier["maker"]), rng.choice(self.products)
            elif kind < 0.90:
                predicate, subject, obj = (
                    "tested",
                    rng.choice(sanctioned),
                    rng.choice(self.products),
                )
            elif kind < 0.92:
                predicate, subject, obj = (
                    "sanctioned_by",
                    rng.choice(tier["intermediary"]),
                    "ent-us",
                )
            else:
                predicate = "collaborated_with"
                subject, obj = rng.choice(tier["maker"]), rng.choice(tier["end user"])
            year = 2018 + rng.randrange(7)
            yield ClaimRow(
                id=f"clm-{c:012d}",
                doc_id=doc,
                predicate=predicate,
                subject=subject,
                object=obj,
                via=via,
                item=item,
                location=None,
                hedged=rng.random() < 0.25,
                negated=rng.random() < 0.03,
                time_start=f"{year}-01-01",
                time_end=f"{year}-12-31",
                published=f"{year + 1}-03-01",
            )

    def lineages(self) -> Lineages:
        root = {}
        for d in range(self.documents):
            doc = f"doc-{d:08d}"
            root[doc] = f"doc-{(d - 1):08d}" if d % 10 == 9 else doc  # every tenth rewrites
        return Lineages(root=root, origin={})


def timed(label: str, fn: Callable[[], object], repeat: int = 5) -> object:
    """Run ``fn`` a few times; print wall-clock and CPU time (CPU time is what a busy
    shared machine does not inflate)."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    print(
        f"{label:<50} wall median {statistics.median(walls) * 1000:8.1f} ms"
        f" max {max(walls) * 1000:8.1f} ms | cpu median {statistics.median(cpus) * 1000:8.1f} ms",
        flush=True,
    )
    return result


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> str:
    return (
        f"{time.perf_counter() - start[0]:.1f} s wall, {time.process_time() - start[1]:.1f} s cpu"
    )


def bench_queries(net: Network) -> None:
    designated = sorted(net.designations, key=lambda n: -len(net.in_edges[n]))
    busiest = designated[0]
    maker = next(
        n for n in range(len(net.names)) if net.names[n].startswith("Maker") and net.out_edges[n]
    )
    routes, truncated = timed("routes (all sanctioned ends, top 50)", lambda: find_routes(net))  # type: ignore[misc]
    print(f"  -> {len(routes)} routes, budget reached: {truncated}")
    timed("routes --to <busiest designated end>", lambda: find_routes(net, to=busiest))
    timed("routes --from <a maker>", lambda: find_routes(net, origin=maker))
    timed("routes --to --max-hops 3", lambda: find_routes(net, to=busiest, max_hops=3))
    started = clock()
    find_candidates(net, 20)
    print(f"candidates (top 20), first call on the built network: {since(started)}")

    def recomputed() -> object:
        net.cache.pop("candidates:4", None)
        return find_candidates(net, 20)

    timed("candidates (top 20, ranking recomputed)", recomputed)
    found = timed("candidates (top 50, ranking kept)", lambda: find_candidates(net, 50))
    print(f"  -> top candidate score {found[0].score if found else None}")  # type: ignore[index]


def full_collection() -> tuple[int, float]:
    """Objects the cyclic collector tracks, and cpu milliseconds of one full collection."""
    gc.collect()
    started = time.process_time()
    gc.collect()
    return len(gc.get_objects()), (time.process_time() - started) * 1000


def bench_gc(net: Network, before: tuple[int, float]) -> None:
    """What the built network costs the cyclic garbage collector."""
    tracked, ms = full_collection()
    print(
        f"gc: tracked objects {before[0]:,} before the build, {tracked:,} with the network;"
        f" one full collection {before[1]:.0f} ms cpu before, {ms:.0f} ms with it",
        flush=True,
    )


def _reference() -> Callable[..., list[object]] | None:
    """The claim-by-claim ranking the tests hold as the definition, if tests/ is here."""
    path = Path(__file__).resolve().parents[1] / "tests" / "graph" / "test_definitions.py"
    spec = importlib.util.spec_from_file_location("reference_ranking", path)
    if spec is None or spec.loader is None or not path.is_file():
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reference_candidates  # type: ignore[no-any-return]


def bench_baseline(claims: int) -> None:
    """Claim-by-claim against array ranking, same smaller network, same run."""
    reference = _reference()
    if reference is None:
        print("baseline: tests/graph/test_definitions.py not found; skipped")
        return
    world = World(claims)
    net = build_network(world.entities, world.rows(), world.screening, world.lineages())
    cpu = time.process_time()
    expected = reference(net)
    old = time.process_time() - cpu
    cpu = time.process_time()
    top = find_candidates(net, 20)
    new_top = time.process_time() - cpu
    net.cache.clear()
    cpu = time.process_time()
    found = find_candidates(net, None)
    new_all = time.process_time() - cpu
    same = [(net.names[c.node], c.score) for c in found] == [row[:2] for row in expected]  # type: ignore[index]
    same &= [c.node for c in top] == [c.node for c in found[:20]]
    print(
        f"baseline at {claims:,} claims (cpu): claim by claim, the whole ranking (what any"
        f" top 20 needed) {old:.2f} s; arrays: top 20 {new_top:.3f} s ({old / new_top:.0f}x"
        f" less), the whole ranking with every reason built {new_all:.2f} s"
        f" ({old / new_all:.1f}x less); same ranking: {same}",
        flush=True,
    )


def bench_memory(claims: int) -> None:
    before = full_collection()
    world = World(claims)
    started = clock()
    net = build_network(world.entities, world.rows(), world.screening, world.lineages())
    build = since(started)
    print(
        f"build (in memory): {len(net.claim_ids):,} claims, {len(net.names):,} entities,"
        f" {len(net.edges):,} route edges, {len(net.fact_documents):,} facts,"
        f" {len(net.designations):,} designated, {len(net.reported):,} reported: {build}",
        flush=True,
    )
    del world  # the generator's entities and rows; the network keeps none of them
    bench_gc(net, before)
    bench_queries(net)


def bench_store(claims: int, path: Path) -> None:
    from sanctrace.graph.assemble import load_network
    from sanctrace.resolve import resolve
    from sanctrace.store import open_store

    world = World(claims)
    names = {e.id: e for e in world.entities}
    by_doc: dict[str, list[ClaimRow]] = {}
    for row in world.rows():
        by_doc.setdefault(row.doc_id, []).append(row)
    started = time.perf_counter()
    with open_store(str(path)) as store:
        for doc_id, rows in by_doc.items():
            text = f"Synthetic report {doc_id}."
            doc = Document(
                hashlib.sha256(text.encode()).hexdigest(),
                text,
                doc_id,
                "text",
                published=date(2024, 1, 1),
            )
            local: dict[str, str] = {}
            for r in rows:
                for eid in (r.subject, r.object, r.via, r.item):
                    if eid is not None and eid not in local:
                        local[eid] = f"e{len(local) + 1}"
            ents = [Entity(loc, names[eid].name, names[eid].type) for eid, loc in local.items()]
            cls = [
                Claim(
                    r.predicate,
                    local[r.subject] if r.subject else None,
                    local[r.object] if r.object else None,
                    Evidence(0, len(text), text),
                    via=local.get(r.via or ""),
                    item=local.get(r.item or ""),
                    hedged=r.hedged,
                    negated=r.negated,
                )
                for i, r in enumerate(rows)
            ]
            # claims of one document that coincide get one id; offsets keep them apart
            for i, c in enumerate(cls):
                c.evidence = Evidence(i, i + 1, text)
            store.save_extraction(Extraction(doc, ents, cls))
        print(
            f"insert: {len(by_doc):,} documents: {time.perf_counter() - started:.1f} s", flush=True
        )
        started = time.perf_counter()
        resolution = resolve(store)
        print(
            f"resolve: {len(resolution.members):,} document entities: "
            f"{time.perf_counter() - started:.1f} s",
            flush=True,
        )
        ids = {e.name: e.id for e in resolution.entities}
        store.save_screening({ids[names[k].name]: v for k, v in world.screening.items()})
        started = time.perf_counter()
        net = load_network(store)
        print(
            f"build (from store, lineages included): {len(net.claim_ids):,} claims: "
            f"{time.perf_counter() - started:.1f} s",
            flush=True,
        )
        timed("load_network again (cached)", lambda: load_network(store))
        bench_queries(net)


def bench_resolution(n: int = 100_000) -> None:
    """Resolution of n/4 and n document entities: the ratio should stay near 4 (the
    test suite checks the property itself by counting cluster lookups)."""
    cpus = []
    for size in (n // 4, n):
        rng = random.Random(3)
        rows = []
        for i in range(size):
            firm = rng.randrange(size // 4)
            name = rng.choice(
                [f"Firm {firm} Trading LLC", f"OOO Firm {firm} Trading", f"Firm {firm} Trading"]
            )
            rows.append(DocEntityRow(f"doc-{i // 20}", f"e{i % 20}", name, "Organization", [], 1))
        runs = []
        for _ in range(2):  # the better of two: the first also fills the name-key caches
            started = clock()
            res = build_resolution(rows, [])
            runs.append(time.process_time() - started[1])
        cpus.append(min(runs))
        print(
            f"resolve {size:,} document entities -> {len(res.entities):,} entities:"
            f" {since(started)}",
            flush=True,
        )
    print(f"  -> {n:,} / {n // 4:,} entities: {cpus[1] / max(cpus[0], 1e-9):.1f}x the cpu time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, help="go through a SQLite store at this path")
    parser.add_argument(
        "--baseline", type=int, default=100_000, help="claims for the claim-by-claim baseline"
    )
    args = parser.parse_args()
    bench_resolution()
    if args.baseline:
        bench_baseline(args.baseline)
    if args.store is not None:
        if args.store.exists():
            print(f"{args.store} exists; give a new path", file=sys.stderr)
            return 2
        bench_store(args.claims, args.store)
    else:
        bench_memory(args.claims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
