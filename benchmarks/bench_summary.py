"""Default-page latency of every shipped query on a build store: the page read from the
build's summary (kg query NAME, as shipped) against the same page by the full query
(sorting the corpus, as before the summary), and that both give the same rows.

    .venv/bin/python benchmarks/bench_summary.py DIR [--repeat 3]
    .venv/bin/python benchmarks/bench_summary.py --generate 10000 [-j 2]   # generate, build, time

DIR is a folder written by `kg build` (or its store/). With --generate N the benchmark
generator's pages of N articles (benchmarks/bench_corpus.py) are built into a temporary
folder first, under /usr/bin/time -v where it exists, and the build's peak RSS is printed.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kg.query import DEFAULT_LIMIT, named_queries, prepare, run_on, run_page  # noqa: E402
from kg.store import open_source  # noqa: E402
from kg.summary import summary_page  # noqa: E402


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _strs(rows) -> list[tuple]:
    return [tuple(None if v is None else str(v) for v in r) for r in rows]


def latencies(folder: Path, repeat: int = 3) -> list[tuple[str, float, float | None, bool]]:
    """(query, full-sort page s, summary page s or None, same rows) per shipped query."""
    src = open_source(folder)
    out = []
    for name, q in named_queries().items():
        text = prepare(q.text, name, {}, q.params, DEFAULT_LIMIT + 1)
        t_full, full = _best(lambda: _strs(run_on(src, text)), repeat)
        if summary_page(src, name, q.text, DEFAULT_LIMIT) is None:
            out.append((name, t_full, None, True))
            continue
        t_sum, page = _best(lambda: run_page(src, q.text, name, {}, q.params), repeat)
        _, rows, cut = page
        same = _strs(rows) == full[:DEFAULT_LIMIT] and cut == (len(full) > DEFAULT_LIMIT)
        out.append((name, t_full, t_sum, same))
    return out


def build(pages: Path, out: Path, jobs: int) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "kg", "build", str(pages), "--year", "2022", "-j", str(jobs), "-o", str(out)]
    if shutil.which("time") or Path("/usr/bin/time").exists():
        cmd = ["/usr/bin/time", "-v"] + cmd
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode:
        raise SystemExit(r.stderr[-2000:])
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    return dt, f"{int(m.group(1)) / 1024:.0f} MB" if m else "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--generate", type=int, help="generate pages of this many articles and build them")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tmp = None
    if args.generate:
        from bench_corpus import generate

        tmp = Path(tempfile.mkdtemp())
        generate(tmp / "pages", args.generate)
        dt, peak = build(tmp / "pages", tmp / "out", args.jobs)
        print(f"build of {args.generate:,} articles -j {args.jobs}: {dt:.0f} s, peak RSS {peak}")
        folder = tmp / "out"
    elif args.folder:
        folder = Path(args.folder)
    else:
        ap.error("give a build folder or --generate N")
    print(f"| query | full sort, first {DEFAULT_LIMIT} rows | from the summary | same rows |")
    print("|---|---|---|---|")
    for name, full, summ, same in latencies(folder, args.repeat):
        s = "—" if summ is None else f"{summ:.3f} s"
        print(f"| {name} | {full:.3f} s | {s} | {'yes' if same else 'NO'} |")
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
