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


def generate(out: Path, articles: int, seed: int = 1, years: tuple[int, ...] | None = None,
             plant: bool = False, shapes: list[Path] | None = None) -> tuple[int, int]:
    """Write pages of about `articles` articles into out; (pages, chars).

    `shapes`: the pages recombined (default: the dev pages). `years`: spread the pages over
    these years (each page gets one, written into its dates and its file name,
    gen-YYYY-MM-NNNNNN.txt, so build without --year); without it the dates keep no year and
    the build gives one. `plant`: also write the storyline of PLANT (our own sentences, see
    planted_pages) in the first and the last of `years`, so tests know what the analyses of
    careers, rank and periods must find."""
    dev = sorted(shapes) if shapes is not None else sorted((SHARED / "dev").glob("*.txt"))
    if plant and (not years or len(years) < 2):
        raise ValueError("plant needs two years or more")
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
    if plant:
        for name, text in planted_pages(years[0], years[-1]):
            (out / name).write_text(text, encoding="utf-8")
            pages += 1
            chars += len(text)
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
        if years:
            year = rnd.choice(years)
            text = re.sub(r"(?<!\d)(?:19|20)\d\d(?=\s*年)", str(year), text)
            name = f"gen-{year}-{month:02d}-{pages:06d}.txt"
        else:
            name = f"gen-{pages:06d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        pages += 1
        done += n
        chars += len(text)
    return pages, chars


# --- a known storyline for the analyses' tests (our own sentences, no third-party text) ----
# One county over two years. In the first year 宓知远 is 副县长, third in the lists; in the
# second 县长, first in the lists, and leads an inspection. 卫岚舟 (县长) attends only in the
# first year, 阮星迟 (副县长) only in the second, so 阮星迟—钱沐阳 is a new co-attendance edge
# and 卫岚舟—钱沐阳 a vanished one; 青石县滨河安置小区 is named only in the second year.
PLANT = {
    "place": "青石县",
    "promoted": ("宓知远", "副县长", "县长"),      # same place, higher rank: a promotion
    "rank": ("宓知远", 3, 1),                     # mean place in attendee lists, year 1 -> year 2
    "new_pair": ("钱沐阳", "阮星迟"),
    "gone_pair": ("卫岚舟", "钱沐阳"),
    "only_first": "卫岚舟",
    "only_second": "阮星迟",
    "new_project": "青石县滨河安置小区",
}
_PLANT_MEETINGS = ("乡村振兴工作推进会", "安全生产工作会议", "优化营商环境工作会议")
_PLANT_FIRST = ("县长卫岚舟，县委副书记姬若澄，副县长宓知远、褚云帆",
                "钱沐阳指出，要压实责任，推动青石县北环快速路建设提速。")
_PLANT_SECOND = ("县长宓知远，县委副书记姬若澄，副县长褚云帆、阮星迟",
                 "钱沐阳强调，要推动青石县滨河安置小区早日交付。")


def planted_pages(first: int, second: int) -> list[tuple[str, str]]:
    """The pages of PLANT: three meetings of 青石县 in year `first`, three in year `second`
    (the list order of their attendees and the titles as PLANT says), and in `second` an
    inspection led by the promoted 县长. (file name, text) pairs, the year in the name."""
    pages = []
    for year, (attendees, directive) in ((first, _PLANT_FIRST), (second, _PLANT_SECOND)):
        for k, (month, meeting) in enumerate(zip((3, 6, 9), _PLANT_MEETINGS)):
            text = (f"青石县召开{meeting}\n\n"
                    f"本报讯（记者 孔令晗）{year}年{month}月{12 + k}日上午，青石县召开{meeting}。"
                    f"县委书记钱沐阳主持会议并讲话，{attendees}出席会议。\n\n{directive}\n")
            if year == second and k == 1:
                text += (f"\n宓知远调研北环快速路建设\n\n本报讯（记者 孔令晗）{year}年{month}月{20 + k}日，"
                         "县长宓知远到青石县北环快速路项目现场调研，副县长阮星迟陪同调研。\n\n"
                         "宓知远要求，要加快青石县北环快速路施工进度。\n")
            pages.append((f"plant-{year}-{month:02d}-{k + 1}.txt", text))
    return pages


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


def _tree_peaks(root: int, peaks: dict[int, int]) -> None:
    """Each live process under root (root too): its peak RSS so far (VmHWM, kB), into peaks.
    (The children's ru_maxrss would not do: a child forked from this process counts this
    process's memory as its own until it execs.)"""
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parent.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))
        except OSError:
            pass


def build(folder: Path, out: Path, jobs: int, year) -> tuple[float, float, str]:
    """Build folder with `kg build`: seconds, the peak RSS of its largest process (MB, sampled
    from /proc every 0.2 s), and the build's summary line."""
    cmd = [sys.executable, "-m", "kg", "build", str(folder), "-j", str(jobs), "-o", str(out)]
    if year:
        cmd += ["--year", str(year)]
    peaks: dict[int, int] = {}
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as so, tempfile.TemporaryFile("w+") as se:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=so, stderr=se, text=True)
        while proc.poll() is None:
            if Path("/proc").is_dir():
                _tree_peaks(proc.pid, peaks)
            time.sleep(0.2)
        dt = time.perf_counter() - t0
        so.seek(0)
        se.seek(0)
        stdout, stderr = so.read(), se.read()
    summary = next((x for x in stdout.splitlines() if "file(s)" in x), stderr[-300:])
    return dt, max(peaks.values(), default=0) / 1024, summary


def queries(out: Path) -> dict[str, float]:
    res = {}
    src = open_source(out)
    for name, q in named_queries().items():
        text = prepare(q.text, name, None, q.params, limit=None)  # every row, as before pages
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
