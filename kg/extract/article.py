"""One article -> facts: persons, events, directives, projects, responsibilities.

A pure function of the article (and the year to assume), so articles can be processed
in parallel or one at a time. The steps run in plain sight in :func:`extract`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..models import Article, Directive, Event, Evidence, Facts, Person, Responsibility
from ..segment import sentences
from .dates import dateline_date, find_dates, page_date, resolve
from .persons import Mention, find_mentions
from .projects import is_project_name, projects_in, site_name, sites_after

__all__ = ["extract"]

_CLAUSE = "，。；：！？\n"
_PRONOUN = re.compile("[他她]")
_NARRATIVE = re.compile(r"^(?:随后|会前|会后|此前|当天|同日|其间|期间|调研期间|督导期间|活动期间|最后|之后|此外|另外)")


@lru_cache(maxsize=None)
def _rx(name: str) -> re.Pattern:
    """A lexicon as one compiled alternation, longest entries first."""
    return re.compile(f"(?:{lexicons.alternation(name)})")


@dataclass
class _Event:
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

    def attend(self, name: str, at: int) -> None:
        if name != self.chair and name not in self.attendees:
            self.attendees.append(name)
            self.attended_at.append(at)


@dataclass
class _Directive:
    speaker: str | None
    cue: str
    start: int  # where the cue stands
    text_start: int
    text_end: int = 0
    co_speakers: tuple[str, ...] = ()  # 王某、李某强调: both said it


def _clause_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1] not in _CLAUSE:
        i -= 1
    return i


def _sentence_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1] not in "。；！？\n":
        i -= 1
    return i


_LEAD_IN = re.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}[日号](?:(?:至|到)(?:\d{1,2}月)?\d{1,2}[日号])?(?:上午|下午|中午|晚上|早上|凌晨|晚|早)?|今天|今日|昨天|近日|日前|当天|同日|随后|会上|会前|会后|"
    r"调研期间|督导期间|期间|其间|在[^，。]{1,20}(?:时|期间|中))"
)


class _Reader:
    """Reads one article body: who is named where, and which names are clause subjects."""

    def __init__(self, article: Article):
        self.a = article
        self.text = article.body
        self.mentions = find_mentions(self.text)
        self.at: dict[int, Mention] = {}
        for m in reversed(self.mentions):  # the first mention starting at a place wins
            self.at[m.start] = m
        for m in reversed(self.mentions):
            self.at[m.left] = m

    def mention_at(self, i: int) -> Mention | None:
        """The mention whose titles or name begin at i (after a date or time lead-in)."""
        if i in self.at:
            return self.at[i]
        lead = _LEAD_IN.match(self.text, i)
        if lead and lead.end() > i:
            return self.mention_at(lead.end())
        return None

    def clause_subject(self, i: int) -> Mention | None:
        """The person whose name opens the clause holding position i."""
        return self.mention_at(_clause_start(self.text, i))

    def last_subject(self, before: int) -> str | None:
        """The person last named as the subject of a clause before `before` (for 他/她)."""
        best = None
        for m in self.mentions:
            if m.start >= before:
                break
            cs = _clause_start(self.text, m.left)
            if self.mention_at(cs) is m:
                best = m.name
        return best

    def subject_name(self, i: int) -> str | None:
        """Who acts in the clause at i: a name opening the clause, 他/她 resolved, or the
        subject of an earlier clause of the same sentence."""
        cs = _clause_start(self.text, i)
        m = self.clause_subject(i)
        if m:
            return m.name
        if _PRONOUN.match(self.text, cs):
            return self.last_subject(cs)
        ss = _sentence_start(self.text, i)
        k = ss
        while k < cs:
            m = self.mention_at(k)
            if m:
                return m.name
            if _PRONOUN.match(self.text, k):
                return self.last_subject(k)
            nxt = self.text.find("，", k)
            if nxt < 0 or nxt >= cs:
                break
            k = nxt + 1
        return None


def _find_directives(r: _Reader) -> list[_Directive]:
    text = r.text
    cues = _rx("directive_cues")
    found: list[_Directive] = []
    for m in cues.finditer(text):
        cue, s, e = m.group(), m.start(), m.end()
        nxt = text[e:e + 1]
        prev = text[max(0, s - 2):s]
        if nxt in ("的", "了", "过") or text[e:e + 2] in ("要求", "建议", "意见"):
            continue  # 提出的, 提出要求: a noun, not what was said
        if re.search(r"(?:按照|根据|按|符合|的|提出|重大|有关|工作|纪律|基本|总体|具体|新|明确|严格)$", prev):
            continue
        if cues.match(text, e):
            continue  # 强调指出: the second cue introduces what was said
        weak = cue in ("表示", "说", "认为", "希望", "提出")
        if weak and nxt not in ("，", "：", ","):
            continue
        cs = _clause_start(text, s)
        clause = text[cs:s]
        speaker: str | None
        subj = r.mention_at(cs)
        if subj and s - subj.end <= 40:  # 王某在全县…大会上讲话时强调
            speaker = subj.name
        elif clause[:1] in ("他", "她") and len(clause) <= 20:
            speaker = r.last_subject(cs)
            if speaker is None:
                continue
        elif _rx("meeting_anaphora").match(clause) and len(clause) <= 6:
            speaker = None  # 会议强调
        elif clause and _group_subject_rx().search(clause):
            speaker = None  # 督导组要求, 代表们认为
        elif clause == "" or re.fullmatch(r"(?:并|还|同时|他还|也|进一步|再次|最后|随后)", clause):
            speaker = r.subject_name(s)
            if speaker is None:
                continue
        else:
            continue
        ts = e
        while ts < len(text) and text[ts] in "，：,: ":
            ts += 1
        found.append(_Directive(speaker, cue, s, ts, co_speakers=tuple(_co_subjects(r, subj, s))))
    # a directive runs to the next one or to the end of its paragraph
    for k, d in enumerate(found):
        para_end = text.find("\n", d.text_start)
        para_end = len(text) if para_end < 0 else para_end
        nxt = found[k + 1].start if k + 1 < len(found) else len(text)
        if nxt < para_end:
            # end at the sentence before the next cue's clause
            end = _clause_start(text, nxt)
            sent = _sentence_start(text, nxt)
            para_end = sent if sent > d.text_start else end
        d.text_end = para_end
    return found


@lru_cache(maxsize=1)
def _group_subject_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('group_subjects')})(?:纷纷|一致|普遍|都|也|还|均)?$")


@lru_cache(maxsize=1)
def _meeting_rxs() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """召开X会 (after 主持 or not), X会(日期)(在…)召开/举行 closing its clause, and
    出席/参加X会 (a meeting named where someone attends it)."""
    # 会 ends a meeting's name, but not in 会场, 会见, 会谈, 会同, 会商
    sfx = f"(?:{lexicons.alternation('meeting_suffixes')})(?![场见谈同商员长所址堂])"
    convened = re.compile(
        f"(?P<host>主持)?(?:召开|举行|举办)(?:了)?(?P<np>[^，。；：！？]{{0,50}}?(?:{sfx})(?:[^，。；：！？]{{0,30}}(?:{sfx}))?)"
        f"(?=[，。；：、并]|$|暨|和|上|时)")
    held = re.compile(
        f"(?:^|[，。])(?:[^，。；]{{0,12}}?[日午晚]，?)?(?P<np>[^，。；：！？]{{2,50}}(?:{sfx}))"
        f"(?:[^，。；]{{0,20}}?)(?:隆重|正式|顺利)?(?P<verb>召开|举行|举办|开幕|开班|开训)(?=[，。；！？\n]|$)")
    attended = re.compile(f"(?:出席|参加|列席)(?:了)?(?P<np>[^，。；：！？]{{3,50}}{sfx})(?=[，。；并]|$)")
    return convened, held, attended


def _co_subjects(r: _Reader, subj: Mention | None, before: int) -> list[str]:
    """Names joined to a subject by 、 和 与 (王某、李某强调) up to `before`."""
    out: list[str] = []
    prev = subj
    while prev is not None:
        nxt = next((m for m in r.mentions if m.start > prev.end and m.left <= prev.end + 1
                    and m.end <= before), None)
        if nxt is None or r.text[prev.end:nxt.left] not in ("、", "和", "与", "及"):
            break
        out.append(nxt.name)
        prev = nxt
    return out


def _meeting_name(np: str) -> str:
    return re.sub(r"^(?:的|了)", "", np.strip("，。、 了"))


@dataclass
class _Scan:
    """What the event rules share while they read one article."""

    r: _Reader
    year: int | None
    dateline: tuple[int | None, int | None, int | None]
    spans: list[tuple[int, int]]  # the texts of directives
    events: list[_Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.dates = find_dates(self.r.text)

    def in_directive(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.spans)

    def date_for(self, s0: int, upto: int) -> str | None:
        """The first date written in the sentence before the trigger."""
        ds = [d for d in self.dates if s0 <= d.start < upto]
        return resolve(ds[0], self.year, self.dateline) if ds else None


def _find_events(r: _Reader, directives: list[_Directive], year: int | None,
                 dateline) -> list[_Event]:
    """Meetings and inspections, sentence by sentence, outside what directives said (unless
    the sentence opens as narrative: 随后, 会前, a date)."""
    scan = _Scan(r, year, dateline, [(d.text_start, d.text_end) for d in directives])
    for sent in sentences(r.a):
        body = r.text[sent.start:sent.end]
        narrative = bool(_NARRATIVE.match(body)) or bool(re.match(r"^\d{1,2}[月日]", body))
        if scan.in_directive(sent.start) and not narrative:
            continue
        _meetings(scan, sent.start, sent.end)
        _chairs(scan, sent.start, sent.end)
        _inspections(scan, sent.start, sent.end, narrative)
    events = sorted(scan.events, key=lambda e: e.start)
    first_para_end = r.text.find("\n")
    if events and events[0].date is None and events[0].start < (first_para_end if first_para_end >= 0 else len(r.text)):
        # 6月12日，X来到城东新区。他…调研: the lead's date is the first event's
        lead = [d for d in scan.dates if d.start < events[0].start]
        if lead:
            events[0].date = resolve(lead[0], year, dateline)
    _attach_people_and_sites(scan, events)
    return events


def _meetings(scan: _Scan, s0: int, s1: int) -> None:
    """主持召开X会 / 召开X会, X会(日期)(在…)召开/举行, and 参加X会 naming a meeting."""
    r, events = scan.r, scan.events
    body = r.text[s0:s1]
    convened, held, attended = _meeting_rxs()
    for m in convened.finditer(body):
        if _rx("breaker_verbs").match(body, m.end()):
            continue
        np = _meeting_name(m.group("np"))
        if not np:
            continue
        at = s0 + m.start()
        date = scan.date_for(s0, at)
        if date is None and events and re.search(r"随后|当天|当日|同日|会后|其间|期间", body):
            date = events[-1].date  # 在随后召开的座谈会上: the same day as what came before
        events.append(_Event("meeting", np, at, date, r.subject_name(at), m.group(0)[:6], (s0, s1)))
    for m in held.finditer(body):
        at = s0 + m.start("np")
        np = _meeting_name(m.group("np"))
        lead = _LEAD_IN.match(np)
        if lead:
            np = np[lead.end():].lstrip("，")
        if not np or "主持" in np or "召开" in np or re.match(r"(?:赴|到|在|参加|出席)", np):
            continue
        if any(abs(e.start - at) < len(np) + 20 and e.kind == "meeting" for e in events):
            continue
        events.append(_Event("meeting", np, at, scan.date_for(s0, s0 + m.end()), None,
                             m.group("verb"), (s0, s1)))
    for m in attended.finditer(body):  # 王某在县分会场参加全省安全生产电视电话会议
        np = _meeting_name(m.group("np"))
        if np in lexicons.load("meeting_anaphora") or any(e.name == np for e in events):
            continue  # 出席会议: the meeting already in hand
        at = s0 + m.start()
        if r.subject_name(at) is not None:
            events.append(_Event("meeting", np, at, scan.date_for(s0, at), None, m.group(0)[:2], (s0, s1)))


def _chairs(scan: _Scan, s0: int, s1: int) -> None:
    """主持会议 / 由X主持 / X主持。: the chair of the meeting in hand; a meeting named only by
    the headline when the body has none yet."""
    r, events = scan.r, scan.events
    body = r.text[s0:s1]
    for m in re.finditer(r"主持(?:会议|座谈会|大会|并讲话|(?=[。，；]|$))|由(?P<by>[^，。]{2,30})主持", body):
        who = r.subject_name(s0 + m.start())
        if m.group("by"):
            ms = [x for x in r.mentions if s0 + m.start("by") <= x.start < s0 + m.end("by")]
            who = ms[-1].name if ms else None
        meetings = [e for e in events if e.kind == "meeting" and e.start <= s0 + m.start()]
        if who and not meetings and not events and "主持会议" in m.group():
            # 县委常委会召开会议 (headline) … X主持会议: the meeting is the headline's
            meetings = [_Event("meeting", _headline_meeting(r.a) or "会议", s0 + m.start(),
                               scan.date_for(s0, s0 + m.start()), None, "主持会议", (s0, s1))]
            events.append(meetings[0])
        if who and meetings and meetings[-1].chair is None:
            meetings[-1].chair = who


@lru_cache(maxsize=1)
def _inspection_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('inspection_verbs')})(?![组员室办队科处局中者点])"
                      r"|(?<=先后)(?:到|来到|深入|前往|走进)")


def _inspections(scan: _Scan, s0: int, s1: int, narrative: bool) -> None:
    """A person (or 他/她, X一行) who 调研/督导/检查… in a clause; later visits by the same
    leader belong to the same inspection."""
    r, events, text = scan.r, scan.events, scan.r.text
    body = text[s0:s1]
    for m in _inspection_rx().finditer(body):
        at = s0 + m.start()
        if scan.in_directive(at) and not narrative:
            continue
        cs = _clause_start(text, at)
        clause = text[cs:at]
        after = body[m.end():m.end() + 3]
        if re.match(r"(?:时的|的|期间的|精神|后|工作|情况|结果|汇报|报告|发现|反馈|问题|中)", after) or re.search(
                r"贯彻|落实|学习|听取|审议|研究|通报", clause):
            continue  # 调研时的指示精神, 听取…检查情况汇报: no visit made here
        if re.search(r"(?:的|了|在|对|开展|进行|接受|组织|加强|迎接|陪同|随同|参加)$", clause) and not re.search(r"(?:实地|深入)$", clause):
            continue
        leader = r.subject_name(at)
        if leader is None and not re.search(r"(?:赴|到|深入)[^，。]{1,20}$", clause):
            continue
        same = [e for e in events if e.kind == "inspection" and e.chair == leader]
        if same:
            if same[0].date is None:
                same[0].date = scan.date_for(s0, at)
            continue
        name = _inspection_name(r, text[cs:_next_break(text, at)], cs)
        ev = _Event("inspection", name, at, scan.date_for(s0, at), leader, m.group(), (s0, s1))
        for other in _co_subjects(r, r.mention_at(cs), at):  # 王某、李某一同调研
            ev.attend(other, at)
        events.append(ev)


def _headline_meeting(a: Article) -> str | None:
    """The meeting a headline names (县委常委会召开会议 -> 县委常委会会议)."""
    sfx = lexicons.alternation("meeting_suffixes")
    m = re.search(f"([^，。：]{{2,30}}?(?:{sfx}))(?:召开|举行)?(?:会议)?$", a.headline)
    return m.group(1) if m else None


def _inspection_name(r: _Reader, clause: str, cs: int) -> str:
    """What the inspection was about: the clause without its subject and escort
    (区委书记X带领…负责同志|实地督导重点项目建设情况)."""
    subj = r.mention_at(cs)
    rest = clause[subj.end - cs:] if subj and subj.end - cs < len(clause) else clause
    rest = re.sub(r"^(?:一行|同志)?(?:带领|率领|率)[^，。]*?(?:负责同志|负责人|人员|同志|一行|干部)", "", rest)
    rest = re.sub(r"^(?:一行|同志|[他她](?:们)?(?:一行)?)", "", rest)
    lead = _LEAD_IN.match(rest)
    return (rest[lead.end():] if lead else rest).lstrip("，") or clause


def _next_break(text: str, i: int) -> int:
    while i < len(text) and text[i] not in _CLAUSE:
        i += 1
    return i


def _current(events: list[_Event], i: int) -> _Event | None:
    before = [e for e in events if e.start <= i]
    return before[-1] if before else (events[0] if events else None)


def _topic_before(a: Article, i: int) -> str | None:
    """The place a paragraph opens with, as in 礼嘉智慧公园是…体验区。(…来到这里)."""
    start = a.body.rfind("\n", 0, i) + 1
    m = re.match(r"([^，。；：！？]{2,40}?)(?:是|位于|始建于|成立于)", a.body[start:i])
    return m.group(1) if m and is_project_name(m.group(1)) else None


def _attach_people_and_sites(scan: _Scan, events: list[_Event]) -> None:
    """Attendees (出席, 参加, 陪同, 发言 …) to the event in hand; the places an inspection
    visits, in order."""
    r, in_directive, text = scan.r, scan.in_directive, scan.r.text
    if not events:
        return
    attend = _rx("attend_verbs")
    speech = _rx("speech_verbs")
    for sent in sentences(r.a):
        s0, s1 = sent.start, sent.end
        if in_directive(s0) and not _NARRATIVE.match(text[s0:s1]):
            continue
        verbs = [(m, False) for m in attend.finditer(text, s0, s1)] + [(m, True) for m in speech.finditer(text, s0, s1)]
        for m, spoken in verbs:
            own = text[_clause_start(text, m.start()):m.start()]
            if re.match(r"(?:精神|稿|要求)", text[m.end():]) or (spoken and re.search(r"学习|贯彻|落实|的$", own)):
                continue  # 学习…重要讲话精神: someone's words, not someone present
            ev = _current(events, m.start())
            if ev is None:
                continue
            after = re.match(r"(?:会议|活动|座谈会|仪式)?的(?:领导|同志)?(?:还)?有", text[m.end():s1])
            if after:  # 出席会议的还有A、B: the names come after
                lo, hi = m.end(), s1
            else:
                lo, hi = _attendee_span(r, s0, m.start()), m.start()
            quoted = _quoted_spans(text, lo, hi)
            for x in r.mentions:
                if lo <= x.start < hi and not any(s <= x.start < e for s, e in quoted):
                    ev.attend(x.name, x.start)
        ev = _current(events, s1 - 1)
        if ev and ev.kind == "inspection":
            for cs, ce in _clauses(text, s0, s1):
                if in_directive(cs) and not _NARRATIVE.match(text[s0:s1]):
                    continue
                who = r.subject_name(cs + 1) if ce > cs else None
                if who is not None and who != ev.chair and who not in ev.attendees:
                    continue
                found = sites_after(text[cs:ce])
                for site, shared in found:
                    if site in ("这里", "这儿", "此"):  # X是…。Y来到这里
                        site, shared = _topic_before(r.a, s0), False
                    if site and site not in [x for x, _, _ in ev.sites]:
                        ev.sites.append((site, shared, cs))
                if found and ev.date is None:
                    # an inspection with no day takes the first day its itinerary gives
                    ds = [d for d in scan.dates if s0 <= d.start < s1 and not d.vague]
                    if ds:
                        ev.date = resolve(ds[0], scan.year, scan.dateline)


def _attendee_span(r: _Reader, s0: int, verb: int) -> int:
    """Where the list of people before an attendance verb starts: the verb's clause, and
    the clauses before it in the sentence that end in a name or a word for people
    (区长胡友涛，区领导李嫣、陈某等出席; 各督导组组长，…参加): not a person merely named
    earlier in the sentence (贯彻落实市长某某的指示精神，…参加会议)."""
    start = _clause_start(r.text, verb)
    ends = {m.end for m in r.mentions}
    while start > s0:
        prev = _clause_start(r.text, start - 1)
        if start - 1 not in ends and not _people_word_rx().search(r.text, prev, start - 1):
            break
        start = prev
    return start


@lru_cache(maxsize=1)
def _people_word_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('title_heads', 'group_words', 'role_words')}|成员|人员|干部|等)$")


def _clauses(text: str, s0: int, s1: int):
    cs = s0
    for i in range(s0, s1):
        if text[i] in "，。；！？":
            if i > cs:
                yield cs, i
            cs = i + 1
    if s1 > cs:
        yield cs, s1


def _quoted_spans(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """The stretches inside 《》 or “”: a name there is part of a title or a quotation, not
    someone present."""
    return [(s0 + m.start(), s0 + m.end()) for m in re.finditer(r"[《“][^》”]*[》”]", text[s0:s1])]


def extract(article: Article, year: int | None = None,
            printed: tuple[int, int, int] | None = None) -> Facts:
    """All facts of one article. `year` is assumed where the text gives none; `printed`,
    the page's own date, gives the month of a bare day (6日) when no dateline does."""
    r = _Reader(article)
    text = r.text
    dl = dateline_date(article.dateline)
    if dl[1] is None and printed:
        dl = printed
    own = page_date(article.body[:200])
    page_year = dl[0] or (own[0] if own else None) or year
    warnings: list[str] = []
    directives = _find_directives(r)
    events = _find_events(r, directives, page_year, dl)

    def evidence(s: int, e: int) -> Evidence:
        ss = _sentence_start(text, s)
        se = e
        while se < len(text) and text[se - 1:se] not in ("。", "\n", "！", "？") and se - e < 300:
            se += 1
        src = article.source_span(ss, se)
        return Evidence(article.id, text[ss:se].strip(), src[0], src[1])

    ids = {id(e): f"{article.id}-e{k}" for k, e in enumerate(events, 1)}
    dir_records: list[Directive] = []
    dir_resp: list[Responsibility] = []
    officials = {m.name for m in r.mentions if m.titles}
    for d in directives:
        ev = _current(events, d.start)
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
        if e.kind == "inspection" and e.chair:
            for n in sites:
                at = next(a for x, a in named if x == n)
                resp.append(Responsibility(e.chair, n, ids[id(e)], evidence(at, at + 1)))
        ev_records.append(Event(ids[id(e)], e.kind, e.name, e.date, e.chair, tuple(e.attendees),
                                tuple(sites), evidence(e.sentence[0], e.sentence[1]), e.trigger,
                                tuple(evidence(at, at + 1) for at in e.attended_at)))
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
