"""The `kg` command line: thin wrappers over the library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .analysis import NETWORKS
from .export import FORMATS, export
from .pipeline import build, report_page, write_atomic, write_outputs
from .query import QueryError, format_result, named_queries, run
from .render import network_html
from .read import ReadError
from .store import load_graph

app = typer.Typer(
    help="govnews-kg: Chinese local-government news -> knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _err(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)


def _choose(flag: str, value: str, choices) -> None:
    """Exit with a one-line usage error unless value is one of choices."""
    if value not in choices:
        _err(f"{flag} {value}: choose one of {', '.join(choices)}")
        raise typer.Exit(2)


@app.callback()
def _main() -> None:
    """govnews-kg: Chinese local-government news -> knowledge graph."""


@app.command("build")
def build_cli(
    paths: Annotated[list[Path], typer.Argument(help="Text files, or folders searched for *.txt.")],
    year: Annotated[Optional[int], typer.Option(help="Year of dates that do not state one.")] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder to write into.")] = Path("outputs"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes reading files at once.")] = 1,
) -> None:
    """Extract a knowledge graph from news pages into OUT.

    Writes graph.ttl, the co-attendance and responsibility networks (GraphML) and their
    interactive views (HTML).

    Example: kg build tests/data/chuanhui-2022-07.txt --year 2022 -o outputs
    """
    if year is not None and not 1949 <= year <= 2100:
        _err(f"--year {year}: not a plausible year")
        raise typer.Exit(2)

    def progress(done: int, total: int, path: str) -> None:
        if total > 1 and sys.stderr.isatty():
            sys.stderr.write(f"\r[{done + 1}/{total}] {path[-60:]:<60}")
            if done + 1 == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    result = build(paths, year, progress=progress, jobs=jobs)
    for e in result.errors:
        _err(e)
    for w in sorted(set(result.warnings)):
        typer.echo(f"warning: {w}", err=True)
    if not result.facts:
        _err("no input could be read; nothing written")
        raise typer.Exit(1)
    g = result.graph()
    written = write_outputs(g, out)
    facts = result.facts
    persons = {p.name for f in facts for p in f.persons}
    n_events = sum(len(f.events) for f in facts)
    n_dirs = sum(len(f.directives) for f in facts)
    projects = {p for f in facts for p in f.projects}
    typer.echo(f"{result.files} file(s), {len(facts)} articles, {len(persons)} persons, "
               f"{n_events} events, {n_dirs} directives, {len(projects)} projects")
    for path in written:
        typer.echo(f"wrote {path}")
    if result.errors:
        raise typer.Exit(1)


def _load(path: Path):
    try:
        return load_graph(path)
    except ReadError as e:
        _err(str(e))
        raise typer.Exit(1) from None


@app.command("export")
def export_cli(
    graph: Annotated[Path, typer.Argument(help="A graph written by kg build (graph.ttl).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "ttl",
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="File to write; standard output if left out.")] = None,
    network: Annotated[str, typer.Option(help="For graphml/gexf: entities, co-attendance or responsibility.")] = "entities",
) -> None:
    """Convert a graph to another format. TriG keeps one named graph per article.

    Example: kg export outputs/graph.ttl --format trig -o outputs/graph.trig
    """
    _choose("--format", fmt, FORMATS)
    _choose("--network", network, ["entities", *NETWORKS])
    g = _load(graph)
    net = NETWORKS[network](g) if fmt in ("graphml", "gexf") and network != "entities" else None
    data = export(g, fmt, net)
    if out is None:
        sys.stdout.buffer.write(data)
        return
    write_atomic(out, data)
    typer.echo(f"wrote {out}", err=True)


@app.command("query")
def query_cli(
    graph: Annotated[Optional[Path], typer.Argument(help="A graph file (ttl, nt, trig, jsonld).")] = None,
    query: Annotated[Optional[str], typer.Argument(help="SPARQL text, or the name of a shipped query.")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE for a named query.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the shipped queries and their parameters.")] = False,
) -> None:
    """Run SPARQL on a graph: text, a .rq file, or a shipped query by name.

    Prefixes kg, id, rdfs, rdf, xsd, owl, prov, schema, foaf and dcterms are declared.

    Example: kg query outputs/graph.ttl meetings-in-range --param start=2022-07-20
    """
    shipped = named_queries()
    if list_:
        for q in shipped.values():
            typer.echo(f"{q.name:<24}{q.summary}")
            for p in q.params:
                default = f" (default {p.default})" if p.default else ""
                typer.echo(f"{'':<26}--param {p.name}=<{p.datatype}>{default}  {p.doc}")
        return
    if graph is None or (query is None and file is None):
        _err("give a graph and a query (text, a name from --list, or -f FILE)")
        raise typer.Exit(2)
    _choose("--format", fmt, ("table", "csv", "tsv", "json"))
    params = {}
    for item in param or []:
        if "=" not in item:
            _err(f"--param {item}: write NAME=VALUE")
            raise typer.Exit(2)
        k, v = item.split("=", 1)
        params[k.strip()] = v.strip()
    declared = ()
    if file is not None:
        try:
            text, label = file.read_text(encoding="utf-8"), str(file)
        except (OSError, UnicodeDecodeError) as e:
            _err(f"{file}: cannot read: {getattr(e, 'strerror', None) or e}")
            raise typer.Exit(1) from None
    elif query in shipped:
        text, label, declared = shipped[query].text, query, shipped[query].params
    else:
        text, label = query, "query"
    g = _load(graph)
    try:
        result = run(g, text, label, params, declared)
        typer.echo(format_result(result, fmt))
    except QueryError as e:
        _err(str(e))
        raise typer.Exit(1) from None


@app.command("validate")
def validate_cli(
    graph: Annotated[Path, typer.Argument(help="A graph file to check against ontology/shapes.ttl.")],
) -> None:
    """Check a graph against the ontology's SHACL shapes; list each violation.

    Example: kg validate outputs/graph.ttl
    """
    from .validate import validate

    g = _load(graph)
    problems = validate(g)
    if not problems:
        typer.echo(f"{graph}: conforms ({len(g)} triples)")
        return
    for p in problems:
        typer.echo(p)
    typer.echo(f"{graph}: {len(problems)} violation(s)", err=True)
    raise typer.Exit(1)


@app.command("view")
def view_cli(
    graph: Annotated[Path, typer.Argument(help="A graph written by kg build.")],
    network: Annotated[str, typer.Option(help="co-attendance or responsibility.")] = "co-attendance",
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("network.html"),
) -> None:
    """Write an interactive view of a network: one HTML file that works offline.

    Example: kg view outputs/graph.ttl --network responsibility -o outputs/responsibility.html
    """
    _choose("--network", network, NETWORKS)
    g = _load(graph)
    write_atomic(out, network_html(NETWORKS[network](g), network).encode("utf-8"))
    typer.echo(f"wrote {out}")


@app.command("report")
def report_cli(
    graph: Annotated[Path, typer.Argument(help="A graph written by kg build.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("report.html"),
) -> None:
    """Write a one-page HTML report that opens without a server.

    People ranked, meetings by date, projects and who is responsible, both networks embedded.

    Example: kg report outputs/graph.ttl -o outputs/report.html
    """
    g = _load(graph)
    write_atomic(out, report_page(g, str(graph)).encode("utf-8"))
    typer.echo(f"wrote {out}")

