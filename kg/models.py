"""Plain records passed between the pipeline steps: text -> articles -> facts -> triples."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and its span in the original file."""

    article_id: str
    sentence: str
    start: int  # character offset in the decoded source file
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the sentence in the article body
    end: int
    paragraph: int


@dataclass(frozen=True)
class Article:
    """One news item of a page; `offsets[i]` is the source offset of `body[i]`."""

    id: str
    source: str
    index: int
    headline: str
    kicker: str
    body: str
    offsets: tuple[int, ...]
    paragraph_starts: tuple[int, ...]
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    dateline: str = ""  # e.g. "新华社北京2月19日电": gives the month of bare days (19日)
    subtitle: str = ""
    start: int = 0
    end: int = 0
    page: int | None = None  # the PDF page it stands on (1-based)
    prominence: int | None = None  # its rank on that page: 1 = the largest headline, highest
    headline_size: float | None = None  # points, as the PDF sets the headline
    url: str = ""  # the address of the web page it was read from

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the body back to offsets in the source file."""
        if not self.offsets:
            return (self.start, self.start)
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return (self.offsets[start], self.offsets[last] + 1)


@dataclass(frozen=True)
class Person:
    name: str
    titles: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Event:
    id: str
    kind: str  # "meeting" | "inspection"
    name: str
    date: str | None  # ISO date, "--MM-DD" when the year is unknown, None when no day is given
    chair: str | None
    attendees: tuple[str, ...]
    sites: tuple[str, ...]
    evidence: Evidence
    trigger: str = ""
    attendee_evidence: tuple[Evidence, ...] = ()  # one per attendee, in the same order
    co_chairs: tuple[str, ...] = ()  # further chairs or leaders (A，B带领…)

    @property
    def leaders(self) -> tuple[str, ...]:
        """The chair (or leader) and any co-chairs, in the order written."""
        return ((self.chair,) if self.chair else ()) + self.co_chairs


@dataclass(frozen=True)
class Directive:
    id: str
    speaker: str | None
    cue: str
    text: str
    event_id: str | None
    projects: tuple[str, ...]
    evidence: Evidence


@dataclass(frozen=True)
class Responsibility:
    """A person is responsible for a project: they led an inspection of it or issued a
    directive that names it (`basis`, the event or directive id); `evidence` is the sentence
    that names the project."""

    person: str
    project: str
    basis: str
    evidence: Evidence


@dataclass(frozen=True)
class Facts:
    """Everything extracted from one article."""

    article: Article
    persons: tuple[Person, ...]
    events: tuple[Event, ...]
    directives: tuple[Directive, ...]
    projects: tuple[str, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    warnings: tuple[str, ...] = field(default=())
