"""Search index build time and per-query latency on a synthetic 10,000-document case.

Run on purpose (not part of the test suite):  .venv/bin/python benchmarks/search_bench.py
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from casefile.search import SearchIndex


def _big_case(n_docs: int = 10_000, n_entities: int = 20_000) -> dict[str, Any]:
    rng = random.Random(7)
    syllables = "ta an vir im ran om sa li ka ri mo ha med ab du la ze na fa ro be ki go".split()

    def name() -> str:
        words = ("".join(rng.choices(syllables, k=rng.randint(2, 3))) for _ in range(2))
        return " ".join(w.capitalize() for w in words)

    docs = [{"id": f"d{i}", "name": f"{i}.txt", "text": ""} for i in range(n_docs)]
    entities = []
    for i in range(n_entities):
        full = name()
        mentions = [
            {"doc": f"d{rng.randrange(n_docs)}", "start": 0, "end": len(t), "text": t}
            for t in (full, full.split()[-1], full, full.upper())
        ]
        entities.append(
            {
                "id": f"e{i}",
                "kind": "person",
                "name": full,
                "merges": [],
                "aliases": [{"name": name(), "type": "aka", "sources": mentions[:1]}],
                "mentions": mentions,
            }
        )
    return {"documents": docs, "entities": entities, "events": [], "claims": []}


def main() -> None:
    case = _big_case()
    t0 = time.perf_counter()
    index = SearchIndex(case)
    build = time.perf_counter() - t0
    queries = ["tanveer", "omran", "kariveer lazena", "ta", "xyzzy"]
    times = []
    for q in queries * 10:
        t0 = time.perf_counter()
        index.search(q, kinds={"person"})
        times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"index build: {build * 1000:.0f} ms for {len(case['entities'])} entities")
    print(f"search: p50 {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")


if __name__ == "__main__":
    main()
