import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.errors import BriefError
from brief.pipeline import compile_source
from brief.render.doctree import Heading, ListBlock, Paragraph, Table
from brief.render.layout import emphasize, layout, parse_html
from brief.render.template import builtin_root
from brief.settings import Settings


def it_parses_the_html_subset_into_blocks():
    blocks = parse_html("""
<header class="masthead"><h1>Title &amp; more</h1><p class="meta">A <a href="http://x">link</a></p></header>
<section class="outcomes"><h2>Outcomes</h2>
<ul><li class="analyst"><span class="label">Energy</span> Gas <strong>flows</strong>.</li></ul>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></section>""")
    heading, meta, h2, items, table = blocks
    assert isinstance(heading, Heading) and heading.spans[0].text == "Title & more"
    assert heading.classes == ("masthead",)
    assert isinstance(meta, Paragraph) and meta.spans[1].href == "http://x"
    assert isinstance(items, ListBlock) and items.item_classes == (("analyst",),)
    label, text, bold, end = items.items[0]
    assert label.classes == ("label",) and bold.bold and bold.text == "flows"
    assert text.text == " Gas " and end.text == "."
    assert isinstance(table, Table) and table.header_rows == 1
    assert [[c[0].text for c in row] for row in table.rows] == [["A", "B"], ["1", "2"]]


def it_collapses_whitespace_as_html_does():
    (paragraph,) = parse_html("<p>\n  one   two\n  <em> three </em>  four\n</p>")
    assert "".join(s.text for s in paragraph.spans) == "one two three four"


def it_refuses_tags_outside_the_subset():
    with pytest.raises(BriefError, match="<img>"):
        parse_html("<p>x</p><img src='a.png'>", "brief.html.j2")


def it_bolds_whole_words_case_insensitively_and_escapes_the_rest():
    html = str(emphasize("Gas & <gas>, gasoline.", ("GAS",)))
    assert html == "<strong>Gas</strong> &amp; &lt;<strong>gas</strong>&gt;, gasoline."


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1)
       .filter(str.strip))
def it_never_lets_text_become_markup(text):
    """Whatever the source says comes out of the template as the same characters."""
    (paragraph,) = parse_html(f"<p>{emphasize(text, ('a', 'the'))}</p>")
    expected = " ".join(text.split())
    assert "".join(s.text for s in paragraph.spans) == expected


def it_lays_out_the_sample_with_the_three_sections(project):
    brief = compile_source(project / "sources" / "lavrov-pakistan-2021.txt")
    document = layout(brief, Settings(), builtin_root() / "default", "1 May 2021")
    headings = [b.spans[0].text for b in document.blocks if isinstance(b, Heading)]
    assert headings[:4] == [brief.title, "Summary", "Key outcomes", "Implications"]
    assert document.meta.title == brief.title and document.meta.date == "1 May 2021"


def it_names_the_template_file_and_line_of_a_template_error(tmp_path, project):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "brief.html.j2").write_text("<p>ok</p>\n<p>{{ brief.nope }}</p>\n{% if %}")
    brief = compile_source(project / "sources" / "lavrov-pakistan-2021.txt")
    with pytest.raises(BriefError) as caught:
        layout(brief, Settings(), folder, "today")
    assert "brief.html.j2" in str(caught.value) and caught.value.line == 3


def it_compiles_a_template_once_yet_sees_each_brief_and_each_edit(tmp_path, project):
    import dataclasses
    import os

    brief = compile_source(project / "sources" / "lavrov-pakistan-2021.txt")
    template = tmp_path / "brief.html.j2"
    template.write_text("<p>{{ brief.title|emphasize }}</p>")
    for terms in (("Lavrov",), ("Pakistan",)):  # one environment, each brief's own terms
        document = layout(dataclasses.replace(brief, emphasis=terms), Settings(), tmp_path, "x")
        assert [s.text for s in document.blocks[0].spans if s.bold] == list(terms)
    template.write_text("<p>Edited: {{ brief.title }}</p>")
    os.utime(template, (template.stat().st_mtime + 5,) * 2)
    document = layout(brief, Settings(), tmp_path, "x")
    assert document.blocks[0].spans[0].text.startswith("Edited:")


def it_keeps_compiled_templates_between_runs(tmp_path, project, monkeypatch):
    import tempfile

    import jinja2

    from brief.render.layout import environment

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))  # its own cache folder
    (tmp_path / "tmp").mkdir()
    compiled = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *a, **k: compiled.append(a[1]) or compile_(self, *a, **k))
    folder = tmp_path / "template"
    folder.mkdir()
    (folder / "brief.html.j2").write_text("<p>{{ brief.title }}</p>")
    environment(folder).get_template("brief.html.j2")  # as a first run: compiled
    environment(folder).get_template("brief.html.j2")  # as a later run: from the cache
    assert compiled == ["brief.html.j2"]
    (folder / "brief.html.j2").write_text("<p>Edited {{ brief.title }}</p>")
    edited = environment(folder).get_template("brief.html.j2")
    assert len(compiled) == 2 and "Edited" in edited.render(brief={"title": "x"})
