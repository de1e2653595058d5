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
