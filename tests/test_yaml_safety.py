"""Hostile and mistaken YAML (overrides, front matter, brief.yaml, style.yaml): one clear error
naming the file and line, never a hang, a traceback or a silent wrong value, and the other
sources still built."""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.render.template import builtin_root
from brief.yamlio import MAX_BYTES, parse

from conftest import cli

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "lavrov-pakistan-2021.txt"
BRIEF = Path(sys.executable).parent / "brief"

BILLION_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True))
WHERE = ["overrides", "front matter", "brief.yaml", "style.yaml"]
FILES = {"overrides": "bad.yaml", "front matter": "bad.txt", "brief.yaml": "brief.yaml",
         "style.yaml": "style.yaml"}
# A text key each kind of file has, so that only the case under test is wrong.
TEXT_KEY = {"overrides": "author", "front matter": "author", "brief.yaml": "author",
            "style.yaml": "paper"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a project of two sources, good.txt and bad.txt (the same article)."""
    (tmp_path / "sources").mkdir()
    for name in ("good.txt", "bad.txt"):
        shutil.copy(SAMPLE, tmp_path / "sources" / name)
    return tmp_path


def put(project: Path, where: str, content: str | bytes) -> int:
    """Write `content` where `where` says; return the line offset of its first line."""
    data = content.encode() if isinstance(content, str) else content
    if where == "front matter":
        (project / "sources" / "bad.txt").write_bytes(b"---\n" + data + b"---\n"
                                                      + SAMPLE.read_bytes())
        return 1
    if where == "style.yaml":
        house = project / "templates" / "house"
        house.mkdir(parents=True, exist_ok=True)
        shutil.copy(builtin_root() / "default" / "brief.html.j2", house)
        (project / "brief.yaml").write_text("template: house\n")
        (house / "style.yaml").write_bytes(data)
        return 0
    path = project / ("sources/bad.yaml" if where == "overrides" else "brief.yaml")
    path.write_bytes(data)
    return 0




def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error:")]


def assert_one_error(project: Path, where: str, line: int | None, message: str,
                     *args: str) -> None:
    """`brief check` and `brief make` each report the error once, naming file and line; in a
    source's own files, the other source is still built."""
    located = FILES[where] + (f":{line}: " if line else ": ")
    for command in (("check",), ("make", "-f", "json" if where != "style.yaml" else "md")):
        result = cli(project, *command, *args)
        assert result.exit_code == 1, result.output
        errors = error_lines(result.output)
        assert len([e for e in errors if located in e and message in e]) >= 1, result.output
        assert "Traceback" not in result.output
    if where in ("overrides", "front matter"):
        assert len(errors) == 1, result.output
        assert "built sources/good.txt -> dist/good.json" in result.output
        assert not (project / "dist" / "bad.json").exists()


def limited_memory():
    """Keep a regression from eating the machine: 2 GB of address space at most."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


# Anchors, aliases and other YAML that brief does not read --------------------------------


@pytest.mark.parametrize("where", WHERE)
def it_refuses_billion_laughs_at_once_without_expanding_them(project, where):
    offset = put(project, where, BILLION_LAUGHS)
    for command in (["check"], ["make", "-f", "json,md"]):
        done = subprocess.run([str(BRIEF), *command], cwd=project, capture_output=True,
                              text=True, timeout=30, preexec_fn=limited_memory)
        assert done.returncode == 1
        assert re.search(rf"error: .*{re.escape(FILES[where])}:{1 + offset}: anchors and "
                         r"aliases \(&x, \*x\) are not allowed", done.stderr), done.stderr
        assert "Traceback" not in done.stderr
    if where in ("overrides", "front matter"):
        assert (project / "dist" / "good.json").exists()


@pytest.mark.parametrize(("text", "line", "message"), [
    ("{key}: x\nrecursive: &r [*r]\n", 2, "anchors and aliases (&x, *x) are not allowed"),
    ("{key}: a4\n{key}: a4\n", 2, "duplicate key '{key}' (first on line {first})"),
    ("{key}: !!int 0x_\n", 1, "YAML tags such as !!int are not allowed"),
    ("{key}: !!python/object/apply:os.system ['echo hi']\n", 1,
     "YAML tags such as !!python/object/apply:os.system are not allowed"),
    ("{key}: " + "[" * 60 + "]" * 60 + "\n", 1, "nested more than 50 levels deep"),
    ("{key}: " + "9" * 5000 + "\n", 1, "cannot read the value '999"),
    ("{key}: [a\n", 1, "the '[' here is never closed with ']'"),
])
@pytest.mark.parametrize("where", WHERE)
def it_names_file_and_line_of_yaml_it_does_not_read(project, where, text, line, message):
    offset = put(project, where, text.format(key=TEXT_KEY[where]))
    assert_one_error(project, where, line + offset,
                     message.format(key=TEXT_KEY[where], first=1 + offset))


def it_reads_duplicate_keys_inside_a_mapping_as_a_mistake_too():
    with pytest.raises(Exception, match=r"x.yaml:3: duplicate key 'terms' \(first on line 2\)"):
        parse("emphasis:\n  terms: [a]\n  terms: [b]\n", "x.yaml")


@pytest.mark.parametrize(("written", "read"), [
    ("2021-04-07", "2021-04-07"), ("2021-04-07T10:30:00Z", "2021-04-07T10:30:00Z"),
    ("12:30", "12:30"), ("25:00:00", "25:00:00"), ("NO", "NO"), ("yes", "yes"),
    ("0x_", "0x_"), ("1_000", "1_000"), ("=", "="), ("<<", "<<"),
    ("010", 10), ("0x1F", 31), ("1e3", 1000.0), ("true", True), ("~", None),
])
def it_reads_yaml_1_2_scalars_and_keeps_dates_and_times_as_written(written, read):
    assert parse(f"when: {written}\n", "x.yaml").data == {"when": read}


def it_prints_dates_and_times_in_the_brief_as_written(project):
    (project / "sources" / "bad.txt").write_text(
        "---\npublished: 2021-04-07T10:30:00Z\n---\n" + SAMPLE.read_text())
    (project / "sources" / "bad.yaml").write_text(
        "marking: NO\nwatch:\n  - text: The talks resume.\n    when: 12:30\n")
    assert cli(project, "make", "-f", "json").exit_code == 0
    built = json.loads((project / "dist" / "bad.json").read_text())
    assert built["source"]["published"] == "2021-04-07T10:30:00Z"
    assert built["marking"] == "NO"
    assert built["watch"][-1]["when"] == "12:30"


# Files that are not UTF-8 text, not files, or too big -------------------------------------


@pytest.mark.parametrize(("content", "line", "message"), [
    ("author: José\n".encode("latin-1"), 1, "the file is not UTF-8 text"),
    (b"# fine\nauthor: Jos\xe9\n", 2, "the file is not UTF-8 text"),
    ("author: x\n".encode("utf-16-le"), 1, "the file is not UTF-8 text"),
    (bytes(range(256)), 2, "the file is not UTF-8 text"),  # 0x80 is after the \n
    (b"author: a\x01b\n", 1, "the character U+0001 is not allowed in YAML"),
    (b"# " + b"x" * MAX_BYTES + b"\n", None, "too big for brief's YAML"),
])
@pytest.mark.parametrize("where", ["overrides", "brief.yaml", "style.yaml"])
def it_names_a_yaml_file_that_is_not_utf8_text_or_too_big(project, where, content, line,
                                                           message):
    put(project, where, content.replace(b"author", TEXT_KEY[where].encode()))
    assert_one_error(project, where, line, message)


def it_refuses_front_matter_that_is_too_big(project):
    put(project, "front matter", b"# " + b"x" * MAX_BYTES + b"\n")
    assert_one_error(project, "front matter", None, "too big for brief's YAML")


@pytest.mark.parametrize("content", [
    "\ufeffauthor: José\n".encode(), "\ufeffauthor: José\n".encode("utf-16"),
])
@pytest.mark.parametrize("where", ["overrides", "brief.yaml"])
def it_reads_utf8_and_utf16_with_a_byte_order_mark(project, where, content):
    put(project, where, content)
    result = cli(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    assert not error_lines(result.output)


@pytest.mark.parametrize("where", ["overrides", "brief.yaml", "style.yaml"])
def it_names_a_folder_where_a_yaml_file_should_be(project, where):
    put(project, where, "")
    path = {"overrides": project / "sources" / "bad.yaml", "brief.yaml": project / "brief.yaml",
            "style.yaml": project / "templates" / "house" / "style.yaml"}[where]
    path.unlink()
    path.mkdir()
    assert_one_error(project, where, None, "this is a folder, not a YAML file")


# Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("where", "text", "line", "message"), [
    ("front matter", "published: 2021-02-30\n", 2, "'2021-02-30' is not a real date"),
    ("front matter", "retrieved: 2021-04-07 25:00:00\n", 2, "hour must be in 0..23"),
    ("overrides", "date: 2021-13-01\n", 1, "month must be in 1..12"),
    ("overrides", "date: 25:00:00\n", 1, "'25:00:00' is not a real date or time"),
    ("overrides", "watch:\n  - text: Talks resume.\n    when: 2021-02-29\n", 3,
     "day is out of range for month"),
    ("brief.yaml", "defaults:\n  date: 2021-00-10\n", 2, "month must be in 1..12"),
])
def it_names_an_impossible_date(project, where, text, line, message):
    put(project, where, text)
    if where == "brief.yaml":  # defaults: every source fails; check says so once
        result = cli(project, "check")
        assert result.exit_code == 1
        (error,) = error_lines(result.output)
        assert f"brief.yaml:{line}: " in error and message in error
        result = cli(project, "make", "-f", "json")
        assert result.exit_code == 1 and "2 of 2 sources failed" in result.output
        return
    assert_one_error(project, where, line, message)


@pytest.mark.parametrize("text", ["date: 2021-04-08\n", "date: 8 April 2021\n", "date: soon\n",
                                  "date: 2024-02-29\n", "date: 2021-4-8\n"])
def it_takes_a_real_date_or_free_text(project, text):
    put(project, "overrides", text)
    result = cli(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output


# Numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "line", "message"), [
    ("sizes: {body: abc}\n", 1, "'sizes.body' must be a number from 6 to 24 (points), not 'abc'"),
    ("sizes:\n  body: -3\n", 2, "'sizes.body' must be a number from 6 to 24 (points), not -3"),
    ("sizes:\n  title: .nan\n", 2, "from 6 to 48 (points), not .nan"),
    ("sizes:\n  heading: .inf\n", 2, "from 6 to 36 (points), not .inf"),
    ("sizes: {body: 1e6}\n", 1, "not 1000000.0"),
    ("sizes: {body: yes}\n", 1, "not 'yes'"),
    ("margins_mm: 200\n", 1, "'margins_mm' must be a number from 5 to 60 (mm), not 200"),
    ("logo:\n  width_mm: -10\n", 2, "'logo.width_mm' must be a number from 5 to 150 (mm)"),
    ("logo:\n  width_mm: 5000\n", 2, "not 5000"),
])
def it_names_a_style_number_out_of_range(project, text, line, message):
    put(project, "style.yaml", text)
    assert_one_error(project, "style.yaml", line, message)


def it_builds_with_style_numbers_in_range(project):
    put(project, "style.yaml", "sizes: {body: 10, title: 24, heading: 12.5}\nmargins_mm: 20\n"
                               "logo: {width_mm: 40}\n")
    result = cli(project, "make", "-f", "md")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("text", "line", "message"), [
    ("mail:\n  smtp:\n    timeout: .nan\n", 3,
     "'mail.smtp.timeout' must be a number from 1 to 600 (seconds), not .nan"),
    ("mail:\n  smtp: {timeout: .inf}\n", 2, "not .inf"),
    ("mail:\n  max_mb: .nan\n", 2, "'mail.max_mb' must be a number from 0.01 to 1000 (MB)"),
    ("mail:\n  smtp: {port: true}\n", 2, "'port' must be a number from 1 to 65535"),
])
def it_names_a_mail_number_that_is_not_a_number(project, text, line, message):
    put(project, "brief.yaml", text)
    assert_one_error(project, "brief.yaml", line, message)


@pytest.mark.parametrize(("text", "message"), [
    ("max_outcomes: 0x_\n", "'max_outcomes' must be a whole number from 1 to 12"),
    ("max_outcomes: .nan\n", "'max_outcomes' must be a whole number from 1 to 12"),
    ("summary_words: 1e9\n", "'summary_words' must be a whole number from 20 to 300"),
])
def it_names_an_overrides_number_that_is_not_one(project, text, message):
    put(project, "overrides", text)
    assert_one_error(project, "overrides", 1, message)


# Sentence ids -----------------------------------------------------------------------------


@pytest.mark.parametrize("written", ['"s1 "', '" s1"', "S1", "s01"])
def it_reads_a_sentence_id_with_stray_spaces_or_case(project, written):
    put(project, "overrides", f"drop: [{written}]\n")
    result = cli(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    built = json.loads((project / "dist" / "bad.json").read_text())
    used = {s for section in ("summary", "outcomes", "implications", "watch")
            for item in built[section] for s in item["sentences"]}
    assert "s1" not in used
    assert "s1" in {s for item in json.loads((project / "dist" / "good.json").read_text())[
        "summary"] for s in item["sentences"]}


def it_suggests_the_id_for_a_bare_number(project):
    put(project, "overrides", "drop: [7]\n")
    assert_one_error(project, "overrides", 1, "no sentence '7' in the source (did you mean 's7'?")


def it_names_an_id_pinned_and_dropped_however_it_is_spelt(project):
    put(project, "overrides", 'pin: [s7]\ndrop: [s3, "S7 "]\n')
    assert_one_error(project, "overrides", 2, "s7 is both pinned and dropped")
