"""Careers, protocol rank over time and the comparison of two periods (kg career, the
career query, kg diff, kg report --compare), on a generated two-year corpus with a planted
storyline whose promotion, rank change and new co-attendance edge are known."""
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg.careers import Post, careers, general_title, post_ranks, rank_of, rank_series, step_kind
from kg.diff import Period, parse_periods
from kg.store import open_source

from .conftest import CHROMIUM, SAMPLE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_corpus  # noqa: E402

PLANT = bench_corpus.PLANT
FIRST = ["--from", "2021-01-01", "--to", "2021-12-31"]
SECOND = ["--vs-from", "2022-01-01", "--vs-to", "2022-12-31"]


def kg(*args, check=True):
    r = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    if check:
        assert r.returncode == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The benchmark generator's pages (recombined from the repository's sample page) over
    2021 and 2022, with PLANT's storyline, built into a store."""
    tmp = tmp_path_factory.mktemp("careers")
    bench_corpus.generate(tmp / "pages", 40, seed=3, years=(2021, 2022), plant=True, shapes=[SAMPLE])
    kg("build", tmp / "pages", "-o", tmp / "out")  # no --year: each page's year is in its name
    return tmp / "out"


@pytest.fixture(scope="module")
def src(corpus):
    return open_source(corpus)


def _csv(text):
    return list(csv.reader(io.StringIO(text)))


# --- the rank table -----------------------------------------------------------------------
def test_careers_rank_table_orders_posts():
    assert rank_of("副县长") < rank_of("常务副县长") < rank_of("县长") < rank_of("县委书记")
    assert rank_of("副镇长") < rank_of("镇长") < rank_of("副县长") < rank_of("副市长") < rank_of("市长")
    assert rank_of("青石县副县长") == rank_of("副县长") and rank_of("川汇区委书记") == rank_of("区委书记")
    assert rank_of("宣传部长") is None
    assert general_title("川汇区委书记") == ("区委书记", "川汇区")
    assert general_title("周口市副市长") == ("副市长", "周口市")
    assert general_title("川汇区长") == ("区长", "川汇区")
    assert general_title("副县长") == ("副县长", None)
    assert general_title("常务副县长") == ("常务副县长", None)
    assert general_title("青石县常务副县长") == ("常务副县长", "青石县")
    assert all(" " not in t and 10 <= r < 100 for t, r in post_ranks().items())


# --- careers --------------------------------------------------------------------------------
def test_careers_step_kinds():
    def post(title, place):
        return Post(title, place, rank_of(title), "2021-01-01", "2021-01-01")

    assert step_kind(post("副县长", "青石县"), post("常务副县长", "青石县")) == "promotion"
    assert step_kind(post("县长", "青石县"), post("县委副书记", "青石县")) == "demotion"
    assert step_kind(post("县长", "青石县"), post("区长", "青石县")) == "lateral"
    assert step_kind(post("县长", "青石县"), post("副市长", "周川市")) == "transfer"
    assert step_kind(post("县委常委", "青石县"), post("宣传部长", "青石县")) == "change"


def test_careers_known_promotion(src):
    name, before, after = PLANT["promoted"]
    [c] = careers(src, person=name)
    assert c.place == PLANT["place"]
    assert [(p.title, p.place, p.first, p.last, len(p.articles)) for p in c.posts] == [
        (before, "青石县", "2021-03-12", "2021-09-14", 3), (after, "青石县", "2022-03-12", "2022-09-14", 4)]
    [step] = c.steps
    assert (step.before.title, step.after.title, step.kind) == (before, after, "promotion")
    assert (step.date_before, step.date_after) == ("2021-09-14", "2022-03-12")


def test_careers_steady_post_is_no_step(src):
    [c] = careers(src, person="钱沐阳")
    assert [p.title for p in c.posts] == ["县委书记"] and c.steps == []


def test_careers_date_range_and_unknown_person(src):
    [c] = careers(src, person=PLANT["promoted"][0], date_to="2021-12-31")
    assert [p.title for p in c.posts] == ["副县长"] and c.steps == []
    with pytest.raises(ValueError, match="no dated title"):
        careers(src, person="无此人")


def test_careers_shipped_query(corpus):
    rows = _csv(kg("query", corpus, "career", "--param", "person=宓知远", "--format", "csv").stdout)
    assert rows[0][:6] == ["name", "title", "place", "first", "last", "articles"]
    assert [r[:6] for r in rows[1:]] == [["宓知远", "副县长", "", "2021-03-12", "2021-09-14", "3"],
                                         ["宓知远", "县长", "", "2022-03-12", "2022-09-14", "4"]]
    assert "career" in kg("query", "--list").stdout


def test_careers_cli(corpus):
    out = kg("career", corpus, "宓知远", "--format", "csv").stdout
    assert "宓知远,青石县,promotion,副县长 → 县长,青石县,36 → 48,2021-09-14,2022-03-12" in out
    r = kg("career", corpus, "无此人", check=False)
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0 and "无此人" in r.stderr
    assert "Example: kg career" in kg("career", "--help").stdout


# --- protocol rank over time ----------------------------------------------------------------
def test_rank_series_monthly_with_evidence(src):
    [iri] = [c.person for c in careers(src, person="宓知远")]
    names, series = rank_series(src, persons=[iri])
    points = {p.month: p for p in series[iri]}
    assert names[iri] == "宓知远"
    assert [points[m].rank for m in ("2021-03", "2021-06", "2021-09", "2022-03", "2022-06", "2022-09")] == [3, 3, 3, 1, 1, 1]
    [ev] = points["2021-03"].evidence
    assert ev[0] == "2021-03-12" and ev[1] == "青石县召开乡村振兴工作推进会" and ev[2] == 3 and "宓知远" in ev[3]


# --- two periods ----------------------------------------------------------------------------
def test_diff_known_changes(corpus, tmp_path):
    kg("diff", corpus, *FIRST, *SECOND, "--format", "csv", "-o", tmp_path / "d.csv")
    rows = _csv((tmp_path / "d.csv").read_text(encoding="utf-8"))
    assert rows[0] == ["section", "item", "place", "first", "second", "change"]
    name, a, b = PLANT["rank"]
    assert ["rank", name, "青石县", str(a), str(b), f"rose {a - b}"] in rows
    new, gone = " — ".join(PLANT["new_pair"]), " — ".join(PLANT["gone_pair"])
    assert ["edge-new", new, "青石县", "", "3", "new"] in rows
    assert ["edge-gone", gone, "青石县", "3", "", "gone"] in rows
    assert not any(r[1] == new for r in rows if r[0] == "edge-gone")
    assert ["only-first", PLANT["only_first"], "青石县", "3", "", "gone"] in rows
    assert ["only-second", PLANT["only_second"], "青石县", "", "4", "new"] in rows
    assert ["chaired-led", name, "青石县", "0", "1", "+1"] in rows
    assert ["project-new", PLANT["new_project"], "", "", "named", "new"] in rows
    # the same store as --store, the same bytes; a table names every section
    again = kg("diff", "--store", corpus, *FIRST, *SECOND, "--format", "csv").stdout
    assert again == (tmp_path / "d.csv").read_text(encoding="utf-8")
    table = kg("diff", corpus, *FIRST, *SECOND).stdout
    assert "edge-new:" in table and "rose 2" in table and "project-new:" in table


def test_diff_swapped_periods_mirror(corpus):
    rows = _csv(kg("diff", corpus, "--from", "2022-01-01", "--to", "2022-12-31",
                   "--vs-from", "2021-01-01", "--vs-to", "2021-12-31", "--format", "csv").stdout)
    assert ["rank", "宓知远", "青石县", "1", "3", "fell 2"] in rows
    assert ["edge-gone", " — ".join(PLANT["new_pair"]), "青石县", "3", "", "gone"] in rows


@pytest.mark.parametrize("args, message", [
    (["--from", "2021-02-30", "--to", "2021-12-31", *SECOND], "--from 2021-02-30: write a date as YYYY-MM-DD"),
    (["--from", "2021-12-31", "--to", "2021-01-01", *SECOND], "--from 2021-12-31 is after --to 2021-01-01"),
    ([*FIRST, "--vs-from", "2022-01-01"], "give both --vs-from and --vs-to (YYYY-MM-DD)"),
    ([*FIRST, *SECOND, "--format", "xml"], "--format xml: choose one of table, csv"),
])
def test_diff_errors_are_one_line(corpus, args, message):
    r = kg("diff", corpus, *args, check=False)
    assert r.returncode == 2 and r.stderr.strip() == f"error: {message}"


def test_diff_needs_one_source(corpus):
    r = kg("diff", *FIRST, *SECOND, check=False)
    assert r.returncode == 2 and "--store" in r.stderr
    assert "Example: kg diff" in kg("diff", "--help").stdout


def test_diff_view_colours_new_and_vanished(corpus, tmp_path):
    kg("diff", corpus, *FIRST, *SECOND, "--view", tmp_path / "v.html", "-o", tmp_path / "d.txt")
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    nodes = next(x for x in page.splitlines() if "nodes = new vis.DataSet(" in x)
    edges = next(x for x in page.splitlines() if "edges = new vis.DataSet(" in x)
    import json
    import re

    nodes = {n["id"]: n for n in json.loads(re.search(r"DataSet\((\[.*\])\)", nodes).group(1))}
    edges = json.loads(re.search(r"DataSet\((\[.*\])\)", edges).group(1))
    assert nodes[PLANT["only_second"]]["color"] == "#2ca02c"  # new: green
    assert nodes[PLANT["only_first"]]["color"] == "#d62728"  # gone: red
    assert nodes["宓知远"]["color"] == "#9aa5b1"  # in both: grey
    pair = {frozenset((e["from"], e["to"])): e.get("color") for e in edges}
    assert pair[frozenset(PLANT["new_pair"])] == "#2ca02c"
    assert pair[frozenset(PLANT["gone_pair"])] == "#d62728"
    assert "green: new in the second period" in page and '<script src="http' not in page


def test_parse_periods():
    assert parse_periods("2021-01-01:2021-12-31,2022-01-01:2022-06-30") == (
        Period("2021-01-01", "2021-12-31"), Period("2022-01-01", "2022-06-30"))
    for bad in ("2021-01-01:2021-12-31", "2021-01-01-2021-12-31,2022-01-01:2022-06-30",
                "2021-13-01:2021-12-31,2022-01-01:2022-06-30", "2021-12-31:2021-01-01,2022-01-01:2022-06-30"):
        with pytest.raises(ValueError, match="--compare"):
            parse_periods(bad)


# --- the report -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def report(corpus):
    out = corpus.parent / "report.html"
    kg("report", corpus, "--place", "青石县", "--compare", "2021-01-01:2021-12-31,2022-01-01:2022-12-31", "-o", out)
    return out


def test_report_sections(report, corpus):
    page = report.read_text(encoding="utf-8")
    assert '<section id="careers">' in page and "promotion" in page and "副县长 (36)" in page
    assert '<svg class="kg-chart" id="rank-chart"' in page
    import re

    links = re.findall(r'<a href="#(rank-ev-[^"]+)"><circle', page)
    assert links and all(f'id="{x}"' in page for x in links)  # every point opens its panel
    assert '<section id="compare">' in page and "rose 2" in page and "download=\"kg-diff.csv\"" in page
    r = kg("report", corpus, "--compare", "2021-01-01:2021-12-31", "-o", corpus.parent / "x.html", check=False)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and not (corpus.parent / "x.html").exists()


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found: install Debian's chromium to run the browser tests")
def test_report_rank_chart_in_chromium(report, tmp_path):
    """The chart draws in a real browser, offline, and a click on a point shows its articles."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from .conftest import ARGS

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        outside = []
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "about:"))
                   else (outside.append(route.request.url), route.abort()))
        page.goto(report.as_uri())
        chart = page.locator("#rank-chart")
        box = chart.bounding_box()
        assert box["width"] > 600 and box["height"] > 300
        assert page.locator("#rank-chart circle").count() >= 20
        panel = page.locator('[id="rank-ev-1-2022-03"]')  # 宓知远 (second by lists) in March 2022
        assert not panel.is_visible()
        page.locator('#rank-chart a[href="#rank-ev-1-2022-03"] circle').click()
        assert panel.is_visible() and "青石县召开乡村振兴工作推进会" in panel.inner_text()
        page.locator("#protocol-rank").screenshot(path=str(tmp_path / "rank-chart.png"))
        assert (tmp_path / "rank-chart.png").stat().st_size > 20_000
        assert outside == []
        browser.close()


# --- the generator --------------------------------------------------------------------------
def test_generator_spreads_years_and_plants(tmp_path):
    with pytest.raises(ValueError, match="two years"):
        bench_corpus.generate(tmp_path / "x", 5, years=(2022,), plant=True, shapes=[SAMPLE])
    bench_corpus.generate(tmp_path / "g", 12, years=(2021, 2022), plant=True, shapes=[SAMPLE])
    names = sorted(p.name for p in (tmp_path / "g").iterdir())
    assert sum(n.startswith("plant-2021-") for n in names) == 3 and sum(n.startswith("plant-2022-") for n in names) == 3
    assert all(n.startswith(("gen-2021-", "gen-2022-", "plant-")) for n in names)


def test_report_filters_careers_and_chart(corpus, src):
    assert {c.place for c in careers(src, place="青石县")} == {"青石县"}
    out = corpus.parent / "one.html"
    kg("report", corpus, "--person", "宓知远", "-o", out)
    page = out.read_text(encoding="utf-8")
    chart = page[page.index('<svg class="kg-chart"'):page.index("</svg>")]
    assert "宓知远" in chart and "姬若澄" not in chart and "rank-ev-1-" not in chart  # one person's series
    assert "1 career step of 1 person" in page
