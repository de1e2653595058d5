"""The bundled sample page end to end: our own golden summary, and the shared scorer."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.lexicons import load, names
from kg.pipeline import extract_file_text

from .conftest import DEV, SAMPLE, SCORER, SHARED, need_shared

GOLDEN = Path(__file__).parent / "golden" / "chuanhui-2022-07.json"


def summary(facts) -> dict:
    return {
        "articles": [f.article.headline for f in facts],
        "persons": sorted({(p.name, "、".join(p.titles)) for f in facts for p in f.persons}),
        "events": [[e.kind, e.date, e.chair, list(e.attendees), list(e.sites)] for f in facts for e in f.events],
        "directives": [[d.speaker, d.cue, d.text[:12]] for f in facts for d in f.directives],
        "responsibilities": sorted({(r.person, r.project) for f in facts for r in f.responsibilities}),
    }


def test_sample_golden(sample_text, update_golden):
    got = json.loads(json.dumps(summary(extract_file_text(sample_text, str(SAMPLE), 2022)), ensure_ascii=False))
    if update_golden or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _score(tmp_path, names_years, folder=DEV):
    pairs = []
    for name, year in names_years:
        out = tmp_path / name
        cmd = [sys.executable, "-m", "kg", "build", str(folder / f"{name}.txt"), "-o", str(out)]
        if year:
            cmd += ["--year", str(year)]
        subprocess.run(cmd, check=True, capture_output=True)
        pairs += [str(folder / f"{name}.gold.json"), str(out / "graph.ttl")]
    res = subprocess.run([sys.executable, str(SCORER), *pairs, "--json"], check=True,
                         capture_output=True, text=True)
    return json.loads(res.stdout)


def test_sample_page_scores_against_the_hand_annotation(tmp_path):
    need_shared()
    s = _score(tmp_path, [("chuanhui-2022-07", 2022)])
    assert s["macro_f1"] >= 0.90
    assert min(c["f1"] for c in s["categories"].values()) >= 0.80, s


def _dev_pages(folder=DEV):
    pages = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        if (folder / f"{name}.txt").exists():
            pages.append((name, json.loads(gold.read_text(encoding="utf-8")).get("year")))
    return pages


# The floor under today's figure on the 40 dev pages (0.958 measured; the aim is 0.95): a
# change that loses accuracy across the genre fails here.
DEV_FLOOR = 0.95


def test_dev_set_scores(tmp_path):
    need_shared()
    s = _score(tmp_path, _dev_pages())
    assert s["macro_f1"] >= DEV_FLOOR, s


def test_dev_set_laid_out_as_pdf_text_scores_the_same(tmp_path):
    """The same pages laid out like text extracted from PDF (narrow columns, column breaks,
    full-width forms) by the shared pdfify tool give the same facts, so the same score."""
    need_shared()
    pdfify = SHARED / "tools" / "pdfify.py"
    if not pdfify.is_file():
        pytest.skip(f"{pdfify} not found")
    laid = tmp_path / "pdf-pages"
    subprocess.run([sys.executable, str(pdfify), str(DEV), str(laid)], check=True, capture_output=True)
    clean = _score(tmp_path / "clean", _dev_pages())
    pdf = _score(tmp_path / "pdf", _dev_pages(laid), folder=laid)
    assert pdf["macro_f1"] >= clean["macro_f1"] - 0.03, (clean, pdf)


@pytest.mark.parametrize("name", names())
def test_lexicon_files_sorted_unique(name):
    path = Path(__file__).parent.parent / "kg" / "lexicons" / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    entries = [x for x in lines if x and not x.startswith("#")]
    assert lines[0].startswith("#"), "each lexicon opens with a comment saying what it holds"
    assert entries == sorted(set(entries)), f"{name}.txt: keep entries sorted and unique"
    assert load(name) == frozenset(entries)
