"""Literal words found in a text as an alternation of them would find them, without compiling
one: the sets of words (the names of one article) differ from text to text, and a pattern
compiled for each costs more than the search, and pushes the fixed patterns out of re's cache.

>>> find_words("王建国说，王建国同志和王建来了", ["王建国", "王建"])
[(0, '王建国'), (5, '王建国'), (11, '王建')]
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["find_words"]


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """(start, word) of each match of re.finditer("|".join(re.escape(w) for w in longest
    first), text): the leftmost match, the longest word there, the search going on after it."""
    words = set(words)
    if "" in words:  # an empty alternative matches where no word does: leave it to re
        rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        return [(m.start(), m.group()) for m in rx.finditer(text)]
    at: dict[int, str] = {}  # each start -> the longest word there
    find = text.find
    for w in words:
        n = len(w)
        i = find(w)
        while i >= 0:
            if len(at.get(i, "")) < n:
                at[i] = w
            i = find(w, i + 1)
    out, end = [], 0
    for i in sorted(at):
        if i >= end:
            w = at[i]
            out.append((i, w))
            end = i + len(w)
    return out
