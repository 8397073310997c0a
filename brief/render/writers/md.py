"""Markdown writer: the document tree -> Markdown, for a chat message or a wiki page."""

from __future__ import annotations

import re

from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table
from brief.render.writers import SUPERSCRIPTS

# What Markdown would read as markup anywhere in a line: backslash, code, emphasis, inline
# HTML and autolinks, strikethrough, and the "](" that closes a link text. Brackets alone,
# parentheses, "!" or "#" mid-line are text, and stay as written.
_SPECIAL = re.compile(r"([\\`*_<>~]|\](?=[(\[:])|&(?=#?\w+;))")
# What Markdown reads as markup only at a line's start: headings, quotes, list items, rules.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])(?=\s|$)", re.M)


def render(brief, document: Document, style=None) -> bytes:
    """Return `document` as UTF-8 Markdown."""
    return to_markdown(document).encode("utf-8")


def to_markdown(document: Document) -> str:
    """Return `document` as Markdown; source text is escaped so it never becomes markup."""
    parts = [f"**{escape(document.meta.marking)}**"] if document.meta.marking else []
    parts += [_block(block) for block in document.blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


def escape(text: str) -> str:
    """Return `text` with the characters Markdown could read as markup backslash-escaped,
    and only those: "(LNG)" and "[s1]" stay as written."""
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _LINE_START.sub(_escape_start, text)


def _escape_start(match: re.Match) -> str:
    indent, mark = match.groups()
    if mark[0].isdigit():  # "1." is a list item; "1\." is text (a digit takes no escape)
        return indent + mark[:-1] + "\\" + mark[-1]
    return indent + "\\" + mark


def _block(block) -> str:
    if isinstance(block, Heading):
        return "#" * min(block.level, 3) + " " + _spans(block.spans)
    if isinstance(block, Paragraph):
        return _spans(block.spans)
    if isinstance(block, ListBlock):
        return "\n".join((f"{i}. " if block.ordered else "- ") + _spans(spans)
                         for i, spans in enumerate(block.items, 1))
    if isinstance(block, Table):
        rows = [" | ".join(_spans(cell).replace("|", "\\|") for cell in row)
                for row in block.rows]
        if not rows:
            return ""
        width = max(len(row) for row in block.rows)
        header = rows[0] if block.header_rows else " | ".join([" "] * width)
        body = rows[1:] if block.header_rows else rows
        return "\n".join([f"| {header} |", "|" + " --- |" * width]
                         + [f"| {row} |" for row in body])
    raise TypeError(f"no Markdown rendering for {type(block).__name__}")


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(_span(span) for span in spans).replace("\n", "  \n")


def _span(span: Span) -> str:
    text = escape(span.text)
    if "noteref" in span.classes:
        text = text.translate(SUPERSCRIPTS)
    core = text.strip()
    if core and (span.bold or "label" in span.classes):
        text = text.replace(core, f"**{core}**", 1)
    if core and span.italic:
        text = text.replace(core, f"*{core}*", 1)
    if span.href:
        text = f"[{text}]({span.href.replace(')', '%29').replace(' ', '%20')})"
    return text
