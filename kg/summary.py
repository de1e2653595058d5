"""The build's summary: the first pages of the corpus-wide shipped queries, ready to read.

A shipped query with no parameter (attendance, co-attendance, who-chaired, ...) sorts the
whole corpus to show its first 100 rows. `kg build` keeps them ready instead, in the graph
id:build/summary of the store: for each such query its first SUMMARY_ROWS rows, one node a
rank (id:build/summary/NAME/RANK, build:rank, one build:column-VAR per projected variable),
the number of rows of the whole query (build:rows) and a digest of the query text
(build:queryDigest). `kg query NAME` reads a page of up to SUMMARY_ROWS rows from there by
index lookups of the rank nodes; with a parameter, --all, a longer page, a summary written
for another text of the query, or a graph file (which holds no summary) the query itself runs.

How it is computed, in memory that does not grow with the corpus:

- Each input file's part (partial rows) is the shipped query itself, run on that file's
  triples alone: every triple of the file (its article graphs and the shared triples it
  states) put in one graph of a small in-memory store, the query's WHERE wrapped in
  `GRAPH ?g`, so one evaluation gives the part of every file of a batch. The records of a
  file (events, observations, directives, responsibilities) are its own and the shared
  nodes (persons, projects, positions) are named the same in every file that states them,
  so the rows of the whole corpus are the parts put together: the rows of every file for a
  query of rows, and for a query of counts (COUNT DISTINCT of a file's own records, MIN,
  MAX) the groups' sums, minima and maxima.
- The parts go into an SQLite file beside the store (.STORE.summary.sqlite), keyed by the
  input's path and content hash; a file rebuilt or removed has its part replaced or
  deleted. At the end of a build that changed anything, SQL sorts and groups them on disk
  (LIMIT SUMMARY_ROWS) and the first rows are written into the summary graph in one
  transaction.
- The SQLite file is only a cache of the store: at the start of a build it is checked
  against the store's records of inputs, parts of files the store does not hold (a build
  killed after its SQLite commit) are dropped, and the parts of recorded files it lacks (a
  build killed before it, a deleted file, a store of an older build) are computed again from
  the store. The summary graph is dropped before a build changes the store and written at
  its end, so a killed build leaves none (queries then run in full) and the next build
  writes it: the same summary as a fresh build of the same inputs.

The order is the query's ORDER BY; rows equal in it are ordered by their projected values
in turn (N-Triples text, by code point), so the summary is the same for the same inputs.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .store import SUMMARY_GRAPH

__all__ = ["SUMMARY_GRAPH", "SUMMARY_ROWS", "SUMMARIZED", "Spec", "specs", "Aggregate", "summary_page",
           "aggregate_path"]

BUILD = "https://w3id.org/govnews-kg/build#"
SUMMARY_ROWS = 1000  # rows of each query kept ready: a page of up to this many is read from the summary
SUMMARIZED = ("attendance", "career", "co-attendance", "directives-by-speaker", "meetings-in-range",
              "project-responsibility", "titles-over-time", "who-chaired")
_RANK, _ROWS, _DIGEST = (ox.NamedNode(BUILD + x) for x in ("rank", "rows", "queryDigest"))
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + x for x in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_DECIMALS = {_XSD + x for x in ("decimal", "double", "float")}
_FILE = "urn:kg-summary:file/"  # the graph of one input file in the in-memory store of a batch


def _column(var: str) -> ox.NamedNode:
    return ox.NamedNode(f"{BUILD}column-{var}")


def _node(name: str, rank: int | None = None) -> ox.NamedNode:
    return ox.NamedNode(f"{SUMMARY_GRAPH.value}/{name}" + ("" if rank is None else f"/{rank}"))


# --- reading a shipped query's text ---------------------------------------------------------
def _items(text: str) -> list[str]:
    """The top-level items of a SELECT clause or an ORDER BY: `?v`, `(...)`, `NAME(...)`."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
            continue
        m = re.match(r"[?$]\w+|[A-Za-z_]\w*(?=\s*\()|\(", text[i:])
        if not m:
            raise ValueError(f"cannot read {text[i:i + 20]!r}")
        j = i + m.end()
        if m.group()[0] not in "?$":
            j = text.index("(", i if m.group() == "(" else j)
            depth = 0
            while True:
                if text[j] in "\"'":
                    j = text.index(text[j], j + 1)
                elif text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            j += 1
        out.append(text[i:j].strip())
        i = j
    return out


def _strip_comments(text: str) -> str:
    return "\n".join(re.sub(r"(^|\s)#.*$", "", x) for x in text.splitlines())


@dataclass(frozen=True)
class Spec:
    """How a shipped query is summarised. `variables`: its projected variables in order;
    `combine`: var -> sum, min, max or distinct for a query of counts (empty for a query of
    rows); `keys`: the ORDER BY as (expression, descending, the index of the aggregated
    variable it sorts by or None: then the partial query computes it); `partial`: the query
    that gives the part of every file of a batch (see the module doc); `digest`: of the
    query's text."""

    name: str
    variables: tuple[str, ...]
    combine: dict
    keys: tuple[tuple[str, bool, int | None], ...]
    partial: str
    digest: str

    @property
    def table(self) -> str:
        return "part_" + hashlib.sha1(self.partial.encode()).hexdigest()[:16]


def spec_of(name: str, text: str, bound: str | None = None) -> Spec:
    """The Spec of shipped query `name` of `text`; `bound`: the text with its parameters'
    defaults bound, which the partial query is made of."""
    body = _strip_comments(text if bound is None else bound)
    m = re.search(r"\bSELECT\b(.*?)\bWHERE\s*\{", body, re.I | re.S)
    if not m or re.search(r"\bDISTINCT\b|\bREDUCED\b", m.group(1)[:20], re.I):
        raise ValueError(f"{name}: not a plain SELECT")
    variables, aggregates, items = [], {}, _items(m.group(1))
    for item in items:
        if item.startswith("?") or item.startswith("$"):
            variables.append(item[1:])
            continue
        a = re.fullmatch(r"\(\s*(\w+)\s*\((.*)\)\s+AS\s+[?$](\w+)\s*\)", item, re.I | re.S)
        if not a or a.group(1).upper() not in ("COUNT", "SUM", "MIN", "MAX"):
            raise ValueError(f"{name}: cannot summarise {item}")
        variables.append(a.group(3))
        aggregates[a.group(3)] = (a.group(1).upper(), a.group(2).strip(), item)
    combine, select, extra_group = {}, [], []
    counted = [re.fullmatch(r"DISTINCT\s+[?$](\w+)", x, re.I) for f, x, _ in aggregates.values() if f == "COUNT"]
    if len(aggregates) == 1 and counted and counted[0]:
        # one COUNT(DISTINCT ?x): each file gives its values of ?x, counted once over all files
        (v, (_, _, item)), = aggregates.items()
        combine[v] = "distinct"
        extra_group.append(f"?{counted[0].group(1)}")
        items = [f"(?{counted[0].group(1)} AS ?{v})" if x == item else x for x in items]
    else:  # COUNT(DISTINCT) of a file's own records (events, articles): summed over files
        for v, (fn, inner, _) in aggregates.items():
            if fn == "COUNT" and not re.match(r"DISTINCT\s", inner, re.I):
                raise ValueError(f"{name}: a COUNT not DISTINCT cannot be summed over files")
            combine[v] = {"COUNT": "sum", "SUM": "sum", "MIN": "min", "MAX": "max"}[fn]
    o = re.search(r"\bORDER\s+BY\b(.*?)(?:\bLIMIT\b|$)", body, re.I | re.S)
    if not o:
        raise ValueError(f"{name}: no ORDER BY")
    keys = []
    for i, item in enumerate(_items(o.group(1))):
        d = re.fullmatch(r"(DESC|ASC)\s*\((.*)\)", item, re.I | re.S)
        expr, desc = (d.group(2).strip(), d.group(1).upper() == "DESC") if d else (item, False)
        used = [v for v in combine if re.search(rf"[?$]{v}\b", expr)]
        if used:  # sorted by an aggregate: by its value over all files
            k = re.fullmatch(r"(?:STR\s*\(\s*)?[?$](\w+)\s*\)?", expr, re.I)
            if not k or k.group(1) not in combine:
                raise ValueError(f"{name}: cannot sort the summary by {expr}")
            keys.append((expr, desc, variables.index(k.group(1))))
        else:  # a key of the row or of the group: computed with it
            keys.append((expr, desc, None))
            select.append(f"({expr} AS ?_k{i})")
    where = body.index("{", m.end() - 1)
    end = _close(body, where)
    group = re.search(r"\bGROUP\s+BY\b(.*?)(?=\bORDER\s+BY\b)", body[end:], re.I | re.S)
    partial = (f"SELECT ?_file {' '.join(items + select)} WHERE {{ GRAPH ?_file {{{body[where + 1:end]}}} }}\n"
               + (f"GROUP BY ?_file {group.group(1).strip()} {' '.join(extra_group)}\n" if group else ""))
    return Spec(name, tuple(variables), combine, tuple(keys), partial, hashlib.sha256(text.encode()).hexdigest())


def _close(text: str, i: int) -> int:
    depth = 0
    for j in range(i, len(text)):
        if text[j] in "\"'":
            continue
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced braces")


def specs() -> dict[str, Spec]:
    from .query import _bindings, _with_values, named_queries

    qs = named_queries()
    return {n: spec_of(n, qs[n].text, _with_values(qs[n].text, _bindings(n, {}, qs[n].params), qs[n].params))
            for n in SUMMARIZED if n in qs}


# --- the parts, on disk -----------------------------------------------------------------------
def aggregate_path(store_dir: Path) -> Path:
    store_dir = Path(store_dir)
    return store_dir.parent / f".{store_dir.name}.summary.sqlite"  # a cache, hidden like .kg-outputs


def _sv(t):
    """A term's sort value: a number for a numeric literal, else its string value."""
    if t is None:
        return None
    if isinstance(t, ox.Literal):
        dt = t.datatype.value
        try:
            if dt in _INTEGERS:
                return int(t.value)
            if dt in _DECIMALS:
                return float(t.value)
        except ValueError:
            pass
    return t.value


def _nt(t) -> str | None:
    return None if t is None else str(t)


def file_quads(outcome_nquads: str, outcome_shared: str, graphs: Iterable[str], key: int) -> str:
    """A file's N-Quads (its article graphs and its shared triples) all in its one graph."""
    fg = f" <{_FILE}{key}> .\n"
    text = outcome_nquads
    for g in graphs:
        text = text.replace(f" <{g}> .\n", fg)
    return text + outcome_shared.replace(" .\n", fg)


class Aggregate:
    """The parts of every built file (SQLite) and the summary computed from them."""

    def __init__(self, path: Path, spec: dict[str, Spec] | None = None):
        self.path = Path(path)
        self.spec = specs() if spec is None else spec
        self.db = sqlite3.connect(str(self.path), isolation_level=None)
        self.db.execute("PRAGMA cache_size = -16384")  # 16 MB of pages; sorts spill to temp files
        self.db.execute("PRAGMA temp_store = FILE")
        # a killed process loses no commit; a lost machine at most the last ones, which the
        # next build computes again from the store (reconcile)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("BEGIN")
        self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, digest TEXT NOT NULL)")
        have = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        wanted = {s.table for s in self.spec.values()}
        fresh = False
        for s in self.spec.values():
            if s.table not in have:
                n = len(s.variables)
                cols = [f"c{i} TEXT, s{i}" for i in range(n)] + [f"k{i}" for i in range(len(s.keys))]
                self.db.execute(f"CREATE TABLE {s.table} (path TEXT NOT NULL, {', '.join(cols)})")
                self.db.execute(f"CREATE INDEX {s.table}_path ON {s.table} (path)")
                fresh = True
        for t in sorted(have - wanted - {"files"}):
            self.db.execute(f"DROP TABLE {t}")
        if fresh:  # a query not summarised before: every part is computed anew
            for s in self.spec.values():
                self.db.execute(f"DELETE FROM {s.table}")
            self.db.execute("DELETE FROM files")
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def files(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT path, digest FROM files"))

    def _forget(self, paths: Iterable[str]) -> None:
        for p in paths:
            for s in self.spec.values():
                self.db.execute(f"DELETE FROM {s.table} WHERE path = ?", (p,))
            self.db.execute("DELETE FROM files WHERE path = ?", (p,))

    def forget(self, paths: Iterable[str]) -> None:
        self.db.execute("BEGIN")
        self._forget(paths)
        self.db.execute("COMMIT")

    def add(self, files: list[tuple[str, str, str]]) -> None:
        """Replace the parts of `files`, (path, digest, N-Quads of the file in its graph
        <urn:kg-summary:file/INDEX>, INDEX its place in the list), in one transaction."""
        mem = ox.Store()
        data = "".join(q for _, _, q in files)
        if data:
            mem.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
        rows: dict[str, list] = {}
        from .query import _ox_prefixes

        for s in self.spec.values():
            res = mem.query(s.partial, prefixes=_ox_prefixes())
            out = rows[s.name] = []
            n = len(s.variables)
            computed = [i for i, k in enumerate(s.keys) if k[2] is None]
            summed = [v in s.combine and s.combine[v] != "distinct" for v in s.variables]
            for r in res:
                row = [files[int(r[0].value[len(_FILE):])][0]]
                for i in range(n):  # the term; the value only where it is combined
                    v = r[i + 1]
                    row += [_nt(v), _sv(v) if summed[i] else None]
                ks = dict(zip(computed, (_sv(r[n + 1 + j]) for j in range(len(computed)))))
                row += [ks.get(i) for i in range(len(s.keys))]
                out.append(row)
        self.db.execute("BEGIN")
        self._forget(p for p, _, _ in files)
        for s in self.spec.values():
            width = 1 + 2 * len(s.variables) + len(s.keys)
            self.db.executemany(f"INSERT INTO {s.table} VALUES ({', '.join('?' * width)})", rows[s.name])
        self.db.executemany("INSERT INTO files VALUES (?, ?)", [(p, d) for p, d, _ in files])
        self.db.execute("COMMIT")

    def reconcile(self, store, known: dict[str, tuple[str, list[str]]], batch: int = 200) -> int:
        """Make the parts those of the files the store records (`known`: store.inputs()):
        drop the others, compute the missing ones from the store. The number computed."""
        have = self.files()
        self.forget(sorted(p for p, d in have.items() if known.get(p, (None,))[0] != d))
        missing = sorted(p for p, (d, _) in known.items() if have.get(p) != d)
        for i in range(0, len(missing), batch):
            part = []
            for k, p in enumerate(missing[i:i + batch]):
                part.append((p, known[p][0], _stored_file_quads(store, known[p][1], k)))
            self.add(part)
        return len(missing)

    # --- the summary ---------------------------------------------------------------------
    def _select(self, s: Spec, limit: int) -> tuple[str, str]:
        n = len(s.variables)
        if not s.combine:
            order = [f"k{i}{' DESC' if d else ''}" for i, (_, d, _) in enumerate(s.keys)]
            order += [f"c{i}" for i in range(n)]
            cols = ", ".join(f"c{i}, s{i}" for i in range(n))
            return (f"SELECT {cols} FROM {s.table} ORDER BY {', '.join(order)} LIMIT {limit}",
                    f"SELECT COUNT(*) FROM {s.table}")
        group = [f"c{i}" for i, v in enumerate(s.variables) if v not in s.combine]
        cols = []
        for i, v in enumerate(s.variables):
            how = s.combine.get(v)
            if how is None:
                cols.append(f"c{i}, NULL AS s{i}")
            elif how == "sum":
                cols.append(f"NULL AS c{i}, SUM(s{i}) AS s{i}")
            elif how == "distinct":
                cols.append(f"NULL AS c{i}, COUNT(DISTINCT c{i}) AS s{i}")
            else:  # min, max: the value, and one of the column's terms for its datatype
                cols.append(f"MAX(c{i}) AS c{i}, {how.upper()}(s{i}) AS s{i}")
        cols += [f"MIN(k{j}) AS k{j}" for j, k in enumerate(s.keys) if k[2] is None]
        order = [f"{'k' + str(j) if agg is None else 's' + str(agg)}{' DESC' if d else ''}"
                 for j, (_, d, agg) in enumerate(s.keys)] + group
        return (f"SELECT {', '.join(cols)} FROM {s.table} GROUP BY {', '.join(group)} "
                f"ORDER BY {', '.join(order)} LIMIT {limit}",
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {s.table} GROUP BY {', '.join(group)})")

    def rows(self, name: str, limit: int = SUMMARY_ROWS) -> tuple[list[list[str | None]], int]:
        """The first `limit` rows of a query as N-Triples terms (None: unbound), and how many
        rows the whole query has."""
        s = self.spec[name]
        head, count = self._select(s, limit)
        out = []
        for r in self.db.execute(head):
            row = []
            for i, v in enumerate(s.variables):
                nt, sv = r[2 * i], r[2 * i + 1]
                how = s.combine.get(v)
                if how in ("sum", "distinct"):
                    nt = str(ox.Literal(str(sv), datatype=ox.NamedNode(_XSD + "integer")))
                elif how in ("min", "max") and nt is not None:
                    nt = str(ox.Literal(str(sv))) + nt[nt.rindex('"') + 1:]
                row.append(nt)
            out.append(row)
        return out, self.db.execute(count).fetchone()[0]

    def summary_nquads(self) -> str:
        g = f" <{SUMMARY_GRAPH.value}> .\n"
        lines = []
        for name, s in sorted(self.spec.items()):
            rows, total = self.rows(name)
            q = f"<{_node(name).value}>"
            lines.append(f"{q} <{_ROWS.value}> {ox.Literal(str(total), datatype=ox.NamedNode(_XSD + 'integer'))}{g}")
            lines.append(f"{q} <{_DIGEST.value}> {ox.Literal(s.digest)}{g}")
            for rank, row in enumerate(rows, 1):
                node = f"<{_node(name, rank).value}>"
                lines.append(f"{node} <{_RANK.value}> {ox.Literal(str(rank), datatype=ox.NamedNode(_XSD + 'integer'))}{g}")
                for v, nt in zip(s.variables, row):
                    if nt is not None:
                        lines.append(f"{node} <{_column(v).value}> {nt}{g}")
        return "".join(lines)


def _stored_file_quads(store, graphs: list[str], key: int) -> str:
    """A recorded file's N-Quads read back from the store, in its one graph: its article
    graphs and the shared triples of the shared nodes they point to."""
    from .graph import is_entity

    fg = ox.NamedNode(f"{_FILE}{key}")
    quads, shared = [], set()
    for g in graphs:
        for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)):
            quads.append(ox.Quad(q.subject, q.predicate, q.object, fg))
            if isinstance(q.object, ox.NamedNode) and is_entity(q.object.value):
                shared.add(q.object.value)
    for e in sorted(shared):
        for q in store.ox.quads_for_pattern(ox.NamedNode(e), None, None, ox.DefaultGraph()):
            quads.append(ox.Quad(q.subject, q.predicate, q.object, fg))
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8") if quads else ""


def summary_current(store) -> bool:
    """Whether the store holds a summary of every summarised query as its text is now."""
    sp = specs()
    for name, s in sp.items():
        got = list(store.ox.quads_for_pattern(_node(name), _DIGEST, None, SUMMARY_GRAPH))
        if len(got) != 1 or got[0].object.value != s.digest:
            return False
    return True


def drop_summary(store) -> None:
    store.ox.update(f"DROP SILENT GRAPH <{SUMMARY_GRAPH.value}>")


def write_summary(store, agg: Aggregate) -> None:
    """The summary graph anew from the parts, in one transaction."""
    drop_summary(store)
    store.ox.load(agg.summary_nquads().encode("utf-8"), format=ox.RdfFormat.N_QUADS)


# --- reading a page ------------------------------------------------------------------------------
def summary_page(src, name: str, text: str, limit: int):
    """(variables, rows, cut) of the first `limit` rows of shipped query `name` read from the
    summary of a build store, or None where there is none for this text of the query or the
    page is longer than the summary keeps."""
    from .store import KGStore

    if not isinstance(src, KGStore) or name not in SUMMARIZED or limit > SUMMARY_ROWS:
        return None
    digest = hashlib.sha256(text.encode()).hexdigest()
    head = list(src.ox.quads_for_pattern(_node(name), None, None, SUMMARY_GRAPH))
    got = {q.predicate.value: q.object.value for q in head}
    if got.get(_DIGEST.value) != digest or _ROWS.value not in got:
        return None
    total = int(got[_ROWS.value])
    variables = spec_of(name, text).variables
    n = min(limit, total)
    opts = " ".join(f"OPTIONAL {{ ?_row <{_column(v).value}> ?{v} }}" for v in variables)
    values = " ".join(f"<{_node(name, r).value}>" for r in range(1, n + 1))
    q = (f"SELECT {' '.join('?' + v for v in variables)} WHERE {{ GRAPH <{SUMMARY_GRAPH.value}> {{ "
         f"VALUES ?_row {{ {values} }} ?_row <{_RANK.value}> ?_rank . {opts} }} }} ORDER BY ?_rank")
    res = src.ox.query(q)
    rows = list(res)
    return res.variables, rows, total > limit
