"""Co-attendance and responsibility networks, built from the RDF graph, and their metrics."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from rdflib import Graph

from .graph import person_place

if TYPE_CHECKING:  # networkx is imported where a network is made: commands without one start faster
    import networkx as nx


__all__ = ["ViewFilter", "ViewError", "DEFAULT_TOP", "select", "select_for", "sparql_iri", "event_people", "co_attendance", "responsibility", "report_tables", "NETWORKS", "EXACT_BETWEENNESS_MAX", "SEED", "induced"]

SEED = 42
# Exact betweenness is O(n·m); above this many nodes it is estimated from a sample of
# BETWEENNESS_SAMPLE source nodes (seeded, so the output stays the same for the same input).
EXACT_BETWEENNESS_MAX = 1000
BETWEENNESS_SAMPLE = 300
BETWEENNESS_SAMPLE_LARGE = 100  # above LARGE nodes
LARGE = 10_000
SEP = " | "  # GraphML holds scalars only: lists are joined with this


PREFIX_TEXT = ("PREFIX kg: <https://w3id.org/govnews-kg/ontology#>\n"
               "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
               "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")


def select(src, query: str) -> list[tuple]:
    """Rows of a SELECT on an rdflib graph, the build store or a graph file, as tuples of
    str (IRIs and lexical forms) or None."""
    return list(iter_select(src, query))


def iter_select(src, query: str):
    """select, row by row: a corpus's (event, person) rows are never all in memory."""
    text = PREFIX_TEXT + query
    if isinstance(src, Graph):
        for row in src.query(text):
            yield tuple(None if v is None else str(v) for v in row)
        return
    res = src.query(text)
    n = len(res.variables)
    for row in res:
        yield tuple(None if row[i] is None else row[i].value for i in range(n))


VALUES_CHUNK = 300  # IRIs in one VALUES block


def sparql_iri(s: str) -> str:
    """<s> for a SPARQL query, or ValueError when s cannot be an IRI."""
    if any(c in s for c in '<>"{}|^`\\ \n'):
        raise ValueError(f"not an IRI: {s!r}")
    return f"<{s}>"


def select_for(src, query: str, iris) -> list[tuple]:
    """The rows of `query`, whose VALUES block is its one %s, for the given IRIs: a block of
    VALUES_CHUNK at a time, the IRIs sorted and once each."""
    iris = sorted(set(iris))
    out: list[tuple] = []
    for i in range(0, len(iris), VALUES_CHUNK):
        out += iter_select(src, query % " ".join(sparql_iri(x) for x in iris[i:i + VALUES_CHUNK]))
    return out


# (event, person) rows: networks are counted from these in Python, never by a pairwise join
EVENT_ROWS = """SELECT ?e ?kind ?label ?date ?p ?role ?order WHERE {
  ?part kg:event ?e ; kg:person ?p ; kg:role ?role .
  OPTIONAL { ?part kg:listOrder ?order }
  ?e a ?cls . VALUES (?cls ?kind) { (kg:Meeting "meeting") (kg:Inspection "inspection") }
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e kg:date ?date }
}"""
PERSON_ROWS = """SELECT DISTINCT ?p ?label WHERE { ?p a kg:Person . OPTIONAL { ?p rdfs:label ?label } }"""
TITLE_ROWS = """SELECT DISTINCT ?p ?t WHERE { ?p a kg:Person ; kg:holds/rdfs:label ?t }"""
DIRECTIVE_ROWS = """SELECT ?p (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d kg:speaker ?p } GROUP BY ?p"""


def event_people(src, date_from: str | None = None, date_to: str | None = None):
    """(event, kind, label, date, [(person, role)], {attendee: place in the list}) for each
    event (in IRI order), people in list order; `date_from`/`date_to` keep the events dated
    in that range (ISO dates, inclusive)."""
    events: dict = {}
    for e, kind, label, date, p, role, order in iter_select(src, EVENT_ROWS):
        x = events.setdefault(e, [kind, label or e.rsplit("/", 1)[-1], date or "", {}, {}])
        x[3].setdefault(p, set()).add(role)
        if order is not None:
            x[4][p] = int(order)
    for e in sorted(events):
        kind, label, date, roles, order = events[e]
        if (date_from or date_to) and (len(date) != 10 or (date_from and date < date_from)
                                       or (date_to and date > date_to)):
            continue
        people = [(p, r) for p in sorted(roles) for r in ("chair", "leader") if r in roles[p]]
        attendees = sorted((p for p in roles if "attendee" in roles[p]), key=lambda p: (order.get(p, 10**6), p))
        people += [(p, "attendee") for p in attendees if p not in {x for x, _ in people}]
        yield e, kind, label, date, people, order


def _event_people(g):
    for e, _kind, label, date, people, order in event_people(g):
        yield e, label, date, people, order


def _eigenvector(net: nx.Graph, max_iter: int = 2000, tol: float = 1e-8) -> dict:
    """networkx's eigenvector_centrality (power iteration on A + I, weighted, unit norm, the
    same start and stopping rule), with numpy arrays for the dicts of dicts: at 10^4 persons
    the pure-Python iteration took some 10 s of a build."""
    import networkx as nx
    import numpy as np

    nodes = list(net)
    index = {n: i for i, n in enumerate(nodes)}
    arcs = [(index[n], index[m], d.get("weight", 1)) for n in nodes for m, d in net[n].items()]
    src = np.array([a for a, _, _ in arcs], dtype=np.intp)
    dst = np.array([b for _, b, _ in arcs], dtype=np.intp)
    w = np.array([c for _, _, c in arcs], dtype=float)
    size = len(nodes)
    x = np.full(size, 1 / size)
    for _ in range(max_iter):
        last = x
        x = last + np.bincount(dst, weights=last[src] * w, minlength=size)
        x /= np.linalg.norm(x) or 1
        if np.abs(x - last).sum() < size * tol:
            return dict(zip(nodes, x.tolist()))
    raise nx.PowerIterationFailedConvergence(max_iter)


def _betweenness(net: nx.Graph, k: int | None) -> dict:
    """networkx's betweenness_centrality(net, k, seed=SEED) (unweighted, normalised, without
    endpoints), the shortest paths counted by igraph in C: the same sample of sources (drawn
    as networkx draws it) and networkx's rescaling, some 40x faster than its Python BFS.
    Each edge is taken both ways, so the paths from every source are counted to every node,
    as networkx counts them."""
    import random

    import igraph

    nodes = list(net)
    n = len(nodes)
    if n <= 2:
        return dict.fromkeys(nodes, 0.0)
    index = {v: i for i, v in enumerate(nodes)}
    g = igraph.Graph(n=n, edges=[(index[u], index[v]) for u, v in net.edges() if u != v], directed=False)
    g.to_directed(mode="mutual")
    sources = None if k is None else random.Random(SEED).sample(nodes, k)
    raw = g.betweenness(directed=True, sources=None if sources is None else [index[v] for v in sources])
    if sources is None:
        scale = {v: 1 / ((n - 1) * (n - 2)) for v in nodes}
    else:  # networkx's _rescale with sampled sources: a source is no pair of its own
        sampled = set(sources)
        scale = {v: 1 / ((k - 1 if v in sampled else k) * (n - 2)) for v in nodes}
    return {v: b * scale[v] for v, b in zip(nodes, raw)}


def _centralities(net: nx.Graph) -> None:
    """degree, weighted degree, betweenness, eigenvector centrality and community (Louvain)."""
    import networkx as nx

    if net.number_of_nodes() == 0:
        return
    n = net.number_of_nodes()
    k = None if n <= EXACT_BETWEENNESS_MAX else BETWEENNESS_SAMPLE if n <= LARGE else BETWEENNESS_SAMPLE_LARGE
    btw = _betweenness(net, k)
    try:
        eig = _eigenvector(net)
    except nx.PowerIterationFailedConvergence:
        eig = {n: 0.0 for n in net}
    communities = nx.community.louvain_communities(net, weight="weight", seed=SEED)
    # number communities by size, then by their first member, so ids are stable
    ranked = sorted(communities, key=lambda c: (-len(c), min(c)))
    comm = {n: i for i, c in enumerate(ranked) for n in c}
    for n, d in net.nodes(data=True):
        d["degree"] = net.degree(n)
        d["weighted_degree"] = float(net.degree(n, weight="weight"))
        d["betweenness"] = round(btw[n], 6)
        d["eigenvector"] = round(eig[n], 6)
        d["community"] = comm[n]


def co_attendance(g, date_from: str | None = None, date_to: str | None = None) -> nx.Graph:
    """Persons as nodes; an edge when two took part (chair, leader or attendee) in the same
    event, `weight` the number of such events, `events` their labels. Node metrics: events
    chaired / led / attended, directives issued, centralities, community and protocol rank
    (mean place in attendee lists; official news lists people by rank). `g` is an rdflib
    graph, the build store or a graph file; `date_from`/`date_to` keep events in that range."""
    import networkx as nx

    net = nx.Graph()
    counts: dict = defaultdict(lambda: defaultdict(int))
    places: dict = defaultdict(list)
    edges: dict = {}
    for e, _kind, label, date, people, order in event_people(g, date_from, date_to):
        for p, role in people:
            counts[p][role] += 1
            if p in order:
                places[p].append(order[p])
        for u, v in combinations(sorted({p for p, _ in people}), 2):
            x = edges.get((u, v))
            if x is None:
                edges[(u, v)] = [1, [label], [date]]
            else:
                x[0] += 1
                x[1].append(label)
                x[2].append(date)
    labels = dict(select(g, PERSON_ROWS))
    titles: dict = defaultdict(set)
    for p, t in select(g, TITLE_ROWS):
        titles[p].add(t)
    directives = {p: int(n) for p, n in select(g, DIRECTIVE_ROWS)}
    for p in sorted(counts):
        net.add_node(
            p, label=labels.get(p) or p.rsplit("/", 1)[-1], kind="person", titles="、".join(sorted(titles[p])),
            chaired=counts[p]["chair"], led=counts[p]["leader"], attended=counts[p]["attendee"],
            directives=directives.get(p, 0),
        )
        if places[p]:
            net.nodes[p]["protocol_rank"] = round(sum(places[p]) / len(places[p]), 3)
    for (u, v), (w, evs, dates) in sorted(edges.items()):
        net.add_edge(u, v, weight=w, events=SEP.join(evs), dates=SEP.join(dates))
    _centralities(net)
    return net


RESPONSIBILITY_ROWS = """SELECT ?r ?person ?project ?isdir ?sentence ?chair WHERE {
  ?r a kg:Responsibility ; kg:person ?person ; kg:project ?project ; kg:basis ?b .
  OPTIONAL { ?r kg:evidence/kg:sentenceText ?sentence }
  OPTIONAL { ?b a kg:Directive . BIND("true" AS ?isdir) }
  OPTIONAL { ?b kg:issuedAt/kg:chairedBy ?chair }
}"""
PROJECT_ROWS = """SELECT DISTINCT ?q ?label ?visits ?named WHERE {
  ?q a kg:Project . OPTIONAL { ?q rdfs:label ?label }
  { SELECT ?q (COUNT(DISTINCT ?e) AS ?visits) WHERE { ?q a kg:Project . OPTIONAL { ?e kg:site ?q } } GROUP BY ?q }
  { SELECT ?q (COUNT(DISTINCT ?d) AS ?named) WHERE { ?q a kg:Project . OPTIONAL { ?d kg:concerns ?q } } GROUP BY ?q }
}"""


def responsibility(g) -> nx.Graph:
    """Persons and projects as nodes; an edge for each way a person is tied to a project
    (led-an-inspection-of, issued-a-directive-on, chaired-a-meeting-that-decided), with the
    sentences that name the project. Projects carry how often they were visited and named."""
    import networkx as nx

    net = nx.Graph()
    links: dict = defaultdict(lambda: {"relations": set(), "evidence": set(), "records": set()})

    def link(person, project, relation: str, r: str, text) -> None:
        x = links[(person, project)]
        x["relations"].add(relation)
        x["records"].add((r, relation))
        if text:
            x["evidence"].add(text)

    for r, person, project, isdir, text, chair in select(g, RESPONSIBILITY_ROWS):
        if isdir in ("true", "1"):
            link(person, project, "issued-a-directive-on", r, text)
            if chair is not None and chair != person:
                link(chair, project, "chaired-a-meeting-that-decided", r, text)
        else:
            link(person, project, "led-an-inspection-of", r, text)
    if not links:
        return net
    labels = dict(select(g, PERSON_ROWS))
    projects = {q: (label, int(v), int(n)) for q, label, v, n in select(g, PROJECT_ROWS)}
    for (p, q), x in sorted(links.items()):
        for n, kind in ((p, "person"), (q, "project")):
            if n not in net:
                label = labels.get(n) if kind == "person" else projects.get(n, (None,))[0]
                net.add_node(n, label=label or n.rsplit("/", 1)[-1], kind=kind)
        net.add_edge(p, q, weight=len(x["records"]), relations=SEP.join(sorted(x["relations"])),
                     evidence=SEP.join(sorted(x["evidence"])))
    for n, d in net.nodes(data=True):
        if d["kind"] == "project":
            _, d["visits"], d["named"] = projects.get(n, (None, 0, 0))
            d["responsible"] = "、".join(sorted(net.nodes[m]["label"] for m in net[n]))
    _centralities(net)
    return net


NETWORKS = {"co-attendance": co_attendance, "responsibility": responsibility}


def report_tables(g, co: nx.Graph, resp: nx.Graph, date_from: str | None = None,
                  date_to: str | None = None, ids: bool = False) -> tuple[list[list], list[list], list[list]]:
    """Rows for the report: people ranked (weighted degree, then protocol rank), events by
    date with chair and attendees (those in the date range with someone of `co` taking part),
    projects with the persons responsible. With `ids`, each row ends with the IRI of its
    person, event or project (for the evidence of the row)."""
    people = sorted(
        ([d["label"], d.get("titles", ""), d["chaired"], d["led"], d["attended"], d["directives"],
          d["weighted_degree"], d.get("protocol_rank", ""), d["community"], n] for n, d in co.nodes(data=True)),
        key=lambda r: (-r[6], r[7] if r[7] != "" else 1e9, r[0], r[9]))
    events = []
    name = {n: d["label"] for n, d in co.nodes(data=True)}
    for e, kind, label, date, members, _ in event_people(g, date_from, date_to):
        if not any(p in name for p, _ in members):
            continue
        chair = "、".join(name.get(p, p.rsplit("/", 1)[-1]) for p, role in members if role in ("chair", "leader"))
        att = "、".join(name.get(p, p.rsplit("/", 1)[-1]) for p, role in members if role == "attendee")
        events.append([date, kind, label, chair, att, e])
    events.sort(key=lambda r: (r[0] or "9999", r[2], r[5]))
    projects = sorted(
        ([d["label"], d.get("responsible", ""), d.get("visits", 0), d.get("named", 0), n]
         for n, d in resp.nodes(data=True) if d.get("kind") == "project"),
        key=lambda r: (-(r[2] + r[3]), r[0], r[4]))
    if not ids:
        people, events, projects = ([r[:-1] for r in t] for t in (people, events, projects))
    return people, events, projects


# --- views that stay readable at corpus scale ---------------------------------------------
DEFAULT_TOP = 300  # persons a browser lays out and draws in a few seconds


class ViewError(ValueError):
    """A filter that selects nothing it could: one line."""


def induced(net: nx.Graph, keep: set) -> nx.Graph:
    """The subgraph of `net` on `keep`, its nodes and edges in `net`'s order. (networkx's
    subgraph iterates the set it is given, in an order that changes from run to run with
    the hash seed, and so did the edges of a filtered view.)"""
    import networkx as nx

    sub = nx.Graph(**net.graph)
    sub.add_nodes_from((n, dict(d)) for n, d in net.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, dict(d)) for u, v, d in net.edges(data=True) if u in keep and v in keep)
    return sub


@dataclass
class ViewFilter:
    """What a view shows: the `top` persons by degree centrality (then weighted degree,
    eigenvector), the ego network of `person` within `hops`, events from `date_from` to
    `date_to` (ISO dates), persons of `place` (their jurisdiction or a title naming it).
    `top` None or 0 draws everything."""

    top: int | None = DEFAULT_TOP
    person: str | None = None
    hops: int = 1
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None

    def apply(self, src, name: str) -> tuple[nx.Graph, str]:
        """The network `name` of a graph or store, filtered; and a line saying how."""
        net = (co_attendance(src, self.date_from, self.date_to) if name == "co-attendance"
               else responsibility(src))
        return self.filter(net, name, src)

    def filter(self, net: nx.Graph, name: str, src=None) -> tuple[nx.Graph, str]:
        import networkx as nx

        what = "persons" if name == "co-attendance" else "persons and projects"
        total = net.number_of_nodes()
        notes = []
        keep = set(net)
        if self.date_from or self.date_to:
            notes.append(f"events dated {self.date_from or '…'} to {self.date_to or '…'}"
                         + ("" if name == "co-attendance" else " (dates apply to co-attendance only)"))
        if self.place:
            persons = {n for n, d in net.nodes(data=True) if d.get("kind") == "person"
                       and (self.place in person_place(n) or self.place in d.get("titles", ""))}
            keep = persons | {m for n in persons for m in net[n] if net.nodes[m].get("kind") == "project"}
            notes.append(f"place {self.place}")
        if self.person:
            seeds = [n for n in keep if net.nodes[n].get("label") == self.person]
            if not seeds:
                raise ViewError(f"--person {self.person}: no such person in the {name} network")
            sub = net.subgraph(keep)
            ego = set()
            for s in seeds:
                ego |= set(nx.single_source_shortest_path_length(sub, s, cutoff=self.hops))
            keep = ego
            notes.append(f"within {self.hops} hop{'s' if self.hops != 1 else ''} of {self.person}")
        if self.top and len(keep) > self.top:
            ranked = sorted(keep, key=lambda n: (-net.nodes[n].get("degree", 0),
                                                 -net.nodes[n].get("weighted_degree", 0.0),
                                                 -net.nodes[n].get("eigenvector", 0.0), n))
            keep = set(ranked[: self.top])
            notes.append(f"top {self.top} by degree centrality")
        shown = net if len(keep) == total else induced(net, keep)
        note = (f"showing {shown.number_of_nodes():,} of {total:,} {what}"
                + (": " + "; ".join(notes) if notes else ""))
        return shown, note
