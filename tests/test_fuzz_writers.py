"""Every writer renders any text: the whole of Unicode but surrogates, control characters,
right-to-left scripts, combining marks and emoji, in every part of a brief."""

import dataclasses
import html
import io
import json
import re
import unicodedata

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from brief.model import Actor, Event, Figure, Item
from brief.pipeline import compile_source
from brief.render.layout import layout
from brief.render.template import Style, builtin_root
from brief.render.writers import WRITERS, writer
from brief.settings import Settings

from conftest import SAMPLE, docx_text

SPECIAL = st.sampled_from(
    [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u200b", "\u200e", "\u200f", "\u202e",
                                     "\u2028", "\ufeff", "\ufffe", "\uffff", "\U0010ffff"]
    + list("שלוםسلامپاکستان") + ["\u064b", "\u0301", "\u20dd", "\u0650", "\u0327"]
    + ["😀", "👩‍👩‍👧", "🇵🇰", "1️⃣", "🏳️‍🌈"] + list("北京Москва&<>\"'{}%#\\"))
CHARACTERS = st.one_of(st.characters(blacklist_categories=("Cs",)), SPECIAL)
TEXT = st.lists(CHARACTERS, min_size=1, max_size=30).map("".join)  # emoji may be sequences


@pytest.fixture(scope="module")
def sample():
    return compile_source(SAMPLE)


def fuzzed(brief, texts):
    title, summary, outcome, name, figure, marking = texts
    return dataclasses.replace(
        brief, title=title, subtitle=summary, marking=marking,
        summary=(Item(summary, ("s1",)),), outcomes=(Item(outcome, ("s2",), outcome),),
        implications=(Item(outcome, (), None, "analyst"),), watch=(Event(name, figure, ()),),
        figures=(Figure(figure, summary, ("s3",)),),
        actors=(Actor(name, title, ("s4",)), Actor(name, None, ("s5",), "organisation")))


def printable(text: str) -> str:
    """Return the words of `text` a document can hold: no control characters or
    non-characters (XML has no place for them), whitespace squeezed."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cs")
                   and ord(c) not in (0xFFFE, 0xFFFF))
    return "".join(kept.split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def it_renders_any_text_in_every_part_of_a_brief(sample, fmt):
    @settings(max_examples=40, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT))
    def check(texts):
        brief = fuzzed(sample, texts)
        document = layout(brief, Settings(), builtin_root() / "default", "7 April 2021")
        data = writer(fmt).render(brief, document, Style())
        assert isinstance(data, bytes) and data
        if fmt == "pdf":
            assert len(PdfReader(io.BytesIO(data)).pages) >= 1
        elif fmt == "docx":
            docx.Document(io.BytesIO(data))
            text = _squeezed(docx_text(data))
            for part in texts[:3]:
                assert printable(part) in text
        elif fmt == "html":
            text = _squeezed(html.unescape(re.sub(r"<[^>]*>", "", data.decode())))
            for part in texts[:3]:
                assert printable(part) in text
        elif fmt == "json":
            assert json.loads(data)["title"] == texts[0]
        else:
            assert data.decode()

    check()
