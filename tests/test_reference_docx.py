"""An organisation's own reference.docx, whatever wrote it: its letterhead's places kept,
styles it lacks supplied, and no crash on what Word would take."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from brief.render.template import builtin_root

from conftest import cli

STEM = "lavrov-pakistan-2021"


@pytest.fixture
def house(project: Path) -> Path:
    """Return the folder of a project template `house` (brief.yaml chooses it)."""
    folder = project / "templates" / "house"
    folder.mkdir(parents=True)
    shutil.copy(builtin_root() / "default" / "brief.html.j2", folder)
    (project / "brief.yaml").write_text("template: house\n", encoding="utf-8")
    return folder


def build(project: Path) -> docx.document.Document:
    result = cli(project, "make", "-j", "1", "-f", "docx")
    assert result.exit_code == 0, result.output
    return docx.Document(str(project / "dist" / f"{STEM}.docx"))


def it_keeps_the_letterhead_s_header_and_footer_distances(project, house):
    reference = docx.Document()
    section = reference.sections[0]
    section.top_margin, section.header_distance, section.footer_distance = Mm(60), Mm(8), Mm(6)
    section.header.paragraphs[0].text = "ACME letterhead"
    reference.save(str(house / "reference.docx"))
    section = build(project).sections[0]
    assert round(section.header_distance.mm) == 8 and round(section.footer_distance.mm) == 6
    assert section.header.paragraphs[0].text == "ACME letterhead"


def it_builds_from_a_reference_without_page_margins(project, house):
    reference = docx.Document()
    properties = reference.element.body.find(qn("w:sectPr"))
    for margins in properties.findall(qn("w:pgMar")):
        properties.remove(margins)
    reference.save(str(house / "reference.docx"))
    word = build(project)
    assert word.tables and word.paragraphs[1].style.name == "Title"


def it_supplies_the_styles_a_reference_lacks(project, house):
    """As a reference LibreOffice wrote: no Title, Heading 1 or List Bullet until used."""
    reference = docx.Document()
    styles = reference.styles.element
    for element in list(styles.findall(qn("w:style"))):
        name = element.find(qn("w:name")).get(qn("w:val")).lower()
        if name in ("title", "heading 1", "heading 2", "list bullet", "subtitle"):
            styles.remove(element)
    reference.save(str(house / "reference.docx"))
    word = build(project)
    used = {p.style.name for p in word.paragraphs}
    assert {"Title", "Heading 1", "List Bullet"} <= used


def it_writes_one_core_properties_part_whatever_the_reference_calls_it(project, house):
    """LibreOffice names the core properties' relationship by an older type: python-docx
    adds its own, and the package must not then hold docProps/core.xml twice."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    old = b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    lo = b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
    with zipfile.ZipFile(buffer) as source, \
            zipfile.ZipFile(house / "reference.docx", "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data.replace(old, lo) if info.filename == "_rels/.rels" else data)
    build(project)
    with zipfile.ZipFile(project / "dist" / f"{STEM}.docx") as archive:
        names = archive.namelist()
    assert names.count("docProps/core.xml") == 1


def it_shortens_every_running_slot_so_none_wraps(project, house):
    (house / "style.yaml").write_text(
        'page:\n  header_left: "{title}"\n  header_center: "{marking}"\n'
        '  header_right: "{title}"\n', encoding="utf-8")
    (project / "sources" / f"{STEM}.yaml").write_text(
        "marking: OFFICIAL-SENSITIVE\ntitle: " + "A very long title about a visit " * 6 + "\n",
        encoding="utf-8")
    header = build(project).sections[0].header.paragraphs[-1].text
    left, centre, right = header.split("\t")
    assert centre == "OFFICIAL-SENSITIVE"
    assert left.endswith("…") and right.endswith("…")
    # each side within half of what the marking leaves of a 174 mm line, at 7.5 pt
    assert len(left) <= 55 and len(right) <= 55
