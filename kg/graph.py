"""Facts -> an rdflib graph in the govnews-kg vocabulary, with stable IRIs and provenance."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from .models import Evidence, Facts
from .vocab import ID, KG, PROV

__all__ = ["to_graph", "new_graph", "bind_prefixes", "label_of", "person_iri", "project_iri"]


def _slug(s: str) -> str:
    return quote(s, safe="")


def person_iri(name: str, place: str | None = None) -> URIRef:
    """One node per name within a build; per name and place where the build holds the same
    name in different places (see README: identity of persons)."""
    return ID[f"person/{_slug(name)}" + (f"@{_slug(place)}" if place else "")]


_PLACE = re.compile(r"^(?!全国|中共|中央|国务院)([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|省|市|州|盟|县|旗|区|镇|乡|街道))"
                    r"(?=委|人大|政协|政府|纪委|监委|党|长|副|常委|人民|公安|法院|检察院|[\u4e00-\u9fff]{0,6}(?:局|办|部|厅))")


def title_place(title: str) -> str | None:
    """The place a title names (川汇区委书记 -> 川汇区, 北京市委书记 -> 北京市), if any.

    >>> title_place("黔江区委副书记"), title_place("区委书记"), title_place("国务院副总理")
    ('黔江区', None, None)
    """
    m = _PLACE.match(title)
    return m.group(1) if m else None


def _places(facts: Facts) -> dict[str, str]:
    """name -> the place the article's titles give the person (the first one)."""
    out: dict[str, str] = {}
    for p in facts.persons:
        for t in p.titles:
            place = title_place(t)
            if place:
                out.setdefault(p.name, place)
    return out


def project_iri(name: str) -> URIRef:
    return ID[f"project/{_slug(name)}"]


def position_iri(title: str) -> URIRef:
    return ID[f"position/{_slug(title)}"]


# a prefix for each kind of node keeps the Turtle short (event:chuanhui-2022-07-01-e1)
_KINDS = ("article", "directive", "event", "evidence", "observation", "participation",
          "responsibility", "visit")


def bind_prefixes(g: Graph) -> Graph:
    """The project's prefixes (kg, id, prov, and one per kind of node) on g."""
    g.bind("kg", KG._NS)
    g.bind("id", ID)
    g.bind("prov", PROV)
    for kind in _KINDS:
        g.bind(kind, ID[f"{kind}/"])
    return g


def new_graph() -> Graph:
    return bind_prefixes(Graph())


def label_of(g: Graph, node) -> str:
    """A node's rdfs:label, or the last part of its IRI."""
    return str(g.value(node, RDFS.label) or str(node).rsplit("/", 1)[-1])


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


def add_facts(g: Graph, facts: Facts, ambiguous: frozenset[str] = frozenset()) -> None:
    """Add the triples of one article's facts to g. Names in `ambiguous` are held by
    persons of different places in the build: they get a node per place."""
    a = facts.article
    places = _places(facts)
    art = ID[f"article/{a.id}"]
    g.add((art, RDF.type, KG.Article))
    g.add((art, RDF.type, PROV.Entity))
    if a.headline:
        g.add((art, RDFS.label, Literal(a.headline, lang="zh")))
        g.add((art, KG.headline, Literal(a.headline, lang="zh")))
    if a.kicker:
        g.add((art, KG.kicker, Literal(a.kicker, lang="zh")))
    if a.subtitle:
        g.add((art, KG.subtitle, Literal(a.subtitle, lang="zh")))
    g.add((art, KG.sourceFile, Literal(a.source)))
    g.add((art, KG.articleIndex, Literal(a.index)))
    g.add((art, KG.startOffset, Literal(a.start)))
    g.add((art, KG.endOffset, Literal(a.end)))

    def person(name: str) -> URIRef:
        p = person_iri(name, places.get(name) if name in ambiguous else None)
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
        g.add((art, KG.mentions, p))  # so a person named in passing still belongs to the article
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
        ev_node = _evidence(g, e.evidence, a.source, art)

        def participation(k: int, name: str, role: str, evn: URIRef, order: int | None = None) -> None:
            part = ID[f"participation/{e.id}-{k}"]
            g.add((part, RDF.type, KG.Participation))
            g.add((part, KG.person, person(name)))
            g.add((part, KG.event, node))
            g.add((part, KG.role, Literal(role)))
            if order is not None:  # the place in the attendee list: official news lists by rank
                g.add((part, KG.listOrder, Literal(order)))
            g.add((part, KG.reportedIn, art))
            g.add((part, KG.evidence, evn))

        first = 1
        for name in e.leaders:
            g.add((node, KG.chairedBy if e.kind == "meeting" else KG.ledBy, person(name)))
            participation(first, name, "chair" if e.kind == "meeting" else "leader", ev_node)
            first += 1
        for order, (name, ev) in enumerate(zip(e.attendees, e.attendee_evidence), 1):
            g.add((node, KG.attendee, person(name)))
            participation(first + order - 1, name, "attendee", _evidence(g, ev, a.source, art), order)
        for order, site in enumerate(e.sites, 1):
            s = project(site)
            g.add((node, KG.site, s))
            visit = ID[f"visit/{e.id}-{order}"]
            g.add((visit, RDF.type, KG.SiteVisit))
            g.add((visit, KG.event, node))
            g.add((visit, KG.siteOrder, Literal(order)))
            g.add((visit, KG.project, s))
            g.add((visit, KG.reportedIn, art))
        if e.trigger:
            g.add((node, KG.trigger, Literal(e.trigger, lang="zh")))
        g.add((node, KG.reportedIn, art))
        g.add((node, KG.evidence, ev_node))
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
    kind_of = {e.id: "event" for e in facts.events} | {d.id: "directive" for d in facts.directives}
    for k, rs in enumerate(facts.responsibilities, 1):
        p, pr = person(rs.person), project(rs.project)
        g.add((p, KG.responsibleFor, pr))
        r = ID[f"responsibility/{a.id}-r{k}"]
        g.add((r, RDF.type, KG.Responsibility))
        g.add((r, KG.person, p))
        g.add((r, KG.project, pr))
        g.add((r, KG.basis, ID[f"{kind_of[rs.basis]}/{rs.basis}"]))
        g.add((r, KG.reportedIn, art))
        g.add((r, KG.evidence, _evidence(g, rs.evidence, a.source, art)))


def ambiguous_names(all_facts: Iterable[Facts]) -> frozenset[str]:
    """Names that titles place in two or more different places within the build."""
    seen: dict[str, set[str]] = {}
    for f in all_facts:
        for name, place in _places(f).items():
            seen.setdefault(name, set()).add(place)
    return frozenset(n for n, ps in seen.items() if len(ps) > 1)


def to_graph(all_facts: Iterable[Facts]) -> Graph:
    all_facts = list(all_facts)
    ambiguous = ambiguous_names(all_facts)
    g = new_graph()
    for f in all_facts:
        add_facts(g, f, ambiguous)
    return g
