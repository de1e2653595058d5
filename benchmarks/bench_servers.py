"""Past one machine: the generated corpus on Oxigraph server and Virtuoso, next to the embedded store.

    .venv/bin/python benchmarks/bench_servers.py --articles 10000 \\
        [--oxigraph http://127.0.0.1:17878/query] [--virtuoso http://127.0.0.1:18890/sparql] [--keep DIR]

Generates the dense corpus of benchmarks/bench_corpus.py (its generator, from the dev pages in
../shared/data/dev/), builds it into an embedded store (`build_store`, -j 2), then for each
server given (by option, else KG_TEST_OXIGRAPH / KG_TEST_VIRTUOSO as .ci/servers.sh sets them)
pushes the store (`kg push`: one PUT per article graph, the shared triples and the record of
inputs) and times every shipped query there, checking it gives the embedded store's rows.
Prints load triples/s (embedded: Oxigraph's bulk loader on the store's N-Quads; servers: the
push) and each query's latency (client side: request, transfer, parsing, paging) on each.
Credentials for a protected endpoint: KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or ~/.netrc.
--keep DIR keeps the corpus and the store there and reuses them on the next run.

The servers hold the corpus afterwards; push a smaller build to replace it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pyoxigraph as ox  # noqa: E402

from bench_corpus import generate  # noqa: E402  (the dense corpus generator, reused)
from kg.pipeline import build_store  # noqa: E402
from kg.query import format_ox_result, named_queries, prepare, run_on  # noqa: E402
from kg.remote import Endpoint, RemoteError, RemoteSource, push, remote_triples  # noqa: E402
from kg.store import KGStore  # noqa: E402


def _timed_queries(src, repeat: int) -> dict[str, tuple[float, int, str]]:
    """name -> (best seconds of `repeat` runs, rows, the rows as TSV)."""
    out = {}
    for name, q in named_queries().items():
        text = prepare(q.text, name, None, q.params, limit=None)  # every row, as before pages
        best, rows = float("inf"), ""
        for _ in range(repeat):
            t0 = time.perf_counter()
            rows = format_ox_result(run_on(src, text), "tsv")
            best = min(best, time.perf_counter() - t0)
        out[name] = (best, rows.count("\n"), rows)
    return out


def _embedded_load(store: KGStore) -> tuple[float, int]:
    """Seconds to bulk-load the store's quads (dumped as N-Quads) into a fresh embedded store,
    and the quads."""
    n = sum(1 for _ in store.ox.quads_for_pattern(None, None, None, None))
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        dump = Path(tmp) / "all.nq"
        store.ox.dump(str(dump), format=ox.RdfFormat.N_QUADS)
        fresh = ox.Store(str(Path(tmp) / "s"))
        t0 = time.perf_counter()
        fresh.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        fresh.flush()
        dt = time.perf_counter() - t0
        del fresh
    return dt, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: KG_ENDPOINT_USER=kg KG_ENDPOINT_PASSWORD=… .venv/bin/python "
                                        "benchmarks/bench_servers.py --articles 10000 --keep /tmp/bench10k",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000, help="articles to generate (default 10,000)")
    ap.add_argument("--oxigraph", default=os.environ.get("KG_TEST_OXIGRAPH"), help="Oxigraph server's query endpoint")
    ap.add_argument("--virtuoso", default=os.environ.get("KG_TEST_VIRTUOSO"), help="Virtuoso's query endpoint")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="extraction processes for the build")
    ap.add_argument("--workers", type=int, default=2, help="PUT requests in flight at once")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each query (the best is shown)")
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the corpus and store in this folder")
    args = ap.parse_args()
    servers = {k: v for k, v in (("Oxigraph server", args.oxigraph), ("Virtuoso", args.virtuoso)) if v}
    if not servers:
        ap.error("no server: give --oxigraph/--virtuoso or start them with .ci/servers.sh start")
    if not (ROOT.parent / "shared" / "data" / "dev").is_dir():
        ap.error("the generator recombines ../shared/data/dev/*.txt, which is not there")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-servers-"))
    corpus, store_dir = work / f"gen{args.articles}", work / f"store{args.articles}"
    try:
        if not (store_dir / "CURRENT").is_file():
            t0 = time.perf_counter()
            pages, chars = generate(corpus, args.articles)
            print(f"generated {pages:,} pages, {chars / 1e6:.1f} M chars in {time.perf_counter() - t0:.0f} s", flush=True)
            t0 = time.perf_counter()
            res = build_store([corpus], store_dir, 2022, jobs=args.jobs)
            print(f"built {res.articles:,} articles into the embedded store in {time.perf_counter() - t0:.0f} s",
                  flush=True)
        store = KGStore(store_dir)
        load_s, quads = _embedded_load(store)
        print(f"embedded: {quads:,} triples, bulk load {load_s:.1f} s", flush=True)
        results = {"embedded store": (quads / load_s, _timed_queries(store, args.repeat))}
        for label, url in servers.items():
            ep = Endpoint(url, workers=args.workers)
            t0 = time.perf_counter()
            pushed = push(store, ep)
            dt = time.perf_counter() - t0
            there = remote_triples(ep)
            print(f"{label}: pushed {pushed.graphs:,} graphs, {pushed.triples:,} triples in {dt:.0f} s; "
                  f"server holds {there:,}", flush=True)
            results[label] = (pushed.triples / dt, _timed_queries(RemoteSource(ep), args.repeat))
    except RemoteError as e:
        sys.exit(f"error: {e}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    base = results["embedded store"][1]
    cols = list(results)
    print(f"\n{args.articles:,} generated articles, {quads:,} triples\n")
    print("| | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    print("| load, triples/s | " + " | ".join(f"{results[c][0] / 1e3:,.1f} k" for c in cols) + " |")
    for name in base:
        cells = []
        for c in cols:
            dt, n, rows = results[c][1][name]
            same = "" if c == cols[0] or rows == base[name][2] else " (rows differ!)"
            cells.append(f"{dt:.2f} s{same}")
        print(f"| {name} ({base[name][1]:,} rows) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
