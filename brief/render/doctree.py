"""The document tree: what layout produces and every writer renders.

It mirrors the small HTML subset templates may use (see README, "Templates"), so PDF, DOCX
and HTML say the same thing in the same order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto")
"""The only URLs that become live links, in every format."""
_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what browsers trim from a URL's ends


def safe_href(url: str | None) -> str | None:
    """Return `url` if it may be a live link (http, https or mailto), tidied as a browser
    reads it (tabs and line breaks dropped, ends trimmed); None for anything else:
    `javascript:`, `data:`, `file:`, relative or malformed addresses, however disguised."""
    if not url:
        return None
    url = re.sub(r"[\t\n\r]", "", url).strip(_C0_AND_SPACE)
    if any(unicodedata.category(c) == "Cc" for c in url):
        return None
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    if not scheme or scheme.group(1).lower() not in LINK_SCHEMES:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    if parts.scheme in ("http", "https") and not parts.hostname:
        return None
    if parts.scheme == "mailto" and not parts.path.strip():
        return None
    return url


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting. Its `href` is only ever a safe link (see
    `safe_href`): what a template or an article asks to link to otherwise stays plain text."""

    text: str
    """The characters, never markup."""
    bold: bool = False
    """From `<strong>` or `<b>`."""
    italic: bool = False
    """From `<em>` or `<i>`."""
    href: str | None = None
    """Link target, from `<a href>`."""
    classes: tuple[str, ...] = ()
    """Classes of enclosing `<span>`/`<em>`/… elements, e.g. `label`, `ref`, `analyst`."""

    def __post_init__(self) -> None:
        # Here, where every span is made, so no writer can be handed an unsafe link.
        if self.href is not None:
            object.__setattr__(self, "href", safe_href(self.href))


Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    """`<h1>`…`<h3>`."""

    level: int
    """1 for the title, 2 for sections, 3 for subsections."""
    spans: Spans
    """Its text."""
    classes: tuple[str, ...] = ()
    """Its own classes, then those of its enclosing sections."""


@dataclass(frozen=True)
class Paragraph:
    """`<p>`."""

    spans: Spans
    """Its text."""
    classes: tuple[str, ...] = ()
    """Its own classes, then those of its enclosing sections (`kicker`, `summary`…)."""


@dataclass(frozen=True)
class ListBlock:
    """`<ul>` or `<ol>`, each `<li>` a run of spans."""

    items: tuple[Spans, ...]
    """The list items' text."""
    ordered: bool = False
    """True for `<ol>`."""
    classes: tuple[str, ...] = ()
    """Its own classes, then those of its enclosing sections."""
    item_classes: tuple[tuple[str, ...], ...] = ()
    """Classes of each `<li>` (e.g. `analyst`), parallel to `items`."""


@dataclass(frozen=True)
class Table:
    """`<table>`: rows of cells; rows of `<th>` are header rows."""

    rows: tuple[tuple[Spans, ...], ...]
    """Cells row by row."""
    header_rows: int = 0
    """How many leading rows are headers."""
    classes: tuple[str, ...] = ()
    """Its own classes, then those of its enclosing sections."""


Block = Heading | Paragraph | ListBlock | Table


@dataclass(frozen=True)
class Meta:
    """Document-level facts every writer needs (metadata, running header and footer)."""

    title: str
    """Document title (metadata and running header)."""
    author: str
    """Author for document properties."""
    subject: str
    """Subject line for document properties."""
    keywords: tuple[str, ...]
    """Keywords for document properties."""
    language: str
    """BCP 47 language tag."""
    marking: str | None
    """Classification marking for header and footer."""
    date: str
    """The date shown on the brief."""
    paper: str | None = None
    """`a4` or `letter` from brief.yaml; None lets the template's style decide."""
    organisation: str = ""
    """The organisation issuing the brief, for running headers and footers."""


@dataclass(frozen=True)
class Document:
    """A laid-out brief: metadata, blocks, and the style of its template."""

    meta: Meta
    """Document-level facts."""
    blocks: tuple[Block, ...]
    """Content in reading order."""
