"""HTML article pages -> the article's text, title, date, author and address.

The main text is found by trafilatura, which scores the page's blocks and drops site
furniture (navigation, breadcrumbs, share links, related items, footers). The page's own
metadata is preferred over what trafilatura guesses: ``og:title`` / ``ArticleTitle`` for
the title, a ``<meta>`` publish date (``article:published_time``, ``PubDate``…) for the
date, ``<link rel=canonical>`` / ``og:url`` for the address. The encoding the page declares
(``<meta charset=gbk>``, common on government sites) is honoured.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

__all__ = ["HtmlError", "HtmlText", "read_html", "sniff_encoding"]


class HtmlError(Exception):
    """An HTML page with nothing to read; str() is the reason (without the file name)."""


@dataclass(frozen=True)
class HtmlText:
    text: str  # title, date, then the paragraphs of the main text, one a line
    title: str
    date: str  # YYYY-MM-DD or ""
    author: str
    url: str
    encoding: str


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def sniff_encoding(data: bytes) -> str | None:
    """The encoding the page declares (a BOM first, then <meta charset> or http-equiv)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _WIDER.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(data: bytes) -> tuple[str, str]:
    declared = sniff_encoding(data)
    for enc in ([declared] if declared else []) + ["utf-8", "gb18030"]:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return data.decode(declared or "utf-8", errors="replace"), declared or "utf-8"


_META_TITLE = ("og:title", "articletitle", "title", "twitter:title")
_META_DATE = ("article:published_time", "pubdate", "publishdate", "og:release_date", "firstpublishedtime",
              "datepublished", "dc.date", "dc.date.issued", "date", "publish_date", "og:published_time")
_META_AUTHOR = ("author", "article:author", "dc.creator", "contentsource_author")
_ISO = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def _metas(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _iso(s: str) -> str:
    m = _ISO.search(s or "")
    if not m:
        return ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


def _address(tree, metas: dict[str, str]) -> str:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            url = link.get("href").strip()
            break
    else:
        url = metas.get("og:url", "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")  # an IRI the graph can hold


def read_html(data: bytes) -> HtmlText:
    """The main text of an article page with its metadata; raises HtmlError when the page
    holds no article text."""
    import lxml.html
    import trafilatura

    html, enc = _decode(data)
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as e:
        raise HtmlError(f"cannot parse HTML: {e}") from None
    metas = _metas(tree)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False, deduplicate=False)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    # an article has sentences: navigation, footers and lists of links have none
    if not any(len(re.findall(r"[\u3400-\u9fff]", x)) >= 10 and re.search(r"[。！？]", x) for x in body.splitlines()):
        raise HtmlError("no article text in the HTML page")
    title = next((metas[k] for k in _META_TITLE if metas.get(k)), "") or (getattr(doc, "title", "") or "")
    title = re.sub(r"\s+", " ", title).strip()
    date = next((d for k in _META_DATE if (d := _iso(metas.get(k, "")))), "") or _iso(getattr(doc, "date", "") or "")
    author = next((metas[k] for k in _META_AUTHOR if metas.get(k)), "") or (getattr(doc, "author", "") or "")
    lines = [x.strip() for x in body.splitlines() if x.strip()]
    if lines and title and lines[0].replace(" ", "") == title.replace(" ", ""):
        lines.pop(0)  # the headline, kept by some pages inside the article
    head = [title] if title else []
    head += [date] if date else []  # the page's date, as a web page prints it: dates the article
    text = "\n".join(head + lines) + "\n"
    return HtmlText(text, title, date, author.strip(), _address(tree, metas), enc)
