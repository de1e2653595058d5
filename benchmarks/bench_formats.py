"""Pages per second read from PDF (PDFium text layer + layout) next to text and HTML.

    python benchmarks/bench_formats.py [--pages 20]

Makes its inputs as the tests do (the demo page's articles printed by headless Chromium
into a PDF of N pages, one HTML page per article), then times read_source and the whole
read + split + extract of each format.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.pipeline import extract_file_text  # noqa: E402
from kg.read import read_source  # noqa: E402
from tests import formats_fixtures as fx  # noqa: E402


def timed(paths: list[Path], pages: int, rounds: int = 3) -> tuple[float, float]:
    best_read = best_all = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        srcs = [read_source(p) for p in paths]
        t1 = time.perf_counter()
        for s in srcs:
            extract_file_text(s.text, s.path, 2022, s)
        t2 = time.perf_counter()
        best_read, best_all = min(best_read, t1 - t0), min(best_all, t2 - t0)
    return pages / best_read, pages / best_all


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20)
    n = ap.parse_args().pages
    items = fx.stories()
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        html = fx.print_html(items, "three")
        # N pages: the page's stories again and again, each page breaking before its masthead
        one = html[html.index("<body>") + 6: html.index("</body>")]
        body = "".join(f'<div style="break-after: page">{one}</div>' for _ in range(n))
        pdf = fx.chromium_pdf(html.replace(one, body), d / "paper.pdf")
        txt = d / "page.txt"
        txt.write_text(fx.text_page(items), encoding="utf-8")
        webs = []
        for k, s in enumerate(items, 1):
            webs.append(d / f"web-{k}.html")
            webs[-1].write_bytes(fx.html_page(s, k))
        import pypdfium2 as pdfium
        pages = len(pdfium.PdfDocument(str(pdf)))
        rows = [("text", *timed([txt] * pages, pages)),
                ("pdf", *timed([pdf], pages)),
                ("html (4 pages = 1 text page)", *timed(webs * pages, pages))]
    print(f"{'format':30s} {'read pages/s':>13s} {'read+extract pages/s':>21s}   ({pages} pages of 4 articles)")
    for name, r, a in rows:
        print(f"{name:30s} {r:13.1f} {a:21.1f}")


if __name__ == "__main__":
    main()
