"""Reading one article body: clauses, sentences, who is named where and who acts."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .. import lexicons
from ..models import Article
from .persons import Mention, find_mentions

__all__ = ["Reader", "CLAUSE", "NARRATIVE", "LEAD_IN", "lexicon_rx", "clause_start", "sentence_start",
           "clauses", "co_subjects", "quoted_spans", "SUBJECT_SKIP"]

CLAUSE = "，。；：！？\n"
SUBJECT_SKIP = "”’」』）)】— \u3000"  # what may stand between a clause break and its subject (——X说)
_PRONOUN = re.compile("[他她]")
# a sentence that opens as the story's own (a time, a date), not as what someone said
NARRATIVE = re.compile(r"^[”’\s]*(?:随后|会前|会后|此前|当天|同日|其间|期间|调研期间|督导期间|活动期间|最后|之后|此外|另外"
                       r"|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}[日号])")


@lru_cache(maxsize=None)
def lexicon_rx(name: str) -> re.Pattern:
    """A lexicon as one compiled alternation, longest entries first."""
    return re.compile(f"(?:{lexicons.alternation(name)})")


_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE)}]")
_SENTENCE_END = re.compile("[。；！？\n]")


@lru_cache(maxsize=8)
def _ends(text: str, sentences: bool) -> list[int]:
    """Where the clauses (or sentences) of a text end, in order: found once per text, so the
    start of the clause holding any position is a binary search (an article may be long)."""
    return [m.start() for m in (_SENTENCE_END if sentences else _CLAUSE_END).finditer(text)]


def clause_start(text: str, i: int) -> int:
    """Where the clause holding text[i] starts (after the last ，。；：！？ or line break)."""
    ends = _ends(text, False)
    k = bisect_left(ends, i)
    return ends[k - 1] + 1 if k else 0


def sentence_start(text: str, i: int) -> int:
    ends = _ends(text, True)
    k = bisect_left(ends, i)
    return ends[k - 1] + 1 if k else 0


_LEAD_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# a date (an item head of a chronicle: △3月5日（星期二）), a day or a part of the day, alone or
# after a date or a day (下午, 当天上午); 晚 and 早 only after a day (晚会上 starts no lead-in)
_DAYPART = "上午|下午|中午|晚上|傍晚|早上|清晨|凌晨|晚间"
_DAY = "今天|今日|昨天|昨日|前天|当天|当日|同日|次日"
LEAD_IN = re.compile(
    rf"^(?:[△▲■◆●]\s*)?(?:(?:(?:\d{{4}}|[一二〇零九]{{4}})年)?(?:{_LEAD_N}月)?{_LEAD_N}[日号]"
    rf"(?:(?:至|到|—|-)(?:{_LEAD_N}月)?{_LEAD_N}[日号])?(?:[（(](?:星期|周)[一二三四五六日天][）)])?"
    rf"(?:{_DAYPART}|晚|早)?|"
    rf"(?:{_DAY})(?:{_DAYPART}|晚|早)?|当晚|{_DAYPART}|近日|日前|近期|连日来|随后|会上|会前|会后|"
    r"调研期间|督导期间|期间|其间|在[^，。]{1,20}(?:时|期间|中))"
)


# a clause that says who someone is (是某村党支部书记刘某, 这是县长某某): the name is its subject
_IS_WHO = re.compile(r"(?:这|那|就|正|便|也)?(?:是|为|系)[^在由对的给向、]{0,20}")


# the body a post belongs to, written before a name whose post follows it (县委王某书记)
_UNIT_BEFORE_NAME = re.compile(r"(?:[省市县区州盟旗镇乡]|街道|开发区)?(?:党委|党工委|纪委|纪工委|委|政府|人大常委会|人大|政协)")


# LEAD_IN where a clause starts (its ^ would hold only at the start of the text)
_LEAD_AT = re.compile(LEAD_IN.pattern[1:])


class Reader:
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
        self._subjects: list[tuple[int, str]] | None = None  # (start, name) of clause subjects

    def mention_at(self, i: int) -> Mention | None:
        """The mention whose titles or name begin at i (after a closing quote, a date or a
        time lead-in: “…。”刘某说 names 刘某)."""
        if i in self.at:
            return self.at[i]
        if i < len(self.text) and self.text[i] in SUBJECT_SKIP:
            return self.mention_at(i + 1)
        lead = _LEAD_AT.match(self.text, i)
        if lead and lead.end() > i:
            return self.mention_at(lead.end())
        unit = _UNIT_BEFORE_NAME.match(self.text, i)
        if unit and unit.end() in self.at:
            # 县委王某书记: the unit before the name, the post after it
            m = self.at[unit.end()]
            if m.start == unit.end() and lexicon_rx("title_heads").match(self.text, m.end):
                return m
        return None

    def clause_subject(self, i: int) -> Mention | None:
        """The person whose name opens the clause holding position i."""
        return self.mention_at(clause_start(self.text, i))

    def last_subject(self, before: int) -> str | None:
        """The person last named as the subject of a clause before `before` (for 他/她), or
        as what a clause says someone is (…，是某村党支部书记刘某…。他说)."""
        if self._subjects is None:
            self._subjects = []
            for m in self.mentions:
                cs = clause_start(self.text, m.left)
                if self.mention_at(cs) is m or _IS_WHO.fullmatch(self.text, cs, m.left):
                    self._subjects.append((m.start, m.name))
        k = bisect_left(self._subjects, (before, ""))
        return self._subjects[k - 1][1] if k else None

    def subject_name(self, i: int) -> str | None:
        """Who acts in the clause at i: a name opening the clause, 他/她 resolved, or the
        subject of an earlier clause of the same sentence."""
        cs = clause_start(self.text, i)
        m = self.clause_subject(i)
        if m:
            return m.name
        if _PRONOUN.match(self.text, cs):
            return self.last_subject(cs)
        ss = sentence_start(self.text, i)
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



def co_subjects(r: Reader, subj: Mention | None, before: int) -> list[str]:
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



def clauses(text: str, s0: int, s1: int):
    cs = s0
    for i in range(s0, s1):
        if text[i] in "，。；！？":
            if i > cs:
                yield cs, i
            cs = i + 1
    if s1 > cs:
        yield cs, s1


def quoted_spans(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """The stretches inside 《》 or “”: a name there is part of a title or a quotation, not
    someone present."""
    return [(s0 + m.start(), s0 + m.end()) for m in re.finditer(r"[《“][^》”]*[》”]", text[s0:s1])]

