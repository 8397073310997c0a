"""The DOCX package: the reference read once a process, no stock stylesWithEffects.xml, one
compression pass that gives the same bytes for the same brief."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import docx
import pytest

from brief.pipeline import compile_source
from brief.render.layout import layout
from brief.render.template import builtin_root, load_style
from brief.render.writers import docx as writer
from brief.settings import Settings

from conftest import SAMPLE, docx_text

EFFECTS = "word/stylesWithEffects.xml"


@pytest.fixture
def sample():
    brief = compile_source(SAMPLE)
    folder = builtin_root() / "default"
    return brief, layout(brief, Settings(), folder, "7 April 2021"), load_style(folder)


def _names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


@pytest.mark.parametrize("reference", [True, False], ids=["reference", "no reference"])
def it_leaves_out_the_stock_styles_with_effects(sample, reference):
    brief, document, style = sample
    if not reference:
        style = dataclasses.replace(style, reference_docx=None)
    data = writer.render(brief, document, style)
    assert EFFECTS not in _names(data)
    content_types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    assert "stylesWithEffects" not in content_types
    assert "Russian Foreign Minister" in docx_text(data)
    docx.Document(io.BytesIO(data))  # python-docx opens what it wrote


def it_keeps_a_styles_with_effects_part_the_users_word_wrote(sample, tmp_path: Path):
    brief, document, style = sample
    own = tmp_path / "reference.docx"
    with zipfile.ZipFile(style.reference_docx) as source, zipfile.ZipFile(own, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == EFFECTS:
                data = data.replace(b"</w:styles>", b"<!-- the user's --></w:styles>")
            target.writestr(info, data)
    assert EFFECTS in _names(writer.render(brief, document,
                                           dataclasses.replace(style, reference_docx=own)))


def it_reads_the_reference_once_a_process_and_again_when_it_changes(sample, monkeypatch,
                                                                    tmp_path: Path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617753600")  # equal bytes across a second's tick
    brief, document, style = sample
    own = tmp_path / "reference.docx"
    own.write_bytes(style.reference_docx.read_bytes())
    style = dataclasses.replace(style, reference_docx=own)
    opened = []
    real = docx.Document
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617753600")  # equal bytes across a second's tick
    monkeypatch.setattr(docx, "Document", lambda *a: opened.append(a) or real(*a))
    first = writer.render(brief, document, style)
    assert writer.render(brief, document, style) == first
    assert len(opened) == 1
    word = real(str(own))
    word.add_paragraph("House boilerplate")
    word.save(str(own))
    writer.render(brief, document, style)
    assert len(opened) == 2


def it_gives_the_same_bytes_for_the_same_brief(sample, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1617753600")
    brief, document, style = sample
    first = writer.render(brief, document, style)
    assert writer.render(brief, document, style) == first
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {i.date_time for i in infos} == {(2021, 4, 7, 0, 0, 0)}
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
