import pytest

from kg.segment import article_id, parse_byline, sentences, split_articles


def test_segment_sample_page_articles(sample_text):
    arts = split_articles(sample_text, "chuanhui-2022-07.txt")
    assert len(arts) == 11
    first = arts[0]
    assert first.kicker == "全面迅速掀起“创文”新高潮"
    assert first.headline == "川汇区召开创建全国文明城市工作推进会"
    assert first.reporters == ("韩志刚",)
    assert first.body.startswith("7月23日上午，区委书记刘德君主持召开")
    # 又讯 opens an item of its own
    assert arts[2].dateline == "又讯" and arts[2].body.startswith("7月25日上午，区长胡友涛")
    # a byline broken over two lines (艾增|升) is read whole
    assert arts[1].correspondents == ("艾增升",)
    assert arts[3].correspondents == ("王龙",)
    assert arts[8].reporters == () and arts[8].correspondents == ("王皓",)


def test_segment_photo_captions_are_not_body(sample_text):
    arts = split_articles(sample_text, "p.txt")
    assert all("摄" not in a.body[-3:] for a in arts)
    assert not any("道路保洁一丝不苟" in a.body for a in arts)
    assert not any("七一路街道办事处组织社区工作人员" in a.body for a in arts)


def test_segment_offsets_map_back_to_the_source(sample_text):
    for a in split_articles(sample_text, "p.txt"):
        i = a.body.find("刘德君")
        if i >= 0:
            s, e = a.source_span(i, i + 3)
            assert sample_text[s:e].replace("\n", "") == "刘德君"


@pytest.mark.parametrize("raw, reporters, correspondents", [
    ("记者 韩志刚 通讯员 艾增升", ["韩志刚"], ["艾增升"]),
    ("记者周晓明、李红梅", ["周晓明", "李红梅"], []),
    ("全媒体记者:王小明 李四", ["王小明", "李四"], []),
    ("通讯员 王皓", [], ["王皓"]),
    ("记者 欧阳明 通讯员 张三 李四", ["欧阳明"], ["张三", "李四"]),
    ("融媒记者 买买提·艾力", ["买买提·艾力"], []),
    # a role spaced out to the width of the credits, a bar after it; 本报通讯员 is a role too
    ("记 者 | 周晓明 孙 丽", ["周晓明", "孙丽"], []),
    ("记者丨周晓明", ["周晓明"], []),
    ("通 讯 员：李 明", [], ["李明"]),
    ("本报记者 王芳 本报通讯员 李明", ["王芳"], ["李明"]),
])
def test_segment_parse_byline(raw, reporters, correspondents):
    assert parse_byline(raw) == (reporters, correspondents)


def test_segment_web_page_with_byline_at_the_end():
    text = ("某县召开安全生产工作会议\n"
            "3月5日上午，县委书记张明主持召开全县安全生产工作会议。县长李强出席会议。\n"
            "张明强调，要压实安全生产责任。\n"
            "（全媒体记者：王小明 刘芳）\n")
    [a] = split_articles(text, "web.txt")
    assert a.headline == "某县召开安全生产工作会议"
    assert a.reporters == ("王小明", "刘芳")
    assert "记者" not in a.body


def test_segment_bracketed_note_is_no_byline():
    [a] = split_articles("标题\n5月6日，县委书记王建军主持召开县委常委会会议。\n（上接第一版）\n", "web.txt")
    assert a.reporters == ()


def test_segment_page_headers_are_dropped():
    text = ("第RB02版\n2023年5月6日 星期六\n标题一\n本报讯（记者 王五）5月5日，县长赵六调研。\n")
    [a] = split_articles(text, "p.txt")
    assert a.headline == "标题一" and a.reporters == ("王五",)
    assert "星期" not in a.body


def test_segment_sentences_split_after_terminal_punctuation():
    [a] = split_articles("标题\n本报讯 他说：“好。”我们走吧！真的？是的。\n", "x.txt")
    assert [s.text for s in sentences(a)] == ["他说：“好。”", "我们走吧！", "真的？", "是的。"]


def test_segment_article_id_is_stable_and_ascii():
    assert article_id("/a/b/rmrb-2019.txt", 3) == "rmrb-2019-03"
    aid = article_id("/x/川汇 7月.txt", 1)
    assert aid.isascii() and aid == article_id("/y/川汇 7月.txt", 1)


@pytest.mark.parametrize("page, headline, reporters, correspondents", [
    ("县委常委会召开会议\n■本报记者 王芳 通讯员 李明\n本报讯 6月12日，县委书记王志刚主持召开会议。\n",
     "县委常委会召开会议", ("王芳",), ("李明",)),
    ("县长调研重点项目\n记者 周敏\n5月6日，县长刘建华到城东新区调研。\n", "县长调研重点项目", ("周敏",), ()),
    # the 讯 of 本报通讯员 opens no lead
    ("县长调研重点项目\n本报记者 周敏 本报通讯员 李明\n5月6日，县长刘建华到城东新区调研。\n",
     "县长调研重点项目", ("周敏",), ("李明",)),
    ("县长调研重点项目\n记 者 | 周敏 孙 丽\n5月6日，县长刘建华到城东新区调研。\n", "县长调研重点项目", ("周敏", "孙丽"), ()),
    # any bullet before the role; 首席记者; a credit for text and pictures after the names
    ("县长调研重点项目\n◎记者 周敏 通讯员 李明\n5月6日，县长刘建华到城东新区调研。\n", "县长调研重点项目", ("周敏",), ("李明",)),
    ("县长调研重点项目\n首席记者 周敏\n5月6日，县长刘建华到城东新区调研。\n", "县长调研重点项目", ("周敏",), ()),
    ("县长调研重点项目\n通讯员 李明 文/图\n5月6日，县长刘建华到城东新区调研。\n", "县长调研重点项目", (), ("李明",)),
])
def test_segment_byline_on_its_own_line_near_the_headline(page, headline, reporters, correspondents):
    [a] = split_articles(page, "p.txt")
    assert (a.headline, a.reporters, a.correspondents) == (headline, reporters, correspondents)
    assert "记者" not in a.body


@pytest.mark.parametrize("lead, reporters, correspondents, body", [
    ("本报讯 记者 王芳 通讯员 李明 报道：6月12日，", ("王芳",), ("李明",), "6月12日，"),
    ("本报讯 记者 王芳 6月12日，", ("王芳",), (), "6月12日，"),
    ("本报讯 通讯员 李明 近日，", (), ("李明",), "近日，"),
])
def test_segment_byline_without_brackets_after_the_lead(lead, reporters, correspondents, body):
    [a] = split_articles(f"标题\n{lead}县委书记王志刚主持召开会议。\n", "p.txt")
    assert (a.reporters, a.correspondents) == (reporters, correspondents)
    assert a.body.startswith(body + "县委书记")


@pytest.mark.parametrize("lead, dateline", [
    ("中国青年网北京5月6日电（记者 王芳）", "中国青年网北京5月6日电"),
    ("央视网消息：", "央视网消息"),
    ("某某日报讯（记者 王芳）", "某某日报讯"),
    ("本报北京5月29日电（记者 王芳）", "本报北京5月29日电"),
])
def test_segment_leads_of_other_outlets(lead, dateline):
    [a] = split_articles(f"标题\n{lead}5月5日，县长赵六主持召开会议。\n", "p.txt")
    assert a.dateline == dateline and a.body.startswith("5月5日，县长赵六")


@pytest.mark.parametrize("page, reporters, correspondents, body", [
    # the body opens with its byline, no outlet's lead before it
    ("县委召开常委会议\n记者王小明报道：5月6日，县委书记李建国主持会议。\n", ("王小明",), (), "5月6日，"),
    ("县委召开常委会议\n记者 王小明 通讯员 赵刚报道：5月6日，县委书记李建国主持会议。\n",
     ("王小明",), ("赵刚",), "5月6日，"),
    # bylines closing the last paragraph, with or without brackets, after a bullet
    ("县委召开常委会议\n本报讯 5月6日，县委书记李建国主持会议。记者 王小明\n", ("王小明",), (), "5月6日，"),
    ("县委召开常委会议\n本报讯 5月6日，县委书记李建国主持会议。 □记者 王小明\n", ("王小明",), (), "5月6日，"),
    # a credit for text and pictures before the role
    ("县委召开常委会议\n5月6日，县委书记李建国主持会议。\n文/图 记者 王小明\n", ("王小明",), (), "5月6日，"),
    ("县委召开常委会议\n5月6日，县委书记李建国主持会议。\n图/文 通讯员 赵刚\n", (), ("赵刚",), "5月6日，"),
])
def test_segment_bylines_that_open_or_close_the_body(page, reporters, correspondents, body):
    [a] = split_articles(page, "p.txt")
    assert (a.headline, a.reporters, a.correspondents) == ("县委召开常委会议", reporters, correspondents)
    assert a.body.startswith(body) and "记者" not in a.body and "通讯员" not in a.body


def test_segment_main_title_is_the_longest_line():
    [a] = split_articles("青石县乡村振兴工作领导小组第四次会议召开\n王建国主持\n新华社青石2月19日电 会议召开。\n", "p.txt")
    assert (a.kicker, a.headline, a.subtitle) == ("", "青石县乡村振兴工作领导小组第四次会议召开", "王建国主持")


# --- forms of other sites: leads, bylines at the foot, the site's notes ---------------------
@pytest.mark.parametrize("text", ["喜讯传来，全县上下一片欢腾。", "通讯员大会在县城召开。"])
def test_segment_a_word_ending_in_xun_is_no_lead(text):
    [a] = split_articles(f"县里召开会议\n{text}\n", "p.txt")
    assert a.dateline == "" and a.body.endswith(text)


@pytest.mark.parametrize("lead, reporters, correspondents", [
    ("南岭日报记者 王芳 报道：", ("王芳",), ()),
    ("青石县融媒体中心记者 王芳 通讯员 李明 报道：", ("王芳",), ("李明",)),
])
def test_segment_outlet_before_the_byline_that_opens_the_body(lead, reporters, correspondents):
    [a] = split_articles(f"县里召开会议\n{lead}5月5日，县长赵六主持召开会议。\n", "p.txt")
    assert (a.reporters, a.correspondents) == (reporters, correspondents)
    assert a.body == "5月5日，县长赵六主持召开会议。"


BODY = ("6月3日上午，县委书记王建国主持召开全县防汛工作会议，听取各乡镇防汛准备情况汇报。县长李红梅出席会议并讲话。\n"
        "王建国强调，各级各部门要压紧压实防汛责任，确保人民群众生命财产安全。\n")


@pytest.mark.parametrize("tail, reporters, correspondents", [
    # the site's notes below the byline are no body and hide no byline
    ("（全媒体记者：周晓明 孙丽）\n扫一扫在手机打开当前页\n用户登录\n还没有账号？\n立即注册\n", ("周晓明", "孙丽"), ()),
    # editors and reviewers below the reporters are no reporters
    ("全媒体记者：周晓明 孙丽\n编辑：赵小平 钱芳\n编审：吴大海\n", ("周晓明", "孙丽"), ()),
    ("（记者 周晓明）\n本文为南岭新闻网原创文章，转载请注明出处。\n本文链接：http://example.org/1.html\n", ("周晓明",), ()),
    # an outlet's name before the roles, in brackets or on a line of its own
    ("（南岭日报 记者陈志强、通讯员刘思远）\n请输入验证码\n", ("陈志强",), ("刘思远",)),
    ("青石县融媒体中心\n记者 周晓明 孙丽\n", ("周晓明", "孙丽"), ()),
    # 实习记者 is a reporter, not a name
    ("（记者 周晓明 实习记者 孙丽）\n", ("周晓明", "孙丽"), ()),
    ("实习记者 周晓明 记者 孙丽 摄影报道\n编辑：钱芳\n", ("周晓明", "孙丽"), ()),
    # credits set off by a bar, the role spaced out; the credits under them are no body
    ("记 者 | 周晓明 孙 丽\n视 觉 | 钱 芳\n编辑丨吴大海\n", ("周晓明", "孙丽"), ()),
    # a byline after the site's labels on their line
    ("来源：青石县融媒体中心 记者：周晓明\n", ("周晓明",), ()),
    ("发布时间：2022-05-06 10:21 来源：县融媒体中心 记者 周晓明 通讯员 刘思远\n", ("周晓明",), ("刘思远",)),
    ("来源：青石县融媒体中心 作者：周晓明\n", (), ()),
])
def test_segment_bylines_at_the_foot_of_a_web_page(tail, reporters, correspondents):
    [a] = split_articles("县里召开防汛工作会议\n" + BODY + tail, "web.txt")
    assert (a.reporters, a.correspondents) == (reporters, correspondents)
    assert a.body == BODY.strip()


def test_segment_names_alone_in_brackets_closing_the_last_paragraph():
    [a] = split_articles("县里召开防汛工作会议\n" + BODY.strip() + "（周文斌 吴晓燕）\n", "web.txt")
    assert a.reporters == ("周文斌", "吴晓燕") and a.body == BODY.strip()
    [a] = split_articles("县里召开防汛工作会议\n" + BODY.strip() + "（周文斌吴晓燕）\n", "web.txt")
    assert a.reporters == ("周文斌", "吴晓燕")
    # a unit in brackets is no reporter, and stays
    [a] = split_articles("县里召开防汛工作会议\n" + BODY.strip() + "（县政府办）\n", "web.txt")
    assert a.reporters == () and a.body.endswith("（县政府办）")


def test_segment_a_closing_line_that_is_text_stays_body():
    tail = "——县委书记王建国在全县防汛工作会议上说\n（记者 周晓明整理）\n"
    [a] = split_articles("县里召开防汛工作会议\n" + BODY + tail, "web.txt")
    assert a.reporters == ("周晓明",) and a.body.endswith("在全县防汛工作会议上说")


@pytest.mark.parametrize("furniture", [
    "|| 2022-05-06 10:21:33 编辑：刘某 审核人：张某 阅读次数：123 |",
    "• 当前位置：",
    "您当前的位置 : 南岭新闻网 -> 新闻 -> 本地新闻",
    "关于我们 | 广告合作 | 联系我们",
    "2018/12/28 上午9:27:28 星期五",
    "文章简介：6月3日上午，县委书记王建国主持召开全县防汛工作会议。",
    "（资料图）",
    "县委宣传部供图",
    "|",
    "![]() |",
    "视频制作：钱芳",
    "标签：防汛 会议",
    "南岭县政协 版权所有 备案号：某ICP备00000000号",
    "1760 期 / 第2版",
    "视 觉 | 钱 芳",
    "编辑丨吴大海",
])
def test_segment_more_furniture_is_no_headline_and_no_body(furniture):
    page = f"{furniture}\n县里召开防汛工作会议\n{furniture}\n{BODY}{furniture}\n"
    [a] = split_articles(page, "web.txt")
    assert a.headline == "县里召开防汛工作会议"
    assert a.body == BODY.strip()


def test_segment_a_sites_menu_one_item_a_line_is_no_headline():
    page = "本站\n首页\n时政\n要闻\n概况\n县政协主席孙立新带队视察重点项目建设\n" + BODY
    [a] = split_articles(page, "web.txt")
    assert a.headline == "县政协主席孙立新带队视察重点项目建设" and a.body == BODY.strip()


def test_segment_punctuation_alone_on_a_line_of_a_column_stays_text():
    # a column may leave a full stop or a closing quote alone on a line: it is text
    text = "县里召开会议\n\n" + "\n".join(["6月3日上午，县委书记王建", "国主持召开全县防汛工作会议", "。", "王建国强调，要压实责任", "。”"] * 3) + "\n"
    [a] = split_articles(text, "p.txt")
    assert a.body.count("。") == 6


def test_segment_a_story_opening_with_a_date_and_a_time_is_no_timestamp():
    text = "2023年6月10日上午9:30，县委书记王建国主持召开全县防汛工作会议，县长李红梅出席会议。"
    [a] = split_articles(f"县里召开防汛工作会议\n{text}\n", "web.txt")
    assert a.body.endswith(text)
