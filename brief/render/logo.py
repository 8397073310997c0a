"""The template's logo: PNG, JPEG or SVG, checked when the template loads and handed to each
writer in the form it needs.

An SVG stays vector in the PDF (svglib turns it into a reportlab drawing). Word shows an SVG
only beside a bitmap of it, and older Words and LibreOffice's import show the bitmap alone,
so the DOCX gets both: the bitmap is drawn from the same drawing (pypdfium2 rasterises it),
so the two documents cannot show different logos.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from brief.errors import BriefError

DPI = 300  # the DOCX bitmap's resolution at the logo's printed width: print quality
_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def kind(path: Path) -> str:
    """Return the logo's kind, "png", "jpeg" or "svg", from its content, not its name.

    Raises BriefError naming the file if it is none of them.
    """
    with path.open("rb") as stream:  # the signature only: a logo may be megabytes
        head = stream.read(16)
    for signature, name in _SIGNATURES.items():
        if head.startswith(signature):
            return name
    if _svg_root(path) is not None:
        return "svg"
    raise BriefError("the logo is not a PNG, JPEG or SVG image", path,
                     hint="save the logo as PNG or SVG")


def _svg_root(path: Path):
    """Return the root element of the SVG at `path`, or None if it is not an SVG. Entities
    and network access stay off: a logo is data, not a fetcher."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError):
        return None
    return root if etree.QName(root).localname == "svg" else None


@functools.cache
def drawing(path: Path):
    """Return the SVG at `path` as a reportlab Drawing, in points.

    Raises BriefError naming the file if svglib cannot draw it.
    """
    import logging

    from svglib.svglib import svg2rlg

    logging.getLogger("svglib").setLevel(logging.CRITICAL)  # failures are raised, once
    try:
        result = svg2rlg(str(path))
    except Exception as error:  # svglib raises whatever its parsers raise
        result, reason = None, str(error)
    else:
        reason = "it has no size or nothing to draw"
    if result is None or not result.width or not result.height:
        raise BriefError(f"cannot draw this SVG logo: {reason}", path,
                         hint="export the logo again as plain SVG (or PNG)")
    result.initialFontName = _shipped_font("Helvetica")  # else renderPDF sets Helvetica
    _embed_fonts(result)
    return result


def _embed_fonts(shape) -> None:
    """Set the logo's text in the shipped Noto Sans where svglib chose one of the PDF's
    standard fonts (Helvetica for any family it cannot find): those are never embedded, and
    a PDF that relies on the reader's fonts fails inspection."""
    from reportlab.graphics.shapes import Group, String

    for item in getattr(shape, "contents", ()):
        if isinstance(item, Group):
            _embed_fonts(item)
        elif isinstance(item, String) and item.fontName in _STANDARD_FONTS:
            item.fontName = _shipped_font(item.fontName)


def _shipped_font(standard: str) -> str:
    """Return the registered name of the shipped Noto Sans face that stands in for
    `standard`, one of the PDF's standard fonts."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from brief.assets import FONTS

    bold = "Bold" in standard
    italic = "Italic" in standard or "Oblique" in standard
    face = ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular"
    name = f"BriefLogo-{face}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"NotoSans-{face}.ttf")))
    return name


_STANDARD_FONTS = {f"{family}{face}" for family in ("Helvetica", "Courier")
                   for face in ("", "-Bold", "-Oblique", "-BoldOblique")} | {
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"}


def size(path: Path) -> tuple[float, float]:
    """Return the logo's natural width and height (points for SVG, pixels for bitmaps):
    only their ratio matters, since the template sets the printed width."""
    if kind(path) == "svg":
        shape = drawing(path)
        return shape.width, shape.height
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def bitmap(path: Path, width_mm: float) -> bytes:
    """Return the SVG at `path` as PNG bytes, transparent where the SVG is, at DPI dots per
    inch when printed `width_mm` wide."""
    import pypdfium2
    from reportlab.graphics import renderPDF

    shape = drawing(path)
    scale = width_mm / 25.4 * DPI / shape.width
    document = pypdfium2.PdfDocument(renderPDF.drawToString(shape))
    try:
        image = document[0].render(scale=scale, fill_color=(255, 255, 255, 0)).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(DPI, DPI), optimize=True)
    return buffer.getvalue()
