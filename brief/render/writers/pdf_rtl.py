"""Right-to-left text in the PDF: the shaping and ordering reportlab leaves undone.

reportlab neither joins Arabic letters nor orders right-to-left text (its bidi support needs
a library it does not publish). arabic-reshaper joins the letters and python-bidi orders the
characters of each word, but the words stay in the order they are read, so that reportlab
breaks lines where the text reads. `Paragraph` then turns each line's right-to-left runs
round as it draws it: the Unicode bidi algorithm's line-by-line reordering (rule L2), which
is what keeps the first words of a long quotation on its first line.
"""

from __future__ import annotations

import re

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph

from brief.render.writers import RTL_LETTERS, starts_right_to_left

RTL = re.compile(f"[{RTL_LETTERS}]")


def words(run: str) -> list[str]:
    """Return the words of a right-to-left run in reading order, each shaped (its letters
    joined) and in visual order, as the PDF draws it left to right."""
    from arabic_reshaper import reshape
    from bidi import get_display

    return [get_display(word, base_dir="R") for word in reshape(run).split()]


def visual(run: str) -> str:
    """Return a right-to-left run as it shows on one line."""
    return " ".join(reversed(words(run)))


class Paragraph(RLParagraph):
    """A reportlab paragraph holding right-to-left runs, set in `fonts`: laid out in reading
    order, drawn with each line in visual order. One that starts right-to-left is mirrored:
    right-aligned, its indents swapped, its bullet on the right."""

    def __init__(self, text, style, fonts: frozenset[str] = frozenset(), plain: str = "",
                 **kwargs) -> None:
        self.rtl_fonts = fonts
        self.rtl_base = starts_right_to_left(plain)
        self.rtl_bullet = None
        if self.rtl_base:
            self.rtl_bullet = kwargs.pop("bulletText", None)  # drawn here, on the right
            style = ParagraphStyle(f"{style.name}-rtl", style, alignment=TA_RIGHT,
                                   leftIndent=style.rightIndent, rightIndent=style.leftIndent)
        super().__init__(text, style, **kwargs)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):  # reportlab makes them with the bare constructor
            part.rtl_fonts, part.rtl_base = self.rtl_fonts, self.rtl_base
            part.rtl_bullet = self.rtl_bullet if index == 0 else None
        return parts

    def drawPara(self, debug=0):
        logical = self.blPara
        self.blPara = _visual_lines(logical, self.rtl_fonts, self.rtl_base)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical  # a later split or redraw needs reading order
        if self.rtl_bullet and logical.lines:
            style, first = self.style, logical.lines[0]
            ascent = getattr(first, "ascent", None) or getattr(logical, "ascent", style.fontSize)
            self.canv.saveState()
            self.canv.setFont(style.bulletFontName, style.bulletFontSize)
            self.canv.setFillColor(getattr(style, "bulletColor", None) or style.textColor)
            from bidi import get_display

            self.canv.drawRightString(self.width - style.bulletIndent, self.height - ascent,
                                      get_display(self.rtl_bullet, base_dir="R"))  # ".1"
            self.canv.restoreState()


def _visual_lines(paragraph, fonts: frozenset[str], rtl_base: bool):
    """Return a copy of reportlab's broken lines with each in visual order."""
    lines = paragraph.clone()
    if paragraph.kind == 0:  # one font for the whole paragraph: all one direction
        if paragraph.fontName in fonts:
            lines.lines = [(space, list(reversed(line))) for space, line in paragraph.lines]
        return lines
    out = []
    for line in paragraph.lines:
        visual = line.clone()
        visual.words = _visual_frags(line.words, fonts, rtl_base)
        out.append(visual)
    lines.lines = out
    return lines


def _visual_frags(frags: list, fonts: frozenset[str], rtl_base: bool) -> list:
    """Return one line's fragments in visual order. Spaces become fragments of their own,
    keeping their font size, so the line keeps its width and its alignment; a space takes
    the direction of the text on both sides of it, else the paragraph's (rules N1, N2).
    Then each right-to-left stretch is turned round, word by word; in a right-to-left
    paragraph the order of the stretches too (rule L2)."""
    pieces: list[tuple[str | None, object]] = []  # ("R" | "L" | None for a space, fragment)
    for frag in frags:
        text = getattr(frag, "text", None)
        if text is None:
            pieces.append(("L", frag))
            continue
        core = text.strip(" ")
        lead, trail = text[:len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")):]
        if lead:
            pieces.append((None, frag.clone(text=lead)))
        if core:
            pieces.append(("R" if frag.fontName in fonts else "L", frag.clone(text=core)))
        if trail and core:
            pieces.append((None, frag.clone(text=trail)))
    base = "R" if rtl_base else "L"
    directions = [d for d, _ in pieces]
    for i, direction in enumerate(directions):
        if direction is None:
            before = next((d for d in reversed(directions[:i]) if d), base)
            after = next((d for d in directions[i + 1:] if d), base)
            directions[i] = before if before == after else base
    groups: list[tuple[str, list]] = []
    for direction, (_, frag) in zip(directions, pieces):
        if groups and groups[-1][0] == direction:
            groups[-1][1].append(frag)
        else:
            groups.append((direction, [frag]))
    if rtl_base:
        groups.reverse()
    ordered = []
    for direction, group in groups:
        if direction == "L":
            ordered.extend(group)
            continue
        for frag in reversed(group):
            ordered.append(frag.clone(text=" ".join(reversed(frag.text.split(" ")))))
    return ordered
