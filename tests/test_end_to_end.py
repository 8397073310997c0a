"""`brief make` as a user runs it: a separate process on a copy of the sample project."""

import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.cli import DATA

from conftest import ROOT, docx_text, needs, pdf_text


def brief(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "brief"), *args]  # the installed command
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "sources", project / "sources")
    shutil.copy(ROOT / "brief.yaml", project)
    result = brief("make", "--format", "pdf,docx,json", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "dist"


def it_builds_the_sample_in_every_format(built):
    names = sorted(p.name for p in built.iterdir())
    assert names == [".brief", "lavrov-pakistan-2021.docx", "lavrov-pakistan-2021.json",
                     "lavrov-pakistan-2021.pdf"]  # .brief/: the build's record
    assert [p.name for p in built.glob(".*")] == [".brief"]  # no temporary files left behind


def it_says_the_same_in_pdf_and_docx(built):
    pdf = pdf_text((built / "lavrov-pakistan-2021.pdf").read_bytes())
    word = docx_text((built / "lavrov-pakistan-2021.docx").read_bytes())
    landmarks = ("Summary", "Key outcomes", "46 percent increase in trade", "Implications",
                 "Key figures", "What it measures", "Actors", "Role")
    for text in (pdf, word):
        positions = [text.find(landmark) for landmark in landmarks]
        assert -1 not in positions and positions == sorted(positions)
        assert not re.search(r"\[s\d+", text)  # the reader's copy: no sentence ids


def it_tells_the_reader_what_brackets_mean_and_never_speaks_of_cuts(built):
    """Sentences are quoted whole: a footnote explaining "… a cut" would describe a brief
    that does not exist, and leave "[’]" unexplained."""
    for text in (pdf_text((built / "lavrov-pakistan-2021.pdf").read_bytes()),
                 docx_text((built / "lavrov-pakistan-2021.docx").read_bytes())):
        flat = " ".join(text.split())
        assert "whole sentences; [square brackets] mark editorial insertions" in flat
        assert "quotation mark where the source’s quotation goes on" in flat
        assert "a cut" not in flat


def it_keeps_the_sample_small(built):
    assert (built / "lavrov-pakistan-2021.pdf").stat().st_size < 300_000
    assert (built / "lavrov-pakistan-2021.docx").stat().st_size < 300_000


def it_builds_byte_identical_files_with_source_date_epoch(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    digests = []
    for _ in range(2):
        assert brief("make", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1617753600"}).returncode == 0
        digests.append([(tmp_path / "dist" / f"lavrov-pakistan-2021.{ext}").read_bytes()
                        for ext in ("pdf", "docx")])
    assert digests[0] == digests[1]


@needs("pdftotext")
def it_gives_pdftotext_the_brief_in_reading_order(built):
    text = subprocess.run(["pdftotext", "-layout", str(built / "lavrov-pakistan-2021.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    positions = [text.index(h) for h in ("Summary", "Key outcomes", "Implications", "Key figures")]
    assert positions == sorted(positions)


@needs("pdffonts")
def it_embeds_every_font_as_pdffonts_sees_it(built):
    rows = subprocess.run(["pdffonts", str(built / "lavrov-pakistan-2021.pdf")],
                          capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows


@needs("qpdf")
def it_passes_qpdf_check(built):
    result = subprocess.run(["qpdf", "--check", str(built / "lavrov-pakistan-2021.pdf")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@needs("soffice")
def it_opens_in_libreoffice(built, tmp_path):
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(built / "lavrov-pakistan-2021.docx")], capture_output=True, text=True, timeout=180)
    converted = tmp_path / "lavrov-pakistan-2021.pdf"
    assert converted.exists(), result.stdout + result.stderr
    text = pdf_text(converted.read_bytes())
    assert "Key outcomes" in text and "Implications" in text


def it_ships_the_sample_it_builds():
    """`brief init` copies the package's sample; it must be the repository's."""
    for name in ("lavrov-pakistan-2021.txt", "lavrov-pakistan-2021.yaml"):
        assert filecmp.cmp(DATA / name, ROOT / "sources" / name, shallow=False)
    assert filecmp.cmp(DATA / "brief.yaml", ROOT / "brief.yaml", shallow=False)


def it_carries_overrides_into_both_documents(tmp_path):
    import io

    import docx
    from pypdf import PdfReader

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "sources" / "lavrov-pakistan-2021.yaml").write_text(
        "title: Russia and Pakistan draw closer\nmarking: OFFICIAL\n"
        "emphasis: {terms: [46 percent]}\nimplications: [Expect Indian concern.]\n",
        encoding="utf-8")
    assert brief("make", cwd=tmp_path).returncode == 0
    dist = tmp_path / "dist"
    word = docx.Document(dist / "lavrov-pakistan-2021.docx")
    assert word.paragraphs[1].text == "Russia and Pakistan draw closer"
    assert "46 percent" in [r.text for p in word.paragraphs for r in p.runs if r.bold]
    assert "Analyst comment: Expect Indian concern." in docx_text(
        (dist / "lavrov-pakistan-2021.docx").read_bytes())
    reader = PdfReader(io.BytesIO((dist / "lavrov-pakistan-2021.pdf").read_bytes()))
    bold = []

    def visit(text, cm, tm, font, size):
        if font and "Bold" in str(font.get("/BaseFont")):
            bold.append(text)

    for page in reader.pages:
        assert page.extract_text().count("OFFICIAL") == 2  # top and bottom of every page
        page.extract_text(visitor_text=visit)
    assert any("46 percent" in text for text in bold)
