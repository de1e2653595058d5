"""The HTML views in a real browser: headless Chromium, offline, with screenshots."""
import shutil

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.render import network_html

from .conftest import SAMPLE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found: install Debian's chromium "
                                "(.ci/run does) to run the browser tests")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
runner = CliRunner()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("views")
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["report", str(out / "graph.ttl"), "-o", str(out / "report.html")]).exit_code == 0
    return out


def open_offline(browser, path):
    """Open a page with every request off the machine refused and recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside, failed, errors = [], [], []

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "about:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, outside, failed, errors


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
