"""The template's logo: PNG, JPEG or SVG, checked when the template loads, above the text on
the first page of both documents, an SVG vector in the PDF and vector-with-bitmap in Word."""

import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PdfReader

from brief.cli import main
from brief.errors import BriefError
from brief.pipeline import compile_source
from brief.render import logo
from brief.render.layout import layout
from brief.render.template import Style, builtin_root, load_style
from brief.render.writers import writer
from brief.render.writers.docx import SVG_NAMESPACE
from brief.settings import Settings

from conftest import SAMPLE, needs

FOLDER = builtin_root() / "default"
SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
  <rect width="80" height="80" rx="12" fill="#1F4E79"/>
  <circle cx="40" cy="40" r="22" fill="#ffffff"/>
  <text x="95" y="52" font-family="Helvetica" font-size="30" fill="#1F4E79">Ministry</text>
</svg>
"""


@pytest.fixture(scope="module")
def sample():
    return compile_source(SAMPLE)


@pytest.fixture
def svg(tmp_path):
    path = tmp_path / "crest.svg"
    path.write_text(SVG)
    return path


def build(sample, style, fmt):
    return writer(fmt).render(sample, layout(sample, Settings(), FOLDER, "today"), style)


def positions(page):
    """Return each text run on `page` with the y of its baseline and its size in points,
    and the y of the bottom of each image drawn on it."""
    texts, images = [], []

    def before(operator, operands, cm, tm):
        if operator == b"Do":
            images.append(cm[5])  # the image's bottom edge: it fills the unit square

    def visit(text, cm, tm, font, size):
        if text.strip():
            texts.append((text.strip(), cm[5] + tm[5] * cm[3], size * tm[3] * cm[3]))

    page.extract_text(visitor_operand_before=before, visitor_text=visit)
    return texts, images


def it_draws_an_svg_logo_as_vectors_above_the_title_in_the_pdf(sample, svg):
    reader = PdfReader(io.BytesIO(build(sample, Style(logo=svg, logo_width_mm=40), "pdf")))
    first = reader.pages[0]
    assert not first.images  # drawn, not a bitmap
    texts, _ = positions(first)
    logo_y = next(y for text, y, _ in texts if text == "Ministry")
    top = max(y + size for text, y, size in texts if text != "Ministry")
    assert logo_y > top + 3  # the text starts below the logo, it never runs under it
    assert all("Ministry" not in page.extract_text() for page in reader.pages[1:])
    for font in first["/Resources"]["/Font"].values():  # the logo's text too: embedded
        assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()


def it_keeps_a_bitmap_logo_above_the_title_in_the_pdf(sample, tmp_path):
    path = tmp_path / "crest.png"
    Image.new("RGB", (300, 100), "navy").save(path)
    reader = PdfReader(io.BytesIO(build(sample, Style(logo=path, logo_width_mm=30), "pdf")))
    texts, images = positions(reader.pages[0])
    (image_y,) = images
    assert image_y > max(y + size for _, y, size in texts)  # above the first line of text


def it_gives_word_the_svg_and_a_bitmap_drawn_from_it(sample, svg):
    data = build(sample, Style(logo=svg, logo_width_mm=40, logo_alt="Ministry crest"), "docx")
    word = docx.Document(io.BytesIO(data))
    (shape,) = word.inline_shapes
    assert shape._inline.docPr.get("descr") == "Ministry crest"
    assert abs(shape.width.mm - 40) < 0.01
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    bitmap = word.part.related_parts[blip.get(qn("r:embed"))]
    assert bitmap.content_type == "image/png"
    image = Image.open(io.BytesIO(bitmap.blob))
    assert abs(image.width - 40 / 25.4 * logo.DPI) <= 1  # print resolution at 40 mm
    assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0  # rounded corner: clear
    assert image.getpixel((image.width // 12, image.height // 2))[:3] == (255, 255, 255)
    assert image.getpixel((image.width // 40, image.height // 2))[:3] == (0x1F, 0x4E, 0x79)
    (svg_blip,) = blip.iter(f"{{{SVG_NAMESPACE}}}svgBlip")
    vector = word.part.related_parts[svg_blip.get(qn("r:embed"))]
    assert vector.content_type == "image/svg+xml" and vector.blob == svg.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    assert 'ContentType="image/svg+xml"' in types


def it_builds_byte_identical_documents_with_an_svg_logo(sample, svg, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    style = Style(logo=svg)
    for fmt in ("pdf", "docx"):
        assert build(sample, style, fmt) == build(sample, style, fmt)


@pytest.mark.parametrize("content", [b"just some words", b"<html><body/></html>",
                                     b"GIF89a\x01\x00\x01\x00"])
def it_refuses_a_logo_that_is_not_png_jpeg_or_svg(tmp_path, content):
    (tmp_path / "logo.svg").write_bytes(content)
    (tmp_path / "style.yaml").write_text("pages: 2\nlogo:\n  file: logo.svg\n")
    with pytest.raises(BriefError) as caught:
        load_style(tmp_path)
    error = caught.value
    assert error.path == tmp_path / "style.yaml" and error.line == 3
    assert "logo.svg: the logo is not a PNG, JPEG or SVG image" in str(error)


def it_names_an_svg_logo_it_cannot_draw(project, svg):
    folder = project / "templates" / "house"
    shutil.copytree(FOLDER, folder)
    (folder / "empty.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    with (folder / "style.yaml").open("a") as style:
        style.write("logo:\n  file: empty.svg\n")
    settings = project / "brief.yaml"
    settings.write_text(settings.read_text() + "\ntemplate: house\n")
    checked = CliRunner().invoke(main, ["-C", str(project), "check"])
    assert checked.exit_code == 1
    assert "empty.svg: cannot draw this SVG logo: it has no size" in checked.output
    made = CliRunner().invoke(main, ["-C", str(project), "make"])
    assert made.exit_code == 1 and "Traceback" not in made.output
    assert "cannot draw this SVG logo" in made.output
    assert not (project / "dist" / "lavrov-pakistan-2021.pdf").exists()


@needs("soffice")
def it_opens_in_libreoffice_with_an_svg_logo(sample, svg, tmp_path):
    (tmp_path / "brief.docx").write_bytes(build(sample, Style(logo=svg), "docx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "brief.docx")], capture_output=True, timeout=120, check=True)
    reader = PdfReader(tmp_path / "brief.pdf")
    assert "Russian Foreign Minister" in reader.pages[0].extract_text()
