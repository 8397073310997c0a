"""One house style in two formats: the PDF and the DOCX drawn from one style.yaml look like
one document; page furniture on the text's edges; honest metadata."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import cli, needs

STEM = "lavrov-pakistan-2021"
MARGIN = 18 * 72 / 25.4  # the default style's margins, in points


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Return dist/ of the sample built with a marking and an author."""
    import shutil

    from conftest import ROOT, SAMPLE

    project = tmp_path_factory.mktemp("house")
    (project / "sources").mkdir()
    shutil.copy(SAMPLE, project / "sources")
    (project / "brief.yaml").write_text('author: "Desk A"\nmarking: OFFICIAL\n',
                                        encoding="utf-8")
    assert (ROOT / "brief.yaml").exists()
    result = cli(project, "make", "-j", "1")
    assert result.exit_code == 0, result.output
    return project / "dist"


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Return each page's words with their boxes (x0, y0, x1, y1 in points from the top)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                      re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                 r'yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def find(page, text: str):
    return next(w for w in page if w[4] == text)


# Metadata ---------------------------------------------------------------------------------


def it_writes_honest_docx_metadata(built):
    with zipfile.ZipFile(built / f"{STEM}.docx") as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode()
    assert not [n for n in names if "thumbnail" in n]  # no blank preview
    assert "<Application>brief</Application>" in app and "Microsoft" not in app
    assert "<Pages>" not in app  # only what lays the document out knows its pages
    assert int(re.search(r"<Words>(\d+)</Words>", app).group(1)) > 300
    props = docx.Document(str(built / f"{STEM}.docx")).core_properties
    assert props.author == "Desk A" and props.subject == props.title
    assert props.language == "en"


def it_writes_honest_pdf_metadata(built):
    meta = PdfReader(built / f"{STEM}.pdf").metadata
    assert meta.author == "Desk A" and meta.subject == meta.title
    assert meta.creator.startswith("brief ")


def it_names_no_author_it_was_not_given(project):
    (project / "brief.yaml").write_text("paper: a4\n", encoding="utf-8")
    assert cli(project, "make", "-j", "1").exit_code == 0
    assert docx.Document(str(project / "dist" / f"{STEM}.docx")).core_properties.author == ""
    assert PdfReader(project / "dist" / f"{STEM}.pdf").metadata.author == ""


# The DOCX's styles are the PDF's ----------------------------------------------------------


def it_draws_the_docx_styles_from_style_yaml(project):
    template = project / "templates" / "house"
    template.mkdir(parents=True)
    from brief.render.template import builtin_root

    (template / "brief.html.j2").write_text(
        (builtin_root() / "default" / "brief.html.j2").read_text(encoding="utf-8"),
        encoding="utf-8")
    (template / "style.yaml").write_text(
        'sizes: {body: 10, title: 20, heading: 13}\ncolours: {accent: "#AA0000"}\n',
        encoding="utf-8")
    assert cli(project, "make", "-j", "1", "-t", "house", "-f", "docx").exit_code == 0
    word = docx.Document(str(project / "dist" / f"{STEM}.docx"))
    heading, title = word.styles["Heading 1"], word.styles["Title"]
    assert str(heading.font.color.rgb) == "AA0000" and heading.font.bold
    assert heading.font.size.pt == 14 and title.font.size.pt == 21 and title.font.bold
    assert word.styles["Normal"].font.size.pt == 11
    assert title.element.pPr is None or title.element.pPr.find(qn("w:pBdr")) is None  # no rule
    bullets = word.part.numbering_part.element
    assert 'w:val="AA0000"' in bullets.xml  # accent bullets, as in the PDF


def it_sets_the_docx_running_lines_on_tab_stops_without_wrapping(built):
    footer = docx.Document(str(built / f"{STEM}.docx")).sections[0].footer.paragraphs[-1]
    from docx.enum.text import WD_TAB_ALIGNMENT

    stops = [stop.alignment for stop in footer.paragraph_format.tab_stops]
    assert stops == [WD_TAB_ALIGNMENT.CENTER, WD_TAB_ALIGNMENT.RIGHT]
    left, centre, _ = footer.text.split("\t")
    assert left.endswith("…") and centre == "OFFICIAL"  # the title shortened to its room
    assert all(run.font.size.pt <= 8.5 for run in footer.runs)


def it_sets_range_hyphens_unbreakable(built):
    with zipfile.ZipFile(built / f"{STEM}.docx") as archive:
        assert "<w:noBreakHyphen/>" in archive.read("word/document.xml").decode()
    # reportlab breaks lines at spaces only: the PDF keeps a plain, searchable hyphen
    assert "6-7 April" in PdfReader(built / f"{STEM}.pdf").pages[0].extract_text()


# Layout -----------------------------------------------------------------------------------


@needs("pdftotext")
def it_keeps_text_tables_and_running_lines_on_one_left_edge_inside_the_column(built):
    pages = words(built / f"{STEM}.pdf")
    first = pages[0]
    edges = {name: find(first, name)[0] for name in ("Policy", "Summary", "Figure")}
    footer = min((w for w in first if w[1] > 800), key=lambda w: w[0])
    edges["footer"] = footer[0]
    assert all(abs(x - MARGIN) < 0.6 for x in edges.values()), edges
    width = 595.28
    assert max(w[2] for page in pages for w in page) <= width - MARGIN + 0.6


@needs("soffice")
@needs("pdftotext")
def it_looks_the_same_in_pdf_and_docx(built, tmp_path):
    """The DOCX through LibreOffice, beside the PDF: title block, headings, table columns
    and running lines in the same places, within what different fonts allow (LibreOffice
    sets Calibri in whatever font the machine has, so text flow is compared loosely and
    what does not depend on it — margins, column starts, running lines — closely)."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(built / f"{STEM}.docx")], capture_output=True, timeout=180, check=True)
    pdf = words(built / f"{STEM}.pdf")
    word = words(tmp_path / f"{STEM}.pdf")
    height = 841.89

    def first_of(pages, text):
        return next((n, w) for n, page in enumerate(pages) for w in page if w[4] == text)

    for text, tolerance in (("Policy", 0.01), ("Russian", 0.02), ("Summary", 0.05),
                            ("OFFICIAL", 0.01)):
        (p_page, p), (w_page, w) = first_of(pdf, text), first_of(word, text)
        assert p_page == w_page and abs(p[1] - w[1]) < tolerance * height, (text, p, w)
        assert abs(p[0] - w[0]) < 6, (text, p, w)  # the same left edge or centre
    for text in ("Figure", "What", "Name", "Role"):  # table columns start alike
        (_, p), (_, w) = first_of(pdf, text), first_of(word, text)
        assert abs(p[0] - w[0]) < 6, (text, p, w)
    (_, p), (_, w) = first_of(pdf, "Page"), first_of(word, "Page")
    assert abs(p[1] - w[1]) < 0.015 * height and abs(p[2] - w[2]) < 40  # footer, right


def it_sets_a_brief_tighter_rather_than_spill_a_few_lines_onto_a_page(project):
    """The first brief whose last page holds only a line or two is set a little tighter and
    keeps to one page; one that truly needs two pages keeps its two."""
    import dataclasses

    from brief.model import Item
    from brief.pipeline import compile_source
    from brief.render.layout import layout
    from brief.render.template import Style, builtin_root
    from brief.render.writers import pdf
    from brief.settings import Settings

    sample = compile_source(project / "sources" / f"{STEM}.txt")
    folder = builtin_root() / "default"
    item = Item("The delegation agreed a further round of talks on energy and trade. " * 2,
                origin="analyst")

    def document(count: int):
        brief = dataclasses.replace(sample, outcomes=(item,) * count, implications=(),
                                    watch=(), figures=(), actors=())
        return layout(brief, Settings(), folder, "7 April 2021")

    count = next(n for n in range(1, 60) if pdf._build(document(n), Style())[1] == 2)
    _, pages, fill = pdf._build(document(count), Style())
    assert fill < pdf.SPARE_PAGE  # a line or two spilled over
    assert len(PdfReader(io.BytesIO(pdf.render(None, document(count), Style()))).pages) == 1
    assert len(PdfReader(io.BytesIO(pdf.render(None, document(count + 8), Style()))).pages) == 2
