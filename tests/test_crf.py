"""The CRF read into arrays and decoded in numpy (kg.extract.crf) gives CRFsuite's own labels:
on the shipped name model (its attributes made by ner's id tables, or looked up from the
feature strings) and on small models trained here, ties included."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from kg.extract import crf, ner

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "dev"

SENTENCES = [
    "青石县委书记王建国主持召开县委常委会议，副县长李红梅、刘志强出席。",
    "村民赵小兵说：“今年的收入比去年多了3.5万元，生活一年比一年好。”",
    "欧阳文博、司马俊杰等同志到会指导，会议由县长周文华主持。",
    "阿卜杜拉·买买提在座谈会上发言，ABC公司总经理Tom Lee列席。",
    "周文华李建国孙立新王小明\n\n  县长\u3000钱多多讲话#2 a.b_c&d+e",
    "王", "王。", "县长", "。。王小明", "主持人𠀋明说", "村民王小明说\udfff，今年收成好。",
    "市长", "书记王", "王李", "𠀋·𠀋", "镇长：", "李\n张\n王",
]


def _labels_of_features(text: str) -> list[list[str]]:
    """CRFsuite's labels of each stretch of the text, from the feature strings (those the model
    does not know left out, as CRFsuite leaves them out: it cannot encode a lone surrogate)."""
    tagger = ner._tagger()
    known = set(ner._model()[0].attributes)
    return [tagger.tag([[x for x in row if x in known] for row in feats]) for _, _, feats in ner.sequence_features(text)]


def _our_labels(text: str) -> tuple[list[list[str]], np.ndarray | list]:
    """Our labels of each stretch, and the id columns ner builds for them."""
    model, ids = ner._model()
    t, q, s, c = ner._tag_strings(text)
    spans = ner._windows(text, s, c)
    if not spans:
        return [], []
    cols = ids.columns(t, q, ner._word_code_chars(text, spans), spans)
    lens = np.array([b - a for a, b in spans])
    got = crf.viterbi(model, crf.state_scores(model, cols), lens)
    out, o = [], 0
    for n in lens:
        out.append([model.labels[x] for x in got[o:o + n]])
        o += n
    return out, cols


def _ids_of_features(text: str) -> list[list[int]]:
    """The model's ids of the feature strings of each position (-1 for one it does not know)."""
    model, _ = ner._model()
    aid = {a: i for i, a in enumerate(model.attributes)}
    return [[aid.get(x, -1) for x in row] for _, _, feats in ner.sequence_features(text) for row in feats]


def _check(text: str) -> None:
    got, cols = _our_labels(text)
    assert got == _labels_of_features(text), text
    if len(cols):
        assert np.stack(cols, axis=1).tolist() == _ids_of_features(text), text


@pytest.mark.parametrize("text", SENTENCES + [""])
def test_our_decoder_gives_crfsuites_labels(text):
    _check(text)


def test_our_decoder_gives_crfsuites_labels_on_random_text():
    rng = random.Random(5)
    pool = list("王李张欧阳司马建国明华小红县委书记长镇村民主持会议说、，。：“”·\n 0123abc") + ["𠀋", "\udfff"]
    for _ in range(200):
        _check("".join(rng.choice(pool) for _ in range(rng.randint(1, 40))))


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev pages are not at ../shared/data/dev")
def test_our_decoder_gives_crfsuites_labels_on_the_dev_pages():
    from kg.read import read_source

    pages = sorted(DEV.glob("*.txt"))
    assert pages
    for page in pages:
        text = read_source(page).text
        _check(text)
        # and each paragraph alone (other windows, other lengths together)
        for para in text.split("\n\n")[:20]:
            _check(para)


def test_the_model_read_is_crfsuites_model():
    model, _ = ner._model()
    info = ner._tagger().info()
    assert {a: str(i) for i, a in enumerate(model.attributes)} == {a: str(i) for a, i in info.attributes.items()}
    assert {x: str(i) for i, x in enumerate(model.labels)} == {x: str(i) for x, i in info.labels.items()}
    lab = model.labels.index
    aid = {a: i for i, a in enumerate(model.attributes)}
    for (a, y), w in info.state_features.items():  # the dump prints six decimals
        assert abs(model.state[aid[a], lab(y)] - w) < 1e-6
    for (x, y), w in info.transitions.items():
        assert abs(model.trans[lab(x), lab(y)] - w) < 1e-6
    assert not model.state[-1].any()  # the row that an unknown attribute reads


def test_a_stretch_of_no_known_attribute_is_tagged_by_transitions_alone():
    model, _ = ner._model()
    tagger = ner._tagger()
    for n in (1, 2, 7):
        cols = [np.full(n, -1, dtype=np.intp)] * 3
        got = crf.viterbi(model, crf.state_scores(model, cols), np.array([n]))
        assert [model.labels[x] for x in got] == tagger.tag([["no such attribute"]] * n)


def _train(tmp_path: Path, data: list[tuple[list[list[str]], list[str]]], name: str) -> Path:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in data:
        trainer.append(xs, ys)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 60, "feature.possible_transitions": True})
    path = tmp_path / name
    trainer.train(str(path))
    return path


def _decode_both(path: Path, seqs: list[list[list[str]]]) -> tuple[list[list[str]], list[list[str]]]:
    model = crf.read_model(str(path))
    aid = {a: i for i, a in enumerate(model.attributes)}
    width = max(len(row) for xs in seqs for row in xs)
    cols = [np.array([aid.get(row[c], -1) if c < len(row) else -1 for xs in seqs for row in xs], dtype=np.intp)
            for c in range(width)]
    lens = np.array([len(xs) for xs in seqs])
    got = crf.viterbi(model, crf.state_scores(model, cols), lens)
    ours, o = [], 0
    for n in lens:
        ours.append([model.labels[x] for x in got[o:o + n]])
        o += n
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return ours, [tagger.tag(xs) for xs in seqs]


def test_ties_go_as_crfsuite_breaks_them(tmp_path):
    """Symmetric data give labels of equal weights: the first label wins a tie, at the end of
    the path as on the way back."""
    swapped = [(["x"], ["y"]), (["y"], ["x"])]
    data = [([["x"], ["y"]], ["A", "B"]), ([["x"], ["y"]], ["B", "A"])] * 3 + \
        [([a, b], ["A", "B"]) for a, b in swapped] + [([a, b], ["B", "A"]) for a, b in swapped]
    path = _train(tmp_path, data, "tie.crfsuite")
    model = crf.read_model(str(path))
    assert model.trans[0, 1] == model.trans[1, 0]  # a real tie
    seqs = [[["x"]], [["y"]], [["x"], ["y"]], [["y"], ["x"], ["y"]], [["z"]] * 4, [["x"], ["z"], ["y"]]]
    ours, theirs = _decode_both(path, seqs)
    assert ours == theirs


def test_a_model_of_all_zero_weights_tags_the_first_label(tmp_path):
    data = [([["x"], ["x"]], ys) for ys in (["A", "A"], ["A", "B"], ["B", "A"], ["B", "B"])]
    path = _train(tmp_path, data, "zero.crfsuite")
    ours, theirs = _decode_both(path, [[["x"]] * n for n in (1, 2, 5)])
    assert ours == theirs == [["A"] * n for n in (1, 2, 5)]


def test_random_models_and_sequences_of_many_lengths_decoded_together(tmp_path):
    rng = random.Random(3)
    attrs = [f"f{i}" for i in range(12)]
    labels = ["O", "B", "I", "E"]
    data = []
    for _ in range(80):
        n = rng.randint(1, 12)
        data.append(([rng.sample(attrs, rng.randint(1, 4)) for _ in range(n)], [rng.choice(labels) for _ in range(n)]))
    path = _train(tmp_path, data, "random.crfsuite")
    seqs = [[rng.sample(attrs + ["unknown"], rng.randint(1, 5)) for _ in range(rng.randint(1, 30))]
            for _ in range(150)]
    ours, theirs = _decode_both(path, seqs)
    assert ours == theirs


def test_no_sequence_decodes_to_nothing():
    model, _ = ner._model()
    assert crf.viterbi(model, np.zeros((0, len(model.labels))), np.zeros(0, dtype=np.intp)).tolist() == []
