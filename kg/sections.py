"""The analysts' sections of the report: careers, protocol rank by month (an inline SVG line
chart drawn here, no library, no network), and a comparison of two periods."""
from __future__ import annotations

import html
from urllib.parse import quote

from .analysis import iter_select, select_for
from .careers import UnknownPerson, careers, rank_series, sparql_string
from .diff import DIFF_COLOURS, SECTIONS, compare, diff_network, diff_rows, format_rows

__all__ = ["careers_section", "rank_section", "rank_chart_svg", "compare_section", "analyst_sections", "SECTION_CSS"]

PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#9c755f", "#76b7b2", "#edc948",
           "#ff9da7", "#bab0ac"]
ROW_LIMIT = 200  # rows a report table shows; the rest are counted (kg diff --format csv has all)

SECTION_CSS = """
 .kg-chart { max-width: 100%; height: auto; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
 .kg-chart a circle { cursor: pointer; }
 .kg-chart a:hover circle { stroke: #000; stroke-width: 2; }
 .rank-ev { display: none; border: 1px solid #bbb; background: #fafafa; padding: 6px 12px; margin: 0 0 1em; font-size: 14px; }
 .rank-ev:target { display: block; }
 .rank-ev li { margin: 4px 0; }
 .kg-note { color: #555; font-size: 14px; }
 #careers td, #compare td { white-space: nowrap; }
 td.promotion { color: #1a7f37; } td.demotion { color: #c62828; } td.transfer { color: #6a3d9a; }
 td.new { color: #1a7f37; } td.gone { color: #c62828; }
"""


def _e(x) -> str:
    return html.escape(str(x))


def _articles(src, iris) -> dict[str, tuple[str, str]]:
    """article IRI -> (headline, source file)."""
    q = "SELECT ?a ?h ?f WHERE { VALUES ?a { %s } OPTIONAL { ?a kg:headline ?h } OPTIONAL { ?a kg:sourceFile ?f } }"
    return {a: (h or a.rsplit("/", 1)[-1], f or "") for a, h, f in select_for(src, q, iris)}


def _table(header, rows, classes=None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = []
    for k, r in enumerate(rows):
        cls = (classes or {}).get(k, {})
        body.append("<tr>" + "".join(
            f'<td class="{cls[i]}">{_e(c)}</td>' if i in cls else f"<td>{_e(c)}</td>" for i, c in enumerate(r)) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _n(k: int, word: str) -> str:
    return f"{k:,} {word}" + ("" if k == 1 else "s")


def _more(n: int, what: str) -> str:
    return f'<p class="kg-note">and {n:,} more {what} not shown</p>' if n > 0 else ""


def careers_section(src, person=None, place=None, date_from=None, date_to=None) -> str:
    """Career steps (promotion, demotion, lateral, transfer, change) with the two articles
    each rests on, and the posts, as intervals, of the persons who took a step."""
    try:
        found = careers(src, person=person, place=place, date_from=date_from, date_to=date_to)
    except UnknownPerson:
        found = []
    moved = [c for c in found if c.steps]
    steps = [(c, s) for c in moved for s in c.steps]
    steps.sort(key=lambda x: (x[1].date_after, x[0].name, x[0].person))
    shown = steps[:ROW_LIMIT]
    info = _articles(src, [a for _, s in shown for a in (s.article_before, s.article_after)])
    rank = lambda p: f"{p.title} ({p.rank})" if p.rank is not None else p.title  # noqa: E731
    rows, classes = [], {}
    for k, (c, s) in enumerate(shown):
        where = s.before.place if s.before.place == s.after.place else f"{s.before.place or '?'} → {s.after.place or '?'}"
        rows.append([c.name, where, rank(s.before), s.date_before, rank(s.after), s.date_after, s.kind,
                     f"{info.get(s.article_before, ('',))[0]} / {info.get(s.article_after, ('',))[0]}"])
        classes[k] = {6: s.kind}
    posts = []
    for c in moved[:ROW_LIMIT]:
        for p in c.posts:
            posts.append([c.name, p.title, p.place, "" if p.rank is None else p.rank, p.first, p.last, len(p.articles)])
    intro = (f"<p class=\"kg-note\">From {_n(sum(len(c.posts) for c in found), 'post')} of {_n(len(found), 'person')} with "
             f"dated titles: {_n(len(steps), 'career step')} of {_n(len(moved), 'person')}. A step is a change of the highest-ranked title "
             "between two dated articles; ranks from kg/lexicons/post_ranks.txt (higher is more senior); a move to "
             "another place is a transfer, a post with no rank a change.</p>")
    return ('<section id="careers"><h2>Careers</h2>' + intro
            + (_table(["person", "place", "from post (rank)", "last seen", "to post (rank)", "first seen", "step", "articles (before / after)"], rows, classes)
               if rows else "<p>No career steps.</p>") + _more(len(steps) - len(shown), "steps")
            + ("<h3>Posts of the persons who moved</h3>" + _table(["person", "post", "place", "rank", "first seen", "last seen", "articles"], posts)
               if posts else "") + "</section>")


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _anchor(i: int, month: str) -> str:
    return f"rank-ev-{i}-{month}"


def rank_chart_svg(names: dict[str, str], series: dict) -> str:
    """A line chart of each person's mean place in attendee lists by month (1, the most
    senior, at the top); every point links to the panel listing the lists behind it."""
    months = sorted({pt.month for pts in series.values() for pt in pts})
    if not months:
        return ""
    axis = _months(months[0], months[-1])
    worst = max(pt.rank for pts in series.values() for pt in pts)
    top_rank = max(2, int(worst + 0.999))
    w, h, left, right, top, bottom = 980, 440, 56, 170, 24, 70
    pw, ph = w - left - right, h - top - bottom
    x = lambda m: left + (pw * axis.index(m) / (len(axis) - 1) if len(axis) > 1 else pw / 2)  # noqa: E731
    y = lambda r: top + ph * (r - 1) / (top_rank - 1)  # noqa: E731
    out = [f'<svg class="kg-chart" id="rank-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
           f'width="{w}" height="{h}" role="img" aria-label="protocol rank by month">',
           f'<rect x="0" y="0" width="{w}" height="{h}" fill="#fff"/>']
    step = max(1, (top_rank - 1) // 8 + 1)
    for r in range(1, top_rank + 1, step):
        out.append(f'<line x1="{left}" y1="{y(r):.1f}" x2="{left + pw}" y2="{y(r):.1f}" stroke="#e3e3e3"/>'
                   f'<text x="{left - 8}" y="{y(r) + 5:.1f}" text-anchor="end" font-size="13" fill="#444">{r}</text>')
    every = max(1, len(axis) // 12 + (1 if len(axis) % 12 else 0)) if len(axis) > 12 else 1
    for k, m in enumerate(axis):
        tick = f'<line x1="{x(m):.1f}" y1="{top + ph}" x2="{x(m):.1f}" y2="{top + ph + 5}" stroke="#888"/>'
        label = (f'<text x="{x(m):.1f}" y="{top + ph + 20}" text-anchor="middle" font-size="12" fill="#444">{m}</text>'
                 if k % every == 0 else "")
        out.append(tick + label)
    out.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#888"/>'
               f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="#888"/>'
               f'<text x="{left + pw / 2:.0f}" y="{h - 22}" text-anchor="middle" font-size="13" fill="#333">month (月份)</text>'
               f'<text transform="translate(16 {top + ph / 2:.0f}) rotate(-90)" text-anchor="middle" font-size="13" fill="#333">'
               'place in attendee lists (1 = listed first)</text>')
    for i, (p, pts) in enumerate(series.items()):
        colour = PALETTE[i % len(PALETTE)]
        if len(pts) > 1:
            coords = " ".join(f"{x(pt.month):.1f},{y(pt.rank):.1f}" for pt in pts)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for pt in pts:
            tip = f"{names[p]} {pt.month}: {pt.rank:g} ({pt.lists} list{'s' if pt.lists != 1 else ''}) — click for the articles"
            out.append(f'<a href="#{_anchor(i, pt.month)}"><circle cx="{x(pt.month):.1f}" cy="{y(pt.rank):.1f}" r="6" '
                       f'fill="{colour}" stroke="#fff" stroke-width="1.5"><title>{_e(tip)}</title></circle></a>')
        ly = top + 8 + 22 * i  # the legend, at the right: colour and name, in the order drawn
        out.append(f'<line x1="{left + pw + 14}" y1="{ly:.0f}" x2="{left + pw + 36}" y2="{ly:.0f}" stroke="{colour}" '
                   f'stroke-width="3"/><circle cx="{left + pw + 25}" cy="{ly:.0f}" r="4.5" fill="{colour}"/>'
                   f'<text x="{left + pw + 44}" y="{ly + 5:.0f}" font-size="14" fill="#222">{_e(names[p])}</text>')
    out.append("</svg>")
    return "".join(out)


def rank_section(src, top: int = 8, person=None, place=None, date_from=None, date_to=None) -> str:
    """Protocol rank over time: the chart and, for each point, a panel (opened by clicking the
    point) with the attendee lists behind it: date, headline, place in the list, sentence,
    source file and offsets."""
    persons = None
    if person:
        q = f"SELECT DISTINCT ?p WHERE {{ ?p a kg:Person ; rdfs:label ?n . FILTER(STR(?n) = {sparql_string(person)}) }}"
        persons = sorted(p for (p,) in iter_select(src, q))
    names, series = rank_series(src, top=top, persons=persons, date_from=date_from, date_to=date_to, place=place)
    series = {p: pts for p, pts in series.items() if pts}
    head = ("<h2>Protocol rank by month</h2><p class=\"kg-note\">Each person's mean place in the "
            "attendee lists of the events of a month (official news lists people by rank: 1 is listed first). "
            + (f"The {len(series)} persons seen in the most lists. " if not person else "")
            + "Click a point for the articles behind it.</p>")
    if not series:
        return f'<section id="protocol-rank">{head}<p>No attendee lists with dated events.</p></section>'
    panels = []
    for i, (p, pts) in enumerate(series.items()):
        for pt in pts:
            items = "".join(
                f"<li>{_e(d)} · <b>{_e(hd)}</b> · place {o} · “{_e(s)}” <span class=\"kg-note\">{_e(f)}"
                + (f" [{a}–{b}]" if a is not None else "") + "</span></li>"
                for d, hd, o, s, f, a, b in pt.evidence)
            panels.append(f'<div class="rank-ev" id="{_anchor(i, pt.month)}"><b>{_e(names[p])}</b> · {pt.month}: mean place '
                          f"{pt.rank:g} in {pt.lists} list{'s' if pt.lists != 1 else ''}<ul>{items}</ul></div>")
    return f'<section id="protocol-rank">{head}{rank_chart_svg(names, series)}{"".join(panels)}</section>'


def compare_section(src, first, second, top: int | None = 300) -> str:
    """Two periods compared: a table per kind of change, the rows as CSV (a download link),
    and the co-attendance network with new and vanished persons and edges coloured."""
    from .render import network_html

    c = compare(src, first, second)
    rows = diff_rows(c)
    csv_text = format_rows(rows, "csv", c)
    parts = [f"<section id=\"compare\"><h2>Compare periods: {_e(first)} and {_e(second)}</h2>",
             f'<p class="kg-note">Events of the whole corpus in each period (the report\'s filters do not apply here). '
             f'The same rows as <code>kg diff --format csv</code>: '
             f'<a download="kg-diff.csv" href="data:text/csv;charset=utf-8,{quote(csv_text)}">download CSV</a>.</p>']
    for sec, title in SECTIONS.items():
        mine = [r[1:] for r in rows if r[0] == sec]
        parts.append(f"<h3>{_e(title)}</h3>")
        if not mine:
            parts.append("<p>None.</p>")
            continue
        classes = {k: {4: r[4].split()[0]} for k, r in enumerate(mine[:ROW_LIMIT])}
        parts.append(_table(["item", "place", "first period", "second period", "change"], mine[:ROW_LIMIT], classes))
        parts.append(_more(len(mine) - ROW_LIMIT, "rows"))
    net, note = diff_network(c, top)
    page = network_html(net, "co-attendance: changes between the periods", note, status_colours=DIFF_COLOURS)
    parts.append(f'<iframe title="changes between the periods" srcdoc="{html.escape(page, quote=True)}"></iframe></section>')
    return "".join(parts)


def analyst_sections(src, view=None, periods=None) -> list[str]:
    """The report's careers and rank sections (filtered as `view` says: person, place, dates)
    and, when `periods` (two diff.Period) are given, the comparison."""
    person = getattr(view, "person", None)
    place = getattr(view, "place", None)
    date_from, date_to = getattr(view, "date_from", None), getattr(view, "date_to", None)
    out = [careers_section(src, person, place, date_from, date_to),
           rank_section(src, person=person, place=place, date_from=date_from, date_to=date_to)]
    if periods:
        out.append(compare_section(src, *periods, top=getattr(view, "top", None)))
    return out
