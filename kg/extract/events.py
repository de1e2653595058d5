"""Events: meetings (召开, 举行, 主持) and inspections (调研, 督导, 视察 …), with dates and chairs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..models import Article
from ..normalize import CJK
from ..segment import sentences
from .dates import dateline_date, find_dates, in_context, resolve
from .directives import FoundDirective
from .reader import (
    CLAUSE,
    LEAD_IN,
    NARRATIVE,
    Reader,
    clause_start,
    co_subjects,
    lexicon_rx,
)

__all__ = ["FoundEvent", "Scan", "find_events", "current_event"]


@dataclass
class FoundEvent:
    kind: str
    name: str
    start: int
    date: str | None
    chair: str | None
    trigger: str
    sentence: tuple[int, int]
    attendees: list[str] = field(default_factory=list)
    attended_at: list[int] = field(default_factory=list)  # where each attendee was read
    sites: list[tuple[str, bool, int]] = field(default_factory=list)  # (name, sure, where)
    co_chairs: list[str] = field(default_factory=list)  # further chairs or leaders

    @property
    def leaders(self) -> list[str]:
        """The chair (or leader) and the co-chairs, in the order written."""
        return ([self.chair] if self.chair else []) + self.co_chairs

    @property
    def many_speak(self) -> bool:
        """A meeting where many speak: a press conference, a forum (发布会, 论坛), deputies
        deliberating a report (代表们审议…报告)."""
        return self.kind == "meeting" and (
            self.trigger == "审议" or lexicon_rx("forum_meetings").search(self.name) is not None)

    def lead(self, name: str) -> None:
        """Another chair or leader of the same event (A，B带领…; A、B等领导调研)."""
        if self.chair is None:
            self.chair = name
        elif name != self.chair and name not in self.co_chairs:
            self.co_chairs.append(name)
        if name in self.attendees:
            k = self.attendees.index(name)
            del self.attendees[k], self.attended_at[k]

    def attend(self, name: str, at: int) -> None:
        if name != self.chair and name not in self.co_chairs and name not in self.attendees:
            self.attendees.append(name)
            self.attended_at.append(at)



@lru_cache(maxsize=1)
def _meeting_rxs() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """召开X会 (after 主持 or not), X会(日期)(在…)召开/举行 closing its clause, and
    出席/参加X会 (a meeting named where someone attends it)."""
    # 会 ends a meeting's name, but not in 会场, 会见, 会谈, 会同, 会商
    sfx = f"(?:{lexicons.alternation('meeting_suffixes')})(?![场见谈同商员长所址堂])"
    # 主持召开X会 / 召开X会 / 主持X会 (市长某某主持市政府常务会议); a meeting the clause goes
    # on to make the subject of what it decided or said (召开的X会议明确/强调…)
    convened = re.compile(
        f"(?:(?P<host>主持)(?:召开|举行|举办|(?!的))|(?:召开|举行|举办))(?:了)?"
        f"(?P<np>[^，。；：！？]{{0,50}}?(?:{sfx})(?:[^，。；：！？]{{0,30}}(?:{sfx}))?)"
        f"(?=[，。；：、并]|$|暨|和|上|时|明确|决定|审议|通过|指出|强调|要求|提出|认为)")
    held = re.compile(
        f"(?:^|[，。])(?:[^，。；]{{0,12}}?[日午晚]，?)?(?P<np>[^，。；：！？]{{2,50}}(?:{sfx}))"
        f"(?P<mid>[^，。；]{{0,20}}?)(?:隆重|正式|顺利)?(?P<verb>召开|举行|举办|开幕|开班|开训)(?=[，。；！？\n]|$)")
    attended = re.compile(f"(?:出席|参加|列席)(?:了)?(?P<np>[^，。；：！？]{{3,50}}{sfx})(?=[，。；并]|$)")
    return convened, held, attended



# words that every match of a pattern of _meeting_rxs holds (主持 alone in 主持X会议)
_CONVENED_WORDS = ("主持", "召开", "举行", "举办")
_HELD_WORDS = ("召开", "举行", "举办", "开幕", "开班", "开训")
_ATTENDED_WORDS = ("出席", "参加", "列席")


def _holds(body: str, words: tuple[str, ...]) -> bool:
    return any(w in body for w in words)


def _told_before(events: list[FoundEvent], np: str, at: int) -> FoundEvent | None:
    """The last meeting told before `at` whose name ends as `np` does (仪式, 开工仪式)."""
    before = [e for e in events if e.kind == "meeting" and e.start < at and e.name.endswith(np) and len(np) >= 2]
    return before[-1] if before else None


def _meeting_parts(np: str) -> list[str]:
    """The meetings a name joins with 和 or 及 when each part is a meeting's name of its own
    (县政府党组会议和第17次常务会议); otherwise the name whole."""
    parts = re.split("(?:和|及|以及)", np)
    sfx = re.compile(f"(?:{lexicons.alternation('meeting_suffixes')})$")
    if len(parts) > 1 and all(len(p) >= 4 and sfx.search(p) for p in parts):
        return parts
    return [np]


def _meeting_name(np: str) -> str:
    return re.sub(r"^(?:的|了)", "", np.strip("，。、 了"))


@lru_cache(maxsize=1)
def _society_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('society_suffixes')})$")


def _society(np: str) -> bool:
    """A name that ends as a society's does (青石县商会, 县电商协会): an organisation, no
    meeting, though it ends in 会; its gatherings end otherwise (商会年会, 协会成立大会). A
    gathering to consult (专题协商会, 议事协商会) ends in 商会 but is a meeting."""
    return _society_rx().search(np) is not None and not np.endswith("协商会")


@dataclass
class Scan:
    """What the event rules share while they read one article."""

    r: Reader
    year: int | None
    dateline: tuple[int | None, int | None, int | None]
    spans: list[tuple[int, int]]  # the texts of directives
    events: list[FoundEvent] = field(default_factory=list)
    bodies: set[int] = field(default_factory=set)  # visits a body makes with no one named

    def __post_init__(self) -> None:
        self.dates = in_context(find_dates(self.r.text), self.r.text,
                                dateline_date(self.r.a.dateline)[1] is not None)
        said = bytearray(len(self.r.text) + 1)  # 1 where a directive's text stands
        for s, e in self.spans:
            said[s:e] = b"\x01" * (e - s)
        self._said = bytes(said)

    def in_directive(self, i: int) -> bool:
        return 0 <= i < len(self._said) and self._said[i] == 1

    def date_for(self, s0: int, upto: int) -> str | None:
        """The first date written in the sentence before the trigger."""
        ds = [d for d in self.dates if s0 <= d.start < upto]
        return resolve(ds[0], self.year, self.dateline) if ds else None


def find_events(r: Reader, directives: list[FoundDirective], year: int | None,
                 dateline) -> Scan:
    """Meetings and inspections, sentence by sentence, outside what directives said (unless
    the sentence opens as narrative: 随后, 会前, a date); the scan's events in text order."""
    # a column's closing attribution (——某某在…会上说) makes the whole column said, but the
    # meetings it tells of are still told
    scan = Scan(r, year, dateline, [(d.text_start, d.text_end) for d in directives if not d.column])
    for sent in sentences(r.a):
        body = r.text[sent.start:sent.end]
        narrative = bool(NARRATIVE.match(body))
        if scan.in_directive(sent.start) and not narrative:
            continue
        _meetings(scan, sent.start, sent.end, narrative)
        _chairs(scan, sent.start, sent.end)
        _inspections(scan, sent.start, sent.end, narrative)
        _receptions(scan, sent.start, sent.end, narrative)
        _led_by(scan, sent.start, sent.end)
    events = sorted(scan.events, key=lambda e: e.start)
    first_para_end = r.text.find("\n")
    if events and events[0].date is None and events[0].start < (first_para_end if first_para_end >= 0 else len(r.text)):
        # 6月12日，X来到城东新区。他…调研: the lead's date is the first event's
        lead = [d for d in scan.dates if d.start < events[0].start]
        if lead:
            events[0].date = resolve(lead[0], year, dateline)
    for prev, e in zip(events, events[1:]):
        # 3月22日，X主持召开调度会…。X一行先后到…: an event led by one who led the one told
        # before it in the same paragraph, with no day of its own (nor 近日), is of that day
        if e.date is None and prev.date and set(e.leaders) & set(prev.leaders) and "\n" not in r.text[
                prev.start:e.start] and not any(
                d.vague for d in scan.dates if e.sentence[0] <= d.start < e.sentence[1]):
            e.date = prev.date
    scan.events = events
    return scan


def _meetings(scan: Scan, s0: int, s1: int, narrative: bool) -> None:
    """主持召开X会 / 召开X会, X会(日期)(在…)召开/举行, 参加X会 naming a meeting, a meeting
    named only as the venue of a speech (在座谈会上指出), and 与X座谈. Not a meeting planned
    (将召开, 下周召开的) or one spoken of inside what someone said."""
    r, events = scan.r, scan.events
    text = r.text
    body = text[s0:s1]
    convened, held, attended = _meeting_rxs()

    def mentioned(at: int) -> bool:
        return (scan.in_directive(at) and not narrative) or bool(
            _PLANNED.search(text, clause_start(text, at), at))

    # each pattern is tried only on a sentence holding the words it cannot match without
    for m in convened.finditer(body) if _holds(body, _CONVENED_WORDS) else ():
        if lexicon_rx("breaker_verbs").match(body, m.end()) or mentioned(s0 + m.start()):
            continue
        np = _meeting_name(m.group("np"))
        if _society(np):
            continue
        told = _told_before(events, np, s0 + m.start()) if m.group("host") and not re.match(
            "主持(?:召开|举行|举办)", m.group(0)) else None
        if told is not None:
            # 县长某某主持开工仪式: the meeting told before (…集中开工仪式举行), by how its name ends
            if told.chair is None:
                told.chair = r.subject_name(s0 + m.start())
            continue
        if not np or m.group(0).startswith("主持") and not re.match("主持(?:召开|举行|举办)", m.group(0)) and (
                np in lexicons.load("meeting_anaphora") or np.startswith(("人", "的"))):
            continue  # 主持会议: the meeting in hand (_chairs); 主持人: no meeting
        at = s0 + m.start()
        date = scan.date_for(s0, at) or _same_day(events, body)
        chair = r.subject_name(at)
        for k, part in enumerate(_meeting_parts(np)):  # 党组会议和第17次常务会议: two meetings
            events.append(FoundEvent("meeting", part, at + k, date, chair, m.group(0)[:6], (s0, s1)))
    for m in held.finditer(body) if _holds(body, _HELD_WORDS) else ():
        at = s0 + m.start("np")
        np = _meeting_name(m.group("np"))
        lead = LEAD_IN.match(np)
        if lead:
            np = np[lead.end():].lstrip("，")
        if not np or "主持" in np or "召开" in np or re.match(r"(?:赴|到|在|参加|出席)", np) or _society(np):
            continue
        if mentioned(at) or re.search(r"将|拟|即将|计划", m.group("mid")):
            continue
        if any(abs(e.start - at) < len(np) + 20 and e.kind == "meeting" for e in events):
            continue
        events.append(FoundEvent("meeting", np, at, scan.date_for(s0, s0 + m.end()), None,
                             m.group("verb"), (s0, s1)))
    for m in attended.finditer(body) if _holds(body, _ATTENDED_WORDS) else ():  # 王某在县分会场参加全省安全生产电视电话会议
        np = _meeting_name(m.group("np"))
        if np in lexicons.load("meeting_anaphora") or any(e.name == np for e in events) or _society(np):
            continue  # 出席会议: the meeting already in hand; 出席县商会: no meeting
        at = s0 + m.start()
        if r.subject_name(at) is not None and not mentioned(at):
            # 参加了23日开始的X培训班: the day may stand inside the meeting's description
            events.append(FoundEvent("meeting", np, at, scan.date_for(s0, s0 + m.end()), None, m.group(0)[:2], (s0, s1)))
    for m in _DELIBERATED.finditer(body) if "审议" in body else ():
        # 代表们审议政府工作报告; 某某来到代表团，同代表们一起审议…: a deliberation is a meeting
        at = s0 + m.start()
        cs = clause_start(text, at)
        if mentioned(at) or _in_hand(events, at + 1) or any(s0 <= e.start < s1 for e in events):
            continue  # 会议审议了…: the meeting in hand deliberates
        clause = text[cs:at]
        who = r.subject_name(at)
        body_rx = _deliberators_rx()
        if not (body_rx.search(clause) or who and body_rx.search(text, cs, at)):
            continue
        lead = LEAD_IN.match(clause)
        name = (clause[lead.end():] if lead else clause).lstrip("，") + m.group(0)
        ev = FoundEvent("meeting", name, at, scan.date_for(s0, at), None, "审议", (s0, s1))
        if who:
            ev.attend(who, at)
        events.append(ev)
    for m in _venue_rx().finditer(body) if "座谈" in body or "在" in body and "上" in body else ():
        # 在座谈会上指出 / 与企业家代表座谈交流: the meeting is named only here; its speaker was there
        at = s0 + m.start()
        np = _meeting_name(m.group("np") or m.group("talk"))
        who = r.subject_name(at)
        if who is None or mentioned(at) or np in lexicons.load("meeting_anaphora") and _in_hand(events, s0) or _society(np):
            continue
        if any(e.kind == "meeting" and (e.name == np or s0 <= e.start < s1) for e in events):
            continue
        ev = FoundEvent("meeting", np, at, scan.date_for(s0, at), None, m.group(0)[:4], (s0, s1))
        ev.attend(who, at)
        events.append(ev)


# 审议 and what is deliberated (a report, a draft, a bill)
_DELIBERATED = re.compile(r"(?:一起|一同|认真|分组|集中|继续)?审议(?:了)?(?!的|结果)[^，。；：！？]{2,40}?(?:报告|草案|议案|决议|纲要)")


@lru_cache(maxsize=1)
def _deliberators_rx() -> re.Pattern:
    """A deliberating body as the subject or partner of 审议 (代表们, 同代表们一起)."""
    return re.compile(f"(?:{lexicons.alternation('deliberators')})(?:纷纷|认真|一起|一同)?$|同(?:{lexicons.alternation('deliberators')})")


def _same_day(events: list[FoundEvent], body: str) -> str | None:
    """在随后召开的座谈会上, 当天下午…督导: the day of the event told before; 论坛还举办了…:
    a sentence whose subject is the meeting told before, by the word its name ends in."""
    if events and re.search(r"随后|当天|当日|同日|会后|其间|期间", body):
        return events[-1].date
    opener = re.match(r"[”’\s]*([^，。；：、的]{1,4}?)(?:还|并|同时|也)", body)
    if opener and events and events[-1].kind == "meeting" and events[-1].name.endswith(opener.group(1)) and len(
            opener.group(1)) >= 2:
        return events[-1].date
    return None


# a meeting spoken of as planned: 将召开, 下周召开的, 决定召开, 定于9月10日召开
_PLANNED = re.compile(r"(?:将|拟|计划|准备|即将|决定|定于|确保|要|下周|下月|明天|明年|近期|尽快)[^，。；]{0,8}$")


def _in_hand(events: list[FoundEvent], before: int) -> bool:
    return any(e.kind == "meeting" and e.start < before for e in events)


@lru_cache(maxsize=1)
def _venue_rx() -> re.Pattern:
    sfx = f"(?:{lexicons.alternation('meeting_suffixes')})"
    return re.compile(
        f"在(?P<np>[^，。；：“”]{{0,30}}?{sfx})上(?:的)?(?:讲话|发言|致辞|指出|强调|表示|要求|说|提出|介绍)"
        f"|(?P<talk>(?:与|(?<![陪随一共协会合])同)[^，。；：“”]{{2,30}}?(?:座谈交流|交流座谈|座谈|召开座谈会)|举行座谈)")


def _led_by(scan: Scan, s0: int, s1: int) -> None:
    """此次视察由A、B带队: A and B lead the visit in hand, when none has led it yet."""
    r, events = scan.r, scan.events
    for m in _LED_BY.finditer(r.text, s0, s1):
        visits = [e for e in events if e.kind == "inspection" and e.start < m.start()]
        if not visits or visits[-1].chair is not None:
            continue
        for x in r.mentions:
            if m.start("by") <= x.start < m.end("by"):
                visits[-1].lead(x.name)


def _chairs(scan: Scan, s0: int, s1: int) -> None:
    """主持会议 / 由X主持 / X主持。: the chair of the meeting in hand; a meeting named only by
    the headline when the body has none yet."""
    r, events = scan.r, scan.events
    body = r.text[s0:s1]
    for m in re.finditer(r"主持(?:会议|座谈会|大会|并讲话|(?=[。，；]|$))|由(?P<by>[^，。]{2,30})主持", body):
        who = r.subject_name(s0 + m.start())
        described = r.mention_at(s0 + m.end() + 1) if r.text[s0 + m.end():s0 + m.end() + 1] == "的" else None
        if described:  # 主持会议的县长某某说: the one described so chairs
            who = described.name
        if m.group("by"):
            ms = [x for x in r.mentions if s0 + m.start("by") <= x.start < s0 + m.end("by")]
            who = ms[-1].name if ms else None
        meetings = [e for e in events if e.kind == "meeting" and e.start <= s0 + m.start()]
        if who and not meetings and not events and "主持会议" in m.group():
            # 县委常委会召开会议 (headline) … X主持会议: the meeting is the headline's
            meetings = [FoundEvent("meeting", _headline_meeting(r.a) or "会议", s0 + m.start(),
                               scan.date_for(s0, s0 + m.start()), None, "主持会议", (s0, s1))]
            events.append(meetings[0])
        if who and meetings and meetings[-1].chair is None:
            meetings[-1].chair = who
        elif who and meetings and who != meetings[-1].chair and re.match("(?:召开|举行|举办)", meetings[-1].trigger):
            # A…召开X会议。B主持会议: B chairs; A, who convened it, took part
            ev = meetings[-1]
            convener, ev.chair = ev.chair, who
            if who in ev.attendees:
                k = ev.attendees.index(who)
                del ev.attendees[k], ev.attended_at[k]
            ev.attend(convener, ev.start)


@lru_cache(maxsize=1)
def _inspection_rx() -> re.Pattern:
    # an inspection verb (not its noun: 视察组, 调研员); 先后到…; a visit to a site with no
    # verb of inspection (深入A、B等项目现场，了解…)
    return re.compile(f"(?:{lexicons.alternation('inspection_verbs')})(?![组员室办队科处局中者点团])"
                      r"|(?<=先后)(?:到|来到|深入|前往|走进|参观|拜访)"
                      # X一行(15人)走进/来到…: a delegation's visit
                      r"|(?<=一行)(?:\d{1,3}人|[一二三四五六七八九十两]{1,3}人)?(?:还|又|也|再|随后|随即|先后|首先|先|接着)?(?:走进|来到|前往|深入|莅临|赴|参观|拜访)"
                      r"|(?:深入|来到|走进)(?=[^，。；]{2,40}?(?:现场|一线|车间|工地)[，。；])"
                      # A、B分别带队深入基层，与居民交谈: going down to the grassroots is a visit
                      r"|(?<=带队)深入(?:到)?(?=(?:基层|一线)[，。；])"
                      # X来到A公司，详细了解…: going to a place and looking into what is done there
                      r"|(?:深入到|深入|来到|前往|走进)(?=[^，。；]{2,30}?(?<!会场|议室|席台|会堂)，(?:还|并|先后|随后)?"
                      r"(?:实地|详细|认真|深入|现场|仔细|逐一)?(?:了解|察看|查看|听取|询问|检查|考察|调研))"
                      # 莅临 (a leader's visit, said with respect) is a visit of its own
                      r"|莅临"
                      # 到X指导工作, 到X现场办公, 到X宣讲: a visit when the clause went somewhere (_went_to)
                      r"|指导(?![组员室办队科处局中者点团下意性思价费])|现场办公(?!会|室)"
                      # 深入X调度重点项目: directing the work on the spot (调度会 is a meeting)
                      r"|调度(?![会组员室中心令台])"
                      r"|宣讲(?![组员室办队科处局中者点团分会稿报员词活])"
                      # 到X蹲点 (staying at a place to work there); 蹲点调研 is told by its 调研
                      rf"|蹲点(?!{lexicons.alternation('inspection_verbs')}|指导|干部|人员|单位|联系|帮扶|包村|驻村|[组员室办队团])")


@lru_cache(maxsize=1)
def _group_leader_rx() -> re.Pattern:
    """A group that leads an inspection with no person named (督查组一行来我县督查)."""
    return re.compile(f"[^，。；]{{0,16}}?(?:{lexicons.alternation('inspection_groups')})(?:一行)?")


# 在X的陪同下 (X attends), 在X的带领下 (X leads)
_ESCORT = re.compile(r"在(?P<who>[^，。；]{2,60}?)(?:同志)?的?(?P<how>陪同|带领|率领|带队|组织|引领|指导)下")
# the clause has a subject that acts through 进行/开展 (就秋粮收购进行了调研)
_GUIDED = re.compile(r"(?:引导|陪着)(?P<whom>[^，。；]{1,12})$")
# X陪同市委书记A调研: A leads the visit, X goes along (not 在X的陪同下, 陪同人员)
_ACCOMPANYING = re.compile(r"(?:陪同|随同)(?P<whom>(?![下着人的])[^，。；]{2,40})$")
_MANNER = r"(?:了)?(?:实地|专题|深入|督促|全面|专项|集中|随机|重点|现场|明察暗访|蹲点|跟踪)*"
# what is inspected may stand between 开展 and the verb (到我县开展安全生产综合督导)
_TOPIC = r"(?:了)?(?:[^，。；的]{2,10}?(?<![会上中]))?"
_CARRIED = re.compile(r"(?:就|围绕|对|针对)[^，。；]{1,30}(?:进行|开展)" + _TOPIC + _MANNER + "$")
# the clause goes to a place and acts there through 开展/进行 (到北关镇开展调研, 来我县开展督查)
_TRAVELLED = re.compile(r"(?:到|赴|来|在|前往|深入|奔赴|分赴|走进|来到)[^，。；]{1,30}(?:进行|开展)" + _TOPIC + _MANNER + "$")


# the clause went to a place right before the verb (到南湖镇指导, 莅临我县, 在青石县现场办公): 指导 and
# 现场办公 tell a visit only so; not a meeting's floor (在会上指导)
_GONE_TO_ONLY = ("宣讲", "蹲点")  # ... and these only where someone went (到, not 在)
_WENT_ONLY = ("指导", "现场办公", "调度") + _GONE_TO_ONLY
_WENT_TO = re.compile(r"(?:到|赴|来|来到|莅临|深入|前往|奔赴|走进|在)(?:了)?[^，。；]{1,30}?(?<![会上中])(?:检查|调研|实地|现场)?$")
# a clause that ends on a verb of visiting (参加走访, 陪同督导): the verb after it is part of it
_VISIT_VERBS_END = re.compile(r"(?:走访|看望|慰问|调研|督导|督查|检查|视察|考察|察看|查看)+$")


# 参加部分项目督查, 参与其中一组调研: joining part of a visit, which attends it and leads none
_JOINED_PART = re.compile(r"(?:参加|参与|陪同)(?:了)?(?:部分|其中|有关|相关|个别)[^，。；的]{0,6}$")


# a body of deputies or members as the subject of its visit (县政协对…开展视察, 市人大常委会组织…视察)
_BODY_VISITS = re.compile(r"(?:[^，。；]{0,8}?(?:政协|人大常委会|人大))(?:对|就|围绕|组织|开展|赴|到|深入)")
# 此次视察由A、B带队: who leads the visit in hand
_LED_BY = re.compile(r"(?:此次|本次|这次)?(?:视察|调研|考察|督导|督查|检查|观摩|活动)(?:由|是由)(?P<by>[^，。；]{2,60}?)(?:带队|率队|牵头|带领)")


# deputies or members who go as a body, named by what they are (人大代表一行40余人视察,
# 组织…代表…视察, 出席…会议的代表和委员们，集中视察)
_DEPUTIES_GO = re.compile(r"(?:代表|委员)(?:们)?(?:一行)?(?:(?:\d{1,4}|[一二三四五六七八九十两百]{1,4})余?(?:人|名))?"
                          r"(?:集中|分组|先后|一同|共同|实地)*(?:视察|调研|考察|参观|察看|查看)?(?:参观)?$")


def _who_travels(text: str, s0: int, cs: int, clause: str) -> bool:
    """Someone goes to act: the clause has a subject of its own before the verb of going
    (县纪委有关部门到…开展督导), or an earlier clause of the sentence names the group that
    goes (派出工作组，分赴各地开展…) and does not plan it (将组成督导组，赴…)."""
    m = _TRAVELLED.search(clause)
    subj = re.sub(r"^(?:还|也|又|并|再|多|随即|随后|分别|先后|专门|立即|马上|即)+", "", clause[:m.start()])
    lead = LEAD_IN.match(subj)
    if len(subj[lead.end():] if lead else subj) >= 2:
        return True
    before = text[s0:cs]
    return bool(lexicon_rx("inspection_groups").search(before)) and not re.search(r"将|拟|计划|准备|要", before)


def _noun_use(body: str, end: int) -> bool:
    """An inspection verb that is part of a noun: a title (督查专员) or the name of a meeting
    (督查对接会, 调研座谈会) that follows it with no verb between; a verb of attending
    after it opens what is visited (看望出席会议的委员)."""
    rest = body[end:end + 12]
    if lexicon_rx("title_heads").match(rest):
        return True
    m = re.match(f"[^，。；：、并和及与召开举行到赴在]{{0,4}}?(?:{lexicons.alternation('meeting_suffixes')})"
                 "(?![场见谈同商员长所址堂])", rest)
    return m is not None and not _society(m.group()) and not lexicon_rx("attend_verbs").search(m.group())


def _described_actor(r: Reader, s0: int, at: int) -> str | None:
    """The subject of a sentence named after words that say who the person is, a unit and
    a post the titles do not cover (县卫健局工作人员刘某与…一道，前往…检查): the first name of
    the first clause that names anyone, when only such words stand before it."""
    text = r.text
    k = s0
    while k < at:
        ce = next_break(text, k)
        names = [x for x in r.mentions if k <= x.left < min(ce, at)]
        if names:
            x = names[0]
            lead = _LEAD_AT.match(text, k)
            before = text[lead.end() if lead else k:x.left]
            ok = (0 < len(before) <= 20 and re.fullmatch(f"[{CJK}]+", before)
                  and not re.search(r"[他她我你在时对向跟给与同和及让听请叫问替帮据像被把为由陪随]", before)
                  and _people_end_rx().search(before))
            return x.name if ok else None
        k = ce + 1
    return None


@lru_cache(maxsize=1)
def _people_end_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('title_heads', 'role_words')}|人员|工作者|成员|干部)$")


_LEAD_AT = re.compile(LEAD_IN.pattern[1:])


def _attendee_from(r: Reader, s0: int, cs: int) -> int:
    """Where the names before a clause's verb start: the clause, and the clauses before it in
    the sentence that hold nothing but a titled name (县长A，副县长B陪同…)."""
    k = cs
    while k > s0:
        prev = clause_start(r.text, k - 1)
        m = r.mention_at(prev)
        if m is None or m.end != k - 1:
            break
        k = prev
    return k


def _leading_clause(r: Reader, s0: int, cs: int, leader: str | None) -> list[str]:
    """Those who lead with the leader in a clause of their own before the verb's, the clause
    nothing but their names, 带队 and where they go (县委书记A、县长B带队，深入…调研; A、B分别带队，…)."""
    if leader is None or r.mention_at(cs) is not None or cs <= s0:
        return []
    def first_named(k: int):  # the person the clause at k opens with, after its lead-in
        lead = _LEAD_AT.match(r.text, k)
        return r.mention_at(lead.end() if lead else k)

    k = clause_start(r.text, cs - 1)
    first = first_named(k)
    if first is None:
        return []
    further: list[str] = []
    if first.name != leader:
        # 乡党委书记A，乡长B带队，对…督查: the leader's titled name alone in the clause before
        m0 = first_named(clause_start(r.text, k - 1)) if k > s0 else None
        if m0 is None or m0.name != leader or m0.end != k - 1:
            return []
        further = [first.name]
    co = co_subjects(r, first, cs)
    last = next((m for m in r.mentions if m.name == (co[-1] if co else first.name) and k <= m.start < cs), None)
    # ... with those they lead (带领乡村干部) or going somewhere with them (A、B分别带队深入各乡镇，督导…)
    if last is None or not re.fullmatch(r"(?:分别|一同|共同)?(?:带队|率队|(?:带领|率领|率(?!先))[^，。；]{1,20})?(?:一行)?"
                                        r"(?:(?:先后|一同|共同)?(?:赴|到|前往|深入到|深入|来到|走进|奔赴|分赴)[^，。；]{1,30})?",
                                        r.text[last.end:cs - 1]):
        return []
    return further + co


def _co_leaders(r: Reader, s0: int, cs: int) -> list[str]:
    """Leaders written before the clause of the verb, each in a clause of its own that holds
    nothing but a titled name (县委书记A，县委副书记、县长B带领…)."""
    out: list[str] = []
    k = clause_start(r.text, cs - 1) if cs > s0 else cs
    while s0 <= k < cs:
        m = r.mention_at(k + 1 if r.text[k] == "由" else k)  # 由A，B带队的代表团
        # 市长A，常务副市长B一行，对…督查: the last may close on 一行
        if m is None or r.text[m.end:cs - 1] not in ("", "一行") or r.text[cs - 1] != "，":
            break
        out.insert(0, m.name)
        cs = k
        k = clause_start(r.text, cs - 1) if cs > s0 else cs
    return out


@lru_cache(maxsize=1)
def _went_on_rx() -> re.Pattern:
    """What the one who visited did next, after 调研后: spoke (调研后指出), or held or went to
    something more in the same sentence (调研后在镇政府召开座谈会): the visit was made."""
    return re.compile(f"(?:，)?(?:还|又|随即|便|即|随后)?(?:(?:{lexicons.alternation('directive_cues')})"
                      r"|(?:在|到|来到|前往|赴|主持|召开|与|同|走访|看望|察看|查看)[^。；]*?(?:召开|主持|座谈|察看|查看|走访|看望))")


def _inspections(scan: Scan, s0: int, s1: int, narrative: bool) -> None:
    """A person (or 他/她, X一行, a group) who 调研/督导/检查… in a clause; later visits by the
    same leader belong to the same inspection."""
    r, events, text = scan.r, scan.events, scan.r.text
    body = text[s0:s1]
    for m in _inspection_rx().finditer(body):
        at = s0 + m.start()
        if scan.in_directive(at) and not narrative:
            continue
        cs = clause_start(text, at)
        clause = text[cs:at]
        after = body[m.end():m.end() + 200]  # what follows the verb in its sentence (a slice, not the body)
        carried = _CARRIED.search(clause) or _TRAVELLED.search(clause)
        went_to = _WENT_TO.search(clause)
        if went_to and went_to.group().startswith("在") and m.group() in _GONE_TO_ONLY:
            went_to = None  # one goes somewhere to lecture or stay (到基层宣讲), not 在基层宣讲的体会
        if m.group() in _WENT_ONLY and (not (went_to or carried) or re.search(
                r"(?:担任|作为|技术|业务|专业|具体|提供|给予|加强)$", clause)):
            continue  # 加强指导, 指导群众: no visit told; 到X指导工作 is one
        # 到南湖镇督导工作: 工作 closes what is visited for; 做好督导工作 is the noun
        went = re.match(r"工作(?:[，。；！？]|$)", after) and (_WENT_TO.search(clause) or carried) and r.subject_name(at)
        if not went and re.match(rf"(?:时的|的|期间的|精神|后(?!{_went_on_rx().pattern})|工作|情况|结果|汇报|报告|发现|反馈|问题|中|侧记|纪实|手记|札记|日记|团|组(?!织)|队|量)", after) or (
                re.search(r"贯彻|落实|学习|传达|听取|审议|研究|通报", re.sub(r"(?:参观|交流)?学习$", "", clause))
                and not carried):  # (参观)学习考察 is a visit
            continue  # 调研时的指示精神, 听取…检查情况汇报, 传达某某视察时的讲话: no visit made here
        if m.group() == "莅临" and re.search(r"欢迎|感谢|邀请|期待|恭候|盼望", clause):
            continue  # 欢迎各位领导莅临: a greeting, no visit told
        if _noun_use(body, m.end()):
            continue  # 督查专员, 出席督查对接会: a title or a meeting's name, no visit
        if _PLANNED.search(clause):
            continue  # 将到X调研: planned
        if (re.search(r"(?:的|了|在|对|开展|进行|接受|组织|加强|迎接|陪同|随同|参加|参与|一同|一起|共同)(?:此次|本次|这次)?$",
                      _VISIT_VERBS_END.sub("", clause))
                and not re.search(r"(?:实地|深入)$", clause) and not carried):
            continue
        if _JOINED_PART.search(clause):
            continue  # 县领导A、B参加部分项目督查: they go along on part of the visit in hand
        escort = _ESCORT.search(text, s0, at)
        escorts = [x for x in r.mentions if escort and escort.start("who") <= x.start < escort.end("who")]
        leader = r.subject_name(at) or _described_actor(r, s0, at)
        guided = _GUIDED.search(clause)
        guides = []
        if guided:  # X引导县长A察看: A leads, X goes along; 引导总书记察看 names no leader
            led_ones = [x for x in r.mentions if cs + guided.start("whom") <= x.start < at]
            if not led_ones:
                continue
            leader = led_ones[0].name
            guides = [x for x in r.mentions if cs <= x.start < cs + guided.start()]
        accompanied = None if guided or escort else _ACCOMPANYING.search(clause)
        if accompanied:  # 县长A，副县长B陪同市委书记C调研: C leads, A and B go along
            led_ones = [x for x in r.mentions if cs + accompanied.start("whom") <= x.start < at]
            leader = led_ones[0].name if led_ones else None
            guides = [x for x in r.mentions if _attendee_from(r, s0, cs) <= x.start < cs + accompanied.start()]
        if escort and escort.group("how") != "陪同" and escorts:
            leader = escorts[0].name  # 在县委书记X的带领下，…调研: X leads
        # a group leads only when no one has yet: 某某率指导组… 指导组一行察看 is the same visit
        before = text[clause_start(text, cs - 1) if cs > s0 else cs:at].replace("，", "")
        # 督查组一行来我县，就…进行督查: the group opens the clause before the one that tells what it did
        prev_cs = clause_start(text, cs - 1) if cs > s0 else None
        group = (_group_leader_rx().match(text, cs) or _DEPUTIES_GO.search(before) or (
            _group_leader_rx().match(text, prev_cs) if prev_cs is not None and _CARRIED.search(clause) else None)) if leader is None and not any(
            e.kind == "inspection" for e in events) else None
        body_visit = leader is None and group is None and _BODY_VISITS.match(clause)
        if body_visit:
            group = body_visit  # 县政协对…开展专项视察: a body visits as a body
        if m.group() in _WENT_ONLY and leader is None and group is None and not accompanied and not (
                _TRAVELLED.search(clause) and _who_travels(text, s0, cs, clause)):
            continue  # 组织技术人员到田间地头指导农户: guidance by no one named is no visit
        if escort and escorts and escort.group("how") == "陪同" and leader is None and group is None:
            group = escort  # 各商会负责人在县长A的陪同下，对…进行了实地考察: a visit A goes along on
        if leader is None and group is None and not accompanied and (not re.search(r"(?:赴|到|深入)[^，。]{1,20}$", clause) or (
                _TRAVELLED.search(clause) and not _CARRIED.search(clause) and not _who_travels(text, s0, cs, clause))):
            continue  # 引导干部多到田间地头开展调研: going to act there, with no one who goes, tells no visit
        same = [e for e in events if e.kind == "inspection" and (leader in e.leaders or leader is None and e.chair is None)
                and (leader is not None or e.start >= s0)]
        if not same and leader is not None:
            # 县政协开展视察活动。A一行首先来到…: the body's visit, led by A
            bodies = [e for e in events if id(e) in scan.bodies and e.chair is None and e.kind == "inspection"]
            if bodies:
                bodies[-1].lead(leader)
                same = bodies[-1:]
        if same:
            if same[0].date is None:
                same[0].date = scan.date_for(s0, at)
            continue
        name = _inspection_name(r, text[cs:next_break(text, at)], cs)
        ev = FoundEvent("inspection", name, at, scan.date_for(s0, at) or _same_day(events, body), None,
                        m.group(), (s0, s1))
        # A，B带领…; A、B一同调研: all lead, the first written is the chair
        for who in [leader] if guided else ([leader] + co_subjects(r, led_ones[0], at) if led_ones else []) if accompanied else _co_leaders(r, s0, cs) + ([leader] if leader else []) + co_subjects(
                r, r.mention_at(cs), at) + _leading_clause(r, s0, cs, leader):
            ev.lead(who)
        for x in guides:
            ev.attend(x.name, x.start)
        for x in escorts if escort and escort.group("how") == "陪同" else escorts[1:]:
            if escort.group("how") in ("带领", "率领", "带队"):
                ev.lead(x.name)  # 在A和B的带领下: both lead
            else:
                ev.attend(x.name, x.start)
        led = re.search(r"(?:带领|率领|率)", clause)
        if led:  # X带领副县长A、B赴…: A and B go too
            for x in r.mentions:
                if cs + led.end() <= x.start < at:
                    ev.attend(x.name, x.start)
        if body_visit:
            scan.bodies.add(id(ev))
        events.extend(_each_to_their_own(ev, clause))


# a reception: a leader meets guests (会见, 会晤, 接见, 拜会), holds talks (与X会谈) or receives
# petitioners (接访, 接待来访群众); not the room (会见厅), a day of it (接访日), its noun as an
# object (做好接访工作), nor a guest who is received (受到…接见)
_RECEPTION = re.compile(
    r"(?P<verb>会见|会晤|接见|拜会|(?:举行|进行)(?:了)?(?:工作)?会谈|会谈|"
    r"(?:公开|集中|带案)?接访|接待(?:了)?(?:来访|上访|信访)(?:的)?群众)(?![厅室日时间中心大厅工作制纪要上])")


def _receptions(scan: Scan, s0: int, s1: int, narrative: bool) -> None:
    """会见 / 会晤 / 接见 / 拜会 / 与X会谈 / 接访: a meeting the subject holds (and chairs), with
    the persons named as those met; one per sentence (会见…，并举行会谈 is the same)."""
    r, events, text = scan.r, scan.events, scan.r.text
    for m in _RECEPTION.finditer(text, s0, s1):
        at = m.start()
        cs = clause_start(text, at)
        clause = text[cs:at]
        received = re.search(r"(?:受到|得到)(?P<by>[^，。；]{2,40}?)的(?:亲切|热情)?$", clause)
        if (scan.in_directive(at) and not narrative) or _PLANNED.search(clause) or not received and re.search(
                r"(?:接受|参加|陪同|出席|参与|随同|做好|加强|开展|的|[“‘《])(?:了)?$", clause):
            continue  # 将会见: planned; 陪同会见: attendance; 做好接访: the noun
        host = r.subject_name(at)
        date = scan.date_for(s0, at) or _same_day(events, text[s0:s1])
        verb = m.group("verb")
        trigger = "接访" if "接" in verb and "接见" not in verb else verb[-2:]
        if any(e.kind == "meeting" and e.trigger in _RECEIVED and (s0 <= e.start < s1 or (
                host is not None and e.chair == host and e.date == date and e.trigger == trigger)) for e in events):
            continue  # 会见…，并举行会谈: the same meeting; 会晤 told again after
        if received:  # A一行受到市委书记B的亲切接见: B receives A
            hosts = [x for x in r.mentions if cs + received.start("by") <= x.start < cs + received.end("by")]
            if not hosts:
                continue
            guest, host = host, hosts[-1].name
            ev = FoundEvent("meeting", verb, at, date, host, trigger, (s0, s1))
            if guest and guest != host:
                ev.attend(guest, cs)
            events.append(ev)
            continue
        if host is None:
            continue
        talks = verb.endswith("会谈")
        partner = re.search(r"(?:与|同|和)(?P<who>[^，。；]{2,40})$", clause) if talks else None
        if talks and partner is None:
            continue  # 双方会谈: no one named who holds talks
        ce = next_break(text, m.end())
        lo, hi = (cs + partner.start("who"), at) if partner else (m.end(), ce)
        went = re.search(r"(?:出席|参加|列席)[^，。；]*$", clause)  # 赴印度出席…会晤: attends, chairs none
        ev = FoundEvent("meeting", (verb + text[m.end():ce]).strip("了，。"), at, date, None if went else host,
                        trigger, (s0, s1))
        if went:
            ev.attend(host, at)
        for x in r.mentions:
            if lo <= x.start < hi and x.name != host:
                ev.attend(x.name, x.start)
        events.append(ev)


_RECEIVED = ("会见", "会晤", "接见", "拜会", "会谈", "接访")


_SEVERALLY = re.compile(r"分别(?:带队|率队|带领[^，。；]*?)?(?:赴|到|前往|深入)(?P<dest>[^，。；]+?)$")


def _each_to_their_own(ev: FoundEvent, clause: str) -> list[FoundEvent]:
    """A、B分别带队赴X、Y督导: one inspection per leader, each to the place in the same
    place of its list; otherwise the event as it is."""
    m = _SEVERALLY.search(clause)
    leaders = ev.leaders
    dests = m.group("dest").split("、") if m else []
    if len(leaders) < 2 or len(dests) != len(leaders):
        return [ev]
    return [FoundEvent(ev.kind, f"赴{dest}{ev.trigger}", ev.start + k, ev.date, who, ev.trigger, ev.sentence,
                       sites=[(dest, True, ev.start)])
            for k, (who, dest) in enumerate(zip(leaders, dests))]


def _headline_meeting(a: Article) -> str | None:
    """The meeting a headline names (县委常委会召开会议 -> 县委常委会会议)."""
    sfx = lexicons.alternation("meeting_suffixes")
    m = re.search(f"([^，。：]{{2,30}}?(?:{sfx}))(?:召开|举行)?(?:会议)?$", a.headline)
    return m.group(1) if m else None


def _inspection_name(r: Reader, clause: str, cs: int) -> str:
    """What the inspection was about: the clause without its subject and escort
    (区委书记X带领…负责同志|实地督导重点项目建设情况)."""
    subj = r.mention_at(cs)
    rest = clause[subj.end - cs:] if subj and subj.end - cs < len(clause) else clause
    rest = re.sub(r"^(?:一行|同志)?(?:带领|率领|率)[^，。]*?(?:负责同志|负责人|人员|同志|一行|干部)", "", rest)
    rest = re.sub(r"^(?:一行(?:\d{1,3}|[一二三四五六七八九十两]{1,3})人|一行|同志|[他她](?:们)?(?:一行)?)", "", rest)
    lead = LEAD_IN.match(rest)
    return (rest[lead.end():] if lead else rest).lstrip("，") or clause


def next_break(text: str, i: int) -> int:
    while i < len(text) and text[i] not in CLAUSE:
        i += 1
    return i


def current_event(events: list[FoundEvent], i: int) -> FoundEvent | None:
    before = [e for e in events if e.start <= i]
    return before[-1] if before else (events[0] if events else None)

