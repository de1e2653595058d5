"""The sentences behind what a view draws and what the report lists, for the page's evidence
panel: fetched from the graph or store by SPARQL (rows, `analysis.iter_select`), only for the
nodes, edges and table rows actually shown, capped per node and edge so that a page stays
bounded at corpus scale, and written as JSON that is safe inside a <script> element.

The JSON a page embeds (`Evidence.payload`):

    {"labels":    [what an item is evidence of, ...],
     "articles":  [[headline, date, source file, PDF page (kg:sourcePage), URL (kg:sourceURL)], ...],
     "sentences": [[text, article index, start offset, end offset], ...],
     "views": {view name: {"nodes": {node id: ENTRY}, "edges": {"FROM\\tTO": ENTRY}}},
     "rows": {table: [ENTRY | null]}}
    ENTRY = {"title": str, "items": [[label index, date, [sentence index, ...]], ...], "more": int}

A view page embeds its own view; the report embeds both views and its tables' rows once,
and the views in its frames read them from it. `more` counts the items left out by the cap. Labels, articles and sentences are listed once
(sorted; articles in IRI order, sentences in article and offset order), so the same graph
gives the same bytes.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from .analysis import select_for

__all__ = ["NODE_CAP", "EDGE_CAP", "SENTENCE_CAP", "ROLE_NAMES", "Evidence", "view_evidence",
           "report_evidence", "script_json"]

NODE_CAP = 20      # facts listed for a node or a table row ("and N more" for the rest)
EDGE_CAP = 10      # events (co-attendance) or records (responsibility) listed for an edge
SENTENCE_CAP = 4   # sentences listed for one fact

# what a sentence is evidence of, in Chinese and English
ROLE_NAMES = {
    "title": "职务 title", "chair": "主持 chaired", "leader": "带队 led", "attendee": "参加 attended",
    "directive": "讲话 said at", "said-by": "讲话 directive by", "responsible": "负责 responsible",
    "visit": "考察 visited", "named": "提及 named in a directive by", "event": "事件 event",
    "led-an-inspection-of": "带队考察 led an inspection of",
    "issued-a-directive-on": "讲话提及 issued a directive on",
    "chaired-a-meeting-that-decided": "主持会议 chaired the meeting that decided",
}
_ROLE_ORDER = {k: i for i, k in enumerate(ROLE_NAMES)}

# Each kind of fact is its own query: the VALUES block, then the triples every row needs
# (from the bound nodes on), then the OPTIONALs and BINDs. Oxigraph evaluates a UNION, or a
# pattern after an OPTIONAL or a BIND, on its own before joining it: with the whole store
# that is minutes on 10^4 articles, from the bound nodes milliseconds. Every query gives
# the same columns.
_COLUMNS = "SELECT ?n ?x ?kind ?what ?date ?e ?ev ?art ?start WHERE {\n  VALUES ?n { %s }\n"
_SPAN = "\n  ?ev kg:startOffset ?start ; prov:wasDerivedFrom ?art .\n"


def _facts_queries(*parts: tuple[str, str]) -> tuple[str, ...]:
    return tuple(_COLUMNS + required + _SPAN + optional + "\n}" for required, optional in parts)


# facts about persons: title observations, participations (chair, leader, attendee), directives
PERSON_FACTS = _facts_queries(
    ("  ?x kg:person ?n . ?x a kg:TitleObservation ; kg:evidence ?ev ; kg:position/rdfs:label ?what .",
     '  OPTIONAL { ?x kg:date ?date } BIND("title" AS ?kind)'),
    ("  ?x kg:person ?n . ?x a kg:Participation ; kg:event ?e ; kg:role ?kind ; kg:evidence ?ev .",
     "  OPTIONAL { ?e rdfs:label ?what } OPTIONAL { ?e kg:date ?date }"),
    ("  ?x kg:speaker ?n . ?x a kg:Directive ; kg:evidence ?ev .",
     '  OPTIONAL { ?x kg:issuedAt ?at . OPTIONAL { ?at rdfs:label ?what } OPTIONAL { ?at kg:date ?date } }\n'
     '  BIND("directive" AS ?kind)'),
)
# facts about projects: who is responsible, the inspections that visited it, directives naming it
PROJECT_FACTS = _facts_queries(
    ("  ?x kg:project ?n . ?x a kg:Responsibility ; kg:evidence ?ev ; kg:person/rdfs:label ?what .",
     '  BIND("responsible" AS ?kind)'),
    ("  ?x kg:project ?n . ?x a kg:SiteVisit ; kg:event ?e . ?e kg:evidence ?ev .",
     '  OPTIONAL { ?e rdfs:label ?what } OPTIONAL { ?e kg:date ?date } BIND("visit" AS ?kind)'),
    ("  ?x kg:concerns ?n . ?x a kg:Directive ; kg:evidence ?ev .",
     '  OPTIONAL { ?x kg:speaker/rdfs:label ?what } OPTIONAL { ?x kg:issuedAt/kg:date ?date } BIND("named" AS ?kind)'),
)
# facts about events: the event's own sentence, who took part, what was said there
EVENT_FACTS = _facts_queries(
    ("  ?n kg:evidence ?ev .",
     '  OPTIONAL { ?n rdfs:label ?what } OPTIONAL { ?n kg:date ?date } BIND(?n AS ?x) BIND("event" AS ?kind)'),
    ("  ?x kg:event ?n . ?x a kg:Participation ; kg:role ?kind ; kg:evidence ?ev ; kg:person/rdfs:label ?what .",
     "  OPTIONAL { ?n kg:date ?date }"),
    ("  ?x kg:issuedAt ?n . ?x a kg:Directive ; kg:evidence ?ev .",
     '  OPTIONAL { ?x kg:speaker/rdfs:label ?what } OPTIONAL { ?n kg:date ?date } BIND("said-by" AS ?kind)'),
)
EVENT_EVIDENCE = """SELECT ?e ?ev ?art ?start WHERE {
  VALUES ?e { %s } ?e kg:evidence ?ev . ?ev kg:startOffset ?start ; prov:wasDerivedFrom ?art .
}"""
# the records behind kg:responsibleFor, as analysis.responsibility reads them
RESPONSIBILITY_FACTS = """SELECT ?q ?r ?person ?isdir ?chair ?ev ?art ?start WHERE {
  VALUES ?q { %s }
  ?r kg:project ?q . ?r a kg:Responsibility ; kg:person ?person ; kg:basis ?b ; kg:evidence ?ev .
  ?ev kg:startOffset ?start ; prov:wasDerivedFrom ?art .
  OPTIONAL { ?b a kg:Directive . BIND("true" AS ?isdir) }
  OPTIONAL { ?b kg:issuedAt/kg:chairedBy ?chair }
}"""
SENTENCES = """SELECT ?ev ?text ?file ?start ?end ?art WHERE {
  VALUES ?ev { %s }
  ?ev kg:sentenceText ?text ; kg:startOffset ?start ; kg:endOffset ?end ; prov:wasDerivedFrom ?art .
  OPTIONAL { ?ev kg:sourceFile ?file }
}"""
ARTICLES = """SELECT ?art ?headline ?file ?page ?url WHERE {
  VALUES ?art { %s } ?art a kg:Article .
  OPTIONAL { ?art kg:headline ?headline } OPTIONAL { ?art kg:sourceFile ?file }
  OPTIONAL { ?art kg:sourcePage ?page } OPTIONAL { ?art kg:sourceURL ?url }
}"""
# an article's date: the earliest date of the events it reports
ARTICLE_DATES = """SELECT ?art (MIN(STR(?d)) AS ?date) WHERE {
  VALUES ?art { %s } ?e kg:reportedIn ?art . ?e a kg:Event ; kg:date ?d .
} GROUP BY ?art"""


_PROV = "PREFIX prov: <http://www.w3.org/ns/prov#>\n"


def _rows(src, query: str, iris) -> list[tuple]:
    """The rows of `query` (its VALUES block to fill) for `iris`, in blocks (select_for)."""
    return select_for(src, _PROV + query, iris)


@dataclass(frozen=True)
class Fact:
    """One fact with the sentence it was read from."""

    kind: str
    what: str
    date: str
    ev: str
    art: str
    start: int
    event: str | None = None


@dataclass
class Entry:
    """What the panel shows for one node, edge or row: a title and the facts behind it,
    at most `cap` items; `by_event` lists one item per event (a co-attendance edge)."""

    title: str
    facts: list[Fact] = field(default_factory=list)
    cap: int = NODE_CAP
    by_event: bool = False


def _in_range(date: str, date_from: str | None, date_to: str | None) -> bool:
    if not (date_from or date_to):
        return True
    return len(date) == 10 and not (date_from and date < date_from) and not (date_to and date > date_to)


class Evidence:
    """Evidence for the nodes, edges and table rows of one page, and the JSON it embeds."""

    def __init__(self, src):
        self.src = src
        self.views: dict[str, tuple[dict[str, Entry], dict[tuple[str, str], Entry]]] = {}  # nodes, edges
        self.rows: dict[str, list[Entry | None]] = {}
        self._article_dates: dict[str, str] = {}  # article -> the date of its earliest event
        self._arts: set[str] = set()  # articles whose date was looked up

    # --- facts -----------------------------------------------------------------------
    def facts(self, queries: tuple[str, ...], iris, date_from: str | None = None,
              date_to: str | None = None) -> dict[str, list[Fact]]:
        """iri -> its facts (one per record and sentence), as `queries` read them, dated by
        the fact, else by its article; with a date range, only the facts dated in it."""
        raw = [row for q in queries for row in _rows(self.src, q, iris)]
        self._dates({r[7] for r in raw})
        out: dict[str, set] = defaultdict(set)
        for n, _x, kind, what, date, e, ev, art, start in raw:
            date = date or self._article_dates.get(art, "")
            if _in_range(date, date_from, date_to):
                out[n].add(Fact(kind, what or "", date, ev, art, int(start), e))
        return {n: sorted(fs, key=_fact_order) for n, fs in out.items()}

    def _dates(self, arts) -> None:
        """Look up the dates of the articles not looked up yet."""
        todo = set(arts) - self._arts
        self._arts |= todo
        for art, date in _rows(self.src, ARTICLE_DATES, todo):
            if date:
                self._article_dates[art] = date

    # --- the page's JSON ---------------------------------------------------------------
    def payload(self, node_ids: dict[str, dict[str, str]] | None = None) -> dict:
        """The JSON-ready evidence of the page; `node_ids` maps a view's name to the ids
        the view gives its nodes (by IRI; edges are keyed "FROM\\tTO" by those ids)."""
        node_ids = node_ids or {}
        entries = [*(e for nodes, edges in self.views.values() for e in (*nodes.values(), *edges.values())),
                   *(e for rows in self.rows.values() for e in rows if e is not None)]
        items_of = {id(e): _items(e) for e in entries}
        used = {ev for e in entries for _, _, evs in items_of[id(e)][0] for ev in evs}
        sentences = {}
        for ev, text, file, start, end, art in _rows(self.src, SENTENCES, used):
            sentences[ev] = (art, int(start), int(end), text, file or "")
        order = sorted(sentences, key=lambda ev: (sentences[ev][0], sentences[ev][1], sentences[ev][2], ev))
        s_index = {ev: i for i, ev in enumerate(order)}
        arts = sorted({sentences[ev][0] for ev in order})
        a_index = {a: i for i, a in enumerate(arts)}
        self._dates(arts)
        meta = {}
        for art, headline, file, page, url in _rows(self.src, ARTICLES, arts):
            meta[art] = [headline or "", self._article_dates.get(art, ""), file or "", page or "", url or ""]

        # what an item is evidence of repeats (an event's name on every edge of those at it):
        # each is written once
        labels = sorted({what for e in entries for what, _, _ in items_of[id(e)][0]})
        l_index = {w: i for i, w in enumerate(labels)}

        def entry(e: Entry) -> dict:
            items, more = items_of[id(e)]
            return {"title": e.title, "more": more,
                    "items": [[l_index[what], date, [s_index[ev] for ev in evs if ev in s_index]]
                              for what, date, evs in items]}

        out = {
            "labels": labels,
            "articles": [meta.get(a, ["", self._article_dates.get(a, ""), "", "", ""]) for a in arts],
            "sentences": [[sentences[ev][3], a_index[sentences[ev][0]], sentences[ev][1], sentences[ev][2]]
                          for ev in order],
            "views": {name: {"nodes": {ids.get(n, n): entry(e) for n, e in nodes.items()},
                             "edges": {f"{ids.get(u, u)}\t{ids.get(v, v)}": entry(e) for (u, v), e in edges.items()}}
                      for name, (nodes, edges), ids in ((k, x, node_ids.get(k, {})) for k, x in self.views.items())},
            "rows": {name: [None if e is None else entry(e) for e in rows] for name, rows in self.rows.items()},
        }
        # sentences no file names: where the evidence node lacks kg:sourceFile, the article's
        for s, ev in zip(out["sentences"], order):
            if not out["articles"][s[1]][2]:
                out["articles"][s[1]][2] = sentences[ev][4]
        return out


def _fact_order(f: Fact):
    return (f.date or "~", f.art, f.start, _ROLE_ORDER.get(f.kind, 99), f.kind, f.what, f.ev)


def _items(e: Entry) -> tuple[list[tuple[str, str, list[str]]], int]:
    """An entry's items, (what, date, [evidence]), capped; and how many were left out.

    Facts read from one sentence are one item ("参加 attended: 王艳、李嫣"); an event's
    facts (a co-attendance edge) are one item per event, listing its sentences."""
    if e.by_event:
        groups: dict[str, list[Fact]] = defaultdict(list)
        for f in e.facts:
            groups[f.event].append(f)
        items = []
        for fs in groups.values():
            # the event's own sentence first, then those naming the two, in the text's order
            evs = list(dict.fromkeys(f.ev for f in sorted(fs, key=lambda f: (f.kind != "event", f.art, f.start, f.ev))))
            items.append((fs[0].what, fs[0].date, evs[:SENTENCE_CAP], min(_fact_order(f) for f in fs)))
        items.sort(key=lambda x: x[3])
        items = [x[:3] for x in items]
    else:
        by_sentence: dict[str, list[Fact]] = defaultdict(list)
        for f in e.facts:
            by_sentence[f.ev].append(f)
        items = []
        for ev, fs in by_sentence.items():
            kinds: dict[str, list[str]] = defaultdict(list)
            for f in sorted(fs, key=_fact_order):
                if f.what not in kinds[f.kind]:
                    kinds[f.kind].append(f.what)
            what = "; ".join(ROLE_NAMES.get(k, k) + (": " + "、".join(w for w in ws if w) if any(ws) else "")
                             for k, ws in sorted(kinds.items(), key=lambda kv: (_ROLE_ORDER.get(kv[0], 99), kv[0])))
            first = min(fs, key=_fact_order)
            items.append((_fact_order(first), what, first.date, [ev]))
        items.sort(key=lambda x: x[0])
        items = [x[1:] for x in items]
    return items[:e.cap], max(0, len(items) - e.cap)


def _label(net: nx.Graph, n: str) -> str:
    return net.nodes[n].get("label", n.rsplit("/", 1)[-1])


def view_evidence(src, net: nx.Graph, name: str, date_from: str | None = None,
                  date_to: str | None = None, into: Evidence | None = None) -> Evidence:
    """The evidence of the nodes and edges of a drawn network `name` (co-attendance or
    responsibility), read from `src`: a person's titles, participations and directives; a
    project's responsibilities, visits and the directives naming it; a co-attendance edge's
    events with their sentences; a responsibility edge's records. The date range is that
    of the view (co-attendance only, as for the network itself). The view is added to
    `into` (the report's evidence) when given."""
    ev = into if into is not None else Evidence(src)
    nodes: dict[str, Entry] = {}
    ev.views[name] = (nodes, {})
    if name != "co-attendance":
        date_from = date_to = None
    persons = sorted(n for n, d in net.nodes(data=True) if d.get("kind", "person") == "person")
    projects = sorted(n for n, d in net.nodes(data=True) if d.get("kind") == "project")
    pf = ev.facts(PERSON_FACTS, persons, date_from, date_to) if persons else {}
    qf = ev.facts(PROJECT_FACTS, projects) if projects else {}
    for n in sorted(net):
        nodes[n] = Entry(_label(net, n), pf.get(n) or qf.get(n) or [])
    if name == "co-attendance":
        _co_attendance_edges(ev, ev.views[name][1], net, pf)
    else:
        _responsibility_edges(ev, ev.views[name][1], net, projects)
    return ev


def _co_attendance_edges(ev: Evidence, out: dict, net: nx.Graph, pf: dict[str, list[Fact]]) -> None:
    """An edge: the events both took part in, each with its own sentence and the sentences
    naming either of the two there."""
    took_part: dict[str, dict[str, list[Fact]]] = {}
    for n, facts in pf.items():
        by_event: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            if f.event is not None and f.kind in ("chair", "leader", "attendee"):
                by_event[f.event].append(f)
        took_part[n] = by_event
    common = {(u, v): sorted(set(took_part.get(u, {})) & set(took_part.get(v, {})))
              for u, v in (sorted(e) for e in net.edges())}
    events = sorted({e for es in common.values() for e in es})
    own: dict[str, list[tuple]] = defaultdict(list)
    for e, evn, art, start in _rows(ev.src, EVENT_EVIDENCE, events):
        own[e].append((evn, art, int(start)))
    for (u, v), es in sorted(common.items()):
        facts = []
        for e in es:
            first = took_part[u][e][0]
            for evn, art, start in own.get(e, []):
                facts.append(Fact("event", first.what, first.date, evn, art, start, e))
            for f in took_part[u][e] + took_part[v][e]:
                facts.append(Fact(f.kind, first.what, first.date, f.ev, f.art, f.start, e))
        out[(u, v)] = Entry(f"{_label(net, u)} — {_label(net, v)}", facts, EDGE_CAP, by_event=True)


def _responsibility_edges(ev: Evidence, out: dict, net: nx.Graph, projects: list[str]) -> None:
    """An edge: the responsibility records behind it, with their sentences (the same
    reading of the records as analysis.responsibility)."""
    facts: dict[tuple[str, str], set] = defaultdict(set)
    rows = _rows(ev.src, RESPONSIBILITY_FACTS, projects)
    ev._dates({r[6] for r in rows})
    for q, r, person, isdir, chair, evn, art, start in rows:
        date = ev._article_dates.get(art, "")
        if isdir in ("true", "1"):
            facts[(person, q)].add(Fact("issued-a-directive-on", "", date, evn, art, int(start), r))
            if chair is not None and chair != person:
                facts[(chair, q)].add(Fact("chaired-a-meeting-that-decided", "", date, evn, art, int(start), r))
        else:
            facts[(person, q)].add(Fact("led-an-inspection-of", "", date, evn, art, int(start), r))
    for u, v in sorted(tuple(sorted(e)) for e in net.edges()):
        fs = facts.get((u, v)) or facts.get((v, u)) or set()
        out[(u, v)] = Entry(f"{_label(net, u)} — {_label(net, v)}", sorted(fs, key=_fact_order), EDGE_CAP)


TABLE_FACTS = {"people": PERSON_FACTS, "events": EVENT_FACTS, "projects": PROJECT_FACTS}


def report_evidence(src, tables: dict[str, list[tuple[str | None, str]]], date_from: str | None = None,
                    date_to: str | None = None) -> Evidence:
    """The evidence of the report's table rows: `tables` maps "people", "events" or
    "projects" to the rows' (IRI, title), IRI None for a row with no evidence. The date
    range is the report's (it applies to people, as in their counts)."""
    ev = Evidence(src)
    for name, rows in sorted(tables.items()):
        wanted = [x for x, _ in rows if x]
        rng = (date_from, date_to) if name == "people" else (None, None)
        facts = ev.facts(TABLE_FACTS[name], wanted, *rng) if wanted else {}
        ev.rows[name] = [None if x is None else Entry(title, facts.get(x, [])) for x, title in rows]
    return ev


def script_json(data) -> str:
    """JSON for a <script type="application/json"> element: sorted keys, and every "<"
    (and the line separators U+2028/9) written as a JSON escape, so no "</script>" or "<!--"
    in a sentence can end or change the script, and the page is the same bytes each time."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
