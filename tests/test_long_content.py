"""Long and unusual content always builds: PDF, DOCX and JSON, at most with a warning."""

import itertools
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from brief.cli import main
from brief.render.doctree import Span
from brief.render.layout import bound_cell

from conftest import docx_text, pdf_text

# Long articles: real-looking news sentences naming many distinct people, organisations and
# places, the same for the same length every run.
FIRST = ["Sergey", "Imran", "Shah", "Maria", "Olaf", "Amina", "Javier", "Li", "Fatima", "Kofi",
         "Elena", "Rahul", "Ngozi", "Pierre", "Yuki", "Hassan", "Ingrid", "Tomasz", "Aisha",
         "Carlos", "Mei", "Dmitri", "Noura", "Jonas"]
LAST = ["Petrov", "Qureshi", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski",
        "Mensah", "Ibrahim", "Alvarez", "Chen", "Novak", "Singh", "Eriksen", "Baptiste",
        "Yamamoto", "Rahman", "Fischer", "Costa"]
ROLES = ["Foreign Minister", "Finance Minister", "Prime Minister", "Energy Minister",
         "President", "Ambassador", "Governor", "Defence Minister"]
COUNTRIES = ["Pakistan", "Russia", "China", "India", "Germany", "France", "Brazil", "Nigeria",
             "Kenya", "Japan", "Turkey", "Egypt", "Poland", "Mexico", "Indonesia", "Canada"]
ORGANISATIONS = ["the World Bank", "the International Monetary Fund", "the United Nations",
                 "the African Union", "the European Union", "the World Health Organization",
                 "the Asian Development Bank", "the World Trade Organization"]
SENTENCES = [
    "{role} {name} said on Monday that {a} and {b} would sign a trade agreement worth "
    "${n}bn by the end of the year.",
    "{name}, the {role} of {a}, warned that talks with {org} could collapse if the "
    "deadline of 1 May passed without a deal.",
    "Exports from {a} to {b} rose by {n} percent last year, according to figures "
    "published by {org}.",
    "{role} {name} met officials from {org} in {a} to discuss the gas pipeline and the "
    "{n} million tonnes of grain still held in port.",
    "Analysts said the visit by {name} showed that {a} was seeking a larger role in the "
    "region, while {b} remained cautious.",
    "{name} is expected to visit {b} in June to finalise a loan of ${n}bn from {org}.",
    "The agreement between {a} and {b} will create {n},000 jobs, {role} {name} told "
    "reporters.",
    "Critics in {a} argued that the deal with {org} would increase debt, and {name} "
    "promised a review within {n} days.",
]


def article(words: int) -> str:
    """Return an article of about `words` words, in paragraphs of five sentences."""
    people = [f"{first} {last}" for last, first in itertools.product(LAST, FIRST)]
    sentences, count = [], 0
    for i in itertools.count():
        text = SENTENCES[i % len(SENTENCES)].format(
            name=people[(i * 7) % len(people)], role=ROLES[i % len(ROLES)],
            a=COUNTRIES[i % len(COUNTRIES)], b=COUNTRIES[(i * 3 + 1) % len(COUNTRIES)],
            org=ORGANISATIONS[(i // 3) % len(ORGANISATIONS)], n=(i * 13) % 97 + 2)
        sentences.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))


def make(project: Path, *args: str):
    """Run `brief make` in `project` (one worker: the tests stay in one process)."""
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, ["make", "-j", "1", "--format", "pdf,docx,json", *args],
                                  catch_exceptions=False)
    finally:
        os.chdir(cwd)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    return tmp_path / "sources"


def it_builds_an_18k_word_article_with_many_people_in_bounded_tables(sources):
    (sources / "long.txt").write_text(article(18_000), encoding="utf-8")
    result = make(sources.parent)
    assert result.exit_code == 0, result.output
    dist = sources.parent / "dist"
    brief = json.loads((dist / "long.json").read_text(encoding="utf-8"))
    people = [a for a in brief["actors"] if a["kind"] == "person"]
    assert len(people) == 12 and len(brief["figures"]) <= 12
    assert all(len(a["sentences"]) > 6 for a in people)  # the JSON keeps every mention
    pdf = pdf_text((dist / "long.pdf").read_bytes())
    word = docx_text((dist / "long.docx").read_bytes())
    for text in (pdf, word):
        assert "more)" in text and "Mentioned in" in text
    assert len(PdfReader(dist / "long.pdf").pages) <= 4


@pytest.mark.parametrize(("cell", "expected"), [
    (", ".join(f"s{i}" for i in range(1, 44)), "s1, s2, s3, s4, s5, s6 … (+37 more)"),
    ("s1, s4, s9", "s1, s4, s9"),
    ("word " * 100, ("word " * 60).strip() + " …"),
    ("x" * 1000, "x" * 300 + " …"),
])
def it_bounds_every_table_cell(cell, expected):
    assert "".join(s.text for s in bound_cell((Span(cell),))) == expected


def it_bounds_a_cell_of_many_spans_keeping_their_formatting():
    spans = (Span("Name ", bold=True), Span("y" * 400, italic=True))
    bounded = bound_cell(spans)
    assert bounded[0] == spans[0] and bounded[1].italic
    assert len("".join(s.text for s in bounded)) <= 302
