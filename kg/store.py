"""Loading graphs and the ontology files, with one-line errors."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.util import guess_format

from .graph import bind_prefixes
from .read import ReadError

__all__ = ["load_graph", "ontology_path", "ontology_text"]


def ontology_path(name: str) -> Path:
    """A file of ontology/ (kg.ttl, shapes.ttl, queries/NAME.rq), from the installed package."""
    return Path(str(resources.files("kg") / "ontology" / name))


def ontology_text(name: str) -> str:
    return ontology_path(name).read_text(encoding="utf-8")


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file (format from its extension; TriG and N-Quads are merged into one
    graph). Raises ReadError with a one-line message naming the file."""
    p = Path(path)
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
