"""The shipped queries at scale: pages, parameters that narrow, the same answers on the store
and on a graph file as the queries gave before they paged."""
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import DEFAULT_LIMIT, _ox_prefixes, _parse_named, named_queries, page, prepare, run_page
from kg.store import open_source
from kg.summary import SUMMARIZED, SUMMARY_ROWS, spec_of, summary_page

from .conftest import SAMPLE

runner = CliRunner()
BEFORE = Path(__file__).parent / "data" / "queries_before"  # the queries as they were before pages
TEXT = SAMPLE.read_text(encoding="utf-8")
QUERIES = sorted(named_queries())


def cells(rows) -> list[tuple]:
    return [tuple(None if v is None else v.value for v in r) for r in rows]


def full(src, name: str, **params) -> list[tuple]:
    q = named_queries()[name]
    _, rows, cut = run_page(src, q.text, name, params, q.params, limit=None)
    assert not cut
    return cells(rows)


def before(src, name: str) -> list[tuple]:
    """The query's rows as it was written before: every row, computed from the article graphs."""
    old = _parse_named(name, (BEFORE / f"{name}.rq").read_text(encoding="utf-8"))
    return cells(src.query(prepare(old.text, name, {}, old.params), prefixes=_ox_prefixes()))


def pages(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):  # the sample page with its chair renamed: more names, more pairs
        (folder / f"p{i:03d}.txt").write_text(TEXT.replace("刘德君", f"刘德{chr(0x4e00 + i)}"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("q") / "out"
    r = runner.invoke(app, ["build", str(pages(out.parent / "in", 3)), "--year", "2022", "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


@pytest.mark.parametrize("name", QUERIES)
def test_query_every_row_as_before_on_store_and_graph_file(built, name):
    store, ttl = open_source(built), open_source(built / "graph.ttl")
    old = before(store, name)
    assert old, name
    assert full(store, name) == old
    assert full(ttl, name) == old == before(ttl, name)


@pytest.mark.parametrize("name", QUERIES)
def test_query_a_page_is_the_head_of_every_row(built, name):
    src = open_source(built)
    every = full(src, name)
    q = named_queries()[name]
    for n in (1, 7):
        _, rows, cut = run_page(src, q.text, name, {}, q.params, limit=n)
        assert cells(rows) == every[:n] and cut == (len(every) > n)
    _, rows, cut = run_page(src, q.text, name, {}, q.params)  # the default page
    assert cells(rows) == every[:DEFAULT_LIMIT] and cut == (len(every) > DEFAULT_LIMIT)


@pytest.mark.parametrize("name, column", [("attendance", 0), ("co-attendance", None), ("career", 0),
                                          ("titles-over-time", 0), ("directives-by-speaker", 0),
                                          ("who-chaired", 3), ("project-responsibility", 1)])
def test_query_person_narrows_to_that_persons_rows(built, name, column):
    src = open_source(built)
    every = full(src, name)
    for who in ("胡友涛", "刘德丁"):
        keep = [r for r in every if (who in r[:2] if column is None else r[column] == who)]
        assert keep, (name, who)
        assert full(src, name, person=who) == keep
        assert full(open_source(built / "graph.ttl"), name, person=who) == keep
    assert full(src, name, person="无此人") == []


def test_query_dates_and_project_narrow(built):
    src = open_source(built)
    every = full(src, "who-chaired")
    assert full(src, "who-chaired", **{"from": "2022-07-20", "to": "2022-07-23"}) == \
        [r for r in every if r[0] and "2022-07-20" <= r[0] <= "2022-07-23"]
    assert full(src, "meetings-in-range", start="2022-07-20", end="2022-07-24") == \
        [r for r in full(src, "meetings-in-range") if "2022-07-20" <= r[0] <= "2022-07-24"]
    resp = full(src, "project-responsibility")
    assert full(src, "project-responsibility", project=resp[0][0]) == [r for r in resp if r[0] == resp[0][0]]


def test_query_cli_pages_and_says_so(built):
    r = runner.invoke(app, ["query", str(built), "co-attendance"])
    assert r.exit_code == 0 and f"(the first {DEFAULT_LIMIT} rows; more with --limit N or --all)" in r.output
    r = runner.invoke(app, ["query", str(built), "co-attendance", "--limit", "3", "--format", "csv"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 4 and "the first 3 rows" in r.stderr
    r = runner.invoke(app, ["query", str(built), "co-attendance", "--all", "--format", "tsv"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) > DEFAULT_LIMIT + 1 and "more with" not in r.output
    r = runner.invoke(app, ["query", str(built), "who-chaired"])  # fewer rows than a page: no note
    assert r.exit_code == 0 and "more with" not in r.output
    r = runner.invoke(app, ["query", str(built), "SELECT ?s WHERE { ?s a kg:Person }", "--limit", "2"])
    assert "(the first 2 rows" in r.output  # an ad-hoc query is cut only when asked
    r = runner.invoke(app, ["query", str(built), "co-attendance", "--limit", "3", "--all"])
    assert r.exit_code == 2


def test_query_page_rewrites_only_marked_lines():
    text = "SELECT ?x WHERE {\n  ?x kg:r ?y .\n  FILTER(?y <= 100)\n}\nORDER BY ?y\nLIMIT 100  # page\n"
    assert "LIMIT 3" in page(text, 3) and "FILTER(?y <= 100)" in page(text, 3)
    assert "LIMIT" not in page(text, None) and "FILTER(?y <= 100)" in page(text, None)
    assert page("SELECT ?x WHERE { ?x ?p ?o }", 5).endswith("LIMIT 5")
    assert page("SELECT ?x WHERE { ?x ?p ?o } LIMIT 2", 5).endswith("LIMIT 2")


def test_query_shipped_read_only_the_article_graphs():
    for name, q in named_queries().items():
        assert "GRAPH" not in q.text and "summary" not in q.text.lower(), name
        assert "LIMIT 100  # page" in q.text.splitlines()[-1], name


# --- the summary: a default page read from the build's ready ranks (kg/summary.py) -----------
def _strs(rows) -> list[tuple]:
    return [tuple(None if v is None else str(v) for v in r) for r in rows]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The benchmark generator's pages (recombined from the sample page, fresh names), built."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import bench_corpus

    tmp = tmp_path_factory.mktemp("summary")
    bench_corpus.generate(tmp / "pages", 90, seed=5, shapes=[SAMPLE])
    r = runner.invoke(app, ["build", str(tmp / "pages"), "--year", "2022", "-o", str(tmp / "out")])
    assert r.exit_code == 0, r.output
    return tmp / "out"


@pytest.mark.parametrize("name", SUMMARIZED)
def test_summary_ranks_are_the_first_rows_of_the_full_query(generated, name):
    src = open_source(generated)
    q = named_queries()[name]
    _, every, _ = run_page(src, q.text, name, {}, q.params, limit=None)
    every = _strs(every)
    assert len(every) > 1, name
    for n in (1, 7, DEFAULT_LIMIT, SUMMARY_ROWS):
        got = summary_page(src, name, q.text, n)
        assert got is not None, f"{name}: no summary in the store"
        variables, rows, cut = got
        assert [v.value for v in variables] == list(spec_of(name, q.text).variables)
        assert _strs(rows) == every[:n] and cut == (len(every) > n), (name, n)
    # kg query's default page is the summary's, the same rows a full sort gives
    _, rows, cut = run_page(src, q.text, name, {}, q.params)
    assert _strs(rows) == every[:DEFAULT_LIMIT] and cut == (len(every) > DEFAULT_LIMIT)


def test_summary_holds_pages_of_counts_and_rows(generated):
    src = open_source(generated)
    for name in SUMMARIZED:
        q = named_queries()[name]
        assert summary_page(src, name, q.text, SUMMARY_ROWS + 1) is None  # longer than kept: the query runs
        assert summary_page(src, name, q.text + "\n# changed", 5) is None  # another text: the query runs
    big = [n for n in SUMMARIZED if summary_page(src, n, named_queries()[n].text, DEFAULT_LIMIT)[2]]
    assert "co-attendance" in big and "directives-by-speaker" in big  # pages that leave rows out


def test_summary_is_not_in_a_graph_file_and_its_queries_run_in_full(generated):
    ttl = open_source(generated / "graph.ttl")
    store = open_source(generated)
    assert "build/summary" not in (generated / "graph.ttl").read_text(encoding="utf-8")
    for name in SUMMARIZED:
        q = named_queries()[name]
        assert summary_page(ttl, name, q.text, DEFAULT_LIMIT) is None
        _, rows, cut = run_page(ttl, q.text, name, {}, q.params)
        _, head, cut2 = run_page(store, q.text, name, {}, q.params)
        assert _strs(rows) == _strs(head) and cut == cut2, name


def test_summary_cli_default_page_and_narrowed_query(generated):
    every = runner.invoke(app, ["query", str(generated), "co-attendance", "--all", "--format", "csv"])
    r = runner.invoke(app, ["query", str(generated), "co-attendance", "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines() == every.stdout.splitlines()[:DEFAULT_LIMIT + 1]
    assert "the first 100 rows" in r.stderr
    who = every.stdout.splitlines()[1].split(",")[0]
    r = runner.invoke(app, ["query", str(generated), "co-attendance", "--param", f"person={who}", "--all",
                            "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[1:] == [
        x for x in every.stdout.splitlines()[1:] if who in x.split(",")[:2]]
