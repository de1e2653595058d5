"""Where a person's name starts and ends, and the titles written before it."""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from .. import lexicons
from ..normalize import CJK

__all__ = ["name_at", "plausible_name", "titles_before", "tokens", "known_word", "is_title",
           "title_head", "tagged_name", "minority_name_at", "joined_to_next"]

# jieba tags that end a title on its left: a preposition, conjunction, adverb, particle, time
# word or idiom (贯彻落实|市长, 要落实好|市委书记); verbs may be part of an organisation's
# name (联合参谋部), except those in the title_breakers lexicon.
# (pronouns, place words and adjectives of two characters stay: 健康教育中心主任,
# 各界扶贫促进会会长, 香港中联办秘书长)
_STOP_TAGS = {"p", "c", "d", "u", "uj", "ul", "uz", "ug", "ud", "uv", "t", "tg", "i", "ad", "y", "e", "o"}
# a name ends where one of these words starts (胡友涛|主持, 刘丽|暗访, 王艳|传达)
_FOLLOWER_LEXICONS = ("name_followers", "inspection_verbs", "attend_verbs", "directive_cues",
                      "speech_verbs", "site_verbs")
_COMMON_FREQ = 30  # a dictionary word this frequent and not tagged as a name is no name
_VERY_COMMON = 1000  # ... and a given name is no word this frequent
_OPENING_WORD = 3000  # ... and a name opens with no word this frequent (高兴地, 黄金周)
_VERB_OPENING = 1000  # ... nor with a verb, adverb or adjective this frequent (展示了, 马上就)
_MIDDOT = "·•‧・"
# characters that end a clause or tie words together and are no part of a name: a span holding
# one has run on past the name (展示了, 谢谢啦, 的某某, 贺信并); 地 only ends no Han name of three
# characters (高兴地; the sound-spelt 甘地 stays)
_NOT_IN_NAME = set("了的啦吗呢吧这并着不")
_COUNTED = re.compile("(?:多|几|数|[一二三四五六七八九十两]+)(?:位|名|个|批)")
_NUMERALS = set("一二三四五六七八九十两几")
_FREQUENT_CHAR = 35000  # a character this frequent as a word of its own (时, 正, 们) ends no name
_HAN_1 = re.compile(f"[{CJK}]")
_HAN_2_4 = re.compile(f"[{CJK}]{{2,4}}")
_DOTTED_OPENING = re.compile(f"[{CJK}]{{1,8}}[{_MIDDOT}]")  # 买买提· (a name with a middle dot)


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for w in sorted(lexicons.load("title_heads") | lexicons.load("group_words")):
        jieba.add_word(w, freq=2000, tag="n")
    # the added words' tags go into posseg's table now, not at its first cut: whatever reads
    # the table first (the name tagger's given-name table, a rule, tokens) reads the same table
    jieba.posseg.dt.makesure_userdict_loaded()
    return jieba, jieba.posseg


# jieba.posseg's own splitting (its blocks hold no % or -), its letters and digits
_POS_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_POS_SKIP = re.compile("(\r\n|\\s)")
_POS_NUM = re.compile("[\\.0-9]+")
_POS_ENG = re.compile("[a-zA-Z0-9]+")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def tokens(text: str) -> list[tuple[str, str]]:
    """jieba's (word, tag) pairs for a short piece of text: jieba.posseg.cut(text, HMM=False)
    pair for pair, its route taken from the name tagger's segmenter (one loop, each piece's
    log frequency looked up once)."""
    from .ner import _segmenter

    _, pseg = _jieba()
    pseg.dt.makesure_userdict_loaded()
    tags = pseg.dt.word_tag_tab
    route = _segmenter().route
    out: list[tuple[str, str]] = []
    for blk in _POS_BLOCK.split(text):
        if not blk:
            continue
        if _POS_BLOCK.match(blk):
            last = route(blk)
            x, n, run = 0, len(blk), -1  # run: where single letters and digits opened
            while x < n:
                y = last[x] + 1
                if y == x + 1 and blk[x] in _ALNUM:
                    if run < 0:
                        run = x
                else:
                    if run >= 0:
                        out.append((blk[run:x], "eng"))
                        run = -1
                    w = blk[x:y]
                    out.append((w, tags.get(w, "x")))
                x = y
            if run >= 0:
                out.append((blk[run:], "eng"))
        else:
            for x in _POS_SKIP.split(blk):
                if _POS_SKIP.match(x):
                    out.append((x, "x"))
                else:
                    for xx in x:
                        out.append((xx, "m" if _POS_NUM.match(xx) else "eng" if _POS_ENG.match(x) else "x"))
    return out


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single surnames a rule may read as opening a name (not the everyday words among them,
    such as 和 or 国: those open a name only where the tagger says so), and compound ones."""
    s = lexicons.load("surnames")
    weak = lexicons.load("word_surnames")
    return frozenset(x for x in s if len(x) == 1 and x not in weak), frozenset(x for x in s if len(x) == 2)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    # words for people and posts, and the verbs of a visit (林长|巡林 is the chief's work)
    return (lexicons.load("group_words") | lexicons.load("role_words") | lexicons.load("person_nouns")
            | lexicons.load("title_heads") | lexicons.load("inspection_verbs"))


@lru_cache(maxsize=1)
def _follower_rx() -> re.Pattern:
    return re.compile(lexicons.alternation(*_FOLLOWER_LEXICONS))


def known_word(s: str) -> bool:
    """Whether jieba's dictionary has the word."""
    jieba, _ = _jieba()
    return jieba.dt.FREQ.get(s, 0) > 0


def _common_word(s: str, at_least: int = _COMMON_FREQ) -> bool:
    jieba, pseg = _jieba()
    freq = jieba.dt.FREQ.get(s, 0)
    tag = pseg.dt.word_tag_tab.get(s, "")
    return freq >= at_least and not tag.startswith("nr")


def plausible_name(s: str) -> bool:
    """A surname, then one to three characters, and not a common word (会议, 单位).

    >>> plausible_name("胡友涛"), plausible_name("欧阳修文"), plausible_name("会议")
    (True, True, False)
    """
    if any(c in s for c in _MIDDOT):
        parts = re.split(f"[{_MIDDOT}]", s)
        return all(re.fullmatch(f"[{CJK}]{{1,8}}", p) for p in parts) and len(parts) <= 3
    if not _HAN_2_4.fullmatch(s) or _NOT_IN_NAME.intersection(s):  # 王刚|的
        return False
    one, two = _surnames()
    if s[:2] in two:
        ok = len(s) >= 3
    else:
        ok = s[0] in one and len(s) <= 3
    return ok and not _common_word(s) and s not in lexicons.load("group_words") and not (
        len(s) == 3 and _opens_with_a_verb(s))


def _opens_with_a_verb(s: str) -> bool:
    """A name does not open with a frequent word that is no noun (高兴|地说, 展示|了, 马上|就):
    a surname and a given name that make a place or thing (王国|华) are still names."""
    jieba, pseg = _jieba()
    tag = pseg.dt.word_tag_tab.get(s[:2], "")
    return jieba.dt.FREQ.get(s[:2], 0) >= _VERB_OPENING and tag[:1] in ("v", "d", "a", "b", "c", "p", "t", "u")


def tagged_name(s: str, titled: bool = False) -> bool:
    """Whether a span the name tagger found reads as a name: a Han name (a surname and one or
    two characters, three after a compound surname), a name spelt by sound (mostly of the
    characters in transliteration_chars) or one with a middle dot; not a common word (江山,
    国家) or a word for a kind of person (记者, 村民), and not opening with a common word (高兴地)
    or closing in a place's last character (杨家坪). After a title the surname is not needed.

    >>> tagged_name("王小明"), tagged_name("国家"), tagged_name("王"), tagged_name("高兴地")
    (True, False, False, False)
    """
    if any(c in s for c in _MIDDOT):
        return plausible_name(s)
    if _NOT_IN_NAME.intersection(s) or len(s) == 3 and s[-1] == "地":
        return False
    if not re.fullmatch(f"[{CJK}]{{2,10}}", s) or s in _not_names():
        return False
    # a three-character word that opens with a surname is a name the tagger may trust unless
    # it is very common: the dictionary holds many names under other tags (n, ns)
    three = len(s) == 3 and s[0] in lexicons.load("surnames") and s[0] not in lexicons.load("word_surnames")
    if _common_word(s, _VERY_COMMON if three else _COMMON_FREQ):
        return False
    jieba, pseg = _jieba()
    if not titled and s[-1] in lexicons.load("place_suffixes"):
        return False
    if pseg.dt.word_tag_tab.get(s, "").startswith("nr"):
        return True
    if _common_word(s[:2], _OPENING_WORD) or not titled and len(s) == 3 and _common_word(s[1:], _VERY_COMMON):
        return False  # 高兴|地, 张|图片 (a name may open or end with a rarer word: 王国|华, 张|永福)
    one, two = lexicons.load("surnames"), _surnames()[1]
    if s[:2] in two:
        han = len(s) <= 4
    else:
        # four: a Yi name (吉尔木呷) opens with a Han surname; a name and a very frequent
        # character (孙立新|时, 刘建|正在) is none
        han = s[0] in one and (len(s) <= 3 or len(s) == 4 and jieba.dt.FREQ.get(s[3], 0) < _FREQUENT_CHAR)
    if titled:
        return han or len(s) <= 6
    if not three and jieba.dt.FREQ.get(s, 0) > 0:  # in running text a dictionary word (惠民) is read as one
        return False
    if han:
        return True
    sound = lexicons.load("transliteration_chars")
    return len(s) >= 3 and sum(c in sound for c in s) * 3 >= len(s) * 2


def minority_name_at(text: str, i: int) -> str | None:
    """A name after a title that opens with no Han surname (Tibetan, Mongolian, Uyghur, Yi …):
    two to six characters, maybe with a middle dot, ending at punctuation or at a word that may
    follow a name, and made of no common word (书记带领 is no name).

    >>> minority_name_at("村党支部书记扎西介绍", 6)
    '扎西'
    """
    one, two = _surnames()
    if i >= len(text) or text[i:i + 2] in two:
        return None
    m = re.match(f"[{CJK}]{{1,6}}(?:[{_MIDDOT}][{CJK}]{{1,6}})?", text[i:i + 13])
    if not m:
        return None
    # one that opens with a Han surname is one of four characters, a Yi name (村支书吉尔木呷说)
    sizes = range(4, 5) if text[i] in one else range(2, len(m.group()) + 1)
    for n in sizes:
        cand = text[i:i + n]
        if cand[-1] in _MIDDOT or not _ends_name(text, i + n):
            continue
        jieba, pseg = _jieba()
        words = [w for w in re.split(f"[{_MIDDOT}]", cand)]
        # no common word in it anywhere (各位委员|认真负责, 院长|的热烈欢迎), nor 的 or 了, nor a
        # numeral opening it (常务主席|一人)
        if cand[0] in _NUMERALS or _NOT_IN_NAME.intersection(cand) or any(
                _common_word(w) or any(len(x) > 1 and _common_word(x) for x in jieba.lcut(w, cut_all=True))
                for w in words):
            return None
        if cand in _not_names() or len(cand.replace("·", "")) > 6 and not any(c in cand for c in _MIDDOT):
            return None
        return cand
    return None


def _ends_name(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    ch = text[end]
    if not _HAN_1.match(ch):
        return ch not in _MIDDOT
    return _follower_rx().match(text, end) is not None


def name_at(text: str, i: int, tagged: dict[int, int] | None = None) -> str | None:
    """The name that starts at text[i], or None.

    A name the tagger found there (`tagged` maps its starts to ends) wins when it reads as a
    name. Else the shortest plausible name that is followed by punctuation or by a word that
    may follow a name (主持, 在, 指出, 一行 …): 陈正在南湖 gives 陈正, 胡友涛主持 gives 胡友涛.

    >>> name_at("区长胡友涛主持召开", 2), name_at("副县长陈正在南湖调研", 3)
    ('胡友涛', '陈正')
    """
    rule = _rule_name_at(text, i)
    if tagged and i in tagged:
        cand = text[i:tagged[i]]
        if len(cand) > 2 and cand[-1] in "等及":
            cand = cand[:-1]  # the tagger ran on into the 等 closing a list (周强等有关方面, 周强及有关单位)
        if joined_to_next(text, i, i + len(cand), tagged):
            cand = cand[:-1]  # 李明和|王刚: the 和 joins two names, it ends no given name
        if tagged_name(cand, titled=True):
            # the tagger may stop a character short (姚志|胜指出): the rule's longer name wins;
            # or run on into a verb (赵明|赴): the rule's name that a follower ends wins, unless
            # that follower is a one-character word that may also end a given name (王建|和)
            if rule and len(rule) > len(cand) and rule.startswith(cand) and not _tagger_ran_past_dot(cand, rule):
                return rule
            if rule and len(cand) > len(rule) and cand.startswith(rule) and text[i + len(rule)] not in "和在与及同等为" \
                    and not _tagger_ends_too(text, i, cand, rule):
                return rule
            if not rule and len(cand) == 3 and _yi_name(text, i):
                return text[i:i + 4]
            return cand
    return rule


_JOINERS = "和与及同"


def joined_to_next(text: str, a: int, b: int, tagged: dict[int, int] | None = None) -> bool:
    """Whether text[a:b], a name of three characters read by the tagger, ends in a word that
    joins it to a name right after it (李明和王刚一同…, 张伟与刘芳出席): two names never stand
    side by side, so the last character is the conjunction, not the end of a given name."""
    if b - a != 3 or text[b - 1:b] not in _JOINERS or not plausible_name(text[a:b - 1]):
        return False
    if tagged and b in tagged and tagged_name(text[b:tagged[b]]):
        return True
    nxt = _rule_name_at(text, b)
    return nxt is not None and not known_word(nxt)


def _tagger_ran_past_dot(cand: str, rule: str) -> bool:
    """The tagger read a name past its middle dot (卡洛斯·门德斯|日前宣布): where the rule's name
    goes on into a common word (日前, 有幸, 则|担心), it ran on into the words after the name."""
    jieba, _ = _jieba()
    rest = rule[len(cand):]
    return any(c in cand[:-1] for c in _MIDDOT) and any(
        _common_word(w) for w in jieba.lcut(rest, HMM=False) if len(w) > 1)


def _tagger_ends_too(text: str, i: int, cand: str, rule: str) -> bool:
    """The tagger's name is one character longer than the rule's, its last character is often
    part of a given name, and a follower word or punctuation ends it as well (副校长孙育之|在):
    the rule stopped at a character that ends the given name (之), not at a word after it
    (孙丽|就为, where 就 is in no given name; 刘建|正在, a word of two)."""
    from .ner import _given_table

    if len(cand) != len(rule) + 1 or _given_table().get(ord(cand[-1]), "L") not in "HM":
        return False
    stop = _follower_rx().match(text, i + len(rule))  # a word of two (刘建|正在) ends the name
    return (stop is None or len(stop.group()) == 1) and _ends_name(text, i + len(cand))


def _yi_name(text: str, i: int) -> bool:
    """Whether text[i:i+4] is a four-character name that a tagger cut to three (吉尔木|呷说): a
    surname opens it, punctuation or a follower word ends the fourth character and not the
    third, no word opens at the fourth, and no common word is inside."""
    cand = text[i:i + 4]
    one, _ = _surnames()
    if len(cand) < 4 or cand[0] not in one or not re.fullmatch(f"[{CJK}]{{4}}", cand) \
            or _NOT_IN_NAME.intersection(cand) or _ends_name(text, i + 3) or not _ends_name(text, i + 4):
        return False
    jieba, _ = _jieba()
    if jieba.dt.FREQ.get(text[i + 3:i + 5], 0) > 0 or jieba.dt.FREQ.get(cand[3], 0) >= _FREQUENT_CHAR:
        return False  # 王建国|关于, 赵立田|上将: a word opens there; 孙立新|时: a frequent character
    return not any(len(w) > 1 and _common_word(w) for w in jieba.lcut(cand, cut_all=True))


def name_seen_elsewhere(text: str, i: int) -> str | None:
    """A plausible name at text[i] that a follower word or punctuation ends where the text
    writes it another time (组长欧阳明轻声询问 … ，欧阳明强调): the shortest such."""
    for n in (2, 3, 4):
        cand = text[i:i + n]
        if len(cand) < n or not plausible_name(cand):
            continue
        j = text.find(cand)
        while j >= 0:
            if j != i and _ends_name(text, j + n):
                return cand
            j = text.find(cand, j + 1)
    return None


def _rule_name_at(text: str, i: int) -> str | None:
    m = _DOTTED_OPENING.match(text, i)
    if m:  # 买买提·艾力: the part after the dot ends where a follower or punctuation starts
        end = m.end() - i
        for n in range(end + 1, min(len(text) - i, end + 8) + 1):
            cand = text[i:i + n]
            if plausible_name(cand) and _ends_name(text, i + n):
                return cand
    for n in (2, 3, 4):
        cand = text[i:i + n]
        if len(cand) < n:
            break
        if cand[-1] == "等" and n > 2:
            break  # 等 closes a list (罗干等同志): it ends no given name
        if plausible_name(cand) and _ends_name(text, i + n):
            return cand
    return None


# a standing that the genre writes before a name as it writes a title (无党派人士王某, 无党派人士、
# 副县长王某): the head of a title of its own, though no office
STANDINGS = ("无党派人士", "无党派代表人士")
# what a post is written with before the name of one not yet elected or appointed to it
# (市政协副主席候选人王某, 副旗长提名人选李某): part of the title as written
CANDIDACY = "(?:候选人|提名人选|建议人选|候选人选)"


@lru_cache(maxsize=1)
def _head_end_rx() -> re.Pattern:
    return re.compile(f"(?:(?:{lexicons.alternation('title_heads')}){CANDIDACY}?|{'|'.join(STANDINGS)})$")


def title_head(s: str) -> str | None:
    """The word that ends a title (县委书记 -> 书记, 常务副县长 -> 副县长), or None."""
    m = _head_end_rx().search(s)
    return m.group() if m else None


def is_title(s: str) -> bool:
    return bool(s) and len(s) <= 30 and title_head(s) is not None


# inside a chain of titles (A、B、C) only words of a sentence end a title: a preposition, a
# conjunction, a particle, an adverb (省长王建国在|市委书记); an idiom may be
# part of one there (国务院扶贫开发领导小组组长)
_CHAIN_STOP_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "d"}


_OFFICE_ENDS = set("办所局站队委院处科室厅")
_NOT_IN_PLACE = set("的在对向与及是为将把被从到于和同")


def _place_name_before(toks: list[tuple[str, str]], k: int) -> bool:
    """Whether toks[k], a single character, is part of the proper name of the village or town
    after it: no more than three single characters in a row, then 村, 镇, 乡 or 社区."""
    for j in range(k + 1, min(len(toks), k + 4)):
        if toks[j][0] in ("村", "镇", "乡", "社区", "嘎查"):
            return True
        if len(toks[j][0]) != 1:
            return False
    return False


# units of places that jieba cuts into words of other kinds (嘎|查: an interjection and a verb)
_PLACE_UNITS = frozenset({"嘎查", "苏木"})


def _place_units(toks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for word, tag in toks:
        if out and out[-1][0] + word in _PLACE_UNITS:
            out[-1] = (out[-1][0] + word, "ns")
        else:
            out.append((word, tag))
    return out


def _trim_left(part: str, chained: bool = False) -> str:
    """Drop words before a title that are not part of it: 贯彻落实|市长, 要落实好|市委书记."""
    toks = _place_units(tokens(part))
    stops = _CHAIN_STOP_TAGS if chained else _STOP_TAGS
    keep = 0
    for k in range(len(toks) - 1, -1, -1):
        word, tag = toks[k]
        # a one-character adjective after a verb is its complement (落实好|市委书记), not 迎泽区老军营
        complement = tag == "a" and len(word) == 1 and k > 0 and toks[k - 1][1][:1] in ("v", "a", "i", "d")
        # an office's short name ends in its own character whatever jieba tags it (扶贫办, 管理所);
        # single characters before 村 or 镇 are the place's own name (睦和村, 火普村)
        breaker = word in lexicons.load("title_breakers") or word in lexicons.load("directive_cues")
        # the unit of a date written up to the title (3月5日县长, 三月五日县委书记) ends it
        if word in _DATE_UNITS and k > 0 and _is_number(toks[k - 1][0]):
            break
        named = (word[-1] in _OFFICE_ENDS and len(word) <= 4 and not breaker) or (
            len(word) == 1 and _place_name_before(toks, k)
            and (word not in _NOT_IN_PLACE and tag != "p" or word in "和同" and k > 0 and len(toks[k - 1][0]) == 1))
        if named or (tag not in stops and not complement and not breaker and not re.search(r"\d", word)):
            keep += len(word)
        else:
            break
    return part[len(part) - keep:]


_DATE_UNITS = frozenset("年月日号")


def _is_number(word: str) -> bool:
    return all(c.isdigit() or c in _NUMERALS or c in "〇零百千" for c in word)


_CLAUSE_BREAK = re.compile(r"[，。；：！？\n“”（）()《》—]")  # a dash too: ——省委常委X


def after_named_title(text: str, i: int) -> bool:
    """Whether a name and a title end right before text[i] (王建国书记|来村调研)."""
    if not _head_end_rx().search(text, max(0, i - 6), i):  # no title ends there
        return False
    return any(_named_title(text[i - k:i]) for k in range(3, 10) if k <= i)


def _named_title(s: str) -> bool:
    """A name and the head of a title after it (王建国书记, 钱立新会长): a person already, not
    a title before the next name (王建国书记|来村调研).

    >>> _named_title("钱立新会长"), _named_title("王建国副县长"), _named_title("常务副县长")
    (True, True, False)
    >>> _named_title("徐汇区区长"), _named_title("柳江县县长")
    (False, False)
    """
    heads = lexicons.load("title_heads")
    for k in (2, 3, 4):
        rest = s[k:]
        for p in ("", "副", "常务副", "总"):
            # 常务|副县长: a word, not a name; 徐汇区|区长: a place
            if rest.startswith(p) and rest[len(p):] in heads and plausible_name(s[:k]) \
                    and not _common_word(s[:2], 1) and s[k - 1] not in lexicons.load("place_suffixes") \
                    and s[k - 1] not in _OFFICE_ENDS:
                return True
    return False


def titles_before(text: str, end: int, floor: int = 0) -> list[str]:
    """The titles written right before text[end] (where a name starts), split on 、; none
    reaches back past `floor`, where the name before ends (副县长孙立和|县住建局局长周强).

    >>> titles_before("会上，区委常委、宣传部长、副区长王艳传达", 16)
    ['区委常委', '宣传部长', '副区长']
    """
    start = end
    while start > floor and not _CLAUSE_BREAK.match(text[start - 1]) and end - start < 60:
        start -= 1
    parts = text[start:end].split("、")
    out: list[str] = []
    for k, part in enumerate(reversed(parts)):
        # words before a title that are no part of it end the chain there (王建国在|市委书记)
        trimmed = _trim_left(part, chained=k < len(parts) - 1)
        if not is_title(trimmed) or trimmed in lexicons.load("group_words") or _named_title(trimmed) \
                or _COUNTED.match(trimmed):  # 多位院士, 两名民警: people counted, no title
            break
        out.append(trimmed)
        if trimmed != part:
            break
    return list(reversed(out))
