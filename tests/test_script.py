"""Pages printed in traditional characters give the facts of the same page in simplified
characters, told in the page's own characters; pages in simplified characters are read as
they always were. Every page here is written for the test (each a traditional page and its
simplified twin, character for character)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import kg.pipeline
import kg.script
from kg.careers import general_title, rank_of
from kg.formats import Block
from kg.graph import dateline_place, lead_place, person_key, title_place
from kg.normalize import normalize
from kg.pipeline import extract_file_text
from kg.read import Source
from kg.script import is_traditional, page_script, simplified_probe, to_simplified

TWINS = [
    ("區委召開常委會議研究部署防汛工作\n"
     "本報訊（記者 陳曉東）7月12日上午，區委書記王建國主持召開區委常委會議，傳達學習省委有關會議精神，研究部署全區防汛工作。區委副書記、區長李紅梅，區委常委、常務副區長張志強等出席會議。\n"
     "王建國指出，要堅持人民至上，壓緊壓實各級責任，確保安全度汛。",
     "区委召开常委会议研究部署防汛工作\n"
     "本报讯（记者 陈晓东）7月12日上午，区委书记王建国主持召开区委常委会议，传达学习省委有关会议精神，研究部署全区防汛工作。区委副书记、区长李红梅，区委常委、常务副区长张志强等出席会议。\n"
     "王建国指出，要坚持人民至上，压紧压实各级责任，确保安全度汛。"),
    ("縣長趙國華調研重點項目建設\n"
     "本報訊（通訊員 劉芳）9月3日，縣委副書記、縣長趙國華帶領縣直有關部門負責同志，先後深入南湖鎮污水處理廠、青石縣人民醫院門診樓項目建設現場調研。副縣長孫麗陪同調研。\n"
     "趙國華要求，要倒排工期、掛圖作戰，確保項目早日建成投用。",
     "县长赵国华调研重点项目建设\n"
     "本报讯（通讯员 刘芳）9月3日，县委副书记、县长赵国华带领县直有关部门负责同志，先后深入南湖镇污水处理厂、青石县人民医院门诊楼项目建设现场调研。副县长孙丽陪同调研。\n"
     "赵国华要求，要倒排工期、挂图作战，确保项目早日建成投用。"),
    ("市政府召開企業家座談會\n"
     "本報青石10月8日訊 8日下午，市長吳海濤主持召開企業家座談會，聽取企業對優化營商環境的意見建議。\n"
     "座談中，吳海濤說：「企業有需求，政府就要有回應。」他強調，各部門要主動上門服務，幫助企業解決實際困難。",
     "市政府召开企业家座谈会\n"
     "本报青石10月8日讯 8日下午，市长吴海涛主持召开企业家座谈会，听取企业对优化营商环境的意见建议。\n"
     "座谈中，吴海涛说：“企业有需求，政府就要有回应。”他强调，各部门要主动上门服务，帮助企业解决实际困难。"),
    ("縣人大常委會開展執法檢查\n"
     "11月20日，縣人大常委會主任鄭文斌帶隊，對全縣食品安全法貫徹實施情況開展執法檢查。檢查組一行先後來到東城農貿市場、縣第一中學食堂，實地查看食品經營和管理情況。\n"
     "鄭文斌指出，食品安全關係群眾切身利益，必須堅持最嚴格的監管。\n"
     "（記者 周曉明 通訊員 錢學軍）",
     "县人大常委会开展执法检查\n"
     "11月20日，县人大常委会主任郑文斌带队，对全县食品安全法贯彻实施情况开展执法检查。检查组一行先后来到东城农贸市场、县第一中学食堂，实地查看食品经营和管理情况。\n"
     "郑文斌指出，食品安全关系群众切身利益，必须坚持最严格的监管。\n"
     "（记者 周晓明 通讯员 钱学军）"),
    ("鎮黨委召開擴大會議\n"
     "２０２２年３月１５日，南湖鎮黨委書記黃志遠主持召開鎮黨委擴大會議, 鎮長楊麗華、鎮黨委副書記許國棟出席會議。\n"
     "黃志遠強調, 要把鄉村振興各項任務落到實處。",
     "镇党委召开扩大会议\n"
     "２０２２年３月１５日，南湖镇党委书记黄志远主持召开镇党委扩大会议, 镇长杨丽华、镇党委副书记许国栋出席会议。\n"
     "黄志远强调, 要把乡村振兴各项任务落到实处。"),
    ("區長檢查背街小巷改造工程\n"
     "本報訊（記者 馮麗娟）6月5日，區委副書記、區長馬振東到青龍街道檢查老舊小區改造工程和背街小巷整治工程。區政府辦公室主任何建軍陪同檢查。\n"
     "馬振東要求，要嚴格把控工程質量，爲羣衆創造更好的居住環境。",
     "区长检查背街小巷改造工程\n"
     "本报讯（记者 冯丽娟）6月5日，区委副书记、区长马振东到青龙街道检查老旧小区改造工程和背街小巷整治工程。区政府办公室主任何建军陪同检查。\n"
     "马振东要求，要严格把控工程质量，为群众创造更好的居住环境。"),
]
# TW forms (為, 裡, 臺, 群眾) beside the standard ones
TWINS.append(("全縣鄉村振興工作推進會召開\n"
              "本報訊 4月18日，全縣鄉村振興工作推進會在縣會議中心召開。縣委書記林志誠出席會議並講話，縣長彭曉光主持會議，"
              "縣委副書記韓立新、副縣長蔡明輝等參加會議。\n"
              "林志誠強調，要為群眾辦實事，讓臺前幕後的每項工作都落到村裡。",
              "全县乡村振兴工作推进会召开\n"
              "本报讯 4月18日，全县乡村振兴工作推进会在县会议中心召开。县委书记林志诚出席会议并讲话，县长彭晓光主持会议，"
              "县委副书记韩立新、副县长蔡明辉等参加会议。\n"
              "林志诚强调，要为群众办实事，让台前幕后的每项工作都落到村里。"))

PAGE = "p-2022.txt"


def told(facts) -> list[tuple]:
    """Every string the facts tell, in order."""
    out: list[tuple] = []
    for f in facts:
        a = f.article
        out.append(("article", a.headline, a.kicker, a.subtitle, a.dateline, a.reporters, a.correspondents))
        out += [("person", p.name, p.titles, p.evidence.sentence if p.evidence else None) for p in f.persons]
        out += [("event", e.kind, e.date, e.name, e.leaders, e.attendees, e.sites, e.trigger, e.evidence.sentence)
                for e in f.events]
        out += [("directive", d.speaker, d.cue, d.text, d.event_id, d.projects, d.evidence.sentence)
                for d in f.directives]
        out += [("responsibility", r.person, r.project, r.basis) for r in f.responsibilities]
        out.append(("projects", f.projects))
    return out


def simplified(x):
    if isinstance(x, str):
        return to_simplified(x)
    if isinstance(x, tuple):
        return tuple(simplified(y) for y in x)
    return x


def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, tuple):
        for y in x:
            yield from strings(y)


@pytest.mark.parametrize("trad, simp", TWINS)
def test_script_traditional_page_gives_the_facts_of_its_simplified_twin(trad, simp):
    assert len(trad) == len(simp)
    mine, twin = told(extract_file_text(trad, PAGE)), told(extract_file_text(simp, PAGE))
    assert [simplified(x) for x in mine] == twin
    assert any(x[0] == "event" for x in twin) and any(x[0] == "directive" for x in twin)


@pytest.mark.parametrize("trad, simp", TWINS)
def test_script_facts_are_told_in_the_page_characters(trad, simp):
    page = normalize(trad).replace("\n", "")
    for s in strings(tuple(row[1:] for row in told(extract_file_text(trad, PAGE)))):
        assert s.isascii() or s in page, s  # as printed: no simplified form the page does not print


def test_script_names_titles_and_directives_as_printed():
    facts = extract_file_text(TWINS[0][0], PAGE)
    persons = {p.name: p.titles for f in facts for p in f.persons}
    assert persons["王建國"] == ("區委書記",)
    assert persons["李紅梅"] == ("區委副書記", "區長")
    assert facts[0].article.reporters == ("陳曉東",)
    assert facts[0].article.headline == "區委召開常委會議研究部署防汛工作"
    ev = facts[0].events[0]
    assert (ev.name, ev.chair, ev.attendees) == ("區委常委會議", "王建國", ("李紅梅", "張志強"))
    d = facts[0].directives[0]
    assert (d.speaker, d.cue, d.text) == ("王建國", "指出", "要堅持人民至上，壓緊壓實各級責任，確保安全度汛。")
    assert "區委書記王建國" in facts[0].article.body  # the article's text as printed


def test_script_quotes_of_traditional_typesetting():
    facts = extract_file_text(TWINS[2][0], PAGE)
    said = {d.text for f in facts for d in f.directives}
    assert "企業有需求，政府就要有回應。" in said
    assert "「企業有需求" in facts[0].article.body  # the body keeps the page's quotation marks


def test_script_sites_and_responsibilities_as_printed():
    facts = extract_file_text(TWINS[1][0], PAGE)
    ev = facts[0].events[0]
    assert ev.kind == "inspection" and ev.chair == "趙國華" and ev.attendees == ("孫麗",)
    assert ev.sites == ("南湖鎮污水處理廠", "青石縣人民醫院門診樓")
    assert {(r.person, r.project) for r in facts[0].responsibilities} >= {("趙國華", "南湖鎮污水處理廠")}


def test_script_byline_at_the_foot_and_full_width_date():
    facts = extract_file_text(TWINS[3][0], PAGE)
    assert (facts[0].article.reporters, facts[0].article.correspondents) == (("周曉明",), ("錢學軍",))
    facts = extract_file_text(TWINS[4][0], PAGE)
    ev = facts[0].events[0]
    assert (ev.date, ev.chair, ev.attendees) == ("2022-03-15", "黃志遠", ("楊麗華", "許國棟"))


def test_script_pdf_blocks_of_a_traditional_page():
    trad = TWINS[0][0] + "\n\n" + TWINS[1][0]
    cut = len(TWINS[0][0]) + 2
    src = Source("p-2022.pdf", trad, "pdf", blocks=(Block(0, cut, 1, 1), Block(cut, len(trad), 1, 2)))
    facts = extract_file_text(trad, src.path, None, src)
    assert [f.events[0].chair for f in facts] == ["王建國", "趙國華"]
    assert facts[1].article.body.startswith("9月3日，縣委副書記")
    assert all(trad[a:b] == f.article.body[:b - a] for f in facts
               for a, b in [f.article.source_span(0, 5)])  # offsets still point into the page


def test_script_html_author_stands_as_printed():
    trad = TWINS[6][0]  # 本報訊 with no names: the page's metadata names the author
    src = Source("p-2022.html", trad, "utf-8", url="https://example.org/a/1.html", author="陳曉東")
    facts = extract_file_text(trad, src.path, None, src)
    assert facts[0].article.reporters == ("陳曉東",)
    assert facts[0].events[0].chair == "彭曉光"


# --- pages in simplified characters are read as they are ---------------------------------
MIXED = ("县委书记王建国会见客商\n"
         "本报讯（记者 陈晓东）5月6日，县委书记王建国会见了香港青年联会主席陳大文一行。"
         "陳大文表示，将组织更多青年来青石县交流。")


@pytest.mark.parametrize("text", [simp for _, simp in TWINS] + [MIXED])
def test_script_simplified_page_is_read_as_it_is(text, monkeypatch):
    assert not is_traditional(text) and page_script(text) is None
    facts = told(extract_file_text(text, PAGE))
    monkeypatch.setattr(kg.pipeline, "page_script", lambda t: None)
    assert told(extract_file_text(text, PAGE)) == facts


def test_script_mixed_page_keeps_the_names_it_quotes():
    facts = extract_file_text(MIXED, PAGE)
    assert {p.name for f in facts for p in f.persons} >= {"王建国", "陳大文"}
    assert [d.speaker for f in facts for d in f.directives] == ["陳大文"]


def test_script_detection_needs_running_text():
    assert not is_traditional("區委書記")  # too few characters to tell a page
    assert is_traditional(TWINS[0][0]) and is_traditional(TWINS[6][0])
    assert not is_traditional("乾县县委书记王建国到乾陵景区调研。" * 3)  # a place name in old characters


# a site's menus and notes in simplified characters around a story in traditional ones
FURNITURE = "\n".join(f"青石县人民政府门户网站第{k}期政务信息公开目录与办事指南" for k in range(1, 41))


def test_script_story_in_traditional_characters_among_simplified_menus():
    trad, simp = TWINS[0]
    page = FURNITURE + "\n\n" + trad + "\n\n" + FURNITURE
    assert is_traditional(page) and not is_traditional(FURNITURE + "\n\n" + simp + "\n\n" + FURNITURE)
    facts = extract_file_text(page, PAGE)
    persons = {p.name: p.titles for f in facts for p in f.persons}
    assert persons["王建國"] == ("區委書記",)
    assert [d.text for f in facts for d in f.directives] == ["要堅持人民至上，壓緊壓實各級責任，確保安全度汛。"]
    printed = normalize(page).replace("\n", "")
    for s in strings(tuple(row[1:] for row in told(facts))):
        assert s.isascii() or s in printed, s  # the menus as printed too
    assert all(f.article.body.replace("\n", "") in printed for f in facts)


# --- the conversion keeps every character where it was -----------------------------------
@pytest.mark.parametrize("trad, simp", TWINS)
def test_script_conversion_keeps_length(trad, simp):
    assert to_simplified(trad) == simp
    script = page_script(trad)
    assert script is not None and script.simple == simp


def test_script_phrases_first():
    assert to_simplified("顯著") == "显著" and to_simplified("乾淨") == "干净" and to_simplified("乾隆") == "乾隆"
    assert to_simplified("他說：「要『實幹』。」") == "他说：“要‘实干’。”"


class _Stretching:
    """A converter whose phrase 會議 comes out one character long."""

    def __init__(self, real):
        self.real = real

    def convert(self, s):
        return self.real.convert(s).replace("会议", "会")


def test_script_a_phrase_that_changes_length_is_read_char_by_char(monkeypatch):
    real = kg.script._converter("t2s")
    monkeypatch.setattr(kg.script, "_converter", lambda config: _Stretching(real))
    text = "區委召開會議，研究顯著問題。"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "区委召开会议，研究显著问题。"  # the other runs keep their phrases


def test_script_probe_reads_either_script():
    assert simplified_probe("青石縣委書記") == "青石县委书记"
    assert simplified_probe("青石县委书记") == "青石县委书记"
    assert title_place("青石縣委書記") == "青石縣" and title_place("青石县委书记") == "青石县"
    assert lead_place("南湖區召開會議") == "南湖區" and dateline_place("本報青石10月8日訊") == "青石"
    assert general_title("青石縣委書記") == ("縣委書記", "青石縣")
    assert rank_of("青石縣委書記") == rank_of("青石县委书记") is not None


def test_script_persons_keyed_by_the_place_the_page_prints():
    trad, simp = TWINS[4]
    kt = person_key(extract_file_text(trad, PAGE)[0])
    ks = person_key(extract_file_text(simp, PAGE)[0])
    assert {to_simplified(n): to_simplified(p or "") for n, p in kt.items()} == {n: p or "" for n, p in ks.items()}
    assert kt["黃志遠"] == "南湖鎮"


_ALPHABET = st.sampled_from(list("區委書記王建國主持召開會議縣長出席指出強調要堅持「」『』，。、：；“”（）"
                                 "区委书记王建国主持召开会议县长出席指出强调要坚持乾隆顯著著名髮發後后"
                                 "０１２３ＡＢ 　\n\t,:;()1234567890年月日记者本报讯﹁﹂\ufffd\u200b")
                                 + [chr(0xF900), chr(0x3400), "𠀀", "é"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=160).map("".join))
def test_script_arbitrary_text_never_raises(text):
    out = to_simplified(text)
    assert len(out) == len(text)
    script = page_script(text)
    if script is not None:
        assert len(script.simple) == len(text)
    for f in extract_file_text(text, PAGE):
        assert len(f.article.body) == len(f.article.offsets)
