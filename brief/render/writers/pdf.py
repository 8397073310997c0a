"""PDF writer: the document tree -> PDF bytes, through reportlab's platypus."""

from __future__ import annotations

import copy
import io
import os
import re
import unicodedata
from html import escape as _html_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Image,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from brief import __version__
from brief.assets import FONTS
from brief.render import logo
from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table
from brief.render.template import Style
from brief.render.writers import (
    RTL_RUN,
    column_shares,
    pdf_rtl,
    pdf_tags,
    shorten,
)

PAPERS = {"a4": A4, "letter": LETTER}
FAMILY = "BriefSans"
FALLBACK = "BriefFallback"
RTL_FAMILY = "BriefArabic"  # Noto Naskh Arabic, shipped: Arabic and Urdu letters
RTL_FALLBACK = "BriefFallbackRTL"  # the fallback font again, for Hebrew and the like: a
# separate name marks its runs as right-to-left when lines are put in visual order
# Fonts with TrueType outlines (reportlab embeds no other kind) found on common systems, tried
# in turn for characters the template's fonts lack: CJK first, then wide general coverage.
SYSTEM_FALLBACKS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "C:/Windows/Fonts/arialuni.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
)
RTL_FONTS = frozenset({RTL_FAMILY, RTL_FAMILY + "-Bold", RTL_FALLBACK})
META_CHARS = 255  # title and subject in the document information, as in the DOCX
BOOKMARK_CHARS = 120  # an outline entry: viewers show one line of it


def render(brief, document: Document, style: Style) -> bytes:
    """Return `document` as PDF bytes: embedded subset fonts, metadata, bookmarks, page numbers.

    With SOURCE_DATE_EPOCH set the output is byte-identical from run to run.
    """
    return _build_fitted(document, style)[0]


def render_within(brief, document: Document, style: Style, relayout
                  ) -> tuple[bytes, object | None, list[str]]:
    """Return the PDF within the style's page budget, the brief reduced to fit (None if it
    fitted as it was) and what was left out ("implication [s20]").

    Only extracted items are left out, the lowest-ranked first (see `budget`); never a cut
    sentence, never the analyst's own words. `relayout(brief)` lays a brief out again. The
    first build measures the overflow; a guess from it and a bisection find the fewest items
    to leave out in a few builds more.
    """
    from brief.render import budget

    data, pages, fill = _build_fitted(document, style)
    if pages <= style.pages:
        return data, None, []
    steps = budget.removals(brief)
    if not steps:
        return data, None, []
    overflow = (pages - style.pages - 1 + fill) / (pages - 1 + fill)
    chars = sum(len(span.text) for block in document.blocks for span in _spans_of(block))
    built: dict[int, tuple[bytes, int, float]] = {}

    def fits(k: int) -> bool:
        if k not in built:
            built[k] = _build_fitted(relayout(steps[k - 1][0]), style)
        return built[k][1] <= style.pages

    k = budget.fewest(fits, len(steps), budget.guess(steps, overflow, chars))
    fits(k)
    return built[k][0], steps[k - 1][0], [label for _, label, _ in steps[:k]]


# A last page filled less than this (a share of a page, for each page before it) may be
# saved by setting the whole a little tighter (leading and spacing, never the type size):
# that gains some 10 % of a full page, so a fuller last page is not tried, not built twice.
SPARE_PAGE = 0.15


def _build_fitted(document: Document, style: Style) -> tuple[bytes, int, float]:
    """Return the PDF, its pages and how full its last page is: set tighter if that saves
    a last page that is mostly empty (a table or two spilled over)."""
    data, pages, fill = _build(document, style)
    if pages > 1 and fill < SPARE_PAGE * (pages - 1):
        tight = _build(document, style, tight=True)
        if tight[1] < pages:
            return tight
    return data, pages, fill


def _build(document: Document, style: Style, tight: bool = False
           ) -> tuple[bytes, int, float]:
    """Return the PDF of `document`, its pages and how full its last page is (0–1)."""
    _register_fonts(style)
    buffer = io.BytesIO()
    meta = document.meta
    doc = _BriefDoc(buffer, pagesize=PAPERS[meta.paper or style.paper],
                    title=shorten(meta.title, META_CHARS), author=shorten(meta.author, META_CHARS),
                    subject=shorten(meta.subject, META_CHARS),
                    keywords=[shorten(k, META_CHARS) for k in meta.keywords],
                    creator=f"brief {__version__}",
                    lang=meta.language, initialFontName=FAMILY,
                    invariant=1 if os.environ.get("SOURCE_DATE_EPOCH") else 0,
                    leftMargin=style.margin_mm * mm, rightMargin=style.margin_mm * mm,
                    topMargin=style.margin_mm * mm, bottomMargin=style.margin_mm * mm)
    tags = pdf_tags.Tags(meta.language, style.logo_alt)
    # No padding: text, tables, header and footer share one left and one right edge.
    frame = pdf_tags.Frame(tags, doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
                           id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(_flowables(document, style, doc.width, tags, tight),
              canvasmaker=_canvas_maker(meta, style))
    fill = (frame._y2 - frame._y) / frame._height if frame._height else 1.0
    return tags.finish(buffer.getvalue()), doc.page, min(1.0, max(0.0, fill))


def warm(style: Style) -> None:
    """Read the style's fonts ahead of the first brief: parsing them takes longer than
    rendering a brief does."""
    _register_fonts(style)
    pdf_tags.warm()


def check(document: Document, style: Style) -> list[str]:
    """Return a warning naming the characters no font has: they would print as boxes."""
    _register_fonts(style)
    texts = [span.text for block in document.blocks for span in _spans_of(block)]
    texts += [document.meta.title, document.meta.marking or ""]
    chars = dict.fromkeys(c for text in texts for c in text if not c.isspace())
    warnings = []
    runs = dict.fromkeys(m.group(0) for text in texts for m in RTL_RUN.finditer(text))
    shaped = {c for run in runs for c in pdf_rtl.visual(run)}
    missing = [c for c in chars if not pdf_rtl.RTL.match(c) and _font_for(c) is None]
    missing += [c for c in shaped if not c.isspace() and _rtl_font_for(c) is None]
    if missing:
        shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing[:8])
        more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
        warnings.append(f"the PDF fonts lack {shown}{more}: they print as empty boxes; set "
                        "`fonts` in the template's style.yaml to a font that has them")
    return warnings


def _font_for(char: str, primary: str = FAMILY) -> str | None:
    """Return the first registered font that has `char`: `primary`, else the system
    fallback (read only then: it is large); None if neither has it."""
    if ord(char) in pdfmetrics.getFont(primary).face.charToGlyph:
        return primary
    fallback = _fallback()
    if fallback and ord(char) in pdfmetrics.getFont(fallback).face.charToGlyph:
        return fallback
    return None


def _rtl_font_for(char: str) -> str | None:
    """Return the font for a character of right-to-left text: the shipped Arabic font, else
    the fallback (Hebrew, say), else None."""
    _register_rtl_fonts()
    return _font_for(char, RTL_FAMILY)


_fallback_name: list[str | None] = []


def _fallback() -> str | None:
    """Return the name of the system fallback font, registered on first use; None if none."""
    if not _fallback_name:
        path = next((p for p in SYSTEM_FALLBACKS if os.path.isfile(p)), None)
        if path:
            _register(FALLBACK, path)
        _fallback_name.append(FALLBACK if path else None)
    return _fallback_name[0]


def _rtl_fallback() -> str | None:
    """Return the fallback font under its right-to-left name, registered on first use."""
    if _fallback() is None:
        return None
    path = pdfmetrics.getFont(FALLBACK).face.filename
    if (RTL_FALLBACK not in pdfmetrics.getRegisteredFontNames()
            or pdfmetrics.getFont(RTL_FALLBACK).face.filename != path):
        _register(RTL_FALLBACK, path)
    return RTL_FALLBACK


def _spans_of(block):
    if isinstance(block, (Heading, Paragraph)):
        return block.spans
    if isinstance(block, ListBlock):
        return [span for item in block.items for span in item]
    return [span for row in block.rows for cell in row for span in cell]


# Fonts and styles -------------------------------------------------------------------------


_registered: dict[str, str] = {}


def _register_fonts(style: Style) -> None:
    """Register the style's four faces as one family, once per font file set."""
    faces = {"": style.font_regular, "-Bold": style.font_bold, "-Italic": style.font_italic,
             "-BoldItalic": style.font_bold_italic}
    key = "|".join(str(p) for p in faces.values())
    if _registered.get(FAMILY) == key:
        return
    for suffix, path in faces.items():
        _register(FAMILY + suffix, path)
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=FAMILY + "-Bold",
                                  italic=FAMILY + "-Italic", boldItalic=FAMILY + "-BoldItalic")
    _registered[FAMILY] = key


_faces: dict[str, TTFont] = {}  # font objects by file, then by face name


def _register(name: str, path) -> None:
    """Make `name` the font in the file at `path`, over an earlier font of that name.

    Names are aliases of one font object per face: a document may hold each face once
    (reportlab names a subset by its face), and a font object's own name once. So not
    `pdfmetrics.registerFont` alone: it keeps the first font of a name, and hands a second
    name for a face the first name's object — after a change of fonts (another style, the
    fallback being the house font's file) a document could then hold two fonts of one name
    ("redefining named object 'F3+0'")."""
    key = str(path)
    font = _faces.get(key)
    if font is None:
        font = TTFont(f"BriefFace{len(_faces)}", key)
        font = _faces.setdefault(font.face.name, font)  # the same face in another file
        _faces[key] = font
        pdfmetrics.registerFont(font)
    pdfmetrics._fonts[name] = font
    pdfmetrics.registerFontFamily(name)  # so paragraph markup may name it: <font name=…>


def _register_rtl_fonts() -> None:
    """Register the shipped Arabic font, on first need: most briefs never have any."""
    if RTL_FAMILY in _registered:
        return
    for suffix in ("", "-Bold"):
        _register(RTL_FAMILY + suffix, FONTS / f"NotoNaskhArabic{suffix or '-Regular'}.ttf")
    pdfmetrics.registerFontFamily(RTL_FAMILY, normal=RTL_FAMILY, bold=RTL_FAMILY + "-Bold",
                                  italic=RTL_FAMILY, boldItalic=RTL_FAMILY + "-Bold")
    _registered[RTL_FAMILY] = "shipped"


def _styles(style: Style, tight: bool = False) -> dict[str, ParagraphStyle]:
    accent, muted = colors.HexColor(style.accent), colors.HexColor(style.muted)
    size = style.body_size
    space = 0.55 if tight else 1.0  # spacing between blocks, set tighter to save a page
    body = ParagraphStyle("body", fontName=FAMILY, fontSize=size,
                          leading=size * (1.27 if tight else 1.38),
                          alignment=TA_LEFT, spaceAfter=size * 0.5 * space, bulletFontName=FAMILY,
                          allowWidows=0, allowOrphans=0)  # no lone line at a page's edge
    return {
        "body": body,
        "kicker": ParagraphStyle("kicker", body, fontName=FAMILY + "-Bold", fontSize=size * 0.8,
                                 textColor=accent, spaceAfter=4),
        "title": ParagraphStyle("title", body, fontName=FAMILY + "-Bold",
                                fontSize=style.title_size, leading=style.title_size * 1.2,
                                textColor=colors.HexColor("#14202B"), spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", body, fontSize=size * 1.25, leading=size * 1.6,
                                   textColor=accent, spaceAfter=4),
        "meta": ParagraphStyle("meta", body, fontSize=size * 0.88, textColor=muted, spaceAfter=1),
        "h2": ParagraphStyle("h2", body, fontName=FAMILY + "-Bold", fontSize=style.heading_size,
                             leading=style.heading_size * 1.3, textColor=accent,
                             spaceBefore=style.heading_size * 0.9 * space, spaceAfter=4),
        "h3": ParagraphStyle("h3", body, fontName=FAMILY + "-Bold", fontSize=size * 1.05,
                             spaceBefore=6, spaceAfter=2),
        "item": ParagraphStyle("item", body, leftIndent=12, bulletIndent=1,
                               spaceAfter=size * 0.45 * space,
                               bulletFontName=FAMILY, bulletColor=accent),
        "cell": ParagraphStyle("cell", body, fontSize=size * 0.9,
                               leading=size * (1.1 if tight else 1.2),
                               spaceAfter=0),
        "head": ParagraphStyle("head", body, fontName=FAMILY + "-Bold", fontSize=size * 0.85,
                               leading=size * 1.15, textColor=accent, spaceAfter=0),
        "note": ParagraphStyle("note", body, fontSize=size * 0.78, leading=size * 1.05,
                               textColor=muted, spaceBefore=10),
    }


# Blocks -> flowables ----------------------------------------------------------------------


def _flowables(document: Document, style: Style, width: float, tags: pdf_tags.Tags,
               tight: bool = False) -> list:
    styles = _styles(style, tight)
    out: list = [tags.figure(_logo(style)), Spacer(1, 3 * mm)] if style.logo else []
    heading = None
    for block in document.blocks:
        parts = tags.tag(block, _block(block, styles, style, width))
        if not parts:
            continue
        if isinstance(block, Heading) and block.level >= 2:
            if heading is not None:
                out.append(heading)
            heading = parts[0]
            continue
        if heading is not None:  # a heading never ends a page: keep it with what follows
            parts = [KeepTogether([heading, parts[0]]), *parts[1:]]
            heading = None
        out.extend(parts)
    if heading is not None:
        out.append(heading)
    return out


def _logo(style: Style):
    """Return the logo as the first page's first flowable, left or right, `logo_width_mm`
    wide: the text starts below it, as in the DOCX. An SVG stays vector."""
    w, h = logo.size(style.logo)
    shown = style.logo_width_mm * mm
    if logo.kind(style.logo) == "svg":
        shape = copy.deepcopy(logo.drawing(style.logo))  # the cached one stays unscaled
        shape.scale(shown / w, shown / w)
        shape.width, shape.height = shown, shown * h / w
        flowable = shape
    else:
        flowable = Image(str(style.logo), shown, shown * h / w)
    flowable.hAlign = style.logo_position.upper()
    return flowable


def _block(block, styles, style: Style, width: float) -> list:
    """Return the flowables of one block."""
    if isinstance(block, Heading):
        name = "title" if block.level == 1 else f"h{min(block.level, 3)}"
        para = _para(block.spans, style, styles[name])
        para._bookmark = (shorten(_plain(block.spans), BOOKMARK_CHARS), block.level - 1)
        return [para]
    if isinstance(block, Paragraph):
        return [_paragraph(block, styles, style, width)]
    if isinstance(block, ListBlock):
        return [_list_item(spans, i, block, styles, style) for i, spans in enumerate(block.items)]
    if isinstance(block, Table):
        return _table(block, styles, style, width)
    raise TypeError(f"no PDF rendering for {type(block).__name__}")


def _paragraph(block: Paragraph, styles, style: Style, width: float):
    classes = set(block.classes)
    name = next((c for c in ("kicker", "subtitle", "meta", "source") if c in classes), None)
    if name == "source":
        name = "meta"
    if "provenance" in classes:
        name = "note"
    para = _para(block.spans, style, styles[name or "body"])
    if "summary" in classes:  # the bottom line, set apart in a tinted panel
        panel = RLTable([[para]], colWidths=[width], splitInRow=1)
        panel.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), FAMILY),  # cells default to Helvetica, never embedded
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(style.panel)),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(style.accent)),
            ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return panel
    return para


def _list_item(spans, index: int, block: ListBlock, styles, style: Style):
    bullet = f"{index + 1}." if block.ordered else "•"
    classes = block.item_classes[index] if index < len(block.item_classes) else ()
    item_style = styles["item"]
    if "notes" in block.classes:  # the endnotes: small print
        item_style = ParagraphStyle("noteitem", styles["note"], leftIndent=12, bulletIndent=0,
                                    spaceBefore=0, spaceAfter=1,
                                    bulletFontSize=style.body_size * 0.78,
                                    bulletColor=colors.HexColor(style.muted))
    if "analyst" in classes:
        item_style = ParagraphStyle("analyst", item_style, backColor=colors.HexColor("#FFF6E0"),
                                    borderPadding=(2, 3, 2, 3))
    return _para(spans, style, item_style, bulletText=bullet)


def _table(block: Table, styles, style: Style, width: float):
    shares = column_shares(block.rows)
    data = [[_para(cell, style, styles["head" if r < block.header_rows else "cell"])
             for cell in row] for r, row in enumerate(block.rows)]
    # splitInRow: a row taller than a page goes on over the next, not a LayoutError
    table = RLTable(data, colWidths=[width * s for s in shares], repeatRows=block.header_rows,
                    hAlign="LEFT", splitInRow=1)
    rule = colors.HexColor(style.rule)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, block.header_rows - 1), 0.8, colors.HexColor(style.accent)),
        ("LINEBELOW", (0, block.header_rows), (-1, -1), 0.4, rule),
        # Split over a page, the part left behind is closed by a rule; the header repeats.
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.4, rule),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (0, -1), 0),  # the first column on the text's left edge
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [table, Spacer(1, 4)]


# Spans -> reportlab markup ----------------------------------------------------------------


def _para(spans: tuple[Span, ...], style: Style, paragraph_style, **kwargs):
    """Return a reportlab paragraph of `spans`; one that knows right-to-left runs if they
    hold any."""
    markup = _markup(spans, style)
    plain = _plain(spans)
    if not pdf_rtl.RTL.search(plain):
        return RLParagraph(markup, paragraph_style, **kwargs)
    return pdf_rtl.Paragraph(markup, paragraph_style, RTL_FONTS, plain, **kwargs)


def _markup(spans: tuple[Span, ...], style: Style) -> str:
    """Return reportlab paragraph markup for `spans`; their text is escaped, never markup."""
    return "".join(_span_markup(span, style) for span in spans)


def _span_markup(span: Span, style: Style) -> str:
    # reportlab breaks lines at spaces only, so "6-7 April" keeps its plain hyphen: a
    # reader searching the PDF for "6-7" finds it (the DOCX marks it non-breaking).
    text = "<br/>".join(_with_fallback(part) for part in span.text.split("\n"))
    if span.bold:
        text = f"<b>{text}</b>"
    if span.italic:
        text = f"<i>{text}</i>"
    if "label" in span.classes:
        text = f'<font color="{style.accent}"><b>{text}</b></font>'
    if "ref" in span.classes:
        text = f'<font size="{style.body_size * 0.72:.1f}" color="{style.muted}">{text}</font>'
    if "noteref" in span.classes:
        text = f'<super><font color="{style.muted}">{text}</font></super>'
    if "analyst" in span.classes:
        text = f'<font color="#8A5A00">{text}</font>'
    if span.href:
        text = f'<a href="{_html_escape(span.href)}" color="{style.accent}">{text}</a>'
    return text


# A character at the start of a word that is not a letter, digit or space: punctuation, or a
# combining mark with no letter to sit on.
_WORD_START = re.compile(r"(?:^|(?<=\s))[^\w\s]")
DOTTED_CIRCLE = "\u25cc"


def _on_a_base(text: str) -> str:
    """Return `text` with a dotted circle before each combining mark that has no letter to
    sit on (U+064B alone, U+0301 at a paragraph's start), as typesetters show them. Only in
    print: the JSON and the other formats keep the text as it is."""
    marks = [m.start() for m in _WORD_START.finditer(text)
             if unicodedata.category(m.group(0)) in ("Mn", "Me")]
    for position in reversed(marks):
        text = text[:position] + DOTTED_CIRCLE + text[position:]
    return text


def _with_fallback(text: str) -> str:
    """Return `text` escaped: right-to-left runs shaped and ordered for display in the Arabic
    font, runs the family lacks in the fallback font, combining marks with no base on a
    dotted circle."""
    text = _on_a_base(text)
    family = pdfmetrics.getFont(FAMILY).face.charToGlyph
    if all(ord(c) in family or c.isspace() for c in text):
        return escape(text)
    if pdf_rtl.RTL.search(text):
        out, position = [], 0
        for match in RTL_RUN.finditer(text):
            out.append(_with_fallback(text[position:match.start()]) + _rtl_markup(match[0]))
            position = match.end()
        return "".join(out) + _with_fallback(text[position:])
    runs: list[tuple[str | None, str]] = []
    for char in text:
        font = FAMILY if char.isspace() else (_font_for(char) or FAMILY)
        if runs and (runs[-1][0] == font or char.isspace()):
            runs[-1] = (runs[-1][0], runs[-1][1] + char)
        else:
            runs.append((font, char))
    return "".join(escape(run) if font == FAMILY else f'<font name="{font}">{escape(run)}</font>'
                   for font, run in runs)


def escape(text: str) -> str:
    """Return `text` safe inside reportlab's paragraph markup. (Not xml.sax.saxutils: it
    imports urllib.request, which costs each build's PDF worker some 30 ms.)"""
    return _html_escape(text, quote=False)


def _rtl_markup(run: str) -> str:
    """Return a right-to-left run as markup: shaped words in reading order (pdf_rtl puts
    each line in visual order), in the font that has its letters."""
    _register_rtl_fonts()
    words = pdf_rtl.words(run)
    if not words:  # only marks, which shaping drops: each in the first font that has it
        return "".join(f'<font name="{_rtl_font_for(c) or FAMILY}">{escape(c)}</font>'
                       for c in run)
    font = RTL_FAMILY if all(_rtl_font_for(c) == RTL_FAMILY for word in words for c in word
                             ) else (_rtl_fallback() or RTL_FAMILY)
    return f'<font name="{font}">{escape(" ".join(words))}</font>'


def _plain(spans: tuple[Span, ...]) -> str:
    return "".join(s.text for s in spans).replace("\n", " ")


# Pages ------------------------------------------------------------------------------------


class _BriefDoc(BaseDocTemplate):
    def afterFlowable(self, flowable) -> None:
        """Add an outline entry (bookmark) for each heading as it is placed."""
        bookmark = getattr(flowable, "_bookmark", None)
        if bookmark is None:
            return
        title, level = bookmark
        # A heading too long for one page is split, its parts unmarked: a level never skips
        # one (reportlab raises), so the next heading takes the missing one's place.
        level = min(level, getattr(self, "_outline_level", -1) + 1)
        self._outline_level = level
        # Numbered, not by id(): a heading drawn and freed could pass its id to a later one,
        # and the first entry would then lead to the second's page.
        self._headings = getattr(self, "_headings", 0) + 1
        key = f"h{self._headings}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)


def _canvas_maker(meta, style: Style):
    """Return a canvas class that holds pages back until the end, so each can say "Page X of
    Y" and carry the marking at top and bottom."""
    muted, margin = colors.HexColor(style.muted), style.margin_mm * mm

    class PagedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._marks: list[tuple[str, dict]] = []

        def bookmarkPage(self, key, **kwargs) -> None:
            # Held with the page: a destination set now would name the page being written
            # out, and every bookmark would lead to the first.
            self._marks.append((key, kwargs))

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            for number, page in enumerate(self._pages, 1):
                self.__dict__.update(page)
                for key, kwargs in page["_marks"]:
                    super().bookmarkPage(key, **kwargs)
                self._decorate(number, len(self._pages))
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            values = {"marking": meta.marking or "", "organisation": meta.organisation,
                      "title": meta.title, "date": meta.date, "page": str(number),
                      "pages": str(total)}
            rows = {"header": height - margin * 0.55, "footer": margin * 0.5}
            places = {"left": (self.drawString, margin),
                      "center": (self.drawCentredString, width / 2),
                      "right": (self.drawRightString, width - margin)}
            pdf_tags.artifact(self, "Pagination")
            self.saveState()
            for row, y in rows.items():
                slots = {place: (style.running(f"{row}_{place}", values) or "",
                                 "{marking}" in getattr(style, f"{row}_{place}"))
                         for place in places}
                for place, (text, marking) in _fitted(slots, width - 2 * margin).items():
                    if not text:
                        continue
                    draw, x = places[place]
                    self.setFont(*_running_font(marking))
                    self.setFillColor(colors.HexColor("#B00020") if marking else muted)
                    draw(x, y, text)
            self.restoreState()
            pdf_tags.end(self)

    return PagedCanvas


def _running_font(marking: bool) -> tuple[str, float]:
    """Return the font and size of a running line: the marking bold and larger."""
    return (FAMILY + "-Bold", 8.5) if marking else (FAMILY, 7.5)


def _fitted(slots: dict[str, tuple[str, bool]], width: float, gap: float = 12
            ) -> dict[str, tuple[str, bool]]:
    """Return a running line's left, centre and right texts shortened to share `width`
    without overlapping: the centre (where the marking goes) first, then the right (page
    numbers), then the left."""
    def fit(place: str, room: float) -> str:
        text, marking = slots[place]
        return _fit(text, *_running_font(marking), room)

    def measure(text: str, place: str) -> float:
        return pdfmetrics.stringWidth(text, *_running_font(slots[place][1]))

    center = fit("center", width)
    if center:
        side = (width - measure(center, "center")) / 2 - gap
        right, left = fit("right", side), fit("left", side)
    else:
        right = fit("right", width / 2 - gap if slots["left"][0] else width)
        left = fit("left", width - measure(right, "right") - gap if right else width)
    return {"left": (left, slots["left"][1]), "center": (center, slots["center"][1]),
            "right": (right, slots["right"][1])}


def _fit(text: str, font: str, size: float, room: float) -> str:
    """Return `text` shortened (at a word boundary, with "…") to at most `room` points wide;
    '' if not even "…" fits."""
    if pdfmetrics.stringWidth(text, font, size) <= room:
        return text
    low, high = 0, len(text)  # the longest shortening that fits, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(shorten(text, middle), font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return shorten(text, low) if low else ""
