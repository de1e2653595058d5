"""Where graphs live: the on-disk Oxigraph store of `kg build`, graph files, the ontology.

The store (DIR/store/, pyoxigraph on RocksDB) holds one named graph per article
(id:graph/<article>) with the article's own records; the default graph holds, once each,
the triples about nodes that many articles share (persons, projects, positions: their
type, name, positions held, projects answered for); and the graph id:build/inputs holds a
record per input file: its path, the content hash it was built from and the article graphs
it gave; the graph id:build/summary the first pages of the corpus-wide shipped queries
(kg/summary.py). Queries read the union of all graphs, where every triple is thus found once (a
union of article graphs that each repeated a person's name would count it once per
article).

A batch of files is written in two steps: the article graphs by Oxigraph's bulk loader
(several times faster than a transaction, but not atomic), then in one transaction the
shared triples and the files' records. A build killed in the first step leaves article
graphs that no record claims: the next build drops them before anything else. A file is
removed in one transaction (a SPARQL update): its record, its graphs, and the shared
triples that no other article backs any more (garbage collection: a shared node no article
graph points to, a position held or a project answered for that no remaining record
states). So a build killed at any point leaves every recorded file whole and nothing else.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from itertools import chain
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.util import guess_format

from .graph import bind_prefixes, is_entity
from .read import ReadError
from .vocab import ID, KG

__all__ = ["load_graph", "ontology_path", "ontology_text", "KGStore", "open_source", "is_store",
           "INPUTS_GRAPH", "SUMMARY_GRAPH", "RDF_FORMATS", "source_triples", "dump_triples"]

BUILD = "https://w3id.org/govnews-kg/build#"
INPUTS_GRAPH = ox.NamedNode(f"{ID}build/inputs")
SUMMARY_GRAPH = ox.NamedNode(f"{ID}build/summary")  # the first pages of the shipped queries (kg/summary.py)
_BUILD_GRAPHS = (INPUTS_GRAPH, SUMMARY_GRAPH)
_PATH, _HASH, _GRAPH = (ox.NamedNode(BUILD + x) for x in ("path", "contentHash", "graph"))
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS,
               "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD, "rdf": ox.RdfFormat.RDF_XML,
               "xml": ox.RdfFormat.RDF_XML}


def ontology_path(name: str) -> Path:
    """A file of ontology/ (kg.ttl, shapes.ttl, queries/NAME.rq), from the installed package."""
    return Path(str(resources.files("kg") / "ontology" / name))


def ontology_text(name: str) -> str:
    return ontology_path(name).read_text(encoding="utf-8")


def _nt_literal(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def input_record(path: str, digest: str, graphs: Iterable[str]) -> str:
    """The N-Quads recording that `path` was built from content `digest` into `graphs`."""
    node = f"<{ID}input/{hashlib.sha1(path.encode()).hexdigest()}>"
    g = f" <{INPUTS_GRAPH.value}> .\n"
    lines = [f"{node} <{_PATH.value}> {_nt_literal(path)}{g}", f"{node} <{_HASH.value}> {_nt_literal(digest)}{g}"]
    lines += [f"{node} <{_GRAPH.value}> <{x}>{g}" for x in graphs]
    return "".join(lines)


def is_store(path: Path) -> bool:
    """A folder written by kg build (it holds store/) or a store folder itself."""
    return path.is_dir() and ((path / "store" / "CURRENT").is_file() or (path / "CURRENT").is_file())


class KGStore:
    """The build's store: per-article named graphs and the record of inputs."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        try:
            if read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as e:
            msg = " ".join(str(e).split())[:200]
            raise ReadError(f"{self.path}: cannot open the store: {msg}") from None

    # --- the record of inputs ---------------------------------------------------------
    def inputs(self) -> dict[str, tuple[str, list[str]]]:
        """path -> (content hash, [article graph IRIs]) for every recorded input."""
        nodes: dict = {}
        for q in self.ox.quads_for_pattern(None, None, None, INPUTS_GRAPH):
            d = nodes.setdefault(q.subject.value, {"path": None, "hash": None, "graphs": []})
            if q.predicate == _PATH:
                d["path"] = q.object.value
            elif q.predicate == _HASH:
                d["hash"] = q.object.value
            elif q.predicate == _GRAPH:
                d["graphs"].append(q.object.value)
        return {d["path"]: (d["hash"], sorted(d["graphs"])) for d in nodes.values() if d["path"] is not None}

    def drop_orphans(self) -> int:
        """Drop article graphs that no input record claims: what a build killed while bulk
        loading leaves (their shared triples were never written: they go in with the records)."""
        claimed = {q.object.value for q in self.ox.quads_for_pattern(None, _GRAPH, None, INPUTS_GRAPH)}
        orphans = [g for g in self.ox.named_graphs() if g not in _BUILD_GRAPHS and g.value not in claimed]
        if orphans:
            self.ox.update(" ;\n".join(f"DROP SILENT GRAPH <{g.value}>" for g in orphans))
        return len(orphans)

    def forget(self, path: str) -> None:
        """Remove an input, its record, its graphs and the shared triples no other article
        backs any more, in one transaction."""
        node = ox.NamedNode(f"{ID}input/{hashlib.sha1(path.encode()).hexdigest()}")
        graphs = [q.object.value for q in self.ox.quads_for_pattern(node, _GRAPH, None, INPUTS_GRAPH)]
        shared = set()
        for g in graphs:
            for q in self.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)):
                if isinstance(q.object, ox.NamedNode) and is_entity(q.object.value):
                    shared.add(q.object.value)
        ops = [f"DELETE WHERE {{ GRAPH <{INPUTS_GRAPH.value}> {{ <{node.value}> ?p ?o }} }}"]
        ops += [f"DROP SILENT GRAPH <{g}>" for g in graphs]
        self.ox.update(" ;\n".join(ops + _collect(sorted(shared))))

    def add(self, nquads: str) -> None:
        """Load N-Quads (shared triples and input records) in one transaction."""
        if nquads:
            self.ox.load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)

    def bulk_add(self, nquads: str) -> None:
        """Load article graphs with the bulk loader: fast, not atomic (see the module doc)."""
        if nquads:
            self.ox.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)

    # --- reading ------------------------------------------------------------------------
    def article_graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.ox.named_graphs() if g not in _BUILD_GRAPHS), key=lambda g: g.value)

    def query(self, text: str, **kw):
        """SPARQL on the union of all graphs (article graphs and the shared triples)."""
        return self.ox.query(text, use_default_graph_as_union=True, **kw)

    def flush(self) -> None:
        self.ox.flush()


def _collect(shared: list[str]) -> list[str]:
    """SPARQL update operations: of the shared nodes `shared`, delete from the default graph
    those no article graph points to, and the positions held and projects answered for that
    no record in an article graph states any more."""
    if not shared:
        return []
    values = "VALUES ?e { " + " ".join(f"<{x}>" for x in shared) + " }"
    k = str(KG._NS)
    return [
        f"DELETE {{ ?e ?p ?o }} WHERE {{ {values} ?e ?p ?o . FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?y ?e }} }} }}",
        f"DELETE {{ ?e <{k}holds> ?t }} WHERE {{ {values} ?e <{k}holds> ?t . "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?o <{k}person> ?e ; <{k}position> ?t }} }} }}",
        f"DELETE {{ ?e <{k}responsibleFor> ?q }} WHERE {{ {values} ?e <{k}responsibleFor> ?q . "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?r a <{k}Responsibility> ; <{k}person> ?e ; <{k}project> ?q }} }} }}",
    ]


class FileSource:
    """A graph file read into an in-memory Oxigraph store (its Turtle parser is some 20×
    faster than rdflib's); queried the same way as the build store."""

    def __init__(self, path: Path):
        self.path = path
        ext = path.suffix.lstrip(".").lower()
        fmt = RDF_FORMATS.get(ext, ox.RdfFormat.TURTLE)
        self.ox = ox.Store()
        try:
            self.ox.load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as e:
            msg = " ".join(str(e).split())[:200]
            raise ReadError(f"{path}: cannot parse as {_FORMAT_NAMES.get(ext, 'turtle')}: {msg}") from None
        if any(True for _ in self.ox.named_graphs()):  # TriG, N-Quads: the union, as a set
            self.ox.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def query(self, text: str, **kw):
        return self.ox.query(text, **kw)

    def article_graphs(self) -> list[ox.NamedNode]:
        return sorted(self.ox.named_graphs(), key=lambda g: g.value)


_FORMAT_NAMES = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


def open_source(path: str | Path) -> KGStore | FileSource:
    """A build folder or store folder (read only), or a graph file; ReadError otherwise."""
    p = Path(path)
    if p.is_dir():
        if (p / "store" / "CURRENT").is_file():
            return KGStore(p / "store", read_only=True)
        if (p / "CURRENT").is_file():
            return KGStore(p, read_only=True)
        raise ReadError(f"{p}: a folder but not a store written by kg build")
    if not p.is_file():
        raise ReadError(f"{p}: no such file or folder")
    return FileSource(p)


def source_triples(src: KGStore | FileSource) -> Iterator[ox.Quad]:
    """Every triple of the graph once: for the build store, the shared triples then each
    article graph in IRI order; for a graph file, its default graph (the union)."""
    if isinstance(src, KGStore):
        return chain(src.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()),
                     *(src.ox.quads_for_pattern(None, None, None, g) for g in src.article_graphs()))
    return src.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())


def dump_triples(src: KGStore | FileSource, out, fmt: ox.RdfFormat, prefixes: dict | None = None) -> None:
    """Write every triple once as Turtle or N-Triples to the binary stream `out`, by
    Oxigraph's own serialiser (no Python object per triple): for the build store the shared
    triples, then each article graph in IRI order, one prefix block at the top."""
    if not isinstance(src, KGStore):
        src.ox.dump(out, fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        return
    head = b""
    if prefixes:  # the prefix block Oxigraph opens every dump with
        one = ox.Triple(ox.NamedNode(f"{ID}x"), ox.NamedNode(f"{ID}x"), ox.NamedNode(f"{ID}x"))
        text = ox.serialize([one], format=fmt, prefixes=prefixes)
        head = b"".join(x for x in text.splitlines(keepends=True) if x.startswith(b"@prefix"))
    out.write(head)
    for g in chain([ox.DefaultGraph()], src.article_graphs()):
        data = src.ox.dump(format=fmt, from_graph=g, prefixes=prefixes)
        out.write(data[len(head):] if head and data.startswith(head) else data)


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file (format from its extension; TriG and N-Quads are merged into one
    graph), or read a store, into an rdflib graph. Raises ReadError with a one-line message
    naming the file."""
    p = Path(path)
    if p.is_dir():
        from .graph import new_graph
        from .export import to_rdflib

        return to_rdflib(source_triples(open_source(p)), new_graph())
    if not p.is_file():
        raise ReadError(f"{p}: no such file")
    fmt = guess_format(str(p)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(p, format=fmt)
            g = Graph()
            for s, pr, o, _ in ds.quads((None, None, None, None)):
                g.add((s, pr, o))
        else:
            g = Graph()
            g.parse(p, format=fmt)
    except Exception as e:  # rdflib raises many kinds; all mean "not this format"
        msg = " ".join(str(e).split())[:200]
        raise ReadError(f"{p}: cannot parse as {fmt}: {msg}") from None
    bind_prefixes(g)
    return g
