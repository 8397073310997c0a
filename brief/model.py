"""The data a brief is made of: plain frozen dataclasses, no I/O.

`Brief` is also the JSON contract (see README, "The JSON contract"): `to_dict` gives exactly
what `dist/NAME.json` and `brief show --json` print.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Origin = Literal["source", "analyst"]


MARKING_CHARS = 60
"""Longest classification marking: it must fit the running header and footer whole."""


@dataclass(frozen=True)
class SourceInfo:
    """Where an article came from, as far as it is known."""

    file: str
    """The source file's name, e.g. `lavrov-visit.txt`."""
    title: str | None = None
    """The article's own headline, from front matter."""
    source: str | None = None
    """The publication, e.g. `Dawn`."""
    url: str | None = None
    """Where the article was published."""
    author: str | None = None
    """The article's author."""
    published: str | None = None
    """The publication date as written in front matter (ISO 8601 preferred)."""
    language: str = "en"
    """The article's language as a BCP 47 tag."""
    retrieved: str | None = None
    """When `brief add` fetched or read it (ISO 8601)."""


@dataclass(frozen=True)
class Article:
    """An article as read: metadata and body text split into paragraphs."""

    meta: SourceInfo
    """What is known about the article."""
    paragraphs: tuple[str, ...]
    """Paragraph texts in reading order, whitespace inside each collapsed to single spaces."""

    @property
    def body(self) -> str:
        """Return the body text: paragraphs joined by blank lines (sentence offsets index it)."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article, the unit of provenance."""

    id: str
    """Stable id `s1…sN` in reading order."""
    text: str
    """The sentence, verbatim."""
    paragraph: int
    """0-based index of its paragraph."""
    start: int
    """Offset of its first character in `Article.body`."""
    end: int
    """Offset just past its last character in `Article.body`."""


@dataclass(frozen=True)
class Item:
    """One statement of the brief: source words (or the analyst's), with provenance."""

    text: str
    """Verbatim source text but for [bracketed] insertions and … elisions; or the analyst's."""
    sentences: tuple[str, ...] = ()
    """Ids of the source sentences it comes from; empty for the analyst's own items."""
    topic: str | None = None
    """Topic label such as `Energy`, or None."""
    origin: Origin = "source"
    """`source` for extracted text, `analyst` for the analyst's own words."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure: a quantity as written and what it measures."""

    value: str
    """The quantity, verbatim, e.g. `46 percent`."""
    measure: str
    """What it measures, verbatim from the same sentence, e.g. `increase in trade`."""
    sentences: tuple[str, ...]
    """Ids of the sentences it comes from."""
    amount: float | None = None
    """The quantity as a number: `46.0`, `1.6e9`; None if it cannot be read."""
    unit: str | None = None
    """`%`, `percentage points`, a currency code (`USD`, `GBP`…) or the unit as written."""


@dataclass(frozen=True)
class Actor:
    """A person with a title or role, or an organisation or country."""

    name: str
    """The fullest form of the name found, e.g. `Sergey Lavrov`."""
    role: str | None
    """Title or role as written, e.g. `Russian Foreign Minister`; None if none is given."""
    sentences: tuple[str, ...]
    """Ids of the sentences mentioning the actor."""
    kind: str = "person"
    """`person`, `organisation` or `country`."""


@dataclass(frozen=True)
class Event:
    """Something the source expects to happen, with when: an entry of "what to watch"."""

    text: str
    """The statement, held to the same rules as an `Item`'s text."""
    when: str
    """The date or time as written: "May 1", "next month", "soon"."""
    sentences: tuple[str, ...]
    """Ids of the sentences it comes from; empty for the analyst's own entries."""
    origin: Origin = "source"
    """`source` for extracted text, `analyst` for the analyst's own words."""
    on: str | None = None
    """The date `when` names as an ISO date ("2021-06-04"), where the text and the article's
    date settle it; None otherwise. "What to watch" is in this order, undated entries last."""


@dataclass(frozen=True)
class Brief:
    """A compiled brief: the contract between compile, override, layout and tools."""

    title: str
    """The headline stating the news."""
    source: SourceInfo
    """Metadata of the source article."""
    summary: tuple[Item, ...]
    """Two to four statements, bottom line first."""
    outcomes: tuple[Item, ...]
    """Concrete developments, each with a topic."""
    implications: tuple[Item, ...]
    """What the source says this means; the analyst's judgement too."""
    watch: tuple[Event, ...]
    """Future events the source names, with their dates."""
    figures: tuple[Figure, ...]
    """Key figures with what they measure."""
    actors: tuple[Actor, ...]
    """People with their roles, then organisations, then countries."""
    sentences: tuple[Sentence, ...]
    """Every sentence of the article, so each item's ids can be looked up."""
    date: str | None = None
    """The brief's own date, if the analyst set one (overrides or `defaults:`), else None;
    the article's date is `source.published`."""
    subtitle: str | None = None
    """A line under the title (from overrides)."""
    author: str | None = None
    """The brief's author (from overrides; else `author` in brief.yaml applies)."""
    audience: str | None = None
    """Who the brief is for (from overrides)."""
    marking: str | None = None
    """Classification marking printed in header and footer, e.g. `OFFICIAL`."""
    emphasis: tuple[str, ...] = field(default=())
    """Terms set in bold wherever they appear."""

    def to_dict(self) -> dict:
        """Return the brief as JSON-ready data (tuples become lists)."""
        return asdict(self)
