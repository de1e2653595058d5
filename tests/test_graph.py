from rdflib import RDF, RDFS, Literal

from kg.graph import to_graph
from kg.pipeline import extract_file_text
from kg.vocab import KG


def build(*pages):
    facts = []
    for i, page in enumerate(pages):
        facts += extract_file_text(page, f"p{i}.txt", 2023)
    return to_graph(facts)


def persons_named(g, name):
    return sorted(g.subjects(RDFS.label, Literal(name, lang="zh")))


def test_graph_same_person_in_two_articles_is_one_node_with_each_title():
    g = build("甲\n本报讯 5月6日，县委副书记王志刚主持召开会议。\n",
              "乙\n本报讯 6月8日，县委书记王志刚主持召开会议。\n")
    [p] = persons_named(g, "王志刚")
    assert {str(t) for t in g.objects(p, KG.holds / RDFS.label)} == {"县委副书记", "县委书记"}
    dates = {str(d) for obs in g.subjects(KG.person, p) for d in g.objects(obs, KG.date)}
    assert dates == {"2023-05-06", "2023-06-08"}


def test_graph_same_name_in_different_places_is_two_nodes():
    g = build("甲\n本报讯 5月6日，甲县县长王伟主持召开会议。\n",
              "乙\n本报讯 5月7日，乙市副市长王伟主持召开会议。\n")
    assert len(persons_named(g, "王伟")) == 2
    for p in persons_named(g, "王伟"):
        assert (p, RDF.type, KG.Person) in g


def test_graph_provenance_of_every_event_and_directive():
    g = build("甲\n本报讯 5月6日，县长李国庆主持召开会议。李国庆指出，要抓落实。\n")
    for cls in (KG.Meeting, KG.Directive):
        for node in g.subjects(RDF.type, cls):
            ev = g.value(node, KG.evidence)
            art = g.value(node, KG.reportedIn)
            assert ev is not None and art is not None
            assert "李国庆" in str(g.value(ev, KG.sentenceText))
            assert g.value(ev, KG.startOffset).toPython() < g.value(ev, KG.endOffset).toPython()
            assert str(g.value(art, KG.sourceFile)) == "p0.txt"
