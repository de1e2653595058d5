"""Person names found by a character CRF (kg/data/names.crfsuite, made by kg.extract.train_names).

Each character is described by itself and its neighbours, its class, whether it opens a surname,
whether a title or a noun such as 记者 ends right before it or starts right after it, how often
it is part of a given name among the names of jieba's dictionary, where it stands in jieba's
word and whether that word is a dictionary name. The features are attribute ids gathered per
text from tables of one code a character (numpy arrays), and only stretches that could hold a
name are tagged: a surname, two sound-spelling characters (阿拉, 克林), a middle dot, or a title
ending before them. Names written together (周文华李建国) are cut at their surnames; a name cut short
where the same characters always follow it (吉尔木|呷) or read whole elsewhere is made whole.

>>> person_spans("村民王小明说，今年收成好。")
[(2, 5)]
"""
from __future__ import annotations

import re
from collections import Counter
from math import log
from functools import lru_cache
from itertools import chain
from operator import add
from importlib import resources

import numpy as np

from .. import lexicons
from . import crf
from .scan import find_words

__all__ = ["person_spans", "sequence_features", "MODEL_NAME", "LABELS"]

MODEL_NAME = "names.crfsuite"
LABELS = ("B-PER", "I-PER")
MIDDOT = "·•‧・"
_PAD = 2  # characters of context on each side of a position
_BEFORE, _AFTER = 1, 5  # a window opens this far before a trigger and closes this far after it
_COMMON = 300  # a dictionary word this frequent and not tagged as a name is read as a word
_SENT_CHARS = "。！？；\n"
_CLAUSE_CHARS = "，。、；：！？\n“”（）《》"
_SENT_END = re.compile(f"[{_SENT_CHARS}]")  # (the two patterns are the tests' plain reading)
_CLAUSE_END = re.compile(f"[{_CLAUSE_CHARS}]")


@lru_cache(maxsize=1)
def _jieba():
    from .names import _jieba as jb  # the same dictionary (with the title words) as the rules

    jieba, pseg = jb()
    return jieba.dt, pseg.dt.word_tag_tab


@lru_cache(maxsize=1)
def _given_table() -> dict[int, str]:
    """How often each character is part of a given name, from the names in jieba's dictionary
    (words tagged nr that open with a surname, two to four characters): H, M or L by the share
    of the dictionary's words with that character that are such names, - for rare or none."""
    _, tags = _jieba()
    sur = lexicons.load("surnames")
    # each character once a word that holds it, counted by Counter's own loop (a third of
    # the start-up of the tagger when counted a character at a time)
    words = Counter(chain.from_iterable(map(set, tags)))
    given: Counter = Counter()
    for w in [w for w, tag in tags.items() if tag == "nr" and 2 <= len(w) <= 4]:
        n = 2 if w[:2] in sur and len(w) > 2 else 1 if w[0] in sur and len(w) < 4 else 0
        if n:
            given.update(set(w[n:]))
    out = {}
    for ch, g in given.items():
        r = g / words[ch]
        if g >= 3 and r >= 0.05:
            out[ord(ch)] = "H" if r >= 0.5 else "M" if r >= 0.2 else "L"
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict, re.Pattern, re.Pattern, re.Pattern]:
    cls: dict[int, str] = {}
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        for c in range(lo, hi + 1):
            cls[c] = "C"
    for c in "0123456789０１２３４５６７８９":
        cls[ord(c)] = "D"
    for c in "零〇一二三四五六七八九十百千万亿两":
        cls[ord(c)] = "N"
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        cls[ord(c)] = "L"
        cls[ord(c) + 0xFEE0] = "L"
    for c in "，。、；：？！“”‘’（）《》〈〉【】「」『』…—-,.;:?!\"'()[]<>":
        cls[ord(c)] = "P"
    for c in MIDDOT:
        cls[ord(c)] = "M"
    sur = lexicons.load("surnames")
    weak = lexicons.load("word_surnames")
    one: dict[int, str] = {ord(c): "-" for c in "SstxM"}
    for c in lexicons.load("transliteration_chars"):
        one[ord(c)] = "t"
    for s in sur:
        if len(s) == 1:
            one[ord(s)] = "s" if s in weak else "S"
    for c in MIDDOT:
        one[ord(c)] = "M"
    compound = re.compile("|".join(sorted((s for s in sur if len(s) == 2), key=lambda s: s)))
    # plain alternations (no look-ahead: six times faster; overlapping matches are rare)
    titles = re.compile(lexicons.alternation("title_heads"))
    nouns = re.compile(lexicons.alternation("person_nouns", "group_words", "role_words"))
    return cls, one, compound, titles, nouns


_PLANE = "".join(map(chr, range(0x10000)))


@lru_cache(maxsize=1)
def _code_tables() -> tuple[list[str], list[str], list[str]]:
    """The class, surname and given-name tables of _tables and _given_table as lists over every
    character of the Basic Multilingual Plane, each entry already the code the character gets
    (O or - for the rest): str.translate then never misses (a miss costs it an exception)
    and no second pass is needed, except for a character beyond the plane (kept, then coded)."""
    cls, one, _, _, _ = _tables()
    given = _given_table()

    def table(mapping: dict[int, str], codes: str, other: str) -> list[str]:
        # the whole plane translated at once, then every character not a code made `other`
        return list(re.sub(f"[^{codes}]", other, _PLANE.translate(mapping)))

    return table(cls, "CDNLPM", "O"), table(one, "SstM", "-"), table(given, "HML", "-")


def _codes(text: str) -> tuple[str, str, str, str, str]:
    """Five strings as long as the text: the class of each character (C J D N L P M O), its
    surname code (S surname, s surname that is an everyday word, F/f compound surname, t
    sound-spelling character, M middle dot, - other), what ends right before it and what
    starts at it (T a title, G a noun such as 记者 or 村民, - nothing), and how often it is
    part of a given name (_given_table)."""
    _, _, compound, titles, nouns = _tables()
    kt, st, gt = _code_tables()
    k = text.translate(kt)
    s = text.translate(st)
    g = text.translate(gt)
    if not k.isascii():  # a character beyond the Basic Multilingual Plane, left as it was
        k = re.sub(r"[^CDNLPM]", "O", k)
        s = re.sub(r"[^SstM]", "-", s)
        g = re.sub(r"[^HML]", "-", g)
    sl = None
    for m in compound.finditer(text):
        sl = sl or list(s)
        sl[m.start()], sl[m.start() + 1] = "F", "f"
    if sl:
        s = "".join(sl)
    cue = ["-"] * (len(text) + 1)
    start = ["-"] * len(text)
    for m in nouns.finditer(text):
        cue[m.end()] = start[m.start()] = "G"
    for m in titles.finditer(text):
        cue[m.end()] = start[m.start()] = "T"
    return k, s, "".join(cue[:len(text)]), "".join(start), g


# jieba's own splitting of a text into blocks it segments (Han characters, letters, digits and a
# few signs) and the rest, and the letters and digits it gathers into one word
_HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_WEIGHTS_MAX = 1_000_000
_ROUTES_MAX = 50_000
_MISS = object()


class _Segmenter:
    """jieba's segmentation without HMM (Tokenizer.cut(s, HMM=False)), word for word the same,
    as word codes: the same dictionary graph and the same best route (the same sums in the same
    order, ties to the longer word), with each piece's log frequency looked up once."""

    def __init__(self, dt, tags):
        self.dt, self.tags, self.total = dt, tags, dt.total
        self.logtotal = log(dt.total)
        # a piece of text -> log(freq) - log(total) for a word, False for the mere opening of
        # one, None for neither
        self.weight: dict[str, float | bool | None] = {}
        self.coded: dict[str, str] = {}  # a block -> its word codes (block)
        # words of one or two characters as frequent as _COMMON and not tagged as names (高度, 长江)
        self.common = frozenset(w for w, f in dt.FREQ.items()
                                if f >= _COMMON and len(w) <= 2 and tags.get(w, "")[:2] != "nr")

    def _fill(self, frag: str) -> float | bool | None:
        if len(self.weight) >= _WEIGHTS_MAX:
            self.weight.clear()
        f = self.dt.FREQ.get(frag)
        w = self.weight[frag] = None if f is None else (log(f) - self.logtotal) if f else False
        return w

    def route(self, blk: str) -> list[int]:
        """jieba's best route through one block (Tokenizer.get_DAG and calc): the last character
        of the word that opens at each position. (code_chars keeps each block's codes, so a
        block met before is not routed again.)"""
        wget, fill, logtotal = self.weight.get, self._fill, self.logtotal
        n = len(blk)
        score = [0.0] * (n + 1)
        last = list(range(n))
        for k in range(n - 1, -1, -1):
            best = None
            i = k
            frag = blk[k]
            while True:
                w = wget(frag, _MISS)
                if w is _MISS:
                    w = fill(frag)
                if w is None:
                    break
                if w is not False:
                    s = w + score[i + 1]
                    if best is None or s >= best:
                        best = s
                        last[k] = i
                i += 1
                if i == n:
                    break
                frag = blk[k:i + 1]
            if best is None:  # no word opens here: the character alone
                best = (log(self.dt.FREQ.get(blk[k]) or 1) - logtotal) + score[k + 1]
            score[k] = best
        return last

    def block(self, blk: str) -> str:
        """The word codes of one block (jieba's __cut_DAG_NO_HMM), one character each (see
        _CODE_CHARS)."""
        last = self.route(blk)
        n = len(blk)
        tags = self.tags
        codes: list[str] = []
        append = codes.append
        x, run = 0, -1  # run: where a stretch of single letters and digits opened
        while x < n:
            y = last[x] + 1
            if y == x + 1:
                if blk[x] in _ASCII_ALNUM:  # letters and digits gather into one word
                    if run < 0:
                        run = x
                    x = y
                    continue
                if run >= 0:
                    append(_word_chars(blk[run:x], tags))
                    run = -1
                append("S")
            else:
                if run >= 0:
                    append(_word_chars(blk[run:x], tags))
                    run = -1
                append(_word_chars(blk[x:y], tags))
            x = y
        if run >= 0:
            append(_word_chars(blk[run:], tags))
        return "".join(codes)

    def code_chars(self, text: str) -> str:
        """The word code of each character of the text as jieba cuts it (HMM=False), one
        character each (see _CODE_CHARS). A block met before (a name, a title, the clause
        around a name that two windows read) is routed and coded once."""
        out: list[str] = []
        append = out.append
        coded = self.coded
        for blk in _HAN_BLOCK.split(text):
            if not blk:
                continue
            if len(blk) == 1:  # one character: one word, or letters and digits of one
                append("S")
            elif _HAN_BLOCK.match(blk):
                got = coded.get(blk)
                if got is None:
                    if len(coded) >= _ROUTES_MAX:
                        coded.clear()
                    got = coded[blk] = self.block(blk)
                append(got)
            elif "\r\n" in blk:  # jieba reads \r\n as one word, every other character alone
                for x in re.split("(\r\n)", blk):
                    append(_word_chars(x, self.tags) if x == "\r\n" else "S" * len(x))
            else:
                append("S" * len(blk))
        return "".join(out)

    def codes(self, text: str) -> list[str]:
        """The word code of each character of the text, as jieba cuts it (HMM=False): S a word
        of one character, B M E the first, a middle and the last of a longer word, then n for
        a dictionary name or w for another word (Bn, Ew)."""
        return list(map(_CODE_NAMES.__getitem__, self.code_chars(text)))


# the word codes in one character: S; B M E of a word, b m e of a dictionary name
_CODE_CHARS = {"S": "S", "Bw": "B", "Mw": "M", "Ew": "E", "Bn": "b", "Mn": "m", "En": "e"}
_CODE_NAMES = {v: k for k, v in _CODE_CHARS.items()}
_NAME_CHARS = ["", "S"] + ["b" + "m" * (m - 2) + "e" for m in range(2, 64)]
_WORD_CHARS = ["", "S"] + ["B" + "M" * (m - 2) + "E" for m in range(2, 64)]


def _word_chars(w: str, tags: dict) -> str:
    """The codes of the characters of one word."""
    m = len(w)
    if m == 1:
        return "S"
    name = tags.get(w, "")[:2] == "nr"
    if m < len(_WORD_CHARS):
        return (_NAME_CHARS if name else _WORD_CHARS)[m]
    return ("b" + "m" * (m - 2) + "e") if name else ("B" + "M" * (m - 2) + "E")


_SEGMENTER: list[_Segmenter] = []


def _segmenter() -> _Segmenter:
    dt, tags = _jieba()
    if not _SEGMENTER or _SEGMENTER[0].total != dt.total:  # a word added to jieba since
        _SEGMENTER[:] = [_Segmenter(dt, tags)]
    return _SEGMENTER[0]


def _word_code_chars(text: str, spans: list[tuple[int, int]]) -> str:
    """The word codes (_Segmenter.code_chars) of the characters of every stretch text[lo:hi],
    laid one after another. jieba reads two characters of context on each side; all
    stretches go through it in one call, a line each (jieba never joins words across a line
    break, so this is the same as one call a stretch, only faster)."""
    bounds = np.asarray(spans, dtype=np.intp).reshape(-1, 2)  # (a list of pairs, or _window_bounds)
    lo, hi = bounds[:, 0], bounds[:, 1]
    a, b = np.maximum(lo - 2, 0), np.minimum(hi + 2, len(text))
    at = np.cumsum(b - a + 1) - (b - a + 1) + lo - a  # where each stretch opens in the lines
    codes = _segmenter().code_chars("\n".join([text[x:y] for x, y in zip(a.tolist(), b.tolist())]))
    return "".join([codes[x:y] for x, y in zip(at.tolist(), (at + hi - lo).tolist())])


def _word_codes(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """For each stretch text[lo:hi]: where each character stands in jieba's word (B M E S, no
    HMM, so a name jieba does not know falls apart into single characters) and whether that
    word is a dictionary name (n) or another word (w) (_word_code_chars)."""
    codes = list(map(_CODE_NAMES.__getitem__, _word_code_chars(text, spans)))
    out, o = [], 0
    for lo, hi in spans:
        out.append(codes[o:o + hi - lo])
        o += hi - lo
    return out


def _features(t: str, k: str, s: str, c: str, a: str, g: str, words: list[list[str]],
              spans: list[tuple[int, int]]) -> list[list[tuple[str, ...]]]:
    """Feature lists of each stretch text[lo:hi] of spans, from the padded strings (t, k, s, c,
    a, g padded by _PAD) and the word codes of each stretch. Built a column at a time over all
    the stretches of the text at once, then cut back into stretches."""
    idx = [i for lo, hi in spans for i in range(lo + _PAD, hi + _PAD)]

    def cat(x: str, d: int) -> str:  # the characters of x at every position of idx, shifted by d
        return "".join([x[lo + _PAD + d:hi + _PAD + d] for lo, hi in spans])

    t0, s0, c0 = cat(t, 0), cat(s, 0), cat(c, 0)
    w = [x for ws in words for x in ws]
    cols = (
        ["u=" + x for x in t0], ["u-1=" + x for x in cat(t, -1)],
        ["u1=" + x for x in cat(t, 1)], ["u-2=" + x for x in cat(t, -2)],
        ["u2=" + x for x in cat(t, 2)],
        ["b-1=" + t[i - 1:i + 1] for i in idx], ["b0=" + t[i:i + 2] for i in idx],
        ["b-2=" + t[i - 2:i] for i in idx], ["b1=" + t[i + 1:i + 3] for i in idx],
        ["k=" + k[i - 1:i + 2] for i in idx], ["s=" + s[i - 1:i + 2] for i in idx],
        ["s0=" + x + y for x, y in zip(s0, c0)], ["c=" + c[i - 1:i + 2] for i in idx],
        ["w=" + x for x in w], ["ws=" + x + y for x, y in zip(w, s0)],
        ["wc=" + x + y for x, y in zip(w, c0)], ["a=" + x for x in cat(a, 1)],
        ["g=" + g[i - 1:i + 2] for i in idx], ["sg=" + s[i - 1:i + 1] + g[i:i + 2] for i in idx],
    )
    rows = list(zip(*cols))  # the tagger reads tuples as it reads lists
    out, o = [], 0
    for lo, hi in spans:
        out.append(rows[o:o + hi - lo])
        o += hi - lo
    return out


def _padded(text: str) -> tuple[str, ...]:
    pad = "\x02" * _PAD
    end = "\x03" * _PAD
    return tuple(pad + x + end for x in (text, *_codes(text)))


def sequence_features(text: str) -> list[tuple[int, int, list[tuple[str, ...]]]]:
    """(start, end, feature lists) of each stretch of the text the tagger reads."""
    t, k, s, c, a, g = _padded(text)
    spans = _windows(text, s[_PAD:-_PAD], c[_PAD:-_PAD])
    feats = _features(t, k, s, c, a, g, _word_codes(text, spans), spans)
    return [(lo, hi, f) for (lo, hi), f in zip(spans, feats)]


# the features of _features in their order: first those of the characters (the name and the
# offsets of its one or two characters), then those of the codes
_CHAR_FEATURES = (("u", (0,)), ("u-1", (-1,)), ("u1", (1,)), ("u-2", (-2,)), ("u2", (2,)),
                  ("b-1", (-1, 0)), ("b0", (0, 1)), ("b-2", (-2, -1)), ("b1", (1, 2)))
# each feature of the codes as the codes it joins: (which code of a combined code, 0 k 1 s
# 2 c 3 a 4 g, or 5 the word code; the offset of its position)
_CODE_FEATURES = (
    ("k", ((0, -1), (0, 0), (0, 1))), ("s", ((1, -1), (1, 0), (1, 1))), ("s0", ((1, 0), (2, 0))),
    ("c", ((2, -1), (2, 0), (2, 1))), ("w", ((5, 0),)), ("ws", ((5, 0), (1, 0))), ("wc", ((5, 0), (2, 0))),
    ("a", ((3, 1),)), ("g", ((4, -1), (4, 0), (4, 1))), ("sg", ((1, -1), (1, 0), (4, 0), (4, 1))),
)
_CHAR_OFFSETS = np.arange(-_PAD, _PAD + 1)[:, None]  # the offsets the character features read
_CODE_OFFSETS = np.arange(-1, 2)[:, None]  # and those the code features read
_WORD_CODE_LIST = ("S", "Bn", "Mn", "En", "Bw", "Mw", "Ew")
# a word code's character (_CODE_CHARS) -> its place in _WORD_CODE_LIST
_WORD_CODE_INDEX = np.zeros(128, dtype=np.intp)
for _i, _x in enumerate(_WORD_CODE_LIST):
    _WORD_CODE_INDEX[ord(_CODE_CHARS[_x])] = _i


# the codes of one position for tagging, k s c a g (see _codes), in one character
_K, _S, _C, _G = "CDNLPMO", "SstM-Ff", "TG-", "HML-"
_Q0 = 0xE000  # private-use characters, one per combination
_Q_START, _Q_END = chr(_Q0 + 7 * 7 * 3 * 3 * 4), chr(_Q0 + 7 * 7 * 3 * 3 * 4 + 1)  # the padding


# how far a combined code moves when one of its codes changes (from the - of the table)
_S_STEP = {x: i * 3 * 3 * 4 for i, x in enumerate(_S)}
_C_STEP = {x: (i - 2) * 3 * 4 for i, x in enumerate(_C)}
_A_STEP = {x: (i - 2) * 4 for i, x in enumerate(_C)}


def _q(k: str, s: str, c: str, a: str, g: str) -> str:
    return chr(_Q0 + (((_K.index(k) * 7 + _S.index(s)) * 3 + _C.index(c)) * 3 + _C.index(a)) * 4 + _G.index(g))


@lru_cache(maxsize=1)
def _q_tables() -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """A table over the Basic Multilingual Plane: each character's combined code with no cue
    (its class, surname and given-name codes); and each combined code as its five codes."""
    kt, st, gt = _code_tables()
    combined = {k + s + g: _q(k, s, "-", "-", g) for k in _K for s in _S for g in _G}
    table = list(map(combined.__getitem__, map(add, map(add, kt, st), gt)))
    decode = {_q(k, s, c, a, g): (k, s, c, a, g) for k in _K for s in _S for c in _C for a in _C for g in _G}
    decode[_Q_START], decode[_Q_END] = ("\x02",) * 5, ("\x03",) * 5
    return table, decode


class _Ids:
    """The model's attribute ids of every feature _features can make, as arrays: the ids of
    the features of one character by its index among the characters the model knows (0 for
    any other), of two characters by the pair of indices (sorted, for a binary search), of
    the codes by the codes they join (one axis each, flattened)."""

    def __init__(self, model):
        by_name: dict[str, dict[str, int]] = {}
        for i, a in enumerate(model.attributes):
            name, eq, value = a.partition("=")
            if eq:
                by_name.setdefault(name, {})[value] = i
        chars = sorted({ch for name, _ in _CHAR_FEATURES for v in by_name.get(name, ()) for ch in v})
        index = {ch: i + 1 for i, ch in enumerate(chars)}
        # every code point up to the highest known one (one more: the index of any beyond it)
        # (two bytes an index, as the tables of _code_arrays)
        self.char_index = np.zeros(max(map(ord, chars), default=0) + 2, dtype=np.uint16 if len(chars) < 65535 else np.intp)
        self.char_index[[ord(ch) for ch in chars]] = np.arange(1, len(chars) + 1)
        self.width = width = len(chars) + 1
        self.chars: list[tuple[tuple[int, ...], object]] = []
        for name, offsets in _CHAR_FEATURES:
            table = by_name.get(name, {})
            if len(offsets) == 1:
                ids = np.full(width, -1, dtype=np.intp)
                for v, i in table.items():
                    if len(v) == 1:
                        ids[index[v]] = i
                self.chars.append((offsets, ids))
            else:
                pairs = sorted((index[v[0]] * width + index[v[1]], i) for v, i in table.items() if len(v) == 2)
                keys = np.array([k for k, _ in pairs] + [width * width], dtype=np.intp)  # and one past all
                self.chars.append((offsets, (keys, np.array([i for _, i in pairs] + [-1], dtype=np.intp))))
        _, decode = _q_tables()
        alphabets = [sorted({codes[x] for codes in decode.values()}) for x in range(5)] + [list(_WORD_CODE_LIST)]
        # each combined code (less _Q0) -> its index in each alphabet
        self.parts = np.zeros((5, len(decode)), dtype=np.intp)
        for ch, codes in decode.items():
            for x in range(5):
                self.parts[x, ord(ch) - _Q0] = alphabets[x].index(codes[x])
        self.codes: list[tuple[tuple[tuple[int, int], ...], tuple[int, ...], np.ndarray]] = []
        for name, joined in _CODE_FEATURES:
            table = by_name.get(name, {})
            sizes = tuple(len(alphabets[x]) for x, _ in joined)
            ids = np.full(sizes, -1, dtype=np.intp)
            for at in np.ndindex(*sizes):
                ids[at] = table.get("".join(alphabets[x][j] for (x, _), j in zip(joined, at)), -1)
            self.codes.append((joined, sizes, ids.ravel()))
        self._fuse()

    def _fuse(self) -> None:
        """The tables of chars and codes joined, so that columns reads each kind of feature
        with a few array operations over all its features at once (a text's columns are made
        of some 200 positions: the number of operations, not their size, is their cost):
        the ids of the features of one character as one table, a row a feature; the pair
        keys of all features of two characters in one sorted array, each feature's keys
        moved past the last one's; and the code features as the parts they join, each
        feature's flat index a sum of parts times strides (a matrix product), into the ids
        of all code features laid one after another."""
        width = self.width
        singles = [(offsets, ids) for offsets, ids in self.chars if len(offsets) == 1]
        pairs = [(offsets, ids) for offsets, ids in self.chars if len(offsets) == 2]
        # (the single ones come first in _CHAR_FEATURES, as columns lays them out)
        assert [len(o) for o, _ in self.chars] == [1] * len(singles) + [2] * len(pairs)
        self.single_rows = np.array([[o[0] + _PAD] for o, _ in singles], dtype=np.intp)
        self.single_ids = np.stack([ids for _, ids in singles])
        self.single_of = np.arange(len(singles))[:, None]
        self.pair_rows = np.array([[o[0] + _PAD for o, _ in pairs], [o[1] + _PAD for o, _ in pairs]], dtype=np.intp)
        step = width * width + 1  # past every key of a feature and its "one past all"
        self.pair_shift = (np.arange(len(pairs), dtype=np.intp) * step)[:, None]
        self.pair_keys = np.concatenate([keys + f * step for f, (_, (keys, _)) in enumerate(pairs)])
        self.pair_found = np.concatenate([found for _, (_, found) in pairs])
        sources = sorted({(x, d) for joined, _, _ in self.codes for x, d in joined if x != 5})
        self.source_parts = np.array([[x] for x, _ in sources], dtype=np.intp)
        self.source_rows = np.array([d + 1 for _, d in sources], dtype=np.intp)  # rows of q's offsets -1..1
        column = {xd: j for j, xd in enumerate(sources)}
        strides = np.zeros((len(self.codes), len(sources) + 1), dtype=np.intp)  # the word code last
        base, shift = [], 0
        for f, (joined, sizes, ids) in enumerate(self.codes):
            for j, (x, d) in enumerate(joined):
                stride = int(np.prod(sizes[j + 1:], dtype=np.intp))
                if x == 5:
                    assert d == 0  # the word code is read at the position only
                strides[f, len(sources) if x == 5 else column[(x, d)]] += stride
            base.append(shift)
            shift += len(ids)
        self.code_strides = strides
        self.code_shift = np.array(base, dtype=np.intp)[:, None]
        self.code_ids = np.concatenate([ids for _, _, ids in self.codes])
        self.n_features = len(self.chars) + len(self.codes)
        del self.chars, self.codes  # (copied into the fused tables above)

    def columns(self, t: np.ndarray, q: np.ndarray, words: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """The attribute ids of each position of the stretches (all laid one after another), a
        row a feature (features, positions), in the order of _features; -1 where the model
        knows no such feature. `t` and `q` are the padded code points and combined codes of
        _tag_strings (arrays), `words` the word codes of the stretches (_word_code_chars).
        The characters and codes around each position are gathered once, a row an offset,
        and each kind of feature is read from them for all its features at once (_fuse)."""
        bounds = np.asarray(spans, dtype=np.intp).reshape(-1, 2)  # (a list of pairs, or _window_bounds)
        lo = bounds[:, 0]
        lens = bounds[:, 1] - lo
        total = int(lens.sum())
        before = np.cumsum(lens) - lens
        at = np.arange(total) + np.repeat(lo + _PAD - before, lens)  # positions in the padded strings
        # each position's character index at offsets -2..2 (row d + 2) and codes at -1..1 (d + 1)
        ci = self.char_index[np.minimum(t[at[None] + _CHAR_OFFSETS], len(self.char_index) - 1)].astype(np.intp)
        qv = q[at[None] + _CODE_OFFSETS]
        out = np.empty((self.n_features, total), dtype=np.intp)
        singles, pairs = len(self.single_rows), self.pair_rows.shape[1]
        out[:singles] = self.single_ids[self.single_of, ci[self.single_rows[:, 0]]]
        key = ci[self.pair_rows[0]] * self.width + ci[self.pair_rows[1]] + self.pair_shift
        k = np.searchsorted(self.pair_keys, key)
        out[singles:singles + pairs] = np.where(self.pair_keys[k] == key, self.pair_found[k], -1)
        parts = np.empty((len(self.source_rows) + 1, total), dtype=np.intp)
        parts[:-1] = self.parts[self.source_parts, qv[self.source_rows]]
        parts[-1] = _WORD_CODE_INDEX[np.frombuffer(words.encode("ascii"), dtype=np.uint8)]
        out[singles + pairs:] = self.code_ids[self.code_strides @ parts + self.code_shift]
        return out


@lru_cache(maxsize=1)
def _model():
    """The model read into arrays (kg.extract.crf), and its ids of every feature."""
    model = crf.read_model(str(resources.files("kg") / "data" / MODEL_NAME))
    return model, _Ids(model)


_BEYOND = 0x10000  # the table index of any character beyond the Basic Multilingual Plane


def _points(text: str) -> np.ndarray:
    """The code points of the text, one a character (a lone surrogate kept as itself)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


@lru_cache(maxsize=1)
def _code_arrays() -> tuple[np.ndarray, np.ndarray]:
    """The surname codes (as bytes) and the combined codes (less _Q0) of _code_tables and
    _q_tables as arrays over the Basic Multilingual Plane and one entry more for any character
    beyond it (coded O and -, as _codes codes it): a text is coded by one gather over its code
    points, not a str.translate a character at a time."""
    _, st, _ = _code_tables()
    qt, _ = _q_tables()
    s = np.frombuffer(("".join(st) + "-").encode("ascii"), dtype=np.uint8)
    # (two bytes a code: a text gathers from all over the table, and a small one stays in the
    # processor's cache between texts)
    q = np.array([ord(x) - _Q0 for x in qt] + [ord(_q("O", "-", "-", "-", "-")) - _Q0], dtype=np.uint16)
    return s, q


# how far a combined code moves when a cue (T, G or -, as a byte) ends before the position or
# starts at it, and when its surname code moves from the table's to a compound one's (F, f)
_C_SHIFT = np.zeros(128, dtype=np.intp)
_A_SHIFT = np.zeros(128, dtype=np.intp)
_S_SHIFT = np.zeros(128, dtype=np.intp)
for _x in _C:
    _C_SHIFT[ord(_x)], _A_SHIFT[ord(_x)] = _C_STEP[_x], _A_STEP[_x]
for _x in _S:
    _S_SHIFT[ord(_x)] = _S_STEP[_x]
_PAD_POINTS = (np.full(_PAD, 2, dtype="<u4"), np.full(_PAD, 3, dtype="<u4"))
_PAD_Q = (np.full(_PAD, ord(_Q_START) - _Q0, dtype=np.intp), np.full(_PAD, ord(_Q_END) - _Q0, dtype=np.intp))


def _tag_strings(text: str) -> tuple[np.ndarray, np.ndarray, str, str]:
    """For tagging: the code points of the padded text, the padded combined codes (_q, less
    _Q0) of each character as an array, and the surname and cue codes of _codes as strings
    (unpadded, for _windows). Coded with array gathers over the whole text; only the
    compound surnames and the cues found by pattern are set one match at a time."""
    _, _, compound, titles, nouns = _tables()
    s_table, q_table = _code_arrays()
    n = len(text)
    points = _points(text)
    at = np.minimum(points, _BEYOND)
    s = s_table[at]
    q = q_table[at].astype(np.intp)
    first = [m.start() for m in compound.finditer(text)]
    if first:
        f = np.array(first, dtype=np.intp)
        q[f] -= _S_SHIFT[s[f]]
        q[f + 1] -= _S_SHIFT[s[f + 1]]
        s[f], s[f + 1] = ord("F"), ord("f")
        q[f] += _S_STEP["F"]
        q[f + 1] += _S_STEP["f"]
    cue = np.full(n + 1, ord("-"), dtype=np.uint8)  # what ends before each position
    start = np.full(n, ord("-"), dtype=np.uint8)  # what starts at it
    for rx, code in ((nouns, ord("G")), (titles, ord("T"))):  # a title over a noun
        found = [m.span() for m in rx.finditer(text)]
        if found:
            a, b = np.array(found, dtype=np.intp).T
            cue[b] = start[a] = code
    q += _C_SHIFT[cue[:n]]
    q += _A_SHIFT[start]
    t = np.concatenate((_PAD_POINTS[0], points, _PAD_POINTS[1]))
    return t, np.concatenate((_PAD_Q[0], q, _PAD_Q[1])), s.tobytes().decode("ascii"), cue[:n].tobytes().decode("ascii")


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(resources.files("kg") / "data" / MODEL_NAME))
    return tagger


@lru_cache(maxsize=1)
def _trigger_rx() -> re.Pattern:
    # in the surname codes: a surname, two sound-spelling characters, a middle dot
    return re.compile(r"[SF]|[tSs][tSs]|[tSs]?M")


def _trigger_starts(s: np.ndarray) -> np.ndarray:
    """Where _trigger_rx's matches open in the surname codes (bytes), found as finditer finds
    them: a match of one code (S, F, M) or of two (t or s, then t S s or M); a match of two
    takes its second code, so in a run of positions that each open a match of two only every
    other one opens one (the first, the third...), and the position after such a run opens a
    match only if the run's last position was taken by the one before it."""
    n = len(s)
    kind = _TRIGGER_KIND[s]
    one = (kind & 1).astype(bool)
    two = np.zeros(n, dtype=bool)
    if n > 1:
        two[:-1] = (kind[:-1] & 2).astype(bool) & (kind[1:] & 4).astype(bool)
    pos = np.arange(n)
    # the opening of the run of twos each position is in (of the last one, for the rest)
    opens = two.copy()
    opens[1:] &= ~two[:-1]
    run = np.maximum.accumulate(np.where(opens, pos, 0))
    taken = np.zeros(n, dtype=bool)  # the second code of a match of two
    taken[1:] = two[:-1] & ((pos[:-1] - run[:-1]) % 2 == 0)
    return np.flatnonzero((one | two) & ~taken)


# each surname code (a byte): 1 a match of one code, 2 the first of a match of two, 4 its second
_TRIGGER_KIND = np.zeros(256, dtype=np.uint8)
for _x, _bit in (("SFM", 1), ("ts", 2), ("tSsM", 4)):
    _TRIGGER_KIND[[ord(y) for y in _x]] |= _bit
# each character of the plane (and any beyond it, the last): 1 it ends a clause (_CLAUSE_END),
# 2 a sentence (_SENT_END)
_END_KIND = np.zeros(_BEYOND + 1, dtype=np.uint8)
for _x, _bit in ((_CLAUSE_CHARS, 1), (_SENT_CHARS, 2)):
    _END_KIND[[ord(y) for y in _x]] |= _bit
_PAIR_KEY = 0x110000  # two code points as one number: the first times this, plus the second


@lru_cache(maxsize=4)
def _common_keys(common: frozenset) -> tuple[np.ndarray, frozenset]:
    """The common words of the segmenter (_Segmenter.common) of two characters as sorted pair
    keys, and those of one character."""
    two = sorted(ord(w[0]) * _PAIR_KEY + ord(w[1]) for w in common if len(w) == 2)
    return np.array(two, dtype=np.int64), frozenset(w for w in common if len(w) == 1)


def _windows(text: str, s: str, c: str) -> list[tuple[int, int]]:
    """Stretches of text worth tagging: from a little before a trigger to the punctuation that
    ends its clause (kept, as sentences end in training), merged, never across a sentence end
    (_window_bounds)."""
    return [tuple(x) for x in _window_bounds(text, s, c).tolist()]


_NO_WINDOWS = np.zeros((0, 2), dtype=np.intp)
_NO_WINDOWS.flags.writeable = False  # one array for every text without windows


def _window_bounds(text: str, s: str, c: str) -> np.ndarray:
    """The windows of _windows as an array (windows, 2) of their starts and ends. Found with
    arrays over the whole text (a trigger a time costs as much as the tagging): the
    triggers, the common words at them, each stretch's end, the merging and the cuts at
    sentence ends are each one pass."""
    n = len(text)
    if not n:
        return _NO_WINDOWS
    points = _points(text)
    trig = _trigger_starts(np.frombuffer(s.encode("ascii"), dtype=np.uint8))
    # 高度, 阿拉 (a common word opens there), 长江 (one ends there): no name opens here
    keys, ones = _common_keys(_segmenter().common)
    if len(trig) and len(keys):
        after = np.minimum(trig + 1, n - 1)  # (the last character: read alone below)
        opens = points[trig].astype(np.int64) * _PAIR_KEY + points[after]
        ends_at = points[np.maximum(trig - 1, 0)].astype(np.int64) * _PAIR_KEY + points[trig]
        both = np.concatenate((opens, ends_at))
        common = keys[np.minimum(np.searchsorted(keys, both), len(keys) - 1)] == both
        common[:len(trig)] &= trig + 1 < n
        common[len(trig):] &= trig > 0
        trig = trig[~(common[:len(trig)] | common[len(trig):])]
    if len(trig) and trig[-1] == n - 1 and text[-1] in ones:
        trig = trig[:-1]
    cues = np.flatnonzero(np.frombuffer(c.encode("ascii"), dtype=np.uint8) != ord("-"))
    starts = np.union1d(trig, cues)
    if not len(starts):
        return _NO_WINDOWS
    # each stretch: from _BEFORE before its start to the first clause end in the _AFTER
    # characters from it (kept), else _AFTER on
    end_kind = _END_KIND[np.minimum(points, _BEYOND)]
    ends = np.flatnonzero(end_kind & 1)
    lo = np.maximum(starts - _BEFORE, 0)
    hi = np.minimum(starts + _AFTER, n)
    if len(ends):
        e = np.searchsorted(ends, starts)
        found = e < len(ends)
        hi[found] = np.minimum(hi[found], ends[e[found]] + 1)
    # merged: a stretch that opens at or before the furthest end so far joins it
    reach = np.maximum.accumulate(hi)
    first = np.ones(len(lo), dtype=bool)
    first[1:] = lo[1:] > reach[:-1]
    heads = np.flatnonzero(first)
    lo, hi = lo[heads], np.maximum.reduceat(hi, heads)
    # cut after each sentence end inside a stretch
    cuts = np.flatnonzero(end_kind & 2) + 1
    w = np.searchsorted(lo, cuts, side="left") - 1  # the last stretch opening before each cut
    inner = cuts[(w >= 0) & (cuts < hi[np.maximum(w, 0)])]
    return np.stack((np.sort(np.concatenate((lo, inner))), np.sort(np.concatenate((inner, hi)))), axis=1)


_ROLL_MIN = 5  # a tagged Han stretch this long with no middle dot is read as names written together
_GIVEN_COST = {"H": 0.0, "M": 0.2, "L": 0.4}
_SURNAME_COST = {"S": 0.0, "F": 0.0, "s": 0.3}
# a piece that opens with no surname (a Tibetan or Uyghur name written among Han ones: 丹增,
# 热地): of two to four characters, dearer than any Han name, dearer the longer it is
_FREE_COST, _FREE_SIZE_COST, _FREE_SIZES = 2.6, 0.2, (2, 3, 4)


def _split_roll(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """A tagged stretch longer than a Han name (周文华李建国) as the names it is made of: the
    cheapest cut into pieces of a surname and one or two given characters (a compound surname
    and one or two), each given character costing by how rarely it is part of a given name;
    among Han names a piece may open with no surname (李建国丹增陈明), at a higher cost.
    A stretch that cannot be cut so (a middle dot), that the dictionary knows as one name,
    or that is mostly sound-spelling characters (a foreign name, 拉特纳帕拉) stays whole, or
    is only cut at surnames."""
    if hi - lo < _ROLL_MIN:
        return [(lo, hi)]
    piece = text[lo:hi]
    cls, s, _, _, g = _codes(piece)
    if cls.strip("CN"):
        return [(lo, hi)]
    _, tags = _jieba()
    if tags.get(piece, "")[:2] == "nr":  # one name of the dictionary (a foreign one, mostly)
        return [(lo, hi)]
    n = len(piece)
    sound = lexicons.load("transliteration_chars")
    free = 2 * sum(c in sound for c in piece) < n
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, -1)
    for i in range(n):
        if best[i] is None:
            continue
        for size in _FREE_SIZES if free else ():
            j = i + size
            if j > n:
                break
            cost = best[i][0] + _FREE_COST + _FREE_SIZE_COST * size + sum(_GIVEN_COST.get(x, 0.8) for x in g[i + 1:j])
            if tags.get(piece[i:j], "")[:2] == "nr":
                cost -= 0.5
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, i)
        if s[i] not in _SURNAME_COST:
            continue
        first = 2 if s[i] == "F" else 1
        for size in (first + 1, first + 2):
            j = i + size
            if j > n:
                break
            cost = best[i][0] + 1.0 + _SURNAME_COST[s[i]] + (0.15 if size == first + 1 else 0.0)
            cost += sum(_GIVEN_COST.get(x, 0.8) for x in g[i + first:j])
            if tags.get(piece[i:j], "")[:2] == "nr":  # a name of the dictionary
                cost -= 0.5
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, i)
    if best[n] is None:
        return [(lo, hi)]
    cuts, j = [], n
    while j > 0:
        i = best[j][1]
        cuts.append((lo + i, lo + j))
        j = i
    return cuts[::-1]


def _tag(text: str) -> list[tuple[int, list[int]]]:
    """(start, label ids) of each stretch the tagger reads in which it finds a name, the labels
    those of CRFsuite's tagger on the stretch's features (_features)."""
    t, q, s, c = _tag_strings(text)
    bounds = _window_bounds(text, s, c)
    if not len(bounds):
        return []
    model, ids = _model()
    lens = bounds[:, 1] - bounds[:, 0]
    labels = crf.viterbi(model, crf.state_scores(model, ids.columns(t, q, _word_code_chars(text, bounds), bounds)), lens)
    begin = model.labels.index("B-PER")
    ends = np.cumsum(lens)
    named = np.unique(np.searchsorted(ends, np.flatnonzero(labels == begin), side="right"))
    starts = bounds[:, 0].tolist()
    return [(starts[w], labels[ends[w] - lens[w]:ends[w]].tolist()) for w in named.tolist()]


def person_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person's name the tagger finds in the text."""
    if not text:
        return []
    model, _ = _model()
    begin, inside = model.labels.index("B-PER"), model.labels.index("I-PER")
    spans: list[tuple[int, int]] = []
    for lo, tags in _tag(text):
        start = -1
        for j, tag in enumerate(tags + [-1]):
            if tag == inside and start >= 0:
                continue
            if start >= 0:
                spans.extend(_split_roll(text, lo + start, lo + j))
                start = -1
            if tag == begin:
                start = j
    return _whole(text, _run_on(text, spans))


def _whole(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name cut short in one place (吉尔|日布) where the tagger reads it whole elsewhere in the
    text is read whole there too."""
    by_first: dict[str, list[str]] = {}
    for name in sorted({text[a:b] for a, b in spans}, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    out = []
    for a, b in spans:
        longer = next((n for n in by_first.get(text[a], ()) if len(n) > b - a and text.startswith(n, a)), None)
        out.append((a, a + len(longer)) if longer else (a, b))
    return out


_NOT_A_LAST = set("的了和与及同等为在是说对把被向从到也都还就又")


def _run_on(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Four-character names the tagger cuts to a Han name's three (Yi names such as 吉尔木呷 open
    with a Han surname): a three-character name that the same character follows wherever it
    is written, at least twice, gains that character, unless it is a function word (的, 在), a
    frequent verb (说, 讲), or opens a word (指出, 书记) or another name."""
    threes = {text[a:b] for a, b in spans if b - a == 3}
    if not threes:
        return spans
    starts = {a for a, _ in spans}  # 王建国|李明: another name opens there
    dt, tags = _jieba()
    _, _, _, titles, nouns = _tables()
    ends: dict[str, list[int]] = {}  # where each is written, one pass over the text
    if all(re.escape(x) == x for x in threes):
        for a, name in find_words(text, threes):
            ends.setdefault(name, []).append(a + 3)
    else:  # a sign that the pattern reads as more than itself
        for m in re.finditer("|".join(sorted(threes)), text):
            ends.setdefault(m.group(), []).append(m.end())
    longer = set()
    for name, where in ends.items():
        c = text[where[0]:where[0] + 1]
        if len(where) < 2 or any(text[e:e + 1] != c for e in where) or not "\u4e00" <= c <= "\u9fff" \
                or c in _NOT_A_LAST or tags.get(c, "")[:1] == "v" and dt.FREQ.get(c, 0) >= 1000:  # 王建国|讲
            continue
        if any(e in starts or dt.FREQ.get(text[e:e + 2], 0) > 0 or titles.match(text, e) or nouns.match(text, e)
               for e in where):
            continue
        longer.add(name)
    if not longer:
        return spans
    return [(a, b + 1) if text[a:b] in longer else (a, b) for a, b in spans]
