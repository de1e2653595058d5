"""Careers and protocol rank over time, computed from rows the store answers (never a whole
graph in memory): each person's posts as intervals and the steps between them, and each
person's monthly place in attendee lists, with the articles behind every figure."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from .analysis import iter_select, select_for
from .graph import person_place, title_place
from .lexicons import load
from .script import simplified_probe

__all__ = ["Post", "Step", "Career", "careers", "post_ranks", "general_title", "rank_of",
           "step_kind", "RankPoint", "rank_series", "top_ranked", "sparql_string", "UnknownPerson"]


class UnknownPerson(ValueError):
    """A person asked for by name that no record names: one line."""


def sparql_string(s: str) -> str:
    """A SPARQL string literal of s (json's escapes are SPARQL's for these characters)."""
    return json.dumps(s, ensure_ascii=False)


@lru_cache(maxsize=None)
def post_ranks() -> dict[str, int]:
    """kg/lexicons/post_ranks.txt: general title -> rank (higher is more senior)."""
    out = {}
    for entry in load("post_ranks"):
        title, rank = entry.split("\t")
        out[title] = int(rank)
    return out


# after a place, these keep the place's last character: 川汇区委书记 -> 区委书记, 川汇区长 -> 区长
_KEEPS_LEVEL = ("委", "长", "人大", "政协", "政府", "党")


def general_title(title: str) -> tuple[str, str | None]:
    """A title without its place, and the place: 川汇区委书记 -> (区委书记, 川汇区),
    周口市副市长 -> (副市长, 周口市), 副县长 -> (副县长, None)."""
    place = title_place(title)
    if not place:
        return title, None
    rest = title[len(place):]
    return (place[-1] + rest if simplified_probe(rest).startswith(_KEEPS_LEVEL) else rest), place


def rank_of(title: str) -> int | None:
    """The rank of a title from post_ranks.txt (its general form), or None."""
    general, _ = general_title(title)
    ranks = post_ranks()
    rank = ranks.get(general, ranks.get(title))
    if rank is None and simplified_probe(general) != general:  # 區委書記 ranks as 区委书记
        rank = ranks.get(simplified_probe(general))
    return rank


@dataclass
class Post:
    """A post as an interval: the first and last date a person was seen with it, where, and
    in how many articles."""

    title: str  # the general form (区委书记), or the title as written when it has no place
    place: str
    rank: int | None
    first: str
    last: str
    articles: list[str] = field(default_factory=list)  # article IRIs, in date order


@dataclass
class Step:
    """A change of a person's principal post between two dated articles."""

    before: Post
    after: Post
    date_before: str  # the last date seen in the old post before the change
    date_after: str  # the first date seen in the new one
    kind: str  # promotion, demotion, lateral, transfer or change (a post with no rank)
    article_before: str
    article_after: str


@dataclass
class Career:
    person: str  # IRI
    name: str
    place: str  # the jurisdiction the person is keyed by
    posts: list[Post]
    steps: list[Step]


def step_kind(a: Post, b: Post) -> str:
    """promotion, demotion, lateral (the same rank), transfer (another place) or change (a
    post with no rank)."""
    if a.place and b.place and a.place != b.place:
        return "transfer"
    if a.rank is None or b.rank is None:
        return "change"
    return "promotion" if b.rank > a.rank else "demotion" if b.rank < a.rank else "lateral"


def _obs_query(person: str | None) -> str:
    flt = f"FILTER(STR(?name) = {sparql_string(person)})" if person else ""
    return f"""SELECT ?p ?name ?title ?date ?a WHERE {{
  ?o a kg:TitleObservation ; kg:person ?p ; kg:position/rdfs:label ?title ; kg:observedIn ?a ; kg:date ?date .
  ?p rdfs:label ?name . {flt}
}}"""


def careers(src, person: str | None = None, place: str | None = None, date_from: str | None = None,
            date_to: str | None = None) -> list[Career]:
    """Each person's posts and career steps from the dated title observations (undated ones,
    and dates with no year, cannot be ordered and are left out). The principal post in an
    article is its highest-ranked title (the first in title order when none is ranked); a
    change of principal post from one dated article to the next is a step. Posts are keyed
    by general title and place (the title's own place, else the person's jurisdiction).
    `person` keeps one name (an UnknownPerson when no dated title names it), `place` the
    persons keyed by a place containing it, `date_from`/`date_to` the observations in range.
    Sorted by name, then IRI."""
    by_person: dict[str, dict] = defaultdict(dict)  # person -> article -> (date, {titles})
    names: dict[str, str] = {}
    for p, name, title, date, a in iter_select(src, _obs_query(person)):
        if len(date) != 10 or (date_from and date < date_from) or (date_to and date > date_to):
            continue
        if place and place not in person_place(p):
            continue
        names[p] = name
        by_person[p].setdefault(a, (date, set()))[1].add(title)
    if person and not by_person:
        raise UnknownPerson(f"--param person={person}: no dated title names this person")
    out = []
    for p in sorted(by_person, key=lambda x: (names[x], x)):
        home = person_place(p)
        posts: dict[tuple, Post] = {}
        by_date: dict[str, tuple] = {}  # date -> (principal post, its first article)
        for a, (date, titles) in sorted(by_person[p].items(), key=lambda x: (x[1][0], x[0])):
            for t in sorted(titles):
                general, own = general_title(t)
                key = (general, own or home)
                post = posts.get(key)
                if post is None:
                    post = posts[key] = Post(general, own or home, rank_of(t), date, date)
                post.last = max(post.last, date)
                if not post.articles or post.articles[-1] != a:  # articles come in date order
                    post.articles.append(a)
                best = by_date.get(date)
                if best is None or (post.rank or 0) > (best[0].rank or 0):
                    by_date[date] = (post, a)
        seq = sorted(by_date.items())
        steps = [Step(p0, p1, d0, d1, step_kind(p0, p1), a0, a1)
                 for (d0, (p0, a0)), (d1, (p1, a1)) in zip(seq, seq[1:]) if p1 is not p0]
        ordered = sorted(posts.values(), key=lambda x: (x.first, x.last, -(x.rank or 0), x.title))
        out.append(Career(p, names[p], home, ordered, steps))
    return out


# --- protocol rank over time ----------------------------------------------------------------
_ORDER_ROWS = """SELECT ?p ?order ?date WHERE {
  ?part kg:listOrder ?order ; kg:person ?p ; kg:event ?e .
  ?e kg:date ?date .
}"""


@dataclass
class RankPoint:
    """A person's mean place in attendee lists in one month, and the lists behind it."""

    month: str  # YYYY-MM
    rank: float
    lists: int
    evidence: list[tuple] = field(default_factory=list)  # (date, headline, order, sentence, source, start, end)


def _month_counts(src, date_from, date_to, place=None):
    sums: dict = defaultdict(lambda: [0, 0])  # (person, month) -> [sum of places, lists]
    for p, order, date in iter_select(src, _ORDER_ROWS):
        if len(date) != 10 or (date_from and date < date_from) or (date_to and date > date_to):
            continue
        if place and place not in person_place(p):
            continue
        x = sums[(p, date[:7])]
        x[0] += int(order)
        x[1] += 1
    return sums


def top_ranked(sums: dict, n: int) -> list[str]:
    """The n persons seen in the most attendee lists (then the better mean place, then IRI)."""
    lists: dict = defaultdict(lambda: [0, 0])
    for (p, _), (s, k) in sums.items():
        lists[p][0] += k
        lists[p][1] += s
    return sorted(lists, key=lambda p: (-lists[p][0], lists[p][1] / lists[p][0], p))[:n]


_RANK_EVIDENCE = """SELECT ?p ?order ?date ?headline ?sentence ?source ?start ?end WHERE {
  VALUES ?p { %s }
  ?part kg:listOrder ?order ; kg:person ?p ; kg:event ?e ; kg:reportedIn ?a .
  ?e kg:date ?date .
  OPTIONAL { ?a kg:headline ?headline }
  OPTIONAL { ?part kg:evidence ?ev . ?ev kg:sentenceText ?sentence ; kg:sourceFile ?source ;
               kg:startOffset ?start ; kg:endOffset ?end }
}"""


def rank_series(src, top: int = 8, persons: list[str] | None = None, date_from: str | None = None,
                date_to: str | None = None, place: str | None = None) -> tuple[dict[str, str], dict[str, list[RankPoint]]]:
    """Monthly protocol rank: for the `top` persons seen in the most attendee lists (or the
    given person IRIs), their mean place (kg:listOrder, 1 the most senior) by month, each
    point with the lists behind it; events dated from `date_from` to `date_to`, persons keyed
    by a place containing `place`. Returns ({person: name}, {person: points by month})."""
    sums = _month_counts(src, date_from, date_to, place)
    chosen = persons if persons is not None else top_ranked(sums, top)
    if not chosen:
        return {}, {}
    evidence: dict = defaultdict(list)
    for p, order, date, headline, sentence, source, start, end in select_for(src, _RANK_EVIDENCE, chosen):
        if len(date) != 10 or (date_from and date < date_from) or (date_to and date > date_to):
            continue
        evidence[(p, date[:7])].append((date, headline or "", int(order), sentence or "", source or "",
                                        int(start) if start else None, int(end) if end else None))
    names = {}
    for p, name in select_for(src, "SELECT ?p ?name WHERE { VALUES ?p { %s } ?p rdfs:label ?name }", chosen):
        names[p] = name
    by_p: dict = defaultdict(list)
    for (q, month), (s, k) in sums.items():
        by_p[q].append((month, s, k))
    series = {p: [RankPoint(month, round(s / k, 3), k, sorted(set(evidence[(p, month)])))
                  for month, s, k in sorted(by_p[p])] for p in chosen}
    return {p: names.get(p, p.rsplit("/", 1)[-1]) for p in chosen}, series
