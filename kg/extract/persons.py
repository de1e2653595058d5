"""Person mentions: names the tagger finds, titles before names, 、 lists, group words, and
later mentions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from ..normalize import CJK
from .names import (CANDIDACY, STANDINGS, _NUMERALS, _common_word, _ends_name, after_named_title, joined_to_next, known_word, minority_name_at, name_at, name_seen_elsewhere,
                    plausible_name, tagged_name, title_head, titles_before)
from .ner import MIDDOT, person_spans
from .scan import find_words

__all__ = ["Mention", "find_mentions"]


@dataclass(frozen=True)
class Mention:
    name: str
    start: int  # where the name starts in the text
    end: int
    titles: tuple[str, ...] = ()
    span_start: int = -1  # where the titles start (the whole "区长胡友涛")

    @property
    def left(self) -> int:
        return self.span_start if self.span_start >= 0 else self.start


@lru_cache(maxsize=1)
def _heads_rx() -> re.Pattern:
    # the class of first characters up front lets the search skip where no head can start (a
    # look-ahead alone is tried at every character)
    first = "".join(sorted({w[0] for w in lexicons.load("title_heads")}))
    first += "".join(w[0] for w in STANDINGS)
    return re.compile(f"(?=[{re.escape(first)}])(?=({'|'.join(STANDINGS)}|(?:{lexicons.alternation('title_heads')}){CANDIDACY}?))")


@lru_cache(maxsize=1)
def _group_rx() -> re.Pattern:
    """Words before a name or a list of names that give no title: 区领导, 村民, 负责人."""
    return re.compile(f"(?:{lexicons.alternation('group_words', 'role_words')})")


@lru_cache(maxsize=1)
def _bare_list_rx() -> re.Pattern:
    # 刘一鸣、万强、卢建国出席会议: names with no title before an attendance verb
    item = f"[{CJK}·]{{2,6}}?"
    verbs = lexicons.alternation("attend_verbs")
    return re.compile(f"(?<![{CJK}])({item}(?:、{item})+)(?:等(?:同志|人)?)?(?:分别|一同|也|还)?(?:{verbs})")


@lru_cache(maxsize=1)
def _cue_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('title_heads', 'person_nouns', 'group_words', 'role_words')})$")


def _cue_before(text: str, a: int) -> bool:
    """A title or a word for a kind of person ends right before text[a] (教练|孙立明, 记者|钱海洋):
    the tagger's name there is read as one after a title."""
    return bool(_cue_rx().search(text, max(0, a - 8), a))


def _beside_a_listed_name(text: str, a: int, b: int, tagged: dict[int, int]) -> bool:
    """A 、 alone parts text[a:b] from another name the tagger finds, one that reads as a name
    with nothing before it (孙立明、王森林等人): the list gives the evidence a title gives to a
    name of two or three characters."""
    if b - a > 3:
        return False
    if text[b:b + 1] == "、" and b + 1 in tagged and tagged_name(text[b + 1:tagged[b + 1]]):
        return True
    return a > 1 and text[a - 1] == "、" and any(
        tagged.get(s) == a - 1 and tagged_name(text[s:a - 1]) for s in range(max(0, a - 6), a - 2))


def _in_a_roll(text: str, a: int, b: int, tagged: dict[int, int], both: bool = False) -> bool:
    """text[a:b] is written together with other names the tagger finds, in a roll of names
    with no separator (王建军李春华丹增陈明, a note such as （女） after one): a name of two or
    three characters reading as one with nothing before it ends right before it or starts
    right after it (both sides when `both`); the other side a name, a note, or the end of the
    clause."""
    def named(x: int, y: int) -> bool:
        return 2 <= y - x <= 3 and tagged_name(text[x:y])

    left = any(tagged.get(x) == a and named(x, a) for x in range(max(0, a - 3), a - 1))
    if not left and a and text[a - 1] == "）":  # 李春华（女）丹增
        k = text.rfind("（", max(0, a - 8), a)
        left = k > 0 and any(tagged.get(x) == k and named(x, k) for x in range(max(0, k - 3), k - 1))
    right = b in tagged and named(b, tagged[b])
    if both or not (left or right):
        return left and right
    return (left or a == 0 or text[a - 1] in _ROLL_OPENS) and (right or b >= len(text) or text[b] in _ROLL_ENDS)


_ROLL_OPENS = set("：，。；、）\n")
_ROLL_ENDS = set("（，。；、\n")
_NOT_IN_ROLL = set("了的啦吗呢吧这并着不和与及或等在是")


def _surnamed(s: str) -> bool:
    """A Han name's shape: a surname and one or two characters (a compound surname and one
    or two), none of them a function word."""
    sur = lexicons.load("surnames")
    return (2 <= len(s) <= 3 and s[0] in sur or len(s) in (3, 4) and s[:2] in sur) \
        and bool(_HAN_RUN.fullmatch(s)) and not _NOT_IN_ROLL.intersection(s)


_HAN_RUN = re.compile(f"[{CJK}]+")


@lru_cache(maxsize=1)
def _speech_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('speech_verbs', 'directive_cues')})[，：:]")


def _speaker_at_clause_start(text: str, a: int, b: int) -> bool:
    """The tagger's name opens a sentence and a cue verb and its comma follow it (。孙立明说，):
    the subject of what is said, read as a name after a title."""
    return (a == 0 or text[a - 1] in "。！？\n”") and _speech_rx().match(text, b) is not None


def _subject_at_clause_start(text: str, a: int, b: int) -> bool:
    """A surname and a given name that is also a word (谭|建国) open a clause after its break
    and a follower word ends them (，谭建国对…表示欢迎): the clause's subject, read as a name
    after a title. (一张|图片 opens no clause; 张图片 has no follower after it.)"""
    return b - a == 3 and (a == 0 or text[a - 1] in "，。；！？\n") and plausible_name(text[a:b]) \
        and not _common_word(text[a + 1:b], _GIVEN_WORD_MAX) and _follower_rx_match(text, b)


_JOINING = set("和及与同、")
_GIVEN_WORD_MAX = 5000  # a given name that is a word is no word this frequent (建国, 建华; not 图片, 会议)


def _follower_rx_match(text: str, b: int) -> bool:
    from .names import _follower_rx
    return _follower_rx().match(text, b) is not None


def _runs_on(text: str, start: int, i: int) -> bool:
    """The title head text[start:i] runs on into a longer word (委员|会, 主席|台, 书记|处):
    what follows it is no name."""
    return any(_common_word(text[start:i + k], 1) for k in (1, 2) if i + k <= len(text))


_SURE = 0.95  # the tagger's least marginal over a name's characters for a word of the dictionary
_PROPER_TAGS = ("ns", "nz", "t")  # a place's or a thing's proper name, a time word (a name read as one)


def _sure_proper_word(text: str, a: int, b: int) -> bool:
    """A word of jieba's dictionary that it reads as a proper name of another kind (a place,
    a time) and that the tagger, very sure of it, reads as a person's name: a name that the
    dictionary holds under another tag. Read only next to a title or in a list of names."""
    from . import ner
    from .names import tokens

    word = text[a:b]
    if len(tokens(word)) != 1 or not tokens(word)[0][1].startswith(_PROPER_TAGS):
        return False
    return _tagger_belief(text, a, b) >= _SURE


def _spelt_by_sound(name: str) -> bool:
    """Every character one of those that spell foreign names by sound (海因兹, 阿依古丽)."""
    chars = lexicons.load("transliteration_chars")
    return all(c in chars or c in MIDDOT for c in name)


def _tagger_belief(text: str, a: int, b: int) -> float:
    """How sure the tagger is, at the least, that text[a:b] is one name: the smallest of its
    marginals for B-PER at a and I-PER after it, read in the sentence."""
    from . import ner

    lo = max(text.rfind(c, 0, a) for c in "。！？；\n") + 1
    m = re.compile(r"[。！？；\n]").search(text, b)
    hi = m.end() if m else len(text)
    tagger = ner._tagger()
    for s0, e0, feats in ner.sequence_features(text[lo:hi]):
        if s0 <= a - lo and b - lo <= e0:
            tagger.set(feats)
            j = a - lo - s0
            probs = [tagger.marginal("B-PER", j)] + [tagger.marginal("I-PER", j + k) for k in range(1, b - a)]
            return min(probs)
    return 0.0


# the tagger's least belief in a name with no Han surname after a title (扎西, 巴特尔 are read
# with far more; words after a title that the tagger sees as no name, with far less)
_BELIEF_OF_A_NAME_UNSURNAMED = 0.05
_NUMBER = _NUMERALS | set("0123456789百千万")  # what may stand right before a measure word
# words that stand between a name and what follows it, never at the end of a given name
_FUNCTION_TAIL = set("也都就还把被给等及")


def _counted_thing(text: str, a: int) -> bool:
    """A surname that is also a measure word (张, 台, 家), right after a number or after
    itself, counts things (几百张表格, 一张张): no name opens there."""
    from .names import tokens

    return (a > 0 and (text[a - 1] in _NUMBER or text[a - 1] == text[a])
            and tokens(text[a])[0][1] == "q")


def _without_function_tail(text: str, a: int, b: int, tagged: dict[int, int] | None = None) -> int:
    """The end of a three-character tagged name that runs on into a function word (王明|从,
    李红|也): the word after the name is not the end of its given name."""
    if b - a == 3 and text[b - 1] in _FUNCTION_TAIL and plausible_name(text[a:b - 1]):
        return b - 1
    if joined_to_next(text, a, b, tagged):  # 李明和|王刚
        return b - 1
    return b


def _tagged_inside(name: str, i: int, tagged: dict[int, int]) -> bool:
    """The tagger's name starts inside the one read at i and ends where it ends (部长|官孙立成,
    副总理|兼财政部长卡洛斯·门德斯): the words before the tagger's name are no part of it."""
    end = i + len(name)
    return i not in tagged and any(tagged.get(j) == end for j in range(i + 1, end - 1))


_CLAUSE_STOP = re.compile(r"[，。；：！？、\n“”《》（）()]")


def _clause_tokens(text: str, a: int) -> tuple[int, list[tuple[str, str]]]:
    """jieba's words for the clause holding text[a] (where it starts, the words)."""
    lo = a
    while lo > 0 and not _CLAUSE_STOP.match(text[lo - 1]) and a - lo < 30:
        lo -= 1
    m = _CLAUSE_STOP.search(text, a, a + 30)
    hi = m.start() if m else min(len(text), a + 30)
    from .names import tokens

    return lo, tokens(text[lo:hi])


def _word_reading(text: str, a: int, b: int, adverb: bool = True) -> bool:
    """Whether the clause reads text[a:b] as part of a longer common word (高峰|期, 高峰|论坛: a
    word of jieba's that is no name) or as the verb after an adverb of two characters (不断|安抚):
    no name stands there."""
    lo, toks = _clause_tokens(text, a)
    pos = lo
    prev = None
    for word, tag in toks:
        end = pos + len(word)
        if pos == a and end > b and not tag.startswith(("nr", "nz")) and len(word) <= 4:
            return True
        if adverb and pos == a and prev is not None and len(prev[0]) >= 2 and prev[1] in ("d", "ad"):
            return True
        if pos >= b:
            break
        prev = (word, tag)
        pos = end
    return False


def _written_again(text: str, i: int, name: str) -> bool:
    """The page writes the name another time, a follower word or punctuation ending it there
    too (主任宝音朝克图出席 … 宝音朝克图指出): evidence a tagger unsure of a name it never saw
    lacks."""
    if len(name) < 3:
        return False  # (院长还没|到 … ，还没|有: two characters make a word as often as a name)
    j = text.find(name)
    while j >= 0:
        if j != i and _ends_name(text, j + len(name)) and (j == 0 or not _HAN.match(text[j - 1])
                                                            or _cue_before(text, j)):
            return True
        j = text.find(name, j + 1)
    return False


_HAN = re.compile(f"[{CJK}]")


def _loose_word(text: str, a: int, b: int) -> bool:
    """A word of two characters of jieba's dictionary, after a word for a group of people
    and not a title, that no follower word or punctuation ends and the page writes nowhere
    else as a name (干部辛勤|付出, 村民包里|装着): a word of the clause, though the dictionary
    tags it as a name."""
    return b - a == 2 and known_word(text[a:b]) and not _ends_name(text, b) and not _written_again(text, a, text[a:b])


@lru_cache(maxsize=1)
def _title_cue_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('title_heads')})$")


# what may stand right before a name written before the head of its title (省委王某书记,
# 听取了王某主席所作的报告, 向王某书记汇报): a break, the end of an organisation's name, or a
# particle or preposition
_BEFORE_NAMED_HEAD = set("委府了和与向对由请及为")


_HEAD_PREFIXES = ("", "副", "常务副", "总")


def _name_before_head(cand: str, head: str) -> bool:
    """A name and the head of a title after it (侯某|主席, 赵某|书记): a plausible name whose
    first two characters are no frequent word (常务|副县长), not the end of a place or an
    office (徐汇区|区长, 扶贫办|主任)."""
    heads = lexicons.load("title_heads")
    return any(head.startswith(p) and head[len(p):] in heads for p in _HEAD_PREFIXES) and plausible_name(cand) \
        and not _common_word(cand[:2], _FREQUENT_OPENING) and cand[-1] not in lexicons.load("place_suffixes") \
        and cand[-1] not in "办所局站队委院处科室厅"


_FREQUENT_OPENING = 100


def _names_before_heads(text: str, heads: list[tuple[int, int]], out: dict[int, "Mention"],
                        tagged: dict[int, int]) -> None:
    """A name written before the head of its title (旗委赵某书记的讲话, 侯某主席所作的报告): the
    tagger may miss a name there, and no title stands before it."""
    for start, end in heads:
        for k in (3, 2, 4):
            a = start - k
            if a < 0:
                continue
            if any(m.left <= a < m.end or a <= m.left < start for m in out.values()):
                break
            left = text[a - 1] if a > 0 else ""
            if left and _HAN.match(left) and left not in _BEFORE_NAMED_HEAD:
                continue
            cand = text[a:start]
            # (two characters only where the tagger reads a name: 陆军|司令 is no name)
            if (tagged.get(a) == start or tagged.get(a) is None and k > 2) and _name_before_head(cand, text[start:end]) \
                    and not _runs_on(text, start, end) and not _word_reading(text, a, start):
                out[a] = Mention(cand, a, start)
                break


def _titled_at(text: str, i: int, tagged: dict[int, int], floor: int = 0) -> Mention | None:
    """A mention whose name starts at i, with the titles written before it: a Han name (the
    tagger's or a surname and a follower), or after a title a name with no Han surname."""
    name = name_at(text, i, tagged)
    titles = titles_before(text, i, floor) if name or i < len(text) else []
    if not name and titles and i in tagged and _sure_proper_word(text, i, tagged[i]):
        name = text[i:tagged[i]]  # 秘书长|安南
    if name and titles and not _ends_name(text, i + len(name)) and not plausible_name(name):
        # the tagger stopped inside a name with no Han surname (副旗长乌兰|其其格出席): the
        # longer one that a follower word ends wins
        longer = minority_name_at(text, i)
        # (a word that opens where the tagger stops confirms its end: 姆班加维|准将)
        if longer and len(longer) > len(name) and longer.startswith(name) \
                and not known_word(text[i + len(name):i + len(name) + 2]):
            name = longer
    if not name and titles:
        name = minority_name_at(text, i) or name_seen_elsewhere(text, i)
        if name and not _spelt_by_sound(name) and _tagger_belief(text, i, i + len(name)) < _BELIEF_OF_A_NAME_UNSURNAMED \
                and not _written_again(text, i, name):
            name = None  # 县委书记|负总责, 会长|期存在: no surname, no sound spelling, no name the tagger sees
    if not name or _tagged_inside(name, i, tagged) or titles and _word_reading(text, i, i + len(name), adverb=False):
        return None  # (部长|高峰论坛: the title's head before a word that opens like a name)
    left = i - len("、".join(titles)) if titles else -1
    return Mention(name, i, i + len(name), tuple(titles), left)


def _item_at(text: str, i: int, tagged: dict[int, int]) -> Mention | None:
    """One item of a 、 list: a titled name (、副区长王艳) or a bare name."""
    for j in range(i, min(len(text), i + 25)):
        if text[j] in "、，。；：！？\n":
            break
        h = _heads_rx().match(text, j)
        if h and name_at(text, j + len(h.group(1)), tagged):
            return _titled_at(text, j + len(h.group(1)), tagged)
    name = name_at(text, i, tagged)
    if not name:
        # a name with no Han surname among the names of a list (孙某、乌兰其其格、周某等): the
        # whole item, when the tagger sees a name there or the page writes it again
        name = minority_name_at(text, i)
        if name and not (text[i + len(name):i + len(name) + 1] in ("、", "等", "和", "及")
                         and (_spelt_by_sound(name) or _written_again(text, i, name)
                              or _tagger_belief(text, i, i + len(name)) >= _BELIEF_OF_A_NAME_UNSURNAMED)):
            name = None
    return Mention(name, i, i + len(name)) if name else None


def _continue_list(text: str, first: Mention, out: dict[int, Mention], tagged: dict[int, int]) -> None:
    """Follow a 、 (or final 和/及) list after a mention; a title before the first name
    belongs to the bare names after it (县委常委A、B、C)."""
    prev = first
    while prev.end < len(text):
        sep = text[prev.end]
        if sep == "、":
            nxt = _item_at(text, prev.end + 1, tagged)
        elif sep in "和及" and prev.end + 1 < len(text):
            nxt = name_at(text, prev.end + 1, tagged)
            nxt = Mention(nxt, prev.end + 1, prev.end + 1 + len(nxt)) if nxt else None
        else:
            break
        if nxt is None:
            break
        if not nxt.titles and first.titles:
            nxt = Mention(nxt.name, nxt.start, nxt.end, first.titles, -1)
        out.setdefault(nxt.start, nxt)
        prev = nxt


def _surname(name: str) -> str:
    return name[:2] if name[:2] in lexicons.load("surnames") else name[:1]


def _add_short_forms(text: str, out: dict[int, Mention]) -> None:
    """王书记, 刘县长: a surname and the head of a title the article gave a person stands for
    that person, when no other titled person shares the surname and head."""
    forms: dict[str, set[str]] = {}
    for m in out.values():
        for t in m.titles:
            head = title_head(t)
            if not head:
                continue
            for head in {head, head.removeprefix("副")}:
                forms.setdefault(_surname(m.name) + head, set()).add(m.name)
    forms = {k: v.pop() for k, v in forms.items() if len(v) == 1}
    if not forms:
        return
    taken = [(m.left, m.end) for m in out.values()]
    for a, form in find_words(text, forms):
        if any(s <= a < e for s, e in taken):
            continue
        out.setdefault(a, Mention(forms[form], a, a + len(form)))


def _covered(n: int, spans) -> bytearray:
    """A byte a character, 1 where one of the spans covers it (one lookup, not a scan of all
    the mentions: an article may name hundreds of people)."""
    out = bytearray(n + 1)
    for s, e in spans:
        out[s:e] = b"\x01" * (e - s)
    return out


_ITEM_END = re.compile(r"[、，。；：！？\n]")


_LIST_GAP = 2  # characters (quotes aside) between a name and the 、 of the list it is an item of


def _near_a_stop(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] stands next to a 、 of its item, or no more than _LIST_GAP characters
    from one (“王建|一轮”、): a name further inside its item is part of a clause."""
    left = text[max(0, a - _LIST_GAP - 2):a].replace("“", "").replace("”", "")
    right = text[b:b + _LIST_GAP + 2].replace("“", "").replace("”", "")
    return "、" in left[-_LIST_GAP - 1:] and not _ENUMERATOR.search(text[max(0, a - _LIST_GAP - 5):a]) \
        or "、" in right[:_LIST_GAP + 1]


# 三、免去…: the number of a heading or an item, no list
_ENUMERATOR = re.compile(f"(?:^|[\n。；：])[一二三四五六七八九十\\d]{{1,3}}、[{CJK}]{{0,{_LIST_GAP}}}$")


def _list_agrees(text: str, a: int, b: int, tagged: dict[int, int]) -> bool:
    """A name in an item of a 、 list stands next to another item holding a name: in
    为民、惠民、靠民 or 以周保月、以月保季 the items around it hold no names, so neither does it.
    A name further inside its item (全面、深入地研究王建国的著作) is the subject or object of a
    clause there, and the items around it say nothing of it."""
    if not _near_a_stop(text, a, b):
        return True
    lo = a
    while lo > 0 and not _ITEM_END.match(text[lo - 1]) and a - lo < 20:
        lo -= 1
    m = _ITEM_END.search(text, b, b + 20)
    hi = m.start() if m else -1
    neighbours = []
    if lo > 0 and text[lo - 1] == "、":
        p = lo - 1
        while p > 0 and not _ITEM_END.match(text[p - 1]) and lo - p < 20:
            p -= 1
        neighbours.append((p, lo - 1))
    if hi >= 0 and text[hi] == "、":
        m2 = _ITEM_END.search(text, hi + 1, hi + 21)
        neighbours.append((hi + 1, m2.start() if m2 else hi + 21))
    if not neighbours:
        return True
    return any(x in tagged or name_at(text, x) for s_, e in neighbours for x in range(s_, e))


# where a list of people may open: a clause break, a 、, or a word for people (县领导)
_LIST_OPENS = set("，。；：！？\n、")


def _names_before_a_titled_one(text: str, out: dict[int, Mention], tagged: dict[int, int]) -> None:
    """A name with no title joined by 及 or 和 to a titled one (李某及副县长王某出席): the
    list makes it a person as a title would, when it opens its clause or follows a word for
    people (县领导李某及…) and reads as a name (not 领导及副县长王某)."""
    for m in list(out.values()):
        if not m.titles or m.left < 3 or text[m.left - 1] not in "及和":
            continue
        j = m.left - 1
        for n in (3, 2, 4):
            a = j - n
            ran_on = out.get(a)  # a name read there that runs on into the 及 (县领导李某及)
            if ran_on is not None and (ran_on.titles or ran_on.end != j + 1 or not plausible_name(text[a:j])):
                ran_on = None
            if a < 0 or any(x is not ran_on and (x.left <= a < x.end or a <= x.left < j) for x in out.values()):
                continue
            opens = a == 0 or text[a - 1] in _LIST_OPENS or _group_rx().search(text, max(0, a - 6), a) is not None \
                and _group_rx().search(text, max(0, a - 6), a).end() == a
            if opens and plausible_name(text[a:j]) and not (a in tagged and tagged[a] > j + 1):
                out[a] = Mention(text[a:j], a, j, (), ran_on.span_start if ran_on else -1)
                break


@lru_cache(maxsize=1)
def _places_list_end_rx() -> re.Pattern:
    """The rest of a 、 list of places from the end of one item: more items, then 等 and a
    word for the kind of place (…、侯集、保和等乡镇看望…, …、上港等社区考察), the list's end
    or a visit's verb after it."""
    verbs = lexicons.alternation("inspection_verbs", "site_verbs")
    return re.compile(f"(?:[、和及][{CJK}]{{1,10}}?)*等(?:乡镇|乡|镇|村|社区|街道|县区|县|区|市|省|地|处|景区)"
                      f"(?:[，。；！？、\n]|的|$|{verbs})")


def _in_a_list_of_places(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is an item of a 、 list that closes on 等 and a kind of place (…到A、B、
    C等社区调研): its items are places, though the tagger reads one as a name."""
    if not (a > 0 and text[a - 1] == "、" or text[b:b + 1] in ("、", "等")):
        return False
    return _places_list_end_rx().match(text, b) is not None


def find_mentions(text: str) -> list[Mention]:
    """All person mentions in a text, in order, each with the titles written before it.

    A name once found (with a title, in a list, after a group word) is also found where it
    stands alone later (刘德君指出), and 王书记 stands for the 书记 named 王.
    """
    out: dict[int, Mention] = {}
    tagged = dict(person_spans(text))
    heads = [(m.start(), m.start() + len(m.group(1))) for m in _heads_rx().finditer(text)]
    inside = _covered(len(text), ((s + 1, e) for s, e in heads))  # 支书|记: within 书记
    for start, i in heads:
        if i in out or inside[i] or _runs_on(text, start, i):
            continue
        # a title starts after the name before it and the word that joins the two (副县长孙立和|…)
        floor = max((m.end for m in out.values() if m.end <= start), default=0)
        if floor and text[floor:floor + 1] in _JOINING:
            floor += 1
        mention = _titled_at(text, i, tagged, floor)
        if mention and mention.titles:
            out[i] = mention
            _continue_list(text, mention, out, tagged)
    for g in _group_rx().finditer(text):
        i = g.end()
        if i in out or (i < len(text) and text[i] in "、，"):
            continue
        name = name_at(text, i, tagged)
        if name and _loose_word(text, i, i + len(name)):
            continue
        if name:
            # the span opens at the group word, so 村民王某说 reads 王某 as the clause's subject
            mention = Mention(name, i, i + len(name), (), g.start())
            out[i] = mention
            _continue_list(text, mention, out, tagged)
    for b in _bare_list_rx().finditer(text):
        spans = []
        pos = b.start(1)
        for item in b.group(1).split("、"):
            spans.append((pos, item))
            pos += len(item) + 1
        # the first item may carry a title or a group word before the name: keep its tail
        start, first = spans[0]
        k = 0 if plausible_name(first) else next(
            (k for k in range(1, len(first) - 1) if name_at(text, start + k, tagged) == first[k:]), None)
        if k is None:
            continue
        spans[0] = (start + k, first[k:])
        if all(plausible_name(item) for _, item in spans):
            for p, item in spans:
                # a titled name already read there wins (副县长孙丽、周强: not 长孙丽)
                if not any(m.left <= p < m.end or p <= m.start < p + len(item) for m in out.values()):
                    out.setdefault(p, Mention(item, p, p + len(item)))
    _names_before_a_titled_one(text, out, tagged)
    _names_before_heads(text, heads, out, tagged)
    taken = _covered(len(text), ((m.left, m.end) for m in out.values()))
    known = sorted({m.name for m in out.values()}, key=len, reverse=True)
    for a, b in tagged.items():  # everyone else the tagger finds in running text
        # a name in a roll of names: its neighbours are the evidence a title gives (a name
        # between two names may be a common word: 王建军高峰李春华)
        both = _in_a_roll(text, a, b, tagged, both=True)
        if a not in out and not any(taken[a:b]) and not joined_to_next(text, a, b, tagged) \
                and _in_a_roll(text, a, b, tagged) \
                and (tagged_name(text[a:b], titled=True) or both and _surnamed(text[a:b])) \
                and not after_named_title(text, a) and (both or not _word_reading(text, a, b)):
            out[a] = Mention(text[a:b], a, b)
            continue
        if _counted_thing(text, a):
            continue
        b = _without_function_tail(text, a, b, tagged)
        cued = a not in out and (_cue_before(text, a) or _beside_a_listed_name(text, a, b, tagged)
                                 or _speaker_at_clause_start(text, a, b) or _subject_at_clause_start(text, a, b))
        if a not in out and _word_reading(text, a, b, adverb=not cued):
            continue
        # a dictionary word after a group word or as an item of a 、 list (坚守岗位、辛勤|付出)
        if a not in out and (cued or "、" in (text[a - 1:a], text[b:b + 1])) \
                and not _title_cue_rx().search(text, max(0, a - 8), a) and _loose_word(text, a, b):
            continue
        if a not in out and not any(taken[a:b]) and (tagged_name(text[a:b], titled=cued)
                                                      or cued and _sure_proper_word(text, a, b)) \
                and (cued or _list_agrees(text, a, b, tagged) and not _in_a_list_of_places(text, a, b)) \
                and not after_named_title(text, a):
            # a name read with a title or in a list wins where the tagger stops short (谭家|球说)
            name = next((k for k in known if len(k) > b - a and text.startswith(k, a)), text[a:b])
            out[a] = Mention(name, a, a + len(name))
    _add_short_forms(text, out)
    if out:  # later mentions of the names found
        taken = _covered(len(text), ((m.start, m.end) for m in out.values()))
        for a, name in find_words(text, {m.name for m in out.values()}):
            if not taken[a]:
                out.setdefault(a, Mention(name, a, a + len(name)))
    return sorted(out.values(), key=lambda m: m.start)
