"""Messages fit for long runs: a progress bar on a terminal, periodic lines otherwise, and
warnings grouped by kind and file."""
from __future__ import annotations

import re
import sys
import time
from collections import defaultdict

__all__ = ["Progress", "grouped_warnings", "EXAMPLES"]

EXAMPLES = 3  # examples shown per kind and file without --verbose
PERIOD = 30.0  # seconds between progress lines when standard error is not a terminal


class Progress:
    """Files done of those to build, articles/s and ETA: a tqdm bar on a terminal, a plain
    line every PERIOD seconds (and at the end) when not."""

    def __init__(self, stream=None, tty: bool | None = None, period: float = PERIOD):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.period = period
        self.bar = None
        self.start = time.monotonic()
        self.last = self.start
        self.state = None
        self.total = 0

    def _line(self, state, total: int) -> str:
        done = state.built + len(state.errors)
        rate = state.articles / max(time.monotonic() - self.start, 1e-9)
        frate = done / max(time.monotonic() - self.start, 1e-9)
        eta = (total - done) / frate if frate > 0 else 0
        return (f"[{done}/{total} files] {state.articles} articles, {rate:.0f} articles/s, "
                f"ETA {int(eta // 60)}m{int(eta % 60):02d}s")

    def update(self, state, total: int) -> None:
        self.state, self.total = state, total
        if total <= 1:
            return
        done = state.built + len(state.errors)
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit="file", file=self.stream, dynamic_ncols=True, smoothing=0.1)
            self.bar.n = done
            self.bar.set_postfix_str(f"{state.articles} articles, "
                                     f"{state.articles / max(time.monotonic() - self.start, 1e-9):.0f}/s",
                                     refresh=False)
            self.bar.refresh()
        elif time.monotonic() - self.last >= self.period:
            self.last = time.monotonic()
            self.stream.write(self._line(state, total) + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.state is not None and self.total > 1 and time.monotonic() - self.start >= self.period:
            self.stream.write(self._line(self.state, self.total) + "\n")


_SPECIFIC = re.compile(r"\d+|“[^”]*”|「[^」]*」|'[^']*'")


def _kind(message: str) -> str:
    """A warning's kind: its text with the numbers and quoted names taken out."""
    return _SPECIFIC.sub("…", message)


def grouped_warnings(warnings: list[str], verbose: bool = False, examples: int = EXAMPLES) -> list[str]:
    """One line per kind of warning and file, with its count and the first few examples
    (every warning with `verbose`). Warnings read "FILE: message".

    >>> grouped_warnings(["a.txt: no year for 07-15 in article 1", "a.txt: no year for 07-16 in article 2"])
    ['a.txt: 2× no year for …-… in article …: e.g. no year for 07-15 in article 1; no year for 07-16 in article 2']
    """
    if verbose:
        return sorted(set(warnings))
    groups: dict = defaultdict(list)
    for w in sorted(set(warnings)):
        file, _, msg = w.partition(": ") if ": " in w else ("", "", w)
        groups[(file, _kind(msg))].append(msg)
    out = []
    for (file, kind), msgs in sorted(groups.items()):
        head = f"{file}: " if file else ""
        if len(msgs) == 1:
            out.append(head + msgs[0])
        else:
            more = f" (and {len(msgs) - examples} more; --verbose for all)" if len(msgs) > examples else ""
            out.append(f"{head}{len(msgs)}× {kind}: e.g. " + "; ".join(msgs[:examples]) + more)
    return out
