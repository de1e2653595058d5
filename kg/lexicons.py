"""Word lists kept as data files (kg/lexicons/*.txt), loaded once."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["load", "alternation", "names"]


def names() -> list[str]:
    """The names of all lexicons shipped with the package."""
    folder = resources.files("kg") / "lexicons"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=None)
def load(name: str) -> frozenset[str]:
    """The entries of ``lexicons/NAME.txt``: one a line, ``#`` starts a comment."""
    text = (resources.files("kg") / "lexicons" / f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(e for e in entries if e)


@lru_cache(maxsize=None)
def alternation(*names: str) -> str:
    """A regex alternation of the entries of one or more lexicons, longest first (so 副区长
    beats 区长, whichever list each comes from)."""
    words = frozenset().union(*(load(n) for n in names))
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
