"""kg push and --endpoint: a build's graphs on real SPARQL servers.

The server tests need the servers `.ci/servers.sh start` runs on loopback, found by
KG_TEST_OXIGRAPH (Oxigraph server's query endpoint) and KG_TEST_VIRTUOSO (Virtuoso's, with
KG_TEST_VIRTUOSO_USER and KG_TEST_VIRTUOSO_PASSWORD for its Digest-protected Graph Store);
without them they skip and say so. The other tests use a small HTTP server of their own.
"""
from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kg.pipeline import build_store
from kg.query import format_ox_result, named_queries, prepare, run_on
from kg.remote import (ENV_PASSWORD, ENV_USER, SHARED_BUCKETS, Endpoint, RemoteError, RemoteSource,
                       _pageable, credentials, graph_store_url, push, remote_triples)
from kg.store import SUMMARY_GRAPH, KGStore

from .conftest import DEV, SAMPLE

ROOT = Path(__file__).resolve().parent.parent
SERVERS = {"oxigraph": "KG_TEST_OXIGRAPH", "virtuoso": "KG_TEST_VIRTUOSO"}


@pytest.fixture(autouse=True)
def _no_ambient_credentials(monkeypatch, tmp_path):
    """Credentials only as each test sets them: none from the environment or ~/.netrc."""
    for k in (ENV_USER, ENV_PASSWORD):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


# --- without servers -------------------------------------------------------------------
def test_remote_graph_store_derived_for_known_servers():
    assert graph_store_url("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert graph_store_url("http://h:8890/sparql") == "http://h:8890/sparql-graph-crud-auth"
    assert graph_store_url("https://h/db/sparql/") == "https://h/db/sparql-graph-crud-auth"
    with pytest.raises(RemoteError, match="give --graph-store URL"):
        graph_store_url("http://h:3030/ds/endpoint")
    with pytest.raises(RemoteError, match="not an http"):
        Endpoint("ftp://h/sparql")


def test_remote_credentials_from_environment_then_netrc(monkeypatch, tmp_path):
    rc = tmp_path / "netrc"
    rc.write_text("machine db.example.org login alice password s3cret\n")
    rc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(rc))
    assert credentials("http://db.example.org:8890/sparql") == ("alice", "s3cret")
    assert credentials("http://other.example.org/sparql") is None
    monkeypatch.setenv(ENV_USER, "bob")
    monkeypatch.setenv(ENV_PASSWORD, "pw")
    assert credentials("http://db.example.org:8890/sparql") == ("bob", "pw")


def test_remote_paging_orders_rows_totally():
    q = "SELECT ?a ?b ?n WHERE { ?a ?p ?b } GROUP BY ?a ?b ORDER BY DESC(?n) ?a"
    assert _pageable(q, ["a", "b", "n"]).endswith("GROUP BY ?a ?b ORDER BY DESC(?n) ?a STR(?b)")
    assert _pageable("SELECT ?x WHERE { ?x ?p ?o }", ["x"]).endswith("} ORDER BY STR(?x)")
    assert _pageable("SELECT ?x WHERE { ?x ?p ?o } LIMIT 5", ["x"]) is None


class _Scripted(http.server.BaseHTTPRequestHandler):
    """Answers each request with the next (status, headers, body) of `script`."""

    script: list = []
    seen: list = []

    def _answer(self):
        n = int(self.headers.get("Content-Length") or 0)
        self.seen.append((self.command, self.path, self.rfile.read(n), self.headers.get("Authorization")))
        status, headers, body = self.script.pop(0) if self.script else (500, {}, b"script ran out")
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *a):
        pass


@pytest.fixture
def scripted():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Scripted.script, _Scripted.seen = [], []
    yield f"http://127.0.0.1:{server.server_address[1]}", _Scripted
    server.shutdown()
    server.server_close()


def test_remote_transient_errors_are_retried_with_backoff(scripted):
    url, h = scripted
    h.script = [(503, {}, b"busy"), (429, {"Retry-After": "0"}, b""), (502, {}, b""), (201, {}, b"")]
    ep = Endpoint(url + "/query", backoff=0.01)
    ep.put_graph("https://w3id.org/govnews-kg/id/graph/a", b"<http://a> <http://b> <http://c> .\n")
    assert [x[0] for x in h.seen] == ["PUT"] * 4
    assert h.seen[-1][1].startswith("/store?graph=") and h.seen[-1][2].endswith(b" .\n")


def test_remote_protocol_and_auth_failures_are_one_line(scripted, monkeypatch):
    url, h = scripted
    h.script = [(400, {}, b"<html><body><h1>Bad request</h1>\n<p>cannot parse\nline 1</p></body></html>")]
    with pytest.raises(RemoteError) as e:
        Endpoint(url + "/sparql", backoff=0.01).put_graph("urn:g", b"")
    assert str(e.value).startswith(f"{url}/sparql-graph-crud-auth: 400 Bad Request: Bad request cannot parse")
    assert "\n" not in str(e.value)
    h.script = [(401, {"WWW-Authenticate": 'Basic realm="x"'}, b"")]
    with pytest.raises(RemoteError, match=f"authentication required .*{ENV_USER}"):
        Endpoint(url + "/sparql").put_graph("urn:g", b"")
    monkeypatch.setenv(ENV_USER, "kg")
    monkeypatch.setenv(ENV_PASSWORD, "wrong")
    h.script = [(401, {"WWW-Authenticate": 'Basic realm="x"'}, b""), (401, {}, b"")]
    with pytest.raises(RemoteError, match="authentication failed \\(401\\) as user 'kg'"):
        Endpoint(url + "/sparql").put_graph("urn:g", b"")
    assert h.seen[-1][3].startswith("Basic ")  # answered in the scheme the challenge named


def test_remote_unreachable_server_is_one_line():
    with pytest.raises(RemoteError, match="cannot connect \\(connection refused\\) after 2 tries"):
        Endpoint("http://127.0.0.1:9/query", retries=1, backoff=0.01).check()


def test_remote_capped_select_is_paged(scripted):
    """A server that caps results at 2 rows and says so (as Virtuoso does) is read in pages."""
    url, h = scripted

    def page(*values, capped=True):
        rows = [{"x": {"type": "literal", "value": v}} for v in values]
        body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": rows}}).encode()
        return 200, {"Content-Type": "application/sparql-results+json",
                     **({"X-SPARQL-MaxRows": "2"} if capped else {})}, body

    h.script = [page("a", "b"), page("a", "b"), page("c", "d"), page("e", capped=False)]
    variables, rows = Endpoint(url + "/sparql").select("SELECT ?x WHERE { ?x ?p ?o }")
    assert [r[0].value for r in rows] == ["a", "b", "c", "d", "e"]
    sent = [x[2].decode() for x in h.seen]
    assert "LIMIT+2+OFFSET+4" in sent[-1] and "ORDER+BY+STR%28%3Fx%29" in sent[-1]


def test_remote_cli_needs_a_graph_or_an_endpoint():
    r = subprocess.run([sys.executable, "-m", "kg", "query", "who-chaired"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode != 0 and "error:" in r.stderr
    r = subprocess.run([sys.executable, "-m", "kg", "query", str(SAMPLE), "who-chaired", "--endpoint",
                        "http://127.0.0.1:9/query"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "not both" in r.stderr and r.stderr.count("\n") == 1
    r = subprocess.run([sys.executable, "-m", "kg", "push", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "Example: " in r.stdout and "kg push" in r.stdout


# --- against real servers ------------------------------------------------------------
def _server(name: str) -> str:
    url = os.environ.get(SERVERS[name])
    if not url:
        pytest.skip(f"{SERVERS[name]} not set: start the servers with .ci/servers.sh start (as .ci/run does)")
    return url


def _env(name: str, password: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in (ENV_USER, ENV_PASSWORD)}
    env["NETRC"] = "/nonexistent"
    if name == "virtuoso":
        env[ENV_USER] = os.environ.get("KG_TEST_VIRTUOSO_USER", "")
        env[ENV_PASSWORD] = password if password is not None else os.environ.get("KG_TEST_VIRTUOSO_PASSWORD", "")
    return env


@pytest.fixture
def server(request, monkeypatch):
    """(name, query endpoint URL) of a running server, its credentials set for this test."""
    name = request.param
    url = _server(name)
    for k, v in _env(name).items():
        if k in (ENV_USER, ENV_PASSWORD, "NETRC"):
            monkeypatch.setenv(k, v)
    return name, url


both = pytest.mark.parametrize("server", list(SERVERS), indirect=True)


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    """A store of the demo page and, when they are beside the checkout, the dev pages (read
    from ../shared, never copied into the repository)."""
    inputs = [SAMPLE] + (sorted(DEV.glob("*.txt")) if DEV.is_dir() else [])
    inputs = list(dict.fromkeys(p for p in inputs if p.name != SAMPLE.name or p == SAMPLE))
    out = tmp_path_factory.mktemp("dev") / "out"
    res = build_store(inputs, out / "store", None)
    assert res.built == len(inputs), res.errors
    return out


def _store_triples(store_dir: Path) -> int:
    """The triples a push sends: all but the build's summary (local ranks of its own)."""
    s = KGStore(store_dir, read_only=True)
    return sum(1 for q in s.ox.quads_for_pattern(None, None, None, None) if q.graph_name != SUMMARY_GRAPH)


_pushed: dict = {}  # server -> the store it holds now, so a test pushes only when it must


def _push(url: str, out: Path):
    if _pushed.get(url) != out:
        push(KGStore(out / "store", read_only=True), Endpoint(url))
        _pushed[url] = out


def _cases():
    for name, q in named_queries().items():
        yield name, {}
    yield "directives-by-speaker", {"person": "刘德君"}
    yield "titles-over-time", {"person": "胡友涛"}
    yield "meetings-in-range", {"start": "2022-07-20", "end": "2022-07-24"}


def _rows(src, name, params):
    q = named_queries()[name]
    return format_ox_result(run_on(src, prepare(q.text, name, params, q.params)), "tsv")


@both
def test_remote_every_shipped_query_gives_the_same_rows(server, dev_build):
    _name, url = server
    _push(url, dev_build)
    local = KGStore(dev_build / "store", read_only=True)
    remote = RemoteSource(Endpoint(url))
    for name, params in _cases():
        want = _rows(local, name, params)
        assert want.count("\n") >= 1, name  # the case has rows to compare
        assert _rows(remote, name, params) == want, (name, params)


@both
def test_remote_repush_leaves_the_triple_count_unchanged(server, dev_build):
    _name, url = server
    _push(url, dev_build)
    ep = Endpoint(url)
    n = remote_triples(ep)
    assert n == _store_triples(dev_build / "store")
    res = push(KGStore(dev_build / "store", read_only=True), ep)
    assert res.deleted == 0 and res.graphs >= SHARED_BUCKETS + 2
    assert remote_triples(ep) == n


@both
def test_remote_build_streams_and_prune_deletes_stale_graphs(server, tmp_path):
    name, url = server
    a = tmp_path / "in" / "chuanhui-2022-07.txt"
    b = tmp_path / "in" / "second-2022-07.txt"
    a.parent.mkdir()
    a.write_bytes(SAMPLE.read_bytes())
    text = SAMPLE.read_text(encoding="utf-8")
    b.write_text(text[: len(text) // 2], encoding="utf-8")
    out = tmp_path / "out"

    def kg(*args):
        r = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True,
                           env=_env(name))
        assert r.returncode == 0, r.stderr
        return r.stdout

    said = kg("build", str(a), str(b), "--year", "2022", "-o", str(out), "--endpoint", url)
    _pushed[url] = out
    assert f"to {url}" in said and "pushed " in said
    ep = Endpoint(url)
    assert remote_triples(ep) == _store_triples(out / "store")
    said = kg("build", str(a), "--year", "2022", "-o", str(out), "--prune", "--endpoint", url)
    assert "1 removed" in said and "graph(s) no longer in the store deleted" in said
    assert remote_triples(ep) == _store_triples(out / "store")
    local = KGStore(out / "store", read_only=True)
    assert _rows(RemoteSource(ep), "who-chaired", {}) == _rows(local, "who-chaired", {})


@both
def test_remote_cli_query_view_and_report(server, dev_build, tmp_path):
    name, url = server
    _push(url, dev_build)

    def kg(*args):
        r = subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, env=_env(name))
        assert r.returncode == 0, r.stderr.decode()
        return r.stdout

    assert kg("query", "--endpoint", url, "who-chaired") == kg("query", str(dev_build), "who-chaired")
    sparql = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }"
    assert kg("query", "--endpoint", url, sparql) == kg("query", str(dev_build), sparql)
    kg("view", "--endpoint", url, "-o", str(tmp_path / "r.html"))
    kg("view", str(dev_build), "-o", str(tmp_path / "l.html"))
    assert (tmp_path / "r.html").read_bytes() == (tmp_path / "l.html").read_bytes()
    kg("report", "--endpoint", url, "-o", str(tmp_path / "r.html"))
    kg("report", str(dev_build), "-o", str(tmp_path / "l.html"))
    remote = (tmp_path / "r.html").read_text(encoding="utf-8").replace(url, "SOURCE")
    assert remote == (tmp_path / "l.html").read_text(encoding="utf-8").replace(str(dev_build), "SOURCE")


def test_remote_virtuoso_auth_failure_is_one_line(request, tmp_path):
    url = _server("virtuoso")
    dev_build = request.getfixturevalue("dev_build")  # built only when the server is there
    for password, says in (("not-the-password", "authentication failed (401) as user"), (None, "authentication required (401)")):
        env = _env("virtuoso", password or "")
        if password is None:
            env.pop(ENV_USER), env.pop(ENV_PASSWORD)
        r = subprocess.run([sys.executable, "-m", "kg", "push", str(dev_build), "--endpoint", url],
                           cwd=ROOT, capture_output=True, text=True, env=env)
        assert r.returncode == 1 and r.stdout == ""
        assert r.stderr.startswith("error: http://") and says in r.stderr, r.stderr
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    # kg build --endpoint asks before it builds anything
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(SAMPLE), "-o", str(tmp_path / "out"),
                        "--endpoint", url], cwd=ROOT, capture_output=True, text=True,
                       env=_env("virtuoso", "not-the-password"))
    assert r.returncode == 1 and "authentication failed (401)" in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


@both
def test_remote_results_past_the_row_cap(server):
    """More rows than Virtuoso's default cap (10,000): every row comes back, in order."""
    _name, url = server
    ep = Endpoint(url)
    g = "urn:kg-test:many"
    n = 12_345
    ep.put_graph(g, "".join(f'<urn:s{i}> <urn:p> "{i:05d}" .\n' for i in range(n)).encode())
    try:
        _, rows = ep.select(f"SELECT ?o WHERE {{ GRAPH <{g}> {{ ?s <urn:p> ?o }} }} ORDER BY DESC(?o)")
        assert [r[0].value for r in rows] == [f"{i:05d}" for i in reversed(range(n))]
    finally:
        ep.delete_graph(g)
