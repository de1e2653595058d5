"""Date expressions of the genre -> ISO dates (or --MM-DD when nothing tells the year)."""
from __future__ import annotations

import re
import datetime
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "resolve", "page_date", "dateline_date"]

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
_DATE = re.compile(
    rf"(?:(?P<y>(?:19|20)\d{{2}}|[一二〇零九]{{4}})年)?(?:(?P<m>{_N})月)?(?P<d>{_N})[日号]"
    rf"(?:(?:至|到|-|—|～|~)(?:{_N}月)?{_N}[日号])?"
)
_RELATIVE = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
_VAGUE = re.compile(r"近日|日前|近期|连日来|近来|前不久|日来|此前")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None  # None for 近日 / 日前 and for 今日 / 昨天
    relative: int | None = None  # days from the dateline: 今日 0, 昨天 -1

    @property
    def vague(self) -> bool:
        """近日, 日前: no day to give."""
        return self.day is None and self.relative is None


def page_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a full date near the top of a page (2023年6月14日, 2023-06-14):
    the page's own date, unlike a bare year in the text (2019年中国北京世界园艺博览会)."""
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?:年(\d{1,2})月(\d{1,2})日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))", text)
    if not m:
        return None
    month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return int(m.group(1)), int(month), int(day)


def dateline_date(dateline: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a dateline such as 新华社北京2月19日电."""
    m = re.search(rf"(?:((?:19|20)\d{{2}})年)?({_N})月({_N})日", dateline)
    if not m:
        return (None, None, None)
    return (int(m.group(1)) if m.group(1) else None, _num(m.group(2)), _num(m.group(3)))


def find_dates(text: str) -> list[DateMention]:
    """Date mentions in order: 7月23日上午, 2023年5月6日, 5月6日至7日 (its first day), 17日
    (no month), 今日/昨天 (`relative` to the dateline) and 近日/日前 (`vague`)."""
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        y = m.group("y")
        year = _num(y) if y else None
        month = _num(m.group("m")) if m.group("m") else None
        try:
            day = _num(m.group("d"))
        except (KeyError, ValueError):
            continue
        if not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
            continue
        out.append(DateMention(m.start(), m.end(), year, month, day))
    for m in re.finditer("|".join(_RELATIVE), text):
        out.append(DateMention(m.start(), m.end(), None, None, None, _RELATIVE[m.group()]))
    for m in _VAGUE.finditer(text):
        out.append(DateMention(m.start(), m.end(), None, None, None))
    return sorted(out, key=lambda d: d.start)


def resolve(d: DateMention, year: int | None, dateline: tuple[int | None, int | None, int | None]) -> str | None:
    """An ISO date for a mention, filling month (and year) from the dateline and the year
    from `year`; "--MM-DD" when no year is known; None for 近日/日前."""
    dy, dm, dd = dateline
    if d.relative is not None:  # 今日, 昨天: counted from the dateline
        if dm is None or dd is None:
            return None
        base = datetime.date(dy or year or 2000, dm, dd) + datetime.timedelta(days=d.relative)
        month, day = base.month, base.day
    elif d.day is None:
        return None
    else:
        month, day = d.month, d.day
    if month is None:
        if dm is None:
            return None
        month = dm if dd is None or day <= dd else (dm - 1 or 12)
    y = d.year or dy or year
    if y is None:
        return f"--{month:02d}-{day:02d}"
    try:
        return datetime.date(y, month, day).isoformat()
    except ValueError:
        return None
