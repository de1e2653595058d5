"""Files and folders -> decoded text, with one-line errors for what cannot be read."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Tried in order. GB18030 is a superset of GBK and GB2312, the encodings of older pages.
ENCODINGS = ("utf-8-sig", "gb18030")
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


class ReadError(Exception):
    """An input that cannot be used; str() is a one-line message naming the file."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Yield the text files named or found (recursively, *.txt) under folders, in sorted order.

    A missing path, or a folder with no .txt files, is yielded as a ReadError.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*.txt") if f.is_file())
            if not files:
                yield ReadError(f"{p}: folder has no .txt files")
            yield from files
        elif p.is_file():
            yield p
        else:
            yield ReadError(f"{p}: no such file or folder")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030; raise ReadError otherwise."""
    if not data.strip():
        raise ReadError(f"{name}: file is empty")
    sample = data[:4096]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) * 0.05:
        raise ReadError(f"{name}: binary file, not text")
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text, enc
    raise ReadError(f"{name}: cannot decode as UTF-8 or GB18030 text")


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"{path}: {e.strerror or e}") from None
    text, enc = decode(data, str(path))
    return Source(str(path), text, enc)
