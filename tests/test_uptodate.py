"""Up-to-date skips: a second `brief make` rewrites nothing; changing any input rebuilds what
depends on it, and only that."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, cli, modified_times

NAME = "lavrov-pakistan-2021"


@pytest.fixture
def two(project: Path) -> Path:
    """The sample project with a second source, both built."""
    shutil.copy(SAMPLE, project / "sources" / "other.txt")
    result = cli(project, "make")
    assert result.exit_code == 0, result.output
    return project


def it_rewrites_nothing_on_a_second_make_and_says_each_source_is_up_to_date(two):
    before = modified_times(two / "dist")
    result = cli(two, "make")
    assert result.exit_code == 0, result.output
    assert f"up to date: sources{'/'}{NAME}.txt" in result.output.replace("\\", "/")
    assert "up to date: sources/other.txt" in result.output.replace("\\", "/")
    assert "built" not in result.output
    assert modified_times(two / "dist") == before


def it_rebuilds_nothing_when_a_file_is_only_touched(two):
    before = modified_times(two / "dist")
    (two / "sources" / f"{NAME}.txt").touch()
    (two / "brief.yaml").touch()
    assert "built" not in cli(two, "make").output
    assert modified_times(two / "dist") == before


def _edit_source(project: Path) -> None:
    path = project / "sources" / f"{NAME}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe talks ended on Friday.\n",
                    encoding="utf-8")


def _edit_overrides(project: Path) -> None:
    (project / "sources" / f"{NAME}.yaml").write_text('title: "Lavrov in Islamabad"\n')


def _edit_settings(project: Path) -> None:
    (project / "brief.yaml").write_text('organisation: "Policy Planning"\n')


def _edit_template(project: Path) -> None:
    from brief.assets import TEMPLATES

    shutil.copytree(TEMPLATES / "default", project / "templates" / "default")
    style = project / "templates" / "default" / "style.yaml"
    text = style.read_text(encoding="utf-8")
    assert "margins_mm: 18" in text
    style.write_text(text.replace("margins_mm: 18", "margins_mm: 20"), encoding="utf-8")


def _edit_own_template(project: Path) -> None:
    _edit_template(project)
    cli(project, "make")  # now built with the project's own template
    page = project / "templates" / "default" / "brief.html.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def _delete_output(project: Path) -> None:
    (project / "dist" / f"{NAME}.docx").unlink()


@pytest.mark.parametrize("change, everything", [
    (_edit_source, False), (_edit_overrides, False), (_delete_output, False),
    (_edit_settings, True), (_edit_template, True), (_edit_own_template, True)],
    ids=["source", "overrides", "deleted output", "brief.yaml", "template", "template file"])
def it_rebuilds_exactly_the_sources_an_input_changes(two, change, everything):
    change(two)
    before = modified_times(two / "dist")
    result = cli(two, "make")
    assert result.exit_code == 0, result.output
    output = result.output.replace("\\", "/")
    assert f"built sources/{NAME}.txt" in output
    assert ("built sources/other.txt" in output) is everything
    assert ("up to date: sources/other.txt" in output) is not everything
    after = modified_times(two / "dist")
    assert after[f"{NAME}.pdf"] != before.get(f"{NAME}.pdf")
    assert (after["other.pdf"] != before["other.pdf"]) is everything
    assert "up to date" in cli(two, "make").output  # and then it is current


def it_builds_only_the_formats_asked_for_that_are_missing_or_stale(two):
    before = modified_times(two / "dist")
    result = cli(two, "make", NAME, "--format", "json")
    assert "built" in result.output and f"{NAME}.json" in result.output
    after = modified_times(two / "dist")
    assert after[f"{NAME}.pdf"] == before[f"{NAME}.pdf"]  # not asked for: left alone
    assert "up to date" in cli(two, "make", NAME, "--format", "json").output
    assert "up to date" in cli(two, "make", NAME, "--format", "pdf").output
    assert "built" in cli(two, "make", NAME, "--format", "pdf", "-t", "memo").output


def it_rebuilds_everything_with_force(two):
    before = modified_times(two / "dist")
    result = cli(two, "make", "--force")
    assert result.output.count("built") == 2
    after = modified_times(two / "dist")
    assert all(after[name] != before[name] for name in ("other.pdf", f"{NAME}.docx"))


def it_says_again_the_warnings_a_current_build_gave(project):
    (project / "sources" / f"{NAME}.yaml").write_text('title: "Lavrov 漢字"\n',
                                                       encoding="utf-8")
    first = cli(project, "make", "--format", "pdf")
    assert "warning" in first.output
    second = cli(project, "make", "--format", "pdf")
    assert "up to date" in second.output
    assert [line for line in second.output.splitlines() if line.startswith("warning")] == [
        line for line in first.output.splitlines() if line.startswith("warning")]


def it_rebuilds_when_its_record_is_damaged(two):
    (two / "dist" / ".brief" / "builds" / f"{NAME}.json").write_text("{not json")
    assert f"built sources/{NAME}.txt" in cli(two, "make").output.replace("\\", "/")
