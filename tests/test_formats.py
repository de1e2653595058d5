"""PDF pages and HTML article pages give the facts their text gives (issue 10)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.pipeline import build, extract_file_text
from kg.read import ReadError, find_inputs, read_source

from . import formats_fixtures as fx

needs_chromium = pytest.mark.skipif(fx.CHROMIUM is None, reason="needs Debian's chromium")


def facts_by_headline(facts) -> dict:
    """What must not depend on the format: persons, events, directives of each article."""
    out = {}
    for f in facts:
        if not f.article.headline:
            continue
        out[f.article.headline] = {
            "persons": sorted({p.name for p in f.persons}),
            "events": sorted((e.kind, e.date or "", e.chair or "", tuple(sorted(e.attendees))) for e in f.events),
            "directives": sorted((d.speaker or "", re.sub(r"\s+", "", d.text)) for d in f.directives),
        }
    return out


def read_facts(path: Path):
    src = read_source(path)
    return src, extract_file_text(src.text, src.path, 2022, src)


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> Path:
    """A folder with the same four articles as a text page, HTML pages (one GBK) and PDF
    pages in three layouts."""
    d = tmp_path_factory.mktemp("formats")
    items = fx.stories()
    (d / "page.txt").write_text(fx.text_page(items), encoding="utf-8")
    for n, s in enumerate(items, 1):
        (d / f"web-{n}.html").write_bytes(fx.html_page(s, n, "gbk" if n == 2 else "utf-8"))
    if fx.CHROMIUM:
        for layout in fx.LAYOUTS:
            fx.chromium_pdf(fx.print_html(items, layout), d / f"paper-{layout}.pdf")
    return d


def test_formats_text_page_has_the_four_articles(pages):
    _, facts = read_facts(pages / "page.txt")
    got = facts_by_headline(facts)
    assert list(got) == [s.headline for s in fx.stories()]
    assert all(v["persons"] and v["events"] for v in got.values())


def test_formats_html_gives_the_facts_of_the_text(pages):
    want = facts_by_headline(read_facts(pages / "page.txt")[1])
    for n, s in enumerate(fx.stories(), 1):
        src, facts = read_facts(pages / f"web-{n}.html")
        assert "网站首页" not in src.text and "主办" not in src.text and "上一篇" not in src.text
        assert "相关新闻" not in src.text and "分享到" not in src.text
        got = facts_by_headline(facts)
        assert got == {s.headline: want[s.headline]}, n
        assert facts[0].article.url == f"https://www.example.gov.cn/xwzx/chyw/2022/07/art_{n}.html"
    assert read_source(pages / "web-2.html").encoding == "gb18030"  # the declared GBK


@needs_chromium
@pytest.mark.parametrize("layout", list(fx.LAYOUTS))
def test_formats_pdf_gives_the_facts_of_the_text(pages, layout):
    want = facts_by_headline(read_facts(pages / "page.txt")[1])
    src, facts = read_facts(pages / f"paper-{layout}.pdf")
    assert facts_by_headline(facts) == want
    arts = [f.article for f in facts]
    assert [a.page for a in arts] == [1] * len(arts)
    assert sorted(a.prominence for a in arts) == list(range(1, len(arts) + 1))
    if layout in ("two", "grid"):  # the lead story's headline is the largest
        assert arts[0].prominence == 1 and arts[0].headline_size > arts[1].headline_size
    # offsets point into the text the PDF gave
    for f in facts:
        for d in f.directives:
            s = re.sub(r"\s+", "", src.text[d.evidence.start:d.evidence.end])
            assert re.sub(r"\s+", "", d.evidence.sentence)[:6] in s


@needs_chromium
def test_formats_kg_build_on_a_folder_of_all_three(pages, tmp_path):
    """The Done-when of issue 10: one folder, three formats, the same facts from each."""
    result = build([pages], year=2022)
    assert not result.errors, result.errors
    by_file: dict[str, list] = {}
    for f in result.facts:
        by_file.setdefault(Path(f.article.source).name, []).append(f)
    text = facts_by_headline(by_file.pop("page.txt"))
    web = {}
    for name in [n for n in by_file if n.endswith(".html")]:
        web.update(facts_by_headline(by_file.pop(name)))
    assert web == text
    for name, facts in by_file.items():
        assert facts_by_headline(facts) == text, name
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(pages), "--year", "2022", "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "kg:page 1" in ttl and "kg:prominence 1" in ttl and "#page=1" in ttl
    assert "https://www.example.gov.cn/xwzx/chyw/2022/07/art_1.html" in ttl


# --- bad input: one line naming the file, the rest goes on ---------------------------------
@needs_chromium
def test_formats_bad_inputs_are_one_line_each(pages, tmp_path):
    good = (pages / "paper-three.pdf").read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    (tmp_path / "really-text.pdf").write_text(fx.text_page(fx.stories()[:1]), encoding="utf-8")
    (tmp_path / "empty-page.html").write_text(
        "<html><head><title>首页</title></head><body><div>网站首页 | 新闻中心</div>"
        "<div>主办：示例区人民政府办公室</div></body></html>", encoding="utf-8")
    (tmp_path / "windows.txt").write_bytes("\ufeff".encode("utf-16-le") + fx.text_page(fx.stories()[:1]).encode("utf-16-le"))
    (tmp_path / "page.txt").write_text(fx.text_page(fx.stories()), encoding="utf-8")
    _encrypted(pages / "paper-three.pdf", tmp_path / "encrypted.pdf")
    fx.scanned_pdf(tmp_path / "scan.pdf")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path), "--year", "2022", "-o", str(out),
                           "--verbose"], capture_output=True, text=True)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    for name, says in (("encrypted.pdf", "encrypted"), ("corrupt.pdf", "PDF"), ("truncated.pdf", "PDF"),
                       ("really-text.pdf", "not a PDF"), ("empty-page.html", "no article text"),
                       ("scan.pdf", "no text layer: scanned image?")):
        mine = [x for x in lines if name in x]
        assert len(mine) == 1 and says in mine[0], (name, mine, proc.stderr)
    assert not any("windows.txt" in x for x in lines)
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "刘德君" in ttl and "windows-01" in ttl and "really-text-01" in ttl


def _encrypted(src: Path, out: Path) -> None:
    """A PDF that opens only with a password (reportlab's standard encryption)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("wqy", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0))
    c = canvas.Canvas(str(out), encrypt=StandardEncryption("secret", canPrint=0))
    c.setFont("wqy", 12)
    c.drawString(72, 760, "本报讯（记者 韩志刚）7月23日上午，区委书记刘德君主持召开会议。")
    c.showPage()
    c.save()


def test_formats_scanned_page_with_ocr_says_how_to_install_tesseract(tmp_path, monkeypatch):
    from kg.formats import pdf

    fx.scanned_pdf(tmp_path / "scan.pdf")
    monkeypatch.setattr(pdf, "tesseract_ready", lambda: False)
    with pytest.raises(ReadError) as e:
        read_source(tmp_path / "scan.pdf", ocr=True)
    msg = str(e.value)
    assert "scan.pdf" in msg and "no text layer: scanned image?" in msg and "apt-get install tesseract-ocr" in msg
    assert "\n" not in msg


def test_formats_scanned_page_is_read_by_tesseract_with_ocr(tmp_path):
    from kg.formats import pdf

    if not pdf.tesseract_ready():
        pytest.skip("tesseract with chi_sim not installed (.ci/run installs tesseract-ocr-chi-sim)")
    lines = ["测试标题", "本报讯 7月23日上午，区委书记刘德君主持召开会议。", "区长胡友涛出席会议。"]
    fx.scanned_text_pdf(tmp_path / "scan.pdf", lines)
    with pytest.raises(ReadError):  # without --ocr the page is named, not guessed at
        read_source(tmp_path / "scan.pdf")
    src = read_source(tmp_path / "scan.pdf", ocr=True)
    text = "".join(src.text.split())
    assert "刘德君主持召开会议" in text and "胡友涛" in text


def test_formats_utf16_text_with_a_bom(tmp_path):
    text = fx.text_page(fx.stories()[:1])
    for enc, bom in (("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff")):
        p = tmp_path / f"{enc}.txt"
        p.write_bytes((bom + text).encode(enc))
        assert read_source(p).text.lstrip("\ufeff") == text


def test_formats_found_in_folders(tmp_path):
    for name in ("a.txt", "b.pdf", "c.html", "d.HTM", "e.doc"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in find_inputs([tmp_path])] == ["a.txt", "b.pdf", "c.html", "d.HTM"]


def test_formats_a_rebuild_with_ocr_reads_the_scanned_pdf_built_without(tmp_path):
    from kg.formats import pdf

    if not pdf.tesseract_ready():
        pytest.skip("tesseract with chi_sim not installed (.ci/run installs tesseract-ocr-chi-sim)")
    pages = tmp_path / "in"
    pages.mkdir()
    # page 1 has a text layer, page 2 is scanned: built without --ocr, the PDF is read in part
    fx.scanned_text_pdf(pages / "paper.pdf", ["第二版", "本报讯 7月23日上午，区委书记韩立松主持召开会议。"],
                        typed=["第一版", "本报讯 7月22日上午，区长胡友涛主持召开会议。"])
    (pages / "other.txt").write_text(fx.text_page(fx.stories()[:1]), encoding="utf-8")
    out = tmp_path / "out"
    run = [sys.executable, "-m", "kg", "build", str(pages), "--year", "2022", "-o", str(out)]
    first = subprocess.run(run, capture_output=True, text=True)
    assert "no text layer" in first.stderr + first.stdout
    assert "韩立松" not in (out / "graph.ttl").read_text(encoding="utf-8")
    second = subprocess.run(run + ["--ocr"], capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert "1 built, 1 unchanged" in second.stdout  # the PDF again, the text file not
    assert "韩立松" in (out / "graph.ttl").read_text(encoding="utf-8")
