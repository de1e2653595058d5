"""kg build --dask on a LocalCluster of N worker processes against kg build -j N, on the
generated corpus of bench_corpus.py (needs the dev pages in ../shared/data/dev/).

    .venv/bin/python benchmarks/bench_dask.py [--articles 2000] [--workers 2] [--repeat 1]

Each build goes into a fresh folder; the cluster is started before the clock and its
workers are warmed (kg imported, the name model loaded) by one build of a small page, so
the figures compare extraction and the transport, not start-up. Both builds must write
the same graph.ttl and networks. Prints one line per repeat.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_corpus import generate  # noqa: E402

OUTPUTS = ("graph.ttl", "co-attendance.graphml", "responsibility.graphml")


def kg_build(folder: Path, out: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "-o", str(out), "--year", "2022", *extra],
                       cwd=ROOT, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"kg build {' '.join(extra)} failed: {r.stderr.strip().splitlines()[-1]}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: benchmarks/bench_dask.py --articles 2000 --workers 2")
    ap.add_argument("--articles", type=int, default=2000, help="articles to generate (default 2000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes, and -j of the local build (default 2)")
    ap.add_argument("--repeat", type=int, default=1, help="times to run both builds (default 1)")
    args = ap.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages, chars = generate(tmp / "corpus", args.articles)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster:
            address = cluster.scheduler_address
            (tmp / "warm").mkdir()
            (tmp / "warm" / "a.txt").write_text(next((tmp / "corpus").glob("*.txt")).read_text(encoding="utf-8"),
                                                encoding="utf-8")
            (tmp / "warm" / "b.txt").write_text((tmp / "warm" / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
            kg_build(tmp / "warm", tmp / "warm-out", "--dask", address)
            for i in range(args.repeat):
                local = kg_build(tmp / "corpus", tmp / f"local{i}", "-j", str(args.workers))
                dask = kg_build(tmp / "corpus", tmp / f"dask{i}", "--dask", address)
                same = all((tmp / f"local{i}" / n).read_bytes() == (tmp / f"dask{i}" / n).read_bytes()
                           for n in OUTPUTS)
                print(f"{args.articles} generated articles ({pages} files, {chars / 1e6:.2f} M chars): "
                      f"-j {args.workers} {local:.1f} s, --dask LocalCluster of {args.workers} workers "
                      f"{dask:.1f} s ({dask / local:.2f}×); outputs {'identical' if same else 'DIFFER'}",
                      flush=True)


if __name__ == "__main__":
    main()
