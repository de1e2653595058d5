"""Directives: who said what (指出, 强调, 要求 …), and where what was said ends."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicons
from .reader import Reader, clause_start, co_subjects, lexicon_rx, sentence_start

__all__ = ["FoundDirective", "find_directives"]


@dataclass
class FoundDirective:
    speaker: str | None
    cue: str
    start: int  # where the cue stands
    text_start: int
    text_end: int = 0
    co_speakers: tuple[str, ...] = ()  # 王某、李某强调: both said it



def find_directives(r: Reader) -> list[FoundDirective]:
    text = r.text
    cues = lexicon_rx("directive_cues")
    found: list[FoundDirective] = []
    for m in cues.finditer(text):
        cue, s, e = m.group(), m.start(), m.end()
        nxt = text[e:e + 1]
        prev = text[max(0, s - 2):s]
        if nxt in ("的", "了", "过") or text[e:e + 2] in ("要求", "建议", "意见"):
            continue  # 提出的, 提出要求: a noun, not what was said
        if re.search(r"(?:按照|根据|按|符合|的|提出|重大|有关|工作|纪律|基本|总体|具体|新|明确|严格)$", prev):
            continue
        if cues.match(text, e):
            continue  # 强调指出: the second cue introduces what was said
        weak = cue in ("表示", "说", "认为", "希望", "提出")
        if weak and nxt not in ("，", "：", ","):
            continue
        cs = clause_start(text, s)
        clause = text[cs:s]
        speaker: str | None
        subj = r.mention_at(cs)
        if subj and s - subj.end <= 40:  # 王某在全县…大会上讲话时强调
            speaker = subj.name
        elif clause[:1] in ("他", "她") and len(clause) <= 20:
            speaker = r.last_subject(cs)
            if speaker is None:
                continue
        elif lexicon_rx("meeting_anaphora").match(clause) and len(clause) <= 6:
            speaker = None  # 会议强调
        elif clause and _group_subject_rx().search(clause):
            speaker = None  # 督导组要求, 代表们认为
        elif clause == "" or re.fullmatch(r"(?:并|还|同时|他还|也|进一步|再次|最后|随后)", clause):
            speaker = r.subject_name(s)
            if speaker is None:
                continue
        else:
            continue
        ts = e
        while ts < len(text) and text[ts] in "，：,: ":
            ts += 1
        found.append(FoundDirective(speaker, cue, s, ts, co_speakers=tuple(co_subjects(r, subj, s))))
    # a directive runs to the next one or to the end of its paragraph
    for k, d in enumerate(found):
        para_end = text.find("\n", d.text_start)
        para_end = len(text) if para_end < 0 else para_end
        nxt = found[k + 1].start if k + 1 < len(found) else len(text)
        if nxt < para_end:
            # end at the sentence before the next cue's clause
            end = clause_start(text, nxt)
            sent = sentence_start(text, nxt)
            para_end = sent if sent > d.text_start else end
        d.text_end = para_end
    return found


@lru_cache(maxsize=1)
def _group_subject_rx() -> re.Pattern:
    return re.compile(f"(?:{lexicons.alternation('group_subjects')})(?:纷纷|一致|普遍|都|也|还|均)?$")

