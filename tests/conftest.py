"""Shared fixtures: a throw-away copy of the sample project, and helpers to read outputs."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sources" / "lavrov-pakistan-2021.txt"


def needs(tool: str):
    """Skip a test whose tool is missing, unless BRIEF_REQUIRE_TOOLS is set (as in CI, where
    a missing tool must fail the run rather than hide a test)."""
    missing = shutil.which(tool) is None and not os.environ.get("BRIEF_REQUIRE_TOOLS")
    return pytest.mark.skipif(missing, reason=f"{tool} is not installed")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a project folder holding the sample article and the repository's brief.yaml."""
    (tmp_path / "sources").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sources")
    shutil.copy(ROOT / "brief.yaml", tmp_path)
    return tmp_path


@pytest.fixture
def write(tmp_path: Path):
    """Return a function writing text (or bytes) to a file under tmp_path, returning its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


def grounded(text: str, source: str) -> bool:
    """Return True if `text` is `source`'s words but for [insertions] and … elisions."""
    pieces = [p.strip() for p in re.split(r"\[[^\]]*\]|…", text) if p.strip()]
    position = 0
    for piece in pieces:
        found = source.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def modified_times(dist: Path) -> dict[str, int]:
    """Return the modification time of every file under `dist`, by relative name."""
    return {p.relative_to(dist).as_posix(): p.stat().st_mtime_ns
            for p in dist.rglob("*") if p.is_file()}


def pdf_text(data: bytes) -> str:
    """Return the text of a PDF, pages joined, whitespace collapsed."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def docx_text(data: bytes) -> str:
    """Return the text of a DOCX's paragraphs and tables in reading order, whitespace collapsed."""
    import io

    import docx
    from docx.table import Table

    parts = []
    for block in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            parts.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            parts.append(block.text)
    return " ".join(" ".join(parts).split())


@pytest.fixture(autouse=True)
def system_fonts(monkeypatch):
    """Give the PDF writer no system fallback font, whatever the machine has installed (the
    tests must not depend on it); return a function that gives it the fonts at `paths`
    instead, in turn, as it would look them up on a system (`.machine`: the usual places)."""
    from brief.render.writers import pdf

    machine = pdf.SYSTEM_FALLBACKS

    def use(*paths) -> None:
        monkeypatch.setattr(pdf, "SYSTEM_FALLBACKS", tuple(str(p) for p in paths))
        pdf._fallback_name.clear()  # looked up again on next use

    use.machine = machine
    use()
    yield use
    pdf._fallback_name.clear()  # the next test looks up its own


def cli(project: Path, *args: str, env: dict | None = None):
    """Run `brief ARGS` in this process from inside `project`, as a user would; an exception
    propagates, so a traceback fails the test instead of passing as an exit status."""
    from click.testing import CliRunner

    from brief.cli import main

    cwd = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(cwd)
