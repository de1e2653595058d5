"""One article -> facts: persons, events, directives, projects, responsibilities.

A pure function of the article (and the year to assume), so articles can be processed
in parallel or one at a time. The steps run in plain sight in :func:`extract`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from ..models import Article, Directive, Event, Evidence, Facts, Person, Responsibility
from .attendance import attach_people_and_sites
from .dates import dateline_date, page_date
from .directives import FoundDirective, find_directives
from .events import FoundEvent, current_event, find_events
from .persons import Mention
from .projects import projects_in, site_name
from .reader import Reader, sentence_start

__all__ = ["extract"]


def _at_venue(text: str, i: int) -> bool:
    """The sentence of the cue at i names a meeting as where it was said (在…会议上，王某说)."""
    return _venue_rx().search(text, sentence_start(text, i), i) is not None


@lru_cache(maxsize=1)
def _venue_rx() -> re.Pattern:
    return re.compile(f"在[^，。；：“”]{{0,40}}?(?:{lexicons.alternation('meeting_suffixes')})上")


def _said_at(ev: FoundEvent, d: FoundDirective, officials: set[str], lead_end: int, text: str) -> bool:
    """Whether a directive was made at the event in hand: the meeting itself (会议强调), one
    of its people, an official giving instructions (指出, 强调, 要求), or an official's remark
    at the meeting the article opens with when it is one where many speak (a press conference,
    a forum); a remark (说, 表示, 认为) by someone the event does not name is otherwise made
    elsewhere (a feature's interview)."""
    if d.someone and d.cue in ("说", "表示", "认为"):
        return False  # 一位老人说: a voice the reporter heard, not a speech at the event
    if d.speaker is None or d.speaker in ev.leaders or d.speaker in ev.attendees:
        return True
    if d.speaker not in officials:
        return False
    return d.cue not in ("说", "表示", "认为") or (ev.kind == "meeting" and _at_venue(text, d.start)) or (
        ev.kind == "meeting" and ev.start < lead_end and ev.many_speak)



# a sentence that opens inside a visit's span (调研期间, 督导中, 考察时)
_DURING_VISIT = re.compile(r"[”’\s]*(?:在)?(?:调研|督导|视察|考察|检查|督查|暗访|走访)(?:期间|中|过程中|时)，")


def _event_of(events: list[FoundEvent], d: FoundDirective, text: str) -> FoundEvent | None:
    """The event a directive was made at: the last one told before its cue; one told only
    after it when the two stand in one paragraph (“…。”在…会议上，王某说); none when the
    directive comes before every event in a paragraph of its own (an article that opens
    with what a body required, a feature's remark before the visit it tells of)."""
    ev = current_event(events, d.start)
    if ev is not None and _DURING_VISIT.match(text, sentence_start(text, d.start)):
        # 调研期间，王某到…参观，要求…: said on the visit, not at a meeting held on it
        visits = [e for e in events if e.kind == "inspection" and e.start <= d.start]
        return visits[-1] if visits else ev
    if ev is None or ev.start <= d.start:
        return ev
    para = text.rfind("\n", 0, d.start) + 1
    nl = text.find("\n", d.start)
    return ev if para <= ev.start < (len(text) if nl < 0 else nl) else None


def extract(article: Article, year: int | None = None,
            printed: tuple[int, int, int] | None = None) -> Facts:
    """All facts of one article. `year` is assumed where the text gives none; `printed`,
    the page's own date, gives the month of a bare day (6日) when no dateline does."""
    r = Reader(article)
    text = r.text
    dl = dateline_date(article.dateline)
    if dl[1] is None and printed:
        dl = printed
    own = page_date(article.body[:200])
    page_year = dl[0] or (own[0] if own else None) or year
    warnings: list[str] = []
    directives = find_directives(r)
    scan = find_events(r, directives, page_year, dl)
    attach_people_and_sites(scan)
    events = scan.events

    def evidence(s: int, e: int) -> Evidence:
        ss = sentence_start(text, s)
        se = e
        while se < len(text) and text[se - 1:se] not in ("。", "\n", "！", "？") and se - e < 300:
            se += 1
        src = article.source_span(ss, se)
        return Evidence(article.id, text[ss:se].strip(), src[0], src[1])

    ids = {id(e): f"{article.id}-e{k}" for k, e in enumerate(events, 1)}
    dir_records: list[Directive] = []
    dir_resp: list[Responsibility] = []
    officials = {m.name for m in r.mentions if m.titles}
    lead_end = text.find("\n") if "\n" in text else len(text)  # the first paragraph
    for d in directives:
        ev = _event_of(events, d, text)
        if ev and not _said_at(ev, d, officials, lead_end, text):
            ev = None
        said = text[d.text_start:d.text_end].strip()
        projects = tuple(projects_in(said))
        for speaker in (d.speaker, *d.co_speakers):
            did = f"{article.id}-d{len(dir_records) + 1}"
            dir_records.append(Directive(did, speaker, d.cue, said, ids.get(id(ev)) if ev else None,
                                         projects, evidence(d.start, d.text_start)))
            for p in projects if speaker else ():
                at = text.find(p, d.text_start, d.text_end)
                at = at if at >= 0 else d.start
                dir_resp.append(Responsibility(speaker, p, did, evidence(at, at + len(p))))
            if ev and speaker in officials:  # an official who spoke at an event was there
                ev.attend(speaker, d.start)
    ev_records: list[Event] = []
    resp: list[Responsibility] = []
    for e in events:
        named = [(site_name(s, sure), at) for s, sure, at in e.sites]
        sites = list(dict.fromkeys(n for n, _ in named if n))
        for leader in e.leaders if e.kind == "inspection" else ():
            for n in sites:
                at = next(a for x, a in named if x == n)
                resp.append(Responsibility(leader, n, ids[id(e)], evidence(at, at + 1)))
        ev_records.append(Event(ids[id(e)], e.kind, e.name, e.date, e.chair, tuple(e.attendees),
                                tuple(sites), evidence(e.sentence[0], e.sentence[1]), e.trigger,
                                tuple(evidence(at, at + 1) for at in e.attended_at), tuple(e.co_chairs)))
        if e.date and e.date.startswith("--"):
            warnings.append(f"{article.source}: no year for {e.date[2:]} in article {article.index}; "
                            "written as --MM-DD (give --year)")
    titles: dict[str, list[str]] = {}
    first: dict[str, Mention] = {}
    for m in r.mentions:
        titles.setdefault(m.name, [])
        first.setdefault(m.name, m)
        for t in m.titles:
            if t not in titles[m.name]:
                titles[m.name].append(t)
    for n in article.reporters + article.correspondents:
        titles.setdefault(n, [])
    persons = tuple(
        Person(n, tuple(ts), evidence(first[n].left, first[n].end) if n in first else None)
        for n, ts in titles.items()
    )
    projects = tuple(dict.fromkeys([s for e in ev_records for s in e.sites] +
                                   [p for d in dir_records for p in d.projects]))
    return Facts(article, persons, tuple(ev_records), tuple(dir_records), projects,
                 tuple(resp + dir_resp), tuple(warnings))
