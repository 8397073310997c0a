"""An analyst's mistakes caught with a suggestion (issue 15): names that match nothing, ids
written loosely, files no reader takes, drift, a project looked for from inside it."""

from __future__ import annotations

import json
import re

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


# Sources named, sources skipped ----------------------------------------------------------


@pytest.mark.parametrize(("name", "hint"), [
    ("lavrov", "(did you mean lavrov-pakistan-2021?)"),
    ("lavrov-pakistan-2012", "(did you mean lavrov-pakistan-2021?)"),
    ("Lavrov-Pakistan", "(did you mean lavrov-pakistan-2021?)"),
    ("zzz", "(the sources are: lavrov-pakistan-2021, notes)"),
])
@pytest.mark.parametrize("command", ["show", "make", "overrides", "mail"])
def it_lists_the_sources_a_mistyped_name_may_mean(project, name, hint, command):
    (project / "sources" / "notes.md").write_text("A second article. It is short.\n")
    result = cli(project, command, name)
    assert result.exit_code == 1
    assert result.output == f"error: {name}: no such source {hint}\n"


def it_says_there_are_no_sources_when_a_name_is_given_to_an_empty_project(tmp_path):
    (tmp_path / "sources").mkdir()
    result = cli(tmp_path, "show", "lavrov")
    assert result.exit_code == 1
    assert "no such source (there are no articles in sources; add a .txt or .md file)" \
        in result.output


@pytest.mark.parametrize("command", [("check",), ("make", "-f", "json")])
def it_warns_of_files_in_sources_no_reader_takes(project, command):
    sources = project / "sources"
    for name in ("notes.rtf", "README", "old.yml", "lavrov-pakistan-2021.yaml", ".DS_Store",
                 "lavrov-pakistan-2021.txt~"):
        (sources / name).write_text("pin: [s7]\n" if name.endswith(".yaml") else "x\n")
    (sources / "drafts").mkdir()
    result = cli(project, *command)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: sources/README: skipped: brief reads no files without an extension "
        "(save the article as .docx, .htm, .html, .markdown, .md, .pdf, .txt to build it)",
        "warning: sources/notes.rtf: skipped: brief reads no .rtf files "
        "(save the article as .docx, .htm, .html, .markdown, .md, .pdf, .txt to build it)",
        "warning: sources/old.yml: skipped: brief reads no .yml files "
        "(an overrides file ends in .yaml)",
    ]


def it_does_not_warn_of_other_files_when_building_named_sources(project):
    (project / "sources" / "notes.rtf").write_text("x\n")
    result = cli(project, "make", "-f", "json", "lavrov-pakistan-2021")
    assert result.exit_code == 0 and "warning" not in result.output


def it_reports_drift_in_check_as_make_does_and_records_nothing(project):
    source = project / "sources" / "lavrov-pakistan-2021.txt"
    (project / OVERRIDES).write_text("pin: [s9]\n", encoding="utf-8")
    assert "warning" not in cli(project, "check").output
    assert not (project / "dist" / ".brief").exists()  # check records nothing
    assert cli(project, "make", "-f", "json").exit_code == 0
    record = project / "dist" / ".brief" / "lavrov-pakistan-2021.json"
    recorded = record.read_bytes()
    source.write_text(source.read_text(encoding="utf-8").replace(
        "Pakistan-Russia mutual relations", "Trade relations"), encoding="utf-8")
    made = cli(project, "make", "-f", "json")
    checked = cli(project, "check")
    assert checked.exit_code == 0  # a warning, as in make, not a problem
    warned = [line for line in checked.output.splitlines() if line.startswith("warning:")]
    assert len(warned) == 1 and "s9 now reads “Trade relations" in warned[0]
    assert warned[0] in made.output
    assert record.read_bytes() == recorded


# Where you stand ---------------------------------------------------------------------------


@pytest.mark.parametrize("inside", ["sources", "dist", "templates/house"])
def it_finds_the_project_from_a_folder_inside_it(project, inside):
    (project / inside).mkdir(parents=True, exist_ok=True)
    made = cli(project / inside, "make", "-f", "json")
    assert made.exit_code == 0, made.output
    assert (project / "dist" / "lavrov-pakistan-2021.json").exists()
    assert not (project / inside / "dist").exists()
    assert "ok:" in cli(project / inside, "check").output
    shown = cli(project / inside, "show", "lavrov-pakistan-2021")
    assert shown.exit_code == 0 and "Key outcomes" in shown.output


def it_names_paths_from_where_you_stand(project):
    made = cli(project / "sources", "make", "-f", "json")
    assert made.output == ("built lavrov-pakistan-2021.txt -> "
                           "../dist/lavrov-pakistan-2021.json\n")
    shown = cli(project / "sources", "show", "lavrov-pakistan-2021.txt")  # tab-completed
    assert shown.exit_code == 0


def it_finds_a_project_of_brief_yaml_alone(tmp_path):
    (tmp_path / "brief.yaml").write_text("organisation: Desk\n")
    (tmp_path / "notes").mkdir()
    result = cli(tmp_path / "notes", "make")
    assert result.exit_code == 1
    assert result.output.startswith("error: ..: no sources/ folder here")


@pytest.mark.parametrize("command", [("show", "x"), ("make",), ("check",), ("overrides", "x"),
                                     ("mail", "x")])
def it_says_so_outside_any_project(tmp_path, command):
    result = cli(tmp_path, *command)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "error: not in a brief project: no brief.yaml or sources/ folder here or in any "
        "folder above (run `brief init DIR` to create one, or cd into a project, "
        "or give its folder with -C DIR)")


def it_names_the_folder_given_with_c_that_is_in_no_project(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    result = cli(tmp_path, "-C", "elsewhere", "show", "x")
    assert result.output.startswith("error: elsewhere: not in a brief project")


def it_adds_an_article_to_a_new_project_outside_any(tmp_path):
    article = tmp_path / "in.txt"
    article.write_text("Talks resumed in Islamabad on Monday. Both sides met for hours.\n")
    (tmp_path / "new").mkdir()
    result = cli(tmp_path / "new", "add", str(article), "--name", "talks")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new" / "sources" / "talks.md").exists()


# Messages that help ------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["audience", "emphasis", "summary_words"])
def it_says_an_overrides_key_at_the_top_of_brief_yaml_belongs_under_defaults(project, key):
    with (project / "brief.yaml").open("a", encoding="utf-8") as settings:
        settings.write(f"{key}: x\n")
    line = len((project / "brief.yaml").read_text().splitlines())
    result = cli(project, "check")
    assert result.exit_code == 1
    assert f"error: brief.yaml:{line}: '{key}' belongs under 'defaults:' in brief.yaml (indent " \
        "it under a line `defaults:`" in result.output


@pytest.mark.parametrize("key", ["pin", "drop", "order"])
def it_says_a_key_naming_sentences_belongs_in_a_source_s_overrides(project, key):
    (project / "brief.yaml").write_text(f"{key}: [s7]\n")
    result = cli(project, "check")
    assert result.exit_code == 1
    assert (f"error: brief.yaml:1: '{key}' names sentences, so it belongs in a source's "
            "overrides file, not brief.yaml (put it in sources/NAME.yaml") in result.output


def it_still_calls_an_unknown_top_level_key_unknown(project):
    (project / "brief.yaml").write_text("organisation: Desk\norganization: Desk\n")
    result = cli(project, "check")
    assert "brief.yaml:2: unknown key 'organization' (did you mean 'organisation'?)" \
        in result.output


@pytest.mark.parametrize(("given", "missing", "hint"), [
    (("--to", "a@example.org"), "sender", "give --from ADDR, or set mail: {from: …} in brief.yaml"),
    (("--from", "a@example.org"), "recipients",
     "give --to ADDR, or set mail: {to: […]} in brief.yaml"),
])
def it_names_the_option_a_message_without_sender_or_recipients_needs(project, given, missing,
                                                                     hint):
    result = cli(project, "mail", "lavrov-pakistan-2021", *given)
    assert result.exit_code == 1
    assert result.output == f"error: brief.yaml: no {missing} for the message ({hint})\n"


@pytest.mark.parametrize(("directory", "hint"), [
    ("My Briefs", "Next: cd 'My Briefs' && brief make"),
    ("it's", "Next: cd 'it'\"'\"'s' && brief make"),
    ("plain", "Next: cd plain && brief make"),
    (".", "Next: brief make"),
])
def it_prints_a_cd_hint_that_works_when_pasted(tmp_path, directory, hint):
    import shlex
    import subprocess

    (tmp_path / "here").mkdir()
    result = cli(tmp_path / "here", "init", directory)
    assert result.exit_code == 0
    last = result.output.splitlines()[-1]
    assert last == hint
    command = last.removeprefix("Next: ").replace("brief make", "pwd")
    shown = subprocess.run(["sh", "-c", command], cwd=tmp_path / "here", capture_output=True,
                           text=True, check=True).stdout.strip()
    assert shown == str((tmp_path / "here" / directory).resolve())
    assert shlex.split(last)  # one well-formed line


@pytest.mark.parametrize("args", [("overrides", "lavrov-pakistan-2021", "-o", "a/b/c.yaml"),
                                  ("mail", "lavrov-pakistan-2021", "--to", "x@example.org",
                                   "--from", "y@example.org", "--out", "a/b/c.eml")])
def it_creates_the_missing_folders_of_an_output_path(project, args):
    result = cli(project, *args)
    assert result.exit_code == 0, result.output
    assert (project / args[-1]).stat().st_size > 0


def it_says_why_an_output_folder_cannot_be_made(project):
    (project / "a").write_text("a file, not a folder\n")
    result = cli(project, "overrides", "lavrov-pakistan-2021", "-o", "a/b/c.yaml")
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot write a/b/c.yaml: a part of the path is a "
                                    "file, not a folder")


# YAML syntax in plain words ----------------------------------------------------------------

YAML_MISTAKES = [  # (text, line, column of the caret, message, hint)
    ("pin:\n  - s7\n drop: [s6]\n", 3, 1,
     "this line is indented 1 space, which lines it up with no key above it",
     "start it at the margin, as on line 1"),
    ("emphasis:\n  terms: [a]\n   topics: [Energy]\n", 3, 3,
     "this line is indented 3 spaces, which lines it up with no key above it",
     "indent it 2 spaces, as on line 2"),
    ("outcomes:\n  - text: Talks.\n   topic: Energy\n", 3, 3, "indented 3 spaces",
     "indent it 4 spaces, as on line 2"),
    ("title: Russia: a partner\n", 1, 13, "a second ': ' on this line", "in quotes"),
    ("title:Russia\npin: [s1]\n", 1, 0, "this line has no ': ' after its key",
     "with a space after the colon"),
    ("pin: [s7, s8\ndrop: [s1]\n", 1, 5, "the '[' here is never closed with ']'", "close it"),
    ("emphasis: {terms: [a]\n", 1, 10, "the '{' here is never closed with '}'", "close it"),
    ('title: "Russia\npin: [s1]\n', 1, 7, "the quote opened here is never closed", "quote mark"),
    ("pin:\n\t- s7\n", 2, 0, "a tab here: YAML indents with spaces, never tabs",
     "replace the tab with spaces"),
    ("pin: - s7\n", 1, 5, "a list item ('- ') cannot follow its key on the same line",
     "key: [a, b]"),
    ("pin: [s1]\n- s2\n", 2, 0, "a list item where a key was expected", "indent it under"),
    ("title: a\npin [s1]\n", 2, 0, "this line has no ': ' after its key", "key: value"),
    ("title: 'it's here'\n", 1, 11, "text after the closing quote", "write ' as ''"),
    ("title: @home\n", 1, 7, "a value cannot start with '@' unquoted", "in quotes"),
    ("emphasis: {terms [a]}\n", 1, 17, "inside {…}, write key: value pairs separated by commas",
     "e.g. {terms"),
]


def _parsers():
    import yaml

    yield yaml.SafeLoader
    if yaml.__with_libyaml__:
        yield yaml.CSafeLoader


@pytest.mark.parametrize(("text", "line", "column", "message", "hint"), YAML_MISTAKES)
def it_explains_a_yaml_mistake_in_plain_words_whichever_parser_finds_it(text, line, column,
                                                                       message, hint):
    import yaml

    from brief.yamlerrors import explain

    for loader in _parsers():  # PyYAML's parser and libyaml word their errors differently
        with pytest.raises(yaml.YAMLError) as caught:
            yaml.load(text, Loader=loader)
        error = explain(caught.value, text, "x.yaml", 1)
        assert message in error.message and error.line == line, (loader, str(error))
        assert hint in error.hint
        shown, under = error.excerpt.splitlines()
        assert shown == f"  {line} | {text.splitlines()[line - 1]}"
        assert under.index("^") == shown.index("|") + 2 + column
        for jargon in ("<block", "but found", "did not find", "mapping values", "scalar",
                       "token"):
            assert jargon not in str(error).split("\n")[0]


@pytest.mark.parametrize("where", ["overrides", "brief.yaml", "style.yaml", "front matter"])
def it_shows_the_line_of_a_yaml_mistake_with_a_caret_in_every_yaml_file(project, where):
    text = "author: x\nmarking: [OFFICIAL\n"
    sources = project / "sources"
    if where == "overrides":
        path, line = sources / "lavrov-pakistan-2021.yaml", 2
        path.write_text(text)
    elif where == "brief.yaml":
        path, line = project / "brief.yaml", 2
        path.write_text(text)
    elif where == "style.yaml":
        from brief.render.template import builtin_root

        house = project / "templates" / "house"
        house.mkdir(parents=True)
        (house / "brief.html.j2").write_text(
            (builtin_root() / "default" / "brief.html.j2").read_text())
        path, line = house / "style.yaml", 2
        path.write_text("paper: a4\nsizes: {body: 10\n")
        (project / "brief.yaml").write_text("template: house\n")
    else:
        path, line = sources / "lavrov-pakistan-2021.txt", 3
        path.write_text("---\n" + text + "---\n" + path.read_text())
    result = cli(project, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    first = next(i for i, text in enumerate(lines) if text.startswith("error:"))
    assert f":{line}: the " in lines[first] and "is never closed with" in lines[first]
    assert lines[first + 1].startswith(f"  {line} | ")
    assert lines[first + 2].strip().endswith("^")


# The overrides skeleton --------------------------------------------------------------------

ARTICLES = {
    "gas-deal": (
        "Germany and Qatar sign a gas deal\n\n"
        "German Economy Minister Robert Habeck signed a 15-year agreement with QatarEnergy in "
        "Doha on Tuesday. Under the deal, Qatar will ship 2 million tonnes of liquefied natural "
        "gas a year to Germany from 2026. Habeck said the agreement would strengthen energy "
        "security after the loss of Russian pipeline gas.\n\n"
        "Prices for gas in Europe fell by 4 percent after the announcement. The European "
        "Commission welcomed the deal as a step towards diversifying supply. Critics said "
        "long contracts for fossil fuel undermine climate targets.\n\n"
        "Habeck will travel to Norway in March to discuss further supplies. Analysts expect "
        "more such agreements as Europe rebuilds its energy trade.\n"),
    "short": "The river rose overnight. Roads were closed in the valley. Schools stay shut.\n",
}


def examples_of(skeleton: str) -> list[list[int]]:
    """Return each example of the skeleton as the line numbers to uncomment together: a key
    with its own value alone; a list with its entries; a mapping once per sub-key."""
    lines = skeleton.split("\n")
    end = next(i for i, line in enumerate(lines) if line.startswith("# Sentences of"))
    examples, i = [], 0
    while i < end:
        line = lines[i]
        if not re.match(r"# [a-z_]+:", line):
            i += 1
            continue
        block, j = [], i + 1
        while j < end and lines[j].startswith("#   "):
            block.append(j)
            j += 1
        if block and not lines[block[0]].lstrip("# ").startswith("-"):  # a mapping: each key
            examples += [[i, k] for k in block]
        else:
            examples.append([i, *block])
        i = j
    return examples


@pytest.mark.parametrize("name", ["lavrov-pakistan-2021", *ARTICLES])
def it_writes_a_skeleton_whose_every_example_builds_when_uncommented(project, name):
    if name in ARTICLES:
        (project / "sources" / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    skeleton = cli(project, "overrides", name, "-o", "-").output
    lines = skeleton.split("\n")
    examples = examples_of(skeleton)
    assert len(examples) >= 20
    for example in examples:
        text = "\n".join(line[2:] if i in example else line for i, line in enumerate(lines))
        (project / "sources" / f"{name}.yaml").write_text(text, encoding="utf-8")
        result = cli(project, "make", "-f", "json", name)
        assert result.exit_code == 0, ([lines[i] for i in example], result.output)
        assert "warning" not in result.output


def it_takes_the_skeleton_s_examples_from_the_article(project):
    (project / "sources" / "gas-deal.txt").write_text(ARTICLES["gas-deal"], encoding="utf-8")
    skeleton = cli(project, "overrides", "gas-deal", "-o", "-").output
    head = skeleton.split("# Sentences of")[0]
    assert "Pakistan Stream" not in head and "s25" not in head  # the sample's, before
    assert re.search(r"#   actors: \[Habeck\]", head)
    assert re.search(r"#   terms: \[.*(2 million tonnes|4 percent)", head)
    assert "Energy" in re.search(r"#   topics: \[(.*)\]", head)[1]


def it_leaves_out_the_actors_example_for_an_article_without_actors(project):
    (project / "sources" / "short.txt").write_text(ARTICLES["short"], encoding="utf-8")
    skeleton = cli(project, "overrides", "short", "-o", "-").output
    assert "actors:" not in skeleton


@pytest.mark.parametrize(("where", "line"), [("overrides", 2), ("front matter", 3)])
def it_names_an_impossible_date_once_with_file_and_line(project, where, line):
    source = project / "sources" / "lavrov-pakistan-2021.txt"
    if where == "overrides":
        (project / OVERRIDES).write_text("title: T\ndate: 2021-02-30\n", encoding="utf-8")
        named = OVERRIDES
    else:
        source.write_text("---\ntitle: T\npublished: 2021-02-30\n---\n" + source.read_text())
        named = "sources/lavrov-pakistan-2021.txt"
    for command in (("check",), ("make", "-f", "json")):
        errors = errors_of(project, *command)
        assert errors == [f"error: {named}:{line}: '2021-02-30' is not a real date or time: day "
                          "is out of range for month (write a date as YYYY-MM-DD, a time as "
                          "HH:MM from 00:00 to 23:59)"]
