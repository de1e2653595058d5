"""Readers for what newspapers and sites publish: PDF pages (kg.formats.pdf) and HTML
article pages (kg.formats.html). Each gives text plus the layout or metadata that the text
alone does not carry: where each article stands on which page, its headline size, the
page's own title, date, author and address."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """A run of the extracted text that the layout shows to be one article (or a headline
    and what follows it up to the next headline): [start, end) in the text, its page
    (1-based), its rank on that page (1 = most prominent) and its headline size in points."""

    start: int
    end: int
    page: int
    rank: int
    size: float = 0.0
    top: float = 0.0  # where the block starts on the page, in points from the top
    left: float = 0.0


def split_source(src) -> list:
    """The articles of a read input (kg.read.Source). A PDF is split block by block, as
    its layout tells the articles apart (a block may still hold more than one item: 又讯),
    and each article keeps its page and prominence; an HTML page's articles keep its
    address, and its metadata author stands for a byline the text lacks."""
    from dataclasses import replace

    from ..segment import article_id, split_articles

    if not src.blocks:
        arts = split_articles(src.text, src.path)
    else:
        arts = []
        for b in src.blocks:
            part = split_articles(src.text[b.start:b.end], src.path)
            for k, a in enumerate(part):
                idx = len(arts) + 1
                arts.append(replace(
                    a, id=article_id(src.path, idx), index=idx,
                    offsets=tuple(o + b.start for o in a.offsets),
                    start=a.start + b.start, end=a.end + b.start,
                    page=b.page, prominence=b.rank, headline_size=round(b.size, 1) if k == 0 and b.size else None))
        # ranks on a page, counting the items a block held beyond its first
        by_page: dict[int, list] = {}
        for i, a in enumerate(arts):
            by_page.setdefault(a.page, []).append(i)
        for idxs in by_page.values():
            for r, i in enumerate(sorted(idxs, key=lambda i: (arts[i].prominence, i)), 1):
                arts[i] = replace(arts[i], prominence=r)
    if src.url or src.author:
        author = tuple(x for x in (src.author.replace("，", " ").replace("、", " ").split()) if 2 <= len(x) <= 6)
        arts = [replace(a, url=src.url or a.url,
                        reporters=a.reporters or (author if not a.correspondents else ()))
                for a in arts]
    return arts
