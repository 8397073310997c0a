"""Paths stay inside the project: sources, output names, fonts and logos; and a path the CLI
cannot write to is one clear error."""

import errno
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief.assets import FONTS, TEMPLATES
from brief.cli import main
from brief.errors import BriefError
from brief.pipeline import MAX_STEM_BYTES, output_stem
from brief.render import template

from conftest import SAMPLE

FONT = FONTS / "NotoSans-Regular.ttf"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["-C", str(project), *args])


def built(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "dist").iterdir() if p.is_file())


# Sources ------------------------------------------------------------------------------------


def it_refuses_a_source_that_links_out_of_the_project_and_builds_the_others(
        project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "sources" / "evil.txt").symlink_to(secret)
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 1
    assert (f"error: {project}/sources/evil.txt: is a link to {secret.resolve()}, outside the "
            "project (copy the file into the project instead of linking to it)") in result.stderr
    assert built(project) == ["lavrov-pakistan-2021.json"]


def it_refuses_overrides_that_link_out_of_the_project(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "o.yaml"
    outside.write_text("title: Linked\n", encoding="utf-8")
    (project / "sources" / "lavrov-pakistan-2021.yaml").symlink_to(outside)
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 1
    assert "lavrov-pakistan-2021.yaml: is a link to" in result.stderr
    assert not (project / "dist").exists() or built(project) == []


def it_builds_a_source_that_links_within_the_project(project):
    (project / "archive").mkdir()
    shutil.move(project / "sources" / SAMPLE.name, project / "archive" / SAMPLE.name)
    (project / "sources" / "linked.txt").symlink_to(project / "archive" / SAMPLE.name)
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    assert built(project) == ["linked.json"]


def it_passes_over_a_folder_named_like_an_article_and_says_so_when_it_is_named(project):
    (project / "sources" / "notes.txt").mkdir()
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    assert built(project) == ["lavrov-pakistan-2021.json"]
    named = run(project, "make", "-f", "json", "notes.txt")
    assert named.exit_code == 1
    assert named.stderr == ("error: notes.txt: is a folder, not an article "
                            "(name a file in sources/)\n")


@pytest.mark.parametrize("name, output", [
    ("..txt", "untitled.json"),  # was dist.pdf beside dist/
    ("...x...txt", "x.json"),
    ("new\nline.txt", "new_line.json"),
    ("tab\tand\x7fdel.txt", "tab_and_del.json"),
    ("back\\slash.txt", "back_slash.json"),
    ("\u202egnp.txt", "_gnp.json"),  # a right-to-left override would disguise the name
])
def it_derives_a_safe_output_name_inside_dist(project, name, output):
    (project / "sources" / name).write_text(SAMPLE.read_text(encoding="utf-8"),
                                            encoding="utf-8")
    before = sorted(p.name for p in project.iterdir())
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in project.iterdir()) == sorted({*before, "dist"})
    assert built(project) == sorted([output, "lavrov-pakistan-2021.json"])


def it_passes_over_a_hidden_file(project):
    (project / "sources" / ".txt").write_text("Hidden.", encoding="utf-8")
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    assert built(project) == ["lavrov-pakistan-2021.json"]


def it_bounds_long_output_names_and_keeps_two_apart(project):
    text = SAMPLE.read_text(encoding="utf-8")
    for tail in "xy":
        (project / "sources" / ("a" * 240 + tail + ".txt")).write_text(text, encoding="utf-8")
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 0, result.output
    names = [n for n in built(project) if n.startswith("aaa")]
    assert len(names) == 2
    assert all(len(n.encode()) <= MAX_STEM_BYTES + len(".json") for n in names)


@pytest.mark.parametrize("name", ["é" * 200 + ".txt", "a" * 99 + "é.txt", "x" * 500 + ".md"])
def it_cuts_a_long_name_within_the_limit_and_on_a_character(name):
    stem = output_stem(Path(name))
    assert len(stem.encode()) <= MAX_STEM_BYTES
    assert stem.encode().decode() == stem
    assert stem.startswith(Path(name).stem[:20])


def it_bounds_the_name_brief_add_chooses(project):
    result = run(project, "add", str(SAMPLE), "--name", "n" * 300)
    assert result.exit_code == 0, result.output
    added = [p for p in (project / "sources").iterdir() if p.name.startswith("nnn")]
    assert [len(p.name) for p in added] == [80 + len(".md")]


# Fonts and logos ----------------------------------------------------------------------------


@pytest.fixture
def own_template(project):
    """Return the folder of a project template, `t`, a copy of the built-in default."""
    folder = project / "templates" / "t"
    shutil.copytree(TEMPLATES / "default", folder)
    return folder


def style_with(folder: Path, key: str, value: str) -> str:
    """Write style.yaml setting `key` (fonts.regular or logo.file) to `value`; return the
    error loading it gives, or "" if it loads."""
    section, name = key.split(".")
    (folder / "style.yaml").write_text(f"{section}:\n  {name}: '{value}'\n", encoding="utf-8")
    try:
        template.load_style(folder)
    except BriefError as error:
        return str(error)
    return ""


@pytest.mark.parametrize("key", ["fonts.regular", "logo.file"])
@pytest.mark.parametrize("where", ["absolute", "relative", "link"])
def it_refuses_a_font_or_logo_outside_the_template_and_project(own_template, tmp_path_factory,
                                                               key, where):
    outside = tmp_path_factory.mktemp("elsewhere") / ("x.ttf" if "font" in key else "x.png")
    outside.write_bytes(FONT.read_bytes() if "font" in key else PNG)
    value = {"absolute": str(outside),
             "relative": os.path.relpath(outside, own_template),
             "link": "linked" + outside.suffix}[where]
    if where == "link":
        (own_template / value).symlink_to(outside)
    error = style_with(own_template, key, value)
    assert error == (f"{own_template}/style.yaml:2: '{value}' is outside the template and the "
                     f"project (copy the file into {own_template} and name it from there)")


def it_takes_a_font_from_the_project_or_the_shipped_ones(own_template, project):
    (project / "fonts").mkdir()
    shutil.copy(FONT, project / "fonts" / "house.ttf")
    assert style_with(own_template, "fonts.regular", "../../fonts/house.ttf") == ""
    assert style_with(own_template, "fonts.regular", "NotoSans-Bold.ttf") == ""


@pytest.mark.parametrize("content, message", [
    (PNG, "'bad.ttf' is not a font file (use a TrueType font (.ttf))"),
    (b"root:x:0:0:root:/root:/bin/bash\n", "'bad.ttf' is not a font file"),
    (b"OTTO" + bytes(64), "'bad.ttf' is an OpenType font with PostScript (CFF) outlines"),
    (b"wOF2" + bytes(64), "'bad.ttf' is a web font (WOFF)"),
    (b"", "'bad.ttf' is not a font file"),
])
def it_refuses_a_font_file_that_is_not_a_truetype_font(own_template, content, message):
    (own_template / "bad.ttf").write_bytes(content)
    error = style_with(own_template, "fonts.regular", "bad.ttf")
    assert error.startswith(f"{own_template}/style.yaml:2: {message}")


def it_names_the_style_line_when_make_meets_a_font_that_is_no_font(project, own_template):
    (own_template / "bad.ttf").write_bytes(PNG)
    (own_template / "style.yaml").write_text("fonts:\n  regular: bad.ttf\n", encoding="utf-8")
    result = run(project, "make", "-f", "pdf,json", "-t", "t")
    assert result.exit_code == 1
    assert "style.yaml:2: 'bad.ttf' is not a font file" in result.stderr
    assert "Traceback" not in result.output


# CLI paths ----------------------------------------------------------------------------------


def it_creates_the_folder_the_overrides_go_to(project):
    result = run(project, "overrides", "lavrov-pakistan-2021", "-o",
                 str(project / "missing" / "dir" / "x.yaml"))
    assert result.exit_code == 0, result.output
    assert (project / "missing" / "dir" / "x.yaml").read_text().startswith("# Overrides for")


def it_writes_overrides_where_asked_and_never_over_a_file(project):
    target = project / "mine.yaml"
    assert run(project, "overrides", "lavrov-pakistan-2021", "-o", str(target)).exit_code == 0
    target.write_text("# my notes\n", encoding="utf-8")
    again = run(project, "overrides", "lavrov-pakistan-2021", "-o", str(target))
    assert again.exit_code == 1
    assert target.read_text(encoding="utf-8") == "# my notes\n"


def it_says_so_when_init_cannot_create_the_project_under_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "file" / "x")])
    assert result.exit_code == 1
    assert result.stderr == (f"error: cannot create the project in {tmp_path}/file/x: a part "
                             f"of the path is a file, not a folder ({tmp_path}/file/x)\n")


def it_says_so_when_init_may_not_write(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / "p"))

    monkeypatch.setattr(shutil, "copyfile", refuse)
    result = CliRunner().invoke(main, ["init", str(tmp_path / "p")])
    assert result.exit_code == 1
    assert result.stderr == (f"error: cannot create the project in {tmp_path}/p: permission "
                             f"denied ({tmp_path}/p)\n")


def it_checks_that_sources_stay_in_the_project(project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "sources" / "evil.txt").symlink_to(secret)
    result = run(project, "check")
    assert result.exit_code == 1
    assert "evil.txt: is a link to" in result.stderr


def it_mails_the_brief_of_a_source_with_an_unsafe_name(project):
    shutil.move(project / "sources" / SAMPLE.name, project / "sources" / "..txt")
    result = run(project, "mail", "..txt", "--to", "a@example.org", "--from", "b@example.org")
    assert result.exit_code == 0, result.output
    assert built(project) == ["untitled.docx", "untitled.eml", "untitled.pdf"]
    assert not list(project.glob("dist.*"))
