"""read -> normalize -> segment -> extract -> graph, with errors collected per input."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from rdflib import Graph

from .analysis import NETWORKS, report_tables
from .export import export
from .extract.article import extract
from .extract.dates import page_date
from .graph import article_nquads, graph_iri, page_jurisdictions, to_graph
from .models import Facts
from .formats import split_source
from .read import ReadError, Source, find_inputs, read_source
from .evidence import report_evidence, view_evidence
from .render import network_html, node_ids, report_html
from .store import input_record
from .summary import drop_summary, file_quads, summary_current, write_summary
from .analysis import ViewFilter
from .script import page_script
from .segment import split_articles

__all__ = ["BuildResult", "extract_file_text", "build", "build_store", "write_outputs", "write_store_outputs",
           "report_page", "view_html", "write_atomic", "content_hash", "outputs_stamp", "outputs_current"]


@dataclass
class BuildResult:
    facts: list[Facts] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0

    def graph(self) -> Graph:
        """The RDF graph of all facts (built anew on each call)."""
        return to_graph(self.facts)


def _date_from_name(path: str) -> tuple[int | None, int | None, int | None]:
    """The date in a file's name, as a last resort: (2019, 2, 20) of rmrb-20190220-04.txt or
    2019-02-20.html, (2022, None, None) of chuanhui-2022-07.txt (a month alone is not trusted
    to date the days of the text), all None when the name holds none."""
    name = Path(path).name
    m = re.search(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)", name)
    if m:
        return int(m.group(1)), int(m.group(3)), int(m.group(4))
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?:[-_.]?(?:0[1-9]|1[0-2]))", name)
    return (int(m.group(1)) if m else None), None, None


def extract_file_text(text: str, source: str, year: int | None = None, src: Source | None = None) -> list[Facts]:
    """All facts of one page of text. The year of dates that leave it out: the page's own
    date (a header such as 2023年6月14日 星期三, or 2023-06-14 on a web page), else `year`,
    else a year in the file's name. A full date in the file's name (rmrb-20200514-12-01.txt)
    stands for the page's own date where the page prints none and `year` does not differ.
    `src`, the input as read, splits a PDF by its layout. A page in traditional characters
    is read in simplified and its facts are told in its own characters (kg.script)."""
    script = page_script(text)  # a page in traditional characters is read in simplified
    if script is not None:
        text = script.simple
        src = replace(src, text=text) if src is not None else None
    printed = page_date(text[:1500])
    named = _date_from_name(source)
    if printed is None and named[1] is not None and year in (None, named[0]):
        printed = named
    page_year = (printed[0] if printed else None) or year or named[0]
    articles = split_source(src) if src is not None else split_articles(text, source)
    facts = [extract(a, page_year, printed) for a in articles]
    return facts if script is None else [script.restore(f) for f in facts]


def _read_and_extract(item: Path, year: int | None, ocr: bool = False) -> tuple[list[Facts] | None, str | None]:
    """(facts, error): facts is None when the file could not be read at all."""
    try:
        src = read_source(item, ocr)
    except ReadError as e:
        return None, str(e)
    facts = extract_file_text(src.text, src.path, year, src)
    return facts, None if facts else f"{src.path}: no article text found"


def build(paths: Iterable[str | Path], year: int | None = None,
          progress: Callable[[int, int, str], None] | None = None, jobs: int = 1) -> BuildResult:
    """Read every input and extract its facts; unreadable inputs become one-line errors.
    `progress(done, total, path)` is called as files are done. With `jobs` > 1 the files are
    read in that many processes; the result is the same, in the same order."""
    result = BuildResult()
    items = list(find_inputs(paths))
    files = [x for x in items if not isinstance(x, ReadError)]
    result.errors += [str(x) for x in items if isinstance(x, ReadError)]
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs)
        outcomes = pool.map(_read_and_extract, files, [year] * len(files), chunksize=4)
    else:
        pool = None
        outcomes = (_read_and_extract(f, year) for f in files)
    try:
        for done, (item, (facts, error)) in enumerate(zip(files, outcomes)):
            if progress:
                progress(done, len(files), str(item))
            if error:
                result.errors.append(error)
            if facts is not None:
                result.files += 1
                result.facts.extend(facts)
                result.warnings.extend(w for f in facts for w in f.warnings)
    finally:
        if pool is not None:
            pool.shutdown()
    return result


# --- the streaming, incremental build into the store ---------------------------------------
def content_hash(data: bytes, year: int | None, ocr: bool = False) -> str:
    """What a file's graphs were built from: its bytes, the --year that dates them and, for a
    PDF, whether its scanned pages were read by OCR (so a rebuild with --ocr reads them)."""
    h = hashlib.sha256(f"kg-build year={year}\n{'ocr' + chr(10) if ocr else ''}".encode())
    h.update(data)
    return h.hexdigest()


@dataclass
class FileOutcome:
    path: str
    digest: str
    nquads: str = ""  # the article graphs
    shared: str = ""  # triples about persons, projects, positions (the default graph)
    graphs: tuple[str, ...] = ()
    articles: int = 0
    chars: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None  # unreadable: not recorded, tried again next time


def process_file(path: str, digest: str, year: int | None, ocr: bool = False,
                 data: bytes | None = None) -> FileOutcome:
    """Read, extract and serialise one file (runs in a worker process). `data`: the file's
    bytes, when they were read elsewhere."""
    try:
        src = read_source(Path(path), ocr, data)
    except ReadError as e:
        return FileOutcome(path, digest, error=str(e))
    facts = extract_file_text(src.text, src.path, year, src)
    warnings = src.warnings + tuple(w for f in facts for w in f.warnings)
    if not facts:
        warnings += (f"{src.path}: no article text found",)
    page = page_jurisdictions(facts).get(src.path)
    own, shared = [], []
    for f in facts:
        a, b = article_nquads(f, page)
        own.append(a)
        shared.append(b)
    return FileOutcome(path, digest, "".join(own), "".join(shared),
                       tuple(str(graph_iri(f.article.id)) for f in facts), len(facts), len(src.text), warnings)


Outcomes = Callable[[list[tuple[str, str]], "int | None", bool], Iterator[FileOutcome]]
"""How outcomes are produced: (todo, year, ocr) -> the FileOutcome of each (path, digest) of
todo, in todo's order. `local_outcomes` here; `kg.cluster.DaskExtraction.outcomes` on a cluster."""


def local_outcomes(todo: list[tuple[str, str]], year: int | None, ocr: bool = False,
                   jobs: int = 1) -> Iterator[FileOutcome]:
    """process_file of each (path, digest), in order: in this process, or in `jobs` processes
    with at most jobs * 8 results held at once (memory stays bounded however many files)."""
    if jobs <= 1 or len(todo) <= 1:
        for path, digest in todo:
            yield process_file(path, digest, year, ocr)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.pipeline", "kg.warm"])  # workers start with the dictionaries loaded
    window = jobs * 8
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures: deque = deque()
        for path, digest in todo:
            futures.append(pool.submit(process_file, path, digest, year, ocr))
            if len(futures) >= window:
                yield futures.popleft().result()
        while futures:
            yield futures.popleft().result()


@dataclass
class StoreBuild:
    """What a build did: files built, skipped as unchanged, removed (--prune), and the
    errors and warnings met (warnings as written by extraction: "FILE: message")."""

    files: int = 0
    built: int = 0
    skipped: int = 0
    removed: int = 0
    articles: int = 0
    chars: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


BATCH_CHARS = 8_000_000  # N-Quads text per bulk load (about 40,000 triples)
BATCH_FILES = 500


def build_store(paths: Iterable[str | Path], store_dir: Path, year: int | None = None, jobs: int = 1,
                prune: bool = False, progress: Callable[[StoreBuild, int], None] | None = None,
                ocr: bool = False, outcomes: Outcomes | None = None, sink: Callable | None = None) -> StoreBuild:
    """Build the inputs into the store at `store_dir`, file by file: unchanged files (same
    content hash and --year) are skipped, changed ones have their article graphs replaced,
    recorded files no longer among the inputs are removed only with `prune`. Each batch of
    files goes in one transaction with the records of those files, so a build killed at any
    point and run again gives the same store. `progress(state, total)` is called as files
    are done. `ocr` reads PDF pages with no text layer by tesseract. `outcomes` extracts the
    files to build (default: `local_outcomes` with `jobs` processes). `sink(store, outcomes)`,
    if given, is called after each batch is in the store (kg build --endpoint sends its graphs on)."""
    from .store import KGStore

    res = StoreBuild()
    items = list(find_inputs(paths))
    files = [str(x) for x in items if not isinstance(x, ReadError)]
    res.errors += [str(x) for x in items if isinstance(x, ReadError)]
    files = list(dict.fromkeys(files))
    res.files = len(files)
    store_dir = Path(store_dir)
    store = None  # created only when there is something to write: a failed build leaves no trace
    known: dict = {}
    if store_dir.exists():
        store = KGStore(store_dir)
        store.drop_orphans()
        known = store.inputs()
    owner = {g: p for p, (_, gs) in known.items() for g in gs}
    agg = _aggregate(store_dir, store, known) if store is not None else None
    todo: list[tuple[str, str]] = []
    for path in files:
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            res.errors.append(f"{path}: {e.strerror or e}")
            continue
        digest = content_hash(data, year, ocr and path.lower().endswith(".pdf"))
        if path in known and known[path][0] == digest:
            res.skipped += 1
        else:
            todo.append((path, digest))
    gone = sorted(set(known) - set(files)) if prune and store is not None else []
    if store is not None and (todo or gone):  # the summary goes before the store changes (see kg/summary.py)
        drop_summary(store)
    if gone:
        for path in gone:
            store.forget(path)
            agg.forget([path])
            for g in known[path][1]:
                owner.pop(g, None)
            res.removed += 1
    total = len(todo)
    pending: list[FileOutcome] = []
    size = 0

    def flush() -> None:
        nonlocal size, store, agg
        if not pending:
            return
        if store is None:
            store = KGStore(store_dir)
            agg = _aggregate(store_dir, store, {})
        for o in pending:  # a changed file: its old graphs go before the new ones come
            if o.path in known:
                store.forget(o.path)
        # the article graphs by the bulk loader (not atomic: unclaimed graphs of a killed
        # build are dropped by the next), then the shared triples (each once) and the
        # records of the files in one transaction: a file is recorded only when whole
        store.bulk_add("".join(o.nquads for o in pending))
        shared = dict.fromkeys(line for o in pending for line in o.shared.splitlines(keepends=True))
        store.add("".join(shared) + "".join(input_record(o.path, o.digest, o.graphs) for o in pending))
        # the files' parts of the summary, once they are in the store (a build killed before
        # this commit has them computed from the store by the next, see kg/summary.py)
        agg.add([(o.path, o.digest, file_quads(o.nquads, o.shared, o.graphs, k)) for k, o in enumerate(pending)])
        if sink is not None:
            sink(store, pending)
        pending.clear()
        size = 0

    def take(o: FileOutcome) -> None:
        nonlocal size
        res.warnings.extend(o.warnings)
        if o.error:
            res.errors.append(o.error)
        else:
            clash = next((owner[g] for g in o.graphs if owner.get(g, o.path) != o.path), None)
            if clash:
                res.errors.append(f"{o.path}: its article ids are those of {clash} (the same file name); "
                                  "rename one of them")
            else:
                for g in o.graphs:
                    owner[g] = o.path
                res.built += 1
                res.articles += o.articles
                res.chars += o.chars
                pending.append(o)
                size += len(o.nquads) + len(o.shared)
                if size >= BATCH_CHARS or len(pending) >= BATCH_FILES:
                    flush()
        if progress:
            progress(res, total)

    for o in (outcomes or partial(local_outcomes, jobs=jobs))(todo, year, ocr):
        take(o)
    flush()
    if store is not None:
        if not summary_current(store):
            write_summary(store, agg)
        store.flush()
    if agg is not None:
        agg.close()
    return res


def _aggregate(store_dir: Path, store, known: dict):
    """The summary's parts beside the store, made those of the files it records."""
    from .summary import Aggregate, aggregate_path

    agg = Aggregate(aggregate_path(store_dir))
    agg.reconcile(store, known)
    return agg


def store_counts(store) -> dict[str, int]:
    """Articles, persons, events, directives and projects in a store."""
    from .analysis import select

    q = """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:%s }"""
    return {name: int(select(store, q % cls)[0][0]) for name, cls in
            (("articles", "Article"), ("persons", "Person"), ("events", "Event"),
             ("directives", "Directive"), ("projects", "Project"))}


def view_html(src, net, name: str, note: str = "", view: "ViewFilter | None" = None) -> str:
    """The HTML view of the drawn network `name` of `src`, with the evidence of its nodes
    and edges (read from `src`, for what is drawn only) in the panel a click opens."""
    view = view or ViewFilter()
    return network_html(net, name, note, evidence=view_evidence(src, net, name, view.date_from, view.date_to))


def report_page(g, source: str, view: "ViewFilter | None" = None, periods=None) -> str:
    """The one-page report of a graph, store or graph file: tables and both network views
    (filtered as `view` says; the default keeps the views to a size a browser draws), each
    row, node and edge opening its evidence; the careers and the protocol rank chart, and with
    `periods` (two diff.Period) a comparison."""
    from .sections import analyst_sections

    view = view or ViewFilter()
    nets = {name: view.apply(g, name) for name in NETWORKS}
    people, events, projects = report_tables(g, nets["co-attendance"][0], nets["responsibility"][0],
                                             view.date_from, view.date_to, ids=True)
    evidence = report_evidence(g, {"people": [(r[-1], r[0]) for r in people],
                                   "events": [(r[-1], f"{r[2]} · {r[0]}" if r[0] else r[2]) for r in events],
                                   "projects": [(r[-1], r[0]) for r in projects]}, view.date_from, view.date_to)
    people, events, projects = ([r[:-1] for r in t] for t in (people, events, projects))
    # the views' evidence goes into the report's, once; the frames read it from there
    for name, (net, _) in nets.items():
        view_evidence(g, net, name, view.date_from, view.date_to, into=evidence)
    return report_html(people, events, projects,
                       {name: network_html(net, name, note, evidence_view=name) for name, (net, note) in nets.items()},
                       source, evidence=evidence, view_ids={name: node_ids(net) for name, (net, _) in nets.items()},
                       sections=analyst_sections(g, view, periods))


def write_outputs(g: Graph, out: Path) -> list[Path]:
    """graph.ttl, the two networks as GraphML and as interactive HTML views. Every file is
    rendered before any is written, and each is written whole or not at all."""
    files: dict[str, bytes] = {"graph.ttl": export(g, "ttl")}
    for name, build_net in NETWORKS.items():
        net = build_net(g)
        files[f"{name}.graphml"] = export(g, "graphml", net)
        files[f"{name}.html"] = view_html(g, net, name).encode("utf-8")
    paths = []
    for name, data in files.items():
        write_atomic(out / name, data)
        paths.append(out / name)
    return paths


def write_store_outputs(store, out: Path, view: "ViewFilter | None" = None) -> list[Path]:
    """graph.ttl (streamed from the store), the networks as GraphML (whole) and their views
    (as `view` filters them). Each file is written whole or not at all."""
    from .export import export_stream

    view = view or ViewFilter()
    paths = [out / "graph.ttl"]
    stop = threading.Event()

    def turtle() -> None:
        with atomic_stream(out / "graph.ttl") as f:
            export_stream(store, "ttl", _Stoppable(f, stop))

    # graph.ttl is written in a thread while the networks are computed: Oxigraph's serialiser
    # runs without the GIL, so the two share the cores (at 10^4 articles some 18 s of each)
    with ThreadPoolExecutor(max_workers=1) as pool:
        written = pool.submit(turtle)
        try:
            for name, build_net in NETWORKS.items():
                net = build_net(store)
                write_atomic(out / f"{name}.graphml", export(Graph(), "graphml", net))
                shown, note = view.filter(net, name, store)
                write_atomic(out / f"{name}.html", view_html(store, shown, name, note, view).encode("utf-8"))
                paths += [out / f"{name}.graphml", out / f"{name}.html"]
        except BaseException:
            stop.set()  # the Turtle stops at its next graph (its temp file goes), unless done
            raise
        written.result()
    write_atomic(out / STAMP, (outputs_stamp(store, view) + "\n").encode())
    return paths


class _Stopped(Exception):
    pass


class _Stoppable:
    """A binary stream whose writes fail once `stop` is set."""

    def __init__(self, f, stop: threading.Event):
        self.f, self.stop = f, stop

    def write(self, data: bytes) -> int:
        if self.stop.is_set():
            raise _Stopped
        return self.f.write(data)


VIEWS_FORMAT = "evidence-1"  # what the views hold: outputs written before it are written again
OUTPUT_NAMES = ("graph.ttl", *(f"{n}.{x}" for n in NETWORKS for x in ("graphml", "html")))
STAMP = ".kg-outputs"  # what the output files were written from


def outputs_stamp(store, view: "ViewFilter | None" = None) -> str:
    """The inputs (path and content hash of each recorded file) and the view options the
    outputs are written from: the same stamp, the same files."""
    view = view or ViewFilter()
    h = hashlib.sha256(f"{repr(view)} {VIEWS_FORMAT}".encode())
    for path, (digest, graphs) in sorted(store.inputs().items()):
        h.update(f"{path}\t{digest}\t{len(graphs)}\n".encode())
    return h.hexdigest()


def outputs_current(out: Path, stamp: str) -> bool:
    """Whether the output files in `out` exist and were written from `stamp`."""
    try:
        return ((out / STAMP).read_text(encoding="utf-8").strip() == stamp
                and all((out / n).is_file() for n in OUTPUT_NAMES))
    except OSError:
        return False


@contextmanager
def atomic_stream(path: Path):
    """A binary file to write into that appears at `path` whole, or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written output is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write all of a file or none of it: a temp file beside it, then a rename."""
    with atomic_stream(path) as f:
        f.write(data)
