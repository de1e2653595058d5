"""Interactive network views (pyvis, fully offline) and a one-page HTML report."""
from __future__ import annotations

import html
import re

from collections import Counter

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network

from .analysis import SEP
from .evidence import script_json

__all__ = ["network_html", "report_html", "evidence_html", "node_ids", "PALETTE"]

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


# --- the evidence panel: a click on a node, an edge or a table row lists the sentences ------
# Data comes from <script type="application/json" id="kg-evidence-data"> (see kg/evidence.py
# for its shape); every string of it goes into the page by textContent, never as markup.
_PANEL_CSS = """
<style>
  #kg-evidence { position: fixed; top: 0; right: 0; bottom: 0; width: min(460px, 92vw); z-index: 1000;
    background: #fff; border-left: 1px solid #ccd; box-shadow: -4px 0 16px rgba(0, 0, 0, .12);
    font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; color: #222;
    display: flex; flex-direction: column; text-align: left; }
  #kg-evidence[hidden] { display: none; }
  #kg-evidence header { display: flex; align-items: flex-start; gap: 8px; padding: 12px 14px 8px;
    border-bottom: 1px solid #e4e4ea; background: #f7f8fb; }
  #kg-evidence h2 { font-size: 17px; margin: 0; flex: 1; line-height: 1.35; }
  #kg-evidence .kg-ev-sub { font-size: 12px; color: #667; margin-top: 2px; font-weight: normal; }
  #kg-evidence button.kg-ev-close { border: 0; background: none; font-size: 22px; line-height: 1;
    cursor: pointer; color: #556; padding: 0 4px; }
  #kg-evidence .kg-ev-body { overflow-y: auto; padding: 6px 14px 16px; flex: 1; }
  #kg-evidence .kg-ev-item { margin: 12px 0 0; }
  #kg-evidence .kg-ev-what { font-size: 13px; font-weight: bold; color: #345; }
  #kg-evidence .kg-ev-date { font-weight: normal; color: #778; margin-left: 6px; white-space: nowrap; }
  #kg-evidence blockquote { margin: 5px 0 0; padding: 6px 10px; border-left: 3px solid #4e79a7;
    background: #f4f6fa; font-size: 14px; line-height: 1.6; }
  #kg-evidence .kg-ev-src { font-size: 12px; color: #667; margin: 3px 0 0 13px; line-height: 1.5;
    overflow-wrap: anywhere; }
  #kg-evidence .kg-ev-src a { color: #2a5d9f; }
  #kg-evidence .kg-ev-more, #kg-evidence .kg-ev-none { font-size: 13px; color: #667; margin-top: 14px; }
  tr.kg-ev-row { cursor: pointer; }
  tr.kg-ev-row:hover td, tr.kg-ev-row:focus td { background: #eef3fb; }
  tr.kg-ev-row.kg-ev-active td { background: #dce7f7; }
  button.kg-ev-open { font: inherit; font-size: 12px; border: 1px solid #9ab; border-radius: 3px;
    background: #fff; cursor: pointer; padding: 1px 6px; white-space: nowrap; }
</style>
"""
_PANEL_JS = """
<aside id="kg-evidence" hidden aria-label="evidence">
  <header><h2 id="kg-ev-title"></h2><button type="button" class="kg-ev-close" title="close (Esc)" aria-label="close">×</button></header>
  <div class="kg-ev-body" id="kg-ev-body"></div>
</aside>
<script>
(function () {
  var data = null;
  function load() {
    // the page's own evidence, else (a view in a frame of the report) the report's
    if (data === null) {
      var own = document.getElementById("kg-evidence-data"), all = null;
      if (own) {
        all = JSON.parse(own.textContent);
      } else if (window.parent !== window) {
        try { all = window.parent.kgEvidence.data(); } catch (e) { all = null; }
      }
      all = all || {};
      var view = (all.views || {})[window.kgEvidenceView || ""] || {};
      data = {labels: all.labels || [], sentences: all.sentences || [], articles: all.articles || [],
              views: all.views || {}, rows: all.rows || {}, nodes: view.nodes || {}, edges: view.edges || {}};
    }
    return data;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function source(s) {
    var a = load().articles[s[1]] || ["", "", "", "", ""];
    var box = el("div", "kg-ev-src");
    var first = [];
    if (a[0]) first.push("《" + a[0] + "》");
    if (a[1]) first.push(a[1]);
    if (first.length) box.appendChild(el("div", null, first.join(" · ")));
    var where = el("div", null, (a[2] || "?") + " · 字符 chars " + s[2] + "–" + s[3]);
    if (a[3]) where.appendChild(document.createTextNode(" · PDF " + a[3]));
    if (a[4]) {
      where.appendChild(document.createTextNode(" · "));
      if (/^https?:[/][/]/i.test(a[4])) {
        var link = el("a", null, a[4]);
        link.setAttribute("href", a[4]);
        link.setAttribute("target", "_blank");
        link.setAttribute("rel", "noopener noreferrer");
        where.appendChild(link);
      } else {
        where.appendChild(document.createTextNode(a[4]));
      }
    }
    box.appendChild(where);
    return box;
  }
  function open(entry, title) {
    var panel = document.getElementById("kg-evidence");
    var body = document.getElementById("kg-ev-body");
    var head = document.getElementById("kg-ev-title");
    while (body.firstChild) body.removeChild(body.firstChild);
    while (head.firstChild) head.removeChild(head.firstChild);
    entry = entry || {items: [], more: 0};
    head.appendChild(document.createTextNode(entry.title || title || ""));
    var items = entry.items || [];
    var count = 0;
    items.forEach(function (it) { count += it[2].length; });
    head.appendChild(el("div", "kg-ev-sub", "证据 evidence: " + count + " sentence" + (count === 1 ? "" : "s")
                        + (entry.more ? " (" + entry.more + " more facts not listed)" : "")));
    var sentences = load().sentences, labels = load().labels;
    items.forEach(function (it) {
      var box = el("div", "kg-ev-item");
      var what = el("div", "kg-ev-what", labels[it[0]]);
      if (it[1]) what.appendChild(el("span", "kg-ev-date", it[1]));
      box.appendChild(what);
      it[2].forEach(function (i) {
        var s = sentences[i];
        if (!s) return;
        box.appendChild(el("blockquote", null, s[0]));
        box.appendChild(source(s));
      });
      body.appendChild(box);
    });
    if (!items.length) body.appendChild(el("p", "kg-ev-none", "no evidence sentences recorded"));
    if (entry.more) body.appendChild(el("p", "kg-ev-more", "and " + entry.more + " more"));
    panel.hidden = false;
    body.scrollTop = 0;
    return panel;
  }
  function close() { document.getElementById("kg-evidence").hidden = true; }
  window.kgEvidence = {
    open: open, close: close, data: load,
    node: function (id) { return open(load().nodes[id], id); },
    edge: function (from, to) {
      var edges = load().edges;
      return open(edges[from + "\t" + to] || edges[to + "\t" + from], from + " — " + to);
    },
    row: function (table, i) { return open((load().rows[table] || [])[i]); }
  };
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (t.closest && t.closest("button.kg-ev-close")) { close(); return; }
    var row = t.closest ? t.closest("tr[data-ev]") : null;
    if (row) openRow(row);
  });
  document.addEventListener("keydown", function (e) {
    var row = e.target.closest ? e.target.closest("tr[data-ev]") : null;
    if (row && e.key === "Enter") openRow(row);
  });
  function openRow(row) {
    var key = row.getAttribute("data-ev").split(":");
    var last = document.querySelector("tr.kg-ev-active");
    if (last) last.classList.remove("kg-ev-active");
    row.classList.add("kg-ev-active");
    kgEvidence.row(key[0], parseInt(key[1], 10));
  }
  // a view: a click on a node or an edge of the network opens its evidence
  window.addEventListener("load", function () {
    if (typeof network === "undefined" || !network) return;
    network.on("click", function (p) {
      if (p.nodes && p.nodes.length) {
        kgEvidence.node(p.nodes[0]);
      } else if (p.edges && p.edges.length) {
        var e = network.body.data.edges.get(p.edges[0]);
        if (e) kgEvidence.edge(e.from, e.to);
      }
    });
  });
})();
</script>
"""


def evidence_html(payload: dict | None, view: str | None = None) -> str:
    """The panel, its style and script, and the evidence data (escaped for a <script>);
    `view` names the view of the data that the page draws. With no `payload`, the page (a
    view in a frame of the report) reads the data of the page that holds it."""
    data = "" if payload is None else f'<script type="application/json" id="kg-evidence-data">{script_json(payload)}</script>'
    name = "" if view is None else f"<script>window.kgEvidenceView = {script_json(view)};</script>"
    return _PANEL_CSS + data + name + _PANEL_JS


def node_ids(net: nx.Graph) -> dict:
    """node -> the id a view gives it: the name as written (the search box lists these),
    with the IRI's tail where two names clash."""
    labels = Counter(d.get("label", n) for n, d in net.nodes(data=True))
    return {n: (d.get("label", n) if labels[d.get("label", n)] == 1 else f"{d.get('label', n)} ({n.rsplit('/', 1)[-1]})")
            for n, d in net.nodes(data=True)}


def network_html(net: nx.Graph, title: str, note: str = "", evidence=None, evidence_view: str | None = None,
                 status_colours: dict[str, tuple[str, str]] | None = None) -> str:
    """A self-contained HTML page drawing `net` (vis-network inlined, no CDN): node size by
    eigenvector centrality, colour by community (co-attendance) or kind (responsibility),
    edge width by weight, hover text with titles, counts and evidence, and a search box.
    `note` says what was filtered (shown under the title). `evidence` (a kg.evidence.Evidence
    holding the view of `net`) adds the panel a click on a node or an edge opens; with only
    `evidence_view`, the name of the view in the evidence of the page that embeds this one
    (kg report), the panel reads that page's. `status_colours` (status -> (colour, legend
    text)) colours nodes and edges by their `status` attribute instead, e.g. new and vanished
    ones in a comparison of two periods."""
    vis = Network(height="760px", width="100%", heading="", cdn_resources="in_line",
                  select_menu=True, bgcolor="#ffffff", font_color="#222222")
    by_kind = any(d.get("kind") == "project" for _, d in net.nodes(data=True))
    # the search box lists node ids: use the names as written (an IRI tail where two clash)
    shown = node_ids(net)
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
        # what vis.add_edge appends, without its scan of every edge so far for a duplicate
        # (a networkx graph has none): at 10^4 edges that scan was most of the page's time
        vis.edges.append(Edge(shown[u], shown[v], vis.directed, value=d.get("weight", 1),
                              title="\n".join(lines), **extra).options)
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
    page = _escape_script_data(page)
    if evidence is not None:
        view = evidence_view or (next(iter(evidence.views)) if len(evidence.views) == 1 else title)
        page = page.replace("</body>", evidence_html(evidence.payload({view: shown}), view) + "</body>", 1)
    elif evidence_view is not None:
        page = page.replace("</body>", evidence_html(None, evidence_view) + "</body>", 1)
    return page


def _table(header: list[str], rows: list[list], evidence: str | None = None) -> str:
    """A table; with `evidence` (the name of its rows in the page's evidence data) each row
    opens its evidence in the panel, by a click or by Enter."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    if evidence is None:
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    else:
        head += "<th>证据 evidence</th>"
        body = "".join(
            f'<tr class="kg-ev-row" data-ev="{html.escape(evidence)}:{i}" tabindex="0">'
            + "".join(f"<td>{html.escape(str(c))}</td>" for c in r)
            + '<td><button type="button" class="kg-ev-open">证据</button></td></tr>' for i, r in enumerate(rows))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_html(people: list[list], meetings: list[list], projects: list[list],
                networks: dict[str, str], source: str, evidence=None,
                view_ids: dict[str, dict] | None = None, sections: list[str] | None = None) -> str:
    """One page: people ranked, meetings by date, projects with responsible persons, and the
    network views embedded (iframe srcdoc, so the page needs no server and no other file).
    `evidence` (a kg.evidence.Evidence with rows "people", "events", "projects", one entry
    per table row) makes each row open its sentences in the panel; it may hold the views too
    (`view_ids`: each view's node ids, see node_ids), which the frames then read from here.
    `sections`: further HTML sections (careers, rank chart, comparison: kg/sections.py),
    placed after the tables and before the networks."""
    from .sections import SECTION_CSS

    extra = "\n".join(sections or [])
    keys = (evidence.rows if evidence is not None else {})
    which = {name: (name if name in keys else None) for name in ("people", "events", "projects")}
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
{_table(["person", "titles", "chaired", "led", "attended", "directives", "weighted degree", "protocol rank", "community"], people, which["people"])}
<h2>Meetings and inspections by date</h2>
{_table(["date", "kind", "event", "chair / leader", "attendees"], meetings, which["events"])}
<h2>Projects and who is responsible</h2>
{_table(["project", "responsible", "visits", "named in directives"], projects, which["projects"])}
{extra}
{frames}
{evidence_html(evidence.payload(view_ids)) if evidence is not None else ""}
</body></html>
"""
