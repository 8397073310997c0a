"""Word offers to repair a file whose elements break the schema's order, where LibreOffice
and python-docx read on regardless: every paragraph and run property of every part brief
writes, with everything it can hold (logo, marking, running lines, right-to-left text,
analyst comments, a reference.docx), follows the order of ECMA-376."""

import dataclasses
import io
import re
import zipfile

import pytest
from lxml import etree

from brief.model import Item
from brief.pipeline import compile_source
from brief.render.layout import layout
from brief.render.template import Style, builtin_root, load_style
from brief.render.writers import writer
from brief.settings import Settings

from conftest import SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# ECMA-376 Part 1, CT_PPrBase + CT_PPr and CT_RPr: the order their children must come in.
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
           "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
           "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
           "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
           "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
           "specVanish oMath",
}
URDU = "وزیر خارجہ شاہ محمود قریشی نے کہا کہ پاکستان اور روس کے درمیان تجارت بڑھی ہے"


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    """Return the sample as a DOCX with every feature a brief can carry, built twice: on
    python-docx's own template and on the shipped reference.docx."""
    from PIL import Image

    sample = compile_source(SAMPLE)
    brief = dataclasses.replace(
        sample, marking="OFFICIAL-SENSITIVE", emphasis=("Lavrov", "پاکستان"),
        title=f"Talks in پاکستان: {sample.title}",
        summary=(Item(URDU, ("s1",), None), *sample.summary),  # a right-to-left panel
        implications=(Item(URDU, ("s12",), None), *sample.implications,
                      Item(f"Expect a visit by Putin: {URDU}", (), None, origin="analyst")))
    logo = tmp_path_factory.mktemp("logo") / "crest.png"
    Image.new("RGB", (120, 40), "navy").save(logo)
    document = layout(brief, Settings(organisation="Policy Unit"), builtin_root() / "default",
                      "today")
    shipped = load_style(builtin_root() / "default")
    return {
        "plain": writer("docx").render(brief, document, Style(logo=logo)),
        "reference": writer("docx").render(brief, document,
                                           dataclasses.replace(shipped, logo=logo)),
    }


@pytest.mark.parametrize("kind", ["plain", "reference"])
def it_orders_every_property_as_the_schema_does(everything, kind):
    checked = 0
    with zipfile.ZipFile(io.BytesIO(everything[kind])) as archive:
        parts = [n for n in archive.namelist() if re.fullmatch(r"word/[^/]+\.xml", n)]
        for name in parts:
            root = etree.fromstring(archive.read(name))
            for tag, sequence in SEQUENCES.items():
                rank = {child: i for i, child in enumerate(sequence.split())}
                for element in root.iter(W + tag):
                    children = [etree.QName(c).localname for c in element
                                if isinstance(c.tag, str)]
                    unknown = [c for c in children if c not in rank]
                    assert not unknown, f"{name}: {tag} holds {unknown}"
                    ranks = [rank[c] for c in children]
                    assert ranks == sorted(ranks), f"{name}: {tag} children {children}"
                    assert len(set(children)) == len(children), f"{name}: {tag} repeats"
                    checked += 1
    assert checked > 100  # the walk saw the document, not an empty part


@pytest.mark.parametrize("kind", ["plain", "reference"])
def it_declares_a_content_type_for_every_part(everything, kind):
    with zipfile.ZipFile(io.BytesIO(everything[kind])) as archive:
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        names = archive.namelist()
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension").lower() for d in types.iter(ns + "Default")}
    overrides = {o.get("PartName") for o in types.iter(ns + "Override")}
    for name in names:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
