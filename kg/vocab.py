"""The govnews-kg vocabulary as rdflib namespaces (terms of ontology/kg.ttl)."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

__all__ = ["KG", "ID", "PROV"]

ID = Namespace("https://w3id.org/govnews-kg/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")


class KG(DefinedNamespace):
    """Terms of https://w3id.org/govnews-kg/ontology#; a typo fails at import time."""

    _NS = Namespace("https://w3id.org/govnews-kg/ontology#")
    _fail = True

    # classes
    Person: URIRef
    Position: URIRef
    Event: URIRef
    Meeting: URIRef
    Inspection: URIRef
    Directive: URIRef
    Project: URIRef
    Organization: URIRef
    Article: URIRef
    Evidence: URIRef
    TitleObservation: URIRef
    Responsibility: URIRef
    Participation: URIRef
    SiteVisit: URIRef
    # public properties (../shared/spec/VOCABULARY.md)
    holds: URIRef
    date: URIRef
    chairedBy: URIRef
    ledBy: URIRef
    attendee: URIRef
    site: URIRef
    speaker: URIRef
    issuedAt: URIRef
    cue: URIRef
    text: URIRef
    concerns: URIRef
    responsibleFor: URIRef
    reporter: URIRef
    correspondent: URIRef
    mentions: URIRef
    reportedIn: URIRef
    # provenance and observations
    evidence: URIRef
    sentenceText: URIRef
    sourceFile: URIRef
    startOffset: URIRef
    endOffset: URIRef
    headline: URIRef
    kicker: URIRef
    subtitle: URIRef
    articleIndex: URIRef
    page: URIRef
    prominence: URIRef
    headlineSize: URIRef
    sourcePage: URIRef
    sourceURL: URIRef
    siteOrder: URIRef
    person: URIRef
    position: URIRef
    project: URIRef
    basis: URIRef
    observedIn: URIRef
    trigger: URIRef
    event: URIRef
    listOrder: URIRef
    role: URIRef
