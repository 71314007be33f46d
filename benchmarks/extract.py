"""Throughput of extraction: the whole pipeline against bare spaCy, on one corpus.

The corpus is the seed articles (../shared/seeds, where present), the fixture reports and
the example reports, repeated to about 100,000 words. Both runs use the same spaCy
pipeline and batch size; the floor is whole pipeline >= 0.5x bare spaCy.

    .venv/bin/python benchmarks/extract.py [--words 100000] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

import spacy

from sanctrace.extract import Extractor
from sanctrace.model import Document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / ".." / "shared" / "seeds",
    ROOT / "tests" / "fixtures" / "reports",
    ROOT / "examples" / "reports",
]


def corpus(target_words: int) -> list[str]:
    texts = [p.read_text("utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not texts:
        raise SystemExit("no report texts found")
    out: list[str] = []
    words = 0
    while words < target_words:
        for t in texts:
            out.append(t)
            words += len(t.split())
            if words >= target_words:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    texts = corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    bare = spacy.load(extractor.model)
    docs = [
        Document(
            sha256=hashlib.sha256(f"{i}{t}".encode()).hexdigest(),
            text=t,
            source=f"bench-{i}.txt",
            format="text",
        )
        for i, t in enumerate(texts)
    ]
    # warm both pipelines so that first-call costs do not count
    list(bare.pipe(texts[:4]))
    list(extractor.extract_many(docs[:4]))

    t0 = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=args.batch_size):
        pass
    bare_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    claims = entities = 0
    for x in extractor.extract_many(docs, batch_size=args.batch_size):
        claims += len(x.claims)
        entities += len(x.entities)
    full_s = time.perf_counter() - t0

    print(f"corpus: {len(texts)} documents, {words} words ({extractor.name})")
    print(f"bare spaCy nlp.pipe:      {words / bare_s:10.0f} words/s  ({bare_s:.2f} s)")
    print(
        f"Extractor.extract_many:   {words / full_s:10.0f} words/s  ({full_s:.2f} s)"
        f"  -> {entities} entities, {claims} claims"
    )
    print(f"ratio (pipeline / bare):  {bare_s / full_s:10.2f}x  (floor 0.50x)")


if __name__ == "__main__":
    main()
