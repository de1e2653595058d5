"""find_words finds what a compiled alternation of the same words finds."""
from __future__ import annotations

import random
import re

import pytest

from kg.extract.scan import find_words


def _alternation(text: str, words) -> list[tuple[int, str]]:
    rx = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    return [(m.start(), m.group()) for m in rx.finditer(text)]


@pytest.mark.parametrize("text, words", [
    ("王建国说，王建国同志和王建来了", ["王建国", "王建"]),
    ("王书记王书记长", ["王书记", "书记长", "记"]),
    ("李李李李", ["李李"]),
    ("a.b+c(d)", ["a.b", "+", "(d)", "b+c"]),
    ("没有", ["王建国"]),
    ("", ["王"]),
    ("王", ["王", ""]),
])
def test_the_same_as_an_alternation(text, words):
    assert find_words(text, words) == _alternation(text, words)


def test_random_texts_and_words():
    rng = random.Random(5)
    chars = "王李建国华明.+("
    for _ in range(500):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        words = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))]
        assert find_words(text, words) == _alternation(text, words), (text, words)
