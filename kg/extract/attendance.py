"""Attendance and sites: who was present at the event in hand (出席, 参加, 陪同 …), and the
places an inspection visits, in order."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from ..models import Article
from ..segment import sentences
from .dates import resolve
from .events import Scan, current_event
from .projects import clean_project, is_project_name, site_name, sites_after, sites_listed
from .reader import NARRATIVE, Reader, clause_start, clauses, lexicon_rx, quoted_spans

__all__ = ["attach_people_and_sites"]


def _topic_before(a: Article, i: int) -> str | None:
    """The place a paragraph opens with, as in 礼嘉智慧公园是…体验区。(…来到这里)."""
    start = a.body.rfind("\n", 0, i) + 1
    m = re.match(r"([^，。；：！？]{2,40}?)(?:是|位于|始建于|成立于)", a.body[start:i])
    return m.group(1) if m and is_project_name(m.group(1)) else None


@lru_cache(maxsize=1)
def _attend_rx() -> re.Pattern:
    # 到会 alone (李明华到会通报情况) too, but not a place reached (来到会场, 回到会议室, 到会上)
    return re.compile(f"{lexicon_rx('attend_verbs').pattern}|(?<![来回赶走带送])到会(?![场议上室])")


def attach_people_and_sites(scan: Scan) -> None:
    """Attendees (出席, 参加, 陪同, 发言 …) to the event in hand; the places an inspection
    visits, in order."""
    r, in_directive, text, events = scan.r, scan.in_directive, scan.r.text, scan.events
    if not events:
        return
    attend = _attend_rx()
    lead_end = text.find("\n") if "\n" in text else len(text)  # the first paragraph
    speech = lexicon_rx("speech_verbs")
    for sent in sentences(r.a):
        s0, s1 = sent.start, sent.end
        if in_directive(s0) and not NARRATIVE.match(text[s0:s1]):
            continue
        verbs = [(m, False) for m in attend.finditer(text, s0, s1)] + [(m, True) for m in speech.finditer(text, s0, s1)]
        for m, spoken in verbs:
            own = text[clause_start(text, m.start()):m.start()]
            if re.match(r"(?:精神|稿|要求)", text[m.end():]) or (spoken and re.search(r"学习|贯彻|落实|的$", own)):
                continue  # 学习…重要讲话精神: someone's words, not someone present
            ev = current_event(events, m.start())
            if ev is None:
                continue
            named = _events_named(events, text, m.start(), m.end())
            after = re.match(r"[^，。；]{0,6}?的(?:领导|同志|人员|县领导|市领导|区领导)?(?:还)?有[，：:]?", text[m.end():s1])
            if after:  # 出席会议的还有A、B: the names come after
                lo, hi = m.end(), s1
            else:
                lo, hi = _attendee_span(r, s0, m.start()), m.start()
            quoted = quoted_spans(text, lo, hi)
            for x in r.mentions:
                if lo <= x.start < hi and not any(s <= x.start < e for s, e in quoted):
                    for e in named or [ev]:
                        e.attend(x.name, x.start)
        for m in _BRIEFED.finditer(text, s0, s1):
            # 省长某某介绍，…: at a press conference or a forum the article opens with, an
            # official who briefs is one of those who speak there
            ev = current_event(events, m.start())
            x = next((x for x in r.mentions if x.end == m.start() and x.titles), None)
            if ev and x and ev.many_speak and ev.start < lead_end and clause_start(text, x.left) == x.left - (
                    1 if text[x.left - 1:x.left] in "”’" else 0):
                ev.attend(x.name, x.start)
        # the sites of the inspection in hand, also after a meeting held during it (座谈)
        ev = current_event([e for e in events if e.kind == "inspection"], s1 - 1)
        if ev and ev.start >= s1 and "\n" in text[s0:ev.start]:
            ev = None  # a visit told only in a later paragraph went to none of these places
        if ev:
            listing = False  # the clause before ended inside a list of sites
            for cs, ce in clauses(text, s0, s1):
                if in_directive(cs) and not NARRATIVE.match(text[s0:s1]):
                    continue
                who = r.subject_name(cs + 1) if ce > cs else None
                here = ev
                if who is not None and who not in ev.leaders and who not in ev.attendees:
                    # A、B分别带队赴X、Y…。A在X察看了…: the visit A leads, told before
                    own = [e for e in events if e.kind == "inspection" and e.start < ce and who in e.leaders]
                    if not own:
                        continue
                    here = own[-1]
                if _HELD_THERE.search(text, cs, ce) and not lexicon_rx("inspection_verbs").search(text, cs, ce):
                    continue  # 到某村召开现场会: the place of a meeting, not of the visit in hand
                visits = sites_after(text[cs:ce])
                found = [(x, sure) for x, sure in visits if x in _HERE or site_name(x, sure)]
                if not found and not visits and (listing or text[cs] == "在"):
                    # 先后视察了A，B，C和D等地 / 在A公司和B厂，X了解…: a list of places alone
                    found = sites_listed(text[cs:ce].removeprefix("在"))
                at_site = _AT_SITE.search(text, cs, ce)
                if not found and at_site:  # X在鹿鸣高新区调研时强调: the place of the visit
                    found = sites_listed(at_site.group("p"))
                topic = _TOPIC_WORKS.search(text, cs, ce)
                if not found and topic and (name := site_name(clean_project(topic.group("p")), True)):
                    found = [(name, True)]  # 就某某制造项目进展情况进行调研: the works the visit is about
                listing = bool(found) and not re.search(r"等(?:地|处|单位|企业|项目)?(?:调研|考察|视察|检查|察看|查看)?$", text[cs:ce])
                for site, shared in found:
                    if site in _HERE:  # X是…。Y来到这里
                        site, shared = _topic_before(r.a, s0), False
                    if site and site not in [x for x, _, _ in here.sites]:
                        here.sites.append((site, shared, cs))
                if (visits or found) and here.date is None:
                    # an inspection with no day takes the first day its itinerary gives
                    ds = [d for d in scan.dates if s0 <= d.start < s1 and not d.vague]
                    if ds:
                        here.date = resolve(ds[0], scan.year, scan.dateline)


# what an attendance verb may name as its object: the kinds of event (陪同调研, 参加调研和座谈)
_KIND = r"(?:调研|考察|视察|检查|督导|督查|巡查|巡河|走访|看望|慰问|暗访|座谈会|座谈|会议|会见|会谈|接访)"
# kinds joined, or written together (参加走访慰问)
_KINDS = re.compile(f"(?:了)?({_KIND}(?:(?:和|及|并|、|与)?{_KIND})*)(?=[，。；！？、\n]|$)")
_MEETING_KINDS = ("座谈会", "座谈", "会议", "会见", "会谈", "接访")


def _events_named(events: list, text: str, verb: int, end: int) -> list:
    """The events an attendance verb names by kind (参加调研和座谈: the visit told last and the
    meeting told last, each before the verb); empty when it names none, or none is told."""
    m = _KINDS.match(text, end)
    if not m:
        return []
    before = [e for e in events if e.start < verb]
    out = []
    for word in re.findall(_KIND, m.group(1)):
        kind = "meeting" if word in _MEETING_KINDS else "inspection"
        of_kind = [e for e in before if e.kind == kind]
        if of_kind and of_kind[-1] not in out:
            out.append(of_kind[-1])
    return out


_HELD_THERE = re.compile(r"召开")
# 就/围绕X项目(的)进展情况进行调研: a project named as what the visit looks into
_TOPIC_WORKS = re.compile(r"(?:^|(?<=[，。；]))(?:就|围绕|对)(?P<p>[^，。；、]{3,30}?项目)(?:的)?(?:建设|推进|施工)?(?:进展|进度|建设|推进)?(?:情况)?"
                          r"(?:进行|开展)(?:了)?(?:实地|现场)?(?:调研|考察|视察|督导|督查|检查)")
_BRIEFED = re.compile(r"(?:还|并|也)?介绍(?:说)?[，：:]")
_HERE = ("这里", "这儿", "此")
# 在P调研/考察/察看…: P is where the visit went
_AT_SITE = re.compile(r"在(?P<p>[^，。；在]{2,30}?)(?:实地|深入)?(?:调研|考察|视察|督导|检查|走访|察看|查看)")


def _attendee_span(r: Reader, s0: int, verb: int) -> int:
    """Where the list of people before an attendance verb starts: the verb's clause, and
    the clauses before it in the sentence that end in a name or a word for people
    (区长胡友涛，区领导李嫣、陈某等出席; 各督导组组长，…参加): not a person merely named
    earlier in the sentence (贯彻落实市长某某的指示精神，…参加会议)."""
    start = clause_start(r.text, verb)
    ends = {m.end for m in r.mentions}
    while start > s0:
        prev = clause_start(r.text, start - 1)
        if start - 1 not in ends and not _people_word_rx().search(r.text, prev, start - 1):
            break
        start = prev
    return start


@lru_cache(maxsize=1)
def _people_word_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('title_heads', 'group_words', 'role_words')}|成员|人员|干部|等)$")

