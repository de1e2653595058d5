"""A page of text -> articles (headline, kicker, byline, body) -> sentences."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from . import lexicons
from .extract.names import plausible_name
from .models import Article, Sentence
from .normalize import BREAK, CJK, CLOSERS, OPENS, TERMINAL, Line, Mapped, Para, paragraphs, runs_on, split_lines

__all__ = ["split_articles", "sentences", "parse_byline", "article_id"]

# The roles of a byline: 记者 (本报记者, 全媒体记者 …) and 通讯员 are counted, 实习生 is not.
_ROLES = rf"(?:本报|本网|本台|本站|全媒体|融媒体?|见习|实习|特约|首席|[{CJK}]{{0,4}}分站|驻[{CJK}]{{1,4}})?记者|(?:本报|本网|本台|特约)?通讯员|实习生"
# The opening of a news item: 本报讯, 又讯, 本报北京5月29日电, 新华社重庆10月16日电, XX日报讯,
# XX网北京5月6日电 (any outlet's dateline), XX网消息 …
_OUTLET = r"(?:社|网|报|台|客户端|融媒体中心|广播电视台|电视台|新闻)"
# The name of an outlet before the role of a byline: （南湖日报 记者 X）, 青石县融媒体中心 | 记者 X
_OUTLET_NAME = rf"[{CJK}]{{1,10}}?(?:{_OUTLET}|融媒|中心)\s*[|｜/]?\s*"
_LEAD = re.compile(
    rf"^(?P<lead>(?:本报讯|又讯|本[网台刊站]讯|本报[{CJK}\d]{{0,14}}?(?:讯(?!员)|电(?![视话]))|"
    rf"(?:新华社|中新社|人民网|新华网|央广网|央视网|中国新闻网)[{CJK}\d]{{0,14}}?电|"
    rf"[{CJK}]{{2,12}}?{_OUTLET}[{CJK}]{{0,8}}\d{{1,2}}月\d{{1,2}}日(?:电|讯|消息)|"
    rf"[{CJK}]{{2,10}}\d{{1,2}}月\d{{1,2}}日讯|"
    rf"[{CJK}]{{2,10}}(?:网|客户端)消息|"
    rf"[{CJK}]{{2,12}}?{_OUTLET}报道(?=[：:])|"
    rf"[{CJK}]{{2,10}}(?:日报|晚报|报|网|融媒体中心|广播电视台)讯|"
    # any outlet's 讯 (青石融媒讯, 青石在线讯, 县新闻中心讯) before a byline, a date or a space
    rf"[{CJK}]{{2,12}}?讯(?=\s*[（(【\[:：]|\s|\d|近日|日前|昨日|今日|昨天|今天|近期|连日来)|"
    # an outlet's tag in brackets: 【青石融媒】, [东山发布]
    rf"[【\[][{CJK}]{{2,12}}?(?:融媒|网|报|台|发布|新闻|客户端)[】\]]|"
    # the byline opens the item, an outlet's name perhaps before it: 记者王芳报道：, 青石日报记者 王芳 报道：
    rf"(?P<rep>(?:{_OUTLET_NAME})?(?P<reprole>(?:{_ROLES})[:：]?[^。，；：:（）()\n]{{2,40}}?\s*报道(?=\s*[：:])))))[：:]?"
)
# words of a byline that name no one: what the named did (报道, 摄影) or other credits (编辑)
_CREDIT_WORDS = frozenset({"报道", "摄影", "摄", "编辑", "审核", "责编", "供稿", "制图", "图文", "文图", "整理",
                           "采写", "撰稿", "摄像", "播音"})
_ROLE = re.compile(rf"(?P<role>{_ROLES})[:：|｜丨]?")
# A parenthesised byline right after the lead: （记者 韩志刚 通讯员 艾增升）
_PAREN_BYLINE = re.compile(rf"^\s*[（(【](?P<by>[^（）()【】]{{0,60}}?(?:{_ROLES})[^（）()【】]{{0,60}})[）)】]")
# A byline standing alone at the end of a web article: 全媒体记者:王某 李某 / (记者 张某)
_END_BYLINE = re.compile(rf"^[（(【\[]?\s*(?:{_OUTLET_NAME})?(?P<by>(?:{_ROLES})\s*[:：|｜丨]?[^。，（）()【】\[\]]{{2,40}}?)\s*[）)】\]]?\s*$")
# A role or a name in a byline with no brackets (本报讯 记者 王芳 通讯员 李明 报道：)
_BYLINE_TOKEN = re.compile(rf"[\s、，,]*(?:(?P<role>{_ROLES})[:：]?|(?P<name>[{CJK}·]{{2,6}})(?=[\s、，,]))")
# 记者王芳报道：, 记者 王芳 通讯员 李明报道： (a byline the body opens with, 报道 closing it)
_REPORTED = re.compile(rf"\s*(?P<by>(?:{_ROLES})[:：]?[^。，；：:（）()\n]{{2,40}}?)\s*报道\s*[:：]")
_CAPTION = re.compile(
    rf"(?:(?:记者|通讯员|摄影)[{CJK}、\s]{{2,14}}|^|[。！？”\s])[{CJK}]{{0,4}}\s*/?\s*摄(?:影)?[）)]?\s*$"
)
# Page furniture that is no part of any article: page headers, editors, web-page metadata.
# A line may open with bullets, pipes or arrows of the site's layout (• 当前位置, || 2022-03-23 …).
_LEADING = r"[\s|｜•■□●◆▲►>»\-_*#]*"
_FURNITURE = re.compile(
    rf"^{_LEADING}(?:第?\s*[A-Z]{{0,3}}\s*\d{{1,3}}\s*版|\d{{1,5}}\s*期\s*[/／]|"
    # label：value lines (来源：, 发布时间：, 编辑：, 编审：, 审核人：, 视频制作：, 文章简介：…)
    rf"(?:{lexicons.alternation('furniture_labels')})\s*[:：|｜丨]|"
    r"(?:今天是)?\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]|"
    # a date with a time, or before the site's labels, is a timestamp: 2023年06月10日 10:21 责编：…
    rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?![^，。]*[，。])\s*(?:(?:上午|下午)?\s*\d{{1,2}}:\d{{2}}|(?:{lexicons.alternation('furniture_labels')})\s*[:：]|[|｜])|"
    r"(?:星期|周)[一二三四五六日天]\s*\d{4}年|"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)(?:\s*(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s|$|来源|星期|周[一二三四五六日天]|[|｜])|"
    r"(?:https?://|www\.)|[\d\-/.:：\s]+$|"  # a link; a date or time broken off its label
    # navigation and breadcrumbs: 首页 > 新闻中心 > 本地要闻, 当前位置：…, 您当前的位置 : …
    r"(?:您|你)?(?:当前|现在)?的?(?:所在)?位置\s*[:：]|(?:当前位置|您的位置|你的位置|所在位置)|"
    r"首页\s*[>＞»→/]|.{1,12}[>＞»→].{1,12}[>＞»→]|(?:[^|｜\n]{0,20}[|｜]){2,}|"
    # notes of the page and of the web page around the article
    r"[（(]?(?:上接|下转|接上|转下|紧接)(?:第?[\d一二三四五六七八九十]+版|上?[一二]?页)|(?:上|下)一版|"
    r"(?:上一篇|下一篇|相关新闻|相关阅读|延伸阅读|分享到|打印本页|关闭窗口|返回顶部|【?打印】?|【?关闭】?|"
    r"扫一扫|网友评论|发表评论|我要评论|回复|登录|注册|点赞|收藏|转发)(?:[:：\s]|$)|扫一扫|"
    rf"[【\[（(]?(?:{lexicons.alternation('furniture_lines')})[】\]）)]?[?？]?\s*$|"
    rf".*(?:{lexicons.alternation('furniture_phrases')})|"
    r"【?字体[:：]|[\w\-]+\.(?:jpg|jpeg|png|gif|bmp|webp)\s*$|"
    # a line of layout only (|, ---, ![]()), and photo credits of a unit: （县委宣传部供图）
    r"(?:[\s\-_=*#~<>/\\]+|[\s!！\[\]()（）|｜]*[|｜\[\]][\s!！\[\]()（）|｜]*)$|[（(]?[^。，；！？]{1,24}供图[）)]?\s*$|"
    # photo captions written without 摄: 图为…, （图片由…提供）
    r"[（(]?图片?(?:由|来源|为|：|:|/(?!\s*文))|图为)",
    re.I,
)
# A bare name in brackets closing a web article stands for its reporter: （王小明）
_END_NAME = re.compile(rf"^[（(](?P<by>[{CJK}·]{{2,6}}(?:[\s、][{CJK}·]{{2,6}})*)[）)]$")
_HEADLINE_MAX = 48


def article_id(source: str, index: int) -> str:
    """A stable id: the file's stem (ASCII-safe) and the item's number on the page."""
    stem = Path(source).stem
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-")
    if safe != stem or not safe:
        safe = (safe + "-" if safe else "") + hashlib.sha1(stem.encode()).hexdigest()[:8]
    return f"{safe}-{index:02d}"


def _split_names(run: str) -> list[str]:
    """Names written together in a byline (王芳李明): split where both halves read as names
    and the whole does not start with a two-character surname (欧阳明华 stays whole)."""
    if len(run) < 4 or "·" in run or (len(run) == 4 and plausible_name(run) and _compound_surname(run)):
        return [run]
    for k in ((2, 3) if len(run) == 5 else (2,) if len(run) == 4 else (3,)):
        a, b = run[:k], run[k:]
        if plausible_name(a) and plausible_name(b):
            return [a, b]
    return [run]


def _compound_surname(run: str) -> bool:
    from .extract.names import _surnames
    return run[:2] in _surnames()[1]


def _credit_apart(tokens: list[str]) -> list[str]:
    """A credit written onto the name before it stands apart: 李明整理 -> 李明, 整理."""
    out = []
    for tok in tokens:
        credit = next((w for w in sorted(_CREDIT_WORDS, key=len, reverse=True)
                       if tok.endswith(w) and len(tok) > len(w)), None)
        out += [tok[:-len(credit)], credit] if credit else [tok]
    return out


def _spaced_names(tokens: list[str]) -> list[str]:
    """Characters of one name spaced out to the width of three (何  勇) are one name."""
    out: list[str] = []
    single = False
    for tok in tokens:
        if len(tok) == 1 and single:
            out[-1] += tok
        else:
            out.append(tok)
        single = len(out[-1]) == 1
    return out


# a unit named in a byline between its people (通讯员 李明 县融媒体中心 周强): no one's name
_UNIT_NAME = re.compile(r"(?:中心|报社|电视台|日报|晚报|融媒|新闻|宣传部|办公室|[县市区]委|..[局站办院社网台所])$")


def parse_byline(raw: str) -> tuple[list[str], list[str]]:
    """(reporters, correspondents) from the text of a byline, spaces as in the source.

    >>> parse_byline("记者 韩志刚 通讯员 艾增升")
    (['韩志刚'], ['艾增升'])
    >>> parse_byline("记者周晓明、李红梅")
    (['周晓明', '李红梅'], [])
    >>> parse_byline("本报记者  何  平整理")
    (['何平'], [])
    """
    # a line break inside a byline is layout (艾增|升), not a separator
    raw = re.sub(r"[ \t]*\r?\n[ \t]*", "", raw.replace("\u3000", " ").replace("\ufffd", ""))
    # a role spaced out to the width of the credits under it (记 者 | 王芳, 通 讯 员：李明)
    raw = re.sub(r"记\s+者", "记者", re.sub(r"通\s*讯\s*员", "通讯员", raw))
    raw = re.sub(r"(?<![\u4e00-\u9fff])[文图]\s*[/／]\s*[文图](?![\u4e00-\u9fff])", " ", raw)  # 文/图: a credit, no name
    reporters: list[str] = []
    correspondents: list[str] = []
    marks = list(_ROLE.finditer(raw))
    for i, m in enumerate(marks):
        chunk = raw[m.end(): marks[i + 1].start() if i + 1 < len(marks) else len(raw)]
        names = _credit_apart([n for n in re.split(r"[\s、，,/|｜丨]+", chunk) if n])
        names = names[:next((k for k, n in enumerate(names) if n in _CREDIT_WORDS), len(names))]
        names = _spaced_names(names)
        names = [x for n in names if re.fullmatch(rf"[{CJK}·]{{2,6}}", n) and not _UNIT_NAME.search(n)
                 for x in _split_names(n)]
        role = m.group("role")
        if role == "实习生":
            continue
        (correspondents if role.endswith("通讯员") else reporters).extend(names)
    return reporters, correspondents


def _bare_byline(raw: str, t: Mapped, cut: int) -> tuple[list[str], list[str], int]:
    """A byline with no brackets after the lead, read from the source where spaces still
    part the names: (reporters, correspondents, where the body starts in `t`)."""
    start = t.offsets[cut]
    end = pos = start
    if rep := _REPORTED.match(raw, start):  # 记者王芳报道：names written up to 报道
        r, c = parse_byline(rep.group("by"))
        end = rep.end()
        while cut < len(t.offsets) and t.offsets[cut] < end:
            cut += 1
        return r, c, cut
    while (m := _BYLINE_TOKEN.match(raw, pos)) and pos < start + 80:
        if m.group("name") and not plausible_name(m.group("name")):
            break
        pos = end = m.end()
    tail = re.match(r"\s*(?:报道)?[:：]?", raw[end:])
    end += tail.end() if tail else 0
    if end == start:
        return [], [], cut
    r, c = parse_byline(raw[start:end])
    while cut < len(t.offsets) and t.offsets[cut] < end:
        cut += 1
    return r, c, cut


def _raw_span(raw: str, t: Mapped, start: int, end: int) -> str:
    if start >= end:
        return ""
    return raw[t.offsets[start]: t.offsets[end - 1] + 1]


def _ends(s: str) -> bool:
    s = s.rstrip(CLOSERS)
    return bool(s) and s[-1] in TERMINAL + "，、：,"


def _exclaimed_title(s: str) -> bool:
    """A headline may end in ！ or ？ (基层落实情况如何？): one short clause, no quotation."""
    return (len(s) <= 30 and s[-1] in "！？" and not re.search(f"[{TERMINAL}]", s[:-1])
            and not s.startswith(("“", "‘", "「")))


def _headline_like(t: Mapped) -> bool:
    s = t.text
    return (0 < len(s) <= _HEADLINE_MAX and (not _ends(s) or _exclaimed_title(s))
            and not re.search("[。；]", s[:-1])  # a sentence ends inside: the story has begun
            and not _CAPTION.search(s) and not _is_byline(t))


# what may open a byline line: a bullet, or a credit for text and pictures (文/图 记者 王芳)
_BULLET = re.compile(r"^(?:[■□●○◆◇▲△★☆▌◎◉▪•※|/\s]|(?:[文图](?:\s*[/／]\s*[文图])?|文图|图文)\s*[/／|｜:：]?\s*"
                     r"(?=本报|全媒|融媒|记者|通讯员))+")


# A credit of the text's author on a line of its own (作者：王芳, 文/王芳, 文、图/王芳（本报记者）):
# a reporter or correspondent when the note in brackets gives the role; with no role it names no
# byline (作者：王芳 among the site's labels is none, as test_forms_bylines_among_the_page_metadata
# has it), and the line is still no part of the text
_AUTHOR = re.compile(
    rf"^[（(]?\s*(?:(?:作者|撰文|撰稿|采写|文字|文\s*[、/／]\s*图|图\s*[、/／]\s*文|文图|图文)\s*[:：/／|｜]?|文\s*[:：/／|｜])\s*"
    rf"(?P<by>[{CJK}·][{CJK}·、，,\s]{{1,30}}?)\s*(?:[（(](?P<note>[^（）()]{{0,30}})[）)])?\s*[）)]?"
    # other credits after it on the line (图/李明, 编辑：周强 审核：…)
    rf"(?:\s*(?:图|图片|摄影|摄|{lexicons.alternation('furniture_labels')})\s*[/／:：|｜].*)?\s*$")


def _author(raw: str, t: Mapped) -> tuple[list[str], str] | None:
    """(names, role) of an author's credit: role 记者, 通讯员 or "" when the note names none."""
    m = _AUTHOR.match(t.text)
    if not m:
        return None
    tokens = [x for x in re.split(r"[\s、，,]+", _raw_span(raw, t, m.start("by"), m.end("by"))) if x]
    names = [n for tok in tokens for n in _split_names(tok)]
    if not names or len(names) > 4 or not all(plausible_name(n) for n in names):
        return None
    note = m.group("note") or ""
    return names, "通讯员" if "通讯员" in note else "记者" if "记者" in note else ""


def _is_byline(t: Mapped) -> bool:
    if _END_BYLINE.match(_BULLET.sub("", t.text)):
        return True
    if _AUTHOR.match(t.text):
        return True
    m = _END_NAME.match(t.text)  # （王小明）, but not （上接第一版）
    return bool(m) and all(plausible_name(n) for n in re.split(r"[\s、]", m.group("by")) if n)


def _read_byline(raw: str, t: Mapped) -> tuple[list[str], list[str], list[str]]:
    """(reporters, correspondents, authors) of a paragraph that is only a byline: 本报记者 王芳
    通讯员 李明, ■记者 王芳, （全媒体记者：王芳）, a bare name in brackets (王芳) for the
    reporter, or an author's credit (作者：王芳)."""
    cut = len(t.text) - len(_BULLET.sub("", t.text))
    if e := _END_BYLINE.match(t.text[cut:]):
        return *parse_byline(_raw_span(raw, t, cut + e.start("by"), cut + e.end("by"))), []
    if a := _author(raw, t):
        names, role = a
        return (names if role == "记者" else [], names if role == "通讯员" else [], names if not role else [])
    if e := _END_NAME.match(t.text):
        return parse_byline("记者 " + _raw_span(raw, t, e.start("by"), e.end("by")))[0], [], []
    return [], [], []


# the credit of a photo's caption: …。融媒记者 王芳 摄, （通讯员 李明 摄）
_CAPTION_BYLINE = re.compile(rf"(?P<by>(?:{_ROLES})\s*[:：]?\s*[{CJK}·][{CJK}·、\s]{{1,20}}?)\s*/?\s*摄(?:影)?[）)]?\s*$")


def _caption_bylines(raw: str, paras: list[Para]) -> tuple[list[str], list[str]]:
    """(reporters, correspondents) credited for the photos of an item: the caption's 记者 X 摄
    names a reporter of the item as a byline does."""
    reporters: list[str] = []
    correspondents: list[str] = []
    for p in paras:
        if _CAPTION.search(p.text.text) and (m := _CAPTION_BYLINE.search(p.text.text)):
            r, c = parse_byline(_raw_span(raw, p.text, m.start("by"), m.end("by")))
            reporters += r
            correspondents += c
    return reporters, correspondents


def _drop_captions(paras: list[Para]) -> list[Para]:
    """Remove photo captions: the paragraph that ends in 记者 X 摄."""
    return [p for p in paras if not _CAPTION.search(p.text.text)]


_INLINE_END_BYLINE = re.compile(
    rf"(?<=[。！？”])\s*(?:[（(]\s*(?:{_OUTLET_NAME})?|[■□●◆▲★]\s*)?(?P<by>(?:{_ROLES})[:：]?[^（）()。，！？]{{2,40}}?)[）)]?\s*$")
# The head of an item in a 大事记 page: △7月5日（星期二）
_ITEM_HEAD = re.compile(r"^[△▲]\s*(?P<d>\d{1,2}月\d{1,2}日)\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*[，,]?")


def _item_heads(paras: list[Mapped]) -> list[Mapped]:
    """△7月5日（星期二） heads an item: the date opens the item's first sentence (7月5日，县委…),
    whether the head stands on the item's first line or on a line of its own."""
    out: list[Mapped] = []
    pending: Mapped | None = None
    for p in paras:
        if m := _ITEM_HEAD.match(p.text):
            head = p.sub(_ITEM_HEAD, lambda x: x.group("d") + "，")
            if m.end() == len(p.text):
                pending = head
                continue
            p = head
        if pending is not None:
            p, pending = pending + p, None
        out.append(p)
    if pending is not None:
        out.append(pending)
    return out


# How many paragraphs at the end of an item may be bylines and the site's notes below them.
_TAIL_MAX = 6
_TAIL_NOTE_MAX = 16
_INLINE_END_NAMES = re.compile(rf"(?<=[。！？”])\s*[（(](?P<by>[{CJK}·、\s/／]{{2,30}})[）)]\s*$")
# the credits of a closing note: 文 the text's, 图 and 摄 the photos' (（王某 文/李某 图）, （文/王某 图/李某）)
_CREDIT_MARKS = ("文", "图", "摄", "摄影")


def _tail_note(s: str) -> bool:
    """A short line that ends no sentence, at the foot of an item: an outlet's name, a
    site's link or notice that no furniture rule knew."""
    return len(s) <= _TAIL_NOTE_MAX and not re.search(f"[{TERMINAL}，、“”‘’—]", s)


def _inline_end_names(raw: str, t: Mapped) -> tuple[int, list[str]] | None:
    """（王某 李某） closing the last paragraph after its last sentence: (where the note
    starts, the names), each a plausible name (not （县政府办）)."""
    m = _INLINE_END_NAMES.search(t.text)
    if not m:
        return None
    tokens = [x for x in re.split(r"[\s、/／]+", _raw_span(raw, t, m.start("by"), m.end("by"))) if x]
    if any(x in _CREDIT_MARKS for x in tokens):
        # （王某 文/李某 图）: the mark follows its name, or opens the note and precedes it
        marks = tokens[0::2] if tokens[0] in _CREDIT_MARKS else tokens[1::2]
        people = tokens[1::2] if tokens[0] in _CREDIT_MARKS else tokens[0::2]
        if len(marks) != len(people) or not all(x in _CREDIT_MARKS for x in marks) \
                or not all(plausible_name(n) for n in people):
            return None
        return m.start(), [n for n, x in zip(people, marks) if x == "文"]  # who took the photos is no byline
    names = [n for tok in tokens for n in _split_names(tok)]
    if not names or len(names) > 4 or not all(plausible_name(n) for n in names):
        return None
    return m.start(), names


def _closed(s: str) -> bool:
    return s.count("（") + s.count("(") <= s.count("）") + s.count(")")


# a byline after the site's labels on their line (来源：青石县融媒体中心 记者：王芳 通讯员：李明)
# (the byline runs to the line's end: 记者：王芳 通讯员：李明 holds the roles' own colons, and
# labels after it, 来源：…, give no names, each token that holds a colon being dropped)
_BYLINE_IN_FURNITURE = re.compile(rf"[:：][^:：]*?(?P<by>(?:{_ROLES})\s*[:：|｜丨]?\s*[{CJK}·][^。，；！？]*)$")


# an author's credit among the site's labels on their line, up to the next label or the end
_AUTHOR_IN_FURNITURE = re.compile(
    rf"(?:^|[^{CJK}])?(?P<by>作者\s*[:：]\s*[{CJK}·][{CJK}·、，,\s]{{1,30}}?(?:[（(][^（）()]{{0,30}}[）)])?)"
    rf"\s*(?=$|[|｜丨/]|(?:{lexicons.alternation('furniture_labels')})\s*[:：])")


def _drop_furniture(lines: list[Line]) -> list[Line]:
    """The lines that are no furniture. A furniture line broken inside a word (…09:30 来|源：…,
    …来源：青||石县融媒体中心…) takes the lines that go on with it, even across a column break."""
    out: list[Line] = []
    dropped: Line | None = None
    for x in lines:
        t = x.text.text
        if _FURNITURE.match(t) or (dropped is not None and runs_on(dropped.text.text, t)):
            if by := _BYLINE_IN_FURNITURE.search(t):  # 来源：青石县融媒体中心 记者：王芳: the byline stays
                out.append(replace(x, text=x.text[by.start("by"):]))
                dropped = None
                continue
            if au := _AUTHOR_IN_FURNITURE.search(t):  # 来源：青石宣传 | 作者：王芳 | 发布时间：…
                out.append(replace(x, text=x.text[au.start("by"):au.end("by")]))
                dropped = None
                continue
            dropped = x
            continue
        dropped = None
        out.append(x)
    return out


_MENU_ITEM = re.compile(rf"[{CJK}A-Za-z]{{1,4}}")
_MENU_RUN = 3


def _drop_menus(lines: list[Line]) -> list[Line]:
    """A site's menu set one item a line (首页|时政|要闻|…): three or more lines in a row of
    one to four letters, no punctuation. A column of text has no such run (its lines are full;
    only the last line of a paragraph is short)."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _MENU_ITEM.fullmatch(lines[j].text.text.strip()):
            j += 1
        if j - k >= _MENU_RUN:
            k = j
            continue
        out.extend(lines[k:max(j, k + 1)])
        k = max(j, k + 1)
    return out


# a photo's credit alone on its line, no role before the name: 王芳 摄, 李明/摄
_BARE_CREDIT = re.compile(rf"^[{CJK}]{{2,4}}\s*/?\s*摄(?:影)?$")


def _openers(lines: list[Line]):
    """Which lines open a paragraph whatever the layout: a lead (read across a line break:
    新华社拉萨10|月13日电), a byline on a line of its own, and the line after one."""
    texts = [x.text.text for x in lines]

    def lead(k: int) -> bool:
        probe = "".join(texts[k:k + 3])[:60]
        m = _LEAD.match(probe)
        if m and m.end() > len(texts[k]) and k + 1 < len(texts) and _LEAD.match("".join(texts[k + 1:k + 4])[:60]):
            return False  # the next line opens with a lead of its own (防|汛工作|本报讯…): no lead here
        return bool(m)

    def byline(k: int) -> bool:
        return len(texts[k]) <= 40 and _is_byline(lines[k].text)

    def alone(k: int) -> bool:
        """A byline on a line of its own: not the rest of a clause or a bracket left open above."""
        return byline(k) and (k == 0 or texts[k - 1][-1:] not in "，、：" and _closed(texts[k - 1]))

    def opens(k: int) -> int:
        if lead(k) or _ITEM_HEAD.match(texts[k]):
            return OPENS
        if k > 0 and _PAREN_BYLINE.match(texts[k]) and not _ends(texts[k - 1]):
            return OPENS  # a bracketed byline opening the line after a title (【记者 X】5月6日…)
        if alone(k):
            return OPENS
        if k == 0:
            return 0
        if _BARE_CREDIT.match(texts[k]) and _ends(texts[k - 1]):
            return OPENS  # …会议。|王芳 摄: a photo's credit on its line, not the paragraph's end
        if _CAPTION.search(texts[k - 1]):
            return BREAK
        return BREAK if alone(k - 1) and _closed(texts[k - 1]) and not _ends(texts[k - 1]) else 0

    return opens


def _join_paragraphs(paras: list[Mapped]) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The body (paragraphs one a line), its source offsets, and where each paragraph starts."""
    text: list[str] = []
    offsets: list[int] = []
    starts: list[int] = []
    for p in paras:
        if text:
            text.append("\n")
            offsets.append(offsets[-1] + 1)
        starts.append(len(offsets))
        text.append(p.text)
        offsets.extend(p.offsets)
    return "".join(text), tuple(offsets), tuple(starts)


def split_articles(raw: str, source: str = "<text>") -> list[Article]:
    """Split a page into its news items.

    The page is first re-joined into paragraphs (whatever its layout). An item opens with a
    lead (本报讯, 又讯, 新华社…电); the paragraphs directly above it that do not end a sentence
    are its titles: the longest is the headline, those above it the kicker, those below the
    subtitle; a byline among them is read as one. A page with no lead is one item whose first
    paragraphs, where they read as titles, are its titles.
    """
    lines = _drop_menus(_drop_furniture(split_lines(raw)))
    if not lines:
        return []
    paras = [p for p in paragraphs(lines, _openers(lines))
             if not _FURNITURE.match(p.text.text) or _AUTHOR.match(p.text.text)]
    if not paras:
        return []
    units = [p.text for p in paras]
    leads = [i for i, x in enumerate(units) if _LEAD.match(x.text)]
    blocks: list[tuple[int, int, int]] = []  # (headline start, lead paragraph, end)
    if not leads:
        first_body = 0
        while first_body < min(4, len(units) - 1) and (
                _headline_like(units[first_body]) or _is_byline(units[first_body])):
            first_body += 1
        blocks.append((0, first_body, len(units)))
    else:
        starts = []
        floor = 0
        for li in leads:
            h = li
            while h > floor and sum(not _is_byline(x) for x in units[h:li]) < 3 and (
                    _headline_like(units[h - 1]) or _is_byline(units[h - 1])):
                h -= 1
            starts.append(h)
            floor = li + 1
        for k, li in enumerate(leads):
            end = starts[k + 1] if k + 1 < len(leads) else len(units)
            blocks.append((starts[k], li, end))
    articles: list[Article] = []
    for h, li, end in blocks:
        reporters: list[str] = []
        correspondents: list[str] = []
        head = []
        authors: list[str] = []
        for x in units[h:li]:
            if _is_byline(x):  # 本报记者 王芳 on a line of its own, near the headline
                r, c, a = _read_byline(raw, x)
                reporters += r
                correspondents += c
                authors += a
            else:
                head.append(x.text)
        photo_r, photo_c = _caption_bylines(raw, list(paras[li:end]))
        body_paras = [p.text for p in _drop_captions(list(paras[li:end]))]
        dateline = ""
        # a byline on a line of its own at the end (web pages), or closing the last paragraph;
        # notes of the site below it (用户登录, an outlet's name …) are no body
        k = len(body_paras)
        found = False
        while k > 0 and len(body_paras) - k < _TAIL_MAX:
            last = body_paras[k - 1]
            if _is_byline(last):
                r, c, a = _read_byline(raw, last)
                if not (r or c or a):
                    break
                reporters += r
                correspondents += c
                authors += a
                found = True
            elif not _tail_note(last.text):
                break
            k -= 1
        if not found:
            k = len(body_paras)
            while k > 0 and len(body_paras) - k < _TAIL_MAX and _tail_note(body_paras[k - 1].text) and not (
                    _INLINE_END_BYLINE.search(body_paras[k - 1].text)):
                k -= 1
            if k and (e := _INLINE_END_BYLINE.search(body_paras[k - 1].text)):
                # …守好安全底线。（通讯员 王某）: a byline closing the last paragraph
                r, c = parse_byline(_raw_span(raw, body_paras[k - 1], e.start("by"), e.end("by")))
                if r or c:
                    reporters += r
                    correspondents += c
                    body_paras[k - 1] = body_paras[k - 1][:e.start()]
                    found = True
            elif k and (names := _inline_end_names(raw, body_paras[k - 1])):
                # …会议还研究了其他事项。（王某 李某）: the reporters' names alone
                reporters += names[1]
                body_paras[k - 1] = body_paras[k - 1][:names[0]]
                found = True
        if found:
            body_paras = body_paras[:k]
        body_paras = _item_heads(body_paras)
        if body_paras and leads:
            # the lead and its byline
            first = body_paras[0]
            m = _LEAD.match(first.text)
            dateline = m.group("lead") if m and not m.group("rep") else ""
            cut = m.end() if m and not m.group("rep") else m.start("reprole") if m else 0
            if m and not first.text[cut:].strip() and len(body_paras) > 1:
                # the lead stood on a line of its own: its byline opens the next paragraph
                body_paras.pop(0)
                first, cut = body_paras[0], 0
            b = _PAREN_BYLINE.match(first.text[cut:])
            if b:
                r, c = parse_byline(_raw_span(raw, first, cut + b.start("by"), cut + b.end("by")))
                reporters = r + reporters
                correspondents = c + correspondents
                cut += b.end()
            elif _ROLE.match(first.text, cut):
                # 本报讯 记者 王芳 通讯员 李明 报道：… — the names end where the spaces do
                r, c, cut = _bare_byline(raw, first, cut)
                reporters = r + reporters
                correspondents = c + correspondents
            body_paras[0] = first[cut:]
            body_paras = [p for p in body_paras if p.text]
        elif body_paras and (b := _PAREN_BYLINE.match(body_paras[0].text)):
            # no lead: a bracketed byline may open the body (【全媒体记者 王芳】5月6日，…)
            first = body_paras[0]
            r, c = parse_byline(_raw_span(raw, first, b.start("by"), b.end("by")))
            reporters, correspondents = r + reporters, c + correspondents
            body_paras[0] = first[b.end():]
            body_paras = [p for p in body_paras if p.text]
        reporters += photo_r
        correspondents += photo_c
        body, offsets, para_starts = _join_paragraphs(body_paras)
        if not body and not head:
            continue
        idx = len(articles) + 1
        all_offs = [o for x in units[h:end] for o in x.offsets]
        # the main title is the longest line; a kicker stands above it, a subtitle below
        main = max(range(len(head)), key=lambda k: (len(head[k]), -k)) if head else -1
        articles.append(Article(
            id=article_id(source, idx), source=source, index=idx,
            headline=head[main] if head else "", kicker="".join(head[:main]),
            subtitle="".join(head[main + 1:]) if head else "",
            body=body, offsets=offsets, paragraph_starts=para_starts,
            reporters=tuple(dict.fromkeys(reporters)), correspondents=tuple(dict.fromkeys(correspondents)),
            dateline=dateline,
            start=min(all_offs) if all_offs else 0, end=max(all_offs) + 1 if all_offs else 0,
        ))
    return articles


_SENT_END = re.compile(rf"[{TERMINAL}]+[{CLOSERS}]*|\n")


def sentences(article: Article) -> Iterator[Sentence]:
    """Sentences of the body, split after 。！？；… (closing quotes stay with the sentence)."""
    body = article.body
    para = 0
    pos = 0
    starts = list(article.paragraph_starts)
    for m in _SENT_END.finditer(body + "\n"):
        end = m.end() if m.group() != "\n" else m.start()
        text = body[pos:end]
        if text.strip():
            while para + 1 < len(starts) and starts[para + 1] <= pos:
                para += 1
            yield Sentence(text, pos, end, para)
        pos = m.end()
