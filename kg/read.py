"""Files and folders -> decoded text, with one-line errors for what cannot be read.

Text files (*.txt), PDF pages (*.pdf: kg.formats.pdf) and HTML article pages (*.html,
*.htm: kg.formats.html) are read; a PDF keeps the layout blocks of its articles, an HTML
page its address.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .formats import Block

SUFFIXES = (".txt", ".pdf", ".html", ".htm")

# Tried in order. GB18030 is a superset of GBK and GB2312, the encodings of older pages.
ENCODINGS = ("utf-8-sig", "gb18030")
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
_CONTROL_BYTES = bytes(sorted(_CONTROL))


class ReadError(Exception):
    """An input that cannot be used; str() is a one-line message naming the file."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str  # of a text or HTML file; "pdf" for the text layer of a PDF
    blocks: tuple[Block, ...] = ()  # a PDF's article blocks in `text`
    url: str = ""  # the address an HTML page gives for itself
    author: str = ""  # the author an HTML page names in its metadata
    warnings: tuple[str, ...] = ()  # one line each, naming the file


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Yield the files named, or found under folders (recursively: *.txt, *.pdf, *.html,
    *.htm), in sorted order.

    A missing path, or a folder with none of those files, is yielded as a ReadError.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
            if not files:
                yield ReadError(f"{p}: folder has no .txt, .pdf or .html files")
            yield from files
        elif p.is_file():
            yield p
        else:
            yield ReadError(f"{p}: no such file or folder")


_TEXT_RANGES = ((0x20, 0x7E), (0x2000, 0x206F), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))


def _looks_like_text(text: str) -> bool:
    """Most characters Chinese, ASCII or their punctuation: any pair of bytes is UTF-16, so
    bytes that merely start like it decode to a jumble of scripts."""
    sample = text[:2000]
    good = sum(ch in "\t\r\n\ufeff" or any(a <= ord(ch) <= b for a, b in _TEXT_RANGES) for ch in sample)
    return good >= 0.9 * len(sample)


def _controls(sample: bytes) -> int:
    """How many of the bytes are control characters other than tab, newline, form feed and
    carriage return (counted by what deleting them takes away, not a byte at a time)."""
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030; raise ReadError otherwise."""
    if not data.strip():
        raise ReadError(f"{name}: file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # what some Windows tools write
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError(f"{name}: cannot decode as UTF-16 text (it starts with a UTF-16 mark)") from None
        if not text.strip():
            raise ReadError(f"{name}: file is empty")
        if not _looks_like_text(text):
            raise ReadError(f"{name}: cannot decode as UTF-16 text (it starts with a UTF-16 mark)")
        return text, "utf-16"
    sample = data[:4096]
    if b"\x00" in sample or _controls(sample) > len(sample) * 0.05:
        raise ReadError(f"{name}: binary file, not text")
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text, enc
    raise ReadError(f"{name}: cannot decode as UTF-8 or GB18030 text")


def read_source(path: Path, ocr: bool = False, data: bytes | None = None) -> Source:
    """Read one input by its suffix; `ocr` reads PDF pages with no text layer by tesseract.
    `data`, the file's bytes when they were read elsewhere (a cluster worker that cannot see
    the path is sent them), stands for reading `path`: the source keeps its name."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ReadError(f"{path}: {e.strerror or e}") from None
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _read_pdf(path, data, ocr)
    if suffix in (".html", ".htm"):
        return _read_html(path, data)
    text, enc = decode(data, str(path))
    return Source(str(path), text, enc)


def _read_pdf(path: Path, data: bytes, ocr: bool) -> Source:
    from .formats.pdf import PdfError, read_pdf

    if not data.strip():
        raise ReadError(f"{path}: file is empty")
    if b"%PDF-" not in data[:1024]:
        # a text file named .pdf: read it as the text it is
        text, enc = decode(data, str(path))
        return Source(str(path), text, enc, warnings=(f"{path}: not a PDF (no %PDF header): read as text",))
    try:
        pdf = read_pdf(data, ocr)
    except PdfError as e:
        raise ReadError(f"{path}: {e}") from None
    warnings = tuple(f"{path}: {w}" for w in pdf.warnings)
    if not pdf.text.strip():
        if pdf.warnings:
            raise ReadError(f"{path}: {'; '.join(dict.fromkeys(w.split(': ', 1)[-1] for w in pdf.warnings))}")
        raise ReadError(f"{path}: PDF has no text")
    return Source(str(path), pdf.text, "pdf", blocks=pdf.blocks, warnings=warnings)


def _read_html(path: Path, data: bytes) -> Source:
    from .formats.html import HtmlError, read_html

    if not data.strip():
        raise ReadError(f"{path}: file is empty")
    try:
        page = read_html(data)
    except HtmlError as e:
        raise ReadError(f"{path}: {e}") from None
    return Source(str(path), page.text, page.encoding, url=page.url, author=page.author)
