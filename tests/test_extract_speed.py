"""The fast paths of extraction give exactly what the plain ones give."""
from __future__ import annotations

import random

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


def test_word_codes_of_random_text_are_jiebas_cut():
    chars = list("王李张欧阳建国明华县委书记长主持会议召开年月日的了和、，。：“”（）ab.C%-+#&_0123 \r\n\u3000·")
    rng = random.Random(7)
    chars += [chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(60)]
    for _ in range(500):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 40)))
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
