"""Every override key, through the public pipeline (README, "Overrides")."""

import pytest

from brief.errors import BriefError
from brief.extract.segment import segment
from brief.override.apply import problems
from brief.pipeline import compile_source, open_project
from brief.read.source import read

SOURCE = "sources/lavrov-pakistan-2021"


@pytest.fixture
def brief_with(project):
    """Return a function compiling the sample with the given overrides (and brief.yaml)."""

    def brief_with(overrides: str, settings: str | None = None):
        (project / f"{SOURCE}.yaml").write_text(overrides, encoding="utf-8")
        if settings is not None:
            (project / "brief.yaml").write_text(settings, encoding="utf-8")
        return compile_source(project / f"{SOURCE}.txt", open_project(project).settings)

    return brief_with


def used(brief) -> list[str]:
    return [s for items in (brief.summary, brief.outcomes, brief.implications, brief.watch)
            for item in items for s in item.sentences]


def it_sets_the_texts_of_the_title_block(brief_with):
    brief = brief_with("title: T\nsubtitle: S\ndate: 2021-04-08\nauthor: Desk A\n"
                       "audience: Minister\nmarking: OFFICIAL-SENSITIVE\n")
    assert (brief.title, brief.subtitle, brief.date, brief.author, brief.audience,
            brief.marking) == ("T", "S", "2021-04-08", "Desk A", "Minister",
                               "OFFICIAL-SENSITIVE")


def it_replaces_the_summary_with_the_analyst_s_text(brief_with):
    brief = brief_with("summary: Russia courts Pakistan.\n")
    assert [(i.text, i.origin, i.sentences) for i in brief.summary] == [
        ("Russia courts Pakistan.", "analyst", ())]


def it_builds_the_summary_from_the_sentences_named(brief_with):
    brief = brief_with("summary: [s23, s7]\n")
    assert [i.sentences for i in brief.summary] == [("s23",), ("s7",)]
    assert "s23" not in [s for i in brief.outcomes for s in i.sentences]


def it_pins_and_drops_as_lists(brief_with):
    brief = brief_with("pin: [s9]\ndrop: [s7, s1]\n")
    assert "s9" in used(brief) and not {"s7", "s1"} & set(used(brief))


def it_drops_from_one_section_only(brief_with):
    brief = brief_with("drop: {summary: [s1], outcomes: [s7]}\n")
    assert "s1" not in [s for i in brief.summary for s in i.sentences]
    assert "s7" not in [s for i in brief.outcomes for s in i.sentences]
    assert "s7" in [s for i in brief.summary for s in i.sentences]  # free for other sections


def it_pins_into_the_section_named(brief_with):
    brief = brief_with("pin: {outcomes: [s9], implications: [s4], summary: [s29]}\n")
    assert brief.outcomes[0].sentences == ("s9",)
    assert ("s4",) in [i.sentences for i in brief.implications]
    assert ("s29",) in [i.sentences for i in brief.summary]


def it_leads_the_outcomes_with_pins_in_the_order_pinned(brief_with):
    brief = brief_with("pin: {outcomes: [s9, s4, s29]}\n")
    assert [i.sentences[0] for i in brief.outcomes[:3]] == ["s9", "s4", "s29"]


def it_orders_and_caps_the_outcomes(brief_with):
    brief = brief_with("order: [s28, s15]\nmax_outcomes: 4\n")
    assert [i.sentences[0] for i in brief.outcomes[:2]] == ["s28", "s15"]
    assert len(brief.outcomes) == 4


def it_bounds_the_summary_by_words(brief_with):
    brief = brief_with("summary_words: 30\n")
    # Whole sentences within the budget: the 56-word lead gives way to a shorter one.
    assert sum(len(i.text.split()) for i in brief.summary) <= 30
    assert not any("…" in i.text for i in brief.summary)


def it_renames_topics_by_label_and_by_sentence(brief_with):
    brief = brief_with("topics: {Health: Public health, s7: Counter-terrorism}\n")
    topics = {i.sentences[0]: i.topic for i in brief.outcomes}
    assert topics["s28"] == "Public health" and topics["s7"] == "Counter-terrorism"


def it_emphasises_terms_topics_and_actors(brief_with):
    brief = brief_with("emphasis: {terms: [Pakistan Stream], topics: [Health], "
                       "actors: [Putin]}\n")
    assert brief.emphasis == ("Pakistan Stream", "Putin")
    assert brief.outcomes[0].topic == "Health"
    assert brief.actors[0].name == "Vladimir Putin"


def it_adds_the_analyst_s_own_items_marked_as_theirs(brief_with):
    brief = brief_with("outcomes: [{text: Mine., topic: Energy}]\nimplications: [Also mine.]\n"
                       "watch: [{text: The SCO summit., when: June 2021}]\n")
    assert (brief.outcomes[-1].text, brief.outcomes[-1].origin) == ("Mine.", "analyst")
    assert brief.implications[-1].origin == "analyst"
    assert (brief.watch[-1].when, brief.watch[-1].origin) == ("June 2021", "analyst")


def it_starts_from_project_defaults_and_lets_the_source_win(brief_with):
    settings = ("defaults:\n  marking: OFFICIAL\n  audience: Desk\n"
                "  emphasis: {terms: [Lavrov], topics: [Energy]}\n")
    brief = brief_with("audience: Minister\nemphasis: {terms: [Qureshi]}\n", settings)
    assert (brief.marking, brief.audience) == ("OFFICIAL", "Minister")
    assert brief.emphasis == ("Qureshi",)
    assert brief.outcomes[0].topic == "Energy"  # the defaults' topics still apply


def it_refuses_sentence_ids_in_project_defaults(brief_with):
    with pytest.raises(BriefError) as caught:
        brief_with("", "defaults:\n  pin: [s7]\n")
    assert "brief.yaml:2: 'pin' names sentences" in str(caught.value)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("max_outcomes: 40\n", 1, "'max_outcomes' must be a whole number from 1 to 12"),
    ("summary_words: many\n", 1, "'summary_words' must be a whole number from 20 to 300"),
    ("summary: [s7, s99]\n", 1, "no sentence 's99'"),
    ("pin: {outcome: [s7]}\n", 1, "unknown key 'outcome' (did you mean 'outcomes'?)"),
    ("order:\n  - s7\n  - s70\n", 3, "no sentence 's70'"),
    ("topics: [Energy]\n", 1, "'topics' must map a topic or a sentence id"),
    ("topics: {s700: X}\n", 1, "no sentence 's700'"),
    ("watch: [{text: Summit.}]\n", 1, "a 'watch' entry needs 'when'"),
    ("emphasis: {actor: [x]}\n", 1, "did you mean 'actors'?"),
    ("subtitel: x\n", 1, "did you mean 'subtitle'?"),
])
def it_names_the_line_of_each_mistake(brief_with, text, line, message):
    with pytest.raises(BriefError) as caught:
        brief_with(text)
    assert caught.value.line == line and message in str(caught.value)


def it_lists_every_problem_of_a_file(project):
    path = project / f"{SOURCE}.yaml"
    path.write_text("titel: x\npin: [s99]\nmax_outcomes: 0\ndrop: [s1]\n", encoding="utf-8")
    found = problems(path, segment(read(project / f"{SOURCE}.txt")))
    assert [e.line for e in found] == [1, 2, 3]
