"""Person names found by a character CRF (kg/data/names.crfsuite, made by kg.extract.train_names).

Each character is described by itself and its neighbours, its class, whether it opens a surname,
whether a title or a noun such as 记者 ends right before it or starts right after it, how often
it is part of a given name among the names of jieba's dictionary, where it stands in jieba's
word and whether that word is a dictionary name. The features are built per text from a few
precomputed strings (one code a character), and only stretches that could hold a name are
tagged: a surname, two sound-spelling characters (阿拉, 克林), a middle dot, or a title ending
before them. Names written together (周文华李建国) are cut at their surnames; a name cut short
where the same characters always follow it (吉尔木|呷) or read whole elsewhere is made whole.

>>> person_spans("村民王小明说，今年收成好。")
[(2, 5)]
"""
from __future__ import annotations

import gc
import re
from collections import Counter
from math import log
from functools import lru_cache
from itertools import chain, repeat
from operator import add
from importlib import resources

from .. import lexicons
from .scan import find_words

__all__ = ["person_spans", "sequence_features", "MODEL_NAME", "LABELS"]

MODEL_NAME = "names.crfsuite"
LABELS = ("B-PER", "I-PER")
MIDDOT = "·•‧・"
_PAD = 2  # characters of context on each side of a position
_BEFORE, _AFTER = 1, 5  # a window opens this far before a trigger and closes this far after it
_COMMON = 300  # a dictionary word this frequent and not tagged as a name is read as a word
_SENT_END = re.compile(r"[。！？；\n]")
_CLAUSE_END = re.compile(r"[，。、；：！？\n“”（）《》]")


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
        self.routes: dict[str, list[int]] = {}  # a block -> its route
        # words of one or two characters as frequent as _COMMON and not tagged as names (高度, 长江)
        self.common = frozenset(w for w, f in dt.FREQ.items()
                                if len(w) <= 2 and f >= _COMMON and tags.get(w, "")[:2] != "nr")

    def _fill(self, frag: str) -> float | bool | None:
        if len(self.weight) >= _WEIGHTS_MAX:
            self.weight.clear()
        f = self.dt.FREQ.get(frag)
        w = self.weight[frag] = None if f is None else (log(f) - self.logtotal) if f else False
        return w

    def route(self, blk: str) -> list[int]:
        """jieba's best route through one block (Tokenizer.get_DAG and calc): the last character
        of the word that opens at each position. A block met before (a title, a name, a clause
        read for each name in it) is routed once; the list is only read by the callers."""
        got = self.routes.get(blk)
        if got is None:
            if len(self.routes) >= _ROUTES_MAX:
                self.routes.clear()
            got = self.routes[blk] = self._route(blk)
        return got

    def _route(self, blk: str) -> list[int]:
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

    def block(self, blk: str) -> list[str]:
        """The word codes of one block (jieba's __cut_DAG_NO_HMM)."""
        last = self.route(blk)
        n = len(blk)
        tags = self.tags
        codes: list[str] = []
        append, extend = codes.append, codes.extend
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
                    _add_word(codes, blk[run:x], tags)
                    run = -1
                append("S")
            else:
                if run >= 0:
                    _add_word(codes, blk[run:x], tags)
                    run = -1
                if y - x < len(_WORD_CODES):
                    extend((_NAME_CODES if tags.get(blk[x:y], "")[:2] == "nr" else _WORD_CODES)[y - x])
                else:
                    _add_word(codes, blk[x:y], tags)
            x = y
        if run >= 0:
            _add_word(codes, blk[run:], tags)
        return codes

    def codes(self, text: str) -> list[str]:
        """The word code of each character of the text, as jieba cuts it (HMM=False); a block
        met twice (a name, a title) is cut once."""
        out: list[str] = []
        seen: dict[str, list[str]] = {}
        for blk in _HAN_BLOCK.split(text):
            if not blk:
                continue
            if len(blk) == 1:  # one character: one word, or letters and digits of one
                out.append("S")
            elif _HAN_BLOCK.match(blk):
                got = seen.get(blk)
                if got is None:
                    got = seen[blk] = self.block(blk)
                out.extend(got)
            elif "\r\n" in blk:  # jieba reads \r\n as one word, every other character alone
                for x in re.split("(\r\n)", blk):
                    if x == "\r\n":
                        _add_word(out, x, self.tags)
                    else:
                        out.extend(["S"] * len(x))
            else:
                out.extend(["S"] * len(blk))
        return out


# the codes of a word of m characters (m >= 2), a dictionary name or another word
_NAME_CODES = [()] * 2 + [("Bn",) + ("Mn",) * (m - 2) + ("En",) for m in range(2, 64)]
_WORD_CODES = [()] * 2 + [("Bw",) + ("Mw",) * (m - 2) + ("Ew",) for m in range(2, 64)]


def _add_word(codes: list[str], w: str, tags: dict) -> None:
    m = len(w)
    if m == 1:
        codes.append("S")
        return
    kind = "n" if tags.get(w, "")[:2] == "nr" else "w"
    codes.append("B" + kind)
    codes.extend(["M" + kind] * (m - 2))
    codes.append("E" + kind)


_SEGMENTER: list[_Segmenter] = []


def _segmenter() -> _Segmenter:
    dt, tags = _jieba()
    if not _SEGMENTER or _SEGMENTER[0].total != dt.total:  # a word added to jieba since
        _SEGMENTER[:] = [_Segmenter(dt, tags)]
    return _SEGMENTER[0]


def _word_codes(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """For each stretch text[lo:hi]: where each character stands in jieba's word (B M E S, no
    HMM, so a name jieba does not know falls apart into single characters) and whether that
    word is a dictionary name (n) or another word (w). jieba reads two characters of context
    on each side; all stretches go through it in one call, a line each (jieba never joins
    words across a line break, so this is the same as one call a stretch, only faster)."""
    n = len(text)
    pieces, offsets, k = [], [], 0
    for lo, hi in spans:
        a, b = max(0, lo - 2), min(n, hi + 2)
        pieces.append(text[a:b])
        offsets.append(k + lo - a)
        k += b - a + 1
    codes = _segmenter().codes("\n".join(pieces))
    return [codes[o:o + hi - lo] for o, (lo, hi) in zip(offsets, spans)]


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


# each feature's name and the length of the value after its = (see _features)
_FEATURE_VALUES = {"u": (1,), "u-1": (1,), "u1": (1,), "u-2": (1,), "u2": (1,), "b-1": (2,), "b0": (2,),
                   "b-2": (2,), "b1": (2,), "k": (3,), "s": (3,), "s0": (2,), "c": (3,), "w": (1, 2),
                   "ws": (2, 3), "wc": (2, 3), "a": (1,), "g": (3,), "sg": (4,)}


@lru_cache(maxsize=1)
def _known() -> dict[str, dict[str, str]] | None:
    """The features the model knows, by name: value -> the feature's string. The tagger drops
    every feature its model does not know (most bigrams, many characters) before it tags, so
    a stretch tagged with only the known ones, in the same order, is tagged the same. None
    when the model's listing is not plainly whole (then every feature is passed)."""
    info = _tagger().info()
    attrs = info.attributes
    n = int(info.header.get("num_attrs", -1))
    if len(attrs) != n or sorted(int(x) for x in attrs.values()) != list(range(n)):
        return None
    out: dict[str, dict[str, str]] = {name: {} for name in _FEATURE_VALUES}
    for a in attrs:
        name, eq, value = a.partition("=")
        if not eq or name not in out or len(value) not in _FEATURE_VALUES[name]:
            return None
        out[name][value] = a
    return out


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


class _CodeFeatures(dict):
    """Three combined codes (before, at, after a position) and the position's word code -> the
    features of _features that come from codes (k s s0 c w ws wc a g sg), those the model knows."""

    def __init__(self, names: frozenset[str], decode: dict[str, tuple[str, ...]]):
        super().__init__()
        self.names, self.decode = names, decode

    def __missing__(self, key: str) -> tuple[str, ...]:
        (k0, s0, c0, _, g0), (k1, s1, c1, _, g1), (k2, s2, c2, a2, g2) = (self.decode[x] for x in key[:3])
        w = key[3:]
        feats = ("k=" + k0 + k1 + k2, "s=" + s0 + s1 + s2, "s0=" + s1 + c1, "c=" + c0 + c1 + c2, "w=" + w,
                 "ws=" + w + s1, "wc=" + w + c1, "a=" + a2, "g=" + g0 + g1 + g2, "sg=" + s0 + s1 + g1 + g2)
        out = self[key] = tuple(x for x in feats if x in self.names)
        return out


@lru_cache(maxsize=1)
def _code_features() -> _CodeFeatures:
    known = _known()
    return _CodeFeatures(frozenset(v for table in known.values() for v in table.values()), _q_tables()[1])


def _tag_strings(text: str) -> tuple[str, str, str, str]:
    """For tagging: the padded text, the padded combined codes (_q) of each character, and the
    surname and cue codes of _codes (unpadded, for _windows)."""
    _, _, compound, titles, nouns = _tables()
    _, st, _ = _code_tables()
    qt, _ = _q_tables()
    n = len(text)
    s = text.translate(st)
    q = text.translate(qt)
    if not s.isascii():  # a character beyond the Basic Multilingual Plane, left as it was
        s = re.sub(r"[^SstM]", "-", s)
        q = re.sub("[^\ue000-\uefff]", _q("O", "-", "-", "-", "-"), q)
    base = s
    fixed = set()
    sl = None
    for m in compound.finditer(text):
        sl = sl or list(s)
        sl[m.start()], sl[m.start() + 1] = "F", "f"
        fixed.update((m.start(), m.start() + 1))
    if sl:
        s = "".join(sl)
    cue = ["-"] * (n + 1)
    start = ["-"] * n
    for m in nouns.finditer(text):
        cue[m.end()] = start[m.start()] = "G"
        fixed.update((m.start(), m.end()))
    for m in titles.finditer(text):
        cue[m.end()] = start[m.start()] = "T"
        fixed.update((m.start(), m.end()))
    fixed.discard(n)
    if fixed:  # the codes that differ from the table's: a compound surname, a cue
        ql = list(q)
        for i in fixed:
            ql[i] = chr(ord(ql[i]) + _S_STEP[s[i]] - _S_STEP[base[i]] + _C_STEP[cue[i]] + _A_STEP[start[i]])
        q = "".join(ql)
    c = "".join(cue[:n])
    return "\x02" * _PAD + text + "\x03" * _PAD, _Q_START * _PAD + q + _Q_END * _PAD, s, c


def _known_features(t: str, q: str, words: list[list[str]], spans: list[tuple[int, int]],
                    known: dict[str, dict[str, str]]) -> list[list[tuple[str, ...]]]:
    """The features of _features that the model knows, in the same order, for tagging: those of
    the characters looked up by their values in the model's own list (no string is made for
    one it does not know), a column at a time over all the stretches of the text; those of
    the codes, by the combined codes around each position and its word code."""
    def cat(x: str, d: int) -> str:
        return "".join([x[lo + _PAD + d:hi + _PAD + d] for lo, hi in spans])

    tm2, tm1, t0, t1, t2 = (cat(t, d) for d in (-2, -1, 0, 1, 2))
    w = [x for ws in words for x in ws]
    f = {name: table.get for name, table in known.items()}
    chars = (
        map(f["u"], t0), map(f["u-1"], tm1), map(f["u1"], t1), map(f["u-2"], tm2), map(f["u2"], t2),
        map(f["b-1"], map(add, tm1, t0)), map(f["b0"], map(add, t0, t1)),
        map(f["b-2"], map(add, tm2, tm1)), map(f["b1"], map(add, t1, t2)),
    )
    keys = map(add, map(add, map(add, cat(q, -1), cat(q, 0)), cat(q, 1)), w)
    rows = list(map(add, map(tuple, map(filter, repeat(None), zip(*chars))), map(_code_features().__getitem__, keys)))
    out, o = [], 0
    for lo, hi in spans:
        out.append(rows[o:o + hi - lo])
        o += hi - lo
    return out


def _tagged_stretches(text: str) -> list[tuple[int, int, list[tuple[str, ...]]]]:
    """sequence_features as the tagger reads them: only the features its model knows."""
    known = _known()
    if known is None:
        return sequence_features(text)
    t, q, s, c = _tag_strings(text)
    spans = _windows(text, s, c)
    feats = _known_features(t, q, _word_codes(text, spans), spans, known)
    return [(lo, hi, f) for (lo, hi), f in zip(spans, feats)]


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


def _windows(text: str, s: str, c: str) -> list[tuple[int, int]]:
    """Stretches of text worth tagging: from a little before a trigger to the punctuation that
    ends its clause (kept, as sentences end in training), merged, never across a sentence end."""
    n = len(text)
    common = _segmenter().common
    starts = []
    for m in _trigger_rx().finditer(s):
        p = m.start()
        # 高度, 阿拉 (a common word opens there), 长江 (one ends there): no name opens here
        if text[p:p + 2] in common or p and text[p - 1:p + 1] in common:
            continue
        starts.append(p)
    starts += [m.start() for m in re.finditer(r"[TG]", c) if m.start() < n]
    starts.sort()
    spans: list[tuple[int, int]] = []
    for p in starts:
        lo = max(0, p - _BEFORE)
        m = _CLAUSE_END.search(text, p, min(n, p + _AFTER))
        hi = m.end() if m else min(n, p + _AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    out = []
    for lo, hi in spans:
        for m in _SENT_END.finditer(text, lo, hi):
            if m.end() > lo:
                out.append((lo, m.end()))
            lo = m.end()
        if hi > lo:
            out.append((lo, hi))
    return out


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


def person_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person's name the tagger finds in the text."""
    if not text:
        return []
    tagger = _tagger()
    spans: list[tuple[int, int]] = []
    # the feature lists are many small acyclic objects: the cycle collector only slows their making
    enabled = gc.isenabled()
    gc.disable()
    try:
        stretches = _tagged_stretches(text)
    finally:
        if enabled:
            gc.enable()
    for lo, _, feats in stretches:
        tags = tagger.tag(feats)
        if "B-PER" not in tags:  # most stretches hold no name
            continue
        start = -1
        for j, tag in enumerate(tags + ["O"]):
            if tag == "I-PER" and start >= 0:
                continue
            if start >= 0:
                spans.extend(_split_roll(text, lo + start, lo + j))
                start = -1
            if tag == "B-PER":
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
