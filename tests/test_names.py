"""Person names: the CRF tagger, the rules around it, and the shipped model."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from kg.extract.names import minority_name_at, tagged_name
from kg.extract.ner import person_spans
from kg.extract.persons import find_mentions

ROOT = Path(__file__).resolve().parent.parent
NER_DATA = ROOT.parent / "shared" / "data" / "ner"


def names(text: str) -> list[str]:
    return [m.name for m in find_mentions(text)]


def titled(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.name, m.titles) for m in find_mentions(text)]


@pytest.mark.parametrize("text, expected", [
    ("镇党委书记孙立平主持召开专题会议。", [("孙立平", ("镇党委书记",))]),
    ("县委常委、组织部部长马晓东讲话。", [("马晓东", ("县委常委", "组织部部长"))]),
    ("副县长欧阳明远带队检查。", [("欧阳明远", ("副县长",))]),
    ("市长钱建平强调，要抓好落实。", [("钱建平", ("市长",))]),
])
def test_name_after_title(text, expected):
    assert titled(text) == expected


def test_names_in_a_list_before_an_attend_verb():
    assert names("韩立新、邵春梅、吴志刚等同志参加会议。") == ["韩立新", "邵春梅", "吴志刚"]


def test_titled_list_shares_the_title():
    got = titled("副区长严文华、葛振宇出席活动。")
    assert [n for n, _ in got] == ["严文华", "葛振宇"]


@pytest.mark.parametrize("text, name", [
    ("村民王某某说，今年的收成比去年好。", "王某某"),
    ("在田间，种植户曹永福告诉记者，新品种产量高。", "曹永福"),
    ("记者来到老街，退休教师柳春燕正在打扫院子。", "柳春燕"),
])
def test_ordinary_people_in_running_text(text, name):
    assert name in names(text)


def test_minority_name_after_title():
    assert minority_name_at("村党支部书记扎西介绍", 6) == "扎西"
    assert names("乡党委副书记扎西次仁介绍，今年新修了水渠。")[0] == "扎西次仁"


@pytest.mark.parametrize("name", ["吉伍拉且", "马海木呷", "吉尔日布"])
def test_four_character_yi_name_is_read_whole_where_it_recurs(name):
    text = f"州长{name}主持会议。{name}指出，要抓好工作。{name}强调，要落实责任。"
    assert set(names(text)) == {name}


@pytest.mark.parametrize("text, name", [
    ("村支书吉尔木呷说，今年收成好。", "吉尔木呷"),
    ("乡长沙马伍呷介绍，今年收成好。", "沙马伍呷"),
    ("村支书王建国说，今年收成好。", "王建国"),
    ("国防部长赵立田上将致辞。", "赵立田"),  # a word (上将) opens after the third character
])
def test_four_character_yi_name_after_a_title(text, name):
    assert [n for n, _ in titled(text)] == [name]


def test_a_name_read_in_a_list_wins_where_the_tagger_stops_short(monkeypatch):
    import kg.extract.persons as persons

    text = "县政协委员陈华、谭家球、何立琮等人递交提案。谭家球说，现阶段工作顺利。"
    later = text.rindex("谭家球")
    monkeypatch.setattr(persons, "person_spans", lambda t: [(later, later + 2)])  # 谭家|球说
    assert set(names(text)) == {"陈华", "谭家球", "何立琮"}


def test_a_name_followed_by_the_same_verb_keeps_its_length():
    text = "县长王建国在会上讲话。王建国讲，要抓好产业。王建国讲，要落实责任。"
    assert set(names(text)) == {"王建国"}


def test_name_at_the_very_start_of_a_text_is_tagged():
    # the first character, a frequent one-character word (张), opens the window all the same
    assert [(0, 3)] == person_spans("张立新的发言引起了热烈反响。")


def test_names_written_together_are_cut_at_their_surnames():
    assert names("主席团成员：周冠华孟连山宋晓梅。") == ["周冠华", "孟连山", "宋晓梅"]
    from kg.extract.ner import _split_roll
    assert _split_roll("周冠华孟连山", 0, 6) == [(0, 3), (3, 6)]
    assert _split_roll("朱森林乔石", 0, 5) == [(0, 3), (3, 5)]
    assert _split_roll("柴可夫斯基", 0, 5) == [(0, 5)]  # no cut into surname-led pieces


@pytest.mark.parametrize("text, expected", [
    # an office's short name, whatever jieba tags it (扶贫办, 管理所), and a village's own name
    ("青山县扶贫办副主任周晓燕说，今年新修了水渠。", [("周晓燕", ("青山县扶贫办副主任",))]),
    ("东城区城关镇市场监督管理所所长钱立新说，", [("钱立新", ("东城区城关镇市场监督管理所所长",))]),
    ("河东区普和村党支部书记孙建业说，", [("孙建业", ("河东区普和村党支部书记",))]),
    ("县长和村党支部书记孙建业说，", [("孙建业", ("村党支部书记",))]),
    ("会议要求县扶贫办主任孙建业，抓好落实。", [("孙建业", ("县扶贫办主任",))]),
    # titles of experts, spokespeople and staff
    ("中国科学院院士赵明远表示，", [("赵明远", ("中国科学院院士",))]),
    ("市教委新闻发言人钱立新说，", [("钱立新", ("市教委新闻发言人",))]),
    ("城南派出所民警孙建业说，", [("孙建业", ("城南派出所民警",))]),
    ("青山公司总经理助理周晓燕说，", [("周晓燕", ("青山公司总经理助理",))]),
    ("贯彻落实市长王刚的要求。", [("王刚", ("市长",))]),  # 的 ends the name
    # people counted (多位院士, 两名民警) have no title; 不 is in no name
    ("多位院士和不少专家参加了论坛。", []),
    ("两名民警王刚、李明赶到现场。", [("王刚", ()), ("李明", ())]),
    # a head inside a longer one (支书|记 within 书记) opens no name; 做, 正在 end one
    ("社区党总支书记孙丽做了个粗略估计。", [("孙丽", ("社区党总支书记",))]),
    ("党组书记刘建正在对班子成员讲话。", [("刘建", ("党组书记",))]),
    # a place that opens with a surname's character is no name before a title
    ("东城区区长钱立新介绍，", [("钱立新", ("东城区区长",))]),
    ("高平市市长周晓燕说，", [("周晓燕", ("高平市市长",))]),
    # where no follower ends the name, the text writing it another time does
    ("督导组组长欧阳明轻声询问。座谈会上，欧阳明强调，要抓好。", [("欧阳明", ("督导组组长",)), ("欧阳明", ())]),
    # a village or township unit that jieba cuts into other words is the title's place
    ("青山嘎查党支部书记孟和说，", [("孟和", ("青山嘎查党支部书记",))]),
    ("嘎查党支部书记孟和说，", [("孟和", ("嘎查党支部书记",))]),
    # a preposition before a one-character unit is no part of the place (会议由|乡党委书记)
    ("会议由乡党委书记孟和主持。", [("孟和", ("乡党委书记",))]),
    ("会议由镇长钱立新主持。", [("钱立新", ("镇长",))]),
    # a date written up to the title is none of it
    ("5月6日县长钱立新说，", [("钱立新", ("县长",))]),
    ("二〇二一年五月六日县长钱立新说，", [("钱立新", ("县长",))]),
])
def test_titles_before_a_name(text, expected):
    assert titled(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name before a title is no title for the word after it
    ("王建国副县长来村调研时说，要抓好产业。", [("王建国", ())]),
    ("王建国书记来村调研时指出，要抓好脱贫。", [("王建国", ())]),
    # a title head that runs on into a word (委员|会) and words after a title are no names
    ("区人大常委会委员会同有关部门研究。", []),
    ("会上，全体委员认真负责地审议了报告。", []),
    ("大会推选执行主席一人。", []),
    ("——辽宁省委常委张立军", [("张立军", ("辽宁省委常委",))]),  # a dash is no part of a title
])
def test_what_follows_a_title_is_a_name_only_when_it_reads_as_one(text, expected):
    assert titled(text) == expected


def test_name_with_middle_dot():
    assert "买买提·吐尔逊" in names("自治区副主席买买提·吐尔逊出席。")


@pytest.mark.parametrize("text", [
    "各级党委要高度重视安全生产工作。",
    "守护好这片绿水青山，守住江山就是守住人民。",
    "国家统计局发布数据，全国经济稳中向好。",
    "坚持为民、惠民、靠民，广泛听取意见。",
    "高兴地看到，各项工作有序推进。",
])
def test_words_that_look_like_names_are_not_names(text):
    assert names(text) == []


def test_tagged_name_rejects_words():
    assert tagged_name("王小明")
    assert tagged_name("吉尔木呷")  # four characters after a Han surname: a Yi name
    assert not tagged_name("孙立新时")  # a name and a very frequent character
    assert not tagged_name("国家")
    assert not tagged_name("记者")
    assert not tagged_name("杨家坪")  # a place's last character


def test_person_spans_is_fast_enough_to_stay_near_segmentation():
    text = "本报讯 " + "镇长李建华主持会议，村民张红梅发言。" * 200
    assert len(person_spans(text)) >= 200


@pytest.mark.skipif(not (NER_DATA / "peoples_daily_1998.test").exists(),
                    reason="the People's Daily 1998 NER splits are not at ../shared/data/ner")
def test_shipped_model_is_the_one_the_training_script_makes(tmp_path):
    """Retrains the model (about 20 s on one core) and compares it byte for byte."""
    from kg.extract.train_names import main

    out = tmp_path / "names.crfsuite"
    assert main([str(NER_DATA), "-o", str(out)]) == 0
    assert filecmp.cmp(out, ROOT / "kg" / "data" / "names.crfsuite", shallow=False), \
        "kg/data/names.crfsuite is stale: python -m kg.extract.train_names ../shared/data/ner"


@pytest.mark.parametrize("text, absent", [
    ("县委书记高兴地说，今年的收成好。", "高兴地"),
    ("县长展示了新修的水渠。", "展示了"),
    ("镇长马上就赶到了现场。", "马上就"),
])
def test_a_frequent_verb_or_adverb_opens_no_name(text, absent):
    from kg.extract.persons import find_mentions

    assert absent not in {m.name for m in find_mentions(text)}


@pytest.mark.parametrize("text, name", [
    # a name inside a clause of a 、 list touches no 、: the items around it say nothing of it
    ("这是一部较为全面、系统地研究孙立明经济思想的专著。", "孙立明"),
    ("在这件事上，周晓燕是经得起考验、令人信服的。", "周晓燕"),
    # the number of an item (三、) makes no list
    ("三、免去孙立明的青石县县长职务。", "孙立明"),
    ("二、任命周晓燕为南湖镇镇长。", "周晓燕"),
])
def test_a_name_inside_a_clause_of_a_list_is_read(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "坚持为民、惠民、靠民，广泛听取意见。",
    "全力以周保月、以月保年。",  # a name-like item that touches the 、 of a list of words
    "坚持以周保旬、以旬保月。",
])
def test_a_list_of_words_holds_no_name(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name", [
    # the tagger's name with a middle dot wins over a rule's that runs on into common words
    ("青石国廉政委员会主席卡洛斯·门德斯日前宣布，调查已经结束。", "卡洛斯·门德斯"),
    ("1990年，南湖国总理安东尼·马尔科有幸成为第一位来访的外国领导人。", "安东尼·马尔科"),
    ("中央银行行长米格尔·安德烈则担心，物价还会上涨。", "米格尔·安德烈"),
    # a three-character name whose last character is also a follower word (之)
    ("中央党校副校长孙育之在闭幕式上发言。", "孙育之"),
    ("市长钱立之在会上讲话。", "钱立之"),
])
def test_the_taggers_name_wins_where_the_rule_runs_on_or_stops_short(text, name):
    assert names(text)[0] == name


def test_the_rules_name_wins_where_the_tagger_runs_on_or_stops_short():
    from kg.extract.names import name_at

    # the tagger runs on into a verb (赵明|赴): no follower ends its longer name
    assert name_at("副县长赵明赴南湖镇调研。", 3, {3: 6}) == "赵明"
    # the tagger stops a character short after a middle dot: the rule's name is whole
    assert name_at("副主席买买提·吐尔逊出席。", 3, {3: 9}) == "买买提·吐尔逊"
    assert name_at("镇长孙立平主持会议。", 2, {2: 4}) == "孙立平"


@pytest.mark.parametrize("text, name", [
    # a word for a kind of person right before the tagger's name reads it as after a title
    ("她首战青石县名将曼丽，仅用十分钟取胜。", "曼丽"),
    # a name whose given name is a common word (海洋, 长江) after 记者
    ("本报青石5月3日电记者钱海洋报道：", "钱海洋"),
    ("本报南湖电记者郑长江、何永生报道：", "郑长江"),
])
def test_a_name_the_tagger_finds_after_a_person_noun(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "教练高兴地说，队员们表现很好。",
    "记者江边看到，水位下降了。",
])
def test_a_person_noun_before_words_gives_no_name(text):
    assert names(text) == []


@pytest.mark.parametrize("text, name, wrong", [
    # a title head inside a longer word (部长|官, 总理|兼…部长): the tagger's name starts later
    ("青石国财政部长官孙立成30日宣布，将下调利率。", "孙立成", "官孙立成"),
    ("南湖国副总理兼财政部长卡洛斯·门德斯20日宣布了预算。", "卡洛斯·门德斯", "兼财政部长卡洛斯·门德斯"),
])
def test_no_name_opens_before_the_one_the_tagger_finds_inside_it(text, name, wrong):
    assert name in names(text) and wrong not in names(text)


@pytest.mark.parametrize("text, name", [
    # a 、 parts the name from another the tagger finds: read as if after a title, so a
    # given name that is a common word (森林, 高山, 海洋) stays
    ("王建华、孙森林主编的《乡村振兴读本》出版了。", "孙森林"),
    ("退伍军人何广志、李高山等人，当时已经回乡。", "李高山"),
    ("刘春来、钱海洋、周立新三人心里着急。", "钱海洋"),
])
def test_a_name_beside_another_in_a_list(text, name):
    assert name in names(text)


def test_a_list_gives_no_name_of_four_characters():
    from kg.extract.persons import _beside_a_listed_name

    text = "比赛中钱立平、吴海红对孙明光。"
    assert not _beside_a_listed_name(text, 7, 11, {3: 6, 7: 11})  # 吴海红|对: runs on
    assert _beside_a_listed_name(text, 7, 10, {3: 6, 7: 10})


@pytest.mark.parametrize("text, expected", [
    # a word the dictionary holds as a place (罗山) that the tagger is sure of after a title
    ("副县长罗山今天上午在南湖会见了客人。", [("罗山", ("副县长",))]),
    # a place after a title that the tagger is unsure of stays out
    ("县长长沙出席。", []),
    ("市长江门主持会议。", []),
])
def test_a_dictionary_place_word_the_tagger_is_sure_of_after_a_title(text, expected):
    assert titled(text) == expected


@pytest.mark.parametrize("text, name", [
    # a name that opens a sentence before a cue verb and its comma is its speaker
    ("会谈顺利结束。曼丽说，双方达成了共识。", "曼丽"),
    ("会谈顺利结束。奥雷说，双方达成了共识。", "奥雷"),
])
def test_a_speaker_at_the_start_of_a_sentence(text, name):
    assert name in names(text)


def test_a_speaker_needs_the_start_of_a_sentence():
    from kg.extract.persons import _speaker_at_clause_start

    assert _speaker_at_clause_start("会谈结束。奥雷说，好。", 5, 7)
    assert not _speaker_at_clause_start("会谈中奥雷说，好。", 3, 5)  # inside a clause
    assert not _speaker_at_clause_start("会谈结束。奥雷说好。", 5, 7)  # no comma after the cue


@pytest.mark.parametrize("text", [
    "工作人员把几百张表格一张张复印。",  # 张 counts sheets after a number and after itself
    "仓库里还有3张复印件。",
])
def test_a_measure_word_after_a_number_opens_no_name(text):
    assert not any(n.startswith("张") for n in names(text))


@pytest.mark.parametrize("text, name", [
    ("看到大家在忙，李明也来帮忙。", "李明"),  # 也 follows the name, it does not end it
    ("村民王德才说，今年收成好。", "王德才"),  # 才 often ends a given name: kept
])
def test_a_function_word_after_a_name_is_not_its_last_character(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text, expected", [
    # 等 closes a list: no given name ends in it, whether a title or the tagger reads the name
    ("国务委员钱立新等同志陪同。", ["钱立新"]),
    ("团市委书记周强等有关方面负责人出席。", ["周强"]),
    # words after a title with no Han surname are a name only where the tagger sees one or
    # they are spelt by sound (扎西, 巴特尔 are; 负总责, 期存 of 会长期存在 are not)
    ("确定由县委书记负总责，由县纪委牵头。", []),
    ("这种矛盾将会长期存在。", []),
    ("村党支部书记扎西介绍，", ["扎西"]),
    ("旗委书记巴特尔到南湖苏木调研。", ["巴特尔"]),
])
def test_what_a_title_or_a_list_ends_is_read_as_a_name_only_with_evidence(text, expected):
    assert [m.name for m in find_mentions(text)] == expected


def test_the_error_analysis_sorts_misses_and_false_names_by_cause():
    from kg.extract.train_names import kind, sort_errors

    gold = {"孙立平", "马晓东", "钱", "欧阳明远"}
    tagged = {"孙立平", "马晓", "钱建平说", "高度"}
    found = {"马晓", "钱建平说", "高度"}
    errors = sort_errors(gold, tagged, found)
    assert errors["dropped"] == {"孙立平"}  # the tagger finds it, a filter drops it
    assert errors["untagged"] == {"马晓东", "钱", "欧阳明远"}
    assert errors["cut short"] == {"马晓"}
    assert errors["run on"] == {"钱建平说"}
    assert errors["other"] == {"高度"}
    assert [kind(n) for n in ("钱", "马晓", "孙立平", "欧阳明远", "阿依·古丽", "丹增")] == \
        ["one", "han2", "han3", "other", "dot", "other"]


def test_the_error_analysis_gives_the_shipped_model_back(tmp_path, capsys):
    """--analyse tags with a model trained on .dev alone, then the shipped one again."""
    from kg.extract import ner
    from kg.extract.train_names import main

    before = person_spans("村民王小明说，今年收成好。")
    lines = ["村民王小明说，今年收成好。", "镇长李建国主持会议。", "记者赵红梅报道。"]
    for split in ("peoples_daily_1998.dev", "peoples_daily_1998.test"):
        with open(tmp_path / split, "w", encoding="utf-8") as f:
            for line in lines:
                for j, ch in enumerate(line):
                    tag = "B-PER" if j == 2 else "I-PER" if 2 < j < 5 else "O"  # each name at 2:5
                    f.write(f"{ch} {tag}\n")
                f.write("\n")
    assert main([str(tmp_path), "--analyse", "--report", str(tmp_path / "report.tsv")]) == 0
    assert capsys.readouterr().out.startswith("kg: gold 3 ")
    assert ner.MODEL_NAME == "names.crfsuite"
    assert person_spans("村民王小明说，今年收成好。") == before
