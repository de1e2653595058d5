import subprocess
import sys
from pathlib import Path

import rdflib
from typer.testing import CliRunner

from kg.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def test_cli_build_writes_graph_and_summary(tmp_path):
    r = runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "11 articles" in r.output and "wrote" in r.output
    g = rdflib.Graph().parse(tmp_path / "graph.ttl")
    assert len(g) > 500


def test_cli_build_is_deterministic(tmp_path):
    for d in ("a", "b"):
        assert runner.invoke(app, ["build", str(SAMPLE), "-o", str(tmp_path / d)]).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir() if p.is_file() and not p.name.startswith("."))
    assert names == ["co-attendance.graphml", "co-attendance.html", "graph.ttl",
                     "responsibility.graphml", "responsibility.html"]
    assert (tmp_path / "a" / "store").is_dir()
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_cli_build_skips_outputs_when_nothing_changed(tmp_path):
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(tmp_path)]).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir() if p.is_file()}
    r = runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(tmp_path)])
    assert r.exit_code == 0 and "up to date" in r.output and "wrote" not in r.output
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir() if p.is_file()} == before
    r = runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "--top", "5", "-o", str(tmp_path)])
    assert "wrote" in r.output  # other view options: other views
    (tmp_path / "graph.ttl").unlink()
    r = runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "--top", "5", "-o", str(tmp_path)])
    assert "wrote" in r.output and (tmp_path / "graph.ttl").is_file()


def test_cli_build_in_parallel_gives_the_same_files(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(4):  # four pages, each with its own names so the order shows
        (pages / f"p{i}.txt").write_text(text.replace("刘德君", f"刘德{'甲乙丙丁'[i]}"), encoding="utf-8")
    for jobs, d in (("1", "a"), ("2", "b")):
        r = runner.invoke(app, ["build", str(pages), "--year", "2022", "-j", jobs, "-o", str(tmp_path / d)])
        assert r.exit_code == 0, r.output
    for name in ("graph.ttl", "co-attendance.graphml", "co-attendance.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_cli_bad_inputs_one_line_errors_and_the_rest_still_built(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa\xfb\x81\x30\xff\xff" * 20)
    (tmp_path / "gbk.txt").write_bytes("标题\n本报讯（记者 王五）5月5日，县长赵六主持召开常务会议。".encode("gbk"))
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"),
         str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "gbk.txt"), "-o", str(out)],
        capture_output=True, text=True)
    assert proc.returncode == 1
    errors = [x for x in proc.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 4, proc.stderr
    for name in ("empty.txt", "binary.txt", "bad.txt", "missing.txt"):
        assert sum(name in e for e in errors) == 1
    assert "Traceback" not in proc.stderr
    g = rdflib.Graph().parse(out / "graph.ttl")
    assert any("赵六" in str(o) for o in g.objects())


def test_cli_build_writes_only_its_own_messages(tmp_path):
    # the sample page's column breaks are checked for words running over them before the
    # name tagger has loaded jieba: jieba's loading chatter must not show
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(SAMPLE), "--year", "2022",
                           "-o", str(tmp_path / "out")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert all(x.startswith(("error:", "warning:")) for x in proc.stderr.splitlines()), proc.stderr


def test_cli_nothing_readable_writes_nothing_and_keeps_old_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = runner.invoke(app, ["build", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert r.exit_code == 1
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "old"
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]


def test_cli_help_has_an_example():
    r = runner.invoke(app, ["build", "--help"])
    assert r.exit_code == 0 and "Example: kg build" in r.output


def test_cli_readme_documents_every_command():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for cmd in app.registered_commands:
        assert f"kg {cmd.name}" in readme
