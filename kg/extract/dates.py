"""Date expressions of the genre -> ISO dates (or --MM-DD when nothing tells the year)."""
from __future__ import annotations

import re
import datetime
from dataclasses import dataclass, replace

__all__ = ["DateMention", "find_dates", "in_context", "resolve", "page_date", "dateline_date"]

_CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "〇": 0, "零": 0, "两": 2}


def _num(s: str) -> int:
    """12 or 十二 or 二十三 -> int."""
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        s = "一" + s
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_NUM.get(tens, 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return int("".join(str(_CN_NUM[c]) for c in s))  # 二〇一九


_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DASH = "-—–－～~"
_DATE = re.compile(
    rf"(?:(?P<y>(?:19|20)\d{{2}}|[一二〇零九]{{4}})年)?(?:(?P<m>{_N}|元)月)?(?P<d>{_N})"
    rf"(?:[{_DASH}]{{1,2}}{_N}(?=[日号]))?[日号]"  # 5月6—7日: the first day
    rf"(?:(?:至|到|[{_DASH}]{{1,2}})(?:{_N}月)?{_N}[日号])?"
)
_RELATIVE = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
_VAGUE = re.compile(r"近日|日前|近期|连日来|近来|前不久|日来|此前")
# the day last written (3月5日，…。当日下午，…); not 当日的 (当日的报纸: any day's)
_SAME = re.compile(r"(?:当日|当天|同日|同一天)(?!的|起|内|即|就|报名)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None  # None for 近日 / 日前 and for 今日 / 昨天
    relative: int | None = None  # days from the dateline: 今日 0, 昨天 -1
    last_month: bool = False  # 上月28日: the month before the dateline's
    same: bool = False  # 当日, 当天, 同日: the day last written (see `in_context`)

    @property
    def vague(self) -> bool:
        """近日, 日前: no day to give."""
        return self.day is None and self.relative is None and not self.same


_FULL = r"(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))"
_FULL_DATE = re.compile(_FULL)
# the article's own date line (发布时间：2023-06-10, 2023-06-10 10:30 来源：…, a date before the
# editors or the site's counters: 2023-06-10 11:18 编辑：… 阅读：…) wins over a
# timestamp in the site's navigation (今天是2023年6月14日 星期三)
_OWN_DATE = re.compile(
    rf"(?:(?:发布|更新|发稿)?(?:时间|日期)\s*[:：]\s*){_FULL}|{_FULL}(?=\s*(?:(?:上午|下午)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*(?:来源|作者|浏览|点击|阅读|编辑|责编|审核|字号|[|｜]))"
)


def page_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a full date near the top of a page (2023年6月14日, 2023-06-14):
    the page's own date, unlike a bare year in the text (2019年中国北京世界园艺博览会). A
    labelled date (发布时间：…) may stand further down, after a site's navigation; a bare full
    date counts only in the first 400 characters."""
    m = _OWN_DATE.search(text) or _FULL_DATE.search(text, 0, 400)
    if not m:
        return None
    g = [x for x in m.groups() if x is not None]  # year, month, day of whichever form matched
    year, month, day = int(g[0]), int(g[1]), int(g[2])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def dateline_date(dateline: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a dateline such as 新华社北京2月19日电."""
    m = re.search(rf"(?:((?:19|20)\d{{2}})年)?({_N})月({_N})日", dateline)
    if not m:
        return (None, None, None)
    return (int(m.group(1)) if m.group(1) else None, _num(m.group(2)), _num(m.group(3)))


# the characters a match of _DATE opens with (a digit, a numeral of a year, a month or a day)
_DATE_OPENING = re.compile(r"[\d一二三四五六七八九十〇零元]")


def _date_matches(text: str):
    """_DATE.finditer(text), match for match: _DATE tried only where a date can open, not at
    every character (its optional parts leave re no first character to look for)."""
    search, match, pos = _DATE_OPENING.search, _DATE.match, 0
    while (c := search(text, pos)) is not None:
        m = match(text, c.start())
        if m:
            yield m
            pos = m.end()
        else:
            pos = c.start() + 1


def find_dates(text: str) -> list[DateMention]:
    """Date mentions in order: 7月23日上午, 2023年5月6日, 5月6日至7日 and 5月6—7日 (the first
    day), 17日
    (no month; 上月28日 marked `last_month`), 元月 (January), 今日/昨天 (`relative` to the dateline),
    当日/当天 (`same`: the day last written, see `in_context`) and 近日/日前 (`vague`)."""
    out: list[DateMention] = []
    for m in _date_matches(text):
        y = m.group("y")
        year = _num(y) if y else None
        month = (1 if m.group("m") == "元" else _num(m.group("m"))) if m.group("m") else None  # 元月: January
        try:
            day = _num(m.group("d"))
        except (KeyError, ValueError):
            continue
        if not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
            continue
        out.append(DateMention(m.start(), m.end(), year, month, day,
                               last_month=month is None and text[max(0, m.start() - 2):m.start()] == "上月"))
    for m in _SAME.finditer(text):
        out.append(DateMention(m.start(), m.end(), None, None, None, same=True))
    for m in re.finditer("|".join(_RELATIVE), text):
        out.append(DateMention(m.start(), m.end(), None, None, None, _RELATIVE[m.group()]))
    for m in _VAGUE.finditer(text):
        out.append(DateMention(m.start(), m.end(), None, None, None))
    return sorted(out, key=lambda d: d.start)


def in_context(dates: list[DateMention], text: str, explicit_month: bool) -> list[DateMention]:
    """Dates as the text's own earlier dates tell them: 当日/当天 is the day last written; a bare
    day (14日) is of the month last written when that month's day written was no later
    (3月13日…在14日晚召开的座谈会上), unless a dateline gives the month and the earlier date
    stands in another paragraph (本报北京2月19日电…去年12月3日…。\n18日，…: February's)."""
    out: list[DateMention] = []
    last: DateMention | None = None  # the last date written with its month
    # 昨天（5月6日）: the day written out in brackets tells it, not the word counted from the page
    told = {d.start for d in dates if d.relative is not None and any(
        e.start == d.end + 1 and text[d.end:d.end + 1] in "（(" and e.day is not None and e.relative is None for e in dates)}
    for d in dates:
        if d.start in told:
            continue
        if d.same:
            if last is not None:
                d = replace(last, start=d.start, end=d.end)
        elif d.month is None and d.day is not None and not d.last_month and last is not None and (
                text[max(0, d.start - 2):d.start] != "本月") and d.day >= (last.day or 0) and (
                not explicit_month or "\n" not in text[last.start:d.start]):
            d = replace(d, month=last.month, year=d.year or last.year)
        if d.month is not None and d.day is not None:
            last = d
        out.append(d)
    return out


def resolve(d: DateMention, year: int | None, dateline: tuple[int | None, int | None, int | None]) -> str | None:
    """An ISO date for a mention, filling month (and year) from the dateline and the year
    from `year`; "--MM-DD" when no year is known; None for 近日/日前."""
    dy, dm, dd = dateline
    if d.relative is not None:  # 今日, 昨天: counted from the dateline
        if dm is None or dd is None:
            return None
        base = datetime.date(dy or year or 2000, dm, dd) + datetime.timedelta(days=d.relative)
        if dy or year:
            return base.isoformat()  # 昨天 in an article of 1月1日 is last year's 12月31日
        return f"--{base.month:02d}-{base.day:02d}"
    if d.day is None:
        return None
    month, day = d.month, d.day
    if month is None and d.last_month:
        if dm is None:
            return None
        month = dm - 1 or 12
        y = d.year or dy or year
        if y is None:
            return f"--{month:02d}-{day:02d}"
        try:
            return datetime.date(y - (1 if dm == 1 else 0), month, day).isoformat()
        except ValueError:
            return None
    if month is None:
        if dm is None:
            return None
        month = dm if dd is None or day <= dd else (dm - 1 or 12)
    y = d.year or dy or year
    if (d.year is None and y is not None and d.month is not None and dm is not None and dd is not None
            and (month, day) > (dm, dd)):
        y -= 1  # an article of 1月2日 telling of 12月31日: that was last year
    elif d.month is None and y is not None and dm == 1 and month == 12 and d.year is None:
        y -= 1  # 31日 in an article of 1月2日
    if y is None:
        return f"--{month:02d}-{day:02d}"
    try:
        return datetime.date(y, month, day).isoformat()
    except ValueError:
        return None
