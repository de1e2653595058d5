"""PDF pages -> text in reading order, with the layout that tells articles apart.

The text layer is read with PDFium (pypdfium2): every character with its box, font size and
weight, page by page. Characters become line fragments (one baseline, no gutter inside);
the fragments are ordered by a recursive XY cut — a page splits at a gutter that runs the
whole height of a region (columns, left to right) or at a band of white wider than the
line spacing (a headline above its columns, one story above another, top to bottom).
Headlines are lines set clearly larger than the body text of the page; a headline after
body text starts a new article block. Each block keeps its page, its headline size and its
rank on the page (largest headline first, then higher, then further left).

A page with no text layer is reported ("no text layer: scanned image?"); with ``ocr`` it
is rendered and read by tesseract when that is installed.
"""
from __future__ import annotations

import ctypes
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from . import Block

__all__ = ["PdfError", "PdfText", "read_pdf", "TESSERACT_HINT"]

TESSERACT_HINT = "install tesseract: apt-get install tesseract-ocr tesseract-ocr-chi-sim"
HEADLINE_RATIO = 1.25  # a line this much larger than the body text is a title
_WS = {" ", "\t", "\r", "\n", "\u3000", "\xa0", "\ufffe", "\uffff", "\x00"}


class PdfError(Exception):
    """A PDF that cannot be read at all; str() is the reason (without the file name)."""


@dataclass(frozen=True)
class PdfText:
    text: str
    blocks: tuple[Block, ...]
    pages: int
    warnings: tuple[str, ...]  # per page, without the file name: "page 3: no text layer: …"


@dataclass
class _Glyph:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class _Frag:
    glyphs: list[_Glyph]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False

    def close(self) -> "_Frag":
        g = self.glyphs
        self.x0 = min(x.x0 for x in g)
        self.x1 = max(x.x1 for x in g)
        self.top = min(x.top for x in g)
        self.bottom = max(x.bottom for x in g)
        self.size = median(x.size for x in g)
        self.bold = sum(x.bold for x in g) * 2 > len(g)
        return self

    def text(self) -> str:
        out: list[str] = []
        prev = None
        for x in self.glyphs:
            if prev is not None and x.x0 - prev.x1 > 0.25 * x.size:
                out.append(" ")
            out.append(x.ch)
            prev = x
        return "".join(out)


def _glyphs(page, pdfium_c) -> list[_Glyph]:
    tp = page.get_textpage()
    try:
        raw = tp.raw
        n = pdfium_c.FPDFText_CountChars(raw)
        height = page.get_height()
        left, right, bottom, top, ox, oy = (ctypes.c_double() for _ in range(6))
        out: list[_Glyph] = []
        for i in range(n):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if not code:
                continue
            ch = chr(code)
            if ch in _WS or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
                continue
            if not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
                continue
            size = pdfium_c.FPDFText_GetFontSize(raw, i) or (top.value - bottom.value)
            weight = pdfium_c.FPDFText_GetFontWeight(raw, i)
            # the box of a line's glyphs from its baseline: a full stop's ink sits low, its line does not
            base = height - (oy.value if pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy) else bottom.value)
            out.append(_Glyph(ch, left.value, right.value, base - 0.86 * size, base + 0.14 * size,
                              round(size, 1), weight >= 600))
        return out
    finally:
        tp.close()


def _fragments(glyphs: list[_Glyph]) -> list[_Frag]:
    """Glyphs -> fragments: glyphs on one baseline (a like size, centres within half a
    glyph), cut where the gap is a gutter (wider than about one character)."""
    rows: list[list[_Glyph]] = []
    open_rows: list[tuple[float, float, list[_Glyph]]] = []  # (centre, size, glyphs)
    for g in sorted(glyphs, key=lambda x: (x.top + x.bottom) / 2):
        c = (g.top + g.bottom) / 2
        open_rows = [r for r in open_rows if c - r[0] <= max(r[1], g.size)]
        for rc, rs, gl in open_rows:
            if abs(c - rc) <= 0.45 * min(rs, g.size) and 0.7 <= g.size / rs <= 1.4:
                gl.append(g)
                break
        else:
            gl = [g]
            rows.append(gl)
            open_rows.append((c, g.size, gl))
    frags: list[_Frag] = []
    for row in rows:
        row.sort(key=lambda x: x.x0)
        cur = [row[0]]
        for g in row[1:]:
            if g.x0 - cur[-1].x1 > 0.9 * max(g.size, cur[-1].size):
                frags.append(_Frag(cur).close())
                cur = [g]
            else:
                cur.append(g)
        frags.append(_Frag(cur).close())
    return frags


def _gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """(middle, width) of the empty stretches wider than min_gap between merged spans."""
    spans = sorted(spans)
    cuts: list[tuple[float, float]] = []
    end = spans[0][1]
    for a, b in spans[1:]:
        if a - end > min_gap:
            cuts.append(((a + end) / 2, a - end))
        end = max(end, b)
    return cuts


def _line_gap(frags: list[_Frag]) -> float:
    """The usual white between a line and the next one below it in the same column."""
    gaps: list[float] = []
    by_top = sorted(frags, key=lambda f: f.top)
    for i, f in enumerate(by_top):
        for g in by_top[i + 1: i + 40]:
            if g.top >= f.bottom and min(f.x1, g.x1) - max(f.x0, g.x0) > 0.5 * min(f.x1 - f.x0, g.x1 - g.x0):
                gaps.append(g.top - f.bottom)
                break
    return median(gaps) if gaps else 0.0


def _split(frags: list[_Frag], cuts: list[float], key) -> list[list[_Frag]]:
    groups: list[list[_Frag]] = [[] for _ in range(len(cuts) + 1)]
    for f in frags:
        k = sum(key(f) > c for c in cuts)
        groups[k].append(f)
    return [g for g in groups if g]


def _xy_cut(frags: list[_Frag], body: float, leading: float) -> list[list[_Frag]]:
    """Fragments in reading order, as leaf regions (each a list of fragments, top to bottom).
    A gutter (white running the region's whole height) cuts first; else the widest bands of
    white clearly wider than the line spacing (`leading`): a headline above its columns,
    one story above another."""
    if len(frags) <= 1:
        return [frags]
    ycuts = _gaps([(f.top, f.bottom) for f in frags], max(1.3 * leading, leading + 0.15 * body))
    # a band of white with a headline right below it opens a story: it cuts before any gutter
    titled = [c for c, _ in ycuts
              if min((f for f in frags if f.top > c), key=lambda f: f.top).size >= HEADLINE_RATIO * body]
    xcuts = _gaps([(f.x0, f.x1) for f in frags], 0.8 * body)
    if titled:
        groups = _split(frags, titled, lambda f: (f.top + f.bottom) / 2)
    elif xcuts:
        groups = _split(frags, [c for c, _ in xcuts], lambda f: f.x0)
    else:
        if not ycuts:
            return [sorted(frags, key=lambda f: (round(f.top), f.x0))]
        widest = max(w for _, w in ycuts)
        groups = _split(frags, [c for c, w in ycuts if w >= 0.8 * widest], lambda f: (f.top + f.bottom) / 2)
    if len(groups) == 1:
        return [sorted(frags, key=lambda f: (round(f.top), f.x0))]
    out: list[list[_Frag]] = []
    for g in groups:
        out.extend(_xy_cut(g, body, leading))
    return out


def _lines(region: list[_Frag]) -> list[_Frag]:
    """Fragments of one region on one baseline joined into lines."""
    lines: list[_Frag] = []
    for f in sorted(region, key=lambda f: (f.top, f.x0)):
        if lines and abs(f.top - lines[-1].top) < 0.5 * f.size and f.x0 >= lines[-1].x1:
            lines[-1] = _Frag(lines[-1].glyphs + f.glyphs).close()
        else:
            lines.append(f)
    return lines


def _page_text(glyphs: list[_Glyph], page_no: int, base: int) -> tuple[str, list[Block]]:
    """One page's text and its article blocks (offsets from `base`)."""
    frags = _fragments(glyphs)
    weights: dict[float, int] = {}
    for g in glyphs:
        weights[g.size] = weights.get(g.size, 0) + 1
    body = max(weights, key=lambda s: (weights[s], -s))  # the size most text is set in
    parts: list[str] = []
    pos = base
    # (start, size, top, left, has body text) of each block in reading order
    blocks: list[list] = []
    prev_title = False
    for region in _xy_cut(frags, body, _line_gap([f for f in frags if f.size == body])):
        lines = _lines(region)
        left = min(f.x0 for f in lines)
        right = max(f.x1 for f in lines)
        # a headline set on two lines is one headline: join a title line that fills the width
        # with the title line after it in the same size
        joined: list[_Frag] = []
        for ln in lines:
            p = joined[-1] if joined else None
            if (p is not None and ln.size >= HEADLINE_RATIO * body and abs(p.size - ln.size) < 0.5
                    and p.x1 >= right - 1.5 * p.size and 0 <= ln.top - p.bottom < p.size):
                joined[-1] = _Frag(p.glyphs + ln.glyphs).close()
            else:
                joined.append(ln)
        lines = joined
        if parts:
            parts.append("\n")
            pos += 1
        for ln in lines:
            title = ln.size >= HEADLINE_RATIO * body or (ln.bold and ln.size > body * 1.05)
            if title and not prev_title:
                blocks.append([pos, ln.size, ln.top, ln.x0, False])
            elif not blocks:
                blocks.append([pos, 0.0, ln.top, ln.x0, False])
            if title:
                blocks[-1][1] = max(blocks[-1][1], ln.size)
            else:
                blocks[-1][4] = True
            prev_title = title
            indent = "\u3000\u3000" if ln.x0 - left > 1.5 * ln.size else ""
            s = indent + ln.text() + "\n"
            parts.append(s)
            pos += len(s)
    text = "".join(parts)
    # a block of titles only (a masthead, a kicker in a box), and the page's header lines
    # above the first headline, belong to the block after them
    merged: list[list] = []
    carry = None
    for k, b in enumerate(blocks):
        if carry is not None:
            b = [carry, b[1], b[2], b[3], b[4]]
            carry = None
        if k == 0 and b[1] == 0.0 and len(blocks) > 1 and text.count("\n", 0, blocks[1][0] - base) <= 4:
            continue  # the page's header (paper, date, page number): in the text, in no article
        if not b[4]:
            carry = b[0]
            continue
        merged.append(b)
    if carry is not None:
        if merged:
            pass  # trailing titles stay with the last block
        else:
            merged.append([carry, 0.0, 0.0, 0.0, False])
    ends = [b[0] for b in merged[1:]] + [base + len(text)]
    order = sorted(range(len(merged)), key=lambda k: (-merged[k][1], round(merged[k][2]), merged[k][3]))
    rank = {k: r + 1 for r, k in enumerate(order)}
    return text, [Block(b[0], e, page_no, rank[k], b[1], b[2], b[3]) for k, (b, e) in enumerate(zip(merged, ends))]


def _ocr_page(page) -> str:
    """Render a page at 300 dpi and read it with tesseract (Simplified Chinese)."""
    bitmap = page.render(scale=300 / 72, grayscale=True)
    w, h, stride = bitmap.width, bitmap.height, bitmap.stride
    buf = bytes(bitmap.buffer)
    rows = b"".join(buf[y * stride: y * stride + w] for y in range(h))
    with tempfile.TemporaryDirectory() as d:
        img = Path(d) / "page.pgm"
        img.write_bytes(b"P5\n%d %d\n255\n" % (w, h) + rows)
        done = subprocess.run(["tesseract", str(img), "-", "-l", "chi_sim", "--psm", "3"],
                              capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise PdfError(f"tesseract failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    return done.stdout


def tesseract_ready() -> bool:
    if not shutil.which("tesseract"):
        return False
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return "chi_sim" in langs.stdout.split()


def read_pdf(data: bytes, ocr: bool = False) -> PdfText:
    """The text of every page in reading order, with its article blocks. Raises PdfError
    for a file PDFium cannot open (encrypted, corrupt)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise PdfError("encrypted PDF (needs a password)") from None
        why = msg.rsplit("(", 1)[-1].strip(" .)") if "(" in msg else msg
        raise PdfError(f"cannot read PDF, damaged or truncated? ({why})") from None
    warnings: list[str] = []
    if b"%%EOF" not in data[-2048:]:
        warnings.append("truncated PDF (no %%EOF at the end): read what could be read")
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    ocr_ready = None
    try:
        n = len(doc)
        for i in range(n):
            page = doc[i]
            try:
                glyphs = _glyphs(page, pdfium_c)
                base = pos + (2 if parts else 0)
                if glyphs:
                    text, bl = _page_text(glyphs, i + 1, base)
                elif ocr:
                    if ocr_ready is None:
                        ocr_ready = tesseract_ready()
                    if not ocr_ready:
                        warnings.append(f"page {i + 1}: no text layer: scanned image? --ocr: {TESSERACT_HINT}")
                        continue
                    text = _ocr_page(page)
                    bl = [Block(base, base + len(text), i + 1, 1)]
                else:
                    warnings.append(f"page {i + 1}: no text layer: scanned image? (try --ocr)")
                    continue
            finally:
                page.close()
            if parts:
                parts.append("\n\n")
                pos += 2
            parts.append(text)
            pos += len(text)
            blocks.extend(bl)
    finally:
        doc.close()
    return PdfText("".join(parts), tuple(blocks), n, tuple(warnings))
