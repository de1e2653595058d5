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

__all__ = ["QueryError", "NamedQuery", "named_queries", "run", "PREFIXES", "format_result"]

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
    datatype: str  # xsd:date, xsd:string, xsd:integer
    default: str | None
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    text: str
    params: tuple[Param, ...]


_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*:\s*(xsd:\w+)\s*(?:=\s*(\S+))?\s*(?:\(optional\))?\s*(.*)$")


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


def _with_values(text: str, bindings: dict) -> str:
    """The query with its parameters bound by a VALUES block opening the outer WHERE group
    (Oxigraph substitutes only projected variables; FILTERs need the others too)."""
    if not bindings:
        return text
    m = re.search(r"\bWHERE\s*\{", text, re.I) or re.search(r"\{", text)
    if m is None:
        return text
    names = sorted(bindings)
    row = " ".join(bindings[k].n3() for k in names)
    values = f" VALUES ({' '.join('?' + k for k in names)}) {{ ({row}) }} "
    return text[:m.end()] + values + text[m.end():]


def prepare(text: str, label: str = "query", params: dict[str, str] | None = None,
            declared: tuple[Param, ...] = ()) -> str:
    """Check a query before any data is loaded: its syntax and prefixes (on an empty store,
    so a mistake is reported at once) and its parameters. Returns the query text to run,
    parameters bound; raises QueryError with a one-line message."""
    import pyoxigraph as ox

    bindings = _bindings(label, params, declared)
    bound = _with_values(text, bindings)
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
