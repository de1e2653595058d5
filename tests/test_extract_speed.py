"""The fast paths of extraction give exactly what the plain ones give."""
from __future__ import annotations

import random
import re

import pytest

from kg.extract import ner

SENTENCES = [
    "青石县委书记王建国主持召开县委常委会议，副县长李红梅、刘志强出席。",
    "南湖镇党委书记张海峰一行深入田间地头，了解2023年秋粮收成情况。",
    "村民赵小兵说：“今年的收入比去年多了3.5万元，生活一年比一年好。”",
    "欧阳文博、司马俊杰等同志到会指导，会议由县长周文华主持。",
    "阿卜杜拉·买买提在座谈会上发言，ABC公司总经理Tom Lee列席。",
    "会议指出，要坚持问题导向，确保100%完成任务（第1-3季度）。\r\n下一步，全县上下要再接再厉。",
    "周文华李建国孙立新王小明\n\n  县长\u3000钱多多讲话#2 a.b_c&d+e",
]


def _plain(text: str) -> list[str]:
    """Word codes as read from jieba's own cut."""
    dt, tags = ner._jieba()
    out = []
    for w in dt.cut(text, HMM=False):
        if len(w) == 1:
            out.append("S")
            continue
        kind = "n" if tags.get(w, "")[:2] == "nr" else "w"
        out += ["B" + kind] + ["M" + kind] * (len(w) - 2) + ["E" + kind]
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_word_codes_are_jiebas_cut(text):
    assert ner._segmenter().codes(text) == _plain(text)


def _random_texts(chars: str, seed: int, count: int, sizes: tuple[int, int]) -> list[str]:
    """`count` seeded texts of the given characters and 60 random Han ones, of `sizes` lengths."""
    rng = random.Random(seed)
    pool = list(chars) + [chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(60)]
    return ["".join(rng.choice(pool) for _ in range(rng.randint(*sizes))) for _ in range(count)]


def test_word_codes_of_random_text_are_jiebas_cut():
    chars = "王李张欧阳建国明华县委书记长主持会议召开年月日的了和、，。：“”（）ab.C%-+#&_0123 \r\n\u3000·"
    for text in _random_texts(chars, 7, 500, (1, 40)):
        assert ner._segmenter().codes(text) == _plain(text), text


@pytest.mark.parametrize("text", SENTENCES)
def test_word_codes_of_each_window_are_those_of_jieba_on_that_window(text):
    spans = [(0, len(text)), (2, 9), (5, 6), (len(text) - 4, len(text))]
    n = len(text)
    want = []
    for lo, hi in spans:
        a, b = max(0, lo - 2), min(n, hi + 2)
        want.append(_plain(text[a:b] + "\n")[lo - a:hi - a])
    assert ner._word_codes(text, spans) == want


def _plain_codes(text: str) -> tuple[str, ...]:
    """The character codes as a dictionary translation and a second pass give them."""
    cls, one, compound, titles, nouns = ner._tables()
    k = re.sub(r"[^CDNLPM]", "O", text.translate(cls))
    s = list(re.sub(r"[^SstM]", "-", text.translate(one)))
    for m in compound.finditer(text):
        s[m.start()], s[m.start() + 1] = "F", "f"
    cue = ["-"] * (len(text) + 1)
    start = ["-"] * len(text)
    for m in nouns.finditer(text):
        cue[m.end()] = start[m.start()] = "G"
    for m in titles.finditer(text):
        cue[m.end()] = start[m.start()] = "T"
    g = re.sub(r"[^HML]", "-", text.translate(ner._given_table()))
    return k, "".join(s), "".join(cue[:len(text)]), "".join(start), g


@pytest.mark.parametrize("text", SENTENCES + ["王𠀋明说，𪚥𠮷·李到场。SstxM HML CDNLPM", "", "\ud800王"])
def test_character_codes_are_those_of_the_dictionaries(text):
    assert ner._codes(text) == _plain_codes(text)


def test_character_codes_of_random_text_are_those_of_the_dictionaries():
    rng = random.Random(11)
    for _ in range(300):
        text = "".join(chr(rng.choice((rng.randint(0, 0x2FFFF), rng.randint(0x4E00, 0x9FFF), rng.randint(0, 127))))
                       for _ in range(rng.randint(0, 40)))
        assert ner._codes(text) == _plain_codes(text), text


def test_a_common_word_at_or_before_a_surname_opens_no_window():
    """高度 (a common word opens at 高) and 长江 (one ends at 江): neither opens a window; 王
    before a plain character does, from one character before it."""
    text = "水位高度上涨，长江两岸的王小明说。"
    _, _, s, c, _, _ = (x[ner._PAD:-ner._PAD] for x in ner._padded(text))
    starts = {lo for lo, _ in ner._windows(text, s, c)}
    assert text.index("王") - 1 in starts
    assert text.index("高") - 1 not in starts


def _plain_features(text: str) -> list[tuple[int, int, list[list[str]]]]:
    """The tagger's features a position at a time, as the model was trained on them."""
    t, k, s, c, a, g = ner._padded(text)
    spans = ner._windows(text, s[ner._PAD:-ner._PAD], c[ner._PAD:-ner._PAD])
    out = []
    for (lo, hi), w in zip(spans, ner._word_codes(text, spans)):
        feats = []
        for j, i in enumerate(range(lo + ner._PAD, hi + ner._PAD)):
            feats.append([
                "u=" + t[i], "u-1=" + t[i - 1], "u1=" + t[i + 1], "u-2=" + t[i - 2], "u2=" + t[i + 2],
                "b-1=" + t[i - 1:i + 1], "b0=" + t[i:i + 2], "b-2=" + t[i - 2:i], "b1=" + t[i + 1:i + 3],
                "k=" + k[i - 1:i + 2], "s=" + s[i - 1:i + 2], "s0=" + s[i] + c[i], "c=" + c[i - 1:i + 2],
                "w=" + w[j], "ws=" + w[j] + s[i], "wc=" + w[j] + c[i], "a=" + a[i + 1],
                "g=" + g[i - 1:i + 2], "sg=" + s[i - 1:i + 1] + g[i:i + 2]])
        out.append((lo, hi, feats))
    return out


@pytest.mark.parametrize("text", SENTENCES + ["王", "", "县长", "。。王小明"])
def test_features_of_all_windows_at_once_are_those_of_each_position(text):
    got = [(lo, hi, [list(f) for f in feats]) for lo, hi, feats in ner.sequence_features(text)]
    assert got == _plain_features(text)


def test_every_attribute_of_the_model_is_one_the_id_tables_know():
    """Each attribute of the model is a feature _features makes, so the id tables (ner._Ids)
    can give it (those of tests/test_crf.py check that they give the same ids)."""
    model, _ = ner._model()
    names = {name for name, _ in ner._CHAR_FEATURES + ner._CODE_FEATURES}
    assert model.attributes and all(a.partition("=")[0] in names for a in model.attributes)


def test_a_lone_surrogate_is_no_error_for_the_tagger():
    """A lone surrogate is read as any character the model does not know."""
    assert ner.person_spans("村民王小明说\udfff，今年收成好。") == [(2, 5)]


@pytest.mark.parametrize("text", SENTENCES + ["副县长", "县长、副县长、常务副县长", ""])
def test_title_heads_are_found_where_a_plain_look_ahead_finds_them(text):
    from kg import lexicons
    from kg.extract.persons import _heads_rx

    plain = re.compile(f"(?=({lexicons.alternation('title_heads')}))")
    assert [(m.start(), m.group(1)) for m in _heads_rx().finditer(text)] == \
        [(m.start(), m.group(1)) for m in plain.finditer(text)]


@pytest.mark.parametrize("text, i, name", [
    ("自治区主席买买提·艾力指出", 5, "买买提·艾力"),
    ("村民王小明说", 2, "王小明"),
])
def test_a_rule_name_read_at_an_offset(text, i, name):
    from kg.extract.names import _rule_name_at

    assert _rule_name_at(text, i) == name
    assert _rule_name_at("前文" * 50 + text, i + 100) == name


@pytest.mark.parametrize("text", SENTENCES + ["贯彻落实市长", "要落实好市委书记", "〇㐀鿿A1.5%-3", ""])
def test_tokens_are_jieba_posseg_pairs(text):
    import jieba.posseg

    from kg.extract.names import tokens

    tokens("")  # jieba and its added words first
    assert tokens(text) == [(p.word, p.flag) for p in jieba.posseg.cut(text, HMM=False)]


def test_tokens_of_random_text_are_jieba_posseg_pairs():
    import jieba.posseg

    from kg.extract.names import tokens

    for text in _random_texts("王李张县委书记长主持会议的了和、，。ab.C%-+#&_0123 \r\n\u3000〇㐀", 3, 300, (0, 30)):
        assert tokens(text) == [(p.word, p.flag) for p in jieba.posseg.cut(text, HMM=False)], text


@pytest.mark.parametrize("text", ["1" * 100 + "年", "A" * 70, "王" * 80])
def test_word_codes_of_long_runs_are_jiebas_cut(text):
    assert ner._segmenter().codes(text) == _plain(text)


def test_date_matches_are_those_of_the_pattern():
    from kg.extract import dates

    texts = SENTENCES + ["2023年5月6日至7日，十二月三十一日，5月6—7日、17日和二〇一九年一月一日", "", "日号"]
    texts += _random_texts("年月日号至到-—～〇零一二十0123456789１２", 13, 300, (0, 30))
    for text in texts:
        assert [m.span() for m in dates._date_matches(text)] == [m.span() for m in dates._DATE.finditer(text)], text


def _meeting_sentences() -> list[str]:
    texts = SENTENCES + [
        "5月6日，县委书记王建国主持召开县委常委会会议。", "县长李明华主持县政府常务会议，研究有关事项。",
        "全县安全生产工作会议8日在县委礼堂隆重召开。", "青石县第三届运动会昨日开幕。", "干部培训班于12日开班。",
        "王建国参加了全市经济工作会议。", "代表们认真审议政府工作报告。", "李明华在座谈会上指出，要抓好落实。",
        "刘志强同企业家代表座谈交流。", "县委举行座谈，听取意见。", "会议由周文华主持。",
    ]
    from pathlib import Path

    dev = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev"
    for page in sorted(dev.glob("*.txt")) if dev.is_dir() else ():
        texts += re.split("(?<=[。！？；\n])", page.read_text(encoding="utf-8"))
    return texts


def test_a_meeting_pattern_matches_only_where_its_words_stand():
    """_meetings tries each pattern only on a sentence holding the words that all its matches
    hold: every match found anywhere holds one (a pattern given a new verb fails here)."""
    from kg.extract import events

    convened, held, attended = events._meeting_rxs()
    checks = [(convened, events._CONVENED_WORDS), (held, events._HELD_WORDS), (attended, events._ATTENDED_WORDS),
              (events._DELIBERATED, ("审议",))]
    found = 0
    for text in _meeting_sentences():
        for rx, words in checks:
            for m in rx.finditer(text):
                found += 1
                assert any(w in m.group() for w in words), (rx.pattern[:30], m.group())
        for m in events._venue_rx().finditer(text):
            found += 1
            assert "座谈" in m.group() or "在" in m.group() and "上" in m.group(), m.group()
    assert found >= 10


def test_the_added_words_are_in_the_tag_table_as_soon_as_jieba_is_loaded():
    """The title and group words are in posseg's tag table when kg.extract.names._jieba
    returns, not only after its first cut: whatever reads the table first (the given-name table
    of the tagger, a rule, tokens) reads the same table, so no fact depends on call order."""
    from kg import lexicons
    from kg.extract import names

    jieba, pseg = names._jieba()
    assert not jieba.dt.user_word_tag_tab
    tags = pseg.dt.word_tag_tab
    assert all(tags.get(w) == "n" for w in lexicons.load("title_heads") | lexicons.load("group_words"))
    before = ner._given_table.__wrapped__()
    list(pseg.cut("县委书记王建国主持会议", HMM=False))
    names.tokens("副县长李红梅出席")
    assert ner._given_table.__wrapped__() == before == ner._given_table()


def _plain_windows(text: str, s: str, c: str) -> list[tuple[int, int]]:
    """The tagger's windows a trigger at a time, as ner._windows finds them with arrays."""
    n = len(text)
    common = ner._segmenter().common
    starts = []
    for m in ner._trigger_rx().finditer(s):
        p = m.start()
        if text[p:p + 2] in common or p and text[p - 1:p + 1] in common:
            continue
        starts.append(p)
    starts += [m.start() for m in re.finditer(r"[TG]", c) if m.start() < n]
    spans: list[tuple[int, int]] = []
    for p in sorted(starts):
        lo = max(0, p - ner._BEFORE)
        m = ner._CLAUSE_END.search(text, p, min(n, p + ner._AFTER))
        hi = m.end() if m else min(n, p + ner._AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    out = []
    for lo, hi in spans:
        for m in ner._SENT_END.finditer(text, lo, hi):
            if m.end() > lo:
                out.append((lo, m.end()))
            lo = m.end()
        if hi > lo:
            out.append((lo, hi))
    return out


def test_trigger_starts_are_those_of_the_pattern():
    """Runs of sound-spelling characters and surnames: every other one opens a match of two."""
    import numpy as np

    rng = random.Random(11)
    for _ in range(3000):
        s = "".join(rng.choice("SstMFf-") for _ in range(rng.randint(0, 12)))
        want = [m.start() for m in ner._trigger_rx().finditer(s)]
        assert ner._trigger_starts(np.frombuffer(s.encode("ascii"), dtype=np.uint8)).tolist() == want, s


@pytest.mark.parametrize("text", SENTENCES + ["王", "王。", "高", "长江", "。王", "县长", "水位高度上涨，长江两岸的王小明说。"])
def test_windows_found_with_arrays_are_those_found_a_trigger_at_a_time(text):
    _, _, s, c = ner._tag_strings(text)
    assert ner._windows(text, s, c) == _plain_windows(text, s, c)


def test_windows_found_with_arrays_on_random_text():
    rng = random.Random(7)
    pool = list("王李张高阿拉克林长江度欧阳司马建国明华小红县委书记长镇村民主持会议说、，。；：！“”·\n 0123abc") + ["𠀋", "\udfff"]
    for _ in range(1500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 60)))
        _, _, s, c = ner._tag_strings(text)
        assert ner._windows(text, s, c) == _plain_windows(text, s, c), text
