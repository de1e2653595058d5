"""The build store: incremental rebuilds, a killed build that resumes, stable IRIs, queries
checked before any data is read."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from kg.cli import app
from kg.graph import person_iri
from kg.pipeline import build_store, extract_file_text
from kg.store import INPUTS_GRAPH, SUMMARY_GRAPH, KGStore
from kg.summary import Aggregate, aggregate_path, drop_summary, summary_current

from .conftest import SAMPLE

runner = CliRunner()
ROOT = Path(__file__).parent.parent
TEXT = SAMPLE.read_text(encoding="utf-8")


def pages(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"p{i:03d}.txt").write_text(TEXT.replace("刘德君", f"刘德{chr(0x4e00 + i)}"), encoding="utf-8")
    return folder


def dump(store_dir: Path) -> list[str]:
    """Every quad of a store, build records included, as sorted N-Quads lines."""
    s = KGStore(store_dir, read_only=True)
    data = ox.serialize(s.ox.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS)
    return sorted(data.decode("utf-8").splitlines())


def graphs_of(store_dir: Path) -> set[str]:
    s = KGStore(store_dir, read_only=True)
    return {g.value for g in s.ox.named_graphs() if g != INPUTS_GRAPH}


def test_store_rebuild_skips_unchanged_replaces_changed_prunes_removed(tmp_path):
    src = pages(tmp_path / "in", 3)
    store = tmp_path / "out" / "store"
    r = build_store([src], store, 2022)
    assert (r.built, r.skipped) == (3, 0) and r.articles == 33
    first = dump(store)
    r = build_store([src], store, 2022)
    assert (r.built, r.skipped) == (0, 3)
    assert dump(store) == first
    # a changed file: its graphs are replaced, the others untouched
    (src / "p001.txt").write_text(TEXT.replace("刘德君", "周新民"), encoding="utf-8")
    r = build_store([src], store, 2022)
    assert (r.built, r.skipped) == (1, 2)
    fresh = tmp_path / "fresh" / "store"
    build_store([src], fresh, 2022)
    assert dump(store) == dump(fresh)
    q = 'ASK { ?p rdfs:label "刘德%s"@zh }' % chr(0x4e01)
    assert not bool(KGStore(store, read_only=True).query("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + q))
    # a removed file stays until --prune
    (src / "p002.txt").unlink()
    r = build_store([src], store, 2022)
    assert r.removed == 0 and any("p002" in g for g in graphs_of(store))
    r = build_store([src], store, 2022, prune=True)
    assert r.removed == 1 and not any("p002" in g for g in graphs_of(store))
    fresh2 = tmp_path / "fresh2" / "store"
    build_store([src], fresh2, 2022)
    assert dump(store) == dump(fresh2)
    # another --year dates the pages anew: rebuilt
    assert build_store([src], store, 2021).built == 2


def test_store_killed_build_resumes_to_the_same_store(tmp_path):
    src = pages(tmp_path / "in", 40)
    whole = tmp_path / "whole"
    assert runner.invoke(app, ["build", str(src), "--year", "2022", "-o", str(whole)]).exit_code == 0
    out = tmp_path / "killed"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # small batches, so the kill lands between transactions and inside one
    code = ("import kg.pipeline as p, sys; p.BATCH_FILES = 3; from kg.cli import app; "
            "sys.argv = ['kg'] + sys.argv[1:]; app()")
    proc = subprocess.Popen([sys.executable, "-c", code, "build", str(src), "--year", "2022", "-o", str(out)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = out / "store"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (store / "CURRENT").exists():
        time.sleep(0.05)
    time.sleep(0.8)
    assert proc.poll() is None, "the build finished before it could be killed: give it more pages"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = len(KGStore(store, read_only=True).inputs())
    assert partial < 40
    r = runner.invoke(app, ["build", str(src), "--year", "2022", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert f"{40 - partial} built, {partial} unchanged" in r.output
    assert dump(store) == dump(whole / "store")
    for name in ("graph.ttl", "co-attendance.graphml", "responsibility.graphml", "co-attendance.html"):
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name


def test_store_adding_pages_renames_no_one(tmp_path):
    """An IRI depends only on the article it was read from: a build of more pages, holding
    the same names in other places, keeps every IRI of the smaller build."""
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text(TEXT, encoding="utf-8")
    small = tmp_path / "small"
    assert runner.invoke(app, ["build", str(one), "-o", str(small), "--year", "2022"]).exit_code == 0
    more = tmp_path / "more"
    more.mkdir()
    (more / "a.txt").write_text(TEXT, encoding="utf-8")
    # the same names again, in another county, and with no place at all
    (more / "b.txt").write_text(TEXT.replace("川汇区", "项城市"), encoding="utf-8")
    (more / "c.txt").write_text("会议\n本报讯 7月5日，区委书记刘德君主持召开会议，区长胡友涛参加。\n", encoding="utf-8")
    big = tmp_path / "big"
    assert runner.invoke(app, ["build", str(more), "-o", str(big), "--year", "2022"]).exit_code == 0
    q = "SELECT DISTINCT ?p WHERE { ?p a kg:Person }"

    def persons(out):
        r = runner.invoke(app, ["query", str(out), q, "--format", "csv"])
        assert r.exit_code == 0, r.output
        return set(r.output.splitlines()[1:])

    assert persons(small) <= persons(big)
    liu = {p for p in persons(big) if "%E5%88%98%E5%BE%B7%E5%90%9B" in p}  # 刘德君
    assert len(liu) == 3  # 川汇区, 项城市, and the page that names no place


def test_store_person_key_is_the_articles_jurisdiction():
    [f] = extract_file_text("甲\n本报讯 5月6日，项城市委书记李明主持召开会议，市长王伟参加。\n", "x.txt", 2023)
    from kg.graph import person_key

    assert person_key(f) == {"李明": "项城市", "王伟": "项城市"}
    assert person_iri("王伟", "项城市").endswith("@%E9%A1%B9%E5%9F%8E%E5%B8%82")


def test_store_query_syntax_error_answers_before_loading(tmp_path, monkeypatch):
    import kg.cli

    def never(path):
        raise AssertionError("data was read before the query was checked")

    monkeypatch.setattr(kg.cli, "open_source", never)
    r = runner.invoke(app, ["query", str(tmp_path / "nowhere"), "SELECT ?x WHERE { ?x a "])
    assert r.exit_code == 1 and "syntax error at line 1" in r.output and r.output.count("\n") == 1
    r = runner.invoke(app, ["query", str(tmp_path), "SELECT ?x WHERE { ?x a foo:Bar }"])
    assert r.exit_code == 1 and "unknown prefix 'foo'" in r.output


def test_store_every_command_takes_a_store(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(out)]).exit_code == 0
    r = runner.invoke(app, ["query", str(out), "who-chaired", "--format", "tsv"])
    assert r.exit_code == 0 and len(r.output.splitlines()) == 9
    r = runner.invoke(app, ["query", str(out), "meetings-in-range", "-p", "start=2022-07-20", "-p", "end=2022-07-24"])
    assert "(2 rows)" in r.output
    r = runner.invoke(app, ["query", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Person }"])
    assert "24" in r.output  # a set: persons named in many articles count once
    for fmt in ("ttl", "nt", "trig", "nq", "jsonld"):
        r = runner.invoke(app, ["export", str(out), "--format", fmt, "-o", str(tmp_path / f"g.{fmt}")])
        assert r.exit_code == 0, r.output
    trig = ox.Dataset(ox.parse(path=str(tmp_path / "g.trig"), format=ox.RdfFormat.TRIG))
    # one named graph per article, and the shared triples (persons, projects) in the default graph
    assert len({q.graph_name for q in trig if q.graph_name != ox.DefaultGraph()}) == 11
    assert any(q.graph_name == ox.DefaultGraph() for q in trig)
    r = runner.invoke(app, ["validate", str(out)])
    assert r.exit_code == 0 and "conforms" in r.output
    r = runner.invoke(app, ["view", str(out / "store"), "-o", str(tmp_path / "v.html")])
    assert r.exit_code == 0
    r = runner.invoke(app, ["report", str(out), "-o", str(tmp_path / "r.html")])
    assert r.exit_code == 0
    r = runner.invoke(app, ["query", str(tmp_path), "who-chaired"])
    assert r.exit_code == 1 and "not a store" in r.output


def test_store_warnings_are_grouped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("标题\n本报讯 5月6日，县长王伟主持召开会议。6月7日，县长王伟主持召开会议。"
                               "7月8日，县长王伟主持召开会议。8月9日，县长王伟主持召开会议。\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(tmp_path / "o")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    warnings = [x for x in r.stderr.splitlines() if x.startswith("warning:")]
    assert len(warnings) == 1 and "4× no year for" in warnings[0] and "and 1 more" in warnings[0], warnings
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(tmp_path / "v"), "--verbose"],
                       capture_output=True, text=True, cwd=ROOT)
    assert len([x for x in r.stderr.splitlines() if x.startswith("warning:")]) == 4


def summary_quads(store_dir: Path) -> list[str]:
    s = KGStore(store_dir, read_only=True)
    data = ox.serialize(s.ox.quads_for_pattern(None, None, None, SUMMARY_GRAPH), format=ox.RdfFormat.N_QUADS)
    return sorted(data.decode("utf-8").splitlines())


def test_store_summary_incremental_is_that_of_a_fresh_build(tmp_path):
    """Build A+B, then B changed and C removed (--prune): the same summary as a fresh build of
    A+B'; so again with the SQLite parts deleted, or stale as a build killed between the
    store's commit and theirs leaves them."""
    src = pages(tmp_path / "in", 4)
    store = tmp_path / "out" / "store"
    build_store([src], store, 2022)
    first = summary_quads(store)
    assert len(first) > 500 and aggregate_path(store).is_file()
    (src / "p001.txt").write_text(TEXT.replace("刘德君", "周新民"), encoding="utf-8")
    (src / "p003.txt").unlink()
    r = build_store([src], store, 2022, prune=True)
    assert (r.built, r.removed) == (1, 1)
    fresh = tmp_path / "fresh" / "store"
    build_store([src], fresh, 2022)
    assert summary_quads(store) == summary_quads(fresh) != first
    assert any("周新民" in x for x in summary_quads(store))
    assert dump(store) == dump(fresh)
    # the parts deleted: computed again from the store, the same summary
    aggregate_path(store).unlink()
    (src / "p000.txt").write_text(TEXT.replace("刘德君", "李春华"), encoding="utf-8")
    build_store([src], store, 2022)
    fresh2 = tmp_path / "fresh2" / "store"
    build_store([src], fresh2, 2022)
    assert dump(store) == dump(fresh2)
    # parts of a file the store does not hold, and a file's parts missing
    db = sqlite3.connect(aggregate_path(store))
    db.execute("UPDATE files SET digest = 'stale' WHERE path LIKE '%p000.txt'")
    db.execute("INSERT INTO files VALUES ('/nowhere/x.txt', 'd')")
    db.commit()
    db.close()
    (src / "p002.txt").write_text(TEXT.replace("刘德君", "王建军"), encoding="utf-8")
    build_store([src], store, 2022)
    fresh3 = tmp_path / "fresh3" / "store"
    build_store([src], fresh3, 2022)
    assert dump(store) == dump(fresh3)
    a, b = (Aggregate(aggregate_path(x)) for x in (store, fresh3))
    assert {k: a.rows(k) for k in a.spec} == {k: b.rows(k) for k in b.spec}
    assert set(a.files()) == set(b.files())


def test_store_summary_dropped_before_a_change_written_after(tmp_path):
    src = pages(tmp_path / "in", 2)
    store = tmp_path / "out" / "store"
    build_store([src], store, 2022)
    assert summary_current(KGStore(store, read_only=True))
    s = KGStore(store)
    drop_summary(s)  # as a build killed after it dropped the summary leaves the store
    assert not summary_current(s)
    del s
    r = build_store([src], store, 2022)
    assert (r.built, r.skipped) == (0, 2)
    assert summary_current(KGStore(store, read_only=True))
    fresh = tmp_path / "fresh" / "store"
    build_store([src], fresh, 2022)
    assert dump(store) == dump(fresh)


def test_store_outputs_failing_network_leaves_no_partial_file(tmp_path, monkeypatch):
    """graph.ttl is written in a thread beside the networks: when a network fails, its error
    is raised, the Turtle stops (or has finished), and no temp file or partial graph.ttl is
    left; when none fails, graph.ttl is the whole store's."""
    import kg.pipeline as pipeline

    build_store([pages(tmp_path / "in", 3)], tmp_path / "out" / "store")
    store = KGStore(tmp_path / "out" / "store")
    pipeline.write_store_outputs(store, tmp_path / "ok")
    whole = (tmp_path / "ok" / "graph.ttl").read_bytes()
    assert b"kg:Meeting" in whole

    def broken(src):
        raise RuntimeError("network failed")

    monkeypatch.setitem(pipeline.NETWORKS, "co-attendance", broken)
    out = tmp_path / "bad"
    try:
        pipeline.write_store_outputs(store, out)
    except RuntimeError as e:
        assert str(e) == "network failed"
    else:
        raise AssertionError("the network's error was lost")
    left = {p.name: p for p in out.iterdir()} if out.exists() else {}
    assert set(left) <= {"graph.ttl"}
    assert "graph.ttl" not in left or left["graph.ttl"].read_bytes() == whole
