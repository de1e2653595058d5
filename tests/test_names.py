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
    assert minority_name_at("村党支部书记旦增介绍", 6) == "旦增"
    assert names("乡党委副书记扎西次仁介绍，今年新修了水渠。")[0] == "扎西次仁"


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
