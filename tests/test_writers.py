import dataclasses
import io
import json
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from brief.model import Item, SourceInfo
from brief.pipeline import compile_source
from brief.render.layout import layout
from brief.render.template import Style, builtin_root
from brief.render.writers import WRITERS, reads_brief, writer
from brief.settings import Settings

from conftest import SAMPLE, docx_text, needs, pdf_text

FOLDER = builtin_root() / "default"


@pytest.fixture(scope="module")
def sample():
    return compile_source(SAMPLE)


def render(fmt, brief, settings=None):
    document = layout(brief, settings or Settings(), FOLDER, "7 April 2021")
    return writer(fmt).render(brief, document, Style())


def it_has_a_writer_per_format_in_the_registry():
    assert set(WRITERS) == {"pdf", "docx", "json", "html", "md", "txt"}


def it_renders_the_same_without_the_brief_where_the_writer_reads_only_its_document(
        sample, monkeypatch):
    # Render workers are sent no brief for these formats (see parallel.Renderer).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    document = layout(sample, Settings(), FOLDER, "7 April 2021")
    alone = [fmt for fmt in WRITERS if not reads_brief(fmt)]
    assert "docx" in alone
    for fmt in alone:
        assert (writer(fmt).render(None, document, Style())
                == writer(fmt).render(sample, document, Style()))


def it_writes_the_brief_itself_as_json(sample):
    data = json.loads(render("json", sample))
    assert data == json.loads(json.dumps(sample.to_dict()))
    item = data["outcomes"][0]
    assert set(item) == {"text", "sentences", "topic", "origin"}


class DescribePdf:
    def it_fits_the_sample_in_two_pages_with_its_sections(self, sample):
        data = render("pdf", sample)
        assert len(PdfReader(io.BytesIO(data)).pages) <= 2
        text = pdf_text(data)
        for heading in ("Summary", "Key outcomes", "Implications", "Key figures", "Actors"):
            assert heading in text
        assert "46 percent" in text and "Sergey Lavrov" in text

    def it_embeds_every_font(self, sample):
        reader = PdfReader(io.BytesIO(render("pdf", sample)))
        fonts = {}
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font["/BaseFont"]] = font
        assert fonts
        for name, font in fonts.items():
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, f"{name} is not embedded"
            assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"

    def it_sets_metadata_and_bookmarks(self, sample):
        reader = PdfReader(io.BytesIO(render("pdf", sample, Settings(author="Desk A"))))
        meta = reader.metadata
        assert meta.title == sample.title and meta.author == "Desk A"
        assert meta.subject == sample.title and "Energy" in meta["/Keywords"]
        titles = [o.title for o in _flatten(reader.outline)]
        assert {"Summary", "Key outcomes", "Implications"} <= set(titles)

    def it_prints_the_marking_and_page_numbers_on_every_page(self, sample):
        marked = dataclasses.replace(sample, marking="OFFICIAL")
        reader = PdfReader(io.BytesIO(render("pdf", marked)))
        for number, page in enumerate(reader.pages, 1):
            text = page.extract_text()
            assert text.count("OFFICIAL") == 2 and f"Page {number} of" in text

    def it_uses_letter_paper_when_asked(self, sample):
        reader = PdfReader(io.BytesIO(render("pdf", sample, Settings(paper="letter"))))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792)

    def it_takes_the_paper_from_the_style_unless_brief_yaml_sets_it(self, sample):
        def size(settings, style):
            document = layout(sample, settings, FOLDER, "x")
            box = PdfReader(io.BytesIO(writer("pdf").render(sample, document, style)))
            box = box.pages[0].mediabox
            return round(float(box.width)), round(float(box.height))

        assert size(Settings(), Style()) == (595, 842)
        assert size(Settings(), Style(paper="letter")) == (612, 792)
        assert size(Settings(paper="a4"), Style(paper="letter")) == (595, 842)


class DescribeDocx:
    def it_uses_real_word_styles(self, sample):
        document = docx.Document(io.BytesIO(render("docx", sample)))
        styles = {p.style.name for p in document.paragraphs}
        assert {"Title", "Heading 1", "List Bullet"} <= styles
        assert document.paragraphs[1].text == sample.title
        table = document.tables[0]  # the house table, not an Office preset
        header, first = table.rows[0], table.rows[1]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
        assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
        assert not any(run.bold for run in first.cells[0].paragraphs[0].runs)  # no bold column
        widths = [cell.width for cell in first.cells]
        text_width = (document.sections[0].page_width - document.sections[0].left_margin
                      - document.sections[0].right_margin)
        assert abs(sum(widths) - text_width) < Mm(1) and widths[0] < widths[1]  # from content
        assert document.styles["Normal"].font.name == "Calibri"

    def it_sets_core_properties(self, sample):
        props = docx.Document(io.BytesIO(render("docx", sample))).core_properties
        assert props.title == sample.title and props.subject == sample.title
        assert "Energy" in props.keywords and props.language == "en"

    def it_links_the_source_url_and_marks_every_page(self, sample):
        source = dataclasses.replace(sample.source, url="https://example.org/a?x=1&y=2")
        brief = dataclasses.replace(sample, source=source, marking="OFFICIAL")
        data = render("docx", brief)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = archive.read("word/document.xml").decode()
            rels = archive.read("word/_rels/document.xml.rels").decode()
        assert "<w:hyperlink" in body and "https://example.org/a?x=1&amp;y=2" in rels
        document = docx.Document(io.BytesIO(data))
        assert "OFFICIAL" in document.sections[0].header.paragraphs[0].text
        assert "OFFICIAL" in document.sections[0].footer.paragraphs[0].text


def it_marks_the_analyst_s_own_words_in_both_formats(sample):
    brief = dataclasses.replace(sample, implications=sample.implications + (
        Item("Expect Indian concern.", (), None, "analyst"),))
    for text in (pdf_text(render("pdf", brief)), docx_text(render("docx", brief))):
        assert "Analyst comment: Expect Indian concern." in text


def it_sets_emphasised_terms_in_bold(sample):
    brief = dataclasses.replace(sample, emphasis=("46 percent",))
    document = docx.Document(io.BytesIO(render("docx", brief)))
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "46 percent" in bold


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def it_gives_identical_bytes_with_source_date_epoch(sample, fmt, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617753600")
    assert render(fmt, sample) == render(fmt, sample)


# Every script the shipped fonts cover, and the characters markup engines care about.
TEXT = st.text(st.sampled_from(
    list("abcxyzABCXYZ0189 éèçñøßàüÉÅŁőžαβγδΩλπДЖЯжыщё&<>\"'{}%#;/\\[]()*_-=+!?.,:@$")),
    min_size=1, max_size=60).map(lambda t: " ".join(t.split())).filter(lambda t: t.strip())


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def it_carries_any_text_intact_into_pdf_and_docx(sample, text):
    brief = dataclasses.replace(
        sample, title=text, summary=(Item(text, ("s1",), None),),
        source=SourceInfo(file="x.txt", title=text))
    squeeze = "".join
    assert squeeze(text.split()) in squeeze(pdf_text(render("pdf", brief)).split())
    assert text in docx_text(render("docx", brief))


def _flatten(outline):
    for entry in outline:
        if isinstance(entry, list):
            yield from _flatten(entry)
        else:
            yield entry


def it_warns_of_glyphs_the_pdf_fonts_lack(sample):
    from brief.render.writers import pdf

    brief = dataclasses.replace(sample, title="Talks in 北京 and Москва")
    document = layout(brief, Settings(), FOLDER, "today")
    (warning,) = pdf.check(document, Style())
    assert "北 (U+5317), 京 (U+4EAC)" in warning and "style.yaml" in warning
    assert pdf.check(layout(sample, Settings(), FOLDER, "today"), Style()) == []


def it_numbers_pages_of_the_whole(sample):
    reader = PdfReader(io.BytesIO(render("pdf", sample)))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        assert f"Page {number} of {total}" in page.extract_text()


def it_takes_styles_header_and_page_from_a_reference_docx(sample, tmp_path):
    from docx.shared import RGBColor

    reference = docx.Document()
    heading = reference.styles["Heading 1"]
    heading.font.name, heading.font.color.rgb = "Georgia", RGBColor(0x80, 0x00, 0x00)
    reference.sections[0].page_width = Mm(215.9)
    reference.sections[0].header.paragraphs[0].text = "Ministry of Examples"
    reference.add_paragraph("Placeholder body text that must not survive.")
    path = tmp_path / "reference.docx"
    reference.save(path)

    document = layout(dataclasses.replace(sample, marking="OFFICIAL"), Settings(), FOLDER, "x")
    data = writer("docx").render(sample, document, Style(reference_docx=path))
    word = docx.Document(io.BytesIO(data))
    assert word.styles["Heading 1"].font.name == "Georgia"
    assert word.sections[0].page_width == Mm(215.9)
    header = [p.text for p in word.sections[0].header.paragraphs]
    assert header[0] == "Ministry of Examples" and "\tOFFICIAL\t" in header
    assert "Placeholder" not in docx_text(data)
    assert {"Title", "Heading 1", "List Bullet"} <= {p.style.name for p in word.paragraphs}
    assert "Brief Summary" in {p.style.name for p in word.paragraphs}


def it_fills_header_and_footer_lines_from_the_style(sample, tmp_path):
    style = Style(header_left="{organisation}", header_center="{marking}",
                  footer_left="{date}", footer_center="", footer_right="{page}/{pages}")
    document = layout(dataclasses.replace(sample, marking="SECRET"),
                      Settings(organisation="Policy Unit"), FOLDER, "7 April 2021")
    pdf = PdfReader(io.BytesIO(writer("pdf").render(sample, document, style)))
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, 1):
        text = page.extract_text()
        assert "Policy Unit" in text and "SECRET" in text and f"{number}/{total}" in text
        assert "7 April 2021" in text
    data = writer("docx").render(sample, document, style)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footer = next(archive.read(n).decode() for n in archive.namelist()
                      if n.startswith("word/footer"))
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    header = docx.Document(io.BytesIO(data)).sections[0].header.paragraphs[-1].text
    assert header == "Policy Unit\tSECRET\t"  # left, centre, right on tab stops


def it_prints_no_line_whose_placeholder_is_empty(sample):
    document = layout(sample, Settings(), FOLDER, "today")  # no marking, no organisation
    text = PdfReader(io.BytesIO(writer("pdf").render(sample, document, Style()))).pages[0]
    assert "OFFICIAL" not in text.extract_text()


def it_places_the_logo_with_its_alternative_text(sample, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), "navy").save(logo)
    style = Style(logo=logo, logo_alt="Ministry crest")
    document = layout(sample, Settings(), FOLDER, "today")
    pdf = PdfReader(io.BytesIO(writer("pdf").render(sample, document, style)))
    assert len(pdf.pages[0].images) == 1  # the first page only
    assert all(not page.images for page in pdf.pages[1:])
    word = docx.Document(io.BytesIO(writer("docx").render(sample, document, style)))
    (shape,) = word.inline_shapes
    assert shape._inline.docPr.get("descr") == "Ministry crest"


def it_rejects_an_unknown_placeholder_in_style_yaml(tmp_path):
    from brief.errors import BriefError
    from brief.render.template import load_style

    (tmp_path / "style.yaml").write_text("page:\n  footer_right: 'Page {pg}'\n")
    with pytest.raises(BriefError) as caught:
        load_style(tmp_path)
    assert caught.value.line == 2 and "unknown placeholder {pg}" in str(caught.value)


def it_sets_what_the_fonts_lack_in_a_system_fallback_font(sample, system_fonts):
    from brief.assets import FONTS
    from brief.render.writers import pdf

    # A house font with no Cyrillic (the shipped Arabic one), Noto Sans as the system's
    arabic = FONTS / "NotoNaskhArabic-Regular.ttf"
    style = Style(font_regular=arabic, font_bold=arabic, font_italic=arabic,
                  font_bold_italic=arabic)
    brief = dataclasses.replace(sample, title="Talks in Москва")
    document = layout(brief, Settings(), FOLDER, "today")
    assert "the PDF fonts lack" in pdf.check(document, style)[0]
    system_fonts(FONTS / "NotoSans-Regular.ttf")
    assert pdf.check(document, style) == []
    assert "Москва" in pdf_text(writer("pdf").render(brief, document, style))


@needs("pdftotext")
@pytest.mark.parametrize("text", [
    "السلام عليكم ورحمة الله",              # Arabic
    "وزیر اعظم عمران خان نے کہا",            # Urdu
])
def it_shapes_right_to_left_text_in_the_pdf(sample, tmp_path, text):
    import subprocess
    import unicodedata

    from brief.render.writers import pdf

    brief = dataclasses.replace(sample, title=f"The minister said {text} on Monday")
    document = layout(brief, Settings(), FOLDER, "today")
    assert pdf.check(document, Style()) == []
    (tmp_path / "x.pdf").write_bytes(writer("pdf").render(brief, document, Style()))
    read_back = subprocess.run(["pdftotext", str(tmp_path / "x.pdf"), "-"], capture_output=True,
                               text=True, check=True).stdout
    logical = unicodedata.normalize("NFKC", read_back)  # presentation forms -> letters
    assert " ".join(text.split()) in " ".join(logical.split())
    assert text in docx_text(writer("docx").render(brief, document, Style()))


def it_marks_right_to_left_runs_in_the_docx(sample):
    brief = dataclasses.replace(sample, title="Talks in پاکستان today")
    data = writer("docx").render(brief, layout(brief, Settings(), FOLDER, "x"), Style())
    title = docx.Document(io.BytesIO(data)).paragraphs[1]
    runs = [(r.text, r._r.rPr is not None and r._r.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rtl") is not None)
        for r in title.runs]
    assert runs == [("Talks in ", False), ("پاکستان", True), (" today", False)]


class DescribeHtmlAndMarkdown:
    def it_writes_a_standalone_page_with_inline_styles_only(self, sample):
        page = render("html", dataclasses.replace(sample, marking="OFFICIAL")).decode()
        assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
        assert "<style" not in page and "<script" not in page and "<link" not in page
        assert "src=" not in page  # nothing remote
        assert page.count("OFFICIAL") == 2 and "Key outcomes" in page

    def it_writes_markdown_with_the_same_structure(self, sample):
        text = render("md", sample).decode()
        assert text.count("\n## ") >= 3 and "\n- **Trade & economy** " in text
        assert "| Figure | What it measures |\n" in text
        review = render("md", sample, Settings(copy="review")).decode()
        assert "| Figure | What it measures | Source |" in review


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def it_keeps_any_text_literal_in_html_and_markdown(sample, text):
    import html as html_module
    import re as re_module

    brief = dataclasses.replace(sample, title=text)
    page = render("html", brief).decode()
    title = re_module.search(r"<h1[^>]*>(.*?)</h1>", page, re_module.S).group(1)
    assert html_module.unescape(title) == text
    markdown = render("md", brief).decode()
    heading = next(line for line in markdown.splitlines() if line.startswith("# "))
    assert re_module.sub(r"\\(.)", r"\1", heading[2:]) == text


def it_restarts_each_numbered_list_at_one_in_the_docx(sample):
    from brief.render.doctree import Document as Tree
    from brief.render.doctree import ListBlock, Span

    one = (Span("first"),), (Span("second"),)
    document = layout(sample, Settings(), FOLDER, "x")
    tree = Tree(document.meta, (ListBlock(one, ordered=True), ListBlock(one, ordered=True)))
    word = docx.Document(io.BytesIO(writer("docx").render(sample, tree, Style())))
    ids = [p._p.pPr.numPr.numId.val for p in word.paragraphs if p.style.name == "List Number"]
    assert len(ids) == 4 and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    numbering = word.part.numbering_part.element
    for number in {ids[0], ids[2]}:
        override = numbering.num_having_numId(number).lvlOverride_lst[0]
        assert override.startOverride.val == 1


def it_ships_a_reference_docx_made_from_the_default_style(monkeypatch):
    from brief.render.template import load_style
    from brief.render.writers.docx import make_reference

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")
    style = load_style(FOLDER)
    assert style.reference_docx == FOLDER / "reference.docx"
    shipped = docx.Document(str(style.reference_docx))
    made = docx.Document(io.BytesIO(make_reference(style)))
    for name in ("Normal", "Title", "Heading 1", "Brief Meta", "Brief Summary"):
        assert shipped.styles[name].element.xml == made.styles[name].element.xml, name


def it_lets_brief_yaml_choose_the_paper_over_the_reference(sample):
    def width_mm(data: bytes) -> float:
        return round(docx.Document(io.BytesIO(data)).sections[0].page_width.mm, 1)

    assert width_mm(render("docx", sample, Settings(paper="letter"))) == 215.9
    assert width_mm(render("docx", sample)) == 210.0
