"""Markdown writer: the document tree -> Markdown, for a chat message or a wiki page."""

from __future__ import annotations

import re

from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def render(brief, document: Document, style=None) -> bytes:
    """Return `document` as UTF-8 Markdown."""
    return to_markdown(document).encode("utf-8")


def to_markdown(document: Document) -> str:
    """Return `document` as Markdown; source text is escaped so it never becomes markup."""
    parts = [f"**{escape(document.meta.marking)}**"] if document.meta.marking else []
    parts += [_block(block) for block in document.blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


def escape(text: str) -> str:
    """Return `text` with every character Markdown could read as markup backslash-escaped."""
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\s*)([-=]|\d+\.)(?=\s)", r"\1\\\2", text, flags=re.M)


def _block(block) -> str:
    if isinstance(block, Heading):
        return "#" * min(block.level, 3) + " " + _spans(block.spans)
    if isinstance(block, Paragraph):
        return _spans(block.spans)
    if isinstance(block, ListBlock):
        return "\n".join((f"{i}. " if block.ordered else "- ") + _spans(spans)
                         for i, spans in enumerate(block.items, 1))
    if isinstance(block, Table):
        rows = [" | ".join(_spans(cell) for cell in row) for row in block.rows]
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
    core = text.strip()
    if core and (span.bold or "label" in span.classes):
        text = text.replace(core, f"**{core}**", 1)
    if core and span.italic:
        text = text.replace(core, f"*{core}*", 1)
    if span.href:
        text = f"[{text}]({span.href.replace(')', '%29').replace(' ', '%20')})"
    return text
