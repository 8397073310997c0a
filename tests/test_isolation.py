"""One source's failure costs that source only; its outputs are written all together or not at
all; render workers never outlive `brief make`."""

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from brief import fileio
from brief.cli import main
from brief.read import source as source_module

from conftest import SAMPLE

BRIEF = Path(sys.executable).parent / "brief"


def run(project: Path, *args: str):
    """Run `brief -C project ARGS` in this process (monkeypatches hold, forked workers too)."""
    return CliRunner().invoke(main, ["-C", str(project), *args])


def outputs(project: Path) -> dict[str, bytes]:
    """Return every file in dist/ (not .brief/) by name, with its bytes."""
    return {p.name: p.read_bytes() for p in (project / "dist").iterdir() if p.is_file()}


def with_boom(project: Path) -> Path:
    """Add a second source, boom.txt, beside the sample; return it."""
    boom = project / "sources" / "boom.txt"
    boom.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return boom


# Per-source isolation -----------------------------------------------------------------------


def it_reports_an_unexpected_exception_against_its_source_and_builds_the_others(
        project, monkeypatch):
    with_boom(project)
    read_text = source_module.READERS[".txt"]

    def reader(path):
        if path.name == "boom.txt":
            raise ZeroDivisionError("division by zero in the reader")
        return read_text(path)

    monkeypatch.setitem(source_module.READERS, ".txt", reader)
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    error = next(line for line in result.stderr.splitlines() if line.startswith("error:"))
    log = project / "dist" / ".brief" / "errors.log"
    assert error == (f"error: {project}/sources/boom.txt: internal error (ZeroDivisionError: "
                     f"division by zero in the reader); details in {log} — please report it")
    assert "raise ZeroDivisionError" in log.read_text(encoding="utf-8")
    assert list(outputs(project)) == ["lavrov-pakistan-2021.json"]


def it_catches_an_exception_raised_in_a_render_worker(project, monkeypatch):
    with_boom(project)
    from brief.render.writers import docx

    render = docx.render

    def failing(brief, document, style):
        if brief.source.file.endswith("boom.txt"):
            raise ValueError("a writer bug")
        return render(brief, document, style)

    monkeypatch.setattr(docx, "render", failing)  # forked workers inherit it
    result = run(project, "make", "-f", "docx", "-j", "2")
    assert result.exit_code == 1
    assert "internal error (ValueError: a writer bug)" in result.stderr
    assert "Traceback" not in result.output
    assert "a writer bug" in (project / "dist" / ".brief" / "errors.log").read_text()
    assert list(outputs(project)) == ["lavrov-pakistan-2021.docx"]


# All outputs or none ------------------------------------------------------------------------


def _enospc_on_second_temporary(monkeypatch):
    real, calls = fileio._temporary, []

    def temporary(target, data):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(target, data)

    monkeypatch.setattr(fileio, "_temporary", temporary)


def _eacces_on_second_rename(monkeypatch):
    real, calls = os.replace, []

    def replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real(source, target)

    monkeypatch.setattr(fileio.os, "replace", replace)


@pytest.mark.parametrize("fault, message", [
    (_enospc_on_second_temporary, "the disk is full: could not write in "),
    (_eacces_on_second_rename, "cannot write in "),
])
def it_keeps_the_old_outputs_whole_when_writing_the_new_ones_fails(project, monkeypatch,
                                                                      fault, message):
    assert run(project, "make", "-f", "pdf,docx,json", "-j", "1").exit_code == 0
    before = outputs(project)
    article = project / "sources" / "lavrov-pakistan-2021.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Lavrov", "Lavroff"),
                       encoding="utf-8")
    fault(monkeypatch)
    result = run(project, "make", "-f", "pdf,docx,json", "-j", "1")
    assert result.exit_code == 1
    assert f"{message}{project}/dist/" in result.stderr
    assert "Traceback" not in result.output
    assert outputs(project) == before  # byte for byte, and no temporary left behind


def it_refuses_once_up_front_when_dist_is_a_file(project):
    (project / "dist").write_text("not a folder")
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {project}/dist: is not a folder (move that file away: "
                             "brief writes its outputs in dist/)\n")


def it_says_dist_is_not_writable_for_each_source(project, monkeypatch):
    with_boom(project)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    result = run(project, "make", "-f", "json")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert all(f"cannot write in {project}/dist/: permission denied" in e for e in errors)
    assert "Traceback" not in result.output


# Formats ------------------------------------------------------------------------------------


@pytest.mark.parametrize("settings, option, expected", [
    ("formats: []\n", (), "brief.yaml:1: formats is empty (name at least one of: pdf, docx"),
    ("formats: [' ']\n", (), "brief.yaml:1: formats is empty"),
    ("", ("-f", ""), "error: --format names no format (name at least one of: pdf, docx"),
])
def it_refuses_to_build_no_format_at_all(project, settings, option, expected):
    (project / "brief.yaml").write_text(settings, encoding="utf-8")
    result = run(project, "make", *option)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "built" not in result.output


# Processes ----------------------------------------------------------------------------------


def _children(pid: int) -> dict[int, str]:
    """Return the processes whose parent is `pid`, each with its start time (pids recycle)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found[int(stat.parent.name)] = fields[19]
    return found


def _alive(pid: int, started: str) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[19] == started and fields[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def it_leaves_no_render_worker_alive_when_make_is_killed(project):
    text = SAMPLE.read_text(encoding="utf-8")
    for n in range(20):
        (project / "sources" / f"copy-{n}.txt").write_text(text, encoding="utf-8")
    make = subprocess.Popen([str(BRIEF), "make", "-f", "pdf,docx", "-j", "4"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while len(workers := _children(make.pid)) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(workers) >= 4, "the render workers never started"
    finally:
        make.send_signal(signal.SIGKILL)
        make.wait()
    deadline = time.monotonic() + 3
    while any(_alive(*w) for w in workers.items()) and time.monotonic() < deadline:
        time.sleep(0.05)
    orphans = [pid for pid, started in workers.items() if _alive(pid, started)]
    for pid in orphans:  # leave the machine as it was, even when failing
        os.kill(pid, signal.SIGKILL)
    assert not orphans
