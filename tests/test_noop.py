"""A plain `brief make` with nothing to do is answered from the stamp the last one left
(`brief.noop`), before click or the pipeline load: it says what the ordinary way says, writes
nothing, and any change to what a build reads sends it the ordinary way."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE, cli, modified_times

NAME = "lavrov-pakistan-2021"
REPORT = """
import json, sys
from brief.noop import replay
answered = replay(["make"])
print(json.dumps([answered, "click" in sys.modules, "brief.pipeline" in sys.modules]))
"""


def _replay(project: Path) -> tuple[bool, bool, bool, str, str]:
    """Return whether the stamp answered a plain make in `project`, whether click and the
    pipeline were imported, and what it printed to stdout and stderr."""
    result = subprocess.run([sys.executable, "-c", REPORT], cwd=project, capture_output=True,
                            text=True, check=True)
    *printed, last = result.stdout.splitlines()
    answered, click, pipeline = json.loads(last)
    return answered, click, pipeline, "".join(line + "\n" for line in printed), result.stderr


@pytest.fixture
def built(project: Path) -> Path:
    """The sample project with a second source and a file no reader takes, built."""
    shutil.copy(SAMPLE, project / "sources" / "other.txt")
    (project / "sources" / "notes.rtf").write_text("not an article", encoding="utf-8")
    result = cli(project, "make")
    assert result.exit_code == 0, result.output
    return project


def it_says_what_the_ordinary_way_says_and_imports_neither_click_nor_the_pipeline(built):
    ordinary = cli(built, "make")  # warnings and the up-to-date lines, stdout and stderr
    assert ordinary.exit_code == 0
    before = modified_times(built / "dist")
    answered, click, pipeline, out, err = _replay(built)
    assert (answered, click, pipeline) == (True, False, False)
    assert out == ordinary.stdout
    assert err == ordinary.stderr
    assert "up to date: sources/other.txt" in out.replace("\\", "/")
    assert "notes.rtf" in err
    assert modified_times(built / "dist") == before


def it_answers_right_after_a_build(built):
    assert _replay(built)[0]


@pytest.mark.parametrize("change", [
    "source", "overrides", "settings", "new source", "removed output", "edited output",
    "project template", "epoch"])
def it_goes_the_ordinary_way_when_anything_a_build_reads_changed(built, change):
    sources, dist = built / "sources", built / "dist"
    env = None
    if change == "source":
        with (sources / "other.txt").open("a", encoding="utf-8") as stream:
            stream.write("\nOne more sentence, added by the analyst.\n")
    elif change == "overrides":
        (sources / "other.yaml").write_text("audience: Minister\n", encoding="utf-8")
    elif change == "settings":
        with (built / "brief.yaml").open("a", encoding="utf-8") as stream:
            stream.write("formats: [pdf]\n")
    elif change == "new source":
        shutil.copy(SAMPLE, sources / "third.txt")
    elif change == "removed output":
        (dist / "other.docx").unlink()
    elif change == "edited output":
        with (dist / "other.pdf").open("r+b") as stream:
            stream.seek(100)
            stream.write(b"X")
    elif change == "project template":
        (built / "templates" / "default").mkdir(parents=True)
    elif change == "epoch":
        env = {"SOURCE_DATE_EPOCH": "0"}
    if env:
        result = subprocess.run([sys.executable, "-c", REPORT], cwd=built, capture_output=True,
                                text=True, check=True, env={**_environ(), **env})
        assert json.loads(result.stdout.splitlines()[-1])[0] is False
    else:
        assert _replay(built)[0] is False


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


def it_is_not_used_from_below_the_project_or_with_options(built):
    (built / "sub").mkdir()
    assert _replay(built / "sub")[0] is False
    for args in (["make", "--force"], ["make", "-f", "pdf"], ["make", "other"]):
        result = subprocess.run(
            [sys.executable, "-c", f"from brief.noop import replay; print(replay({args!r}))"],
            cwd=built, capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "False"


def it_leaves_no_stamp_while_a_source_fails(project):
    (project / "sources" / f"{NAME}.yaml").write_text("- not a mapping\n", encoding="utf-8")
    assert cli(project, "make").exit_code == 1
    assert not (project / "dist" / ".brief" / "make.json").exists()
    assert _replay(project)[0] is False
