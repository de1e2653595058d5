"""Co-attendance and responsibility networks, built from the RDF graph, and their metrics."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx
from rdflib import RDF, RDFS, Graph

from .graph import label_of
from .vocab import KG

__all__ = ["co_attendance", "responsibility", "report_tables", "NETWORKS", "EXACT_BETWEENNESS_MAX", "SEED"]

SEED = 42
# Exact betweenness is O(n·m); above this many nodes it is estimated from a sample of
# BETWEENNESS_SAMPLE source nodes (seeded, so the output stays the same for the same input).
EXACT_BETWEENNESS_MAX = 1000
BETWEENNESS_SAMPLE = 300
SEP = " | "  # GraphML holds scalars only: lists are joined with this


def _event_people(g: Graph):
    """(event, label, date, [(person, role)], {attendee: place in the list}) for each event,
    people in list order."""
    for e in sorted(set(g.subjects(RDF.type, KG.Meeting)) | set(g.subjects(RDF.type, KG.Inspection))):
        people = [(p, "chair") for p in g.objects(e, KG.chairedBy)] + [(p, "leader") for p in g.objects(e, KG.ledBy)]
        order = {}
        for part in g.subjects(KG.event, e):
            o = g.value(part, KG.listOrder)
            if o is not None:
                order[g.value(part, KG.person)] = int(o)
        attendees = sorted(g.objects(e, KG.attendee), key=lambda p: (order.get(p, 10**6), str(p)))
        people += [(p, "attendee") for p in attendees if p not in {x for x, _ in people}]
        yield e, label_of(g, e), str(g.value(e, KG.date) or ""), people, order


def _centralities(net: nx.Graph) -> None:
    """degree, weighted degree, betweenness, eigenvector centrality and community (Louvain)."""
    if net.number_of_nodes() == 0:
        return
    k = None if net.number_of_nodes() <= EXACT_BETWEENNESS_MAX else BETWEENNESS_SAMPLE
    btw = nx.betweenness_centrality(net, k=k, seed=SEED, weight=None)
    try:
        eig = nx.eigenvector_centrality(net, max_iter=2000, tol=1e-8, weight="weight")
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


def co_attendance(g: Graph) -> nx.Graph:
    """Persons as nodes; an edge when two took part (chair, leader or attendee) in the same
    event, `weight` the number of such events, `events` their labels. Node metrics: events
    chaired / led / attended, directives issued, centralities, community and protocol rank
    (mean place in attendee lists; official news lists people by rank)."""
    net = nx.Graph()
    counts: dict = defaultdict(lambda: defaultdict(int))
    places: dict = defaultdict(list)
    for e, label, date, people, order in _event_people(g):
        for p, role in people:
            counts[p][role] += 1
            if p in order:
                places[p].append(order[p])
        for u, v in combinations(sorted({str(p) for p, _ in people}), 2):
            if net.has_edge(u, v):
                net[u][v]["weight"] += 1
                net[u][v]["events"] += SEP + label
                net[u][v]["dates"] += SEP + date
            else:
                net.add_edge(u, v, weight=1, events=label, dates=date)
    for p in sorted(set(g.subjects(RDF.type, KG.Person))):
        if p not in counts:
            continue
        titles = sorted({str(t) for t in g.objects(p, KG.holds / RDFS.label)})
        net.add_node(
            str(p), label=label_of(g, p), kind="person", titles="、".join(titles),
            chaired=counts[p]["chair"], led=counts[p]["leader"], attended=counts[p]["attendee"],
            directives=len(set(g.subjects(KG.speaker, p))),
        )
        if places[p]:
            net.nodes[str(p)]["protocol_rank"] = round(sum(places[p]) / len(places[p]), 3)
    _centralities(net)
    return net


def responsibility(g: Graph) -> nx.Graph:
    """Persons and projects as nodes; an edge for each way a person is tied to a project
    (led-an-inspection-of, issued-a-directive-on, chaired-a-meeting-that-decided), with the
    sentences that name the project. Projects carry how often they were visited and named."""
    net = nx.Graph()
    links: dict = defaultdict(lambda: {"relations": set(), "evidence": set(), "count": 0})

    def link(person, project, relation: str, ev) -> None:
        x = links[(person, project)]
        x["relations"].add(relation)
        x["count"] += 1
        text = g.value(ev, KG.sentenceText) if ev is not None else None
        if text:
            x["evidence"].add(str(text))

    for r in g.subjects(RDF.type, KG.Responsibility):
        person, project, basis, ev = (g.value(r, KG.person), g.value(r, KG.project),
                                      g.value(r, KG.basis), g.value(r, KG.evidence))
        if (basis, RDF.type, KG.Directive) in g:
            link(person, project, "issued-a-directive-on", ev)
            event = g.value(basis, KG.issuedAt)
            chair = g.value(event, KG.chairedBy) if event is not None else None
            if chair is not None and chair != person:
                link(chair, project, "chaired-a-meeting-that-decided", ev)
        else:
            link(person, project, "led-an-inspection-of", ev)
    visits = {p: len(set(g.subjects(KG.site, p))) for p in g.subjects(RDF.type, KG.Project)}
    named = {p: len(set(g.subjects(KG.concerns, p))) for p in g.subjects(RDF.type, KG.Project)}
    for (p, q), x in sorted(links.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        for n, kind in ((p, "person"), (q, "project")):
            if str(n) not in net:
                net.add_node(str(n), label=label_of(g, n), kind=kind)
        net.add_edge(str(p), str(q), weight=x["count"], relations=SEP.join(sorted(x["relations"])),
                     evidence=SEP.join(sorted(x["evidence"])))
    for n, d in net.nodes(data=True):
        if d["kind"] == "project":
            node = next(q for (_, q) in links if str(q) == n)
            d["visits"] = visits.get(node, 0)
            d["named"] = named.get(node, 0)
            d["responsible"] = "、".join(sorted(net.nodes[m]["label"] for m in net[n]))
    _centralities(net)
    return net


NETWORKS = {"co-attendance": co_attendance, "responsibility": responsibility}


def report_tables(g: Graph, co: nx.Graph, resp: nx.Graph) -> tuple[list[list], list[list], list[list]]:
    """Rows for the report: people ranked (weighted degree, then protocol rank), events by
    date with chair and attendees, projects with the persons responsible."""
    people = sorted(
        ([d["label"], d.get("titles", ""), d["chaired"], d["led"], d["attended"], d["directives"],
          d["weighted_degree"], d.get("protocol_rank", ""), d["community"]] for _, d in co.nodes(data=True)),
        key=lambda r: (-r[6], r[7] if r[7] != "" else 1e9, r[0]))
    events = []
    for e, label, date, members, _ in _event_people(g):
        kind = "meeting" if (e, RDF.type, KG.Meeting) in g else "inspection"
        chair = "、".join(label_of(g, p) for p, role in members if role in ("chair", "leader"))
        att = "、".join(label_of(g, p) for p, role in members if role == "attendee")
        events.append([date, kind, label, chair, att])
    events.sort(key=lambda r: (r[0] or "9999", r[2]))
    projects = sorted(
        ([d["label"], d.get("responsible", ""), d.get("visits", 0), d.get("named", 0)]
         for _, d in resp.nodes(data=True) if d.get("kind") == "project"),
        key=lambda r: (-(r[2] + r[3]), r[0]))
    return people, events, projects
