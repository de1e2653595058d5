"""Layout does not change the facts; page furniture is no headline, byline or body; date forms.

Every page here is written for the test. The property tests lay pages out anew at random
(narrow columns, column breaks, full-width forms, stray spaces) and expect the same facts.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.extract.dates import dateline_date, find_dates, page_date, resolve
from kg.normalize import clean_line, join_lines, normalize, split_lines, Mapped
from kg.pipeline import extract_file_text
from kg.segment import parse_byline, split_articles

from .conftest import DEV

# --- pages of our own ------------------------------------------------------------------
PAGES = [
    ["全县安全生产工作会议召开",
     "本报讯（记者 王芳 通讯员 李明）5月6日上午，县委书记王建军主持召开全县安全生产工作会议。"
     "县长赵小强，县领导孙立、周海燕出席会议。",
     "王建军强调，要压实安全生产责任，坚决守住不发生重大事故的底线。",
     "赵小强要求，各乡镇要立即开展隐患排查，做到不留死角。"],
    ["县长调研重点项目建设",
     "5月8日，县长赵小强到城东新区调研重点项目建设情况。副县长孙立陪同调研。",
     "赵小强先后来到县人民医院新院区、城东污水处理厂，详细了解项目进展。",
     "赵小强指出，要加快项目建设进度，确保年内建成投用。"],
    ["县委常委会召开会议",
     "新华社东城5月9日电 县委书记王建军9日主持召开县委常委会会议，研究部署近期重点工作。",
     "会议强调，要抓好防汛备汛各项工作。",
     "王建军要求，各级领导干部要深入一线，靠前指挥。"],
    # no headline, no lead, a byline at the foot
    ["6月2日，县委书记王建国主持召开县委常委会会议，传达学习全市防汛工作会议精神，研究部署我县防汛救灾工作。"
     "县委副书记、县长李红梅出席会议。",
     "王建国强调，各级各部门要压紧压实防汛责任，确保人民群众生命财产安全。",
     "（全媒体记者 周晓明 孙丽）"],
    # a web page: navigation, its date line, a correspondent at the foot
    ["首页 > 新闻中心 > 本地要闻",
     "来源：青石县融媒体中心 发布时间：2023-06-05",
     "6月4日上午，南湖镇党委书记周文斌带队深入辖区水库开展防汛检查，镇长吴晓燕陪同检查。",
     "周文斌指出，要压实防汛责任，及时排查整治各类隐患。",
     "（通讯员 刘思远）"],
]


def facts_of(text: str, year: int | None = 2023) -> dict:
    """The facts of a page as sets, for comparing layouts."""
    out = {"persons": set(), "titles": set(), "bylines": set(), "events": set(), "directives": set(),
           "projects": set()}
    for f in extract_file_text(text, "page.txt", year):
        out["persons"] |= {p.name for p in f.persons}
        out["titles"] |= {(p.name, t) for p in f.persons for t in p.titles}
        out["bylines"] |= {("r", n) for n in f.article.reporters} | {("c", n) for n in f.article.correspondents}
        out["events"] |= {(e.kind, e.date, e.chair, frozenset(e.attendees)) for e in f.events}
        out["directives"] |= {(d.speaker, d.cue) for d in f.directives}
        out["projects"] |= set(f.projects)
    return out


FW = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")


@st.composite
def layouts(draw, paras: list[str], kinds=("columns", "columns", "columns", "one-per-line", "body-on-one-line")) -> str:
    """One page laid out anew: titles first, then the body, in columns of 12-40 characters
    with column breaks (never after a full stop, four lines a column at least), full-width
    digits, stray spaces by numbers;
    or one line a paragraph; or the whole body on one line."""
    kind = draw(st.sampled_from(kinds))
    n_titles = next(i for i, p in enumerate(paras) if p[-1] in "。！？”")
    titles, body = paras[:n_titles], paras[n_titles:]
    fullwidth = draw(st.booleans())
    spaces = draw(st.booleans())

    def dress(p: str) -> str:
        if fullwidth:
            p = re.sub(r"\d+", lambda m: m.group().translate(FW) if draw(st.booleans()) else m.group(), p)
        if spaces:
            p = re.sub(r"(\d+)", lambda m: f" {m.group()} " if draw(st.booleans()) else m.group(), p)
        return p

    if kind == "one-per-line":
        return "\n".join(titles + [dress(p) for p in body]) + "\n"
    if kind == "body-on-one-line":
        return "\n".join(titles + ["".join(dress(p) for p in body)]) + "\n"
    width = draw(st.integers(12, 40))
    out = []
    for p in titles + [dress(p) for p in body]:
        if len(p) <= width + 2:
            out.append(p)
            continue
        lines, i = [], 0
        while i < len(p):
            w = max(8, width + draw(st.integers(-2, 2)))
            lines.append(p[i:i + w])
            i += w
        chunk = lines[0]
        since = 1  # lines since the last column break: a column holds four lines at least
        for line, nxt in zip(lines, lines[1:]):
            brk = (since >= 4 and draw(st.integers(0, 10)) == 0 and not line.endswith(("。", "！", "？"))
                   and len(line) >= width - 2)
            since = 1 if brk else since + 1
            chunk += ("\n\n" if brk else "\n") + nxt
        out.append(chunk)
    return "\n\n".join(out) + "\n"


@pytest.mark.parametrize("k", range(len(PAGES)))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_layout_own_pages_give_the_same_facts(k, data):
    page = PAGES[k]
    want = facts_of("\n".join(page) + "\n")
    assert want["events"] and want["directives"]
    laid = data.draw(layouts(page))
    assert facts_of(laid) == want, laid


def _dev_pages() -> list[tuple[str, list[str], int | None]]:
    if not DEV.is_dir():
        return []
    out = []
    for gold in sorted(DEV.glob("rmrb-*.gold.json")):
        text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
        paras = [p.strip() for p in re.split(r"\n", text) if p.strip()]
        if any(p[-1] in "。！？”" for p in paras):
            out.append((gold.stem, paras, json.loads(gold.read_text(encoding="utf-8")).get("year")))
    return out


DEV_PAGES = _dev_pages()


@pytest.mark.skipif(not DEV_PAGES, reason=f"shared dev pages not found at {DEV} (they live beside the checkout)")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_layout_dev_pages_give_the_same_facts(data):
    name, paras, year = data.draw(st.sampled_from(DEV_PAGES))
    want = facts_of("\n".join(paras) + "\n", year)
    # a real page keeps its paragraphs: a directive runs to the end of its paragraph
    laid = data.draw(layouts(paras, ("columns", "one-per-line")))
    got = facts_of(laid, year)
    for key in ("persons", "bylines", "events", "directives", "projects"):
        assert got[key] == want[key], (name, key, laid[:300])


# --- arbitrary text -------------------------------------------------------------------
TEXT = st.text(st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("本报讯记者通讯员摄日月年星期△（）()，。！？：:、\n\n \u3000\ufffd０１２")),
), max_size=400)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_layout_arbitrary_text_never_raises_and_offsets_map_back(raw):
    for line in split_lines(raw):
        assert all(0 <= o < len(raw) for o in line.text.offsets)
    for p in join_lines(split_lines(raw)):
        assert len(p.offsets) == len(p.text) and all(0 <= o < len(raw) for o in p.offsets)
    for a in split_articles(raw, "x.txt"):
        assert len(a.offsets) == len(a.body)
        body = a.body
        for i, ch in enumerate(body):
            o = a.offsets[i]
            assert 0 <= o < len(raw) or (ch == "\n" and o <= len(raw))
    for f in extract_file_text(raw, "x.txt", 2023):
        for e in f.events:
            assert 0 <= e.evidence.start <= e.evidence.end <= len(raw)
        for d in f.directives:
            assert 0 <= d.evidence.start <= d.evidence.end <= len(raw)


@settings(max_examples=10, deadline=None)
@given(st.text(st.sampled_from(list("县长王明主持召开会议。，本报讯")), min_size=1, max_size=40),
       st.integers(100, 500))
def test_layout_huge_lines_never_raise(unit, times):
    extract_file_text(unit * times, "x.txt", 2023)


def test_layout_cleaned_characters_map_to_their_source():
    raw = "７ 月 ２３ 日\u3000区长胡 友涛出席。"
    t = clean_line(Mapped.of(raw))
    assert t.text == "7月23日区长胡友涛出席。"
    assert raw[t.offsets[t.text.index("友")]] == "友"


# --- layouts the rules must read ------------------------------------------------------------
def test_layout_lead_broken_over_lines_keeps_dateline_and_byline():
    page = ("副县长调研防汛工作\n\n新华社东城５月\n9日电 \n  （记者 王芳）县委副书记、县长赵小强\n"
            "8日至9日到城东新区调研防汛\n工作。他强调，要压实防汛责任。\n")
    [a] = split_articles(page, "p.txt")
    assert (a.headline, a.dateline, a.reporters) == ("副县长调研防汛工作", "新华社东城5月9日电", ("王芳",))
    assert a.body.startswith("县委副书记")


def test_layout_headline_wrapped_over_lines_is_one_headline():
    body = "5月6日上午，县委书记王建军主持召开会议，研究部署全县重点工作。" * 3
    col = [body[i:i + 15] for i in range(0, len(body), 15)]
    page = "全县重点工作推进会议暨第十七\n次重点工作交办会议召开\n\n本报讯 " + "\n".join(col) + "\n"
    [a] = split_articles(page, "p.txt")
    assert a.headline == "全县重点工作推进会议暨第十七次重点工作交办会议召开"


def test_layout_page_without_headline_keeps_its_first_sentence():
    body = ("7月23日上午，区委书记王建军主持召开全区创建工作推进会。区长赵小强出席会议。"
            "王建军指出，要提高站位抓创建。")
    col = [body[i:i + 14] for i in range(0, len(body), 14)]
    page = "\n".join(col[:2]) + "\n\n" + "\n".join(col[2:]) + "\n" + "\n".join(["会议要求，各部门要抓好落实，确保工作取得实效。"] * 8)
    [f] = extract_file_text(page, "p.txt", 2022)
    assert f.article.headline == ""
    assert [(e.date, e.chair) for e in f.events][:1] == [("2022-07-23", "王建军")]


@pytest.mark.parametrize("title", ["县里的垃圾去哪了？", "防汛一线党旗红！"])
def test_layout_headline_ending_in_a_question_or_exclamation_mark(title):
    [a] = split_articles(f"{title}\n本报讯 5月5日，县长赵六主持召开会议。\n", "p.txt")
    assert a.headline == title


def test_layout_quoted_exclamation_is_body_not_headline():
    [a] = split_articles("“大家加把劲，马上就好！”\n5月5日，县长赵六到城东新区调研。村民说，这里变美了。\n", "p.txt")
    assert a.headline == "" and a.body.startswith("“大家加把劲")


# --- page furniture ------------------------------------------------------------------------
@pytest.mark.parametrize("furniture", [
    "首页 > 新闻中心 > 本地要闻",
    "当前位置：首页>>县内新闻",
    "发布时间：2023-05-07 10:30  来源：县融媒体中心  编辑：张三",
    "今天是2023年5月9日 星期二",
    "20230507093512.jpg",
    "（上接第一版）",
    "下转第三版",
    "分享到：",
    "【字体：大 中 小】【打印】【关闭】",
    "上一篇：县里召开另一个会议",
    "图为县委书记王建军在企业调研。",
    "（图片由县委宣传部提供）",
])
def test_layout_furniture_is_no_headline_and_no_body(furniture):
    page = f"{furniture}\n县委常委会召开会议\n{furniture}\n本报讯 5月6日，县委书记王建军主持召开县委常委会会议。\n"
    [a] = split_articles(page, "web.txt")
    assert a.headline == "县委常委会召开会议"
    assert a.body == "5月6日，县委书记王建军主持召开县委常委会会议。"
    assert a.reporters == () and a.correspondents == ()


def test_layout_page_date_is_the_articles_own_date_line():
    page = ("今天是2023年6月14日 星期三\n首页 > 要闻\n县委常委会召开会议\n发布时间：2023-06-10 来源：县融媒体中心\n"
            "9日，县委书记王建军主持召开县委常委会会议。\n")
    assert page_date(page) == (2023, 6, 10)
    [f] = extract_file_text(page, "web.txt", None)
    assert f.events[0].date == "2023-06-09"


def test_layout_newspaper_header_is_the_page_date():
    assert page_date("2023年6月14日 星期三\n标题\n") == (2023, 6, 14)
    assert page_date("2019年中国北京世界园艺博览会") is None


# --- leads and bylines of other outlets ----------------------------------------------------
@pytest.mark.parametrize("lead, dateline", [
    ("本网讯 ", "本网讯"),
    ("本台讯 ", "本台讯"),
    ("东城新闻网报道：", "东城新闻网报道"),
    ("东城日报南岸5月6日讯 ", "东城日报南岸5月6日讯"),
    ("东城网5月6日消息 ", "东城网5月6日消息"),
    ("又讯 ", "又讯"),
    ("青石在线讯 ", "青石在线讯"),  # any outlet's 讯, before a bracket, a date or a space
    ("南岭县新闻中心讯（记者 王芳）", "南岭县新闻中心讯"),
    ("青石融媒讯（记者 王芳）", "青石融媒讯"),
    ("【青石融媒】", "【青石融媒】"),
])
def test_layout_leads_of_other_outlets(lead, dateline):
    [a] = split_articles(f"县里召开会议\n{lead}5月5日，县长赵六主持召开会议。\n", "p.txt")
    assert a.dateline == dateline and a.body.startswith("5月5日，县长赵六")
    assert a.headline == "县里召开会议"


def test_layout_outlet_dateline_is_the_article_date_not_the_event_date():
    [f] = extract_file_text("标题\n东城网5月6日消息 5月5日，县长赵六主持召开县政府常务会议。\n", "p.txt", 2023)
    assert f.events[0].date == "2023-05-05"


def test_layout_lead_is_no_headline():
    [a] = split_articles("本报讯 5月5日，县长赵六主持召开会议。\n", "p.txt")
    assert a.headline == ""


@pytest.mark.parametrize("raw, reporters, correspondents", [
    ("记者王芳李明", ["王芳", "李明"], []),
    ("记者 王芳 李明 通讯员 张小三", ["王芳", "李明"], ["张小三"]),
    ("全媒体记者:王芳 李明", ["王芳", "李明"], []),
    ("记者 欧阳明华", ["欧阳明华"], []),
    ("记者 王芳 报道", ["王芳"], []),  # what the reporter did is no name
    ("本网记者:王芳 通讯员 李明", ["王芳"], ["李明"]),
    ("澄河分站记者 王芳 李明", ["王芳", "李明"], []),
])
def test_layout_byline_names(raw, reporters, correspondents):
    assert parse_byline(raw) == (reporters, correspondents)


@pytest.mark.parametrize("tail, reporters, correspondents", [
    ("（通讯员 李明）", (), ("李明",)),
    ("(记者 王芳 通讯员 李明)", ("王芳",), ("李明",)),
])
def test_layout_byline_closing_the_last_paragraph(tail, reporters, correspondents):
    [a] = split_articles(f"标题\n5月5日，县长赵六主持召开会议。要压实责任。{tail}\n", "p.txt")
    assert (a.reporters, a.correspondents) == (reporters, correspondents)
    assert a.body.endswith("要压实责任。")


def test_layout_bracketed_note_in_the_last_paragraph_is_no_byline():
    [a] = split_articles("标题\n5月5日，县长赵六主持召开会议。（此文有删节）\n", "p.txt")
    assert a.reporters == () and a.correspondents == ()


# --- dates -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, year, dateline, iso", [
    ("5月6—7日", 2021, (None, None, None), "2021-05-06"),
    ("5月6日-7日", 2021, (None, None, None), "2021-05-06"),
    ("5月6日至8日", 2021, (None, None, None), "2021-05-06"),
    # a day later in the year than the article's own date is last year's
    ("12月31日", None, (2020, 1, 1), "2019-12-31"),
    ("12月31日", 2020, (None, 1, 2), "2019-12-31"),
    ("31日", 2020, (2020, 1, 2), "2019-12-31"),
    ("昨天", None, (2020, 1, 1), "2019-12-31"),
    # an earlier day is the same year
    ("1月1日", None, (2020, 1, 1), "2020-01-01"),
    ("6月30日", None, (2020, 7, 1), "2020-06-30"),
    # an explicit year is kept
    ("2020年12月31日", None, (2020, 1, 1), "2020-12-31"),
])
def test_layout_dates(text, year, dateline, iso):
    d = find_dates(text)[0]
    assert resolve(d, year, dateline) == iso


def test_layout_dateline_of_another_outlet():
    assert dateline_date("东城日报南岸5月6日讯") == (None, 5, 6)


def test_layout_event_items_of_a_chronicle_page():
    page = ("县委大事记\n△5月5日（星期五）\n县委书记赵六主持召开县委常委会会议。\n"
            "△5月6日(星期六) 县长李强到城东新区调研。\n")
    [f] = extract_file_text(page, "p.txt", 2023)
    assert [(e.kind, e.date, e.chair) for e in f.events] == [
        ("meeting", "2023-05-05", "赵六"), ("inspection", "2023-05-06", "李强")]
    assert "星期" not in f.article.body and "△" not in f.article.body


def test_a_labelled_page_date_after_a_long_navigation_bar_is_the_page_date():
    from kg.pipeline import extract_file_text

    nav = "首页 > 新闻中心 > 工作动态 " * 40  # about a thousand characters of furniture
    page = (f"{nav}\n今天是2024年1月3日 星期三\n县政府召开常务会议\n发布时间：2023-06-14\n"
            "本网讯 6月12日，县长陈晓东主持召开县政府常务会议。\n")
    [f] = extract_file_text(page, "site.txt")
    assert [e.date for e in f.events] == ["2023-06-12"]



@pytest.mark.parametrize("page, reporters, correspondents", [
    # a bracketed byline in 【】 opening the body of a page with no lead
    ("县政府召开常务会议\n【全媒体记者 王芳】5月6日，县长赵六主持召开县政府常务会议。\n", ("王芳",), ()),
    # a portal's dateline before the local date, its correspondent's station in the role
    ("县政府召开常务会议\n红网时刻5月6日讯（澄河分站记者 王芳 通讯员 李明）5月6日，县长赵六主持召开会议。\n",
     ("王芳",), ("李明",)),
    ("县政府召开常务会议\n□记者 王芳 报道\n5月6日，县长赵六主持召开县政府常务会议。\n", ("王芳",), ()),
])
def test_layout_more_byline_forms(page, reporters, correspondents):
    [f] = extract_file_text(page, "p.txt", 2023)
    assert (f.article.reporters, f.article.correspondents) == (reporters, correspondents)
    assert f.article.headline == "县政府召开常务会议" and f.events[0].chair == "赵六"


@pytest.mark.parametrize("body, width", [
    # the break falls inside a word: 县委常|委会, 调研农|村
    ("县委书记王建国主持召开县委常委会会议，传达学习全市防汛工作会议精神。县长李红梅出席会议。王建国强调，要压实防汛责任。", 14),
    ("县长李红梅深入南湖镇调研农村人居环境整治工作，副县长马建军陪同调研。李红梅要求，要建立长效管护机制。", 13),
])
def test_layout_page_without_headline_or_lead_broken_after_its_first_line(body, width):
    # a column break right after the first line of a page with no headline: the line is the
    # start of the story, not a title, and the event and its chair stay with it
    col = [body[i:i + width] for i in range(0, len(body), width)]
    filler = "\n".join(["会议要求，各部门要抓好落实，", "确保工作取得实效。"] * 4)
    page = col[0] + "\n\n" + "\n".join(col[1:]) + "\n\n" + filler + "\n"
    [f] = extract_file_text(page, "p.txt", 2022)
    want = extract_file_text(body + "\n", "p.txt", 2022)[0]
    assert f.article.headline == ""
    assert [(e.kind, e.chair, e.attendees) for e in f.events] == [(e.kind, e.chair, e.attendees) for e in want.events]
    assert want.events


def test_layout_furniture_wrapped_in_a_column_is_no_headline():
    # a web page laid out in columns: its date line fills the column and goes on below
    page = ("发布时间：2023-06-05\n09:30:12 来源：青\n\n石县融媒体中心 浏览次数：32\n1\n\n"
            "县委书记王建国主持召开县委\n常委会会议，研究部署防汛工\n作。县长李红梅出席会议。\n\n"
            "王建国强调，要压紧压实防汛\n责任，确保安全度汛。\n\n（记者 周晓明）\n")
    [f] = extract_file_text(page, "p.txt", 2023)
    assert "浏览" not in f.article.body and f.article.reporters == ("周晓明",)
    assert [(e.chair, e.attendees) for e in f.events] == [("王建国", ("李红梅",))]


@pytest.mark.parametrize("line", [
    "|| 2023-06-10 11:18:04 编辑：刘某 审核：张某 阅读次数：120 |",
    "2023-06-10 上午9:27 | 阅读：120",
    "2023年06月10日 10:21 责编：刘某",
])
def test_layout_own_date_before_the_editors_beats_the_navigation_timestamp(line):
    page = f"今天是2023年6月14日 星期三\n首页 > 要闻\n县委常委会召开会议\n{line}\n9日，县委书记王建军主持召开县委常委会会议。\n"
    assert page_date(page) == (2023, 6, 10)
    [f] = extract_file_text(page, "web.txt", None)
    assert f.events[0].date == "2023-06-09"



# --- paragraphs told apart in columns (paragraphs set off by blank lines) ---------------
def _columns(paras: list[str], width: int = 14) -> str:
    """Each paragraph in lines of `width` characters, paragraphs set off by a blank line, as
    the text of a PDF page often comes out."""
    return "\n\n".join("\n".join(p[k:k + width] for k in range(0, len(p), width)) for p in paras) + "\n"


def _said(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in extract_file_text(text, "page.txt", 2023):
        for d in f.directives:
            out.setdefault(d.speaker, []).append(d.text)
    return out


_STORY = [
    "关于推进乡村振兴的通讯报道",
    "本报讯（记者 周晓明）5月6日，县委书记王建军到青石镇调研乡村振兴工作，副县长孙立陪同调研。",
    "王建军一行先后来到东坡村和西岭村，详细了解产业发展和人居环境整治情况，与村干部交流。",
    "村党支部书记李春华说：“村里的路修好了，种植大棚也建起来了，群众的日子越过越红火。”",
    "王建军指出，要立足资源禀赋，培育特色产业，带动群众增收致富，让乡村振兴的成果惠及更多群众。",
]


@pytest.mark.parametrize("subhead", [
    "培育特色产业带动群众增收",  # a little short of the column
    "培育特色产业，带动群众持续增收",  # a clause, wider than the column: set whole
    "壮大产业",  # clearly short
])
def test_layout_a_subhead_set_off_inside_the_body_stands_alone(subhead):
    paras = _STORY + [subhead, "副县长孙立介绍，全镇今年新建种植大棚三百多个，带动五百多户群众增收。"]
    plain = "\n".join(paras) + "\n"
    assert ("孙立", "副县长") in facts_of(plain)["titles"]
    assert facts_of(_columns(paras)) == facts_of(plain)


def test_layout_a_closing_quote_alone_on_its_line_ends_the_paragraph():
    paras = _STORY[:3] + ["村党支部书记李春华说：“村里的路修好了，日子越来越红火。”", _STORY[4]]
    page = _columns(paras)
    assert "\n”\n\n王建军指出" in page  # the quote's last line is full: its mark stands alone
    assert _said(page) == _said("\n".join(paras) + "\n")
    assert _said(page)["李春华"] == ["村里的路修好了，日子越来越红火。”"]


@pytest.mark.parametrize("number", ["2.56", "9.5", "1,250"])
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_layout_a_number_broken_over_a_line_or_column_keeps_its_point(number, sep):
    for cut in range(1, len(number)):
        before = "今年以来全县交通建设提速，" + "新" * (10 - cut) + "建道路共计" + number[:cut]
        para = before + number[cut:] + "公里，完成投资一亿元，惠及沿线十二个村的群众出行，道路通达水平大幅提高。全县将继续加大投入，推进农村公路提档升级，打通群众出行的最后一公里。"
        lines = [para[k:k + 14] for k in range(0, len(para), 14)]
        assert "".join(lines[:2]) == before  # the line breaks inside the number
        page = lines[0] + "\n" + lines[1] + sep + "\n".join(lines[2:]) + "\n"
        assert normalize(page) == para


def test_layout_a_column_break_after_a_line_short_with_a_clause_goes_on():
    # a line short of the column (the break moved two characters down) with a comma in it is
    # no subhead: the sentence goes on after the column break
    paras = _STORY[:4] + ["王建军要求，要坚持“产业为王”理念，加大招商引资力度，加快项目建设进度，确保项目早日投产见效。"]
    page = _columns(paras).replace("王建军要求，要坚持“产业为王\n”理念，", "王建军要求，要坚持“产业\n\n为王”理念，")
    assert "坚持“产业\n\n为王”" in page
    assert _said(page)["王建军"] == ["要坚持“产业为王”理念，加大招商引资力度，加快项目建设进度，确保项目早日投产见效。"]


def test_layout_a_page_broken_twice_over_keeps_its_sentences_whole():
    # each line of a column laid out again in a narrower one, set off by blank lines: most
    # blank lines fall inside a sentence, and a short line before one is no subhead
    paras = _STORY[:4] + ["王建军指出，要答好“三问”，一是有没有发展的情怀，二是有没有担当的劲头。"]
    twice = "\n\n".join(_columns([line], 14).strip() for line in _columns(paras, 20).split("\n") if line) + "\n"
    assert _said(twice)["王建军"] == ["要答好“三问”，一是有没有发展的情怀，二是有没有担当的劲头。"]


def test_layout_a_long_subtitle_ending_in_a_short_line_is_no_part_of_the_body():
    # a page with no lead: headline, a subtitle too long for a title block, whose last line
    # is clearly short of the column, a blank line, then the story's first sentence
    paras = ["坚定信心攻坚克难，推动全县高质量发展",
             "——县委书记王建军在全县重点项目建设推进大会暨乡村振兴工作会议上的讲话在全县广大干部群众中引起反响",
             "5月6日，全县重点项目建设推进大会暨乡村振兴工作会议召开。县委书记王建军主持会议并讲话，县长陈晓东出席会议。",
             "王建军指出，要坚定信心，攻坚克难，推动重点项目早开工、早投产、早见效，为全县高质量发展提供有力支撑。",
             "陈晓东要求，各乡镇各部门要压实责任，倒排工期，加强要素保障，确保各项目标任务按期完成。"]
    page = _columns(paras)
    assert len(paras[1]) > 48 and len(paras[1]) % 14 < 8  # its last line is short
    # the plain page: titles flush left, paragraphs indented
    plain = facts_of("\n".join(paras[:2] + ["\u3000\u3000" + p for p in paras[2:]]) + "\n")
    assert ("meeting", "2023-05-06", "王建军", frozenset({"陈晓东"})) in plain["events"]
    assert facts_of(page) == plain


def test_layout_subheads_stand_alone_in_a_page_of_long_paragraphs_broken_by_columns():
    # long paragraphs broken by columns again and again: most blank lines fall inside a
    # sentence, yet they are few for the page's lines, so they still set subheads off
    said = ("全镇今年新建种植大棚三百多个，带动五百多户群众增收，村集体经济收入稳步增长，"
            "群众的获得感幸福感安全感不断增强，乡村面貌焕然一新。")
    paras = [_STORY[0], _STORY[1]]
    for sub, name in [("壮大特色产业", "孙立"), ("改善人居环境", "赵海涛"), ("建强基层组织", "钱文斌")]:
        paras += [sub, f"副县长{name}介绍，" + said * 4]
    lines = _columns(paras).split("\n")
    # a column break after every fifth line of a paragraph, never after a full stop
    out, run = [], 0
    for line in lines:
        out.append(line)
        run = run + 1 if line else 0
        if run and run % 5 == 0 and not line.endswith("。"):
            out.append("")
    page = "\n".join(out)
    after_blank = [a for a, b in zip(out, out[1:]) if a and not b]
    assert sum(not a.endswith("。") for a in after_blank) > len(after_blank) * 3 // 4
    plain = facts_of("\n".join(paras) + "\n")
    assert {("孙立", "副县长"), ("赵海涛", "副县长"), ("钱文斌", "副县长")} <= plain["titles"]
    assert facts_of(page) == plain


def _ragged(paras: list[str], widths=(13, 16, 14, 15)) -> str:
    """Paragraphs laid out in a column whose lines vary between 13 and 16 characters, as a
    PDF's text often comes out; a paragraph of up to 18 characters (a title, a subhead) is set
    whole on one line, wider than the column if need be."""
    out = []
    for p in paras:
        lines, i, k = [], 0, 0
        while i < len(p) and len(p) > 18:
            w = widths[k % len(widths)]
            lines.append(p[i:i + w])
            i, k = i + w, k + 1
        out.append("\n".join(lines) if lines else p)
    return "\n\n".join(out) + "\n"


def test_layout_a_subhead_whose_last_line_is_short_of_every_full_line_stands_alone():
    # the subhead's last line (11 characters) is more than 0.6 of the column, yet no full
    # line of the column is that short: it ends the subhead, and 王建军 keeps his words
    subhead = "坚持产业为王，持续壮大村级集体经济规模和发展质效"
    paras = _STORY[:4] + [subhead, "王建军强调，要立足资源禀赋，培育特色产业，带动群众增收致富。"]
    page = _ragged(paras)
    assert "\n集体经济规模和发展质效\n\n王建军强调" in page
    assert normalize(page).split("\n")[-2:] == paras[-2:]
    assert _said(page) == _said("\n".join(paras) + "\n")
    assert "王建军" in _said(page)


def test_layout_a_title_with_a_clause_wider_than_any_line_of_the_column_is_set_whole():
    paras = ["学习贯彻全会精神系列评论之一——", "坚定信心攻坚克难，推动全县高质量发展",
             "县委书记王建军在全县重点项目建设推进大会上强调，要坚定信心，攻坚克难，推动重点项目早开工、早投产、早见效。",
             "县长陈晓东要求，各乡镇各部门要压实责任，倒排工期，加强要素保障，确保各项目标任务按期完成。"] + _STORY[2:]
    page = _ragged(paras)
    assert "\n坚定信心攻坚克难，推动全县高质量发展\n\n县委书记王建军在" in page
    assert normalize(page).split("\n")[1:3] == paras[1:3]
    said = _said(page)
    assert said == _said("\n".join(paras[:2] + ["\u3000\u3000" + p for p in paras[2:]]) + "\n")
    assert {"王建军", "陈晓东"} <= set(said)
