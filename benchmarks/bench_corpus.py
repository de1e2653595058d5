"""The corpus benchmark: extraction against bare jieba, end-to-end builds, store loading,
peak memory and query latency, on the real People's Daily corpus and on generated dense ones.

    .venv/bin/python benchmarks/bench_corpus.py [--pd DIR] [--sizes 1000,10000,100000] [-j 2]

The generated corpus recombines the dev pages (../shared/data/dev/*.txt): each page is
copied with its persons, places, dates and projects replaced by fresh ones. Persons belong
to places, and the number of places grows with the corpus, so persons and projects grow as
in a real corpus. Prints one table; every figure comes from this one run.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import article_nquads, page_jurisdictions  # noqa: E402
from kg.pipeline import BATCH_CHARS, extract_file_text  # noqa: E402
from kg.query import named_queries, prepare, run_on  # noqa: E402
from kg.read import read_source  # noqa: E402
from kg.store import KGStore, open_source  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌宇浩凯鹏辉俊峰亮成海波宁飞雪琳晨欣怡子豪博瑞阳晓东新民德胜利清"
PLACE_HEADS = "东西南北中新安平和兴永长宁河山江湖阳城丰华泰清荣金"
PROJECT_WORDS = ["产业园", "物流园", "污水处理厂", "安置小区", "学校", "人民医院", "体育中心", "科技城", "快速路", "湿地公园"]


def _name(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))


def generate(out: Path, articles: int, seed: int = 1) -> tuple[int, int]:
    """Write pages of about `articles` articles into out; (pages, chars)."""
    dev = sorted((SHARED / "dev").glob("*.txt"))
    shapes = []
    for p in dev:
        text = p.read_text(encoding="utf-8")
        facts = extract_file_text(text, p.name, 2022)
        names = sorted({x.name for f in facts for x in f.persons} | {n for f in facts for e in f.events for n in (*e.leaders, *e.attendees)}, key=len, reverse=True)
        projects = sorted({x for f in facts for x in f.projects}, key=len, reverse=True)
        places = sorted(set(re.findall(r"[\u4e00-\u9fff]{2}(?:区|县|市)(?=委|政府|召开|人大|政协)", text)), key=len, reverse=True)
        shapes.append((text, len(facts) or 1, names, projects, places))
    rnd = random.Random(seed)
    n_places = max(4, articles // 150)
    places = []
    while len(places) < n_places:
        pl = rnd.choice(PLACE_HEADS) + rnd.choice(PLACE_HEADS) + rnd.choice("区县市")
        if pl not in places:
            places.append(pl)
    officials = {pl: [_name(rnd) for _ in range(40)] for pl in places}
    out.mkdir(parents=True, exist_ok=True)
    done = pages = chars = 0
    while done < articles:
        text, n, names, projects, old_places = rnd.choice(shapes)
        pl = rnd.choice(places)
        people = rnd.sample(officials[pl], min(len(names), 40))
        table = {}
        for i, nm in enumerate(names):
            table[nm] = people[i % len(people)] if i < len(people) else _name(rnd)
        for pr in projects:
            table[pr] = pl[:2] + rnd.choice(PLACE_HEADS) + rnd.choice(PROJECT_WORDS)
        for op in old_places:
            table[op] = pl
        if table:
            pat = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
            text = pat.sub(lambda m: table[m.group()], text)
        month = rnd.randint(1, 12)
        text = re.sub(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日", lambda m: f"{month}月{rnd.randint(1, 28)}日", text)
        (out / f"gen-{pages:06d}.txt").write_text(text, encoding="utf-8")
        pages += 1
        done += n
        chars += len(text)
    return pages, chars


def texts(folder: Path) -> list[tuple[str, str]]:
    out = []
    for p in sorted(folder.rglob("*.txt")):
        try:
            out.append((str(p), read_source(p).text))
        except Exception:
            pass
    return out


def bare_jieba(docs) -> float:
    import jieba

    jieba.initialize()
    t0 = time.perf_counter()
    for _, t in docs:
        jieba.lcut(t)
    return time.perf_counter() - t0


def extraction(docs, year) -> tuple[float, int, list[str]]:
    t0 = time.perf_counter()
    facts_by_doc = [extract_file_text(t, p, year) for p, t in docs]
    dt = time.perf_counter() - t0
    return dt, sum(len(f) for f in facts_by_doc), facts_by_doc


def store_load(facts_by_doc) -> tuple[float, int]:
    """Serialise and load every article into a fresh store as the build does: article graphs
    by the bulk loader, shared triples (once each) in a transaction, in the build's batches."""
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        s = KGStore(Path(tmp) / "s")
        t0 = time.perf_counter()
        own, shared = [], []
        size = 0

        def flush():
            s.bulk_add("".join(own))
            s.add("".join(dict.fromkeys(x for b in shared for x in b.splitlines(keepends=True))))
            own.clear()
            shared.clear()

        for facts in facts_by_doc:
            page = page_jurisdictions(facts)
            for f in facts:
                a, b = article_nquads(f, page.get(f.article.source))
                own.append(a)
                shared.append(b)
                size += len(a) + len(b)
            if size > BATCH_CHARS:
                flush()
                size = 0
        flush()
        dt = time.perf_counter() - t0
        n = sum(1 for _ in s.ox.quads_for_pattern(None, None, None, None))
        del s
    return dt, n


def build(folder: Path, out: Path, jobs: int, year) -> tuple[float, float, str]:
    cmd = [sys.executable, "-m", "kg", "build", str(folder), "-j", str(jobs), "-o", str(out)]
    if year:
        cmd += ["--year", str(year)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = next((x for x in r.stdout.splitlines() if "file(s)" in x), r.stderr[-300:])
    return dt, max(peak, before) / 1024, summary


def queries(out: Path) -> dict[str, float]:
    res = {}
    src = open_source(out)
    for name, q in named_queries().items():
        text = prepare(q.text, name, None, q.params)
        t0 = time.perf_counter()
        rows = run_on(src, text)
        n = sum(1 for _ in rows)
        res[name] = (time.perf_counter() - t0, n)
    del src
    return res


def bench(label: str, folder: Path, jobs: int, year, with_queries: bool, extract_cap: int) -> dict:
    docs = texts(folder)
    chars = sum(len(t) for _, t in docs)
    sample = docs
    if sum(len(t) for _, t in docs) > extract_cap:  # extraction and jieba on a prefix of the same text
        acc, sample = 0, []
        for d in docs:
            sample.append(d)
            acc += len(d[1])
            if acc > extract_cap:
                break
    sample_chars = sum(len(t) for _, t in sample)
    tj = bare_jieba(sample)
    te, n_articles, fbd = extraction(sample, year)
    tl, n_quads = store_load(fbd)
    del fbd
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        tb, peak, summary = build(folder, Path(tmp) / "out", jobs, year)
        q = queries(Path(tmp) / "out") if with_queries else {}
    return {"label": label, "files": len(docs), "chars": chars, "jieba_cps": sample_chars / tj,
            "extract_cps": sample_chars / te, "e2e_cps": chars / tb, "build_s": tb, "peak_mb": peak,
            "load_tps": n_quads / tl, "summary": summary, "queries": q, "sample_chars": sample_chars}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pd", default=str(SHARED / "corpus" / "peoples-daily"))
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--extract-cap", type=int, default=8_000_000,
                    help="characters on which extraction and jieba are timed (a prefix of the corpus)")
    args = ap.parse_args()
    rows = []
    sizes = [int(x) for x in args.sizes.split(",") if x]
    if Path(args.pd).is_dir():
        rows.append(bench("People's Daily", Path(args.pd), args.jobs, None, not sizes, args.extract_cap))
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"gen{n}"
            generate(folder, n)
            rows.append(bench(f"generated {n:,} articles", folder, args.jobs, 2022, n == max(sizes), args.extract_cap))
            shutil.rmtree(folder)
    print(f"\n| corpus | files | chars | extraction ÷ jieba.lcut (1 process) | end to end -j {args.jobs} ÷ jieba.lcut | "
          "build s | store load triples/s | peak RSS MB (largest process) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['label']} | {r['files']:,} | {r['chars']/1e6:.1f} M | {r['extract_cps']/r['jieba_cps']:.2f}× "
              f"({r['extract_cps']/1e3:.0f} k chars/s) | {r['e2e_cps']/r['jieba_cps']:.2f}× ({r['e2e_cps']/1e3:.0f} k chars/s) | "
              f"{r['build_s']:.0f} | {r['load_tps']/1e3:.0f} k | {r['peak_mb']:.0f} |")
    for r in rows:
        print(f"\n{r['label']}: {r['summary']}")
        for name, (dt, n) in r["queries"].items():
            print(f"  {name:<24} {dt*1000:8.0f} ms  {n} rows")


if __name__ == "__main__":
    main()
