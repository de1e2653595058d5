"""Text as extracted from PDF -> clean text, keeping a map back to source offsets.

Each step is a small pure function ``Mapped -> Mapped``; :func:`clean_line` chains the
in-line steps and :func:`join_lines` re-joins the lines that layout broke.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "Mapped", "Line", "fullwidth_to_ascii", "remove_junk", "remove_stray_spaces",
    "ascii_punct_to_cjk", "clean_line", "join_lines", "normalize", "is_cjk", "Para", "paragraphs",
    "BREAK", "OPENS", "runs_on",
]

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation that may touch a stray space: the space is layout, not content.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·"
# A line ending in one of these ends a sentence; anything else was broken by the layout.
TERMINAL = "。！？；…"
CLOSERS = "”’）》」』"


def is_cjk(ch: str) -> bool:
    return bool(ch) and re.match(f"[{CJK}]", ch) is not None


def _latin(ch: str) -> bool:
    """A Latin letter or digit (a space or a comma between two of them is kept)."""
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True)
class Mapped:
    """A string with, for each character, its offset in the source text."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str, base: int = 0) -> "Mapped":
        return cls(text, tuple(range(base, base + len(text))))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, s: slice) -> "Mapped":
        return Mapped(self.text[s], self.offsets[s])

    def __add__(self, other: "Mapped") -> "Mapped":
        return Mapped(self.text + other.text, self.offsets + other.offsets)

    def sub(self, pattern: str | re.Pattern, repl: str | Callable[[re.Match], str]) -> "Mapped":
        """re.sub that keeps offsets: a same-length replacement maps char to char, any other
        maps every new character to the start of what it replaced."""
        rx = _compiled(pattern) if isinstance(pattern, str) else pattern
        if not rx.search(self.text):
            return self  # most lines need most steps not at all
        # a replacement with no group reference is itself: not parsed again at every match
        plain = repl if isinstance(repl, str) and "\\" not in repl else None
        out: list[str] = []
        offs: list[int] = []
        pos = 0
        for m in rx.finditer(self.text):
            out.append(self.text[pos:m.start()])
            offs.extend(self.offsets[pos:m.start()])
            new = repl(m) if callable(repl) else plain if plain is not None else m.expand(repl)
            if len(new) == m.end() - m.start():
                offs.extend(self.offsets[m.start():m.end()])
            else:
                anchor = self.offsets[m.start()] if m.start() < len(self.offsets) else (
                    self.offsets[-1] + 1 if self.offsets else 0)
                offs.extend([anchor] * len(new))
            out.append(new)
            pos = m.end()
        out.append(self.text[pos:])
        offs.extend(self.offsets[pos:])
        return Mapped("".join(out), tuple(offs))


_COMPILED: dict[str, re.Pattern] = {}


def _compiled(pattern: str) -> re.Pattern:
    """re.compile, kept: re's own cache is shared with every other pattern and costs a lookup
    by type and flags at each call (a line goes through every step)."""
    rx = _COMPILED.get(pattern)
    if rx is None:
        rx = _COMPILED[pattern] = re.compile(pattern)
    return rx


def _fw(ch: str) -> str:
    return chr(ord(ch) - 0xFEE0)


def fullwidth_to_ascii(t: Mapped) -> Mapped:
    """Full-width digits and Latin letters (７月２３日, ＰＰＴ) to ASCII; U+3000 to a space.

    Full-width punctuation stays: it is the genre's own punctuation.
    """
    # one character for one: the offsets stay as they are
    text = t.text.translate(_FULLWIDTH)
    return t if text == t.text else Mapped(text, t.offsets)


_FULLWIDTH = {c: _fw(chr(c)) for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0xFF0E, 0xFF0E),
                                            (0xFF05, 0xFF05)) for c in range(lo, hi + 1)}
_FULLWIDTH.update({c: " " for c in (0x3000, 0x00A0, *range(0x2002, 0x200B))})


_JUNK = re.compile(
    "[\ufffd\ufeff\u200b-\u200f\u2028\u2029\u2060-\u206f\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def remove_junk(t: Mapped) -> Mapped:
    """Drop U+FFFD, zero-width and control characters and private-use glyphs of PDF fonts."""
    return t.sub(_JUNK, "")


_STRAY = re.compile(r"[ \t]+")


def remove_stray_spaces(t: Mapped) -> Mapped:
    """Remove spaces inside Chinese text (7 月 23 日 -> 7月23日, 胡 友涛 -> 胡友涛);
    keep one space between two Latin words or numbers (COVID 19)."""

    def keep(m: re.Match) -> str:
        s = m.string
        before = s[m.start() - 1] if m.start() else ""
        after = s[m.end()] if m.end() < len(s) else ""
        return " " if _latin(before) and _latin(after) else ""

    return t.sub(_STRAY, keep)


_ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}


def ascii_punct_to_cjk(t: Mapped) -> Mapped:
    """ASCII , : ; ? ! ( ) . next to Chinese text become their Chinese forms, so that rules
    written for 全角 punctuation also read web text typed with ASCII punctuation.
    Between digits (1,000 or 10:30) they stay, also where a line breaks the number (2.|56, 9|.5)."""

    def fix(m: re.Match) -> str:
        s, i = m.string, m.start()
        before = s[i - 1] if i else ""
        after = s[i + 1] if i + 1 < len(s) else ""
        if (_latin(before) or not before) and (_latin(after) or not after) and (before or after):
            return m.group()
        if is_cjk(before) or is_cjk(after) or before in CJK_PUNCT or after in CJK_PUNCT:
            return _ASCII_PUNCT[m.group()]
        return m.group()

    return t.sub(r"[,:;?!().]", fix)


LINE_STEPS: tuple[Callable[[Mapped], Mapped], ...] = (
    fullwidth_to_ascii,
    remove_junk,
    remove_stray_spaces,
    ascii_punct_to_cjk,
)


# every character that one of LINE_STEPS replaces or reads (full-width letters and digits,
# wide spaces, junk, spaces and tabs, ASCII punctuation): a line with none of them is clean
_STEPS_READ = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff05\u3000\u00a0\u2002-\u200a \t,:;?!().]|"
                         + _JUNK.pattern)


def clean_line(t: Mapped) -> Mapped:
    """All in-line steps, in order."""
    if not _STEPS_READ.search(t.text):
        return t  # most lines of Chinese text: no step changes them
    for step in LINE_STEPS:
        t = step(t)
    return t


@dataclass(frozen=True)
class Line:
    """One cleaned line of the page; `indented` when it opened with an indent (spaces,
    U+3000 or the junk glyphs PDF extraction leaves for one), `blank_before` when one or
    more empty lines stood above it."""

    text: Mapped
    indented: bool = False
    blank_before: bool = False
    width: int = 0  # characters the line took in the source, junk glyphs and spaces included


_INDENT = re.compile(r"^(?:[\ufffd\u3000]+|[ \t\u00a0]{2,})")


def split_lines(raw: str, base: int = 0) -> list[Line]:
    """Split raw text into cleaned, non-empty lines, noting indents and blank lines."""
    lines: list[Line] = []
    pos = 0
    blank = False
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        cleaned = clean_line(Mapped.of(body, base + pos))
        pos += len(chunk)
        if not cleaned.text.strip():
            blank = True
            continue
        lines.append(Line(cleaned, bool(_INDENT.match(body)), blank, len(body.strip())))
        blank = False
    return lines


# a note in brackets after the last sentence of a paragraph: 。（记者 王芳）, 。（县政府办）
_NOTE_AFTER_END = re.compile(rf"[{TERMINAL}][”’]?[（(][^（）()。]{{1,40}}[）)]$")


def _ends_sentence(s: str) -> bool:
    if _NOTE_AFTER_END.search(s):
        return True
    s = s.rstrip(CLOSERS)
    return bool(s) and s[-1] in TERMINAL


def _column_band(lines: Sequence[Line], column: int) -> tuple[float, float]:
    """The widths of a full line of the column, (narrowest, widest): a line narrower or wider
    stands out of it (the last line of a paragraph, a title or subhead set whole). A line
    inside a paragraph (it goes on in the next, neither blank-set nor indented, and ends no
    sentence) fills the column: the narrowest and widest of them but a few tell the band;
    else four fifths of the typical width and no upper bound."""
    full = sorted(a.width for a, b in zip(lines, lines[1:])
                  if not (b.blank_before or b.indented or _ends_sentence(a.text.text)))
    if len(full) < _MIN_LINES_FOR_WIDTH:
        return column * 0.8, float("inf")
    few = len(full) // 20
    return min(full[few], column), max(full[-1 - few], column)


def _typical_width(lines: Sequence[Line], raw: bool = False) -> int:
    widths = sorted((x.width if raw else len(x.text)) for x in lines)
    return widths[int(len(widths) * 0.75)] if widths else 0


@dataclass(frozen=True)
class Para:
    """A paragraph re-joined from its lines."""

    text: Mapped
    lines: tuple[Line, ...]


BREAK, OPENS = 1, 2  # what `opens` may say of a line

# What no headline ends with: a clause left open.
_OPEN_END = "，、：；（“《‘,"
# Fewer lines than this tell no column width.
_MIN_LINES_FOR_WIDTH = 8
_TITLE_MAX = 48
_TITLE_LAST_LINE = 0.6  # of the column: the last line of a title with a comma, at the top
_SHORT_LINE = 0.8  # of the column, and short of its narrowest full line: a paragraph's last line


def _title_block(s: str, strict: bool = True) -> bool:
    """Could this run of text be a title: short, no clause left open, no date (7月23日上午，…
    opens a story, not a headline), and (`strict`) no sentence end inside?"""
    return (0 < len(s) <= _TITLE_MAX and not re.search(f"[{TERMINAL if strict else '。；'}]", s[:-1])
            and s[-1] not in _OPEN_END and not re.search(r"\d{1,2}月\d{1,2}[日号]", s))


_CONTINUES = "，、。；：？！）”’》"
# a story's first clause telling its day (5月6日，/ 5月6日上午，/ 近日，)
_DAY_OPENING = re.compile(r"(?:\d{1,2}月\d{1,2}[日号]|近日|日前|昨天|昨日|今天|今日|连日来|近期)[^，。；：]{0,4}，")


def _day_after_a_blank(line: Line) -> bool:
    """A blank line above a story's first clause telling its day (||5月6日，县委…): the title
    above it has ended, though it holds a comma and fills its line."""
    return line.blank_before and bool(_DAY_OPENING.match(line.text.text))


def runs_on(before: str, after: str) -> bool:
    """Does the text go on across a line break, whatever the blank line between says: the next
    line opens with punctuation that closes a clause, or a word runs over the break (县委常|委会,
    调研农|村). A title ends where a word does."""
    if not before or not after or after[0] in _CONTINUES:
        return bool(after) and after[0] in _CONTINUES
    if not (is_cjk(before[-1]) and is_cjk(after[0])):
        return False  # digits and letters run on by their own rules (a date, a time)
    a, b = before[-_WORD_PROBE:], after[:_WORD_PROBE]
    from .extract.names import _jieba  # quiet jieba, which the name tagger loads anyway

    jieba, _ = _jieba()
    pos = 0
    for w in jieba.lcut(a + b, HMM=False):
        if pos < len(a) < pos + len(w):
            return True
        pos += len(w)
    return False


_WORD_PROBE = 6


def paragraphs(lines: Sequence[Line], opens: Callable[[int], bool] | None = None) -> list[Para]:
    """Re-join lines into paragraphs.

    A line that ends a sentence ends its paragraph when the next line is indented or set off
    by a blank line, or when it is clearly shorter than the column (the last line of a
    paragraph). Text that has one paragraph a line (web pages) has no full column, so every
    line stands alone. In a page laid out in columns, a line that does not end a sentence
    goes on in the next line when it fills the column, even across a blank line (a column
    break: 王卫|东 and 文明城||市 come out whole, for a column breaks after a full line); a
    line above a blank line that is short of every full line of the column (a subhead's
    last, a title, a byline) ends its paragraph, and so does a title-like run set off by a
    blank line at the top of the page, or one wider than any line of the column (set whole).
    With too few lines to tell the column, such a line always goes on. `opens(k)` says that
    line k starts a paragraph whatever the layout: BREAK (after a photo caption) or OPENS (a
    lead such as 本报讯, a byline: it runs on until its sentence ends), else 0.
    """
    if not lines:
        return []
    n = len(lines)
    width = _typical_width(lines)
    broken = sum(not _ends_sentence(x.text.text) for x in lines)
    # lines of web text are paragraphs, titles and subheads; a page in columns has no such width
    one_per_line = width > 40 and broken <= max(1, n * 2 // 5)
    if not one_per_line:
        # a web page whose menus, bylines and notes outnumber its paragraphs: its long lines,
        # wider than any column, end their sentences
        long = [x for x in lines if len(x.text) > _TITLE_MAX]
        broken_long = sum(not _ends_sentence(x.text.text) for x in long)
        if long and broken_long <= len(long) * 2 // 5:
            one_per_line = True
            width = _typical_width(long)
    column = _typical_width(lines, raw=True)
    narrowest, widest = _column_band(lines, column)
    # blank lines set paragraphs off unless most of them fall inside a sentence (a page broken
    # twice over: each line of a PDF column laid out again); a page with few blank lines for
    # its lines (long paragraphs, many subheads) sets paragraphs off with them all the same
    after_blank = [a for a, b in zip(lines, lines[1:]) if b.blank_before]
    blanks_set_off = (len(after_blank) <= n // 3
                      or sum(not _ends_sentence(a.text.text) for a in after_blank) <= len(after_blank) * 3 // 4)
    trusted = n >= _MIN_LINES_FOR_WIDTH and not one_per_line
    paras: list[Para] = []
    cur_lines: list[Line] = [lines[0]]
    cur = lines[0].text
    body_started = False
    opened = opens is not None and opens(0) == OPENS  # a lead or byline runs on until it is done
    for k in range(1, n):
        prev, line = lines[k - 1], lines[k]
        if opens is not None and opens(k):
            new_para = True
        elif _ends_sentence(cur.text):  # cur, not the line: a closing quote may stand alone (…。|”)
            # a paragraph opens with no closing mark (…谢谢啦！|”); its last line is short of the column
            new_para = line.text.text[0] not in CLOSERS and (
                one_per_line or line.indented or line.blank_before
                or (prev.width < narrowest if trusted else len(prev.text) < width * 0.8))
        elif one_per_line:
            new_para = line.indented or line.blank_before or len(prev.text) < width * 0.8
        elif not trusted:
            # a title above a lead (标题|王建国主持|新华社…电), above an indented or set-off
            # paragraph, or above one that opens with its day (标题|5月6日，…); else the line goes on
            new_para = (not body_started and not opened and _title_block(prev.text.text)
                        and ("，" not in prev.text.text or _day_after_a_blank(line))
                        and not runs_on(prev.text.text, line.text.text)
                        and (opens is not None and any(opens(j) for j in range(k, min(k + 3, n)))
                             or line.indented or line.blank_before or bool(_DAY_OPENING.match(line.text.text))))
        elif line.indented:
            new_para = True
        else:
            off_column = not narrowest <= prev.width <= widest  # short, or set whole
            block = cur.text.strip()
            if (not opened and line.blank_before and blanks_set_off
                    and prev.width < min(narrowest, column * _SHORT_LINE)
                    and not runs_on(prev.text.text, line.text.text)):
                # a line short of every full line of the column above a blank line ends its
                # paragraph, a title however long (…引发强烈反|响||正文…): a column breaks
                # after a full line
                new_para = True
            elif opened or not _title_block(block, strict=body_started) or not (off_column or line.blank_before):
                new_para = False
            elif not body_started:  # the titles at the top of the page
                # a title with a comma ends in a line clearly short of the column (a line a
                # little short is a column's own; 县委书记…会议，传达学习|全市… goes on)
                clause = re.search(f"[，{TERMINAL}]", block)
                # (whatever its width where a blank line parts it from a story's day: 标题，…||5月6日，)
                # or wider than any line of it (set whole)
                new_para = (((prev.width < column * _TITLE_LAST_LINE or prev.width > widest) and off_column
                             if clause else True)
                            or clause is not None and _day_after_a_blank(line)) \
                    and not runs_on(prev.text.text, line.text.text)
            else:  # titles further down: above the lead of their item, or a subhead set off
                # (with a clause, its last line wider than the column or clearly short of it)
                subhead = (off_column and line.blank_before and blanks_set_off
                           and ("，" not in block or not column * _TITLE_LAST_LINE <= prev.width <= widest)
                           and not runs_on(prev.text.text, line.text.text))
                new_para = subhead or opens is not None and any(opens(j) for j in range(k, min(k + 4, n)))
        if new_para:
            paras.append(Para(cur, tuple(cur_lines)))
            body_started = body_started or not _title_block(cur.text.strip())
            cur, cur_lines = line.text, [line]
            opened = opens is not None and opens(k) == OPENS
        else:
            cur = cur + line.text
            cur_lines.append(line)
    paras.append(Para(cur, tuple(cur_lines)))
    out = []
    for p in paras:
        t = p.text.sub(r"^\s+|\s+$", "")
        if t.text:
            out.append(Para(t, p.lines))
    return out


def join_lines(lines: Sequence[Line], opens: Callable[[int], bool] | None = None) -> list[Mapped]:
    """The paragraphs of :func:`paragraphs`, as text."""
    return [p.text for p in paragraphs(lines, opens)]


def normalize(raw: str) -> str:
    """Convenience: the clean paragraphs of a raw text, one a line."""
    return "\n".join(p.text for p in join_lines(split_lines(raw)))
