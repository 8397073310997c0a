"""Articles as they arrive: the same article as .txt, .md, .html, .docx and .pdf."""

import zipfile

import pytest

from brief.errors import BriefError
from brief.pipeline import compile_source
from brief.read.source import read

import formats
from conftest import SAMPLE


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    (folder / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "a.md").write_text(f"# {formats.TITLE}\n\n" + "\n\n".join(formats.paragraphs())
                                 + "\n", encoding="utf-8")
    (folder / "a.html").write_text(formats.as_html(), encoding="utf-8")
    formats.write_docx(folder / "a.docx")
    formats.write_pdf(folder / "a.pdf")
    return folder


@pytest.mark.parametrize("ext", ["md", "html", "docx", "pdf"])
def it_gives_the_same_outcomes_whatever_the_format(sources, ext):
    expected = compile_source(sources / "a.txt")
    brief = compile_source(sources / f"a.{ext}")
    assert [i.text for i in brief.outcomes] == [i.text for i in expected.outcomes]
    assert [i.text for i in brief.summary] == [i.text for i in expected.summary]


def it_keeps_navigation_ads_comments_and_footers_out_of_a_web_page(sources):
    article = read(sources / "a.html")
    text = article.body
    for furniture in ("Home", "Advertisement", "Related stories", "Great analysis",
                      "All rights reserved", "Privacy"):
        assert furniture not in text
    assert article.meta.title == formats.TITLE
    assert article.meta.author == "Staff Reporter"
    assert article.meta.published == "2021-04-08"


def it_takes_metadata_from_a_word_file(sources):
    meta = read(sources / "a.docx").meta
    assert (meta.title, meta.author) == (formats.TITLE, "Staff Reporter")


def it_drops_running_heads_and_page_numbers_from_a_pdf(sources):
    article = read(sources / "a.pdf")
    assert "Example Times — World news" not in article.body
    assert "Page 1" not in article.body and "Page 2" not in article.body
    assert article.meta.title == formats.TITLE


def it_rejoins_words_hyphenated_at_line_ends():
    from brief.read.pdf import _join_pages

    text = _join_pages(["The nego-\ntiations went on\nall day.\nThen they stopped."])
    assert text == "The negotiations went on all day.\n\nThen they stopped."


def it_refuses_a_truncated_word_file(sources, tmp_path):
    data = (sources / "a.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(BriefError, match="not a readable Word file"):
        read(tmp_path / "cut.docx")


def it_refuses_a_word_file_that_is_a_zip_bomb(tmp_path):
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 150_000_000)
    with pytest.raises(BriefError, match="zip bomb"):
        read(tmp_path / "bomb.docx")


def it_refuses_a_page_that_is_not_html(tmp_path):
    (tmp_path / "x.html").write_bytes(b'{"not": "a page"}')
    with pytest.raises(BriefError, match="not a web page"):
        read(tmp_path / "x.html")


def it_refuses_a_damaged_pdf(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n")
    with pytest.raises(BriefError, match="PDF"):
        read(tmp_path / "x.pdf")
