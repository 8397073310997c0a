"""Stage 6, layout: `Brief` -> HTML (the template) -> `Document` (the tree writers render)."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as date_type
from html.parser import HTMLParser
from pathlib import Path

from brief.errors import BriefError
from brief.model import Brief, Item
from brief.render.doctree import Block, Document, Heading, ListBlock, Meta, Paragraph, Span, Table
from brief.render.template import TEMPLATE_FILE
from brief.settings import Settings

BLOCKS = {"h1", "h2", "h3", "p", "li", "th", "td"}
CONTAINERS = {"header", "section", "footer", "div", "aside", "ul", "ol", "table", "thead",
              "tbody", "tr"}
INLINE = {"strong", "b", "em", "i", "a", "span", "br"}
# A table cell holds at most this many characters, and a list in one ("s1, s4, s9") at most
# CELL_ITEMS items: a row never outgrows a page, and "Mentioned in" stays readable.
CELL_CHARS = 300
CELL_ITEMS = 6


# Characters no document format can hold (XML 1.0 excludes them; they have no glyph): the
# separators among them become spaces, the rest go. The JSON keeps the text as it is.
_SEPARATORS = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufffe\uffff]")


def printable(text: str) -> str:
    """Return `text` without control characters, tab and line breaks aside."""
    return _UNPRINTABLE.sub("", _SEPARATORS.sub(" ", text))


def render_html(brief: Brief, settings: Settings, folder: Path, date: str) -> str:
    """Return the template in `folder` rendered for `brief` (autoescaped HTML): the reader's
    copy, or the review copy if `settings.copy` says so.

    Raises BriefError naming the template file and line for a template error.
    """
    import jinja2

    from brief.render import sandbox

    resolved = folder.resolve()

    def named(filename) -> Path:  # the file at fault, as the user named its folder
        try:
            return folder / Path(filename).relative_to(resolved)
        except (TypeError, ValueError):
            return folder / TEMPLATE_FILE

    try:
        template = _environment(resolved).get_template(TEMPLATE_FILE)
        published = printed_date(brief.source.published) if brief.source.published else None
        review = settings.copy == "review"
        notes = endnotes(brief) if settings.provenance == "endnotes" and not review else []
        return sandbox.render(template, brief=brief, settings=settings, date=date,
                              published=published, review=review,
                              notes=[text for _, text in notes],
                              numbers={key: number for number, (key, _) in
                                       enumerate(notes, 1)})
    except jinja2.TemplateSyntaxError as exc:
        raise BriefError(f"template error: {exc.message}", named(exc.filename),
                         exc.lineno) from None
    except sandbox.ERRORS as exc:
        path, line = sandbox.where(exc, resolved)
        raise BriefError(f"template error: {sandbox.describe(exc)}", named(path), line,
                         "see README, Templates") from None


@functools.cache
def _environment(folder: Path):
    """Return the environment of the template folder `folder` (an absolute path), one a
    process: it compiles the template once, not for each brief of a build and each relayout
    of the page budget, and compiles it again only if the file changes."""
    return environment(folder)


def environment(folder: Path):
    """Return the Jinja2 environment templates render in: the bounded sandbox, autoescape
    on, undefined names an error, the `emphasize` filter (the brief's emphasis terms in
    bold) and `refs`."""
    import jinja2  # here, not at import: `brief show` needs no Jinja

    from brief.render import sandbox

    env = sandbox.environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True,
                              bytecode_cache=_bytecode_cache())
    env.filters["emphasize"] = jinja2.pass_context(
        lambda context, text: emphasize(text, context["brief"].emphasis))
    env.filters["refs"] = jinja2.pass_context(
        lambda context, item: refs(item) if context.get("review") else "")
    env.filters["note"] = jinja2.pass_context(
        lambda context, item: str(context.get("numbers", {}).get(_note_key(item), "")))
    return env


def printed_date(value: str | None) -> str:
    """Return the date to print: `value` (ISO dates as "7 April 2021"), else today's.

    Today is SOURCE_DATE_EPOCH's day when that is set, so builds are reproducible.
    """
    if value:
        try:
            return _long_date(date_type.fromisoformat(value[:10]))
        except ValueError:
            return value
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = (datetime.fromtimestamp(int(epoch), tz=UTC).date() if epoch
             else date_type.today())
    return _long_date(today)


def _long_date(day: date_type) -> str:
    return f"{day.day} {day:%B %Y}"


def brief_date(brief: Brief) -> str:
    """Return the brief's own date as printed: the analyst's `date`, else today's. The
    article's date is the article's (the template cites it with the source), not the
    brief's."""
    return printed_date(brief.date)


def layout(brief: Brief, settings: Settings, folder: Path, date: str) -> Document:
    """Return the document tree of `brief` laid out by the template in `folder`."""
    html = render_html(brief, settings, folder, date)
    marking = brief.marking or settings.marking
    meta = Meta(
        title=printable(brief.title),
        # The brief's author as brief.yaml or the overrides name them; none is better
        # than a made-up one ("brief" is the program, named as the creator).
        author=printable(brief.author or settings.author or ""),
        subject=printable(brief.title),
        keywords=tuple(dict.fromkeys(printable(i.topic) for i in brief.outcomes if i.topic)),
        language=brief.source.language,
        marking=printable(marking) if marking else marking,
        date=printable(date),
        paper=settings.paper,
        organisation=printable(settings.organisation or ""),
    )
    return Document(meta, parse_html(html, folder / TEMPLATE_FILE))


@dataclass(frozen=True)
class Relayout:
    """Lays a (reduced) brief out again as it was first laid out: what the PDF writer needs
    to fit a page budget, in a worker process."""

    settings: Settings
    """The project's settings."""
    folder: Path
    """The template folder."""
    date: str
    """The date printed."""

    def __call__(self, brief: Brief) -> Document:
        """Return the document tree of `brief`."""
        return layout(brief, self.settings, self.folder, self.date)


def _bytecode_cache():
    """Return Jinja2's cache of compiled templates, in its own private folder under the
    system's temporary directory: compiling the template takes longer than rendering a
    brief, and a source checksum keeps an edited template from being served stale. None,
    and templates are compiled each run, where that folder cannot be had."""
    import jinja2

    class Cache(jinja2.FileSystemBytecodeCache):
        def get_cache_key(self, name, filename=None) -> str:
            # Not the key an unsandboxed Jinja2 (or an older brief) stored its code under:
            # the sandbox's checks are compiled into the code.
            return super().get_cache_key("brief-sandbox-1:" + name, filename)

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass  # a full or read-only disk costs speed, never the build

    try:
        return Cache()
    except (OSError, RuntimeError):  # RuntimeError: the folder is not safely ours
        return None


def emphasize(text: str, terms: tuple[str, ...]):
    """Return `text` escaped, with whole-word, case-insensitive matches of `terms` in <strong>."""
    from markupsafe import Markup, escape

    if not terms:
        return escape(text)
    pattern = re.compile(r"(?<!\w)(" + "|".join(
        re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?!\w)", re.I)
    pieces = pattern.split(text)
    return Markup("").join(escape(p) if i % 2 == 0 else Markup("<strong>%s</strong>") % p
                           for i, p in enumerate(pieces))


def endnotes(brief: Brief) -> list[tuple[tuple, str]]:
    """Return the reader's copy's endnotes, in reading order: for each extracted statement,
    its key and where in the article it is ("Article, paragraph 3")."""
    paragraphs = {s.id: s.paragraph + 1 for s in brief.sentences}
    notes = []
    for item in (*brief.summary, *brief.outcomes, *brief.implications, *brief.watch):
        found = sorted({paragraphs[i] for i in item.sentences if i in paragraphs})
        if not found:
            continue
        if len(found) == 1:
            where = f"paragraph {found[0]}"
        elif found == list(range(found[0], found[-1] + 1)):
            where = f"paragraphs {found[0]}\u2013{found[-1]}"
        else:
            where = "paragraphs " + ", ".join(map(str, found))
        notes.append((_note_key(item), f"Article, {where}."))
    return notes


def _note_key(item) -> tuple:
    """Return what tells one statement from another for its note: its words and sentences."""
    return (getattr(item, "text", None), tuple(getattr(item, "sentences", ())))


def refs(item: Item) -> str:
    """Return the provenance tag of `item`: `[s3, s4]`, or '' for the analyst's own."""
    return "[" + ", ".join(item.sentences) + "]" if item.sentences else ""



# Parsing the HTML subset ------------------------------------------------------------------


def parse_html(html: str, origin: Path | str = "template") -> tuple[Block, ...]:
    """Return the blocks of `html`, which must keep to the documented subset.

    Raises BriefError naming `origin` and the line of the rendered HTML for an unknown tag.
    """
    parser = _TreeBuilder(origin)
    parser.feed(html)
    parser.close()
    return tuple(parser.blocks)


class _TreeBuilder(HTMLParser):
    def __init__(self, origin) -> None:
        super().__init__(convert_charrefs=True)
        self.origin = origin
        self.blocks: list[Block] = []
        self.context: list[tuple[str, tuple[str, ...]]] = []  # open containers
        self.inline: list[tuple[str, dict]] = []
        self.spans: list[Span] | None = None
        self.block_tag: tuple[str, tuple[str, ...]] | None = None
        self.list_items: list = []
        self.rows: list[list] = []
        self.header_rows = 0

    # Tags ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs) -> None:
        attrs = dict(attrs)
        classes = tuple((attrs.get("class") or "").split())
        if tag in CONTAINERS:
            self.context.append((tag, classes))
            if tag in ("ul", "ol"):
                self.list_items = []
            elif tag == "table":
                self.rows, self.header_rows = [], 0
            elif tag == "tr":
                self.rows.append([])
        elif tag in BLOCKS:
            self.block_tag, self.spans = (tag, classes), []
        elif tag in INLINE:
            if tag == "br":
                self._text("\n")
            else:
                self.inline.append((tag, attrs))
        else:
            line = self.getpos()[0]
            raise BriefError(f"the template produced <{tag}>, which brief cannot lay out",
                             self.origin, None,
                             f"line {line} of the rendered HTML; allowed tags: "
                             + ", ".join(sorted(BLOCKS | CONTAINERS | INLINE)))

    def handle_endtag(self, tag: str) -> None:
        if tag in INLINE:
            for index in range(len(self.inline) - 1, -1, -1):
                if self.inline[index][0] == tag:
                    del self.inline[index]
                    break
        elif tag in BLOCKS and self.block_tag and self.block_tag[0] == tag:
            self._close_block()
        elif tag in CONTAINERS and self.context and self.context[-1][0] == tag:
            _, classes = self.context.pop()
            if tag in ("ul", "ol"):
                items = tuple(spans for spans, _ in self.list_items)
                self.blocks.append(ListBlock(items, tag == "ol", classes + self._sections(),
                                             tuple(c for _, c in self.list_items)))
            elif tag == "table":
                self.blocks.append(Table(tuple(tuple(r) for r in self.rows if r),
                                         self.header_rows, classes + self._sections()))

    def handle_data(self, data: str) -> None:
        if self.spans is not None:
            self._text(data)

    # Building -----------------------------------------------------------------------------

    def _text(self, text: str) -> None:
        text = printable(text)
        tags = [t for t, _ in self.inline]
        href = next((a.get("href") for t, a in reversed(self.inline) if t == "a"), None)
        classes = tuple(c for _, a in self.inline for c in (a.get("class") or "").split())
        span = Span(text, bold=bool({"strong", "b"} & set(tags)),
                    italic=bool({"em", "i"} & set(tags)), href=href, classes=classes)
        self.spans.append(span)

    def _close_block(self) -> None:
        tag, classes = self.block_tag
        spans = _normalise(self.spans)
        self.block_tag, self.spans = None, None
        if tag == "li":
            self.list_items.append((spans, classes))
        elif tag in ("th", "td"):
            if tag == "th" and len(self.rows) == self.header_rows + 1:
                self.header_rows = len(self.rows)
            self.rows[-1].append(bound_cell(spans))
        elif spans:
            sections = classes + self._sections()
            self.blocks.append(Heading(int(tag[1]), spans, sections) if tag[0] == "h"
                               else Paragraph(spans, sections))

    def _sections(self) -> tuple[str, ...]:
        return tuple(c for tag, classes in reversed(self.context)
                     if tag in ("header", "section", "footer", "div", "aside") for c in classes)


def _normalise(spans: list[Span]) -> tuple[Span, ...]:
    """Return `spans` with HTML whitespace collapsed, ends trimmed, and like neighbours merged."""
    out: list[Span] = []
    for span in spans:
        text = span.text if span.text == "\n" else re.sub(r"\s+", " ", span.text)
        if out and out[-1].text.endswith((" ", "\n")) and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if "noteref" in span.classes and out:  # a note's number follows its word directly
            out[-1] = dataclasses.replace(out[-1], text=out[-1].text.rstrip(" "))
        last = out[-1] if out else None
        if last and (last.bold, last.italic, last.href, last.classes) == (
                span.bold, span.italic, span.href, span.classes):
            out[-1] = Span(last.text + text, last.bold, last.italic, last.href, last.classes)
        else:
            out.append(Span(text, span.bold, span.italic, span.href, span.classes))
    if out:
        out[0] = Span(out[0].text.lstrip(" "), out[0].bold, out[0].italic, out[0].href,
                      out[0].classes)
        out[-1] = Span(out[-1].text.rstrip(" "), out[-1].bold, out[-1].italic, out[-1].href,
                       out[-1].classes)
    return tuple(s for s in out if s.text)


def bound_cell(spans: tuple[Span, ...], chars: int = CELL_CHARS, items: int = CELL_ITEMS
               ) -> tuple[Span, ...]:
    """Return a table cell's `spans` within bounds: a list of short items ("s1, s4, s9") cut
    to `items` items plus "… (+37 more)", other text over `chars` characters cut at a word
    boundary plus "…"."""
    plain = "".join(span.text for span in spans)
    parts = plain.split(", ")
    cut = len(", ".join(parts[:items]))
    if len(parts) > items and cut <= chars and all(len(part) <= 40 for part in parts):
        suffix = f" … (+{len(parts) - items} more)"
    elif len(plain) > chars:
        space = plain.rfind(" ", 0, chars)
        cut, suffix = (space if space > chars // 2 else chars), " …"
    else:
        return spans
    out: list[Span] = []
    for span in spans:
        if cut <= 0:
            break
        out.append(Span(span.text[:cut], span.bold, span.italic, span.href, span.classes))
        cut -= len(span.text)
    last = out[-1]
    out[-1] = Span(last.text.rstrip() + suffix, last.bold, last.italic, last.href, last.classes)
    return tuple(out)
