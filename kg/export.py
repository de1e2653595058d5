"""The graph in other formats: RDF serialisations, per-article TriG, GraphML/GEXF, CSV."""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef

from .graph import label_of
from .vocab import ID, KG, PROV

if TYPE_CHECKING:  # networkx is imported where a network is made: commands without one start faster
    import networkx as nx

__all__ = ["FORMATS", "export", "by_article", "entity_network", "from_csv"]

FORMATS = ("ttl", "nt", "nq", "jsonld", "trig", "graphml", "gexf", "csv")
_NODE_CLASSES = {KG.Person: "person", KG.Meeting: "meeting", KG.Inspection: "inspection",
                 KG.Directive: "directive", KG.Project: "project", KG.Article: "article",
                 KG.Position: "position", KG.Organization: "organization"}
_OWNERS = (KG.reportedIn, KG.observedIn, PROV.wasDerivedFrom)


def _sorted_copy(g: Graph) -> Graph:
    """The same triples inserted in sorted order, so serialisers that follow insertion order
    give byte-identical output for the same graph."""
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, override=True)
    for t in sorted(g):
        out.add(t)
    return out


def by_article(g: Graph) -> tuple[dict[URIRef, Graph], Graph]:
    """Split a graph into one graph per article and a rest.

    An article's graph holds the article, every node reported in, observed in or derived from
    it, and the names and types of the persons, projects and positions those nodes use (so
    each article graph stands alone, and replacing one leaves the others whole).
    """
    owner: dict = {}
    for a in g.subjects(RDF.type, KG.Article):
        owner[a] = a
    for prop in _OWNERS:
        for s, a in g.subject_objects(prop):
            owner.setdefault(s, a)
    parts: dict[URIRef, Graph] = defaultdict(Graph)
    rest = Graph()
    shared_used: dict[URIRef, set] = defaultdict(set)
    for s, p, o in g:
        a = owner.get(s)
        if a is not None:
            parts[a].add((s, p, o))
            if isinstance(o, URIRef) and o not in owner:
                shared_used[a].add(o)
    for a, nodes in shared_used.items():
        for n in nodes:
            for t in g.triples((n, None, None)):
                if t[1] in (RDF.type, RDFS.label):
                    parts[a].add(t)
            for t in g.triples((n, KG.holds, None)):
                parts[a].add(t)
                for tt in g.triples((t[2], None, None)):
                    parts[a].add(tt)
    # kg:responsibleFor and kg:holds edges go with the article whose records justify them
    for r in g.subjects(RDF.type, KG.Responsibility):
        a = owner.get(r)
        p, q = g.value(r, KG.person), g.value(r, KG.project)
        if a is not None and p is not None and q is not None:
            parts[a].add((p, KG.responsibleFor, q))
    for s, p, o in g:
        if s in owner or any((s, p, o) in part for part in parts.values()):
            continue
        rest.add((s, p, o))
    return dict(parts), rest


def _trig(g: Graph) -> bytes:
    ds = Dataset()
    for prefix, ns in g.namespaces():
        ds.bind(prefix, ns, override=True)
    parts, rest = by_article(g)
    for a in sorted(parts):
        name = URIRef(str(a).replace(str(ID) + "article/", str(ID) + "graph/"))
        ng = ds.graph(name)
        for t in sorted(parts[a]):
            ng.add(t)
    for t in sorted(rest):
        ds.add(t)
    return ds.serialize(format="trig").encode("utf-8")


def entity_network(g: Graph) -> nx.MultiDiGraph:
    """Persons, events, directives, projects, articles and positions as nodes, the kg links
    between them as edges (attribute `predicate`); scalar attributes only."""
    import networkx as nx

    net = nx.MultiDiGraph()
    kinds: dict = {}
    for cls, kind in _NODE_CLASSES.items():
        for n in g.subjects(RDF.type, cls):
            kinds[n] = kind
    for n in sorted(kinds):
        attrs = {"label": label_of(g, n), "kind": kinds[n]}
        d = g.value(n, KG.date)
        if d is not None:
            attrs["date"] = str(d)
        net.add_node(str(n), **attrs)
    for s, p, o in sorted(g):
        if s in kinds and o in kinds and str(p).startswith(str(KG._NS)):
            net.add_edge(str(s), str(o), key=str(p).rsplit("#", 1)[-1], predicate=str(p).rsplit("#", 1)[-1])
    return net


def _csv(g: Graph) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["subject", "predicate", "object", "object_type", "datatype", "lang"])
    for s, p, o in sorted(g):
        if isinstance(o, Literal):
            w.writerow([s, p, str(o), "literal", o.datatype or "", o.language or ""])
        else:
            w.writerow([s, p, o, "bnode" if isinstance(o, BNode) else "iri", "", ""])
    return buf.getvalue().encode("utf-8")


def from_csv(data: str) -> Graph:
    """Read back what the csv export wrote."""
    g = Graph()
    for row in csv.DictReader(io.StringIO(data)):
        s, p = URIRef(row["subject"]), URIRef(row["predicate"])
        if row["object_type"] == "literal":
            o = Literal(row["object"], lang=row["lang"] or None,
                        datatype=URIRef(row["datatype"]) if row["datatype"] else None)
        else:
            o = URIRef(row["object"])
        g.add((s, p, o))
    return g


def _network_bytes(net: nx.Graph, fmt: str) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(net, buf, encoding="utf-8")
    else:
        nx.write_gexf(net, buf, encoding="utf-8")
    return buf.getvalue()


def export(g: Graph, fmt: str, network: nx.Graph | None = None) -> bytes:
    """The graph as bytes in `fmt` (one of FORMATS); graphml and gexf write `network`, or the
    entity network of the graph when none is given."""
    if fmt == "ttl":
        return g.serialize(format="turtle").encode("utf-8")
    if fmt == "nt":
        lines = sorted(x for x in g.serialize(format="nt").splitlines() if x.strip())
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "jsonld":
        context = {"kg": str(KG._NS), "id": str(ID), "prov": str(PROV),
                   "rdfs": str(RDFS), "xsd": "http://www.w3.org/2001/XMLSchema#"}
        return _sorted_copy(g).serialize(format="json-ld", context=context, indent=1,
                                         sort_keys=True).encode("utf-8")
    if fmt == "trig":
        return _trig(g)
    if fmt == "nq":
        return _nquads_of(g)
    if fmt in ("graphml", "gexf"):
        return _network_bytes(network if network is not None else entity_network(g), fmt)
    if fmt == "csv":
        return _csv(g)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


# --- streaming exports of a store or graph file (pyoxigraph serialisers) -------------------
STREAM_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "trig": "TRIG", "nq": "N_QUADS"}


def _ox_term(t):
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value
    return Literal(t.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else URIRef(dt))


def to_rdflib(triples, g: Graph) -> Graph:
    """Copy pyoxigraph triples (or quads, graph dropped) into an rdflib graph."""
    for t in triples:
        g.add((_ox_term(t.subject), _ox_term(t.predicate), _ox_term(t.object)))
    return g


def export_stream(src, fmt: str, out) -> None:
    """Write a store or graph file as `fmt` (ttl, nt, trig, nq) to the binary stream `out`,
    streaming with pyoxigraph's serialisers: no whole graph in memory. Turtle and N-Triples
    hold every triple once (by Oxigraph's own serialiser, graph by graph); TriG and N-Quads
    keep one named graph per article, and the build store's shared triples (persons,
    projects, positions) in the default graph."""
    import pyoxigraph as ox

    from .graph import prefixes
    from .store import INPUTS_GRAPH, KGStore, dump_triples

    rdf_format = getattr(ox.RdfFormat, STREAM_FORMATS[fmt])
    if fmt in ("ttl", "nt"):
        dump_triples(src, out, rdf_format, prefixes() if fmt == "ttl" else None)
        return
    else:
        graphs = src.article_graphs()
        if isinstance(src, KGStore) or graphs:
            first = [ox.DefaultGraph()] if isinstance(src, KGStore) else []
            data = (q for g in first + graphs if g != INPUTS_GRAPH
                    for q in src.ox.quads_for_pattern(None, None, None, g))
        else:  # a graph file of one graph: split it by article as the rdflib export does
            from .store import source_triples as st

            g = to_rdflib(st(src), Graph())
            out.write(_trig(g) if fmt == "trig" else _nquads_of(g))
            return
    ox.serialize(data, out, rdf_format, prefixes=prefixes() if fmt in ("ttl", "trig") else None)


def _nquads_of(g: Graph) -> bytes:
    ds = Dataset()
    parts, rest = by_article(g)
    for a in sorted(parts):
        ng = ds.graph(URIRef(str(a).replace(str(ID) + "article/", str(ID) + "graph/")))
        for t in sorted(parts[a]):
            ng.add(t)
    for t in sorted(rest):
        ds.add(t)
    return ds.serialize(format="nquads").encode("utf-8")
