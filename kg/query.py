"""SPARQL over a graph: ad-hoc text or named queries shipped in ontology/queries/*.rq."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .store import ontology_path
from .vocab import ID, KG, PROV

__all__ = ["QueryError", "NamedQuery", "named_queries", "run", "PREFIXES", "format_result", "DEFAULT_LIMIT",
           "page", "run_page"]

DEFAULT_LIMIT = 100  # rows of a shipped query unless --limit N or --all

PREFIXES = {
    "kg": KG._NS, "id": ID, "prov": PROV, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
    "schema": Namespace("https://schema.org/"), "foaf": Namespace("http://xmlns.com/foaf/0.1/"),
    "dcterms": Namespace("http://purl.org/dc/terms/"),
}


class QueryError(Exception):
    """A query that cannot run; str() is one line naming the query and the position."""


@dataclass(frozen=True)
class Param:
    name: str
    datatype: str  # xsd:date, xsd:string, xsd:integer; label: a name, matching rdfs:label with or without @zh
    default: str | None
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    text: str
    params: tuple[Param, ...]


_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*:\s*(xsd:\w+|label)\s*(?:=\s*(\S+))?\s*(?:\(optional\))?\s*(.*)$")


def _parse_named(name: str, text: str) -> NamedQuery:
    header = [x for x in text.splitlines() if x.startswith("#")]
    summary = []
    params = []
    for line in header:
        m = _PARAM.match(line)
        if m:
            params.append(Param(m.group(1), m.group(2), m.group(3), m.group(4).strip()))
        elif not params:
            summary.append(line.lstrip("# ").strip())
    return NamedQuery(name, " ".join(summary), text, tuple(params))


def named_queries() -> dict[str, NamedQuery]:
    folder = ontology_path("queries")
    return {p.stem: _parse_named(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.rq"))}


def _literal(p: Param, value: str, label: str) -> Literal:
    if p.datatype == "label":
        return Literal(value)
    dt = XSD[p.datatype.split(":", 1)[1]]
    lit = Literal(value, datatype=dt) if dt != XSD.string else Literal(value)
    if dt != XSD.string and lit.ill_typed:
        raise QueryError(f"{label}: parameter {p.name}={value!r} is not a valid {p.datatype}")
    return lit


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {col}"


def _bindings(label: str, params: dict[str, str] | None, declared: tuple[Param, ...]) -> dict[str, Literal]:
    """The values of a query's parameters: those given (typed as declared, strings otherwise)
    and the declared defaults; an unknown parameter is a QueryError."""
    bindings: dict[str, Literal] = {}
    known = {p.name: p for p in declared}
    for p in declared:
        if p.default is not None and p.name not in (params or {}):
            bindings[p.name] = _literal(p, p.default, label)
    for k, v in (params or {}).items():
        if declared and k not in known:
            raise QueryError(f"{label}: no parameter {k!r} (it takes: {', '.join(known) or 'none'})")
        bindings[k] = _literal(known[k], v, label) if k in known else Literal(v)
    return bindings


def run(g: Graph, text: str, label: str = "query", params: dict[str, str] | None = None,
        declared: tuple[Param, ...] = ()):
    """Run SPARQL text on g with the standard prefixes declared; `params` bind variables
    (typed as `declared` says, strings otherwise). Raises QueryError with a one-line message."""
    bindings = _bindings(label, params, declared)
    if declared or _PAGE.search(text):  # a shipped query: bound as on the store, every row
        text = page(_with_values(text, bindings, declared), None)
        bindings = {}
    try:
        return g.query(text, initNs=PREFIXES, initBindings=bindings)
    except Exception as e:  # pyparsing and rdflib raise plain exceptions
        loc = getattr(e, "loc", None)
        if loc is not None:
            msg = getattr(e, "msg", str(e))
            raise QueryError(f"{label}: syntax error at {_position(text, loc)}: {msg}") from None
        m = re.search(r"Unknown namespace prefix\s*:\s*(\S+)", str(e))
        if m:
            at = re.search(rf"(?<![\w:]){re.escape(m.group(1))}:", text)
            where = f" at {_position(text, at.start())}" if at else ""
            raise QueryError(f"{label}: unknown prefix {m.group(1)!r}{where}") from None
        raise QueryError(f"{label}: {' '.join(str(e).split())[:200]}") from None


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(v).startswith(str(ns)):
                return f"{prefix}:{str(v)[len(str(ns)):]}"
    return str(v)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_result(result, fmt: str = "table", max_width: int = 60) -> str:
    """SELECT rows as an aligned table, csv, tsv or json; ASK as true/false; CONSTRUCT and
    DESCRIBE as Turtle."""
    if result.type == "ASK":
        return json.dumps({"boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for t in result:
            g.add(t)
        return g.serialize(format="turtle")
    header = [str(v) for v in result.vars]
    rows = [[_cell(row[i]) for i in range(len(header))] for row in result]
    return _format_rows(header, rows, fmt, max_width)


# --- queries on the build store or a graph file (Oxigraph) ----------------------------------
def _ox_prefixes() -> dict[str, str]:
    return {k: str(v) for k, v in PREFIXES.items()}


def _ox_literal(lit: Literal):
    import pyoxigraph as ox

    if lit.language:
        return ox.Literal(str(lit), language=lit.language)
    if lit.datatype is not None:
        return ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype)))
    return ox.Literal(str(lit))


def _skip(text: str, i: int) -> int:
    """The index after a string literal, IRI or comment starting at i (else i)."""
    c = text[i]
    if c == "#":
        j = text.find("\n", i)
        return len(text) if j < 0 else j
    if c in "\"'":
        q = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
        j = i + len(q)
        while j < len(text) and not text.startswith(q, j):
            j += 2 if text[j] == "\\" else 1
        return j + len(q)
    if c == "<":
        m = re.match(r'<[^<>"{}|^`\\\s]*>', text[i:])
        return i + m.end() if m else i
    return i


def _groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of every group opened by `WHERE {` (or a SELECT's bare `{`): start just
    after its brace, end at its closing brace; strings, IRIs and comments skipped."""
    out, stack, i = [], [], 0
    heads = [m.end() for m in re.finditer(r"\bWHERE\s*\{", text, re.I)]
    if not heads:
        m = re.search(r"\{", text)
        heads = [m.end()] if m else []
    while i < len(text):
        j = _skip(text, i)
        if j != i:
            i = j
            continue
        if text[i] == "{":
            stack.append(i + 1)
        elif text[i] == "}" and stack:
            start = stack.pop()
            if start in heads:
                out.append((start, i))
        i += 1
    return sorted(out)


def _with_values(text: str, bindings: dict, declared: tuple[Param, ...] = ()) -> str:
    """The query with its parameters bound by VALUES blocks opening each WHERE group (the
    query's and its subqueries') that names the variable, so a subquery that picks a page
    of rows is narrowed too (each such group must join the variable to a pattern) (Oxigraph substitutes only projected variables;
    FILTERs need the others too). A `label` parameter matches the name with or without @zh."""
    if not bindings:
        return text
    groups = _groups(text)
    if not groups:
        return text
    kinds = {p.name: p.datatype for p in declared}
    inserts: dict[int, list[str]] = {}
    for k in sorted(bindings):
        lit = bindings[k]
        terms = [lit.n3()]
        if kinds.get(k) == "label":
            terms.append(Literal(str(lit), lang="zh").n3())
        pat = re.compile(rf"[?$]{re.escape(k)}\b")
        where = [g[0] for g in groups if pat.search(text, g[0], g[1])] or [groups[0][0]]
        for start in where:
            inserts.setdefault(start, []).append(f" VALUES ?{k} {{ {' '.join(terms)} }}")
    out, last = [], 0
    for pos in sorted(inserts):
        out += [text[last:pos], "".join(inserts[pos]), " "]
        last = pos
    return "".join(out) + text[last:]


_PAGE = re.compile(r"^(.*?)LIMIT\s+\d+\s*#\s*page\b.*$", re.I | re.M)


def page(text: str, limit: int | None) -> str:
    """The query cut to `limit` rows (None: every row): its line `LIMIT n  # page` becomes
    LIMIT limit (or goes). A query with no marked line and no LIMIT of its own after its
    last brace gets LIMIT limit at its end."""
    def sub(m):
        return m.group(1) + (f"LIMIT {limit}" if limit is not None else "")

    if _PAGE.search(text):
        return _PAGE.sub(sub, text)
    if limit is None:
        return text
    tail = text[text.rfind("}") + 1:]
    if re.search(r"\b(LIMIT|OFFSET)\b", tail, re.I) or not re.search(r"\bSELECT\b", text, re.I):
        return text
    return text.rstrip() + f"\nLIMIT {limit}"


def prepare(text: str, label: str = "query", params: dict[str, str] | None = None,
            declared: tuple[Param, ...] = (), limit: int | None | str = "shipped") -> str:
    """Check a query before any data is loaded: its syntax and prefixes (on an empty store,
    so a mistake is reported at once) and its parameters. Returns the query text to run,
    parameters bound and cut to `limit` rows: None for every row; by default a shipped
    query's own page (the lines marked `# page`, DEFAULT_LIMIT rows) and no cut for others.
    Raises QueryError with a one-line message."""
    import pyoxigraph as ox

    bindings = _bindings(label, params, declared)
    bound = _with_values(text, bindings, declared)
    if limit == "shipped":
        limit = DEFAULT_LIMIT if _PAGE.search(text) else None
        bound = page(bound, limit) if limit is not None else bound
    else:
        bound = page(bound, limit)
    try:
        ox.Store().query(bound, prefixes=_ox_prefixes())
    except SyntaxError as e:
        try:  # rdflib's parser names line, column and unknown prefixes more plainly
            run(Graph(), text, label)
        except QueryError as better:
            raise better from None
        msg = " ".join(str(e).split())
        raise QueryError(f"{label}: syntax {msg[:200]}") from None
    return bound


def run_on(src, text: str):
    """Run a prepared query on the build store or a graph file (union of its graphs)."""
    try:
        return src.query(text, prefixes=_ox_prefixes())
    except (OSError, ValueError, RuntimeError) as e:
        raise QueryError(f"query: {' '.join(str(e).split())[:200]}") from None


def run_page(src, text: str, label: str = "query", params: dict[str, str] | None = None,
             declared: tuple[Param, ...] = (), limit: int | None | str = "shipped"):
    """prepare and run_on, one row more than the page asks for: (variables, rows, cut), cut
    True when rows beyond the page were left out. ASK and CONSTRUCT results come back whole
    as (result, None, False). A page of a shipped query with no parameter given is read from
    the build's summary where the store holds one for this text of the query (kg/summary.py):
    the same rows, without sorting the corpus."""
    import pyoxigraph as ox

    if limit == "shipped":
        limit = DEFAULT_LIMIT if _PAGE.search(text) else None
    if limit is not None and not params and declared:  # a shipped query's first page: from the summary
        from .summary import summary_page

        shipped = named_queries().get(label)
        ready = summary_page(src, label, text, limit) if shipped is not None and shipped.text == text else None
        if ready is not None:
            return ready
    bound = prepare(text, label, params, declared, None if limit is None else limit + 1)
    res = run_on(src, bound)
    if isinstance(res, (ox.QueryBoolean, ox.QueryTriples)) or not hasattr(res, "variables"):
        return res, None, False
    rows = list(res)
    cut = limit is not None and len(rows) > limit
    return res.variables, rows[:limit] if cut else rows, cut


def _ox_cell(v) -> str:
    import pyoxigraph as ox

    if v is None:
        return ""
    if isinstance(v, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if v.value.startswith(str(ns)):
                return f"{prefix}:{v.value[len(str(ns)):]}"
        return v.value
    if isinstance(v, ox.BlankNode):
        return f"_:{v.value}"
    return v.value


def format_ox_result(result, fmt: str = "table", max_width: int = 60) -> str:
    """format_result for Oxigraph results: SELECT rows, ASK, CONSTRUCT/DESCRIBE as Turtle."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"boolean": bool(result)}) if fmt == "json" else str(bool(result)).lower()
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=_ox_prefixes()).decode("utf-8")
    header = [v.value for v in result.variables]
    rows = [[_ox_cell(row[i]) for i in range(len(header))] for row in result]
    return _format_rows(header, rows, fmt, max_width)


def format_ox_rows(variables, rows, fmt: str = "table", max_width: int = 60) -> str:
    """format_ox_result for rows already read (run_page)."""
    header = [v.value for v in variables]
    return _format_rows(header, [[_ox_cell(row[i]) for i in range(len(header))] for row in rows], fmt, max_width)


def _format_rows(header: list[str], rows: list[list[str]], fmt: str, max_width: int) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(header, r)) for r in rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    clipped = [[c if _width(c) <= max_width else c[: max_width // 2 - 1] + "…" for c in r] for r in rows]
    return _table(header, clipped)
