"""The `kg` command line: thin wrappers over the library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .pipeline import build, write_atomic

app = typer.Typer(
    help="govnews-kg: Chinese local-government news -> knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _err(msg: str) -> None:
    typer.echo(f"error: {msg}", err=True)


@app.callback()
def _main() -> None:
    """govnews-kg: Chinese local-government news -> knowledge graph."""


@app.command("build")
def build_cli(
    paths: Annotated[list[Path], typer.Argument(help="Text files, or folders searched for *.txt.")],
    year: Annotated[Optional[int], typer.Option(help="Year of dates that do not state one.")] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder to write into.")] = Path("outputs"),
) -> None:
    """Extract a knowledge graph from news pages and write OUT/graph.ttl.

    Example: kg build tests/data/chuanhui-2022-07.txt --year 2022 -o outputs
    """
    if year is not None and not 1949 <= year <= 2100:
        _err(f"--year {year}: not a plausible year")
        raise typer.Exit(2)
    show = sys.stderr.isatty() and len(paths) > 1
    result = build(paths, year, progress=(lambda p: typer.echo(f"reading {p}", err=True)) if show else None)
    for e in result.errors:
        _err(e)
    for w in sorted(set(result.warnings)):
        typer.echo(f"warning: {w}", err=True)
    if not result.facts:
        _err("no input could be read; nothing written")
        raise typer.Exit(1)
    g = result.graph
    target = out / "graph.ttl"
    write_atomic(target, g.serialize(format="turtle").encode("utf-8"))
    facts = result.facts
    persons = {p.name for f in facts for p in f.persons}
    n_events = sum(len(f.events) for f in facts)
    n_dirs = sum(len(f.directives) for f in facts)
    projects = {p for f in facts for p in f.projects}
    typer.echo(f"{result.files} file(s), {len(facts)} articles, {len(persons)} persons, "
               f"{n_events} events, {n_dirs} directives, {len(projects)} projects")
    typer.echo(f"wrote {target}")
    if result.errors:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()
