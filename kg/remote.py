"""A build's graph on a SPARQL 1.1 server: pushing it there, and querying it there.

`kg push` (and `kg build --endpoint`) send a store's graphs by the SPARQL 1.1 Graph Store
Protocol, one PUT of N-Triples per graph, so a re-push replaces each graph and never
duplicates a triple:

- each article graph `id:graph/<article>` as it is in the store;
- the shared triples (the store's default graph: a person's type, name, positions held and
  projects answered for, ...) into SHARED_BUCKETS named graphs `id:build/shared/<h>`, a
  triple going to the bucket its subject hashes to. A server's default graph cannot be
  replaced portably (Virtuoso has none of its own: a query with no FROM reads every graph), and
  one PUT of all shared triples would be one very large request; with buckets every shared
  triple is stored once, in a graph of bounded size that the next push replaces whole;
- the record of inputs, `id:build/inputs`.

Then remote graphs under `id:graph/` and `id:build/shared/` that the store no longer holds
are deleted, so the server holds what the store holds, triple for triple.

Queries read the union of all graphs, as on the embedded store, where each triple is found
once: Virtuoso's default graph, with no FROM, is already the union of its graphs; Oxigraph
server is asked for it by the `union-default-graph` parameter on every query (or run it with
`--union-default-graph`). Virtuoso caps result rows (ResultSetMaxRows, 10,000 by default) and
says so in an `X-SPARQL-MaxRows` header: the SELECT is then run again in pages (LIMIT/OFFSET
over an order made total by adding every projected variable to the query's ORDER BY), so the
same rows come back whatever the cap.

HTTP is by `requests`: its HTTPDigestAuth answers Virtuoso's Digest challenge (rdflib's
SPARQLUpdateStore sends only Basic), a Session keeps connections alive between the many
small PUTs, and urllib3, under it, is already installed for trafilatura. Credentials come from
KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, else from the netrc file ($NETRC or ~/.netrc) entry
of the endpoint's host; never from the command line. Digest or Basic is what the server's
401 challenge asks for. Connection errors, 5xx and 429 are retried with exponential backoff
(429's Retry-After is honoured); everything else that fails is a RemoteError, one line
naming the URL.
"""
from __future__ import annotations

import hashlib
import netrc
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox

from .store import INPUTS_GRAPH, KGStore
from .vocab import ID

__all__ = ["RemoteError", "Endpoint", "RemoteSource", "graph_store_url", "credentials", "push",
           "sync", "remote_triples", "SHARED_BUCKETS", "ENV_USER", "ENV_PASSWORD"]

ENV_USER, ENV_PASSWORD = "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"
SHARED = f"{ID}build/shared/"
SHARED_BUCKETS = 16
ARTICLES = f"{ID}graph/"
PROBE = f"{ID}build/probe"  # never written: deleting it checks that we may write
NT = "application/n-triples"
JSON = "application/sparql-results+json"
RETRY_STATUS = {429, 500, 502, 503, 504}


class RemoteError(Exception):
    """A server that cannot be used: str() is one line naming the URL."""


def graph_store_url(endpoint: str) -> str:
    """The Graph Store endpoint of a query endpoint, for the servers whose layout is known:
    Oxigraph `…/query` → `…/store`, Virtuoso `…/sparql` → `…/sparql-graph-crud-auth`.

    >>> graph_store_url("http://127.0.0.1:7878/query"), graph_store_url("http://h:8890/sparql")
    ('http://127.0.0.1:7878/store', 'http://h:8890/sparql-graph-crud-auth')
    """
    parts = urlsplit(endpoint)
    for tail, store in (("/query", "/store"), ("/sparql", "/sparql-graph-crud-auth"),
                        ("/sparql-auth", "/sparql-graph-crud-auth")):
        if parts.path.rstrip("/").endswith(tail):
            path = parts.path.rstrip("/")[: -len(tail)] + store
            return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    raise RemoteError(f"{endpoint}: cannot tell its Graph Store endpoint (known: Oxigraph …/query, "
                      "Virtuoso …/sparql); give --graph-store URL")


def credentials(url: str) -> tuple[str, str] | None:
    """(user, password) for a URL: KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD, else the netrc
    entry of its host ($NETRC or ~/.netrc), else None."""
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if user:
        return user, password or ""
    path = os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.isfile(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as e:
        raise RemoteError(f"{path}: cannot read: {' '.join(str(e).split())[:200]}") from None
    return (entry[0], entry[2] or "") if entry else None


_SQLSTATE = re.compile(r"Virtuoso (\w{5}) Error")


def _permanent(r) -> bool:
    """A 500 that says the request itself is wrong: Virtuoso answers a query it cannot run
    with 500 and an SQL state; only transaction conflicts (40xxx) and lost connections (08xxx)
    are worth another try."""
    m = _SQLSTATE.search(r.text[:2000]) if r.status_code == 500 else None
    return bool(m) and not m.group(1).startswith(("40", "08"))


def _first_line(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text or "")  # servers answer errors in HTML too
    return " ".join(text.split())[:200]


class Endpoint:
    """A SPARQL 1.1 server: its query endpoint and Graph Store endpoint, with credentials,
    retries and one session (kept-alive connections) per thread."""

    def __init__(self, endpoint: str, graph_store: str | None = None, retries: int = 5,
                 backoff: float = 0.5, timeout: float = 900.0, workers: int = 2):
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise RemoteError(f"{endpoint}: not an http(s) URL of a SPARQL endpoint")
        self.endpoint = endpoint
        self.graph_store = graph_store or graph_store_url(endpoint)
        self.retries, self.backoff, self.timeout, self.workers = retries, backoff, timeout, workers
        self.creds = credentials(endpoint)
        # Oxigraph server reads only its default graph unless asked for the union
        self.union_param = parts.path.rstrip("/").endswith("/query")
        self._local = threading.local()
        self._scheme: str | None = None  # "digest" or "basic", once a 401 has said which

    # --- HTTP -------------------------------------------------------------------------
    def _session(self):
        import requests

        s = getattr(self._local, "session", None)
        if s is None:
            s = self._local.session = requests.Session()
            s.trust_env = False  # credentials are ours to choose (requests would read ~/.netrc for Basic)
            self._local.auth_scheme = None
        if self._scheme and self._local.auth_scheme != self._scheme:
            from requests.auth import HTTPBasicAuth, HTTPDigestAuth

            user, password = self.creds
            s.auth = HTTPDigestAuth(user, password) if self._scheme == "digest" else HTTPBasicAuth(user, password)
            self._local.auth_scheme = self._scheme
        return s

    def request(self, method: str, url: str, ok: Iterable[int] = (200, 201, 204), **kw):
        """Send a request, retrying transient failures; the response, or a RemoteError."""
        import requests

        kw.setdefault("timeout", self.timeout)
        delay, attempt = self.backoff, 0
        while True:
            last = attempt >= self.retries
            session = self._session()
            try:
                r = session.request(method, url, **kw)
            except requests.exceptions.ConnectionError as e:
                if last:
                    why = "connection refused" if "refused" in str(e).lower() else _first_line(str(e))
                    raise RemoteError(f"{url}: cannot connect ({why}) after {attempt + 1} tries") from None
            except requests.exceptions.Timeout:
                if last:
                    raise RemoteError(f"{url}: no answer within {self.timeout:.0f} s") from None
            except requests.exceptions.RequestException as e:
                raise RemoteError(f"{url}: {_first_line(str(e))}") from None
            else:
                if r.status_code == 401:
                    if self.creds is not None and self._local.auth_scheme is None:
                        # sent without credentials: answer the challenge in the scheme it names
                        if self._scheme is None:
                            challenge = r.headers.get("WWW-Authenticate", "").lower()
                            self._scheme = "digest" if challenge.startswith("digest") else "basic"
                        continue
                    raise RemoteError(self._auth_message(url))
                if r.status_code in ok:
                    return r
                if r.status_code not in RETRY_STATUS or last or _permanent(r):
                    raise RemoteError(self._status_message(url, r))
                after = r.headers.get("Retry-After", "")
                if after.isdigit():
                    delay = max(delay, min(float(after), 60.0))
            time.sleep(delay)
            delay = min(delay * 2, 30.0)
            attempt += 1

    def _auth_message(self, url: str) -> str:
        host = urlsplit(url).hostname
        if self.creds is None:
            return (f"{url}: authentication required (401): set {ENV_USER} and {ENV_PASSWORD}, "
                    f"or a netrc entry for {host}")
        return f"{url}: authentication failed (401) as user {self.creds[0]!r}: check {ENV_PASSWORD} or the netrc entry for {host}"

    def _status_message(self, url: str, r) -> str:
        body = _first_line(r.text)
        if r.status_code == 403:
            user = f" user {self.creds[0]!r}" if self.creds else ""
            return (f"{url}: forbidden (403):{user} may not do this "
                    f"(Virtuoso: GRANT SPARQL_UPDATE TO the user){': ' + body if body else ''}")
        return f"{url}: {r.status_code} {r.reason}{': ' + body if body else ''}"

    # --- Graph Store Protocol ---------------------------------------------------------
    def put_graph(self, iri: str, ntriples: bytes) -> None:
        """Replace the named graph `iri` with these N-Triples (never Turtle: Virtuoso's
        Turtle parser breaks on escaped local names)."""
        self.request("PUT", self.graph_store, params={"graph": iri}, data=ntriples,
                     headers={"Content-Type": NT})

    def delete_graph(self, iri: str) -> None:
        self.request("DELETE", self.graph_store, params={"graph": iri}, ok=(200, 204, 404))

    def put_graphs(self, graphs: Iterable[tuple[str, bytes]], done: Callable[[int], None] | None = None) -> int:
        """PUT many graphs, `workers` at a time; how many were sent."""
        n = 0
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for _ in pool.map(lambda x: self.put_graph(*x), graphs):
                n += 1
                if done:
                    done(n)
        return n

    # --- SPARQL -------------------------------------------------------------------------
    def _query(self, text: str, accept: str):
        params = {"union-default-graph": ""} if self.union_param else None
        return self.request("POST", self.endpoint, ok=(200,), params=params, data={"query": text},
                            headers={"Accept": accept})

    def select(self, text: str) -> tuple[list[ox.Variable], list]:
        """The variables and rows of a SELECT, every row however the server caps results."""
        r = self._query(text, JSON)
        res = _parse(r, self.endpoint)
        cap = r.headers.get("X-SPARQL-MaxRows")
        if not isinstance(res, ox.QuerySolutions):
            raise RemoteError(f"{self.endpoint}: a SELECT answered with no rows table")
        variables, rows = res.variables, list(res)
        if not cap or not cap.isdigit() or len(rows) < int(cap):
            return variables, rows
        size = int(cap)
        names = [v.value for v in variables]
        ordered = _pageable(text, names)
        if ordered is None:
            raise RemoteError(f"{self.endpoint}: the server capped the result at {size} rows and the query "
                              "sets its own LIMIT/OFFSET; raise ResultSetMaxRows in virtuoso.ini")
        # the ordered query as a subquery, the page taken outside it: Virtuoso refuses to sort
        # more than its cap for an OFFSET (SR353) but pages over an ordered subquery
        m = _PROLOGUE.match(ordered)
        prologue, body = ordered[: m.end()], ordered[m.end():]
        outer = f"{prologue}SELECT {' '.join('?' + v for v in names)} WHERE {{ {{\n{body}\n}} }}"
        rows = []
        while True:
            page = self._query(f"{outer}\nLIMIT {size} OFFSET {len(rows)}", JSON)
            got = [[x[v] for v in names] for x in _parse(page, self.endpoint)]
            rows += got
            if len(got) < size:
                return variables, rows

    def ask(self, text: str) -> bool:
        return bool(_parse(self._query(text, JSON), self.endpoint))

    def construct(self, text: str) -> list[ox.Triple]:
        r = self._query(text, f"{NT}, text/plain;q=0.9")
        try:
            return list(ox.parse(r.content, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as e:
            raise RemoteError(f"{self.endpoint}: the answer is not N-Triples: {_first_line(str(e))}") from None

    def check(self, write: bool = False) -> None:
        """Fail early, with the one-line error, when the query endpoint does not answer or
        (`write`) the Graph Store will not take our writes: a DELETE of a graph no push
        writes asks for the credentials a PUT needs, before any work is done."""
        self.ask("ASK { }")
        if write:
            self.delete_graph(PROBE)


def _parse(r, url: str):
    try:
        return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as e:
        kind = r.headers.get("Content-Type", "?")
        raise RemoteError(f"{url}: the answer ({kind}) is not SPARQL JSON results: {_first_line(str(e))}") from None


_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*\n|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.I)
_ORDER = re.compile(r"\bORDER\s+BY\b", re.I)
_LIMIT = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+", re.I)


def _pageable(text: str, variables: list[str]) -> str | None:
    """The query with an ORDER BY that orders rows totally (its own keys, then every projected
    variable not among them), ready for LIMIT/OFFSET; None when it has its own LIMIT/OFFSET.

    >>> _pageable("SELECT ?a ?b WHERE { ?a ?p ?b } GROUP BY ?a ?b ORDER BY DESC(?b)", ["a", "b"])
    'SELECT ?a ?b WHERE { ?a ?p ?b } GROUP BY ?a ?b ORDER BY DESC(?b) STR(?a)'
    """
    end = text.rfind("}")
    if end < 0:
        return None
    head, tail = text[: end + 1], text[end + 1:]
    if _LIMIT.search(tail):
        return None
    m = _ORDER.search(tail)
    order = tail[m.end():].strip() if m else ""
    rest = (tail[: m.start()] if m else tail).rstrip()
    keys = set(re.findall(r"\?(\w+)", order))
    extra = " ".join(f"STR(?{v})" for v in variables if v not in keys)  # STR: Virtuoso orders
    # lang-tagged literals inconsistently, plain strings by code point as Oxigraph does
    return head + rest + " ORDER BY " + " ".join(x for x in (order, extra) if x)


class Solutions:
    """SELECT rows from a server, shaped as pyoxigraph's QuerySolutions (variables, rows
    indexed by position), so the code that reads the embedded store reads these too."""

    def __init__(self, variables, rows):
        self.variables = variables
        self._rows = rows

    def __iter__(self):
        return iter(self._rows)

    def __len__(self):
        return len(self._rows)


_DECLARED = re.compile(r"PREFIX\s+([\w.-]*):", re.I)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


class RemoteSource:
    """The graph on a server, queried like the embedded store: `query(text, prefixes=…)`
    answers SELECT with rows of pyoxigraph terms, ASK with a QueryBoolean, CONSTRUCT and
    DESCRIBE with QueryTriples, so analysis, views and reports run on it unchanged."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self.path = endpoint.endpoint

    def query(self, text: str, prefixes: dict[str, str] | None = None, **_):
        declared = set(_DECLARED.findall(text))
        head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in (prefixes or {}).items() if k not in declared)
        text = head + text
        form = _query_form(text)
        if form == "select":
            return Solutions(*self.endpoint.select(text))
        if form == "ask":
            answer = self.endpoint.ask(text)
            return ox.Store().query(f"ASK {{ FILTER({'true' if answer else 'false'}) }}")
        local = ox.Store()  # the triples, given back as Oxigraph's own QueryTriples
        local.extend(ox.Quad(t.subject, t.predicate, t.object) for t in self.endpoint.construct(text))
        return local.query("CONSTRUCT WHERE { ?s ?p ?o }")


def _query_form(text: str) -> str:
    """select, ask or construct (DESCRIBE too), by running the query on an empty store."""
    res = ox.Store().query(text)
    if isinstance(res, ox.QueryBoolean):
        return "ask"
    if isinstance(res, ox.QuerySolutions):
        return "select"
    return "construct"


# --- pushing a store ------------------------------------------------------------------
def _bucket(subject: str) -> str:
    return SHARED + hashlib.sha1(subject.encode()).hexdigest()[: len(f"{SHARED_BUCKETS - 1:x}")]


def shared_graphs(store: KGStore) -> dict[str, bytes]:
    """The store's shared triples (its default graph) as N-Triples, by bucket: every bucket,
    empty ones too, so a re-push empties a bucket whose triples went."""
    buckets: dict[str, list] = {SHARED + f"{i:x}": [] for i in range(SHARED_BUCKETS)}
    for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        buckets[_bucket(q.subject.value)].append(ox.Triple(q.subject, q.predicate, q.object))
    return {g: ox.serialize(sorted(ts, key=str), format=ox.RdfFormat.N_TRIPLES) if ts else b""
            for g, ts in buckets.items()}


def _ntriples(store: KGStore, graph: str) -> bytes:
    return store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))


def remote_graphs(endpoint: Endpoint) -> set[str]:
    """The graphs a push writes (under id:) that the server holds."""
    _, rows = endpoint.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                              f"FILTER(STRSTARTS(STR(?g), \"{ID}\")) }} ORDER BY ?g")
    return {r[0].value for r in rows}


def remote_triples(endpoint: Endpoint) -> int:
    """Triples in the graphs a push writes (the server's own graphs left out)."""
    _, rows = endpoint.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                              f"FILTER(STRSTARTS(STR(?g), \"{ID}\")) }}")
    return int(rows[0][0].value)


@dataclass
class PushResult:
    graphs: int = 0  # graphs PUT
    deleted: int = 0  # remote graphs the store no longer holds
    triples: int = 0  # triples in the store, each sent once


def sync(store: KGStore, endpoint: Endpoint, sent: set[str] | frozenset = frozenset(),
         progress: Callable[[int, int], None] | None = None) -> PushResult:
    """Make the server hold what the store holds: PUT every article graph (those in `sent`,
    already streamed by this build, only if the server lacks them), the shared buckets and
    the record of inputs; delete the remote article and shared graphs the store lacks."""
    res = PushResult()
    remote = remote_graphs(endpoint)
    local = [g.value for g in store.article_graphs()]
    todo = [g for g in local if g not in sent or g not in remote]
    total = len(todo) + SHARED_BUCKETS + 1
    res.graphs += endpoint.put_graphs(((g, _ntriples(store, g)) for g in todo),
                                      (lambda n: progress(n, total)) if progress else None)
    shared = shared_graphs(store)
    res.graphs += endpoint.put_graphs(shared.items())
    endpoint.put_graph(INPUTS_GRAPH.value, _ntriples(store, INPUTS_GRAPH.value))
    res.graphs += 1
    if progress:
        progress(total, total)
    keep = set(local) | set(shared) | {INPUTS_GRAPH.value}
    stale = sorted(g for g in remote if g not in keep and g.startswith((ARTICLES, SHARED)))
    for g in stale:
        endpoint.delete_graph(g)
    res.deleted = len(stale)
    res.triples = sum(1 for _ in store.ox.quads_for_pattern(None, None, None, None))
    return res


def push(store: KGStore, endpoint: Endpoint, progress: Callable[[int, int], None] | None = None) -> PushResult:
    """Send a whole store to the server (see the module doc)."""
    endpoint.check(write=True)
    return sync(store, endpoint, progress=progress)


class BuildSink:
    """`kg build --endpoint`: each batch's article graphs are PUT as soon as the store holds
    them; `finish` then sends the shared triples and the record, and deletes stale graphs."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self.sent: set[str] = set()

    def __call__(self, store: KGStore, outcomes) -> None:
        graphs = [g for o in outcomes for g in o.graphs]
        self.endpoint.put_graphs((g, _ntriples(store, g)) for g in graphs)
        self.sent.update(graphs)

    def finish(self, store: KGStore) -> PushResult:
        res = sync(store, self.endpoint, self.sent)
        res.graphs += len(self.sent)
        return res
