"""An analyst's mistakes caught with a suggestion (issue 15): names that match nothing, ids
written loosely, files no reader takes, drift, a project looked for from inside it."""

from __future__ import annotations

import json

import pytest

from conftest import cli

OVERRIDES = "sources/lavrov-pakistan-2021.yaml"


def errors_of(project, *args) -> list[str]:
    result = cli(project, *args)
    assert "Traceback" not in result.output
    return [line for line in result.output.splitlines() if line.startswith("error:")]


def assert_caught(project, text: str, line: int, *expected: str) -> None:
    """`check` and `make` each fail on the overrides `text` with one error at `line` saying
    all of `expected`."""
    (project / OVERRIDES).write_text(text, encoding="utf-8")
    for command in (("check",), ("make", "-f", "json")):
        errors = errors_of(project, *command)
        assert len(errors) == 1, errors
        assert f"{OVERRIDES}:{line}: " in errors[0], errors
        for part in expected:
            assert part in errors[0], errors
    assert not (project / "dist" / "lavrov-pakistan-2021.json").exists()


# Names that match nothing -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("emphasis: {topics: [Energie]}\n", 1, ("no topic label 'Energie'", "did you mean 'Energy'?")),
    ("emphasis:\n  topics:\n    - Health\n    - helth\n", 4, ("'helth'", "did you mean 'Health'")),
    ("outcomes:\n  - text: Talks resume.\n    topic: Defense\n", 3,
     ("no topic label 'Defense'", "did you mean 'Defence & security'?")),
    ("implications:\n  - {text: Expect more., topic: Econmy}\n", 2,
     ("did you mean 'Trade & economy'?",)),
    ("topics: {Diplomcy: Foreign relations}\n", 1, ("no topic label 'Diplomcy'",
                                                    "did you mean 'Diplomacy'?")),
    ("emphasis: {topics: [Quidditch]}\n", 1, ("no topic label 'Quidditch'",
                                              "the labels are: Energy, Defence & security")),
])
def it_names_a_topic_that_is_no_label(project, text, line, expected):
    assert_caught(project, text, line, *expected)


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("emphasis: {actors: [Putn]}\n", 1, ("no actor 'Putn' in the source",
                                         "did you mean 'Putin'?")),
    ("emphasis:\n  actors:\n    - Lavrov\n    - Qureshy\n", 4, ("'Qureshy'",
                                                              "did you mean 'Qureshi'?")),
    ("emphasis: {actors: [Zelensky]}\n", 1, ("no actor 'Zelensky'", "its actors: Sergey Lavrov",
                                             "use emphasis: terms")),
])
def it_names_an_emphasised_actor_the_source_does_not_have(project, text, line, expected):
    assert_caught(project, text, line, *expected)


def it_takes_labels_and_actors_as_the_brief_knows_them(project):
    (project / OVERRIDES).write_text(
        "topics: {Diplomacy: Foreign relations}\n"
        "emphasis: {topics: [energy, Foreign relations], actors: [Putin, shah mahmood]}\n"
        "outcomes:\n  - {text: Ties deepen., topic: foreign RELATIONS}\n"
        "  - {text: Arms sales grow., topic: defence & security}\n", encoding="utf-8")
    result = cli(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    built = json.loads((project / "dist" / "lavrov-pakistan-2021.json").read_text())
    mine = {item["text"]: item["topic"] for item in built["outcomes"]}
    assert mine["Ties deepen."] == "Foreign relations"
    assert mine["Arms sales grow."] == "Defence & security"  # spelt as the brief prints it


def it_leaves_actors_in_brief_yaml_defaults_to_the_sources_that_have_them(project):
    with (project / "brief.yaml").open("a", encoding="utf-8") as settings:
        settings.write("defaults:\n  emphasis: {actors: [Zelensky]}\n")
    result = cli(project, "check")
    assert result.exit_code == 0, result.output


# Sentence ids -----------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "expected"), [
    ("7", "no sentence '7' in the source (did you mean 's7'?"),
    ('"#7"', "no sentence '#7' in the source (did you mean 's7'?"),
    ('"s 7"', "did you mean 's7'?"),
    ('"sentence 7"', "did you mean 's7'?"),
    ('"s7, s8"', "one id per item: write a list, [s7, s8]"),
])
def it_suggests_the_id_a_loose_one_means(project, written, expected):
    assert_caught(project, f"pin: [{written}]\n", 1, expected)


def it_suggests_no_id_that_does_not_exist(project):
    assert_caught(project, "pin: [99]\n", 1, "no sentence '99'", "valid ids are s1 to s32")
    assert "did you mean" not in errors_of(project, "check")[0]


@pytest.mark.parametrize("written", ["S7", "s07", '" s7 "'])
def it_reads_an_id_in_capitals_or_with_zeros_as_the_id(project, written):
    (project / OVERRIDES).write_text(f"pin: {{implications: [{written}]}}\n", encoding="utf-8")
    result = cli(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    built = json.loads((project / "dist" / "lavrov-pakistan-2021.json").read_text())
    assert ["s7"] in [item["sentences"] for item in built["implications"]]
