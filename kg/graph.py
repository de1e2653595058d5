"""Facts -> triples in the govnews-kg vocabulary, with stable IRIs and provenance.

One emitter (`article_triples`) writes the triples of one article; two sinks take them:
`to_graph` (an rdflib graph, for small graphs, SHACL and the tests) and `article_nquads`
(N-Quads text in the article's named graph, which the store loads in batches without any
Python object per triple).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple
from urllib.parse import quote, unquote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from .models import Evidence, Facts
from .script import simplified_probe
from .vocab import ID, KG, PROV

__all__ = ["to_graph", "new_graph", "bind_prefixes", "label_of", "person_iri", "project_iri",
           "article_triples", "article_nquads", "is_entity", "graph_iri", "jurisdiction", "person_key", "Lit"]


class Lit(NamedTuple):
    """A literal as the emitter writes it: lexical form, language tag or datatype IRI."""

    value: str
    lang: str | None = None
    datatype: str | None = None


def _slug(s: str) -> str:
    return quote(s, safe="")


def person_iri(name: str, place: str | None = None) -> URIRef:
    """A person is keyed by name and the jurisdiction the article speaks of (see README:
    identity of persons): id:person/<name>@<place>, or id:person/<name> when the article
    names no place."""
    return ID[f"person/{_slug(name)}" + (f"@{_slug(place)}" if place else "")]


def person_place(iri: str) -> str:
    """The jurisdiction a person's IRI is keyed by (id:person/<name>@<place>), or "".

    >>> person_place(str(person_iri("王艳", "川汇区"))), person_place(str(person_iri("王艳")))
    ('川汇区', '')
    """
    tail = unquote(iri.rsplit("/", 1)[-1])
    return tail.split("@", 1)[1] if "@" in tail else ""


# a title's own words are no place: 常务副县长 names none, 青石县常务副县长 names 青石县
_PLACE = re.compile(r"^(?!全国|中共|中央|国务院|常务|副|代理|执行|第一|党组|专职)"
                    r"([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|自治县|省|市|州|盟|县|旗|区|镇|乡|街道))"
                    r"(?=委|人大|政协|政府|纪委|监委|党|长|副|常务|代理|常委|人民|公安|法院|检察院|[\u4e00-\u9fff]{0,6}(?:局|办|部|厅))")
# a dateline: 新华社北京2月19日电, 本报周口7月3日讯, 本报讯（记者 …）川汇区… is not one
_DATELINE = re.compile(r"^(?:新华社|中新社|中新网|本报|人民网|央视网|新华网)?(?:记者)?([\u4e00-\u9fff]{2,6}?)\s*(?:\d{1,2}月)?\d{1,2}日(?:电|讯)")
_AGENCY_ONLY = {"新华社", "本报", "中新社", "人民网"}


def title_place(title: str) -> str | None:
    """The place a title names (川汇区委书记 -> 川汇区, 北京市委书记 -> 北京市), if any.

    >>> title_place("黔江区委副书记"), title_place("区委书记"), title_place("国务院副总理")
    ('黔江区', None, None)
    >>> title_place("常务副县长"), title_place("青石县常务副县长"), title_place("青石县代理县长")
    (None, '青石县', '青石县')
    """
    m = _PLACE.match(simplified_probe(title))  # 青石縣委書記 names 青石縣
    return title[m.start(1):m.end(1)] if m else None


def dateline_place(dateline: str) -> str | None:
    """The place of a dateline: 新华社北京2月19日电 -> 北京.

    >>> dateline_place("新华社北京2月19日电"), dateline_place("本报讯")
    ('北京', None)
    """
    dateline = dateline.strip()
    m = _DATELINE.match(simplified_probe(dateline))
    return dateline[m.start(1):m.end(1)] if m and m.group(1) not in _AGENCY_ONLY else None


def _own_places(facts: Facts) -> dict[str, str]:
    """name -> the place the person's own titles in this article give (the first one)."""
    out: dict[str, str] = {}
    for p in facts.persons:
        for t in p.titles:
            place = title_place(t)
            if place:
                out.setdefault(p.name, place)
                break
    return out


# a place that acts in a headline or lead: 川汇区召开…, 项城市委…, 周口市各单位…
_LEAD_PLACE = re.compile(r"(?:^|(?<=[\s，。、：:“（(日]))(?![全我本该])([\u4e00-\u9fff]{2,4}?(?:自治州|自治县|省|市|县|区|旗))"
                         r"(?=召开|举行|举办|委|政府|人大|政协|各|组织|开展|启动|印发|出台|党|领导|干部)")


def lead_place(text: str) -> str | None:
    """The first place that acts in a headline or lead.

    >>> lead_place("川汇区召开创建全国文明城市工作推进会"), lead_place("全市召开会议")
    ('川汇区', None)
    """
    m = _LEAD_PLACE.search(simplified_probe(text))
    return text[m.start(1):m.end(1)] if m else None


def jurisdiction(facts: Facts) -> str | None:
    """The jurisdiction the article speaks of, read from the article alone: the place its
    titles name most often (川汇区委书记 -> 川汇区; a tie goes to the first named), else the
    first place that acts in its headline (川汇区召开… -> 川汇区), else the place of
    its dateline (新华社北京2月19日电 -> 北京), else None."""
    places = [title_place(t) for p in facts.persons for t in p.titles]
    counts = Counter(x for x in places if x)
    if counts:
        top = max(counts.values())
        return next(x for x in places if x and counts[x] == top)
    a = facts.article
    return lead_place(f"{a.kicker} {a.headline} {a.subtitle}") or dateline_place(a.dateline or "")


def page_jurisdictions(all_facts: Iterable[Facts]) -> dict[str, str | None]:
    """source file -> the jurisdiction of the page: the one its articles name most (a tie
    goes to the first), for the articles that name none themselves."""
    by_source: dict[str, list[str]] = {}
    for f in all_facts:
        by_source.setdefault(f.article.source, [])
        j = jurisdiction(f)
        if j:
            by_source[f.article.source].append(j)
    out = {}
    for src, places in by_source.items():
        counts = Counter(places)
        out[src] = next((x for x in places if counts[x] == max(counts.values())), None)
    return out


def person_key(facts: Facts, page_place: str | None = None) -> dict[str, str | None]:
    """name -> place for every person the article names: the place of the person's own
    title, else the article's jurisdiction (see `jurisdiction`), else the page's."""
    own = _own_places(facts)
    default = jurisdiction(facts) or page_place
    names = {p.name for p in facts.persons} | set(facts.article.reporters) | set(facts.article.correspondents)
    names |= {n for e in facts.events for n in (*e.leaders, *e.attendees)}
    names |= {d.speaker for d in facts.directives if d.speaker} | {r.person for r in facts.responsibilities}
    return {n: own.get(n, default) for n in names}


def project_iri(name: str) -> URIRef:
    return ID[f"project/{_slug(name)}"]


def position_iri(title: str) -> URIRef:
    return ID[f"position/{_slug(title)}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds one article's triples in the store and in TriG."""
    return ID[f"graph/{article_id}"]


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


def prefixes() -> dict[str, str]:
    """The same prefixes as a plain dict (for pyoxigraph serialisers). Not id: the names of
    persons, projects and positions are percent-encoded, and Oxigraph would escape every %
    of them in a prefixed name; they read better as full IRIs."""
    out = {"kg": str(KG._NS), "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS),
           "xsd": str(XSD)}
    out.update({k: str(ID[f"{k}/"]) for k in _KINDS})
    return out


def new_graph() -> Graph:
    return bind_prefixes(Graph())


def label_of(g: Graph, node) -> str:
    """A node's rdfs:label, or the last part of its IRI."""
    return str(g.value(node, RDFS.label) or str(node).rsplit("/", 1)[-1])


_TYPE, _LABEL = str(RDF.type), str(RDFS.label)
_DATE, _MONTHDAY, _INT = str(XSD.date), str(XSD.gMonthDay), str(XSD.integer)
_K = {name: str(KG[name]) for name in KG.__annotations__}
_P = {name: str(PROV[name]) for name in ("Entity", "wasDerivedFrom")}


def _date(value: str) -> Lit:
    return Lit(value, datatype=_MONTHDAY if value.startswith("--") else _DATE)


def _zh(s: str) -> Lit:
    return Lit(s, "zh")


def _int(n: int) -> Lit:
    return Lit(str(n), datatype=_INT)


def article_triples(facts: Facts, page_place: str | None = None) -> Iterator[tuple[str, str, str | Lit]]:
    """The triples of one article: IRIs as str, literals as Lit. Everything an article's
    nodes use (names and types of persons, projects, positions) is repeated here, so each
    article's graph stands alone and replacing it leaves the others whole."""
    K = _K
    a = facts.article
    places = person_key(facts, page_place)
    art = f"{ID}article/{a.id}"
    yield art, _TYPE, K["Article"]
    yield art, _TYPE, _P["Entity"]
    if a.headline:
        yield art, _LABEL, _zh(a.headline)
        yield art, K["headline"], _zh(a.headline)
    if a.kicker:
        yield art, K["kicker"], _zh(a.kicker)
    if a.subtitle:
        yield art, K["subtitle"], _zh(a.subtitle)
    source = Lit(a.source)
    yield art, K["sourceFile"], source
    yield art, K["articleIndex"], _int(a.index)
    yield art, K["startOffset"], _int(a.start)
    yield art, K["endOffset"], _int(a.end)
    if a.page is not None:  # read from a PDF: its page, its rank there, the size of its headline
        yield art, K["page"], _int(a.page)
        yield art, K["sourcePage"], Lit(f"{a.source}#page={a.page}", datatype=str(XSD.anyURI))
        if a.prominence is not None:
            yield art, K["prominence"], _int(a.prominence)
        if a.headline_size:
            yield art, K["headlineSize"], Lit(f"{a.headline_size:g}", datatype=str(XSD.decimal))
    if a.url:
        yield art, K["sourceURL"], a.url
    named: set[str] = set()
    out: list = []
    add = out.append

    def person(name: str) -> str:
        p = str(person_iri(name, places.get(name)))
        if p not in named:
            named.add(p)
            add((p, _TYPE, K["Person"]))
            add((p, _LABEL, _zh(name)))
        return p

    def project(name: str) -> str:
        p = str(project_iri(name))
        if p not in named:
            named.add(p)
            add((p, _TYPE, K["Project"]))
            add((p, _LABEL, _zh(name)))
        return p

    def evidence(ev: Evidence) -> str:
        key = hashlib.sha1(f"{ev.article_id}|{ev.start}|{ev.end}".encode()).hexdigest()[:16]
        node = f"{ID}evidence/{key}"
        if node not in named:
            named.add(node)
            add((node, _TYPE, K["Evidence"]))
            add((node, _TYPE, _P["Entity"]))
            add((node, K["sentenceText"], _zh(ev.sentence)))
            add((node, K["sourceFile"], source))
            add((node, K["startOffset"], _int(ev.start)))
            add((node, K["endOffset"], _int(ev.end)))
            add((node, _P["wasDerivedFrom"], art))
        return node

    article_date = next((e.date for e in facts.events if e.date), None)
    for k, pr in enumerate(facts.persons, 1):
        p = person(pr.name)
        add((art, K["mentions"], p))  # so a person named in passing still belongs to the article
        for j, title in enumerate(pr.titles, 1):
            pos = str(position_iri(title))
            if pos not in named:
                named.add(pos)
                add((pos, _TYPE, K["Position"]))
                add((pos, _LABEL, _zh(title)))
            add((p, K["holds"], pos))
            obs = f"{ID}observation/{a.id}-p{k}-t{j}"
            add((obs, _TYPE, K["TitleObservation"]))
            add((obs, K["person"], p))
            add((obs, K["position"], pos))
            add((obs, K["observedIn"], art))
            if article_date:
                add((obs, K["date"], _date(article_date)))
            if pr.evidence:
                add((obs, K["evidence"], evidence(pr.evidence)))
    for name in a.reporters:
        add((art, K["reporter"], person(name)))
    for name in a.correspondents:
        add((art, K["correspondent"], person(name)))
    for e in facts.events:
        node = f"{ID}event/{e.id}"
        meeting = e.kind == "meeting"
        add((node, _TYPE, K["Event"]))
        add((node, _TYPE, K["Meeting"] if meeting else K["Inspection"]))
        add((node, _LABEL, _zh(e.name)))
        if e.date:
            add((node, K["date"], _date(e.date)))
        ev_node = evidence(e.evidence)

        def participation(k: int, name: str, role: str, evn: str, order: int | None = None) -> None:
            part = f"{ID}participation/{e.id}-{k}"
            add((part, _TYPE, K["Participation"]))
            add((part, K["person"], person(name)))
            add((part, K["event"], node))
            add((part, K["role"], Lit(role)))
            if order is not None:  # the place in the attendee list: official news lists by rank
                add((part, K["listOrder"], _int(order)))
            add((part, K["reportedIn"], art))
            add((part, K["evidence"], evn))

        first = 1
        for name in e.leaders:
            add((node, K["chairedBy"] if meeting else K["ledBy"], person(name)))
            participation(first, name, "chair" if meeting else "leader", ev_node)
            first += 1
        for order, (name, ev) in enumerate(zip(e.attendees, e.attendee_evidence), 1):
            add((node, K["attendee"], person(name)))
            participation(first + order - 1, name, "attendee", evidence(ev), order)
        for order, site in enumerate(e.sites, 1):
            s = project(site)
            add((node, K["site"], s))
            visit = f"{ID}visit/{e.id}-{order}"
            add((visit, _TYPE, K["SiteVisit"]))
            add((visit, K["event"], node))
            add((visit, K["siteOrder"], _int(order)))
            add((visit, K["project"], s))
            add((visit, K["reportedIn"], art))
        if e.trigger:
            add((node, K["trigger"], _zh(e.trigger)))
        add((node, K["reportedIn"], art))
        add((node, K["evidence"], ev_node))
    for d in facts.directives:
        node = f"{ID}directive/{d.id}"
        add((node, _TYPE, K["Directive"]))
        add((node, K["cue"], _zh(d.cue)))
        add((node, K["text"], _zh(d.text)))
        if d.speaker:
            add((node, K["speaker"], person(d.speaker)))
        if d.event_id:
            add((node, K["issuedAt"], f"{ID}event/{d.event_id}"))
        for p in d.projects:
            add((node, K["concerns"], project(p)))
        add((node, K["reportedIn"], art))
        add((node, K["evidence"], evidence(d.evidence)))
    for name in facts.projects:
        project(name)
    kind_of = {e.id: "event" for e in facts.events} | {d.id: "directive" for d in facts.directives}
    for k, rs in enumerate(facts.responsibilities, 1):
        p, pr = person(rs.person), project(rs.project)
        add((p, K["responsibleFor"], pr))
        r = f"{ID}responsibility/{a.id}-r{k}"
        add((r, _TYPE, K["Responsibility"]))
        add((r, K["person"], p))
        add((r, K["project"], pr))
        add((r, K["basis"], f"{ID}{kind_of[rs.basis]}/{rs.basis}"))
        add((r, K["reportedIn"], art))
        add((r, K["evidence"], evidence(rs.evidence)))
    yield from out


_ESC = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri(s: str) -> str:
    return f"<{_BAD_IRI.sub(lambda m: quote(m.group()), s)}>"


def _nt(o) -> str:
    if isinstance(o, Lit):
        text = '"' + o.value.translate(_ESC) + '"'
        if o.lang:
            return f"{text}@{o.lang}"
        return f"{text}^^<{o.datatype}>" if o.datatype else text
    return _iri(o)


_ENTITY_PREFIXES = tuple(f"{ID}{k}/" for k in ("person", "project", "position"))


def is_entity(iri: str) -> bool:
    """A node that many articles share (a person, project or position)."""
    return iri.startswith(_ENTITY_PREFIXES)


def article_nquads(facts: Facts, page_place: str | None = None) -> tuple[str, str]:
    """The article's triples as N-Quads, split in two:

    - its own records (articles, events, observations, evidence...) in its named graph
      (id:graph/<article>), which is what a rebuild replaces;
    - the triples about shared nodes (a person's type, name, positions held and projects
      they answer for; a project's or position's type and name) in the default graph,
      where each is stored once however many articles repeat it. A shared node that no
      record of the article points to (a project only named) keeps them in the article's
      graph instead, so that every default-graph triple is backed by a record (see
      store.py: garbage collection of shared nodes).

    The store's queries read the union of all graphs, which thus holds every triple once."""
    g = " " + _iri(str(graph_iri(facts.article.id))) + " .\n"
    seen = set()
    own: list[str] = []
    shared: list[tuple[str, str]] = []
    pointed: set[str] = set()
    for s, p, o in article_triples(facts, page_place):
        t = f"{_iri(s)} <{p}> {_nt(o)}"
        if t in seen:
            continue
        seen.add(t)
        if is_entity(s):
            shared.append((s, t))
        else:
            own.append(t + g)
            if not isinstance(o, Lit) and is_entity(o):
                pointed.add(o)
    default: list[str] = []
    for s, t in shared:
        if s in pointed:
            default.append(t + " .\n")
        else:
            own.append(t + g)
    return "".join(own), "".join(default)


def _term(o):
    if isinstance(o, Lit):
        return Literal(o.value, lang=o.lang, datatype=URIRef(o.datatype) if o.datatype else None)
    return URIRef(o)


def add_facts(g: Graph, facts: Facts, page_place: str | None = None) -> None:
    """Add the triples of one article's facts to an rdflib graph."""
    for s, p, o in article_triples(facts, page_place):
        g.add((URIRef(s), URIRef(p), _term(o)))


def to_graph(all_facts: Iterable[Facts]) -> Graph:
    all_facts = list(all_facts)
    pages = page_jurisdictions(all_facts)
    g = new_graph()
    for f in all_facts:
        add_facts(g, f, pages.get(f.article.source))
    return g
