import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief.cli import main


@pytest.fixture
def run(project):
    """Return a function running `brief` in the project folder."""

    def run(*args: str):
        runner = CliRunner()
        cwd = os.getcwd()
        os.chdir(project)
        try:
            return runner.invoke(main, list(args), catch_exceptions=False)
        finally:
            os.chdir(cwd)

    return run


def outputs(project) -> list[str]:
    """Return the outputs in dist/: its files but brief's own records in dist/.brief/."""
    return sorted(p.name for p in (project / "dist").iterdir() if p.name != ".brief")


def it_builds_pdf_and_docx_by_default(run, project):
    result = run("make")
    assert result.exit_code == 0, result.output
    assert result.output == ("built sources/lavrov-pakistan-2021.txt -> "
                             "dist/lavrov-pakistan-2021.pdf, dist/lavrov-pakistan-2021.docx\n")
    assert outputs(project) == [
        "lavrov-pakistan-2021.docx", "lavrov-pakistan-2021.pdf"]


def it_takes_formats_comma_separated_and_repeated(run, project):
    result = run("make", "-f", "json", "--format", "pdf,json", "-j", "1")
    assert result.exit_code == 0, result.output
    assert outputs(project) == [
        "lavrov-pakistan-2021.json", "lavrov-pakistan-2021.pdf"]


def it_takes_default_formats_from_settings(run, project):
    (project / "brief.yaml").write_text("formats: [json]\n")
    assert run("make").exit_code == 0
    assert outputs(project) == ["lavrov-pakistan-2021.json"]


def it_rejects_an_unknown_format_listing_the_known(run):
    result = run("make", "-f", "pdf,odt")
    assert result.exit_code == 1
    assert "unknown format 'odt' (known formats: pdf, docx, json, html, md, txt)" in result.output


def it_builds_the_named_source_only(run, project):
    (project / "sources" / "other.txt").write_text("The minister resigned on Monday.\n")
    result = run("make", "other", "-f", "json")
    assert result.output.startswith("built sources/other.txt -> dist/other.json")
    assert run("make", "nothing-here").exit_code == 1


def it_reports_each_bad_source_and_still_builds_the_rest(run, project):
    (project / "sources" / "empty.txt").write_text("")
    (project / "sources" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    (project / "sources" / "notes.md").write_text("# Notes\n\nThe council met and agreed a plan.\n")
    result = run("make", "-f", "pdf,docx,json")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "error: sources/empty.txt: the file is empty (paste the article's text into it)" in lines
    assert any(line.startswith("error: sources/image.txt: this is a binary file") for line in lines)
    assert any(line.startswith("built sources/lavrov-pakistan-2021.txt") for line in lines)
    assert any(line.startswith("built sources/notes.md") for line in lines)
    assert lines[-1] == "2 of 4 sources failed"
    assert "Traceback" not in result.output
    assert not list((project / "dist").glob("empty.*"))


def it_reports_a_bad_override_with_file_and_line(run, project):
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text("pin: [s7]\ndorp: [s6]\n")
    result = run("make", "-f", "json")
    assert result.exit_code == 1
    assert ("error: sources/lavrov-pakistan-2021.yaml:2: unknown key 'dorp' "
            "(did you mean 'drop'?)") in result.output


def it_keeps_the_previous_outputs_when_a_source_turns_bad(run, project):
    assert run("make", "-f", "json").exit_code == 0
    before = (project / "dist" / "lavrov-pakistan-2021.json").read_bytes()
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text("pin: [s99]\n")
    assert run("make", "-f", "json").exit_code == 1
    assert (project / "dist" / "lavrov-pakistan-2021.json").read_bytes() == before


def it_keeps_markup_like_text_literal(run, project):
    (project / "sources" / "att.txt").write_text(
        "---\ntitle: \"AT&T <CEO> {{ x }} {% if %}\"\n---\n"
        "AT&T <CEO> {{ x }} said the {% raw %} merger & deal would close in May.\n")
    result = run("make", "att", "-f", "pdf,docx,json")
    assert result.exit_code == 0, result.output
    from conftest import docx_text, pdf_text

    assert "AT&T <CEO> {{ x }} {% if %}" in pdf_text((project / "dist" / "att.pdf").read_bytes())
    assert "AT&T <CEO> {{ x }} {% if %}" in docx_text((project / "dist" / "att.docx").read_bytes())
    assert json.loads((project / "dist" / "att.json").read_text())["title"].startswith("AT&T <CEO>")


def it_rejects_a_bad_settings_file_with_its_line(run, project):
    (project / "brief.yaml").write_text("author: me\npaper: a5\n")
    result = run("make")
    assert result.exit_code == 1
    assert "brief.yaml:2: unknown paper size 'a5' (use a4 or letter)" in result.output


def it_refuses_two_sources_that_would_write_the_same_files(run, project):
    (project / "sources" / "lavrov-pakistan-2021.md").write_text("Another article here.\n")
    result = run("make", "-f", "json")
    assert result.exit_code == 1
    assert "has the same name as" in result.output


def it_shows_the_brief_with_sentence_ids(run):
    result = run("show", "lavrov-pakistan-2021")
    assert result.exit_code == 0
    assert "Key outcomes" in result.output and "[s7] (Defence & security)" in result.output
    assert "Other sentences" in result.output and "  s6: As a matter of fact" in result.output


def it_shows_the_json_contract(run):
    result = run("show", "sources/lavrov-pakistan-2021.txt", "--json")
    data = json.loads(result.output)
    assert {"title", "summary", "outcomes", "implications", "figures", "actors",
            "source"} <= set(data)


def it_inits_a_project_that_builds_and_never_overwrites(tmp_path: Path):
    runner = CliRunner()
    target = tmp_path / "new"
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 0
    assert (target / "brief.yaml").exists()
    assert (target / "sources" / "lavrov-pakistan-2021.txt").exists()
    assert (target / "sources" / "lavrov-pakistan-2021.yaml").exists()
    (target / "brief.yaml").write_text("author: mine\n")
    again = runner.invoke(main, ["init", str(target)])
    assert f"kept {target / 'brief.yaml'} (already there)" in again.output
    assert (target / "brief.yaml").read_text() == "author: mine\n"
    built = runner.invoke(main, ["-C", str(target), "make", "-j", "1"])
    assert built.exit_code == 0, built.output
    assert (target / "dist" / "lavrov-pakistan-2021.pdf").exists()


def it_explains_itself_for_every_command():
    runner = CliRunner()
    for command in ([], ["init"], ["make"], ["show"], ["overrides"], ["check"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
    assert "Formats to write" in runner.invoke(main, ["make", "--help"]).output


def it_says_where_to_start_outside_a_project(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["-C", str(tmp_path), "make"])
    assert result.exit_code == 1
    assert "not in a brief project" in result.output and "(run `brief init" in result.output


def it_writes_an_overrides_skeleton_and_never_clobbers(run, project):
    (project / "sources" / "lavrov-pakistan-2021.yaml").unlink(missing_ok=True)
    result = run("overrides", "lavrov-pakistan-2021")
    assert result.output == "wrote sources/lavrov-pakistan-2021.yaml\n"
    text = (project / "sources" / "lavrov-pakistan-2021.yaml").read_text()
    assert "# pin: [s4, s5]" in text and "# s6: As a matter of fact" in text
    import yaml

    assert yaml.safe_load(text) is None  # every line a comment: changes nothing until edited
    again = run("overrides", "lavrov-pakistan-2021")
    assert again.exit_code == 1 and "already exists" in again.output
    assert (project / "sources" / "lavrov-pakistan-2021.yaml").read_text() == text
    printed = run("overrides", "lavrov-pakistan-2021", "-o", "-")
    assert printed.output == text


def it_checks_the_whole_project_and_lists_every_problem(run, project):
    assert run("check").output.startswith("ok: settings, template 'default', 1 sources")
    (project / "sources" / "empty.txt").write_text("")
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text("titel: x\npin: [s99]\n")
    (project / "brief.yaml").write_text("template: nope\n")
    result = run("check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any("no template named 'nope'" in line for line in lines)
    assert "error: sources/empty.txt: the file is empty (paste the article's text into it)" in lines
    assert any("lavrov-pakistan-2021.yaml:1: unknown key 'titel'" in line for line in lines)
    assert any("lavrov-pakistan-2021.yaml:2: no sentence 's99'" in line for line in lines)
    assert lines[-1] == "4 problems found"
    assert not (project / "dist").exists()


def it_warns_when_a_pinned_sentence_changed_under_the_overrides(run, project):
    source = project / "sources" / "lavrov-pakistan-2021.txt"
    (project / "sources" / "lavrov-pakistan-2021.yaml").write_text("pin: [s9]\ndrop: [s6]\n")
    first = run("make", "-f", "json")
    assert first.exit_code == 0 and "warning" not in first.output
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Pakistan-Russia mutual relations", "Trade relations"),
                      encoding="utf-8")
    second = run("make", "-f", "json")
    assert second.exit_code == 0
    warnings = [line for line in second.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "s9 now reads “Trade relations" in warnings[0]
    assert "s9" in run("make", "-f", "json").output  # it keeps warning until acted on
    (project / "dist" / ".brief" / "lavrov-pakistan-2021.json").unlink()
    assert "warning" not in run("make", "-f", "json").output


def it_colours_show_only_for_a_terminal(project):
    from brief.pipeline import compile_full
    from brief.show import render_text

    compiled = compile_full(project / "sources" / "lavrov-pakistan-2021.txt")
    plain = render_text(compiled.brief, compiled.analysis, colour=False)
    coloured = render_text(compiled.brief, compiled.analysis, colour=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert "centrality" in plain and "outcome: " in plain


def it_warns_once_of_characters_the_pdf_fonts_lack(run, project):
    (project / "sources" / "cjk.txt").write_text("The minister met officials in 北京 on Monday.\n",
                                                 encoding="utf-8")
    result = run("make", "cjk", "-j", "1")
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "sources/cjk.txt: the PDF fonts lack 北" in warnings[0]


def it_lays_out_with_the_template_chosen(run, project):
    result = run("make", "--template", "memo", "-j", "1")
    assert result.exit_code == 0, result.output
    from conftest import pdf_text

    text = pdf_text((project / "dist" / "lavrov-pakistan-2021.pdf").read_bytes())
    assert "Bottom line" in text and "Memo" in text and "Mentioned in" not in text
    wrong = run("make", "-t", "nope")
    assert wrong.exit_code == 1
    assert "error: no template named 'nope' (known templates: default, memo)" in wrong.output


def it_prefers_the_project_s_own_template_of_a_name(run, project):
    own = project / "templates" / "default"
    own.mkdir(parents=True)
    (own / "brief.html.j2").write_text("<h1>{{ brief.title }}</h1><p>House style.</p>")
    assert run("make", "-f", "pdf", "-j", "1").exit_code == 0
    from conftest import pdf_text

    assert "House style." in pdf_text((project / "dist" / "lavrov-pakistan-2021.pdf").read_bytes())


def it_leaves_out_the_lowest_ranked_items_to_keep_to_the_page_budget(run, project):
    import shutil

    from pypdf import PdfReader

    from brief.render.template import builtin_root

    from conftest import docx_text

    shutil.copytree(builtin_root() / "default", project / "templates" / "default")
    style = project / "templates" / "default" / "style.yaml"
    style.write_text(re.sub(r"(?m)^pages: 2", "pages: 1", style.read_text()))  # no duplicate key
    result = run("make", "-f", "pdf,docx,json")
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert "left out to fit 1 page: implication [s" in warning
    dist = project / "dist"
    assert len(PdfReader(dist / "lavrov-pakistan-2021.pdf").pages) == 1
    data = json.loads((dist / "lavrov-pakistan-2021.json").read_text())
    left_out = re.findall(r"\[(s\d+)\]", warning)
    kept = [s for item in data["implications"] + data["watch"] + data["outcomes"]
            for s in item["sentences"]]
    assert left_out and not set(left_out) & set(kept)
    word = docx_text((dist / "lavrov-pakistan-2021.docx").read_bytes())
    for sid in left_out:
        assert f"[{sid}]" not in word  # the DOCX says what the PDF says


def it_refuses_a_source_date_epoch_that_is_no_number(project):
    from conftest import cli

    result = cli(project, "make", env={"SOURCE_DATE_EPOCH": "abc"})
    assert result.exit_code == 1
    assert result.output.startswith("error: SOURCE_DATE_EPOCH is 'abc'")
    assert "Traceback" not in result.output and not (project / "dist").exists()
