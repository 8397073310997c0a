"""DOCX writer: the document tree -> DOCX bytes, through python-docx, with real Word styles."""

from __future__ import annotations

import copy
import functools
import io
import os
import re
import zipfile
from datetime import UTC, datetime

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from brief.assets import TEMPLATES
from brief.render import logo
from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table
from brief.render.template import Style
from brief.render.writers import (
    RANGE_HYPHEN,
    RTL_RUN,
    column_shares,
    shorten,
    starts_right_to_left,
)

PAPERS = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
PROPERTY_CHARS = 255  # a core property holds no more (python-docx raises past it)
RUNNING_CHARS = {"title": 90, "marking": 120, "organisation": 90}  # in header and footer
BRIEF_STYLES = ("Brief Meta", "Brief Kicker", "Brief Note", "Brief Summary")
_RTL_PIECES = re.compile(f"({RTL_RUN.pattern})")  # split() keeps the runs themselves


def render(brief, document: Document, style: Style) -> bytes:
    """Return `document` as DOCX bytes that Word and LibreOffice open without repair.

    Zip entry times and document dates come from SOURCE_DATE_EPOCH when it is set, so two
    builds are byte-identical.
    """
    word = _base(document, style)
    _set_up_running_lines(word, document, style)
    if style.logo:
        _logo(word, style)
    _set_properties(word, document)
    for block in document.blocks:
        _BLOCKS[type(block)](word, block, style)
    _honest_package(word, document)
    return _package(word)


def _base(document: Document, style: Style) -> docx.document.Document:
    """Return a copy of the document a brief starts from: the reference (or python-docx's
    blank one) with brief's styles and the page set up. Made once a process for each style,
    language and paper — setting up styles scans hundreds of them — then copied."""
    language, paper = document.meta.language, document.meta.paper
    key: tuple = (style, language, paper)
    if style.reference_docx:
        stat = os.stat(style.reference_docx)
        key += (stat.st_mtime_ns, stat.st_size)
    if _bases.get("key") != key:
        if style.reference_docx:
            word = _from_reference(style.reference_docx)
            _add_missing_styles(word, style, language)
            if paper:  # brief.yaml's paper wins over the reference's
                _set_paper(word, paper)
        else:
            word = _blank()
            _set_up_styles(word, style, language)
            _set_up_page(word, document, style)
        if _ours(style):
            _keep_used_styles(word)  # brief's own: a user's reference keeps all its styles
        _bases.update(key=key, word=word, ids={s.name: s.style_id for s in word.styles})
    word = copy.deepcopy(_bases["word"])
    word.__dict__["_brief_style_ids"] = _bases["ids"]
    return word


_bases: dict = {}  # the document briefs last started from, and what it was made for

# The styles a brief's paragraphs, runs and tables use; with those they are based on, and
# the defaults Word needs, they are all the styles it keeps.
USED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
               "List Bullet", "List Number", "Header", "Footer", "Hyperlink",
               "Default Paragraph Font", "Normal Table", "No List", *BRIEF_STYLES)


def _keep_used_styles(word) -> None:
    """Drop the styles no brief uses from python-docx's template (some 160, and the latent
    style list): each brief's copy, its styles.xml and its zip are the smaller and quicker
    for it. Word offers its built-in styles whether or not a file defines them."""
    root = word.styles.element
    used = {name.lower() for name in USED_STYLES}  # Word writes built-ins as "heading 1"
    by_id = {el.get(qn("w:styleId")): el for el in root.findall(qn("w:style"))}
    wanted = {el.get(qn("w:styleId")) for el in by_id.values()
              if el.find(qn("w:name")) is not None
              and el.find(qn("w:name")).get(qn("w:val")).lower() in used}
    wanted |= {el.get(qn("w:styleId")) for el in by_id.values()
               if el.get(qn("w:default")) == "1"}
    # and those the numbering definitions name (a list level linked to "List Bullet 2")
    wanted |= {ref.get(qn("w:val"))
               for ref in word.part.numbering_part.element.iter(qn("w:pStyle"))}
    todo = list(wanted)
    while todo:  # and every style those are based on, linked to or followed by
        element = by_id.get(todo.pop())
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = element.find(qn(tag)) if element is not None else None
            if ref is not None and ref.get(qn("w:val")) not in wanted:
                wanted.add(ref.get(qn("w:val")))
                todo.append(ref.get(qn("w:val")))
    for style_id, element in by_id.items():
        if style_id not in wanted:
            root.remove(element)
    for latent in root.findall(qn("w:latentStyles")):
        root.remove(latent)


def warm(style: Style) -> None:
    """Read the style's reference document (or python-docx's blank one) ahead of the first
    brief, while the main process compiles."""
    if style.reference_docx:
        _from_reference(style.reference_docx)
    else:
        _blank()


# Set-up -----------------------------------------------------------------------------------


TEXT_COLOUR = "14202B"  # title and subsection headings, as in the PDF
ANALYST_TINT = "FFF6E0"  # the analyst's own items, as in the PDF


def _set_up_styles(word, style: Style, language: str) -> None:
    """Give the Word styles the house style the PDF has: the same sizes, weights, colours
    and spacing, from the same style.yaml. Calibri sets smaller than Noto Sans at a size, so
    body text is one point larger to look the same."""
    from docx.enum.text import WD_LINE_SPACING

    accent = RGBColor.from_string(style.accent[1:])
    size = style.body_size
    normal = word.styles["Normal"]
    normal.font.name = style.docx_font
    normal.font.size = Pt(size + 1)
    _set_fonts(normal.element, style.docx_font, language)
    normal.paragraph_format.space_after = Pt(size * 0.5)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    normal.paragraph_format.line_spacing = Pt(size * 1.38)
    levels = {"Title": (style.title_size + 1, RGBColor.from_string(TEXT_COLOUR), 0, 6),
              "Heading 1": (style.heading_size + 1, accent, style.heading_size * 0.9, 4),
              "Heading 2": (size * 1.05 + 1, RGBColor.from_string(TEXT_COLOUR), 6, 2)}
    for name, (points, colour, before, after) in levels.items():
        heading = word.styles[name]
        heading.font.name = style.docx_heading_font
        _set_fonts(heading.element, style.docx_heading_font, language)
        heading.font.size = Pt(points)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = colour
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(after)
        heading.paragraph_format.keep_with_next = True
        _no_border(heading.element)
    word.styles["Title"].font.all_caps = False
    _plain_spacing(word.styles["Title"].element)
    muted = RGBColor.from_string(style.muted[1:])
    # Brief's own paragraph styles: (name, size, colour, bold, space before, after), as the
    # PDF's kicker, meta line and small print.
    for name, points, colour, bold, before, after in (
            ("Brief Meta", size * 0.88, muted, None, None, 1),
            ("Brief Kicker", size * 0.8, accent, True, None, 4),
            ("Brief Note", size * 0.78, muted, None, 10, None)):
        added = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        added.base_style = normal
        added.font.size = Pt(points + 1)
        added.font.color.rgb = colour
        added.font.bold = bold
        if before is not None:
            added.paragraph_format.space_before = Pt(before)
        if after is not None:
            added.paragraph_format.space_after = Pt(after)
    summary = word.styles.add_style("Brief Summary", WD_STYLE_TYPE.PARAGRAPH)
    summary.base_style = normal
    summary.paragraph_format.space_after = Pt(6)
    # Word draws a paragraph's borders outside its text: indent the text so that the panel,
    # like the PDF's, spans the text column exactly.
    summary.paragraph_format.left_indent = Pt(10.5)
    summary.paragraph_format.right_indent = Pt(8.5)
    _shade(summary.element.get_or_add_pPr(), style.panel[1:], style.accent[1:])
    for name in ("List Bullet", "List Number"):
        item = word.styles[name].paragraph_format
        item.left_indent, item.first_line_indent = Pt(12), Pt(-11)
        item.space_after = Pt(size * 0.45)
        ppr = word.styles[name].element.pPr  # Word's list styles ignore that spacing
        for tight in ppr.findall(qn("w:contextualSpacing")):  # between their own items
            ppr.remove(tight)
    _colour_bullets(word, style.accent[1:])


def _no_border(style_element) -> None:
    """Drop the rule Word's default Title style draws under itself: the PDF has none."""
    ppr = style_element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _plain_spacing(style_element) -> None:
    """Drop the Title style's letter spacing and contextual spacing, which the PDF has not."""
    rpr = style_element.rPr
    if rpr is not None:
        for tag in ("w:spacing", "w:kern"):
            for child in rpr.findall(qn(tag)):
                rpr.remove(child)


def _colour_bullets(word, colour: str) -> None:
    """Colour the bullets of every bulleted level the accent, as the PDF's are."""
    numbering = word.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        fmt = level.find(qn("w:numFmt"))
        if fmt is None or fmt.get(qn("w:val")) != "bullet":
            continue
        rpr = level.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            level.append(rpr)
        for old in rpr.findall(qn("w:color")):
            rpr.remove(old)
        element = OxmlElement("w:color")
        element.set(qn("w:val"), colour)
        rpr.append(element)


def _set_fonts(style_element, font: str, language: str) -> None:
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def _shade(ppr, fill: str, border: str) -> None:
    """Give a paragraph style a tinted background and an accent rule on its left."""
    borders = OxmlElement("w:pBdr")
    # The accent rule on the left; rules in the panel's own colour elsewhere pad the text
    # as the PDF's panel does (a paragraph has no padding of its own).
    for side, size, space, colour in (("top", "4", "5", fill), ("left", "18", "8", border),
                                      ("bottom", "4", "3", fill), ("right", "4", "8", fill)):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", size), ("w:space", space),
                           ("w:color", colour)):
            edge.set(qn(key), value)
        borders.append(edge)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    # Schema order inside w:pPr: pBdr and shd come before spacing and indentation.
    anchor = ppr.find(qn("w:spacing"))
    if anchor is not None:
        anchor.addprevious(borders)
        anchor.addprevious(shading)
    else:
        ppr.append(borders)
        ppr.append(shading)


def _logo(word, style: Style) -> None:
    """Put the logo at the top of the first page, left or right, with its alternative text.
    An SVG goes in as Word 2016+ takes it: a bitmap of it, with the SVG itself attached in the
    blip's extension list, which older readers skip."""
    paragraph = word.add_paragraph()
    paragraph.alignment = 0 if style.logo_position == "left" else 2
    svg = logo.kind(style.logo) == "svg"
    picture = io.BytesIO(logo.bitmap(style.logo, style.logo_width_mm)) if svg else str(style.logo)
    shape = paragraph.add_run().add_picture(picture, width=Mm(style.logo_width_mm))
    shape._inline.docPr.set("descr", style.logo_alt)
    shape._inline.docPr.set("title", style.logo_alt)
    if svg:
        _attach_svg(word, shape, style.logo.read_bytes())


SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # the URI Word writes for svgBlip
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def _attach_svg(word, shape, svg: bytes) -> None:
    from docx.opc.part import Part

    package = word.part.package
    part = Part(package.next_partname("/word/media/image%d.svg"), "image/svg+xml", svg, package)
    rid = word.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    extensions = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", SVG_EXTENSION)
    svg_blip = etree.SubElement(extension, f"{{{SVG_NAMESPACE}}}svgBlip",
                                nsmap={"asvg": SVG_NAMESPACE})
    svg_blip.set(qn("r:embed"), rid)
    extensions.append(extension)
    blip.append(extensions)


def _from_reference(path) -> docx.document.Document:
    """Return the organisation's Word file emptied of content: its styles, page set-up,
    headers and footers stay, as with pandoc's --reference-doc. Parsed once a process (again
    if the file changes) and copied for each brief."""
    stat = os.stat(path)
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _references.get("key") != key:
        word = docx.Document(str(path))
        body = word.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        _drop_stock_styles_with_effects(word)
        _references.update(key=key, word=word, names=frozenset(s.name for s in word.styles))
    word = copy.deepcopy(_references["word"])
    word.__dict__["_brief_style_names"] = _references["names"]  # as read, before any is added
    return word


_references: dict = {}  # the reference document last parsed, and the file it came from


def _blank() -> docx.document.Document:
    """Return a copy of python-docx's own template, parsed once a process, without its
    stylesWithEffects part (Word 2010's copy of the styles: 438 KB no reader needs)."""
    if "blank" not in _references:
        word = docx.Document()
        _drop_stock_styles_with_effects(word)
        _references["blank"] = word
    return copy.deepcopy(_references["blank"])


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_stock_styles_with_effects(word) -> None:
    """Leave out the stylesWithEffects part if it is python-docx's stock one (a reference
    document made by brief carries it over); one the user's Word wrote stays."""
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS and not rel.is_external \
                and rel.target_part.blob == _stock_styles_with_effects():
            del word.part.rels[rid]


@functools.cache
def _stock_styles_with_effects() -> bytes | None:
    from docx.api import _default_docx_path

    with zipfile.ZipFile(_default_docx_path()) as stock:
        try:
            return stock.read("word/stylesWithEffects.xml")
        except KeyError:
            return None


def _add_missing_styles(word, style: Style, language: str) -> None:
    """Add, from brief's own defaults, the styles a brief uses that a reference document
    does not define (LibreOffice writes no Title, Heading 1 or List Bullet until used).
    A list style comes without its numbering, which lives in brief's own numbering part:
    its items are indented paragraphs."""
    names = word.__dict__.get("_brief_style_names") or {s.name for s in word.styles}
    wanted = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
              "List Number", *BRIEF_STYLES)
    missing = [name for name in wanted if name not in names]
    if not missing:
        return
    scratch = _blank()
    _set_up_styles(scratch, style, language)
    for name in missing:
        element = copy.deepcopy(scratch.styles[name].element)
        for numbering in element.iter(qn("w:numPr")):
            numbering.getparent().remove(numbering)
        word.styles.element.append(element)


def make_reference(style: Style, language: str = "en") -> bytes:
    """Return a reference.docx holding brief's Word styles and page set-up for `style`: the
    file an organisation opens in Word to make its own (see README, Templates)."""
    word = _blank()
    _set_up_styles(word, style, language)
    _set_up_page(word, None, style)
    return _package(word)


def _set_paper(word, paper: str) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = PAPERS[paper]


def _set_up_page(word, document: Document | None, style: Style) -> None:
    section = word.sections[0]
    paper = document.meta.paper if document is not None else None
    section.page_width, section.page_height = PAPERS[paper or style.paper]
    margin = Mm(style.margin_mm)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin


RUNNING_SIZE, MARKING_SIZE = 7.5, 8.5  # points, as the PDF's running lines
EM_SHARE = 0.5  # a character's average width in ems, to shorten a line that would wrap


def _set_up_running_lines(word, document: Document, style: Style) -> None:
    """Add the style's header and footer lines as the PDF draws them: small and grey, left,
    centre and right on tab stops, the marking bold; never wrapping — a long title is
    shortened to its room — after what a reference document's own header and footer
    hold."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    meta = document.meta
    values = {"marking": meta.marking or "", "organisation": meta.organisation,
              "title": meta.title, "date": meta.date, "page": "\0page", "pages": "\0pages"}
    values.update({key: shorten(values[key], limit) for key, limit in RUNNING_CHARS.items()})
    section = word.sections[0]
    width = _text_width(section)
    for row, part in (("header", section.header), ("footer", section.footer)):
        texts = {place: style.running(f"{row}_{place}", values)
                 for place in ("left", "center", "right")}
        if not any(texts.values()):
            continue
        texts = _fitted_running(texts, {p: "{marking}" in getattr(style, f"{row}_{p}")
                                        for p in texts}, width / 12700)
        if _ours(style):  # the PDF's baselines: 0.55 and 0.5 of the margin from the edge;
            if row == "header":  # a reference document keeps its own letterhead's places
                section.header_distance = int(Mm(style.margin_mm) * 0.55 - Pt(RUNNING_SIZE))
            else:
                section.footer_distance = int(Mm(style.margin_mm) * 0.5 - Pt(2))
        paragraph = _last_paragraph(part)
        paragraph._p.style = _style_id(word, "Normal")
        paragraph.paragraph_format.space_after = Pt(0)
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(int(width / 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(int(width), WD_TAB_ALIGNMENT.RIGHT)
        for index, place in enumerate(("left", "center", "right")):
            if index:
                paragraph.add_run("\t").font.size = Pt(RUNNING_SIZE)  # no taller line
            _running_text(paragraph, texts[place], "{marking}" in getattr(style, f"{row}_{place}"),
                          style.muted[1:])


def _text_width(section) -> int:
    """Return the width of the text column; a reference document may leave page size or
    margins unset (Word's defaults then apply: Letter, one inch)."""
    page = section.page_width or Mm(215.9)
    left = section.left_margin if section.left_margin is not None else Mm(25.4)
    right = section.right_margin if section.right_margin is not None else Mm(25.4)
    return int(page - left - right)


def _ours(style: Style) -> bool:
    """Return True if the DOCX starts from brief's own document, not an organisation's."""
    return style.reference_docx is None or style.reference_docx.is_relative_to(TEMPLATES)


def _fitted_running(texts: dict[str, str], marking: dict[str, bool], width: float
                    ) -> dict[str, str]:
    """Return the left, centre and right texts shortened so that none runs into another,
    as the PDF's are: the centre (the marking) first, then the right (page numbers), the
    left (the title) what room is left."""
    def chars(place: str, room: float) -> int:
        size = MARKING_SIZE if marking[place] else RUNNING_SIZE
        return max(int(room / (size * EM_SHARE)), 0)

    def wide(place: str, text: str) -> float:
        size = MARKING_SIZE if marking[place] else RUNNING_SIZE
        return len(text.replace("\0pages", "99").replace("\0page", "99")) * size * EM_SHARE

    def fit(place: str, text: str, room: float) -> str:
        if wide(place, text) <= room:
            return text
        return shorten(text, chars(place, room)) if chars(place, room) > 3 else ""

    gap = 12
    center = fit("center", texts["center"], width)
    if center:  # each side has half of what the centre leaves
        side = (width - wide("center", center)) / 2 - gap
        right, left = fit("right", texts["right"], side), fit("left", texts["left"], side)
    else:  # the right (page numbers) first, up to half; the left what is left
        right = fit("right", texts["right"], width / 2 - gap if texts["left"] else width)
        left = fit("left", texts["left"], width - wide("right", right) - gap if right else width)
    return {"left": left, "center": center, "right": right}


def _last_paragraph(part):
    """Return the header or footer's last paragraph if empty, else a new one after it."""
    last = part.paragraphs[-1] if part.paragraphs else None
    return last if last is not None and not last.text.strip() else part.add_paragraph()


def _running_text(paragraph, text: str, marking: bool, muted: str) -> None:
    """Add `text` to a header or footer, its page placeholders as live Word fields."""
    for piece in re.split("(\0pages|\0page)", text):  # longer first
        if piece in ("\0page", "\0pages"):
            _field(paragraph, "PAGE" if piece == "\0page" else "NUMPAGES", muted)
        elif piece:
            run = paragraph.add_run(piece)
            run.font.size = Pt(MARKING_SIZE if marking else RUNNING_SIZE)
            if marking:
                run.bold = True
                run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
            else:
                run.font.color.rgb = RGBColor.from_string(muted)


def _field(paragraph, instruction: str, muted: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = paragraph.add_run("1")
    run.font.size = Pt(RUNNING_SIZE)
    run.font.color.rgb = RGBColor.from_string(muted)
    field.append(run._r)
    paragraph._p.append(field)


def _set_properties(word, document: Document) -> None:
    meta = document.meta
    props = word.core_properties
    props.title = shorten(meta.title, PROPERTY_CHARS)
    props.author = props.last_modified_by = shorten(meta.author, PROPERTY_CHARS)
    props.subject = shorten(meta.subject, PROPERTY_CHARS)
    props.keywords = shorten(", ".join(meta.keywords), PROPERTY_CHARS)
    props.language = shorten(meta.language, PROPERTY_CHARS)
    props.comments = ""
    props.revision = 1
    moment = _moment()
    props.created = props.modified = moment.replace(tzinfo=None)
    props.last_printed = moment.replace(tzinfo=None)


def _honest_package(word, document: Document) -> None:
    """Drop the blank thumbnail python-docx's template carries (file previews would show an
    empty page) and replace its app.xml, which claims to be Microsoft Word with one page and
    no words, by one naming brief with the brief's true counts. Pages are left out: only
    the application that lays the document out knows them."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from brief import __version__

    package = word.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES) or (
                rel.reltype.endswith("/metadata/core-properties")
                and rel.reltype != RT.CORE_PROPERTIES):  # LibreOffice's older name for it:
            package.rels.pop(rid)  # python-docx wrote its own, and one docProps/core.xml
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells)
    words = len(text.split())
    major, minor = (__version__.split(".") + ["0", "0"])[:2]
    counts = {"Words": words, "Characters": len("".join(text.split())),
              "CharactersWithSpaces": len(text), "Paragraphs": len(word.paragraphs),
              "DocSecurity": 0}
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
    etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = "brief"
    for name, value in counts.items():
        etree.SubElement(root, f"{{{_EXTENDED}}}{name}").text = str(value)
    if document.meta.organisation:
        etree.SubElement(root, f"{{{_EXTENDED}}}Company").text = document.meta.organisation
    etree.SubElement(root, f"{{{_EXTENDED}}}AppVersion").text = f"{int(major):02d}.{int(minor):04d}"
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/docProps/app.xml"), _EXTENDED_TYPE, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"


# Blocks -----------------------------------------------------------------------------------


def _add_paragraph(word, style_name: str):
    """Return a new paragraph in `style_name`.

    python-docx resolves a style name by scanning every style, for every paragraph; setting
    the style id, looked up once per document, writes the same XML at no cost.
    """
    paragraph = word.add_paragraph()
    paragraph._p.style = _style_id(word, style_name)
    return paragraph


def _style_id(word, name: str) -> str:
    ids = word.__dict__.get("_brief_style_ids")
    if ids is None:
        ids = word.__dict__["_brief_style_ids"] = {s.name: s.style_id for s in word.styles}
    return ids[name]


def _heading(word, block: Heading, style: Style) -> None:
    paragraph = _add_paragraph(word, HEADING_STYLES.get(block.level, "Heading 3"))
    _add_spans(paragraph, block.spans, style)


def _paragraph(word, block: Paragraph, style: Style) -> None:
    classes = set(block.classes)
    name = "Normal"
    if "subtitle" in classes:
        name = "Subtitle"
    elif "kicker" in classes:
        name = "Brief Kicker"
    elif "provenance" in classes:
        name = "Brief Note"
    elif classes & {"meta", "source"}:
        name = "Brief Meta"
    elif "summary" in classes:
        name = "Brief Summary"
    paragraph = _add_paragraph(word, name)
    _add_spans(paragraph, block.spans, style)


def _list(word, block: ListBlock, style: Style) -> None:
    number = _restarted_numbering(word) if block.ordered else None
    for index, spans in enumerate(block.items):
        paragraph = _add_paragraph(word, "List Number" if block.ordered else "List Bullet")
        if number is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = number
        classes = block.item_classes[index] if index < len(block.item_classes) else ()
        if "analyst" in classes:  # the analyst's own words, tinted as in the PDF
            ppr = paragraph._p.get_or_add_pPr()
            ppr.insert_element_before(_shading(ANALYST_TINT), *_AFTER_SHD)
        _add_spans(paragraph, spans, style)
        if "notes" in block.classes:  # the endnotes: small print, their numbers too (Word
            size = style.body_size * 0.78 + 1  # sets a number as the paragraph mark)
            paragraph.paragraph_format.space_after = Pt(1)
            mark = OxmlElement("w:rPr")
            for tag, value in (("w:color", style.muted[1:]), ("w:sz", str(round(size * 2)))):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                mark.append(element)
            paragraph._p.get_or_add_pPr().insert_element_before(mark, "w:sectPr",
                                                                "w:pPrChange")
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.color.rgb = RGBColor.from_string(style.muted[1:])


def _shading(fill: str):
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    return shading


# What follows w:shd in w:pPr, in the schema's order.
_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
              "w:rPr", "w:sectPr", "w:pPrChange")


def _restarted_numbering(word) -> int | None:
    """Return a numbering id that counts from 1 again: Word would otherwise go on counting
    from the previous numbered list of the same style."""
    style = word.styles["List Number"].element
    num_pr = style.pPr.numPr if style.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = word.part.numbering_part.element
    abstract = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    number = numbering.add_num(abstract)
    number.add_lvlOverride(ilvl=0).add_startOverride(1)
    return number.numId


def _table(word, block: Table, style: Style) -> None:
    """Add a table drawn as the PDF draws it: header row in the accent, bold, over an accent
    rule; a thin rule under every row (so a row that ends a page closes the table there);
    no vertical lines; columns as wide as their content needs; the header repeated on each
    page and no row split across pages."""
    columns = max(len(row) for row in block.rows)
    table = word.add_table(rows=0, cols=columns)
    table.autofit = False
    width = _text_width(word.sections[-1])
    widths = [int(width * share) for share in column_shares(block.rows)]
    _table_properties(table, width)
    header_size, cell_size = Pt(style.body_size * 0.85 + 1), Pt(style.body_size * 0.9 + 1)
    for index, row in enumerate(block.rows):
        header = index < block.header_rows
        added = table.add_row()
        _row_properties(added, header)
        for column, (cell, spans) in enumerate(zip(added.cells, row)):
            cell.width = widths[column]
            _cell_rule(cell, style.accent[1:] if header else style.rule[1:], 6 if header else 3)
            if column == 0:
                _flush_left(cell)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            # The PDF's cell leading: 1.2 of the cell's size, not the body's
            paragraph.paragraph_format.line_spacing = Pt(style.body_size * 1.2)
            _add_spans(paragraph, spans, style, bold=header)
            for run in paragraph.runs:
                run.font.size = header_size if header else cell_size
                if header:
                    run.font.color.rgb = RGBColor.from_string(style.accent[1:])
    for column, grid in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
        grid.set(qn("w:w"), str(int(widths[column] / 635)))  # EMU to twentieths of a point
    spacer = word.add_paragraph()  # Word needs a paragraph between tables; 4 pt, as the PDF
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.line_spacing = Pt(4)
    spacer.add_run().font.size = Pt(4)


def _table_properties(table, width) -> None:
    """Fix the table's width to the text column, with the PDF's cell padding."""
    tblpr = table._tbl.tblPr
    for tag in ("w:tblStyle", "w:tblW", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    size = OxmlElement("w:tblW")
    size.set(qn("w:w"), str(int(width / 635)))
    size.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    margins = OxmlElement("w:tblCellMar")
    for side, points in (("top", 2.5), ("left", 3), ("bottom", 3), ("right", 6)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(points * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    for element in (size, layout, margins):  # schema order: tblW, …, tblLayout, tblCellMar
        tblpr.append(element)


def _row_properties(row, header: bool) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _flush_left(cell) -> None:
    """Set the cell's text on the text column's left edge, as the PDF's first column is."""
    margins = OxmlElement("w:tcMar")
    left = OxmlElement("w:left")
    left.set(qn("w:w"), "0")
    left.set(qn("w:type"), "dxa")
    margins.append(left)
    cell._tc.get_or_add_tcPr().append(margins)  # after tcW and tcBorders, as the schema wants


def _cell_rule(cell, colour: str, eighths: int) -> None:
    """Rule the cell's bottom edge: `eighths` of a point wide."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        if side == "bottom":
            for key, value in (("w:val", "single"), ("w:sz", str(eighths)), ("w:space", "0"),
                               ("w:color", colour)):
                edge.set(qn(key), value)
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)
    tcpr.append(borders)


_BLOCKS = {Heading: _heading, Paragraph: _paragraph, ListBlock: _list, Table: _table}


# Spans ------------------------------------------------------------------------------------


def _add_spans(paragraph, spans: tuple[Span, ...], style: Style, bold: bool = False) -> None:
    for span in spans:
        if span.href:
            _hyperlink(paragraph, span, style)
            continue
        for index, line in enumerate(span.text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            for piece in _RTL_PIECES.split(line):  # right-to-left runs marked as such
                if piece:
                    run = paragraph.add_run()
                    _set_text(run, piece)
                    _format(run, span, style, bold)
                    if RTL_RUN.fullmatch(piece):
                        run._r.get_or_add_rPr().insert_element_before(
                            OxmlElement("w:rtl"), "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                            "w:specVanish", "w:oMath")
    if starts_right_to_left("".join(span.text for span in spans)):
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _set_text(run, text: str) -> None:
    """Set the run's text, the hyphens of ranges ("6-7 April") as Word's non-breaking
    hyphen, so a line never ends inside a range."""
    for index, part in enumerate(RANGE_HYPHEN.split(text)):
        if index:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            run._r.add_t(part)


# What follows w:bidi in w:pPr: Word wants the schema's order.
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")


def _format(run, span: Span, style: Style, bold: bool = False) -> None:
    run.bold = True if (span.bold or bold or "label" in span.classes) else None
    run.italic = True if span.italic else None
    if "label" in span.classes:
        run.font.color.rgb = RGBColor.from_string(style.accent[1:])
    if "ref" in span.classes:
        run.font.size = Pt(style.body_size * 0.75)
        run.font.color.rgb = RGBColor.from_string(style.muted[1:])
    if "noteref" in span.classes:
        run.font.superscript = True
        run.font.color.rgb = RGBColor.from_string(style.muted[1:])
    if "analyst" in span.classes:
        run.font.color.rgb = RGBColor(0x8A, 0x5A, 0x00)


def _hyperlink(paragraph, span: Span, style: Style) -> None:
    """Append a live link: python-docx has no API for it, so build `w:hyperlink` directly."""
    rel = paragraph.part.relate_to(span.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = paragraph.add_run(span.text)
    _format(run, span, style)
    run.font.color.rgb = RGBColor.from_string(style.accent[1:])
    run.font.underline = True
    link.append(run._r)
    paragraph._p.append(link)


# Reproducibility --------------------------------------------------------------------------


def _moment() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _package(word) -> bytes:
    """Return `word` as DOCX bytes, zipped in one pass (python-docx's save, then a second
    pass to fix the entry times, cost twice the compression) with fixed entry times and
    modes, so equal content is equal bytes. The entries are those python-docx writes, in
    its order."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    package = word.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    stamp = max(_moment(), datetime(1980, 1, 1, tzinfo=UTC)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        def put(uri, blob: bytes) -> None:
            entry = zipfile.ZipInfo(uri.membername, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, blob)

        put(CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob)
        put(PACKAGE_URI.rels_uri, package.rels.xml)
        for part in parts:
            put(part.partname, part.blob)
            if len(part.rels):
                put(part.partname.rels_uri, part.rels.xml)
    return out.getvalue()


# python -m brief.render.writers.docx TEMPLATE_FOLDER: (re)make its reference
if __name__ == "__main__":
    import sys
    from pathlib import Path

    from brief.render.template import load_style

    folder = Path(sys.argv[1])
    (folder / "reference.docx").write_bytes(make_reference(load_style(folder)))
    print(f"wrote {folder / 'reference.docx'}")
