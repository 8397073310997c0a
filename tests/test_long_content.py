"""Long and unusual content always builds: PDF, DOCX and JSON, at most with a warning."""

import dataclasses
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from brief.cli import main
from brief.model import Actor, Brief, Figure, Item
from brief.pipeline import compile_source
from brief.render.doctree import Span
from brief.render.layout import bound_cell, layout
from brief.render.template import Style, builtin_root
from brief.render.writers import writer
from brief.settings import Settings

from conftest import ROOT, SAMPLE, docx_text, needs, pdf_text

sys.path.insert(0, str(ROOT / "benchmarks"))
from longtext import article  # noqa: E402  (shared with benchmarks/speed.py)


def make(project: Path, *args: str):
    """Run `brief make` in `project` (one worker: the tests stay in one process)."""
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, ["make", "-j", "1", "--format", "pdf,docx,json", *args],
                                  catch_exceptions=False)
    finally:
        os.chdir(cwd)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    return tmp_path / "sources"


def it_builds_an_18k_word_article_with_many_people_in_bounded_tables(sources):
    (sources / "long.txt").write_text(article(18_000), encoding="utf-8")
    result = make(sources.parent, "--copy", "review")  # the copy with the mentions column
    assert result.exit_code == 0, result.output
    dist = sources.parent / "dist"
    brief = json.loads((dist / "long.review.json").read_text(encoding="utf-8"))
    people = [a for a in brief["actors"] if a["kind"] == "person"]
    assert len(people) == 12 and len(brief["figures"]) <= 12
    texts = {s["id"]: s["text"] for s in brief["sentences"]}
    for person in people:  # the JSON keeps every mention, however long the list
        assert {i for i, text in texts.items() if person["name"] in text} <= set(
            person["sentences"])
    assert max(len(a["sentences"]) for a in people) > 6  # long enough for the table to cut
    pdf = pdf_text((dist / "long.review.pdf").read_bytes())
    word = docx_text((dist / "long.review.docx").read_bytes())
    for text in (pdf, word):
        assert "more)" in text and "Mentioned in" in text
    assert len(PdfReader(dist / "long.review.pdf").pages) <= 4


def it_builds_a_300k_word_article_of_480_people_within_its_page_budget(sources):
    # The million-word case is benchmarks/speed.py's: the same code, ten times the wait.
    (sources / "huge.txt").write_text(article(300_000), encoding="utf-8")
    result = make(sources.parent, "--copy", "review")  # the copy with the mentions column
    assert result.exit_code == 0, result.output
    dist = sources.parent / "dist"
    brief = json.loads((dist / "huge.review.json").read_text(encoding="utf-8"))
    people = [a for a in brief["actors"] if a["kind"] == "person"]
    assert 0 < len(people) <= 12 and len(brief["actors"]) <= 12 + 6 + 8
    assert len(PdfReader(dist / "huge.review.pdf").pages) <= 2
    for text in (pdf_text((dist / "huge.review.pdf").read_bytes()),
                 docx_text((dist / "huge.review.docx").read_bytes())):
        assert "more)" in text and "Mentioned in" in text


@pytest.mark.parametrize(("cell", "expected"), [
    (", ".join(f"s{i}" for i in range(1, 44)), "s1, s2, s3, s4, s5, s6 … (+37 more)"),
    ("s1, s4, s9", "s1, s4, s9"),
    ("word " * 100, ("word " * 60).strip() + " …"),
    ("x" * 1000, "x" * 300 + " …"),
])
def it_bounds_every_table_cell(cell, expected):
    assert "".join(s.text for s in bound_cell((Span(cell),))) == expected


def it_bounds_a_cell_of_many_spans_keeping_their_formatting():
    spans = (Span("Name ", bold=True), Span("y" * 400, italic=True))
    bounded = bound_cell(spans)
    assert bounded[0] == spans[0] and bounded[1].italic
    assert len("".join(s.text for s in bounded)) <= 302


# Long words, URLs, titles and markings -----------------------------------------------------

URL = "https://example.org/" + "report/" * 283  # 2,001 characters
WORD = "Donaudampfschifffahrt" * 14 + "ende"  # 298 characters, no space
ARABIC_WORD = "باكستان" * 40


@pytest.fixture(scope="module")
def sample():
    return compile_source(SAMPLE)


def render(fmt: str, brief: Brief, style: Style | None = None) -> bytes:
    document = layout(brief, Settings(), builtin_root() / "default", "7 April 2021")
    return writer(fmt).render(brief, document, style or Style())


def outside_the_margins(data: bytes, tmp_path: Path) -> list[str]:
    """Return the words pdftotext finds printed beyond the page's side margins."""
    (tmp_path / "x.pdf").write_bytes(data)
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "x.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    margin = Style().margin_mm * 72 / 25.4
    return [html.unescape(m.group(3)) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        boxes) if float(m.group(1)) < margin - 1 or float(m.group(2)) > width - margin + 1]


def _placed(brief: Brief, text: str, where: str) -> Brief:
    if where == "title":
        return dataclasses.replace(brief, title=f"The report {text} was published")
    if where == "summary":
        return dataclasses.replace(brief, summary=(Item(f"See {text} today.", ("s1",)),))
    if where == "outcome":
        return dataclasses.replace(brief, outcomes=(Item(f"Trade rose, {text} says.", ("s2",)),))
    if where == "figure":
        return dataclasses.replace(brief, figures=(Figure(text, text, ("s3",)),))
    return dataclasses.replace(brief, actors=(Actor(text, text, ("s4",), "person"),))


@needs("pdftotext")
@pytest.mark.parametrize("text", [URL, WORD, ARABIC_WORD], ids=["url", "word", "arabic"])
@pytest.mark.parametrize("where", ["title", "summary", "outcome", "figure", "actor"])
def it_breaks_long_words_and_urls_within_the_margins(sample, tmp_path, text, where):
    brief = _placed(sample, text, where)
    pdf = render("pdf", brief)
    assert outside_the_margins(pdf, tmp_path) == []
    assert docx.Document(io.BytesIO(render("docx", brief)))  # Word wraps on its own
    if where in ("summary", "outcome") and text != ARABIC_WORD:  # cells are bounded
        squeeze = "".join
        assert squeeze(text.split()) in squeeze(pdf_text(pdf).split())


LONG_TITLE = " ".join(["Lavrov visits Pakistan to discuss trade, gas and security"] * 6)  # 353


def it_builds_a_title_over_255_characters_shortened_only_where_it_must_be(sources):
    (sources / "a.txt").write_text(f"---\ntitle: {LONG_TITLE}\n---\n" + SAMPLE.read_text())
    result = make(sources.parent)
    assert result.exit_code == 0, result.output
    dist = sources.parent / "dist"
    word = docx.Document(dist / "a.docx")
    title = word.core_properties.title
    assert len(title) <= 255 and title.endswith(" Pakistan…")
    assert LONG_TITLE.startswith(title[:-1])
    assert LONG_TITLE in docx_text((dist / "a.docx").read_bytes())  # the body has it whole
    footer = word.sections[0].footer.paragraphs[-1].text
    assert len(footer) < 120 and "…" in footer
    pdf = PdfReader(dist / "a.pdf")
    assert len(pdf.metadata.title) <= 255 and pdf.metadata.title.endswith("…")
    assert len(pdf.outline[0].title) <= 120 and pdf.outline[0].title.endswith("…")
    assert " ".join(LONG_TITLE.split()) in pdf_text((dist / "a.pdf").read_bytes())
    assert json.loads((dist / "a.json").read_text())["title"] == LONG_TITLE


@needs("pdftotext")
@pytest.mark.parametrize("marking", ["SECRET " * 60, "X" * 400])
def it_fits_a_long_marking_and_title_in_the_running_lines(sample, tmp_path, marking):
    brief = dataclasses.replace(sample, title=LONG_TITLE, marking=marking)
    pdf = render("pdf", brief, Style(header_left="{title}", header_right="{organisation}"))
    assert outside_the_margins(pdf, tmp_path) == []
    assert "SECRET SECRET" in pdf_text(pdf) or "XXXX" in pdf_text(pdf)
    header = docx.Document(io.BytesIO(render("docx", brief))).sections[0].header
    assert 10 < len(header.paragraphs[-1].text) <= 121


@pytest.mark.parametrize("where", ["brief.yaml", "brief.yaml defaults", "overrides"])
def it_refuses_a_marking_over_60_characters_naming_the_line(sources, where):
    shutil.copy(SAMPLE, sources / "a.txt")
    shutil.copy(SAMPLE, sources / "b.txt")
    marking = "OFFICIAL-SENSITIVE " * 4  # 76 characters
    if where == "overrides":
        (sources / "a.yaml").write_text(f"title: A brief\nmarking: {marking}\n")
        expected, built = "sources/a.yaml:2: 'marking' is longer than 60 characters", True
    elif where == "brief.yaml":
        (sources.parent / "brief.yaml").write_text(f"# house\nmarking: {marking}\n")
        expected, built = "brief.yaml:2: 'marking' is longer than 60 characters", False
    else:
        (sources.parent / "brief.yaml").write_text(f"defaults:\n  marking: {marking}\n")
        expected, built = "brief.yaml:2: 'marking' is longer than 60 characters", False
    result = make(sources.parent)
    assert result.exit_code == 1 and expected in result.output, result.output
    assert "Traceback" not in result.output
    assert (sources.parent / "dist" / "b.pdf").exists() == built  # the other source builds


@pytest.mark.parametrize("text", [
    "\u064b",                      # ARABIC FATHATAN alone
    "\u064b\u064c \u064d",         # several, spaced
    "\u0301 Lavrov said so.",      # COMBINING ACUTE ACCENT at a paragraph's start
    "\u20dd",                      # COMBINING ENCLOSING CIRCLE
    "Talks in \u0650 Islamabad",   # an Arabic mark alone amid Latin text
], ids=["fathatan", "arabic-marks", "acute", "enclosing-circle", "kasra-in-latin"])
def it_sets_a_combining_mark_with_no_base_on_a_dotted_circle_in_print_only(sample, text):
    brief = dataclasses.replace(sample, title=text, summary=(Item(text, ("s1",)),))
    assert "\u25cc" in pdf_text(render("pdf", brief))
    assert text in docx_text(render("docx", brief))
    for fmt in ("json", "html", "md"):
        assert "\u25cc" not in render(fmt, brief).decode()
