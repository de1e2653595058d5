"""How fast and how big: build N copies of the sample page and print the figures.

    .venv/bin/python benchmarks/bench_build.py [N]

Prints seconds and articles per second for each stage (extract, graph, write) and the peak
memory, for N and for N/4 copies, so the ratio shows whether time grows linearly.
"""
from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.pipeline import build, write_outputs

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "chuanhui-2022-07.txt"


def run(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        corpus.mkdir()
        for i in range(n):
            shutil.copy(SAMPLE, corpus / f"page{i:05d}.txt")
        t0 = time.perf_counter()
        result = build([corpus], 2022)
        t1 = time.perf_counter()
        g = result.graph()
        t2 = time.perf_counter()
        write_outputs(g, Path(tmp) / "out")
        t3 = time.perf_counter()
    articles = len(result.facts)
    return {"pages": n, "articles": articles, "triples": len(g), "extract_s": t1 - t0,
            "graph_s": t2 - t1, "write_s": t3 - t2,
            "articles_per_s": articles / (t1 - t0)}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    for size in (max(1, n // 4), n):
        r = run(size)
        print(f"{r['pages']:>5} pages {r['articles']:>6} articles {r['triples']:>8} triples | "
              f"extract {r['extract_s']:6.2f}s ({r['articles_per_s']:.0f} articles/s) | "
              f"graph {r['graph_s']:6.2f}s | write {r['write_s']:6.2f}s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
