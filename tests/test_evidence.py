"""Evidence everywhere: a node, an edge or a report row opens the sentences behind it."""
import json
import re
import unicodedata

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.analysis import ViewFilter, co_attendance, sparql_iri
from kg.cli import app
from kg.evidence import NODE_CAP, script_json, view_evidence
from kg.pipeline import view_html
from kg.render import network_html
from kg.store import open_source
from kg.vocab import ID, KG, PROV

from .conftest import CHROMIUM, SAMPLE, open_offline
from .test_views import SETTLED

runner = CliRunner()
DATA = re.compile(r'<script type="application/json" id="kg-evidence-data">(.*?)</script>', re.S)
SOURCE = str(SAMPLE)  # as kg build was given it
LIU, HU = "刘德君", "胡友涛"


def resolve(d: dict) -> dict:
    """The evidence JSON with each item's label index replaced by the label (each once, sorted)."""
    labels = d["labels"]
    assert labels == sorted(set(labels))
    entries = [*(e for v in d["views"].values() for part in (v["nodes"], v["edges"]) for e in part.values()),
               *(e for rows in d["rows"].values() for e in rows if e)]
    for e in entries:
        e["items"] = [[labels[w], date, idx] for w, date, idx in e["items"]]
    assert {w for e in entries for w, _, _ in e["items"]} == set(labels)
    return d


def embedded(page: str, view: str | None = None) -> dict:
    """The evidence JSON a page embeds (exactly one such script element), labels resolved;
    with `view`, that view's nodes and edges as "nodes" and "edges"."""
    found = DATA.findall(page)
    assert len(found) == 1
    d = resolve(json.loads(found[0]))
    return {**d, **d["views"][view]} if view else d


def texts(data: dict, entry: dict) -> list[str]:
    return [data["sentences"][i][0] for _, _, idx in entry["items"] for i in idx]


def flat(s: str) -> str:
    """A span of the source as the normaliser gives it: no line breaks, full-width forms folded."""
    return unicodedata.normalize("NFKC", re.sub(r"\s", "", s))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("evidence")
    r = runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(out)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["report", str(out), "-o", str(out / "report.html")])
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def co_page(built):
    return embedded((built / "co-attendance.html").read_text(encoding="utf-8"), "co-attendance")


def test_evidence_person_node_holds_titles_chairs_and_directives(built, co_page, sample_text):
    d = co_page
    liu = d["nodes"][LIU]
    assert liu["title"] == LIU and liu["more"] == 0
    said = texts(d, liu)
    assert "7月23日上午，区委书记刘德君主持召开川汇区创建全国文明城市工作推进会。" in said
    assert "刘德君指出，要始终绷紧疫情防控这根弦。" in said
    whats = " | ".join(w for w, _, _ in liu["items"])
    assert "职务 title: 区委书记" in whats and "主持 chaired: 川汇区创建全国文明城市工作推进会" in whats
    assert "讲话 said at: 疫情防控工作研判会" in whats
    # 5 meetings chaired or led, each with its sentence, and the directives said at them
    assert sum("主持 chaired" in w or "带队 led" in w for w in whats.split(" | ")) == 5
    assert [date for _, date, _ in liu["items"]] == sorted(date for _, date, _ in liu["items"])
    # every sentence maps back into the source file by its offsets, with its article
    for text, art, start, end in d["sentences"]:
        assert flat(sample_text[start:end]) == flat(text)
        headline, date, file, page, url = d["articles"][art]
        assert file == SOURCE and re.fullmatch(r"2022-07-\d\d", date) and page == "" and url == ""
    first = next(s for s in d["sentences"] if s[0].startswith("7月23日上午，区委书记刘德君主持召开"))
    assert d["articles"][first[1]][0] == "川汇区召开创建全国文明城市工作推进会"
    assert sample_text[first[2]:first[3]] == "7 月 23 日\n上午， 区委书记刘德君主持召开川汇区\n创建全国文明城市工作推进会。"


def test_evidence_co_attendance_edge_lists_the_events_both_attended(built, co_page):
    d = co_page
    edge = d["edges"].get(f"{LIU}\t{HU}") or d["edges"][f"{HU}\t{LIU}"]
    assert edge["title"] in (f"{LIU} — {HU}", f"{HU} — {LIU}")
    net = co_attendance(open_source(built))
    (liu,) = [n for n, x in net.nodes(data=True) if x["label"] == LIU]
    (hu,) = [n for n, x in net.nodes(data=True) if x["label"] == HU]
    assert sorted(w for w, _, _ in edge["items"]) == sorted(net.edges[liu, hu]["events"].split(" | "))
    assert len(edge["items"]) == net.edges[liu, hu]["weight"] == 3
    meeting = next(it for it in edge["items"] if it[0] == "川汇区创建全国文明城市工作推进会")
    assert meeting[1] == "2022-07-23"
    said = [d["sentences"][i][0] for i in meeting[2]]
    # the event's own sentence (刘德君 chaired it) and the one naming 胡友涛 among those present
    assert said[0] == "7月23日上午，区委书记刘德君主持召开川汇区创建全国文明城市工作推进会。"
    assert any(HU in s and "出席" in s for s in said[1:])
    # every drawn edge has its entry, none more
    assert len(d["edges"]) == net.number_of_edges()
    assert all(e["items"] for e in d["edges"].values())


def test_evidence_responsibility_edge_is_the_sentence_behind_it(built, sample_text):
    d = embedded((built / "responsibility.html").read_text(encoding="utf-8"), "responsibility")
    edge = d["edges"].get(f"{HU}\t三连坑黑臭水体") or d["edges"][f"三连坑黑臭水体\t{HU}"]
    assert len(edge["items"]) == 1
    what, date, (i,) = edge["items"][0]
    assert what == "讲话提及 issued a directive on" and date == "2022-07-24"
    text, art, start, end = d["sentences"][i]
    assert (text, start, end) == ("要有效解决三连坑黑臭水体问题。", 4497, 4513)
    assert flat(sample_text[start:end]) == text
    # the chair of the meeting is tied to it by the same sentence
    chair = d["edges"].get(f"{LIU}\t三连坑黑臭水体") or d["edges"][f"三连坑黑臭水体\t{LIU}"]
    assert chair["items"] == [["主持会议 chaired the meeting that decided", "2022-07-24", [i]]]
    # a project node: who is responsible, and the sentences naming it
    project = d["nodes"]["三连坑黑臭水体"]
    assert any(w.startswith("负责 responsible: 胡友涛") for w, _, _ in project["items"])


def test_evidence_report_rows_link_to_their_sentences(built):
    page = (built / "report.html").read_text(encoding="utf-8")
    outer = page.split("<iframe", 1)[0] + page.rsplit("</iframe>", 1)[1]
    d = embedded(outer)
    rows = re.findall(r'<tr class="kg-ev-row" data-ev="(\w+):(\d+)" tabindex="0"><td>([^<]*)</td>', outer)
    tables = {name: [cell for n, _, cell in rows if n == name] for name in ("people", "events", "projects")}
    assert {k: len(v) for k, v in tables.items()} == {k: len(d["rows"][k]) for k in tables}
    i = tables["people"].index(LIU)
    assert d["rows"]["people"][i]["title"] == LIU
    assert "刘德君指出，要始终绷紧疫情防控这根弦。" in texts(d, d["rows"]["people"][i])
    # an event row: its own sentence first, then who took part
    j = next(k for k, e in enumerate(d["rows"]["events"]) if e["title"].startswith("川汇区创建全国文明城市工作推进会"))
    said = texts(d, d["rows"]["events"][j])
    assert said[0] == "7月23日上午，区委书记刘德君主持召开川汇区创建全国文明城市工作推进会。"
    k = tables["projects"].index("三连坑黑臭水体")
    assert "要有效解决三连坑黑臭水体问题。" in texts(d, d["rows"]["projects"][k])
    # the views in the frames read theirs from the report's, where each sentence is once
    assert page.count("id=&quot;kg-evidence-data&quot;") == 0
    assert page.count("window.kgEvidenceView = &quot;co-attendance&quot;") == 1
    assert len({s[0] for s in d["sentences"]}) == len(d["sentences"])
    for name in ("co-attendance", "responsibility"):
        alone = embedded((built / f"{name}.html").read_text(encoding="utf-8"), name)
        framed = {**d, **d["views"][name]}
        for kind in ("nodes", "edges"):
            assert framed[kind].keys() == alone[kind].keys()
            for key, e in alone[kind].items():
                assert texts(framed, framed[kind][key]) == texts(alone, e)
                assert [w for w, _, _ in framed[kind][key]["items"]] == [w for w, _, _ in e["items"]]


def test_evidence_only_for_what_is_drawn_and_in_the_date_range(built, tmp_path):
    out = tmp_path / "ego.html"
    r = runner.invoke(app, ["view", str(built), "--person", "杨凤臣", "--from", "2022-07-20", "--to", "2022-07-23",
                            "-o", str(out)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    d = embedded(page, "co-attendance")
    drawn = {n["id"] for n in json.loads(re.search(r"nodes = new vis\.DataSet\((.*)\);", page).group(1))}
    assert 1 < len(drawn) < 18
    assert set(d["nodes"]) == drawn
    assert all("2022-07-20" <= date <= "2022-07-23" for e in d["nodes"].values() for _, date, _ in e["items"])
    assert all("2022-07-20" <= date <= "2022-07-23" for e in d["edges"].values() for _, date, _ in e["items"])
    # every sentence listed is used, no other is shipped
    used = {i for e in [*d["nodes"].values(), *d["edges"].values()] for _, _, idx in e["items"] for i in idx}
    assert used == set(range(len(d["sentences"])))


def test_evidence_pages_are_the_same_bytes_each_time(built, tmp_path):
    again = tmp_path / "again"
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(again)]).exit_code == 0
    for name in ("co-attendance.html", "responsibility.html"):
        assert (again / name).read_bytes() == (built / name).read_bytes()
    assert runner.invoke(app, ["report", str(built), "-o", str(tmp_path / "r.html")]).exit_code == 0
    assert (tmp_path / "r.html").read_bytes() == (built / "report.html").read_bytes()
    # the same from the graph file as from the store
    for src, name in ((built, "a.html"), (built / "graph.ttl", "b.html")):
        assert runner.invoke(app, ["view", str(src), "-o", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (tmp_path / "a.html").read_bytes() == (built / "co-attendance.html").read_bytes()


# --- a graph of our own: caps, links, escaping ---------------------------------------------
EVIL = "他说：<script>window.__pwned = 1</script> \"引号\" 'x' & <!-- </script><img src=x onerror=\"window.__pwned=2\">。"


def evil_graph(titles: int = NODE_CAP + 5) -> tuple[Graph, str, str]:
    """Two persons at one meeting of a web article (with a URL) and of a PDF page; the
    first with `titles` title observations, the first sentence full of markup."""
    g = Graph()
    a, b = ID["person/甲"], ID["person/乙"]
    for p, name in ((a, "甲<b>"), (b, "乙")):
        g.add((p, RDF.type, KG.Person))
        g.add((p, RDFS.label, Literal(name, lang="zh")))
    arts = []
    for k, extra in enumerate((((KG.sourceURL, URIRef("https://example.org/a?x=1&y=2")),),
                               ((KG.sourcePage, Literal("paper.pdf#page=2", datatype=XSD.anyURI)),
                                (KG.sourceURL, URIRef("javascript:window.__pwned=3"))))):
        art = ID[f"article/t-{k}"]
        g.add((art, RDF.type, KG.Article))
        g.add((art, KG.headline, Literal(f"标题<i>{k}</i>&", lang="zh")))
        g.add((art, KG.sourceFile, Literal("t.html" if k == 0 else "paper.pdf")))
        for p, o in extra:
            g.add((art, p, o))
        arts.append(art)

    def evidence(i: int, text: str, art) -> URIRef:
        ev = ID[f"evidence/t{i:03d}"]
        g.add((ev, RDF.type, KG.Evidence))
        g.add((ev, KG.sentenceText, Literal(text, lang="zh")))
        g.add((ev, KG.startOffset, Literal(i * 10)))
        g.add((ev, KG.endOffset, Literal(i * 10 + len(text))))
        g.add((ev, KG.sourceFile, Literal("t.html")))
        g.add((ev, PROV.wasDerivedFrom, art))
        return ev

    e = ID["event/t-e1"]
    g.add((e, RDF.type, KG.Event))
    g.add((e, RDF.type, KG.Meeting))
    g.add((e, RDFS.label, Literal("会议<u>", lang="zh")))
    g.add((e, KG.date, Literal("2022-05-06", datatype=XSD.date)))
    g.add((e, KG.reportedIn, arts[0]))
    g.add((e, KG.evidence, evidence(0, EVIL, arts[0])))
    for k, (p, role) in enumerate(((a, "chair"), (b, "attendee"))):
        part = ID[f"participation/t-e1-{k}"]
        g.add((part, RDF.type, KG.Participation))
        g.add((part, KG.person, p))
        g.add((part, KG.event, e))
        g.add((part, KG.role, Literal(role)))
        g.add((part, KG.evidence, ID["evidence/t000"] if role == "chair" else evidence(1, "乙出席会议。", arts[1])))
    for i in range(titles):
        obs = ID[f"observation/t-{i}"]
        g.add((obs, RDF.type, KG.TitleObservation))
        g.add((obs, KG.person, a))
        g.add((obs, KG.position, ID[f"position/p{i}"]))
        g.add((ID[f"position/p{i}"], RDFS.label, Literal(f"职务{i:02d}", lang="zh")))
        g.add((obs, KG.date, Literal(f"2022-06-{i % 28 + 1:02d}", datatype=XSD.date)))
        g.add((obs, KG.evidence, evidence(10 + i, f"职务{i:02d}甲说。", arts[1])))
    return g, str(a), str(b)


def test_evidence_caps_each_node_and_says_how_many_more():
    g, a, b = evil_graph()
    net = co_attendance(g)
    full = resolve(view_evidence(g, net, "co-attendance").payload())
    d = {**full, **full["views"]["co-attendance"]}
    node = d["nodes"][a]
    assert len(node["items"]) == NODE_CAP and node["more"] == 26 - NODE_CAP  # 25 titles and a chair
    assert d["nodes"][b]["more"] == 0 and len(d["nodes"][b]["items"]) == 1
    edge = d["edges"]["\t".join(sorted((a, b)))]
    assert [w for w, _, _ in edge["items"]] == ["会议<u>"]
    assert [d["sentences"][i][0] for i in edge["items"][0][2]] == [EVIL, "乙出席会议。"]
    # sentences left out by the cap are not shipped
    used = {i for e in [*d["nodes"].values(), *d["edges"].values()] for _, _, idx in e["items"] for i in idx}
    assert used == set(range(len(d["sentences"]))) and len(d["sentences"]) == NODE_CAP + 1
    assert sorted(x[4] for x in d["articles"]) == ["https://example.org/a?x=1&y=2", "javascript:window.__pwned=3"]
    assert sorted(x[3] for x in d["articles"]) == ["", "paper.pdf#page=2"]


def test_evidence_json_cannot_end_its_script():
    g, a, b = evil_graph(2)
    net = co_attendance(g)
    page = network_html(net, "t", evidence=view_evidence(g, net, "co-attendance"))
    data = DATA.findall(page)
    assert len(data) == 1 and "<" not in data[0]
    assert "</script>" not in data[0] and "<!--" not in data[0]
    assert EVIL in json.loads(data[0])["sentences"][0][0]
    assert script_json({"s": "</script>\u2028"}) == '{"s":"\\u003c/script>\\u2028"}'
    with pytest.raises(ValueError):
        sparql_iri("http://x/> } DROP ALL {")


def test_evidence_view_html_of_an_rdflib_graph_matches_the_store(built, tmp_path):
    """The same page whether the graph is a store or an rdflib graph read from graph.ttl."""
    from kg.store import load_graph

    g = load_graph(built / "graph.ttl")
    src = open_source(built)
    for name in ("co-attendance", "responsibility"):
        net_g, note_g = ViewFilter().apply(g, name)
        net_s, note_s = ViewFilter().apply(src, name)
        assert embedded(view_html(g, net_g, name, note_g), name) == embedded(view_html(src, net_s, name, note_s), name)


# --- in a browser --------------------------------------------------------------------------
browser_only = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found: install Debian's chromium "
                                  "(.ci/run does) to run the browser tests")
# vis-network's own click event, as a click on the canvas at that node or edge fires it
CLICK_NODE = """(label) => { const id = network.body.data.nodes.getIds().find(i => i === label);
  network.selectNodes([id]);
  network.body.emitter.emit('click', {nodes: [id], edges: [], event: {}, pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}});
  return id; }"""
CLICK_EDGE = """([a, b]) => { const e = network.body.data.edges.get().find(e => (e.from === a && e.to === b) || (e.from === b && e.to === a));
  network.selectEdges([e.id]);
  network.body.emitter.emit('click', {nodes: [], edges: [e.id], event: {}, pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}});
  return e.id; }"""


@browser_only
def test_evidence_panel_opens_on_a_node_and_an_edge(browser, built):
    page, outside, _, errors = open_offline(browser, built / "co-attendance.html")
    page.wait_for_function(SETTLED, timeout=30000)
    panel = page.locator("#kg-evidence")
    assert panel.is_hidden()
    page.evaluate(CLICK_NODE, LIU)
    assert panel.is_visible()
    assert page.locator("#kg-ev-title").inner_text().startswith(LIU)
    text = panel.inner_text()
    assert "7月23日上午，区委书记刘德君主持召开川汇区创建全国文明城市工作推进会。" in text
    assert "川汇区召开创建全国文明城市工作推进会" in text and "chuanhui-2022-07.txt · 字符 chars 54–96" in text
    page.screenshot(path=str(built / "evidence-node.png"))
    page.evaluate(CLICK_EDGE, [LIU, HU])
    assert page.locator("#kg-ev-title").inner_text().startswith((f"{LIU} — {HU}", f"{HU} — {LIU}"))
    assert "党政联席会议" in panel.inner_text() and "第四次“月讲评”会议" in panel.inner_text()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert outside == [] and errors == []
    page.close()


@browser_only
def test_evidence_panel_shows_markup_as_text(browser, tmp_path):
    g, a, b = evil_graph(2)
    net = co_attendance(g)
    path = tmp_path / "evil.html"
    path.write_text(network_html(net, "t", evidence=view_evidence(g, net, "co-attendance")), encoding="utf-8")
    page, outside, _, errors = open_offline(browser, path)
    page.wait_for_function(SETTLED, timeout=30000)
    ids = page.evaluate("network.body.data.nodes.getIds()")
    page.evaluate(CLICK_NODE, next(i for i in ids if i.startswith("甲")))
    panel = page.locator("#kg-evidence")
    assert EVIL in panel.inner_text() and "标题<i>0</i>&" in panel.inner_text()
    assert panel.locator("script, img, i, b, u").count() == 0
    link = panel.locator("a")
    assert link.count() == 1 and link.get_attribute("href") == "https://example.org/a?x=1&y=2"
    assert "PDF paper.pdf#page=2" in panel.inner_text() and "javascript:window.__pwned=3" in panel.inner_text()
    page.evaluate(CLICK_EDGE, ids)
    assert "会议<u>" in panel.inner_text() and EVIL in panel.inner_text()
    assert page.evaluate("window.__pwned") is None and errors == [] and outside == []
    page.close()


@browser_only
def test_evidence_report_row_and_embedded_view_open_the_panel(browser, built):
    page, outside, _, errors = open_offline(browser, built / "report.html")
    row = page.locator("tr[data-ev^='projects:']", has_text="三连坑黑臭水体")
    row.locator("td").first.click()
    panel = page.locator("#kg-evidence")
    assert panel.is_visible() and "要有效解决三连坑黑臭水体问题。" in panel.inner_text()
    page.locator("button.kg-ev-close").click()
    assert panel.is_hidden()
    page.locator("tr[data-ev^='people:']", has_text=LIU).locator("button.kg-ev-open").click()
    assert "刘德君指出，要始终绷紧疫情防控这根弦。" in panel.inner_text()
    page.screenshot(path=str(built / "evidence-report.png"))
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.wait_for_function(SETTLED, timeout=30000)
    frame.evaluate(CLICK_NODE, LIU)
    assert "7月23日上午，区委书记刘德君" in frame.locator("#kg-evidence").inner_text()
    assert outside == [] and errors == []
    page.close()


@browser_only
def test_evidence_of_pdf_and_html_articles_names_the_page_and_the_address(tmp_path):
    """Built from an HTML article page and a PDF page (made from the demo page): the panel's
    data gives the address of the one and the PDF page of the other, and the offsets point
    into the text each was read as."""
    from kg.read import read_source

    from .formats_fixtures import chromium_pdf, html_page, print_html, stories

    items = stories()
    web = tmp_path / "art_1.html"
    web.write_bytes(html_page(items[0], 1))
    pdf = chromium_pdf(print_html(items[1:], "two"), tmp_path / "paper.pdf")
    out = tmp_path / "out"
    r = runner.invoke(app, ["build", str(web), str(pdf), "--year", "2022", "-o", str(out)])
    assert r.exit_code == 0, r.output
    texts_of = {str(p): read_source(p).text for p in (web, pdf)}
    seen = set()
    for name in ("co-attendance", "responsibility"):
        d = embedded((out / f"{name}.html").read_text(encoding="utf-8"), name)
        for text, art, start, end in d["sentences"]:
            headline, date, file, page, url = d["articles"][art]
            assert flat(texts_of[file][start:end]) == flat(text)
            if file == str(web):
                assert url == "https://www.example.gov.cn/xwzx/chyw/2022/07/art_1.html" and page == ""
            else:
                assert re.fullmatch(re.escape(str(pdf)) + r"#page=1", page) and url == ""
            seen.add(file)
    assert seen == {str(web), str(pdf)}
