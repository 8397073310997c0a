"""A long article's sentences read by two processes: the same analysis as one gives."""

import os
import sys
from pathlib import Path

import pytest

from brief.extract import fanout
from brief.extract.analyze import analyze
from brief.extract.segment import segment
from brief.model import Article, SourceInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from longtext import article  # noqa: E402  (shared with benchmarks/speed.py)

forks = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


@forks
def it_gives_the_results_of_one_process_in_order():
    items = list(range(3 * fanout.MIN_ITEMS))
    split = fanout.Split(lambda n: (n, str(n * n)), items, workers=2, share=0.8)
    assert split.pid is not None  # a helper took a share
    assert split.results() == [(n, str(n * n)) for n in items]


@forks
def it_works_out_the_helpers_share_itself_when_the_helper_fails():
    parent = os.getpid()

    def work(n):
        if os.getpid() != parent:
            raise RuntimeError("the helper fails")
        return n + 1

    items = list(range(2 * fanout.MIN_ITEMS))
    assert fanout.Split(work, items, workers=2, share=0.5).results() == [n + 1 for n in items]


def it_stays_in_one_process_for_few_items_or_one_worker():
    assert fanout.Split(str, list(range(10)), workers=2, share=0.8).pid is None
    assert fanout.Split(str, list(range(5000)), workers=1, share=0.8).pid is None


@forks
def it_analyses_a_long_article_alike_in_one_process_and_two():
    text = article(60_000)
    sentences = segment(Article(SourceInfo("long.txt"), tuple(text.split("\n\n"))))
    assert len(sentences) > fanout.MIN_ITEMS
    assert analyze(sentences, workers=2) == analyze(sentences)


@forks
def it_ends_the_helper_when_its_results_are_never_asked_for():
    """Something failing between the split and its results must not leave a helper blocked
    on a full pipe: it is ended, and reaped."""
    split = fanout.Split(lambda n: "x" * 200, list(range(3 * fanout.MIN_ITEMS)), workers=2,
                         share=0.8)
    pid = split.pid
    assert pid is not None
    split.close()
    assert split.pid is None
    with pytest.raises(ChildProcessError):  # reaped: no zombie left
        os.waitpid(pid, os.WNOHANG)
    split.close()  # twice is harmless
