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

from brief.render import logo
from brief.render.doctree import Document, Heading, ListBlock, Paragraph, Span, Table
from brief.render.template import Style
from brief.render.writers import RTL_RUN, shorten, starts_right_to_left

PAPERS = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
PROPERTY_CHARS = 255  # a core property holds no more (python-docx raises past it)
RUNNING_CHARS = {"title": 90, "marking": 120, "organisation": 90}  # in header and footer
TABLE_STYLE = "Light List Accent 1"
_RTL_PIECES = re.compile(f"({RTL_RUN.pattern})")  # split() keeps the runs themselves


def render(brief, document: Document, style: Style) -> bytes:
    """Return `document` as DOCX bytes that Word and LibreOffice open without repair.

    Zip entry times and document dates come from SOURCE_DATE_EPOCH when it is set, so two
    builds are byte-identical.
    """
    if style.reference_docx:
        word = _from_reference(style.reference_docx)
        _add_missing_styles(word, style, document.meta.language)
        if document.meta.paper:  # brief.yaml's paper wins over the reference's
            _set_paper(word, document.meta.paper)
    else:
        word = _blank()
        _set_up_styles(word, style, document.meta.language)
        _set_up_page(word, document, style)
    _set_up_running_lines(word, document, style)
    if style.logo:
        _logo(word, style)
    _set_properties(word, document)
    for block in document.blocks:
        _BLOCKS[type(block)](word, block, style)
    return _package(word)


def warm(style: Style) -> None:
    """Read the style's reference document (or python-docx's blank one) ahead of the first
    brief, while the main process compiles."""
    if style.reference_docx:
        _from_reference(style.reference_docx)
    else:
        _blank()


# Set-up -----------------------------------------------------------------------------------


def _set_up_styles(word, style: Style, language: str) -> None:
    accent = RGBColor.from_string(style.accent[1:])
    normal = word.styles["Normal"]
    normal.font.name = style.docx_font
    normal.font.size = Pt(style.body_size + 1)
    _set_fonts(normal.element, style.docx_font, language)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Title", "Heading 1", "Heading 2"):
        heading = word.styles[name]
        heading.font.name = style.docx_heading_font
        _set_fonts(heading.element, style.docx_heading_font, language)
        heading.font.color.rgb = accent
    word.styles["Title"].font.size = Pt(style.title_size + 3)
    word.styles["Heading 1"].font.size = Pt(style.heading_size + 2)
    word.styles["Heading 1"].paragraph_format.space_before = Pt(12)
    meta = word.styles.add_style("Brief Meta", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = normal
    meta.font.size = Pt(style.body_size)
    meta.font.color.rgb = RGBColor.from_string(style.muted[1:])
    meta.paragraph_format.space_after = Pt(1)
    summary = word.styles.add_style("Brief Summary", WD_STYLE_TYPE.PARAGRAPH)
    summary.base_style = normal
    summary.paragraph_format.space_after = Pt(6)
    _shade(summary.element.get_or_add_pPr(), style.panel[1:], style.accent[1:])


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
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"),
                       ("w:color", border)):
        left.set(qn(key), value)
    borders.append(left)
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
    """Add, from brief's own defaults, the styles a reference document does not define."""
    names = word.__dict__.get("_brief_style_names") or {s.name for s in word.styles}
    if not {"Brief Meta", "Brief Summary"} <= names:
        scratch = _blank()
        _set_up_styles(scratch, style, language)
        for name in ("Brief Meta", "Brief Summary"):
            if name not in names:
                word.styles.element.append(scratch.styles[name].element)


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


def _set_up_running_lines(word, document: Document, style: Style) -> None:
    """Add the style's header and footer lines (marking, page X of Y…), centred, after what a
    reference document's own header and footer hold."""
    meta = document.meta
    values = {"marking": meta.marking or "", "organisation": meta.organisation,
              "title": meta.title, "date": meta.date, "page": "\0page", "pages": "\0pages"}
    values.update({key: shorten(values[key], limit) for key, limit in RUNNING_CHARS.items()})
    section = word.sections[0]
    for row, part in (("header", section.header), ("footer", section.footer)):
        slots = [(slot, style.running(slot, values))
                 for slot in (f"{row}_left", f"{row}_center", f"{row}_right")]
        slots = [(slot, text) for slot, text in slots if text]
        if not slots:
            continue
        paragraph = _last_paragraph(part)
        paragraph.alignment = 1  # centred: one line reads the same in every page width
        for index, (slot, text) in enumerate(slots):
            if index:
                paragraph.add_run("  ·  ")
            _running_text(paragraph, text, "{marking}" in getattr(style, slot))


def _last_paragraph(part):
    """Return the header or footer's last paragraph if empty, else a new one after it."""
    last = part.paragraphs[-1] if part.paragraphs else None
    return last if last is not None and not last.text.strip() else part.add_paragraph()


def _running_text(paragraph, text: str, marking: bool) -> None:
    """Add `text` to a header or footer, its page placeholders as live Word fields."""
    for piece in re.split("(\0pages|\0page)", text):  # longer first
        if piece == "\0page":
            _field(paragraph, "PAGE")
        elif piece == "\0pages":
            _field(paragraph, "NUMPAGES")
        elif piece:
            run = paragraph.add_run(piece)
            if marking:
                run.bold = True
                run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_properties(word, document: Document) -> None:
    meta = document.meta
    props = word.core_properties
    props.title = shorten(meta.title, PROPERTY_CHARS)
    props.author = props.last_modified_by = shorten(meta.author, PROPERTY_CHARS)
    props.subject = shorten(meta.subject, PROPERTY_CHARS)
    props.keywords = shorten(", ".join(meta.keywords), PROPERTY_CHARS)
    props.language = shorten(meta.language, PROPERTY_CHARS)
    props.comments = "Compiled by brief"
    props.revision = 1
    moment = _moment()
    props.created = props.modified = moment.replace(tzinfo=None)
    props.last_printed = moment.replace(tzinfo=None)


# Blocks -----------------------------------------------------------------------------------


def _add_paragraph(word, style_name: str):
    """Return a new paragraph in `style_name`.

    python-docx resolves a style name by scanning every style, for every paragraph; setting
    the style id, looked up once per document, writes the same XML at no cost.
    """
    ids = word.__dict__.get("_brief_style_ids")
    if ids is None:
        ids = word.__dict__["_brief_style_ids"] = {s.name: s.style_id for s in word.styles}
    paragraph = word.add_paragraph()
    paragraph._p.style = ids[style_name]
    return paragraph


def _heading(word, block: Heading, style: Style) -> None:
    paragraph = _add_paragraph(word, HEADING_STYLES.get(block.level, "Heading 3"))
    _add_spans(paragraph, block.spans, style)


def _paragraph(word, block: Paragraph, style: Style) -> None:
    classes = set(block.classes)
    name = "Normal"
    if "subtitle" in classes:
        name = "Subtitle"
    elif classes & {"kicker", "meta", "source", "provenance"}:
        name = "Brief Meta"
    elif "summary" in classes:
        name = "Brief Summary"
    paragraph = _add_paragraph(word, name)
    if "kicker" in classes:
        paragraph.paragraph_format.space_after = Pt(0)
    _add_spans(paragraph, block.spans, style, bold="kicker" in classes)


def _list(word, block: ListBlock, style: Style) -> None:
    number = _restarted_numbering(word) if block.ordered else None
    for spans in block.items:
        paragraph = _add_paragraph(word, "List Number" if block.ordered else "List Bullet")
        if number is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = number
        _add_spans(paragraph, spans, style)


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
    columns = max(len(row) for row in block.rows)
    table = word.add_table(rows=0, cols=columns)
    table.style = word.styles[TABLE_STYLE]
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for cell, spans in zip(cells, row):
            _add_spans(cell.paragraphs[0], spans, style, bold=index < block.header_rows)
        if index < block.header_rows:
            _repeat_header(table.rows[index])
    word.add_paragraph()


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


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
                    run = paragraph.add_run(piece)
                    _format(run, span, style, bold)
                    if RTL_RUN.fullmatch(piece):
                        run._r.get_or_add_rPr().insert_element_before(
                            OxmlElement("w:rtl"), "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                            "w:specVanish", "w:oMath")
    if starts_right_to_left("".join(span.text for span in spans)):
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


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
