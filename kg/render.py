"""Interactive network views (pyvis, fully offline) and a one-page HTML report."""
from __future__ import annotations

import html
import re

from collections import Counter

import networkx as nx
from pyvis.network import Network

from .analysis import SEP

__all__ = ["network_html", "report_html", "PALETTE"]

PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac"]
KIND_COLOURS = {"person": "#4e79a7", "project": "#f28e2b"}
# straight edges and a bounded stabilisation settle in seconds; physics then stops
_OPTIONS = """
{
  "physics": {"solver": "barnesHut",
              "barnesHut": {"gravitationalConstant": -9000, "centralGravity": 0.3, "springLength": 190,
                            "springConstant": 0.04, "damping": 0.12, "avoidOverlap": 0.3},
              "stabilization": {"enabled": true, "iterations": 400, "fit": true}},
  "edges": {"smooth": false, "color": {"opacity": 0.45}, "scaling": {"min": 1, "max": 8}},
  "nodes": {"font": {"size": 16, "face": "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"},
            "scaling": {"min": 8, "max": 40}},
  "interaction": {"hover": true, "tooltipDelay": 120},
  "layout": {"randomSeed": 42}
}
"""
_CDN = re.compile(r"\s*<(?:link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.S)
_EXTRA_CSS = """
<style>
  .vis-tooltip { white-space: pre-wrap !important; max-width: 460px; font-family: sans-serif; font-size: 13px; }
  body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; margin: 0; }
  #select-menu, .card-header { padding: 6px 10px; }
  h1.kg-title { font-size: 20px; margin: 10px 12px 0; text-align: left; }
  p.kg-filter { font-size: 13px; color: #a33; margin: 2px 12px 6px; text-align: left; }
  p.kg-legend { font-size: 13px; color: #555; margin: 2px 12px 6px; text-align: left; }
</style>
<script>
  // once the layout has settled, stop the physics so the view stays still
  window.addEventListener("load", function () {
    if (typeof network !== "undefined") {
      network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); });
    }
  });
</script>
"""


# the node attributes a tooltip shows, with their names in Chinese and English
_TOOLTIP_FIELDS = (("titles", "职务 titles"), ("chaired", "主持 chaired"), ("led", "带队 led"),
                   ("attended", "参加 attended"), ("directives", "讲话 directives"),
                   ("protocol_rank", "排序 protocol rank"), ("visits", "考察 visits"), ("named", "提及 named"),
                   ("responsible", "负责 responsible"), ("betweenness", "betweenness"), ("community", "community"))


def _tooltip(d: dict) -> str:
    lines = [d.get("label", "")]
    for key, name in _TOOLTIP_FIELDS:
        v = d.get(key)
        if v not in (None, "", 0):
            lines.append(f"{name}: {v}")
    return "\n".join(lines)


def _escape_script_data(page: str) -> str:
    """Names and sentences go into JSON inside <script>: a "</script>" in them must not end
    the script, so every "<" in the data lines is written as the JS escape \\u003c."""
    out = []
    for line in page.splitlines(keepends=True):
        if re.match(r"\s*(?:nodes|edges) = new vis\.DataSet\(", line):
            line = line.replace("<", "\\u003c")
        out.append(line)
    return "".join(out)


def network_html(net: nx.Graph, title: str, note: str = "",
                 status_colours: dict[str, tuple[str, str]] | None = None) -> str:
    """A self-contained HTML page drawing `net` (vis-network inlined, no CDN): node size by
    eigenvector centrality, colour by community (co-attendance) or kind (responsibility),
    edge width by weight, hover text with titles, counts and evidence, and a search box.
    `note` says what was filtered (shown under the title). `status_colours` (status ->
    (colour, legend text)) colours nodes and edges by their `status` attribute instead, e.g.
    new and vanished ones in a comparison of two periods."""
    vis = Network(height="760px", width="100%", heading="", cdn_resources="in_line",
                  select_menu=True, bgcolor="#ffffff", font_color="#222222")
    by_kind = any(d.get("kind") == "project" for _, d in net.nodes(data=True))
    # the search box lists node ids: use the names as written (an IRI tail where two clash)
    labels = Counter(d.get("label", n) for n, d in net.nodes(data=True))
    shown = {n: (d.get("label", n) if labels[d.get("label", n)] == 1 else f"{d.get('label', n)} ({n.rsplit('/', 1)[-1]})")
             for n, d in net.nodes(data=True)}
    # size by centrality: eigenvector where it separates nodes, else degree
    top_eig = max((d.get("eigenvector", 0.0) for _, d in net.nodes(data=True)), default=0.0) or 1.0
    top_deg = max((d.get("degree", 0) for _, d in net.nodes(data=True)), default=0) or 1
    for n, d in sorted(net.nodes(data=True), key=lambda x: shown[x[0]]):
        size = d.get("eigenvector", 0.0) / top_eig if not by_kind else d.get("degree", 0) / top_deg
        colour = KIND_COLOURS.get(d.get("kind"), "#888") if by_kind else PALETTE[d.get("community", 0) % len(PALETTE)]
        if status_colours and d.get("status") in status_colours:
            colour = status_colours[d["status"]][0]
        vis.add_node(shown[n], label=d.get("label", n), title=_tooltip(d), color=colour,
                     value=round(1 + 30 * size, 3),
                     shape="dot" if d.get("kind") != "project" else "square")
    for u, v, d in sorted(net.edges(data=True), key=lambda e: (e[0], e[1])):
        lines = [f"{net.nodes[u].get('label', u)} — {net.nodes[v].get('label', v)}", f"weight: {d.get('weight', 1)}"]
        if d.get("relations"):
            lines.append(d["relations"])
        for key in ("events", "evidence"):
            if d.get(key):
                lines += ["", *d[key].split(SEP)]
        extra = {"color": status_colours[d["status"]][0]} if status_colours and d.get("status") in status_colours else {}
        vis.add_edge(shown[u], shown[v], value=d.get("weight", 1), title="\n".join(lines), **extra)
    vis.set_options(_OPTIONS)
    page = vis.generate_html(notebook=False)
    page = _CDN.sub("", page)
    legend = ("colour: 人物 person (circle) / 项目 project (square); size: degree" if by_kind
              else "colour: community (Louvain); size: eigenvector centrality") + "; edge width: weight; hover for details"
    if status_colours:
        legend = "colour of nodes and edges: " + " / ".join(t for _, t in status_colours.values()) + "; edge width: weight; hover for details"
    page = page.replace("<h1></h1>", "", 1)
    page = page.replace("<h1></h1>", f'<h1 class="kg-title">{html.escape(title)}</h1><p class="kg-legend">{html.escape(legend)}</p>'
                        + (f'<p class="kg-filter" id="kg-filter">{html.escape(note)}</p>' if note else ""), 1)
    page = page.replace("</head>", _EXTRA_CSS + "</head>", 1)
    page = page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    # pyvis writes the ids into the search box's <option>s unescaped
    for node_id in shown.values():
        raw = f'<option value="{node_id}">{node_id}</option>'
        safe = f'<option value="{html.escape(node_id, quote=True)}">{html.escape(node_id)}</option>'
        page = page.replace(raw, safe)
    return _escape_script_data(page)


def _table(header: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_html(people: list[list], meetings: list[list], projects: list[list],
                networks: dict[str, str], source: str, sections: list[str] | None = None) -> str:
    """One page: people ranked, meetings by date, projects with responsible persons, and the
    network views embedded (iframe srcdoc, so the page needs no server and no other file).
    `sections`: further HTML sections (careers, rank chart, comparison: kg/sections.py),
    placed after the tables and before the networks."""
    from .sections import SECTION_CSS

    extra = "\n".join(sections or [])
    frames = "".join(
        f"<h2>{html.escape(name)}</h2><iframe title=\"{html.escape(name)}\" srcdoc=\"{html.escape(page, quote=True)}\"></iframe>"
        for name, page in networks.items())
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>govnews-kg report</title>
<style>
 body {{ font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; margin: 2em; color: #222; }}
 table {{ border-collapse: collapse; margin: 1em 0 2em; font-size: 14px; }}
 th, td {{ border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }}
 th {{ background: #f3f3f3; }}
 iframe {{ width: 100%; height: 820px; border: 1px solid #ccc; }}
{SECTION_CSS if sections else ""}
</style></head><body>
<h1>govnews-kg report</h1>
<p>Graph: {html.escape(source)}</p>
<h2>People, ranked</h2>
{_table(["person", "titles", "chaired", "led", "attended", "directives", "weighted degree", "protocol rank", "community"], people)}
<h2>Meetings and inspections by date</h2>
{_table(["date", "kind", "event", "chair / leader", "attendees"], meetings)}
<h2>Projects and who is responsible</h2>
{_table(["project", "responsible", "visits", "named in directives"], projects)}
{extra}
{frames}
</body></html>
"""
