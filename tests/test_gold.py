"""The hand-checked gold set (benchmarks/gold.json): 34 dev articles of the evaluation corpus
with the people an editor would list, what is not a person, and the key number. The corpus
itself stays outside the project (../shared/corpus); without it these tests skip."""

import json
import sys

import pytest

from brief.pipeline import compile_source

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))
import editor  # noqa: E402  (benchmarks/ is not a package: the lint lives beside quality.py)

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    gold = editor.load_gold()
    folder = tmp_path_factory.mktemp("gold")
    results = {}
    for name in ("cnndm-dev.jsonl", "xsum-dev.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] in gold:
                source = folder / f"{record['id']}.txt"
                source.write_text(record["article"], encoding="utf-8")
                brief = compile_source(source)
                results[record["id"]] = (brief, editor.against_gold(brief, gold[record["id"]]))
    assert len(results) == len(gold)
    return results


def it_lists_people_an_editor_would_keep(checked):
    listed = sum(c["people_listed"] for _, c in checked.values())
    right = sum(c["people_right"] for _, c in checked.values())
    assert right / listed >= 0.9
    assert not [p for _, c in checked.values() for p in c["not_people_listed"]]


def it_never_inserts_a_name_that_is_nobody_in_the_article(checked):
    assert not [n for _, c in checked.values() for n in c["wrong_insertions"]]


def it_keeps_the_key_number(checked):
    keys = [c["key_number"] for _, c in checked.values() if c["key_number"] is not None]
    assert sum(keys) >= 0.9 * len(keys)


def it_passes_the_editor_s_lint_on_every_gold_brief(checked):
    for name, (brief, _) in checked.items():
        lint = editor.lint(brief)
        assert not (lint.cut_items or lint.furniture or lint.speakerless or lint.past_watch
                    or lint.title_faults), (name, lint)

