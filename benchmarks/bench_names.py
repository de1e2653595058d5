"""Person names on the MSRA NER test split: the tagger alone, through find_mentions, and speed.

    python benchmarks/bench_names.py [../shared/data/ner/msra_test_bio.txt]
    python benchmarks/bench_names.py --pages [N]   # whole extraction against jieba.lcut only

Names are counted as /work/shared/tools/ner_names.py counts them: distinct gold PER strings
against distinct names found, all sentences read as one text (a line each). The speed is that of
the whole extraction of that text as a page (read, normalise, segment, extract) in characters per
second, next to bare jieba.lcut on the same text in the same run. The split is for evaluation
only: nothing here tunes on it.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.ner import person_spans  # noqa: E402
from kg.extract.persons import find_mentions  # noqa: E402
from kg.pipeline import extract_file_text  # noqa: E402
from kg.read import read_source  # noqa: E402


def read_bio(path: Path) -> tuple[list[str], set[str]]:
    sents, gold, cur = [], set(), []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
            cur = []
            continue
        if len(parts) >= 2:
            cur.append((parts[0], parts[-1]))
    for s in sents:
        name = ""
        for ch, tag in s + [("", "O")]:
            if tag == "B-PER":
                if name:
                    gold.add(name)
                name = ch
            elif tag == "I-PER" and name:
                name += ch
            else:
                if name:
                    gold.add(name)
                name = ""
    return ["".join(c for c, _ in s) for s in sents], gold


def prf(found: set[str], gold: set[str]) -> str:
    tp = len(found & gold)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"found {len(found):5d} tp {tp:5d}  P {p:.3f} R {r:.3f} F1 {f:.3f}"


def best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _pages(n: int) -> list[Path]:
    """The dev pages and every k-th page of the People's Daily sample (n pages in all)."""
    shared = ROOT.parent / "shared" / "data"
    dev = sorted((shared / "dev").glob("*.txt"))
    pd = sorted((shared / "corpus" / "peoples-daily").rglob("*.txt"))
    step = max(1, len(pd) // max(1, n - len(dev)))
    return dev, pd[::step][:max(0, n - len(dev))]


def pages_ratio(n: int = 240, reps: int = 3) -> None:
    """Whole extraction (read, normalise, segment, extract; no graph) of real pages against bare
    jieba.lcut over the same texts, in the same run, best of `reps` repetitions."""
    import jieba

    for label, files in zip(("dev pages", "People's Daily sample"), _pages(n)):
        srcs = [read_source(f) for f in files]
        texts = [s.text for s in srcs]

        def extract() -> None:
            for f in files:
                src = read_source(f)
                extract_file_text(src.text, src.path, None)

        def seg() -> None:
            for t in texts:
                jieba.lcut(t)

        extract()
        seg()
        t_ext = best_of(reps, extract)
        t_jb = best_of(reps, seg)
        chars = sum(map(len, texts))
        print(f"{label}: {len(files)} pages, {chars:,} chars: extraction {chars / t_ext:,.0f} chars/s, "
              f"jieba.lcut {chars / t_jb:,.0f} chars/s; extraction/jieba = {t_jb / t_ext:.2f}")


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="example: python benchmarks/bench_names.py --pages 200")
    ap.add_argument("split", nargs="?", type=Path,
                    default=ROOT.parent / "shared" / "data" / "ner" / "msra_test_bio.txt",
                    help="a BIO-tagged NER split (default: ../shared/data/ner/msra_test_bio.txt)")
    ap.add_argument("--pages", nargs="?", type=int, const=240, metavar="N",
                    help="instead: whole extraction against jieba.lcut on the dev pages and N "
                         "People's Daily articles (default 240)")
    a = ap.parse_args()
    if a.pages is not None:
        pages_ratio(a.pages)
        return
    path = a.split
    if not path.is_file():
        sys.exit(f"{path}: no such file")
    sents, gold = read_bio(path)
    text = "\n".join(sents)
    print(f"{path.name}: {len(sents)} sentences, {len(text)} chars, {len(gold)} distinct gold names")
    print("tagger alone   ", prf({text[a:b] for a, b in person_spans(text)}, gold))
    print("find_mentions  ", prf({m.name for m in find_mentions(text)}, gold))

    import jieba

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "ner-2020-01.txt"
        page.write_text("人名测试\n\n本报讯 " + text + "\n", encoding="utf-8")
        page_text = page.read_text(encoding="utf-8")

        def extract() -> None:
            src = read_source(page)
            extract_file_text(src.text, src.path, 2020)

        extract()  # load the model, the lexicons and jieba's dictionary first
        jieba.lcut(page_text)
        t_tag = best_of(3, lambda: person_spans(text))
        t_ext = best_of(3, extract)
        t_jb = best_of(3, lambda: jieba.lcut(page_text))
    n = len(page_text)
    print(f"speed: tagger {n / t_tag:,.0f} chars/s, extraction {n / t_ext:,.0f} chars/s, "
          f"jieba.lcut {n / t_jb:,.0f} chars/s; extraction/jieba = {t_jb / t_ext:.2f}")


if __name__ == "__main__":
    main()
