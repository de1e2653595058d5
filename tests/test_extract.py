"""Extraction rules on sentences of our own that vary the genre's forms."""
import pytest

from kg.extract.dates import dateline_date, find_dates, resolve
from kg.pipeline import extract_file_text


def facts(body: str, year: int | None = 2023, lead: str = "本报讯（记者 周某某）"):
    [f] = extract_file_text(f"测试标题\n{lead}{body}\n", "t.txt", year)
    return f


def people(f):
    return {p.name: list(p.titles) for p in f.persons}


# --- persons and titles -------------------------------------------------------------
@pytest.mark.parametrize("body, expected", [
    ("5月6日，县委书记张成群主持召开县委常委会会议。", {"张成群": ["县委书记"]}),
    ("县委副书记、县长李国庆出席会议。", {"李国庆": ["县委副书记", "县长"]}),
    ("市委常委、市委秘书长赵建华参加调研。", {"赵建华": ["市委常委", "市委秘书长"]}),
    ("常务副县长欧阳明陪同调研。", {"欧阳明": ["常务副县长"]}),
    ("镇党委书记司马光远主持会议。", {"司马光远": ["镇党委书记"]}),
    ("县人大常委会主任王海、县政协主席刘丽出席会议。", {"王海": ["县人大常委会主任"], "刘丽": ["县政协主席"]}),
    ("县委常委、纪委书记、监委主任孙涛出席会议。", {"孙涛": ["县委常委", "纪委书记", "监委主任"]}),
    ("县教育局局长陈静汇报工作。", {"陈静": ["县教育局局长"]}),
    ("一级调研员黄平出席会议。", {"黄平": ["一级调研员"]}),
    ("区委常委、组织部长\n杨凤英参加会议。", {"杨凤英": ["区委常委", "组织部长"]}),
    ("州长买买提·艾力出席会议。", {"买买提·艾力": ["州长"]}),
])
def test_extract_persons_and_titles(body, expected):
    got = people(facts(body))
    for name, titles in expected.items():
        assert got.get(name) == titles, got


@pytest.mark.parametrize("body, names", [
    # a group word before a list gives no title
    ("县领导王强、李明、张华等出席会议。", {"王强": [], "李明": [], "张华": []}),
    # a title before a list belongs to each name
    ("县委常委张成群、陈迪、李继参加会议。", {"张成群": ["县委常委"], "陈迪": ["县委常委"], "李继": ["县委常委"]}),
    # a bare list before 出席
    ("刘一鸣、万强、卢建国出席会议。", {"刘一鸣": [], "万强": [], "卢建国": []}),
])
def test_extract_name_lists(body, names):
    got = people(facts(body))
    for name, titles in names.items():
        assert got.get(name) == titles, got


@pytest.mark.parametrize("body, not_a_person", [
    ("会议强调，要抓好安全生产。", "会议"),
    ("各社区党支部书记参加会议。", "参加"),
    ("贯彻落实市长吉某某的指示，各单位负责人参加会议。", "单位"),
])
def test_extract_not_persons(body, not_a_person):
    assert not any(not_a_person in p for p in people(facts(body)))


# --- dates ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, year, dateline, iso", [
    ("7月23日上午", 2022, "", "2022-07-23"),
    ("2023年5月6日", None, "", "2023-05-06"),
    ("5月6日至7日", 2021, "", "2021-05-06"),
    ("5月6日晚", 2021, "", "2021-05-06"),
    ("十月十五日", 2019, "", "2019-10-15"),
    ("19日在北京召开", 2019, "新华社北京2月19日电", "2019-02-19"),
    ("今日", 2020, "新华社武汉2月8日电", "2020-02-08"),
    ("5月6日", None, "", "--05-06"),
    ("近日", 2022, "", None),
    ("日前", 2022, "", None),
])
def test_extract_dates(text, year, dateline, iso):
    [d] = find_dates(text)
    assert resolve(d, year, dateline_date(dateline)) == iso



# a page that prints no date of its own, its bare day (13日) dated by the file's name
_UNDATED_PAGE = "县长召开发布会\n13日，青石县举行新闻发布会，县长王建国介绍全县春耕情况。\n"


@pytest.mark.parametrize("name, year, date", [
    ("paper-20200514-03.txt", None, "2020-05-13"),
    ("2020-05-14.html.txt", None, "2020-05-13"),
    ("paper-20200514-03.txt", 2020, "2020-05-13"),
    ("paper-20200514-03.txt", 2019, None),  # --year says otherwise: the name is not trusted
    ("paper-2020-05.txt", None, None),  # a month alone does not date a day
    ("paper-20201399.txt", None, None),  # no such day
])
def test_extract_file_name_dates_a_page_that_prints_none(name, year, date):
    [f] = extract_file_text(_UNDATED_PAGE, name, year)
    [e] = f.events
    assert e.date == date


def test_extract_printed_date_wins_over_file_name():
    page = "2021年3月20日 星期六\n" + _UNDATED_PAGE
    [f] = extract_file_text(page, "paper-20200514-03.txt")
    assert [e.date for e in f.events] == ["2021-03-13"]

# --- events -------------------------------------------------------------------------------
@pytest.mark.parametrize("body, kind, date, chair, attendees", [
    ("5月6日上午，县委书记张成群主持召开县委常委会会议。县长李国庆，县领导王强、李明等出席会议。",
     "meeting", "2023-05-06", "张成群", ["李国庆", "王强", "李明"]),
    ("3月2日，全县安全生产工作推进会召开。县委常委、副县长孙涛参加会议。",
     "meeting", "2023-03-02", None, ["孙涛"]),
    ("6月1日下午，镇长王海主持召开防汛工作调度会。", "meeting", "2023-06-01", "王海", []),
    ("8月9日，市委书记陈明远带领市直相关部门负责同志实地督导重点项目建设情况。副市长刘丽陪同。",
     "inspection", "2023-08-09", "陈明远", ["刘丽"]),
    ("4月12日，县长李国庆到城东新区调研。", "inspection", "2023-04-12", "李国庆", []),
    ("近日，副县长赵建华深入乡镇暗访安全生产工作。", "inspection", None, "赵建华", []),
    ("11月3日至4日，省委常委、秘书长黄平赴某市检查疫情防控工作。", "inspection", "2023-11-03", "黄平", []),
    ("2月1日，县委常委会会议召开。会议由县委副书记周强主持。县人大常委会主任王海出席会议。",
     "meeting", "2023-02-01", "周强", ["王海"]),
])
def test_extract_events(body, kind, date, chair, attendees):
    f = facts(body)
    assert len(f.events) == 1, f.events
    [e] = f.events
    assert (e.kind, e.date, e.chair) == (kind, date, chair)
    assert set(attendees) <= set(e.attendees)


@pytest.mark.parametrize("body", [
    "市、区“创文”推进会召开后，各单位迅速行动。",
    "要坚决扛牢政治责任，在党的二十大召开的关键年份确保稳定。",
    "会议传达学习了全省经济工作会议精神。",
    "贯彻落实市长吉某某在我县调研时的指示精神。",
    "各督导组组长参加会议。",
])
def test_extract_no_event_from_references(body):
    assert facts(body).events == ()


def test_extract_itinerary_keeps_order_and_merges_stops():
    f = facts("7月21日，县委书记张成群带领有关部门负责人实地督导项目建设。张成群一行先后到城东工业园、"
              "县人民医院新院区、城南污水处理厂等地，了解项目进展。随后，张成群一行到县职业教育中心"
              "实地查看新校区、实训基地项目进展情况，要求加快建设步伐。")
    [e] = f.events
    assert e.sites == ("城东工业园", "县人民医院新院区", "城南污水处理厂", "县职业教育中心", "新校区", "实训基地")
    assert ("张成群", "城东工业园", e.id) in {(r.person, r.project, r.basis) for r in f.responsibilities}


# --- directives -------------------------------------------------------------------------
@pytest.mark.parametrize("body, expected", [
    ("5月6日，县委书记张成群主持召开常委会会议。张成群指出，要提高站位。", [("张成群", "指出", "要提高站位")]),
    ("5月6日，县长李国庆主持召开常务会议。李国庆强调：要抓好落实。", [("李国庆", "强调", "要抓好落实")]),
    ("5月6日，县长李国庆主持召开常务会议。他表示，将全力以赴。", [("李国庆", "表示", "将全力以赴")]),
    ("5月6日，县长李国庆主持召开常务会议。会议强调，要守住底线。", [(None, "强调", "要守住底线")]),
    ("5月6日，县长李国庆主持召开常务会议。督导组要求，立行立改。", [(None, "要求", "立行立改")]),
    ("4月2日，市长陈明远到城东新区调研，强调要加快建设。", [("陈明远", "强调", "要加快建设")]),
    # a bare 要求 after "X一行…" keeps X as speaker
    ("4月2日，县长李国庆实地督导项目建设。随后，李国庆一行到城南工业园查看生产情况，要求强化要素保障。",
     [("李国庆", "要求", "强化要素保障")]),
    ("5月6日，县长李国庆主持召开常务会议。李国庆在讲话中指出，要稳增长。", [("李国庆", "指出", "要稳增长")]),
    # 提出要求，强调要…: the cue is 强调
    ("5月6日，县长李国庆主持召开常务会议。李国庆对下步工作提出要求，强调要压实责任。",
     [("李国庆", "强调", "要压实责任")]),
])
def test_extract_directives(body, expected):
    got = [(d.speaker, d.cue, d.text[: len(t)]) for d, (_, _, t) in zip(facts(body).directives, expected)]
    assert got == expected
    assert len(facts(body).directives) == len(expected)


@pytest.mark.parametrize("body", [
    "按照要求，各单位选拔出一批优秀人选。",
    "工作标准是不是符合要求，重点任务是不是落实到位。",
    "县长李国庆向在场的医务人员表示慰问。",
    "要落实好市委书记张建设提出的工作要求。",
])
def test_extract_not_directives(body):
    assert facts(body).directives == ()


def test_extract_directive_ties_to_event_and_names_projects():
    f = facts("6月1日，县长李国庆主持召开项目推进会。李国庆要求，要加快推进解放路商业步行街区、"
              "老城历史文化街区改造，推进建设路和滨河大道东延工程建设，解决好重点项目用地问题。")
    [d] = f.directives
    assert d.event_id == f.events[0].id
    assert d.projects == ("解放路商业步行街区", "老城历史文化街区", "建设路", "滨河大道东延工程")
    [r] = [r for r in f.responsibilities if r.project == "解放路商业步行街区"]
    assert (r.person, r.basis) == ("李国庆", d.id) and "解放路商业步行街区" in r.evidence.sentence


def test_extract_generic_projects_are_not_projects():
    f = facts("6月1日，县长李国庆主持召开会议。李国庆要求，要加快推进重点项目建设，抓好各项民生工程，"
              "打造区域消费中心。")
    assert f.projects == ()


def test_extract_bylines_are_persons():
    f = facts("5月6日，县长李国庆主持召开常务会议。", lead="本报讯（记者 周晓明 通讯员 吴刚）")
    assert f.article.reporters == ("周晓明",) and f.article.correspondents == ("吴刚",)
    assert {"周晓明", "吴刚"} <= set(people(f))
