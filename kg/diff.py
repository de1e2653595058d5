"""Compare two periods of a corpus: who appears only in one, whose protocol rank or chaired
and led events rose or fell, co-attendance edges new or gone, projects newly named (or no
longer). Counted in Python from rows the store answers, as the networks are."""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from .analysis import PERSON_ROWS, event_people, induced, iter_select
from .graph import person_place

__all__ = ["Period", "PeriodStats", "Comparison", "compare", "diff_rows", "format_rows", "diff_network",
           "DIFF_COLOURS", "SECTIONS", "parse_periods"]

SECTIONS = {
    "only-first": "persons only in the first period (events taken part in)",
    "only-second": "persons only in the second period (events taken part in)",
    "rank": "protocol rank changed (mean place in attendee lists; lower is more senior)",
    "chaired-led": "events chaired or led changed",
    "edge-new": "co-attendance edges new in the second period",
    "edge-gone": "co-attendance edges gone in the second period",
    "project-new": "projects newly named in the second period",
    "project-gone": "projects named in the first period only",
}
HEADER = ["section", "item", "place", "first", "second", "change"]
# for render.network_html(status_colours=…): status -> (colour, what the legend says)
DIFF_COLOURS = {"new": ("#2ca02c", "green: new in the second period"),
                "gone": ("#d62728", "red: gone (first period only)"),
                "kept": ("#9aa5b1", "grey: in both")}


@dataclass(frozen=True)
class Period:
    start: str  # ISO date, inclusive
    end: str

    def __contains__(self, date: str) -> bool:
        return len(date) == 10 and self.start <= date <= self.end

    def __str__(self) -> str:
        return f"{self.start} to {self.end}"


def parse_periods(text: str) -> tuple[Period, Period]:
    """`FROM:TO,FROM:TO` (ISO dates) as two periods; ValueError with a one-line message."""
    import datetime

    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or any(p.count(":") != 1 for p in parts):
        raise ValueError(f"--compare {text}: write two periods as FROM:TO,FROM:TO (YYYY-MM-DD)")
    out = []
    for p in parts:
        a, b = p.split(":")
        try:
            a, b = datetime.date.fromisoformat(a).isoformat(), datetime.date.fromisoformat(b).isoformat()
        except ValueError:
            raise ValueError(f"--compare {text}: {p}: write a date as YYYY-MM-DD") from None
        if a > b:
            raise ValueError(f"--compare {text}: {p}: the period ends before it starts")
        out.append(Period(a, b))
    return out[0], out[1]


@dataclass
class PeriodStats:
    persons: set = field(default_factory=set)
    events: dict = field(default_factory=lambda: defaultdict(int))  # events taken part in
    led: dict = field(default_factory=lambda: defaultdict(int))  # events chaired or led
    places: dict = field(default_factory=lambda: defaultdict(list))  # places in attendee lists
    edges: dict = field(default_factory=lambda: defaultdict(int))  # (u, v) -> shared events
    projects: set = field(default_factory=set)

    def rank(self, p: str) -> float | None:
        xs = self.places.get(p)
        return round(sum(xs) / len(xs), 3) if xs else None


@dataclass
class Comparison:
    first: Period
    second: Period
    a: PeriodStats
    b: PeriodStats
    names: dict[str, str]
    project_names: dict[str, str]


# projects named on a date: sites of dated events, and those a directive names (dated by the
# event it was said at, else by the article's events)
_PROJECT_ROWS = """SELECT DISTINCT ?q ?label ?date WHERE {
  { ?e kg:site ?q ; kg:date ?date . }
  UNION
  { ?d kg:concerns ?q . ?d kg:issuedAt/kg:date ?date . }
  UNION
  { ?d kg:concerns ?q ; kg:reportedIn ?a . FILTER NOT EXISTS { ?d kg:issuedAt ?x }
    ?e kg:reportedIn ?a ; kg:date ?date . }
  OPTIONAL { ?q rdfs:label ?label }
}"""


def compare(src, first: Period, second: Period) -> Comparison:
    """Both periods' persons, events chaired or led, places in attendee lists, co-attendance
    edges and projects named, from one pass over the (event, person) rows."""
    a, b = PeriodStats(), PeriodStats()
    for _e, _kind, _label, date, people, order in event_people(src):
        for stats, period in ((a, first), (b, second)):
            if date not in period:
                continue
            members = sorted({p for p, _ in people})
            stats.persons.update(members)
            for p in members:
                stats.events[p] += 1
            for p, role in people:
                if role in ("chair", "leader"):
                    stats.led[p] += 1
            for p, k in order.items():
                stats.places[p].append(k)
            for u, v in combinations(members, 2):
                stats.edges[(u, v)] += 1
    projects = {}
    for q, label, date in iter_select(src, _PROJECT_ROWS):
        projects[q] = label or q.rsplit("/", 1)[-1]
        for stats, period in ((a, first), (b, second)):
            if date in period:
                stats.projects.add(q)
    wanted = a.persons | b.persons
    names = {p: n for p, n in iter_select(src, PERSON_ROWS) if p in wanted}
    return Comparison(first, second, a, b, names, projects)


def _fmt(x) -> str:
    if x is None:
        return ""
    return f"{x:g}" if isinstance(x, float) else str(x)


def diff_rows(c: Comparison) -> list[list[str]]:
    """[section, item, place, first, second, change] rows, sections in SECTIONS order, each
    sorted by the size of the change, then by name: deterministic for the same store."""
    name = lambda p: c.names.get(p) or p.rsplit("/", 1)[-1]  # noqa: E731
    rows: list[list[str]] = []
    for sec, only, other, stats in (("only-first", c.a.persons - c.b.persons, "gone", c.a),
                                    ("only-second", c.b.persons - c.a.persons, "new", c.b)):
        for p in sorted(only, key=lambda p: (-stats.events[p], name(p), p)):
            n = stats.events[p]
            first, second = (n, "") if sec == "only-first" else ("", n)
            rows.append([sec, name(p), person_place(p), _fmt(first), _fmt(second), other])
    both = c.a.persons & c.b.persons
    ranked = []
    for p in both:
        ra, rb = c.a.rank(p), c.b.rank(p)
        if ra is not None and rb is not None and ra != rb:
            ranked.append((p, ra, rb))
    for p, ra, rb in sorted(ranked, key=lambda x: (-abs(x[2] - x[1]), name(x[0]), x[0])):
        change = f"rose {ra - rb:g}" if rb < ra else f"fell {rb - ra:g}"
        rows.append(["rank", name(p), person_place(p), _fmt(ra), _fmt(rb), change])
    led = [(p, c.a.led.get(p, 0), c.b.led.get(p, 0)) for p in both]
    for p, la, lb in sorted((x for x in led if x[1] != x[2]), key=lambda x: (-abs(x[2] - x[1]), name(x[0]), x[0])):
        rows.append(["chaired-led", name(p), person_place(p), str(la), str(lb), f"{lb - la:+d}"])
    for sec, edges, other, tag in (("edge-new", c.b.edges, c.a.edges, "new"), ("edge-gone", c.a.edges, c.b.edges, "gone")):
        picked = [(e, w) for e, w in edges.items() if e not in other]
        for (u, v), w in sorted(picked, key=lambda x: (-x[1], *sorted((name(x[0][0]), name(x[0][1]))), x[0])):
            x, y = sorted((u, v), key=lambda p: (name(p), p))
            places = "、".join(dict.fromkeys(pl for pl in (person_place(x), person_place(y)) if pl))
            first, second = ("", str(w)) if tag == "new" else (str(w), "")
            rows.append([sec, f"{name(x)} — {name(y)}", places, first, second, tag])
    for sec, mine, other, tag in (("project-new", c.b.projects, c.a.projects, "new"),
                                  ("project-gone", c.a.projects, c.b.projects, "gone")):
        for q in sorted(mine - other, key=lambda q: (c.project_names[q], q)):
            rows.append([sec, c.project_names[q], "", "" if tag == "new" else "named", "named" if tag == "new" else "", tag])
    return rows


def format_rows(rows: list[list[str]], fmt: str, c: Comparison) -> str:
    """csv: one header and every row; table: one aligned table per section, with a count."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
        return buf.getvalue()
    from .query import _table

    out = [f"first period: {c.first}; second period: {c.second}"]
    for sec, title in SECTIONS.items():
        mine = [r[1:] for r in rows if r[0] == sec]
        out.append(f"\n{sec}: {title}")
        out.append(_table(HEADER[1:], mine) if mine else "(none)")
    return "\n".join(out) + "\n"


def diff_network(c: Comparison, top: int | None = 300) -> tuple[nx.Graph, str]:
    """The co-attendance network of both periods, each node and edge with `status` new (in
    the second period only), gone (in the first only) or kept; drawn: what changed (new and
    gone nodes and edges and the ends of these edges), the `top` of them by degree."""
    net = nx.Graph()
    name = lambda p: c.names.get(p) or p.rsplit("/", 1)[-1]  # noqa: E731
    for p in sorted(c.a.persons | c.b.persons):
        status = "kept" if p in c.a.persons and p in c.b.persons else "new" if p in c.b.persons else "gone"
        # the tooltip's fields, as first period → second period
        net.add_node(p, label=name(p), kind="person", status=status,
                     chaired=f"{c.a.led.get(p, 0)} → {c.b.led.get(p, 0)} (chaired or led)",
                     attended=f"{c.a.events.get(p, 0)} → {c.b.events.get(p, 0)} (events)",
                     protocol_rank=" → ".join(_fmt(r) or "–" for r in (c.a.rank(p), c.b.rank(p))))
    for e in sorted(set(c.a.edges) | set(c.b.edges)):
        wa, wb = c.a.edges.get(e, 0), c.b.edges.get(e, 0)
        status = "kept" if wa and wb else "new" if wb else "gone"
        net.add_edge(*e, weight=max(wa, wb), status=status, events=f"first period: {wa} | second period: {wb}")
    changed = {n for n, d in net.nodes(data=True) if d["status"] != "kept"}
    changed |= {x for u, v, d in net.edges(data=True) if d["status"] != "kept" for x in (u, v)}
    total = net.number_of_nodes()
    keep = changed
    notes = [f"first period {c.first}, second period {c.second}", "persons and edges that changed"]
    if top and len(keep) > top:
        keep = set(sorted(keep, key=lambda n: (-net.degree(n), n))[:top])
        notes.append(f"top {top} by degree")
    shown = induced(net, keep)
    for n, d in shown.nodes(data=True):  # network_html sizes nodes by eigenvector: here, by degree shown
        d["degree"] = shown.degree(n)
        d["eigenvector"] = float(shown.degree(n))
    return shown, f"showing {shown.number_of_nodes():,} of {total:,} persons: " + "; ".join(notes)
