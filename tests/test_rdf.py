"""The graph as a product: ontology, SHACL, exports that round-trip, SPARQL."""
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.compare import graph_diff, isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.export import FORMATS, by_article, export, from_csv
from kg.query import QueryError, named_queries, run
from kg.store import load_graph, ontology_path
from kg.validate import validate
from kg.vocab import KG

from .conftest import SAMPLE

runner = CliRunner()
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("g")
    assert runner.invoke(app, ["build", str(SAMPLE), "--year", "2022", "-o", str(out)]).exit_code == 0
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def g(sample_graph):
    return load_graph(sample_graph)


def assert_same(a, b):
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(a, b)
        pytest.fail(f"graphs differ: {len(only_a)} only left, {len(only_b)} only right: "
                    f"{sorted(only_a)[:3]} / {sorted(only_b)[:3]}")


# --- ontology ---------------------------------------------------------------------------
def test_rdf_ontology_defines_the_public_vocabulary_with_labels():
    onto = rdflib.Graph().parse(ontology_path("kg.ttl"))
    public = ["Person", "Position", "Event", "Meeting", "Inspection", "Directive", "Project",
              "Organization", "Article", "holds", "date", "chairedBy", "ledBy", "attendee", "site",
              "speaker", "issuedAt", "cue", "text", "concerns", "responsibleFor", "reporter",
              "correspondent", "reportedIn"]
    for term in public:
        t = KG[term]
        langs = {l.language for l in onto.objects(t, RDFS.label)}
        assert {"zh", "en"} <= langs, term
        assert onto.value(t, RDFS.comment) is not None, term
    assert (KG.Meeting, RDFS.subClassOf, KG.Event) in onto


def test_rdf_every_term_used_is_defined(g):
    onto = rdflib.Graph().parse(ontology_path("kg.ttl"))
    defined = set(onto.subjects(RDF.type, None))
    used = {p for p in g.predicates() if str(p).startswith(str(KG._NS))}
    used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(KG._NS))}
    assert used <= defined, used - defined


def test_rdf_ontology_ships_with_an_installed_package(tmp_path):
    """A wheel holds the ontology, shapes and queries, and they load from site-packages."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    import zipfile

    [wheel] = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for f in ("kg/ontology/kg.ttl", "kg/ontology/shapes.ttl", "kg/ontology/queries/who-chaired.rq",
              "kg/lexicons/title_heads.txt"):
        assert f in names, f


# --- SHACL --------------------------------------------------------------------------------
def test_rdf_sample_graph_conforms(g):
    assert validate(g) == []


def test_rdf_broken_graph_does_not_conform(g):
    broken = rdflib.Graph()
    for t in g:
        broken.add(t)
    e = next(m for m in sorted(broken.subjects(RDF.type, KG.Meeting)) if broken.value(m, KG.date))
    broken.add((e, KG.date, Literal("2022-01-01", datatype=rdflib.XSD.date)))
    broken.remove((e, KG.evidence, None))
    d = next(broken.subjects(RDF.type, KG.Directive))
    broken.remove((d, KG.cue, None))
    problems = validate(broken)
    text = "\n".join(problems)
    assert "at most one date" in text and "kg:evidence" in text and "cue" in text


def test_rdf_validate_cli(sample_graph, tmp_path):
    r = runner.invoke(app, ["validate", str(sample_graph)])
    assert r.exit_code == 0 and "conforms" in r.output
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix kg: <https://w3id.org/govnews-kg/ontology#> .\n'
                   '<urn:x:d> a kg:Directive .\n', encoding="utf-8")
    r = runner.invoke(app, ["validate", str(bad)])
    assert r.exit_code == 1 and "exactly one cue word" in r.output


# --- provenance ---------------------------------------------------------------------------
PROVENANCE_QUERY = """
SELECT ?person ?project ?sentence ?source ?start ?end WHERE {
  ?r a kg:Responsibility ; kg:person ?p ; kg:project ?q ; kg:evidence ?ev .
  ?p kg:responsibleFor ?q ; rdfs:label ?person . ?q rdfs:label ?project .
  ?ev kg:sentenceText ?sentence ; kg:sourceFile ?source ; kg:startOffset ?start ; kg:endOffset ?end .
}"""


def test_rdf_every_responsibility_edge_has_its_sentence(g, sample_graph):
    rows = list(run(g, PROVENANCE_QUERY))
    edges = set(g.subject_objects(KG.responsibleFor))
    assert len({(str(r.person), str(r.project)) for r in rows}) == len(edges) > 0
    raw = SAMPLE.read_text(encoding="utf-8")
    for r in rows:
        assert str(r.project)[:2] in str(r.sentence)
        span = raw[int(r.start):int(r.end)].replace("\n", "").replace(" ", "")
        assert str(r.project)[:2] in span


def test_rdf_every_event_directive_attendance_has_provenance(g):
    for cls in (KG.Event, KG.Directive, KG.Participation, KG.Responsibility):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes
        for n in nodes:
            assert g.value(n, KG.reportedIn) is not None and g.value(n, KG.evidence) is not None
    for a in g.subjects(RDF.type, KG.Article):
        assert g.value(a, KG.sourceFile) is not None and g.value(a, KG.startOffset) is not None


# --- exports ------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig", "csv"])
def test_rdf_export_round_trips(g, fmt, tmp_path):
    data = export(g, fmt)
    assert data == export(g, fmt), "the same graph gives byte-identical output"
    if fmt == "csv":
        back = from_csv(data.decode("utf-8"))
    else:
        path = tmp_path / f"g.{fmt}"
        path.write_bytes(data)
        back = load_graph(path)
    assert_same(back, g)


def test_rdf_trig_has_one_named_graph_per_article(g):
    ds = rdflib.Dataset()
    ds.parse(data=export(g, "trig").decode("utf-8"), format="trig")
    names = {str(c.identifier) for c in ds.graphs() if "/graph/" in str(c.identifier)}
    assert len(names) == len(set(g.subjects(RDF.type, KG.Article))) == 11
    parts, rest = by_article(g)
    assert len(rest) == 0
    # replacing one article's graph leaves every other article whole
    first = sorted(parts)[0]
    others = rdflib.Graph()
    for a, part in parts.items():
        if a != first:
            for t in part:
                others.add(t)
    for t in parts[first]:
        others.add(t)
    assert_same(others, g)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_rdf_export_networks_round_trip(g, fmt, tmp_path):
    data = export(g, fmt)
    net = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    persons = {str(p) for p in g.subjects(RDF.type, KG.Person)}
    assert persons <= set(net.nodes)
    labels = nx.get_node_attributes(net, "label")
    assert "刘德君" in labels.values()


def test_rdf_export_cli(sample_graph, tmp_path):
    for fmt in FORMATS:
        out = tmp_path / f"x.{fmt}"
        r = runner.invoke(app, ["export", str(sample_graph), "--format", fmt, "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert out.stat().st_size > 1000
    r = runner.invoke(app, ["export", str(sample_graph), "--format", "xml"])
    assert r.exit_code == 2 and "choose one of" in r.output


# --- SPARQL -------------------------------------------------------------------------------
def rows(g, name, **params):
    q = named_queries()[name]
    return [tuple(str(v) if v is not None else None for v in row)
            for row in run(g, q.text, name, params, q.params)]


def test_rdf_named_queries_have_a_header_and_run(g):
    qs = named_queries()
    assert {"who-chaired", "attendance", "co-attendance", "directives-by-speaker",
            "project-responsibility", "titles-over-time", "meetings-in-range"} <= set(qs)
    for q in qs.values():
        assert q.summary and q.text.startswith("#")
        run(g, q.text, q.name, None, q.params)


def test_rdf_query_who_chaired(g):
    assert rows(g, "who-chaired")[:3] == [
        ("2022-07-15", "meeting", "疫情防控工作研判会", "刘德君"),
        ("2022-07-18", "meeting", "第四次“月讲评”会议暨第十七次重点工作“周交办”会议", "刘德君"),
        ("2022-07-21", "inspection", "实地督导重点项目建设情况", "刘德君"),
    ]
    assert len(rows(g, "who-chaired")) == 8


def test_rdf_query_attendance(g):
    r = rows(g, "attendance")
    assert r[0] == ("胡友涛", "3", "3", "6")
    assert ("刘德君", "5", "0", "5") in r


def test_rdf_query_co_attendance(g):
    r = rows(g, "co-attendance")
    assert r[0][2] == "5" and ("刘德君", "杨敏", "4") in r


def test_rdf_query_directives_by_speaker(g):
    r = rows(g, "directives-by-speaker", person="胡友涛")
    assert len(r) == 8 and {x[0] for x in r} == {"胡友涛"}
    assert len(rows(g, "directives-by-speaker")) == 20  # two of the 22 have no person speaking


def test_rdf_query_project_responsibility(g):
    r = rows(g, "project-responsibility")
    assert ("三连坑黑臭水体", "胡友涛", "directive", "要有效解决三连坑黑臭水体问题。") == r[0][:4]
    assert len({(x[0], x[1]) for x in r}) == 18


def test_rdf_query_titles_over_time(g):
    assert [x[1] for x in rows(g, "titles-over-time", person="王艳")] == ["副区长", "区委常委", "宣传部长"]


def test_rdf_query_meetings_in_range(g):
    r = rows(g, "meetings-in-range", start="2022-07-20", end="2022-07-24")
    assert r == [("2022-07-23", "川汇区创建全国文明城市工作推进会", "刘德君", "10"),
                 ("2022-07-24", "党政联席会议", "刘德君", "16")]
    assert len(rows(g, "meetings-in-range")) == 8


@pytest.mark.parametrize("query, message", [
    ("SELECT ?x WHERE { ?x a foo:Bar }", "unknown prefix 'foo' at line 1, column 24"),
    ("SELECT ?x WHERE {\n ?x a ", "syntax error at line 2"),
    ("SELEC ?x", "syntax error at line 1, column 1"),
])
def test_rdf_query_errors_are_one_line(g, query, message):
    with pytest.raises(QueryError) as e:
        run(g, query)
    assert message in str(e.value) and "\n" not in str(e.value)


def test_rdf_query_cli_formats(sample_graph):
    r = runner.invoke(app, ["query", str(sample_graph), "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Person }"])
    assert r.exit_code == 0 and "n" in r.output and "24" in r.output
    r = runner.invoke(app, ["query", str(sample_graph), "who-chaired", "--format", "json"])
    assert json.loads(r.output)[0]["chair"] == "刘德君"
    r = runner.invoke(app, ["query", str(sample_graph), "who-chaired", "--format", "tsv"])
    assert r.output.splitlines()[0] == "date\tkind\tevent\tchair"
    r = runner.invoke(app, ["query", str(sample_graph), "ASK { ?p rdfs:label \"刘德君\"@zh }"])
    assert r.output.strip() == "true"
    r = runner.invoke(app, ["query", str(sample_graph),
                            "CONSTRUCT { ?p a kg:Person } WHERE { ?p rdfs:label \"刘德君\"@zh }"])
    assert "kg:Person" in r.output
    assert_same(rdflib.Graph().parse(data=r.output, format="turtle"),
                rdflib.Graph().parse(data=r.output, format="turtle"))
    r = runner.invoke(app, ["query", str(sample_graph), "meetings-in-range", "--param", "start=2022-07-24"])
    assert r.exit_code == 0 and "(3 rows)" in r.output
    r = runner.invoke(app, ["query", str(sample_graph), "meetings-in-range", "--param", "start=July"])
    assert r.exit_code == 1 and "not a valid xsd:date" in r.output
    r = runner.invoke(app, ["query", "--list"])
    assert "co-attendance" in r.output and "--param start=" in r.output


def test_rdf_query_cli_bad_inputs(tmp_path, sample_graph):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<", encoding="utf-8")
    r = runner.invoke(app, ["query", str(bad), "who-chaired"])
    assert r.exit_code == 1 and "bad.ttl: cannot parse" in r.output
    r = runner.invoke(app, ["query", str(sample_graph), "SELECT ?x WHERE { ?x a foo:Bar }"])
    assert r.exit_code == 1 and r.output.count("\n") == 1 and "Traceback" not in r.output
