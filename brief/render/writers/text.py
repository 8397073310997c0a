"""Plain-text writer: the document tree -> text a person reads as it is, in an e-mail's
text/plain part or a terminal. No markup at all: headings underlined, bullets, tables as
aligned columns, lines wrapped at 76 columns."""

from __future__ import annotations

import textwrap

from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table
from brief.render.writers import SUPERSCRIPTS

WIDTH = 76
UNDERLINES = {1: "=", 2: "-"}


def render(brief, document: Document, style=None) -> bytes:
    """Return `document` as UTF-8 plain text."""
    return to_text(document).encode("utf-8")


def to_text(document: Document) -> str:
    """Return `document` as plain text, `WIDTH` columns at most but for words longer."""
    parts = [document.meta.marking] if document.meta.marking else []
    parts += [_block(block) for block in document.blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


def _block(block) -> str:
    if isinstance(block, Heading):
        text = _plain(block.spans)
        if block.level in UNDERLINES:
            lines = _wrap(text)
            return lines + "\n" + UNDERLINES[block.level] * min(
                max(len(line) for line in lines.split("\n")), WIDTH)
        return _wrap(text.upper())
    if isinstance(block, Paragraph):
        return _wrap(_plain(block.spans))
    if isinstance(block, ListBlock):
        items = []
        for number, spans in enumerate(block.items, 1):
            mark = f"{number}. " if block.ordered else "* "
            items.append(_wrap(_plain(spans), mark, " " * len(mark)))
        return "\n".join(items)
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"no plain-text rendering for {type(block).__name__}")


def _wrap(text: str, first: str = "", rest: str = "") -> str:
    lines = []
    for index, line in enumerate(text.split("\n")):
        lines += textwrap.wrap(line, WIDTH, initial_indent=first if index == 0 else rest,
                               subsequent_indent=rest, break_long_words=False,
                               break_on_hyphens=False) or [rest.rstrip()]
    return "\n".join(lines)


def _table(block: Table) -> str:
    """Return the table as aligned columns, its header ruled; columns wider than their share
    of the line wrap within it."""
    rows = [[_plain(cell) for cell in row] for row in block.rows]
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    gap = 2
    natural = [max(len(row[c]) for row in rows) for c in range(columns)]
    room = WIDTH - gap * (columns - 1)
    widths = list(natural)
    while sum(widths) > room:  # narrow the widest column until the table fits
        widest = max(range(columns), key=lambda c: widths[c])
        longest_word = max((len(w) for row in rows for w in row[widest].split()), default=1)
        if widths[widest] <= max(longest_word, 8):
            break
        widths[widest] -= 1
    out = []
    for index, row in enumerate(rows):
        cells = [textwrap.wrap(text, widths[c], break_long_words=False) or [""]
                 for c, text in enumerate(row)]
        for line in range(max(len(cell) for cell in cells)):
            out.append((" " * gap).join(
                (cell[line] if line < len(cell) else "").ljust(widths[c])
                for c, cell in enumerate(cells)).rstrip())
        if index == block.header_rows - 1:
            out.append((" " * gap).join("-" * w for w in widths))
    return "\n".join(out)


def _plain(spans: tuple[Span, ...]) -> str:
    """Return the spans' text; a link as its text and, unless that is the address itself,
    the address in angle brackets."""
    out = []
    for span in spans:
        text = span.text
        if "label" in span.classes:  # set apart by colour elsewhere; here by a dash
            text = text.rstrip() + " —"
        if "noteref" in span.classes:
            text = text.translate(SUPERSCRIPTS)
        if span.href and span.href.rstrip("/") != text.strip().rstrip("/"):
            text = f"{text} <{span.href}>"
        out.append(text)
    return " ".join("".join(out).split(" ")).strip()
