"""Two copies of one brief: the reader's (sent out: no sentence ids, file names or commands)
and the review copy (the analyst's: every statement tagged with its sentence ids)."""

from __future__ import annotations

import email
import json
import re

import pytest

from conftest import cli, docx_text, pdf_text

IDS = re.compile(r"\[s\d+(?:, s\d+)*\]")
FRONT_MATTER = """---
title: "Lavrov ends Islamabad visit with pledge on gas pipeline"
source: Dawn
author: Baqir Sajjad Syed
published: 2021-04-07
url: https://example.org/lavrov
---
"""


def texts(dist, stem: str = "lavrov-pakistan-2021") -> dict[str, str]:
    """Return the text of each format of the brief `stem` in `dist`."""
    found = {"pdf": pdf_text((dist / f"{stem}.pdf").read_bytes()),
             "docx": docx_text((dist / f"{stem}.docx").read_bytes())}
    for fmt in ("html", "md"):
        if (dist / f"{stem}.{fmt}").exists():
            found[fmt] = (dist / f"{stem}.{fmt}").read_text(encoding="utf-8")
    return found


def it_makes_the_readers_copy_by_default(project):
    assert cli(project, "make", "-f", "pdf,docx,html,md,json").exit_code == 0
    for fmt, text in texts(project / "dist").items():
        assert not IDS.search(text), fmt
        assert "Mentioned in" not in text and "brief show" not in text, fmt
        assert "Brief dated" in text, fmt  # the brief's own date, labelled
    brief = json.loads((project / "dist" / "lavrov-pakistan-2021.json").read_text())
    assert all(item["sentences"] for item in brief["summary"])  # the JSON keeps its ids


def it_cites_the_source_as_a_reader_expects_not_by_file_name(project):
    article = project / "sources" / "lavrov-pakistan-2021.txt"
    article.write_text(FRONT_MATTER + article.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli(project, "make", "-f", "pdf,docx").exit_code == 0
    for fmt, text in texts(project / "dist").items():
        flat = " ".join(text.split())
        assert ("Source: Dawn, “Lavrov ends Islamabad visit with pledge on gas pipeline”, by "
                "Baqir Sajjad Syed, 7 April 2021") in flat, fmt
        assert "lavrov-pakistan-2021.txt" not in flat, fmt
        assert "Brief dated 7 April 2021" not in flat, fmt  # the article's date is not the brief's


def it_names_the_file_only_when_nothing_else_is_known(project):
    assert cli(project, "make", "-f", "pdf").exit_code == 0
    assert "Source: lavrov-pakistan-2021.txt" in pdf_text(
        (project / "dist" / "lavrov-pakistan-2021.pdf").read_bytes())


@pytest.mark.parametrize("how", ["option", "brief.yaml"])
def it_makes_the_review_copy_on_request_beside_the_readers(project, how):
    if how == "option":
        args = ("make", "--copy", "review", "-f", "pdf,docx,json")
    else:
        (project / "brief.yaml").write_text("copy: review\n", encoding="utf-8")
        args = ("make", "-f", "pdf,docx,json")
    result = cli(project, *args)
    assert result.exit_code == 0, result.output
    dist = project / "dist"
    assert sorted(p.name for p in dist.iterdir() if p.is_file()) == [
        "lavrov-pakistan-2021.review.docx", "lavrov-pakistan-2021.review.json",
        "lavrov-pakistan-2021.review.pdf"]
    for fmt, text in texts(dist, "lavrov-pakistan-2021.review").items():
        assert IDS.search(text) and "Mentioned in" in text, fmt
        assert "Review copy" in text, fmt


def it_refuses_an_unknown_copy_naming_the_line(project):
    (project / "brief.yaml").write_text("paper: a4\ncopy: draft\n", encoding="utf-8")
    result = cli(project, "make")
    assert result.exit_code == 1
    assert "brief.yaml:2: unknown copy 'draft'" in result.output
    assert "use reader" in result.output


def it_mails_the_readers_copy_even_where_the_house_reviews(project):
    (project / "brief.yaml").write_text(
        'copy: review\nmail: {from: "Desk <desk@example.org>", to: [a@example.org]}\n',
        encoding="utf-8")
    result = cli(project, "mail", "sources/lavrov-pakistan-2021.txt")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(
        (project / "dist" / "lavrov-pakistan-2021.eml").read_bytes())
    for part in message.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            assert not IDS.search(part.get_payload(decode=True).decode()), part
        elif part.get_filename():
            data = part.get_payload(decode=True)
            text = pdf_text(data) if part.get_filename().endswith(".pdf") else docx_text(data)
            assert not IDS.search(text) and "Role" in text


def it_gives_provenance_as_discreet_endnotes_where_the_house_wants_it(project):
    (project / "brief.yaml").write_text("provenance: endnotes\n", encoding="utf-8")
    assert cli(project, "make", "-f", "pdf,docx,txt,html").exit_code == 0
    dist = project / "dist"
    found = texts(dist)
    found["txt"] = (dist / "lavrov-pakistan-2021.txt").read_text(encoding="utf-8")
    for fmt, text in found.items():
        assert not IDS.search(text), fmt
        assert "Article, paragraph 1." in text and "Article, paragraph 12." in text, fmt
    assert "Pakistan.¹ It is worth" in found["txt"]  # the number follows its sentence
    assert "<sup" in found["html"]
    import docx

    word = docx.Document(str(dist / "lavrov-pakistan-2021.docx"))
    marks = [r.text for p in word.paragraphs for r in p.runs if r.font.superscript]
    assert marks[:3] == ["1", "2", "3"]


def it_gives_no_endnotes_in_the_review_copy_which_has_its_ids(project):
    (project / "brief.yaml").write_text("provenance: endnotes\ncopy: review\n", encoding="utf-8")
    assert cli(project, "make", "-f", "pdf").exit_code == 0
    text = pdf_text((project / "dist" / "lavrov-pakistan-2021.review.pdf").read_bytes())
    assert IDS.search(text) and "Article, paragraph" not in text


def it_refuses_an_unknown_provenance_naming_the_line(project):
    (project / "brief.yaml").write_text("provenance: footnotes\n", encoding="utf-8")
    result = cli(project, "make")
    assert result.exit_code == 1 and "brief.yaml:1: unknown provenance 'footnotes'" in result.output


@pytest.mark.parametrize(("front", "line"), [
    ('published: "2021-04-07"', "Source: lavrov-pakistan-2021.txt, 7 April 2021"),
    ('author: A. Writer\npublished: "2021-04-07"',
     "Source: lavrov-pakistan-2021.txt, by A. Writer, 7 April 2021"),
    ('url: https://example.org/x\npublished: "2021-04-07"',
     "Source: 7 April 2021 · https://example.org/x"),
])
def it_cites_what_is_known_without_a_stray_comma(project, front, line):
    article = project / "sources" / "lavrov-pakistan-2021.txt"
    article.write_text(f"---\n{front}\n---\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    assert cli(project, "make", "-f", "txt").exit_code == 0
    text = (project / "dist" / "lavrov-pakistan-2021.txt").read_text(encoding="utf-8")
    assert line in " ".join(text.split())


def it_prints_the_analyst_s_date_even_when_it_is_the_article_s(project):
    article = project / "sources" / "lavrov-pakistan-2021.txt"
    article.write_text('---\nsource: Dawn\npublished: "2021-04-07"\n---\n'
                       + article.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text('date: "2021-04-07"\n')
    assert cli(project, "make", "-f", "txt,json").exit_code == 0
    text = (project / "dist" / "lavrov-pakistan-2021.txt").read_text(encoding="utf-8")
    assert "Brief dated 7 April 2021" in text
    brief = json.loads((project / "dist" / "lavrov-pakistan-2021.json").read_text())
    assert brief["date"] == "2021-04-07" and brief["source"]["published"] == "2021-04-07"


def it_leaves_the_brief_s_date_to_the_analyst(project):
    article = project / "sources" / "lavrov-pakistan-2021.txt"
    article.write_text('---\nsource: Dawn\npublished: "2021-04-07"\n---\n'
                       + article.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli(project, "make", "-f", "json").exit_code == 0
    brief = json.loads((project / "dist" / "lavrov-pakistan-2021.json").read_text())
    assert brief["date"] is None and brief["source"]["published"] == "2021-04-07"


def it_refuses_a_source_whose_name_a_review_copy_would_take(project):
    (project / "sources" / "lavrov-pakistan-2021.review.txt").write_text(
        "A minister visited a country on Monday and signed a trade agreement there.\n")
    result = cli(project, "make", "-f", "pdf")
    assert result.exit_code == 1
    assert "lavrov-pakistan-2021.review.txt: has a name ending in '.review'" in result.output
    assert (project / "dist" / "lavrov-pakistan-2021.pdf").exists()  # the other still builds


def it_says_so_in_check_too(project):
    (project / "sources" / "lavrov-pakistan-2021.review.txt").write_text(
        "A minister visited a country on Monday and signed a trade agreement there.\n")
    result = cli(project, "check")
    assert result.exit_code == 1 and "has a name ending in '.review'" in result.output
