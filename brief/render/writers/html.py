"""HTML writer: the document tree -> one standalone HTML file, inline CSS only.

Made for pasting into an intranet page and for the body of `brief mail`: no scripts, no
remote resources, every style inline on its element, as mail clients (Outlook, Gmail, Apple
Mail) keep inline styles and drop the rest.
"""

from __future__ import annotations

from html import escape

from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table
from brief.render.template import Style
from brief.render.writers import starts_right_to_left

FONT = "font-family: Calibri, 'Segoe UI', Arial, sans-serif"


def render(brief, document: Document, style: Style) -> bytes:
    """Return `document` as a UTF-8 HTML page."""
    return to_html(document, style).encode("utf-8")


def to_html(document: Document, style: Style) -> str:
    """Return `document` as an HTML page with inline CSS."""
    meta = document.meta
    body = "\n".join(_block(block, style) for block in document.blocks)
    marking = (f'<p style="{FONT}; color: #B00020; font-weight: bold; text-align: center; '
               f'margin: 0 0 8px">{escape(meta.marking)}</p>\n') if meta.marking else ""
    return (f'<!DOCTYPE html>\n<html lang="{escape(meta.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{escape(meta.title)}</title>\n</head>\n'
            f'<body style="{FONT}; font-size: 15px; line-height: 1.45; color: #1a1a1a; '
            f'max-width: 720px; margin: 0 auto; padding: 16px">\n{marking}{body}\n{marking}'
            "</body>\n</html>\n")


def _block(block, style: Style) -> str:
    if isinstance(block, Heading):
        sizes = {1: "24px", 2: "18px", 3: "16px"}
        tag = f"h{min(block.level, 3)}"
        return (f'<{tag}{_dir(block.spans)} style="{FONT}; color: {style.accent}; font-size: '
                f'{sizes.get(block.level, "16px")}; margin: 18px 0 6px">'
                f"{_spans(block.spans, style)}</{tag}>")
    if isinstance(block, Paragraph):
        css = f"{FONT}; margin: 0 0 8px"
        if set(block.classes) & {"kicker", "meta", "source", "provenance"}:
            css += f"; color: {style.muted}; font-size: 13px"
        if "summary" in block.classes:
            css += (f"; background: {style.panel}; border-left: 3px solid {style.accent}; "
                    "padding: 8px 12px")
        return f'<p{_dir(block.spans)} style="{css}">{_spans(block.spans, style)}</p>'
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f'<li{_dir(spans)} style="margin: 0 0 6px">{_spans(spans, style)}</li>'
                        for spans in block.items)
        return f'<{tag} style="{FONT}; padding-left: 22px; margin: 0 0 8px">{items}</{tag}>'
    if isinstance(block, Table):
        rows = []
        for index, row in enumerate(block.rows):
            cell = "th" if index < block.header_rows else "td"
            css = (f"{FONT}; text-align: left; vertical-align: top; padding: 3px 10px 3px 0; "
                   f"border-bottom: 1px solid {style.rule}; font-size: 14px")
            if cell == "th":
                css += f"; color: {style.accent}"
            rows.append("<tr>" + "".join(f'<{cell} style="{css}">{_spans(c, style)}</{cell}>'
                                         for c in row) + "</tr>")
        return ('<table style="border-collapse: collapse; margin: 0 0 10px">'
                + "".join(rows) + "</table>")
    raise TypeError(f"no HTML rendering for {type(block).__name__}")


def _dir(spans: tuple[Span, ...]) -> str:
    """Return ` dir="rtl"` for a block that starts right-to-left: the mail client then sets
    it right-aligned and orders it (inline runs in an English sentence need nothing)."""
    return ' dir="rtl"' if starts_right_to_left("".join(s.text for s in spans)) else ""


def _spans(spans: tuple[Span, ...], style: Style) -> str:
    return "".join(_span(span, style) for span in spans)


def _span(span: Span, style: Style) -> str:
    text = escape(span.text).replace("\n", "<br>")
    if span.bold or "label" in span.classes:
        text = f"<strong>{text}</strong>"
    if span.italic:
        text = f"<em>{text}</em>"
    if "label" in span.classes:
        text = f'<span style="color: {style.accent}">{text}</span>'
    if "ref" in span.classes:
        text = f'<span style="color: {style.muted}; font-size: 11px">{text}</span>'
    if "noteref" in span.classes:
        text = f'<sup style="color: {style.muted}">{text}</sup>'
    if "analyst" in span.classes:
        text = f'<span style="color: #8A5A00">{text}</span>'
    if span.href:
        text = f'<a href="{escape(span.href)}" style="color: {style.accent}">{text}</a>'
    return text
