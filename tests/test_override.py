import pytest

from brief.errors import BriefError
from brief.extract.segment import segment
from brief.override.apply import Overrides, apply, load
from brief.pipeline import compile_source
from brief.read.source import read

from conftest import SAMPLE


@pytest.fixture(scope="module")
def sentences():
    return segment(read(SAMPLE))


def overrides(write, sentences, text: str) -> Overrides:
    return load(write("a.yaml", text), sentences)


def it_reads_every_key(write, sentences):
    o = overrides(write, sentences, """
title: "Russia and Pakistan draw closer"
marking: OFFICIAL
pin: [s7, s25]
drop: s6
emphasis:
  terms: ["Pakistan Stream", "46 percent"]
  topics: [Energy]
outcomes:
  - text: "Islamabad gains a defence supplier."
    topic: Defence & security
implications:
  - "Expect Indian concern."
""")
    assert o.title == "Russia and Pakistan draw closer" and o.marking == "OFFICIAL"
    assert o.pin == {"s7": None, "s25": None} and o.drop == {"s6"}
    assert o.terms == ("Pakistan Stream", "46 percent") and o.topics == ("Energy",)
    assert o.outcomes[0].origin == "analyst" and o.outcomes[0].topic == "Defence & security"
    assert o.implications[0].text == "Expect Indian concern."
    assert o.implications[0].sentences == ()


def it_drops_control_characters_from_the_analyst_s_text(write, sentences):
    o = overrides(write, sentences, 'title: "A\\x01 title"\nimplications: ["Bell\\x07 rings"]\n')
    assert o.title == "A title" and o.implications[0].text == "Bell rings"


def it_treats_a_missing_or_all_comment_file_as_no_overrides(tmp_path, write, sentences):
    assert load(tmp_path / "none.yaml", sentences) == Overrides()
    assert overrides(write, sentences, "# title: x\n") == Overrides()


@pytest.mark.parametrize(("text", "line", "message"), [
    ("title: x\ntitel: y\n", 2, "unknown key 'titel' (did you mean 'title'?)"),
    ("pin: [s7]\ndrop: [s999]\n", 2, "no sentence 's999' in the source (valid ids are s1 to s32"),
    ("pin:\n  - s7\n  - s0\n", 3, "no sentence 's0'"),
    ("title: [a, b]\n", 1, "'title' must be text"),
    ("emphasis: bold\n", 1, "emphasis must be a mapping"),
    ("emphasis:\n  term: [x]\n", 2, "unknown key 'term' (did you mean 'terms'?)"),
    ("outcomes:\n  - topic: Energy\n", 2, "has no text"),
    ("pin: [s7]\ndrop: [s6, s7]\n", 2, "s7 is both pinned and dropped"),
    ("title: 'unclosed\n", 1, "the quote opened here is never closed"),
])
def it_names_file_and_line_of_each_mistake(write, sentences, text, line, message):
    with pytest.raises(BriefError) as caught:
        overrides(write, sentences, text)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert "a.yaml" in str(caught.value)


def it_applies_title_marking_emphasis_and_analyst_items(project):
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text(
        "title: Own title\nmarking: SECRET\nemphasis: {terms: [Lavrov], topics: [Health]}\n"
        "implications: [Mine.]\noutcomes: [Also mine.]\n", encoding="utf-8")
    brief = compile_source(project / "sources" / "lavrov-pakistan-2021.txt")
    assert brief.title == "Own title" and brief.marking == "SECRET"
    assert brief.emphasis == ("Lavrov",)
    assert brief.outcomes[0].topic == "Health"  # emphasised topic first
    assert brief.outcomes[-1].text == "Also mine." and brief.outcomes[-1].origin == "analyst"
    assert brief.implications[-1].origin == "analyst"


def it_leaves_a_brief_alone_without_overrides(project):
    path = project / "sources" / "lavrov-pakistan-2021.txt"
    brief = compile_source(path)
    assert apply(brief, Overrides()) == brief
