"""Pages printed in traditional characters: read in simplified, told in the page's own.

The rules, cue verbs and word lists of extraction are written in simplified characters. A
page in traditional characters (區委書記王建國主持召開會議) is therefore converted to simplified
before it is read, by a conversion that keeps every character where it was: the converted
page has the length of the source, so every offset into one is an offset into the other.
The facts read from it are then given back in the page's own characters (`Script.restore`):
a string read from an article's body is that stretch of the body as printed; a string
found nowhere on the page (a name the rules put together, such as 赴X调研) takes, character
by character, the form the page uses for it.

OpenCC (its t2s conversion, phrases first) does the converting. A phrase that changes
length is read character by character instead. A page counts as traditional when enough
of its Chinese characters are ones t2s changes; any other page is read as it is, unchanged.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from .models import Evidence, Facts, Person, Responsibility
from .normalize import CJK

__all__ = ["is_traditional", "to_simplified", "simplified_probe", "Script", "page_script"]

# Chinese characters (the unified block, extension A, compatibility ideographs: normalize.CJK)
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_CJK_RUN = re.compile(f"[{CJK}]+")
_CJK_CHAR = re.compile(f"[{CJK}]")
# Quotation marks of traditional typesetting, read as the ones the rules know (one for one).
_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’", "﹁": "“", "﹂": "”", "﹃": "‘", "﹄": "’"}

# A page is traditional when at least this many of its characters, and this share of its
# Chinese characters, are ones t2s changes. Running text in traditional characters has a
# quarter or more of them; a page in simplified characters has a few at most (a name in old
# characters, a compatibility ideograph of a PDF font, 乾 of a place name).
MIN_CHANGED = 8
MIN_SHARE = 0.08
# A story in traditional characters inside a page of simplified menus and notes: a stretch
# of the page (CHUNK characters, with at least 40 Chinese ones; the stretches overlap by
# half) with this share of them. No stretch of a simplified page has a tenth.
CHUNK = 100
MIN_CHUNK_SHARE = 0.2


def _all_cjk() -> str:
    return "".join(chr(i) for a, b in _CJK_RANGES for i in range(a, b + 1))


@lru_cache(maxsize=None)
def _converter(config: str):
    try:
        import opencc
    except ImportError:  # without OpenCC every page is read as it is
        return None
    try:
        return opencc.OpenCC(config)
    except Exception:
        return None


@lru_cache(maxsize=None)
def _char_table(config: str) -> dict[int, str]:
    """ord -> the one character `config` makes of that character alone (only those it changes,
    and only where it gives exactly one character)."""
    conv = _converter(config)
    if conv is None:
        return {}
    chars = _all_cjk()
    out = conv.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # should not happen: then convert one by one
        out = [conv.convert(c) for c in chars]
    return {ord(a): b for a, b in zip(chars, out) if b != a and len(b) == 1}


@lru_cache(maxsize=1)
def _changed_rx() -> re.Pattern | None:
    """One character that t2s changes (a character class: finding them all is cheap)."""
    table = _char_table("t2s")
    if not table:
        return None
    return re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(table)) + "]")


def is_traditional(text: str) -> bool:
    """Is this page printed in traditional characters (see MIN_CHANGED, MIN_SHARE), or does
    it hold a story printed in them (MIN_CHUNK_SHARE)? The whole page is then converted: what
    it prints in simplified characters t2s leaves as it is, or gives back by its offsets."""
    rx = _changed_rx()
    if rx is None:
        return False
    changed = len(rx.findall(text))
    if changed < MIN_CHANGED:
        return False
    if changed >= MIN_SHARE * len(_CJK_CHAR.findall(text)):
        return True
    for k in range(0, len(text), CHUNK // 2):
        chunk = text[k:k + CHUNK]
        cjk = len(_CJK_CHAR.findall(chunk))
        if cjk >= 40 and len(rx.findall(chunk)) >= MIN_CHUNK_SHARE * cjk:
            return True
    return False


def _aligned(src: str, out: str, table: dict[int, str]) -> bool:
    """Does `out` convert `src` character for character: each one kept, or a character that
    t2s changes made into one character?"""
    if len(out) != len(src):
        return False
    for a, b in zip(src, out):
        if a != b and ord(a) not in table:
            return False
    return True


def to_simplified(text: str) -> str:
    """`text` in simplified characters, of the same length, each character where it was:
    OpenCC's t2s with its phrases (顯著 -> 显著, 乾淨 -> 干净, 乾隆 kept), a run of Chinese
    characters whose phrases change its length converted character by character, and the
    quotation marks 「」『』 as “”‘’. Without OpenCC the text comes back as it is."""
    conv = _converter("t2s")
    table = _char_table("t2s")
    if conv is None or not table:
        return text
    try:
        out = conv.convert(text)
    except Exception:
        out = ""
    if not _aligned(text, out, table):
        parts: list[str] = []
        pos = 0
        for m in _CJK_RUN.finditer(text):
            parts.append(text[pos:m.start()])
            run = m.group()
            try:
                c = conv.convert(run)
            except Exception:
                c = ""
            parts.append(c if _aligned(run, c, table) else run.translate(table))
            pos = m.end()
        parts.append(text[pos:])
        out = "".join(parts)
    if any(q in out for q in _QUOTES):
        out = out.translate(str.maketrans(_QUOTES))
    return out


def simplified_probe(s: str) -> str:
    """`s` with each character t2s changes in simplified (character by character, the same
    length): for reading a string written in either script with rules in simplified, then
    slicing the string itself where they matched."""
    rx = _changed_rx()
    if rx is None or not rx.search(s):
        return s
    return s.translate(_char_table("t2s"))


class Script:
    """A page in traditional characters: its source, the same page in simplified characters
    (what extraction reads), and the way back for the facts read from it."""

    def __init__(self, source: str, simple: str):
        assert len(source) == len(simple)
        self.source = source
        self.simple = simple
        self._inverse: dict[str, str] | None = None
        self._flat: tuple[str, str] | None = None

    def inverse(self) -> dict[str, str]:
        """simplified character -> the character the page mostly prints for it (only those
        the conversion changed somewhere on the page)."""
        if self._inverse is None:
            pairs = Counter(zip(self.simple, self.source))
            changed = {a for (a, b) in pairs if a != b}
            best: dict[str, tuple[int, str]] = {}
            for (a, b), n in pairs.items():
                if a in changed and (a not in best or n > best[a][0]):
                    best[a] = (n, b)
            self._inverse = {a: b for a, (_, b) in best.items() if b != a}
        return self._inverse

    def flat(self) -> tuple[str, str]:
        """Every line of the page cleaned as extraction cleans it, run together (headlines,
        bylines and datelines are read from these), in simplified and as printed."""
        if self._flat is None:
            from .normalize import split_lines

            simple, printed = [], []
            for line in split_lines(self.simple):
                simple.append(line.text.text)
                printed.append(self._printed(line.text.text, line.text.offsets))
            self._flat = ("".join(simple), "".join(printed))
        return self._flat

    def _printed(self, text: str, offsets) -> str:
        """A cleaned text as the page prints it: each character that is the (converted)
        source character at its offset becomes that source character; one that cleaning
        made (a paragraph break, an ASCII comma made Chinese) stays."""
        if len(offsets) != len(text):
            return "".join(self._by_char(text))
        n = len(self.simple)
        simple, source = self.simple, self.source
        return "".join(source[o] if 0 <= o < n and simple[o] == c else c for c, o in zip(text, offsets))

    def _by_char(self, s: str):
        inv = self.inverse()
        s2t = _char_table("s2t")
        for c in s:
            yield inv.get(c) or s2t.get(ord(c), c)

    def restore(self, facts: Facts) -> Facts:
        """The facts of an article read from the simplified page, in the page's characters."""
        a = facts.article
        body = self._printed(a.body, a.offsets)
        cache: dict[str, str] = {}

        def r(s: str) -> str:
            if not s:
                return s
            if s in cache:
                return cache[s]
            i = a.body.find(s)
            if i >= 0:
                out = body[i:i + len(s)]
            else:
                flat, printed = self.flat()
                j = flat.find(s)
                out = printed[j:j + len(s)] if j >= 0 else "".join(self._by_char(s))
            cache[s] = out
            return out

        def rs(xs):
            return tuple(r(x) for x in xs)

        def ev(e: Evidence | None) -> Evidence | None:
            return None if e is None else replace(e, sentence=r(e.sentence))

        article = replace(a, headline=r(a.headline), kicker=r(a.kicker), body=body, subtitle=r(a.subtitle),
                          dateline=r(a.dateline), reporters=rs(a.reporters), correspondents=rs(a.correspondents))
        persons = tuple(Person(r(p.name), rs(p.titles), ev(p.evidence)) for p in facts.persons)
        events = tuple(replace(e, name=r(e.name), chair=r(e.chair) if e.chair else e.chair,
                               attendees=rs(e.attendees), sites=rs(e.sites), evidence=ev(e.evidence),
                               trigger=r(e.trigger), attendee_evidence=tuple(ev(x) for x in e.attendee_evidence),
                               co_chairs=rs(e.co_chairs)) for e in facts.events)
        directives = tuple(replace(d, speaker=r(d.speaker) if d.speaker else d.speaker, cue=r(d.cue), text=r(d.text),
                                   projects=rs(d.projects), evidence=ev(d.evidence)) for d in facts.directives)
        resp = tuple(Responsibility(r(x.person), r(x.project), x.basis, ev(x.evidence))
                     for x in facts.responsibilities)
        return replace(facts, article=article, persons=persons, events=events, directives=directives,
                       projects=rs(facts.projects), responsibilities=resp)


def page_script(text: str) -> Script | None:
    """A Script for a page in traditional characters, None for any other page (read as it is).
    Never raises: a page that cannot be converted is read as it is."""
    try:
        if not is_traditional(text):
            return None
        simple = to_simplified(text)
    except Exception:
        return None
    if len(simple) != len(text):
        return None
    return Script(text, simple)
