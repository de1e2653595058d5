"""read -> normalize -> segment -> extract -> graph, with errors collected per input."""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .analysis import NETWORKS, report_tables
from .export import export
from .extract.article import extract
from .extract.dates import page_date
from .graph import to_graph
from .models import Facts
from .read import ReadError, find_inputs, read_source
from .render import network_html, report_html
from .segment import split_articles

__all__ = ["BuildResult", "extract_file_text", "build", "write_outputs", "report_page", "write_atomic"]


@dataclass
class BuildResult:
    facts: list[Facts] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0

    def graph(self) -> Graph:
        """The RDF graph of all facts (built anew on each call)."""
        return to_graph(self.facts)


def _year_from_name(path: str) -> int | None:
    """A year in the file name (chuanhui-2022-07.txt, rmrb-20190220.txt), as a last resort."""
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?:[-_.]?(?:0[1-9]|1[0-2]))", Path(path).name)
    return int(m.group(1)) if m else None


def extract_file_text(text: str, source: str, year: int | None = None) -> list[Facts]:
    """All facts of one page of text. The year of dates that leave it out: the page's own
    date (a header such as 2023年6月14日 星期三, or 2023-06-14 on a web page), else `year`,
    else a year in the file's name."""
    printed = page_date(text[:1500])
    page_year = (printed[0] if printed else None) or year or _year_from_name(source)
    return [extract(a, page_year, printed) for a in split_articles(text, source)]


def _read_and_extract(item: Path, year: int | None) -> tuple[list[Facts] | None, str | None]:
    """(facts, error): facts is None when the file could not be read at all."""
    try:
        src = read_source(item)
    except ReadError as e:
        return None, str(e)
    facts = extract_file_text(src.text, src.path, year)
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


def report_page(g: Graph, source: str) -> str:
    """The one-page report of a graph: tables and both network views."""
    nets = {name: build_net(g) for name, build_net in NETWORKS.items()}
    people, events, projects = report_tables(g, nets["co-attendance"], nets["responsibility"])
    return report_html(people, events, projects,
                       {name: network_html(net, name) for name, net in nets.items()}, source)


def write_outputs(g: Graph, out: Path) -> list[Path]:
    """graph.ttl, the two networks as GraphML and as interactive HTML views. Every file is
    rendered before any is written, and each is written whole or not at all."""
    files: dict[str, bytes] = {"graph.ttl": export(g, "ttl")}
    for name, build_net in NETWORKS.items():
        net = build_net(g)
        files[f"{name}.graphml"] = export(g, "graphml", net)
        files[f"{name}.html"] = network_html(net, name).encode("utf-8")
    paths = []
    for name, data in files.items():
        write_atomic(out / name, data)
        paths.append(out / name)
    return paths


def write_atomic(path: Path, data: bytes) -> None:
    """Write all of a file or none of it: a temp file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written output is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
