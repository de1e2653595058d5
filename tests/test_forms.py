"""The genre's forms beyond the sample page: a table of sentences of our own, each with
what must be read from it. Rows vary titles, list shapes, meeting and inspection kinds,
speakers, date forms, text shapes and project names; negative rows expect nothing."""
import pytest

from kg.pipeline import extract_file_text

LEAD = "本报讯（记者 周晓明）"


def read(text: str, year=2023, lead=LEAD, headline="测试标题"):
    return extract_file_text(f"{headline}\n{lead}{text}\n", "t.txt", year)


def one(text, **kw):
    [f] = read(text, **kw)
    return f


def titles(f):
    return {p.name: list(p.titles) for p in f.persons}


TITLES = [
    ("县委书记王建军主持会议。", "王建军", ["县委书记"]),
    ("县长陈晓东出席会议。", "陈晓东", ["县长"]),
    ("市委常委、市委秘书长林海出席会议。", "林海", ["市委常委", "市委秘书长"]),
    ("常务副县长马国强出席会议。", "马国强", ["常务副县长"]),
    ("街道党工委书记何丽出席会议。", "何丽", ["街道党工委书记"]),
    ("镇长郑伟出席会议。", "郑伟", ["镇长"]),
    ("县人大常委会主任罗斌出席会议。", "罗斌", ["县人大常委会主任"]),
    ("县政协主席唐文出席会议。", "唐文", ["县政协主席"]),
    ("县委常委、县纪委书记、县监委主任韩冰出席会议。", "韩冰", ["县委常委", "县纪委书记", "县监委主任"]),
    ("县住建局局长邓辉汇报工作。", "邓辉", ["县住建局局长"]),
    ("县委办主任谢娜出席会议。", "谢娜", ["县委办主任"]),
    ("县委一级调研员曹阳出席会议。", "曹阳", ["县委一级调研员"]),
    ("副市长诸葛明辉出席会议。", "诸葛明辉", ["副市长"]),
    ("自治州州长阿不都·热合曼出席会议。", "阿不都·热合曼", ["自治州州长"]),
    ("省委常委、常务副省长冯志远出席会议。", "冯志远", ["省委常委", "常务副省长"]),
    ("市委副书记、市长吴涛出席会议。", "吴涛", ["市委副书记", "市长"]),
    ("县委常委、宣传部部长潘婷出席会议。", "潘婷", ["县委常委", "宣传部部长"]),
    ("乡党委书记田野出席会议。", "田野", ["乡党委书记"]),
    ("县政府党组成员、办公室主任孙洁出席会议。", "孙洁", ["县政府党组成员", "办公室主任"]),
    ("县住建局党组书记、局长赵强出席会议。", "赵强", ["县住建局党组书记", "局长"]),
]


@pytest.mark.parametrize("text, name, expected", TITLES)
def test_forms_titles(text, name, expected):
    assert titles(one("5月6日，县委常委会会议召开。" + text)).get(name) == expected


LISTS = [
    # title before a list: each holds it; group word before a list: none
    ("县委常委张成群、陈迪、李继出席会议。", {"张成群": ["县委常委"], "陈迪": ["县委常委"], "李继": ["县委常委"]}),
    ("县领导王强、李明、张华等出席会议。", {"王强": [], "李明": [], "张华": []}),
    ("市领导刘洋、孙丽和周斌出席会议。", {"刘洋": [], "孙丽": [], "周斌": []}),
    ("县四大班子领导黄涛、欧阳娜等出席会议。", {"黄涛": [], "欧阳娜": []}),
    ("县长陈晓东，县领导王强、李明出席会议。", {"陈晓东": ["县长"], "王强": [], "李明": []}),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_forms_name_lists(text, expected):
    f = one("5月6日，县委常委会会议召开。" + text)
    got = titles(f)
    for name, ts in expected.items():
        assert got.get(name) == ts, got
    assert set(expected) <= set(f.events[0].attendees)


MEETINGS = [
    ("5月6日，县委书记王建军主持召开县委常委会会议。", "王建军"),
    ("5月6日，县长陈晓东主持召开县政府常务会议。", "陈晓东"),
    ("5月6日，县委书记王建军主持召开乡村振兴专题会。", "王建军"),
    ("5月6日，县委书记王建军主持召开民营企业家座谈会。", "王建军"),
    ("5月6日，县长陈晓东主持召开重点项目调度会。", "陈晓东"),
    ("5月6日，县委书记王建军主持召开党政联席会议。", "王建军"),
    ("5月6日，全县重点项目集中开工仪式举行。", None),
    ("5月6日，全县村干部培训班开班。", None),
    ("5月6日，县委理论学习中心组举行集体学习。", None),
    ("5月6日，县委书记王建军主持召开县委常委会（扩大）会议。", "王建军"),
    ("5月6日，县长陈晓东主持召开县政府第12次常务会议，研究部署防汛工作。", "陈晓东"),
    # 会 in 会场 ends no meeting name
    ("5月6日，全县重点项目集中开工仪式在高新区主会场举行。县长陈晓东致辞。", None),
]


@pytest.mark.parametrize("text, chair", MEETINGS)
def test_forms_meetings(text, chair):
    f = one(text)
    assert [(e.kind, e.date, e.chair) for e in f.events] == [("meeting", "2023-05-06", chair)]


def test_forms_video_meeting_with_sub_venue():
    f = one("5月6日，全省安全生产电视电话会议召开。县委书记王建军、县长陈晓东在县分会场参加会议。")
    [e] = f.events
    assert e.kind == "meeting" and {"王建军", "陈晓东"} <= set(e.attendees)


def test_forms_people_named_by_role_speak_but_do_not_attend():
    f = one("5月6日，县长陈晓东到城东新区调研。企业负责人张明表示，将加快建设进度。村民王小红说，日子越过越好。")
    assert titles(f)["张明"] == [] and titles(f)["王小红"] == []
    assert [(d.speaker, d.cue) for d in f.directives] == [("张明", "表示"), ("王小红", "说")]
    assert f.events[0].attendees == ()


def test_forms_meeting_named_where_someone_attends_it():
    f = one("5月6日，县委书记王建军在县分会场参加全省安全生产电视电话会议。王建军强调，要压实责任。")
    [e] = f.events
    assert (e.name, e.date, e.attendees) == ("全省安全生产电视电话会议", "2023-05-06", ("王建军",))
    assert f.directives[0].event_id == e.id


def test_forms_a_person_named_for_their_words_does_not_attend():
    f = one("5月6日，县长陈晓东主持召开调度会，贯彻落实市委书记林海在我县调研时的讲话精神，"
            "县领导王强、李明，各乡镇负责人参加会议。")
    [e] = f.events
    assert e.attendees == ("王强", "李明")


def test_forms_a_name_inside_quotes_does_not_attend():
    f = one("5月6日，县委书记王建军主持召开会议。县长陈晓东、《县长李明工作法》作者代表出席会议。")
    assert f.events[0].attendees == ("陈晓东",)


def test_forms_attendees_named_after_the_verb():
    f = one("5月6日，县委常委会会议召开，县委书记王建军主持。出席会议的还有县委常委李红、孙伟。")
    [e] = f.events
    assert e.chair == "王建军" and {"李红", "孙伟"} <= set(e.attendees)


def test_forms_meeting_hall_is_no_meeting_name():
    f = one("5月6日上午，纪念大会在人民大会堂隆重举行。县长陈晓东出席。")
    assert [e.name for e in f.events] == ["纪念大会"]


def test_forms_a_report_on_an_inspection_is_no_inspection():
    f = one("5月6日，县长陈晓东主持召开县政府常务会议，听取全县安全生产大检查情况汇报。")
    assert [e.kind for e in f.events] == ["meeting"]


def test_forms_meeting_during_an_inspection_has_its_day():
    f = one("5月6日，县委书记王建军到城东新区调研。在随后召开的座谈会上，王建军强调，要抓好招商引资。")
    assert [(e.kind, e.date) for e in f.events] == [("inspection", "2023-05-06"), ("meeting", "2023-05-06")]
    [d] = f.directives
    assert d.event_id == f.events[1].id and d.speaker == "王建军"


def test_forms_meeting_with_study_and_agenda_items_is_one_meeting():
    f = one("5月6日，县委书记王建军主持召开县委常委会会议，传达学习省委全会精神，研究部署防汛工作。"
            "会议听取了全县经济运行情况汇报；审议了有关文件。会议强调，要抓好防汛。")
    assert len(f.events) == 1
    assert [(d.speaker, d.cue) for d in f.directives] == [(None, "强调")]


SPEAKERS = [
    ("会议指出，要稳增长。", [(None, "指出", "要稳增长")]),
    ("会议要求，各单位要压实责任。", [(None, "要求", "各单位要压实责任")]),
    ("督导组要求，要立行立改。", [(None, "要求", "要立行立改")]),
    ("代表们认为，报告实事求是。", [(None, "认为", "报告实事求是")]),
    ("王建军指出，要稳增长。他强调，要保安全。", [("王建军", "指出", "要稳增长"), ("王建军", "强调", "要保安全")]),
    ("县长陈晓东出席会议。陈晓东表示，将全力落实。她强调，要保民生。",
     [("陈晓东", "表示", "将全力落实"), ("陈晓东", "强调", "要保民生")]),
    ("王书记强调，要抓好安全生产。", [("王建军", "强调", "要抓好安全生产")]),
    ("王建军指出，要稳增长。陈晓东要求，要抓落实。", [("王建军", "指出", "要稳增长"), ("陈晓东", "要求", "要抓落实")]),
    ("王建军、陈晓东在讲话中强调，要守住安全底线。",
     [("王建军", "强调", "要守住安全底线"), ("陈晓东", "强调", "要守住安全底线")]),
    ("王建军说，这项工作很重要。", [("王建军", "说", "这项工作很重要")]),
    ("王建军希望，各部门加强协作。", [("王建军", "希望", "各部门加强协作")]),
    ("王建军在讲话中提出，要强化担当。", [("王建军", "提出", "要强化担当")]),
]


@pytest.mark.parametrize("text, expected", SPEAKERS)
def test_forms_speakers(text, expected):
    f = one("5月6日，县委书记王建军主持召开县委常委会会议。县长陈晓东出席会议。" + text)
    got = [(d.speaker, d.cue, d.text[: len(t)]) for d, (_, _, t) in zip(f.directives, expected)]
    assert got == expected and len(f.directives) == len(expected)


# Events: several leaders, groups that lead, visits with no verb of inspection, meetings
# named only as a venue; planned or spoken-of meetings are none. Each row: text,
# [(kind, leaders, attendees)] for the events expected, in order.
EVENT_FORMS = [
    # a quotation's attribution under a dash: the speaker at a meeting named as a venue
    ("——县委常委、副县长王建军日前在全县经济工作会议上说", [("meeting", (), ("王建军",))]),
    ("5月6日，县委书记王建军，县委副书记、县长陈晓东带领县直有关部门负责人赴城东新区调研。",
     [("inspection", ("王建军", "陈晓东"), ())]),
    ("5月6日，县委书记王建军带领副县长李春生、赵明赴城东新区调研。",
     [("inspection", ("王建军",), ("李春生", "赵明"))]),
    ("5月6日，市督查组一行来我县督查安全生产工作。", [("inspection", (), ())]),
    ("5月6日，省考察团一行到北关镇考察乡村旅游。", [("inspection", (), ())]),
    ("5月6日，县长陈晓东到北关镇，就秋粮收购进行了调研。", [("inspection", ("陈晓东",), ())]),
    ("5月6日，县长陈晓东深入城东污水处理厂、北关安置小区等项目现场，了解工程进展。",
     [("inspection", ("陈晓东",), ())]),
    # a guide goes along: the one guided leads; guiding an unnamed leader names no visit here
    ("5月6日，村支书王小红引导副县长刘建华察看了新建的蔬菜大棚。", [("inspection", ("刘建华",), ("王小红",))]),
    ("5月6日，王小红与丈夫一起引导总书记察看新住房。", []),
    ("5月6日，副县长刘建华带着相关部门负责人察看了防汛工作。", [("inspection", ("刘建华",), ())]),
    ("5月6日，县委书记王建军在座谈会上指出，要抓好秋粮收购。", [("meeting", (), ("王建军",))]),
    ("5月6日，县委书记王建军与企业家代表座谈交流。", [("meeting", (), ("王建军",))]),
    # two meetings convened together, each a meeting of its own
    ("5月6日，县长陈晓东主持召开县政府党组会议和第17次常务会议。",
     [("meeting", ("陈晓东",), ()), ("meeting", ("陈晓东",), ())]),
    # each leader to their own place: two visits
    ("5月6日，县领导王建军、陈晓东分别带队赴城东新区、北关镇督导防汛工作。",
     [("inspection", ("王建军",), ()), ("inspection", ("陈晓东",), ())]),
    # not events: a meeting planned, or one spoken of in what someone said; a group's noun use;
    # a feature's genre word (侧记)
    ("——县委督导组在北关镇督导侧记", []),
    ("县人代会将于下月召开。", []),
    ("县委书记王建军指出，要认真开好下周召开的全县经济工作会议。", []),
    ("会议决定成立督导组。", []),
    ("县里决定召开全县动员大会。", []),
    ('5月6日，县委理论学习中心组举行集体学习，县委书记王建军主持并讲话。', [('meeting', ('王建军',), ())]),
    ('5月6日，县政府第四次常务会议召开。县长陈晓东主持会议。', [('meeting', ('陈晓东',), ())]),
    ('5月6日，县委常委会召开会议，副县长李春生参加会议，会议由县委书记王建军主持。', [('meeting', ('王建军',), ('李春生',))]),
    ('5月6日，县长陈晓东率县党政代表团赴邻市考察对接。', [('inspection', ('陈晓东',), ())]),
    ('5月6日，县委书记王建军深入北关镇调研春耕生产。', [('inspection', ('王建军',), ())]),
    ('5月6日，县委书记王建军到北关镇督导防汛工作。', [('inspection', ('王建军',), ())]),
    ('5月6日，县长陈晓东走访慰问了困难群众。', [('inspection', ('陈晓东',), ())]),
    ('县委书记王建军传达了市委书记视察时的讲话精神。', []),
    ('会议听取了县督导组的工作汇报。', []),
    ('县里计划下月召开全县项目观摩会。', []),
    ('5月6日，市人大常委会视察组一行来我县视察农村公路建设。', [('inspection', (), ())]),
    # 主持 with no 召开 before the meeting's name; a meeting the clause makes the subject
    ('5月6日，市长陈晓东主持市政府常务会议，研究防汛工作。', [('meeting', ('陈晓东',), ())]),
    ('5月6日上午，县长陈晓东主持县政府第十二次常务会议。', [('meeting', ('陈晓东',), ())]),
    ('5月6日举行的县防汛工作新闻发布会明确，全县各中小学停课一天。', [('meeting', (), ())]),
    # not a meeting: 主持人, the meeting in hand, a meeting another chairs
    ('5月6日，县电视台主持人刘玉梅走进北关村。', []),
    ('5月6日，县长陈晓东主持会议并讲话。', [('meeting', ('陈晓东',), ())]),
    # the one described as chairing chairs (主持会议的县长某某说)
    ('在5月6日举行的县政府常务会议上，主持会议的县长陈晓东说，今年要抓好秋粮收购。', [('meeting', ('陈晓东',), ())]),
    ('5月6日，县政府常务会议召开。主持会议的副县长李春生强调，要抓好防汛。', [('meeting', ('李春生',), ())]),
]


@pytest.mark.parametrize("text, expected", EVENT_FORMS)
def test_forms_event_shapes(text, expected):
    f = one(text)
    assert [(e.kind, e.leaders, e.attendees) for e in f.events] == expected


def test_forms_sites_after_a_meeting_held_during_the_visit_belong_to_the_visit():
    f = one("5月6日，县委书记王建军到北关镇调研，与镇村干部座谈。随后，王建军先后来到北关小学、北关卫生院。")
    [visit] = [e for e in f.events if e.kind == "inspection"]
    assert visit.sites == ("北关小学", "北关卫生院")
    assert {(r.person, r.project) for r in f.responsibilities} == {("王建军", "北关小学"), ("王建军", "北关卫生院")}


def test_forms_leaders_who_go_severally_each_visit_their_own_place():
    f = one("5月6日，县领导王建军、陈晓东分别带队赴城东新区、北关镇督导防汛工作。")
    assert [(e.chair, e.sites) for e in f.events] == [("王建军", ("城东新区",)), ("陈晓东", ("北关镇",))]


def test_forms_co_leaders_are_responsible_and_in_the_graph():
    from kg.graph import to_graph
    from kg.vocab import KG

    facts = read("5月6日，县委书记王建军，县长陈晓东先后到城东污水处理厂、北关安置小区调研。")
    [e] = facts[0].events
    assert e.leaders == ("王建军", "陈晓东")
    assert {r.person for r in facts[0].responsibilities} == {"王建军", "陈晓东"}
    g = to_graph(facts)
    assert len(list(g.triples((None, KG.ledBy, None)))) == 2


ATTENDANCE_FORMS = [
    ("5月6日，全县经济工作会议召开。县领导王建军、陈晓东、李春生在主席台就座。", ("王建军", "陈晓东", "李春生")),
    ("5月6日，县委书记王建军主持召开会议。王强、李明、张华等同志到会指导。", ("王强", "李明", "张华")),
    ("5月6日，县长陈晓东到城东新区调研，副县长赵明一同调研。", ("赵明",)),
    ("5月6日，县长陈晓东主持召开会议，县委常委李春生，副县长赵明、孙丽出席。", ("李春生", "赵明", "孙丽")),
    ("5月6日，县长陈晓东主持召开会议。副县长李春生及县政府办主任孙丽出席会议。", ("李春生", "孙丽")),
    ("5月6日，县委书记王建军主持召开县委常委会会议。县委常委李春生、赵明出席会议，县人大常委会主任孙丽列席会议。",
     ("李春生", "赵明", "孙丽")),
    ('5月6日，县长陈晓东主持召开会议，副县长李春生、赵明及县直有关部门负责人参加。', ('李春生', '赵明')),
    ('5月6日，县委书记王建军主持召开县委常委会会议。出席会议的还有王强、李明。', ('王强', '李明')),
    ('5月6日，县委书记王建军到北关镇调研。副县长李春生、县政府办主任孙丽陪同。', ('李春生', '孙丽')),
    ('5月6日，县委书记王建军主持召开会议。县委常委李春生、赵明，副县长孙丽、周强出席会议。', ('李春生', '赵明', '孙丽', '周强')),
    # seated on the platform (前排, 上) is present, before or after the list; a bare name
    # joined by 及 to a titled one is listed too, also one the tagger runs on into 及
    ("5月6日，全县经济工作会议召开。县领导王建国、李红梅在主席台前排就座。", ("王建国", "李红梅")),
    ("5月6日，全县经济工作会议召开。王建国、李红梅等县领导在主席台上就座。", ("王建国", "李红梅")),
    ("5月6日，全县经济工作会议召开。在主席台前排就座的还有李红梅、张志强。", ("李红梅", "张志强")),
    ("5月6日，全县经济工作会议召开。与会人员依次就座。", ()),
    ("5月6日，全县经济工作会议召开。周洋及副县长李红梅出席。", ("周洋", "李红梅")),
    ("5月6日，全县经济工作会议召开。万国秀及副县长李红梅出席。", ("万国秀", "李红梅")),
    ("5月6日，全县经济工作会议召开。县领导欧阳珍芳及副县长李红梅参加会议。", ("欧阳珍芳", "李红梅")),
    ("5月6日，全县经济工作会议召开。各部门负责同志及副县长李红梅出席。", ("李红梅",)),
]


@pytest.mark.parametrize("text, attendees", ATTENDANCE_FORMS)
def test_forms_attendance_shapes(text, attendees):
    [e] = one(text).events
    assert e.attendees == attendees


# Sites: lists that go on after commas, places named before the clause that acts, more
# kinds of place, two works joined by 及, a trailing 建设, and descriptions that name none.
SITE_FORMS = [
    # 考察团, 调研组: an inspection verb in a group's name names no site
    ("5月6日，县委书记王建军带领考察团赴城东新区考察。", ["城东新区"]),
    ("5月6日，县委书记王建军带领调研组深入城东污水处理厂调研。", ["城东污水处理厂"]),
    ("5月6日，县长陈晓东先后视察了城东污水处理厂，北关安置小区，县妇幼保健院和滨河停车场等地。",
     ["城东污水处理厂", "北关安置小区", "县妇幼保健院", "滨河停车场"]),
    ("5月6日，县长陈晓东到城东新区调研。在宏达机械有限公司和北关纺织厂，陈晓东了解了生产情况。",
     ["城东新区", "宏达机械有限公司", "北关纺织厂"]),
    ("5月6日，县长陈晓东先后来到北关派出所、城东初中、滨河大桥、县青年创业工作室。",
     ["北关派出所", "城东初中", "滨河大桥", "县青年创业工作室"]),
    ("5月6日，县长陈晓东先后到县商会、国道312线城区段调研。", ["县商会", "国道312线城区段"]),
    ("5月6日，县长陈晓东实地察看了清水河综合整治及城北供水工程建设。", ["清水河综合整治", "城北供水工程"]),
    ("5月6日，县长陈晓东调研城东新区。", ["城东新区"]),
    ("5月6日，市长陈晓东在鹿鸣高新区调研时强调，要稳住工业投资。", ["鹿鸣高新区"]),
    ("5月6日，县长陈晓东先后到东湖大学生物工程研究中心和作物遗传与育种实验室调研。",
     ["东湖大学生物工程研究中心", "作物遗传与育种实验室"]),
    # descriptions, not names
    ("5月6日，县长陈晓东先后来到有关项目和企业生产车间。", []),
    ("5月6日，县长陈晓东实地督导重点项目建设情况。", []),
    ("5月6日，县长陈晓东到北关镇15个村走访，又来到另一个社区。", []),
    ('5月6日，县长陈晓东先后来到城东小学、北关幼儿园、县第二中学等地。', ['城东小学', '北关幼儿园', '县第二中学']),
    ('5月6日，县长陈晓东实地察看了城南供水工程和北关污水处理站。', ['城南供水工程', '北关污水处理站']),
    ('5月6日，县委书记王建军先后深入宏达科技有限公司、北关农业合作社调研。', ['宏达科技有限公司', '北关农业合作社']),
    ('5月6日，县长陈晓东先后到北关敬老院、城东社区卫生服务站，看望慰问老人。', ['北关敬老院', '城东社区卫生服务站']),
    ('5月6日，县长陈晓东调研春耕生产。', []),
]


@pytest.mark.parametrize("text, sites", SITE_FORMS)
def test_forms_site_shapes(text, sites):
    [e] = one(text).events
    assert list(e.sites) == sites


# Directives beyond "name + cue + comma": quotations, unnamed posts, groups and bodies as
# subjects, and where narration resumes. Each row: text, [(speaker, cue, opening words)].
DIRECTIVE_FORMS = [
    # a closing quote before the speaker; what follows the cue is what was said
    ("“这条路修通了，日子就好过了。”县长陈晓东说，下一步要抓好养护。",
     [("陈晓东", "说", "下一步要抓好养护")]),
    # the cue ends the sentence: what was said is the quotation before it
    ("“今年的订单比去年多了三成。”县长陈晓东说。", [("陈晓东", "说", "今年的订单比去年多了三成")]),
    ("“要把好事办好。” 县委书记王建军强调。", [("王建军", "强调", "要把好事办好")]),
    # a post with no name speaks for nobody we can name
    ("一位副县长说，材料太厚了。", [(None, "说", "材料太厚了")]),
    ("镇党委书记指出，要守住底线。", [(None, "指出", "要守住底线")]),
    # a group or a body as the subject, with words between it and the cue
    ("督导组调研后指出，整改还要加力。", [(None, "指出", "整改还要加力")]),
    ("会议在传达上级精神时强调，要抓好贯彻。", [(None, "强调", "要抓好贯彻")]),
    ("某某农业公司提出，希望尽快通水。", [(None, "提出", "希望尽快通水")]),
    ("省委明确要求，各地要压实责任。", [(None, "要求", "各地要压实责任")]),
    # 希望 opening its clause needs no comma
    ("县委书记王建军在讲话中肯定了全县的成绩，希望各乡镇再接再厉。", [("王建军", "希望", "各乡镇再接再厉")]),
    # a phrase that describes the speaker comes before the name
    ("在县政府常务会议上，主持会议的县长陈晓东说，要抓好秋粮收购。", [("陈晓东", "说", "要抓好秋粮收购")]),
    # 他 is the person a clause said someone is (是…刘某), not the subject named before
    ("县长陈晓东走进北关村。最忙的人，是村党支部书记李春生。他说，今年要修两条路。",
     [("李春生", "说", "今年要修两条路")]),
    # a cue right after another cue's comma is what the first one says
    ("县委书记王建军表示，希望各乡镇再接再厉。", [("王建军", "表示", "希望各乡镇再接再厉")]),
    # a name that ends like a noun's modifier (…新要求) is still a speaker
    ("县委常委、县纪委书记刘建新要求，自上而下抓整改。", [("刘建新", "要求", "自上而下抓整改")]),
    # narration resumes: the text ends before the next sentence of story
    ("县委书记王建军指出，要抓好秋粮收购。县长陈晓东出席会议。", [("王建军", "指出", "要抓好秋粮收购")]),
    ('会议指出，今年以来全县经济稳中向好。', [(None, '指出', '今年以来全县经济稳中向好')]),
    ('他们说，今年的收成不错。', [(None, '说', '今年的收成不错')]),
    ('县长陈晓东出席会议。他们表示，将全力配合。', [(None, '表示', '将全力配合')]),
    ('县委书记王建军强调：要守住安全底线。', [('王建军', '强调', '要守住安全底线')]),
    ('县委书记王建军在讲话中要求，各乡镇要压实责任。', [('王建军', '要求', '各乡镇要压实责任')]),
    ('“要把群众的事办好。”县长陈晓东说，“这是我们的本分。”', [('陈晓东', '说', '这是我们的本分')]),
    ('与会人员一致认为，方案切实可行。', [(None, '认为', '方案切实可行')]),
    ('县委书记王建军对下步工作提出要求，强调要抓好落实。', [('王建军', '强调', '要抓好落实')]),
    # who the speaker is comes before the name (a unit and a post the title list lacks);
    # a name after 对 is the one spoken to
    ("“今年的订单多了三成。”北关镇宏达农业公司总经理助理刘玉梅说。", [("刘玉梅", "说", "今年的订单多了三成")]),
    ("看着新修的路，东湖村村民刘玉梅说，日子越过越好了。", [("刘玉梅", "说", "日子越过越好了")]),
    ("县长陈晓东对村民刘玉梅说，要注意安全。", [("陈晓东", "说", "要注意安全")]),
    # 她 is the person a clause said someone is, with the place before the title
    ("县长陈晓东走进东湖村。这是北关镇东湖村党支部书记刘玉梅参加审议时的感受。她说，报告很实在。",
     [("刘玉梅", "说", "报告很实在")]),
    # a title written after the name stands for that person (陈晓东县长 … 县长说)
    ("5月6日，陈晓东县长来到北关村看望群众。看到新修的路，县长说，路修好了就好办了。",
     [("陈晓东", "说", "路修好了就好办了")]),
    # the quotation before a time and the speaker's clause is what was said
    ("“今年要抓好防汛。”5月6日上午，县委书记王建军在县委常委会会议上强调。", [("王建军", "强调", "今年要抓好防汛")]),
    ("“路修好了，心里踏实。”当天，县长陈晓东在北关村说。", [("陈晓东", "说", "路修好了，心里踏实")]),
    ("“协会筹备时得到了各界的支持。”5月6日，县慈善协会举行成立仪式，县委副书记刘玉梅在致辞中表示。",
     [("刘玉梅", "表示", "协会筹备时得到了各界的支持")]),
    # someone unnamed; 小李 for the one person of that surname
    ("“如今的村干部一心为大家。”一位王姓老人高兴地说。", [(None, "说", "如今的村干部一心为大家")]),
    ("有位村民笑着说，路修到了家门口。", [(None, "说", "路修到了家门口")]),
    ("乡扶贫专干李春生今年二十八岁。“以前填表的任务很重。”小李回忆说，有时要加班到深夜。",
     [("李春生", "说", "有时要加班到深夜")]),
    # a lead-in before the subject of a clause with no subject of its own
    ("调研期间，县委书记王建军到北关小学察看，要求守护好学生安全。", [("王建军", "要求", "守护好学生安全")]),
    # a quoted phrase opening what was said stays in it; a whole quotation does not
    ("县委书记王建军强调，“三个一批”是全县发展的总抓手。", [("王建军", "强调", "“三个一批”是全县发展的总抓手")]),
    ("县委书记王建军指出，“要把好事办好。”", [("王建军", "指出", "要把好事办好")]),
    # 一位副县长 is a post, not a voice heard
    ("“材料太厚了。”一位副县长说。", [(None, "说", "材料太厚了")]),
    # a noun 要求 (贯彻省委要求) and one of two verbs (检查和要求) introduce nothing
    ("县委书记王建军说，各级要坚决贯彻省委要求，守住底线。", [("王建军", "说", "各级要坚决贯彻省委要求")]),
    ("督导组通过暗访检查和要求各村上报等形式，掌握情况。", []),
    # what was reported inside a quotation, and the quotation, each end at its closing quote
    # (inside a quotation only a person named reports what was said: 县长 alone does not)
    ("“县长指出，路要修到家门口。”村民刘玉梅说。", [("刘玉梅", "说", "县长指出，路要修到家门口。")]),
    ("“很多会议都要求主要负责人参加。”一位局长说。", [(None, "说", "很多会议都要求主要负责人参加")]),
    # 希望 with no comma after a named subject, adverbs or a clause of when; a visit's own
    # clause of when (在调研中, 调研时) with no subject: the one who made the visit
    ("5月6日，县委书记王建国到南湖镇调研。王建国希望南湖镇抓好产业发展。", [("王建国", "希望", "南湖镇抓好产业发展")]),
    ("5月6日，县委书记王建国到南湖镇调研。王建国还希望村干部带头致富。", [("王建国", "希望", "村干部带头致富")]),
    ("5月6日，县长李红梅到北关村走访。她在走访时希望村干部多办实事。", [("李红梅", "希望", "村干部多办实事")]),
    ("5月6日，县长李红梅到北关村走访，走访时希望村干部多办实事。", [("李红梅", "希望", "村干部多办实事")]),
    ("5月6日，县委书记王建国到南湖镇调研，在调研中要求各部门压实责任。", [("王建国", "要求", "各部门压实责任")]),
    ("5月6日，县委书记王建国到南湖镇调研。在检查中要求各部门压实责任。", [("王建国", "要求", "各部门压实责任")]),
    ("5月6日，县委书记王建国到南湖镇调研。群众希望早日修通道路。", []),
    ("5月6日，县委书记王建国到南湖镇调研。王建国捐建的希望小学开学了。", []),
    ("5月6日，县委书记王建国到南湖镇调研。他们希望早日修通道路。", []),
    # a cue opening a sentence with no subject goes on with what the person before said
    # in the paragraph; not after a meeting's words, nor in a new paragraph
    ("5月6日，县委召开座谈会。县委书记王建国表示，大家的建议很中肯。希望大家多献良策。",
     [("王建国", "表示", "大家的建议很中肯"), ("王建国", "希望", "大家多献良策")]),
    ("5月6日，县委召开座谈会。会议指出，大家的建议很中肯。希望大家多献良策。", [(None, "指出", "大家的建议很中肯")]),
    ("5月6日，县委召开座谈会。县委书记王建国表示，大家的建议很中肯。\n希望大家多献良策。",
     [("王建国", "表示", "大家的建议很中肯")]),
]


@pytest.mark.parametrize("text, expected", DIRECTIVE_FORMS)
def test_forms_directive_shapes(text, expected):
    f = one(text)
    got = [(d.speaker, d.cue, d.text[: len(t)]) for d, (_, _, t) in zip(f.directives, expected)]
    assert got == expected and len(f.directives) == len(expected)


def test_forms_directive_text_stops_where_narration_resumes():
    f = one("5月6日，县委书记王建军主持召开会议。王建军指出，要抓好秋粮收购。县长陈晓东出席会议。")
    assert [d.text for d in f.directives] == ["要抓好秋粮收购。"]
    assert f.events[0].attendees == ("陈晓东",)


def test_forms_remarks_in_a_feature_are_not_said_at_the_event():
    f = one("5月6日，县委书记王建军主持召开县委常委会会议。\n"
            "村支书李春生在合作社干了八年。“今年的订单比去年多了三成。”李春生说。")
    [d] = f.directives
    assert (d.speaker, d.event_id) == ("李春生", None)
    assert "李春生" not in f.events[0].attendees


def test_forms_a_directive_before_every_event_is_made_at_none():
    # an article that opens with what a body required, then tells of a visit
    f = one("省委近日印发通知明确要求，各地要把防汛责任压实到每一个环节，不留死角。\n"
            "5月6日，县委书记王建军带队到北关镇督导防汛工作，察看了河道堤防。")
    [d] = f.directives
    assert (d.speaker, d.event_id) == (None, None) and len(f.events) == 1
    # in the paragraph that tells of the event, what was said before it is said there
    f = one("“要把秋粮收好。”在5月6日召开的县政府常务会议上，县长陈晓东说，要抓好秋粮收购。")
    assert {d.event_id for d in f.directives} == {f.events[0].id}


def test_forms_said_during_the_visit_is_said_on_the_visit():
    f = one("5月6日，县委书记王建军到北关镇调研。在北关村，王建军与村干部座谈交流。"
            "调研期间，王建军到北关小学察看，要求守护好学生安全。")
    [visit] = [e for e in f.events if e.kind == "inspection"]
    assert [d.event_id for d in f.directives] == [visit.id]


def test_forms_the_day_inside_a_meeting_attended():
    f = one("5月6日，全县防汛调度会召开。县委书记王建军参加了5月8日开始的全县乡村振兴干部培训班。")
    assert [e.date for e in f.events] == ["2023-05-06", "2023-05-08"]


def test_forms_a_report_inside_a_quotation_ends_with_it():
    f = one("5月6日，陈晓东县长来到北关村。“县长指出，路要修到家门口。”村民刘玉梅说。")
    assert [(d.speaker, d.text) for d in f.directives] == [
        ("刘玉梅", "县长指出，路要修到家门口。"), ("陈晓东", "路要修到家门口。")]


def test_forms_a_column_that_closes_with_who_said_it():
    # a column of remarks (声音) whose last line names the speaker and the meeting
    [f] = extract_file_text("收好秋粮，稳住农民的钱袋子（声音）\n\n　　秋粮收购要让农民卖得出、卖得好\n　　\n"
                            "　　要把秋粮收购抓紧抓实，让农民卖得出、卖得好。各乡镇要压实责任，把收购网点开到村口。\n"
                            "　　——县委书记王建军日前在全县秋粮收购工作会议上说\n", "t.txt", 2023)
    [d] = f.directives
    [e] = f.events
    assert (d.speaker, d.cue, d.event_id) == ("王建军", "说", e.id)
    assert "要把秋粮收购抓紧抓实" in d.text and d.text.endswith("开到村口。")
    # a line of attribution with no name is no speaker
    [f] = extract_file_text("收好秋粮（声音）\n\n　　要把秋粮收购抓紧抓实，让农民卖得出、卖得好，把收购网点开到村口。\n"
                            "　　——一位种粮大户这样说\n", "t.txt", 2023)
    assert [d.speaker for d in f.directives] == []


def test_forms_a_voice_the_reporter_heard_is_said_at_no_event():
    f = one("5月6日，县委书记王建军到北关村调研。“路修好了，出门方便多了。”一位老人笑着说。")
    [d] = f.directives
    assert (d.speaker, d.event_id) == (None, None)


def test_forms_an_instruction_by_an_official_is_made_at_the_event():
    f = one("5月6日，县委书记王建军主持召开县委常委会会议。副县长李春生强调，要抓好防汛。")
    [d] = f.directives
    assert d.event_id == f.events[0].id and "李春生" in f.events[0].attendees


DATES = [
    ("2023年5月6日，县委书记王建军主持召开县委常委会会议。", None, "2023-05-06"),
    ("5月6日，县委书记王建军主持召开县委常委会会议。", 2021, "2021-05-06"),
    ("5 月 6 日晚，县委书记王建军主持召开县委常委会会议。", 2021, "2021-05-06"),
    ("5月6日至7日，县委书记王建军到城东新区调研。", 2021, "2021-05-06"),
    ("近日，县委书记王建军主持召开县委常委会会议。", 2021, None),
    ("日前，县委书记王建军到城东新区调研。", 2021, None),
    ("５月６日，县委书记王建军主持召开县委常委会会议。", 2021, "2021-05-06"),
    ("5月6日，县委书记王建军主持召开县委常委会会议。", None, "--05-06"),
]


@pytest.mark.parametrize("text, year, iso", DATES)
def test_forms_dates(text, year, iso):
    assert [e.date for e in one(text, year=year).events] == [iso]


def test_forms_no_year_warns_naming_the_file():
    f = one("5月6日，县委书记王建军主持召开县委常委会会议。", year=None)
    assert f.events[0].date == "--05-06"
    assert f.warnings and "t.txt" in f.warnings[0]


INSPECTIONS = [
    ("5月6日，县委书记王建军到城东新区调研。", "王建军", ["城东新区"]),
    ("5月6日，县长陈晓东深入城南工业园、滨河湿地公园等地督导项目建设。", "陈晓东", ["城南工业园", "滨河湿地公园"]),
    ("5月6日，县长陈晓东带队检查安全生产工作，先后到城北化工厂、县人民医院等地。", "陈晓东", ["城北化工厂", "县人民医院"]),
    ("5月6日，副县长刘丽暗访农贸市场食品安全工作。", "刘丽", []),
    ("5月6日，县委书记王建军走访慰问困难党员。", "王建军", []),
    ("5月6日，市委书记林海到我县视察，先后来到县第一中学、城东污水处理厂。县委书记王建军陪同。",
     "林海", ["县第一中学", "城东污水处理厂"]),
    ("5月6日，县长陈晓东实地督导重点项目，先后到城南物流园、县体育中心和滨河大道改造工程等地查看进度。",
     "陈晓东", ["城南物流园", "县体育中心", "滨河大道改造工程"]),
]


@pytest.mark.parametrize("text, leader, sites", INSPECTIONS)
def test_forms_inspections(text, leader, sites):
    f = one(text)
    [e] = [e for e in f.events if e.kind == "inspection"]
    assert e.date == "2023-05-06" and e.chair == leader
    assert list(e.sites) == sites


def test_forms_headline_names_the_meeting_the_body_chairs():
    [f] = read("6月12日，县委书记王志刚主持会议，传达学习省委全会精神。王志刚强调，要抓落实。",
               headline="县委常委会召开会议")
    [e] = f.events
    assert (e.kind, e.date, e.chair) == ("meeting", "2023-06-12", "王志刚")
    assert f.directives[0].event_id == e.id


@pytest.mark.parametrize("text, sites", [
    # the lead's date, the visit told in the next sentence
    ("6月12日上午，县委书记王志刚来到城东新区。他先后走访了县人民医院新院区、城东中学，调研民生工作。",
     ["城东新区", "县人民医院新院区", "城东中学"]),
    # 先后到…等地 with no other verb of inspection
    ("6月12日，县长刘建华先后到城北污水处理厂、滨江公园二期工程等地，详细了解项目建设情况。",
     ["城北污水处理厂", "滨江公园二期工程"]),
])
def test_forms_visits_without_a_verb_of_inspection_in_the_lead(text, sites):
    [e] = one(text).events
    assert (e.kind, e.date) == ("inspection", "2023-06-12") and list(e.sites) == sites


def test_forms_two_leaders_inspect_together():
    # both are subjects of the visit, so both lead it (kg:ledBy repeats)
    f = one("5月6日，县委书记王建军、县长陈晓东一同到城东新区调研。")
    [e] = f.events
    assert (e.leaders, e.attendees) == (("王建军", "陈晓东"), ())


def test_forms_inspection_attendees_from_陪同():
    f = one("5月6日，市委书记林海到我县调研。县委书记王建军、县长陈晓东陪同调研。")
    [e] = f.events
    assert {"王建军", "陈晓东"} <= set(e.attendees)


PROJECTS = [
    ("要加快推进城东新区综合管廊工程建设。", ["城东新区综合管廊工程"]),
    ("要全力推进滨河湿地公园建设。", ["滨河湿地公园"]),
    ("要加快建设县人民医院新院区。", ["县人民医院新院区"]),
    ("要推进高铁站片区改造。", ["高铁站片区"]),
    ("要全力推进城南物流园二期、滨江公园（三期）项目建设。", ["城南物流园二期", "滨江公园（三期）"]),
    ("要加快推进G310国道改线工程。", ["G310国道改线工程"]),
    ("要加快推进凤凰大道修建和人民路改造。", ["凤凰大道", "人民路"]),
    # generic words are no projects
    ("要加快推进重点项目建设，抓好民生工程。", []),
]


@pytest.mark.parametrize("text, projects", PROJECTS)
def test_forms_projects_named_in_directives(text, projects):
    f = one("5月6日，县长陈晓东主持召开项目调度会。陈晓东要求，" + text)
    assert list(f.projects) == projects
    assert {(r.person, r.project) for r in f.responsibilities} == {("陈晓东", q) for q in projects}


TEXT_SHAPES = [
    # byline at the end of a web article
    ("县委常委会召开\n5月6日，县委书记王建军主持召开县委常委会会议。\n（全媒体记者：王小明 刘芳）",
     ["王小明", "刘芳"], []),
    ("县委常委会召开\n5月6日，县委书记王建军主持召开县委常委会会议。\n记者 王小明 通讯员 吴刚",
     ["王小明"], ["吴刚"]),
    ("县委常委会召开\n5月6日，县委书记王建军主持召开县委常委会会议。\n（王小明）", ["王小明"], []),
    # ASCII punctuation, a page header, a headline repeating the chair's name
    ("第RB02版\n王建军主持召开县委常委会会议\n本报讯(记者 王小明)5月6日,县委书记王建军主持召开县委常委会会议.",
     ["王小明"], []),
]


@pytest.mark.parametrize("page, reporters, correspondents", TEXT_SHAPES)
def test_forms_text_shapes(page, reporters, correspondents):
    [f] = extract_file_text(page, "web.txt", 2023)
    assert list(f.article.reporters) == reporters and list(f.article.correspondents) == correspondents
    [e] = f.events
    assert (e.kind, e.date, e.chair) == ("meeting", "2023-05-06", "王建军")


@pytest.mark.parametrize("header, day, iso", [
    ("2023年6月14日 星期三", "12日上午", "2023-06-12"),
    ("2023年6月3日 星期六", "29日", "2023-05-29"),  # a later day is last month's
])
def test_forms_bare_day_takes_the_month_of_the_page(header, day, iso):
    [f] = extract_file_text(f"{header}\n标题\n本报讯 {day}，县委书记王志刚主持召开县委常委会会议。\n", "p.txt")
    assert f.events[0].date == iso


def test_forms_web_page_year_from_its_header():
    page = ("县委常委会召开\n2021-05-07 10:30 来源：某县融媒体中心\n"
            "5月6日，县委书记王建军主持召开县委常委会会议。\n")
    [f] = extract_file_text(page, "web.txt", None)
    assert f.events[0].date == "2021-05-06"


# Visits told through 开展/进行 after going somewhere, a group's visit, a subject described
# before its name, a delegation that 一行(N人)走进…; inspection verbs inside nouns (督查专员,
# 督查对接会, 检查量) are no visits. Each row: text, [(kind, leaders, attendees, sites)].
VISIT_FORMS = [
    ("5月6日，县委书记王建国到南湖镇开展调研。", [("inspection", ("王建国",), (), ())]),
    ("5月6日，副县长李红梅在青石村开展专题调研。", [("inspection", ("李红梅",), (), ())]),
    ("5月6日，省政府第二督查组组长王建国带领督查组，来我县开展季度督查。",
     [("inspection", ("王建国",), (), ())]),
    ("5月6日，市委联合督查组对我县重点工作落实情况进行督促检查。县领导王建国、李红梅陪同检查。",
     [("inspection", (), ("王建国", "李红梅"), ())]),
    ("5月6日，省纪委派出工作组，分赴各地开展监督指导。", [("inspection", (), (), ())]),
    ("5月6日，县卫健局工作人员刘丽与相关部门一道，前往青石中学等单位检查防疫工作。",
     [("inspection", ("刘丽",), (), ("青石中学",))]),
    ("5月6日一早，刘丽代表街道办和县卫健局等部门人员组成联合工作组，一行12人走进南湖中学。",
     [("inspection", ("刘丽",), (), ("南湖中学",))]),
    ("5月6日，市委书记林海一行来到青石产业园。", [("inspection", ("林海",), (), ("青石产业园",))]),
    ("5月6日，县领导赵明一行三人前往南湖敬老院，看望慰问老人。", [("inspection", ("赵明",), (), ("南湖敬老院",))]),
    # not visits: a title, a meeting's name, a count; a reporter's walk; a villager; said or planned
    ("5月6日，省政府督查专员王建国出席全县经济工作会议。", [("meeting", (), ("王建国",), ())]),
    ("5月6日，副县长李红梅出席督查对接会。", [("meeting", (), ("李红梅",), ())]),
    ("从每天的消毒次数到设备检查量，刘丽都要上报。", []),
    ("5月6日，本报记者一行走进南湖中学。", []),
    ("5月6日，村民刘丽来到南湖中学。", []),
    ("5月6日，记者跟随刘丽走进南湖中学。", []),
    ("县委书记王建国要求，各乡镇要到村组开展调研。", []),
    ("县委书记王建国将于下周到南湖镇开展调研。", []),
    ("5月6日，县委常委会传达学习市委书记到我县开展调研时的讲话精神。", []),
]


@pytest.mark.parametrize("text, expected", VISIT_FORMS)
def test_forms_visit_shapes(text, expected):
    f = one(text)
    assert [(e.kind, e.leaders, e.attendees, e.sites) for e in f.events] == expected


def test_forms_sites_of_an_earlier_paragraph_are_not_a_later_visits():
    f = one("5月6日至8日，省纪委派出工作组，分赴全省各地开展指导，查看基层减负工作的进展，听取干部群众的意见和建议。\n"
            "根据前期掌握的情况，县纪委有关部门到南湖镇开展督导，查看报表清理工作。")
    first, e = f.events  # the group's visit (分赴…开展指导) is one of its own
    assert first.date == "2023-05-06" and e.date is None and e.sites == ()


# An attendance verb whose object names kinds of event (参加调研和座谈, 参加调研) attends the
# event of each kind told last; with none named, the event in hand. Each row: text, the
# attendees of each event in order.
ATTENDANCE_BY_KIND = [
    ("5月6日，县委书记王建国到南湖镇调研，并与镇村干部座谈。副县长李红梅参加调研和座谈。",
     [("李红梅",), ("王建国", "李红梅")]),
    ("5月6日，副市长王建国到市农科院调研并召开座谈会。院长赵明、副院长孙丽参加调研。",
     [("赵明", "孙丽"), ()]),
    ("5月6日，县长赵明到青石镇督导，随后主持召开座谈会。副县长刘丽陪同督导。", [("刘丽",), ()]),
    # no kind named: the event in hand
    ("5月6日，县委书记王建国到南湖镇调研，并与镇村干部座谈。副县长李红梅陪同。",
     [(), ("王建国", "李红梅")]),
    # a kind with no event of it told: the event in hand
    ("5月6日，县长赵明主持召开座谈会。副县长刘丽参加调研。", [("刘丽",)]),
]


@pytest.mark.parametrize("text, attendees", ATTENDANCE_BY_KIND)
def test_forms_attendance_by_kind(text, attendees):
    assert [e.attendees for e in one(text).events] == attendees


# 在A和B的带领下: all the escorts lead; 在A、B的陪同下: they attend.
@pytest.mark.parametrize("text, leaders, attendees", [
    ("5月6日，第一督导组在县纪委书记王建国和副县长李红梅的带领下，督查了东湖村、西山村。", ("王建国", "李红梅"), ()),
    ("5月6日，在县委书记王建国、县长赵明的率领下，县考察团赴青石市考察。", ("王建国", "赵明"), ()),
    ("5月6日，在县委书记王建国的带领下，考察团考察了青石产业园。", ("王建国",), ()),
    ("5月6日，市长林海在县委书记王建国、县长赵明的陪同下到青石产业园调研。", ("林海",), ("王建国", "赵明")),
])
def test_forms_escorts_who_lead_and_who_attend(text, leaders, attendees):
    [e] = one(text).events
    assert (e.leaders, e.attendees) == (leaders, attendees)


def test_forms_a_clause_with_a_site_verb_is_no_bare_list_of_places():
    # 察看了村卫生室 after a list of places: the verb's object is generic, not a place named
    [e] = one("5月6日，市委书记林海一行走进青石村，察看了村卫生室。").events
    assert e.sites == ("青石村",)


# Meetings where many speak: deputies deliberating a report (代表们审议…报告, 同代表们一起审议)
# is a meeting, and the remarks of officials there (说, 表示) are made at it; at a press
# conference the article opens with, an official who 介绍 speaks there. Not a deliberation:
# the meeting in hand deliberating (会议审议了), one asked for in what was said.
@pytest.mark.parametrize("text, expected", [
    ("全国人大代表认真审议全国人大常委会工作报告，代表们表示，工作取得新成效。南湖县委书记王建国代表说，要坚定制度自信。",
     [("meeting", None, ("王建国",))]),
    ("5月6日下午，全国人大常委会副委员长林海来到他所在的青石代表团，同代表们一起审议政府工作报告。王建国、李红梅等代表先后发言。",
     [("meeting", "2023-05-06", ("林海", "王建国", "李红梅"))]),
    ("5月6日，县委常委会召开会议，审议了《青石县乡村振兴规划（草案）》。", [("meeting", "2023-05-06", ())]),
    ("县委书记王建国要求，各代表团要认真审议政府工作报告。", []),
    ("5月6日，县政府常务会议讨论了提交人大代表审议的政府工作报告。", []),
    ("5月6日，青石县召开防汛工作新闻发布会。\n县应急管理局局长王建国介绍，全县已转移群众三千人。",
     [("meeting", "2023-05-06", ("王建国",))]),
    ("5月6日，青石县召开防汛工作新闻发布会。\n村民王建国介绍，全村已转移群众三百人。", [("meeting", "2023-05-06", ())]),
    ("5月6日，县长王建国到北关镇调研。\n镇长李红梅介绍，全镇已转移群众三千人。", [("inspection", "2023-05-06", ())]),
])
def test_forms_meetings_where_many_speak(text, expected):
    f = one(text)
    assert [(e.kind, e.date, e.attendees) for e in f.events] == expected


# A sentence whose subject is the meeting told before, by the word its name ends in
# (论坛还举办了…), tells of that day; the members of a group may visit as one (中心组成员
# 集体在…考察调研). Each row: text, [(kind, date)].
@pytest.mark.parametrize("text, expected", [
    ("5月6日，2023青石发展论坛在南湖县开幕。论坛还举办了青石杯创新大赛启动仪式。",
     [("meeting", "2023-05-06"), ("meeting", "2023-05-06")]),
    # another subject, not the meeting told before: no day
    ("5月6日，2023青石发展论坛在南湖县开幕。大赛还举办了青石杯创新大赛启动仪式。",
     [("meeting", "2023-05-06"), ("meeting", None)]),
    ("5月6日，县委理论学习中心组举行集体学习。中心组成员集体在青石古城遗址现场考察调研。",
     [("meeting", "2023-05-06"), ("inspection", None)]),
    ("县委书记王建国在讲话中要求，班子成员要深入一线调研。", []),
])
def test_forms_the_meeting_told_before_and_group_members(text, expected):
    assert [(e.kind, e.date) for e in one(text).events] == expected


# Going somewhere to act there tells a visit only when someone goes: a subject of the clause
# or a group named before it (not one planned); the place where a meeting is held
# (到某村召开现场会) is no site of the visit in hand; 多家医院 is no name.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，县纪委有关部门到青石镇开展督导。", [("inspection", ())]),
    ("县委下发通知，引导党员干部多到田间地头开展调研。", []),
    ("自5月6日起，县里将组成3个督导组，赴各乡镇开展督导。", []),
    ("5月6日，市督导组一行还来到青石县人民医院。", [("inspection", ("青石县人民医院",))]),
    ("5月6日，专家组到多家医院开展实地调研。", [("inspection", ())]),
    ("5月6日，县长赵明到青石镇调研。5月8日，中心组全体成员到南湖村召开现场学习会。",
     [("inspection", ()), ("meeting", ())]),
])
def test_forms_who_goes_and_where(text, expected):
    assert [(e.kind, e.sites) for e in one(text).events] == expected


def test_forms_a_place_where_something_is_held_is_still_visited():
    # 赴某园举办场地, 参观在某中心举办的展览: 举办 inside a visit's object names the place
    [e] = one("5月6日，县长赵明到青石县调研，参观了在青石会展中心举办的农业成果展。").events
    assert e.sites == ("青石会展中心",)
    [e] = one("5月6日，县长赵明赴青石博览园举办场地，现场考察了筹备工作情况。").events
    assert e.sites == ("青石博览园举办场地",)


# Not events: a meeting fixed for a later day (定于…召开) is planned, not held.
@pytest.mark.parametrize("text, expected", [
    ("县委定于9月10日召开全县干部大会。", []),
    ("南湖镇党委定于下周一召开党员大会。", []),
    ("9月10日，县委召开全县干部大会。", [("meeting", "2023-09-10")]),
])
def test_forms_saying_planned_meetings(text, expected):
    assert [(e.kind, e.date) for e in one(text).events] == expected


# 传达…视察/检查…时的讲话 passes on a visit's message: no visit is made here.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，县委书记王建国主持召开会议，传达省委书记视察我县时的讲话精神。", [("meeting", ())]),
    ("5月6日，县长李红梅主持会议，传达市领导检查青石镇时的指示要求。", [("meeting", ())]),
    ("5月6日，县委书记王建国到青石镇调研，传达了县委全会精神。", [("inspection", ())]),
])
def test_forms_saying_a_visit_passed_on_is_no_visit(text, expected):
    assert [(e.kind, e.sites) for e in one(text).events] == expected


# What was said ends where the meeting's story resumes (会上，…).
@pytest.mark.parametrize("text, said", [
    ("5月6日，县委书记王建国主持召开常委会议。他指出，要抓好安全生产。会上，各部门作了汇报。",
     [("王建国", "要抓好安全生产。")]),
    ("5月6日，县委书记王建国主持召开常委会议。他指出，会上的发言很好，要抓好安全生产。",
     [("王建国", "会上的发言很好，要抓好安全生产。")]),
])
def test_forms_saying_where_what_was_said_ends(text, said):
    assert [(d.speaker, d.text) for d in one(text).directives] == said


# 他/她希望 opening a clause needs no comma (not 他们希望, 群众希望: no one reports what was said).
@pytest.mark.parametrize("text, said", [
    ("5月6日，县长李红梅在南湖镇调研，她希望镇村干部抓好秋收。", [("李红梅", "镇村干部抓好秋收。")]),
    ("5月6日，县长李红梅在南湖镇调研。她还希望镇村干部抓好秋收。", [("李红梅", "镇村干部抓好秋收。")]),
    ("5月6日，县长李红梅在南湖镇调研，他们希望镇村干部抓好秋收。", []),
    ("5月6日，县长李红梅在南湖镇调研，群众希望早日修通道路。", []),
])
def test_forms_saying_a_weak_cue_after_a_pronoun(text, said):
    assert [(d.speaker, d.text) for d in one(text).directives] == said


# 会议 or a group as the subject of a long clause of when (会议在认真听取…后强调): no
# speaker; a clause of when with no subject of its own: the subject of the sentence's earlier clause.
@pytest.mark.parametrize("text, said", [
    ("5月6日，县委书记王建国主持召开常委会议。会议在认真听取县发改局、县财政局、县住建局等单位关于重点项目推进情况的汇报后强调，要压实责任。",
     [(None, "要压实责任。")]),
    ("5月6日，检查组在听取青石镇关于秸秆禁烧和防汛备汛工作的情况汇报后指出，要压实责任。", [(None, "要压实责任。")]),
    ("5月6日，县委书记王建国到南湖镇调研，在听取南湖镇党委书记刘明的汇报后指出，要压实责任。",
     [("王建国", "要压实责任。")]),
    ("5月6日，县长李红梅在听取南湖镇工作汇报后指出，要压实责任。", [("李红梅", "要压实责任。")]),
])
def test_forms_saying_the_subject_of_a_long_clause_of_when(text, said):
    assert [(d.speaker, d.text) for d in one(text).directives] == said


# Sites and projects (each row: text, sites of the first inspection). A list of places goes on
# after commas up to the item that closes it, also when the visit follows (…，C等地调研); a
# work named by what it does before 及/和 and a named work shares its suffix (A整治及B工程
# is two); the place where a meeting is held after the visit (调研并在X召开座谈会) is none.
@pytest.mark.parametrize("text, sites", [
    ("5月6日，市长林海先后来到北关镇卫生院，西河村文化广场，南湖小学等地调研。",
     ("北关镇卫生院", "西河村文化广场", "南湖小学")),
    ("5月6日，市长林海先后来到南湖高铁站，东关公共停车场，县妇幼保健院等地检查。",
     ("南湖高铁站", "东关公共停车场", "县妇幼保健院")),
    ("5月6日，市长林海先后来到南湖高铁站，县领导等陪同调研。", ("南湖高铁站",)),
    ("5月6日，县长赵明察看了北关水系治理和南湖大桥工程。", ("北关水系治理", "南湖大桥工程")),
    ("5月6日，县长赵明先后察看了东关棚户区改造及西河公园提升工程。", ("东关棚户区改造", "西河公园提升工程")),
    ("5月6日，县长赵明察看了环境整治及南湖湿地修复工程。", ("南湖湿地修复工程",)),
    ("5月6日，县长赵明先后到北关产业园、南湖物流园调研并在县行政服务中心召开座谈会。", ("北关产业园", "南湖物流园")),
    ("5月6日，县委书记王建国先后到东关建材市场、西河物流园调研并在县便民服务中心主持召开现场会。",
     ("东关建材市场", "西河物流园")),
    ("5月6日，县长赵明调研并在北关镇青山学校召开座谈会。", ()),
])
def test_forms_sites_lists_works_and_meeting_venues(text, sites):
    e = next(e for e in one(text).events if e.kind == "inspection")
    assert e.sites == sites


# What opens a clause before its subject: a date with no comma after it (digits or Chinese
# numerals, a range, the day of the week of a chronicle's item head), a day or a part of the
# day alone. None of it is a title, and the person after it leads the event.
@pytest.mark.parametrize("text, year, event", [
    ("5月6日县委书记王建军主持召开县委常委会会议。", 2021, ("2021-05-06", "王建军")),
    ("2021年5月6日县长陈晓东到城东新区调研。", None, ("2021-05-06", "陈晓东")),
    ("五月六日县长陈晓东到城东新区调研。", 2021, ("2021-05-06", "陈晓东")),
    ("5月6日—7日县长陈晓东到城东新区调研。", 2021, ("2021-05-06", "陈晓东")),
    ("△5月6日（星期四）县长陈晓东到城东新区调研。", 2021, ("2021-05-06", "陈晓东")),
    ("5月6日(周四)上午，县长陈晓东到城东新区调研。", 2021, ("2021-05-06", "陈晓东")),
    ("下午县长陈晓东到城东新区调研。", 2021, (None, "陈晓东")),
    ("当晚县委书记王建军主持召开县委常委会会议。", 2021, (None, "王建军")),
])
def test_forms_a_lead_in_before_the_subject(text, year, event):
    f = one(text, year=year)
    assert [(e.date, e.chair) for e in f.events] == [event]
    assert all(t.startswith(("县", "副")) for p in f.persons for t in p.titles)


# Visits and gatherings beyond the first forms (each row: text, (kind, leaders, sites) of each
# event). 莅临 alone tells a visit (not in a greeting, nor 莅临大会); a society's name ends
# in 会 but names no meeting (its 年会, 成立大会 are); a visit stays when the sentence goes
# on after 调研后 to a meeting or to what was said.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，市委书记王建国莅临青石县调研。", [("inspection", ("王建国",), ())]),
    ("5月6日，副市长李红梅莅临南湖镇农业产业园指导工作。", [("inspection", ("李红梅",), ("南湖镇农业产业园",))]),
    ("6月2日，省委常委赵明莅临西河物流园，详细了解园区建设情况。", [("inspection", ("赵明",), ("西河物流园",))]),
    ("5月6日，县长陈晓东热烈欢迎市委书记王建国莅临青石县。", []),
    ("5月6日，副省长刘丽莅临大会并讲话。", []),
    ("5月6日，县委书记王建国走访青石县商会，听取企业家意见。", [("inspection", ("王建国",), ("青石县商会",))]),
    ("5月6日，县长陈晓东先后到县总工会、县红十字会、县科学技术协会调研。",
     [("inspection", ("陈晓东",), ("县总工会", "县红十字会", "县科学技术协会"))]),
    ("5月6日，县长陈晓东出席青石县商会。", []),
    ("5月6日，县长陈晓东出席南湖县电商协会。", []),
    ("5月6日，县长陈晓东出席青石县商会2023年年会。", [("meeting", (), ())]),
    ("5月6日，县长陈晓东出席青石县电商协会成立大会。", [("meeting", (), ())]),
    ("5月6日，县长陈晓东到南湖镇调研后在镇政府召开座谈会。", [("inspection", ("陈晓东",), ()), ("meeting", ("陈晓东",), ())]),
    ("7月9日，区委书记李红梅到东关产业园调研后，在区政府主持召开现场推进会。",
     [("inspection", ("李红梅",), ("东关产业园",)), ("meeting", ("李红梅",), ())]),
    ("5月6日，县长陈晓东在南湖镇调研后指出，要抓好秋粮收购。", [("inspection", ("陈晓东",), ())]),
    ("省委书记到青石县视察后，全县上下干劲十足。", []),
    ("5月6日，县委书记王建国传达了省委书记在我县调研后的讲话精神。", []),
    ("5月6日，县长陈晓东调研南湖镇农业产业园，详细了解园区建设情况。",
     [("inspection", ("陈晓东",), ("南湖镇农业产业园",))]),
])
def test_forms_visits_and_societies(text, expected):
    assert [(e.kind, e.leaders, e.sites) for e in one(text).events] == expected


# Sites of a visit (each row: text, sites of the first inspection): a list closed by 等 and a
# count (等5个企业, 等6个项目); no site in a clause that tells what was done there (了解工程进度,
# 视频连线…), in what is learnt (考察学习…经验), nor in 项目进展 alone.
@pytest.mark.parametrize("text, sites", [
    ("5月6日，县长陈晓东实地走访了宏达纺织、青石包装、南湖电器等3个企业。", ("宏达纺织", "青石包装", "南湖电器")),
    ("5月6日，副县长李红梅先后到东关冻干食品、西河变电站、北山机械制造等6个项目查看进展。",
     ("东关冻干食品", "西河变电站", "北山机械制造")),
    ("5月6日，县长陈晓东走访了青石纺织、南湖包装等十余家单位。", ("青石纺织", "南湖包装")),
    ("5月6日，县长陈晓东深入青石物流园施工现场，了解工程进度。", ("青石物流园",)),
    ("5月6日，县长陈晓东先后深入青石物流园、南湖产业园，实地查看项目进展。", ("青石物流园", "南湖产业园")),
    ("5月6日，在县应急指挥中心，县长陈晓东视频连线南湖林场，慰问值守人员。", ("县应急指挥中心",)),
    ("5月6日，县长陈晓东率团赴邻县考察学习东湖区的重点项目建设经验。", ()),
    # a kind with a word before it (等工业企业), the last two joined by 以及; no generic 一线车间
    ("5月6日，县长陈晓东先后前往东湖工业园青禾工贸、南湖石油等工业企业走访。", ("东湖工业园青禾工贸", "南湖石油")),
    ("5月6日，县长陈晓东带队走访青禾机械、南湖环保以及北山门窗等企业。", ("青禾机械", "南湖环保", "北山门窗")),
    ("5月6日，县长陈晓东到青石纺织有限公司调研，来到一线车间与工人交谈。", ("青石纺织有限公司",)),
])
def test_forms_sites_closed_by_a_count_and_clauses_that_name_none(text, sites):
    e = next(e for e in one(text).events if e.kind == "inspection")
    assert e.sites == sites


# 观摩 and 督办 are visits (带队观摩重点项目, 对…进行集中观摩, 带队督办); not their nouns (观摩会,
# 观摩团, 督办事项) nor a case supervised (挂牌督办). An event with no day of its own in the
# paragraph of a dated one is of that day.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，区委书记王建国带队观摩重点项目建设。", [("inspection", "2023-05-06", ("王建国",))]),
    ("5月6日，县长陈晓东对全县12个重点项目进行集中观摩。", [("inspection", "2023-05-06", ("陈晓东",))]),
    ("8月2日下午，县委书记李红梅带队督办全县重点项目建设。", [("inspection", "2023-08-02", ("李红梅",))]),
    ("5月6日，县纪委对该问题线索挂牌督办。", []),
    ("5月6日，县长陈晓东主持召开督办事项推进会。", [("meeting", "2023-05-06", ("陈晓东",))]),
    ("5月6日，全县重点项目观摩会召开。", [("meeting", "2023-05-06", ())]),
    ("3月9日，副县长赵明主持召开重点项目调度会，县直有关单位负责人参加。赵明一行先后到南湖变电站、东关物流园查看进展。",
     [("meeting", "2023-03-09", ("赵明",)), ("inspection", "2023-03-09", ("赵明",))]),
    ("3月9日，副县长赵明主持召开重点项目调度会。\n近日，赵明一行先后到南湖变电站、东关物流园查看进展。",
     [("meeting", "2023-03-09", ("赵明",)), ("inspection", None, ("赵明",))]),
])
def test_forms_tours_of_projects_and_the_day_of_the_paragraph(text, expected):
    assert [(e.kind, e.date, e.leaders) for e in one(text).events] == expected


# 主持 and the end of the name of a meeting told before (…集中开工仪式举行。县长某某主持仪式):
# its chair, not a meeting of its own.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，青石县举行重点项目集中开工仪式。县委书记王建国宣布开工，县长陈晓东主持开工仪式。",
     [("meeting", "2023-05-06", ("陈晓东",))]),
    ("5月6日，青石县举行重点项目集中开工仪式。副县长李红梅主持仪式。", [("meeting", "2023-05-06", ("李红梅",))]),
    ("5月6日，青石县举行重点项目集中开工仪式。5月8日，副县长李红梅主持防汛工作会。",
     [("meeting", "2023-05-06", ()), ("meeting", "2023-05-08", ("李红梅",))]),
])
def test_forms_chair_of_a_meeting_named_by_its_end(text, expected):
    assert [(e.kind, e.date, e.leaders) for e in one(text).events] == expected


# Deputies or members who visit as a body (人大代表一行40余人视察, 组织…代表视察, 代表和委员们，
# 集中视察): an inspection with no one named to lead it; not an exhortation to visit.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，县人大常委会组织部分县人大代表视察城东污水处理厂。", [("inspection", "2023-05-06", (), ("城东污水处理厂",))]),
    ("5月6日，县人大常委会组织市、县人大代表一行30余人视察南湖产业园建设。", [("inspection", "2023-05-06", (), ("南湖产业园",))]),
    ("5月6日，出席县人代会的人大代表和政协委员们，集中视察了南湖产业园。",
     [("inspection", "2023-05-06", (), ("南湖产业园",))]),
    ("代表们要积极视察调研。", []),
    ("5月6日，县政协组织委员开展学习。", []),
])
def test_forms_deputies_who_visit_as_a_body(text, expected):
    assert [(e.kind, e.date, e.leaders, e.sites) for e in one(text).events] == expected


# Items of a 、 list that closes on 等 and a kind of place (等社区, 等乡镇) are places, though a
# tagger reads one as a name; the same names before 等 and a word for people stay persons.
@pytest.mark.parametrize("text, names", [
    ("5月6日，县长李红梅先后到南码头、周家渡、上港等社区考察防疫工作。", {"李红梅"}),
    ("5月6日，县长李红梅深入舞泉、辛安、侯集、保和等乡镇看望慰问困难群众。", {"李红梅"}),
    ("5月6日，全县经济工作会议召开。周家渡、辛安等同志出席会议。", {"周家渡", "辛安"}),
])
def test_forms_a_list_of_places_names_no_one(text, names):
    assert {p.name for p in one(text).persons} - {"周晓明"} == names


# A word that jieba files as a name is none where the clause reads it as a word: the opening
# of a longer word (高峰|期, 部长|高峰论坛) or a verb after an adverb of two characters (不断|安抚);
# the same characters after a title, or opening a clause before a verb, are still a name.
@pytest.mark.parametrize("text, names", [
    ("5月6日，县长李红梅到北关村走访。村医反复沟通，不断安抚张奶奶的情绪。", {"李红梅"}),
    ("5月6日，县长李红梅到北关村走访。上下班高峰期，路口排起长队。", {"李红梅"}),
    ("5月6日，全省中外部长高峰论坛在南湖召开。县长李红梅出席。", {"李红梅"}),
    ("5月6日，全县经济工作会议召开。副县长高峰出席会议。", {"高峰"}),
    ("5月6日，全县经济工作会议召开。县委书记高峰主持会议。", {"高峰"}),
])
def test_forms_a_word_read_as_a_word_is_no_name(text, names):
    assert {p.name for p in one(text).persons} - {"周晓明"} == names


# A speaker who counts the points before making them (强调了三点意见：一要…) says what follows
# the colon; a topic with 就 between the speaker and a verb-only cue (X就…工作强调) leaves the
# cue a verb, while 要求 after such words stays a noun (按照工作要求).
@pytest.mark.parametrize("text, said", [
    ("5月6日，县委书记王建军主持召开县委常委会会议。王建军就做好防汛工作强调了三点意见：一要压实责任，二要加强巡查。",
     [("王建军", "强调", "一要压实责任")]),
    ("5月6日，县委书记王建军主持召开县委常委会会议。王建军强调三点：一要压实责任。", [("王建军", "强调", "一要压实责任")]),
    ("5月6日，县委书记王建军主持召开县委常委会会议。王建军就做好防汛工作强调，要压实责任。", [("王建军", "强调", "要压实责任")]),
    ("5月6日，县委书记王建军主持召开县委常委会会议。按照工作要求，各乡镇要压实责任。", []),
    ("5月6日，县委书记王建军主持召开县委常委会会议。王建军强调了这一点。", []),
])
def test_forms_points_counted_and_a_topic_before_the_cue(text, said):
    assert [(d.speaker, d.cue, d.text[:len(t)]) for d, (_, _, t) in zip(one(text).directives, said)] == said
    assert len(one(text).directives) == len(said)


# A visit's time alone before the cue (调研期间，要求…) speaks for the visitor, as 在调研中要求 does;
# who goes along 陪同此次调研 makes no visit of their own.
@pytest.mark.parametrize("text, said", [
    ("5月6日，县委书记王建军到城东新区调研。调研期间，要求各级干部压实责任。", [("王建军", "各级干部压实责任")]),
    ("5月6日，县委书记王建军到城东新区调研。在调研中，要求各级干部压实责任。", [("王建军", "各级干部压实责任")]),
    ("5月6日，县委书记王建军主持召开县委常委会会议。会上，要求各级干部压实责任。", []),
])
def test_forms_a_visits_time_before_the_cue(text, said):
    assert [(d.speaker, d.text[:len(t)]) for d, (_, t) in zip(one(text).directives, said)] == said
    assert len(one(text).directives) == len(said)


def test_forms_one_who_goes_along_with_this_visit_makes_none():
    f = one("5月6日，县委书记王建军到城东新区调研。王建军一行先后察看了青山村、南湖村。县领导陈晓东陪同此次调研。")
    assert [(e.kind, e.chair, e.attendees) for e in f.events] == [("inspection", "王建军", ("陈晓东",))]


# Bylines among a web page's metadata: a role after the site's labels on their line keeps its
# own colon and the roles after it (来源：… 记者：王某 通讯员：李某), labels after it name no one,
# and a unit written between the people of a byline is none of them.
@pytest.mark.parametrize("meta, reporters, correspondents", [
    ("发布时间：2023-05-07  信息来源：县融媒体中心  记者：王建华 通讯员：李小明", ["王建华"], ["李小明"]),
    ("作者：记者 王建华 通讯员 李小明  来源：县融媒体中心", ["王建华"], ["李小明"]),
    ("2023-05-07 10:20 来源：县融媒体中心 记者：王建华 程小燕", ["王建华", "程小燕"], []),
    ("本报记者 王建华 通讯员 李小明 县融媒体中心 周强", ["王建华"], ["李小明", "周强"]),
    ("发布时间：2023-05-07 来源：县融媒体中心 作者：王建华 浏览次数：", [], []),
])
def test_forms_bylines_among_the_page_metadata(meta, reporters, correspondents):
    [f] = extract_file_text(f"县委书记调研园区\n{meta}\n5月6日，县委书记刘明锋到园区调研。\n", "web.txt", 2023)
    assert (list(f.article.reporters), list(f.article.correspondents)) == (reporters, correspondents)
    assert "县融媒体中心" not in {p.name for p in f.persons}


# Names with no Han surname (Mongolian, Tibetan) in a list after a group word, after a long
# title where the page writes them again, or where the tagger stops inside them; a name
# written before the head of its title (旗委X书记, X主席所作); a standing written as a title
# (无党派人士); and dictionary words that jieba tags as names after a group word (干部辛勤付出).
@pytest.mark.parametrize("text, expected", [
    ("旗领导孙志强、乌兰其其格、周广明等出席。", {"孙志强": [], "乌兰其其格": [], "周广明": []}),
    ("旗长巴特尔、副旗长乌兰其其格出席。", {"巴特尔": ["旗长"], "乌兰其其格": ["副旗长"]}),
    ("旗人大常委会主任宝音朝克图出席。宝音朝克图指出，要抓好落实。", {"宝音朝克图": ["旗人大常委会主任"]}),
    ("县委书记负总责，县长抓落实。", {}),
    ("会议拥护旗委赵中华书记的重要讲话。", {"赵中华": []}),
    ("会议听取了侯国强主席所作的工作报告。", {"侯国强": []}),
    ("常务副县长李明出席。", {"李明": ["常务副县长"]}),
    ("无党派人士李春华，县政协副主席王鸿飞出席会议。", {"李春华": ["无党派人士"], "王鸿飞": ["县政协副主席"]}),
    ("会议由无党派人士、副县长李春华主持。", {"李春华": ["无党派人士", "副县长"]}),
    ("无党派人士代表座谈会召开。", {}),
    ("全体干部辛勤付出，群众满意。", {}),
    ("村民包里装着材料。", {}),
    ("感谢工作人员坚守岗位、辛勤付出。", {}),
    ("所长林浩明面对的是日常。", {"林浩明": ["所长"]}),
    ("干部王刚带领群众致富。", {"王刚": []}),
])
def test_forms_names_without_a_surname_before_a_head_and_standings(text, expected):
    assert {k: v for k, v in titles(one(text)).items() if k != "周晓明"} == expected


# A headline that holds a comma ends where a blank line parts it from the story's day, in
# web text and in a column alike; a headline broken inside a word above a lead is one line
# (防|汛工作|本报讯…: the lead opens its own line, not the word's end).
@pytest.mark.parametrize("page, headline", [
    ("王建军到园区调研，强调抓好项目建设\n\n5月6日，县委书记王建军到园区调研。王建军强调，要抓好项目建设。\n",
     "王建军到园区调研，强调抓好项目建设"),
    ("县委召开常委会，部署防汛\n\n5月6日，县委书记王建军主持\n召开县委常委会会议，研究部\n署防汛工作。王建军强调，要\n"
     "压实防汛责任，加强巡查值守，\n确保安全度汛。会议还研究了\n其他事项。县领导陈晓东、刘\n明锋出席会议。各乡镇主要负\n"
     "责人列席会议。会议要求，各\n部门要密切配合。\n", "县委召开常委会，部署防汛"),
    ("县委召开常委会，研究部署防\n汛工作\n\n本报讯（记者 周晓明）5月6日，\n县委书记王建军主持召开县委常\n"
     "委会会议，研究部署防汛工作。\n王建军强调，要压实防汛责任，\n加强巡查值守，确保安全度汛。\n会议还研究了其他事项。县领导\n"
     "陈晓东、刘明锋出席会议。各乡\n镇主要负责人列席会议。会议要\n求，各部门要密切配合。\n", "县委召开常委会，研究部署防汛工作"),
])
def test_forms_a_headline_with_a_comma_above_a_blank_line(page, headline):
    [f] = extract_file_text(page, "col.txt", 2023)
    assert f.article.headline == headline
    assert [d.text[:6] for d in f.directives if d.cue == "强调"] == ["要压实防汛责" if "防汛" in headline else "要抓好项目建"]


# A name whose given name is also a word (谭|建国) opening a clause after its break, a follower
# word after it, is the clause's subject, and 他说 after it speaks for that person; a frequent
# word after a surname (张|图片) is no given name.
@pytest.mark.parametrize("text, speaker", [
    ("12月26日，县委书记李伦华带队考察。考察中，谭建国对代表团的到来表示欢迎。他说，两地合作基础坚实。", "谭建国"),
    ("12月26日，县委书记李伦华带队考察。考察中，墙上挂着一张图片。他说，两地合作基础坚实。", "李伦华"),
])
def test_forms_a_subject_whose_given_name_is_a_word(text, speaker):
    [d] = [d for d in one(text).directives if d.cue == "说"]
    assert d.speaker == speaker


# Who leads and who goes along: X陪同A调研 (A leads; X, and a titled name in a clause before,
# go along; a group after 陪同 leads with no one named), A，B一行，对…督查 (both lead), 由A，B带队
# (both lead, A first), 参与调研 (takes part, no visit of its own), 参观学习考察 (a visit, though
# 学习 stands before the verb); not 在X的陪同下 nor 陪同调研, which stay as they were.
@pytest.mark.parametrize("text, expected", [
    ("4月14日，旗长王建军陪同自治区文化和旅游厅党组成员李春华调研。", [("inspection", ("李春华",), ("王建军",))]),
    ("5月6日，县委书记王建军，县长李春华陪同市委书记陈明到南湖镇调研。",
     [("inspection", ("陈明",), ("王建军", "李春华"))]),
    ("5月6日，县长王建军陪同市委书记陈明、市长赵刚到南湖镇调研。", [("inspection", ("陈明", "赵刚"), ("王建军",))]),
    ("5月6日，县长王建军陪同省调研组到南湖镇调研。", [("inspection", (), ("王建军",))]),
    ("5月6日，县委书记王建军在县长李春华的陪同下到南湖镇调研。", [("inspection", ("王建军",), ("李春华",))]),
    ("5月6日，市委书记王建军到我县调研，县长李春华陪同调研。", [("inspection", ("王建军",), ("李春华",))]),
    ("7月9日，市委副书记、市长王建军，市委常委、常务副市长李春华一行，对我县重大项目建设情况进行了集中督查。",
     [("inspection", ("王建军", "李春华"), ())]),
    ("7月9日，市长王建军，副市长李春华陪同，对我县重大项目建设情况进行了集中督查。", [("inspection", ("王建军",), ("李春华",))]),
    ("5月6日，由县委书记王建军，县长李春华带队的青石县党政代表团赴南湖县考察。", [("inspection", ("王建军", "李春华"), ())]),
    ("5月6日，副县长王建军率调研组到南湖镇调研，县委常委李春华，副县长陈明参与调研。",
     [("inspection", ("王建军",), ("李春华", "陈明"))]),
    ("5月20日上午，县政协副主席王建军一行6人来镇参观学习考察公共服务体系建设工作，镇党委书记陈明陪同考察。",
     [("inspection", ("王建军",), ("陈明",))]),
    ("5月6日，县委书记王建军传达学习省委书记在我县视察时的讲话精神。", []),
])
def test_forms_who_leads_and_who_goes_along(text, expected):
    assert [(e.kind, e.leaders, e.attendees) for e in one(text).events] == expected


# A meeting one person convened (召开) and another is said to chair (B主持会议, 会议由B主持): B
# chairs and the convener took part; a meeting its chair convened keeps its chair. 县委王某书记
# (the unit before the name, the post after it) is the subject of its clause. Those who make
# arrangements at a meeting (分别对…作安排部署) take part in it.
@pytest.mark.parametrize("text, expected", [
    ("5月21日，南湖镇党委书记王建军一行来我县召开东西部协作联席会议。县委书记李春华主持会议并讲话，副县长陈明参加会议。",
     ("李春华", ("王建军", "陈明"))),
    ("12月12日，区长王建军赴大龙山镇召开征求意见座谈会。会议由区委副书记李春华主持。", ("李春华", ("王建军",))),
    ("12月12日，区长王建军赴大龙山镇召开征求意见座谈会，副区长李春华出席。", ("王建军", ("李春华",))),
    ("5月6日，县长王建军主持召开防汛工作会。王建军主持会议并讲话，副县长李春华参加。", ("王建军", ("李春华",))),
    ("5月6日，县委王建军书记主持召开县委常委会会议。", ("王建军", ())),
    ("5月6日，县长王建军主持召开重点项目推进会，副县长李春华，副县长陈明分别对分管工作作安排部署。",
     ("王建军", ("李春华", "陈明"))),
])
def test_forms_who_chairs_a_meeting_another_convened(text, expected):
    e = one(text).events[-1]
    assert (e.chair, e.attendees) == expected


# Where a visit went: works closed by (施工)现场 in a 、 list, quoted names among them (“东湖印象”项目
# 施工现场); a list closed by 等 and a kind (等公司, 等重点项目现场) and what is joined after it (及C商会);
# a zone or a town of a trade is a place of its own (医药城B区, 科创小镇); not who carries it out
# (城投集团负责实施的…), nor where a meeting is held after 并在, nor what is done there (开展…调研).
@pytest.mark.parametrize("text, sites", [
    ("5月6日，县长王建军先后来到“青禾大道”施工现场、“东湖印象”项目施工现场，察看项目进展。", ("青禾大道", "东湖印象")),
    ("5月6日，县长王建军先后考察了青禾建工、东湖集团、南湖控股集团等公司及北山商会。",
     ("青禾建工", "东湖集团", "南湖控股集团", "北山商会")),
    ("5月6日，县长王建军先后到南湖医药城B区和东湖科创小镇等重点项目现场，听取项目进展情况介绍。",
     ("南湖医药城B区", "东湖科创小镇")),
    ("8月4日，副市长王建军到城投集团负责实施的城东品质提升工程、桃源路等城建项目现场调研。", ("城东品质提升工程", "桃源路")),
    ("5月6日，县长王建军参观考察南湖产业发展情况并在县行政中心召开联席会议。", ()),
    ("5月6日，副市长王建军带队到青石镇开展有关项目调研。", ()),
    ("5月6日，县长王建军先后察看了我县青禾年产20万吨微豆粉项目、东湖物流园。", ("青禾年产20万吨微豆粉", "东湖物流园")),
])
def test_forms_where_a_visit_went(text, sites):
    e = next(e for e in one(text).events if e.kind == "inspection")
    assert e.sites == sites


# A、B分别带队赴X、Y…。A在X察看了P。B在Y察看了Q: each place goes to the visit its leader leads.
def test_forms_each_leader_told_again_visits_their_own():
    f = one("5月6日，县委书记王建军、县长李春华分别带队赴南湖镇、北山镇督导防汛工作。王建军在南湖镇察看了青禾水库。"
            "李春华在北山镇察看了东湖水厂。")
    assert [(e.chair, e.sites[-1]) for e in f.events] == [("王建军", "青禾水库"), ("李春华", "东湖水厂")]
    assert {(r.person, r.project) for r in f.responsibilities} >= {("王建军", "青禾水库"), ("李春华", "东湖水厂")}


# A named work as the topic of what must be done (A项目和B项目建设，要…; A工程要…) is named by the
# directive; a generic one (重点项目要…) is not.
@pytest.mark.parametrize("text, projects", [
    ("5月6日，县长王建军主持召开项目推进会。王建军要求，青石河湿地公园项目和梁庙沟湿地公园项目建设，要精选施工队伍。",
     ("青石河湿地公园", "梁庙沟湿地公园")),
    ("5月6日，县长王建军主持召开项目推进会。王建军强调，城东供水工程要加快进度。", ("城东供水工程",)),
    ("5月6日，县长王建军主持召开项目推进会。王建军强调，重点项目要加快推进。", ()),
])
def test_forms_a_work_named_as_the_topic_of_a_directive(text, projects):
    f = one(text)
    assert f.directives[0].projects == projects
    assert {r.project for r in f.responsibilities} == set(projects)


# Visits told by a delegation or a tour (X一行参观了…, 先后拜访了…, 一行首先来到…); a body that visits
# as a body (县政协对…开展专项视察; 县政协开展视察活动。A一行首先来到…: one visit, A leads), and who
# leads it said after (此次视察由A、B带队); 随同调研 takes part; 陪同调研或参加座谈 names no meeting of
# its own; a lone 参观 by no one tells no visit.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，南湖县党政考察团一行参观了青石县东湖产业园、北山物流园。",
     [("inspection", (), (), ("青石县东湖产业园", "北山物流园"))]),
    ("5月6日，县长王建军率队赴深圳开展招商活动，先后拜访了青禾集团、东湖科技公司。",
     [("inspection", ("王建军",), (), ("青禾集团", "东湖科技公司"))]),
    ("6月14日，县政协对全县重点项目建设情况开展专项视察。此次视察由县政协副主席王建军、李春华带队，全体政协常委参与。",
     [("inspection", ("王建军", "李春华"), (), ())]),
    ("9月15日，县政协开展交叉视察活动。王建军一行首先来到新安镇，参观了古城村村部、善文化广场等地。县政协副主席李春华参加视察活动。",
     [("inspection", ("王建军",), ("李春华",), ("古城村村部", "善文化广场"))]),
    ("5月6日，县长王建军到南湖镇调研。县领导李春华随同调研。", [("inspection", ("王建军",), ("李春华",), ())]),
    ("5月6日，市委书记王建军到我县调研。县委书记李春华、县长陈明等陪同调研或参加座谈。",
     [("inspection", ("王建军",), ("李春华", "陈明"), ())]),
    ("5月6日，群众纷纷参观了青禾展览馆。", []),
])
def test_forms_tours_and_bodies_that_visit(text, expected):
    assert [(e.kind, e.leaders, e.attendees, e.sites) for e in one(text).events] == expected


# Places of a visit named in a clause of their own: 在A项目工地，… (a project named as such), 来到位于
# B的C (where it stands is no part of its name), an exhibition hall or a ruin (展厅, 遗址).
@pytest.mark.parametrize("text, sites", [
    ("9月3日，市委书记王建军带队督查重点项目。在市社会治理联动指挥平台项目工地，王建军查看了平台各功能分区。",
     ("市社会治理联动指挥平台",)),
    ("5月6日，县长王建军到南湖镇调研，来到位于南湖镇的青禾光伏电站，了解项目运营情况。", ("青禾光伏电站",)),
    ("5月6日，县长王建军深入青石战役展厅、北山古城遗址，实地察看景区管理情况。", ("青石战役展厅", "北山古城遗址")),
])
def test_forms_places_in_a_clause_of_their_own(text, sites):
    e = next(e for e in one(text).events if e.kind == "inspection")
    assert e.sites == sites


# A title after 受 (受县委书记X委托) is X's alone; a tagged name that runs on into the 及 joining
# others (副县长X及相关单位负责人) ends before it; a two-character name ending in 及 stays.
@pytest.mark.parametrize("text, expected", [
    ("县长李春华受县委书记王建军委托主持会议。", {"李春华": ["县长"], "王建军": ["县委书记"]}),
    ("镇长何丽受县长陈晓东委托出席会议。", {"何丽": ["镇长"], "陈晓东": ["县长"]}),
    ("副县长周斌及相关单位负责人参加会议。", {"周斌": ["副县长"]}),
    ("县委常委孙国强及各乡镇党委书记参加会议。", {"孙国强": ["县委常委"]}),
    ("副县长王及出席会议。", {"王及": ["副县长"]}),
])
def test_forms_title_after_shou_and_name_before_ji(text, expected):
    got = titles(one("5月6日，县委常委会会议召开。" + text))
    assert {k: v for k, v in got.items() if k in expected or k[:-1] in expected} == expected


# Visits told by 指导 or 现场办公 after going somewhere (到X指导…工作, 莅临/来我县指导, 在X现场办公),
# 督导工作 closing a visit, a topic between 开展 and the verb (开展安全生产综合督导), a group named in the
# clause before (督查组一行来我县，就…进行督查), a visit with only those who go along named (在A的陪同下，
# 对…进行了实地考察); 参加走访慰问 attends, it makes no visit; 指导 with nowhere gone, 加强指导 and 在X的
# 指导下 are no visits.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，市委书记王建军到青石县指导防汛工作。", [("inspection", "2023-05-06", ("王建军",), ())]),
    ("5月6日，副市长李明华一行来我县指导秋粮收购工作，副县长陈东陪同。",
     [("inspection", "2023-05-06", ("李明华",), ("陈东",))]),
    ("5月6日，副市长李明华莅临我县指导工作。", [("inspection", "2023-05-06", ("李明华",), ())]),
    ("5月6日，市委书记王建军深入青山镇指导抗旱工作。", [("inspection", "2023-05-06", ("王建军",), ())]),
    ("6月2日，区长周斌到城南街道现场办公，协调解决老旧小区改造问题。", [("inspection", "2023-06-02", ("周斌",), ())]),
    ("5月6日，县长王建军到南湖镇督导工作。", [("inspection", "2023-05-06", ("王建军",), ())]),
    ("5月6日，县长王建军到南湖镇开展督导工作。", [("inspection", "2023-05-06", ("王建军",), ())]),
    ("5月7日，省应急管理厅副厅长何丽一行到我县开展安全生产综合督导工作，市应急管理局局长李春华陪同督导。",
     [("inspection", "2023-05-07", ("何丽",), ("李春华",))]),
    ("3月15日，市安委会督查组一行来我县，就我县安全生产工作情况进行督查，副县长王建军陪同督查。",
     [("inspection", "2023-03-15", (), ("王建军",))]),
    ("3月13日，各商会负责人在县政协主席王建军、县委常委李明华等领导的陪同下，对我县东湖工业园进行了实地考察。",
     [("inspection", "2023-03-13", (), ("王建军", "李明华"))]),
    ("1月18日，县政协主席王建军率队到南湖镇看望慰问困难党员。南湖镇党委书记赵刚参加走访慰问。",
     [("inspection", "2023-01-18", ("王建军",), ("赵刚",))]),
    ("5月6日，县长王建军要求各部门加强指导，做好督导工作。", []),
    ("5月6日，在县农业局的指导下，南湖镇完成了秋粮收购。", []),
    ("5月6日，县长王建军指导群众填写申报表。", []),
    ("5月6日，县长王建军表示，将到南湖镇指导防汛工作。", []),
    ("各乡镇要组织技术人员到田间地头指导农户科学施肥。", []),
])
def test_forms_visits_told_by_guidance_and_office_on_site(text, expected):
    assert [(e.kind, e.date, e.leaders, e.attendees) for e in one(text).events] == expected


# Receptions are meetings the subject holds: 会见 / 会晤 / 接见 / 拜会 (those met attend), 与X举行会谈,
# 接访 / 接待来访群众; 会见…，并举行会谈 is one; 参加会见 / 参加接访 attend it; a guest received (A受到B
# 的接见) attends B's. A reception planned (将会见) or the noun (会见厅, 接访日, 做好接访工作) is none.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，县委书记王建军会见青禾集团董事长李明华一行。县领导赵刚、孙丽参加会见。",
     [("meeting", "2023-05-06", "王建军", ("李明华", "赵刚", "孙丽"))]),
    ("5月6日，县长王建军在县政府会见了来访的南湖县委书记李明华和北山县县长赵刚，并举行工作会谈。",
     [("meeting", "2023-05-06", "王建军", ("李明华", "赵刚"))]),
    ("9月7日，市委书记王建军在北京拜会青禾集团董事长李明华，双方共叙友谊。",
     [("meeting", "2023-09-07", "王建军", ("李明华",))]),
    ("5月6日，县长王建军与青禾集团董事长李明华举行会谈。", [("meeting", "2023-05-06", "王建军", ("李明华",))]),
    ("3月15日，县长李明华在县信访接待中心公开接待上访群众。副县长陈东参加接访。",
     [("meeting", "2023-03-15", "李明华", ("陈东",))]),
    ("1月19日，县委书记王建军到县信访局接访，听取群众诉求。", [("meeting", "2023-01-19", "王建军", ())]),
    ("5月6日，青禾集团董事长王建军一行受到市委书记李明华的亲切接见。", [("meeting", "2023-05-06", "李明华", ("王建军",))]),
    ("5月6日，县长王建军在会见厅前迎候客人。", []),
    ("5月6日，县长王建军赴青州出席两县领导会晤。", [("meeting", "2023-05-06", None, ("王建军",))]),
    ("5月6日，县长王建军将会见青禾集团董事长李明华一行。", []),
    ("5月6日，县长王建军要求，要做好接访工作，落实接访日制度。", []),
])
def test_forms_receptions_are_meetings(text, expected):
    assert [(e.kind, e.date, e.chair, e.attendees) for e in one(text).events] == expected


# Dates the text tells by its own earlier dates or the page's: 当日/当天 is the day last written; a
# bare day is of the month last written (3月13日…在14日晚召开的座谈会上) unless that day came later
# in the month (3月13日…2日: the page's month); 本月8日 and 上月28日 by the page's month; 昨日 the day
# before the page's, unless the day is written out after it (昨天（12月18日）); 元月 is January; 日前
# gives no day.
@pytest.mark.parametrize("body, dates", [
    ("3月5日是学雷锋纪念日。当日下午，县长王建军到南湖镇调研。", ["2023-03-05"]),
    ("3月13日，县长王建军到南湖镇调研。\n在14日晚召开的座谈会上，县委书记李明华指出，要加快发展。",
     ["2023-03-13", "2023-03-14"]),
    ("3月13日，县长王建军到南湖镇调研。2日，县长王建军主持召开县政府常务会议。", ["2023-03-13", "2023-12-02"]),
    ("本月8日，县长王建军到南湖镇调研。", ["2023-12-08"]),
    ("上月28日，县长王建军到南湖镇调研。", ["2023-11-28"]),
    ("昨日，县长王建军到南湖镇督导秋粮收购工作。", ["2023-12-19"]),
    ("日前，县长王建军到南湖镇督导秋粮收购工作。", [None]),
    ("昨天（12月18日）上午，县长王建军到南湖镇调研。", ["2023-12-18"]),
    ("元月8日，县长王建军到南湖镇调研。", ["2023-01-08"]),
])
def test_forms_dates_told_by_the_text_and_the_page(body, dates):
    [f] = extract_file_text(f"测试标题\n发布时间：2023-12-20\n{LEAD}{body}\n", "t.txt", 2023)
    assert [e.date for e in f.events] == dates


# Patrols of a river, lake or forest (巡河, 巡林) are visits, and 参加巡河 attends them; 观摩了A、B sites;
# a place named 古镇; a phase of a project joined by 和 (滨河公园二期和青禾大道改造工程); a kind of
# project with no name (调研文旅项目) is no site.
@pytest.mark.parametrize("text, expected", [
    ("6月8日下午，市人大常委会副主任王建军到大成镇南溪河开展巡河工作。市河长办负责人李明华参加巡河。",
     [("inspection", ("王建军",), ("李明华",), ())]),
    ("5月6日，县委书记王建军带领县四大班子领导观摩全县重点项目，先后观摩了青禾智能制造产业园、东湖冷链物流园等12个项目。",
     [("inspection", ("王建军",), (), ("青禾智能制造产业园", "东湖冷链物流园"))]),
    ("5月6日，县长王建军调研文旅项目。在青山湖景区，王建军详细了解景区运营情况。随后，他又来到北山古镇，察看古镇保护情况。",
     [("inspection", ("王建军",), (), ("青山湖景区", "北山古镇"))]),
    ("5月6日，县长王建军调研重点项目，实地察看了城东供水工程、滨河公园二期和青禾大道改造工程建设情况。",
     [("inspection", ("王建军",), (), ("城东供水工程", "滨河公园二期", "青禾大道改造工程"))]),
    ("5月6日，全县各级河长共计巡河120次。", []),
])
def test_forms_patrols_tours_and_named_places(text, expected):
    assert [(e.kind, e.leaders, e.attendees, e.sites) for e in one(text).events] == expected


# A leader who goes to a place (来到, 深入, 前往, 走进) and then looks into what is done there in the
# next clause (实地了解, 听取…汇报) makes a visit to it; going to a meeting's hall, people who are no
# one named, or going on to hold a meeting, make none.
@pytest.mark.parametrize("text, expected", [
    ("5月6日，县长王建军深入南湖镇青山村，实地了解秋粮收购情况。", [("inspection", ("王建军",), ("南湖镇青山村",))]),
    ("5月6日，县长王建军来到青禾科技公司，详细了解企业生产经营情况。", [("inspection", ("王建军",), ("青禾科技公司",))]),
    ("5月6日，副县长李明华前往东湖产业园，听取园区建设情况汇报。", [("inspection", ("李明华",), ("东湖产业园",))]),
    ("5月6日，县长王建军来到会场，听取代表们的意见。", []),
    ("5月6日，全县干部群众来到青山广场，了解垃圾分类知识。", []),
    ("5月6日，县长王建军来到南湖镇，随后主持召开座谈会。", [("meeting", ("王建军",), ())]),
])
def test_forms_going_somewhere_to_look_into_it_is_a_visit(text, expected):
    assert [(e.kind, e.leaders, e.sites) for e in one(text).events] == expected


# Leaders named together in a clause of their own before the verb's, nothing but their names and
# 带队 (县委书记A、县长B带队，深入…调研; A、B分别带队，…) all lead; those who go along (A、B陪同，…) do not.
@pytest.mark.parametrize("text, leaders", [
    ("5月6日，县委书记王建军、县长李明华带队，深入南湖镇调研秋粮收购工作。", ("王建军", "李明华")),
    ("5月6日，县委常委会召开会议。会后，王建军、李明华分别带队，现场调研督导安全生产工作。", ("王建军", "李明华")),
    ("5月6日，县委书记王建军带队，深入南湖镇调研秋粮收购工作。", ("王建军",)),
])
def test_forms_leaders_named_in_a_clause_before_the_visit(text, leaders):
    assert next(e for e in one(text).events if e.kind == "inspection").leaders == leaders


# --- people2: names joined by 和, titles of candidates, a title after a name, credits, required points ---

def page(text: str, year=2023):
    [f] = extract_file_text(text, "t.txt", year)
    return f


# Two names joined by 和/与 (李明和王刚): the conjunction ends the first name, which the tagger
# may read as a name of three (李明和); a title after the first name and its 和 (副县长孙立和
# 县住建局局长周强) is the second's alone; a name of three that no name follows keeps its end.
@pytest.mark.parametrize("text, expected", [
    ("李明和王刚一同来到青石村调研。", {"李明": [], "王刚": []}),
    ("县领导赵立和孙刚一同来到青石村调研。", {"赵立": [], "孙刚": []}),
    ("副县长李明和王刚参加调研。", {"李明": ["副县长"], "王刚": ["副县长"]}),
    ("刘建华与赵丽萍一同来到青石村调研。", {"刘建华": [], "赵丽萍": []}),
    ("副县长孙立和县住建局局长周强参加调研。", {"孙立": ["副县长"], "周强": ["县住建局局长"]}),
    ("副县长孙立及县住建局局长周强、县交通局局长吴凡参加调研。",
     {"孙立": ["副县长"], "周强": ["县住建局局长"], "吴凡": ["县交通局局长"]}),
    ("县委书记王建军，县委副书记、县长李明华出席会议。", {"王建军": ["县委书记"], "李明华": ["县委副书记", "县长"]}),
])
def test_forms_people2_names_joined_by_he(text, expected):
    got = titles(one("5月6日，县委常委会会议召开。" + text))
    assert {k: v for k, v in got.items() if k != "周晓明"} == expected


# A post written with the candidacy for it (市政协副主席候选人, 副旗长提名人选) is the title as
# written; the words alone, with no name after them, give no one.
@pytest.mark.parametrize("text, expected", [
    ("市政协副主席候选人张立新出席会议。", {"张立新": ["市政协副主席候选人"]}),
    ("旗委常委、副旗长提名人选张宏伟，副旗长孙丽参加调研。",
     {"张宏伟": ["旗委常委", "副旗长提名人选"], "孙丽": ["副旗长"]}),
    ("县长候选人、县委副书记李卫东出席会议。", {"李卫东": ["县长候选人", "县委副书记"]}),
    ("会议推选了县政协主席候选人。", {}),
])
def test_forms_people2_candidates(text, expected):
    got = titles(one("5月6日，县委常委会会议召开。" + text))
    assert {k: v for k, v in got.items() if k != "周晓明"} == expected


# Credits: a photo's 记者/通讯员 X 摄 names a reporter or correspondent of the item (on its own line,
# in brackets, beside the item's own byline); a credit with no role (王芳 摄) names none and leaves
# the paragraph above it in place. An author's credit (作者：X, 文/图 X, 文、图/X, 作者 among the
# site's labels) gives the role its note names (（县融媒体中心记者）), and with no role names no
# byline (as among a page's metadata); a unit or letters as author name no one.
BODY = "3月5日，县委书记王建军主持召开会议。\n"


@pytest.mark.parametrize("text, reporters, correspondents", [
    (f"测试标题\n{BODY}融媒记者 王小明 摄\n", ("王小明",), ()),
    (f"测试标题\n本报讯 {BODY}（融媒记者 王小明 摄）\n", ("王小明",), ()),
    (f"测试标题\n{BODY}通讯员 李红梅 摄\n", (), ("李红梅",)),
    (f"测试标题\n本报讯（记者 周晓明）{BODY}融媒记者 王小明 摄\n", ("周晓明", "王小明"), ()),
    (f"测试标题\n{BODY}王小明 摄\n", (), ()),
    (f"测试标题\n{BODY}作者：王小明（县融媒体中心记者）\n", ("王小明",), ()),
    (f"测试标题\n{BODY}作者：王小明（青石镇通讯员）\n", (), ("王小明",)),
    (f"测试标题\n作者：王小明 李红梅\n{BODY}", (), ()),
    (f"测试标题\n文、图/张国华（本刊记者）\n{BODY}", ("张国华",), ()),
    (f"测试标题\n{BODY}文/图 王小明\n", (), ()),
    (f"测试标题\n来源：青石宣传 | 作者：王小明（县融媒体中心记者） | 发布时间: 2021-01-06\n{BODY}", ("王小明",), ()),
    (f"测试标题\n2021-01-06 来源：青石宣传 作者：王小明 李红梅 点击：\n{BODY}", (), ()),
    (f"测试标题\n本报讯（记者 周晓明）{BODY}作者：王小明\n", ("周晓明",), ()),
    (f"测试标题\n{BODY}来源：青石宣传 作者：ance\n", (), ()),
    (f"测试标题\n{BODY}作者：县委宣传部\n", (), ()),
    (f"测试标题\n{BODY}作者为本报记者\n", (), ()),
])
def test_forms_people2_credits(text, reporters, correspondents):
    f = page(text)
    assert (f.article.reporters, f.article.correspondents) == (reporters, correspondents)
    assert "王建军" in {p.name for p in f.persons}  # the item's own text stays


# 提出要求：/提出五项要求：open what was required (cue 要求); 提出四点要求。 with nothing after it
# says nothing (the 强调 after it does); 提出要求，… names no cue (the guidelines).
@pytest.mark.parametrize("text, expected", [
    ("王建军对下一步工作提出要求：要提高认识。", [("王建军", "要求", "要提高认识")]),
    ("王建军提出五项要求：一要提高认识，二要压实责任。", [("王建军", "要求", "一要提高认识")]),
    ("王建军就做好下一步工作提出四点要求。他强调，要提高认识。", [("王建军", "强调", "要提高认识")]),
    ("王建军强调了三项意见：一要提高认识。", [("王建军", "强调", "一要提高认识")]),
    ("王建军提出要求，要提高认识。", []),
])
def test_forms_people2_required_points(text, expected):
    f = one("3月5日，县委书记王建军到南湖镇调研。" + text)
    got = [(d.speaker, d.cue, d.text[:len(x[2])]) for d, x in zip(f.directives, expected)]
    assert len(f.directives) == len(expected) and got == expected


# More credits: 撰稿：X with the editors after it on its line names no byline and no one in the
# text; a closing note that credits the text
# (（X 文/Y 图）, （文/X 图/Y）) names X the reporter and reads neither name into the text.
@pytest.mark.parametrize("text, reporters, persons", [
    (f"测试标题\n{BODY}撰稿:王宏瑞 编辑:包晓峰 责编:达来 审核:梅英\n", (), {"王建军"}),
    (f"测试标题\n3月5日，县委书记王建军主持召开会议。会议要求，要抓好落实。 （史建伟 文/王双成 图）\n",
     ("史建伟",), {"王建军", "史建伟"}),
    (f"测试标题\n3月5日，县委书记王建军主持召开会议。会议要求，要抓好落实。（文/史建伟 图/王双成）\n",
     ("史建伟",), {"王建军", "史建伟"}),
    (f"测试标题\n3月5日，县委书记王建军主持召开会议。会议要求，要抓好落实。（史建伟 王双成）\n",
     ("史建伟", "王双成"), {"王建军", "史建伟", "王双成"}),
])
def test_forms_people2_more_credits(text, reporters, persons):
    f = page(text)
    assert f.article.reporters == reporters and {p.name for p in f.persons} == persons


# 叮嘱 and 嘱咐 introduce what was said as 要求 does, with or without a comma (dev gold marks them
# optional); with a complement after it (叮嘱好, 说好) a cue introduces nothing.
@pytest.mark.parametrize("text, expected", [
    ("他叮嘱工人们注意施工安全。", [("王建军", "叮嘱", "工人们注意施工安全")]),
    ("王建军叮嘱，要抓好安全生产。", [("王建军", "叮嘱", "要抓好安全生产")]),
    ("王建军嘱咐陪同的负责人认真研究。", [("王建军", "嘱咐", "陪同的负责人认真研究")]),
    ("他叮嘱随行部门负责人说，土豆种植很有前途。",
     [("王建军", "叮嘱", "随行部门负责人说"), ("王建军", "说", "土豆种植很有前途")]),
    ("王建军叮嘱好各村干部。", []),
    ("王建军说好，大家就散了。", []),
])
def test_forms_people2_enjoining(text, expected):
    f = one("3月5日，县委书记王建军到南湖镇调研。" + text)
    got = [(d.speaker, d.cue, d.text[:len(x[2])]) for d, x in zip(f.directives, expected)]
    assert len(f.directives) == len(expected) and got == expected


# Rolls of names written together with no separator (名单, 主席团成员 once their spaces are
# gone): a name that opens with no surname (回良成 after Han names) is cut off as a name of its
# own, and a name written between names needs no title; a name spelt by sound stays whole and
# an ordinary sentence gains no name.
@pytest.mark.parametrize("text, names", [
    ("委员：王建军李春华回良成欧阳明刘海。", {"王建军", "李春华", "回良成", "欧阳明", "刘海"}),
    ("委员：王建军李春华陈明华回良成。", {"王建军", "李春华", "陈明华", "回良成"}),
    ("主席团成员：王建军李春华（女）陈明华回良成。", {"王建军", "李春华", "陈明华", "回良成"}),
    ("委员：王建军李春华周晓东马国强。", {"王建军", "李春华", "周晓东", "马国强"}),
    ("外长拉特纳帕拉会见了代表团。", {"拉特纳帕拉"}),
    ("王建军李春华等同志出席会议。", {"王建军", "李春华"}),
    ("今年高峰期间，王建军同志指出，要做好服务。", {"王建军"}),
])
def test_forms_names_written_together_in_a_roll(text, names):
    got = {p.name for p in one("5月6日，县委常委会会议召开。" + text).persons}
    assert got - {"周晓明"} == names  # 周晓明: the reporter of the lead


# forms3: a gathering to consult (专题协商会) ends in 商会 yet is a meeting, not a society; 到会
# (到会通报情况, 到会听取意见) makes one present as 出席 does; a society stays no meeting.
@pytest.mark.parametrize("text, meetings, attendees", [
    ("5月10日，县政协召开专题协商会。县政协主席王建军出席会议并讲话，副县长李明华到会通报情况。",
     ["专题协商会"], ["王建军", "李明华"]),
    ("6月3日，县政协召开议事协商会，县政协主席王建军主持会议，副县长李明华到会听取意见。",
     ["议事协商会"], ["李明华"]),
    ("5月10日，县委书记王建军主持召开会议，副县长李明华到会。", ["会议"], ["李明华"]),
    ("5月10日，县工商业联合会成立县青年商会。王建军到会祝贺。", [], []),
])
def test_forms3_consultation_meeting_and_arriving(text, meetings, attendees):
    f = one(text)
    ms = [e for e in f.events if e.kind == "meeting"]
    assert [e.name for e in ms] == meetings
    assert (list(ms[0].attendees) if ms else []) == attendees


# forms3: 到X宣讲 (going to a place to preach a policy) is a visit as 到X指导 is, led by the one who
# goes; 宣讲 on a meeting's floor, by a body, or as a noun (宣讲团, 宣讲工作) tells no visit.
@pytest.mark.parametrize("text, chair", [
    ("5月10日，县委书记王建军到南湖镇宣讲党的二十大精神。", "王建军"),
    ("5月10日，副县长李明华赴东山村为党员群众宣讲惠农政策。他指出，要用好政策。", "李明华"),
    ("5月10日，县委书记王建军在会上宣讲了党的二十大精神。", None),
    ("5月10日，县委书记王建军听取汇报。李明华向王建军汇报在基层宣讲党的二十大精神的体会。", None),
    ("5月10日，县委召开常委会会议，王建军主持会议。会议要求，要做好宣讲工作。", None),
    ("5月10日，县委宣讲团成员李明华参加了南湖镇座谈会。", None),
    ("5月10日，县委宣讲团走进南湖镇宣讲党的二十大精神。", None),
])
def test_forms3_going_to_preach(text, chair):
    got = [e.chair for e in one(text).events if e.kind == "inspection"]
    assert got == ([chair] if chair else [])


# forms3: a meeting named after a verb of attending is whom a visit goes to see (看望慰问出席会议的
# 委员), not the name of the visit (调研座谈会, 督查对接会 stay nouns).
@pytest.mark.parametrize("text, inspected", [
    ("11月8日下午，县委书记王建军来到县政协委员驻地，看望慰问出席会议的委员。", True),
    ("11月8日，县委书记王建军看望参加会议的代表。", True),
    ("11月8日，县委书记王建军出席调研座谈会。", False),
    ("11月8日，县委书记王建军参加督查对接会。", False),
])
def test_forms3_visit_to_those_attending(text, inspected):
    f = one(text)
    assert any(e.kind == "inspection" and e.chair == "王建军" for e in f.events) == inspected


# forms3: leaders named together who 带队 go somewhere in a clause of their own (A、B分别带队深入
# 各乡镇，督导…) all lead the visit told next; a clause that does more than go names no co-leader.
@pytest.mark.parametrize("text, leaders", [
    ("5月10日，县委书记王建军、县长李明华分别带队深入各乡镇，督导检查防汛工作。", ["王建军", "李明华"]),
    ("5月10日，县委书记王建军、县长李明华带队到南湖镇，调研春耕生产。", ["王建军", "李明华"]),
    ("5月10日，县委书记王建军、县长李明华分别带队，到各乡镇检查安全生产工作。", ["王建军", "李明华"]),
    ("5月10日，县委书记王建军、县长李明华出席了开工仪式，随后调研春耕生产。", ["王建军"]),
])
def test_forms3_leaders_who_go_together(text, leaders):
    [ev] = [e for e in one(text).events if e.kind == "inspection"]
    assert list(ev.leaders) == leaders


# forms3: 到X蹲点 (staying at a place to work there) is a visit; 蹲点调研 is one visit, not two;
# 蹲点干部 and a body that sends people to 蹲点 tell none.
@pytest.mark.parametrize("text, n", [
    ("5月10日，县委书记王建军带队深入南湖镇蹲点，与村干部座谈。", 1),
    ("5月10日，县委书记王建军到南湖镇东山村蹲点，走访困难群众。", 1),
    ("5月10日，县委书记王建军到南湖镇蹲点调研。", 1),
    ("5月10日，县委书记王建军主持召开会议，要求蹲点干部扎实工作。", 0),
    ("5月10日，县委选派干部到村蹲点。", 0),
])
def test_forms3_staying_at_a_place(text, n):
    got = [e for e in one(text).events if e.kind == "inspection"]
    assert len(got) == n and all(e.chair == "王建军" for e in got)


# forms3: leaders who 带队深入基层/一线 with no verb of inspection after it (镇领导A、B分别带队深入
# 基层，与居民交谈) make a visit, each of them leading; 深入基层 by no one who leads, or asked
# for in what someone said, is none.
@pytest.mark.parametrize("text, leaders", [
    ("2月8日，镇领导李海、赵明、孙立华分别带队深入基层，与辖区居民亲切交谈。", ["李海", "赵明", "孙立华"]),
    ("2月8日，县委书记王建军带队深入一线，看望坚守岗位的职工。", ["王建军"]),
    ("2月8日，县委书记王建军主持召开会议，要求干部带队深入基层，解决问题。", []),
    ("2月8日，县委书记王建军深入基层，与群众交谈。", []),
])
def test_forms3_leading_down_to_the_grassroots(text, leaders):
    evs = [e for e in one(text).events if e.kind == "inspection"]
    assert [list(e.leaders) for e in evs] == ([leaders] if leaders else [])


# forms3: co-leaders in the clause before the verb's also when they lead people (A、B带领乡村干部，
# 对…督查) or when the leader's titled name stands alone in the clause before theirs (乡党委书记A，
# 乡长B带队，对…督查); a clause before that does something else adds no leader.
@pytest.mark.parametrize("text, leaders", [
    ("5月10日，乡党委书记王建军、乡长李明华带领乡村干部，对全乡危房改造工作进行督查。", ["王建军", "李明华"]),
    ("5月10日，乡党委书记王建军，乡长李明华带队，对全乡危房改造工作进行督查。", ["王建军", "李明华"]),
    ("5月10日，乡党委书记王建军，乡党委副书记、乡长李明华带领乡村干部，对全乡危房改造工作进行督查。",
     ["王建军", "李明华"]),
    ("5月10日，乡党委书记王建军，乡长李明华出席开工仪式，对全乡危房改造工作进行督查。", ["王建军"]),
])
def test_forms3_co_leaders_in_the_clause_before(text, leaders):
    [ev] = [e for e in one(text).events if e.kind == "inspection"]
    assert list(ev.leaders) == leaders


# The heads of the river, lake and forest chief system (河长, 湖长, 林长, and the 总 of a
# level) end a title like any post, with the level before them (县级, 镇级) as its place;
# the system's name (河湖长制) and its work (林长巡林) name no one.
@pytest.mark.parametrize("text, titles, chair", [
    ("5月6日，县级林长王建军到南山林场巡林，检查森林防火工作。", {"王建军": ["县级林长"]}, "王建军"),
    ("5月6日，县委书记、县总河长王建军带队巡查清水河，副县长、县级河长孙立陪同。",
     {"王建军": ["县委书记", "县总河长"], "孙立": ["副县长", "县级河长"]}, "王建军"),
    ("5月6日，镇级河长李春华到东坡村巡河，了解河道保洁情况。", {"李春华": ["镇级河长"]}, "李春华"),
    ("5月6日，县长、县级湖长陈晓东主持召开全县河湖长制工作会议。副县长赵海涛出席会议。",
     {"陈晓东": ["县长", "县级湖长"], "赵海涛": ["副县长"]}, "陈晓东"),
    ("5月6日，全县各级林长要切实履行职责，开展林长巡林工作。", {}, None),
    ("5月6日，各镇河长巡河时要认真检查河道保洁情况。", {}, None),
])
def test_chief_system_titles(text, titles, chair):
    f = one(text)
    got = {p.name: list(p.titles) for p in f.persons if p.name != "周晓明"}
    assert got == titles
    assert [e.chair for e in f.events][:1] == ([chair] if chair else [])


# 到会 makes one present (李明华到会通报情况), but reaching a meeting's room is no attending and
# ends no name: 来到会场, 回到会议室.
@pytest.mark.parametrize("text, person, attendees", [
    ("5月6日，全县安全生产工作会议召开。副县长孙立到会通报情况。", "孙立", ["孙立"]),
    ("5月6日，全县安全生产工作会议召开。刘一鸣、万强来到会场。", "刘一鸣", []),
    ("5月6日，全县安全生产工作会议召开。县长李明华回到会议室，听取汇报。", "李明华", []),
])
def test_arriving_at_a_meeting(text, person, attendees):
    f = one(text)
    names = {p.name for p in f.persons}
    assert person in names and not any(n.endswith(("来", "回")) for n in names)
    assert [a for e in f.events for a in e.attendees] == attendees


# ---- forms4: forms met on real local pages (county, district, banner, town), in sentences of
# our own. Joining part of a visit (参加部分项目督查) attends the visit in hand and leads no second
# one; 参加调研督办 after the leader's visit is attendance too.
@pytest.mark.parametrize("text, leaders, attendees, n", [
    ("3月5日，县领导钱文山、梅立言带领相关部门负责人对全县项目建设情况进行督查。县领导董海鸣、项春参加部分项目督查。",
     ["钱文山", "梅立言"], ["董海鸣", "项春"], 1),
    ("3月5日，县长钱文山到北坪镇督导项目建设。副县长董海鸣参加其中一组督导。", ["钱文山"], ["董海鸣"], 1),
    # negative: one who leads a visit of their own is no attendee
    ("3月5日，县长钱文山到北坪镇督导项目建设。3月6日，副县长董海鸣到南坪镇督导项目建设。",
     ["钱文山"], [], 2),
])
def test_forms4_joining_part_of_a_visit(text, leaders, attendees, n):
    evs = [e for e in one(text).events if e.kind == "inspection"]
    assert len(evs) == n
    assert list(evs[0].leaders) == leaders and list(evs[0].attendees) == attendees


# What was said ends where the story goes on: a name opening a sentence with 一行 and a verb of
# going, those who went along (县领导A、B参加调研督办。), a place and then who acts there (在某村，
# 某某…), or the speaker named again. The sites told after it are the visit's.
@pytest.mark.parametrize("text, said, sites", [
    ("2月9日，县长闻立新调研项目建设时要求：压实责任加快进度。闻立新一行先后来到县疾控中心、城西医院进行调研督办。",
     "压实责任加快进度。", ["县疾控中心", "城西医院"]),
    ("2月9日，县长闻立新到河口镇调研。闻立新指出，河口镇要抓好项目建设。在柳湾村，闻立新走进农户家中，询问生活情况。",
     "河口镇要抓好项目建设。", ["柳湾村"]),
    ("2月9日，县长闻立新到河口镇调研。闻立新叮嘱，要抓好安全生产。闻立新鼓励企业负责人加大研发投入。",
     "要抓好安全生产。", []),
    ("2月9日，县长闻立新到河口镇调研。闻立新强调，要加快进度。县领导柯明、庞文杰参加调研督办。",
     "要加快进度。", []),
    # negative: a sentence of what was said that names no one acting goes on with it
    ("2月9日，县长闻立新到河口镇调研。闻立新强调，要加快进度。各部门要密切配合。",
     "要加快进度。各部门要密切配合。", []),
])
def test_forms4_said_ends_where_the_story_goes_on(text, said, sites):
    f = one(text)
    [d] = f.directives
    assert d.text == said
    [ev] = [e for e in f.events if e.kind == "inspection"]
    assert list(ev.sites) == sites


# Sites of a visit: a list that goes on after a comma and closes on 等建设现场 and what was done
# there; enterprises named by their trade (纸业, 机械, 食品); zones (工业集中区, 产业集聚区); parts
# named as 项目 joined by 和; a 建设项目 is its facility; the works a visit is about (就某某项目进展
# 情况进行调研); no site from a description (项目各个建设现场, 重点项目).
@pytest.mark.parametrize("text, sites", [
    ("5月7日，县长闻立新在副县长柯明的陪同下，先后深入到泓源纸业，鼎力机械等建设现场实地查看并听取汇报。",
     ["泓源纸业", "鼎力机械"]),
    ("9月4日，县长闻立新实地察看了县工业集中区、城北棚户区改造、新城大道等项目建设现场。",
     ["县工业集中区", "城北棚户区改造", "新城大道"]),
    ("2月9日，县长闻立新先后来到县疾控中心建设项目、城西医院、南环连接线项目和凯达集团养殖场项目进行调研。",
     ["县疾控中心", "城西医院", "南环连接线", "凯达集团养殖场"]),
    ("12月2日，县长闻立新来到县产业集聚区，就瑞丰汽车配件制造项目进展情况进行调研。",
     ["县产业集聚区", "瑞丰汽车配件制造"]),
    ("5月6日，县长闻立新先后到恒达食品、盛源牧业，实地察看企业生产情况。", ["恒达食品", "盛源牧业"]),
    # negative: no works named
    ("9月8日，副县长闻立新赴河口镇督导项目建设。闻立新一行深入项目各个建设现场，听取汇报。", []),
    ("12月2日，县长闻立新就重点项目建设情况进行调研。", []),
])
def test_forms4_sites_named_in_a_visit(text, sites):
    [ev] = [e for e in one(text).events if e.kind == "inspection"]
    assert list(ev.sites) == sites


# Named projects in what was said: after 确保/保障/加速 too; a list that opens with the verbs of
# what must be done (要加快推进A、B等项目建设，确保…) is no project's name.
@pytest.mark.parametrize("text, projects", [
    ("5月6日，县长闻立新调研。闻立新要求，要加快推进城南污水处理厂、滨江公园等项目建设，确保年底建成。",
     ["城南污水处理厂", "滨江公园"]),
    ("5月6日，县长闻立新调研。闻立新强调，要全力推进汉江大桥建设，确保东湖新区安置房项目早日交付使用。",
     ["汉江大桥", "东湖新区安置房"]),
    # negative: 确保 before no works
    ("5月6日，县长闻立新调研。闻立新要求，要确保安全生产，确保工程质量。", []),
])
def test_forms4_projects_in_what_was_said(text, projects):
    [d] = one(text).directives
    assert list(d.projects) == projects


# 调度 tells a visit where someone went (深入某镇调度…), not on a meeting's floor or as a noun;
# those who unveil a plaque or cut the ribbon (揭牌, 剪彩) are present at the ceremony.
@pytest.mark.parametrize("text, kinds, attendees", [
    ("5月6日，县委书记柯明深入东湖产业园调度项目建设。副县长庞文杰陪同。", ["inspection"], ["庞文杰"]),
    ("5月6日，县长柯明在会上调度重点项目建设。", [], []),
    ("5月6日，县长柯明要求加强统筹调度，确保项目推进。", [], []),
    ("5月6日，县人民医院新院区揭牌仪式举行。县委书记柯明、县长庞文杰共同为新院区揭牌。", ["meeting"], ["柯明", "庞文杰"]),
    ("5月6日，城东农贸市场开业仪式举行。县长庞文杰为市场剪彩。", ["meeting"], ["庞文杰"]),
])
def test_forms4_directing_on_the_spot_and_unveiling(text, kinds, attendees):
    f = one(text)
    assert [e.kind for e in f.events] == kinds
    assert [a for e in f.events for a in e.attendees] == attendees


# Where a site stands (辖区内) and a count of points (二是) open no name; 一线 ends a place
# (卫生室一线看施工现场); 全程 after a name ends it (A、B全程陪同调研).
@pytest.mark.parametrize("text, sites, attendees", [
    ("2月1日，县长闻立新到牛山镇调研，先后到辖区内牛山初中、牛山小学、龙湾村卫生室一线看施工现场。",
     ["牛山初中", "牛山小学", "龙湾村卫生室"], []),
    ("8月17日，市长闻立新深入青坪县调研重点项目。市领导徐春立、丁贵立全程陪同调研。", [], ["徐春立", "丁贵立"]),
    # negative: going down to the front line names no place
    ("5月6日，县长闻立新深入生产一线，了解企业复工情况。", [], []),
])
def test_forms4_where_sites_stand_and_going_along_all_the_way(text, sites, attendees):
    [ev] = [e for e in one(text).events if e.kind == "inspection"]
    assert list(ev.sites) == sites and list(ev.attendees) == attendees


def test_forms4_points_counted_open_no_project():
    [d] = one("9月20日，州长闻立新到凯丰机场调研。闻立新指出，一是要做好企业服务；二是凯丰机场建设项目要抓紧工期。").directives
    assert list(d.projects) == ["凯丰机场"]
