import pytest

from kg.normalize import (Line, Mapped, ascii_punct_to_cjk, clean_line, fullwidth_to_ascii,
                          join_lines, normalize, remove_junk, remove_stray_spaces, split_lines)


def run(step, s):
    return step(Mapped.of(s)).text


@pytest.mark.parametrize("raw, expected", [
    ("７月２３日", "7月23日"),
    ("ＰＰＴ汇报", "PPT汇报"),
    ("第ＲＢ０２版", "第RB02版"),
    ("区长，副区长", "区长，副区长"),  # Chinese punctuation stays
    ("\u3000\u3000新华社", "  新华社"),
])
def test_normalize_fullwidth_to_ascii(raw, expected):
    assert run(fullwidth_to_ascii, raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("\ufffd\ufffd本报讯", "本报讯"),
    ("王\u200b艳", "王艳"),
    ("区\ue012长", "区长"),
    ("a\x07b", "ab"),
    ("刘德君", "刘德君"),
])
def test_normalize_remove_junk(raw, expected):
    assert run(remove_junk, raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("7 月 23 日", "7月23日"),
    ("推动创建的力度不减， 持续", "推动创建的力度不减，持续"),
    ("“敢打硬仗 ”的作风 ，拿出", "“敢打硬仗”的作风，拿出"),
    ("汇报 PPT。", "汇报PPT。"),
    ("COVID 19 疫情", "COVID 19疫情"),  # a space between two Latin words or numbers stays
    ("  区长胡友涛  ", "区长胡友涛"),
])
def test_normalize_remove_stray_spaces(raw, expected):
    assert run(remove_stray_spaces, raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("刘德君指出,要提高站位", "刘德君指出，要提高站位"),
    ("记者:王某", "记者：王某"),
    ("投资1,000万元", "投资1,000万元"),  # a number keeps its comma
    ("10:30开会", "10:30开会"),
    ("区委(扩大)会议", "区委（扩大）会议"),
])
def test_normalize_ascii_punct_to_cjk(raw, expected):
    assert run(ascii_punct_to_cjk, raw) == expected


def test_normalize_offsets_point_into_the_source():
    raw = "\ufffd\ufffd7 月 ２３ 日上午， 区委书记"
    t = clean_line(Mapped.of(raw))
    assert t.text == "7月23日上午，区委书记"
    assert len(t.offsets) == len(t.text)
    for ch, off in zip(t.text, t.offsets):
        src = raw[off]
        assert src == ch or fullwidth_to_ascii(Mapped.of(src)).text == ch


@pytest.mark.parametrize("raw, expected", [
    # a name broken over two lines comes out whole
    ("区领导李嫣、王卫\n东、杨敏等出席会议。", "区领导李嫣、王卫东、杨敏等出席会议。"),
    # a blank line inside a sentence is a column break
    ("推动创建全国文明城\n\n市与网格化管理相辅相成。", "推动创建全国文明城市与网格化管理相辅相成。"),
    # a sentence end followed by a blank line ends the paragraph
    ("等出席会议。\n\n刘德君指出，要提高站位。", "等出席会议。\n刘德君指出，要提高站位。"),
    # an indented line opens a paragraph
    ("第一段结束。\n\u3000\u3000第二段开始。", "第一段结束。\n第二段开始。"),
])
def test_normalize_join_lines(raw, expected):
    assert normalize(raw) == expected


def test_normalize_join_lines_web_text_one_paragraph_a_line():
    paras = ["这是网页上的第一段文字，" + "内容" * 20 + "。", "第二段也在一行上，" + "文字" * 25 + "。",
             "第三段。" + "更多" * 30 + "。"]
    assert normalize("\n".join(paras)).split("\n") == paras


def test_normalize_join_lines_keeps_offsets():
    raw = "区长胡\n友涛出席。"
    [para] = join_lines(split_lines(raw))
    assert para.text == "区长胡友涛出席。"
    assert raw[para.offsets[3]] == "友"


def test_normalize_split_lines_marks_indent_and_blank():
    lines = split_lines("标题\n\n\ufffd\ufffd本报讯 正文")
    assert [x.text.text for x in lines] == ["标题", "本报讯正文"]
    assert lines[1].indented and lines[1].blank_before and not lines[0].indented
    assert isinstance(lines[0], Line)


def test_normalize_web_page_whose_short_lines_outnumber_its_paragraphs():
    # menus, bylines and notes that end no sentence do not make a web page a page in columns:
    # its long lines end their sentences, so each stands alone and the title stays apart
    paras = ["县里召开防汛工作会议",
             "6月3日上午，县委书记王建国主持召开全县防汛工作会议，听取各乡镇防汛准备情况汇报，县长李红梅出席会议。",
             "王建国强调，各级各部门要压紧压实防汛责任，及时排查整治各类隐患，确保人民群众生命财产安全。",
             "全媒体记者：周晓明 孙丽", "南岭新闻网", "请输入验证码"]
    out = normalize("\n".join(paras)).split("\n")
    assert out[:3] == paras[:3]


def test_normalize_a_note_in_brackets_after_the_last_sentence_ends_it():
    paras = ["县里召开防汛工作会议",
             "6月3日上午，县委书记王建国主持召开全县防汛工作会议，听取各乡镇汇报，县长李红梅出席会议。（南岭日报 记者陈志强）",
             "编者按"]
    assert normalize("\n".join(paras)).split("\n")[0] == "县里召开防汛工作会议"


@pytest.mark.parametrize("before, after, goes_on", [
    ("县委书记王建国主持召开县委常", "委会会议，传达学习", True),  # 常委会 runs over the break
    ("县长李红梅深入南湖镇调研农", "村人居环境整治工作", True),
    ("以实干实绩推动高质量发展", "，确保各项任务落地见效", True),  # a comma opens the next line
    ("青石县召开防汛工作会议", "6月3日上午，县委书记", False),
    ("县政协主席带队视察重点项目", "5月25日，县政协主席", False),
])
def test_normalize_text_runs_on_across_a_break(before, after, goes_on):
    from kg.normalize import runs_on
    assert runs_on(before, after) is goes_on


@pytest.mark.parametrize("page", [
    "县长调研防汛工作\n5月6日，县长李红梅到南湖镇检查防汛工作。\n她要求，要压实责任。\n",
    "县长调研防汛工作\n近日，县长李红梅到南湖镇检查防汛工作。\n她要求，要压实责任。\n",
    "县长调研防汛工作\n\n县长李红梅到南湖镇检查防汛工作。\n\n她要求，要压实责任。\n",
    "县长调研防汛工作\n　　县长李红梅到南湖镇检查防汛工作。\n　　她要求，要压实责任。\n",
])
def test_a_short_page_keeps_its_title_above_a_set_off_or_dated_first_paragraph(page):
    assert normalize(page).split("\n")[0] == "县长调研防汛工作"


def test_a_short_page_whose_first_line_runs_on_stays_one_paragraph():
    assert normalize("县长李红梅到南湖镇检查防汛\n工作。她要求，要压实责任。\n") == "县长李红梅到南湖镇检查防汛工作。她要求，要压实责任。"
