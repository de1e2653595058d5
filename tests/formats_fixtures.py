"""Pages the format tests make themselves from the project's demo page: the same articles as
a text page, as HTML article pages inside a government-site-like template (navigation,
breadcrumbs, share links, footer), and as PDF pages printed from HTML by headless Chromium
in several column layouts. No third-party page is used."""
from __future__ import annotations

import html
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kg.segment import split_articles

SAMPLE = Path(__file__).parent / "data" / "chuanhui-2022-07.txt"
PICK = (1, 2, 4, 5)  # items of the demo page with a headline of their own
MASTHEAD = "2022年7月26日 星期二 川汇新闻 第1版"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FONT = "'WenQuanYi Micro Hei', sans-serif"


@dataclass(frozen=True)
class Story:
    kicker: str
    headline: str
    paragraphs: tuple[str, ...]  # the first opens with the lead and byline
    reporter: str


def stories() -> list[Story]:
    out = []
    for a in split_articles(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name):
        if a.index not in PICK:
            continue
        by = "记者 " + " ".join(a.reporters)
        if a.correspondents:
            by += " 通讯员 " + " ".join(a.correspondents)
        paras = a.body.split("\n")
        paras[0] = f"{a.dateline}（{by}）{paras[0]}"
        out.append(Story(a.kicker, a.headline, tuple(paras), a.reporters[0] if a.reporters else ""))
    return out


def text_page(items: list[Story]) -> str:
    parts = [MASTHEAD, ""]
    for s in items:
        parts += ([s.kicker] if s.kicker else []) + [s.headline] + list(s.paragraphs) + [""]
    return "\n".join(parts)


_SITE = """<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_川汇要闻_示例区人民政府</title>
<meta property="og:title" content="{title}">
<meta name="PubDate" content="2022-07-26 09:30">
<meta name="author" content="{author}">
<link rel="canonical" href="https://www.example.gov.cn/xwzx/chyw/2022/07/art_{n}.html">
</head><body>
<div class="top"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a> <a href="/xwzx">新闻中心</a>
<a href="/hdjl">互动交流</a> <a href="/bsfw">办事服务</a> <a href="/search">站内搜索</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx">新闻中心</a> &gt; 川汇要闻</div>
<div class="main"><div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2022-07-26 09:30　来源：川汇新闻　浏览次数：128　字号：[大 中 小]</div>
<div class="content">{body}</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="pn"><p>上一篇：<a href="/a">区政府召开常务会议</a></p><p>下一篇：<a href="/b">我区开展防汛演练</a></p></div>
</div>
<div class="side"><h3>相关新闻</h3><ul><li><a href="/c">我区召开安全生产工作会议</a></li>
<li><a href="/d">区领导督导疫情防控工作</a></li><li><a href="/e">全区“五星”支部创建推进会召开</a></li></ul></div></div>
<div class="footer"><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
<p>主办：示例区人民政府办公室　承办：示例区大数据中心　网站标识码：0000000000</p>
<p>地址：示例市示例区人民路1号　邮编：466000　电话：0394-0000000</p></div>
</body></html>
"""


def html_page(s: Story, n: int, charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in s.paragraphs)
    if s.kicker:
        body = f"<p><strong>{html.escape(s.kicker)}</strong></p>" + body
    page = _SITE.format(charset=charset, title=html.escape(s.headline), author=s.reporter, n=n, body=body)
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


_PRINT_CSS = """@page {{ size: A3; margin: 12mm; }}
body {{ font-family: {font}; font-size: 9.5pt; line-height: 1.55; margin: 0; }}
.mast {{ font-size: 9.5pt; border-bottom: 2px solid #000; margin-bottom: 8pt; }}
.story {{ margin: 0 0 16pt; }}
.kicker {{ font-size: 13pt; margin: 0 0 3pt; }}
h2 {{ margin: 0 0 10pt; font-weight: bold; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
"""
LAYOUTS = {
    # every story: its headline across the page, its text in three columns
    "three": ".body {{ column-count: 3; column-gap: 7mm; }} h2 {{ font-size: 20pt; }}",
    # two columns; the lead story's headline much larger than the others
    "two": ".body {{ column-count: 2; column-gap: 9mm; }} h2 {{ font-size: 16pt; }} "
           ".story:first-of-type h2 {{ font-size: 26pt; }}",
    # a grid: the lead story across the top in two columns, two stories side by side, one across
    "grid": ".page {{ display: grid; grid-template-columns: 1fr 1fr; column-gap: 9mm; }} "
            ".story:nth-of-type(1), .story:nth-of-type(4) {{ grid-column: 1 / 3; }} "
            ".story:nth-of-type(1) .body, .story:nth-of-type(4) .body {{ column-count: 2; column-gap: 9mm; }} "
            "h2 {{ font-size: 17pt; }} .story:nth-of-type(1) h2 {{ font-size: 24pt; }}",
}


def print_html(items: list[Story], layout: str) -> str:
    css = (_PRINT_CSS + LAYOUTS[layout]).format(font=FONT)
    parts = [f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style></head><body>',
             f'<div class="mast">{MASTHEAD}</div><div class="page">']
    for s in items:
        parts.append('<div class="story">')
        if s.kicker:
            parts.append(f'<div class="kicker">{html.escape(s.kicker)}</div>')
        parts.append(f"<h2>{html.escape(s.headline)}</h2><div class=\"body\">")
        parts += [f"<p>{html.escape(p)}</p>" for p in s.paragraphs]
        parts.append("</div></div>")
    parts.append("</div></body></html>")
    return "".join(parts)


def chromium_pdf(page_html: str, out: Path) -> Path:
    src = out.with_suffix(".src.html")
    src.write_text(page_html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src.as_uri()], capture_output=True, timeout=120, check=True)
    src.unlink()
    return out


def scanned_pdf(out: Path) -> Path:
    """A page that is only an image, as a scanner writes it (reportlab, no text layer)."""
    from reportlab.lib.utils import ImageReader  # noqa: F401  (reportlab is a test dependency)
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out))
    c.setFillGray(0.2)
    for k in range(20):  # strokes of 'print' drawn as paths: an image of text, no characters
        c.rect(60, 760 - 30 * k, 400 - 7 * k, 8, fill=1, stroke=0)
    c.showPage()
    c.save()
    return out


WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def scanned_text_pdf(out: Path, lines: list[str], typed: list[str] | None = None) -> Path:
    """A page that is only an image of printed lines (no text layer), as a scanner writes it:
    the lines drawn with the CJK font into a picture, the picture placed on a PDF page; with
    `typed`, a first page set as real text before it."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = ImageFont.truetype(WQY, 44)
    img = Image.new("L", (2000, 120 + 80 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(lines):
        draw.text((60, 60 + 80 * k), line, font=font, fill=0)
    c = canvas.Canvas(str(out))
    if typed:
        pdfmetrics.registerFont(TTFont("wqy", WQY, subfontIndex=0))
        c.setFont("wqy", 12)
        for k, line in enumerate(typed):
            c.drawString(60, 760 - 20 * k, line)
        c.showPage()
    c.drawImage(ImageReader(img), 30, 400, width=540, height=540 * img.height / img.width)
    c.showPage()
    c.save()
    return out
