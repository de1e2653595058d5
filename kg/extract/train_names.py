"""Train the person-name CRF from the People's Daily 1998 NER splits.

    python -m kg.extract.train_names DATA_DIR -o kg/data/names.crfsuite
    python -m kg.extract.train_names DATA_DIR --tune      # train on .test, score on .dev
    python -m kg.extract.train_names DATA_DIR --analyse [--report FILE]
        # train on .dev, read .test through kg's person finder, sort its errors

DATA_DIR holds peoples_daily_1998.test and peoples_daily_1998.dev (one "char tag" a line, BIO,
a blank line between sentences). Only person names are learnt (other entity tags read as O).
L-BFGS with fixed settings and the files read in a fixed order: the same data gives the same
model, byte for byte.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .ner import sequence_features

SPLITS = ("peoples_daily_1998.test", "peoples_daily_1998.dev")
ALL_TYPES = False  # only person names: other types cost precision on PER (tried on .dev)
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 200, "feature.minfreq": 1,
          "feature.possible_transitions": True}


def read_split(path: Path) -> list[tuple[str, list[str]]]:
    """(sentence, PER-only BIO tags) pairs."""
    out, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) < 2:
            if chars:
                out.append(("".join(chars), tags))
            chars, tags = [], []
            continue
        chars.append(parts[0][0])
        tag = parts[-1]
        tags.append(tag if ALL_TYPES or tag in ("B-PER", "I-PER") else "O")
    return out


ROLLS = 150  # synthetic name rolls added to the training data


def name_rolls(sents: list[tuple[str, list[str]]], n: int = ROLLS, seed: int = 1998) -> list[tuple[str, list[str]]]:
    """Lists of names written one after another with no separator, as name rolls (出席名单,
    主席团成员) appear in news once their spaces are dropped; built from the Han names of the
    training sentences, in a fixed pseudo-random order, so the tagger learns that a name may
    start right where another ends."""
    import random

    from .. import lexicons

    sur = lexicons.load("surnames")
    names = sorted({text[a:b] for text, tags in sents for a, b in _spans(tags)
                    if 2 <= b - a <= 3 and (text[a] in sur or text[a:a + 2] in sur)})
    if not names:
        return []
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        roll = [rng.choice(names) for _ in range(rng.randint(3, 9))]
        text = "".join(roll) + "。"
        tags = [t for name in roll for t in ["B-PER"] + ["I-PER"] * (len(name) - 1)] + ["O"]
        out.append((text, tags))
    return out


def train(sents: list[tuple[str, list[str]]], out: Path, params: dict | None = None) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in sents:
        for lo, hi, feats in sequence_features(text):
            trainer.append(feats, tags[lo:hi])
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({**PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def _spans(tags: list[str]) -> set[tuple[int, int]]:
    out, start = set(), -1
    for j, t in enumerate(tags + ["O"]):
        if t == "I-PER" and start >= 0:
            continue
        if start >= 0:
            out.add((start, j))
            start = -1
        if t == "B-PER":
            start = j
    return out


def score(model: Path, sents: list[tuple[str, list[str]]]) -> tuple[float, float, float]:
    """Span P, R, F1 of person names, each sentence tagged whole."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tp = fp = fn = 0
    for text, tags in sents:
        found = set()
        for lo, hi, feats in sequence_features(text):
            found |= {(lo + a, lo + b) for a, b in _spans(tagger.tag(feats))}
        gold = _spans(tags)
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def kind(name: str) -> str:
    """The kind of a name, for the error analysis: dot (a middle dot), one (a character, a
    surname alone), han2/han3 (a Han surname and one or two characters), other."""
    from .. import lexicons

    sur = lexicons.load("surnames")
    if any(c in name for c in "·•‧・"):
        return "dot"
    if len(name) == 1:
        return "one"
    if 2 <= len(name) <= 3 and (name[0] in sur or name[:2] in sur):
        return f"han{len(name)}"
    return "other"


def sort_errors(gold: set[str], tagged: set[str], found: set[str]) -> dict[str, set[str]]:
    """Gold names kg's person finder misses, split into those the tagger finds and a filter
    drops and those the tagger misses; names it finds that are no gold name, split into
    those a gold name holds (cut short: 王建|国), those that hold one (run on: 王建国说), and
    the rest (words, places)."""
    fp = found - gold
    short = {n for n in fp if any(n in g and n != g for g in gold)}
    long = {n for n in fp - short if any(g in n for g in gold)}
    return {"dropped": (gold - found) & tagged, "untagged": gold - found - tagged,
            "cut short": short, "run on": long, "other": fp - short - long}


def analyse(data: Path, report: Path | None, params: dict | None = None) -> None:
    """Trains on .dev alone (a temporary model), writes the sentences of .test as one body and
    reads it with kg's person finder (persons.find_mentions, the tagger and the rules), and
    compares the distinct names found with the distinct gold names, as the MSRA score does;
    prints P/R/F1 of the finder and of the tagger alone and the errors by cause and kind."""
    import tempfile
    from collections import Counter

    from . import ner, persons

    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "dev.crfsuite"
        base = read_split(data / SPLITS[1])
        train(base + name_rolls(base), model, params)
        saved = ner.MODEL_NAME
        ner.MODEL_NAME = str(model)  # an absolute path: resources.files(...) / it is itself
        ner._model.cache_clear()
        ner._tagger.cache_clear()
        try:
            sents = read_split(data / SPLITS[0])
            text = "\n".join(t for t, _ in sents)
            found = {m.name for m in persons.find_mentions(text)}
            tagged = {text[a:b] for a, b in ner.person_spans(text)}
        finally:
            ner.MODEL_NAME = saved
            ner._model.cache_clear()
            ner._tagger.cache_clear()
    gold, where = set(), {}
    for t, tags in sents:
        for a, b in _spans(tags):
            gold.add(t[a:b])
            where.setdefault(t[a:b], t)
    for label, got in (("kg", found), ("tagger", tagged)):
        tp = len(got & gold)
        p, r = tp / len(got) if got else 0.0, tp / len(gold) if gold else 0.0
        print(f"{label}: gold {len(gold)} found {len(got)} tp {tp}  P {p:.3f} R {r:.3f} "
              f"F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}")
    errors = sort_errors(gold, tagged, found)
    lines = []
    for cause, names in errors.items():
        kinds = Counter(map(kind, names))
        print(f"{cause:10} {len(names):4}  " + " ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        for n in sorted(names):
            ctx = where.get(n) or text[max(0, text.find(n) - 15):text.find(n) + len(n) + 15]
            lines.append(f"{cause}\t{kind(n)}\t{n}\t{ctx.replace(chr(10), '/')}")
    if report:
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=Path(__file__).parent.parent / "data" / "names.crfsuite")
    ap.add_argument("--tune", action="store_true", help="train on .test, report P/R/F1 on .dev")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--iterations", type=int)
    ap.add_argument("--analyse", action="store_true",
                    help="train on .dev, read .test through kg's person finder, sort the errors")
    ap.add_argument("--report", type=Path, help="with --analyse: each error, its cause, kind and sentence")
    a = ap.parse_args(argv)
    params = {k: v for k, v in (("c1", a.c1), ("c2", a.c2), ("max_iterations", a.iterations)) if v is not None}
    t0 = time.perf_counter()
    if a.analyse:
        analyse(a.data, a.report, params)
        return 0
    if a.tune:
        out = a.out.with_suffix(".tune.crfsuite")
        base = read_split(a.data / SPLITS[0])
        train(base + name_rolls(base), out, params)
        p, r, f = score(out, read_split(a.data / SPLITS[1]))
        print(f"{params or PARAMS}: dev P {p:.3f} R {r:.3f} F1 {f:.3f}  ({time.perf_counter() - t0:.0f}s)")
        return 0
    sents = [s for name in SPLITS for s in read_split(a.data / name)]
    train(sents + name_rolls(sents), a.out, params)
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.0f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
