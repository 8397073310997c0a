"""The page budget: the fewest items left out, found in a few builds, never one per item."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from brief.model import Item
from brief.render import budget
from brief.render.template import Style
from brief.render.writers import pdf

from conftest import SAMPLE


@given(st.integers(1, 60).flatmap(lambda n: st.tuples(
    st.just(n), st.integers(1, n + 1), st.integers(1, n))))
def it_finds_the_fewest_steps_that_fit_in_logarithmically_many_probes(case):
    n, threshold, guess = case  # threshold n + 1: nothing fits
    probes = []

    def fits(k: int) -> bool:
        probes.append(k)
        return k >= threshold

    assert budget.fewest(fits, n, guess) == min(threshold, n)
    assert len(probes) <= math.ceil(math.log2(n + 1)) + 2
    assert all(1 <= k <= n for k in probes)


def it_settles_a_right_guess_in_two_probes():
    probes = []
    assert budget.fewest(lambda k: probes.append(k) or k >= 7, 30, 7) == 7
    assert probes == [7, 6]


def it_builds_the_pdf_a_few_times_not_once_per_item_left_out(monkeypatch, tmp_path):
    import dataclasses

    from brief.pipeline import compile_source
    from brief.render.layout import Relayout
    from brief.render.template import builtin_root, load_style
    from brief.settings import Settings

    brief = compile_source(SAMPLE)
    many = tuple(Item(f"{item.text} {item.text}", item.sentences)
                 for item in brief.implications * 6)
    brief = dataclasses.replace(brief, implications=many)
    folder = builtin_root() / "default"
    style: Style = dataclasses.replace(load_style(folder), pages=1)
    relayout = Relayout(Settings(), folder, "7 April 2021")
    builds = []
    real = pdf._build_fitted  # a build as the budget sees it (set tighter if that saves a page)
    monkeypatch.setattr(pdf, "_build_fitted", lambda *a: builds.append(1) or real(*a))
    data, reduced, left_out = pdf.render_within(brief, relayout(brief), style, relayout)
    assert reduced is not None and len(left_out) >= 6
    assert len(builds) <= 2 + math.ceil(math.log2(len(budget.removals(brief)) + 1))
    assert len(builds) < len(left_out)
    assert real(relayout(reduced), style)[1] == 1  # it fits…
    fuller = budget.removals(brief)[len(left_out) - 2][0] if len(left_out) > 1 else brief
    assert real(relayout(fuller), style)[1] > 1  # …and with one item fewer left out, not
