"""Plain text that is plain (the e-mail's text/plain part), and Markdown that escapes only
what Markdown needs."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from brief.pipeline import compile_source
from brief.render.doctree import Document, Meta, Paragraph, Span, Table
from brief.render.layout import layout
from brief.render.template import builtin_root
from brief.render.writers import writer
from brief.render.writers.md import escape
from brief.render.writers.text import WIDTH, to_text
from brief.settings import Settings

from conftest import SAMPLE

FOLDER = builtin_root() / "default"


@pytest.fixture(scope="module")
def sample():
    return compile_source(SAMPLE)


@pytest.fixture(scope="module")
def text(sample):
    brief = dataclasses.replace(sample, marking="OFFICIAL")
    return to_text(layout(brief, Settings(), FOLDER, "7 April 2021"))


def it_wraps_every_line_within_76_columns(text):
    assert max(len(line) for line in text.splitlines()) <= WIDTH


def it_has_no_markup_escapes_or_pipes(text):
    assert "\\" not in text and "|" not in text and "**" not in text and "](" not in text


def it_underlines_headings_and_bullets_items(text):
    lines = text.splitlines()
    assert lines[0] == "OFFICIAL"
    summary = lines.index("Summary")
    assert lines[summary + 1] == "-" * len("Summary")
    title = next(i for i, line in enumerate(lines) if line.startswith("Russian Foreign"))
    assert set(lines[title + 1]) == {"="} and len(lines[title + 1]) == len(lines[title])
    assert any(line.startswith("* Trade & economy — Addressing") for line in lines)


def it_sets_tables_as_aligned_columns(text):
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Figure"))
    assert lines[header + 1].startswith("---") and "  ---" in lines[header + 1]
    measure = lines[header].index("What it measures")
    row = lines[header + 2]
    assert row.startswith("nine years") and row[measure:].startswith("first time")


def it_gives_a_link_once():
    meta = Meta(title="t", author="", subject="", keywords=(), language="en", marking=None,
                date="", paper=None, organisation="")
    url = "https://example.org/a"
    doc = Document(meta, (Paragraph((Span("Source: "), Span(url, href=url))),
                          Paragraph((Span("the article", href=url),))))
    assert to_text(doc) == f"Source: {url}\n\nthe article <{url}>\n"


def it_wraps_a_wide_table_within_its_columns():
    meta = Meta(title="t", author="", subject="", keywords=(), language="en", marking=None,
                date="", paper=None, organisation="")
    rows = (((Span("Name"),), (Span("Role"),)),
            ((Span("Shah Mahmood Qureshi"),), (Span("Foreign Minister " * 8),)))
    out = to_text(Document(meta, (Table(rows, 1),)))
    assert max(len(line) for line in out.splitlines()) <= WIDTH
    assert out.splitlines()[3].startswith(" " * len("Shah Mahmood Qureshi  ") + "Foreign")


def it_is_the_text_part_of_the_mail(project):
    import email

    from conftest import cli

    (project / "brief.yaml").write_text(
        'mail: {from: "Desk <desk@example.org>", to: [a@example.org]}\n', encoding="utf-8")
    assert cli(project, "mail", "sources/lavrov-pakistan-2021.txt").exit_code == 0
    message = email.message_from_bytes(
        (project / "dist" / "lavrov-pakistan-2021.eml").read_bytes())
    plain = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    assert plain["Content-Transfer-Encoding"] == "quoted-printable"
    body = plain.get_payload(decode=True).decode().replace("\r\n", "\n")
    assert "\\" not in body and "Summary\n-------" in body
    assert max(len(line) for line in body.splitlines()) <= WIDTH


def it_writes_txt_as_a_format(sample):
    data = writer("txt").render(sample, layout(sample, Settings(), FOLDER, "x"), None)
    assert data.decode().startswith("Policy brief")


# Markdown ---------------------------------------------------------------------------------


def it_leaves_what_markdown_reads_as_text_unescaped():
    assert escape("exports of liquefied natural gas (LNG) rose [Lavrov] said, #1 of 3!") == (
        "exports of liquefied natural gas (LNG) rose [Lavrov] said, #1 of 3!")


@pytest.mark.parametrize(("text", "escaped"), [
    ("a *b* c", r"a \*b\* c"),
    ("snake_case", r"snake\_case"),
    ("[x](javascript:alert(1))", r"[x\](javascript:alert(1))"),
    ("<b>bold</b>", r"\<b\>bold\</b\>"),
    ("# not a heading", r"\# not a heading"),
    ("1. not a list", r"1\. not a list"),
    ("- not a bullet", r"\- not a bullet"),
    ("&amp; stays", r"\&amp; stays"),
])
def it_escapes_what_markdown_would_read_as_markup(text, escaped):
    assert escape(text) == escaped


PARSER = MarkdownIt("commonmark")
MARKUP_TEXT = st.text(st.sampled_from(list("ab1 .*_`[]()<>!#-+=&;~\\|:")), min_size=1,
                      max_size=40).map(lambda t: " ".join(t.split())).filter(str.strip)


def _rendered_text(markdown: str) -> str:
    """Return the text CommonMark reads in `markdown`: what a reader sees, no markup."""
    out = []
    for token in PARSER.parse(markdown):
        if token.type != "inline":
            continue
        for child in token.children:
            if child.type in ("text", "code_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif child.type not in ("em_open", "em_close", "strong_open", "strong_close"):
                out.append(f"<{child.type}>")  # a link, an image, HTML: markup leaked
    return "".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP_TEXT)
def it_keeps_any_text_as_text_through_a_commonmark_parser(text):
    assert _rendered_text(escape(text)) == text
