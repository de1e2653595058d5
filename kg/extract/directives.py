"""Directives: who said what (指出, 强调, 要求 …), and where what was said ends."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from ..normalize import CJK
from .names import is_title
from .persons import Mention
from .reader import SUBJECT_SKIP, Reader, clause_start, co_subjects, lexicon_rx, sentence_start

__all__ = ["FoundDirective", "find_directives"]


@dataclass
class FoundDirective:
    speaker: str | None
    cue: str
    start: int  # where the cue stands
    text_start: int
    text_end: int = 0
    co_speakers: tuple[str, ...] = ()  # 王某、李某强调: both said it
    someone: bool = False  # said by someone the text does not name (一位老人说)
    column: bool = False  # the whole column before a closing line of attribution



_WEAK = ("表示", "说", "认为", "希望", "提出")
_ADVERBS = r"(?:并|还|同时|他还|也|进一步|再次|最后|随后|又|则|更|特别|明确|专门|一再|反复|多次|曾)"


def _said_before(text: str, cs: int, e: int) -> tuple[int, int] | None:
    """The quotation a cue closes: “…。”王某说。 gives the span inside the quotes, when the
    cue ends its sentence and its clause opens with the closing quote."""
    if e < len(text) and text[e] not in "。！？\n":
        return None
    k = cs
    while k < len(text) and text[k] in " \u3000":
        k += 1
    if text[k:k + 1] != "”":
        # “…。”5月6日，某会举行，王某在致辞中表示。: the sentence the cue ends opens with the
        # closing quote, and the clauses between tell when and where
        ss = sentence_start(text, cs - 1) if cs else 0
        if text[ss:ss + 1] != "”" or re.search("[“”]", text[ss + 1:cs]):
            return None
        k = ss
    para = text.rfind("\n", 0, k) + 1
    open_at = text.rfind("“", para, k)
    return (open_at + 1, k) if open_at >= 0 else None


def _unnamed_holder(r: Reader, clause: str) -> tuple[bool, str | None]:
    """A clause that names a post but no person (一位副省长说, 镇党委书记指出): (True, the one
    person the article gave that title) or (True, None); (False, None) when it is no title."""
    core = re.sub(r"^(?:一位|一名|这位|该|有位|某)", "", clause)
    if not core or len(core) > 16 or not is_title(core) or re.search(r"[他她们]", core):
        return False, None
    # the title before the name (副省长某某) or right after it (某某总书记)
    holders = {m.name for m in r.mentions if any(t == core or t.endswith(core) for t in m.titles)
               or r.text.startswith(core, m.end)}
    return True, holders.pop() if len(holders) == 1 else None


def _speaker(r: Reader, cs: int, s: int) -> tuple[bool, str | None, Mention | None]:
    """(is a directive, speaker, subject mention) for a cue at s whose clause starts at cs."""
    text = r.text
    while cs < s and text[cs] in SUBJECT_SKIP + "“":  # “总书记指出，…: a report inside a quotation
        cs += 1
    clause = text[cs:s]
    subj = r.mention_at(cs) or _modified_subject(r, cs, s)
    if subj and s - subj.end <= 40:  # 王某在全县…大会上讲话时强调
        return True, subj.name, subj
    described = _described_subject(r, cs, s)
    if described:  # 某公司总经理助理刘某说: who the speaker is comes before the name
        return True, described.name, described
    if clause[:1] in ("他", "她") and not clause.startswith(("他们", "她们")) and len(clause) <= 20:
        speaker = r.last_subject(cs)
        return speaker is not None, speaker, None
    named = any(cs <= m.start < s for m in r.mentions)
    # 会议在认真听取…的汇报后强调, 督导组在听取…汇报后指出: however long the clause of when
    when = _WHEN.search(clause)
    head = clause[:when.start()] if when else clause
    if lexicon_rx("meeting_anaphora").match(clause) and (len(clause) <= 6 or not named) and (
            len(clause) <= 30 or when and lexicon_rx("meeting_anaphora").fullmatch(head)):
        return True, None, None  # 会议强调, 会议在传达…时强调
    if head and not named and (_group_subject_rx().search(head) or _opening_rx("group_subjects", 8, 8).match(head)
                                     or _opening_rx("organization_suffixes", 16, 10).match(head)):
        return True, None, None  # 督导组要求, 代表们认为, 督导组调研后指出, 某公司提出
    if _SOMEONE.match(clause) and not _unnamed_holder(r, re.sub(r"[^，。]*?(?:的|位|名)", "", clause, count=1))[0]:
        return True, None, _SOMEONE  # 一位老人高兴地说: someone unnamed (一位副省长说 is a post)
    familiar = _FAMILIAR.match(clause)
    if familiar:  # 小李回忆说: the one person of that surname the article names
        names = {m.name for m in r.mentions if m.start < s and m.name.startswith(familiar.group(1))}
        if len(names) == 1:
            return True, names.pop(), None
    title, holder = _unnamed_holder(r, clause)
    if title:
        return True, holder, None
    if clause == "" or re.fullmatch(_ADVERBS + "{1,3}", clause) or when and re.fullmatch(_ADVERBS + "{0,3}", head):
        # …调研，在听取某某的汇报后指出: the subject of the sentence's earlier clause
        speaker = r.subject_name(s)
        if speaker is None and (when and _VISIT_WORD.search(when.group()) or clause == "" and _VISIT_LEAD.fullmatch(
                text, sentence_start(text, cs), cs)):
            # 在调研中要求…, 调研期间，要求… opening its sentence: the one last named as acting,
            # whose visit it is
            speaker = r.last_subject(cs)
        return speaker is not None, speaker, None
    return False, None, None


# the clause of when a subject said it: 在听取…汇报后, 在传达…时, 在调研中; or a visit's own
# time with no 在 (调研时, 考察期间)
_VISIT = r"(?:调研|考察|视察|检查|督导|督查|走访|慰问|察看|查看|暗访)"
_VISIT_WORD = re.compile(_VISIT)
_WHEN = re.compile(r"在[^，。；：“”]{2,60}?(?:时|后|之后|之际|过程中|中|期间)$"
                   f"|^{_VISIT}(?:时|中|期间|过程中)$")

# a clause of a visit's time alone, opening its sentence before the cue's (调研期间，要求…)
_VISIT_LEAD = re.compile(rf"\s*(?:在[^，。；：“”]{{0,20}})?{_VISIT}(?:时|中|期间|过程中)[，,]")

# someone the text does not name (一位老人说, 有位村民笑着说; not 一位名叫某某的村民)
_SOMEONE = re.compile(r"^(?:一位|一名|有位|有名|一个|几位|不少|许多|很多)(?![^，。]*(?:名叫|叫做|叫))[^，。；：]{0,12}$")
# 小李, 老王 and how they said it (回忆, 笑着, 感慨地)
_FAMILIAR = re.compile(r"^[小老](\w)(?:[^，。；：]{0,4}[地着]|回忆|补充|坦言|介绍)?$")

# what, standing just before a name, makes it the one spoken to or of (对刘某说, 听刘某说)
_NOT_SPEAKER = re.compile(r"(?:对|向|跟|给|与|同|和|及|让|听|请|叫|问|替|帮|据|像|被|把|为)$")


def _described_subject(r: Reader, cs: int, s: int) -> Mention | None:
    """The name right before the cue, after words that say who the person is (北关镇某公司总经理
    助理刘某说; 某市某大队副大队长、工作组成员张某说): the speaker, unless a word before the name
    makes it the one spoken to (对刘某说) or another name stands before it in the clause."""
    if s - cs > 40:
        return None
    last = next((m for m in reversed(r.mentions) if m.end == s), None)
    if last is None or last.left <= cs or any(cs <= m.start < last.left for m in r.mentions):
        return None
    before = r.text[cs:last.left]
    if _NOT_SPEAKER.search(before) or re.search(r"[他她我你]|[在时]|听|看到|说", before):
        return None
    return last


def _modified_subject(r: Reader, cs: int, s: int) -> Mention | None:
    """A subject named after a phrase that describes it (主持会议的省长某某说, 负责…工作的秘书长
    某某说): the first mention in the clause, right after 的, with no other name before it."""
    for m in r.mentions:
        if m.left >= s:
            break
        if m.left > cs:
            return m if r.text[m.left - 1] == "的" and m.left - cs <= 30 else None
    return None


# 希望 as part of a noun (希望工程, 希望小学, 希望之星), not the verb
_HOPE_NOUN = re.compile(r"(?:工程|小学|之星|之光|所在|田野)")


def _hope_subject(r: Reader, cs: int, s: int) -> bool:
    """Whether the clause before a 希望 with no comma after it is only who hopes and when (王某希望
    各乡镇…, 她还希望, 王某在调研时希望, 调研时希望): a person named or 他/她 opening it, or none,
    then adverbs or a clause of when; not 他们希望 or 群众希望, whose words no one reports."""
    text = r.text
    while cs < s and text[cs] in SUBJECT_SKIP:
        cs += 1
    subj = r.mention_at(cs)
    k = cs
    if subj is not None and subj.end <= s:
        k = subj.end
    elif text[cs:cs + 1] in ("他", "她") and text[cs + 1:cs + 2] != "们":
        k = cs + 1
    rest = text[k:s]
    if re.fullmatch(_ADVERBS + "{0,3}", rest):
        return True
    when = _WHEN.search(rest)
    return bool(when) and re.fullmatch(_ADVERBS + "{0,3}", rest[:when.start()]) is not None


def _goes_on(r: Reader, found: list[FoundDirective], cs: int, s: int, para: int) -> bool:
    """Whether a cue with nothing before it in its sentence (…。希望大家…) goes on with the
    directive before it: one by a person named, in the same paragraph, and no other person
    named as acting between them."""
    text = r.text
    if not found or found[-1].speaker is None or found[-1].column or found[-1].start < para:
        return False
    k = cs
    while k < s and text[k] in SUBJECT_SKIP:
        k += 1
    if k != s or (cs > 0 and text[cs - 1] not in "。！？；"):
        return False
    return r.last_subject(cs) in (found[-1].speaker, None) or not any(
        found[-1].start < m.start < cs for m in r.mentions)


# cues that are nouns as well (工作要求, 新希望); 强调, 指出 are verbs only
_ALSO_NOUNS = frozenset({"要求", "希望", "建议", "意见"})
# the points a speaker counts before making them (强调了三点意见：一要…): what was said opens after
_POINTS = re.compile(r"了?(?:[一二三四五六七八九十两几]|\d{1,2})(?:点|条|项|个方面)(?:意见|要求|希望|建议|看法)?[：:]")


def find_directives(r: Reader) -> list[FoundDirective]:
    text = r.text
    cues = lexicon_rx("directive_cues")
    found: list[FoundDirective] = []
    quoted: dict[int, int] = {}  # directives whose text is the quotation before the cue
    ends = {m.end for m in r.mentions}
    titled = {m.left for m in r.mentions if m.titles}
    starts = {k: m.end for m in r.mentions for k in (m.start, m.left)}  # a name, or its titles, to its end
    named_at = {m.left: m.name for m in r.mentions}
    for m in cues.finditer(text):
        cue, s, e = m.group(), m.start(), m.end()
        nxt = text[e:e + 1]
        prev = text[max(0, s - 2):s]
        points = _POINTS.match(text, e)  # 强调了三点意见：一要…, 强调三点：…
        if not points and (nxt in ("的", "了", "过", "、", "好") or text[e:e + 2] in ("要求", "建议", "意见")):
            continue  # 提出的, 提出要求, 提要求、找问题: a noun, not what was said; 叮嘱好, 说好: a complement
        if (re.search(r"(?:按照|根据|按|符合|的)$", prev) or cue in _ALSO_NOUNS and re.search(
                r"(?:提出|重大|有关|工作|纪律|基本|总体|具体|新|严格)$", prev)) and s not in ends \
                and not (prev.endswith("提出") and nxt in ("：", ":")):
            continue  # 按照要求, 新要求: a noun (but 刘建新要求: a name before the cue; …工作强调: a verb;
            # 提出要求：要…: the colon opens what was required)
        if s not in ends and (re.search(r"(?:和|及)$", prev) or re.search(
                r"(?:贯彻|落实|按照|根据|遵照|对照|符合|达到)[^，。；：]{0,16}$", text[clause_start(text, s):s])):
            continue  # 检查和要求, 贯彻党中央要求: the cue is a noun or one of two verbs
        if found and found[-1].text_start == s:
            continue  # 表示，希望…: what the cue before introduces
        if cues.match(text, e):
            continue  # 强调指出: the second cue introduces what was said
        cs = clause_start(text, s)
        para = text.rfind("\n", 0, s) + 1
        if cue in _WEAK and text.startswith("——", para) and text[e:e + 1] in ("", "\n") and para > 0:
            # a column that closes with who said it (——某市委书记某某日前在…会议上说):
            # what was said is the text before that line
            ok, speaker, subj = _speaker(r, para, s)
            if not (ok and speaker):
                ok, speaker, subj = _speaker(r, para + 2, s)
            if ok and speaker:
                found.append(FoundDirective(speaker, cue, s, 0, column=True))
                quoted[id(found[-1])] = para - 1
            continue
        before = _said_before(text, cs, e)
        if before is None and nxt in ("。", "；", "！", "？", "\n", ""):
            continue  # 提出四点要求。: nothing said after the cue, and no quotation before it
        if cue in _WEAK and nxt not in ("，", "：", ",") and before is None:
            # …成绩，希望内蒙古…: 希望 opening its clause needs no comma
            # 她希望镇村干部…: nor after 他/她 as its subject
            if not (cue == "希望" and _hope_subject(r, cs, s) and re.match(f"[{CJK}]", nxt)
                    and not _HOPE_NOUN.match(text, e)):
                continue
        ok, speaker, subj = _speaker(r, cs, s)
        if not ok and _goes_on(r, found, cs, s, para):
            # …。他表示，…。希望大家…: a cue opening a sentence with no subject goes on with
            # what the person named before said in the paragraph
            ok, speaker, subj = True, found[-1].speaker, None
        if not ok or speaker is None and text.count("“", para, s) > text.count("”", para, s):
            continue  # inside a quotation, only a person named reports what was said (“会议都要求…”)
        ts = points.end() if points else e
        while ts < len(text) and text[ts] in "，：,: “":
            ts += 1
        close = text.find("”", ts, ts + 24)
        if (text[ts - 1:ts] == "“" and close > 0 and not re.search("[。！？\n]", text[ts:close])
                and re.match(f"[{CJK}]", text[close + 1:close + 2])):
            ts -= 1  # 强调，“一国两制”是…: a quoted phrase opens what was said, not a quotation
        if before:
            ts = before[0]
        someone = subj is _SOMEONE
        subj = None if someone else subj
        found.append(FoundDirective(speaker, cue, s, ts, co_speakers=tuple(co_subjects(r, subj, s)), someone=someone))
        if before:
            quoted[id(found[-1])] = before[1]
    found.sort(key=lambda d: d.text_start)  # (keyed by the directive, not its place: sorting moves it)
    # a directive runs to the next one, to the end of its paragraph, or to where narration
    # resumes (…出席会议。, X主持会议。, 随后…)
    for k, d in enumerate(found):
        if id(d) in quoted:
            d.text_end = quoted[id(d)]
            continue
        para_end = text.find("\n", d.text_start)
        para_end = len(text) if para_end < 0 else para_end
        nxt = min(found[k + 1].start, found[k + 1].text_start - 1) if k + 1 < len(found) else len(text)
        if nxt < para_end:
            # end at the sentence before the next cue's clause
            end = clause_start(text, nxt)
            sent = sentence_start(text, nxt)
            para_end = sent if sent > d.text_start else end
            if para_end <= d.text_start:
                # 叮嘱随行人员说，…: the next cue stands in this one's clause; what this one
                # introduces runs up to it and takes it in
                para_end = found[k + 1].start + len(found[k + 1].cue)
        own = {k for k, v in named_at.items() if d.speaker and v == d.speaker}
        d.text_end = _narration_start(text, d.text_start, para_end, titled | own, starts)
        para = text.rfind("\n", 0, d.start) + 1
        if text.count("“", para, d.start) > text.count("”", para, d.start):
            close = text.find("”", d.text_start, d.text_end)  # “县长指出，…。”村民某某说: said inside a quotation
            d.text_end = close if close >= 0 else d.text_end
    return found


_NARRATION = re.compile(
    r"[^。！？]*?(?:出席|参加|列席|主持)(?:了)?(?:会议|活动|座谈会|仪式|大会)?(?:并(?:讲话|致辞|发言|作总结))?[。！]"
    r"|(?:会议|会上|会前|会后|随后|当天|此前|期间)(?:还|并|同时|听取|审议|传达|通报|观看|学习|研究|部署)"
    r"|(?:会上|会前|会后|随后|会议最后)[，,]")  # 会上，各部门作了汇报: the meeting's story again


def _narration_start(text: str, start: int, end: int, titled: set[int], starts: dict[int, int] | None = None) -> int:
    """Where narration resumes inside [start, end): a sentence that tells who attended or
    chaired (…出席会议。), opens as the meeting's own story (会议还…, 随后…) or with a titled
    person (县长某某来到…), a new actor; or opens with a name that goes on as the story does
    (某某一行先后来到…, 县领导A、B参加调研督办。)."""
    starts = starts or {}
    i = text.find("。", start, end)
    while 0 <= i < end - 1:
        if _NARRATION.match(text, i + 1) or i + 1 in titled or _acts_on(text, i + 1, end, starts):
            return i + 1
        i = text.find("。", i + 1, end)
    return end


# what a name opening a sentence does when the story goes on: goes somewhere with those
# with it (一行先后来到), or goes along (一同调研, 参加调研督办, 陪同)
_STORY_GOES_ON = re.compile(
    r"(?:同志)?(?:一行|等)(?:还|又|随后|随即|先后|首先|接着|再)?(?:来到|深入|前往|走进|赶赴|奔赴|实地|察看|查看|到)"
    r"|(?:同志)?(?:等)?(?:一同|共同|一起|分别)?(?:参加|陪同|出席|列席)(?:了)?[^，。；！？]{0,10}?"
    r"(?:调研|督导|督查|督办|检查|视察|考察|慰问|走访|活动|会议|座谈会)?[。！]")


def _acts_on(text: str, i: int, end: int, starts: dict[int, int]) -> bool:
    """A sentence at i that opens with a name (after a group word: 县领导A、B; after where:
    在青石村，某某…) and goes on as the story does (某某一行先后来到…, 县领导A、B参加调研。)."""
    lead = re.match(r"(?:在[^，。；：“”]{2,20}，)?(?:[县区市镇乡旗州]|[县区市镇乡旗州]直|上级)?(?:领导)?", text[i:end])
    k = i if i in starts and not text.startswith("在", i) else i + (lead.end() if lead else 0)
    if k not in starts:
        return False
    if text.startswith("在", i) and "，" in lead.group():
        return True  # 在青石村，某某走进农户家中: a place, then who acts there
    k = starts[k]
    while text[k:k + 1] == "、" and k + 1 in starts:  # A、B、C
        k = starts[k + 1]
    return _STORY_GOES_ON.match(text, k) is not None


@lru_cache(maxsize=1)
def _group_subject_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('group_subjects')})(?:纷纷|一致|普遍|都|也|还|均)?$")


@lru_cache(maxsize=None)
def _opening_rx(lexicon: str, before: int, after: int) -> re.Pattern:
    """A clause that is a word of the lexicon after at most `before` characters and before at
    most `after` more (某公司提出, 省委明确要求; 督导组调研后指出)."""
    return re.compile(f"^[{CJK}]{{0,{before}}}?(?:{lexicons.alternation(lexicon)})[{CJK}]{{0,{after}}}$")
