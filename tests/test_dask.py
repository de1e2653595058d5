"""kg build --dask: extraction on a Dask distributed cluster (a LocalCluster of two worker
processes here) gives the store and the output files of a local build, byte for byte."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from kg.cluster import DaskExtraction
from kg.pipeline import build_store, content_hash, local_outcomes

from .conftest import SAMPLE
from .test_store import dump

ROOT = Path(__file__).parent.parent
OUTPUTS = ("graph.ttl", "co-attendance.graphml", "co-attendance.html", "responsibility.graphml",
           "responsibility.html", ".kg-outputs")

# small pages of our own, in the forms of a district paper and of a government web page
MEETING = """区召开防汛工作会议

本报讯（记者 张晓明）8月3日，区委书记王建国主持召开全区防汛工作会议。区委副书记、区长李红梅，\
区委常委、常务副区长赵志刚，副区长孙立新出席会议。

王建国强调，要压实防汛责任，确保群众生命财产安全。

李红梅要求，各乡镇要加强巡查值守，做好物资储备。
"""
VISIT = """孙立新到滨河公园项目现场调研

本报讯（通讯员 陈静）8月5日，副区长孙立新带领区住建局负责同志到城南污水处理厂和滨河公园项目现场调研。

孙立新指出，要加快滨河公园项目建设进度，确保按期完工。
"""
WEB = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>赵志刚督导老旧小区改造工作</title>
<meta property="og:title" content="赵志刚督导老旧小区改造工作">
<meta name="PubDate" content="2022-08-09 10:00">
<link rel="canonical" href="https://example.gov.cn/news/2022/0809/1.html">
</head><body><nav>首页 &gt; 要闻</nav><article><h1>赵志刚督导老旧小区改造工作</h1>
<p>8月9日，区委常委、常务副区长赵志刚到东风街道督导老旧小区改造工作。</p>
<p>赵志刚要求，要倒排工期，加快东风街道老旧小区改造工程进度，让群众早日受益。</p>
<p>区住建局、东风街道负责同志陪同督导。</p></article>
<footer>版权所有 某区人民政府</footer></body></html>
"""


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        with Client(c.scheduler_address, set_as_default=False) as client:
            yield c.scheduler_address, client


@pytest.fixture
def inputs(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "chuanhui-2022-07.txt").write_bytes(SAMPLE.read_bytes())
    (src / "flood-2022-08.txt").write_text(MEETING, encoding="utf-8")
    (src / "visit-2022-08.txt").write_text(VISIT, encoding="gb18030")
    (src / "renovation.html").write_text(WEB, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary\xff\xfe\x00" * 8)
    return src


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))


def extract_tasks(client) -> int:
    """How many kg extraction tasks the scheduler has run."""
    def count(dask_scheduler):
        prefix = dask_scheduler.task_prefixes.get("kg-extract")
        return 0 if prefix is None else prefix.state_counts["memory"]
    return client.run_on_scheduler(count)


def same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert dump(a / "store") == dump(b / "store")


def build_line(stdout: str) -> str:
    return stdout.splitlines()[0].rsplit(" in ", 1)[0]


def test_dask_build_equals_local_build_byte_for_byte(cluster, inputs, tmp_path):
    address, client = cluster
    local = kg("build", str(inputs), "--year", "2022", "-o", str(tmp_path / "local"))
    before = extract_tasks(client)
    remote = kg("build", str(inputs), "--year", "2022", "-o", str(tmp_path / "dask"), "--dask", address)
    # every file to build went to the cluster, the bad one too
    assert extract_tasks(client) - before == 5
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert build_line(remote.stdout) == build_line(local.stdout)
    assert build_line(local.stdout) == "5 file(s): 4 built, 0 unchanged, 0 removed; " \
                                       + build_line(local.stdout).split("removed; ")[1]
    # the unreadable file's message is the local one, on one line
    assert remote.stderr == local.stderr
    assert f"error: {inputs / 'bad.txt'}: binary file, not text\n" in remote.stderr
    same_outputs(tmp_path / "dask", tmp_path / "local")


def test_dask_build_is_incremental(cluster, inputs, tmp_path):
    address, client = cluster
    out = tmp_path / "dask"
    first = kg("build", str(inputs), "--year", "2022", "-o", str(out), "--dask", address)
    assert first.returncode == 1 and "4 built" in first.stdout
    before = extract_tasks(client)
    again = kg("build", str(inputs), "--year", "2022", "-o", str(out), "--dask", address)
    assert "5 file(s): 0 built, 4 unchanged, 0 removed" in again.stdout
    assert f"outputs in {out} are up to date" in again.stdout
    assert extract_tasks(client) - before == 1  # only the bad file, never recorded, is tried again
    (inputs / "flood-2022-08.txt").write_text(MEETING.replace("王建国", "周新民"), encoding="utf-8")
    (inputs / "bad.txt").unlink()
    before = extract_tasks(client)
    changed = kg("build", str(inputs), "--year", "2022", "-o", str(out), "--dask", address, "--prune")
    assert changed.returncode == 0, changed.stderr
    assert "4 file(s): 1 built, 3 unchanged, 0 removed" in changed.stdout
    assert extract_tasks(client) - before == 1
    fresh = kg("build", str(inputs), "--year", "2022", "-o", str(tmp_path / "fresh"))
    assert fresh.returncode == 0, fresh.stderr
    same_outputs(out, tmp_path / "fresh")


def _blind() -> None:
    """On a worker: no file can be read at its path (no shared filesystem)."""
    import kg.cluster

    def unreadable(location):
        raise FileNotFoundError(2, "No such file or directory", location)
    kg.cluster._read_at = unreadable


def _restore() -> None:
    """On a worker: kg.cluster as installed."""
    import importlib

    import kg.cluster

    importlib.reload(kg.cluster)


def test_workers_that_cannot_read_the_paths_are_sent_the_bytes(cluster, inputs, tmp_path):
    address, client = cluster
    local = kg("build", str(inputs), "--year", "2022", "-o", str(tmp_path / "local"))
    client.run(_blind)
    try:
        remote = kg("build", str(inputs), "--year", "2022", "-o", str(tmp_path / "dask"), "--dask", address)
    finally:
        client.run(_restore)
    assert remote.returncode == 1
    assert build_line(remote.stdout) == build_line(local.stdout)
    assert remote.stderr == local.stderr + (
        "warning: 5 file(s) not found by the workers at their paths were sent from this machine "
        "(a filesystem shared at the same paths saves that)\n")
    same_outputs(tmp_path / "dask", tmp_path / "local")


def test_outcomes_come_back_in_input_order_and_drive_progress(cluster, inputs, tmp_path):
    """More files than tasks in flight, the large one first: results finish out of order and
    are taken in order, equal to those made here."""
    address, client = cluster
    names = ["chuanhui-2022-07.txt", "flood-2022-08.txt", "visit-2022-08.txt", "renovation.html", "bad.txt"]
    paths = [str(inputs / n) for n in names]
    for i in range(10):
        p = inputs / f"more-{i:02d}-2022-08.txt"
        p.write_text(VISIT.replace("孙立新", f"孙立{chr(0x4e00 + i)}"), encoding="utf-8")
        paths.append(str(p))
    todo = [(p, content_hash(Path(p).read_bytes(), 2022)) for p in paths]
    ext = DaskExtraction(client, address)
    assert list(ext.outcomes(todo, 2022)) == list(local_outcomes(todo, 2022))
    assert ext.sent == 0
    seen = []
    r = build_store([inputs], tmp_path / "store", 2022, outcomes=ext.outcomes,
                    progress=lambda state, total: seen.append((state.built + len(state.errors), total)))
    assert seen == [(i, 15) for i in range(1, 16)]
    assert (r.built, len(r.errors)) == (14, 1)
    build_store([inputs], tmp_path / "local-store", 2022)
    assert dump(tmp_path / "store") == dump(tmp_path / "local-store")


def _other_code() -> None:
    """On a worker: another version of kg."""
    import kg.cluster

    kg.cluster.code_fingerprint = lambda: "another"


def test_a_worker_with_other_kg_code_is_an_error(cluster, inputs, tmp_path):
    address, client = cluster
    client.run(_other_code)
    try:
        r = kg("build", str(inputs), "--year", "2022", "-o", str(tmp_path / "dask"), "--dask", address)
    finally:
        client.run(_restore)
    assert r.returncode == 1
    assert r.stderr.startswith("error: worker tcp://127.0.0.1:") and r.stderr.count("\n") == 1
    assert "runs another govnews-kg than this machine" in r.stderr


def test_unreachable_scheduler_is_one_line_naming_it_within_the_timeout(tmp_path):
    out = tmp_path / "out"
    start = time.monotonic()
    r = kg("build", str(SAMPLE), "-o", str(out), "--dask", "tcp://127.0.0.1:9", "--dask-timeout", "2")
    assert time.monotonic() - start < 20
    assert r.returncode == 1
    assert r.stderr == "error: --dask tcp://127.0.0.1:9: cannot reach a Dask scheduler within 2 s\n"
    assert not out.exists()
    r = kg("build", str(SAMPLE), "-o", str(out), "--dask", "scheduler")
    assert r.returncode == 2
    assert r.stderr == ("error: --dask scheduler: not a scheduler address (missing port number in address "
                        "'scheduler'); write tcp://HOST:8786\n")
    r = kg("build", str(SAMPLE), "-o", str(out), "--dask", "tcp://127.0.0.1:9", "-j", "2")
    assert r.returncode == 2 and r.stderr.startswith("error: --jobs and --dask: choose one")


def test_build_help_names_dask():
    r = kg("build", "--help")
    assert "--dask" in r.stdout and "--dask-timeout" in r.stdout


def test_a_cluster_with_no_worker_left_is_an_error_not_a_hang(tmp_path, monkeypatch):
    import kg.cluster
    from kg.cluster import ClusterError

    monkeypatch.setattr(kg.cluster, "PATIENCE", 0.5)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as c, \
            Client(c.scheduler_address, set_as_default=False) as client:
        ext = DaskExtraction(client, c.scheduler_address)
        start = time.monotonic()
        with pytest.raises(ClusterError, match=r"^--dask \S+: no worker left \(see the workers' logs\)$"):
            build_store([SAMPLE], tmp_path / "store", 2022, outcomes=ext.outcomes)
        assert time.monotonic() - start < 10
    assert not (tmp_path / "store").exists()
