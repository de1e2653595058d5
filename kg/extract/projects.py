"""Projects, sites and facilities: the places an inspection visits and those a directive names."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from ..normalize import CJK
from .names import known_word, tokens

__all__ = ["sites_after", "sites_listed", "projects_in", "clean_project", "is_project_name", "site_name"]

_TAIL = re.compile(r"(?:的)?(?:项目)?(?:建设|改造|推进|进展|生产|运营|开发|筹备工作|提升)?(?:情况|进度|进展|步伐|工作)$")
# a bare unit of government (青石县, 南湖镇); not a zone or a town of a trade (科技新区, 科创小镇, 医药城B区)
_ADMIN = re.compile(r"(?<![园新街社片院景发范行城小A-Za-z0-9])(?:省|市|县|区|州|盟|旗|镇|乡|街道)$")
_STRONG = {"街区", "老街", "工程", "产业园", "工业园", "科技园", "基地", "园区", "新区", "公园", "广场", "大道", "小区", "片区"}
_PROPER_TAGS = {"ns", "nr", "nrt", "nz", "nt", "eng", "m"}


@lru_cache(maxsize=1)
def _suffix_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('project_suffixes')})$")


@lru_cache(maxsize=1)
def _stop_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('site_stops', 'inspection_verbs')})")


@lru_cache(maxsize=1)
def _suffix_ends() -> str:
    """Last characters of project suffixes, roads and works (修建, 改造): 和 after one of them
    joins two names (银珠路和川汇大道), elsewhere it is inside a word (宜居宜业和美乡村)."""
    return re.escape("".join(sorted({w[-1] for w in lexicons.load("project_suffixes")} | set("路道街建造设治级"))))


def clean_project(s: str) -> str:
    """Strip what is no part of a name: 了, quotes left open, 进展情况, a trailing 项目 when
    a name stands before it (华园教育项目 -> 华园教育)."""
    s = s.strip("，、。；：\"' ")
    # a quotation mark left open by the cut is no part of it; a pair around the whole name is
    # none either (“东湖印象” -> 东湖印象, but “东湖印象”项目 keeps its quotes)
    s = _unquote(s)
    # a count of points (二是凯丰机场…), where it stands (辖区内牛山初中) and 了, 在, 我县 open no name
    s = re.sub(r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|(?:辖区|境内|区内|园区内|县内|镇内)内?)", "", s)
    s = re.sub(r"^(?:了|在|到|对|把|将|我(?:省|市|县|区|州|盟|旗|镇|乡))", "", s)
    # who carries it out is no part of its name (城投集团负责实施的城东提升工程); nor a 的 closing it
    s = re.sub(r"^(?:[^，。；、]{2,20}?(?:负责实施|组织实施|实施|承建|投资建设|投资|建设|打造|运营)|位于[^，。；、的]{2,15})的(?=.{3})",
               "", s).removesuffix("的")
    prev = None
    while prev != s:
        prev = s
        s = _TAIL.sub("", s)
    if s.endswith("建设") and _suffix_rx().search(s[:-2]):  # 城北供水工程建设 -> 城北供水工程
        s = s[:-2]
    if s.endswith("项目") and len(s) > 4:
        s = s[:-2]
        if s.endswith("建设") and _suffix_rx().search(s[:-2]):  # 疾控中心建设项目 -> 疾控中心
            s = s[:-2]
    return _unquote(s)


def _unquote(s: str) -> str:
    if s.startswith("“") and (s.find("”") in (-1, len(s) - 1)):
        s = s[1:]
    if s.endswith("”") and "“" not in s:
        s = s[:-1]
    return s.rstrip("“").lstrip("”")


# words that open a description, not a name (重点项目, 有关企业, 新建学校)
_GENERIC_HEAD = re.compile(r"^(?:各|全|重点|有关|相关|新建|改扩建|一批|这些|该|本|其|多个|部分|所有|各类|一些|乡镇|村|社区|一线|辖区|主要|沿线|周边|"
                           r"另一|这个|那个|每个|项目)|.*?(?:\d+|[一二三四五六七八九十两几多]+)个|.*?(?:\d+|[几多数])[家所处座]"
                           r"|.*?各个")  # 项目各个建设现场: the works of the project, none named
_WORKS = re.compile(r"(?:整治|治理|改造|提升|修复|建设|新建|扩建)$")
_PHASE = re.compile(r"(?:[一二三四五六七八九十\d]+期|[（(][一二三四五六七八九十\d]+期[）)])(?:工程|项目)?$")


def is_project_name(s: str, proper: bool = False) -> bool:
    """A project-like name: ends in a project suffix (so no bare place such as 海南) and is
    not generic (重点项目); with `proper`, its modifier must hold a proper name (a place, a
    person, a word jieba does not know: 五一路商业步行街区, not 区域消费中心)."""
    if not 2 <= len(s) <= 40 or s in lexicons.load("generic_projects") or s.endswith("乡村"):
        return False
    if _PHASE.search(s) and not _suffix_rx().search(s):  # 城南物流园二期: the phase of a project
        return is_project_name(_PHASE.sub("", s), proper)
    if not _suffix_rx().search(s) or s.count("（") != s.count("）") or s.count("(") != s.count(")"):
        return False
    if _GENERIC_HEAD.match(s):
        return False
    if not proper:
        return True
    m = _suffix_rx().search(s)
    modifier = s[: m.start()] if m else s
    if len(modifier) < 2:
        return False
    toks = tokens(modifier)
    for word, tag in toks:
        if tag in _PROPER_TAGS or not known_word(word) or re.search(r"[A-Za-z0-9]", word):
            return True
    if toks and toks[0][0] in ("省", "市", "县", "区", "州", "镇", "乡") and len(modifier) >= 3:
        return True  # the county's own institution: 县人民医院, 市第一中学
    # a specific enough description before a strong suffix: 老城历史文化街区, not 民生工程
    return m.group() in _STRONG and len(toks) >= 2 and len(modifier) >= 3


def _proper(s: str) -> bool:
    """Whether `s` holds a proper name: a place or person jieba tags, or a word it does not know."""
    return any(tag in _PROPER_TAGS or not known_word(w) for w, tag in tokens(s))


def _split_items(span: str) -> list[str]:
    """A 、 list, with 和/及 between two names (A小学和B小学)."""
    return [x for x, _ in _split_marked(span)]


def _split_marked(span: str) -> list[tuple[str, bool]]:
    """The items of a list, each with whether it is a work named by what it does that shares
    the suffix of the name after it (北关水系治理及南湖湿地修复工程: 北关水系治理 is a work too)."""
    items: list[tuple[str, bool]] = []
    for x in re.split("[、]", span):
        x = re.sub(r"^在(.+?)(?:举办|举行|开展)的.*$", r"\1", x)  # 在X举办的展览 -> X
        # A小学和B小学; A整治及B工程 (a work named by what it does, then a named one); 与 joins
        # two names only when 和/及 do not (某某控制与资源利用实验室 is one)
        for joiner in ("(?:和|及|以及)", "与"):
            parts = re.split(joiner, x)
            if len(parts) > 1 and all(_suffix_rx().search(clean_project(p)) or _PHASE.search(p) or re.search(
                    r".{3}项目$", p) or (
                    k < len(parts) - 1 and _WORKS.search(p)) for k, p in enumerate(parts)):
                items += [(p, k < len(parts) - 1 and not _suffix_rx().search(clean_project(p)) and _proper(p))
                          for k, p in enumerate(parts)]
                break
        else:
            if x:
                items.append((x, False))
    # an item named as a project (青禾年产20万吨微豆粉项目) is one, whatever its name ends in
    return [(c, works or bool(re.search(r".{3}项目$", x.strip("，、。；：”’ ")))) for c, works, x in (
        (clean_project(x), w, x) for x, w in items) if c]


# a count between 等 and the kind of place that closes a list (等5个企业, 等6个项目, 等十余家单位)
_COUNT = r"(?:(?:\d{1,3}|[一二三四五六七八九十两几多数]{1,3})余?(?:个|家|处|所|座|条)?)?"
# the kind of place, perhaps with a word of its own before it (等工业企业, 等在建项目)
_KIND_OF = f"[{CJK}]{{0,3}}?(?:地|处|单位|企业|公司|项目|场所|点位|园区|基地|景区|工地|村|社区|学校)"


def sites_after(clause: str) -> list[tuple[str, bool]]:
    """The places named after a site verb in one clause, in order, each with whether it is
    surely a place visited (its list shares a trailing 项目 or closes with 等地).

    >>> [s for s, _ in sites_after("先后到富士康科技工业园、工业邻里中心等地")]
    ['富士康科技工业园', '工业邻里中心']
    """
    verbs = re.compile(f"(?:{lexicons.alternation('site_verbs')})")
    out: list[tuple[str, bool]] = []
    pos = 0
    while m := verbs.search(clause, pos):
        if m.group() == "到" and m.start() and clause[m.start() - 1] in "得受达遇想做看找感收提听办":
            pos = m.end()  # 得到, 受到, 做到: no going anywhere
            continue
        if re.match(r"团|组(?!织)|队", clause[m.end():m.end() + 2]):  # 考察团, 调研组: a noun, no visit
            pos = m.end()
            continue
        stop = _stop_rx().search(clause, m.end())
        while stop and stop.group() == "现场" and re.match("[、和及]", clause[stop.end():stop.end() + 1]):
            stop = _stop_rx().search(clause, stop.end() + 1)  # A施工现场、B项目现场: a list of works visited
        end = stop.start() if stop else len(clause)
        span = clause[m.end():end]
        # A项目现场 names works; 到南湖镇现场办公 names where the office is held, no works
        at_works = bool(stop) and stop.group() == "现场" and not clause.startswith("办公", stop.end()) or "现场、" in span
        if at_works:
            span = re.sub(r"(?:项目)?(?:施工|建设)?现场(?=[、和及])", "", span)
            span = re.sub(r"(?:项目)?(?:施工|建设)$", "", span)
        span = re.split(r"并(?=在|到|于|与|同|召开|主持|举行|听取)", span)[0]  # 考察A并在B召开…: B is no site
        span = re.sub(r"(?:并|还|又|同时)$", "", span)  # 实地查看并听取…: the verbs joined, no place between
        if re.match(r"(?:并|后|随后|之后|然后|还|又)?在", span) and re.match(r"召开|举行", clause[end:]):
            pos = max(end, m.end())  # 调研并在X召开座谈会: X is where a meeting is held, not a visit
            continue
        if re.match(r"学习|借鉴|交流", span):
            pos = max(end, m.end())  # 考察学习A的经验: what is learnt, not a place
            continue
        # a list that shares a trailing 项目 or closes with 等地 names places for sure
        shared = bool(re.search(r"项目(?:进展|建设)?(?:情况)?$", span))
        closed = bool(re.match(f"等{_COUNT}{_KIND_OF}", clause[end:]))
        marked = _split_marked(span)
        if closed and marked and not marked[-1][1]:
            # A、B以及C等企业: a list closed as a list of places joins its last two with 和/及
            parts = re.split("(?:以及|及|和)", marked[-1][0])
            if len(parts) == 2 and all(len(p) >= 2 for p in parts):
                marked[-1:] = [(p, False) for p in parts]
        # a bare unit of government is no works (赴孝感市现场指导)
        out += [(x, works or shared or at_works and len(x) >= 3 and not _ADMIN.search(x) or (closed and not _ADMIN.search(x)))
                for x, works in marked]
        pos = max(end, m.end())
        more = re.match(f"等{_COUNT}{_KIND_OF}(?:及|和|以及)(?P<more>[^，。；]+)", clause[end:])
        if more:  # A、B等公司及C商会: C is visited too
            rest = more.group("more")
            cut = _stop_rx().search(rest)
            tail = clean_project(rest[: cut.start()] if cut else rest)
            if tail:
                out.append((tail, False))
    return out


def sites_listed(clause: str) -> list[tuple[str, bool]]:
    """A clause that is nothing but a list of places (each a project name), as after a comma
    in 先后视察了A，B，C和D等地; empty when any item is no place.

    >>> [s for s, _ in sites_listed("县妇幼保健院和滨河停车场等地")]
    ['县妇幼保健院', '滨河停车场']
    """
    # the list may close on the visit it tells of (…，C等地调研; …，C等地实地查看)
    closed = re.search(f"等(?:{_COUNT}{_KIND_OF})?(?:进行|开展)?(?:实地|现场)?(?:调研|考察|视察|督导|督查|检查|走访|察看|查看)?$", clause)
    if not closed:
        # …，C等建设现场实地查看并听取…: the list closes on 等 and the works, what was done there after
        closed = re.search(f"等(?:{_COUNT}{_KIND_OF})?(?:施工|建设)?(?:现场|工地)?(?=(?:进行|开展)?(?:实地|现场|详细|认真|仔细|逐一)?"
                           r"(?:了解|察看|查看|听取|询问|调研|考察|视察|督导|督查|检查|走访))", clause)
    span = clause[: closed.start()] if closed else clause
    # 在A项目工地，…: the works of a project named as such
    span = re.sub(r"(?<=项目)(?:施工|建设)?(?:工地|现场)$", "", span)
    marked = _split_marked(span)
    if not marked or _ACTED.search(span) or not all(is_project_name(x) or named for x, named in marked):
        return []
    return [(x, named or bool(closed) and not _ADMIN.search(x)) for x, named in marked]


# a verb of learning or looking: the clause tells what was done there (详细了解园区建设情况)
_ACTED = re.compile(r"了解|听取|询问|查看|察看|观看|详细|认真|连线|慰问|看望")

_OBJ_VERBS = r"(?:加快推进|加快建设|快速推进|推进|推动|加快|建设|建成|修建|改造|完成|启动|解决|实施|抓好|打造|做好|新建|开工|续建|谋划)"
# verbs whose object is a project only when it is named as one (确保东湖安置房项目早日交付; not 确保不漏一村)
_SURE_VERBS = r"(?:确保|保障|加速|抓紧)"


_TOPIC = re.compile(r"(?:^|(?<=[，。；：]))(?!要|必须|务必|需要|力争|确保|加快|全力|推进)(?P<obj>[^，。；：！？“”]{3,60}?(?:项目|工程))(?:的)?(?:建设|施工|推进)?(?:工作)?，?"
                    r"(?=要|必须|务必|需要|力争|确保)")


def projects_in(text: str) -> list[str]:
    """Named projects inside what was said: objects of 推进/加快/建设/解决 … that end in a
    project suffix and carry a proper name (五一路商业步行街区, 川汇大道东延工程).

    >>> projects_in("要快速推进女娲路修建，推进银珠路和川汇大道东延工程建设")
    ['女娲路', '银珠路', '川汇大道东延工程']
    """
    out: list[str] = []
    objects = [m for m in re.finditer(f"{_OBJ_VERBS}(?P<obj>[^，。；：！？]{{2,60}})", text)]
    objects += [m for m in re.finditer(f"{_SURE_VERBS}(?P<obj>[^，。；：！？]{{2,40}}?(?:项目|工程))", text)]
    # a work named as the topic of what must be done (A项目和B项目建设，要…; A工程要…)
    objects += [m for m in _TOPIC.finditer(text)]
    for m in sorted(objects, key=lambda m: m.start()):
        if text[: m.start()].count("“") > text[: m.start()].count("”"):
            continue  # inside a quoted slogan: 推动荒宅变五园
        for raw in re.split(f"[、]|(?<=[{_suffix_ends()}])(?:和|及|以及|与)", m.group("obj")):
            name = _name_in(raw)
            if name and name not in out:
                out.append(name)
    return out


def site_name(s: str, sure: bool = False) -> str | None:
    """The project a visited place names: itself when it is one (or `sure`), else its longest
    opening that is (武汉某职业学院集中隔离点 -> 武汉某职业学院), else None."""
    if s in lexicons.load("generic_projects") or _GENERIC_HEAD.match(s) or len(s) < 3 and not _suffix_rx().search(s):
        return None
    if s.endswith("项目") and len(s) <= 6 and not _proper(s[:-2]):
        return None  # 文旅项目, 产业项目: a kind of project, none named
    if sure or is_project_name(s):
        return s
    for end in range(len(s) - 1, 3, -1):
        if is_project_name(s[:end]):
            return s[:end]
    return None


def _name_in(raw: str) -> str | None:
    """The longest prefix of `raw` that is a proper project name (roads: 女娲路修建 -> 女娲路)."""
    stripped = re.sub(r"^(?:新建|改扩建|加快|推进|建设|实施|了|好)", "", raw)
    for cand in dict.fromkeys((stripped, raw)):
        name = _longest_name(cand)
        if name:
            return name
    return None


def _longest_name(raw: str) -> str | None:
    for end in range(len(raw), 1, -1):
        cand = clean_project(raw[:end])
        if cand.endswith(("路", "大道", "大街")) and end < len(raw) and not re.match(
                r"(?:修建|建设|东延|西延|南延|北延|拓宽|改造|提升|工程)", raw[end:]):
            continue
        if cand.endswith(("路", "大道", "大街")) or is_project_name(cand, proper=True):
            if cand.endswith(("路", "大道", "大街")) and not is_road(cand):
                continue
            return cand
    return None


def is_road(s: str) -> bool:
    return bool(re.fullmatch(f"[{CJK}A-Za-z0-9]{{1,8}}(?:路|大道|大街)", s)) and not re.match(
        r"^(?:道|公|马|铁|线|出|思|套|门)路", s)
