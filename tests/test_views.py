"""The HTML views in a real browser: headless Chromium, offline, with screenshots."""

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.render import network_html

from .conftest import CHROMIUM, SAMPLE, open_offline

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found: install Debian's chromium "
                                "(.ci/run does) to run the browser tests")
runner = CliRunner()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("views")
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["report", str(out), "-o", str(out / "report.html")]).exit_code == 0
    return out


DRAWN = """() => {
  const c = document.querySelector('canvas');
  if (!c) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 16) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) ink++;
  return ink;
}"""
SETTLED = "() => typeof network !== 'undefined' && network.physics.stabilized !== false"


@pytest.mark.parametrize("name", ["co-attendance.html", "responsibility.html"])
def test_views_network_draws_offline(browser, pages, name):
    page, outside, failed, errors = open_offline(browser, pages / name)
    page.wait_for_function(SETTLED, timeout=30000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(pages / f"{name}.png"))
    assert outside == [] and failed == [] and errors == []
    assert page.evaluate(DRAWN) > 500, "the canvas shows a drawn graph"
    assert page.evaluate("network.body.data.nodes.length") > 10
    assert page.locator("#select-menu").count() == 1  # the search box
    page.close()


def test_views_report_embeds_both_networks(browser, pages):
    page, outside, failed, errors = open_offline(browser, pages / "report.html")
    page.wait_for_timeout(3000)
    page.screenshot(path=str(pages / "report.png"), full_page=True)
    assert outside == [] and failed == [] and errors == []
    assert page.locator("table").count() == 3
    assert "刘德君" in page.locator("table").first.inner_text()
    frames = [f for f in page.frames if f != page.main_frame]
    assert len(frames) == 2
    for f in frames:
        f.wait_for_function(SETTLED, timeout=30000)
        assert f.evaluate(DRAWN) > 500
    page.close()


def test_views_names_and_sentences_are_shown_as_text(browser, tmp_path):
    evil = "<script>window.__pwned = 1</script>王某"
    net = nx.Graph()
    net.add_node("a", label=evil, kind="person", titles="<b>县长</b>", eigenvector=0.5, community=0)
    net.add_node("b", label="李某", kind="person", eigenvector=0.5, community=1)
    net.add_edge("a", "b", weight=2, events="<img src=x onerror=\"window.__pwned = 2\">会议")
    path = tmp_path / "evil.html"
    path.write_text(network_html(net, "<i>t</i>"), encoding="utf-8")
    page, outside, failed, errors = open_offline(browser, path)
    page.wait_for_function(SETTLED, timeout=30000)
    assert page.evaluate("window.__pwned") is None
    assert errors == []
    # hover the node: the tooltip shows the markup as text
    pos = page.evaluate("""() => { const id = network.body.data.nodes.getIds().find(i => i.includes('王某'));
        const p = network.getPositions([id])[id]; return network.canvasToDOM(p); }""")
    box = page.locator("canvas").bounding_box()
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_selector(".vis-tooltip", state="visible", timeout=5000)
    tip = page.locator(".vis-tooltip")
    assert "<script>" in tip.inner_text() and "<b>县长</b>" in tip.inner_text()
    assert tip.locator("script, b, img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_views_filtered_view_says_what_was_left_out(browser, tmp_path):
    out = tmp_path / "b"
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(out)]).exit_code == 0
    ego = tmp_path / "ego.html"
    r = runner.invoke(app, ["view", str(out), "--person", "杨凤臣", "--hops", "1", "--from", "2022-07-01",
                            "--to", "2022-07-31", "-o", str(ego)])
    assert r.exit_code == 0, r.output
    page, outside, failed, errors = open_offline(browser, ego)
    page.wait_for_function(SETTLED, timeout=30000)
    assert outside == [] and errors == []
    note = page.locator("#kg-filter").inner_text()
    assert "within 1 hop of 杨凤臣" in note and "2022-07-01 to 2022-07-31" in note and "showing" in note
    n = page.evaluate("network.body.data.nodes.length")
    assert 1 < n < 18 and page.evaluate(DRAWN) > 200
    page.close()
    r = runner.invoke(app, ["view", str(out), "--person", "无此人", "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 1 and "no such person" in r.output and not (tmp_path / "x.html").exists()
    r = runner.invoke(app, ["view", str(out), "--from", "July", "-o", str(tmp_path / "x.html")])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_views_ten_thousand_persons_draw_in_seconds(browser, tmp_path):
    """At corpus scale the view keeps the --top most central persons and says so."""
    import random
    import time

    from kg.analysis import ViewFilter

    rnd = random.Random(7)
    net = nx.Graph()
    for i in range(10_000):
        net.add_node(f"p{i}", label=f"人{i}", kind="person", community=i % 10, eigenvector=0.0)
    for i in range(1, 10_000):
        for j in rnd.sample(range(i), min(i, 2)):
            net.add_edge(f"p{i}", f"p{j}", weight=1, events="会议")
    for n in net:
        net.nodes[n]["degree"] = net.degree(n)
        net.nodes[n]["weighted_degree"] = float(net.degree(n))
    shown, note = ViewFilter().filter(net, "co-attendance")
    assert shown.number_of_nodes() == 300 and "showing 300 of 10,000 persons" in note
    path = tmp_path / "big.html"
    path.write_text(network_html(shown, "co-attendance", note), encoding="utf-8")
    t0 = time.monotonic()
    page, outside, failed, errors = open_offline(browser, path)
    page.wait_for_function(SETTLED, timeout=10000)
    assert time.monotonic() - t0 < 10
    assert errors == [] and page.evaluate(DRAWN) > 500
    assert "top 300 by degree centrality" in page.locator("#kg-filter").inner_text()
    page.close()
