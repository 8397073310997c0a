"""Right-to-left text in the PDF and DOCX: long Arabic and Urdu passages wrap over lines in
the order they are read, read back word by word from where pdftotext finds them on the page.
"""

import dataclasses
import html
import io
import re
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from brief.pipeline import compile_source
from brief.render.layout import layout
from brief.render.template import Style, builtin_root
from brief.render.writers import RTL_LETTERS, starts_right_to_left, writer
from brief.settings import Settings

from conftest import SAMPLE, needs

pytestmark = needs("pdftotext")

FOLDER = builtin_root() / "default"
URDU = ("وزیر خارجہ شاہ محمود قریشی نے کہا کہ پاکستان اور روس کے درمیان تجارت میں 46 فیصد "
        "اضافہ ہوا ہے اور دونوں ممالک توانائی کے شعبے میں تعاون کو مزید بڑھانے پر متفق ہیں، "
        "جس میں پاکستان اسٹریم گیس پائپ لائن منصوبہ بھی شامل ہے۔")
ARABIC = ("قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة لتعزيز القدرات الدفاعية "
          "لباكستان وإجراء مناورات عسكرية مشتركة في عام 2021 لمكافحة الإرهاب في المنطقة")
RTL = re.compile(f"[{RTL_LETTERS}]")


@pytest.fixture(scope="module")
def sample():
    return compile_source(SAMPLE)


def with_texts(sample, outcome: str, implication: str):
    outcomes = (dataclasses.replace(sample.outcomes[0], text=outcome), *sample.outcomes[1:])
    implications = (dataclasses.replace(sample.implications[0], text=implication),
                    *sample.implications[1:])
    return dataclasses.replace(sample, outcomes=outcomes, implications=implications)


def lines_on_pages(data: bytes, tmp_path) -> list[list[list[tuple]]]:
    """Return each page's lines, top to bottom, as pdftotext finds their words: (left, right,
    text), the text in the order of its glyphs on the page, left to right."""
    (tmp_path / "x.pdf").write_bytes(data)
    out = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "x.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    word = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    pages = []
    for page in out.split("<page ")[1:]:
        lines: list[tuple[float, list]] = []
        for x0, y0, x1, y1, text in re.findall(word, page):
            middle = (float(y0) + float(y1)) / 2  # words of different sizes share a line
            line = next((words for y, words in lines if abs(y - middle) < 5), None)
            if line is None:
                lines.append((middle, line := []))
            line.append((float(x0), float(x1), html.unescape(text)))
        pages.append([words for _, words in sorted(lines, key=lambda entry: entry[0])])
    return pages


def read_right_to_left(line) -> list[str]:
    """Return the right-to-left words of a line (and numbers among them) as a reader reads
    them: from the right; each word's glyphs run right to left on the page, digits not."""
    return [unicodedata.normalize("NFKC", text[::-1] if RTL.search(text) else text)
            for _, _, text in sorted(line, key=lambda w: -w[0])
            if RTL.search(text) or text.isdigit()]


def it_wraps_a_long_arabic_quotation_in_reading_order(sample, tmp_path):
    from brief.render.writers import pdf

    brief = with_texts(sample, f"Lavrov told reporters: {ARABIC} and left.", "Nothing.")
    document = layout(brief, Settings(), FOLDER, "today")
    assert pdf.check(document, Style()) == []  # no warning: nothing runs off the page
    lines = lines_on_pages(writer("pdf").render(brief, document, Style()), tmp_path)[0]
    expected = unicodedata.normalize("NFKC", ARABIC).split()
    start = next(i for i, line in enumerate(lines) if expected[0] in read_right_to_left(line))
    first, second = lines[start], lines[start + 1]  # it wraps: not one overlong line
    assert read_right_to_left(first) + read_right_to_left(second) == expected
    assert read_right_to_left(first)[0] == expected[0]  # the quotation starts on line one
    for line in (first, second):
        assert max(right for _, right, _ in line) < 540  # within the margin (A4, 18 mm)
    before = next(w for w in first if w[2] == "reporters:")
    after = next(w for w in second if w[2] == "and")
    assert before[1] < min(w[0] for w in first if RTL.search(w[2]))  # the English around
    assert after[0] > max(w[1] for w in second if RTL.search(w[2]))  # it stays in place


def it_sets_an_urdu_paragraph_right_to_left_and_right_aligned(sample, tmp_path):
    brief = with_texts(sample, "Plain.", URDU)
    review = Settings(copy="review")  # with its sentence ids, to see where they go
    lines = lines_on_pages(writer("pdf").render(
        brief, layout(brief, review, FOLDER, "today"), Style()), tmp_path)[0]
    expected = unicodedata.normalize("NFKC", URDU).split()
    start = next(i for i, line in enumerate(lines) if expected[0] in read_right_to_left(line))
    first, second = lines[start], lines[start + 1]
    assert read_right_to_left(first) + read_right_to_left(second) == expected
    def right_edge(line):
        return max(w[1] for w in line if w[2] != "•")

    assert abs(right_edge(first) - right_edge(second)) < 0.5  # right-aligned
    leftmost = min(second, key=lambda w: w[0])
    assert leftmost[2].startswith("[s")  # its reference follows it: at the left end
    (bullet,) = [w for w in first if w[2] == "•"]  # mirrored: the bullet on the right
    assert bullet[0] > max(w[1] for w in first if w[2] != "•")
    assert not [w for w in second if w[2] == "•"]


def it_keeps_reading_order_when_a_right_to_left_paragraph_breaks_across_pages(tmp_path):
    from reportlab.lib.pagesizes import A6
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from brief.render.writers import pdf, pdf_rtl
    from brief.render.writers.pdf import RTL_FONTS, _rtl_markup

    pdf._register_rtl_fonts()
    text = " ".join([URDU] * 4)
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15)
    SimpleDocTemplate(buffer, pagesize=A6).build(
        [pdf_rtl.Paragraph(_rtl_markup(text), style, RTL_FONTS, text)])
    pages = lines_on_pages(buffer.getvalue(), tmp_path)
    assert len(pages) >= 2
    read = [word for page in pages for line in page for word in read_right_to_left(line)]
    assert read == unicodedata.normalize("NFKC", text).split()
    right_edges = [max(w[1] for w in line) for page in pages for line in page]
    assert max(right_edges) - min(right_edges) < 0.5  # the second page's part: right-aligned


def it_marks_a_right_to_left_paragraph_as_such_in_the_docx(sample):
    brief = with_texts(sample, f"Lavrov said {ARABIC}.", URDU)
    word = docx.Document(io.BytesIO(writer("docx").render(
        brief, layout(brief, Settings(), FOLDER, "today"), Style())))
    urdu = next(p for p in word.paragraphs if p.text.startswith("وزیر"))
    arabic = next(p for p in word.paragraphs if "Lavrov said" in p.text)
    assert urdu._p.pPr.find(qn("w:bidi")) is not None
    assert arabic._p.pPr is None or arabic._p.pPr.find(qn("w:bidi")) is None
    children = [c.tag for c in urdu._p.pPr]  # the schema's order, or Word offers a repair
    assert children.index(qn("w:bidi")) < min(
        (children.index(qn(t)) for t in ("w:spacing", "w:ind", "w:jc") if qn(t) in children),
        default=len(children))
    rtl = [r.text for r in arabic.runs if r._r.rPr is not None
           and r._r.rPr.find(qn("w:rtl")) is not None]
    assert rtl == [ARABIC]  # one run, its number inside it


@pytest.mark.parametrize(("text", "expected"), [
    ("وزیر خارجہ said", True), ("Lavrov said قال", False), ("46 فیصد", True),
    ("«قال»", True), ("2021", False), ("", False)])
def it_takes_a_paragraph_direction_from_its_first_letter(text, expected):
    assert starts_right_to_left(text) is expected


def it_sets_right_to_left_blocks_right_to_left_in_the_html(sample):
    brief = with_texts(sample, f"Lavrov said {ARABIC}.", URDU)
    page = writer("html").render(brief, layout(brief, Settings(), FOLDER, "x"), Style()).decode()
    assert re.search(r'<li dir="rtl" [^>]*>وزیر', page)
    assert re.search(r'<li style="[^"]*">(?:(?!</li>).)*Lavrov said قال', page)


MULTI = f"""Foreign ministers meet in Athens on energy and trade

Greek Foreign Minister Nikos Dendias (Νίκος Δένδιας) met Russian Foreign Minister Sergey \
Lavrov (Сергей Лавров) in Athens on Monday to discuss energy supplies and trade.

Turkish Foreign Minister Mevlüt Çavuşoğlu joined the talks by video link from Ankara, \
according to a statement from the Dışişleri Bakanlığı.

Pakistan's Foreign Minister Shah Mahmood Qureshi told reporters in Urdu: {URDU}

An Egyptian diplomat added in Arabic: {ARABIC}.

The ministers agreed to meet again in Moscow in the autumn.
"""


def it_builds_a_source_in_five_scripts_and_reads_each_back(project, tmp_path):
    """Latin with diacritics, Greek, Cyrillic, Urdu and Arabic in one article, from the file
    to the PDF and DOCX: every word where a reader expects it, no warning."""
    from click.testing import CliRunner

    from brief.cli import main

    from conftest import docx_text

    (project / "sources" / "lavrov-pakistan-2021.txt").unlink()
    (project / "sources" / "athens.txt").write_text(MULTI, encoding="utf-8")
    (project / "sources" / "athens.yaml").write_text("pin: [s1, s2, s3, s4]\n")
    result = CliRunner().invoke(main, ["-C", str(project), "make", "-j", "1"])
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    data = (project / "dist" / "athens.pdf").read_bytes()
    pages = lines_on_pages(data, tmp_path)
    text = " ".join(w[2] for page in pages for line in page for w in line)
    assert "Foreign ministers meet in Athens on energy and trade" in " ".join(
        w[2] for line in pages[0][:4] for w in line)  # the headline titles the brief
    for words in ("(Νίκος Δένδιας)", "(Сергей Лавров)", "Mevlüt Çavuşoğlu", "Dışişleri"):
        assert words in text
    # The sentence's full stop sits beside the run's first word on the last line, as the bidi
    # algorithm puts it (it takes the paragraph's direction): compare the words alone.
    read = [word.strip(".") for page in pages for line in page
            for word in read_right_to_left(line)]
    for passage in (URDU, ARABIC):
        expected = unicodedata.normalize("NFKC", passage).split()
        start = read.index(expected[0])
        assert read[start:start + len(expected)] == expected
    word = docx_text((project / "dist" / "athens.docx").read_bytes())
    for passage in ("Νίκος Δένδιας", "Сергей Лавров", "Mevlüt Çavuşoğlu", URDU, ARABIC):
        assert passage in word


def it_sets_hebrew_right_to_left_in_the_system_fallback_font(sample, tmp_path, system_fonts):
    from reportlab.pdfbase.ttfonts import TTFont

    from brief.render.writers import pdf

    # brief ships no Hebrew font: the machine's first that has Hebrew, if any
    hebrew_fonts = [path for path in system_fonts.machine if Path(path).is_file()
                    and ord("ש") in TTFont("probe", path).face.charToGlyph]
    if not hebrew_fonts:
        pytest.skip("no system font with Hebrew on this machine")
    system_fonts(hebrew_fonts[0])
    hebrew = "ראש הממשלה אמר כי השיחות עם שר החוץ הרוסי היו טובות מאוד ושתי המדינות יחזרו לדבר"
    brief = with_texts(sample, f"The minister said {hebrew} on Monday.", "Nothing.")
    document = layout(brief, Settings(), FOLDER, "today")
    assert pdf.check(document, Style()) == []
    pages = lines_on_pages(writer("pdf").render(brief, document, Style()), tmp_path)
    read = [word for line in pages[0] for word in read_right_to_left(line)]
    expected = hebrew.split()
    start = read.index(expected[0])
    assert read[start:start + len(expected)] == expected


def it_numbers_a_right_to_left_item_on_the_right_as_it_reads(tmp_path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from brief.render.writers import pdf, pdf_rtl
    from brief.render.writers.pdf import RTL_FONTS, _rtl_markup

    pdf._register_rtl_fonts()
    buffer = io.BytesIO()
    style = ParagraphStyle("item", fontName="Helvetica", fontSize=11, leading=15,
                           leftIndent=14, bulletIndent=2, bulletFontName="Helvetica")
    SimpleDocTemplate(buffer).build(
        [pdf_rtl.Paragraph(_rtl_markup(URDU), style, RTL_FONTS, URDU, bulletText="1.")])
    first = lines_on_pages(buffer.getvalue(), tmp_path)[0][0]
    number = max(first, key=lambda w: w[1])
    assert number[2] == ".1"  # the full stop on its left, as a right-to-left reader sees it
    assert number[0] > max(w[1] for w in first if w is not number)
