"""SHACL validation of a graph against ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from rdflib import RDFS, Graph, Namespace

from .store import ontology_path

__all__ = ["validate"]

SH = Namespace("http://www.w3.org/ns/shacl#")


def _name(g: Graph, node) -> str:
    label = g.value(node, RDFS.label)
    short = str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return f"{short} ({label})" if label else short


def validate(g: Graph) -> list[str]:
    """One readable line per violation, sorted; empty when the graph conforms."""
    import pyshacl

    shapes = Graph().parse(ontology_path("shapes.ttl"))
    conforms, report, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    if conforms:
        return []
    lines = []
    for r in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        where = str(path).rsplit("#", 1)[-1] if path is not None else ""
        lines.append(f"{_name(g, focus)}: {where}: {msg}")
    return sorted(set(lines))


BATCH_ARTICLES = 200  # article graphs checked together: memory stays bounded on any store


def validate_source(src) -> tuple[list[str], int]:
    """Validate a store (or graph file) a batch of article graphs at a time, each with the
    shared triples (persons, projects, positions) of the nodes it points to: the shapes hold
    on the store when they hold on every batch.
    Returns (violations, triples checked)."""
    from .export import to_rdflib
    from .graph import new_graph
    import pyoxigraph as ox

    from .graph import is_entity
    from .store import INPUTS_GRAPH, source_triples

    graphs = [g for g in src.article_graphs() if g != INPUTS_GRAPH]
    if not graphs:
        g = to_rdflib(source_triples(src), new_graph())
        return validate(g), len(g)
    problems: set[str] = set()
    n = 0
    for i in range(0, len(graphs), BATCH_ARTICLES):
        g = new_graph()
        shared = set()
        for name in graphs[i:i + BATCH_ARTICLES]:
            quads = list(src.ox.quads_for_pattern(None, None, None, name))
            to_rdflib(quads, g)
            shared.update(q.object for q in quads if isinstance(q.object, ox.NamedNode) and is_entity(q.object.value))
        for node in sorted(shared, key=lambda x: x.value):
            to_rdflib(src.ox.quads_for_pattern(node, None, None, ox.DefaultGraph()), g)
        n += len(g)
        problems.update(validate(g))
    return sorted(problems), n
