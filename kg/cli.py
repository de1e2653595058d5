"""The `kg` command line: thin wrappers over the library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .analysis import DEFAULT_TOP, NETWORKS, ViewError, ViewFilter
from .cluster import CONNECT_TIMEOUT, AddressError, ClusterError, connect
from .export import FORMATS, STREAM_FORMATS, export, export_stream
from .messages import Progress, grouped_warnings
from .query import DEFAULT_LIMIT, QueryError, format_ox_result, format_ox_rows, named_queries, prepare, run_page
from .read import ReadError
from .remote import RemoteError
from .store import KGStore, load_graph, open_source

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


_SOURCE_HELP = "A folder written by kg build (its store/), a store folder, or a graph file (ttl, nt, trig, nq)."
_CREDENTIALS = "Credentials: KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, else the endpoint host's entry in $NETRC or ~/.netrc."
EndpointOpt = Annotated[Optional[str], typer.Option(
    "--endpoint", help="A SPARQL 1.1 query endpoint (Oxigraph: http://HOST:PORT/query, Virtuoso: http://HOST:PORT/sparql). "
    + _CREDENTIALS)]
GraphStoreOpt = Annotated[Optional[str], typer.Option(
    "--graph-store", help="Its Graph Store Protocol endpoint; derived for Oxigraph (/store) and Virtuoso "
    "(/sparql-graph-crud-auth) when left out.")]


def _endpoint(url: str, graph_store: Optional[str] = None, workers: int = 2, check: bool = True,
              write: bool = False):
    """An Endpoint for --endpoint URL, or its one-line error and exit code 1. `check`: the
    server answers now (and `write`: takes our writes), before any work is done."""
    from .remote import Endpoint

    try:
        ep = Endpoint(url, graph_store, workers=workers)
        if check:
            ep.check(write)
        return ep
    except RemoteError as e:
        _err(str(e))
        raise typer.Exit(1) from None


def _source(graph, endpoint: Optional[str]):
    """The graph to read: the server at --endpoint, else the store or file GRAPH."""
    if endpoint is not None and graph is not None:
        _err(f"give a graph ({graph}) or --endpoint {endpoint}, not both")
        raise typer.Exit(2)
    if endpoint is not None:
        from .remote import RemoteSource

        return RemoteSource(_endpoint(endpoint, check=False))
    if graph is None:
        _err("give a graph (a folder written by kg build, a store or a graph file) or --endpoint URL")
        raise typer.Exit(2)
    return _open(Path(graph))


@app.command("build")
def build_cli(
    paths: Annotated[list[Path], typer.Argument(help="Text, PDF or HTML files, or folders searched for *.txt, *.pdf, *.html, *.htm.")],
    year: Annotated[Optional[int], typer.Option(help="Year of dates that do not state one.")] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder to write into (the store is OUT/store/).")] = Path("outputs"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes reading files at once.")] = 1,
    prune: Annotated[bool, typer.Option("--prune", help="Remove from the store the files no longer among the inputs.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Every warning, not a count per kind and file.")] = False,
    top: Annotated[int, typer.Option("--top", min=0, help="Persons drawn in the HTML views (0: all).")] = DEFAULT_TOP,
    ocr: Annotated[bool, typer.Option("--ocr", help="Read PDF pages with no text layer (scans) with tesseract.")] = False,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="SCHEDULER",
                    help="Extract on a Dask distributed cluster, e.g. tcp://HOST:8786; its workers read the "
                         "files at the same paths (a shared filesystem) or are sent them.")] = None,
    dask_timeout: Annotated[float, typer.Option("--dask-timeout", min=0.1, metavar="SECONDS",
                            help="Seconds to reach the scheduler and see a worker.")] = CONNECT_TIMEOUT,
    endpoint: Annotated[Optional[str], typer.Option(
        "--endpoint", help="Also send each article graph to this SPARQL server as it is stored (see kg push).")] = None,
    graph_store: GraphStoreOpt = None,
) -> None:
    """Extract a knowledge graph from news pages into the store OUT/store/.

    Each article goes into its own named graph as soon as it is read. A re-run skips the
    files that did not change, replaces the graphs of those that did, and with --prune
    removes those no longer given. Then writes graph.ttl, the co-attendance and
    responsibility networks (GraphML) and their interactive views (HTML).

    With --dask tcp://HOST:8786 the files are extracted by a Dask cluster's workers and the
    store is written here: the same as a local build, byte for byte.

    With --endpoint URL each batch of article graphs is also PUT to that server as soon as
    the store holds it, then the shared triples and the record of inputs (as kg push does).

    Example: kg build tests/data/chuanhui-2022-07.txt --year 2022 -o outputs
    """
    from .pipeline import (build_store, outputs_current, outputs_stamp, store_counts,
                           write_store_outputs)

    if year is not None and not 1949 <= year <= 2100:
        _err(f"--year {year}: not a plausible year")
        raise typer.Exit(2)
    if dask is not None and jobs > 1:
        _err("--jobs and --dask: choose one (with --dask the workers' processes extract)")
        raise typer.Exit(2)
    cluster = None
    if dask is not None:
        try:
            cluster = connect(dask, dask_timeout)
        except ClusterError as e:
            _err(str(e))
            raise typer.Exit(2 if isinstance(e, AddressError) else 1) from None
    store_dir = out / "store"
    sink = None
    if endpoint is not None:
        from .remote import BuildSink

        sink = BuildSink(_endpoint(endpoint, graph_store, write=True))
    progress = Progress()
    try:
        result = build_store(paths, store_dir, year, jobs=jobs, prune=prune, progress=progress.update, ocr=ocr,
                             outcomes=cluster.outcomes if cluster else None, sink=sink)
    except (ReadError, ClusterError, RemoteError) as e:
        progress.close()
        _err(str(e))
        raise typer.Exit(1) from None
    finally:
        if cluster is not None:
            cluster.close()
    progress.close()
    for e in result.errors:
        _err(e)
    for line in grouped_warnings(result.warnings, verbose):
        typer.echo(f"warning: {line}", err=True)
    if cluster is not None and cluster.sent:
        typer.echo(f"warning: {cluster.sent} file(s) not found by the workers at their paths were sent from "
                   "this machine (a filesystem shared at the same paths saves that)", err=True)
    if not store_dir.exists():
        _err("no input could be read; nothing written")
        raise typer.Exit(1)
    store = KGStore(store_dir)
    counts = store_counts(store)
    typer.echo(f"{result.files} file(s): {result.built} built, {result.skipped} unchanged, {result.removed} removed; "
               f"{counts['articles']} articles, {counts['persons']} persons, {counts['events']} events, "
               f"{counts['directives']} directives, {counts['projects']} projects in {store_dir}")
    if sink is not None:
        try:
            pushed = sink.finish(store)
        except RemoteError as e:
            _err(str(e))
            raise typer.Exit(1) from None
        typer.echo(_pushed_line(pushed, endpoint))
    view = ViewFilter(top=top or None)
    if outputs_current(out, outputs_stamp(store, view)):
        typer.echo(f"outputs in {out} are up to date")
        if result.errors:
            raise typer.Exit(1)
        return
    written = write_store_outputs(store, out, view)
    for path in written:
        typer.echo(f"wrote {path}")
    if result.errors:
        raise typer.Exit(1)


class _PushProgress:
    """Graphs sent of those to send: a tqdm bar on a terminal, a line every 30 s when not."""

    def __init__(self):
        import time

        self.clock, self.tty, self.bar = time.monotonic, sys.stderr.isatty(), None
        self.last = self.clock()

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit="graph", file=sys.stderr, dynamic_ncols=True)
            self.bar.n = done
            self.bar.refresh()
        elif self.clock() - self.last >= 30:
            self.last = self.clock()
            typer.echo(f"[{done}/{total} graphs] pushed", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _pushed_line(res, endpoint: str) -> str:
    stale = f"; {res.deleted} graph(s) no longer in the store deleted" if res.deleted else ""
    return f"pushed {res.graphs} graph(s), {res.triples} triples, to {endpoint}{stale}"


@app.command("push")
def push_cli(
    source: Annotated[Path, typer.Argument(help="A folder written by kg build (its store/) or a store folder.")],
    endpoint: Annotated[str, typer.Option("--endpoint", help=EndpointOpt.__metadata__[0].help)],
    graph_store: GraphStoreOpt = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="PUT requests in flight at once.")] = 2,
) -> None:
    """Send a build's graphs to a SPARQL 1.1 server by the Graph Store Protocol.

    One PUT of N-Triples per article graph, so a re-push replaces each graph and never
    duplicates a triple; the shared triples go into 16 graphs id:build/shared/<h> (by their
    subject), the record of inputs into id:build/inputs; remote article graphs the store no
    longer holds are deleted. Connection errors, 5xx and 429 are retried with backoff.
    Credentials: KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, else the host's entry in $NETRC
    or ~/.netrc (Digest or Basic, as the server asks); never on the command line.

    Example: KG_ENDPOINT_USER=kg KG_ENDPOINT_PASSWORD=… kg push outputs --endpoint http://127.0.0.1:8890/sparql
    """
    from .remote import push

    src = _open(source)
    if not isinstance(src, KGStore):
        _err(f"{source}: kg push sends a store written by kg build, not a graph file")
        raise typer.Exit(2)
    ep = _endpoint(endpoint, graph_store, workers=workers, check=False)
    progress = _PushProgress()
    try:
        res = push(src, ep, progress)
    except RemoteError as e:
        progress.close()
        _err(str(e))
        raise typer.Exit(1) from None
    progress.close()
    typer.echo(_pushed_line(res, endpoint))


def _or_exit(read, path: Path):
    """read(path), or its one-line error and exit code 1."""
    try:
        return read(path)
    except ReadError as e:
        _err(str(e))
        raise typer.Exit(1) from None


def _open(path: Path):
    return _or_exit(open_source, path)


def _load(path: Path):
    return _or_exit(load_graph, path)


@app.command("export")
def export_cli(
    graph: Annotated[Path, typer.Argument(help=_SOURCE_HELP)],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "ttl",
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="File to write; standard output if left out.")] = None,
    network: Annotated[str, typer.Option(help="For graphml/gexf: entities, co-attendance or responsibility.")] = "entities",
) -> None:
    """Convert a store or graph to another format. TriG and N-Quads keep one named graph per
    article; ttl, nt, trig and nq stream from the store, whatever its size.

    Example: kg export outputs --format trig -o outputs/graph.trig
    """
    from .pipeline import atomic_stream, write_atomic

    _choose("--format", fmt, FORMATS)
    _choose("--network", network, ["entities", *NETWORKS])
    if fmt in STREAM_FORMATS:
        src = _open(graph)
        if out is None:
            export_stream(src, fmt, sys.stdout.buffer)
            return
        with atomic_stream(out) as f:
            export_stream(src, fmt, f)
        typer.echo(f"wrote {out}", err=True)
        return
    if fmt in ("graphml", "gexf") and network != "entities":
        data = export(None, fmt, NETWORKS[network](_open(graph)))
    else:
        data = export(_load(graph), fmt)
    if out is None:
        sys.stdout.buffer.write(data)
        return
    write_atomic(out, data)
    typer.echo(f"wrote {out}", err=True)


@app.command("query")
def query_cli(
    graph: Annotated[Optional[str], typer.Argument(help=_SOURCE_HELP + " Left out with --endpoint.")] = None,
    query: Annotated[Optional[str], typer.Argument(help="SPARQL text, or the name of a shipped query.")] = None,
    file: Annotated[Optional[Path], typer.Option("-f", "--file", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv or json.")] = "table",
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE for a named query.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the shipped queries and their parameters.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help=f"Rows to show (a shipped query: {DEFAULT_LIMIT} unless given).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every row (a shipped query shows its first page otherwise).")] = False,
    endpoint: EndpointOpt = None,
) -> None:
    """Run SPARQL on a store or graph: text, a .rq file, or a shipped query by name.

    The query is checked before any data is read, so a mistake is reported at once. On a
    store the default graph is the union of the article graphs. Prefixes kg, id, rdfs, rdf,
    xsd, owl, prov, schema, foaf and dcterms are declared.

    A shipped query shows its first 100 rows in its order (--limit N, --all for every row);
    the output says when rows were left out. On a build store such a page (up to 1,000 rows,
    no parameter) is read from the summary kg build keeps ready, without sorting the corpus.
    Its parameters (--param person=…, from=…) narrow it before anything is read.

    With --endpoint URL the query runs on a SPARQL server a build was pushed to (kg push),
    on the union of its graphs, with the same rows as on the store.

    Example: kg query outputs meetings-in-range --param start=2022-07-20
    Example: kg query --endpoint http://127.0.0.1:7878/query who-chaired
    """
    shipped = named_queries()
    if list_:
        for q in shipped.values():
            typer.echo(f"{q.name:<24}{q.summary}")
            for p in q.params:
                default = f" (default {p.default})" if p.default else ""
                typer.echo(f"{'':<26}--param {p.name}=<{p.datatype}>{default}  {p.doc}")
        return
    if endpoint is not None and query is None:  # kg query --endpoint URL NAME|SPARQL
        graph, query = None, graph
    if (graph is None and endpoint is None) or (query is None and file is None):
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
    if all_ and limit is not None:
        _err("give --limit N or --all, not both")
        raise typer.Exit(2)
    rows_wanted = None if all_ else (limit if limit is not None else "shipped")
    try:
        prepare(text, label, params, declared)  # before any data is read
    except QueryError as e:
        _err(str(e))
        raise typer.Exit(1) from None
    src = _source(graph, endpoint)
    try:
        variables, rows, cut = run_page(src, text, label, params, declared, rows_wanted)
        if rows is None:
            typer.echo(format_ox_result(variables, fmt))
            return
        out = format_ox_rows(variables, rows, fmt)
        more = f"the first {len(rows)} rows; more with --limit N or --all"
        if cut and fmt == "table":
            out = out.rsplit("\n", 1)[0] + f"\n({more})"
        typer.echo(out)
        if cut and fmt != "table":
            typer.echo(f"note: {more}", err=True)
    except (QueryError, RemoteError) as e:
        _err(str(e))
        raise typer.Exit(1) from None


@app.command("validate")
def validate_cli(
    graph: Annotated[Path, typer.Argument(help=_SOURCE_HELP + " Checked against ontology/shapes.ttl.")],
) -> None:
    """Check a store or graph against the ontology's SHACL shapes; list each violation.

    A store is checked a batch of article graphs at a time (each stands alone), so memory
    stays bounded.

    Example: kg validate outputs
    """
    from .validate import validate, validate_source

    if graph.is_dir():
        problems, n = validate_source(_open(graph))
    else:
        g = _load(graph)
        problems, n = validate(g), len(g)
    if not problems:
        typer.echo(f"{graph}: conforms ({n} triples)")
        return
    for p in problems:
        typer.echo(p)
    typer.echo(f"{graph}: {len(problems)} violation(s)", err=True)
    raise typer.Exit(1)


def _date_option(flag: str, value: Optional[str]) -> Optional[str]:
    import datetime

    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        _err(f"{flag} {value}: write a date as YYYY-MM-DD")
        raise typer.Exit(2) from None


def _view_filter(top, person, hops, date_from, date_to, place) -> ViewFilter:
    return ViewFilter(top=top or None, person=person, hops=hops, date_from=_date_option("--from", date_from),
                      date_to=_date_option("--to", date_to), place=place)


TopOpt = Annotated[int, typer.Option("--top", min=0, help="Draw the N most central persons (0: all).")]
PersonOpt = Annotated[Optional[str], typer.Option("--person", help="Only the ego network of this person.")]
HopsOpt = Annotated[int, typer.Option("--hops", min=1, help="With --person: how many steps out.")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Only events on or after this date (YYYY-MM-DD).")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Only events on or before this date (YYYY-MM-DD).")]
PlaceOpt = Annotated[Optional[str], typer.Option("--place", help="Only persons of this place (e.g. 川汇区).")]


@app.command("view")
def view_cli(
    graph: Annotated[Optional[Path], typer.Argument(help=_SOURCE_HELP + " Left out with --endpoint.")] = None,
    network: Annotated[str, typer.Option(help="co-attendance or responsibility.")] = "co-attendance",
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("network.html"),
    top: TopOpt = DEFAULT_TOP, person: PersonOpt = None, hops: HopsOpt = 1,
    date_from: FromOpt = None, date_to: ToOpt = None, place: PlaceOpt = None, endpoint: EndpointOpt = None,
) -> None:
    """Write an interactive view of a network: one HTML file that works offline.

    A corpus holds too many persons to draw whole: the view keeps the --top most central
    (by degree), or an ego network (--person, --hops), events in a date range (--from, --to)
    or the persons of a place (--place); the page says what was left out.

    Example: kg view outputs --person 刘德君 --hops 2 -o outputs/liu.html
    Example: kg view --endpoint http://127.0.0.1:7878/query -o network.html
    """
    from .pipeline import view_html, write_atomic

    _choose("--network", network, NETWORKS)
    view = _view_filter(top, person, hops, date_from, date_to, place)
    src = _source(graph, endpoint)
    try:
        net, note = view.apply(src, network)
    except (ViewError, RemoteError) as e:
        _err(str(e))
        raise typer.Exit(1) from None
    write_atomic(out, view_html(src, net, network, note, view).encode("utf-8"))
    typer.echo(f"{note}\nwrote {out}")


@app.command("report")
def report_cli(
    graph: Annotated[Optional[Path], typer.Argument(help=_SOURCE_HELP + " Left out with --endpoint.")] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("report.html"),
    top: TopOpt = DEFAULT_TOP, person: PersonOpt = None, hops: HopsOpt = 1,
    date_from: FromOpt = None, date_to: ToOpt = None, place: PlaceOpt = None, endpoint: EndpointOpt = None,
    compare: Annotated[Optional[str], typer.Option(
        "--compare", help="Also compare two periods, FROM:TO,FROM:TO (YYYY-MM-DD), as kg diff does.")] = None,
) -> None:
    """Write a one-page HTML report that opens without a server.

    People ranked, meetings by date, projects and who is responsible, careers (ranked career
    steps), protocol rank by month (a chart; click a point for its articles), both networks
    embedded (filtered as for kg view); with --compare, the changes between two periods as
    tables, CSV and a network coloured by what is new and what vanished.

    Example: kg report outputs --compare 2021-01-01:2021-12-31,2022-01-01:2022-12-31 -o outputs/report.html
    Example: kg report --endpoint http://127.0.0.1:8890/sparql -o report.html
    """
    from .pipeline import report_page, write_atomic

    periods = None
    if compare is not None:
        from .diff import parse_periods

        try:
            periods = parse_periods(compare)
        except ValueError as e:
            _err(str(e))
            raise typer.Exit(2) from None
    view = _view_filter(top, person, hops, date_from, date_to, place)
    src = _source(graph, endpoint)
    try:
        page = report_page(src, endpoint or str(graph), view, periods)
    except (ViewError, RemoteError) as e:
        _err(str(e))
        raise typer.Exit(1) from None
    write_atomic(out, page.encode("utf-8"))
    typer.echo(f"wrote {out}")


def _period(flag_from: str, start: Optional[str], flag_to: str, end: Optional[str]):
    from .diff import Period

    if start is None or end is None:
        _err(f"give both {flag_from} and {flag_to} (YYYY-MM-DD)")
        raise typer.Exit(2)
    a, b = _date_option(flag_from, start), _date_option(flag_to, end)
    if a > b:
        _err(f"{flag_from} {a} is after {flag_to} {b}")
        raise typer.Exit(2)
    return Period(a, b)


@app.command("diff")
def diff_cli(
    source: Annotated[Optional[Path], typer.Argument(help=_SOURCE_HELP)] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="The same as SOURCE (give one of them).")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="First period: first day (YYYY-MM-DD).")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="First period: last day (YYYY-MM-DD).")] = None,
    vs_from: Annotated[Optional[str], typer.Option("--vs-from", help="Second period: first day (YYYY-MM-DD).")] = None,
    vs_to: Annotated[Optional[str], typer.Option("--vs-to", help="Second period: last day (YYYY-MM-DD).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or csv.")] = "table",
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="File to write; standard output if left out.")] = None,
    view: Annotated[Optional[Path], typer.Option("--view", help="Also write the co-attendance changes as an HTML view.")] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="With --view: draw the N persons of most degree (0: all).")] = DEFAULT_TOP,
) -> None:
    """Compare two periods: who appears only in one, whose protocol rank (mean place in
    attendee lists) or events chaired and led rose or fell, co-attendance edges new or
    gone, projects newly named. Rows: section, item, place, first, second, change. --view
    writes the network of what changed: new persons and edges green, vanished ones red.

    Example: kg diff outputs --from 2021-01-01 --to 2021-12-31 --vs-from 2022-01-01 --vs-to 2022-12-31 --format csv -o diff.csv
    """
    from .diff import DIFF_COLOURS, compare, diff_network, diff_rows, format_rows
    from .pipeline import write_atomic
    from .render import network_html

    _choose("--format", fmt, ("table", "csv"))
    if (source is None) == (store is None):
        _err("give the store as SOURCE or as --store DIR (one of them)")
        raise typer.Exit(2)
    first = _period("--from", date_from, "--to", date_to)
    second = _period("--vs-from", vs_from, "--vs-to", vs_to)
    src = _open(source or store)
    c = compare(src, first, second)
    if not (c.a.persons or c.b.persons):
        _err(f"no dated events in {first} or in {second}")
        raise typer.Exit(1)
    text = format_rows(diff_rows(c), fmt, c)
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomic(out, text.encode("utf-8"))
        typer.echo(f"wrote {out}", err=True)
    if view is not None:
        net, note = diff_network(c, top or None)
        write_atomic(view, network_html(net, "co-attendance: changes between the periods", note,
                                        status_colours=DIFF_COLOURS).encode("utf-8"))
        typer.echo(f"{note}\nwrote {view}", err=True)


@app.command("career")
def career_cli(
    source: Annotated[Path, typer.Argument(help=_SOURCE_HELP)],
    person: Annotated[Optional[str], typer.Argument(help="A person's name as written; all persons who took a step if left out.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or csv.")] = "table",
) -> None:
    """A person's posts as intervals (first and last date seen, place, rank, articles) and
    career steps: promotion (a higher rank in the same place), demotion, lateral, transfer
    (another place) or change (a post with no rank). Ranks: kg/lexicons/post_ranks.txt.

    Example: kg career outputs 刘德君 --format csv
    """
    from .careers import UnknownPerson, careers
    from .query import _format_rows

    _choose("--format", fmt, ("table", "csv"))
    src = _open(source)
    try:
        found = careers(src, person=person)
    except UnknownPerson:
        _err(f"{person}: no dated title names this person in {source}")
        raise typer.Exit(1) from None
    if person is None:
        found = [c for c in found if c.steps]
    rows = []
    for c in found:
        for p in c.posts:
            rows.append([c.name, c.place, "post", p.title, p.place, "" if p.rank is None else str(p.rank),
                         p.first, p.last, str(len(p.articles))])
        for s in c.steps:
            rows.append([c.name, c.place, s.kind, f"{s.before.title} → {s.after.title}",
                         s.after.place if s.before.place == s.after.place else f"{s.before.place} → {s.after.place}",
                         f"{'' if s.before.rank is None else s.before.rank} → {'' if s.after.rank is None else s.after.rank}",
                         s.date_before, s.date_after, "2"])
    header = ["person", "keyed by", "row", "post", "place", "rank", "first", "last", "articles"]
    typer.echo(_format_rows(header, rows, fmt, 60))
