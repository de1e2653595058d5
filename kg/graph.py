"""Facts -> an rdflib graph in the govnews-kg vocabulary, with stable IRIs and provenance."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from .models import Evidence, Facts
from .vocab import ID, KG, PROV

__all__ = ["to_graph", "new_graph", "person_iri", "project_iri"]


def _slug(s: str) -> str:
    return quote(s, safe="")


def person_iri(name: str) -> URIRef:
    """One node per name within a build (see README: identity of persons)."""
    return ID[f"person/{_slug(name)}"]


def project_iri(name: str) -> URIRef:
    return ID[f"project/{_slug(name)}"]


def position_iri(title: str) -> URIRef:
    return ID[f"position/{_slug(title)}"]


def new_graph() -> Graph:
    g = Graph()
    g.bind("kg", KG._NS)
    g.bind("id", ID)
    g.bind("prov", PROV)
    return g


def _date(value: str) -> Literal:
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    return Literal(value, datatype=XSD.date)


def _evidence(g: Graph, ev: Evidence, source: str, article: URIRef) -> URIRef:
    key = hashlib.sha1(f"{ev.article_id}|{ev.start}|{ev.end}".encode()).hexdigest()[:16]
    node = ID[f"evidence/{key}"]
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, KG.sentenceText, Literal(ev.sentence, lang="zh")))
    g.add((node, KG.sourceFile, Literal(source)))
    g.add((node, KG.startOffset, Literal(ev.start)))
    g.add((node, KG.endOffset, Literal(ev.end)))
    g.add((node, PROV.wasDerivedFrom, article))
    return node


def add_facts(g: Graph, facts: Facts) -> None:
    """Add the triples of one article's facts to g."""
    a = facts.article
    art = ID[f"article/{a.id}"]
    g.add((art, RDF.type, KG.Article))
    g.add((art, RDF.type, PROV.Entity))
    if a.headline:
        g.add((art, RDFS.label, Literal(a.headline, lang="zh")))
        g.add((art, KG.headline, Literal(a.headline, lang="zh")))
    if a.kicker:
        g.add((art, KG.kicker, Literal(a.kicker, lang="zh")))
    g.add((art, KG.sourceFile, Literal(a.source)))
    g.add((art, KG.articleIndex, Literal(a.index)))
    g.add((art, KG.startOffset, Literal(a.start)))
    g.add((art, KG.endOffset, Literal(a.end)))

    def person(name: str) -> URIRef:
        p = person_iri(name)
        g.add((p, RDF.type, KG.Person))
        g.add((p, RDFS.label, Literal(name, lang="zh")))
        return p

    def project(name: str) -> URIRef:
        p = project_iri(name)
        g.add((p, RDF.type, KG.Project))
        g.add((p, RDFS.label, Literal(name, lang="zh")))
        return p

    article_date = next((e.date for e in facts.events if e.date), None)
    for k, pr in enumerate(facts.persons, 1):
        p = person(pr.name)
        for j, title in enumerate(pr.titles, 1):
            pos = position_iri(title)
            g.add((pos, RDF.type, KG.Position))
            g.add((pos, RDFS.label, Literal(title, lang="zh")))
            g.add((p, KG.holds, pos))
            obs = ID[f"observation/{a.id}-p{k}-t{j}"]
            g.add((obs, RDF.type, KG.TitleObservation))
            g.add((obs, KG.person, p))
            g.add((obs, KG.position, pos))
            g.add((obs, KG.observedIn, art))
            if article_date:
                g.add((obs, KG.date, _date(article_date)))
            if pr.evidence:
                g.add((obs, KG.evidence, _evidence(g, pr.evidence, a.source, art)))
    for name in a.reporters:
        g.add((art, KG.reporter, person(name)))
    for name in a.correspondents:
        g.add((art, KG.correspondent, person(name)))
    for e in facts.events:
        node = ID[f"event/{e.id}"]
        g.add((node, RDF.type, KG.Event))
        g.add((node, RDF.type, KG.Meeting if e.kind == "meeting" else KG.Inspection))
        g.add((node, RDFS.label, Literal(e.name, lang="zh")))
        if e.date:
            g.add((node, KG.date, _date(e.date)))
        if e.chair:
            g.add((node, KG.chairedBy if e.kind == "meeting" else KG.ledBy, person(e.chair)))
        for name in e.attendees:
            g.add((node, KG.attendee, person(name)))
        for order, site in enumerate(e.sites, 1):
            s = project(site)
            g.add((node, KG.site, s))
            visit = ID[f"visit/{e.id}-{order}"]
            g.add((visit, KG.siteOrder, Literal(order)))
            g.add((visit, KG.project, s))
        if e.trigger:
            g.add((node, KG.trigger, Literal(e.trigger, lang="zh")))
        g.add((node, KG.reportedIn, art))
        g.add((node, KG.evidence, _evidence(g, e.evidence, a.source, art)))
    for d in facts.directives:
        node = ID[f"directive/{d.id}"]
        g.add((node, RDF.type, KG.Directive))
        g.add((node, KG.cue, Literal(d.cue, lang="zh")))
        g.add((node, KG.text, Literal(d.text, lang="zh")))
        if d.speaker:
            g.add((node, KG.speaker, person(d.speaker)))
        if d.event_id:
            g.add((node, KG.issuedAt, ID[f"event/{d.event_id}"]))
        for p in d.projects:
            g.add((node, KG.concerns, project(p)))
        g.add((node, KG.reportedIn, art))
        g.add((node, KG.evidence, _evidence(g, d.evidence, a.source, art)))
    for name in facts.projects:
        project(name)
    basis_of = {e.id: ("event", e.evidence) for e in facts.events}
    basis_of.update({d.id: ("directive", d.evidence) for d in facts.directives})
    for k, (who, what, basis) in enumerate(facts.responsibilities, 1):
        p, pr = person(who), project(what)
        g.add((p, KG.responsibleFor, pr))
        r = ID[f"responsibility/{a.id}-r{k}"]
        g.add((r, RDF.type, KG.Responsibility))
        g.add((r, KG.person, p))
        g.add((r, KG.project, pr))
        kind, ev = basis_of[basis]
        g.add((r, KG.basis, ID[f"{kind}/{basis}"]))
        g.add((r, KG.reportedIn, art))
        g.add((r, KG.evidence, _evidence(g, ev, a.source, art)))


def to_graph(all_facts: Iterable[Facts]) -> Graph:
    g = new_graph()
    for f in all_facts:
        add_facts(g, f)
    return g
